/* tally.h — durable, anonymous vote counts (with tally_plan.h, the only module
 * that uses SQLite).
 *
 * Stores counts only: (meeting, group, question, answer) -> number, and per meeting
 * its start date (a day) and whether it is closed. No row per vote, no time
 * of a vote, nothing that keeps the order of votes, no link between one
 * person's answers — neither in the file nor in what the file leaves on the
 * card (see tally.c and docs/privacy.md). The database is
 * DATA_DIR/tallies.sqlite with a rollback journal and synchronous=FULL: when
 * ov_tally_add returns OV_OK the vote survives a power cut. The schema is
 * versioned with PRAGMA user_version (3: counts have a group, "" when
 * none was said; version 1 and 2 files are upgraded when opened for
 * writing). */
#ifndef OV_TALLY_H
#define OV_TALLY_H

#include "base/ov_common.h"
#include "model/counts.h"

typedef struct ov_tally ov_tally;

/* Open (creating if needed) DATA_DIR/tallies.sqlite; DATA_DIR is created too.
 * Returns OV_OK and *out, or a negative code with a fix-it message in err
 * (e.g. "cannot write to /x: permission denied; choose another --data folder"). */
int ov_tally_open(const char *data_dir, ov_tally **out, char *err, size_t errlen);

/* Add one vote: count(meeting, question, answer) += 1, committed durably
 * before returning (ov_tally_add_set with n = 1). Returns OV_OK only after
 * the commit has returned; otherwise a negative code with err (never naming
 * the answer), and the vote is not counted: OV_EINVAL (store not open, a bad
 * meeting name or id), OV_EPERM (meeting closed, or store read-only), or the
 * database's code. */
int ov_tally_add(ov_tally *t, const char *meeting, const char *question,
                 const char *answer, char *err, size_t errlen);

/* Add one vote for each of n (question, answer) pairs of one member, all in
 * one transaction: either every vote is stored and committed, or none is.
 * Every count of the meeting is rewritten, so the bytes written do not depend
 * on the answers. Returns OV_OK only after the commit has returned (n = 0:
 * OV_OK, nothing written); otherwise nothing is stored and the returns are
 * those of ov_tally_add. */
int ov_tally_add_set(ov_tally *t, const char *meeting, const char *const *questions,
                     const char *const *answers, int n, char *err, size_t errlen);

/* The same for a member who said which group they belong to ("who are you
 * today?"): the counts of (meeting, group, question, answer) go up. group ""
 * (or NULL) is "not said". Only the per-group counts are kept: nothing links
 * the group to a person beyond them. Same returns as ov_tally_add_set;
 * OV_EINVAL for a bad group id. */
int ov_tally_add_set_group(ov_tally *t, const char *meeting, const char *group, const char *const *questions,
                           const char *const *answers, int n, char *err, size_t errlen);

/* THE reader: every count above 0 (sorted by meeting, question, answer) of
 * one meeting, or of all (meeting == NULL), in a malloc'd array the caller
 * frees. No limit but memory. Returns OV_OK with *rows (NULL when none) and
 * *n, or a negative code (OV_ENOMEM, OV_EIO...). */
int ov_tally_read_all(ov_tally *t, const char *meeting, ov_tally_row **rows, int *n);

/* Fixed-size reader over ov_tally_read_all (the tests use it): copies the
 * first max rows, returns the full number of rows (may exceed max) or a
 * negative code (OV_EINVAL for bad arguments). */
int ov_tally_read(ov_tally *t, const char *meeting, ov_tally_row *rows, int max);

/* Names of meetings, sorted, in a malloc'd array the caller frees: with
 * closed_only 0 the meetings that have votes, with 1 the closed meetings
 * (with votes or not; none in a version 1 file). Returns OV_OK with *names
 * (NULL when none) and *n, or a negative code (OV_EINVAL, OV_ENOMEM, OV_EIO...). */
int ov_tally_meeting_names(ov_tally *t, int closed_only, char (**names)[OV_MEETING_LEN], int *n);

/* Names of meetings that have votes, sorted, into names[0..max) (the tests use
 * it). Returns the full number (may exceed max) or a negative code. */
int ov_tally_meetings(ov_tally *t, char (*names)[OV_MEETING_LEN], int max);

/* Start (or continue) a meeting: records its start date (YYYY-MM-DD, the day
 * the meeting starts; kept from the first call) and creates a count of 0 for
 * each of the n (question, answer) pairs — every answer of every question the
 * content offers — laid out in key order, so no later vote changes where a
 * count lives in the file. Returns OV_OK; OV_EPERM when the meeting is
 * closed or the store read-only; OV_EINVAL for a bad name, date or id (or
 * the store not open); another negative code when the database cannot be
 * written; err says why. */
int ov_tally_meeting_open(ov_tally *t, const char *meeting, const char *start_date,
                          const char *const *questions, const char *const *answers, int n,
                          char *err, size_t errlen);

/* Close a meeting: it takes no more votes (ov_tally_add returns OV_EPERM) and
 * may be exported. Closing twice is fine. Returns OV_OK, or with err OV_EINVAL
 * (store not open, bad name), OV_EPERM (read-only) or the database's code. */
int ov_tally_meeting_close(ov_tally *t, const char *meeting, char *err, size_t errlen);

/* 1 when the meeting is closed, 0 when it is open or unknown, negative on error. */
int ov_tally_meeting_is_closed(ov_tally *t, const char *meeting);

/* The start date given to ov_tally_meeting_open into out ("" when the meeting
 * was closed without being opened). Returns OV_OK, OV_ENOTFOUND (no such
 * meeting, or a version 1 file: out = ""), OV_EINVAL (bad arguments) or
 * OV_EIO. */
int ov_tally_meeting_start(ov_tally *t, const char *meeting, char *out, size_t outlen);

/* Remove all counts of one meeting (NULL: of every meeting); whether a
 * meeting is closed, and its start date, are kept. Returns OV_OK, or with
 * err OV_EINVAL (store not open, bad name), OV_EPERM (read-only) or the
 * database's code. */
int ov_tally_clear(ov_tally *t, const char *meeting, char *err, size_t errlen);

/* Open an existing DATA_DIR/tallies.sqlite read-only (for `ourvoice results`
 * and exports): creates nothing, never writes. Returns OV_OK and *out;
 * OV_ENOTFOUND when there is no database (or it holds no votes table yet);
 * another negative code with a fix-it message in err when it cannot be read,
 * is damaged or is of a newer version. ov_tally_add/clear on it return OV_EPERM. */
int ov_tally_open_existing(const char *data_dir, ov_tally **out, char *err, size_t errlen);

/* Read one SQLite setting of this connection as text (for tests and the
 * facilitator's diagnostics): name is one of journal_mode, synchronous,
 * user_version, secure_delete, busy_timeout, wal_autocheckpoint,
 * journal_size_limit, temp_store. Returns OV_OK, OV_EINVAL (other name) or OV_EIO. */
int ov_tally_setting(ov_tally *t, const char *name, char *out, size_t outlen);

/* The database file's path (for messages); "" for NULL. */
const char *ov_tally_path(const ov_tally *t);

/* For platform/tally_plan.c (ideas and action plans, in the same file): the
 * SQLite connection (a sqlite3 *; NULL for NULL t) and whether it is
 * read-only; ov_tally_scrub runs the after-commit wipe of tally.c (journal
 * zeroed, neutral times) and returns OV_OK or a negative code (OV_EINVAL for
 * a NULL or read-only t). */
struct sqlite3;
struct sqlite3 *ov_tally_db(ov_tally *t, int *readonly);
int ov_tally_scrub(ov_tally *t);

/* Close (after a read-write open the files and the folder get the neutral
 * time again); NULL is fine. */
void ov_tally_close(ov_tally *t);

#endif
