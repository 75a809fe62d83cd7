/* test_sdnotify.c — the kiosk's sd_notify messages reach systemd: a real
 * AF_UNIX datagram socket stands in for systemd's notify socket, and the
 * watchdog interval follows $WATCHDOG_USEC / $WATCHDOG_PID. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "base/ov_common.h"
#include "platform/sdnotify.h"
#include "test_tmp.h"

typedef struct {
    char dir[128];
    char path[200];
    int fd;
} sock_fixture;

/* Bind a datagram socket like systemd's; abstract when `abstract_name` is set. */
static int open_listener(sock_fixture *f, const char *abstract_name)
{
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    socklen_t len;
    f->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (f->fd < 0) return -1;
    if (abstract_name) {
        size_t n = strlen(abstract_name);
        memcpy(sa.sun_path + 1, abstract_name, n);
        len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n);
        snprintf(f->path, sizeof f->path, "@%s", abstract_name);
    } else {
        ov_test_tmp_template(f->dir, sizeof f->dir, "ov-sdnotify");
        if (!mkdtemp(f->dir)) return -1;
        snprintf(f->path, sizeof f->path, "%s/notify", f->dir);
        strcpy(sa.sun_path, f->path);
        len = (socklen_t)sizeof sa;
    }
    if (bind(f->fd, (struct sockaddr *)&sa, len) != 0) return -1;
    return 0;
}

static void close_listener(sock_fixture *f)
{
    if (f->fd >= 0) close(f->fd);
    if (f->dir[0]) { unlink(f->path); rmdir(f->dir); }
}

/* Receive one message without blocking forever. */
static ssize_t recv_msg(int fd, char *buf, size_t len)
{
    struct timeval tv = { 2, 0 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ssize_t n = recv(fd, buf, len - 1, 0);
    if (n >= 0) buf[n] = '\0';
    return n;
}

static void test_ready_reaches_path_socket(void **state)
{
    (void)state;
    sock_fixture f = { .fd = -1 };
    assert_int_equal(open_listener(&f, NULL), 0);
    setenv("NOTIFY_SOCKET", f.path, 1);

    assert_int_equal(ov_sd_notify("READY=1\nSTATUS=Showing the welcome screen"), OV_OK);
    char buf[256];
    ssize_t n = recv_msg(f.fd, buf, sizeof buf);
    assert_true(n > 0);
    assert_string_equal(buf, "READY=1\nSTATUS=Showing the welcome screen");

    /* The main loop pings repeatedly: every ping arrives as its own message. */
    for (int i = 0; i < 3; i++) assert_int_equal(ov_sd_notify("WATCHDOG=1"), OV_OK);
    for (int i = 0; i < 3; i++) {
        assert_true(recv_msg(f.fd, buf, sizeof buf) > 0);
        assert_string_equal(buf, "WATCHDOG=1");
    }
    unsetenv("NOTIFY_SOCKET");
    close_listener(&f);
}

static void test_ready_reaches_abstract_socket(void **state)
{
    (void)state;
    char name[64];
    snprintf(name, sizeof name, "ov-test-sdnotify-%ld", (long)getpid());
    sock_fixture f = { .fd = -1 };
    assert_int_equal(open_listener(&f, name), 0);
    setenv("NOTIFY_SOCKET", f.path, 1);
    assert_int_equal(ov_sd_notify("READY=1"), OV_OK);
    char buf[64];
    assert_true(recv_msg(f.fd, buf, sizeof buf) > 0);
    assert_string_equal(buf, "READY=1");
    unsetenv("NOTIFY_SOCKET");
    close_listener(&f);
}

static void test_not_under_systemd_is_harmless(void **state)
{
    (void)state;
    unsetenv("NOTIFY_SOCKET");
    assert_int_equal(ov_sd_notify("READY=1"), OV_ENOTFOUND);
    setenv("NOTIFY_SOCKET", "", 1);
    assert_int_equal(ov_sd_notify("READY=1"), OV_ENOTFOUND);
    unsetenv("NOTIFY_SOCKET");
}

static void test_bad_socket_names_and_dead_systemd(void **state)
{
    (void)state;
    setenv("NOTIFY_SOCKET", "relative/path", 1);
    assert_int_equal(ov_sd_notify("READY=1"), OV_EINVAL);
    char longname[300];
    memset(longname, 'a', sizeof longname - 1);
    longname[0] = '/';
    longname[sizeof longname - 1] = '\0';
    setenv("NOTIFY_SOCKET", longname, 1);
    assert_int_equal(ov_sd_notify("READY=1"), OV_EINVAL);

    /* A socket path nobody listens on: an error the caller can log, no crash. */
    char dir[96];
    ov_test_tmp_template(dir, sizeof dir, "ov-sdnotify");
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/gone", dir);
    setenv("NOTIFY_SOCKET", path, 1);
    assert_int_equal(ov_sd_notify("WATCHDOG=1"), OV_EIO);
    assert_int_equal(ov_sd_notify(""), OV_EINVAL);
    assert_int_equal(ov_sd_notify(NULL), OV_EINVAL);
    rmdir(dir);
    unsetenv("NOTIFY_SOCKET");
}

static void test_watchdog_interval(void **state)
{
    (void)state;
    unsetenv("WATCHDOG_PID");
    unsetenv("WATCHDOG_USEC");
    assert_int_equal(ov_sd_watchdog_interval_ms(), 0);      /* no watchdog asked for */

    setenv("WATCHDOG_USEC", "30000000", 1);                  /* WatchdogSec=30 */
    assert_int_equal(ov_sd_watchdog_interval_ms(), 15000);  /* ping every 15 s */

    char pid[32];
    snprintf(pid, sizeof pid, "%ld", (long)getpid());
    setenv("WATCHDOG_PID", pid, 1);
    assert_int_equal(ov_sd_watchdog_interval_ms(), 15000);
    snprintf(pid, sizeof pid, "%ld", (long)getpid() + 1);
    setenv("WATCHDOG_PID", pid, 1);                          /* meant for another process */
    assert_int_equal(ov_sd_watchdog_interval_ms(), 0);
    unsetenv("WATCHDOG_PID");

    setenv("WATCHDOG_USEC", "1", 1);                         /* tiny but valid: never 0 */
    assert_int_equal(ov_sd_watchdog_interval_ms(), 1);
    const char *bad[] = { "", "0", "-5", "abc", "12s", " 100" };
    for (size_t i = 0; i < OV_ARRAY_LEN(bad); i++) {
        setenv("WATCHDOG_USEC", bad[i], 1);
        assert_int_equal(ov_sd_watchdog_interval_ms(), 0);
    }
    unsetenv("WATCHDOG_USEC");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ready_reaches_path_socket),
        cmocka_unit_test(test_ready_reaches_abstract_socket),
        cmocka_unit_test(test_not_under_systemd_is_harmless),
        cmocka_unit_test(test_bad_socket_names_and_dead_systemd),
        cmocka_unit_test(test_watchdog_interval),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
