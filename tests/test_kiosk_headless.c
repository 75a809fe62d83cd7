/* test_kiosk_headless.c — the real kiosk, driven headless by scripts: a
 * member answers by touch, keys and buttons; the votes are in the store; the
 * screenshots show each answer's colour; bad content, a bad script and an
 * unwritable data folder are handled the way members and facilitators need. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "kiosk_runner.h"
#include "platform/content_load.h"
#include "platform/tally.h"

static ov_content content;

/* The questions the kiosk shows by default (assets/content/en, with its
 * "Tell me more" pages), so the layout computed here is the kiosk's. */
static int setup(void **state)
{
    (void)state;
    static ov_diags d;
    ov_diags_init(&d);
    return ov_content_load("assets/content/en", &content, &d) == OV_OK ? 0 : -1;
}

static void centre(const ov_layout *l, ov_target_kind kind, int index, int *x, int *y)
{
    for (int i = 0; i < l->n_buttons; i++)
        if (l->buttons[i].target.kind == kind && l->buttons[i].target.index == index) {
            *x = l->buttons[i].rect.x + l->buttons[i].rect.w / 2;
            *y = l->buttons[i].rect.y + l->buttons[i].rect.h / 2;
            return;
        }
    fail_msg("no target %d/%d on this screen", kind, index);
}

/* Count stored for (meeting, question, answer), 0 when none. */
static long stored(const char *data, const char *question, const char *answer)
{
    ov_tally *t;
    char err[256];
    if (ov_tally_open(data, &t, err, sizeof err) != OV_OK) fail_msg("%s", err);
    ov_tally_row *rows = NULL;
    int n = 0;
    if (ov_tally_read_all(t, NULL, &rows, &n) != OV_OK) fail_msg("the votes in %s cannot be read", data);
    long c = 0;
    for (int i = 0; i < n; i++)
        if (!strcmp(rows[i].question, question) && !strcmp(rows[i].answer, answer)) c += rows[i].count;
    free(rows);
    ov_tally_close(t);
    return c;
}

static void a_member_answers_every_question_by_touch(void **state)
{
    (void)state;
    char dir[64], data[128], script[8192] = "", line[200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(data, sizeof data, "%s/data", dir);
    ov_flow f;
    ov_flow_init(&f, &content, 1, 90000, 4000, 0, 0);
    static ov_layout l;
    strcat(script, "expect welcome\nshot welcome\ntouch 400 200\nexpect question\nshot question1\n");
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    int picks[OV_MAX_QUESTIONS];
    for (int q = 0; q < content.n_questions; q++) {
        const ov_answer *a[OV_MAX_ANSWERS];
        int n = ov_question_answers(&content, q, a);
        picks[q] = (q + 1) % n;
        int x, y;
        ov_test_layout(&f, 800, 480, "standard", &l);
        centre(&l, OV_TARGET_ANSWER, picks[q], &x, &y);
        snprintf(line, sizeof line, "touch %d %d\nexpect confirm\nshot confirm%d\n", x, y, q + 1);
        strcat(script, line);
        ov_flow_act(&f, OV_ACT_CHOOSE, picks[q], 2);
        ov_test_layout(&f, 800, 480, "standard", &l);
        centre(&l, OV_TARGET_YES, 0, &x, &y);
        snprintf(line, sizeof line, "touch %d %d\n", x, y);
        strcat(script, line);
        ov_flow_act(&f, OV_ACT_YES, 0, 3);
        if (q + 1 < content.n_questions) strcat(script, "expect question\n");
    }
    /* the review: "save my answers" by touch */
    strcat(script, "expect review\n");
    {
        int x, y;
        ov_test_layout(&f, 800, 480, "standard", &l);
        centre(&l, OV_TARGET_SAVE, 0, &x, &y);
        snprintf(line, sizeof line, "touch %d %d\n", x, y);
        strcat(script, line);
    }
    strcat(script, "expect thanks\nshot thanks\nadvance 5000\nwait 50\nexpect welcome\n");
    char args[200];
    snprintf(args, sizeof args, "--no-speech --data %s", data);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    for (int q = 0; q < content.n_questions; q++) {
        const ov_answer *a[OV_MAX_ANSWERS];
        ov_question_answers(&content, q, a);
        assert_int_equal(stored(data, content.questions[q].id, a[picks[q]]->id), 1);
    }
    assert_int_equal(ov_test_votes_total(data), content.n_questions);
    /* nothing in the log says what anyone chose */
    const char *log = ov_test_stderr(dir);
    for (int q = 0; q < content.n_questions; q++) {
        const ov_answer *a[OV_MAX_ANSWERS];
        ov_question_answers(&content, q, a);
        assert_null(strstr(log, a[picks[q]]->id));
    }
}

/* The button of answer `i` on the layout (answers are not always its first buttons). */
static const ov_layout_button *answer_button(const ov_layout *l, int i)
{
    for (int k = 0; k < l->n_buttons; k++)
        if (l->buttons[k].target.kind == OV_TARGET_ANSWER && l->buttons[k].target.index == i)
            return &l->buttons[k];
    fail_msg("no button for answer %d", i);
    return NULL;
}

static void answer_buttons_show_their_colours(void **state)
{
    (void)state;
    char dir[64], args[200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(args, sizeof args, "--no-speech --data %s/data", dir);
    const char *sizes[][2] = { { "800", "480" }, { "720", "1280" } };
    for (int s = 0; s < 2; s++) {
        int w = atoi(sizes[s][0]), h = atoi(sizes[s][1]);
        int rc = ov_test_run_kiosk(dir, "key space\nexpect question\nshot q\n", w, h, args);
        if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
        ov_flow f;
        ov_flow_init(&f, &content, 1, 90000, 4000, 0, 0);
        ov_flow_act(&f, OV_ACT_ANY, 0, 1);
        static ov_layout l;
        ov_test_layout(&f, w, h, "standard", &l);
        int answers = 0;
        for (int i = 0; i < l.n_buttons; i++) {
            const ov_layout_button *b = &l.buttons[i];
            if (b->target.kind != OV_TARGET_ANSWER) continue;
            /* a point inside the border, away from the face and the word */
            int inset = (int)(l.px_per_mm * 0.8) + 6;
            ov_rgb got, want = ov_theme_answer_fill(ov_theme_get("standard"), b->colour);
            assert_int_equal(ov_test_pixel(dir, "q", b->rect.x + inset, b->rect.y + b->rect.h / 2, &got), 0);
            if (!ov_test_rgb_near(got, want, 12))
                fail_msg("%dx%d answer %d (%s): pixel %02x%02x%02x, expected %02x%02x%02x", w, h, i, b->colour,
                         got.r, got.g, got.b, want.r, want.g, want.b);
            answers++;
        }
        assert_true(answers >= 4);
    }
}

static void keys_and_buttons_answer_too(void **state)
{
    (void)state;
    char dir[64], data[128], args[200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(args, sizeof args, "--no-speech --data %s", data);
    /* keys: any key starts; digits choose; Enter confirms; arrows + Enter work too */
    char script[2048] = "key space\nexpect question\nkey 2\nexpect confirm\nkey enter\n"
                        "expect question\nkey right\nkey enter\nexpect confirm\nkey 1\nexpect question\n";
    /* buttons: the same press path as GPIO (button 3 = third answer; same again = that's right) */
    for (int q = 2; q < content.n_questions; q++) strcat(script, "button 3\nexpect confirm\nbutton 3\n");
    strcat(script, "expect review\nkey enter\nexpect thanks\n");
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    const ov_answer *a[OV_MAX_ANSWERS];
    ov_question_answers(&content, 0, a);
    assert_int_equal(stored(data, content.questions[0].id, a[1]->id), 1);
    ov_question_answers(&content, 1, a);
    assert_int_equal(stored(data, content.questions[1].id, a[0]->id), 1);
    for (int q = 2; q < content.n_questions; q++) {
        ov_question_answers(&content, q, a);
        assert_int_equal(stored(data, content.questions[q].id, a[2]->id), 1);
    }
}

static void idle_time_forgets_and_stores_nothing(void **state)
{
    (void)state;
    char dir[64], data[128], args[200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(args, sizeof args, "--no-speech --data %s", data);
    int rc = ov_test_run_kiosk(dir, "key space\nkey 1\nkey enter\nkey 2\nexpect confirm\nadvance 121000\nwait 50\n"
                                    "expect idle-warning\nadvance 31000\nwait 50\nexpect welcome\nkey space\nexpect question\nshot fresh\n", 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_true(ov_test_votes_total(data) <= 0);
}

static void a_bad_script_line_is_reported_with_its_number(void **state)
{
    (void)state;
    char dir[64];
    ov_test_tmpdir(dir, sizeof dir);
    int rc = ov_test_run_kiosk(dir, "key space\n# fine\njump 3\n", 800, 480, "--no-speech");
    assert_int_equal(rc, 2);
    assert_non_null(strstr(ov_test_stderr(dir), "script.txt:3: unknown command 'jump'"));
}

static void broken_content_falls_back_and_warns_the_facilitator(void **state)
{
    (void)state;
    char dir[64], args[400], path[200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/content", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/content/content.ini", dir);
    FILE *f = fopen(path, "w");
    fputs("[question broken]\ntitle = No answers here\nwho = me\n\xff\xfe garbage\n", f);
    fclose(f);
    snprintf(args, sizeof args, "--no-speech --data %s/data --content %s/content", dir, dir);
    int rc = ov_test_run_kiosk(dir, "expect welcome\nshot welcome\nkey space\nexpect question\n", 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_non_null(strstr(ov_test_stderr(dir), "content.ini:"));
    /* the warning strip (theme warning colour) is at the bottom of the welcome screen */
    ov_rgb got, want = ov_theme_get("standard")->warning_bg;
    int seen = 0;
    for (int y = 380; y < 478 && !seen; y += 3) {
        assert_int_equal(ov_test_pixel(dir, "welcome", 30, y, &got), 0);
        if (ov_test_rgb_near(got, want, 10)) seen = 1;
    }
    assert_true(seen);
}

static void no_thank_you_when_the_vote_cannot_be_stored(void **state)
{
    (void)state;
    char dir[64], args[300], file[128];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(file, sizeof file, "%s/not-a-folder", dir);
    FILE *f = fopen(file, "w");
    fputs("x", f);
    fclose(f);
    snprintf(args, sizeof args, "--no-speech --data %s/votes", file);   /* a folder inside a file: cannot exist */
    char script[1024] = "key space\n";
    for (int q = 0; q < content.n_questions; q++) strcat(script, "key 1\nkey enter\n");
    strcat(script, "expect review\nkey enter\nexpect not-saved\nshot not-saved\n");
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_non_null(strstr(ov_test_stderr(dir), "not-a-folder"));
}

static void a_sideways_panel_rotates_drawing_and_touch(void **state)
{
    (void)state;
    char dir[64], args[200], script[512];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(args, sizeof args, "--no-speech --data %s/data --rotation 90", dir);
    /* panel 800x480 mounted sideways: the kiosk lays out 480x800 (portrait) */
    ov_flow f;
    ov_flow_init(&f, &content, 1, 90000, 4000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    static ov_layout l;
    ov_test_layout(&f, 480, 800, "standard", &l);
    int lx, ly;
    centre(&l, OV_TARGET_ANSWER, 1, &lx, &ly);
    /* logical -> panel for 90 degrees clockwise */
    int px = -(ly - 800 / 2) + 800 / 2, py = (lx - 480 / 2) + 480 / 2;
    snprintf(script, sizeof script, "key space\nshot rotated\ntouch %d %d\nexpect confirm\n", px, py);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    const ov_layout_button *b1 = answer_button(&l, 1);
    ov_rgb got, want = ov_theme_answer_fill(ov_theme_get("standard"), b1->colour);
    int inset = (int)(l.px_per_mm * 0.8) + 6;
    int bx = b1->rect.x + inset, by = b1->rect.y + b1->rect.h / 2;
    assert_int_equal(ov_test_pixel(dir, "rotated", -(by - 400) + 400, (bx - 240) + 240, &got), 0);
    assert_true(ov_test_rgb_near(got, want, 12));
}

static void switch_access_scans_and_chooses(void **state)
{
    (void)state;
    char dir[64], args[300], path[200];
    ov_test_tmpdir(dir, sizeof dir);
    /* two switches: Space moves the highlight, Enter chooses (USB switch interfaces send these keys) */
    snprintf(path, sizeof path, "%s/two.ini", dir);
    FILE *f = fopen(path, "w");
    fputs("[speech]\nspeech = no\n[scanning]\nmode = two\nsetup = no\n", f); /* the wiring as built */
    fclose(f);
    snprintf(args, sizeof args, "--config %s --data %s/data", path, dir);
    /* on welcome "choose" presses Start (highlighted first); "move" would move to "Hear it again" */
    int rc = ov_test_run_kiosk(dir, "key enter\nexpect question\nkey space\nkey space\nkey space\nshot scanned\n"
                                    "key enter\nexpect confirm\nkey space\nkey enter\nexpect question\n", 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    /* the highlight ring is around the third answer (three moves: items 0, 1, 2) */
    ov_flow fl;
    ov_flow_init(&fl, &content, 1, 90000, 4000, 0, 0);
    ov_flow_act(&fl, OV_ACT_ANY, 0, 1);
    static ov_layout l;
    ov_test_layout(&fl, 800, 480, "standard", &l);
    ov_rect r = answer_button(&l, 2)->rect;
    ov_rgb got, ring = ov_theme_get("standard")->focus;
    assert_int_equal(ov_test_pixel(dir, "scanned", r.x + r.w / 2, r.y - 3, &got), 0);
    assert_true(ov_test_rgb_near(got, ring, 16));
    ov_rect r0 = answer_button(&l, 0)->rect;
    assert_int_equal(ov_test_pixel(dir, "scanned", r0.x + r0.w / 2, r0.y - 3, &got), 0);
    assert_false(ov_test_rgb_near(got, ring, 16));

    /* one switch: the highlight moves by itself every 0.75 s; a press chooses */
    snprintf(path, sizeof path, "%s/single.ini", dir);
    f = fopen(path, "w");
    fputs("[speech]\nspeech = no\n[scanning]\nmode = single\ninterval_ms = 750\n", f);
    fclose(f);
    snprintf(args, sizeof args, "--config %s --data %s/data1", path, dir);
    rc = ov_test_run_kiosk(dir, "key space\nexpect question\nwait 1100\nkey space\nexpect confirm\n", 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

/* Start the kiosk headless on `script` in the background (as systemd would
 * run it); returns its pid. A hung kiosk is killed by `timeout` after 120 s. */
static pid_t start_kiosk(const char *dir, const char *script, const char *args)
{
    char path[600], cmd[2400];
    snprintf(path, sizeof path, "%s/script.txt", dir);
    FILE *f = fopen(path, "w");
    if (!f) fail_msg("cannot write %s", path);
    fputs(script, f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/shots' && SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 "
             "SDL_AUDIODRIVER=dummy exec timeout -s KILL 120 '%s' kiosk --headless --script '%s' "
             "--shots '%s/shots' --size 800x480 %s 2>'%s/stderr.txt'",
             dir, ov_test_program(), path, dir, args, dir);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    if (pid < 0) fail_msg("fork failed");
    return pid;
}

static void sigterm_leaves_cleanly_and_keeps_the_votes(void **state)
{
    (void)state;
    char dir[64], data[128], args[200], shot[200], cmd[200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(args, sizeof args, "--no-speech --data %s", data);
    char script[2048] = "key space\nexpect question\n";
    for (int q = 0; q < content.n_questions; q++) strcat(script, "key 1\nexpect confirm\nkey enter\n");
    /* thanked, back to an idle welcome, then a wait far longer than the test:
     * only SIGTERM ends it */
    strcat(script, "expect review\nkey enter\nexpect thanks\nadvance 5000\nwait 50\nexpect welcome\nshot thanked\nwait 600000\n");
    pid_t pid = start_kiosk(dir, script, args);
    snprintf(shot, sizeof shot, "%s/shots/thanked.png", dir);
    struct stat st;
    int status = 0;
    while (stat(shot, &st) != 0) {
        if (waitpid(pid, &status, WNOHANG) == pid) fail_msg("kiosk ended before the vote: %s", ov_test_stderr(dir));
        usleep(10000);
    }
    assert_int_equal(kill(pid, SIGTERM), 0);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)   /* 137: killed by timeout, SIGTERM ignored */
        fail_msg("kiosk did not leave cleanly on SIGTERM (status %d): %s", status, ov_test_stderr(dir));
    assert_non_null(strstr(ov_test_stderr(dir), "asked to stop"));
    /* the store opens, and the thanked votes are in it */
    const ov_answer *a[OV_MAX_ANSWERS];
    for (int q = 0; q < content.n_questions; q++) {
        ov_question_answers(&content, q, a);
        assert_int_equal(stored(data, content.questions[q].id, a[0]->id), 1);
    }
    assert_int_equal(ov_test_votes_total(data), content.n_questions);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void shots_go_into_a_folder_made_when_missing(void **state)
{
    (void)state;
    char dir[64], script[200], cmd[1400], shot[200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(script, sizeof script, "%s/script.txt", dir);
    FILE *f = fopen(script, "w");
    if (!f) fail_msg("cannot write %s", script);
    fputs("expect welcome\nshot welcome\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy "
             "timeout -s KILL 120 '%s' kiosk --headless --no-speech --data '%s/data' --script '%s' "
             "--shots '%s/not/yet/there' --size 800x480 2>'%s/stderr.txt'",
             ov_test_program(), dir, script, dir, dir);
    int rc = system(cmd);
    if (rc != 0) fail_msg("kiosk failed (%d): %s", rc, ov_test_stderr(dir));
    snprintf(shot, sizeof shot, "%s/not/yet/there/welcome.png", dir);
    struct stat st;
    assert_int_equal(stat(shot, &st), 0);
    assert_true(st.st_size > 0);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) { fprintf(stderr, "build %s first\n", ov_test_program()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_member_answers_every_question_by_touch),
        cmocka_unit_test(answer_buttons_show_their_colours),
        cmocka_unit_test(keys_and_buttons_answer_too),
        cmocka_unit_test(idle_time_forgets_and_stores_nothing),
        cmocka_unit_test(a_bad_script_line_is_reported_with_its_number),
        cmocka_unit_test(broken_content_falls_back_and_warns_the_facilitator),
        cmocka_unit_test(no_thank_you_when_the_vote_cannot_be_stored),
        cmocka_unit_test(a_sideways_panel_rotates_drawing_and_touch),
        cmocka_unit_test(switch_access_scans_and_chooses),
        cmocka_unit_test(sigterm_leaves_cleanly_and_keeps_the_votes),
        cmocka_unit_test(shots_go_into_a_folder_made_when_missing),
    };
    return cmocka_run_group_tests_name("kiosk_headless", tests, setup, NULL);
}
