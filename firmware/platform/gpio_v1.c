/* gpio_v1.c — gpio_backend.h on libgpiod 1.x (Debian bookworm, Raspberry
 * Pi OS bookworm). Built only when OV_GPIOD_API is 1. */
#include "platform/gpio_backend.h"
#include "platform/files.h"

#if OV_GPIOD_API == 1

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <gpiod.h>

struct ovb_chip {
    struct gpiod_chip *chip;
};

struct ovb_line {
    struct gpiod_chip *chip;   /* a line lives as long as its chip */
    struct gpiod_line *line;
    int output;
};

int ovb_chip_open(const char *path, ovb_chip **out)
{
    *out = NULL;
    ovb_chip *c = calloc(1, sizeof *c);
    if (!c)
        return OV_ENOMEM;
    c->chip = gpiod_chip_open(path);
    if (!c->chip) {
        int rc = ov_errno_code(errno);
        free(c);
        return rc;
    }
    *out = c;
    return OV_OK;
}

const char *ovb_chip_label(ovb_chip *chip)
{
    const char *l = gpiod_chip_label(chip->chip);
    return l ? l : "";
}

unsigned ovb_chip_num_lines(ovb_chip *chip)
{
    return gpiod_chip_num_lines(chip->chip);
}

int ovb_chip_find_line(ovb_chip *chip, const char *name)
{
    struct gpiod_line *l = gpiod_chip_find_line(chip->chip, name);
    return l ? (int)gpiod_line_offset(l) : -1;
}

void ovb_chip_close(ovb_chip *chip)
{
    if (!chip)
        return;
    gpiod_chip_close(chip->chip);
    free(chip);
}

int ovb_line_request(const char *chip_path, unsigned offset, int output,
                     const char *consumer, ovb_line **out, char *who, size_t wholen)
{
    int rc = OV_OK;
    *out = NULL;
    if (who && wholen)
        who[0] = '\0';
    ovb_line *l = calloc(1, sizeof *l);
    if (!l)
        return OV_ENOMEM;
    l->output = output;
    l->chip = gpiod_chip_open(chip_path);
    if (!l->chip) {
        rc = ov_errno_code(errno);
        goto out;
    }
    l->line = gpiod_chip_get_line(l->chip, offset);
    if (!l->line) {
        rc = OV_ENOTFOUND;
        goto out;
    }
    struct gpiod_line_request_config rq = {
        .consumer = consumer,
        .request_type = output ? GPIOD_LINE_REQUEST_DIRECTION_OUTPUT
                               : GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES,
        .flags = output ? 0 : GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP,
    };
    if (gpiod_line_request(l->line, &rq, 0) < 0) {
        rc = ov_errno_code(errno);
        if (rc == OV_EBUSY && who && wholen && gpiod_line_update(l->line) == 0) {
            const char *c = gpiod_line_consumer(l->line);
            snprintf(who, wholen, "%s", c ? c : "");
        }
        goto out;
    }
    if (!output) {
        int fd = gpiod_line_event_get_fd(l->line);
        if (fd >= 0)
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    *out = l;
    return OV_OK;
out:
    if (l->chip)
        gpiod_chip_close(l->chip);
    free(l);
    return rc;
}

int ovb_line_fd(ovb_line *line)
{
    return line->output ? -1 : gpiod_line_event_get_fd(line->line);
}

int ovb_line_read(ovb_line *line, ovb_edge *out, int max)
{
    struct gpiod_line_event ev[OVB_EDGE_BATCH];
    int fd = ovb_line_fd(line);
    if (fd < 0 || max <= 0)
        return 0;
    struct pollfd p = { .fd = fd, .events = POLLIN };
    int r = poll(&p, 1, 0);
    if (r < 0)
        return errno == EINTR ? 0 : OV_EIO;
    if (r == 0)
        return 0;
    if (p.revents & (POLLERR | POLLHUP | POLLNVAL))
        return OV_EIO;
    if (max > (int)OV_ARRAY_LEN(ev))
        max = (int)OV_ARRAY_LEN(ev);
    int n = gpiod_line_event_read_fd_multiple(fd, ev, (unsigned)max);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return 0;
    if (n < 0)
        return ov_errno_code(errno) == OV_ENOTFOUND ? OV_ENOTFOUND : OV_EIO;
    for (int i = 0; i < n; i++) {
        out[i].pressed = ev[i].event_type == GPIOD_LINE_EVENT_FALLING_EDGE;
        out[i].ts_ns = (uint64_t)ev[i].ts.tv_sec * OV_NS_PER_S + (uint64_t)ev[i].ts.tv_nsec;
    }
    return n;
}

int ovb_line_get(ovb_line *line)
{
    int v = gpiod_line_get_value(line->line);
    return v < 0 ? ov_errno_code(errno) : v;
}

int ovb_line_set(ovb_line *line, int value)
{
    return gpiod_line_set_value(line->line, value ? 1 : 0) < 0 ? ov_errno_code(errno) : OV_OK;
}

void ovb_line_release(ovb_line *line)
{
    if (!line)
        return;
    gpiod_line_release(line->line);
    gpiod_chip_close(line->chip);
    free(line);
}

const char *ovb_version(void)
{
    return gpiod_version_string();
}

#else
typedef int ov_gpio_v1_not_built; /* ISO C wants something in every file */
#endif
