/* cli_merge.c — `ourvoice merge DIR...`: add up several kiosks' exports
 * (their JSON files) and write the same three files (CSV, JSON, HTML). */
#include "app/cli.h"
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

/* Issue 14, progress over time: the merged meetings stay apart; each one's
 * questions are compared with the same questions at the earlier meetings
 * (time order from the date in the name, model/views.h). */
static void compare_meetings(ov_merge *m)
{
    const ov_results **earlier = calloc((size_t)(m->n_meetings > 0 ? m->n_meetings : 1), sizeof *earlier);
    if (!earlier) {
        fprintf(stderr, "ourvoice merge: out of memory: the meetings are not compared\n");
        return;
    }
    for (int i = 0; i < m->n_meetings; i++) {
        int n = 0;
        for (int j = 0; j < m->n_meetings; j++)
            if (ov_meeting_time_cmp(m->meetings[j]->meeting, m->meetings[i]->meeting) < 0)
                earlier[n++] = m->meetings[j];
        for (int a = 1; a < n; a++) /* oldest first */
            for (int b = a; b > 0 && ov_meeting_time_cmp(earlier[b - 1]->meeting, earlier[b]->meeting) > 0; b--) {
                const ov_results *t = earlier[b];
                earlier[b] = earlier[b - 1];
                earlier[b - 1] = t;
            }
        ov_compare_fill(m->meetings[i], (const ov_results *const *)earlier, n);
    }
    free(earlier);
}

int ov_cmd_merge(int argc, char **argv)
{
    const char *to = ".", *meeting = NULL, *content = NULL, *date = NULL;
    int threshold = -1, skip_bad = 0, status = 1, n_bad = 0;
    ov_name_list in = { 0 };
    const char **args = calloc((size_t)argc + 1, sizeof *args);
    int n_args = 0;
    ov_merge m;
    ov_merge_init(&m, NULL);
    ov_results *one = ov_results_new();
    ov_export_report *rep = calloc(1, sizeof *rep);
    if (!args || !one || !rep) {
        fprintf(stderr, "ourvoice merge: out of memory\n");
        goto out;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            status = 0;
            goto out;
        }
        if (!strcmp(a, "--skip-bad")) {
            skip_bad = 1;
            continue;
        }
        const char **slot = !strcmp(a, "--to")        ? &to
                            : !strcmp(a, "--meeting") ? &meeting
                            : !strcmp(a, "--content") ? &content
                            : !strcmp(a, "--date")    ? &date
                                                      : NULL;
        if (slot || !strcmp(a, "--small-numbers")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "ourvoice merge: %s needs a value\n", a);
                status = 2;
                goto out;
            }
            if (slot) {
                *slot = argv[++i];
                continue;
            }
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 0 || v > 1000) {
                fprintf(stderr, "ourvoice merge: --small-numbers wants a number from 0 to 1000\n");
                status = 2;
                goto out;
            }
            threshold = (int)v;
            continue;
        }
        if (a[0] == '-' && a[1]) {
            fprintf(stderr, "ourvoice merge: unknown option '%s'\n", a);
            usage(stderr);
            status = 2;
            goto out;
        }
        args[n_args++] = a;
    }
    if (n_args == 0) {
        fprintf(stderr, "ourvoice merge: name at least one folder or .json file to merge\n");
        usage(stderr);
        status = 2;
        goto out;
    }
    m.one_meeting = meeting;

    int rc_in = ov_merge_inputs(args, n_args, to, &in, &n_bad);
    if (rc_in != OV_OK) {
        status = rc_in == OV_EINVAL ? 2 : 1;
        goto out;
    }
    for (int i = 0; i < in.n; i++) {
        char err[600];
        int exact = 0;
        if (ov_merge_read_json(in.names[i], one, &exact, err, sizeof err) != OV_OK) {
            fprintf(stderr, "%s\n", err);
            n_bad++;
            continue;
        }
        if (ov_merge_add(&m, one, exact, err, sizeof err) != OV_OK) {
            fprintf(stderr, "%s\n", err);
            n_bad++;
            continue;
        }
        char shown[SHOWN_MAX];
        snprintf(shown, sizeof shown, "%s (%s, %d questions)", in.names[i], one->meeting, one->n_questions);
        print_name("read", shown);
    }
    if (n_bad && !skip_bad) {
        fprintf(stderr,
                "ourvoice merge: %d problems; nothing was written. Fix or remove those files, "
                "or use --skip-bad to merge the rest\n",
                n_bad);
        goto out;
    }
    if (m.n_sources == 0) {
        fprintf(stderr, "ourvoice merge: no export files could be read; nothing to merge\n");
        goto out;
    }

    ov_export_opts opts = { 0 };
    opts.threshold = threshold >= 0 ? threshold : m.threshold;
    opts.exact = m.all_exact;
    opts.date = date;
    for (int i = 0; i < m.n_meetings; i++) {
        ov_results *r = m.meetings[i];
        for (int q = 0; q < r->n_questions; q++) {
            ov_result_question *rq = &r->questions[q];
            rq->picture[0] = '\0';
            if (content && rq->picture_rel[0] &&
                (size_t)snprintf(rq->picture, sizeof rq->picture, "%s/%s", content, rq->picture_rel) >=
                    sizeof rq->picture)
                rq->picture[0] = '\0';
            ov_results_finish_question(rq, opts.threshold);
        }
    }
    compare_meetings(&m); /* issue 14: each meeting against the earlier ones */
    char err[1024];
    int rc = ov_export_results(&opts, m.meetings, m.n_meetings, to, rep, err, sizeof err);
    for (int i = 0; i < rep->n_files; i++)
        print_name("wrote", rep->files[i]);
    if (rc != OV_OK) {
        fprintf(stderr, "ourvoice merge: %s\n", err);
        goto out;
    }
    printf("merged %d files into %d meetings: %d files written and checked in %s\n", m.n_sources,
           m.n_meetings, rep->n_files, to);
    status = n_bad ? 1 : 0;
out:
    ov_merge_free(&m);
    ov_name_list_free(&in);
    ov_export_report_free(rep);
    free(one);
    free(rep);
    free(args);
    return status;
}
