/* test_privacy_next_member.c — the next member (docs/privacy.md): whatever
 * the last member did (left on the confirm screen with an answer chosen, left
 * half-way through the questions, or finished), the welcome screen that
 * greets the next person is pixel for pixel the one shown before anybody
 * voted. Through the real kiosk, headless; time jumps with `advance`. */
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

/* Long enough for every timeout of a member screen (idle 120 s, thanks 4 s). */
#define LEFT_ALONE "advance 200000\nwait 20\nadvance 200000\nwait 20\n"

/* Run `script` in a fresh kiosk (speech off) and return its folder in dir. */
static void run_script(char *dir, size_t len, const char *script)
{
    char args[400];
    ov_test_tmpdir(dir, len);
    assert_int_equal(ov_test_write_config(dir, "[speech]\nspeech = no\n", args, sizeof args), 0);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

/* Run `visit` between two shots of the welcome screen; they must be identical. */
static void welcome_is_the_same_after(const char *visit, const char *expect_on_the_way)
{
    char dir[64], script[1024], a[200], b[200];
    snprintf(script, sizeof script, "expect welcome\nshot before\n%sexpect %s\n" LEFT_ALONE
             "expect welcome\nshot after\n", visit, expect_on_the_way);
    run_script(dir, sizeof dir, script);
    snprintf(a, sizeof a, "%s/shots/before.png", dir);
    snprintf(b, sizeof b, "%s/shots/after.png", dir);
    double off = 1;
    assert_int_equal(ov_test_png_diff(a, b, 0, &off), 0);
    if (off != 0) fail_msg("%.4f%% of the welcome screen's pixels changed after a visit", off * 100);
}

/* A choice left on the confirm or review screen is covered by the idle
 * warning 30 s after the screen went quiet (not after the whole idle time),
 * and the warning shows nothing of it: the same pixels whatever was chosen. */
static void a_choice_left_alone_is_covered_within_30_s(void **state)
{
    (void)state;
    char dir[2][64], a[200], b[200];
    const char *choice[2] = { "key 1\n", "key 4\n" };
    for (int i = 0; i < 2; i++) {
        char script[1024];
        snprintf(script, sizeof script,
                 "key space\n%sexpect confirm\nadvance 29000\nwait 20\nexpect confirm\n"
                 "advance 1500\nwait 20\nexpect idle-warning\nshot warned\n"
                 "key 2\nexpect confirm\nkey enter\n%skey enter\nkey 2\nkey enter\nkey 3\nkey enter\n"
                 "expect review\nadvance 29000\nwait 20\nexpect review\nadvance 1500\nwait 20\n"
                 "expect idle-warning\nshot warned-review\nadvance 31000\nwait 20\nexpect welcome\n",
                 choice[i], choice[i]);
        run_script(dir[i], sizeof dir[i], script);
    }
    const char *shots[2] = { "warned", "warned-review" };
    for (int s = 0; s < 2; s++) {
        snprintf(a, sizeof a, "%s/shots/%s.png", dir[0], shots[s]);
        snprintf(b, sizeof b, "%s/shots/%s.png", dir[1], shots[s]);
        double off = 1;
        assert_int_equal(ov_test_png_diff(a, b, 0, &off), 0);
        if (off != 0) fail_msg("%s: %.4f%% of the warning's pixels depend on the choice", shots[s], off * 100);
    }
}

static void left_on_the_confirm_screen(void **state)
{
    (void)state;
    welcome_is_the_same_after("key space\nkey 3\n", "confirm");
}

static void left_half_way(void **state)
{
    (void)state;
    welcome_is_the_same_after("key space\nkey 1\nkey enter\nkey 4\nkey enter\n", "question");
}

static void a_finished_visit(void **state)
{
    (void)state;
    welcome_is_the_same_after("key space\nkey 1\nkey enter\nkey 2\nkey enter\nkey 3\nkey enter\nkey 4\nkey enter\n"
                              "expect review\nkey enter\n",
                              "thanks");
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) { fprintf(stderr, "build %s first\n", ov_test_program()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(left_on_the_confirm_screen),
        cmocka_unit_test(a_choice_left_alone_is_covered_within_30_s),
        cmocka_unit_test(left_half_way),
        cmocka_unit_test(a_finished_visit),
    };
    return cmocka_run_group_tests_name("privacy_next_member", tests, NULL, NULL);
}
