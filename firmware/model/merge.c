/* merge.c — parse OurVoice export JSON and add up the same questions. */
#include "model/merge.h"
#include "base/json_read.h"
#include "model/content_texts.h"
#include "model/export_format.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest values an export's JSON may hold; anything above is a damaged or made-up file. */
#define MAX_COUNT 1000000000L        /* one answer's count */
#define MAX_WITHHELD_SOURCES 100000L /* merged exports that withheld a question */
#define AS_TEXT_(x) #x
#define AS_TEXT(x) AS_TEXT_(x) /* a number macro as a string literal */
#define MEETINGS_FIRST_CAP 16 /* meetings a merge first makes room for (doubled when full) */
#define PROBLEM_LEN 256       /* a problem's sentence, before the file and place are added */
#define SHAPE_NAME_LEN 32     /* an answer's shape name as read */
#define LIMIT_TEXT_LEN 16     /* a limit's number as text */


void ov_merge_init(ov_merge *m, const char *one_meeting)
{
    memset(m, 0, sizeof *m);
    m->one_meeting = one_meeting;
    m->all_exact = 1;
}

void ov_merge_free(ov_merge *m)
{
    for (int i = 0; i < m->n_meetings; i++) free(m->meetings[i]);
    free(m->meetings);
    m->meetings = NULL;
    m->n_meetings = m->cap_meetings = 0;
}

/* Where the meeting called name is, or would go, in the sorted list. */
static int meeting_slot(const ov_merge *m, const char *name, int *found)
{
    int lo = 0, hi = m->n_meetings;
    *found = 0;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(m->meetings[mid]->meeting, name);
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The merged results of meeting `name`, made (empty) when new; NULL when out
 * of memory. */
static ov_results *meeting_for(ov_merge *m, const char *name, const char *language)
{
    int found;
    int at = meeting_slot(m, name, &found);
    if (found) return m->meetings[at];
    if (m->n_meetings == m->cap_meetings) {
        int cap = m->cap_meetings ? 2 * m->cap_meetings : MEETINGS_FIRST_CAP;
        ov_results **grown = realloc(m->meetings, (size_t)cap * sizeof *grown);
        if (!grown) return NULL;
        m->meetings = grown;
        m->cap_meetings = cap;
    }
    ov_results *r = ov_results_new();
    if (!r) return NULL;
    ov_strlcpy(r->meeting, name, sizeof r->meeting);
    ov_strlcpy(r->language, language, sizeof r->language);
    ov_texts_defaults(&r->texts, language); /* the report's words in the meeting's language */
    memmove(m->meetings + at + 1, m->meetings + at, (size_t)(m->n_meetings - at) * sizeof *m->meetings);
    m->meetings[at] = r;
    m->n_meetings++;
    return r;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct { const char *path; char *err; size_t errlen; int rc; } rd;

static int bad(rd *r, const ov_json *at, const char *fmt, const char *a, const char *b)
{
    char what[PROBLEM_LEN];
    snprintf(what, sizeof what, fmt, a, b);
    if (r->rc == OV_OK)
        r->rc = ov_fail(r->err, r->errlen, OV_EINVAL, "%s:%d: %s", r->path, at ? at->line : 1, what);
    return 0;
}

/* 1 when s holds a control character: C0 (below 0x20), DEL, or C1 (U+0080..U+009F,
 * bytes C2 80..C2 9F in UTF-8) — any of them could drive a terminal. */
static int has_control(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f) return 1;
        if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) return 1;
    }
    return 0;
}

void ov_merge_printable(char *s)
{
    for (unsigned char *p = (unsigned char *)s; p && *p; p++) {
        if (*p < 0x20 || *p == 0x7f) *p = '?';
        else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            p[0] = '?';
            p[1] = '?';
            p++;
        }
    }
}

/* Copy string member `key` into dst; required: missing is an error. A
 * control character is refused (it would reach the terminal and the files). */
static int get_str(rd *r, const ov_json *obj, const char *key, char *dst, size_t dstlen, int required)
{
    const ov_json *v = ov_json_get(obj, key);
    if (!v) {
        dst[0] = '\0';
        return required ? bad(r, obj, "\"%s\" is missing%s", key, "") : 1;
    }
    if (v->type != OV_JSON_STRING)
        return bad(r, v, "\"%s\" must be a string, not %s", key, ov_json_type_name(v->type));
    if (has_control(v->string))
        return bad(r, v, "\"%s\" holds a control character, which is not allowed%s", key, "");
    if (ov_strlcpy(dst, v->string, dstlen) != OV_OK) return bad(r, v, "\"%s\" is too long%s", key, "");
    if (required && !dst[0]) return bad(r, v, "\"%s\" is empty%s", key, "");
    return 1;
}

static int get_bool(rd *r, const ov_json *obj, const char *key, int *out)
{
    const ov_json *v = ov_json_get(obj, key);
    if (!v) {
        *out = 0;
        return 1;
    }
    if (v->type != OV_JSON_TRUE && v->type != OV_JSON_FALSE)
        return bad(r, v, "\"%s\" must be true or false, not %s", key, ov_json_type_name(v->type));
    *out = v->type == OV_JSON_TRUE;
    return 1;
}

/* A count: a whole number >= 0, or null when allow_null. *out = -1 for null. */
static int get_count(rd *r, const ov_json *obj, const char *key, long *out, int allow_null)
{
    const ov_json *v = ov_json_get(obj, key);
    if (!v) return bad(r, obj, "\"%s\" is missing%s", key, "");
    if (v->type == OV_JSON_NULL && allow_null) {
        *out = -1;
        return 1;
    }
    if (v->type != OV_JSON_NUMBER || !v->is_integer || v->integer < 0 || v->integer > MAX_COUNT)
        return bad(r, v, "\"%s\" must be a whole number from 0%s", key,
                   allow_null ? " (or null when withheld)" : "");
    *out = (long)v->integer;
    return 1;
}

/* One entry of "group_counts" into g, its counts in q's answer order; a
 * withheld group keeps no counts (the merge never shows it). */
static int read_group(rd *r, const ov_json *jg, const ov_result_question *q, ov_result_group *g)
{
    if (jg->type != OV_JSON_OBJECT)
        return bad(r, jg, "each group count must be an object, not %s%s", ov_json_type_name(jg->type), "");
    memset(g, 0, sizeof *g);
    if (!get_str(r, jg, "group", g->id, sizeof g->id, 0) ||
        !get_str(r, jg, "word", g->word, sizeof g->word, 0) || !get_bool(r, jg, "withheld", &g->is_protected))
        return 0;
    if (!g->word[0]) ov_strlcpy(g->word, g->id[0] ? g->id : "Did not say", sizeof g->word);
    const ov_json *c = ov_json_get(jg, "counts");
    if (!c) return bad(r, jg, "group \"%s\" has no \"counts\"%s", g->id, "");
    if (c->type == OV_JSON_NULL && !g->is_protected)
        return bad(r, c, "group \"%s\": \"counts\" is null but the group is not withheld%s", g->id, "");
    if (g->is_protected) return 1;
    if (c->type != OV_JSON_OBJECT)
        return bad(r, c, "\"counts\" must be an object or null, not %s%s", ov_json_type_name(c->type), "");
    for (int a = 0; a < q->n_answers; a++) {
        if (!get_count(r, c, q->answers[a].id, &g->counts[a], 0)) return 0;
        g->total += g->counts[a];
    }
    return 1;
}

/* "group_counts" of a question (optional): each group's counts; the answers
 * of the withheld groups together go to q->groups_hidden. */
static int read_groups(rd *r, const ov_json *jq, ov_result_question *q)
{
    const ov_json *jg = ov_json_get(jq, "group_counts");
    q->n_groups = 0;
    q->groups_hidden = 0;
    if (!jg) return 1;
    if (jg->type != OV_JSON_ARRAY)
        return bad(r, jg, "\"group_counts\" must be an array, not %s%s", ov_json_type_name(jg->type), "");
    if (jg->n_children > OV_RESULTS_MAX_GROUPS)
        return bad(r, jg, "question \"%s\" has more groups than OurVoice allows%s", q->id, "");
    long shown = 0;
    int any_withheld = 0;
    for (const ov_json *e = jg->child; e; e = e->next) {
        ov_result_group *g = &q->groups[q->n_groups];
        if (!read_group(r, e, q, g)) return 0;
        for (int k = 0; k < q->n_groups; k++)
            if (!strcmp(q->groups[k].id, g->id))
                return bad(r, e, "group \"%s\" appears twice in question \"%s\"", g->id, q->id);
        shown += g->total;
        any_withheld |= g->is_protected;
        q->n_groups++;
    }
    long total = 0;
    for (int a = 0; a < q->n_answers; a++) total += q->answers[a].count;
    if (shown > total)
        return bad(r, jg, "the groups of question \"%s\" hold more answers than the question%s", q->id, "");
    q->groups_hidden = any_withheld ? total - shown : 0;
    return 1;
}

static int read_question(rd *r, const ov_json *jq, ov_result_question *q)
{
    if (jq->type != OV_JSON_OBJECT)
        return bad(r, jq, "each question must be an object, not %s%s", ov_json_type_name(jq->type), "");
    int withheld = 0;
    if (!get_str(r, jq, "id", q->id, sizeof q->id, 1) ||
        !get_str(r, jq, "title", q->title, sizeof q->title, 0) ||
        !get_str(r, jq, "text", q->text, sizeof q->text, 0) ||
        !get_str(r, jq, "scale", q->scale, sizeof q->scale, 0) ||
        !get_str(r, jq, "picture", q->picture_rel, sizeof q->picture_rel, 0) ||
        !get_bool(r, jq, "withheld", &withheld))
        return 0;
    if (!q->title[0]) ov_strlcpy(q->title, q->id, sizeof q->title);
    const ov_json *ws = ov_json_get(jq, "withheld_sources");
    if (ws && (ws->type != OV_JSON_NUMBER || !ws->is_integer || ws->integer < 0 ||
               ws->integer > MAX_WITHHELD_SOURCES))
        return bad(r, ws, "\"withheld_sources\" must be a whole number from 0%s%s", "", "");
    q->withheld_sources = ws ? (int)ws->integer : 0;
    const ov_json *ja = ov_json_get(jq, "answers");
    if (!ja) return bad(r, jq, "question \"%s\" has no \"answers\"%s", q->id, "");
    if (ja->type != OV_JSON_ARRAY)
        return bad(r, ja, "\"answers\" must be an array, not %s%s", ov_json_type_name(ja->type), "");
    if (ja->n_children > OV_RESULTS_MAX_ANSWERS)
        return bad(r, ja, "question \"%s\" has more answers than OurVoice allows%s", q->id, "");
    for (const ov_json *a = ja->child; a; a = a->next) {
        ov_result_answer *ra = &q->answers[q->n_answers];
        if (a->type != OV_JSON_OBJECT)
            return bad(r, a, "each answer must be an object, not %s%s", ov_json_type_name(a->type), "");
        char shape[SHAPE_NAME_LEN];
        if (!get_str(r, a, "id", ra->id, sizeof ra->id, 1) ||
            !get_str(r, a, "word", ra->word, sizeof ra->word, 0) ||
            !get_str(r, a, "colour", ra->colour, sizeof ra->colour, 0) ||
            !get_str(r, a, "shape", shape, sizeof shape, 0) || !get_bool(r, a, "dont_know", &ra->dont_know) ||
            !get_count(r, a, "count", &ra->count, withheld))
            return 0;
        for (int k = 0; k < q->n_answers; k++)
            if (!strcmp(q->answers[k].id, ra->id))
                return bad(r, a, "answer \"%s\" appears twice in question \"%s\"", ra->id, q->id);
        if (!withheld && ra->count < 0)
            return bad(r, a, "\"count\" is null but the question is not withheld%s%s", "", "");
        if (withheld) ra->count = 0;
        if (!ra->word[0]) ov_strlcpy(ra->word, ra->id, sizeof ra->word);
        if (!ra->colour[0]) ov_strlcpy(ra->colour, "grey", sizeof ra->colour);
        ra->shape = shape[0] ? ov_shape_parse(shape) : OV_SHAPE_NONE;
        q->n_answers++;
    }
    if (!withheld && !read_groups(r, jq, q)) return 0;
    /* a withheld question is marked by withheld_sources = 1 (this file); its groups add nothing */
    if (withheld) q->withheld_sources += 1;
    q->in_content = 1;
    return 1;
}

/* 1 (and the reason in r) when a file holds more questions than a result can. */
static int too_many_questions(rd *r, const ov_json *v)
{
    if (v->n_children <= OV_RESULTS_MAX_QUESTIONS)
        return 0;
    char limit[LIMIT_TEXT_LEN];
    snprintf(limit, sizeof limit, "%d", OV_RESULTS_MAX_QUESTIONS);
    bad(r, v, "more questions than OurVoice allows (%s)%s", limit, "");
    return 1;
}

int ov_merge_parse_json(const char *text, size_t len, const char *path, ov_results *out, int *exact,
                        char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    char jerr[OV_ERR_LEN];
    ov_json *root = ov_json_parse(text, len, jerr, sizeof jerr);
    if (!root) {
        /* "line L, column C: what" -> "PATH:L:C: what" */
        int line = 0, col = 0, off = 0;
        int rc;
        if (sscanf(jerr, "line %d, column %d: %n", &line, &col, &off) == 2 && off > 0)
            rc = ov_fail(err, errlen, OV_EINVAL, "%s:%d:%d: not valid JSON: %s", path, line, col, jerr + off);
        else rc = ov_fail(err, errlen, OV_EINVAL, "%s: not valid JSON: %s", path, jerr);
        if (err) ov_merge_printable(err);
        return rc;
    }
    rd r = { path, err, errlen, OV_OK };
    const ov_json *v;
    if (root->type != OV_JSON_OBJECT) {
        bad(&r, root, "the file must hold one JSON object%s%s", "", "");
        goto out;
    }
    v = ov_json_get(root, "format");
    if (!v || v->type != OV_JSON_STRING || strcmp(v->string, OV_EXPORT_JSON_FORMAT) != 0) {
        bad(&r, v ? v : root, "not an OurVoice results file (\"format\" must be \"%s\")%s",
            OV_EXPORT_JSON_FORMAT, "");
        goto out;
    }
    v = ov_json_get(root, "version");
    if (!v || v->type != OV_JSON_NUMBER || !v->is_integer || v->integer != OV_EXPORT_JSON_VERSION) {
        bad(&r, v ? v : root, "this file is from another OurVoice version (\"version\" must be 1); "
                              "export it again with this version%s%s", "", "");
        goto out;
    }
    if (!get_str(&r, root, "meeting", out->meeting, sizeof out->meeting, 1) ||
        !get_str(&r, root, "date", out->date, sizeof out->date, 0) ||
        !get_str(&r, root, "language", out->language, sizeof out->language, 0) ||
        !get_bool(&r, root, "exact_counts", exact))
        goto out;
    v = ov_json_get(root, "small_numbers");
    if (!v || v->type != OV_JSON_NUMBER || !v->is_integer || v->integer < 0 ||
        v->integer > OV_SMALL_NUMBERS_MAX) {
        bad(&r, v ? v : root, "\"small_numbers\" must be a whole number from 0 to %s%s",
            AS_TEXT(OV_SMALL_NUMBERS_MAX), "");
        goto out;
    }
    out->threshold = (int)v->integer;
    v = ov_json_get(root, "questions");
    if (!v || v->type != OV_JSON_ARRAY) {
        bad(&r, v ? v : root, "\"questions\" must be an array%s%s", "", "");
        goto out;
    }
    if (too_many_questions(&r, v))
        goto out;
    for (const ov_json *q = v->child; q; q = q->next) {
        if (!read_question(&r, q, &out->questions[out->n_questions])) goto out;
        out->n_questions++;
    }
out:
    ov_json_free(root);
    if (r.rc != OV_OK && err) ov_merge_printable(err);   /* the path or a value may hold control bytes */
    return r.rc;
}

/* ---- adding up ---------------------------------------------------------- */

static int same_question(const ov_result_question *a, const ov_result_question *b)
{
    if (strcmp(a->id, b->id) != 0 || strcmp(a->scale, b->scale) != 0 || a->n_answers != b->n_answers)
        return 0;
    for (int i = 0; i < a->n_answers; i++)
        if (strcmp(a->answers[i].id, b->answers[i].id) != 0) return 0;
    return 1;
}

/* Add group g (a source's, counts in the same answers order) into dq's
 * groups: the same id is added up, a new one goes before "did not say"; a
 * group withheld anywhere stays withheld. */
static void add_group(ov_result_question *dq, const ov_result_group *g)
{
    int at = -1;
    for (int k = 0; k < dq->n_groups && at < 0; k++)
        if (!strcmp(dq->groups[k].id, g->id)) at = k;
    if (at < 0) {
        if (dq->n_groups >= OV_RESULTS_MAX_GROUPS) {
            ov_log_warn("merge: question \"%s\" has more than %d groups; group \"%s\" left out", dq->id,
                        OV_RESULTS_MAX_GROUPS, g->id);
            return;
        }
        at = dq->n_groups;
        if (g->id[0] && at > 0 && !dq->groups[at - 1].id[0]) at--; /* "did not say" stays last */
        memmove(&dq->groups[at + 1], &dq->groups[at], (size_t)(dq->n_groups - at) * sizeof dq->groups[0]);
        dq->groups[at] = *g;
        memset(dq->groups[at].counts, 0, sizeof dq->groups[at].counts);
        dq->groups[at].total = 0;
        dq->n_groups++;
    }
    ov_result_group *d = &dq->groups[at];
    d->is_protected |= g->is_protected;
    d->total += g->total;
    for (int a = 0; a < dq->n_answers; a++) d->counts[a] += g->counts[a];
}

int ov_merge_add(ov_merge *m, const ov_results *src, int exact, char *err, size_t errlen)
{
    const char *name = m->one_meeting ? m->one_meeting : src->meeting;
    ov_results *dst = meeting_for(m, name, src->language);
    if (!dst) return ov_fail(err, errlen, OV_ENOMEM, "merge: out of memory");
    if (strcmp(dst->language, src->language) != 0 && src->language[0])
        ov_log_warn("merge: meeting \"%s\" mixes languages (%s and %s); the report uses %s",
                    name, dst->language, src->language, dst->language);
    for (int qi = 0; qi < src->n_questions; qi++) {
        const ov_result_question *sq = &src->questions[qi];
        ov_result_question *dq = NULL;
        for (int k = 0; k < dst->n_questions && !dq; k++)
            if (same_question(&dst->questions[k], sq)) dq = &dst->questions[k];
        if (!dq) {
            if (dst->n_questions >= OV_RESULTS_MAX_QUESTIONS)
                return ov_fail(err, errlen, OV_EINVAL,
                               "merge: meeting \"%s\" has more than %d different questions", name,
                               OV_RESULTS_MAX_QUESTIONS);
            dq = &dst->questions[dst->n_questions++];
            *dq = *sq;
            for (int a = 0; a < dq->n_answers; a++) dq->answers[a].count = 0;
            dq->withheld_sources = 0;
            dq->n_groups = 0;
            dq->groups_hidden = 0;
        }
        dq->withheld_sources += sq->withheld_sources;
        dq->groups_hidden += sq->groups_hidden;
        for (int g = 0; g < sq->n_groups; g++) add_group(dq, &sq->groups[g]);
        for (int a = 0; a < sq->n_answers; a++) dq->answers[a].count += sq->answers[a].count;
    }
    if (src->threshold > m->threshold) m->threshold = src->threshold;
    if (!exact) m->all_exact = 0;
    m->n_sources++;
    return OV_OK;
}
