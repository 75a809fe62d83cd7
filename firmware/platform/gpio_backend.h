/* gpio_backend.h — internal to gpio*.c: the few things gpio.c needs from
 * libgpiod. gpio_v1.c (libgpiod 1.x, Debian bookworm) and gpio_v2.c
 * (libgpiod 2.x, Debian trixie) each implement it; the build picks one with
 * -DOV_GPIOD_API=<major version>. These two files are the only ones that
 * call libgpiod. Errors are OV_E* codes mapped from errno by ov_errno_code
 * (platform/files.h):
 * OV_ENOTFOUND (no such chip/line), OV_EPERM (permission denied),
 * OV_EBUSY (line in use), OV_ENOMEM, OV_EIO (anything else). */
#ifndef OV_GPIO_BACKEND_H
#define OV_GPIO_BACKEND_H

#include "base/ov_common.h"

typedef struct ovb_chip ovb_chip;   /* an open chip, for finding lines */
typedef struct ovb_line ovb_line;   /* one requested line */

typedef struct {
    int pressed;         /* 1 = falling edge (the line went low: button down) */
    uint64_t ts_ns;      /* kernel timestamp, CLOCK_MONOTONIC */
} ovb_edge;

/* Open a chip by device path. Returns OV_OK with *out (close it with
 * ovb_chip_close), or an OV_E* code with *out = NULL. */
int ovb_chip_open(const char *path, ovb_chip **out);
/* The chip's label ("pinctrl-rp1", "gpio-sim.0-node0"); never NULL. */
const char *ovb_chip_label(ovb_chip *chip);
unsigned ovb_chip_num_lines(ovb_chip *chip);
/* Offset of the line called `name` on this chip, or -1. */
int ovb_chip_find_line(ovb_chip *chip, const char *name);
void ovb_chip_close(ovb_chip *chip);

/* Request one line. output = 0: input with pull-up bias and both-edge
 * events; output = 1: output driven low (light off). Returns OV_OK with *out
 * (free with ovb_line_release), or an OV_E* code with *out = NULL; on
 * OV_EBUSY, `who` (if not NULL) gets the current user. */
int ovb_line_request(const char *chip_path, unsigned offset, int output,
                     const char *consumer, ovb_line **out, char *who, size_t wholen);
/* The file descriptor that becomes readable when edges are waiting; -1 for
 * an output. */
int ovb_line_fd(ovb_line *line);
/* Most edges one ovb_line_read returns; the rest wait for the next read. */
#define OVB_EDGE_BATCH 16
/* Read up to max (at most OVB_EDGE_BATCH) waiting edges without blocking.
 * Returns the count (0 when none, or for an output) or a negative OV_E* code
 * when the line stopped working. */
int ovb_line_read(ovb_line *line, ovb_edge *out, int max);
/* Current raw level (0 low, 1 high) or a negative OV_E* code. */
int ovb_line_get(ovb_line *line);
/* Drive an output. Returns OV_OK or a negative OV_E* code. */
int ovb_line_set(ovb_line *line, int value);
void ovb_line_release(ovb_line *line);

/* The libgpiod version ("1.6.3"), libgpiod's own string — for logs. */
const char *ovb_version(void);

#endif
