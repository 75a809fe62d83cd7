/* cli_common.c — what every `ourvoice` command does with its command line. */
#include "app/cli.h"

int ov_cli_parse(ov_opt_parser *p, int argc, char **argv, void (*usage)(FILE *out))
{
    char err[OV_ERR_LEN];
    if (ov_opts_parse(p, argc, argv, err, sizeof err) != OV_OK) {
        fprintf(stderr, "%s\n", err);
        usage(stderr);
        return 2;
    }
    if (p->help) {
        usage(stdout);
        return 0;
    }
    return -1;
}
