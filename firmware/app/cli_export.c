/* cli_export.c — `ourvoice export --to DIR`: writes the same files the USB
 * export writes (CSV, JSON, easy-read HTML per meeting), safely. */
#include "app/cli.h"
#include "platform/content_load.h"
#include "platform/config.h"
#include "model/content.h"
#include "platform/export.h"
#include "platform/paths.h"
#include "platform/tally.h"

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

static int need_arg(int i, int argc, char **argv)
{
    if (i + 1 < argc)
        return 1;
    fprintf(stderr, "ourvoice export: %s needs a value\n", argv[i]);
    usage(stderr);
    return 0;
}

int ov_cmd_export(int argc, char **argv)
{
    const char *to = NULL, *data = NULL, *content_dir = NULL, *config = NULL, *meeting = NULL, *date = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        }
        const char **slot = !strcmp(a, "--to")        ? &to
                            : !strcmp(a, "--data")    ? &data
                            : !strcmp(a, "--content") ? &content_dir
                            : !strcmp(a, "--config")  ? &config
                            : !strcmp(a, "--meeting") ? &meeting
                            : !strcmp(a, "--date")    ? &date
                                                      : NULL;
        if (!slot) {
            fprintf(stderr, "ourvoice export: unknown argument '%s'\n", a);
            usage(stderr);
            return 2;
        }
        if (!need_arg(i, argc, argv))
            return 2;
        *slot = argv[++i];
    }
    if (!to) {
        fprintf(stderr, "ourvoice export: say where to write with --to DIR\n");
        usage(stderr);
        return 2;
    }
    if (date) {
        int y, m, d;
        char extra;
        if (sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || strlen(date) != 10 || m < 1 || m > 12 ||
            d < 1 || d > 31) {
            fprintf(stderr, "ourvoice export: --date '%s' is not a date like 2025-05-03\n", date);
            return 2;
        }
    }

    int status = 1;
    ov_config *cfg = calloc(1, sizeof *cfg);
    ov_content *c = calloc(1, sizeof *c);
    ov_diags *diags = calloc(1, sizeof *diags);
    ov_export_report *rep = calloc(1, sizeof *rep);
    ov_tally *t = NULL;
    char err[1024] = "";
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

    ov_diags_init(diags);
    rc = ov_content_load(dir, c, diags);
    if (rc != OV_OK) {
        ov_diags_print(diags, stderr);
        fprintf(stderr,
                "ourvoice export: %s: cannot use these questions; using the built-in questions "
                "for titles and words (the counts are exported all the same)\n",
                dir);
        ov_content_builtin(c);
        ov_find_asset_dir("content/en", c->dir, sizeof c->dir); /* its pictures */
    }
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
