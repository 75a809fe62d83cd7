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

/* The results of each meeting in others that is before res in time, oldest first. */
static int build_earlier(const ov_results *res, const ov_tally_row *rows, int n_rows, const ov_content *c,
                         int threshold, const char (*others)[OV_MEETING_LEN], int n_others, ov_results **out,
                         int *n_out)
{
    *n_out = 0;
    for (int i = 0; i < n_others; i++) {
        if (ov_meeting_time_cmp(others[i], res->meeting) >= 0)
            continue;
        ov_results *r = ov_results_new();
        if (!r)
            return OV_ENOMEM;
        ov_results_build(rows, n_rows, c, others[i], threshold, r);
        out[(*n_out)++] = r;
    }
    return OV_OK;
}

static int cmp_results_time(const void *a, const void *b)
{
    const ov_results *x = *(const ov_results *const *)a, *y = *(const ov_results *const *)b;
    return ov_meeting_time_cmp(x->meeting, y->meeting);
}

int ov_views_fill(ov_results *res, const ov_tally_row *rows, int n_rows, const ov_content *c, int threshold,
                  const char (*others)[OV_MEETING_LEN], int n_others, char *err, size_t errlen)
{
    if (!res || (n_rows > 0 && !rows) || (n_others > 0 && !others))
        return ov_fail(err, errlen, OV_EINVAL, "ov_views_fill: bad arguments");
    ov_group_results *g = calloc(1, sizeof *g);
    ov_results **earlier = calloc((size_t)(n_others > 0 ? n_others : 1), sizeof *earlier);
    int n_earlier = 0, rc = g && earlier ? OV_OK : OV_ENOMEM;
    if (rc == OV_OK)
        rc = ov_group_results_build(rows, n_rows, c, res->meeting, threshold, g, err, errlen);
    if (rc == OV_OK)
        ov_groups_fill_lines(res, g);
    if (rc == OV_OK)
        rc = build_earlier(res, rows, n_rows, c, threshold, others, n_others, earlier, &n_earlier);
    if (rc == OV_OK) {
        qsort(earlier, (size_t)n_earlier, sizeof *earlier, cmp_results_time);
        ov_compare_fill(res, (const ov_results *const *)earlier, n_earlier);
    }
    if (rc == OV_ENOMEM)
        ov_fail(err, errlen, OV_ENOMEM, "out of memory while comparing meetings");
    for (int i = 0; i < n_earlier; i++)
        free(earlier[i]);
    free(earlier);
    ov_group_results_free(g);
    free(g);
    return rc;
}
