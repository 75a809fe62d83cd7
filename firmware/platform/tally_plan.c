/* tally_plan.c — ideas, priorities and action plans in the vote store's file
 * (platform/tally_plan.h). The rules of tally.c hold here too:
 *  - counts only: a board's voters and each idea's votes, never a row per
 *    member, never a time, nothing that keeps the order of choices;
 *  - fixed-size cells: every count is an 8-byte blob, so a changed count is
 *    overwritten in place and a cell's place never depends on when it changed;
 *  - same bytes whatever was chosen: each member's choice rewrites every
 *    count of the board (voters included) in one transaction;
 *  - after each commit the rollback journal (which held the previous counts)
 *    is zeroed and the files get the neutral time (ov_tally_scrub);
 *  - secure_delete is on for the connection (tally.c), so removed ideas leave
 *    no text behind.
 * The three tables are created, in one transaction, the first time a board
 * is saved; their creation changes the schema cookie once, which tells that
 * ideas were entered, nothing about any vote (docs/privacy.md). */
#include "platform/tally_plan.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT_CELL 8 /* bytes of every stored count */
#define KEY_LAST_CLOSED "last_closed"

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS idea_boards ("
    " meeting TEXT NOT NULL, question TEXT NOT NULL, max_choices INTEGER NOT NULL,"
    " round INTEGER NOT NULL, voters BLOB NOT NULL,"
    " PRIMARY KEY (meeting, question)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS ideas ("
    " meeting TEXT NOT NULL, question TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL,"
    " votes BLOB NOT NULL, planned INTEGER NOT NULL, what TEXT NOT NULL, who TEXT NOT NULL,"
    " at_when TEXT NOT NULL, done INTEGER NOT NULL,"
    " PRIMARY KEY (meeting, question, idx)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS plan_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;";

static int fail_db(sqlite3 *db, int rc, char *err, size_t errlen, const char *what)
{
    int code = (rc & 0xff) == SQLITE_FULL ? OV_ENOSPC : (rc & 0xff) == SQLITE_BUSY ? OV_EBUSY : OV_EIO;
    return ov_fail(err, errlen, code, "%s: %s. Check the data folder (--data DIR or data_dir= in the config)",
                   what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

static void put_count(unsigned char *cell, long n)
{
    for (int i = 0; i < COUNT_CELL; i++)
        cell[i] = (unsigned char)((unsigned long long)n >> (8 * (COUNT_CELL - 1 - i)));
}

static long get_count(sqlite3_stmt *st, int col)
{
    const unsigned char *p = sqlite3_column_blob(st, col);
    if (!p || sqlite3_column_bytes(st, col) != COUNT_CELL)
        return 0;
    unsigned long long n = 0;
    for (int i = 0; i < COUNT_CELL; i++)
        n = n << 8 | p[i];
    return (long)n;
}

/* 1 when the plan tables exist (0: nothing saved yet), negative on error. */
static int have_tables(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'idea_boards'", -1, &st,
                                NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    int found = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) > 0 : -1;
    sqlite3_finalize(st);
    return found;
}

static const char *col_text(sqlite3_stmt *st, int col)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    return v ? (const char *)v : "";
}

/* Bind b's (meeting, question) to ?1 and ?2 of st. Returns an SQLite code. */
static int bind_key(sqlite3_stmt *st, const ov_ideas_board *b)
{
    int rc = sqlite3_bind_text(st, 1, b->meeting, -1, SQLITE_STATIC);
    return rc == SQLITE_OK ? sqlite3_bind_text(st, 2, b->question, -1, SQLITE_STATIC) : rc;
}

/* The ideas of b's (meeting, question) into b. Returns an SQLite code. */
static int load_ideas(sqlite3 *db, ov_ideas_board *b)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT idx, text, votes, planned, what, who, at_when, done FROM ideas"
                                " WHERE meeting = ?1 AND question = ?2 ORDER BY idx",
                                -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = bind_key(st, b);
    b->n_ideas = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        if (b->n_ideas >= OV_IDEAS_MAX)
            continue; /* not possible through ov_plan_save; an edited file keeps its first ideas */
        ov_idea *it = &b->ideas[b->n_ideas++];
        memset(it, 0, sizeof *it);
        ov_strlcpy(it->text, col_text(st, 1), sizeof it->text);
        it->votes = get_count(st, 2);
        it->planned = sqlite3_column_int(st, 3);
        ov_strlcpy(it->plan.what, col_text(st, 4), sizeof it->plan.what);
        ov_strlcpy(it->plan.who, col_text(st, 5), sizeof it->plan.who);
        ov_strlcpy(it->plan.when, col_text(st, 6), sizeof it->plan.when);
        it->plan.done = sqlite3_column_int(st, 7);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The board row of b's key into b; *found = 0 when there is none. Returns an SQLite code. */
static int load_board_row(sqlite3 *db, ov_ideas_board *b, int *found)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT max_choices, round, voters FROM idea_boards"
                                " WHERE meeting = ?1 AND question = ?2",
                                -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = bind_key(st, b);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW) {
        b->max_choices = sqlite3_column_int(st, 0);
        b->round = (ov_ideas_round)sqlite3_column_int(st, 1);
        b->voters = get_count(st, 2);
        if (b->max_choices < 1 || b->max_choices > OV_CHOICES_MAX)
            b->max_choices = OV_CHOICES_DEFAULT;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int ov_plan_load(ov_tally *t, const char *meeting, const char *question, ov_ideas_board *b, char *err,
                 size_t errlen)
{
    ov_ideas_init(b, meeting, question);
    sqlite3 *db = ov_tally_db(t, NULL);
    if (!db)
        return ov_fail(err, errlen, OV_EINVAL, "the vote store is not open");
    int have = have_tables(db);
    if (have <= 0)
        return have < 0 ? fail_db(db, SQLITE_ERROR, err, errlen, "cannot read the ideas") : OV_OK;
    int found = 0;
    int rc = load_board_row(db, b, &found);
    if (rc == SQLITE_OK && found)
        rc = load_ideas(db, b);
    return rc == SQLITE_OK ? OV_OK : fail_db(db, rc, err, errlen, "cannot read the ideas");
}

/* Run one statement on b's key with an int third parameter. Returns an SQLite code. */
static int run_keyed(sqlite3 *db, const char *sql, const ov_ideas_board *b, int third)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = bind_key(st, b);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(st, 3, third);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The board row: choices and round; a new row starts with 0 voters (kept otherwise). */
static int store_board_row(sqlite3 *db, const ov_ideas_board *b)
{
    unsigned char zero[COUNT_CELL];
    put_count(zero, 0);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "INSERT INTO idea_boards (meeting, question, max_choices, round, voters)"
                                " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (meeting, question) DO UPDATE SET"
                                " max_choices = excluded.max_choices, round = excluded.round",
                                -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = bind_key(st, b);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(st, 3, b->max_choices);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(st, 4, (int)b->round);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_blob(st, 5, zero, COUNT_CELL, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Idea i of b (text and plan; a new row starts with 0 votes, kept otherwise). */
static int store_idea(sqlite3 *db, const ov_ideas_board *b, int i)
{
    const ov_idea *it = &b->ideas[i];
    unsigned char zero[COUNT_CELL];
    put_count(zero, 0);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        db,
        "INSERT INTO ideas (meeting, question, idx, text, votes, planned, what, who, at_when, done)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (meeting, question, idx) DO UPDATE SET"
        " text = excluded.text, planned = excluded.planned, what = excluded.what, who = excluded.who,"
        " at_when = excluded.at_when, done = excluded.done",
        -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = bind_key(st, b);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(st, 3, i);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 4, it->text, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_blob(st, 5, zero, COUNT_CELL, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(st, 6, it->planned);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 7, it->plan.what, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 8, it->plan.who, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 9, it->plan.when, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(st, 10, it->plan.done);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* 1 when b's ideas and round are what is stored (all a closed meeting allows). */
static int same_as_stored(sqlite3 *db, const ov_ideas_board *b)
{
    ov_ideas_board *old = malloc(sizeof *old);
    if (!old)
        return 0;
    ov_ideas_init(old, b->meeting, b->question);
    int found = 0, same = 0;
    if (load_board_row(db, old, &found) == SQLITE_OK && load_ideas(db, old) == SQLITE_OK) {
        same = old->n_ideas == b->n_ideas && (!found || old->round == b->round);
        for (int i = 0; same && i < b->n_ideas; i++)
            same = !strcmp(old->ideas[i].text, b->ideas[i].text);
    }
    free(old);
    return same;
}

/* Begin a write: the tables exist, the write lock is held. Returns an SQLite code. */
static int begin_write(sqlite3 *db)
{
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, schema_sql, NULL, NULL, NULL);
    return rc;
}

/* Commit (or roll back on rc != OK) and wipe the journal. Returns the OV code. */
static int end_write(ov_tally *t, sqlite3 *db, int rc, char *err, size_t errlen, const char *what)
{
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        int r = fail_db(db, rc, err, errlen, what);
        if (!sqlite3_get_autocommit(db))
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return r;
    }
    ov_tally_scrub(t);
    return OV_OK;
}

/* Writable connection of t, or NULL with err. */
static sqlite3 *writable(ov_tally *t, char *err, size_t errlen)
{
    int ro = 1;
    sqlite3 *db = ov_tally_db(t, &ro);
    if (!db || ro) {
        ov_fail(err, errlen, OV_EPERM, "the vote store is not open for writing");
        return NULL;
    }
    return db;
}

int ov_plan_save(ov_tally *t, const ov_ideas_board *b, char *err, size_t errlen)
{
    sqlite3 *db = writable(t, err, errlen);
    if (!db)
        return OV_EPERM;
    int rc = begin_write(db);
    if (rc == SQLITE_OK && ov_tally_meeting_is_closed(t, b->meeting) == 1 && !same_as_stored(db, b)) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return ov_fail(err, errlen, OV_EPERM,
                       "the meeting \"%s\" is closed: its ideas cannot change, only its plan", b->meeting);
    }
    if (rc == SQLITE_OK)
        rc = store_board_row(db, b);
    for (int i = 0; i < b->n_ideas && rc == SQLITE_OK; i++)
        rc = store_idea(db, b, i);
    if (rc == SQLITE_OK)
        rc = run_keyed(db, "DELETE FROM ideas WHERE meeting = ?1 AND question = ?2 AND idx >= ?3", b,
                       b->n_ideas);
    return end_write(t, db, rc, err, errlen, "the ideas were not saved");
}

/* Write every count of b (each idea's votes and the voters), in key order. */
static int store_counts(sqlite3 *db, const ov_ideas_board *b)
{
    unsigned char cell[COUNT_CELL];
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        db, "UPDATE ideas SET votes = ?4 WHERE meeting = ?1 AND question = ?2 AND idx = ?3", -1, &st, NULL);
    for (int i = 0; i < b->n_ideas && rc == SQLITE_OK; i++) {
        sqlite3_reset(st);
        put_count(cell, b->ideas[i].votes);
        rc = bind_key(st, b);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_int(st, 3, i);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_blob(st, 4, cell, COUNT_CELL, SQLITE_TRANSIENT);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "UPDATE idea_boards SET voters = ?3 WHERE meeting = ?1 AND question = ?2",
                                -1, &st, NULL);
    put_count(cell, b->voters);
    if (rc == SQLITE_OK)
        rc = bind_key(st, b);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_blob(st, 3, cell, COUNT_CELL, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_finalize(st);
    return rc;
}

int ov_plan_vote(ov_tally *t, const char *meeting, const char *question, const int *chosen, int n, char *err,
                 size_t errlen)
{
    sqlite3 *db = writable(t, err, errlen);
    if (!db)
        return OV_EPERM;
    ov_ideas_board *b = malloc(sizeof *b);
    if (!b)
        return ov_fail(err, errlen, OV_ENOMEM, "the choice was not stored: out of memory");
    ov_ideas_init(b, meeting, question);
    int found = 0, r = OV_OK;
    int rc = begin_write(db);
    if (rc == SQLITE_OK)
        rc = load_board_row(db, b, &found);
    if (rc == SQLITE_OK)
        rc = load_ideas(db, b);
    if (rc == SQLITE_OK && (ov_tally_meeting_is_closed(t, meeting) == 1 || !found))
        r = ov_fail(err, errlen, OV_EPERM,
                    "the choice was not stored: the meeting \"%s\" is closed or has no "
                    "priorities round for this question",
                    meeting);
    else if (rc == SQLITE_OK && (r = ov_ideas_vote(b, chosen, n)) != OV_OK)
        ov_fail(err, errlen, r, "the choice was not stored: %s",
                r == OV_EPERM ? "the priorities round is not open" : "the choice is not a valid one");
    if (rc == SQLITE_OK && r == OV_OK)
        rc = store_counts(db, b);
    free(b);
    if (r != OV_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return r;
    }
    return end_write(t, db, rc, err, errlen, "the choice was not stored");
}

/* Read one board row of the statement into a new slot of *out. Returns an SQLite code. */
static int add_board(sqlite3 *db, sqlite3_stmt *st, ov_ideas_board **out, int *n, int *cap)
{
    if (*n == *cap) {
        int grown_cap = *cap ? *cap * 2 : 4;
        ov_ideas_board *g = realloc(*out, (size_t)grown_cap * sizeof *g);
        if (!g)
            return SQLITE_NOMEM;
        *out = g;
        *cap = grown_cap;
    }
    ov_ideas_board *b = &(*out)[(*n)++];
    ov_ideas_init(b, col_text(st, 0), col_text(st, 1));
    int found = 0;
    int rc = load_board_row(db, b, &found);
    return rc == SQLITE_OK ? load_ideas(db, b) : rc;
}

int ov_plan_boards(ov_tally *t, const char *meeting, ov_ideas_board **out, int *n)
{
    *out = NULL;
    *n = 0;
    sqlite3 *db = ov_tally_db(t, NULL);
    if (!db)
        return OV_EINVAL;
    int have = have_tables(db);
    if (have <= 0)
        return have < 0 ? OV_EIO : OV_OK;
    sqlite3_stmt *st = NULL;
    int cap = 0;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT meeting, question FROM idea_boards WHERE ?1 IS NULL OR meeting = ?1"
                                " ORDER BY meeting, question",
                                -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = meeting ? sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC) : sqlite3_bind_null(st, 1);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        rc = add_board(db, st, out, n, &cap);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return rc == SQLITE_NOMEM ? OV_ENOMEM : OV_EIO;
    }
    return OV_OK;
}

int ov_plan_close_meeting(ov_tally *t, const char *meeting, char *err, size_t errlen)
{
    int r = ov_tally_meeting_close(t, meeting, err, errlen);
    if (r != OV_OK)
        return r;
    sqlite3 *db = writable(t, err, errlen);
    if (!db)
        return OV_EPERM;
    sqlite3_stmt *st = NULL;
    int rc = begin_write(db);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(
            db, "INSERT OR REPLACE INTO plan_state (key, value) VALUES ('" KEY_LAST_CLOSED "', ?1)", -1, &st,
            NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_finalize(st);
    return end_write(t, db, rc, err, errlen, "the closed meeting was not remembered");
}

int ov_plan_last_closed(ov_tally *t, char *out, size_t outlen)
{
    out[0] = '\0';
    sqlite3 *db = ov_tally_db(t, NULL);
    if (!db)
        return OV_EINVAL;
    int have = have_tables(db);
    if (have <= 0)
        return have < 0 ? OV_EIO : OV_ENOTFOUND;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT value FROM plan_state WHERE key = '" KEY_LAST_CLOSED "'", -1, &st,
                                NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        ov_strlcpy(out, col_text(st, 0), outlen);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? OV_OK : rc == SQLITE_DONE ? OV_ENOTFOUND : OV_EIO;
}
