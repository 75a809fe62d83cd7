/* buttons.h — physical buttons and switches: from raw GPIO edges to clean
 * presses. Pure logic (no libgpiod here), unit-tested with event sequences.
 *
 * Every press source goes through ov_buttons_edge: real GPIO lines, the
 * headless script's `button N`, and switch-access keys. */
#ifndef OV_BUTTONS_H
#define OV_BUTTONS_H

#include "ov_common.h"

/* Logical buttons. Answer buttons are numbered by position, left to right. */
enum {
    OV_BTN_ANSWER1 = 0, OV_BTN_ANSWER2, OV_BTN_ANSWER3, OV_BTN_ANSWER4,
    OV_BTN_ANSWER5, OV_BTN_ANSWER6,
    OV_BTN_HEAR_AGAIN,
    OV_BTN_KEY_SWITCH,    /* facilitator key switch (level, not press) */
    OV_BTN_SWITCH_MOVE,   /* access switch 1: move highlight (or single switch) */
    OV_BTN_SWITCH_SELECT, /* access switch 2: choose */
    OV_BTN_COUNT
};

typedef enum { OV_PRESS, OV_RELEASE_KEY, OV_STUCK, OV_UNSTUCK } ov_press_kind;

typedef struct {
    int button;           /* OV_BTN_* */
    ov_press_kind kind;   /* OV_PRESS for a clean press; OV_STUCK when held too long */
    uint64_t at_ms;
} ov_press;

#endif
