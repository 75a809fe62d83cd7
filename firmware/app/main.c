/* main.c — the `ourvoice` command: picks a subcommand (default: kiosk). */
#include "app/cli.h"
#include "base/ov_common.h"
#include "platform/signals.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out,
        "usage: ourvoice [COMMAND] [OPTIONS]\n"
        "  kiosk            run the kiosk (the default)\n"
        "  check-content DIR  check a content folder; file:line: message for each problem\n"
        "  say TEXT --wav FILE  speak to a WAV file and print each word's start time\n"
        "  results          print the vote counts in the data folder\n"
        "  export --to DIR  write the CSV, JSON and easy-read report files\n"
        "  merge DIR...     combine several kiosks' exports into one\n"
        "Run `ourvoice COMMAND --help` for a command's options.\n");
}

/* Signal policy: SIGTERM (systemd's stop), SIGINT and SIGHUP only set a
 * flag (platform/signals.c); the kiosk loop sees it within one turn (at most
 * a few tens of milliseconds) and leaves through its normal clean-up: speech
 * stopped, GPIO released, the vote store closed; exit status 0. Votes never
 * depend on that clean-up: each is committed before "thank you", so a
 * SIGKILL or a power cut loses nothing thanked (tests/test_tally.c). */
static int run_kiosk(int argc, char **argv)
{
    if (ov_signals_install() != OV_OK)
        fprintf(stderr, "ourvoice: warning: cannot catch SIGTERM; a stop will end the program at once\n");
    return ov_cmd_kiosk(argc, argv);
}

/* The other commands keep the default actions: Ctrl-C ends them at once, and
 * each writes its files safely (temporary name, then rename). */
int main(int argc, char **argv)
{
    static const struct { const char *name; int (*fn)(int, char **); } cmds[] = {
        { "kiosk", run_kiosk }, { "check-content", ov_cmd_check_content },
        { "say", ov_cmd_say }, { "results", ov_cmd_results },
        { "export", ov_cmd_export }, { "merge", ov_cmd_merge },
    };
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) { usage(stdout); return 0; }
        argv[0] = "kiosk";
        return run_kiosk(argc, argv);   /* `ourvoice` alone, or `ourvoice --headless ...` */
    }
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (!strcmp(argv[1], cmds[i].name)) return cmds[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "ourvoice: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
