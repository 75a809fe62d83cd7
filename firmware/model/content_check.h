/* content_check.h — full validation of a content folder (content.ini, the
 * pictures and recordings it names) with easy-read warnings. The same check
 * runs for `ourvoice check-content DIR`, for ov_content_load and for new
 * questions on a USB stick, so what the facilitator sees is what the kiosk
 * accepts.
 *
 * Whether a text fits its box on screen depends on the layout and fonts. The
 * renderer can answer that through an ov_fit_fn the caller passes in
 * ov_check_opts (platform/render.h: ov_render_content_fit); without one the checker uses
 * the conservative character limits of ov_fit_limit (documented in
 * docs/content.md). Too long for its field in ov_content = error; may not fit
 * its box = warning. Whether each whole screen fits (a question's title,
 * sentences and answers together; the review and round screens' titles) is
 * answered by an ov_screens_fn in the options (ui/layout_fit.h:
 * ov_layout_screens_fit); a screen that does not = error
 * (OV_DIAG_SCREEN_NOT_FIT). */
#ifndef OV_CONTENT_CHECK_H
#define OV_CONTENT_CHECK_H

#include "model/content.h"
#include "model/ini_doc.h"

/* What kind of box a text goes in (the `kind` given to an ov_fit_fn). */
typedef enum {
    OV_FIT_TITLE = 1,   /* question title, welcome_title, thanks_title */
    OV_FIT_SENTENCE,    /* one question sentence; welcome, thanks, not_saved, confirm */
    OV_FIT_ANSWER_WORD, /* the word on an answer button */
    OV_FIT_ANSWER_SAY,  /* an answer's `say` text, shown on the confirm screen */
    OV_FIT_BUTTON,      /* that's right, go back, hear it again */
    OV_FIT_PROGRESS,    /* progress with the numbers filled in, e.g. "Question 16 of 16" */
} ov_fit_kind;

/* Does `text` fit a box of this kind on every supported screen? Return 1 if it
 * fits, 0 if it does not, or a negative number when it cannot tell (the
 * checker then falls back to ov_fit_limit). */
typedef int (*ov_fit_fn)(void *ctx, int kind, const char *text);

/* A whole screen a content does not fit (ov_misfit.screen). */
typedef enum {
    OV_MISFIT_QUESTION = 1, /* a question's screen: progress, note, title, sentences, answers */
    OV_MISFIT_SCAN_STRIP,   /* that screen with the stopped scan's strip (scan_restart) over it */
    OV_MISFIT_CONFIRM,      /* the check screen of one of its answers */
    OV_MISFIT_REVIEW,       /* the review screen: every counted question's title as a caption */
    OV_MISFIT_ROUND,        /* the facilitator's round screen: every counted question's title */
} ov_misfit_screen;

/* What would make a question screen fit (ov_misfit.fix). */
typedef enum {
    OV_FIX_SHORTER = 1, /* title_letters / sentences say how; both 0: shorten title and sentences */
    OV_FIX_ANSWERS,     /* even a one-word title and sentence do not fit: shorter answer words */
} ov_misfit_fix;

/* One screen that does not fit, at the first size and theme where it does not. */
typedef struct {
    int screen;        /* ov_misfit_screen */
    int question;      /* its index in the content; review, round: the question of the longest title */
    int answer;        /* confirm: the answer's position in the question's answers; else -1 */
    int w, h;          /* the screen size, pixels */
    const char *theme; /* the theme's name (static) */
    int fix;           /* ov_misfit_fix (question screens) */
    int title_letters; /* >0: the title(s) cut to at most this many letters fit; 0: that alone does not */
    int sentences;     /* >0: the question with this many of its sentences fits; 0: that alone does not */
} ov_misfit;

/* Lay out each whole question, and the screens that show every title, at
 * every supported size and theme; write up to `max` misfits (one a question
 * at most, the first size and theme where it does not fit) to out. Returns
 * how many, or a negative number when it cannot tell (the checker then
 * checks each text alone). */
typedef int (*ov_screens_fn)(void *ctx, const ov_content *c, ov_misfit *out, int max);

typedef int (*ov_file_probe_fn)(const char *path, int is_picture, char *why, size_t whylen);

/* ov_glyph_fn: the first code point of text the kiosk's font cannot draw
 * (it would show as an empty box), 0 when it can draw them all, -1 when it
 * cannot tell. */
typedef long (*ov_glyph_fn)(void *ctx, const char *text);
/* ov_voice_fn: 1 when the speech engine has a voice for `language`, 0 when
 * it has none (the kiosk would speak another language), -1 cannot tell. */
typedef int (*ov_voice_fn)(void *ctx, const char *language);

typedef struct {
    ov_fit_fn fit; /* NULL: the character limits of ov_fit_limit */
    void *fit_ctx;
    ov_screens_fn screens; /* whole screens (OV_DIAG_SCREEN_NOT_FIT); NULL: not checked */
    void *screens_ctx;
    ov_file_probe_fn probe; /* does a named picture/recording exist (NULL: assume so) */
    ov_glyph_fn glyphs;     /* NULL: letters not checked (platform/render.h: ov_render_content_fit) */
    void *glyphs_ctx;
    ov_voice_fn voice; /* NULL: the voice not checked (app/cli_check_content.c) */
    void *voice_ctx;
} ov_check_opts;

/* Conservative number of characters that fit a box of this kind on the
 * smallest screen (800x480) in the standard theme; 0 for an unknown kind. */
int ov_fit_limit(int kind);

/* What a probe says of a path a content names. */
#define OV_PROBE_WHY_LEN 256
enum { OV_PROBE_MISSING = 0, OV_PROBE_FILE = 1, OV_PROBE_NOT_FILE = 2, OV_PROBE_BAD = 3 };
/* ov_file_probe_fn looks at one picture (is_picture 1) or recording path and
 * returns an OV_PROBE_* value; for OV_PROBE_BAD (the file cannot be used:
 * wrong format, too big, broken) `why` says what is wrong and what to do. */

/* Check a parsed content.ini (doc, read from `file`; parse_problems are the
 * reader's own problems, or NULL) whose pictures and recordings are relative
 * to `dir`. Every problem is added to diags with its code, file and line
 * ("file:line: message"), sorted by line (whole-file ones first, parse_problems
 * among them), and the check goes on after each one. opts may be NULL; named
 * files are looked at through opts->probe (NULL: taken to be there). When no
 * error was found and out is not NULL, *out gets the content (out->dir = dir).
 * Returns OV_OK (warnings allowed), OV_EINVAL (errors found, parse_problems'
 * included; *out untouched) or OV_ENOMEM (nothing checked, *out untouched).
 * platform/content_load.h reads a folder and calls this. */
int ov_content_check_doc(const ov_ini_doc *doc, const ov_diags *parse_problems, const char *file,
                         const char *dir, const ov_check_opts *opts, ov_content *out, ov_diags *diags);

/* 1 if `name` is an answer colour of the standard theme (model/theme.h:
 * ov_theme_answer_find, so any case and its aliases), else 0. The renderer
 * maps these names to a colour-blind-safe palette. */
int ov_colour_valid(const char *name);

#endif
