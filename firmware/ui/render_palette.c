/* render_palette.c — the renderer's colours, copied from a theme. */
#include "ui/render_palette.h"

#include <string.h>

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
    p->focus = t->focus;
    p->highlight_bg = t->highlight_bg;
    p->highlight_text = t->highlight_text;
    p->yes_fill = t->yes_fill;
    p->yes_text = t->yes_text;
    p->no_fill = t->no_fill;
    p->no_text = t->no_text;
    p->warning_bg = t->warning_bg;
    p->warning_text = t->warning_text;
    p->text_scale = t->text_scale > 0 ? t->text_scale : 1.0;
}

void ov_palette_answer(const ov_palette *p, const char *colour, ov_rgb *fill, ov_rgb *text, ov_rgb *edge)
{
    *fill = ov_theme_answer_fill(p->theme, colour);
    *text = ov_theme_answer_text(p->theme, colour);
    *edge = ov_theme_answer_outline(p->theme, colour);
}
