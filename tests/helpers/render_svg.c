/* render_svg.c — rasterise SVG pictures with SDL2_image (the same nanosvg
 * renderer the kiosk uses) and save PNGs, so people can LOOK at them.
 *
 *   render_svg SIZE OUT.png IN.svg
 *       one picture at SIZE x SIZE pixels (transparent background)
 *   render_svg --sheet SIZE COLS OUT.png IN.svg...
 *       a contact sheet: every picture at SIZE px on a warm light background,
 *       COLS per row, in the order given (printed to stdout with its cell)
 *
 * Exit status 0 on success, 1 when any picture failed to load or save. No
 * window or video driver is needed: everything happens on surfaces. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Load IN at size x size as an ARGB8888 surface, or NULL (message printed). */
static SDL_Surface *load_svg(const char *path, int size)
{
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw) {
        fprintf(stderr, "render_svg: cannot open %s: %s (check the path)\n", path, SDL_GetError());
        return NULL;
    }
    SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, size, size);
    SDL_RWclose(rw);
    if (!s) {
        fprintf(stderr, "render_svg: %s is not a usable SVG: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    if (!c) fprintf(stderr, "render_svg: cannot convert %s: %s\n", path, SDL_GetError());
    return c;
}

static int render_one(int size, const char *out, const char *in)
{
    SDL_Surface *s = load_svg(in, size);
    if (!s) return 1;
    int rc = 0;
    if (IMG_SavePNG(s, out) != 0) {
        fprintf(stderr, "render_svg: cannot write %s: %s (is the folder there?)\n", out, IMG_GetError());
        rc = 1;
    }
    SDL_FreeSurface(s);
    return rc;
}

static int render_sheet(int size, int cols, const char *out, int n, char **in)
{
    const int pad = size / 8 > 4 ? size / 8 : 4;
    int rows = (n + cols - 1) / cols;
    int w = cols * (size + pad) + pad, h = rows * (size + pad) + pad;
    int rc = 0;
    SDL_Surface *sheet = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!sheet) {
        fprintf(stderr, "render_svg: cannot make a %dx%d sheet: %s\n", w, h, SDL_GetError());
        return 1;
    }
    SDL_FillRect(sheet, NULL, SDL_MapRGB(sheet->format, 0xFF, 0xF8, 0xEC));
    for (int i = 0; i < n; i++) {
        int cx = pad + (i % cols) * (size + pad), cy = pad + (i / cols) * (size + pad);
        SDL_Rect cell = { cx - 1, cy - 1, size + 2, size + 2 };
        SDL_FillRect(sheet, &cell, SDL_MapRGB(sheet->format, 0xE0, 0xD8, 0xCC));
        SDL_Rect inner = { cx, cy, size, size };
        SDL_FillRect(sheet, &inner, SDL_MapRGB(sheet->format, 0xFF, 0xF8, 0xEC));
        SDL_Surface *s = load_svg(in[i], size);
        if (!s) { rc = 1; continue; }
        SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_BLEND);
        SDL_Rect dst = { cx, cy, s->w, s->h };
        SDL_BlitSurface(s, NULL, sheet, &dst);
        SDL_FreeSurface(s);
        printf("row %d col %d: %s\n", i / cols + 1, i % cols + 1, in[i]);
    }
    if (IMG_SavePNG(sheet, out) != 0) {
        fprintf(stderr, "render_svg: cannot write %s: %s (is the folder there?)\n", out, IMG_GetError());
        rc = 1;
    }
    SDL_FreeSurface(sheet);
    return rc;
}

int main(int argc, char **argv)
{
    int rc;
    if (argc >= 6 && strcmp(argv[1], "--sheet") == 0) {
        int size = atoi(argv[2]), cols = atoi(argv[3]);
        if (size < 8 || size > 2048 || cols < 1) {
            fprintf(stderr, "render_svg: SIZE must be 8..2048 and COLS at least 1\n");
            return 1;
        }
        rc = render_sheet(size, cols, argv[4], argc - 5, argv + 5);
    } else if (argc == 4 && atoi(argv[1]) >= 8 && atoi(argv[1]) <= 2048) {
        rc = render_one(atoi(argv[1]), argv[2], argv[3]);
    } else {
        fprintf(stderr, "usage: render_svg SIZE OUT.png IN.svg\n"
                        "       render_svg --sheet SIZE COLS OUT.png IN.svg...\n");
        return 1;
    }
    IMG_Quit();
    SDL_Quit();
    return rc;
}
