/* cli.h — the subcommands of `ourvoice` (say, results, merge, set-pin: main.c)
 * and of `ourvoice-kiosk` (kiosk, check-content, export: main_kiosk.c). Each
 * takes the arguments after its name (argv[0] is the subcommand name), prints
 * `--help`, and returns the process exit code (0 ok, 1 problems found or the
 * work failed, 2 usage error). */
#ifndef OV_CLI_H
#define OV_CLI_H

#include "base/cli_opts.h"
#include "base/ov_common.h"

#include <stdio.h>

/* Parse a command's options with p; on a mistake print it and the usage to
 * stderr and return 2, on --help print the usage to stdout and return 0;
 * otherwise return -1: the command goes on. */
int ov_cli_parse(ov_opt_parser *p, int argc, char **argv, void (*usage)(FILE *out));

int ov_cmd_kiosk(int argc, char **argv);         /* cli_kiosk.c (the loop: kiosk.c) */
int ov_cmd_check_content(int argc, char **argv); /* cli_check_content.c */
int ov_cmd_say(int argc, char **argv);           /* cli_say.c */
int ov_cmd_results(int argc, char **argv);       /* cli_results.c */
int ov_cmd_export(int argc, char **argv);        /* cli_export.c */
int ov_cmd_merge(int argc, char **argv);         /* cli_merge.c */
int ov_cmd_set_pin(int argc, char **argv);       /* cli_set_pin.c */

#endif
