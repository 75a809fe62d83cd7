/* textwrap.h — our own line breaking: measures each word, fills lines left
 * aligned, and keeps one rectangle per word so speech can highlight the word
 * being heard. Pure: the caller supplies the measuring function (real fonts in
 * the kiosk and in tests). */
#ifndef OV_TEXTWRAP_H
#define OV_TEXTWRAP_H

#include "base/ov_common.h"

#define OV_MAX_WORDS 96

typedef struct { int x, y, w, h; } ov_rect;

/* Width in pixels of `len` bytes of UTF-8 `text` at `font_px` (bold or not).
 * Returns < 0 when it cannot measure. */
typedef int (*ov_measure_fn)(void *ctx, int font_px, int bold, const char *text, int len);

typedef struct {
    ov_rect rect;       /* where the word is drawn (absolute) */
    int byte_start;     /* in the block's text */
    int byte_len;
    int char_start;     /* in characters, for matching speech positions */
    int char_len;
    int line;
} ov_word_box;

typedef struct {
    const char *text;   /* not owned: points into content */
    int font_px;
    int bold;
    ov_rect box;        /* the space given */
    ov_rect used;       /* the space the lines take */
    int line_h;
    int n_lines;
    ov_word_box words[OV_MAX_WORDS];
    int n_words;
    int fits;           /* 1 when every word is inside `box` */
} ov_text_block;

/* Break `text` into lines inside `box` at `font_px` ('\n' starts a new line).
 * Never writes outside `out`. Returns OV_OK when the text fits, OV_EINVAL when
 * it does not (out is still filled, with fits = 0), OV_EIO when measuring
 * failed (out then partly filled). A word wider than the box does not fit (no
 * mid-word breaks: easy read keeps words whole), nor does a text of more than
 * OV_MAX_WORDS words (only the first OV_MAX_WORDS get boxes). */
int ov_wrap_text(const char *text, int font_px, int bold, ov_rect box,
                 ov_measure_fn measure, void *ctx, ov_text_block *out);

/* Like ov_wrap_text but shrinks the font from `font_px` down to `min_px`
 * (1 px a step, 2 above 40 px) until it fits. Returns OV_OK if it fits at some
 * size >= min_px, OV_EIO when measuring failed, else OV_EINVAL (laid out at
 * min_px). min_px above font_px counts as font_px. */
int ov_wrap_text_fit(const char *text, int font_px, int min_px, int bold, ov_rect box,
                     ov_measure_fn measure, void *ctx, ov_text_block *out);

/* Line height used for a font size (1.3 x, rounded up: generous spacing for
 * new readers). */
int ov_line_height(int font_px);

/* 1 when the two rectangles overlap (share any pixel). */
int ov_rect_overlap(ov_rect a, ov_rect b);
/* 1 when `inner` lies completely inside `outer`. */
int ov_rect_inside(ov_rect inner, ov_rect outer);

#endif
