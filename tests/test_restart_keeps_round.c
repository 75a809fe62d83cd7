/* test_restart_keeps_round.c — a facilitator opens a round on one question
 * for the group, and the kiosk restarts (a power cut, a crash): members
 * still get that question only, and the facilitator still sees the round
 * open, until it is closed. A round on a question the content no longer has
 * is closed at start, with a message in the log. Through the real kiosk. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk_runner.h"
#include "platform/tally.h"

#define PIN_IN OV_TEST_PIN_IN
/* Menu item 3 is "Open a round" (or "Close the round" while one is open); item 2 of the
 * round screen is the 2nd question, "valuing-work" in the English questions. */
#define OPEN_ROUND PIN_IN "key 3\nexpect facilitator-round\nkey 2\n"
/* In a round the kiosk shows the round's question after thank you: the next member goes on. */
#define ONE_VISIT "key space\nexpect question\nkey 3\nexpect confirm\nkey enter\nexpect thanks\n" \
                  "advance 10000\nwait 20\nexpect question\n"
#define NEXT_VISIT "key 3\nexpect confirm\nkey enter\nexpect thanks\nadvance 10000\nwait 20\nexpect question\n"

static void run(const char *dir, const char *args, const char *script)
{
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

/* Votes per question of meeting "drop-in": the round's question, and all others. */
static void counts(const char *dir, long *round_q, long *others)
{
    char data[200], err[400];
    snprintf(data, sizeof data, "%s/data", dir);
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open(data, &t, err, sizeof err), OV_OK);
    ov_tally_row *rows = NULL;
    int n = 0;
    assert_int_equal(ov_tally_read_all(t, "drop-in", &rows, &n), OV_OK);
    *round_q = *others = 0;
    for (int i = 0; i < n; i++)
        *(strcmp(rows[i].question, "valuing-work") ? others : round_q) += rows[i].count;
    free(rows);
    ov_tally_close(t);
}

static void folder(char *dir, size_t len, char *args, size_t argslen)
{
    ov_test_tmpdir(dir, len);
    const char *settings = "[speech]\nspeech = no\n[facilitator]\npin_hash = " OV_TEST_PIN_HASH "\n";
    assert_int_equal(ov_test_write_config(dir, settings, args, argslen), 0);
}

static void an_open_round_survives_a_restart(void **state)
{
    (void)state;
    char dir[64], args[400];
    folder(dir, sizeof dir, args, sizeof args);
    run(dir, args, OPEN_ROUND "quit\n");             /* the round opened, then the power goes */
    run(dir, args, ONE_VISIT NEXT_VISIT "quit\n");    /* two members after the restart: one question each */
    long round_q, others;
    counts(dir, &round_q, &others);
    assert_int_equal(round_q, 2);
    assert_int_equal(others, 0);
    assert_non_null(strstr(ov_test_stderr(dir), "is still open"));
    /* the facilitator closes it (menu item 3 is "Close the round" now); after a restart, whole visits */
    run(dir, args, PIN_IN "key 3\nexpect facilitator-menu\nquit\n");
    run(dir, args, "key space\nexpect question\nkey 3\nexpect confirm\nkey enter\nexpect question\nquit\n");
    counts(dir, &round_q, &others);
    assert_int_equal(round_q, 2);
    assert_int_equal(others, 0); /* the visit is not finished: nothing of it is stored */
    char text[2000];
    assert_true(ov_test_read_settings(dir, text, sizeof text) >= 0);
    assert_null(strstr(text, "valuing-work"));
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void a_round_on_a_question_gone_is_closed(void **state)
{
    (void)state;
    char dir[64], args[400], settings[200];
    folder(dir, sizeof dir, args, sizeof args);
    snprintf(settings, sizeof settings, "%s/data", dir);
    assert_int_equal(mkdir(settings, 0700), 0);
    snprintf(settings, sizeof settings, "%s/data/settings.ini", dir);
    FILE *f = fopen(settings, "w");
    assert_non_null(f);
    fputs("[kiosk]\nround = a-question-not-there\n", f);
    fclose(f);
    run(dir, args, "key space\nexpect question\nkey 3\nexpect confirm\nkey enter\nexpect question\nquit\n");
    assert_non_null(strstr(ov_test_stderr(dir), "no such question now"));
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) { fprintf(stderr, "build %s first\n", ov_test_program()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_open_round_survives_a_restart),
        cmocka_unit_test(a_round_on_a_question_gone_is_closed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
