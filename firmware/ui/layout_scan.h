/* layout_scan.h — what switch scanning adds to a laid-out screen: the
 * "press your switch to start again" strip of a stopped scan. */
#ifndef OV_LAYOUT_SCAN_H
#define OV_LAYOUT_SCAN_H

#include "ui/layout.h"

/* Add a strip (l->banner) across the top of the screen holding `text` (not
 * added to the screen's speech: the kiosk says it itself). It stops short of
 * a target in the top row; the words of texts and the progress dots under it
 * are hidden. Returns OV_OK, or OV_ENOSPC when text is NULL or empty or the
 * layout has no room for another text (nothing is added then). */
int ov_layout_scan_prompt(const ov_layout_env *env, const char *text, ov_layout *l);

#endif
