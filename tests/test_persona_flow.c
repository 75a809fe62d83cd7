/* test_persona_flow.c — whole visits through the real binary (`ourvoice kiosk
 * --headless --script`), as members with different needs make them, with
 * speech recorded through SDL's disk audio: a slow member (the idle warning,
 * "I need more time", then the visit finishes), a member who walks away (the
 * warning is spoken, the answers are forgotten, nothing is stored, the next
 * member sees the same welcome screen), a failed save (no thank-you, never
 * stored under the next person) and a member who cannot read (touch only,
 * pictures, the review screen; the thank-you waits for its speech). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kiosk_ears.h"
#include "kiosk_runner.h"
#include "platform/tally.h"
#include "ui/layout.h"

#define W 800
#define H 480
#define SPEECH_RATE 22050         /* samples per second of the kiosk's speech (mono, 16 bit) */
#define IDLE_S 120                /* the idle time these visits use: the default, not set */
#define LONG_WARNING_S 60         /* a longer wait on the idle warning ([kiosk] idle_warning_s) */
#define LOUD_SAMPLE 1000          /* a sample above this is sound, not silence */
#define POLL_NAP_NS 20000000L     /* 20 ms between looks at the shots folder */
#define HEARD_LONGEST_S 120       /* the longest a heard visit may take (speech plays in real time) */
#define PAUSE_S 1.0               /* a silence this long parts two stretches of voice */

static ov_content content;

static int setup(void **state) { (void)state; ov_content_builtin(&content); return 0; }

/* The centre of target kind/index on the flow's current screen at W x H. */
static void centre(const ov_flow *f, ov_target_kind kind, int index, int *x, int *y)
{
    static ov_layout l;
    ov_test_layout(f, W, H, "standard", &l);
    for (int i = 0; i < l.n_buttons; i++)
        if (l.buttons[i].target.kind == kind && l.buttons[i].target.index == index) {
            *x = l.buttons[i].rect.x + l.buttons[i].rect.w / 2;
            *y = l.buttons[i].rect.y + l.buttons[i].rect.h / 2;
            return;
        }
    fail_msg("no target %d/%d on the %s screen", kind, index, ov_screen_name(f->screen));
}

/* Append "touch X Y" for a target, and press it in the mirror flow `f`. */
static void touch(char *script, size_t len, ov_flow *f, ov_target_kind kind, int index)
{
    int x = 0, y = 0, arg;
    centre(f, kind, index, &x, &y);
    snprintf(script + strlen(script), len - strlen(script), "touch %d %d\n", x, y);
    ov_action a = ov_flow_target_action((ov_target){ kind, index }, &arg);
    ov_flow_act(f, a, arg, 10);
}

static void add(char *script, size_t len, const char *line)
{
    snprintf(script + strlen(script), len - strlen(script), "%s", line);
}

/* Answer question q by touch (answer `pick`, then "that's right"). */
static void answer(char *script, size_t len, ov_flow *f, int pick)
{
    add(script, len, "expect question\n");
    touch(script, len, f, OV_TARGET_ANSWER, pick);
    add(script, len, "expect confirm\n");
    touch(script, len, f, OV_TARGET_YES, 0);
}

/* Count stored for (question, answer), 0 when none. */
static long stored(const char *data, const char *question, const char *answer_id)
{
    ov_tally *t;
    char err[256];
    if (ov_tally_open(data, &t, err, sizeof err) != OV_OK) fail_msg("%s", err);
    ov_tally_row *rows = NULL;
    int n = 0;
    if (ov_tally_read_all(t, NULL, &rows, &n) != OV_OK) fail_msg("the votes in %s cannot be read", data);
    long c = 0;
    for (int i = 0; i < n; i++)
        if (!strcmp(rows[i].question, question) && !strcmp(rows[i].answer, answer_id)) c += rows[i].count;
    free(rows);
    ov_tally_close(t);
    return c;
}

static const char *answer_id(int q, int pick)
{
    const ov_answer *a[OV_MAX_ANSWERS];
    ov_question_answers(&content, q, a);
    return a[pick]->id;
}

/* Settings for these visits: the default idle times. Writes DIR/persona.ini. */
static void write_config(const char *dir)
{
    char path[200];
    snprintf(path, sizeof path, "%s/persona.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "[kiosk]\nmeeting = persona\n");
    fclose(f);
}

/* The line of the kiosk's log that says what went wrong (the script's line), else all of it. */
static const char *why(const char *dir)
{
    const char *log = ov_test_stderr(dir);
    const char *at = strstr(log, "script.txt:");
    return at ? at : log;
}

/* Run with speech to DIR/speaker.raw (SDL disk audio). */
static int run_speaking(const char *dir, const char *script, const char *data)
{
    char args[700], raw[200];
    write_config(dir);
    snprintf(raw, sizeof raw, "%s/speaker.raw", dir);
    snprintf(args, sizeof args, "--config %s/persona.ini --data %s", dir, data);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int rc = ov_test_run_kiosk(dir, script, W, H, args);
    unsetenv("SDL_DISKAUDIOFILE");
    unsetenv("SDL_AUDIODRIVER");
    return rc;
}

/* Run with speech, everything heard into *heard (tests/support/kiosk_ears.h). */
static int run_heard(const char *dir, const char *script, const char *data, ov_test_heard *heard)
{
    char args[700];
    write_config(dir);
    snprintf(args, sizeof args, "--config %s/persona.ini --data %s", dir, data);
    return ov_test_run_kiosk_heard(dir, script, W, H, args, HEARD_LONGEST_S, heard);
}

/* RMS and loud samples of the last `seconds` of DIR/speaker.raw. */
static double tail_rms(const char *dir, double seconds, long *loud)
{
    char raw[200];
    snprintf(raw, sizeof raw, "%s/speaker.raw", dir);
    FILE *f = fopen(raw, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long bytes = ftell(f);
    long want = (long)(seconds * SPEECH_RATE) * 2;
    assert_true(bytes >= want);
    fseek(f, bytes - want, SEEK_SET);
    double sum = 0;
    *loud = 0;
    int16_t s;
    for (long i = 0; i < want / 2 && fread(&s, 2, 1, f) == 1; i++) {
        sum += (double)s * s;
        *loud += s > LOUD_SAMPLE || s < -LOUD_SAMPLE;
    }
    fclose(f);
    return sqrt(sum / (double)(want / 2));
}

static void a_slow_member_asks_for_more_time_and_finishes(void **state)
{
    (void)state;
    char dir[64], data[128], script[8192] = "expect welcome\n", line[64], warning[OV_SPEECH_TEXT_LEN] = "";
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(data, sizeof data, "%s/data", dir);
    ov_flow f;
    ov_flow_init(&f, &content, 1, IDLE_S * 1000, 4000, 0, 0);
    touch(script, sizeof script, &f, OV_TARGET_START, 0);
    int picks[OV_MAX_QUESTIONS];
    for (int q = 0; q < content.n_questions; q++) {
        picks[q] = q % 3;
        if (q == 1) /* question 2 is read to its end, then silence: the warning is heard apart */
            add(script, sizeof script, "quiet 60000\nwait 1500\n");
        /* long pauses: under the idle time no warning comes ... */
        snprintf(line, sizeof line, "advance %d\nwait 30\n", (IDLE_S - 10) * 1000);
        add(script, sizeof script, line);
        if (q == 1) { /* ... one pause longer than it: the warning, heard to its end, then "I need more time" */
            snprintf(line, sizeof line, "advance %d\nwait 50\n", 20 * 1000);
            add(script, sizeof script, line);
            add(script, sizeof script, "expect idle-warning\nshot warned\nquiet 30000\nwait 1500\n");
            f.warned_from = f.screen;
            f.screen = OV_SCREEN_IDLE_WARNING;
            static ov_layout l;
            ov_test_layout(&f, W, H, "standard", &l);
            ov_strlcpy(warning, l.speech, sizeof warning);
            touch(script, sizeof script, &f, OV_TARGET_MORE_TIME, 0);
            add(script, sizeof script, "expect question\n");
        }
        answer(script, sizeof script, &f, picks[q]);
    }
    add(script, sizeof script, "expect review\nshot review\n");
    touch(script, sizeof script, &f, OV_TARGET_SAVE, 0);
    add(script, sizeof script, "expect thanks\n");
    ov_test_heard heard;
    int rc = run_heard(dir, script, data, &heard);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, why(dir));
    /* the warning is heard whole, apart: about as long as `ourvoice say` of its words */
    ov_test_stretch st[OV_EARS_MAX_STRETCHES];
    int n = ov_test_stretches(&heard, PAUSE_S, st, OV_EARS_MAX_STRETCHES);
    ov_test_print_stretches("slow member", st, n);
    double want = ov_test_say_voiced_s(dir, warning, "en-gb");
    fprintf(stderr, "the idle warning \"%s\": %.2f s in its reading\n", warning, want);
    /* stretch 0: the readings before the warning; 1: the warning (what comes after it is cut at
     * once by the next touch, so it may be heard or not, by how fast the machine is) */
    assert_true(n >= 2 && want > 0);
    if (st[1].voiced_s < 0.6 * want || st[1].voiced_s > 1.6 * want)
        fail_msg("the idle warning: %.2f s of voice heard, its reading takes %.2f s", st[1].voiced_s, want);
    ov_test_heard_free(&heard);
    for (int q = 0; q < content.n_questions; q++)   /* every answer kept through the warning */
        assert_int_equal(stored(data, content.questions[q].id, answer_id(q, picks[q])), 1);
    assert_int_equal(ov_test_votes_total(data), content.n_questions);
}

/* A member answers two questions, then walks away. */
static void walk_away_script(char *script, size_t len)
{
    ov_flow f;
    ov_flow_init(&f, &content, 1, IDLE_S * 1000, 4000, 0, 0);
    add(script, len, "expect welcome\nshot first-welcome\n");
    touch(script, len, &f, OV_TARGET_START, 0);
    answer(script, len, &f, 1);
    add(script, len, "expect question\n");
    touch(script, len, &f, OV_TARGET_ANSWER, 2);
    add(script, len, "expect confirm\n");
    char line[64];
    snprintf(line, sizeof line, "advance %d\nwait 50\n", IDLE_S * 1000);
    add(script, len, line);
    add(script, len, "expect idle-warning\nshot warned\n");
}

static void a_member_who_walks_away_is_warned_then_forgotten(void **state)
{
    (void)state;
    char dir[64], data[128], script[4096] = "";
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(data, sizeof data, "%s/data", dir);
    /* with speech: the warning is heard (the last 2.5 s, while the warning screen shows) */
    walk_away_script(script, sizeof script);
    add(script, sizeof script, "wait 2500\nquit\n");
    int rc = run_speaking(dir, script, data);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, why(dir));
    long loud;
    double rms = tail_rms(dir, 2.5, &loud);
    if (rms < 500.0 || loud < SPEECH_RATE / 10)
        fail_msg("the idle warning was not heard: RMS %.0f, %ld loud samples in 2.5 s", rms, loud);

    /* without speech (no moving highlight): forgotten, nothing stored, the same welcome */
    char dir2[64], data2[128], args[300], a[200], b[200];
    ov_test_tmpdir(dir2, sizeof dir2);
    snprintf(data2, sizeof data2, "%s/data", dir2);
    write_config(dir2);
    script[0] = '\0';
    walk_away_script(script, sizeof script);
    add(script, sizeof script, "advance 29000\nwait 30\nexpect idle-warning\n"); /* still waiting at 29 s */
    add(script, sizeof script, "advance 2000\nwait 50\nexpect welcome\nshot next-welcome\n");
    snprintf(args, sizeof args, "--no-speech --config %s/persona.ini --data %s", dir2, data2);
    rc = ov_test_run_kiosk(dir2, script, W, H, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, why(dir2));
    assert_true(ov_test_votes_total(data2) <= 0);
    snprintf(a, sizeof a, "%s/shots/first-welcome.png", dir2);
    snprintf(b, sizeof b, "%s/shots/next-welcome.png", dir2);
    double off = 1.0;
    assert_int_equal(ov_test_png_diff(a, b, 0, &off), 0);
    if (off != 0.0)
        fail_msg("the next member's welcome differs from the first one in %.2f%% of pixels", off * 100);
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Start the kiosk in the background (no speech) on DIR/script.txt. */
static pid_t start_kiosk(const char *dir, const char *script, const char *args)
{
    char path[200], cmd[1600];
    snprintf(path, sizeof path, "%s/script.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(script, f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/shots' && SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 "
             "SDL_AUDIODRIVER=dummy exec timeout -s KILL 120 '%s' kiosk --headless --script '%s' "
             "--shots '%s/shots' --size %dx%d %s "
             "2>'%s/stderr.txt'", dir, ov_test_program(), path, dir, W, H, args, dir);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* A whole visit by keys (answer `pick` everywhere), ending with the save on the review. */
static void visit_by_keys(char *script, size_t len, int pick)
{
    add(script, len, "expect welcome\nkey space\n");
    char line[64];
    for (int q = 0; q < content.n_questions; q++) {
        snprintf(line, sizeof line, "expect question\nkey %d\nexpect confirm\nkey enter\n", pick + 1);
        add(script, len, line);
    }
    add(script, len, "expect review\nkey enter\n");
}

static void a_failed_save_is_never_stored_under_the_next_member(void **state)
{
    (void)state;
    char dir[64], blocker[128], data[160], args[400], script[4096] = "", shot[200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(blocker, sizeof blocker, "%s/store", dir);
    snprintf(data, sizeof data, "%s/votes", blocker);
    FILE *f = fopen(blocker, "w");   /* a file where the store's folder should be: it cannot be made */
    assert_non_null(f);
    fclose(f);
    write_config(dir);
    visit_by_keys(script, sizeof script, 0);                          /* the first member: answer 1 */
    add(script, sizeof script, "expect not-saved\nkey space\nexpect not-saved\n");   /* a retry fails too */
    char line[96];
    snprintf(line, sizeof line, "advance %d\nwait 50\nexpect idle-warning\nadvance 31000\nwait 50\n",
             IDLE_S * 1000);
    add(script, sizeof script, line);
    add(script, sizeof script, "expect welcome\nshot forgotten\nwait 1500\n"); /* the store is mended now */
    visit_by_keys(script, sizeof script, 2);                          /* the next member: answer 3 */
    add(script, sizeof script, "expect thanks\nquit\n");
    snprintf(args, sizeof args, "--no-speech --config %s/persona.ini --data %s", dir, data);
    pid_t pid = start_kiosk(dir, script, args);
    snprintf(shot, sizeof shot, "%s/shots/forgotten.png", dir);
    int status = 0;
    struct timespec nap = { 0, POLL_NAP_NS };
    while (!exists(shot)) {
        if (waitpid(pid, &status, WNOHANG) == pid) fail_msg("kiosk ended early: %s", ov_test_stderr(dir));
        nanosleep(&nap, NULL);
    }
    assert_int_equal(unlink(blocker), 0);   /* the helper mends the store */
    assert_int_equal(mkdir(blocker, 0755), 0);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail_msg("kiosk exit status %d: %s", status, ov_test_stderr(dir));
    for (int q = 0; q < content.n_questions; q++) {
        assert_int_equal(stored(data, content.questions[q].id, answer_id(q, 0)), 0);   /* the first: never */
        assert_int_equal(stored(data, content.questions[q].id, answer_id(q, 2)), 1);   /* the next: once */
    }
    assert_int_equal(ov_test_votes_total(data), content.n_questions);
}

/* The thank-you is heard whole: one stretch of what the member heard is
 * about as long as `ourvoice say` of its words. */
static void thanks_heard_whole(const char *dir, const ov_test_heard *heard, const char *words)
{
    ov_test_stretch st[OV_EARS_MAX_STRETCHES];
    int n = ov_test_stretches(heard, PAUSE_S, st, OV_EARS_MAX_STRETCHES), whole = 0;
    double want = ov_test_say_voiced_s(dir, words, "en-gb");
    for (int i = 0; i < n; i++)
        whole |= st[i].voiced_s >= 0.8 * want && st[i].voiced_s <= 1.3 * want;
    if (!whole) {
        ov_test_print_stretches("member who cannot read", st, n);
        fail_msg("the thank-you \"%s\" (%.2f s said alone) is not heard whole", words, want);
    }
}

static void a_member_who_cannot_read_uses_pictures_and_the_review(void **state)
{
    (void)state;
    char dir[64], data[128], script[8192] = "";
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(data, sizeof data, "%s/data", dir);
    ov_flow f;
    ov_flow_init(&f, &content, 1, IDLE_S * 1000, 4000, 0, 0);
    add(script, sizeof script, "expect welcome\n");
    touch(script, sizeof script, &f, OV_TARGET_START, 0);
    int picks[OV_MAX_QUESTIONS];
    for (int q = 0; q < content.n_questions; q++) {
        picks[q] = (q + 1) % 3;
        answer(script, sizeof script, &f, picks[q]);
    }
    add(script, sizeof script, "expect review\nshot review\n");
    ov_flow review = f;
    /* the member sees the second picture is not what they meant: change it on the review */
    touch(script, sizeof script, &f, OV_TARGET_REVIEW_ITEM, 1);
    picks[1] = 4;   /* "I don't know" */
    answer(script, sizeof script, &f, picks[1]);
    /* the review read to its end and a pause, so the thank-you is heard apart from it
     * (on a slow machine, arm64 under qemu, a cut review ran on into the thank-you) */
    add(script, sizeof script, "expect review\nquiet 60000\nwait 1500\n");
    touch(script, sizeof script, &f, OV_TARGET_SAVE, 0);
    /* the thank-you stays while it is spoken (about 5 s), even when its 4 s are long past */
    add(script, sizeof script, "expect thanks\nadvance 20000\nwait 1000\nexpect thanks\n");
    add(script, sizeof script, "wait 12000\nexpect welcome\n");   /* then it ends by itself */
    static ov_layout thanks;
    ov_flow saved = f; /* the kiosk stores the answers, then shows the thank-you */
    saved.screen = OV_SCREEN_THANKS;
    ov_test_layout(&saved, W, H, "standard", &thanks);
    ov_test_heard heard;
    int rc = run_heard(dir, script, data, &heard);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, why(dir));
    thanks_heard_whole(dir, &heard, thanks.speech);
    ov_test_heard_free(&heard);
    /* the review shows every answer as its picture on its colour, each target at least 20 mm */
    static ov_layout l;
    ov_test_layout(&review, W, H, "standard", &l);
    int items = 0;
    for (int i = 0; i < l.n_buttons; i++) {
        const ov_layout_button *b = &l.buttons[i];
        assert_true(b->rect.w >= 20 * l.px_per_mm - 1 && b->rect.h >= 20 * l.px_per_mm - 1);
        if (b->target.kind != OV_TARGET_REVIEW_ITEM) continue;
        assert_true(b->icon_path[0] && b->icon.w > 0);
        int inset = (int)(l.px_per_mm * 0.8) + 6;
        ov_rgb got, want = ov_theme_answer_fill(ov_theme_get("standard"), b->colour);
        assert_int_equal(ov_test_pixel(dir, "review", b->rect.x + inset, b->rect.y + b->rect.h / 2, &got), 0);
        if (!ov_test_rgb_near(got, want, 12))
            fail_msg("review item %d (%s): pixel %02x%02x%02x, expected %02x%02x%02x", i, b->colour, got.r,
                     got.g, got.b, want.r, want.g, want.b);
        items++;
    }
    assert_int_equal(items, content.n_questions);
    for (int q = 0; q < content.n_questions; q++)
        assert_int_equal(stored(data, content.questions[q].id, answer_id(q, picks[q])), 1);
    assert_int_equal(ov_test_votes_total(data), content.n_questions);
}

/* idle_warning_s = LONG_WARNING_S: a slow member sits on the warning longer
 * than the default 30 s, asks for more time and keeps the answers; then walks
 * away, and the answers go only when the longer wait is over. */
static void the_idle_warning_waits_as_long_as_the_setting(void **state)
{
    (void)state;
    char dir[64], path[200], args[400], script[4096] = "", line[160];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/long.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "[kiosk]\nidle_warning_s = %d\n", LONG_WARNING_S);
    fclose(f);
    walk_away_script(script, sizeof script);           /* the warning after the default 120 s */
    snprintf(line, sizeof line, "advance %d\nwait 30\nexpect idle-warning\n", (LONG_WARNING_S - 10) * 1000);
    add(script, sizeof script, line);                  /* 50 s on it: longer than the default wait */
    ov_flow mirror;
    ov_flow_init(&mirror, &content, 1, IDLE_S * 1000, 4000, 0, 0);
    mirror.warned_from = OV_SCREEN_CONFIRM;
    mirror.screen = OV_SCREEN_IDLE_WARNING;
    touch(script, sizeof script, &mirror, OV_TARGET_MORE_TIME, 0);
    add(script, sizeof script, "expect confirm\n");   /* back where the member was */
    snprintf(line, sizeof line, "advance %d\nwait 50\nexpect idle-warning\nadvance %d\nwait 30\n"
             "expect idle-warning\nadvance 2000\nwait 50\nexpect welcome\n", IDLE_S * 1000,
             (LONG_WARNING_S - 1) * 1000);
    add(script, sizeof script, line);                  /* then away: still warned at 59 s, gone at 61 s */
    snprintf(args, sizeof args, "--no-speech --config %s --data %s/data", path, dir);
    int rc = ov_test_run_kiosk(dir, script, W, H, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, why(dir));
    char data[128];
    snprintf(data, sizeof data, "%s/data", dir);
    assert_true(ov_test_votes_total(data) <= 0); /* nothing stored: the visit was not finished */
}

static void switch_move_presses_keep_a_two_switch_member_in(void **state)
{
    (void)state;
    char dir[64], path[200], args[400], script[2048] = "button 9\nexpect question\n", line[96];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/two.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "[kiosk]\nidle_timeout_s = %d\n[scanning]\nmode = two\nsetup = no\n", IDLE_S);
    fclose(f);
    /* "move" every minute for five minutes: never the warning, never back to welcome */
    for (int i = 0; i < 5; i++) {
        snprintf(line, sizeof line, "advance %d\nbutton 9\nwait 30\nexpect question\n", (IDLE_S / 2) * 1000);
        add(script, sizeof script, line);
    }
    snprintf(line, sizeof line, "advance %d\nwait 50\nexpect idle-warning\n", IDLE_S * 1000); /* then away */
    add(script, sizeof script, line);
    snprintf(args, sizeof args, "--no-speech --config %s --data %s/data", path, dir);
    int rc = ov_test_run_kiosk(dir, script, W, H, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, why(dir));
}

/* Fails unless every target is on screen, at least 20 mm, apart from the others, and all text fits. */
static void check_screen(const ov_flow *f, int w, int h, const char *theme)
{
    static ov_layout l;
    ov_test_layout(f, w, h, theme, &l);
    const char *name = ov_screen_name(f->screen);
    if (!l.all_fit) fail_msg("%dx%d %s %s: some text does not fit", w, h, theme, name);
    double mm = l.px_per_mm;
    for (int i = 0; i < l.n_buttons; i++) {
        ov_rect r = l.buttons[i].rect;
        if (!ov_rect_inside(r, l.screen)) fail_msg("%dx%d %s %s: target %d off screen", w, h, theme, name, i);
        if (r.w < 20 * mm - 1 || r.h < 20 * mm - 1)
            fail_msg("%dx%d %s %s: target %d is %.1f x %.1f mm", w, h, theme, name, i, r.w / mm, r.h / mm);
        for (int j = i + 1; j < l.n_buttons; j++)
            if (ov_rect_overlap(r, l.buttons[j].rect))
                fail_msg("%dx%d %s %s: targets %d and %d overlap", w, h, theme, name, i, j);
    }
}

static void review_and_warning_fit_every_size_and_theme(void **state)
{
    (void)state;
    static const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 1920, 1080 }, { 720, 1280 } };
    static const char *const themes[] = { "standard", "high-contrast", "large-text" };
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (size_t t = 0; t < sizeof themes / sizeof themes[0]; t++) {
            ov_flow f;
            ov_flow_init(&f, &content, 0, IDLE_S * 1000, 4000, 0, 0);
            ov_flow_act(&f, OV_ACT_ANY, 0, 1);
            for (int q = 0; q < content.n_questions; q++)
                ov_flow_act(&f, OV_ACT_CHOOSE, q % 3, 2);
            assert_int_equal(f.screen, OV_SCREEN_REVIEW);
            check_screen(&f, sizes[s][0], sizes[s][1], themes[t]);   /* review */
            ov_flow_tick(&f, 2 + IDLE_S * 1000);
            assert_int_equal(f.screen, OV_SCREEN_IDLE_WARNING);
            check_screen(&f, sizes[s][0], sizes[s][1], themes[t]);
        }
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) {
        fprintf(stderr, "build %s first\n", ov_test_program());
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_slow_member_asks_for_more_time_and_finishes),
        cmocka_unit_test(a_member_who_walks_away_is_warned_then_forgotten),
        cmocka_unit_test(the_idle_warning_waits_as_long_as_the_setting),
        cmocka_unit_test(a_failed_save_is_never_stored_under_the_next_member),
        cmocka_unit_test(a_member_who_cannot_read_uses_pictures_and_the_review),
        cmocka_unit_test(review_and_warning_fit_every_size_and_theme),
        cmocka_unit_test(switch_move_presses_keep_a_two_switch_member_in),
    };
    return cmocka_run_group_tests_name("persona_flow", tests, setup, NULL);
}
