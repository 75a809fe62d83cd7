/* layout_ideas.c — the keyboard, the member's priorities screens and the
 * "you said, we did" welcome (ui/layout_ideas.h). */
#include "ui/layout_ideas.h"
#include "ui/layout_parts.h"
#include "ui/layout_review.h"

#include <stdio.h>
#include <string.h>

#define SQUEEZE_STEPS 6
#define KEY_LABEL_SHARE 40 /* a key's letter is this % of the key's height */
#define LABEL_ROOM_PCT 80  /* a key's word takes at most this % of its width (clear of the outline) */
#define TYPED_EXTRA_LEN 8  /* room for the "_" after what is typed */
#define CONTROL_SHORT_DIV 7 /* a big control is at least 1/7 of the short side (a TV) */
#define IDEA_TICK_DIV 5    /* an idea's tick place: at most 1/5 of its button's width */
#define IDEA_MAX_H_PCT 150 /* an idea's button is at most this % of a big control's height */
#define REVIEW_LIST_EXTRA_LEN 64 /* room for the spaces and full stops between the chosen ideas */
#define END_PICTURE_W_DIV 3 /* thank you / not saved: the picture is at most 1/3 of the width */
#define YOU_SAID_PICTURE_W_DIV 5 /* "you said, we did": the picture is at most 1/5 of the width */
/* The keyboard's slots (ui/keyboard.h) on a grid: OV_KB_COLS across and
 * OV_KB_ROWS down in landscape, turned in portrait (OV_KB_ROWS across), in
 * reading order either way; the last slot is Cancel. Every key is the same
 * size, so one page's keys are where the next page's are. */

static void start_layout(ov_layout *l, const ov_layout_env *env, ov_screen kind)
{
    memset(l, 0, sizeof *l);
    l->screen = (ov_rect){0, 0, env->w, env->h};
    l->px_per_mm = env->px_per_mm;
    l->kind = kind;
    l->all_fit = 1;
}

/* A text centred in box (one line: a key's label). */
static int centred_label(ov_layout *l, const ov_layout_env *env, const metrics *m, const char *label,
                         ov_rect box)
{
    metrics lm = *m; /* a word wider than its key ("Gorffen" on a narrow key) is made smaller to fit */
    int w = env->measure(env->measure_ctx, lm.label_px, 1, label, (int)strlen(label));
    int room = box.w * LABEL_ROOM_PCT / 100;
    if (w > room && w > 0) {
        lm.label_px = lm.label_px * room / w;
        if (lm.label_px < m->min_px)
            lm.label_px = m->min_px;
        w = env->measure(env->measure_ctx, lm.label_px, 1, label, (int)strlen(label));
    }
    m = &lm;
    int lh = ov_line_height(m->label_px);
    ov_rect r = box;
    if (w > 0 && w < box.w) {
        r.x += (box.w - w) / 2;
        r.w = w + 2;
    }
    if (lh < box.h) {
        r.y += (box.h - lh) / 2;
        r.h = lh;
    }
    return ovl_add_text(l, env, m, ovl_pool_add(l, label), OV_TEXT_LABEL, r, 0);
}

static int key_gap(const metrics *m) { return m->gap / 2 > 2 ? m->gap / 2 : 2; }

static int grid_cols(const metrics *m) { return m->portrait ? OV_KB_ROWS : OV_KB_COLS; }
static int grid_rows(const metrics *m) { return m->portrait ? OV_KB_COLS : OV_KB_ROWS; }

/* The height of a row of keys at most: OV_KB_KEY_MAX_MM (a key need not be
 * bigger; the texts above get the rest). */
static int row_cap(const ov_layout_env *env, const metrics *m)
{
    return MM(env, OV_KB_KEY_MAX_MM) + key_gap(m);
}

/* Slot `slot`'s key in `area` (grid_rows x grid_cols, at the bottom of area). */
static ov_rect slot_rect(const metrics *m, ov_rect area, int col_w, int row_h, int slot)
{
    int gap = key_gap(m);
    int top = area.y + area.h - row_h * grid_rows(m) + gap; /* keys sit at the bottom, near the hands */
    int row = slot / grid_cols(m), col = slot % grid_cols(m);
    return (ov_rect){area.x + col * col_w, top + row * row_h, col_w - gap, row_h - gap};
}

/* One label size for every key of a page: label_px, or smaller so that the
 * widest word (Cancel too) fits in `room` px; never under the theme's minimum. */
static int page_label_px(const ov_layout_env *env, const metrics *m, const ov_keyboard *kb,
                         const ov_kb_key *keys, int n, const char *cancel, int room)
{
    int px = m->label_px;
    for (int i = 0; i <= n; i++) {
        const char *w = i < n ? ov_keyboard_label(kb, &keys[i]) : cancel;
        int width = env->measure(env->measure_ctx, px, 1, w, (int)strlen(w));
        if (width > room && width > 0)
            px = px * room / width;
        while (px > m->min_px && env->measure(env->measure_ctx, px, 1, w, (int)strlen(w)) > room)
            px--; /* rounding: the word fits at this size, so no key shrinks its own */
    }
    return px < m->min_px ? m->min_px : px;
}

/* The keys and Cancel in `area`. Returns the key's smaller side in px. */
static int keyboard_keys(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_keyboard *kb,
                         ov_rect area)
{
    ov_kb_key keys[OV_KB_MAX_KEYS];
    int n = ov_keyboard_keys(kb->page, keys, OV_KB_MAX_KEYS);
    int gap = key_gap(m);
    int col_w = (area.w + gap) / grid_cols(m);
    int row_h = (area.h + gap) / grid_rows(m);
    if (row_h > row_cap(env, m))
        row_h = row_cap(env, m);
    metrics km = *m;
    km.label_px = (row_h - gap) * KEY_LABEL_SHARE / 100;
    if (km.label_px < m->min_px)
        km.label_px = m->min_px;
    if (km.label_px > m->title_px)
        km.label_px = m->title_px;
    const char *cancel = kb->cancel && *kb->cancel ? kb->cancel : "Cancel";
    km.label_px = page_label_px(env, &km, kb, keys, n, cancel, (col_w - gap) * LABEL_ROOM_PCT / 100);
    for (int i = 0; i < n; i++) {
        ov_rect r = slot_rect(m, area, col_w, row_h, keys[i].slot);
        ov_button_style style = keys[i].kind == OV_KB_DONE ? OV_BTN_STYLE_YES : OV_BTN_STYLE_PLAIN;
        ov_layout_button *b = ovl_add_button(l, OV_TARGET_MENU, i, style, r);
        if (b)
            b->label = centred_label(l, env, &km, ov_keyboard_label(kb, &keys[i]), r);
    }
    ov_rect cr = slot_rect(m, area, col_w, row_h, OV_KB_CANCEL_SLOT);
    ov_layout_button *cb = ovl_add_button(l, OV_TARGET_MENU, OV_KB_TARGET_CANCEL, OV_BTN_STYLE_NO, cr);
    if (cb)
        cb->label = centred_label(l, env, &km, cancel, cr);
    return (col_w - gap) < (row_h - gap) ? col_w - gap : row_h - gap;
}

/* The keys' area: fixed by the screen and theme alone (never by the texts), so
 * a key stays where the hand learnt it while the text above grows. The texts
 * (prompt, typed text, a note) take the height the keys leave. */
static ov_rect keys_area(const ov_layout_env *env, const metrics *m0)
{
    ov_rect full = {m0->margin, m0->margin, env->w - 2 * m0->margin, env->h - 2 * m0->margin};
    int header = ov_line_height(m0->title_px) + ov_line_height(m0->body_px) + ov_line_height(m0->small_px) +
                 m0->gap;
    int cap = row_cap(env, m0) * grid_rows(m0);
    int h = full.h - header;
    int least = (MM(env, OV_KB_KEY_MIN_MM) + 1 + key_gap(m0)) * grid_rows(m0); /* 20 mm keys come first */
    if (h < least)
        h = least < full.h ? least : full.h;
    if (h > cap)
        h = cap;
    return (ov_rect){full.x, full.y + full.h - h, full.w, h};
}

/* What one attempt shows above the keys, and the sizes its text may not go under. */
typedef struct {
    const char *prompt;
    ov_text_role prompt_role; /* OV_TEXT_TITLE; BODY or SMALL when a note stands in the prompt's place */
    const char *note;
    const metrics *floor; /* large text: the standard layout's sizes (NULL: none) */
    int exact;            /* 1: the floor's sizes exactly (large text that fits no other way) */
} kb_try;

/* One attempt at `squeeze`; *used gets the sizes it used. */
static int keyboard_once(const ov_layout_env *env, const ov_keyboard *kb, const kb_try *t, ov_layout *l,
                         double *key_mm, int squeeze, metrics *used)
{
    start_layout(l, env, OV_SCREEN_WELCOME);
    l->facilitator = 1;
    metrics m0 = ovl_measure_screen(env, 0, 0);
    metrics m = ovl_measure_screen(env, squeeze, 0);
    if (t->floor) { /* large text is never smaller than standard */
        m.title_px = m.title_px > t->floor->title_px ? m.title_px : t->floor->title_px;
        m.body_px = m.body_px > t->floor->body_px ? m.body_px : t->floor->body_px;
        m.small_px = m.small_px > t->floor->small_px ? m.small_px : t->floor->small_px;
    }
    if (t->floor && t->exact) {
        m.title_px = t->floor->title_px;
        m.body_px = t->floor->body_px;
        m.small_px = t->floor->small_px;
        m.allow_shrink = t->floor->allow_shrink;
    }
    *used = m;
    ov_rect area = keys_area(env, &m0);
    ov_rect full = {m.margin, m.margin, env->w - 2 * m.margin, area.y - m.gap / 2 - m.margin};
    char typed[OV_KB_TEXT_LEN + TYPED_EXTRA_LEN];
    snprintf(typed, sizeof typed, "%s_", kb->text); /* "_" shows where the next letter goes */
    const ov_text_role roles[3] = {t->prompt_role, OV_TEXT_BODY, OV_TEXT_SMALL};
    const char *texts[3] = {t->prompt, ovl_pool_add(l, typed), t->note ? ovl_pool_add(l, t->note) : NULL};
    /* the typed line is not read with the screen: each key says itself */
    ovl_stack_texts(l, env, &m, full, texts, roles, t->note && *t->note ? 3 : 2, OVL_UNSPOKEN(1));
    int side = keyboard_keys(l, env, &m0, kb, area);
    if (key_mm)
        *key_mm = side / env->px_per_mm;
    return l->all_fit ? OV_OK : OV_EINVAL;
}

/* Squeeze until the texts fit: the prompt, the typed text and the note; where
 * three lines do not fit above 20 mm keys (800x480, portrait in large text)
 * the note says itself in the prompt's place, in body text, then small. */
static int keyboard_fit(const ov_layout_env *env, const ov_keyboard *kb, const char *prompt, const char *note,
                        const metrics *floor, ov_layout *out, double *key_mm, metrics *used)
{
    int has_note = note && *note;
    const kb_try tries[3] = {{prompt, OV_TEXT_TITLE, note, floor, 0},
                             {note, OV_TEXT_BODY, NULL, floor, 0},
                             {note, OV_TEXT_SMALL, NULL, floor, 0}};
    int r = OV_EINVAL;
    for (int t = 0; t < (has_note ? 3 : 1) && r != OV_OK; t++)
        for (int squeeze = 0; squeeze <= SQUEEZE_STEPS && r != OV_OK; squeeze++)
            r = keyboard_once(env, kb, &tries[t], out, key_mm, squeeze, used);
    for (int t = 0; t < (has_note ? 3 : 1) && r != OV_OK && floor; t++) { /* the standard's sizes */
        kb_try same = tries[t];
        same.exact = 1;
        r = keyboard_once(env, kb, &same, out, key_mm, 0, used);
    }
    return r;
}

int ov_layout_keyboard(const ov_layout_env *env, const ov_keyboard *kb, const char *prompt, const char *note,
                       ov_layout *out, double *key_mm)
{
    metrics floor, used;
    const metrics *fl = NULL;
    if (env->text_scale > 1.0) { /* first the standard layout: its sizes are the floor */
        ov_layout_env std = *env;
        std.text_scale = 1.0;
        keyboard_fit(&std, kb, prompt, note, NULL, out, NULL, &floor);
        fl = &floor;
    }
    return keyboard_fit(env, kb, prompt, note, fl, out, key_mm, &used);
}

/* ---- a member's priorities ---- */

/* The words are the content's [texts] (ideas_*), in its language. */

/* Height of a big control (Done, That's right, Start): 30 mm, more on a big screen (a TV). */
static int control_h(const ov_layout_env *env, const metrics *m)
{
    int lo = env->w < env->h ? env->w : env->h;
    return m->target_aim > lo / CONTROL_SHORT_DIV ? m->target_aim : lo / CONTROL_SHORT_DIV;
}

/* The hear-again corner of a member screen; returns its rect. */
static ov_rect corner(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_texts *t)
{
    int lo = env->w < env->h ? env->w : env->h;
    int size = m->target_aim > lo / OVL_CORNER_SHORT_DIV ? m->target_aim : lo / OVL_CORNER_SHORT_DIV;
    if (size > env->h / OVL_CORNER_MAX_H_DIV && !m->portrait)
        size = env->h / OVL_CORNER_MAX_H_DIV > m->target_min ? env->h / OVL_CORNER_MAX_H_DIV : m->target_min;
    return ovl_hear_again(l, env, m, NULL, size, size * OVL_CORNER_W_PCT / 100, t->hear_again);
}

/* An idea's button: a tick place on the left (a fifth of the width at most),
 * the idea's words filling the rest, so long ideas keep a large size. */
static void idea_content(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_layout_button *b,
                         const char *text)
{
    int pad = m->margin / 2 + 2;
    ov_rect in = {b->rect.x + pad, b->rect.y + pad, b->rect.w - 2 * pad, b->rect.h - 2 * pad};
    int icon = in.h < in.w / IDEA_TICK_DIV ? in.h : in.w / IDEA_TICK_DIV;
    b->icon = (ov_rect){in.x, in.y + (in.h - icon) / 2, icon, icon};
    ov_rect box = {in.x + icon + pad, in.y, in.w - icon - pad, in.h};
    b->label = ovl_add_text(l, env, m, text, OV_TEXT_LABEL, box, 1);
}

static void idea_buttons(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_ideas_flow *f,
                         const ov_ideas_view *v, ov_rect area)
{
    int cols = m->portrait || f->n_ideas <= 2 ? 1 : 2;
    int rows = (f->n_ideas + cols - 1) / cols;
    if (rows < 1)
        return;
    int w = (area.w - (cols - 1) * m->gap) / cols, h = (area.h - (rows - 1) * m->gap) / rows;
    int cap = control_h(env, m) * IDEA_MAX_H_PCT / 100;
    if (h > cap)
        h = cap;
    for (int i = 0; i < f->n_ideas; i++) {
        ov_rect r = {area.x + (i % cols) * (w + m->gap), area.y + (i / cols) * (h + m->gap), w, h};
        ov_layout_button *b = ovl_add_button(l, OV_TARGET_ANSWER, i, OV_BTN_STYLE_PLAIN, r);
        if (!b)
            continue;
        b->chosen = f->chosen[i];
        b->focused = f->focus == i;
        /* chosen: a tick as well as the ring, never colour alone; a plain square otherwise */
        if (f->chosen[i])
            ovl_control_path(env, "control-thats-right.svg", b->icon_path, sizeof b->icon_path);
        else
            b->shape = OV_SHAPE_SQUARE;
        idea_content(l, env, m, b, v->ideas[i]);
    }
}

/* A big control button (Done, That's right, Go back). */
static void control_button(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_target_kind kind,
                           ov_button_style style, const char *icon, const char *label, ov_rect r, int focused)
{
    ov_layout_button *b = ovl_add_button(l, kind, 0, style, r);
    if (!b)
        return;
    b->focused = focused;
    ovl_control_path(env, icon, b->icon_path, sizeof b->icon_path);
    ovl_button_content(l, env, m, b, label, 1);
}

/* Index of target kind in the flow's target order (for the focus ring). */
static int target_pos(const ov_ideas_flow *f, ov_target_kind kind)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_ideas_flow_targets(f, t, OV_MAX_TARGETS);
    for (int i = 0; i < n; i++)
        if (t[i].kind == kind)
            return i;
    return -1;
}

static void choose_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_ideas_flow *f,
                          const ov_ideas_view *v, ov_rect full, ov_rect hear)
{
    char say[OV_SENTENCE_LEN], note[OV_SENTENCE_LEN] = "";
    const char *how = f->max_choices == 1 ? v->texts->ideas_do_one : v->texts->ideas_do;
    snprintf(say, sizeof say, how, f->max_choices);
    if (f->note == OV_IDEAS_NOTE_FULL)
        snprintf(note, sizeof note, v->texts->ideas_full, f->max_choices);
    else if (f->note == OV_IDEAS_NOTE_NONE_CHOSEN)
        ov_strlcpy(note, v->texts->ideas_none, sizeof note);
    ov_rect col = {full.x, full.y, hear.x - m->gap - full.x, full.h};
    if (m->portrait)
        col = (ov_rect){full.x, hear.y + hear.h + m->gap, full.w, full.h};
    const char *texts[3] = {v->texts->ideas_title, v->question_title, ovl_pool_add(l, say)};
    const ov_text_role roles[3] = {OV_TEXT_TITLE, OV_TEXT_SMALL, OV_TEXT_BODY};
    int y = ovl_stack_texts(l, env, m, col, texts, roles, 3, 0);
    /* a line is kept for the note, so the ideas never move when it appears */
    int note_h = ov_line_height(m->body_px) + m->gap / 2;
    if (note[0]) {
        ov_rect nb = {col.x, y, col.w, note_h};
        ovl_add_text(l, env, m, ovl_pool_add(l, note), OV_TEXT_BODY, nb, 1);
    }
    y += note_h;
    int done_h = control_h(env, m);
    ov_rect area, done;
    if (m->portrait) {
        done = (ov_rect){full.x, full.y + full.h - done_h, full.w, done_h};
        area = (ov_rect){full.x, y, full.w, done.y - m->gap - y};
    } else { /* Done on the right, under hear-again, near the hand */
        int right_w = hear.w;
        done = (ov_rect){full.x + full.w - right_w, full.y + full.h - done_h * 2, right_w, done_h * 2};
        area = (ov_rect){full.x, y, full.w - right_w - m->gap, full.y + full.h - y};
    }
    idea_buttons(l, env, m, f, v, area);
    int focused = f->focus >= 0 && f->focus == target_pos(f, OV_TARGET_YES);
    const char *word = v->texts->ideas_done;
    control_button(l, env, m, OV_TARGET_YES, OV_BTN_STYLE_YES, "control-thats-right.svg", word, done,
                   focused);
}

/* "You chose: A. B." into out. */
static void chosen_list(const ov_ideas_flow *f, const ov_ideas_view *v, char *out, size_t outlen)
{
    snprintf(out, outlen, "%s", v->texts->ideas_review_chose);
    for (int i = 0; i < f->n_ideas; i++)
        if (f->chosen[i]) {
            size_t used = strlen(out);
            const char *t = v->ideas[i];
            size_t tl = strlen(t);
            snprintf(out + used, outlen - used, " %s%s", t, tl && t[tl - 1] == '.' ? "" : ".");
        }
}

static void review_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_ideas_flow *f,
                          const ov_ideas_view *v, ov_rect full, ov_rect hear)
{
    char list[OV_IDEAS_MAX * OV_IDEA_LEN + REVIEW_LIST_EXTRA_LEN];
    chosen_list(f, v, list, sizeof list);
    int ch = control_h(env, m);
    ov_rect col = {full.x, full.y, hear.x - m->gap - full.x, full.h - ch - m->gap};
    if (m->portrait)
        col = (ov_rect){full.x, hear.y + hear.h + m->gap, full.w, full.h - hear.h - ch - 2 * m->gap};
    /* through the room speaker the member's own choice is never spoken */
    const char *texts[3] = {v->texts->ideas_review_title, ovl_pool_add(l, list),
                            env->private_audio ? NULL : v->texts->ideas_review_look};
    const ov_text_role roles[3] = {OV_TEXT_TITLE, OV_TEXT_BODY, OV_TEXT_SMALL};
    ovl_stack_texts(l, env, m, col, texts, roles, 3, env->private_audio ? 0 : OVL_UNSPOKEN(1));
    int w = (full.w - m->gap) / 2, h = ch;
    ov_rect yes = {full.x + w + m->gap, full.y + full.h - h, w, h}, no = {full.x, full.y + full.h - h, w, h};
    control_button(l, env, m, OV_TARGET_NO, OV_BTN_STYLE_NO, "control-go-back.svg", v->texts->go_back, no,
                   f->focus >= 0 && f->focus == target_pos(f, OV_TARGET_NO));
    control_button(l, env, m, OV_TARGET_YES, OV_BTN_STYLE_YES, "control-thats-right.svg",
                   v->texts->thats_right, yes, f->focus >= 0 && f->focus == target_pos(f, OV_TARGET_YES));
}

/* Thank you, or not saved: a picture and a message (not saved: a Try again button). */
static void end_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_ideas_flow *f,
                       const ov_ideas_view *v, ov_rect full)
{
    int saved = f->screen == OV_IDEAS_THANKS;
    int pic = full.h / 2 < full.w / END_PICTURE_W_DIV ? full.h / 2 : full.w / END_PICTURE_W_DIV;
    l->picture = (ov_rect){full.x, full.y, pic, pic};
    ovl_control_path(env, saved ? "control-thanks.svg" : "control-warning.svg", l->picture_path,
                     sizeof l->picture_path);
    int ch = control_h(env, m);
    ov_rect col = {full.x + pic + m->gap, full.y, full.w - pic - m->gap, full.h - ch - m->gap};
    if (m->portrait) {
        l->picture.x = full.x + (full.w - pic) / 2;
        col = (ov_rect){full.x, full.y + pic + m->gap, full.w, full.h - pic - ch - 2 * m->gap};
    }
    const char *texts[2] = {saved ? v->texts->thanks_title : v->texts->not_saved,
                            saved ? v->texts->ideas_thanks : NULL};
    const ov_text_role roles[2] = {OV_TEXT_TITLE, OV_TEXT_BODY};
    ovl_stack_texts(l, env, m, col, texts, roles, 2, 0);
    if (!saved) {
        ov_rect r = {full.x, full.y + full.h - ch, full.w, ch};
        control_button(l, env, m, OV_TARGET_YES, OV_BTN_STYLE_YES, "control-go-back.svg",
                       v->texts->try_again[0] ? v->texts->try_again : "Try again", r, 0);
    }
}

static int member_once(const ov_layout_env *env, const ov_ideas_flow *f, const ov_ideas_view *v, ov_layout *l,
                       int squeeze)
{
    start_layout(l, env, f->screen == OV_IDEAS_THANKS ? OV_SCREEN_THANKS : OV_SCREEN_QUESTION);
    metrics m = ovl_measure_screen(env, squeeze, 0);
    ov_rect full = {m.margin, m.margin, env->w - 2 * m.margin, env->h - 2 * m.margin};
    if (f->screen == OV_IDEAS_THANKS || f->screen == OV_IDEAS_NOT_SAVED) {
        end_screen(l, env, &m, f, v, full);
        return l->all_fit ? OV_OK : OV_EINVAL;
    }
    ov_rect hear = corner(l, env, &m, v->texts);
    if (f->screen == OV_IDEAS_CHOOSE)
        choose_screen(l, env, &m, f, v, full, hear);
    else
        review_screen(l, env, &m, f, v, full, hear);
    int hear_pos = target_pos(f, OV_TARGET_HEAR_AGAIN);
    for (int i = 0; i < l->n_buttons; i++)
        if (l->buttons[i].target.kind == OV_TARGET_HEAR_AGAIN)
            l->buttons[i].focused = f->focus >= 0 && f->focus == hear_pos;
    return l->all_fit ? OV_OK : OV_EINVAL;
}

int ov_layout_ideas_member(const ov_layout_env *env, const ov_ideas_flow *f, const ov_ideas_view *v,
                           ov_layout *out)
{
    int r = OV_EINVAL;
    for (int squeeze = 0; squeeze <= SQUEEZE_STEPS && r != OV_OK; squeeze++)
        r = member_once(env, f, v, out, squeeze);
    return r;
}

/* ---- "you said, we did" on the welcome screen ---- */

static int you_said_once(const ov_layout_env *env, const ov_flow *f, const char *title,
                         const char *const *lines, int n_lines, ov_layout *l, int squeeze)
{
    start_layout(l, env, OV_SCREEN_WELCOME);
    metrics m = ovl_measure_screen(env, squeeze, 0);
    const ov_content *c = f->content;
    ov_rect full = {m.margin, m.margin, env->w - 2 * m.margin, env->h - 2 * m.margin};
    ov_rect hear = corner(l, env, &m, &c->texts);
    int start_h = control_h(env, &m);
    ov_rect col = {full.x, full.y, hear.x - m.gap - full.x, full.h - start_h - m.gap};
    if (m.portrait)
        col = (ov_rect){full.x, hear.y + hear.h + m.gap, full.w, full.h - hear.h - start_h - 2 * m.gap};
    else { /* a picture beside the text, on the left */
        int pic = col.h / 2 < col.w / YOU_SAID_PICTURE_W_DIV ? col.h / 2 : col.w / YOU_SAID_PICTURE_W_DIV;
        l->picture = (ov_rect){col.x, col.y, pic, pic};
        ovl_control_path(env, "control-results.svg", l->picture_path, sizeof l->picture_path);
        col.x += pic + m.gap;
        col.w -= pic + m.gap;
    }
    enum { MAX_LINES = 8 };
    const char *texts[MAX_LINES + 1] = {title};
    ov_text_role roles[MAX_LINES + 1] = {OV_TEXT_TITLE};
    int n = 1;
    for (int i = 0; i < n_lines && n < MAX_LINES + 1; i++) {
        texts[n] = lines[i];
        roles[n++] = OV_TEXT_BODY;
    }
    ovl_stack_texts(l, env, &m, col, texts, roles, n, 0);
    int sound_w = ovl_sound_width(&m, hear.w, full.w); /* "Sound" beside Start, as on the plain welcome */
    ov_rect sr = {full.x, full.y + full.h - start_h, full.w - sound_w - m.gap, start_h};
    ov_layout_button *sb = ovl_add_button(l, OV_TARGET_SOUND, 0, OV_BTN_STYLE_PLAIN,
                                          (ov_rect){sr.x + sr.w + m.gap, sr.y, sound_w, start_h});
    if (sb) {
        metrics small = m;
        small.label_px = m.small_px;
        ovl_control_path(env, "control-hear-again.svg", sb->icon_path, sizeof sb->icon_path);
        ovl_button_content(l, env, &small, sb, c->texts.sound, 1);
    }
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_START, 0, OV_BTN_STYLE_YES, sr);
    if (b) {
        metrics big = m; /* the start word as big as a title, as on the plain welcome */
        big.label_px = m.title_px;
        ovl_control_path(env, "control-start.svg", b->icon_path, sizeof b->icon_path);
        ovl_button_content(l, env, &big, b, c->texts.start[0] ? c->texts.start : "Start", 1);
    }
    return l->all_fit ? OV_OK : OV_EINVAL;
}

int ov_layout_you_said(const ov_layout_env *env, const ov_flow *f, const char *title,
                       const char *const *lines, int n_lines, ov_layout *out)
{
    int r = OV_EINVAL;
    for (int squeeze = 0; squeeze <= SQUEEZE_STEPS && r != OV_OK; squeeze++)
        r = you_said_once(env, f, title, lines, n_lines, out, squeeze);
    return r;
}
