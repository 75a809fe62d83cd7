/* test_focus_ring_bounds.c — the focus / scanning ring, as the real binary
 * draws it, stays on the screen and off the words around its target (issue
 * 13: in high contrast it ran off the screen's edge and covered the review's
 * captions). Every target of question 1 and of the review is highlighted in
 * turn by the arrow key; the pixels that change against the screen without a
 * highlight must keep at least OV_FOCUS_SCREEN_MARGIN_MM from the screen's
 * edge and never touch the words of a text that is not the target's own
 * label, nor another target; the ring itself is still at least 3 mm wide,
 * across its top and its left side. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_runner.h"
#include "platform/content_load.h"
#include "ui/render_palette.h"

#define TOL 8 /* a channel changed by more than this: the pixel changed */

static ov_content content;

#define CONTENT "assets/content/en"

static int setup(void **state)
{
    (void)state;
    ov_diags d;
    ov_diags_init(&d);
    return ov_content_load(CONTENT, &content, &d) == OV_OK ? 0 : -1;
}

static SDL_Surface *load_shot(const char *dir, const char *name)
{
    char path[300];
    snprintf(path, sizeof path, "%s/shots/%s.png", dir, name);
    SDL_Surface *raw = IMG_Load(path);
    if (!raw)
        fail_msg("no shot %s", path);
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    return s;
}

static uint32_t px(const SDL_Surface *s, int x, int y)
{
    return ((const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch))[x];
}

static int changed(uint32_t a, uint32_t b)
{
    for (int sh = 0; sh <= 16; sh += 8)
        if (abs((int)((a >> sh) & 0xff) - (int)((b >> sh) & 0xff)) > TOL)
            return 1;
    return 0;
}

static int is_ring(uint32_t p, ov_rgb ring)
{
    ov_rgb c = { (uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p };
    return ov_test_rgb_near(c, ring, TOL);
}

/* 1 when text i is some button's label. */
static int is_label(const ov_layout *l, int i)
{
    for (int b = 0; b < l->n_buttons; b++)
        if (l->buttons[b].label == i)
            return 1;
    return 0;
}

/* The longest run of ring-coloured pixels from (x, y) stepping (dx, dy) n times. */
static int ring_run(const SDL_Surface *s, int x, int y, int dx, int dy, int n, ov_rgb ring)
{
    int best = 0, run = 0;
    for (int i = 0; i < n; i++, x += dx, y += dy) {
        if (x < 0 || y < 0 || x >= s->w || y >= s->h)
            break;
        run = is_ring(px(s, x, y), ring) ? run + 1 : 0;
        best = run > best ? run : best;
    }
    return best;
}

/* Shot `on` (target `b` of layout l highlighted) against shot `off`. */
static void check_ring(const char *what, const SDL_Surface *off, const SDL_Surface *on, const ov_layout *l,
                       const ov_layout_button *b, ov_rgb ring)
{
    int m = (int)ceil(OV_FOCUS_SCREEN_MARGIN_MM * l->px_per_mm), n_changed = 0;
    for (int y = 0; y < on->h; y++)
        for (int x = 0; x < on->w; x++) {
            if (!changed(px(off, x, y), px(on, x, y)))
                continue;
            n_changed++;
            if (x < m || y < m || x >= on->w - m || y >= on->h - m)
                fail_msg("%s: the highlight reaches (%d, %d), within %d px (1 mm) of the screen's edge", what, x,
                         y, m);
            for (int i = 0; i < l->n_texts; i++) {
                if (is_label(l, i))
                    continue;
                const ov_text_block *t = &l->texts[i].block;
                for (int k = 0; k < t->n_words; k++)
                    if (ov_rect_overlap(t->words[k].rect, (ov_rect){ x, y, 1, 1 }))
                        fail_msg("%s: the highlight covers (%d, %d), in the word %d of \"%.40s\"", what, x, y,
                                 k + 1, t->text);
            }
            for (int i = 0; i < l->n_buttons; i++) /* nor over another target (it was at 1.94:1 on a fill) */
                if (&l->buttons[i] != b && ov_rect_overlap(l->buttons[i].rect, (ov_rect){ x, y, 1, 1 }))
                    fail_msg("%s: the highlight covers (%d, %d), on target %d", what, x, y, i + 1);
        }
    if (n_changed == 0)
        fail_msg("%s: no highlight drawn", what);
    int need = (int)floor(OV_FOCUS_MIN_MM * l->px_per_mm), cx = b->rect.x + b->rect.w / 2;
    int cy = b->rect.y + b->rect.h / 2, reach = b->rect.h / 2 + need * 2;
    int top = ring_run(on, cx, cy, 0, -1, reach, ring), left = ring_run(on, cx - b->rect.w / 2 + need * 2, cy,
                                                                          -1, 0, need * 4, ring);
    if (top < need || left < need)
        fail_msg("%s (%d,%d %dx%d): the ring is %d px at the top and %d px at the left, under 3 mm (%d px)", what,
                 b->rect.x, b->rect.y, b->rect.w, b->rect.h, top, left, need);
}

/* Highlight every target of the flow's screen in turn ("key right"); add
 * the script lines, and remember each layout. Returns the number of targets. */
static int walk_targets(ov_flow *f, const char *screen, char *script, size_t len, int w, int h, const char *theme,
                        ov_layout *outs, int max)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
    n = n < max ? n : max;
    snprintf(script + strlen(script), len - strlen(script), "shot %s-none\n", screen);
    for (int k = 0; k < n; k++) {
        snprintf(script + strlen(script), len - strlen(script), "key right\nshot %s-%d\n", screen, k);
        ov_flow_act(f, OV_ACT_FOCUS_NEXT, 0, 2 + (uint64_t)k);
        ov_test_layout(f, w, h, theme, &outs[k]);
    }
    return n;
}

static void check_screen(const char *dir, const char *screen, const char *theme, int w, int h,
                         const ov_layout *ls, int n)
{
    char name[40], what[120];
    snprintf(name, sizeof name, "%s-none", screen);
    SDL_Surface *off = load_shot(dir, name);
    ov_rgb ring = ov_theme_get(theme)->focus;
    for (int k = 0; k < n; k++) {
        const ov_layout_button *b = NULL;
        for (int i = 0; i < ls[k].n_buttons; i++)
            if (ls[k].buttons[i].focused)
                b = &ls[k].buttons[i];
        assert_non_null(b);
        snprintf(name, sizeof name, "%s-%d", screen, k);
        snprintf(what, sizeof what, "%s %dx%d %s, target %d", theme, w, h, screen, k + 1);
        SDL_Surface *on = load_shot(dir, name);
        check_ring(what, off, on, &ls[k], b, ring);
        SDL_FreeSurface(on);
    }
    SDL_FreeSurface(off);
}

#define MAX_WALK 12

static void ring_in_bounds(const char *theme, int w, int h)
{
    static ov_layout q_l[MAX_WALK], r_l[MAX_WALK];
    static char script[8000];
    char dir[64], args[300];
    ov_test_tmpdir(dir, sizeof dir);
    ov_flow f;
    ov_flow_init(&f, &content, 1, 90000, 4000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    snprintf(script, sizeof script, "key space\nexpect question\n");
    int nq = walk_targets(&f, "q", script, sizeof script, w, h, theme, q_l, MAX_WALK);
    for (int q = 0; q < content.n_questions; q++) { /* answer 1 everywhere, by keys */
        strcat(script, "key 1\nexpect confirm\nkey enter\n");
        ov_flow_act(&f, OV_ACT_CHOOSE, 0, 100 + 2 * (uint64_t)q);
        ov_flow_act(&f, OV_ACT_ACTIVATE, 0, 101 + 2 * (uint64_t)q);
    }
    strcat(script, "expect review\n");
    assert_int_equal(f.screen, OV_SCREEN_REVIEW);
    int nr = walk_targets(&f, "r", script, sizeof script, w, h, theme, r_l, MAX_WALK);
    snprintf(args, sizeof args, "--no-speech --theme %s --content " CONTENT " --data %s/data", theme, dir);
    int rc = ov_test_run_kiosk(dir, script, w, h, args);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    check_screen(dir, "q", theme, w, h, q_l, nq);
    check_screen(dir, "r", theme, w, h, r_l, nr);
}

static void the_ring_stays_on_screen_and_off_the_captions(void **state)
{
    (void)state;
    const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 1920, 1080 }, { 720, 1280 } };
    for (const char *const *t = ov_theme_names(); *t; t++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
            ring_in_bounds(*t, sizes[s][0], sizes[s][1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_ring_stays_on_screen_and_off_the_captions),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
