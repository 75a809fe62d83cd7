/* speech.h — speaking screens aloud and knowing which word is being heard.
 *
 * One thread owns espeak-ng; synthesis is synchronous into memory, playback
 * through SDL audio (22050 Hz mono S16). ov_speech_say never blocks drawing or
 * input. If there is no sound device or no espeak data the object still works,
 * silently, and ov_speech_problem() says why (for the facilitator). */
#ifndef OV_SPEECH_H
#define OV_SPEECH_H

#include "base/problem.h"
#include "base/ov_common.h"

typedef struct ov_speech ov_speech;

#define OV_SPEECH_LANG_LEN 16        /* an espeak language code, "en-gb" */
#define OV_SPEECH_VOICE_LEN 32       /* an espeak voice name */
#define OV_SPEECH_DEVICE_LEN 64      /* an SDL audio device name */
/* espeak's words a minute: heard as ~122 in prose with its pauses (VVSG 2.0: 120-125) */
#define OV_SPEECH_DEFAULT_WPM 110
#define OV_SPEECH_DEFAULT_PITCH 50
#define OV_SPEECH_DEFAULT_VOLUME 100

typedef struct {
    char language[OV_SPEECH_LANG_LEN];   /* espeak language, e.g. "en-gb", "cy" */
    char voice[OV_SPEECH_VOICE_LEN];     /* optional voice name; "" = by language */
    int rate;            /* words per minute; default OV_SPEECH_DEFAULT_WPM (easy read: slower) */
    int pitch;           /* 0..100, default 50 */
    int volume;          /* 0..200, default 100 */
    int enabled;         /* 0: never make a sound */
    char audio_device[OV_SPEECH_DEVICE_LEN]; /* SDL device name to prefer, "" = default */
} ov_speech_config;

/* Fill *cfg with the defaults: "en-gb", OV_SPEECH_DEFAULT_WPM, pitch 50, volume 100,
 * enabled, no voice or device named. */
void ov_speech_config_defaults(ov_speech_config *cfg);

/* Start the speech thread and audio (cfg NULL: the defaults; cfg->enabled 0:
 * neither, and nothing is ever said). Returns OV_OK with a usable object in
 * *out (it may be silent: see ov_speech_problem), or OV_ENOMEM with *out =
 * NULL. Close it with ov_speech_close. */
int ov_speech_open(const ov_speech_config *cfg, ov_speech **out);

/* Speak `text` (UTF-8), stopping whatever is being said now. If `recording`
 * is a readable WAV it is played instead of synthesis (one that cannot be
 * played: the text is spoken and a problem recorded). Returns at once; does
 * nothing for a NULL s or when speech is off. */
void ov_speech_say(ov_speech *s, const char *text, const char *recording);

/* One piece of a reading: `len` bytes of `text`, whose words are reported
 * (ov_speech_current_word) from character `char_offset` on; played from
 * `recording` (a WAV, its words spread over its sound) when it is not NULL
 * and readable, else synthesised. */
typedef struct {
    const char *text;
    int len;
    int char_offset;
    const char *recording;
} ov_speech_part;

#define OV_SPEECH_MAX_PARTS 24

/* Speak n parts one after another as one reading (stopping whatever is being
 * said now). n above OV_SPEECH_MAX_PARTS: the rest is left out and a
 * problem is recorded. Returns at once. */
void ov_speech_say_parts(ov_speech *s, const ov_speech_part *parts, int n);

/* Member controls (issue 13): speech rate in OV_SPEECH_RATE_STEPS steps from
 * 50 % to 200 % of the configured rate (pitch unchanged), volume in
 * OV_SPEECH_VOLUME_STEPS steps of OV_SPEECH_VOLUME_STEP_DB dB. Step
 * OV_SPEECH_RATE_NORMAL / OV_SPEECH_VOLUME_NORMAL is the configured setting.
 * Out-of-range steps are clamped. Used from the next ov_speech_say on. */
#define OV_SPEECH_RATE_STEPS 7
#define OV_SPEECH_RATE_NORMAL 3
#define OV_SPEECH_VOLUME_STEPS 5
#define OV_SPEECH_VOLUME_NORMAL 3
#define OV_SPEECH_VOLUME_STEP_DB 6
void ov_speech_set_member(ov_speech *s, int rate_step, int volume_step);

/* Percent of the configured rate at a rate step (50..200). */
int ov_speech_rate_percent(int rate_step);

/* Gain in dB at a volume step (steps of OV_SPEECH_VOLUME_STEP_DB, 0 at normal). */
int ov_speech_volume_db(int volume_step);

/* Stop speaking at once. */
void ov_speech_stop(ov_speech *s);

/* The word being heard now: its first character (0-based, in characters, not
 * bytes) and length in characters within the text given to ov_speech_say.
 * Returns 1 when a word is playing, 0 when nothing is. One uncontended mutex
 * and a binary search: fine to call every frame. */
int ov_speech_current_word(ov_speech *s, int *char_start, int *char_len);

/* 1 while sound is playing or about to. */
int ov_speech_busy(ov_speech *s);

/* NULL when all is well, or a sentence for the facilitator ("No sound
 * device: ..."; s NULL: "Speech is not available ..."). The buffer is
 * overwritten by the next call: call it from one thread (the kiosk loop).
 * Problems can appear after open (a broken recording, a voice missing for
 * new content), so ask again when a screen changes. */
const char *ov_speech_problem(ov_speech *s);

/* The code of the first of those problems, for the screens' words
 * (base/problem.h): OV_PROBLEM_NONE when all is well, OV_PROBLEM_VOICE when
 * s is NULL. Never blocks for long (the problem lock). */
ov_problem ov_speech_problem_code(ov_speech *s);

/* Stop the speech thread, close the sound device and SDL audio, and free s.
 * NULL is fine. */
void ov_speech_close(ov_speech *s);

/* Language of the content being spoken ("en-gb", "cy"); used from the next
 * ov_speech_say on ("" = back to cfg->language). Never blocks. */
void ov_speech_set_language(ov_speech *s, const char *language);

/* Wait until nothing is playing or about to, at most timeout_ms. Returns 1
 * when speech finished, 0 on timeout. For tests and the command line. */
int ov_speech_wait(ov_speech *s, int timeout_ms);

/* Time from the latest ov_speech_say to the first non-silent sample taken by
 * the audio callback, in *ms. Returns 1 when known, 0 when nothing has sounded
 * yet (or there is no sound device). For `make bench`. */
int ov_speech_latency_ms(ov_speech *s, double *ms);

/* 1 when a sound device opened at ov_speech_open (else speech is silent, but
 * the highlight still moves in time, clocked as if it were playing). The
 * device itself is closed after 2 s with nothing to say and opened again for
 * the next request (the CPU sleeps meanwhile). */
int ov_speech_has_device(ov_speech *s);

#endif
