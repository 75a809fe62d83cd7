/* layout_parts.h — pieces shared by the layout files: the member screens
 * (layout.c, layout_review.c, layout_more.c), the facilitator screens
 * (layout_menu.c), the ideas screens (layout_ideas.c) and the scan strip
 * (layout_scan.c). Not a public API. */
#ifndef OV_LAYOUT_PARTS_H
#define OV_LAYOUT_PARTS_H

#include "ui/layout.h"

#include <math.h>

#define MM(env, mm) ((int)lround((mm) * (env)->px_per_mm))

/* Sizes shared by every screen. */
typedef struct {
    int margin, gap;
    int body_px, title_px, label_px, small_px, min_px;
    int target_min, target_aim; /* 20 mm and 30 mm */
    int portrait;
    int squeeze;      /* 0 = comfortable; more = smaller pictures and text */
    int allow_shrink; /* 1 on the last squeeze step: a text may shrink below its role's size */
    int label_beside; /* 1: button labels beside the picture, whatever the button's shape */
    int std_label_px, std_answer_h; /* large text: the standard layout's label size and answer height */
} metrics;

/* What the standard theme's layout of the same screen used (large text is never smaller). */
typedef struct {
    int body_px, label_px, answer_h;
} ovl_standard;

/* A box height that never limits: texts wrapped in it to measure how high they are. */
#define OVL_UNBOUNDED_H (1 << 20)
/* Squeeze steps tried before a screen is drawn with some text shrunk. */
#define OVL_MAX_SQUEEZE 6
/* A row of targets takes at most this % of the height it shares. */
#define OVL_ROW_MAX_PCT 45
/* A progress dot is this % of its line's height. */
#define OVL_DOT_PCT 60
/* The "hear it again" corner: at least 1/OVL_CORNER_SHORT_DIV of the short
 * side (more on big screens), in landscape at most 1/OVL_CORNER_MAX_H_DIV of
 * the height, and OVL_CORNER_W_PCT % as wide as tall (room for its words). */
#define OVL_CORNER_SHORT_DIV 5
#define OVL_CORNER_MAX_H_DIV 4
#define OVL_CORNER_W_PCT 130

/* Regions every screen shares (ovl_begin). */
typedef struct {
    metrics m;
    ov_rect full;          /* inside the margins */
    ov_rect top;           /* full minus the "hear it again" corner (portrait: its bar) */
    int corner, corner_w;  /* "hear it again": height and width */
} ovl_frame;

/* Lays out one member screen (layout.c dispatches on ov_screen). */
typedef void (*ovl_screen_fn)(ov_layout *l, const ov_layout_env *env, const ov_flow *f, const char *warning,
                              const ovl_frame *fr);

/* Empty *l for the screen of env (all_fit = 1), and the shared regions at
 * `squeeze` (std: NULL, or the standard theme's sizes as a floor). */
ovl_frame ovl_begin(ov_layout *l, const ov_layout_env *env, int squeeze, const ovl_standard *std);

/* One layout attempt at `squeeze` (std: NULL, or the standard theme's sizes). */
typedef int (*ovl_once_fn)(const ov_layout_env *env, const void *what, const char *extra, ov_layout *l,
                           int squeeze, const ovl_standard *std);
/* Squeeze step by step until `once` fits; large text is first laid out in the
 * standard theme, and never gets smaller than that (when it cannot fit, the
 * standard sizes are used). Returns once's last result (OV_OK or OV_EINVAL). */
int ovl_fit_loop(const ov_layout_env *env, const void *what, const char *extra,
                 ov_layout *l, ovl_once_fn once);

/* Sizes for one screen; `squeeze` 0 is comfortable, each step smaller; body
 * text never under floor_body_px (0: no floor). */
metrics ovl_measure_screen(const ov_layout_env *env, int squeeze, int floor_body_px);
/* Keep a string made for this screen; "" when the pool is full. */
const char *ovl_pool_add(ov_layout *l, const char *s);
/* Add a text (spoken ones are appended to l->speech, when it has room, with
 * a full stop when it ends without one; `spoken` OVL_SPOKEN_LIST: a comma,
 * the next text goes on the list); a text that does not fit its box sets
 * all_fit = 0 (on the last squeeze step it is shrunk). Returns its index, or
 * -1 for a NULL or empty text or a full table. */
#define OVL_SPOKEN_LIST 2
int ovl_add_text(ov_layout *l, const ov_layout_env *env, const metrics *m, const char *text,
                 ov_text_role role, ov_rect box, int spoken);
/* Texts one under another in `col`, read aloud in that order except the
 * texts whose bit is set in `unspoken_mask` (bit i: text i; 0: all spoken);
 * NULL or empty texts are skipped; running out of room sets all_fit = 0.
 * Returns the y below the last. */
#define OVL_UNSPOKEN(i) (1u << (i))
int ovl_stack_texts(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_rect col,
                    const char *const *texts, const ov_text_role *roles, int n, unsigned unspoken_mask);
/* Full path of one of the project's control pictures; "" when env has no pictures_dir. */
void ovl_control_path(const ov_layout_env *env, const char *name, char *out, size_t outlen);
/* Add a pressable target; NULL when there are too many. */
ov_layout_button *ovl_add_button(ov_layout *l, ov_target_kind kind, int index, ov_button_style style,
                                 ov_rect r);
/* Picture and label inside a button: the label under the picture, or beside
 * it when the button is wide and every word fits there (always with
 * m->label_beside). */
void ovl_button_content(ov_layout *l, const ov_layout_env *env, const metrics *m, ov_layout_button *b,
                        const char *label, int spoken);
/* The lines label takes at the label size (bold) in a box w wide; 0 for none. */
int ovl_label_lines(const ov_layout_env *env, const metrics *m, const char *label, int w);

/* The widest word of label (NULL: none) at m's label size, in px: a word
 * cannot wrap. 0 for an empty label. */
int ovl_widest_word(const ov_layout_env *env, const metrics *m, const char *label);
/* Split area into a square picture (*pic) and the text column it returns:
 * the picture left, at most share % of the width (landscape), or centred
 * above, about 40 % of the height and at least portrait_min pixels (portrait). */
ov_rect ovl_picture_split(const metrics *m, ov_rect area, int share, int portrait_min, ov_rect *pic);
/* The height of a row of targets that would like `want` pixels: at least the
 * comfortable target, at most max_pct % of avail, and never under floor. */
int ovl_target_height(const metrics *m, int want, int avail, int max_pct, int floor);
/* The "hear it again" button in r (label: its words). */
void ovl_hear_again_at(ov_layout *l, const ov_layout_env *env, const metrics *m,
                       ov_rect r, const char *label);
/* The "hear it again" button, w x size, in the top-right corner; label NULL:
 * the content's hear_again (c may be NULL, then ""). Returns its rect. */
ov_rect ovl_hear_again(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_content *c,
                       int size, int w, const char *label);

/* issue 14 views (layout_more.c): lay out the "Tell me more" and "Who are you
 * today?" screens (nothing for other screens); add the "Tell me more" button
 * of a question that has more pages: landscape under the "hear it again"
 * corner, portrait nothing here (ovl_more_in_cell). Returns `upper` unchanged. */
void ovl_layout_views(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f, ov_rect top,
                      ov_rect full, int corner);
ov_rect ovl_more_button(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                        ov_rect upper, int corner, int corner_w);
/* Portrait: 1 when "Tell me more" takes a cell of the answers' grid (then
 * ovl_more_in_cell draws it in rect r), else 0. */
int ovl_more_cell(const ov_flow *f, const metrics *m);
void ovl_more_in_cell(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f, ov_rect r);

#endif
