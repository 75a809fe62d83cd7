/* facilitator.c — facilitator mode screens and what their buttons do. */
#include "ui/facilitator.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Most digits the PIN pad takes, and the fewest a PIN has (shown as "_"). */
#define OV_FAC_PIN_MAX_TYPED 8
#define OV_FAC_PIN_MIN_TYPED 4

static const char *const meeting_names[] = { "Drop-in", "Group meeting", "Peer network", "Members and staff",
                                             "Training day" };

void ov_fac_init(ov_fac *f, const ov_content *c, const char *stored_hash, const char *meeting)
{
    memset(f, 0, sizeof *f);
    f->content = c;
    f->stored_hash = stored_hash ? stored_hash : "";
    ov_pin_guard_init(&f->guard);
    ov_strlcpy(f->meeting, meeting ? meeting : "drop-in", sizeof f->meeting);
    f->chosen_round = -1;
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(f->today, sizeof f->today, "%Y-%m-%d", &tm);
}

void ov_fac_set_flow(ov_fac *f, const ov_flow *flow) { f->flow = flow; }

static int open_round(const ov_fac *f) { return f->flow ? ov_flow_round(f->flow) : -1; }

static int check_step_on(const ov_fac *f) { return f->flow ? f->flow->confirm_step : 1; }

void ov_fac_open(ov_fac *f, int key, uint64_t now_ms)
{
    f->typed[0] = '\0';
    f->message[0] = '\0';
    f->now_ms = now_ms;
    f->screen = key ? OV_FAC_MENU : OV_FAC_PIN;
}

int ov_menu_find(const ov_menu *m, ov_menu_action action, int arg)
{
    for (int i = 0; i < m->n_items; i++)
        if (m->items[i].action == action && (action != OV_MENU_DIGIT || m->items[i].arg == arg))
            return i;
    return -1;
}

static void item(ov_menu *m, const char *label, const char *icon, ov_menu_style style, ov_menu_action action,
                 int arg)
{
    if (m->n_items >= OV_MENU_MAX_ITEMS)
        return;
    ov_menu_item *it = &m->items[m->n_items++];
    ov_strlcpy(it->label, label, sizeof it->label);
    it->icon = icon;
    it->style = style;
    it->action = action;
    it->arg = arg;
}

static void line(ov_menu *m, const char *fmt, const char *a)
{
    if (m->n_lines >= OV_MENU_MAX_LINES)
        return;
    snprintf(m->lines[m->n_lines++], sizeof m->lines[0], fmt, a);
}

/* The PIN pad in a phone's layout: 1 2 3 / 4 5 6 / 7 8 9 / Delete 0 OK, then Cancel. */
static void keypad(ov_menu *m, const char *ok_label)
{
    static const char *const keys[12] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", NULL, "0", NULL };
    m->keypad = 1;
    for (int i = 0; i < 12; i++) {
        if (i == 9)
            item(m, "Delete", "control-go-back.svg", OV_MENU_PLAIN, OV_MENU_DELETE, 0);
        else if (i == 11)
            item(m, ok_label, "control-thats-right.svg", OV_MENU_GO, OV_MENU_OK, 0);
        else
            item(m, keys[i], NULL, OV_MENU_PLAIN, OV_MENU_DIGIT, keys[i][0] - '0');
    }
    item(m, "Cancel", NULL, OV_MENU_STOP, OV_MENU_CANCEL, 0);
}

/* The typed digits as stars: shown, never spoken. */
static void typed_line(const ov_fac *f, ov_menu *m)
{
    m->secret_line = m->n_lines;
    char dots[64] = "PIN:";
    size_t n = strlen(f->typed);
    for (size_t i = 0; i < OV_FAC_PIN_MAX_TYPED; i++)
        strcat(dots, i < n ? " *" : (i < OV_FAC_PIN_MIN_TYPED ? " _" : ""));
    line(m, "%s", dots);
}

static void menu_pin(const ov_fac *f, ov_menu *m)
{
    if (!ov_pin_is_set(f->stored_hash)) { /* no default PIN: only the key switch opens */
        ov_strlcpy(m->title, "Facilitator: no PIN is set", sizeof m->title);
        line(m, "%s", "Turn the key switch to open facilitator mode.");
        line(m, "%s", "Then press Change PIN, or run set-pin.sh.");
        keypad(m, "OK");
        return;
    }
    ov_strlcpy(m->title, "Facilitator: type the PIN", sizeof m->title);
    typed_line(f, m);
    if (f->message[0])
        line(m, "%s", f->message);
    uint64_t wait = ov_pin_wait_ms(&f->guard, f->now_ms);
    if (wait > 0) {
        char w[OV_SENTENCE_LEN];
        snprintf(w, sizeof w, "Wait %d seconds, then try again.", (int)((wait + 999) / 1000));
        line(m, "%s", w);
    }
    keypad(m, "OK");
}

static void menu_new_pin(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, f->first_new[0] ? "Type the new PIN again" : "Choose a new PIN", sizeof m->title);
    typed_line(f, m);
    line(m, "%s", f->message[0] ? f->message : "Use 4 to 8 numbers. Do not use 1234.");
    keypad(m, "OK");
}

static void menu_main(const ov_fac *f, ov_menu *m)
{
    const ov_content *c = f->content;
    ov_strlcpy(m->title, "Facilitator", sizeof m->title);
    line(m, "Meeting: %s", f->meeting);
    if (open_round(f) >= 0 && open_round(f) < c->n_questions)
        line(m, "Round open: %s", c->questions[open_round(f)].title);
    else
        line(m, "%s", "Voting: drop-in, one person at a time.");
    line(m, "%s", f->stick_present ? "USB stick: ready." : "USB stick: not in.");
    if (f->problem[0]) { /* its first sentence; the log has the rest */
        char first[OV_SENTENCE_LEN];
        ov_strlcpy(first, f->problem, sizeof first);
        char *stop = strstr(first, ". ");
        if (stop)
            stop[1] = '\0';
        line(m, "To check: %s", first);
    }
    item(m, "Results", "control-results.svg", OV_MENU_PLAIN, OV_MENU_RESULTS, 0);
    item(m, "New meeting", "control-start.svg", OV_MENU_PLAIN, OV_MENU_MEETING, 0);
    if (open_round(f) >= 0)
        item(m, "Close the round", "control-secret.svg", OV_MENU_STOP, OV_MENU_CLOSE_ROUND, 0);
    else
        item(m, "Open a round", "control-next.svg", OV_MENU_PLAIN, OV_MENU_ROUND, 0);
    item(m, "Save to USB stick", "control-usb.svg", OV_MENU_PLAIN, OV_MENU_EXPORT, 0);
    if (f->export_verified)
        item(m, "Clear votes", "control-warning.svg", OV_MENU_STOP, OV_MENU_CLEAR, 0);
    if (f->stick_has_content)
        item(m, "New questions", "control-usb.svg", OV_MENU_PLAIN, OV_MENU_IMPORT, 0);
    else if (f->has_previous)
        item(m, "Old questions back", "control-go-back.svg", OV_MENU_PLAIN, OV_MENU_RESTORE, 0);
    item(m, "Change PIN", "control-facilitator.svg", OV_MENU_PLAIN, OV_MENU_CHANGE_PIN, 0);
    item(m, "Settings", "control-settings.svg", OV_MENU_PLAIN, OV_MENU_SETTINGS, 0);
    item(m, "Back to voting", "control-thats-right.svg", OV_MENU_GO, OV_MENU_EXIT, 0);
}

static void menu_results(const ov_fac *f, ov_menu *m)
{
    const ov_content *c = f->content;
    const ov_results *r = f->results;
    if (!r || r->n_questions == 0) {
        ov_strlcpy(m->title, "Results", sizeof m->title);
        line(m, "%s: nobody answered.", r && r->meeting[0] ? r->meeting : "This meeting");
    } else {
        const ov_result_question *q = &r->questions[f->results_q];
        ov_strlcpy(m->title, q->title, sizeof m->title);
        /* which meeting (the one closed last, not the one going on now), then what most said,
         * or (issue 14) what most said last time and this time; then the groups side by side */
        char summary[OV_SENTENCE_LEN], which[sizeof q->compare + OV_MEETING_LEN + 4];
        ov_results_summary(q, summary, sizeof summary);
        snprintf(which, sizeof which, "%s. %s", r->meeting, q->compare[0] ? q->compare : summary);
        line(m, "%s", which);
        if (q->groups_line[0])
            line(m, "%s", q->groups_line);
        if (!q->is_protected && q->total > 0) {
            for (int i = 0; i < q->n_answers && m->n_bars < OV_MENU_MAX_BARS; i++) {
                ov_menu_bar *b = &m->bars[m->n_bars++];
                ov_strlcpy(b->word, q->answers[i].word, sizeof b->word);
                ov_strlcpy(b->colour, q->answers[i].colour, sizeof b->colour);
                b->count = q->answers[i].count;
                b->last_time = q->compare[0] && q->before_top == i;
                if (b->count > m->bar_max)
                    m->bar_max = b->count;
                if (c) { /* the answer's face, from the content */
                    for (int s = 0; s < c->n_scales; s++)
                        for (int a = 0; a < c->scales[s].n_answers; a++)
                            if (!strcmp(c->scales[s].answers[a].id, q->answers[i].id) &&
                                c->scales[s].answers[a].picture[0] && !b->picture[0])
                                ov_content_path(c, c->scales[s].answers[a].picture, b->picture,
                                                sizeof b->picture);
                }
            }
        }
        if (r->n_questions > 1)
            item(m, "Back", "control-go-back.svg", OV_MENU_PLAIN, OV_MENU_PREV_Q, 0);
        if (r->n_questions > 1)
            item(m, "Next question", "control-next.svg", OV_MENU_PLAIN, OV_MENU_NEXT_Q, 0);
    }
    item(m, "Menu", "control-facilitator.svg", OV_MENU_GO, OV_MENU_MENU, 0);
}

static void menu_meeting(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, "Start a new meeting", sizeof m->title);
    line(m, "%s", "Choose a name. Today's date is added to it.");
    line(m, "Votes from now on count for the new meeting.%s", "");
    for (size_t i = 0; i < sizeof meeting_names / sizeof meeting_names[0]; i++)
        item(m, meeting_names[i], NULL, OV_MENU_PLAIN, OV_MENU_PICK_MEETING, (int)i);
    item(m, "End this meeting", "control-secret.svg", OV_MENU_STOP, OV_MENU_END_MEETING, 0);
    item(m, "Cancel", NULL, OV_MENU_STOP, OV_MENU_MENU, 0);
}

static void menu_round(const ov_fac *f, ov_menu *m)
{
    const ov_content *c = f->content;
    ov_strlcpy(m->title, "Open a round: choose the question", sizeof m->title);
    line(m, "%s", "Each press is one vote. Results stay hidden until you close the round.");
    for (int q = 0; q < c->n_questions && m->n_items < OV_MENU_MAX_ITEMS - 2; q++)
        item(m, c->questions[q].title, NULL, OV_MENU_PLAIN, OV_MENU_PICK_ROUND, q);
    item(m, "Ideas and priorities", "control-thats-right.svg", OV_MENU_PLAIN, OV_MENU_IDEAS, 0);
    item(m, "Cancel", NULL, OV_MENU_STOP, OV_MENU_MENU, 0);
}

static void menu_confirm_clear(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, "Clear all votes?", sizeof m->title);
    line(m, "%s", "The votes are saved on the USB stick.");
    line(m, "%s", "Clearing removes them from this kiosk. This cannot be undone.");
    item(m, "Yes, clear them", "control-warning.svg", OV_MENU_STOP, OV_MENU_CONFIRM_CLEAR, 0);
    item(m, "No, keep them", "control-go-back.svg", OV_MENU_GO, OV_MENU_MENU, 0);
}

static void menu_import(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, f->import_ok ? "New questions on the USB stick" : "These questions cannot be used",
               sizeof m->title);
    for (int i = 0; i < f->n_import_lines; i++)
        line(m, "%s", f->import_lines[i]);
    if (f->import_ok)
        item(m, "Use them", "control-thats-right.svg", OV_MENU_GO, OV_MENU_CONFIRM_IMPORT, 0);
    item(m, f->import_ok ? "Keep the old ones" : "Back", "control-go-back.svg", OV_MENU_PLAIN, OV_MENU_MENU,
         0);
}

static void menu_settings(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, "Settings", sizeof m->title);
    line(m, "%s", "Press a button to change it. Changes are kept.");
    const char *look = !strcmp(f->theme, "high-contrast") ? "Look: high contrast"
                       : !strcmp(f->theme, "large-text")  ? "Look: large text"
                                                          : "Look: standard";
    item(m, look, "control-settings.svg", OV_MENU_PLAIN, OV_MENU_THEME, 0);
    item(m, check_step_on(f) ? "Check step: on" : "Check step: off", "control-thats-right.svg", OV_MENU_PLAIN,
         OV_MENU_CONFIRM_STEP, 0);
    item(m, f->speech ? "Speech: on" : "Speech: off", "control-hear-again.svg", OV_MENU_PLAIN, OV_MENU_SPEECH,
         0);
    item(m, f->blank ? "Screen off with headphones: on" : "Screen off with headphones: off",
         "control-secret.svg", OV_MENU_PLAIN, OV_MENU_BLANK, 0);
    item(m, "Menu", "control-facilitator.svg", OV_MENU_GO, OV_MENU_MENU, 0);
}

static void menu_message(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, "Facilitator", sizeof m->title);
    if (f->message[0])
        line(m, "%s", f->message);
    if (f->message2[0])
        line(m, "%s", f->message2);
    if (f->export_verified)
        item(m, "Clear votes", "control-warning.svg", OV_MENU_STOP, OV_MENU_CLEAR, 0);
    item(m, "Menu", "control-facilitator.svg", OV_MENU_GO, OV_MENU_MENU, 0);
}

int ov_fac_menu(const ov_fac *f, ov_menu *m)
{
    memset(m, 0, sizeof *m);
    m->secret_line = -1;
    switch (f->screen) {
    case OV_FAC_OFF:
        return OV_EINVAL;
    case OV_FAC_PIN:
        menu_pin(f, m);
        return OV_OK;
    case OV_FAC_NEW_PIN:
        menu_new_pin(f, m);
        return OV_OK;
    case OV_FAC_MENU:
        menu_main(f, m);
        return OV_OK;
    case OV_FAC_RESULTS:
        menu_results(f, m);
        return OV_OK;
    case OV_FAC_MEETING:
        menu_meeting(f, m);
        return OV_OK;
    case OV_FAC_ROUND:
        menu_round(f, m);
        return OV_OK;
    case OV_FAC_CONFIRM_CLEAR:
        menu_confirm_clear(f, m);
        return OV_OK;
    case OV_FAC_IMPORT:
        menu_import(f, m);
        return OV_OK;
    case OV_FAC_SETTINGS:
        menu_settings(f, m);
        return OV_OK;
    case OV_FAC_MESSAGE:
        menu_message(f, m);
        return OV_OK;
    }
    return OV_OK;
}

void ov_fac_message(ov_fac *f, const char *a, const char *b)
{
    ov_strlcpy(f->message, a ? a : "", sizeof f->message);
    ov_strlcpy(f->message2, b ? b : "", sizeof f->message2);
    f->screen = OV_FAC_MESSAGE;
}

void ov_fac_show_results(ov_fac *f, const ov_results *res)
{
    f->results = res;
    if (!res || f->results_q >= res->n_questions)
        f->results_q = 0;
    f->screen = OV_FAC_RESULTS;
}

void ov_fac_import_preview(ov_fac *f, const char *const *lines, int n, int ok)
{
    f->n_import_lines = 0;
    for (int i = 0; i < n && i < OV_MENU_MAX_LINES; i++)
        ov_strlcpy(f->import_lines[f->n_import_lines++], lines[i], sizeof f->import_lines[0]);
    f->import_ok = ok;
    f->screen = OV_FAC_IMPORT;
}

static ov_fac_do pin_ok(ov_fac *f, uint64_t now)
{
    if (f->screen == OV_FAC_PIN) {
        int must_change = 0;
        ov_pin_result r = ov_pin_try(&f->guard, f->stored_hash, f->typed, now, &must_change);
        f->typed[0] = '\0';
        if (r == OV_PIN_RIGHT) {
            f->message[0] = '\0';
            f->first_new[0] = '\0';
            f->screen = must_change ? OV_FAC_NEW_PIN : OV_FAC_MENU;
            if (must_change)
                ov_strlcpy(f->message, "The PIN 1234 must be changed before first use.", sizeof f->message);
            return OV_FAC_DO_REDRAW;
        }
        if (r == OV_PIN_NOT_SET || r == OV_PIN_WAIT)
            f->message[0] = '\0'; /* the screen says why: no PIN set, or "Wait N seconds" */
        else if (ov_pin_wait_ms(&f->guard, now) > 0)
            ov_strlcpy(f->message, "That is not the PIN.", sizeof f->message);
        else
            ov_strlcpy(f->message, "That is not the PIN. Try again.", sizeof f->message);
        return OV_FAC_DO_REDRAW;
    }
    /* choosing a new PIN: type it twice */
    if (!ov_pin_acceptable(f->typed) || ov_pin_guessable(f->typed)) {
        ov_strlcpy(f->message, "Use 4 to 8 numbers, not 1234 or 1111.", sizeof f->message);
        f->typed[0] = '\0';
        return OV_FAC_DO_REDRAW;
    }
    if (!f->first_new[0]) {
        ov_strlcpy(f->first_new, f->typed, sizeof f->first_new);
        f->typed[0] = '\0';
        f->message[0] = '\0';
        return OV_FAC_DO_REDRAW;
    }
    if (strcmp(f->first_new, f->typed)) {
        f->first_new[0] = f->typed[0] = '\0';
        ov_strlcpy(f->message, "The two PINs were not the same. Start again.", sizeof f->message);
        return OV_FAC_DO_REDRAW;
    }
    ov_strlcpy(f->new_pin, f->typed, sizeof f->new_pin);
    f->first_new[0] = f->typed[0] = '\0';
    return OV_FAC_DO_SAVE_PIN;
}

/* Note what a press asks the kiosk to do; returns 1 (the press was handled). */
static int done(ov_fac_do *out, ov_fac_do d)
{
    *out = d;
    return 1;
}

/* The PIN pad, leaving, and choosing a new PIN. Returns 1 with *out set when `it` is one of these. */
static int press_keypad(ov_fac *f, const ov_menu_item *it, uint64_t now, ov_fac_do *out)
{
    (void)now;
    switch (it->action) {
    case OV_MENU_DIGIT: {
        size_t n = strlen(f->typed);
        if (n < OV_FAC_PIN_MAX_TYPED) {
            f->typed[n] = (char)('0' + it->arg);
            f->typed[n + 1] = '\0';
        }
        return done(out, OV_FAC_DO_REDRAW);
    }
    case OV_MENU_DELETE: {
        size_t n = strlen(f->typed);
        if (n)
            f->typed[n - 1] = '\0';
        return done(out, OV_FAC_DO_REDRAW);
    }
    case OV_MENU_OK:
        return done(out, pin_ok(f, now));
    case OV_MENU_CANCEL:
    case OV_MENU_EXIT:
        f->screen = OV_FAC_OFF;
        f->typed[0] = '\0';
        return done(out, OV_FAC_DO_EXIT);
    case OV_MENU_CHANGE_PIN:
        f->screen = OV_FAC_NEW_PIN;
        f->first_new[0] = f->typed[0] = '\0';
        f->message[0] = '\0';
        return done(out, OV_FAC_DO_REDRAW);
    default:
        return 0;
    }
}

/* The menu and the screens it leads to. Returns 1 with *out set when `it` is one of these. */
static int press_screens(ov_fac *f, const ov_menu_item *it, uint64_t now, ov_fac_do *out)
{
    (void)now;
    switch (it->action) {
    case OV_MENU_MENU:
        f->screen = OV_FAC_MENU;
        f->message[0] = f->message2[0] = '\0';
        return done(out, OV_FAC_DO_REDRAW);
    case OV_MENU_RESULTS:
        if (open_round(f) >= 0) {
            ov_fac_message(f, "Close the round first.", "Results stay hidden while people are still voting.");
            return done(out, OV_FAC_DO_REDRAW);
        }
        f->results_q = 0;
        return done(out, OV_FAC_DO_RESULTS);
    case OV_MENU_NEXT_Q:
    case OV_MENU_PREV_Q:
        if (f->results && f->results->n_questions > 0) {
            int n = f->results->n_questions;
            f->results_q = (f->results_q + (it->action == OV_MENU_NEXT_Q ? 1 : n - 1)) % n;
        }
        return done(out, OV_FAC_DO_REDRAW);
    case OV_MENU_MEETING:
        f->screen = OV_FAC_MEETING;
        return done(out, OV_FAC_DO_REDRAW);
    case OV_MENU_PICK_MEETING:
        snprintf(f->meeting, sizeof f->meeting, "%s %s", meeting_names[it->arg], f->today);
        f->screen = OV_FAC_MENU;
        return done(out, OV_FAC_DO_SET_MEETING);
    case OV_MENU_ROUND:
        f->screen = OV_FAC_ROUND;
        return done(out, OV_FAC_DO_REDRAW);
    case OV_MENU_PICK_ROUND:
        f->chosen_round = it->arg;
        f->screen = OV_FAC_OFF;
        return done(out, OV_FAC_DO_OPEN_ROUND);
    case OV_MENU_CLOSE_ROUND:
        f->screen = OV_FAC_MENU;
        return done(out, OV_FAC_DO_CLOSE_ROUND);
    case OV_MENU_END_MEETING:
        if (open_round(f) >= 0) {
            ov_fac_message(f, "Close the round first.", "Then end the meeting.");
            return done(out, OV_FAC_DO_REDRAW);
        }
        f->screen = OV_FAC_MENU;
        return done(out, OV_FAC_DO_END_MEETING);
    case OV_MENU_IDEAS:
        f->screen = OV_FAC_OFF;
        return done(out, OV_FAC_DO_IDEAS);
    default:
        return 0;
    }
}

/* Saving to the USB stick, clearing votes, new or old questions. Returns 1 with *out set when `it` is one of
 * these. */
static int press_stick(ov_fac *f, const ov_menu_item *it, uint64_t now, ov_fac_do *out)
{
    (void)now;
    switch (it->action) {
    case OV_MENU_EXPORT:
        if (!f->stick_present) {
            ov_fac_message(f, "Put a USB stick in first.", "Then press Save to USB stick again.");
            return done(out, OV_FAC_DO_REDRAW);
        }
        return done(out, OV_FAC_DO_EXPORT);
    case OV_MENU_CLEAR:
        if (!f->export_verified)
            return done(out, OV_FAC_DO_NOTHING); /* never before a verified export */
        f->screen = OV_FAC_CONFIRM_CLEAR;
        return done(out, OV_FAC_DO_REDRAW);
    case OV_MENU_CONFIRM_CLEAR:
        if (!f->export_verified)
            return done(out, OV_FAC_DO_NOTHING);
        f->export_verified = 0;
        return done(out, OV_FAC_DO_CLEAR);
    case OV_MENU_IMPORT:
        return done(out, OV_FAC_DO_IMPORT); /* the kiosk checks and calls ov_fac_import_preview */
    case OV_MENU_CONFIRM_IMPORT:
        return done(out, f->import_ok ? OV_FAC_DO_IMPORT : OV_FAC_DO_NOTHING);
    case OV_MENU_RESTORE:
        return done(out, f->has_previous ? OV_FAC_DO_RESTORE : OV_FAC_DO_NOTHING);
    default:
        return 0;
    }
}

/* The settings screen. Returns 1 with *out set when `it` is one of these. */
static int press_settings(ov_fac *f, const ov_menu_item *it, uint64_t now, ov_fac_do *out)
{
    (void)now;
    switch (it->action) {
    case OV_MENU_SETTINGS:
        f->screen = OV_FAC_SETTINGS;
        return done(out, OV_FAC_DO_REDRAW);
    case OV_MENU_THEME: {
        static const char *const order[] = { "standard", "high-contrast", "large-text" };
        int next = 0;
        int n = (int)OV_ARRAY_LEN(order);
        for (int i = 0; i < n; i++)
            if (!strcmp(f->theme, order[i]))
                next = (i + 1) % n;
        ov_strlcpy(f->theme, order[next], sizeof f->theme);
        f->changed = OV_SETTING_THEME;
        return done(out, OV_FAC_DO_SETTING);
    }
    case OV_MENU_CONFIRM_STEP:
        f->changed = OV_SETTING_CONFIRM;
        return done(out, OV_FAC_DO_SETTING);
    case OV_MENU_SPEECH:
        f->speech = !f->speech;
        f->changed = OV_SETTING_SPEECH;
        return done(out, OV_FAC_DO_SETTING);
    case OV_MENU_BLANK:
        f->blank = !f->blank;
        f->changed = OV_SETTING_BLANK;
        return done(out, OV_FAC_DO_SETTING);
    default:
        return 0;
    }
}

ov_fac_do ov_fac_press(ov_fac *f, int index, uint64_t now)
{
    ov_menu m;
    if (ov_fac_menu(f, &m) != OV_OK || index < 0 || index >= m.n_items)
        return OV_FAC_DO_NOTHING;
    const ov_menu_item *it = &m.items[index];
    f->now_ms = now;
    ov_fac_do d = OV_FAC_DO_NOTHING;
    if (press_keypad(f, it, now, &d) || press_screens(f, it, now, &d) || press_stick(f, it, now, &d) ||
        press_settings(f, it, now, &d))
        return d;
    return OV_FAC_DO_NOTHING;
}

void ov_fac_speech(const ov_fac *f, char *out, size_t outlen)
{
    ov_menu m;
    out[0] = '\0';
    if (ov_fac_menu(f, &m) != OV_OK)
        return;
    snprintf(out, outlen, "%s.", m.title);
    for (int i = 0; i < m.n_lines; i++) {
        if (i == m.secret_line)
            continue; /* never read typed digits aloud */
        size_t used = strlen(out);
        snprintf(out + used, outlen - used, " %s", m.lines[i]);
    }
}

const char *ov_fac_screen_name(const ov_fac *f)
{
    static const char *const names[] = {
        NULL,
        "facilitator-pin",
        "facilitator-new-pin",
        "facilitator-menu",
        "facilitator-results",
        "facilitator-meeting",
        "facilitator-round",
        "facilitator-confirm-clear",
        "facilitator-import",
        "facilitator-message",
        "facilitator-settings",
    };
    return (f->screen >= 0 && f->screen < (int)(sizeof names / sizeof names[0])) ? names[f->screen] : NULL;
}
