/* merge_results.c — a merge's meetings as full results, one meeting at a
 * time: counts into the shared words, finished, compared with the meetings
 * before it, in the words of its language (model/merge.h). */
#include "model/merge.h"
#include "model/content_texts.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A meeting's name and where it is in m->meetings (ties keep that order). */
typedef struct {
    const char *name;
    int at;
} timed_meeting;

static int cmp_timed(const void *a, const void *b)
{
    const timed_meeting *x = a, *y = b;
    int c = ov_meeting_time_cmp(x->name, y->name);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* m->by_time and m->n_before: the meetings sorted by time once, so the ones
 * before a meeting are a prefix of that order. Returns OV_OK or OV_ENOMEM. */
static int order_by_time(ov_merge *m)
{
    size_t n = (size_t)m->n_meetings + 1;
    timed_meeting *t = calloc(n, sizeof *t);
    free(m->by_time);
    free(m->n_before);
    m->by_time = calloc(n, sizeof *m->by_time);
    m->n_before = calloc(n, sizeof *m->n_before);
    if (!t || !m->by_time || !m->n_before) {
        free(t);
        return OV_ENOMEM;
    }
    for (int i = 0; i < m->n_meetings; i++)
        t[i] = (timed_meeting){ m->meetings[i]->meeting, i };
    qsort(t, (size_t)m->n_meetings, sizeof *t, cmp_timed);
    for (int i = 0, before = 0; i < m->n_meetings; i++) {
        while (ov_meeting_time_cmp(t[before].name, t[i].name) < 0)
            before++; /* the meetings strictly earlier than t[i]: by_time[0..before) */
        m->by_time[i] = t[i].at;
        m->n_before[t[i].at] = before;
    }
    free(t);
    return OV_OK;
}

int ov_merge_prepare(ov_merge *m, const char *content, int threshold)
{
    for (int i = 0; i < OV_MERGE_RESULTS; i++)
        if (!m->out[i] && !(m->out[i] = ov_results_new()))
            return OV_ENOMEM;
    m->content = content;
    m->out_threshold = threshold;
    m->texts_language[0] = '\0';
    return order_by_time(m);
}

/* Question mq of a meeting into rq: its words, its counts, its picture and
 * its finished counts. */
static void fill_question(const ov_merge *m, const ov_merge_question *mq, ov_result_question *rq)
{
    const ov_result_question *words = m->defs[mq->def];
    *rq = *words;
    for (int a = 0; a < rq->n_answers; a++) rq->answers[a].count = mq->counts[a];
    rq->withheld_sources = mq->withheld_sources;
    rq->groups_hidden = mq->groups_hidden;
    rq->n_groups = mq->n_groups;
    if (mq->n_groups)
        memcpy(rq->groups, mq->groups, (size_t)mq->n_groups * sizeof rq->groups[0]);
    rq->picture[0] = '\0';
    if (m->content && words->picture_rel[0] &&
        (size_t)snprintf(rq->picture, sizeof rq->picture, "%s/%s", m->content, words->picture_rel) >=
            sizeof rq->picture)
        rq->picture[0] = '\0';
    ov_results_finish_question(rq, m->out_threshold);
    ov_groups_protect_merged(rq, m->out_threshold); /* issue 14: whose view, protected again */
}

/* Meeting i into r: everything but the texts (only the written meeting's are read). */
static void fill_results(const ov_merge *m, int i, ov_results *r)
{
    const ov_merge_meeting *mm = m->meetings[i];
    memset(r, 0, offsetof(ov_results, questions));
    r->n_questions = 0;
    r->dropped = 0;
    r->ideas = NULL;
    r->n_ideas = 0;
    ov_strlcpy(r->meeting, mm->meeting, sizeof r->meeting);
    ov_strlcpy(r->language, mm->language, sizeof r->language);
    for (int q = 0; q < mm->n_questions; q++)
        fill_question(m, &mm->questions[q], &r->questions[r->n_questions++]);
}

ov_results *ov_merge_results(ov_merge *m, int i)
{
    if (!m || i < 0 || i >= m->n_meetings || !m->by_time || !m->out[0])
        return NULL;
    ov_results *now = m->out[0];
    fill_results(m, i, now);
    const char *language = m->meetings[i]->language;
    if (!m->n_texts_filled || strcmp(m->texts_language, language) != 0) {
        ov_texts_defaults(&now->texts, language); /* the report's words in the meeting's language */
        ov_strlcpy(m->texts_language, language, sizeof m->texts_language);
        m->n_texts_filled++;
    }
    /* Issue 14, progress over time: like the kiosk's own export (ov_views_fill), a meeting
     * looks back at most OV_COMPARE_LOOKBACK meetings, so the merged report says what each
     * kiosk's report says, and writing stays linear in meetings. */
    int before = m->n_before[i];
    int first = before > OV_COMPARE_LOOKBACK ? before - OV_COMPARE_LOOKBACK : 0;
    for (int e = first; e < before; e++)
        fill_results(m, m->by_time[e], m->out[1 + e - first]);
    ov_compare_fill(now, (const ov_results *const *)m->out + 1, before - first);
    return now;
}
