/* render_palette.c — the renderer's colours, copied from a theme. */
#include "ui/render_palette.h"

#include <math.h>
#include <string.h>

/* Contrast the pill needs against what is around it, and the word on it. */
#define PILL_CONTRAST 3.0
#define WORD_CONTRAST 4.5

void ov_palette_for_theme(const char *name, ov_palette *p)
{
    const ov_theme *t = ov_theme_get(name);
    if (!t)
        t = ov_theme_get("standard");
    memset(p, 0, sizeof *p);
    p->theme = t;
    p->background = t->background;
    p->text = t->text;
    p->muted = t->muted;
    p->panel = t->button_fill;
    p->plate = t->plate;
    p->outline = t->outline;
    p->focus = t->facilitator_band;
    p->focus_ring = t->focus;
    p->highlight_bg = t->highlight_bg;
    p->highlight_text = t->highlight_text;
    p->yes_fill = t->yes_fill;
    p->yes_text = t->yes_text;
    p->no_fill = t->no_fill;
    p->no_text = t->no_text;
    p->warning_bg = t->warning_bg;
    p->warning_text = t->warning_text;
    p->text_scale = t->text_scale > 0 ? t->text_scale : 1.0;
    p->focus_mm = t->focus_mm > OV_FOCUS_MIN_MM ? t->focus_mm : OV_FOCUS_MIN_MM;
}

int ov_palette_focus_px(const ov_palette *p, double px_per_mm)
{
    double mm = p->focus_mm > OV_FOCUS_MIN_MM ? p->focus_mm : OV_FOCUS_MIN_MM;
    return (int)ceil(mm * px_per_mm);
}

int ov_palette_focus_gap_px(const ov_palette *p, ov_rgb edge, double px_per_mm)
{
    if (ov_contrast_ratio(p->focus_ring, edge) >= PILL_CONTRAST)
        return 0;
    return (int)ceil(OV_FOCUS_GAP_MM * px_per_mm);
}

void ov_palette_word_highlight(const ov_palette *p, ov_rgb text, ov_rgb behind, ov_rgb *pill, ov_rgb *word)
{
    if (ov_contrast_ratio(p->highlight_bg, behind) >= PILL_CONTRAST &&
        ov_contrast_ratio(p->highlight_bg, p->highlight_text) >= WORD_CONTRAST) {
        *pill = p->highlight_bg;
        *word = p->highlight_text;
        return;
    }
    *pill = text;
    *word = behind;
}

void ov_palette_answer(const ov_palette *p, const char *colour, ov_rgb *fill, ov_rgb *text, ov_rgb *edge)
{
    *fill = ov_theme_answer_fill(p->theme, colour);
    *text = ov_theme_answer_text(p->theme, colour);
    *edge = ov_theme_answer_outline(p->theme, colour);
}
