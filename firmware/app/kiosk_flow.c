/* kiosk_flow.c — the kiosk's side of the member flow's timeouts: it tells the
 * flow when speech ends (the thank-you waits for it) and when a member did
 * something that is not a flow action (a switch "move", a touch beside the
 * targets), so the idle warning never comes while someone is there. */
#include "app/kiosk_state.h"

void ov_kiosk_flow_speaking(kiosk *k)
{
    int busy = k->speech && k->cfg.speech && !k->speaking_item && ov_speech_busy(k->speech);
    ov_flow_set_speaking(&k->flow, busy, ov_kiosk_now(k));
}

void ov_kiosk_member_activity(kiosk *k)
{
    if (k->fac.screen == OV_FAC_OFF)
        ov_flow_note_activity(&k->flow, ov_kiosk_now(k));
}
