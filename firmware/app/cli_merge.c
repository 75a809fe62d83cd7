/* cli_merge.c — `ourvoice merge DIR...`: add up several kiosks' exports
 * (their JSON files) and write the same three files (CSV, JSON, HTML). */
#include "app/cli.h"
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

static const char *merged_name(void *ctx, int i)
{
    return ((ov_merge *)ctx)->meetings[i]->meeting;
}

/* Meeting i's results, made when the export asks for them (model/merge.h). */
static ov_results *merged_results(void *ctx, int i, int *rc)
{
    ov_results *r = ov_merge_results(ctx, i);
    *rc = r ? OV_OK : OV_EINVAL;
    return r;
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

/* Write the merged meetings' files; returns 0 written, 1 not. */
static int write_merged(const merge_args *a, ov_merge *m, ov_export_report *rep)
{
    ov_export_opts opts = { 0 };
    opts.threshold = a->threshold >= 0 ? a->threshold : m->threshold;
    opts.exact = m->all_exact;
    opts.date = a->date;
    char err[OV_ERR_LONG_LEN];
    /* one meeting at a time: finished, compared with the earlier ones (issue 14) */
    int rc = ov_merge_prepare(m, a->content, opts.threshold);
    ov_export_source src = { m->n_meetings, merged_name, merged_results, m };
    if (rc == OV_OK)
        rc = ov_export_from(&opts, &src, a->to, rep, err, sizeof err);
    else
        ov_strlcpy(err, "out of memory", sizeof err);
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
    ov_name_list_free(in); /* every name is printed: the writing has their room */
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
