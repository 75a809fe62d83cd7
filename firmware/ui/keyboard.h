/* keyboard.h — the facilitator's on-screen keyboard as pure logic: two
 * layouts (alphabetical and QWERTY, switchable), each key's place on a grid
 * of OV_KB_COLS columns, the word each key says when pressed, and the text
 * typed so far. The layout (ui/layout_ideas.c) turns the grid into big
 * buttons; nothing is drawn or spoken here. */
#ifndef OV_KEYBOARD_H
#define OV_KEYBOARD_H

#include <stddef.h>

#define OV_KB_COLS 10 /* grid columns; a key spans 1 or more */
#define OV_KB_ROWS 5  /* digits, 3 letter rows, the control row */
#define OV_KB_MAX_KEYS 48
#define OV_KB_TEXT_LEN 72 /* bytes typed, with the NUL (the idea / plan field size) */

typedef enum { OV_KB_ABC = 0, OV_KB_QWERTY = 1 } ov_kb_layout;

typedef enum { OV_KB_CHAR, OV_KB_SPACE, OV_KB_DELETE, OV_KB_DONE, OV_KB_SWITCH } ov_kb_kind;

typedef struct {
    ov_kb_kind kind;
    char label[16]; /* what the key shows ("A", "Space", "QWERTY") */
    char ch;        /* OV_KB_CHAR: the character it types (capital letters shown; see press) */
    int row, col, span;
} ov_kb_key;

/* What a press did. */
typedef enum {
    OV_KB_TYPED,    /* a character or space was added */
    OV_KB_DELETED,  /* the last character was removed (or there was none) */
    OV_KB_FULL,     /* nothing added: the text is as long as it may be */
    OV_KB_SWITCHED, /* the other layout is shown */
    OV_KB_FINISHED, /* "Done": the text is ready (ov_keyboard.text) */
} ov_kb_result;

typedef struct {
    ov_kb_layout layout;
    char text[OV_KB_TEXT_LEN];
    /* the words keys show, from content ([texts] kb_*, fac_cancel); NULL: English */
    const char *space, *del, *done, *cancel;
    /* the words the punctuation and layout keys say ([texts] kb_dash ... kb_qwerty_keys); NULL: English */
    const char *dash, *comma, *full_stop, *apostrophe, *abc_keys, *qwerty_keys;
} ov_keyboard;

/* Start with `initial` text (may be NULL) on `layout`. */
void ov_keyboard_init(ov_keyboard *kb, ov_kb_layout layout, const char *initial);

/* What key `k` shows on `kb`: the content's word for Space, Delete and Done
 * when kb has them, else the key's own label. Never NULL. */
const char *ov_keyboard_label(const ov_keyboard *kb, const ov_kb_key *k);

/* The keys of a layout into out[0..max), in reading order. Returns how many. */
int ov_keyboard_keys(ov_kb_layout layout, ov_kb_key *out, int max);

/* Press a key. Letters are typed capital at the start of the text and after
 * ". ", small otherwise. Returns what happened. */
ov_kb_result ov_keyboard_press(ov_keyboard *kb, const ov_kb_key *key);

/* The word a key says when pressed on kb ("A", "space", "full stop",
 * "delete", "done", "QWERTY keys": kb's content words for the marks and the
 * layout key when it has them, else these English ones), into out. */
void ov_keyboard_key_word(const ov_keyboard *kb, const ov_kb_key *key, char *out, size_t outlen);

/* The name of a layout: "alphabetical" or "QWERTY". */
const char *ov_keyboard_layout_name(ov_kb_layout layout);

#endif
