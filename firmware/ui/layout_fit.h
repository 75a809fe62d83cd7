/* layout_fit.h — "does this text fit its box on every supported screen?",
 * answered with the real layout and fonts, for the content checker
 * (its ov_check_opts.fit; platform/render.h fills it). */
#ifndef OV_LAYOUT_FIT_H
#define OV_LAYOUT_FIT_H

#include "base/textwrap.h"

typedef struct {
    ov_measure_fn measure; /* real font measuring (ov_render_measure) */
    void *measure_ctx;
} ov_layout_fit_ctx;

/* An ov_fit_fn (model/content_check.h): puts `text` in a box of `kind` of
 * the built-in content and lays out the question and confirm screens (and
 * the welcome, for a title) at 800x480, 1024x600, 1280x720, 1920x1080,
 * 720x1280 and 480x800 in the standard theme. ctx is an ov_layout_fit_ctx.
 * Returns 1 if it fits everywhere, 0 if not, -1 for a kind it does not know
 * or when out of memory (the checker then uses its limits). */
int ov_layout_fit(void *ctx, int kind, const char *text);

#endif
