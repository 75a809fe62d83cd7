/* test_privacy_blank.c — someone in the room looking at the screen while a
 * member who cannot see votes with headphones (docs/privacy.md), through the
 * real kiosk: with headphones in and blank_screen on, every member screen
 * after welcome is black while the kiosk still speaks (sound captured with
 * SDL's disk audio driver is not silent) and the votes are still stored;
 * with blank_screen off, or no headphones detected, the screen shows. A
 * member with headphones turns the screen off on the sound screen for their
 * own visit; the next person gets the usual screen. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kiosk_runner.h"
#include "platform/pin_hash.h"

#define GRID_STEP 40      /* pixels between the samples of a shot */
#define NEAR_BLACK 8      /* per channel */
#define SPOKEN_SAMPLES 22050 /* at least 1 s of sound that is not silence */

/* A whole visit (4 questions, the check step each time), shots on the way. */
static const char *visit =
    "shot welcome\nkey space\nwait 300\nexpect blank\nexpect question\nshot question\nwait 1500\n"
    "key 1\nexpect confirm\nshot confirm\nkey enter\nkey 2\nkey enter\nkey 3\nkey enter\nkey 4\nkey enter\n"
    "expect review\nshot review\nkey enter\nexpect thanks\nshot thanks\nwait 1500\nquit\n";

/* Share of the grid of samples of shot NAME that is black. */
static double black_share(const char *dir, const char *name)
{
    int black = 0, all = 0;
    for (int y = GRID_STEP / 2; y < 480; y += GRID_STEP)
        for (int x = GRID_STEP / 2; x < 800; x += GRID_STEP) {
            ov_rgb px;
            assert_int_equal(ov_test_pixel(dir, name, x, y, &px), 0);
            ov_rgb zero = { 0, 0, 0 };
            black += ov_test_rgb_near(px, zero, NEAR_BLACK);
            all++;
        }
    return (double)black / all;
}

/* Samples of the captured sound that are not silent. */
static long loud_samples(const char *raw)
{
    FILE *f = fopen(raw, "rb");
    assert_non_null(f);
    int16_t s[4096];
    size_t n;
    long loud = 0;
    while ((n = fread(s, sizeof s[0], 4096, f)) > 0)
        for (size_t i = 0; i < n; i++) loud += s[i] > 64 || s[i] < -64;
    fclose(f);
    return loud;
}

/* Run the visit with `settings` into a fresh folder (dir); the sound into dir/sound.raw. */
static void run_visit(char *dir, size_t dirlen, const char *settings, const char *script)
{
    char args[400], raw[128];
    ov_test_tmpdir(dir, dirlen);
    snprintf(raw, sizeof raw, "%s/sound.raw", dir);
    assert_int_equal(ov_test_write_config(dir, settings, args, sizeof args), 0);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

static void with_headphones_the_screen_is_off_and_speech_goes_on(void **state)
{
    (void)state;
    char dir[64], raw[128], data[128];
    run_visit(dir, sizeof dir, "[speech]\nheadphones = yes\nblank_screen = yes\n", visit);
    assert_true(black_share(dir, "welcome") < 0.5);        /* the welcome screen still invites people */
    assert_true(black_share(dir, "question") == 1.0);
    assert_true(black_share(dir, "confirm") == 1.0);
    assert_true(black_share(dir, "review") == 1.0); /* every answer listed: nobody in the room sees them */
    assert_true(black_share(dir, "thanks") == 1.0);
    snprintf(raw, sizeof raw, "%s/sound.raw", dir);
    long loud = loud_samples(raw);
    if (loud < SPOKEN_SAMPLES) fail_msg("only %ld samples of sound: the kiosk did not speak", loud);
    snprintf(data, sizeof data, "%s/data", dir);
    assert_int_equal(ov_test_votes_total(data), 4);        /* the visit is counted */
}

static void without_blank_screen_the_screen_shows(void **state)
{
    (void)state;
    char dir[64];
    run_visit(dir, sizeof dir, "[speech]\nheadphones = yes\nblank_screen = no\n",
              "key space\nwait 300\nexpect question\nshot question\nquit\n");
    assert_true(black_share(dir, "question") < 0.5);
}

/* headphones = auto: no event device reports the jack, so the screen shows. */
static void no_jack_detected_the_screen_shows(void **state)
{
    (void)state;
    char dir[64], input[128];
    ov_test_tmpdir(input, sizeof input);
    setenv("OV_INPUT_DIR", input, 1);
    run_visit(dir, sizeof dir, "[speech]\nheadphones = auto\nblank_screen = yes\n",
              "key space\nwait 300\nexpect question\nshot question\nquit\n");
    unsetenv("OV_INPUT_DIR");
    assert_true(black_share(dir, "question") < 0.5);
}

/* The facilitator's settings screen turns it on, and it is kept for the next start. */
static void the_settings_screen_turns_it_on(void **state)
{
    (void)state;
    char dir[64], hash[128], settings[400], buf[1024];
    assert_int_equal(ov_pin_hash("2580", hash, sizeof hash), OV_OK);
    snprintf(settings, sizeof settings, "[speech]\nspeech = no\nheadphones = yes\n[facilitator]\npin_hash = %s\n", hash);
    /* Settings is item 6 of the menu, the screen-off switch its 4th button, Menu its 5th */
    run_visit(dir, sizeof dir, settings,
              "key space\nwait 300\nexpect question\nshot before\nadvance 121000\nwait 20\n"
              "expect idle-warning\nadvance 31000\nwait 20\nexpect welcome\n" OV_TEST_PIN_IN
              "key 6\nexpect facilitator-settings\nkey 4\nshot settings\nkey 5\nkey 7\nexpect welcome\n"
              "key space\nwait 300\nexpect blank\nshot after\nquit\n");
    assert_true(black_share(dir, "before") < 0.5);
    assert_true(black_share(dir, "after") == 1.0);
    assert_true(ov_test_read_settings(dir, buf, sizeof buf) >= 0);
    assert_non_null(strstr(buf, "blank_screen = yes"));
}

/* Headphones in, blank_screen off: the member turns the screen off (Sound,
 * key 6), votes with it black, and the next person sees the screen again. */
static void the_member_turns_the_screen_off_for_the_visit(void **state)
{
    (void)state;
    char dir[64], data[128];
    run_visit(dir, sizeof dir, "[speech]\nspeech = no\nheadphones = yes\nblank_screen = no\n",
              "key 2\nexpect sound\nshot sound\nkey 6\nexpect blank\nshot sound-off\nkey 5\nexpect welcome\n"
              "shot welcome\nkey space\nexpect blank\nshot question\nkey 1\nkey enter\nkey 2\nkey enter\n"
              "key 3\nkey enter\nkey 4\nkey enter\nexpect review\nshot review\nkey enter\nexpect thanks\n"
              "advance 10000\nwait 20\nexpect welcome\nkey space\nexpect question\nshot next\nquit\n");
    assert_true(black_share(dir, "sound") < 0.5);
    assert_true(black_share(dir, "sound-off") == 1.0);
    assert_true(black_share(dir, "welcome") < 0.5); /* the welcome screen still invites people */
    assert_true(black_share(dir, "question") == 1.0);
    assert_true(black_share(dir, "review") == 1.0);
    assert_true(black_share(dir, "next") < 0.5);     /* the next person: the usual screen */
    snprintf(data, sizeof data, "%s/data", dir);
    assert_int_equal(ov_test_votes_total(data), 4);
}

/* Without headphones the sound screen offers no "Screen off": key 6 there is
 * "Hear it again", and the screen stays on. */
static void without_headphones_the_member_cannot_blank_it(void **state)
{
    (void)state;
    char dir[64];
    run_visit(dir, sizeof dir, "[speech]\nspeech = no\nheadphones = no\n",
              "key 2\nexpect sound\nkey 6\nkey 5\nexpect welcome\nkey space\nexpect question\nshot question\n"
              "quit\n");
    assert_true(black_share(dir, "question") < 0.5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(with_headphones_the_screen_is_off_and_speech_goes_on),
        cmocka_unit_test(without_blank_screen_the_screen_shows),
        cmocka_unit_test(no_jack_detected_the_screen_shows),
        cmocka_unit_test(the_settings_screen_turns_it_on),
        cmocka_unit_test(the_member_turns_the_screen_off_for_the_visit),
        cmocka_unit_test(without_headphones_the_member_cannot_blank_it),
    };
    return cmocka_run_group_tests_name("privacy_blank", tests, NULL, NULL);
}
