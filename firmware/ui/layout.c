/* layout.c — screen layouts in physical units for every size and orientation. */
#include "ui/layout.h"
#include "ui/layout_parts.h"
#include "ui/layout_review.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Screen sizes: a panel's diagonal when the config does not give one. */
#define OVL_MM_PER_INCH 25.4
#define OVL_PANEL_DIAG_INCH 7.0   /* the kiosk's own panels (kiosk_panels below) */
#define OVL_TV_ABOVE_PX 1280      /* a long side of more pixels than this (not a kiosk panel) is a TV */
#define OVL_TV_DIAG_INCH 40.0     /* a TV in a meeting room */
#define OVL_OTHER_DIAG_INCH 10.1  /* any other screen: a tablet-sized monitor */

/* Sizes every screen shares (ovl_measure_screen), in mm of the panel, as a
 * share of its short side, or as a % of the body text. */
#define OVL_MARGIN_MM 3             /* margin round the screen and gap between parts, at least ... */
#define OVL_MARGIN_SHORT_DIV 40     /* ... and at least 1/40 of the short side (big screens) */
#define OVL_BODY_MM 5.0             /* body text's size, comfortable */
#define OVL_BODY_SHORT_PERMILLE 55  /* body text is at least this many thousandths of the short side */
#define OVL_SQUEEZE_TEXT_STEP 0.06  /* each squeeze step makes text this share (6 %) smaller */
#define OVL_TEXT_MIN_MM 3.6         /* nothing a member reads is smaller */
#define OVL_TITLE_PCT 125           /* a title, % of the body text */
#define OVL_LABEL_PCT 90            /* a button's label, % of the body text */
#define OVL_SMALL_PCT 75            /* small print, % of the body text */
#define OVL_TARGET_MIN_MM 20        /* no target is smaller */
#define OVL_TARGET_AIM_MM 30        /* the comfortable target ... */
#define OVL_SQUEEZE_TARGET_MM 1.5   /* ... each squeeze step aims this much shorter ... */
#define OVL_TARGET_AIM_LEAST_MM 21  /* ... but never aims under this */

/* Shares inside buttons and screens (% of a size, or 1/N of it). */
#define OVL_ICON_BESIDE_PCT 40          /* a wide button's icon beside its words: at most this % of width */
#define OVL_LABEL_MAX_SHARE_PCT 65      /* a button's label under its icon: at most this % of its height */
#define OVL_COLUMN_GAP_MM 0.5           /* between answers in one column (plus a pixel) */
#define OVL_PICTURE_SHARE_PCT 30        /* landscape: a screen's picture takes this % of the width */
#define OVL_THANKS_PICTURE_PCT 40       /* ... the thank-you screen's picture, bigger */
#define OVL_SQUEEZE_PICTURE_PCT 2       /* ... each squeeze step takes this % of the width from it */
#define OVL_PORTRAIT_PICTURE_PCT 40     /* portrait: the picture takes this % of the height above the texts */
#define OVL_SQUEEZE_PORTRAIT_PICTURE_PCT 4 /* ... each squeeze step takes this % of the height from it */
#define OVL_PORTRAIT_PICTURE_MAX_W_PCT 60  /* ... and it is at most this % of the width */
#define OVL_ANSWER_ROW_PCT 30           /* a row of answers aims at this % of the height ... */
#define OVL_ANSWER_ROW_MAX_PCT 55       /* ... and takes at most this %, even for large text */
#define OVL_ONE_ROW_DIV 3               /* a screen's one big button (Start, Try again): 1/3 of the height */
#define OVL_CONFIRM_ROW_PORTRAIT_DIV 4  /* portrait: That's right / Go back take 1/4 of the height */
#define OVL_BANNER_MAX_DIV 3            /* the welcome's warning strip takes at most 1/3 of the height */
#define OVL_PROGRESS_NUMBERS_LEN 16     /* room the two numbers add to "Question %d of %d" */
#define OVL_DOT_MIN_MM 2                /* a progress dot smaller than this ... */
#define OVL_DOT_MIN_DIV 4               /* ... or than 1/4 of its line: words only */
#define OVL_CORNER_MAX_W_DIV 5          /* the hear-again corner is at most 1/5 of the width */
#define OVL_PORTRAIT_BAR_W_PCT 40       /* portrait: the hear-again bar takes this % of the width */

/* The kiosk's own panels (long side, short side, pixels): 7 inches across. */
static const struct {
    int hi, lo;
} kiosk_panels[] = { { 800, 480 }, { 1280, 720 }, { 1024, 600 } };

static int is_kiosk_panel(int hi, int lo)
{
    for (size_t i = 0; i < sizeof kiosk_panels / sizeof kiosk_panels[0]; i++)
        if (kiosk_panels[i].hi == hi && kiosk_panels[i].lo == lo)
            return 1;
    return 0;
}

double ov_px_per_mm(int w, int h, double diagonal_inch)
{
    int lo = w < h ? w : h, hi = w < h ? h : w;
    if (diagonal_inch <= 0) {
        if (is_kiosk_panel(hi, lo))
            diagonal_inch = OVL_PANEL_DIAG_INCH;
        else if (hi > OVL_TV_ABOVE_PX)
            diagonal_inch = OVL_TV_DIAG_INCH; /* a TV in a meeting room */
        else
            diagonal_inch = OVL_OTHER_DIAG_INCH;
    }
    double diag_px = sqrt((double)w * w + (double)h * h);
    return diag_px / (diagonal_inch * OVL_MM_PER_INCH);
}

/* `squeeze` 0 is the comfortable layout; each step makes text 6% smaller and
 * targets 1.5 mm shorter (never under 20 mm, never text under 3.6 mm, and
 * large text never under the standard theme's comfortable size). */
metrics ovl_measure_screen(const ov_layout_env *env, int squeeze, int floor_body_px)
{
    metrics m;
    int lo = env->w < env->h ? env->w : env->h;
    m.portrait = env->h > env->w;
    m.squeeze = squeeze;
    m.allow_shrink = squeeze >= OVL_MAX_SQUEEZE;
    m.std_answer_h = 0;
    m.label_beside = 0;
    m.margin = MM(env, OVL_MARGIN_MM) > lo / OVL_MARGIN_SHORT_DIV ? MM(env, OVL_MARGIN_MM)
                                                                 : lo / OVL_MARGIN_SHORT_DIV;
    m.gap = m.margin;
    double scale = env->text_scale > 0 ? env->text_scale : 1.0;
    int body = MM(env, OVL_BODY_MM);
    if (body < lo * OVL_BODY_SHORT_PERMILLE / 1000)
        body = lo * OVL_BODY_SHORT_PERMILLE / 1000;
    m.body_px = (int)lround(body * scale * (1.0 - OVL_SQUEEZE_TEXT_STEP * squeeze));
    if (m.body_px < floor_body_px)
        m.body_px = floor_body_px;
    if (m.body_px < MM(env, OVL_TEXT_MIN_MM))
        m.body_px = MM(env, OVL_TEXT_MIN_MM);
    m.title_px = m.body_px * OVL_TITLE_PCT / 100;
    m.label_px = m.body_px * OVL_LABEL_PCT / 100;
    m.small_px = m.body_px * OVL_SMALL_PCT / 100;
    m.min_px = (int)ceil(OVL_TEXT_MIN_MM * env->px_per_mm); /* nothing a member reads is smaller */
    if (m.small_px < m.min_px)
        m.small_px = m.min_px;
    if (m.label_px < m.min_px)
        m.label_px = m.min_px;
    m.std_label_px = m.label_px;
    m.target_min = MM(env, OVL_TARGET_MIN_MM);
    m.target_aim = MM(env, OVL_TARGET_AIM_MM - OVL_SQUEEZE_TARGET_MM * squeeze);
    if (m.target_aim < MM(env, OVL_TARGET_AIM_LEAST_MM))
        m.target_aim = MM(env, OVL_TARGET_AIM_LEAST_MM);
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
    /* Every text of a role has the role's size: a text that does not fit
     * squeezes the whole screen; only the last step may shrink one text
     * (and the layout still says it does not fit). */
    if (ov_wrap_text(text, px, bold, box, env->measure, env->measure_ctx, &t->block) != OV_OK) {
        l->all_fit = 0;
        if (m->allow_shrink)
            ov_wrap_text_fit(text, px, m->min_px, bold, box, env->measure, env->measure_ctx, &t->block);
    }
    t->role = role;
    t->spoken = spoken != 0;
    t->speech_offset = -1;
    if (spoken) {
        size_t used = strlen(l->speech);
        const char *sep = used ? " " : "";
        if (used + strlen(sep) + strlen(text) + 2 < sizeof l->speech) {
            t->speech_offset = chars_of(l->speech) + (used ? 1 : 0);
            strcat(l->speech, sep);
            strcat(l->speech, text);
            /* Make sure the speech pauses between texts (a label has no full stop); a
             * text of a list (OVL_SPOKEN_LIST) runs on to the next after a comma. */
            size_t e = strlen(l->speech);
            char last = l->speech[e - 1];
            if (last != '.' && last != '?' && last != '!' && last != ':')
                strcat(l->speech, spoken == OVL_SPOKEN_LIST ? "," : ".");
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
/* 1 when every word of label fits beside a wide button's icon (inner box `in`). */
static int word_fits_beside(const ov_layout_env *env, const metrics *m, const char *label, ov_rect in)
{
    int icon = in.h < in.w * OVL_ICON_BESIDE_PCT / 100 ? in.h : in.w * OVL_ICON_BESIDE_PCT / 100;
    int pad = m->margin / 2 + 2;
    int room = in.w - icon - pad;
    for (const char *p = label; p && *p;) {
        int len = (int)strcspn(p, " ");
        if (len > 0 && env->measure(env->measure_ctx, m->label_px, 1, p, len) > room)
            return 0;
        p += len;
        p += strspn(p, " ");
    }
    return 1;
}

int ovl_label_lines(const ov_layout_env *env, const metrics *m, const char *label, int w)
{
    ov_text_block trial;
    if (!label || !*label || w <= 0)
        return 0;
    ov_rect box = { 0, 0, w, OVL_UNBOUNDED_H };
    ov_wrap_text(label, m->label_px, 1, box, env->measure, env->measure_ctx, &trial);
    return trial.n_lines;
}

int ovl_widest_word(const ov_layout_env *env, const metrics *m, const char *label)
{
    int widest = 0;
    for (const char *p = label; p && *p;) {
        int len = (int)strcspn(p, " ");
        int w = len > 0 ? env->measure(env->measure_ctx, m->label_px, 1, p, len) : 0;
        widest = w > widest ? w : widest;
        p += len;
        p += strspn(p, " ");
    }
    return widest;
}

/* With label_beside: the face's size beside the words in `in`, smaller than
 * the words' 3/5 share when the widest word needs more room (never under a
 * third of the height); 0 when even then a word would not fit (the label
 * goes under the face). */
static int beside_icon(const ov_layout_env *env, const metrics *m, const char *label, ov_rect in, int pad)
{
    int icon = in.h < in.w * OVL_ICON_BESIDE_PCT / 100 ? in.h : in.w * OVL_ICON_BESIDE_PCT / 100; /* 3/5 */
    int room = in.w - pad / 2 - pad - ovl_widest_word(env, m, label);
    if (room < icon)
        icon = room;
    return icon >= in.h / 3 ? icon : 0;
}

void ovl_button_content(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_layout_button *b,
                        const char *label, int spoken)
{
    int pad = m->margin / 2 + 2;
    ov_rect in = { b->rect.x + pad, b->rect.y + pad, b->rect.w - 2 * pad, b->rect.h - 2 * pad };
    int lines = ovl_label_lines(env, m, label, in.w); /* a long answer word may need 3 */
    int label_h = ov_line_height(m->label_px) * (lines > 2 ? lines : 2);
    int forced = m->label_beside ? beside_icon(env, m, label, in, pad) : 0;
    if ((b->rect.w > b->rect.h * 2 && word_fits_beside(env, m, label, in)) ||
        forced) { /* wide: icon left, label right, lines centred */
        /* the words keep 3/5 */
        int icon = forced ? forced
                          : in.h < in.w * OVL_ICON_BESIDE_PCT / 100 ? in.h : in.w * OVL_ICON_BESIDE_PCT / 100;
        int left = m->label_beside ? pad / 2 : 0; /* the button's colour shows round its face */
        b->icon = (ov_rect){ in.x + left, in.y + (in.h - icon) / 2, icon, icon };
        ov_rect box = { in.x + left + icon + pad, in.y, in.w - left - icon - pad, in.h };
        b->label = ovl_add_text(l, env, m, label, OV_TEXT_LABEL, box, spoken);
        if (b->label >= 0) {
            ov_text_block *tb = &l->texts[b->label].block;
            int shift = (box.h - tb->used.h) / 2;
            for (int w = 0; w < tb->n_words && shift > 0; w++)
                tb->words[w].rect.y += shift;
            if (shift > 0)
                tb->used.y += shift;
        }
        return;
    }
    if (label_h > in.h * OVL_LABEL_MAX_SHARE_PCT / 100)
        label_h = in.h * OVL_LABEL_MAX_SHARE_PCT / 100;
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
void ovl_hear_again_at(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_rect r, const char *label)
{
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_HEAR_AGAIN, 0, OV_BTN_STYLE_PLAIN, r);
    if (!b)
        return;
    ovl_control_path(env, "control-hear-again.svg", b->icon_path, sizeof b->icon_path);
    ovl_button_content(l, env, m, b, label ? label : "", 1); /* read last, like every screen's control */
}

ov_rect ovl_hear_again(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_content *c,
                       int size, int w, const char *label)
{
    ov_rect r = { env->w - m->margin - w, m->margin, w, size };
    metrics small = *m;
    small.label_px = m->small_px;
    ovl_hear_again_at(l, env, &small, r, label ? label : c ? c->texts.hear_again : "");
    return r;
}

/* Where the answers go: a row under the texts, or (portrait, when a row
 * would make them narrower than OVL_ANSWER_ROW_MIN_MM) one column beside the
 * texts, so the scale always reads in its order. */
#define OVL_ANSWER_ROW_MIN_MM 24.0
#define OVL_PORTRAIT_PICTURE_MM 30.5 /* 30 mm after rounding */
#define OVL_ANSWER_COLUMN_MIN 42 /* % of the width for the answer column */
#define OVL_ANSWER_COLUMN_MAX 50

static int answers_in_column(const ov_layout_env *env, const metrics *m, int n, int width)
{
    if (!m->portrait || n <= 1)
        return 0;
    return (width - (n - 1) * m->gap) / n < MM(env, OVL_ANSWER_ROW_MIN_MM);
}

/* Answer buttons in one row, or one column, inside `area`, in the scale's order. */
static void answer_buttons(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                           ov_rect area, int column)
{
    const ov_answer *a[OV_MAX_ANSWERS];
    int n_ans = ov_question_answers(f->content, f->question, a);
    if (n_ans <= 0)
        return;
    int n = n_ans + ovl_more_cell(f, m); /* issue 14: portrait "Tell me more" takes the last cell */
    int bw = column ? area.w : (area.w - (n - 1) * m->gap) / n;
    int gap = column ? MM(env, OVL_COLUMN_GAP_MM) + 1 : m->gap; /* a column of 6 still gives each 20 mm */
    int bh = column ? (area.h - (n - 1) * gap) / n : area.h;
    metrics beside = *m;
    beside.label_beside = column; /* a column: the face beside its word, as big as the button allows */
    for (int i = 0; i < n; i++) {
        ov_rect r = column ? (ov_rect){ area.x, area.y + i * (bh + gap), bw, bh }
                           : (ov_rect){ area.x + i * (bw + m->gap), area.y, bw, bh };
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
        ovl_button_content(l, env, &beside, b, a[i]->word, 1);
    }
}

ov_rect ovl_picture_split(const metrics *m, ov_rect area, int share, int portrait_min, ov_rect *pic)
{
    if (!m->portrait) {
        int side = area.h;
        if (side > area.w * (share - OVL_SQUEEZE_PICTURE_PCT * m->squeeze) / 100)
            side = area.w * (share - OVL_SQUEEZE_PICTURE_PCT * m->squeeze) / 100;
        *pic = (ov_rect){ area.x, area.y, side, side };
        return (ov_rect){ area.x + side + m->gap, area.y, area.w - side - m->gap, area.h };
    }
    int side = area.h * (OVL_PORTRAIT_PICTURE_PCT - OVL_SQUEEZE_PORTRAIT_PICTURE_PCT * m->squeeze) / 100;
    if (side < portrait_min)
        side = portrait_min;
    if (side > area.w * OVL_PORTRAIT_PICTURE_MAX_W_PCT / 100 &&
        area.w * OVL_PORTRAIT_PICTURE_MAX_W_PCT / 100 >= portrait_min)
        side = area.w * OVL_PORTRAIT_PICTURE_MAX_W_PCT / 100;
    if (side > area.w)
        side = area.w;
    *pic = (ov_rect){ area.x + (area.w - side) / 2, area.y, side, side };
    return (ov_rect){ area.x, area.y + side + m->gap, area.w, area.h - side - m->gap };
}

/* Picture beside text (landscape) or above it (portrait, at least 30 mm) in
 * `area`. Returns the text column. */
static ov_rect picture_and_column_share(ov_layout *l, const ov_layout_env *env, const metrics *m,
                                        const ov_content *c, const char *picture_rel, const char *control_pic,
                                        ov_rect area, int share)
{
    ov_rect pic;
    ov_rect col = ovl_picture_split(m, area, share, MM(env, OVL_PORTRAIT_PICTURE_MM), &pic);
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
    return picture_and_column_share(l, env, m, c, picture_rel, control_pic, area, OVL_PICTURE_SHARE_PCT);
}

int ovl_target_height(const metrics *m, int want, int avail, int max_pct, int floor)
{
    int h = want < m->target_aim ? m->target_aim : want;
    if (h > avail * max_pct / 100)
        h = avail * max_pct / 100;
    return h < floor ? floor : h;
}

static int pick_target_height(const metrics *m, int avail, int share_num, int share_den)
{
    return ovl_target_height(m, avail * share_num / share_den, avail, OVL_ROW_MAX_PCT, m->target_min);
}

/* Height of a row of answers: the comfortable target, plus what larger
 * labels need, so large text never makes the pictures smaller. */
static int answer_row_height(const ov_layout_env *env, const metrics *m, int avail, int more_lines)
{
    int h = pick_target_height(m, avail, OVL_ANSWER_ROW_PCT, 100);
    int extra = 2 * (ov_line_height(m->label_px) - ov_line_height(m->std_label_px)) +
                more_lines * ov_line_height(m->label_px);
    if (extra > 0)
        h = pick_target_height(m, avail, OVL_ANSWER_ROW_PCT, 100) + extra;
    if (h < m->std_answer_h + extra)
        h = m->std_answer_h + extra;
    if (h > avail * OVL_ANSWER_ROW_MAX_PCT / 100)
        h = avail * OVL_ANSWER_ROW_MAX_PCT / 100;
    return h;
}

/* The warning strip's height on the welcome screen: the lines it needs, at most a third. */
static int banner_height(const ov_layout_env *env, const ovl_frame *fr, const char *warning)
{
    if (!warning || !*warning)
        return 0;
    ov_text_block trial;
    ov_rect tb = { 0, 0, fr->full.w - fr->m.margin, env->h };
    ov_wrap_text(warning, fr->m.small_px, 0, tb, env->measure, env->measure_ctx, &trial);
    int h = trial.n_lines * ov_line_height(fr->m.small_px) + fr->m.margin;
    return h > fr->full.h / OVL_BANNER_MAX_DIV ? fr->full.h / OVL_BANNER_MAX_DIV : h;
}

static void lay_welcome(ov_layout *l, const ov_layout_env *env, const ov_flow *f, const char *warning,
                        const ovl_frame *fr)
{
    const metrics *m = &fr->m;
    const ov_content *c = f->content;
    int banner_h = banner_height(env, fr, warning);
    ov_rect area = fr->top;
    area.h -= banner_h ? banner_h + m->gap : 0;
    int start_h = pick_target_height(m, area.h, 1, OVL_ONE_ROW_DIV);
    ov_rect upper = { area.x, area.y, area.w, area.h - start_h - m->gap };
    ov_rect col = picture_and_column(l, env, m, c, NULL, "principle-networks.svg", upper);
    const char *texts[] = { c->texts.welcome_title, ov_layout_welcome_line(env, c) };
    const ov_text_role roles[] = { OV_TEXT_TITLE, OV_TEXT_BODY };
    ovl_stack_texts(l, env, m, col, texts, roles, 2, 0);
    int sound_w = ovl_sound_width(m, fr->corner_w, fr->full.w); /* "Sound" beside Start */
    ov_rect sr = { fr->full.x, area.y + area.h - start_h, fr->full.w - sound_w - m->gap, start_h };
    ov_rect snd = { sr.x + sr.w + m->gap, sr.y, sound_w, start_h };
    ov_layout_button *sb = ovl_add_button(l, OV_TARGET_SOUND, 0, OV_BTN_STYLE_PLAIN, snd);
    if (sb) {
        metrics small = *m;
        small.label_px = m->small_px;
        ovl_control_path(env, "control-hear-again.svg", sb->icon_path, sizeof sb->icon_path);
        ovl_button_content(l, env, &small, sb, c->texts.sound, 1);
    }
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_START, 0, OV_BTN_STYLE_YES, sr);
    if (b) { /* the big start button: its word as big as a title */
        metrics big = *m;
        big.label_px = m->title_px;
        ovl_control_path(env, "control-start.svg", b->icon_path, sizeof b->icon_path);
        ovl_button_content(l, env, &big, b, c->texts.start, 1);
    }
    if (banner_h) {
        ov_rect full = fr->full;
        l->banner = (ov_rect){ full.x, full.y + full.h - banner_h, full.w, banner_h };
        ov_rect tb = { l->banner.x + m->margin / 2, l->banner.y + m->margin / 2, l->banner.w - m->margin,
                       l->banner.h - m->margin };
        ovl_add_text(l, env, m, ovl_pool_add(l, warning), OV_TEXT_SMALL, tb, 1); /* read after Start */
    }
}

/* Progress dots and words ("Question 2 of 4") in `pr`; returns the height used (0: none). */
static int progress_line(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                         ov_rect pr)
{
    int num, total;
    ov_flow_progress(f, &num, &total);
    if (f->mode != OV_MODE_DROP_IN || total <= 1 || num == 0) /* 0: the practice question, not counted */
        return 0;
    char prog[OV_WORD_LEN + OVL_PROGRESS_NUMBERS_LEN];
    snprintf(prog, sizeof prog, f->content->texts.progress, num, total);
    int dots_h = ov_line_height(m->small_px);
    /* one dot a question, a dot and a half apart; smaller for many questions, and words
     * only when even 2 mm dots would not fit half the width (64 questions on a small panel) */
    int dot = dots_h * OVL_DOT_PCT / 100;
    int fit = pr.w / (3 * total - 1); /* 1.5 * total - 0.5 dots in pr.w / 2 */
    if (fit < dot)
        dot = fit;
    int least = (int)(OVL_DOT_MIN_MM * env->px_per_mm) > dots_h / OVL_DOT_MIN_DIV
                    ? (int)(OVL_DOT_MIN_MM * env->px_per_mm)
                    : dots_h / OVL_DOT_MIN_DIV;
    if (dot >= least && dot > 0) {
        l->progress_dots =
            (ov_rect){ pr.x, pr.y + (dots_h - dot) / 2, total * dot + (total - 1) * dot / 2, dot };
        l->progress_now = num;
        l->progress_total = total;
    }
    int dots_w = l->progress_dots.w > 0 ? l->progress_dots.w + m->gap : 0;
    ov_rect words = { pr.x + dots_w, pr.y, pr.w - dots_w, dots_h };
    int need = env->measure(env->measure_ctx, m->small_px, 0, prog, (int)strlen(prog));
    int used = dots_h;
    if (need > words.w) { /* the words under the dots */
        words = (ov_rect){ pr.x, pr.y + dots_h + m->gap / 2, pr.w, dots_h };
        used += dots_h + m->gap / 2;
    }
    ovl_add_text(l, env, m, ovl_pool_add(l, prog), OV_TEXT_SMALL, words, 1); /* read first */
    return used;
}

/* The question's title and sentences in `col`; on the practice question the
 * note "This is a practice question. Your answer is not kept." comes first,
 * shown in bold and read aloud before the title (issue 13 point 5). */
static void question_texts(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                           ov_rect col)
{
    const ov_question *q = &f->content->questions[f->question];
    const char *texts[2 + OV_MAX_SENTENCES];
    ov_text_role roles[2 + OV_MAX_SENTENCES];
    int n = 0;
    if (f->mode == OV_MODE_DROP_IN && f->question == f->practice) {
        texts[n] = f->content->texts.practice_note;
        roles[n++] = OV_TEXT_LABEL;
    }
    texts[n] = q->title;
    roles[n++] = OV_TEXT_TITLE;
    for (int i = 0; i < q->n_sentences && i < OV_MAX_SENTENCES; i++) {
        texts[n] = q->sentences[i];
        roles[n++] = OV_TEXT_BODY;
    }
    ovl_stack_texts(l, env, m, col, texts, roles, n, 0);
}

/* Longest word (between spaces) of `text` at px bold, in pixels. */
static int longest_word(const ov_layout_env *env, int px, const char *text)
{
    int best = 0;
    while (*text) {
        size_t len = strcspn(text, " ");
        int w = env->measure(env->measure_ctx, px, 1, text, (int)len);
        best = w > best ? w : best;
        text += len;
        text += strspn(text, " ");
    }
    return best;
}

/* The answer column: wide enough for the longest word beside its picture
 * (which takes 2/5), between OVL_ANSWER_COLUMN_MIN and _MAX % of the width. */
static int answer_column_width(const ov_layout_env *env, const metrics *m, const ov_answer *const *a, int n,
                               int width)
{
    int pad = m->margin / 2 + 2, word = 0;
    for (int i = 0; i < n; i++) {
        int w = longest_word(env, m->label_px, a[i]->word);
        word = w > word ? w : word;
    }
    /* + the face's left gap */
    int need = (word + pad + pad / 2 + 2) * 100 / (100 - OVL_ICON_BESIDE_PCT) + 2 * pad;
    if (need < width * OVL_ANSWER_COLUMN_MIN / 100)
        need = width * OVL_ANSWER_COLUMN_MIN / 100;
    if (need > width * OVL_ANSWER_COLUMN_MAX / 100)
        need = width * OVL_ANSWER_COLUMN_MAX / 100;
    return need;
}

/* The lines the answers' words need beyond 2 in buttons w wide (a row of answers). */
static int more_label_lines(const ov_layout_env *env, const metrics *m, const ov_answer *const *a, int n,
                            int w)
{
    int more = 0, pad = m->margin / 2 + 2;
    for (int i = 0; i < n; i++) {
        int lines = ovl_label_lines(env, m, a[i]->word, w - 2 * pad);
        more = lines - 2 > more ? lines - 2 : more;
    }
    return more;
}

static void lay_question(ov_layout *l, const ov_layout_env *env, const ov_flow *f, const char *warning,
                         const ovl_frame *fr)
{
    const metrics *m = &fr->m;
    const ov_content *c = f->content;
    const ov_question *q = &c->questions[f->question];
    const ov_answer *a[OV_MAX_ANSWERS];
    int n = ov_question_answers(c, f->question, a);
    ov_rect full = fr->full, top = fr->top, upper, answers;
    int column = answers_in_column(env, m, n + ovl_more_cell(f, m), full.w);
    if (column) { /* portrait: texts on the left, the answers in one column on the right */
        int aw = answer_column_width(env, m, a, n, full.w);
        answers = (ov_rect){ full.x + full.w - aw, top.y, aw, top.h };
        upper = (ov_rect){ top.x, top.y, top.w - aw - m->gap, top.h };
    } else {
        int more = more_label_lines(env, m, a, n, (full.w - (n - 1) * m->gap) / (n > 0 ? n : 1));
        int row_h = answer_row_height(env, m, m->portrait ? top.h : full.h, more);
        answers = (ov_rect){ full.x, full.y + full.h - row_h, full.w, row_h };
        upper = (ov_rect){ top.x, top.y, top.w, answers.y - m->gap - top.y };
    }
    ov_rect pr = m->portrait ? (ov_rect){ full.x, full.y, full.w - fr->corner_w - m->gap, fr->corner }
                             : (ov_rect){ upper.x, upper.y, upper.w, upper.h };
    if (!m->portrait) { /* progress at the top of the text column, beside the picture */
        ov_rect probe = picture_and_column(l, env, m, c, q->picture, NULL, upper);
        pr = probe;
    }
    int used = progress_line(l, env, m, f, pr);
    ov_rect col = picture_and_column(l, env, m, c, q->picture, NULL, upper);
    if (!m->portrait && used) {
        col.y += used + m->gap / 2;
        col.h -= used + m->gap / 2;
    }
    question_texts(l, env, m, f, col);
    answer_buttons(l, env, m, f, answers, column);
    /* issue 14: layout_more.c; laid out after the question and its answers, so that it is read after
     * them (the speech is in the order of the texts) */
    upper = ovl_more_button(l, env, m, f, upper, fr->corner, fr->corner_w);
    ovl_previous_question(l, env, m, f, upper, fr->corner, fr->corner_w); /* layout_review.c: a free place */
    (void)warning;
}

/* 1 when `say` is `word` with at most a full stop added ("I don't know." and "I don't know"). */
static int same_words(const char *say, const char *word)
{
    size_t n = strlen(word);
    return !strncmp(say, word, n) && (say[n] == '\0' || (say[n] == '.' && say[n + 1] == '\0'));
}

static void lay_confirm(ov_layout *l, const ov_layout_env *env, const ov_flow *f, const char *warning,
                        const ovl_frame *fr)
{
    const metrics *m = &fr->m;
    const ov_content *c = f->content;
    const ov_answer *a[OV_MAX_ANSWERS];
    int n = ov_question_answers(c, f->question, a);
    const ov_answer *ch = (f->chosen >= 0 && f->chosen < n) ? a[f->chosen] : NULL;
    ov_rect full = fr->full, top = fr->top;
    int row_h = m->portrait ? pick_target_height(m, top.h, 1, OVL_CONFIRM_ROW_PORTRAIT_DIV)
                            : pick_target_height(m, full.h, OVL_ANSWER_ROW_PCT, 100);
    ov_rect upper = { top.x, top.y, top.w, full.y + full.h - row_h - m->gap - top.y };
    ov_rect col = picture_and_column(l, env, m, c, ch ? ch->picture : NULL, NULL, upper);
    if (ch && !ch->picture[0]) { /* no picture: the answer's shape in the picture's place */
        ovl_picture_split(m, upper, OVL_PICTURE_SHARE_PCT, MM(env, OVL_PORTRAIT_PICTURE_MM), &l->picture);
        l->picture_shape = ch->shape;
        l->picture_colour = ch->colour;
    }
    /* the answer's `say` only when it adds to its word ("I don't know" is said once) */
    const char *say = ch && !same_words(ch->say, ch->word) ? ch->say : "";
    /* the answer first, then the question about it */
    const char *texts[] = { ch ? ch->word : "", say, c->texts.confirm, c->texts.confirm_buttons };
    const ov_text_role roles[] = { OV_TEXT_TITLE, OV_TEXT_BODY, OV_TEXT_BODY, OV_TEXT_BODY };
    /* through the room speaker the choice is shown, never spoken */
    ovl_stack_texts(l, env, m, col, texts, roles, env->buttons_in_use ? 4 : 3,
                    env->private_audio ? 0 : OVL_UNSPOKEN(0) | OVL_UNSPOKEN(1));
    int bw = (full.w - m->gap) / 2;
    int y = full.y + full.h - row_h;
    ov_layout_button *yes = ovl_add_button(
        l, OV_TARGET_YES, 0, OV_BTN_STYLE_YES, (ov_rect){full.x, y, bw, row_h});
    if (yes) {
      ovl_control_path(env, "control-thats-right.svg", yes->icon_path,
                       sizeof yes->icon_path);
      ovl_button_content(l, env, m, yes, c->texts.thats_right, 1);
    }
    ov_layout_button *no =
        ovl_add_button(l, OV_TARGET_NO, 0, OV_BTN_STYLE_NO, (ov_rect){ full.x + bw + m->gap, y, bw, row_h });
    if (no) {
        ovl_control_path(env, "control-go-back.svg", no->icon_path, sizeof no->icon_path);
        ovl_button_content(l, env, m, no, c->texts.go_back, 1);
    }
    (void)warning;
}

static void lay_thanks(ov_layout *l, const ov_layout_env *env, const ov_flow *f, const char *warning,
                       const ovl_frame *fr)
{
    const ov_content *c = f->content;
    ov_rect col = picture_and_column_share(l, env, &fr->m, c, NULL, "control-secret.svg", fr->top,
                                           OVL_THANKS_PICTURE_PCT);
    const char *texts[] = { c->texts.thanks_title, c->texts.thanks };
    const ov_text_role roles[] = { OV_TEXT_TITLE, OV_TEXT_BODY };
    ovl_stack_texts(l, env, &fr->m, col, texts, roles, 2, 0);
    (void)warning;
}

static void lay_not_saved(ov_layout *l, const ov_layout_env *env, const ov_flow *f, const char *warning,
                          const ovl_frame *fr)
{
    const metrics *m = &fr->m;
    const ov_content *c = f->content;
    ov_rect full = fr->full, top = fr->top;
    int row_h = pick_target_height(m, top.h, 1, OVL_ONE_ROW_DIV);
    ov_rect upper = { top.x, top.y, top.w, top.h - row_h - m->gap };
    ov_rect col = picture_and_column(l, env, m, c, NULL, "control-warning.svg", upper);
    const char *texts[] = { c->texts.not_saved };
    const ov_text_role roles[] = { OV_TEXT_BODY };
    ovl_stack_texts(l, env, m, col, texts, roles, 1, 0);
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_START, 0, OV_BTN_STYLE_YES,
                                         (ov_rect){ full.x, full.y + full.h - row_h, full.w, row_h });
    if (b) {
        ovl_control_path(env, "control-go-back.svg", b->icon_path, sizeof b->icon_path);
        ovl_button_content(l, env, m, b, c->texts.try_again, 1);
    }
    (void)warning;
}

/* Review and idle warning (layout_review.c). */
static void lay_flow_screen(ov_layout *l, const ov_layout_env *env, const ov_flow *f, const char *warning,
                            const ovl_frame *fr)
{
    (void)warning;
    ovl_flow_screen(l, env, &fr->m, f, fr->full, fr->corner, fr->corner_w);
}

/* "Tell me more" and "Who are you today?" (layout_more.c). */
static void lay_views(ov_layout *l, const ov_layout_env *env, const ov_flow *f, const char *warning,
                      const ovl_frame *fr)
{
    (void)warning;
    ovl_layout_views(l, env, &fr->m, f, fr->top, fr->full, fr->corner);
}

/* The dispatch point: one line per member screen. A screen laid out in its
 * own file (ui/layout_<x>.c) declares its ovl_screen_fn in layout_parts.h
 * and adds its line here. */
static const struct {
    ov_screen kind;
    ovl_screen_fn lay;
} member_screens[] = {
    { OV_SCREEN_WELCOME, lay_welcome },     { OV_SCREEN_QUESTION, lay_question },
    { OV_SCREEN_CONFIRM, lay_confirm },     { OV_SCREEN_SAVING, lay_thanks },
    { OV_SCREEN_THANKS, lay_thanks },       { OV_SCREEN_NOT_SAVED, lay_not_saved },
    { OV_SCREEN_REVIEW, lay_flow_screen },  { OV_SCREEN_IDLE_WARNING, lay_flow_screen },
    { OV_SCREEN_MORE, lay_views },          { OV_SCREEN_WHO, lay_views },
    { OV_SCREEN_SOUND, lay_flow_screen },
};

/* Sizes and regions every screen shares; sets up an empty layout. */
ovl_frame ovl_begin(ov_layout *l, const ov_layout_env *env, int squeeze, const ovl_standard *std)
{
    memset(l, 0, sizeof *l);
    l->screen = (ov_rect){ 0, 0, env->w, env->h };
    l->px_per_mm = env->px_per_mm;
    l->all_fit = 1;
    ovl_frame fr;
    fr.m = ovl_measure_screen(env, squeeze, std ? std->body_px : 0);
    fr.m.std_label_px = std ? std->label_px : fr.m.label_px;
    fr.m.std_answer_h = std ? std->answer_h : 0;
    const metrics *m = &fr.m;
    int lo = env->w < env->h ? env->w : env->h;
    /* hear-again: 30 mm, more on big screens */
    int corner = m->target_aim > lo / OVL_CORNER_SHORT_DIV ? m->target_aim : lo / OVL_CORNER_SHORT_DIV;
    if (corner > env->h / OVL_CORNER_MAX_H_DIV && !m->portrait)
        corner = env->h / OVL_CORNER_MAX_H_DIV > m->target_min ? env->h / OVL_CORNER_MAX_H_DIV
                                                                : m->target_min;
    if (corner > env->w / OVL_CORNER_MAX_W_DIV)
        corner = env->w / OVL_CORNER_MAX_W_DIV > m->target_min ? env->w / OVL_CORNER_MAX_W_DIV
                                                                : m->target_min;
    fr.corner = corner;
    fr.full = (ov_rect){ m->margin, m->margin, env->w - 2 * m->margin, env->h - 2 * m->margin };
    fr.top = fr.full; /* region above the targets */
    /* a little wider than tall, so "Hear it again" has room; portrait has a whole top bar */
    fr.corner_w = m->portrait ? env->w * OVL_PORTRAIT_BAR_W_PCT / 100 : corner * OVL_CORNER_W_PCT / 100;
    fr.top.w -= fr.corner_w + m->gap;
    if (m->portrait) {
        fr.top = fr.full;
        fr.top.y += corner + m->gap;
        fr.top.h -= corner + m->gap;
    }
    return fr;
}

/* Mark the button of the flow's focused target (keys, scanning). */
static void mark_focus(ov_layout *l, const ov_flow *f)
{
    ov_target t[OV_MAX_TARGETS];
    int nt = ov_flow_targets(f, t, OV_MAX_TARGETS);
    if (f->focus < 0 || f->focus >= nt)
        return;
    for (int i = 0; i < l->n_buttons; i++)
        if (l->buttons[i].target.kind == t[f->focus].kind && l->buttons[i].target.index == t[f->focus].index)
            l->buttons[i].focused = 1;
}

static int layout_once(const ov_layout_env *env, const ov_flow *f, const char *warning, ov_layout *l,
                       int squeeze, const ovl_standard *std)
{
    ovl_frame fr = ovl_begin(l, env, squeeze, std);
    l->kind = f->screen;
    for (size_t i = 0; i < OV_ARRAY_LEN(member_screens); i++)
        if (member_screens[i].kind == f->screen)
            member_screens[i].lay(l, env, f, warning, &fr);
    if (f->screen != OV_SCREEN_SAVING)
        ovl_hear_again(l, env, &fr.m, f->content, fr.corner, fr.corner_w, NULL);
    mark_focus(l, f);
    l->squeeze = squeeze;
    return l->all_fit ? OV_OK : OV_EINVAL;
}

/* The smallest answer picture's row height in l (0: no answers). */
static int answer_height(const ov_layout *l)
{
    for (int i = 0; i < l->n_buttons; i++)
        if (l->buttons[i].target.kind == OV_TARGET_ANSWER)
            return l->buttons[i].rect.h;
    return 0;
}

int ovl_fit_loop(const ov_layout_env *env, const void *what, const char *extra,
                 ov_layout *l, ovl_once_fn once) {
  ovl_standard std = {0, 0, 0}, *floor = NULL;
  int r = OV_EINVAL;
  if (env->text_scale >
      1.0) { /* large text: never smaller than the standard theme's layout */
    ov_layout_env s = *env;
    s.text_scale = 1.0;
    for (int squeeze = 0; squeeze <= OVL_MAX_SQUEEZE && r != OV_OK; squeeze++)
      r = once(&s, what, extra, l, squeeze, NULL);
    metrics sm = ovl_measure_screen(&s, l->squeeze, 0);
    std = (ovl_standard){sm.body_px, sm.label_px, answer_height(l)};
    floor = &std;
    r = OV_EINVAL;
  }
  /* Try the comfortable layout first; squeeze step by step only when text does
   * not fit. */
  for (int squeeze = 0; squeeze <= OVL_MAX_SQUEEZE && r != OV_OK; squeeze++)
    r = once(env, what, extra, l, squeeze, floor);
  if (r != OV_OK && floor) { /* large text cannot fit here: the standard layout,
                                never shrunk text */
    ov_layout_env s = *env;
    s.text_scale = 1.0;
    for (int squeeze = 0; squeeze <= OVL_MAX_SQUEEZE && r != OV_OK; squeeze++)
      r = once(&s, what, extra, l, squeeze, NULL);
  }
  return r;
}

static int member_once(const ov_layout_env *env, const void *f,
                       const char *warning, ov_layout *l, int squeeze,
                       const ovl_standard *std) {
  return layout_once(env, f, warning, l, squeeze, std);
}

int ov_layout_screen(const ov_layout_env *env, const ov_flow *f, const char *warning, ov_layout *l)
{
    return ovl_fit_loop(env, f, warning, l, member_once);
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

const char *ov_layout_welcome_line(const ov_layout_env *env, const ov_content *c)
{
    switch (env->scanning) {
    case OV_LAYOUT_SCAN_SINGLE:
        return c->texts.scan_welcome;
    case OV_LAYOUT_SCAN_TWO:
        return c->texts.scan_two_welcome;
    case OV_LAYOUT_SCAN_SETUP_MOVE:
        return c->texts.scan_setup_move;
    case OV_LAYOUT_SCAN_SETUP_CHOOSE:
        return c->texts.scan_setup_choose;
    default:
        return c->texts.welcome;
    }
}
