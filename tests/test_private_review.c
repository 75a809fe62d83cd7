/* test_private_review.c — someone in the room listening (docs/privacy.md),
 * while a switch user scans the review screen ("Check your answers"):
 * through the room speaker each highlighted item says only its question,
 * never the answer chosen, so the items sound the same whichever answers
 * were given (compared item by item on the sound the kiosk plays, SDL's disk
 * driver); with headphones (private_audio = yes) the answers are spoken too.
 * The confirm screen's sound is tested in test_private_audio.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kiosk_sound.h"

#define REVIEW_FRAMES 700     /* the last 14 s of sound: the scan over the 4 review items */
#define VOICED_RMS 300.0      /* a frame louder than this is speech */
#define GAP_FRAMES 10         /* 200 ms of quiet ends a spoken item */
#define MAX_SEGMENTS 16
#define SAME_ITEMS 0.20       /* items lined up one by one: the same words (other words give 0.8+) */
#define OTHER_SHAPE 0.30      /* above this: different words were spoken */

/* The last `frames` frames before the sound ends: the review scan's last items. */
static long before_the_end(const int16_t *s, long n, int frames)
{
    long end = n - 1, begin = 0;
    while (end > 0 && s[end] == 0) end--;
    while (begin < end && s[begin] == 0) begin++;
    assert_true(end - begin > (long)OV_SOUND_FRAME_SAMPLES * frames); /* something was spoken */
    return end - (long)frames * OV_SOUND_FRAME_SAMPLES;
}

/* The spoken stretches of e (onset, length in frames), at most max; returns how many. */
static int segments_of(const ov_test_envelope *e, int *on, int *len, int max)
{
    int n = 0, quiet = 0;
    for (int k = 0; k < e->n; k++) {
        int voiced = e->rms[k] > VOICED_RMS;
        if (voiced && (n == 0 || quiet > GAP_FRAMES)) {
            if (n == max) return n;
            on[n] = k;
            n++;
        }
        quiet = voiced ? 0 : quiet + 1;
        if (voiced) len[n - 1] = k - on[n - 1] + 1;
    }
    return n;
}

/* The difference of two recordings of several spoken items: each item lined
 * up at its own start (every switch press reaches the kiosk a frame or two
 * earlier or later, so the items drift apart by more than one line-up can
 * mend); another number of items counts as wholly different (1). */
static double items_difference(const ov_test_envelope *a, const ov_test_envelope *b)
{
    int aon[MAX_SEGMENTS], alen[MAX_SEGMENTS], bon[MAX_SEGMENTS], blen[MAX_SEGMENTS];
    int na = segments_of(a, aon, alen, MAX_SEGMENTS), nb = segments_of(b, bon, blen, MAX_SEGMENTS);
    assert_true(na > 0);
    if (na != nb) {
        printf("%d spoken items against %d\n", na, nb);
        return 1.0;
    }
    double diff = 0, total = 0;
    for (int i = 0; i < na; i++) {
        int span = (alen[i] > blen[i] ? alen[i] : blen[i]) + GAP_FRAMES / 2;
        for (int k = 0; k < span; k++) {
            double x = aon[i] + k < a->n ? a->rms[aon[i] + k] : 0;
            double y = bon[i] + k < b->n ? b->rms[bon[i] + k] : 0;
            diff += fabs(x - y);
            total += x + y;
        }
    }
    double d = total > 0 ? 2 * diff / total : 0;
    printf("%d items, difference %.3f\n", na, d);
    return d;
}

/* A two-switch user answers `key` to all 4 questions (pressing the answer's
 * button twice: choose, then confirm), then presses "move" over the review
 * screen: Save, then the 4 answers, 3.5 s each (a title and its answer are
 * said whole at the default rate, with less than the 2 s of quiet that closes
 * the device between them); one kiosk for each of the answers 1..5. The
 * envelopes of the last 14 s: what the 4 highlighted answers said. */
static void review_scan_sounds(const char *config_text, ov_test_envelope e[OV_SOUND_KIOSKS])
{
    char scripts[OV_SOUND_KIOSKS][1024];
    const char *each[OV_SOUND_KIOSKS];
    for (int k = 0; k < OV_SOUND_KIOSKS; k++) {
        char *script = scripts[k], line[96];
        snprintf(script, 1024, "expect welcome\nkey space\nwait 300\n");
        for (int q = 0; q < 4; q++) {
            snprintf(line, sizeof line, "expect question\nkey %d\nexpect confirm\nkey %d\n", k + 1, k + 1);
            strcat(script, line);
        }
        strcat(script, "expect review\nwait 12000\n"); /* the screen's words up to the first target */
        for (int i = 0; i < 5; i++)
            strcat(script, "button 9\nwait 3500\nexpect review\n");
        strcat(script, "quit\n");
        each[k] = script;
    }
    char ini[160];
    snprintf(ini, sizeof ini, "%s[scanning]\nmode = two\nsetup = no\n", config_text);
    ov_test_kiosk_sounds(ini, each, before_the_end, REVIEW_FRAMES, e);
}

static void the_room_speaker_never_says_the_reviewed_answers(void **state)
{
    ov_test_envelope e[OV_SOUND_KIOSKS];
    review_scan_sounds("[speech]\nprivate_audio = no\n", e);
    ov_test_expect_sounds(e, items_difference, 1, SAME_ITEMS,
                          "reviewing answer %d sounds different from answer 1 (%.3f)");
}

static void headphones_hear_the_reviewed_answers(void **state)
{
    ov_test_envelope e[OV_SOUND_KIOSKS];
    review_scan_sounds("[speech]\nprivate_audio = yes\n", e);
    ov_test_expect_sounds(e, items_difference, 0, OTHER_SHAPE,
                          "with headphones reviewing answers 1 and %d sound alike (%.3f)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_room_speaker_never_says_the_reviewed_answers),
        cmocka_unit_test(headphones_hear_the_reviewed_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
