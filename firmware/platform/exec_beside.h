/* exec_beside.h — run a sibling program of this one in place of this process.
 * `ourvoice` (the small front program: say, results, merge, set-pin) hands
 * the commands that need SDL (kiosk, check-content, export) to
 * `ourvoice-kiosk` this way; see the top README ("Two programs"). */
#ifndef OV_EXEC_BESIDE_H
#define OV_EXEC_BESIDE_H

#include <stddef.h>

/* The kiosk program's file name, and the folder it has in the package
 * relative to the front program's (/usr/bin/ourvoice: /usr/lib/ourvoice/). */
#define OV_KIOSK_PROGRAM "ourvoice-kiosk"
#define OV_PROGRAM_LIB_DIR "../lib/ourvoice"

/* Replace this process by the program `name` found beside this one (the
 * folder of /proc/self/exe: build/ in a checkout) or in its
 * OV_PROGRAM_LIB_DIR (the installed package), with the same arguments and
 * environment; argv[0] becomes the program's path. execv keeps the process
 * id, so systemd (Type=notify, the watchdog) and whoever signals the process
 * see one process. Returns only on failure: OV_ENOTFOUND (no executable
 * `name` in either place; err names both), OV_EIO (/proc/self/exe
 * unreadable, or execv failed: err says why), OV_EINVAL (name, argv or
 * argv[0] NULL); argv is then as it was. */
int ov_exec_beside(const char *name, char **argv, char *err, size_t errlen);

#endif
