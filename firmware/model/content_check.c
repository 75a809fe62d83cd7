/* content_check.c — turns the sections and keys of a content.ini into an
 * ov_content, reporting every problem as "file:line: message" on the way.
 * Errors make the content unusable; easy-read warnings do not. */
#include "model/content_check.h"
#include "model/content_texts.h"
#include "model/ini_doc.h"
#include "model/easyread.h"
#include "base/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/theme.h"

int ov_colour_valid(const char *name)
{
    return ov_theme_answer_find(ov_theme_get("standard"), name) != NULL; /* names and aliases */
}

/* Characters a text of each kind may have when no renderer measures it
 * (ov_fit_limit, the conservative fallback documented in docs/content.md). */
#define FIT_TITLE_CHARS 32
#define FIT_SENTENCE_CHARS 90
#define FIT_ANSWER_WORD_CHARS 20
#define FIT_ANSWER_SAY_CHARS 90
#define FIT_BUTTON_CHARS 16
#define FIT_PROGRESS_CHARS 24
#define HEAD_WORDS 4         /* a section heading's words looked at ("[answer scale id]" and one too many) */
#define PROGRESS_DIGITS_ROOM 16 /* the progress sample's numbers, beyond the text itself */

int ov_fit_limit(int kind)
{
    switch (kind) {
    case OV_FIT_TITLE:
        return FIT_TITLE_CHARS;
    case OV_FIT_SENTENCE:
        return FIT_SENTENCE_CHARS;
    case OV_FIT_ANSWER_WORD:
        return FIT_ANSWER_WORD_CHARS;
    case OV_FIT_ANSWER_SAY:
        return FIT_ANSWER_SAY_CHARS;
    case OV_FIT_BUTTON:
        return FIT_BUTTON_CHARS;
    case OV_FIT_PROGRESS:
        return FIT_PROGRESS_CHARS;
    default:
        return 0;
    }
}

/* ---- section kinds and their keys ---- */

enum { SEC_UNKNOWN, SEC_NONE, SEC_CONTENT, SEC_TEXTS, SEC_SCALE, SEC_ANSWER, SEC_QUESTION,
       SEC_MORE, SEC_GROUP, SEC_VIEWS /* issue 14 views (g14views) */ };

static const char *const content_keys[] = { "language", NULL };
static const char *const scale_keys[] = { "name", NULL };
static const char *const answer_keys[] = { "word",    "say",       "colour",    "shape",
                                           "picture", "recording", "dont-know", NULL };
static const char *const question_keys[] = { "title",     "sentence",  "picture",  "scale",
                                             "dont-know", "recording", "practice", NULL };

typedef struct {
    int kind;
    char tok[3][OV_ID_LEN]; /* ids from the heading: scale/question id, or answer scale + id */
    int ntok;
} sec_info;

typedef struct {
    const char *file, *dir;
    ov_fit_fn fit;
    void *fit_ctx;
    ov_screens_fn screens; /* do whole screens fit? */
    void *screens_ctx;
    ov_file_probe_fn probe; /* is a named picture or recording a file? */
    ov_glyph_fn glyphs;     /* can the font draw every letter? */
    void *glyphs_ctx;
    ov_voice_fn voice; /* does a voice speak the language? */
    void *voice_ctx;
    ov_diags *d;
    ov_content *c;
    int scale_line[OV_MAX_SCALES];
    int answer_line[OV_MAX_SCALES][OV_MAX_ANSWERS];
    int question_line[OV_MAX_QUESTIONS];
    int question_scale_line[OV_MAX_QUESTIONS];
    int question_dk_given[OV_MAX_QUESTIONS];
    int practice_line[OV_MAX_QUESTIONS]; /* the line of practice = yes, 0: not the practice question */
    int content_line, texts_line;
    int views_line, group_line[OV_MAX_GROUPS], more_line[OV_MAX_QUESTIONS]; /* issue 14 views */
} chk;

#define ERR(ck, code, arg, line, ...) \
    ov_diag_add_code((ck)->d, OV_DIAG_ERROR, (code), (arg), (ck)->file, (line), __VA_ARGS__)
#define WARN(ck, code, arg, line, ...) \
    ov_diag_add_code((ck)->d, OV_DIAG_WARNING, (code), (arg), (ck)->file, (line), __VA_ARGS__)

static int id_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= OV_ID_LEN)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
            return 0;
    return 1;
}

/* The sections a content.ini may have: the word, how many ids follow it, an example. */
static const struct {
    const char *name;
    int kind;
    int ids;
    const char *example;
} section_kinds[] = {
    { "content", SEC_CONTENT, 0, "[content]" },
    { "texts", SEC_TEXTS, 0, "[texts]" },
    { "scale", SEC_SCALE, 1, "[scale my-scale]" },
    { "answer", SEC_ANSWER, 2, "[answer my-scale my-answer]" },
    { "question", SEC_QUESTION, 1, "[question my-question]" },
    { "more", SEC_MORE, 1, "[more my-question]" },   /* issue 14 views (g14views) */
    { "group", SEC_GROUP, 1, "[group my-group]" },
    { "views", SEC_VIEWS, 0, "[views]" },
};

static void classify(chk *ck, const ov_ini_section *s, sec_info *si)
{
    char buf[256];
    memset(si, 0, sizeof *si);
    if (s->line == 0) {
        si->kind = SEC_NONE;
        return;
    }
    ov_strlcpy(buf, s->head, sizeof buf);
    char *words[HEAD_WORDS] = { 0 };
    int n = 0;
    for (char *save = NULL, *w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        if (n < HEAD_WORDS)
            words[n] = w;
        n++;
    }
    if (n == 0) {
        ERR(ck, OV_DIAG_HEADING_EMPTY, NULL, s->line,
            "empty section heading []; use [content], [texts], [scale ID], [answer SCALE ID] or [question "
            "ID]");
        return;
    }
    for (size_t k = 0; k < OV_ARRAY_LEN(section_kinds); k++) {
        if (strcmp(words[0], section_kinds[k].name))
            continue;
        if (n - 1 != section_kinds[k].ids) {
            ERR(ck, OV_DIAG_HEADING_IDS, NULL, s->line, "[%s] needs %d id%s after the word '%s', like %s",
                s->head, section_kinds[k].ids, section_kinds[k].ids == 1 ? "" : "s", section_kinds[k].name,
                section_kinds[k].example);
            return;
        }
        for (int i = 1; i < n; i++) {
            if (!id_ok(words[i])) {
                ERR(ck, OV_DIAG_BAD_ID, words[i], s->line,
                    "'%.40s' is not a good id: use only letters, digits, - and _ (at most %d), like %s",
                    words[i], OV_ID_LEN - 1, section_kinds[k].example);
                return;
            }
            ov_strlcpy(si->tok[i - 1], words[i], OV_ID_LEN);
        }
        si->ntok = n - 1;
        si->kind = section_kinds[k].kind;
        return;
    }
    ERR(ck, OV_DIAG_UNKNOWN_SECTION, NULL, s->line,
        "unknown section [%.60s]; sections are [content], [texts], [scale ID], [answer SCALE ID] and "
        "[question ID]",
        s->head);
}

static int in_list(const char *const *list, const char *key)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(list[i], key))
            return 1;
    return 0;
}

/* Report unknown and repeated keys of a section. `repeatable` may appear more than once. */
static void check_keys(chk *ck, const ov_ini_section *s, const char *const *allowed, const char *repeatable,
                       const char *kind_name)
{
    for (int i = 0; i < s->n_kv; i++) {
        const ov_ini_kv *kv = &s->kv[i];
        if (!in_list(allowed, kv->key)) {
            char keys[256] = "";
            for (int k = 0; allowed[k]; k++) {
                if (k)
                    strncat(keys, ", ", sizeof keys - strlen(keys) - 1);
                strncat(keys, allowed[k], sizeof keys - strlen(keys) - 1);
            }
            ERR(ck, OV_DIAG_UNKNOWN_KEY, kv->key, kv->line,
                "unknown key '%.40s' in [%.60s]; the keys of %s are: %s", kv->key, s->head, kind_name, keys);
            continue;
        }
        if (repeatable && !strcmp(kv->key, repeatable))
            continue;
        for (int j = 0; j < i; j++) {
            if (!strcmp(s->kv[j].key, kv->key)) {
                ERR(ck, OV_DIAG_KEY_TWICE, kv->key, kv->line,
                    "'%s' is given twice in [%s] (first on line %d); keep only one", kv->key, s->head,
                    s->kv[j].line);
                break;
            }
        }
    }
}

/* First occurrence of key in the section, or NULL. */
static const ov_ini_kv *get(const ov_ini_section *s, const char *key)
{
    for (int i = 0; i < s->n_kv; i++)
        if (!strcmp(s->kv[i].key, key))
            return &s->kv[i];
    return NULL;
}

static const ov_ini_kv *need(chk *ck, const ov_ini_section *s, const char *key, const char *example)
{
    const ov_ini_kv *kv = get(s, key);
    if (!kv)
        ERR(ck, OV_DIAG_KEY_MISSING, key, s->line, "[%s] has no '%s'; add a line like: %s = %s", s->head, key,
            key, example);
    return kv;
}

/* Does text fit its box? Warn when the renderer (or the fallback limit) says no. */
static void check_fit(chk *ck, int line, int kind, const char *what, const char *text)
{
    int r = ck->fit ? ck->fit(ck->fit_ctx, kind, text) : -1;
    if (r == 0) {
        WARN(ck, OV_DIAG_MAY_NOT_FIT, NULL, line, "%s may not fit its box on a small screen; make it shorter",
             what);
        return;
    }
    size_t n = ov_utf8_count(text), limit = (size_t)ov_fit_limit(kind);
    if (r > 0 && kind == OV_FIT_TITLE && n > limit) /* it fits by wrapping: too long for a title */
        WARN(ck, OV_DIAG_LONG_TITLE, NULL, line,
             "%s has %zu characters and fits only on more than one line; a title is read first, so keep it "
             "to about %zu and say the rest in a sentence", what, n, limit);
    if (r > 0)
        return;
    if (limit && n > limit)
        WARN(ck, OV_DIAG_MAY_NOT_FIT, NULL, line,
             "%s has %zu characters; about %zu fit its box on the smallest screen; make it shorter", what, n,
             limit);
}

/* Every letter of text must be in the kiosk's font: one it cannot draw shows
 * as an empty box, on the screen and in the words a member reads. */
static void check_glyphs(chk *ck, int line, const char *what, const char *text)
{
    long cp = ck->glyphs ? ck->glyphs(ck->glyphs_ctx, text) : -1;
    if (cp <= 0)
        return;
    char letter[8] = "";
    const char *p = text, *end = text + strlen(text);
    while (p < end) { /* the letter as written in the text */
        const char *at = p;
        if (ov_utf8_decode(&p, end) == cp && (size_t)(p - at) < sizeof letter) {
            memcpy(letter, at, (size_t)(p - at));
            letter[p - at] = '\0';
            break;
        }
    }
    ERR(ck, OV_DIAG_NO_GLYPH, letter, line,
        "%s has the letter '%s' (U+%04lX), which the kiosk's font cannot draw (it would show an empty "
        "box); write it with another letter", what, letter, cp);
}

/* Copy a text value into dst with all checks. Returns 1 if stored. */
static int set_text(chk *ck, const ov_ini_kv *kv, char *dst, size_t dstlen, int fit_kind, int er_flags,
                    const char *what)
{
    if (!kv)
        return 0;
    if (!kv->value[0]) {
        ERR(ck, OV_DIAG_TEXT_EMPTY, NULL, kv->line, "%s is empty; write the text after '='", what);
        return 0;
    }
    if (strlen(kv->value) >= dstlen && !kv->cut) {
        ERR(ck, OV_DIAG_TEXT_TOO_LONG, NULL, kv->line,
            "%s is too long to store (%zu bytes, at most %zu); make it shorter", what, strlen(kv->value),
            dstlen - 1);
        ov_strlcpy(dst, kv->value, dstlen);
        return 0;
    }
    ov_strlcpy(dst, kv->value, dstlen);
    if (!kv->cut) {
        if (fit_kind)
            check_fit(ck, kv->line, fit_kind, what, kv->value);
        check_glyphs(ck, kv->line, what, kv->value);
        if (er_flags >= 0)
            ov_easyread_check(kv->value, ck->c->language, er_flags, ck->file, kv->line, what, ck->d);
    }
    return 1;
}

static int has_ext(const char *path, const char *const *exts)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return 0;
    for (int i = 0; exts[i]; i++)
        if (!strcasecmp(dot + 1, exts[i]))
            return 1;
    return 0;
}

/* Check a picture or recording path (relative to the content folder) and copy it. */
static void set_path(chk *ck, const ov_ini_kv *kv, char *dst, int is_picture)
{
    static const char *const pic_ext[] = { "svg", "png", "jpg", "jpeg", NULL };
    static const char *const rec_ext[] = { "wav", NULL };
    const char *what = is_picture ? "picture" : "recording";
    dst[0] = '\0';
    if (!kv || !kv->value[0])
        return;
    const char *v = kv->value;
    if (v[0] == '/') {
        ERR(ck, OV_DIAG_PATH_ABSOLUTE, NULL, kv->line,
            "%s '%s' is an absolute path; write it relative to the content folder, like pictures/%s", what, v,
            is_picture ? "my-picture.svg" : "my-recording.wav");
        return;
    }
    if (!has_ext(v, is_picture ? pic_ext : rec_ext)) {
        ERR(ck, is_picture ? OV_DIAG_PICTURE_TYPE : OV_DIAG_RECORDING_TYPE, NULL, kv->line,
            is_picture ? "picture '%s' must be an .svg, .png or .jpg file"
                       : "recording '%s' must be a .wav file",
            v);
        return;
    }
    char full[OV_PATH_MAX];
    int n = snprintf(full, sizeof full, "%s/%s", ck->dir, v);
    if (n < 0 || (size_t)n >= sizeof full || strlen(v) >= OV_PATH_MAX) {
        ERR(ck, OV_DIAG_PATH_TOO_LONG, NULL, kv->line,
            "%s path '%s' is too long; use a shorter folder or file name", what, v);
        return;
    }
    char why[OV_PROBE_WHY_LEN] = "";
    int kind = ck->probe ? ck->probe(full, is_picture, why, sizeof why) : OV_PROBE_FILE;
    if (kind == OV_PROBE_BAD) {
        ERR(ck, OV_DIAG_FILE_UNUSABLE, why, kv->line, "%s %s cannot be used: %s", what, full, why);
        return;
    }
    if (kind == OV_PROBE_MISSING) {
        ERR(ck, OV_DIAG_FILE_NOT_FOUND, NULL, kv->line,
            "%s file not found: %s; put the file there or fix the path (it is relative to the content "
            "folder)",
            what, full);
        return;
    }
    if (kind != OV_PROBE_FILE) {
        ERR(ck, OV_DIAG_NOT_A_FILE, NULL, kv->line, "%s %s is not a file; name a %s file", what, full,
            is_picture ? "picture" : "sound");
        return;
    }
    ov_strlcpy(dst, v, OV_PATH_MAX);
}

/* yes/no. Returns 1, 0, or -1 on a bad value (reported). */
static int yes_no(chk *ck, const ov_ini_kv *kv)
{
    const char *v = kv->value;
    if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1"))
        return 1;
    if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcmp(v, "0"))
        return 0;
    ERR(ck, OV_DIAG_NOT_YES_NO, kv->key, kv->line, "%s = %s: write yes or no", kv->key, v);
    return -1;
}

static int find_scale(const ov_content *c, const char *id)
{
    for (int i = 0; i < c->n_scales; i++)
        if (!strcmp(c->scales[i].id, id))
            return i;
    return -1;
}

/* ---- sections ---- */

/* A section given at most once: 1 when this is its first time (its line is
 * kept in *line), 0 when it was given before (an error says where). */
static int first_time(chk *ck, const ov_ini_section *s, int *line)
{
    if (*line) {
        ERR(ck, OV_DIAG_SECTION_TWICE, NULL, s->line, "[%s] is given twice (first on line %d); keep only one",
            s->head, *line);
        return 0;
    }
    *line = s->line;
    return 1;
}

static void do_content(chk *ck, const ov_ini_section *s)
{
    check_keys(ck, s, content_keys, NULL, "[content]");
    if (!first_time(ck, s, &ck->content_line))
        return;
    const ov_ini_kv *kv = get(s, "language");
    if (!kv)
        return;
    const char *v = kv->value;
    size_t n = strlen(v);
    int ok = n >= 2 && n < sizeof ck->c->language;
    for (size_t i = 0; ok && i < n; i++)
        if (!isalnum((unsigned char)v[i]) && v[i] != '-')
            ok = 0;
    if (!ok) {
        ERR(ck, OV_DIAG_BAD_LANGUAGE, NULL, kv->line,
            "language '%s' is not a language code; write one espeak-ng knows, like en-gb or cy", v);
        return;
    }
    ov_strlcpy(ck->c->language, v, sizeof ck->c->language);
    if (ck->voice && ck->voice(ck->voice_ctx, v) == 0)
        ERR(ck, OV_DIAG_NO_VOICE, v, kv->line,
            "language '%s': the speech engine has no voice that speaks it, so members would hear another "
            "language; use a code from `espeak-ng --voices`, or install espeak-ng-data", v);
}

/* Exactly two %d and otherwise only %%: the kiosk printf()s this text. */
static int progress_ok(const char *s)
{
    int nd = 0;
    for (const char *p = s; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        if (p[1] == 'd') {
            nd++;
            p++;
            continue;
        }
        return 0;
    }
    return nd == 2;
}

#define TEXTS_KEYS_ROOM (OV_TEXTS_MAX_KEYS + 1) /* every [texts] key and the NULL after them */

/* The [texts] keys, from the texts table (content_texts.c), NULL after them. */
static void texts_key_list(const char **keys, int max)
{
    int n;
    const ov_text_def *d = ov_text_defs(&n);
    int k = 0;
    for (int i = 0; i < n && k < max - 1; i++)
        keys[k++] = d[i].key;
    keys[k] = NULL;
}

/* A key [texts] does not give: an error (issue 13: every text the kiosk
 * shows or says comes from the content's language); the built-in text of
 * that language, when the kiosk has one, fills the gap for the preview. */
static void text_missing(chk *ck, const ov_ini_section *s, const char *key)
{
    if (ov_texts_have_builtin(ck->c->language))
        ERR(ck, OV_DIAG_TEXTS_KEY_MISSING, key, s->line,
            "[texts] has no '%s'; add %s = ... (assets/content/%s/content.ini has every text)", key, key,
            !strncmp(ck->c->language, "cy", 2) ? "cy" : "en");
    else
        ERR(ck, OV_DIAG_TEXTS_KEY_MISSING, key, s->line,
            "[texts] has no '%s', and the kiosk has no built-in text in '%s'; add %s = ... in that language",
            key, ck->c->language, key);
}

/* One [texts] value with its checks; a bad one keeps the built-in text. */
static void text_value(chk *ck, const ov_text_def *d, const ov_ini_kv *kv)
{
    char *dst = (char *)&ck->c->texts + d->offset;
    if (!strcmp(d->key, "progress")) {
        if (!progress_ok(kv->value)) {
            ERR(ck, OV_DIAG_BAD_PROGRESS, NULL, kv->line,
                "progress must hold %%d twice (this question's number, then how many), "
                "and no other %%, like: progress = Question %%d of %%d");
            return;
        }
        if (!set_text(ck, kv, dst, d->size, 0, -1, "progress"))
            return;
        char sample[OV_WORD_LEN + PROGRESS_DIGITS_ROOM];
        snprintf(sample, sizeof sample, dst, OV_MAX_QUESTIONS, OV_MAX_QUESTIONS);
        check_fit(ck, kv->line, OV_FIT_PROGRESS, "progress", sample);
        return;
    }
    if (!ov_text_format_ok(d, kv->value)) {
        ERR(ck, OV_DIAG_TEXT_FORMAT, d->key, kv->line,
            "%s must hold the same %%d, %%ld, %%s or %%.0f as the English text, in the same order "
            "(write %%%% for a percent sign), like: %s = %s", d->key, d->key, d->en);
        return;
    }
    char tmp[OV_SENTENCE_LEN];
    ov_strlcpy(tmp, dst, sizeof tmp); /* keep the built-in text if the new one is bad */
    if (!set_text(ck, kv, dst, d->size, d->fit, d->easyread, d->key))
        ov_strlcpy(dst, tmp, d->size);
}

static void do_texts(chk *ck, const ov_ini_section *s)
{
    const char *keys[TEXTS_KEYS_ROOM]; /* every [texts] key and the end */
    texts_key_list(keys, (int)OV_ARRAY_LEN(keys));
    check_keys(ck, s, keys, NULL, "[texts]");
    if (!first_time(ck, s, &ck->texts_line))
        return;
    ov_texts_defaults(&ck->c->texts, ck->c->language); /* the content's language, for what is not given */
    int n, n_words_missing = 0;
    const ov_text_def *d = ov_text_defs(&n);
    const char *first_missing = NULL;
    for (int i = 0; i < n; i++) {
        const ov_ini_kv *kv = get(s, d[i].key);
        if (kv) {
            text_value(ck, &d[i], kv);
        } else if (ov_text_in_words_block(&d[i]) && ov_texts_have_builtin(ck->c->language)) {
            first_missing = first_missing ? first_missing : d[i].key; /* one warning for them all */
            n_words_missing++;
        } else {
            text_missing(ck, s, d[i].key);
        }
    }
    int welsh = !strncmp(ck->c->language, "cy", 2);
    if (n_words_missing) /* one error for the block: a content from before it has ~200 to add */
        ERR(ck, OV_DIAG_TEXTS_KEY_MISSING, first_missing, s->line,
            "[texts] has no '%s' (and %d more of the facilitator, review, ideas and report texts); "
            "add them (assets/content/%s/content.ini has them all)", first_missing, n_words_missing - 1,
            welsh ? "cy" : "en");
}

static void do_scale(chk *ck, const ov_ini_section *s, const sec_info *si)
{
    check_keys(ck, s, scale_keys, NULL, "a [scale]");
    ov_content *c = ck->c;
    int prev = find_scale(c, si->tok[0]);
    if (prev >= 0) {
        ERR(ck, OV_DIAG_SECTION_TWICE, NULL, s->line,
            "scale '%s' is given twice (first on line %d); give each scale its own id", si->tok[0],
            ck->scale_line[prev]);
        return;
    }
    if (c->n_scales >= OV_MAX_SCALES) {
        ERR(ck, OV_DIAG_TOO_MANY_SCALES, NULL, s->line,
            "too many scales: at most %d; remove scale '%s' or another", OV_MAX_SCALES, si->tok[0]);
        return;
    }
    ov_scale *sc = &c->scales[c->n_scales];
    memset(sc, 0, sizeof *sc);
    ov_strlcpy(sc->id, si->tok[0], sizeof sc->id);
    ck->scale_line[c->n_scales] = s->line;
    c->n_scales++;
    set_text(ck, need(ck, s, "name", "4 stages"), sc->name, sizeof sc->name, 0, -1, "name");
}

/* An answer's colour and shape. */
static void answer_look(chk *ck, const ov_ini_section *s, ov_answer *a)
{
    const ov_ini_kv *kv = need(ck, s, "colour", "green");
    if (kv) {
        if (ov_colour_valid(kv->value))
            ov_strlcpy(a->colour, kv->value, sizeof a->colour);
        else
            ERR(ck, OV_DIAG_COLOUR_UNKNOWN, NULL, kv->line,
                "unknown colour '%s'; use one of: red, amber, yellow, light-green, green, blue, grey",
                kv->value);
    }
    kv = need(ck, s, "shape", "face-happy");
    if (kv) {
        a->shape = ov_shape_parse(kv->value);
        if (a->shape == OV_SHAPE_NONE)
            ERR(ck, OV_DIAG_SHAPE_UNKNOWN, NULL, kv->line,
                "unknown shape '%s'; use one of: face-sad, face-unsure, face-ok, face-happy, "
                "circle, triangle, square, star, question",
                kv->value);
    }
}

/* Where a new answer goes: the next place in its scale, or `scratch` when
 * the answer cannot be kept (reported) but is still checked. */
static ov_answer *answer_slot(chk *ck, const ov_ini_section *s, const sec_info *si, int si_idx,
                              ov_answer *scratch)
{
    ov_answer *a = scratch;
    ov_scale *sc = si_idx >= 0 ? &ck->c->scales[si_idx] : NULL;
    if (!sc) {
        ERR(ck, OV_DIAG_ANSWER_NO_SCALE, si->tok[0], s->line,
            "answer '%s' is for scale '%s', which has no [scale %s] section; add one or fix the name",
            si->tok[1], si->tok[0], si->tok[0]);
    } else {
        int dup = -1;
        for (int i = 0; i < sc->n_answers; i++)
            if (!strcmp(sc->answers[i].id, si->tok[1]))
                dup = i;
        if (dup >= 0) {
            ERR(ck, OV_DIAG_SECTION_TWICE, NULL, s->line,
                "answer '%s' is given twice in scale '%s' (first on line %d); give each answer its own id",
                si->tok[1], sc->id, ck->answer_line[si_idx][dup]);
        } else if (sc->n_answers >= OV_MAX_ANSWERS) {
            ERR(ck, OV_DIAG_TOO_MANY_ANSWERS, sc->id, s->line,
                "scale '%s' has more than %d answers (the most one screen shows, with \"I don't know\"); "
                "remove one",
                sc->id, OV_MAX_ANSWERS);
        } else {
            ck->answer_line[si_idx][sc->n_answers] = s->line;
            a = &sc->answers[sc->n_answers++];
            memset(a, 0, sizeof *a);
        }
    }
    return a;
}

static void do_answer(chk *ck, const ov_ini_section *s, const sec_info *si)
{
    check_keys(ck, s, answer_keys, NULL, "an [answer]");
    ov_content *c = ck->c;
    ov_answer scratch, *a = &scratch;
    memset(&scratch, 0, sizeof scratch);
    int si_idx = find_scale(c, si->tok[0]);
    ov_scale *sc = si_idx >= 0 ? &c->scales[si_idx] : NULL;
    a = answer_slot(ck, s, si, si_idx, &scratch);
    ov_strlcpy(a->id, si->tok[1], sizeof a->id);
    set_text(ck, need(ck, s, "word", "Getting there"), a->word, sizeof a->word, OV_FIT_ANSWER_WORD,
             OV_ER_NO_LENGTH, "word");
    const ov_ini_kv *say = get(s, "say");
    if (say)
        set_text(ck, say, a->say, sizeof a->say, OV_FIT_ANSWER_SAY, 0, "say");
    else
        ov_strlcpy(a->say, a->word, sizeof a->say);
    answer_look(ck, s, a);
    set_path(ck, get(s, "picture"), a->picture, 1);
    set_path(ck, get(s, "recording"), a->recording, 0);
    const ov_ini_kv *kv = get(s, "dont-know");
    if (kv && yes_no(ck, kv) == 1) {
        a->dont_know = 1;
        if (sc && a != &scratch) {
            for (int i = 0; i < sc->n_answers - 1; i++) {
                if (sc->answers[i].dont_know) {
                    ERR(ck, OV_DIAG_DONT_KNOW_TWICE, NULL, kv->line,
                        "scale '%s' already has an \"I don't know\" answer ('%s', line %d); keep one", sc->id,
                        sc->answers[i].id, ck->answer_line[si_idx][i]);
                    break;
                }
            }
        }
    }
}

/* A question's sentences (1 to OV_MAX_SENTENCES). */
static void question_sentences(chk *ck, const ov_ini_section *s, ov_question *q)
{
    int n_sent = 0;
    for (int i = 0; i < s->n_kv; i++) {
        const ov_ini_kv *kv = &s->kv[i];
        if (strcmp(kv->key, "sentence"))
            continue;
        if (++n_sent > OV_MAX_SENTENCES) {
            ERR(ck, OV_DIAG_TOO_MANY_SENTENCES, NULL, kv->line,
                "more than %d sentences; easy read keeps to 1 idea per screen: remove this one "
                "or make another question",
                OV_MAX_SENTENCES);
            continue;
        }
        set_text(ck, kv, q->sentences[q->n_sentences], OV_SENTENCE_LEN, OV_FIT_SENTENCE, OV_ER_ONE_SENTENCE,
                 "sentence");
        q->n_sentences++;
    }
    if (n_sent == 0)
        ERR(ck, OV_DIAG_KEY_MISSING, "sentence", s->line,
            "[%s] has no 'sentence'; add 1 to %d lines like: sentence = We use your skills.", s->head,
            OV_MAX_SENTENCES);
}

/* The scale a question's answers come from. */
static void question_scale(chk *ck, const ov_ini_section *s, ov_question *q)
{
    const ov_content *c = ck->c;
    const ov_ini_kv *kv = need(ck, s, "scale", "four-stages");
    if (kv) {
        q->scale = find_scale(c, kv->value);
        if (q->scale < 0) {
            char names[256] = "";
            for (int i = 0; i < c->n_scales; i++) {
                if (i)
                    strncat(names, ", ", sizeof names - strlen(names) - 1);
                strncat(names, c->scales[i].id, sizeof names - strlen(names) - 1);
            }
            ERR(ck, OV_DIAG_NO_ANSWERS, kv->value, kv->line,
                "question has no answers: there is no scale '%s' (scales here: %s)", kv->value,
                names[0] ? names : "none");
        }
    }
}

/* practice = yes: the question is the practice question (its line kept for check_practice). */
static void question_practice(chk *ck, const ov_ini_section *s, ov_question *q, int qi)
{
    const ov_ini_kv *kv = get(s, "practice");
    q->practice = kv && yes_no(ck, kv) == 1;
    if (qi >= 0)
        ck->practice_line[qi] = q->practice ? kv->line : 0;
}

static void do_question(chk *ck, const ov_ini_section *s, const sec_info *si)
{
    check_keys(ck, s, question_keys, "sentence", "a [question]");
    ov_content *c = ck->c;
    ov_question scratch, *q = &scratch;
    memset(&scratch, 0, sizeof scratch);
    int dup = -1;
    for (int i = 0; i < c->n_questions; i++)
        if (!strcmp(c->questions[i].id, si->tok[0]))
            dup = i;
    int qi = -1;
    if (dup >= 0) {
        ERR(ck, OV_DIAG_SECTION_TWICE, NULL, s->line,
            "question '%s' is given twice (first on line %d); give each question its own id", si->tok[0],
            ck->question_line[dup]);
    } else if (c->n_questions >= OV_MAX_QUESTIONS) {
        ERR(ck, OV_DIAG_TOO_MANY_QUESTIONS, NULL, s->line,
            "too many questions: at most %d; remove question '%s' or another", OV_MAX_QUESTIONS, si->tok[0]);
    } else {
        qi = c->n_questions++;
        q = &c->questions[qi];
        memset(q, 0, sizeof *q);
        ck->question_line[qi] = s->line;
    }
    ov_strlcpy(q->id, si->tok[0], sizeof q->id);
    q->scale = -1;
    set_text(ck, need(ck, s, "title", "Your skills"), q->title, sizeof q->title, OV_FIT_TITLE,
             OV_ER_NO_LENGTH, "title");
    question_sentences(ck, s, q);
    const ov_ini_kv *pic = get(s, "picture");
    if (!pic || !pic->value[0])
        WARN(ck, OV_DIAG_NO_PICTURE, NULL, s->line,
             "[%s] has no picture; add picture = ... so people who do not read can follow", s->head);
    set_path(ck, pic, q->picture, 1);
    set_path(ck, get(s, "recording"), q->recording, 0);
    question_scale(ck, s, q);
    const ov_ini_kv *kv = get(s, "dont-know");
    int dk = kv ? yes_no(ck, kv) : -1;
    q->allow_dont_know = dk != 0; /* default: yes, when the scale has one */
    if (qi >= 0) {
        ck->question_scale_line[qi] = get(s, "scale") ? get(s, "scale")->line : s->line;
        ck->question_dk_given[qi] = (dk == 1) ? kv->line : 0;
    }
    question_practice(ck, s, q, qi);
}

/* What to change so a question's screen fits (m: an OV_MISFIT_QUESTION). */
static void question_fix_words(const ov_misfit *m, const ov_content *c, char *out, size_t len)
{
    const ov_question *q = &c->questions[m->question];
    const char *s = m->sentences == 1 ? "" : "s";
    if (m->fix == OV_FIX_ANSWERS)
        snprintf(out, len, "the answers' words are too wide side by side: use shorter words in scale '%s'",
                 q->scale >= 0 ? c->scales[q->scale].id : "");
    else if (m->title_letters && m->sentences)
        snprintf(out, len, "shorten the title to at most %d letters, or keep at most %d sentence%s",
                 m->title_letters, m->sentences, s);
    else if (m->title_letters)
        snprintf(out, len, "shorten the title to at most %d letters", m->title_letters);
    else if (m->sentences)
        snprintf(out, len, "use fewer sentences: at most %d (or make them shorter)", m->sentences);
    else
        snprintf(out, len, "make the title and the sentences shorter");
}

/* Say one whole screen that does not fit, at its question's line. */
static void misfit_error(chk *ck, const ov_misfit *m)
{
    const ov_content *c = ck->c;
    const ov_question *q = &c->questions[m->question];
    int line = ck->question_line[m->question];
    char fix[OV_DIAG_LEN];
    if (m->screen == OV_MISFIT_QUESTION) {
        question_fix_words(m, c, fix, sizeof fix);
        ERR(ck, OV_DIAG_SCREEN_NOT_FIT, q->id, line,
            "question '%s' does not fit its screen at %dx%d in the %s theme (its title, %d sentence%s and "
            "answers together); %s", q->id, m->w, m->h, m->theme, q->n_sentences,
            q->n_sentences == 1 ? "" : "s", fix);
    } else if (m->screen == OV_MISFIT_SCAN_STRIP) {
        ERR(ck, OV_DIAG_SCREEN_NOT_FIT, q->id, line,
            "question '%s' does not fit its screen at %dx%d in the %s theme with the stopped scan's strip "
            "over it; make scan_restart in [texts] shorter, or the title and the sentences", q->id, m->w,
            m->h, m->theme);
    } else if (m->screen == OV_MISFIT_CONFIRM) {
        const ov_answer *a[OV_MAX_ANSWERS];
        int n = ov_question_answers(c, m->question, a);
        ERR(ck, OV_DIAG_SCREEN_NOT_FIT, q->id, line,
            "question '%s': the check screen of the answer '%s' does not fit at %dx%d in the %s theme; "
            "make that answer's word or say shorter", q->id, m->answer < n ? a[m->answer]->word : "", m->w,
            m->h, m->theme);
    } else if (m->title_letters) {
        ERR(ck, OV_DIAG_SCREEN_NOT_FIT, q->id, line,
            "the %s, which shows every question's title, does not fit at %dx%d in the %s theme; shorten "
            "the titles (the longest is question '%s') to at most %d letters",
            m->screen == OV_MISFIT_REVIEW ? "review screen" : "facilitator's round screen", m->w, m->h,
            m->theme, q->id, m->title_letters);
    } else {
        ERR(ck, OV_DIAG_SCREEN_NOT_FIT, q->id, line,
            "the %s, which shows every question's title, does not fit at %dx%d in the %s theme; use fewer "
            "questions or shorter titles", m->screen == OV_MISFIT_REVIEW ? "review screen"
                                                                    : "facilitator's round screen",
            m->w, m->h, m->theme);
    }
}

/* Whole screens (ov_check_opts.screens): each question as laid out, and the
 * screens that show every title, at every size and theme. */
static void check_screens(chk *ck)
{
    enum { MAX_MISFITS = OV_MAX_QUESTIONS + 2 }; /* one a question, the review, the round */
    if (!ck->screens)
        return;
    ov_misfit *m = calloc(MAX_MISFITS, sizeof *m);
    int n = m ? ck->screens(ck->screens_ctx, ck->c, m, MAX_MISFITS) : -1;
    for (int i = 0; i < n; i++)
        misfit_error(ck, &m[i]);
    free(m);
}

/* Checks that need the whole file: scale sizes, questions' scales. */
static void check_whole(chk *ck)
{
    ov_content *c = ck->c;
    for (int i = 0; i < c->n_scales; i++) {
        ov_scale *sc = &c->scales[i];
        int real = 0;
        for (int k = 0; k < sc->n_answers; k++) {
            if (!sc->answers[k].dont_know)
                real++;
            for (int j = 0; j < k; j++) {
                if (sc->answers[j].colour[0] && !strcmp(sc->answers[j].colour, sc->answers[k].colour) &&
                    sc->answers[j].shape == sc->answers[k].shape)
                    WARN(ck, OV_DIAG_SAME_LOOK, NULL, ck->answer_line[i][k],
                         "answers '%s' and '%s' have the same colour and shape; "
                         "people who cannot read cannot tell them apart",
                         sc->answers[j].id, sc->answers[k].id);
            }
        }
        if (real < 2)
            ERR(ck, OV_DIAG_TOO_FEW_ANSWERS, sc->id, ck->scale_line[i],
                "scale '%s' has %d answer%s; it needs at least 2 (not counting "
                "\"I don't know\"): add [answer %s ID] sections",
                sc->id, real, real == 1 ? "" : "s", sc->id);
    }
    for (int i = 0; i < c->n_questions; i++) {
        ov_question *q = &c->questions[i];
        if (q->scale < 0)
            continue;
        ov_scale *sc = &c->scales[q->scale];
        if (sc->n_answers == 0) {
            ERR(ck, OV_DIAG_NO_ANSWERS, sc->id, ck->question_scale_line[i],
                "question has no answers: scale '%s' has no [answer %s ...] sections", sc->id, sc->id);
            continue;
        }
        int has_dk = 0;
        for (int k = 0; k < sc->n_answers; k++)
            if (sc->answers[k].dont_know)
                has_dk = 1;
        if (ck->question_dk_given[i] && !has_dk)
            WARN(ck, OV_DIAG_DONT_KNOW_MISSING, sc->id, ck->question_dk_given[i],
                 "scale '%s' has no \"I don't know\" answer; add one with "
                 "dont-know = yes, or write dont-know = no here",
                 sc->id);
        if (!has_dk)
            q->allow_dont_know = 0;
    }
    if (c->n_questions == 0)
        ERR(ck, OV_DIAG_NO_QUESTIONS, NULL, 0,
            "there are no questions; add at least 1 [question ID] section");
}

/* The practice question (issue 13 point 5): at most one, the first question,
 * and at least one real question after it. */
static void check_practice(chk *ck)
{
    const ov_content *c = ck->c;
    int first = -1;
    for (int i = 0; i < c->n_questions; i++) {
        if (!ck->practice_line[i])
            continue;
        if (first >= 0)
            ERR(ck, OV_DIAG_PRACTICE_TWICE, c->questions[i].id, ck->practice_line[i],
                "question '%s' is a practice question too, but only 1 question can be (the first is '%s' "
                "on line %d); remove practice = yes here",
                c->questions[i].id, c->questions[first].id, ck->practice_line[first]);
        else if (i > 0)
            ERR(ck, OV_DIAG_PRACTICE_NOT_FIRST, c->questions[i].id, ck->practice_line[i],
                "the practice question '%s' must be the first question, so members try it before the "
                "real ones; move its [question %s] above [question %s]",
                c->questions[i].id, c->questions[i].id, c->questions[0].id);
        if (first < 0)
            first = i;
    }
    if (first >= 0 && c->n_questions == 1)
        ERR(ck, OV_DIAG_PRACTICE_ALONE, c->questions[first].id, ck->practice_line[first],
            "'%s' is a practice question and there is no other question; its answers are never kept, "
            "so add at least 1 real [question ID]", c->questions[first].id);
}

/* Append `local`'s problems to d, sorted by line (file-level ones first). */
static void merge_sorted(ov_diags *d, ov_diags *local)
{
    for (int i = 1; i < local->n; i++) { /* stable insertion sort */
        ov_diag tmp = local->items[i];
        int j = i - 1;
        while (j >= 0 && local->items[j].line > tmp.line) {
            local->items[j + 1] = local->items[j];
            j--;
        }
        local->items[j + 1] = tmp;
    }
    for (int i = 0; i < local->n; i++) {
        if (d->n < OV_MAX_DIAGS)
            d->items[d->n++] = local->items[i];
        else
            d->dropped++;
    }
    d->n_errors += local->n_errors;
    d->n_warnings += local->n_warnings;
    d->dropped += local->dropped;
}

/* An empty content (built-in texts, no scales or questions) to check into. */
static void start_content(chk *ck, ov_content *c, const char *dir)
{
    ov_content_builtin(c); /* texts default to the built-in ones */
    c->n_scales = 0;
    c->n_questions = 0;
    memset(c->scales, 0, sizeof c->scales);
    memset(c->questions, 0, sizeof c->questions);
    ov_strlcpy(c->language, "en-gb", sizeof c->language);
    if (ov_strlcpy(c->dir, dir, sizeof c->dir) != OV_OK)
        ERR(ck, OV_DIAG_DIR_TOO_LONG, NULL, 0,
            "the folder path is too long (at most %d bytes); move the content folder", OV_PATH_MAX - 1);
}

static void check_view_sections(chk *ck, const ov_ini_doc *doc, const sec_info *info);

/* Check the sections: language first (easy-read checks depend on it), then
 * scales, so answers and questions may come in any order in the file. */
static void check_sections(chk *ck, const ov_ini_doc *doc, const sec_info *info)
{
    for (int i = 0; i < doc->n_sec; i++)
        if (info[i].kind == SEC_CONTENT)
            do_content(ck, &doc->sec[i]);
    for (int i = 0; i < doc->n_sec; i++)
        if (info[i].kind == SEC_SCALE)
            do_scale(ck, &doc->sec[i], &info[i]);
    for (int i = 0; i < doc->n_sec; i++) {
        const ov_ini_section *s = &doc->sec[i];
        switch (info[i].kind) {
        case SEC_NONE:
            for (int k = 0; k < s->n_kv; k++)
                ERR(ck, OV_DIAG_OUTSIDE_SECTION, s->kv[k].key, s->kv[k].line,
                    "'%.40s' is outside any section; put it under a heading like [question my-id]",
                    s->kv[k].key);
            break;
        case SEC_TEXTS:
            do_texts(ck, s);
            break;
        case SEC_ANSWER:
            do_answer(ck, s, &info[i]);
            break;
        case SEC_QUESTION:
            do_question(ck, s, &info[i]);
            break;
        default:
            break;
        }
    }
    check_view_sections(ck, doc, info); /* issue 14 views (g14views) */
}

int ov_content_check_doc(const ov_ini_doc *doc, const ov_diags *parse_problems, const char *file,
                         const char *dir, const ov_check_opts *opts, ov_content *out, ov_diags *diags)
{
    int rc = OV_OK;
    ov_content *c = calloc(1, sizeof *c);
    ov_diags *local = calloc(1, sizeof *local);
    chk *ck = calloc(1, sizeof *ck);
    sec_info *info = calloc((size_t)doc->n_sec + 1, sizeof *info);
    if (!c || !local || !ck || !info) {
        rc = OV_ENOMEM;
        goto out;
    }
    ov_diags_init(local);
    if (parse_problems)
        *local = *parse_problems;
    ck->file = file;
    ck->dir = dir;
    ck->d = local;
    ck->c = c;
    ck->fit = opts ? opts->fit : NULL;
    ck->fit_ctx = opts ? opts->fit_ctx : NULL;
    ck->screens = opts ? opts->screens : NULL;
    ck->screens_ctx = opts ? opts->screens_ctx : NULL;
    ck->probe = opts ? opts->probe : NULL;
    ck->glyphs = opts ? opts->glyphs : NULL;
    ck->glyphs_ctx = opts ? opts->glyphs_ctx : NULL;
    ck->voice = opts ? opts->voice : NULL;
    ck->voice_ctx = opts ? opts->voice_ctx : NULL;
    start_content(ck, c, dir);
    for (int i = 0; i < doc->n_sec; i++)
        classify(ck, &doc->sec[i], &info[i]);
    check_sections(ck, doc, info);
    if (!ck->texts_line && ov_texts_have_builtin(c->language)) {
        ov_texts_defaults(&c->texts, c->language);
        WARN(ck, OV_DIAG_NO_TEXTS, NULL, 0,
             "there is no [texts] section; the built-in %s screen texts are "
             "used",
             !strncmp(c->language, "cy", 2) ? "Welsh" : "English");
    } else if (!ck->texts_line) {
        ERR(ck, OV_DIAG_NO_TEXTS, NULL, 0,
            "there is no [texts] section, and the kiosk has no built-in screen texts in '%s'; add [texts] "
            "with every text in that language (see docs/content.md)", c->language);
    }
    check_whole(ck);
    check_practice(ck);
    if (!local->n_errors) /* a whole content only: a screen needs every part */
        check_screens(ck);
    rc = local->n_errors ? OV_EINVAL : OV_OK;
    if (rc == OV_OK && out)
        *out = *c;
out:
    if (local)
        merge_sorted(diags, local);
    free(info);
    free(c);
    free(local);
    free(ck);
    return rc;
}

/* ---- issue 14 views (g14views): [more QUESTION], [group ID], [views] ---- */

static const char *const group_keys[] = { "word", "colour", "shape", "picture", NULL };
static const char *const views_keys[] = { "who_title", "who_sentence", "skip", "tell_me_more", "back", "next",
                                          NULL };

static int find_question(const ov_content *c, const char *id)
{
    for (int i = 0; i < c->n_questions; i++)
        if (!strcmp(c->questions[i].id, id))
            return i;
    return -1;
}

/* The answer index of `stage-ANSWER` in scale sc, or -1 (not a stage key). */
static int stage_key(const ov_scale *sc, const char *key)
{
    if (strncmp(key, "stage-", 6))
        return -1;
    for (int i = 0; i < sc->n_answers && i < OV_MAX_ANSWERS; i++)
        if (!sc->answers[i].dont_know && !strcmp(sc->answers[i].id, key + 6))
            return i;
    return -1;
}

/* Keys of a [more] section: about (1..3), picture, stage-ANSWER for the question's answers. */
static void more_keys(chk *ck, const ov_ini_section *s, const ov_scale *sc, ov_more *m)
{
    for (int i = 0; i < s->n_kv; i++) {
        const ov_ini_kv *kv = &s->kv[i];
        int st = stage_key(sc, kv->key);
        if (st >= 0) {
            if (m->stage[st][0])
                ERR(ck, OV_DIAG_KEY_TWICE, kv->key, kv->line, "'%s' is given twice in [%s]; keep only one",
                    kv->key, s->head);
            else
                set_text(ck, kv, m->stage[st], OV_SENTENCE_LEN, OV_FIT_SENTENCE, OV_ER_ONE_SENTENCE, kv->key);
        } else if (!strcmp(kv->key, "about")) {
            if (m->n_about >= OV_MAX_SENTENCES)
                ERR(ck, OV_DIAG_TOO_MANY_SENTENCES, NULL, kv->line,
                    "more than %d 'about' sentences; easy read keeps to 1 idea per screen: remove this one",
                    OV_MAX_SENTENCES);
            else if (set_text(ck, kv, m->about[m->n_about], OV_SENTENCE_LEN, OV_FIT_SENTENCE,
                              OV_ER_ONE_SENTENCE, "about"))
                m->n_about++;
        } else if (strcmp(kv->key, "picture")) {
            char ids[160] = "";
            for (int a = 0; a < sc->n_answers; a++)
                if (!sc->answers[a].dont_know)
                    snprintf(ids + strlen(ids), sizeof ids - strlen(ids), "%sstage-%s", ids[0] ? ", " : "",
                             sc->answers[a].id);
            ERR(ck, OV_DIAG_UNKNOWN_KEY, kv->key, kv->line,
                "unknown key '%.40s' in [%.60s]; the keys are: about, picture, %s", kv->key, s->head, ids);
        }
    }
    set_path(ck, get(s, "picture"), m->picture, 1);
}

static void do_more(chk *ck, const ov_ini_section *s, const sec_info *si)
{
    ov_content *c = ck->c;
    int q = find_question(c, si->tok[0]);
    if (q < 0) {
        ERR(ck, OV_DIAG_UNKNOWN_SECTION, si->tok[0], s->line,
            "[%s] is for a question that is not here; write [more ID] with the id of a [question ID]",
            s->head);
        return;
    }
    if (!first_time(ck, s, &ck->more_line[q]))
        return;
    if (c->questions[q].scale < 0)
        return; /* reported with the question */
    ov_more *m = &c->more[q];
    memset(m, 0, sizeof *m);
    more_keys(ck, s, &c->scales[c->questions[q].scale], m);
    if (m->n_about == 0)
        ERR(ck, OV_DIAG_KEY_MISSING, "about", s->line,
            "[%s] has no 'about'; add 1 to %d lines like: about = This is about your skills.", s->head,
            OV_MAX_SENTENCES);
    if (!m->picture[0] && !c->questions[q].picture[0])
        WARN(ck, OV_DIAG_NO_PICTURE, NULL, s->line,
             "[%s] has no picture (nor has its question); add picture = ... so people who do not read can "
             "follow", s->head);
    m->present = m->n_about > 0;
}

static void do_group(chk *ck, const ov_ini_section *s, const sec_info *si)
{
    check_keys(ck, s, group_keys, NULL, "a [group]");
    ov_who *w = &ck->c->who;
    for (int i = 0; i < w->n_groups; i++)
        if (!strcmp(w->groups[i].id, si->tok[0])) {
            ERR(ck, OV_DIAG_SECTION_TWICE, NULL, s->line,
                "group '%s' is given twice (first on line %d); give each group its own id", si->tok[0],
                ck->group_line[i]);
            return;
        }
    if (w->n_groups >= OV_MAX_GROUPS) {
        ERR(ck, OV_DIAG_TOO_MANY_ANSWERS, "who", s->line,
            "too many groups: at most %d; remove group '%s' or another", OV_MAX_GROUPS, si->tok[0]);
        return;
    }
    ck->group_line[w->n_groups] = s->line;
    ov_group *g = &w->groups[w->n_groups++];
    memset(g, 0, sizeof *g);
    ov_strlcpy(g->id, si->tok[0], sizeof g->id);
    set_text(ck, need(ck, s, "word", "I use the service"), g->word, sizeof g->word, OV_FIT_ANSWER_WORD,
             OV_ER_NO_LENGTH, "word");
    ov_answer look;
    memset(&look, 0, sizeof look);
    answer_look(ck, s, &look);
    ov_strlcpy(g->colour, look.colour, sizeof g->colour);
    g->shape = look.shape;
    const ov_ini_kv *pic = get(s, "picture");
    if (!pic || !pic->value[0])
        WARN(ck, OV_DIAG_NO_PICTURE, NULL, s->line,
             "[%s] has no picture; add picture = ... so people who do not read can follow", s->head);
    set_path(ck, pic, g->picture, 1);
}

static void do_views(chk *ck, const ov_ini_section *s)
{
    check_keys(ck, s, views_keys, NULL, "[views]");
    if (!first_time(ck, s, &ck->views_line))
        return;
    ov_who *w = &ck->c->who;
    set_text(ck, get(s, "who_title"), w->title, sizeof w->title, OV_FIT_TITLE, OV_ER_NO_LENGTH, "who_title");
    set_text(ck, get(s, "who_sentence"), w->sentence, sizeof w->sentence, OV_FIT_SENTENCE, 0, "who_sentence");
    set_text(ck, get(s, "skip"), w->skip, sizeof w->skip, OV_FIT_BUTTON, OV_ER_NO_LENGTH, "skip");
    set_text(ck, get(s, "tell_me_more"), w->tell_me_more, sizeof w->tell_me_more, OV_FIT_BUTTON,
             OV_ER_NO_LENGTH, "tell_me_more");
    /* back and next sit on buttons half the screen wide: they may be as long as an answer's say */
    set_text(ck, get(s, "back"), w->back, sizeof w->back, OV_FIT_ANSWER_SAY, OV_ER_NO_LENGTH, "back");
    set_text(ck, get(s, "next"), w->next, sizeof w->next, OV_FIT_ANSWER_SAY, OV_ER_NO_LENGTH, "next");
}

/* After the questions: [views], [group] and [more] (which names a question). */
static void check_view_sections(chk *ck, const ov_ini_doc *doc, const sec_info *info)
{
    for (int i = 0; i < doc->n_sec; i++) {
        if (info[i].kind == SEC_VIEWS)
            do_views(ck, &doc->sec[i]);
        else if (info[i].kind == SEC_GROUP)
            do_group(ck, &doc->sec[i], &info[i]);
        else if (info[i].kind == SEC_MORE)
            do_more(ck, &doc->sec[i], &info[i]);
    }
    ov_who *w = &ck->c->who;
    if (w->n_groups == 1)
        ERR(ck, OV_DIAG_TOO_FEW_ANSWERS, "who", ck->group_line[0],
            "there is only 1 [group]; \"Who are you today?\" needs at least 2 groups, or none");
    if (w->n_groups > 0 && !w->title[0])
        ERR(ck, OV_DIAG_KEY_MISSING, "who_title", ck->views_line ? ck->views_line : ck->group_line[0],
            "there are [group] sections but no who_title; add to [views]: who_title = Who are you today?");
}
