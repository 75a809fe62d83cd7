/* speech_text.c — cleaning text for espeak-ng with an index map, word spans,
 * espeak position -> word mapping, proportional timing for recordings. */
#include "ui/speech_text.h"

#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

#define CP_ROOM 5     /* a code point's UTF-8 bytes (at most 4) and the NUL */
#define GROW_EXTRA 16 /* the text and its map grow to twice their size and this */

typedef struct {
    ov_clean_text *ct;
    size_t bytes, cap_bytes;
    int cap_chars;
    int oom;
} builder;

static void put_cp(builder *b, int32_t cp, int orig)
{
    if (b->oom)
        return;
    if (b->bytes + CP_ROOM > b->cap_bytes) {
        size_t cap = b->cap_bytes * 2 + GROW_EXTRA;
        char *t = realloc(b->ct->text, cap);
        if (!t) {
            b->oom = 1;
            return;
        }
        b->ct->text = t;
        b->cap_bytes = cap;
    }
    if (b->ct->nchars + 2 > b->cap_chars) {
        int cap = b->cap_chars * 2 + GROW_EXTRA;
        int *m = realloc(b->ct->map, (size_t)cap * sizeof(int));
        if (!m) {
            b->oom = 1;
            return;
        }
        b->ct->map = m;
        b->cap_chars = cap;
    }
    unsigned char *o = (unsigned char *)b->ct->text + b->bytes;
    uint32_t c = (uint32_t)cp;
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        b->bytes += 1;
    } else if (c < 0x800) {
        o[0] = 0xC0 | (c >> 6);
        o[1] = 0x80 | (c & 0x3F);
        b->bytes += 2;
    } else if (c < 0x10000) {
        o[0] = 0xE0 | (c >> 12);
        o[1] = 0x80 | ((c >> 6) & 0x3F);
        o[2] = 0x80 | (c & 0x3F);
        b->bytes += 3;
    } else {
        o[0] = 0xF0 | (c >> 18);
        o[1] = 0x80 | ((c >> 12) & 0x3F);
        o[2] = 0x80 | ((c >> 6) & 0x3F);
        o[3] = 0x80 | (c & 0x3F);
        b->bytes += 4;
    }
    b->ct->map[b->ct->nchars++] = orig;
}

/* Emoji, pictographs and decorations that espeak would either skip or read as
 * a long name ("thumbs up: medium skin tone") that matches no on-screen word. */
static int is_decoration(int32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) ||
           (c >= 0x2190 && c <= 0x21FF) || (c >= 0x2300 && c <= 0x23FF) || (c >= 0x2500 && c <= 0x25FF) ||
           (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
           c == 0x20E3 || c == 0x2022 || c == 0x2023 || (c >= 0xE0000 && c <= 0xE007F) ||
           (c >= 0xE000 && c <= 0xF8FF) || (c >= 0x1F1E6 && c <= 0x1F1FF) || c == '*' || c == '_' ||
           c == '#' || c == '~' || c == '|' || c == '^' || c == '`' || c == '\\' || c == '<' || c == '>';
}

static int is_space(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x1680 ||
           c == 0x2028 || c == 0x2029 || c == 0x85;
}

static int is_control(int32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0); }

typedef struct {
    int32_t cp;
    int orig;
} ch;

/* Decode the whole text into code points with their original indexes. */
static ch *decode_all(const char *in, int *n_out)
{
    size_t len = strlen(in);
    ch *v = malloc((len + 1) * sizeof *v);
    if (!v)
        return NULL;
    const char *p = in, *end = in + len;
    int n = 0;
    while (p < end) {
        v[n].cp = ov_utf8_decode(&p, end);
        v[n].orig = n;
        n++;
    }
    *n_out = n;
    return v;
}

/* A run of dots starting at v[i], possibly spaced (". . ."), or an ellipsis:
 * returns the index of its last dot, *dots how many (an ellipsis counts 3). */
static int dot_run(const ch *v, int n, int i, int *dots)
{
    int j = i, last = i;
    *dots = 0;
    while (j < n) {
        if (v[j].cp == '.') {
            (*dots)++;
            last = j;
            j++;
        } else if (v[j].cp == 0x2026) {
            *dots += 3;
            last = j;
            j++;
        } else if (is_space(v[j].cp)) {
            int k = j;
            while (k < n && is_space(v[k].cp))
                k++;
            if (k < n && (v[k].cp == '.' || v[k].cp == 0x2026))
                j = k;
            else
                break;
        } else
            break;
    }
    return last;
}

int ov_speech_clean(const char *in, ov_clean_text *out)
{
    if (!in || !out)
        return OV_EINVAL;
    memset(out, 0, sizeof *out);
    int n;
    ch *v = decode_all(in, &n);
    if (!v)
        return OV_ENOMEM;
    builder b = { .ct = out };
    for (int i = 0; i < n; i++) {
        int32_t c = v[i].cp;
        if (c < 0 || is_control(c) || is_space(c) || is_decoration(c)) {
            put_cp(&b, ' ', i);
            continue;
        }
        if (c == '.' || c == 0x2026) {
            int dots = 0, last = dot_run(v, n, i, &dots);
            put_cp(&b, '.', i);
            if (dots >= 2 && last + 1 < n && !is_space(v[last + 1].cp))
                put_cp(&b, ' ', last + 1);
            i = last;
            continue;
        }
        if ((c == '!' || c == '?') && i > 0 && v[i - 1].cp == c)
            continue; /* "!!!" -> "!" */
        if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x2032) {
            put_cp(&b, '\'', i);
            continue;
        }
        if (c == 0x2013 || c == 0x2014 || c == 0x2015) {
            int spaced = i > 0 && is_space(v[i - 1].cp);
            put_cp(&b, spaced ? ',' : '-', i);
            continue;
        }
        put_cp(&b, c, i);
    }
    put_cp(&b, 0, n); /* terminator: also ensures text and map exist */
    free(v);
    if (b.oom) {
        ov_clean_text_free(out);
        return OV_ENOMEM;
    }
    out->nchars--;             /* the NUL is not a character... */
    out->map[out->nchars] = n; /* ...but its map slot holds the original length */
    return OV_OK;
}

void ov_clean_text_free(ov_clean_text *ct)
{
    if (!ct)
        return;
    free(ct->text);
    free(ct->map);
    memset(ct, 0, sizeof *ct);
}

int ov_clean_text_speakable(const ov_clean_text *ct)
{
    if (!ct || !ct->text)
        return 0;
    const char *p = ct->text, *end = p + strlen(p);
    while (p < end) {
        int32_t c = ov_utf8_decode(&p, end);
        if (c > ' ' && c != '.' && c != ',' && c != ';' && c != ':' && c != '!' && c != '?' && c != '-' &&
            c != '\'' && c != '"' && c != '(' && c != ')')
            return 1;
    }
    return 0;
}

int ov_clean_to_original(const ov_clean_text *ct, int pos0)
{
    if (!ct || !ct->map)
        return 0;
    if (pos0 < 0)
        return 0;
    if (pos0 > ct->nchars)
        pos0 = ct->nchars;
    return ct->map[pos0];
}

static int is_trim_punct(int32_t c)
{
    switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '"':
    case '\'':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '-':
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x00AB:
    case 0x00BB:
    case 0x2013:
    case 0x2014:
    case 0x2026:
    case 0x00A1:
    case 0x00BF:
        return 1;
    default:
        return 0;
    }
}

int ov_speech_words(const char *text, ov_word_span *spans, int max)
{
    if (!text)
        return 0;
    int n;
    ch *v = decode_all(text, &n);
    if (!v)
        return 0;
    int count = 0;
    for (int i = 0; i < n;) {
        if (v[i].cp >= 0 && (is_space(v[i].cp) || is_control(v[i].cp))) {
            i++;
            continue;
        }
        int s = i;
        while (i < n && !(v[i].cp >= 0 && (is_space(v[i].cp) || is_control(v[i].cp))))
            i++;
        int a = s, e = i; /* [a, e) */
        while (a < e && is_trim_punct(v[a].cp))
            a++;
        while (e > a && is_trim_punct(v[e - 1].cp))
            e--;
        if (a == e) {
            a = s;
            e = i;
        } /* punctuation only: keep whole */
        if (count < max && spans) {
            spans[count].start = a;
            spans[count].len = e - a;
        }
        count++;
    }
    free(v);
    return count;
}

int ov_speech_word_at(const ov_word_span *w, int n, int pos, int len)
{
    if (!w || n <= 0)
        return -1;
    if (len < 0)
        len = 0;
    for (int i = 0; i < n; i++)
        if (pos >= w[i].start && pos < w[i].start + w[i].len)
            return i;
    for (int i = 0; i < n; i++)
        if (w[i].start >= pos && w[i].start <= pos + len)
            return i;
    for (int i = n - 1; i >= 0; i--)
        if (w[i].start < pos)
            return i;
    return 0;
}

void ov_speech_spread(const ov_word_span *w, int n, long lead, long total, long tail, long *starts)
{
    if (!w || n <= 0 || !starts)
        return;
    if (lead < 0)
        lead = 0;
    if (tail < 0)
        tail = 0;
    long span = total - lead - tail;
    if (span < n) {
        lead = 0;
        span = total > n ? total : n;
    } /* all silence: use it all */
    long weight = 0;
    for (int i = 0; i < n; i++)
        weight += w[i].len + 1;
    long acc = 0;
    for (int i = 0; i < n; i++) {
        starts[i] = lead + (long)((double)span * acc / weight);
        acc += w[i].len + 1;
    }
}
