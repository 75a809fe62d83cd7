/* tally_growth.c — `make bench` figures: does a vote or an export cost more
 * when more meetings are stored? Uses the real tally store and the real
 * export on a folder the caller gives (the bench uses /dev/shm, so fsync is
 * free and only the program's own work is measured).
 *
 *   tally_growth vote DIR N [VOTES]     store N meetings (one vote each), then
 *                                       time VOTES votes (default 200) into
 *                                       meeting "drop-in": CPU ms per vote
 *   tally_growth export DIR N           store N meetings, then time the export
 *                                       of all of them (3 files each): CPU and
 *                                       wall ms
 * Prints one line "... N meetings: X ms ..." ; exit 0, 1 on a tally or export
 * failure (message on stderr), 2 usage. DIR must not exist yet; it is left
 * for the caller to remove. */
#include "model/content.h"
#include "platform/export.h"
#include "platform/paths.h"
#include "platform/tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define DEFAULT_VOTES 200
#define MAX_MEETINGS 100000

static double cpu_ms(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

static double wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* N meetings m00000.. each with one vote for the built-in first question. */
static int fill(ov_tally *t, const ov_content *c, int n)
{
    char err[300], m[OV_MEETING_LEN];
    const char *q = c->questions[0].id, *a = c->scales[c->questions[0].scale].answers[0].id;
    for (int i = 0; i < n; i++) {
        snprintf(m, sizeof m, "m%05d", i);
        if (ov_tally_add(t, m, q, a, err, sizeof err) != OV_OK) {
            fprintf(stderr, "tally_growth: %s\n", err);
            return 1;
        }
    }
    return 0;
}

static int bench_votes(ov_tally *t, const ov_content *c, int n, int votes)
{
    char err[300];
    double c0 = cpu_ms();
    for (int i = 0; i < votes; i++) {
        const ov_question *q = &c->questions[i % c->n_questions];
        const ov_scale *s = &c->scales[q->scale];
        if (ov_tally_add(t, "drop-in", q->id, s->answers[i % s->n_answers].id, err, sizeof err) != OV_OK) {
            fprintf(stderr, "tally_growth: %s\n", err);
            return 1;
        }
    }
    printf("vote with %d meetings stored: %.3f ms CPU per vote (%d votes)\n", n, (cpu_ms() - c0) / votes,
           votes);
    return 0;
}

static int bench_export(ov_tally *t, const ov_content *c, int n, const char *dir)
{
    char err[300], dest[OV_PATH_MAX];
    snprintf(dest, sizeof dest, "%s/export", dir);
    ov_export_opts opts = { 0 };
    opts.order_seed = 1;
    ov_export_report rep;
    double c0 = cpu_ms(), w0 = wall_ms();
    int rc = ov_export_all_opts(&opts, t, c, NULL, dest, &rep, err, sizeof err);
    double c1 = cpu_ms(), w1 = wall_ms();
    if (rc != OV_OK)
        fprintf(stderr, "tally_growth: %s\n", err);
    else
        printf("export of %d meetings (%d files): %.0f ms CPU, %.0f ms wall\n", n, rep.n_files, c1 - c0,
               w1 - w0);
    ov_export_report_free(&rep);
    return rc == OV_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[1], "vote") && strcmp(argv[1], "export")) || atoi(argv[3]) < 1 ||
        atoi(argv[3]) > MAX_MEETINGS) {
        fprintf(stderr, "usage: tally_growth vote|export DIR N [VOTES]\n");
        return 2;
    }
    int n = atoi(argv[3]), votes = argc > 4 ? atoi(argv[4]) : DEFAULT_VOTES;
    if (votes < 1) votes = DEFAULT_VOTES;
    ov_log_set_quiet(1);
    static ov_content c;
    ov_content_builtin(&c);
    ov_find_asset_dir("content/en", c.dir, sizeof c.dir); /* its pictures, as the kiosk does */
    ov_tally *t = NULL;
    char err[300];
    if (ov_tally_open(argv[2], &t, err, sizeof err) != OV_OK) {
        fprintf(stderr, "tally_growth: %s\n", err);
        return 1;
    }
    int rc = fill(t, &c, n);
    if (!rc) rc = !strcmp(argv[1], "vote") ? bench_votes(t, &c, n, votes) : bench_export(t, &c, n, argv[2]);
    ov_tally_close(t);
    return rc;
}
