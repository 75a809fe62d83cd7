/* test_views_e2e.c — issue 14 through the real binary: members say who they
 * are and open "Tell me more" on the way; their votes are counted per group;
 * a second meeting's results (kiosk screen and export) compare it with the
 * first ("Last time most people said ... This time most people said ..."). */
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
#include "platform/tally.h"
#include "platform/tally_plan.h"

#define PIN_HASH "pbkdf2-sha256$20000$39e6fb7ca486a03c3f45d712bb05d04b$f1219fd737aeedf537d60eabd9b663c4b7e69c25274ae32d57f0ce8efd0ea411"
#define MEETING_1 "Group meeting 2025-05-03"
#define MEETING_2 "Group meeting 2025-06-07"

/* A copy of the English content with the "who are you today?" groups turned on. */
static void make_content(const char *dir)
{
    char cmd[1600], cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/content/en' && ln -s '%s/assets/pictures' '%s/pictures' && "
             "sed -e 's/^;\\[group /[group /' -e 's/^;word = /word = /' -e 's/^;colour = /colour = /' "
             "-e 's/^;shape = /shape = /' -e 's/^;picture = /picture = /' "
             "'%s/assets/content/en/content.ini' > '%s/content/en/content.ini' && "
             "'%s' check-content '%s/content/en' >/dev/null",
             dir, cwd, dir, cwd, dir, ov_test_program(), dir);
    assert_int_equal(system(cmd), 0);
}

static void make_config(const char *dir, const char *meeting)
{
    char path[600];
    snprintf(path, sizeof path, "%s/ourvoice.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "[kiosk]\nmeeting = %s\n[speech]\nspeech = no\n[facilitator]\nsmall_numbers = 2\npin_hash = %s\n",
            meeting, PIN_HASH);
    fclose(f);
}

/* One member: says their group (1-based key), answers every question with `key`. */
static void visit(char *script, size_t len, int group_key, int answer_key, int tell_me_more)
{
    size_t n = strlen(script);
    n += (size_t)snprintf(script + n, len - n, "expect welcome\nkey space\nexpect who\nkey %d\nexpect question\n",
                          group_key);
    if (tell_me_more) /* 5 answers, then "Tell me more": move there, open it, read a page, come back */
        n += (size_t)snprintf(script + n, len - n,
                              "key right\nkey right\nkey right\nkey right\nkey right\nkey right\nkey enter\n"
                              "expect more\nkey right\nkey right\nkey enter\nexpect more\n"
                              "key right\nkey enter\nexpect question\n");
    for (int q = 0; q < 4; q++)
        n += (size_t)snprintf(script + n, len - n, "key %d\nexpect confirm\nkey enter\n", answer_key);
    snprintf(script + n, len - n, "expect review\nkey enter\nexpect thanks\nadvance 5000\nwait 20\n");
}

static void run(const char *dir, const char *script)
{
    char args[1400];
    snprintf(args, sizeof args, "--config '%s/ourvoice.ini' --content '%s/content/en' --data '%s/data'", dir, dir,
             dir);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0)
        fprintf(stderr, "%s\n", ov_test_stderr(dir));
    assert_int_equal(rc, 0);
}

static long count_of(const char *data, const char *meeting, const char *group, const char *q, const char *a)
{
    char err[512];
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open_existing(data, &t, err, sizeof err), OV_OK);
    ov_tally_row *rows = NULL;
    int n = 0;
    assert_int_equal(ov_tally_read_all(t, meeting, &rows, &n), OV_OK);
    long c = 0;
    for (int i = 0; i < n; i++)
        if (!strcmp(rows[i].group, group) && !strcmp(rows[i].question, q) && !strcmp(rows[i].answer, a))
            c += rows[i].count;
    free(rows);
    ov_tally_close(t);
    return c;
}

static void close_meeting(const char *data, const char *meeting)
{
    char err[512];
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open(data, &t, err, sizeof err), OV_OK);
    assert_int_equal(ov_plan_close_meeting(t, meeting, err, sizeof err), OV_OK); /* as the kiosk closes it */
    ov_tally_close(t);
}

static char slurped[1 << 18]; /* the last command's output */

static char *slurp(const char *cmd)
{
    assert_true(ov_test_command_output(cmd, slurped, sizeof slurped) >= 0);
    return slurped;
}

/* The results screen (kiosk, 800x480) after meeting 2: the comparison as a picture, the faces captioned
 * "Last time" and "This time" (on screen, not in the speech: the sentence says it). */
static void results_screen_shows_the_picture(const char *dir)
{
    char path[600], cmd[2400];
    snprintf(path, sizeof path, "%s/script3.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("key facilitator\nkey 2\nkey 5\nkey 8\nkey 0\nkey enter\nexpect facilitator-menu\nkey 1\n"
          "expect facilitator-results\ntexts\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy "
             "timeout -s KILL 120 '%s' kiosk --headless --script '%s' --size 800x480 --config '%s/ourvoice.ini' "
             "--content '%s/content/en' --data '%s/data' 2>/dev/null", ov_test_program(), path, dir, dir, dir);
    const char *out = slurp(cmd);
    assert_non_null(strstr(out, "screen: facilitator-results\n"));
    assert_non_null(strstr(out, "\ntext: Last time\ntext: This time\n"));
    /* the sentence, then each bar's word and count, then the groups */
    assert_non_null(strstr(out, "speech: Skills and strengths. " MEETING_2 ". Last time most people said A little. "
                                "This time most people said Mostly. Not yet, 0. A little, 0. Mostly, 4. "
                                "Yes, a lot, 2. I don't know, 0. I use the service: Mostly."));
    assert_null(strstr(strstr(out, "speech: "), "Last time. This time")); /* the captions are not read out */
}

static void two_meetings_with_groups_compare(void **state)
{
    (void)state;
    char dir[256], data[300];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(data, sizeof data, "%s/data", dir);
    make_content(dir);
    static char script[32768];

    /* Meeting 1: 3 people who use the service say "A little", 2 staff "Yes, a lot". */
    make_config(dir, MEETING_1);
    script[0] = '\0';
    for (int i = 0; i < 3; i++)
        visit(script, sizeof script, 1, 2, i == 0);
    for (int i = 0; i < 2; i++)
        visit(script, sizeof script, 2, 4, 0);
    run(dir, script);
    assert_int_equal(count_of(data, MEETING_1, "uses-service", "assets", "basics"), 3);
    assert_int_equal(count_of(data, MEETING_1, "works-here", "assets", "doing-well"), 2);
    assert_int_equal(count_of(data, MEETING_1, "", "assets", "basics"), 0); /* nobody skipped */
    close_meeting(data, MEETING_1);

    /* Meeting 2: the service users now say "Mostly"; one person skips "who are you". */
    make_config(dir, MEETING_2);
    script[0] = '\0';
    for (int i = 0; i < 3; i++)
        visit(script, sizeof script, 1, 3, 0);
    for (int i = 0; i < 2; i++)
        visit(script, sizeof script, 2, 4, 0);
    visit(script, sizeof script, 4, 3, 0); /* key 4: the 4th button, "Skip" */
    /* The facilitator ends the meeting (New meeting, End this meeting), then sees its results:
     * the results screen shows the meeting closed last, never the one still going on. */
    strcat(script, "key facilitator\nkey 2\nkey 5\nkey 8\nkey 0\nkey enter\nexpect facilitator-menu\n"
                   "key 2\nexpect facilitator-meeting\nkey 6\nexpect facilitator-message\nkey 1\n"
                   "expect facilitator-menu\nkey 1\n"
                   "expect facilitator-results\nshot results\n");
    run(dir, script);
    assert_int_equal(count_of(data, MEETING_2, "uses-service", "assets", "getting-there"), 3);
    assert_int_equal(count_of(data, MEETING_2, "", "assets", "getting-there"), 1);
    close_meeting(data, MEETING_2);
    results_screen_shows_the_picture(dir);

    /* The export of both closed meetings: the second says what changed, and whose view. */
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "'%s' export --to '%s/out' --data '%s' --content '%s/content/en' --config "
             "'%s/ourvoice.ini' --date 2025-06-07 >/dev/null && cat '%s/out/'*06-07*.json",
             ov_test_program(), dir, data, dir, dir, dir);
    const char *json = slurp(cmd);
    assert_non_null(strstr(json, "Last time most people said A little. This time most people said Mostly."));
    assert_non_null(strstr(json, "\"trend\": \"up\""));
    assert_non_null(strstr(json, "I use the service: Mostly."));
    /* The 1 who skipped is too few to show; with them hidden, the next smallest group is hidden too. */
    assert_non_null(strstr(json, "I work here: not enough answers yet."));
    assert_non_null(strstr(json, "Did not say: not enough answers yet."));
    assert_null(strstr(json, "Family or friend:")); /* nobody of that group came */
    /* The groups side by side in numbers: the JSON and the spreadsheet's group rows, the two
     * withheld groups without counts (2 staff would be given away by the 1 who did not say). */
    assert_non_null(strstr(json, "{\"group\": \"uses-service\", \"word\": \"I use the service\", "
                                 "\"withheld\": false, \"counts\": {"));
    assert_non_null(strstr(json, "\"word\": \"I work here\", \"withheld\": true, \"counts\": null}"));
    snprintf(cmd, sizeof cmd, "cat '%s/out/'*06-07*.csv", dir);
    const char *csv = slurp(cmd);
    assert_non_null(strstr(csv, "\r\nmeeting,group,question_id,question_title,answer_id,answer_word,count,withheld\r\n"));
    assert_non_null(strstr(csv, MEETING_2 ",I use the service,assets,"));
    assert_non_null(strstr(csv, ",getting-there,Mostly,3,no\r\n"));
    assert_null(strstr(csv, ",doing-well,Yes a lot,2,no\r\n" MEETING_2 ",I work here"));
    assert_non_null(strstr(csv, MEETING_2 ",Did not say,assets,"));
    snprintf(cmd, sizeof cmd, "cat '%s/out/'*06-07*.html", dir);
    const char *html = slurp(cmd);
    assert_non_null(strstr(html, "class=\"progress\""));
    assert_non_null(strstr(html, "Who said what"));
    assert_non_null(strstr(html, "<table class=\"groups\">"));
    assert_non_null(strstr(html, "<tr><th>I work here</th><td colspan=\"5\">Not enough answers yet.</td></tr>"));
    /* ourvoice merge keeps the two meetings apart and compares them too. */
    snprintf(cmd, sizeof cmd, "'%s' merge --to '%s/merged' --date 2025-06-08 '%s/out' >/dev/null && "
             "cat '%s/merged/'*06-07*.json", ov_test_program(), dir, dir, dir);
    json = slurp(cmd);
    assert_non_null(strstr(json, "\"meeting\": \"" MEETING_2 "\""));
    assert_non_null(strstr(json, "Last time most people said A little. This time most people said Mostly."));
    /* ... and carries the groups the same way, the withheld ones still withheld */
    assert_non_null(strstr(json, "{\"group\": \"uses-service\", \"word\": \"I use the service\", "
                                 "\"withheld\": false, \"counts\": {"));
    assert_non_null(strstr(json, "\"word\": \"I work here\", \"withheld\": true, \"counts\": null}"));
    assert_non_null(strstr(json, "I work here: not enough answers yet."));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_meetings_with_groups_compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
