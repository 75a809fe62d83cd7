/* test_speech_resume.c — the real kiosk, headless, with SDL's disk audio as
 * the speaker: after a long silence the kiosk has closed its audio device (so
 * the CPU sleeps), and the next screen's speech opens it again and is heard
 * from its very start: the first half second of the sound file matches, 20 ms
 * by 20 ms, `ourvoice say` of the confirm screen's first sentence. SDL's disk
 * driver starts its file anew on each open, so the file holds only what was
 * played after the silence. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_runner.h"

#define RATE 22050
#define WINDOW (RATE / 50) /* 20 ms */
#define WINDOWS 25         /* the first 0.5 s: the first two words */
#define SILENT 50          /* quieter than this: no sound yet */
#define CONFIRM_FIRST "Is this your answer?" /* [texts] confirm, assets/content/en */

/* Question 1 is read out (about 24 s at the default rate, with its progress
 * and buttons), then 4 s or more pass with nothing to say (the device closes
 * 2 s after the speech ends); choosing answer 3 speaks the confirm screen. */
static const char *script =
    "expect welcome\n"
    "key 1\n"
    "expect question\n"
    "wait 32000\n"
    "key 3\n"
    "expect confirm\n"
    "wait 5000\n"
    "quit\n";

/* Samples of a raw file (skip: bytes of header to leave out). */
static int16_t *read_pcm(const char *path, long skip, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, skip, SEEK_SET);
    len -= skip;
    int16_t *b = malloc((size_t)len + 2);
    *n = b ? fread(b, 2, (size_t)len / 2, f) : 0;
    fclose(f);
    return b;
}

static void test_speech_after_silence_is_whole(void **st)
{
    (void)st;
    char dir[64], raw[128], args[600];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(raw, sizeof raw, "%s/speaker.raw", dir);
    const char *root = getenv("OV_ROOT");
    snprintf(args, sizeof args, "--data '%s/data' --content '%s/assets/content/en'", dir, root ? root : ".");
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    unsetenv("SDL_DISKAUDIOFILE");
    unsetenv("SDL_AUDIODRIVER");
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_null(strstr(ov_test_stderr(dir), "No sound device"));
    /* #16: a period of 93 ms (186 ms buffered), so an audio thread that is
     * late now and then does not underrun ALSA; the kiosk says what it got. */
    if (!strstr(ov_test_stderr(dir), "2048 samples (92 ms) a period"))
        fail_msg("the sound device's period is not 2048 samples: %s", ov_test_stderr(dir));

    size_t n = 0, m = 0;
    int16_t *pcm = read_pcm(raw, 0, &n);
    assert_non_null(pcm);
    /* The device was opened again after the silence: the file holds less than
     * the 5 s after the press (the run lasted over 37 s). */
    assert_true(n < (size_t)RATE * 7);

    char cmd[600], wav[128];
    snprintf(wav, sizeof wav, "%s/say.wav", dir);
    snprintf(cmd, sizeof cmd, "'%s' say '%s' --wav '%s' >/dev/null", ov_test_program(), CONFIRM_FIRST, wav);
    assert_int_equal(system(cmd), 0);
    int16_t *ref = read_pcm(wav, 44, &m);
    assert_non_null(ref);
    /* Both from their first sound: the device may start a period (93 ms) of
     * silence before the speech, which delays it but cuts nothing. */
    size_t p0 = 0, r0 = 0;
    while (p0 < n && abs(pcm[p0]) < SILENT) p0++;
    while (r0 < m && abs(ref[r0]) < SILENT) r0++;
    assert_true(p0 < (size_t)RATE / 5); /* heard within 0.2 s of the device opening */
    memmove(pcm, pcm + p0, (n - p0) * sizeof *pcm);
    memmove(ref, ref + r0, (m - r0) * sizeof *ref);
    n -= p0;
    m -= r0;
    assert_true(n >= WINDOW * WINDOWS && m >= WINDOW * WINDOWS);
    /* Each 20 ms of the start is as loud as the same 20 ms said alone (within
     * a third): a cut first syllable would shift the words and fail this. */
    for (int w = 0; w < WINDOWS; w++) {
        int pk = 0, pr = 0;
        for (int i = w * WINDOW; i < (w + 1) * WINDOW; i++) {
            pk = abs(pcm[i]) > pk ? abs(pcm[i]) : pk;
            pr = abs(ref[i]) > pr ? abs(ref[i]) : pr;
        }
        if (abs(pk - pr) * 3 > pr + 300)
            fail_msg("%d ms in: peak %d after the silence, %d said alone", w * 20, pk, pr);
    }
    free(pcm);
    free(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_speech_after_silence_is_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
