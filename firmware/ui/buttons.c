/* buttons.c — debouncer, vote lockout and stuck-button detector for every
 * button source (GPIO, keys, headless script). Pure logic: see buttons.h. */
#include "ui/buttons.h"

#include <string.h>

/* What ov_buttons_init accepts (a value outside is taken to the nearest end). */
#define DEBOUNCE_MAX_MS 500     /* the longest debounce, half a second */
#define LOCKOUT_MAX_MS 60000    /* the longest lockout between votes, a minute */
#define STUCK_MIN_MS 1000       /* a button is called stuck after a second at the soonest ... */
#define STUCK_MAX_MS 3600000    /* ... and an hour at the latest */
#define WAIT_MAX_MS 3600000     /* ov_buttons_wait_ms never asks to wait longer than an hour */

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static int valid(int button) { return button >= 0 && button < OV_BTN_COUNT; }

static int is_answer(int button) { return button >= OV_BTN_ANSWER1 && button <= OV_BTN_ANSWER6; }

void ov_buttons_init(ov_buttons *b, int debounce_ms, int lockout_ms, int stuck_ms)
{
    memset(b, 0, sizeof *b);
    b->debounce_ms = clampi(debounce_ms, 0, DEBOUNCE_MAX_MS);
    b->lockout_ms = clampi(lockout_ms, 0, LOCKOUT_MAX_MS);
    b->stuck_ms = clampi(stuck_ms, STUCK_MIN_MS, STUCK_MAX_MS);
}

static void emit(ov_buttons *b, int button, ov_press_kind kind, uint64_t at)
{
    if (b->count == OV_BUTTONS_QUEUE) {
        b->dropped++;
        return;
    }
    ov_press *p = &b->queue[(b->head + b->count) % OV_BUTTONS_QUEUE];
    p->button = button;
    p->kind = kind;
    p->at_ms = at;
    b->count++;
}

/* Bring one button's debounced level up to time t. */
static void advance(ov_buttons *b, int button, uint64_t t)
{
    ov_button_line *l = &b->line[button];
    uint64_t confirm = l->raw_at + (uint64_t)b->debounce_ms;

    if (l->raw != l->stable && t >= confirm) {
        l->stable = l->raw;
        if (l->stable) {
            l->down_at = confirm;
            if (button == OV_BTN_KEY_SWITCH || !l->no_press)
                emit(b, button, OV_PRESS, confirm);
            l->no_press = 0;
        } else {
            if (button == OV_BTN_KEY_SWITCH)
                emit(b, button, OV_RELEASE_KEY, confirm);
            else if (l->stuck)
                emit(b, button, OV_UNSTUCK, confirm);
            l->stuck = 0;
            l->no_press = 0;
        }
    }
    if (l->stable && !l->stuck && button != OV_BTN_KEY_SWITCH && t >= l->down_at + (uint64_t)b->stuck_ms) {
        /* Only if it did not start to come up in the meantime. */
        if (l->raw) {
            l->stuck = 1;
            emit(b, button, OV_STUCK, l->down_at + (uint64_t)b->stuck_ms);
        }
    }
}

int ov_buttons_edge(ov_buttons *b, int button, int pressed, uint64_t at_ms)
{
    if (!b || !valid(button))
        return OV_EINVAL;
    ov_button_line *l = &b->line[button];
    pressed = pressed != 0;
    if (at_ms < l->raw_at)
        at_ms = l->raw_at; /* out-of-order timestamps: keep time moving forward */
    advance(b, button, at_ms);
    if (pressed != l->raw) {
        l->raw = (uint8_t)pressed;
        l->raw_at = at_ms;
    }
    return OV_OK;
}

int ov_buttons_set_level(ov_buttons *b, int button, int pressed, uint64_t now_ms)
{
    if (!b || !valid(button))
        return OV_EINVAL;
    ov_button_line *l = &b->line[button];
    pressed = pressed != 0;
    if (button == OV_BTN_KEY_SWITCH && pressed != l->stable)
        emit(b, button, pressed ? OV_PRESS : OV_RELEASE_KEY, now_ms);
    if (!pressed && l->stuck && button != OV_BTN_KEY_SWITCH)
        emit(b, button, OV_UNSTUCK, now_ms);
    l->raw = l->stable = (uint8_t)pressed;
    l->raw_at = now_ms;
    l->down_at = now_ms;
    l->stuck = 0;
    l->no_press = (uint8_t)(pressed && button != OV_BTN_KEY_SWITCH);
    return OV_OK;
}

int ov_buttons_tap(ov_buttons *b, int button, uint64_t now_ms)
{
    int rc = ov_buttons_edge(b, button, 1, now_ms);
    if (rc == OV_OK)
        rc = ov_buttons_edge(b, button, 0, now_ms + (uint64_t)b->debounce_ms);
    return rc;
}

int ov_buttons_poll(ov_buttons *b, uint64_t now_ms, ov_press *out, int max)
{
    if (!b)
        return 0;
    for (int i = 0; i < OV_BTN_COUNT; i++)
        if (now_ms >= b->line[i].raw_at)
            advance(b, i, now_ms);
    int n = 0;
    while (b->count > 0 && n < max) {
        ov_press p = b->queue[b->head];
        b->head = (b->head + 1) % OV_BUTTONS_QUEUE;
        b->count--;
        if (p.kind == OV_PRESS && is_answer(p.button) && p.at_ms < b->lockout_until)
            continue; /* a repeat within the lockout after a vote */
        out[n++] = p;
    }
    return n;
}

void ov_buttons_lockout(ov_buttons *b, uint64_t from_ms)
{
    uint64_t until = from_ms + (uint64_t)b->lockout_ms;
    if (until > b->lockout_until)
        b->lockout_until = until;
}

int ov_buttons_locked(const ov_buttons *b, uint64_t now_ms) { return now_ms < b->lockout_until; }

int ov_buttons_is_down(const ov_buttons *b, int button) { return valid(button) ? b->line[button].stable : 0; }

int ov_buttons_is_stuck(const ov_buttons *b, int button) { return valid(button) ? b->line[button].stuck : 0; }

int ov_buttons_wait_ms(const ov_buttons *b, uint64_t now_ms)
{
    uint64_t best = UINT64_MAX;
    if (b->count > 0)
        return 0;
    for (int i = 0; i < OV_BTN_COUNT; i++) {
        const ov_button_line *l = &b->line[i];
        uint64_t due = UINT64_MAX;
        if (l->raw != l->stable)
            due = l->raw_at + (uint64_t)b->debounce_ms;
        else if (l->stable && !l->stuck && i != OV_BTN_KEY_SWITCH)
            due = l->down_at + (uint64_t)b->stuck_ms;
        if (due < best)
            best = due;
    }
    if (best == UINT64_MAX)
        return -1;
    if (best <= now_ms)
        return 0;
    return best - now_ms > (unsigned)WAIT_MAX_MS ? WAIT_MAX_MS : (int)(best - now_ms);
}

const char *ov_button_name(int button)
{
    static const char *const names[OV_BTN_COUNT] = {
        "answer button 1",        "answer button 2",          "answer button 3",   "answer button 4",
        "answer button 5",        "answer button 6",          "hear-again button", "facilitator key switch",
        "access switch 1 (move)", "access switch 2 (choose)",
    };
    return valid(button) ? names[button] : "unknown button";
}

int ov_lights_state(int voting_open, uint64_t blink_at_ms, uint64_t now_ms)
{
    int steady = voting_open ? 1 : 0;
    if (blink_at_ms == 0 || now_ms < blink_at_ms)
        return steady;
    uint64_t step = (now_ms - blink_at_ms) / OV_LIGHT_BLINK_STEP_MS;
    if (step >= OV_LIGHT_BLINK_FLIPS)
        return steady;
    return step % 2 == 0 ? !steady : steady;
}

unsigned ov_lights_mask(int voting_open, int n_answers)
{
    if (!voting_open || n_answers <= 0)
        return 0u;
    if (n_answers > OV_LIGHTS_MAX)
        n_answers = OV_LIGHTS_MAX;
    return (1u << n_answers) - 1u;
}
