/* ideas.c — ideas, priorities and the action plan: the rules (model/ideas.h). */
#include "model/ideas.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ov_ideas_init(ov_ideas_board *b, const char *meeting, const char *question)
{
    memset(b, 0, sizeof *b);
    ov_strlcpy(b->meeting, meeting ? meeting : "", sizeof b->meeting);
    ov_strlcpy(b->question, question ? question : "", sizeof b->question);
    b->max_choices = OV_CHOICES_DEFAULT;
}

int ov_ideas_check_text(const char *text, size_t len, char *err, size_t errlen)
{
    if (!text)
        return ov_fail(err, errlen, OV_EINVAL, "no text was given");
    size_t n = strlen(text), bad = 0;
    if (n >= len)
        return ov_fail(err, errlen, OV_EINVAL, "the text is %zu bytes long; at most %zu fit: make it shorter",
                       n, len - 1);
    if (!ov_utf8_valid(text, n, &bad))
        return ov_fail(err, errlen, OV_EINVAL, "the text is not UTF-8 (at byte %zu): save the file as UTF-8",
                       bad);
    int visible = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch < 0x20 || ch == 0x7f)
            return ov_fail(err, errlen, OV_EINVAL, "the text has a control character at byte %zu", i);
        visible |= ch != ' ';
    }
    if (!visible)
        return ov_fail(err, errlen, OV_EINVAL, "the text is empty: type some words");
    return OV_OK;
}

int ov_ideas_add(ov_ideas_board *b, const char *text, char *err, size_t errlen)
{
    if (b->round != OV_ROUND_NOT_YET)
        return ov_fail(err, errlen, OV_EPERM, "the priorities round has started, so the ideas cannot change");
    int rc = ov_ideas_check_text(text, OV_IDEA_LEN, err, errlen);
    if (rc != OV_OK)
        return rc;
    for (int i = 0; i < b->n_ideas; i++)
        if (!strcmp(b->ideas[i].text, text))
            return ov_fail(err, errlen, OV_EINVAL, "this idea is already on the list");
    if (b->n_ideas >= OV_IDEAS_MAX)
        return ov_fail(err, errlen, OV_ENOSPC,
                       "there are already %d ideas, the most one screen shows as big buttons (OV_IDEAS_MAX)",
                       OV_IDEAS_MAX);
    ov_idea *it = &b->ideas[b->n_ideas++];
    memset(it, 0, sizeof *it);
    ov_strlcpy(it->text, text, sizeof it->text);
    return OV_OK;
}

int ov_ideas_remove(ov_ideas_board *b, int i)
{
    if (b->round != OV_ROUND_NOT_YET)
        return OV_EPERM;
    if (i < 0 || i >= b->n_ideas)
        return OV_EINVAL;
    memmove(&b->ideas[i], &b->ideas[i + 1], (size_t)(b->n_ideas - i - 1) * sizeof b->ideas[0]);
    b->n_ideas--;
    return OV_OK;
}

int ov_ideas_set_choices(ov_ideas_board *b, int n)
{
    if (b->round != OV_ROUND_NOT_YET)
        return OV_EPERM;
    if (n < 1 || n > OV_CHOICES_MAX)
        return OV_EINVAL;
    b->max_choices = n;
    return OV_OK;
}

int ov_ideas_open_round(ov_ideas_board *b)
{
    if (b->round != OV_ROUND_NOT_YET)
        return OV_EPERM;
    if (b->n_ideas < 2)
        return OV_EINVAL;
    b->round = OV_ROUND_OPEN;
    return OV_OK;
}

int ov_ideas_close_round(ov_ideas_board *b)
{
    if (b->round != OV_ROUND_OPEN)
        return OV_EPERM;
    b->round = OV_ROUND_CLOSED;
    return OV_OK;
}

int ov_ideas_vote(ov_ideas_board *b, const int *chosen, int n)
{
    if (b->round != OV_ROUND_OPEN)
        return OV_EPERM;
    if (!chosen || n < 1 || n > b->max_choices)
        return OV_EINVAL;
    for (int i = 0; i < n; i++) {
        if (chosen[i] < 0 || chosen[i] >= b->n_ideas)
            return OV_EINVAL;
        for (int j = 0; j < i; j++)
            if (chosen[j] == chosen[i])
                return OV_EINVAL;
    }
    for (int i = 0; i < n; i++)
        b->ideas[chosen[i]].votes++;
    b->voters++;
    return OV_OK;
}

int ov_ideas_protected(const ov_ideas_board *b, int threshold)
{
    return threshold > 0 && b->voters < threshold;
}

int ov_ideas_chosen(const ov_ideas_board *b, int threshold, int *out, int max)
{
    int n = 0;
    if (ov_ideas_protected(b, threshold) || b->voters == 0) {
        for (int i = 0; i < b->n_ideas && n < max; i++)
            out[n++] = i;
        return n;
    }
    int used[OV_IDEAS_MAX] = {0};
    int want = b->max_choices < max ? b->max_choices : max;
    while (n < want) {
        int best = -1;
        for (int i = 0; i < b->n_ideas; i++)
            if (!used[i] && b->ideas[i].votes > 0 && (best < 0 || b->ideas[i].votes > b->ideas[best].votes))
                best = i;
        if (best < 0)
            break;
        used[best] = 1;
        out[n++] = best;
    }
    return n;
}

/* Check one plan field, naming it in err. */
static int check_field(const char *name, const char *text, char *err, size_t errlen)
{
    char why[OV_REASON_LEN];
    if (ov_ideas_check_text(text, OV_PLAN_TEXT_LEN, why, sizeof why) != OV_OK)
        return ov_fail(err, errlen, OV_EINVAL, "%s: %s", name, why);
    return OV_OK;
}

int ov_ideas_set_plan(ov_ideas_board *b, int i, const char *what, const char *who, const char *when,
                      char *err, size_t errlen)
{
    if (i < 0 || i >= b->n_ideas)
        return ov_fail(err, errlen, OV_EINVAL, "there is no idea number %d", i + 1);
    int rc = check_field("what", what, err, errlen);
    if (rc == OV_OK)
        rc = check_field("who", who, err, errlen);
    if (rc == OV_OK)
        rc = check_field("when", when, err, errlen);
    if (rc != OV_OK)
        return rc;
    ov_plan_action *a = &b->ideas[i].plan;
    ov_strlcpy(a->what, what, sizeof a->what);
    ov_strlcpy(a->who, who, sizeof a->who);
    ov_strlcpy(a->when, when, sizeof a->when);
    if (!b->ideas[i].planned)
        a->done = 0;
    b->ideas[i].planned = 1;
    return OV_OK;
}

int ov_ideas_set_done(ov_ideas_board *b, int i, int done)
{
    if (i < 0 || i >= b->n_ideas || !b->ideas[i].planned)
        return OV_EINVAL;
    b->ideas[i].plan.done = done ? 1 : 0;
    return OV_OK;
}

int ov_ideas_planned(const ov_ideas_board *b, int *done)
{
    int n = 0, d = 0;
    for (int i = 0; i < b->n_ideas; i++)
        if (b->ideas[i].planned) {
            n++;
            d += b->ideas[i].plan.done;
        }
    if (done)
        *done = d;
    return n;
}

/* ---- ideas.ini from a stick ---- */

/* One problem of the file at line. */
static void problem(ov_diags *d, const char *file, int line, const char *msg, const char *why)
{
    ov_diag_add(d, OV_DIAG_ERROR, file, line, "%s%s%s", msg, why ? ": " : "", why ? why : "");
}

static int known_question(const ov_content *c, const char *id)
{
    for (int q = 0; c && q < c->n_questions; q++)
        if (!strcmp(c->questions[q].id, id))
            return 1;
    return 0;
}

/* The [ideas] section into b. */
static void read_ideas_section(const ov_ini_section *s, const char *file, const ov_content *c,
                               ov_ideas_board *b, ov_diags *d)
{
    char err[OV_REASON_LEN];
    for (int i = 0; i < s->n_kv; i++) {
        const ov_ini_kv *kv = &s->kv[i];
        if (!strcmp(kv->key, "question")) {
            if (!known_question(c, kv->value))
                problem(d, file, kv->line, "there is no question with this id in the questions in use",
                        kv->value);
            else
                ov_strlcpy(b->question, kv->value, sizeof b->question);
        } else if (!strcmp(kv->key, "idea")) {
            if (ov_ideas_add(b, kv->value, err, sizeof err) != OV_OK)
                problem(d, file, kv->line, "this idea cannot be used", err);
        } else {
            problem(d, file, kv->line, "unknown key in [ideas]: use question = or idea =", kv->key);
        }
    }
}

/* The [action N] section: N must be an idea listed before. */
static void read_action_section(const ov_ini_section *s, const char *file, ov_ideas_board *b, ov_diags *d)
{
    const char *num = s->head + strlen("action");
    char *end = NULL;
    long n = strtol(num, &end, 10);
    if (end == num || *end || n < 1 || n > b->n_ideas) {
        char why[OV_REASON_LEN];
        snprintf(why, sizeof why, "write [action N] with N from 1 to %d, the number of the idea", b->n_ideas);
        problem(d, file, s->line, "this action is not for an idea listed in [ideas]", why);
        return;
    }
    const char *f[3] = {"", "", ""};
    static const char *const names[3] = {"what", "who", "when"};
    for (int i = 0; i < s->n_kv; i++) {
        int k = 0;
        while (k < 3 && strcmp(s->kv[i].key, names[k]))
            k++;
        if (k == 3)
            problem(d, file, s->kv[i].line,
                    "unknown key in an action: use what =, who = and when =", s->kv[i].key);
        else
            f[k] = s->kv[i].value;
    }
    char err[OV_REASON_LEN];
    if (ov_ideas_set_plan(b, (int)n - 1, f[0], f[1], f[2], err, sizeof err) != OV_OK)
        problem(d, file, s->line, "this action is not complete", err);
}

int ov_ideas_from_ini(const ov_ini_doc *doc, const char *file, const ov_content *c, const char *meeting,
                      ov_ideas_board *out, ov_diags *d)
{
    ov_ideas_board *b = malloc(sizeof *b);
    if (!b)
        return OV_ENOMEM;
    int before = d->n_errors;
    ov_ideas_init(b, meeting, "");
    for (int i = 0; i < doc->n_sec; i++) {
        const ov_ini_section *s = &doc->sec[i];
        if (!strcmp(s->head, "ideas"))
            read_ideas_section(s, file, c, b, d);
        else if (!strncmp(s->head, "action", strlen("action")))
            read_action_section(s, file, b, d);
        else if (s->n_kv > 0 || s->head[0])
            problem(d, file, s->line, "unknown section: use [ideas] and [action N]", s->head);
    }
    if (!b->question[0] && d->n_errors == before)
        problem(d, file, 0, "no question = in [ideas]: say which question the ideas are for", NULL);
    if (b->n_ideas == 0 && d->n_errors == before)
        problem(d, file, 0, "no idea = lines in [ideas]", NULL);
    int rc = d->n_errors == before ? OV_OK : OV_EINVAL;
    if (rc == OV_OK)
        *out = *b;
    free(b);
    return rc;
}

static int same_ideas(const ov_ideas_board *a, const ov_ideas_board *b)
{
    if (a->n_ideas != b->n_ideas)
        return 0;
    for (int i = 0; i < a->n_ideas; i++)
        if (strcmp(a->ideas[i].text, b->ideas[i].text))
            return 0;
    return 1;
}

int ov_ideas_take_import(ov_ideas_board *b, const ov_ideas_board *from, char *err, size_t errlen)
{
    if (strcmp(b->question, from->question))
        return ov_fail(err, errlen, OV_EPERM,
                       "the ideas on the stick are for the question \"%s\", not this one", from->question);
    if (b->round == OV_ROUND_NOT_YET) {
        b->n_ideas = from->n_ideas;
        memcpy(b->ideas, from->ideas, sizeof b->ideas);
        return OV_OK;
    }
    if (!same_ideas(b, from))
        return ov_fail(err, errlen, OV_EPERM,
                       "members have chosen from these ideas, so they cannot change: the stick's ideas are "
                       "different");
    for (int i = 0; i < b->n_ideas; i++)
        if (from->ideas[i].planned) {
            b->ideas[i].planned = 1;
            b->ideas[i].plan = from->ideas[i].plan;
        }
    return OV_OK;
}
