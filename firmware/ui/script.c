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

#define SCRIPT_LINE_MAX 255 /* bytes one script line may hold */
#define SCRIPT_WORDS_MAX 4  /* words one script line may hold */
#define SCRIPT_XY_MAX 16383      /* largest x or y of a touch or click, in pixels */
#define SCRIPT_HOLD_MS_MAX 600000 /* longest touch or button hold */
#define SCRIPT_WAIT_MS_MAX 3600000 /* longest wait or clock advance */
#define SCRIPT_BUTTONS_MAX 10     /* buttons are numbered 1 to this */
#define TOUCH_HOLD_ARGS 3         /* touch X Y MS: a touch with its hold time has this many arguments */
#define SCRIPT_FIRST_CAP 64       /* steps room is made for at first (doubled each time it is full) */

typedef struct {
    const char *name;
    ov_script_cmd cmd;
    int args;
    const char *usage;
} command_def;

static const command_def commands[] = {
    { "touch", OV_CMD_TOUCH, 2, "touch X Y [MS]" },
    { "click", OV_CMD_CLICK, 2, "click X Y" },
    { "key", OV_CMD_KEY, 1, "key NAME" },
    { "button", OV_CMD_BUTTON, 1, "button N" },
    { "hold", OV_CMD_HOLD, 2, "hold N MS" },
    { "wait", OV_CMD_WAIT, 1, "wait MS" },
    { "advance", OV_CMD_ADVANCE, 1, "advance MS" },
    { "quiet", OV_CMD_QUIET, 1, "quiet MS" },
    { "shot", OV_CMD_SHOT, 1, "shot NAME" },
    { "expect", OV_CMD_EXPECT, 1, "expect SCREEN" },
    { "quit", OV_CMD_QUIT, 0, "quit" },
    { "texts", OV_CMD_TEXTS, 0, "texts" },
    { "mounts", OV_CMD_MOUNTS, 1, "mounts FILE" },
};

/* Split the line into words in buf; returns how many (0: blank or a
 * comment), or -1 after reporting a line too long or with too many words. */
static int split_words(const char *line, char *buf, size_t buflen, char **words, int lineno, const char *path,
                       ov_diags *d)
{
    if (ov_strlcpy(buf, line, buflen) != OV_OK) {
        ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_FORM, NULL, path, lineno,
                         "this line is longer than %zu bytes; split it", buflen - 1);
        return -1;
    }
    char *p = buf;
    while (isspace((unsigned char)*p))
        p++;
    if (!*p || *p == '#')
        return 0;
    int n = 0;
    for (char *tok = strtok(p, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n")) {
        if (n == SCRIPT_WORDS_MAX) {
            ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_TOO_MANY_WORDS, NULL, path, lineno,
                             "too many words on this line");
            return -1;
        }
        words[n++] = tok;
    }
    return n;
}

/* 1 when `name` is a usable shot name: letters, digits, '-', '_', '.'. */
static int shot_name_ok(const char *name)
{
    for (const char *c = name; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_' && *c != '.')
            return 0;
    return 1;
}

/* Read the arguments of command `def` into out; 1 ok, 0 a bad number or name. */
static int parse_args(const command_def *def, char **words, int n, ov_script_step *out)
{
    int with_hold = def->cmd == OV_CMD_TOUCH && n - 1 == TOUCH_HOLD_ARGS; /* touch X Y MS */
    switch (def->cmd) {
    case OV_CMD_TOUCH:
    case OV_CMD_CLICK:
        return !parse_int(words[1], 0, SCRIPT_XY_MAX, &out->a) &&
               !parse_int(words[2], 0, SCRIPT_XY_MAX, &out->b) &&
               (!with_hold || !parse_int(words[3], 0, SCRIPT_HOLD_MS_MAX, &out->c));
    case OV_CMD_BUTTON:
        return !parse_int(words[1], 1, SCRIPT_BUTTONS_MAX, &out->a);
    case OV_CMD_HOLD:
        return !parse_int(words[1], 1, SCRIPT_BUTTONS_MAX, &out->a) &&
               !parse_int(words[2], 0, SCRIPT_HOLD_MS_MAX, &out->b);
    case OV_CMD_WAIT:
    case OV_CMD_ADVANCE:
    case OV_CMD_QUIET:
        return !parse_int(words[1], 0, SCRIPT_WAIT_MS_MAX, &out->a);
    case OV_CMD_KEY:
    case OV_CMD_EXPECT:
        return ov_strlcpy(out->name, words[1], sizeof out->name) == OV_OK;
    case OV_CMD_SHOT:
    case OV_CMD_MOUNTS: /* a plain file name: it lives beside the script */
        return ov_strlcpy(out->name, words[1], sizeof out->name) == OV_OK && shot_name_ok(out->name);
    case OV_CMD_QUIT:
    case OV_CMD_TEXTS:
        return 1;
    }
    return 0;
}

static const command_def *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(name, commands[i].name))
            return &commands[i];
    return NULL;
}

int ov_script_parse_line(const char *line, int lineno, const char *path, ov_script_step *out, ov_diags *d)
{
    char buf[SCRIPT_LINE_MAX + 1];
    char *words[SCRIPT_WORDS_MAX] = { 0 };
    int n = split_words(line, buf, sizeof buf, words, lineno, path, d);
    if (n <= 0)
        return n;
    memset(out, 0, sizeof *out);
    out->line = lineno;
    const command_def *def = find_command(words[0]);
    if (!def) {
        ov_diag_add_code(
            d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_UNKNOWN_COMMAND, NULL, path, lineno,
            "unknown command '%s'; use touch, click, key, button, hold, wait, advance, quiet, shot, expect, "
            "texts, mounts or quit", words[0]);
        return -1;
    }
    if (n - 1 != def->args && !(def->cmd == OV_CMD_TOUCH && n - 1 == TOUCH_HOLD_ARGS)) {
        ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_FORM, NULL, path, lineno, "'%s' needs the form: %s",
                         words[0], def->usage);
        return -1;
    }
    out->cmd = def->cmd;
    if (parse_args(def, words, n, out))
        return 1;
    if (def->cmd == OV_CMD_SHOT || def->cmd == OV_CMD_MOUNTS)
        ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_SHOT_NAME, NULL, path, lineno,
                         "%s name '%s': use letters, digits, - and _ only", words[0], words[1]);
    else
        ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCRIPT_NUMBER, NULL, path, lineno,
                         "bad number in '%s' (form: %s)", words[0], def->usage);
    return -1;
}

static int add_step(ov_script *s, const ov_script_step *st)
{
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : SCRIPT_FIRST_CAP;
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
