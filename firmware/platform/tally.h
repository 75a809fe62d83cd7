/* tally.h — durable, anonymous vote counts (the only module that uses SQLite).
 *
 * Stores counts only: (meeting, question, answer) -> number. No row per vote,
 * no time of a vote, nothing that keeps the order of votes, no link between
 * one person's answers. The database is DATA_DIR/tallies.sqlite in WAL mode
 * with synchronous=FULL: when ov_tally_add returns OV_OK the vote survives a
 * power cut. The schema is versioned with PRAGMA user_version. */
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
 * before returning. Returns OV_OK only after the commit has returned;
 * otherwise a negative code, and the vote is not counted. */
int ov_tally_add(ov_tally *t, const char *meeting, const char *question,
                 const char *answer, char *err, size_t errlen);

/* Add one vote for each of n (question, answer) pairs of one member, all in
 * one transaction: either every vote is stored and committed, or none is.
 * Returns OV_OK only after the commit has returned. */
int ov_tally_add_set(ov_tally *t, const char *meeting, const char *const *questions,
                     const char *const *answers, int n, char *err, size_t errlen);

/* Read all counts (sorted by meeting, question, answer) into rows[0..max).
 * Returns the number of rows (may exceed max: only max were written), or a
 * negative code. meeting == NULL reads every meeting. */
int ov_tally_read(ov_tally *t, const char *meeting, ov_tally_row *rows, int max);

/* Names of meetings that have counts, sorted. Returns count or negative. */
int ov_tally_meetings(ov_tally *t, char (*names)[OV_MEETING_LEN], int max);

/* Remove all counts of one meeting (NULL: of every meeting). Returns OV_OK or negative. */
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

/* Close; NULL is fine. */
void ov_tally_close(ov_tally *t);

#endif
