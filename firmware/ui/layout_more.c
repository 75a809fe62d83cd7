/* layout_more.c — issue 14 views: the "Tell me more" pages, the "Tell me
 * more" button on a question and the "Who are you today?" screen, laid out
 * like the other member screens (picture beside the text, big targets). */
#include "ui/layout.h"
#include "ui/layout_parts.h"

#include <string.h>

#define MORE_PICTURE_SHARE 30 /* % of the width the picture takes in landscape */
#define WHO_COLS_LANDSCAPE 4  /* group buttons per row */
#define WHO_COLS_PORTRAIT 2
#define MORE_ROW_DIV 4        /* Back and Next take 1/4 of the height */
#define WHO_ROW_PCT 15        /* more than one row of groups: each aims at this % of the height */

static const char *word_or(const char *word, const char *fallback)
{
    return word && word[0] ? word : fallback;
}

/* Height of a row of targets: 30 mm aimed, a share of the height, at most 45 %. */
static int row_height(const metrics *m, int avail, int num, int den)
{
    return ovl_target_height(m, avail * num / den, avail, OVL_ROW_MAX_PCT, 0);
}

/* Picture on the left (landscape) or above (portrait) of area; returns the text column. */
static ov_rect picture_beside(ov_layout *l, const metrics *m, const ov_content *c, const char *rel,
                              ov_rect area)
{
    ov_rect pic;
    ov_rect col = ovl_picture_split(m, area, MORE_PICTURE_SHARE, 0, &pic);
    if (rel && rel[0]) {
        l->picture = pic;
        ov_content_path(c, rel, l->picture_path, sizeof l->picture_path);
    }
    return col;
}

/* Which page of how many, as dots at the top of the text column. */
static void page_dots(ov_layout *l, const metrics *m, ov_rect *col, int page, int pages)
{
    int dots_h = ov_line_height(m->small_px);
    int dot = dots_h * OVL_DOT_PCT / 100;
    int w = pages * dot + (pages - 1) * dot / 2;
    l->progress_dots = (ov_rect){ col->x, col->y + (dots_h - dot) / 2, w, dot };
    l->progress_now = page + 1;
    l->progress_total = pages;
    col->y += dots_h + m->gap / 2;
    col->h -= dots_h + m->gap / 2;
}

static void control_button(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_target_kind kind,
                           ov_button_style style, ov_rect r, const char *icon, const char *label)
{
    ov_layout_button *b = ovl_add_button(l, kind, 0, style, r);
    if (!b)
        return;
    ovl_control_path(env, icon, b->icon_path, sizeof b->icon_path);
    ovl_button_content(l, env, m, b, label, 1);
}

/* One page of "Tell me more": about the idea, or what one stage looks like. */
static void layout_more(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                        ov_rect top, ov_rect full)
{
    const ov_content *c = f->content;
    const ov_question *q = &c->questions[f->question];
    const ov_more *more = &c->more[f->question];
    const ov_who *w = &c->who;
    /* Back and Next: a quarter of the height, never under 20 mm (on a small panel the text needs the
     * room more than they do; on a TV a quarter of the height is far more than 30 mm) */
    int row_h = full.h / MORE_ROW_DIV;
    row_h = row_h < m->target_min ? m->target_min : row_h;
    ov_rect upper = { top.x, top.y, top.w, top.y + top.h - row_h - m->gap - top.y };
    if (!m->portrait)
        upper.h = full.h - row_h - m->gap;
    int stage = ov_more_stage_of_page(c, f->question, f->more_page);

    const char *texts[2 + OV_MAX_SENTENCES];
    ov_text_role roles[2 + OV_MAX_SENTENCES];
    int n = 0;
    if (stage < 0) {
        ov_rect col = picture_beside(l, m, c, more->picture[0] ? more->picture : q->picture, upper);
        page_dots(l, m, &col, f->more_page, ov_more_pages(c, f->question));
        texts[n] = q->title, roles[n++] = OV_TEXT_SMALL; /* as on the stage pages: room for 3 sentences */
        for (int i = 0; i < more->n_about; i++)
            texts[n] = more->about[i], roles[n++] = OV_TEXT_BODY;
        ovl_stack_texts(l, env, m, col, texts, roles, n, 0);
    } else {
        const ov_answer *a = &c->scales[q->scale].answers[stage];
        ov_rect col = picture_beside(l, m, c, a->picture, upper);
        page_dots(l, m, &col, f->more_page, ov_more_pages(c, f->question));
        texts[n] = q->title, roles[n++] = OV_TEXT_SMALL;
        texts[n] = a->word, roles[n++] = OV_TEXT_TITLE;
        texts[n] = more->stage[stage], roles[n++] = OV_TEXT_BODY;
        ovl_stack_texts(l, env, m, col, texts, roles, n, 0);
    }
    ov_rect row = { full.x, full.y + full.h - row_h, full.w, row_h };
    int has_next = f->more_page + 1 < ov_more_pages(c, f->question);
    int bw = has_next ? (row.w - m->gap) / 2 : row.w;
    control_button(l, env, m, OV_TARGET_BACK, OV_BTN_STYLE_NO, (ov_rect){ row.x, row.y, bw, row.h },
                   "control-go-back.svg", word_or(w->back, "Back to the question"));
    if (has_next)
        control_button(l, env, m, OV_TARGET_NEXT, OV_BTN_STYLE_YES,
                       (ov_rect){ row.x + bw + m->gap, row.y, bw, row.h }, "control-next.svg",
                       word_or(w->next, "Next"));
}

/* "Who are you today?": the question on top, a button per group and "skip". */
static void layout_who(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                       ov_rect top, ov_rect full, int corner)
{
    const ov_who *w = &f->content->who;
    int n = w->n_groups + 1;
    int cols_max = m->portrait ? WHO_COLS_PORTRAIT : WHO_COLS_LANDSCAPE;
    int cols = n < cols_max ? n : cols_max;
    int rows = (n + cols - 1) / cols;
    /* one row: as tall as allowed (45 %), the groups are the whole screen's point */
    int row_h = row_height(m, m->portrait ? top.h : full.h, rows == 1 ? OVL_ROW_MAX_PCT : WHO_ROW_PCT, 100);
    int low = full.y + corner + m->gap; /* landscape: the rows stay under "hear it again" */
    if (!m->portrait && rows > 1 && full.y + full.h - (rows * row_h + (rows - 1) * m->gap) < low)
        row_h = (full.y + full.h - low - (rows - 1) * m->gap) / rows;
    if (row_h < m->target_min)
        row_h = m->target_min;
    int area_h = rows * row_h + (rows - 1) * m->gap;
    ov_rect upper = { top.x, top.y, top.w, (m->portrait ? top.y + top.h : full.y + full.h) - area_h - m->gap -
                                               top.y };
    const char *texts[] = { word_or(w->title, "Who are you today?"), w->sentence };
    const ov_text_role roles[] = { OV_TEXT_TITLE, OV_TEXT_BODY };
    ovl_stack_texts(l, env, m, upper, texts, roles, w->sentence[0] ? 2 : 1, 0);
    int bw = (full.w - (cols - 1) * m->gap) / cols;
    int y0 = full.y + full.h - area_h;
    for (int i = 0; i < n; i++) {
        int row = i / cols, col = i % cols;
        int in_row = row == rows - 1 ? n - row * cols : cols;
        int x0 = full.x + (full.w - (in_row * bw + (in_row - 1) * m->gap)) / 2;
        ov_rect r = { x0 + col * (bw + m->gap), y0 + row * (row_h + m->gap), bw, row_h };
        int skip = i == w->n_groups;
        ov_layout_button *b =
            ovl_add_button(l, OV_TARGET_GROUP, i, skip ? OV_BTN_STYLE_PLAIN : OV_BTN_STYLE_ANSWER, r);
        if (!b)
            break;
        if (skip) {
            ovl_control_path(env, "control-next.svg", b->icon_path, sizeof b->icon_path);
            ovl_button_content(l, env, m, b, word_or(w->skip, "Skip"), 1);
            continue;
        }
        const ov_group *g = &w->groups[i];
        b->colour = g->colour[0] ? g->colour : "blue";
        b->shape = g->shape;
        if (g->picture[0])
            ov_content_path(f->content, g->picture, b->icon_path, sizeof b->icon_path);
        ovl_button_content(l, env, m, b, g->word, 1);
    }
}

void ovl_layout_views(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f, ov_rect top,
                      ov_rect full, int corner)
{
    if (f->screen == OV_SCREEN_MORE && f->question >= 0 && f->question < f->content->n_questions)
        layout_more(l, env, m, f, top, full);
    else if (f->screen == OV_SCREEN_WHO)
        layout_who(l, env, m, f, top, full, corner);
}

ov_rect ovl_more_button(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                        ov_rect upper, int corner, int corner_w)
{
    if (ov_more_pages(f->content, f->question) <= 0)
        return upper;
    const char *label = word_or(f->content->who.tell_me_more, "Tell me more");
    metrics small = *m;
    small.label_px = m->small_px;
    if (!m->portrait) { /* under "hear it again", in the column beside the text */
        int h = upper.y + upper.h - (m->margin + corner + m->gap);
        if (h > corner)
            h = corner;
        if (h < m->target_min)
            h = m->target_min;
        ov_rect r = { env->w - m->margin - corner_w, m->margin + corner + m->gap, corner_w, h };
        ov_layout_button *b = ovl_add_button(l, OV_TARGET_MORE, 0, OV_BTN_STYLE_PLAIN, r);
        if (b) {
            ovl_control_path(env, "control-more.svg", b->icon_path, sizeof b->icon_path);
            ovl_button_content(l, env, &small, b, label, 1);
        }
        return upper;
    }
    return upper; /* portrait: a cell of the answers' grid (ovl_more_in_cell) */
}

int ovl_more_cell(const ov_flow *f, const metrics *m)
{
    return m->portrait && f->screen == OV_SCREEN_QUESTION && ov_more_pages(f->content, f->question) > 0;
}

void ovl_more_in_cell(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f, ov_rect r)
{
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_MORE, 0, OV_BTN_STYLE_PLAIN, r);
    if (!b)
        return;
    ovl_control_path(env, "control-more.svg", b->icon_path, sizeof b->icon_path);
    ovl_button_content(l, env, m, b, word_or(f->content->who.tell_me_more, "Tell me more"), 1);
}
