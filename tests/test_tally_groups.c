/* test_tally_groups.c — issue 14 "whose view": the vote database keeps a
 * count per (meeting, group, question, answer), and a version 2 file (no
 * groups) is upgraded keeping every count, as "no group said". */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/ov_common.h"
#include "platform/tally.h"
#include "support/test_tmp.h"

#define ERRLEN 512

typedef struct {
    char root[160], data[200], db[240];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    ov_test_tmp_template(f->root, sizeof f->root, "ov-groups");
    if (!mkdtemp(f->root)) { free(f); return -1; }
    snprintf(f->data, sizeof f->data, "%s/data", f->root);
    snprintf(f->db, sizeof f->db, "%s/tallies.sqlite", f->data);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", f->root);
    free(f);
    return 0;
}

static void sql_exec(const char *db_path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) fprintf(stderr, "%s: %s\n", sql, msg ? msg : "?");
    sqlite3_free(msg);
    sqlite3_close(db);
    assert_int_equal(rc, SQLITE_OK);
}

/* The count of (meeting, group, question, answer) as read back, 0 when absent. */
static long count_of(ov_tally *t, const char *m, const char *g, const char *q, const char *a)
{
    ov_tally_row *rows = NULL;
    int n = 0;
    assert_int_equal(ov_tally_read_all(t, m, &rows, &n), OV_OK);
    long c = 0;
    for (int i = 0; i < n; i++)
        if (!strcmp(rows[i].group, g) && !strcmp(rows[i].question, q) && !strcmp(rows[i].answer, a))
            c += rows[i].count;
    free(rows);
    return c;
}

static void vote_group(ov_tally *t, const char *m, const char *g, const char *q, const char *a)
{
    char err[ERRLEN] = "";
    const char *qs[1] = { q }, *as[1] = { a };
    int r = ov_tally_add_set_group(t, m, g, qs, as, 1, err, sizeof err);
    if (r != OV_OK) fprintf(stderr, "ov_tally_add_set_group: %s\n", err);
    assert_int_equal(r, OV_OK);
}

/* Members of different groups choosing the same answer are counted apart. */
static void test_counts_kept_per_group(void **state)
{
    fixture *f = *state;
    char err[ERRLEN] = "";
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open(f->data, &t, err, sizeof err), OV_OK);
    vote_group(t, "m1", "uses-service", "assets", "basics");
    vote_group(t, "m1", "uses-service", "assets", "basics");
    vote_group(t, "m1", "works-here", "assets", "basics");
    vote_group(t, "m1", "", "assets", "basics");
    assert_int_equal(count_of(t, "m1", "uses-service", "assets", "basics"), 2);
    assert_int_equal(count_of(t, "m1", "works-here", "assets", "basics"), 1);
    assert_int_equal(count_of(t, "m1", "", "assets", "basics"), 1);
    const char *qs[1] = { "assets" }, *as[1] = { "basics" };
    assert_int_equal(ov_tally_add_set_group(t, "m1", "bad\tgroup", qs, as, 1, err, sizeof err), OV_EINVAL);
    assert_int_equal(count_of(t, "m1", "", "assets", "basics"), 1);    /* nothing stored */
    ov_tally_close(t);
}

/* A version 2 file (before groups) is upgraded at its first read-write open:
 * every count is kept, with no group; read-only opens read it as it is. */
static void test_version_2_upgraded_keeps_counts(void **state)
{
    fixture *f = *state;
    assert_int_equal(mkdir(f->data, 0700), 0);
    sql_exec(f->db, "CREATE TABLE counts (meeting TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL,"
                    " count INTEGER NOT NULL CHECK (count >= 0), pad BLOB NOT NULL DEFAULT x'',"
                    " PRIMARY KEY (meeting, question, answer)) WITHOUT ROWID;"
                    "CREATE TABLE meetings (meeting TEXT PRIMARY KEY NOT NULL, start_date TEXT NOT NULL,"
                    " closed INTEGER NOT NULL CHECK (closed IN (0, 1))) WITHOUT ROWID;"
                    "INSERT INTO counts VALUES ('old', 'assets', 'basics', 7, x'');"
                    "INSERT INTO meetings VALUES ('old', '2025-05-03', 1);"
                    "PRAGMA user_version = 2;");
    char err[ERRLEN] = "";
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open_existing(f->data, &t, err, sizeof err), OV_OK);
    assert_int_equal(count_of(t, "old", "", "assets", "basics"), 7);    /* read-only: read as version 2 */
    ov_tally_close(t);
    assert_int_equal(ov_tally_open(f->data, &t, err, sizeof err), OV_OK);
    char v[32];
    assert_int_equal(ov_tally_setting(t, "user_version", v, sizeof v), OV_OK);
    assert_string_equal(v, "3");
    assert_int_equal(count_of(t, "old", "", "assets", "basics"), 7);
    assert_int_equal(ov_tally_meeting_is_closed(t, "old"), 1);
    vote_group(t, "new", "works-here", "assets", "basics");
    assert_int_equal(count_of(t, "new", "works-here", "assets", "basics"), 1);
    ov_tally_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_counts_kept_per_group, setup, teardown),
        cmocka_unit_test_setup_teardown(test_version_2_upgraded_keeps_counts, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
