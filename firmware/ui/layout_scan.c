/* layout_scan.c — the strip a stopped scan shows (see layout_scan.h). */
#include "ui/layout_scan.h"
#include "ui/layout_parts.h"

/* The strip's height in millimetres: one line of body text and its margins. */
#define PROMPT_STRIP_MM 16
/* ... at most 1/4 of the screen's height; it stops short of a target in the
 * top row, but keeps at least 1/3 of the width. */
#define PROMPT_STRIP_MAX_DIV 4
#define PROMPT_STRIP_MIN_W_DIV 3

int ov_layout_scan_prompt(const ov_layout_env *env, const char *text, ov_layout *l)
{
    if (!text || !*text || l->n_texts >= OV_LAYOUT_MAX_TEXTS)
        return OV_ENOSPC;
    metrics m = ovl_measure_screen(env, l->squeeze, 0);
    for (int i = 0, first = 1; i < l->n_texts; i++) /* the words as big as the screen's own */
        if (l->texts[i].role == OV_TEXT_BODY && (first || l->texts[i].block.font_px > m.body_px)) {
            m.body_px = l->texts[i].block.font_px;
            first = 0;
        }
    int h = MM(env, PROMPT_STRIP_MM);
    if (h > l->screen.h / PROMPT_STRIP_MAX_DIV)
        h = l->screen.h / PROMPT_STRIP_MAX_DIV;
    l->banner = (ov_rect){ m.margin / 2, m.margin / 2, l->screen.w - m.margin, h };
    for (int i = 0; i < l->n_buttons; i++) { /* stop short of a target in the top row */
        ov_rect b = l->buttons[i].rect;
        if (ov_rect_overlap(b, l->banner) && b.x > l->banner.x + l->banner.w / PROMPT_STRIP_MIN_W_DIV)
            l->banner.w = b.x - m.gap - l->banner.x;
    }
    ov_text_block trial; /* narrower (portrait): as high as its lines need, at most a quarter */
    ov_wrap_text(text, m.body_px, 0, (ov_rect){ 0, 0, l->banner.w - 2 * m.gap, l->screen.h }, env->measure,
                 env->measure_ctx, &trial);
    if (trial.used.h + m.gap > h)
        h = trial.used.h + m.gap < l->screen.h / PROMPT_STRIP_MAX_DIV ? trial.used.h + m.gap
                                                                  : l->screen.h / PROMPT_STRIP_MAX_DIV;
    l->banner.h = h;
    for (int i = 0; i < l->n_texts; i++) /* the strip covers these words for now */
        if (ov_rect_overlap(l->texts[i].block.used, l->banner))
            l->texts[i].block.n_words = 0;
    l->progress_dots.w = ov_rect_overlap(l->progress_dots, l->banner) ? 0 : l->progress_dots.w;
    ov_rect box = { l->banner.x + m.gap, l->banner.y + m.gap / 2, l->banner.w - 2 * m.gap, h - m.gap };
    return ovl_add_text(l, env, &m, text, OV_TEXT_BODY, box, 0) >= 0 ? OV_OK : OV_ENOSPC;
}
