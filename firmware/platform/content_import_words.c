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
    char subject[160]; /* "Question 2", "The answer “yes” of “yes-no”", "" */
    char key[64];      /* key on the problem's line, or "" */
    char value[128];   /* its value (cut) */
} where_info;

/* Find the section holding `line` and the key on it, and name it. */
static void locate(const ov_ini_doc *doc, int line, where_info *w)
{
    memset(w, 0, sizeof *w);
    if (!doc || line <= 0)
        return;
    const ov_ini_section *s = NULL;
    int qnum = 0, s_qnum = 0;
    for (int i = 0; i < doc->n_sec; i++) {
        const ov_ini_section *c = &doc->sec[i];
        if (c->line > line)
            break;
        if (!strncmp(c->head, "question", 8) && (c->head[8] == ' ' || c->head[8] == '\t'))
            qnum++;
        s = c;
        s_qnum = qnum;
    }
    if (!s)
        return;
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
    if (s->line == 0 || n == 0)
        return;
    if (!strcmp(tok[0], "question") && n == 2) {
        snprintf(w->subject, sizeof w->subject, "Question %d", s_qnum);
    } else if (!strcmp(tok[0], "answer") && n == 3) {
        snprintf(w->subject, sizeof w->subject, "The answer \u201c%.40s\u201d of \u201c%.40s\u201d", tok[2],
                 tok[1]);
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
    static const struct {
        const char *key, *words;
    } names[] = {
        { "title", "title" },
        { "sentence", "sentence" },
        { "picture", "picture" },
        { "recording", "recording" },
        { "scale", "answers" },
        { "word", "word" },
        { "say", "spoken words" },
        { "colour", "colour" },
        { "shape", "shape" },
        { "name", "name" },
        { "dont-know", "\u201cI don't know\u201d setting" },
        { "language", "language" },
        { "progress", "progress words" },
    };
    for (size_t i = 0; i < OV_ARRAY_LEN(names); i++)
        if (!strcmp(names[i].key, key))
            return names[i].words;
    return key;
}

/* What goes into a plain-words pattern, in order. */
typedef enum {
    W_NONE,         /* the pattern alone */
    W_SUBJ,         /* the subject */
    W_SUBJ_KEY,     /* the subject, the key in plain words */
    W_SUBJ_KEY_VAL, /* the subject, the key, the value on the line */
    W_SUBJ_VAL,     /* the subject, the value on the line */
    W_SUBJ_ARG,     /* the subject, the name the problem is about */
    W_SUBJ_ARG_KEY, /* the subject, that name as a key in plain words */
    W_ARG,          /* the name the problem is about */
    W_ARG_LIMIT,    /* that name, then the limit */
    W_SUBJ_LIMIT,   /* the subject, then the limit */
    W_LIMIT,        /* the limit */
    W_TWICE,        /* a key twice, or a whole section twice */
    W_OWN_WORDS,    /* the checker's own words, up to the advice */
} words_args;

typedef struct {
    ov_diag_code code;
    words_args args;
    const char *pattern;
    int limit;
} words_row;

static const words_row words_table[] = {
    { OV_DIAG_CONTENT_MISSING, W_NONE, "The file content.ini is missing", 0 },
    { OV_DIAG_INI_NOT_UTF8, W_NONE, "This line has letters the kiosk cannot read; save the file as UTF-8",
      0 },
    { OV_DIAG_INI_CONTROL_CHAR, W_NONE, "This line has a character that is not text", 0 },
    { OV_DIAG_INI_LINE_TOO_LONG, W_NONE, "This line is too long", 0 },
    { OV_DIAG_INI_NOT_KEY_VALUE, W_NONE, "This line is not a setting, a heading or a comment", 0 },
    { OV_DIAG_INI_NO_CLOSING_BRACKET, W_NONE, "This heading has no ]", 0 },
    { OV_DIAG_INI_TEXT_AFTER_HEADING, W_NONE, "Put this heading alone on its line", 0 },
    { OV_DIAG_HEADING_EMPTY, W_NONE, "This heading is empty", 0 },
    { OV_DIAG_HEADING_IDS, W_NONE, "This heading needs a name, like [question my-id]", 0 },
    { OV_DIAG_NO_QUESTIONS, W_NONE, "There are no questions", 0 },
    { OV_DIAG_TOO_MANY_QUESTIONS, W_LIMIT, "There are more than %d questions", OV_MAX_QUESTIONS },
    { OV_DIAG_TOO_MANY_SCALES, W_LIMIT, "There are more than %d scales", OV_MAX_SCALES },
    { OV_DIAG_NO_ANSWERS, W_SUBJ, "%s has no answers", 0 },
    { OV_DIAG_ANSWER_NO_SCALE, W_SUBJ_ARG, "%s: there is no scale \u201c%s\u201d", 0 },
    { OV_DIAG_TOO_FEW_ANSWERS, W_ARG, "The scale \u201c%s\u201d needs at least 2 answers", 0 },
    { OV_DIAG_TOO_MANY_ANSWERS, W_ARG_LIMIT, "The scale \u201c%s\u201d has more than %d answers",
      OV_MAX_ANSWERS },
    { OV_DIAG_TOO_MANY_SENTENCES, W_SUBJ_LIMIT, "%s has more than %d sentences", OV_MAX_SENTENCES },
    { OV_DIAG_FILE_NOT_FOUND, W_SUBJ_KEY_VAL, "%s: the %s %s is not there", 0 },
    { OV_DIAG_PICTURE_TYPE, W_SUBJ, "%s: the picture must be an SVG, PNG or JPG file", 0 },
    { OV_DIAG_RECORDING_TYPE, W_SUBJ, "%s: the recording must be a WAV file", 0 },
    { OV_DIAG_LINK_OUTSIDE, W_SUBJ_KEY, "%s: the %s is a link to another place; copy the file itself", 0 },
    { OV_DIAG_PATH_ABSOLUTE, W_SUBJ_KEY, "%s: the %s must be inside the content folder", 0 },
    { OV_DIAG_PATH_OUTSIDE, W_SUBJ_KEY, "%s: the %s must be inside the content folder", 0 },
    { OV_DIAG_HIDDEN, W_SUBJ_KEY, "%s: the %s is a hidden file; rename it without the dot", 0 },
    { OV_DIAG_FILE_TOO_BIG, W_SUBJ_KEY, "%s: the %s is too big", 0 },
    { OV_DIAG_NOT_A_FILE, W_SUBJ_KEY, "%s: the %s is a folder, not a file", 0 },
    { OV_DIAG_FILE_UNUSABLE, W_SUBJ_ARG, "%s: this file cannot be used: %s", 0 },
    { OV_DIAG_KEY_MISSING, W_SUBJ_ARG_KEY, "%s has no %s", 0 },
    { OV_DIAG_TEXTS_KEY_MISSING, W_SUBJ_ARG_KEY, "%s has no %s", 0 },
    { OV_DIAG_UNKNOWN_KEY, W_SUBJ_ARG, "%s: the kiosk does not know \u201c%s\u201d", 0 },
    { OV_DIAG_COLOUR_UNKNOWN, W_SUBJ_VAL, "%s: the kiosk does not know the colour \u201c%s\u201d", 0 },
    { OV_DIAG_SHAPE_UNKNOWN, W_SUBJ_VAL, "%s: the kiosk does not know the shape \u201c%s\u201d", 0 },
    { OV_DIAG_UNKNOWN_SECTION, W_NONE, "The kiosk does not know this heading", 0 },
    { OV_DIAG_BAD_ID, W_NONE, "A name in [ ] may only have letters, numbers, - and _", 0 },
    { OV_DIAG_TEXT_EMPTY, W_SUBJ_KEY, "%s: the %s is empty", 0 },
    { OV_DIAG_TEXT_TOO_LONG, W_SUBJ_KEY, "%s: the %s is too long", 0 },
    { OV_DIAG_KEY_TWICE, W_TWICE, NULL, 0 },
    { OV_DIAG_SECTION_TWICE, W_TWICE, NULL, 0 },
    { OV_DIAG_NOT_YES_NO, W_SUBJ_KEY, "%s: write yes or no for the %s", 0 },
    { OV_DIAG_BAD_LANGUAGE, W_NONE, "The language is not one the kiosk knows", 0 },
    { OV_DIAG_BAD_PROGRESS, W_NONE, "The progress words need %%d twice", 0 },
    { OV_DIAG_TEXT_FORMAT, W_SUBJ_ARG, "%s: the words \u201c%s\u201d need the same %% parts as in English",
      0 },
    { OV_DIAG_DONT_KNOW_TWICE, W_SUBJ, "%s: there are 2 \u201cI don't know\u201d answers", 0 },
    { OV_DIAG_OUTSIDE_SECTION, W_NONE, "This line is not under a heading", 0 },
    { OV_DIAG_LONG_WORD, W_SUBJ_ARG, "%s: \u201c%s\u201d is a long word; use a short everyday word", 0 },
    { OV_DIAG_ACRONYM, W_SUBJ_ARG, "%s: write \u201c%s\u201d out in full words", 0 },
    { OV_DIAG_NUMBER_WORD, W_SUBJ_ARG, "%s: write \u201c%s\u201d in digits", 0 },
    { OV_DIAG_LONG_SENTENCE, W_SUBJ_LIMIT, "%s: a sentence has more than %d words", OV_MAX_SENTENCE_WORDS },
    { OV_DIAG_SENTENCES_ONE_LINE, W_SUBJ, "%s: put each sentence on its own line", 0 },
    { OV_DIAG_SAME_LOOK, W_SUBJ, "%s: 2 answers look the same", 0 },
    { OV_DIAG_MAY_NOT_FIT, W_SUBJ_KEY, "%s: the %s may be too long for the screen", 0 },
    { OV_DIAG_NO_PICTURE, W_SUBJ, "%s has no picture", 0 },
    { OV_DIAG_NO_TEXTS, W_NONE, "There are no screen words, so the kiosk uses its own English ones", 0 },
};

/* Longest piece of the checker's own words shown when a code has no row. */
#define OWN_WORDS_MAX 150

typedef struct {
    char *out;
    size_t len;
} sink;

static void put(sink *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->out, s->len, fmt, ap);
    va_end(ap);
}

static const words_row *find_row(ov_diag_code code)
{
    static const words_row own = { OV_DIAG_GENERIC, W_OWN_WORDS, NULL, 0 };
    for (size_t i = 0; i < OV_ARRAY_LEN(words_table); i++)
        if (words_table[i].code == code)
            return &words_table[i];
    return &own;
}

/* How much of the checker's message to show: up to its advice (after ';'). */
static size_t own_words_len(const char *message)
{
    size_t n = strcspn(message, ";");
    return n > OWN_WORDS_MAX ? OWN_WORDS_MAX : n;
}

/* Fill a pattern with what its row asks for. */
static void fill(sink *s, const words_row *r, const ov_diag *g, const char *subj, const where_info *w)
{
    const char *k = w->key[0] ? key_words(w->key) : "file";
    const char *f = r->pattern;
    switch (r->args) {
    case W_NONE:
        put(s, f, 0);
        return;
    case W_SUBJ:
        put(s, f, subj);
        return;
    case W_SUBJ_KEY:
        put(s, f, subj, k);
        return;
    case W_SUBJ_KEY_VAL:
        put(s, f, subj, k, w->value);
        return;
    case W_SUBJ_VAL:
        put(s, f, subj, w->value);
        return;
    case W_SUBJ_ARG:
        put(s, f, subj, g->arg);
        return;
    case W_SUBJ_ARG_KEY:
        put(s, f, subj, key_words(g->arg));
        return;
    case W_ARG:
        put(s, f, g->arg);
        return;
    case W_ARG_LIMIT:
        put(s, f, g->arg, r->limit);
        return;
    case W_SUBJ_LIMIT:
        put(s, f, subj, r->limit);
        return;
    case W_LIMIT:
        put(s, f, r->limit);
        return;
    case W_TWICE:
        if (w->key[0])
            put(s, "%s has the %s twice", subj, k);
        else
            put(s, "%s is in the file twice", subj);
        return;
    case W_OWN_WORDS:
        put(s, "%s: %.*s", subj, (int)own_words_len(g->message), g->message);
        return;
    }
}

/* Where the problem is: read content.ini again and find the line's section. */
static void locate_line(const char *ini_text, size_t ini_len, int line, where_info *w)
{
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
    locate(have_doc ? &doc : NULL, line, w);
    ov_ini_doc_free(&doc);
}

int ov_import_plain_words(const ov_diag *g, const char *ini_text, size_t ini_len, char *out, size_t outlen)
{
    if (!out || !outlen)
        return 0;
    out[0] = '\0';
    if (!g)
        return 0;
    int line = g->line;
    where_info w;
    locate_line(ini_text, ini_len, line, &w);

    char subj[sizeof w.subject];
    if (w.subject[0])
        ov_strlcpy(subj, w.subject, sizeof subj);
    else if (line > 0)
        ov_strlcpy(subj, "This line", sizeof subj);
    else
        ov_strlcpy(subj, "The content", sizeof subj);

    char body[OV_IMPORT_TEXT_LEN];
    sink s = { body, sizeof body };
    body[0] = '\0';
    fill(&s, find_row(g->code), g, subj, &w);
    size_t bl = strlen(body);
    while (bl && (body[bl - 1] == '.' || body[bl - 1] == ' '))
        body[--bl] = '\0';
    if (line > 0)
        snprintf(out, outlen, "%s (content.ini line %d).", body, line);
    else
        snprintf(out, outlen, "%s.", body);
    return line;
}
