/* easyread.c — the easy-read rules the content checker warns about.
 * Works on UTF-8 text; anything it does not understand counts as a letter
 * rather than breaking a word, so it errs on the side of fewer warnings. */
#include "model/easyread.h"
#include "base/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define PREV_WORD_LEN 32 /* the word before, kept to tell a number word from another use */

static int is_ws(int32_t c) { return c == ' ' || c == '\t' || c == 0xA0; }

/* Letters: ASCII letters and non-ASCII characters outside the punctuation
 * blocks (Latin-1 symbols, general punctuation such as curly quotes). */
static int is_letter(int32_t c)
{
    if (c < 0)
        return 0;
    if (c < 0x80)
        return isalpha((int)c) != 0;
    if (c < 0xC0)
        return 0;
    if (c == 0xD7 || c == 0xF7)
        return 0;
    if (c >= 0x2000 && c <= 0x2BFF)
        return 0;
    return 1;
}

static int is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static int is_end_mark(int32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

typedef struct {
    const char *word;
    const char *digits;
} num_word;

static const num_word en_numbers[] = {
    { "zero", "0" },      { "one", "1" },         { "two", "2" },           { "three", "3" },
    { "four", "4" },      { "five", "5" },        { "six", "6" },           { "seven", "7" },
    { "eight", "8" },     { "nine", "9" },        { "ten", "10" },          { "eleven", "11" },
    { "twelve", "12" },   { "thirteen", "13" },   { "fourteen", "14" },     { "fifteen", "15" },
    { "sixteen", "16" },  { "seventeen", "17" },  { "eighteen", "18" },     { "nineteen", "19" },
    { "twenty", "20" },   { "thirty", "30" },     { "forty", "40" },        { "fifty", "50" },
    { "sixty", "60" },    { "seventy", "70" },    { "eighty", "80" },       { "ninety", "90" },
    { "hundred", "100" }, { "thousand", "1000" }, { "million", "1000000" }, { NULL, NULL }
};
/* Welsh: unmutated forms only; "un" (also "same") is left out on purpose. */
static const num_word cy_numbers[] = {
    { "dau", "2" },    { "dwy", "2" },    { "tri", "3" },    { "tair", "3" },   { "pedwar", "4" },
    { "pedair", "4" }, { "pump", "5" },   { "pum", "5" },    { "chwech", "6" }, { "chwe", "6" },
    { "saith", "7" },  { "wyth", "8" },   { "naw", "9" },    { "deg", "10" },   { "deuddeg", "12" },
    { "ugain", "20" }, { "cant", "100" }, { "mil", "1000" }, { NULL, NULL }
};

static const num_word *numbers_for(const char *lang)
{
    if (!lang)
        return NULL;
    if (!strncasecmp(lang, "en", 2) && (lang[2] == '\0' || lang[2] == '-'))
        return en_numbers;
    if (!strncasecmp(lang, "cy", 2) && (lang[2] == '\0' || lang[2] == '-'))
        return cy_numbers;
    return NULL;
}

/* Words after which "one" is not a number ("no one", "this one") and
 * Welsh "deg" is not ten ("yn deg": fairly). */
static const char *const not_number_after[] = { "no", "this", "that", "each", "any", "which", "the",
                                                "every", "another", "some", "someone", "yn", NULL };

/* 1 when `word` (len bytes) follows `prev` in a way that is not a number. */
static int number_word_is_not_a_number(const char *word, int len, const char *prev)
{
    if (!prev || !*prev)
        return 0;
    int is_one = len == 3 && !strncasecmp(word, "one", 3);
    int is_deg = len == 3 && !strncasecmp(word, "deg", 3);
    if (!is_one && !is_deg)
        return 0;
    for (int i = 0; not_number_after[i]; i++)
        if (!strcasecmp(prev, not_number_after[i]))
            return is_deg ? !strcasecmp(prev, "yn") : strcasecmp(prev, "yn") != 0;
    return 0;
}

/* One piece of a word (between spaces, hyphens and slashes), letters only;
 * `prev` is the word before it (lower or upper case, "" at the start). */
static void check_piece(const char *s, size_t n, const num_word *nums, const char *file, int line,
                        const char *what, ov_diags *d, int *warned, const char *prev)
{
    const char *p = s, *end = s + n;
    int letters = 0, caps_run = 0, max_caps = 0;
    /* trim punctuation at both ends */
    const char *a = s, *b = s + n;
    while (p < end) {
        const char *at = p;
        int32_t c = ov_utf8_decode(&p, end);
        if (is_letter(c) || is_digit(c)) {
            if (!letters)
                a = at;
            b = p;
            letters++;
        }
        if (c >= 'A' && c <= 'Z') {
            if (++caps_run > max_caps)
                max_caps = caps_run;
        } else
            caps_run = 0;
    }
    if (!letters)
        return;
    int only_letters = 0;
    p = a;
    while (p < b) {
        int32_t c = ov_utf8_decode(&p, b);
        if (is_letter(c))
            only_letters++;
    }
    int len = (int)(b - a);
    char word[OV_DIAG_ARG_LEN];
    snprintf(word, sizeof word, "%.*s", len, a);
    if (only_letters > OV_EASYREAD_MAX_LETTERS) { /* every long word: each one is a problem */
        ov_diag_add_code(d, OV_DIAG_WARNING, OV_DIAG_LONG_WORD, word, file, line,
                         "%s: '%.*s' is a long word (%d letters; easy read keeps words to %d); use a shorter "
                         "everyday word",
                         what, len, a, only_letters, OV_EASYREAD_MAX_LETTERS);
        *warned |= 1;
    }
    if (max_caps >= 2 && !(*warned & 2)) {
        ov_diag_add_code(d, OV_DIAG_WARNING, OV_DIAG_ACRONYM, word, file, line,
                         "%s: '%.*s' looks like an acronym or a word in capitals; write the words out in "
                         "full, in lower case",
                         what, len, a);
        *warned |= 2;
    }
    if (nums && !(*warned & 4) && !number_word_is_not_a_number(a, len, prev)) {
        for (const num_word *w = nums; w->word; w++) {
            if ((size_t)len == strlen(w->word) && !strncasecmp(a, w->word, (size_t)len)) {
                ov_diag_add_code(d, OV_DIAG_WARNING, OV_DIAG_NUMBER_WORD, word, file, line,
                                 "%s: '%.*s' is a number written as a word; write it as digits (%s)", what,
                                 len, a, w->digits);
                *warned |= 4;
                break;
            }
        }
    }
}

/* Counts sentences in text; *longest gets the word count of the longest. */
static int scan(const char *text, int *longest)
{
    const char *p = text, *end = text + strlen(text);
    int sentences = 0, words = 0, in_word = 0, alnum = 0;
    *longest = 0;
#define END_WORD()            \
    do {                      \
        if (in_word && alnum) \
            words++;          \
        in_word = 0;          \
        alnum = 0;            \
    } while (0)
#define END_SENTENCE()            \
    do {                          \
        if (words) {              \
            sentences++;          \
            if (words > *longest) \
                *longest = words; \
        }                         \
        words = 0;                \
    } while (0)
    while (p < end) {
        int32_t c = ov_utf8_decode(&p, end);
        if (is_ws(c)) {
            END_WORD();
            continue;
        }
        in_word = 1;
        if (is_letter(c) || is_digit(c))
            alnum = 1;
        if (is_end_mark(c)) {
            const char *q = p;
            if (p == end || is_ws(ov_utf8_decode(&q, end))) {
                END_WORD();
                END_SENTENCE();
            }
        }
    }
    END_WORD();
    END_SENTENCE();
#undef END_WORD
#undef END_SENTENCE
    return sentences;
}

int ov_easyread_words(const char *text)
{
    const char *p = text, *end = text + strlen(text);
    int words = 0, in_word = 0, alnum = 0;
    while (p < end) {
        int32_t c = ov_utf8_decode(&p, end);
        if (is_ws(c)) {
            if (in_word && alnum)
                words++;
            in_word = 0;
            alnum = 0;
        } else {
            in_word = 1;
            if (is_letter(c) || is_digit(c))
                alnum = 1;
        }
    }
    if (in_word && alnum)
        words++;
    return words;
}

int ov_easyread_sentences(const char *text)
{
    int longest;
    return scan(text, &longest);
}

void ov_easyread_check(const char *text, const char *lang, int flags, const char *file, int line,
                       const char *what, ov_diags *d)
{
    int longest = 0;
    int sentences = scan(text, &longest);
    if (!(flags & OV_ER_NO_LENGTH) && longest > OV_EASYREAD_MAX_WORDS)
        ov_diag_add_code(
            d, OV_DIAG_WARNING, OV_DIAG_LONG_SENTENCE, NULL, file, line,
            "%s has a sentence of %d words; easy read uses at most %d: split it or use fewer words", what,
            longest, OV_EASYREAD_MAX_WORDS);
    if ((flags & OV_ER_ONE_SENTENCE) && sentences > 1)
        ov_diag_add_code(d, OV_DIAG_WARNING, OV_DIAG_SENTENCES_ONE_LINE, NULL, file, line,
                         "this %s line holds %d sentences; put each sentence on its own line (one idea each)",
                         what, sentences);
    const num_word *nums = numbers_for(lang);
    int warned = 0; /* one warning of each kind per text is enough (long words: each) */
    char prev[PREV_WORD_LEN] = "";
    const char *p = text, *end = text + strlen(text), *piece = text;
    while (p <= end) {
        const char *at = p;
        int32_t c = p < end ? ov_utf8_decode(&p, end) : ' ';
        if (is_ws(c) || c == '-' || c == '/' || c == 0x2013 || c == 0x2014 || at == end) {
            if (at > piece) {
                check_piece(piece, (size_t)(at - piece), nums, file, line, what, d, &warned, prev);
                snprintf(prev, sizeof prev, "%.*s", (int)(at - piece), piece);
            }
            piece = p;
            if (at == end)
                break;
        }
    }
}
