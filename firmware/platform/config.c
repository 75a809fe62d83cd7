/* config.c — reading the kiosk settings (INI, via inih) over built-in defaults. */
#include "platform/config.h"
#include "base/utf8.h"
#include "model/export_format.h"
#include "platform/speech.h"

#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum { K_STR, K_INT, K_BOOL, K_DOUBLE } key_kind;

typedef struct {
    const char *section, *name;
    key_kind kind;
    size_t offset, size;   /* size: buffer size for K_STR */
    double min, max;       /* allowed range for numbers */
    const char *text;      /* K_STR: the built-in value (NULL: "") */
    double value;          /* numbers, yes/no (1/0): the built-in value */
} key_def;

#define FIELD_SIZE(field) sizeof(((ov_config *)0)->field)
#define AT(field) offsetof(ov_config, field)
#define STR(sec, nm, field, def) { sec, nm, K_STR, AT(field), FIELD_SIZE(field), 0, 0, def, 0 }
#define INT(sec, nm, field, def, lo, hi) { sec, nm, K_INT, AT(field), 0, lo, hi, NULL, def }
#define BOOL(sec, nm, field, def) { sec, nm, K_BOOL, AT(field), 0, 0, 1, NULL, def }
#define DBL(sec, nm, field, def, lo, hi) { sec, nm, K_DOUBLE, AT(field), 0, lo, hi, NULL, def }

/* Every setting, its built-in value and its range. Default wiring (board/wiring.md): answers left to
 * right, hear-again, key switch, lights; five answers: the default scale's 4 stages and "I don't know"
 * (GPIO22 pin 15, light GPIO23 pin 16). */
static const key_def keys[] = {
    STR("kiosk", "content_dir", content_dir, NULL), /* resolved by ov_resolve_content_dir */
    STR("kiosk", "data_dir", data_dir, NULL),       /* from $XDG_DATA_HOME or $HOME (ov_config_defaults) */
    STR("kiosk", "meeting", meeting, "drop-in"), STR("kiosk", "round", round, NULL),
    BOOL("kiosk", "confirm", confirm, 1),
    INT("kiosk", "idle_timeout_s", idle_timeout_s, 120, 10, 3600), /* the voting-system guideline: */
    INT("kiosk", "thanks_s", thanks_s, 4, 1, 60),                  /* a warning after 2-5 minutes */
    INT("kiosk", "idle_warning_s", idle_warning_s, 30, 30, 600),
    INT("kiosk", "choice_idle_s", choice_idle_s, 30, 10, 600), /* confirm and review show a choice (#12) */
    INT("kiosk", "vote_lockout_ms", vote_lockout_ms, 1500, 0, 10000),
    INT("display", "width", width, 0, 0, 8192), INT("display", "height", height, 0, 0, 8192),
    INT("display", "rotation", rotation, 0, 0, 270),
    DBL("display", "diagonal_inch", diagonal_inch, 0, 0, 100),
    BOOL("display", "fullscreen", fullscreen, 0), STR("display", "theme", theme, "standard"),
    BOOL("speech", "speech", speech, 1), STR("speech", "voice", voice, NULL),
    INT("speech", "rate", rate, OV_SPEECH_DEFAULT_WPM, 80, 450), INT("speech", "pitch", pitch, 50, 0, 100),
    INT("speech", "volume", volume, 100, 0, 200), STR("speech", "audio_device", audio_device, NULL),
    BOOL("speech", "private_audio", private_audio, 0),
    STR("buttons", "answer1", gpio_answer[0], "GPIO5"), STR("buttons", "answer2", gpio_answer[1], "GPIO6"),
    STR("buttons", "answer3", gpio_answer[2], "GPIO13"), STR("buttons", "answer4", gpio_answer[3], "GPIO19"),
    STR("buttons", "answer5", gpio_answer[4], "GPIO22"), STR("buttons", "answer6", gpio_answer[5], NULL),
    STR("buttons", "hear_again", gpio_hear_again, "GPIO26"),
    STR("buttons", "key_switch", gpio_key_switch, "GPIO17"),
    STR("buttons", "light1", gpio_light[0], "GPIO12"), STR("buttons", "light2", gpio_light[1], "GPIO16"),
    STR("buttons", "light3", gpio_light[2], "GPIO20"), STR("buttons", "light4", gpio_light[3], "GPIO21"),
    STR("buttons", "light5", gpio_light[4], "GPIO23"), STR("buttons", "light6", gpio_light[5], NULL),
    INT("buttons", "debounce_ms", debounce_ms, 30, 0, 500), INT("buttons", "stuck_s", stuck_s, 10, 1, 600),
    STR("scanning", "mode", scan_mode, "off"),
    INT("scanning", "interval_ms", scan_interval_ms, 2000, 750, 5000),
    INT("scanning", "rounds", scan_rounds, 3, 1, 20),
    INT("scanning", "first_ms", scan_first_ms, 0, 0, 10000),
    INT("scanning", "accept_ms", scan_accept_ms, 0, 0, 2000),
    INT("scanning", "release_ms", scan_release_ms, 0, 0, 2000),
    BOOL("scanning", "setup", scan_setup, 1),
    STR("facilitator", "pin_hash", pin_hash, NULL),
    INT("facilitator", "small_numbers", small_numbers, OV_SMALL_NUMBERS_DEFAULT, 0, OV_SMALL_NUMBERS_MAX),
    BOOL("kiosk", "you_said", you_said, 1), INT("kiosk", "idea_choices", idea_choices, 3, 1, 6),
    BOOL("facilitator", "export_exact", export_exact, 0),
    STR("facilitator", "usb_mount_dir", usb_mount_dir, "/media"),
    INT("facilitator", "idle_timeout_s", fac_idle_timeout_s, 120, 10, 3600), /* privacy (issue 12) */
    STR("speech", "headphones", headphones, "no"),
    BOOL("speech", "blank_screen", blank_screen, 0),
};

void ov_config_defaults(ov_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    for (size_t i = 0; i < OV_ARRAY_LEN(keys); i++) {
        char *field = (char *)cfg + keys[i].offset;
        if (keys[i].kind == K_STR)
            ov_strlcpy(field, keys[i].text ? keys[i].text : "", keys[i].size);
        else if (keys[i].kind == K_DOUBLE)
            *(double *)field = keys[i].value;
        else
            *(int *)field = (int)keys[i].value;
    }
    const char *home = getenv("HOME");
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && *xdg)
        snprintf(cfg->data_dir, sizeof cfg->data_dir, "%s/ourvoice", xdg);
    else
        snprintf(cfg->data_dir, sizeof cfg->data_dir, "%s/.local/share/ourvoice",
                 home && *home ? home : "/tmp");
}

typedef struct {
    ov_config *cfg;
    ov_diags *diags;
    const char *path;
    FILE *f;
    int line;
} load_ctx;

/* Report one problem of the current line with its code and the key it is about. */
#define CFG_PROBLEM(ctx, code, key, ...) \
    ov_diag_add_code((ctx)->diags, OV_DIAG_ERROR, code, key, (ctx)->path, (ctx)->line, __VA_ARGS__)

/* Skip what is left of a line fgets could not hold. */
static void skip_rest_of_line(FILE *f)
{
    int c;
    do
        c = getc(f);
    while (c != EOF && c != '\n');
}

/* 1 when the line is usable; else reports why (file:line) and returns 0. */
static int line_is_usable(load_ctx *ctx, char *buf, int size)
{
    size_t n = strlen(buf);
    if (n + 1 == (size_t)size && buf[n - 1] != '\n') {
        skip_rest_of_line(ctx->f);
        CFG_PROBLEM(ctx, OV_DIAG_INI_LINE_TOO_LONG, NULL,
                    "this line is longer than %d bytes, so it was not read; shorten it", size - 2);
        return 0;
    }
    size_t bad = 0;
    if (!ov_utf8_valid(buf, n, &bad)) {
        CFG_PROBLEM(
            ctx, OV_DIAG_INI_NOT_UTF8, NULL,
            "byte %zu of this line is not UTF-8 text, so the line was not read; save the file as UTF-8",
            bad + 1);
        return 0;
    }
    return 1;
}

/* inih reader: one line per call, so we always know the current line number.
 * A line too long or not UTF-8 is reported and read as an empty line, and
 * leading spaces are dropped: no line ever continues the previous value, so
 * one bad line can never change another setting. */
static char *read_line(char *buf, int size, void *stream)
{
    load_ctx *ctx = stream;
    if (!fgets(buf, size, ctx->f))
        return NULL;
    ctx->line++;
    if (!line_is_usable(ctx, buf, size)) {
        ov_strlcpy(buf, "\n", (size_t)size);
        return buf;
    }
    size_t lead = strspn(buf, " \t");
    if (lead)
        memmove(buf, buf + lead, strlen(buf + lead) + 1);
    return buf;
}

static int parse_bool(const char *v, int *out)
{
    if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcasecmp(v, "on") || !strcmp(v, "1")) {
        *out = 1;
        return 0;
    }
    if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcasecmp(v, "off") || !strcmp(v, "0")) {
        *out = 0;
        return 0;
    }
    return -1;
}

static int check_choice(load_ctx *ctx, const char *name, const char *v, const char *const *allowed)
{
    for (int i = 0; allowed[i]; i++)
        if (!strcmp(v, allowed[i]))
            return 0;
    char list[128] = "";
    for (int i = 0; allowed[i]; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, allowed[i], sizeof list - strlen(list) - 1);
    }
    CFG_PROBLEM(ctx, OV_DIAG_CONFIG_NOT_ALLOWED, name, "%s = %s is not allowed; use one of: %s", name, v,
                list);
    return -1;
}

/* The allowed words of a text setting, or NULL when any text is allowed. */
static const char *const *choices_of(const key_def *k)
{
    static const char *const themes[] = {"standard", "high-contrast", "large-text", NULL};
    static const char *const modes[] = {"off", "single", "two", NULL};
    if (!strcmp(k->name, "theme"))
        return themes;
    if (!strcmp(k->section, "scanning") && !strcmp(k->name, "mode"))
        return modes;
    return NULL;
}

/* A text setting: kept only when it fits and is one of its choices. */
static void set_text(load_ctx *ctx, const key_def *k, char *field, const char *value)
{
    const char *const *choices = choices_of(k);
    if (strlen(value) >= k->size)
        CFG_PROBLEM(ctx, OV_DIAG_CONFIG_TOO_LONG, k->name,
                    "%s is too long (at most %zu bytes); it was not used", k->name, k->size - 1);
    else if (!choices || !check_choice(ctx, k->name, value, choices))
        ov_strlcpy(field, value, k->size);
}

static void set_number(load_ctx *ctx, const key_def *k, char *field, const char *value)
{
    char *end = NULL;
    if (k->kind == K_DOUBLE) {
        double v = strtod(value, &end);
        if (!*value || *end || v < k->min || v > k->max)
            CFG_PROBLEM(ctx, OV_DIAG_CONFIG_NOT_NUMBER, k->name, "%s = %s: write a number from %g to %g",
                        k->name, value, k->min, k->max);
        else
            *(double *)field = v;
        return;
    }
    long v = strtol(value, &end, 10);
    if (!*value || *end || v < k->min || v > k->max)
        CFG_PROBLEM(ctx, OV_DIAG_CONFIG_NOT_NUMBER, k->name,
                    "%s = %s: write a whole number from %.0f to %.0f", k->name, value, k->min, k->max);
    else if (!strcmp(k->name, "rotation") && v % 90)
        CFG_PROBLEM(ctx, OV_DIAG_CONFIG_NOT_NUMBER, k->name, "rotation = %s: write 0, 90, 180 or 270", value);
    else
        *(int *)field = (int)v;
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    load_ctx *ctx = user;
    const key_def *k = NULL;
    for (size_t i = 0; i < OV_ARRAY_LEN(keys) && !k; i++)
        if (!strcmp(keys[i].section, section) && !strcmp(keys[i].name, name))
            k = &keys[i];
    if (!k) {
        CFG_PROBLEM(ctx, OV_DIAG_UNKNOWN_KEY, name,
                    "unknown setting '%s' in [%s]; see docs/config.md for the settings", name, section);
        return 1;
    }
    char *field = (char *)ctx->cfg + k->offset;
    int b;
    if (k->kind == K_STR)
        set_text(ctx, k, field, value);
    else if (k->kind != K_BOOL)
        set_number(ctx, k, field, value);
    else if (parse_bool(value, &b))
        CFG_PROBLEM(ctx, OV_DIAG_CONFIG_NOT_YES_NO, name, "%s = %s: write yes or no", name, value);
    else
        *(int *)field = b;
    return 1;
}

int ov_config_load(const char *path, ov_config *cfg, ov_diags *diags)
{
    load_ctx ctx = { cfg, diags, path, NULL, 0 };
    ctx.f = fopen(path, "r");
    if (!ctx.f) return OV_ENOTFOUND;
    int before = diags->n_errors;
    int r = ini_parse_stream(read_line, &ctx, on_key, &ctx);
    fclose(ctx.f);
    if (r > 0) {
        ov_diag_add_code(diags, OV_DIAG_ERROR, OV_DIAG_CONFIG_BAD_LINE, NULL, path, r,
                         "this line is not 'name = value' or '[section]'");
    }
    return diags->n_errors > before ? OV_EINVAL : OV_OK;
}
