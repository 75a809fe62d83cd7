/* cli_opts.h — the one command-line parser every `ourvoice` command uses:
 * a table of options, each with its kind and allowed range, so a bad number,
 * size or date is always an error that names the option. Pure: no I/O. */
#ifndef OV_CLI_OPTS_H
#define OV_CLI_OPTS_H

#include <stddef.h>

typedef enum {
    OV_OPT_FLAG, /* no value: sets *(int *)out to 1 */
    OV_OPT_TEXT, /* any value: *(const char **)out */
    OV_OPT_INT,  /* a whole number in [min, max], a multiple of step when step > 0:
                  *(int *)out */
    OV_OPT_SIZE, /* WIDTHxHEIGHT, each in [min, max]: ((int *)out)[0] and [1] */
    OV_OPT_DATE, /* YYYY-MM-DD, a real calendar date: *(const char **)out */
} ov_opt_kind;

typedef struct {
    const char *name; /* long name without the dashes: "rotation" */
    char short_name;  /* 'q' for -q, or 0 */
    ov_opt_kind kind;
    void *out;        /* where the value goes (see ov_opt_kind) */
    long min, max;    /* OV_OPT_INT, OV_OPT_SIZE: the allowed range */
    long step;        /* OV_OPT_INT: 0, or the value must be a multiple of it */
    const char *hint; /* what to write instead, for the error ("0, 90, 180 or
                         270"), or NULL */
} ov_opt;

typedef struct {
    const char *cmd;    /* for messages: "kiosk" */
    const ov_opt *opts; /* the table */
    int n_opts;
    const char **args; /* positional arguments go here (may be NULL when none are
                          allowed) */
    int max_args;      /* how many positional arguments are allowed */
    int n_args;        /* out: how many were given */
    int help;          /* out: 1 when --help or -h was given (nothing else is checked then)
                        */
} ov_opt_parser;

/* Parse argv[1..argc-1] (argv[0] is the command's name) against p->opts:
 * `--name value`, `--name=value`, `-x`, and `--` to end the options.
 * --help or -h anywhere before `--` sets p->help and returns OV_OK at once.
 * Returns OV_OK, or OV_EINVAL with a message in err naming the option and
 * what to write instead: an unknown option, a missing value, a value given to
 * a flag, a value out of range, not a number or not a date, an option given
 * twice, too many arguments, or a table of more than 64 options. Values
 * point into argv; p->args must have room for p->max_args. */
int ov_opts_parse(ov_opt_parser *p, int argc, char **argv, char *err, size_t errlen);

#endif
