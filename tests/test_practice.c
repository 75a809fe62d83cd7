/* test_practice.c — the practice question (issue 13 point 5, ACASI
 * practice) through the real binary (`ourvoice kiosk --headless --script`),
 * with the test fixture's content plus `practice = yes` on a first question
 * (the default content has none): the practice screen shows its note (the
 * words drawn in the shot) and says it (the `texts` speech line, and SDL's
 * disk audio holds as much sound as the whole screen's words, more than the
 * screen would without the note); its progress is not shown and the real
 * questions count from 1; its answer is not on the review, never stored in
 * the tally (not even a zero row) and never exported; a round on it is
 * never opened (the facilitator's list does not offer it). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_runner.h"
#include "platform/content_load.h"
#include "platform/tally.h"
#include "platform/tally_plan.h"
#include "ui/facilitator.h"
#include "ui/layout.h"

#define W 800
#define H 480
#define MEETING "Practice day"
#define NOTE "This is a practice question. Your answer is not kept."
#define LOUD_SAMPLE 1000 /* a sample above this is sound, not silence */
#define SPEAK_MS 20000   /* long enough for a screen to be read whole (buttons too) and the device to close */
#define SPEECH_RATE 22050

static char dir[200], content_dir[300];
static ov_content content;

static const char *root(void)
{
    const char *r = getenv("OV_ROOT");
    return r && *r ? r : ".";
}

/* DIR/content: the fixture's content with [question practice] first. */
static int setup(void **state)
{
    (void)state;
    char cmd[1200], ini[400], *text = malloc(1 << 17);
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(content_dir, sizeof content_dir, "%s/content", dir);
    snprintf(cmd, sizeof cmd, "cp -r '%s/tests/fixtures/content/good' '%s'", root(), content_dir);
    assert_int_equal(system(cmd), 0);
    snprintf(ini, sizeof ini, "%s/content.ini", content_dir);
    assert_non_null(text);
    assert_true(ov_test_read_text(ini, text, 1 << 17) > 0);
    char *at = strstr(text, "[question first]");
    assert_non_null(at);
    FILE *f = fopen(ini, "w");
    assert_non_null(f);
    fprintf(f, "%.*s[question practice]\ntitle = Practice\nsentence = Do you like tea?\n"
               "picture = pictures/question-b.svg\nscale = yes-no\npractice = yes\n\n%s",
            (int)(at - text), text, at);
    fclose(f);
    free(text);
    static ov_diags d;
    ov_diags_init(&d);
    if (ov_content_load(content_dir, &content, &d) != OV_OK)
        fail_msg("the practice content does not load: %s", d.n ? d.items[0].text : "?");
    assert_int_equal(ov_content_practice(&content), 0);
    return 0;
}

/* A flow like the kiosk's: the practice question set from the content. */
static void mirror(ov_flow *f)
{
    ov_flow_init(f, &content, 1, 120000, 4000, 0, 0);
    ov_flow_set_practice(f, ov_content_practice(&content));
}

/* Append "touch X Y" for a target of the mirror flow's screen, and press it there. */
static void touch(char *script, size_t len, ov_flow *f, ov_target_kind kind, int index)
{
    static ov_layout l;
    ov_test_layout(f, W, H, "standard", &l);
    for (int i = 0; i < l.n_buttons; i++)
        if (l.buttons[i].target.kind == kind && l.buttons[i].target.index == index) {
            snprintf(script + strlen(script), len - strlen(script), "touch %d %d\n",
                     l.buttons[i].rect.x + l.buttons[i].rect.w / 2, l.buttons[i].rect.y + l.buttons[i].rect.h / 2);
            int arg;
            ov_action a = ov_flow_target_action((ov_target){ kind, index }, &arg);
            ov_flow_act(f, a, arg, 10);
            return;
        }
    fail_msg("no target %d/%d on the %s screen", kind, index, ov_screen_name(f->screen));
}

static void add(char *script, size_t len, const char *line)
{
    snprintf(script + strlen(script), len - strlen(script), "%s", line);
}

/* Answer the current question by touch: answer `pick`, then "that's right". */
static void answer(char *script, size_t len, ov_flow *f, int pick)
{
    add(script, len, "expect question\ntexts\n");
    touch(script, len, f, OV_TARGET_ANSWER, pick);
    add(script, len, "expect confirm\n");
    touch(script, len, f, OV_TARGET_YES, 0);
}

/* Run the kiosk with `script`; its `texts` go to DIR/SUB/texts.txt. */
static int run(const char *sub, const char *script, const char *more)
{
    char d[300], args[1400], cfg[400];
    snprintf(d, sizeof d, "%s/%s", dir, sub);
    snprintf(cfg, sizeof cfg, "mkdir -p '%s'", d);
    assert_int_equal(system(cfg), 0);
    snprintf(cfg, sizeof cfg, "%s/ourvoice.ini", d);
    FILE *f = fopen(cfg, "w");
    assert_non_null(f);
    fprintf(f, "[kiosk]\nmeeting = %s\n[facilitator]\nsmall_numbers = 1\n", MEETING);
    fclose(f);
    snprintf(args, sizeof args, "--content '%s' --config '%s' --data '%s/data' %s >'%s/texts.txt'", content_dir,
             cfg, d, more, d);
    int rc = ov_test_run_kiosk(d, script, W, H, args);
    if (rc != 0)
        fprintf(stderr, "%s\n", ov_test_stderr(d));
    return rc;
}

/* The `texts` block of the n-th screen printed (0-based) in buf, cut at the next one. */
static const char *screen_texts(const char *all, int n, char *buf, size_t len)
{
    const char *at = all;
    for (int i = 0; at && i <= n; i++)
        at = strstr(i ? at + 1 : at, "screen: ");
    assert_non_null(at);
    const char *end = strstr(at + 1, "screen: ");
    snprintf(buf, len, "%.*s", end ? (int)(end - at) : (int)strlen(at), at);
    return buf;
}

/* Stored count of (question, answer) in DIR/SUB/data, and how many rows name the question at all. */
static long stored(const char *sub, const char *question, const char *answer_id, int *rows_of_q)
{
    char data[300], err[256];
    snprintf(data, sizeof data, "%s/%s/data", dir, sub);
    ov_tally *t;
    if (ov_tally_open(data, &t, err, sizeof err) != OV_OK)
        fail_msg("%s", err);
    ov_tally_row *rows = NULL;
    int n = 0;
    assert_int_equal(ov_tally_read_all(t, NULL, &rows, &n), OV_OK);
    long c = 0;
    *rows_of_q = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(rows[i].question, question))
            continue;
        (*rows_of_q)++;
        if (!answer_id || !strcmp(rows[i].answer, answer_id))
            c += rows[i].count;
    }
    free(rows);
    ov_tally_close(t);
    return c;
}

/* A whole visit: practice "Yes", then "No" and "High" for real, saved from the review. */
static void a_member_practises_then_answers_for_real(void **state)
{
    (void)state;
    static char script[8192], all[1 << 16], one[4096];
    ov_flow f;
    mirror(&f);
    script[0] = '\0';
    add(script, sizeof script, "expect welcome\n");
    touch(script, sizeof script, &f, OV_TARGET_START, 0);
    add(script, sizeof script, "expect question\nshot practice\n");
    answer(script, sizeof script, &f, 0); /* practice: Yes */
    assert_int_equal(f.question, 1);
    answer(script, sizeof script, &f, 1); /* first: No */
    answer(script, sizeof script, &f, 2); /* second: High */
    add(script, sizeof script, "expect review\ntexts\n");
    touch(script, sizeof script, &f, OV_TARGET_SAVE, 0);
    add(script, sizeof script, "expect thanks\n");
    assert_int_equal(run("visit", script, "--no-speech"), 0);

    char path[400];
    snprintf(path, sizeof path, "%s/visit/texts.txt", dir);
    assert_true(ov_test_read_text(path, all, sizeof all) > 0);
    /* the practice screen: its note shown first and said first, no progress */
    screen_texts(all, 0, one, sizeof one);
    assert_non_null(strstr(one, "screen: question\ntext: " NOTE "\ntext: Practice\n"));
    assert_non_null(strstr(one, "speech: " NOTE " Practice. Do you like tea?"));
    assert_null(strstr(one, " of 2"));
    /* the real questions count from 1, without the practice; no note on them */
    screen_texts(all, 1, one, sizeof one);
    assert_non_null(strstr(one, "text: 1 of 2\ntext: The first question\n"));
    assert_null(strstr(one, NOTE));
    screen_texts(all, 2, one, sizeof one);
    assert_non_null(strstr(one, "text: 2 of 2\ntext: The second question\n"));
    /* the review lists the two real answers only */
    screen_texts(all, 3, one, sizeof one);
    assert_non_null(strstr(one, "screen: review\n"));
    assert_non_null(strstr(one, "The first question"));
    assert_non_null(strstr(one, "The second question"));
    assert_null(strstr(one, "Practice"));

    /* the note's words are drawn where the layout puts them */
    static ov_layout l;
    mirror(&f);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    ov_test_layout(&f, W, H, "standard", &l);
    assert_string_equal(l.texts[0].block.text, NOTE);
    ov_rgb ink = ov_theme_get("standard")->text;
    snprintf(path, sizeof path, "%s/visit", dir);
    for (int w = 0; w < l.texts[0].block.n_words; w++) {
        ov_rect r = l.texts[0].block.words[w].rect;
        int inked = 0;
        for (int y = r.y; y < r.y + r.h && !inked; y++)
            for (int x = r.x; x < r.x + r.w && !inked; x++) {
                ov_rgb px;
                assert_int_equal(ov_test_pixel(path, "practice", x, y, &px), 0);
                inked = ov_test_rgb_near(px, ink, 40);
            }
        if (!inked)
            fail_msg("word %d of the practice note is not drawn at %d,%d", w, r.x, r.y);
    }

    /* stored: the two real answers; nothing of the practice, not even a zero row */
    int rows;
    assert_int_equal(stored("visit", "practice", NULL, &rows), 0);
    assert_int_equal(rows, 0);
    assert_int_equal(stored("visit", "first", "no", &rows), 1);
    assert_int_equal(stored("visit", "first", "yes", &rows), 0); /* the practice "Yes" is not here */
    assert_int_equal(stored("visit", "second", "high", &rows), 1);
    snprintf(path, sizeof path, "%s/visit/data", dir);
    assert_int_equal(ov_test_votes_total(path), 2);

    /* exported (the meeting closed, as the kiosk closes it): no practice in the CSV or the JSON */
    char err[256], cmd[1400];
    ov_tally *t;
    assert_int_equal(ov_tally_open(path, &t, err, sizeof err), OV_OK);
    assert_int_equal(ov_plan_close_meeting(t, MEETING, err, sizeof err), OV_OK);
    ov_tally_close(t);
    snprintf(cmd, sizeof cmd, "'%s' export --to '%s/out' --data '%s' --content '%s' --config "
             "'%s/visit/ourvoice.ini' --date 2025-06-07 >/dev/null && cat '%s/out/'*.csv '%s/out/'*.json",
             ov_test_program(), dir, path, content_dir, dir, dir, dir);
    assert_true(ov_test_command_output(cmd, all, sizeof all) > 0);
    assert_non_null(strstr(all, MEETING ",first,The first question,no,No,1,no\r\n"));
    assert_non_null(strstr(all, MEETING ",second,The second question,high,High,1,no\r\n"));
    assert_null(strstr(all, MEETING ",first,The first question,yes,Yes,1")); /* the practice "Yes" */
    assert_null(strstr(all, "practice"));
    assert_null(strstr(all, "Practice,"));
}

/* Loud samples from f's position to its end; f is closed. */
static long loud_to_end(FILE *f)
{
    long loud = 0;
    int16_t s;
    while (fread(&s, 2, 1, f) == 1)
        loud += s > LOUD_SAMPLE || s < -LOUD_SAMPLE;
    fclose(f);
    return loud;
}

/* Loud samples of the WAV `path` (16-bit mono, after its "data" header). */
static long wav_loud(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char head[4096];
    size_t n = fread(head, 1, sizeof head, f);
    char *data = memmem(head, n, "data", 4);
    assert_non_null(data);
    fseek(f, (long)(data - head) + 8, SEEK_SET);
    return loud_to_end(f);
}

/* Loud samples of `text` said by `ourvoice say` (the kiosk's voice and rate). */
static long said_loud(const char *text)
{
    char cmd[1200], wav[300], out[256];
    snprintf(wav, sizeof wav, "%s/said.wav", dir);
    snprintf(cmd, sizeof cmd, "'%s' say \"%s\" --wav '%s'", ov_test_program(), text, wav); /* text: no \" or $ */
    assert_true(ov_test_command_output(cmd, out, sizeof out) >= 0);
    return wav_loud(wav);
}

/* Loud samples in the whole disk audio DIR/speech/speaker.raw. */
static long raw_loud(void)
{
    char raw[300];
    snprintf(raw, sizeof raw, "%s/speech/speaker.raw", dir);
    FILE *f = fopen(raw, "rb");
    assert_non_null(f);
    return loud_to_end(f);
}

/* The "speech: " line of the n-th screen in DIR/speech/texts.txt into buf. */
static const char *speech_line(int n, char *buf, size_t len)
{
    static char all[1 << 14];
    char path[400], one[4096];
    snprintf(path, sizeof path, "%s/speech/texts.txt", dir);
    assert_true(ov_test_read_text(path, all, sizeof all) > 0);
    const char *at = strstr(screen_texts(all, n, one, sizeof one), "speech: ");
    assert_non_null(at);
    snprintf(buf, len, "%.*s", (int)strcspn(at + 8, "\n"), at + 8);
    return buf;
}

/* The practice screen is heard with its note. The welcome is read to the
 * end, then the practice screen. SDL's disk driver starts its file again
 * each time the kiosk opens the audio device, which it closes after 2 s of
 * quiet: the file holds the practice screen's reading alone (the welcome's
 * sound is not in it: checked). That sound is about as much speech as the
 * screen's words said whole by `ourvoice say` (its `texts` speech line,
 * which starts with the note), clearly more than those words without the
 * note, and less than two readings. */
static void the_practice_note_is_heard(void **state)
{
    (void)state;
    char script[1024], raw[300], line[2048];
    snprintf(script, sizeof script, "expect welcome\ntexts\nwait %d\nkey space\nexpect question\ntexts\n"
             "wait %d\nquit\n", SPEAK_MS, SPEAK_MS);
    snprintf(raw, sizeof raw, "%s/speech/speaker.raw", dir);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int rc = run("speech", script, "");
    unsetenv("SDL_DISKAUDIOFILE");
    unsetenv("SDL_AUDIODRIVER");
    assert_int_equal(rc, 0);
    long heard = raw_loud();
    long welcome = said_loud(speech_line(0, line, sizeof line));
    speech_line(1, line, sizeof line);
    assert_int_equal(strncmp(line, NOTE " ", strlen(NOTE) + 1), 0);
    long whole = said_loud(line);
    long without = said_loud(line + strlen(NOTE) + 1);
    fprintf(stderr, "  loud samples: heard %ld; the practice screen's words %ld, without the note %ld; "
            "the welcome's %ld\n", heard, whole, without, welcome);
    assert_true(whole > without * 3 / 2); /* the note is a good part of the screen's speech */
    assert_true(heard > (whole + without) / 2);
    assert_true(heard < whole * 5 / 4);
    assert_true(heard < whole + welcome / 2); /* the file holds the practice screen alone */
}

/* The facilitator's "open a round" list has the real questions only, and the flow never opens a round on
 * the practice question. */
static void no_round_on_the_practice_question(void **state)
{
    (void)state;
    ov_flow f;
    mirror(&f);
    ov_fac fac;
    ov_fac_init(&fac, &content, "", MEETING);
    ov_fac_set_flow(&fac, &f);
    fac.screen = OV_FAC_ROUND;
    static ov_menu m;
    ov_fac_menu(&fac, &m);
    int rounds = 0;
    for (int i = 0; i < m.n_items; i++) {
        if (m.items[i].action != OV_MENU_PICK_ROUND)
            continue;
        rounds++;
        assert_int_not_equal(m.items[i].arg, 0);
        assert_string_not_equal(m.items[i].label, "Practice");
    }
    assert_int_equal(rounds, content.n_questions - 1);
    ov_flow_set_round(&f, 0, 5);
    assert_int_equal(ov_flow_round(&f), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_member_practises_then_answers_for_real),
        cmocka_unit_test(the_practice_note_is_heard),
        cmocka_unit_test(no_round_on_the_practice_question),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
