/* cli_merge.c — `ourvoice merge DIR...`: add up several kiosks' exports
 * (their JSON files) and write the same three files (CSV, JSON, HTML). */
#include "app/cli.h"
#include "model/groups.h"
#include "model/views.h"
#include "platform/export.h"
#include "platform/merge_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out, "usage: ourvoice merge [--to DIR] [--meeting NAME] [--content DIR] [--date YYYY-MM-DD]\n"
                 "                      [--small-numbers N] [--skip-bad] DIR_OR_FILE...\n"
                 "Add up the answers in several kiosks' exports (their ourvoice-*.json files)\n"
                 "and write one CSV, JSON and easy-read HTML report per meeting.\n"
                 "The same question (same id, same answers) in the same meeting is added up;\n"
                 "questions that differ are kept apart.\n"
                 "  DIR_OR_FILE       a folder (every .json file in it) or one .json file\n"
                 "  --to DIR          where to write (default: the current folder)\n"
                 "  --meeting NAME    put every meeting together under this one name\n"
                 "  --content DIR     questions folder, to add the pictures to the report\n"
                 "  --date DATE       date for the file names (default: today)\n"
                 "  --small-numbers N hide counts of questions with fewer answers than N\n"
                 "                    (default: the largest value in the exports)\n"
                 "  --skip-bad        merge the good files even when some cannot be read\n"
                 "  --help            show this help\n"
                 "Exit status: 0 merged, 1 a file could not be read or written, 2 wrong command line.\n");
}

/* Longest line printed about one input or output file. */
#define SHOWN_MAX (OV_PATH_MAX + OV_MEETING_LEN + 64)

/* Print "LABEL NAME" and a newline, NAME with its control characters
 * replaced by '?' (a file or meeting name may hold any byte). */
static void print_name(const char *label, const char *name)
{
    char shown[SHOWN_MAX];
    ov_strlcpy(shown, name, sizeof shown);
    ov_merge_printable(shown);
    printf("%s %s\n", label, shown);
}

/* A merged meeting and where it was in m->meetings (ties keep that order). */
typedef struct {
    const ov_results *r;
    int at;
} timed_meeting;

static int cmp_timed(const void *a, const void *b)
{
    const timed_meeting *x = a, *y = b;
    int c = ov_meeting_time_cmp(x->r->meeting, y->r->meeting);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* Issue 14, progress over time: the merged meetings stay apart; each one's
 * questions are compared with the same questions at the earlier meetings
 * (time order from the date in the name, model/views.h). The meetings are
 * sorted by time once: the ones before a meeting are a prefix of that order
 * (it was a scan and an insertion sort per meeting, O(n^3) in meetings).
 * Like the kiosk's own export (ov_views_fill), a meeting looks back at most
 * OV_COMPARE_LOOKBACK meetings, so the merged report says what each kiosk's
 * report says, and the merge stays linear in meetings (it looked through
 * every earlier meeting for a question nobody answered: quadratic). */
static void compare_meetings(ov_merge *m)
{
    int n = m->n_meetings;
    timed_meeting *t = calloc((size_t)(n > 0 ? n : 1), sizeof *t);
    const ov_results **earlier = calloc((size_t)(n > 0 ? n : 1), sizeof *earlier);
    if (!t || !earlier) {
        fprintf(stderr, "ourvoice merge: out of memory: the meetings are not compared\n");
        free(t);
        free(earlier);
        return;
    }
    for (int i = 0; i < n; i++)
        t[i] = (timed_meeting){ m->meetings[i], i };
    qsort(t, (size_t)n, sizeof *t, cmp_timed);
    for (int i = 0; i < n; i++)
        earlier[i] = t[i].r;
    for (int i = 0, before = 0; i < n; i++) {
        while (ov_meeting_time_cmp(t[before].r->meeting, t[i].r->meeting) < 0)
            before++; /* the meetings strictly earlier than t[i]: earlier[0..before) */
        int first = before > OV_COMPARE_LOOKBACK ? before - OV_COMPARE_LOOKBACK : 0;
        ov_compare_fill(m->meetings[t[i].at], (const ov_results *const *)earlier + first, before - first);
    }
    free(t);
    free(earlier);
}

#define MERGE_OPTS 6           /* entries in the table of merge_parse */
#define SMALL_NUMBERS_MAX 1000 /* the largest --small-numbers */
#define MERGE_ERR_LEN OV_ERR_LONG_LEN /* one input file's problem: its name and what is wrong */

/* What the command line of `ourvoice merge` asks for. */
typedef struct {
    const char *to, *meeting, *content, *date;
    int threshold; /* -1: the largest value in the exports */
    int skip_bad;
    const char **args; /* the folders and files to merge */
    int n_args;
} merge_args;

/* Parse the command line into a (a->args must hold argc entries); returns
 * -1 when the command goes on, else its exit code (help 0, mistake 2). */
static int merge_parse(merge_args *a, int argc, char **argv)
{
    const ov_opt table[MERGE_OPTS] = {
        { .name = "to", .kind = OV_OPT_TEXT, .out = &a->to },
        { .name = "meeting", .kind = OV_OPT_TEXT, .out = &a->meeting },
        { .name = "content", .kind = OV_OPT_TEXT, .out = &a->content },
        { .name = "date", .kind = OV_OPT_DATE, .out = &a->date },
        { .name = "small-numbers", .kind = OV_OPT_INT, .out = &a->threshold, .min = 0,
          .max = SMALL_NUMBERS_MAX },
        { .name = "skip-bad", .kind = OV_OPT_FLAG, .out = &a->skip_bad },
    };
    ov_opt_parser p = { .cmd = "merge", .opts = table, .n_opts = MERGE_OPTS, .args = a->args,
                        .max_args = argc };
    int done = ov_cli_parse(&p, argc, argv, usage);
    if (done >= 0)
        return done;
    a->n_args = p.n_args;
    if (a->n_args == 0) {
        fprintf(stderr, "ourvoice merge: name at least one folder or .json file to merge\n");
        usage(stderr);
        return 2;
    }
    return -1;
}

/* Read every input file into m; returns how many could not be read. */
static int read_inputs(ov_merge *m, const ov_name_list *in, ov_results *one)
{
    int n_bad = 0;
    for (int i = 0; i < in->n; i++) {
        char err[MERGE_ERR_LEN];
        int exact = 0;
        if (ov_merge_read_json(in->names[i], one, &exact, err, sizeof err) != OV_OK ||
            ov_merge_add(m, one, exact, err, sizeof err) != OV_OK) {
            fprintf(stderr, "%s\n", err);
            n_bad++;
            continue;
        }
        char shown[SHOWN_MAX];
        snprintf(shown, sizeof shown, "%s (%s, %d questions)", in->names[i], one->meeting,
                 one->n_questions);
        print_name("read", shown);
    }
    return n_bad;
}

/* Each merged question's picture (from --content) and its finished counts. */
static void finish_meetings(ov_merge *m, const char *content, int threshold)
{
    for (int i = 0; i < m->n_meetings; i++) {
        ov_results *r = m->meetings[i];
        for (int q = 0; q < r->n_questions; q++) {
            ov_result_question *rq = &r->questions[q];
            rq->picture[0] = '\0';
            if (content && rq->picture_rel[0] &&
                (size_t)snprintf(rq->picture, sizeof rq->picture, "%s/%s", content, rq->picture_rel) >=
                    sizeof rq->picture)
                rq->picture[0] = '\0';
            ov_results_finish_question(rq, threshold);
            ov_groups_protect_merged(rq, threshold); /* issue 14: whose view, protected again */
        }
    }
}

/* Write the merged meetings' files; returns 0 written, 1 not. */
static int write_merged(const merge_args *a, ov_merge *m, ov_export_report *rep)
{
    ov_export_opts opts = { 0 };
    opts.threshold = a->threshold >= 0 ? a->threshold : m->threshold;
    opts.exact = m->all_exact;
    opts.date = a->date;
    finish_meetings(m, a->content, opts.threshold);
    compare_meetings(m); /* issue 14: each meeting against the earlier ones */
    char err[OV_ERR_LONG_LEN];
    int rc = ov_export_results(&opts, m->meetings, m->n_meetings, a->to, rep, err, sizeof err);
    for (int i = 0; i < rep->n_files; i++)
        print_name("wrote", rep->files[i]);
    if (rc != OV_OK) {
        fprintf(stderr, "ourvoice merge: %s\n", err);
        return 1;
    }
    printf("merged %d files into %d meetings: %d files written and checked in %s\n", m->n_sources,
           m->n_meetings, rep->n_files, a->to);
    return 0;
}

/* Read the inputs a names and write their sum; returns the exit code. */
static int merge_run(const merge_args *a, ov_merge *m, ov_name_list *in, ov_results *one,
                     ov_export_report *rep)
{
    int n_bad = 0;
    int rc_in = ov_merge_inputs(a->args, a->n_args, a->to, in, &n_bad);
    if (rc_in != OV_OK)
        return rc_in == OV_EINVAL ? 2 : 1;
    n_bad += read_inputs(m, in, one);
    if (n_bad && !a->skip_bad) {
        fprintf(stderr,
                "ourvoice merge: %d problems; nothing was written. Fix or remove those files, "
                "or use --skip-bad to merge the rest\n",
                n_bad);
        return 1;
    }
    if (m->n_sources == 0) {
        fprintf(stderr, "ourvoice merge: no export files could be read; nothing to merge\n");
        return 1;
    }
    if (write_merged(a, m, rep) != 0)
        return 1;
    return n_bad ? 1 : 0;
}

int ov_cmd_merge(int argc, char **argv)
{
    merge_args a = { .to = ".", .threshold = -1 };
    int status = 1;
    ov_name_list in = { 0 };
    ov_merge m;
    ov_merge_init(&m, NULL);
    a.args = calloc((size_t)argc + 1, sizeof *a.args);
    ov_results *one = ov_results_new();
    ov_export_report *rep = calloc(1, sizeof *rep);
    if (!a.args || !one || !rep) {
        fprintf(stderr, "ourvoice merge: out of memory\n");
        goto out;
    }
    status = merge_parse(&a, argc, argv);
    if (status >= 0)
        goto out;
    m.one_meeting = a.meeting;
    status = merge_run(&a, &m, &in, one, rep);
out:
    ov_merge_free(&m);
    ov_name_list_free(&in);
    ov_export_report_free(rep);
    free(one);
    free(rep);
    free(a.args);
    return status;
}
