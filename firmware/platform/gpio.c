/* gpio.c — finds the configured GPIO lines, opens them softly, retries
 * what failed, turns kernel edge events into ov_buttons edges and drives the
 * lights. Library calls go through gpio_backend.h (gpio_v1.c / gpio_v2.c). */
#include "platform/gpio.h"
#include "platform/files.h"
#include "platform/gpio_backend.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONSUMER "ourvoice"
#define MAX_SLOTS (2 * OV_MAX_GPIO_ANSWERS + 2)
#define MAX_CHIPS 32
#define CHIP_LABEL_LEN 64      /* a chip label in "label:offset" */
#define CONSUMER_NAME_LEN 64   /* the name of a program holding a line */
#define MAX_LINE_OFFSET 4096   /* larger offsets in "label:offset" are not offsets */
#define EDGE_MAX_AGE_MS 10000  /* an edge stamped longer ago than this is not on ov_now_ms's clock */
#define EDGE_BATCH 16          /* edges read from a line at a time */
#define SPEC_LEN 32            /* a line as configured, and the NUL */
#define KEY_LEN 16             /* a config key ("answer1", "light2") and the NUL */

typedef struct {
    char spec[SPEC_LEN];  /* as configured: "GPIO17" or "label:offset" */
    char key[KEY_LEN];    /* config key for messages: "answer1", "light2" */
    int button;           /* OV_BTN_* for inputs, -1 for lights */
    int light;            /* 0-based light number for lights, -1 for inputs */
    ovb_line *line;       /* NULL while it does not work */
    int err;              /* last OV_E* when line is NULL */
    char why[OV_REASON_LEN]; /* what went wrong, for the facilitator */
    int need_level;       /* just opened: report start_level at the next read */
    int start_level;      /* raw level right after the request, -1 unknown */
} slot;

struct ov_gpio {
    slot s[MAX_SLOTS];
    int n;
    char dev_dir[OV_PATH_MAX];
    uint64_t next_retry;
    int tried;
    unsigned light_mask;  /* bit i: light i+1 is on (steady state) */
    uint64_t blink_at;
    int light_written[MAX_SLOTS]; /* per slot: -1 unknown, else last level */
    char problem[OV_ERR_LEN];
    ov_problem problem_code; /* the problem's code for the screens (OV_PROBLEM_NONE: all fine) */
    char logged[OV_ERR_LEN];     /* last problem sent to the log (log it once) */
};

typedef struct {
    char path[OV_PATH_MAX];
    unsigned num;
} chip_ref;

/* --- finding lines -------------------------------------------------------- */

static int chip_cmp(const void *a, const void *b)
{
    const chip_ref *x = a, *y = b;
    return x->num < y->num ? -1 : x->num > y->num;
}

/* List gpiochipN devices in dir, sorted by N. Returns the count. */
static int list_chips(const char *dir, chip_ref *out, int max)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        unsigned num;
        char rest;
        if (sscanf(e->d_name, "gpiochip%u%c", &num, &rest) != 1)
            continue;
        snprintf(out[n].path, sizeof out[n].path, "%.400s/%.100s", dir, e->d_name);
        out[n].num = num;
        n++;
    }
    closedir(d);
    qsort(out, (size_t)n, sizeof *out, chip_cmp);
    return n;
}

/* "label:offset" → label and offset; returns 0 for a plain line name. */
static int split_spec(const char *spec, char *label, size_t labellen, unsigned *offset)
{
    const char *colon = strrchr(spec, ':');
    if (!colon || colon == spec || !colon[1])
        return 0;
    char *end;
    errno = 0;
    unsigned long v = strtoul(colon + 1, &end, 10);
    if (*end || errno || v > MAX_LINE_OFFSET)
        return 0;
    size_t len = (size_t)(colon - spec);
    if (len >= labellen)
        len = labellen - 1;
    memcpy(label, spec, len);
    label[len] = '\0';
    *offset = (unsigned)v;
    return 1;
}

static void set_why(slot *s, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void set_why(slot *s, int err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->why, sizeof s->why, fmt, ap);
    va_end(ap);
    s->err = err;
}

/* The chips found under dev_dir, opened for finding lines. */
typedef struct {
    chip_ref ref[MAX_CHIPS];
    ovb_chip *open[MAX_CHIPS];
    int err[MAX_CHIPS];
    int n, opened;
} chip_set;

/* The chip holding slot s's line (its offset in *offset), or -1; *denied is
 * a chip that refused us (permission), or -1. */
static int find_chip(const chip_set *cs, const slot *s, const char *label, int by_label,
                     unsigned *offset, int *denied)
{
    *denied = -1;
    for (int c = 0; c < cs->n; c++) {
        if (!cs->open[c]) {
            if (cs->err[c] == OV_EPERM && *denied < 0)
                *denied = c;
            continue;
        }
        if (by_label) {
            if (!strcmp(ovb_chip_label(cs->open[c]), label))
                return c;
            continue;
        }
        int off = ovb_chip_find_line(cs->open[c], s->spec);
        if (off >= 0) {
            *offset = (unsigned)off;
            return c;
        }
    }
    return -1;
}

/* Say why slot s's line was not found on any chip. */
static void explain_not_found(const ov_gpio *g, const chip_set *cs, slot *s, const char *label,
                              int by_label, int denied)
{
    if (cs->n == 0)
        set_why(s, OV_ENOTFOUND, "no GPIO chip found (nothing matches %.200s/gpiochip*)", g->dev_dir);
    else if (!cs->opened && denied < 0)
        set_why(s, cs->err[0], "cannot open %s (error %d); it may not be a GPIO chip",
                cs->ref[0].path, cs->err[0]);
    else if (denied >= 0)
        set_why(s, OV_EPERM,
                "permission denied opening %s: add the kiosk's user to the gpio group "
                "(sudo adduser USER gpio) and log in again", cs->ref[denied].path);
    else if (by_label && !strncmp(label, "gpiochip", strlen("gpiochip")))
        set_why(s, OV_ENOTFOUND, "\"%s\" is a chip number, which changes between Pi models: "
                "use the line name (GPIO17) or the chip's label from `gpiodetect` "
                "(pinctrl-rp1:17)", label);
    else if (by_label)
        set_why(s, OV_ENOTFOUND, "no GPIO chip labelled \"%s\" (see `gpiodetect`)", label);
    else
        set_why(s, OV_ENOTFOUND, "no GPIO line named \"%s\" (see `gpioinfo` for the names)", s->spec);
}

/* Request line `offset` of chip `chip` for slot i; say why when that fails. */
static void request_slot(ov_gpio *g, int i, const char *chip_path, unsigned offset)
{
    slot *s = &g->s[i];
    char who[CONSUMER_NAME_LEN];
    int rc = ovb_line_request(chip_path, offset, s->button < 0, CONSUMER, &s->line, who, sizeof who);
    if (rc == OV_OK) {
        s->err = OV_OK;
        s->why[0] = '\0';
        s->need_level = s->button >= 0;
        s->start_level = s->need_level ? ovb_line_get(s->line) : -1;
        g->light_written[i] = -1;   /* write this light at the next update */
    } else if (rc == OV_EBUSY) {
        set_why(s, rc, "%s is in use by %s: stop that program or pick another pin",
                s->spec, who[0] ? who : "another program");
    } else if (rc == OV_EPERM) {
        set_why(s, rc, "permission denied on %s: add the kiosk's user to the gpio group "
                "(sudo adduser USER gpio) and log in again", chip_path);
    } else {
        set_why(s, rc, "cannot use %s on %s (error %d)", s->spec, chip_path, rc);
    }
}

/* Find and request slot i's line among the chips. */
static void open_slot(ov_gpio *g, int i, const chip_set *cs)
{
    slot *s = &g->s[i];
    char label[CHIP_LABEL_LEN];
    unsigned offset = 0;
    int by_label = split_spec(s->spec, label, sizeof label, &offset);
    int denied;
    int found = find_chip(cs, s, label, by_label, &offset, &denied);
    if (found < 0) {
        explain_not_found(g, cs, s, label, by_label, denied);
        return;
    }
    unsigned lines = ovb_chip_num_lines(cs->open[found]);
    if (by_label && offset >= lines) {
        set_why(s, OV_ENOTFOUND, "chip \"%s\" has only %u lines, there is no line %u", label, lines, offset);
        return;
    }
    request_slot(g, i, cs->ref[found].path, offset);
}

/* Try to open every slot that does not work yet. */
static void open_missing(ov_gpio *g)
{
    int missing = 0;
    for (int i = 0; i < g->n; i++)
        if (!g->s[i].line)
            missing++;
    if (!missing)
        return;
    chip_set cs = { .n = 0 };
    cs.n = list_chips(g->dev_dir, cs.ref, MAX_CHIPS);
    for (int c = 0; c < cs.n; c++) {
        cs.err[c] = ovb_chip_open(cs.ref[c].path, &cs.open[c]);
        cs.opened += cs.open[c] != NULL;
    }
    for (int i = 0; i < g->n; i++)
        if (!g->s[i].line)
            open_slot(g, i, &cs);
    for (int c = 0; c < cs.n; c++)
        ovb_chip_close(cs.open[c]);
}

/* Rebuild the facilitator message; log it when it changed. */
static void update_problem(ov_gpio *g)
{
    int bad = 0, first = -1;
    for (int i = 0; i < g->n; i++)
        if (!g->s[i].line) {
            if (first < 0)
                first = i;
            bad++;
        }
    if (!bad) {
        g->problem[0] = '\0';
        g->problem_code = OV_PROBLEM_NONE;
        if (g->logged[0])
            ov_log_info("GPIO: all %d button and light lines work now", g->n);
        g->logged[0] = '\0';
        return;
    }
    const slot *s = &g->s[first];
    g->problem_code = bad == g->n ? OV_PROBLEM_BUTTONS_OFF : OV_PROBLEM_BUTTONS_SOME;
    if (bad == g->n)
        snprintf(g->problem, sizeof g->problem,
                 "The arcade buttons are off: [buttons] %s = %s: %s. Touch and keys still work; "
                 "the kiosk tries again every few seconds.", s->key, s->spec, s->why);
    else
        snprintf(g->problem, sizeof g->problem,
                 "%d of %d button and light lines do not work: [buttons] %s = %s: %s. "
                 "The others work; the kiosk tries again every few seconds.",
                 bad, g->n, s->key, s->spec, s->why);
    if (strcmp(g->problem, g->logged)) {
        ov_log_warn("GPIO: %s", g->problem);
        ov_strlcpy(g->logged, g->problem, sizeof g->logged);
    }
}

static int first_error(const ov_gpio *g)
{
    for (int i = 0; i < g->n; i++)
        if (!g->s[i].line)
            return g->s[i].err ? g->s[i].err : OV_EIO;
    return OV_OK;
}

/* --- public API ----------------------------------------------------------- */

static void add_slot(ov_gpio *g, const char *spec, const char *key, int button, int light)
{
    if (!spec || !spec[0])
        return;
    g->light_written[g->n] = -1;
    slot *s = &g->s[g->n++];
    s->light = light;
    ov_strlcpy(s->spec, spec, sizeof s->spec);
    ov_strlcpy(s->key, key, sizeof s->key);
    s->button = button;
    set_why(s, OV_ENOTFOUND, "not opened yet");
}

int ov_gpio_open_in(const ov_config *cfg, const char *dev_dir, ov_gpio **out,
                    char *err, size_t errlen)
{
    if (!out)
        return OV_EINVAL;
    *out = NULL;
    if (!cfg || !dev_dir)
        return ov_fail(err, errlen, OV_EINVAL, "GPIO: no configuration given");
    ov_gpio *g = calloc(1, sizeof *g);
    if (!g)
        return ov_fail(err, errlen, OV_ENOMEM, "GPIO: out of memory");
    ov_strlcpy(g->dev_dir, dev_dir, sizeof g->dev_dir);
    char key[KEY_LEN];
    for (int i = 0; i < OV_MAX_GPIO_ANSWERS; i++) {
        snprintf(key, sizeof key, "answer%d", i + 1);
        add_slot(g, cfg->gpio_answer[i], key, OV_BTN_ANSWER1 + i, -1);
    }
    add_slot(g, cfg->gpio_hear_again, "hear_again", OV_BTN_HEAR_AGAIN, -1);
    add_slot(g, cfg->gpio_key_switch, "key_switch", OV_BTN_KEY_SWITCH, -1);
    for (int i = 0; i < OV_MAX_GPIO_ANSWERS; i++) {
        snprintf(key, sizeof key, "light%d", i + 1);
        add_slot(g, cfg->gpio_light[i], key, -1, i);
    }
    *out = g;
    open_missing(g);
    update_problem(g);
    g->tried = 1;
    g->next_retry = ov_now_ms() + OV_GPIO_RETRY_MS;
    if (g->n)
        ov_log_info("GPIO: %d of %d lines open (libgpiod %s)", ov_gpio_working(g), g->n, ovb_version());
    int rc = first_error(g);
    if (rc != OV_OK && err && errlen)
        ov_strlcpy(err, g->problem, errlen);
    return rc;
}

int ov_gpio_open(const ov_config *cfg, ov_gpio **out, char *err, size_t errlen)
{
    return ov_gpio_open_in(cfg, "/dev", out, err, errlen);
}

int ov_gpio_fds(ov_gpio *g, int *fds, int max)
{
    int n = 0;
    if (!g)
        return 0;
    for (int i = 0; i < g->n && n < max; i++) {
        if (!g->s[i].line || g->s[i].button < 0)
            continue;
        int fd = ovb_line_fd(g->s[i].line);
        if (fd >= 0)
            fds[n++] = fd;
    }
    return n;
}

/* A kernel timestamp in ms on ov_now_ms's clock, or now when it does not
 * look like one (an old kernel with realtime stamps, clock trouble). */
static uint64_t edge_time(uint64_t ts_ns, uint64_t now_ms)
{
    uint64_t ms = ts_ns / OV_NS_PER_MS;
    if (ms > now_ms || now_ms - ms > EDGE_MAX_AGE_MS)
        return now_ms;
    return ms;
}

int ov_gpio_read(ov_gpio *g, ov_buttons *b, uint64_t now_ms)
{
    int total = 0, rc = OV_OK, changed = 0;
    if (!g || !b)
        return OV_EINVAL;
    for (int i = 0; i < g->n; i++) {
        slot *s = &g->s[i];
        if (!s->line || s->button < 0)
            continue;
        if (s->need_level) {
            /* The level when the line was requested: a button already down
             * then is not a press. Edges since then are real presses. */
            if (s->start_level >= 0)
                ov_buttons_set_level(b, s->button, s->start_level == 0, now_ms);
            s->need_level = 0;
        }
        int line_edges = 0, last = -1;
        for (;;) {
            ovb_edge ev[EDGE_BATCH];
            int n = ovb_line_read(s->line, ev, (int)OV_ARRAY_LEN(ev));
            if (n < 0) {
                ovb_line_release(s->line);
                s->line = NULL;
                set_why(s, n, "%s stopped working (error %d); was the GPIO board unplugged?",
                        s->spec, n);
                rc = n;
                changed = 1;
                break;
            }
            for (int k = 0; k < n; k++)
                ov_buttons_edge(b, s->button, ev[k].pressed, edge_time(ev[k].ts_ns, now_ms));
            if (n > 0)
                last = ev[n - 1].pressed;
            total += n;
            line_edges += n;
            if (n < (int)OV_ARRAY_LEN(ev))
                break;
        }
        /* Fast bounces can overflow the kernel's event buffer or carry the
         * wrong edge type (it is read from the level a moment later): after
         * a burst, trust the line's level as it is now. */
        if (s->line && line_edges > 0) {
            int v = ovb_line_get(s->line);
            if (v >= 0 && (v == 0) != last)
                ov_buttons_edge(b, s->button, v == 0, now_ms);
        }
    }
    if (changed) {
        update_problem(g);
        g->next_retry = now_ms + OV_GPIO_RETRY_MS;
    }
    return rc < 0 ? rc : total;
}

static void write_lights(ov_gpio *g, uint64_t now_ms)
{
    for (int i = 0; i < g->n; i++) {
        slot *s = &g->s[i];
        if (!s->line || s->button >= 0)
            continue;
        int on = ov_lights_state((g->light_mask >> s->light) & 1u, g->blink_at, now_ms);
        if (on == g->light_written[i])
            continue;
        g->light_written[i] = ovb_line_set(s->line, on) == OV_OK ? on : -1;
    }
}

/* Bit i of mask set = light i+1 on. The blink after a vote flips every light
 * alike, lit or not, so it never shows which button was pressed. */
static void set_light_mask(ov_gpio *g, unsigned mask, uint64_t now_ms)
{
    if (!g)
        return;
    g->light_mask = mask;
    if (g->blink_at && now_ms >= g->blink_at +
        (uint64_t)OV_LIGHT_BLINK_STEP_MS * OV_LIGHT_BLINK_FLIPS)
        g->blink_at = 0;
    write_lights(g, now_ms);
}

void ov_gpio_lights(ov_gpio *g, unsigned mask, uint64_t now_ms) { set_light_mask(g, mask, now_ms); }

void ov_gpio_blink(ov_gpio *g, uint64_t now_ms)
{
    if (!g)
        return;
    g->blink_at = now_ms ? now_ms : 1;
    write_lights(g, now_ms);
}

int ov_gpio_retry(ov_gpio *g, uint64_t now_ms)
{
    if (!g || ov_gpio_working(g) == g->n)
        return 0;
    if (g->tried && now_ms < g->next_retry)
        return 0;
    g->tried = 1;
    g->next_retry = now_ms + OV_GPIO_RETRY_MS;
    int before = ov_gpio_working(g);
    open_missing(g);
    int after = ov_gpio_working(g);
    update_problem(g);
    if (after != before)
        ov_log_info("GPIO: %d of %d lines open", after, g->n);
    return after > before;
}

int ov_gpio_wait_ms(ov_gpio *g, uint64_t now_ms)
{
    if (!g)
        return -1;
    int wait = -1;
    if (g->blink_at) { /* the next flip of the blink after a vote */
        uint64_t into = now_ms > g->blink_at ? now_ms - g->blink_at : 0;
        wait = OV_LIGHT_BLINK_STEP_MS - (int)(into % OV_LIGHT_BLINK_STEP_MS);
    }
    if (ov_gpio_working(g) < g->n) {
        int r = !g->tried || now_ms >= g->next_retry ? 1 : (int)(g->next_retry - now_ms);
        wait = wait < 0 || r < wait ? r : wait;
    }
    return wait;
}

const char *ov_gpio_problem(ov_gpio *g)
{
    return g && g->problem[0] ? g->problem : NULL;
}

ov_problem ov_gpio_problem_code(const ov_gpio *g)
{
    return g && g->problem[0] ? g->problem_code : OV_PROBLEM_NONE;
}

int ov_gpio_working(ov_gpio *g)
{
    int n = 0;
    if (g)
        for (int i = 0; i < g->n; i++)
            n += g->s[i].line != NULL;
    return n;
}

int ov_gpio_configured(ov_gpio *g)
{
    return g ? g->n : 0;
}

void ov_gpio_close(ov_gpio *g)
{
    if (!g)
        return;
    for (int i = 0; i < g->n; i++) {
        if (g->s[i].line && g->s[i].button < 0)
            ovb_line_set(g->s[i].line, 0);   /* leave the lights off */
        ovb_line_release(g->s[i].line);
    }
    free(g);
}
