/* utf8.h — small, strict UTF-8 helpers: validate, count characters, decode,
 * and map a character index to a byte offset. No allocation, no locale. */
#ifndef OV_UTF8_H
#define OV_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* 1 if s[0..len) is valid UTF-8 (no overlong forms, no surrogates, nothing
 * above U+10FFFF), else 0; then *bad (when not NULL) is the byte offset of the
 * first byte that is wrong. */
int ov_utf8_valid(const char *s, size_t len, size_t *bad);

/* Decode the character at *p (*p < end) and move *p past it. Returns the code
 * point, or -1 for an invalid sequence (then *p moves on by exactly 1 byte,
 * also when *p == end). */
int32_t ov_utf8_decode(const char **p, const char *end);

/* Number of characters in the NUL-terminated string s. Each invalid byte
 * counts as one character, so the count is never larger than strlen(s). */
size_t ov_utf8_count(const char *s);

/* Byte offset where character number `index` (0-based) of s starts; the
 * string's length when index is at or past the end. */
size_t ov_utf8_offset(const char *s, size_t index);

#endif
