/* test_facilitator.c — facilitator mode as a facilitator meets it: the PIN
 * pad and its slowdown, the default PIN that must be changed, results never
 * shown during a round and hidden for small numbers, "clear votes" only after
 * a verified export, and every facilitator screen fitting every display. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "ui/facilitator.h"
#include "platform/pin_hash.h"
#include "ui/layout.h"
#include "platform/render.h"
#include "test_content_fixture.h"

static ov_content content;

static int find(const ov_fac *f, const char *label)
{
    ov_menu m;
    ov_fac_menu(f, &m);
    for (int i = 0; i < m.n_items; i++) if (!strcmp(m.items[i].label, label)) return i;
    return -1;
}

static ov_fac_do press(ov_fac *f, const char *label, uint64_t now)
{
    int i = find(f, label);
    if (i < 0) fail_msg("no '%s' button on this screen", label);
    return ov_fac_press(f, i, now);
}

static void type_pin(ov_fac *f, const char *pin, uint64_t now)
{
    for (const char *c = pin; *c; c++) { char d[2] = { *c, 0 }; press(f, d, now); }
}

/* 1 when some line of the current screen contains `text`. */
static int screen_says(const ov_fac *f, const char *text)
{
    ov_menu m;
    ov_fac_menu(f, &m);
    for (int i = 0; i < m.n_lines; i++) if (strstr(m.lines[i], text)) return 1;
    return strstr(m.title, text) != NULL;
}

static void no_default_pin_only_the_key_switch_sets_one(void **state)
{
    (void)state;
    ov_fac f;
    ov_test_content(&content);
    ov_fac_init(&f, &content, "", "drop-in");
    ov_fac_open(&f, 0, 1000);
    assert_int_equal(f.screen, OV_FAC_PIN);
    assert_true(screen_says(&f, "key switch"));            /* says how to set one */
    type_pin(&f, "1234", 1000);
    press(&f, "OK", 1000);
    assert_int_equal(f.screen, OV_FAC_PIN);                /* no PIN opens the menu, not 1234 */
    press(&f, "Cancel", 1050);
    ov_fac_open(&f, 1, 1060);                              /* the key switch */
    assert_int_equal(f.screen, OV_FAC_MENU);
    press(&f, "Change PIN", 1070);
    assert_int_equal(f.screen, OV_FAC_NEW_PIN);
    type_pin(&f, "1234", 1100);
    press(&f, "OK", 1100);
    assert_int_equal(f.screen, OV_FAC_NEW_PIN);            /* 1234 is refused as a new PIN */
    assert_non_null(strstr(f.message, "not 1234"));
    type_pin(&f, "2580", 1200); press(&f, "OK", 1200);
    type_pin(&f, "2581", 1300); press(&f, "OK", 1300);      /* typed differently */
    assert_non_null(strstr(f.message, "not the same"));
    type_pin(&f, "2580", 1400); press(&f, "OK", 1400);
    type_pin(&f, "2580", 1500);
    assert_int_equal(press(&f, "OK", 1500), OV_FAC_DO_SAVE_PIN);
    assert_string_equal(f.new_pin, "2580");                  /* the kiosk hashes it (platform/pin_hash.h) */
    char new_hash[128];
    assert_int_equal(ov_pin_hash(f.new_pin, new_hash, sizeof new_hash), OV_OK);
    assert_non_null(strstr(new_hash, "pbkdf2"));
    assert_null(strstr(new_hash, "2580"));                   /* stored hashed, never as typed */
    /* the new PIN opens the menu; the old one no longer does */
    ov_fac g;
    ov_fac_init(&g, &content, new_hash, "drop-in");
    ov_fac_open(&g, 0, 2000);
    type_pin(&g, "1234", 2000); press(&g, "OK", 2000);
    assert_int_equal(g.screen, OV_FAC_PIN);
    type_pin(&g, "2580", 2100); press(&g, "OK", 2100);
    assert_int_equal(g.screen, OV_FAC_MENU);
}

/* The PIN pad of a kiosk whose PIN is `pin`, opened at 1000 ms (the pad keeps
 * a pointer to the hash, so it outlives this call; one pad at a time). */
static void open_pad(ov_fac *f, const char *pin)
{
    static char hash[128];
    assert_int_equal(ov_pin_hash(pin, hash, sizeof hash), OV_OK);
    ov_test_content(&content);
    ov_fac_init(f, &content, hash, "drop-in");
    ov_fac_open(f, 0, 1000);
}

static void wrong_pins_slow_down_further_tries(void **state)
{
    (void)state;
    ov_fac f;
    open_pad(&f, "8642");
    for (int i = 0; i < 3; i++) { type_pin(&f, "1111", 1000 + i); press(&f, "OK", 1000 + i); }
    assert_true(screen_says(&f, "Wait 5 seconds"));
    /* even the right PIN is not checked during the wait */
    type_pin(&f, "8642", 1500); press(&f, "OK", 1500);
    assert_int_equal(f.screen, OV_FAC_PIN);
    type_pin(&f, "8642", 1000 + 60000); press(&f, "OK", 1000 + 60000);
    assert_int_equal(f.screen, OV_FAC_MENU);
    /* typed digits are never read aloud */
    ov_fac_open(&f, 0, 70000);
    type_pin(&f, "86", 70000);
    char speech[512];
    ov_fac_speech(&f, speech, sizeof speech);
    assert_null(strstr(speech, "PIN: * *"));
    assert_null(strstr(speech, "86"));
}

/* A ninth digit is not taken, and the screen says so (it used to be dropped without a word). */
static void a_digit_past_the_longest_pin_is_refused_with_the_rule(void **state)
{
    (void)state;
    ov_fac f;
    open_pad(&f, "86428642");
    type_pin(&f, "86428642", 1000);
    assert_false(screen_says(&f, "4 to 8 numbers"));
    type_pin(&f, "9", 1000);
    assert_string_equal(f.typed, "86428642");                /* the ninth digit is not kept */
    assert_true(screen_says(&f, "4 to 8 numbers"));
    char speech[512];
    ov_fac_speech(&f, speech, sizeof speech);
    assert_non_null(strstr(speech, "4 to 8 numbers"));      /* and a facilitator who cannot see hears it */
    press(&f, "OK", 1000);
    assert_int_equal(f.screen, OV_FAC_MENU);                  /* the eight typed still open the menu */
}

static void key_switch_opens_the_menu_without_a_pin(void **state)
{
    (void)state;
    ov_fac f;
    ov_test_content(&content);
    ov_fac_init(&f, &content, "", "drop-in");
    ov_fac_open(&f, 1, 1000);
    assert_int_equal(f.screen, OV_FAC_MENU);
    assert_int_equal(press(&f, "Back to voting", 1100), OV_FAC_DO_EXIT);
    assert_int_equal(f.screen, OV_FAC_OFF);
}

static void clear_is_offered_only_after_a_verified_export(void **state)
{
    (void)state;
    ov_fac f;
    ov_test_content(&content);
    ov_fac_init(&f, &content, "", "drop-in");
    ov_fac_open(&f, 1, 1000);
    assert_int_equal(find(&f, "Clear votes"), -1);
    assert_int_equal(press(&f, "Save to USB stick", 1000), OV_FAC_DO_REDRAW);   /* no stick */
    assert_int_equal(f.screen, OV_FAC_MESSAGE);
    assert_non_null(strstr(f.message, "USB stick"));
    press(&f, "Menu", 1000);
    f.stick_present = 1;
    assert_int_equal(press(&f, "Save to USB stick", 1000), OV_FAC_DO_EXPORT);
    f.export_verified = 1;                                     /* the kiosk verified every file */
    ov_fac_message(&f, "Saved. You can take the USB stick out now.", NULL);
    assert_true(find(&f, "Clear votes") >= 0);
    press(&f, "Clear votes", 1000);
    assert_int_equal(f.screen, OV_FAC_CONFIRM_CLEAR);
    assert_int_equal(press(&f, "Yes, clear them", 1000), OV_FAC_DO_CLEAR);
    assert_int_equal(f.export_verified, 0);                    /* a second clear needs a new export */
}

static void results_are_hidden_during_a_round_and_for_small_numbers(void **state)
{
    (void)state;
    ov_fac f;
    ov_flow flow;                                   /* owns the round, as in the kiosk */
    ov_test_content(&content);
    ov_flow_init(&flow, &content, 1, 90000, 4000, 0, 1000);
    ov_fac_init(&f, &content, "", "drop-in");
    ov_fac_set_flow(&f, &flow);
    ov_fac_open(&f, 1, 1000);
    press(&f, "Open a round", 1000);
    assert_int_equal(f.screen, OV_FAC_ROUND);
    assert_int_equal(press(&f, "Give and get", 1000), OV_FAC_DO_OPEN_ROUND);
    assert_int_equal(f.chosen_round, 2);
    ov_flow_set_round(&flow, f.chosen_round, 1000);   /* what the kiosk does */
    ov_fac_open(&f, 1, 2000);
    assert_int_equal(press(&f, "Results", 2000), OV_FAC_DO_REDRAW);   /* refused while open */
    assert_non_null(strstr(f.message, "Close the round"));
    press(&f, "Menu", 2000);
    assert_int_equal(press(&f, "Close the round", 2000), OV_FAC_DO_CLOSE_ROUND);
    ov_flow_set_round(&flow, -1, 2000);
    assert_int_equal(press(&f, "Results", 2000), OV_FAC_DO_RESULTS);

    ov_results *res = ov_results_new();
    ov_tally_row rows[] = {
        { "drop-in", "q1", "not-yet", 1, "" }, { "drop-in", "q1", "getting-there", 6, "" }, { "drop-in", "q1", "doing-well", 2, "" },
        { "drop-in", "q2", "started", 3, "" },
    };
    ov_results_build(rows, 4, &content, "drop-in", 5, res);
    ov_fac_show_results(&f, res);
    ov_menu m;
    ov_fac_menu(&f, &m);
    assert_string_equal(m.title, "Your skills");
    /* which meeting the results are of, and what most said */
    assert_string_equal(m.lines[0], "drop-in. Most people said: Getting there.");
    assert_int_equal(m.n_bars, 5);
    assert_int_equal(m.bars[2].count, 6);
    assert_int_equal(m.bar_max, 6);
    press(&f, "Next question", 3000);                           /* q2: 3 answers, under 5 */
    ov_fac_menu(&f, &m);
    assert_int_equal(m.n_bars, 0);
    assert_non_null(strstr(m.lines[0], "Not enough answers yet"));
    free(res);
}

static void meeting_names_carry_the_date(void **state)
{
    (void)state;
    ov_fac f;
    ov_test_content(&content);
    ov_fac_init(&f, &content, "", "drop-in");
    ov_fac_open(&f, 1, 1000);
    press(&f, "New meeting", 1000);
    assert_int_equal(press(&f, "Group meeting", 1000), OV_FAC_DO_SET_MEETING);
    assert_int_equal(strncmp(f.chosen_meeting, "Group meeting 20", 16), 0);
    assert_int_equal(strlen(f.chosen_meeting), strlen("Group meeting 2026-11-24"));
}

static void every_facilitator_screen_fits(void **state)
{
    (void)state;
    ov_render *r;
    char err[200];
    assert_int_equal(ov_render_open(NULL, "standard", &r, err, sizeof err), OV_OK);
    ov_content_builtin(&content);
    static const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 1920, 1080 }, { 720, 1280 } };
    ov_results *res = ov_results_new();
    ov_tally_row rows[] = { { "drop-in", "assets", "not-yet", 3, "" }, { "drop-in", "assets", "getting-there", 9, "" } };
    ov_results_build(rows, 2, &content, "drop-in", 5, res);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        ov_layout_env env = { sizes[s][0], sizes[s][1], ov_px_per_mm(sizes[s][0], sizes[s][1], 0), 1.0, ov_render_measure, r, "assets/pictures", 0, 0, 0 };
        ov_fac f;
        ov_fac_init(&f, &content, "", "Members and staff 2026-11-24");
        f.stick_present = f.stick_has_content = f.export_verified = 1;
        ov_strlcpy(f.problem, "No sound device: ALSA could not open the audio device. Check the speaker.", sizeof f.problem);
        ov_fac_screen screens[] = { OV_FAC_PIN, OV_FAC_NEW_PIN, OV_FAC_MENU, OV_FAC_MEETING, OV_FAC_ROUND, OV_FAC_CONFIRM_CLEAR, OV_FAC_SETTINGS, OV_FAC_RESULTS };
        for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
            f.screen = screens[i];
            if (screens[i] == OV_FAC_RESULTS) ov_fac_show_results(&f, res);
            static ov_menu m;
            static ov_layout l;
            ov_fac_menu(&f, &m);
            if (ov_layout_menu(&env, &m, "Hear it again", &l) != OV_OK)
                fail_msg("%dx%d facilitator screen %d: some text does not fit", sizes[s][0], sizes[s][1], (int)screens[i]);
            int menu_buttons = 0;
            for (int b = 0; b < l.n_buttons; b++) {
                ov_rect rb = l.buttons[b].rect;
                if (!ov_rect_inside(rb, l.screen)) fail_msg("%dx%d screen %d: button %d off screen", sizes[s][0], sizes[s][1], (int)screens[i], b);
                if (rb.h < 15 * env.px_per_mm) fail_msg("%dx%d screen %d: button %d only %.0f mm tall", sizes[s][0], sizes[s][1], (int)screens[i], b, rb.h / env.px_per_mm);
                for (int c = b + 1; c < l.n_buttons; c++)
                    if (ov_rect_overlap(rb, l.buttons[c].rect)) fail_msg("%dx%d screen %d: buttons %d and %d overlap", sizes[s][0], sizes[s][1], (int)screens[i], b, c);
                if (l.buttons[b].target.kind == OV_TARGET_MENU) menu_buttons++;
            }
            assert_int_equal(menu_buttons, m.n_items);          /* every item can be pressed */
        }
    }
    free(res);
    ov_render_close(r);
}

/* The PIN pad reads like a phone's: 1 2 3 on top, then 4 5 6, 7 8 9, and
 * Delete 0 OK; on screen the 1 is top left and the 0 under the 8. */
static void pin_pad_is_a_phone_layout(void **state)
{
    (void)state;
    static ov_fac f;
    static ov_menu m;
    static ov_layout l;
    ov_content_builtin(&content);
    ov_fac_init(&f, &content, "", "drop-in");
    ov_fac_open(&f, 0, 1);
    assert_int_equal(ov_fac_menu(&f, &m), OV_OK);
    static const char *const order[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK" };
    for (int i = 0; i < 12; i++)
        assert_string_equal(m.items[i].label, order[i]);
    ov_render *r;
    char err[256];
    assert_int_equal(ov_render_open(NULL, "standard", &r, err, sizeof err), OV_OK);
    ov_layout_env env = { 800, 480, ov_px_per_mm(800, 480, 0), 1.0, ov_render_measure, r, "assets/pictures", 0, 0, 0 };
    ov_layout_menu(&env, &m, "Hear it again", &l);
    ov_rect key[12];
    for (int b = 0; b < l.n_buttons; b++)
        if (l.buttons[b].target.kind == OV_TARGET_MENU && l.buttons[b].target.index < 12)
            key[l.buttons[b].target.index] = l.buttons[b].rect;
    assert_true(key[0].y == key[2].y && key[0].x < key[1].x && key[1].x < key[2].x); /* 1 2 3 in a row */
    assert_true(key[3].y > key[0].y && key[6].y > key[3].y);                          /* then 4, then 7 */
    assert_true(key[10].x == key[7].x && key[10].y > key[7].y);                       /* 0 under 8 */
    ov_render_close(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_default_pin_only_the_key_switch_sets_one),
        cmocka_unit_test(wrong_pins_slow_down_further_tries),
        cmocka_unit_test(a_digit_past_the_longest_pin_is_refused_with_the_rule),
        cmocka_unit_test(key_switch_opens_the_menu_without_a_pin),
        cmocka_unit_test(clear_is_offered_only_after_a_verified_export),
        cmocka_unit_test(results_are_hidden_during_a_round_and_for_small_numbers),
        cmocka_unit_test(meeting_names_carry_the_date),
        cmocka_unit_test(every_facilitator_screen_fits),
        cmocka_unit_test(pin_pad_is_a_phone_layout),
    };
    return cmocka_run_group_tests_name("facilitator", tests, NULL, NULL);
}
