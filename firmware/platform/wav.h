/* wav.h — read and write WAV files as 16-bit mono PCM, in pure C (no SDL).
 *
 * Reading accepts what people record with phones and desktop tools: PCM 8, 16,
 * 24 or 32-bit integer, 32/64-bit float, WAVE_FORMAT_EXTENSIBLE, 1-8 channels,
 * any rate from 4000 to 384000 Hz. Channels are mixed down to mono; the rate is
 * converted with linear interpolation. Writing always gives 16-bit mono PCM. */
#ifndef OV_WAV_H
#define OV_WAV_H

#include "base/ov_common.h"

#include <stddef.h>
#include <stdint.h>

/* Longest recording accepted, in seconds (a screen is read in well under this). */
#define OV_WAV_MAX_SECONDS 600

typedef struct {
    int16_t *samples;  /* mono, malloc'd; free with ov_pcm_free */
    size_t n;          /* number of samples */
    int rate;          /* samples per second */
} ov_pcm;

/* Free pcm->samples and leave *pcm empty; NULL is fine. */
void ov_pcm_free(ov_pcm *pcm);

/* Decode a whole WAV file held in memory into mono 16-bit samples at the file's
 * own rate. Returns OV_OK; OV_EINVAL when the data is not a WAV this reader
 * understands, is empty or is longer than OV_WAV_MAX_SECONDS (err says what is
 * wrong, e.g. "not a RIFF/WAVE file"); OV_ENOMEM. On failure *out is empty. */
int ov_wav_parse(const uint8_t *data, size_t len, ov_pcm *out, char *err, size_t errlen);

/* Read `path` and convert it to mono 16-bit at `rate` Hz (e.g. 22050).
 * Returns OV_OK; OV_ENOTFOUND / OV_EIO when the file cannot be read; OV_EINVAL
 * when it is not a usable WAV, is over 256 MB, or `rate` is outside 4000 to
 * 384000 Hz; OV_ENOMEM. err names the file and the fix; *out is empty on
 * failure. */
int ov_wav_load(const char *path, int rate, ov_pcm *out, char *err, size_t errlen);

/* Write n mono 16-bit samples at `rate` Hz as a canonical 44-byte-header WAV.
 * Returns OV_OK, or with err saying why OV_EINVAL (too many samples for a WAV
 * file; nothing written) or OV_EIO (the file may be incomplete). */
int ov_wav_write(const char *path, const int16_t *samples, size_t n, int rate,
                 char *err, size_t errlen);

#endif
