/* export.c — the USB export: build each meeting's results, render CSV, JSON
 * and the easy-read HTML, and write them safely in random order. */
#include "platform/export.h"
#include "model/report_html.h"
#include "platform/files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

void ov_export_opts_from_config(ov_export_opts *opts, const ov_config *cfg)
{
    memset(opts, 0, sizeof *opts);
    opts->threshold = cfg ? cfg->small_numbers : 5;
    opts->exact = cfg ? cfg->export_exact : 0;
}

void ov_export_today(char *out, size_t outlen)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm) || strftime(out, outlen, "%Y-%m-%d", &tm) == 0) ov_strlcpy(out, "2000-01-01", outlen);
}

int ov_export_verified(const ov_export_report *rep)
{
    return rep && rep->verified && rep->code == OV_OK;
}

enum { FMT_CSV, FMT_JSON, FMT_HTML, N_FMT };
static const char *fmt_ext[N_FMT] = { ".csv", ".json", ".html" };

static unsigned next_rand(unsigned *s)
{
    *s ^= *s << 13; *s ^= *s >> 17; *s ^= *s << 5; /* xorshift32 */
    return *s;
}

static int render(const ov_results *res, const ov_export_opts *opts, int fmt, ov_buf *b)
{
    if (fmt == FMT_CSV) return ov_export_csv(res, opts, b);
    if (fmt == FMT_JSON) return ov_export_json(res, opts, b);
    return ov_report_html(res, ov_file_read_all, b);
}

static int finish(ov_export_report *rep, int code)
{
    rep->code = code;
    rep->verified = code == OV_OK;
    ov_strlcpy(rep->easy, ov_export_easy_message(code), sizeof rep->easy);
    return code;
}

int ov_export_results(const ov_export_opts *opts, ov_results *const *res, int n_res,
                      const char *dest_dir, ov_export_report *rep, char *err, size_t errlen)
{
    if (!opts || !rep || !dest_dir || (n_res > 0 && !res) || n_res < 0)
        return ov_fail(err, errlen, OV_EINVAL, "export: bad arguments");
    memset(rep, 0, sizeof *rep);
    if (n_res * N_FMT > OV_EXPORT_MAX_FILES)
        return finish(rep, ov_fail(err, errlen, OV_EINVAL, "export: %d meetings is more than %d; export them one "
                                   "at a time with --meeting", n_res, OV_EXPORT_MAX_FILES / N_FMT));
    int rc = ov_fs_mkdir(opts->fs, dest_dir, err, errlen);
    if (rc != OV_OK) return finish(rep, rc);

    char (*base)[OV_PATH_MAX / 2] = calloc((size_t)n_res + 1, sizeof *base);
    int *jobs = calloc((size_t)n_res * N_FMT + 1, sizeof *jobs);
    if (!base || !jobs) { rc = ov_fail(err, errlen, OV_ENOMEM, "export: out of memory"); goto out; }
    for (int i = 0; i < n_res; i++) {
        char date[16];
        if (opts->date) ov_strlcpy(date, opts->date, sizeof date);
        else ov_export_today(date, sizeof date);
        ov_strlcpy(res[i]->date, date, sizeof res[i]->date);
        res[i]->threshold = opts->threshold > 0 ? opts->threshold : 0;
        ov_export_basename(res[i]->meeting, date, base[i], sizeof base[i]);
        for (int j = 0, k = 2; j < i; j++) /* two meetings that look the same on a stick */
            if (strcmp(base[i], base[j]) == 0) {
                char b2[OV_PATH_MAX / 2];
                snprintf(b2, sizeof b2, "%.200s-%d", base[i], k++);
                ov_strlcpy(base[i], b2, sizeof base[i]);
                j = -1;
            }
    }
    /* Random order, so the order of files on the stick says nothing. */
    int n_jobs = n_res * N_FMT;
    for (int i = 0; i < n_jobs; i++) jobs[i] = i;
    unsigned seed = opts->order_seed;
    if (!seed && (getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed || !seed)) seed = (unsigned)time(NULL) | 1u;
    for (int i = n_jobs - 1; i > 0; i--) {
        int j = (int)(next_rand(&seed) % (unsigned)(i + 1));
        int t = jobs[i]; jobs[i] = jobs[j]; jobs[j] = t;
    }
    for (int i = 0; i < n_jobs; i++) {
        int m = jobs[i] / N_FMT, fmt = jobs[i] % N_FMT;
        ov_buf b = { 0 };
        char name[OV_PATH_MAX];
        snprintf(name, sizeof name, "%s%s", base[m], fmt_ext[fmt]);
        rc = render(res[m], opts, fmt, &b);
        if (rc != OV_OK) { ov_buf_free(&b); rc = ov_fail(err, errlen, rc, "%s: out of memory while making the file", name); goto out; }
        rc = ov_fs_write_safely(opts->fs, dest_dir, name, b.data, b.len, NULL, err, errlen);
        ov_buf_free(&b);
        if (rc != OV_OK) goto out;
        if ((size_t)snprintf(rep->files[rep->n_files], OV_PATH_MAX, "%s/%s", dest_dir, name) < OV_PATH_MAX)
            rep->n_files++; /* always fits: ov_fs_write_safely refused longer paths */
    }
out:
    free(base);
    free(jobs);
    return finish(rep, rc);
}

/* All rows of one meeting (or all meetings), grown until they fit. */
static int read_rows(ov_tally *t, const char *meeting, ov_tally_row **rows_out)
{
    int cap = 256;
    for (;;) {
        ov_tally_row *rows = calloc((size_t)cap, sizeof *rows);
        if (!rows) return OV_ENOMEM;
        int n = ov_tally_read(t, meeting, rows, cap);
        if (n < 0 || n <= cap) {
            if (n < 0) { free(rows); return n; }
            *rows_out = rows;
            return n;
        }
        free(rows);
        cap = n + 16;
    }
}

int ov_export_all_opts(const ov_export_opts *opts, ov_tally *t, const ov_content *c,
                       const char *meeting, const char *dest_dir, ov_export_report *rep,
                       char *err, size_t errlen)
{
    if (!opts || !t || !rep || !dest_dir) return ov_fail(err, errlen, OV_EINVAL, "export: bad arguments");
    memset(rep, 0, sizeof *rep);
    char (*names)[OV_MEETING_LEN] = calloc(OV_EXPORT_MAX_MEETINGS, OV_MEETING_LEN);
    ov_results *res[OV_EXPORT_MAX_MEETINGS] = { 0 };
    ov_tally_row *rows = NULL;
    int rc = OV_OK, n_meet = 0;
    if (!names) { rc = ov_fail(err, errlen, OV_ENOMEM, "export: out of memory"); goto out; }
    if (meeting) {
        ov_strlcpy(names[0], meeting, OV_MEETING_LEN);
        n_meet = 1;
    } else {
        n_meet = ov_tally_meetings(t, names, OV_EXPORT_MAX_MEETINGS);
        if (n_meet < 0) { rc = ov_fail(err, errlen, n_meet, "export: cannot read the meetings from the tally database"); goto out; }
        if (n_meet > OV_EXPORT_MAX_MEETINGS) {
            rc = ov_fail(err, errlen, OV_EINVAL, "export: %d meetings is more than %d; export them one at a time with --meeting",
                         n_meet, OV_EXPORT_MAX_MEETINGS);
            goto out;
        }
        if (n_meet == 0) { ov_strlcpy(names[0], "drop-in", OV_MEETING_LEN); n_meet = 1; }
    }
    int n_rows = read_rows(t, meeting, &rows);
    if (n_rows < 0) { rc = ov_fail(err, errlen, n_rows, "export: cannot read the counts from the tally database"); goto out; }
    for (int i = 0; i < n_meet; i++) {
        res[i] = ov_results_new();
        if (!res[i]) { rc = ov_fail(err, errlen, OV_ENOMEM, "export: out of memory"); goto out; }
        ov_results_build(rows, n_rows, c, names[i], opts->threshold, res[i]);
    }
    rc = ov_export_results(opts, res, n_meet, dest_dir, rep, err, errlen);
out:
    for (int i = 0; i < OV_EXPORT_MAX_MEETINGS; i++) free(res[i]);
    free(rows);
    free(names);
    if (rc != OV_OK && rep->code == OV_OK) finish(rep, rc);
    return rc;
}

int ov_export_all(ov_tally *t, const ov_content *c, const ov_config *cfg, const char *dest_dir,
                  ov_export_report *rep, char *err, size_t errlen)
{
    ov_export_opts opts;
    ov_export_opts_from_config(&opts, cfg);
    return ov_export_all_opts(&opts, t, c, NULL, dest_dir, rep, err, errlen);
}
