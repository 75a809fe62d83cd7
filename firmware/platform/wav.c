/* wav.c — RIFF/WAVE reader (many PCM/float layouts -> mono 16-bit) and a
 * 16-bit mono writer. Pure C so it is tested directly with crafted files. */
#include "platform/wav.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FMT_PCM 1
#define FMT_FLOAT 3
#define FMT_EXTENSIBLE 0xFFFE

void ov_pcm_free(ov_pcm *pcm)
{
    if (!pcm) return;
    free(pcm->samples);
    pcm->samples = NULL;
    pcm->n = 0;
}

static uint32_t le16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const uint8_t *p) { return le16(p) | le16(p + 2) << 16; }

/* One sample of the given layout as a double in -1..1. */
static double read_sample(const uint8_t *p, int fmt, int bytes)
{
    if (fmt == FMT_FLOAT) {
        if (bytes == 4) { uint32_t u = le32(p); float f; memcpy(&f, &u, 4); return isfinite(f) ? f : 0.0; }
        uint64_t u = (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32; double d; memcpy(&d, &u, 8);
        return isfinite(d) ? d : 0.0;
    }
    switch (bytes) {
    case 1: return ((int)p[0] - 128) / 128.0;
    case 2: return (int16_t)le16(p) / 32768.0;
    case 3: { int32_t v = (int32_t)((uint32_t)p[0] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 24); return v / 2147483648.0; }
    default: return (int32_t)le32(p) / 2147483648.0;
    }
}

static int16_t to_s16(double v)
{
    v *= 32768.0;
    if (v > 32767.0) v = 32767.0;
    if (v < -32768.0) v = -32768.0;
    return (int16_t)lrint(v);
}

int ov_wav_parse(const uint8_t *data, size_t len, ov_pcm *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (!data || len < 12 || memcmp(data, "RIFF", 4) || memcmp(data + 8, "WAVE", 4))
        return ov_fail(err, errlen, OV_EINVAL, "not a RIFF/WAVE file; save the recording as WAV");
    int fmt = -1, channels = 0, bits = 0, block = 0;
    long rate = 0;
    const uint8_t *pcm = NULL;
    size_t pcm_len = 0;
    size_t at = 12;
    while (at + 8 <= len) {
        const uint8_t *ck = data + at;
        size_t size = le32(ck + 4), avail = len - at - 8;
        if (size > avail) size = avail;                 /* truncated or streamed file: use what is there */
        if (!memcmp(ck, "fmt ", 4)) {
            if (size < 16) return ov_fail(err, errlen, OV_EINVAL, "the 'fmt ' chunk is too short (%zu bytes)", size);
            fmt = (int)le16(ck + 8); channels = (int)le16(ck + 10); rate = (long)le32(ck + 12);
            block = (int)le16(ck + 20); bits = (int)le16(ck + 22);
            if (fmt == FMT_EXTENSIBLE) {
                if (size < 40) return ov_fail(err, errlen, OV_EINVAL, "WAVE_FORMAT_EXTENSIBLE header is too short");
                fmt = (int)le16(ck + 8 + 24);          /* first two bytes of the sub-format GUID */
            }
        } else if (!memcmp(ck, "data", 4)) {
            pcm = ck + 8; pcm_len = size;
            if (fmt >= 0) break;
        }
        at += 8 + size + (size & 1);                    /* chunks are padded to an even size */
    }
    if (fmt < 0) return ov_fail(err, errlen, OV_EINVAL, "no 'fmt ' chunk: the file is damaged; record it again");
    if (!pcm) return ov_fail(err, errlen, OV_EINVAL, "no 'data' chunk: the file is damaged; record it again");
    if (fmt != FMT_PCM && fmt != FMT_FLOAT)
        return ov_fail(err, errlen, OV_EINVAL, "compressed WAV (format %d) is not supported; save it as PCM WAV", fmt);
    int bytes = bits / 8;
    int ok_bits = fmt == FMT_PCM ? (bits == 8 || bits == 16 || bits == 24 || bits == 32) : (bits == 32 || bits == 64);
    if (!ok_bits) return ov_fail(err, errlen, OV_EINVAL, "%d-bit samples are not supported; save as 16-bit PCM WAV", bits);
    if (channels < 1 || channels > 8) return ov_fail(err, errlen, OV_EINVAL, "%d channels is not supported; save as mono", channels);
    if (rate < 4000 || rate > 384000) return ov_fail(err, errlen, OV_EINVAL, "sample rate %ld Hz is not supported; use 22050 or 44100 Hz", rate);
    if (block < bytes * channels) block = bytes * channels;
    size_t frames = pcm_len / (size_t)block;
    if (frames == 0) return ov_fail(err, errlen, OV_EINVAL, "the recording is empty; record it again");
    if (frames > (size_t)rate * OV_WAV_MAX_SECONDS)
        return ov_fail(err, errlen, OV_EINVAL, "the recording is longer than %d seconds; make it shorter", OV_WAV_MAX_SECONDS);
    out->samples = malloc(frames * sizeof(int16_t));
    if (!out->samples) return ov_fail(err, errlen, OV_ENOMEM, "out of memory reading a recording");
    for (size_t f = 0; f < frames; f++) {
        const uint8_t *p = pcm + f * (size_t)block;
        double sum = 0;
        for (int c = 0; c < channels; c++) sum += read_sample(p + c * bytes, fmt, bytes);
        out->samples[f] = to_s16(sum / channels);
    }
    out->n = frames;
    out->rate = (int)rate;
    return OV_OK;
}

/* Convert in->rate to `rate` by linear interpolation into *out (a new buffer).
 * Returns OV_OK, OV_EINVAL (rate out of range), OV_ENOMEM. */
static int pcm_resample(const ov_pcm *in, int rate, ov_pcm *out)
{
    memset(out, 0, sizeof *out);
    if (!in || in->rate <= 0 || rate < 4000 || rate > 384000) return OV_EINVAL;
    size_t n = in->n == 0 ? 0 : (size_t)((double)in->n * rate / in->rate);
    if (in->n > 0 && n == 0) n = 1;
    out->samples = malloc((n ? n : 1) * sizeof(int16_t));
    if (!out->samples) return OV_ENOMEM;
    double step = (double)in->rate / rate;
    for (size_t i = 0; i < n; i++) {
        double x = i * step;
        size_t k = (size_t)x;
        if (k >= in->n - 1) { out->samples[i] = in->samples[in->n - 1]; continue; }
        double t = x - (double)k;
        out->samples[i] = (int16_t)lrint(in->samples[k] * (1.0 - t) + in->samples[k + 1] * t);
    }
    out->n = n;
    out->rate = rate;
    return OV_OK;
}

int ov_wav_load(const char *path, int rate, ov_pcm *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    char why[200];
    uint8_t *buf = NULL;
    int rc = OV_OK;
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        return ov_fail(err, errlen, e == ENOENT ? OV_ENOTFOUND : OV_EIO,
                       "%s: cannot open recording (%s); check the file name in the content", path, strerror(e));
    }
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0) size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0) { rc = ov_fail(err, errlen, OV_EIO, "%s: cannot read recording", path); goto out; }
    if (size > 256L * 1024 * 1024) { rc = ov_fail(err, errlen, OV_EINVAL, "%s: recording is too big (%ld bytes); make it shorter", path, size); goto out; }
    buf = malloc(size ? (size_t)size : 1);
    if (!buf) { rc = ov_fail(err, errlen, OV_ENOMEM, "%s: out of memory", path); goto out; }
    if (fread(buf, 1, (size_t)size, f) != (size_t)size) { rc = ov_fail(err, errlen, OV_EIO, "%s: cannot read recording", path); goto out; }
    ov_pcm native;
    rc = ov_wav_parse(buf, (size_t)size, &native, why, sizeof why);
    if (rc != OV_OK) { ov_fail(err, errlen, rc, "%s: %s", path, why); goto out; }
    if (native.rate == rate) { *out = native; goto out; }
    rc = pcm_resample(&native, rate, out);
    ov_pcm_free(&native);
    if (rc != OV_OK) ov_fail(err, errlen, rc, "%s: cannot convert the recording to %d Hz", path, rate);
out:
    free(buf);
    fclose(f);
    return rc;
}

static void put16(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, v & 0xFFFF); put16(p + 2, v >> 16); }

int ov_wav_write(const char *path, const int16_t *samples, size_t n, int rate, char *err, size_t errlen)
{
    if (n > (0xFFFFFFFFu - 36) / 2) return ov_fail(err, errlen, OV_EINVAL, "%s: too much audio for one WAV file", path);
    uint8_t h[44];
    memcpy(h, "RIFF", 4); put32(h + 4, (uint32_t)(36 + n * 2)); memcpy(h + 8, "WAVEfmt ", 8);
    put32(h + 16, 16); put16(h + 20, FMT_PCM); put16(h + 22, 1); put32(h + 24, (uint32_t)rate);
    put32(h + 28, (uint32_t)rate * 2); put16(h + 32, 2); put16(h + 34, 16);
    memcpy(h + 36, "data", 4); put32(h + 40, (uint32_t)(n * 2));
    FILE *f = fopen(path, "wb");
    if (!f) return ov_fail(err, errlen, OV_EIO, "%s: cannot create the WAV file (%s); check the folder exists and is writable", path, strerror(errno));
    int ok = fwrite(h, 1, sizeof h, f) == sizeof h;
    uint8_t chunk[4096];
    for (size_t i = 0; ok && i < n;) {
        size_t k = 0;
        for (; k < sizeof chunk / 2 && i < n; k++, i++) put16(chunk + 2 * k, (uint16_t)samples[i]);
        ok = fwrite(chunk, 2, k, f) == k;
    }
    if (fclose(f) != 0) ok = 0;
    if (!ok) return ov_fail(err, errlen, OV_EIO, "%s: could not write all of the WAV file (%s); is the disk full?", path, strerror(errno));
    return OV_OK;
}
