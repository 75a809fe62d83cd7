/* content_import_words.c — says a content checker problem in plain words for
 * the facilitator: which question or answer it is about (by its place, not
 * its id), what is wrong, and the line in content.ini to look at. */
#include "platform/content_import.h"
#include "platform/content_ini.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char subject[160];      /* "Question 2", "The answer “yes” of “yes-no”", "" */
    char key[64];           /* key on the problem's line, or "" */
    char value[128];        /* its value (cut) */
} where_info;

/* Find the section holding `line` and the key on it, and name it. */
static void locate(const ov_ini_doc *doc, int line, where_info *w)
{
    memset(w, 0, sizeof *w);
    if (!doc || line <= 0) return;
    const ov_ini_section *s = NULL;
    int qnum = 0, s_qnum = 0;
    for (int i = 0; i < doc->n_sec; i++) {
        const ov_ini_section *c = &doc->sec[i];
        if (c->line > line) break;
        if (!strncmp(c->head, "question", 8) && (c->head[8] == ' ' || c->head[8] == '\t')) qnum++;
        s = c;
        s_qnum = qnum;
    }
    if (!s) return;
    for (int k = 0; k < s->n_kv; k++) {
        if (s->kv[k].line == line) {
            ov_strlcpy(w->key, s->kv[k].key, sizeof w->key);
            ov_strlcpy(w->value, s->kv[k].value, sizeof w->value);
        }
    }
    char buf[256], *tok[4] = { 0 };
    int n = 0;
    ov_strlcpy(buf, s->head, sizeof buf);
    for (char *save = NULL, *t = strtok_r(buf, " \t", &save); t && n < 4; t = strtok_r(NULL, " \t", &save))
        tok[n++] = t;
    if (s->line == 0 || n == 0) return;
    if (!strcmp(tok[0], "question") && n == 2) {
        snprintf(w->subject, sizeof w->subject, "Question %d", s_qnum);
    } else if (!strcmp(tok[0], "answer") && n == 3) {
        snprintf(w->subject, sizeof w->subject, "The answer \u201c%.40s\u201d of \u201c%.40s\u201d", tok[2], tok[1]);
    } else if (!strcmp(tok[0], "scale") && n == 2) {
        snprintf(w->subject, sizeof w->subject, "The scale \u201c%.40s\u201d", tok[1]);
    } else if (!strcmp(tok[0], "texts") && n == 1) {
        snprintf(w->subject, sizeof w->subject, "The screen words");
    } else if (!strcmp(tok[0], "content") && n == 1) {
        snprintf(w->subject, sizeof w->subject, "The language part");
    }
}

/* A key's name in plain words. */
static const char *key_words(const char *key)
{
    static const struct { const char *key, *words; } names[] = {
        { "title", "title" }, { "sentence", "sentence" }, { "picture", "picture" },
        { "recording", "recording" }, { "scale", "answers" }, { "word", "word" }, { "say", "spoken words" },
        { "colour", "colour" }, { "shape", "shape" }, { "name", "name" }, { "dont-know", "\u201cI don't know\u201d setting" },
        { "language", "language" }, { "progress", "progress words" },
    };
    for (size_t i = 0; i < OV_ARRAY_LEN(names); i++) if (!strcmp(names[i].key, key)) return names[i].words;
    return key;
}

/* The text between the first two single quotes after `after` in msg, or "". */
static void quoted_after(const char *msg, const char *after, char *out, size_t outlen)
{
    out[0] = '\0';
    const char *p = after ? strstr(msg, after) : msg;
    if (!p) return;
    const char *a = strchr(p, '\'');
    if (!a) return;
    const char *b = strchr(a + 1, '\'');
    if (!b) return;
    size_t n = (size_t)(b - a - 1);
    if (n >= outlen) n = outlen - 1;
    memcpy(out, a + 1, n);
    out[n] = '\0';
}

typedef struct {
    char *out;
    size_t len;
} sink;

static void put(sink *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(sink *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->out, s->len, fmt, ap);
    va_end(ap);
}

/* The sentence without its place, into s. subj is never "" here. */
static void say(sink *s, const char *msg, const char *subj, const where_info *w)
{
    char q[128];
    const char *k = w->key[0] ? key_words(w->key) : "file";
    if (strstr(msg, "not found; a content folder needs")) { put(s, "The file content.ini is missing"); return; }
    /* problems with the line itself */
    if (strstr(msg, "not valid UTF-8")) { put(s, "This line has letters the kiosk cannot read; save the file as UTF-8"); return; }
    if (strstr(msg, "control character")) { put(s, "This line has a character that is not text"); return; }
    if (strstr(msg, "this line is too long")) { put(s, "This line is too long"); return; }
    if (strstr(msg, "is not 'key = value'")) { put(s, "This line is not a setting, a heading or a comment"); return; }
    if (strstr(msg, "no closing ']'")) { put(s, "This heading has no ]"); return; }
    if (strstr(msg, "unexpected text after ']'")) { put(s, "Put this heading alone on its line"); return; }
    if (strstr(msg, "empty section heading")) { put(s, "This heading is empty"); return; }
    if (strstr(msg, " after the word '")) { put(s, "This heading needs a name, like [question my-id]"); return; }
    if (strstr(msg, "there are no questions")) { put(s, "There are no questions"); return; }
    if (strstr(msg, "too many questions")) { put(s, "There are more than %d questions", OV_MAX_QUESTIONS); return; }
    if (strstr(msg, "too many scales")) { put(s, "There are more than %d scales", OV_MAX_SCALES); return; }
    if (strstr(msg, "has no answers") || strstr(msg, "has no 'scale'")) { put(s, "%s has no answers", subj); return; }
    if (strstr(msg, "which has no [scale")) {
        quoted_after(msg, "is for scale", q, sizeof q);
        put(s, "%s: there is no scale \u201c%s\u201d", subj, q); return;
    }
    if (strstr(msg, "it needs at least 2")) {
        quoted_after(msg, "scale", q, sizeof q);
        put(s, "The scale \u201c%s\u201d needs at least 2 answers", q); return;
    }
    if (strstr(msg, "has more than") && strstr(msg, "answers")) {
        quoted_after(msg, "scale", q, sizeof q);
        put(s, "The scale \u201c%s\u201d has more than %d answers", q, OV_MAX_ANSWERS); return;
    }
    if (strstr(msg, "sentences; easy read")) { put(s, "%s has more than %d sentences", subj, OV_MAX_SENTENCES); return; }
    if (strstr(msg, "file not found")) {
        put(s, "%s: the %s %s is not there", subj, k, w->value); return;
    }
    if (strstr(msg, "must be an .svg")) { put(s, "%s: the picture must be an SVG, PNG or JPG file", subj); return; }
    if (strstr(msg, "must be a .wav")) { put(s, "%s: the recording must be a WAV file", subj); return; }
    if (strstr(msg, "is a link")) { put(s, "%s: the %s is a link to another place; copy the file itself", subj, k); return; }
    if (strstr(msg, "absolute path") || strstr(msg, "outside the content folder"))
        { put(s, "%s: the %s must be inside the content folder", subj, k); return; }
    if (strstr(msg, "is hidden")) { put(s, "%s: the %s is a hidden file; rename it without the dot", subj, k); return; }
    if (strstr(msg, "is too big")) { put(s, "%s: the %s is too big", subj, k); return; }
    if (strstr(msg, "is not a file")) { put(s, "%s: the %s is a folder, not a file", subj, k); return; }
    if (strstr(msg, "has no '")) {
        quoted_after(msg, "has no ", q, sizeof q);
        put(s, "%s has no %s", subj, key_words(q)); return;
    }
    if (strstr(msg, "unknown key")) { quoted_after(msg, "unknown key", q, sizeof q); put(s, "%s: the kiosk does not know \u201c%s\u201d", subj, q); return; }
    if (strstr(msg, "unknown colour")) { put(s, "%s: the kiosk does not know the colour \u201c%s\u201d", subj, w->value); return; }
    if (strstr(msg, "unknown shape")) { put(s, "%s: the kiosk does not know the shape \u201c%s\u201d", subj, w->value); return; }
    if (strstr(msg, "unknown section")) { put(s, "The kiosk does not know this heading"); return; }
    if (strstr(msg, "is not a good id")) { put(s, "A name in [ ] may only have letters, numbers, - and _"); return; }
    if (strstr(msg, "is empty")) { put(s, "%s: the %s is empty", subj, k); return; }
    if (strstr(msg, "too long to store")) { put(s, "%s: the %s is too long", subj, k); return; }
    if (strstr(msg, "is given twice")) {
        if (w->key[0]) put(s, "%s has the %s twice", subj, k);
        else put(s, "%s is in the file twice", subj);
        return;
    }
    if (strstr(msg, "write yes or no")) { put(s, "%s: write yes or no for the %s", subj, k); return; }
    if (strstr(msg, "is not a language code")) { put(s, "The language is not one the kiosk knows"); return; }
    if (strstr(msg, "progress must hold")) { put(s, "The progress words need %%d twice"); return; }
    if (strstr(msg, "already has an \"I don't know\"")) { put(s, "%s: there are 2 \u201cI don't know\u201d answers", subj); return; }
    if (strstr(msg, "is outside any section")) { put(s, "This line is not under a heading"); return; }
    /* easy-read warnings */
    if (strstr(msg, "is a long word")) { quoted_after(msg, NULL, q, sizeof q); put(s, "%s: \u201c%s\u201d is a long word; use a short everyday word", subj, q); return; }
    if (strstr(msg, "acronym")) { quoted_after(msg, NULL, q, sizeof q); put(s, "%s: write \u201c%s\u201d out in full words", subj, q); return; }
    if (strstr(msg, "number written as a word")) { quoted_after(msg, NULL, q, sizeof q); put(s, "%s: write \u201c%s\u201d in digits", subj, q); return; }
    if (strstr(msg, "has a sentence of")) { put(s, "%s: a sentence has more than %d words", subj, OV_MAX_SENTENCE_WORDS); return; }
    if (strstr(msg, "sentences; put each")) { put(s, "%s: put each sentence on its own line", subj); return; }
    if (strstr(msg, "same colour and shape")) { put(s, "%s: 2 answers look the same", subj); return; }
    if (strstr(msg, "may not fit") || strstr(msg, "characters; about")) { put(s, "%s: the %s may be too long for the screen", subj, k); return; }
    if (strstr(msg, "has no picture")) { put(s, "%s has no picture", subj); return; }
    if (strstr(msg, "no [texts] section")) { put(s, "There are no screen words, so the kiosk uses its own English ones"); return; }
    if (strstr(msg, "the built-in English text is used")) {
        quoted_after(msg, "has no", q, sizeof q);
        put(s, "The screen words have no \u201c%s\u201d, so the kiosk uses its own English one", q); return;
    }
    /* anything else: the checker's own words, up to the advice */
    size_t n = strcspn(msg, ";");
    put(s, "%s: %.*s", subj, (int)(n > 150 ? 150 : n), msg);
}

int ov_import_plain_words(const char *text, const char *file, const char *ini_text, size_t ini_len,
                          char *out, size_t outlen)
{
    if (!out || !outlen) return 0;
    out[0] = '\0';
    if (!text) return 0;
    const char *msg = text;
    int line = 0;
    size_t fl = file ? strlen(file) : 0;
    if (fl && !strncmp(text, file, fl) && text[fl] == ':') {
        msg = text + fl + 1;
        if (isdigit((unsigned char)*msg)) {
            char *end;
            long v = strtol(msg, &end, 10);
            if (*end == ':') { line = (int)v; msg = end + 1; }
        }
        while (*msg == ' ') msg++;
    }
    if (!strncmp(msg, "warning: ", 9)) msg += 9;

    ov_ini_doc doc;
    memset(&doc, 0, sizeof doc);
    int have_doc = 0;
    if (ini_text && line > 0) {
        ov_diags *scratch = malloc(sizeof *scratch);
        if (scratch) {
            ov_diags_init(scratch);
            have_doc = ov_ini_parse(ini_text, ini_len, "content.ini", &doc, scratch) == OV_OK;
            free(scratch);
        }
    }
    where_info w;
    locate(have_doc ? &doc : NULL, line, &w);
    ov_ini_doc_free(&doc);

    char subj[176];
    if (w.subject[0]) ov_strlcpy(subj, w.subject, sizeof subj);
    else if (line > 0) ov_strlcpy(subj, "This line", sizeof subj);
    else ov_strlcpy(subj, "The content", sizeof subj);

    char body[OV_IMPORT_TEXT_LEN];
    sink s = { body, sizeof body };
    body[0] = '\0';
    say(&s, msg, subj, &w);
    size_t bl = strlen(body);
    while (bl && (body[bl - 1] == '.' || body[bl - 1] == ' ')) body[--bl] = '\0';
    if (line > 0) snprintf(out, outlen, "%s (content.ini line %d).", body, line);
    else snprintf(out, outlen, "%s.", body);
    return line;
}
