/* test_privacy_meetings.c — the facilitator and differencing (docs/privacy.md):
 * the kiosk opens and closes meetings in the vote store itself. A meeting
 * started on an earlier day is closed by the date when the kiosk starts, and
 * a kiosk whose meeting is closed never votes into it: the visit counts for
 * a new drop-in of today, nothing is lost. Through the real kiosk. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kiosk_runner.h"
#include "platform/tally.h"

#define PIN_IN OV_TEST_PIN_IN
#define VISIT_ONLY "key space\nkey 1\nkey enter\nkey 2\nkey enter\nkey 3\nkey enter\nkey 4\nkey enter\n" \
                   "expect review\nkey enter\nexpect thanks\nadvance 10000\nwait 20\nexpect welcome\n"
#define VISIT "key space\nkey 1\nkey enter\nkey 2\nkey enter\nkey 3\nkey enter\nkey 4\nkey enter\nexpect review\nkey enter\nexpect thanks\nquit\n"

/* Today's date, YYYY-MM-DD (local time), as the kiosk names meetings. */
static void today_is(char *out, size_t len)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, len, "%Y-%m-%d", &tm);
}

/* Run the kiosk in dir; fails with its words unless it exits 0. */
static void run(const char *dir, const char *script, const char *args)
{
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

static long total_of(ov_tally *t, const char *meeting)
{
    ov_tally_row *rows = NULL;
    int n = 0;
    assert_int_equal(ov_tally_read_all(t, meeting, &rows, &n), OV_OK);
    long sum = 0;
    for (int i = 0; i < n; i++) sum += rows[i].count;
    free(rows);
    return sum;
}

/* A data folder whose meeting "drop-in" started on `start` with one vote, closed when `closed`. */
static void folder_with_meeting(char *dir, size_t len, const char *start, int closed, char *args, size_t argslen)
{
    char data[200], cfg[200], err[400];
    ov_test_tmpdir(dir, len);
    snprintf(data, sizeof data, "%s/data", dir);
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open(data, &t, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_open(t, "drop-in", start, NULL, NULL, 0, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_add(t, "drop-in", "assets", "not-yet", err, sizeof err), OV_OK);
    if (closed) assert_int_equal(ov_tally_meeting_close(t, "drop-in", err, sizeof err), OV_OK);
    ov_tally_close(t);
    snprintf(cfg, sizeof cfg, "%s/ourvoice.ini", dir);
    FILE *f = fopen(cfg, "w");
    assert_non_null(f);
    fputs("[speech]\nspeech = no\n", f);
    fclose(f);
    snprintf(args, argslen, "--config %s --data %s", cfg, data);
}

/* After the visit: "drop-in" closed with its one vote, the visit's 4 votes in "Drop-in TODAY". */
static void check_visit_went_to_today(const char *dir)
{
    char data[200], err[400], today[16], name[64];
    today_is(today, sizeof today);
    snprintf(name, sizeof name, "Drop-in %s", today);
    snprintf(data, sizeof data, "%s/data", dir);
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open(data, &t, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_is_closed(t, "drop-in"), 1);
    assert_int_equal(total_of(t, "drop-in"), 1);
    assert_int_equal(total_of(t, name), 4);
    assert_int_equal(ov_tally_meeting_is_closed(t, name), 0);
    ov_tally_close(t);
}

/* One visit to a kiosk whose meeting started on 2000-01-01 (and was closed
 * when `closed`): the visit goes to today's drop-in. The kiosk's folder is dir. */
static void visit_an_old_meeting(int closed, char *dir, size_t len)
{
    char args[400];
    folder_with_meeting(dir, len, "2000-01-01", closed, args, sizeof args);
    run(dir, VISIT, args);
    check_visit_went_to_today(dir);
}

static void a_new_day_closes_the_meeting(void **state)
{
    char dir[64];
    visit_an_old_meeting(0, dir, sizeof dir);
    assert_non_null(strstr(ov_test_stderr(dir), "started on 2000-01-01: a new day closes it"));
}

static void a_closed_meeting_is_never_voted_into(void **state)
{
    char dir[64];
    visit_an_old_meeting(1, dir, sizeof dir);
}

/* Today's meeting stays open across a restart, and keeps counting. */
static void todays_meeting_goes_on(void **state)
{
    (void)state;
    char dir[64], args[400], today[16], data[200], err[400];
    today_is(today, sizeof today);
    folder_with_meeting(dir, sizeof dir, today, 0, args, sizeof args);
    run(dir, VISIT, args);
    snprintf(data, sizeof data, "%s/data", dir);
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open(data, &t, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_is_closed(t, "drop-in"), 0);
    assert_int_equal(total_of(t, "drop-in"), 5);
    ov_tally_close(t);
}

/* Results a facilitator could look at before and after one more vote would
 * tell that vote: the results screen shows the meeting closed last, never the
 * one going on, also after a restart. */
static void results_never_show_the_meeting_going_on(void **state)
{
    (void)state;
    char dir[64], args[400], today[16], cfg[200];
    today_is(today, sizeof today);
    folder_with_meeting(dir, sizeof dir, today, 0, args, sizeof args);
    snprintf(cfg, sizeof cfg, "%s/ourvoice.ini", dir);
    FILE *f = fopen(cfg, "a");
    assert_non_null(f);
    fputs("[facilitator]\npin_hash = " OV_TEST_PIN_HASH "\n", f);
    fclose(f);
    /* a vote, the results refused; the meeting ended; its results shown */
    const char *during = VISIT_ONLY PIN_IN "key 1\nexpect facilitator-message\nkey 1\nexpect facilitator-menu\n"
                         "key 2\nexpect facilitator-meeting\nkey 6\nexpect facilitator-message\nkey 1\n"
                         "expect facilitator-menu\nkey 1\nexpect facilitator-results\nquit\n";
    run(dir, during, args);
    /* after a restart and a vote in the new meeting: still the ended one's results */
    const char *after = VISIT_ONLY PIN_IN "key 1\nexpect facilitator-results\nquit\n";
    run(dir, after, args);
    char data[200], err[400], name[64];
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(name, sizeof name, "Drop-in %s", today);
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open(data, &t, err, sizeof err), OV_OK);
    assert_int_equal(total_of(t, "drop-in"), 5);  /* the one before, and the first visit */
    assert_int_equal(total_of(t, name), 4);       /* the visit after the restart */
    ov_tally_close(t);
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) { fprintf(stderr, "build %s first\n", ov_test_program()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_new_day_closes_the_meeting),
        cmocka_unit_test(a_closed_meeting_is_never_voted_into),
        cmocka_unit_test(todays_meeting_goes_on),
        cmocka_unit_test(results_never_show_the_meeting_going_on),
    };
    return cmocka_run_group_tests_name("privacy_meetings", tests, NULL, NULL);
}
