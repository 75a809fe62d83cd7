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

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

void ov_scan_init(ov_scan *s, ov_scan_mode mode, int interval_ms, int rounds)
{
    memset(s, 0, sizeof *s);
    s->mode = (mode == OV_SCAN_SINGLE || mode == OV_SCAN_TWO) ? mode : OV_SCAN_OFF;
    s->interval_ms = ov_scan_clamp_interval(interval_ms);
    s->first_ms = s->interval_ms;
    s->rounds = rounds < 1 ? 1 : rounds;
    s->current = -1;
    s->pending_button = -1;
    s->held_button = -1;
}

void ov_scan_set_timing(ov_scan *s, int first_ms, int accept_ms, int release_ms)
{
    if (first_ms <= 0)
        first_ms = (int)(s->interval_ms * OV_SCAN_FIRST_FACTOR);
    s->first_ms = clamp(first_ms, s->interval_ms, OV_SCAN_FIRST_MAX_MS);
    s->accept_ms = clamp(accept_ms, 0, OV_SCAN_FILTER_MAX_MS);
    s->release_ms = clamp(release_ms, 0, OV_SCAN_FILTER_MAX_MS);
}

void ov_scan_attach_buttons(ov_scan *s, const void *buttons) { s->buttons = buttons; }

static int event(ov_scan_event *ev, ov_scan_what what, int item, int pressed)
{
    if (ev) {
        ev->what = what;
        ev->item = item;
        ev->pressed = pressed;
    }
    return 1;
}

/* How long the highlight stays on the current item once it has been heard. */
static int dwell_ms(const ov_scan *s) { return s->first_pending ? s->first_ms : s->interval_ms; }

static int highlight(ov_scan *s, int item, uint64_t now_ms, ov_scan_event *ev, int pressed)
{
    s->current = item;
    s->paused = 0;
    s->speaking = 0;
    s->next_at = now_ms + (uint64_t)dwell_ms(s);
    return event(ev, OV_SCAN_HIGHLIGHT, item, pressed);
}

/* Start (or start again) from the first item, held longer. */
static int restart(ov_scan *s, uint64_t now_ms, ov_scan_event *ev, int pressed)
{
    s->steps = 0;
    s->first_pending = 1;
    return highlight(s, 0, now_ms, ev, pressed);
}

int ov_scan_start(ov_scan *s, int n_items, uint64_t now_ms, ov_scan_event *ev)
{
    s->n_items = n_items > 0 ? n_items : 0;
    s->current = -1;
    s->steps = 0;
    s->paused = 0;
    s->speaking = 0;
    s->pending_button = -1;
    if (s->mode != OV_SCAN_SINGLE || s->n_items == 0)
        return 0;
    return restart(s, now_ms, ev, 0);
}

void ov_scan_wait_speech(ov_scan *s, uint64_t now_ms)
{
    if (s->mode == OV_SCAN_OFF)
        return;
    s->speaking = 1;
    s->speech_since = now_ms;
}

void ov_scan_speech_done(ov_scan *s, uint64_t now_ms)
{
    if (!s->speaking)
        return;
    s->speaking = 0;
    s->next_at = now_ms + (uint64_t)dwell_ms(s);
}

int ov_scan_waiting_speech(const ov_scan *s) { return s->speaking; }

int ov_scan_is_paused(const ov_scan *s) { return s->mode == OV_SCAN_SINGLE && s->paused; }

static int switch_down(const ov_scan *s, int button)
{
    return s->buttons && ov_buttons_is_down((const ov_buttons *)s->buttons, button);
}

/* Notice when the switch of the last accepted press is let go (release time). */
static void watch_release(ov_scan *s, uint64_t now_ms)
{
    if (s->held_button >= 0 && !switch_down(s, s->held_button)) {
        s->held_button = -1;
        s->released_at = now_ms;
    }
}

void ov_scan_learn(ov_scan *s, int on)
{
    if (s->mode != OV_SCAN_TWO)
        return;
    if (on || s->learning != OV_SCAN_LEARN_DONE)
        s->swapped = 0;
    s->learning = on ? OV_SCAN_LEARN_MOVE : OV_SCAN_LEARN_DONE;
    s->current = -1;
}

ov_scan_learn_step ov_scan_learning(const ov_scan *s) { return s->learning; }

/* The switch's job as the member set it: move or choose. */
static int job_of(const ov_scan *s, int button)
{
    if (!s->swapped)
        return button;
    return button == OV_BTN_SWITCH_MOVE ? OV_BTN_SWITCH_SELECT : OV_BTN_SWITCH_MOVE;
}

/* A press during the set-up: the first names "move", the other switch "choose". */
static int learn_press(ov_scan *s, int button, ov_scan_event *ev)
{
    if (s->learning == OV_SCAN_LEARN_MOVE) {
        s->swapped = button == OV_BTN_SWITCH_SELECT;
        s->learning = OV_SCAN_LEARN_CHOOSE;
        return event(ev, OV_SCAN_ASK_CHOOSE, -1, 1);
    }
    if (job_of(s, button) == OV_BTN_SWITCH_MOVE)
        return event(ev, OV_SCAN_ASK_CHOOSE, -1, 1); /* the same switch again: ask again */
    s->learning = OV_SCAN_LEARN_DONE;
    return event(ev, OV_SCAN_LEARNED, -1, 1);
}

/* What an accepted press does. */
static int accept_press(ov_scan *s, int button, uint64_t now_ms, ov_scan_event *ev)
{
    s->held_button = s->buttons ? button : -1;
    if (s->learning != OV_SCAN_LEARN_DONE)
        return learn_press(s, button, ev);
    button = job_of(s, button);
    if (s->mode == OV_SCAN_SINGLE) {
        if (s->paused || s->current < 0)
            return restart(s, now_ms, ev, 1);
        s->steps = 0;
        /* Keep the highlight where it is; the kiosk moves to the next screen
         * and calls ov_scan_start again. */
        s->next_at = now_ms + (uint64_t)s->interval_ms;
        return event(ev, OV_SCAN_CHOOSE, s->current, 1);
    }
    if (button == OV_BTN_SWITCH_MOVE) {
        s->first_pending = 0;
        return highlight(s, s->current < 0 ? 0 : (s->current + 1) % s->n_items, now_ms, ev, 1);
    }
    if (s->current < 0)
        return 0; /* choose with nothing highlighted: nothing to choose */
    return event(ev, OV_SCAN_CHOOSE, s->current, 1);
}

/* Hold-to-accept: the waiting press counts once the switch has been held long enough. */
static int take_pending(ov_scan *s, uint64_t now_ms, ov_scan_event *ev)
{
    if (s->pending_button < 0 || now_ms < s->pending_at + (uint64_t)s->accept_ms)
        return 0;
    int b = s->pending_button;
    s->pending_button = -1;
    if (!switch_down(s, b))
        return 0; /* let go too soon: a tremor, not a press */
    return accept_press(s, b, now_ms, ev);
}

/* The automatic move of single-switch scanning. */
static int auto_move(ov_scan *s, uint64_t now_ms, ov_scan_event *ev)
{
    if (s->mode != OV_SCAN_SINGLE || s->n_items == 0 || s->paused || s->current < 0)
        return 0;
    if (s->speaking && now_ms - s->speech_since < OV_SCAN_SPEECH_MAX_MS)
        return 0;
    if (s->speaking)
        ov_scan_speech_done(s, now_ms);
    if (now_ms < s->next_at)
        return 0;
    s->steps++;
    s->first_pending = 0;
    /* Each round shows every item once: stop after rounds * n_items moves. */
    if (s->steps >= s->rounds * s->n_items) {
        s->paused = 1;
        s->current = -1;
        return event(ev, OV_SCAN_PAUSED, -1, 0);
    }
    /* If the loop was late, move on from the planned time, not from now,
     * but never fire a burst of moves after a long stall. */
    uint64_t planned = s->next_at;
    highlight(s, (s->current + 1) % s->n_items, now_ms, ev, 0);
    if (now_ms - planned < (uint64_t)s->interval_ms)
        s->next_at = planned + (uint64_t)s->interval_ms;
    return 1;
}

/* 1 when presses can do something: there are items, or the set-up is waiting for a press. */
static int takes_presses(const ov_scan *s)
{
    return s->mode != OV_SCAN_OFF && (s->n_items > 0 || s->learning != OV_SCAN_LEARN_DONE);
}

int ov_scan_tick(ov_scan *s, uint64_t now_ms, ov_scan_event *ev)
{
    if (!takes_presses(s))
        return 0;
    watch_release(s, now_ms);
    if (take_pending(s, now_ms, ev))
        return 1;
    return auto_move(s, now_ms, ev);
}

int ov_scan_press(ov_scan *s, int button, uint64_t now_ms, ov_scan_event *ev)
{
    if (button != OV_BTN_SWITCH_MOVE && button != OV_BTN_SWITCH_SELECT)
        return 0;
    if (!takes_presses(s))
        return 0;
    watch_release(s, now_ms);
    if (s->release_ms > 0 && s->held_button < 0 && s->released_at &&
        now_ms < s->released_at + (uint64_t)s->release_ms)
        return 0; /* a bounce of a trembling hand right after a press */
    if (s->accept_ms > 0 && s->buttons) {
        s->pending_button = button;
        s->pending_at = now_ms;
        return 0;
    }
    return accept_press(s, button, now_ms, ev);
}

int ov_scan_wait_ms(const ov_scan *s, uint64_t now_ms)
{
    if (!takes_presses(s))
        return -1;
    if (s->pending_button >= 0 || s->held_button >= 0)
        return OV_SCAN_LEVEL_POLL_MS;
    if (s->mode != OV_SCAN_SINGLE || s->paused || s->current < 0)
        return -1;
    if (s->speaking)
        return OV_SCAN_LEVEL_POLL_MS;
    if (s->next_at <= now_ms)
        return 0;
    uint64_t d = s->next_at - now_ms;
    return d > OV_SCAN_MAX_MS ? OV_SCAN_MAX_MS : (int)d;
}
