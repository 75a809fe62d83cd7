/* config_write.h — change one setting in the kiosk's INI config file in
 * place (a new facilitator PIN hash, the meeting, the open round, a setting
 * the facilitator changes), keeping every comment, blank line and other
 * setting as it was.
 *
 * The key's line in its [section] is replaced (every copy of it, and any
 * indented continuation lines inih would read as part of it; a comment at
 * the end of the line is kept); a missing key is added after the section's
 * last setting; a missing section is added at the end of the file; a
 * missing file (and its folder) is created. A link is kept: its target is
 * changed. The file is written safely through the ov_fsops table: temporary
 * file beside it (.NAME.part), write, fsync, close, rename, fsync the folder.
 * The file keeps its permissions (a new one gets 0600: it holds the PIN
 * hash). Line ends (LF or CRLF) are kept. */
#ifndef OV_CONFIG_WRITE_H
#define OV_CONFIG_WRITE_H

#include <stddef.h>
#include "platform/fsops.h"

#define OV_CONFIG_MAX_FILE (256 * 1024) /* a config larger than this is refused */
#define OV_CONFIG_MAX_LINE 190          /* "key = value" longer than this is refused (inih reads 200) */

/* Set [section] key = value in the INI file at path. Section and key: 1 to 63
 * letters, digits, '_' and '-'. Value: one line of printable UTF-8 text
 * ("key = value" at most OV_CONFIG_MAX_LINE bytes); no leading or trailing
 * spaces and no ';' or '#' (inih would cut or strip them); may be "".
 * The new text is written to the temporary file and read back with
 * ov_config_load: if that reports a problem on the new line (unknown setting,
 * bad value), nothing is changed and that problem is returned.
 * Returns OV_OK; OV_EINVAL (bad path/section/key/value, a path too long, a
 * file over OV_CONFIG_MAX_FILE, or the config rejects the value: err says
 * what and how to fix it); OV_ENOMEM; or the code of the failed file step
 * (OV_EPERM, OV_ENOSPC, OV_EIO, ...) with err = "PATH: STEP failed: reason"
 * ("PATH: cannot read: reason" when the old file cannot be read). On any
 * failure the file is exactly as before and no temporary file is left —
 * except when only the last step (fsync the folder) fails: the new file is
 * then in place but might not survive a power cut, so the caller should say
 * it failed and let the facilitator try again. */
int ov_config_set(const char *path, const char *section, const char *key, const char *value, char *err,
                  size_t errlen);

/* The same through the given fsops table (NULL = real calls), for tests. */
int ov_config_set_fs(const ov_fsops *fs, const char *path, const char *section, const char *key,
                     const char *value, char *err, size_t errlen);

/* Pure part: the new file text for `text` (len bytes, may be NULL/0 for a
 * new file) with [section] key = value set as described above. Returns a
 * malloc'd NUL-terminated string for the caller to free (*outlen = its
 * length) and sets *line to the 1-based line number of the key's (last)
 * line; NULL when out of memory.
 * Does not check its arguments (ov_config_set does). */
char *ov_config_edit_text(const char *text, size_t len, const char *section, const char *key,
                          const char *value, size_t *outlen, int *line);

#endif
