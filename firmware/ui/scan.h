/* scan.h — switch access: choosing an answer with one or two switches.
 * Pure logic (no SDL, no GPIO), unit-tested with event sequences.
 *
 * Single switch (mode "single"): the highlight moves by itself from item to
 * item every interval_ms (0.75–5 s, default 2 s); the kiosk speaks each
 * highlighted item (OV_SCAN_HIGHLIGHT). A press of the switch chooses the
 * highlighted item (OV_SCAN_CHOOSE). After `rounds` full rounds with no
 * press the highlight stops (OV_SCAN_PAUSED) so the kiosk is quiet; the next
 * press starts again from the first item (it does not choose).
 *
 * Two switches (mode "two"): switch 1 (OV_BTN_SWITCH_MOVE) moves the
 * highlight one item on (wrapping round), switch 2 (OV_BTN_SWITCH_SELECT)
 * chooses the highlighted item. Nothing moves by itself. The member can say
 * which switch is which first (VVSG 2.0 two-switch set-up, ov_scan_learn):
 * the first press names the switch that moves, a press of the other names
 * the switch that chooses; a second press of the first asks again.
 *
 * Switch presses reach this module as clean presses from ov_buttons_poll:
 * GPIO switch lines, Space (move) and Enter (choose) all go through the
 * same debouncer first. In single mode either switch is "the switch".
 *
 * Speech (issue 13): the kiosk speaks each highlighted item's label and calls
 * ov_scan_wait_speech; the highlight then stays until ov_scan_speech_done,
 * and the interval counts from the end of the label's speech, so nothing is
 * cut off (a "hear it again" reading holds the scan the same way). The first
 * item after a start is held longer (first_ms). Tremor filters: with
 * accept_ms a press counts only when the switch is still down accept_ms after
 * it began; with release_ms a press that starts less than release_ms after
 * the switch was let go is ignored (both need ov_scan_attach_buttons for the
 * switch levels). Every event says whether a press caused it (pressed = 1),
 * so the kiosk can count a "move" press as activity. */
#ifndef OV_SCAN_H
#define OV_SCAN_H

#include "base/ov_common.h"

typedef enum { OV_SCAN_OFF = 0, OV_SCAN_SINGLE, OV_SCAN_TWO } ov_scan_mode;

typedef enum {
    OV_SCAN_NONE = 0,
    OV_SCAN_HIGHLIGHT, /* item is now highlighted: show it and speak it */
    OV_SCAN_CHOOSE,    /* item was chosen (same as touching it) */
    OV_SCAN_PAUSED,    /* single mode stopped after its rounds: no highlight */
    OV_SCAN_ASK_CHOOSE, /* set-up: the switch that moves is known; ask for the one that chooses */
    OV_SCAN_LEARNED,    /* set-up done: both switches are known */
} ov_scan_what;

/* Where the two-switch set-up is (ov_scan_learn). */
typedef enum { OV_SCAN_LEARN_DONE = 0, OV_SCAN_LEARN_MOVE, OV_SCAN_LEARN_CHOOSE } ov_scan_learn_step;

typedef struct {
    ov_scan_what what;
    int item;    /* 0-based item; -1 for OV_SCAN_PAUSED */
    int pressed; /* 1: a switch press caused this event (it counts as activity) */
} ov_scan_event;

#define OV_SCAN_MIN_MS 750
#define OV_SCAN_MAX_MS 5000
#define OV_SCAN_DEFAULT_MS 2000
/* First item after a start: held this many times the interval unless set. */
#define OV_SCAN_FIRST_FACTOR 1.5
#define OV_SCAN_FIRST_MAX_MS 10000
/* Tremor filters: hold-to-accept and release time, 0 (off) .. 2000 ms. */
#define OV_SCAN_FILTER_MAX_MS 2000
/* The longest the scan waits for an item's speech (a voice that never ends). */
#define OV_SCAN_SPEECH_MAX_MS 30000
/* How often the scan looks at a held switch (hold-to-accept, release time). */
#define OV_SCAN_LEVEL_POLL_MS 20


typedef struct {
    ov_scan_mode mode;
    int interval_ms; /* clamped to OV_SCAN_MIN_MS..OV_SCAN_MAX_MS */
    int rounds;      /* >= 1 */
    int n_items;
    int current; /* highlighted item, -1 for none */
    int steps;   /* automatic moves since the last press/start */
    int paused;
    uint64_t next_at; /* single mode: when the highlight moves next */

    /* issue 13: speech pacing, first-item hold, tremor filters */
    int first_ms;          /* the first item after a start is held this long */
    int accept_ms;         /* hold-to-accept: 0 = a press counts at once */
    int release_ms;        /* ignore presses starting this soon after a release */
    int first_pending;     /* the current highlight is the first after a start */
    int speaking;          /* waiting for the highlighted item's speech to end */
    uint64_t speech_since; /* when that wait began */
    int pending_button;    /* hold-to-accept: the press waiting, -1 none */
    uint64_t pending_at;
    int held_button;       /* switch of the last accepted press, -1 when let go */
    uint64_t released_at;  /* when it was let go */
    const void *buttons;   /* ov_buttons for switch levels, or NULL */

    /* two-switch set-up: which switch the member uses to move */
    ov_scan_learn_step learning; /* OV_SCAN_LEARN_DONE when not setting up */
    int swapped;                 /* 1: the switch wired to choose moves, and the other chooses */
} ov_scan;

/* Parse "off", "single" or "two" (as in [scanning] mode). Returns the mode,
 * or OV_EINVAL for anything else (the caller reports it and keeps "off"). */
int ov_scan_parse_mode(const char *text);

/* Clamp an interval to OV_SCAN_MIN_MS..OV_SCAN_MAX_MS; 0 or less gives the
 * default 2000 ms. */
int ov_scan_clamp_interval(int ms);

/* Set up scanning (an unknown mode is off); nothing is highlighted until
 * ov_scan_start. interval_ms goes through ov_scan_clamp_interval; rounds < 1
 * is taken as 1; the first item is held one interval and the tremor filters
 * are off until ov_scan_set_timing. */
void ov_scan_init(ov_scan *s, ov_scan_mode mode, int interval_ms, int rounds);

/* A new screen with n_items choosable items. Single mode highlights item 0
 * now (and returns OV_SCAN_HIGHLIGHT in *ev); two-switch mode waits for the
 * first move. Returns 1 when *ev holds an event, 0 otherwise (two-switch
 * mode, mode off, n_items <= 0). */
int ov_scan_start(ov_scan *s, int n_items, uint64_t now_ms, ov_scan_event *ev);

/* Let time pass (single mode moves the highlight, or pauses after its
 * rounds; a press held for accept_ms is accepted here). Call every loop
 * turn; returns 1 when *ev holds an event, else 0. */
int ov_scan_tick(ov_scan *s, uint64_t now_ms, ov_scan_event *ev);

/* A clean press of `button` (OV_BTN_SWITCH_MOVE or OV_BTN_SWITCH_SELECT).
 * During the set-up a press gives OV_SCAN_ASK_CHOOSE or OV_SCAN_LEARNED
 * (item -1), with or without items. Otherwise the switches act as learned.
 * Returns 1 when *ev holds an event, 0 when the press does nothing here
 * (other buttons, scanning off, no items, within release_ms of a release,
 * two-switch "choose" with nothing highlighted) or waits for hold-to-accept
 * (then ov_scan_tick gives its event). */
int ov_scan_press(ov_scan *s, int button, uint64_t now_ms, ov_scan_event *ev);

/* Two-switch mode: start the set-up for a new member (the wiring as built
 * until the member says otherwise); the next press names the switch that
 * moves. on = 0 ends a set-up left half done and keeps the wiring as built.
 * Nothing in other modes. */
void ov_scan_learn(ov_scan *s, int on);

/* Where the set-up is: OV_SCAN_LEARN_DONE when it is not running. */
ov_scan_learn_step ov_scan_learning(const ov_scan *s);

/* Timings from [scanning]: first_ms (0: OV_SCAN_FIRST_FACTOR x interval;
 * clamped to interval..OV_SCAN_FIRST_MAX_MS), accept_ms and release_ms
 * (clamped to 0..OV_SCAN_FILTER_MAX_MS). */
void ov_scan_set_timing(ov_scan *s, int first_ms, int accept_ms, int release_ms);

/* Read switch levels from `buttons` (an ov_buttons, ui/buttons.h) for the
 * tremor filters; NULL turns them off. */
void ov_scan_attach_buttons(ov_scan *s, const void *buttons);

/* The kiosk is speaking the highlighted item (or a "hear it again" reading):
 * hold the highlight until ov_scan_speech_done, or OV_SCAN_SPEECH_MAX_MS at
 * most. Nothing when scanning is off. */
void ov_scan_wait_speech(ov_scan *s, uint64_t now_ms);

/* The speech has ended: the interval (first_ms for the first item) starts
 * now. Nothing when the scan was not waiting for speech. */
void ov_scan_speech_done(ov_scan *s, uint64_t now_ms);

/* 1 while the scan is waiting for speech to end. */
int ov_scan_waiting_speech(const ov_scan *s);

/* 1 when single-switch scanning has stopped after its rounds. */
int ov_scan_is_paused(const ov_scan *s);

/* Milliseconds until ov_scan_tick has something to do (OV_SCAN_LEVEL_POLL_MS
 * while a switch is held or speech is awaited; at most OV_SCAN_MAX_MS); -1
 * when nothing. */
int ov_scan_wait_ms(const ov_scan *s, uint64_t now_ms);

#endif
