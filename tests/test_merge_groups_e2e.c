/* test_merge_groups_e2e.c — issue 14 "whose view" through the real binary's
 * `ourvoice merge`: two kiosks' exports of the same meeting (each with its
 * groups' counts, some withheld) are added up group by group; a group one
 * kiosk withheld stays withheld (its counts never reach the merged files, so
 * nobody can work it out from the totals); the small-number rule is applied
 * again to the merged groups; meetings stay apart. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_runner.h"

#define JUNE "Group meeting 2025-06-07"
#define MAY "Group meeting 2025-05-03"

/* The head of an export file of `meeting` with small_numbers `sn`, and one
 * question "assets" (4 answers) with these counts. */
static void head(FILE *f, const char *meeting, int sn, const long c[4])
{
    static const char *const ids[4] = { "not-yet", "basics", "getting-there", "doing-well" };
    static const char *const words[4] = { "Not yet", "A little", "Mostly", "Yes a lot" };
    long total = c[0] + c[1] + c[2] + c[3];
    fprintf(f, "{\n  \"format\": \"ourvoice-results\",\n  \"version\": 1,\n  \"meeting\": \"%s\",\n"
               "  \"date\": \"2025-06-07\",\n  \"language\": \"en-gb\",\n  \"small_numbers\": %d,\n"
               "  \"exact_counts\": false,\n  \"questions\": [\n    {\n      \"id\": \"assets\",\n"
               "      \"title\": \"Your skills\",\n      \"text\": \"\",\n      \"scale\": \"four-stages\",\n"
               "      \"picture\": \"\",\n      \"total\": %ld,\n      \"protected\": false,\n"
               "      \"withheld\": false,\n      \"answers\": [",
            meeting, sn, total);
    for (int a = 0; a < 4; a++)
        fprintf(f, "%s\n        {\"id\": \"%s\", \"word\": \"%s\", \"colour\": \"green\", \"shape\": \"\", "
                   "\"dont_know\": false, \"count\": %ld}",
                a ? "," : "", ids[a], words[a], c[a]);
    fputs("\n      ],\n      \"group_counts\": [", f);
}

/* One group of the question: counts NULL = withheld. */
static void group(FILE *f, int first, const char *id, const char *word, const long *c)
{
    fprintf(f, "%s\n        {\"group\": \"%s\", \"word\": \"%s\", ", first ? "" : ",", id, word);
    if (!c) {
        fputs("\"withheld\": true, \"counts\": null}", f);
        return;
    }
    fprintf(f, "\"withheld\": false, \"counts\": {\"not-yet\": %ld, \"basics\": %ld, \"getting-there\": %ld, "
               "\"doing-well\": %ld}}",
            c[0], c[1], c[2], c[3]);
}

static FILE *open_in(const char *dir, const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/in/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    return f;
}

static void finish(FILE *f)
{
    fputs("\n      ]\n    }\n  ]\n}\n", f);
    fclose(f);
}

/* Kiosk A: 9 answers; 6 who use the service shown; 2 staff withheld, then the 1 who did
 * not say (too few alone) withheld with them. Kiosk B: 10 answers, every group shown. */
static void two_kiosks(const char *dir)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/in'", dir);
    assert_int_equal(system(cmd), 0);
    const long a_all[4] = { 0, 4, 3, 2 }, a_uses[4] = { 0, 4, 2, 0 };
    FILE *f = open_in(dir, "kiosk-a.json");
    head(f, JUNE, 3, a_all);
    group(f, 1, "uses-service", "I use the service", a_uses);
    group(f, 0, "works-here", "I work here", NULL);
    group(f, 0, "", "Did not say", NULL);
    finish(f);
    const long b_all[4] = { 0, 1, 3, 6 }, b_uses[4] = { 0, 1, 2, 0 }, b_works[4] = { 0, 0, 1, 3 },
               b_family[4] = { 0, 0, 0, 3 };
    f = open_in(dir, "kiosk-b.json");
    head(f, JUNE, 3, b_all);
    group(f, 1, "uses-service", "I use the service", b_uses);
    group(f, 0, "works-here", "I work here", b_works);
    group(f, 0, "family", "Family or friend", b_family);
    finish(f);
    const long m_all[4] = { 0, 0, 5, 0 };
    f = open_in(dir, "kiosk-a-may.json"); /* another meeting: kept apart */
    head(f, MAY, 3, m_all);
    group(f, 1, "uses-service", "I use the service", m_all);
    finish(f);
}

static char slurped[1 << 17]; /* the last command's output */

static char *slurp(const char *cmd)
{
    assert_true(ov_test_command_output(cmd, slurped, sizeof slurped) >= 0);
    return slurped;
}

static int merge(const char *dir, const char *extra)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "'%s' merge --to '%s/out' --date 2025-06-08 %s '%s/in' >/dev/null 2>&1",
             ov_test_program(), dir, extra, dir);
    return system(cmd);
}

static void groups_are_added_up_and_withheld_stay_withheld(void **state)
{
    (void)state;
    char dir[256], cmd[800];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    two_kiosks(dir);
    assert_int_equal(merge(dir, ""), 0);
    snprintf(cmd, sizeof cmd, "cat '%s/out/'*06-07*.json", dir);
    const char *json = slurp(cmd);
    assert_non_null(strstr(json, "\"total\": 19,"));
    /* the service users of both kiosks added up */
    assert_non_null(strstr(json, "{\"group\": \"uses-service\", \"word\": \"I use the service\", \"withheld\": false, "
                                 "\"counts\": {\"not-yet\": 0, \"basics\": 5, \"getting-there\": 4, \"doing-well\": 0}}"));
    /* kiosk A withheld its staff: kiosk B's 4 staff alone are never shown as "I work here" */
    assert_non_null(strstr(json, "{\"group\": \"works-here\", \"word\": \"I work here\", \"withheld\": true, "
                                 "\"counts\": null}"));
    assert_non_null(strstr(json, "{\"group\": \"family\", \"word\": \"Family or friend\", \"withheld\": false, "
                                 "\"counts\": {\"not-yet\": 0, \"basics\": 0, \"getting-there\": 0, \"doing-well\": 3}}"));
    assert_non_null(strstr(json, "{\"group\": \"\", \"word\": \"Did not say\", \"withheld\": true, \"counts\": null}"));
    assert_non_null(strstr(json, "\"groups\": \"I use the service: A little. I work here: not enough answers yet. "
                                 "Family or friend: Yes a lot. Did not say: not enough answers yet.\""));
    snprintf(cmd, sizeof cmd, "cat '%s/out/'*06-07*.csv", dir);
    const char *csv = slurp(cmd);
    assert_non_null(strstr(csv, "\r\nmeeting,group,question_id,question_title,answer_id,answer_word,count,withheld\r\n"));
    assert_non_null(strstr(csv, JUNE ",I use the service,assets,Your skills,basics,A little,5,no\r\n"));
    assert_non_null(strstr(csv, JUNE ",I work here,assets,Your skills,doing-well,Yes a lot,,yes\r\n"));
    assert_null(strstr(csv, JUNE ",I work here,assets,Your skills,doing-well,Yes a lot,3,"));
    snprintf(cmd, sizeof cmd, "cat '%s/out/'*06-07*.html", dir);
    const char *html = slurp(cmd);
    assert_non_null(strstr(html, "<tr><th>I work here</th><td colspan=\"4\">Not enough answers yet.</td></tr>"));
    assert_non_null(strstr(html, "<tr><th>Family or friend</th><td>0</td><td>0</td><td>0</td><td>3</td></tr>"));
    /* the May meeting kept apart: its 5 are not in June's, June's are not in May's */
    snprintf(cmd, sizeof cmd, "cat '%s/out/'*05-03*.json", dir);
    json = slurp(cmd);
    assert_non_null(strstr(json, "{\"group\": \"uses-service\", \"word\": \"I use the service\", \"withheld\": false, "
                                 "\"counts\": {\"not-yet\": 0, \"basics\": 0, \"getting-there\": 5, \"doing-well\": 0}}"));
    assert_null(strstr(json, "works-here"));
}

/* A larger small-numbers on the merge: the family's 3 are too few now, and with them hidden
 * the withheld groups hold enough already; a group of 9 stays shown. */
static void merged_groups_protected_again(void **state)
{
    (void)state;
    char dir[256], cmd[800];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    two_kiosks(dir);
    assert_int_equal(merge(dir, "--small-numbers 4"), 0);
    snprintf(cmd, sizeof cmd, "cat '%s/out/'*06-07*.json", dir);
    const char *json = slurp(cmd);
    assert_non_null(strstr(json, "\"word\": \"Family or friend\", \"withheld\": true, \"counts\": null}"));
    assert_non_null(strstr(json, "\"word\": \"I use the service\", \"withheld\": false, \"counts\": {"));
    /* May has 5 answers, all from one group: its group is shown (nothing else to give away) */
    snprintf(cmd, sizeof cmd, "cat '%s/out/'*05-03*.json", dir);
    json = slurp(cmd);
    assert_non_null(strstr(json, "\"word\": \"I use the service\", \"withheld\": false, \"counts\": {"));
}

/* A file whose groups hold more answers than its question is refused with where. */
static void inconsistent_group_counts_refused(void **state)
{
    (void)state;
    char dir[256], cmd[900];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/in'", dir);
    assert_int_equal(system(cmd), 0);
    const long all[4] = { 0, 1, 0, 0 }, more[4] = { 0, 7, 0, 0 };
    FILE *f = open_in(dir, "bad.json");
    head(f, JUNE, 3, all);
    group(f, 1, "uses-service", "I use the service", more);
    finish(f);
    snprintf(cmd, sizeof cmd, "'%s' merge --to '%s/out' '%s/in' 2>&1 >/dev/null", ov_test_program(), dir, dir);
    const char *err = slurp(cmd);
    assert_non_null(strstr(err, "bad.json:"));
    assert_non_null(strstr(err, "hold more answers than the question"));
    assert_int_not_equal(merge(dir, ""), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(groups_are_added_up_and_withheld_stay_withheld),
        cmocka_unit_test(merged_groups_protected_again),
        cmocka_unit_test(inconsistent_group_counts_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
