/* render_palette.h — the colours the renderer needs, taken from a theme
 * (firmware/theme.h). Kept apart so the renderer does not depend on how
 * themes are stored. */
#ifndef OV_RENDER_PALETTE_H
#define OV_RENDER_PALETTE_H

#include "model/theme.h"

typedef struct {
    ov_rgb background, text, muted, panel, plate, outline, focus;
    ov_rgb highlight_bg, highlight_text;
    ov_rgb yes_fill, yes_text, no_fill, no_text;
    ov_rgb warning_bg, warning_text;
    double text_scale;
    const ov_theme *theme;
} ov_palette;

/* Fill *p from the named theme ("standard" when the name is unknown). */
void ov_palette_for_theme(const char *name, ov_palette *p);

/* Fill, text and outline colours of an answer colour name ("red", ...). */
void ov_palette_answer(const ov_palette *p, const char *colour, ov_rgb *fill, ov_rgb *text, ov_rgb *edge);

#endif
