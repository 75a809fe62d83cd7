/* facilitator.h — facilitator mode as pure logic: the PIN pad (with slowdown
 * after wrong tries), the menu, meetings, meeting rounds, results shown back
 * to the group, USB export / clear / import steps, the settings screen and
 * the way into the ideas screens (ui/ideas_fac.h). Each screen is described
 * as an ov_menu (title, a few lines, buttons, optional bar chart) that the
 * layout draws; a press returns a command the kiosk carries out (it owns the
 * vote store, the USB stick and the config file) and reports back. */
#ifndef OV_FACILITATOR_H
#define OV_FACILITATOR_H

#include "model/content.h"
#include "model/content_diff.h"
#include "ui/flow.h"
#include "ui/pin.h"
#include "model/results.h"

#define OV_MENU_MAX_ITEMS 13
#define OV_MENU_MAX_LINES 4
#define OV_MENU_MAX_BARS OV_MAX_ANSWERS
/* The import screen keeps every line it is given (each change and the votes
 * note, or each problem) and shows them a page at a time: when they are more
 * than OV_MENU_MAX_LINES, a page holds OV_FAC_IMPORT_PAGE_LINES of them and
 * "Page 1 of 3", with a "Next page" button. */
#define OV_FAC_IMPORT_MAX_LINES (OV_MAX_CHANGES + 1)
#define OV_FAC_IMPORT_PAGE_LINES (OV_MENU_MAX_LINES - 1)
#define OV_MENU_LINE_SENTENCES 3 /* a menu line holds up to this many sentences (a meeting, a comparison) */
#define OV_FAC_TYPED_LEN 12  /* PIN digits typed (at most 8) and the NUL */
#define OV_FAC_NEW_PIN_LEN 16 /* a new PIN and the NUL */
#define OV_FAC_THEME_LEN 16  /* a theme's name ("high-contrast") and the NUL */
#define OV_FAC_DATE_LEN 16   /* "YYYY-MM-DD" and the NUL */

typedef enum {
    OV_FAC_OFF,     /* members are voting */
    OV_FAC_PIN,     /* enter the PIN */
    OV_FAC_NEW_PIN, /* "Change PIN": type a new one, twice */
    OV_FAC_MENU,
    OV_FAC_RESULTS, /* one question's results, for the group */
    OV_FAC_MEETING, /* pick a meeting name */
    OV_FAC_ROUND,   /* pick the question for a meeting round */
    OV_FAC_CONFIRM_CLEAR,
    OV_FAC_IMPORT,   /* what new questions on the stick would change */
    OV_FAC_MESSAGE,  /* an outcome (export done, stick full, ...) */
    OV_FAC_SETTINGS, /* look (theme), the check step, speech */
} ov_fac_screen;

typedef enum {
    OV_FAC_DO_NOTHING = 0,
    OV_FAC_DO_REDRAW,      /* the screen changed */
    OV_FAC_DO_EXIT,        /* back to voting */
    OV_FAC_DO_SAVE_PIN,    /* the kiosk hashes and stores ov_fac.new_pin, then clears it */
    OV_FAC_DO_SET_MEETING, /* votes now count towards ov_fac.chosen_meeting */
    OV_FAC_DO_OPEN_ROUND,  /* meeting round on question ov_fac.chosen_round */
    OV_FAC_DO_CLOSE_ROUND,
    OV_FAC_DO_RESULTS, /* fetch results (kiosk calls ov_fac_show_results) */
    OV_FAC_DO_EXPORT,  /* write the files to the stick */
    OV_FAC_DO_CLEAR,   /* clear the votes (only offered after a verified export) */
    OV_FAC_DO_IMPORT,  /* menu: check the stick's questions (then ov_fac_import_preview); */
                       /* import screen: take them */
    OV_FAC_DO_RESTORE, /* put the previous questions back */
    OV_FAC_DO_SETTING, /* change ov_fac.changed (theme, check step, speech, screen off), save it */
    /* privacy (issue 12) */
    OV_FAC_DO_END_MEETING, /* close the meeting votes count towards; votes then count for a new drop-in */
    OV_FAC_DO_IDEAS,   /* open the ideas screens (app/kiosk_ideas.c) */
} ov_fac_do;

/* Which setting the settings screen asks to change. */
typedef enum {
    OV_SETTING_NONE = 0,
    OV_SETTING_THEME,
    OV_SETTING_CONFIRM,
    OV_SETTING_SPEECH,
    OV_SETTING_BLANK, /* privacy: screen off while speech goes to headphones (ov_fac.blank) */
} ov_fac_setting;

typedef enum { OV_MENU_PLAIN, OV_MENU_GO, OV_MENU_STOP } ov_menu_style;

/* What pressing a menu item does. Code decides on this, never on a label. */
typedef enum {
    OV_MENU_NONE = 0,
    OV_MENU_DIGIT, /* arg: the digit */
    OV_MENU_DELETE,
    OV_MENU_OK,
    OV_MENU_CANCEL,
    OV_MENU_RESULTS,
    OV_MENU_MEETING,
    OV_MENU_ROUND,
    OV_MENU_CLOSE_ROUND,
    OV_MENU_EXPORT,
    OV_MENU_CLEAR,
    OV_MENU_IMPORT,
    OV_MENU_CHANGE_PIN,
    OV_MENU_EXIT,
    OV_MENU_MENU,
    OV_MENU_NEXT_Q,
    OV_MENU_PREV_Q,
    OV_MENU_PICK_MEETING, /* arg: index of the meeting name */
    OV_MENU_PICK_ROUND,   /* arg: the question */
    OV_MENU_CONFIRM_CLEAR,
    OV_MENU_CONFIRM_IMPORT,
    OV_MENU_IMPORT_PAGE, /* the import screen's next page of lines (after the last: the first) */
    OV_MENU_RESTORE,
    OV_MENU_SETTINGS,
    OV_MENU_THEME,
    OV_MENU_CONFIRM_STEP,
    OV_MENU_SPEECH,
    /* privacy (issue 12) */
    OV_MENU_END_MEETING,
    OV_MENU_BLANK,
    OV_MENU_IDEAS, /* ideas, priorities and the action plan */
} ov_menu_action;

typedef struct {
    char label[OV_WORD_LEN];
    const char *icon; /* picture name in assets/pictures, or NULL */
    ov_menu_style style;
    ov_menu_action action; /* what pressing it does */
    int arg;
} ov_menu_item;

typedef struct {
    char word[OV_WORD_LEN];
    char colour[OV_ID_LEN];
    char picture[OV_PATH_MAX]; /* full path, or "" */
    ov_shape shape;            /* drawn when there is no picture */
    long count;
} ov_menu_bar;

/* Progress over time (issue 14) as a picture: the face most people chose
 * last time beside the face most chose this time, each with its caption. */
typedef struct {
    int shown;                      /* 1: the question is compared with an earlier meeting */
    char caption[2][OV_WORD_LEN];   /* "Last time", "This time" */
    char picture[2][OV_PATH_MAX];   /* the answer's face (full path), or "" */
    char colour[2][OV_ID_LEN];      /* the answer's colour; "" when no one answer was most chosen */
    ov_shape shape[2];              /* the answer's shape (drawn when it has no picture) */
} ov_menu_progress;

typedef struct {
    char title[OV_TITLE_LEN];
    /* a meeting and a comparison; the groups */
    char lines[OV_MENU_MAX_LINES][OV_SENTENCE_LEN * OV_MENU_LINE_SENTENCES];
    int n_lines;
    int secret_line; /* index of a line never read aloud (typed PIN), or -1 */
    ov_menu_item items[OV_MENU_MAX_ITEMS];
    int n_items;
    int keypad; /* 1: items are a PIN pad (3 rows of 4) */
    ov_menu_bar bars[OV_MENU_MAX_BARS];
    int n_bars; /* > 0: draw a bar chart */
    long bar_max;
    ov_menu_progress progress; /* results: last time and this time, side by side */
} ov_menu;

typedef struct {
    ov_fac_screen screen;
    const ov_content *content;
    ov_texts builtin; /* the English built-in texts, used when content is NULL */
    const char *stored_hash; /* config pin_hash ("" = no PIN set: only the key switch opens) */
    ov_pin_guard guard;
    char typed[OV_FAC_TYPED_LEN];     /* digits typed so far */
    char first_new[OV_FAC_TYPED_LEN]; /* new PIN, first time typed */
    char new_pin[OV_FAC_NEW_PIN_LEN]; /* the accepted new PIN after OV_FAC_DO_SAVE_PIN */
    char message[OV_SENTENCE_LEN]; /* under the PIN pad, or the MESSAGE screen */
    char message2[OV_SENTENCE_LEN];
    const char *meeting;       /* the meeting votes count towards (the kiosk's; never NULL) */
    char chosen_meeting[OV_MEETING_LEN]; /* after OV_FAC_DO_SET_MEETING: the name picked */
    const ov_flow *flow;       /* owns the open round and the check step (may be NULL) */
    int chosen_round;          /* after OV_FAC_DO_OPEN_ROUND: the question picked */
    int results_q;             /* question shown on the results screen */
    const ov_results *results; /* set by ov_fac_show_results */
    int export_verified;       /* "clear votes" is offered only after a verified export */
    int stick_present, stick_has_content;
    int has_previous;              /* older questions kept after an import */
    char problem[OV_SENTENCE_LEN]; /* a problem to check (no sound, buttons off...), or "" */
    char theme[OV_FAC_THEME_LEN];  /* settings screen: standard, high-contrast, large-text */
    int speech;                    /* settings screen: reading aloud */
    ov_fac_setting changed;        /* after OV_FAC_DO_SETTING: what to change (OV_SETTING_CONFIRM: */
                                   /* the kiosk turns the flow's check step over) */
    char import_lines[OV_FAC_IMPORT_MAX_LINES][OV_SENTENCE_LEN];
    int n_import_lines;
    int import_ok;
    int import_page; /* the page of import_lines shown (0: the first) */
    char today[OV_FAC_DATE_LEN]; /* YYYY-MM-DD for meeting names */
    uint64_t now_ms;
    /* privacy (issue 12) */
    int blank; /* settings screen: screen off while speech goes to headphones */
} ov_fac;

/* Start (off). `c` may be NULL (the English built-in texts, no questions).
 * `stored_hash` must stay valid (it is the config's string; NULL: no PIN
 * set); so must `meeting`, the meeting votes count towards, whose owner
 * changes it (NULL: "drop-in"). Today's date (local time) is kept for
 * meeting names. */
void ov_fac_init(ov_fac *f, const ov_content *c, const char *stored_hash, const char *meeting);

/* The flow the screens ask about the open round and the check step (it
 * must outlive f; NULL: no round, check step on). */
void ov_fac_set_flow(ov_fac *f, const ov_flow *flow);

/* Open facilitator mode: the PIN pad, or straight to the menu when the
 * physical key switch was turned (key != 0). Clears the typed digits and
 * the message. */
void ov_fac_open(ov_fac *f, int key, uint64_t now_ms);

/* Index of the item of m doing `action` (for OV_MENU_DIGIT: the one for
 * digit `arg`; arg is ignored otherwise), or -1 when the screen has none. */
int ov_menu_find(const ov_menu *m, ov_menu_action action, int arg);

/* Describe the current screen. Returns OV_OK (OV_EINVAL when off). */
int ov_fac_menu(const ov_fac *f, ov_menu *out);

/* Press item `item` of the current menu. Returns what the kiosk must do;
 * OV_FAC_DO_NOTHING when off or `item` is not on the screen. */
ov_fac_do ov_fac_press(ov_fac *f, int item, uint64_t now_ms);

/* Show the results screen with `res` (the kiosk builds them from the store;
 * NULL: "nobody yet"). f keeps the pointer: res must stay valid while shown. */
void ov_fac_show_results(ov_fac *f, const ov_results *res);

/* Show an outcome on the message screen (export written, stick full, PIN
 * saved...); a NULL line is left empty. */
void ov_fac_message(ov_fac *f, const char *line1, const char *line2);

/* Show the import screen: what the new questions on a stick would change
 * (ok = 1, with "use them"), or why they are refused (ok = 0). Every line is
 * kept (up to OV_FAC_IMPORT_MAX_LINES), shown from the first page. */
void ov_fac_import_preview(ov_fac *f, const char *const *lines, int n, int ok);

/* A name for the current screen, for scripts and logs: "facilitator-pin",
 * "facilitator-menu", "facilitator-results", ... ; NULL when off. */
const char *ov_fac_screen_name(const ov_fac *f);

/* The spoken text of the current screen into out: the title and lines,
 * never the typed PIN; "" when off. */
void ov_fac_speech(const ov_fac *f, char *out, size_t outlen);

#endif
