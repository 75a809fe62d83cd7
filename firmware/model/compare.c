/* compare.c — a question now and at an earlier meeting (see compare.h). */
#include "model/compare.h"

#include <stdio.h>
#include <string.h>

int ov_compare_same_question(const ov_result_question *before, const ov_result_question *now)
{
    return before && now && !strcmp(before->id, now->id) && !strcmp(before->scale, now->scale);
}

/* "most people said X" part (or why not) of one side into buf. */
static void side_text(const ov_result_question *q, const char *when, char *buf, size_t len)
{
    if (q->total == 0) {
        snprintf(buf, len, "%s nobody answered.", when);
        return;
    }
    if (q->is_protected || q->n_top == 0) {
        snprintf(buf, len, "%s there were not enough answers to keep them secret.", when);
        return;
    }
    size_t used = (size_t)snprintf(buf, len, "%s most people said ", when);
    for (int i = 0; i < q->n_top && used < len; i++) {
        const char *sep = i == 0 ? "" : (i == q->n_top - 1 ? " and " : ", ");
        used += (size_t)snprintf(buf + used, len - used, "%s%s", sep, q->answers[q->top[i]].word);
    }
    if (used < len)
        snprintf(buf + used, len - used, ".");
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

int ov_compare_question(const ov_result_question *before, const ov_result_question *now, ov_comparison *out)
{
    if (!out)
        return OV_EINVAL;
    memset(out, 0, sizeof *out);
    out->before_top = out->now_top = -1;
    if (!ov_compare_same_question(before, now)) {
        ov_strlcpy(out->text, "These are not the same question.", sizeof out->text);
        return OV_EINVAL;
    }
    char a[OV_COMPARE_TEXT_LEN / 2], b[OV_COMPARE_TEXT_LEN / 2];
    side_text(before, "Last time", a, sizeof a);
    side_text(now, "This time", b, sizeof b);
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
        if (!before || ov_compare_question(before, q, &cmp) != OV_OK)
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
