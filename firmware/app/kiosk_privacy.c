/* kiosk_privacy.c — the kiosk's side of docs/privacy.md: the wrong-PIN wait
 * kept on disk, facilitator screens that close themselves when left alone,
 * meetings opened and closed in the vote store (only closed meetings are
 * saved to a stick), headphones and the screen going off while they are in. */
#include "app/kiosk_state.h"
#include "platform/config_write.h"
#include "platform/files.h"
#include "platform/headphones.h"
#include "platform/pin_hash.h"
#include "platform/tally_plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MS_PER_S 1000
/* How often to look at the headphone jack. */
#define HEADPHONE_LOOK_MS 2000
/* "Drop-in 2025-05-03 (2)" ... up to this number when a name is closed already. */
#define MEETING_SUFFIX_MAX 99
/* How often to look whether a new day has closed the meeting. */
#define DATE_LOOK_MS 60000
#define START_DATE_LEN 16 /* a meeting's start date, "YYYY-MM-DD", and the NUL */

/* Every (question, answer) id pair of the content's real questions (never the practice one), in
 * malloc'd arrays. Returns the number, or -1. */
static int content_pairs(const ov_content *c, const char ***qs, const char ***as)
{
    size_t cap = (size_t)(c->n_questions > 0 ? c->n_questions : 1) * OV_MAX_ANSWERS;
    *qs = malloc(cap * sizeof **qs);
    *as = malloc(cap * sizeof **as);
    if (!*qs || !*as) {
        free(*qs);
        free(*as);
        return -1;
    }
    int n = 0;
    for (int q = 0; q < c->n_questions; q++) {
        const ov_answer *a[OV_MAX_ANSWERS];
        int na = ov_question_counted(c, q) ? ov_question_answers(c, q, a) : 0; /* no practice rows */
        for (int i = 0; i < na && i < OV_MAX_ANSWERS; i++) {
            (*qs)[n] = c->questions[q].id;
            (*as)[n++] = a[i]->id;
        }
    }
    return n;
}

/* Open `name` in the store with every count of the content. Returns OV_OK, OV_EPERM (closed) or an error. */
static int open_in_store(kiosk *k, const char *name, char *err, size_t errlen)
{
    const char **qs = NULL, **as = NULL;
    int n = content_pairs(&k->content, &qs, &as);
    if (n < 0)
        return ov_fail(err, errlen, OV_ENOMEM, "out of memory opening the meeting \"%s\"", name);
    int rc = ov_tally_meeting_open(k->tally, name, k->fac.today, qs, as, n, err, errlen);
    free(qs);
    free(as);
    return rc;
}

/* Votes now count for `name`: kept in the settings so a restart keeps it. */
static void use_meeting(kiosk *k, const char *name)
{
    char err[OV_ERR_LEN];
    ov_strlcpy(k->meeting, name, sizeof k->meeting);
    if (ov_config_set(k->settings_path, "kiosk", "meeting", name, err, sizeof err) != OV_OK)
        ov_log_warn("the meeting \"%s\" is used now but not kept for a restart: %s", name, err);
}

int ov_kiosk_meeting_begin(kiosk *k, const char *name)
{
    char err[OV_ERR_LEN], fresh[OV_MEETING_LEN];
    if (!k->tally)
        return OV_EIO;
    int rc = OV_EPERM;
    for (int i = 1; i <= MEETING_SUFFIX_MAX && rc == OV_EPERM; i++) {
        if (i == 1)
            ov_strlcpy(fresh, name, sizeof fresh);
        else
            snprintf(fresh, sizeof fresh, "%.50s (%d)", name, i);
        rc = strcmp(fresh, k->meeting) ? open_in_store(k, fresh, err, sizeof err) : OV_EPERM;
    }
    if (rc != OV_OK) {
        ov_log_error("the meeting \"%s\" could not be started: %s", name, err);
        return rc;
    }
    /* closed and remembered as the last closed: its results, plans and "you said, we did" */
    if (ov_plan_close_meeting(k->tally, k->meeting, err, sizeof err) != OV_OK)
        ov_log_warn("the meeting \"%s\" could not be closed: %s", k->meeting, err);
    else
        ov_log_info("meeting \"%s\" closed", k->meeting);
    use_meeting(k, fresh);
    ov_log_info("votes now count for the meeting \"%s\"", fresh);
    return OV_OK;
}

/* Today's date (YYYY-MM-DD, local time) into out. */
static void today_is(char *out, size_t outlen)
{
    time_t t = time(NULL);
    struct tm tm;
    if (!localtime_r(&t, &tm) || strftime(out, outlen, "%Y-%m-%d", &tm) == 0)
        out[0] = '\0';
}

int ov_kiosk_meeting_end(kiosk *k)
{
    char name[OV_MEETING_LEN];
    today_is(k->fac.today, sizeof k->fac.today);
    /* in the content's words now; a name stored before stays as it was */
    snprintf(name, sizeof name, "%s %s", k->content.texts.fac_meeting_drop_in, k->fac.today);
    return ov_kiosk_meeting_begin(k, name);
}

/* A meeting started on an earlier day is closed by the date: votes then count
 * for a new drop-in of today. Returns 1 when it was. */
static int closed_by_the_date(kiosk *k)
{
    char start[START_DATE_LEN] = "";
    today_is(k->fac.today, sizeof k->fac.today);
    if (!k->tally || !k->fac.today[0] ||
        ov_tally_meeting_start(k->tally, k->meeting, start, sizeof start) != OV_OK || !start[0] ||
        strcmp(start, k->fac.today) >= 0)
        return 0;
    ov_log_info("the meeting \"%s\" started on %s: a new day closes it", k->meeting, start);
    return ov_kiosk_meeting_end(k) == OV_OK;
}

/* At start: never vote into a closed meeting; record the meeting's start. */
static void start_meeting(kiosk *k)
{
    char err[OV_ERR_LEN];
    if (!k->tally)
        return;
    if (ov_tally_meeting_is_closed(k->tally, k->meeting) == 1) {
        ov_log_info("the meeting \"%s\" is closed: starting a new drop-in", k->meeting);
        ov_kiosk_meeting_end(k);
        return;
    }
    if (closed_by_the_date(k))
        return;
    if (open_in_store(k, k->meeting, err, sizeof err) != OV_OK)
        ov_log_warn("the meeting \"%s\" could not be opened in the vote store: %s", k->meeting, err);
}

static void look_for_headphones(kiosk *k, uint64_t now, int force)
{
    if (!force && now < k->next_headphone_look)
        return;
    k->next_headphone_look = now + HEADPHONE_LOOK_MS;
    const char *dir = ov_env("OV_INPUT_DIR"); /* tests point this at a fixture */
    int in = ov_headphones_in(k->cfg.headphones, dir && *dir ? dir : OV_INPUT_DIR);
    if (in == k->headphones_in && !force)
        return;
    k->headphones_in = in;
    ov_flow_set_screen_off_offer(&k->flow, in, k->cfg.blank_screen);
    k->cfg.private_audio = k->private_audio_setting || in;
    k->env.private_audio = k->cfg.private_audio;
    if (!force)
        ov_log_info("headphones %s", in ? "in: everything is spoken" : "out: the room speaker");
    ov_kiosk_relayout(k);
    k->dirty = 1;
}

void ov_kiosk_privacy_start(kiosk *k)
{
    char err[OV_ERR_LEN];
    uint64_t now = ov_kiosk_now(k);
    if (ov_pin_guard_load(k->cfg.data_dir, now, &k->fac.guard, err, sizeof err) != OV_OK)
        ov_kiosk_warn(k, OV_PROBLEM_PIN_RECORD, err);
    k->fac.blank = k->cfg.blank_screen;
    k->private_audio_setting = k->cfg.private_audio;
    look_for_headphones(k, now, 1);
    start_meeting(k);
}

void ov_kiosk_pin_guard_keep(kiosk *k, const ov_pin_guard *before)
{
    char err[OV_ERR_LEN];
    if (before->wrong == k->fac.guard.wrong && before->next_try_ms == k->fac.guard.next_try_ms)
        return;
    if (ov_pin_guard_save(k->cfg.data_dir, &k->fac.guard, ov_kiosk_now(k), err, sizeof err) != OV_OK)
        ov_log_error("the wrong-PIN wait is not kept, so a restart would shorten it: %s", err);
}

int ov_kiosk_blank(const kiosk *k)
{
    return ov_flow_screen_off(&k->flow) && k->fac.screen == OV_FAC_OFF && k->flow.screen != OV_SCREEN_WELCOME;
}

void ov_kiosk_say_screen_off(kiosk *k)
{
    if (!k->speech || !k->cfg.speech)
        return;
    const ov_texts *t = &k->content.texts;
    k->speech_base = -1;
    k->hl_text = k->hl_word = -1;
    ov_speech_say(k->speech, ov_flow_screen_off(&k->flow) ? t->screen_is_off : t->screen_is_on, NULL);
}

/* The PIN screen's "Wait N seconds": redrawn when the number changes. */
static void count_down(kiosk *k, uint64_t now)
{
    if (k->fac.screen != OV_FAC_PIN)
        return;
    k->fac.now_ms = now;
    uint64_t wait = ov_pin_wait_ms(&k->fac.guard, now);
    int secs = (int)((wait + MS_PER_S - 1) / MS_PER_S);
    if (secs == k->pin_wait_shown)
        return;
    k->pin_wait_shown = secs;
    ov_kiosk_relayout(k);
    k->dirty = 1;
}

void ov_kiosk_privacy_tick(kiosk *k)
{
    uint64_t now = ov_kiosk_now(k);
    uint64_t idle_ms = (uint64_t)k->cfg.fac_idle_timeout_s * MS_PER_S;
    if (k->fac.screen != OV_FAC_OFF && now - k->fac_touched_ms >= idle_ms) {
        ov_log_info("facilitator mode closed: nobody touched it for %d s", k->cfg.fac_idle_timeout_s);
        ov_kiosk_fac_close(k);
    }
    count_down(k, now);
    look_for_headphones(k, now, 0);
    if (now >= k->next_date_look) { /* between visits only, never in a member's visit */
        k->next_date_look = now + DATE_LOOK_MS;
        if (k->fac.screen == OV_FAC_OFF && k->flow.screen == OV_SCREEN_WELCOME)
            closed_by_the_date(k);
    }
}
