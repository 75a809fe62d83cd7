/* test_focus_contrast.c — the focus / scanning ring and the spoken-word
 * highlight, computed from the themes' palettes and from the real layout at
 * every screen size: the ring is at least 3 mm wide and stands out 3:1 from
 * everything next to it (the background outside, the target's outline or a
 * background band inside), and the spoken word's pill stands out 3:1 from
 * what is behind it with the word readable (4.5:1) on it (issue 13). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "kiosk_runner.h"
#include "model/content.h"
#include "platform/render.h"
#include "ui/facilitator.h"
#include "ui/render_palette.h"

static const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 1920, 1080 }, { 720, 1280 } };

static void expect_ratio(const char *theme, const char *what, ov_rgb a, ov_rgb b, double min)
{
    double c = ov_contrast_ratio(a, b);
    if (c < min)
        fail_msg("%s: %s is %.2f:1, needs %.1f:1", theme, what, c, min);
}

/* The outline colour of a laid-out button, as the renderer picks it. */
static ov_rgb edge_of(const ov_palette *p, const ov_layout_button *b)
{
    if (b->style == OV_BTN_STYLE_ANSWER && b->colour) {
        ov_rgb f, t, e;
        ov_palette_answer(p, b->colour, &f, &t, &e);
        return e;
    }
    return p->outline;
}

/* Ring of button b at this size: wide enough, 3:1 against its neighbours. */
static void check_ring(const char *theme, const ov_palette *p, const ov_layout *l, int b, int w, int h)
{
    char what[160];
    const ov_layout_button *btn = &l->buttons[b];
    int ring = ov_palette_focus_px(p, l->px_per_mm);
    ov_rgb edge = edge_of(p, btn);
    int gap = ov_palette_focus_gap_px(p, edge, l->px_per_mm);
    if (ring / l->px_per_mm < 3.0)
        fail_msg("%s %dx%d: focus ring %d px = %.2f mm, under 3 mm", theme, w, h, ring, ring / l->px_per_mm);
    snprintf(what, sizeof what, "%dx%d ring against the background", w, h);
    expect_ratio(theme, what, p->focus_ring, p->background, 3.0);
    snprintf(what, sizeof what, "%dx%d ring against the outline it touches", w, h);
    expect_ratio(theme, what, p->focus_ring, gap ? p->background : edge, 3.0);
}

static void test_focus_ring_width_and_contrast(void **state)
{
    (void)state;
    ov_content c;
    ov_content_builtin(&c);
    for (const char *const *n = ov_theme_names(); *n; n++) {
        ov_palette p;
        ov_palette_for_theme(*n, &p);
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            ov_flow f;
            ov_flow_init(&f, &c, 1, 90000, 4000, 0, 1000);
            ov_flow_act(&f, OV_ACT_ANY, 0, 1000); /* question 1 */
            static ov_layout l;
            ov_test_layout(&f, sizes[s][0], sizes[s][1], *n, &l);
            assert_true(l.n_buttons > 1);
            for (int b = 0; b < l.n_buttons; b++)
                check_ring(*n, &p, &l, b, sizes[s][0], sizes[s][1]);
        }
    }
}

/* The ring round button b against everything it can lie next to: the
 * background; its target's outline (or the background band between them) --
 * where the ring has no room outside and lies inside the target, the
 * renderer draws the target's outline (at least 2 px) inside the ring again,
 * so the ring never touches a fill of its own target. `where` names the
 * screen. (The ring never reaches over another button: the renderer pulls
 * it in, tests/test_focus_ring_bounds.c checks it -- at 1024x600 the ring of
 * question 1's first button lay over the next one's fill at 1.94:1. Not
 * checked yet: the facilitator screens' bands, where no ring is drawn today;
 * one by the standard theme's blue band would be 1.19:1.) */
static void check_ring_everywhere(const char *where, const ov_palette *p, const ov_layout *l, int b)
{
    char what[200];
    const ov_layout_button *btn = &l->buttons[b];
    int ring = ov_palette_focus_px(p, l->px_per_mm);
    if (ring / l->px_per_mm < 3.0)
        fail_msg("%s: focus ring %d px = %.2f mm, under 3 mm", where, ring, ring / l->px_per_mm);
    ov_rgb edge = edge_of(p, btn);
    int out = ring + ov_palette_focus_gap_px(p, edge, l->px_per_mm);
    snprintf(what, sizeof what, "%s: the ring of button %d against the background", where, b);
    expect_ratio(p->theme->name, what, p->focus_ring, p->background, 3.0);
    snprintf(what, sizeof what, "%s: the ring of button %d against its outline", where, b);
    expect_ratio(p->theme->name, what, p->focus_ring, out > ring ? p->background : edge, 3.0);
}

static ov_render *render;

static void check_layout(const char *theme, const char *screen, int w, int h, const ov_layout *l)
{
    ov_palette p;
    ov_palette_for_theme(theme, &p);
    char where[160];
    snprintf(where, sizeof where, "%s %dx%d %s", theme, w, h, screen);
    if (l->n_buttons < 1)
        fail_msg("%s: no targets", where);
    for (int b = 0; b < l->n_buttons; b++)
        check_ring_everywhere(where, &p, l, b);
}

/* The member screens with targets: welcome, sound, every question, every
 * confirm of question 1, the review. */
static void member_rings(const ov_content *c, const char *theme, int w, int h)
{
    static ov_layout l;
    ov_flow f;
    ov_flow_init(&f, c, 1, 90000, 4000, 0, 1000);
    ov_test_layout(&f, w, h, theme, &l);
    check_layout(theme, "welcome", w, h, &l);
    ov_flow_act(&f, OV_ACT_SOUND, 0, 1000);
    ov_test_layout(&f, w, h, theme, &l);
    check_layout(theme, "sound", w, h, &l);
    ov_flow_act(&f, OV_ACT_NO, 0, 1000);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1000);
    for (int q = 0; q < c->n_questions; q++) {
        char name[40];
        snprintf(name, sizeof name, "question %d", q + 1);
        ov_test_layout(&f, w, h, theme, &l);
        check_layout(theme, name, w, h, &l);
        ov_flow_act(&f, OV_ACT_CHOOSE, q % 2, 1000);
        snprintf(name, sizeof name, "confirm %d", q + 1);
        ov_test_layout(&f, w, h, theme, &l);
        check_layout(theme, name, w, h, &l);
        ov_flow_act(&f, OV_ACT_YES, 0, 1000);
    }
    assert_int_equal(f.screen, OV_SCREEN_REVIEW);
    ov_test_layout(&f, w, h, theme, &l);
    check_layout(theme, "review", w, h, &l);
}

/* The facilitator's menu and PIN pad. */
static void facilitator_rings(const ov_content *c, const char *theme, int w, int h)
{
    static ov_fac fac;
    static ov_menu mn;
    static ov_layout l;
    const ov_theme *t = ov_theme_get(theme);
    ov_layout_env env = { w, h, ov_px_per_mm(w, h, 0), t->text_scale, ov_render_measure, render,
                          "assets/pictures", 0, 0, 0 };
    ov_fac_init(&fac, c, "", "drop-in");
    ov_fac_open(&fac, 0, 1);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(ov_fac_menu(&fac, &mn), OV_OK);
        ov_layout_menu(&env, &mn, c->texts.hear_again, &l);
        for (int b = 0; b < l.n_buttons; b++)
            l.buttons[b].focused = 1; /* as if each were highlighted (the kiosk highlights none) */
        check_layout(theme, i ? "facilitator menu" : "PIN pad", w, h, &l);
        fac.screen = OV_FAC_MENU;
        fac.export_verified = fac.stick_present = fac.stick_has_content = 1;
    }
}

/* Issue 13: beyond question 1, on every screen with targets, in every theme
 * and at every size. */
static void test_focus_ring_on_every_screen(void **state)
{
    (void)state;
    static ov_content c;
    ov_content_builtin(&c);
    char err[200];
    assert_int_equal(ov_render_open(NULL, "standard", &render, err, sizeof err), OV_OK);
    for (const char *const *n = ov_theme_names(); *n; n++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
            member_rings(&c, *n, sizes[s][0], sizes[s][1]);
            facilitator_rings(&c, *n, sizes[s][0], sizes[s][1]);
        }
    ov_render_close(render);
}

/* Every place a spoken word can be: page text, small text, the warning
 * strip, and the words on every kind of button. */
static void check_pill(const char *theme, const ov_palette *p, const char *where, ov_rgb text, ov_rgb behind)
{
    ov_rgb pill, word;
    char what[160];
    ov_palette_word_highlight(p, text, behind, &pill, &word);
    snprintf(what, sizeof what, "spoken-word pill against %s", where);
    expect_ratio(theme, what, pill, behind, 3.0);
    snprintf(what, sizeof what, "spoken word on its pill (%s)", where);
    expect_ratio(theme, what, word, pill, 4.5);
}

static void test_spoken_word_highlight_contrast(void **state)
{
    (void)state;
    for (const char *const *n = ov_theme_names(); *n; n++) {
        ov_palette p;
        ov_palette_for_theme(*n, &p);
        check_pill(*n, &p, "the screen", p.text, p.background);
        check_pill(*n, &p, "the screen (small text)", p.muted, p.background);
        check_pill(*n, &p, "the warning strip", p.warning_text, p.warning_bg);
        check_pill(*n, &p, "a plain button", p.text, p.panel);
        check_pill(*n, &p, "That's right", p.yes_text, p.yes_fill);
        check_pill(*n, &p, "Go back", p.no_text, p.no_fill);
        for (int i = 0; i < p.theme->n_answers; i++) {
            ov_rgb fill, text, edge;
            ov_palette_answer(&p, p.theme->answers[i].name, &fill, &text, &edge);
            char where[64];
            snprintf(where, sizeof where, "the %s answer", p.theme->answers[i].name);
            check_pill(*n, &p, where, text, fill);
        }
    }
    /* the reported fault: the old yellow pill on the cream screen was 1.23:1 */
    ov_palette std;
    ov_palette_for_theme("standard", &std);
    ov_rgb pill, word;
    ov_palette_word_highlight(&std, std.text, std.background, &pill, &word);
    assert_true(ov_contrast_ratio(pill, std.background) > 10.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_focus_ring_width_and_contrast),
        cmocka_unit_test(test_focus_ring_on_every_screen),
        cmocka_unit_test(test_spoken_word_highlight_contrast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
