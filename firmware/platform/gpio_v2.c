/* gpio_v2.c — gpio_backend.h on libgpiod 2.x (Debian trixie, Raspberry Pi
 * OS trixie). Built only when OV_GPIOD_API is 2 or more. */
#include "platform/gpio_backend.h"
#include "platform/files.h"

#if OV_GPIOD_API >= 2

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <gpiod.h>

struct ovb_chip {
    struct gpiod_chip *chip;
    struct gpiod_chip_info *info;
};

struct ovb_line {
    struct gpiod_line_request *req;
    struct gpiod_edge_event_buffer *buf;
    unsigned offset;
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
    c->info = gpiod_chip_get_info(c->chip);
    if (!c->info) {
        int rc = ov_errno_code(errno);
        gpiod_chip_close(c->chip);
        free(c);
        return rc;
    }
    *out = c;
    return OV_OK;
}

const char *ovb_chip_label(ovb_chip *chip)
{
    const char *l = gpiod_chip_info_get_label(chip->info);
    return l ? l : "";
}

unsigned ovb_chip_num_lines(ovb_chip *chip)
{
    return (unsigned)gpiod_chip_info_get_num_lines(chip->info);
}

int ovb_chip_find_line(ovb_chip *chip, const char *name)
{
    return gpiod_chip_get_line_offset_from_name(chip->chip, name);
}

void ovb_chip_close(ovb_chip *chip)
{
    if (!chip)
        return;
    gpiod_chip_info_free(chip->info);
    gpiod_chip_close(chip->chip);
    free(chip);
}

static void find_user(struct gpiod_chip *chip, unsigned offset, char *who, size_t wholen)
{
    if (!who || !wholen)
        return;
    struct gpiod_line_info *info = gpiod_chip_get_line_info(chip, offset);
    if (!info)
        return;
    const char *c = gpiod_line_info_get_consumer(info);
    snprintf(who, wholen, "%s", c ? c : "");
    gpiod_line_info_free(info);
}

/* Input (both edges, pull-up) or output (starting low) settings. */
static void set_direction(struct gpiod_line_settings *ls, int output)
{
    if (output) {
        gpiod_line_settings_set_direction(ls, GPIOD_LINE_DIRECTION_OUTPUT);
        gpiod_line_settings_set_output_value(ls, GPIOD_LINE_VALUE_INACTIVE);
        return;
    }
    gpiod_line_settings_set_direction(ls, GPIOD_LINE_DIRECTION_INPUT);
    gpiod_line_settings_set_edge_detection(ls, GPIOD_LINE_EDGE_BOTH);
    gpiod_line_settings_set_bias(ls, GPIOD_LINE_BIAS_PULL_UP);
}

/* Request line l->offset of chip into l->req. Returns OV_OK or an OV_E* code
 * (OV_EBUSY with the user's name in who). */
static int request_line(struct gpiod_chip *chip, ovb_line *l, const char *consumer,
                        char *who, size_t wholen)
{
    int rc = OV_OK;
    unsigned offset = l->offset;
    struct gpiod_line_settings *ls = gpiod_line_settings_new();
    struct gpiod_line_config *lc = gpiod_line_config_new();
    struct gpiod_request_config *rc_cfg = gpiod_request_config_new();
    if (!ls || !lc || !rc_cfg) {
        rc = OV_ENOMEM;
        goto out;
    }
    set_direction(ls, l->output);
    if (gpiod_line_config_add_line_settings(lc, &offset, 1, ls) < 0) {
        rc = ov_errno_code(errno);
        goto out;
    }
    gpiod_request_config_set_consumer(rc_cfg, consumer);
    l->req = gpiod_chip_request_lines(chip, rc_cfg, lc);
    if (!l->req) {
        rc = ov_errno_code(errno);
        if (rc == OV_EBUSY)
            find_user(chip, offset, who, wholen);
    }
out:
    if (rc_cfg)
        gpiod_request_config_free(rc_cfg);
    if (lc)
        gpiod_line_config_free(lc);
    if (ls)
        gpiod_line_settings_free(ls);
    return rc;
}

int ovb_line_request(const char *chip_path, unsigned offset, int output,
                     const char *consumer, ovb_line **out, char *who, size_t wholen)
{
    *out = NULL;
    if (who && wholen)
        who[0] = '\0';
    struct gpiod_chip *chip = gpiod_chip_open(chip_path);
    if (!chip)
        return ov_errno_code(errno);
    ovb_line *l = calloc(1, sizeof *l);
    int rc = l ? OV_OK : OV_ENOMEM;
    if (l) {
        l->offset = offset;
        l->output = output;
        rc = request_line(chip, l, consumer, who, wholen);
    }
    if (rc == OV_OK && !output) {
        l->buf = gpiod_edge_event_buffer_new(OVB_EDGE_BATCH);
        if (!l->buf)
            rc = OV_ENOMEM;
    }
    gpiod_chip_close(chip);   /* the request stays valid without it */
    if (rc == OV_OK) {
        *out = l;
        return OV_OK;
    }
    if (l && l->req)
        gpiod_line_request_release(l->req);
    free(l);
    return rc;
}

int ovb_line_fd(ovb_line *line)
{
    return line->output ? -1 : gpiod_line_request_get_fd(line->req);
}

int ovb_line_read(ovb_line *line, ovb_edge *out, int max)
{
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
    if (max > OVB_EDGE_BATCH)
        max = OVB_EDGE_BATCH;
    int n = gpiod_line_request_read_edge_events(line->req, line->buf, (size_t)max);
    if (n < 0)
        return (errno == EAGAIN || errno == EINTR) ? 0 : OV_EIO;
    for (int i = 0; i < n; i++) {
        struct gpiod_edge_event *ev =
            gpiod_edge_event_buffer_get_event(line->buf, (unsigned long)i);
        out[i].pressed = gpiod_edge_event_get_event_type(ev) == GPIOD_EDGE_EVENT_FALLING_EDGE;
        out[i].ts_ns = gpiod_edge_event_get_timestamp_ns(ev);
    }
    return n;
}

int ovb_line_get(ovb_line *line)
{
    enum gpiod_line_value v = gpiod_line_request_get_value(line->req, line->offset);
    if (v == GPIOD_LINE_VALUE_ERROR)
        return ov_errno_code(errno);
    return v == GPIOD_LINE_VALUE_ACTIVE ? 1 : 0;
}

int ovb_line_set(ovb_line *line, int value)
{
    int r = gpiod_line_request_set_value(line->req, line->offset,
                                         value ? GPIOD_LINE_VALUE_ACTIVE : GPIOD_LINE_VALUE_INACTIVE);
    return r < 0 ? ov_errno_code(errno) : OV_OK;
}

void ovb_line_release(ovb_line *line)
{
    if (!line)
        return;
    gpiod_line_request_release(line->req);
    if (line->buf)
        gpiod_edge_event_buffer_free(line->buf);
    free(line);
}

const char *ovb_version(void)
{
    return gpiod_api_version();
}

#else
typedef int ov_gpio_v2_not_built; /* ISO C wants something in every file */
#endif
