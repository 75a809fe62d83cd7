/* export_format.h — what the export files say: the CSV and JSON text of one
 * meeting's results, the file names, and the easy-read sentence for each
 * outcome. Pure: writing the files is platform/export.h. Formats are
 * documented in docs/export.md. */
#ifndef OV_EXPORT_FORMAT_H
#define OV_EXPORT_FORMAT_H

#include "base/buf.h"
#include "model/results.h"

#define OV_EXPORT_JSON_FORMAT "ourvoice-results"
#define OV_EXPORT_JSON_VERSION 1
/* The "ideas" object inside it (ideas, priorities, action plans) has a version of its own. */
#define OV_EXPORT_IDEAS_FORMAT "ourvoice-ideas"
#define OV_EXPORT_IDEAS_VERSION 1
#define OV_SMALL_NUMBERS_MAX 1000 /* highest small_numbers threshold, in the settings and in an export */
#define OV_SMALL_NUMBERS_DEFAULT 5 /* the small_numbers threshold when the config gives none */

struct ov_fsops;

typedef struct {
    const struct ov_fsops *fs; /* the file writer's calls; NULL: the real system calls */
    int threshold;           /* small_numbers: below it counts are protected (0 = off) */
    int exact;               /* 1: CSV/JSON carry exact counts even when protected */
    const char *date;        /* "YYYY-MM-DD"; NULL = today (local time) */
    unsigned order_seed;     /* 0: random file order; other: a fixed order (tests) */
    int closed_only;         /* 1: export only closed meetings (no differencing while one is open) */
    const char *mount_point; /* not NULL: the folder must be on this mount (the stick's) */
} ov_export_opts;

/* The CSV and JSON file contents for one meeting's results. Each appends to
 * out and returns OV_OK, or OV_ENOMEM (out incomplete). opts gives exact
 * (counts of protected questions and groups are left out unless it is 1) and
 * threshold (the ideas' protection; the JSON's small_numbers); the JSON's date
 * comes from res. */
int ov_export_csv(const ov_results *res, const ov_export_opts *opts, ov_buf *out);
int ov_export_json(const ov_results *res, const ov_export_opts *opts, ov_buf *out);

/* File base name for a meeting and the date it started: "ourvoice-MEETING-DATE"
 * (no suffix; the date once when the name ends with it already). MEETING is
 * the name made safe for FAT and shells (at most 60 bytes; "meeting" when
 * nothing is left), DATE is "undated" when date is NULL or "". Cut to outlen. */
void ov_export_basename(const char *meeting, const char *date, char *out, size_t outlen);

/* The easy-read sentence for an export result code (OV_OK, OV_ENOSPC,
 * OV_EPERM, OV_ENOTFOUND, OV_ENOMEM; any other code: a general failure), in
 * the words of t (a content's texts, exp_*; NULL or empty: the built-in
 * English). Never NULL. */
const char *ov_export_easy_message(int code, const ov_texts *t);

#endif
