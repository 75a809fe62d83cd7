/* cli_say.c — `ourvoice say TEXT --wav FILE`: speak TEXT with espeak-ng into a
 * 22050 Hz mono 16-bit WAV and print each word with its start time in ms
 * ("word<TAB>ms", one line per word), the same words the kiosk highlights. */
#include "app/cli.h"

#include "platform/speech_espeak.h"
#include "platform/speech_synth.h"
#include "base/utf8.h"
#include "platform/wav.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    long sample;
    int start, len;
} mark;

typedef struct {
    int16_t *samples;
    size_t n, cap;
    mark *marks;
    int nmarks, capmarks;
    int oom;
} capture;

static int cap_audio(void *user, const int16_t *s, size_t n)
{
    capture *c = user;
    if (c->n + n > c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 65536;
        while (cap < c->n + n)
            cap *= 2;
        int16_t *t = realloc(c->samples, cap * sizeof *t);
        if (!t) {
            c->oom = 1;
            return 1;
        }
        c->samples = t;
        c->cap = cap;
    }
    memcpy(c->samples + c->n, s, n * sizeof *s);
    c->n += n;
    return 0;
}

static void cap_word(void *user, long sample, int start, int len)
{
    capture *c = user;
    if (c->nmarks == c->capmarks) {
        int cap = c->capmarks ? c->capmarks * 2 : 32;
        mark *m = realloc(c->marks, (size_t)cap * sizeof *m);
        if (!m) {
            c->oom = 1;
            return;
        }
        c->marks = m;
        c->capmarks = cap;
    }
    c->marks[c->nmarks++] = (mark){ sample, start, len };
}

static void usage(FILE *out)
{
    fprintf(out, "usage: ourvoice say TEXT --wav FILE [--voice V] [--language L] [--rate N]\n"
                 "                       [--pitch N] [--volume N] [--recording WAV]\n"
                 "Speak TEXT with espeak-ng into FILE (22050 Hz, mono, 16-bit WAV) and print\n"
                 "one line per word: the word, a tab, and its start time in milliseconds.\n"
                 "  --wav FILE        where to write the sound (required)\n"
                 "  --language L      language of the text, e.g. en-gb (default), cy for Welsh\n"
                 "  --voice V         an espeak-ng voice name, e.g. en-gb-scotland or en+f3\n"
                 "  --rate N          words per minute, 80-450 (default 135)\n"
                 "  --pitch N         0-100 (default 50)\n"
                 "  --volume N        0-200 (default 100)\n"
                 "  --recording WAV   use this recording of TEXT instead of synthesis\n");
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return 0;
    *out = (int)v;
    return 1;
}

int ov_cmd_say(int argc, char **argv)
{
    const char *text = NULL, *wav = NULL, *voice = "", *language = "en-gb", *recording = NULL;
    int rate = 135, pitch = 50, volume = 100;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--wav") && has)
            wav = argv[++i];
        else if (!strcmp(a, "--voice") && has)
            voice = argv[++i];
        else if (!strcmp(a, "--language") && has)
            language = argv[++i];
        else if (!strcmp(a, "--recording") && has)
            recording = argv[++i];
        else if (!strcmp(a, "--rate") && has) {
            if (!parse_int(argv[++i], 80, 450, &rate)) {
                fprintf(stderr, "ourvoice say: --rate must be a number from 80 to 450\n");
                return 2;
            }
        } else if (!strcmp(a, "--pitch") && has) {
            if (!parse_int(argv[++i], 0, 100, &pitch)) {
                fprintf(stderr, "ourvoice say: --pitch must be a number from 0 to 100\n");
                return 2;
            }
        } else if (!strcmp(a, "--volume") && has) {
            if (!parse_int(argv[++i], 0, 200, &volume)) {
                fprintf(stderr, "ourvoice say: --volume must be a number from 0 to 200\n");
                return 2;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "ourvoice say: unknown option or missing value: %s\n", a);
            usage(stderr);
            return 2;
        } else if (!text)
            text = a;
        else {
            fprintf(stderr, "ourvoice say: give the text once, in quotes\n");
            return 2;
        }
    }
    if (!text || !wav) {
        fprintf(stderr, "ourvoice say: %s\n", !text ? "no TEXT given" : "--wav FILE is required");
        usage(stderr);
        return 2;
    }

    char err[512];
    int rc = 1;
    capture c = { 0 };
    ov_sound_sink sink = { cap_audio, cap_word, &c };
    if (recording) {
        if (ov_synth_recording(text, recording, 22050, volume, &sink, err, sizeof err) != OV_OK) {
            fprintf(stderr, "ourvoice say: %s\n", err);
            goto out;
        }
    } else {
        if (ov_espeak_init(NULL, err, sizeof err) != OV_OK) {
            fprintf(stderr, "ourvoice say: %s\n", err);
            goto out;
        }
        if (ov_espeak_select_voice(language, voice, err, sizeof err) != OV_OK)
            fprintf(stderr, "ourvoice say: warning: %s\n", err);
        ov_espeak_set_prosody(rate, pitch, volume);
        if (ov_synth_text(text, &sink, err, sizeof err) != OV_OK) {
            fprintf(stderr, "ourvoice say: %s\n", err);
            goto out;
        }
    }
    if (c.oom) {
        fprintf(stderr, "ourvoice say: out of memory\n");
        goto out;
    }
    if (ov_wav_write(wav, c.samples, c.n, 22050, err, sizeof err) != OV_OK) {
        fprintf(stderr, "ourvoice say: %s\n", err);
        goto out;
    }
    for (int i = 0; i < c.nmarks; i++) {
        size_t a = ov_utf8_offset(text, (size_t)c.marks[i].start);
        size_t b = ov_utf8_offset(text, (size_t)(c.marks[i].start + c.marks[i].len));
        printf("%.*s\t%ld\n", (int)(b - a), text + a, c.marks[i].sample * 1000 / 22050);
    }
    rc = 0;
out:
    ov_espeak_term();
    free(c.samples);
    free(c.marks);
    return rc;
}
