/* kiosk_facilitator.c — carries out what facilitator screens ask for: results
 * from the vote store, meetings and rounds, USB stick export and clearing,
 * new questions from a stick, a new PIN saved in the config file. The screens
 * themselves are pure logic in facilitator.c. */
#include "app/kiosk_state.h"
#include "model/content_texts.h"
#include "platform/keepalive.h"
#include "app/kiosk_views.h"
#include "platform/files.h"
#include "app/kiosk_scan.h"
#include "platform/pin_hash.h"

#include "platform/config_write.h"
#include "model/content_check.h"
#include "platform/content_import.h"
#include "platform/export.h"
#include "platform/paths.h"
#include "platform/tally_plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* OV_KEY_DIGIT1 .. OV_KEY_DIGIT1 + 8 are the keys 1 to 9. */
#define OV_MAX_DIGIT_KEY 9
/* How often to look for USB sticks. */
#define USB_LOOK_MS 2000
#define EXPORT_NAME_ROOM 16 /* room for "/ourvoice" after a stick's mount point */

static void show(kiosk *k)
{
    ov_kiosk_relayout(k);
    k->dirty = 1;
    ov_kiosk_speak(k);
}

void ov_kiosk_fac_open(kiosk *k, int key)
{
    if (k->fac.screen != OV_FAC_OFF && !key)
        return;
    k->fac.has_previous = ov_content_has_previous(k->cfg.data_dir);
    k->stick_waiting = 0; /* the facilitator is here: a stick that waited needs no more asking */
    /* what the facilitator should know about: buttons, sound, questions */
    ov_problem problem = k->gpio ? ov_gpio_problem_code(k->gpio) : OV_PROBLEM_NONE;
    if (!problem && k->speech && k->cfg.speech)
        problem = ov_speech_problem_code(k->speech);
    if (!problem && k->warning[0])
        problem = k->warning_code;
    /* the content's words for it; the log has the detail */
    ov_strlcpy(k->fac.problem, ov_problem_text(&k->content.texts, problem), sizeof k->fac.problem);
    ov_strlcpy(k->fac.theme, k->cfg.theme, sizeof k->fac.theme);
    k->fac.speech = k->cfg.speech;
    k->fac.blank = k->cfg.blank_screen;
    k->fac_touched_ms = ov_kiosk_now(k);
    k->pin_wait_shown = -1;
    k->fac_focus = -1; /* no ring until an arrow key is pressed */
    ov_fac_open(&k->fac, key, ov_kiosk_now(k));
    ov_log_info("facilitator mode opened (%s)", key ? "key switch" : "PIN");
    show(k);
}

void ov_kiosk_fac_close(kiosk *k)
{
    k->fac.screen = OV_FAC_OFF;
    memset(k->fac.typed, 0, sizeof k->fac.typed); /* a half-typed PIN is forgotten */
    memset(k->fac.first_new, 0, sizeof k->fac.first_new);
    if (k->flow.mode == OV_MODE_ROUND)
        ov_flow_set_round(&k->flow, k->flow.round_question, ov_kiosk_now(k));
    else
        ov_flow_set_round(&k->flow, -1, ov_kiosk_now(k));
    show(k);
}

void ov_kiosk_set_round(kiosk *k, int question)
{
    char err[OV_ERR_LEN];
    ov_flow_set_round(&k->flow, question, ov_kiosk_now(k));
    int open = ov_flow_round(&k->flow); /* -1: closed, or refused (the practice question) */
    const char *id = open >= 0 ? k->content.questions[open].id : "";
    if (ov_config_set(k->settings_path, "kiosk", "round", id, err, sizeof err) != OV_OK)
        ov_log_warn("the round is %s now but a restart will not know it: %s", id[0] ? "open" : "closed", err);
}

void ov_kiosk_round_restore(kiosk *k)
{
    if (!k->cfg.round[0])
        return;
    for (int i = 0; i < k->content.n_questions; i++) {
        if (!strcmp(k->content.questions[i].id, k->cfg.round) && ov_question_counted(&k->content, i)) {
            ov_flow_set_round(&k->flow, i, ov_kiosk_now(k));
            ov_log_info("the round on the question \"%s\" is still open, as before the restart",
                        k->cfg.round);
            return;
        }
    }
    ov_log_warn("the round on the question \"%s\" was open, but the questions have no such question now"
                " (or it is the practice question): the round is closed", k->cfg.round);
    ov_kiosk_set_round(k, -1);
}

/* The results screen shows the meeting closed last, never the open one:
 * looking again after one more vote would tell what that vote was. */
static void show_results(kiosk *k)
{
    char meeting[OV_MEETING_LEN] = "";
    int found = k->tally ? ov_plan_last_closed(k->tally, meeting, sizeof meeting) : OV_ENOTFOUND;
    if (found == OV_ENOTFOUND || (found == OV_OK && !meeting[0])) {
        ov_fac_message(&k->fac, k->content.texts.fac_no_results_yet, k->content.texts.fac_no_results_how);
        return;
    }
    if (!k->results)
        k->results = ov_results_new();
    if (!k->results) {
        ov_fac_message(&k->fac, k->content.texts.fac_results_no_memory, NULL);
        return;
    }
    ov_tally_row *rows = NULL;
    int n = 0;
    int rc = found == OV_OK ? ov_tally_read_all(k->tally, meeting, &rows, &n) : found;
    if (rc != OV_OK) {
        free(rows);
        ov_fac_message(&k->fac, k->content.texts.fac_votes_unreadable, k->content.texts.fac_check_data);
        return;
    }
    ov_results_build(rows, n, &k->content, meeting, k->cfg.small_numbers, k->results);
    free(rows);
    ov_kiosk_views_results(k, k->results); /* issue 14: groups side by side, progress since last time */
    ov_fac_show_results(&k->fac, k->results);
}

/* Long work on the loop's thread follows (export, import, restore): feed
 * systemd's watchdog from a helper thread until end_long_work. */
static ov_keepalive *begin_long_work(void)
{
    ov_keepalive *ka = NULL;
    if (ov_keepalive_start(OV_KEEPALIVE_MAX_MS, &ka) != OV_OK)
        ov_log_warn("watchdog: no helper thread for long work; a very slow stick may restart the kiosk");
    return ka;
}

static void end_long_work(ov_keepalive *ka) { ov_keepalive_stop(ka); }

/* 1 (and the facilitator told how to end the meeting) when no meeting is closed yet. */
static int nothing_closed(kiosk *k)
{
    char (*names)[OV_MEETING_LEN] = NULL;
    int n = 0;
    int rc = ov_tally_meeting_names(k->tally, 1, &names, &n);
    free(names);
    if (rc == OV_OK && n > 0)
        return 0;
    ov_fac_message(&k->fac, k->content.texts.fac_save_meeting_on,
                   k->content.texts.fac_save_meeting_on_2);
    return 1;
}

static const ov_mount *first_stick(const kiosk *k) { return k->sticks.n > 0 ? &k->sticks.items[0] : NULL; }

static void export_to_stick(kiosk *k)
{
    const ov_mount *m = first_stick(k);
    if (!m) {
        ov_fac_message(&k->fac, k->content.texts.fac_stick_first, NULL);
        return;
    }
    if (ov_flow_round(&k->flow) >= 0) { /* nothing leaves while people are still voting */
        ov_fac_message(&k->fac, k->content.texts.fac_close_first,
                       k->content.texts.fac_save_after_close);
        return;
    }
    if (!k->tally || nothing_closed(k))
        return;
    char dest[OV_PATH_MAX + EXPORT_NAME_ROOM], err[OV_ERR_LEN];
    snprintf(dest, sizeof dest, "%s/ourvoice", m->mount_point);
    ov_export_report *rep = calloc(1, sizeof *rep);
    if (!rep) {
        ov_fac_message(&k->fac, k->content.texts.fac_save_no_memory, NULL);
        return;
    }
    ov_export_opts opts;
    ov_export_opts_from_config(&opts, &k->cfg); /* closed meetings only: nobody can compare two saves */
    opts.mount_point = m->mount_point;
    ov_keepalive *ka = begin_long_work();
    int rc = ov_export_all_opts(&opts, k->tally, &k->content, NULL, dest, rep, err, sizeof err);
    end_long_work(ka);
    k->fac.export_verified = rc == OV_OK && ov_export_verified(rep);
    if (k->fac.export_verified) {
        char line2[OV_SENTENCE_LEN];
        snprintf(line2, sizeof line2, k->content.texts.fac_saved_files, rep->n_files);
        ov_fac_message(&k->fac, k->content.texts.fac_saved, line2);
        ov_log_info("export: %d files written and checked in %s", rep->n_files, dest);
    } else {
        ov_log_error("export to %s failed: %s", dest, err);
        ov_fac_message(&k->fac,
                       rep->easy[0] ? ov_export_easy_message(rep->code, &k->content.texts)
                                    : k->content.texts.fac_save_failed,
                       k->content.texts.fac_save_failed_2);
    }
    ov_export_report_free(rep);
    free(rep);
}

static void clear_votes(kiosk *k)
{
    char err[OV_ERR_LEN];
    if (!k->tally || ov_tally_clear(k->tally, NULL, err, sizeof err) != OV_OK) {
        if (k->tally)
            ov_log_error("clearing the votes failed: %s", err);
        ov_fac_message(&k->fac, k->content.texts.fac_clear_failed,
                       k->tally ? k->content.texts.fac_check_data : k->content.texts.fac_store_closed);
        return;
    }
    ov_log_info("votes cleared after a verified export");
    ov_fac_message(&k->fac, k->content.texts.fac_cleared, k->content.texts.fac_cleared_2);
}

static void save_pin(kiosk *k)
{
    char err[OV_ERR_LEN], hash[sizeof k->cfg.pin_hash];
    int rc = ov_pin_hash(k->fac.new_pin, hash, sizeof hash);
    memset(k->fac.new_pin, 0, sizeof k->fac.new_pin);
    if (rc != OV_OK) {
        ov_fac_message(&k->fac, k->content.texts.fac_pin_not_made, k->content.texts.fac_try_again);
        return;
    }
    if (ov_config_set(k->settings_path, "facilitator", "pin_hash", hash, err, sizeof err) != OV_OK) {
        ov_log_error("new PIN not saved: %s", err);
        ov_fac_message(&k->fac, k->content.texts.fac_pin_not_saved, k->content.texts.fac_check_data);
        return;
    }
    ov_strlcpy(k->cfg.pin_hash, hash, sizeof k->cfg.pin_hash);
    k->fac.stored_hash = k->cfg.pin_hash;
    ov_pin_guard old = k->fac.guard; /* a new PIN starts with no wrong tries */
    ov_pin_guard_init(&k->fac.guard);
    ov_kiosk_pin_guard_keep(k, &old);
    ov_fac_message(&k->fac, k->content.texts.fac_pin_saved, k->content.texts.fac_pin_saved_2);
}

/* The lines the import screen shows for a checked plan, every one of them
 * (the screen pages through them); returns how many. */
static int import_lines(const ov_import_plan *plan, const ov_texts *t, char lines[][OV_SENTENCE_LEN])
{
    int n = 0;
    if (!plan->ok) {
        for (int i = 0; i < plan->n_problems && n < OV_FAC_IMPORT_MAX_LINES - 1; i++)
            if (plan->problems[i].error)
                ov_strlcpy(lines[n++], plan->problems[i].text, OV_SENTENCE_LEN);
        if (plan->n_errors_not_kept > 0) /* no silent limit: the screen says how many more */
            snprintf(lines[n++], OV_SENTENCE_LEN, OV_TX(t, imp_more_problems), plan->n_errors_not_kept);
        for (int i = 0; i < plan->diags.n; i++)
            ov_log_warn("new questions: %s", plan->diags.items[i].text);
        return n;
    }
    if (plan->n_changes == 0) {
        ov_strlcpy(lines[n++], ov_content_diff_none_sentence(t), OV_SENTENCE_LEN);
        return n;
    }
    int room = OV_FAC_IMPORT_MAX_LINES - (plan->keeps_votes ? 1 : 0);
    for (int i = 0; i < plan->n_changes && n < room; i++)
        ov_content_change_sentence(&plan->changes[i], t, lines[n++], OV_SENTENCE_LEN);
    if (plan->keeps_votes)
        ov_strlcpy(lines[n++], ov_content_diff_votes_note(t), OV_SENTENCE_LEN);
    return n;
}

/* First step: check the stick's questions and show what would change. */
static void check_import(kiosk *k, const char *src)
{
    if (!k->import_plan)
        k->import_plan = malloc(sizeof *k->import_plan);
    if (!k->import_plan) {
        ov_fac_message(&k->fac, k->content.texts.fac_import_no_memory, NULL);
        return;
    }
    ov_keepalive *ka = begin_long_work();
    ov_import_check(src, &k->content, &k->check_opts, k->import_plan);
    end_long_work(ka);
    char lines[OV_FAC_IMPORT_MAX_LINES][OV_SENTENCE_LEN]; /* 8 KB, for this call only */
    const char *ptr[OV_FAC_IMPORT_MAX_LINES];
    int n = import_lines(k->import_plan, &k->content.texts, lines);
    for (int i = 0; i < n; i++)
        ptr[i] = lines[i];
    ov_fac_import_preview(&k->fac, ptr, n, k->import_plan->ok);
}

/* Questions changed (new ones, or the old ones back): speak them, drop the round. */
static void use_content(kiosk *k, const ov_content *c)
{
    k->content = *c;
    ov_flow_set_practice(&k->flow, ov_content_practice(&k->content)); /* from the next visit on */
    if (k->speech)
        ov_speech_set_language(k->speech, k->content.language);
    ov_kiosk_set_round(k, -1); /* question numbers may have changed */
}

/* The end of taking new questions or putting the old ones back: with rc OV_OK
 * the kiosk uses c and returns 1; otherwise it keeps what it has, logs
 * "failed: err", tells the facilitator why (and `stay`), and returns 0. Frees c. */
static int swap_content(kiosk *k, int rc, ov_content *c, const char *err, const char *failed,
                        const char *stay)
{
    if (rc != OV_OK) {
        free(c);
        ov_log_error("%s: %s", failed, err);
        ov_fac_message(&k->fac, ov_import_easy_message(rc, &k->content.texts), stay);
        return 0;
    }
    use_content(k, c);
    free(c);
    return 1;
}

static void import_questions(kiosk *k)
{
    const ov_mount *m = first_stick(k);
    char src[OV_PATH_MAX];
    if (!m || ov_usb_find_content(m->mount_point, src, sizeof src) != OV_OK) {
        ov_fac_message(&k->fac, k->content.texts.fac_import_none,
                       k->content.texts.fac_import_none_2);
        return;
    }
    if (k->fac.screen != OV_FAC_IMPORT || !k->import_plan) {
        check_import(k, src);
        return;
    }
    char err[OV_ERR_LEN];
    ov_content *fresh = malloc(sizeof *fresh);
    ov_keepalive *ka = begin_long_work();
    int rc =
        fresh ? ov_import_apply(k->import_plan, k->cfg.data_dir, NULL, &k->check_opts, fresh, err, sizeof err)
              : ov_fail(err, sizeof err, OV_ENOMEM, "out of memory");
    end_long_work(ka);
    if (!swap_content(k, rc, fresh, err, "new questions not taken", k->content.texts.fac_import_old_used))
        return;
    ov_log_info("new questions taken from %s: %d questions", src, k->content.n_questions);
    ov_fac_message(&k->fac, k->content.texts.fac_import_done,
                   k->content.texts.fac_import_done_2);
}

static void restore_questions(kiosk *k)
{
    char err[OV_ERR_LEN];
    ov_content *older = malloc(sizeof *older);
    ov_keepalive *ka = begin_long_work();
    int rc = older
                 ? ov_content_restore_previous(k->cfg.data_dir, NULL, &k->check_opts, older, err, sizeof err)
                 : ov_fail(err, sizeof err, OV_ENOMEM, "out of memory");
    end_long_work(ka);
    if (!swap_content(k, rc, older, err, "old questions not put back", k->content.texts.fac_restore_stay))
        return;
    ov_fac_message(&k->fac, k->content.texts.fac_restored, k->content.texts.fac_restored_2);
}

/* A setting changed on the settings screen: use it now and keep it. */
static void apply_setting(kiosk *k)
{
    const char *section = NULL, *key = NULL, *value = NULL;
    switch (k->fac.changed) {
    case OV_SETTING_THEME:
        ov_strlcpy(k->cfg.theme, k->fac.theme, sizeof k->cfg.theme);
        ov_render_set_theme(k->render, k->cfg.theme);
        k->env.text_scale = ov_render_text_scale(k->render);
        section = "display";
        key = "theme";
        value = k->cfg.theme;
        break;
    case OV_SETTING_CONFIRM:
        ov_flow_set_confirm_step(&k->flow, !k->flow.confirm_step);
        section = "kiosk";
        key = "confirm";
        value = k->flow.confirm_step ? "yes" : "no";
        break;
    case OV_SETTING_SPEECH: {
        int was = k->cfg.speech;
        k->cfg.speech = k->fac.speech;
        if (!k->cfg.speech && k->speech)
            ov_speech_stop(k->speech);
        if (k->cfg.speech && !was)
            ov_kiosk_open_speech(k); /* it may have started silent */
        section = "speech";
        key = "speech";
        value = k->cfg.speech ? "yes" : "no";
        break;
    }
    case OV_SETTING_BLANK:
        k->cfg.blank_screen = k->fac.blank;
        ov_flow_set_screen_off_offer(&k->flow, k->headphones_in, k->cfg.blank_screen);
        section = "speech";
        key = "blank_screen";
        value = k->cfg.blank_screen ? "yes" : "no";
        break;
    case OV_SETTING_NONE:
        return;
    }
    char err[OV_ERR_LEN];
    if (ov_config_set(k->settings_path, section, key, value, err, sizeof err) != OV_OK)
        ov_log_warn("setting %s = %s is used now but not kept: %s", key, value, err);
}

/* The facilitator picked a new meeting, or ended this one. */
static void change_meeting(kiosk *k, int end)
{
    char old[OV_MEETING_LEN], line2[OV_SENTENCE_LEN];
    ov_strlcpy(old, k->meeting, sizeof old);
    int rc = end ? ov_kiosk_meeting_end(k) : ov_kiosk_meeting_begin(k, k->fac.chosen_meeting);
    if (rc != OV_OK) {
        ov_fac_message(&k->fac, k->content.texts.fac_meeting_failed,
                       k->content.texts.fac_meeting_failed_2);
        return;
    }
    snprintf(line2, sizeof line2, k->content.texts.fac_meeting_votes_for, k->meeting);
    if (end) {
        char line1[OV_SENTENCE_LEN];
        snprintf(line1, sizeof line1, k->content.texts.fac_meeting_ended, old);
        ov_fac_message(&k->fac, line1, line2);
    }
}

/* 1 when pressing item of the screen on show is a key of a PIN being typed
 * (a digit or Delete): the pad then says nothing new, the stars are never said. */
static int is_typing(kiosk *k, int item)
{
    ov_fac_menu(&k->fac, &k->fac_menu);
    const ov_menu *m = &k->fac_menu;
    if (!m->keypad || item < 0 || item >= m->n_items)
        return 0;
    return m->items[item].action == OV_MENU_DIGIT || m->items[item].action == OV_MENU_DELETE;
}

/* After a key of the PIN pad: draw the stars, and read the screen again only
 * when what it says changed (a facilitator who cannot see is not sent back to
 * "1, 2, 3" after each digit; the wait after wrong tries is still read). */
static void show_typed(kiosk *k, int screen_before, const char *said_before)
{
    ov_kiosk_relayout(k);
    k->dirty = 1;
    if ((int)k->fac.screen != screen_before || strcmp(said_before, k->layout.speech))
        ov_kiosk_speak(k);
}

/* A digit or Delete of the PIN pad pressed (is_typing). */
static void press_typed(kiosk *k, int item)
{
    int screen_before = (int)k->fac.screen;
    char said_before[sizeof k->layout.speech];
    ov_strlcpy(said_before, k->layout.speech, sizeof said_before);
    ov_pin_guard before = k->fac.guard;
    k->fac_touched_ms = ov_kiosk_now(k);
    ov_fac_do d = ov_fac_press(&k->fac, item, ov_kiosk_now(k));
    ov_kiosk_pin_guard_keep(k, &before);
    if (d != OV_FAC_DO_NOTHING)
        show_typed(k, screen_before, said_before);
}

void ov_kiosk_fac_press(kiosk *k, int item)
{
    if (is_typing(k, item)) {
        press_typed(k, item);
        return;
    }
    ov_pin_guard before = k->fac.guard;
    k->fac_touched_ms = ov_kiosk_now(k);
    ov_fac_do d = ov_fac_press(&k->fac, item, ov_kiosk_now(k));
    ov_kiosk_pin_guard_keep(k, &before);
    switch (d) {
    case OV_FAC_DO_NOTHING:
        return;
    case OV_FAC_DO_REDRAW:
        break;
    case OV_FAC_DO_EXIT:
        ov_kiosk_fac_close(k);
        return;
    case OV_FAC_DO_SAVE_PIN:
        save_pin(k);
        break;
    case OV_FAC_DO_SET_MEETING:
        change_meeting(k, 0);
        break;
    case OV_FAC_DO_END_MEETING:
        change_meeting(k, 1);
        break;
    case OV_FAC_DO_OPEN_ROUND:
        ov_kiosk_set_round(k, k->fac.chosen_round);
        show(k);
        return;
    case OV_FAC_DO_CLOSE_ROUND:
        ov_kiosk_set_round(k, -1);
        break;
    case OV_FAC_DO_RESULTS:
        show_results(k);
        break;
    case OV_FAC_DO_EXPORT:
        export_to_stick(k);
        break;
    case OV_FAC_DO_CLEAR:
        clear_votes(k);
        break;
    case OV_FAC_DO_IMPORT:
        import_questions(k);
        break;
    case OV_FAC_DO_RESTORE:
        restore_questions(k);
        break;
    case OV_FAC_DO_SETTING:
        apply_setting(k);
        break;
    case OV_FAC_DO_IDEAS:
        ov_kiosk_ideas_open(k);
        return;
    }
    show(k);
}

/* The keypad item a key presses on a PIN screen (OV_MENU_NONE: none). */
static ov_menu_action keypad_action(ov_key key, int *digit)
{
    *digit = 0;
    if (key >= OV_KEY_DIGIT0 && key < OV_KEY_DIGIT1 + OV_MAX_DIGIT_KEY) {
        *digit = key - OV_KEY_DIGIT0;
        return OV_MENU_DIGIT;
    }
    switch (key) {
    case OV_KEY_ENTER:
        return OV_MENU_OK;
    case OV_KEY_BACKSPACE:
        return OV_MENU_DELETE;
    case OV_KEY_ESCAPE:
        return OV_MENU_CANCEL;
    default:
        return OV_MENU_NONE;
    }
}

void ov_kiosk_fac_mark_focus(kiosk *k)
{
    if ((int)k->fac.screen != k->fac_focus_screen || k->fac_focus >= k->layout.n_buttons)
        k->fac_focus = -1;
    k->fac_focus_screen = (int)k->fac.screen;
    if (k->fac_focus >= 0)
        k->layout.buttons[k->fac_focus].focused = 1;
}

/* An arrow key: the ring to the next (step 1) or previous (-1) button of the
 * screen, round the end, and the button said. */
static void move_fac_focus(kiosk *k, int step)
{
    int n = k->layout.n_buttons;
    if (n <= 0)
        return;
    int from = k->fac_focus >= 0 ? k->fac_focus : (step > 0 ? -1 : 0);
    k->fac_focus = (from + step + n) % n;
    ov_kiosk_relayout(k);
    k->dirty = 1;
    ov_kiosk_scan_say_button(k, k->fac_focus);
}

/* Enter or Space: press the button the ring is on. */
static void press_fac_focus(kiosk *k)
{
    ov_target t = k->layout.buttons[k->fac_focus].target;
    if (t.kind == OV_TARGET_MENU)
        ov_kiosk_fac_press(k, t.index);
    else if (t.kind == OV_TARGET_HEAR_AGAIN)
        ov_kiosk_speak(k);
}

/* Arrow keys, Enter and Space on a facilitator screen other than the PIN pad
 * (where Enter is OK): returns 1 when key was one of them. */
static int fac_focus_key(kiosk *k, ov_key key)
{
    int back = key == OV_KEY_LEFT || key == OV_KEY_UP, on = key == OV_KEY_RIGHT || key == OV_KEY_DOWN;
    int step = back ? -1 : on ? 1 : 0;
    if (step) {
        move_fac_focus(k, step);
        return 1;
    }
    if ((key == OV_KEY_ENTER || key == OV_KEY_SPACE) && k->fac_focus >= 0) {
        press_fac_focus(k);
        return 1;
    }
    return 0;
}

void ov_kiosk_fac_key(kiosk *k, ov_key key)
{
    ov_menu *m = &k->fac_menu;
    k->fac_touched_ms = ov_kiosk_now(k);
    ov_fac_menu(&k->fac, m);
    if (key == OV_KEY_OTHER)
        return;
    if (key == OV_KEY_HEAR) {
        ov_kiosk_speak(k);
        return;
    }
    if (m->keypad) {
        int digit;
        ov_menu_action a = keypad_action(key, &digit);
        int i = a == OV_MENU_NONE ? -1 : ov_menu_find(m, a, digit);
        if (i >= 0)
            ov_kiosk_fac_press(k, i);
        return;
    }
    if (fac_focus_key(k, key))
        return;
    if (key == OV_KEY_ESCAPE) {
        k->fac.screen = OV_FAC_MENU;
        show(k);
        return;
    }
    if (key >= OV_KEY_DIGIT1 && key < OV_KEY_DIGIT1 + OV_MAX_DIGIT_KEY) { /* digits press menu item N */
        int i = key - OV_KEY_DIGIT1;
        if (i < m->n_items)
            ov_kiosk_fac_press(k, i);
    }
}

/* The visit during which a stick was plugged in has ended: ask for the PIN,
 * and say why it comes only now. */
static void open_for_waiting_stick(kiosk *k)
{
    k->stick_waiting = 0;
    ov_log_info("USB stick: the visit during which it was plugged in has ended");
    ov_kiosk_fac_open(k, 0);
    ov_strlcpy(k->fac.message, k->content.texts.fac_stick_waited, sizeof k->fac.message);
    show(k);
}

void ov_kiosk_watch_usb(kiosk *k)
{
    int visit_over = k->fac.screen == OV_FAC_OFF && k->flow.screen == OV_SCREEN_WELCOME;
    if (k->stick_waiting && k->sticks.n > 0 && visit_over)
        open_for_waiting_stick(k); /* the visit has just ended */
    uint64_t now = ov_now_ms();
    if (now < k->next_usb_look)
        return;
    k->next_usb_look = now + USB_LOOK_MS;
    const char *mountinfo = ov_env("OV_MOUNTINFO"); /* tests point this at a fixture */
    ov_mount_list now_list, added;
    char err[OV_ERR_LEN];
    if (ov_usb_read_mounts(mountinfo, k->cfg.usb_mount_dir, &now_list, err, sizeof err) < 0)
        return;
    int changes = ov_usb_diff(&k->sticks, &now_list, &added, NULL);
    k->sticks = now_list;
    k->fac.stick_present = now_list.n > 0;
    char content_dir[OV_PATH_MAX];
    k->fac.has_previous = ov_content_has_previous(k->cfg.data_dir);
    k->fac.stick_has_content =
        now_list.n > 0 &&
        ov_usb_find_content(now_list.items[0].mount_point, content_dir, sizeof content_dir) == OV_OK;
    if (now_list.n == 0)
        k->stick_waiting = 0; /* pulled out before the visit ended */
    if (!changes)
        return;
    if (added.n > 0) {
        ov_log_info("USB stick found at %s", added.items[0].mount_point);
        if (k->fac.screen == OV_FAC_OFF && k->flow.screen == OV_SCREEN_WELCOME)
            ov_kiosk_fac_open(k, 0); /* ask for the PIN */
        else if (k->fac.screen == OV_FAC_OFF)
            k->stick_waiting = 1; /* a member is voting: never in their way; after the visit */
    } else if (now_list.n == 0) {
        k->fac.export_verified = 0;
    }
    if (k->fac.screen != OV_FAC_OFF) {
        ov_kiosk_relayout(k);
        k->dirty = 1;
    }
}
