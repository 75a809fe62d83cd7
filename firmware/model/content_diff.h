/* content_diff.h — what changes when one set of questions replaces another:
 * questions added or taken away, new titles or words, a question on another
 * scale, answers added or taken away, another language. Each change can be
 * said as a short easy sentence for the facilitator screen, or as a precise
 * line for the log. Pure logic: no files, no allocation.
 *
 * Questions, scales and answers are matched by id (the ids the tally stores),
 * so a question whose id changes shows as one taken away and one added. */
#ifndef OV_CONTENT_DIFF_H
#define OV_CONTENT_DIFF_H

#include "model/content.h"

typedef enum {
    /* `title` is the question's title (the new one when it has one) for the
     * question kinds, the scale's name for the answer kinds. */
    OV_CHANGE_LANGUAGE = 1,         /* before/after: language codes */
    OV_CHANGE_QUESTION_ADDED,       /* id: question */
    OV_CHANGE_QUESTION_REMOVED,     /* id: question (votes stay) */
    OV_CHANGE_QUESTION_TITLE,       /* id: question; before/after: titles */
    OV_CHANGE_QUESTION_WORDS,       /* id: question; its sentences changed */
    OV_CHANGE_QUESTION_PICTURE,     /* id: question; picture or recording changed */
    OV_CHANGE_QUESTION_SCALE,       /* id: question; item: new scale id;
                                       before/after: scale names (votes stay) */
    OV_CHANGE_QUESTION_ORDER,       /* the questions kept are in another order */
    OV_CHANGE_QUESTION_PRACTICE,    /* id: question; after: "yes" (now the practice question, its
                                       counted votes stay) or "no" (now counted) */
    OV_CHANGE_ANSWER_ADDED,         /* id: scale; item: answer; after: its word */
    OV_CHANGE_ANSWER_REMOVED,       /* id: scale; item: answer; before: its word (votes stay) */
    OV_CHANGE_ANSWER_WORD,          /* id: scale; item: answer; before/after: the answer's words */
    OV_CHANGE_TEXTS,                /* the fixed screen texts (welcome, thank you, ...) changed */
} ov_change_kind;

#define OV_CHANGE_TEXT_LEN OV_TITLE_LEN

typedef struct {
    ov_change_kind kind;
    char id[OV_ID_LEN];                 /* question or scale id ("" for language, order, texts) */
    char item[OV_ID_LEN];               /* answer id, or the new scale id; else "" */
    char title[OV_CHANGE_TEXT_LEN];     /* question title or scale name (see above) */
    char before[OV_CHANGE_TEXT_LEN];    /* see the kinds above; "" when unused */
    char after[OV_CHANGE_TEXT_LEN];
    int votes_stay;                     /* 1: votes already counted for what is
                                           taken away stay in the results */
} ov_content_change;

/* Most changes ov_content_diff can list for two full contents (every
 * question and answer added and removed, plus language, order and texts). */
#define OV_MAX_CHANGES (5 * OV_MAX_QUESTIONS + 3 * OV_MAX_SCALES * OV_MAX_ANSWERS + 3)

/* Compare old_c with new_c. Writes up to `max` changes to out (out may be
 * NULL when max is 0), in this order: language, questions taken away,
 * questions added, changed questions (in new order), question order, answer
 * changes (scales in both, used by a question in new_c), the main screen texts
 * (welcome ... try_again; the other [texts] are not compared). Returns the
 * number of changes found, which may be more than max (like snprintf);
 * 0 means nothing a member would notice changes. old_c NULL counts as empty
 * content (every question is new). Returns OV_EINVAL if new_c is NULL. */
int ov_content_diff(const ov_content *old_c, const ov_content *new_c,
                    ov_content_change *out, int max);

/* One change as a short easy sentence for the facilitator screen, in the
 * words of t (the kiosk's content texts, chg_*; NULL: the built-in English),
 * e.g. "New question: “Your skills”." (an empty text of t: the built-in one).
 * NUL-terminated when outlen > 0; returns the length of the full sentence
 * (like snprintf), or OV_EINVAL for a NULL change or an unknown kind (out ""). */
int ov_content_change_sentence(const ov_content_change *ch, const ov_texts *t, char *out, size_t outlen);

/* One change as a precise line for logs, e.g.
 * "question 'assets' removed (title 'Your skills')". Same return as above. */
int ov_content_change_log(const ov_content_change *ch, char *out, size_t outlen);

/* 1 when any of changes[0..n) has votes_stay set: it takes away a question
 * or answer (or moves a question to another scale) for which votes may
 * already be counted; 0 otherwise (also for NULL). */
int ov_content_diff_keeps_votes(const ov_content_change *changes, int n);

/* The note for the facilitator when ov_content_diff_keeps_votes says 1:
 * "Answers people already gave stay in the results." (t as above) */
const char *ov_content_diff_votes_note(const ov_texts *t);

/* The sentence shown when nothing changes (t as above). */
const char *ov_content_diff_none_sentence(const ov_texts *t);

#endif
