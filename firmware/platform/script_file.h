/* script_file.h — reading a kiosk script file (the language is ui/script.h). */
#ifndef OV_SCRIPT_FILE_H
#define OV_SCRIPT_FILE_H

#include "ui/script.h"

#define OV_SCRIPT_MAX_BYTES (64u * 1024 * 1024)   /* a script file larger than this is refused */

/* Read and parse the script file at `path` into *s (zeroed by the caller;
 * free with ov_script_free in every case). Every problem is reported as
 * "path:line: message" (an unreadable file as "path: cannot read the script
 * file: why"). Returns OV_OK, OV_ENOTFOUND (no such file), OV_EINVAL (a bad
 * line, not a regular file, or over OV_SCRIPT_MAX_BYTES), OV_EIO (cannot
 * open or read it) or OV_ENOMEM. */
int ov_script_load(const char *path, ov_script *s, ov_diags *d);

#endif
