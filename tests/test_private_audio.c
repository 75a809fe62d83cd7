/* test_private_audio.c — someone in the room listening (docs/privacy.md).
 * Through the room speaker the kiosk never says what a member chose: the
 * sound the kiosk plays on the confirm screen (captured with SDL's disk
 * audio driver) has the same shape whichever answer was chosen, in the
 * first 3 s of its speech, where the choice would be spoken. With
 * headphones (private_audio = yes) everything is spoken, the choice too, so
 * the same screens then sound different for different answers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "kiosk_sound.h"

#define ENVELOPE_FRAMES 150   /* 3 s of sound from the start of the confirm screen's speech */
#define MAX_SHIFT 5           /* line-ups tried: up to 100 ms either way */
#define SAME_SHAPE 0.05       /* relative envelope difference below this: the same speech (measured 0.000) */
#define OTHER_SHAPE 0.15      /* above this: different words were spoken (measured 0.30-1.01) */
/* The question is read to its end (6.9 s at rate 320 with its progress and
 * buttons, 5.4 s before they were read; the fastest rate,
 * 450, makes espeak-ng's output differ from run to run) before the press, so
 * the confirm screen's speech starts after a silence, never in the middle of
 * a cut-off question: the longest silence is between the two, the next sound
 * is the confirm screen. Measured: the same speech differs by 0.000, the
 * answers with headphones by 0.45. */
#define FAST "[speech]\nrate = 320\n"
#define SCRIPT "key space\nwait 9500\nkey %d\nexpect confirm\nwait 4000\nquit\n"

/* The first sample of the sound after the longest run of silence in s[0..n):
 * the confirm screen's first 3 s of speech (where the chosen answer is
 * spoken, when it is). */
static long after_longest_silence(const int16_t *s, long n, int frames)
{
    long best = 0, best_end = 0;
    for (long i = 0; i < n;) {
        long j = i;
        while (j < n && s[j] == 0) j++;
        if (j - i > best && j < n) {
            best = j - i;
            best_end = j;
        }
        i = j > i ? j : i + 1;
    }
    assert_true(best_end > 0);                                            /* the question was spoken */
    assert_true(n - best_end >= (long)OV_SOUND_FRAME_SAMPLES * frames); /* and the confirm screen */
    return best_end;
}

/* The difference of two envelopes at their best line-up. */
static double difference(const ov_test_envelope *a, const ov_test_envelope *b)
{
    return ov_test_envelope_difference(a, b, MAX_SHIFT);
}

/* Answers 1..5, each chosen on question 1 in its own kiosk after listening
 * to the question, staying on the confirm screen until its speech is over;
 * the envelopes of the sound each played go to e. */
static void confirm_sounds(const char *config_text, ov_test_envelope e[OV_SOUND_KIOSKS])
{
    char scripts[OV_SOUND_KIOSKS][256];
    const char *each[OV_SOUND_KIOSKS];
    for (int k = 0; k < OV_SOUND_KIOSKS; k++) {
        snprintf(scripts[k], sizeof scripts[k], SCRIPT, k + 1);
        each[k] = scripts[k];
    }
    ov_test_kiosk_sounds(config_text, each, after_longest_silence, ENVELOPE_FRAMES, e);
}

static void the_room_speaker_never_says_the_choice(void **state)
{
    ov_test_envelope e[OV_SOUND_KIOSKS];
    confirm_sounds(FAST "private_audio = no\n", e);
    ov_test_expect_sounds(e, difference, 1, SAME_SHAPE, "answer %d sounds different from answer 1 (%.3f)");
}

static void headphones_hear_everything_the_choice_too(void **state)
{
    ov_test_envelope e[OV_SOUND_KIOSKS];
    confirm_sounds(FAST "private_audio = yes\n", e);
    ov_test_expect_sounds(e, difference, 0, OTHER_SHAPE,
                          "with headphones answers 1 and %d sound alike (%.3f)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_room_speaker_never_says_the_choice),
        cmocka_unit_test(headphones_hear_everything_the_choice_too),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
