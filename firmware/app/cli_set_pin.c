/* cli_set_pin.c — `ourvoice set-pin`: sets the facilitator PIN in the data
 * folder's settings.ini, with the same hashing and rules as the kiosk's own
 * "Change PIN" (install.sh runs it through board/rpi/set-pin.sh). */
#include "app/cli.h"
#include "base/cli_opts.h"
#include "base/ov_common.h"
#include "platform/config.h"
#include "platform/config_write.h"
#include "platform/files.h"
#include "platform/paths.h"
#include "platform/pin_hash.h"
#include "ui/pin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RANDOM_PIN_DIGITS 6
#define SET_PIN_OPTS 3 /* entries in the table of ov_cmd_set_pin */
#define PIN_TEXT_LEN 16 /* a PIN (at most 8 digits) and the NUL */

static void usage(FILE *out)
{
    fprintf(out, "usage: ourvoice set-pin --data DIR [--keep | --is-set]\n"
                 "Set the facilitator PIN: the PIN is read from the OV_PIN environment variable\n"
                 "(never from the command line); with none, a random %d-digit PIN is made and\n"
                 "printed once. Only a salted hash is stored, in DIR/settings.ini.\n"
                 "  --data DIR   the kiosk's data folder (e.g. /var/lib/ourvoice)\n"
                 "  --keep       keep a PIN that is set already\n"
                 "  --is-set     change nothing: exit 0 when a PIN is set, 1 when none is\n"
                 "Prints 'kept', 'typed' or 'random NNNNNN'. Exit status: 0 set or kept,\n"
                 "1 the PIN could not be set, 2 wrong command line or a PIN that is not allowed.\n",
            RANDOM_PIN_DIGITS);
}

/* A random PIN nobody would guess first. Returns OV_OK or OV_EIO. */
static int random_pin(char pin[RANDOM_PIN_DIGITS + 1])
{
    unsigned char bytes[RANDOM_PIN_DIGITS];
    do {
        if (ov_random_bytes(bytes, sizeof bytes) != OV_OK)
            return OV_EIO;
        for (int i = 0; i < RANDOM_PIN_DIGITS; i++)
            pin[i] = (char)('0' + bytes[i] % 10); /* 256 % 10 bias: under 2 % per digit */
        pin[RANDOM_PIN_DIGITS] = '\0';
    } while (ov_pin_guessable(pin));
    return OV_OK;
}

/* 1 when settings.ini already holds a PIN hash, 0 when not, -1 (said on
 * stderr) when there is no memory to read it. */
static int pin_already_set(const char *settings)
{
    struct {
        ov_config cfg;
        ov_diags diags;
    } *read = malloc(sizeof *read); /* large: not on the stack */
    if (!read) {
        fprintf(stderr, "ourvoice set-pin: out of memory reading %s\n", settings);
        return -1;
    }
    ov_config_defaults(&read->cfg);
    ov_diags_init(&read->diags);
    int set = ov_config_load(settings, &read->cfg, &read->diags) != OV_ENOTFOUND &&
              ov_pin_is_set(read->cfg.pin_hash);
    free(read);
    return set;
}

/* Hash and store pin; a new PIN starts with no wrong tries. Returns 0 or 1. */
static int store_pin(const char *data, const char *settings, const char *pin)
{
    char hash[OV_PIN_HASH_LEN], err[OV_ERR_LEN];
    if (ov_pin_hash(pin, hash, sizeof hash) != OV_OK) {
        fprintf(stderr, "ourvoice set-pin: the PIN could not be hashed (no random salt from the kernel?)\n");
        return 1;
    }
    if (ov_config_set(settings, "facilitator", "pin_hash", hash, err, sizeof err) != OV_OK) {
        fprintf(stderr, "ourvoice set-pin: %s\n", err);
        return 1;
    }
    ov_pin_guard fresh;
    ov_pin_guard_init(&fresh);
    if (ov_pin_guard_save(data, &fresh, ov_now_ms(), err, sizeof err) != OV_OK)
        fprintf(stderr, "ourvoice set-pin: the PIN is set, but the old wrong-PIN wait stays: %s\n", err);
    return 0;
}

int ov_cmd_set_pin(int argc, char **argv)
{
    const char *data = NULL;
    int keep = 0, is_set = 0;
    const ov_opt table[SET_PIN_OPTS] = {
        { .name = "data", .kind = OV_OPT_TEXT, .out = &data },
        { .name = "keep", .kind = OV_OPT_FLAG, .out = &keep },
        { .name = "is-set", .kind = OV_OPT_FLAG, .out = &is_set },
    };
    ov_opt_parser p = { .cmd = "set-pin", .opts = table, .n_opts = SET_PIN_OPTS };
    char err[OV_ERR_LEN], settings[OV_PATH_MAX];
    if (ov_opts_parse(&p, argc, argv, err, sizeof err) != OV_OK || (!p.help && !data)) {
        fprintf(stderr, "%s\n",
                data || p.help ? err : "ourvoice set-pin: say which data folder with --data DIR");
        usage(stderr);
        return 2;
    }
    if (p.help) {
        usage(stdout);
        return 0;
    }
    if (ov_settings_path(data, settings, sizeof settings) != OV_OK) {
        fprintf(stderr, "ourvoice set-pin: %s: the folder name is too long\n", data);
        return 2;
    }
    int set = is_set || keep ? pin_already_set(settings) : 0;
    if (set < 0)
        return 1;
    if (is_set)
        return set ? 0 : 1;
    if (keep && set) {
        printf("kept\n");
        return 0;
    }
    const char *typed = ov_env("OV_PIN");
    char pin[PIN_TEXT_LEN];
    if (typed && *typed) {
        if (!ov_pin_acceptable(typed) || ov_pin_guessable(typed)) {
            fprintf(stderr, "ourvoice set-pin: %s\n",
                    !ov_pin_acceptable(typed) ? "use 4 to 8 numbers, nothing else"
                                              : "that PIN is one anybody would try first (like 1234 or "
                                                "1111); choose another");
            return 2;
        }
        ov_strlcpy(pin, typed, sizeof pin);
    } else if (random_pin(pin) != OV_OK) {
        fprintf(stderr, "ourvoice set-pin: no random numbers from the kernel; type a PIN instead\n");
        return 1;
    }
    int rc = store_pin(data, settings, pin);
    if (rc == 0)
        printf(typed && *typed ? "typed\n" : "random %s\n", pin);
    memset(pin, 0, sizeof pin);
    return rc;
}
