/* test_persona_buttons.c — an arcade-button member (issue 13 point 9),
 * through the real binary: button 1 starts, a button chooses its answer, the
 * confirm screen shows and says "To choose it, press the same button again",
 * the same button again keeps it, the review's button 1 saves, and the votes
 * are stored. A member who touches the screen is not told about buttons, and
 * the next person starts without it. With speech on, the button member hears
 * the question and then the confirm screen, its button words included. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kiosk_ears.h"
#include "kiosk_runner.h"

#define BUTTON_WORDS "To choose it, press the same button again."

static char out[1 << 16]; /* what the kiosk printed (its `texts` lines) */

/* Run `script` in a fresh kiosk (speech off, 800x480); its stdout into out,
 * its folder into dir. */
static void run(const char *script, char *dir, size_t len)
{
    char args[400], path[200], cmd[1600];
    assert_non_null(ov_test_tmpdir(dir, len));
    assert_int_equal(ov_test_write_config(dir, "[speech]\nspeech = no\n", args, sizeof args), 0);
    snprintf(path, sizeof path, "%s/script.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(script, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy "
             "timeout -s KILL 120 '%s' kiosk --headless --script '%s' --size 800x480 %s 2>'%s/stderr.txt'",
             ov_test_program(), path, args, dir);
    assert_true(ov_test_command_output(cmd, out, sizeof out) >= 0);
    if (!strstr(out, "screen: thanks"))
        fail_msg("the visit did not end with thank you:\n%s\n%s", out, ov_test_stderr(dir));
}

/* The `texts` block of the first confirm screen in out. */
static const char *confirm_block(void)
{
    const char *c = strstr(out, "screen: confirm\n");
    assert_non_null(c);
    return c;
}

static void a_button_member_is_told_what_to_press_and_votes(void **state)
{
    (void)state;
    char dir[64], data[128];
    run("button 1\nwait 100\nexpect question\nbutton 3\nwait 100\nexpect confirm\ntexts\n"
        "button 3\nwait 100\nexpect question\nbutton 1\nwait 100\nbutton 1\nwait 100\n"
        "button 4\nwait 100\nbutton 4\nwait 100\nbutton 2\nwait 100\nbutton 2\nwait 100\n"
        "expect review\nbutton 1\nwait 100\nexpect thanks\ntexts\nquit\n",
        dir, sizeof dir);
    const char *c = confirm_block();
    const char *end = strstr(c, "speech: ");
    assert_non_null(end);
    const char *shown = strstr(c, "text: " BUTTON_WORDS "\n");
    if (!shown || shown > end)
        fail_msg("the confirm screen does not tell a button user what to press:\n%s", c);
    assert_non_null(strstr(end, BUTTON_WORDS)); /* and it says so */
    snprintf(data, sizeof data, "%s/data", dir);
    assert_int_equal(ov_test_votes_total(data), 4);
}

static void a_touch_member_is_not_told_about_buttons(void **state)
{
    (void)state;
    char dir[64], script[2048] = "";
    static ov_layout l;
    ov_content c;
    ov_content_builtin(&c);
    ov_flow f;
    ov_flow_init(&f, &c, 1, 120000, 4000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    ov_flow_act(&f, OV_ACT_CHOOSE, 2, 2);
    ov_test_layout(&f, 800, 480, "standard", &l);
    ov_rect yes = { 0, 0, 0, 0 };
    for (int i = 0; i < l.n_buttons; i++)
        if (l.buttons[i].target.kind == OV_TARGET_YES)
            yes = l.buttons[i].rect;
    assert_true(yes.w > 0);
    /* a button member first, then a member who touches: the second is not told about buttons */
    snprintf(script, sizeof script,
             "button 1\nwait 100\nbutton 1\nwait 100\nbutton 1\nwait 100\nbutton 1\nwait 100\nbutton 1\nwait 100\n"
             "button 1\nwait 100\nbutton 1\nwait 100\nbutton 1\nwait 100\nbutton 1\nwait 100\nexpect review\n"
             "button 1\nwait 100\nexpect thanks\nadvance 10000\nwait 50\nexpect welcome\n"
             "key space\nwait 100\nexpect question\nkey 3\nexpect confirm\ntexts\ntouch %d %d\nwait 100\n"
             "expect question\nkey 1\nkey enter\nkey 1\nkey enter\nkey 1\nkey enter\nexpect review\nkey enter\n"
             "expect thanks\ntexts\nquit\n",
             yes.x + yes.w / 2, yes.y + yes.h / 2);
    run(script, dir, sizeof dir);
    const char *cb = confirm_block();
    if (strstr(cb, BUTTON_WORDS) && strstr(cb, BUTTON_WORDS) < strstr(cb, "screen: thanks"))
        fail_msg("the next member, who did not use the buttons, is told about them:\n%s", cb);
}

/* The "speech: " line of the first confirm screen in DIR/texts.txt into buf. */
static void confirm_speech(const char *dir, char *buf, size_t len)
{
    char path[200];
    snprintf(path, sizeof path, "%s/texts.txt", dir);
    assert_true(ov_test_read_text(path, out, sizeof out) > 0);
    const char *c = strstr(out, "screen: confirm\n");
    assert_non_null(c);
    const char *sp = strstr(c, "speech: ");
    assert_non_null(sp);
    snprintf(buf, len, "%.*s", (int)strcspn(sp + 8, "\n"), sp + 8);
}

/* Speech on, everything heard (tests/support/kiosk_ears.h): the question is
 * read to its end, button 3 chooses, and the confirm screen's reading is heard
 * whole: about as long as `ourvoice say` of its words, clearly longer than
 * those words without "To choose it, press the same button again." */
static void a_button_member_hears_what_to_press(void **state)
{
    (void)state;
    char dir[64], args[600], line[2048], without[2048];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    assert_int_equal(ov_test_write_config(dir, "", args, sizeof args), 0);
    size_t used = strlen(args);
    snprintf(args + used, sizeof args - used, " >'%s/texts.txt'", dir); /* the `texts` lines */
    const char *script = "expect welcome\nquiet 60000\nwait 1500\nbutton 1\nexpect question\n"
                         "quiet 90000\nwait 1500\nbutton 3\nexpect confirm\ntexts\nquiet 60000\nwait 1500\n"
                         "button 3\nexpect question\nquit\n";
    ov_test_heard heard;
    int rc = ov_test_run_kiosk_heard(dir, script, 800, 480, args, 300, &heard);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    confirm_speech(dir, line, sizeof line);
    const char *at = strstr(line, BUTTON_WORDS);
    if (!at) fail_msg("the confirm screen's speech leaves out the button words: %s", line);
    snprintf(without, sizeof without, "%.*s%s", (int)(at - line), line, at + strlen(BUTTON_WORDS));
    ov_test_stretch st[OV_EARS_MAX_STRETCHES];
    int n = ov_test_stretches(&heard, 1.0, st, OV_EARS_MAX_STRETCHES);
    ov_test_print_stretches("button member", st, n);
    double whole = ov_test_say_voiced_s(dir, line, "en-gb"), bare = ov_test_say_voiced_s(dir, without, "en-gb");
    fprintf(stderr, "the confirm \"%s\": %.2f s, without the button words %.2f s\n", line, whole, bare);
    assert_true(n >= 3 && whole > bare + 1.0); /* welcome, question 1, confirm (question 2 cut by quit) */
    if (st[2].voiced_s < (whole + bare) / 2 || st[2].voiced_s > 1.6 * whole)
        fail_msg("the confirm screen: %.2f s of voice heard, its reading takes %.2f s (%.2f without the "
                 "button words)", st[2].voiced_s, whole, bare);
    assert_true(st[1].voiced_s > st[2].voiced_s); /* question 1 was read before it */
    ov_test_heard_free(&heard);
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) {
        fprintf(stderr, "build %s first\n", ov_test_program());
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_button_member_is_told_what_to_press_and_votes),
        cmocka_unit_test(a_touch_member_is_not_told_about_buttons),
        cmocka_unit_test(a_button_member_hears_what_to_press),
    };
    return cmocka_run_group_tests_name("persona_buttons", tests, NULL, NULL);
}
