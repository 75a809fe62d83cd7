/* results.h — the group's answers, summarised per question for screens,
 * speech and exports, with small-number protection.
 *
 * Pure logic: built from tally rows (meeting, question, answer, count) and the
 * content (titles, answer words, colours, shapes). Rows whose question or
 * answer is no longer in the content are kept (shown by their id) so no vote
 * is ever dropped from a summary. Below the small-number threshold a question
 * is "protected": screens, speech and the easy-read report must say the
 * texts' res_not_enough (in English OV_RESULTS_NOT_ENOUGH) instead of counts,
 * and no "most people said" answer is given. An ov_results is large
 * (~800 KB): allocate it with ov_results_new(). */
#ifndef OV_RESULTS_H
#define OV_RESULTS_H

#include "base/ov_common.h"
#include "model/content.h"
#include "model/counts.h"

/* content questions + as many old or merged ones (a full content, then another full one) */
#define OV_RESULTS_MAX_QUESTIONS (2 * OV_MAX_QUESTIONS)
#define OV_RESULTS_MAX_ANSWERS 8      /* a scale's answers + answers no longer in it */
#define OV_RESULTS_TEXT_LEN (OV_SENTENCE_LEN * OV_MAX_SENTENCES)
#define OV_RESULTS_NOT_ENOUGH "Not enough answers yet to keep them secret."
#define OV_RESULTS_DATE_LEN 16     /* "YYYY-MM-DD" and the NUL */
#define OV_RESULTS_LANGUAGE_LEN 16 /* a language code ("en-gb") and the NUL */

typedef struct {
    char id[OV_ID_LEN];          /* stable answer id, e.g. "getting-there" */
    char word[OV_WORD_LEN];      /* e.g. "Getting there" (the id when not in content) */
    char colour[OV_ID_LEN];      /* palette name or "#rrggbb"; "grey" when unknown */
    ov_shape shape;
    int dont_know;
    long count;                  /* exact count (exports decide whether to show it) */
} ov_result_answer;

/* content groups, groups only in the rows, "did not say" (model/groups.h) */
#define OV_RESULTS_MAX_GROUPS (OV_MAX_GROUPS + 4)

/* One "who are you today?" group's answers to one question (issue 14). */
typedef struct {
    char id[OV_ID_LEN];          /* group id; "" = did not say */
    char word[OV_WORD_LEN];      /* "I use the service", "Did not say" */
    int is_protected;            /* 1: withheld (too few, or they would give another group away) */
    long total;                  /* how many of the group answered (exact: whoever shows it checks */
    long counts[OV_RESULTS_MAX_ANSWERS]; /* is_protected) and per answer, in the question's answers order */
} ov_result_group;

typedef struct {
    char id[OV_ID_LEN];          /* stable question id */
    char title[OV_TITLE_LEN];    /* e.g. "Your skills" (the id when not in content) */
    char text[OV_RESULTS_TEXT_LEN]; /* the question's sentences joined by spaces */
    char scale[OV_ID_LEN];       /* scale id, "" when unknown */
    char picture[OV_PATH_MAX];   /* full path of the picture file, or "" */
    char picture_rel[OV_PATH_MAX]; /* as written in the content, or "" */
    ov_result_answer answers[OV_RESULTS_MAX_ANSWERS]; /* on-screen order */
    int n_answers;
    long total;                  /* sum of the counts */
    int is_protected;            /* 1: total below the threshold: hide counts */
    int withheld_sources;        /* merge: sources that withheld this question's counts */
    int top[OV_RESULTS_MAX_ANSWERS]; /* indexes of the "most people said" answer(s), ties included */
    int n_top;                   /* 0 when protected or nobody answered */
    int in_content;              /* 0: question no longer in the content */
    /* --- issue 14 (g14views): progress over time and whose view; filled by the caller
     * (model/compare.h, model/groups.h), "" when there is nothing to say --- */
    char compare[OV_SENTENCE_LEN * 2]; /* "Last time most people said ... This time ..." */
    char compare_meeting[OV_MEETING_LEN]; /* the earlier meeting compared with */
    int trend;                   /* ov_trend (model/compare.h) */
    int before_top;              /* answer index (this question's order) most said last time, -1 none */
    char groups_line[OV_SENTENCE_LEN * 2]; /* "I use the service: most people said X. I work here: ..." */
    ov_result_group groups[OV_RESULTS_MAX_GROUPS]; /* groups side by side: each group with answers */
    int n_groups;                /* 0: nobody said their group */
    long groups_hidden;          /* merge: answers of the groups its sources withheld (never shown) */
} ov_result_question;

typedef struct {
    char meeting[OV_MEETING_LEN];
    char date[OV_RESULTS_DATE_LEN];         /* "YYYY-MM-DD" of the export, or "" */
    char language[OV_RESULTS_LANGUAGE_LEN]; /* content language, e.g. "en-gb" */
    int threshold;               /* small_numbers used (0 = no protection) */
    ov_result_question questions[OV_RESULTS_MAX_QUESTIONS];
    int n_questions;
    int dropped;                 /* rows that did not fit (questions/answers beyond the limits) */
    /* ideas, priorities and action plans of this meeting (model/ideas.h), set
     * after ov_results_build by whoever has them (exports); NULL: none */
    const struct ov_ideas_board *ideas;
    int n_ideas;
    ov_texts texts;              /* the content's texts (built-ins of `language` without content):
                                  * every sentence of summaries, comparisons and the report */
} ov_results;

/* calloc an empty ov_results; NULL when out of memory. Free with free(). */
ov_results *ov_results_new(void);

/* Build the summary of one meeting: every counted content question in
 * content order (with zero counts when nobody answered; never the practice
 * question, ov_question_counted), then questions found only in the rows.
 * Rows of other meetings and counts <= 0 are ignored; content may be
 * NULL. threshold <= 0 turns protection off. out->texts gets the content's
 * texts, empty ones filled with the built-in texts of its language (English
 * without content). Returns OV_OK, or OV_EINVAL when out or meeting is NULL
 * or rows is NULL with n_rows > 0. Rows that do not fit the limits are
 * counted in out->dropped (and logged). Only
 * out->questions[0..n_questions) are written: the slots past them keep
 * whatever they held. */
int ov_results_build(const ov_tally_row *rows, int n_rows, const ov_content *content,
                     const char *meeting, int threshold, ov_results *out);

/* Recompute total, is_protected and the "most people said" answers of q
 * after its counts changed (used by merge and groups). */
void ov_results_finish_question(ov_result_question *q, int threshold);

/* Write the spoken/on-screen summary of q, in the words of t (a content's
 * texts, e.g. &res->texts), into buf, e.g. "Most people said: Getting
 * there." or, with a tie, "Most people said: Getting there and Doing really
 * well." (res_most, res_and); res_not_enough when protected; res_nobody when
 * the total is 0. Returns OV_OK, or OV_EINVAL when an argument is NULL,
 * buflen is 0 or buf was too small (truncated). */
int ov_results_summary(const ov_result_question *q, const ov_texts *t, char *buf, size_t buflen);

/* The "most people said" answer words of q joined into buf: "A", "A and B",
 * "A, B and C" (t->res_and between the last two). "" when there are none or
 * q or t is NULL; nothing is written when buflen is 0. */
void ov_results_top_words(const ov_result_question *q, const ov_texts *t, char *buf, size_t buflen);

#endif
