/* speech_synth.c — text -> cleaned text -> espeak samples + word marks mapped
 * back to the original text; or recording -> samples + proportional marks. */
#include "platform/speech_synth.h"

#include "platform/speech_espeak.h"
#include "ui/speech_text.h"
#include "platform/wav.h"

#include <stdlib.h>
#include <string.h>

#define VOICE_MIN_LEVEL 328 /* a sample this loud (about -40 dBFS) is voice, not silence */
#define VOLUME_NORMAL 100  /* the volume setting that plays a recording as it is (%) */

typedef struct {
    const ov_sound_sink *sink;
    const ov_clean_text *ct;
    ov_word_span *words;
    int nwords;
    int last_word;        /* index of the last word reported, -1 before any */
} text_job;

static int job_audio(void *user, const int16_t *s, size_t n)
{
    text_job *j = user;
    return j->sink->audio ? j->sink->audio(j->sink->user, s, n) : 0;
}

static void job_word(void *user, long sample, int pos, int len)
{
    text_job *j = user;
    int a = ov_clean_to_original(j->ct, pos);
    int b = ov_clean_to_original(j->ct, pos + (len > 0 ? len : 1) - 1);
    int w = ov_speech_word_at(j->words, j->nwords, a, b - a + 1);
    if (w < 0 || w <= j->last_word) return;   /* same word again ("2024" = 4 events), or a step back */
    j->last_word = w;
    if (j->sink->word) j->sink->word(j->sink->user, sample, j->words[w].start, j->words[w].len);
}

int ov_synth_text(const char *text, const ov_sound_sink *sink, char *err, size_t errlen)
{
    if (!text || !sink) return ov_fail(err, errlen, OV_EINVAL, "nothing to say");
    ov_clean_text ct;
    int rc = ov_speech_clean(text, &ct);
    if (rc != OV_OK) return ov_fail(err, errlen, rc, "out of memory preparing speech");
    text_job j = { .sink = sink, .ct = &ct, .last_word = -1 };
    int n = ov_speech_words(text, NULL, 0);
    j.words = malloc((size_t)(n > 0 ? n : 1) * sizeof *j.words);
    if (!j.words) {
        rc = ov_fail(err, errlen, OV_ENOMEM, "out of memory preparing speech");
        goto out;
    }
    j.nwords = ov_speech_words(text, j.words, n);
    if (!ov_clean_text_speakable(&ct)) goto out;
    ov_sound_sink es = { .audio = job_audio, .word = job_word, .user = &j };
    rc = ov_espeak_synth(ct.text, &es, err, errlen);
    if (rc == OV_ESPEAK_ABORTED) rc = OV_SYNTH_ABORTED;
out:
    free(j.words);
    ov_clean_text_free(&ct);
    return rc;
}

/* First/last sample louder than about -40 dBFS: where the voice is. */
static void sound_bounds(const int16_t *s, size_t n, long *lead, long *tail)
{
    const int th = VOICE_MIN_LEVEL;
    size_t a = 0, b = n;
    while (a < n && abs(s[a]) < th) a++;
    while (b > a && abs(s[b - 1]) < th) b--;
    *lead = (long)a;
    *tail = (long)(n - b);
}

int ov_synth_recording(const char *text, const char *path, int rate, int volume,
                        const ov_sound_sink *sink, char *err, size_t errlen)
{
    if (!path || !sink) return ov_fail(err, errlen, OV_EINVAL, "no recording given");
    ov_pcm pcm;
    long *starts = NULL;
    ov_word_span *words = NULL;
    int rc = ov_wav_load(path, rate, &pcm, err, errlen);
    if (rc != OV_OK) return rc;
    if (volume != VOLUME_NORMAL) {
        for (size_t i = 0; i < pcm.n; i++) {
            long v = (long)pcm.samples[i] * volume / VOLUME_NORMAL;
            pcm.samples[i] = (int16_t)(v > INT16_MAX ? INT16_MAX : v < INT16_MIN ? INT16_MIN : v);
        }
    }
    int n = ov_speech_words(text ? text : "", NULL, 0);
    words = malloc((size_t)(n > 0 ? n : 1) * sizeof *words);
    starts = malloc((size_t)(n > 0 ? n : 1) * sizeof *starts);
    if (!words || !starts) {
        rc = ov_fail(err, errlen, OV_ENOMEM, "out of memory playing %s", path);
        goto out;
    }
    ov_speech_words(text ? text : "", words, n);
    long lead, tail;
    sound_bounds(pcm.samples, pcm.n, &lead, &tail);
    ov_speech_spread(words, n, lead, (long)pcm.n, tail, starts);
    for (int i = 0; i < n; i++)
        if (sink->word) sink->word(sink->user, starts[i], words[i].start, words[i].len);
    const size_t chunk = 4096;   /* hand over in pieces so a stop is noticed quickly */
    for (size_t at = 0; at < pcm.n; at += chunk) {
        size_t k = pcm.n - at < chunk ? pcm.n - at : chunk;
        if (sink->audio && sink->audio(sink->user, pcm.samples + at, k)) {
            rc = OV_SYNTH_ABORTED;
            goto out;
        }
    }
out:
    free(words);
    free(starts);
    ov_pcm_free(&pcm);
    return rc;
}
