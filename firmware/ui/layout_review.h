/* layout_review.h — layouts of the review screen, the idle warning, the
 * sound screen and the "previous question" target (issue 13), the width of
 * the welcome's "Sound" button, and the touch rule that a press counts only
 * when it starts and ends on the same target. Called from layout.c and
 * layout_ideas.c; not a public API except ov_layout_press_target. */
#ifndef OV_LAYOUT_REVIEW_H
#define OV_LAYOUT_REVIEW_H

#include "ui/layout_parts.h"

/* The words are the content's [texts] (review_*, idle_*, sound_*, slower, faster,
 * quieter, louder, screen_off, screen_on, go_back, previous). */

/* Lay out the review, idle-warning or sound screen (nothing for other screens).
 * `full` is the screen inside its margins; the "hear it again" corner
 * (corner_w x corner, top right) is left free. */
void ovl_flow_screen(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                     ov_rect full, int corner, int corner_w);

/* Width of the welcome screen's "Sound" button beside Start: as wide as the
 * "hear it again" corner (corner_w), at most a quarter of full_w but never
 * under 20 mm, so that Start stays the big thing to press. */
int ovl_sound_width(const metrics *m, int corner_w, int full_w);

/* On a question screen with a question before it, add the "previous
 * question" target (called after the question's picture and texts are laid
 * out in `upper`) where at least 20 mm are free: under the "hear it again"
 * corner, beside the progress, left of the picture or under the texts. When
 * nothing is free it goes under the texts anyway and all_fit becomes 0, so
 * the layout is tried with smaller text. */
void ovl_previous_question(ov_layout *l, const ov_layout_env *env, const metrics *m, const ov_flow *f,
                              ov_rect upper, int corner, int corner_w);

/* The target a touch presses: the one under both where the finger went
 * down and where it came up; kind OV_TARGET_NONE when they differ (down on
 * A, up on B is no press) or when neither is on a target. */
ov_target ov_layout_press_target(const ov_layout *l, int down_x, int down_y, int up_x, int up_y);

#endif
