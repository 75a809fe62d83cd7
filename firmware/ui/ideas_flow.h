/* ideas_flow.h — a member's turn in the priorities round, as pure logic
 * (like ui/flow.c): choose up to N ideas (one press each toggles an idea),
 * "Done", a review of the chosen ideas ("That's right" / "Go back"), then the
 * kiosk stores the choice (OV_FLOW_WANT_COMMIT) and "thank you" shows only
 * after ov_ideas_flow_committed(ok = 1); then the next member starts fresh.
 * Idle time forgets a half-made choice. Times are passed in (ms). */
#ifndef OV_IDEAS_FLOW_H
#define OV_IDEAS_FLOW_H

#include "model/ideas.h"
#include "ui/flow.h"

#include <stdint.h>

typedef enum {
    OV_IDEAS_CHOOSE,    /* "Choose up to 3 ideas" */
    OV_IDEAS_REVIEW,    /* "You chose: ... Is that right?" */
    OV_IDEAS_THANKS,    /* stored: "thank you, your choice is secret" */
    OV_IDEAS_NOT_SAVED, /* the store failed: ask a helper */
} ov_ideas_screen;

/* Why the choose screen shows an extra line (0: none). */
typedef enum { OV_IDEAS_NOTE_NONE = 0, OV_IDEAS_NOTE_FULL, OV_IDEAS_NOTE_NONE_CHOSEN } ov_ideas_note;

typedef struct {
    int n_ideas, max_choices;
    int chosen[OV_IDEAS_MAX]; /* 1: idea chosen by this member */
    ov_ideas_screen screen;
    ov_ideas_note note;
    int focus; /* highlighted target (ov_ideas_flow_targets order), -1 none */
    int idle_timeout_ms, thanks_ms, lockout_ms;
    uint64_t last_input_ms, screen_since_ms, lockout_until_ms;
} ov_ideas_flow;

/* Start a member's turn on the choose screen. n_ideas is cut to
 * OV_IDEAS_MAX; max_choices is at least 1. */
void ov_ideas_flow_init(ov_ideas_flow *f, int n_ideas, int max_choices, int idle_timeout_ms, int thanks_ms,
                        int lockout_ms, uint64_t now_ms);

/* Apply an action: OV_ACT_CHOOSE arg = idea (toggle), OV_ACT_YES ("Done" /
 * "That's right"; on the not-saved screen: start afresh), OV_ACT_NO ("Go
 * back"), OV_ACT_FOCUS_NEXT/PREV, OV_ACT_ACTIVATE, OV_ACT_HEAR_AGAIN.
 * Returns a mask of ov_flow_effect; OV_FLOW_NOTHING during the lockout and
 * on the thank-you screen. */
int ov_ideas_flow_act(ov_ideas_flow *f, ov_action act, int arg, uint64_t now_ms);

/* Time passes: end of thank-you, or the idle timeout (idle_timeout_ms > 0)
 * forgets a choice under way. Returns effects. */
int ov_ideas_flow_tick(ov_ideas_flow *f, uint64_t now_ms);

/* Milliseconds until ov_ideas_flow_tick has something to do, or -1. */
int ov_ideas_flow_next_deadline(const ov_ideas_flow *f, uint64_t now_ms);

/* The ideas chosen (indexes, in idea order) into out[0..max). Returns how many. */
int ov_ideas_flow_pending(const ov_ideas_flow *f, int *out, int max);

/* The store's answer after OV_FLOW_WANT_COMMIT: ok = 1 thank-you (and the
 * lockout), ok = 0 not saved. Either way the choice is forgotten. Returns
 * effects (OV_FLOW_BLINK when ok). */
int ov_ideas_flow_committed(ov_ideas_flow *f, int ok, uint64_t now_ms);

/* Pressable targets of the current screen, in highlight order: the ideas
 * (choose screen: OV_TARGET_ANSWER, index = idea), YES (choose, review),
 * NO (review), then hear again (not on thank-you). Returns how many (at
 * most max). */
int ov_ideas_flow_targets(const ov_ideas_flow *f, ov_target *out, int max);

/* How many ideas are chosen now. */
int ov_ideas_flow_count(const ov_ideas_flow *f);

#endif
