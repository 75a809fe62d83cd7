/* kiosk_runner.h — test support: run the real `ourvoice kiosk --headless`
 * with a script, and read back the PNGs it saved. */
#ifndef OV_KIOSK_RUNNER_H
#define OV_KIOSK_RUNNER_H

#include "ui/layout.h"
#include "model/theme.h"

/* Path of the built program ($OV_BUILD/ourvoice, default build/ourvoice). */
const char *ov_test_program(void);

/* Write `script` to DIR/script.txt and run the kiosk headless at w x h with
 * extra arguments `args` (may be ""), shots into DIR/shots, stderr captured
 * into DIR/stderr.txt. Returns the exit code (-1 if it could not run). */
int ov_test_run_kiosk(const char *dir, const char *script, int w, int h, const char *args);

/* The pixel at (x, y) of DIR/shots/NAME.png. Returns 0, or -1 if unreadable. */
int ov_test_pixel(const char *dir, const char *name, int x, int y, ov_rgb *out);

/* Compare two PNGs of the same size: *frac_off gets the share of pixels
 * whose colour differs by more than `tol` in any channel. Returns 0, or -1
 * when a file cannot be read or the sizes differ. */
int ov_test_png_diff(const char *a, const char *b, int tol, double *frac_off);

/* 1 when a and b differ by at most `tol` in each channel. */
int ov_test_rgb_near(ov_rgb a, ov_rgb b, int tol);

/* Lay out a screen the way the kiosk does at w x h (real fonts), for finding
 * where to touch and what colour to expect. */
void ov_test_layout(const ov_flow *f, int w, int h, const char *theme, ov_layout *out);

/* A fresh temporary folder (mkdtemp under $TMPDIR, else /tmp), removed when the test program
 * exits; returns NULL when it cannot be made. */
char *ov_test_tmpdir(char *buf, size_t len);

/* Total of all vote counts stored in data folder `data` (-1 if it cannot be
 * opened). */
long ov_test_votes_total(const char *data);

/* The text of the file `path` (at most len - 1 bytes) into buf; returns its
 * length, or -1 (buf "") when it cannot be read. */
long ov_test_read_text(const char *path, char *buf, size_t len);

/* What the shell command `cmd` prints (at most len - 1 bytes) into buf;
 * returns its length, or -1 (buf "") when it cannot be run. */
long ov_test_command_output(const char *cmd, char *buf, size_t len);

/* Write `settings` to DIR/ourvoice.ini and into args the kiosk's arguments
 * for it and the data folder DIR/data. Returns 0, or -1 when the file cannot
 * be written. */
int ov_test_write_config(const char *dir, const char *settings, char *args, size_t argslen);

/* The settings the kiosk kept, DIR/data/settings.ini, as ov_test_read_text. */
long ov_test_read_settings(const char *dir, char *buf, size_t len);

/* The facilitator PIN 2580: its hash for pin_hash = in a config, the keys
 * that type it on the PIN pad, and the script lines that open facilitator
 * mode with it (the menu shown). */
#define OV_TEST_PIN_HASH \
    "pbkdf2-sha256$20000$39e6fb7ca486a03c3f45d712bb05d04b$" \
    "f1219fd737aeedf537d60eabd9b663c4b7e69c25274ae32d57f0ce8efd0ea411"
#define OV_TEST_PIN_KEYS "key 2\nkey 5\nkey 8\nkey 0\nkey enter\n"
#define OV_TEST_PIN_IN "key facilitator\n" OV_TEST_PIN_KEYS "expect facilitator-menu\n"

/* The contents of DIR/stderr.txt (static buffer). */
const char *ov_test_stderr(const char *dir);

#endif
