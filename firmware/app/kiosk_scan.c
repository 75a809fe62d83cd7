/* kiosk_scan.c — switch scanning in the kiosk: timings from the settings,
 * each highlighted item spoken and heard in full before the highlight moves,
 * the stopped-scan prompt, the two-switch set-up on the welcome, presses as
 * activity; and reading a screen in parts
 * so that recordings play for questions and answers alike. */
#include "app/kiosk_scan.h"
#include "base/utf8.h"
#include "ui/layout_scan.h"

#include <string.h>

void ov_kiosk_scan_prepare(kiosk *k)
{
    if (k->scan_configured)
        return;
    k->scan_configured = 1;
    k->focus_spoken = k->flow.focus;
    ov_scan_set_timing(&k->scan, k->cfg.scan_first_ms, k->cfg.scan_accept_ms, k->cfg.scan_release_ms);
    ov_scan_attach_buttons(&k->scan, &k->buttons);
}

int ov_kiosk_scanning(const kiosk *k) { return k->scan.mode != OV_SCAN_OFF && k->fac.screen == OV_FAC_OFF; }

/* The layout button whose label is text t, or -1. */
static int button_of_text(const ov_layout *l, int t)
{
    for (int b = 0; b < l->n_buttons; b++)
        if (l->buttons[b].label == t)
            return b;
    return -1;
}

/* 1 when text t of the layout is the current question's title or a sentence. */
static int is_question_text(const kiosk *k, const ov_layout_text *t)
{
    if (k->flow.screen != OV_SCREEN_QUESTION)
        return 0;
    const ov_question *q = &k->content.questions[k->flow.question];
    if (t->block.text == q->title || !strcmp(t->block.text, q->title))
        return 1;
    for (int i = 0; i < q->n_sentences; i++)
        if (t->block.text == q->sentences[i] || !strcmp(t->block.text, q->sentences[i]))
            return 1;
    return 0;
}

/* The answer read by text t (an answer's label, or the chosen answer's `say`
 * on the confirm screen), or NULL. */
static const ov_answer *answer_of_text(const kiosk *k, int t)
{
    const ov_answer *a[OV_MAX_ANSWERS];
    int n = ov_question_answers(&k->content, k->flow.question, a);
    int b = button_of_text(&k->layout, t);
    if (b >= 0 && k->layout.buttons[b].target.kind == OV_TARGET_ANSWER) {
        int i = k->layout.buttons[b].target.index;
        return i >= 0 && i < n ? a[i] : NULL;
    }
    if (k->flow.screen == OV_SCREEN_CONFIRM && k->flow.chosen >= 0 && k->flow.chosen < n &&
        !strcmp(k->layout.texts[t].block.text, a[k->flow.chosen]->say))
        return a[k->flow.chosen];
    return NULL;
}

/* Full path of a content recording into out; NULL when there is none. */
static const char *recording_path(const kiosk *k, const char *rel, char *out)
{
    if (!rel || !rel[0] || ov_content_path(&k->content, rel, out, OV_PATH_MAX) != OV_OK)
        return NULL;
    return out;
}

/* The first character of layout.speech after text t's part. */
static int part_end(const ov_layout *l, int t)
{
    for (int j = t + 1; j < l->n_texts; j++)
        if (l->texts[j].spoken && l->texts[j].speech_offset >= 0)
            return l->texts[j].speech_offset;
    return (int)ov_utf8_count(l->speech);
}

/* Add the part of layout.speech from character `from` to `to`, or widen the
 * last part when `join` (the question's sentences share one recording) and
 * it ends where this one starts (a scan's intro leaves labels out between). */
static int add_part(const ov_layout *l, ov_speech_part *parts, int n, int max, int from, int to,
                    const char *rec, int join)
{
    size_t b0 = ov_utf8_offset(l->speech, (size_t)from), b1 = ov_utf8_offset(l->speech, (size_t)to);
    if (join && n > 0 && parts[n - 1].text + parts[n - 1].len == l->speech + b0) {
        parts[n - 1].len = (int)(l->speech + b1 - parts[n - 1].text);
        return n;
    }
    if (n >= max)
        return n;
    parts[n] = (ov_speech_part){ l->speech + b0, (int)(b1 - b0), from, rec };
    return n + 1;
}

/* 1 when a scan's intro leaves text t out: a target's label, which the scan
 * says as it highlights the target. Through the room speaker an answer's
 * label stays in: the scan says nothing for an answer (a choice is never
 * said), and reading every answer before the scan reveals nothing. */
static int scan_says_it(const kiosk *k, int t)
{
    int b = button_of_text(&k->layout, t);
    if (b < 0)
        return 0;
    return k->cfg.private_audio || k->layout.buttons[b].target.kind != OV_TARGET_ANSWER;
}

int ov_kiosk_speech_parts(kiosk *k, int intro_only, ov_speech_part *parts, int max,
                          char paths[][OV_PATH_MAX])
{
    const ov_layout *l = &k->layout;
    int n = 0, last_question = 0;
    for (int t = 0; t < l->n_texts; t++) {
        const ov_layout_text *x = &l->texts[t];
        if (intro_only && scan_says_it(k, t))
            continue; /* a label laid out before the question ("Tell me more") no longer ends the intro */
        if (!x->spoken || x->speech_offset < 0)
            continue;
        int question = k->fac.screen == OV_FAC_OFF && is_question_text(k, x);
        const ov_answer *a = k->fac.screen == OV_FAC_OFF && !question ? answer_of_text(k, t) : NULL;
        const char *rec = NULL;
        if (question)
            rec = recording_path(k, k->content.questions[k->flow.question].recording, paths[n < max ? n : 0]);
        else if (a)
            rec = recording_path(k, a->recording, paths[n < max ? n : 0]);
        /* texts without a recording are read as one synthesis, as before parts existed */
        int join = (question && last_question && rec) || (!rec && n > 0 && !parts[n - 1].recording);
        n = add_part(l, parts, n, max, x->speech_offset, part_end(l, t), rec, join);
        last_question = question;
    }
    return n;
}

/* The words said when button btn is highlighted, or NULL for none. Through
 * the room speaker a member's choice is never said: answers say nothing (the
 * screen read them before any was chosen) and a review item says only its
 * question's title, never the chosen answer shown on it. */
static const char *scan_words(const kiosk *k, const ov_layout_button *btn, int *from_label)
{
    *from_label = 1;
    if (k->cfg.private_audio)
        return k->layout.texts[btn->label].block.text;
    if (btn->target.kind == OV_TARGET_ANSWER)
        return NULL;
    if (btn->target.kind == OV_TARGET_REVIEW_ITEM) {
        int q = btn->target.index;
        *from_label = 0;
        return q >= 0 && q < k->content.n_questions ? k->content.questions[q].title : NULL;
    }
    return k->layout.texts[btn->label].block.text;
}

void ov_kiosk_scan_say_button(kiosk *k, int b)
{
    const ov_layout_button *btn = &k->layout.buttons[b];
    if (!k->speech || !k->cfg.speech || btn->label < 0)
        return;
    int from_label;
    const char *words = scan_words(k, btn, &from_label);
    if (!words)
        return;
    const ov_layout_text *t = &k->layout.texts[btn->label];
    char path[OV_PATH_MAX];
    const ov_answer *a = btn->target.kind == OV_TARGET_ANSWER ? answer_of_text(k, btn->label) : NULL;
    ov_speech_part p = { words, (int)strlen(words), 0, a ? recording_path(k, a->recording, path) : NULL };
    k->speaking_item = 1;
    k->hl_text = k->hl_word = -1;
    k->speech_base = from_label ? t->speech_offset : -1; /* the title is not this button's text */
    ov_speech_say_parts(k->speech, &p, 1);
    ov_scan_wait_speech(&k->scan, ov_kiosk_now(k));
}

void ov_kiosk_scan_stopped(kiosk *k)
{
    k->scan_prompt = 1;
    ov_layout_scan_prompt(&k->env, k->content.texts.scan_restart, &k->layout);
    k->dirty = 1;
    if (!k->speech || !k->cfg.speech)
        return;
    k->speech_base = -1;
    k->hl_text = k->hl_word = -1;
    ov_speech_say(k->speech, k->content.texts.scan_restart, NULL);
}

/* How the welcome tells this member to start: the scan's set-up decides. */
static int welcome_words(const kiosk *k)
{
    if (k->scan.mode == OV_SCAN_SINGLE)
        return OV_LAYOUT_SCAN_SINGLE;
    if (k->scan.mode != OV_SCAN_TWO)
        return OV_LAYOUT_SCAN_NONE;
    switch (ov_scan_learning(&k->scan)) {
    case OV_SCAN_LEARN_MOVE:
        return OV_LAYOUT_SCAN_SETUP_MOVE;
    case OV_SCAN_LEARN_CHOOSE:
        return OV_LAYOUT_SCAN_SETUP_CHOOSE;
    default:
        return OV_LAYOUT_SCAN_TWO;
    }
}

/* The welcome with the set-up's new words, read again, then scanned. */
static void show_setup_step(kiosk *k)
{
    k->env.scanning = welcome_words(k);
    ov_flow_set_focus(&k->flow, -1);
    k->scan_pending = 1;
    ov_kiosk_relayout(k);
    k->dirty = 1;
    k->speaking_item = 0;
    ov_kiosk_speak(k);
}

/* 1 when a set-up was left at its second step for the idle time: the member
 * walked away, and the next one must not inherit their "move" switch. */
static int setup_abandoned(const kiosk *k)
{
    return ov_scan_learning(&k->scan) == OV_SCAN_LEARN_CHOOSE && k->flow.idle_timeout_ms > 0 &&
           ov_kiosk_now(k) - k->flow.last_input_ms >= (uint64_t)k->flow.idle_timeout_ms;
}

void ov_kiosk_scan_follow_visit(kiosk *k)
{
    int on_welcome = k->flow.screen == OV_SCREEN_WELCOME && !k->ideas_round;
    if (!on_welcome) {
        if (ov_scan_learning(&k->scan) != OV_SCAN_LEARN_DONE)
            ov_scan_learn(&k->scan, 0); /* the visit began by touch or keys: the wiring as built */
        k->scan_in_visit = k->scan_in_visit || k->flow.screen != OV_SCREEN_WELCOME;
    } else if (k->scan_in_visit && !k->flow.keep_sound) {
        k->scan_in_visit = 0;
        ov_scan_learn(&k->scan, k->cfg.scan_setup); /* the next member */
    } else if (setup_abandoned(k)) {
        ov_scan_learn(&k->scan, 1);
        show_setup_step(k);
    }
    k->env.scanning = welcome_words(k);
}

int ov_kiosk_scan_setup_event(kiosk *k, const ov_scan_event *ev)
{
    if (ev->what != OV_SCAN_ASK_CHOOSE && ev->what != OV_SCAN_LEARNED)
        return 0;
    ov_kiosk_scan_note_activity(k);
    show_setup_step(k);
    return 1;
}

void ov_kiosk_scan_note_activity(kiosk *k)
{
    ov_flow_note_activity(&k->flow, ov_kiosk_now(k)); /* a switch press is activity */
}

/* Arrow keys moved the focus (scanning speaks its own moves): say the item. */
static void follow_focus(kiosk *k)
{
    int focus = k->fac.screen == OV_FAC_OFF ? k->flow.focus : -1;
    if (focus == k->focus_spoken)
        return;
    k->focus_spoken = focus;
    if (focus < 0 || k->scan.mode != OV_SCAN_OFF)
        return;
    for (int i = 0; i < k->layout.n_buttons; i++)
        if (k->layout.buttons[i].focused)
            ov_kiosk_scan_say_button(k, i);
}

static int clamp_step(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

int ov_kiosk_sound_change(kiosk *k, int rate_delta, int volume_delta)
{
    int r = clamp_step(k->sound_rate_step + rate_delta, -OV_SPEECH_RATE_NORMAL,
                       OV_SPEECH_RATE_STEPS - 1 - OV_SPEECH_RATE_NORMAL);
    int v = clamp_step(k->sound_volume_step + volume_delta, -OV_SPEECH_VOLUME_NORMAL,
                       OV_SPEECH_VOLUME_STEPS - 1 - OV_SPEECH_VOLUME_NORMAL);
    int changed = r != k->sound_rate_step || v != k->sound_volume_step;
    k->sound_rate_step = r;
    k->sound_volume_step = v;
    if (!k->speech)
        return changed;
    ov_speech_set_member(k->speech, OV_SPEECH_RATE_NORMAL + r, OV_SPEECH_VOLUME_NORMAL + v);
    const ov_texts *t = &k->content.texts;
    const char *say = !changed           ? t->sound_limit
                      : rate_delta < 0   ? t->sound_slower
                      : rate_delta > 0   ? t->sound_faster
                      : volume_delta < 0 ? t->sound_quieter
                                         : t->sound_louder;
    k->speech_base = -1;
    k->hl_text = k->hl_word = -1;
    if (k->cfg.speech)
        ov_speech_say(k->speech, say, NULL);
    return changed;
}

int ov_kiosk_sound_step(kiosk *k, int step)
{
    static const int rate[OV_SOUND_STEPS] = { -1, 1, 0, 0 }, volume[OV_SOUND_STEPS] = { 0, 0, -1, 1 };
    if (step < 0 || step >= OV_SOUND_STEPS)
        return 0;
    return ov_kiosk_sound_change(k, rate[step], volume[step]);
}

void ov_kiosk_sound_reset(kiosk *k)
{
    k->sound_rate_step = k->sound_volume_step = 0;
    if (k->speech)
        ov_speech_set_member(k->speech, OV_SPEECH_RATE_NORMAL, OV_SPEECH_VOLUME_NORMAL);
}

void ov_kiosk_scan_after_speech(kiosk *k)
{
    int changed = k->sound_rate_step || k->sound_volume_step;
    if (k->flow.screen == OV_SCREEN_WELCOME && !k->flow.keep_sound && changed)
        ov_kiosk_sound_reset(k); /* the next person starts with the usual speech */
    follow_focus(k);
    if (ov_scan_waiting_speech(&k->scan) && !(k->speech && ov_speech_busy(k->speech)))
        ov_scan_speech_done(&k->scan, ov_kiosk_now(k));
}
