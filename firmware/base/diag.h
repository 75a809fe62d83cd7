/* diag.h — a list of problems found in a file. Each problem carries a code
 * (what is wrong, for code to act on), the file, the line and the message
 * (for people) held apart, plus the formatted "file:line: message" text.
 * Used by the content.ini reader and checker, new questions from a stick,
 * ideas.ini, the config loader and the headless script parser. */
#ifndef OV_DIAG_H
#define OV_DIAG_H

#include <stdio.h>

#define OV_MAX_DIAGS 128
#define OV_DIAG_LEN 320    /* message, file and formatted text, each */
#define OV_DIAG_ARG_LEN 64 /* the one name a problem is about */

typedef enum { OV_DIAG_ERROR, OV_DIAG_WARNING } ov_diag_level;

/* One value per distinct problem. Nothing may decide on a problem's words:
 * decide on its code. */
typedef enum {
    OV_DIAG_GENERIC = 0, /* a problem with no code of its own */
    /* reading content.ini (platform/content_ini.c, content_load.c) */
    OV_DIAG_INI_NOT_UTF8,
    OV_DIAG_INI_CONTROL_CHAR,
    OV_DIAG_INI_LINE_TOO_LONG,
    OV_DIAG_INI_NOT_KEY_VALUE,
    OV_DIAG_INI_NO_CLOSING_BRACKET,
    OV_DIAG_INI_TEXT_AFTER_HEADING,
    OV_DIAG_CUT_COMMENT, /* " ;" starts a comment: the rest of the value is left out */
    OV_DIAG_CONTENT_MISSING, /* no content.ini in the folder */
    /* the content checker (model/content_check.c) */
    OV_DIAG_HEADING_EMPTY,
    OV_DIAG_HEADING_IDS, /* wrong number of ids after the section word */
    OV_DIAG_BAD_ID,      /* arg: the id */
    OV_DIAG_UNKNOWN_SECTION,
    OV_DIAG_UNKNOWN_KEY, /* arg: the key */
    OV_DIAG_KEY_TWICE,
    OV_DIAG_SECTION_TWICE,
    OV_DIAG_KEY_MISSING,       /* arg: the key */
    OV_DIAG_TEXTS_KEY_MISSING, /* arg: the key; the built-in text is used */
    OV_DIAG_MAY_NOT_FIT,
    OV_DIAG_TEXT_EMPTY,
    OV_DIAG_TEXT_TOO_LONG,
    OV_DIAG_PATH_ABSOLUTE,
    OV_DIAG_PICTURE_TYPE,
    OV_DIAG_RECORDING_TYPE,
    OV_DIAG_PATH_TOO_LONG,
    OV_DIAG_FILE_NOT_FOUND,
    OV_DIAG_NOT_A_FILE,
    OV_DIAG_FILE_UNUSABLE,      /* a picture or recording that does not decode, or is too big */
    OV_DIAG_NOT_YES_NO,
    OV_DIAG_BAD_LANGUAGE,
    OV_DIAG_BAD_PROGRESS,
    OV_DIAG_TEXT_FORMAT, /* arg: the key; its %d/%s differ from the English text's */
    OV_DIAG_TOO_MANY_SCALES,
    OV_DIAG_ANSWER_NO_SCALE,  /* arg: the scale */
    OV_DIAG_TOO_MANY_ANSWERS, /* arg: the scale */
    OV_DIAG_COLOUR_UNKNOWN,
    OV_DIAG_SHAPE_UNKNOWN,
    OV_DIAG_DONT_KNOW_TWICE,
    OV_DIAG_DONT_KNOW_MISSING,
    OV_DIAG_TOO_MANY_QUESTIONS,
    OV_DIAG_TOO_MANY_SENTENCES,
    OV_DIAG_NO_PICTURE,
    OV_DIAG_NO_ANSWERS,
    OV_DIAG_TOO_FEW_ANSWERS, /* arg: the scale */
    OV_DIAG_SAME_LOOK,
    OV_DIAG_NO_QUESTIONS,
    OV_DIAG_NO_TEXTS,
    OV_DIAG_OUTSIDE_SECTION,
    OV_DIAG_DIR_TOO_LONG,
    /* easy-read warnings (model/easyread.c) */
    OV_DIAG_LONG_WORD,   /* arg: the word */
    OV_DIAG_ACRONYM,     /* arg: the word */
    OV_DIAG_NUMBER_WORD, /* arg: the word */
    OV_DIAG_LONG_SENTENCE,
    OV_DIAG_SENTENCES_ONE_LINE,
    /* copying new questions from a stick (platform/content_import.c) */
    OV_DIAG_SOURCE_PATH,
    OV_DIAG_FOLDER_UNREADABLE,
    OV_DIAG_PATH_OUTSIDE,
    OV_DIAG_HIDDEN,
    OV_DIAG_LINK_OUTSIDE,
    OV_DIAG_FILE_TOO_BIG,
    OV_DIAG_TOO_MANY_FILES,
    OV_DIAG_FILES_TOO_BIG,
    /* the content checker again (model/content_check.c) */
    OV_DIAG_NO_GLYPH, /* arg: the letter the kiosk's font cannot draw */
    OV_DIAG_NO_VOICE, /* arg: the language espeak-ng has no voice for */
    OV_DIAG_LONG_TITLE, /* a title that fits only by taking two lines */
    OV_DIAG_PRACTICE_TWICE,     /* a second question with practice = yes */
    OV_DIAG_PRACTICE_NOT_FIRST, /* the practice question is not the first question */
    OV_DIAG_PRACTICE_ALONE,     /* the practice question is the only question */
    OV_DIAG_SCREEN_NOT_FIT,     /* arg: the question id; a whole screen does not fit (ov_misfit) */
    /* config files (platform/config.c) */
    OV_DIAG_CONFIG_NOT_ALLOWED,
    OV_DIAG_CONFIG_TOO_LONG,
    OV_DIAG_CONFIG_NOT_YES_NO,
    OV_DIAG_CONFIG_NOT_NUMBER,
    OV_DIAG_CONFIG_BAD_LINE,
    /* headless scripts (ui/script.c, platform/script_file.c) */
    OV_DIAG_SCRIPT_UNREADABLE,
    OV_DIAG_SCRIPT_TOO_MANY_WORDS,
    OV_DIAG_SCRIPT_FORM,
    OV_DIAG_SCRIPT_SHOT_NAME,
    OV_DIAG_SCRIPT_NUMBER,
    OV_DIAG_SCRIPT_UNKNOWN_COMMAND,
} ov_diag_code;

typedef struct {
    ov_diag_level level;
    ov_diag_code code;
    int line; /* <= 0: the whole file */
    char file[OV_DIAG_LEN];
    char arg[OV_DIAG_ARG_LEN]; /* the key, id or word it is about, or "" */
    char message[OV_DIAG_LEN]; /* the message alone (no file, line or "warning: ") */
    char text[OV_DIAG_LEN];    /* "file:line: message" (warnings say "warning: ") */
} ov_diag;

typedef struct {
    ov_diag items[OV_MAX_DIAGS];
    int n;
    int n_errors;
    int n_warnings;
    int dropped; /* problems beyond OV_MAX_DIAGS, counted but not kept */
} ov_diags;

/* Empty d (no problems, all counts 0). */
void ov_diags_init(ov_diags *d);
/* Add one problem with code OV_DIAG_GENERIC (file NULL: ""). line <= 0 means
 * "no line" and prints "file: message". It always counts in n_errors or
 * n_warnings; beyond OV_MAX_DIAGS it is not kept, only counted in `dropped`.
 * The file, arg and message are cut to fit their fields. */
void ov_diag_add(ov_diags *d, ov_diag_level level, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Add one problem with its code and the name it is about (`arg`, NULL: none),
 * as ov_diag_add. */
void ov_diag_add_code(ov_diags *d, ov_diag_level level, ov_diag_code code, const char *arg, const char *file,
                      int line, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Print every kept problem's text, one per line, to `out`, then
 * "(N more problems not shown)" when some were dropped. */
void ov_diags_print(const ov_diags *d, FILE *out);

#endif
