/* ideas_fac.h — the facilitator's ideas screens as pure logic: choose a
 * question, its ideas (typed on the on-screen keyboard or taken from a
 * stick), how many each member may choose, the priorities round, the action
 * plan (what, who, when; done) and closing the meeting. Screens are ov_menu
 * descriptions (drawn by ov_layout_menu) except the keyboard
 * (ov_layout_keyboard); a press returns what the kiosk must do (it owns the
 * store and the stick), like ui/facilitator.h. */
#ifndef OV_IDEAS_FAC_H
#define OV_IDEAS_FAC_H

#include "model/ideas.h"
#include "ui/facilitator.h"
#include "ui/keyboard.h"

#define OV_IFAC_KEY_WORD_LEN 32 /* the word a key says and the NUL */

typedef enum {
    OV_IFAC_OFF,
    OV_IFAC_PICK,     /* "facilitator-ideas-pick": which question */
    OV_IFAC_BOARD,    /* "facilitator-ideas-list": the ideas of one question */
    OV_IFAC_KEYBOARD, /* "facilitator-ideas": typing an idea or a plan field */
    OV_IFAC_PLAN,     /* "facilitator-plan": what we will do */
} ov_ifac_screen;

typedef enum {
    OV_IFAC_DO_NOTHING = 0,
    OV_IFAC_DO_REDRAW,
    OV_IFAC_DO_EXIT,          /* back to the facilitator menu */
    OV_IFAC_DO_LOAD,          /* load the board of (this meeting, question f->question), show BOARD */
    OV_IFAC_DO_LOAD_LAST,     /* load board f->last_index of the last closed meeting, show PLAN */
    OV_IFAC_DO_SAVE,          /* f->board changed: save it */
    OV_IFAC_DO_OPEN_ROUND,    /* saved with the round open: members choose now */
    OV_IFAC_DO_IMPORT,        /* read the stick's ideas.ini into the board */
    OV_IFAC_DO_CLOSE_MEETING, /* close this meeting (results and plans can then be shown and saved) */
    OV_IFAC_DO_SAY_KEY,       /* a key was pressed: say f->key_word */
} ov_ifac_do;

typedef enum { OV_KB_FOR_IDEA, OV_KB_FOR_WHAT, OV_KB_FOR_WHO, OV_KB_FOR_WHEN } ov_kb_purpose;

typedef struct {
    ov_ifac_screen screen;
    const ov_content *content;
    ov_ideas_board board; /* the board shown (the kiosk loads and saves it) */
    int question;         /* content question of the board */
    int closed;           /* 1: the board's meeting is closed (only its plan changes) */
    int threshold;        /* small_numbers */
    int stick_has_ideas;  /* a stick with ourvoice/ideas.ini is in */
    int n_last_boards;    /* boards of the last closed meeting (0: none) */
    int last_index;       /* which of them is shown */
    ov_keyboard kb;
    ov_kb_purpose purpose;
    int plan_idea; /* the idea whose action is being typed */
    char what[OV_PLAN_TEXT_LEN], who[OV_PLAN_TEXT_LEN];
    char note[OV_SENTENCE_LEN]; /* a line to show (a problem, what was done), or "" */
    char key_word[OV_IFAC_KEY_WORD_LEN]; /* after OV_IFAC_DO_SAY_KEY */
    int confirm_close; /* 1: "Close this meeting" was pressed once: ask again */
} ov_ideas_fac;

/* Start (off). c (not NULL: its texts are the screens' words) must outlive f. */
void ov_ideas_fac_init(ov_ideas_fac *f, const ov_content *c, int threshold);

/* Open on the question list, with no note. */
void ov_ideas_fac_open(ov_ideas_fac *f);

/* Describe the current screen. Returns OV_OK; OV_EINVAL on the keyboard
 * (ov_layout_keyboard draws it) or when off. The items' action is
 * OV_MENU_NONE: ov_ideas_fac_press tells them apart by index. */
int ov_ideas_fac_menu(const ov_ideas_fac *f, ov_menu *out);

/* Press menu item `item` (or, on the keyboard, key `item` of
 * ov_keyboard_keys, or OV_KB_TARGET_CANCEL). Returns what the kiosk must do;
 * OV_IFAC_DO_NOTHING when off or `item` is not on the screen. */
ov_ifac_do ov_ideas_fac_press(ov_ideas_fac *f, int item);

/* The kiosk loaded a board: keep a copy and show it (BOARD, or PLAN with plan = 1). */
void ov_ideas_fac_show(ov_ideas_fac *f, const ov_ideas_board *b, int question, int closed, int plan);

/* Show a line on the current screen (what was done, or a problem); NULL clears it. */
void ov_ideas_fac_note(ov_ideas_fac *f, const char *line);

/* The keyboard's prompt for what is being typed (the content's words). Never NULL. */
const char *ov_ideas_fac_prompt(const ov_ideas_fac *f);

/* Script name of the current screen, or NULL when off. */
const char *ov_ideas_fac_screen_name(const ov_ideas_fac *f);

#endif
