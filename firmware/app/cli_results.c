/* cli_results.c — `ourvoice results`: print the vote counts of the data
 * folder as a table per meeting and question (exact counts: this is the
 * facilitator's tool; the kiosk's own screens hide small numbers). Reads the
 * database read-only and never creates anything. */
#include "app/cli.h"
#include "platform/config.h"
#include "platform/paths.h"
#include "platform/tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ANSWER_COLUMN_MIN_W 6 /* the table's answer column is at least this many characters wide */

static void usage(FILE *out)
{
    fprintf(out, "usage: ourvoice results [--data DIR] [--meeting NAME] [--config FILE]\n"
                 "Prints how many votes each answer got, per meeting and question.\n"
                 "  --data DIR       the data folder (default: data_dir= in the config,\n"
                 "                   else ~/.local/share/ourvoice)\n"
                 "  --meeting NAME   only this meeting\n"
                 "  --config FILE    settings file (default /etc/ourvoice/ourvoice.ini or\n"
                 "                   ~/.config/ourvoice/ourvoice.ini)\n"
                 "Counts are exact, even small ones: keep this output private.\n"
                 "Exit status: 0 printed, 1 no vote database or it cannot be read, 2 wrong options.\n");
}

/* One count line; with groups (issue 14, whose view) the group is a third column. */
static void print_count(const ov_tally_row *r, int wide, int groups)
{
    if (groups)
        printf("    %-*s  %8ld  %s\n", wide, r->answer, r->count, r->group[0] ? r->group : "(did not say)");
    else
        printf("    %-*s  %8ld\n", wide, r->answer, r->count);
}

static void print_table(const ov_tally_row *rows, int n)
{
    int wide = ANSWER_COLUMN_MIN_W; /* width of the answer column */
    int groups = 0;
    for (int i = 0; i < n; i++) {
        int w = (int)strlen(rows[i].answer);
        if (w > wide)
            wide = w;
        groups |= rows[i].group[0] != '\0';
    }
    for (int i = 0; i < n;) {
        const char *meeting = rows[i].meeting;
        long meeting_total = 0;
        int questions = 0;
        printf("Meeting: %s\n", meeting);
        while (i < n && !strcmp(rows[i].meeting, meeting)) {
            const char *question = rows[i].question;
            long total = 0;
            for (int j = i; j < n && !strcmp(rows[j].meeting, meeting) && !strcmp(rows[j].question, question);
                 j++)
                total += rows[j].count;
            printf("  Question: %s (%ld vote%s)\n", question, total, total == 1 ? "" : "s");
            printf(groups ? "    %-*s  %8s  Group\n" : "    %-*s  %8s\n", wide, "Answer", "Votes");
            for (; i < n && !strcmp(rows[i].meeting, meeting) && !strcmp(rows[i].question, question); i++)
                print_count(&rows[i], wide, groups);
            meeting_total += total;
            questions++;
        }
        printf("  %ld vote%s on %d question%s in meeting %s\n\n", meeting_total,
               meeting_total == 1 ? "" : "s", questions, questions == 1 ? "" : "s", meeting);
    }
}

/* Say that meeting has no votes, and name every meeting that has (all of
 * them: no limit). */
static void print_no_votes(ov_tally *t, const char *meeting)
{
    char (*names)[OV_MEETING_LEN] = NULL;
    int m = 0;
    if (ov_tally_meeting_names(t, 0, &names, &m) != OV_OK)
        m = 0;
    printf("No votes for meeting \"%s\".", meeting);
    if (m > 0) {
        printf(" Meetings with votes:");
        for (int i = 0; i < m; i++)
            printf("%s \"%s\"", i ? "," : "", names[i]);
        printf(".");
    }
    printf("\n");
    free(names);
}

#define RESULTS_OPTS 3 /* entries in the table of ov_cmd_results */

/* Print the votes of data_dir (only meeting's when not NULL); returns the
 * exit code: 0 printed, 1 no store or it cannot be read. */
static int print_votes(const char *data_dir, const char *meeting)
{
    int rc = 1;
    char err[OV_ERR_LONG_LEN];
    ov_tally *t = NULL;
    ov_tally_row *rows = NULL;
    int n = 0;
    if (ov_tally_open_existing(data_dir, &t, err, sizeof err) != OV_OK) {
        fprintf(stderr, "ourvoice results: %s\n", err);
        goto out;
    }
    if (ov_tally_read_all(t, meeting, &rows, &n) != OV_OK) {
        fprintf(stderr,
                "ourvoice results: cannot read the votes in %s. Check that the file is readable, "
                "or run the command again if the kiosk was busy.\n",
                ov_tally_path(t));
        goto out;
    }
    printf("Votes in %s\n\n", ov_tally_path(t));
    if (n == 0 && meeting)
        print_no_votes(t, meeting);
    else if (n == 0)
        printf("No votes yet.\n");
    else
        print_table(rows, n);
    rc = 0;
out:
    free(rows);
    ov_tally_close(t);
    return rc;
}

int ov_cmd_results(int argc, char **argv)
{
    const char *data_opt = NULL, *meeting = NULL, *config_path = NULL;
    const ov_opt table[RESULTS_OPTS] = {
        { .name = "data", .kind = OV_OPT_TEXT, .out = &data_opt },
        { .name = "meeting", .kind = OV_OPT_TEXT, .out = &meeting },
        { .name = "config", .kind = OV_OPT_TEXT, .out = &config_path },
    };
    ov_opt_parser p = { .cmd = "results", .opts = table, .n_opts = RESULTS_OPTS };
    int done = ov_cli_parse(&p, argc, argv, usage);
    if (done >= 0)
        return done;
    ov_config cfg;
    if (!data_opt) { /* the config only matters for the data folder */
        if (ov_load_config(config_path, &cfg) == OV_ENOTFOUND)
            return 2;
        data_opt = cfg.data_dir;
    }
    return print_votes(data_opt, meeting);
}
