/* layout_fit.h — "does this text fit its box on every supported screen?",
 * answered with the real layout and fonts, for the content checker
 * (its ov_check_opts.fit; platform/render.h fills it). */
#ifndef OV_LAYOUT_FIT_H
#define OV_LAYOUT_FIT_H

#include "base/textwrap.h"
#include "model/content_check.h"

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

/* The screens every text and every whole screen is fitted on (pixels). */
#define OV_FIT_N_SCREENS 6
typedef struct {
    int w, h;
} ov_fit_screen;
extern const ov_fit_screen ov_fit_screens[OV_FIT_N_SCREENS];

/* An ov_screens_fn (model/content_check.h; layout_fit_screens.c): lays out
 * each question's screen as the member meets it (progress, practice note,
 * title, sentences, answers, "previous question"; then the stopped scan's
 * strip over it, and the check screen of each answer), the review screen and
 * the facilitator's round screen, at every size of ov_fit_screens and every
 * theme (themes with the same text scale lay out the same: the first is
 * named), with the real layout code. For a question screen that does not fit
 * it tries the fixes (a shorter title, fewer sentences) at the size that
 * failed. ctx is an ov_layout_fit_ctx. Returns how many misfits it wrote to
 * out (at most max, one a question or screen), or -1 when out of memory. */
int ov_layout_screens_fit(void *ctx, const ov_content *c, ov_misfit *out, int max);

#endif
