/* json_read.c — strict recursive-descent JSON parser building a small tree. */
#include "base/json_read.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

typedef struct {
    const char *s, *end, *line_start;
    int line;
    char *err;
    size_t errlen;
    int failed;
} parser;

static void fail(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(parser *p, const char *fmt, ...)
{
    if (p->failed) return;
    p->failed = 1;
    if (!p->err || !p->errlen) return;
    int n = snprintf(p->err, p->errlen, "line %d, column %d: ", p->line, (int)(p->s - p->line_start) + 1);
    if (n < 0 || (size_t)n >= p->errlen) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

static void skip_ws(parser *p)
{
    while (p->s < p->end) {
        char c = *p->s;
        if (c == '\n') {
            p->line++;
            p->s++;
            p->line_start = p->s;
        } else if (c == ' ' || c == '\t' || c == '\r') p->s++;
        else break;
    }
}

static ov_json *new_node(parser *p, ov_json_type t)
{
    ov_json *v = calloc(1, sizeof *v);
    if (!v) {
        fail(p, "out of memory");
        return NULL;
    }
    v->type = t;
    v->line = p->line;
    return v;
}

void ov_json_free(ov_json *v)
{
    while (v) {
        ov_json *next = v->next;
        ov_json_free(v->child);
        free(v->string);
        free(v->key);
        free(v);
        v = next;
    }
}

static int hex4(parser *p, unsigned *out)
{
    if (p->end - p->s < 4) {
        fail(p, "\\u needs 4 hex digits");
        return 0;
    }
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p->s[i];
        v <<= 4;
        if (c >= '0' && c <= '9') {
            v |= (unsigned)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            v |= (unsigned)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            v |= (unsigned)(c - 'A' + 10);
        } else {
            fail(p, "\\u needs 4 hex digits");
            return 0;
        }
    }
    p->s += 4;
    *out = v;
    return 1;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 63));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 63));
        o[2] = (char)(0x80 | (cp & 63));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 63));
    o[2] = (char)(0x80 | (cp >> 6 & 63));
    o[3] = (char)(0x80 | (cp & 63));
    return 4;
}

/* Length of a valid UTF-8 sequence at s (within end), or 0. */
static int utf8_seq(const unsigned char *s, const unsigned char *end)
{
    if (s[0] < 0x80) return 1;
    int n = 0;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4;
    if (!n || end - s < n) return 0;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (n == 3 && s[0] == 0xE0 && s[1] < 0xA0) return 0;
    if (n == 3 && s[0] == 0xED && s[1] >= 0xA0) return 0;
    if (n == 4 && s[0] == 0xF0 && s[1] < 0x90) return 0;
    if (n == 4 && s[0] == 0xF4 && s[1] >= 0x90) return 0;
    return n;
}

/* The character a one-letter escape (\n, \t, ...) stands for, or 0. */
static char simple_escape(char e)
{
    static const char from[] = "\"\\/bfnrt";
    static const char to[] = "\"\\/\b\f\n\r\t";
    const char *at = e ? strchr(from, e) : NULL;
    return at ? to[at - from] : 0;
}

/* The code point of a \uXXXX escape (after the "\u"), joining a surrogate
 * pair into one; 0 after fail(). */
static unsigned parse_u_escape(parser *p)
{
    unsigned cp;
    if (!hex4(p, &cp))
        return 0;
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
        fail(p, "\\u escape: a low surrogate without a high one");
        return 0;
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        unsigned lo;
        if (p->end - p->s < 2 || p->s[0] != '\\' || p->s[1] != 'u') {
            fail(p, "\\u escape: a high surrogate must be followed by \\uDC00-\\uDFFF");
            return 0;
        }
        p->s += 2;
        if (!hex4(p, &lo))
            return 0;
        if (lo < 0xDC00 || lo > 0xDFFF) {
            fail(p, "\\u escape: a high surrogate must be followed by \\uDC00-\\uDFFF");
            return 0;
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    if (cp == 0)
        fail(p, "\\u0000 is not allowed in OurVoice files");
    return cp;
}

/* The escape after a backslash, written at *o (advanced). Returns 1, or 0
 * after fail(). */
static int parse_escape(parser *p, char **o)
{
    p->s++;
    if (p->s >= p->end) {
        fail(p, "the text ends inside a string");
        return 0;
    }
    char e = *p->s++;
    char plain = simple_escape(e);
    if (plain) {
        *(*o)++ = plain;
        return 1;
    }
    if (e != 'u') {
        p->s--;
        fail(p, "unknown escape \\%c in a string", e);
        return 0;
    }
    unsigned cp = parse_u_escape(p);
    if (!cp)
        return 0;
    *o += put_utf8(*o, cp);
    return 1;
}

/* One character of a string (not a quote) copied to *o. Returns 1, or 0
 * after fail(). */
static int string_char(parser *p, char **o)
{
    unsigned char c = (unsigned char)*p->s;
    if (c < 0x20) {
        fail(p, "control character inside a string (write it as \\n, \\t or \\u00XX)");
        return 0;
    }
    if (c == '\\')
        return parse_escape(p, o);
    int n = utf8_seq((const unsigned char *)p->s, (const unsigned char *)p->end);
    if (!n) {
        fail(p, "the file is not valid UTF-8 here; save it as UTF-8");
        return 0;
    }
    memcpy(*o, p->s, (size_t)n);
    *o += n;
    p->s += n;
    return 1;
}

/* A string starting at the opening quote; returns a malloc'd copy. */
static char *parse_string(parser *p)
{
    p->s++; /* opening quote */
    /* decoded text is never longer than the source */
    const char *q = p->s;
    while (q < p->end && *q != '"') {
        if (*q == '\\' && q + 1 < p->end)
            q++;
        q++;
    }
    char *out = malloc((size_t)(q - p->s) + 1);
    char *o = out;
    if (!out) {
        fail(p, "out of memory");
        return NULL;
    }
    for (;;) {
        if (p->s >= p->end) {
            fail(p, "the text ends inside a string (a closing \" is missing)");
            free(out);
            return NULL;
        }
        if (*p->s == '"') {
            p->s++;
            break;
        }
        if (!string_char(p, &o)) {
            free(out);
            return NULL;
        }
    }
    *o = '\0';
    return out;
}

static void parse_number(parser *p, ov_json *v)
{
    const char *start = p->s;
    int integer = 1;
    if (p->s < p->end && *p->s == '-') p->s++;
    if (p->s >= p->end || *p->s < '0' || *p->s > '9') {
        fail(p, "a number needs a digit here");
        return;
    }
    if (*p->s == '0') {
        p->s++;
        if (p->s < p->end && *p->s >= '0' && *p->s <= '9') {
            fail(p, "numbers cannot start with 0");
            return;
        }
    } else {
        while (p->s < p->end && *p->s >= '0' && *p->s <= '9') p->s++;
    }
    if (p->s < p->end && *p->s == '.') {
        integer = 0;
        p->s++;
        if (p->s >= p->end || *p->s < '0' || *p->s > '9') {
            fail(p, "a digit must follow the decimal point");
            return;
        }
        while (p->s < p->end && *p->s >= '0' && *p->s <= '9') p->s++;
    }
    if (p->s < p->end && (*p->s == 'e' || *p->s == 'E')) {
        integer = 0;
        p->s++;
        if (p->s < p->end && (*p->s == '+' || *p->s == '-')) p->s++;
        if (p->s >= p->end || *p->s < '0' || *p->s > '9') {
            fail(p, "a digit must follow the exponent");
            return;
        }
        while (p->s < p->end && *p->s >= '0' && *p->s <= '9') p->s++;
    }
    char buf[64];
    size_t n = (size_t)(p->s - start);
    if (n >= sizeof buf) {
        fail(p, "number too long");
        return;
    }
    memcpy(buf, start, n);
    buf[n] = '\0';
    v->number = strtod(buf, NULL);
    if (integer) {
        errno = 0;
        long long ll = strtoll(buf, NULL, 10);
        if (errno == 0) {
            v->is_integer = 1;
            v->integer = ll;
        }
    }
}

static ov_json *parse_value(parser *p, int depth);

static int literal(parser *p, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(p->end - p->s) >= n && memcmp(p->s, word, n) == 0) {
        p->s += n;
        return 1;
    }
    return 0;
}

/* A member name and its ':' inside object v; returns a malloc'd name, or
 * NULL after fail(). */
static char *parse_member_name(parser *p, const ov_json *v)
{
    if (p->s >= p->end || *p->s != '"') {
        fail(p, "a member name in double quotes is expected here");
        return NULL;
    }
    char *key = parse_string(p);
    if (!key)
        return NULL;
    for (const ov_json *m = v->child; m; m = m->next)
        if (strcmp(m->key, key) == 0) {
            fail(p, "the name \"%s\" appears twice in one object", key);
            free(key);
            return NULL;
        }
    skip_ws(p);
    if (p->s >= p->end || *p->s != ':') {
        fail(p, "':' is expected after a member name");
        free(key);
        return NULL;
    }
    p->s++;
    return key;
}

/* After an item: 1 at a ',' followed by another item, 0 at the closing
 * bracket (both passed), -1 after fail(). */
static int after_item(parser *p, char close, int object)
{
    skip_ws(p);
    if (p->s < p->end && *p->s == ',') {
        p->s++;
        skip_ws(p);
        if (p->s < p->end && *p->s == close) {
            fail(p, "a comma before '%c' is not allowed", close);
            return -1;
        }
        return 1;
    }
    if (p->s < p->end && *p->s == close) {
        p->s++;
        return 0;
    }
    fail(p, object ? "',' or '}' is expected here" : "',' or ']' is expected here");
    return -1;
}

static ov_json *parse_container(parser *p, int depth, int object)
{
    ov_json *v = new_node(p, object ? OV_JSON_OBJECT : OV_JSON_ARRAY);
    ov_json *last = NULL;
    if (!v)
        return NULL;
    p->s++;
    skip_ws(p);
    char close = object ? '}' : ']';
    if (p->s < p->end && *p->s == close) {
        p->s++;
        return v;
    }
    for (int more = 1; more == 1;) {
        char *key = NULL;
        skip_ws(p);
        if (object && !(key = parse_member_name(p, v)))
            break;
        ov_json *item = parse_value(p, depth + 1);
        if (!item) {
            free(key);
            break;
        }
        item->key = key;
        if (last)
            last->next = item;
        else
            v->child = item;
        last = item;
        v->n_children++;
        more = after_item(p, close, object);
        if (more == 0)
            return v;
    }
    ov_json_free(v);
    return NULL;
}

static ov_json *parse_value(parser *p, int depth)
{
    if (depth > MAX_DEPTH) {
        fail(p, "nested more than %d deep", MAX_DEPTH);
        return NULL;
    }
    skip_ws(p);
    if (p->s >= p->end) {
        fail(p, "the text ends where a value is expected");
        return NULL;
    }
    char c = *p->s;
    ov_json *v = NULL;
    if (c == '{' || c == '[') return parse_container(p, depth, c == '{');
    if (c == '"') {
        v = new_node(p, OV_JSON_STRING);
        if (v && !(v->string = parse_string(p))) {
            ov_json_free(v);
            return NULL;
        }
        return v;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        v = new_node(p, OV_JSON_NUMBER);
        if (v) parse_number(p, v);
        if (p->failed) {
            ov_json_free(v);
            return NULL;
        }
        return v;
    }
    if (literal(p, "true")) return new_node(p, OV_JSON_TRUE);
    if (literal(p, "false")) return new_node(p, OV_JSON_FALSE);
    if (literal(p, "null")) return new_node(p, OV_JSON_NULL);
    fail(p,
         "unexpected character '%c'; a value (string, number, object, array, true, false, null) "
         "is expected", c);
    return NULL;
}

ov_json *ov_json_parse(const char *text, size_t len, char *err, size_t errlen)
{
    parser p = { .s = text, .end = text + len, .line_start = text, .line = 1, .err = err, .errlen = errlen };
    if (err && errlen) err[0] = '\0';
    if (!text) {
        fail(&p, "no text");
        return NULL;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* tolerate a BOM */
        p.s += 3;
        p.line_start = p.s;
    }
    ov_json *root = parse_value(&p, 0);
    if (!root) return NULL;
    skip_ws(&p);
    if (p.s < p.end) {
        fail(&p, "extra text after the end of the JSON value");
        ov_json_free(root);
        return NULL;
    }
    return root;
}

const ov_json *ov_json_get(const ov_json *obj, const char *key)
{
    if (!obj || obj->type != OV_JSON_OBJECT) return NULL;
    for (const ov_json *m = obj->child; m; m = m->next)
        if (strcmp(m->key, key) == 0) return m;
    return NULL;
}

const char *ov_json_type_name(ov_json_type t)
{
    switch (t) {
    case OV_JSON_NULL: return "null";
    case OV_JSON_FALSE:
        case OV_JSON_TRUE: return "true/false";
    case OV_JSON_NUMBER: return "number";
    case OV_JSON_STRING: return "string";
    case OV_JSON_ARRAY: return "array";
    case OV_JSON_OBJECT: return "object";
    }
    return "?";
}
