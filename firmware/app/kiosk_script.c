/* kiosk_script.c — runs a headless script (docs/script.md) through the real
 * kiosk loop: touches and keys go through SDL's own event queue, buttons
 * through the debouncer, `wait` lets real time pass, `shot` saves what the
 * panel shows. */
#include "app/kiosk_state.h"
#include "platform/shots_dir.h"
#include "ui/script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest message about the screenshots folder. */
#define SHOTS_ERR_LEN (OV_PATH_MAX + 100)

/* Turns of the loop after each step, so injected events get through. */
#define EVENT_SPINS 4
#define SHOT_NAME_ROOM 80 /* room for a slash, a shot's name and ".png" after the shots folder */

/* `texts`: every text the screen holds, then what it reads aloud, one a line
 * on stdout ("text: ...", "speech: ..."), after the screen's name. */
static void print_texts(kiosk *k)
{
    if (k->dirty)
        ov_kiosk_relayout(k);
    const char *name =
        k->fac.screen != OV_FAC_OFF ? ov_fac_screen_name(&k->fac) : ov_screen_name(k->flow.screen);
    if (ov_kiosk_ideas_screen_name(k))
        name = ov_kiosk_ideas_screen_name(k);
    printf("screen: %s\n", name);
    for (int i = 0; i < k->layout.n_texts; i++)
        if (k->layout.texts[i].block.text && k->layout.texts[i].block.text[0])
            printf("text: %s\n", k->layout.texts[i].block.text);
    printf("speech: %s\n", k->layout.speech);
    fflush(stdout);
}

/* `quiet MS`: let real time pass until the kiosk says nothing, at most ms. */
static void run_until_quiet(kiosk *k, int ms)
{
    uint64_t end = ov_now_ms() + (uint64_t)(ms > 0 ? ms : 0);
    while (!k->quit && ov_now_ms() < end && k->speech && ov_speech_busy(k->speech))
        ov_kiosk_turn(k, (int)(end - ov_now_ms()));
}

/* Carry out one script step. Returns 1 when it failed (reported), else 0. */
/* `expect SCREEN`: 1 (and what the kiosk shows on stderr) unless it shows SCREEN. */
static int expect_screen(kiosk *k, const ov_script_step *st, const char *script_path)
{
    int failed = 0;
    const char *now_showing =
        k->fac.screen != OV_FAC_OFF ? ov_fac_screen_name(&k->fac) : ov_screen_name(k->flow.screen);
    if (ov_kiosk_ideas_screen_name(k))
        now_showing = ov_kiosk_ideas_screen_name(k);
    int blank_asked = !strcmp(st->name, "blank"); /* privacy: the screen is off (headphones) */
    if (blank_asked ? !ov_kiosk_blank(k) : strcmp(st->name, now_showing)) {
        fprintf(stderr, "%s:%d: expected the %s screen, but the kiosk shows %s\n", script_path, st->line,
                st->name, now_showing);
        failed = 1;
    }
    return failed;
}

/* `mounts FILE`: the kiosk reads its mount table (OV_MOUNTINFO) from FILE in
 * the script's folder from now on, and looks at it at once. Returns 1 when
 * the path is too long (reported), else 0. */
static int use_mounts(kiosk *k, const ov_script_step *st, const char *script_path)
{
    char path[OV_PATH_MAX];
    const char *slash = strrchr(script_path, '/');
    int dir_len = slash ? (int)(slash - script_path) : 1;
    const char *dir = slash ? script_path : ".";
    if (snprintf(path, sizeof path, "%.*s/%s", dir_len, dir, st->name) >= (int)sizeof path) {
        fprintf(stderr, "%s:%d: the mount table's path is too long\n", script_path, st->line);
        return 1;
    }
    setenv("OV_MOUNTINFO", path, 1);
    k->next_usb_look = 0;
    ov_kiosk_watch_usb(k);
    return 0;
}

static int run_step(kiosk *k, const ov_script_step *st, const char *shots, const char *script_path)
{
    int failed = 0;
    switch (st->cmd) {
    case OV_CMD_TOUCH:
    case OV_CMD_CLICK:
        if (st->cmd == OV_CMD_TOUCH && st->c > 0) { /* a held touch: down, time passes, up */
            ov_display_inject_finger(k->display, st->a, st->b, 1);
            ov_kiosk_run_for(k, st->c);
            ov_display_inject_finger(k->display, st->a, st->b, 0);
        } else {
            ov_display_inject_touch(k->display, st->a, st->b, st->cmd == OV_CMD_CLICK);
        }
        break;
    case OV_CMD_KEY:
        if (ov_display_inject_key(k->display, st->name) != OV_OK) {
            fprintf(stderr, "%s:%d: unknown key '%s'\n", script_path, st->line, st->name);
            failed = 1;
        } else if (k->scan.mode != OV_SCAN_OFF) {
            /* switch keys go through the debouncer: give each press the time a hand needs */
            ov_kiosk_run_for(k, ov_kiosk_tap_ms(k));
        }
        break;
    case OV_CMD_BUTTON:
    case OV_CMD_HOLD:
        ov_kiosk_script_button(k, st->a - 1, st->cmd == OV_CMD_HOLD ? st->b : 0);
        break;
    case OV_CMD_WAIT:
        ov_kiosk_run_for(k, st->a);
        break;
    case OV_CMD_ADVANCE:
        k->clock_skip += (uint64_t)st->a;
        break;
    case OV_CMD_QUIET:
        run_until_quiet(k, st->a);
        break;
    case OV_CMD_SHOT: {
        char path[OV_PATH_MAX + SHOT_NAME_ROOM];
        snprintf(path, sizeof path, "%s/%s.png", shots ? shots : ".", st->name);
        if (k->dirty)
            ov_kiosk_relayout(k);
        if (ov_kiosk_draw(k, path) != OV_OK)
            failed = 1;
        break;
    }
    case OV_CMD_EXPECT:
        failed = expect_screen(k, st, script_path);
        break;
    case OV_CMD_QUIT:
        k->quit = 1;
        break;
    case OV_CMD_TEXTS:
        print_texts(k);
        break;
    case OV_CMD_MOUNTS:
        failed = use_mounts(k, st, script_path);
        break;
    }
    return failed;
}

int ov_kiosk_run_script(kiosk *k, const ov_script *s, const char *shots, const char *script_path)
{
    int failures = 0;
    char err[SHOTS_ERR_LEN];
    if (shots && ov_shots_dir_make(shots, err, sizeof err) != OV_OK) {
        fprintf(stderr, "%s: the screenshots folder cannot be made: %s\n", script_path, err);
        failures++;
    }
    for (int i = 0; i < s->n && !k->quit; i++) {
        failures += run_step(k, &s->steps[i], shots, script_path);
        /* let the injected events through the loop before the next command */
        for (int spin = 0; spin < EVENT_SPINS; spin++)
            ov_kiosk_turn(k, 0);
    }
    return failures ? 1 : 0;
}
