/* tally.c — the durable, anonymous vote store: DATA_DIR/tallies.sqlite.
 * With tally_plan.c (ideas and plans, in the same file) the only file in
 * OurVoice that calls SQLite.
 *
 * What is stored: counts, (meeting, group, question, answer) -> count, WITHOUT ROWID
 * so rows live in key order, and per meeting its start date and a closed flag.
 * No row per vote, no time of a vote, no link between one member's answers.
 *
 * Durability: a rollback journal (journal_mode=PERSIST) with synchronous=FULL;
 * ov_tally_add returns OV_OK only after COMMIT returned SQLITE_OK.
 *
 * No history on the card (docs/privacy.md has the measurements):
 *  - Fixed-size cells: every count is followed by a pad blob so that count and
 *    pad always take COUNT_BYTES bytes; SQLite then overwrites a changed cell
 *    in place, so a cell's place in its page never depends on when it changed.
 *  - Same bytes whatever was voted: every commit rewrites every count of the
 *    meeting (its pad holds the meeting's new total), so the same pages are
 *    written, the journal is the same size, and the file is a function of the
 *    final counts only (for keys created by ov_tally_meeting_open, in key order).
 *  - The rollback journal holds the pages as they were before the commit (the
 *    previous counts). PERSIST keeps the file, so its blocks are reused in
 *    place rather than freed; right after each commit (and at every read-write
 *    open, after a crash) it is overwritten with zeros and synced.
 *  - secure_delete=ON zeroes freed cells and pages; temp_store=MEMORY.
 *  - No VACUUM and no schema change after creation: the schema cookie stays.
 *  - After each commit the file, the journal and the folder get the neutral
 *    time 2000-01-01 (atime and mtime). The inode change time (ctime) cannot
 *    be set: it still says when the last write happened (docs/privacy.md).
 * What remains is in docs/privacy.md: the ext4 journal under data=journal,
 * ctime, the file change counter (number of commits), and cells created by a
 * vote for a key that ov_tally_meeting_open did not announce. */
#include "platform/tally.h"
#include "base/utf8.h"
#include "platform/fsops.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

#define SCHEMA_VERSION 3   /* 3: counts have a group (issue 14, whose view) */
#define COUNT_BYTES 8   /* a count plus its pad always take this many bytes in a cell */
#define DATE_LEN 10     /* YYYY-MM-DD */
#define ZERO_CHUNK 16384
#define QID_MAX 31      /* bytes, so ids fit ov_tally_row.question/answer */
#define MEETING_MAX (OV_MEETING_LEN - 1)
#define BUSY_TIMEOUT_MS 5000
#define BUSY_RETRY_US 20000 /* another process holds the store: try again this often */
#define SCHEMA_GROUPS 3      /* the first schema whose counts have a group */
#define JOURNAL_SUFFIX_LEN 16 /* room for "-journal" after the store's path */
#define WIPE_NAME_LEN 32      /* room for "/.tallies-journal-wipe" after the data folder */
#define QUICK_CHECK_LEN 200   /* PRAGMA quick_check's first answer ("ok" or a problem) */
#define PRAGMA_VALUE_LEN 32   /* a pragma's or a count's one number, as text */
#define JOURNAL_MODE_LEN 16   /* PRAGMA journal_mode's answer ("persist") */
#define SELECT_SQL_LEN 256    /* the counts' SELECT, with its group column and filter */
#define PRAGMA_SQL_LEN 64     /* "PRAGMA " and an allowed pragma's name */
#define KEYS_FIRST_CAP 32     /* counts a batch first makes room for (doubled when full) */
#define ROWS_FIRST_CAP 256    /* rows a read first makes room for (doubled while it needs more) ... */
#define ROWS_MAX (1 << 28)    /* ... up to this many */
#define MEETINGS_FIRST_CAP 64 /* meeting names first made room for (doubled when full) */
#define FIX_DIR "Choose a data folder the kiosk can write with --data DIR or data_dir= in the config."

struct ov_tally {
    sqlite3 *db;
    sqlite3_stmt *upsert;
    int readonly;
    char path[OV_PATH_MAX];
    char journal[OV_PATH_MAX + JOURNAL_SUFFIX_LEN];   /* path + "-journal" */
    char dir[OV_PATH_MAX];
    int version;                      /* schema version of the file */
};

static int scrub_journal(ov_tally *t);
static int zero_file(const char *path);
static void set_neutral_time(const char *path);

/* ---- small helpers ---- */

static int ov_code(int sqlite_rc, int sys_errno)
{
    switch (sqlite_rc & 0xff) {
    case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return OV_OK;
    case SQLITE_NOMEM: return OV_ENOMEM;
    case SQLITE_FULL: return OV_ENOSPC;
    case SQLITE_BUSY: case SQLITE_LOCKED: return OV_EBUSY;
    case SQLITE_PERM: case SQLITE_READONLY: case SQLITE_AUTH: return OV_EPERM;
    case SQLITE_CANTOPEN: return sys_errno == EACCES || sys_errno == EROFS ? OV_EPERM : OV_EIO;
    default: return OV_EIO;
    }
}

/* Fill err with "WHAT PATH: sqlite's reason. how to fix" and return the OV code. */
static int db_fail(sqlite3 *db, int rc, const char *path, char *err, size_t errlen, const char *what)
{
    const char *why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const char *fix;
    int sys = db ? sqlite3_system_errno(db) : 0;
    if (sys == ENOSPC || sys == EDQUOT) {
        rc = SQLITE_FULL;
        why = strerror(sys);
    } else if ((rc & 0xff) == SQLITE_IOERR && sys != 0) why = strerror(sys);
    switch (rc & 0xff) {
    case SQLITE_FULL:
        fix = "The disk is full: free some space, or choose another data folder with --data DIR or data_dir= "
              "in the config.";
        break;
    case SQLITE_BUSY: case SQLITE_LOCKED:
        fix = "Another program is using the vote database: close it (another ourvoice?) and try again.";
        break;
    case SQLITE_NOTADB: case SQLITE_CORRUPT:
        fix = "It was not changed, because it may hold votes. Move it somewhere safe (keep a copy), "
              "or choose another data folder with --data DIR or data_dir= in the config.";
        break;
    case SQLITE_PERM: case SQLITE_READONLY: case SQLITE_CANTOPEN: case SQLITE_IOERR: case SQLITE_AUTH:
        fix = FIX_DIR;
        break;
    default:
        fix = "Check the data folder, or choose another with --data DIR or data_dir= in the config.";
        break;
    }
    return ov_fail(err, errlen, ov_code(rc, sys), "%s %s: %s. %s", what, path, why, fix);
}

/* Run SQL with no result rows. */
static int exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Run a query returning one value; copy its text to out. Returns the SQLite code. */
static int query_text(sqlite3 *db, const char *sql, char *out, size_t outlen)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    out[0] = '\0';
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        ov_strlcpy(out, v ? (const char *)v : "", outlen);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* 1 when s is a usable id: 1..max bytes of valid UTF-8 without control characters. */
static int valid_id(const char *s, size_t max)
{
    if (!s) return 0;
    size_t n = strnlen(s, max + 1);
    if (n == 0 || n > max) return 0;
    if (!ov_utf8_valid(s, n, NULL)) return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) return 0;
    return 1;
}

/* fsync a folder so a new name in it survives a power cut (best effort). */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    if (fsync(fd) != 0) ov_log_warn("could not flush the folder %s to disk: %s", dir, strerror(errno));
    close(fd);
}

/* The folder part of path ("." when none) into out. */
static void parent_of(const char *path, char *out, size_t outlen)
{
    ov_strlcpy(out, path, outlen);
    char *slash = strrchr(out, '/');
    if (!slash) ov_strlcpy(out, ".", outlen);
    else if (slash == out) out[1] = '\0';
    else *slash = '\0';
}

/* mkdir -p; the last folder gets mode 0700 (votes are private). */
static int make_dirs(const char *dir, char *err, size_t errlen)
{
    char p[OV_PATH_MAX];
    if (ov_strlcpy(p, dir, sizeof p) != OV_OK)
        return ov_fail(err, errlen, OV_EINVAL, "the data folder name %s is too long. %s", dir, FIX_DIR);
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/') p[--n] = '\0';
    for (char *s = p + 1; ; s++) {
        int last = (*s == '\0');
        if (*s != '/' && !last) continue;
        char keep = *s;
        *s = '\0';
        if (mkdir(p, last ? 0700 : 0755) == 0) {
            char parent[OV_PATH_MAX];
            parent_of(p, parent, sizeof parent);
            sync_dir(parent);
        } else if (errno != EEXIST) {
            int e = errno;
            return ov_fail(err, errlen, e == EACCES || e == EROFS || e == EPERM ? OV_EPERM : OV_EIO,
                           "cannot create the data folder %s: %s. %s", p, strerror(e), FIX_DIR);
        }
        struct stat st;
        if (stat(p, &st) != 0) {
            int e = errno;
            return ov_fail(err, errlen, OV_EIO, "cannot create the data folder %s: %s. %s", p, strerror(e),
                           FIX_DIR);
        }
        if (!S_ISDIR(st.st_mode))
            return ov_fail(err, errlen, OV_EINVAL,
                           "cannot create the data folder %s: %s is a file, not a folder. %s", dir, p,
                           FIX_DIR);
        *s = keep;
        if (last) break;
    }
    return OV_OK;
}

/* ---- open ---- */

static int build_path(const char *data_dir, char *path, size_t pathlen, char *err, size_t errlen)
{
    if (!data_dir || !*data_dir)
        return ov_fail(err, errlen, OV_EINVAL, "no data folder was given. %s", FIX_DIR);
    int n = snprintf(path, pathlen, "%s/tallies.sqlite", data_dir);
    if (n >= 0 && (size_t)n + JOURNAL_SUFFIX_LEN >= pathlen) n = (int)pathlen;   /* room for "-journal" too */
    if (n < 0 || (size_t)n >= pathlen)
        return ov_fail(err, errlen, OV_EINVAL, "the data folder name %s is too long. %s", data_dir, FIX_DIR);
    return OV_OK;
}

/* Check user_version, refusing newer schemas; returns OV_OK and *version. */
static int read_version(ov_tally *t, int *version, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(t->db, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        int r = db_fail(t->db, rc, t->path, err, errlen, "cannot read the vote database");
        sqlite3_finalize(st);
        return r;
    }
    *version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (*version > SCHEMA_VERSION)
        return ov_fail(
            err, errlen, OV_EINVAL,
            "the vote database %s was written by a newer OurVoice (its version is %d, this one knows %d). "
            "It was not changed. Update OurVoice, or choose another data folder with --data DIR.",
            t->path, *version, SCHEMA_VERSION);
    if (*version < 0)
        return ov_fail(err, errlen, OV_EIO,
                       "%s is not an OurVoice vote database (version %d). It was not changed. "
                       "Move it away, or choose another data folder with --data DIR.",
                       t->path, *version);
    return OV_OK;
}

/* Refuse a damaged file: we never write over something that may hold votes. */
static int check_intact(ov_tally *t, char *err, size_t errlen)
{
    char res[QUICK_CHECK_LEN];
    int rc = query_text(t->db, "PRAGMA quick_check", res, sizeof res);
    if (rc != SQLITE_OK) return db_fail(t->db, rc, t->path, err, errlen, "cannot check the vote database");
    if (strcmp(res, "ok") != 0)
        return ov_fail(
            err, errlen, OV_EIO,
            "the vote database %s is damaged (%s). It was not changed, because it may "
            "hold votes. Keep a copy and move it away, or choose another data folder with --data DIR.",
            t->path, res);
    return OV_OK;
}

static int foreign(ov_tally *t, char *err, size_t errlen)
{
    return ov_fail(err, errlen, OV_EINVAL,
                   "%s is an SQLite database of another program, not OurVoice votes. "
                   "It was not changed. Move it away, or choose another data folder with --data DIR.",
                   t->path);
}

/* 1 when a version-0 file already has tables (so it is not ours), 0 when
 * empty, negative on error. */
static int has_tables(ov_tally *t, char *err, size_t errlen)
{
    char n[PRAGMA_VALUE_LEN];
    int rc = query_text(t->db, "SELECT count(*) FROM sqlite_schema", n, sizeof n);
    if (rc != SQLITE_OK) return db_fail(t->db, rc, t->path, err, errlen, "cannot read the vote database");
    return atoi(n) != 0;
}

#define MEETINGS_SQL \
    "CREATE TABLE meetings (meeting TEXT PRIMARY KEY NOT NULL, start_date TEXT NOT NULL," \
    " closed INTEGER NOT NULL CHECK (closed IN (0, 1))) WITHOUT ROWID;"
/* Pad length of a count: COUNT_BYTES minus the bytes SQLite stores it in. */
#define PAD_LEN_SQL \
    "CASE WHEN count <= 1 THEN 8 WHEN count <= 127 THEN 7 WHEN count <= 32767 THEN 6" \
    " WHEN count <= 8388607 THEN 5 WHEN count <= 2147483647 THEN 4" \
    " WHEN count <= 140737488355327 THEN 2 ELSE 0 END"

/* The counts table of version 3: one count per (meeting, group, question, answer). */
#define COUNTS3_SQL(name) \
    "CREATE TABLE " name " (" \
    " meeting TEXT NOT NULL, grp TEXT NOT NULL DEFAULT '', question TEXT NOT NULL, answer TEXT NOT NULL," \
    " count INTEGER NOT NULL CHECK (count >= 0), pad BLOB NOT NULL DEFAULT x''," \
    " PRIMARY KEY (meeting, grp, question, answer)) WITHOUT ROWID;"

/* Version 1 (counts only, WAL) to 2: pads, and the meetings table; 2 to 3:
 * the group of a count. Once, at the first read-write open by this version. */
static int upgrade_schema(ov_tally *t, char *err, size_t errlen)
{
    int rc = exec(t->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return db_fail(t->db, rc, t->path, err, errlen, "cannot write the vote database");
    char v[PRAGMA_VALUE_LEN];
    rc = query_text(t->db, "PRAGMA user_version", v, sizeof v);
    if (rc == SQLITE_OK && atoi(v) == 1)
        rc = exec(t->db, "ALTER TABLE counts ADD COLUMN pad BLOB NOT NULL DEFAULT x'';"
                         "UPDATE counts SET pad = zeroblob(" PAD_LEN_SQL ");"
                         MEETINGS_SQL "PRAGMA user_version = 2;");
    if (rc == SQLITE_OK) rc = query_text(t->db, "PRAGMA user_version", v, sizeof v);
    if (rc == SQLITE_OK && atoi(v) == 2) /* 2 to 3: the group column; old counts had no group ('') */
        rc = exec(t->db, COUNTS3_SQL("counts3")
                         "INSERT INTO counts3 (meeting, grp, question, answer, count, pad)"
                         " SELECT meeting, '', question, answer, count, pad FROM counts;"
                         "DROP TABLE counts; ALTER TABLE counts3 RENAME TO counts; PRAGMA user_version = 3;");
    if (rc == SQLITE_OK) rc = exec(t->db, "COMMIT");
    if (rc != SQLITE_OK) {
        int r = db_fail(t->db, rc, t->path, err, errlen, "cannot update the vote database to this version");
        exec(t->db, "ROLLBACK");
        return r;
    }
    return OV_OK;
}

/* A version-0 file is empty (new) or belongs to another program. */
static int create_schema(ov_tally *t, char *err, size_t errlen)
{
    int rc = exec(t->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return db_fail(t->db, rc, t->path, err, errlen, "cannot write the vote database");
    /* Checked before, but another kiosk process may have created it meanwhile. */
    char v[PRAGMA_VALUE_LEN], n[PRAGMA_VALUE_LEN];
    int newer;
    rc = query_text(t->db, "PRAGMA user_version", v, sizeof v);
    if (rc == SQLITE_OK) rc = query_text(t->db, "SELECT count(*) FROM sqlite_schema", n, sizeof n);
    if (rc != SQLITE_OK) {
        exec(t->db, "ROLLBACK");
        return db_fail(t->db, rc, t->path, err, errlen, "cannot read the vote database");
    }
    if (atoi(v) == SCHEMA_VERSION) {
        exec(t->db, "ROLLBACK");
        return OV_OK;
    }
    if (atoi(v) != 0 || atoi(n) != 0) {
        exec(t->db, "ROLLBACK");
        return atoi(v) > SCHEMA_VERSION ? read_version(t, &newer, err, errlen) : foreign(t, err, errlen);
    }
    rc = exec(t->db,
              COUNTS3_SQL("counts")
              MEETINGS_SQL
              "PRAGMA user_version = 3;");
    if (rc == SQLITE_OK) rc = exec(t->db, "COMMIT");
    if (rc != SQLITE_OK) {
        int r = db_fail(t->db, rc, t->path, err, errlen, "cannot create the vote database");
        exec(t->db, "ROLLBACK");
        return r;
    }
    return OV_OK;
}

/* Open t->path and look at it before writing anything, in one read
 * transaction (one snapshot): *version is its schema version, 0 when new.
 * Returns OV_OK, or a negative code with err filled (t->db may be open). */
static int db_open_and_look(ov_tally *t, int *version, char *err, size_t errlen)
{
    struct stat st;
    int flags = t->readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(t->path, &t->db, flags, NULL);
    if (rc != SQLITE_OK)
        return db_fail(t->db, rc, t->path, err, errlen, t->readonly ? "cannot open" : "cannot create");
    sqlite3_busy_timeout(t->db, BUSY_TIMEOUT_MS);
    /* Before the first read: a crash left a hot journal, and rolling it back in
     * SQLite's default mode would delete the journal, leaving the counts it
     * holds in freed blocks. In PERSIST mode it stays, to be wiped below. A
     * file that is not a database fails later, with the proper message. */
    if (!t->readonly)
        exec(t->db, "PRAGMA journal_mode=PERSIST");
    rc = exec(t->db, "BEGIN");
    if (rc != SQLITE_OK)
        return db_fail(t->db, rc, t->path, err, errlen, "cannot read the vote database");
    int r = read_version(t, version, err, errlen); /* first read: a garbage file fails here */
    if (r == OV_OK && stat(t->path, &st) == 0 && st.st_size > 0)
        r = check_intact(t, err, errlen);
    if (r == OV_OK && *version == 0) {
        r = has_tables(t, err, errlen);
        if (r > 0)
            r = foreign(t, err, errlen);
    }
    exec(t->db, "COMMIT");
    return r;
}

/* Set up a writable store: the safe journal and pragmas, then the schema
 * made (new file in dir) or upgraded. Returns OV_OK or a negative code. */
static int db_set_up_writing(ov_tally *t, const char *dir, int version, char *err, size_t errlen)
{
    char mode[JOURNAL_MODE_LEN];
    int rc = query_text(t->db, "PRAGMA journal_mode=PERSIST", mode, sizeof mode);
    if (rc != SQLITE_OK)
        return db_fail(t->db, rc, t->path, err, errlen, "cannot set up the vote database");
    if (strcmp(mode, "persist") != 0)
        return ov_fail(err, errlen, OV_EIO,
                       "cannot use the safe journal for %s (got '%s'); is another program "
                       "using it? %s",
                       t->path, mode, FIX_DIR);
    rc = exec(t->db, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA journal_size_limit=-1;"
                     " PRAGMA temp_store=MEMORY; PRAGMA cell_size_check=ON;");
    if (rc != SQLITE_OK)
        return db_fail(t->db, rc, t->path, err, errlen, "cannot set up the vote database");
    if (version == 0) {
        int r = create_schema(t, err, errlen);
        if (r != OV_OK)
            return r;
        sync_dir(dir); /* the new file's name itself must survive a power cut */
    } else if (version < SCHEMA_VERSION) {
        int r = upgrade_schema(t, err, errlen);
        if (r != OV_OK)
            return r;
        t->version = SCHEMA_VERSION;
    }
    return OV_OK;
}

/* Check that the counts table is there; when writable, prepare t->upsert and
 * wipe a journal a crash left. Returns OV_OK or a negative code. */
static int db_prepare(ov_tally *t, int version, char *err, size_t errlen)
{
    const char *probe = t->readonly && version < 2
                            ? "SELECT meeting, question, answer, count FROM counts LIMIT 0"
                            : "SELECT c.count, m.closed FROM counts c, meetings m LIMIT 0";
    int rc = sqlite3_prepare_v2(t->db, probe, -1, &t->upsert, NULL);
    sqlite3_finalize(t->upsert);
    t->upsert = NULL;
    if (rc != SQLITE_OK)
        return ov_fail(err, errlen, OV_EIO,
                       "%s says it is an OurVoice vote database but has no counts table (%s). "
                       "It was not changed. Move it away, or choose another data folder with --data DIR.",
                       t->path, sqlite3_errmsg(t->db));
    if (t->readonly)
        return OV_OK;
    rc = sqlite3_prepare_v2(
        t->db,
        "INSERT INTO counts (meeting, question, answer, count, pad, grp)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
        " ON CONFLICT (meeting, grp, question, answer) DO UPDATE SET count = excluded.count,"
        " pad = excluded.pad",
        -1, &t->upsert, NULL);
    if (rc != SQLITE_OK)
        return db_fail(t->db, rc, t->path, err, errlen, "cannot prepare the vote database");
    /* A crash between a commit and its scrub left the old pages in the journal. */
    if (scrub_journal(t) != OV_OK)
        ov_log_warn("could not wipe the journal of the vote database %s; it is wiped after the next vote",
                    t->path);
    return OV_OK;
}

/* Open the SQLite file of t->path, check it, set it up. Returns OV_OK, or a
 * negative code with err filled and t->db closed. */
static int db_connect(ov_tally *t, const char *dir, char *err, size_t errlen)
{
    int version = 0;
    int r = db_open_and_look(t, &version, err, errlen);
    if (r != OV_OK)
        goto fail;
    t->version = version ? version : SCHEMA_VERSION;
    if (t->readonly && version == 0)
        r = ov_fail(err, errlen, OV_ENOTFOUND,
                    "the vote database %s is empty: no votes have been stored yet.", t->path);
    else if (!t->readonly)
        r = db_set_up_writing(t, dir, version, err, errlen);
    if (r == OV_OK)
        r = db_prepare(t, version, err, errlen);
    if (r == OV_OK)
        return OV_OK;
fail:
    sqlite3_finalize(t->upsert);
    t->upsert = NULL;
    sqlite3_close(t->db);
    t->db = NULL;
    return r;
}

/* Give the journal (if any) a second name, wipe, before SQLite may delete it. */
static void keep_journal_blocks(ov_tally *t, const char *wipe)
{
    zero_file(wipe);              /* left by a crash between link and unlink */
    unlink(wipe);
    if (link(t->journal, wipe) != 0 && errno != ENOENT)
        ov_log_warn("could not keep %s to wipe it: %s", t->journal, strerror(errno));
}

/* Zero the blocks kept by keep_journal_blocks and drop the second name. */
static void wipe_kept_blocks(const char *wipe, const char *dir)
{
    if (zero_file(wipe) != OV_OK) ov_log_warn("could not wipe %s: %s", wipe, strerror(errno));
    if (unlink(wipe) == 0) sync_dir(dir);
    set_neutral_time(dir);
}

/* Before connecting: the store must exist (readonly) or its folder be
 * writable, and be a file we may use. Returns OV_OK or a code with err. */
static int check_place(const ov_tally *t, const char *data_dir, int readonly, char *err, size_t errlen)
{
    struct stat st;
    if (readonly) {
        if (stat(t->path, &st) != 0) {
            int e = errno;
            if (e == ENOENT || e == ENOTDIR)
                return ov_fail(
                    err, errlen, OV_ENOTFOUND,
                    "there is no vote database in %s (%s does not exist). Votes are stored "
                    "there once the kiosk has counted one; check --data DIR or data_dir= in the config.",
                    data_dir, t->path);
            else
                return ov_fail(err, errlen, e == EACCES ? OV_EPERM : OV_EIO,
                               "cannot read the vote database %s: %s. "
                               "Run this as the kiosk's user, or check --data DIR.",
                               t->path, strerror(e));
        }
    } else {
        int r = make_dirs(data_dir, err, errlen);
        if (r != OV_OK)
            return r;
        if (access(data_dir, W_OK | X_OK) != 0) {
            int e = errno;
            return ov_fail(err, errlen, OV_EPERM, "cannot write in the data folder %s: %s. %s", data_dir,
                           strerror(e), FIX_DIR);
        }
    }
    if (stat(t->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        return ov_fail(err, errlen, OV_EINVAL,
                       "%s is not a file (a folder?). Move it away, or choose another data folder "
                       "with --data DIR or data_dir= in the config.",
                       t->path);
    }
    if (!readonly && stat(t->path, &st) == 0 && access(t->path, R_OK | W_OK) != 0) {
        int e = errno;
        return ov_fail(err, errlen, OV_EPERM,
                       "cannot write the vote database %s: %s. Let the kiosk's user write it, or %s", t->path,
                       strerror(e), "choose another data folder with --data DIR or data_dir= in the config.");
    }
    return OV_OK;
}

/* Shared by both opens: check the folder, then connect. */
static int open_common(const char *data_dir, int readonly, ov_tally **out, char *err, size_t errlen)
{
    *out = NULL;
    ov_tally *t = calloc(1, sizeof *t);
    if (!t) return ov_fail(err, errlen, OV_ENOMEM, "out of memory opening the vote database");
    int r = build_path(data_dir, t->path, sizeof t->path, err, errlen);
    if (r != OV_OK) goto out;
    snprintf(t->journal, sizeof t->journal, "%s-journal", t->path);
    ov_strlcpy(t->dir, data_dir, sizeof t->dir);
    t->readonly = readonly;
    r = check_place(t, data_dir, readonly, err, errlen);
    if (r != OV_OK) goto out;

    /* Another kiosk process opening or creating the same file at the same
     * moment can make a step report "busy" without waiting: try again. */
    /* A crash can leave a hot journal, which SQLite deletes after rolling it
     * back, leaving the counts it holds in freed blocks. A second name keeps
     * its blocks ours until they are zeroed (see keep_journal_blocks). */
    char wipe[OV_PATH_MAX + WIPE_NAME_LEN];
    snprintf(wipe, sizeof wipe, "%s/.tallies-journal-wipe", data_dir);
    if (!readonly) keep_journal_blocks(t, wipe);
    uint64_t start = ov_now_ms();
    while ((r = db_connect(t, data_dir, err, errlen)) == OV_EBUSY && ov_now_ms() - start < BUSY_TIMEOUT_MS)
        usleep(BUSY_RETRY_US);
    if (!readonly) wipe_kept_blocks(wipe, data_dir);
    if (r != OV_OK) goto out;
    r = OV_OK;
out:
    if (r != OV_OK) {
        ov_tally_close(t);
        return r;
    }
    *out = t;
    return OV_OK;
}

int ov_tally_open(const char *data_dir, ov_tally **out, char *err, size_t errlen)
{
    if (!out) return ov_fail(err, errlen, OV_EINVAL, "ov_tally_open: no result pointer");
    return open_common(data_dir, 0, out, err, errlen);
}

int ov_tally_open_existing(const char *data_dir, ov_tally **out, char *err, size_t errlen)
{
    if (!out) return ov_fail(err, errlen, OV_EINVAL, "ov_tally_open_existing: no result pointer");
    return open_common(data_dir, 1, out, err, errlen);
}

/* ---- leaving no trace: the journal, the times ---- */

static const struct timespec neutral_times[2] = { { OV_NEUTRAL_TIME, 0 }, { OV_NEUTRAL_TIME, 0 } };

/* Give path the neutral access and modification time (best effort: a file
 * we may not own keeps its times, and the vote is stored all the same). */
static void set_neutral_time(const char *path)
{
    if (utimensat(AT_FDCWD, path, neutral_times, AT_SYMLINK_NOFOLLOW) != 0 && errno != ENOENT)
        ov_log_warn("could not give %s the neutral time: %s", path, strerror(errno));
}

/* Overwrite every byte of the file at path with zeros and sync it; a missing
 * file is fine. Returns OV_OK or OV_EIO. */
static int zero_file(const char *path)
{
    static const char zeros[ZERO_CHUNK];
    int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT ? OV_OK : OV_EIO;
    struct stat st;
    int r = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? OV_OK : OV_EIO;
    for (off_t off = 0; r == OV_OK && off < st.st_size;) {
        size_t n = st.st_size - off < (off_t)sizeof zeros ? (size_t)(st.st_size - off) : sizeof zeros;
        ssize_t w = pwrite(fd, zeros, n, off);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) r = OV_EIO;
        else off += w;
    }
    if (r == OV_OK && fdatasync(fd) != 0) r = OV_EIO;
    close(fd);
    return r;
}

/* After a commit the rollback journal still holds the pages as they were
 * before it: the previous counts. Zero it while holding the write lock (no
 * other connection is writing a journal then), and give the file, the
 * journal and the folder the neutral time. Returns OV_OK or a negative code. */
static int scrub_journal(ov_tally *t)
{
    int rc = exec(t->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return ov_code(rc, 0);
    int r = zero_file(t->journal);
    exec(t->db, "COMMIT");
    set_neutral_time(t->journal);
    set_neutral_time(t->path);
    set_neutral_time(t->dir);
    if (r != OV_OK) ov_log_warn("could not wipe %s: %s", t->journal, strerror(errno));
    return r;
}

/* ---- write ---- */

/* Bytes SQLite's record format uses for a count n >= 0. */
static int int_bytes(sqlite3_int64 n)
{
    if (n <= 1) return 0;
    if (n <= 127) return 1;
    if (n <= 32767) return 2;
    if (n <= 8388607) return 3;
    if (n <= 2147483647LL) return 4;
    if (n <= 140737488355327LL) return 6;
    return 8;
}

typedef struct {
    char group[QID_MAX + 1];
    char question[QID_MAX + 1];
    char answer[QID_MAX + 1];
    sqlite3_int64 count;
} key_count;

typedef struct {
    key_count *items;
    int n, cap;
} key_list;

static int key_cmp(const void *a, const void *b)
{
    const key_count *x = a, *y = b;
    int c = strcmp(x->group, y->group);         /* bytewise, like SQLite's BINARY collation */
    if (!c) c = strcmp(x->question, y->question);
    return c ? c : strcmp(x->answer, y->answer);
}

/* The entry for (group g, q, a), added with count 0 when missing; NULL when out of memory. */
static key_count *key_find_or_add_group(key_list *l, const char *g, const char *q, const char *a)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->items[i].question, q) && !strcmp(l->items[i].answer, a) &&
            !strcmp(l->items[i].group, g))
            return &l->items[i];
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : KEYS_FIRST_CAP;
        key_count *grown = realloc(l->items, (size_t)cap * sizeof *grown);
        if (!grown) return NULL;
        l->items = grown;
        l->cap = cap;
    }
    key_count *k = &l->items[l->n++];
    ov_strlcpy(k->group, g, sizeof k->group);
    ov_strlcpy(k->question, q, sizeof k->question);
    ov_strlcpy(k->answer, a, sizeof k->answer);
    k->count = 0;
    return k;
}

static key_count *key_find_or_add(key_list *l, const char *q, const char *a)
{
    return key_find_or_add_group(l, "", q, a);
}

/* Every stored count of one meeting into l. Returns an SQLite code. */
static int load_meeting(ov_tally *t, const char *meeting, key_list *l)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(t->db, "SELECT question, answer, count, grp FROM counts WHERE meeting = ?1"
                                       " ORDER BY grp, question, answer", -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *q = sqlite3_column_text(st, 0), *a = sqlite3_column_text(st, 1);
        const unsigned char *g = sqlite3_column_text(st, 3);
        key_count *k = key_find_or_add_group(l, g ? (const char *)g : "", q ? (const char *)q : "",
                                             a ? (const char *)a : "");
        if (!k) {
            rc = SQLITE_NOMEM;
            break;
        }
        k->count = sqlite3_column_int64(st, 2);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Write every count of l back, in key order, each with its pad (the pad's
 * bytes are the meeting's total, so every cell changes at every commit and
 * the same pages are written whatever was voted). Returns an SQLite code. */
static int store_meeting(ov_tally *t, const char *meeting, key_list *l)
{
    if (l->n > 1)
        qsort(l->items, (size_t)l->n, sizeof *l->items, key_cmp); /* (qsort of NULL, 0 is undefined) */
    sqlite3_int64 total = 0;
    for (int i = 0; i < l->n; i++) total += l->items[i].count;
    unsigned char pad[COUNT_BYTES];
    for (int i = 0; i < COUNT_BYTES; i++) pad[i] = (unsigned char)((unsigned long long)total >> (8 * i));
    int rc = SQLITE_OK;
    for (int i = 0; i < l->n && rc == SQLITE_OK; i++) {
        sqlite3_reset(t->upsert);
        sqlite3_bind_text(t->upsert, 1, meeting, -1, SQLITE_STATIC);
        sqlite3_bind_text(t->upsert, 2, l->items[i].question, -1, SQLITE_STATIC);
        sqlite3_bind_text(t->upsert, 3, l->items[i].answer, -1, SQLITE_STATIC);
        sqlite3_bind_int64(t->upsert, 4, l->items[i].count);
        sqlite3_bind_blob(t->upsert, 5, pad, COUNT_BYTES - int_bytes(l->items[i].count), SQLITE_STATIC);
        sqlite3_bind_text(t->upsert, 6, l->items[i].group, -1, SQLITE_STATIC);
        rc = sqlite3_step(t->upsert);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_reset(t->upsert);
    sqlite3_clear_bindings(t->upsert);
    return rc;
}

/* The end of every write of a meeting's counts: store l (rc: the caller's
 * SQLite code so far; anything but SQLITE_OK stores nothing), free it, and
 * commit the transaction the caller began; on any failure roll it back and
 * say `what` in err. Then the previous counts are wiped from the journal.
 * Returns OV_OK or db_fail's code. */
static int store_and_commit(ov_tally *t, const char *meeting, key_list *l, int rc, const char *what,
                            char *err, size_t errlen)
{
    if (rc == SQLITE_OK) rc = store_meeting(t, meeting, l);
    free(l->items);
    l->items = NULL;
    if (rc == SQLITE_OK) rc = exec(t->db, "COMMIT");
    if (rc != SQLITE_OK) {
        int r = db_fail(t->db, rc, t->path, err, errlen, what);
        if (!sqlite3_get_autocommit(t->db)) exec(t->db, "ROLLBACK");
        return r;
    }
    scrub_journal(t); /* committed and durable: now wipe the previous counts from the journal */
    return OV_OK;
}

/* 1 when the meeting is closed, 0 when open or unknown, or a negative SQLite code. */
static int closed_flag(ov_tally *t, const char *meeting)
{
    if (t->version < 2) return 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(t->db, "SELECT closed FROM meetings WHERE meeting = ?1", -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    int closed = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) == 1 : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? closed : -(rc ? rc : SQLITE_ERROR);
}

/* Check the arguments of a vote; OV_OK or OV_EINVAL/OV_EPERM with a message
 * that never names the answer (it is someone's secret choice). */
static int check_vote(ov_tally *t, const char *meeting, const char *const *questions,
                      const char *const *answers, int n, char *err, size_t errlen)
{
    if (!t || !t->db)
        return ov_fail(err, errlen, OV_EINVAL, "the vote was not stored: the vote database is not open");
    if (t->readonly || !t->upsert)
        return ov_fail(err, errlen, OV_EPERM,
                       "the vote was not stored: the vote database %s was opened read-only", t->path);
    if (n < 0 || (n > 0 && (!questions || !answers)))
        return ov_fail(err, errlen, OV_EINVAL, "the vote was not stored: no questions or answers were given");
    if (!valid_id(meeting, MEETING_MAX))
        return ov_fail(err, errlen, OV_EINVAL,
                       "the vote was not stored: the meeting name must be 1 to %d bytes of "
                       "UTF-8 text without control characters; fix meeting= in the config",
                       MEETING_MAX);
    for (int i = 0; i < n; i++)
        if (!valid_id(questions[i], QID_MAX) || !valid_id(answers[i], QID_MAX))
            return ov_fail(err, errlen, OV_EINVAL,
                           "the vote was not stored: a question or answer id is empty, longer than "
                           "%d bytes, or not UTF-8 text; run ourvoice check-content on the questions folder",
                           QID_MAX);
    return OV_OK;
}

int ov_tally_add_set(ov_tally *t, const char *meeting, const char *const *questions,
                     const char *const *answers, int n, char *err, size_t errlen)
{
    return ov_tally_add_set_group(t, meeting, "", questions, answers, n, err, errlen);
}

int ov_tally_add_set_group(ov_tally *t, const char *meeting, const char *group, const char *const *questions,
                           const char *const *answers, int n, char *err, size_t errlen)
{
    int r = check_vote(t, meeting, questions, answers, n, err, errlen);
    if (r != OV_OK || n == 0) return r;
    if (!group) group = "";
    if (group[0] && !valid_id(group, QID_MAX))
        return ov_fail(err, errlen, OV_EINVAL,
                       "the vote was not stored: the group id is longer than %d bytes or "
                       "not UTF-8 text; run ourvoice check-content on the questions folder",
                       QID_MAX);
    key_list l = { 0 };
    int rc = exec(t->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return db_fail(t->db, rc, t->path, err, errlen, "the vote was not stored: cannot write");
    int closed = closed_flag(t, meeting);
    if (closed == 1) {
        exec(t->db, "ROLLBACK");
        return ov_fail(err, errlen, OV_EPERM,
                       "the vote was not stored: the meeting \"%s\" is closed; start a new "
                       "meeting (meeting= in the config) to take more votes",
                       meeting);
    }
    rc = closed < 0 ? -closed : load_meeting(t, meeting, &l);
    for (int i = 0; i < n && rc == SQLITE_OK; i++) {
        key_count *k = key_find_or_add_group(&l, group, questions[i], answers[i]);
        if (!k) rc = SQLITE_NOMEM;
        else k->count++;
    }
    return store_and_commit(t, meeting, &l, rc, "the vote was not stored: cannot save", err, errlen);
}

int ov_tally_add(ov_tally *t, const char *meeting, const char *question,
                 const char *answer, char *err, size_t errlen)
{
    const char *q[1] = { question }, *a[1] = { answer };
    if (!question || !answer)
        return ov_fail(err, errlen, OV_EINVAL, "the vote was not stored: no question or answer id was given");
    return ov_tally_add_set(t, meeting, q, a, 1, err, errlen);
}

int ov_tally_clear(ov_tally *t, const char *meeting, char *err, size_t errlen)
{
    if (!t || !t->db) return ov_fail(err, errlen, OV_EINVAL, "the vote database is not open");
    if (t->readonly)
        return ov_fail(err, errlen, OV_EPERM, "the vote database %s was opened read-only", t->path);
    if (meeting && !valid_id(meeting, MEETING_MAX))
        return ov_fail(err, errlen, OV_EINVAL,
                       "cannot clear: the meeting name is empty, too long or not UTF-8 text");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        t->db, meeting ? "DELETE FROM counts WHERE meeting = ?1" : "DELETE FROM counts", -1, &st, NULL);
    if (rc == SQLITE_OK && meeting) rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return db_fail(t->db, rc, t->path, err, errlen, "cannot clear the votes in");
    /* secure_delete zeroed the freed cells; the journal still has them. */
    scrub_journal(t);
    return OV_OK;
}

/* ---- meetings ---- */

/* 1 when s is YYYY-MM-DD (digits and dashes in place). */
static int valid_date(const char *s)
{
    if (!s || strlen(s) != DATE_LEN) return 0;
    for (int i = 0; i < DATE_LEN; i++)
        if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return 0;
    return 1;
}

/* Shared start of the meeting calls: open for writing, valid name. */
static int meeting_call_ok(ov_tally *t, const char *meeting, char *err, size_t errlen)
{
    if (!t || !t->db) return ov_fail(err, errlen, OV_EINVAL, "the vote database is not open");
    if (t->readonly)
        return ov_fail(err, errlen, OV_EPERM, "the vote database %s was opened read-only", t->path);
    if (!valid_id(meeting, MEETING_MAX))
        return ov_fail(err, errlen, OV_EINVAL,
                       "the meeting name must be 1 to %d bytes of UTF-8 text without control "
                       "characters; fix meeting= in the config",
                       MEETING_MAX);
    return OV_OK;
}

int ov_tally_meeting_open(ov_tally *t, const char *meeting, const char *start_date,
                          const char *const *questions, const char *const *answers, int n,
                          char *err, size_t errlen)
{
    int r = meeting_call_ok(t, meeting, err, errlen);
    if (r != OV_OK) return r;
    if (!valid_date(start_date))
        return ov_fail(err, errlen, OV_EINVAL, "the meeting's start date must look like 2025-05-03");
    if (n < 0 || (n > 0 && (!questions || !answers)))
        return ov_fail(err, errlen, OV_EINVAL, "ov_tally_meeting_open: no questions or answers were given");
    for (int i = 0; i < n; i++)
        if (!valid_id(questions[i], QID_MAX) || !valid_id(answers[i], QID_MAX))
            return ov_fail(err, errlen, OV_EINVAL,
                           "a question or answer id is empty, longer than %d bytes, or not "
                           "UTF-8 text; run ourvoice check-content on the questions folder",
                           QID_MAX);
    int rc = exec(t->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return db_fail(t->db, rc, t->path, err, errlen, "cannot write");
    int closed = closed_flag(t, meeting);
    if (closed == 1) {
        exec(t->db, "ROLLBACK");
        return ov_fail(err, errlen, OV_EPERM,
                       "the meeting \"%s\" is closed and takes no more votes; choose a new "
                       "meeting name",
                       meeting);
    }
    sqlite3_stmt *st = NULL;
    rc = closed < 0 ? -closed
                    : sqlite3_prepare_v2(t->db,
                                         "INSERT INTO meetings (meeting, start_date, closed)"
                                         " VALUES (?1, ?2, 0) ON CONFLICT DO NOTHING",
                                         -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 2, start_date, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(t->db);
    sqlite3_finalize(st);
    /* Every count of the meeting exists from the start, laid out in key order. */
    key_list l = { 0 };
    if (rc == SQLITE_OK) rc = load_meeting(t, meeting, &l);
    for (int i = 0; i < n && rc == SQLITE_OK; i++)
        if (!key_find_or_add(&l, questions[i], answers[i])) rc = SQLITE_NOMEM;
    return store_and_commit(t, meeting, &l, rc, "cannot open the meeting in", err, errlen);
}

int ov_tally_meeting_close(ov_tally *t, const char *meeting, char *err, size_t errlen)
{
    int r = meeting_call_ok(t, meeting, err, errlen);
    if (r != OV_OK) return r;
    sqlite3_stmt *st = NULL;
    /* A meeting that was never opened (older kiosks) closes with an unknown start date. */
    int rc = sqlite3_prepare_v2(t->db, "INSERT INTO meetings (meeting, start_date, closed) VALUES (?1, '', 1)"
                                       " ON CONFLICT (meeting) DO UPDATE SET closed = 1", -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return db_fail(t->db, rc, t->path, err, errlen, "cannot close the meeting in");
    scrub_journal(t);
    return OV_OK;
}

int ov_tally_meeting_is_closed(ov_tally *t, const char *meeting)
{
    if (!t || !t->db || !meeting) return OV_EINVAL;
    int c = closed_flag(t, meeting);
    return c < 0 ? ov_code(-c, 0) : c;
}

int ov_tally_meeting_start(ov_tally *t, const char *meeting, char *out, size_t outlen)
{
    if (!t || !t->db || !meeting || !out || outlen == 0) return OV_EINVAL;
    out[0] = '\0';
    if (t->version < 2) return OV_ENOTFOUND;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(t->db, "SELECT start_date FROM meetings WHERE meeting = ?1", -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const unsigned char *d = sqlite3_column_text(st, 0);
        ov_strlcpy(out, d ? (const char *)d : "", outlen);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW) return OV_OK;
    return rc == SQLITE_DONE ? OV_ENOTFOUND : OV_EIO;
}

/* ---- read ---- */

/* Grow *rows to hold at least need rows. Returns OV_OK or OV_ENOMEM. */
static int grow_rows(ov_tally_row **rows, int *cap, int need)
{
    if (need <= *cap) return OV_OK;
    int cap2 = *cap ? *cap : ROWS_FIRST_CAP;
    while (cap2 < need) {
        if (cap2 > ROWS_MAX) return OV_ENOMEM;
        cap2 *= 2;
    }
    ov_tally_row *grown = realloc(*rows, (size_t)cap2 * sizeof *grown);
    if (!grown) return OV_ENOMEM;
    *rows = grown;
    *cap = cap2;
    return OV_OK;
}

static void fill_row(sqlite3_stmt *st, ov_tally_row *row)
{
    memset(row, 0, sizeof *row);
    const unsigned char *m = sqlite3_column_text(st, 0), *q = sqlite3_column_text(st, 1),
                        *a = sqlite3_column_text(st, 2);
    ov_strlcpy(row->meeting, m ? (const char *)m : "", sizeof row->meeting);
    ov_strlcpy(row->question, q ? (const char *)q : "", sizeof row->question);
    ov_strlcpy(row->answer, a ? (const char *)a : "", sizeof row->answer);
    row->count = (long)sqlite3_column_int64(st, 3);
    const unsigned char *g = sqlite3_column_text(st, 4);
    ov_strlcpy(row->group, g ? (const char *)g : "", sizeof row->group);
}

int ov_tally_read_all(ov_tally *t, const char *meeting, ov_tally_row **rows_out, int *n_out)
{
    if (!t || !t->db || !rows_out || !n_out) return OV_EINVAL;
    *rows_out = NULL;
    *n_out = 0;
    sqlite3_stmt *st = NULL;
    /* Counts of 0 (announced by ov_tally_meeting_open, nobody chose them yet) are not votes. */
    /* A read-only version 1-2 file was not upgraded: its counts have no group. */
    const char *grp = t->version >= SCHEMA_GROUPS ? "grp" : "''";
    char sql[SELECT_SQL_LEN];
    snprintf(sql, sizeof sql, "SELECT meeting, question, answer, count, %s FROM counts WHERE %scount > 0"
             " ORDER BY meeting, question, answer, 5", grp, meeting ? "meeting = ?1 AND " : "");
    int rc = sqlite3_prepare_v2(t->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && meeting) rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    ov_tally_row *rows = NULL;
    int n = 0, cap = 0, r = OV_OK;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        r = grow_rows(&rows, &cap, n + 1);
        if (r != OV_OK) break;
        fill_row(st, &rows[n++]);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (r == OV_OK && rc != SQLITE_DONE) {
        ov_log_error("cannot read the votes from %s: %s", t->path, sqlite3_errstr(rc));
        r = ov_code(rc, 0) ? ov_code(rc, 0) : OV_EIO;
    }
    if (r != OV_OK) {
        free(rows);
        return r;
    }
    *rows_out = rows;
    *n_out = n;
    return OV_OK;
}

int ov_tally_read(ov_tally *t, const char *meeting, ov_tally_row *rows, int max)
{
    if (!t || !t->db || max < 0 || (max > 0 && !rows)) return OV_EINVAL;
    ov_tally_row *all = NULL;
    int n = 0;
    int r = ov_tally_read_all(t, meeting, &all, &n);
    if (r != OV_OK) return r;
    if (n > 0) memcpy(rows, all, (size_t)(n < max ? n : max) * sizeof *rows);
    free(all);
    return n;
}

int ov_tally_meeting_names(ov_tally *t, int closed_only, char (**names_out)[OV_MEETING_LEN], int *n_out)
{
    if (!t || !t->db || !names_out || !n_out) return OV_EINVAL;
    *names_out = NULL;
    *n_out = 0;
    if (closed_only && t->version < 2) return OV_OK;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(t->db,
                                closed_only
                                    ? "SELECT meeting FROM meetings WHERE closed = 1 ORDER BY meeting"
                                    : "SELECT DISTINCT meeting FROM counts WHERE count > 0 ORDER BY meeting",
                                -1, &st, NULL);
    char (*names)[OV_MEETING_LEN] = NULL;
    int n = 0, cap = 0, r = OV_OK;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            int cap2 = cap ? cap * 2 : MEETINGS_FIRST_CAP;
            void *grown = realloc(names, (size_t)cap2 * OV_MEETING_LEN);
            if (!grown) {
                r = OV_ENOMEM;
                break;
            }
            names = grown;
            cap = cap2;
        }
        const unsigned char *m = sqlite3_column_text(st, 0);
        ov_strlcpy(names[n++], m ? (const char *)m : "", OV_MEETING_LEN);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (r == OV_OK && rc != SQLITE_DONE) r = ov_code(rc, 0) ? ov_code(rc, 0) : OV_EIO;
    if (r != OV_OK) {
        free(names);
        return r;
    }
    *names_out = names;
    *n_out = n;
    return OV_OK;
}

int ov_tally_meetings(ov_tally *t, char (*names)[OV_MEETING_LEN], int max)
{
    if (!t || !t->db || max < 0 || (max > 0 && !names)) return OV_EINVAL;
    char (*all)[OV_MEETING_LEN] = NULL;
    int n = 0;
    int r = ov_tally_meeting_names(t, 0, &all, &n);
    if (r != OV_OK) return r;
    if (n > 0) memcpy(names, all, (size_t)(n < max ? n : max) * OV_MEETING_LEN);
    free(all);
    return n;
}

int ov_tally_setting(ov_tally *t, const char *name, char *out, size_t outlen)
{
    static const char *const allowed[] = { "journal_mode",       "synchronous",  "user_version",
                                           "secure_delete",      "busy_timeout", "wal_autocheckpoint",
                                           "journal_size_limit", "temp_store" };
    if (!t || !t->db || !name || !out || outlen == 0) return OV_EINVAL;
    size_t i = 0;
    while (i < OV_ARRAY_LEN(allowed) && strcmp(allowed[i], name) != 0) i++;
    if (i == OV_ARRAY_LEN(allowed)) return OV_EINVAL;
    char sql[PRAGMA_SQL_LEN];
    snprintf(sql, sizeof sql, "PRAGMA %s", allowed[i]);
    int rc = query_text(t->db, sql, out, outlen);
    return rc == SQLITE_OK ? OV_OK : OV_EIO;
}

const char *ov_tally_path(const ov_tally *t)
{
    return t ? t->path : "";
}

struct sqlite3 *ov_tally_db(ov_tally *t, int *readonly)
{
    if (readonly) *readonly = t ? t->readonly : 1;
    return t ? t->db : NULL;
}

int ov_tally_scrub(ov_tally *t) { return t && t->db && !t->readonly ? scrub_journal(t) : OV_EINVAL; }

void ov_tally_close(ov_tally *t)
{
    if (!t) return;
    sqlite3_finalize(t->upsert);
    if (t->db && sqlite3_close(t->db) != SQLITE_OK)
        ov_log_warn("closing the vote database %s: %s", t->path, sqlite3_errmsg(t->db));
    /* Reads since the last commit gave the files a real access time. */
    if (t->db && !t->readonly) {
        set_neutral_time(t->journal);
        set_neutral_time(t->path);
        set_neutral_time(t->dir);
    }
    free(t);
}
