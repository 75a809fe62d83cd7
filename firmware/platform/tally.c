/* tally.c — the durable, anonymous vote store: DATA_DIR/tallies.sqlite.
 * This is the only file in OurVoice that calls SQLite.
 *
 * What is stored: one table of counts, (meeting, question, answer) -> count,
 * WITHOUT ROWID so rows live in key order, never in arrival order. No row per
 * vote, no time, no link between one member's answers.
 *
 * Durability: WAL with synchronous=FULL; ov_tally_add returns OV_OK only after
 * COMMIT returned SQLITE_OK (the WAL is then fsync'd: a power cut keeps it).
 *
 * Order privacy — what SQLite could otherwise leak, and what we do about it:
 *  - The WAL keeps every changed page, in commit order, until a checkpoint
 *    restarts it. We checkpoint after every commit (wal_autocheckpoint=1) and
 *    truncate the WAL when it restarts (journal_size_limit=0), so it only
 *    ever holds the pages of the latest transaction, which equal the pages in
 *    the database file.
 *  - Inside a b-tree page, a new cell is placed in free space, so the byte
 *    layout of a page tells which (question, answer) got its first vote
 *    first. A count whose stored size grows (1 -> 2, 127 -> 128, ...) also
 *    moves. Same-size updates are written in place. So after any commit that
 *    changed a cell's size, and on every read-write open (to heal a crash
 *    between the two), we VACUUM: the file is rebuilt in key order and its
 *    bytes depend only on the counts (tests/test_tally.c checks this).
 *  - secure_delete=ON zeroes freed cells and pages; temp_store=MEMORY keeps
 *    VACUUM's copy off the disk.
 * What remains: while another connection reads (e.g. `ourvoice results`
 * during voting) a checkpoint cannot restart the WAL, so for that time the WAL
 * holds the pages of several commits in order, until the next checkpoint that
 * can restart it or the last close (which deletes the WAL). The flash card's
 * own wear levelling and the filesystem journal may keep old blocks; only
 * full-disk encryption or destroying the card removes those. */
#include "platform/tally.h"
#include "base/utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SCHEMA_VERSION 1
#define QID_MAX 31      /* bytes, so ids fit ov_tally_row.question/answer */
#define MEETING_MAX (OV_MEETING_LEN - 1)
#define BUSY_TIMEOUT_MS 5000
#define FIX_DIR "Choose a data folder the kiosk can write with --data DIR or data_dir= in the config."

struct ov_tally {
    sqlite3 *db;
    sqlite3_stmt *upsert;
    int readonly;
    char path[OV_PATH_MAX];
};

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
    if (sys == ENOSPC || sys == EDQUOT) { rc = SQLITE_FULL; why = strerror(sys); }
    else if ((rc & 0xff) == SQLITE_IOERR && sys != 0) why = strerror(sys);
    switch (rc & 0xff) {
    case SQLITE_FULL:
        fix = "The disk is full: free some space, or choose another data folder with --data DIR or data_dir= in the config.";
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
            return ov_fail(err, errlen, OV_EIO, "cannot create the data folder %s: %s. %s", p, strerror(e), FIX_DIR);
        }
        if (!S_ISDIR(st.st_mode))
            return ov_fail(err, errlen, OV_EINVAL, "cannot create the data folder %s: %s is a file, not a folder. %s",
                           dir, p, FIX_DIR);
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
        return ov_fail(err, errlen, OV_EINVAL,
                       "the vote database %s was written by a newer OurVoice (its version is %d, this one knows %d). "
                       "It was not changed. Update OurVoice, or choose another data folder with --data DIR.",
                       t->path, *version, SCHEMA_VERSION);
    if (*version < 0)
        return ov_fail(err, errlen, OV_EIO, "%s is not an OurVoice vote database (version %d). It was not changed. "
                       "Move it away, or choose another data folder with --data DIR.", t->path, *version);
    return OV_OK;
}

/* Refuse a damaged file: we never write over something that may hold votes. */
static int check_intact(ov_tally *t, char *err, size_t errlen)
{
    char res[200];
    int rc = query_text(t->db, "PRAGMA quick_check", res, sizeof res);
    if (rc != SQLITE_OK) return db_fail(t->db, rc, t->path, err, errlen, "cannot check the vote database");
    if (strcmp(res, "ok") != 0)
        return ov_fail(err, errlen, OV_EIO, "the vote database %s is damaged (%s). It was not changed, because it may "
                       "hold votes. Keep a copy and move it away, or choose another data folder with --data DIR.",
                       t->path, res);
    return OV_OK;
}

static int foreign(ov_tally *t, char *err, size_t errlen)
{
    return ov_fail(err, errlen, OV_EINVAL, "%s is an SQLite database of another program, not OurVoice votes. "
                   "It was not changed. Move it away, or choose another data folder with --data DIR.", t->path);
}

/* 1 when a version-0 file already has tables (so it is not ours), 0 when
 * empty, negative on error. */
static int has_tables(ov_tally *t, char *err, size_t errlen)
{
    char n[32];
    int rc = query_text(t->db, "SELECT count(*) FROM sqlite_schema", n, sizeof n);
    if (rc != SQLITE_OK) return db_fail(t->db, rc, t->path, err, errlen, "cannot read the vote database");
    return atoi(n) != 0;
}

/* A version-0 file is empty (new) or belongs to another program. */
static int create_schema(ov_tally *t, char *err, size_t errlen)
{
    int rc = exec(t->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return db_fail(t->db, rc, t->path, err, errlen, "cannot write the vote database");
    /* Checked before, but another kiosk process may have created it meanwhile. */
    char v[32], n[32];
    int newer;
    rc = query_text(t->db, "PRAGMA user_version", v, sizeof v);
    if (rc == SQLITE_OK) rc = query_text(t->db, "SELECT count(*) FROM sqlite_schema", n, sizeof n);
    if (rc != SQLITE_OK) { exec(t->db, "ROLLBACK"); return db_fail(t->db, rc, t->path, err, errlen, "cannot read the vote database"); }
    if (atoi(v) == SCHEMA_VERSION) { exec(t->db, "ROLLBACK"); return OV_OK; }
    if (atoi(v) != 0 || atoi(n) != 0) {
        exec(t->db, "ROLLBACK");
        return atoi(v) > SCHEMA_VERSION ? read_version(t, &newer, err, errlen) : foreign(t, err, errlen);
    }
    rc = exec(t->db,
              "CREATE TABLE counts ("
              " meeting TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL,"
              " count INTEGER NOT NULL CHECK (count >= 0),"
              " PRIMARY KEY (meeting, question, answer)) WITHOUT ROWID;"
              "PRAGMA user_version = 1;");
    if (rc == SQLITE_OK) rc = exec(t->db, "COMMIT");
    if (rc != SQLITE_OK) {
        int r = db_fail(t->db, rc, t->path, err, errlen, "cannot create the vote database");
        exec(t->db, "ROLLBACK");
        return r;
    }
    return OV_OK;
}

/* Open the SQLite file of t->path, check it, set it up. Returns OV_OK, or a
 * negative code with err filled and t->db closed. */
static int db_connect(ov_tally *t, const char *dir, char *err, size_t errlen)
{
    int r;
    struct stat st;
    int flags = t->readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(t->path, &t->db, flags, NULL);
    if (rc != SQLITE_OK) {
        r = db_fail(t->db, rc, t->path, err, errlen, t->readonly ? "cannot open" : "cannot create");
        goto fail;
    }
    sqlite3_busy_timeout(t->db, BUSY_TIMEOUT_MS);
    /* Look before writing anything, in one read transaction (one snapshot). */
    int version = 0;
    rc = exec(t->db, "BEGIN");
    if (rc != SQLITE_OK) { r = db_fail(t->db, rc, t->path, err, errlen, "cannot read the vote database"); goto fail; }
    r = read_version(t, &version, err, errlen);       /* first read: a garbage file fails here */
    if (r == OV_OK && stat(t->path, &st) == 0 && st.st_size > 0) r = check_intact(t, err, errlen);
    if (r == OV_OK && version == 0) {
        r = has_tables(t, err, errlen);
        if (r > 0) r = foreign(t, err, errlen);
    }
    exec(t->db, "COMMIT");
    if (r != OV_OK) goto fail;
    if (t->readonly) {
        if (version == 0) {
            r = ov_fail(err, errlen, OV_ENOTFOUND, "the vote database %s is empty: no votes have been stored yet.", t->path);
            goto fail;
        }
    } else {
        char mode[16];
        rc = query_text(t->db, "PRAGMA journal_mode=WAL", mode, sizeof mode);
        if (rc != SQLITE_OK) { r = db_fail(t->db, rc, t->path, err, errlen, "cannot set up the vote database"); goto fail; }
        if (strcmp(mode, "wal") != 0) {
            r = ov_fail(err, errlen, OV_EIO, "cannot use safe (WAL) mode for %s (got '%s'). %s", t->path, mode, FIX_DIR);
            goto fail;
        }
        rc = exec(t->db, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA journal_size_limit=0;"
                         " PRAGMA temp_store=MEMORY;");
        if (rc == SQLITE_OK) rc = sqlite3_wal_autocheckpoint(t->db, 1);
        if (rc != SQLITE_OK) { r = db_fail(t->db, rc, t->path, err, errlen, "cannot set up the vote database"); goto fail; }
        if (version == 0) {
            r = create_schema(t, err, errlen);
            if (r != OV_OK) goto fail;
            sync_dir(dir);     /* the new file's name itself must survive a power cut */
        }
    }
    rc = sqlite3_prepare_v2(t->db, "SELECT meeting, question, answer, count FROM counts LIMIT 0", -1, &t->upsert, NULL);
    sqlite3_finalize(t->upsert);
    t->upsert = NULL;
    if (rc != SQLITE_OK) {
        r = ov_fail(err, errlen, OV_EIO, "%s says it is an OurVoice vote database but has no counts table (%s). "
                    "It was not changed. Move it away, or choose another data folder with --data DIR.",
                    t->path, sqlite3_errmsg(t->db));
        goto fail;
    }
    if (!t->readonly) {
        rc = sqlite3_prepare_v2(t->db,
                                "INSERT INTO counts (meeting, question, answer, count) VALUES (?1, ?2, ?3, 1)"
                                " ON CONFLICT (meeting, question, answer) DO UPDATE SET count = count + 1"
                                " RETURNING count", -1, &t->upsert, NULL);
        if (rc != SQLITE_OK) { r = db_fail(t->db, rc, t->path, err, errlen, "cannot prepare the vote database"); goto fail; }
        /* Heal a crash between a commit and its VACUUM (see the top of the file). */
        rc = exec(t->db, "VACUUM");
        if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY)
            ov_log_warn("could not tidy the vote database %s: %s", t->path, sqlite3_errmsg(t->db));
    }
    return OV_OK;
fail:
    sqlite3_finalize(t->upsert);
    t->upsert = NULL;
    sqlite3_close(t->db);
    t->db = NULL;
    return r;
}

/* Shared by both opens: check the folder, then connect. */
static int open_common(const char *data_dir, int readonly, ov_tally **out, char *err, size_t errlen)
{
    *out = NULL;
    ov_tally *t = calloc(1, sizeof *t);
    if (!t) return ov_fail(err, errlen, OV_ENOMEM, "out of memory opening the vote database");
    int r = build_path(data_dir, t->path, sizeof t->path, err, errlen);
    if (r != OV_OK) goto out;
    t->readonly = readonly;
    struct stat st;
    if (readonly) {
        if (stat(t->path, &st) != 0) {
            int e = errno;
            if (e == ENOENT || e == ENOTDIR)
                r = ov_fail(err, errlen, OV_ENOTFOUND, "there is no vote database in %s (%s does not exist). Votes are stored "
                            "there once the kiosk has counted one; check --data DIR or data_dir= in the config.",
                            data_dir, t->path);
            else
                r = ov_fail(err, errlen, e == EACCES ? OV_EPERM : OV_EIO, "cannot read the vote database %s: %s. "
                            "Run this as the kiosk's user, or check --data DIR.", t->path, strerror(e));
            goto out;
        }
    } else {
        r = make_dirs(data_dir, err, errlen);
        if (r != OV_OK) goto out;
        if (access(data_dir, W_OK | X_OK) != 0) {
            int e = errno;
            r = ov_fail(err, errlen, OV_EPERM, "cannot write in the data folder %s: %s. %s", data_dir, strerror(e), FIX_DIR);
            goto out;
        }
    }
    if (stat(t->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        r = ov_fail(err, errlen, OV_EINVAL, "%s is not a file (a folder?). Move it away, or choose another data folder "
                    "with --data DIR or data_dir= in the config.", t->path);
        goto out;
    }
    if (!readonly && stat(t->path, &st) == 0 && access(t->path, R_OK | W_OK) != 0) {
        int e = errno;
        r = ov_fail(err, errlen, OV_EPERM, "cannot write the vote database %s: %s. Let the kiosk's user write it, or %s",
                    t->path, strerror(e), "choose another data folder with --data DIR or data_dir= in the config.");
        goto out;
    }

    /* Another kiosk process opening or creating the same file at the same
     * moment can make a step report "busy" without waiting: try again. */
    uint64_t start = ov_now_ms();
    while ((r = db_connect(t, data_dir, err, errlen)) == OV_EBUSY && ov_now_ms() - start < BUSY_TIMEOUT_MS)
        usleep(20000);
    if (r != OV_OK) goto out;
    r = OV_OK;
out:
    if (r != OV_OK) { ov_tally_close(t); return r; }
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

/* ---- write ---- */

/* 1 when a count reaching n is stored in a different number of bytes than
 * n - 1 (SQLite's record format), i.e. its cell moved inside the page. */
static int size_changed(sqlite3_int64 n)
{
    return n == 1 || n == 2 || n == 128 || n == 32768 || n == 8388608 ||
           n == 2147483648LL || n == 140737488355328LL;
}

int ov_tally_add_set(ov_tally *t, const char *meeting, const char *const *questions,
                     const char *const *answers, int n, char *err, size_t errlen)
{
    if (!t || !t->db) return ov_fail(err, errlen, OV_EINVAL, "the vote was not stored: the vote database is not open");
    if (t->readonly || !t->upsert)
        return ov_fail(err, errlen, OV_EPERM, "the vote was not stored: the vote database %s was opened read-only", t->path);
    if (n < 0 || (n > 0 && (!questions || !answers)))
        return ov_fail(err, errlen, OV_EINVAL, "the vote was not stored: no questions or answers were given");
    if (!valid_id(meeting, MEETING_MAX))
        return ov_fail(err, errlen, OV_EINVAL, "the vote was not stored: the meeting name must be 1 to %d bytes of "
                       "UTF-8 text without control characters; fix meeting= in the config", MEETING_MAX);
    /* Never name the answer in a message: it is someone's secret choice. */
    for (int i = 0; i < n; i++)
        if (!valid_id(questions[i], QID_MAX) || !valid_id(answers[i], QID_MAX))
            return ov_fail(err, errlen, OV_EINVAL, "the vote was not stored: a question or answer id is empty, longer than "
                           "%d bytes, or not UTF-8 text; run ourvoice check-content on the questions folder", QID_MAX);
    if (n == 0) return OV_OK;

    int need_vacuum = 0, r;
    int rc = exec(t->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return db_fail(t->db, rc, t->path, err, errlen, "the vote was not stored: cannot write");
    for (int i = 0; i < n; i++) {
        sqlite3_reset(t->upsert);
        sqlite3_bind_text(t->upsert, 1, meeting, -1, SQLITE_STATIC);
        sqlite3_bind_text(t->upsert, 2, questions[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(t->upsert, 3, answers[i], -1, SQLITE_STATIC);
        rc = sqlite3_step(t->upsert);
        if (rc == SQLITE_ROW) {
            if (size_changed(sqlite3_column_int64(t->upsert, 0))) need_vacuum = 1;
            rc = sqlite3_step(t->upsert);
        }
        if (rc != SQLITE_DONE) {
            r = db_fail(t->db, rc, t->path, err, errlen, "the vote was not stored: cannot write");
            goto fail;
        }
    }
    sqlite3_reset(t->upsert);
    sqlite3_clear_bindings(t->upsert);
    rc = exec(t->db, "COMMIT");
    if (rc != SQLITE_OK) {
        r = db_fail(t->db, rc, t->path, err, errlen, "the vote was not stored: cannot save");
        goto fail;
    }
    /* Committed and durable. Now make the layout forget the order (see top). */
    if (need_vacuum && exec(t->db, "VACUUM") != SQLITE_OK)
        ov_log_warn("could not tidy the vote database %s (%s); the vote is stored, and it is tidied at the next start",
                    t->path, sqlite3_errmsg(t->db));
    return OV_OK;
fail:
    sqlite3_reset(t->upsert);
    sqlite3_clear_bindings(t->upsert);
    if (!sqlite3_get_autocommit(t->db)) exec(t->db, "ROLLBACK");
    return r;
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
    if (t->readonly) return ov_fail(err, errlen, OV_EPERM, "the vote database %s was opened read-only", t->path);
    if (meeting && !valid_id(meeting, MEETING_MAX))
        return ov_fail(err, errlen, OV_EINVAL, "cannot clear: the meeting name is empty, too long or not UTF-8 text");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(t->db, meeting ? "DELETE FROM counts WHERE meeting = ?1" : "DELETE FROM counts",
                                -1, &st, NULL);
    if (rc == SQLITE_OK && meeting) rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return db_fail(t->db, rc, t->path, err, errlen, "cannot clear the votes in");
    /* Rebuild the file so freed pages and cells keep nothing (see top). */
    if (exec(t->db, "VACUUM") != SQLITE_OK)
        ov_log_warn("the votes were cleared, but %s could not be tidied (%s); it is tidied at the next start",
                    t->path, sqlite3_errmsg(t->db));
    return OV_OK;
}

/* ---- read ---- */

int ov_tally_read(ov_tally *t, const char *meeting, ov_tally_row *rows, int max)
{
    if (!t || !t->db || max < 0 || (max > 0 && !rows)) return OV_EINVAL;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(t->db,
                                meeting ? "SELECT meeting, question, answer, count FROM counts WHERE meeting = ?1"
                                          " ORDER BY meeting, question, answer"
                                        : "SELECT meeting, question, answer, count FROM counts"
                                          " ORDER BY meeting, question, answer", -1, &st, NULL);
    if (rc == SQLITE_OK && meeting) rc = sqlite3_bind_text(st, 1, meeting, -1, SQLITE_STATIC);
    int n = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n < max) {
            ov_tally_row *row = &rows[n];
            const unsigned char *m = sqlite3_column_text(st, 0), *q = sqlite3_column_text(st, 1),
                                *a = sqlite3_column_text(st, 2);
            ov_strlcpy(row->meeting, m ? (const char *)m : "", sizeof row->meeting);
            ov_strlcpy(row->question, q ? (const char *)q : "", sizeof row->question);
            ov_strlcpy(row->answer, a ? (const char *)a : "", sizeof row->answer);
            row->count = (long)sqlite3_column_int64(st, 3);
        }
        n++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        ov_log_error("cannot read the votes from %s: %s", t->path, sqlite3_errstr(rc));
        return ov_code(rc, 0) ? ov_code(rc, 0) : OV_EIO;
    }
    return n;
}

int ov_tally_meetings(ov_tally *t, char (*names)[OV_MEETING_LEN], int max)
{
    if (!t || !t->db || max < 0 || (max > 0 && !names)) return OV_EINVAL;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(t->db, "SELECT DISTINCT meeting FROM counts ORDER BY meeting", -1, &st, NULL);
    int n = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n < max) {
            const unsigned char *m = sqlite3_column_text(st, 0);
            ov_strlcpy(names[n], m ? (const char *)m : "", OV_MEETING_LEN);
        }
        n++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        ov_log_error("cannot read the meetings from %s: %s", t->path, sqlite3_errstr(rc));
        return ov_code(rc, 0) ? ov_code(rc, 0) : OV_EIO;
    }
    return n;
}

int ov_tally_setting(ov_tally *t, const char *name, char *out, size_t outlen)
{
    static const char *const allowed[] = { "journal_mode", "synchronous", "user_version", "secure_delete",
                                           "busy_timeout", "wal_autocheckpoint", "journal_size_limit", "temp_store" };
    if (!t || !t->db || !name || !out || outlen == 0) return OV_EINVAL;
    size_t i = 0;
    while (i < OV_ARRAY_LEN(allowed) && strcmp(allowed[i], name) != 0) i++;
    if (i == OV_ARRAY_LEN(allowed)) return OV_EINVAL;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA %s", allowed[i]);
    int rc = query_text(t->db, sql, out, outlen);
    return rc == SQLITE_OK ? OV_OK : OV_EIO;
}

const char *ov_tally_path(const ov_tally *t)
{
    return t ? t->path : "";
}

void ov_tally_close(ov_tally *t)
{
    if (!t) return;
    sqlite3_finalize(t->upsert);
    /* The last close checkpoints and deletes the WAL and shared-memory files. */
    if (t->db && sqlite3_close(t->db) != SQLITE_OK)
        ov_log_warn("closing the vote database %s: %s", t->path, sqlite3_errmsg(t->db));
    free(t);
}
