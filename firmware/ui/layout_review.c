/* layout_review.c — the review screen, the idle warning, the sound screen
 * and the "previous question" target, in physical units like every other
 * member screen. */
#include "ui/layout_review.h"
#include "ui/render_palette.h"

#include <math.h>
#include <string.h>

#define BIG_BUTTON_MAX_PCT 30 /* % of the room below the heading a big button takes at most */
#define BIG_BUTTON_DIV 4      /* a big button aims at 1/4 of the room below the heading */
#define HEADING_PORTRAIT_DIV 4 /* portrait: the heading under the top bar takes 1/4 of the height */
#define MORE_TIME_NUM 2       /* the idle warning's More time button: 2/3 of the room below the heading */
#define MORE_TIME_DEN 3
#define SOUND_W_DIV 4         /* "Sound" beside Start: 1/4 of the width (at least a target) */

/* The save / more-time button: a quarter of the room below the heading, at
 * least 20 mm, at most 30 % of it. */
static int big_button_height(const metrics *m, int avail)
{
    return ovl_target_height(m, avail / BIG_BUTTON_DIV, avail, BIG_BUTTON_MAX_PCT, m->target_min);
}

/* Heading texts left of the "hear it again" corner (portrait: under it).
 * Returns the y where the rest of the screen starts. */
static int heading(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_rect full, int corner,
                   int corner_w, const char *title, const char *how)
{
    ov_rect col = { full.x, full.y, full.w - corner_w - m->gap, corner };
    if (m->portrait) /* the top bar is too narrow: a full-width heading under it */
        col = (ov_rect){ full.x, full.y + corner + m->gap, full.w, full.h / HEADING_PORTRAIT_DIV };
    const char *texts[] = { title, how };
    const ov_text_role roles[] = { OV_TEXT_TITLE, OV_TEXT_BODY };
    int y = ovl_stack_texts(l, env, m, col, texts, roles, 2, 0) + m->gap / 2;
    int below_corner = full.y + corner + m->gap;
    return y > below_corner ? y : below_corner;
}

/* The room under a heading: where it starts, how high it is, and the height
 * of the big button at its bottom. */
typedef struct {
    int top, avail, button_h;
} below_heading;

static below_heading heading_room(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_rect full,
                                  int corner, int corner_w, const char *title, const char *how)
{
    below_heading r;
    r.top = heading(l, env, m, full, corner, corner_w, title, how);
    r.avail = full.y + full.h - r.top;
    r.button_h = big_button_height(m, r.avail);
    return r;
}

static ov_layout_button *big_button(ov_layout *l, const ov_layout_env *env, const metrics *m,
                                    ov_target_kind kind, ov_button_style style, ov_rect r, const char *icon,
                                    const char *label)
{
    ov_layout_button *b = ovl_add_button(l, kind, 0, style, r);
    if (b) {
        metrics big = *m;
        big.label_px = m->title_px; /* the one thing to press: its word as big as a title */
        ovl_control_path(env, icon, b->icon_path, sizeof b->icon_path);
        ovl_button_content(l, env, &big, b, label, 1);
    }
    return b;
}

/* Room between a caption and its answer below it for the focus ring and its
 * band, as wide as the widest theme draws them, so the ring never covers a caption. */
static int focus_room(const ov_layout_env *env)
{
    double mm = OV_FOCUS_MIN_MM;
    for (const char *const *n = ov_theme_names(); *n; n++)
        if (ov_theme_get(*n)->focus_mm > mm)
            mm = ov_theme_get(*n)->focus_mm;
    return (int)ceil((mm + OV_FOCUS_GAP_MM) * env->px_per_mm) + 1;
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
                        ov_rect cell, int caption_h, int room)
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
    ov_rect r = { cell.x, cell.y + caption_h + room, cell.w, cell.h - caption_h - room };
    if (r.h < m->target_min)
        l->all_fit = 0;
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_REVIEW_ITEM, q, OV_BTN_STYLE_ANSWER, r);
    if (!b)
        return;
    b->colour = a[pos]->colour;
    b->shape = a[pos]->shape;
    if (a[pos]->picture[0])
        ov_content_path(f->content, a[pos]->picture, b->icon_path, sizeof b->icon_path);
    metrics beside = *m; /* a wide button: the face beside its word, as big as the button's height allows */
    beside.label_beside = r.w > r.h;
    ovl_button_content(l, env, &beside, b, a[pos]->word, env->private_audio);
}

static void review_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                          ov_rect full, int corner, int corner_w)
{
    const ov_texts *t = &f->content->texts;
    below_heading room = heading_room(l, env, m, full, corner, corner_w, t->review_title, t->review_how);
    int top = room.top, save_h = room.button_h;
    int items_h = room.avail - save_h - m->gap;
    int qs[OV_MAX_QUESTIONS], as[OV_MAX_QUESTIONS];
    int n = ov_flow_pending(f, qs, as, OV_MAX_QUESTIONS);
    int caption_h = ov_line_height(m->small_px) * 2, ring_room = focus_room(env);
    if (n > 0) {
        int cols = review_columns(m, n, full.w, items_h, caption_h + ring_room);
        int rows = (n + cols - 1) / cols;
        int cw = (full.w - (cols - 1) * m->gap) / cols;
        int ch = (items_h - (rows - 1) * m->gap) / rows;
        for (int i = 0; i < n; i++) {
            ov_rect cell = { full.x + (i % cols) * (cw + m->gap), top + (i / cols) * (ch + m->gap), cw, ch };
            review_item(l, env, m, f, qs[i], cell, caption_h, ring_room);
        }
    }
    ov_rect sr = { full.x, full.y + full.h - save_h, full.w, save_h };
    big_button(l, env, m, OV_TARGET_SAVE, OV_BTN_STYLE_YES, sr, "control-thats-right.svg", t->review_save);
}

static void idle_warning_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_texts *t,
                                ov_rect full, int corner, int corner_w)
{
    int top = heading(l, env, m, full, corner, corner_w, t->idle_title, t->idle_how);
    int avail = full.y + full.h - top;
    int h = avail * MORE_TIME_NUM / MORE_TIME_DEN; /* the one thing on the screen: as big as it can be */
    if (h < m->target_min)
        h = m->target_min;
    ov_rect r = { full.x, full.y + full.h - h, full.w, h };
    big_button(l, env, m, OV_TARGET_MORE_TIME, OV_BTN_STYLE_YES, r, "control-more-time.svg",
               t->idle_more_time);
}

int ovl_sound_width(const metrics *m, int corner_w, int full_w)
{
    int w = full_w / SOUND_W_DIV > m->target_min ? full_w / SOUND_W_DIV : m->target_min;
    return w < corner_w ? w : corner_w;
}

/* The sound screen's four steps: two rows of two, or one row of four when
 * three rows of targets (the steps and "Go back") would not fit the height. */
static void sound_steps(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_texts *tx,
                        ov_rect area)
{
    int cols = area.h < 2 * m->target_min + m->gap ? OV_SOUND_STEPS : 2;
    int rows = OV_SOUND_STEPS / cols;
    int row_h = (area.h - (rows - 1) * m->gap) / rows, col_w = (area.w - (cols - 1) * m->gap) / cols;
    if (row_h < m->target_min)
        l->all_fit = 0;
    const char *words[OV_SOUND_STEPS] = { tx->slower, tx->faster, tx->quieter, tx->louder };
    metrics big = *m;
    big.label_px = m->title_px;
    for (int i = 0; i < OV_SOUND_STEPS; i++) {
        ov_rect r = { area.x + (i % cols) * (col_w + m->gap), area.y + (i / cols) * (row_h + m->gap), col_w,
                      row_h };
        ov_layout_button *b = ovl_add_button(l, OV_TARGET_SOUND_STEP, i, OV_BTN_STYLE_PLAIN, r);
        if (!b)
            continue;
        int pad = m->margin / 2 + 2;
        b->label = ovl_add_text(l, env, &big, words[i], OV_TEXT_LABEL,
                                (ov_rect){ r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad }, 1);
    }
}

/* The sound screen: the four steps, "Go back" under them and, with
 * headphones in, "Screen off" (or "Screen on") beside it (issue 12). */
static void sound_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                         ov_rect full, int corner, int corner_w)
{
    const ov_texts *tx = &f->content->texts;
    below_heading room = heading_room(l, env, m, full, corner, corner_w, tx->sound_title, tx->sound_how);
    int back_h = room.button_h;
    sound_steps(l, env, m, tx, (ov_rect){ full.x, room.top, full.w, room.avail - back_h - m->gap });
    int half_w = (full.w - m->gap) / 2;
    ov_rect br = { full.x, full.y + full.h - back_h, f->screen_off_offered ? half_w : full.w, back_h };
    big_button(l, env, m, OV_TARGET_BACK, OV_BTN_STYLE_NO, br, "control-go-back.svg", tx->go_back);
    if (!f->screen_off_offered)
        return;
    int off = ov_flow_screen_off(f);
    ov_rect sr = { full.x + half_w + m->gap, br.y, half_w, back_h };
    const char *icon = off ? "control-screen-on.svg" : "control-screen-off.svg";
    const char *label = off ? tx->screen_on : tx->screen_off;
    big_button(l, env, m, OV_TARGET_SCREEN_OFF, OV_BTN_STYLE_PLAIN, sr, icon, label);
}

void ovl_flow_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                     ov_rect full, int corner, int corner_w)
{
    switch (f->screen) {
    case OV_SCREEN_REVIEW:
        review_screen(l, env, m, f, full, corner, corner_w);
        break;
    case OV_SCREEN_IDLE_WARNING:
        idle_warning_screen(l, env, m, &f->content->texts, full, corner, corner_w);
        break;
    case OV_SCREEN_SOUND:
        sound_screen(l, env, m, f, full, corner, corner_w);
        break;
    default:
        break;
    }
}

/* 1 when r is on screen and clear of every text, button and picture laid out so far. */
static int is_free(const ov_layout *l, ov_rect r)
{
    if (!ov_rect_inside(r, l->screen) || r.w <= 0 || r.h <= 0)
        return 0;
    for (int i = 0; i < l->n_texts; i++)
        if (l->texts[i].block.n_words && ov_rect_overlap(r, l->texts[i].block.used))
            return 0;
    for (int i = 0; i < l->n_buttons; i++)
        if (ov_rect_overlap(r, l->buttons[i].rect))
            return 0;
    if (l->picture.w && ov_rect_overlap(r, l->picture))
        return 0;
    return !(l->progress_dots.w && ov_rect_overlap(r, l->progress_dots));
}

/* Where "previous question" can go, best first: under the "hear it again"
 * corner, in the top bar beside the progress, left of the picture, along the
 * bottom of the question's texts. Returns 0 when no place is free. */
static int previous_place(const ov_layout *l, const ov_layout_env *env, const metrics *m, ov_rect upper,
                          int corner, int corner_w, ov_rect *out)
{
    int side = m->target_min > corner ? m->target_min : corner;
    int under_y = m->margin + corner + m->gap;
    int under_h = upper.y + upper.h - under_y;
    int bar_right = env->w - m->margin - corner_w - m->gap;
    int left_w = l->picture.w ? l->picture.x - m->gap - upper.x : 0;
    ov_rect c[] = {
        { env->w - m->margin - corner_w, under_y, corner_w, under_h < corner ? under_h : corner },
        { bar_right - side, m->margin, side, corner },
        { upper.x, upper.y, left_w < corner_w ? left_w : corner_w, m->target_min },
        { upper.x, upper.y + upper.h - side, corner_w, side },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        if (c[i].w >= m->target_min && c[i].h >= m->target_min && is_free(l, c[i])) {
            *out = c[i];
            return 1;
        }
    *out = c[3];
    return 0;
}

/* Portrait: push the question's texts (under the picture) down by `by` px,
 * when they still end inside `upper`. Returns 1 when done. */
static int push_texts_down(ov_layout *l, ov_rect upper, int by)
{
    int bottom = 0;
    for (int i = 0; i < l->n_texts; i++) {
        const ov_text_block *b = &l->texts[i].block;
        if (b->box.y >= upper.y && b->n_words && b->used.y + b->used.h > bottom)
            bottom = b->used.y + b->used.h;
    }
    if (bottom + by > upper.y + upper.h)
        return 0;
    for (int i = 0; i < l->n_texts; i++) {
        ov_text_block *b = &l->texts[i].block;
        if (b->box.y < upper.y)
            continue;
        for (int w = 0; w < b->n_words; w++)
            b->words[w].rect.y += by;
        b->used.y += by;
        b->box.y += by;
        b->box.h -= by;
    }
    return 1;
}

/* Portrait, last resort: beside the picture, the texts moved down under it. */
static int previous_beside_picture(ov_layout *l, const metrics *m, ov_rect upper, int corner_w, ov_rect *out)
{
    int left_w = l->picture.w ? l->picture.x - m->gap - upper.x : 0;
    if (!m->portrait || left_w < m->target_min)
        return 0;
    ov_rect r = { upper.x, upper.y, left_w < corner_w ? left_w : corner_w, m->target_min };
    int texts_top = upper.y + upper.h;
    for (int i = 0; i < l->n_texts; i++) {
        const ov_text_block *b = &l->texts[i].block;
        if (b->box.y >= upper.y && b->n_words && b->used.y < texts_top)
            texts_top = b->used.y;
    }
    int by = r.y + r.h + m->gap - texts_top;
    if (by > 0 && !push_texts_down(l, upper, by))
        return 0;
    *out = r;
    return 1;
}

void ovl_previous_question(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                           ov_rect upper, int corner, int corner_w)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS), has = 0;
    for (int i = 0; i < n; i++)
        has |= t[i].kind == OV_TARGET_PREVIOUS;
    if (!has)
        return;
    ov_rect r;
    if (!previous_place(l, env, m, upper, corner, corner_w, &r) &&
        !previous_beside_picture(l, m, upper, corner_w, &r))
        l->all_fit = 0; /* the texts are made smaller until there is room */
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_PREVIOUS, 0, OV_BTN_STYLE_PLAIN, r);
    if (b) {
        metrics small = *m;
        small.label_px = m->small_px;
        ovl_control_path(env, "control-go-back.svg", b->icon_path, sizeof b->icon_path);
        ovl_button_content(l, env, &small, b, f->content->texts.previous, 1);
    }
}

ov_target ov_layout_press_target(const ov_layout *l, int down_x, int down_y, int up_x, int up_y)
{
    ov_target down = ov_layout_hit(l, down_x, down_y);
    ov_target up = ov_layout_hit(l, up_x, up_y);
    if (down.kind != up.kind || down.index != up.index)
        return (ov_target){ OV_TARGET_NONE, 0 };
    return up;
}
