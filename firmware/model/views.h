/* views.h — issue 14: put "progress over time" and "whose view" into a
 * meeting's results, from the stored counts (pure; callers read the tally).
 * Meetings are ordered in time by the last YYYY-MM-DD in their name ("Group
 * meeting 2025-05-03", as the facilitator's menu names them; a name without
 * one counts as older), then by name. */
#ifndef OV_VIEWS_H
#define OV_VIEWS_H

#include "model/compare.h"
#include "model/groups.h"

/* -1, 0 or 1 as meeting a is before, the same as or after b in time. */
int ov_meeting_time_cmp(const char *a, const char *b);

/* Sort n meeting names into time order, in place. */
void ov_meetings_sort_by_time(char (*names)[OV_MEETING_LEN], int n);

/* How many meetings before a meeting (in time) are looked at to find the
 * same question with answers: the newest of them that has it is compared. */
#define OV_COMPARE_LOOKBACK 12

/* Meeting names in time order, made once for many ov_views_fill calls. */
typedef struct {
    char (*sorted)[OV_MEETING_LEN];
    int n;
} ov_meeting_times;

/* Copy and sort names (n of them) into t. Returns OV_OK or OV_ENOMEM (t then
 * empty). Free with ov_meeting_times_free, which empties t (NULL is fine). */
int ov_meeting_times_init(ov_meeting_times *t, const char (*names)[OV_MEETING_LEN], int n);
void ov_meeting_times_free(ov_meeting_times *t);

/* Fill res (the results of res->meeting, already built) with its groups
 * side by side and with the comparison against the meetings of `times` that
 * come before it (at most OV_COMPARE_LOOKBACK of them; times may be NULL:
 * no comparison). rows must be sorted by meeting (as ov_tally_read_all
 * gives them) and may hold any meetings; earlier meetings are summarised
 * with the same threshold. Returns OV_OK, OV_ENOMEM or OV_EINVAL (NULL res,
 * NULL rows with n_rows > 0, or too many groups) with a message in err; res
 * keeps its counts, but on OV_ENOMEM its groups may already be filled. */
int ov_views_fill(ov_results *res, const ov_tally_row *rows, int n_rows, const ov_content *c, int threshold,
                  const ov_meeting_times *times, char *err, size_t errlen);

#endif
