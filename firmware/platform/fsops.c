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
    if (rc) {
        errno = rc;
        return -1;
    }
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
            return ov_fail(err, errlen, OV_EINVAL,
                           "%s: open failed: it is a link or not a folder; nothing is written "
                           "through a link. Remove it from the stick (or use another stick) and save again",
                           dir);
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
            return ov_fail(err, errlen, OV_EINVAL,
                           "%s: open failed: the folder is not on the stick mounted at %s "
                           "(another filesystem); nothing was written. Use another stick",
                           dir, mount_point);
        }
    }
    *dirfd = fd;
    return OV_OK;
}

/* Read the whole file name (in dirfd) and compare with data. Returns 0
 * equal, 1 different, -1 read error (errno set). */
static int read_compare(const ov_fsops *fs, int dirfd, const char *name, const unsigned char *data,
                        size_t len)
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
            int e = errno;
            fs->close(fd);
            errno = e;
            return -1;
        }
        if (n == 0) break;
        if (off + (size_t)n > len || memcmp(chunk, data + off, (size_t)n) != 0) {
            result = 1;
            break;
        }
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

/* Names of one file written through ov_fs_write_at. */
typedef struct {
    char tmp_name[OV_PATH_MAX], tmp[OV_PATH_MAX], final[OV_PATH_MAX];
} write_names;

/* A new hidden .NAME.part with the data, neutral times, synced and closed.
 * Returns 0, or the failed step's errno with *step set. */
static int write_part_file(const ov_fsops *fs, int dfd, const write_names *wn, const void *data, size_t len,
                           ov_fs_step *step)
{
    struct timespec times[2] = { { OV_NEUTRAL_TIME, 0 }, { OV_NEUTRAL_TIME, 0 } };
    do_unlinkat(fs, dfd, wn->tmp_name); /* a left-over from an earlier pulled stick; absence is fine */
    int fd = do_openat(fs, dfd, wn->tmp_name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        *step = OV_STEP_OPEN;
        return errno;
    }
    int e = write_all(fs, fd, data, len);
    if (e)
        *step = OV_STEP_WRITE;
    else if (fs->utimensat(dfd, wn->tmp_name, times, AT_SYMLINK_NOFOLLOW) != 0) {
        *step = OV_STEP_UTIMES;
        e = errno;
    } else if (fs->fsync(fd) != 0) {
        *step = OV_STEP_FSYNC;
        e = errno;
    }
    if (e) {
        fs->close(fd);
        return e;
    }
    if (fs->close(fd) != 0) {
        *step = OV_STEP_CLOSE;
        return errno;
    }
    return 0;
}

/* Rename the part file to its name and make the folder durable. Returns 0,
 * or errno with *step set; *renamed says the final name exists. */
static int put_part_in_place(const ov_fsops *fs, int dfd, const write_names *wn, const char *name,
                             int *renamed, ov_fs_step *step)
{
    if (do_renameat(fs, dfd, wn->tmp_name, name) != 0) {
        *step = OV_STEP_RENAME;
        return errno;
    }
    *renamed = 1;
    /* Some filesystems cannot fsync a folder (EINVAL); syncfs below covers them. */
    if (fs->fsync(dfd) != 0 && errno != EINVAL && errno != ENOTSUP) {
        *step = OV_STEP_FSYNC_DIR;
        return errno;
    }
    if (fs->syncfs(dfd) != 0) {
        *step = OV_STEP_SYNCFS;
        return errno;
    }
    return 0;
}

static const char *step_path(ov_fs_step step, const write_names *wn, const char *dir)
{
    if (step == OV_STEP_RENAME || step == OV_STEP_READBACK)
        return wn->final;
    return step == OV_STEP_FSYNC_DIR || step == OV_STEP_SYNCFS ? dir : wn->tmp;
}

int ov_fs_write_at(const ov_fsops *fs, int dfd, const char *dir, const char *name, const void *data,
                   size_t len, ov_fs_step *failed_step, char *err, size_t errlen)
{
    if (!fs)
        fs = &real_ops;
    if (dfd < 0 || !dir || !name || (!data && len) || strchr(name, '/'))
        return ov_fail(err, errlen, OV_EINVAL, "export: bad arguments");
    write_names wn;
    if ((size_t)snprintf(wn.tmp_name, sizeof wn.tmp_name, ".%s.part", name) >= sizeof wn.tmp_name ||
        (size_t)snprintf(wn.tmp, sizeof wn.tmp, "%s/%s", dir, wn.tmp_name) >= sizeof wn.tmp ||
        (size_t)snprintf(wn.final, sizeof wn.final, "%s/%s", dir, name) >= sizeof wn.final)
        return ov_fail(err, errlen, OV_EINVAL, "%s/%s: path too long; use a shorter folder or meeting name",
                       dir, name);
    int rc = OV_OK, failed = 0, renamed = 0, cmp = 0;
    ov_fs_step step = OV_STEP_OPEN;
    int e = write_part_file(fs, dfd, &wn, data, len, &step);
    if (!e)
        e = put_part_in_place(fs, dfd, &wn, name, &renamed, &step);
    if (!e && (cmp = read_compare(fs, dfd, name, data, len)) < 0) {
        step = OV_STEP_READBACK;
        e = errno;
    }
    if (e)
        rc = step_fail(step, &failed, failed_step, step_path(step, &wn, dir), e, err, errlen);
    else if (cmp > 0) {
        failed = 1;
        if (failed_step)
            *failed_step = OV_STEP_COMPARE;
        rc = ov_fail(err, errlen, OV_EIO,
                     "%s: compare failed: the file read back is not what was written; "
                     "the stick may be faulty, try another",
                     wn.final);
    }
    if (failed) {
        do_unlinkat(fs, dfd, wn.tmp_name);
        if (renamed && do_unlinkat(fs, dfd, name) != 0 && errno != ENOENT)
            ov_log_error("%s: could not remove the unchecked file: %s; delete it by hand", wn.final,
                         strerror(errno));
    }
    return rc;
}
