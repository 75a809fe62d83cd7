/* layout.c — screen layouts in physical units for every size and orientation. */
#include "ui/layout.h"
#include "ui/layout_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double ov_px_per_mm(int w, int h, double diagonal_inch)
{
    int lo = w < h ? w : h, hi = w < h ? h : w;
    if (diagonal_inch <= 0) {
        if ((hi == 800 && lo == 480) || (hi == 1280 && lo == 720) || (hi == 1024 && lo == 600))
            diagonal_inch = 7.0;
        else if (hi > 1280)
            diagonal_inch = 40.0; /* a TV in a meeting room */
        else
            diagonal_inch = 10.1;
    }
    double diag_px = sqrt((double)w * w + (double)h * h);
    return diag_px / (diagonal_inch * 25.4);
}

/* `squeeze` 0 is the comfortable layout; each step makes text 6% smaller and
 * targets 1.5 mm shorter (never under 20 mm, never text under 3.6 mm). */
metrics ovl_measure_screen(const ov_layout_env *env, int squeeze)
{
    metrics m;
    int lo = env->w < env->h ? env->w : env->h;
    m.portrait = env->h > env->w;
    m.squeeze = squeeze;
    m.margin = MM(env, 3) > lo / 40 ? MM(env, 3) : lo / 40;
    m.gap = m.margin;
    double scale = env->text_scale > 0 ? env->text_scale : 1.0;
    int body = MM(env, 5.0);
    if (body < lo * 55 / 1000)
        body = lo * 55 / 1000;
    m.body_px = (int)lround(body * scale * (1.0 - 0.06 * squeeze));
    if (m.body_px < MM(env, 3.6))
        m.body_px = MM(env, 3.6);
    m.title_px = m.body_px * 5 / 4;
    m.label_px = m.body_px * 9 / 10;
    m.small_px = m.body_px * 3 / 4;
    m.min_px = (int)ceil(3.6 * env->px_per_mm); /* nothing a member reads is smaller */
    if (m.small_px < m.min_px)
        m.small_px = m.min_px;
    if (m.label_px < m.min_px)
        m.label_px = m.min_px;
    m.target_min = MM(env, 20);
    m.target_aim = MM(env, 30 - 1.5 * squeeze);
    if (m.target_aim < MM(env, 21))
        m.target_aim = MM(env, 21);
    return m;
}

const char *ovl_pool_add(ov_layout *l, const char *s)
{
    size_t n = strlen(s) + 1;
    if (l->pool_used + n > sizeof l->pool)
        return "";
    char *p = l->pool + l->pool_used;
    memcpy(p, s, n);
    l->pool_used += (int)n;
    return p;
}

static int chars_of(const char *s)
{
    int n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* Add a text in reading order; spoken texts are appended to l->speech. */
int ovl_add_text(ov_layout *l, const ov_layout_env *env, const metrics *m, const char *text,
                 ov_text_role role, ov_rect box, int spoken)
{
    if (l->n_texts >= OV_LAYOUT_MAX_TEXTS || !text || !*text)
        return -1;
    ov_layout_text *t = &l->texts[l->n_texts];
    int px = role == OV_TEXT_TITLE   ? m->title_px
             : role == OV_TEXT_LABEL ? m->label_px
             : role == OV_TEXT_SMALL ? m->small_px
                                     : m->body_px;
    int bold = role == OV_TEXT_TITLE || role == OV_TEXT_LABEL;
    if (ov_wrap_text_fit(text, px, m->min_px, bold, box, env->measure, env->measure_ctx, &t->block) != OV_OK)
        l->all_fit = 0;
    t->role = role;
    t->spoken = spoken;
    t->speech_offset = -1;
    if (spoken) {
        size_t used = strlen(l->speech);
        const char *sep = used ? " " : "";
        if (used + strlen(sep) + strlen(text) + 2 < sizeof l->speech) {
            t->speech_offset = chars_of(l->speech) + (used ? 1 : 0);
            strcat(l->speech, sep);
            strcat(l->speech, text);
            /* Make sure the speech pauses between texts (a label has no full stop). */
            size_t e = strlen(l->speech);
            char last = l->speech[e - 1];
            if (last != '.' && last != '?' && last != '!' && last != ':')
                strcat(l->speech, ".");
        }
    }
    return l->n_texts++;
}

/* Vertical stack of texts in a column; returns the y below the last. */
int ovl_stack_texts(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_rect col,
                    const char *const *texts, const ov_text_role *roles, int n, unsigned unspoken_mask)
{
    int y = col.y;
    for (int i = 0; i < n; i++) {
        if (!texts[i] || !*texts[i])
            continue;
        ov_rect box = { col.x, y, col.w, col.y + col.h - y };
        if (box.h <= 0) {
            l->all_fit = 0;
            break;
        }
        int idx = ovl_add_text(l, env, m, texts[i], roles[i], box, !(unspoken_mask & OVL_UNSPOKEN(i)));
        if (idx < 0)
            continue;
        ov_text_block *b = &l->texts[idx].block;
        y += b->used.h + (roles[i] == OV_TEXT_TITLE ? m->gap : m->gap / 2);
    }
    return y;
}

static void set_picture(ov_layout *l, const ov_content *c, const char *rel, ov_rect r)
{
    l->picture = r;
    if (rel && *rel)
        ov_content_path(c, rel, l->picture_path, sizeof l->picture_path);
}

void ovl_control_path(const ov_layout_env *env, const char *name, char *out, size_t outlen)
{
    if (env->pictures_dir && *env->pictures_dir)
        snprintf(out, outlen, "%s/%s", env->pictures_dir, name);
    else
        out[0] = '\0';
}

ov_layout_button *ovl_add_button(ov_layout *l, ov_target_kind kind, int index, ov_button_style style,
                                 ov_rect r)
{
    if (l->n_buttons >= OV_LAYOUT_MAX_BUTTONS)
        return NULL;
    ov_layout_button *b = &l->buttons[l->n_buttons++];
    memset(b, 0, sizeof *b);
    b->target = (ov_target){ kind, index };
    b->style = style;
    b->rect = r;
    b->label = -1;
    return b;
}

/* A button with a picture on top and a label under it (or beside, when wide and short). */
void ovl_button_content(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_layout_button *b,
                        const char *label, int spoken)
{
    int pad = m->margin / 2 + 2;
    ov_rect in = { b->rect.x + pad, b->rect.y + pad, b->rect.w - 2 * pad, b->rect.h - 2 * pad };
    int label_h = ov_line_height(m->label_px) * 2;
    if (b->rect.w > b->rect.h * 2) { /* wide: icon left, label right */
        int icon = in.h;
        b->icon = (ov_rect){ in.x, in.y, icon, icon };
        ov_rect box = { in.x + icon + pad, in.y, in.w - icon - pad, in.h };
        int one = ov_line_height(m->label_px);
        if (box.h > one)
            box.y += (box.h - one) / 2, box.h -= (box.h - one) / 2;
        b->label = ovl_add_text(l, env, m, label, OV_TEXT_LABEL, box, spoken);
        return;
    }
    if (label_h > in.h * 55 / 100)
        label_h = in.h * 55 / 100;
    int icon = in.h - label_h - pad / 2;
    if (icon > in.w)
        icon = in.w;
    if (icon < 0)
        icon = 0;
    b->icon = (ov_rect){ in.x + (in.w - icon) / 2, in.y, icon, icon };
    ov_rect box = { in.x, in.y + icon + pad / 2, in.w, in.h - icon - pad / 2 };
    b->label = ovl_add_text(l, env, m, label, OV_TEXT_LABEL, box, spoken);
    /* centre the label lines under the icon */
    if (b->label >= 0) {
        ov_text_block *tb = &l->texts[b->label].block;
        for (int line = 0; line < tb->n_lines; line++) {
            int lw = 0, first = -1;
            for (int w = 0; w < tb->n_words; w++)
                if (tb->words[w].line == line) {
                    if (first < 0)
                        first = w;
                    lw = tb->words[w].rect.x + tb->words[w].rect.w - tb->words[first].rect.x;
                }
            int shift = (box.w - lw) / 2;
            for (int w = 0; w < tb->n_words; w++)
                if (tb->words[w].line == line)
                    tb->words[w].rect.x += shift;
        }
        tb->used.x = box.x;
        tb->used.w = box.w;
    }
}

/* The "hear it again" control in the corner. */
ov_rect ovl_hear_again(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_content *c,
                       int size, int w, const char *label)
{
    ov_rect r = { env->w - m->margin - w, m->margin, w, size };
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_HEAR_AGAIN, 0, OV_BTN_STYLE_PLAIN, r);
    if (b) {
        ovl_control_path(env, "control-hear-again.svg", b->icon_path, sizeof b->icon_path);
        metrics small = *m;
        small.label_px = m->small_px;
        ovl_button_content(l, env, &small, b, label ? label : c->texts.hear_again, 0);
    }
    return r;
}

/* Answer buttons in a row (landscape) or grid (portrait) inside `area`. */
static void answer_buttons(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                           ov_rect area)
{
    const ov_answer *a[OV_MAX_ANSWERS];
    int n_ans = ov_question_answers(f->content, f->question, a);
    if (n_ans <= 0)
        return;
    int n = n_ans + ovl_more_cell(f, m); /* issue 14: portrait "Tell me more" takes a cell of the grid */
    int cols = n, rows = 1;
    if (m->portrait) {
        cols = n <= 2 ? n : n == 4 ? 2 : 3;
        rows = (n + cols - 1) / cols;
    }
    int bw = (area.w - (cols - 1) * m->gap) / cols;
    int bh = (area.h - (rows - 1) * m->gap) / rows;
    for (int i = 0; i < n; i++) {
        int row = i / cols, col = i % cols;
        int in_row = (row == rows - 1) ? n - row * cols : cols;
        int x0 = area.x + (area.w - (in_row * bw + (in_row - 1) * m->gap)) / 2;
        ov_rect r = { x0 + col * (bw + m->gap), area.y + row * (bh + m->gap), bw, bh };
        if (i >= n_ans) {
            ovl_more_in_cell(l, env, m, f, r);
            break;
        }
        ov_layout_button *b = ovl_add_button(l, OV_TARGET_ANSWER, i, OV_BTN_STYLE_ANSWER, r);
        if (!b)
            break;
        b->colour = a[i]->colour;
        b->shape = a[i]->shape;
        b->chosen = f->screen == OV_SCREEN_CONFIRM && f->chosen == i;
        if (a[i]->picture[0])
            ov_content_path(f->content, a[i]->picture, b->icon_path, sizeof b->icon_path);
        ovl_button_content(l, env, m, b, a[i]->word, 1);
    }
}

/* Picture beside text (landscape) or above it (portrait) in `area`. Returns the text column. */
static ov_rect picture_and_column_share(ov_layout *l, const ov_layout_env *env, const metrics *m,
                                        const ov_content *c, const char *picture_rel, const char *control_pic,
                                        ov_rect area, int share)
{
    ov_rect pic, col;
    if (!m->portrait) {
        int side = area.h;
        if (side > area.w * (share - 2 * m->squeeze) / 100)
            side = area.w * (share - 2 * m->squeeze) / 100;
        pic = (ov_rect){ area.x, area.y, side, side };
        col = (ov_rect){ area.x + side + m->gap, area.y, area.w - side - m->gap, area.h };
    } else {
        int side = area.h * (40 - 4 * m->squeeze) / 100;
        if (side > area.w * 3 / 5)
            side = area.w * 3 / 5;
        pic = (ov_rect){ area.x + (area.w - side) / 2, area.y, side, side };
        col = (ov_rect){ area.x, area.y + side + m->gap, area.w, area.h - side - m->gap };
    }
    if (picture_rel && *picture_rel)
        set_picture(l, c, picture_rel, pic);
    else if (control_pic) {
        l->picture = pic;
        ovl_control_path(env, control_pic, l->picture_path, sizeof l->picture_path);
    }
    return col;
}

static ov_rect picture_and_column(ov_layout *l, const ov_layout_env *env, const metrics *m,
                                  const ov_content *c, const char *picture_rel, const char *control_pic,
                                  ov_rect area)
{
    return picture_and_column_share(l, env, m, c, picture_rel, control_pic, area, 30);
}

static int pick_target_height(const metrics *m, int avail, int share_num, int share_den)
{
    int h = avail * share_num / share_den;
    if (h < m->target_aim)
        h = m->target_aim;
    if (h > avail * 45 / 100)
        h = avail * 45 / 100;
    return h;
}

static int layout_once(const ov_layout_env *env, const ov_flow *f, const char *warning, ov_layout *l,
                       int squeeze);

int ov_layout_screen(const ov_layout_env *env, const ov_flow *f, const char *warning, ov_layout *l)
{
    /* Try the comfortable layout first; squeeze step by step only when text does not fit. */
    int r = OV_EINVAL;
    for (int squeeze = 0; squeeze <= 6 && r != OV_OK; squeeze++)
        r = layout_once(env, f, warning, l, squeeze);
    return r;
}

static int layout_once(const ov_layout_env *env, const ov_flow *f, const char *warning, ov_layout *l,
                       int squeeze)
{
    memset(l, 0, sizeof *l);
    l->screen = (ov_rect){ 0, 0, env->w, env->h };
    l->px_per_mm = env->px_per_mm;
    l->kind = f->screen;
    l->all_fit = 1;
    metrics m = ovl_measure_screen(env, squeeze);
    const ov_content *c = f->content;
    int lo = env->w < env->h ? env->w : env->h;
    int corner = m.target_aim > lo / 5 ? m.target_aim : lo / 5; /* hear-again: 30 mm, more on big screens */
    if (corner > env->h / 4 && !m.portrait)
        corner = env->h / 4 > m.target_min ? env->h / 4 : m.target_min;
    if (corner > env->w / 5)
        corner = env->w / 5 > m.target_min ? env->w / 5 : m.target_min;

    /* Reading order: heading texts first, then answers, then controls. */
    ov_rect full = { m.margin, m.margin, env->w - 2 * m.margin, env->h - 2 * m.margin };
    ov_rect top = full; /* region above the targets */
    /* a little wider than tall, so "Hear it again" has room; portrait has a whole top bar */
    int corner_w = m.portrait ? env->w * 2 / 5 : corner * 13 / 10;
    top.w -= corner_w + m.gap;
    if (m.portrait) {
        top = full;
        top.y += corner + m.gap;
        top.h -= corner + m.gap;
    }

    switch (f->screen) {
    case OV_SCREEN_WELCOME: {
        int banner_h = 0;
        if (warning && *warning) { /* as many lines as the message needs, at most a third of the screen */
            ov_text_block trial;
            ov_rect tb = { 0, 0, full.w - m.margin, env->h };
            ov_wrap_text(warning, m.small_px, 0, tb, env->measure, env->measure_ctx, &trial);
            banner_h = trial.n_lines * ov_line_height(m.small_px) + m.margin;
            if (banner_h > full.h / 3)
                banner_h = full.h / 3;
        }
        ov_rect area = top;
        area.h -= banner_h ? banner_h + m.gap : 0;
        int start_h = pick_target_height(&m, area.h, 1, 3);
        ov_rect upper = { area.x, area.y, area.w, area.h - start_h - m.gap };
        ov_rect col = picture_and_column(l, env, &m, c, NULL, "principle-networks.svg", upper);
        const char *texts[] = { c->texts.welcome_title, c->texts.welcome };
        const ov_text_role roles[] = { OV_TEXT_TITLE, OV_TEXT_BODY };
        ovl_stack_texts(l, env, &m, col, texts, roles, 2, 0);
        ov_rect sr = { full.x, area.y + area.h - start_h, full.w, start_h };
        ov_layout_button *b = ovl_add_button(l, OV_TARGET_START, 0, OV_BTN_STYLE_YES, sr);
        if (b) { /* the big start button: its word as big as a title */
            metrics big = m;
            big.label_px = m.title_px;
            ovl_control_path(env, "control-start.svg", b->icon_path, sizeof b->icon_path);
            ovl_button_content(l, env, &big, b, c->texts.start[0] ? c->texts.start : "Start", 0);
        }
        if (banner_h) {
            l->banner = (ov_rect){ full.x, full.y + full.h - banner_h, full.w, banner_h };
            ov_rect tb = { l->banner.x + m.margin / 2, l->banner.y + m.margin / 2, l->banner.w - m.margin,
                           l->banner.h - m.margin };
            metrics sm = m;
            ovl_add_text(l, env, &sm, ovl_pool_add(l, warning), OV_TEXT_SMALL, tb, 0);
        }
        break;
    }
    case OV_SCREEN_QUESTION: {
        const ov_question *q = &c->questions[f->question];
        int rows = 1;
        if (m.portrait) {
            const ov_answer *a[OV_MAX_ANSWERS];
            int n = ov_question_answers(c, f->question, a) + ovl_more_cell(f, &m); /* issue 14 */
            int cols = n <= 2 ? n : n == 4 ? 2 : 3;
            rows = (n + cols - 1) / cols;
        }
        int row_h = m.portrait ? pick_target_height(&m, top.h, 1, 4) : pick_target_height(&m, full.h, 3, 10);
        int targets_h = rows * row_h + (rows - 1) * m.gap;
        if (m.portrait && targets_h > top.h / 2) {
            targets_h = top.h / 2;
        }
        ov_rect upper = m.portrait ? (ov_rect){ top.x, top.y, top.w, top.h - targets_h - m.gap }
                                   : (ov_rect){ top.x, top.y, top.w, full.h - targets_h - m.gap };
        upper = ovl_more_button(l, env, &m, f, upper, corner, corner_w); /* issue 14 "Tell me more" */
        ov_rect col = picture_and_column(l, env, &m, c, q->picture, NULL, upper);
        /* progress: dots and words, at the top of the text column (portrait: in the top bar) */
        int dots_h = ov_line_height(m.small_px);
        char prog[64];
        int num, total;
        ov_flow_progress(f, &num, &total);
        snprintf(prog, sizeof prog, c->texts.progress[0] ? c->texts.progress : "%d of %d", num, total);
        ov_rect pr = m.portrait ? (ov_rect){ full.x, full.y, full.w - corner_w - m.gap, dots_h }
                                : (ov_rect){ col.x, col.y, col.w, dots_h };
        if (f->mode == OV_MODE_DROP_IN && total > 1) {
            int dot = dots_h * 6 / 10;
            l->progress_dots =
                (ov_rect){ pr.x, pr.y + (dots_h - dot) / 2, total * dot + (total - 1) * dot / 2, dot };
            l->progress_now = num;
            l->progress_total = total;
            ov_rect words = { pr.x + l->progress_dots.w + m.gap, pr.y, pr.w - l->progress_dots.w - m.gap,
                              dots_h };
            int need = env->measure(env->measure_ctx, m.small_px, 0, prog, (int)strlen(prog));
            if (m.portrait && need > words.w)
                words = (ov_rect){ pr.x, pr.y + dots_h + m.gap / 2, pr.w, dots_h };
            ovl_add_text(l, env, &m, ovl_pool_add(l, prog), OV_TEXT_SMALL, words, 0);
            if (!m.portrait) {
                col.y += dots_h + m.gap / 2;
                col.h -= dots_h + m.gap / 2;
            }
        }
        const char *texts[1 + OV_MAX_SENTENCES] = { q->title };
        ov_text_role roles[1 + OV_MAX_SENTENCES] = { OV_TEXT_TITLE };
        for (int i = 0; i < q->n_sentences; i++) {
            texts[1 + i] = q->sentences[i];
            roles[1 + i] = OV_TEXT_BODY;
        }
        ovl_stack_texts(l, env, &m, col, texts, roles, 1 + q->n_sentences, 0);
        ov_rect area = { full.x, full.y + full.h - targets_h, full.w, targets_h };
        answer_buttons(l, env, &m, f, area);
        break;
    }
    case OV_SCREEN_CONFIRM: {
        const ov_answer *a[OV_MAX_ANSWERS];
        int n = ov_question_answers(c, f->question, a);
        const ov_answer *ch = (f->chosen >= 0 && f->chosen < n) ? a[f->chosen] : NULL;
        int row_h = m.portrait ? pick_target_height(&m, top.h, 1, 4) : pick_target_height(&m, full.h, 3, 10);
        ov_rect upper = m.portrait ? (ov_rect){ top.x, top.y, top.w, top.h - row_h - m.gap }
                                   : (ov_rect){ top.x, top.y, top.w, full.h - row_h - m.gap };
        ov_rect col = picture_and_column(l, env, &m, c, ch ? ch->picture : NULL, NULL, upper);
        const char *texts[] = { c->texts.confirm, ch ? ch->word : "", ch ? ch->say : "" };
        const ov_text_role roles[] = { OV_TEXT_BODY, OV_TEXT_TITLE, OV_TEXT_BODY };
        /* through the room speaker the choice is shown, never spoken */
        ovl_stack_texts(l, env, &m, col, texts, roles, 3,
                        env->private_audio ? 0 : OVL_UNSPOKEN(1) | OVL_UNSPOKEN(2));
        ov_rect area = { full.x, full.y + full.h - row_h, full.w, row_h };
        int bw = (area.w - m.gap) / 2;
        ov_layout_button *yes =
            ovl_add_button(l, OV_TARGET_YES, 0, OV_BTN_STYLE_YES, (ov_rect){ area.x, area.y, bw, area.h });
        if (yes) {
            ovl_control_path(env, "control-thats-right.svg", yes->icon_path, sizeof yes->icon_path);
            ovl_button_content(l, env, &m, yes, c->texts.thats_right, 1);
        }
        ov_layout_button *no = ovl_add_button(l, OV_TARGET_NO, 0, OV_BTN_STYLE_NO,
                                              (ov_rect){ area.x + bw + m.gap, area.y, bw, area.h });
        if (no) {
            ovl_control_path(env, "control-go-back.svg", no->icon_path, sizeof no->icon_path);
            ovl_button_content(l, env, &m, no, c->texts.go_back, 1);
        }
        break;
    }
    case OV_SCREEN_SAVING:
    case OV_SCREEN_THANKS: {
        ov_rect col = picture_and_column_share(l, env, &m, c, NULL, "control-secret.svg", top, 40);
        const char *texts[] = { c->texts.thanks_title, c->texts.thanks };
        const ov_text_role roles[] = { OV_TEXT_TITLE, OV_TEXT_BODY };
        ovl_stack_texts(l, env, &m, col, texts, roles, 2, 0);
        break;
    }
    case OV_SCREEN_NOT_SAVED: {
        int row_h = pick_target_height(&m, top.h, 1, 3);
        ov_rect upper = { top.x, top.y, top.w, top.h - row_h - m.gap };
        ov_rect col = picture_and_column(l, env, &m, c, NULL, "control-warning.svg", upper);
        const char *texts[] = { c->texts.not_saved };
        const ov_text_role roles[] = { OV_TEXT_BODY };
        ovl_stack_texts(l, env, &m, col, texts, roles, 1, 0);
        ov_layout_button *b = ovl_add_button(l, OV_TARGET_START, 0, OV_BTN_STYLE_YES,
                                             (ov_rect){ full.x, full.y + full.h - row_h, full.w, row_h });
        if (b) {
            ovl_control_path(env, "control-go-back.svg", b->icon_path, sizeof b->icon_path);
            ovl_button_content(l, env, &m, b, c->texts.try_again[0] ? c->texts.try_again : "Try again", 1);
        }
        break;
    }
    default:
        ovl_layout_views(l, env, &m, f, top, full); /* issue 14: layout_more.c */
        break;
    }
    if (f->screen != OV_SCREEN_SAVING)
        ovl_hear_again(l, env, &m, c, corner, corner_w, NULL);

    /* keyboard / scanning highlight */
    ov_target t[OV_MAX_TARGETS];
    int nt = ov_flow_targets(f, t, OV_MAX_TARGETS);
    if (f->focus >= 0 && f->focus < nt)
        for (int i = 0; i < l->n_buttons; i++)
            if (l->buttons[i].target.kind == t[f->focus].kind &&
                l->buttons[i].target.index == t[f->focus].index)
                l->buttons[i].focused = 1;
    return l->all_fit ? OV_OK : OV_EINVAL;
}

ov_target ov_layout_hit(const ov_layout *l, int x, int y)
{
    for (int i = 0; i < l->n_buttons; i++) {
        ov_rect r = l->buttons[i].rect;
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
            return l->buttons[i].target;
    }
    ov_target none = { OV_TARGET_NONE, 0 };
    return none;
}

int ov_layout_word_at(const ov_layout *l, int char_pos, int *text, int *word)
{
    for (int i = 0; i < l->n_texts; i++) {
        const ov_layout_text *t = &l->texts[i];
        if (!t->spoken || t->speech_offset < 0)
            continue;
        for (int w = 0; w < t->block.n_words; w++) {
            int s = t->speech_offset + t->block.words[w].char_start;
            if (char_pos >= s && char_pos < s + t->block.words[w].char_len) {
                *text = i;
                *word = w;
                return 1;
            }
        }
    }
    return 0;
}
