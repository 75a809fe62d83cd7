/* test_private_audio.c — someone in the room listening (docs/privacy.md).
 * Through the room speaker the kiosk never says what a member chose: the
 * sound the kiosk plays on the confirm screen (captured with SDL's disk
 * audio driver) has the same shape whichever answer was chosen, in the
 * first 3 s after the press, where the choice would be spoken. With
 * headphones (private_audio = yes) everything is spoken, the choice too, so
 * the same screens then sound different for different answers. */
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
#define ENVELOPE_FRAMES 150   /* the last 3 s of sound: the confirm screen's speech */
#define MAX_SHIFT 5           /* line-ups tried: up to 100 ms either way */
#define SAME_SHAPE 0.10       /* relative envelope difference below this: the same speech */
#define OTHER_SHAPE 0.30      /* above this: different words were spoken */

typedef struct {
    double rms[ENVELOPE_FRAMES];
} envelope;

/* Loudness of each 20 ms frame of 3 s of sound: the last 3 s before the
 * sound ends (`from_start` 0: where the confirm screen asks "Is this your
 * answer?" and speaks its buttons), or the first 3 s after the key press
 * (`from_start` 1: where the chosen answer is spoken, when it is). */
static void envelope_of(const char *raw, int from_start, envelope *e)
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
    assert_true(end - begin > FRAME_SAMPLES * ENVELOPE_FRAMES);      /* something was spoken */
    long first = from_start ? begin : end - (long)ENVELOPE_FRAMES * FRAME_SAMPLES;
    for (int k = 0; k < ENVELOPE_FRAMES; k++) {
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
    for (int k = MAX_SHIFT; k < ENVELOPE_FRAMES - MAX_SHIFT; k++) {
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

/* Start a visit, choose answer `key` on question 1, stay on the confirm
 * screen until its speech is over; the sound the kiosk played goes to a
 * file whose envelope is returned. */
static void confirm_sound(const char *config_text, int key, int from_start, envelope *e)
{
    char dir[64], raw[128], cfg[128], args[400], script[256];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(raw, sizeof raw, "%s/sound.raw", dir);
    snprintf(cfg, sizeof cfg, "%s/ourvoice.ini", dir);
    FILE *f = fopen(cfg, "w");
    assert_non_null(f);
    fputs(config_text, f);
    fclose(f);
    snprintf(args, sizeof args, "--config %s --data %s/data", cfg, dir);
    snprintf(script, sizeof script, "key space\nwait 300\nkey %d\nexpect confirm\nwait 5000\nquit\n", key);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    envelope_of(raw, from_start, e);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_room_speaker_never_says_the_choice),
        cmocka_unit_test(headphones_hear_everything_the_choice_too),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
