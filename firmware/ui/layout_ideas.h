/* layout_ideas.h — the screens of ideas and priorities: the facilitator's
 * on-screen keyboard, a member's priorities choice (choose, review, thank
 * you), and the welcome screen's "you said, we did". Pure, like layout.h:
 * same physical units, same drawing, text measured through env. */
#ifndef OV_LAYOUT_IDEAS_H
#define OV_LAYOUT_IDEAS_H

#include "ui/ideas_flow.h"
#include "ui/keyboard.h"
#include "ui/layout.h"

/* The keyboard's Cancel button: target OV_TARGET_MENU with this index (keys
 * are OV_TARGET_MENU 0 .. n-1 in ov_keyboard_keys order); it takes the
 * grid's last slot (OV_KB_CANCEL_SLOT), beside Done. */
#define OV_KB_TARGET_CANCEL 100
#define OV_KB_KEY_MIN_MM 20.0 /* keys at least this big where the screen allows */
#define OV_KB_KEY_MAX_MM 30.0

/* Lay out the keyboard: `prompt` (what to type), the text typed so far (not
 * spoken), an optional `note` (a problem, or NULL; where three lines do not
 * fit above the keys it is shown in the prompt's place), the page's keys and
 * Cancel, all the same size. *key_mm (key_mm may be NULL) gets the smaller
 * side of a key in mm; below OV_KB_KEY_MIN_MM the caller says so in a note
 * (app/kiosk_ideas.c). Returns OV_OK, or OV_EINVAL when some text did not
 * fit (out still drawable). */
int ov_layout_keyboard(const ov_layout_env *env, const ov_keyboard *kb, const char *prompt, const char *note,
                       ov_layout *out, double *key_mm);

/* What a member's priorities screens show: the question's title and picture
 * (full path or ""), the ideas' texts, the content's fixed texts. */
typedef struct {
    const char *question_title;
    const char *picture_path;
    const char *ideas[OV_IDEAS_MAX];
    const ov_texts *texts;
} ov_ideas_view;

/* Lay out the member's current priorities screen (f->screen). The review's
 * list of chosen ideas is spoken only with private audio
 * (env->private_audio). Returns OV_OK, or OV_EINVAL when some text did not
 * fit (out still drawable). */
int ov_layout_ideas_member(const ov_layout_env *env, const ov_ideas_flow *f, const ov_ideas_view *v,
                           ov_layout *out);

/* Lay out the welcome screen with "you said, we did": the title, the lines
 * (already protected: no counts below the threshold; at most 8 are shown),
 * then the welcome's own Start, Sound and hear-again buttons, the same
 * targets as the plain welcome screen. Returns OV_OK, or OV_EINVAL when some
 * text did not fit (out still drawable). */
int ov_layout_you_said(const ov_layout_env *env, const ov_flow *f, const char *title,
                       const char *const *lines, int n_lines, ov_layout *out);

#endif
