/* speech.c — the speech object: one thread owns espeak-ng and renders each
 * request into memory; the SDL audio callback plays it; the word highlighted
 * follows the samples the callback has consumed. The only file calling SDL
 * audio. A generation counter abandons stale work: ov_speech_say/stop bump it,
 * the playback buffer is cleared at once, and the synthesis in flight sees the
 * new generation in its next audio chunk and aborts. */
#include "platform/speech.h"
#include "platform/audio_device.h"
#include "platform/audio_thread.h"

#include "platform/speech_espeak.h"
#include "platform/speech_synth.h"

#include <SDL.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define OV_SPEECH_RATE 22050
/* 93 ms per callback (SDL's ALSA buffer holds 2: 186 ms). 512 (46 ms buffered) underran whenever the
 * audio thread was late at a device (re)start; 1024 (93 ms buffered) still about once a run of
 * make test-system-ci (#16). A press is heard within 0.2 s (make bench: speech latency). */
#define DEVICE_SAMPLES 2048
#define MAX_AUDIO_DEVICES 32     /* audio outputs looked at when picking the speaker */
#define SOUND_THRESHOLD 300      /* a sample louder than this (about -40 dBFS) is sound, for latency */
#define US_PER_S 1000000u
#define WAIT_POLL_MS 5           /* ov_speech_wait looks this often */
#define FIRST_BUFFER_SECONDS 4   /* first sample buffer; doubled as needed */
#define FIRST_MARKS 64           /* first word-mark buffer; doubled as needed */
#define MS_PER_MINUTE 60000
#define WORD_GAP_UNIT_MS 10      /* espeak's word gap counts in 10 ms */
#define PERCENT 100
#define ESPEAK_GAP_WPM 175       /* the rate espeak's word-gap units are given at */
#define IDLE_CLOSE_MS 2000       /* the audio device closes after this long with nothing to play */

/* Member rate steps: 50 % .. 200 % of the configured rate (issue 13, VVSG: 6-8 steps). */
static const int rate_percent[OV_SPEECH_RATE_STEPS] = { 50, 65, 80, 100, 125, 160, 200 };

typedef struct {
    char *text;
    int char_offset;
    char *rec;
} owned_part;

typedef struct {
    long sample;
    int start, len;
} word_mark;

struct ov_speech {
    ov_speech_config cfg;
    SDL_Thread *thread;
    SDL_sem *ready;               /* thread finished starting espeak */
    SDL_atomic_t gen;             /* generation of the newest say/stop */

    /* Request queue (one slot: only the newest request matters). req_lock. */
    SDL_mutex *req_lock;
    SDL_cond *req_cond;
    owned_part req_parts[OV_SPEECH_MAX_PARTS];
    int req_n;
    int rate_step, volume_step; /* member controls (req_lock) */
    int req_gen, req_pending, working, quit;
    char req_language[OV_SPEECH_LANG_LEN]; /* language wanted for the next synthesis */

    /* Playback state. play_lock (also taken by the audio callback). */
    SDL_mutex *play_lock;
    int play_gen;
    int16_t *samples;
    size_t n, cap, pos;           /* pos = samples consumed by the callback */
    int done;                     /* rendering of play_gen finished */
    word_mark *marks;
    int nmarks, capmarks;
    int dev_samples;              /* samples a callback, as the device was opened */
    uint64_t chunk_us;            /* when the callback last took samples... */
    size_t chunk_pos, chunk_len;  /* ...from where, and how many */
    uint64_t say_us;              /* when play_gen was asked for */
    int64_t first_sound_us;       /* first non-silent sample consumed, -1 before */
    uint64_t virtual_t0_us;       /* no device: clock playback from here */
    int virtual_started;

    SDL_AudioDeviceID dev;        /* 0 while closed (play_lock; set by open/close_device) */
    int rt_wanted;                /* the driver plays to a real device: make its thread real-time */
    SDL_atomic_t rt_tried;        /* the callback asked for real time on this opening */
    SDL_atomic_t rt_result;       /* what it got: 0 or the refusal's errno */
    int rt_logged;                /* the speech thread logged the outcome (once) */
    int has_output;               /* a device opened at start: reopen it after silence */
    char dev_name[OV_SPEECH_DEVICE_LEN]; /* the device picked, "" = SDL's default */
    int audio_inited;
    char problem[OV_ERR_LEN];     /* play_lock */
    char problem_out[OV_ERR_LEN]; /* copy returned by ov_speech_problem */
    ov_problem problem_code;      /* play_lock: the first problem's code, for the screens */
};

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * US_PER_S + (uint64_t)ts.tv_nsec / 1000u;
}

void ov_speech_config_defaults(ov_speech_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    ov_strlcpy(cfg->language, "en-gb", sizeof cfg->language);
    cfg->rate = OV_SPEECH_DEFAULT_WPM;
    cfg->pitch = OV_SPEECH_DEFAULT_PITCH;
    cfg->volume = OV_SPEECH_DEFAULT_VOLUME;
    cfg->enabled = 1;
}

/* Record a problem for the facilitator (once per distinct sentence); the
 * first one's code is what the screens say. */
static void add_problem(ov_speech *s, ov_problem code, const char *msg)
{
    SDL_LockMutex(s->play_lock);
    int seen = strstr(s->problem, msg) != NULL;
    if (!s->problem[0])
        s->problem_code = code;
    if (!seen) {
        size_t used = strlen(s->problem);
        if (used && used + 2 < sizeof s->problem) {
            strcat(s->problem, " ");
            used++;
        }
        ov_strlcpy(s->problem + used, msg, sizeof s->problem - used);
    }
    SDL_UnlockMutex(s->play_lock);
    if (!seen) ov_log_warn("speech: %s", msg);
}

/* ---- audio callback (SDL's audio thread) ---- */

static void audio_callback(void *user, Uint8 *stream, int len)
{
    ov_speech *s = user;
    int16_t *out = (int16_t *)stream;
    size_t want = (size_t)len / sizeof(int16_t), k = 0;
    if (s->rt_wanted && !SDL_AtomicGet(&s->rt_tried)) { /* first callback of this opening */
        SDL_AtomicSet(&s->rt_result, ov_audio_thread_make_realtime());
        SDL_AtomicSet(&s->rt_tried, 1);
    }
    SDL_LockMutex(s->play_lock);
    if (s->pos < s->n) {
        k = s->n - s->pos;
        if (k > want) k = want;
        memcpy(out, s->samples + s->pos, k * sizeof(int16_t));
        if (s->first_sound_us < 0) {
            for (size_t i = 0; i < k; i++)
                if (out[i] > SOUND_THRESHOLD || out[i] < -SOUND_THRESHOLD) {
                    s->first_sound_us = (int64_t)now_us();
                    break;
                }
        }
    }
    s->chunk_us = now_us();
    s->chunk_pos = s->pos;
    s->chunk_len = k;
    s->pos += k;
    SDL_UnlockMutex(s->play_lock);
    if (k < want) memset(out + k, 0, (want - k) * sizeof(int16_t));
}

/* Samples heard so far (play_lock held): the callback's position, moved on
 * through the chunk it handed over by the time since; or a clock when there
 * is no sound device. */
static size_t heard_pos(ov_speech *s, uint64_t t)
{
    if (!s->dev) {
        if (!s->virtual_started) return 0;
        uint64_t p = (t - s->virtual_t0_us) * OV_SPEECH_RATE / US_PER_S;
        return p < s->n ? (size_t)p : s->n;
    }
    uint64_t into = (t - s->chunk_us) * OV_SPEECH_RATE / US_PER_S;
    if (into > s->chunk_len) into = s->chunk_len;
    return s->chunk_pos + (size_t)into;
}

/* ---- the render sink (speech thread) ---- */

typedef struct {
    ov_speech *s;
    int gen;
    int char_offset;  /* the part's first character in the whole reading */
    long sample_base; /* samples of the reading before this part */
    double gain;      /* member volume */
} render_ctx;

static int16_t scale_sample(int16_t v, double gain)
{
    double x = v * gain;
    return (int16_t)(x > INT16_MAX ? INT16_MAX : x < INT16_MIN ? INT16_MIN : x);
}

static int sink_audio(void *user, const int16_t *samp, size_t n)
{
    render_ctx *c = user;
    ov_speech *s = c->s;
    if (SDL_AtomicGet(&s->gen) != c->gen) return 1;
    int stale = 0, oom = 0;
    SDL_LockMutex(s->play_lock);
    if (s->play_gen != c->gen) {
        stale = 1;
    } else {
        if (s->n + n > s->cap) {
            size_t cap = s->cap ? s->cap * 2 : OV_SPEECH_RATE * FIRST_BUFFER_SECONDS;
            while (cap < s->n + n) cap *= 2;
            int16_t *t = realloc(s->samples, cap * sizeof *t);
            if (t) {
                s->samples = t;
                s->cap = cap;
            } else {
                oom = 1;
            }
        }
        if (!oom) {
            memcpy(s->samples + s->n, samp, n * sizeof *samp);
            if (c->gain != 1.0)
                for (size_t i = 0; i < n; i++)
                    s->samples[s->n + i] = scale_sample(s->samples[s->n + i], c->gain);
            s->n += n;
            if (!s->virtual_started) {
                s->virtual_started = 1;
                s->virtual_t0_us = now_us();
            }
        }
    }
    SDL_UnlockMutex(s->play_lock);
    if (oom) add_problem(s, OV_PROBLEM_VOICE, "Out of memory for speech; the text was cut short.");
    return stale || oom;
}

static void sink_word(void *user, long sample, int start, int len)
{
    render_ctx *c = user;
    ov_speech *s = c->s;
    SDL_LockMutex(s->play_lock);
    if (s->play_gen == c->gen) {
        if (s->nmarks == s->capmarks) {
            int cap = s->capmarks ? s->capmarks * 2 : FIRST_MARKS;
            word_mark *m = realloc(s->marks, (size_t)cap * sizeof *m);
            if (m) {
                s->marks = m;
                s->capmarks = cap;
            }
        }
        if (s->nmarks < s->capmarks)
            s->marks[s->nmarks++] = (word_mark){ sample + c->sample_base, start + c->char_offset, len };
    }
    SDL_UnlockMutex(s->play_lock);
}

/* ---- audio device: opened by ov_speech_open, closed by the speech thread
 * after IDLE_CLOSE_MS of silence and opened again by it for the next request
 * (SDL 2's audio thread keeps waking while paused: closing lets the CPU sleep) ---- */

/* Open the device chosen by choose_audio (s->dev_name, "" = SDL's default) and
 * start it. Returns 1 when open; else 0 with a problem recorded. Never holds
 * play_lock while calling SDL (the callback takes it). */
static int open_device(ov_speech *s)
{
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = OV_SPEECH_RATE;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = DEVICE_SAMPLES;
    want.callback = audio_callback;
    want.userdata = s;
    const char *name = s->dev_name[0] ? s->dev_name : NULL;
    char msg[OV_ERR_LEN];
    s->rt_wanted = ov_audio_driver_is_real(SDL_GetCurrentAudioDriver());
    SDL_AtomicSet(&s->rt_tried, 0);
    SDL_AudioDeviceID dev = SDL_OpenAudioDevice(name, 0, &want, &have, 0);
    if (!dev && name) {
        snprintf(msg, sizeof msg, "Sound device '%s' could not be opened (%s); using the default device. "
                 "Check [speech] audio_device in the settings.", name, SDL_GetError());
        add_problem(s, OV_PROBLEM_SOUND_DEVICE, msg);
        s->dev_name[0] = '\0';
        dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    }
    if (!dev) {
        snprintf(msg, sizeof msg, "No sound device: %s. Check the speaker is connected; "
                 "the kiosk carries on without sound.", SDL_GetError());
        add_problem(s, OV_PROBLEM_NO_SOUND, msg);
        return 0;
    }
    SDL_LockMutex(s->play_lock);
    s->dev = dev;
    s->dev_samples = have.samples;
    s->chunk_us = now_us();
    SDL_UnlockMutex(s->play_lock);
    SDL_PauseAudioDevice(dev, 0);
    return 1;
}

/* Log once whether SDL's audio thread got real-time scheduling (the callback
 * asked for it; it cannot log itself). */
static void log_realtime_once(ov_speech *s)
{
    if (s->rt_logged || !s->rt_wanted || !SDL_AtomicGet(&s->rt_tried))
        return;
    s->rt_logged = 1;
    int e = SDL_AtomicGet(&s->rt_result);
    if (e == 0)
        ov_log_info("sound: the audio thread plays in real time (SCHED_RR %d)", OV_AUDIO_RT_PRIORITY);
    else
        ov_log_warn("sound: the audio thread could not play in real time (%s), so speech may stutter when "
                    "the system is busy. ourvoice.service allows it with LimitRTPRIO=%d.",
                    strerror(e), OV_AUDIO_RT_PRIORITY);
}

/* Close the device (its audio thread ends; SDL waits for it, ~2 buffers). */
static void close_device(ov_speech *s)
{
    if (!s->dev)
        return;
    SDL_LockMutex(s->play_lock);
    SDL_AudioDeviceID dev = s->dev;
    s->dev = 0;
    SDL_UnlockMutex(s->play_lock);
    if (dev)
        SDL_CloseAudioDevice(dev);
    log_realtime_once(s);
}

/* Start SDL audio and pick the speaker by name: the configured one, else HDMI,
 * USB, then the jack (the Pi 5 and Zero 2 W have no jack); SDL's default when
 * it lists no devices. Then open it once, to find out now whether sound works. */
static void open_audio(ov_speech *s)
{
    char msg[OV_ERR_LEN];
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(msg, sizeof msg, "No sound device: SDL audio could not start (%s). "
                 "Check the speaker is connected and the sound driver works; the kiosk carries on without "
                 "sound.",
                 SDL_GetError());
        add_problem(s, OV_PROBLEM_NO_SOUND, msg);
        return;
    }
    s->audio_inited = 1;
    const char *names[MAX_AUDIO_DEVICES];
    int n = SDL_GetNumAudioDevices(0), pick = -1;
    if (n > MAX_AUDIO_DEVICES) {
        ov_log_warn("sound: %d audio outputs, only the first %d (MAX_AUDIO_DEVICES) are considered",
                    n, MAX_AUDIO_DEVICES);
        n = MAX_AUDIO_DEVICES;
    }
    for (int i = 0; i < n; i++)
        names[i] = SDL_GetAudioDeviceName(i, 0);
    if (n > 0 && ov_pick_audio_device(names, n, s->cfg.audio_device, &pick) == OV_OK && names[pick])
        ov_strlcpy(s->dev_name, names[pick], sizeof s->dev_name);
    else
        ov_strlcpy(s->dev_name, s->cfg.audio_device, sizeof s->dev_name);
    s->has_output = open_device(s);
    if (s->has_output)
        ov_log_info("sound: %s, %d samples (%d ms) a period", s->dev_name[0] ? s->dev_name : "default device",
                    s->dev_samples, s->dev_samples * 1000 / OV_SPEECH_RATE);
}

/* 1 when everything asked for has been played (play_lock taken here). */
static int playback_idle(ov_speech *s)
{
    SDL_LockMutex(s->play_lock);
    int idle = s->done && heard_pos(s, now_us()) >= s->n;
    SDL_UnlockMutex(s->play_lock);
    return idle;
}

/* Speech thread, req_lock held: wait for a request or quit. While the device
 * is open, look once every IDLE_CLOSE_MS and close it after that long with
 * nothing to play; with it closed, sleep until asked. */
static void wait_for_request(ov_speech *s)
{
    uint64_t idle_since = 0;
    while (!s->req_pending && !s->quit) {
        if (!s->dev) {
            SDL_CondWait(s->req_cond, s->req_lock);
            continue;
        }
        if (!playback_idle(s)) {
            idle_since = 0;
        } else if (!idle_since) {
            idle_since = now_us();
        } else if (now_us() - idle_since >= (uint64_t)IDLE_CLOSE_MS * 1000u) {
            SDL_UnlockMutex(s->req_lock);     /* closing waits for SDL's audio thread */
            close_device(s);
            SDL_LockMutex(s->req_lock);
            continue;
        }
        SDL_CondWaitTimeout(s->req_cond, s->req_lock, IDLE_CLOSE_MS);
    }
}

/* Speech thread, before rendering a request: open the device again when it
 * was closed for silence (samples wait in the buffer: none is skipped). */
static void wake_device(ov_speech *s)
{
    if (s->has_output && !s->dev)
        open_device(s);
}

/* ---- the speech thread ---- */

static void apply_voice(ov_speech *s, const char *language)
{
    char err[OV_REASON_LEN];
    if (ov_espeak_select_voice(language, s->cfg.voice, err, sizeof err) != OV_OK)
        add_problem(s, OV_PROBLEM_VOICE, err);
    ov_espeak_set_prosody(s->cfg.rate, s->cfg.pitch, s->cfg.volume);
}

/* The espeak rate for a member rate step: below espeak's slowest rate the
 * words get a pause between them instead (pitch never changes). */
static void apply_rate(ov_speech *s, int rate_step)
{
    int wpm = s->cfg.rate * ov_speech_rate_percent(rate_step) / PERCENT;
    int gap = 0;
    if (wpm < OV_ESPEAK_MIN_WPM) {
        /* espeak stretches its word gap at slow rates: units count at 175 wpm */
        gap = (MS_PER_MINUTE / wpm - MS_PER_MINUTE / OV_ESPEAK_MIN_WPM) * OV_ESPEAK_MIN_WPM /
              (ESPEAK_GAP_WPM * WORD_GAP_UNIT_MS);
        wpm = OV_ESPEAK_MIN_WPM;
    }
    ov_espeak_set_prosody(wpm, s->cfg.pitch, s->cfg.volume);
    ov_espeak_set_word_gap(gap);
}

static void speak_one(ov_speech *s, const owned_part *part, int gen, double gain)
{
    const char *text = part->text ? part->text : "", *rec = part->rec;
    SDL_LockMutex(s->play_lock);
    long base = (long)s->n;
    SDL_UnlockMutex(s->play_lock);
    render_ctx c = { s, gen, part->char_offset, base, gain };
    ov_sound_sink sink = { sink_audio, sink_word, &c };
    char err[OV_ERR_LEN];
    if (rec && rec[0]) {
        int rc = ov_synth_recording(text, rec, OV_SPEECH_RATE, s->cfg.volume, &sink, err, sizeof err);
        if (rc == OV_OK || rc == OV_SYNTH_ABORTED) return;
        char msg[OV_ERR_LEN];
        snprintf(msg, sizeof msg, "Recording not played: %s. Speaking the text instead.", err);
        add_problem(s, OV_PROBLEM_RECORDING, msg);
    }
    if (!ov_espeak_ready()) return;
    int rc = ov_synth_text(text, &sink, err, sizeof err);
    if (rc != OV_OK && rc != OV_SYNTH_ABORTED) add_problem(s, OV_PROBLEM_VOICE, err);
}

static int speech_thread(void *arg)
{
    ov_speech *s = arg;
    char err[OV_ERR_LEN];
    if (ov_espeak_init(NULL, err, sizeof err) != OV_OK) add_problem(s, OV_PROBLEM_VOICE, err);
    char language[OV_SPEECH_LANG_LEN];
    ov_strlcpy(language, s->cfg.language, sizeof language);
    if (ov_espeak_ready()) apply_voice(s, language);
    SDL_SemPost(s->ready);

    for (;;) {
        SDL_LockMutex(s->req_lock);
        wait_for_request(s);
        if (s->quit) {
            SDL_UnlockMutex(s->req_lock);
            break;
        }
        owned_part parts[OV_SPEECH_MAX_PARTS];
        int n = s->req_n, rate_step = s->rate_step;
        double gain = pow(10.0, ov_speech_volume_db(s->volume_step) / 20.0);
        memcpy(parts, s->req_parts, sizeof parts);
        s->req_n = 0;
        int gen = s->req_gen;
        s->req_pending = 0;
        s->working = 1;
        int new_language = strcmp(language, s->req_language) != 0;
        if (new_language) ov_strlcpy(language, s->req_language, sizeof language);
        SDL_UnlockMutex(s->req_lock);

        wake_device(s);
        if (new_language && ov_espeak_ready()) apply_voice(s, language);
        if (ov_espeak_ready()) apply_rate(s, rate_step);
        for (int i = 0; i < n && SDL_AtomicGet(&s->gen) == gen; i++)
            speak_one(s, &parts[i], gen, gain);

        SDL_LockMutex(s->play_lock);
        if (s->play_gen == gen) s->done = 1;
        SDL_UnlockMutex(s->play_lock);
        for (int i = 0; i < n; i++) {
            free(parts[i].text);
            free(parts[i].rec);
        }
        SDL_LockMutex(s->req_lock);
        s->working = 0;
        SDL_UnlockMutex(s->req_lock);
    }
    ov_espeak_term();
    return 0;
}

/* ---- public API ---- */

int ov_speech_open(const ov_speech_config *cfg, ov_speech **out)
{
    *out = NULL;
    ov_speech *s = calloc(1, sizeof *s);
    if (!s) return OV_ENOMEM;
    if (cfg)
        s->cfg = *cfg;
    else
        ov_speech_config_defaults(&s->cfg);
    if (s->cfg.rate <= 0)
        s->cfg.rate = OV_SPEECH_DEFAULT_WPM;
    ov_strlcpy(s->req_language, s->cfg.language, sizeof s->req_language);
    s->first_sound_us = -1;
    s->done = 1;
    s->rate_step = OV_SPEECH_RATE_NORMAL;
    s->volume_step = OV_SPEECH_VOLUME_NORMAL;
    s->req_lock = SDL_CreateMutex();
    s->play_lock = SDL_CreateMutex();
    s->req_cond = SDL_CreateCond();
    s->ready = SDL_CreateSemaphore(0);
    if (!s->req_lock || !s->play_lock || !s->req_cond || !s->ready) {
        ov_speech_close(s);
        return OV_ENOMEM;
    }
    *out = s;
    if (!s->cfg.enabled) return OV_OK;
    open_audio(s);
    s->thread = SDL_CreateThread(speech_thread, "ov-speech", s);
    if (!s->thread) {
        char msg[OV_ERR_LEN];
        snprintf(msg, sizeof msg, "Speech could not start: no thread (%s).", SDL_GetError());
        add_problem(s, OV_PROBLEM_VOICE, msg);
    } else {
        SDL_SemWait(s->ready);
    }
    return OV_OK;
}

/* Bump the generation and silence playback at once. Returns the new gen. */
static int new_generation(ov_speech *s)
{
    int gen = SDL_AtomicIncRef(&s->gen) + 1;
    SDL_LockMutex(s->play_lock);
    s->play_gen = gen;
    s->n = s->pos = 0;
    s->chunk_pos = s->chunk_len = 0;
    s->nmarks = 0;
    s->done = 0;
    s->say_us = now_us();
    s->first_sound_us = -1;
    s->virtual_started = 0;
    SDL_UnlockMutex(s->play_lock);
    return gen;
}

/* Free the parts of a request not yet taken (req_lock held). */
static void drop_request(ov_speech *s)
{
    for (int i = 0; i < s->req_n; i++) {
        free(s->req_parts[i].text);
        free(s->req_parts[i].rec);
    }
    s->req_n = 0;
    s->req_pending = 0;
}

/* Copy a part; returns 0 when out of memory. */
static int copy_part(owned_part *o, const ov_speech_part *p)
{
    int len = p->text ? p->len : 0;
    o->text = malloc((size_t)len + 1);
    o->rec = p->recording && p->recording[0] ? strdup(p->recording) : NULL;
    o->char_offset = p->char_offset;
    if (!o->text || (p->recording && p->recording[0] && !o->rec)) {
        free(o->text);
        free(o->rec);
        o->text = o->rec = NULL;
        return 0;
    }
    if (len)
        memcpy(o->text, p->text, (size_t)len);
    o->text[len] = 0;
    return 1;
}

void ov_speech_say_parts(ov_speech *s, const ov_speech_part *parts, int n)
{
    if (!s || !s->thread) return;
    if (n > OV_SPEECH_MAX_PARTS) {
        add_problem(s, OV_PROBLEM_OTHER, "A screen has more parts to read than OV_SPEECH_MAX_PARTS; "
                       "the last ones were left out.");
        n = OV_SPEECH_MAX_PARTS;
    }
    owned_part copies[OV_SPEECH_MAX_PARTS];
    int ok = 1, made = 0;
    while (made < n && ok) {
        ok = copy_part(&copies[made], &parts[made]);
        if (ok) made++;
    }
    int gen = new_generation(s);
    SDL_LockMutex(s->req_lock);
    drop_request(s);
    memcpy(s->req_parts, copies, (size_t)made * sizeof copies[0]);
    s->req_n = made;
    s->req_gen = gen;
    s->req_pending = 1;
    SDL_CondSignal(s->req_cond);
    SDL_UnlockMutex(s->req_lock);
    if (!ok)
        add_problem(s, OV_PROBLEM_VOICE, "Out of memory for speech; the text was cut short.");
}

void ov_speech_say(ov_speech *s, const char *text, const char *recording)
{
    ov_speech_part p = { text ? text : "", text ? (int)strlen(text) : 0, 0, recording };
    ov_speech_say_parts(s, &p, 1);
}

int ov_speech_rate_percent(int rate_step)
{
    if (rate_step < 0) rate_step = 0;
    if (rate_step >= OV_SPEECH_RATE_STEPS) rate_step = OV_SPEECH_RATE_STEPS - 1;
    return rate_percent[rate_step];
}

int ov_speech_volume_db(int volume_step)
{
    if (volume_step < 0) volume_step = 0;
    if (volume_step >= OV_SPEECH_VOLUME_STEPS) volume_step = OV_SPEECH_VOLUME_STEPS - 1;
    return (volume_step - OV_SPEECH_VOLUME_NORMAL) * OV_SPEECH_VOLUME_STEP_DB;
}

static int clamp_step(int v, int n) { return v < 0 ? 0 : v >= n ? n - 1 : v; }

void ov_speech_set_member(ov_speech *s, int rate_step, int volume_step)
{
    if (!s || !s->req_lock) return;
    SDL_LockMutex(s->req_lock);
    s->rate_step = clamp_step(rate_step, OV_SPEECH_RATE_STEPS);
    s->volume_step = clamp_step(volume_step, OV_SPEECH_VOLUME_STEPS);
    SDL_UnlockMutex(s->req_lock);
}

void ov_speech_stop(ov_speech *s)
{
    if (!s || !s->play_lock) return;
    new_generation(s);
    SDL_LockMutex(s->play_lock);
    s->done = 1;
    SDL_UnlockMutex(s->play_lock);
    SDL_LockMutex(s->req_lock);
    drop_request(s);
    SDL_UnlockMutex(s->req_lock);
}

void ov_speech_set_language(ov_speech *s, const char *language)
{
    if (!s || !s->req_lock) return;
    SDL_LockMutex(s->req_lock);
    ov_strlcpy(s->req_language, language && language[0] ? language : s->cfg.language, sizeof s->req_language);
    SDL_UnlockMutex(s->req_lock);
}

int ov_speech_current_word(ov_speech *s, int *char_start, int *char_len)
{
    if (!s || !s->play_lock) return 0;
    int found = 0;
    SDL_LockMutex(s->play_lock);
    if (s->play_gen == SDL_AtomicGet(&s->gen) && s->nmarks > 0) {
        size_t p = heard_pos(s, now_us());
        if (!(s->done && p >= s->n)) {
            int lo = 0, hi = s->nmarks - 1, best = -1;     /* last mark with sample <= p */
            while (lo <= hi) {
                int mid = (lo + hi) / 2;
                if (s->marks[mid].sample <= (long)p) {
                    best = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (best >= 0) {
                if (char_start) *char_start = s->marks[best].start;
                if (char_len) *char_len = s->marks[best].len;
                found = 1;
            }
        }
    }
    SDL_UnlockMutex(s->play_lock);
    return found;
}

int ov_speech_busy(ov_speech *s)
{
    if (!s || !s->thread) return 0;
    SDL_LockMutex(s->req_lock);
    int busy = s->req_pending || s->working;
    SDL_UnlockMutex(s->req_lock);
    if (busy) return 1;
    SDL_LockMutex(s->play_lock);
    busy = !s->done || heard_pos(s, now_us()) < s->n;
    SDL_UnlockMutex(s->play_lock);
    return busy;
}

int ov_speech_wait(ov_speech *s, int timeout_ms)
{
    uint64_t end = ov_now_ms() + (uint64_t)(timeout_ms > 0 ? timeout_ms : 0);
    while (ov_speech_busy(s)) {
        if (ov_now_ms() >= end) return 0;
        SDL_Delay(WAIT_POLL_MS);
    }
    return 1;
}

int ov_speech_latency_ms(ov_speech *s, double *ms)
{
    if (!s || !s->play_lock) return 0;
    SDL_LockMutex(s->play_lock);
    int have = s->first_sound_us >= 0;
    if (have && ms) *ms = (double)((uint64_t)s->first_sound_us - s->say_us) / 1000.0;
    SDL_UnlockMutex(s->play_lock);
    return have;
}

int ov_speech_has_device(ov_speech *s) { return s && s->has_output; }

const char *ov_speech_problem(ov_speech *s)
{
    if (!s) return "Speech is not available (no speech object).";
    if (!s->play_lock) return NULL;
    SDL_LockMutex(s->play_lock);
    ov_strlcpy(s->problem_out, s->problem, sizeof s->problem_out);
    SDL_UnlockMutex(s->play_lock);
    return s->problem_out[0] ? s->problem_out : NULL;
}

ov_problem ov_speech_problem_code(ov_speech *s)
{
    if (!s)
        return OV_PROBLEM_VOICE;
    if (!s->play_lock)
        return OV_PROBLEM_NONE;
    SDL_LockMutex(s->play_lock);
    ov_problem code = s->problem[0] ? s->problem_code : OV_PROBLEM_NONE;
    SDL_UnlockMutex(s->play_lock);
    return code;
}

/* Free the thread's locks and signals (each may be missing after a failed open). */
static void destroy_sync(ov_speech *s)
{
    if (s->req_cond)
        SDL_DestroyCond(s->req_cond);
    if (s->req_lock)
        SDL_DestroyMutex(s->req_lock);
    if (s->play_lock)
        SDL_DestroyMutex(s->play_lock);
    if (s->ready)
        SDL_DestroySemaphore(s->ready);
}

void ov_speech_close(ov_speech *s)
{
    if (!s) return;
    if (s->thread) {
        SDL_AtomicIncRef(&s->gen);           /* abandon any synthesis in flight */
        SDL_LockMutex(s->req_lock);
        s->quit = 1;
        SDL_CondSignal(s->req_cond);
        SDL_UnlockMutex(s->req_lock);
        SDL_WaitThread(s->thread, NULL);
    }
    close_device(s);
    if (s->audio_inited)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    for (int i = 0; i < s->req_n; i++) {
        free(s->req_parts[i].text);
        free(s->req_parts[i].rec);
    }
    destroy_sync(s);
    free(s->samples);
    free(s->marks);
    free(s);
}
