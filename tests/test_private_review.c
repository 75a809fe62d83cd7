/* test_private_review.c — someone in the room listening (docs/privacy.md),
 * while a switch user scans the review screen ("Check your answers"):
 * through the room speaker each highlighted item says only its question,
 * never the answer chosen, so the items sound the same whichever answers
 * were given (compared item by item on the sound the kiosk plays, SDL's disk
 * driver); with headphones (private_audio = yes) the answers are spoken too.
 * The confirm screen's sound is tested in test_private_audio.c. */
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
#define REVIEW_FRAMES 500     /* the last 10 s of sound: the scan over the 4 review items */
#define VOICED_RMS 300.0      /* a frame louder than this is speech */
#define GAP_FRAMES 10         /* 200 ms of quiet ends a spoken item */
#define MAX_SEGMENTS 16
#define SAME_ITEMS 0.20       /* items lined up one by one: the same words (other words give 0.8+) */
#define MAX_FRAMES REVIEW_FRAMES
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

#define N_ANSWERS 5

/* Run scripts[k] (k < N_ANSWERS) with the settings `config_text`, in
 * N_ANSWERS kiosks at once (each plays in real time: one after the other
 * would take five times as long); the envelope of the sound each played
 * (`frames` frames, see envelope_of) goes to e[k]. */
static void kiosk_sounds(const char *config_text, char scripts[N_ANSWERS][1024], int from_start, int frames,
                         envelope *e)
{
    char dir[N_ANSWERS][64], raw[N_ANSWERS][128];
    pid_t pid[N_ANSWERS];
    for (int k = 0; k < N_ANSWERS; k++) {
        char cfg[128], args[400];
        assert_non_null(ov_test_tmpdir(dir[k], sizeof dir[k]));
        snprintf(raw[k], sizeof raw[k], "%s/sound.raw", dir[k]);
        snprintf(cfg, sizeof cfg, "%s/ourvoice.ini", dir[k]);
        FILE *f = fopen(cfg, "w");
        assert_non_null(f);
        fputs(config_text, f);
        fclose(f);
        snprintf(args, sizeof args, "--config %s --data %s/data", cfg, dir[k]);
        fflush(NULL);
        pid[k] = fork();
        assert_true(pid[k] >= 0);
        if (pid[k] == 0) {
            setenv("SDL_AUDIODRIVER", "disk", 1);
            setenv("SDL_DISKAUDIOFILE", raw[k], 1);
            _exit(ov_test_run_kiosk(dir[k], scripts[k], 800, 480, args) == 0 ? 0 : 1);
        }
    }
    for (int k = 0; k < N_ANSWERS; k++) {
        int st = 0;
        assert_int_equal(waitpid(pid[k], &st, 0), pid[k]);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            fail_msg("the kiosk for answer %d failed: %s", k + 1, ov_test_stderr(dir[k]));
    }
    for (int k = 0; k < N_ANSWERS; k++) {
        envelope_of(raw[k], from_start, frames, &e[k]);
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir[k]);
        assert_int_equal(system(cmd), 0);
    }
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

/* A two-switch user answers `key` to all 4 questions (pressing the answer's
 * button twice: choose, then confirm), then presses "move" over the review
 * screen: Save, then the 4 answers, 2.5 s each; one kiosk for each of the
 * answers 1..5. The envelopes of the last 10 s: what the 4 highlighted
 * answers said. */
static void review_scan_sounds(const char *config_text, envelope e[N_ANSWERS])
{
    static char scripts[N_ANSWERS][1024];
    for (int k = 0; k < N_ANSWERS; k++) {
        char *script = scripts[k], line[96];
        snprintf(script, 1024, "expect welcome\nkey space\nwait 300\n");
        for (int q = 0; q < 4; q++) {
            snprintf(line, sizeof line, "expect question\nkey %d\nexpect confirm\nkey %d\n", k + 1, k + 1);
            strcat(script, line);
        }
        strcat(script, "expect review\nwait 6000\n"); /* the screen's words up to the first target */
        for (int i = 0; i < 5; i++)
            strcat(script, "button 9\nwait 2500\nexpect review\n");
        strcat(script, "quit\n");
    }
    char ini[160];
    snprintf(ini, sizeof ini, "%s[scanning]\nmode = two\n", config_text);
    kiosk_sounds(ini, scripts, 0, REVIEW_FRAMES, e);
}

static void the_room_speaker_never_says_the_reviewed_answers(void **state)
{
    (void)state;
    static envelope e[N_ANSWERS];
    review_scan_sounds("[speech]\nprivate_audio = no\n", e);
    for (int k = 1; k < N_ANSWERS; k++) {
        double d = items_difference(&e[0], &e[k]);
        if (d >= SAME_ITEMS) fail_msg("reviewing answer %d sounds different from answer 1 (%.3f)", k + 1, d);
    }
}

static void headphones_hear_the_reviewed_answers(void **state)
{
    (void)state;
    static envelope e[N_ANSWERS];
    review_scan_sounds("[speech]\nprivate_audio = yes\n", e);
    for (int k = 1; k < N_ANSWERS; k++) {
        double d = items_difference(&e[0], &e[k]);
        if (d <= OTHER_SHAPE)
            fail_msg("with headphones reviewing answers 1 and %d sound alike (%.3f)", k + 1, d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_room_speaker_never_says_the_reviewed_answers),
        cmocka_unit_test(headphones_hear_the_reviewed_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
