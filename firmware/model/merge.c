/* merge.c — parse OurVoice export JSON and add up the same questions. */
#include "model/merge.h"
#include "base/json_read.h"
#include "model/content_texts.h"
#include "model/export_format.h"

#include <errno.h>
#include <stddef.h>
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

/* Free one meeting and everything it holds; NULL is fine. */
static void meeting_free(ov_merge_meeting *mm)
{
    for (int q = 0; mm && q < mm->n_questions; q++) free(mm->questions[q].groups);
    if (mm) free(mm->questions);
    free(mm);
}

void ov_merge_free(ov_merge *m)
{
    for (int i = 0; i < m->n_meetings; i++) meeting_free(m->meetings[i]);
    free(m->meetings);
    for (int i = 0; i < m->n_defs; i++) free(m->defs[i]);
    free(m->defs);
    free(m->def_slots);
    free(m->by_time);
    free(m->n_before);
    for (int i = 0; i < OV_MERGE_RESULTS; i++) free(m->out[i]);
    const char *one = m->one_meeting;
    int threshold = m->threshold, all_exact = m->all_exact, n_sources = m->n_sources;
    memset(m, 0, sizeof *m);
    m->one_meeting = one;
    m->threshold = threshold;
    m->all_exact = all_exact;
    m->n_sources = n_sources;
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

/* The merged meeting `name`, made (empty) when new; NULL when out of memory. */
static ov_merge_meeting *meeting_for(ov_merge *m, const char *name, const char *language)
{
    int found;
    int at = meeting_slot(m, name, &found);
    if (found) return m->meetings[at];
    if (m->n_meetings == m->cap_meetings) {
        int cap = m->cap_meetings ? 2 * m->cap_meetings : MEETINGS_FIRST_CAP;
        ov_merge_meeting **grown = realloc(m->meetings, (size_t)cap * sizeof *grown);
        if (!grown) return NULL;
        m->meetings = grown;
        m->cap_meetings = cap;
    }
    ov_merge_meeting *mm = calloc(1, sizeof *mm);
    if (!mm) return NULL;
    ov_strlcpy(mm->meeting, name, sizeof mm->meeting);
    ov_strlcpy(mm->language, language, sizeof mm->language); /* the report's words (ov_merge_results) */
    memmove(m->meetings + at + 1, m->meetings + at, (size_t)(m->n_meetings - at) * sizeof *m->meetings);
    m->meetings[at] = mm;
    m->n_meetings++;
    return mm;
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

/* Clear everything of *out but the question slots (each is cleared when it
 * is read): an ov_results is ~0.8 MB, and clearing it all for each of
 * thousands of files was much of a merge's time. */
static void clear_but_questions(ov_results *out)
{
    memset(out, 0, offsetof(ov_results, questions));
    memset(&out->n_questions, 0, sizeof *out - offsetof(ov_results, n_questions));
}

int ov_merge_parse_json(const char *text, size_t len, const char *path, ov_results *out, int *exact,
                        char *err, size_t errlen)
{
    clear_but_questions(out);
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
        memset(&out->questions[out->n_questions], 0, sizeof out->questions[0]);
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


/* Add group g (a source's, counts in the same answers order as def's n
 * answers) into mq's groups: the same id is added up, a new one goes before
 * "did not say"; a group withheld anywhere stays withheld. Returns OV_OK or
 * OV_ENOMEM (the group is left out). */
static int add_group(ov_merge_question *mq, const ov_result_question *def, const ov_result_group *g)
{
    int at = -1;
    for (int k = 0; k < mq->n_groups && at < 0; k++)
        if (!strcmp(mq->groups[k].id, g->id)) at = k;
    if (at < 0) {
        if (mq->n_groups >= OV_RESULTS_MAX_GROUPS) {
            ov_log_warn("merge: question \"%s\" has more than %d groups; group \"%s\" left out", def->id,
                        OV_RESULTS_MAX_GROUPS, g->id);
            return OV_OK;
        }
        ov_result_group *grown = realloc(mq->groups, ((size_t)mq->n_groups + 1) * sizeof *grown);
        if (!grown) return OV_ENOMEM;
        mq->groups = grown;
        at = mq->n_groups;
        if (g->id[0] && at > 0 && !mq->groups[at - 1].id[0]) at--; /* "did not say" stays last */
        memmove(&mq->groups[at + 1], &mq->groups[at], (size_t)(mq->n_groups - at) * sizeof mq->groups[0]);
        mq->groups[at] = *g;
        memset(mq->groups[at].counts, 0, sizeof mq->groups[at].counts);
        mq->groups[at].total = 0;
        mq->n_groups++;
    }
    ov_result_group *d = &mq->groups[at];
    d->is_protected |= g->is_protected;
    d->total += g->total;
    for (int a = 0; a < def->n_answers; a++) d->counts[a] += g->counts[a];
    return OV_OK;
}

/* ---- each question's words, once ------------------------------------------ */

#define FNV_OFFSET 2166136261u /* FNV-1a hash */
#define FNV_PRIME 16777619u
#define FNV_TEXT_END 0xffu     /* hashed after each text: no UTF-8 text holds this byte */
#define SLOTS_FIRST_CAP 64     /* hash slots first made (doubled at half full) */
#define DEFS_FIRST_CAP 16      /* questions' words a merge first makes room for (doubled when full) */

static unsigned hash_text(unsigned h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) h = (h ^ *p) * FNV_PRIME;
    return (h ^ FNV_TEXT_END) * FNV_PRIME; /* a text's end, so "ab"+"c" is not "a"+"bc" */
}

/* Hash of the words of q that a merged question keeps (same_words). */
static unsigned words_hash(const ov_result_question *q)
{
    unsigned h = FNV_OFFSET;
    h = hash_text(hash_text(hash_text(h, q->id), q->title), q->text);
    h = hash_text(hash_text(h, q->scale), q->picture_rel);
    for (int a = 0; a < q->n_answers; a++) {
        const ov_result_answer *x = &q->answers[a];
        h = hash_text(hash_text(hash_text(h, x->id), x->word), x->colour);
    }
    return h;
}

/* 1 when a and b have the same words: what a merged question takes from the
 * first source that has it (everything read but the counts and groups). */
static int same_words(const ov_result_question *a, const ov_result_question *b)
{
    if (strcmp(a->id, b->id) || strcmp(a->title, b->title) || strcmp(a->text, b->text) ||
        strcmp(a->scale, b->scale) || strcmp(a->picture_rel, b->picture_rel) ||
        a->n_answers != b->n_answers || a->in_content != b->in_content)
        return 0;
    for (int i = 0; i < a->n_answers; i++) {
        const ov_result_answer *x = &a->answers[i], *y = &b->answers[i];
        if (strcmp(x->id, y->id) || strcmp(x->word, y->word) || strcmp(x->colour, y->colour) ||
            x->shape != y->shape || x->dont_know != y->dont_know)
            return 0;
    }
    return 1;
}

/* Double the hash slots (or make the first ones); OV_OK or OV_ENOMEM. */
static int grow_slots(ov_merge *m)
{
    int cap = m->cap_slots ? 2 * m->cap_slots : SLOTS_FIRST_CAP;
    int *slots = calloc((size_t)cap, sizeof *slots);
    if (!slots) return OV_ENOMEM;
    for (int d = 0; d < m->n_defs; d++) {
        unsigned at = words_hash(m->defs[d]) & (unsigned)(cap - 1);
        while (slots[at]) at = (at + 1) & (unsigned)(cap - 1);
        slots[at] = d + 1;
    }
    free(m->def_slots);
    m->def_slots = slots;
    m->cap_slots = cap;
    return OV_OK;
}

/* Index in m->defs of sq's words, added (counts cleared) when new; -1 when
 * out of memory. */
static int words_of(ov_merge *m, const ov_result_question *sq)
{
    if (2 * (m->n_defs + 1) > m->cap_slots && grow_slots(m) != OV_OK) return -1;
    unsigned mask = (unsigned)(m->cap_slots - 1), at = words_hash(sq) & mask;
    for (; m->def_slots[at]; at = (at + 1) & mask)
        if (same_words(m->defs[m->def_slots[at] - 1], sq)) return m->def_slots[at] - 1;
    if (m->n_defs == m->cap_defs) {
        int cap = m->cap_defs ? 2 * m->cap_defs : DEFS_FIRST_CAP;
        ov_result_question **grown = realloc(m->defs, (size_t)cap * sizeof *grown);
        if (!grown) return -1;
        m->defs = grown;
        m->cap_defs = cap;
    }
    ov_result_question *d = malloc(sizeof *d);
    if (!d) return -1;
    *d = *sq;
    for (int a = 0; a < d->n_answers; a++) d->answers[a].count = 0;
    d->withheld_sources = 0;
    d->n_groups = 0;
    d->groups_hidden = 0;
    m->defs[m->n_defs] = d;
    m->def_slots[at] = m->n_defs + 1;
    return m->n_defs++;
}

/* ---- adding up ---------------------------------------------------------- */

/* The question of mm that is the same as sq (same_question) into *out,
 * added with zero counts when new. Returns OV_OK, or OV_EINVAL (mm is full)
 * or OV_ENOMEM with err set. */
static int question_for(ov_merge *m, ov_merge_meeting *mm, const ov_result_question *sq,
                        ov_merge_question **out, char *err, size_t errlen)
{
    for (int k = 0; k < mm->n_questions; k++)
        if (same_question(m->defs[mm->questions[k].def], sq)) {
            *out = &mm->questions[k];
            return OV_OK;
        }
    if (mm->n_questions >= OV_RESULTS_MAX_QUESTIONS)
        return ov_fail(err, errlen, OV_EINVAL, "merge: meeting \"%s\" has more than %d different questions",
                       mm->meeting, OV_RESULTS_MAX_QUESTIONS);
    if (mm->n_questions == mm->cap_questions) {
        int cap = mm->cap_questions ? 2 * mm->cap_questions : 1;
        ov_merge_question *grown = realloc(mm->questions, (size_t)cap * sizeof *grown);
        if (!grown) goto no_memory;
        mm->questions = grown;
        mm->cap_questions = cap;
    }
    int def = words_of(m, sq);
    if (def < 0) goto no_memory;
    ov_merge_question *mq = &mm->questions[mm->n_questions++];
    memset(mq, 0, sizeof *mq);
    mq->def = def;
    *out = mq;
    return OV_OK;
no_memory:
    return ov_fail(err, errlen, OV_ENOMEM, "merge: out of memory");
}

int ov_merge_add(ov_merge *m, const ov_results *src, int exact, char *err, size_t errlen)
{
    const char *name = m->one_meeting ? m->one_meeting : src->meeting;
    ov_merge_meeting *dst = meeting_for(m, name, src->language);
    if (!dst) return ov_fail(err, errlen, OV_ENOMEM, "merge: out of memory");
    if (strcmp(dst->language, src->language) != 0 && src->language[0])
        ov_log_warn("merge: meeting \"%s\" mixes languages (%s and %s); the report uses %s",
                    name, dst->language, src->language, dst->language);
    for (int qi = 0; qi < src->n_questions; qi++) {
        const ov_result_question *sq = &src->questions[qi];
        ov_merge_question *dq = NULL;
        int rc = question_for(m, dst, sq, &dq, err, errlen);
        if (rc != OV_OK) return rc;
        dq->withheld_sources += sq->withheld_sources;
        dq->groups_hidden += sq->groups_hidden;
        for (int g = 0; g < sq->n_groups; g++)
            if (add_group(dq, m->defs[dq->def], &sq->groups[g]) != OV_OK)
                return ov_fail(err, errlen, OV_ENOMEM, "merge: out of memory");
        for (int a = 0; a < sq->n_answers; a++) dq->counts[a] += sq->answers[a].count;
    }
    if (src->threshold > m->threshold) m->threshold = src->threshold;
    if (!exact) m->all_exact = 0;
    m->n_sources++;
    return OV_OK;
}
