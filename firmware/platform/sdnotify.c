/* sdnotify.c — the sd_notify protocol in plain socket code (no libsystemd):
 * one AF_UNIX datagram per message to $NOTIFY_SOCKET, and the watchdog
 * interval from $WATCHDOG_USEC / $WATCHDOG_PID. */
#include "platform/sdnotify.h"
#include "base/ov_common.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define FEEDS_PER_INTERVAL 2 /* the watchdog is fed this many times per WATCHDOG_USEC */

int ov_sd_notify(const char *state)
{
    const char *name = getenv("NOTIFY_SOCKET");
    if (!name || !*name) return OV_ENOTFOUND;
    if (!state || !*state) return OV_EINVAL;

    struct sockaddr_un sa;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    size_t len = strlen(name);
    /* A path must start with '/'; '@' means the abstract namespace. */
    if ((name[0] != '/' && name[0] != '@') || len >= sizeof sa.sun_path) return OV_EINVAL;
    memcpy(sa.sun_path, name, len);
    if (name[0] == '@') sa.sun_path[0] = '\0';
    socklen_t salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + (name[0] == '/' ? 1 : 0));

    int rc = OV_OK;
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return OV_EIO;
    size_t n = strlen(state);
    ssize_t sent;
    do {
        sent = sendto(fd, state, n, MSG_NOSIGNAL | MSG_DONTWAIT, (struct sockaddr *)&sa, salen);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0 || (size_t)sent != n) rc = OV_EIO;
    close(fd);
    return rc;
}

/* Parse a whole decimal string into *out; 0 on success, -1 otherwise. */
static int parse_u64(const char *s, unsigned long long *out)
{
    if (!s || *s < '0' || *s > '9') return -1;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || !end || *end != '\0') return -1;
    *out = v;
    return 0;
}

uint64_t ov_sd_watchdog_interval_ms(void)
{
    unsigned long long usec = 0, pid = 0;
    if (parse_u64(getenv("WATCHDOG_USEC"), &usec) != 0 || usec == 0) return 0;
    const char *p = getenv("WATCHDOG_PID");
    if (p && *p) {
        if (parse_u64(p, &pid) != 0 || pid != (unsigned long long)getpid()) return 0;
    }
    uint64_t ms = (uint64_t)(usec / (OV_US_PER_MS * FEEDS_PER_INTERVAL));
    return ms ? ms : 1;
}
