/* render_palette.h — the colours the renderer needs, taken from a theme
 * (model/theme.h). Kept apart so the renderer does not depend on how
 * themes are stored. */
#ifndef OV_RENDER_PALETTE_H
#define OV_RENDER_PALETTE_H

#include "model/theme.h"

typedef struct {
    ov_rgb background, text, muted, panel, plate, outline;
    ov_rgb focus; /* the facilitator screens' edge bands (the theme's facilitator_band) */
    ov_rgb highlight_bg, highlight_text;
    ov_rgb yes_fill, yes_text, no_fill, no_text;
    ov_rgb warning_bg, warning_text;
    ov_rgb focus_ring; /* the ring around a focused or scanned target (the theme's focus) */
    double text_scale;
    double focus_mm; /* focus ring width, at least OV_FOCUS_MIN_MM */
    const ov_theme *theme;
} ov_palette;

/* The focus / scanning ring is at least this wide (issue 13, WCAG 2.2). */
#define OV_FOCUS_MIN_MM 3.0

/* Fill *p from the named theme ("standard" when the name is unknown). */
void ov_palette_for_theme(const char *name, ov_palette *p);

/* Fill, text and outline colours of an answer colour name ("red", ...); the
 * theme's grey for a name it does not have. */
void ov_palette_answer(const ov_palette *p, const char *colour, ov_rgb *fill, ov_rgb *text, ov_rgb *edge);

/* Width in pixels of the focus ring, drawn just outside a target's outline:
 * the theme's focus_mm, never under OV_FOCUS_MIN_MM, rounded up. */
int ov_palette_focus_px(const ov_palette *p, double px_per_mm);

/* The band in the background colour between the ring and a target's
 * outline, where it is needed (ov_palette_focus_gap_px). */
#define OV_FOCUS_GAP_MM 0.6

/* The ring never comes nearer than this to the screen's edge (a bezel may
 * hide the outermost pixels); where the target leaves less room outside it,
 * the ring is drawn inside the target (platform/render.c). */
#define OV_FOCUS_SCREEN_MARGIN_MM 1.0

/* Width in pixels of the band by the outline: OV_FOCUS_GAP_MM rounded up when the ring
 * colour is under 3:1 against the outline `edge` (the yellow ring by a white
 * outline in high contrast); 0 when the ring may touch the outline. */
int ov_palette_focus_gap_px(const ov_palette *p, ov_rgb edge, double px_per_mm);

/* The spoken word's highlight for a word written in `text` on `behind`: the
 * theme's highlight colours when they stand out from `behind` (3:1) and the
 * word reads on them (4.5:1), otherwise the text's own colours swapped (a
 * pill in the text colour, the word in the colour behind). */
void ov_palette_word_highlight(const ov_palette *p, ov_rgb text, ov_rgb behind, ov_rgb *pill, ov_rgb *word);

#endif
