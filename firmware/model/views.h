/* views.h — issue 14: put "progress over time" and "whose view" into a
 * meeting's results, from the stored counts (pure; callers read the tally).
 * Meetings are ordered in time by the date in their name ("Group meeting
 * 2025-05-03", as the facilitator's menu names them), then by name. */
#ifndef OV_VIEWS_H
#define OV_VIEWS_H

#include "model/compare.h"
#include "model/groups.h"

/* -1, 0 or 1 as meeting a is before, the same as or after b in time. */
int ov_meeting_time_cmp(const char *a, const char *b);

/* Sort n meeting names into time order, in place. */
void ov_meetings_sort_by_time(char (*names)[OV_MEETING_LEN], int n);

/* Fill res (the results of res->meeting, already built) with its groups
 * side by side (from rows, which may hold other meetings too) and with the
 * comparison against the meetings in `others` that come before it in time
 * (others may include res->meeting and later ones: they are skipped). Each
 * earlier meeting is summarised with the same threshold. Returns OV_OK,
 * OV_ENOMEM or OV_EINVAL with a message in err (res keeps its counts). */
int ov_views_fill(ov_results *res, const ov_tally_row *rows, int n_rows, const ov_content *c, int threshold,
                  const char (*others)[OV_MEETING_LEN], int n_others, char *err, size_t errlen);

#endif
