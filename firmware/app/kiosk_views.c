/* kiosk_views.c — issue 14: whose view and progress over time on the
 * kiosk's results screen (the rules are in model/views.h). */
#include "app/kiosk_views.h"
#include "model/views.h"
#include "platform/tally.h"

#include <stdlib.h>
#include <string.h>

void ov_kiosk_views_results(kiosk *k, ov_results *res)
{
    if (!k->tally || !res)
        return;
    ov_tally_row *rows = NULL;
    char (*closed)[OV_MEETING_LEN] = NULL;
    int n_rows = 0, n_closed = 0;
    char err[OV_ERR_LEN] = "";
    int rc = ov_tally_read_all(k->tally, NULL, &rows, &n_rows);
    if (rc == OV_OK)
        rc = ov_tally_meeting_names(k->tally, 1, &closed, &n_closed);
    ov_meeting_times times = { 0 };
    if (rc == OV_OK)
        rc = ov_meeting_times_init(&times, (const char (*)[OV_MEETING_LEN])closed, n_closed);
    if (rc == OV_OK)
        rc = ov_views_fill(res, rows, n_rows, &k->content, k->cfg.small_numbers, &times, err, sizeof err);
    ov_meeting_times_free(&times);
    if (rc != OV_OK)
        ov_log_warn("results: the groups and the earlier meetings cannot be shown (%s)",
                    err[0] ? err : "the votes cannot be read");
    free(rows);
    free(closed);
}
