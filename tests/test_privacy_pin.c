/* test_privacy_pin.c — someone at the kiosk alone trying PINs (docs/privacy.md),
 * through the real kiosk, headless: the wrong-PIN wait is kept in the data
 * folder, so a restart gives no new tries and even the right PIN waits; the
 * PIN screen shows "Wait N seconds" (and reads it out: it is not the secret
 * line); facilitator screens and a half-typed PIN go back to voting after
 * 2 minutes untouched, or the time set in idle_timeout_s. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kiosk_runner.h"
#include "platform/pin_hash.h"
#include "test_content_fixture.h"
#include "ui/facilitator.h"

#define WRONG_3 "key 1\nkey 1\nkey 1\nkey 1\nkey enter\nkey 1\nkey 1\nkey 1\nkey 1\nkey enter\n" \
                "key 1\nkey 1\nkey 1\nkey 1\nkey enter\n"
#define RIGHT "key 2\nkey 5\nkey 8\nkey 0\nkey enter\n"

/* A folder with ourvoice.ini (PIN 2580, no speech, `extra` settings); args for the kiosk into args. */
static void kiosk_folder(char *dir, size_t dirlen, const char *extra, char *args, size_t argslen)
{
    char path[300], hash[128];
    ov_test_tmpdir(dir, dirlen);
    assert_int_equal(ov_pin_hash("2580", hash, sizeof hash), OV_OK);
    snprintf(path, sizeof path, "%s/ourvoice.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "[speech]\nspeech = no\n[facilitator]\npin_hash = %s\nusb_mount_dir = %s/media\n%s", hash, dir, extra);
    fclose(f);
    snprintf(args, argslen, "--config %s/ourvoice.ini --data %s/data", dir, dir);
    unsetenv("OV_MOUNTINFO");
}

static void run(const char *dir, const char *script, const char *args)
{
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

static void the_wrong_pin_wait_survives_a_restart(void **state)
{
    (void)state;
    char dir[64], args[400], path[200], a[300], b[300];
    kiosk_folder(dir, sizeof dir, "", args, sizeof args);
    run(dir, "key facilitator\nshot fresh\n" WRONG_3 "expect facilitator-pin\nquit\n", args);
    snprintf(path, sizeof path, "%s/data/pin-wait", dir);
    assert_int_equal(access(path, F_OK), 0);               /* kept on disk */
    /* a restart: the wait is still there, and even the right PIN waits */
    run(dir, "key facilitator\nshot waiting\n" RIGHT "expect facilitator-pin\n"
             "advance 6000\nwait 20\n" RIGHT "expect facilitator-menu\n", args);
    /* the waiting screen is not the plain PIN pad: it shows "Wait N seconds" */
    snprintf(a, sizeof a, "%s/shots/fresh.png", dir);
    snprintf(b, sizeof b, "%s/shots/waiting.png", dir);
    double off = 0;
    assert_int_equal(ov_test_png_diff(a, b, 40, &off), 0);
    assert_true(off > 0.002);
    /* the right PIN after the wait started the count again: the file says so */
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[64] = "";
    assert_non_null(fgets(line, sizeof line, f));
    fclose(f);
    assert_string_equal(line, "wrong 0 wait_ms 0\n");
}

/* Without the file, a restart would give three fresh tries: the test above
 * fails if the kiosk forgets. Here: the same restart with the file removed opens at once. */
static void removing_the_kept_wait_is_what_gives_new_tries(void **state)
{
    (void)state;
    char dir[64], args[400], path[200];
    kiosk_folder(dir, sizeof dir, "", args, sizeof args);
    run(dir, "key facilitator\n" WRONG_3 "expect facilitator-pin\nquit\n", args);
    snprintf(path, sizeof path, "%s/data/pin-wait", dir);
    assert_int_equal(unlink(path), 0);
    run(dir, "key facilitator\n" RIGHT "expect facilitator-menu\n", args);
}

/* The wait line is on the screen and in what is read aloud. */
static void the_pin_screen_says_wait_n_seconds(void **state)
{
    (void)state;
    ov_content c;
    ov_test_content(&c);
    char hash[128], speech[1024];
    assert_int_equal(ov_pin_hash("2580", hash, sizeof hash), OV_OK);
    ov_fac f;
    ov_fac_init(&f, &c, hash, "drop-in");
    f.guard.wrong = 3;
    f.guard.next_try_ms = 8000;
    ov_fac_open(&f, 0, 1000);
    ov_fac_speech(&f, speech, sizeof speech);
    assert_non_null(strstr(speech, "Wait 7 seconds"));
}

static void facilitator_screens_go_back_to_voting_when_left_alone(void **state)
{
    (void)state;
    char dir[64], args[400];
    kiosk_folder(dir, sizeof dir, "", args, sizeof args);
    /* the menu: still there after 119 s, voting again after 120 s */
    run(dir, "key facilitator\n" RIGHT "expect facilitator-menu\nadvance 119000\nwait 20\nexpect facilitator-menu\n"
             "advance 1500\nwait 20\nexpect welcome\n"
             /* a half-typed PIN: the pad goes away and the digits are forgotten */
             "key facilitator\nkey 2\nkey 5\nadvance 121000\nwait 20\nexpect welcome\n"
             "key facilitator\nkey 8\nkey 0\nkey enter\nexpect facilitator-pin\n", args);
    assert_non_null(strstr(ov_test_stderr(dir), "facilitator mode closed: nobody touched it for 120 s"));
}

static void the_idle_time_is_a_setting(void **state)
{
    (void)state;
    char dir[64], args[400];
    kiosk_folder(dir, sizeof dir, "idle_timeout_s = 30\n", args, sizeof args);
    run(dir, "key facilitator\n" RIGHT "expect facilitator-menu\nadvance 20000\nwait 20\nkey 6\n"
             "expect facilitator-settings\nadvance 25000\nwait 20\nexpect facilitator-settings\n"
             "advance 6000\nwait 20\nexpect welcome\n", args);
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) { fprintf(stderr, "build %s first\n", ov_test_program()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_wrong_pin_wait_survives_a_restart),
        cmocka_unit_test(removing_the_kept_wait_is_what_gives_new_tries),
        cmocka_unit_test(the_pin_screen_says_wait_n_seconds),
        cmocka_unit_test(facilitator_screens_go_back_to_voting_when_left_alone),
        cmocka_unit_test(the_idle_time_is_a_setting),
    };
    return cmocka_run_group_tests_name("privacy_pin", tests, NULL, NULL);
}
