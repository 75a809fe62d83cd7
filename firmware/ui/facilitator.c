/* facilitator.c — facilitator mode screens and what their buttons do. */
#include "ui/facilitator.h"

#include "model/content_texts.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Most digits the PIN pad takes, and the fewest a PIN has (shown as "_"). */
#define OV_FAC_PIN_MAX_TYPED 8
#define OV_FAC_PIN_MIN_TYPED 4
/* The PIN pad's slots (1 2 3 / 4 5 6 / 7 8 9 / Delete 0 OK): how many, and
 * where Delete and OK are. */
#define FAC_KEYPAD_KEYS 12
#define FAC_KEY_DELETE 9
#define FAC_KEY_OK 11
#define PIN_DOTS_LEN 64  /* "PIN:" and " *" or " _" per digit the pad takes */
#define WHICH_SEP_LEN 4  /* ". " between the meeting and its sentence, and the NUL */


/* The screen texts of the content in use (English built-ins without content). */
static const ov_texts *tx(const ov_fac *f)
{
    return f->content ? &f->content->texts : &f->builtin;
}

/* The names a new meeting can have (the name and today's date are stored). */
#define N_MEETING_NAMES 5
static const char *meeting_name(const ov_fac *f, int i)
{
    const ov_texts *t = tx(f);
    const char *names[N_MEETING_NAMES] = { t->fac_meeting_drop_in, t->fac_meeting_group, t->fac_meeting_peer,
                                           t->fac_meeting_staff, t->fac_meeting_training };
    return i >= 0 && i < N_MEETING_NAMES ? names[i] : names[0];
}

void ov_fac_init(ov_fac *f, const ov_content *c, const char *stored_hash, const char *meeting)
{
    memset(f, 0, sizeof *f);
    f->content = c;
    if (!c)
        ov_texts_defaults(&f->builtin, "en");
    f->stored_hash = stored_hash ? stored_hash : "";
    ov_pin_guard_init(&f->guard);
    f->meeting = meeting ? meeting : "drop-in";
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
static void keypad(const ov_fac *f, ov_menu *m, const char *ok_label)
{
    static const char *const keys[FAC_KEYPAD_KEYS] = { "1", "2", "3", "4", "5", "6",
                                                       "7", "8", "9", NULL, "0", NULL };
    m->keypad = 1;
    for (int i = 0; i < FAC_KEYPAD_KEYS; i++) {
        if (i == FAC_KEY_DELETE)
            item(m, tx(f)->fac_delete, "control-go-back.svg", OV_MENU_PLAIN, OV_MENU_DELETE, 0);
        else if (i == FAC_KEY_OK)
            item(m, ok_label, "control-thats-right.svg", OV_MENU_GO, OV_MENU_OK, 0);
        else
            item(m, keys[i], NULL, OV_MENU_PLAIN, OV_MENU_DIGIT, keys[i][0] - '0');
    }
    item(m, tx(f)->fac_cancel, NULL, OV_MENU_STOP, OV_MENU_CANCEL, 0);
}

/* The typed digits as stars: shown, never spoken. */
static void typed_line(const ov_fac *f, ov_menu *m)
{
    m->secret_line = m->n_lines;
    char dots[PIN_DOTS_LEN] = "PIN:";
    size_t n = strlen(f->typed);
    for (size_t i = 0; i < OV_FAC_PIN_MAX_TYPED; i++)
        strcat(dots, i < n ? " *" : (i < OV_FAC_PIN_MIN_TYPED ? " _" : ""));
    line(m, "%s", dots);
}

static void menu_pin(const ov_fac *f, ov_menu *m)
{
    if (!ov_pin_is_set(f->stored_hash)) { /* no default PIN: only the key switch opens */
        ov_strlcpy(m->title, tx(f)->fac_no_pin_title, sizeof m->title);
        line(m, "%s", tx(f)->fac_no_pin_1);
        line(m, "%s", tx(f)->fac_no_pin_2);
        keypad(f, m, tx(f)->fac_ok);
        return;
    }
    ov_strlcpy(m->title, tx(f)->fac_pin_title, sizeof m->title);
    typed_line(f, m);
    if (f->message[0])
        line(m, "%s", f->message);
    uint64_t wait = ov_pin_wait_ms(&f->guard, f->now_ms);
    if (wait > 0) {
        char w[OV_SENTENCE_LEN];
        snprintf(w, sizeof w, tx(f)->fac_pin_wait, (int)((wait + OV_MS_PER_S - 1) / OV_MS_PER_S));
        line(m, "%s", w);
    }
    keypad(f, m, tx(f)->fac_ok);
}

static void menu_new_pin(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, f->first_new[0] ? tx(f)->fac_new_pin_again : tx(f)->fac_new_pin, sizeof m->title);
    typed_line(f, m);
    line(m, "%s", f->message[0] ? f->message : tx(f)->fac_new_pin_rule);
    keypad(f, m, tx(f)->fac_ok);
}

static void menu_main(const ov_fac *f, ov_menu *m)
{
    const ov_content *c = f->content;
    ov_strlcpy(m->title, tx(f)->fac_title, sizeof m->title);
    line(m, tx(f)->fac_meeting_line, f->meeting);
    if (open_round(f) >= 0 && open_round(f) < c->n_questions)
        line(m, tx(f)->fac_round_line, c->questions[open_round(f)].title);
    else
        line(m, "%s", tx(f)->fac_drop_in_line);
    line(m, "%s", f->stick_present ? tx(f)->fac_stick_ready : tx(f)->fac_stick_none);
    if (f->problem[0]) { /* its first sentence; the log has the rest */
        char first[OV_SENTENCE_LEN];
        ov_strlcpy(first, f->problem, sizeof first);
        char *stop = strstr(first, ". ");
        if (stop)
            stop[1] = '\0';
        line(m, tx(f)->fac_to_check, first);
    }
    item(m, tx(f)->fac_results, "control-results.svg", OV_MENU_PLAIN, OV_MENU_RESULTS, 0);
    item(m, tx(f)->fac_new_meeting, "control-start.svg", OV_MENU_PLAIN, OV_MENU_MEETING, 0);
    if (open_round(f) >= 0)
        item(m, tx(f)->fac_close_round, "control-secret.svg", OV_MENU_STOP, OV_MENU_CLOSE_ROUND, 0);
    else
        item(m, tx(f)->fac_open_round, "control-next.svg", OV_MENU_PLAIN, OV_MENU_ROUND, 0);
    item(m, tx(f)->fac_save_usb, "control-usb.svg", OV_MENU_PLAIN, OV_MENU_EXPORT, 0);
    if (f->export_verified)
        item(m, tx(f)->fac_clear_votes, "control-warning.svg", OV_MENU_STOP, OV_MENU_CLEAR, 0);
    if (f->stick_has_content)
        item(m, tx(f)->fac_new_questions, "control-usb.svg", OV_MENU_PLAIN, OV_MENU_IMPORT, 0);
    else if (f->has_previous)
        item(m, tx(f)->fac_old_questions, "control-go-back.svg", OV_MENU_PLAIN, OV_MENU_RESTORE, 0);
    item(m, tx(f)->fac_change_pin, "control-facilitator.svg", OV_MENU_PLAIN, OV_MENU_CHANGE_PIN, 0);
    item(m, tx(f)->fac_settings, "control-settings.svg", OV_MENU_PLAIN, OV_MENU_SETTINGS, 0);
    item(m, tx(f)->fac_back_to_voting, "control-thats-right.svg", OV_MENU_GO, OV_MENU_EXIT, 0);
}

/* The face of answer `id` from the content's scales into out ("" when none). */
static void answer_face(const ov_content *c, const char *id, char *out, size_t len)
{
    out[0] = '\0';
    for (int s = 0; c && s < c->n_scales && !out[0]; s++)
        for (int a = 0; a < c->scales[s].n_answers && !out[0]; a++)
            if (!strcmp(c->scales[s].answers[a].id, id) && c->scales[s].answers[a].picture[0])
                ov_content_path(c, c->scales[s].answers[a].picture, out, len);
}

/* Issue 14: the comparison as a picture: the face most chosen last time and
 * this time (none when no one answer was most chosen, or too few answered). */
static void menu_progress(const ov_fac *f, const ov_result_question *q, ov_menu *m)
{
    ov_menu_progress *p = &m->progress;
    if (!q->compare[0])
        return;
    p->shown = 1;
    ov_strlcpy(p->caption[0], tx(f)->fac_last_time, sizeof p->caption[0]);
    ov_strlcpy(p->caption[1], tx(f)->fac_this_time, sizeof p->caption[1]);
    const int side[2] = { q->before_top, !q->is_protected && q->n_top == 1 ? q->top[0] : -1 };
    for (int i = 0; i < 2; i++) {
        if (side[i] < 0 || side[i] >= q->n_answers)
            continue;
        ov_strlcpy(p->colour[i], q->answers[side[i]].colour, sizeof p->colour[i]);
        p->shape[i] = q->answers[side[i]].shape;
        answer_face(f->content, q->answers[side[i]].id, p->picture[i], sizeof p->picture[i]);
    }
}

static void menu_results(const ov_fac *f, ov_menu *m)
{
    const ov_results *r = f->results;
    if (!r || r->n_questions == 0) {
        ov_strlcpy(m->title, tx(f)->fac_results, sizeof m->title);
        line(m, "%s", tx(f)->fac_nobody_yet);
    } else {
        const ov_result_question *q = &r->questions[f->results_q];
        ov_strlcpy(m->title, q->title, sizeof m->title);
        /* which meeting (the one closed last, not the one going on now), then what most said,
         * or (issue 14) what most said last time and this time; then the groups side by side */
        char summary[OV_SENTENCE_LEN], which[sizeof q->compare + OV_MEETING_LEN + WHICH_SEP_LEN];
        ov_results_summary(q, &r->texts, summary, sizeof summary);
        snprintf(which, sizeof which, "%s. %s", r->meeting, q->compare[0] ? q->compare : summary);
        line(m, "%s", which);
        if (q->groups_line[0])
            line(m, "%s", q->groups_line);
        menu_progress(f, q, m);
        if (!q->is_protected && q->total > 0) {
            for (int i = 0; i < q->n_answers && m->n_bars < OV_MENU_MAX_BARS; i++) {
                ov_menu_bar *b = &m->bars[m->n_bars++];
                ov_strlcpy(b->word, q->answers[i].word, sizeof b->word);
                ov_strlcpy(b->colour, q->answers[i].colour, sizeof b->colour);
                b->shape = q->answers[i].shape;
                b->count = q->answers[i].count;
                if (b->count > m->bar_max)
                    m->bar_max = b->count;
                answer_face(f->content, q->answers[i].id, b->picture, sizeof b->picture);
            }
        }
        if (r->n_questions > 1)
            item(m, tx(f)->fac_back, "control-go-back.svg", OV_MENU_PLAIN, OV_MENU_PREV_Q, 0);
        if (r->n_questions > 1)
            item(m, tx(f)->fac_next_question, "control-next.svg", OV_MENU_PLAIN, OV_MENU_NEXT_Q, 0);
    }
    item(m, tx(f)->fac_menu, "control-facilitator.svg", OV_MENU_GO, OV_MENU_MENU, 0);
}

static void menu_meeting(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, tx(f)->fac_meeting_title, sizeof m->title);
    line(m, "%s", tx(f)->fac_meeting_1);
    line(m, "%s", tx(f)->fac_meeting_2);
    for (int i = 0; i < N_MEETING_NAMES; i++)
        item(m, meeting_name(f, i), NULL, OV_MENU_PLAIN, OV_MENU_PICK_MEETING, i);
    item(m, tx(f)->fac_end_meeting, "control-secret.svg", OV_MENU_STOP, OV_MENU_END_MEETING, 0);
    item(m, tx(f)->fac_cancel, NULL, OV_MENU_STOP, OV_MENU_MENU, 0);
}

static void menu_round(const ov_fac *f, ov_menu *m)
{
    const ov_content *c = f->content;
    ov_strlcpy(m->title, tx(f)->fac_round_title, sizeof m->title);
    line(m, "%s", tx(f)->fac_round_1);
    for (int q = 0; q < c->n_questions && m->n_items < OV_MENU_MAX_ITEMS - 2; q++)
        if (ov_question_counted(c, q)) /* never a round on the practice question */
            item(m, c->questions[q].title, NULL, OV_MENU_PLAIN, OV_MENU_PICK_ROUND, q);
    item(m, tx(f)->fac_ideas, "control-thats-right.svg", OV_MENU_PLAIN, OV_MENU_IDEAS, 0);
    item(m, tx(f)->fac_cancel, NULL, OV_MENU_STOP, OV_MENU_MENU, 0);
}

static void menu_confirm_clear(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, tx(f)->fac_clear_title, sizeof m->title);
    line(m, "%s", tx(f)->fac_clear_1);
    line(m, "%s", tx(f)->fac_clear_2);
    item(m, tx(f)->fac_clear_yes, "control-warning.svg", OV_MENU_STOP, OV_MENU_CONFIRM_CLEAR, 0);
    item(m, tx(f)->fac_clear_no, "control-go-back.svg", OV_MENU_GO, OV_MENU_MENU, 0);
}

/* How many pages the import screen's lines take (1 when they fit on one screen). */
static int import_pages(const ov_fac *f)
{
    if (f->n_import_lines <= OV_MENU_MAX_LINES)
        return 1;
    return (f->n_import_lines + OV_FAC_IMPORT_PAGE_LINES - 1) / OV_FAC_IMPORT_PAGE_LINES;
}

static void menu_import(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, f->import_ok ? tx(f)->fac_import_title : tx(f)->fac_import_bad_title,
               sizeof m->title);
    int pages = import_pages(f);
    int first = pages > 1 ? f->import_page * OV_FAC_IMPORT_PAGE_LINES : 0;
    int last = pages > 1 ? first + OV_FAC_IMPORT_PAGE_LINES : f->n_import_lines;
    for (int i = first; i < last && i < f->n_import_lines; i++)
        line(m, "%s", f->import_lines[i]);
    if (pages > 1 && m->n_lines < OV_MENU_MAX_LINES) /* never a silent limit: say there is more */
        snprintf(m->lines[m->n_lines++], sizeof m->lines[0],
                 f->import_page + 1 < pages ? tx(f)->imp_page : tx(f)->imp_page_last,
                 f->import_page + 1, pages);
    if (f->import_ok)
        item(m, tx(f)->fac_import_use, "control-thats-right.svg", OV_MENU_GO, OV_MENU_CONFIRM_IMPORT, 0);
    if (pages > 1)
        item(m, tx(f)->imp_next_page, "control-next.svg", OV_MENU_PLAIN, OV_MENU_IMPORT_PAGE, 0);
    item(m, f->import_ok ? tx(f)->fac_import_keep : tx(f)->fac_back, "control-go-back.svg", OV_MENU_PLAIN,
         OV_MENU_MENU, 0);
}

static void menu_settings(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, tx(f)->fac_settings, sizeof m->title);
    line(m, "%s", tx(f)->fac_settings_1);
    const char *look = !strcmp(f->theme, "high-contrast") ? tx(f)->fac_look_high_contrast
                       : !strcmp(f->theme, "large-text")  ? tx(f)->fac_look_large_text
                                                          : tx(f)->fac_look_standard;
    item(m, look, "control-settings.svg", OV_MENU_PLAIN, OV_MENU_THEME, 0);
    item(m, check_step_on(f) ? tx(f)->fac_check_on : tx(f)->fac_check_off, "control-thats-right.svg",
         OV_MENU_PLAIN, OV_MENU_CONFIRM_STEP, 0);
    item(m, f->speech ? tx(f)->fac_speech_on : tx(f)->fac_speech_off, "control-hear-again.svg", OV_MENU_PLAIN,
         OV_MENU_SPEECH, 0);
    item(m, f->blank ? tx(f)->fac_blank_on : tx(f)->fac_blank_off,
         "control-secret.svg", OV_MENU_PLAIN, OV_MENU_BLANK, 0);
    item(m, tx(f)->fac_menu, "control-facilitator.svg", OV_MENU_GO, OV_MENU_MENU, 0);
}

static void menu_message(const ov_fac *f, ov_menu *m)
{
    ov_strlcpy(m->title, tx(f)->fac_title, sizeof m->title);
    if (f->message[0])
        line(m, "%s", f->message);
    if (f->message2[0])
        line(m, "%s", f->message2);
    if (f->export_verified)
        item(m, tx(f)->fac_clear_votes, "control-warning.svg", OV_MENU_STOP, OV_MENU_CLEAR, 0);
    item(m, tx(f)->fac_menu, "control-facilitator.svg", OV_MENU_GO, OV_MENU_MENU, 0);
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
    for (int i = 0; i < n && i < OV_FAC_IMPORT_MAX_LINES; i++)
        ov_strlcpy(f->import_lines[f->n_import_lines++], lines[i], sizeof f->import_lines[0]);
    f->import_ok = ok;
    f->import_page = 0;
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
                ov_strlcpy(f->message, tx(f)->fac_pin_must_change, sizeof f->message);
            return OV_FAC_DO_REDRAW;
        }
        if (r == OV_PIN_NOT_SET || r == OV_PIN_WAIT)
            f->message[0] = '\0'; /* the screen says why: no PIN set, or "Wait N seconds" */
        else if (ov_pin_wait_ms(&f->guard, now) > 0)
            ov_strlcpy(f->message, tx(f)->fac_pin_wrong, sizeof f->message);
        else
            ov_strlcpy(f->message, tx(f)->fac_pin_wrong_again, sizeof f->message);
        return OV_FAC_DO_REDRAW;
    }
    /* choosing a new PIN: type it twice */
    if (!ov_pin_acceptable(f->typed) || ov_pin_guessable(f->typed)) {
        ov_strlcpy(f->message, tx(f)->fac_pin_rule, sizeof f->message);
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
        ov_strlcpy(f->message, tx(f)->fac_pin_differ, sizeof f->message);
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
        } else { /* no silent limit: the screen says (and the kiosk reads) how long a PIN is */
            ov_strlcpy(f->message, tx(f)->fac_pin_rule, sizeof f->message);
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
            ov_fac_message(f, tx(f)->fac_close_first, tx(f)->fac_hidden_while_voting);
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
        snprintf(f->chosen_meeting, sizeof f->chosen_meeting, "%s %s", meeting_name(f, it->arg), f->today);
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
            ov_fac_message(f, tx(f)->fac_close_first, tx(f)->fac_then_end);
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
            ov_fac_message(f, tx(f)->fac_stick_first, tx(f)->fac_stick_first_2);
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
    case OV_MENU_IMPORT_PAGE:
        f->import_page = (f->import_page + 1) % import_pages(f);
        return done(out, OV_FAC_DO_REDRAW);
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
