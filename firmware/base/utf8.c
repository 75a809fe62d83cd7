/* utf8.c — strict UTF-8 decoding (RFC 3629) used by the content checker and
 * the word highlighter. Invalid input is never fatal: it decodes as -1. */
#include "base/utf8.h"

#include <string.h>

int32_t ov_utf8_decode(const char **p, const char *end)
{
    const unsigned char *s = (const unsigned char *)*p;
    size_t avail = (size_t)(end - *p);
    if (avail == 0) return -1;
    unsigned c = s[0];
    int n;
    uint32_t cp, min;
    if (c < 0x80) {
        *p += 1;
        return (int32_t)c;
    }
    else if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        cp = c & 0x1F;
        min = 0x80;
    }
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        cp = c & 0x0F;
        min = 0x800;
    }
    else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        cp = c & 0x07;
        min = 0x10000;
    }
    else goto bad;
    if (avail < (size_t)n + 1) goto bad;
    for (int i = 1; i <= n; i++) {
        if ((s[i] & 0xC0) != 0x80) goto bad;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto bad;
    *p += n + 1;
    return (int32_t)cp;
bad:
    *p += 1;
    return -1;
}

int ov_utf8_valid(const char *s, size_t len, size_t *bad)
{
    const char *p = s, *end = s + len;
    while (p < end) {
        const char *at = p;
        if (ov_utf8_decode(&p, end) < 0) {
            if (bad) *bad = (size_t)(at - s);
            return 0;
        }
    }
    return 1;
}

size_t ov_utf8_count(const char *s)
{
    const char *p = s, *end = s + strlen(s);
    size_t n = 0;
    while (p < end) {
        ov_utf8_decode(&p, end);
        n++;
    }
    return n;
}

size_t ov_utf8_offset(const char *s, size_t index)
{
    const char *p = s, *end = s + strlen(s);
    while (index > 0 && p < end) {
        ov_utf8_decode(&p, end);
        index--;
    }
    return (size_t)(p - s);
}
