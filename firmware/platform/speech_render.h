/* speech_render.h — turn a screen's text (or its recording) into samples plus
 * "word N of the ORIGINAL text starts at sample S" marks. Shared by the speech
 * thread and `ourvoice say`. Uses speech_espeak, speech_text and wav; the
 * caller owns espeak (initialised, voice and prosody chosen). */
#ifndef OV_SPEECH_RENDER_H
#define OV_SPEECH_RENDER_H

#include "base/ov_common.h"

#include <stdint.h>

typedef struct {
    /* More samples; return nonzero to abandon rendering at once. */
    int (*audio)(void *user, const int16_t *samples, size_t n);
    /* The word at characters [char_start, char_start + char_len) of the text
     * given to the render call starts at `sample`. Called in word order; a
     * word is reported once even when espeak splits it ("2024"). */
    void (*word)(void *user, long sample, int char_start, int char_len);
    void *user;
} ov_render_sink;

#define OV_RENDER_ABORTED 1

/* Synthesise `text` with espeak-ng. Returns OV_OK (also for text with nothing
 * to say: no samples then), OV_RENDER_ABORTED, OV_ENOMEM, OV_EINVAL (espeak
 * not running) or OV_EIO; err says what went wrong. */
int ov_render_text(const char *text, const ov_render_sink *sink, char *err, size_t errlen);

/* Play the WAV `path` (converted to `rate` Hz mono 16-bit, scaled by
 * volume/100) and spread the words of `text` over its sound in proportion to
 * their length. Returns OV_OK, OV_RENDER_ABORTED, or the ov_wav_load error
 * (nothing was sent to the sink then, so the caller can synthesise instead). */
int ov_render_recording(const char *text, const char *path, int rate, int volume,
                        const ov_render_sink *sink, char *err, size_t errlen);

#endif
