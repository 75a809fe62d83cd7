/* cli_export.c — `ourvoice export --to DIR`: writes the same files the USB
 * export writes (CSV, JSON, easy-read HTML per meeting), safely. */
#include "app/cli.h"
#include "platform/content_load.h"
#include "platform/config.h"
#include "model/content.h"
#include "platform/export.h"
#include "platform/paths.h"
#include "platform/tally.h"

#include "base/cli_opts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out,
            "usage: ourvoice export --to DIR [--data DIR] [--content DIR] [--config FILE]\n"
            "                       [--meeting NAME] [--date YYYY-MM-DD]\n"
            "Write each meeting's answers as a CSV file, a JSON file and an easy-read\n"
            "HTML report into DIR, exactly as the kiosk writes them to a USB stick.\n"
            "  --to DIR          where to write (created if missing; required)\n"
            "  --data DIR        the kiosk's data folder with tallies.sqlite (default from the config)\n"
            "  --content DIR     questions folder, for titles, words and pictures (default from the config)\n"
            "  --config FILE     settings file (small_numbers, export_exact are used)\n"
            "  --meeting NAME    export this meeting only (default: every meeting)\n"
            "  --date DATE       date for the file names (default: today)\n"
            "  --help            show this help\n"
            "Questions with fewer answers than small_numbers (default 5) have their counts\n"
            "withheld unless export_exact=1 is set. Files are described in docs/export.md.\n"
            "Exit status: 0 every file written and checked, 1 failed, 2 wrong command line.\n");
}

/* The questions' titles and words for the export: the content in dir, or
 * the built-in questions (with a message) when it cannot be used. */
static void load_titles(const char *dir, ov_content *c, ov_diags *diags)
{
    ov_diags_init(diags);
    if (ov_content_load(dir, c, diags) == OV_OK)
        return;
    ov_diags_print(diags, stderr);
    fprintf(stderr,
            "ourvoice export: %s: cannot use these questions; using the built-in questions "
            "for titles and words (the counts are exported all the same)\n",
            dir);
    ov_content_builtin(c);
    ov_find_asset_dir("content/en", c->dir, sizeof c->dir); /* its pictures */
}

/* Export every meeting (or `meeting`) from the store to `to`. Returns the
 * exit status: 0 every file written and checked, 1 failed, 2 no such config. */
static int export_all(const char *to, const char *data, const char *content_dir, const char *config,
                      const char *meeting, const char *date)
{
    int status = 1;
    ov_config *cfg = calloc(1, sizeof *cfg);
    ov_content *c = calloc(1, sizeof *c);
    ov_diags *diags = calloc(1, sizeof *diags);
    ov_export_report *rep = calloc(1, sizeof *rep);
    ov_tally *t = NULL;
    char err[OV_ERR_LONG_LEN] = "";
    if (!cfg || !c || !diags || !rep) {
        fprintf(stderr, "ourvoice export: out of memory\n");
        goto out;
    }
    ov_config_defaults(cfg);
    int rc = ov_load_config(config, cfg);
    if (rc == OV_ENOTFOUND && config) {
        fprintf(stderr, "ourvoice export: %s: no such settings file\n", config);
        status = 2;
        goto out;
    }
    if (data)
        ov_strlcpy(cfg->data_dir, data, sizeof cfg->data_dir);
    char dir[OV_PATH_MAX];
    ov_resolve_content_dir(cfg, content_dir, dir, sizeof dir);

    load_titles(dir, c, diags);
    if (ov_tally_open(cfg->data_dir, &t, err, sizeof err) != OV_OK) {
        fprintf(stderr, "ourvoice export: %s\n", err);
        goto out;
    }
    ov_export_opts opts;
    ov_export_opts_from_config(&opts, cfg);
    opts.date = date;
    rc = ov_export_all_opts(&opts, t, c, meeting, to, rep, err, sizeof err);
    for (int i = 0; i < rep->n_files; i++)
        printf("wrote %s\n", rep->files[i]);
    if (rc != OV_OK) {
        fprintf(stderr, "ourvoice export: %s\n", err);
        fprintf(stderr, "ourvoice export: nothing was removed from the kiosk; fix the problem and run the "
                        "export again\n");
        goto out;
    }
    printf("%d files written and checked in %s\n", rep->n_files, to);
    status = 0;
out:
    ov_tally_close(t);
    ov_export_report_free(rep);
    free(cfg);
    free(c);
    free(diags);
    free(rep);
    return status;
}

#define EXPORT_OPTS 6 /* entries in the table of ov_cmd_export */

int ov_cmd_export(int argc, char **argv)
{
    const char *to = NULL, *data = NULL, *content_dir = NULL, *config = NULL, *meeting = NULL, *date = NULL;
    const ov_opt table[EXPORT_OPTS] = {
        { .name = "to", .kind = OV_OPT_TEXT, .out = &to },
        { .name = "data", .kind = OV_OPT_TEXT, .out = &data },
        { .name = "content", .kind = OV_OPT_TEXT, .out = &content_dir },
        { .name = "config", .kind = OV_OPT_TEXT, .out = &config },
        { .name = "meeting", .kind = OV_OPT_TEXT, .out = &meeting },
        { .name = "date", .kind = OV_OPT_DATE, .out = &date },
    };
    ov_opt_parser p = { .cmd = "export", .opts = table, .n_opts = EXPORT_OPTS };
    int done = ov_cli_parse(&p, argc, argv, usage);
    if (done >= 0)
        return done;
    if (!to) {
        fprintf(stderr, "ourvoice export: say where to write with --to DIR\n");
        usage(stderr);
        return 2;
    }
    return export_all(to, data, content_dir, config, meeting, date);
}
