/* layout.h — where everything goes on each screen, for any screen size and
 * orientation, in physical units (targets of 20-30 mm, text of easy-read
 * size). Pure: text is measured through a callback, nothing is drawn here.
 * The renderer draws an ov_layout; tests check that nothing overlaps or is
 * clipped at every supported size. */
#ifndef OV_LAYOUT_H
#define OV_LAYOUT_H

#include "ui/flow.h"
#include "base/textwrap.h"

#define OV_LAYOUT_MAX_TEXTS 64   /* more than any screen needs: labels, lines and chart words */
#define OV_LAYOUT_MAX_BUTTONS 48 /* more than any screen needs (the keyboard: OV_KB_SLOTS keys) */
#define OV_SPEECH_TEXT_LEN 2048
#define OV_LAYOUT_POOL_LEN 2048 /* bytes of the strings a screen's layout makes */

typedef enum { OV_TEXT_TITLE, OV_TEXT_BODY, OV_TEXT_LABEL, OV_TEXT_SMALL } ov_text_role;

typedef struct {
    ov_text_block block;
    ov_text_role role;
    int spoken;        /* 1: part of the screen's speech */
    int speech_offset; /* first character of this text within ov_layout.speech */
} ov_layout_text;

typedef enum { OV_BTN_STYLE_ANSWER, OV_BTN_STYLE_YES, OV_BTN_STYLE_NO, OV_BTN_STYLE_PLAIN } ov_button_style;

typedef struct {
    ov_target target;
    ov_button_style style;
    ov_rect rect;                /* the whole touch target */
    ov_rect icon;                /* picture inside it (face, tick, speaker...) */
    char icon_path[OV_PATH_MAX]; /* full path, or "" (then a shape is drawn) */
    ov_shape shape;              /* drawn when there is no picture */
    const char *colour;          /* palette name for answers ("red", ...), or NULL */
    int label;                   /* index into texts[], or -1 */
    int focused;                 /* highlighted by keys or scanning */
    int chosen;                  /* the answer chosen (confirm screen) */
} ov_layout_button;

#define OV_LAYOUT_MAX_BARS 6

/* One bar of a results chart: picture, word, bar, count in digits. */
typedef struct {
    ov_rect icon;
    char icon_path[OV_PATH_MAX];
    ov_shape shape; /* drawn when there is no picture */
    ov_rect track; /* the whole length a bar can take */
    ov_rect bar;   /* the filled part */
    const char *colour;
    int label, count; /* indexes into texts[] */
} ov_layout_bar;

/* Progress over time as a picture (results, issue 14): the face most chosen
 * last time, an arrow, the face most chosen this time, a caption under each. */
typedef struct {
    ov_rect face[2];                /* last time, this time; w = 0: no picture on this screen */
    char face_path[2][OV_PATH_MAX]; /* the answer's picture, or "" (its shape in its colour) */
    const char *colour[2];          /* the answer's colour; NULL: no one answer most chosen (an empty ring) */
    ov_shape shape[2];              /* the answer's shape, drawn when face_path is "" */
    ov_rect arrow;                  /* from last time to this time */
} ov_layout_progress;

typedef struct {
    ov_rect screen; /* 0,0,w,h (logical, after rotation) */
    double px_per_mm;
    ov_screen kind;
    ov_rect picture; /* the screen's main picture, or w=0 */
    char picture_path[OV_PATH_MAX];
    ov_shape picture_shape;     /* picture_path "": this answer's shape is drawn there (confirm) */
    const char *picture_colour; /* its answer colour name */
    ov_layout_text texts[OV_LAYOUT_MAX_TEXTS];
    int n_texts;
    ov_layout_button buttons[OV_LAYOUT_MAX_BUTTONS];
    int n_buttons;
    ov_rect progress_dots; /* w=0 when not shown */
    int progress_now, progress_total;
    ov_rect banner; /* facilitator warning strip, w=0 when none */
    ov_layout_bar bars[OV_LAYOUT_MAX_BARS];
    int n_bars;
    ov_layout_progress progress;
    int facilitator;                 /* 1: a facilitator screen (drawn with a plain style) */
    char speech[OV_SPEECH_TEXT_LEN]; /* what is read aloud, in reading order */
    char pool[OV_LAYOUT_POOL_LEN];   /* strings made for this screen ("2 of 4", ...) */
    int pool_used;
    int all_fit; /* 1 when every text fits its box */
    int squeeze; /* the squeeze step used (0: comfortable) */
} ov_layout;

typedef struct {
    int w, h;          /* logical size in pixels */
    double px_per_mm;  /* from the display's physical size */
    double text_scale; /* theme: 1.0, or more for large text */
    ov_measure_fn measure;
    void *measure_ctx;
    const char *pictures_dir; /* folder of the project's control pictures */
    int private_audio;        /* 1: headphones (the choice may be spoken); 0: room speaker */
    /* layout helper (issue 13) */
    int buttons_in_use; /* 1: a member uses the arcade buttons (confirm says what to press) */
    int scanning;       /* an ov_layout_scanning: how a switch user is told to start */
} ov_layout_env;

/* What the welcome tells a switch user (ov_layout_env.scanning). */
typedef enum {
    OV_LAYOUT_SCAN_NONE = 0,     /* no switch: "Touch the screen or press any button to start." */
    OV_LAYOUT_SCAN_SINGLE,       /* one switch: "Press your switch when Start is lit." */
    OV_LAYOUT_SCAN_TWO,          /* two switches, set up: "Move to Start. Then choose it." */
    OV_LAYOUT_SCAN_SETUP_MOVE,   /* two-switch set-up: "Press the switch you want to use to move." */
    OV_LAYOUT_SCAN_SETUP_CHOOSE, /* then: "Now press the switch you want to use to choose." */
} ov_layout_scanning;

/* The welcome's line under its title for env->scanning, in the content's
 * words (never NULL: an unknown value gives the touch line). */
const char *ov_layout_welcome_line(const ov_layout_env *env, const ov_content *c);

/* Lay out the flow's current screen. `warning` (may be NULL) is a facilitator
 * warning shown in a strip on the welcome screen. Large text that cannot fit
 * is laid out in the standard sizes. Returns OV_OK, or OV_EINVAL when some
 * text did not fit (out is still complete and drawable, all_fit=0). */
int ov_layout_screen(const ov_layout_env *env, const ov_flow *flow, const char *warning, ov_layout *out);

/* Lay out a facilitator screen described by `menu` (an ov_menu from
 * facilitator.h); `hear_again` is the label of its "hear it again" button.
 * Same contract as ov_layout_screen. */
int ov_layout_menu(const ov_layout_env *env, const void *menu, const char *hear_again, ov_layout *out);

/* The target under point (x, y), or kind OV_TARGET_NONE. */
ov_target ov_layout_hit(const ov_layout *l, int x, int y);

/* Pixels per millimetre for a screen of w x h pixels and `diagonal_inch`
 * (0 or less: guess, either way round — 7" for 800x480, 1280x720 and
 * 1024x600, 40" when the longer side is over 1280, else 10.1"). */
double ov_px_per_mm(int w, int h, double diagonal_inch);

/* Which spoken text and word the speech position `char_pos` (characters
 * into ov_layout.speech) falls in. Returns 1 and sets *text, *word; 0 when
 * none (then they are left as they were). */
int ov_layout_word_at(const ov_layout *l, int char_pos, int *text, int *word);

#endif
