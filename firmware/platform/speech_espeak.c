/* speech_espeak.c — espeak-ng behind a small interface: init without exit,
 * voice by properties, prosody, synchronous synthesis to a sink with word
 * events as 0-based character positions. The only file including espeak-ng. */
#include "platform/speech_espeak.h"
#include "platform/speech.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <string.h>

#define ESPEAK_BUFFER_MS 40 /* espeak-ng hands over its sound in pieces this long */

static int g_ready;
static int g_rate;
static const ov_sound_sink *g_sink;   /* valid only inside ov_espeak_synth */
static int g_aborted;
static long g_samples;                 /* samples delivered in this synthesis */

static void status_text(espeak_ng_STATUS st, char *buf, size_t len)
{
    espeak_ng_GetStatusCodeMessage(st, buf, len);
}

static int synth_callback(short *wav, int n, espeak_EVENT *ev)
{
    const ov_sound_sink *sink = g_sink;
    if (!sink || g_aborted) return 1;
    for (; ev && ev->type != espeakEVENT_LIST_TERMINATED; ev++) {
        if (ev->type != espeakEVENT_WORD || ev->length <= 0) continue;   /* length 0: end marker */
        long at = (long)ev->audio_position * g_rate / OV_MS_PER_S;
        if (sink->word) sink->word(sink->user, at, ev->text_position - 1, ev->length);
    }
    if (wav && n > 0) {
        g_samples += n;
        if (sink->audio && sink->audio(sink->user, wav, (size_t)n)) {
            g_aborted = 1;
            return 1;
        }
    }
    return 0;
}

int ov_espeak_init(const char *data_dir, char *err, size_t errlen)
{
    if (g_ready) return OV_OK;      /* once per process: see ov_espeak_term */
    char msg[OV_REASON_LEN];
    espeak_ng_InitializePath(data_dir);
    espeak_ng_ERROR_CONTEXT ctx = NULL;
    espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
    if (st != ENS_OK) {
        status_text(st, msg, sizeof msg);
        espeak_ng_ClearErrorContext(&ctx);
        return ov_fail(err, errlen, OV_ENOTFOUND,
                       "No speech: espeak-ng data could not be loaded from %s (%s). Install the "
                       "espeak-ng-data package%s",
                       data_dir ? data_dir : "its default folder", msg,
                       data_dir ? " or fix the data path" : " or unset ESPEAK_DATA_PATH");
    }
    espeak_ng_ClearErrorContext(&ctx);
    st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, ESPEAK_BUFFER_MS, NULL);
    if (st != ENS_OK) {
        status_text(st, msg, sizeof msg);
        espeak_ng_Terminate();
        return ov_fail(err, errlen, OV_EIO, "No speech: espeak-ng could not start (%s); reinstall espeak-ng",
                       msg);
    }
    espeak_SetSynthCallback(synth_callback);
    g_rate = espeak_ng_GetSampleRate();
    g_ready = 1;
    return OV_OK;
}

int ov_espeak_ready(void) { return g_ready; }

/* Primary language subtag of s ("en" of "en-gb"), into out. */
static void primary(const char *s, char *out, size_t len)
{
    size_t i = 0;
    for (; s && s[i] && s[i] != '-' && s[i] != '_' && i + 1 < len; i++)
        out[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
    out[i] = '\0';
}

/* 1 when the current voice lists a language with the same primary subtag. */
static int current_voice_speaks(const char *language)
{
    espeak_VOICE *v = espeak_GetCurrentVoice();
    if (!v || !v->languages) return 0;
    if (!language || !language[0]) return 1;
    char want[OV_SPEECH_LANG_LEN], have[OV_SPEECH_LANG_LEN];
    primary(language, want, sizeof want);
    for (const char *p = v->languages; *p; p += strlen(p + 1) + 2) {   /* priority byte + name + NUL */
        primary(p + 1, have, sizeof have);
        if (!strcmp(want, have)) return 1;
    }
    return 0;
}

static int by_language(const char *language)
{
    espeak_VOICE sel;
    memset(&sel, 0, sizeof sel);
    sel.languages = language;
    return espeak_ng_SetVoiceByProperties(&sel) == ENS_OK && current_voice_speaks(language);
}

int ov_espeak_select_voice(const char *language, const char *voice, char *err, size_t errlen)
{
    if (!g_ready) return ov_fail(err, errlen, OV_EINVAL, "espeak-ng is not running");
    const char *lang = (language && language[0]) ? language : "en";
    if (voice && voice[0]) {
        if (espeak_ng_SetVoiceByName(voice) == ENS_OK && current_voice_speaks(lang)) return OV_OK;
        if (by_language(voice) && current_voice_speaks(lang)) return OV_OK;   /* "en-gb" given as a voice */
    }
    if (by_language(lang)) {
        if (voice && voice[0])
            return ov_fail(err, errlen, OV_ENOTFOUND,
                           "Voice '%s' was not found or does not speak '%s'; using %s. Run `espeak-ng "
                           "--voices=%s` to list voices",
                           voice, lang, ov_espeak_voice_name(), lang);
        return OV_OK;
    }
    char prim[OV_SPEECH_LANG_LEN];
    primary(lang, prim, sizeof prim);
    if (strcmp(prim, lang) && by_language(prim))
        return ov_fail(err, errlen, OV_ENOTFOUND, "No voice for language '%s'; using %s", lang,
                       ov_espeak_voice_name());
    by_language("en");
    return ov_fail(err, errlen, OV_ENOTFOUND,
                   "No voice for language '%s'; speaking English instead. "
                   "Check the content's language code", lang);
}

const char *ov_espeak_voice_name(void)
{
    espeak_VOICE *v = g_ready ? espeak_GetCurrentVoice() : NULL;
    return v && v->name ? v->name : "";
}

#define PITCH_MAX 100    /* espeak-ng's pitch range is 0..100 */
#define VOLUME_MAX 200   /* espeak-ng's volume range is 0..200 (100 = normal) */

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

int ov_espeak_set_prosody(int rate_wpm, int pitch, int volume)
{
    if (!g_ready) return OV_EINVAL;
    espeak_ng_SetParameter(espeakRATE, clamp(rate_wpm, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);
    espeak_ng_SetParameter(espeakPITCH, clamp(pitch, 0, PITCH_MAX), 0);
    espeak_ng_SetParameter(espeakVOLUME, clamp(volume, 0, VOLUME_MAX), 0);
    return OV_OK;
}

int ov_espeak_set_word_gap(int gap_10ms)
{
    if (!g_ready) return OV_EINVAL;
    espeak_ng_SetParameter(espeakWORDGAP, clamp(gap_10ms, 0, OV_ESPEAK_WORD_GAP_MAX), 0);
    return OV_OK;
}

int ov_espeak_synth(const char *text, const ov_sound_sink *sink, char *err, size_t errlen)
{
    if (!g_ready) return ov_fail(err, errlen, OV_EINVAL, "espeak-ng is not running");
    if (!text || !sink) return ov_fail(err, errlen, OV_EINVAL, "nothing to say");
    g_sink = sink;
    g_aborted = 0;
    g_samples = 0;
    espeak_ng_STATUS st = espeak_ng_Synthesize(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
                                               espeakCHARS_UTF8, NULL, NULL);
    int aborted = g_aborted;
    g_sink = NULL;
    if (aborted) {
        espeak_ng_Cancel();        /* drop anything espeak still holds for this text */
        return OV_ESPEAK_ABORTED;
    }
    if (st != ENS_OK) {
        char msg[OV_REASON_LEN];
        status_text(st, msg, sizeof msg);
        return ov_fail(err, errlen, OV_EIO, "espeak-ng could not speak the text (%s)", msg);
    }
    return OV_OK;
}

void ov_espeak_term(void)
{
    /* Deliberately keeps espeak-ng loaded: in 1.51 a second
     * espeak_ng_Terminate() (after terminate + initialize) waits forever on
     * its fifo thread. The OS frees everything at exit. */
    if (g_ready) espeak_ng_Cancel();
}
