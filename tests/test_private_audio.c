/* test_private_audio.c — someone in the room listening (docs/privacy.md).
 * Through the room speaker the kiosk never says what a member chose: the
 * sound the kiosk plays on the confirm screen (captured with SDL's disk
 * audio driver) has the same shape whichever answer was chosen, in the
 * first 3 s of its speech, where the choice would be spoken. With
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
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk_runner.h"

#define FRAME_SAMPLES 441     /* 20 ms at 22050 Hz: one step of the loudness envelope */
#define ENVELOPE_FRAMES 150   /* 3 s of sound from the start of the confirm screen's speech */
#define MAX_SHIFT 5           /* line-ups tried: up to 100 ms either way */
#define SAME_SHAPE 0.05       /* relative envelope difference below this: the same speech (measured 0.000) */
#define OTHER_SHAPE 0.15      /* above this: different words were spoken (measured 0.30-1.01) */
/* The question is read to its end (5.4 s at rate 320; the fastest rate,
 * 450, makes espeak-ng's output differ from run to run) before the press, so
 * the confirm screen's speech starts after a silence, never in the middle of
 * a cut-off question: the longest silence is between the two, the next sound
 * is the confirm screen. Measured: the same speech differs by 0.000, the
 * answers with headphones by 0.45. */
#define FAST "[speech]\nrate = 320\n"
#define SCRIPT "key space\nwait 7000\nkey %d\nexpect confirm\nwait 4000\nquit\n"

typedef struct {
    double rms[ENVELOPE_FRAMES];
} envelope;

/* The first sample of the sound after the longest run of silence in s[0..n). */
static long after_longest_silence(const int16_t *s, long n)
{
    long best = 0, best_end = 0;
    for (long i = 0; i < n;) {
        long j = i;
        while (j < n && s[j] == 0) j++;
        if (j - i > best && j < n) {
            best = j - i;
            best_end = j;
        }
        i = j > i ? j : i + 1;
    }
    return best_end;
}

/* Loudness of each 20 ms frame of the confirm screen's first 3 s of
 * speech (where the chosen answer is spoken, when it is). */
static void envelope_of(const char *raw, envelope *e)
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
    long first = after_longest_silence(s, n);
    assert_true(first > 0);                                     /* the question was spoken */
    assert_true(n - first >= (long)FRAME_SAMPLES * ENVELOPE_FRAMES); /* and the confirm screen */
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

/* The difference of two envelopes at their best line-up (the speech starts
 * a frame or so earlier or later in each run). */
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

#define N_ANSWERS 5

/* Answers 1..5, each chosen on question 1 in its own kiosk after listening
 * to the question, staying on the confirm screen until its speech is over.
 * The five kiosks run at once (each plays its sound in real time: one after
 * the other would take five times as long); the envelopes of the sound each
 * played go to e. */
static void confirm_sounds(const char *config_text, envelope e[N_ANSWERS])
{
    char dir[N_ANSWERS][64], raw[N_ANSWERS][128];
    pid_t pid[N_ANSWERS];
    for (int k = 0; k < N_ANSWERS; k++) {
        char cfg[128], args[400], script[256];
        assert_non_null(ov_test_tmpdir(dir[k], sizeof dir[k]));
        snprintf(raw[k], sizeof raw[k], "%s/sound.raw", dir[k]);
        snprintf(cfg, sizeof cfg, "%s/ourvoice.ini", dir[k]);
        FILE *f = fopen(cfg, "w");
        assert_non_null(f);
        fputs(config_text, f);
        fclose(f);
        snprintf(args, sizeof args, "--config %s --data %s/data", cfg, dir[k]);
        snprintf(script, sizeof script, SCRIPT, k + 1);
        fflush(NULL);
        pid[k] = fork();
        assert_true(pid[k] >= 0);
        if (pid[k] == 0) {
            setenv("SDL_AUDIODRIVER", "disk", 1);
            setenv("SDL_DISKAUDIOFILE", raw[k], 1);
            _exit(ov_test_run_kiosk(dir[k], script, 800, 480, args) == 0 ? 0 : 1);
        }
    }
    for (int k = 0; k < N_ANSWERS; k++) {
        int st = 0;
        assert_int_equal(waitpid(pid[k], &st, 0), pid[k]);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            fail_msg("the kiosk for answer %d failed: %s", k + 1, ov_test_stderr(dir[k]));
    }
    for (int k = 0; k < N_ANSWERS; k++) {
        envelope_of(raw[k], &e[k]);
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir[k]);
        assert_int_equal(system(cmd), 0);
    }
}

static void the_room_speaker_never_says_the_choice(void **state)
{
    (void)state;
    static envelope e[N_ANSWERS];
    confirm_sounds(FAST "private_audio = no\n", e);
    for (int k = 1; k < N_ANSWERS; k++) {
        double d = difference(&e[0], &e[k]);
        if (d >= SAME_SHAPE) fail_msg("answer %d sounds different from answer 1 (%.3f)", k + 1, d);
    }
}

static void headphones_hear_everything_the_choice_too(void **state)
{
    (void)state;
    static envelope e[N_ANSWERS];
    confirm_sounds(FAST "private_audio = yes\n", e);
    for (int k = 1; k < N_ANSWERS; k++) {
        double d = difference(&e[0], &e[k]);
        if (d <= OTHER_SHAPE) fail_msg("with headphones answers 1 and %d sound alike (%.3f)", k + 1, d);
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
