/* layout_menu.c — where things go on facilitator screens (PIN pad, menus,
 * results chart), built from an ov_menu; shares its parts with layout.c. */
#include "ui/layout.h"
#include "ui/layout_parts.h"
#include "ui/facilitator.h"

#include <stdio.h>
#include <string.h>

static int layout_menu_once(const ov_layout_env *env, const ov_menu *mn, const char *hear, ov_layout *l,
                            int squeeze)
{
    memset(l, 0, sizeof *l);
    l->screen = (ov_rect){ 0, 0, env->w, env->h };
    l->px_per_mm = env->px_per_mm;
    l->kind = OV_SCREEN_COUNT;
    l->facilitator = 1;
    l->all_fit = 1;
    metrics m = ovl_measure_screen(env, squeeze);
    int lo = env->w < env->h ? env->w : env->h;
    int corner = m.target_aim > lo / 5 ? m.target_aim : lo / 5;
    if (corner > env->h / 4 && !m.portrait)
        corner = env->h / 4 > m.target_min ? env->h / 4 : m.target_min;
    int corner_w = m.portrait ? env->w * 2 / 5 : corner * 13 / 10;
    ov_rect full = { m.margin, m.margin, env->w - 2 * m.margin, env->h - 2 * m.margin };

    /* the text column: beside the keypad (landscape) or above everything */
    ov_rect textcol = { full.x, full.y, full.w - corner_w - m.gap, full.h };
    ov_rect items = full;
    if (mn->keypad && !m.portrait) {
        int kw = full.w * 55 / 100;
        items = (ov_rect){ full.x + full.w - kw, full.y + corner + m.gap, kw, full.h - corner - m.gap };
        textcol = (ov_rect){ full.x, full.y, full.w - kw - m.gap, full.h - m.target_min - m.gap };
    }
    const char *texts[1 + OV_MENU_MAX_LINES] = { mn->title };
    ov_text_role roles[1 + OV_MENU_MAX_LINES] = { OV_TEXT_TITLE };
    for (int i = 0; i < mn->n_lines; i++) {
        texts[1 + i] = mn->lines[i];
        roles[1 + i] = OV_TEXT_BODY;
    }
    /* typed PIN digits are shown as stars and never spoken */
    int y = ovl_stack_texts(l, env, &m, textcol, texts, roles, 1 + mn->n_lines,
                            mn->secret_line >= 0 ? OVL_UNSPOKEN(1 + mn->secret_line) : 0);
    if (m.portrait && y < full.y + corner + m.gap)
        y = full.y + corner + m.gap;
    if (!(mn->keypad && !m.portrait))
        items = (ov_rect){ full.x, y, full.w, full.y + full.h - y };

    int n = mn->n_items;
    int grid_n = n;
    if (mn->keypad) {
        grid_n = 12; /* 3 rows of 4; Cancel goes under the text (landscape) or below (portrait) */
        ov_rect cancel = m.portrait
                             ? (ov_rect){ full.x, full.y + full.h - m.target_min, full.w, m.target_min }
                             : (ov_rect){ full.x, full.y + full.h - m.target_min, textcol.w, m.target_min };
        if (m.portrait)
            items.h -= m.target_min + m.gap;
        if (n > 12) {
            ov_layout_button *b = ovl_add_button(l, OV_TARGET_MENU, 12, OV_BTN_STYLE_NO, cancel);
            if (b)
                ovl_button_content(l, env, &m, b, mn->items[12].label, 0);
        }
    }
    if (!mn->keypad &&
        items.y < full.y + corner + m.gap) { /* buttons and chart start below "hear it again" */
        int dy = full.y + corner + m.gap - items.y;
        items.y += dy;
        items.h -= dy;
    }
    if (mn->n_bars > 0) { /* results chart between the text and the buttons */
        int rows_h = m.portrait ? m.target_aim : m.target_min;
        ov_rect chart = { items.x, items.y, items.w, items.h - rows_h - m.gap };
        items = (ov_rect){ items.x, items.y + items.h - rows_h, items.w, rows_h };
        int bh = (chart.h - (mn->n_bars - 1) * (m.gap / 2)) / mn->n_bars;
        if (bh > m.target_aim)
            bh = m.target_aim;
        int word_w = chart.w / 4;
        int count_w = env->measure(env->measure_ctx, m.title_px, 1, "0000", 4);
        for (int i = 0; i < mn->n_bars && l->n_bars < OV_LAYOUT_MAX_BARS; i++) {
            ov_layout_bar *b = &l->bars[l->n_bars++];
            int by = chart.y + i * (bh + m.gap / 2);
            b->icon = (ov_rect){ chart.x, by, bh, bh };
            ov_strlcpy(b->icon_path, mn->bars[i].picture, sizeof b->icon_path);
            b->colour = mn->bars[i].colour;
            ov_rect wbox = { chart.x + bh + m.gap / 2, by, word_w, bh };
            b->label = ovl_add_text(l, env, &m, mn->bars[i].word, OV_TEXT_LABEL, wbox, 0);
            b->track = (ov_rect){ wbox.x + word_w + m.gap / 2, by + bh / 6,
                                  chart.w - bh - word_w - count_w - 2 * m.gap, bh * 2 / 3 };
            long max = mn->bar_max > 0 ? mn->bar_max : 1;
            b->bar = b->track;
            b->bar.w = (int)(b->track.w * mn->bars[i].count / max);
            char digits[24];
            snprintf(digits, sizeof digits, "%ld", mn->bars[i].count);
            ov_rect cbox = { b->track.x + b->track.w + m.gap / 2, by, count_w + m.gap / 2, bh };
            b->count = ovl_add_text(l, env, &m, ovl_pool_add(l, digits), OV_TEXT_TITLE, cbox, 0);
        }
    }
    if (grid_n > 0 && items.h > 0) {
        int cols = mn->keypad   ? 4
                   : m.portrait ? (grid_n > 8 ? 3 : 2)
                                : (grid_n <= 4 ? grid_n : (grid_n + 1) / 2);
        if (mn->n_bars > 0)
            cols = grid_n;
        int rows = (grid_n + cols - 1) / cols;
        int bw = (items.w - (cols - 1) * m.gap) / cols;
        int bh = (items.h - (rows - 1) * m.gap) / rows;
        if (!mn->keypad && bh > m.target_aim * 3 / 2)
            bh = m.target_aim * 3 / 2;
        for (int i = 0; i < grid_n && i < n; i++) {
            ov_rect r = { items.x + (i % cols) * (bw + m.gap), items.y + (i / cols) * (bh + m.gap), bw, bh };
            const ov_menu_item *it = &mn->items[i];
            ov_button_style st = it->style == OV_MENU_GO     ? OV_BTN_STYLE_YES
                                 : it->style == OV_MENU_STOP ? OV_BTN_STYLE_NO
                                                             : OV_BTN_STYLE_PLAIN;
            ov_layout_button *b = ovl_add_button(l, OV_TARGET_MENU, i, st, r);
            if (!b)
                break;
            if (it->icon)
                ovl_control_path(env, it->icon, b->icon_path, sizeof b->icon_path);
            if (mn->keypad && !it->icon) { /* digits: big, centred, no picture */
                int lh = ov_line_height(m.title_px);
                int tw = env->measure(env->measure_ctx, m.title_px, 1, it->label, (int)strlen(it->label));
                if (tw < 0 || tw > r.w - m.margin)
                    tw = r.w - m.margin;
                ov_rect box = { r.x + (r.w - tw) / 2, r.y + (r.h - lh) / 2, tw + 1, lh };
                b->label = ovl_add_text(l, env, &m, it->label, OV_TEXT_TITLE, box, 0);
            } else {
                metrics mm = m;
                if (b->rect.w <= b->rect.h * 2 && it->icon == NULL) { /* words only: centred */
                    ov_rect box = { r.x + m.margin / 2, r.y + m.margin / 2, r.w - m.margin, r.h - m.margin };
                    b->label = ovl_add_text(l, env, &mm, it->label, OV_TEXT_LABEL, box, 0);
                } else {
                    ovl_button_content(l, env, &mm, b, it->label, 0);
                }
            }
        }
    }
    ovl_hear_again(l, env, &m, NULL, corner, corner_w, hear);
    return l->all_fit ? OV_OK : OV_EINVAL;
}

int ov_layout_menu(const ov_layout_env *env, const void *menu, const char *hear, ov_layout *l)
{
    int r = OV_EINVAL;
    for (int squeeze = 0; squeeze <= 6 && r != OV_OK; squeeze++)
        r = layout_menu_once(env, menu, hear, l, squeeze);
    return r;
}
