/* compare.c — a question now and at an earlier meeting (see compare.h). */
#include "model/compare.h"

#include <stdio.h>
#include <string.h>

int ov_compare_same_question(const ov_result_question *before, const ov_result_question *now)
{
    return before && now && !strcmp(before->id, now->id) && !strcmp(before->scale, now->scale);
}

/* One side's sentence into buf: who answered, or why not, in the words of t
 * (cmp_last_* or cmp_now_*). */
static void side_text(const ov_result_question *q, const char *nobody, const char *not_enough,
                      const char *most, const ov_texts *t, char *buf, size_t len)
{
    if (q->total == 0) {
        ov_strlcpy(buf, nobody, len);
        return;
    }
    if (q->is_protected || q->n_top == 0) {
        ov_strlcpy(buf, not_enough, len);
        return;
    }
    char words[OV_COMPARE_TEXT_LEN / 2];
    ov_results_top_words(q, t, words, sizeof words);
    snprintf(buf, len, most, words);
}

/* The one "most people said" answer, or -1 (protected, nobody, a tie). */
static int single_top(const ov_result_question *q)
{
    return !q->is_protected && q->n_top == 1 ? q->top[0] : -1;
}

/* Position along the scale (answers before "I don't know" are in scale order). */
static ov_trend trend_of(const ov_result_question *before, int b, const ov_result_question *now, int n)
{
    if (b < 0 || n < 0 || before->answers[b].dont_know || now->answers[n].dont_know)
        return OV_TREND_NONE;
    if (!strcmp(before->answers[b].id, now->answers[n].id))
        return OV_TREND_SAME;
    int pb = -1; /* where last time's answer is in the current question's order */
    for (int i = 0; i < now->n_answers; i++)
        if (!strcmp(now->answers[i].id, before->answers[b].id))
            pb = i;
    if (pb < 0)
        return OV_TREND_NONE;
    return n > pb ? OV_TREND_UP : OV_TREND_DOWN;
}

int ov_compare_question(const ov_result_question *before, const ov_result_question *now, const ov_texts *t,
                        ov_comparison *out)
{
    if (!out || !t)
        return OV_EINVAL;
    memset(out, 0, sizeof *out);
    out->before_top = out->now_top = -1;
    if (!ov_compare_same_question(before, now)) {
        ov_strlcpy(out->text, t->cmp_not_same, sizeof out->text);
        return OV_EINVAL;
    }
    char a[OV_COMPARE_TEXT_LEN / 2], b[OV_COMPARE_TEXT_LEN / 2];
    side_text(before, t->cmp_last_nobody, t->cmp_last_not_enough, t->cmp_last_most, t, a, sizeof a);
    side_text(now, t->cmp_now_nobody, t->cmp_now_not_enough, t->cmp_now_most, t, b, sizeof b);
    snprintf(out->text, sizeof out->text, "%s %s", a, b);
    out->before_top = single_top(before);
    out->now_top = single_top(now);
    out->trend = trend_of(before, out->before_top, now, out->now_top);
    return OV_OK;
}

const char *ov_trend_name(ov_trend t)
{
    switch (t) {
    case OV_TREND_SAME:
        return "same";
    case OV_TREND_UP:
        return "up";
    case OV_TREND_DOWN:
        return "down";
    default:
        return "none";
    }
}

static const ov_result_question *find_q(const ov_results *r, const ov_result_question *like)
{
    for (int i = 0; r && i < r->n_questions; i++)
        if (ov_compare_same_question(&r->questions[i], like) && r->questions[i].total > 0)
            return &r->questions[i];
    return NULL;
}

void ov_compare_fill(ov_results *now, const ov_results *const *earlier, int n)
{
    if (!now)
        return;
    for (int qi = 0; qi < now->n_questions; qi++) {
        ov_result_question *q = &now->questions[qi];
        q->compare[0] = '\0';
        q->compare_meeting[0] = '\0';
        q->trend = OV_TREND_NONE;
        q->before_top = -1;
        const ov_result_question *before = NULL;
        const ov_results *from = NULL;
        for (int e = n - 1; e >= 0 && !before; e--) {
            before = find_q(earlier[e], q);
            from = earlier[e];
        }
        ov_comparison cmp;
        if (!before || ov_compare_question(before, q, &now->texts, &cmp) != OV_OK)
            continue;
        ov_strlcpy(q->compare, cmp.text, sizeof q->compare);
        ov_strlcpy(q->compare_meeting, from->meeting, sizeof q->compare_meeting);
        q->trend = cmp.trend;
        if (cmp.before_top >= 0)
            for (int a = 0; a < q->n_answers; a++)
                if (!strcmp(q->answers[a].id, before->answers[cmp.before_top].id))
                    q->before_top = a;
    }
}
