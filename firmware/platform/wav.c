/* wav.c — RIFF/WAVE reader (many PCM/float layouts -> mono 16-bit) and a
 * 16-bit mono writer. Pure C so it is tested directly with crafted files. */
#include "platform/wav.h"
#include "platform/files.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FMT_PCM 1
#define FMT_FLOAT 3
#define FMT_EXTENSIBLE 0xFFFE

#define RIFF_HEADER_LEN 12        /* "RIFF", size, "WAVE" */
#define CHUNK_HEADER_LEN 8        /* id, size */
#define FMT_CHUNK_MIN 16          /* the 'fmt ' chunk of plain PCM */
#define FMT_EXTENSIBLE_MIN 40     /* the 'fmt ' chunk of WAVE_FORMAT_EXTENSIBLE */
#define FMT_SUBFORMAT_AT 24       /* the sub-format GUID within that chunk */
#define WAV_MAX_CHANNELS 8
#define WAV_MIN_RATE 4000
#define WAV_MAX_RATE 384000
#define WAV_MAX_FILE_BYTES (256L * 1024 * 1024)
#define WAV_WRITE_HEADER_LEN 44
#define WAV_WRITE_CHUNK_BYTES 4096

void ov_pcm_free(ov_pcm *pcm)
{
    if (!pcm)
        return;
    free(pcm->samples);
    pcm->samples = NULL;
    pcm->n = 0;
}

static uint32_t le16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const uint8_t *p)
{
    return le16(p) | le16(p + 2) << 16;
}

static double read_float(const uint8_t *p, int bytes)
{
    if (bytes == 4) {
        uint32_t u = le32(p);
        float f;
        memcpy(&f, &u, sizeof f);
        return isfinite(f) ? f : 0.0;
    }
    uint64_t u = (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
    double d;
    memcpy(&d, &u, sizeof d);
    return isfinite(d) ? d : 0.0;
}

/* One sample of the given layout as a double in -1..1. */
static double read_sample(const uint8_t *p, int fmt, int bytes)
{
    if (fmt == FMT_FLOAT)
        return read_float(p, bytes);
    switch (bytes) {
    case 1:
        return ((int)p[0] - 128) / 128.0;
    case 2:
        return (int16_t)le16(p) / 32768.0;
    case 3:
        return (int32_t)((uint32_t)p[0] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 24) / 2147483648.0;
    default:
        return (int32_t)le32(p) / 2147483648.0;
    }
}

static int16_t to_s16(double v)
{
    v *= 32768.0;
    if (v > 32767.0)
        v = 32767.0;
    if (v < -32768.0)
        v = -32768.0;
    return (int16_t)lrint(v);
}

/* What the 'fmt ' and 'data' chunks say. */
typedef struct {
    int fmt, channels, bits, block;
    long rate;
    const uint8_t *pcm;
    size_t pcm_len;
} wav_layout;

/* Read the 'fmt ' chunk ck of `size` bytes into w. */
static int read_fmt(const uint8_t *ck, size_t size, wav_layout *w, char *err, size_t errlen)
{
    if (size < FMT_CHUNK_MIN)
        return ov_fail(err, errlen, OV_EINVAL, "the 'fmt ' chunk is too short (%zu bytes)", size);
    const uint8_t *b = ck + CHUNK_HEADER_LEN;
    w->fmt = (int)le16(b);
    w->channels = (int)le16(b + 2);
    w->rate = (long)le32(b + 4);
    w->block = (int)le16(b + 12);
    w->bits = (int)le16(b + 14);
    if (w->fmt != FMT_EXTENSIBLE)
        return OV_OK;
    if (size < FMT_EXTENSIBLE_MIN)
        return ov_fail(err, errlen, OV_EINVAL, "WAVE_FORMAT_EXTENSIBLE header is too short");
    w->fmt = (int)le16(b + FMT_SUBFORMAT_AT);   /* first two bytes of the sub-format GUID */
    return OV_OK;
}

/* Walk the chunks of a RIFF/WAVE file into w. */
static int read_chunks(const uint8_t *data, size_t len, wav_layout *w, char *err, size_t errlen)
{
    w->fmt = -1;
    size_t at = RIFF_HEADER_LEN;
    while (at + CHUNK_HEADER_LEN <= len) {
        const uint8_t *ck = data + at;
        size_t size = le32(ck + 4);
        size_t avail = len - at - CHUNK_HEADER_LEN;
        if (size > avail)
            size = avail;                 /* truncated or streamed file: use what is there */
        if (!memcmp(ck, "fmt ", 4)) {
            int rc = read_fmt(ck, size, w, err, errlen);
            if (rc != OV_OK)
                return rc;
        } else if (!memcmp(ck, "data", 4)) {
            w->pcm = ck + CHUNK_HEADER_LEN;
            w->pcm_len = size;
            if (w->fmt >= 0)
                break;
        }
        at += CHUNK_HEADER_LEN + size + (size & 1);   /* chunks are padded to an even size */
    }
    if (w->fmt < 0)
        return ov_fail(err, errlen, OV_EINVAL, "no 'fmt ' chunk: the file is damaged; record it again");
    if (!w->pcm)
        return ov_fail(err, errlen, OV_EINVAL, "no 'data' chunk: the file is damaged; record it again");
    return OV_OK;
}

/* Is w a layout this reader plays? */
static int check_layout(const wav_layout *w, char *err, size_t errlen)
{
    if (w->fmt != FMT_PCM && w->fmt != FMT_FLOAT)
        return ov_fail(err, errlen, OV_EINVAL,
                       "compressed WAV (format %d) is not supported; save it as PCM WAV", w->fmt);
    int b = w->bits;
    int ok_bits = w->fmt == FMT_PCM ? (b == 8 || b == 16 || b == 24 || b == 32) : (b == 32 || b == 64);
    if (!ok_bits)
        return ov_fail(err, errlen, OV_EINVAL, "%d-bit samples are not supported; save as 16-bit PCM WAV", b);
    if (w->channels < 1 || w->channels > WAV_MAX_CHANNELS)
        return ov_fail(err, errlen, OV_EINVAL, "%d channels is not supported; save as mono", w->channels);
    if (w->rate < WAV_MIN_RATE || w->rate > WAV_MAX_RATE)
        return ov_fail(err, errlen, OV_EINVAL,
                       "sample rate %ld Hz is not supported; use 22050 or 44100 Hz", w->rate);
    return OV_OK;
}

int ov_wav_parse(const uint8_t *data, size_t len, ov_pcm *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (!data || len < RIFF_HEADER_LEN || memcmp(data, "RIFF", 4) || memcmp(data + 8, "WAVE", 4))
        return ov_fail(err, errlen, OV_EINVAL, "not a RIFF/WAVE file; save the recording as WAV");
    wav_layout w = { .fmt = -1 };
    int rc = read_chunks(data, len, &w, err, errlen);
    if (rc == OV_OK)
        rc = check_layout(&w, err, errlen);
    if (rc != OV_OK)
        return rc;
    int bytes = w.bits / 8;
    if (w.block < bytes * w.channels)
        w.block = bytes * w.channels;
    size_t frames = w.pcm_len / (size_t)w.block;
    if (frames == 0)
        return ov_fail(err, errlen, OV_EINVAL, "the recording is empty; record it again");
    if (frames > (size_t)w.rate * OV_WAV_MAX_SECONDS)
        return ov_fail(err, errlen, OV_EINVAL, "the recording is longer than %d seconds; make it shorter",
                       OV_WAV_MAX_SECONDS);
    out->samples = malloc(frames * sizeof(int16_t));
    if (!out->samples)
        return ov_fail(err, errlen, OV_ENOMEM, "out of memory reading a recording");
    for (size_t f = 0; f < frames; f++) {
        const uint8_t *p = w.pcm + f * (size_t)w.block;
        double sum = 0;
        for (int c = 0; c < w.channels; c++)
            sum += read_sample(p + c * bytes, w.fmt, bytes);
        out->samples[f] = to_s16(sum / w.channels);
    }
    out->n = frames;
    out->rate = (int)w.rate;
    return OV_OK;
}

/* Convert in->rate to `rate` by linear interpolation into *out (a new buffer).
 * Returns OV_OK, OV_EINVAL (rate out of range), OV_ENOMEM. */
static int pcm_resample(const ov_pcm *in, int rate, ov_pcm *out)
{
    memset(out, 0, sizeof *out);
    if (!in || in->rate <= 0 || rate < WAV_MIN_RATE || rate > WAV_MAX_RATE)
        return OV_EINVAL;
    size_t n = in->n == 0 ? 0 : (size_t)((double)in->n * rate / in->rate);
    if (in->n > 0 && n == 0)
        n = 1;
    out->samples = malloc((n ? n : 1) * sizeof(int16_t));
    if (!out->samples)
        return OV_ENOMEM;
    double step = (double)in->rate / rate;
    for (size_t i = 0; i < n; i++) {
        double x = i * step;
        size_t k = (size_t)x;
        if (k >= in->n - 1) {
            out->samples[i] = in->samples[in->n - 1];
            continue;
        }
        double t = x - (double)k;
        out->samples[i] = (int16_t)lrint(in->samples[k] * (1.0 - t) + in->samples[k + 1] * t);
    }
    out->n = n;
    out->rate = rate;
    return OV_OK;
}

/* Read all of the open file f into a new buffer *buf (*size bytes). */
static int read_whole(FILE *f, const char *path, uint8_t **buf, long *size, char *err, size_t errlen)
{
    *size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        *size = ftell(f);
    if (*size < 0 || fseek(f, 0, SEEK_SET) != 0)
        return ov_fail(err, errlen, OV_EIO, "%s: cannot read recording", path);
    if (*size > WAV_MAX_FILE_BYTES)
        return ov_fail(err, errlen, OV_EINVAL, "%s: recording is too big (%ld bytes); make it shorter",
                       path, *size);
    *buf = malloc(*size ? (size_t)*size : 1);
    if (!*buf)
        return ov_fail(err, errlen, OV_ENOMEM, "%s: out of memory", path);
    if (fread(*buf, 1, (size_t)*size, f) != (size_t)*size)
        return ov_fail(err, errlen, OV_EIO, "%s: cannot read recording", path);
    return OV_OK;
}

int ov_wav_load(const char *path, int rate, ov_pcm *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        int code = ov_errno_code(e) == OV_ENOTFOUND ? OV_ENOTFOUND : OV_EIO;
        return ov_fail(err, errlen, code,
                       "%s: cannot open recording (%s); check the file name in the content",
                       path, strerror(e));
    }
    uint8_t *buf = NULL;
    long size;
    char why[OV_REASON_LEN];
    ov_pcm native;
    int rc = read_whole(f, path, &buf, &size, err, errlen);
    if (rc != OV_OK)
        goto out;
    rc = ov_wav_parse(buf, (size_t)size, &native, why, sizeof why);
    if (rc != OV_OK) {
        ov_fail(err, errlen, rc, "%s: %s", path, why);
        goto out;
    }
    if (native.rate == rate) {
        *out = native;
        goto out;
    }
    rc = pcm_resample(&native, rate, out);
    ov_pcm_free(&native);
    if (rc != OV_OK)
        ov_fail(err, errlen, rc, "%s: cannot convert the recording to %d Hz", path, rate);
out:
    free(buf);
    fclose(f);
    return rc;
}

static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, v & 0xFFFF);
    put16(p + 2, v >> 16);
}

/* The canonical header of n mono 16-bit samples at `rate` Hz. */
static void write_header(uint8_t h[WAV_WRITE_HEADER_LEN], size_t n, int rate)
{
    const uint32_t bytes = (uint32_t)(n * sizeof(int16_t));
    memcpy(h, "RIFF", 4);
    put32(h + 4, WAV_WRITE_HEADER_LEN - CHUNK_HEADER_LEN + bytes);
    memcpy(h + 8, "WAVEfmt ", 8);
    put32(h + 16, FMT_CHUNK_MIN);
    put16(h + 20, FMT_PCM);
    put16(h + 22, 1);                                    /* mono */
    put32(h + 24, (uint32_t)rate);
    put32(h + 28, (uint32_t)rate * sizeof(int16_t));     /* bytes a second */
    put16(h + 32, sizeof(int16_t));                      /* bytes a frame */
    put16(h + 34, 16);                                   /* bits a sample */
    memcpy(h + 36, "data", 4);
    put32(h + 40, bytes);
}

int ov_wav_write(const char *path, const int16_t *samples, size_t n, int rate, char *err, size_t errlen)
{
    const size_t most = (0xFFFFFFFFu - (WAV_WRITE_HEADER_LEN - CHUNK_HEADER_LEN)) / sizeof(int16_t);
    if (n > most)
        return ov_fail(err, errlen, OV_EINVAL, "%s: too much audio for one WAV file", path);
    uint8_t h[WAV_WRITE_HEADER_LEN];
    write_header(h, n, rate);
    FILE *f = fopen(path, "wb");
    if (!f)
        return ov_fail(err, errlen, OV_EIO,
                       "%s: cannot create the WAV file (%s); check the folder exists and is writable",
                       path, strerror(errno));
    int ok = fwrite(h, 1, sizeof h, f) == sizeof h;
    uint8_t chunk[WAV_WRITE_CHUNK_BYTES];
    for (size_t i = 0; ok && i < n;) {
        size_t k = 0;
        for (; k < sizeof chunk / 2 && i < n; k++, i++)
            put16(chunk + 2 * k, (uint16_t)samples[i]);
        ok = fwrite(chunk, 2, k, f) == k;
    }
    if (fclose(f) != 0)
        ok = 0;
    if (!ok)
        return ov_fail(err, errlen, OV_EIO, "%s: could not write all of the WAV file (%s); is the disk full?",
                       path, strerror(errno));
    return OV_OK;
}
