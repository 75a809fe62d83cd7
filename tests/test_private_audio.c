/* test_private_audio.c — someone in the room listening (docs/privacy.md).
 * Through the room speaker the kiosk never says what a member chose: the
 * sound the kiosk plays on the confirm screen (captured with SDL's disk
 * audio driver) has the same shape whichever answer was chosen, in the
 * first 3 s after the press, where the choice would be spoken; and so does
 * a switch user's scan over the review screen ("Check your answers"), where
 * each highlighted answer says only its question's title. With headphones
 * (private_audio = yes) everything is spoken, the choice too, so the same
 * screens then sound different for different answers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_runner.h"

#define FRAME_SAMPLES 441     /* 20 ms at 22050 Hz: one step of the loudness envelope */
#define ENVELOPE_FRAMES 150   /* 3 s after the press: the confirm screen's speech */
#define REVIEW_FRAMES 500     /* the last 10 s of sound: the scan over the 4 review items */
#define VOICED_RMS 300.0      /* a frame louder than this is speech */
#define GAP_FRAMES 10         /* 200 ms of quiet ends a spoken item */
#define MAX_SEGMENTS 16
#define SAME_ITEMS 0.20       /* items lined up one by one: the same words (other words give 0.8+) */
#define MAX_FRAMES REVIEW_FRAMES
#define MAX_SHIFT 5           /* line-ups tried: up to 100 ms either way */
#define SAME_SHAPE 0.10       /* relative envelope difference below this: the same speech */
#define OTHER_SHAPE 0.30      /* above this: different words were spoken */

typedef struct {
    int n;                    /* frames used */
    double rms[MAX_FRAMES];
} envelope;

/* Loudness of each 20 ms frame of `frames` frames of sound: the last ones
 * before the sound ends (`from_start` 0: the review scan's last items), or
 * the first ones after the key press (`from_start` 1: where the chosen answer
 * is spoken on the confirm screen, when it is). */
static void envelope_of(const char *raw, int from_start, int frames, envelope *e)
{
    FILE *f = fopen(raw, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f) / 2;
    fseek(f, 0, SEEK_SET);
    int16_t *s = malloc((size_t)n * sizeof *s);
    assert_non_null(s);
    assert_int_equal((long)fread(s, sizeof *s, (size_t)n, f), n);
    fclose(f);
    long end = n - 1, begin = 0;
    while (end > 0 && s[end] == 0) end--;
    while (begin < end && s[begin] == 0) begin++;
    assert_true(end - begin > (long)FRAME_SAMPLES * frames);      /* something was spoken */
    long first = from_start ? begin : end - (long)frames * FRAME_SAMPLES;
    e->n = frames;
    for (int k = 0; k < frames; k++) {
        long from = first + (long)k * FRAME_SAMPLES;
        double sum = 0;
        for (long i = from; i < from + FRAME_SAMPLES; i++) sum += (double)s[i] * s[i];
        e->rms[k] = sqrt(sum / FRAME_SAMPLES);
    }
    free(s);
}

/* Relative difference of two envelopes lined up at `shift` frames. */
static double difference_at(const envelope *a, const envelope *b, int shift)
{
    double diff = 0, total = 0;
    for (int k = MAX_SHIFT; k < a->n - MAX_SHIFT; k++) {
        diff += fabs(a->rms[k] - b->rms[k + shift]);
        total += a->rms[k] + b->rms[k + shift];
    }
    return total > 0 ? 2 * diff / total : 0;
}

/* The difference of two envelopes at their best line-up: the key press
 * reaches the kiosk a frame or two earlier or later in each run, which
 * moves all of the speech after it. */
static double difference(const envelope *a, const envelope *b)
{
    double best = difference_at(a, b, 0);
    for (int shift = -MAX_SHIFT; shift <= MAX_SHIFT; shift++) {
        double d = difference_at(a, b, shift);
        if (d < best) best = d;
    }
    printf("envelope difference %.3f\n", best);
    return best;
}

/* Run `script` with the settings `config_text`; the sound the kiosk played
 * goes to a file whose envelope (`frames` frames, see envelope_of) is returned. */
static void kiosk_sound(const char *config_text, const char *script, int from_start, int frames, envelope *e)
{
    char dir[64], raw[128], cfg[128], args[400];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(raw, sizeof raw, "%s/sound.raw", dir);
    snprintf(cfg, sizeof cfg, "%s/ourvoice.ini", dir);
    FILE *f = fopen(cfg, "w");
    assert_non_null(f);
    fputs(config_text, f);
    fclose(f);
    snprintf(args, sizeof args, "--config %s --data %s/data", cfg, dir);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    envelope_of(raw, from_start, frames, e);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* The spoken stretches of e (onset, length in frames), at most max; returns how many. */
static int segments_of(const envelope *e, int *on, int *len, int max)
{
    int n = 0, quiet = 0;
    for (int k = 0; k < e->n; k++) {
        int voiced = e->rms[k] > VOICED_RMS;
        if (voiced && (n == 0 || quiet > GAP_FRAMES)) {
            if (n == max) return n;
            on[n] = k;
            n++;
        }
        quiet = voiced ? 0 : quiet + 1;
        if (voiced) len[n - 1] = k - on[n - 1] + 1;
    }
    return n;
}

/* The difference of two recordings of several spoken items: each item lined
 * up at its own start (every switch press reaches the kiosk a frame or two
 * earlier or later, so the items drift apart by more than one line-up can
 * mend); another number of items counts as wholly different (1). */
static double items_difference(const envelope *a, const envelope *b)
{
    int aon[MAX_SEGMENTS], alen[MAX_SEGMENTS], bon[MAX_SEGMENTS], blen[MAX_SEGMENTS];
    int na = segments_of(a, aon, alen, MAX_SEGMENTS), nb = segments_of(b, bon, blen, MAX_SEGMENTS);
    assert_true(na > 0);
    if (na != nb) {
        printf("%d spoken items against %d\n", na, nb);
        return 1.0;
    }
    double diff = 0, total = 0;
    for (int i = 0; i < na; i++) {
        int span = (alen[i] > blen[i] ? alen[i] : blen[i]) + GAP_FRAMES / 2;
        for (int k = 0; k < span; k++) {
            double x = aon[i] + k < a->n ? a->rms[aon[i] + k] : 0;
            double y = bon[i] + k < b->n ? b->rms[bon[i] + k] : 0;
            diff += fabs(x - y);
            total += x + y;
        }
    }
    double d = total > 0 ? 2 * diff / total : 0;
    printf("%d items, difference %.3f\n", na, d);
    return d;
}

/* Start a visit, choose answer `key` on question 1, stay on the confirm
 * screen until its speech is over: the envelope of the 3 s after the press. */
static void confirm_sound(const char *config_text, int key, int from_start, envelope *e)
{
    char script[256];
    snprintf(script, sizeof script, "key space\nwait 300\nkey %d\nexpect confirm\nwait 5000\nquit\n", key);
    kiosk_sound(config_text, script, from_start, ENVELOPE_FRAMES, e);
}

/* A two-switch user answers `key` to all 4 questions (pressing the answer's
 * button twice: choose, then confirm), then presses "move" over the review
 * screen: Save, then the 4 answers, 2.5 s each. The envelope of the last 10 s:
 * what the 4 highlighted answers said. */
static void review_scan_sound(const char *config_text, int key, envelope *e)
{
    char script[1024], line[96];
    snprintf(script, sizeof script, "expect welcome\nkey space\nwait 300\n");
    for (int q = 0; q < 4; q++) {
        snprintf(line, sizeof line, "expect question\nkey %d\nexpect confirm\nkey %d\n", key, key);
        strcat(script, line);
    }
    strcat(script, "expect review\nwait 6000\n"); /* the screen's words up to the first target */
    for (int i = 0; i < 5; i++)
        strcat(script, "button 9\nwait 2500\nexpect review\n");
    strcat(script, "quit\n");
    char ini[160];
    snprintf(ini, sizeof ini, "%s[scanning]\nmode = two\n", config_text);
    kiosk_sound(ini, script, 0, REVIEW_FRAMES, e);
}

static void the_room_speaker_never_says_the_choice(void **state)
{
    (void)state;
    envelope first, other;
    confirm_sound("[speech]\nprivate_audio = no\n", 1, 1, &first);
    for (int key = 2; key <= 5; key++) {
        confirm_sound("[speech]\nprivate_audio = no\n", key, 1, &other);
        double d = difference(&first, &other);
        if (d >= SAME_SHAPE) fail_msg("answer %d sounds different from answer 1 (%.3f)", key, d);
    }
}

static void headphones_hear_everything_the_choice_too(void **state)
{
    (void)state;
    envelope first, other;
    confirm_sound("[speech]\nprivate_audio = yes\n", 1, 1, &first);
    for (int key = 2; key <= 5; key++) {
        confirm_sound("[speech]\nprivate_audio = yes\n", key, 1, &other);
        double d = difference(&first, &other);
        if (d <= OTHER_SHAPE) fail_msg("with headphones answers 1 and %d sound alike (%.3f)", key, d);
    }
}

static void the_room_speaker_never_says_the_reviewed_answers(void **state)
{
    (void)state;
    envelope first, other;
    review_scan_sound("[speech]\nprivate_audio = no\n", 1, &first);
    for (int key = 2; key <= 5; key++) {
        review_scan_sound("[speech]\nprivate_audio = no\n", key, &other);
        double d = items_difference(&first, &other);
        if (d >= SAME_ITEMS) fail_msg("reviewing answer %d sounds different from answer 1 (%.3f)", key, d);
    }
}

static void headphones_hear_the_reviewed_answers(void **state)
{
    (void)state;
    envelope first, other;
    review_scan_sound("[speech]\nprivate_audio = yes\n", 1, &first);
    for (int key = 2; key <= 5; key++) {
        review_scan_sound("[speech]\nprivate_audio = yes\n", key, &other);
        double d = items_difference(&first, &other);
        if (d <= OTHER_SHAPE)
            fail_msg("with headphones reviewing answers 1 and %d sound alike (%.3f)", key, d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_room_speaker_never_says_the_choice),
        cmocka_unit_test(headphones_hear_everything_the_choice_too),
        cmocka_unit_test(the_room_speaker_never_says_the_reviewed_answers),
        cmocka_unit_test(headphones_hear_the_reviewed_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
