/* test_sound_screen.c — the member's own sound controls on the kiosk (issue
 * 13), through the real binary: the welcome screen's "Sound" opens the sound
 * screen by touch, by arcade button 2 and by a two-switch scan; "Go back"
 * comes back to the welcome; and "Slower" pressed there is heard: the same
 * screen read again with "Hear it again" takes longer (SDL's disk audio). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_runner.h"
#include "ui/layout.h"

#define W 800
#define H 480
#define FRAME 441          /* 20 ms at 22050 Hz */
#define LOUD 600           /* a sample above this is speech */
#define GAP_FRAMES 100     /* 2 s of quiet: the reading before has ended */

static ov_content content;

static int setup(void **state) { (void)state; ov_content_builtin(&content); return 0; }

/* "touch X Y" at the centre of target kind/index on screen s. */
static void touch_line(ov_screen s, ov_target_kind kind, int index, char *out, size_t len)
{
    ov_flow f;
    static ov_layout l;
    ov_flow_init(&f, &content, 1, 120000, 4000, 0, 0);
    f.screen = s;
    ov_test_layout(&f, W, H, "standard", &l);
    for (int i = 0; i < l.n_buttons; i++)
        if (l.buttons[i].target.kind == kind && l.buttons[i].target.index == index) {
            snprintf(out, len, "touch %d %d\n", l.buttons[i].rect.x + l.buttons[i].rect.w / 2,
                     l.buttons[i].rect.y + l.buttons[i].rect.h / 2);
            return;
        }
    fail_msg("no target %d/%d on the %s screen", kind, index, ov_screen_name(s));
}

/* Run script with settings ini (may be ""); fails with the kiosk's words unless it exits 0. */
static void run(const char *ini, const char *script, int speech, char *dir, size_t dirlen)
{
    char cfg[128], args[400];
    assert_non_null(ov_test_tmpdir(dir, dirlen));
    snprintf(cfg, sizeof cfg, "%s/sound.ini", dir);
    FILE *f = fopen(cfg, "w");
    assert_non_null(f);
    fputs(ini, f);
    fclose(f);
    snprintf(args, sizeof args, "%s--config %s --data %s/data", speech ? "" : "--no-speech ", cfg, dir);
    char raw[128];
    snprintf(raw, sizeof raw, "%s/sound.raw", dir);
    if (speech) { /* what the kiosk says goes to DIR/sound.raw */
        setenv("SDL_AUDIODRIVER", "disk", 1);
        setenv("SDL_DISKAUDIOFILE", raw, 1);
    }
    int rc = ov_test_run_kiosk(dir, script, W, H, args);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

static void remove_dir(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void touch_opens_sound_and_go_back_returns(void **state)
{
    (void)state;
    char script[512] = "expect welcome\n", line[64], dir[64];
    touch_line(OV_SCREEN_WELCOME, OV_TARGET_SOUND, 0, line, sizeof line);
    strcat(script, line);
    strcat(script, "expect sound\n");
    touch_line(OV_SCREEN_SOUND, OV_TARGET_SOUND_STEP, OV_SOUND_LOUDER, line, sizeof line);
    strcat(script, line);
    strcat(script, "expect sound\n"); /* a step keeps the screen */
    touch_line(OV_SCREEN_SOUND, OV_TARGET_BACK, 0, line, sizeof line);
    strcat(script, line);
    strcat(script, "expect welcome\nkey space\nexpect question\n"); /* and voting starts as before */
    run("", script, 0, dir, sizeof dir);
    remove_dir(dir);
}

static void arcade_button_2_opens_sound(void **state)
{
    (void)state;
    char dir[64];
    /* button 2: Sound; on the sound screen button N is its N-th target (5: Go back); button 1 starts */
    run("", "expect welcome\nbutton 2\nwait 100\nexpect sound\nbutton 1\nwait 100\nexpect sound\n"
            "button 5\nwait 100\nexpect welcome\nbutton 1\nwait 100\nexpect question\n", 0, dir, sizeof dir);
    remove_dir(dir);
}

static void a_two_switch_scan_reaches_sound(void **state)
{
    (void)state;
    char dir[64];
    /* move: Start, Hear it again, Sound; choose opens it; then move to Slower and choose it */
    run("[scanning]\nmode = two\nsetup = no\n",
        "expect welcome\nwait 300\nbutton 9\nwait 300\nbutton 9\nwait 300\nbutton 9\nwait 300\n"
        "button 10\nwait 300\nexpect sound\n"
        "wait 300\nbutton 9\nwait 300\nbutton 10\nwait 300\nexpect sound\n",
        0, dir, sizeof dir);
    remove_dir(dir);
}

/* Seconds of the last reading in DIR/sound.raw: from its first loud sample
 * to the end of the speech, after the last quiet gap of GAP_FRAMES (the
 * script leaves 3 s of quiet before it). */
static double last_reading_seconds(const char *dir)
{
    char raw[128];
    snprintf(raw, sizeof raw, "%s/sound.raw", dir);
    FILE *f = fopen(raw, "rb");
    assert_non_null(f);
    int16_t buf[FRAME];
    long frame = 0, start = -1, end = -1, quiet = 0;
    while (fread(buf, 2, FRAME, f) == FRAME) {
        int loud = 0;
        for (int i = 0; i < FRAME; i++)
            loud |= buf[i] > LOUD || buf[i] < -LOUD;
        if (loud) {
            if (start < 0 || quiet > GAP_FRAMES)
                start = frame;
            end = frame;
            quiet = 0;
        } else {
            quiet++;
        }
        frame++;
    }
    fclose(f);
    assert_true(start >= 0);
    return (double)(end - start + 1) * FRAME / 22050.0;
}

/* Open the sound screen by button, press Slower `slower` times, then hear the screen again. */
static double reading_after(int slower)
{
    /* waits long enough for the sound screen's reading (13 s at the usual rate) to end first,
     * and for the slowed one (about 20 s) to be heard whole */
    char script[512] = "expect welcome\nbutton 2\nwait 16000\nexpect sound\n", dir[64];
    for (int i = 0; i < slower; i++)
        strcat(script, "button 1\nwait 1500\n");
    strcat(script, "wait 3000\nbutton 7\nwait 30000\nexpect sound\nquit\n"); /* 7: hear it again */
    run("", script, 1, dir, sizeof dir);
    double s = last_reading_seconds(dir);
    remove_dir(dir);
    printf("after %d x Slower: the screen is read in %.2f s\n", slower, s);
    return s;
}

static void slower_is_heard(void **state)
{
    (void)state;
    double usual = reading_after(0), slow = reading_after(2);
    if (slow < usual * 1.2)
        fail_msg("after 2 x Slower the screen took %.2f s, the usual %.2f s", slow, usual);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(touch_opens_sound_and_go_back_returns),
        cmocka_unit_test(arcade_button_2_opens_sound),
        cmocka_unit_test(a_two_switch_scan_reaches_sound),
        cmocka_unit_test(slower_is_heard),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
