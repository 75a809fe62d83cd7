/* cli_kiosk.c — `ourvoice kiosk`: options for running the kiosk. */
#include "app/cli.h"
#include "app/kiosk.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out, "usage: ourvoice kiosk [OPTIONS]\n"
                 "Runs the voting kiosk: a window on a desktop, full screen on the Pi.\n"
                 "  --config FILE     settings file (default /etc/ourvoice/ourvoice.ini or "
                 "~/.config/ourvoice/ourvoice.ini)\n"
                 "  --content DIR     questions folder (default assets/content/en)\n"
                 "  --data DIR        where votes are counted (default ~/.local/share/ourvoice)\n"
                 "  --size WxH        window size in pixels, e.g. 800x480 or 720x1280\n"
                 "  --rotation DEG    0, 90, 180 or 270 for a panel mounted sideways\n"
                 "  --theme NAME      standard, high-contrast or large-text\n"
                 "  --no-speech       do not speak\n"
                 "  --headless        no window: draw off screen (tests, documentation)\n"
                 "  --script FILE     drive the kiosk from FILE (see docs/script.md)\n"
                 "  --shots DIR       where the script's `shot NAME` saves NAME.png\n");
}

int ov_cmd_kiosk(int argc, char **argv)
{
    ov_kiosk_opts o = { 0 };
    o.rotation = -1;
    static const struct option opts[] = {
        { "config", required_argument, 0, 'c' },   { "content", required_argument, 0, 'C' },
        { "data", required_argument, 0, 'd' },     { "size", required_argument, 0, 's' },
        { "rotation", required_argument, 0, 'r' }, { "theme", required_argument, 0, 't' },
        { "no-speech", no_argument, 0, 'n' },      { "headless", no_argument, 0, 'H' },
        { "script", required_argument, 0, 'S' },   { "shots", required_argument, 0, 'o' },
        { "help", no_argument, 0, 'h' },           { 0, 0, 0, 0 },
    };
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'c':
            o.config_path = optarg;
            break;
        case 'C':
            o.content_dir = optarg;
            break;
        case 'd':
            o.data_dir = optarg;
            break;
        case 's':
            if (sscanf(optarg, "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 200 ||
                o.width > 8192 || o.height > 8192) {
                fprintf(stderr, "ourvoice kiosk: --size %s: write WIDTHxHEIGHT, e.g. 800x480\n", optarg);
                return 2;
            }
            break;
        case 'r':
            o.rotation = atoi(optarg);
            if (o.rotation % 90 || o.rotation < 0 || o.rotation > 270) {
                fprintf(stderr, "ourvoice kiosk: --rotation must be 0, 90, 180 or 270\n");
                return 2;
            }
            break;
        case 't':
            o.theme = optarg;
            break;
        case 'n':
            o.no_speech = 1;
            break;
        case 'H':
            o.headless = 1;
            break;
        case 'S':
            o.script_path = optarg;
            break;
        case 'o':
            o.shots_dir = optarg;
            break;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "ourvoice kiosk: unexpected '%s'\n", argv[optind]);
        usage(stderr);
        return 2;
    }
    if (o.script_path && !o.headless)
        o.headless = 1; /* scripted runs never need a screen */
    return ov_kiosk_run(&o);
}
