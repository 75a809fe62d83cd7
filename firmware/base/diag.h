/* diag.h — a list of problems found in a file, each "file:line: message".
 * Used by the content checker, config loader and headless script parser. */
#ifndef OV_DIAG_H
#define OV_DIAG_H

#include <stdio.h>

#define OV_MAX_DIAGS 128
#define OV_DIAG_LEN 320

typedef enum { OV_DIAG_ERROR, OV_DIAG_WARNING } ov_diag_level;

typedef struct {
    ov_diag_level level;
    char text[OV_DIAG_LEN];   /* "file:line: message" (warnings say "warning: ") */
} ov_diag;

typedef struct {
    ov_diag items[OV_MAX_DIAGS];
    int n;
    int n_errors;
    int n_warnings;
    int dropped;              /* problems beyond OV_MAX_DIAGS, counted but not kept */
} ov_diags;

void ov_diags_init(ov_diags *d);
/* Add one problem. line <= 0 means "no line" and prints "file: message". */
void ov_diag_add(ov_diags *d, ov_diag_level level, const char *file, int line,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Print every problem, one per line, to `out`. */
void ov_diags_print(const ov_diags *d, FILE *out);

#endif
