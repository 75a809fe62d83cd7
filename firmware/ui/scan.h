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
 * chooses the highlighted item. Nothing moves by itself.
 *
 * Switch presses reach this module as clean presses from ov_buttons_poll:
 * GPIO switch lines, Space (move) and Enter (choose) all go through the
 * same debouncer first. In single mode either switch is "the switch". */
#ifndef OV_SCAN_H
#define OV_SCAN_H

#include "base/ov_common.h"

typedef enum { OV_SCAN_OFF = 0, OV_SCAN_SINGLE, OV_SCAN_TWO } ov_scan_mode;

typedef enum {
    OV_SCAN_NONE = 0,
    OV_SCAN_HIGHLIGHT, /* item is now highlighted: show it and speak it */
    OV_SCAN_CHOOSE,    /* item was chosen (same as touching it) */
    OV_SCAN_PAUSED,    /* single mode stopped after its rounds: no highlight */
} ov_scan_what;

typedef struct {
    ov_scan_what what;
    int item; /* 0-based item; -1 for OV_SCAN_PAUSED */
} ov_scan_event;

#define OV_SCAN_MIN_MS 750
#define OV_SCAN_MAX_MS 5000
#define OV_SCAN_DEFAULT_MS 2000

typedef struct {
    ov_scan_mode mode;
    int interval_ms; /* clamped to OV_SCAN_MIN_MS..OV_SCAN_MAX_MS */
    int rounds;      /* >= 1 */
    int n_items;
    int current; /* highlighted item, -1 for none */
    int steps;   /* automatic moves since the last press/start */
    int paused;
    uint64_t next_at; /* single mode: when the highlight moves next */
} ov_scan;

/* Parse "off", "single" or "two" (as in [scanning] mode). Returns the mode,
 * or OV_EINVAL for anything else (the caller reports it and keeps "off"). */
int ov_scan_parse_mode(const char *text);

/* Clamp an interval to OV_SCAN_MIN_MS..OV_SCAN_MAX_MS; 0 or less gives the
 * default 2000 ms. */
int ov_scan_clamp_interval(int ms);

/* Set up scanning; nothing is highlighted until ov_scan_start. rounds < 1
 * is taken as 1. */
void ov_scan_init(ov_scan *s, ov_scan_mode mode, int interval_ms, int rounds);

/* A new screen with n_items choosable items. Single mode highlights item 0
 * now (and returns OV_SCAN_HIGHLIGHT in *ev); two-switch mode waits for the
 * first move. Returns 1 when *ev holds an event, 0 otherwise (mode off,
 * n_items <= 0). */
int ov_scan_start(ov_scan *s, int n_items, uint64_t now_ms, ov_scan_event *ev);

/* Let time pass (single mode moves the highlight, or pauses after its
 * rounds). Call every loop turn; returns 1 when *ev holds an event. */
int ov_scan_tick(ov_scan *s, uint64_t now_ms, ov_scan_event *ev);

/* A clean press of `button` (OV_BTN_SWITCH_MOVE or OV_BTN_SWITCH_SELECT).
 * Returns 1 when *ev holds an event, 0 when the press does nothing here
 * (other buttons, scanning off, no items). */
int ov_scan_press(ov_scan *s, int button, uint64_t now_ms, ov_scan_event *ev);

/* Milliseconds until ov_scan_tick has something to do; -1 when nothing. */
int ov_scan_wait_ms(const ov_scan *s, uint64_t now_ms);

#endif
