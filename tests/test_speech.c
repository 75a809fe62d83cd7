/* test_speech.c — speech with the real espeak-ng and real SDL audio (the disk
 * driver records what the speaker would play). Checks what a member hears and
 * sees: sound that is not silent and lasts as long as the words need, words
 * highlighted in order on the right on-screen word (English, accents, Welsh),
 * the highlight following the samples actually played, a new screen cutting
 * the old speech off, recordings played instead of synthesis, and broken
 * setups (no sound device, no espeak data, a broken WAV) carrying on quietly. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "app/cli.h"
#include "platform/speech.h"
#include "platform/speech_espeak.h"
#include "platform/speech_synth.h"
#include "base/utf8.h"
#include "platform/wav.h"
#include "test_tmp.h"

static char dir[256];

static int setup(void **st)
{
    (void)st;
    ov_log_set_quiet(1);
    ov_test_tmp_template(dir, sizeof dir, "ov-speech");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* ---- capturing a rendering ---- */

typedef struct { long sample; int start, len; } mark;
typedef struct {
    int16_t *s; size_t n, cap;
    mark m[64]; int nm;
} capture;

static int cap_audio(void *user, const int16_t *s, size_t n)
{
    capture *c = user;
    if (c->n + n > c->cap) {
        c->cap = (c->n + n) * 2;
        c->s = realloc(c->s, c->cap * sizeof *c->s);
        assert_non_null(c->s);
    }
    memcpy(c->s + c->n, s, n * sizeof *s);
    c->n += n;
    return 0;
}

static void cap_word(void *user, long sample, int start, int len)
{
    capture *c = user;
    if (c->nm < 64) c->m[c->nm++] = (mark){ sample, start, len };
}

static double rms(const int16_t *s, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += (double)s[i] * s[i];
    return n ? sqrt(sum / n) : 0;
}

/* The on-screen text of a mark. */
static void mark_text(const char *text, const mark *m, char *out, size_t len)
{
    size_t a = ov_utf8_offset(text, (size_t)m->start), b = ov_utf8_offset(text, (size_t)(m->start + m->len));
    snprintf(out, len, "%.*s", (int)(b - a), text + a);
}

/* Speak `text` and check every word is heard, in order, at increasing times,
 * and the sound is loud enough and long enough for that many words. */
static void speak_and_check(const char *language, const char *text, const char **words, int nwords,
                            int rate, capture *c)
{
    char err[300];
    memset(c, 0, sizeof *c);
    assert_int_equal(ov_espeak_init(NULL, err, sizeof err), OV_OK);
    assert_int_equal(ov_espeak_select_voice(language, "", err, sizeof err), OV_OK);
    ov_espeak_set_prosody(rate, 50, 100);
    ov_sound_sink sink = { cap_audio, cap_word, c };
    assert_int_equal(ov_synth_text(text, &sink, err, sizeof err), OV_OK);
    assert_true(rms(c->s, c->n) > 1500.0);                         /* clearly audible, not silence */
    double seconds = (double)c->n / 22050.0, expect = nwords * 60.0 / rate;
    assert_true(seconds > expect * 0.5);
    assert_true(seconds < expect * 2.5 + 0.5);
    assert_int_equal(c->nm, nwords);
    for (int i = 0; i < nwords; i++) {
        char got[64];
        mark_text(text, &c->m[i], got, sizeof got);
        assert_string_equal(got, words[i]);
        if (i) assert_true(c->m[i].sample > c->m[i - 1].sample);
        assert_true(c->m[i].sample < (long)c->n);
    }
}

static void test_english_words_in_order(void **st)
{
    (void)st;
    capture c;
    const char *w[] = { "Hello", "How", "well", "does", "this", "work", "for", "you" };
    speak_and_check("en-gb", "Hello! How well does this work for you?", w, 8, 135, &c);
    assert_string_equal(ov_espeak_voice_name(), "English (Great Britain)");
    free(c.s);
    ov_espeak_term();
}

static void test_accented_words_map_to_screen(void **st)
{
    (void)st;
    capture c;
    const char *w[] = { "café", "naïve", "très", "bien" };
    speak_and_check("en-gb", "café naïve, très bien.", w, 4, 135, &c);
    assert_int_equal(c.m[1].start, 5);         /* characters, not bytes (byte offset would be 6) */
    assert_int_equal(c.m[2].start, 12);
    free(c.s);
    ov_espeak_term();
}

static void test_welsh_voice_and_words(void **st)
{
    (void)st;
    capture c;
    const char *w[] = { "Rydyn", "ni’n", "gwrando", "arnoch", "chi" };
    speak_and_check("cy", "Rydyn ni’n gwrando arnoch chi.", w, 5, 135, &c);
    assert_string_equal(ov_espeak_voice_name(), "Welsh");
    free(c.s);
    ov_espeak_term();
}

static void test_symbols_emoji_and_dots(void **st)
{
    (void)st;
    capture c;
    /* Emoji are skipped (no "thumbs up medium skin tone"), dots do not crash. */
    const char *w[] = { "Thank", "you", "50%", "done" };
    speak_and_check("en-gb", "Thank you 👍🏽.. 50% done…", w, 4, 135, &c);
    free(c.s);
    ov_espeak_term();
}

static void test_rate_changes_duration(void **st)
{
    (void)st;
    const char *w[] = { "We", "want", "to", "hear", "what", "you", "think" };
    const char *text = "We want to hear what you think.";
    capture slow, fast;
    speak_and_check("en-gb", text, w, 7, 100, &slow);
    ov_espeak_term();
    speak_and_check("en-gb", text, w, 7, 250, &fast);
    ov_espeak_term();
    assert_true(slow.n > fast.n * 3 / 2);      /* slower speech lasts clearly longer */
    free(slow.s);
    free(fast.s);
}

static void test_voice_choice_and_fallback(void **st)
{
    (void)st;
    char err[300];
    assert_int_equal(ov_espeak_init(NULL, err, sizeof err), OV_OK);
    /* "en-gb" is not a voice name, but works as a voice setting. */
    assert_int_equal(ov_espeak_select_voice("en-gb", "en-gb", err, sizeof err), OV_OK);
    assert_string_equal(ov_espeak_voice_name(), "English (Great Britain)");
    /* A voice that does not speak the content's language is not used for it. */
    assert_int_equal(ov_espeak_select_voice("cy", "en-gb", err, sizeof err), OV_ENOTFOUND);
    assert_string_equal(ov_espeak_voice_name(), "Welsh");
    assert_int_equal(ov_espeak_select_voice("zz-qq", "", err, sizeof err), OV_ENOTFOUND);
    assert_non_null(strstr(err, "zz-qq"));
    assert_true(strlen(ov_espeak_voice_name()) > 0);    /* still speaks, in English */
    ov_espeak_term();
}

/* A sink that asks to stop after the first piece of sound (a new screen). */
static int stop_audio(void *user, const int16_t *s, size_t n)
{
    (void)s;
    *(size_t *)user += n;
    return 1;
}

static void test_synthesis_abandoned_midway_then_next_is_whole(void **st)
{
    (void)st;
    char err[300];
    assert_int_equal(ov_espeak_init(NULL, err, sizeof err), OV_OK);
    assert_int_equal(ov_espeak_select_voice("en-gb", "", err, sizeof err), OV_OK);
    ov_espeak_set_prosody(135, 50, 100);
    size_t got = 0;
    ov_sound_sink stop = { stop_audio, NULL, &got };
    const char *text = "This sentence is long enough that it takes several seconds to say, and it goes on and on.";
    assert_int_equal(ov_synth_text(text, &stop, err, sizeof err), OV_SYNTH_ABORTED);
    assert_true(got > 0);
    assert_true(got < 22050);                        /* well under a second was made */
    /* The next screen is spoken in full, from its start. */
    capture c;
    memset(&c, 0, sizeof c);
    ov_sound_sink sink = { cap_audio, cap_word, &c };
    assert_int_equal(ov_synth_text("Yes, that is right.", &sink, err, sizeof err), OV_OK);
    assert_int_equal(c.nm, 4);
    assert_int_equal(c.m[0].start, 0);
    assert_true(c.n > 22050 / 2);
    assert_true(rms(c.s, c.n) > 1500.0);
    free(c.s);
    ov_espeak_term();
}

/* ---- through SDL audio ---- */

static ov_speech *open_disk(const char *file)
{
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", file, 1);
    ov_speech_config cfg;
    ov_speech_config_defaults(&cfg);
    ov_speech *s = NULL;
    assert_int_equal(ov_speech_open(&cfg, &s), OV_OK);
    assert_null(ov_speech_problem(s));
    assert_int_equal(ov_speech_has_device(s), 1);
    return s;
}

static int16_t *read_raw(const char *file, size_t *n)
{
    FILE *f = fopen(file, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    int16_t *s = malloc((size_t)len + 2);
    *n = fread(s, 2, (size_t)len / 2, f);
    fclose(f);
    return s;
}

/* Poll the highlight until speech ends; record each new word start and when. */
typedef struct { int start[32]; uint64_t at[32]; int n; } seen;
static void watch(ov_speech *s, seen *w, int timeout_ms)
{
    memset(w, 0, sizeof *w);
    uint64_t t0 = ov_now_ms();
    while (ov_speech_busy(s) && ov_now_ms() - t0 < (uint64_t)timeout_ms) {
        int a, l;
        if (ov_speech_current_word(s, &a, &l) && (w->n == 0 || w->start[w->n - 1] != a) && w->n < 32) {
            w->start[w->n] = a;
            w->at[w->n++] = ov_now_ms() - t0;
        }
        SDL_Delay(5);
    }
}

static void test_disk_audio_plays_and_highlight_follows(void **st)
{
    (void)st;
    char file[300];
    snprintf(file, sizeof file, "%s/out.raw", dir);
    ov_speech *s = open_disk(file);
    const char *text = "One, two, three, four, five.";
    ov_speech_say(s, text, NULL);
    assert_int_equal(ov_speech_busy(s), 1);
    seen w;
    watch(s, &w, 20000);
    assert_int_equal(ov_speech_busy(s), 0);
    int a, l;
    assert_int_equal(ov_speech_current_word(s, &a, &l), 0);     /* nothing highlighted after */
    double lat;
    assert_int_equal(ov_speech_latency_ms(s, &lat), 1);
    ov_speech_close(s);

    /* Every word was highlighted, in order, one after the other in time. */
    static const int starts[] = { 0, 5, 10, 17, 23 };
    assert_int_equal(w.n, 5);
    for (int i = 0; i < 5; i++) assert_int_equal(w.start[i], starts[i]);
    for (int i = 1; i < 5; i++) assert_true(w.at[i] > w.at[i - 1]);          /* moves with playback */

    /* The speaker got the speech: loud enough, as long as the words need. */
    size_t n;
    int16_t *pcm = read_raw(file, &n);
    assert_true(n > 22050);
    assert_true(rms(pcm, n) > 1000.0);
    free(pcm);
}

/* Words highlighted until speech ends: "Yes" (the word at 0, 3 long) and any
 * other. Polls at most HANG_GUARD_POLLS times, a guard against a hang only. */
enum { HANG_GUARD_POLLS = 12000 };
typedef struct { int yes, other; } highlights;
static highlights watch_highlights(ov_speech *s)
{
    highlights h = { 0, 0 };
    for (int i = 0; i < HANG_GUARD_POLLS && ov_speech_busy(s); i++) {
        int a, l;
        if (ov_speech_current_word(s, &a, &l)) {
            if (a == 0 && l == 3) h.yes = 1;
            else h.other = 1;
        }
        SDL_Delay(5);
    }
    return h;
}

static void test_new_screen_stops_old_speech(void **st)
{
    (void)st;
    char file[300];
    snprintf(file, sizeof file, "%s/cut.raw", dir);
    ov_speech *s = open_disk(file);
    ov_speech_say(s, "This is a long sentence that would take many seconds to say out loud to everyone here.", NULL);
    SDL_Delay(400);
    ov_speech_say(s, "Yes.", NULL);                               /* the next screen */
    /* Until speech ends only "Yes" is highlighted: the long sentence did not go on. */
    highlights h = watch_highlights(s);
    assert_int_equal(ov_speech_busy(s), 0);
    assert_int_equal(h.yes, 1);
    assert_int_equal(h.other, 0);

    ov_speech_say(s, "Another long sentence to stop half way through please.", NULL);
    SDL_Delay(300);
    ov_speech_stop(s);                                            /* "stop" is at once */
    int a = -1, l = 0;
    assert_int_equal(ov_speech_current_word(s, &a, &l), 0);
    h = watch_highlights(s);                                      /* and nothing more is said */
    assert_int_equal(ov_speech_busy(s), 0);
    assert_int_equal(h.yes + h.other, 0);
    ov_speech_close(s);
}

static void write_tone_wav(const char *path, int rate, int channels, double seconds)
{
    size_t frames = (size_t)(rate * seconds);
    int16_t *s = calloc(frames * channels, sizeof *s);
    for (size_t i = frames / 10; i < frames * 9 / 10; i++)       /* silence, tone, silence */
        for (int c = 0; c < channels; c++) s[i * channels + c] = (int16_t)(9000 * sin(2 * M_PI * 300 * i / rate));
    uint8_t h[44];
    size_t data = frames * channels * 2;
    memcpy(h, "RIFF", 4); uint32_t v = (uint32_t)(36 + data); memcpy(h + 4, &v, 4);
    memcpy(h + 8, "WAVEfmt ", 8); v = 16; memcpy(h + 16, &v, 4);
    uint16_t fmt = 1, ch = (uint16_t)channels, ba = (uint16_t)(2 * channels), bits = 16;
    memcpy(h + 20, &fmt, 2); memcpy(h + 22, &ch, 2); v = (uint32_t)rate; memcpy(h + 24, &v, 4);
    v = (uint32_t)(rate * ba); memcpy(h + 28, &v, 4); memcpy(h + 32, &ba, 2); memcpy(h + 34, &bits, 2);
    memcpy(h + 36, "data", 4); v = (uint32_t)data; memcpy(h + 40, &v, 4);
    FILE *f = fopen(path, "wb");
    fwrite(h, 1, 44, f);
    fwrite(s, 2, frames * channels, f);
    fclose(f);
    free(s);
}

static void test_recording_plays_instead_of_synthesis(void **st)
{
    (void)st;
    char file[300], wav[300];
    snprintf(file, sizeof file, "%s/rec.raw", dir);
    snprintf(wav, sizeof wav, "%s/question.wav", dir);
    write_tone_wav(wav, 44100, 2, 2.0);                          /* a phone-style recording */
    ov_speech *s = open_disk(file);
    ov_speech_say(s, "Do you feel listened to?", wav);
    seen w;
    watch(s, &w, 10000);
    assert_null(ov_speech_problem(s));
    ov_speech_close(s);
    assert_int_equal(w.n, 5);                                    /* each word highlighted in turn */
    assert_int_equal(w.start[4], 21);                            /* "to" */
    assert_true(w.at[0] >= 150);                                 /* not before the voice starts (0.2 s silence) */
    assert_true(w.at[4] < 2000);
    size_t n;
    int16_t *pcm = read_raw(file, &n);
    /* The tone, converted to 22050 mono, is what was played: ~2 s of it. */
    size_t loud = 0;
    for (size_t i = 0; i < n; i++) loud += pcm[i] > 8000 || pcm[i] < -8000;
    assert_true(loud > 22050 / 10);
    assert_true(rms(pcm, n) > 1500.0);
    free(pcm);
}

static void test_broken_recording_falls_back_to_voice(void **st)
{
    (void)st;
    char file[300], wav[300];
    snprintf(file, sizeof file, "%s/broken.raw", dir);
    snprintf(wav, sizeof wav, "%s/broken.wav", dir);
    FILE *f = fopen(wav, "wb");
    fputs("RIFF1234WAVEjunk that is not a wav", f);
    fclose(f);
    ov_speech *s = open_disk(file);
    ov_speech_say(s, "Hello there.", wav);
    seen w;
    watch(s, &w, 10000);
    const char *p = ov_speech_problem(s);
    assert_non_null(p);
    assert_non_null(strstr(p, "broken.wav"));                    /* the facilitator learns which file */
    assert_int_equal(w.n, 2);                                    /* the text was spoken instead */
    ov_speech_close(s);
    size_t n;
    int16_t *pcm = read_raw(file, &n);
    assert_true(rms(pcm, n) > 1000.0);
    free(pcm);
}

static void test_no_sound_device_carries_on(void **st)
{
    (void)st;
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    ov_speech_config cfg;
    ov_speech_config_defaults(&cfg);
    ov_speech *s = NULL;
    assert_int_equal(ov_speech_open(&cfg, &s), OV_OK);
    assert_int_equal(ov_speech_has_device(s), 0);
    const char *p = ov_speech_problem(s);
    assert_non_null(p);
    assert_non_null(strstr(p, "No sound device"));
    /* The highlight still moves through the words, in time, for reading along. */
    ov_speech_say(s, "One, two, three.", NULL);
    seen w;
    watch(s, &w, 10000);
    assert_int_equal(w.n, 3);
    assert_true(w.at[1] > w.at[0]);                               /* one word after another */
    assert_true(w.at[2] > w.at[1]);
    ov_speech_close(s);
    unsetenv("SDL_AUDIODRIVER");
}

static void test_welsh_content_through_speech_object(void **st)
{
    (void)st;
    char file[300];
    snprintf(file, sizeof file, "%s/cy.raw", dir);
    ov_speech *s = open_disk(file);
    ov_speech_set_language(s, "cy");
    const char *text = "Rydyn ni'n gwrando arnoch chi.";
    ov_speech_say(s, text, NULL);
    seen w;
    watch(s, &w, 10000);
    assert_null(ov_speech_problem(s));
    ov_speech_close(s);
    static const int starts[] = { 0, 6, 11, 19, 26 };
    assert_int_equal(w.n, 5);
    for (int i = 0; i < 5; i++) assert_int_equal(w.start[i], starts[i]);
}

static void test_disabled_is_silent(void **st)
{
    (void)st;
    ov_speech_config cfg;
    ov_speech_config_defaults(&cfg);
    cfg.enabled = 0;
    ov_speech *s = NULL;
    assert_int_equal(ov_speech_open(&cfg, &s), OV_OK);
    ov_speech_say(s, "Hello", NULL);
    assert_int_equal(ov_speech_busy(s), 0);
    int a, l;
    assert_int_equal(ov_speech_current_word(s, &a, &l), 0);
    ov_speech_close(s);
}

/* ---- `ourvoice say` ---- */

static void test_cli_say_writes_wav_and_word_times(void **st)
{
    (void)st;
    char wav[300], out[300];
    snprintf(wav, sizeof wav, "%s/say.wav", dir);
    snprintf(out, sizeof out, "%s/say.txt", dir);
    char *argv[] = { "say", "Is this café open? Yes.", "--wav", wav, "--rate", "150", NULL };
    fflush(stdout);
    int saved = dup(1);
    FILE *f = freopen(out, "w", stdout);
    assert_non_null(f);
    int rc = ov_cmd_say(6, argv);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    assert_int_equal(rc, 0);

    FILE *t = fopen(out, "r");
    char line[128], word[64];
    const char *expect[] = { "Is", "this", "café", "open", "Yes" };
    long ms, last = -1;
    int n = 0;
    while (fgets(line, sizeof line, t)) {
        assert_int_equal(sscanf(line, "%63[^\t]\t%ld", word, &ms), 2);
        assert_true(n < 5);
        assert_string_equal(word, expect[n]);
        assert_true(ms > last);
        last = ms;
        n++;
    }
    fclose(t);
    assert_int_equal(n, 5);

    ov_pcm pcm;
    assert_int_equal(ov_wav_load(wav, 22050, &pcm, NULL, 0), OV_OK);
    assert_true(rms(pcm.samples, pcm.n) > 1500.0);
    assert_true(last < (long)(pcm.n * 1000 / 22050));              /* the last word is inside the sound */
    ov_pcm_free(&pcm);

    char *bad[] = { "say", "hello", NULL };
    assert_int_equal(ov_cmd_say(2, bad), 2);                         /* --wav missing: usage error */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_words_in_order),
        cmocka_unit_test(test_accented_words_map_to_screen),
        cmocka_unit_test(test_welsh_voice_and_words),
        cmocka_unit_test(test_symbols_emoji_and_dots),
        cmocka_unit_test(test_rate_changes_duration),
        cmocka_unit_test(test_voice_choice_and_fallback),
        cmocka_unit_test(test_synthesis_abandoned_midway_then_next_is_whole),
        cmocka_unit_test(test_disk_audio_plays_and_highlight_follows),
        cmocka_unit_test(test_new_screen_stops_old_speech),
        cmocka_unit_test(test_recording_plays_instead_of_synthesis),
        cmocka_unit_test(test_broken_recording_falls_back_to_voice),
        cmocka_unit_test(test_no_sound_device_carries_on),
        cmocka_unit_test(test_welsh_content_through_speech_object),
        cmocka_unit_test(test_disabled_is_silent),
        cmocka_unit_test(test_cli_say_writes_wav_and_word_times),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
