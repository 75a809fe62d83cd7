/* fsops.c — the real filesystem call table and the safe file writer
 * (temp name, fsync, rename, fsync folder, syncfs, read back, compare). */
#include "platform/fsops.h"
#include "platform/files.h"
#include "base/ov_common.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int real_open(const char *p, int f, mode_t m) { return open(p, f, m); }
static int real_fadvise(int fd, off_t o, off_t l, int a)
{
    int rc = posix_fadvise(fd, o, l, a);
    if (rc) { errno = rc; return -1; }
    return 0;
}

static const ov_fsops real_ops = {
    .open = real_open, .write = write, .read = read, .fsync = fsync, .close = close,
    .rename = rename, .unlink = unlink, .mkdir = mkdir, .syncfs = syncfs,
    .utimensat = utimensat, .fadvise = real_fadvise,
};

const ov_fsops *ov_fsops_real(void) { return &real_ops; }

const char *ov_fs_step_name(ov_fs_step step)
{
    switch (step) {
    case OV_STEP_OPEN: return "open";
    case OV_STEP_WRITE: return "write";
    case OV_STEP_UTIMES: return "set neutral time";
    case OV_STEP_FSYNC: return "fsync";
    case OV_STEP_CLOSE: return "close";
    case OV_STEP_RENAME: return "rename";
    case OV_STEP_FSYNC_DIR: return "fsync folder";
    case OV_STEP_SYNCFS: return "syncfs";
    case OV_STEP_READBACK: return "read back";
    case OV_STEP_COMPARE: return "compare";
    case OV_STEP_MKDIR: return "mkdir";
    }
    return "?";
}

static int step_fail(ov_fs_step step, int *stepvar, ov_fs_step *failed, const char *path,
                     int e, char *err, size_t errlen)
{
    *stepvar = 1;
    if (failed) *failed = step;
    return ov_fail(err, errlen, ov_errno_code(e), "%s: %s failed: %s", path,
                   ov_fs_step_name(step), strerror(e));
}

int ov_fs_mkdir(const ov_fsops *fs, const char *dir, char *err, size_t errlen)
{
    if (!fs) fs = &real_ops;
    if (fs->mkdir(dir, 0755) == 0 || errno == EEXIST) return OV_OK;
    int e = errno;
    return ov_fail(err, errlen, ov_errno_code(e), "%s: mkdir failed: %s", dir, strerror(e));
}

/* The folder-relative calls, real ones when the table has none. */
static int do_openat(const ov_fsops *fs, int d, const char *n, int fl, mode_t m)
{
    return fs->openat ? fs->openat(d, n, fl, m) : openat(d, n, fl, m);
}
static int do_renameat(const ov_fsops *fs, int d, const char *a, const char *b)
{
    return fs->renameat ? fs->renameat(d, a, d, b) : renameat(d, a, d, b);
}
static int do_unlinkat(const ov_fsops *fs, int d, const char *n)
{
    return fs->unlinkat ? fs->unlinkat(d, n, 0) : unlinkat(d, n, 0);
}
static int do_fstat(const ov_fsops *fs, int fd, struct stat *st)
{
    return fs->fstat ? fs->fstat(fd, st) : fstat(fd, st);
}

int ov_fs_open_folder(const ov_fsops *fs, const char *dir, const char *mount_point, int *dirfd,
                      char *err, size_t errlen)
{
    if (!fs) fs = &real_ops;
    *dirfd = -1;
    int rc = ov_fs_mkdir(fs, dir, err, errlen);
    if (rc != OV_OK) return rc;
    int fd = fs->open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
    if (fd < 0) {
        int e = errno;
        if (e == ELOOP || e == ENOTDIR)
            return ov_fail(err, errlen, OV_EINVAL, "%s: open failed: it is a link or not a folder; nothing is written "
                           "through a link. Remove it from the stick (or use another stick) and save again", dir);
        return ov_fail(err, errlen, ov_errno_code(e), "%s: open failed: %s", dir, strerror(e));
    }
    struct stat here, mount;
    if (mount_point) {
        if (do_fstat(fs, fd, &here) != 0 || stat(mount_point, &mount) != 0) {
            int e = errno;
            fs->close(fd);
            return ov_fail(err, errlen, ov_errno_code(e), "%s: open failed: %s", dir, strerror(e));
        }
        if (here.st_dev != mount.st_dev) {
            fs->close(fd);
            return ov_fail(err, errlen, OV_EINVAL, "%s: open failed: the folder is not on the stick mounted at %s "
                           "(another filesystem); nothing was written. Use another stick", dir, mount_point);
        }
    }
    *dirfd = fd;
    return OV_OK;
}

/* Read the whole file name (in dirfd) and compare with data. Returns 0
 * equal, 1 different, -1 read error (errno set). */
static int read_compare(const ov_fsops *fs, int dirfd, const char *name, const unsigned char *data, size_t len)
{
    /* O_NOATIME keeps the neutral access time; not every owner may use it */
    int fl = O_RDONLY | O_CLOEXEC | O_NOFOLLOW;
    int fd = do_openat(fs, dirfd, name, fl | O_NOATIME, 0);
    if (fd < 0 && errno == EPERM) fd = do_openat(fs, dirfd, name, fl, 0);
    if (fd < 0) return -1;
    if (fs->fadvise) fs->fadvise(fd, 0, 0, POSIX_FADV_DONTNEED); /* read from the stick, not the cache */
    unsigned char chunk[8192];
    size_t off = 0;
    int result = 0;
    for (;;) {
        ssize_t n = fs->read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno; fs->close(fd); errno = e; return -1;
        }
        if (n == 0) break;
        if (off + (size_t)n > len || memcmp(chunk, data + off, (size_t)n) != 0) { result = 1; break; }
        off += (size_t)n;
    }
    if (result == 0 && off != len) result = 1;
    fs->close(fd);
    return result;
}

/* Write all of data to fd; 0 or an errno value. */
static int write_all(const ov_fsops *fs, int fd, const unsigned char *p, size_t len)
{
    for (size_t off = 0; off < len;) {
        ssize_t n = fs->write(fd, p + off, len - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return n < 0 ? errno : ENOSPC; /* a write of 0 bytes means no room */
        off += (size_t)n;
    }
    return 0;
}

int ov_fs_write_at(const ov_fsops *fs, int dfd, const char *dir, const char *name,
                   const void *data, size_t len, ov_fs_step *failed_step, char *err, size_t errlen)
{
    if (!fs) fs = &real_ops;
    if (dfd < 0 || !dir || !name || (!data && len) || strchr(name, '/'))
        return ov_fail(err, errlen, OV_EINVAL, "export: bad arguments");
    char tmp_name[OV_PATH_MAX], tmp[OV_PATH_MAX], final[OV_PATH_MAX];
    if ((size_t)snprintf(tmp_name, sizeof tmp_name, ".%s.part", name) >= sizeof tmp_name ||
        (size_t)snprintf(tmp, sizeof tmp, "%s/%s", dir, tmp_name) >= sizeof tmp ||
        (size_t)snprintf(final, sizeof final, "%s/%s", dir, name) >= sizeof final)
        return ov_fail(err, errlen, OV_EINVAL, "%s/%s: path too long; use a shorter folder or meeting name", dir, name);

    int rc = OV_OK, failed = 0, fd = -1, renamed = 0, e;
    const unsigned char *p = data;
    struct timespec times[2] = { { OV_NEUTRAL_TIME, 0 }, { OV_NEUTRAL_TIME, 0 } };

    do_unlinkat(fs, dfd, tmp_name); /* a left-over from an earlier pulled stick; absence is fine */
    fd = do_openat(fs, dfd, tmp_name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) { rc = step_fail(OV_STEP_OPEN, &failed, failed_step, tmp, errno, err, errlen); goto out; }
    if ((e = write_all(fs, fd, p, len)) != 0) { rc = step_fail(OV_STEP_WRITE, &failed, failed_step, tmp, e, err, errlen); goto out; }
    if (fs->utimensat(dfd, tmp_name, times, AT_SYMLINK_NOFOLLOW) != 0) {
        rc = step_fail(OV_STEP_UTIMES, &failed, failed_step, tmp, errno, err, errlen); goto out;
    }
    if (fs->fsync(fd) != 0) { rc = step_fail(OV_STEP_FSYNC, &failed, failed_step, tmp, errno, err, errlen); goto out; }
    int cfd = fd;
    fd = -1;
    if (fs->close(cfd) != 0) { rc = step_fail(OV_STEP_CLOSE, &failed, failed_step, tmp, errno, err, errlen); goto out; }
    if (do_renameat(fs, dfd, tmp_name, name) != 0) {
        rc = step_fail(OV_STEP_RENAME, &failed, failed_step, final, errno, err, errlen); goto out;
    }
    renamed = 1;
    /* Some filesystems cannot fsync a folder (EINVAL); syncfs below covers them. */
    if (fs->fsync(dfd) != 0 && errno != EINVAL && errno != ENOTSUP) {
        rc = step_fail(OV_STEP_FSYNC_DIR, &failed, failed_step, dir, errno, err, errlen); goto out;
    }
    if (fs->syncfs(dfd) != 0) { rc = step_fail(OV_STEP_SYNCFS, &failed, failed_step, dir, errno, err, errlen); goto out; }
    int cmp = read_compare(fs, dfd, name, p, len);
    if (cmp < 0) { rc = step_fail(OV_STEP_READBACK, &failed, failed_step, final, errno, err, errlen); goto out; }
    if (cmp > 0) {
        failed = 1;
        if (failed_step) *failed_step = OV_STEP_COMPARE;
        rc = ov_fail(err, errlen, OV_EIO, "%s: compare failed: the file read back is not what was written; "
                     "the stick may be faulty, try another", final);
        goto out;
    }
out:
    if (fd >= 0) fs->close(fd);
    if (failed) {
        do_unlinkat(fs, dfd, tmp_name);
        if (renamed && do_unlinkat(fs, dfd, name) != 0 && errno != ENOENT)
            ov_log_error("%s: could not remove the unchecked file: %s; delete it by hand", final, strerror(errno));
    }
    return rc;
}

int ov_fs_write_safely(const ov_fsops *fs, const char *dir, const char *name,
                       const void *data, size_t len, ov_fs_step *failed_step,
                       char *err, size_t errlen)
{
    if (!fs) fs = &real_ops;
    if (!dir || !name || (!data && len)) return ov_fail(err, errlen, OV_EINVAL, "export: bad arguments");
    int dfd = -1;
    int rc = ov_fs_open_folder(fs, dir, NULL, &dfd, err, errlen);
    if (rc != OV_OK) {
        if (failed_step) *failed_step = OV_STEP_OPEN;
        return rc;
    }
    rc = ov_fs_write_at(fs, dfd, dir, name, data, len, failed_step, err, errlen);
    fs->close(dfd);
    return rc;
}
