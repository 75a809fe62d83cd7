/* results.c — per-question summaries of the tallies (counts in on-screen
 * order, total, small-number protection, "most people said"). Pure logic. */
#include "model/results.h"
#include "model/content_texts.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_WORDS_LEN 512 /* the answers most chose, joined ("yes and no") */

ov_results *ov_results_new(void)
{
    return calloc(1, sizeof(ov_results));
}

/* Index of the question with this id in res, or -1. */
static int results_find(const ov_results *res, const char *question_id)
{
    for (int i = 0; i < res->n_questions; i++)
        if (strcmp(res->questions[i].id, question_id) == 0) return i;
    return -1;
}

static int find_answer(const ov_result_question *q, const char *answer_id)
{
    for (int i = 0; i < q->n_answers; i++)
        if (strcmp(q->answers[i].id, answer_id) == 0) return i;
    return -1;
}

void ov_results_finish_question(ov_result_question *q, int threshold)
{
    long total = 0, best = 0;
    for (int i = 0; i < q->n_answers; i++) {
        total += q->answers[i].count;
        if (q->answers[i].count > best) best = q->answers[i].count;
    }
    q->total = total;
    q->is_protected = threshold > 0 && total < threshold;
    q->n_top = 0;
    if (q->is_protected || best == 0) return;
    for (int i = 0; i < q->n_answers; i++)
        if (q->answers[i].count == best) q->top[q->n_top++] = i;
}

static void join_path(char *out, size_t outlen, const char *dir, const char *rel)
{
    if (!rel[0]) {
        out[0] = '\0';
        return;
    }
    if (rel[0] == '/' || !dir || !dir[0]) {
        ov_strlcpy(out, rel, outlen);
        return;
    }
    if ((size_t)snprintf(out, outlen, "%s/%s", dir, rel) >= outlen) out[0] = '\0';
}

static void from_content(ov_result_question *rq, const ov_content *c, int qi)
{
    const ov_question *q = &c->questions[qi];
    memset(rq, 0, sizeof *rq);
    ov_strlcpy(rq->id, q->id, sizeof rq->id);
    ov_strlcpy(rq->title, q->title, sizeof rq->title);
    rq->text[0] = '\0';
    for (int s = 0; s < q->n_sentences && s < OV_MAX_SENTENCES; s++) {
        size_t len = strlen(rq->text);
        snprintf(rq->text + len, sizeof rq->text - len, "%s%s", len ? " " : "", q->sentences[s]);
    }
    if (q->scale >= 0 && q->scale < c->n_scales)
        ov_strlcpy(rq->scale, c->scales[q->scale].id, sizeof rq->scale);
    ov_strlcpy(rq->picture_rel, q->picture, sizeof rq->picture_rel);
    join_path(rq->picture, sizeof rq->picture, c->dir, q->picture);
    rq->in_content = 1;
    const ov_answer *ans[OV_MAX_ANSWERS];
    int n = ov_question_answers(c, qi, ans);
    for (int i = 0; i < n && i < OV_RESULTS_MAX_ANSWERS; i++) {
        ov_result_answer *ra = &rq->answers[rq->n_answers++];
        ov_strlcpy(ra->id, ans[i]->id, sizeof ra->id);
        ov_strlcpy(ra->word, ans[i]->word, sizeof ra->word);
        ov_strlcpy(ra->colour, ans[i]->colour[0] ? ans[i]->colour : "grey", sizeof ra->colour);
        ra->shape = ans[i]->shape;
        ra->dont_know = ans[i]->dont_know;
    }
}

/* An answer id stored in the tally but not offered by the question now: look
 * it up in the question's scale (e.g. "I don't know" no longer allowed), else
 * show its id in grey. */
static void unknown_answer(ov_result_answer *ra, const ov_content *c, const char *qid, const char *aid)
{
    memset(ra, 0, sizeof *ra);
    ov_strlcpy(ra->id, aid, sizeof ra->id);
    ov_strlcpy(ra->word, aid, sizeof ra->word);
    ov_strlcpy(ra->colour, "grey", sizeof ra->colour);
    ra->shape = OV_SHAPE_NONE;
    if (!c) return;
    for (int qi = 0; qi < c->n_questions; qi++) {
        if (strcmp(c->questions[qi].id, qid) != 0) continue;
        int si = c->questions[qi].scale;
        if (si < 0 || si >= c->n_scales) return;
        const ov_scale *s = &c->scales[si];
        for (int i = 0; i < s->n_answers; i++) {
            if (strcmp(s->answers[i].id, aid) != 0) continue;
            ov_strlcpy(ra->word, s->answers[i].word, sizeof ra->word);
            if (s->answers[i].colour[0]) ov_strlcpy(ra->colour, s->answers[i].colour, sizeof ra->colour);
            ra->shape = s->answers[i].shape;
            ra->dont_know = s->answers[i].dont_know;
        }
        return;
    }
}

/* The question of `row` in out, added (titled by its id) when the content
 * does not have it; NULL when out is full. */
static ov_result_question *question_of_row(ov_results *out, const ov_tally_row *row)
{
    int qi = results_find(out, row->question);
    if (qi >= 0)
        return &out->questions[qi];
    if (out->n_questions >= OV_RESULTS_MAX_QUESTIONS)
        return NULL;
    ov_result_question *q = &out->questions[out->n_questions++];
    memset(q, 0, sizeof *q);
    ov_strlcpy(q->id, row->question, sizeof q->id);
    ov_strlcpy(q->title, row->question, sizeof q->title);
    return q;
}

/* The answer of `row` in out, added when new; NULL when its question or
 * the question's answers are full. */
static ov_result_answer *answer_of_row(ov_results *out, const ov_content *content, const ov_tally_row *row)
{
    ov_result_question *q = question_of_row(out, row);
    if (!q)
        return NULL;
    int ai = find_answer(q, row->answer);
    if (ai >= 0)
        return &q->answers[ai];
    if (q->n_answers >= OV_RESULTS_MAX_ANSWERS)
        return NULL;
    ov_result_answer *a = &q->answers[q->n_answers++];
    unknown_answer(a, content, row->question, row->answer);
    return a;
}

int ov_results_build(const ov_tally_row *rows, int n_rows, const ov_content *content,
                     const char *meeting, int threshold, ov_results *out)
{
    if (!out || !meeting || (n_rows > 0 && !rows)) return OV_EINVAL;
    /* Everything but the question slots; each question is cleared when it is
     * added. An ov_results is ~0.8 MB, nearly all of it the 128 question
     * slots: clearing all of them for every meeting an export summarises
     * (and for the earlier meetings it compares with) was most of its time. */
    memset(out, 0, offsetof(ov_results, questions));
    memset(&out->n_questions, 0, sizeof *out - offsetof(ov_results, n_questions));
    ov_strlcpy(out->meeting, meeting, sizeof out->meeting);
    out->threshold = threshold > 0 ? threshold : 0;
    if (content)
        out->texts = content->texts;
    ov_texts_fill_empty(&out->texts, content ? content->language : "en"); /* a content without [texts] */
    if (content) {
        ov_strlcpy(out->language, content->language, sizeof out->language);
        for (int qi = 0; qi < content->n_questions && out->n_questions < OV_RESULTS_MAX_QUESTIONS; qi++)
            if (ov_question_counted(content, qi)) /* the practice question is never in the results */
                from_content(&out->questions[out->n_questions++], content, qi);
    }
    for (int r = 0; r < n_rows; r++) {
        const ov_tally_row *row = &rows[r];
        if (strcmp(row->meeting, meeting) != 0 || row->count <= 0)
            continue;
        ov_result_answer *a = answer_of_row(out, content, row);
        if (a)
            a->count += row->count;
        else
            out->dropped++;
    }
    for (int i = 0; i < out->n_questions; i++)
        ov_results_finish_question(&out->questions[i], out->threshold);
    if (out->dropped)
        ov_log_warn("results: %d stored counts did not fit in the summary (more than %d questions or %d "
                    "answers); they are still kept in the tally",
                    out->dropped, OV_RESULTS_MAX_QUESTIONS, OV_RESULTS_MAX_ANSWERS);
    return OV_OK;
}

void ov_results_top_words(const ov_result_question *q, const ov_texts *t, char *buf, size_t buflen)
{
    if (!buflen)
        return;
    buf[0] = '\0';
    size_t used = 0;
    for (int i = 0; q && t && i < q->n_top && used < buflen; i++) {
        int last = i > 0 && i == q->n_top - 1;
        used += (size_t)snprintf(buf + used, buflen - used, "%s%s%s%s", i == 0 ? "" : (last ? " " : ", "),
                                 last ? t->res_and : "", last ? " " : "", q->answers[q->top[i]].word);
    }
}

int ov_results_summary(const ov_result_question *q, const ov_texts *t, char *buf, size_t buflen)
{
    if (!q || !t || !buf || !buflen) return OV_EINVAL;
    if (q->total == 0) return ov_strlcpy(buf, t->res_nobody, buflen);
    if (q->is_protected || q->n_top == 0) return ov_strlcpy(buf, t->res_not_enough, buflen);
    char words[TOP_WORDS_LEN];
    ov_results_top_words(q, t, words, sizeof words);
    int n = snprintf(buf, buflen, t->res_most, words);
    return n < 0 || (size_t)n >= buflen ? OV_EINVAL : OV_OK;
}
