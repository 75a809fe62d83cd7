/* files.c — reading whole files safely, listing folders, path kinds,
 * environment and random bytes (see files.h). */
#include "platform/files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define NAMES_FIRST_CAP 16 /* names a list first makes room for (doubled when full) */
#define UP_ROOM 4          /* room for "/.." after a mount point */
#define DEV_TEXT_LEN 64    /* a device number as text */

int ov_errno_code(int errnum)
{
    switch (errnum) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return OV_ENOSPC;
    case EROFS:
    case EACCES:
    case EPERM:
        return OV_EPERM;
    case ENOENT:
    case ENOTDIR:
    case ENODEV:
    case ENXIO:
    case EINVAL:
    case ENOTTY:
        return OV_ENOTFOUND;
    case EBUSY:
        return OV_EBUSY;
    case ENOMEM:
        return OV_ENOMEM;
    default:
        return OV_EIO;
    }
}

static int read_fd(int fd, size_t size, char **data, size_t *len, char *err, size_t errlen)
{
    char *buf = malloc(size + 1);
    if (!buf) return ov_fail(err, errlen, OV_ENOMEM, "out of memory");
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            return ov_fail(err, errlen, OV_EIO, "cannot read it: %s", strerror(e));
        }
        if (n == 0) break;   /* the file shrank while we read it */
        got += (size_t)n;
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    return OV_OK;
}

int ov_file_read_all(const char *path, size_t max_bytes, char **data, size_t *len,
                     char *err, size_t errlen)
{
    *data = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int e = errno;
        if (ov_errno_code(e) == OV_ENOTFOUND)
            return ov_fail(err, errlen, OV_ENOTFOUND, "not found");
        return ov_fail(err, errlen, OV_EIO, "cannot open it: %s", strerror(e));
    }
    struct stat st;
    int rc;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        rc = ov_fail(err, errlen, OV_EINVAL,
                     "this is not a regular file (a folder, FIFO or device?); name a file");
    else if ((unsigned long long)st.st_size > max_bytes)
        rc = ov_fail(err, errlen, OV_EINVAL,
                     "file is too big (%lld bytes, at most %zu); is this the right file?",
                     (long long)st.st_size, max_bytes);
    else
        rc = read_fd(fd, (size_t)st.st_size, data, len, err, errlen);
    close(fd);
    return rc;
}

ov_path_kind ov_path_kind_of(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) return OV_PATH_NONE;
    if (S_ISREG(st.st_mode)) return OV_PATH_FILE;
    if (S_ISDIR(st.st_mode)) return OV_PATH_DIR;
    return OV_PATH_OTHER;
}

int ov_name_list_add(ov_name_list *l, const char *name)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : NAMES_FIRST_CAP;
        char **grown = realloc(l->names, (size_t)cap * sizeof *grown);
        if (!grown) return OV_ENOMEM;
        l->names = grown;
        l->cap = cap;
    }
    l->names[l->n] = strdup(name);
    if (!l->names[l->n]) return OV_ENOMEM;
    l->n++;
    return OV_OK;
}

void ov_name_list_free(ov_name_list *l)
{
    for (int i = 0; i < l->n; i++) free(l->names[i]);
    free(l->names);
    memset(l, 0, sizeof *l);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int wanted(const char *name, const char *suffix)
{
    size_t n = strlen(name), s = strlen(suffix);
    return name[0] != '.' && n > s && strcmp(name + n - s, suffix) == 0;
}

int ov_dir_list(const char *dir, const char *suffix, ov_name_list *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return ov_errno_code(errno) == OV_ENOTFOUND ? OV_ENOTFOUND : OV_EIO;
    ov_name_list local = { 0 };
    int rc = OV_OK;
    struct dirent *e;
    while (rc == OV_OK && (e = readdir(d)))
        if (wanted(e->d_name, suffix)) rc = ov_name_list_add(&local, e->d_name);
    closedir(d);
    if (local.n > 1) qsort(local.names, (size_t)local.n, sizeof *local.names, cmp_name);
    for (int i = 0; i < local.n && rc == OV_OK; i++) {
        char *p = NULL;
        if (asprintf(&p, "%s/%s", dir, local.names[i]) < 0) {
            rc = OV_ENOMEM;
            break;
        }
        rc = ov_name_list_add(out, p);
        free(p);
    }
    ov_name_list_free(&local);
    return rc;
}

int ov_path_real(const char *path, char *out, size_t outlen)
{
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        ov_strlcpy(out, path, outlen);
        return OV_ENOTFOUND;
    }
    return ov_strlcpy(out, real, outlen);
}

const char *ov_env(const char *name)
{
    const char *v = getenv(name);
    return v && v[0] ? v : NULL;
}

int ov_random_bytes(void *buf, size_t len)
{
    return getrandom(buf, len, 0) == (ssize_t)len ? OV_OK : OV_EIO;
}

int ov_stick_gone_after_error(const char *mount_point)
{
    struct timespec step = { 0, OV_STICK_GONE_STEP_MS * OV_NS_PER_MS };
    for (int waited = 0;; waited += OV_STICK_GONE_STEP_MS) {
        if (ov_stick_gone(mount_point))
            return 1;
        if (waited >= OV_STICK_GONE_WAIT_MS || !mount_point || !*mount_point)
            return 0;
        nanosleep(&step, NULL);
    }
}

int ov_stick_gone(const char *mount_point)
{
    struct stat here, above;
    char up[OV_PATH_MAX + UP_ROOM], dev[DEV_TEXT_LEN];
    if (!mount_point || !*mount_point)
        return 0;
    if (stat(mount_point, &here) != 0)
        return 1;
    snprintf(up, sizeof up, "%s/..", mount_point);
    if (stat(up, &above) != 0)
        return 0;
    if (here.st_dev == above.st_dev)
        return here.st_ino != above.st_ino; /* a plain folder now; "/" is its own parent */
    if (major(here.st_dev) == 0)
        return 0; /* no block device to look for */
    snprintf(dev, sizeof dev, "/sys/dev/block/%u:%u", major(here.st_dev), minor(here.st_dev));
    return access(dev, F_OK) != 0 && errno == ENOENT;
}
