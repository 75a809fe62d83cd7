/* config.h — the kiosk's settings, read from an INI file (inih).
 *
 * Default file (chosen by ov_load_config, paths.h): /etc/ourvoice/ourvoice.ini
 * if present, else ~/.config/ourvoice/ourvoice.ini, else built-in defaults
 * (every setting has one, so `ourvoice` works with no file at all); then
 * DATA_DIR/settings.ini over it. Documented in docs/config.md. */
#ifndef OV_CONFIG_H
#define OV_CONFIG_H

#include "base/ov_common.h"
#include "base/diag.h"

#define OV_MAX_GPIO_ANSWERS 6
/* Sizes of the config's texts, each with its NUL. */
#define OV_CFG_NAME_LEN 64     /* a meeting's name, a question's id */
#define OV_CFG_WORD_LEN 16     /* a theme's or a scan mode's name */
#define OV_CFG_VOICE_LEN 32    /* an espeak-ng voice */
#define OV_CFG_DEVICE_LEN 64   /* an audio device's name */
#define OV_CFG_GPIO_LEN 32     /* a GPIO line: "GPIO17" or "chiplabel:offset" */
#define OV_CFG_PIN_HASH_LEN 128 /* the salted PIN hash */
#define OV_CFG_YES_NO_LEN 8    /* "yes", "no" or "auto" */

typedef struct {
    /* [kiosk] */
    char content_dir[OV_PATH_MAX];   /* default: assets/content/en beside the binary's checkout,
                                        or /usr/share/ourvoice/content/en */
    char data_dir[OV_PATH_MAX];      /* default: $XDG_DATA_HOME/ourvoice, else ~/.local/share/ourvoice */
    char meeting[OV_CFG_NAME_LEN];   /* meeting the votes count towards ("drop-in") as read at start;
                                        the kiosk owns the meeting and writes it to settings.ini */
    char round[OV_CFG_NAME_LEN];     /* id of the question of the open round ("": none) as read at
                                        start; the flow owns the round, the kiosk writes it to
                                        DATA_DIR/settings.ini so a restart keeps it */
    int confirm;                     /* 1: "that's right / go back" step after choosing (default 1) */
    int idle_timeout_s;              /* the idle warning after this long untouched (default 120) */
    int idle_warning_s;              /* the warning waits this long after its speech before the
                                        answers are forgotten (default 30, at least 30) */
    int choice_idle_s;               /* confirm and review (they show a choice) left alone: the
                                        idle warning after this much quiet (default 30, 10-600) */
    int thanks_s;                    /* how long "thank you" stays (default 4) */
    int vote_lockout_ms;             /* presses ignored this long after a vote (default 1500) */

    /* [display] */
    int width, height;               /* window size; 0 = screen size (full screen) or 800x480 in a window */
    int rotation;                    /* 0, 90, 180, 270: panel mounted sideways */
    double diagonal_inch;            /* physical size for 20-30 mm targets; 0 = guess from resolution */
    int fullscreen;                  /* 1 on the Pi */
    char theme[OV_CFG_WORD_LEN];     /* standard, high-contrast, large-text */

    /* [speech] */
    int speech;                      /* 0: silent */
    char voice[OV_CFG_VOICE_LEN];    /* "" = by content language */
    int rate;                        /* words per minute (default OV_SPEECH_DEFAULT_WPM, 110) */
    int pitch;                       /* 0..100 (default 50) */
    int volume;                      /* 0..200 (default 100) */
    char audio_device[OV_CFG_DEVICE_LEN]; /* "" = default */
    int private_audio;               /* 1: headphones, everything is spoken, the choice too;
                                      * 0 (default): the room speaker, the choice is never spoken */

    /* [buttons] GPIO lines by name ("GPIO17") or "chiplabel:offset" */
    char gpio_answer[OV_MAX_GPIO_ANSWERS][OV_CFG_GPIO_LEN];
    char gpio_hear_again[OV_CFG_GPIO_LEN];
    char gpio_key_switch[OV_CFG_GPIO_LEN];
    char gpio_light[OV_MAX_GPIO_ANSWERS][OV_CFG_GPIO_LEN];
    int debounce_ms;                 /* default 30 */
    int stuck_s;                     /* a button held this long is ignored and reported (default 10) */

    /* [scanning] */
    char scan_mode[OV_CFG_WORD_LEN]; /* off, single, two */
    int scan_interval_ms;            /* 750..5000, default 2000 */
    int scan_rounds;                 /* rounds before pausing, default 3 */
    int scan_first_ms;               /* first item held this long (0: 1.5 x interval_ms) */
    int scan_accept_ms;              /* hold-to-accept (0: off) */
    int scan_release_ms;             /* presses this soon after a release are ignored (0: off) */
    int scan_setup;                  /* two switches: each member first says which switch moves (default 1) */

    /* [facilitator] */
    char pin_hash[OV_CFG_PIN_HASH_LEN]; /* salted hash (ui/pin.h); "" = no PIN set: only the key switch
                                        opens facilitator mode */
    int small_numbers;               /* hide counts below this many votes on a question
                                        (default 5; 0 = off) */
    int export_exact;                /* 1: exports carry exact small counts */
    char usb_mount_dir[OV_PATH_MAX]; /* where sticks are mounted, default /media */

    /* privacy (issue 12) */
    int fac_idle_timeout_s;          /* [facilitator] idle_timeout_s: facilitator screens and a half-typed
                                        PIN go back to voting after this long untouched (default 120) */
    char headphones[OV_CFG_YES_NO_LEN]; /* [speech] headphones: no (default), yes (the Pi's jack cannot be
                                        detected: say so here), auto (the jack's SW_HEADPHONE_INSERT) */
    int blank_screen;                /* [speech] blank_screen: screen off on member screens while speech goes
                                        to headphones (default no) */
    /* ideas (kiosk_ideas.c) */
    int you_said;                    /* 1: welcome shows "you said, we did" when a plan exists (default 1) */
    int idea_choices;                /* each member chooses up to this many ideas (default 3) */
} ov_config;

/* Fill *cfg with the built-in defaults (data_dir from $XDG_DATA_HOME or
 * $HOME). Never fails. */
void ov_config_defaults(ov_config *cfg);

/* Read `path` over the current values of *cfg. Problems go to diags as
 * "file:line: message"; unknown keys and bad values are errors, but every
 * good line is still applied. Returns OV_OK, OV_ENOTFOUND (the file cannot be
 * opened: cfg unchanged, nothing added to diags) or OV_EINVAL (some lines
 * were wrong). */
int ov_config_load(const char *path, ov_config *cfg, ov_diags *diags);

#endif
