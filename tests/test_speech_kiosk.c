/* test_speech_kiosk.c — the real kiosk, headless, with SDL's disk audio
 * driver standing in for the speaker: each screen is read aloud (the sound
 * file holds speech, not silence), and the highlighted word moves while the
 * screen is spoken (two shots of the same screen differ), which it does not
 * with --no-speech. */
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

static const char *script =
    "expect welcome\n"
    "wait 250\n"
    "shot early\n"
    "wait 1200\n"
    "shot later\n"
    "touch 400 200\n"
    "expect question\n"
    "wait 2500\n"
    "quit\n";

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    *len = fread(b, 1, (size_t)n, f);
    fclose(f);
    return b;
}

static int same_file(const char *a, const char *b)
{
    size_t la, lb;
    char *x = read_file(a, &la), *y = read_file(b, &lb);
    assert_non_null(x);
    assert_non_null(y);
    int same = la == lb && !memcmp(x, y, la);
    free(x);
    free(y);
    return same;
}

static void run(const char *dir, const char *extra, const char *raw)
{
    char args[1200];
    const char *root = getenv("OV_ROOT");
    snprintf(args, sizeof args, "--data '%s/data' --content '%s/assets/content/en' %s", dir, root ? root : ".", extra);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    unsetenv("SDL_DISKAUDIOFILE");
    unsetenv("SDL_AUDIODRIVER");
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

static void test_kiosk_speaks_screens_and_highlight_moves(void **st)
{
    (void)st;
    char dir[64], raw[128], a[160], b[160];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(raw, sizeof raw, "%s/speaker.raw", dir);
    run(dir, "", raw);
    assert_null(strstr(ov_test_stderr(dir), "No sound device"));
    assert_null(strstr(ov_test_stderr(dir), "No speech"));

    /* The speaker got speech: at least 1.5 s of clearly non-silent sound. */
    size_t len;
    int16_t *pcm = (int16_t *)read_file(raw, &len);
    assert_non_null(pcm);
    size_t n = len / 2, voiced = 0;
    double sum = 0;
    for (size_t i = 0; i < n; i++) { sum += (double)pcm[i] * pcm[i]; voiced += pcm[i] > 1000 || pcm[i] < -1000; }
    free(pcm);
    assert_true(n > 22050 * 3);
    assert_true(sqrt(sum / n) > 500.0);
    assert_true(voiced > 22050 * 3 / 2 / 4);     /* about a quarter of speech samples are above 1000 */

    snprintf(a, sizeof a, "%s/shots/early.png", dir);
    snprintf(b, sizeof b, "%s/shots/later.png", dir);
    assert_int_equal(same_file(a, b), 0);        /* a different word is highlighted */

    /* Without speech nothing moves on the same screen. */
    char dir2[64], raw2[128];
    ov_test_tmpdir(dir2, sizeof dir2);
    snprintf(raw2, sizeof raw2, "%s/speaker.raw", dir2);
    run(dir2, "--no-speech", raw2);
    snprintf(a, sizeof a, "%s/shots/early.png", dir2);
    snprintf(b, sizeof b, "%s/shots/later.png", dir2);
    assert_int_equal(same_file(a, b), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kiosk_speaks_screens_and_highlight_moves),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
