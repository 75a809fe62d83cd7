/* gpio.h — the kiosk's arcade buttons and their lights on GPIO lines
 * (libgpiod 1.x or 2.x, picked at build time; see gpio_backend.h).
 *
 * Lines come from [buttons] in the config file, by name ("GPIO17", as the
 * Raspberry Pi's kernel names its header pins) or by chip label and offset
 * ("pinctrl-rp1:17"); never by chip number, which changes between Pi models
 * and kernels. An empty setting means "not wired".
 *
 * Buttons are wired to ground and use the Pi's internal pull-up: a falling
 * edge is a press, a rising edge a release. Both edges are read from the
 * main loop: ov_gpio_read never blocks and the kiosk calls it once a loop
 * turn; they go to the debouncer in buttons.h, the same path as keys and the
 * headless script. Lights are outputs, high = on.
 *
 * No GPIO chip, permission denied, a line in use, a wrong name: opening
 * fails softly. The kiosk keeps running on touch and keys, the problem is
 * logged once and kept for the facilitator (ov_gpio_problem), and
 * ov_gpio_retry picks the lines up when they appear. */
/* In the kiosk's loop (app/kiosk.c, sketch):
 *
 *   ov_gpio_open(&cfg, &g, err, sizeof err);          // soft: show err once
 *   ov_buttons_init(&b, cfg.debounce_ms, cfg.vote_lockout_ms, cfg.stuck_s * 1000);
 *   for (;;) {                                         // one turn a frame or event
 *       now = ov_now_ms();
 *       if (ov_gpio_retry(g, now)) log ov_gpio_working(g);
 *       ov_gpio_read(g, &b, now);                      // kernel edges -> debouncer
 *       // keys: ov_buttons_edge(&b, OV_BTN_SWITCH_MOVE, down, now) (Space),
 *       // headless `button N`: ov_buttons_tap(&b, N - 1, now)
 *       while (ov_buttons_poll(&b, now, &p, 1) == 1) { ...;
 *           // a vote counted: ov_buttons_lockout(&b, p.at_ms); ov_gpio_blink(g, now);
 *       }
 *       ov_gpio_lights(g, ov_lights_mask(voting_open, n_answers), now);
 *   }
 * The facilitator's screen shows ov_gpio_problem(g) (NULL = all fine).
 */
#ifndef OV_GPIO_H
#define OV_GPIO_H

#include "base/problem.h"
#include "ui/buttons.h"
#include "platform/config.h"

typedef struct ov_gpio ov_gpio;

/* How often ov_gpio_retry really tries again. */
#define OV_GPIO_RETRY_MS 3000
/* Most fds ov_gpio_fds can return (one per input line). */
#define OV_GPIO_MAX_FDS (OV_MAX_GPIO_ANSWERS + 2)

/* Open every line configured in cfg's [buttons] (chips under /dev).
 * Returns OV_OK when all configured lines work (or none is configured).
 * On failure *out is still a usable object (the working lines work, the
 * rest can be retried) and err gets a message for the facilitator; the
 * return value is the first problem's code (OV_ENOTFOUND no chip or line,
 * OV_EPERM permission, OV_EBUSY in use, OV_EIO other). Only OV_ENOMEM or
 * OV_EINVAL (NULL arguments) leave *out NULL. */
int ov_gpio_open(const ov_config *cfg, ov_gpio **out, char *err, size_t errlen);

/* The same, looking for gpiochip* devices in dev_dir instead of /dev
 * (tests point it at an empty folder to check the soft failure). */
int ov_gpio_open_in(const ov_config *cfg, const char *dev_dir, ov_gpio **out,
                    char *err, size_t errlen);

/* File descriptors to poll for POLLIN (one per working input line), for a
 * caller that sleeps until an edge (the kiosk's loop, the GPIO simulator test).
 * Returns how many were written (at most max; 0 when no line works or g is NULL).
 * The set changes only when ov_gpio_retry returns 1 or ov_gpio_read
 * returned a line to the retry list: fetch it again then. */
int ov_gpio_fds(ov_gpio *g, int *fds, int max);

/* Milliseconds until the GPIO needs a turn with no edge: the next flip of the
 * blink after a vote, or the next retry of lines that do not work; -1 when
 * nothing is due (edges wake the caller through ov_gpio_fds); -1 for NULL. */
int ov_gpio_wait_ms(ov_gpio *g, uint64_t now_ms);

/* Drain waiting edge events without blocking and feed them to the
 * debouncer (kernel timestamps, so a late read still debounces right).
 * Newly opened lines also report their current level here (a button held
 * down at start is not a press). Returns the number of edges read, OV_EINVAL
 * for a NULL g or b, or a negative OV_E* code when a line stopped working (it
 * is closed, the problem set, and retried later; the other lines were still
 * read). */
int ov_gpio_read(ov_gpio *g, ov_buttons *b, uint64_t now_ms);

/* Set the answer lights: bit i of mask lights answer button i+1 (see
 * ov_lights_mask: only the answers the screen has, none when voting is
 * closed), with a blink after ov_gpio_blink. Call every loop turn (writes
 * only on change). NULL g does nothing. */
void ov_gpio_lights(ov_gpio *g, unsigned mask, uint64_t now_ms);

/* A vote was counted: all lights blink (see ov_lights_state), then go back
 * to what ov_gpio_lights says. NULL g does nothing. */
void ov_gpio_blink(ov_gpio *g, uint64_t now_ms);

/* Try again to open the lines that do not work, at most once every
 * OV_GPIO_RETRY_MS (cheap to call every loop turn or every few seconds).
 * Returns 1 when lines came up (fetch the fds and ov_gpio_problem again),
 * 0 when none did (or g is NULL). */
int ov_gpio_retry(ov_gpio *g, uint64_t now_ms);

/* A sentence for the facilitator about lines that do not work, or NULL when
 * every configured line works (or g is NULL). Kept in g: valid until the
 * next ov_gpio_read, ov_gpio_retry or ov_gpio_close. */
const char *ov_gpio_problem(ov_gpio *g);

/* The code of that problem for the screens' words (base/problem.h):
 * OV_PROBLEM_BUTTONS_OFF, OV_PROBLEM_BUTTONS_SOME, or OV_PROBLEM_NONE when
 * every line works (or g is NULL). */
ov_problem ov_gpio_problem_code(const ov_gpio *g);

/* Number of configured lines that work now / that are configured (0 for a
 * NULL g). */
int ov_gpio_working(ov_gpio *g);
int ov_gpio_configured(ov_gpio *g);

/* Release every line and free g. NULL is fine. */
void ov_gpio_close(ov_gpio *g);

#endif
