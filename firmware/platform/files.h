/* files.h — the plain file questions the layers above ask: read a whole
 * regular file, list a folder, what a path is, an environment setting,
 * random bytes, errno as an OV_E* code, whether a USB stick has been pulled
 * out. A file read whole is opened non-blocking and must be a regular file,
 * so a FIFO, device or socket is an error, never a hang. */
#ifndef OV_FILES_H
#define OV_FILES_H

#include <stddef.h>

#include "base/ov_common.h"

/* Read the regular file at `path` into a new NUL-terminated buffer (*data,
 * *len; free with free()). At most max_bytes are accepted. Returns OV_OK,
 * OV_ENOTFOUND (no such file), OV_EINVAL (not a regular file, or larger than
 * max_bytes: err says which), OV_EIO (cannot open or read) or OV_ENOMEM. On failure
 * *data is NULL and err holds a sentence without the path. */
int ov_file_read_all(const char *path, size_t max_bytes, char **data, size_t *len,
                     char *err, size_t errlen);

typedef enum { OV_PATH_NONE = 0, OV_PATH_FILE, OV_PATH_DIR, OV_PATH_OTHER } ov_path_kind;
/* What `path` is, following links: nothing, a regular file, a folder or
 * something else (FIFO, device, socket). */
ov_path_kind ov_path_kind_of(const char *path);

/* A list of names, grown as needed (no limit but memory). */
typedef struct {
    char **names;
    int n, cap;
} ov_name_list;

/* The visible (not starting with '.') entries of `dir` whose name ends in
 * `suffix` ("" for all), sorted by name, appended to *out as "dir/name"
 * (free with ov_name_list_free). Returns OV_OK, OV_ENOTFOUND (no such
 * folder), OV_EIO (cannot open it) or OV_ENOMEM (*out may then hold some). */
int ov_dir_list(const char *dir, const char *suffix, ov_name_list *out);
/* Add a copy of `name` to *l. Returns OV_OK or OV_ENOMEM. */
int ov_name_list_add(ov_name_list *l, const char *name);
/* Free every name and the array; *l is left empty, ready to use again. */
void ov_name_list_free(ov_name_list *l);

/* The absolute path of `path` with links resolved into out (OV_PATH_MAX).
 * Returns OV_OK, OV_ENOTFOUND when it does not exist (out = path), or
 * OV_EINVAL when it does not fit out (out cut short). */
int ov_path_real(const char *path, char *out, size_t outlen);

/* The environment setting `name`, or NULL when unset or empty. */
const char *ov_env(const char *name);

/* The one errno -> OV_E* mapping of the firmware (files, devices, GPIO):
 * ENOSPC/EDQUOT -> OV_ENOSPC; EROFS/EACCES/EPERM -> OV_EPERM;
 * ENOENT/ENOTDIR/ENODEV/ENXIO and EINVAL/ENOTTY (the device is not the kind
 * asked for, e.g. no such GPIO line) -> OV_ENOTFOUND; EBUSY -> OV_EBUSY;
 * ENOMEM -> OV_ENOMEM; anything else OV_EIO. */
int ov_errno_code(int errnum);

/* 1 when the USB stick mounted at mount_point has gone away (pulled out):
 * the path is gone, it is no longer a mount (same device as the folder
 * above it), or its block device has left /sys/dev/block. 0 when it is
 * still there or that cannot be told (a device without a block number). */
int ov_stick_gone(const char *mount_point);

/* Time the kernel may take, after a stick is pulled out, to remove its
 * device once a write has already failed with an I/O error (seen: the error
 * comes first, the device leaves /sys a moment later). */
#define OV_STICK_GONE_WAIT_MS 1500
#define OV_STICK_GONE_STEP_MS 50

/* ov_stick_gone, asked again every OV_STICK_GONE_STEP_MS for up to
 * OV_STICK_GONE_WAIT_MS until it says gone: for use right after an I/O
 * error. 1 gone, 0 still there at the end (the error was the stick's own) or
 * at once for a NULL or empty mount_point. */
int ov_stick_gone_after_error(const char *mount_point);

/* Fill buf with len random bytes from the kernel. Returns OV_OK or OV_EIO. */
int ov_random_bytes(void *buf, size_t len);

#endif
