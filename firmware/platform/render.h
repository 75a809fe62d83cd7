/* render.h — draws a screen layout with SDL2, SDL2_ttf and SDL2_image: text in
 * Andika (DejaVu fallback), pictures from SVG/PNG/JPG made into textures once
 * at the size needed and reused, the word being spoken highlighted.
 * The only module that draws; layout decides where things go. */
#ifndef OV_RENDER_H
#define OV_RENDER_H

#include "model/content_check.h"
#include "ui/layout.h"

typedef struct ov_render ov_render;
struct SDL_Renderer;

/* Open fonts and prepare drawing on `sdl_renderer` (an SDL_Renderer*).
 * `theme_name`: standard, high-contrast or large-text. Returns OV_OK with *out
 * (close with ov_render_close; Andika missing but DejaVu there: OV_OK and
 * ov_render_problem says so), or *out = NULL and a message in err with
 * OV_ENOTFOUND (no usable font installed), OV_EIO (SDL_ttf cannot start) or
 * OV_ENOMEM. */
int ov_render_open(struct SDL_Renderer *sdl_renderer, const char *theme_name, ov_render **out, char *err,
                   size_t errlen);

/* The measuring function for ov_layout_env (real font metrics): the width in
 * pixels of text[0..len) (at most 511 bytes) at font_px, or -1 when the font
 * cannot be opened or the text measured. */
int ov_render_measure(void *render, int font_px, int bold, const char *text, int len);

/* Switch to another theme (standard, high-contrast, large-text); the next
 * ov_render_draw draws everything. */
void ov_render_set_theme(ov_render *r, const char *theme_name);

/* Text size factor of the theme (1.0 standard, more for large text). */
double ov_render_text_scale(const ov_render *r);

/* Draw layout `l` on the current render target. `hl_text`/`hl_word` name the
 * word being spoken (-1: none). Always returns OV_OK; a picture that cannot
 * be shown is drawn as a plain shape and said by ov_render_problem.
 * When the target still holds the last frame drawn by r (a texture, or the
 * window of SDL's software renderer) and `l` is the same layout, only the
 * areas of the old and the new spoken word are redrawn (the same pixels as a
 * full draw); nothing at all when the word did not change either. */
int ov_render_draw(ov_render *r, const ov_layout *l, int hl_text, int hl_word);

/* The next ov_render_draw draws everything (call it when something else drew
 * on the target, or the target lost its pixels: the window was exposed or
 * resized). r NULL: nothing. */
void ov_render_invalidate(ov_render *r);

/* NULL, or a facilitator message about the last picture that could not be
 * shown or the missing Andika font (kept in r). */
const char *ov_render_problem(const ov_render *r);

/* Number of textures made so far (to show that they are reused). */
long ov_render_textures_made(const ov_render *r);

/* Fill opts->fit so the content checker judges "does this text fit its box"
 * with this renderer's real fonts and the real layout (see layout_fit.h),
 * and opts->glyphs so it finds letters the fonts cannot draw.
 * The opts stay valid while r is open. r or opts NULL: opts unchanged. */
void ov_render_content_fit(ov_render *r, ov_check_opts *opts);

/* For commands with no window (check-content): a renderer that can only
 * measure text (close with ov_render_close). Returns NULL (and the checker
 * keeps its character limits) when no font is installed or it cannot open. */
ov_render *ov_render_open_measure_only(void);

/* Free the textures, fonts and r. NULL is fine. */
void ov_render_close(ov_render *r);

#endif
