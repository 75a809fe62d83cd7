/* kiosk.h — the kiosk's main loop: screens, input, speech, buttons and the
 * vote store brought together. `ourvoice kiosk` and the headless script runs
 * use this same loop. */
#ifndef OV_KIOSK_H
#define OV_KIOSK_H

#include "platform/config.h"

typedef struct {
    const char *config_path; /* --config */
    const char *content_dir; /* --content (overrides config) */
    const char *data_dir;    /* --data (overrides config) */
    const char *script_path; /* --script: drive the kiosk from a file */
    const char *shots_dir;   /* --shots: where `shot NAME` writes NAME.png */
    int headless;            /* --headless */
    int width, height;       /* --size WxH */
    int rotation;            /* --rotation, -1 = from config */
    const char *theme;       /* --theme */
    int no_speech;           /* --no-speech */
} ov_kiosk_opts;

/* Run the kiosk until quit (window closed, SIGTERM/SIGINT, script ended, or
 * `quit`). Returns the exit code: 0 ok; 1 a script step failed
 * (ov_kiosk_run_script), the window or its drawing could not be opened, or
 * out of memory; 2 the script could not be read (its problems printed).
 * Never exits on bad content, a missing sound card, GPIO chip or an
 * unwritable data folder. */
int ov_kiosk_run(const ov_kiosk_opts *o);

#endif
