/* content_texts.h — the table of every text the kiosk shows or says
 * ([texts] in content.ini: member, facilitator, results, export and problem
 * texts): its key, where it lives in ov_texts, how the checker measures it,
 * and the built-in English and Welsh wording. To add a text: a field in
 * ov_texts (content.h) and one row in the table (content_texts.c), or one X
 * line in content_texts_words.h, with both languages; a line in
 * docs/content.md. */
#ifndef OV_CONTENT_TEXTS_H
#define OV_CONTENT_TEXTS_H

#include "base/problem.h"
#include "model/content.h"

#include <stddef.h>

typedef struct {
    const char *key;       /* the key in [texts] */
    size_t offset, size;   /* the field in ov_texts */
    int fit;               /* OV_FIT_* kind the checker lays it out as (0: none) */
    int easyread;          /* OV_ER_* flags, or -1: no easy-read check */
    const char *en, *cy;   /* built-in English and Welsh */
} ov_text_def;

/* The most texts the table may hold (about 360 now): content_texts.c fails
 * to compile when it holds more. */
#define OV_TEXTS_MAX_KEYS 1023

/* The table and its length. Never NULL. */
const ov_text_def *ov_text_defs(int *n);

/* 1 when `value` holds the same conversions as the English text of `d`
 * (%d, %ld, %s, %.0f, in the same order; %% for a percent sign), so the
 * kiosk can fill it in safely; 0 otherwise, also for any other conversion or
 * more than 15 of them (the checker refuses it). */
int ov_text_format_ok(const ov_text_def *d, const char *value);

/* 1 when `d` is one of the words block (content_texts_words.h: facilitator,
 * review, ideas, sound texts), which the checker reports missing together. */
int ov_text_in_words_block(const ov_text_def *d);

/* 1 when the kiosk has built-in texts for `language`: it starts with "en" or
 * "cy" ("en", "en-gb", "cy", ...); 0 otherwise or for NULL. */
int ov_texts_have_builtin(const char *language);

/* Clear *t and fill it with the built-in texts of `language` (Welsh for
 * "cy...", else English, also for NULL). */
void ov_texts_defaults(ov_texts *t, const char *language);

/* The text at `offset` in *t (offsetof(ov_texts, key)), or the built-in
 * English one when t is NULL or that text is empty; "" for an offset that is
 * no text of the table. Never NULL. */
const char *ov_text_or_builtin(const ov_texts *t, size_t offset);
#define OV_TX(t, key) ov_text_or_builtin((t), offsetof(ov_texts, key))

/* Fill every empty text of *t with the built-in text of `language` (Welsh
 * for "cy...", else English), keeping the texts it has. */
void ov_texts_fill_empty(ov_texts *t, const char *language);

/* The words of t (or the built-in English ones when t is NULL or has none)
 * for a problem the kiosk found itself (base/problem.h): prob_*; "" for
 * OV_PROBLEM_NONE, prob_other for a code out of range. Never NULL. */
const char *ov_problem_text(const ov_texts *t, ov_problem p);

#endif
