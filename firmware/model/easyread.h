/* easyread.h — easy-read checks on one piece of text: sentence length,
 * long words, acronyms and numbers written as words. Findings are warnings
 * ("file:line: warning: ..."), never errors: a facilitator may have a reason.
 * Pure: the caller passes the list the warnings go to. */
#ifndef OV_EASYREAD_H
#define OV_EASYREAD_H

#include "base/diag.h"

#define OV_EASYREAD_MAX_WORDS 15   /* words in one sentence */
#define OV_EASYREAD_MAX_LETTERS 14 /* letters in one word */

enum {
    OV_ER_ONE_SENTENCE = 1 << 0, /* text should hold a single sentence */
    OV_ER_NO_LENGTH = 1 << 1,    /* skip the sentence-length check (labels, buttons) */
};

/* Check `text` and add a warning to d for each problem, at file:line, naming
 * the field (`what`, e.g. "sentence"): every word longer than
 * OV_EASYREAD_MAX_LETTERS letters, and at most one each of a sentence longer
 * than OV_EASYREAD_MAX_WORDS words (unless OV_ER_NO_LENGTH), more than one
 * sentence (with OV_ER_ONE_SENTENCE), an acronym and a number word. `lang`
 * (e.g. "en-gb", "cy") chooses the list of number words; other languages skip
 * that check. Never fails. */
void ov_easyread_check(const char *text, const char *lang, int flags, const char *file, int line,
                       const char *what, ov_diags *d);

/* Number of words in text (runs of characters between spaces that hold at
 * least one letter or digit). */
int ov_easyread_words(const char *text);

/* Number of sentences in text (ends at . ! ? or … followed by a space or the
 * end; text without an end mark counts as 1 if it has any word). */
int ov_easyread_sentences(const char *text);

#endif
