/* test_tally.c — the vote store keeps every thanked vote, keeps only counts,
 * and reveals nothing about the order of votes. Real SQLite files in a
 * mkdtemp folder; the crash test kills a voting process hundreds of times.
 * Knobs: OV_TALLY_SEED (crash test seed), OV_TALLY_KILLS (default 300). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/ov_common.h"
#include "platform/tally.h"

#define ERRLEN 512

/* ---- fixture: one fresh temporary folder per test ---- */

typedef struct {
    char root[128];   /* mkdtemp folder */
    char data[200];   /* root/data: the data folder (not created yet) */
    char db[240];     /* root/data/tallies.sqlite */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    const char *tmp = getenv("TMPDIR");
    snprintf(f->root, sizeof f->root, "%s/ov-tally-XXXXXX", tmp && *tmp ? tmp : "/tmp");
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
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", f->root, f->root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", f->root);
    free(f);
    return 0;
}

/* ---- helpers ---- */

static ov_tally *open_ok(const char *dir)
{
    char err[ERRLEN] = "";
    ov_tally *t = NULL;
    int r = ov_tally_open(dir, &t, err, sizeof err);
    if (r != OV_OK) fprintf(stderr, "ov_tally_open(%s): %d %s\n", dir, r, err);
    assert_int_equal(r, OV_OK);
    assert_non_null(t);
    return t;
}

static void vote(ov_tally *t, const char *m, const char *q, const char *a)
{
    char err[ERRLEN] = "";
    int r = ov_tally_add(t, m, q, a, err, sizeof err);
    if (r != OV_OK) fprintf(stderr, "ov_tally_add: %d %s\n", r, err);
    assert_int_equal(r, OV_OK);
}

/* The count of one (meeting, question, answer), 0 when absent. */
static long count_of(ov_tally *t, const char *m, const char *q, const char *a)
{
    ov_tally_row rows[64];
    int n = ov_tally_read(t, m, rows, 64);
    assert_true(n >= 0 && n <= 64);
    for (int i = 0; i < n; i++)
        if (!strcmp(rows[i].question, q) && !strcmp(rows[i].answer, a)) return rows[i].count;
    return 0;
}

/* Whole file into a malloc'd buffer; *len its size. NULL when missing. */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *buf = malloc(n > 0 ? (size_t)n : 1);
    assert_non_null(buf);
    size_t got = fread(buf, 1, (size_t)n, fp);
    fclose(fp);
    assert_int_equal(got, (size_t)n);
    *len = (size_t)n;
    return buf;
}

static int contains(const unsigned char *buf, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(buf + i, needle, n)) return 1;
    return 0;
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

/* Run one SQL query on the file directly (tests may use SQLite); first column as text. */
static void sql_text(const char *db_path, const char *sql, char *out, size_t outlen)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    out[0] = '\0';
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(st, 0));
    else assert_true(rc == SQLITE_ROW || rc == SQLITE_DONE);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static void sql_exec(const char *db_path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static const char *const Q[] = { "q1", "q2", "q3", "q4" };
static const char *const A[] = { "a1", "a2", "a3", "a4" };

#define OV_TEST_NEUTRAL_TIME 946684800   /* 2000-01-01, fsops.h OV_NEUTRAL_TIME */

/* Announce all 16 (Q, A) keys, as the kiosk does when a meeting starts. */
static void open_meeting_all_keys(ov_tally *t, const char *m)
{
    const char *qs[16], *as[16];
    for (int i = 0; i < 16; i++) { qs[i] = Q[i / 4]; as[i] = A[(i * 3) % 4]; }
    char err[ERRLEN] = "";
    int r = ov_tally_meeting_open(t, m, "2025-05-03", qs, as, 16, err, sizeof err);
    if (r != OV_OK) fprintf(stderr, "ov_tally_meeting_open: %s\n", err);
    assert_int_equal(r, OV_OK);
}

/* The journal next to db exists and holds only zero bytes; returns its size. */
static size_t assert_journal_all_zero(const char *db)
{
    char jpath[400];
    snprintf(jpath, sizeof jpath, "%s-journal", db);
    size_t len = 0;
    unsigned char *j = slurp(jpath, &len);
    assert_non_null(j);
    for (size_t i = 0; i < len; i++)
        if (j[i]) fail_msg("%s: byte %zu is %d, not 0: an earlier version of the counts is kept", jpath, i, j[i]);
    free(j);
    return len;
}

/* ---- counting ---- */

static void test_counts_add_up_across_reopen(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);               /* creates the folder and the file */
    for (int i = 0; i < 7; i++) vote(t, "m", "skills", "getting-there");
    for (int i = 0; i < 3; i++) vote(t, "m", "skills", "doing-well");
    ov_tally_close(t);
    t = open_ok(f->data);
    assert_int_equal(count_of(t, "m", "skills", "getting-there"), 7);
    assert_int_equal(count_of(t, "m", "skills", "doing-well"), 3);
    vote(t, "m", "skills", "doing-well");
    ov_tally_close(t);
    t = open_ok(f->data);
    assert_int_equal(count_of(t, "m", "skills", "doing-well"), 4);
    ov_tally_row rows[8];
    assert_int_equal(ov_tally_read(t, NULL, rows, 8), 2);
    ov_tally_close(t);
}

static void test_meetings_kept_apart(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    vote(t, "tuesday group", "q1", "a1");
    vote(t, "tuesday group", "q1", "a1");
    vote(t, "drop-in", "q1", "a1");
    vote(t, "drop-in", "q2", "a3");
    assert_int_equal(count_of(t, "tuesday group", "q1", "a1"), 2);
    assert_int_equal(count_of(t, "drop-in", "q1", "a1"), 1);
    ov_tally_row rows[8];
    int n = ov_tally_read(t, "tuesday group", rows, 8);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].meeting, "tuesday group");
    assert_int_equal(ov_tally_read(t, "nobody", rows, 8), 0);
    char names[4][OV_MEETING_LEN];
    assert_int_equal(ov_tally_meetings(t, names, 4), 2);
    assert_string_equal(names[0], "drop-in");
    assert_string_equal(names[1], "tuesday group");
    ov_tally_close(t);
}

static void test_read_is_sorted_by_key_not_arrival(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    /* Arrival order deliberately unsorted. */
    vote(t, "zeta", "q2", "b");
    vote(t, "alpha", "q9", "a");
    vote(t, "zeta", "q1", "c");
    vote(t, "alpha", "q1", "z");
    vote(t, "alpha", "q1", "a");
    vote(t, "mid", "q5", "x");
    ov_tally_row rows[16];
    int n = ov_tally_read(t, NULL, rows, 16);
    assert_int_equal(n, 6);
    for (int i = 1; i < n; i++) {
        int c = strcmp(rows[i - 1].meeting, rows[i].meeting);
        if (!c) c = strcmp(rows[i - 1].question, rows[i].question);
        if (!c) c = strcmp(rows[i - 1].answer, rows[i].answer);
        assert_true(c < 0);
    }
    assert_string_equal(rows[0].meeting, "alpha");
    assert_string_equal(rows[0].answer, "a");
    /* Only `max` rows are written, the full number is returned. */
    ov_tally_row few[3];
    memset(few, 0x5a, sizeof few);
    assert_int_equal(ov_tally_read(t, NULL, few, 2), 6);
    assert_string_equal(few[1].answer, "z");
    assert_int_equal((unsigned char)few[2].meeting[0], 0x5a);
    ov_tally_close(t);
}

static void test_clear_one_meeting_then_all(void **state)
{
    fixture *f = *state;
    char err[ERRLEN];
    ov_tally *t = open_ok(f->data);
    for (int i = 0; i < 20; i++) vote(t, "secret-meeting", Q[i % 4], A[(i * 7) % 4]);
    vote(t, "keep", "q1", "a1");
    assert_int_equal(ov_tally_clear(t, "secret-meeting", err, sizeof err), OV_OK);
    ov_tally_row rows[32];
    assert_int_equal(ov_tally_read(t, NULL, rows, 32), 1);
    assert_string_equal(rows[0].meeting, "keep");
    ov_tally_close(t);
    /* Cleared votes are gone from the file's bytes too (VACUUM + secure_delete). */
    size_t len;
    unsigned char *bytes = slurp(f->db, &len);
    assert_non_null(bytes);
    assert_false(contains(bytes, len, "secret-meeting"));
    assert_true(contains(bytes, len, "keep"));
    free(bytes);
    t = open_ok(f->data);
    assert_int_equal(ov_tally_clear(t, NULL, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_read(t, NULL, rows, 32), 0);
    char names[2][OV_MEETING_LEN];
    assert_int_equal(ov_tally_meetings(t, names, 2), 0);
    vote(t, "after", "q1", "a1");                 /* still usable after clearing */
    assert_int_equal(count_of(t, "after", "q1", "a1"), 1);
    ov_tally_close(t);
}

/* The rollback journal is kept (PERSIST) and wiped after each commit
 * (docs/privacy.md says why it is not WAL any more); synchronous=FULL. */
static void test_settings_journal_full_version_2(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    char v[32];
    assert_int_equal(ov_tally_setting(t, "journal_mode", v, sizeof v), OV_OK);
    assert_string_equal(v, "persist");
    assert_int_equal(ov_tally_setting(t, "synchronous", v, sizeof v), OV_OK);
    assert_string_equal(v, "2");                   /* 2 = FULL */
    assert_int_equal(ov_tally_setting(t, "user_version", v, sizeof v), OV_OK);
    assert_string_equal(v, "3");   /* 3: counts have a group (issue 14) */
    assert_int_equal(ov_tally_setting(t, "busy_timeout", v, sizeof v), OV_OK);
    assert_true(atoi(v) >= 1000);
    assert_int_equal(ov_tally_setting(t, "secure_delete", v, sizeof v), OV_OK);
    assert_string_equal(v, "1");
    assert_int_equal(ov_tally_setting(t, "no_such_pragma; DROP TABLE counts", v, sizeof v), OV_EINVAL);
    vote(t, "m", "q1", "a1");
    ov_tally_close(t);
    /* Seen from outside: persistent settings are in the file. */
    sql_text(f->db, "PRAGMA user_version", v, sizeof v);
    assert_string_equal(v, "3");
    sql_text(f->db, "PRAGMA journal_mode", v, sizeof v);
    assert_string_equal(v, "delete");              /* not WAL: nothing in the file keeps a WAL */
    struct stat st;
    assert_int_equal(stat(f->data, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);     /* votes are private */
}

/* ---- privacy ---- */

static void test_no_row_per_vote_and_no_time(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    for (int i = 0; i < 100; i++) vote(t, "m", "q1", "getting-there");
    ov_tally_close(t);
    char v[256];
    sql_text(f->db, "SELECT count(*) FROM counts", v, sizeof v);
    assert_string_equal(v, "1");
    sql_text(f->db, "SELECT count FROM counts", v, sizeof v);
    assert_string_equal(v, "100");
    /* The objects are the counts and meetings tables, WITHOUT ROWID, with exactly these columns. */
    sql_text(f->db, "SELECT group_concat(type || ':' || name, ',') FROM sqlite_schema", v, sizeof v);
    assert_string_equal(v, "table:counts,table:meetings");
    sql_text(f->db, "SELECT group_concat(name, ',') FROM pragma_table_info('counts')", v, sizeof v);
    assert_string_equal(v, "meeting,grp,question,answer,count,pad");
    sql_text(f->db, "SELECT group_concat(name, ',') FROM pragma_table_info('meetings')", v, sizeof v);
    assert_string_equal(v, "meeting,start_date,closed");   /* the day a meeting starts, never a vote's time */
    sql_text(f->db, "SELECT sql FROM sqlite_schema WHERE name = 'counts'", v, sizeof v);
    assert_non_null(strstr(v, "WITHOUT ROWID"));
    for (char *p = v; *p; p++) *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    assert_null(strstr(v, "time"));
    assert_null(strstr(v, "date"));
}

/* The same votes cast in different orders leave byte-identical files:
 * nothing in the file tells who voted first. */
static void test_file_does_not_reveal_vote_order(void **state)
{
    fixture *f = *state;
    enum { N = 90, RUNS = 3 };
    int qs[N], as[N];
    srand(7);
    for (int i = 0; i < N; i++) { qs[i] = rand() % 4; as[i] = rand() % 4; }
    unsigned char *files[RUNS];
    size_t lens[RUNS];
    for (int run = 0; run < RUNS; run++) {
        char dir[256], db[300];
        snprintf(dir, sizeof dir, "%s/order%d", f->root, run);
        snprintf(db, sizeof db, "%s/tallies.sqlite", dir);
        int idx[N];
        for (int i = 0; i < N; i++) idx[i] = i;
        if (run == 1) for (int i = 0; i < N / 2; i++) { int x = idx[i]; idx[i] = idx[N - 1 - i]; idx[N - 1 - i] = x; }
        if (run == 2) for (int i = N - 1; i > 0; i--) { int j = rand() % (i + 1); int x = idx[i]; idx[i] = idx[j]; idx[j] = x; }
        ov_tally *t = open_ok(dir);
        open_meeting_all_keys(t, "m");                 /* as the kiosk does: every answer exists from the start */
        for (int i = 0; i < N; i++) vote(t, "m", Q[qs[idx[i]]], A[as[idx[i]]]);
        ov_tally_close(t);
        files[run] = slurp(db, &lens[run]);
        assert_non_null(files[run]);
        char wal[320];
        snprintf(wal, sizeof wal, "%s-wal", db);
        assert_int_equal(access(wal, F_OK), -1);   /* closed: no WAL left behind */
        assert_journal_all_zero(db);
    }
    for (int run = 1; run < RUNS; run++) {
        assert_int_equal(lens[run], lens[0]);
        assert_memory_equal(files[run], files[0], lens[0]);
    }
    for (int run = 0; run < RUNS; run++) free(files[run]);
}

/* While the kiosk runs, the journal holds no earlier version of the counts:
 * after every vote it is all zeros and always the same size, there is no
 * WAL, and the file and journal carry the neutral time, not the vote's. */
static void test_journal_keeps_no_history(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    open_meeting_all_keys(t, "m");
    char jpath[300], wal[300];
    snprintf(jpath, sizeof jpath, "%s-journal", f->db);
    snprintf(wal, sizeof wal, "%s-wal", f->db);
    off_t size = -1;
    for (int i = 0; i < 60; i++) {
        vote(t, "m", Q[i % 4], A[(i / 4) % 4]);
        size_t len = assert_journal_all_zero(f->db);
        if (size < 0) size = (off_t)len;
        assert_int_equal((off_t)len, size);     /* the same size whatever was voted */
        assert_int_equal(access(wal, F_OK), -1);
        struct stat st;
        assert_int_equal(stat(f->db, &st), 0);
        assert_int_equal(st.st_mtime, OV_TEST_NEUTRAL_TIME);
        assert_int_equal(st.st_atime, OV_TEST_NEUTRAL_TIME);
        assert_int_equal(stat(jpath, &st), 0);
        assert_int_equal(st.st_mtime, OV_TEST_NEUTRAL_TIME);
    }
    assert_true(size > 0);
    ov_tally_close(t);
}

/* A version 1 file (counts only, WAL) is upgraded at the first open and keeps
 * its counts; votes for a closed meeting are refused. */
static void test_version_1_upgraded_and_closed_meetings(void **state)
{
    fixture *f = *state;
    assert_int_equal(mkdir(f->data, 0700), 0);
    sql_exec(f->db, "PRAGMA journal_mode=WAL; CREATE TABLE counts (meeting TEXT NOT NULL, question TEXT NOT NULL,"
                    " answer TEXT NOT NULL, count INTEGER NOT NULL CHECK (count >= 0),"
                    " PRIMARY KEY (meeting, question, answer)) WITHOUT ROWID;"
                    " INSERT INTO counts VALUES ('old', 'q1', 'a1', 200); PRAGMA user_version = 1;");
    char err[ERRLEN] = "";
    ov_tally *t = open_ok(f->data);
    assert_int_equal(count_of(t, "old", "q1", "a1"), 200);
    vote(t, "old", "q1", "a1");
    assert_int_equal(count_of(t, "old", "q1", "a1"), 201);
    assert_int_equal(ov_tally_meeting_is_closed(t, "old"), 0);
    assert_int_equal(ov_tally_meeting_close(t, "old", err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_is_closed(t, "old"), 1);
    assert_int_equal(ov_tally_add(t, "old", "q1", "a1", err, sizeof err), OV_EPERM);
    assert_non_null(strstr(err, "closed"));
    assert_int_equal(count_of(t, "old", "q1", "a1"), 201);
    const char *qs[] = { "q1" }, *as[] = { "a1" };
    assert_int_equal(ov_tally_meeting_open(t, "old", "2025-05-03", qs, as, 1, err, sizeof err), OV_EPERM);
    /* a new meeting: its start date is kept, counts of 0 are not votes */
    assert_int_equal(ov_tally_meeting_open(t, "new", "2025-06-01", qs, as, 1, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_open(t, "new", "2025-06-02", qs, as, 1, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_open(t, "new", "June", qs, as, 1, err, sizeof err), OV_EINVAL);
    char day[16];
    assert_int_equal(ov_tally_meeting_start(t, "new", day, sizeof day), OV_OK);
    assert_string_equal(day, "2025-06-01");
    assert_int_equal(ov_tally_meeting_start(t, "nobody", day, sizeof day), OV_ENOTFOUND);
    ov_tally_row *rows = NULL;
    int n = -1;
    assert_int_equal(ov_tally_read_all(t, "new", &rows, &n), OV_OK);
    assert_int_equal(n, 0);
    free(rows);
    ov_tally_close(t);
    char v[32];
    sql_text(f->db, "PRAGMA user_version", v, sizeof v);
    assert_string_equal(v, "3");
}

/* The one reader returns every row, however many (no silent limit). */
static void test_read_all_has_no_limit(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    enum { MEETINGS = 300 };
    for (int m = 0; m < MEETINGS; m++) {
        char name[32];
        snprintf(name, sizeof name, "meeting-%04d", m);
        const char *qs[] = { "q1", "q2", "q3" }, *as[] = { "a1", "a2", "a3" };
        char err[ERRLEN];
        assert_int_equal(ov_tally_add_set(t, name, qs, as, 3, err, sizeof err), OV_OK);
    }
    ov_tally_row *rows = NULL;
    int n = 0;
    assert_int_equal(ov_tally_read_all(t, NULL, &rows, &n), OV_OK);
    assert_int_equal(n, MEETINGS * 3);
    assert_string_equal(rows[n - 1].meeting, "meeting-0299");
    assert_string_equal(rows[n - 1].question, "q3");
    free(rows);
    char (*names)[OV_MEETING_LEN] = NULL;
    assert_int_equal(ov_tally_meeting_names(t, 0, &names, &n), OV_OK);
    assert_int_equal(n, MEETINGS);
    free(names);
    ov_tally_close(t);
}

static void test_bad_input_stores_nothing(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    char err[ERRLEN];
    char long_id[40], long_meeting[80];
    memset(long_id, 'x', 32); long_id[32] = '\0';            /* 32 bytes: one too many */
    memset(long_meeting, 'm', 64); long_meeting[64] = '\0';  /* 64 bytes: one too many */
    const char *bad[][3] = {
        { "", "q1", "a1" }, { "m", "", "a1" }, { "m", "q1", "" },
        { "m", long_id, "a1" }, { "m", "q1", long_id }, { long_meeting, "q1", "a1" },
        { "m", "q1", "secret-\xff" }, { "m", "q\xc3\x28", "a1" }, { "\xed\xa0\x80", "q1", "a1" },
        { "m", "q1", "line\nbreak" },
    };
    for (size_t i = 0; i < OV_ARRAY_LEN(bad); i++) {
        err[0] = '\0';
        assert_int_equal(ov_tally_add(t, bad[i][0], bad[i][1], bad[i][2], err, sizeof err), OV_EINVAL);
        assert_true(strlen(err) > 10);
        assert_null(strstr(err, "secret"));        /* never name the chosen answer */
    }
    assert_int_equal(ov_tally_add(t, "m", NULL, "a1", err, sizeof err), OV_EINVAL);
    assert_int_equal(ov_tally_add(t, NULL, "q1", "a1", err, sizeof err), OV_EINVAL);
    assert_int_equal(ov_tally_add(NULL, "m", "q1", "a1", err, sizeof err), OV_EINVAL);
    ov_tally_row rows[4];
    assert_int_equal(ov_tally_read(t, NULL, rows, 4), 0);
    /* Longest allowed ids and non-ASCII text are fine. */
    long_id[31] = '\0'; long_meeting[63] = '\0';
    vote(t, long_meeting, long_id, "tr\xc3\xa8s-bien");
    assert_int_equal(count_of(t, long_meeting, long_id, "tr\xc3\xa8s-bien"), 1);
    ov_tally_close(t);
}

static void test_add_set_is_all_or_nothing(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    char err[ERRLEN];
    const char *qs[] = { "q1", "q2", "q3" };
    const char *bad_as[] = { "a1", "", "a3" };
    assert_int_equal(ov_tally_add_set(t, "m", qs, bad_as, 3, err, sizeof err), OV_EINVAL);
    ov_tally_row rows[8];
    assert_int_equal(ov_tally_read(t, NULL, rows, 8), 0);
    const char *as[] = { "a1", "a2", "a3" };
    assert_int_equal(ov_tally_add_set(t, "m", qs, as, 3, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_read(t, NULL, rows, 8), 3);
    assert_int_equal(count_of(t, "m", "q2", "a2"), 1);
    ov_tally_close(t);
}

/* ---- bad folders and files ---- */

static void test_unwritable_data_folder_says_how_to_fix(void **state)
{
    fixture *f = *state;
    char file[256], under[300], err[ERRLEN] = "";
    snprintf(file, sizeof file, "%s/a-file", f->root);
    write_file(file, "x", 1);
    snprintf(under, sizeof under, "%s/votes", file);
    ov_tally *t = NULL;
    int r = ov_tally_open(under, &t, err, sizeof err);
    assert_true(r < 0);
    assert_null(t);
    assert_non_null(strstr(err, file));
    assert_non_null(strstr(err, "--data"));
    assert_non_null(strstr(err, "data_dir="));
    /* The data folder itself being a file. */
    err[0] = '\0';
    assert_true(ov_tally_open(file, &t, err, sizeof err) < 0);
    assert_non_null(strstr(err, "--data"));
    /* chmod 555: root ignores permissions, so this part runs only as a normal user. */
    if (geteuid() != 0) {
        char ro[256];
        snprintf(ro, sizeof ro, "%s/readonly", f->root);
        assert_int_equal(mkdir(ro, 0555), 0);
        err[0] = '\0';
        assert_int_equal(ov_tally_open(ro, &t, err, sizeof err), OV_EPERM);
        assert_non_null(strstr(err, "Permission denied"));
        assert_non_null(strstr(err, "--data"));
    } else {
        /* As root: try it as user "nobody" in a child process. */
        char ro[256];
        snprintf(ro, sizeof ro, "%s/readonly", f->root);
        assert_int_equal(mkdir(ro, 0555), 0);
        assert_int_equal(chmod(f->root, 0711), 0);
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            if (setgid(65534) != 0 || setuid(65534) != 0) _exit(100);
            char msg[ERRLEN] = "";
            ov_tally *c = NULL;
            int cr = ov_tally_open(ro, &c, msg, sizeof msg);
            if (write(fds[1], msg, strlen(msg)) < 0) _exit(101);
            _exit(cr < 0 ? -cr : 0);
        }
        close(fds[1]);
        char msg[ERRLEN] = "";
        ssize_t got = read(fds[0], msg, sizeof msg - 1);
        close(fds[0]);
        msg[got > 0 ? got : 0] = '\0';
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFEXITED(status));
        if (WEXITSTATUS(status) == 100) {
            fprintf(stderr, "note: cannot switch to user nobody; the chmod 555 case is skipped\n");
        } else {
            assert_int_equal(WEXITSTATUS(status), -OV_EPERM);
            assert_non_null(strstr(msg, "Permission denied"));
            assert_non_null(strstr(msg, ro));
            assert_non_null(strstr(msg, "--data"));
        }
    }
    /* Empty name. */
    assert_int_equal(ov_tally_open("", &t, err, sizeof err), OV_EINVAL);
}

static void assert_refused_unchanged(fixture *f, const char *expect_in_msg)
{
    size_t before_len, after_len;
    unsigned char *before = slurp(f->db, &before_len);
    assert_non_null(before);
    char err[ERRLEN] = "";
    ov_tally *t = NULL;
    int r = ov_tally_open(f->data, &t, err, sizeof err);
    if (r == OV_OK) fprintf(stderr, "expected a refusal, got OV_OK\n");
    assert_true(r < 0);
    assert_null(t);
    assert_non_null(strstr(err, f->db));
    assert_non_null(strstr(err, expect_in_msg));
    assert_non_null(strstr(err, "--data"));
    err[0] = '\0';
    assert_true(ov_tally_open_existing(f->data, &t, err, sizeof err) < 0);
    assert_true(strlen(err) > 10);
    unsigned char *after = slurp(f->db, &after_len);
    assert_non_null(after);
    assert_int_equal(after_len, before_len);
    assert_memory_equal(after, before, before_len);   /* never overwritten: it may hold votes */
    free(before);
    free(after);
}

static void test_garbage_file_is_refused_not_overwritten(void **state)
{
    fixture *f = *state;
    assert_int_equal(mkdir(f->data, 0700), 0);
    unsigned char junk[8192];
    srand(3);
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)rand();
    write_file(f->db, junk, sizeof junk);
    assert_refused_unchanged(f, "not changed");
    /* A text file that happens to be there. */
    const char *text = "meeting,question,answer,count\ndrop-in,q1,a1,4\n";
    write_file(f->db, text, strlen(text));
    assert_refused_unchanged(f, "not changed");
}

static void test_damaged_database_is_refused(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    for (int i = 0; i < 40; i++) vote(t, "m", Q[i % 4], A[i % 3]);
    ov_tally_close(t);
    /* Scribble over the counts table's page (page 2), keeping the header. */
    int fd = open(f->db, O_WRONLY);
    assert_true(fd >= 0);
    unsigned char junk[200];
    memset(junk, 0xee, sizeof junk);
    assert_int_equal(pwrite(fd, junk, sizeof junk, 4096 + 0), (ssize_t)sizeof junk);
    close(fd);
    assert_refused_unchanged(f, "not changed");
}

static void test_newer_version_is_refused(void **state)
{
    fixture *f = *state;
    ov_tally *t = open_ok(f->data);
    vote(t, "m", "q1", "a1");
    ov_tally_close(t);
    sql_exec(f->db, "PRAGMA user_version = 4");
    assert_refused_unchanged(f, "newer");
}

static void test_other_programs_database_is_refused(void **state)
{
    fixture *f = *state;
    assert_int_equal(mkdir(f->data, 0700), 0);
    sql_exec(f->db, "PRAGMA journal_mode=DELETE; CREATE TABLE photos (name TEXT); INSERT INTO photos VALUES ('cat.png')");
    assert_refused_unchanged(f, "another program");
}

static void test_empty_file_becomes_a_database(void **state)
{
    fixture *f = *state;
    assert_int_equal(mkdir(f->data, 0700), 0);
    write_file(f->db, "", 0);
    ov_tally *t = open_ok(f->data);
    vote(t, "m", "q1", "a1");
    ov_tally_close(t);
    char v[16];
    sql_text(f->db, "SELECT count FROM counts", v, sizeof v);
    assert_string_equal(v, "1");
}

static void test_open_existing_creates_nothing_and_only_reads(void **state)
{
    fixture *f = *state;
    char err[ERRLEN] = "";
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open_existing(f->data, &t, err, sizeof err), OV_ENOTFOUND);
    assert_null(t);
    assert_non_null(strstr(err, "no vote database"));
    assert_int_equal(access(f->data, F_OK), -1);       /* folder not created */
    t = open_ok(f->data);
    vote(t, "m", "q1", "a1");
    vote(t, "m", "q1", "a1");
    ov_tally_close(t);
    assert_int_equal(ov_tally_open_existing(f->data, &t, err, sizeof err), OV_OK);
    assert_int_equal(count_of(t, "m", "q1", "a1"), 2);
    assert_int_equal(ov_tally_add(t, "m", "q1", "a1", err, sizeof err), OV_EPERM);
    assert_int_equal(ov_tally_clear(t, NULL, err, sizeof err), OV_EPERM);
    /* A writer and a reader at the same time both work. */
    ov_tally *w = open_ok(f->data);
    vote(w, "m", "q1", "a2");
    assert_int_equal(count_of(t, "m", "q1", "a2"), 1);
    ov_tally_close(w);
    ov_tally_close(t);
}

/* Several kiosk processes starting on a fresh folder at once all work. */
static void test_processes_sharing_a_fresh_folder(void **state)
{
    fixture *f = *state;
    enum { KIDS = 4, VOTES = 25 };
    pid_t pids[KIDS];
    fflush(NULL);
    for (int i = 0; i < KIDS; i++) {
        pids[i] = fork();
        assert_true(pids[i] >= 0);
        if (pids[i] == 0) {
            char err[ERRLEN];
            ov_tally *t = NULL;
            if (ov_tally_open(f->data, &t, err, sizeof err) != OV_OK) { fprintf(stderr, "child: %s\n", err); _exit(1); }
            for (int v = 0; v < VOTES; v++)
                if (ov_tally_add(t, "shared", Q[(i + v) % 4], A[v % 4], err, sizeof err) != OV_OK) {
                    fprintf(stderr, "child: %s\n", err);
                    _exit(2);
                }
            ov_tally_close(t);
            _exit(0);
        }
    }
    for (int i = 0; i < KIDS; i++) {
        int status = 0;
        assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    ov_tally *t = open_ok(f->data);
    ov_tally_row rows[32];
    int n = ov_tally_read(t, "shared", rows, 32);
    assert_true(n > 0 && n <= 32);
    long total = 0;
    for (int i = 0; i < n; i++) total += rows[i].count;
    assert_int_equal(total, KIDS * VOTES);
    ov_tally_close(t);
}

/* ---- the crash test ---- */

/* The child: vote for ever, one "thanked Q A" line per OV_OK (like tally_voter loop). */
static void child_vote_loop(const char *dir, unsigned seed, int fd)
{
    char helper[600];
    const char *build = getenv("OV_BUILD");
    if (build && *build) {
        snprintf(helper, sizeof helper, "%s/tests/tally_voter", build);
        if (access(helper, X_OK) == 0) {
            char seed_s[16];
            snprintf(seed_s, sizeof seed_s, "%u", seed);
            dup2(fd, 1);
            execl(helper, helper, "loop", dir, seed_s, (char *)NULL);
        }
    }
    /* No helper built: the same loop in this process image. */
    ov_log_set_quiet(1);
    srand(seed);
    char err[ERRLEN];
    ov_tally *t = NULL;
    if (ov_tally_open(dir, &t, err, sizeof err) != OV_OK) { dprintf(fd, "error %s\n", err); _exit(3); }
    if (write(fd, "ready\n", 6) != 6) _exit(4);
    for (;;) {
        int q = rand() % 4, a = rand() % 4;
        if (ov_tally_add(t, "crash", Q[q], A[a], err, sizeof err) != OV_OK) { dprintf(fd, "error %s\n", err); _exit(3); }
        char line[32];
        int n = snprintf(line, sizeof line, "thanked %s %s\n", Q[q], A[a]);
        if (write(fd, line, (size_t)n) != n) _exit(4);
    }
}

typedef struct {
    char buf[4096];
    size_t len;
    long thanked[4][4];
    long total;
    int ready;
    int error;
} reader;

/* Feed bytes read from the pipe; count complete lines. */
static void reader_feed(reader *r, const char *data, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (data[i] != '\n') { if (r->len < sizeof r->buf - 1) r->buf[r->len++] = data[i]; continue; }
        r->buf[r->len] = '\0';
        int q, a;
        if (!strcmp(r->buf, "ready")) r->ready = 1;
        else if (sscanf(r->buf, "thanked q%d a%d", &q, &a) == 2 && q >= 1 && q <= 4 && a >= 1 && a <= 4) {
            r->thanked[q - 1][a - 1]++;
            r->total++;
        } else { fprintf(stderr, "child said: %s\n", r->buf); r->error = 1; }
        r->len = 0;
    }
}

/* Read what is available within timeout_ms; returns 0 at EOF, 1 otherwise. */
static int reader_pump(reader *r, int fd, int timeout_ms)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };
    if (poll(&p, 1, timeout_ms) <= 0) return 1;
    char data[4096];
    ssize_t n = read(fd, data, sizeof data);
    if (n <= 0) return 0;
    reader_feed(r, data, (size_t)n);
    return 1;
}

static void check_store(const char *dir, const long thanked[4][4], long thanked_total, int kills)
{
    ov_tally *t = open_ok(dir);
    long total = 0;
    for (int q = 0; q < 4; q++)
        for (int a = 0; a < 4; a++) {
            long c = count_of(t, "crash", Q[q], A[a]);
            if (c < thanked[q][a]) fprintf(stderr, "LOST VOTES: %s %s stored %ld < thanked %ld\n", Q[q], A[a], c, thanked[q][a]);
            assert_true(c >= thanked[q][a]);
            total += c;
        }
    ov_tally_close(t);
    /* the start after the kills left nothing to compare: no earlier counts in the journal */
    char db[400], jpath[420];
    snprintf(db, sizeof db, "%s/tallies.sqlite", dir);
    snprintf(jpath, sizeof jpath, "%s-journal", db);
    if (access(jpath, F_OK) == 0) assert_journal_all_zero(db);   /* a rolled-back journal may be gone */
    if (total > thanked_total + kills) fprintf(stderr, "EXTRA VOTES: stored %ld > thanked %ld + kills %d\n", total, thanked_total, kills);
    assert_true(total <= thanked_total + kills);
}

static void test_crash_never_loses_a_thanked_vote(void **state)
{
    fixture *f = *state;
    unsigned seed = 20240611u;
    const char *s = getenv("OV_TALLY_SEED");
    if (s && *s) seed = (unsigned)strtoul(s, NULL, 10);
    int kills = 300;
    const char *k = getenv("OV_TALLY_KILLS");
    if (k && *k) kills = atoi(k);
    printf("crash test: seed %u (rerun with OV_TALLY_SEED=%u), %d kills\n", seed, seed, kills);
    fflush(stdout);
    srand(seed);
    long thanked[4][4] = { { 0 } };
    long thanked_total = 0;
    int killed_mid_run = 0;
    uint64_t start = ov_now_ms();
    for (int i = 0; i < kills; i++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            child_vote_loop(f->data, seed + (unsigned)i, fds[1]);
            _exit(5);
        }
        close(fds[1]);
        reader r;
        memset(&r, 0, sizeof r);
        long delay_us = rand() % 30001;
        /* Most kills land while voting; every 4th may land while opening. */
        if (i % 4 != 0) {
            uint64_t t0 = ov_now_ms();
            while (!r.ready && !r.error && ov_now_ms() - t0 < 10000)
                if (!reader_pump(&r, fds[0], 50)) break;
            assert_true(r.ready);
        }
        uint64_t until = ov_now_ms() * 1000 + (uint64_t)delay_us;
        struct timespec ts = { 0, 0 };
        for (;;) {                                   /* keep the pipe drained while waiting */
            uint64_t now_us = ov_now_ms() * 1000;
            if (now_us >= until) break;
            ts.tv_nsec = 1000000;
            nanosleep(&ts, NULL);
            reader_pump(&r, fds[0], 0);
        }
        kill(pid, SIGKILL);
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        while (reader_pump(&r, fds[0], 1000)) {}
        close(fds[0]);
        if (r.error) fail_msg("the voting child reported an error (seed %u, round %d)", seed, i);
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        if (r.total > 0) killed_mid_run++;
        for (int q = 0; q < 4; q++)
            for (int a = 0; a < 4; a++) thanked[q][a] += r.thanked[q][a];
        thanked_total += r.total;
        if (i % 50 == 49) check_store(f->data, thanked, thanked_total, i + 1);
    }
    check_store(f->data, thanked, thanked_total, kills);
    char v[64];
    sql_text(f->db, "PRAGMA integrity_check", v, sizeof v);
    assert_string_equal(v, "ok");
    printf("crash test: %d kills (%d after some votes), %ld votes thanked, all kept, %.1f s\n",
           kills, killed_mid_run, thanked_total, (double)(ov_now_ms() - start) / 1000.0);
    assert_true(killed_mid_run >= kills / 5);        /* many kills really landed while voting */
}

/* ---- `ourvoice results` ---- */

/* Run a command, capture stdout+stderr; returns the exit status. */
static int run(const char *cmd, char *out, size_t outlen)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(out, 1, outlen - 1, p);
    out[n] = '\0';
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_results_command_prints_the_counts(void **state)
{
    fixture *f = *state;
    const char *build = getenv("OV_BUILD");
    char bin[600];
    snprintf(bin, sizeof bin, "%s/ourvoice", build && *build ? build : "build");
    if (access(bin, X_OK) != 0) { printf("skipping: %s is not built\n", bin); skip(); }
    ov_tally *t = open_ok(f->data);
    for (int i = 0; i < 6; i++) vote(t, "tuesday group", "your-skills", "getting-there");
    for (int i = 0; i < 2; i++) vote(t, "tuesday group", "your-skills", "doing-well");
    vote(t, "drop-in", "your-time", "got-the-basics");
    ov_tally_close(t);
    char cmd[1200], out[8192];
    snprintf(cmd, sizeof cmd, "'%s' results --data '%s' 2>&1", bin, f->data);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    printf("%s", out);
    assert_non_null(strstr(out, "tuesday group"));
    assert_non_null(strstr(out, "drop-in"));
    const char *line = strstr(out, "getting-there");
    assert_non_null(line);
    assert_int_equal(atoi(line + strcspn(line, "0123456789")), 6);
    line = strstr(out, "doing-well");
    assert_non_null(line);
    assert_int_equal(atoi(line + strcspn(line, "0123456789")), 2);
    /* One meeting only. */
    snprintf(cmd, sizeof cmd, "'%s' results --data '%s' --meeting drop-in 2>&1", bin, f->data);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "got-the-basics"));
    assert_null(strstr(out, "tuesday group"));
    /* No database: a clear message and exit 1, and nothing is created. */
    char empty[300];
    snprintf(empty, sizeof empty, "%s/nothing-here", f->root);
    snprintf(cmd, sizeof cmd, "'%s' results --data '%s' 2>&1", bin, empty);
    assert_int_equal(run(cmd, out, sizeof out), 1);
    assert_non_null(strstr(out, "no vote database"));
    assert_int_equal(access(empty, F_OK), -1);
    /* A file that is not a database: a clear message and exit 1. */
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && echo not-votes > '%s/tallies.sqlite' && '%s' results --data '%s' 2>&1",
             empty, empty, bin, empty);
    assert_int_equal(run(cmd, out, sizeof out), 1);
    assert_non_null(strstr(out, "not a database"));
    snprintf(cmd, sizeof cmd, "'%s' results --help 2>&1", bin);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "--data"));
}

int main(void)
{
    ov_log_set_quiet(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_counts_add_up_across_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_meetings_kept_apart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_is_sorted_by_key_not_arrival, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clear_one_meeting_then_all, setup, teardown),
        cmocka_unit_test_setup_teardown(test_settings_journal_full_version_2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_row_per_vote_and_no_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_does_not_reveal_vote_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_journal_keeps_no_history, setup, teardown),
        cmocka_unit_test_setup_teardown(test_version_1_upgraded_and_closed_meetings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_all_has_no_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_input_stores_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_set_is_all_or_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable_data_folder_says_how_to_fix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_garbage_file_is_refused_not_overwritten, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_database_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_version_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_programs_database_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_file_becomes_a_database, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_existing_creates_nothing_and_only_reads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_processes_sharing_a_fresh_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_crash_never_loses_a_thanked_vote, setup, teardown),
        cmocka_unit_test_setup_teardown(test_results_command_prints_the_counts, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
