/* test_speech_text.c — cleaning text for espeak-ng with a map back to the
 * screen's characters, word spans, espeak position -> on-screen word, and
 * spreading words over a recording. Pure: no espeak, no SDL. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "ui/speech_text.h"
#include "base/utf8.h"

/* Cleaned character index of the first occurrence of `needle` in ct->text. */
static int clean_index_of(const ov_clean_text *ct, const char *needle)
{
    const char *p = strstr(ct->text, needle);
    assert_non_null(p);
    char tmp[512];
    size_t n = (size_t)(p - ct->text);
    memcpy(tmp, ct->text, n);
    tmp[n] = '\0';
    return (int)ov_utf8_count(tmp);
}

static void test_runs_of_dots_become_one(void **st)
{
    (void)st;
    const char *in = "Please wait.. then press. Ok... . . go…now";
    ov_clean_text ct;
    assert_int_equal(ov_speech_clean(in, &ct), OV_OK);
    assert_null(strstr(ct.text, ".."));                 /* ".." crashes espeak-ng 1.51 */
    assert_null(strstr(ct.text, "…"));
    /* The words after each run still map back to the right screen characters. */
    assert_int_equal(ov_clean_to_original(&ct, clean_index_of(&ct, "then")), 14);
    assert_int_equal(ov_clean_to_original(&ct, clean_index_of(&ct, "go")), 36);
    assert_int_equal(ov_clean_to_original(&ct, clean_index_of(&ct, "now")), 39);
    assert_non_null(strstr(ct.text, ". now"));         /* the ellipsis still separates words */
    assert_int_equal(ct.map[ct.nchars], (int)ov_utf8_count(in));
    ov_clean_text_free(&ct);
}

static void test_single_dot_kept(void **st)
{
    (void)st;
    ov_clean_text ct;
    assert_int_equal(ov_speech_clean("It costs 2.50. Thanks.", &ct), OV_OK);
    assert_string_equal(ct.text, "It costs 2.50. Thanks.");
    for (int i = 0; i <= ct.nchars; i++) assert_int_equal(ct.map[i], i);
    ov_clean_text_free(&ct);
}

static void test_emoji_skipped_with_map(void **st)
{
    (void)st;
    const char *in = "I 👍🏽 like it ❤️ ★ → • *yes*";
    ov_clean_text ct;
    assert_int_equal(ov_speech_clean(in, &ct), OV_OK);
    for (const unsigned char *p = (const unsigned char *)ct.text; *p; p++)
        assert_true(*p < 0x80);                           /* only plain words left */
    assert_non_null(strstr(ct.text, "yes"));
    assert_null(strchr(ct.text, '*'));
    /* "like" is character 5 on screen: I, space, thumbs, skin tone, space. */
    assert_int_equal(ov_clean_to_original(&ct, clean_index_of(&ct, "like")), 5);
    assert_int_equal(ov_clean_to_original(&ct, clean_index_of(&ct, "yes")), 23);
    assert_int_equal(ov_clean_text_speakable(&ct), 1);
    ov_clean_text_free(&ct);

    assert_int_equal(ov_speech_clean("👍 ❤️ …", &ct), OV_OK);
    assert_int_equal(ov_clean_text_speakable(&ct), 0);    /* nothing to say: no synthesis */
    ov_clean_text_free(&ct);
}

static void test_accents_and_welsh_kept(void **st)
{
    (void)st;
    ov_clean_text ct;
    assert_int_equal(ov_speech_clean("café naïve", &ct), OV_OK);
    assert_string_equal(ct.text, "café naïve");
    assert_int_equal(ct.nchars, 10);
    ov_clean_text_free(&ct);
    /* Curly apostrophe (what word processors type) becomes a plain one, 1:1. */
    assert_int_equal(ov_speech_clean("Rydyn ni’n gwrando", &ct), OV_OK);
    assert_string_equal(ct.text, "Rydyn ni'n gwrando");
    assert_int_equal(ov_clean_to_original(&ct, 11), 11);
    ov_clean_text_free(&ct);
    assert_int_equal(ov_speech_clean("Ŵ ŷ â ŵyn", &ct), OV_OK);
    assert_string_equal(ct.text, "Ŵ ŷ â ŵyn");
    ov_clean_text_free(&ct);
}

static void test_controls_invalid_bytes_and_punctuation(void **st)
{
    (void)st;
    ov_clean_text ct;
    assert_int_equal(ov_speech_clean("yes\tno\x01" "ok\xff" "go!!! why??", &ct), OV_OK);
    assert_string_equal(ct.text, "yes no ok go! why?");
    /* "go" is after 3+1+2+1+2+1 = 10 characters on screen (the bad byte is one). */
    assert_int_equal(ov_clean_to_original(&ct, clean_index_of(&ct, "go")), 10);
    assert_int_equal(ov_clean_to_original(&ct, clean_index_of(&ct, "why")), 16);
    ov_clean_text_free(&ct);
    assert_int_equal(ov_speech_clean("good — bad", &ct), OV_OK);
    assert_string_equal(ct.text, "good , bad");
    ov_clean_text_free(&ct);
    assert_int_equal(ov_speech_clean("", &ct), OV_OK);
    assert_string_equal(ct.text, "");
    assert_int_equal(ct.map[0], 0);
    ov_clean_text_free(&ct);
    assert_int_equal(ov_speech_clean(NULL, &ct), OV_EINVAL);
}

static void test_word_spans(void **st)
{
    (void)st;
    ov_word_span w[8];
    assert_int_equal(ov_speech_words("  “Café,” naïve!  (yes) 50% & —", w, 8), 6);
    assert_int_equal(w[0].start, 3); assert_int_equal(w[0].len, 4);    /* Café */
    assert_int_equal(w[1].start, 10); assert_int_equal(w[1].len, 5);   /* naïve */
    assert_int_equal(w[2].start, 19); assert_int_equal(w[2].len, 3);   /* yes */
    assert_int_equal(w[3].start, 24); assert_int_equal(w[3].len, 3);   /* 50% keeps its % */
    assert_int_equal(w[4].start, 28); assert_int_equal(w[4].len, 1);   /* & */
    assert_int_equal(w[5].start, 30); assert_int_equal(w[5].len, 1);   /* a lone dash stays whole */
    assert_int_equal(ov_speech_words("Rydyn ni'n gwrando arnoch chi", w, 8), 5);
    assert_int_equal(w[1].start, 6); assert_int_equal(w[1].len, 4);    /* ni'n is one word */
    assert_int_equal(ov_speech_words("a b c d e f g h i j", w, 3), 10); /* counts beyond max */
    assert_int_equal(ov_speech_words("", w, 8), 0);
}

static void test_espeak_positions_to_words(void **st)
{
    (void)st;
    /* The positions espeak-ng 1.51 reports (1-based characters) for these
     * texts, minus one: the word each lands on must be the one on screen. */
    ov_word_span w[8];
    int n = ov_speech_words("café naïve déjà", w, 8);
    assert_int_equal(ov_speech_word_at(w, n, 0, 4), 0);
    assert_int_equal(ov_speech_word_at(w, n, 5, 5), 1);
    assert_int_equal(ov_speech_word_at(w, n, 11, 4), 2);
    /* "2024" is spoken as several words, reported at 7 then inside at 8. */
    n = ov_speech_words("It is 2024 now", w, 8);
    assert_int_equal(ov_speech_word_at(w, n, 6, 4), 2);
    assert_int_equal(ov_speech_word_at(w, n, 7, 4), 2);
    assert_int_equal(ov_speech_word_at(w, n, 11, 3), 3);
    /* A position on an opening quote belongs to the word it opens. */
    n = ov_speech_words("say “hello” now", w, 8);
    assert_int_equal(ov_speech_word_at(w, n, 4, 6), 1);
    /* Past the end: the last word; nothing on screen: -1. */
    assert_int_equal(ov_speech_word_at(w, n, 40, 1), 2);
    assert_int_equal(ov_speech_word_at(w, 0, 0, 1), -1);
}

static void test_spread_over_recording(void **st)
{
    (void)st;
    ov_word_span w[4];
    int n = ov_speech_words("a longer word sequence", w, 4);   /* lengths 1, 6, 4, 8 */
    long starts[4];
    ov_speech_spread(w, n, 1000, 23000, 1000, starts);
    assert_int_equal(starts[0], 1000);                          /* speech begins after the silence */
    for (int i = 1; i < n; i++) assert_true(starts[i] > starts[i - 1]);
    /* Proportional: weights 2, 7, 5, 9 of 23 over 21000 samples. */
    assert_int_equal(starts[1], 1000 + 21000L * 2 / 23);
    assert_int_equal(starts[2], 1000 + (long)(21000.0 * 9 / 23));
    assert_true(starts[3] < 22000);
    /* A silent recording still spreads over its whole length. */
    ov_speech_spread(w, n, 500, 500, 0, starts);
    assert_int_equal(starts[0], 0);
    assert_true(starts[3] < 500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runs_of_dots_become_one),
        cmocka_unit_test(test_single_dot_kept),
        cmocka_unit_test(test_emoji_skipped_with_map),
        cmocka_unit_test(test_accents_and_welsh_kept),
        cmocka_unit_test(test_controls_invalid_bytes_and_punctuation),
        cmocka_unit_test(test_word_spans),
        cmocka_unit_test(test_espeak_positions_to_words),
        cmocka_unit_test(test_spread_over_recording),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
