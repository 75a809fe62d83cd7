/* pin_hash.c — ov_pin_hash: ui/pin.c's hash with a random salt; the
 * wrong-PIN wait kept in the data folder so a restart gives no new tries. */
#include "platform/pin_hash.h"

#include "platform/files.h"
#include "ui/pin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The kept wait is one short line. */
#define GUARD_FILE_MAX 256
#define GUARD_FILE_NAME "pin-wait"
#define GUARD_NAME_ROOM 16  /* room for "/" GUARD_FILE_NAME after the data folder */
#define GUARD_TMP_ROOM 24   /* ... and for its ".new" */
#define GUARD_LINE_LEN 64   /* the file's one line: wrong tries and the next try's time */
#define DAMAGED_WRONG_TRIES 10 /* a damaged file counts as this many wrong tries past the free ones */

int ov_pin_hash(const char *pin, char *out, size_t outlen)
{
    unsigned char salt[OV_PIN_SALT_LEN];
    if (ov_random_bytes(salt, sizeof salt) != OV_OK) return OV_EIO;
    return ov_pin_hash_salted(pin, salt, sizeof salt, OV_PIN_ITERATIONS, out, outlen);
}

static void guard_path(const char *data_dir, char *out, size_t outlen)
{
    snprintf(out, outlen, "%s/" GUARD_FILE_NAME, data_dir);
}

int ov_pin_guard_load(const char *data_dir, uint64_t now_ms, ov_pin_guard *g, char *err, size_t errlen)
{
    char path[OV_PATH_MAX + GUARD_NAME_ROOM], why[OV_ERR_LEN];
    char *text = NULL;
    size_t len = 0;
    ov_pin_guard_init(g);
    guard_path(data_dir, path, sizeof path);
    int rc = ov_file_read_all(path, GUARD_FILE_MAX, &text, &len, why, sizeof why);
    if (rc == OV_ENOTFOUND) return OV_OK;
    if (rc != OV_OK) return ov_fail(err, errlen, rc, "%s: %s", path, why);
    rc = ov_pin_guard_parse(text, now_ms, g);
    free(text);
    if (rc != OV_OK) {
        /* a damaged file must not give free tries: the longest wait */
        g->wrong = OV_PIN_FREE_TRIES + DAMAGED_WRONG_TRIES;
        g->next_try_ms = now_ms + OV_PIN_MAX_WAIT_MS;
        return ov_fail(err, errlen, OV_EINVAL, "%s:1: not a wrong-PIN wait line; the longest wait applies. "
                       "Delete the file to start again", path);
    }
    return OV_OK;
}

/* Write all of buf to fd. Returns 0, or -1 with errno set. */
static int write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

int ov_pin_guard_save(const char *data_dir, const ov_pin_guard *g, uint64_t now_ms, char *err, size_t errlen)
{
    char path[OV_PATH_MAX + GUARD_NAME_ROOM], tmp[OV_PATH_MAX + GUARD_TMP_ROOM], line[GUARD_LINE_LEN];
    guard_path(data_dir, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%s.new", path);
    if (ov_pin_guard_format(g, now_ms, line, sizeof line) != OV_OK)
        return ov_fail(err, errlen, OV_EINVAL, "wrong-PIN wait: line too long");
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return ov_fail(err, errlen, ov_errno_code(errno), "%s: cannot write: %s; check the data folder", tmp,
                       strerror(errno));
    int bad = write_all(fd, line, strlen(line)) != 0 || fsync(fd) != 0;
    int saved = errno;
    if (close(fd) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (bad || rename(tmp, path) != 0) {
        if (!bad) saved = errno;
        unlink(tmp);
        return ov_fail(err, errlen, ov_errno_code(saved), "%s: cannot write: %s; check the data folder", path,
                       strerror(saved));
    }
    return OV_OK;
}
