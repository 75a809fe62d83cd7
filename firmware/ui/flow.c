/* flow.c — the member-facing screen flow as a pure state machine. */
#include "ui/flow.h"

#include <string.h>

static const char *const screen_names[OV_SCREEN_COUNT] = {
    "welcome", "question", "confirm", "saving", "thanks", "not-saved", "more", "who",
};

/* issue 14 views (g14views): defined at the end of this file */
static int act_views(ov_flow *f, ov_action act, int arg, uint64_t now);
static int open_more(ov_flow *f, uint64_t now);
static int views_targets(const ov_flow *f, ov_target *out, int max);
static int tick_views(ov_flow *f, uint64_t now);

const char *ov_screen_name(ov_screen s)
{
    return (s >= 0 && s < OV_SCREEN_COUNT) ? screen_names[s] : "unknown";
}

static void forget_answers(ov_flow *f)
{
    for (int i = 0; i < OV_MAX_QUESTIONS; i++)
        f->answers[i] = -1;
    f->chosen = -1;
    f->group = -1;
}

static int go(ov_flow *f, ov_screen s, uint64_t now)
{
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
    forget_answers(f);
    f->last_input_ms = now_ms;
    go(f, OV_SCREEN_WELCOME, now_ms);
}

void ov_flow_set_round(ov_flow *f, int q, uint64_t now_ms)
{
    forget_answers(f);
    if (q >= 0 && q < f->content->n_questions) {
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

static int n_answers(const ov_flow *f)
{
    const ov_answer *a[OV_MAX_ANSWERS];
    return ov_question_answers(f->content, f->question, a);
}

/* The member has settled on answer `pos` for the current question. */
static int settle(ov_flow *f, int pos, uint64_t now)
{
    f->answers[f->question] = pos;
    f->chosen = -1;
    if (f->mode == OV_MODE_ROUND || f->question + 1 >= f->content->n_questions) {
        go(f, OV_SCREEN_SAVING, now);
        return OV_FLOW_REDRAW | OV_FLOW_WANT_COMMIT;
    }
    f->question++;
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

static int act_welcome(ov_flow *f, ov_action act, uint64_t now)
{
    if (act == OV_ACT_FOCUS_NEXT || act == OV_ACT_FOCUS_PREV)
        return move_focus(f, act == OV_ACT_FOCUS_NEXT ? 1 : -1);
    forget_answers(f);
    f->question = 0;
    if (f->content->n_questions == 0)
        return OV_FLOW_NOTHING;
    if (f->mode == OV_MODE_DROP_IN && f->content->who.n_groups > 0)
        return go(f, OV_SCREEN_WHO, now); /* issue 14: whose view, before the questions */
    return go(f, OV_SCREEN_QUESTION, now);
}

static int act_question(ov_flow *f, ov_action act, int arg, uint64_t now)
{
    switch (act) {
    case OV_ACT_CHOOSE:
        return choose(f, arg, now);
    case OV_ACT_FOCUS_NEXT:
        return move_focus(f, 1);
    case OV_ACT_FOCUS_PREV:
        return move_focus(f, -1);
    case OV_ACT_ACTIVATE: {
        ov_target t[OV_MAX_TARGETS];
        int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
        if (f->focus < 0 || f->focus >= n)
            return move_focus(f, 1); /* first press shows the highlight */
        int a;
        ov_action next = ov_flow_target_action(t[f->focus], &a);
        return next == OV_ACT_ACTIVATE ? OV_FLOW_NOTHING : ov_flow_act(f, next, a, now);
    }
    case OV_ACT_NO:
        if (f->mode == OV_MODE_DROP_IN && f->question > 0) {
            f->question--;
            return go(f, OV_SCREEN_QUESTION, now);
        }
        return OV_FLOW_NOTHING;
    default:
        return OV_FLOW_NOTHING;
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
    case OV_ACT_FOCUS_NEXT:
        return move_focus(f, 1);
    case OV_ACT_FOCUS_PREV:
        return move_focus(f, -1);
    case OV_ACT_ACTIVATE: {
        ov_target t[OV_MAX_TARGETS];
        int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
        if (f->focus < 0 || f->focus >= n)
            return settle(f, f->chosen, now); /* Enter with no highlight = "that's right" */
        int a;
        ov_action next = ov_flow_target_action(t[f->focus], &a);
        return ov_flow_act(f, next, a, now);
    }
    default:
        return OV_FLOW_NOTHING;
    }
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
        return act_welcome(f, act, now);
    case OV_SCREEN_QUESTION:
        return act_question(f, act, arg, now);
    case OV_SCREEN_CONFIRM:
        return act_confirm(f, act, arg, now);
    case OV_SCREEN_NOT_SAVED:
        /* Any press tries again: the answers are still held. */
        go(f, OV_SCREEN_SAVING, now);
        return OV_FLOW_REDRAW | OV_FLOW_WANT_COMMIT;
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

int ov_flow_tick(ov_flow *f, uint64_t now)
{
    if (f->screen == OV_SCREEN_MORE || f->screen == OV_SCREEN_WHO)
        return tick_views(f, now); /* issue 14 views */
    switch (f->screen) {
    case OV_SCREEN_THANKS:
        if (now - f->screen_since_ms >= (uint64_t)f->thanks_ms) {
            f->last_input_ms = now;
            if (f->mode == OV_MODE_ROUND) {
                f->question = f->round_question;
                return go(f, OV_SCREEN_QUESTION, now);
            }
            return go(f, OV_SCREEN_WELCOME, now);
        }
        return OV_FLOW_NOTHING;
    case OV_SCREEN_QUESTION:
    case OV_SCREEN_CONFIRM:
    case OV_SCREEN_NOT_SAVED:
        if (f->mode == OV_MODE_DROP_IN && now - f->last_input_ms >= (uint64_t)f->idle_timeout_ms) {
            forget_answers(f); /* the next person starts fresh and sees nothing */
            return go(f, OV_SCREEN_WELCOME, now);
        }
        if (f->mode == OV_MODE_ROUND && f->screen == OV_SCREEN_CONFIRM &&
            now - f->last_input_ms >= (uint64_t)f->idle_timeout_ms) {
            forget_answers(f);
            f->question = f->round_question;
            return go(f, OV_SCREEN_QUESTION, now);
        }
        return OV_FLOW_NOTHING;
    default:
        return OV_FLOW_NOTHING;
    }
}

int ov_flow_next_deadline(const ov_flow *f, uint64_t now)
{
    uint64_t due;
    switch (f->screen) {
    case OV_SCREEN_THANKS:
        due = f->screen_since_ms + (uint64_t)f->thanks_ms;
        break;
    case OV_SCREEN_QUESTION:
    case OV_SCREEN_CONFIRM:
    case OV_SCREEN_NOT_SAVED:
    case OV_SCREEN_MORE: /* issue 14 views: idle on these returns like on a question */
    case OV_SCREEN_WHO:
        if (f->mode == OV_MODE_ROUND && f->screen != OV_SCREEN_CONFIRM && f->screen != OV_SCREEN_MORE)
            return -1;
        due = f->last_input_ms + (uint64_t)f->idle_timeout_ms;
        break;
    default:
        return -1;
    }
    return due <= now ? 0 : (int)(due - now);
}

int ov_flow_pending(const ov_flow *f, int *questions, int *answers, int max)
{
    int n = 0;
    for (int q = 0; q < f->content->n_questions && n < max; q++) {
        if (f->answers[q] < 0)
            continue;
        questions[n] = q;
        answers[n] = f->answers[q];
        n++;
    }
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
        break;
    case OV_SCREEN_QUESTION: {
        int na = n_answers(f);
        for (int i = 0; i < na; i++)
            ADD(OV_TARGET_ANSWER, i);
        if (ov_more_pages(f->content, f->question) > 0)
            ADD(OV_TARGET_MORE, 0); /* issue 14: after the answers, so it is never in their way */
        ADD(OV_TARGET_HEAR_AGAIN, 0);
        break;
    }
    case OV_SCREEN_CONFIRM:
        ADD(OV_TARGET_YES, 0);
        ADD(OV_TARGET_NO, 0);
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
        return OV_ACT_YES;
    case OV_TARGET_NO:
        return OV_ACT_NO;
    case OV_TARGET_HEAR_AGAIN:
        return OV_ACT_HEAR_AGAIN;
    case OV_TARGET_MORE: /* issue 14 views */
        return OV_ACT_MORE;
    case OV_TARGET_BACK:
        return OV_ACT_NO;
    case OV_TARGET_NEXT:
        return OV_ACT_YES; /* on "Tell me more": the next page */
    case OV_TARGET_GROUP:
        return OV_ACT_CHOOSE;
    default:
        return OV_ACT_NONE;
    }
}

void ov_flow_progress(const ov_flow *f, int *number, int *total)
{
    *number = f->question + 1;
    *total = f->content->n_questions;
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

/* Press what is highlighted (or, with no highlight, show the highlight). */
static int activate_focus(ov_flow *f, uint64_t now)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
    if (f->focus < 0 || f->focus >= n)
        return move_focus(f, 1);
    int a;
    ov_action next = ov_flow_target_action(t[f->focus], &a);
    return next == OV_ACT_ACTIVATE ? OV_FLOW_NOTHING : ov_flow_act(f, next, a, now);
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
    case OV_ACT_FOCUS_NEXT:
    case OV_ACT_FOCUS_PREV:
        return move_focus(f, act == OV_ACT_FOCUS_NEXT ? 1 : -1);
    case OV_ACT_ACTIVATE:
        return activate_focus(f, now);
    default:
        return OV_FLOW_NOTHING;
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
        f->question = 0;
        return go(f, OV_SCREEN_QUESTION, now);
    case OV_ACT_NO: /* "go back" on the first screen: back to welcome, nothing kept */
        forget_answers(f);
        return go(f, OV_SCREEN_WELCOME, now);
    case OV_ACT_FOCUS_NEXT:
    case OV_ACT_FOCUS_PREV:
        return move_focus(f, act == OV_ACT_FOCUS_NEXT ? 1 : -1);
    case OV_ACT_ACTIVATE:
        return activate_focus(f, now);
    default:
        return OV_FLOW_NOTHING;
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

/* Idle on these screens: drop-in forgets everything (welcome); a round goes
 * back to its question. */
static int tick_views(ov_flow *f, uint64_t now)
{
    if (now - f->last_input_ms < (uint64_t)f->idle_timeout_ms)
        return OV_FLOW_NOTHING;
    forget_answers(f);
    if (f->mode == OV_MODE_ROUND) {
        f->question = f->round_question;
        return go(f, OV_SCREEN_QUESTION, now);
    }
    return go(f, OV_SCREEN_WELCOME, now);
}
