/* diag.c — collecting and printing "file:line: message" problems. */
#include "base/diag.h"

#include <stdarg.h>
#include <string.h>

void ov_diags_init(ov_diags *d) { memset(d, 0, sizeof *d); }

void ov_diag_add(ov_diags *d, ov_diag_level level, const char *file, int line,
                 const char *fmt, ...)
{
    if (level == OV_DIAG_ERROR) d->n_errors++; else d->n_warnings++;
    if (d->n >= OV_MAX_DIAGS) { d->dropped++; return; }
    ov_diag *g = &d->items[d->n++];
    g->level = level;
    char msg[OV_DIAG_LEN];
    va_list ap; va_start(ap, fmt); vsnprintf(msg, sizeof msg, fmt, ap); va_end(ap);
    const char *w = level == OV_DIAG_WARNING ? "warning: " : "";
    if (line > 0) snprintf(g->text, sizeof g->text, "%s:%d: %s%s", file, line, w, msg);
    else snprintf(g->text, sizeof g->text, "%s: %s%s", file, w, msg);
}

void ov_diags_print(const ov_diags *d, FILE *out)
{
    for (int i = 0; i < d->n; i++) fprintf(out, "%s\n", d->items[i].text);
    if (d->dropped) fprintf(out, "(%d more problems not shown)\n", d->dropped);
}
