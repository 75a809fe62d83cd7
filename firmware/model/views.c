/* views.c — groups side by side and the comparison with earlier meetings,
 * added to a meeting's results (see views.h). Pure logic. */
#include "model/views.h"

#include <stdlib.h>
#include <string.h>

#define DATE_CHARS 10 /* YYYY-MM-DD */

/* The last YYYY-MM-DD in name, or NULL. */
static const char *date_in(const char *name)
{
    const char *found = NULL;
    size_t n = strlen(name);
    for (size_t i = 0; i + DATE_CHARS <= n; i++) {
        const char *s = name + i;
        int ok = 1;
        for (int k = 0; k < DATE_CHARS && ok; k++)
            ok = (k == 4 || k == 7) ? s[k] == '-' : (s[k] >= '0' && s[k] <= '9');
        if (ok)
            found = s;
    }
    return found;
}

int ov_meeting_time_cmp(const char *a, const char *b)
{
    const char *da = date_in(a), *db = date_in(b);
    int c = 0;
    if (da && db)
        c = strncmp(da, db, DATE_CHARS);
    else if (da || db)
        c = da ? 1 : -1; /* a meeting without a date counts as older */
    if (!c)
        c = strcmp(a, b);
    return c < 0 ? -1 : c > 0;
}

static int cmp_names(const void *a, const void *b)
{
    return ov_meeting_time_cmp((const char *)a, (const char *)b);
}

void ov_meetings_sort_by_time(char (*names)[OV_MEETING_LEN], int n)
{
    if (names && n > 1)
        qsort(names, (size_t)n, sizeof names[0], cmp_names);
}

int ov_meeting_times_init(ov_meeting_times *t, const char (*names)[OV_MEETING_LEN], int n)
{
    t->n = 0;
    t->sorted = calloc((size_t)(n > 0 ? n : 1), OV_MEETING_LEN);
    if (!t->sorted)
        return OV_ENOMEM;
    for (int i = 0; i < n; i++)
        ov_strlcpy(t->sorted[i], names[i], OV_MEETING_LEN);
    t->n = n;
    ov_meetings_sort_by_time(t->sorted, n);
    return OV_OK;
}

void ov_meeting_times_free(ov_meeting_times *t)
{
    if (!t)
        return;
    free(t->sorted);
    t->sorted = NULL;
    t->n = 0;
}

/* First index in t->sorted that is not before `meeting` in time. */
static int time_position(const ov_meeting_times *t, const char *meeting)
{
    int lo = 0, hi = t->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (ov_meeting_time_cmp(t->sorted[mid], meeting) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The rows of one meeting in rows sorted by meeting: [*start, *end). */
static void meeting_slice(const ov_tally_row *rows, int n, const char *meeting, int *start, int *end)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(rows[mid].meeting, meeting) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *start = *end = lo;
    while (*end < n && !strcmp(rows[*end].meeting, meeting))
        (*end)++;
}

/* 1 when question q is in r with answers (ov_compare_fill compares with such a question). */
static int has_answered(const ov_results *r, const ov_result_question *q)
{
    for (int i = 0; i < r->n_questions; i++)
        if (ov_compare_same_question(&r->questions[i], q) && r->questions[i].total > 0)
            return 1;
    return 0;
}

/* 1 when every question of now is answered in one of r[0..n): an older
 * meeting cannot change any of its comparisons. */
static int every_question_found(const ov_results *now, ov_results *const *r, int n)
{
    for (int qi = 0; qi < now->n_questions; qi++) {
        int found = 0;
        for (int e = 0; e < n && !found; e++)
            found = has_answered(r[e], &now->questions[qi]);
        if (!found)
            return 0;
    }
    return 1;
}

/* The results of the meetings before res in time that its comparisons use,
 * oldest first: going back from the newest, at most OV_COMPARE_LOOKBACK of
 * them, and no further once every question of res has an earlier answer
 * (usually the meeting just before). ov_compare_fill takes the newest
 * meeting with answers to each question, so the result is the same as with
 * all OV_COMPARE_LOOKBACK; an export builds one or two, not twelve, per
 * meeting when its questions were answered before. */
static int build_earlier(const ov_results *res, const ov_tally_row *rows, int n_rows, const ov_content *c,
                         int threshold, const ov_meeting_times *times, ov_results **out, int *n_out)
{
    *n_out = 0;
    if (!times)
        return OV_OK;
    int pos = time_position(times, res->meeting);
    int first = pos > OV_COMPARE_LOOKBACK ? pos - OV_COMPARE_LOOKBACK : 0;
    for (int i = pos - 1; i >= first && !every_question_found(res, out, *n_out); i--) {
        ov_results *r = malloc(sizeof *r); /* not calloc: ov_results_build writes all that is read */
        if (!r)
            return OV_ENOMEM;
        int s, e;
        meeting_slice(rows, n_rows, times->sorted[i], &s, &e);
        ov_results_build(rows + s, e - s, c, times->sorted[i], threshold, r);
        out[(*n_out)++] = r;
    }
    for (int a = 0, b = *n_out - 1; a < b; a++, b--) {
        ov_results *t = out[a];
        out[a] = out[b];
        out[b] = t;
    }
    return OV_OK;
}

int ov_views_fill(ov_results *res, const ov_tally_row *rows, int n_rows, const ov_content *c, int threshold,
                  const ov_meeting_times *times, char *err, size_t errlen)
{
    if (!res || (n_rows > 0 && !rows))
        return ov_fail(err, errlen, OV_EINVAL, "ov_views_fill: bad arguments");
    ov_group_results *g = calloc(1, sizeof *g);
    ov_results **earlier = calloc(OV_COMPARE_LOOKBACK, sizeof *earlier);
    int n_earlier = 0, rc = g && earlier ? OV_OK : OV_ENOMEM;
    int s = 0, e = 0;
    meeting_slice(rows, n_rows, res->meeting, &s, &e);
    if (rc == OV_OK)
        rc = ov_group_results_build(rows + s, e - s, c, res->meeting, threshold, g, err, errlen);
    if (rc == OV_OK)
        ov_groups_fill_lines(res, g);
    if (rc == OV_OK)
        rc = build_earlier(res, rows, n_rows, c, threshold, times, earlier, &n_earlier);
    if (rc == OV_OK)
        ov_compare_fill(res, (const ov_results *const *)earlier, n_earlier);
    if (rc == OV_ENOMEM)
        ov_fail(err, errlen, OV_ENOMEM, "out of memory while comparing meetings");
    for (int i = 0; i < n_earlier; i++)
        free(earlier[i]);
    free(earlier);
    ov_group_results_free(g);
    free(g);
    return rc;
}
