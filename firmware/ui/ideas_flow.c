/* ideas_flow.c — a member's priorities choice (ui/ideas_flow.h). */
#include "ui/ideas_flow.h"

#include <string.h>

static void go(ov_ideas_flow *f, ov_ideas_screen s, uint64_t now)
{
    f->screen = s;
    f->screen_since_ms = now;
    f->focus = -1;
}

/* A fresh turn for the next member. */
static void fresh(ov_ideas_flow *f, uint64_t now)
{
    memset(f->chosen, 0, sizeof f->chosen);
    f->note = OV_IDEAS_NOTE_NONE;
    go(f, OV_IDEAS_CHOOSE, now);
}

void ov_ideas_flow_init(ov_ideas_flow *f, int n_ideas, int max_choices, int idle_timeout_ms, int thanks_ms,
                        int lockout_ms, uint64_t now_ms)
{
    memset(f, 0, sizeof *f);
    f->n_ideas = n_ideas < OV_IDEAS_MAX ? n_ideas : OV_IDEAS_MAX;
    f->max_choices = max_choices < 1 ? 1 : max_choices;
    f->idle_timeout_ms = idle_timeout_ms;
    f->thanks_ms = thanks_ms;
    f->lockout_ms = lockout_ms;
    f->last_input_ms = now_ms;
    fresh(f, now_ms);
}

int ov_ideas_flow_count(const ov_ideas_flow *f)
{
    int n = 0;
    for (int i = 0; i < f->n_ideas; i++)
        n += f->chosen[i];
    return n;
}

int ov_ideas_flow_targets(const ov_ideas_flow *f, ov_target *out, int max)
{
    int n = 0;
    if (f->screen == OV_IDEAS_CHOOSE)
        for (int i = 0; i < f->n_ideas && n < max; i++)
            out[n++] = (ov_target){OV_TARGET_ANSWER, i};
    if ((f->screen == OV_IDEAS_CHOOSE || f->screen == OV_IDEAS_REVIEW) && n < max)
        out[n++] = (ov_target){OV_TARGET_YES, 0};
    if (f->screen == OV_IDEAS_REVIEW && n < max)
        out[n++] = (ov_target){OV_TARGET_NO, 0};
    if (f->screen != OV_IDEAS_THANKS && n < max)
        out[n++] = (ov_target){OV_TARGET_HEAR_AGAIN, 0};
    return n;
}

static int toggle(ov_ideas_flow *f, int idea)
{
    if (f->screen != OV_IDEAS_CHOOSE || idea < 0 || idea >= f->n_ideas)
        return OV_FLOW_NOTHING;
    if (!f->chosen[idea] && ov_ideas_flow_count(f) >= f->max_choices) {
        f->note = OV_IDEAS_NOTE_FULL; /* say so, change nothing */
        return OV_FLOW_REDRAW | OV_FLOW_SPEAK;
    }
    f->chosen[idea] = !f->chosen[idea];
    f->note = OV_IDEAS_NOTE_NONE;
    return OV_FLOW_REDRAW;
}

static int yes(ov_ideas_flow *f, uint64_t now)
{
    if (f->screen == OV_IDEAS_CHOOSE) {
        if (ov_ideas_flow_count(f) == 0) {
            f->note = OV_IDEAS_NOTE_NONE_CHOSEN;
            return OV_FLOW_REDRAW | OV_FLOW_SPEAK;
        }
        go(f, OV_IDEAS_REVIEW, now);
        return OV_FLOW_REDRAW | OV_FLOW_SPEAK;
    }
    if (f->screen == OV_IDEAS_REVIEW)
        return OV_FLOW_WANT_COMMIT;
    if (f->screen == OV_IDEAS_NOT_SAVED) {
        fresh(f, now);
        return OV_FLOW_REDRAW | OV_FLOW_SPEAK;
    }
    return OV_FLOW_NOTHING;
}

static int activate(ov_ideas_flow *f, uint64_t now)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_ideas_flow_targets(f, t, OV_MAX_TARGETS);
    if (f->focus < 0 || f->focus >= n)
        return OV_FLOW_NOTHING;
    int arg;
    ov_action a = ov_flow_target_action(t[f->focus], &arg);
    return ov_ideas_flow_act(f, a, arg, now);
}

static int move_focus(ov_ideas_flow *f, int step)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_ideas_flow_targets(f, t, OV_MAX_TARGETS);
    if (n == 0)
        return OV_FLOW_NOTHING;
    f->focus = f->focus < 0 ? (step > 0 ? 0 : n - 1) : (f->focus + step + n) % n;
    return OV_FLOW_REDRAW;
}

int ov_ideas_flow_act(ov_ideas_flow *f, ov_action act, int arg, uint64_t now_ms)
{
    if (now_ms < f->lockout_until_ms || f->screen == OV_IDEAS_THANKS)
        return OV_FLOW_NOTHING; /* repeats right after a vote; thank-you runs its course */
    f->last_input_ms = now_ms;
    switch (act) {
    case OV_ACT_CHOOSE:
        return toggle(f, arg);
    case OV_ACT_YES:
        return yes(f, now_ms);
    case OV_ACT_NO:
        if (f->screen != OV_IDEAS_REVIEW)
            return OV_FLOW_NOTHING;
        go(f, OV_IDEAS_CHOOSE, now_ms);
        return OV_FLOW_REDRAW | OV_FLOW_SPEAK;
    case OV_ACT_FOCUS_NEXT:
        return move_focus(f, 1);
    case OV_ACT_FOCUS_PREV:
        return move_focus(f, -1);
    case OV_ACT_ACTIVATE:
        return activate(f, now_ms);
    case OV_ACT_HEAR_AGAIN:
        return OV_FLOW_SPEAK;
    default:
        return OV_FLOW_NOTHING;
    }
}

int ov_ideas_flow_pending(const ov_ideas_flow *f, int *out, int max)
{
    int n = 0;
    for (int i = 0; i < f->n_ideas && n < max; i++)
        if (f->chosen[i])
            out[n++] = i;
    return n;
}

int ov_ideas_flow_committed(ov_ideas_flow *f, int ok, uint64_t now_ms)
{
    memset(f->chosen, 0, sizeof f->chosen); /* nothing of this member's choice stays in memory */
    f->note = OV_IDEAS_NOTE_NONE;
    go(f, ok ? OV_IDEAS_THANKS : OV_IDEAS_NOT_SAVED, now_ms);
    if (ok)
        f->lockout_until_ms = now_ms + (uint64_t)f->lockout_ms;
    return OV_FLOW_REDRAW | OV_FLOW_SPEAK | (ok ? OV_FLOW_BLINK : 0);
}

int ov_ideas_flow_tick(ov_ideas_flow *f, uint64_t now_ms)
{
    if (f->screen == OV_IDEAS_THANKS && now_ms >= f->screen_since_ms + (uint64_t)f->thanks_ms) {
        fresh(f, now_ms);
        return OV_FLOW_REDRAW | OV_FLOW_SPEAK;
    }
    int busy = ov_ideas_flow_count(f) > 0 || f->screen == OV_IDEAS_REVIEW;
    if (busy && f->idle_timeout_ms > 0 && now_ms >= f->last_input_ms + (uint64_t)f->idle_timeout_ms) {
        fresh(f, now_ms); /* the next person starts fresh: nobody sees a half-made choice */
        return OV_FLOW_REDRAW | OV_FLOW_SPEAK;
    }
    return OV_FLOW_NOTHING;
}

int ov_ideas_flow_next_deadline(const ov_ideas_flow *f, uint64_t now_ms)
{
    uint64_t due = 0;
    if (f->screen == OV_IDEAS_THANKS)
        due = f->screen_since_ms + (uint64_t)f->thanks_ms;
    else if ((ov_ideas_flow_count(f) > 0 || f->screen == OV_IDEAS_REVIEW) && f->idle_timeout_ms > 0)
        due = f->last_input_ms + (uint64_t)f->idle_timeout_ms;
    else
        return -1;
    return due <= now_ms ? 0 : (int)(due - now_ms);
}
