/* render.c — drawing layouts with SDL2 + SDL2_ttf + SDL2_image. */
#include "platform/render.h"
#include "platform/picture.h"
#include "platform/render_shape.h"
#include "ui/render_palette.h"
#include "model/content_check.h"
#include "ui/layout_fit.h"
#include "base/utf8.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define MAX_FONTS 160 /* sizes x weights: layouts try several sizes while fitting */
/* After a draw, fonts not used since the draw before are closed while more
 * than this many are open (each size holds its own face and glyph cache). */
#define FONTS_KEPT 12
#define MAX_TEXTURES 384
/* After a full draw, textures the screen did not use are destroyed, least
 * recently used first, while all the cached textures hold more bytes than
 * this (a 1080p picture alone is ~1 MB; issue 15: a visit in 40 MiB). */
#define TEXTURE_BUDGET_BYTES (3L << 20)
/* Room redrawn around a spoken word when the highlight moves: its pill and
 * any ring drawn around it stay inside font_px / DIV + PX pixels. */
#define HIGHLIGHT_MARGIN_DIV 2
#define HIGHLIGHT_MARGIN_PX 4
#define BYTES_PER_PIXEL 4L /* a texture's pixel (RGBA), for TEXTURE_BUDGET_BYTES */
#define TEX_KEY_LEN 160    /* a cached texture's key: its kind, size and word or picture path (cut) */
#define WORD_TEXT_LEN 512  /* a text measured or drawn at once (longer is cut) */
#define PROBLEM_LEN 256    /* the renderer's first problem (a font or picture that failed) */

/* What is drawn, in mm of the panel or as 1/N of a size (the layout places
 * things; these are the strokes and roundings). */
#define OUTLINE_MM 0.8            /* a button's outline, and the ring of an empty progress face ... */
#define OUTLINE_SHORT_DIV 160     /* ... and a button's at least 1/160 of the short side (a TV) */
#define BUTTON_ROUND_DIV 8        /* a button's corners: 1/8 of its height */
#define WORD_PILL_PAD_DIV 8       /* the spoken word's pill reaches 1/8 of the font size beside it */
#define DARK_BEHIND_LUMINANCE 0.2 /* behind a picture darker than this, it sits on a light plate ... */
#define PLATE_PAD_DIV 16          /* ... 1/16 of its width wider all round */
#define PICTURE_ROUND_DIV 8       /* the plate's and a missing picture's corners: 1/8 of the width */
#define SHAPE_INSET_DIV 12        /* an answer's shape sits 1/12 of its side inside its plate */
#define ARROW_HEAD_W_PCT 150      /* the progress arrow's head: this % of the arrow's height long ... */
#define ARROW_HEAD_H_PCT 75       /* ... and reaching this % of it above and below the middle */
#define FAC_BAND_MM 1.5           /* the bands on a facilitator screen's top and bottom */
#define BAR_ROUND_DIV 4           /* a results bar's and its track's corners: 1/4 of the height */
#define BAR_OUTLINE_MM 0.6        /* a results bar's outline */
#define BANNER_ROUND_DIV 6        /* the warning strip's corners: 1/6 of its height */

static const char *const font_regular[] = {
    "/usr/share/fonts/truetype/andika/Andika-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};
static const char *const font_bold[] = {
    "/usr/share/fonts/truetype/andika/Andika-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
};

typedef struct {
    int px, bold;
    TTF_Font *font;
    unsigned long used;
} font_slot;

/* Widths already measured: layouts and the start-up fit checks measure the
 * same words at the same sizes again and again (HarfBuzz shaping is slow). */
#define MEASURE_SLOTS 4096 /* a power of two */
#define MEASURE_TEXT 40    /* longer texts are measured every time */
typedef struct {
    int px, bold, len, w; /* len 0: empty slot */
    char text[MEASURE_TEXT];
} measure_slot;

typedef struct {
    char key[TEX_KEY_LEN];
    int w, h;
    SDL_Texture *tex;
    unsigned long used; /* for least-recently-used eviction */
} tex_slot;

/* The frame drawn last on a target texture (which keeps it): a new draw of the
 * same layout with only the spoken word moved redraws just the two words. */
typedef struct {
    ov_layout *layout; /* a copy of the layout drawn, NULL before the first draw */
    uint64_t words;    /* hash of the words' letters (the layout holds pointers to them) */
    SDL_Texture *target;
    int valid;
    int hl_text, hl_word;
} last_frame;

struct ov_render {
    SDL_Renderer *sdl;
    ov_palette pal;
    font_slot fonts[MAX_FONTS];
    int n_fonts;
    const char *regular_path, *bold_path;
    tex_slot tex[MAX_TEXTURES];
    unsigned long clock;
    long made;
    char problem[PROBLEM_LEN];
    ov_layout_fit_ctx fit_ctx; /* for ov_render_content_fit */
    last_frame last;           /* what the render target holds, to redraw only what changed */
    measure_slot *measured;    /* MEASURE_SLOTS widths, or NULL (out of memory: measure every time) */
    unsigned long drawn_clock; /* the clock at the end of the last draw */
    unsigned long full_clock;  /* the clock when the last full draw began */
    int window_keeps;          /* 1: the window keeps its pixels between frames (software renderer) */
};

static int file_exists(const char *p)
{
    FILE *f = fopen(p, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

int ov_render_open(struct SDL_Renderer *sdl, const char *theme, ov_render **out, char *err, size_t errlen)
{
    *out = NULL;
    if (!TTF_WasInit() && TTF_Init() != 0)
        return ov_fail(err, errlen, OV_EIO, "cannot start the font library: %s", TTF_GetError());
    ov_render *r = calloc(1, sizeof *r);
    if (!r)
        return ov_fail(err, errlen, OV_ENOMEM, "out of memory");
    r->sdl = sdl;
    r->measured = calloc(MEASURE_SLOTS, sizeof *r->measured);
    SDL_RendererInfo info;
    r->window_keeps = sdl && SDL_GetRendererInfo(sdl, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    ov_palette_for_theme(theme, &r->pal);
    for (size_t i = 0; i < OV_ARRAY_LEN(font_regular); i++)
        if (file_exists(font_regular[i])) {
            r->regular_path = font_regular[i];
            r->bold_path = font_bold[i];
            break;
        }
    if (!r->regular_path) {
        free(r->measured);
        free(r);
        return ov_fail(err, errlen, OV_ENOTFOUND,
                       "no font found: install fonts-sil-andika (or fonts-dejavu-core)");
    }
    if (!file_exists(r->bold_path))
        r->bold_path = r->regular_path;
    if (strcmp(r->regular_path, font_regular[0]) != 0)
        snprintf(r->problem, sizeof r->problem,
                 "Andika font missing, using DejaVu: install fonts-sil-andika");
    SDL_SetRenderDrawBlendMode(sdl, SDL_BLENDMODE_NONE); /* every fill is opaque: no blending path */
    *out = r;
    return OV_OK;
}

void ov_render_set_theme(ov_render *r, const char *theme)
{
    ov_palette_for_theme(theme, &r->pal);
    ov_render_invalidate(r);
}

void ov_render_invalidate(ov_render *r)
{
    if (r)
        r->last.valid = 0;
}

double ov_render_text_scale(const ov_render *r) { return r->pal.text_scale; }
const char *ov_render_problem(const ov_render *r) { return r->problem[0] ? r->problem : NULL; }
long ov_render_textures_made(const ov_render *r) { return r->made; }

static int measure_text(ov_render *r, int px, int bold, const char *text, int len);

static TTF_Font *font_for(ov_render *r, int px, int bold)
{
    for (int i = 0; i < r->n_fonts; i++)
        if (r->fonts[i].px == px && r->fonts[i].bold == bold) {
            r->fonts[i].used = ++r->clock;
            return r->fonts[i].font;
        }
    TTF_Font *f = TTF_OpenFont(bold ? r->bold_path : r->regular_path, px);
    if (!f)
        return NULL;
    int slot = r->n_fonts;
    if (slot == MAX_FONTS) { /* forget the least recently used size */
        slot = 0;
        for (int i = 1; i < MAX_FONTS; i++)
            if (r->fonts[i].used < r->fonts[slot].used)
                slot = i;
        TTF_CloseFont(r->fonts[slot].font);
    } else {
        r->n_fonts++;
    }
    r->fonts[slot] = (font_slot){ px, bold, f, ++r->clock };
    return f;
}

/* The slot where this text's width is or would be kept, or NULL when not cached. */
static measure_slot *measure_slot_for(ov_render *r, int px, int bold, const char *text, int len)
{
    if (!r->measured || len <= 0 || len >= MEASURE_TEXT)
        return NULL;
    uint32_t h = 2166136261u ^ (uint32_t)(px * 2 + bold);
    for (int i = 0; i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 16777619u;
    return &r->measured[h & (MEASURE_SLOTS - 1)]; /* a clash simply replaces the older width */
}

int ov_render_measure(void *ctx, int px, int bold, const char *text, int len)
{
    ov_render *r = ctx;
    measure_slot *m = measure_slot_for(r, px, bold, text, len);
    if (m && m->len == len && m->px == px && m->bold == bold && !memcmp(m->text, text, (size_t)len))
        return m->w;
    int w = measure_text(r, px, bold, text, len);
    if (m && w >= 0) {
        *m = (measure_slot){ px, bold, len, w, { 0 } };
        memcpy(m->text, text, (size_t)len);
    }
    return w;
}

static int measure_text(ov_render *r, int px, int bold, const char *text, int len)
{
    TTF_Font *f = font_for(r, px, bold);
    if (!f)
        return -1;
    char buf[WORD_TEXT_LEN];
    if (len >= (int)sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, text, (size_t)len);
    buf[len] = '\0';
    int w = 0, h = 0;
    if (TTF_SizeUTF8(f, buf, &w, &h) != 0)
        return -1;
    return w;
}

/* ---- texture cache: every word and picture is made into a texture once ---- */

static tex_slot *cache_find(ov_render *r, const char *key)
{
    for (int i = 0; i < MAX_TEXTURES; i++)
        if (r->tex[i].tex && !strcmp(r->tex[i].key, key)) {
            r->tex[i].used = ++r->clock;
            return &r->tex[i];
        }
    return NULL;
}

static tex_slot *cache_put(ov_render *r, const char *key, SDL_Texture *t, int w, int h)
{
    int victim = 0;
    for (int i = 0; i < MAX_TEXTURES; i++) {
        if (!r->tex[i].tex) {
            victim = i;
            break;
        }
        if (r->tex[i].used < r->tex[victim].used)
            victim = i;
    }
    tex_slot *s = &r->tex[victim];
    if (s->tex)
        SDL_DestroyTexture(s->tex);
    ov_strlcpy(s->key, key, sizeof s->key);
    s->tex = t;
    s->w = w;
    s->h = h;
    s->used = ++r->clock;
    r->made++;
    return s;
}

static tex_slot *word_texture(ov_render *r, const char *text, int len, int px, int bold, ov_rgb c)
{
    char key[TEX_KEY_LEN];
    snprintf(key, sizeof key, "w|%d|%d|%02x%02x%02x|%.*s", px, bold, c.r, c.g, c.b, len, text);
    tex_slot *s = cache_find(r, key);
    if (s)
        return s;
    TTF_Font *f = font_for(r, px, bold);
    if (!f)
        return NULL;
    char buf[WORD_TEXT_LEN];
    if (len >= (int)sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, text, (size_t)len);
    buf[len] = '\0';
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, buf, (SDL_Color){ c.r, c.g, c.b, 255 });
    if (!surf)
        return NULL;
    SDL_Texture *t = SDL_CreateTextureFromSurface(r->sdl, surf);
    int w = surf->w, h = surf->h;
    SDL_FreeSurface(surf);
    return t ? cache_put(r, key, t, w, h) : NULL;
}

static tex_slot *picture_texture(ov_render *r, const char *path, int w, int h)
{
    char key[TEX_KEY_LEN];
    snprintf(key, sizeof key, "p|%d|%d|%s", w, h, path);
    tex_slot *s = cache_find(r, key);
    if (s)
        return s;
    char why[OV_ERR_LEN];
    SDL_Surface *surf = ov_picture_load(path, w, h, why, sizeof why); /* never blocks, format by name */
    if (!surf) {
        snprintf(r->problem, sizeof r->problem, "picture %s cannot be shown: %s", path, why);
        return NULL;
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(r->sdl, surf);
    int sw = surf->w, sh = surf->h;
    SDL_FreeSurface(surf);
    if (!t)
        return NULL;
    SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    return cache_put(r, key, t, sw, sh);
}

/* ---- shapes ---- */

static void set_colour(SDL_Renderer *s, ov_rgb c) { SDL_SetRenderDrawColor(s, c.r, c.g, c.b, 255); }

static void fill_rect(SDL_Renderer *s, ov_rect r, ov_rgb c)
{
    set_colour(s, c);
    SDL_Rect q = { r.x, r.y, r.w, r.h };
    SDL_RenderFillRect(s, &q);
}

/* The triangle fan of a rounded rectangle (SDL_RenderGeometry). */
static void fill_round_fan(SDL_Renderer *s, ov_rect r, int rad, ov_rgb c)
{
    enum { SEG = 8 };
    SDL_Vertex v[4 * (SEG + 1) + 1];
    int n = 0;
    SDL_Color col = { c.r, c.g, c.b, 255 };
    float cx[4] = { r.x + r.w - rad, (float)r.x + rad, (float)r.x + rad, (float)r.x + r.w - rad };
    float cy[4] = { (float)r.y + rad, (float)r.y + rad, (float)r.y + r.h - rad, (float)r.y + r.h - rad };
    v[n++] = (SDL_Vertex){ { r.x + r.w / 2.0f, r.y + r.h / 2.0f }, col, { 0, 0 } };
    for (int k = 0; k < 4; k++)
        for (int i = 0; i <= SEG; i++) {
            double a = (k * 90 + i * 90.0 / SEG) * M_PI / 180.0;
            v[n++] =
                (SDL_Vertex){ { cx[k] + rad * (float)cos(a), cy[k] - rad * (float)sin(a) }, col, { 0, 0 } };
        }
    int idx[3 * 4 * (SEG + 1)];
    int m = 0;
    for (int i = 1; i < n; i++) {
        idx[m++] = 0;
        idx[m++] = i;
        idx[m++] = i + 1 < n ? i + 1 : 1;
    }
    SDL_RenderGeometry(s, NULL, v, n, idx, m);
}

/* The fan clipped to `band` (inside the clip already set, `outer`, when on). */
static void fan_in_band(SDL_Renderer *s, ov_rect r, int rad, ov_rgb c, SDL_Rect band, const SDL_Rect *outer)
{
    SDL_Rect clip = band;
    if (outer && !SDL_IntersectRect(&band, outer, &clip))
        return;
    SDL_RenderSetClipRect(s, &clip);
    fill_round_fan(s, r, rad, c);
}

/* Filled rounded rectangle. Triangles are slow to fill in software, so only
 * the bands holding the corners are drawn as the fan (clipped); the middle is
 * one opaque rectangle. The pixels are exactly those of the whole fan. */
static void fill_round(SDL_Renderer *s, ov_rect r, int rad, ov_rgb c)
{
    if (rad * 2 > r.w)
        rad = r.w / 2;
    if (rad * 2 > r.h)
        rad = r.h / 2;
    int band = rad + 1;
    if (2 * band >= r.h) {
        fill_round_fan(s, r, rad, c);
        return;
    }
    SDL_Rect outer;
    int clipped = SDL_RenderIsClipEnabled(s);
    SDL_RenderGetClipRect(s, &outer);
    fan_in_band(s, r, rad, c, (SDL_Rect){ r.x, r.y, r.w, band }, clipped ? &outer : NULL);
    fan_in_band(s, r, rad, c, (SDL_Rect){ r.x, r.y + r.h - band, r.w, band }, clipped ? &outer : NULL);
    SDL_RenderSetClipRect(s, clipped ? &outer : NULL);
    fill_rect(s, (ov_rect){ r.x, r.y + band, r.w, r.h - 2 * band }, c);
}

static void fill_circle(SDL_Renderer *s, int x, int y, int rad, ov_rgb c)
{
    fill_round(s, (ov_rect){ x - rad, y - rad, 2 * rad, 2 * rad }, rad, c);
}

static void outline_round(SDL_Renderer *s, ov_rect r, int rad, int thick, ov_rgb outer, ov_rgb inner)
{
    fill_round(s, r, rad, outer);
    ov_rect in = { r.x + thick, r.y + thick, r.w - 2 * thick, r.h - 2 * thick };
    fill_round(s, in, rad > thick ? rad - thick : 0, inner);
}

/* ---- drawing ---- */

/* Text in `colour` on `behind`; word hl_word is the one being spoken (see
 * ov_palette_word_highlight: its pill stands out 3:1 from `behind`). */
static void draw_text_on(ov_render *r, const ov_layout_text *t, ov_rgb colour, ov_rgb behind, int hl_word)
{
    const ov_text_block *b = &t->block;
    for (int w = 0; w < b->n_words; w++) {
        const ov_word_box *wb = &b->words[w];
        ov_rgb c = colour;
        if (w == hl_word) {
            int pad = b->font_px / WORD_PILL_PAD_DIV + 1;
            ov_rgb pill;
            ov_palette_word_highlight(&r->pal, colour, behind, &pill, &c);
            fill_round(r->sdl, (ov_rect){ wb->rect.x - pad, wb->rect.y, wb->rect.w + 2 * pad, wb->rect.h },
                       pad * 2, pill);
        }
        tex_slot *s = word_texture(r, b->text + wb->byte_start, wb->byte_len, b->font_px, b->bold, c);
        if (!s)
            continue;
        SDL_Rect dst = { wb->rect.x, wb->rect.y + (wb->rect.h - s->h) / 2, s->w, s->h };
        SDL_RenderCopy(r->sdl, s->tex, NULL, &dst);
    }
}

/* Text on the screen's background, or on the warning strip when written in
 * its colour. */
static void draw_text(ov_render *r, const ov_layout_text *t, ov_rgb colour, int hl_word)
{
    int on_strip = !memcmp(&colour, &r->pal.warning_text, sizeof colour) &&
                   memcmp(&colour, &r->pal.text, sizeof colour);
    draw_text_on(r, t, colour, on_strip ? r->pal.warning_bg : r->pal.background, hl_word);
}

/* Draw a picture fitted into box; `behind` is the colour under it. */
static void draw_picture(ov_render *r, const char *path, ov_rect box, ov_rgb behind)
{
    if (box.w <= 0 || box.h <= 0)
        return;
    if (ov_relative_luminance(behind) < DARK_BEHIND_LUMINANCE) {
        /* dark themes: pictures have dark outlines, so they sit on a light plate */
        int pad = box.w / PLATE_PAD_DIV + 2;
        fill_round(r->sdl, (ov_rect){ box.x - pad, box.y - pad, box.w + 2 * pad, box.h + 2 * pad },
                   box.w / PICTURE_ROUND_DIV,
                   r->pal.plate);
    }
    tex_slot *s = path[0] ? picture_texture(r, path, box.w, box.h) : NULL;
    if (!s) { /* a missing picture never stops the kiosk: a calm placeholder */
        fill_round(r->sdl, box, box.w / PICTURE_ROUND_DIV, r->pal.panel);
        return;
    }
    double k = fmin((double)box.w / s->w, (double)box.h / s->h);
    int w = (int)(s->w * k), h = (int)(s->h * k);
    SDL_Rect dst = { box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h };
    SDL_RenderCopy(r->sdl, s->tex, NULL, &dst);
}

/* An answer without a picture: its face or shape (never colour alone) on a
 * light plate, in the answer's colour with a dark outline. */
static void draw_answer_shape(ov_render *r, ov_shape shape, const char *colour, ov_rect box)
{
    int side = box.w < box.h ? box.w : box.h;
    ov_rgb fill, ink, edge;
    ov_palette_answer(&r->pal, colour, &fill, &ink, &edge);
    ov_rgb dark = ov_relative_luminance(r->pal.text) < ov_relative_luminance(r->pal.background)
                      ? r->pal.text : r->pal.background;
    fill_circle(r->sdl, box.x + box.w / 2, box.y + box.h / 2, side / 2, r->pal.plate);
    int in = side / SHAPE_INSET_DIV;
    ov_rect s = { box.x + (box.w - side) / 2 + in, box.y + (box.h - side) / 2 + in, side - 2 * in,
                  side - 2 * in };
    ov_render_shape(r->sdl, shape, s, fill, dark, shape == OV_SHAPE_NONE ? dark : ink);
}

static int imin(int a, int b) { return a < b ? a : b; }
static int imax(int a, int b) { return a > b ? a : b; }

/* 1 when text i of the layout is a button's label. */
static int is_label(const ov_layout *l, int i)
{
    for (int b = 0; b < l->n_buttons; b++)
        if (l->buttons[b].label == i)
            return 1;
    return 0;
}

/* Pull in the side of the ring's outer edge (*x0, *y0, *x1, *y1) round box
 * that needs it least, of those rectangle w lies beyond, so it stays off w. */
static void pull_off(ov_rect w, ov_rect box, int *x0, int *y0, int *x1, int *y1)
{
    if (!ov_rect_overlap(w, (ov_rect){ *x0, *y0, *x1 - *x0, *y1 - *y0 }))
        return;
    int pull[4] = { w.y + w.h <= box.y ? w.y + w.h - *y0 : INT_MAX,
                    w.y >= box.y + box.h ? *y1 - w.y : INT_MAX,
                    w.x + w.w <= box.x ? w.x + w.w - *x0 : INT_MAX,
                    w.x >= box.x + box.w ? *x1 - w.x : INT_MAX };
    int side = 0;
    for (int k = 1; k < 4; k++)
        side = pull[k] < pull[side] ? k : side;
    if (pull[side] == INT_MAX)
        return;
    int *edge = side == 0 ? y0 : side == 1 ? y1 : side == 2 ? x0 : x1;
    *edge += side == 0 || side == 2 ? pull[side] : -pull[side];
}

/* The focus ring's outer edge round `box`: `out` pixels out, but pulled in on
 * a side where it would come within OV_FOCUS_SCREEN_MARGIN_MM of the screen's
 * edge or over the words of a text that is not a button's label (the review's
 * captions) or another target; there the ring lies inside the target instead. */
static ov_rect ring_outer(const ov_layout *l, ov_rect box, int out)
{
    int m = (int)ceil(OV_FOCUS_SCREEN_MARGIN_MM * l->px_per_mm);
    int x0 = box.x - out, y0 = box.y - out, x1 = box.x + box.w + out, y1 = box.y + box.h + out;
    x0 = imax(x0, imin(m, box.x));
    y0 = imax(y0, imin(m, box.y));
    x1 = imin(x1, imax(l->screen.w - m, box.x + box.w));
    y1 = imin(y1, imax(l->screen.h - m, box.y + box.h));
    for (int i = 0; i < l->n_texts; i++) {
        if (is_label(l, i))
            continue;
        const ov_text_block *t = &l->texts[i].block;
        for (int k = 0; k < t->n_words; k++)
            pull_off(t->words[k].rect, box, &x0, &y0, &x1, &y1);
    }
    for (int i = 0; i < l->n_buttons; i++) /* nor over another target's fill */
        if (!ov_rect_overlap(l->buttons[i].rect, box))
            pull_off(l->buttons[i].rect, box, &x0, &y0, &x1, &y1);
    return (ov_rect){ x0, y0, x1 - x0, y1 - y0 };
}

/* The ring round button b (and a band in the background colour between it and
 * an outline it would not stand out from); returns the rectangle left inside
 * it for the button itself: b's own, or smaller on a side where the ring had
 * no room outside. */
static ov_rect draw_focus_ring(ov_render *r, const ov_layout *l, const ov_layout_button *b, int rad,
                               ov_rgb edge)
{
    int ring = ov_palette_focus_px(&r->pal, l->px_per_mm);
    int gap = ov_palette_focus_gap_px(&r->pal, edge, l->px_per_mm), out = ring + gap;
    ov_rect o = ring_outer(l, b->rect, out);
    if (o.w - 2 * out < b->rect.w / 2 || o.h - 2 * out < b->rect.h / 2) /* no room: all outside */
        o = (ov_rect){ b->rect.x - out, b->rect.y - out, b->rect.w + 2 * out, b->rect.h + 2 * out };
    ov_rect g = { o.x + ring, o.y + ring, o.w - 2 * ring, o.h - 2 * ring };
    fill_round(r->sdl, o, rad + out, r->pal.focus_ring);
    if (gap > 0)
        fill_round(r->sdl, g, rad + gap, r->pal.background);
    return (ov_rect){ o.x + out, o.y + out, o.w - 2 * out, o.h - 2 * out };
}

/* A button's picture inside `box` (the button, or less where the focus ring
 * lies inside it) and its outline `thick`: as laid out, or smaller and
 * moved in, still square, so the ring is never drawn over. */
static ov_rect icon_inside(ov_rect icon, ov_rect box, int thick)
{
    if (icon.w <= 0)
        return icon;
    int x0 = imax(icon.x, box.x + thick), y0 = imax(icon.y, box.y + thick);
    int x1 = imin(icon.x + icon.w, box.x + box.w - thick), y1 = imin(icon.y + icon.h, box.y + box.h - thick);
    if (x0 == icon.x && y0 == icon.y && x1 == icon.x + icon.w && y1 == icon.y + icon.h)
        return icon;
    int side = imax(0, imin(x1 - x0, y1 - y0));
    return (ov_rect){ x0 + (x1 - x0 - side) / 2, y0, side, side };
}

static void draw_button(ov_render *r, const ov_layout *l, const ov_layout_button *b, int hl_text, int hl_word)
{
    int rad = b->rect.h / BUTTON_ROUND_DIV;
    int lo = l->screen.w < l->screen.h ? l->screen.w : l->screen.h;
    int thick = (int)(l->px_per_mm * OUTLINE_MM) + 2;
    if (thick < lo / OUTLINE_SHORT_DIV)
        thick = lo / OUTLINE_SHORT_DIV; /* big screens (a TV) need bolder outlines */
    ov_rgb fill = r->pal.panel, text = r->pal.text, edge = r->pal.outline;
    if (b->style == OV_BTN_STYLE_ANSWER && b->colour) {
        ov_palette_answer(&r->pal, b->colour, &fill, &text, &edge);
    } else if (b->style == OV_BTN_STYLE_YES) {
        fill = r->pal.yes_fill;
        text = r->pal.yes_text;
        edge = r->pal.outline;
    } else if (b->style == OV_BTN_STYLE_NO) {
        fill = r->pal.no_fill;
        text = r->pal.no_text;
        edge = r->pal.outline;
    }
    ov_rect box = b->rect;
    if (b->focused || b->chosen) /* keyboard / scanning highlight: a ring of at least 3 mm */
        box = draw_focus_ring(r, l, b, rad, edge);
    outline_round(r->sdl, box, rad, thick, edge, fill);
    ov_rect icon = icon_inside(b->icon, box, thick); /* off a ring that lies inside the target */
    if (icon.w > 0) {
        if (b->style == OV_BTN_STYLE_ANSWER) { /* a light plate so the face reads on any fill */
            int pr = icon.w / 2;
            fill_circle(r->sdl, icon.x + pr, icon.y + icon.h / 2, pr, r->pal.plate);
        }
        if (b->icon_path[0])
            draw_picture(r, b->icon_path, icon, b->style == OV_BTN_STYLE_ANSWER ? r->pal.plate : fill);
        else if (b->style == OV_BTN_STYLE_ANSWER)
            draw_answer_shape(r, b->shape, b->colour, icon);
    }
    if (b->label >= 0)
        draw_text_on(r, &l->texts[b->label], text, fill, hl_text == b->label ? hl_word : -1);
}

/* The progress picture (issue 14): each face on a light plate (the answer's shape in
 * its colour when its picture is missing, an empty ring when no one
 * answer was most chosen), and a solid arrow from last time to this time. */
static void draw_progress(ov_render *r, const ov_layout *l)
{
    const ov_layout_progress *p = &l->progress;
    for (int i = 0; i < 2; i++) {
        ov_rect f = p->face[i];
        if (f.w <= 0)
            continue;
        int rad = f.w / 2, cx = f.x + rad, cy = f.y + f.h / 2;
        if (!p->colour[i]) {
            int ring = (int)(l->px_per_mm * OUTLINE_MM) + 2;
            fill_circle(r->sdl, cx, cy, rad, r->pal.muted);
            fill_circle(r->sdl, cx, cy, rad - ring, r->pal.background);
            continue;
        }
        fill_circle(r->sdl, cx, cy, rad, r->pal.plate);
        if (p->face_path[i][0])
            draw_picture(r, p->face_path[i], f, r->pal.plate);
        else
            draw_answer_shape(r, p->shape[i], p->colour[i], f);
    }
    ov_rect a = p->arrow;
    if (a.w <= 0 || a.h <= 0)
        return;
    int head = a.h * ARROW_HEAD_W_PCT / 100 < a.w / 2 ? a.h * ARROW_HEAD_W_PCT / 100 : a.w / 2;
    int cy = a.y + a.h / 2;
    fill_rect(r->sdl, (ov_rect){ a.x, cy - a.h / 4, a.w - head, a.h / 2 > 2 ? a.h / 2 : 2 }, r->pal.text);
    set_colour(r->sdl, r->pal.text);
    for (int dx = 0; dx < head; dx++) { /* the head: a triangle, one column at a time */
        int half = a.h * ARROW_HEAD_H_PCT * (head - dx) / (100 * head);
        SDL_RenderDrawLine(r->sdl, a.x + a.w - head + dx, cy - half, a.x + a.w - head + dx, cy + half);
    }
}

static void draw_layout(ov_render *r, const ov_layout *l, int hl_text, int hl_word)
{
    SDL_Renderer *s = r->sdl;
    fill_rect(s, l->screen, r->pal.background);
    if (l->facilitator) { /* a band along the top says "this is not a voting screen" */
        int band = (int)(l->px_per_mm * FAC_BAND_MM) + 2;
        fill_rect(s, (ov_rect){ 0, 0, l->screen.w, band }, r->pal.focus);
        fill_rect(s, (ov_rect){ 0, l->screen.h - band, l->screen.w, band }, r->pal.focus);
    }
    for (int i = 0; i < l->n_bars; i++) {
        const ov_layout_bar *b = &l->bars[i];
        ov_rgb fill, text, edge;
        ov_palette_answer(&r->pal, b->colour, &fill, &text, &edge);
        fill_round(s, b->track, b->track.h / BAR_ROUND_DIV, r->pal.panel);
        if (b->bar.w > 0) {
            int t = (int)(l->px_per_mm * BAR_OUTLINE_MM) + 1;
            ov_rect bar = b->bar;
            if (bar.w < 2 * t + 2)
                bar.w = 2 * t + 2;
            outline_round(s, bar, bar.h / BAR_ROUND_DIV, t, edge, fill);
        }
        if (b->icon_path[0])
            draw_picture(r, b->icon_path, b->icon, r->pal.background);
        else
            draw_answer_shape(r, b->shape, b->colour, b->icon);
    }
    draw_progress(r, l);
    if (l->picture.w > 0 && !l->picture_path[0] && l->picture_shape != OV_SHAPE_NONE)
        draw_answer_shape(r, l->picture_shape, l->picture_colour, l->picture);
    else if (l->picture.w > 0)
        draw_picture(r, l->picture_path, l->picture, r->pal.background);
    if (l->banner.w > 0)
        fill_round(s, l->banner, l->banner.h / BANNER_ROUND_DIV, r->pal.warning_bg);
    /* texts that are not button labels */
    for (int i = 0; i < l->n_texts; i++) {
        int is_label = 0;
        for (int b = 0; b < l->n_buttons; b++)
            if (l->buttons[b].label == i)
                is_label = 1;
        if (is_label)
            continue;
        ov_rgb c = l->texts[i].role == OV_TEXT_SMALL ? r->pal.muted : r->pal.text;
        if (l->banner.w > 0 && ov_rect_inside(l->texts[i].block.box, l->banner))
            c = r->pal.warning_text;
        draw_text(r, &l->texts[i], c, hl_text == i ? hl_word : -1);
    }
    if (l->progress_dots.w > 0) {
        int d = l->progress_dots.h, step = d + d / 2;
        for (int i = 0; i < l->progress_total; i++) {
            int cx = l->progress_dots.x + i * step + d / 2, cy = l->progress_dots.y + d / 2;
            if (i < l->progress_now)
                fill_circle(s, cx, cy, d / 2, r->pal.text);
            else {
                fill_circle(s, cx, cy, d / 2, r->pal.muted);
                fill_circle(s, cx, cy, d / 2 - 2, r->pal.background);
            }
        }
    }
    for (int pass = 0; pass < 2; pass++) /* highlighted targets last: no neighbour covers their ring */
        for (int b = 0; b < l->n_buttons; b++)
            if ((l->buttons[b].focused || l->buttons[b].chosen) == pass)
                draw_button(r, l, &l->buttons[b], hl_text, hl_word);
}

/* FNV-1a over the letters of every word the layout shows. */
static uint64_t words_hash(const ov_layout *l)
{
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < l->n_texts; i++) {
        const ov_text_block *b = &l->texts[i].block;
        for (int w = 0; w < b->n_words && b->text; w++) {
            const unsigned char *p = (const unsigned char *)b->text + b->words[w].byte_start;
            for (int k = 0; k < b->words[w].byte_len; k++)
                h = (h ^ p[k]) * 1099511628211ull;
            h = (h ^ 0xffu) * 1099511628211ull;
        }
    }
    return h;
}

/* 1 when the target still holds the frame of this very layout. */
static int same_frame(const ov_render *r, const ov_layout *l, SDL_Texture *target, uint64_t words)
{
    return r->last.valid && (target || r->window_keeps) && target == r->last.target &&
           words == r->last.words && memcmp(r->last.layout, l, sizeof *l) == 0;
}

static void remember_frame(ov_render *r, const ov_layout *l, SDL_Texture *target, uint64_t words)
{
    r->last.valid = 0;
    if (!target && !r->window_keeps)
        return; /* an accelerated window's back buffer does not keep frames */
    if (!r->last.layout && !(r->last.layout = malloc(sizeof *l)))
        return;
    memcpy(r->last.layout, l, sizeof *l);
    r->last.words = words;
    r->last.target = target;
    r->last.valid = 1;
}

/* The box of word `word` of text `text` with room for its highlight around it;
 * 0 when there is no such word. */
static int word_area(const ov_layout *l, int text, int word, SDL_Rect *out)
{
    if (text < 0 || text >= l->n_texts || word < 0 || word >= l->texts[text].block.n_words)
        return 0;
    const ov_text_block *b = &l->texts[text].block;
    ov_rect w = b->words[word].rect;
    int m = b->font_px / HIGHLIGHT_MARGIN_DIV + HIGHLIGHT_MARGIN_PX;
    *out = (SDL_Rect){ w.x - m, w.y - m, w.w + 2 * m, w.h + 2 * m };
    return 1;
}

/* Redraw the areas of the words highlighted before and now, nothing else. */
static void redraw_words(ov_render *r, const ov_layout *l, int hl_text, int hl_word)
{
    SDL_Rect area[2];
    int n = 0;
    n += word_area(l, r->last.hl_text, r->last.hl_word, &area[n]);
    n += word_area(l, hl_text, hl_word, &area[n]);
    if (n == 2 && SDL_HasIntersection(&area[0], &area[1])) {
        SDL_UnionRect(&area[0], &area[1], &area[0]);
        n = 1;
    }
    for (int i = 0; i < n; i++) {
        SDL_RenderSetClipRect(r->sdl, &area[i]);
        draw_layout(r, l, hl_text, hl_word);
    }
    SDL_RenderSetClipRect(r->sdl, NULL);
}

/* Close the fonts not used since the last draw (the start-up fit checks open
 * dozens of sizes a screen never shows). Returns nothing; widths stay cached. */
static void trim_fonts(ov_render *r)
{
    if (r->n_fonts > FONTS_KEPT) {
        int kept = 0, n = r->n_fonts;
        for (int i = 0; i < n; i++) {
            if (r->fonts[i].used >= r->drawn_clock || r->n_fonts <= FONTS_KEPT)
                r->fonts[kept++] = r->fonts[i];
            else {
                TTF_CloseFont(r->fonts[i].font);
                r->n_fonts--;
            }
        }
        r->n_fonts = kept;
    }
    r->drawn_clock = ++r->clock;
}

/* Destroy textures the last full draw did not use, least recently used first,
 * while the cache holds more than TEXTURE_BUDGET_BYTES (the screen shown keeps
 * all of its own). Going back to a screen makes its textures again. */
static void trim_textures(ov_render *r)
{
    long bytes = 0;
    for (int i = 0; i < MAX_TEXTURES; i++)
        if (r->tex[i].tex)
            bytes += BYTES_PER_PIXEL * r->tex[i].w * r->tex[i].h;
    while (bytes > TEXTURE_BUDGET_BYTES) {
        int victim = -1;
        for (int i = 0; i < MAX_TEXTURES; i++)
            if (r->tex[i].tex && r->tex[i].used < r->full_clock &&
                (victim < 0 || r->tex[i].used < r->tex[victim].used))
                victim = i;
        if (victim < 0)
            return;
        bytes -= BYTES_PER_PIXEL * r->tex[victim].w * r->tex[victim].h;
        SDL_DestroyTexture(r->tex[victim].tex);
        r->tex[victim].tex = NULL;
        r->tex[victim].key[0] = '\0';
    }
}

int ov_render_draw(ov_render *r, const ov_layout *l, int hl_text, int hl_word)
{
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    uint64_t words = words_hash(l);
    if (same_frame(r, l, target, words)) {
        if (hl_text != r->last.hl_text || hl_word != r->last.hl_word)
            redraw_words(r, l, hl_text, hl_word);
    } else {
        r->full_clock = ++r->clock;
        draw_layout(r, l, hl_text, hl_word);
        remember_frame(r, l, target, words);
    }
    r->last.hl_text = hl_text;
    r->last.hl_word = hl_word;
    trim_textures(r);
    trim_fonts(r);
    return OV_OK;
}

#define GLYPH_CHECK_PX 24 /* any size: the font has a letter or not */

/* 1 when the regular and the bold font both have a glyph for cp; -1 when a font cannot be opened. */
static int font_has(ov_render *r, int32_t cp)
{
    for (int bold = 0; bold < 2; bold++) {
        TTF_Font *f = font_for(r, GLYPH_CHECK_PX, bold);
        if (!f)
            return -1;
        if (!TTF_GlyphIsProvided32(f, (Uint32)cp))
            return 0;
    }
    return 1;
}

/* ov_glyph_fn for check-content: the first letter of text the kiosk's fonts cannot draw. */
static long missing_glyph(void *ctx, const char *text)
{
    ov_render *r = ctx;
    const char *p = text, *end = text + strlen(text);
    while (p < end) {
        int32_t cp = ov_utf8_decode(&p, end);
        if (cp <= ' ') /* spaces, and bytes that are not UTF-8 (the checker reports those) */
            continue;
        int has = font_has(r, cp);
        if (has <= 0)
            return has < 0 ? -1 : cp;
    }
    return 0;
}

void ov_render_content_fit(ov_render *r, ov_check_opts *opts)
{
    if (!r || !opts)
        return;
    r->fit_ctx.measure = ov_render_measure;
    r->fit_ctx.measure_ctx = r;
    opts->fit = ov_layout_fit;
    opts->fit_ctx = &r->fit_ctx;
    opts->screens = ov_layout_screens_fit;
    opts->screens_ctx = &r->fit_ctx;
    opts->glyphs = missing_glyph;
    opts->glyphs_ctx = r;
}

ov_render *ov_render_open_measure_only(void)
{
    ov_render *r = NULL;
    char err[OV_ERR_LEN];
    if (ov_render_open(NULL, "standard", &r, err, sizeof err) != OV_OK)
        return NULL;
    return r;
}

void ov_render_close(ov_render *r)
{
    if (!r)
        return;
    for (int i = 0; i < MAX_TEXTURES; i++)
        if (r->tex[i].tex)
            SDL_DestroyTexture(r->tex[i].tex);
    for (int i = 0; i < r->n_fonts; i++)
        TTF_CloseFont(r->fonts[i].font);
    free(r->last.layout);
    free(r->measured);
    free(r);
}
