/* cli_say.c — `ourvoice say TEXT --wav FILE`: speak TEXT with espeak-ng into a
 * 22050 Hz mono 16-bit WAV and print each word with its start time in ms
 * ("word<TAB>ms", one line per word), the same words the kiosk highlights. */
#include "app/cli.h"

#include "platform/speech.h"
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
                 "  --rate N          words per minute, 80-450 (default 110)\n"
                 "  --pitch N         0-100 (default 50)\n"
                 "  --volume N        0-200 (default 100)\n"
                 "  --recording WAV   use this recording of TEXT instead of synthesis\n");
}

#define SAY_OPTS 7       /* entries in the table of say_parse */
#define SAY_RATE 22050   /* samples a second of the WAV written */

/* What the command line of `ourvoice say` asks for. */
typedef struct {
    const char *text, *wav, *voice, *language, *recording;
    int rate, pitch, volume;
} say_args;

/* Parse the command line into a; returns -1 when the command goes on, else
 * its exit code (help 0, mistake 2). */
static int say_parse(say_args *a, int argc, char **argv)
{
    const ov_opt table[SAY_OPTS] = {
        { .name = "wav", .kind = OV_OPT_TEXT, .out = &a->wav },
        { .name = "voice", .kind = OV_OPT_TEXT, .out = &a->voice },
        { .name = "language", .kind = OV_OPT_TEXT, .out = &a->language },
        { .name = "recording", .kind = OV_OPT_TEXT, .out = &a->recording },
        { .name = "rate", .kind = OV_OPT_INT, .out = &a->rate, .min = 80, .max = 450 },
        { .name = "pitch", .kind = OV_OPT_INT, .out = &a->pitch, .min = 0, .max = 100 },
        { .name = "volume", .kind = OV_OPT_INT, .out = &a->volume, .min = 0, .max = 200 },
    };
    ov_opt_parser p = { .cmd = "say", .opts = table, .n_opts = SAY_OPTS, .args = &a->text,
                        .max_args = 1 };
    int done = ov_cli_parse(&p, argc, argv, usage);
    if (done >= 0)
        return done;
    if (!a->text || !a->wav) {
        fprintf(stderr, "ourvoice say: %s\n", !a->text ? "no TEXT given" : "--wav FILE is required");
        usage(stderr);
        return 2;
    }
    return -1;
}

/* Speak a->text (or play a->recording) into sink; returns OV_OK, or an error
 * with its message printed. */
static int say_synth(const say_args *a, ov_sound_sink *sink)
{
    char err[OV_ERR_LEN];
    if (a->recording) {
        if (ov_synth_recording(a->text, a->recording, SAY_RATE, a->volume, sink, err, sizeof err) == OV_OK)
            return OV_OK;
    } else if (ov_espeak_init(NULL, err, sizeof err) == OV_OK) {
        if (ov_espeak_select_voice(a->language, a->voice, err, sizeof err) != OV_OK)
            fprintf(stderr, "ourvoice say: warning: %s\n", err);
        ov_espeak_set_prosody(a->rate, a->pitch, a->volume);
        if (ov_synth_text(a->text, sink, err, sizeof err) == OV_OK)
            return OV_OK;
    }
    fprintf(stderr, "ourvoice say: %s\n", err);
    return OV_EIO;
}

/* Print each word of text with its start time in ms. */
static void print_marks(const char *text, const capture *c)
{
    for (int i = 0; i < c->nmarks; i++) {
        size_t a = ov_utf8_offset(text, (size_t)c->marks[i].start);
        size_t b = ov_utf8_offset(text, (size_t)(c->marks[i].start + c->marks[i].len));
        printf("%.*s\t%ld\n", (int)(b - a), text + a, c->marks[i].sample * OV_MS_PER_S / SAY_RATE);
    }
}

int ov_cmd_say(int argc, char **argv)
{
    say_args a = { .voice = "", .language = "en-gb", .rate = OV_SPEECH_DEFAULT_WPM,
                   .pitch = OV_SPEECH_DEFAULT_PITCH, .volume = OV_SPEECH_DEFAULT_VOLUME };
    int rc = say_parse(&a, argc, argv);
    if (rc >= 0)
        return rc;
    char err[OV_ERR_LEN];
    rc = 1;
    capture c = { 0 };
    ov_sound_sink sink = { cap_audio, cap_word, &c };
    if (say_synth(&a, &sink) != OV_OK)
        goto out;
    if (c.oom) {
        fprintf(stderr, "ourvoice say: out of memory\n");
        goto out;
    }
    if (ov_wav_write(a.wav, c.samples, c.n, SAY_RATE, err, sizeof err) != OV_OK) {
        fprintf(stderr, "ourvoice say: %s\n", err);
        goto out;
    }
    print_marks(a.text, &c);
    rc = 0;
out:
    ov_espeak_term();
    free(c.samples);
    free(c.marks);
    return rc;
}
