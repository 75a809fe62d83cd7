/* merge_input.h — the files `ourvoice merge` reads: folders and files named
 * on the command line turned into one list of export JSON files (any number),
 * and each file read and parsed (model/merge.h adds them up). */
#ifndef OV_MERGE_INPUT_H
#define OV_MERGE_INPUT_H

#include "model/merge.h"
#include "platform/files.h"

#define OV_MERGE_MAX_JSON_BYTES (16u * 1024 * 1024)   /* one export file at most */

/* Each of args[0..n) is a folder (every visible *.json in it, in name order)
 * or a file, appended to *files as its real path (free with
 * ov_name_list_free); the same file named twice is listed once. Problems (no
 * such file, a folder without .json files or that cannot be read) are
 * printed to stderr and added to *n_bad. Returns OV_OK, OV_EINVAL when an
 * input folder is to_dir itself (message printed: the merge would be added up
 * again next time) or OV_ENOMEM. */
int ov_merge_inputs(const char *const *args, int n, const char *to_dir, ov_name_list *files, int *n_bad);

/* Read and parse one export JSON file (see ov_merge_parse_json). A FIFO,
 * device or folder is refused, never waited on. Returns OV_OK, or OV_EINVAL /
 * OV_ENOTFOUND / OV_EIO / OV_ENOMEM with "PATH: what is wrong" in err. */
int ov_merge_read_json(const char *path, ov_results *out, int *exact, char *err, size_t errlen);

#endif
