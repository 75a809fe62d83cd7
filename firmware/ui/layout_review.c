/* layout_review.c — the review screen, the idle warning and the "previous
 * question" target, in physical units like every other member screen. */
#include "ui/layout_review.h"

#include <string.h>

/* The save / more-time button: a quarter of the room below the heading, at
 * least 20 mm, at most 30 % of it. */
static int big_button_height(const metrics *m, int avail)
{
    int h = avail / 4;
    if (h < m->target_aim)
        h = m->target_aim;
    if (h > avail * 30 / 100)
        h = avail * 30 / 100;
    if (h < m->target_min)
        h = m->target_min;
    return h;
}

/* Heading texts left of the "hear it again" corner (portrait: under it).
 * Returns the y where the rest of the screen starts. */
static int heading(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_rect full, int corner,
                   int corner_w, const char *title, const char *how)
{
    ov_rect col = { full.x, full.y, full.w - corner_w - m->gap, corner };
    if (m->portrait) /* the top bar is too narrow: a full-width heading under it */
        col = (ov_rect){ full.x, full.y + corner + m->gap, full.w, full.h / 4 };
    const char *texts[] = { title, how };
    const ov_text_role roles[] = { OV_TEXT_TITLE, OV_TEXT_BODY };
    int y = ovl_stack_texts(l, env, m, col, texts, roles, 2, 0) + m->gap / 2;
    int below_corner = full.y + corner + m->gap;
    return y > below_corner ? y : below_corner;
}

static ov_layout_button *big_button(ov_layout *l, const ov_layout_env *env, const metrics *m,
                                    ov_target_kind kind, ov_rect r, const char *icon, const char *label)
{
    ov_layout_button *b = ovl_add_button(l, kind, 0, OV_BTN_STYLE_YES, r);
    if (b) {
        metrics big = *m;
        big.label_px = m->title_px; /* the one thing to press: its word as big as a title */
        ovl_control_path(env, icon, b->icon_path, sizeof b->icon_path);
        ovl_button_content(l, env, &big, b, label, 1);
    }
    return b;
}

/* Columns for n review items in area (w x h): the most even cells, each
 * button at least 20 mm; *caption_h is the question title's room above it. */
static int review_columns(const metrics *m, int n, int w, int h, int caption_h)
{
    int best = 1, best_side = -1;
    for (int cols = 1; cols <= n; cols++) {
        int rows = (n + cols - 1) / cols;
        int cw = (w - (cols - 1) * m->gap) / cols;
        int bh = (h - (rows - 1) * m->gap) / rows - caption_h;
        int side = cw < bh ? cw : bh;
        if (side > best_side) {
            best_side = side;
            best = cols;
        }
    }
    return best;
}

/* One answer: the question's title above, the chosen answer (picture,
 * colour, word) as the button. Through the room speaker only the title is
 * spoken, as on the confirm screen. */
static void review_item(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f, int q,
                        ov_rect cell, int caption_h)
{
    const ov_answer *a[OV_MAX_ANSWERS];
    int n = ov_question_answers(f->content, q, a);
    int pos = f->answers[q];
    if (pos < 0 || pos >= n)
        return;
    metrics small = *m;
    small.label_px = m->small_px;
    ovl_add_text(l, env, &small, f->content->questions[q].title, OV_TEXT_LABEL,
                 (ov_rect){ cell.x, cell.y, cell.w, caption_h }, 1);
    ov_rect r = { cell.x, cell.y + caption_h, cell.w, cell.h - caption_h };
    if (r.h < m->target_min)
        l->all_fit = 0;
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_REVIEW_ITEM, q, OV_BTN_STYLE_ANSWER, r);
    if (!b)
        return;
    b->colour = a[pos]->colour;
    b->shape = a[pos]->shape;
    if (a[pos]->picture[0])
        ov_content_path(f->content, a[pos]->picture, b->icon_path, sizeof b->icon_path);
    ovl_button_content(l, env, m, b, a[pos]->word, env->private_audio);
}

static void review_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                          ov_rect full, int corner, int corner_w)
{
    int top = heading(l, env, m, full, corner, corner_w, OVL_REVIEW_TITLE, OVL_REVIEW_HOW);
    int avail = full.y + full.h - top;
    int save_h = big_button_height(m, avail);
    int items_h = avail - save_h - m->gap;
    int qs[OV_MAX_QUESTIONS], as[OV_MAX_QUESTIONS];
    int n = ov_flow_pending(f, qs, as, OV_MAX_QUESTIONS);
    int caption_h = ov_line_height(m->small_px) * 2;
    if (n > 0) {
        int cols = review_columns(m, n, full.w, items_h, caption_h);
        int rows = (n + cols - 1) / cols;
        int cw = (full.w - (cols - 1) * m->gap) / cols;
        int ch = (items_h - (rows - 1) * m->gap) / rows;
        for (int i = 0; i < n; i++) {
            ov_rect cell = { full.x + (i % cols) * (cw + m->gap), top + (i / cols) * (ch + m->gap), cw, ch };
            review_item(l, env, m, f, qs[i], cell, caption_h);
        }
    }
    ov_rect sr = { full.x, full.y + full.h - save_h, full.w, save_h };
    big_button(l, env, m, OV_TARGET_SAVE, sr, "control-thats-right.svg", OVL_REVIEW_SAVE);
}

static void idle_warning_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_rect full,
                                int corner, int corner_w)
{
    int top = heading(l, env, m, full, corner, corner_w, OVL_IDLE_TITLE, OVL_IDLE_HOW);
    int avail = full.y + full.h - top;
    int h = avail * 2 / 3; /* the one thing on the screen: as big as it can be */
    if (h < m->target_min)
        h = m->target_min;
    ov_rect r = { full.x, full.y + full.h - h, full.w, h };
    big_button(l, env, m, OV_TARGET_MORE_TIME, r, "control-more-time.svg", OVL_IDLE_MORE_TIME);
}

void ovl_flow_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                     ov_rect full, int corner, int corner_w)
{
    switch (f->screen) {
    case OV_SCREEN_REVIEW:
        review_screen(l, env, m, f, full, corner, corner_w);
        break;
    case OV_SCREEN_IDLE_WARNING:
        idle_warning_screen(l, env, m, full, corner, corner_w);
        break;
    default:
        break;
    }
}

ov_rect ovl_previous_question(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                              ov_rect upper, int corner, int corner_w)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS), has = 0;
    for (int i = 0; i < n; i++)
        has |= t[i].kind == OV_TARGET_PREVIOUS;
    if (!has)
        return upper;
    ov_rect r = { env->w - m->margin - corner_w, m->margin + corner + m->gap, corner_w, 0 };
    r.h = upper.y + upper.h - r.y;
    if (r.h > corner)
        r.h = corner;
    if (m->portrait || r.h < m->target_min) { /* no room under the corner: a strip under the texts */
        int h = m->target_min > corner ? m->target_min : corner;
        r = (ov_rect){ upper.x, upper.y + upper.h - h, corner_w, h };
        upper.h -= h + m->gap;
    }
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_PREVIOUS, 0, OV_BTN_STYLE_PLAIN, r);
    if (b) {
        metrics small = *m;
        small.label_px = m->small_px;
        ovl_control_path(env, "control-go-back.svg", b->icon_path, sizeof b->icon_path);
        ovl_button_content(l, env, &small, b, OVL_PREVIOUS, 0);
    }
    return upper;
}

ov_target ov_layout_press_target(const ov_layout *l, int down_x, int down_y, int up_x, int up_y)
{
    ov_target down = ov_layout_hit(l, down_x, down_y);
    ov_target up = ov_layout_hit(l, up_x, up_y);
    if (down.kind != up.kind || down.index != up.index)
        return (ov_target){ OV_TARGET_NONE, 0 };
    return up;
}
