/* kiosk_ideas.c — carries out the ideas screens: the facilitator's ideas,
 * keyboard and plan (ui/ideas_fac.c), the members' priorities round
 * (ui/ideas_flow.c), storing them (platform/tally_plan.c), ideas.ini from a
 * stick, closing a meeting, and the welcome screen's "you said, we did". */
#include "app/kiosk_state.h"
#include "platform/content_ini.h"
#include "platform/export.h"
#include "platform/files.h"
#include "platform/tally_plan.h"
#include "ui/layout_ideas.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OV_MAX_DIGIT_KEY 9
#define YOU_SAID_QUESTIONS 2 /* results lines on the welcome screen */
#define YOU_SAID_MAX ((int)(sizeof((kiosk *)0)->you_said / sizeof((kiosk *)0)->you_said[0]))
#define CORNER_MM 25     /* the facilitator's hidden way in (as kiosk.c) */
#define IDEAS_NAME_ROOM 32 /* room for "/ourvoice/" and the ideas file's name after the mount point */

static int fac_active(const kiosk *k)
{
    return k->ideas_fac.screen != OV_IFAC_OFF;
}

static void show(kiosk *k)
{
    ov_kiosk_relayout(k);
    k->dirty = 1;
    ov_kiosk_speak(k);
}

/* ---- the screens ---- */

static void layout_keyboard(kiosk *k)
{
    double key_mm = 0;
    const char *note = k->ideas_fac.note[0] ? k->ideas_fac.note : NULL;
    ov_layout_keyboard(&k->env, &k->ideas_fac.kb, ov_ideas_fac_prompt(&k->ideas_fac), note, &k->layout,
                       &key_mm);
    if (!note && key_mm < OV_KB_KEY_MIN_MM) { /* as big as fits: and say so */
        char small[OV_SENTENCE_LEN];
        snprintf(small, sizeof small, k->content.texts.ifac_keys_small,
                 key_mm, OV_KB_KEY_MIN_MM);
        ov_layout_keyboard(&k->env, &k->ideas_fac.kb, ov_ideas_fac_prompt(&k->ideas_fac), small, &k->layout,
                           NULL);
    }
}

static void layout_member(kiosk *k)
{
    ov_ideas_view v = {0};
    char pic[OV_PATH_MAX] = "";
    for (int q = 0; q < k->content.n_questions; q++)
        if (!strcmp(k->content.questions[q].id, k->ideas_board.question)) {
            v.question_title = k->content.questions[q].title;
            ov_content_path(&k->content, k->content.questions[q].picture, pic, sizeof pic);
        }
    v.picture_path = pic;
    for (int i = 0; i < k->ideas_board.n_ideas; i++)
        v.ideas[i] = k->ideas_board.ideas[i].text;
    v.texts = &k->content.texts;
    ov_layout_ideas_member(&k->env, &k->ideas_flow, &v, &k->layout);
}

int ov_kiosk_ideas_relayout(kiosk *k)
{
    if (k->fac.screen != OV_FAC_OFF)
        return 0;
    if (fac_active(k)) {
        if (k->ideas_fac.screen == OV_IFAC_KEYBOARD) {
            layout_keyboard(k);
        } else {
            ov_ideas_fac_menu(&k->ideas_fac, &k->fac_menu);
            ov_layout_menu(&k->env, &k->fac_menu, k->content.texts.hear_again, &k->layout);
        }
        return 1;
    }
    if (k->ideas_round) {
        layout_member(k);
        return 1;
    }
    /* "you said, we did": never during a round, never over the facilitator's warning strip */
    if (k->flow.screen == OV_SCREEN_WELCOME && k->n_you_said > 0 && ov_flow_round(&k->flow) < 0 &&
        !k->warning[0]) {
        const char *lines[YOU_SAID_MAX + 1];
        int n = 0;
        for (int i = 0; i < k->n_you_said; i++)
            lines[n++] = k->you_said[i];
        lines[n++] = ov_layout_welcome_line(&k->env, &k->content);
        ov_layout_you_said(&k->env, &k->flow, k->content.texts.you_said_title, lines, n, &k->layout);
        return 1;
    }
    return 0;
}

const char *ov_kiosk_ideas_screen_name(const kiosk *k)
{
    if (k->fac.screen != OV_FAC_OFF)
        return NULL;
    if (fac_active(k))
        return ov_ideas_fac_screen_name(&k->ideas_fac);
    if (!k->ideas_round)
        return NULL;
    switch (k->ideas_flow.screen) {
    case OV_IDEAS_CHOOSE:
        return "ideas";
    case OV_IDEAS_REVIEW:
        return "ideas-review";
    case OV_IDEAS_THANKS:
        return "ideas-thanks";
    case OV_IDEAS_NOT_SAVED:
        return "ideas-not-saved";
    }
    return "ideas";
}

/* ---- members' priorities ---- */

static int store_choice(kiosk *k)
{
    int chosen[OV_IDEAS_MAX];
    int n = ov_ideas_flow_pending(&k->ideas_flow, chosen, OV_IDEAS_MAX);
    char err[OV_ERR_LEN];
    int rc = k->tally ? ov_plan_vote(k->tally, k->ideas_board.meeting, k->ideas_board.question, chosen, n,
                                     err, sizeof err)
                      : ov_fail(err, sizeof err, OV_EIO, "the vote store is not open");
    if (rc != OV_OK)
        ov_log_error("priorities not stored: %s", err); /* never names an idea chosen */
    return rc == OV_OK;
}

static void clear_ideas_focus(kiosk *k) { k->ideas_flow.focus = -1; }

static void member_apply(kiosk *k, int effects)
{
    uint64_t now = ov_kiosk_now(k);
    if (effects & OV_FLOW_WANT_COMMIT)
        effects |= ov_ideas_flow_committed(&k->ideas_flow, store_choice(k), ov_kiosk_now(k));
    ov_kiosk_show_effects(k, effects, now, clear_ideas_focus);
}

static void member_act(kiosk *k, ov_action a, int arg);

static int round_shown(const kiosk *k)
{
    return k->ideas_round && !fac_active(k) && k->fac.screen == OV_FAC_OFF;
}

int ov_kiosk_ideas_targets(const kiosk *k, ov_target *t, int max)
{
    return round_shown(k) ? ov_ideas_flow_targets(&k->ideas_flow, t, max) : -1;
}

/* Say the highlighted target's words (an idea, Done, ...): ideas are not
 * secret, and whether one is chosen is never said. */
static void say_focused(kiosk *k)
{
    for (int i = 0; i < k->layout.n_buttons; i++) {
        const ov_layout_button *b = &k->layout.buttons[i];
        if (b->focused && b->label >= 0 && k->speech && k->cfg.speech) {
            k->speaking_item = 1;
            k->hl_text = k->hl_word = -1;
            ov_speech_say(k->speech, k->layout.texts[b->label].block.text, NULL);
        }
    }
}

int ov_kiosk_ideas_scan(kiosk *k, const ov_scan_event *ev)
{
    if (!round_shown(k))
        return 0;
    ov_target t[OV_MAX_TARGETS];
    int n = ov_ideas_flow_targets(&k->ideas_flow, t, OV_MAX_TARGETS);
    if (ev->what == OV_SCAN_PAUSED) {
        k->ideas_flow.focus = -1;
    } else if (ev->item >= 0 && ev->item < n && ev->what == OV_SCAN_HIGHLIGHT) {
        k->ideas_flow.focus = ev->item;
        ov_kiosk_relayout(k);
        k->dirty = 1;
        say_focused(k);
        return 1;
    } else if (ev->item >= 0 && ev->item < n && ev->what == OV_SCAN_CHOOSE) {
        int arg;
        ov_action a = ov_flow_target_action(t[ev->item], &arg);
        member_act(k, a, arg);
        return 1;
    }
    ov_kiosk_relayout(k);
    k->dirty = 1;
    return 1;
}

static void member_act(kiosk *k, ov_action a, int arg)
{
    member_apply(k, ov_ideas_flow_act(&k->ideas_flow, a, arg, ov_kiosk_now(k)));
}

int ov_kiosk_ideas_tick(kiosk *k)
{
    if (!k->ideas_round || fac_active(k) || k->fac.screen != OV_FAC_OFF)
        return -1;
    uint64_t now = ov_kiosk_now(k);
    member_apply(k, ov_ideas_flow_tick(&k->ideas_flow, now));
    return ov_ideas_flow_next_deadline(&k->ideas_flow, ov_kiosk_now(k));
}

static void start_round(kiosk *k, const ov_ideas_board *b)
{
    k->ideas_board = *b;
    k->ideas_round = 1;
    ov_ideas_flow_init(&k->ideas_flow, b->n_ideas, b->max_choices, k->cfg.idle_timeout_s * OV_MS_PER_S,
                       k->cfg.thanks_s * OV_MS_PER_S, k->cfg.vote_lockout_ms, ov_kiosk_now(k));
    k->ideas_fac.screen = OV_IFAC_OFF;
    k->scan_pending = k->scan.mode != OV_SCAN_OFF; /* switch users: scanning starts on the round's targets */
    ov_log_info("priorities round open: %d ideas, up to %d each", b->n_ideas, b->max_choices);
}

/* ---- the facilitator's side ---- */

static void ideas_file(const kiosk *k, char *out, size_t outlen)
{
    out[0] = '\0';
    if (k->sticks.n > 0)
        snprintf(out, outlen, "%s/ourvoice/%s", k->sticks.items[0].mount_point, OV_IDEAS_FILE);
}

/* Boards of the last closed meeting that have an action plan, into *out (malloc'd). Returns how many. */
static int last_plans(kiosk *k, ov_ideas_board **out)
{
    char last[OV_MEETING_LEN];
    ov_ideas_board *all = NULL;
    int n = 0, kept = 0;
    *out = NULL;
    if (!k->tally || ov_plan_last_closed(k->tally, last, sizeof last) != OV_OK ||
        ov_plan_boards(k->tally, last, &all, &n) != OV_OK)
        return 0;
    for (int i = 0; i < n; i++)
        if (all[i].n_ideas > 0)
            all[kept++] = all[i];
    *out = all;
    return kept;
}

static int question_index(const kiosk *k, const char *id)
{
    for (int q = 0; q < k->content.n_questions; q++)
        if (!strcmp(k->content.questions[q].id, id))
            return q;
    return -1;
}

/* Load (meeting, question f->question) and show it. */
static void load_board(kiosk *k, int plan)
{
    ov_ideas_fac *f = &k->ideas_fac;
    char err[OV_ERR_LEN];
    ov_ideas_board *b = malloc(sizeof *b);
    const char *qid = k->content.questions[f->question].id;
    if (!b || !k->tally || ov_plan_load(k->tally, k->meeting, qid, b, err, sizeof err) != OV_OK) {
        ov_ideas_fac_note(f, k->content.texts.ifac_unreadable);
        free(b);
        return;
    }
    if (b->n_ideas == 0 && b->round == OV_ROUND_NOT_YET)
        b->max_choices = k->cfg.idea_choices; /* a new board: the configured number of choices */
    ov_ideas_fac_show(f, b, f->question, ov_tally_meeting_is_closed(k->tally, k->meeting) == 1, plan);
    free(b);
}

static void load_last(kiosk *k)
{
    ov_ideas_board *boards = NULL;
    int n = last_plans(k, &boards);
    k->ideas_fac.n_last_boards = n;
    int i = n > 0 ? k->ideas_fac.last_index % n : 0;
    int q = n > 0 ? question_index(k, boards[i].question) : -1;
    if (q < 0)
        ov_ideas_fac_note(&k->ideas_fac, k->content.texts.ifac_last_gone);
    else
        ov_ideas_fac_show(&k->ideas_fac, &boards[i], q, 1, 1);
    free(boards);
}

/* Save the board shown, then read it back (fresh counts). Returns 1 when saved. */
static int save_board(kiosk *k)
{
    ov_ideas_fac *f = &k->ideas_fac;
    char err[OV_ERR_LEN];
    if (!k->tally || ov_plan_save(k->tally, &f->board, err, sizeof err) != OV_OK) {
        ov_log_error("ideas not saved: %s", k->tally ? err : "the vote store is not open");
        ov_ideas_fac_note(f, k->content.texts.ifac_save_failed);
        return 0;
    }
    ov_ideas_board *fresh = malloc(sizeof *fresh);
    if (fresh && ov_plan_load(k->tally, f->board.meeting, f->board.question, fresh, err, sizeof err) == OV_OK)
        f->board = *fresh;
    free(fresh);
    if (k->ideas_round && !strcmp(k->ideas_board.meeting, f->board.meeting) &&
        !strcmp(k->ideas_board.question, f->board.question) && f->board.round != OV_ROUND_OPEN) {
        k->ideas_round = 0; /* the round was closed */
        ov_log_info("priorities round closed");
    }
    ov_kiosk_ideas_refresh(k);
    return 1;
}

/* ideas.ini from the stick, checked fully before anything is used. */
static void import_ideas(kiosk *k)
{
    ov_ideas_fac *f = &k->ideas_fac;
    char path[OV_PATH_MAX + IDEAS_NAME_ROOM], err[OV_ERR_LEN];
    char *text = NULL;
    size_t len = 0;
    ideas_file(k, path, sizeof path);
    if (!path[0] || ov_ini_read_file(path, &text, &len, err, sizeof err) != OV_OK) {
        ov_log_warn("ideas from the stick: %s", path[0] ? err : "no stick");
        ov_ideas_fac_note(f, k->content.texts.ifac_no_file);
        return;
    }
    ov_ini_doc doc = {0};
    ov_diags *d = malloc(sizeof *d);
    ov_ideas_board *from = malloc(sizeof *from);
    int rc = d && from ? OV_OK : OV_ENOMEM;
    if (rc == OV_OK) {
        ov_diags_init(d);
        rc = ov_ini_parse(text, len, path, &doc, d);
    }
    if (rc == OV_OK && d->n_errors == 0)
        rc = ov_ideas_from_ini(&doc, path, &k->content, f->board.meeting, from, d);
    if (rc == OV_OK && d->n_errors == 0)
        rc = ov_ideas_take_import(&f->board, from, err, sizeof err);
    if (rc != OV_OK || (d && d->n_errors)) {
        if (d)
            for (int i = 0; i < d->n; i++)
                ov_log_warn("ideas from the stick: %s", d->items[i].text);
        ov_ideas_fac_note(f, d && d->n ? d->items[0].text : err);
    } else if (save_board(k)) {
        ov_ideas_fac_note(f, k->content.texts.ifac_imported);
    }
    ov_ini_doc_free(&doc);
    free(text);
    free(d);
    free(from);
}

/* Close this meeting; votes from now on count for a new drop-in of today
 * (ov_kiosk_meeting_end: the same as New meeting, kept for a restart). */
static void close_meeting(kiosk *k)
{
    ov_ideas_fac *f = &k->ideas_fac;
    if (k->ideas_round) {
        ov_ideas_fac_note(f, k->content.texts.ifac_close_round_first);
        return;
    }
    if (ov_kiosk_meeting_end(k) != OV_OK) {
        ov_ideas_fac_note(f, k->content.texts.ifac_close_failed);
        return;
    }
    char line[OV_SENTENCE_LEN];
    snprintf(line, sizeof line, k->content.texts.ifac_closed, k->meeting);
    ov_ideas_fac_note(f, line);
    ov_kiosk_ideas_refresh(k);
    k->ideas_fac.n_last_boards = 0;
    ov_ideas_board *b = NULL;
    k->ideas_fac.n_last_boards = last_plans(k, &b);
    free(b);
}

static void fac_press(kiosk *k, int item)
{
    ov_ifac_do d = ov_ideas_fac_press(&k->ideas_fac, item);
    switch (d) {
    case OV_IFAC_DO_NOTHING:
        return;
    case OV_IFAC_DO_SAY_KEY:
        ov_kiosk_relayout(k);
        k->dirty = 1;
        if (k->speech && k->cfg.speech) {
            k->hl_text = k->hl_word = -1;
            ov_speech_say(k->speech, k->ideas_fac.key_word, NULL);
        }
        return;
    case OV_IFAC_DO_EXIT:
        k->fac.screen = OV_FAC_MENU;
        break;
    case OV_IFAC_DO_LOAD:
        load_board(k, 0);
        break;
    case OV_IFAC_DO_LOAD_LAST:
        load_last(k);
        break;
    case OV_IFAC_DO_SAVE:
        save_board(k);
        break;
    case OV_IFAC_DO_OPEN_ROUND:
        if (save_board(k)) {
            start_round(k, &k->ideas_fac.board);
            show(k);
            return;
        }
        break;
    case OV_IFAC_DO_IMPORT:
        import_ideas(k);
        break;
    case OV_IFAC_DO_CLOSE_MEETING:
        close_meeting(k);
        break;
    case OV_IFAC_DO_REDRAW:
        break;
    }
    show(k);
}

void ov_kiosk_ideas_open(kiosk *k)
{
    ov_ideas_fac *f = &k->ideas_fac;
    ov_kb_page keep = f->kb.page;
    ov_ideas_fac_init(f, &k->content, k->cfg.small_numbers);
    f->kb.page = keep;
    char path[OV_PATH_MAX + IDEAS_NAME_ROOM];
    ideas_file(k, path, sizeof path);
    f->stick_has_ideas = path[0] && ov_path_kind_of(path) == OV_PATH_FILE;
    ov_ideas_board *b = NULL;
    f->n_last_boards = last_plans(k, &b);
    free(b);
    k->fac.screen = OV_FAC_OFF;
    ov_ideas_fac_open(f);
    show(k);
}

/* ---- input hooks ---- */

int ov_kiosk_ideas_press(kiosk *k, ov_target t, int x, int y, int long_press)
{
    if (k->fac.screen != OV_FAC_OFF || (!fac_active(k) && !k->ideas_round))
        return 0;
    int corner = (int)(CORNER_MM * k->env.px_per_mm);
    if (long_press && x < corner && y < corner && !fac_active(k))
        return 0; /* the facilitator's hidden way in works during a priorities round too */
    if (t.kind == OV_TARGET_HEAR_AGAIN) {
        if (fac_active(k))
            ov_kiosk_speak(k);
        else
            member_act(k, OV_ACT_HEAR_AGAIN, 0);
        return 1;
    }
    if (fac_active(k)) {
        if (t.kind == OV_TARGET_MENU)
            fac_press(k, t.index);
        return 1;
    }
    if (t.kind != OV_TARGET_NONE) {
        int arg;
        ov_action a = ov_flow_target_action(t, &arg);
        member_act(k, a, arg);
    }
    return 1;
}

/* A key on the facilitator's ideas screens. */
static void fac_key(kiosk *k, ov_key key)
{
    ov_ideas_fac *f = &k->ideas_fac;
    if (key == OV_KEY_HEAR) {
        ov_kiosk_speak(k);
        return;
    }
    if (key == OV_KEY_ESCAPE && f->screen == OV_IFAC_KEYBOARD) {
        fac_press(k, OV_KB_TARGET_CANCEL); /* Escape cancels the typing */
        return;
    }
    if (key == OV_KEY_ESCAPE) {
        f->screen = OV_IFAC_OFF;
        k->fac.screen = OV_FAC_MENU;
        show(k);
        return;
    }
    if (f->screen != OV_IFAC_KEYBOARD) {
        if (key >= OV_KEY_DIGIT1 && key < OV_KEY_DIGIT1 + OV_MAX_DIGIT_KEY)
            fac_press(k, key - OV_KEY_DIGIT1); /* digits press menu item N */
        return;
    }
    int kv = (int)key;
    int digit = kv == OV_KEY_DIGIT0 ? '0' : kv >= OV_KEY_DIGIT1 ? '1' + (kv - OV_KEY_DIGIT1) : -1;
    if (digit > 0 && ov_keyboard_page_of((char)digit) >= 0) /* a digit types from any page: its page shows */
        f->kb.page = (ov_kb_page)ov_keyboard_page_of((char)digit);
    ov_kb_key keys[OV_KB_MAX_KEYS];
    int n = ov_keyboard_keys(f->kb.page, keys, OV_KB_MAX_KEYS);
    for (int i = 0; i < n; i++) {
        int hit = (keys[i].kind == OV_KB_CHAR && keys[i].ch == digit) ||
                  (keys[i].kind == OV_KB_SPACE && key == OV_KEY_SPACE) ||
                  (keys[i].kind == OV_KB_DELETE && key == OV_KEY_BACKSPACE) ||
                  (keys[i].kind == OV_KB_DONE && key == OV_KEY_ENTER);
        if (hit) {
            fac_press(k, i);
            return;
        }
    }
}

int ov_kiosk_ideas_key(kiosk *k, ov_key key)
{
    if (k->fac.screen != OV_FAC_OFF || key == OV_KEY_FACILITATOR || (!fac_active(k) && !k->ideas_round))
        return 0;
    if (key == OV_KEY_OTHER)
        return 1; /* no meaning here */
    if (fac_active(k)) {
        fac_key(k, key);
        return 1;
    }
    if (!k->ideas_round)
        return 0;
    if (key >= OV_KEY_DIGIT1 && key < OV_KEY_DIGIT1 + OV_MAX_DIGIT_KEY) {
        member_act(k, OV_ACT_CHOOSE, key - OV_KEY_DIGIT1);
        return 1;
    }
    ov_action a = ov_kiosk_key_action(key);
    if (a == OV_ACT_ACTIVATE && k->ideas_flow.focus < 0)
        a = OV_ACT_YES; /* nothing highlighted: "Done" / "That's right" */
    if (a != OV_ACT_NONE)
        member_act(k, a, 0);
    return 1;
}

int ov_kiosk_ideas_button(kiosk *k, int b)
{
    if (k->fac.screen != OV_FAC_OFF || (!fac_active(k) && !k->ideas_round))
        return 0;
    if (fac_active(k))
        return 1; /* answer buttons mean nothing on the facilitator's screens */
    if (b == OV_BTN_HEAR_AGAIN)
        member_act(k, OV_ACT_HEAR_AGAIN, 0);
    else if (b >= OV_BTN_ANSWER1 && b <= OV_BTN_ANSWER6)
        member_act(k, OV_ACT_CHOOSE, b - OV_BTN_ANSWER1);
    return 1;
}

/* ---- "you said, we did" ---- */

static void add_line(kiosk *k, const char *text)
{
    if (k->n_you_said < YOU_SAID_MAX)
        ov_strlcpy(k->you_said[k->n_you_said++], text, sizeof k->you_said[0]);
}

/* "You said" lines from the closed meeting's results: never a count, and
 * nothing for a question below the small-number threshold. */
static void said_lines(kiosk *k, const char *meeting)
{
    ov_tally_row *rows = NULL;
    int n = 0;
    ov_results *res = ov_results_new();
    if (!res || ov_tally_read_all(k->tally, meeting, &rows, &n) != OV_OK) {
        free(res);
        free(rows);
        return;
    }
    ov_results_build(rows, n, &k->content, meeting, k->cfg.small_numbers, res);
    free(rows);
    int shown = 0, hidden = 0;
    for (int q = 0; q < res->n_questions && shown < YOU_SAID_QUESTIONS; q++) {
        const ov_result_question *rq = &res->questions[q];
        if (rq->total == 0)
            continue;
        if (rq->is_protected || rq->n_top == 0) {
            hidden++;
            continue;
        }
        char line[OV_SENTENCE_LEN];
        snprintf(line, sizeof line, k->content.texts.you_said_line, rq->title, rq->answers[rq->top[0]].word);
        add_line(k, line);
        shown++;
    }
    if (shown == 0 && hidden > 0)
        add_line(k, k->content.texts.you_said_not_enough);
    free(res);
}

void ov_kiosk_ideas_refresh(kiosk *k)
{
    char last[OV_MEETING_LEN];
    k->n_you_said = 0;
    if (!k->cfg.you_said || !k->tally || ov_plan_last_closed(k->tally, last, sizeof last) != OV_OK)
        return;
    ov_ideas_board *b = NULL;
    int n = 0, planned = 0;
    if (ov_plan_boards(k->tally, last, &b, &n) != OV_OK)
        return;
    for (int i = 0; i < n; i++)
        planned += ov_ideas_planned(&b[i], NULL);
    int will = 0, did = 0;
    if (planned > 0) { /* on by default when there is a plan */
        said_lines(k, last);
        char line[OV_SENTENCE_LEN];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < b[i].n_ideas; j++) {
                const ov_plan_action *a = &b[i].ideas[j].plan;
                if (!b[i].ideas[j].planned)
                    continue;
                will += !a->done;
                did += a->done;
                if (a->done)
                    snprintf(line, sizeof line, k->content.texts.we_did, a->what);
                else
                    snprintf(line, sizeof line, k->content.texts.we_will, a->what, a->who, a->when);
                add_line(k, line);
            }
        /* group results and the facilitator's plan only: never what anyone chose */
        ov_log_info("welcome shows \"you said, we did\" for the meeting \"%s\": %d we will, %d we did", last,
                    will, did);
    }
    free(b);
}
