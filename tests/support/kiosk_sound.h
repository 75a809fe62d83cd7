/* kiosk_sound.h — test support: record the sound real kiosks play (SDL's
 * disk audio driver), as loudness envelopes of 20 ms frames, and compare
 * the recordings. */
#ifndef OV_KIOSK_SOUND_H
#define OV_KIOSK_SOUND_H

#include <stdint.h>

#define OV_SOUND_FRAME_SAMPLES 441 /* 20 ms at 22050 Hz: one step of the loudness envelope */
#define OV_SOUND_MAX_FRAMES 1000   /* the longest envelope: 20 s */
#define OV_SOUND_KIOSKS 5          /* kiosks recorded at once: one for each of the answers 1..5 */

typedef struct {
    int n; /* frames used */
    double rms[OV_SOUND_MAX_FRAMES];
} ov_test_envelope;

/* Where an envelope of `frames` frames starts in the samples s[0..n) of a
 * recording (the test fails when the recording does not hold what it must). */
typedef long (*ov_test_sound_start)(const int16_t *s, long n, int frames);

/* How different two envelopes are (0: the same). */
typedef double (*ov_test_sound_diff)(const ov_test_envelope *a, const ov_test_envelope *b);

/* Run scripts[k] (k < OV_SOUND_KIOSKS) with the settings `config_text`, in
 * that many kiosks at once (each plays in real time: one after the other
 * would take five times as long), each recording the sound it plays; e[k]
 * gets the envelope of `frames` frames (at most OV_SOUND_MAX_FRAMES) of
 * kiosk k's sound from where `start` says. The test fails when a kiosk
 * fails; the kiosks' folders are removed. */
void ov_test_kiosk_sounds(const char *config_text, const char *const scripts[OV_SOUND_KIOSKS],
                          ov_test_sound_start start, int frames, ov_test_envelope e[OV_SOUND_KIOSKS]);

/* The relative difference of two envelopes at their best line-up, b shifted
 * up to `max_shift` frames either way (the speech starts a frame or so
 * earlier or later in each run). Printed, for the log. */
double ov_test_envelope_difference(const ov_test_envelope *a, const ov_test_envelope *b, int max_shift);

/* Fail the test unless every recording k >= 1 of e (OV_SOUND_KIOSKS) differs
 * from recording 0 by less than `limit` (alike = 1) or by more (alike = 0);
 * `failure` is the message, given the answer k + 1 (%d) and the difference
 * (%.3f). */
void ov_test_expect_sounds(const ov_test_envelope *e, ov_test_sound_diff diff, int alike, double limit,
                           const char *failure);

#endif
