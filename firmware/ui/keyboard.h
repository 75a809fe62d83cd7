/* keyboard.h — the facilitator's on-screen keyboard as pure logic: three
 * pages of keys (letters A to M, letters N to Z, numbers and marks), each
 * page OV_KB_SLOTS big keys with the same control keys in the same places
 * (the next page, Space, Delete, Done; Cancel is the layout's), the word each
 * key says when pressed, and the text typed so far. Few keys a page, so that
 * each key is at least 20 mm on a 7" panel (issue 13 point 9). The layout
 * (ui/layout_ideas.c) puts the slots on a grid of OV_KB_COLS x OV_KB_ROWS
 * (landscape) or OV_KB_ROWS x OV_KB_COLS (portrait); nothing is drawn or
 * spoken here. */
#ifndef OV_KEYBOARD_H
#define OV_KEYBOARD_H

#include <stddef.h>

#define OV_KB_COLS 6  /* slots a row in landscape (rows in portrait) */
#define OV_KB_ROWS 3  /* rows in landscape (columns in portrait) */
#define OV_KB_SLOTS (OV_KB_COLS * OV_KB_ROWS)
#define OV_KB_CHARS 13 /* character keys a page; the other slots: next page, Space, Delete, Done, Cancel */
#define OV_KB_MAX_KEYS OV_KB_SLOTS
#define OV_KB_CANCEL_SLOT (OV_KB_SLOTS - 1) /* the last slot is the layout's Cancel */
#define OV_KB_TEXT_LEN 72 /* bytes typed, with the NUL (the idea / plan field size) */
#define OV_KB_LABEL_LEN 16 /* a key's label and the NUL */

typedef enum { OV_KB_PAGE_A_M = 0, OV_KB_PAGE_N_Z = 1, OV_KB_PAGE_NUMBERS = 2, OV_KB_PAGES = 3 } ov_kb_page;

typedef enum { OV_KB_CHAR, OV_KB_SPACE, OV_KB_DELETE, OV_KB_DONE, OV_KB_NEXT_PAGE } ov_kb_kind;

typedef struct {
    ov_kb_kind kind;
    char label[OV_KB_LABEL_LEN]; /* what the key shows ("A", "Space", "N–Z") */
    char ch;        /* OV_KB_CHAR: the character it types (capital letters shown; see press) */
    int slot;       /* its place, 0 .. OV_KB_SLOTS-2, in reading order */
} ov_kb_key;

/* What a press did. */
typedef enum {
    OV_KB_TYPED,    /* a character or space was added */
    OV_KB_DELETED,  /* the last character was removed (or there was none) */
    OV_KB_FULL,     /* nothing added: the text is as long as it may be */
    OV_KB_SWITCHED, /* the next page is shown */
    OV_KB_FINISHED, /* "Done": the text is ready (ov_keyboard.text) */
} ov_kb_result;

typedef struct {
    ov_kb_page page;
    char text[OV_KB_TEXT_LEN];
    /* the words keys show, from content ([texts] kb_*, fac_cancel); NULL: English */
    const char *space, *del, *done, *cancel;
    /* the words the marks and the page key say ([texts] kb_comma ... kb_page_numbers); NULL: English */
    const char *comma, *full_stop, *apostrophe, *page_a_m, *page_n_z, *page_numbers;
} ov_keyboard;

/* Start with `initial` text (may be NULL; cut to OV_KB_TEXT_LEN - 1 bytes)
 * on `page` (A to M for a bad page); the content words are NULL (English). */
void ov_keyboard_init(ov_keyboard *kb, ov_kb_page page, const char *initial);

/* What key `k` shows on `kb`: the content's word for Space, Delete and Done
 * when kb has them, else the key's own label. Never NULL. */
const char *ov_keyboard_label(const ov_keyboard *kb, const ov_kb_key *k);

/* The keys of a page (A to M for a bad page) into out[0..max), in reading
 * order (the characters, then the next page, Space, Delete, Done). Returns
 * how many. */
int ov_keyboard_keys(ov_kb_page page, ov_kb_key *out, int max);

/* The page that has a key typing `ch` (a capital letter, a digit or a
 * mark), or -1 when no page has it. */
int ov_keyboard_page_of(char ch);

/* Press a key. Letters are typed capital at the start of the text and after
 * a full stop (spaces between or not), small otherwise; Delete removes one
 * whole UTF-8 character. Returns what happened. */
ov_kb_result ov_keyboard_press(ov_keyboard *kb, const ov_kb_key *key);

/* The word a key says when pressed on kb ("A", "space", "full stop",
 * "delete", "done", "letters N to Z": kb's content words for the marks and
 * the page key when it has them, else these English ones), into out. The
 * page key says the page kb shows now: call it after ov_keyboard_press. */
void ov_keyboard_key_word(const ov_keyboard *kb, const ov_kb_key *key, char *out, size_t outlen);

#endif
