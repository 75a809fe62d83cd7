/* report_html.c — the easy-read HTML report: one self-contained file with
 * inline CSS, an SVG bar chart per question (colour + face/shape + word +
 * count in digits for every answer), pictures as data URIs, no scripts, no
 * network; large Andika font; one question per A4 page when printed. */
#include "model/report_html.h"
#include "model/content_texts.h"
#include "model/ideas.h"
#include "base/ov_common.h"
#include "model/theme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#define PICTURE_MAX_BYTES (4 * 1024 * 1024)
#define DATE_TEXT_LEN 48       /* "1 December 2026", or the date as stored */
#define SUMMARY_TEXT_LEN 600   /* the sentence that says which answer most people gave */
#define HEX_COLOUR_LEN (OV_HEX_COLOUR_SIZE - 1) /* "#RRGGBB" */
#define STAR_POINTS 5          /* the star shape's points */

/* The bar chart's geometry, in the units of its SVG viewBox (CHART_W wide,
 * a row of CHART_ROW_H per answer): the answer's shape on the left, its word
 * above its bar, the count in digits after the bar. */
#define CHART_W 1000             /* the viewBox's width */
#define CHART_ROW_H 112          /* one answer's row */
#define CHART_PAD_Y 4            /* above the first row and below the last */
#define CHART_BAR_X 96           /* where the word and the bar start, right of the shape */
#define CHART_COUNT_W 110        /* room for the count after the bar */
#define CHART_COUNT_GAP 18       /* between the bar's end and the count */
#define CHART_SHAPE_CX 42        /* the shape's centre, from the left */
#define CHART_SHAPE_R 34         /* the shape's radius */
#define CHART_WORD_BASELINE 36   /* the word's baseline, from the row's top */
#define CHART_BAR_TOP 50         /* the bar's top, from the row's top (its height is in the SVG text) */
#define CHART_COUNT_BASELINE 90  /* the count's baseline, from the row's top */
/* The progress picture (viewBox 600 x 200 in its SVG text): last time's face
 * on the left, the arrow, this time's face on the right. */
#define PROGRESS_BEFORE_CX 110   /* last time's face's centre */
#define PROGRESS_NOW_CX 490      /* this time's face's centre */
#define PROGRESS_FACE_CY 80      /* both faces' centre, from the top */
#define PROGRESS_FACE_R 56       /* both faces' radius */

const char *ov_report_colour_hex(const char *colour, char hex[OV_HEX_COLOUR_SIZE])
{
    /* The kiosk's own "standard" theme colours, so the report matches the
     * buttons (colour-blind-safe; answers never rely on colour alone). */
    if (colour && colour[0] == '#' && strlen(colour) == HEX_COLOUR_LEN && strspn(colour + 1,
            "0123456789abcdefABCDEF") == HEX_COLOUR_LEN - 1) {
        memcpy(hex, colour, HEX_COLOUR_LEN + 1);
        return hex;
    }
    ov_rgb c = ov_theme_answer_fill(NULL, colour);
    snprintf(hex, OV_HEX_COLOUR_SIZE, "#%02X%02X%02X", c.r, c.g, c.b);
    return hex;
}

/* Text for HTML content and attribute values. */
static void esc(ov_buf *b, const char *s)
{
    static const char special[] = "&<>\"'";
    static const char *const entity[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };
    for (; *s; s++) {
        const char *at = strchr(special, *s);
        if (at)
            ov_buf_puts(b, entity[at - special]);
        else
            ov_buf_add(b, s, 1);
    }
}

/* A content text for HTML: each %s of fmt replaced by the next of args
 * (escaped, inside <tag> when tag is not NULL), the rest escaped. */
static void esc_fill(ov_buf *b, const char *fmt, const char *const *args, int n, const char *tag)
{
    int used = 0;
    for (const char *p = fmt; *p; p++) {
        if (p[0] == '%' && p[1] == 's' && used < n) {
            if (tag)
                ov_buf_printf(b, "<%s>", tag);
            esc(b, args[used++]);
            if (tag)
                ov_buf_printf(b, "</%s>", tag);
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            ov_buf_puts(b, "%");
            p++;
        } else {
            char one[2] = { *p, '\0' };
            esc(b, one);
        }
    }
}

/* A content text holding one number (%d or %ld, as its English has), escaped. */
static void esc_number(ov_buf *b, const char *fmt, long number, int is_long)
{
    char text[OV_SENTENCE_LEN * 2];
    if (is_long)
        snprintf(text, sizeof text, fmt, number);
    else
        snprintf(text, sizeof text, fmt, (int)number);
    esc(b, text);
}

static const char *mime_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot) return NULL;
    if (strcasecmp(dot, ".svg") == 0) return "image/svg+xml";
    if (strcasecmp(dot, ".png") == 0) return "image/png";
    if (strcasecmp(dot, ".jpg") == 0 || strcasecmp(dot, ".jpeg") == 0) return "image/jpeg";
    return NULL;
}

/* <img> with the picture as a data URI; nothing (and a warning) if missing. */
static void picture(ov_buf *b, const char *path, ov_read_file_fn read_file)
{
    if (!path[0] || !read_file) return;
    const char *mime = mime_of(path);
    if (!mime) {
        ov_log_warn("%s: report: only SVG, PNG and JPEG pictures can go in the report; left out", path);
        return;
    }
    char *data = NULL, err[OV_ERR_LEN];
    size_t n = 0;
    if (read_file(path, PICTURE_MAX_BYTES, &data, &n, err, sizeof err) != OV_OK) {
        ov_log_warn("%s: report: cannot read the picture (%s); left out of the report", path, err);
        return;
    }
    if (n > 0) {
        ov_buf_printf(b, "<img class=\"pic\" alt=\"\" src=\"data:%s;base64,", mime);
        ov_buf_base64(b, (const unsigned char *)data, n);
        ov_buf_puts(b, "\">\n");
    }
    free(data);
}

/* The answer's face or shape, centred on (cx, cy), radius about r. */
static void shape_svg(ov_buf *b, ov_shape shape, const char *fill, double cx, double cy, double r)
{
    const char *stroke = "stroke=\"#1a1a1a\" stroke-width=\"3\"";
    switch (shape) {
    case OV_SHAPE_FACE_SAD: case OV_SHAPE_FACE_UNSURE: case OV_SHAPE_FACE_OK: case OV_SHAPE_FACE_HAPPY:
        ov_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" %s/>", cx, cy, r, fill,
                      stroke);
        ov_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#1a1a1a\"/>"
                         "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#1a1a1a\"/>",
                      cx - r * 0.36, cy - r * 0.25, r * 0.12, cx + r * 0.36, cy - r * 0.25, r * 0.12);
        {
            double y = cy + r * 0.38, w = r * 0.5, bend;
            if (shape == OV_SHAPE_FACE_SAD) {
                y = cy + r * 0.5;
                bend = -r * 0.35;
            } else if (shape == OV_SHAPE_FACE_UNSURE) bend = 0;
            else if (shape == OV_SHAPE_FACE_OK) bend = r * 0.22;
            else {
                bend = r * 0.55;
                w = r * 0.58;
                y = cy + r * 0.22;
            }
            ov_buf_printf(b, "<path d=\"M%.1f %.1f Q%.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"#1a1a1a\" "
                             "stroke-width=\"%.1f\" stroke-linecap=\"round\"/>",
                          cx - w, y, cx, y + bend * 2, cx + w, y, r * 0.13);
        }
        break;
    case OV_SHAPE_TRIANGLE:
        ov_buf_printf(b, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" %s/>",
                      cx, cy - r, cx + r * 0.95, cy + r * 0.75, cx - r * 0.95, cy + r * 0.75, fill, stroke);
        break;
    case OV_SHAPE_SQUARE:
        ov_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" %s/>",
                      cx - r * 0.8, cy - r * 0.8, r * 1.6, r * 1.6, fill, stroke);
        break;
    case OV_SHAPE_STAR:
        ov_buf_puts(b, "<polygon points=\"");
        for (int i = 0; i < 2 * STAR_POINTS; i++) {
            double a = -M_PI / 2 + i * M_PI / STAR_POINTS, rr = i % 2 ? r * 0.45 : r;
            ov_buf_printf(b, "%.1f,%.1f ", cx + rr * cos(a), cy + rr * sin(a));
        }
        ov_buf_printf(b, "\" fill=\"%s\" %s/>", fill, stroke);
        break;
    case OV_SHAPE_QUESTION:
        ov_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" %s/>"
                         "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" font-weight=\"bold\" "
                         "text-anchor=\"middle\" "
                         "fill=\"#1a1a1a\">?</text>", cx, cy, r, fill, stroke, cx, cy + r * 0.45, r * 1.3);
        break;
    case OV_SHAPE_CIRCLE: case OV_SHAPE_NONE: default:
        ov_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" %s/>", cx, cy, r, fill,
                      stroke);
        break;
    }
}

/* Horizontal bars: per answer its shape, its word above the bar, the bar in
 * its colour over a light track, and the count in digits after the bar. */
static void chart(ov_buf *b, const ov_result_question *q)
{
    const double W = CHART_W, row = CHART_ROW_H, left = CHART_BAR_X, countw = CHART_COUNT_W;
    long max = 0;
    for (int i = 0; i < q->n_answers; i++) if (q->answers[i].count > max) max = q->answers[i].count;
    ov_buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W,
                  row * q->n_answers + 2 * CHART_PAD_Y);
    for (int i = 0; i < q->n_answers; i++) {
        esc(b, q->answers[i].word);
        ov_buf_printf(b, ": %ld%s", q->answers[i].count, i + 1 < q->n_answers ? ". " : ".");
    }
    ov_buf_puts(b, "\" xmlns=\"http://www.w3.org/2000/svg\">\n");
    for (int i = 0; i < q->n_answers; i++) {
        const ov_result_answer *a = &q->answers[i];
        char hex[OV_HEX_COLOUR_SIZE];
        ov_report_colour_hex(a->colour, hex);
        double y = CHART_PAD_Y + i * row;
        double barw = max ? (W - left - countw) * (double)a->count / (double)max : 0;
        ov_buf_puts(b, "<g>");
        shape_svg(b, a->shape, hex, CHART_SHAPE_CX, y + row / 2, CHART_SHAPE_R);
        ov_buf_printf(b,
                      "<text x=\"%.0f\" y=\"%.0f\" font-size=\"32\" font-weight=\"bold\" fill=\"#1a1a1a\">",
                      left, y + CHART_WORD_BASELINE);
        esc(b, a->word);
        ov_buf_printf(b,
                      "</text><rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"50\" rx=\"6\" "
                      "fill=\"#ECECEC\"/>",
                      left, y + CHART_BAR_TOP, W - left - countw);
        if (barw > 0)
            ov_buf_printf(b,
                          "<rect class=\"bar\" x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"50\" rx=\"6\" "
                          "fill=\"%s\" "
                             "stroke=\"#1a1a1a\" stroke-width=\"2\"/>", left, y + CHART_BAR_TOP, barw, hex);
        ov_buf_printf(b,
                      "<text x=\"%.0f\" y=\"%.0f\" font-size=\"40\" font-weight=\"bold\" "
                      "fill=\"#1a1a1a\">%ld</text></g>\n",
                      W - countw + CHART_COUNT_GAP, y + CHART_COUNT_BASELINE, a->count);
    }
    ov_buf_puts(b, "</svg>\n");
}

/* "1 December 2026": the month's name is the m-th word of months (rep_months). */
static void human_date(const char *iso, const char *months, char *out, size_t outlen)
{
    int y, m, d;
    ov_strlcpy(out, iso, outlen);
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return;
    const char *p = months;
    for (int i = 1; i < m && p; i++) {
        p = strchr(p, ' ');
        if (p)
            p += strspn(p, " ");
    }
    if (!p || !*p)
        return;
    int len = (int)strcspn(p, " ");
    snprintf(out, outlen, "%d %.*s %d", d, len, p, y);
}

static const char css[] =
    "@page{size:A4;margin:14mm}\n"
    "html{font-family:Andika,'Andika New Basic','DejaVu Sans',Verdana,Arial,sans-serif;font-size:22px;"
    "line-height:1.45;color:#1a1a1a;background:#fffdf6}\n"
    "body{max-width:920px;margin:0 auto;padding:24px 28px;text-align:left}\n"
    "h1{font-size:2em;margin:0 0 .4em}h2{font-size:1.5em;margin:0 0 .2em}p{margin:.35em 0}\n"
    ".intro p{font-size:1.1em}\n"
    ".question{border-top:5px solid "
    "#d8d2c4;margin-top:32px;padding-top:20px;break-inside:avoid;page-break-inside:avoid}\n"
    ".qhead{display:flex;gap:24px;align-items:flex-start}\n"
    ".pic{width:170px;height:170px;object-fit:contain;flex:none;background:#fff;border-radius:12px}\n"
    ".chart{display:block;width:100%;height:auto;margin:16px 0 8px}\n"
    ".qtext{font-size:1.15em}.answered{font-size:1.1em}\n"
    ".most{font-size:1.25em;font-weight:bold}\n"
    "table.groups{border-collapse:collapse;font-size:1.1em;margin:12px 0}"
    "table.groups th,table.groups td{border:2px solid #1a1a1a;padding:8px 14px;text-align:center}"
    "table.groups th:first-child{text-align:left}\n"
    ".actions li,.ideas li{margin:.5em 0}.actions li.done{border-left:10px solid #009E73;padding-left:10px}\n"
    ".secret{font-size:1.2em;font-weight:bold;background:#e8f1f8;border-left:10px solid #0072B2;padding:14px "
    "18px;margin-top:16px}\n"
    ".note{font-size:1em;background:#fff4dc;border-left:10px solid #E69F00;padding:10px 16px}\n"
    "footer{margin-top:40px;font-size:.9em;color:#444}\n"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "@media print{html{font-size:16pt;background:#fff}body{max-width:none;padding:0}"
    ".question{break-before:page;page-break-before:always;border-top:none;margin-top:0}"
    ".chart{max-height:150mm}footer{break-inside:avoid}}\n";

/* The page's head and the introduction: which meeting, when, why some
 * answers are not shown; in the content's language and words. */
static void report_head(ov_buf *b, const ov_results *res)
{
    const ov_texts *t = &res->texts;
    const char *meeting[] = { res->meeting }, *date[1];
    char when[DATE_TEXT_LEN];
    human_date(res->date, t->rep_months, when, sizeof when);
    date[0] = when;
    ov_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"");
    esc(b, res->language[0] ? res->language : "en");
    ov_buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src "
                   "data:; style-src 'unsafe-inline'\">\n<title>");
    esc(b, t->rep_title);
    ov_buf_puts(b, ": ");
    esc(b, res->meeting);
    ov_buf_puts(b, "</title>\n<style>\n");
    ov_buf_puts(b, css);
    ov_buf_puts(b, "</style>\n</head>\n<body>\n<header class=\"intro\">\n<h1>");
    esc(b, t->rep_title);
    ov_buf_puts(b, "</h1>\n<p>");
    esc_fill(b, t->rep_from, meeting, 1, "strong");
    ov_buf_puts(b, "</p>\n<p>");
    esc_fill(b, t->rep_saved_on, date, 1, NULL);
    ov_buf_puts(b, "</p>\n<p>");
    esc(b, t->rep_secret);
    ov_buf_puts(b, "</p>\n<p>");
    esc(b, t->rep_bar);
    ov_buf_puts(b, "</p>\n");
    if (res->threshold > 0) {
        ov_buf_puts(b, "<p>");
        esc_number(b, t->rep_threshold, res->threshold, 0);
        ov_buf_puts(b, "</p>\n");
    }
    ov_buf_puts(b, "</header>\n<main>\n");
}

/* The answers to question q: a chart and a sentence,
 * or why there are none to show. */
static void report_answers(ov_buf *b, const ov_result_question *q, const ov_texts *t)
{
    if (q->total == 0 && !q->withheld_sources) {
        ov_buf_puts(b, "<p class=\"secret\">");
        esc(b, t->rep_nobody_q);
        ov_buf_puts(b, "</p>\n");
        return;
    }
    if (q->is_protected) {
        ov_buf_puts(b, "<p class=\"secret\">");
        esc(b, t->res_not_enough);
        ov_buf_puts(b, "</p>\n");
        return;
    }
    ov_buf_puts(b, "<p class=\"answered\">");
    esc_number(b, q->total == 1 ? t->rep_answered_one : t->rep_answered, q->total, 1);
    ov_buf_puts(b, "</p>\n");
    chart(b, q);
    char most[SUMMARY_TEXT_LEN];
    ov_results_summary(q, t, most, sizeof most);
    ov_buf_puts(b, "<p class=\"most\">");
    esc(b, most);
    ov_buf_puts(b, "</p>\n");
}

/* ---- issue 14 (g14views): progress over time and whose view ---- */

/* One answer's face with a word under it (a side of the progress picture). */
static void progress_side(ov_buf *b, const ov_result_question *q, int ai, const char *when, double cx)
{
    char hex[OV_HEX_COLOUR_SIZE];
    if (ai >= 0 && ai < q->n_answers)
        shape_svg(b, q->answers[ai].shape, ov_report_colour_hex(q->answers[ai].colour, hex), cx,
                  PROGRESS_FACE_CY, PROGRESS_FACE_R);
    else
        ov_buf_printf(b, "<circle cx=\"%.0f\" cy=\"%d\" r=\"%d\" fill=\"#ECECEC\" stroke=\"#1a1a1a\" "
                         "stroke-width=\"3\" stroke-dasharray=\"10 8\"/>",
                      cx, PROGRESS_FACE_CY, PROGRESS_FACE_R);
    ov_buf_printf(b,
                  "<text x=\"%.0f\" y=\"178\" font-size=\"30\" font-weight=\"bold\" text-anchor=\"middle\" "
                  "fill=\"#1a1a1a\">",
                  cx);
    esc(b, when);
    ov_buf_puts(b, "</text>");
}

/* "Last time" face, an arrow, "This time" face, and the two sentences. */
static void report_progress(ov_buf *b, const ov_result_question *q, const ov_texts *t)
{
    int now_top = !q->is_protected && q->n_top == 1 ? q->top[0] : -1;
    ov_buf_puts(b, "<div class=\"progress\">\n<svg class=\"chart\" viewBox=\"0 0 600 200\" role=\"img\" "
                   "aria-label=\"");
    esc(b, q->compare);
    ov_buf_puts(b, "\" xmlns=\"http://www.w3.org/2000/svg\">");
    progress_side(b, q, q->before_top, t->fac_last_time, PROGRESS_BEFORE_CX);
    ov_buf_puts(
        b, "<path d=\"M210 80 L370 80\" stroke=\"#1a1a1a\" stroke-width=\"14\" stroke-linecap=\"round\"/>"
           "<path d=\"M400 80 L356 52 L356 108 Z\" fill=\"#1a1a1a\"/>");
    progress_side(b, q, now_top, t->rep_this_time, PROGRESS_NOW_CX);
    ov_buf_puts(b, "</svg>\n<p class=\"most\">");
    esc(b, q->compare);
    ov_buf_puts(b, "</p>\n</div>\n");
}

/* The groups side by side: a row per group, a column per answer; a group
 * withheld says so instead of its counts. */
static void groups_table(ov_buf *b, const ov_result_question *q, const ov_texts *t)
{
    ov_buf_puts(b, "<table class=\"groups\">\n<tr><th>");
    esc(b, t->rep_who);
    ov_buf_puts(b, "</th>");
    for (int ai = 0; ai < q->n_answers; ai++) {
        ov_buf_puts(b, "<th>");
        esc(b, q->answers[ai].word);
        ov_buf_puts(b, "</th>");
    }
    ov_buf_puts(b, "</tr>\n");
    for (int gi = 0; gi < q->n_groups; gi++) {
        const ov_result_group *g = &q->groups[gi];
        ov_buf_puts(b, "<tr><th>");
        esc(b, g->word);
        ov_buf_puts(b, "</th>");
        if (g->is_protected) {
            ov_buf_printf(b, "<td colspan=\"%d\">", q->n_answers);
            esc(b, t->rep_group_not_enough);
            ov_buf_puts(b, "</td>");
        }
        for (int ai = 0; !g->is_protected && ai < q->n_answers; ai++)
            ov_buf_printf(b, "<td>%ld</td>", g->counts[ai]);
        ov_buf_puts(b, "</tr>\n");
    }
    ov_buf_puts(b, "</table>\n");
}

static void report_views(ov_buf *b, const ov_result_question *q, const ov_texts *t)
{
    if (q->compare[0])
        report_progress(b, q, t);
    if (!q->groups_line[0])
        return;
    ov_buf_puts(b, "<div class=\"groups\">\n<h3>");
    esc(b, t->rep_who_said);
    ov_buf_puts(b, "</h3>\n<p>");
    esc(b, q->groups_line);
    ov_buf_puts(b, "</p>\n");
    if (!q->is_protected)
        groups_table(b, q, t);
    ov_buf_puts(b, "</div>\n");
}

static void report_question(ov_buf *b, const ov_result_question *q, int qi, const ov_texts *t,
                            ov_read_file_fn read_file)
{
    ov_buf_printf(b, "<section class=\"question\" id=\"q-%d\">\n<div class=\"qhead\">\n", qi + 1);
    picture(b, q->picture, read_file);
    ov_buf_puts(b, "<div>\n<h2>");
    esc(b, q->title);
    ov_buf_puts(b, "</h2>\n");
    if (q->text[0]) {
        ov_buf_puts(b, "<p class=\"qtext\">");
        esc(b, q->text);
        ov_buf_puts(b, "</p>\n");
    }
    ov_buf_puts(b, "</div>\n</div>\n");
    report_answers(b, q, t);
    report_views(b, q, t); /* issue 14: progress since last time, groups side by side */
    if (q->withheld_sources) {
        ov_buf_puts(b, "<p class=\"note\">");
        const char *fmt = q->withheld_sources == 1 ? t->rep_withheld_one : t->rep_withheld;
        esc_number(b, fmt, q->withheld_sources, 0);
        ov_buf_puts(b, "</p>\n");
    }
    ov_buf_puts(b, "</section>\n");
}

/* The action plan of one question: what, who, when; done or not yet. */
static void report_actions(ov_buf *b, const ov_ideas_board *bd, const ov_texts *t)
{
    int planned = ov_ideas_planned(bd, NULL);
    if (planned == 0) {
        ov_buf_puts(b, "<p>");
        esc(b, t->rep_no_plan);
        ov_buf_puts(b, "</p>\n");
        return;
    }
    ov_buf_puts(b, "<ul class=\"actions\">\n");
    for (int j = 0; j < bd->n_ideas; j++) {
        const ov_idea *it = &bd->ideas[j];
        if (!it->planned) continue;
        const char *who_when[] = { it->plan.who, it->plan.when };
        ov_buf_puts(b, it->plan.done ? "<li class=\"done\"><strong>" : "<li><strong>");
        esc(b, it->plan.done ? t->rep_we_did_this : t->rep_we_will);
        ov_buf_puts(b, "</strong> ");
        esc(b, it->plan.what);
        ov_buf_puts(b, "<br>");
        esc_fill(b, t->rep_who_when, who_when, 2, NULL);
        ov_buf_puts(b, "</li>\n");
    }
    ov_buf_puts(b, "</ul>\n");
}

/* The group's ideas: with visible counts, how many people chose each (in
 * the order they were written, never in the order of voting). */
static void report_ideas_list(ov_buf *b, const ov_ideas_board *bd, int threshold, const ov_texts *t)
{
    int hidden = ov_ideas_protected(bd, threshold);
    ov_buf_puts(b, "<p>");
    esc(b, t->rep_ideas);
    ov_buf_puts(b, "</p>\n<ul class=\"ideas\">\n");
    for (int j = 0; j < bd->n_ideas; j++) {
        ov_buf_puts(b, "<li>");
        esc(b, bd->ideas[j].text);
        if (!hidden && bd->voters > 0) {
            ov_buf_puts(b, " <span class=\"votes\">");
            esc_number(b, bd->ideas[j].votes == 1 ? t->rep_chose_one : t->rep_chose, bd->ideas[j].votes, 1);
            ov_buf_puts(b, "</span>");
        }
        ov_buf_puts(b, "</li>\n");
    }
    ov_buf_puts(b, "</ul>\n");
    if (bd->voters > 0 && hidden) {
        ov_buf_puts(b, "<p class=\"secret\">");
        esc(b, t->res_not_enough);
        ov_buf_puts(b, "</p>\n");
    }
}

/* The page "What we will do": every question's ideas and its action plan. */
static void report_plan(ov_buf *b, const ov_results *res)
{
    if (!res->ideas || res->n_ideas == 0) return;
    ov_buf_puts(b, "<section class=\"question plan\" id=\"plan\">\n<h2>");
    esc(b, res->texts.rep_plan_title);
    ov_buf_puts(b, "</h2>\n");
    for (int i = 0; i < res->n_ideas; i++) {
        const ov_ideas_board *bd = &res->ideas[i];
        const char *title = bd->question;
        for (int q = 0; q < res->n_questions; q++)
            if (!strcmp(res->questions[q].id, bd->question)) title = res->questions[q].title;
        ov_buf_puts(b, "<h3>");
        esc(b, title);
        ov_buf_puts(b, "</h3>\n");
        report_ideas_list(b, bd, res->threshold, &res->texts);
        report_actions(b, bd, &res->texts);
    }
    ov_buf_puts(b, "</section>\n");
}

int ov_report_html(const ov_results *res, ov_read_file_fn read_file, ov_buf *b)
{
    report_head(b, res);
    for (int qi = 0; qi < res->n_questions; qi++)
        report_question(b, &res->questions[qi], qi, &res->texts, read_file);
    if (res->n_questions == 0) {
        ov_buf_puts(b, "<p class=\"secret\">");
        esc(b, res->texts.rep_no_questions);
        ov_buf_puts(b, "</p>\n");
    }
    report_plan(b, res);
    ov_buf_puts(b, "</main>\n<footer><p>");
    esc(b, res->texts.rep_made_with);
    ov_buf_puts(b, "</p></footer>\n</body>\n</html>\n");
    return ov_buf_ok(b) ? OV_OK : OV_ENOMEM;
}
