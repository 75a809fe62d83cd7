/* export.c — the USB export: build each meeting's results (one at a time,
 * from one read of the tally), render CSV, JSON and the easy-read HTML, and
 * write them safely in random order into a folder opened without links. */
#include "platform/export.h"
#include "platform/tally_plan.h"
#include "model/report_html.h"
#include "model/views.h"
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
    opts->threshold = cfg ? cfg->small_numbers : OV_SMALL_NUMBERS_DEFAULT;
    opts->exact = cfg ? cfg->export_exact : 0;
    opts->closed_only = 1;
}

void ov_export_today(char *out, size_t outlen)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm) || strftime(out, outlen, "%Y-%m-%d", &tm) == 0)
        ov_strlcpy(out, "2000-01-01", outlen);
}

int ov_export_verified(const ov_export_report *rep)
{
    return rep && rep->verified && rep->code == OV_OK;
}

void ov_export_report_free(ov_export_report *rep)
{
    if (!rep) return;
    for (int i = 0; i < rep->n_files; i++) free(rep->files[i]);
    free(rep->files);
    rep->files = NULL;
    rep->n_files = rep->cap_files = 0;
}

enum { FMT_CSV, FMT_JSON, FMT_HTML, N_FMT };
static const char *fmt_ext[N_FMT] = { ".csv", ".json", ".html" };
#define BASE_LEN (OV_PATH_MAX / 2)
#define DATE_LEN 16       /* "YYYY-MM-DD" and the NUL */
#define FILES_FIRST_CAP 16 /* files a report first makes room for (doubled when full) */

static unsigned next_rand(unsigned *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5; /* xorshift32 */
    return *s;
}

/* A fresh seed: opts->order_seed, or random. */
static unsigned order_seed(const ov_export_opts *opts)
{
    unsigned seed = opts->order_seed;
    if (!seed && (getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed || !seed))
        seed = (unsigned)time(NULL) | 1u;
    return seed;
}

/* perm[0..n) = a random order of 0..n-1. */
static void shuffle(int *perm, int n, unsigned *seed)
{
    for (int i = 0; i < n; i++) perm[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(next_rand(seed) % (unsigned)(i + 1));
        int x = perm[i];
        perm[i] = perm[j];
        perm[j] = x;
    }
}

static int render(const ov_results *res, const ov_export_opts *opts, int fmt, ov_buf *b)
{
    if (fmt == FMT_CSV) return ov_export_csv(res, opts, b);
    if (fmt == FMT_JSON) return ov_export_json(res, opts, b);
    return ov_report_html(res, ov_file_read_all, b);
}

/* An I/O error on a stick that has since gone away, or goes within
 * OV_STICK_GONE_WAIT_MS (files.h ov_stick_gone_after_error)
 * is the stick taken out too soon: OV_ENOTFOUND, said so in err. Else rc. */
static int gone_is_too_soon(const ov_export_opts *opts, int rc, char *err, size_t errlen)
{
    if (rc != OV_EIO || !opts->mount_point || !ov_stick_gone_after_error(opts->mount_point))
        return rc;
    size_t used = err ? strlen(err) : 0;
    if (err && used + 1 < errlen)
        snprintf(err + used, errlen - used, " (the stick at %s was taken out)", opts->mount_point);
    return OV_ENOTFOUND;
}

static int finish(ov_export_report *rep, int code)
{
    rep->code = code;
    rep->verified = code == OV_OK;
    ov_strlcpy(rep->easy, ov_export_easy_message(code, NULL), sizeof rep->easy);
    return code;
}

/* Append one written path to rep. Returns OV_OK or OV_ENOMEM. */
static int list_file(ov_export_report *rep, const char *dir, const char *name)
{
    if (rep->n_files == rep->cap_files) {
        int cap = rep->cap_files ? rep->cap_files * 2 : FILES_FIRST_CAP;
        void *grown = realloc(rep->files, (size_t)cap * sizeof *rep->files);
        if (!grown) return OV_ENOMEM;
        rep->files = grown;
        rep->cap_files = cap;
    }
    size_t len = strlen(dir) + 1 + strlen(name) + 1;
    char *path = malloc(len);
    if (!path) return OV_ENOMEM;
    snprintf(path, len, "%s/%s", dir, name);
    rep->files[rep->n_files++] = path;
    return OV_OK;
}

typedef struct {
    const ov_export_opts *opts;
    ov_export_report *rep;
    const char *dir;
    int dfd;
    char date[DATE_LEN];
    unsigned seed;
} writer;

/* The three files of one meeting, in random order. */
static int write_meeting(writer *w, ov_results *res, const char *base, char *err, size_t errlen)
{
    ov_strlcpy(res->date, w->date, sizeof res->date);
    res->threshold = w->opts->threshold > 0 ? w->opts->threshold : 0;
    int fmts[N_FMT];
    shuffle(fmts, N_FMT, &w->seed);
    for (int i = 0; i < N_FMT; i++) {
        ov_buf b = { 0 };
        char name[OV_PATH_MAX];
        snprintf(name, sizeof name, "%s%s", base, fmt_ext[fmts[i]]);
        int rc = render(res, w->opts, fmts[i], &b);
        if (rc != OV_OK) {
            ov_buf_free(&b);
            return ov_fail(err, errlen, rc, "%s: out of memory while making the file", name);
        }
        rc = ov_fs_write_at(w->opts->fs, w->dfd, w->dir, name, b.data, b.len, NULL, err, errlen);
        ov_buf_free(&b);
        if (rc == OV_OK) rc = list_file(w->rep, w->dir, name);
        if (rc == OV_ENOMEM) return ov_fail(err, errlen, rc, "export: out of memory");
        if (rc != OV_OK) return rc;
    }
    return OV_OK;
}

static int cmp_base_index(const void *a, const void *b, void *bases)
{
    char *const *base = bases;
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcmp(base[x], base[y]);
    return c ? c : (x > y) - (x < y);
}

/* Two meetings that look the same on a stick get -2, -3...: the first (in
 * the given order) keeps the name. Sorting keeps this fast for any number. */
static int unique_bases(char **base, int n)
{
    int *idx = malloc(((size_t)n + 1) * sizeof *idx);
    if (!idx) return OV_ENOMEM;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < n; i++) idx[i] = i;
        qsort_r(idx, (size_t)n, sizeof *idx, cmp_base_index, base);
        for (int i = 1, k = 2; i < n; i++) {
            if (strcmp(base[idx[i]], base[idx[i - 1]]) != 0) {
                k = 2;
                continue;
            }
            char b2[BASE_LEN];
            snprintf(b2, sizeof b2, "%.200s-%d", base[idx[i]], k++);
            char *renamed = strdup(b2);
            if (!renamed) {
                free(idx);
                return OV_ENOMEM;
            }
            free(base[idx[i]]);
            base[idx[i]] = renamed;
            changed = 1;
        }
    }
    free(idx);
    return OV_OK;
}

/* Open the folder and fill w. */
static int writer_open(writer *w, const ov_export_opts *opts, const char *dest_dir, ov_export_report *rep,
                       char *err, size_t errlen)
{
    memset(w, 0, sizeof *w);
    w->opts = opts;
    w->rep = rep;
    w->dir = dest_dir;
    w->seed = order_seed(opts);
    if (opts->date) ov_strlcpy(w->date, opts->date, sizeof w->date);
    else ov_export_today(w->date, sizeof w->date);
    return ov_fs_open_folder(opts->fs, dest_dir, opts->mount_point, &w->dfd, err, errlen);
}

static void writer_close(writer *w)
{
    if (w->dfd >= 0) (w->opts->fs ? w->opts->fs : ov_fsops_real())->close(w->dfd);
    w->dfd = -1;
}

/* Where the meetings' results come from: an array, or the tally row by row. */
typedef ov_results *(*results_fn)(void *ctx, int i, int *rc);

/* Each meeting into its files, named by the meeting and the date it started
 * (dates[i]; NULL or "" for one not known: the date of the export). */
static int export_each(writer *w, int n, const char (*names)[OV_MEETING_LEN], const char (*dates)[DATE_LEN],
                       results_fn get, void *ctx, char *err, size_t errlen)
{
    char **base = calloc((size_t)n + 1, sizeof *base); /* each as long as it is: any number of meetings */
    int *order = calloc((size_t)n + 1, sizeof *order);
    int rc = base && order ? OV_OK : ov_fail(err, errlen, OV_ENOMEM, "export: out of memory");
    for (int i = 0; rc == OV_OK && i < n; i++) {
        char one[BASE_LEN];
        ov_export_basename(names[i], dates && dates[i][0] ? dates[i] : w->date, one, sizeof one);
        if (!(base[i] = strdup(one)))
            rc = ov_fail(err, errlen, OV_ENOMEM, "export: out of memory");
    }
    if (rc == OV_OK && unique_bases(base, n) != OV_OK)
        rc = ov_fail(err, errlen, OV_ENOMEM, "export: out of memory");
    /* Random order, so the order of files on the stick says nothing. */
    if (rc == OV_OK) shuffle(order, n, &w->seed);
    for (int k = 0; rc == OV_OK && k < n; k++) {
        ov_results *res = get(ctx, order[k], &rc);
        if (!res) {
            rc = ov_fail(err, errlen, rc ? rc : OV_ENOMEM, "export: cannot make the results");
            break;
        }
        rc = write_meeting(w, res, base[order[k]], err, errlen);
    }
    for (int i = 0; base && i < n; i++) free(base[i]);
    free(base);
    free(order);
    return rc;
}

int ov_export_from(const ov_export_opts *opts, const ov_export_source *src, const char *dest_dir,
                   ov_export_report *rep, char *err, size_t errlen)
{
    if (!opts || !src || !rep || !dest_dir || src->n < 0 || (src->n > 0 && (!src->name || !src->results)))
        return ov_fail(err, errlen, OV_EINVAL, "export: bad arguments");
    memset(rep, 0, sizeof *rep);
    writer w;
    int rc = writer_open(&w, opts, dest_dir, rep, err, errlen);
    if (rc != OV_OK) return finish(rep, rc);
    char (*names)[OV_MEETING_LEN] = calloc((size_t)src->n + 1, OV_MEETING_LEN);
    if (!names) rc = ov_fail(err, errlen, OV_ENOMEM, "export: out of memory");
    for (int i = 0; rc == OV_OK && i < src->n; i++)
        ov_strlcpy(names[i], src->name(src->ctx, i), OV_MEETING_LEN);
    if (rc == OV_OK)
        rc = export_each(&w, src->n, (const char(*)[OV_MEETING_LEN])names, NULL, src->results, src->ctx, err,
                         errlen);
    free(names);
    writer_close(&w);
    return finish(rep, gone_is_too_soon(opts, rc, err, errlen));
}

static const char *name_in_array(void *ctx, int i)
{
    return ((ov_results *const *)ctx)[i]->meeting;
}

static ov_results *from_array(void *ctx, int i, int *rc)
{
    *rc = OV_OK;
    return ((ov_results *const *)ctx)[i];
}

int ov_export_results(const ov_export_opts *opts, ov_results *const *res, int n_res,
                      const char *dest_dir, ov_export_report *rep, char *err, size_t errlen)
{
    if (n_res > 0 && !res)
        return ov_fail(err, errlen, OV_EINVAL, "export: bad arguments");
    ov_export_source src = { n_res, name_in_array, from_array, (void *)res };
    return ov_export_from(opts, &src, dest_dir, rep, err, errlen);
}

/* ---- from the tally ---- */

/* 1 when answer id is one of the answers of content question qid's scale. */
static int in_scale(const ov_content *c, const char *qid, const char *aid)
{
    for (int qi = 0; c && qi < c->n_questions; qi++) {
        if (strcmp(c->questions[qi].id, qid) != 0) continue;
        int si = c->questions[qi].scale;
        if (si < 0 || si >= c->n_scales) return 0;
        for (int i = 0; i < c->scales[si].n_answers; i++)
            if (!strcmp(c->scales[si].answers[i].id, aid)) return 1;
        return 0;
    }
    return 0;
}

/* A question whose counts are withheld must not say which answers were
 * chosen: it lists every answer of its scale, or none when it is no longer
 * in the content (answers that only votes brought in would name them). */
static void limit_withheld(ov_results *res, const ov_content *c, const ov_export_opts *opts)
{
    if (opts->exact) return;
    for (int qi = 0; qi < res->n_questions; qi++) {
        ov_result_question *q = &res->questions[qi];
        if (!q->is_protected) continue;
        if (!q->in_content) {
            q->n_answers = 0;
            q->n_top = 0;
            continue;
        }
        int kept = 0;
        for (int ai = 0; ai < q->n_answers; ai++)
            if (in_scale(c, q->id, q->answers[ai].id)) q->answers[kept++] = q->answers[ai];
        q->n_answers = kept;
        q->n_top = 0;
    }
}

typedef struct {
    const ov_tally_row *rows;
    int n_rows;
    const ov_content *c;
    const ov_export_opts *opts;
    const char (*names)[OV_MEETING_LEN];
    ov_results *res;           /* one at a time */
    ov_meeting_times times;    /* issue 14: the names in time order (earlier ones are compared with) */
    ov_tally *t;               /* for the meeting's ideas and plans (platform/tally_plan.h) */
    ov_ideas_board *boards;    /* the ideas of the meeting in res (malloc'd) */
} tally_ctx;

/* Index of the first row of meeting m (rows sorted by meeting). */
static int first_row(const ov_tally_row *rows, int n, const char *m)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(rows[mid].meeting, m) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static ov_results *from_tally(void *vctx, int i, int *rc)
{
    tally_ctx *x = vctx;
    const char *m = x->names[i];
    int start = first_row(x->rows, x->n_rows, m), end = start;
    while (end < x->n_rows && strcmp(x->rows[end].meeting, m) == 0) end++;
    *rc = ov_results_build(x->rows + start, end - start, x->c, m, x->opts->threshold, x->res);
    if (*rc != OV_OK) return NULL;
    limit_withheld(x->res, x->c, x->opts);
    char verr[OV_ERR_LEN]; /* issue 14: groups side by side, progress against the earlier meetings */
    if (ov_views_fill(x->res, x->rows, x->n_rows, x->c, x->opts->threshold, &x->times, verr, sizeof verr) !=
        OV_OK)
        ov_log_warn("export: %s", verr);
    free(x->boards);
    x->boards = NULL;
    if (ov_plan_boards(x->t, m, &x->boards, &x->res->n_ideas) == OV_OK) x->res->ideas = x->boards;
    return x->res;
}

/* The date each meeting started, from the store ("" where it is not known:
 * a store from before meetings had dates). NULL when out of memory: then
 * every file carries the export's date. */
static char (*start_dates(ov_tally *t, const char (*names)[OV_MEETING_LEN], int n))[DATE_LEN]
{
    char (*dates)[DATE_LEN] = calloc((size_t)n + 1, sizeof *dates);
    for (int i = 0; dates && i < n; i++)
        if (ov_tally_meeting_start(t, names[i], dates[i], sizeof dates[i]) != OV_OK)
            dates[i][0] = '\0';
    return dates;
}

/* The meetings to export into *names / *n. */
static int pick_meetings(const ov_export_opts *opts, ov_tally *t, const char *meeting,
                         char (**names)[OV_MEETING_LEN], int *n, char *err, size_t errlen)
{
    *names = NULL;
    *n = 0;
    if (meeting) {
        if (opts->closed_only && ov_tally_meeting_is_closed(t, meeting) != 1)
            return ov_fail(err, errlen, OV_EINVAL,
                           "export: the meeting \"%s\" is still open; results are saved only "
                           "after it is closed, so nobody can compare two saves",
                           meeting);
        *names = calloc(1, OV_MEETING_LEN);
        if (!*names) return ov_fail(err, errlen, OV_ENOMEM, "export: out of memory");
        ov_strlcpy((*names)[0], meeting, OV_MEETING_LEN);
        *n = 1;
        return OV_OK;
    }
    int rc = ov_tally_meeting_names(t, opts->closed_only, names, n);
    if (rc != OV_OK)
        return ov_fail(err, errlen, rc, "export: cannot read the meetings from the tally database");
    if (*n == 0 && opts->closed_only)
        return ov_fail(err, errlen, OV_EINVAL,
                       "export: nothing to save: no meeting is closed yet; close the meeting "
                       "first (results are saved only after it is closed)");
    if (*n == 0) {
        *names = calloc(1, OV_MEETING_LEN);
        if (!*names) return ov_fail(err, errlen, OV_ENOMEM, "export: out of memory");
        ov_strlcpy((*names)[0], "drop-in", OV_MEETING_LEN);
        *n = 1;
    }
    return OV_OK;
}

int ov_export_all_opts(const ov_export_opts *opts, ov_tally *t, const ov_content *c,
                       const char *meeting, const char *dest_dir, ov_export_report *rep,
                       char *err, size_t errlen)
{
    if (!opts || !t || !rep || !dest_dir) return ov_fail(err, errlen, OV_EINVAL, "export: bad arguments");
    memset(rep, 0, sizeof *rep);
    char (*names)[OV_MEETING_LEN] = NULL;
    ov_tally_row *rows = NULL;
    int n_meet = 0, n_rows = 0;
    writer w = { .dfd = -1, .opts = opts };
    tally_ctx x = { 0 };
    int rc = pick_meetings(opts, t, meeting, &names, &n_meet, err, errlen);
    if (rc == OV_OK) {
        rc = ov_tally_read_all(t, meeting, &rows, &n_rows);
        if (rc != OV_OK)
            rc = ov_fail(err, errlen, rc, "export: cannot read the counts from the tally database");
    }
    if (rc == OV_OK && !(x.res = ov_results_new()))
        rc = ov_fail(err, errlen, OV_ENOMEM, "export: out of memory");
    if (rc == OV_OK) rc = writer_open(&w, opts, dest_dir, rep, err, errlen);
    if (rc == OV_OK) {
        x.rows = rows;
        x.n_rows = n_rows;
        x.c = c;
        x.opts = opts;
        x.t = t;
        x.names = (const char (*)[OV_MEETING_LEN])names;
        if (ov_meeting_times_init(&x.times, x.names, n_meet) != OV_OK) /* issue 14 */
            ov_log_warn("export: out of memory: meetings are not compared with earlier ones");
        char (*dates)[DATE_LEN] = start_dates(t, x.names, n_meet);
        rc = export_each(&w, n_meet, x.names, (const char (*)[DATE_LEN])dates, from_tally, &x, err, errlen);
        free(dates);
    }
    writer_close(&w);
    ov_meeting_times_free(&x.times); /* issue 14 */
    free(x.res);
    free(x.boards);
    free(rows);
    free(names);
    return finish(rep, gone_is_too_soon(opts, rc, err, errlen));
}

