/* script_file.c — ov_script_load: read the file, then ui/script.c parses it. */
#include "platform/script_file.h"

#include "platform/files.h"

#include <stdlib.h>

int ov_script_load(const char *path, ov_script *s, ov_diags *d)
{
    char *text = NULL, err[OV_ERR_LEN];
    size_t len = 0;
    int rc = ov_file_read_all(path, OV_SCRIPT_MAX_BYTES, &text, &len, err, sizeof err);
    if (rc != OV_OK) {
        ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_UNREADABLE, NULL, path, 0,
                         "cannot read the script file: %s", err);
        return rc;
    }
    rc = ov_script_parse(text, path, s, d);
    free(text);
    return rc;
}
