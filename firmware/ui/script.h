/* script.h — the headless test script: one command per line, read fully
 * before the kiosk starts so a mistake is reported before anything runs.
 *
 *   # comment                 blank lines are ignored
 *   touch X Y [MS]            a finger touch at pixel X,Y of the panel (as mounted),
 *                             held MS milliseconds (default: a quick tap)
 *   click X Y                 a mouse click at X,Y
 *   key NAME                  a key: 1-9, left, right, up, down, enter, space,
 *                             escape, backspace, h (hear again), or any SDL key name
 *   button N                  press and release physical button N (1-6 answers,
 *                             7 hear again, 8 key switch, 9 switch move, 10 switch
 *                             select) — goes through the same debounce path as GPIO
 *   hold N MS                 hold button N down for MS milliseconds
 *   wait MS                   let MS milliseconds pass in real time
 *   advance MS                jump the kiosk clock forward MS milliseconds (timeouts)
 *   quiet MS                  let real time pass until the kiosk says nothing, at most
 *                             MS milliseconds (a test hears a reading to its end)
 *   shot NAME                 save the screen as SHOTS/NAME.png (NAME: letters,
 *                             digits, - _ .)
 *   expect SCREEN             fail (exit 1) unless the screen is SCREEN, named as
 *                             ov_screen_name or ov_fac_screen_name names it
 *                             (welcome, question, review, facilitator-menu, ...),
 *                             or blank (the screen is off)
 *   texts                     print the screen's texts and what it reads aloud
 *   mounts FILE               the kiosk's mount table is now FILE, in the script's
 *                             folder: a USB stick plugged in or pulled out
 *   quit                      stop (the end of the script also stops)
 * A line holds at most 255 bytes and 4 words. Pure: no SDL here. */
#ifndef OV_SCRIPT_H
#define OV_SCRIPT_H

#include "base/diag.h"
#include "base/ov_common.h"

#define OV_SCRIPT_NAME_LEN 64 /* a step's key, shot or screen name and the NUL */

typedef enum {
    OV_CMD_TOUCH,
    OV_CMD_CLICK,
    OV_CMD_KEY,
    OV_CMD_BUTTON,
    OV_CMD_HOLD,
    OV_CMD_WAIT,
    OV_CMD_ADVANCE,
    OV_CMD_QUIET, /* real time passes until the speech has ended (at most MS) */
    OV_CMD_SHOT,
    OV_CMD_EXPECT,
    OV_CMD_QUIT,
    OV_CMD_TEXTS, /* print the texts the screen holds and what it reads aloud, to stdout */
    OV_CMD_MOUNTS, /* the mount table is now FILE (beside the script): a USB stick plugged in or pulled */
} ov_script_cmd;

typedef struct {
    ov_script_cmd cmd;
    int a, b, c;   /* numbers: x y [hold ms], button, ms */
    char name[OV_SCRIPT_NAME_LEN]; /* key name, shot name, screen name */
    int line;
} ov_script_step;

typedef struct ov_script {
    ov_script_step *steps; /* grown as needed: a script may be any length */
    int n, cap;
} ov_script;

/* Parse a whole script held in text (NUL-terminated), reported under the name
 * `path`, appending its steps to s (start with s zeroed). Every bad line is
 * reported in d as "path:line: message" and parsing goes on. Returns OV_OK,
 * OV_EINVAL (a bad line) or OV_ENOMEM. Free s with ov_script_free in every
 * case (platform/script_file.h reads a file). */
int ov_script_parse(const char *text, const char *path, ov_script *s, ov_diags *d);

/* Free the steps; s is empty again (freeing twice is harmless). */
void ov_script_free(ov_script *s);

/* Parse one line (for tests). Returns 1 for a command, 0 for blank/comment,
 * -1 for an error (added to d). */
int ov_script_parse_line(const char *line, int lineno, const char *path, ov_script_step *out, ov_diags *d);

#endif
