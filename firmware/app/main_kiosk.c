/* main_kiosk.c — the `ourvoice-kiosk` program: the commands of `ourvoice`
 * that need SDL (kiosk, check-content, export). `ourvoice` runs it in its own
 * place (main.c) with the same command line, so it is never typed by hand.
 *
 * Signal policy. The kiosk runs under systemd, which stops it with SIGTERM;
 * a person at a terminal stops it with Ctrl-C (SIGINT). For the kiosk both
 * mean "leave cleanly": the handler (platform/signals.c) only sets a flag,
 * the loop sees it within one turn (a turn never waits more than 100 ms), stops
 * speech, closes the vote store (every vote thanked is already committed)
 * and exits 0 — well within 1 s. SDL installs no handlers of its own
 * (SDL_HINT_NO_SIGNAL_HANDLERS, platform/display.c). check-content and export
 * are short and keep the default handlers: they never add or remove votes,
 * and an export can simply be made again. */
#include "app/cli.h"
#include "base/ov_common.h"
#include "platform/signals.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out, "usage: ourvoice-kiosk [kiosk|check-content|export] [OPTIONS]\n"
                 "The part of `ourvoice` that runs the commands needing the screen and fonts;\n"
                 "`ourvoice` starts it. Run `ourvoice --help` for every command.\n");
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
        { "kiosk", run_kiosk },
        { "check-content", ov_cmd_check_content },
        { "export", ov_cmd_export },
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
    fprintf(stderr, "ourvoice-kiosk: '%s' is not one of its commands; run `ourvoice %s`\n", argv[1], argv[1]);
    usage(stderr);
    return 2;
}
