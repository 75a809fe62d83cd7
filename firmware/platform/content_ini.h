/* content_ini.h — reads a content.ini into a list of sections and keys, each
 * with its line number, so the checker can say "file:line: message".
 * Parsing is done by inih (ini_parse_stream) behind our own line reader,
 * which numbers lines and catches what inih would silently skip or mangle:
 * invalid UTF-8, control characters, lines that are too long, lines that are
 * neither `key = value`, `[section]` nor a comment. */
#ifndef OV_CONTENT_INI_H
#define OV_CONTENT_INI_H

#include <stddef.h>
#include "base/diag.h"
#include "model/ini_doc.h"

/* Parse text[0..len) (the whole file). Syntax problems go to diags as
 * "file:line: message" and parsing goes on with the next line. Returns OV_OK,
 * or OV_ENOMEM (doc then holds what was read so far). Free with
 * ov_ini_doc_free in every case. */
int ov_ini_parse(const char *text, size_t len, const char *file,
                 ov_ini_doc *doc, ov_diags *diags);

/* Read the file at `path` (at most OV_INI_MAX_FILE bytes) into a new
 * NUL-terminated buffer (*text, *len; free it with free()): ov_file_read_all.
 * Returns OV_OK, OV_ENOTFOUND (no such file), OV_EIO (cannot open or read /
 * not a regular file / too big) or OV_ENOMEM; on failure *text is NULL and
 * err says why, without the path. */
int ov_ini_read_file(const char *path, char **text, size_t *len, char *err, size_t errlen);


#endif
