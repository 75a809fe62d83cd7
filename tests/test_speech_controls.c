/* test_speech_controls.c — the member's own speech controls (issue 13),
 * heard through SDL's disk audio driver: every faster rate step says the
 * same sentence in less time, 50 % .. 200 % in at least 6 steps; each
 * quieter step is about 6 dB (never more than 10 dB) lower; a reading in
 * parts reports its words at their place in the whole text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <SDL.h>

#include "kiosk_runner.h"
#include "platform/speech.h"

#define SENTENCE "Everyone has skills and strengths. People use them here."
#define LOUD 600 /* a sample above this is speech, not silence */
#define RATE 22050

typedef struct {
    double seconds; /* from the first to the last sample of speech */
    double rms;     /* over that span */
} heard;

static heard measure(const char *file)
{
    FILE *f = fopen(file, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    int16_t *pcm = malloc((size_t)len + 2);
    size_t n = fread(pcm, 2, (size_t)len / 2, f);
    fclose(f);
    size_t first = n, last = 0;
    for (size_t i = 0; i < n; i++)
        if (abs(pcm[i]) > LOUD) {
            if (first == n)
                first = i;
            last = i;
        }
    heard h = { 0, 0 };
    if (first < n) {
        double sum = 0;
        for (size_t i = first; i <= last; i++)
            sum += (double)pcm[i] * pcm[i];
        h.seconds = (double)(last - first) / RATE;
        h.rms = sqrt(sum / (double)(last - first + 1));
    }
    free(pcm);
    return h;
}

/* Say SENTENCE with the member's rate and volume steps into a fresh file. */
static heard say_with(const char *dir, int rate_step, int volume_step)
{
    char file[200];
    snprintf(file, sizeof file, "%s/r%d-v%d.raw", dir, rate_step, volume_step);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", file, 1);
    ov_speech_config cfg;
    ov_speech_config_defaults(&cfg);
    ov_speech *s = NULL;
    assert_int_equal(ov_speech_open(&cfg, &s), OV_OK);
    assert_int_equal(ov_speech_has_device(s), 1);
    ov_speech_set_member(s, rate_step, volume_step);
    ov_speech_say(s, SENTENCE, NULL);
    assert_int_equal(ov_speech_wait(s, 30000), 1);
    ov_speech_close(s);
    unsetenv("SDL_DISKAUDIOFILE");
    unsetenv("SDL_AUDIODRIVER");
    return measure(file);
}

static void test_rate_steps(void **st)
{
    (void)st;
    char dir[64];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    assert_true(OV_SPEECH_RATE_STEPS >= 6);
    assert_int_equal(ov_speech_rate_percent(0), 50);
    assert_int_equal(ov_speech_rate_percent(OV_SPEECH_RATE_STEPS - 1), 200);
    assert_int_equal(ov_speech_rate_percent(OV_SPEECH_RATE_NORMAL), 100);
    double prev = 1e9, slowest = 0, normal = 0, fastest = 0;
    for (int step = 0; step < OV_SPEECH_RATE_STEPS; step++) {
        heard h = say_with(dir, step, OV_SPEECH_VOLUME_NORMAL);
        printf("rate step %d (%d %%): %.2f s\n", step, ov_speech_rate_percent(step), h.seconds);
        assert_true(h.seconds > 0.3);
        assert_true(h.seconds < prev); /* every step faster is shorter */
        prev = h.seconds;
        if (step == 0)
            slowest = h.seconds;
        if (step == OV_SPEECH_RATE_NORMAL)
            normal = h.seconds;
        if (step == OV_SPEECH_RATE_STEPS - 1)
            fastest = h.seconds;
    }
    assert_true(slowest > normal * 1.6); /* about twice as long at 50 % */
    assert_true(fastest < normal * 0.7); /* about half as long at 200 % */
}

static void test_volume_steps(void **st)
{
    (void)st;
    char dir[64];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    heard normal = say_with(dir, OV_SPEECH_RATE_NORMAL, OV_SPEECH_VOLUME_NORMAL);
    heard quieter = say_with(dir, OV_SPEECH_RATE_NORMAL, OV_SPEECH_VOLUME_NORMAL - 1);
    heard louder = say_with(dir, OV_SPEECH_RATE_NORMAL, OV_SPEECH_VOLUME_NORMAL + 1);
    double down = 20 * log10(normal.rms / quieter.rms), up = 20 * log10(louder.rms / normal.rms);
    printf("quieter: %.1f dB, louder: %.1f dB\n", -down, up);
    assert_true(down > 4.0 && down <= 10.0);
    assert_true(up > 2.0 && up <= 10.0); /* the loudest step may clip a little */
    assert_true(OV_SPEECH_VOLUME_STEP_DB <= 10);
    assert_int_equal(ov_speech_volume_db(OV_SPEECH_VOLUME_NORMAL), 0);
}

/* Parts: the words of the second part are reported at their place in the whole reading. */
static void test_parts_report_whole_text_positions(void **st)
{
    (void)st;
    char dir[64], file[200];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(file, sizeof file, "%s/parts.raw", dir);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", file, 1);
    ov_speech_config cfg;
    ov_speech_config_defaults(&cfg);
    ov_speech *s = NULL;
    assert_int_equal(ov_speech_open(&cfg, &s), OV_OK);
    const char *whole = "Hello there. Good morning.";
    ov_speech_part p[2] = { { whole, 12, 0, NULL }, { whole + 13, 13, 13, NULL } };
    ov_speech_say_parts(s, p, 2);
    int max_start = -1;
    uint64_t t0 = ov_now_ms();
    while (ov_speech_busy(s) && ov_now_ms() - t0 < 20000) {
        int a, l;
        if (ov_speech_current_word(s, &a, &l) && a > max_start)
            max_start = a;
        SDL_Delay(5);
    }
    ov_speech_close(s);
    unsetenv("SDL_DISKAUDIOFILE");
    unsetenv("SDL_AUDIODRIVER");
    assert_int_equal(max_start, 18); /* "morning" in the whole text */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate_steps),
        cmocka_unit_test(test_volume_steps),
        cmocka_unit_test(test_parts_report_whole_text_positions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
