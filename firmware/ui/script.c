/* script.c — parsing the headless kiosk script. */
#include "ui/script.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

int ov_script_parse_line(const char *line, int lineno, const char *path, ov_script_step *out, ov_diags *d)
{
    char buf[256];
    ov_strlcpy(buf, line, sizeof buf);
    char *p = buf;
    while (isspace((unsigned char)*p))
        p++;
    char *e = p + strlen(p);
    while (e > p && isspace((unsigned char)e[-1]))
        *--e = '\0';
    if (!*p || *p == '#')
        return 0;
    char *words[4] = { 0 };
    int n = 0;
    for (char *tok = strtok(p, " \t"); tok; tok = strtok(NULL, " \t")) {
        if (n == 4) {
            ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_TOO_MANY_WORDS, NULL, path, lineno,
                             "too many words on this line");
            return -1;
        }
        words[n++] = tok;
    }
    memset(out, 0, sizeof *out);
    out->line = lineno;
    static const struct {
        const char *name;
        ov_script_cmd cmd;
        int args;
        const char *usage;
    } cmds[] = {
        { "touch", OV_CMD_TOUCH, 2, "touch X Y [MS]" },
        { "click", OV_CMD_CLICK, 2, "click X Y" },
        { "key", OV_CMD_KEY, 1, "key NAME" },
        { "button", OV_CMD_BUTTON, 1, "button N" },
        { "hold", OV_CMD_HOLD, 2, "hold N MS" },
        { "wait", OV_CMD_WAIT, 1, "wait MS" },
        { "advance", OV_CMD_ADVANCE, 1, "advance MS" },
        { "shot", OV_CMD_SHOT, 1, "shot NAME" },
        { "expect", OV_CMD_EXPECT, 1, "expect SCREEN" },
        { "quit", OV_CMD_QUIT, 0, "quit" },
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (strcmp(words[0], cmds[i].name))
            continue;
        int optional_hold = cmds[i].cmd == OV_CMD_TOUCH && n - 1 == 3; /* touch X Y MS */
        if (n - 1 != cmds[i].args && !optional_hold) {
            ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_FORM, NULL, path, lineno,
                             "'%s' needs the form: %s", words[0], cmds[i].usage);
            return -1;
        }
        out->cmd = cmds[i].cmd;
        int ok = 0;
        switch (out->cmd) {
        case OV_CMD_TOUCH:
        case OV_CMD_CLICK:
            ok = !parse_int(words[1], 0, 16383, &out->a) && !parse_int(words[2], 0, 16383, &out->b) &&
                 (!optional_hold || !parse_int(words[3], 0, 600000, &out->c));
            break;
        case OV_CMD_BUTTON:
            ok = !parse_int(words[1], 1, 10, &out->a);
            break;
        case OV_CMD_HOLD:
            ok = !parse_int(words[1], 1, 10, &out->a) && !parse_int(words[2], 0, 600000, &out->b);
            break;
        case OV_CMD_WAIT:
        case OV_CMD_ADVANCE:
            ok = !parse_int(words[1], 0, 3600000, &out->a);
            break;
        case OV_CMD_KEY:
        case OV_CMD_EXPECT:
            ok = ov_strlcpy(out->name, words[1], sizeof out->name) == OV_OK;
            break;
        case OV_CMD_SHOT: {
            ok = ov_strlcpy(out->name, words[1], sizeof out->name) == OV_OK;
            for (const char *c = out->name; ok && *c; c++)
                if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_' && *c != '.')
                    ok = 0;
            if (!ok) {
                ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_SHOT_NAME, NULL, path, lineno,
                                 "shot name '%s': use letters, digits, - and _ only", words[1]);
                return -1;
            }
            break;
        }
        case OV_CMD_QUIT:
            ok = 1;
            break;
        }
        if (!ok) {
            ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_NUMBER, NULL, path, lineno,
                             "bad number in '%s' (form: %s)", words[0], cmds[i].usage);
            return -1;
        }
        return 1;
    }
    ov_diag_add_code(
        d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_UNKNOWN_COMMAND, NULL, path, lineno,
        "unknown command '%s'; use touch, click, key, button, hold, wait, advance, shot, expect or quit",
        words[0]);
    return -1;
}

static int add_step(ov_script *s, const ov_script_step *st)
{
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        ov_script_step *grown = realloc(s->steps, (size_t)cap * sizeof *grown);
        if (!grown)
            return OV_ENOMEM;
        s->steps = grown;
        s->cap = cap;
    }
    s->steps[s->n++] = *st;
    return OV_OK;
}

int ov_script_parse(const char *text, const char *path, ov_script *s, ov_diags *d)
{
    int lineno = 0, bad = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = strndup(p, len);
        if (!line)
            return OV_ENOMEM;
        ov_script_step st;
        int r = ov_script_parse_line(line, ++lineno, path, &st, d);
        free(line);
        if (r > 0 && add_step(s, &st) != OV_OK)
            return OV_ENOMEM;
        if (r < 0)
            bad = 1;
        p += len + (nl ? 1 : 0);
    }
    return bad ? OV_EINVAL : OV_OK;
}

void ov_script_free(ov_script *s)
{
    free(s->steps);
    s->steps = NULL;
    s->n = s->cap = 0;
}
