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

#define VISIT "key space\nkey 1\nkey enter\nkey 2\nkey enter\nkey 3\nkey enter\nkey 4\nkey enter\nexpect review\nkey enter\nexpect thanks\nquit\n"

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
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(today, sizeof today, "%Y-%m-%d", &tm);
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

static void a_new_day_closes_the_meeting(void **state)
{
    (void)state;
    char dir[64], args[400];
    folder_with_meeting(dir, sizeof dir, "2000-01-01", 0, args, sizeof args);
    int rc = ov_test_run_kiosk(dir, VISIT, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_non_null(strstr(ov_test_stderr(dir), "started on 2000-01-01: a new day closes it"));
    check_visit_went_to_today(dir);
}

static void a_closed_meeting_is_never_voted_into(void **state)
{
    (void)state;
    char dir[64], args[400];
    folder_with_meeting(dir, sizeof dir, "2000-01-01", 1, args, sizeof args);
    int rc = ov_test_run_kiosk(dir, VISIT, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    check_visit_went_to_today(dir);
}

/* Today's meeting stays open across a restart, and keeps counting. */
static void todays_meeting_goes_on(void **state)
{
    (void)state;
    char dir[64], args[400], today[16], data[200], err[400];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(today, sizeof today, "%Y-%m-%d", &tm);
    folder_with_meeting(dir, sizeof dir, today, 0, args, sizeof args);
    int rc = ov_test_run_kiosk(dir, VISIT, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    snprintf(data, sizeof data, "%s/data", dir);
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open(data, &t, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_is_closed(t, "drop-in"), 0);
    assert_int_equal(total_of(t, "drop-in"), 5);
    ov_tally_close(t);
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) { fprintf(stderr, "build %s first\n", ov_test_program()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_new_day_closes_the_meeting),
        cmocka_unit_test(a_closed_meeting_is_never_voted_into),
        cmocka_unit_test(todays_meeting_goes_on),
    };
    return cmocka_run_group_tests_name("privacy_meetings", tests, NULL, NULL);
}
