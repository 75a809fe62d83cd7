/* main.c — the `ourvoice` command: picks a subcommand (default: kiosk).
 *
 * Signal policy. The kiosk runs under systemd, which stops it with SIGTERM;
 * a person at a terminal stops it with Ctrl-C (SIGINT). For the kiosk both
 * mean "leave cleanly": the handler (platform/signals.c) only sets a flag,
 * the loop sees it within one turn (a turn never waits more than 100 ms), stops
 * speech, closes the vote store (every vote thanked is already committed)
 * and exits 0 — well within 1 s. SDL installs no handlers of its own
 * (SDL_HINT_NO_SIGNAL_HANDLERS, platform/display.c). The other commands are
 * short and keep the default handlers: they never add or remove votes, and
 * what they write (exports, merges, WAV files) can simply be made again. */
#include "app/cli.h"
#include "base/ov_common.h"
#include "platform/signals.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out, "usage: ourvoice [COMMAND] [OPTIONS]\n"
                 "  kiosk            run the kiosk (the default)\n"
                 "  check-content DIR  check a content folder; file:line: message for each problem\n"
                 "  say TEXT --wav FILE  speak to a WAV file and print each word's start time\n"
                 "  results          print the vote counts in the data folder\n"
                 "  export --to DIR  write the CSV, JSON and easy-read report files\n"
                 "  merge DIR...     combine several kiosks' exports into one\n"
                 "  set-pin          set the facilitator PIN (install.sh runs it)\n"
                 "Run `ourvoice COMMAND --help` for a command's options.\n");
}

/* The kiosk with the signal policy above. */
static int run_kiosk(int argc, char **argv)
{
    if (ov_signals_install() != OV_OK)
        ov_log_warn("SIGTERM and SIGINT handlers not installed: stopping the kiosk may skip its clean-up");
    return ov_cmd_kiosk(argc, argv);
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {
        { "kiosk", run_kiosk },      { "check-content", ov_cmd_check_content },
        { "say", ov_cmd_say },       { "results", ov_cmd_results },
        { "export", ov_cmd_export }, { "merge", ov_cmd_merge },
        { "set-pin", ov_cmd_set_pin },
    };
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
            usage(stdout);
            return 0;
        }
        argv[0] = "kiosk";
        return run_kiosk(argc, argv); /* `ourvoice` alone, or `ourvoice --headless ...` */
    }
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (!strcmp(argv[1], cmds[i].name))
            return cmds[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "ourvoice: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
