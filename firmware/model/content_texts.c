/* content_texts.c — every member screen text, in English and Welsh, with the
 * key content.ini gives it. Easy-read: short sentences, one idea each, the
 * same words on a button and in what is said about it. */
#include "model/content_texts.h"

#include "model/content_check.h"
#include "model/easyread.h"

#include <string.h>

#define TX(k, fit, er, en, cy) { #k, offsetof(ov_texts, k), sizeof(((ov_texts *)0)->k), fit, er, en, cy }

static const ov_text_def defs[] = {
    TX(welcome_title, OV_FIT_TITLE, OV_ER_NO_LENGTH, "Tell us what you think", "Rhowch eich barn"),
    TX(welcome, OV_FIT_SENTENCE, 0, "Touch the screen or press any button to start.",
       "Cyffyrddwch â'r sgrin i ddechrau. Gallwch chi bwyso botwm hefyd."),
    TX(start, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Start", "Dechrau"),
    TX(confirm, OV_FIT_SENTENCE, 0, "Is this your answer?", "Ai dyma eich ateb?"),
    TX(thats_right, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "That's right", "Mae hynny'n iawn"),
    TX(go_back, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Go back", "Mynd yn ôl"),
    TX(confirm_buttons, OV_FIT_SENTENCE, 0, "To choose it, press the same button again.",
       "I'w ddewis, pwyswch yr un botwm eto."),
    TX(thanks_title, OV_FIT_TITLE, OV_ER_NO_LENGTH, "Thank you", "Diolch"),
    TX(thanks, OV_FIT_SENTENCE, 0, "Your answers are secret. Only you know what you chose.",
       "Mae eich atebion yn gyfrinachol. Dim ond chi sy'n gwybod beth ddewisoch chi."),
    TX(hear_again, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Hear it again", "Clywed eto"),
    TX(progress, OV_FIT_PROGRESS, -1, "Question %d of %d", "Cwestiwn %d o %d"),
    TX(not_saved, OV_FIT_SENTENCE, 0, "Please wait here. A helper will save your answers.",
       "Arhoswch yma os gwelwch yn dda. Bydd helpwr yn cadw eich atebion."),
    TX(try_again, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Try again", "Trio eto"),
    TX(sound, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Sound", "Sain"),
    TX(sound_title, OV_FIT_TITLE, OV_ER_NO_LENGTH, "Change the sound", "Newid y sain"),
    TX(sound_how, OV_FIT_SENTENCE, 0, "Make the voice slower, faster, quieter or louder.",
       "Gwnewch y llais yn arafach, yn gyflymach, yn dawelach neu'n uwch."),
    TX(slower, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Slower", "Arafach"),
    TX(faster, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Faster", "Cyflymach"),
    TX(quieter, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Quieter", "Tawelach"),
    TX(louder, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Louder", "Uwch"),
    TX(screen_off, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Screen off", "Diffodd y sgrin"),
    TX(screen_on, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "Screen on", "Sgrin ymlaen"),
    /* words helper (issues 13, 14): the list is in content_texts_words.h; it stays the last rows
     * (ov_text_in_words_block) */
#define OVW_ROW(k, len, fit, er, en, cy) TX(k, fit, er, en, cy),
    OV_TEXTS_WORDS(OVW_ROW)
#undef OVW_ROW
};

/* The conversions of a format text, in order ("d", "ld", "s", ".0f", one
 * letter each: d, l, s, f), into out; 0 when one is not of those kinds. */
static int format_kinds(const char *s, char *out, size_t outlen)
{
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        if (*p != '%')
            continue;
        char kind = 0;
        if (p[1] == '%') {
            p++;
            continue;
        } else if (p[1] == 'd' || p[1] == 's') {
            kind = p[1];
            p += 1;
        } else if (p[1] == 'l' && p[2] == 'd') {
            kind = 'l';
            p += 2;
        } else if (!strncmp(p + 1, ".0f", 3)) {
            kind = 'f';
            p += 3;
        } else {
            return 0;
        }
        if (n + 1 >= outlen)
            return 0;
        out[n++] = kind;
    }
    out[n] = '\0';
    return 1;
}

int ov_text_format_ok(const ov_text_def *d, const char *value)
{
    char want[16], got[16];
    if (!format_kinds(d->en, want, sizeof want) || !format_kinds(value, got, sizeof got))
        return 0;
    return !strcmp(want, got);
}

/* How many rows the words block has: they are the last rows of defs. */
#define OVW_ONE(k, len, fit, er, en, cy) +1
enum { N_WORDS_ROWS = 0 OV_TEXTS_WORDS(OVW_ONE) };
#undef OVW_ONE
#define N_DEFS ((int)(sizeof defs / sizeof defs[0]))

int ov_text_in_words_block(const ov_text_def *d)
{
    return d >= &defs[N_DEFS - N_WORDS_ROWS] && d < &defs[N_DEFS];
}

_Static_assert(N_DEFS <= OV_TEXTS_MAX_KEYS, "more texts than OV_TEXTS_MAX_KEYS: raise it");

const ov_text_def *ov_text_defs(int *n)
{
    *n = (int)(sizeof defs / sizeof defs[0]);
    return defs;
}

int ov_texts_have_builtin(const char *language)
{
    if (!language)
        return 0;
    return !strncmp(language, "en", 2) || !strncmp(language, "cy", 2);
}

void ov_texts_defaults(ov_texts *t, const char *language)
{
    int welsh = language && !strncmp(language, "cy", 2);
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        ov_strlcpy((char *)t + defs[i].offset, welsh ? defs[i].cy : defs[i].en, defs[i].size);
}

void ov_texts_fill_empty(ov_texts *t, const char *language)
{
    int welsh = language && !strncmp(language, "cy", 2);
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
        char *field = (char *)t + defs[i].offset;
        if (!field[0])
            ov_strlcpy(field, welsh ? defs[i].cy : defs[i].en, defs[i].size);
    }
}

const char *ov_text_or_builtin(const ov_texts *t, size_t offset)
{
    if (t && ((const char *)t)[offset])
        return (const char *)t + offset;
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        if (defs[i].offset == offset)
            return defs[i].en;
    return "";
}

const char *ov_problem_text(const ov_texts *t, ov_problem p)
{
    static const size_t keys[OV_PROBLEM_COUNT] = {
        [OV_PROBLEM_OTHER] = offsetof(ov_texts, prob_other),
        [OV_PROBLEM_BUTTONS_OFF] = offsetof(ov_texts, prob_buttons_off),
        [OV_PROBLEM_BUTTONS_SOME] = offsetof(ov_texts, prob_buttons_some),
        [OV_PROBLEM_BUTTON_STUCK] = offsetof(ov_texts, prob_button_stuck),
        [OV_PROBLEM_SOUND_DEVICE] = offsetof(ov_texts, prob_sound_device),
        [OV_PROBLEM_NO_SOUND] = offsetof(ov_texts, prob_no_sound),
        [OV_PROBLEM_VOICE] = offsetof(ov_texts, prob_voice),
        [OV_PROBLEM_RECORDING] = offsetof(ov_texts, prob_recording),
        [OV_PROBLEM_FONT] = offsetof(ov_texts, prob_font),
        [OV_PROBLEM_CONTENT] = offsetof(ov_texts, prob_content),
        [OV_PROBLEM_VOTES] = offsetof(ov_texts, prob_votes),
        [OV_PROBLEM_PIN_RECORD] = offsetof(ov_texts, prob_pin_record),
        [OV_PROBLEM_OLD_SDL] = offsetof(ov_texts, prob_old_sdl),
    };
    if (p == OV_PROBLEM_NONE)
        return "";
    if ((int)p < 0 || p >= OV_PROBLEM_COUNT || !keys[p])
        p = OV_PROBLEM_OTHER;
    return ov_text_or_builtin(t, keys[p]);
}
