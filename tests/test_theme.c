/* test_theme.c — the colour themes: every text a member reads has enough
 * contrast (WCAG 4.5:1, 7:1 in high-contrast), answer colours stay apart for
 * normal and red-green colour-blind sight, large text is larger, names and
 * colour look-ups behave, and the colour maths gives the published values. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/theme.h"

static const ov_rgb BLACK = { 0, 0, 0 }, WHITE = { 255, 255, 255 };

static int same(ov_rgb a, ov_rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

static double min_text_contrast(const ov_theme *t)
{
    return strcmp(t->name, "high-contrast") == 0 ? 7.0 : 4.5;
}

static void expect_contrast(const ov_theme *t, const char *what, ov_rgb fg, ov_rgb bg, double need)
{
    double c = ov_contrast_ratio(fg, bg);
    if (c < need)
        fail_msg("theme %s: %s has contrast %.2f:1, needs %.1f:1 (#%02X%02X%02X on #%02X%02X%02X)", t->name, what,
                 c, need, fg.r, fg.g, fg.b, bg.r, bg.g, bg.b);
}

/* ---- colour maths ------------------------------------------------------ */

static void test_contrast_ratio_matches_wcag(void **state)
{
    (void)state;
    assert_true(fabs(ov_contrast_ratio(BLACK, WHITE) - 21.0) < 1e-9);
    assert_true(fabs(ov_contrast_ratio(WHITE, BLACK) - 21.0) < 1e-9);
    ov_rgb mid = { 0x77, 0x77, 0x77 };
    assert_true(fabs(ov_contrast_ratio(mid, mid) - 1.0) < 1e-9);
    /* #767676 is the well-known lightest grey passing 4.5:1 on white; #777777 fails */
    ov_rgb g76 = { 0x76, 0x76, 0x76 };
    assert_true(ov_contrast_ratio(g76, WHITE) >= 4.5);
    assert_true(ov_contrast_ratio(mid, WHITE) < 4.5);
    assert_true(fabs(ov_contrast_ratio(g76, WHITE) - 4.54) < 0.01);
    assert_true(fabs(ov_relative_luminance(WHITE) - 1.0) < 1e-9);
    assert_true(ov_relative_luminance(BLACK) == 0.0);
    ov_rgb pure_green = { 0, 255, 0 };
    assert_true(fabs(ov_relative_luminance(pure_green) - 0.7152) < 1e-9);
}

static void test_delta_e_and_colour_blind_simulation(void **state)
{
    (void)state;
    assert_true(fabs(ov_delta_e76(BLACK, WHITE) - 100.0) < 0.1);
    assert_true(ov_delta_e76(WHITE, WHITE) < 1e-9);
    /* greys look the same to everyone */
    ov_rgb grey = { 128, 128, 128 };
    for (int k = OV_CVD_DEUTERANOPIA; k <= OV_CVD_TRITANOPIA; k++)
        assert_true(ov_delta_e76(grey, ov_simulate_cvd(grey, (ov_cvd)k)) < 2.0);
    /* classic traffic-light red and green collapse for red-green colour blindness */
    ov_rgb red = { 0xE0, 0x20, 0x20 }, green = { 0x20, 0xA0, 0x20 };
    double normal = ov_delta_e76(red, green);
    double deut = ov_delta_e76(ov_simulate_cvd(red, OV_CVD_DEUTERANOPIA), ov_simulate_cvd(green, OV_CVD_DEUTERANOPIA));
    double prot = ov_delta_e76(ov_simulate_cvd(red, OV_CVD_PROTANOPIA), ov_simulate_cvd(green, OV_CVD_PROTANOPIA));
    assert_true(normal > 80.0);
    assert_true(deut < normal / 2);
    assert_true(prot < normal / 2);
}

static void test_rgb_parse(void **state)
{
    (void)state;
    ov_rgb c = { 1, 2, 3 };
    assert_int_equal(ov_rgb_parse("#D55E00", &c), OV_OK);
    assert_true(c.r == 0xD5 && c.g == 0x5E && c.b == 0x00);
    assert_int_equal(ov_rgb_parse("00ff7f", &c), OV_OK);
    assert_true(c.r == 0 && c.g == 0xFF && c.b == 0x7F);
    ov_rgb before = c;
    assert_int_equal(ov_rgb_parse("#12345", &c), OV_EINVAL);
    assert_int_equal(ov_rgb_parse("#1234567", &c), OV_EINVAL);
    assert_int_equal(ov_rgb_parse("#12345G", &c), OV_EINVAL);
    assert_int_equal(ov_rgb_parse("red", &c), OV_EINVAL);
    assert_int_equal(ov_rgb_parse(NULL, &c), OV_EINVAL);
    assert_true(same(c, before));
}

/* ---- themes ------------------------------------------------------------ */

static void test_theme_names_and_lookup(void **state)
{
    (void)state;
    const char *const *names = ov_theme_names();
    assert_non_null(names);
    int n = 0, found_std = 0, found_hc = 0, found_lt = 0;
    for (; names[n]; n++) {
        const ov_theme *t = ov_theme_get(names[n]);
        assert_non_null(t);
        assert_string_equal(t->name, names[n]);
        found_std |= strcmp(names[n], "standard") == 0;
        found_hc |= strcmp(names[n], "high-contrast") == 0;
        found_lt |= strcmp(names[n], "large-text") == 0;
    }
    assert_int_equal(n, 3);
    assert_true(found_std && found_hc && found_lt);
    assert_ptr_equal(ov_theme_get("High-Contrast"), ov_theme_get("high-contrast"));
    assert_null(ov_theme_get("neon"));
    assert_null(ov_theme_get(""));
    assert_null(ov_theme_get(NULL));
}

static void test_every_text_has_enough_contrast(void **state)
{
    (void)state;
    for (const char *const *n = ov_theme_names(); *n; n++) {
        const ov_theme *t = ov_theme_get(*n);
        double need = min_text_contrast(t);
        expect_contrast(t, "text on background", t->text, t->background, need);
        expect_contrast(t, "text on panel", t->text, t->panel, need);
        expect_contrast(t, "muted text on background", t->muted, t->background, need);
        expect_contrast(t, "muted text on panel", t->muted, t->panel, need);
        expect_contrast(t, "spoken word on its highlight", t->highlight_text, t->highlight_bg, need);
        expect_contrast(t, "button text", t->button_text, t->button_fill, need);
        /* the renderer also writes normal and muted text on plain buttons */
        expect_contrast(t, "text on a plain button", t->text, t->button_fill, need);
        expect_contrast(t, "muted text on a plain button", t->muted, t->button_fill, need);
        expect_contrast(t, "\"that's right\" text", t->yes_text, t->yes_fill, need);
        expect_contrast(t, "\"go back\" text", t->no_text, t->no_fill, need);
        expect_contrast(t, "warning text", t->warning_text, t->warning_bg, need);
        assert_true(t->n_answers >= 5 && t->n_answers <= OV_THEME_MAX_ANSWERS);
        for (int i = 0; i < t->n_answers; i++) {
            char what[96];
            snprintf(what, sizeof what, "the word on a %s answer", t->answers[i].name);
            expect_contrast(t, what, t->answers[i].text, t->answers[i].fill, need);
        }
    }
}

/* Edges and rings are not text: WCAG asks 3:1 against what is next to them. */
static void test_outlines_and_focus_ring_are_visible(void **state)
{
    (void)state;
    for (const char *const *n = ov_theme_names(); *n; n++) {
        const ov_theme *t = ov_theme_get(*n);
        expect_contrast(t, "focus ring on background", t->focus, t->background, 3.0);
        expect_contrast(t, "button outline on background", t->outline, t->background, 3.0);
        for (int i = 0; i < t->n_answers; i++) {
            char what[96];
            snprintf(what, sizeof what, "outline of a %s answer on background", t->answers[i].name);
            expect_contrast(t, what, t->answers[i].outline, t->background, 3.0);
        }
        assert_true(t->outline_mm > 0.0 && t->focus_mm >= t->outline_mm);
    }
    assert_true(ov_theme_get("high-contrast")->outline_mm > ov_theme_get("standard")->outline_mm);
    assert_true(ov_theme_get("high-contrast")->focus_mm > ov_theme_get("standard")->focus_mm);
}

static double delta_e_seen(ov_rgb a, ov_rgb b, int cvd)
{
    if (cvd < 0) return ov_delta_e76(a, b);
    return ov_delta_e76(ov_simulate_cvd(a, (ov_cvd)cvd), ov_simulate_cvd(b, (ov_cvd)cvd));
}

/* Any two answer colours differ clearly (CIE76 >= 20) for normal sight, and
 * still differ (>= 12) for deuteranopia and protanopia, the common
 * red-green colour blindness. */
static void test_answer_colours_stay_apart(void **state)
{
    (void)state;
    static const struct { int cvd; double need; const char *who; } sights[] = {
        { -1, 20.0, "normal sight" },
        { OV_CVD_DEUTERANOPIA, 12.0, "deuteranopia" },
        { OV_CVD_PROTANOPIA, 12.0, "protanopia" },
    };
    for (const char *const *n = ov_theme_names(); *n; n++) {
        const ov_theme *t = ov_theme_get(*n);
        for (size_t s = 0; s < OV_ARRAY_LEN(sights); s++)
            for (int i = 0; i < t->n_answers; i++)
                for (int j = i + 1; j < t->n_answers; j++) {
                    double d = delta_e_seen(t->answers[i].fill, t->answers[j].fill, sights[s].cvd);
                    if (d < sights[s].need)
                        fail_msg("theme %s: %s and %s answers look alike with %s (deltaE %.1f, needs %.0f)", t->name,
                                 t->answers[i].name, t->answers[j].name, sights[s].who, d, sights[s].need);
                }
    }
}

/* In high-contrast, where people rely on lightness, the worst (red) and
 * best (green) answers differ in lightness by 3:1 or more, so they stay apart
 * even with no colour vision at all. */
static void test_high_contrast_red_and_green_differ_in_lightness(void **state)
{
    (void)state;
    const ov_theme *t = ov_theme_get("high-contrast");
    double c = ov_contrast_ratio(ov_theme_answer_fill(t, "red"), ov_theme_answer_fill(t, "green"));
    if (c < 3.0) fail_msg("high-contrast: red and green answers have lightness ratio %.2f, needs 3:1", c);
}

static void test_large_text_theme(void **state)
{
    (void)state;
    const ov_theme *std = ov_theme_get("standard"), *lt = ov_theme_get("large-text"), *hc = ov_theme_get("high-contrast");
    assert_true(std->text_scale == 1.0);
    assert_true(hc->text_scale >= 1.0);
    assert_true(lt->text_scale >= 1.3 && lt->text_scale <= 1.5);
    /* same colours as standard: only the size changes */
    assert_true(same(lt->background, std->background) && same(lt->text, std->text));
    assert_int_equal(lt->n_answers, std->n_answers);
    for (int i = 0; i < std->n_answers; i++) assert_true(same(lt->answers[i].fill, std->answers[i].fill));
}

static void test_high_contrast_is_black_white_yellow(void **state)
{
    (void)state;
    const ov_theme *hc = ov_theme_get("high-contrast");
    assert_true(same(hc->background, BLACK));
    assert_true(same(hc->text, WHITE));
    ov_rgb yellow = { 255, 255, 0 };
    assert_true(same(hc->focus, yellow));
    assert_true(same(hc->highlight_bg, yellow));
}

static void test_answer_colour_lookup(void **state)
{
    (void)state;
    const ov_theme *std = ov_theme_get("standard");
    static const char *const canon[] = { "red", "amber", "green", "blue", "grey", "light-green", "yellow" };
    for (size_t i = 0; i < OV_ARRAY_LEN(canon); i++) {
        const ov_theme_answer *a = ov_theme_answer_find(std, canon[i]);
        assert_non_null(a);
        assert_string_equal(a->name, canon[i]);
        assert_true(same(ov_theme_answer_fill(std, canon[i]), a->fill));
        assert_true(same(ov_theme_answer_text(std, canon[i]), a->text));
        assert_true(same(ov_theme_answer_outline(std, canon[i]), a->outline));
    }
    assert_ptr_equal(ov_theme_answer_find(std, "Orange"), ov_theme_answer_find(std, "amber"));
    assert_ptr_equal(ov_theme_answer_find(std, "gray"), ov_theme_answer_find(std, "grey"));
    assert_ptr_equal(ov_theme_answer_find(std, "RED"), ov_theme_answer_find(std, "red"));
    assert_ptr_equal(ov_theme_answer_find(std, "lime"), ov_theme_answer_find(std, "light-green"));
    assert_null(ov_theme_answer_find(std, "sparkly"));
    assert_null(ov_theme_answer_find(std, NULL));
    assert_null(ov_theme_answer_find(NULL, "red"));
    /* unknown names and NULL fall back to grey, never to nothing */
    ov_rgb grey = ov_theme_answer_fill(std, "grey");
    assert_true(same(ov_theme_answer_fill(std, "sparkly"), grey));
    assert_true(same(ov_theme_answer_fill(std, NULL), grey));
    assert_true(same(ov_theme_answer_fill(NULL, "red"), ov_theme_answer_fill(std, "red")));
    /* the Okabe-Ito vermillion the pictures use */
    ov_rgb red = ov_theme_answer_fill(std, "red");
    assert_true(red.r == 0xD5 && red.g == 0x5E && red.b == 0x00);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_ratio_matches_wcag),
        cmocka_unit_test(test_delta_e_and_colour_blind_simulation),
        cmocka_unit_test(test_rgb_parse),
        cmocka_unit_test(test_theme_names_and_lookup),
        cmocka_unit_test(test_every_text_has_enough_contrast),
        cmocka_unit_test(test_outlines_and_focus_ring_are_visible),
        cmocka_unit_test(test_answer_colours_stay_apart),
        cmocka_unit_test(test_high_contrast_red_and_green_differ_in_lightness),
        cmocka_unit_test(test_large_text_theme),
        cmocka_unit_test(test_high_contrast_is_black_white_yellow),
        cmocka_unit_test(test_answer_colour_lookup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
