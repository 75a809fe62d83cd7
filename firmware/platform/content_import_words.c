/* content_import_words.c — says a content checker problem in plain words for
 * the facilitator: which question or answer it is about (by its place, not
 * its id), what is wrong, and the line in content.ini to look at. */
#include "platform/content_import.h"
#include "platform/content_ini.h"
#include "model/content_texts.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MB (1024 * 1024) /* the import's size limits are said in MB */
#define SUBJECT_LEN 160 /* what a problem is about, in the content's words */
#define KEY_LEN 64      /* the key on a problem's line */
#define VALUE_LEN 128   /* its value, cut */
#define HEAD_ID_LEN 41  /* an id from a section heading, as shown (40 bytes, cut) */
#define HEAD_LEN 256    /* a section heading */
#define HEAD_WORDS 4    /* words of a heading looked at ("answer", a scale, an id, more) */

typedef struct {
    char subject[SUBJECT_LEN]; /* "Question 2", "The answer “yes” of “yes-no”", "" */
    char key[KEY_LEN];         /* key on the problem's line, or "" */
    char value[VALUE_LEN];     /* its value (cut) */
} where_info;

/* The section's name in the words of t: "Question 2", "The answer “yes” of “yes-no”". */
static void name_section(char *const *tok, int n, int qnum, const ov_texts *t, where_info *w)
{
    char a[HEAD_ID_LEN], b[HEAD_ID_LEN];
    snprintf(a, sizeof a, "%s", n > 1 ? tok[1] : "");
    snprintf(b, sizeof b, "%s", n > 2 ? tok[2] : "");
    if (!strcmp(tok[0], "question") && n == 2)
        snprintf(w->subject, sizeof w->subject, OV_TX(t, imw_subj_question), qnum);
    else if (!strcmp(tok[0], "answer") && n == 3)
        snprintf(w->subject, sizeof w->subject, OV_TX(t, imw_subj_answer), b, a);
    else if (!strcmp(tok[0], "scale") && n == 2)
        snprintf(w->subject, sizeof w->subject, OV_TX(t, imw_subj_scale), a);
    else if (!strcmp(tok[0], "texts") && n == 1)
        ov_strlcpy(w->subject, OV_TX(t, imw_subj_texts), sizeof w->subject);
    else if (!strcmp(tok[0], "content") && n == 1)
        ov_strlcpy(w->subject, OV_TX(t, imw_subj_content), sizeof w->subject);
}

/* Find the section holding `line` and the key on it, and name it. */
static void locate(const ov_ini_doc *doc, int line, const ov_texts *t, where_info *w)
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
    char buf[HEAD_LEN], *tok[HEAD_WORDS] = { 0 };
    int n = 0;
    ov_strlcpy(buf, s->head, sizeof buf);
    for (char *save = NULL, *tk = strtok_r(buf, " \t", &save); tk && n < HEAD_WORDS;
         tk = strtok_r(NULL, " \t", &save))
        tok[n++] = tk;
    if (s->line == 0 || n == 0)
        return;
    name_section(tok, n, s_qnum, t, w);
}

/* A key's name in plain words, in the words of t (imk_*). */
static const char *key_words(const char *key, const ov_texts *t)
{
    static const struct {
        const char *key;
        size_t text;
    } names[] = {
        { "title", offsetof(ov_texts, imk_title) },
        { "sentence", offsetof(ov_texts, imk_sentence) },
        { "picture", offsetof(ov_texts, imk_picture) },
        { "recording", offsetof(ov_texts, imk_recording) },
        { "scale", offsetof(ov_texts, imk_scale) },
        { "word", offsetof(ov_texts, imk_word) },
        { "say", offsetof(ov_texts, imk_say) },
        { "colour", offsetof(ov_texts, imk_colour) },
        { "shape", offsetof(ov_texts, imk_shape) },
        { "name", offsetof(ov_texts, imk_name) },
        { "dont-know", offsetof(ov_texts, imk_dont_know) },
        { "language", offsetof(ov_texts, imk_language) },
        { "progress", offsetof(ov_texts, imk_progress) },
        { "file", offsetof(ov_texts, imk_file) },
        { "practice", offsetof(ov_texts, imk_practice) },
    };
    for (size_t i = 0; i < OV_ARRAY_LEN(names); i++)
        if (!strcmp(names[i].key, key))
            return ov_text_or_builtin(t, names[i].text);
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
} words_args;

typedef struct {
    ov_diag_code code;
    words_args args;
    size_t text; /* offsetof(ov_texts, the pattern's key); 0 for W_TWICE */
    int limit;
} words_row;

static const words_row words_table[] = {
    { OV_DIAG_CONTENT_MISSING, W_NONE, offsetof(ov_texts, imw_content_missing), 0 },
    { OV_DIAG_INI_NOT_UTF8, W_NONE, offsetof(ov_texts, imw_not_utf8), 0 },
    { OV_DIAG_INI_CONTROL_CHAR, W_NONE, offsetof(ov_texts, imw_control_char), 0 },
    { OV_DIAG_INI_LINE_TOO_LONG, W_NONE, offsetof(ov_texts, imw_line_too_long), 0 },
    { OV_DIAG_INI_NOT_KEY_VALUE, W_NONE, offsetof(ov_texts, imw_not_key_value), 0 },
    { OV_DIAG_INI_NO_CLOSING_BRACKET, W_NONE, offsetof(ov_texts, imw_no_bracket), 0 },
    { OV_DIAG_INI_TEXT_AFTER_HEADING, W_NONE, offsetof(ov_texts, imw_after_heading), 0 },
    { OV_DIAG_HEADING_EMPTY, W_NONE, offsetof(ov_texts, imw_heading_empty), 0 },
    { OV_DIAG_HEADING_IDS, W_NONE, offsetof(ov_texts, imw_heading_ids), 0 },
    { OV_DIAG_NO_QUESTIONS, W_NONE, offsetof(ov_texts, imw_no_questions), 0 },
    { OV_DIAG_TOO_MANY_QUESTIONS, W_LIMIT, offsetof(ov_texts, imw_too_many_questions), OV_MAX_QUESTIONS },
    { OV_DIAG_TOO_MANY_SCALES, W_LIMIT, offsetof(ov_texts, imw_too_many_scales), OV_MAX_SCALES },
    { OV_DIAG_NO_ANSWERS, W_SUBJ, offsetof(ov_texts, imw_no_answers), 0 },
    { OV_DIAG_ANSWER_NO_SCALE, W_SUBJ_ARG, offsetof(ov_texts, imw_answer_no_scale), 0 },
    { OV_DIAG_TOO_FEW_ANSWERS, W_ARG, offsetof(ov_texts, imw_too_few_answers), 0 },
    { OV_DIAG_TOO_MANY_ANSWERS, W_ARG_LIMIT, offsetof(ov_texts, imw_too_many_answers), OV_MAX_ANSWERS },
    { OV_DIAG_TOO_MANY_SENTENCES, W_SUBJ_LIMIT, offsetof(ov_texts, imw_too_many_sentences),
      OV_MAX_SENTENCES },
    { OV_DIAG_FILE_NOT_FOUND, W_SUBJ_KEY_VAL, offsetof(ov_texts, imw_file_not_found), 0 },
    { OV_DIAG_PICTURE_TYPE, W_SUBJ, offsetof(ov_texts, imw_picture_type), 0 },
    { OV_DIAG_RECORDING_TYPE, W_SUBJ, offsetof(ov_texts, imw_recording_type), 0 },
    { OV_DIAG_LINK_OUTSIDE, W_SUBJ_KEY, offsetof(ov_texts, imw_link_outside), 0 },
    { OV_DIAG_PATH_ABSOLUTE, W_SUBJ_KEY, offsetof(ov_texts, imw_path_absolute), 0 },
    { OV_DIAG_PATH_OUTSIDE, W_SUBJ_KEY, offsetof(ov_texts, imw_path_outside), 0 },
    { OV_DIAG_HIDDEN, W_SUBJ_KEY, offsetof(ov_texts, imw_hidden), 0 },
    { OV_DIAG_FILE_TOO_BIG, W_SUBJ_KEY, offsetof(ov_texts, imw_file_too_big), 0 },
    { OV_DIAG_NOT_A_FILE, W_SUBJ_KEY, offsetof(ov_texts, imw_not_a_file), 0 },
    { OV_DIAG_FILE_UNUSABLE, W_SUBJ_ARG, offsetof(ov_texts, imw_file_unusable), 0 },
    { OV_DIAG_KEY_MISSING, W_SUBJ_ARG_KEY, offsetof(ov_texts, imw_key_missing), 0 },
    { OV_DIAG_TEXTS_KEY_MISSING, W_SUBJ_ARG_KEY, offsetof(ov_texts, imw_texts_key_missing), 0 },
    { OV_DIAG_UNKNOWN_KEY, W_SUBJ_ARG, offsetof(ov_texts, imw_unknown_key), 0 },
    { OV_DIAG_COLOUR_UNKNOWN, W_SUBJ_VAL, offsetof(ov_texts, imw_colour_unknown), 0 },
    { OV_DIAG_SHAPE_UNKNOWN, W_SUBJ_VAL, offsetof(ov_texts, imw_shape_unknown), 0 },
    { OV_DIAG_UNKNOWN_SECTION, W_NONE, offsetof(ov_texts, imw_unknown_section), 0 },
    { OV_DIAG_BAD_ID, W_NONE, offsetof(ov_texts, imw_bad_id), 0 },
    { OV_DIAG_TEXT_EMPTY, W_SUBJ_KEY, offsetof(ov_texts, imw_text_empty), 0 },
    { OV_DIAG_TEXT_TOO_LONG, W_SUBJ_KEY, offsetof(ov_texts, imw_text_too_long), 0 },
    { OV_DIAG_KEY_TWICE, W_TWICE, 0, 0 },
    { OV_DIAG_SECTION_TWICE, W_TWICE, 0, 0 },
    { OV_DIAG_NOT_YES_NO, W_SUBJ_KEY, offsetof(ov_texts, imw_not_yes_no), 0 },
    { OV_DIAG_BAD_LANGUAGE, W_NONE, offsetof(ov_texts, imw_bad_language), 0 },
    { OV_DIAG_BAD_PROGRESS, W_NONE, offsetof(ov_texts, imw_bad_progress), 0 },
    { OV_DIAG_TEXT_FORMAT, W_SUBJ_ARG, offsetof(ov_texts, imw_text_format), 0 },
    { OV_DIAG_DONT_KNOW_TWICE, W_SUBJ, offsetof(ov_texts, imw_dont_know_twice), 0 },
    { OV_DIAG_OUTSIDE_SECTION, W_NONE, offsetof(ov_texts, imw_outside_section), 0 },
    { OV_DIAG_LONG_WORD, W_SUBJ_ARG, offsetof(ov_texts, imw_long_word), 0 },
    { OV_DIAG_ACRONYM, W_SUBJ_ARG, offsetof(ov_texts, imw_acronym), 0 },
    { OV_DIAG_NUMBER_WORD, W_SUBJ_ARG, offsetof(ov_texts, imw_number_word), 0 },
    { OV_DIAG_LONG_SENTENCE, W_SUBJ_LIMIT, offsetof(ov_texts, imw_long_sentence), OV_MAX_SENTENCE_WORDS },
    { OV_DIAG_SENTENCES_ONE_LINE, W_SUBJ, offsetof(ov_texts, imw_sentences_one_line), 0 },
    { OV_DIAG_SAME_LOOK, W_SUBJ, offsetof(ov_texts, imw_same_look), 0 },
    { OV_DIAG_MAY_NOT_FIT, W_SUBJ_KEY, offsetof(ov_texts, imw_may_not_fit), 0 },
    { OV_DIAG_NO_PICTURE, W_SUBJ, offsetof(ov_texts, imw_no_picture), 0 },
    { OV_DIAG_NO_TEXTS, W_NONE, offsetof(ov_texts, imw_no_texts), 0 },
    { OV_DIAG_NO_GLYPH, W_SUBJ_ARG, offsetof(ov_texts, imw_no_glyph), 0 },
    { OV_DIAG_LONG_TITLE, W_SUBJ, offsetof(ov_texts, imw_long_title), 0 },
    { OV_DIAG_PRACTICE_TWICE, W_SUBJ, offsetof(ov_texts, imw_practice_twice), 0 },
    { OV_DIAG_PRACTICE_NOT_FIRST, W_SUBJ, offsetof(ov_texts, imw_practice_not_first), 0 },
    { OV_DIAG_PRACTICE_ALONE, W_SUBJ, offsetof(ov_texts, imw_practice_alone), 0 },
    { OV_DIAG_SOURCE_PATH, W_NONE, offsetof(ov_texts, imw_source_path), 0 },
    { OV_DIAG_DIR_TOO_LONG, W_NONE, offsetof(ov_texts, imw_source_path), 0 },
    { OV_DIAG_FOLDER_UNREADABLE, W_NONE, offsetof(ov_texts, imw_folder_unreadable), 0 },
    { OV_DIAG_TOO_MANY_FILES, W_LIMIT, offsetof(ov_texts, imw_too_many_files), OV_IMPORT_MAX_FILES },
    { OV_DIAG_FILES_TOO_BIG, W_LIMIT, offsetof(ov_texts, imw_files_too_big),
      (int)(OV_IMPORT_MAX_TOTAL / MB) },
    { OV_DIAG_PATH_TOO_LONG, W_SUBJ_KEY, offsetof(ov_texts, imw_path_too_long), 0 },
    { OV_DIAG_NO_VOICE, W_SUBJ_ARG, offsetof(ov_texts, imw_no_voice), 0 },
    { OV_DIAG_CUT_COMMENT, W_SUBJ_KEY, offsetof(ov_texts, imw_cut_comment), 0 },
    { OV_DIAG_SCREEN_NOT_FIT, W_SUBJ, offsetof(ov_texts, imw_screen_not_fit), 0 },
};

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
    static const words_row own = { OV_DIAG_GENERIC, W_SUBJ, offsetof(ov_texts, imw_other), 0 };
    for (size_t i = 0; i < OV_ARRAY_LEN(words_table); i++)
        if (words_table[i].code == code)
            return &words_table[i];
    return &own;
}

/* Fill a pattern with what its row asks for. */
static void fill(sink *s, const words_row *r, const ov_diag *g, const char *subj, const where_info *w,
                 const ov_texts *t)
{
    const char *k = key_words(w->key[0] ? w->key : "file", t);
    const char *f = r->text ? ov_text_or_builtin(t, r->text) : "";
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
        put(s, f, subj, key_words(g->arg, t));
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
            put(s, OV_TX(t, imw_key_twice), subj, k);
        else
            put(s, OV_TX(t, imw_section_twice), subj);
        return;
    }
}

/* Where the problem is: read content.ini again and find the line's section. */
static void locate_line(const char *ini_text, size_t ini_len, int line, const ov_texts *t, where_info *w)
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
    locate(have_doc ? &doc : NULL, line, t, w);
    ov_ini_doc_free(&doc);
}

int ov_import_plain_words(const ov_diag *g, const char *ini_text, size_t ini_len, const ov_texts *t,
                          char *out, size_t outlen)
{
    if (!out || !outlen)
        return 0;
    out[0] = '\0';
    if (!g)
        return 0;
    int line = g->line;
    where_info w;
    locate_line(ini_text, ini_len, line, t, &w);

    char subj[sizeof w.subject];
    if (w.subject[0])
        ov_strlcpy(subj, w.subject, sizeof subj);
    else if (line > 0)
        ov_strlcpy(subj, OV_TX(t, imw_subj_line), sizeof subj);
    else
        ov_strlcpy(subj, OV_TX(t, imw_subj_all), sizeof subj);

    char body[OV_IMPORT_TEXT_LEN];
    sink s = { body, sizeof body };
    body[0] = '\0';
    fill(&s, find_row(g->code), g, subj, &w, t);
    size_t bl = strlen(body);
    while (bl && (body[bl - 1] == '.' || body[bl - 1] == ' '))
        body[--bl] = '\0';
    if (line > 0)
        snprintf(out, outlen, OV_TX(t, imw_at_line), body, line);
    else
        snprintf(out, outlen, "%s.", body);
    return line;
}
