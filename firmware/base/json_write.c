/* json_write.c — JSON string escaping for the export writers. */
#include "base/json_write.h"

#include <stdio.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s, or 0 if invalid. */
static int utf8_len(const unsigned char *s)
{
    if (s[0] < 0x80) return 1;
    int n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : 0;
    if (n == 0 || (s[0] >= 0xF8)) return 0;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (n == 3 && s[0] == 0xE0 && s[1] < 0xA0) return 0;   /* overlong */
    if (n == 3 && s[0] == 0xED && s[1] >= 0xA0) return 0;  /* surrogates */
    if (n == 4 && s[0] == 0xF0 && s[1] < 0x90) return 0;
    if (n == 4 && s[0] == 0xF4 && s[1] >= 0x90) return 0;
    return n;
}

/* The JSON escape for the byte c ("\\n"), or NULL when c goes as it is (or
 * as \u00XX when it is another control character). */
static const char *escape_of(unsigned char c)
{
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        return NULL;
    }
}

void ov_json_string(ov_buf *b, const char *s)
{
    ov_buf_puts(b, "\"");
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        const char *esc = escape_of(c);
        int n = 1;
        if (esc)
            ov_buf_puts(b, esc);
        else if (c < 0x20 || c == 0x7F)
            ov_buf_printf(b, "\\u%04x", c);
        else if ((n = utf8_len(p)) == 0) {
            ov_buf_puts(b, "\xEF\xBF\xBD");   /* U+FFFD for a byte that is not UTF-8 */
            n = 1;
        } else
            ov_buf_add(b, p, (size_t)n);
        p += n;
    }
    ov_buf_puts(b, "\"");
}
