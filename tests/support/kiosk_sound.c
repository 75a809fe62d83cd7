/* kiosk_sound.c — test support: kiosks' sound recorded and compared (see kiosk_sound.h). */
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
#include "kiosk_sound.h"

/* Every sample of the recording `raw` (16-bit, the machine's byte order); *n gets how many. */
static int16_t *read_samples(const char *raw, long *n)
{
    FILE *f = fopen(raw, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *n = ftell(f) / 2;
    fseek(f, 0, SEEK_SET);
    int16_t *s = malloc((size_t)*n * sizeof *s);
    assert_non_null(s);
    assert_int_equal((long)fread(s, sizeof *s, (size_t)*n, f), *n);
    fclose(f);
    return s;
}

/* Loudness of each 20 ms frame of `frames` frames of `raw`, from where `start` says. */
static void envelope_of(const char *raw, ov_test_sound_start start, int frames, ov_test_envelope *e)
{
    long n = 0;
    int16_t *s = read_samples(raw, &n);
    long first = start(s, n, frames);
    assert_true(first >= 0 && n - first >= (long)OV_SOUND_FRAME_SAMPLES * frames);
    e->n = frames;
    for (int k = 0; k < frames; k++) {
        long from = first + (long)k * OV_SOUND_FRAME_SAMPLES;
        double sum = 0;
        for (long i = from; i < from + OV_SOUND_FRAME_SAMPLES; i++)
            sum += (double)s[i] * s[i];
        e->rms[k] = sqrt(sum / OV_SOUND_FRAME_SAMPLES);
    }
    free(s);
}

/* Start a kiosk in DIR (made here) with `config_text` and `script`, its sound into raw. */
static pid_t start_kiosk(const char *config_text, const char *script, char *dir, size_t dirlen,
                         char *raw, size_t rawlen)
{
    char args[400];
    assert_non_null(ov_test_tmpdir(dir, dirlen));
    snprintf(raw, rawlen, "%s/sound.raw", dir);
    assert_int_equal(ov_test_write_config(dir, config_text, args, sizeof args), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        setenv("SDL_AUDIODRIVER", "disk", 1);
        setenv("SDL_DISKAUDIOFILE", raw, 1);
        _exit(ov_test_run_kiosk(dir, script, 800, 480, args) == 0 ? 0 : 1);
    }
    return pid;
}

void ov_test_kiosk_sounds(const char *config_text, const char *const scripts[OV_SOUND_KIOSKS],
                          ov_test_sound_start start, int frames, ov_test_envelope e[OV_SOUND_KIOSKS])
{
    char dir[OV_SOUND_KIOSKS][64], raw[OV_SOUND_KIOSKS][128];
    pid_t pid[OV_SOUND_KIOSKS];
    assert_true(frames > 0 && frames <= OV_SOUND_MAX_FRAMES);
    for (int k = 0; k < OV_SOUND_KIOSKS; k++)
        pid[k] = start_kiosk(config_text, scripts[k], dir[k], sizeof dir[k], raw[k], sizeof raw[k]);
    for (int k = 0; k < OV_SOUND_KIOSKS; k++) {
        int st = 0;
        assert_int_equal(waitpid(pid[k], &st, 0), pid[k]);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            fail_msg("the kiosk for answer %d failed: %s", k + 1, ov_test_stderr(dir[k]));
    }
    for (int k = 0; k < OV_SOUND_KIOSKS; k++) {
        envelope_of(raw[k], start, frames, &e[k]);
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir[k]);
        assert_int_equal(system(cmd), 0);
    }
}

/* Relative difference of two envelopes lined up at `shift` frames. */
static double difference_at(const ov_test_envelope *a, const ov_test_envelope *b, int shift, int max_shift)
{
    double diff = 0, total = 0;
    for (int k = max_shift; k < a->n - max_shift; k++) {
        diff += fabs(a->rms[k] - b->rms[k + shift]);
        total += a->rms[k] + b->rms[k + shift];
    }
    return total > 0 ? 2 * diff / total : 0;
}

double ov_test_envelope_difference(const ov_test_envelope *a, const ov_test_envelope *b, int max_shift)
{
    double best = difference_at(a, b, 0, max_shift);
    for (int shift = -max_shift; shift <= max_shift; shift++) {
        double d = difference_at(a, b, shift, max_shift);
        if (d < best)
            best = d;
    }
    printf("envelope difference %.3f\n", best);
    return best;
}

void ov_test_expect_sounds(const ov_test_envelope *e, ov_test_sound_diff diff, int alike, double limit,
                           const char *failure)
{
    for (int k = 1; k < OV_SOUND_KIOSKS; k++) {
        double d = diff(&e[0], &e[k]);
        if (alike ? d >= limit : d <= limit) {
            print_error("ERROR: ");
            print_error(failure, k + 1, d);
            print_error("\n");
            fail();
        }
    }
}
