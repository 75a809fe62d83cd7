/* merge.h — combine several kiosks' JSON exports: the same question (same
 * question id, same scale id and the same answer ids in the same order) in
 * the same meeting is added up; anything different is kept apart. Counts a
 * kiosk withheld (small numbers) cannot be added: they are counted in
 * withheld_sources and the report says so. */
#ifndef OV_MERGE_H
#define OV_MERGE_H

#include "model/results.h"
#include "model/views.h"

/* One merged question of one meeting: its words (shared, m->defs) and what
 * is really per meeting, the counts. */
typedef struct {
    int def;                             /* index in m->defs: the question's words */
    long counts[OV_RESULTS_MAX_ANSWERS]; /* in the words' answers order */
    int withheld_sources;                /* sources that withheld its counts */
    long groups_hidden;                  /* answers of the groups its sources withheld */
    ov_result_group *groups;             /* n_groups, malloc'd (NULL: none) */
    int n_groups;
} ov_merge_question;

/* One merged meeting: its name, language and questions (malloc'd each). */
typedef struct {
    char meeting[OV_MEETING_LEN];
    char language[OV_RESULTS_LANGUAGE_LEN]; /* of its first source: the report's words */
    ov_merge_question *questions;           /* n_questions of cap_questions */
    int n_questions, cap_questions;
} ov_merge_meeting;

/* The results a merge writes one meeting at a time (ov_merge_results): the
 * meeting and the OV_COMPARE_LOOKBACK ones before it in time. */
#define OV_MERGE_RESULTS (1 + OV_COMPARE_LOOKBACK)

typedef struct {
    ov_merge_meeting **meetings; /* one per meeting name, sorted by name (any number) */
    int n_meetings, cap_meetings;
    ov_result_question **defs;   /* each different question's words once (counts 0; any number) */
    int n_defs, cap_defs;
    int *def_slots;              /* hash of defs: index + 1, 0 empty; cap_slots a power of two */
    int cap_slots;
    const char *one_meeting;  /* not NULL: everything goes into one meeting of this name */
    int threshold;            /* largest small_numbers seen in the sources */
    int all_exact;            /* 1 while every source carried exact counts */
    int n_sources;
    /* --- writing (ov_merge_prepare): --- */
    int *by_time;             /* meeting indexes in time order (model/views.h), ties by name */
    int *n_before;            /* per meeting: how many of by_time are strictly earlier */
    ov_results *out[OV_MERGE_RESULTS]; /* out[0] the meeting asked for, then the earlier ones */
    const char *content;      /* questions folder for the pictures, or NULL */
    int out_threshold;        /* small numbers of the written results */
    char texts_language[OV_RESULTS_LANGUAGE_LEN]; /* language of out[0]->texts, when texts_filled */
    int n_texts_filled;       /* times out[0]->texts was filled: once per change of language */
} ov_merge;

/* Start an empty merge; one_meeting as above (may be NULL). */
void ov_merge_init(ov_merge *m, const char *one_meeting);
/* Free the merged meetings, the words and the results being written, and
 * empty the lists (m stays usable; call ov_merge_init to merge again). */
void ov_merge_free(ov_merge *m);

/* Parse one export JSON text (format "ourvoice-results", version 1) read
 * from `path` into *out (cleared first, but for the question slots past
 * out->n_questions) and its exact_counts flag into
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
 * groups beyond OV_RESULTS_MAX_GROUPS are left out with a log line. Only
 * the counts are kept per meeting: a question's words are kept once for
 * every meeting that has the same words (m->defs). Returns OV_OK, OV_ENOMEM, or OV_EINVAL when a
 * meeting would hold more than OV_RESULTS_MAX_QUESTIONS different questions
 * (the questions before it are added); a message in err. */
int ov_merge_add(ov_merge *m, const ov_results *src, int exact, char *err, size_t errlen);

/* Get ready to write, after the last ov_merge_add: the meetings' time order
 * and room for OV_MERGE_RESULTS results. content: the questions folder for
 * the report's pictures (NULL: none); threshold: the small numbers of the
 * written results. Returns OV_OK, or OV_ENOMEM (nothing to write then). */
int ov_merge_prepare(ov_merge *m, const char *content, int threshold);

/* Meeting i's merged results, as a kiosk's export makes them: each question
 * finished (ov_results_finish_question, ov_groups_protect_merged), its
 * picture under m->content, compared with the same questions at the
 * OV_COMPARE_LOOKBACK meetings before it in time (ov_compare_fill), in the
 * built-in words of the meeting's language. The results are m's, valid until
 * the next call or ov_merge_free (they may be changed: the date). Returns
 * NULL when i is out of range or ov_merge_prepare has not succeeded. */
ov_results *ov_merge_results(ov_merge *m, int i);

#endif
