/* merge.h — combine several kiosks' JSON exports: the same question (same
 * question id, same scale id and the same answer ids in the same order) in
 * the same meeting is added up; anything different is kept apart. Counts a
 * kiosk withheld (small numbers) cannot be added: they are counted in
 * withheld_sources and the report says so. */
#ifndef OV_MERGE_H
#define OV_MERGE_H

#include "model/results.h"

typedef struct {
    ov_results **meetings;    /* merged results, one per meeting name, sorted by name (any number) */
    int n_meetings, cap_meetings;
    const char *one_meeting;  /* not NULL: everything goes into one meeting of this name */
    int threshold;            /* largest small_numbers seen in the sources */
    int all_exact;            /* 1 while every source carried exact counts */
    int n_sources;
} ov_merge;

/* Start an empty merge; one_meeting as above (may be NULL). */
void ov_merge_init(ov_merge *m, const char *one_meeting);
/* Free the merged results and empty the list (m stays usable). */
void ov_merge_free(ov_merge *m);

/* Parse one export JSON text (format "ourvoice-results", version 1) read
 * from `path` into *out (cleared first) and its exact_counts flag into
 * *exact. Strings with a control character are refused; err never holds one.
 * Returns OV_OK, or OV_EINVAL (also when out of memory) with "PATH:LINE: what
 * is wrong" or "PATH:LINE:COL: not valid JSON: ..." in err
 * (platform/merge_input.h reads the file). */
int ov_merge_parse_json(const char *text, size_t len, const char *path, ov_results *out, int *exact,
                        char *err, size_t errlen);

/* Replace every control character in s (C0, DEL, C1) by '?', in place, so
 * a name from a merged file or folder can be printed safely. */
void ov_merge_printable(char *s);

/* Add one source's counts into the merge (into m->one_meeting when set);
 * groups beyond OV_RESULTS_MAX_GROUPS are left out with a log line. The
 * caller then finishes each question (ov_results_finish_question,
 * ov_groups_protect_merged). Returns OV_OK, OV_ENOMEM, or OV_EINVAL when a
 * meeting would hold more than OV_RESULTS_MAX_QUESTIONS different questions
 * (the questions before it are added); a message in err. */
int ov_merge_add(ov_merge *m, const ov_results *src, int exact, char *err, size_t errlen);

#endif
