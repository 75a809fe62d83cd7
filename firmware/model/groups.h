/* groups.h — issue 14 "whose view": the results of one meeting side by side
 * for each "who are you today?" group, with small-number protection for
 * every group AND for their differences.
 *
 * Pure logic over tally rows. A group's counts of a question are withheld
 * when fewer than `threshold` (but more than 0) of its members answered. The
 * whole meeting's counts are shown too, so withholding one group alone is not
 * enough: total minus the shown groups would give it away. ov_groups_suppress
 * therefore also withholds the smallest shown groups until the withheld ones
 * together hold at least `threshold` answers (or nothing is left to show):
 * whatever a reader subtracts, they learn no group of fewer than `threshold`. */
#ifndef OV_GROUPS_H
#define OV_GROUPS_H

#include "model/results.h"

#define OV_GROUPS_MAX OV_RESULTS_MAX_GROUPS /* content groups, groups only in the rows, "not said" */
#define OV_GROUP_NOT_SAID ""                /* the id of "did not say" */

typedef struct {
    char id[OV_ID_LEN];          /* group id; "" = did not say */
    char word[OV_WORD_LEN];      /* "I use the service"; the id when not in the content; "Did not say" */
    ov_results *res;             /* this group's counts, protection applied (see above) */
} ov_group_view;

typedef struct {
    ov_group_view groups[OV_GROUPS_MAX]; /* content order, then groups only in the rows, then "not said" */
    int n_groups;
    int any_group;               /* 1 when any count has a group (someone said who they are) */
} ov_group_results;

/* Decide which of n groups' counts on one question to withhold: totals[i] is
 * how many of group i answered; hidden[i] is set to 1 for a withheld group.
 * Rule: a group with 0 < total < threshold is withheld; then, while the
 * withheld groups together hold more than 0 and fewer than threshold
 * answers, the smallest shown group with answers is withheld too.
 * threshold <= 0: nothing is withheld. Returns the number withheld. */
int ov_groups_suppress(const long *totals, int n, int threshold, int *hidden);

/* The same rule when some groups are withheld already (merge: a source
 * withheld them): hidden[i] = 1 on entry keeps group i withheld, and
 * hidden_sum is how many answers those groups hold together; then groups
 * are withheld as above until the withheld ones hold at least `threshold`
 * answers. Returns the number withheld (with those given). */
int ov_groups_suppress_more(const long *totals, int n, int threshold, int *hidden, long hidden_sum);

/* Merge (issue 14): protect the merged per-group counts q->groups of q
 * (q->total and q->is_protected already finished): a group a source
 * withheld stays withheld, every group is withheld when q is protected, and
 * ov_groups_suppress_more decides the rest (q->groups_hidden: the answers
 * the sources withheld). Then write q->groups_line like ov_groups_fill_lines,
 * but in fixed English words ("not enough answers yet.", "and"). groups_line
 * is "" when q has no groups; q NULL: nothing happens. */
void ov_groups_protect_merged(ov_result_question *q, int threshold);

/* Build each group's results of `meeting` (content may be NULL; rows of other
 * meetings are ignored), protected as above. Returns OV_OK; OV_EINVAL for
 * NULL out or meeting, NULL rows with n_rows > 0, or more groups than
 * OV_GROUPS_MAX (the message names the limit); OV_ENOMEM; a message in err.
 * Free with ov_group_results_free even on failure. */
int ov_group_results_build(const ov_tally_row *rows, int n_rows, const ov_content *content,
                           const char *meeting, int threshold, ov_group_results *out, char *err,
                           size_t errlen);

/* Free every group's results and empty *g (NULL is fine). */
void ov_group_results_free(ov_group_results *g);

/* The question `question_id` in the results of group number `group` of g,
 * or NULL (also for a NULL g or a bad group number). */
const ov_result_question *ov_group_question(const ov_group_results *g, int group, const char *question_id);

/* For every question of `now` (the whole meeting), when any member said
 * their group, write what most of each group said side by side into
 * groups_line ("I use the service: Getting there. I work here: not enough
 * answers yet.", in the words of now->texts), and each group's exact counts
 * and is_protected into groups[] (whoever shows them checks is_protected).
 * Groups with no answers to the question are left out. When no group was
 * said, groups_line is "" and n_groups 0. now or g NULL: nothing happens. */
void ov_groups_fill_lines(ov_results *now, const ov_group_results *g);

#endif
