/* tally_voter.c — a small program that votes through the real tally store.
 *
 *   tally_voter loop DATA_DIR SEED   vote for ever (random question/answer from
 *                                    q1..q4 x a1..a4, meeting "crash"); prints
 *                                    "ready" after opening, then one line
 *                                    "thanked Q A" after each ov_tally_add
 *                                    returned OV_OK (one unbuffered write each).
 *                                    For crash tests: kill it with SIGKILL.
 *   tally_voter bench DATA_DIR [N]   N votes (default 1000), then prints the
 *                                    rate of committed votes per second with
 *                                    synchronous=FULL, and the open time.
 *   tally_voter visits DATA_DIR FILE FIRST
 *                                    one member per line of FILE ("a1 a4 a2 a3":
 *                                    the answers to q1..q4), from line FIRST on,
 *                                    each with ov_tally_add_set into meeting
 *                                    "visits" (opened with every q/a first); prints
 *                                    "thanked N" (N = line number) after each.
 *   tally_voter ideas DATA_DIR FILE FIRST
 *                                    the same members in a priorities round of
 *                                    meeting "visits", question "q1", 4 ideas
 *                                    (made and opened first), 2 choices: the
 *                                    first two answers of a line (a1..a4: idea
 *                                    1..4) with ov_plan_vote; "thanked N" after each.
 *   tally_voter ideas-dump DATA_DIR  "IDEA VOTES" lines and "voters N" of that board.
 *   tally_voter close DATA_DIR MEETING
 *                                    close a meeting (it takes no more votes)
 *   tally_voter dump DATA_DIR        open for writing (as a kiosk start does),
 *                                    print "Q A COUNT" lines of "visits", close.
 * Exit: 0 ok, 1 a tally call failed (message on stderr), 2 usage. */
#include "base/ov_common.h"
#include "platform/tally.h"
#include "platform/tally_plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const questions[] = { "q1", "q2", "q3", "q4" };
static const char *const answers[] = { "a1", "a2", "a3", "a4" };

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0) return -1;
        s += w; n -= (size_t)w;
    }
    return 0;
}

static int run_loop(const char *dir, unsigned seed)
{
    char err[400];
    ov_tally *t = NULL;
    srand(seed);
    if (ov_tally_open(dir, &t, err, sizeof err) != OV_OK) { fprintf(stderr, "tally_voter: %s\n", err); return 1; }
    if (write_all(1, "ready\n", 6) != 0) return 1;
    for (;;) {
        int q = rand() % 4, a = rand() % 4;
        if (ov_tally_add(t, "crash", questions[q], answers[a], err, sizeof err) != OV_OK) {
            fprintf(stderr, "tally_voter: %s\n", err);
            ov_tally_close(t);
            return 1;
        }
        char line[32];
        int n = snprintf(line, sizeof line, "thanked %s %s\n", questions[q], answers[a]);
        if (write_all(1, line, (size_t)n) != 0) break;   /* reader gone */
    }
    ov_tally_close(t);
    return 0;
}

static int run_bench(const char *dir, long n)
{
    char err[400];
    ov_tally *t = NULL;
    uint64_t t0 = ov_now_ms();
    if (ov_tally_open(dir, &t, err, sizeof err) != OV_OK) { fprintf(stderr, "tally_voter: %s\n", err); return 1; }
    uint64_t t1 = ov_now_ms();
    srand(1);
    for (long i = 0; i < n; i++) {
        if (ov_tally_add(t, "bench", questions[rand() % 4], answers[rand() % 4], err, sizeof err) != OV_OK) {
            fprintf(stderr, "tally_voter: vote %ld: %s\n", i, err);
            ov_tally_close(t);
            return 1;
        }
    }
    uint64_t t2 = ov_now_ms();
    ov_tally_close(t);
    double secs = (double)(t2 - t1) / 1000.0;
    printf("tally: %ld votes committed (synchronous=FULL) in %.2f s: %.0f votes/s, %.2f ms/vote; open took %llu ms (%s)\n",
           n, secs, secs > 0 ? (double)n / secs : 0.0, n ? (double)(t2 - t1) / (double)n : 0.0,
           (unsigned long long)(t1 - t0), dir);
    return 0;
}

/* What run_lines does with the store first, and with each member's line. */
typedef struct {
    int (*prepare)(ov_tally *t, void *ctx, char *err, size_t errlen);
    int (*vote)(ov_tally *t, const char *line, void *ctx, char *err, size_t errlen); /* OV_EINVAL: no vote */
    void *ctx;
} voter;

/* Open the store in dir and prepare it, then one member per line of `file`
 * from line `first` on, printing "thanked N" after each stored one. */
static int run_lines(const char *dir, const char *file, long first, const voter *v)
{
    char err[400] = "";
    ov_tally *t = NULL;
    FILE *fp = fopen(file, "r");
    if (!fp) {
        fprintf(stderr, "tally_voter: cannot read %s\n", file);
        return 1;
    }
    int rc = ov_tally_open(dir, &t, err, sizeof err);
    if (rc == OV_OK)
        rc = v->prepare(t, v->ctx, err, sizeof err);
    char line[128];
    for (long n = 1; rc == OV_OK && fgets(line, sizeof line, fp); n++) {
        if (n < first)
            continue;
        rc = v->vote(t, line, v->ctx, err, sizeof err);
        char out[32];
        int k = snprintf(out, sizeof out, "thanked %ld\n", n);
        if (rc == OV_OK && write_all(1, out, (size_t)k) != 0)
            break;
    }
    fclose(fp);
    if (rc != OV_OK)
        fprintf(stderr, "tally_voter: %s\n", err);
    ov_tally_close(t);
    return rc == OV_OK ? 0 : 1;
}

/* The meeting "visits", opened with every question and answer. */
static int open_visits(ov_tally *t, void *ctx, char *err, size_t errlen)
{
    const char *qs[16], *as[16];
    for (int i = 0; i < 16; i++) {
        qs[i] = questions[i / 4];
        as[i] = answers[i % 4];
    }
    return ov_tally_meeting_open(t, "visits", "2025-05-03", qs, as, 16, err, errlen);
}

/* "a1 a4 a2 a3": the answers to q1..q4, as one member's set. */
static int vote_visit(ov_tally *t, const char *line, void *ctx, char *err, size_t errlen)
{
    char a[4][8];
    if (sscanf(line, "%7s %7s %7s %7s", a[0], a[1], a[2], a[3]) != 4)
        return OV_EINVAL;
    const char *chosen[4] = { a[0], a[1], a[2], a[3] };
    return ov_tally_add_set(t, "visits", questions, chosen, 4, err, errlen);
}

static int run_visits(const char *dir, const char *file, long first)
{
    const voter v = { open_visits, vote_visit, NULL };
    return run_lines(dir, file, first, &v);
}

static const char *const idea_texts[] = { "Longer opening hours", "A quiet room", "More trips out",
                                           "Easy read letters" };

/* The board of the priorities round (ctx), made and opened the first time. */
static int open_round(ov_tally *t, void *ctx, char *err, size_t errlen)
{
    ov_ideas_board *b = ctx;
    int rc = ov_plan_load(t, "visits", "q1", b, err, errlen);
    if (rc != OV_OK || b->n_ideas > 0)
        return rc;
    for (int i = 0; rc == OV_OK && i < 4; i++)
        rc = ov_ideas_add(b, idea_texts[i], err, errlen);
    b->max_choices = 2;
    b->round = OV_ROUND_OPEN;
    return rc == OV_OK ? ov_plan_save(t, b, err, errlen) : rc;
}

/* "a2 a4 ...": the first two answers are the ideas chosen (the same twice: one idea). */
static int vote_ideas(ov_tally *t, const char *line, void *ctx, char *err, size_t errlen)
{
    char a[2][8];
    if (sscanf(line, "a%7s a%7s", a[0], a[1]) != 2)
        return OV_EINVAL;
    int chosen[2] = { atoi(a[0]) - 1, atoi(a[1]) - 1 };
    return ov_plan_vote(t, "visits", "q1", chosen, chosen[0] == chosen[1] ? 1 : 2, err, errlen);
}

static int run_ideas(const char *dir, const char *file, long first)
{
    ov_ideas_board *b = calloc(1, sizeof *b);
    if (!b) {
        fprintf(stderr, "tally_voter: out of memory\n");
        return 1;
    }
    const voter v = { open_round, vote_ideas, b };
    int rc = run_lines(dir, file, first, &v);
    free(b);
    return rc;
}

static int run_ideas_dump(const char *dir)
{
    char err[400] = "";
    ov_tally *t = NULL;
    static ov_ideas_board b;
    int rc = ov_tally_open(dir, &t, err, sizeof err);
    if (rc == OV_OK) rc = ov_plan_load(t, "visits", "q1", &b, err, sizeof err);
    for (int i = 0; rc == OV_OK && i < b.n_ideas; i++) printf("%d %ld\n", i, b.ideas[i].votes);
    if (rc == OV_OK) printf("voters %ld\n", b.voters);
    if (rc != OV_OK) fprintf(stderr, "tally_voter: %s\n", err);
    ov_tally_close(t);
    return rc == OV_OK ? 0 : 1;
}

static int run_dump(const char *dir)
{
    char err[400];
    ov_tally *t = NULL;
    if (ov_tally_open(dir, &t, err, sizeof err) != OV_OK) { fprintf(stderr, "tally_voter: %s\n", err); return 1; }
    ov_tally_row *rows = NULL;
    int n = 0;
    int rc = ov_tally_read_all(t, "visits", &rows, &n);
    for (int i = 0; rc == OV_OK && i < n; i++) printf("%s %s %ld\n", rows[i].question, rows[i].answer, rows[i].count);
    free(rows);
    ov_tally_close(t);
    return rc == OV_OK ? 0 : 1;
}

static int run_close(const char *dir, const char *meeting)
{
    char err[400];
    ov_tally *t = NULL;
    int rc = ov_tally_open(dir, &t, err, sizeof err);
    if (rc == OV_OK) rc = ov_tally_meeting_close(t, meeting, err, sizeof err);
    if (rc != OV_OK) fprintf(stderr, "tally_voter: %s\n", err);
    ov_tally_close(t);
    return rc == OV_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    ov_log_set_quiet(1);
    if (argc >= 4 && !strcmp(argv[1], "loop")) return run_loop(argv[2], (unsigned)strtoul(argv[3], NULL, 10));
    if ((argc == 3 || argc == 4) && !strcmp(argv[1], "bench")) {
        long n = argc == 4 ? strtol(argv[3], NULL, 10) : 1000;
        if (n <= 0) { fprintf(stderr, "tally_voter: N must be a positive number\n"); return 2; }
        return run_bench(argv[2], n);
    }
    if (argc == 5 && !strcmp(argv[1], "visits")) return run_visits(argv[2], argv[3], strtol(argv[4], NULL, 10));
    if (argc == 3 && !strcmp(argv[1], "dump")) return run_dump(argv[2]);
    if (argc == 5 && !strcmp(argv[1], "ideas")) return run_ideas(argv[2], argv[3], strtol(argv[4], NULL, 10));
    if (argc == 3 && !strcmp(argv[1], "ideas-dump")) return run_ideas_dump(argv[2]);
    if (argc == 4 && !strcmp(argv[1], "close")) return run_close(argv[2], argv[3]);
    fprintf(stderr, "usage: tally_voter loop DATA_DIR SEED | tally_voter bench DATA_DIR [N] |"
                    " tally_voter visits|ideas DATA_DIR FILE FIRST | tally_voter dump|ideas-dump DATA_DIR\n");
    return 2;
}
