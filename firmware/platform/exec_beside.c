/* exec_beside.c — run a sibling program in place of this process (see
 * exec_beside.h). */
#include "platform/exec_beside.h"

#include "base/ov_common.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define N_PLACES 2 /* beside this program, and in its OV_PROGRAM_LIB_DIR */
#define NAME_ROOM 64 /* room for a slash and a program's name after a folder */

int ov_exec_beside(const char *name, char **argv, char *err, size_t errlen)
{
    if (!name || !argv || !argv[0]) return ov_fail(err, errlen, OV_EINVAL, "no program or arguments to run");
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return ov_fail(err, errlen, OV_EIO, "cannot tell where this program is (/proc/self/exe: %s)",
                       strerror(errno));
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) *slash = '\0';
    char place[N_PLACES][PATH_MAX + NAME_ROOM]; /* argv[0] points here only while execv runs */
    snprintf(place[0], sizeof place[0], "%s/%s", exe, name);
    snprintf(place[1], sizeof place[1], "%s/%s/%s", exe, OV_PROGRAM_LIB_DIR, name);
    for (int i = 0; i < N_PLACES; i++) {
        if (access(place[i], X_OK) != 0) continue;
        char *caller_argv0 = argv[0];
        argv[0] = place[i];
        execv(place[i], argv);
        argv[0] = caller_argv0; /* execv failed: leave no pointer to this frame behind */
        return ov_fail(err, errlen, OV_EIO, "cannot run %s: %s", place[i], strerror(errno));
    }
    return ov_fail(err, errlen, OV_ENOTFOUND,
                   "%s is missing: it should be %s or %s (run make, or reinstall the ourvoice package)", name,
                   place[0], place[1]);
}
