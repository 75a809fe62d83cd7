/* flow.c — the member-facing screen flow as a pure state machine. */
#include "ui/flow.h"

#include <string.h>

#define QUESTION_OTHER_TARGETS 3 /* question screen targets besides the answers: more, hear again, back */

static const char *const screen_names[OV_SCREEN_COUNT] = {
    "welcome", "question", "confirm", "saving", "thanks", "not-saved", "review", "idle-warning", "more",
    "who", "sound",
};

/* issue 14 views (g14views): defined at the end of this file */
static int act_views(ov_flow *f, ov_action act, int arg, uint64_t now);
static int open_more(ov_flow *f, uint64_t now);
static int views_targets(const ov_flow *f, ov_target *out, int max);

const char *ov_screen_name(ov_screen s)
{
    return (s >= 0 && s < OV_SCREEN_COUNT) ? screen_names[s] : "unknown";
}

static void forget_answers(ov_flow *f)
{
    for (int i = 0; i < OV_MAX_QUESTIONS; i++)
        f->answers[i] = -1;
    f->chosen = -1;
    f->reviewing = 0;
    f->group = -1;
}

static int go(ov_flow *f, ov_screen s, uint64_t now)
{
    if (s != OV_SCREEN_WELCOME && s != OV_SCREEN_SOUND)
        f->keep_sound = 0; /* a visit is under way: when it ends the next person gets the usual sound */
    if (s == OV_SCREEN_WELCOME && f->screen != OV_SCREEN_SOUND)
        f->screen_off_asked = -1; /* the visit is over: the next person gets the usual screen */
    f->screen = s;
    f->screen_since_ms = now;
    f->focus = -1;
    return OV_FLOW_REDRAW | OV_FLOW_SPEAK;
}

void ov_flow_init(ov_flow *f, const ov_content *c, int confirm_step, int idle_timeout_ms, int thanks_ms,
                  int lockout_ms, uint64_t now_ms)
{
    memset(f, 0, sizeof *f);
    f->content = c;
    f->mode = OV_MODE_DROP_IN;
    f->confirm_step = confirm_step;
    f->idle_timeout_ms = idle_timeout_ms;
    f->thanks_ms = thanks_ms;
    f->lockout_ms = lockout_ms;
    f->round_question = -1;
    f->idle_warning_ms = OV_FLOW_IDLE_WARNING_MS;
    f->choice_idle_ms = OV_FLOW_CHOICE_IDLE_MS;
    f->screen_off_asked = -1;
    f->review = 1;
    f->practice = -1;
    forget_answers(f);
    f->last_input_ms = now_ms;
    go(f, OV_SCREEN_WELCOME, now_ms);
}

void ov_flow_set_round(ov_flow *f, int q, uint64_t now_ms)
{
    forget_answers(f);
    if (q >= 0 && q < f->content->n_questions && q != f->practice) { /* never a round on the practice */
        f->mode = OV_MODE_ROUND;
        f->round_question = q;
        f->question = q;
        go(f, OV_SCREEN_QUESTION, now_ms);
    } else {
        f->mode = OV_MODE_DROP_IN;
        f->round_question = -1;
        go(f, OV_SCREEN_WELCOME, now_ms);
    }
}

int ov_flow_round(const ov_flow *f) { return f->mode == OV_MODE_ROUND ? f->round_question : -1; }

void ov_flow_set_confirm_step(ov_flow *f, int on) { f->confirm_step = on ? 1 : 0; }

void ov_flow_set_focus(ov_flow *f, int focus) { f->focus = focus; }

void ov_flow_set_idle_warning(ov_flow *f, int ms)
{
    f->idle_warning_ms = ms < OV_FLOW_IDLE_WARNING_MIN_MS ? OV_FLOW_IDLE_WARNING_MIN_MS : ms;
}

void ov_flow_set_choice_idle(ov_flow *f, int ms)
{
    f->choice_idle_ms = ms < OV_FLOW_CHOICE_IDLE_MIN_MS ? OV_FLOW_CHOICE_IDLE_MIN_MS : ms;
}

void ov_flow_set_screen_off_offer(ov_flow *f, int offered, int default_off)
{
    f->screen_off_offered = offered ? 1 : 0;
    f->screen_off_default = default_off ? 1 : 0;
}

int ov_flow_screen_off(const ov_flow *f)
{
    if (!f->screen_off_offered)
        return 0;
    return f->screen_off_asked >= 0 ? f->screen_off_asked : f->screen_off_default;
}

void ov_flow_set_practice(ov_flow *f, int q)
{
    f->practice = (q >= 0 && q < f->content->n_questions) ? q : -1;
}

void ov_flow_note_activity(ov_flow *f, uint64_t now_ms) { f->last_input_ms = now_ms; }

void ov_flow_set_speaking(ov_flow *f, int busy, uint64_t now_ms)
{
    if (f->speaking && !busy)
        f->speech_end_ms = now_ms;
    f->speaking = busy ? 1 : 0;
}

static int n_answers(const ov_flow *f)
{
    const ov_answer *a[OV_MAX_ANSWERS];
    return ov_question_answers(f->content, f->question, a);
}

/* The real (counted) question after q, or -1; q = -1 gives the first. The
 * practice question is never one of them. */
static int next_real(const ov_flow *f, int q)
{
    for (int i = q + 1; i < f->content->n_questions; i++)
        if (i != f->practice)
            return i;
    return -1;
}

/* The real question before q, or -1. */
static int prev_real(const ov_flow *f, int q)
{
    for (int i = q - 1; i >= 0; i--)
        if (i != f->practice)
            return i;
    return -1;
}

/* Ask the kiosk to store the held answers. */
static int save(ov_flow *f, uint64_t now)
{
    go(f, OV_SCREEN_SAVING, now);
    return OV_FLOW_REDRAW | OV_FLOW_WANT_COMMIT;
}

/* The member has settled on answer `pos` for the current question. */
static int settle(ov_flow *f, int pos, uint64_t now)
{
    f->chosen = -1;
    if (f->mode == OV_MODE_DROP_IN && f->question == f->practice) { /* practice: never kept */
        int first = next_real(f, -1);
        f->question = first < 0 ? 0 : first;
        return go(f, first < 0 ? OV_SCREEN_WELCOME : OV_SCREEN_QUESTION, now);
    }
    f->answers[f->question] = pos;
    int next = next_real(f, f->question);
    int last = next < 0;
    if (f->mode == OV_MODE_ROUND || ((last || f->reviewing) && !f->review))
        return save(f, now);
    if (last || f->reviewing) {
        f->reviewing = 0;
        return go(f, OV_SCREEN_REVIEW, now);
    }
    f->question = next;
    return go(f, OV_SCREEN_QUESTION, now);
}

static int choose(ov_flow *f, int pos, uint64_t now)
{
    if (pos < 0 || pos >= n_answers(f))
        return OV_FLOW_NOTHING;
    if (!f->confirm_step)
        return settle(f, pos, now);
    f->chosen = pos;
    return go(f, OV_SCREEN_CONFIRM, now);
}

static int go_back(ov_flow *f, uint64_t now)
{
    f->chosen = -1;
    return go(f, OV_SCREEN_QUESTION, now);
}

static int move_focus(ov_flow *f, int delta)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
    if (n == 0)
        return OV_FLOW_NOTHING;
    if (f->focus < 0)
        f->focus = delta > 0 ? 0 : n - 1;
    else
        f->focus = (f->focus + delta + n) % n;
    return OV_FLOW_REDRAW;
}

/* Highlight moves shared by every member screen; -1 when `act` is not one. */
static int focus_act(ov_flow *f, ov_action act)
{
    if (act == OV_ACT_FOCUS_NEXT)
        return move_focus(f, 1);
    if (act == OV_ACT_FOCUS_PREV)
        return move_focus(f, -1);
    return -1;
}

/* A screen's other actions: the highlight moves, or nothing happens. */
static int focus_or_nothing(ov_flow *f, ov_action act)
{
    int moved = focus_act(f, act);
    return moved >= 0 ? moved : OV_FLOW_NOTHING;
}

/* 1 when a target of this screen is highlighted. */
static int has_focus(const ov_flow *f)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
    return f->focus >= 0 && f->focus < n;
}

/* Press the highlighted target (has_focus must be 1). */
static int activate_focus(ov_flow *f, uint64_t now)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
    if (f->focus < 0 || f->focus >= n)
        return OV_FLOW_NOTHING;
    int a;
    ov_action next = ov_flow_target_action(t[f->focus], &a);
    return next == OV_ACT_ACTIVATE ? OV_FLOW_NOTHING : ov_flow_act(f, next, a, now);
}

/* Welcome: "Sound" (touch, scan, or answer button / digit 2) opens the
 * sound screen; any other press starts. */
static int act_welcome(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    int moved = focus_act(f, act);
    if (moved >= 0)
        return moved;
    if (act == OV_ACT_SOUND || (act == OV_ACT_CHOOSE && arg == OV_FLOW_SOUND_BUTTON))
        return go(f, OV_SCREEN_SOUND, now);
    if (act == OV_ACT_ACTIVATE && has_focus(f))
        return activate_focus(f, now); /* Enter on a highlight: that target */
    forget_answers(f);
    f->question = f->practice >= 0 ? f->practice : next_real(f, -1);
    if (f->content->n_questions == 0 || f->question < 0)
        return OV_FLOW_NOTHING;
    if (f->mode == OV_MODE_DROP_IN && f->content->who.n_groups > 0)
        return go(f, OV_SCREEN_WHO, now); /* issue 14: whose view, before the questions */
    return go(f, OV_SCREEN_QUESTION, now);
}

static int previous_question(ov_flow *f, uint64_t now)
{
    int before = prev_real(f, f->question);
    if (f->mode != OV_MODE_DROP_IN || f->question == f->practice || before < 0)
        return OV_FLOW_NOTHING;
    f->question = before;
    f->chosen = -1;
    return go(f, OV_SCREEN_QUESTION, now);
}

static int act_question(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    switch (act) {
    case OV_ACT_CHOOSE:
        return choose(f, arg, now);
    case OV_ACT_ACTIVATE:
        return has_focus(f) ? activate_focus(f, now) : move_focus(f, 1); /* first press: highlight */
    case OV_ACT_NO:
    case OV_ACT_PREVIOUS:
        return previous_question(f, now);
    default:
        return focus_or_nothing(f, act);
    }
}

static int act_confirm(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    switch (act) {
    case OV_ACT_YES:
        return settle(f, f->chosen, now);
    case OV_ACT_NO:
        return go_back(f, now);
    case OV_ACT_CHOOSE: /* same answer again = yes; another answer = change the choice */
        if (arg == f->chosen)
            return settle(f, f->chosen, now);
        return choose(f, arg, now);
    case OV_ACT_ACTIVATE: /* Enter with no highlight = "that's right" */
        return has_focus(f) ? activate_focus(f, now) : settle(f, f->chosen, now);
    default:
        return focus_or_nothing(f, act);
    }
}

/* Answer button / digit N on a screen of targets: do what the N-th target
 * does (one that would choose an answer does nothing). */
static int press_target(ov_flow *f, int arg, uint64_t now)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
    if (arg < 0 || arg >= n)
        return OV_FLOW_NOTHING;
    int a;
    ov_action next = ov_flow_target_action(t[arg], &a);
    return next == OV_ACT_CHOOSE ? OV_FLOW_NOTHING : ov_flow_act(f, next, a, now);
}

/* Open question q from the review; settling it comes back to the review. */
static int change_answer(ov_flow *f, int q, uint64_t now)
{
    if (q < 0 || q >= f->content->n_questions || q == f->practice)
        return OV_FLOW_NOTHING;
    f->question = q;
    f->chosen = -1;
    f->reviewing = 1;
    return go(f, OV_SCREEN_QUESTION, now);
}

static int act_review(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    switch (act) {
    case OV_ACT_YES:
        return save(f, now);
    case OV_ACT_CHANGE:
        return change_answer(f, arg, now);
    case OV_ACT_CHOOSE: /* answer button / digit N presses the N-th target (1: save) */
        return press_target(f, arg, now);
    case OV_ACT_NO:
    case OV_ACT_PREVIOUS:
        return change_answer(f, prev_real(f, f->content->n_questions), now);
    case OV_ACT_ACTIVATE:
        return has_focus(f) ? activate_focus(f, now) : save(f, now); /* no highlight: save */
    default:
        return focus_or_nothing(f, act);
    }
}

/* The sound screen: a step is applied by the kiosk (OV_FLOW_SOUND) and the
 * screen stays; "Go back" returns to the welcome with the member's sound
 * kept; answer button / digit N presses the N-th target. */
static int act_sound(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    switch (act) {
    case OV_ACT_SOUND_STEP:
        if (arg < 0 || arg >= OV_SOUND_STEPS)
            return OV_FLOW_NOTHING;
        f->sound_step = arg;
        return OV_FLOW_SOUND | OV_FLOW_REDRAW;
    case OV_ACT_SCREEN_OFF:
        if (!f->screen_off_offered)
            return OV_FLOW_NOTHING;
        f->screen_off_asked = !ov_flow_screen_off(f);
        return OV_FLOW_SCREEN | OV_FLOW_REDRAW;
    case OV_ACT_NO: {
        int effects = go(f, OV_SCREEN_WELCOME, now);
        f->keep_sound = 1;
        return effects;
    }
    case OV_ACT_CHOOSE:
        return press_target(f, arg, now);
    case OV_ACT_ACTIVATE:
        return has_focus(f) ? activate_focus(f, now) : OV_FLOW_NOTHING;
    default:
        return focus_or_nothing(f, act);
    }
}

/* Back to the screen the idle warning covered, every answer kept. */
static int more_time(ov_flow *f, uint64_t now)
{
    return go(f, f->warned_from, now);
}

static int act_idle_warning(ov_flow *f, ov_action act, uint64_t now)
{
    int moved = focus_act(f, act);
    if (moved >= 0)
        return moved;
    if (act == OV_ACT_ACTIVATE)
        return has_focus(f) ? activate_focus(f, now) : more_time(f, now);
    return more_time(f, now); /* any press means someone is there */
}

int ov_flow_act(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    if (act == OV_ACT_NONE)
        return OV_FLOW_NOTHING;
    f->last_input_ms = now;
    if (now < f->lockout_until_ms && act != OV_ACT_HEAR_AGAIN)
        return OV_FLOW_NOTHING;
    if (act == OV_ACT_HEAR_AGAIN)
        return OV_FLOW_SPEAK;
    if (f->screen == OV_SCREEN_MORE || f->screen == OV_SCREEN_WHO)
        return act_views(f, act, arg, now); /* issue 14 views */
    if (act == OV_ACT_MORE)
        return f->screen == OV_SCREEN_QUESTION ? open_more(f, now) : OV_FLOW_NOTHING;
    switch (f->screen) {
    case OV_SCREEN_WELCOME:
        return act_welcome(f, act, arg, now);
    case OV_SCREEN_SOUND:
        return act_sound(f, act, arg, now);
    case OV_SCREEN_QUESTION:
        return act_question(f, act, arg, now);
    case OV_SCREEN_CONFIRM:
        return act_confirm(f, act, arg, now);
    case OV_SCREEN_REVIEW:
        return act_review(f, act, arg, now);
    case OV_SCREEN_IDLE_WARNING:
        return act_idle_warning(f, act, now);
    case OV_SCREEN_NOT_SAVED:
        if (focus_act(f, act) >= 0)
            return OV_FLOW_REDRAW;
        return save(f, now); /* any other press tries again: the answers are still held */
    case OV_SCREEN_SAVING:
    case OV_SCREEN_THANKS:
    default:
        return OV_FLOW_NOTHING;
    }
}

int ov_flow_committed(ov_flow *f, int ok, uint64_t now)
{
    if (f->screen != OV_SCREEN_SAVING)
        return OV_FLOW_NOTHING;
    if (!ok)
        return go(f, OV_SCREEN_NOT_SAVED, now);
    forget_answers(f);
    f->lockout_until_ms = now + (uint64_t)f->lockout_ms;
    return go(f, OV_SCREEN_THANKS, now) | OV_FLOW_BLINK;
}

static uint64_t later(uint64_t a, uint64_t b) { return a > b ? a : b; }

/* When the current screen's own speech ended (its start while still speaking,
 * unless it has spoken for longer than OV_FLOW_SPEECH_WAIT_MAX_MS). */
static uint64_t quiet_since(const ov_flow *f, uint64_t now)
{
    if (f->speaking && now - f->screen_since_ms < OV_FLOW_SPEECH_WAIT_MAX_MS)
        return now;
    return later(f->screen_since_ms, f->speaking ? f->screen_since_ms : f->speech_end_ms);
}

/* Confirm and review show a choice: the idle warning (which shows none)
 * comes choice_idle_ms after the screen has gone quiet, or at the idle
 * timeout when that is sooner. */
static uint64_t choice_due(const ov_flow *f, uint64_t now)
{
    uint64_t idle = f->last_input_ms + (uint64_t)f->idle_timeout_ms;
    uint64_t choice = later(f->last_input_ms, quiet_since(f, now)) + (uint64_t)f->choice_idle_ms;
    return choice < idle ? choice : idle;
}

/* Does the current screen count idle time, and from when? 0: it does not. */
static int idle_clock(const ov_flow *f, uint64_t now, uint64_t *due)
{
    switch (f->screen) {
    case OV_SCREEN_REVIEW:
        if (f->mode == OV_MODE_ROUND)
            return 0;
        /* fall through */
    case OV_SCREEN_CONFIRM:
        *due = choice_due(f, now);
        return 1;
    case OV_SCREEN_QUESTION:
    case OV_SCREEN_NOT_SAVED:
    case OV_SCREEN_MORE: /* issue 14 views: like the question it belongs to */
    case OV_SCREEN_WHO:
        if (f->mode == OV_MODE_ROUND)
            return 0;
        /* fall through */
    case OV_SCREEN_SOUND: /* holds no answers: back to the welcome, with the usual sound */
        *due = f->last_input_ms + (uint64_t)f->idle_timeout_ms;
        return 1;
    case OV_SCREEN_IDLE_WARNING:
        *due = later(f->last_input_ms, quiet_since(f, now)) + (uint64_t)f->idle_warning_ms;
        return 1;
    case OV_SCREEN_THANKS:
        *due = quiet_since(f, now) + (uint64_t)f->thanks_ms;
        return 1;
    default:
        return 0;
    }
}

/* Nobody answered the warning: forget, and start again for the next person. */
static int forget_and_restart(ov_flow *f, uint64_t now)
{
    forget_answers(f); /* the next person starts fresh and sees nothing */
    f->last_input_ms = now;
    f->keep_sound = 0;
    f->screen_off_asked = -1;
    if (f->mode == OV_MODE_ROUND) {
        f->question = f->round_question;
        return go(f, OV_SCREEN_QUESTION, now);
    }
    return go(f, OV_SCREEN_WELCOME, now);
}

int ov_flow_tick(ov_flow *f, uint64_t now)
{
    uint64_t due;
    if (!idle_clock(f, now, &due) || now < due)
        return OV_FLOW_NOTHING;
    switch (f->screen) {
    case OV_SCREEN_THANKS:
        return forget_and_restart(f, now);
    case OV_SCREEN_IDLE_WARNING:
    case OV_SCREEN_SOUND:
        return forget_and_restart(f, now);
    default:
        f->warned_from = f->screen; /* never forget silently: warn first */
        return go(f, OV_SCREEN_IDLE_WARNING, now);
    }
}

int ov_flow_next_deadline(const ov_flow *f, uint64_t now)
{
    uint64_t due;
    if (!idle_clock(f, now, &due))
        return -1;
    return due <= now ? 0 : (int)(due - now);
}

int ov_flow_pending(const ov_flow *f, int *questions, int *answers, int max)
{
    int n = 0;
    for (int q = 0; q < f->content->n_questions && n < max; q++) {
        if (f->answers[q] < 0 || q == f->practice)
            continue;
        questions[n] = q;
        answers[n] = f->answers[q];
        n++;
    }
    return n;
}

/* The question screen's targets: the answers, "Tell me more" after them (so
 * it is never in their way), hear it again, and Back in a drop-in. */
static int question_targets(const ov_flow *f, ov_target *out, int max)
{
    ov_target t[OV_MAX_ANSWERS + QUESTION_OTHER_TARGETS];
    int n = 0, na = n_answers(f);
    for (int i = 0; i < na; i++)
        t[n++] = (ov_target){ OV_TARGET_ANSWER, i };
    if (ov_more_pages(f->content, f->question) > 0)
        t[n++] = (ov_target){ OV_TARGET_MORE, 0 };
    t[n++] = (ov_target){ OV_TARGET_HEAR_AGAIN, 0 };
    if (f->mode == OV_MODE_DROP_IN && f->question != f->practice && prev_real(f, f->question) >= 0)
        t[n++] = (ov_target){ OV_TARGET_PREVIOUS, 0 };
    if (n > max)
        n = max;
    memcpy(out, t, (size_t)n * sizeof *t);
    return n;
}

int ov_flow_targets(const ov_flow *f, ov_target *out, int max)
{
    int n = 0;
#define ADD(k, i)               \
    do {                        \
        if (n < max) {          \
            out[n].kind = (k);  \
            out[n].index = (i); \
            n++;                \
        }                       \
    } while (0)
    switch (f->screen) {
    case OV_SCREEN_WELCOME:
        ADD(OV_TARGET_START, 0);
        ADD(OV_TARGET_HEAR_AGAIN, 0);
        ADD(OV_TARGET_SOUND, 0); /* last: never in the way of starting */
        break;
    case OV_SCREEN_SOUND:
        for (int i = 0; i < OV_SOUND_STEPS; i++)
            ADD(OV_TARGET_SOUND_STEP, i);
        ADD(OV_TARGET_BACK, 0);
        if (f->screen_off_offered)
            ADD(OV_TARGET_SCREEN_OFF, 0);
        ADD(OV_TARGET_HEAR_AGAIN, 0);
        break;
    case OV_SCREEN_QUESTION:
        n = question_targets(f, out, max);
        break;
    case OV_SCREEN_CONFIRM:
        ADD(OV_TARGET_YES, 0);
        ADD(OV_TARGET_NO, 0);
        ADD(OV_TARGET_HEAR_AGAIN, 0);
        break;
    case OV_SCREEN_REVIEW:
        ADD(OV_TARGET_SAVE, 0);
        for (int q = 0; q < f->content->n_questions; q++)
            if (f->answers[q] >= 0)
                ADD(OV_TARGET_REVIEW_ITEM, q);
        ADD(OV_TARGET_HEAR_AGAIN, 0);
        break;
    case OV_SCREEN_IDLE_WARNING:
        ADD(OV_TARGET_MORE_TIME, 0);
        ADD(OV_TARGET_HEAR_AGAIN, 0);
        break;
    case OV_SCREEN_NOT_SAVED:
        ADD(OV_TARGET_START, 0);
        ADD(OV_TARGET_HEAR_AGAIN, 0);
        break;
    case OV_SCREEN_THANKS:
        ADD(OV_TARGET_HEAR_AGAIN, 0);
        break;
    default:
        n = views_targets(f, out, max); /* issue 14 views */
        break;
    }
#undef ADD
    return n;
}

ov_action ov_flow_target_action(ov_target t, int *arg)
{
    *arg = t.index;
    switch (t.kind) {
    case OV_TARGET_START:
        return OV_ACT_ANY;
    case OV_TARGET_ANSWER:
        return OV_ACT_CHOOSE;
    case OV_TARGET_YES:
    case OV_TARGET_SAVE:
        return OV_ACT_YES;
    case OV_TARGET_NO:
        return OV_ACT_NO;
    case OV_TARGET_HEAR_AGAIN:
        return OV_ACT_HEAR_AGAIN;
    case OV_TARGET_PREVIOUS:
        return OV_ACT_PREVIOUS;
    case OV_TARGET_REVIEW_ITEM:
        return OV_ACT_CHANGE;
    case OV_TARGET_MORE_TIME:
        return OV_ACT_MORE_TIME;
    case OV_TARGET_MORE: /* issue 14 views */
        return OV_ACT_MORE;
    case OV_TARGET_BACK:
        return OV_ACT_NO;
    case OV_TARGET_NEXT:
        return OV_ACT_YES; /* on "Tell me more": the next page */
    case OV_TARGET_GROUP:
        return OV_ACT_CHOOSE;
    case OV_TARGET_SOUND:
        return OV_ACT_SOUND;
    case OV_TARGET_SOUND_STEP:
        return OV_ACT_SOUND_STEP;
    case OV_TARGET_SCREEN_OFF:
        return OV_ACT_SCREEN_OFF;
    default:
        return OV_ACT_NONE;
    }
}

void ov_flow_progress(const ov_flow *f, int *number, int *total)
{
    int n = 0, total_real = 0;
    for (int q = 0; q < f->content->n_questions; q++)
        if (q != f->practice) {
            total_real++;
            n += q <= f->question;
        }
    *number = f->question == f->practice ? 0 : n; /* 0: the practice question */
    *total = total_real;
}

/* ---- issue 14 views (g14views): "Tell me more" and "Who are you today?" ---- */

int ov_flow_group(const ov_flow *f)
{
    return f->group >= 0 && f->group < f->content->who.n_groups ? f->group : -1;
}

static int open_more(ov_flow *f, uint64_t now)
{
    if (ov_more_pages(f->content, f->question) <= 0)
        return OV_FLOW_NOTHING;
    f->more_page = 0;
    return go(f, OV_SCREEN_MORE, now);
}

/* The highlight's actions (move it, press what it is on) on the views
 * screens; any other action does nothing. */
static int views_focus_act(ov_flow *f, ov_action act, uint64_t now)
{
    if (act == OV_ACT_FOCUS_NEXT || act == OV_ACT_FOCUS_PREV)
        return move_focus(f, act == OV_ACT_FOCUS_NEXT ? 1 : -1);
    if (act == OV_ACT_ACTIVATE)
        return activate_focus(f, now);
    return OV_FLOW_NOTHING;
}

/* "Tell me more": Next pages on, Back (or any answer press) returns to the
 * question with every answer kept; an answer press also chooses it. */
static int act_more(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    switch (act) {
    case OV_ACT_YES:
        if (f->more_page + 1 >= ov_more_pages(f->content, f->question))
            return OV_FLOW_NOTHING;
        f->more_page++;
        return go(f, OV_SCREEN_MORE, now);
    case OV_ACT_NO:
    case OV_ACT_ANY:
        return go(f, OV_SCREEN_QUESTION, now);
    case OV_ACT_CHOOSE:
        go(f, OV_SCREEN_QUESTION, now);
        return choose(f, arg, now) | OV_FLOW_REDRAW | OV_FLOW_SPEAK;
    default:
        return views_focus_act(f, act, now);
    }
}

/* "Who are you today?": a group (or skip, index n_groups), then question 1. */
static int act_who(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    int n = f->content->who.n_groups;
    switch (act) {
    case OV_ACT_CHOOSE:
        if (arg < 0 || arg > n)
            return OV_FLOW_NOTHING;
        f->group = arg < n ? arg : -1;
        f->question = f->practice >= 0 ? f->practice : next_real(f, -1);
        return go(f, OV_SCREEN_QUESTION, now);
    case OV_ACT_NO: /* "go back" on the first screen: back to welcome, nothing kept */
        forget_answers(f);
        return go(f, OV_SCREEN_WELCOME, now);
    default:
        return views_focus_act(f, act, now);
    }
}

static int act_views(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    return f->screen == OV_SCREEN_MORE ? act_more(f, act, arg, now) : act_who(f, act, arg, now);
}

static int views_targets(const ov_flow *f, ov_target *out, int max)
{
    int n = 0;
    if (f->screen == OV_SCREEN_MORE) {
        if (n < max)
            out[n++] = (ov_target){ OV_TARGET_BACK, 0 };
        if (n < max && f->more_page + 1 < ov_more_pages(f->content, f->question))
            out[n++] = (ov_target){ OV_TARGET_NEXT, 0 };
    } else if (f->screen == OV_SCREEN_WHO) {
        for (int i = 0; i <= f->content->who.n_groups && n < max; i++)
            out[n++] = (ov_target){ OV_TARGET_GROUP, i };
    } else {
        return 0;
    }
    if (n < max)
        out[n++] = (ov_target){ OV_TARGET_HEAR_AGAIN, 0 };
    return n;
}
