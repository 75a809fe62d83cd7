/* kiosk_ears.h — test support: hear a whole visit. The real kiosk plays its
 * speech through SDL's disk driver into a FIFO that the test reads for the
 * whole run. (A plain SDL_DISKAUDIOFILE keeps only the last words: the kiosk
 * closes its sound device after 2 s of silence and opens it again for the next
 * words, and each open starts the file afresh.) The time the device was shut
 * is kept as silence, so the recording follows the visit as it was heard. */
#ifndef OV_KIOSK_EARS_H
#define OV_KIOSK_EARS_H

#include <stdint.h>

#define OV_EARS_RATE 22050     /* samples per second of the kiosk's speech (mono, 16 bit) */
#define OV_EARS_FRAME_MS 20    /* voice is looked for in frames this long */
#define OV_EARS_VOICE_RMS 300  /* a frame louder than this (RMS) is voice; the kiosk's silence is 0 */
#define OV_EARS_MAX_STRETCHES 64

typedef struct {
    int16_t *s; /* every sample heard, silence where the device was shut */
    long n;
} ov_test_heard;

typedef struct {
    double start_s; /* seconds into the recording */
    double voiced_s; /* seconds of voice in it (pauses inside it left out) */
    double end_s;
} ov_test_stretch;

/* Run the kiosk as ov_test_run_kiosk does (DIR/script.txt, shots, stderr), with
 * speech on and everything it plays recorded into *heard (free it with
 * ov_test_heard_free). The kiosk is killed after timeout_s. Returns the exit
 * code (-1 if it could not run). */
int ov_test_run_kiosk_heard(const char *dir, const char *script, int w, int h, const char *args, int timeout_s,
                            ov_test_heard *heard);

void ov_test_heard_free(ov_test_heard *heard);

/* Seconds of voice (frames above OV_EARS_VOICE_RMS) between from_s and to_s. */
double ov_test_voiced_s(const ov_test_heard *heard, double from_s, double to_s);

/* The stretches of voice in order: voiced frames, joined across silences
 * shorter than gap_s (the pauses between sentences), into out (at most max).
 * Returns how many. */
int ov_test_stretches(const ov_test_heard *heard, double gap_s, ov_test_stretch *out, int max);

/* Seconds of voice in `ourvoice say WORDS` (the kiosk's voice at its usual
 * rate, language `lang`, e.g. en-gb): how long the kiosk takes to read them. */
double ov_test_say_voiced_s(const char *dir, const char *words, const char *lang);

/* Print the stretches (for the log when a test fails). */
void ov_test_print_stretches(const char *what, const ov_test_stretch *st, int n);

#endif
