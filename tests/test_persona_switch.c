/* test_persona_switch.c — whole visits through the real kiosk, as three
 * members would make them (issue 13):
 *  - a single-switch user: the highlight moves by itself, one switch
 *    chooses; the scan stops after its rounds, says and shows how to start
 *    again, and a press starts it again;
 *  - a two-switch user who moves slowly (a press every 2 s for longer than
 *    the idle timeout) and is never sent back to the start;
 *  - a member who cannot see, with headphones, using the arrow keys: every
 *    screen and every focus move is spoken (SDL's disk driver records it).
 * Each stores all 4 answers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_ears.h"
#include "kiosk_runner.h"
#include "model/content.h"
#include "ui/render_palette.h"

#define PAUSE_S 1.0      /* a silence this long parts two stretches of voice (sentences pause less) */
#define GAP_MS "1500"    /* the silence a script leaves between two things it wants heard apart */
#define LONGEST_S 120    /* the longest a heard run may take (the kiosk speaks in real time) */
#define AS_LONG_MIN 0.6  /* "about as long as the words": at least this share of their reading ... */
#define AS_LONG_MAX 1.6  /* ... and at most this much */

/* Run `script` with settings `ini` (written to DIR/ov.ini); speech off when
 * raw is NULL, else recorded into raw by SDL's disk driver. Returns the exit code. */
/* Write ini to DIR/ov.ini and into args the kiosk's arguments for it, its data
 * folder and the English content, then `extra`. */
static void persona_args(const char *dir, const char *ini, const char *extra, char *args, size_t len)
{
    char path[200];
    snprintf(path, sizeof path, "%s/ov.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(ini, f);
    fclose(f);
    const char *root = getenv("OV_ROOT");
    snprintf(args, len, "--config '%s' --data '%s/data' --content '%s/assets/content/en' %s", path, dir,
             root ? root : ".", extra);
}

static int visit(const char *dir, const char *ini, const char *script, const char *raw)
{
    char args[1200];
    persona_args(dir, ini, raw ? "" : "--no-speech", args, sizeof args);
    if (raw) {
        setenv("SDL_AUDIODRIVER", "disk", 1);
        setenv("SDL_DISKAUDIOFILE", raw, 1);
    }
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    unsetenv("SDL_DISKAUDIOFILE");
    unsetenv("SDL_AUDIODRIVER");
    return rc;
}

static long votes(const char *dir)
{
    char data[160];
    snprintf(data, sizeof data, "%s/data", dir);
    return ov_test_votes_total(data);
}

/* One question answered with one switch: wait for the highlight to reach
 * answer 3 (item 0 at once, then one item every 750 ms), press, then press
 * at once on the confirm screen ("That's right" is highlighted first). */
#define SINGLE_QUESTION                                                                                 \
    "expect question\n"                                                                                 \
    "wait 1900\n"                                                                                       \
    "button 9\n"                                                                                        \
    "expect confirm\n"                                                                                  \
    "wait 300\n"                                                                                        \
    "button 9\n"

static void test_single_switch_user(void **st)
{
    (void)st;
    char dir[64];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    const char *ini = "[scanning]\nmode = single\ninterval_ms = 750\nfirst_ms = 750\nrounds = 1\n";
    const char *script = "expect welcome\n"
                         "button 9\n"
                         "expect question\n"
                         /* nobody presses: one round of 6 items, then the scan stops and says so */
                         "wait 5200\n"
                         "shot stopped\n"
                         "button 9\n" /* starts again from the first item: nothing chosen */
                         "expect question\n"
                         "wait 200\n"
                         "shot restarted\n"
                         "wait 1500\n" /* item 0 at the press, item 1 at +750, item 2 at +1500 */
                         "button 9\n"
                         "expect confirm\n"
                         "wait 300\n"
                         "button 9\n" SINGLE_QUESTION SINGLE_QUESTION SINGLE_QUESTION
                         "expect review\nbutton 9\n" /* "Save my answers" is highlighted first */
                         "expect thanks\n";
    int rc = visit(dir, ini, script, NULL);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_int_equal(votes(dir), 4);
    /* the stopped scan shows its strip (the warning colour) at the top; the restarted one does not */
    ov_rgb strip, plain;
    assert_int_equal(ov_test_pixel(dir, "stopped", 30, 40, &strip), 0);
    assert_int_equal(ov_test_pixel(dir, "restarted", 30, 40, &plain), 0);
    assert_false(ov_test_rgb_near(strip, plain, 8));
    const ov_theme *t = ov_theme_get("standard");
    assert_true(ov_test_rgb_near(strip, t->warning_bg, 8));
}

/* Run `script` with settings `ini`, speech on and heard into *heard. */
static void heard_visit(const char *dir, const char *ini, const char *script, ov_test_heard *heard)
{
    char args[1200];
    persona_args(dir, ini, "", args, sizeof args);
    int rc = ov_test_run_kiosk_heard(dir, script, 800, 480, args, LONGEST_S, heard);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

/* Fail unless stretch `st` holds about as much voice as `ourvoice say words`. */
static void heard_as_long_as(const char *dir, const ov_test_stretch *st, const char *words, const char *what)
{
    double want = ov_test_say_voiced_s(dir, words, "en-gb");
    assert_true(want > 0);
    fprintf(stderr, "%s: %.2f s of voice heard, %.2f s in \"%s\"\n", what, st->voiced_s, want, words);
    if (st->voiced_s < AS_LONG_MIN * want || st->voiced_s > AS_LONG_MAX * want)
        fail_msg("%s: %.2f s of voice heard, but reading \"%s\" takes %.2f s", what, st->voiced_s, words, want);
}

/* What the kiosk reads on question 1 (a mirror of its flow and layout). */
static const char *question_1_reading(void)
{
    static ov_content c;
    ov_content_builtin(&c);
    ov_flow f;
    ov_flow_init(&f, &c, 1, 90000, 4000, 0, 1000);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1000);
    static ov_layout l;
    ov_test_layout(&f, 800, 480, "standard", &l);
    return l.speech;
}

/* 1 when shot NAME shows the focus ring above question 1's first answer. */
static int first_answer_lit(const char *dir, const char *name)
{
    static ov_content c;
    ov_content_builtin(&c);
    ov_flow f;
    ov_flow_init(&f, &c, 1, 90000, 4000, 0, 1000);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1000);
    static ov_layout l;
    ov_test_layout(&f, 800, 480, "standard", &l);
    ov_palette p;
    ov_palette_for_theme("standard", &p);
    const ov_layout_button *b = &l.buttons[0];
    assert_int_equal(b->target.kind, OV_TARGET_ANSWER);
    ov_rgb fill, text, edge, px;
    ov_palette_answer(&p, b->colour, &fill, &text, &edge);
    int y = b->rect.y - ov_palette_focus_gap_px(&p, edge, l.px_per_mm) - ov_palette_focus_px(&p, l.px_per_mm) / 2;
    assert_int_equal(ov_test_pixel(dir, name, b->rect.x + b->rect.w / 2, y, &px), 0);
    return ov_test_rgb_near(px, p.focus_ring, 12);
}

/* A single-switch user, through the room speaker, with a slow scan that the
 * script moves on with `advance` (nothing moves by itself in real time). */
#define SLOW_SINGLE "[scanning]\nmode = single\ninterval_ms = 5000\nfirst_ms = 10000\nrounds = 1\n"
#define NEXT_ITEM "advance 5000\n"

static void test_single_switch_user_hears_the_question_before_the_scan(void **st)
{
    (void)st;
    char dir[64];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    const char *script = "expect welcome\nbutton 9\nexpect question\n"
                         "wait 1000\nshot early\n"     /* one second into the question's reading */
                         "quiet 60000\nwait 300\nshot lit\n" /* read to its end: the scan starts */
                         "wait " GAP_MS "\n"            /* answer 1 lit: the room hears nothing */
                         "advance 10000\n" NEXT_ITEM NEXT_ITEM NEXT_ITEM  /* answers 2-5: nothing */
                         NEXT_ITEM "quiet 10000\nwait " GAP_MS "\n"   /* "Hear it again" */
                         NEXT_ITEM "quiet 10000\nwait " GAP_MS "\n"   /* "Tell me more" */
                         NEXT_ITEM "quiet 10000\nshot stopped\nwait " GAP_MS "\n" /* the round is over */
                         "button 9\nwait 200\nshot restarted\n"       /* from answer 1 again */
                         "advance 10000\n" NEXT_ITEM "button 9\nexpect confirm\nquit\n"; /* answer 3 */
    ov_test_heard heard;
    heard_visit(dir, SLOW_SINGLE, script, &heard);
    ov_test_stretch s[OV_EARS_MAX_STRETCHES];
    int n = ov_test_stretches(&heard, PAUSE_S, s, OV_EARS_MAX_STRETCHES);
    ov_test_print_stretches("single switch, question 1", s, n);
    /* nothing is lit while the question is read; the first answer is lit once it has been */
    assert_int_equal(first_answer_lit(dir, "early"), 0);
    assert_int_equal(first_answer_lit(dir, "lit"), 1);
    /* heard before the first highlight: the question and its answers (the cut welcome joins it) */
    assert_true(n >= 4);
    heard_as_long_as(dir, &s[0], question_1_reading(), "before the first highlight");
    /* then each target that is not an answer says its label as it is lit, and the stopped scan its words */
    heard_as_long_as(dir, &s[1], "Hear it again", "\"Hear it again\" lit");
    heard_as_long_as(dir, &s[2], "Tell me more", "\"Tell me more\" lit");
    heard_as_long_as(dir, &s[3], "Press your switch to start again.", "the scan stopped");
    /* the answers said nothing: only the wait the script left between the reading and "Hear it again" */
    assert_true(s[1].start_s - s[0].end_s >= 1.4);
    /* the restarted scan over answers 1 and 2 is silent too: nothing more until the confirm screen */
    assert_true(n <= 5);
    ov_test_heard_free(&heard);
}

static void test_two_switch_user_is_never_timed_out_while_pressing(void **st)
{
    (void)st;
    char dir[64];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    const char *ini = "[kiosk]\nidle_timeout_s = 10\n[scanning]\nmode = two\n";
    /* 8 moves, 2 s apart: 16 s of pressing "move" only, longer than the 10 s idle timeout */
    /* the set-up first: switch 1 moves, switch 2 chooses; then "choose" with nothing lit starts */
    char script[4096] = "expect welcome\nbutton 9\nbutton 10\nbutton 10\nexpect question\n";
    for (int i = 0; i < 8; i++)
        strcat(script, "button 9\nwait 2000\n");
    strcat(script, "expect question\n"
                   "button 10\n" /* 8 moves over the targets: an answer is highlighted */
                   "expect confirm\nbutton 9\nbutton 10\n");
    for (int q = 1; q < 4; q++)
        strcat(script, "expect question\nbutton 9\nbutton 10\nexpect confirm\nbutton 9\nbutton 10\n");
    strcat(script, "expect review\nbutton 9\nbutton 10\nexpect thanks\n"); /* move to "Save", choose it */
    int rc = visit(dir, ini, script, NULL);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_int_equal(votes(dir), 4);
}

/* A two-switch user, through the room speaker: question 1 is read (its
 * answers too) before the first move; a move onto an answer says nothing, a
 * move onto "Hear it again" or "Tell me more" says it. */
static void test_two_switch_user_hears_each_move(void **st)
{
    (void)st;
    char dir[64];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    const char *script = "expect welcome\nquiet 30000\nwait " GAP_MS "\n"
                         "button 9\nquiet 30000\nwait " GAP_MS "\n"  /* the set-up: this one moves */
                         "button 10\nquiet 30000\nwait " GAP_MS "\n" /* and this one chooses */
                         "button 10\nexpect question\n"
                         "quiet 60000\nwait " GAP_MS "\n"
                         "button 9\nwait 300\nbutton 9\nwait 300\nbutton 9\nwait 300\n" /* answers 1-5 */
                         "button 9\nwait 300\nbutton 9\nwait 300\n"
                         "button 9\nquiet 10000\nwait " GAP_MS "\n"  /* "Hear it again" */
                         "button 9\nquiet 10000\nwait " GAP_MS "\n"  /* "Tell me more" */
                         "button 9\nwait 300\nbutton 10\nexpect confirm\nquit\n"; /* answer 1 again: chosen */
    ov_test_heard heard;
    heard_visit(dir, "[scanning]\nmode = two\n", script, &heard);
    ov_test_stretch s[OV_EARS_MAX_STRETCHES];
    int n = ov_test_stretches(&heard, PAUSE_S, s, OV_EARS_MAX_STRETCHES);
    ov_test_print_stretches("two switches, question 1", s, n);
    assert_true(n >= 6);
    /* the set-up: the welcome asks for the switch that moves, then for the one that chooses */
    heard_as_long_as(dir, &s[0], "Tell us what you think. Press the switch you want to use to move.",
                     "the welcome asks for the move switch");
    heard_as_long_as(dir, &s[1], "Tell us what you think. Now press the switch you want to use to choose.",
                     "then for the choose switch");
    heard_as_long_as(dir, &s[2], "Tell us what you think. Move to Start. Then choose it.", "then how to start");
    heard_as_long_as(dir, &s[3], question_1_reading(), "question 1 before the first move");
    /* five moves over the answers: silence for the room, then the two labels */
    assert_true(s[4].start_s - s[3].end_s >= 1.4 + 5 * 0.3);
    heard_as_long_as(dir, &s[4], "Hear it again", "moved to \"Hear it again\"");
    heard_as_long_as(dir, &s[5], "Tell me more", "moved to \"Tell me more\"");
    assert_true(n <= 7); /* then only the confirm screen's first words */
    ov_test_heard_free(&heard);
}

/* Run `script` without speech with settings `ini`; what its `texts` lines
 * printed into buf. Fails the test when the kiosk fails. */
static void texts_of_visit(const char *dir, const char *ini, const char *script, char *buf, size_t len)
{
    char args[1400], extra[200], path[200];
    snprintf(extra, sizeof extra, "--no-speech >'%s/texts.txt'", dir);
    persona_args(dir, ini, extra, args, sizeof args);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    snprintf(path, sizeof path, "%s/texts.txt", dir);
    assert_true(ov_test_read_text(path, buf, len) > 0);
}

/* VVSG 2.0 two-switch set-up: a member whose "move" is the switch wired to
 * choose says so first, votes with the switches the other way round, and the
 * next member is asked again. The welcome's words follow each step. */
static void test_two_switch_user_sets_up_the_switches_the_other_way_round(void **st)
{
    (void)st;
    char dir[64];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    /* switch 2 (button 10) is this member's "move", switch 1 (button 9) "choose" */
    char script[4096] = "expect welcome\ntexts\nshot setup-move\nbutton 10\ntexts\nshot setup-choose\n"
                        "button 10\ntexts\n"      /* the same switch again: asked again */
                        "button 9\ntexts\nshot setup-done\n"
                        "button 10\nbutton 9\nexpect question\n"; /* move to Start, choose it */
    for (int q = 0; q < 4; q++)
        strcat(script, "expect question\nbutton 10\nbutton 9\nexpect confirm\nbutton 10\nbutton 9\n");
    strcat(script, "expect review\nbutton 10\nbutton 9\nexpect thanks\nadvance 10000\nwait 100\n"
                   "expect welcome\ntexts\n");
    static char buf[65536];
    texts_of_visit(dir, "[scanning]\nmode = two\n", script, buf, sizeof buf);
    assert_int_equal(votes(dir), 4);
    static const char *const steps[] = {
        "text: Press the switch you want to use to move.\n",
        "text: Now press the switch you want to use to choose.\n",
        "text: Now press the switch you want to use to choose.\n",
        "text: Move to Start. Then choose it.\n",
        "text: Press the switch you want to use to move.\n", /* the next member */
    };
    const char *at = buf;
    for (int i = 0; i < 5; i++) {
        const char *next = strstr(at, steps[i]);
        if (!next)
            fail_msg("step %d: the welcome does not say \"%.60s\" next", i + 1, steps[i]);
        at = next + strlen(steps[i]);
    }
}

/* A member who names the "move" switch and walks away: the next member's
 * first press names "move" again, it is not taken as the other's "choose". */
static void test_a_set_up_left_half_way_starts_again(void **st)
{
    (void)st;
    char dir[64];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    static char buf[65536];
    texts_of_visit(dir, "[kiosk]\nidle_timeout_s = 30\n[scanning]\nmode = two\n",
                   "expect welcome\nbutton 10\nadvance 31000\nwait 100\nbutton 9\ntexts\nbutton 10\ntexts\n",
                   buf, sizeof buf);
    const char *ask = strstr(buf, "text: Now press the switch you want to use to choose.\n");
    assert_non_null(ask); /* switch 1 named "move" afresh: the other is asked for */
    assert_non_null(strstr(ask, "text: Move to Start. Then choose it.\n"));
}

/* The welcome screen's texts (`texts`) in language `lang` with scanning `mode`, into buf. */
static void welcome_texts(const char *lang, const char *mode, char *buf, size_t len)
{
    char dir[64], path[200], args[1200];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(path, sizeof path, "%s/ov.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "[speech]\nspeech = no\n[scanning]\nmode = %s\n", mode);
    fclose(f);
    const char *root = getenv("OV_ROOT");
    snprintf(args, sizeof args, "--config '%s' --data '%s/data' --content '%s/assets/content/%s' >'%s/texts.txt'",
             path, dir, root ? root : ".", lang, dir);
    int rc = ov_test_run_kiosk(dir, "expect welcome\ntexts\nquit\n", 800, 480, args);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    snprintf(path, sizeof path, "%s/texts.txt", dir);
    assert_true(ov_test_read_text(path, buf, len) > 0);
}

/* VVSG 7.2-F: the instructions match the input. A switch user is told to
 * press the switch, not to touch the screen; in Welsh too. */
static void test_welcome_tells_a_switch_user_to_press_the_switch(void **st)
{
    (void)st;
    static const char *const modes[] = { "single", "two" };
    /* one switch: wait for Start to light; two: the set-up first asks for the switch that moves */
    static const char *const en[] = { "Press your switch when Start is lit.",
                                      "Press the switch you want to use to move." };
    static const char *const cy[] = { "Pwyswch eich switsh pan fydd Dechrau yn goleuo.",
                                      "Pwyswch y switsh rydych chi eisiau ei ddefnyddio i symud." };
    char buf[8192], want[200];
    for (int i = 0; i < 2; i++) {
        welcome_texts("en", modes[i], buf, sizeof buf);
        snprintf(want, sizeof want, "text: %s\n", en[i]);
        assert_non_null(strstr(buf, want));
        snprintf(want, sizeof want, "speech: Tell us what you think. %s", en[i]);
        assert_non_null(strstr(buf, want));
        assert_null(strstr(buf, "Touch the screen"));
        welcome_texts("cy", modes[i], buf, sizeof buf);
        snprintf(want, sizeof want, "text: %s\n", cy[i]);
        assert_non_null(strstr(buf, want));
        assert_null(strstr(buf, "Cyffyrddwch"));
    }
    welcome_texts("en", "off", buf, sizeof buf); /* touch and buttons: as before */
    assert_non_null(strstr(buf, "text: Touch the screen or press any button to start.\n"));
    assert_null(strstr(buf, "Press your switch"));
}

/* Seconds of clearly voiced sound in a raw 22050 Hz recording. */
static double voiced_seconds(const char *raw)
{
    FILE *f = fopen(raw, "rb");
    assert_non_null(f);
    int16_t buf[4096];
    size_t n, voiced = 0;
    while ((n = fread(buf, 2, 4096, f)) > 0)
        for (size_t i = 0; i < n; i++)
            voiced += buf[i] > 1000 || buf[i] < -1000;
    fclose(f);
    return (double)voiced / 22050.0;
}

/* 1 when a shot f1..f4 shows the spoken-word pill on a word of answer 1's label. */
static int focus_label_spoken(const char *dir)
{
    ov_content c;
    ov_content_builtin(&c);
    ov_flow f;
    ov_flow_init(&f, &c, 1, 90000, 4000, 0, 1000);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1000);
    ov_flow_set_focus(&f, 0);
    static ov_layout l;
    ov_test_layout(&f, 800, 480, "standard", &l);
    ov_palette p;
    ov_palette_for_theme("standard", &p);
    const ov_layout_button *b = &l.buttons[0];
    assert_true(b->label >= 0);
    ov_rgb fill, text, edge, pill, word;
    ov_palette_answer(&p, b->colour, &fill, &text, &edge);
    ov_palette_word_highlight(&p, text, fill, &pill, &word);
    const ov_text_block *tb = &l.texts[b->label].block;
    for (int s = 1; s <= 4; s++) {
        char name[8];
        snprintf(name, sizeof name, "f%d", s);
        for (int w = 0; w < tb->n_words; w++) {
            ov_rgb px;
            ov_rect r = tb->words[w].rect;
            if (ov_test_pixel(dir, name, r.x - 1, r.y + r.h / 2, &px) == 0 && ov_test_rgb_near(px, pill, 12))
                return 1;
        }
    }
    return 0;
}

static void test_member_who_cannot_see(void **st)
{
    (void)st;
    char dir[64], raw[128], dir2[64], raw2[128];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    assert_non_null(ov_test_tmpdir(dir2, sizeof dir2));
    snprintf(raw, sizeof raw, "%s/ears.raw", dir);
    snprintf(raw2, sizeof raw2, "%s/ears.raw", dir2);
    const char *ini = "[speech]\nprivate_audio = yes\n";
    /* listens to question 1, then moves the focus over the answers and hears each one */
    const char *script = "expect welcome\nkey enter\nexpect question\nwait 200\n"
                         "key right\nwait 150\nshot f1\nwait 200\nshot f2\n"
                         "wait 200\nshot f3\nwait 200\nshot f4\n"
                         "wait 1000\nkey right\nwait 1500\nkey right\nwait 1500\n"
                         "key enter\nexpect confirm\nkey enter\n"
                         "expect question\nkey 2\nexpect confirm\nkey enter\n"
                         "expect question\nkey 2\nexpect confirm\nkey enter\n"
                         "expect question\nkey 2\nexpect confirm\nkey enter\nexpect review\nkey enter\nexpect thanks\n";
    /* the same visit without the focus moves */
    const char *quiet = "expect welcome\nkey enter\nexpect question\nwait 200\n"
                        "wait 4500\n"
                        "key 3\nexpect confirm\nkey enter\n"
                        "expect question\nkey 2\nexpect confirm\nkey enter\n"
                        "expect question\nkey 2\nexpect confirm\nkey enter\n"
                        "expect question\nkey 2\nexpect confirm\nkey enter\nexpect review\nkey enter\nexpect thanks\n";
    int rc = visit(dir, ini, script, raw);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_int_equal(votes(dir), 4);
    rc = visit(dir2, ini, quiet, raw2);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir2));
    /* both visits were heard (presses cut each screen's reading short, so
     * only part of it is voiced; silence would give 0) */
    assert_true(voiced_seconds(raw) > 0.5);
    assert_true(voiced_seconds(raw2) > 0.5);
    /* the first focus move (answer 1) was spoken: one of its label's words gets the spoken-word pill */
    assert_int_equal(focus_label_spoken(dir), 1);
}

/* 1 when shot NAME is black where the question's title and answers would be. */
static int shot_black(const char *dir, const char *name)
{
    static const int spots[][2] = { { 400, 60 }, { 200, 200 }, { 100, 400 }, { 400, 400 }, { 700, 400 } };
    for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
        ov_rgb px;
        if (ov_test_pixel(dir, name, spots[i][0], spots[i][1], &px) != 0 || px.r + px.g + px.b > 0)
            return 0;
    }
    return 1;
}

/* A member who cannot see, with headphones, turns the screen off on the Sound
 * screen and votes by the arrow keys: every screen is black, and the whole
 * visit is heard, with nothing silent in between. Questions 2-4 and the review
 * are answered after a second of their reading (each is heard read to its end
 * on question 1: the visit would take two minutes otherwise). */
static void test_member_who_cannot_see_with_the_screen_off(void **st)
{
    (void)st;
    char dir[64];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    const char *next = "expect question\nexpect blank\nwait 1000\nkey 2\n"
                       "expect confirm\nexpect blank\nwait 1000\nkey enter\n";
    char script[4096];
    snprintf(script, sizeof script,
             "expect welcome\nkey 2\nexpect sound\nkey 6\nexpect blank\nquiet 20000\nwait " GAP_MS "\n"
             "key 5\nexpect welcome\nkey space\nexpect question\nexpect blank\nshot question\n"
             "quiet 60000\nwait " GAP_MS "\n"                  /* question 1, read to its end */
             "key right\nquiet 10000\nwait " GAP_MS "\n"      /* the focus on answer 1: its word */
             "key enter\nexpect confirm\nexpect blank\nshot confirm\nquiet 20000\nwait " GAP_MS "\n"
             "key enter\n%s%s%s"
             "expect review\nexpect blank\nshot review\nwait 1000\nkey enter\n"
             "expect thanks\nexpect blank\nshot thanks\nquiet 20000\nquit\n", next, next, next);
    ov_test_heard heard;
    heard_visit(dir, "[speech]\nheadphones = yes\nprivate_audio = yes\n", script, &heard);
    assert_int_equal(votes(dir), 4);
    assert_true(shot_black(dir, "question") && shot_black(dir, "confirm"));
    assert_true(shot_black(dir, "review") && shot_black(dir, "thanks"));
    ov_test_stretch s[OV_EARS_MAX_STRETCHES];
    int n = ov_test_stretches(&heard, PAUSE_S, s, OV_EARS_MAX_STRETCHES);
    ov_test_print_stretches("cannot see, screen off", s, n);
    assert_int_equal(n, 5); /* the four gaps the script left, and no other silence */
    double off = ov_test_say_voiced_s(dir, "The screen is off. Nobody can see your answers.", "en-gb");
    assert_true(s[0].voiced_s >= AS_LONG_MIN * off); /* after the welcome's and Sound's first words */
    heard_as_long_as(dir, &s[1], question_1_reading(), "question 1 with the screen off");
    heard_as_long_as(dir, &s[2], "Not yet", "the focus on answer 1");
    assert_true(s[3].voiced_s >= 1.0); /* "Is this your answer?" and the answer: only the member hears */
    /* questions 2-4, their confirm screens, the review and the thank-you: voice all along */
    double thanks = ov_test_say_voiced_s(dir, "Thank you. Your answers are secret. Only you know what you chose.",
                                         "en-gb");
    assert_true(s[4].voiced_s >= 0.5 * (s[4].end_s - s[4].start_s));
    assert_true(s[4].voiced_s >= 7 * 0.5 + AS_LONG_MIN * thanks);
    ov_test_heard_free(&heard);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_switch_user),
        cmocka_unit_test(test_single_switch_user_hears_the_question_before_the_scan),
        cmocka_unit_test(test_two_switch_user_is_never_timed_out_while_pressing),
        cmocka_unit_test(test_two_switch_user_hears_each_move),
        cmocka_unit_test(test_two_switch_user_sets_up_the_switches_the_other_way_round),
        cmocka_unit_test(test_a_set_up_left_half_way_starts_again),
        cmocka_unit_test(test_welcome_tells_a_switch_user_to_press_the_switch),
        cmocka_unit_test(test_member_who_cannot_see),
        cmocka_unit_test(test_member_who_cannot_see_with_the_screen_off),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
