/* layout_menu.c — where things go on facilitator screens (PIN pad, menus,
 * results chart), built from an ov_menu; shares its parts with layout.c.
 * The buttons' room is kept first, so words never push a button off. */
#include "ui/layout.h"
#include "ui/layout_parts.h"
#include "ui/facilitator.h"

#include <stdio.h>
#include <string.h>

#define KEYPAD_COLS 3            /* a phone's layout: 1 2 3 on top */
#define KEYPAD_ROWS 4            /* 1 2 3 / 4 5 6 / 7 8 9 / Delete 0 OK */
#define KEYPAD_KEYS (KEYPAD_COLS * KEYPAD_ROWS)
#define KEYPAD_GAP_MM 1.5
#define MENU_BUTTON_MIN_W_MM 24.0 /* narrower menu buttons go on another row */
#define MENU_BUTTONS_SHARE 60     /* % of the height the menu's buttons may take */
#define KEYPAD_KEY_EXTRA_MM 1     /* a PIN key and the row under the keys: this much over the least target */
#define KEYPAD_SHARE_PCT 45       /* landscape: the keypad takes this % of the width */
#define MENU_ONE_ROW_MAX 4        /* landscape: up to this many menu buttons in one row, more in two */
#define MENU_PORTRAIT_TWO_COLS_MAX 6 /* portrait: up to this many menu buttons in 2 columns, more in 3 */
#define MENU_BUTTON_LINES 3       /* a menu button is this many label lines tall: its picture and 2 lines */
#define COUNT_SAMPLE "0000"       /* the widest count a results bar makes room for */
#define COUNT_DIGITS_LEN 24       /* a long in decimal, its sign and the NUL */
#define BAR_TRACK_DIV 6           /* a bar's track leaves 1/6 of its row above and below it */
#define BAR_GAP_DIV 4             /* between bars: 1/4 of the gap ... */
#define BAR_GAP_MIN_PX 2          /* ... and at least this */
#define CHART_WORD_START_PCT 20   /* the answer words' column: at least this % of the chart ... */
#define CHART_WORD_MAX_PCT 40     /* ... at most this % ... */
#define CHART_WORD_MAX_BESIDE_PCT 50 /* ... or this % beside the progress picture */
#define CHART_W_NUM 2             /* the chart takes 2/3 of the width beside the side column */
#define CHART_W_DEN 3
#define CHART_BAR_MIN_MM 20       /* with the progress picture: room for a bar this long */
#define PROGRESS_ARROW_DIV 8      /* the progress picture's arrow takes 1/8 of its width */
#define PROGRESS_ARROW_H_DIV 3    /* the arrow is 1/3 of a face high ... */
#define PROGRESS_ARROW_MIN_PX 6   /* ... and at least this */
#define PROGRESS_FACE_MAX_TARGETS 3 /* a face is at most this many comfortable targets across (a TV) */
#define PROGRESS_PORTRAIT_PCT 40  /* portrait: the progress picture takes at most this % of the room */

static ov_button_style style_of(const ov_menu_item *it)
{
    return it->style == OV_MENU_GO ? OV_BTN_STYLE_YES : it->style == OV_MENU_STOP ? OV_BTN_STYLE_NO
                                                                                 : OV_BTN_STYLE_PLAIN;
}

/* How menu item i is read with the screen. Every label is read, the PIN pad's
 * too, in its rows: "1, 2, 3. 4, 5, 6. 7, 8, 9. Delete, 0, OK." A facilitator
 * who cannot see learns where each key is (a phone's layout: a summary such
 * as "number keys 0 to 9" would not say where 0 is) and the highlight goes
 * from key to key as it is said. It is the same words whatever was typed:
 * which keys were pressed is never said (the typed PIN's line is not read). */
static int menu_spoken(const ov_menu *mn, int i)
{
    if (!mn->keypad || i >= KEYPAD_KEYS || i % KEYPAD_COLS == KEYPAD_COLS - 1)
        return 1;
    return OVL_SPOKEN_LIST;
}

/* One menu item as a button in r: digits big and centred, else picture and words. */
static void menu_button(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_menu *mn, int i,
                        ov_rect r)
{
    const ov_menu_item *it = &mn->items[i];
    ov_layout_button *b = ovl_add_button(l, OV_TARGET_MENU, i, style_of(it), r);
    int spoken = menu_spoken(mn, i);
    if (!b)
        return;
    if (it->icon)
        ovl_control_path(env, it->icon, b->icon_path, sizeof b->icon_path);
    if (mn->keypad && it->action == OV_MENU_DIGIT) {
        int lh = ov_line_height(m->title_px);
        int tw = env->measure(env->measure_ctx, m->title_px, 1, it->label, (int)strlen(it->label));
        if (tw < 0 || tw > r.w - m->margin)
            tw = r.w - m->margin;
        ov_rect box = { r.x + (r.w - tw) / 2, r.y + (r.h - lh) / 2, tw + 1, lh };
        b->label = ovl_add_text(l, env, m, it->label, OV_TEXT_TITLE, box, spoken);
    } else if (b->rect.w <= b->rect.h * 2 && it->icon == NULL) { /* words only: centred */
        ov_rect box = { r.x + m->margin / 2, r.y + m->margin / 2, r.w - m->margin, r.h - m->margin };
        b->label = ovl_add_text(l, env, m, it->label, OV_TEXT_LABEL, box, spoken);
    } else {
        ovl_button_content(l, env, m, b, it->label, spoken);
    }
}

/* Items [from, from + n) in a grid of `cols` inside `area`. */
static void menu_grid(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_menu *mn, int from,
                      int n, int cols, ov_rect area, int gap)
{
    int rows = (n + cols - 1) / cols;
    int bw = (area.w - (cols - 1) * gap) / cols;
    int bh = (area.h - (rows - 1) * gap) / rows;
    for (int i = 0; i < n; i++) {
        ov_rect r = { area.x + (i % cols) * (bw + gap), area.y + (i / cols) * (bh + gap), bw, bh };
        menu_button(l, env, m, mn, from + i, r);
    }
}

/* Title and lines in `col` (the typed PIN is shown, never spoken); returns the y below them. */
static int menu_texts(ov_layout *l, const ov_layout_env *env, const metrics *m,
                      const ov_menu *mn, ov_rect col) {
  const char *texts[1 + OV_MENU_MAX_LINES] = {mn->title};
  ov_text_role roles[1 + OV_MENU_MAX_LINES] = {OV_TEXT_TITLE};
  for (int i = 0; i < mn->n_lines; i++) {
    texts[1 + i] = mn->lines[i];
    roles[1 + i] = OV_TEXT_BODY;
  }
  return ovl_stack_texts(
      l, env, m, col, texts, roles, 1 + mn->n_lines,
      mn->secret_line >= 0 ? OVL_UNSPOKEN(1 + mn->secret_line) : 0);
}

/* The PIN pad: keys on the right (landscape) or under the words (portrait);
 * Cancel and "hear it again" share a row. */
static void lay_keypad(ov_layout *l, const ov_layout_env *env, const ovl_frame *fr, const ov_menu *mn,
                       const char *hear)
{
    const metrics *m = &fr->m;
    int gap = MM(env, KEYPAD_GAP_MM);
    ov_rect full = { gap, gap, env->w - 2 * gap, env->h - 2 * gap }; /* keys need the room */
    int key_h = m->target_min + MM(env, KEYPAD_KEY_EXTRA_MM);
    int pad_h = KEYPAD_ROWS * key_h + (KEYPAD_ROWS - 1) * gap;
    int low_h = m->target_min + MM(env, KEYPAD_KEY_EXTRA_MM);
    if (low_h < ov_line_height(m->label_px) + 2 * m->margin)
        low_h = ov_line_height(m->label_px) + 2 * m->margin;
    ov_rect keys, words, low;
    if (!m->portrait) {
        int kw = full.w * KEYPAD_SHARE_PCT / 100;
        keys = (ov_rect){ full.x + full.w - kw, full.y, kw, full.h };
        words = (ov_rect){ full.x, full.y, full.w - kw - m->gap, full.h - low_h - m->gap };
        low = (ov_rect){ full.x, full.y + full.h - low_h, words.w, low_h };
    } else {
        low = (ov_rect){ full.x, full.y + full.h - low_h, full.w, low_h };
        keys = (ov_rect){ full.x, low.y - m->gap - pad_h, full.w, pad_h };
        words = (ov_rect){ full.x, full.y, full.w, keys.y - m->gap - full.y };
    }
    menu_texts(l, env, m, mn, words);
    menu_grid(l, env, m, mn, 0,
              mn->n_items < KEYPAD_KEYS ? mn->n_items : KEYPAD_KEYS,
              KEYPAD_COLS, keys, gap);
    int half = (low.w - m->gap) / 2;
    if (mn->n_items > KEYPAD_KEYS)
        menu_button(l, env, m, mn, KEYPAD_KEYS, (ov_rect){ low.x, low.y, half, low.h });
    metrics small = *m;
    small.label_px = m->small_px;
    ovl_hear_again_at(l, env, &small, (ov_rect){ low.x + half + m->gap, low.y, low.w - half - m->gap, low.h },
                      hear);
}

/* The widest single word of the menu's button labels, in px (a word cannot wrap). */
static int widest_label_word(const ov_layout_env *env, const metrics *m, const ov_menu *mn)
{
    int widest = 0;
    for (int i = 0; i < mn->n_items; i++) {
        int w = ovl_widest_word(env, m, mn->items[i].label);
        widest = w > widest ? w : widest;
    }
    return widest;
}

/* Columns and button height for n menu buttons across `w`; returns the rows' height.
 * In portrait (rows to spare), fewer columns when a word of the labels (a long
 * Welsh word) would not fit a button's width. */
static int menu_rows(const ov_layout_env *env, const ovl_frame *fr, const ov_menu *mn, int n, int w,
                     int *cols, int *bh)
{
    const metrics *m = &fr->m;
    int c = fr->m.portrait ? (n > MENU_PORTRAIT_TWO_COLS_MAX ? 3 : 2)
                           : n <= MENU_ONE_ROW_MAX ? n : (n + 1) / 2;
    int word = m->portrait ? widest_label_word(env, m, mn) + 2 * (m->margin / 2 + 2) + 2 : 0;
    while (c > 1 && ((w - (c - 1) * m->gap) / c < MM(env, MENU_BUTTON_MIN_W_MM) ||
                     (w - (c - 1) * m->gap) / c < word))
        c--;
    int rows = (n + c - 1) / c;
    int h = m->target_aim;
    int words = ov_line_height(m->label_px) * MENU_BUTTON_LINES + 2 * m->margin; /* picture and 2 lines */
    if (h < words)
        h = words;
    int room = fr->full.h * MENU_BUTTONS_SHARE / 100;
    if (rows * h + (rows - 1) * m->gap > room)
        h = (room - (rows - 1) * m->gap) / rows;
    if (h < m->target_min)
        h = m->target_min;
    *cols = c;
    *bh = h;
    return rows * h + (rows - 1) * m->gap;
}

/* The height lines[first..] of the menu take at px, wrapped in box, one under
 * another with half a gap after each (after_last 0: between them only);
 * measured in the layout's next free text slot, which stays free. */
static int stacked_height(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_menu *mn,
                          int first, int px, ov_rect box, int after_last)
{
    if (l->n_texts >= OV_LAYOUT_MAX_TEXTS)
        return 0;
    ov_text_block *scratch = &l->texts[l->n_texts].block;
    int h = 0;
    for (int i = first; i < mn->n_lines; i++) {
        if (!mn->lines[i][0])
            continue;
        ov_wrap_text(mn->lines[i], px, 0, box, env->measure, env->measure_ctx, scratch);
        h += after_last ? scratch->used.h + m->gap / 2 : scratch->used.h + (h ? m->gap / 2 : 0);
    }
    memset(scratch, 0, sizeof *scratch);
    return h;
}

/* The height the menu's lines take at body size, stacked in a column w wide. */
static int lines_height(ov_layout *l, const ov_layout_env *env, const metrics *m, int w, const ov_menu *mn)
{
    return stacked_height(l, env, m, mn, 0, m->body_px, (ov_rect){ 0, 0, w, OVL_UNBOUNDED_H }, 1);
}

/* Portrait, when the lines do not fit over the buttons' rows (a long Welsh
 * word keeps the buttons 2 abreast, 9 buttons take 5 rows): one column more,
 * each 24 mm or wider, as close as the PIN pad's keys, the buttons' words
 * made smaller (never under the smallest readable) so the widest fits.
 * Returns 1 with *cols, *gap, *bh, *rows_h and bm->label_px set, 0 when
 * that does not fit either. */
static int fewer_rows(const ov_layout_env *env, const ovl_frame *fr, const ov_menu *mn, int w, int *cols,
                      int *gap, int *bh, int *rows_h, metrics *bm)
{
    const metrics *m = &fr->m;
    int c = *cols + 1, n = mn->n_items, g = MM(env, KEYPAD_GAP_MM);
    int bw = (w - (c - 1) * g) / c;
    if (c > n || bw < MM(env, MENU_BUTTON_MIN_W_MM))
        return 0;
    metrics small = *m;
    int pad = 2 * (m->margin / 2 + 2) + 2;
    while (widest_label_word(env, &small, mn) + pad > bw && small.label_px > m->min_px)
        small.label_px--;
    if (widest_label_word(env, &small, mn) + pad > bw)
        return 0;
    int rows = (n + c - 1) / c, room = fr->full.h * MENU_BUTTONS_SHARE / 100;
    int h = m->target_aim, words = ov_line_height(small.label_px) * 3 + 2 * m->margin;
    if (h < words)
        h = words;
    if (rows * h + (rows - 1) * g > room)
        h = (room - (rows - 1) * g) / rows;
    if (h < m->target_min)
        h = m->target_min;
    *cols = c;
    *gap = g;
    *bh = h;
    *rows_h = rows * h + (rows - 1) * g;
    bm->label_px = small.label_px;
    return 1;
}

/* One bar of the results chart in row `by` of height bh. */
static void chart_bar(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_menu *mn,
                      const ov_menu_bar *mb, ov_rect chart, int by, int bh, int word_w)
{
    ov_layout_bar *b = &l->bars[l->n_bars++];
    int count_w = env->measure(env->measure_ctx, m->label_px, 1, COUNT_SAMPLE, (int)sizeof COUNT_SAMPLE - 1);
    b->icon = (ov_rect){ chart.x, by, bh, bh };
    ov_strlcpy(b->icon_path, mb->picture, sizeof b->icon_path);
    b->shape = mb->shape;
    b->colour = mb->colour;
    ov_rect wbox = { chart.x + bh + m->gap / 2, by, word_w, bh };
    b->label = ovl_add_text(l, env, m, mb->word, OV_TEXT_LABEL, wbox, OVL_SPOKEN_LIST); /* "Not yet, 3." */
    b->track = (ov_rect){ wbox.x + word_w + m->gap / 2, by + bh / BAR_TRACK_DIV,
                          chart.w - bh - word_w - count_w - 2 * m->gap,
                          bh * (BAR_TRACK_DIV - 2) / BAR_TRACK_DIV };
    b->bar = b->track;
    b->bar.w = (int)(b->track.w * mb->count / (mn->bar_max > 0 ? mn->bar_max : 1));
    char digits[COUNT_DIGITS_LEN];
    snprintf(digits, sizeof digits, "%ld", mb->count);
    ov_rect cbox = { b->track.x + b->track.w + m->gap / 2, by, count_w + m->gap / 2, bh };
    b->count = ovl_add_text(l, env, m, ovl_pool_add(l, digits), OV_TEXT_LABEL, cbox, 1);
}

/* The height of the captions under the faces in a picture w wide (a
 * caption too long for its column takes 2 lines). */
static int caption_height(const ov_layout_env *env, const metrics *m, const ov_menu_progress *p, int w)
{
    int col_w = (w - w / PROGRESS_ARROW_DIV - m->gap) / 2, lines = 1;
    for (int i = 0; i < 2; i++)
        if (env->measure(env->measure_ctx, m->label_px, 1, p->caption[i], (int)strlen(p->caption[i])) > col_w)
            lines = 2;
    return lines * ov_line_height(m->label_px);
}

/* The progress picture (issue 14) in `area`: last time's face, an arrow,
 * this time's face, each caption under its face (wrapped when long), in the
 * chart's label size; not spoken (the sentence above says the same). A
 * face smaller than min_face squeezes the screen. Returns the height used,
 * 0 when there is no comparison or no room. */
static int progress_picture(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_menu *mn,
                            ov_rect area, int min_face)
{
    const ov_menu_progress *p = &mn->progress;
    if (!p->shown || area.w <= 0 || area.h <= 0)
        return 0;
    int arrow_w = area.w / PROGRESS_ARROW_DIV, col_w = (area.w - arrow_w - m->gap) / 2;
    int cap_h = caption_height(env, m, p, area.w);
    int face = area.h - cap_h - m->gap / 2;
    if (face > col_w)
        face = col_w;
    if (face > PROGRESS_FACE_MAX_TARGETS * m->target_aim) /* a TV: big, but not the whole column */
        face = PROGRESS_FACE_MAX_TARGETS * m->target_aim;
    if (face < min_face || face < ov_line_height(m->label_px)) {
        l->all_fit = 0; /* squeeze: no room for the faces */
        return 0;
    }
    int x0 = area.x + (area.w - 2 * col_w - arrow_w - m->gap) / 2;
    ov_layout_progress *lp = &l->progress;
    for (int i = 0; i < 2; i++) {
        int cx = x0 + i * (col_w + arrow_w + m->gap);
        lp->face[i] = (ov_rect){ cx + (col_w - face) / 2, area.y, face, face };
        ov_strlcpy(lp->face_path[i], p->picture[i], sizeof lp->face_path[i]);
        lp->colour[i] = p->colour[i][0] ? p->colour[i] : NULL;
        lp->shape[i] = p->shape[i];
        int tw = env->measure(env->measure_ctx, m->label_px, 1, p->caption[i], (int)strlen(p->caption[i]));
        int bw = tw + m->gap / 2 < col_w ? tw + m->gap / 2 : col_w; /* one line: centred under its face */
        ov_rect cap = { cx + (col_w - bw) / 2, area.y + face + m->gap / 2, bw, cap_h };
        ovl_add_text(l, env, m, p->caption[i], OV_TEXT_LABEL, cap, 0);
    }
    int ah = face / PROGRESS_ARROW_H_DIV > PROGRESS_ARROW_MIN_PX ? face / PROGRESS_ARROW_H_DIV
                                                                  : PROGRESS_ARROW_MIN_PX;
    lp->arrow = (ov_rect){ x0 + col_w + m->gap / 2, area.y + (face - ah) / 2, arrow_w, ah };
    return face + m->gap / 2 + cap_h;
}

static void menu_chart(ov_layout *l, const ov_layout_env *env, const metrics *m,
                       const ov_menu *mn, ov_rect chart) {
  if (mn->n_bars <= 0 || chart.h <= 0) {
    if (mn->n_bars > 0)
      l->all_fit = 0;
    return;
  }
  int bgap = m->gap / BAR_GAP_DIV > BAR_GAP_MIN_PX ? m->gap / BAR_GAP_DIV : BAR_GAP_MIN_PX; /* between bars */
  int bh = (chart.h - (mn->n_bars - 1) * bgap) / mn->n_bars;
  if (bh > m->target_aim)
    bh = m->target_aim;
  metrics cm = *m; /* the chart's words: smaller, down to the smallest readable, before it is left out */
  int floor_px = env->text_scale > 1.0 && m->std_label_px > m->min_px ? m->std_label_px : m->min_px;
  while (bh < ov_line_height(cm.label_px) && cm.label_px > floor_px) /* large text: never under standard */
    cm.label_px--;
  m = &cm;
  if (bh <
      ov_line_height(m->label_px)) { /* the words and counts need a line each */
    bh = ov_line_height(m->label_px);
    if (mn->n_bars * (bh + bgap) - bgap > chart.h) {
      l->all_fit = 0; /* squeeze: the chart does not fit */
      return;
    }
  }
  int word_w =
      chart.w * CHART_WORD_START_PCT / 100; /* the longest answer word, at most 2/5 of the chart */
  for (int i = 0; i < mn->n_bars; i++) {
    const char *wd = mn->bars[i].word;
    int w =
        env->measure(env->measure_ctx, m->label_px, 1, wd, (int)strlen(wd)) +
        m->gap;
    if (w > word_w)
      word_w = w;
  }
  int word_max = chart.w * (mn->progress.shown ? CHART_WORD_MAX_BESIDE_PCT : CHART_WORD_MAX_PCT) / 100;
  if (word_w > word_max) /* at most 2/5 of the chart (half beside the progress picture) */
    word_w = word_max;
  for (int i = 0; i < mn->n_bars && l->n_bars < OV_LAYOUT_MAX_BARS; i++)
    chart_bar(l, env, m, mn, &mn->bars[i], chart,
              chart.y + i * (bh + bgap), bh, word_w);
}

/* The metrics of the chart's words (they may be smaller than m's, to fit). */
static metrics chart_metrics(const ov_layout *l, const metrics *m)
{
    metrics cm = *m;
    if (l->n_bars > 0 && l->bars[0].label >= 0)
        cm.label_px = l->texts[l->bars[0].label].block.font_px;
    return cm;
}

/* The height the menu's lines after the first take, small, stacked in col. */
static int small_lines_height(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_rect col,
                              const ov_menu *mn)
{
    return stacked_height(l, env, m, mn, 1, m->small_px, col, 0);
}

/* The chart's width beside the side column: 2/3 of w; with the progress
 * picture (it needs the room) what the chart needs (a small face, the longest
 * answer word, a 20 mm bar and the count), from half of w up to 2/3. */
static int progress_chart_w(const ov_layout_env *env, const metrics *m, const ov_menu *mn, int w)
{
    if (!mn->progress.shown)
        return w * CHART_W_NUM / CHART_W_DEN;
    int longest = 0;
    for (int i = 0; i < mn->n_bars; i++) {
        const char *wd = mn->bars[i].word;
        int ww = env->measure(env->measure_ctx, m->label_px, 1, wd, (int)strlen(wd));
        if (ww + m->gap > longest)
            longest = ww + m->gap;
    }
    int count_w = env->measure(env->measure_ctx, m->label_px, 1, COUNT_SAMPLE, (int)sizeof COUNT_SAMPLE - 1);
    int need = ov_line_height(m->label_px) + longest + MM(env, CHART_BAR_MIN_MM) + count_w + 2 * m->gap;
    int chart_w = need > w / 2 ? need : w / 2;
    return chart_w < w * CHART_W_NUM / CHART_W_DEN ? chart_w : w * CHART_W_NUM / CHART_W_DEN;
}

/* Results with more to say than what most said (the comparison, the groups):
 * the title and the first line at the top, then the chart on the left and,
 * on the right of it (a third of the width, half with the progress picture), the picture over the
 * other lines, small, so the chart keeps its room. */
static void results_beside(ov_layout *l, const ov_layout_env *env, const ovl_frame *fr, const ov_menu *mn,
                           ov_rect words, ov_rect items)
{
    const metrics *m = &fr->m;
    ov_rect full = fr->full;
    const char *top[2] = { mn->title, mn->lines[0] };
    const ov_text_role top_roles[2] = { OV_TEXT_TITLE, OV_TEXT_BODY };
    int y = ovl_stack_texts(l, env, m, words, top, top_roles, 2, 0);
    int chart_w = progress_chart_w(env, m, mn, full.w);
    int low = full.y + fr->corner + m->gap;
    menu_chart(l, env, m, mn, (ov_rect){ full.x, y, chart_w, items.y - m->gap - y });
    int sy = y > low ? y : low; /* under "hear it again" */
    ov_rect side = { full.x + chart_w + m->gap, sy, full.w - chart_w - m->gap, items.y - m->gap - sy };
    metrics pm = chart_metrics(l, m);
    int rest_h = small_lines_height(l, env, m, side, mn);
    /* the faces never smaller than the chart's: the words under them squeeze instead */
    int min_face = l->n_bars > 0 ? l->bars[0].icon.w : 0;
    int min_h = min_face + m->gap / 2 + caption_height(env, &pm, &mn->progress, side.w);
    ov_rect pic = { side.x, side.y, side.w, side.h - rest_h - m->gap };
    if (pic.h < min_h)
        pic.h = min_h;
    int used = progress_picture(l, env, &pm, mn, pic, min_face);
    if (used > 0) {
        side.y += used + m->gap;
        side.h -= used + m->gap;
    }
    const char *rest[OV_MENU_MAX_LINES];
    ov_text_role roles[OV_MENU_MAX_LINES];
    for (int i = 1; i < mn->n_lines; i++) {
        rest[i - 1] = mn->lines[i];
        roles[i - 1] = OV_TEXT_SMALL;
    }
    ovl_stack_texts(l, env, m, side, rest, roles, mn->n_lines - 1, 0);
}

/* Portrait results: the progress picture at the top of `area`, over the
 * chart (at most 2/5 of the room, so the chart keeps its bars); returns the
 * y under it. */
static int portrait_progress(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_menu *mn,
                             ov_rect area)
{
    metrics pm = *m;
    int bars_h = mn->n_bars * ov_line_height(m->label_px);
    ov_rect pic = { area.x, area.y, area.w, area.h * PROGRESS_PORTRAIT_PCT / 100 };
    if (area.h - pic.h < bars_h)
        pic.h = area.h - bars_h;
    int used = progress_picture(l, env, &pm, mn, pic, 0);
    return used > 0 ? area.y + used + m->gap : area.y;
}

/* A menu: words at the top beside "hear it again", the buttons' rows kept at
 * the bottom, the chart (results) between them. */
static void lay_list(ov_layout *l, const ov_layout_env *env, const ovl_frame *fr, const ov_menu *mn,
                     const char *hear)
{
    const metrics *m = &fr->m;
    ov_rect full = fr->full;
    int cols = 1, bh = m->target_min;
    int n = mn->n_items;
    int rows_h = n > 0 ? menu_rows(env, fr, mn, mn->n_bars > 0 ? 1 : n, full.w, &cols, &bh) : 0;
    if (mn->n_bars > 0) { /* results: one row of buttons, as low as readable words allow */
        cols = n > 0 ? n : 1;
        rows_h = m->target_min;
        if (rows_h < ov_line_height(m->label_px) + 2 * m->margin)
            rows_h = ov_line_height(m->label_px) + 2 * m->margin;
    }
    metrics bm = *m; /* the buttons' words */
    int bgap = m->gap, room = full.h - rows_h - 2 * m->gap - fr->corner;
    if (m->portrait && n > 0 && mn->n_bars == 0 && lines_height(l, env, m, full.w, mn) > room)
        fewer_rows(env, fr, mn, full.w, &cols, &bgap, &bh, &rows_h, &bm);
    ov_rect items = { full.x, full.y + full.h - rows_h, full.w, rows_h };
    /* the words beside "hear it again"; portrait: the title there, the lines under its bar */
    ov_rect words = { full.x, full.y, full.w - fr->corner_w - m->gap, items.y - m->gap - full.y };
    int y;
    if (m->portrait) {
        ov_rect beside = { words.x, words.y, words.w, fr->corner };
        const ov_text_role title_role = OV_TEXT_TITLE;
        const char *title = mn->title;
        ovl_stack_texts(l, env, m, beside, &title, &title_role, 1, 0);
        ov_rect under = {full.x, full.y + fr->corner + m->gap, full.w,
                         items.y - 2 * m->gap - fr->corner - full.y};
        const char *lines[OV_MENU_MAX_LINES];
        ov_text_role roles[OV_MENU_MAX_LINES];
        for (int i = 0; i < mn->n_lines; i++) {
            lines[i] = mn->lines[i];
            roles[i] = OV_TEXT_BODY;
        }
        y = ovl_stack_texts(l, env, m, under, lines, roles, mn->n_lines,
                            mn->secret_line >= 0 ? OVL_UNSPOKEN(mn->secret_line) : 0);
    } else if (mn->n_bars > 0 && (mn->n_lines > 1 || mn->progress.shown)) {
        results_beside(l, env, fr, mn, words, items);
        y = -1;
    } else {
        y = menu_texts(l, env, m, mn, words);
    }
    /* the chart beside "hear it again" (narrower), or under it at full width */
    int chart_w = y < full.y + fr->corner + m->gap ? words.w : full.w;
    if (y >= 0 && m->portrait && mn->progress.shown)
        y = portrait_progress(l, env, m, mn, (ov_rect){ full.x, y, full.w, items.y - m->gap - y });
    if (y >= 0)
        menu_chart(l, env, m, mn, (ov_rect){ full.x, y, chart_w, items.y - m->gap - y });
    if (n > 0)
        menu_grid(l, env, &bm, mn, 0, n, cols, items, bgap);
    ovl_hear_again(l, env, m, NULL, fr->corner, fr->corner_w, hear);
}

static int layout_menu_once(const ov_layout_env *env, const void *menu, const char *hear, ov_layout *l,
                            int squeeze, const ovl_standard *std)
{
    const ov_menu *mn = menu;
    ovl_frame fr = ovl_begin(l, env, squeeze, std);
    l->kind = OV_SCREEN_COUNT;
    l->facilitator = 1;
    if (mn->keypad)
        lay_keypad(l, env, &fr, mn, hear);
    else
        lay_list(l, env, &fr, mn, hear);
    l->squeeze = squeeze;
    return l->all_fit ? OV_OK : OV_EINVAL;
}

int ov_layout_menu(const ov_layout_env *env, const void *menu, const char *hear, ov_layout *l)
{
    return ovl_fit_loop(env, menu, hear, l, layout_menu_once);
}
