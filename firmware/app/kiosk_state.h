/* kiosk_state.h — the kiosk's running state, shared by the main loop
 * (kiosk.c) and its glue: kiosk_facilitator.c, kiosk_flow.c, kiosk_ideas.c,
 * kiosk_privacy.c, kiosk_scan.c, kiosk_script.c, kiosk_views.c. Not a public
 * API. */
#ifndef OV_KIOSK_STATE_H
#define OV_KIOSK_STATE_H

#include "base/problem.h"
#include "ui/buttons.h"
#include "model/content_check.h"
#include "platform/content_import.h"
#include "platform/config.h"
#include "model/content.h"
#include "platform/display.h"
#include "ui/facilitator.h"
#include "ui/flow.h"
#include "ui/ideas_fac.h"
#include "ui/ideas_flow.h"
#include "platform/gpio.h"
#include "ui/layout.h"
#include "platform/render.h"
#include "ui/scan.h"
#include "platform/speech.h"
#include "platform/tally.h"
#include "platform/usbwatch.h"

#define WARNING_LEN 1024
#define SPEECH_PROBLEM_LEN 256 /* the speech problem last warned about */
#define YOU_SAID_LINES 6       /* "you said, we did" lines the welcome shows at most */

typedef struct {
    ov_config cfg;
    ov_content content;
    ov_flow flow;
    ov_layout layout;
    ov_layout_env env;
    ov_display *display;
    ov_render *render;
    ov_speech *speech;
    ov_tally *tally;
    ov_buttons buttons; /* every physical press goes through this debouncer */
    ov_gpio *gpio;
    ov_scan scan;      /* switch access */
    int scan_pending;  /* start scanning when the screen has been read out */
    int speaking_item; /* speech is a scanned item, not the screen */
    uint64_t watchdog_ms, last_ping;
    char meeting[OV_MEETING_LEN];    /* the meeting votes count towards (its one owner: cfg.meeting is
                                        the start value); changed only by ov_kiosk_meeting_begin */
    ov_fac fac;                      /* facilitator mode (fac.screen != OV_FAC_OFF) */
    ov_menu fac_menu;                /* the facilitator screen last described */
    int fac_focus;                   /* the button of it the arrow keys are on (-1: none); kept while
                                        fac_focus_screen is on show (kiosk_facilitator.c) */
    int fac_focus_screen;            /* the ov_fac_screen fac_focus belongs to */
    ov_import_plan *import_plan;     /* new questions checked, waiting for "Use them" (or NULL) */
    ov_check_opts check_opts;        /* content checks: "fits its box" with the real fonts */
    ov_results *results;             /* for the results screen */
    char settings_path[OV_PATH_MAX]; /* DATA_DIR/settings.ini: where settings changed here are kept */
    ov_mount_list sticks;            /* USB sticks seen under usb_mount_dir */
    uint64_t next_usb_look;
    int stick_waiting;               /* a stick came during a visit: the PIN pad opens when it ends */
    char speech_problem_seen[SPEECH_PROBLEM_LEN];
    char pictures_dir[OV_PATH_MAX];
    char warning[WARNING_LEN]; /* the first problem for the facilitator, for the log ("" = none) */
    ov_problem warning_code;   /* its code: the screens say the content's words for it */
    uint64_t clock_skip;       /* `advance MS` in scripts */
    int dirty;                 /* layout and drawing needed */
    int hl_text, hl_word;      /* word being spoken */
    int quit;
    int frames;
    /* privacy (issue 12): kiosk_privacy.c */
    uint64_t fac_touched_ms;       /* last press or key on a facilitator screen (idle timeout) */
    int pin_wait_shown;            /* seconds of wrong-PIN wait the PIN screen last showed */
    int headphones_in;             /* speech goes to headphones: the setting or the jack */
    int private_audio_setting;     /* cfg.private_audio as read; headphones turn it on while in */
    uint64_t next_headphone_look;  /* when to look at the jack again */
    uint64_t next_date_look;       /* when to look whether the date has closed the meeting */

    /* switch scanning and member speech (issue 13, kiosk_scan.c) */
    int speech_base;     /* character of layout.speech where the speech now playing starts; -1: none */
    int scan_configured; /* timings taken from the settings */
    int scan_prompt;     /* the "start again" strip of a stopped scan is shown */
    int focus_spoken;    /* the flow's focus last said aloud (arrow keys) */
    int scan_in_visit;   /* a visit has left the welcome: its end starts the next member's switch set-up */
    int sound_rate_step, sound_volume_step; /* member's speech controls, offsets from normal */
    /* ideas, priorities, action plan, "you said, we did" (kiosk_ideas.c) */
    ov_ideas_fac ideas_fac;     /* the facilitator's ideas screens (screen != OV_IFAC_OFF: shown) */
    int ideas_round;            /* 1: a priorities round is open: members see ideas_flow */
    ov_ideas_board ideas_board; /* the board of the open priorities round */
    ov_ideas_flow ideas_flow;
    char you_said[YOU_SAID_LINES][OV_SENTENCE_LEN]; /* the welcome's "you said, we did" lines (none: off) */
    int n_you_said;
} kiosk;

/* The kiosk's clock: monotonic, plus script `advance` jumps. */
uint64_t ov_kiosk_now(const kiosk *k);
/* Keep the first problem (its code and log sentence) for the facilitator
 * strip and the facilitator's "To check"; a later one is dropped. */
void ov_kiosk_note_problem(kiosk *k, ov_problem code, const char *msg);
/* Log a problem as a warning and keep the first one (ov_kiosk_note_problem). */
void ov_kiosk_warn(kiosk *k, ov_problem code, const char *msg);
/* Lay out the current screen again (ideas screens, facilitator or member;
 * the welcome screen with the facilitator strip for a kept problem). */
void ov_kiosk_relayout(kiosk *k);
/* Read the current screen aloud (nothing when speech is off); a new speech
 * problem is logged once. */
void ov_kiosk_speak(kiosk *k);
/* Apply a member action to the flow and carry out its effects, storing the
 * votes when the flow asks for its commit. */
void ov_kiosk_act(kiosk *k, ov_action a, int arg);
/* Carry out a member flow's effects (OV_FLOW_*, the commit already done):
 * BLINK locks the buttons out from `now` and blinks the lights; SOUND says
 * the member's sound step; SCREEN says the screen is off or on; a new screen
 * while scanning calls clear_focus and scans it once read; REDRAW or SPEAK
 * lays out and marks it for drawing; SPEAK reads the screen from its start. */
void ov_kiosk_show_effects(kiosk *k, int effects, uint64_t now, void (*clear_focus)(kiosk *k));
/* The member action of a navigation key (arrows, Enter/Space, Escape/Backspace,
 * hear again), or OV_ACT_NONE for any other key. */
ov_action ov_kiosk_key_action(ov_key key);

/* One turn of the main loop: time, GPIO, presses, USB, privacy, scanning,
 * drawing, then wait up to max_wait_ms (-1: until something is due) for
 * input. A stop request (SIGTERM/SIGINT) only sets k->quit. */
void ov_kiosk_turn(kiosk *k, int max_wait_ms);
/* Draw the current layout (a black frame when ov_kiosk_blank); save a PNG of
 * the panel when png is not NULL. Returns OV_OK or OV_EIO (the PNG could not
 * be written; logged). */
int ov_kiosk_draw(kiosk *k, const char *png);
/* How long a tap on a button or switch lasts (through the debouncer), in ms:
 * twice the debounce time and 20 ms. */
int ov_kiosk_tap_ms(const kiosk *k);
/* Run the loop for ms milliseconds of real time (script waits, held presses),
 * or until k->quit. */
void ov_kiosk_run_for(kiosk *k, int ms);
/* A script's `button N` (hold_ms 0: a tap) or `hold N MS`, through the debouncer. */
void ov_kiosk_script_button(kiosk *k, int b, int hold_ms);

/* kiosk_script.c: run a parsed script until its end or `quit`, shots saved
 * in shots (created with its missing parents; NULL: the current folder);
 * returns 0, or 1 when a step failed (an `expect`, an unknown `key`, a shot
 * not saved, a `mounts` path too long) or the shots folder could not be made,
 * each reported on stderr as "script_path:line: ...". */
struct ov_script;
int ov_kiosk_run_script(kiosk *k, const struct ov_script *s, const char *shots, const char *script_path);

/* (Re)open speech with the current settings and the member's own rate and
 * volume; it may be silent (no device). k->speech is NULL when it cannot be
 * opened; a speech problem is kept for the facilitator (ov_kiosk_warn). */
void ov_kiosk_open_speech(kiosk *k);

/* kiosk_facilitator.c: open facilitator mode (key = 1: key switch, no PIN);
 * nothing when it is open already and key is 0. */
void ov_kiosk_fac_open(kiosk *k, int key);
/* Leave facilitator mode: back to voting (the open round, or welcome). */
void ov_kiosk_fac_close(kiosk *k);
/* A press on a facilitator screen target, or a key there. */
void ov_kiosk_fac_press(kiosk *k, int item);
void ov_kiosk_fac_key(kiosk *k, ov_key key);
/* After a facilitator screen is laid out: ring the button the arrow keys are
 * on (none once another screen is shown). */
void ov_kiosk_fac_mark_focus(kiosk *k);
/* Look for USB sticks (every 2 s); a new stick opens the PIN screen on the
 * welcome screen, or when the visit of a member who is voting has ended. */
void ov_kiosk_watch_usb(kiosk *k);

/* kiosk_privacy.c (docs/privacy.md). At start, after the facilitator state
 * is made: the wrong-PIN wait kept on disk (a record that cannot be read is
 * kept as a problem), the headphones, the meeting opened in the vote store (a
 * closed one, or one started on an earlier day, is never voted into: a new
 * drop-in of today begins). */
void ov_kiosk_privacy_start(kiosk *k);
/* Every turn: facilitator screens left alone go back to voting, the PIN
 * screen's "Wait N seconds" counts down, headphones are looked for, and
 * between visits (every minute) a new day closes the meeting. */
void ov_kiosk_privacy_tick(kiosk *k);
/* 1 when the screen is to be drawn black: a member screen (not welcome)
 * while speech goes to headphones and the screen is off for this member
 * (their own choice on the sound screen, else the blank_screen setting). */
int ov_kiosk_blank(const kiosk *k);

/* The member turned the screen off or on (sound screen, headphones in): say
 * which, through the headphones. Nothing when speech is off. */
void ov_kiosk_say_screen_off(kiosk *k);
/* Votes count from now on for a new meeting `name` (opened in the store,
 * made unique with " (2)"... when that name is closed or is the current one),
 * kept in the settings; the old meeting is closed (a failure there is only
 * logged). Returns OV_OK; OV_EIO when there is no vote store; OV_EPERM when
 * every name up to " (99)" is closed; or the vote store's error (logged).
 * On failure votes still count for the old meeting. */
int ov_kiosk_meeting_begin(kiosk *k, const char *name);
/* Close the current meeting (its results may then be saved) and count
 * votes for a new drop-in of today ([texts] fac_meeting_drop_in and the
 * date). Returns as ov_kiosk_meeting_begin. */
int ov_kiosk_meeting_end(kiosk *k);
/* Open the round on question index `question` (-1: close it), in the flow and
 * in the settings so a restart keeps it; a failure to keep it is logged. */
void ov_kiosk_set_round(kiosk *k, int question);
/* At start: reopen the round the settings name; a question no longer in the
 * content closes it (logged). */
void ov_kiosk_round_restore(kiosk *k);
/* Keep the wrong-PIN wait on disk when it changed since *before (a failure
 * is logged). */
void ov_kiosk_pin_guard_keep(kiosk *k, const ov_pin_guard *before);

/* ---- kiosk_flow.c: timeouts and speech for the member flow (issue 13) ---- */
/* Tell the flow whether the screen is still being read aloud. */
void ov_kiosk_flow_speaking(kiosk *k);
/* A press, touch or switch press that is no flow action: the idle time starts again. */
void ov_kiosk_member_activity(kiosk *k);
/* kiosk_ideas.c: ideas, priorities, plans and "you said, we did". Each hook
 * returns 1 when it handled the event (or laid out the screen), 0 to let
 * the kiosk go on as before. */
int ov_kiosk_ideas_relayout(kiosk *k);
int ov_kiosk_ideas_press(kiosk *k, ov_target t, int x, int y, int long_press);
int ov_kiosk_ideas_key(kiosk *k, ov_key key);
int ov_kiosk_ideas_button(kiosk *k, int b);
/* Time passes (end of thank-you, idle); returns ms until it is due next, or -1. */
int ov_kiosk_ideas_tick(kiosk *k);
/* Switch scanning during a priorities round: the round's targets into t
 * (returns how many; -1 when no round is shown), and a scanning event
 * (returns 1 when handled). */
int ov_kiosk_ideas_targets(const kiosk *k, ov_target *t, int max);
int ov_kiosk_ideas_scan(kiosk *k, const ov_scan_event *ev);
/* The script name of an ideas screen shown now, or NULL. */
const char *ov_kiosk_ideas_screen_name(const kiosk *k);
/* Open the facilitator's ideas screens (from the facilitator's round screen). */
void ov_kiosk_ideas_open(kiosk *k);
/* Read the last closed meeting's results and plan for the welcome screen's
 * "you said, we did" (none when the you_said setting is off, there is no
 * vote store or the meeting has no action planned). */
void ov_kiosk_ideas_refresh(kiosk *k);

#endif
