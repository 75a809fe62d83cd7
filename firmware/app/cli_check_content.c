/* cli_check_content.c — `ourvoice check-content DIR`: checks a content folder
 * the way the kiosk would and prints every problem as `file:line: message`. */
#include "app/cli.h"
#include "platform/content_load.h"
#include "model/content.h"
#include "model/content_check.h"
#include "platform/render.h"
#include "platform/paths.h"
#include "platform/speech_espeak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef OV_CONTENT_DEFAULT_DIR
#define OV_CONTENT_DEFAULT_DIR "assets/content/en"
#endif

static void usage(FILE *out)
{
    fprintf(out, "usage: ourvoice check-content [--quiet] [DIR]\n"
                 "Check a content folder (DIR/content.ini and the pictures and recordings it\n"
                 "names) exactly as the kiosk would before using it. Every problem is printed\n"
                 "as `file:line: message`; easy-read advice is printed as `warning:`.\n"
                 "  DIR        the content folder (default: " OV_CONTENT_DEFAULT_DIR ")\n"
                 "  --quiet    print errors only, no warnings or summary\n"
                 "  --help     show this help\n"
                 "Exit status: 0 the content is usable (warnings allowed), 1 errors found,\n"
                 "2 wrong command line. The format is described in docs/content.md.\n");
}

/* "1 question", "2 questions": the word for n of it (only -s plurals are needed here). */
#define PLURAL(n, word) ((n) == 1 ? (word) : (word "s"))

/* Print the problems found in dir (errors only when quiet) and, unless quiet,
 * a summary line. */
static void print_report(const char *dir, const ov_content *c, const ov_diags *d, int usable, int quiet)
{
    for (int i = 0; i < d->n; i++)
        if (!quiet || d->items[i].level == OV_DIAG_ERROR)
            printf("%s\n", d->items[i].text);
    if (d->dropped)
        printf("(%d more %s not shown; fix these and check again)\n", d->dropped,
               PLURAL(d->dropped, "problem"));
    if (quiet)
        return;
    if (usable)
        printf("%s: content is usable: %d %s, %d %s, %d %s\n", dir, c->n_questions,
               PLURAL(c->n_questions, "question"), c->n_scales, PLURAL(c->n_scales, "scale"), d->n_warnings,
               PLURAL(d->n_warnings, "warning"));
    if (usable && ov_content_practice(c) >= 0)
        printf("%s: '%s' is the practice question: drop-in members try it first, its answers are never "
               "kept\n", dir, c->questions[ov_content_practice(c)].id);
    if (!usable)
        printf("%s: %d %s, %d %s: the kiosk will not use this content until "
               "the errors are fixed\n",
               dir, d->n_errors, PLURAL(d->n_errors, "error"), d->n_warnings,
               PLURAL(d->n_warnings, "warning"));
}

/* ov_voice_fn: does espeak-ng have a voice for language? This command has
 * no speech thread, so it may start espeak-ng itself; -1 when it cannot. */
static int espeak_speaks(void *ctx, const char *language)
{
    (void)ctx;
    char err[OV_ERR_LEN];
    if (ov_espeak_init(NULL, err, sizeof err) != OV_OK)
        return -1;
    return ov_espeak_select_voice(language, NULL, err, sizeof err) == OV_OK;
}

/* Check dir as the kiosk would and print what is wrong; returns the exit
 * code: 0 usable, 1 errors (or out of memory). */
static int check_dir(const char *dir, int quiet)
{
    ov_diags *d = malloc(sizeof *d);
    ov_content *c = malloc(sizeof *c);
    if (!d || !c) {
        fprintf(stderr, "ourvoice check-content: out of memory\n");
        free(d);
        free(c);
        return 1;
    }
    ov_diags_init(d);
    ov_render *fonts = ov_render_open_measure_only(); /* "fits its box" with the real fonts */
    ov_check_opts opts = { 0 };
    ov_render_content_fit(fonts, &opts);
    opts.voice = espeak_speaks;
    int rc = ov_content_check(dir, &opts, c, d);
    ov_render_close(fonts);
    print_report(dir, c, d, rc == OV_OK, quiet);
    free(d);
    free(c);
    return rc == OV_OK ? 0 : 1;
}

#define CHECK_CONTENT_OPTS 1 /* entries in the table of ov_cmd_check_content */

int ov_cmd_check_content(int argc, char **argv)
{
    const char *dir = NULL;
    int quiet = 0;
    const ov_opt table[CHECK_CONTENT_OPTS] = {
        { .name = "quiet", .short_name = 'q', .kind = OV_OPT_FLAG, .out = &quiet },
    };
    ov_opt_parser p = { .cmd = "check-content", .opts = table, .n_opts = CHECK_CONTENT_OPTS, .args = &dir,
                        .max_args = 1 };
    int done = ov_cli_parse(&p, argc, argv, usage);
    if (done >= 0)
        return done;
    char found[OV_PATH_MAX];
    if (!dir) {
        ov_find_asset_dir("content/en", found, sizeof found);
        dir = found;
    }
    return check_dir(dir, quiet);
}
