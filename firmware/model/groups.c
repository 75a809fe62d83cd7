/* groups.c — per-group results with protection of groups and of their
 * differences (see groups.h). Pure logic. */
#include "model/groups.h"

#include <stdlib.h>
#include <string.h>

int ov_groups_suppress_more(const long *totals, int n, int threshold, int *hidden, long hidden_sum)
{
    int withheld = 0;
    for (int i = 0; i < n; i++) {
        if (hidden[i]) {
            withheld++;
            continue;
        }
        hidden[i] = threshold > 0 && totals[i] > 0 && totals[i] < threshold;
        if (hidden[i]) {
            withheld++;
            hidden_sum += totals[i];
        }
    }
    while (hidden_sum > 0 && hidden_sum < threshold) {
        int smallest = -1;
        for (int i = 0; i < n; i++)
            if (!hidden[i] && totals[i] > 0 && (smallest < 0 || totals[i] < totals[smallest]))
                smallest = i;
        if (smallest < 0)
            break; /* every group with answers is withheld; the meeting's own protection covers the rest */
        hidden[smallest] = 1;
        hidden_sum += totals[smallest];
        withheld++;
    }
    return withheld;
}

int ov_groups_suppress(const long *totals, int n, int threshold, int *hidden)
{
    for (int i = 0; i < n; i++)
        hidden[i] = 0;
    return ov_groups_suppress_more(totals, n, threshold, hidden, 0);
}

static int find_group(const ov_group_results *g, const char *id)
{
    for (int i = 0; i < g->n_groups; i++)
        if (!strcmp(g->groups[i].id, id))
            return i;
    return -1;
}

static int add_group(ov_group_results *g, const char *id, const char *word, char *err, size_t errlen)
{
    if (g->n_groups >= OV_GROUPS_MAX)
        return ov_fail(err, errlen, OV_EINVAL,
                       "more than %d groups in the counts; the results show at most %d", OV_GROUPS_MAX,
                       OV_GROUPS_MAX);
    ov_group_view *v = &g->groups[g->n_groups];
    ov_strlcpy(v->id, id, sizeof v->id);
    ov_strlcpy(v->word, word, sizeof v->word);
    v->res = ov_results_new();
    if (!v->res)
        return ov_fail(err, errlen, OV_ENOMEM, "out of memory for the results of group %s", id);
    g->n_groups++;
    return OV_OK;
}

/* The groups: content's, then any only in the rows, then "not said" last. */
static int list_groups(const ov_tally_row *rows, int n_rows, const ov_content *c, const char *meeting,
                       ov_group_results *out, char *err, size_t errlen)
{
    int rc = OV_OK;
    for (int i = 0; c && i < c->who.n_groups && rc == OV_OK; i++)
        rc = add_group(out, c->who.groups[i].id, c->who.groups[i].word, err, errlen);
    for (int r = 0; r < n_rows && rc == OV_OK; r++) {
        if (strcmp(rows[r].meeting, meeting) || rows[r].count <= 0 || !rows[r].group[0])
            continue;
        out->any_group = 1;
        if (find_group(out, rows[r].group) < 0)
            rc = add_group(out, rows[r].group, rows[r].group, err, errlen);
    }
    if (rc == OV_OK)
        rc = add_group(out, OV_GROUP_NOT_SAID, c ? c->texts.grp_did_not_say : "Did not say", err, errlen);
    return rc;
}

/* Rows of one group (a copy, so ov_results_build sees only them). */
static int build_one(const ov_tally_row *rows, int n_rows, const ov_content *c, const char *meeting,
                     ov_group_view *v)
{
    ov_tally_row *mine = malloc((size_t)(n_rows > 0 ? n_rows : 1) * sizeof *mine);
    if (!mine)
        return OV_ENOMEM;
    int n = 0;
    for (int r = 0; r < n_rows; r++)
        if (!strcmp(rows[r].group, v->id))
            mine[n++] = rows[r];
    int rc = ov_results_build(mine, n, c, meeting, 0, v->res);
    free(mine);
    return rc;
}

/* Apply the protection question by question across the groups. */
static void protect(ov_group_results *g, int threshold)
{
    const ov_results *first = g->groups[0].res;
    for (int qi = 0; qi < first->n_questions; qi++) {
        long totals[OV_GROUPS_MAX];
        int hidden[OV_GROUPS_MAX];
        for (int i = 0; i < g->n_groups; i++) {
            const ov_result_question *q = ov_group_question(g, i, first->questions[qi].id);
            totals[i] = q ? q->total : 0;
        }
        ov_groups_suppress(totals, g->n_groups, threshold, hidden);
        for (int i = 0; i < g->n_groups; i++) {
            ov_result_question *q = (ov_result_question *)ov_group_question(g, i, first->questions[qi].id);
            if (!q)
                continue;
            ov_results_finish_question(q, 0);
            q->is_protected = hidden[i];
            if (hidden[i])
                q->n_top = 0;
        }
    }
    for (int i = 0; i < g->n_groups; i++)
        g->groups[i].res->threshold = threshold > 0 ? threshold : 0;
}

int ov_group_results_build(const ov_tally_row *rows, int n_rows, const ov_content *content,
                           const char *meeting, int threshold, ov_group_results *out, char *err,
                           size_t errlen)
{
    if (!out || !meeting || (n_rows > 0 && !rows))
        return ov_fail(err, errlen, OV_EINVAL, "ov_group_results_build: no rows or no meeting");
    memset(out, 0, sizeof *out);
    int rc = list_groups(rows, n_rows, content, meeting, out, err, errlen);
    for (int i = 0; i < out->n_groups && rc == OV_OK; i++)
        rc = build_one(rows, n_rows, content, meeting, &out->groups[i]);
    if (rc == OV_ENOMEM)
        return ov_fail(err, errlen, OV_ENOMEM, "out of memory for the results of the groups");
    if (rc == OV_OK)
        protect(out, threshold);
    return rc;
}

void ov_group_results_free(ov_group_results *g)
{
    if (!g)
        return;
    for (int i = 0; i < g->n_groups; i++)
        free(g->groups[i].res);
    memset(g, 0, sizeof *g);
}

const ov_result_question *ov_group_question(const ov_group_results *g, int group, const char *question_id)
{
    if (!g || group < 0 || group >= g->n_groups || !g->groups[group].res)
        return NULL;
    const ov_results *r = g->groups[group].res;
    for (int i = 0; i < r->n_questions; i++)
        if (!strcmp(r->questions[i].id, question_id))
            return &r->questions[i];
    return NULL;
}

/* What most of one group said, short, for a line after "Word: ": "Getting there.",
 * in the words of t. */
static void group_part(const ov_result_question *q, const ov_texts *t, char *buf, size_t len)
{
    if (q->is_protected || q->n_top == 0) {
        ov_strlcpy(buf, t->grp_not_enough, len);
        return;
    }
    ov_results_top_words(q, t, buf, len);
    size_t used = strlen(buf);
    if (used + 1 < len)
        ov_strlcpy(buf + used, ".", len - used);
}

/* Group gq's counts and whether they are withheld into out, in the order of q's answers. */
static void group_counts(const ov_result_question *q, const ov_result_question *gq, const ov_group_view *v,
                         ov_result_group *out)
{
    memset(out, 0, sizeof *out);
    ov_strlcpy(out->id, v->id, sizeof out->id);
    ov_strlcpy(out->word, v->word, sizeof out->word);
    out->is_protected = gq->is_protected;
    out->total = gq->total;
    for (int a = 0; a < q->n_answers; a++)
        for (int b = 0; b < gq->n_answers; b++)
            if (!strcmp(q->answers[a].id, gq->answers[b].id))
                out->counts[a] = gq->answers[b].count;
}

void ov_groups_fill_lines(ov_results *now, const ov_group_results *g)
{
    if (!now || !g)
        return;
    for (int qi = 0; qi < now->n_questions; qi++) {
        ov_result_question *q = &now->questions[qi];
        q->groups_line[0] = '\0';
        q->n_groups = 0;
        if (!g->any_group)
            continue;
        size_t used = 0;
        for (int i = 0; i < g->n_groups; i++) {
            const ov_result_question *gq = ov_group_question(g, i, q->id);
            if (!gq || gq->total == 0) /* a group nobody of came is left out */
                continue;
            if (q->n_groups < OV_RESULTS_MAX_GROUPS)
                group_counts(q, gq, &g->groups[i], &q->groups[q->n_groups++]);
            char part[OV_SENTENCE_LEN];
            group_part(gq, &now->texts, part, sizeof part);
            int w = snprintf(q->groups_line + used, sizeof q->groups_line - used, "%s%s: %s", used ? " " : "",
                             g->groups[i].word, part);
            if (w < 0 || (size_t)w >= sizeof q->groups_line - used)
                break;
            used += (size_t)w;
        }
    }
}

/* "Getting there." (the most-chosen answers of a merged group g of q, ties
 * joined) or "not enough answers yet." when withheld. */
static void merged_part(const ov_result_question *q, const ov_result_group *g, char *buf, size_t len)
{
    long best = 0;
    for (int a = 0; a < q->n_answers; a++)
        if (g->counts[a] > best)
            best = g->counts[a];
    if (g->is_protected || best == 0) {
        ov_strlcpy(buf, "not enough answers yet.", len);
        return;
    }
    int n_top = 0, seen = 0;
    for (int a = 0; a < q->n_answers; a++)
        n_top += g->counts[a] == best;
    size_t used = 0;
    buf[0] = '\0';
    for (int a = 0; a < q->n_answers && used < len; a++) {
        if (g->counts[a] != best)
            continue;
        const char *sep = seen == 0 ? "" : (seen == n_top - 1 ? " and " : ", ");
        used += (size_t)snprintf(buf + used, len - used, "%s%s", sep, q->answers[a].word);
        seen++;
    }
    if (used < len)
        snprintf(buf + used, len - used, ".");
}

void ov_groups_protect_merged(ov_result_question *q, int threshold)
{
    if (!q)
        return;
    q->groups_line[0] = '\0';
    if (q->n_groups == 0)
        return;
    long totals[OV_RESULTS_MAX_GROUPS] = { 0 };
    int hidden[OV_RESULTS_MAX_GROUPS] = { 0 };
    long hidden_sum = q->groups_hidden;
    for (int i = 0; i < q->n_groups; i++) {
        totals[i] = q->groups[i].total;
        hidden[i] = q->groups[i].is_protected || q->is_protected;
        if (hidden[i])
            hidden_sum += totals[i];
    }
    ov_groups_suppress_more(totals, q->n_groups, threshold, hidden, hidden_sum);
    size_t used = 0;
    for (int i = 0; i < q->n_groups; i++) {
        q->groups[i].is_protected = hidden[i];
        char part[OV_SENTENCE_LEN];
        merged_part(q, &q->groups[i], part, sizeof part);
        int w = snprintf(q->groups_line + used, sizeof q->groups_line - used, "%s%s: %s", used ? " " : "",
                         q->groups[i].word, part);
        if (w < 0 || (size_t)w >= sizeof q->groups_line - used)
            break;
        used += (size_t)w;
    }
}
