/* test_pictures.c — the project's pictures (every .svg in assets/pictures) as the
 * kiosk will show them: every file rasterises with SDL2_image (nanosvg) at
 * 256 and 64 pixels, is not blank, uses only what nanosvg draws, the answer
 * pictures carry their answer's colour (and the theme's exact fill), and the
 * four answer faces still differ when the colour is taken away. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/theme.h"

#define MAX_FILES 128

static char pictures_dir[1024];

/* Every picture the kiosk's screens and the content refer to. */
static const char *const required[] = {
    "principle-assets.svg", "principle-valuing-work.svg", "principle-reciprocity.svg",
    "principle-networks.svg",
    "answer-not-yet.svg", "answer-basics.svg", "answer-getting-there.svg", "answer-doing-well.svg",
    "answer-red.svg", "answer-amber.svg", "answer-green.svg", "answer-dont-know.svg",
    "control-hear-again.svg", "control-thats-right.svg", "control-go-back.svg", "control-next.svg",
    "control-start.svg", "control-thanks.svg", "control-secret.svg", "control-facilitator.svg",
    "control-usb.svg", "control-results.svg", "control-warning.svg", "control-settings.svg",
};

static void path_of(const char *name, char *out, size_t outlen)
{
    snprintf(out, outlen, "%s/%s", pictures_dir, name);
}

/* Rasterise name at size x size as ARGB8888, or fail the test. */
static SDL_Surface *render(const char *name, int size)
{
    char path[1200];
    path_of(name, path, sizeof path);
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw) fail_msg("cannot open %s: %s", path, SDL_GetError());
    SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, size, size);
    SDL_RWclose(rw);
    if (!s) fail_msg("%s does not load with SDL2_image: %s", name, IMG_GetError());
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    assert_non_null(c);
    return c;
}

static uint32_t pixel(const SDL_Surface *s, int x, int y)
{
    return ((const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch))[x];
}

/* All *.svg file names in the pictures folder, sorted. Returns the count. */
static int list_svgs(char names[][256], int max)
{
    DIR *d = opendir(pictures_dir);
    if (!d) fail_msg("cannot open the pictures folder %s (set OV_ROOT to the repository)", pictures_dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        size_t len = strlen(e->d_name);
        if (len > 4 && len < 256 && strcmp(e->d_name + len - 4, ".svg") == 0)
            strcpy(names[n++], e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
    return n;
}

static char *read_text(const char *name)
{
    char path[1200];
    path_of(name, path, sizeof path);
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("cannot read %s", path);
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* ---- tests ------------------------------------------------------------- */

static void test_every_required_picture_exists(void **state)
{
    (void)state;
    for (size_t i = 0; i < OV_ARRAY_LEN(required); i++) {
        char path[1200];
        path_of(required[i], path, sizeof path);
        FILE *f = fopen(path, "rb");
        if (!f) fail_msg("picture %s is missing", path);
        fclose(f);
    }
}

/* nanosvg ignores text, filters, masks, <use>, CSS classes and external
 * files: a picture relying on them would show up broken on the kiosk. */
static void test_pictures_use_only_what_nanosvg_draws(void **state)
{
    (void)state;
    static char names[MAX_FILES][256];
    int n = list_svgs(names, MAX_FILES);
    static const char *const banned[] = { "<text", "<filter", "filter=", "<mask", "mask=", "<use",
                                          "class=", "<style", "href", "<image", "clip-path", "<tspan" };
    for (int i = 0; i < n; i++) {
        const char *t = read_text(names[i]);
        if (!strstr(t, "viewBox=\"0 0 256 256\""))
            fail_msg("%s: the picture must use viewBox=\"0 0 256 256\"", names[i]);
        for (size_t b = 0; b < OV_ARRAY_LEN(banned); b++)
            if (strstr(t, banned[b]))
                fail_msg("%s uses \"%s\", which the kiosk's SVG renderer does not draw", names[i], banned[b]);
    }
}

/* Every picture renders at full and small size, is square, has a clear
 * background and enough drawn pixels to be seen. */
static void test_every_picture_renders_and_is_not_blank(void **state)
{
    (void)state;
    static char names[MAX_FILES][256];
    int n = list_svgs(names, MAX_FILES);
    assert_true(n >= (int)OV_ARRAY_LEN(required));
    static const int sizes[] = { 256, 64 };
    for (int i = 0; i < n; i++) {
        for (size_t k = 0; k < OV_ARRAY_LEN(sizes); k++) {
            int size = sizes[k];
            SDL_Surface *s = render(names[i], size);
            if (s->w != size || s->h != size)
                fail_msg("%s rendered at %dx%d, asked for %dx%d", names[i], s->w, s->h, size, size);
            long opaque = 0, dark = 0;
            for (int y = 0; y < s->h; y++)
                for (int x = 0; x < s->w; x++) {
                    uint32_t p = pixel(s, x, y);
                    if ((p >> 24) >= 128) {
                        opaque++;
                        int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                        if (r + g + b < 3 * 70) dark++;
                    }
                }
            double cover = (double)opaque / (size * size);
            if (cover < 0.15) fail_msg("%s at %d px is almost blank (%.0f%% drawn)", names[i], size, cover * 100);
            if (cover > 0.95) fail_msg("%s at %d px fills its whole square (%.0f%%): keep a clear edge", names[i], size, cover * 100);
            /* the thick dark outlines must survive at small size */
            if (dark < opaque / 20)
                fail_msg("%s at %d px has too little outline (%ld of %ld drawn pixels dark)", names[i], size, dark, opaque);
            if ((pixel(s, 0, 0) >> 24) != 0)
                fail_msg("%s: the top-left corner should be see-through so the picture sits on any background", names[i]);
            SDL_FreeSurface(s);
        }
    }
}

/* ---- colour of the answer pictures ------------------------------------- */

typedef enum { HUE_RED, HUE_AMBER, HUE_GREEN, HUE_GREY } hue_class;

typedef struct {
    double hue;        /* centre of the most common hue bin, degrees */
    double saturated;  /* share of drawn pixels that are clearly coloured */
    uint32_t common;   /* the most common exact colour among coloured pixels */
} colour_stats;

static void rgb_to_hsv(int r, int g, int b, double *h, double *s, double *v)
{
    int mx = r > g ? (r > b ? r : b) : (g > b ? g : b);
    int mn = r < g ? (r < b ? r : b) : (g < b ? g : b);
    double d = mx - mn;
    *v = mx / 255.0;
    *s = mx ? d / mx : 0.0;
    if (d == 0) { *h = 0; return; }
    if (mx == r) *h = 60.0 * fmod((g - b) / d, 6.0);
    else if (mx == g) *h = 60.0 * ((b - r) / d + 2.0);
    else *h = 60.0 * ((r - g) / d + 4.0);
    if (*h < 0) *h += 360.0;
}

static colour_stats colour_of(const char *name)
{
    SDL_Surface *s = render(name, 128);
    long bins[36] = { 0 }, opaque = 0, coloured = 0;
    /* exact-colour counts over a small open-addressed table */
    enum { SLOTS = 4096 };
    static uint32_t keys[SLOTS];
    static long counts[SLOTS];
    memset(keys, 0, sizeof keys);
    memset(counts, 0, sizeof counts);
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            uint32_t p = pixel(s, x, y);
            if ((p >> 24) < 250) continue;
            opaque++;
            int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            double h, sat, v;
            rgb_to_hsv(r, g, b, &h, &sat, &v);
            if (sat < 0.35 || v < 0.30) continue;
            coloured++;
            bins[(int)(h / 10.0) % 36]++;
            uint32_t key = (p & 0xFFFFFF) | 0x1000000u;
            unsigned slot = (key * 2654435761u) % SLOTS;
            while (keys[slot] && keys[slot] != key) slot = (slot + 1) % SLOTS;
            keys[slot] = key;
            counts[slot]++;
        }
    SDL_FreeSurface(s);
    colour_stats st = { 0, 0, 0 };
    int best = 0;
    for (int i = 1; i < 36; i++)
        if (bins[i] > bins[best]) best = i;
    st.hue = best * 10.0 + 5.0;
    st.saturated = opaque ? (double)coloured / opaque : 0.0;
    long most = 0;
    for (int i = 0; i < SLOTS; i++)
        if (counts[i] > most) { most = counts[i]; st.common = keys[i] & 0xFFFFFF; }
    return st;
}

static void expect_colour(const char *name, hue_class want, const char *theme_colour)
{
    colour_stats st = colour_of(name);
    switch (want) {
    case HUE_RED:
        if (!(st.hue <= 32 || st.hue >= 340)) fail_msg("%s should look red, its main hue is %.0f degrees", name, st.hue);
        break;
    case HUE_AMBER:
        if (!(st.hue > 32 && st.hue <= 55)) fail_msg("%s should look amber, its main hue is %.0f degrees", name, st.hue);
        break;
    case HUE_GREEN:
        if (!(st.hue >= 75 && st.hue <= 175)) fail_msg("%s should look green, its main hue is %.0f degrees", name, st.hue);
        break;
    case HUE_GREY:
        if (st.saturated > 0.10) fail_msg("%s should look grey, but %.0f%% of it is coloured", name, st.saturated * 100);
        return;
    }
    if (st.saturated < 0.40) fail_msg("%s: only %.0f%% of it shows its colour", name, st.saturated * 100);
    /* the picture's main colour is the standard theme's button fill, so the
     * picture and the button it sits on match */
    ov_rgb fill = ov_theme_answer_fill(ov_theme_get("standard"), theme_colour);
    ov_rgb got = { (uint8_t)(st.common >> 16), (uint8_t)(st.common >> 8), (uint8_t)st.common };
    if (ov_delta_e76(fill, got) > 3.0)
        fail_msg("%s: main colour #%06X is not the theme's %s #%02X%02X%02X", name, (unsigned)st.common,
                 theme_colour, fill.r, fill.g, fill.b);
}

static void test_answer_pictures_have_their_colour(void **state)
{
    (void)state;
    expect_colour("answer-not-yet.svg", HUE_RED, "red");
    expect_colour("answer-red.svg", HUE_RED, "red");
    expect_colour("answer-basics.svg", HUE_AMBER, "amber");
    expect_colour("answer-amber.svg", HUE_AMBER, "amber");
    expect_colour("answer-getting-there.svg", HUE_GREEN, "light-green");
    expect_colour("answer-doing-well.svg", HUE_GREEN, "green");
    expect_colour("answer-green.svg", HUE_GREEN, "green");
    expect_colour("answer-dont-know.svg", HUE_GREY, "grey");
}

/* Answers are never colour alone: with colour removed, the dark strokes
 * (face features, tick, bar) of any two answer pictures of one scale must
 * differ clearly, even at 64 px. */
static void dark_mask(const char *name, int size, unsigned char *mask)
{
    SDL_Surface *s = render(name, size);
    for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++) {
            uint32_t p = pixel(s, x, y);
            int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            double luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            /* light parts (white mouth, tick) count as marks too */
            mask[y * size + x] = (p >> 24) >= 128 && (luma < 70 || luma > 235);
        }
    SDL_FreeSurface(s);
}

static void expect_apart_without_colour(const char *const *set, int n)
{
    enum { SZ = 64 };
    static unsigned char masks[8][SZ * SZ];
    for (int i = 0; i < n; i++) dark_mask(set[i], SZ, masks[i]);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            int diff = 0;
            for (int k = 0; k < SZ * SZ; k++) diff += masks[i][k] != masks[j][k];
            if (diff < SZ * SZ / 50)
                fail_msg("%s and %s look alike without colour (%d of %d pixels differ)", set[i], set[j], diff, SZ * SZ);
        }
}

static void test_answers_differ_without_colour(void **state)
{
    (void)state;
    static const char *const stages[] = { "answer-not-yet.svg", "answer-basics.svg", "answer-getting-there.svg",
                                          "answer-doing-well.svg", "answer-dont-know.svg" };
    static const char *const rag[] = { "answer-red.svg", "answer-amber.svg", "answer-green.svg", "answer-dont-know.svg" };
    expect_apart_without_colour(stages, (int)OV_ARRAY_LEN(stages));
    expect_apart_without_colour(rag, (int)OV_ARRAY_LEN(rag));
}

int main(void)
{
    const char *root = getenv("OV_ROOT");
    snprintf(pictures_dir, sizeof pictures_dir, "%s/assets/pictures", root && *root ? root : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_required_picture_exists),
        cmocka_unit_test(test_pictures_use_only_what_nanosvg_draws),
        cmocka_unit_test(test_every_picture_renders_and_is_not_blank),
        cmocka_unit_test(test_answer_pictures_have_their_colour),
        cmocka_unit_test(test_answers_differ_without_colour),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    IMG_Quit();
    SDL_Quit();
    return rc;
}
