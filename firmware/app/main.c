/* main.c — the `ourvoice` command: picks a subcommand (default: kiosk).
 *
 * Two programs. `ourvoice` (this file) is small: it links espeak-ng, SQLite
 * and inih, never SDL, SDL_ttf, SDL_image, HarfBuzz or libgpiod, so `say`,
 * `results`, `merge` and `set-pin` start in a millisecond or two. The
 * commands that need SDL — `kiosk` (the screen), `check-content` (it measures
 * every text with the fonts) and `export` (it checks the pictures by decoding
 * them with SDL_image, as the kiosk does) — are run by `ourvoice-kiosk`
 * (main_kiosk.c), found beside this program or in ../lib/ourvoice/
 * (platform/exec_beside.h), which replaces this process: same process id,
 * same arguments and environment, so systemd's Type=notify and watchdog, and
 * whoever sends SIGTERM, see one process. The link fails if a command here
 * pulls in an SDL module; tests/test_programs.c checks the libraries each
 * program loads.
 *
 * Signals: the commands here are short and keep the default handlers: they
 * never add or remove votes, and what they write (merges, WAV files, the
 * settings file, written safely) can simply be made again. The kiosk's
 * policy is in main_kiosk.c. */
#include "app/cli.h"
#include "base/ov_common.h"
#include "platform/exec_beside.h"

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

/* Hand the whole command line to ourvoice-kiosk. Returns only when it
 * cannot be run: 1, with a message. */
static int run_kiosk_program(char **argv)
{
    char err[OV_ERR_LONG_LEN];
    ov_exec_beside(OV_KIOSK_PROGRAM, argv, err, sizeof err);
    fprintf(stderr, "ourvoice: cannot start the kiosk program: %s\n", err);
    return 1;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {
        { "say", ov_cmd_say },     { "results", ov_cmd_results }, { "merge", ov_cmd_merge },
        { "set-pin", ov_cmd_set_pin },
    };
    static const char *const kiosk_cmds[] = { "kiosk", "check-content", "export" };
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
            usage(stdout);
            return 0;
        }
        return run_kiosk_program(argv); /* `ourvoice` alone, or `ourvoice --headless ...` */
    }
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (!strcmp(argv[1], cmds[i].name))
            return cmds[i].fn(argc - 1, argv + 1);
    for (size_t i = 0; i < sizeof kiosk_cmds / sizeof kiosk_cmds[0]; i++)
        if (!strcmp(argv[1], kiosk_cmds[i]))
            return run_kiosk_program(argv);
    fprintf(stderr, "ourvoice: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
