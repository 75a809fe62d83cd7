/* content_diff.c — lists what changes between two contents (matched by id)
 * and says each change as an easy sentence or a precise log line. */
#include "model/content_diff.h"
#include "model/content_texts.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    ov_content_change *out;
    int max, n;
} diff_list;

static void add(diff_list *l, ov_change_kind kind, const char *id, const char *item,
                const char *title, const char *before, const char *after, int votes_stay)
{
    if (l->out && l->n < l->max) {
        ov_content_change *c = &l->out[l->n];
        memset(c, 0, sizeof *c);
        c->kind = kind;
        ov_strlcpy(c->id, id ? id : "", sizeof c->id);
        ov_strlcpy(c->item, item ? item : "", sizeof c->item);
        ov_strlcpy(c->title, title ? title : "", sizeof c->title);
        ov_strlcpy(c->before, before ? before : "", sizeof c->before);
        ov_strlcpy(c->after, after ? after : "", sizeof c->after);
        c->votes_stay = votes_stay;
    }
    l->n++;
}

static int find_question(const ov_content *c, const char *id)
{
    for (int i = 0; c && i < c->n_questions; i++)
        if (!strcmp(c->questions[i].id, id)) return i;
    return -1;
}

static int find_scale(const ov_content *c, const char *id)
{
    for (int i = 0; c && i < c->n_scales; i++)
        if (!strcmp(c->scales[i].id, id)) return i;
    return -1;
}

static const ov_scale *scale_of(const ov_content *c, const ov_question *q)
{
    return q->scale >= 0 && q->scale < c->n_scales ? &c->scales[q->scale] : NULL;
}

static int sentences_differ(const ov_question *a, const ov_question *b)
{
    if (a->n_sentences != b->n_sentences) return 1;
    for (int i = 0; i < a->n_sentences && i < OV_MAX_SENTENCES; i++)
        if (strcmp(a->sentences[i], b->sentences[i])) return 1;
    return 0;
}

/* Is scale index si of c used by any question of c? */
static int scale_used(const ov_content *c, int si)
{
    for (int i = 0; i < c->n_questions; i++)
        if (c->questions[i].scale == si)
            return 1;
    return 0;
}

static int texts_differ(const ov_texts *a, const ov_texts *b)
{
    return strcmp(a->welcome_title, b->welcome_title) || strcmp(a->welcome, b->welcome) ||
           strcmp(a->confirm, b->confirm) || strcmp(a->thats_right, b->thats_right) ||
           strcmp(a->go_back, b->go_back) || strcmp(a->thanks_title, b->thanks_title) ||
           strcmp(a->thanks, b->thanks) || strcmp(a->hear_again, b->hear_again) ||
           strcmp(a->progress, b->progress) || strcmp(a->not_saved, b->not_saved) ||
           strcmp(a->start, b->start) || strcmp(a->try_again, b->try_again);
}

/* Questions only in the old content, then questions only in the new one. */
static void diff_question_sets(diff_list *l, const ov_content *old_c, const ov_content *new_c)
{
    int old_nq = old_c ? old_c->n_questions : 0;
    for (int i = 0; i < old_nq; i++) {
        const ov_question *q = &old_c->questions[i];
        if (find_question(new_c, q->id) < 0)
            add(l, OV_CHANGE_QUESTION_REMOVED, q->id, NULL, q->title, NULL, NULL, 1);
    }
    for (int i = 0; i < new_c->n_questions; i++) {
        const ov_question *q = &new_c->questions[i];
        if (find_question(old_c, q->id) < 0)
            add(l, OV_CHANGE_QUESTION_ADDED, q->id, NULL, q->title, NULL, NULL, 0);
    }
}

/* What changed in question oq (old) -> nq (new). */
static void diff_question(diff_list *l, const ov_content *old_c, const ov_question *oq,
                          const ov_content *new_c, const ov_question *nq)
{
    if (strcmp(oq->title, nq->title))
        add(l, OV_CHANGE_QUESTION_TITLE, nq->id, NULL, nq->title, oq->title, nq->title, 0);
    if (sentences_differ(oq, nq))
        add(l, OV_CHANGE_QUESTION_WORDS, nq->id, NULL, nq->title, NULL, NULL, 0);
    if (strcmp(oq->picture, nq->picture) || strcmp(oq->recording, nq->recording))
        add(l, OV_CHANGE_QUESTION_PICTURE, nq->id, NULL, nq->title, NULL, NULL, 0);
    const ov_scale *os = scale_of(old_c, oq);
    const ov_scale *ns = scale_of(new_c, nq);
    if (ns && (!os || strcmp(os->id, ns->id)))
        add(l, OV_CHANGE_QUESTION_SCALE, nq->id, ns->id, nq->title, os ? os->name : "", ns->name, 1);
    if (!oq->practice != !nq->practice)
        add(l, OV_CHANGE_QUESTION_PRACTICE, nq->id, NULL, nq->title, NULL, nq->practice ? "yes" : "no",
            nq->practice ? 1 : 0);
}

/* Questions in both: what changed, and whether their order did. */
static void diff_common_questions(diff_list *l, const ov_content *old_c, const ov_content *new_c)
{
    int last_old = -1;
    int reordered = 0;
    for (int i = 0; i < new_c->n_questions; i++) {
        const ov_question *nq = &new_c->questions[i];
        int oi = find_question(old_c, nq->id);
        if (oi < 0)
            continue;
        if (oi < last_old)
            reordered = 1;
        last_old = oi;
        diff_question(l, old_c, &old_c->questions[oi], new_c, nq);
    }
    if (reordered)
        add(l, OV_CHANGE_QUESTION_ORDER, NULL, NULL, NULL, NULL, NULL, 0);
}

static const ov_answer *find_answer(const ov_scale *s, const char *id)
{
    const ov_answer *found = NULL;
    for (int k = 0; k < s->n_answers; k++)
        if (!strcmp(s->answers[k].id, id))
            found = &s->answers[k];   /* the last of equal ids, as before */
    return found;
}

/* Answers removed from, added to or reworded in scale os (old) -> ns (new). */
static void diff_answers(diff_list *l, const ov_scale *os, const ov_scale *ns)
{
    for (int k = 0; k < os->n_answers; k++) {
        const ov_answer *oa = &os->answers[k];
        if (!find_answer(ns, oa->id))
            add(l, OV_CHANGE_ANSWER_REMOVED, ns->id, oa->id, ns->name, oa->word, NULL, 1);
    }
    for (int j = 0; j < ns->n_answers; j++) {
        const ov_answer *na = &ns->answers[j];
        const ov_answer *oa = find_answer(os, na->id);
        if (!oa)
            add(l, OV_CHANGE_ANSWER_ADDED, ns->id, na->id, ns->name, NULL, na->word, 0);
        else if (strcmp(oa->word, na->word))
            add(l, OV_CHANGE_ANSWER_WORD, ns->id, na->id, ns->name, oa->word, na->word, 0);
    }
}

int ov_content_diff(const ov_content *old_c, const ov_content *new_c,
                    ov_content_change *out, int max)
{
    if (!new_c)
        return OV_EINVAL;
    diff_list l = { out, max < 0 ? 0 : max, 0 };
    if (old_c && strcmp(old_c->language, new_c->language))
        add(&l, OV_CHANGE_LANGUAGE, NULL, NULL, NULL, old_c->language, new_c->language, 0);
    diff_question_sets(&l, old_c, new_c);
    diff_common_questions(&l, old_c, new_c);
    /* answers of scales in both, when a question in the new content uses them */
    for (int si = 0; old_c && si < new_c->n_scales; si++) {
        const ov_scale *ns = &new_c->scales[si];
        int osi = find_scale(old_c, ns->id);
        if (osi >= 0 && scale_used(new_c, si))
            diff_answers(&l, &old_c->scales[osi], ns);
    }
    if (old_c && texts_differ(&old_c->texts, &new_c->texts))
        add(&l, OV_CHANGE_TEXTS, NULL, NULL, NULL, NULL, NULL, 0);
    return l.n;
}

/* A language's name: English and Welsh in the words of t (chg_english,
 * chg_welsh), in English for the few others the kiosk is likely to meet. */
static const char *language_name(const char *code, const ov_texts *t)
{
    if (!strncmp(code, "en", 2) && (!code[2] || code[2] == '-'))
        return OV_TX(t, chg_english);
    if (!strcmp(code, "cy") || !strncmp(code, "cy-", 3))
        return OV_TX(t, chg_welsh);
    static const struct { const char *code, *name; } names[] = {
        { "en", "English" }, { "en-gb", "English" }, { "en-us", "English" }, { "cy", "Welsh" },
        { "ga", "Irish" }, { "gd", "Scottish Gaelic" }, { "fr", "French" }, { "de", "German" },
        { "es", "Spanish" }, { "pl", "Polish" }, { "pa", "Punjabi" }, { "ur", "Urdu" },
        { "bn", "Bengali" }, { "ar", "Arabic" }, { "ro", "Romanian" }, { "pt", "Portuguese" },
        { "it", "Italian" }, { "lt", "Lithuanian" }, { "so", "Somali" }, { "gu", "Gujarati" },
    };
    for (size_t i = 0; i < OV_ARRAY_LEN(names); i++)
        if (!strcmp(names[i].code, code)) return names[i].name;
    return code;
}

/* printf into out; returns the length, or OV_EINVAL (out = "") on failure. */
static int put(char *out, size_t outlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int put(char *out, size_t outlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, outlen, fmt, ap);
    va_end(ap);
    if (n < 0 && out && outlen)
        out[0] = '\0';
    return n < 0 ? OV_EINVAL : n;
}

/* No change to say: out = "", OV_EINVAL. */
static int no_sentence(char *out, size_t outlen)
{
    if (out && outlen)
        out[0] = '\0';
    return OV_EINVAL;
}

static int language_sentence(const ov_content_change *ch, const ov_texts *t, char *out, size_t outlen)
{
    const char *a = language_name(ch->before, t);
    const char *b = language_name(ch->after, t);
    if (!strcmp(a, b))
        return put(out, outlen, OV_TX(t, chg_voice), ch->before, ch->after);
    return put(out, outlen, OV_TX(t, chg_language), a, b);
}

int ov_content_change_sentence(const ov_content_change *ch, const ov_texts *t, char *out, size_t outlen)
{
    if (!ch)
        return no_sentence(out, outlen);
    switch (ch->kind) {
    case OV_CHANGE_LANGUAGE:
        return language_sentence(ch, t, out, outlen);
    case OV_CHANGE_QUESTION_ADDED:
        return put(out, outlen, OV_TX(t, chg_q_added), ch->title);
    case OV_CHANGE_QUESTION_REMOVED:
        return put(out, outlen, OV_TX(t, chg_q_removed), ch->title);
    case OV_CHANGE_QUESTION_TITLE:
        return put(out, outlen, OV_TX(t, chg_q_title), ch->before, ch->after);
    case OV_CHANGE_QUESTION_WORDS:
        return put(out, outlen, OV_TX(t, chg_q_words), ch->title);
    case OV_CHANGE_QUESTION_PICTURE:
        return put(out, outlen, OV_TX(t, chg_q_picture), ch->title);
    case OV_CHANGE_QUESTION_SCALE:
        return put(out, outlen, OV_TX(t, chg_q_scale), ch->title, ch->after[0] ? ch->after : ch->item);
    case OV_CHANGE_QUESTION_ORDER:
        return put(out, outlen, "%s", OV_TX(t, chg_order));
    case OV_CHANGE_QUESTION_PRACTICE:
        return put(out, outlen, strcmp(ch->after, "yes") ? OV_TX(t, chg_q_counted) : OV_TX(t, chg_q_practice),
                   ch->title);
    case OV_CHANGE_ANSWER_ADDED:
        return put(out, outlen, OV_TX(t, chg_a_added), ch->after, ch->title);
    case OV_CHANGE_ANSWER_REMOVED:
        return put(out, outlen, OV_TX(t, chg_a_removed), ch->title, ch->before);
    case OV_CHANGE_ANSWER_WORD:
        return put(out, outlen, OV_TX(t, chg_a_word), ch->before, ch->after);
    case OV_CHANGE_TEXTS:
        return put(out, outlen, "%s", OV_TX(t, chg_texts));
    }
    return no_sentence(out, outlen);
}

int ov_content_change_log(const ov_content_change *ch, char *out, size_t outlen)
{
    if (!ch)
        return no_sentence(out, outlen);
    switch (ch->kind) {
    case OV_CHANGE_LANGUAGE:
        return put(out, outlen, "language: %s -> %s", ch->before, ch->after);
    case OV_CHANGE_QUESTION_ADDED:
        return put(out, outlen, "question '%s' added (title '%s')", ch->id, ch->title);
    case OV_CHANGE_QUESTION_REMOVED:
        return put(out, outlen, "question '%s' removed (title '%s'); its counted votes stay in the results",
                   ch->id, ch->title);
    case OV_CHANGE_QUESTION_TITLE:
        return put(out, outlen, "question '%s' title: '%s' -> '%s'", ch->id, ch->before, ch->after);
    case OV_CHANGE_QUESTION_WORDS:
        return put(out, outlen, "question '%s' sentences changed", ch->id);
    case OV_CHANGE_QUESTION_PICTURE:
        return put(out, outlen, "question '%s' picture or recording changed", ch->id);
    case OV_CHANGE_QUESTION_SCALE:
        return put(out, outlen, "question '%s' moved to scale '%s' (answers '%s', were '%s'); "
                   "votes on the old answers stay in the results", ch->id, ch->item, ch->after, ch->before);
    case OV_CHANGE_QUESTION_ORDER:
        return put(out, outlen, "question order changed");
    case OV_CHANGE_QUESTION_PRACTICE:
        return strcmp(ch->after, "yes")
                   ? put(out, outlen, "question '%s' is counted now (practice = no)", ch->id)
                   : put(out, outlen, "question '%s' is now the practice question (never counted); "
                         "its counted votes stay in the results", ch->id);
    case OV_CHANGE_ANSWER_ADDED:
        return put(out, outlen, "scale '%s': answer '%s' added (word '%s')", ch->id, ch->item, ch->after);
    case OV_CHANGE_ANSWER_REMOVED:
        return put(out, outlen, "scale '%s': answer '%s' removed (word '%s'); "
                   "its counted votes stay in the results", ch->id, ch->item, ch->before);
    case OV_CHANGE_ANSWER_WORD:
        return put(out, outlen, "scale '%s': answer '%s' word: '%s' -> '%s'",
                   ch->id, ch->item, ch->before, ch->after);
    case OV_CHANGE_TEXTS:
        return put(out, outlen, "screen texts changed");
    }
    return no_sentence(out, outlen);
}

int ov_content_diff_keeps_votes(const ov_content_change *changes, int n)
{
    for (int i = 0; changes && i < n; i++)
        if (changes[i].votes_stay)
            return 1;
    return 0;
}

const char *ov_content_diff_votes_note(const ov_texts *t)
{
    return OV_TX(t, chg_votes_stay);
}

const char *ov_content_diff_none_sentence(const ov_texts *t)
{
    return OV_TX(t, chg_none);
}
