/* test_speech_nodata.c — a kiosk whose espeak-ng data is missing keeps going:
 * no exit(), a clear problem for the facilitator, recordings still play, and
 * espeak can still start later from the right place. Its own program because
 * espeak-ng is loaded once per process. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL.h>

#include "platform/speech.h"
#include "platform/speech_espeak.h"
#include "platform/wav.h"
#include "test_tmp.h"

static char dir[256], empty[300];

static int setup(void **st)
{
    (void)st;
    ov_log_set_quiet(1);
    ov_test_tmp_template(dir, sizeof dir, "ov-nodata");
    if (!mkdtemp(dir)) return -1;
    snprintf(empty, sizeof empty, "%s/empty-espeak", dir);
    return mkdir(empty, 0700);
}

static int teardown(void **st)
{
    (void)st;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void test_init_with_empty_data_dir_returns(void **st)
{
    (void)st;
    char err[400];
    assert_int_equal(ov_espeak_init(empty, err, sizeof err), OV_ENOTFOUND);   /* and we are still here */
    assert_non_null(strstr(err, "espeak-ng-data"));
    assert_non_null(strstr(err, empty));
    assert_int_equal(ov_espeak_ready(), 0);
    assert_int_equal(ov_espeak_select_voice("en-gb", "", err, sizeof err), OV_EINVAL);
}

static void test_speech_object_reports_and_plays_recordings(void **st)
{
    (void)st;
    setenv("ESPEAK_DATA_PATH", empty, 1);          /* espeak's own override, pointing nowhere */
    char raw[300], wav[300];
    snprintf(raw, sizeof raw, "%s/out.raw", dir);
    snprintf(wav, sizeof wav, "%s/hello.wav", dir);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int16_t tone[11025];
    for (int i = 0; i < 11025; i++) tone[i] = (int16_t)(8000 * sin(i * 0.1));
    assert_int_equal(ov_wav_write(wav, tone, 11025, 22050, NULL, 0), OV_OK);

    ov_speech_config cfg;
    ov_speech_config_defaults(&cfg);
    ov_speech *s = NULL;
    assert_int_equal(ov_speech_open(&cfg, &s), OV_OK);
    const char *p = ov_speech_problem(s);
    assert_non_null(p);
    assert_non_null(strstr(p, "No speech"));
    assert_non_null(strstr(p, "espeak-ng-data"));
    ov_speech_say(s, "Hello", NULL);                 /* nothing to synthesise with: silent, no crash */
    assert_int_equal(ov_speech_wait(s, 2000), 1);
    ov_speech_say(s, "Hello", wav);                  /* a recording needs no espeak */
    int a = -1, l = 0, seen = 0;
    for (int i = 0; i < 200 && !seen; i++) { seen = ov_speech_current_word(s, &a, &l); SDL_Delay(5); }
    assert_int_equal(seen, 1);
    assert_int_equal(a, 0);
    assert_int_equal(l, 5);
    assert_int_equal(ov_speech_wait(s, 5000), 1);
    ov_speech_close(s);
    unsetenv("ESPEAK_DATA_PATH");
    unsetenv("SDL_AUDIODRIVER");

    FILE *f = fopen(raw, "rb");
    assert_non_null(f);
    int16_t buf[4096];
    size_t n, loud = 0;
    while ((n = fread(buf, 2, 4096, f)) > 0)
        for (size_t i = 0; i < n; i++) loud += buf[i] > 4000 || buf[i] < -4000;
    fclose(f);
    assert_true(loud > 2000);                        /* the recording reached the speaker */
}

static void test_espeak_starts_later_from_right_place(void **st)
{
    (void)st;
    char err[400];
    assert_int_equal(ov_espeak_init(NULL, err, sizeof err), OV_OK);
    assert_int_equal(ov_espeak_select_voice("en-gb", "", err, sizeof err), OV_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_with_empty_data_dir_returns),
        cmocka_unit_test(test_speech_object_reports_and_plays_recordings),
        cmocka_unit_test(test_espeak_starts_later_from_right_place),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
