/* speech_synth.h — synthesise a screen's text (or its recording) into samples
 * plus "word N of the ORIGINAL text starts at sample S" marks. Shared by the
 * speech thread and `ourvoice say`. Uses speech_espeak, speech_text and wav; the
 * caller owns espeak (initialised, voice and prosody chosen). */
#ifndef OV_SPEECH_SYNTH_H
#define OV_SPEECH_SYNTH_H

#include "base/ov_common.h"
#include "platform/speech_espeak.h"

#include <stdint.h>

/* The sink of the ov_synth_* calls is an ov_sound_sink (speech_espeak.h):
 * its word call gets the word at characters [char_pos, char_pos + char_len)
 * of the ORIGINAL text given to the call, in word order, each word once even
 * when espeak splits it ("2024"). */

#define OV_SYNTH_ABORTED 1   /* the sink asked to stop */

/* Synthesise `text` with espeak-ng. Returns OV_OK (also for text with nothing
 * to say: no samples then), OV_SYNTH_ABORTED, OV_ENOMEM, OV_EINVAL (espeak
 * not running, or text or sink NULL) or OV_EIO; err says what went wrong. */
int ov_synth_text(const char *text, const ov_sound_sink *sink, char *err, size_t errlen);

/* Play the WAV `path` (converted to `rate` Hz mono 16-bit, scaled by
 * volume/100) and spread the words of `text` over its sound in proportion to
 * their length. Returns OV_OK, OV_SYNTH_ABORTED, or an error with err set:
 * the ov_wav_load error, OV_EINVAL (path or sink NULL) or OV_ENOMEM (nothing
 * was sent to the sink then, so the caller can synthesise instead). */
int ov_synth_recording(const char *text, const char *path, int rate, int volume,
                       const ov_sound_sink *sink, char *err, size_t errlen);

#endif
