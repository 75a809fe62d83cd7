/* speech_text.h — pure text work for speech: clean a screen's text before
 * synthesis (keeping a map back to the original), find its words, map
 * espeak-ng's character positions to on-screen words, and spread words over a
 * recording's duration. No espeak, no SDL: tested directly.
 *
 * All positions here are CHARACTER indexes (code points; an invalid UTF-8 byte
 * counts as one character, as ov_utf8_count does), 0-based. */
#ifndef OV_SPEECH_TEXT_H
#define OV_SPEECH_TEXT_H

#include "base/ov_common.h"

typedef struct {
    int start; /* first character, 0-based */
    int len;   /* length in characters (> 0) */
} ov_word_span;

typedef struct {
    char *text; /* cleaned UTF-8, NUL-terminated: safe to give espeak-ng */
    int *map;   /* map[i]: character index in the original text of cleaned
                   character i; map[nchars] = original length in characters */
    int nchars; /* characters in text */
} ov_clean_text;

/* Clean `in` for synthesis: a run of dots or "…" (spaced or not) becomes one
 * "." (".." makes espeak-ng 1.51 read junk memory and crash); emoji, pictographs,
 * arrows, bullets, box drawing, variation selectors and decorative ASCII
 * (* _ # ~ | ^ ` \ < >) become spaces; control characters and invalid UTF-8
 * become spaces; curly apostrophes become "'"; repeated "!!" / "??" collapse;
 * spaced dashes become commas (a pause). Returns OV_OK, OV_EINVAL (NULL
 * arguments) or OV_ENOMEM (then *out is left empty); free with
 * ov_clean_text_free. */
int ov_speech_clean(const char *in, ov_clean_text *out);

/* Free text and map; *ct is empty again (NULL is fine). */
void ov_clean_text_free(ov_clean_text *ct);

/* 1 when the cleaned text has something to say (a letter, digit or symbol);
 * 0 for NULL, spaces and punctuation only. */
int ov_clean_text_speakable(const ov_clean_text *ct);

/* Original character index of cleaned character `pos0` (0-based); positions
 * past the end map to the original's length; negative positions to 0. */
int ov_clean_to_original(const ov_clean_text *ct, int pos0);

/* The on-screen words of `text`: runs of non-space characters with leading and
 * trailing punctuation (quotes, brackets, . , ; : ! ? dashes) trimmed, so the
 * highlight covers "café" in "café,". A run of punctuation only is kept whole.
 * Fills up to `max` spans (spans may be NULL) and returns how many words
 * there are in total; 0 for NULL text or when out of memory. */
int ov_speech_words(const char *text, ov_word_span *spans, int max);

/* Index of the word a spoken event belongs to: the word containing char_pos,
 * else the first word starting inside [char_pos, char_pos + char_len], else
 * the last word before char_pos, else word 0. Returns -1 when n <= 0 or
 * words is NULL. */
int ov_speech_word_at(const ov_word_span *words, int n, int char_pos, int char_len);

/* Start sample of each word when a recording of `total` samples says them:
 * spread in proportion to word length (+1 for the gap after each word) over
 * [lead, total - tail) — pass the recording's leading/trailing silence (when
 * they leave fewer samples than words, the whole recording is used).
 * starts[] gets n values, increasing; nothing when n <= 0. */
void ov_speech_spread(const ov_word_span *words, int n, long lead, long total, long tail, long *starts);

#endif
