/* buttons.h — physical buttons and switches: from raw edges to clean presses.
 * Pure logic (no libgpiod, no SDL here), unit-tested with event sequences.
 *
 * Every press source goes through ov_buttons_edge: real GPIO lines (gpio.c
 * turns kernel events into edges), the headless script's `button N`, and the
 * switch-access keys (Space = OV_BTN_SWITCH_MOVE, Enter = OV_BTN_SWITCH_SELECT).
 * So a scripted press takes exactly the path a real one does.
 *
 * What comes out (ov_buttons_poll):
 *  - OV_PRESS once per clean press: the line must stay pressed for debounce_ms
 *    (default 30 ms) before it counts, and released for debounce_ms before the
 *    next press can start, so contact bounce and short electrical spikes are
 *    never votes. A press counts when it goes down (no need to let go): a
 *    button held down counts once, never repeats.
 *  - Answer presses that were confirmed before a lockout ends are dropped:
 *    the kiosk calls ov_buttons_lockout() when a vote is counted (repeats and
 *    double presses within vote_lockout_ms are ignored). Hear-again, the key
 *    switch and the access switches are never locked out.
 *  - OV_STUCK when a button stays down for stuck_ms (a jammed button or a
 *    shorted wire): the kiosk tells the facilitator; the button gives no more
 *    presses until it is released (OV_UNSTUCK, not a press).
 *  - The facilitator key switch is a level: OV_PRESS when turned on,
 *    OV_RELEASE_KEY when turned off; never stuck.
 *
 * Speech never blocks a vote: nothing here knows about speech, and the kiosk
 * must act on an answer press even while it is talking (it stops or
 * restarts speech; it does not drop the press). Tests check that a
 * hear-again press (which starts speech) does not lock the answers out. */
#ifndef OV_BUTTONS_H
#define OV_BUTTONS_H

#include "base/ov_common.h"

/* Logical buttons. Answer buttons are numbered by position, left to right. */
enum {
    OV_BTN_ANSWER1 = 0,
    OV_BTN_ANSWER2,
    OV_BTN_ANSWER3,
    OV_BTN_ANSWER4,
    OV_BTN_ANSWER5,
    OV_BTN_ANSWER6,
    OV_BTN_HEAR_AGAIN,
    OV_BTN_KEY_SWITCH,    /* facilitator key switch (level, not press) */
    OV_BTN_SWITCH_MOVE,   /* access switch 1: move highlight (or single switch) */
    OV_BTN_SWITCH_SELECT, /* access switch 2: choose */
    OV_BTN_COUNT
};

typedef enum { OV_PRESS, OV_RELEASE_KEY, OV_STUCK, OV_UNSTUCK } ov_press_kind;

typedef struct {
    int button;         /* OV_BTN_* */
    ov_press_kind kind; /* OV_PRESS, OV_RELEASE_KEY (key switch off), OV_STUCK, OV_UNSTUCK */
    uint64_t at_ms;     /* when it became a clean press (ov_now_ms clock) */
} ov_press;

#define OV_BUTTONS_QUEUE 32

/* Per-button debouncer state (read it through the functions below). */
typedef struct {
    uint8_t raw;      /* last raw level seen: 1 = pressed */
    uint8_t stable;   /* debounced level */
    uint8_t stuck;    /* reported stuck, waiting for a release */
    uint8_t no_press; /* down since it was first seen: never a press */
    uint64_t raw_at;  /* when raw last changed */
    uint64_t down_at; /* when the debounced press began */
} ov_button_line;

typedef struct {
    int debounce_ms, lockout_ms, stuck_ms;
    ov_button_line line[OV_BTN_COUNT];
    uint64_t lockout_until;
    ov_press queue[OV_BUTTONS_QUEUE];
    int head, count;
    unsigned dropped; /* events lost because the queue was full */
} ov_buttons;

/* Start with every button released. debounce_ms is clamped to 0..500,
 * lockout_ms to 0..60000, stuck_ms to 1000..3600000 (a bad value from a
 * config file never disables the kiosk). Typical call:
 * ov_buttons_init(&b, cfg.debounce_ms, cfg.vote_lockout_ms, cfg.stuck_s * 1000). */
void ov_buttons_init(ov_buttons *b, int debounce_ms, int lockout_ms, int stuck_ms);

/* A raw level change of `button` at `at_ms` (1 = pressed), from any source.
 * Repeated levels (key auto-repeat, a missed edge) are harmless. Times may
 * be slightly out of order across buttons. Returns OV_OK, or OV_EINVAL for a
 * button outside OV_BTN_*. */
int ov_buttons_edge(ov_buttons *b, int button, int pressed, uint64_t at_ms);

/* The level of `button` as found when a line is (re)opened: no edge, so a
 * button already held down does NOT count as a press (it is reported stuck
 * if it stays down). For the key switch a change of level is reported
 * (OV_PRESS / OV_RELEASE_KEY); a stuck button found up reports OV_UNSTUCK.
 * Returns OV_OK, or OV_EINVAL for a button outside OV_BTN_*. */
int ov_buttons_set_level(ov_buttons *b, int button, int pressed, uint64_t now_ms);

/* A scripted or keyboard "tap": press at now_ms, release debounce_ms later.
 * The press comes out of the next ov_buttons_poll. Returns OV_OK or OV_EINVAL. */
int ov_buttons_tap(ov_buttons *b, int button, uint64_t now_ms);

/* Let time pass to now_ms and take up to `max` clean events, oldest first;
 * answer presses confirmed before the lockout's end are dropped here.
 * Returns how many were written to out (0 when none). Take presses one at a
 * time (max = 1) when handling one may call ov_buttons_lockout, so the
 * lockout applies to the presses still waiting. */
int ov_buttons_poll(ov_buttons *b, uint64_t now_ms, ov_press *out, int max);

/* A vote was counted from a press at from_ms: answer presses until
 * from_ms + lockout_ms are ignored (a lockout already running longer stays). */
void ov_buttons_lockout(ov_buttons *b, uint64_t from_ms);

/* 1 while answer presses are locked out at now_ms, else 0. */
int ov_buttons_locked(const ov_buttons *b, uint64_t now_ms);

/* Debounced level of a button (1 = down / key switch on); 0 for a bad button. */
int ov_buttons_is_down(const ov_buttons *b, int button);

/* 1 when the button has been reported stuck and is not yet released; 0 for a bad button. */
int ov_buttons_is_stuck(const ov_buttons *b, int button);

/* Milliseconds until ov_buttons_poll may have something new (a pending
 * debounce, a stuck timer; at most an hour), for the main loop's poll
 * timeout; 0 when events are already queued; -1 when nothing is pending
 * (wait for the next edge). */
int ov_buttons_wait_ms(const ov_buttons *b, uint64_t now_ms);

/* A name for messages to the facilitator, e.g. "answer button 2" or
 * "hear-again button"; "unknown button" for a bad value. Never NULL. */
const char *ov_button_name(int button);

/* The answer buttons' lights. On while voting is open, off when it is not;
 * after a vote every light (never only the chosen one: that would show the
 * choice to the room) blinks: it flips OV_LIGHT_BLINK_FLIPS times,
 * OV_LIGHT_BLINK_STEP_MS apart, starting at blink_at_ms, then goes back to
 * steady. blink_at_ms = 0 means no blink. Returns 1 = light on, 0 = off. */
#define OV_LIGHT_BLINK_STEP_MS 150
#define OV_LIGHT_BLINK_FLIPS 4
int ov_lights_state(int voting_open, uint64_t blink_at_ms, uint64_t now_ms);

/* Which answer lights may be on: bit i for answer button i + 1, only for the
 * n_answers the current question offers (never more than OV_LIGHTS_MAX), and
 * none when voting is not open. A light over a button that means nothing
 * would invite a press that does nothing. */
#define OV_LIGHTS_MAX 6
unsigned ov_lights_mask(int voting_open, int n_answers);

#endif
