/* test_render_paths.c — what members see does not depend on how it is drawn:
 *  - a spoken-word highlight step redraws only the old and the new word, and
 *    the screen is then exactly (every pixel) the same as a full redraw;
 *  - the accelerated renderer the Pi uses (GLES2; here Mesa's software GLES
 *    through SDL's offscreen driver and EGL) shows the same screen as the
 *    software renderer, within the golden tolerance (tests/test_golden.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "kiosk_runner.h"
#include "model/content.h"
#include "platform/display.h"
#include "platform/paths.h"
#include "platform/render.h"
#include "ui/flow.h"
#include "ui/layout.h"

#define GOLDEN_TOLERANCE 40   /* per channel, as tests/test_golden.c */
#define GOLDEN_MAX_OFF 0.02   /* share of pixels beyond it */

typedef struct {
    ov_display *d;
    ov_render *r;
    ov_content content;
    ov_layout layout;
    char pictures[OV_PATH_MAX];
} screen;

/* Open a headless display of w x h with SDL render driver `driver`
 * ("software", "opengles2") and lay out question 1. 0, or -1 when that
 * driver cannot draw here. */
static int open_question(screen *s, int w, int h, const char *driver)
{
    char err[300];
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    setenv("SDL_RENDER_DRIVER", driver, 1);
    ov_display_opts o = { w, h, 0, 0, 1 };
    if (ov_display_open(&o, &s->d, err, sizeof err) != OV_OK) {
        print_message("%s: %s\n", driver, err);
        return -1;
    }
    assert_int_equal(ov_render_open(ov_display_renderer(s->d), "standard", &s->r, err, sizeof err), OV_OK);
    ov_content_builtin(&s->content);
    ov_find_asset_dir("content/en", s->content.dir, sizeof s->content.dir);
    ov_find_asset_dir("pictures", s->pictures, sizeof s->pictures);
    ov_layout_env env = { 0 };
    ov_display_size(s->d, &env.w, &env.h);
    env.px_per_mm = ov_px_per_mm(env.w, env.h, 0);
    env.text_scale = ov_render_text_scale(s->r);
    env.measure = ov_render_measure;
    env.measure_ctx = s->r;
    env.pictures_dir = s->pictures;
    ov_flow flow;
    ov_flow_init(&flow, &s->content, 1, 90000, 4000, 1500, 0);
    ov_flow_act(&flow, OV_ACT_ANY, 0, 0);
    ov_layout_screen(&env, &flow, NULL, &s->layout);
    return 0;
}

static void close_screen(screen *s)
{
    ov_render_close(s->r);
    ov_display_close(s->d);
    unsetenv("SDL_RENDER_DRIVER");
}

static void shoot(screen *s, int text, int word, const char *png)
{
    char err[300];
    ov_display_begin(s->d);
    assert_int_equal(ov_render_draw(s->r, &s->layout, text, word), OV_OK);
    assert_int_equal(ov_display_end(s->d, png, err, sizeof err), OV_OK);
}

static void highlight_steps_equal_full_redraws(void **state)
{
    (void)state;
    static screen s;
    char dir[256], step[300], full[300];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(step, sizeof step, "%s/step.png", dir);
    snprintf(full, sizeof full, "%s/full.png", dir);
    assert_int_equal(open_question(&s, 1280, 720, "software"), 0);
    shoot(&s, -1, -1, NULL);
    int steps = 0;
    for (int i = 0; i < s.layout.n_texts; i++)
        for (int w = 0; s.layout.texts[i].spoken && w < s.layout.texts[i].block.n_words; w++) {
            shoot(&s, i, w, step); /* only the previous and this word redrawn */
            ov_render_invalidate(s.r);
            shoot(&s, i, w, full);
            double off = 1;
            assert_int_equal(ov_test_png_diff(step, full, 0, &off), 0);
            if (off != 0)
                fail_msg("text %d word %d: %.3f%% of pixels differ after a highlight step", i, w, off * 100);
            steps++;
        }
    assert_true(steps > 10);
    shoot(&s, -1, -1, step); /* the highlight gone again: the plain screen */
    ov_render_invalidate(s.r);
    shoot(&s, -1, -1, full);
    double off = 1;
    assert_int_equal(ov_test_png_diff(step, full, 0, &off), 0);
    assert_true(off == 0);
    close_screen(&s);
    remove(step);
    remove(full);
}

static void gles_draws_what_software_draws(void **state)
{
    (void)state;
    static screen s;
    char dir[256], soft[300], gles[300];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(soft, sizeof soft, "%s/software.png", dir);
    snprintf(gles, sizeof gles, "%s/gles.png", dir);
    assert_int_equal(open_question(&s, 800, 480, "software"), 0);
    shoot(&s, 1, 2, soft); /* a word highlighted: the pill, the text, pictures, buttons */
    close_screen(&s);
    if (open_question(&s, 800, 480, "opengles2") != 0) {
        print_message("no GLES2 here: install libgles2 and libegl-mesa0 (Mesa's llvmpipe) to test it\n");
        remove(soft);
        skip();
    }
    SDL_RendererInfo info;
    assert_int_equal(SDL_GetRendererInfo(ov_display_renderer(s.d), &info), 0);
    assert_string_equal(info.name, "opengles2");
    assert_true(info.flags & SDL_RENDERER_ACCELERATED);
    shoot(&s, -1, -1, NULL);
    shoot(&s, 1, 2, gles);
    close_screen(&s);
    double off = 1;
    assert_int_equal(ov_test_png_diff(soft, gles, GOLDEN_TOLERANCE, &off), 0);
    print_message("GLES2 (%s) against software: %.3f%% of pixels beyond the tolerance\n", info.name,
                  off * 100);
    if (off > GOLDEN_MAX_OFF)
        fail_msg("GLES2: %.2f%% of pixels differ from the software renderer (more than %.1f%%)", off * 100,
                 GOLDEN_MAX_OFF * 100);
    remove(soft);
    remove(gles);
}

int main(void)
{
    ov_log_set_quiet(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(highlight_steps_equal_full_redraws),
        cmocka_unit_test(gles_draws_what_software_draws),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
