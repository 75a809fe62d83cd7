/* tally_plan.h — ideas, priorities and action plans, kept in the vote store's
 * own SQLite file (DATA_DIR/tallies.sqlite) with the same promises as the
 * votes (platform/tally.h, docs/privacy.md): priorities are counts only, each
 * a fixed 8-byte cell, every count of a board rewritten at each member's
 * choice, the journal wiped after each commit, no time of anything. Ideas and
 * plans are the facilitator's words, not secrets. */
#ifndef OV_TALLY_PLAN_H
#define OV_TALLY_PLAN_H

#include "model/ideas.h"
#include "platform/tally.h"

/* The board of (meeting, question) into b; an empty board (ov_ideas_init)
 * when none was saved (b is that in every failure too). Returns OV_OK, or
 * OV_EINVAL (store not open) or a database code (OV_EIO, ...) with err. */
int ov_plan_load(ov_tally *t, const char *meeting, const char *question, ov_ideas_board *b, char *err,
                 size_t errlen);

/* Save everything of board b but its counts (ideas, choices, round, plan),
 * committed durably. Ideas and the round cannot change once the meeting is
 * closed (OV_EPERM); the plan can. Returns OV_OK, or with err OV_EPERM
 * (that, or the store not open for writing) or a database code (OV_ENOSPC,
 * OV_EBUSY, OV_EIO); then nothing is changed. */
int ov_plan_save(ov_tally *t, const ov_ideas_board *b, char *err, size_t errlen);

/* Count one member's priorities for (meeting, question): chosen[0..n), in
 * one transaction, committed before returning. Returns OV_OK; OV_EPERM (no
 * board or no open round, the meeting is closed, or the store not open for
 * writing); OV_EINVAL (a bad choice: nothing counted); OV_ENOMEM or a
 * database code when it could not be stored. The message in err never names
 * an idea chosen. */
int ov_plan_vote(ov_tally *t, const char *meeting, const char *question, const int *chosen, int n, char *err,
                 size_t errlen);

/* Every board of `meeting` (NULL: of every meeting), sorted by meeting and
 * question, in a malloc'd array the caller frees. Returns OV_OK with *out
 * (NULL when none) and *n, or OV_EINVAL (store not open), OV_ENOMEM or
 * OV_EIO with *out = NULL, *n = 0. */
int ov_plan_boards(ov_tally *t, const char *meeting, ov_ideas_board **out, int *n);

/* Close `meeting` (ov_tally_meeting_close) and remember it as the last closed
 * one, for "you said, we did". Returns OV_OK, or a negative code with err:
 * ov_tally_meeting_close's, or, when only the remembering failed (the
 * meeting is then closed), OV_EPERM or a database code. */
int ov_plan_close_meeting(ov_tally *t, const char *meeting, char *err, size_t errlen);

/* The last meeting closed with ov_plan_close_meeting into out (out = "" when
 * there is none). Returns OV_OK, OV_ENOTFOUND (none yet), OV_EINVAL (store
 * not open) or OV_EIO. */
int ov_plan_last_closed(ov_tally *t, char *out, size_t outlen);

#endif
