/* compare.h — issue 14 "progress over time": one question of a meeting
 * compared with the same question at an earlier meeting, as words a member
 * can hear ("Last time most people said Just started. This time most people
 * said Getting there.") and as a direction a picture can show.
 *
 * Pure logic over ov_result_question. Protection is kept: a protected side
 * says "not enough answers" and gives no direction. The same question means
 * the same question id and the same scale id. */
#ifndef OV_COMPARE_H
#define OV_COMPARE_H

#include "model/results.h"

#define OV_COMPARE_TEXT_LEN 512

typedef enum {
    OV_TREND_NONE = 0, /* cannot tell: a side is protected or empty, a tie, or "I don't know" */
    OV_TREND_SAME,     /* most people said the same answer both times */
    OV_TREND_UP,       /* further along the scale than last time */
    OV_TREND_DOWN,     /* less far along than last time */
} ov_trend;

typedef struct {
    ov_trend trend;
    int before_top, now_top;          /* answer index of "most people said", -1 when none */
    char text[OV_COMPARE_TEXT_LEN];   /* the two sentences */
} ov_comparison;

/* 1 when the two are the same question (id and scale), else 0. */
int ov_compare_same_question(const ov_result_question *before, const ov_result_question *now);

/* Compare: fills *out, its text in the words of t (cmp_*: a content's texts,
 * e.g. &res->texts). Returns OV_OK; OV_EINVAL when out or t is NULL (out
 * untouched), or when before or now is NULL or the two are not the same
 * question (out->text is then t->cmp_not_same, trend OV_TREND_NONE). */
int ov_compare_question(const ov_result_question *before, const ov_result_question *now, const ov_texts *t,
                        ov_comparison *out);

/* A word for the trend, for exports: "same", "up", "down", "none" (also for
 * any other value). */
const char *ov_trend_name(ov_trend t);

/* For every question of `now`, compare with the newest of earlier[0..n)
 * (oldest first) that has the same question with answers, and fill its
 * compare, compare_meeting, trend and before_top (before_top is an index
 * into now's answers), in the words of now->texts. Questions with no
 * earlier answers get compare "", trend OV_TREND_NONE and before_top -1.
 * earlier[i] may be NULL; now NULL: nothing happens. */
void ov_compare_fill(ov_results *now, const ov_results *const *earlier, int n);
#endif
