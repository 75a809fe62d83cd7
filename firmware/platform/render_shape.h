/* render_shape.h — an answer's face or shape drawn with SDL2 triangles, for
 * answers without a picture (the same shapes as report_html.c draws in SVG),
 * so answers differ by shape, not by colour alone. Used by render.c. */
#ifndef OV_RENDER_SHAPE_H
#define OV_RENDER_SHAPE_H

#include "model/content.h"
#include "model/theme.h"
#include "base/textwrap.h"

struct SDL_Renderer;

/* Draw `shape` centred in `box` (its smaller side is the shape's size):
 * filled with `fill`, outlined in `edge`, the face's eyes and mouth (and the
 * question mark) in `ink`. OV_SHAPE_NONE is a plain disc in `ink`. Returns
 * nothing; a box under 4 px draws nothing. */
void ov_render_shape(struct SDL_Renderer *sdl, ov_shape shape, ov_rect box, ov_rgb fill, ov_rgb edge,
                     ov_rgb ink);

#endif
