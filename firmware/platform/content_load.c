/* content_load.c — a content folder read from disk and checked (see
 * content_load.h). */
#include "platform/content_load.h"

#include "platform/content_ini.h"
#include "platform/files.h"
#include "platform/picture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INI_NAME_ROOM 16 /* room for "/content.ini" after the folder */

/* The real probe for ov_check_opts: OV_PROBE_MISSING, _NOT_FILE (a folder,
 * FIFO or device), _BAD (platform/picture.h's decoding check failed: why
 * says what is wrong) or _FILE. */
static int probe_file(const char *path, int is_picture, char *why, size_t whylen)
{
    switch (ov_path_kind_of(path)) {
    case OV_PATH_NONE:
        return OV_PROBE_MISSING;
    case OV_PATH_FILE:
        break;
    default:
        return OV_PROBE_NOT_FILE;
    }
    int rc =
        is_picture ? ov_picture_check(path, NULL, NULL, why, whylen) : ov_recording_check(path, why, whylen);
    if (rc == OV_ENOTFOUND) return OV_PROBE_MISSING;
    return rc == OV_OK ? OV_PROBE_FILE : OV_PROBE_BAD;
}

/* The check on content.ini text held in memory, reported under the name
 * `file`; picture and recording paths are relative to `dir`. */
static int check_text(const char *text, size_t len, const char *file, const char *dir,
                      const ov_check_opts *opts, ov_content *out, ov_diags *diags)
{
    ov_check_opts o = { 0 };
    if (opts) o = *opts;
    o.probe = probe_file;
    ov_ini_doc doc = { 0 };
    ov_diags *parsed = calloc(1, sizeof *parsed);
    if (!parsed) return OV_ENOMEM;
    ov_diags_init(parsed);
    int rc = ov_ini_parse(text, len, file, &doc, parsed);
    if (rc == OV_OK) rc = ov_content_check_doc(&doc, parsed, file, dir, &o, out, diags);
    ov_ini_doc_free(&doc);
    free(parsed);
    return rc;
}

int ov_content_check(const char *dir, const ov_check_opts *opts, ov_content *out, ov_diags *diags)
{
    char file[OV_PATH_MAX + INI_NAME_ROOM], err[OV_ERR_LEN];
    size_t dl = strlen(dir);
    snprintf(file, sizeof file, "%s%scontent.ini", dir, dl && dir[dl - 1] == '/' ? "" : "/");
    char *text = NULL;
    size_t len = 0;
    int rc = ov_ini_read_file(file, &text, &len, err, sizeof err);
    if (rc == OV_ENOTFOUND) {
        ov_diag_add_code(diags, OV_DIAG_ERROR, OV_DIAG_CONTENT_MISSING, NULL, file, 0,
                         "not found; a content folder needs a content.ini "
                         "(copy assets/content/en/content.ini into %s and change it)",
                         dir);
        return rc;
    }
    if (rc != OV_OK) {
        ov_diag_add_code(diags, OV_DIAG_ERROR, OV_DIAG_FILE_UNUSABLE, NULL, file, 0, "%s", err);
        return rc == OV_ENOMEM ? rc : OV_EINVAL;
    }
    char d[OV_PATH_MAX];
    ov_strlcpy(d, dir, sizeof d);
    for (size_t n = strlen(d); n > 1 && d[n - 1] == '/'; n--) d[n - 1] = '\0';
    rc = check_text(text, len, file, d, opts, out, diags);
    free(text);
    return rc;
}

int ov_content_load(const char *dir, ov_content *out, ov_diags *diags)
{
    return ov_content_check(dir, NULL, out, diags);
}
