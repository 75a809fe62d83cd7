/* shots_dir.c — creates the screenshots folder of a headless script, each
 * missing level in turn, through the fsops table's mkdir. */
#include "platform/shots_dir.h"
#include "base/ov_common.h"
#include "platform/fsops.h"

#include <string.h>

int ov_shots_dir_make(const char *dir, char *err, size_t errlen)
{
    char path[OV_PATH_MAX];
    size_t len = dir ? strlen(dir) : 0;
    if (len == 0 || len >= sizeof path)
        return ov_fail(err, errlen, OV_EINVAL, "the screenshots folder name is empty or longer than %d bytes",
                       OV_PATH_MAX - 1);
    memcpy(path, dir, len + 1);
    for (size_t i = 1; i < len; i++) {
        if (path[i] != '/')
            continue;
        path[i] = '\0';
        int rc = ov_fs_mkdir(NULL, path, err, errlen);
        path[i] = '/';
        if (rc != OV_OK)
            return rc;
    }
    return ov_fs_mkdir(NULL, path, err, errlen);
}
