/* test_wav.c — WAV files: what `ourvoice say` writes reads back the same;
 * recordings made at other rates, widths and channel counts become 22050 Hz
 * mono; damaged files are refused with a reason, never a crash. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/wav.h"
#include "test_tmp.h"

static char dir[256];

static int setup(void **st)
{
    (void)st;
    ov_test_tmp_template(dir, sizeof dir, "ov-wav");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, unsigned v) { put16(p, v & 0xFFFF); put16(p + 2, v >> 16); }

/* A WAV header for `frames` frames, followed by room for the data. */
static uint8_t *make_wav(int fmt, int channels, int rate, int bits, size_t frames, size_t *len)
{
    size_t data = frames * channels * (bits / 8);
    *len = 44 + data;
    uint8_t *b = calloc(1, *len);
    memcpy(b, "RIFF", 4); put32(b + 4, (unsigned)(*len - 8)); memcpy(b + 8, "WAVEfmt ", 8);
    put32(b + 16, 16); put16(b + 20, (unsigned)fmt); put16(b + 22, (unsigned)channels);
    put32(b + 24, (unsigned)rate); put32(b + 28, (unsigned)(rate * channels * bits / 8));
    put16(b + 32, (unsigned)(channels * bits / 8)); put16(b + 34, (unsigned)bits);
    memcpy(b + 36, "data", 4); put32(b + 40, (unsigned)data);
    return b;
}

static void test_write_then_read_back(void **st)
{
    (void)st;
    char path[300];
    snprintf(path, sizeof path, "%s/tone.wav", dir);
    int16_t s[22050];
    for (int i = 0; i < 22050; i++) s[i] = (int16_t)(8000 * sin(2 * M_PI * 440 * i / 22050.0));
    assert_int_equal(ov_wav_write(path, s, 22050, 22050, NULL, 0), OV_OK);
    ov_pcm pcm;
    char err[300];
    assert_int_equal(ov_wav_load(path, 22050, &pcm, err, sizeof err), OV_OK);
    assert_int_equal(pcm.rate, 22050);
    assert_int_equal(pcm.n, 22050);
    assert_memory_equal(pcm.samples, s, sizeof s);
    ov_pcm_free(&pcm);
    /* The header is the canonical 44 bytes: 16-bit mono 22050. */
    FILE *f = fopen(path, "rb");
    uint8_t h[44];
    assert_int_equal(fread(h, 1, 44, f), 44);
    fclose(f);
    assert_int_equal(h[22] | h[23] << 8, 1);
    assert_int_equal(h[24] | h[25] << 8 | h[26] << 16, 22050);
    assert_int_equal(h[34], 16);
}

static void test_stereo_44100_becomes_mono_22050(void **st)
{
    (void)st;
    size_t len;
    uint8_t *b = make_wav(1, 2, 44100, 16, 44100, &len);     /* 1 s stereo: left 8000, right 4000 */
    for (size_t i = 0; i < 44100; i++) { put16(b + 44 + i * 4, 8000); put16(b + 46 + i * 4, 4000); }
    char path[300];
    snprintf(path, sizeof path, "%s/stereo.wav", dir);
    FILE *f = fopen(path, "wb");
    fwrite(b, 1, len, f);
    fclose(f);
    free(b);
    ov_pcm pcm;
    assert_int_equal(ov_wav_load(path, 22050, &pcm, NULL, 0), OV_OK);
    assert_int_equal(pcm.rate, 22050);
    assert_int_equal(pcm.n, 22050);                 /* still one second */
    assert_int_equal(pcm.samples[100], 6000);       /* channels averaged */
    ov_pcm_free(&pcm);
}

static void test_other_sample_formats(void **st)
{
    (void)st;
    size_t len;
    ov_pcm pcm;
    uint8_t *b = make_wav(1, 1, 8000, 8, 800, &len);           /* 8-bit unsigned: 192 = +0.5 */
    memset(b + 44, 192, 800);
    assert_int_equal(ov_wav_parse(b, len, &pcm, NULL, 0), OV_OK);
    assert_int_equal(pcm.samples[0], 16384);
    ov_pcm_free(&pcm); free(b);
    b = make_wav(1, 1, 48000, 24, 10, &len);                   /* 24-bit: -0.25 */
    for (int i = 0; i < 10; i++) { b[44 + 3 * i] = 0; b[45 + 3 * i] = 0; b[46 + 3 * i] = 0xE0; }
    assert_int_equal(ov_wav_parse(b, len, &pcm, NULL, 0), OV_OK);
    assert_int_equal(pcm.samples[3], -8192);
    ov_pcm_free(&pcm); free(b);
    b = make_wav(3, 1, 16000, 32, 10, &len);                   /* float: 0.5, and NaN is silence */
    float half = 0.5f, nan = NAN;
    for (int i = 0; i < 10; i++) memcpy(b + 44 + 4 * i, i == 9 ? &nan : &half, 4);
    assert_int_equal(ov_wav_parse(b, len, &pcm, NULL, 0), OV_OK);
    assert_int_equal(pcm.samples[0], 16384);
    assert_int_equal(pcm.samples[9], 0);
    ov_pcm_free(&pcm); free(b);
}

static void test_broken_files_refused(void **st)
{
    (void)st;
    char err[300];
    ov_pcm pcm;
    size_t len;
    assert_int_equal(ov_wav_parse((const uint8_t *)"hello", 5, &pcm, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "WAV"));
    uint8_t *b = make_wav(1, 1, 22050, 16, 100, &len);
    assert_int_equal(ov_wav_parse(b, 30, &pcm, err, sizeof err), OV_EINVAL);     /* cut inside fmt */
    assert_int_equal(ov_wav_parse(b, 40, &pcm, err, sizeof err), OV_EINVAL);     /* no data chunk */
    assert_non_null(strstr(err, "data"));
    assert_int_equal(ov_wav_parse(b, 44, &pcm, err, sizeof err), OV_EINVAL);     /* empty */
    assert_int_equal(ov_wav_parse(b, 144, &pcm, err, sizeof err), OV_OK);        /* truncated: plays what is there */
    assert_int_equal(pcm.n, 50);
    ov_pcm_free(&pcm);
    put16(b + 20, 2);                                                            /* ADPCM */
    assert_int_equal(ov_wav_parse(b, len, &pcm, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "PCM"));
    put16(b + 20, 1); put16(b + 22, 0);                                          /* 0 channels */
    assert_int_equal(ov_wav_parse(b, len, &pcm, err, sizeof err), OV_EINVAL);
    put16(b + 22, 1); put32(b + 24, 0);                                          /* 0 Hz */
    assert_int_equal(ov_wav_parse(b, len, &pcm, err, sizeof err), OV_EINVAL);
    put32(b + 24, 22050); put32(b + 16, 0xFFFFFFF0u);                            /* absurd chunk size */
    assert_int_equal(ov_wav_parse(b, len, &pcm, err, sizeof err), OV_EINVAL);
    free(b);
    char path[300];
    snprintf(path, sizeof path, "%s/missing.wav", dir);
    assert_int_equal(ov_wav_load(path, 22050, &pcm, err, sizeof err), OV_ENOTFOUND);
    assert_non_null(strstr(err, "missing.wav"));
    assert_int_equal(ov_wav_load(dir, 22050, &pcm, err, sizeof err) < 0, 1);     /* a folder */
}

static void test_write_fails_cleanly(void **st)
{
    (void)st;
    char err[300];
    int16_t s[4] = { 0 };
    assert_int_equal(ov_wav_write("/nonexistent-dir/x.wav", s, 4, 22050, err, sizeof err), OV_EIO);
    assert_non_null(strstr(err, "/nonexistent-dir/x.wav"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_then_read_back),
        cmocka_unit_test(test_stereo_44100_becomes_mono_22050),
        cmocka_unit_test(test_other_sample_formats),
        cmocka_unit_test(test_broken_files_refused),
        cmocka_unit_test(test_write_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
