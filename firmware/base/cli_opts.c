/* cli_opts.c — table-driven option parsing for the `ourvoice` commands. */
#include "base/cli_opts.h"
#include "base/ov_common.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPTS_MAX 64 /* options one table may have: one bit each in `seen` */

static int parse_long(const char *s, long *out)
{
    if (!s[0] || s[0] == ' ' || s[0] == '\t')
        return 0;
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || !end || *end)
        return 0;
    *out = v;
    return 1;
}

static int range_error(const ov_opt *o, const char *cmd, const char *val, char *err, size_t errlen)
{
    if (o->hint)
        return ov_fail(err, errlen, OV_EINVAL, "ourvoice %s: --%s '%s': write %s", cmd, o->name, val,
                       o->hint);
    if (o->step > 0)
        return ov_fail(err, errlen, OV_EINVAL,
                       "ourvoice %s: --%s '%s': write a whole number from %ld to "
                       "%ld, in steps of %ld",
                       cmd, o->name, val, o->min, o->max, o->step);
    return ov_fail(err, errlen, OV_EINVAL, "ourvoice %s: --%s '%s': write a whole number from %ld to %ld",
                   cmd, o->name, val, o->min, o->max);
}

static int set_int(const ov_opt *o, const char *cmd, const char *val, char *err, size_t errlen)
{
    long v;
    if (!parse_long(val, &v) || v < o->min || v > o->max || (o->step > 0 && v % o->step))
        return range_error(o, cmd, val, err, errlen);
    *(int *)o->out = (int)v;
    return OV_OK;
}

static int set_size(const ov_opt *o, const char *cmd, const char *val, char *err, size_t errlen)
{
    char wbuf[16], hbuf[16];
    const char *x = strchr(val, 'x');
    size_t wl = x ? (size_t)(x - val) : 0;
    long w, h;
    if (!x || wl == 0 || wl >= sizeof wbuf || strlen(x + 1) >= sizeof hbuf)
        goto bad;
    memcpy(wbuf, val, wl);
    wbuf[wl] = 0;
    ov_strlcpy(hbuf, x + 1, sizeof hbuf);
    if (!parse_long(wbuf, &w) || !parse_long(hbuf, &h) || w < o->min || w > o->max || h < o->min ||
        h > o->max)
        goto bad;
    ((int *)o->out)[0] = (int)w;
    ((int *)o->out)[1] = (int)h;
    return OV_OK;
bad:
    return ov_fail(err, errlen, OV_EINVAL,
                   "ourvoice %s: --%s '%s': write WIDTHxHEIGHT in pixels, each "
                   "from %ld to %ld, e.g. 800x480",
                   cmd, o->name, val, o->min, o->max);
}

static int leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int valid_date(const char *s)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    long y = strtol(s, NULL, 10), m = strtol(s + 5, NULL, 10), d = strtol(s + 8, NULL, 10);
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= days[m - 1] + (m == 2 && leap(y));
}

static int set_value(const ov_opt *o, const char *cmd, const char *val, char *err, size_t errlen)
{
    switch (o->kind) {
    case OV_OPT_INT:
        return set_int(o, cmd, val, err, errlen);
    case OV_OPT_SIZE:
        return set_size(o, cmd, val, err, errlen);
    case OV_OPT_DATE:
        if (!valid_date(val))
            return ov_fail(err, errlen, OV_EINVAL, "ourvoice %s: --%s '%s': write a date like 2025-05-03",
                           cmd, o->name, val);
        /* fall through */
    case OV_OPT_TEXT:
        *(const char **)o->out = val;
        return OV_OK;
    case OV_OPT_FLAG:
        break;
    }
    *(int *)o->out = 1;
    return OV_OK;
}

/* The table entry for argument `a` ("--name", "--name=v", "-x"); *inline_val
 * is set to the text after '=' or NULL. Returns its index, or -1. */
static int find_opt(const ov_opt_parser *p, const char *a, const char **inline_val)
{
    *inline_val = NULL;
    if (a[1] != '-') {
        for (int i = 0; i < p->n_opts; i++)
            if (a[1] && !a[2] && p->opts[i].short_name == a[1])
                return i;
        return -1;
    }
    const char *name = a + 2, *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    for (int i = 0; i < p->n_opts; i++)
        if (strlen(p->opts[i].name) == len && !strncmp(p->opts[i].name, name, len)) {
            *inline_val = eq ? eq + 1 : NULL;
            return i;
        }
    return -1;
}

static int is_help(const char *a) { return !strcmp(a, "--help") || !strcmp(a, "-h"); }

static int take_arg(ov_opt_parser *p, const char *a, char *err, size_t errlen)
{
    if (p->n_args >= p->max_args) {
        if (p->max_args == 0)
            return ov_fail(err, errlen, OV_EINVAL,
                           "ourvoice %s: unexpected '%s' (this command takes options only)", p->cmd, a);
        return ov_fail(err, errlen, OV_EINVAL, "ourvoice %s: unexpected '%s' (at most %d %s)", p->cmd, a,
                       p->max_args, p->max_args == 1 ? "argument" : "arguments");
    }
    p->args[p->n_args++] = a;
    return OV_OK;
}

/* One option at argv[*i]; moves *i past its value. */
static int take_opt(ov_opt_parser *p, int argc, char **argv, int *i, uint64_t *seen, char *err, size_t errlen)
{
    const char *a = argv[*i], *val;
    int k = find_opt(p, a, &val);
    if (k < 0)
        return ov_fail(err, errlen, OV_EINVAL, "ourvoice %s: unknown option '%s' (see ourvoice %s --help)",
                       p->cmd, a, p->cmd);
    const ov_opt *o = &p->opts[k];
    if (*seen & (UINT64_C(1) << k))
        return ov_fail(err, errlen, OV_EINVAL, "ourvoice %s: --%s is given twice; give it once", p->cmd,
                       o->name);
    *seen |= UINT64_C(1) << k;
    if (o->kind == OV_OPT_FLAG) {
        if (val)
            return ov_fail(err, errlen, OV_EINVAL, "ourvoice %s: --%s takes no value", p->cmd, o->name);
        return set_value(o, p->cmd, NULL, err, errlen);
    }
    if (!val) {
        if (*i + 1 >= argc)
            return ov_fail(err, errlen, OV_EINVAL, "ourvoice %s: --%s needs a value", p->cmd, o->name);
        val = argv[++*i];
    }
    return set_value(o, p->cmd, val, err, errlen);
}

int ov_opts_parse(ov_opt_parser *p, int argc, char **argv, char *err, size_t errlen)
{
    p->n_args = 0;
    p->help = 0;
    if (p->n_opts > OPTS_MAX)
        return ov_fail(err, errlen, OV_EINVAL, "ourvoice %s: %d options is more than the parser's %d", p->cmd,
                       p->n_opts, OPTS_MAX);
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--"))
            break;
        else if (is_help(argv[i])) {
            p->help = 1;
            return OV_OK;
        }
    uint64_t seen = 0;
    int only_args = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int rc;
        if (!only_args && !strcmp(a, "--")) {
            only_args = 1;
            rc = OV_OK;
        } else if (!only_args && a[0] == '-' && a[1])
            rc = take_opt(p, argc, argv, &i, &seen, err, errlen);
        else
            rc = take_arg(p, a, err, errlen);
        if (rc != OV_OK)
            return rc;
    }
    return OV_OK;
}
