/* kiosk.c — the main loop: draws only when something changed, turns touches,
 * keys and buttons into flow actions, speaks each screen, stores votes and
 * shows "thank you" only after the store has committed them. */
#include "app/kiosk.h"
#include "platform/content_load.h"
#include "app/kiosk_state.h"
#include "model/content_texts.h"
#include "ui/layout_review.h"
#include "app/kiosk_scan.h"

#include "platform/headphones.h"
#include "platform/paths.h"
#include "platform/pi_display.h"
#include "platform/script_file.h"
#include "platform/signals.h"
#include "platform/sdnotify.h"
#include "platform/signals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest sleep between two looks at a stop request (SIGTERM/SIGINT): the
 * kiosk must leave within 1 s (app/main.c). */
#define STOP_CHECK_MS 100
#define HIGHLIGHT_STEP_MS 30 /* while speaking: the word highlight follows the voice this closely */
/* Size of the error texts the loop collects. */
#define MS_PER_S 1000
/* A tap lasts twice the debounce time and this much more, as fingers do. */
#define TAP_EXTRA_MS 20
#define FAC_CORNER_MM 25     /* the facilitator's hidden way in: a long press this near the top-left corner */
#define DIGIT_KEYS 9         /* the keys 1 to 9 choose an answer (or Sound) */
#define WARNING_SPARE_LEN 64 /* the content's warning stays this much under WARNING_LEN */
#define STUCK_MSG_LEN 200    /* the stuck-button warning: a button's name and the sentence */

uint64_t ov_kiosk_now(const kiosk *k) { return ov_now_ms() + k->clock_skip; }

void ov_kiosk_note_problem(kiosk *k, ov_problem code, const char *msg)
{
    if (!k->warning[0]) {
        ov_strlcpy(k->warning, msg, sizeof k->warning);
        k->warning_code = code;
    }
}

void ov_kiosk_warn(kiosk *k, ov_problem code, const char *msg)
{
    ov_log_warn("%s", msg);
    ov_kiosk_note_problem(k, code, msg);
}

/* ---- set-up ---- */

static void load_content(kiosk *k, const char *dir_opt)
{
    char dir[OV_PATH_MAX];
    ov_resolve_content_dir(&k->cfg, dir_opt, dir,
                           sizeof dir); /* a stick's questions win over the installed ones */
    ov_diags d;
    ov_diags_init(&d);
    int r = ov_content_check(dir, &k->check_opts, &k->content, &d);
    if (r == OV_OK) {
        if (d.n_warnings)
            ov_log_info("content %s: %d easy-read warnings (run: ourvoice check-content %s)", dir,
                        d.n_warnings, dir);
        return;
    }
    ov_diags_print(&d, stderr);
    ov_content_builtin(&k->content);
    ov_find_asset_dir("content/en", k->content.dir, sizeof k->content.dir); /* its pictures */
    char msg[WARNING_LEN - WARNING_SPARE_LEN];
    snprintf(msg, sizeof msg,
             "the questions in %s have %d problem%s, so the built-in questions are shown. "
             "Check them with: ourvoice check-content %s",
             dir, d.n_errors, d.n_errors == 1 ? "" : "s", dir);
    ov_kiosk_warn(k, OV_PROBLEM_CONTENT, msg);
}

static void open_tally(kiosk *k)
{
    char err[OV_ERR_LEN];
    if (ov_tally_open(k->cfg.data_dir, &k->tally, err, sizeof err) != OV_OK) {
        k->tally = NULL;
        ov_kiosk_warn(k, OV_PROBLEM_VOTES, err); /* votes will show "not saved", never "thank you" */
    }
}

/* ---- drawing ---- */

void ov_kiosk_relayout(kiosk *k)
{
    if (ov_kiosk_ideas_relayout(k)) /* ideas screens, priorities round, "you said, we did" */
        return;
    if (k->fac.screen != OV_FAC_OFF) {
        ov_fac_menu(&k->fac, &k->fac_menu);
        ov_layout_menu(&k->env, &k->fac_menu, k->content.texts.hear_again, &k->layout);
        ov_kiosk_fac_mark_focus(k);
        return;
    }
    char strip[OV_SENTENCE_LEN * 2] = ""; /* the welcome screen's facilitator strip, in the content's words */
    if (k->flow.screen == OV_SCREEN_WELCOME && k->warning[0])
        snprintf(strip, sizeof strip, k->content.texts.fac_strip,
                 ov_problem_text(&k->content.texts, k->warning_code));
    int fits = ov_layout_screen(&k->env, &k->flow, strip[0] ? strip : NULL, &k->layout) == OV_OK;
    /* No log line may depend on a choice: the confirm screen shows the chosen
     * answer, so its fit is never logged (check-content reports every text
     * that does not fit, for every answer). */
    if (!fits && k->flow.screen != OV_SCREEN_CONFIRM)
        ov_log_info("screen %s: some text was made smaller to fit", ov_screen_name(k->flow.screen));
}

int ov_kiosk_draw(kiosk *k, const char *png)
{
    char err[OV_ERR_LEN];
    ov_display_begin(k->display);
    if (ov_kiosk_blank(k)) /* headphones in, screen off: nothing for the room to see */
        ov_headphones_blank_frame(ov_display_renderer(k->display));
    else
        ov_render_draw(k->render, &k->layout, k->hl_text, k->hl_word);
    int r = ov_display_end(k->display, png, err, sizeof err);
    if (r != OV_OK)
        ov_log_error("%s", err);
    k->frames++;
    k->dirty = 0;
    return r;
}

void ov_kiosk_speak(kiosk *k)
{
    if (!k->speech || !k->cfg.speech)
        return;
    ov_kiosk_scan_prepare(k);
    /* scanning: a new screen reads its words but the targets' labels (through the room
     * speaker the answers too); each target is then said as it is highlighted */
    int intro_only = ov_kiosk_scanning(k) && k->scan_pending;
    ov_speech_part parts[OV_SPEECH_MAX_PARTS];
    char paths[OV_SPEECH_MAX_PARTS][OV_PATH_MAX]; /* the speech copies what it keeps */
    int n = ov_kiosk_speech_parts(k, intro_only, parts, OV_SPEECH_MAX_PARTS, paths);
    k->hl_text = k->hl_word = -1;
    k->speech_base = 0;
    k->speaking_item = 0;
    k->scan_prompt = 0;
    ov_speech_say_parts(k->speech, parts, n);
    if (ov_kiosk_scanning(k) && !intro_only)
        ov_scan_wait_speech(&k->scan, ov_kiosk_now(k)); /* "hear it again" is never cut off */
    /* problems can appear later (a broken recording, no voice for new questions): tell once */
    const char *problem = ov_speech_problem(k->speech);
    if (problem && strcmp(problem, k->speech_problem_seen)) {
        ov_strlcpy(k->speech_problem_seen, problem, sizeof k->speech_problem_seen);
        ov_log_warn("speech: %s", problem);
    }
}

/* ---- votes ---- */

static int store_votes(kiosk *k)
{
    int qs[OV_MAX_QUESTIONS], as[OV_MAX_QUESTIONS];
    if (k->flow.screen != OV_SCREEN_SAVING) /* only what this member has just asked to save */
        return 0;
    int n = ov_flow_pending(&k->flow, qs, as, OV_MAX_QUESTIONS);
    if (!k->tally) {
        char err[OV_ERR_LEN];
        if (ov_tally_open(k->cfg.data_dir, &k->tally, err, sizeof err) != OV_OK) {
            k->tally = NULL;
            ov_log_error("vote not stored: %s", err);
            return 0;
        }
    }
    const char *qids[OV_MAX_QUESTIONS], *aids[OV_MAX_QUESTIONS];
    for (int i = 0; i < n; i++) {
        const ov_answer *a[OV_MAX_ANSWERS];
        ov_question_answers(&k->content, qs[i], a);
        qids[i] = k->content.questions[qs[i]].id;
        aids[i] = a[as[i]]->id;
    }
    char err[OV_ERR_LEN];
    int g = ov_flow_group(&k->flow); /* issue 14: whose view, counted per group ("" = not said) */
    const char *gid = g >= 0 ? k->content.who.groups[g].id : "";
    if (ov_tally_add_set_group(k->tally, k->meeting, gid, qids, aids, n, err, sizeof err) != OV_OK) {
        ov_log_error("votes not stored: %s", err);
        return 0;
    }
    return 1;
}

/* ---- input ---- */

void ov_kiosk_show_effects(kiosk *k, int effects, uint64_t now, void (*clear_focus)(kiosk *k))
{
    if (effects & OV_FLOW_BLINK) {
        ov_buttons_lockout(&k->buttons, now); /* repeats right after a vote are ignored */
        if (k->gpio)
            ov_gpio_blink(k->gpio, now);
    }
    if (effects & OV_FLOW_SOUND)
        ov_kiosk_sound_step(k, k->flow.sound_step); /* says the change at the new setting */
    if (effects & OV_FLOW_SCREEN)
        ov_kiosk_say_screen_off(k); /* "The screen is off. Nobody can see your answers." */
    int new_screen = (effects & OV_FLOW_REDRAW) && (effects & OV_FLOW_SPEAK);
    if (new_screen && k->scan.mode != OV_SCAN_OFF) { /* switch users: scan the new screen once it is read */
        clear_focus(k);
        k->scan_pending = 1;
    }
    if (effects & (OV_FLOW_REDRAW | OV_FLOW_SPEAK)) {
        ov_kiosk_relayout(k);
        k->dirty = 1;
    }
    if (effects & OV_FLOW_SPEAK) {
        k->speaking_item = 0;
        ov_kiosk_speak(k);
    }
}

static void clear_flow_focus(kiosk *k) { ov_flow_set_focus(&k->flow, -1); }

static void apply(kiosk *k, int effects)
{
    uint64_t now = ov_kiosk_now(k);
    ov_kiosk_flow_speaking(k); /* the thank-you and the idle warning wait for their speech */
    if (effects & OV_FLOW_WANT_COMMIT) {
        int ok = store_votes(k);
        effects |= ov_flow_committed(&k->flow, ok, ov_kiosk_now(k));
    }
    if (k->flow.screen == OV_SCREEN_WELCOME)
        k->env.buttons_in_use = 0; /* the next person starts with no way of answering assumed */
    ov_kiosk_scan_follow_visit(k); /* the next two-switch member says which switch moves */
    ov_kiosk_show_effects(k, effects, now, clear_flow_focus);
    if (effects & OV_FLOW_SPEAK)
        ov_kiosk_flow_speaking(k);
}

ov_action ov_kiosk_key_action(ov_key key)
{
    switch (key) {
    case OV_KEY_LEFT:
    case OV_KEY_UP:
        return OV_ACT_FOCUS_PREV;
    case OV_KEY_RIGHT:
    case OV_KEY_DOWN:
        return OV_ACT_FOCUS_NEXT;
    case OV_KEY_ENTER:
    case OV_KEY_SPACE:
        return OV_ACT_ACTIVATE;
    case OV_KEY_ESCAPE:
    case OV_KEY_BACKSPACE:
        return OV_ACT_NO;
    case OV_KEY_HEAR:
        return OV_ACT_HEAR_AGAIN;
    default:
        return OV_ACT_NONE;
    }
}

void ov_kiosk_act(kiosk *k, ov_action a, int arg)
{
    apply(k, ov_flow_act(&k->flow, a, arg, ov_kiosk_now(k)));
}

static void on_press(kiosk *k, const ov_event *ev)
{
    int x = ev->x, y = ev->y, long_press = ev->long_press;
    /* a touch presses a target only when it starts and ends on it */
    ov_target t = ov_layout_press_target(&k->layout, ev->down_x, ev->down_y, x, y);
    if (ov_kiosk_ideas_press(k, t, x, y, long_press))
        return;
    if (k->fac.screen != OV_FAC_OFF) {
        if (t.kind == OV_TARGET_MENU)
            ov_kiosk_fac_press(k, t.index);
        else if (t.kind == OV_TARGET_HEAR_AGAIN)
            ov_kiosk_speak(k);
        return;
    }
    k->env.buttons_in_use = 0; /* a touch: the confirm step says "touch" only */
    /* the hidden way in for facilitators: hold the top-left corner for 3 seconds */
    int corner = (int)(FAC_CORNER_MM * k->env.px_per_mm);
    if (long_press && x < corner && y < corner && k->flow.screen == OV_SCREEN_WELCOME) {
        ov_kiosk_fac_open(k, 0);
        return;
    }
    if (t.kind == OV_TARGET_NONE) {
        if (k->flow.screen == OV_SCREEN_WELCOME)
            ov_kiosk_act(k, OV_ACT_ANY, 0); /* a touch anywhere starts */
        else
            ov_kiosk_member_activity(k); /* a touch beside the targets: someone is there */
        return;
    }
    int arg;
    ov_action a = ov_flow_target_action(t, &arg);
    ov_kiosk_act(k, a, arg);
}

static void on_key(kiosk *k, ov_key key)
{
    if (ov_kiosk_ideas_key(k, key))
        return;
    if (k->fac.screen != OV_FAC_OFF) {
        ov_kiosk_fac_key(k, key);
        return;
    }
    if (key == OV_KEY_FACILITATOR) {
        ov_kiosk_fac_open(k, 0);
        return;
    }
    if (k->scan.mode != OV_SCAN_OFF && (key == OV_KEY_SPACE || key == OV_KEY_ENTER)) {
        /* USB switch interfaces send Space / Enter: the same path as GPIO switches */
        int b =
            (k->scan.mode == OV_SCAN_TWO && key == OV_KEY_ENTER) ? OV_BTN_SWITCH_SELECT : OV_BTN_SWITCH_MOVE;
        ov_buttons_tap(&k->buttons, b, ov_kiosk_now(k));
        return;
    }
    if (key >= OV_KEY_DIGIT1 && key < OV_KEY_DIGIT1 + DIGIT_KEYS) {
        ov_kiosk_act(k, OV_ACT_CHOOSE, key - OV_KEY_DIGIT1); /* welcome: 2 opens Sound, the others start */
        return;
    }
    ov_action a = ov_kiosk_key_action(key);
    if (a != OV_ACT_NONE)
        ov_kiosk_act(k, a, 0);
    else if (k->flow.screen == OV_SCREEN_WELCOME)
        ov_kiosk_act(k, OV_ACT_ANY, 0);
    else
        ov_kiosk_member_activity(k);
}

/* A clean press of physical button `b` (after debounce). */
static void on_button(kiosk *k, int b)
{
    if (ov_kiosk_ideas_button(k, b))
        return;
    if (b == OV_BTN_HEAR_AGAIN) {
        ov_kiosk_act(k, OV_ACT_HEAR_AGAIN, 0);
        return;
    }
    if (b >= OV_BTN_ANSWER1 && b <= OV_BTN_ANSWER6) {
        k->env.buttons_in_use = 1; /* the confirm step says "press the same button again" */
        ov_kiosk_act(k, OV_ACT_CHOOSE, b - OV_BTN_ANSWER1); /* welcome: 2 opens Sound, the others start */
    }
}

/* Scanning moved the highlight or chose an item. */
static void on_scan(kiosk *k, const ov_scan_event *ev)
{
    if (ov_kiosk_scan_setup_event(k, ev)) /* two switches: which one moves */
        return;
    if (ov_kiosk_ideas_scan(k, ev)) /* a priorities round has its own targets */
        return;
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(&k->flow, t, OV_MAX_TARGETS);
    ov_kiosk_scan_prepare(k);
    if (ev->pressed)
        ov_kiosk_scan_note_activity(k); /* a "move" press is activity too */
    if (ev->what == OV_SCAN_PAUSED) {
        ov_flow_set_focus(&k->flow, -1);
        ov_kiosk_relayout(k);
        ov_kiosk_scan_stopped(k); /* shows and says how to start again */
        return;
    }
    if (ev->item < 0 || ev->item >= n)
        return;
    if (ev->what == OV_SCAN_HIGHLIGHT) {
        ov_flow_set_focus(&k->flow, ev->item);
        ov_kiosk_relayout(k);
        k->scan_prompt = 0;
        k->dirty = 1;
        for (int i = 0; i < k->layout.n_buttons; i++) /* say what is highlighted */
            if (k->layout.buttons[i].focused)
                ov_kiosk_scan_say_button(k, i);
    } else if (ev->what == OV_SCAN_CHOOSE) {
        int arg;
        ov_action a = ov_flow_target_action(t[ev->item], &arg);
        ov_kiosk_act(k, a, arg);
    }
}

/* The answer lights: the buttons of the answers this question has, while a
 * question or its confirm screen is up (issue 13: only answers that exist). */
static unsigned answer_lights(const kiosk *k)
{
    if (k->fac.screen != OV_FAC_OFF ||
        (k->flow.screen != OV_SCREEN_QUESTION && k->flow.screen != OV_SCREEN_CONFIRM))
        return 0u;
    const ov_answer *a[OV_MAX_ANSWERS];
    return ov_lights_mask(1, ov_question_answers(&k->content, k->flow.question, a));
}

static void take_presses(kiosk *k)
{
    ov_press p;
    uint64_t now = ov_kiosk_now(k);
    while (ov_buttons_poll(&k->buttons, now, &p, 1) == 1) {
        if (p.kind == OV_PRESS)
            ov_kiosk_member_activity(k); /* switch "move" presses too: the idle warning waits */
        switch (p.kind) {
        case OV_PRESS:
            if (p.button == OV_BTN_SWITCH_MOVE || p.button == OV_BTN_SWITCH_SELECT) {
                ov_scan_event ev;
                if (ov_scan_press(&k->scan, p.button, now, &ev))
                    on_scan(k, &ev); /* the highlighted item decides, on welcome too */
                else if (k->flow.screen == OV_SCREEN_WELCOME && !k->ideas_round)
                    ov_kiosk_act(k, OV_ACT_ANY, 0); /* no scan running: any press starts */
            } else if (p.button == OV_BTN_KEY_SWITCH) {
                ov_kiosk_fac_open(k, 1); /* the key switch needs no PIN */
            } else if (k->fac.screen == OV_FAC_OFF) {
                on_button(k, p.button);
            }
            break;
        case OV_RELEASE_KEY:
            if (p.button == OV_BTN_KEY_SWITCH && k->fac.screen != OV_FAC_OFF)
                ov_kiosk_fac_close(k); /* key turned back: voting again */
            break;
        case OV_STUCK: {
            char msg[STUCK_MSG_LEN];
            snprintf(msg, sizeof msg,
                     "the %s has been held down for %d s, so it is ignored until it is let go. Check it is "
                     "not stuck.",
                     ov_button_name(p.button), k->cfg.stuck_s);
            ov_kiosk_warn(k, OV_PROBLEM_BUTTON_STUCK, msg);
            ov_kiosk_relayout(k);
            k->dirty = 1;
            break;
        }
        default:
            break;
        }
    }
}

int ov_kiosk_tap_ms(const kiosk *k) { return k->cfg.debounce_ms * 2 + TAP_EXTRA_MS; }

void ov_kiosk_run_for(kiosk *k, int ms)
{
    uint64_t end = ov_now_ms() + (uint64_t)(ms > 0 ? ms : 0);
    while (!k->quit && ov_now_ms() < end)
        ov_kiosk_turn(k, (int)(end - ov_now_ms()));
}

/* Script `button N` / `hold N MS`: the same debouncer as a GPIO edge. */
void ov_kiosk_script_button(kiosk *k, int b, int hold_ms)
{
    if (hold_ms <= 0) { /* a tap: down, then up after the debounce time, as fingers do */
        ov_buttons_tap(&k->buttons, b, ov_kiosk_now(k));
        ov_kiosk_run_for(k, ov_kiosk_tap_ms(k));
        return;
    }
    ov_buttons_edge(&k->buttons, b, 1, ov_kiosk_now(k));
    ov_kiosk_run_for(k, hold_ms);
    ov_buttons_edge(&k->buttons, b, 0, ov_kiosk_now(k));
}

static void handle(kiosk *k, const ov_event *ev)
{
    switch (ev->kind) {
    case OV_EV_QUIT:
        k->quit = 1;
        break;
    case OV_EV_EXPOSE:
        ov_render_invalidate(k->render); /* the window may have lost its pixels */
        k->dirty = 1;
        break;
    case OV_EV_PRESS:
        on_press(k, ev);
        break;
    case OV_EV_KEY:
        on_key(k, ev->key);
        break;
    default:
        break;
    }
}

/* Follow the word being heard; redraw only when it changes. Scanning goes
 * on once the item it waits for has been heard. */
static void follow_speech(kiosk *k)
{
    int text = -1, word = -1, cs, cl;
    ov_kiosk_scan_after_speech(k);
    if (k->speech && k->speech_base >= 0 && ov_speech_current_word(k->speech, &cs, &cl))
        ov_layout_word_at(&k->layout, cs + k->speech_base, &text, &word);
    if (text != k->hl_text || word != k->hl_word) {
        k->hl_text = text;
        k->hl_word = word;
        k->dirty = 1;
    }
}

static int min_wait(int a, int b) { return a < 0 ? b : b < 0 ? a : a < b ? a : b; }

/* The button lines' edges wake the display's wait; returns the ms until the
 * GPIO needs a turn anyway (the blink after a vote, retries), or -1. */
static int watch_gpio(kiosk *k, uint64_t now)
{
    int fds[OV_GPIO_MAX_FDS];
    ov_display_watch_fds(k->display, fds, ov_gpio_fds(k->gpio, fds, OV_GPIO_MAX_FDS));
    return ov_gpio_wait_ms(k->gpio, now);
}

/* One turn of the loop: wait for input or a deadline, then draw if needed. */
void ov_kiosk_turn(kiosk *k, int max_wait_ms)
{
    if (ov_signals_stop_requested()) { /* SIGTERM / SIGINT: leave cleanly (app/main.c) */
        if (!k->quit)
            ov_log_info("asked to stop: closing the vote store and leaving");
        k->quit = 1;
        return;
    }
    uint64_t now = ov_kiosk_now(k);
    apply(k, ov_flow_tick(&k->flow, now));
    int ideas_wait = ov_kiosk_ideas_tick(k);
    if (k->gpio) {
        if (ov_gpio_retry(k->gpio, now) == 1)
            ov_log_info("GPIO buttons: %d lines working", ov_gpio_working(k->gpio));
        ov_gpio_read(k->gpio, &k->buttons, now);
        ov_gpio_lights(k->gpio, answer_lights(k), now);
    }
    take_presses(k);
    ov_kiosk_watch_usb(k);
    ov_kiosk_privacy_tick(k);
    ov_scan_event sev;
    if (k->scan_pending && !(k->speech && ov_speech_busy(k->speech))) {
        ov_target t[OV_MAX_TARGETS];
        k->scan_pending = 0;
        int nt = ov_kiosk_ideas_targets(k, t, OV_MAX_TARGETS); /* -1: not a priorities round */
        if (ov_scan_start(&k->scan, nt >= 0 ? nt : ov_flow_targets(&k->flow, t, OV_MAX_TARGETS),
                          ov_kiosk_now(k), &sev))
            on_scan(k, &sev);
    }
    if (ov_scan_tick(&k->scan, ov_kiosk_now(k), &sev))
        on_scan(k, &sev);
    if (k->dirty) {
        ov_kiosk_draw(k, NULL);
    }
    if (k->watchdog_ms && ov_now_ms() - k->last_ping >= k->watchdog_ms) {
        ov_sd_notify("WATCHDOG=1");
        k->last_ping = ov_now_ms();
    }

    now = ov_kiosk_now(k);
    int wait = ov_flow_next_deadline(&k->flow, now);
    if (k->speech && ov_speech_busy(k->speech))
        wait = min_wait(wait, HIGHLIGHT_STEP_MS); /* highlight follows speech */
    else if (k->hl_text >= 0 || k->scan_pending)
        wait = min_wait(wait, HIGHLIGHT_STEP_MS);
    wait = min_wait(wait, ideas_wait);
    wait = min_wait(wait, ov_buttons_wait_ms(&k->buttons, now));
    wait = min_wait(wait, ov_scan_wait_ms(&k->scan, now));
    if (k->gpio)
        wait = min_wait(wait, watch_gpio(k, now));
    if (k->watchdog_ms)
        wait = min_wait(wait, (int)k->watchdog_ms);
    if (max_wait_ms >= 0)
        wait = min_wait(wait, max_wait_ms);
    if (!ov_display_wakes_on_stop(k->display))
        wait = min_wait(wait, STOP_CHECK_MS); /* see a SIGTERM in time even when idle */
    ov_event ev;
    if (ov_display_wait(k->display, wait, &ev))
        handle(k, &ev);
    follow_speech(k);
}

void ov_kiosk_open_speech(kiosk *k)
{
    if (k->speech) {
        ov_speech_close(k->speech);
        k->speech = NULL;
    }
    ov_speech_config sc;
    ov_speech_config_defaults(&sc);
    ov_strlcpy(sc.language, k->content.language[0] ? k->content.language : "en-gb", sizeof sc.language);
    ov_strlcpy(sc.voice, k->cfg.voice, sizeof sc.voice);
    sc.rate = k->cfg.rate;
    sc.pitch = k->cfg.pitch;
    sc.volume = k->cfg.volume;
    sc.enabled = k->cfg.speech;
    ov_strlcpy(sc.audio_device, k->cfg.audio_device, sizeof sc.audio_device);
    if (ov_speech_open(&sc, &k->speech) != OV_OK) {
        k->speech = NULL;
        return;
    }
    /* a reopened voice keeps the member's own rate and volume */
    ov_speech_set_member(k->speech, OV_SPEECH_RATE_NORMAL + k->sound_rate_step,
                         OV_SPEECH_VOLUME_NORMAL + k->sound_volume_step);
    if (k->cfg.speech && ov_speech_problem(k->speech)) {
        ov_kiosk_warn(k, ov_speech_problem_code(k->speech), ov_speech_problem(k->speech));
        ov_strlcpy(k->speech_problem_seen, ov_speech_problem(k->speech), sizeof k->speech_problem_seen);
    }
}

/* Settings: the config file, then the command line, then the data folder's settings.ini. */
static void load_settings(kiosk *k, const ov_kiosk_opts *o)
{
    ov_load_config(o->config_path, &k->cfg);
    if (o->width > 0) {
        k->cfg.width = o->width;
        k->cfg.height = o->height;
    }
    if (o->rotation >= 0)
        k->cfg.rotation = o->rotation;
    if (o->theme)
        ov_strlcpy(k->cfg.theme, o->theme, sizeof k->cfg.theme);
    if (o->no_speech)
        k->cfg.speech = 0;
    if (o->data_dir)
        ov_strlcpy(k->cfg.data_dir, o->data_dir, sizeof k->cfg.data_dir);
}

/* The headless script, or NULL with *rc = 2 when it cannot be read (reported). */
static ov_script *load_script(const char *path, int *rc)
{
    ov_diags *d = malloc(sizeof *d);
    ov_script *script = calloc(1, sizeof *script);
    if (d)
        ov_diags_init(d);
    if (!d || !script || ov_script_load(path, script, d) != OV_OK) {
        if (d)
            ov_diags_print(d, stderr);
        else
            ov_log_error("out of memory reading %s", path);
        if (script)
            ov_script_free(script);
        free(script);
        script = NULL;
        *rc = 2;
    }
    free(d);
    return script;
}

/* The window and the drawing. Returns OV_OK, or an error (reported). */
static int open_screen(kiosk *k, const ov_kiosk_opts *o)
{
    char err[OV_ERR_LEN];
    if (!o->headless && ov_pi_prepare_display(OV_SYSFS_DRM_ROOT, err, sizeof err) != OV_OK)
        ov_log_info("display: %s", err); /* SDL makes its own choice */
    ov_display_opts dopt = { k->cfg.width, k->cfg.height, k->cfg.rotation,
                             o->headless ? 0 : k->cfg.fullscreen, o->headless };
    int rc = ov_display_open(&dopt, &k->display, err, sizeof err);
    if (rc == OV_OK)
        rc = ov_render_open(ov_display_renderer(k->display), k->cfg.theme, &k->render, err, sizeof err);
    if (rc != OV_OK) {
        ov_log_error("%s", err);
        return rc;
    }
    if (ov_display_sdl_warning()) /* logged once by the display; here for the facilitator's "To check" */
        ov_kiosk_note_problem(k, OV_PROBLEM_OLD_SDL, ov_display_sdl_warning());
    if (ov_render_problem(k->render))
        ov_kiosk_warn(k, OV_PROBLEM_FONT, ov_render_problem(k->render)); /* at open: the font */
    ov_render_content_fit(k->render, &k->check_opts);
    ov_display_size(k->display, &k->env.w, &k->env.h);
    k->env.px_per_mm = ov_px_per_mm(k->env.w, k->env.h, k->cfg.diagonal_inch);
    k->env.text_scale = ov_render_text_scale(k->render);
    k->env.measure = ov_render_measure;
    k->env.measure_ctx = k->render;
    k->env.pictures_dir = k->pictures_dir;
    k->env.private_audio = k->cfg.private_audio;
    return OV_OK;
}

/* Buttons, scanning, GPIO, the watchdog, the facilitator screens and the flow. */
static void start_input(kiosk *k, const ov_kiosk_opts *o)
{
    char err[OV_ERR_LEN];
    ov_buttons_init(&k->buttons, k->cfg.debounce_ms, k->cfg.vote_lockout_ms, k->cfg.stuck_s * MS_PER_S);
    int scan_mode = ov_scan_parse_mode(k->cfg.scan_mode);
    ov_scan_init(&k->scan, scan_mode < 0 ? OV_SCAN_OFF : (ov_scan_mode)scan_mode, k->cfg.scan_interval_ms,
                 k->cfg.scan_rounds);
    ov_scan_learn(&k->scan, k->cfg.scan_setup); /* the first two-switch member says which switch moves */
    ov_kiosk_scan_follow_visit(k);               /* the welcome tells a switch user what to press */
    if (!o->headless)
        ov_gpio_open(&k->cfg, &k->gpio, err, sizeof err); /* it tells the facilitator itself, once */
    k->watchdog_ms = ov_sd_watchdog_interval_ms();
    k->last_ping = ov_now_ms();
    ov_strlcpy(k->meeting, k->cfg.meeting, sizeof k->meeting);
    ov_fac_init(&k->fac, &k->content, k->cfg.pin_hash, k->meeting);
    ov_fac_set_flow(&k->fac, &k->flow);
    ov_flow_init(&k->flow, &k->content, k->cfg.confirm, k->cfg.idle_timeout_s * MS_PER_S,
                 k->cfg.thanks_s * MS_PER_S, k->cfg.vote_lockout_ms, ov_kiosk_now(k));
    ov_flow_set_idle_warning(&k->flow, k->cfg.idle_warning_s * MS_PER_S);
    ov_flow_set_choice_idle(&k->flow, k->cfg.choice_idle_s * MS_PER_S);
    ov_flow_set_practice(&k->flow, ov_content_practice(&k->content)); /* content decides (issue 13) */
}

/* Everything the kiosk opened, closed in one place: the vote store first, so
 * the votes are safe before anything that may wait (SDL drains the audio
 * device for two buffers when it is closed). */
static void close_all(kiosk *k)
{
    ov_tally_close(k->tally);
    k->tally = NULL;
    if (k->gpio)
        ov_gpio_close(k->gpio);
    if (k->speech)
        ov_speech_close(k->speech);
    if (k->render)
        ov_render_close(k->render);
    if (k->display)
        ov_display_close(k->display);
    free(k->results);
    free(k->import_plan);
    free(k);
}

int ov_kiosk_run(const ov_kiosk_opts *o)
{
    kiosk *k = calloc(1, sizeof *k);
    ov_script *script = NULL;
    int rc = 0;
    if (!k) {
        ov_log_error("out of memory");
        return 1;
    }
    k->hl_text = k->hl_word = -1;
    load_settings(k, o);
    if (o->script_path && !(script = load_script(o->script_path, &rc)))
        goto out;
    ov_load_settings(&k->cfg); /* a PIN changed on the kiosk */
    ov_settings_path(k->cfg.data_dir, k->settings_path, sizeof k->settings_path);
    open_tally(k);
    ov_find_asset_dir("pictures", k->pictures_dir, sizeof k->pictures_dir);
    if (open_screen(k, o) != OV_OK) {
        rc = 1;
        goto out;
    }
    load_content(k, o->content_dir);
    ov_kiosk_open_speech(k);
    start_input(k, o);
    ov_kiosk_privacy_start(k);
    ov_kiosk_round_restore(k);
    ov_kiosk_ideas_refresh(k); /* "you said, we did" for the welcome screen */
    apply(k, OV_FLOW_REDRAW | OV_FLOW_SPEAK);
    ov_kiosk_watch_usb(k); /* a stick already in: ask for the PIN */
    ov_kiosk_draw(k, NULL);
    ov_sd_notify("READY=1"); /* systemd (Type=notify): the first frame is up */

    if (script)
        rc = ov_kiosk_run_script(k, script, o->shots_dir, o->script_path);
    else
        while (!k->quit)
            ov_kiosk_turn(k, -1);
out:
    close_all(k);
    if (script)
        ov_script_free(script);
    free(script);
    return rc;
}
