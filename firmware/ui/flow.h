/* flow.h — what screen the member sees, and what each press does (pure logic).
 *
 * Drop-in: welcome -> question 1 -> confirm -> question 2 -> ... -> thank you
 * -> welcome. Answers are held in memory until the last question is confirmed;
 * then the flow asks the kiosk to store them all (OV_FLOW_WANT_COMMIT) and
 * shows "thank you" only when ov_flow_committed() reports success.
 * Before storing, a review screen lists every answer; choosing one goes to
 * that question and then back to the review. Every question after the first
 * has a "previous question" target. "Who are you today?" comes before the
 * questions when the content has groups, a practice question (never stored)
 * may come first, and the welcome also opens the member's sound screen.
 * Idle time never forgets silently: first the idle-warning screen ("I need
 * more time" keeps every answer), and only when nobody answers it within
 * idle_warning_ms are half-finished answers forgotten. The thank-you screen
 * waits for its speech to end (ov_flow_set_speaking).
 * Meeting round: one open question; each answer is stored at once, then a
 * short thank-you and a lockout, then the same question for the next person.
 * No SDL here: times are passed in as milliseconds. */
#ifndef OV_FLOW_H
#define OV_FLOW_H

#include "model/content.h"

typedef enum {
    OV_SCREEN_WELCOME,
    OV_SCREEN_QUESTION,
    OV_SCREEN_CONFIRM,
    OV_SCREEN_SAVING, /* waiting for the commit (normally not visible) */
    OV_SCREEN_THANKS,
    OV_SCREEN_NOT_SAVED, /* the store failed: no thank-you, ask for a helper */
    OV_SCREEN_REVIEW,       /* every answer before storing: change any, or save */
    OV_SCREEN_IDLE_WARNING, /* "are you still there?": answers kept until it times out */
    OV_SCREEN_MORE,      /* issue 14 (g14views): "Tell me more" about the current question */
    OV_SCREEN_WHO,       /* issue 14 (g14views): "Who are you today?" before the questions */
    OV_SCREEN_SOUND,     /* issue 13: the member's own speech rate and volume, from the welcome */
    OV_SCREEN_COUNT
} ov_screen;

typedef enum { OV_MODE_DROP_IN, OV_MODE_ROUND } ov_mode;

/* What a press or touch means, already translated from its source. */
typedef enum {
    OV_ACT_NONE,
    OV_ACT_ANY,        /* a touch or key with no other meaning (starts from welcome) */
    OV_ACT_CHOOSE,     /* choose answer `arg` (0-based position) directly */
    OV_ACT_YES,        /* "That's right" */
    OV_ACT_NO,         /* "Go back" */
    OV_ACT_FOCUS_NEXT, /* move the highlight (arrow, scanning) */
    OV_ACT_FOCUS_PREV,
    OV_ACT_ACTIVATE, /* press what is highlighted (Enter, Space, scanning select) */
    OV_ACT_HEAR_AGAIN,
    OV_ACT_PREVIOUS,  /* the question before (question screens, review: the last question) */
    OV_ACT_CHANGE,    /* review: change the answer to question `arg` */
    OV_ACT_MORE_TIME, /* idle warning: "I need more time" */
    OV_ACT_MORE, /* issue 14 (g14views): open "Tell me more" of the current question */
    OV_ACT_SOUND,      /* welcome: open the sound screen */
    OV_ACT_SOUND_STEP, /* sound screen: step `arg` (OV_SOUND_SLOWER ... OV_SOUND_LOUDER) */
    OV_ACT_SCREEN_OFF, /* sound screen, headphones in: turn the screen off (or back on) */
} ov_action;

/* Welcome: answer button / digit 2 (position 1) opens the sound screen; the others start. */
#define OV_FLOW_SOUND_BUTTON 1

/* The sound screen's steps, in its order (ov_flow.sound_step). */
typedef enum {
    OV_SOUND_SLOWER,
    OV_SOUND_FASTER,
    OV_SOUND_QUIETER,
    OV_SOUND_LOUDER,
    OV_SOUND_STEPS
} ov_sound_step;

/* Things on screen that can be pressed or highlighted. */
typedef enum {
    OV_TARGET_NONE,
    OV_TARGET_START,
    OV_TARGET_ANSWER,
    OV_TARGET_YES,
    OV_TARGET_NO,
    OV_TARGET_HEAR_AGAIN,
    OV_TARGET_MENU, /* facilitator screens: item `index` of the ov_menu */
    OV_TARGET_PREVIOUS,    /* question screens after the first */
    OV_TARGET_SAVE,        /* review: "save my answers" */
    OV_TARGET_REVIEW_ITEM, /* review: the answer to question `index` */
    OV_TARGET_MORE_TIME,   /* idle warning: "I need more time" */
    OV_TARGET_MORE, /* issue 14 (g14views): "Tell me more" on a question */
    OV_TARGET_BACK, /* "Back to the question" (tell me more) */
    OV_TARGET_NEXT, /* next page of "Tell me more" */
    OV_TARGET_GROUP, /* who are you today: group `index`; index n_groups = skip */
    OV_TARGET_SOUND,      /* welcome: "Sound" opens the sound screen */
    OV_TARGET_SOUND_STEP, /* sound screen: step `index` (ov_sound_step) */
    OV_TARGET_SCREEN_OFF, /* sound screen, headphones in: "Turn the screen off" / "...on" */
} ov_target_kind;

typedef struct {
    ov_target_kind kind;
    int index;
} ov_target;

/* Most targets one screen has (answers, "I don't know", hear again, ...). */
#define OV_MAX_TARGETS 16

typedef enum {
    OV_FLOW_NOTHING = 0,
    OV_FLOW_REDRAW = 1,      /* the screen changed: draw it */
    OV_FLOW_SPEAK = 2,       /* (re)read the screen aloud */
    OV_FLOW_WANT_COMMIT = 4, /* store ov_flow_pending() now, then call ov_flow_committed */
    OV_FLOW_BLINK = 8,       /* a vote was counted: blink the button lights */
    OV_FLOW_SOUND = 16,      /* the member asked for sound step ov_flow.sound_step: apply and say it */
    OV_FLOW_SCREEN = 32,     /* the member turned the screen off or on (ov_flow_screen_off): say it */
} ov_flow_effect;

typedef struct {
    const ov_content *content;
    ov_mode mode;
    int confirm_step; /* 1: show "that's right / go back" */
    int idle_timeout_ms;
    int choice_idle_ms; /* confirm and review show a choice: the idle warning comes after this (issue 12) */
    int thanks_ms;
    int lockout_ms;     /* presses ignored after a vote (round mode) */
    int round_question; /* round mode: the open question */

    ov_screen screen;
    int question;                  /* current question index */
    int chosen;                    /* answer position chosen on this question (confirm screen), -1 */
    int answers[OV_MAX_QUESTIONS]; /* held answers (positions), -1 = none */
    int focus;                     /* highlighted target index in ov_flow_targets order, -1 none */
    uint64_t last_input_ms;
    uint64_t screen_since_ms;
    uint64_t lockout_until_ms;

    /* timeouts and review (issue 13) */
    int idle_warning_ms;   /* how long the idle warning waits before answers are forgotten */
    int review;            /* 1: the review screen comes before storing (drop-in) */
    int reviewing;         /* 1: this question was opened from the review: back to it after */
    ov_screen warned_from; /* the screen the idle warning covers (back to it on "more time") */
    int speaking;          /* the kiosk is reading the screen aloud (ov_flow_set_speaking) */
    uint64_t speech_end_ms;
    int practice; /* the practice question shown first (never stored, not in progress or review), -1 */
    /* --- issue 14 views (g14views) --- */
    int group;     /* "who are you today?" group index of this member, -1 = not said */
    int more_page; /* page of "Tell me more" shown (0 = about) */
    /* --- the member's sound (issue 13); the kiosk owns the steps themselves --- */
    int sound_step; /* the step asked for with OV_FLOW_SOUND (ov_sound_step) */
    int keep_sound; /* 1: this welcome came back from the sound screen: the member's sound stays */
    /* --- the screen off with headphones (issue 12): the member's own choice for the visit --- */
    int screen_off_offered; /* headphones are in: the sound screen offers the switch */
    int screen_off_default; /* the facilitator's blank_screen setting */
    int screen_off_asked;   /* the member's choice this visit: 1 off, 0 on, -1 not asked */
} ov_flow;

/* Idle warning: time given to answer "I need more time" (at least 30 s, issue 13 / VVSG 20-45 s). */
#define OV_FLOW_IDLE_WARNING_MS 30000
#define OV_FLOW_IDLE_WARNING_MIN_MS 30000
/* Confirm and review left alone: the idle warning after this much quiet (issue 12: no trace for
 * the next person). */
#define OV_FLOW_CHOICE_IDLE_MS 30000
#define OV_FLOW_CHOICE_IDLE_MIN_MS 10000
/* The longest a screen waits for its speech to end (a voice that never ends is not a reason to stay). */
#define OV_FLOW_SPEECH_WAIT_MAX_MS 60000

/* Start on the welcome screen. `confirm_step`, timeouts from config. */
void ov_flow_init(ov_flow *f, const ov_content *c, int confirm_step, int idle_timeout_ms, int thanks_ms,
                  int lockout_ms, uint64_t now_ms);

/* Switch to meeting-round mode for question q (back to drop-in when q is
 * not a question of the content, or is the practice question: a round's
 * votes are stored at once, a practice answer never is). Held answers are
 * forgotten. */
void ov_flow_set_round(ov_flow *f, int q, uint64_t now_ms);

/* The question of the open meeting round, or -1 in drop-in mode. The flow
 * owns the round: ov_flow_set_round is its one setter. */
int ov_flow_round(const ov_flow *f);

/* Turn the check step ("that's right / go back") on (1) or off (0). The flow
 * owns it: this is its one setter after ov_flow_init. */
void ov_flow_set_confirm_step(ov_flow *f, int on);

/* Milliseconds of the idle warning (default OV_FLOW_IDLE_WARNING_MS; less
 * than OV_FLOW_IDLE_WARNING_MIN_MS is raised to it). */
void ov_flow_set_idle_warning(ov_flow *f, int ms);

/* Confirm and review screens show what the member chose: left alone, they
 * give way to the idle warning (which shows no choice) after `ms` of quiet
 * (counted from the end of their speech), or after the idle timeout when
 * that is shorter. Less than OV_FLOW_CHOICE_IDLE_MIN_MS is raised to it. */
void ov_flow_set_choice_idle(ov_flow *f, int ms);

/* Headphones are in (offered 1) or not (0), and whether the facilitator's
 * setting turns the screen off with them (default_off). With headphones the
 * sound screen offers the member "Turn the screen off" (or on); the choice
 * lasts for the visit. */
void ov_flow_set_screen_off_offer(ov_flow *f, int offered, int default_off);

/* 1 when, for this member, the screen should be off while headphones are in
 * (the member's choice this visit, else the facilitator's setting); 0 without
 * headphones. The welcome screen is never off: the kiosk checks that. */
int ov_flow_screen_off(const ov_flow *f);

/* Question q is a practice question (content decides, model/content.h:
 * ov_content_practice; -1 or not a question: none): drop-in visits start
 * with it (after "who are you today?"), its answer is never stored, it is
 * not counted in the progress (ov_flow_progress gives number 0 on it) nor
 * listed on the review, and it can never be a meeting round (drop-in only:
 * in a round each press is a stored vote). Takes effect from the next visit;
 * the kiosk sets it whenever it takes a content. */
void ov_flow_set_practice(ov_flow *f, int q);

/* A member did something the flow does not see as an action (a switch
 * "move" press, a touch outside every target): it counts as activity, so
 * the idle warning waits again. */
void ov_flow_note_activity(ov_flow *f, uint64_t now_ms);

/* The kiosk tells whether the screen is being read aloud (busy 1) or the
 * reading has ended (0). The thank-you screen leaves thanks_ms after the end
 * of its speech; the idle warning's time counts from the end of its speech. */
void ov_flow_set_speaking(ov_flow *f, int busy, uint64_t now_ms);

/* Highlight target `focus` (ov_flow_targets order; -1: none), as scanning does. */
void ov_flow_set_focus(ov_flow *f, int focus);

/* Apply one action (it counts as activity). Returns a mask of ov_flow_effect;
 * OV_FLOW_NOTHING during the lockout after a vote, except for hear again. */
int ov_flow_act(ov_flow *f, ov_action act, int arg, uint64_t now_ms);

/* Time passes: idle warning, forgetting after it, end of thank-you. Returns effects. */
int ov_flow_tick(ov_flow *f, uint64_t now_ms);

/* Milliseconds until ov_flow_tick next has something to do (for sleeping), or -1. */
int ov_flow_next_deadline(const ov_flow *f, uint64_t now_ms);

/* The votes to store after OV_FLOW_WANT_COMMIT: question and answer indexes
 * (answer = position within ov_question_answers), never the practice
 * question. Returns the count (at most max). */
int ov_flow_pending(const ov_flow *f, int *questions, int *answers, int max);

/* Report the result of storing. ok=1: the answers are forgotten, the lockout
 * starts, thank-you (effects include OV_FLOW_BLINK); ok=0: "not saved" screen,
 * answers kept. Returns effects; OV_FLOW_NOTHING unless a commit was asked. */
int ov_flow_committed(ov_flow *f, int ok, uint64_t now_ms);

/* The pressable targets of the current screen, in highlight order. Returns count (at most max). */
int ov_flow_targets(const ov_flow *f, ov_target *out, int max);

/* Action for pressing a target (touch or activate); *arg gets t.index.
 * OV_ACT_NONE for OV_TARGET_NONE and OV_TARGET_MENU. */
ov_action ov_flow_target_action(ov_target t, int *arg);

/* 1-based progress: question number and total (drop-in). */
void ov_flow_progress(const ov_flow *f, int *number, int *total);

/* A screen's name for scripts and logs ("welcome", "question", ...);
 * "unknown" for a bad value. Never NULL. */
const char *ov_screen_name(ov_screen s);

/* --- issue 14 views (g14views) --- */
/* The group the current member chose on "Who are you today?" (index into
 * content->who.groups), or -1 when not asked or skipped. Held in memory only,
 * like the answers, and forgotten with them. */
int ov_flow_group(const ov_flow *f);

#endif
