/* export_format.c — the CSV (RFC 4180, UTF-8 with BOM, CRLF) and JSON
 * files of one meeting's results. Shapes documented in docs/export.md. */
#include "model/export_format.h"
#include "model/compare.h"
#include "model/content_texts.h"
#include "base/json_write.h"
#include "model/ideas.h"

#include <stdio.h>
#include <string.h>

#define SLUG_NAME_MAX 60 /* bytes of meeting name in a file name */
#define SLUG_LEN 64      /* the slug's buffer: SLUG_NAME_MAX, a character's cut and the NUL */

/* 1 when a spreadsheet would run a cell starting like s as a formula. */
static int formula_start(const char *s)
{
    return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r';
}

/* A CSV field: quoted when it holds a comma, quote, CR or LF (or starts or
 * ends with a space); quotes doubled. A text that a spreadsheet would run as
 * a formula (= + - @ TAB CR first) gets a single quote in front, so it stays
 * text (docs/export.md). */
static void csv_field(ov_buf *b, const char *s)
{
    size_t n = strlen(s);
    int quote = strpbrk(s, ",\"\r\n") != NULL || (n && (s[0] == ' ' || s[n - 1] == ' '));
    const char *inert = formula_start(s) ? "'" : "";
    if (!quote) {
        ov_buf_puts(b, inert);
        ov_buf_add(b, s, n);
        return;
    }
    ov_buf_puts(b, "\"");
    ov_buf_puts(b, inert);
    for (const char *p = s; *p; p++) {
        if (*p == '"') ov_buf_puts(b, "\"\"");
        else ov_buf_add(b, p, 1);
    }
    ov_buf_puts(b, "\"");
}

/* Each of the n cells, made safe by csv_field, followed by a comma. */
static void csv_cells(ov_buf *b, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        csv_field(b, cells[i]);
        ov_buf_puts(b, ",");
    }
}

static int withheld(const ov_result_question *q, const ov_export_opts *opts)
{
    return q->is_protected && !opts->exact;
}

/* The title of question id in res, or the id. */
static const char *title_of(const ov_results *res, const char *id)
{
    for (int i = 0; i < res->n_questions; i++)
        if (!strcmp(res->questions[i].id, id)) return res->questions[i].title;
    return id;
}

static int ideas_withheld(const ov_ideas_board *bd, const ov_export_opts *opts)
{
    return ov_ideas_protected(bd, opts->threshold) && !opts->exact;
}

/* The ideas and action plans, after a blank line, with a header of their own
 * (docs/export.md): one row per idea in the order they were entered. */
static void csv_ideas(const ov_results *res, const ov_export_opts *opts, ov_buf *b)
{
    if (!res->ideas || res->n_ideas == 0) return;
    ov_buf_puts(b, "\r\nmeeting,question_id,question_title,idea,votes,voters,withheld,"
                   "what,who,when,done\r\n");
    for (int i = 0; i < res->n_ideas; i++) {
        const ov_ideas_board *bd = &res->ideas[i];
        int w = ideas_withheld(bd, opts);
        for (int j = 0; j < bd->n_ideas; j++) {
            const ov_idea *it = &bd->ideas[j];
            const char *key[] = { res->meeting, bd->question, title_of(res, bd->question), it->text };
            csv_cells(b, key, OV_ARRAY_LEN(key));
            if (!w) ov_buf_printf(b, "%ld,%ld", it->votes, bd->voters);
            else ov_buf_puts(b, ",");
            ov_buf_puts(b, w ? ",yes," : ",no,");
            const char *plan[] = { it->planned ? it->plan.what : "", it->planned ? it->plan.who : "",
                                   it->planned ? it->plan.when : "" };
            csv_cells(b, plan, OV_ARRAY_LEN(plan));
            ov_buf_puts(b, !it->planned ? "\r\n" : it->plan.done ? "yes\r\n" : "no\r\n");
        }
    }
}

/* One row of a group's count: the group, then the same columns as the counts. */
static void csv_group_row(ov_buf *b, const ov_results *res, const ov_result_question *q,
                          const ov_result_group *g, int ai, int w)
{
    const char *cells[] = { res->meeting, g->word, q->id, q->title, q->answers[ai].id, q->answers[ai].word };
    csv_cells(b, cells, OV_ARRAY_LEN(cells));
    if (!w) ov_buf_printf(b, "%ld", g->counts[ai]);
    ov_buf_puts(b, w ? ",yes\r\n" : ",no\r\n");
}

/* "Who are you today?": each group's counts, after a blank line, with a
 * header of their own (docs/export.md); a withheld group has no counts. */
static void csv_groups(const ov_results *res, const ov_export_opts *opts, ov_buf *b)
{
    int any = 0;
    for (int qi = 0; qi < res->n_questions; qi++) any |= res->questions[qi].n_groups > 0;
    if (!any) return;
    ov_buf_puts(b, "\r\nmeeting,group,question_id,question_title,answer_id,answer_word,count,withheld\r\n");
    for (int qi = 0; qi < res->n_questions; qi++) {
        const ov_result_question *q = &res->questions[qi];
        int w = withheld(q, opts); /* the whole meeting withheld: every group with it */
        for (int gi = 0; gi < q->n_groups; gi++)
            for (int ai = 0; ai < q->n_answers; ai++)
                csv_group_row(b, res, q, &q->groups[gi], ai,
                              w || (q->groups[gi].is_protected && !opts->exact));
    }
}

int ov_export_csv(const ov_results *res, const ov_export_opts *opts, ov_buf *b)
{
    /* The byte order mark makes spreadsheets read the file as UTF-8. */
    ov_buf_puts(b, "\xEF\xBB\xBF"
                   "meeting,question_id,question_title,answer_id,answer_word,count,withheld\r\n");
    for (int qi = 0; qi < res->n_questions; qi++) {
        const ov_result_question *q = &res->questions[qi];
        int w = withheld(q, opts);
        for (int ai = 0; ai < q->n_answers; ai++) {
            const ov_result_answer *a = &q->answers[ai];
            const char *cells[] = { res->meeting, q->id, q->title, a->id, a->word };
            csv_cells(b, cells, OV_ARRAY_LEN(cells));
            if (!w) ov_buf_printf(b, "%ld", a->count);
            ov_buf_puts(b, w ? ",yes\r\n" : ",no\r\n");
        }
    }
    csv_groups(res, opts, b);
    csv_ideas(res, opts, b);
    return ov_buf_ok(b) ? OV_OK : OV_ENOMEM;
}

static void kv_str(ov_buf *b, const char *indent, const char *key, const char *val, int comma)
{
    ov_buf_printf(b, "%s\"%s\": ", indent, key);
    ov_json_string(b, val);
    ov_buf_puts(b, comma ? ",\n" : "\n");
}

/* "group_counts": each group's counts of a question (null when withheld). */
static void json_group_counts(ov_buf *b, const ov_result_question *q, const ov_export_opts *opts)
{
    if (q->n_groups == 0) return;
    ov_buf_puts(b, "      \"group_counts\": [");
    for (int gi = 0; gi < q->n_groups; gi++) {
        const ov_result_group *g = &q->groups[gi];
        int w = withheld(q, opts) || (g->is_protected && !opts->exact);
        ov_buf_puts(b, gi ? ",\n        {\"group\": " : "\n        {\"group\": ");
        ov_json_string(b, g->id);
        ov_buf_puts(b, ", \"word\": ");
        ov_json_string(b, g->word);
        ov_buf_printf(b, ", \"withheld\": %s, \"counts\": ", w ? "true" : "false");
        if (w) {
            ov_buf_puts(b, "null}");
            continue;
        }
        ov_buf_puts(b, "{");
        for (int ai = 0; ai < q->n_answers; ai++) {
            ov_buf_puts(b, ai ? ", " : "");
            ov_json_string(b, q->answers[ai].id);
            ov_buf_printf(b, ": %ld", g->counts[ai]);
        }
        ov_buf_puts(b, "}}");
    }
    ov_buf_puts(b, "\n      ],\n");
}

/* issue 14 (g14views): "progress" (the comparison with the earlier meeting)
 * and "groups" (each group's answer, protected) of a question, when set. */
static void json_views(ov_buf *b, const ov_result_question *q, const ov_export_opts *opts)
{
    if (q->compare[0]) {
        ov_buf_puts(b, "      \"progress\": {\"earlier_meeting\": ");
        ov_json_string(b, q->compare_meeting);
        ov_buf_printf(b, ", \"trend\": \"%s\", \"text\": ", ov_trend_name((ov_trend)q->trend));
        ov_json_string(b, q->compare);
        ov_buf_puts(b, "},\n");
    }
    if (q->groups_line[0])
        kv_str(b, "      ", "groups", q->groups_line, 1);
    json_group_counts(b, q, opts);
}

static void json_idea(ov_buf *b, const ov_idea *it, int w, int chosen)
{
    ov_buf_puts(b, "{\"text\": ");
    ov_json_string(b, it->text);
    if (w) ov_buf_puts(b, ", \"votes\": null");
    else ov_buf_printf(b, ", \"votes\": %ld", it->votes);
    ov_buf_printf(b, ", \"chosen\": %s, \"action\": ", chosen ? "true" : "false");
    if (!it->planned) {
        ov_buf_puts(b, "null}");
        return;
    }
    ov_buf_puts(b, "{\"what\": ");
    ov_json_string(b, it->plan.what);
    ov_buf_puts(b, ", \"who\": ");
    ov_json_string(b, it->plan.who);
    ov_buf_puts(b, ", \"when\": ");
    ov_json_string(b, it->plan.when);
    ov_buf_printf(b, ", \"done\": %s}}", it->plan.done ? "true" : "false");
}

/* "ideas": the meeting's ideas, priorities and action plans (docs/export.md),
 * only when it has some, so files without ideas stay as they were. */
static void json_ideas(const ov_results *res, const ov_export_opts *opts, ov_buf *b)
{
    static const char *const rounds[] = { "not-yet", "open", "closed" };
    if (!res->ideas || res->n_ideas == 0) return;
    ov_buf_printf(b, ",\n  \"ideas\": {\n    \"format\": \"%s\",\n    \"version\": %d,\n    \"boards\": [",
                  OV_EXPORT_IDEAS_FORMAT, OV_EXPORT_IDEAS_VERSION);
    for (int i = 0; i < res->n_ideas; i++) {
        const ov_ideas_board *bd = &res->ideas[i];
        int w = ideas_withheld(bd, opts);
        int top[OV_IDEAS_MAX], is_top[OV_IDEAS_MAX] = { 0 };
        int n_top = ov_ideas_chosen(bd, w ? 0 : opts->threshold, top, OV_IDEAS_MAX);
        for (int k = 0; k < n_top && !w && bd->voters > 0; k++) is_top[top[k]] = 1;
        ov_buf_puts(b, i ? ",\n      {\n" : "\n      {\n");
        kv_str(b, "        ", "question", bd->question, 1);
        kv_str(b, "        ", "title", title_of(res, bd->question), 1);
        ov_buf_printf(b, "        \"max_choices\": %d,\n        \"round\": \"%s\",\n", bd->max_choices,
                      rounds[bd->round >= 0 && bd->round <= 2 ? bd->round : 0]);
        if (w) ov_buf_puts(b, "        \"voters\": null,\n");
        else ov_buf_printf(b, "        \"voters\": %ld,\n", bd->voters);
        ov_buf_printf(b, "        \"withheld\": %s,\n        \"ideas\": [", w ? "true" : "false");
        for (int j = 0; j < bd->n_ideas; j++) {
            ov_buf_puts(b, j ? ",\n          " : "\n          ");
            json_idea(b, &bd->ideas[j], w, is_top[j]);
        }
        ov_buf_puts(b, bd->n_ideas ? "\n        ]\n      }" : "]\n      }");
    }
    ov_buf_puts(b, "\n    ]\n  }");
}

int ov_export_json(const ov_results *res, const ov_export_opts *opts, ov_buf *b)
{
    ov_buf_printf(b, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n", OV_EXPORT_JSON_FORMAT,
                  OV_EXPORT_JSON_VERSION);
    kv_str(b, "  ", "meeting", res->meeting, 1);
    kv_str(b, "  ", "date", res->date, 1);
    kv_str(b, "  ", "language", res->language, 1);
    ov_buf_printf(b, "  \"small_numbers\": %d,\n  \"exact_counts\": %s,\n  \"questions\": [",
                  opts->threshold > 0 ? opts->threshold : 0, opts->exact ? "true" : "false");
    for (int qi = 0; qi < res->n_questions; qi++) {
        const ov_result_question *q = &res->questions[qi];
        int w = withheld(q, opts);
        ov_buf_puts(b, qi ? ",\n    {\n" : "\n    {\n");
        kv_str(b, "      ", "id", q->id, 1);
        kv_str(b, "      ", "title", q->title, 1);
        kv_str(b, "      ", "text", q->text, 1);
        kv_str(b, "      ", "scale", q->scale, 1);
        kv_str(b, "      ", "picture", q->picture_rel, 1);
        if (w) ov_buf_puts(b, "      \"total\": null,\n");
        else ov_buf_printf(b, "      \"total\": %ld,\n", q->total);
        ov_buf_printf(b, "      \"protected\": %s,\n      \"withheld\": %s,\n",
                      q->is_protected ? "true" : "false", w ? "true" : "false");
        if (q->withheld_sources) ov_buf_printf(b, "      \"withheld_sources\": %d,\n", q->withheld_sources);
        json_views(b, q, opts); /* issue 14: progress and groups, when there is something to say */
        ov_buf_puts(b, "      \"answers\": [");
        for (int ai = 0; ai < q->n_answers; ai++) {
            const ov_result_answer *a = &q->answers[ai];
            ov_buf_puts(b, ai ? ",\n        {" : "\n        {");
            ov_buf_puts(b, "\"id\": ");
            ov_json_string(b, a->id);
            ov_buf_puts(b, ", \"word\": ");
            ov_json_string(b, a->word);
            ov_buf_puts(b, ", \"colour\": ");
            ov_json_string(b, a->colour);
            {
                const char *sn = ov_shape_name(a->shape);
                ov_buf_puts(b, ", \"shape\": ");
                ov_json_string(b, sn ? sn : "");
            }
            ov_buf_printf(b, ", \"dont_know\": %s, \"count\": ", a->dont_know ? "true" : "false");
            if (w) ov_buf_puts(b, "null}");
            else ov_buf_printf(b, "%ld}", a->count);
        }
        ov_buf_puts(b, q->n_answers ? "\n      ]\n    }" : "]\n    }");
    }
    ov_buf_puts(b, res->n_questions ? "\n  ]" : "]");
    json_ideas(res, opts, b);
    ov_buf_puts(b, "\n}\n");
    return ov_buf_ok(b) ? OV_OK : OV_ENOMEM;
}

void ov_export_basename(const char *meeting, const char *date, char *out, size_t outlen)
{
    /* Letters, digits, '-', '_' and any UTF-8 letter stay; everything FAT or a
     * shell dislikes (spaces, / \ : * ? " < > | . and control bytes) becomes
     * one '-'. At most 60 bytes of meeting name, cut on a character boundary. */
    char slug[SLUG_LEN];
    size_t n = 0;
    int dash = 0;
    for (const unsigned char *p = (const unsigned char *)meeting; *p && n < SLUG_NAME_MAX; p++) {
        int keep = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                   *p == '_' || *p >= 0x80;
        if (keep) {
            slug[n++] = (char)*p;
            dash = 0;
        } else if (!dash && n > 0) {
            slug[n++] = '-';
            dash = 1;
        }
    }
    while (n > 0 && ((unsigned char)slug[n - 1] & 0xC0) == 0x80) {
        /* drop a possibly cut multi-byte character at the end */
        size_t start = n - 1;
        while (start > 0 && ((unsigned char)slug[start] & 0xC0) == 0x80) start--;
        unsigned char lead = (unsigned char)slug[start];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (n - start == need) break;
        n = start;
    }
    if (n > 0 && (unsigned char)slug[n - 1] >= 0xC0) n--;
    while (n > 0 && slug[n - 1] == '-') n--;
    slug[n] = '\0';
    const char *d = date && date[0] ? date : "undated";
    size_t dl = strlen(d);
    /* "Drop-in 2025-05-03" started on 2025-05-03: the date once */
    if (n > dl && slug[n - dl - 1] == '-' && !strcmp(slug + n - dl, d))
        snprintf(out, outlen, "ourvoice-%s", slug);
    else
        snprintf(out, outlen, "ourvoice-%s-%s", n ? slug : "meeting", d);
}

const char *ov_export_easy_message(int code, const ov_texts *t)
{
    switch (code) {
    case OV_OK: return OV_TX(t, exp_saved);
    case OV_ENOSPC: return OV_TX(t, exp_full);
    case OV_EPERM: return OV_TX(t, exp_locked);
    case OV_ENOTFOUND: return OV_TX(t, exp_too_soon);
    case OV_ENOMEM: return OV_TX(t, exp_no_memory);
    default: return OV_TX(t, exp_failed);
    }
}
