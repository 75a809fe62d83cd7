/* scan.c — single- and two-switch scanning state machine. See scan.h. */
#include "ui/scan.h"
#include "ui/buttons.h"

#include <string.h>

int ov_scan_parse_mode(const char *text)
{
    if (!text)
        return OV_EINVAL;
    if (!strcmp(text, "off"))
        return OV_SCAN_OFF;
    if (!strcmp(text, "single"))
        return OV_SCAN_SINGLE;
    if (!strcmp(text, "two"))
        return OV_SCAN_TWO;
    return OV_EINVAL;
}

int ov_scan_clamp_interval(int ms)
{
    if (ms <= 0)
        return OV_SCAN_DEFAULT_MS;
    if (ms < OV_SCAN_MIN_MS)
        return OV_SCAN_MIN_MS;
    if (ms > OV_SCAN_MAX_MS)
        return OV_SCAN_MAX_MS;
    return ms;
}

void ov_scan_init(ov_scan *s, ov_scan_mode mode, int interval_ms, int rounds)
{
    memset(s, 0, sizeof *s);
    s->mode = (mode == OV_SCAN_SINGLE || mode == OV_SCAN_TWO) ? mode : OV_SCAN_OFF;
    s->interval_ms = ov_scan_clamp_interval(interval_ms);
    s->rounds = rounds < 1 ? 1 : rounds;
    s->current = -1;
}

static int event(ov_scan_event *ev, ov_scan_what what, int item)
{
    if (ev) {
        ev->what = what;
        ev->item = item;
    }
    return 1;
}

static int highlight(ov_scan *s, int item, uint64_t now_ms, ov_scan_event *ev)
{
    s->current = item;
    s->paused = 0;
    s->next_at = now_ms + (uint64_t)s->interval_ms;
    return event(ev, OV_SCAN_HIGHLIGHT, item);
}

int ov_scan_start(ov_scan *s, int n_items, uint64_t now_ms, ov_scan_event *ev)
{
    s->n_items = n_items > 0 ? n_items : 0;
    s->current = -1;
    s->steps = 0;
    s->paused = 0;
    if (s->mode != OV_SCAN_SINGLE || s->n_items == 0)
        return 0;
    return highlight(s, 0, now_ms, ev);
}

int ov_scan_tick(ov_scan *s, uint64_t now_ms, ov_scan_event *ev)
{
    if (s->mode != OV_SCAN_SINGLE || s->n_items == 0 || s->paused || s->current < 0)
        return 0;
    if (now_ms < s->next_at)
        return 0;
    s->steps++;
    /* Each round shows every item once: stop after rounds * n_items moves. */
    if (s->steps >= s->rounds * s->n_items) {
        s->paused = 1;
        s->current = -1;
        return event(ev, OV_SCAN_PAUSED, -1);
    }
    /* If the loop was late, move on from the planned time, not from now,
     * but never fire a burst of moves after a long stall. */
    uint64_t planned = s->next_at;
    highlight(s, (s->current + 1) % s->n_items, now_ms, ev);
    if (now_ms - planned < (uint64_t)s->interval_ms)
        s->next_at = planned + (uint64_t)s->interval_ms;
    return 1;
}

int ov_scan_press(ov_scan *s, int button, uint64_t now_ms, ov_scan_event *ev)
{
    if (button != OV_BTN_SWITCH_MOVE && button != OV_BTN_SWITCH_SELECT)
        return 0;
    if (s->mode == OV_SCAN_OFF || s->n_items == 0)
        return 0;
    if (s->mode == OV_SCAN_SINGLE) {
        if (s->paused || s->current < 0) {
            s->steps = 0;
            return highlight(s, 0, now_ms, ev);
        }
        int chosen = s->current;
        s->steps = 0;
        /* Keep the highlight where it is; the kiosk moves to the next screen
         * and calls ov_scan_start again. */
        s->next_at = now_ms + (uint64_t)s->interval_ms;
        return event(ev, OV_SCAN_CHOOSE, chosen);
    }
    /* Two switches. */
    if (button == OV_BTN_SWITCH_MOVE)
        return highlight(s, s->current < 0 ? 0 : (s->current + 1) % s->n_items, now_ms, ev);
    if (s->current < 0)
        return 0; /* choose with nothing highlighted: nothing to choose */
    return event(ev, OV_SCAN_CHOOSE, s->current);
}

int ov_scan_wait_ms(const ov_scan *s, uint64_t now_ms)
{
    if (s->mode != OV_SCAN_SINGLE || s->n_items == 0 || s->paused || s->current < 0)
        return -1;
    if (s->next_at <= now_ms)
        return 0;
    uint64_t d = s->next_at - now_ms;
    return d > OV_SCAN_MAX_MS ? OV_SCAN_MAX_MS : (int)d;
}
