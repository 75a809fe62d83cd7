/* content_ini.c — content.ini text → sections and keys with line numbers.
 * inih does the splitting; our reader hands it one clean line at a time. */
#include "platform/content_ini.h"
#include "platform/files.h"
#include "base/ov_common.h"
#include "base/utf8.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SECTIONS_FIRST_CAP 16 /* sections room is first made for (doubled when full) */
#define KEYS_FIRST_CAP 8       /* keys of a section room is first made for (doubled when full) */
#define BOM "\xEF\xBB\xBF"     /* a UTF-8 byte order mark, skipped */
#define BOM_LEN 3

typedef struct {
    const char *text, *end, *pos;   /* the file, and where the next line starts */
    const char *file;
    int line;                       /* number of the line last handed to inih */
    int cut;                        /* that line was cut short */
    ov_ini_doc *doc;
    ov_diags *diags;
    int oom;
} reader_ctx;

static char *dup_range(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static ov_ini_section *add_section(reader_ctx *r, const char *head, size_t n, int line)
{
    ov_ini_doc *d = r->doc;
    if (d->n_sec == d->cap_sec) {
        int cap = d->cap_sec ? d->cap_sec * 2 : SECTIONS_FIRST_CAP;
        ov_ini_section *s = realloc(d->sec, (size_t)cap * sizeof *s);
        if (!s) {
            r->oom = 1;
            return NULL;
        }
        d->sec = s;
        d->cap_sec = cap;
    }
    ov_ini_section *s = &d->sec[d->n_sec];
    memset(s, 0, sizeof *s);
    s->head = dup_range(head, n);
    if (!s->head) {
        r->oom = 1;
        return NULL;
    }
    s->line = line;
    d->n_sec++;
    return s;
}

/* Report a problem of the current line with its code. */
#define INI_PROBLEM(r, code, ...) \
    ov_diag_add_code((r)->diags, OV_DIAG_ERROR, code, NULL, (r)->file, (r)->line, __VA_ARGS__)

static int is_space(char c) { return c == ' ' || c == '\t'; }

/* A ';' after a space starts a comment, so the words after it are left out
 * of the value: say so, with what is kept (a sentence is never cut silently). */
static void warn_cut_by_comment(reader_ctx *r, const char *value)
{
    for (const char *p = value; *p; p++) {
        if (*p == ';' && p > value && is_space(p[-1])) {
            const char *words = p + 1;
            while (*words && is_space(*words))
                words++;
            if (*words)
                ov_diag_add_code(r->diags, OV_DIAG_WARNING, OV_DIAG_CUT_COMMENT, NULL, r->file, r->line,
                                 "' ;' starts a comment, so '%.40s' is left out of the text; write ',' or "
                                 "'.' instead of ';', or remove the space before it",
                                 words);
            return;
        }
    }
}

/* The part of a section line between [ and ]; reports what is wrong. */
static int section_line(reader_ctx *r, const char *s, size_t n)
{
    const char *close = memchr(s, ']', n);
    if (!close) {
        INI_PROBLEM(r, OV_DIAG_INI_NO_CLOSING_BRACKET,
                    "section heading has no closing ']'; write it like [question my-id]");
        return 0;
    }
    const char *rest = close + 1, *end = s + n;
    while (rest < end && is_space(*rest)) rest++;
    if (rest < end && *rest != ';' && *rest != '#')
        INI_PROBLEM(r, OV_DIAG_INI_TEXT_AFTER_HEADING,
                    "unexpected text after ']'; put a section heading alone on its line");
    const char *a = s + 1, *b = close;
    while (a < b && is_space(*a)) a++;
    while (b > a && is_space(b[-1])) b--;
    add_section(r, a, (size_t)(b - a), r->line);
    return 1;
}

/* Replace invalid UTF-8, NUL and control bytes with '?' in place and report
 * the first kind of problem once for the line. */
static void clean_line(reader_ctx *r, char *s, size_t n)
{
    const char *p = s, *end = s + n;
    int bad_utf8 = 0, bad_ctrl = 0;
    while (p < end) {
        char *at = (char *)p;
        int32_t c = ov_utf8_decode(&p, end);
        if (c < 0) {
            *at = '?';
            bad_utf8 = 1;
        }
        else if ((c < 0x20 && c != '\t') || c == 0x7F) {
            *at = '?';
            bad_ctrl = 1;
        }
    }
    if (bad_utf8)
        INI_PROBLEM(r, OV_DIAG_INI_NOT_UTF8,
                    "this line is not valid UTF-8 text; save the file as UTF-8 (Unicode) in your editor");
    else if (bad_ctrl)
        INI_PROBLEM(r, OV_DIAG_INI_CONTROL_CHAR,
                    "this line has a control character (or a zero byte); is this a text file? remove it");
}

/* inih's fgets-style reader: copies the next line into buf, cleaned. */
static char *read_line(char *buf, int num, void *stream)
{
    reader_ctx *r = stream;
    if (r->pos >= r->end || num < 8) return NULL;
    const char *nl = memchr(r->pos, '\n', (size_t)(r->end - r->pos));
    const char *lend = nl ? nl : r->end;
    const char *s = r->pos;
    r->pos = nl ? nl + 1 : r->end;
    r->line++;
    r->cut = 0;
    if (r->line == 1 && lend - s >= BOM_LEN && !memcmp(s, BOM, BOM_LEN)) s += BOM_LEN;
    if (lend > s && lend[-1] == '\r') lend--;
    while (s < lend && is_space(*s)) s++;  /* no leading space: inih would take it as a continuation */
    size_t n = (size_t)(lend - s);
    size_t room = (size_t)num - 2;         /* inih wants room for '\n' and NUL */
    if (n > room) {
        size_t keep = room;
        while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80) keep--;
        INI_PROBLEM(r, OV_DIAG_INI_LINE_TOO_LONG,
                    "this line is too long (%zu bytes, at most %zu); make the text shorter", n, room);
        n = keep;
        r->cut = 1;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    clean_line(r, buf, n);
    if (n == 0 || buf[0] == ';' || buf[0] == '#') return buf;
    if (buf[0] == '[') {
        if (!section_line(r, buf, n)) buf[0] = '\0';
        return buf;
    }
    /* a key line needs '=' (or ':', which inih also accepts) before any comment */
    size_t i = 0;
    for (; i < n; i++) {
        if (buf[i] == '=' || buf[i] == ':') break;
        if (buf[i] == ';' && i > 0 && is_space(buf[i - 1])) {
            i = n;
            break;
        }
    }
    if (i == n) {
        INI_PROBLEM(r, OV_DIAG_INI_NOT_KEY_VALUE,
                    "this line is not 'key = value', a [section] heading or a ; comment");
        buf[0] = '\0';
    } else if (i == 0 || buf[0] == '=' || buf[0] == ':') {
        INI_PROBLEM(r, OV_DIAG_INI_NOT_KEY_VALUE,
                    "a key name is missing before '='; write it like title = My question");
        buf[0] = '\0';
    } else {
        warn_cut_by_comment(r, buf + i + 1);
    }
    return buf;
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    reader_ctx *r = user;
    (void)section;   /* we track sections ourselves: inih cuts names at 50 bytes */
    ov_ini_doc *d = r->doc;
    if (r->oom || !name || !value) return 1;   /* NULL: an inih built to report new sections */
    if (d->n_sec == 0 && !add_section(r, "", 0, 0)) return 1;
    ov_ini_section *s = &d->sec[d->n_sec - 1];
    if (s->n_kv == s->cap_kv) {
        int cap = s->cap_kv ? s->cap_kv * 2 : KEYS_FIRST_CAP;
        ov_ini_kv *kv = realloc(s->kv, (size_t)cap * sizeof *kv);
        if (!kv) {
            r->oom = 1;
            return 1;
        }
        s->kv = kv;
        s->cap_kv = cap;
    }
    ov_ini_kv *kv = &s->kv[s->n_kv];
    kv->key = dup_range(name, strlen(name));
    kv->value = dup_range(value, strlen(value));
    kv->line = r->line;
    kv->cut = r->cut;
    if (!kv->key || !kv->value) {
        free(kv->key);
        free(kv->value);
        r->oom = 1;
        return 1;
    }
    s->n_kv++;
    return 1;
}

int ov_ini_parse(const char *text, size_t len, const char *file,
                 ov_ini_doc *doc, ov_diags *diags)
{
    reader_ctx r = { text, text + len, text, file, 0, 0, doc, diags, 0 };
    memset(doc, 0, sizeof *doc);
    ini_parse_stream(read_line, &r, on_key, &r);  /* syntax errors were reported by read_line */
    return r.oom ? OV_ENOMEM : OV_OK;
}

int ov_ini_read_file(const char *path, char **text, size_t *len, char *err, size_t errlen)
{
    int rc = ov_file_read_all(path, OV_INI_MAX_FILE, text, len, err, errlen);
    if (rc == OV_EINVAL) rc = OV_EIO;   /* not a regular file, or too big: as before */
    return rc;
}

