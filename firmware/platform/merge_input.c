/* merge_input.c — finding and reading the export files for `ourvoice merge`. */
#include "platform/merge_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int listed(const ov_name_list *l, const char *path)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->names[i], path)) return 1;
    return 0;
}

/* Add the real path of p once. */
static int add_file(ov_name_list *files, const char *p)
{
    char real[OV_PATH_MAX];
    ov_path_real(p, real, sizeof real);
    return listed(files, real) ? OV_OK : ov_name_list_add(files, real);
}

static int add_folder(ov_name_list *files, const char *dir, int *n_bad)
{
    ov_name_list found = { 0 };
    int rc = ov_dir_list(dir, ".json", &found);
    if (rc == OV_OK && found.n == 0) {
        fprintf(stderr, "ourvoice merge: %s: no .json files in this folder\n", dir);
        (*n_bad)++;
    } else if (rc != OV_OK && rc != OV_ENOMEM) {
        fprintf(stderr, "ourvoice merge: %s: cannot read this folder\n", dir);
        (*n_bad)++;
        rc = OV_OK;
    }
    for (int i = 0; i < found.n && rc == OV_OK; i++) rc = add_file(files, found.names[i]);
    ov_name_list_free(&found);
    return rc;
}

int ov_merge_inputs(const char *const *args, int n, const char *to_dir, ov_name_list *files, int *n_bad)
{
    char to_real[OV_PATH_MAX], real[OV_PATH_MAX];
    int have_to = ov_path_real(to_dir, to_real, sizeof to_real) == OV_OK;
    for (int i = 0; i < n; i++) {
        int rc = OV_OK;
        switch (ov_path_kind_of(args[i])) {
        case OV_PATH_NONE:
            fprintf(stderr, "%s: no such file or folder\n", args[i]);
            (*n_bad)++;
            continue;
        case OV_PATH_DIR:
            if (have_to && ov_path_real(args[i], real, sizeof real) == OV_OK && !strcmp(real, to_real)) {
                fprintf(stderr, "ourvoice merge: --to %s is also an input folder; write the merge to another "
                                "folder so it is not added up again next time\n", to_dir);
                return OV_EINVAL;
            }
            rc = add_folder(files, args[i], n_bad);
            break;
        default:
            rc = add_file(files, args[i]);
            break;
        }
        if (rc != OV_OK) return rc;
    }
    return OV_OK;
}

int ov_merge_read_json(const char *path, ov_results *out, int *exact, char *err, size_t errlen)
{
    char *text = NULL, why[OV_ERR_LEN];
    size_t len = 0;
    int rc = ov_file_read_all(path, OV_MERGE_MAX_JSON_BYTES, &text, &len, why, sizeof why);
    if (rc != OV_OK) {
        memset(out, 0, sizeof *out);
        return ov_fail(err, errlen, rc, "%s: cannot open: %s", path, why);
    }
    rc = ov_merge_parse_json(text, len, path, out, exact, err, errlen);
    free(text);
    return rc;
}
