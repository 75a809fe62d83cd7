/* speech_espeak.h — the only module that calls espeak-ng.
 *
 * espeak-ng is a process-wide singleton and not thread-safe: every function
 * here must be called from one thread at a time (the speech thread, or the
 * `ourvoice say` command). Synthesis is synchronous, into the caller's sink,
 * at the rate espeak-ng reports at init (22050 Hz), mono, signed 16-bit. */
#ifndef OV_SPEECH_ESPEAK_H
#define OV_SPEECH_ESPEAK_H

#include "base/ov_common.h"

#include <stddef.h>
#include <stdint.h>

/* Where samples and word marks go: used by ov_espeak_synth and by the
 * ov_synth_* calls of speech_synth.h (each says what char_pos counts in). */
typedef struct {
    /* n samples more; return nonzero to abandon the synthesis at once. */
    int (*audio)(void *user, const int16_t *samples, size_t n);
    /* A word starts at `sample` (from the start of this synthesis); char_pos is
     * 0-based, in CHARACTERS of the text given to the call. */
    void (*word)(void *user, long sample, int char_pos, int char_len);
    void *user;
} ov_sound_sink;

#define OV_ESPEAK_ABORTED 1   /* ov_espeak_synth: the sink asked to stop */

/* Start espeak-ng without ever calling exit(). data_dir is the folder holding
 * espeak-ng-data, or NULL for espeak's default (ESPEAK_DATA_PATH is honoured).
 * Returns OV_OK, or OV_ENOTFOUND (no data: install espeak-ng-data) or OV_EIO
 * (espeak-ng's output cannot start) with err saying what to do. espeak-ng is loaded once per process: after
 * a success, later calls return OV_OK at once (data_dir is then ignored);
 * after a failure, a later call tries again. */
int ov_espeak_init(const char *data_dir, char *err, size_t errlen);

/* 1 when ov_espeak_init has succeeded in this process. */
int ov_espeak_ready(void);

/* Choose the voice: `voice` (a voice name or file such as "en-gb-scotland" or
 * "en+f3") when given and it speaks `language`; otherwise the best voice for
 * `language` by properties ("en-gb", "cy"); then the language without its
 * region ("en"); then English. Returns OV_OK when a voice for `language` was
 * found; OV_ENOTFOUND when it had to fall back (err says which and why);
 * OV_EINVAL before init. */
int ov_espeak_select_voice(const char *language, const char *voice, char *err, size_t errlen);

/* Name of the current voice ("Welsh", "English (Great Britain)"), "" if none. */
const char *ov_espeak_voice_name(void);

/* Words per minute (clamped to 80..450), pitch 0..100, volume 0..200.
 * Returns OV_OK or OV_EINVAL before init. */
int ov_espeak_set_prosody(int rate_wpm, int pitch, int volume);

/* A pause between words, in units of 10 ms (0..OV_ESPEAK_WORD_GAP_MAX): with
 * the slowest rate (80 wpm) it makes speech slower still, pitch unchanged.
 * Returns OV_OK or OV_EINVAL before init. */
#define OV_ESPEAK_WORD_GAP_MAX 100
#define OV_ESPEAK_MIN_WPM 80
int ov_espeak_set_word_gap(int gap_10ms);

/* Speak UTF-8 `text` into the sink, returning when done. The text must already
 * be cleaned (see speech_text.h). Returns OV_OK, OV_ESPEAK_ABORTED, OV_EINVAL
 * (not initialised / NULL), or OV_EIO with err holding espeak's message. */
int ov_espeak_synth(const char *text, const ov_sound_sink *sink, char *err, size_t errlen);

/* Done speaking for now: cancels anything pending. espeak-ng itself stays
 * loaded until the process exits (1.51 hangs if terminated twice). */
void ov_espeak_term(void);

#endif
