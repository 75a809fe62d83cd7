/* cli_kiosk.c — `ourvoice kiosk`: options for running the kiosk. */
#include "app/cli.h"
#include "app/kiosk.h"

#include "base/cli_opts.h"
#include "base/ov_common.h"

#include <stdio.h>

#define KIOSK_OPTS 10    /* entries in kiosk_options() */
#define SIZE_MIN_PX 200  /* smallest window side --size accepts */
#define SIZE_MAX_PX 8192 /* largest */

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

/* The option table for `ourvoice kiosk`, writing into o. Returns the count. */
static int kiosk_options(ov_kiosk_opts *o, int size[2], ov_opt *t)
{
    int n = 0;
    t[n++] = (ov_opt){ .name = "config", .kind = OV_OPT_TEXT, .out = &o->config_path };
    t[n++] = (ov_opt){ .name = "content", .kind = OV_OPT_TEXT, .out = &o->content_dir };
    t[n++] = (ov_opt){ .name = "data", .kind = OV_OPT_TEXT, .out = &o->data_dir };
    t[n++] =
        (ov_opt){ .name = "size", .kind = OV_OPT_SIZE, .out = size, .min = SIZE_MIN_PX, .max = SIZE_MAX_PX };
    t[n++] = (ov_opt){ .name = "rotation",
                       .kind = OV_OPT_INT,
                       .out = &o->rotation,
                       .min = 0,
                       .max = 270,
                       .step = 90,
                       .hint = "0, 90, 180 or 270" };
    t[n++] = (ov_opt){ .name = "theme", .kind = OV_OPT_TEXT, .out = &o->theme };
    t[n++] = (ov_opt){ .name = "no-speech", .kind = OV_OPT_FLAG, .out = &o->no_speech };
    t[n++] = (ov_opt){ .name = "headless", .kind = OV_OPT_FLAG, .out = &o->headless };
    t[n++] = (ov_opt){ .name = "script", .kind = OV_OPT_TEXT, .out = &o->script_path };
    t[n++] = (ov_opt){ .name = "shots", .kind = OV_OPT_TEXT, .out = &o->shots_dir };
    return n;
}

int ov_cmd_kiosk(int argc, char **argv)
{
    ov_kiosk_opts o = { 0 };
    o.rotation = -1;
    int size[2] = { 0, 0 };
    ov_opt table[KIOSK_OPTS];
    ov_opt_parser p = { .cmd = "kiosk", .opts = table, .n_opts = kiosk_options(&o, size, table) };
    int done = ov_cli_parse(&p, argc, argv, usage);
    if (done >= 0)
        return done;
    o.width = size[0];
    o.height = size[1];
    if (o.script_path && !o.headless)
        o.headless = 1; /* scripted runs never need a screen */
    return ov_kiosk_run(&o);
}
