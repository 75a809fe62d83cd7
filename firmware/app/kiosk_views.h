/* kiosk_views.h — issue 14 glue: the kiosk's results screen gets the
 * groups side by side and the comparison with earlier closed meetings. */
#ifndef OV_KIOSK_VIEWS_H
#define OV_KIOSK_VIEWS_H

#include "app/kiosk_state.h"

/* Add groups and progress to res (the current meeting's results, already
 * built). Reads every meeting's counts and the closed meetings' names; on a
 * failure (logged) res keeps its counts, so they are still shown, but its
 * groups or comparisons may be missing. Nothing without a vote store. */
void ov_kiosk_views_results(kiosk *k, ov_results *res);

#endif
