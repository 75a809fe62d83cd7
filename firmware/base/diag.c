/* diag.c — collecting and printing coded "file:line: message" problems. */
#include "base/diag.h"

#include "base/ov_common.h"

#include <stdarg.h>
#include <string.h>

void ov_diags_init(ov_diags *d) { memset(d, 0, sizeof *d); }

static void count(ov_diags *d, ov_diag_level level)
{
    if (level == OV_DIAG_ERROR)
        d->n_errors++;
    else
        d->n_warnings++;
}

static void add_v(ov_diags *d, ov_diag_level level, ov_diag_code code, const char *arg, const char *file,
                  int line, const char *fmt, va_list ap)
{
    count(d, level);
    if (d->n >= OV_MAX_DIAGS) {
        d->dropped++;
        return;
    }
    ov_diag *g = &d->items[d->n++];
    memset(g, 0, sizeof *g);
    g->level = level;
    g->code = code;
    g->line = line > 0 ? line : 0;
    ov_strlcpy(g->file, file ? file : "", sizeof g->file);
    ov_strlcpy(g->arg, arg ? arg : "", sizeof g->arg);
    vsnprintf(g->message, sizeof g->message, fmt, ap);
    const char *w = level == OV_DIAG_WARNING ? "warning: " : "";
    char text[OV_DIAG_LEN];
    if (line > 0)
        snprintf(text, sizeof text, "%s:%d: %s%s", g->file, line, w, g->message);
    else
        snprintf(text, sizeof text, "%s: %s%s", g->file, w, g->message);
    memcpy(g->text, text, sizeof text);
}

void ov_diag_add(ov_diags *d, ov_diag_level level, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_v(d, level, OV_DIAG_GENERIC, NULL, file, line, fmt, ap);
    va_end(ap);
}

void ov_diag_add_code(ov_diags *d, ov_diag_level level, ov_diag_code code, const char *arg, const char *file,
                      int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_v(d, level, code, arg, file, line, fmt, ap);
    va_end(ap);
}

void ov_diags_print(const ov_diags *d, FILE *out)
{
    for (int i = 0; i < d->n; i++)
        fprintf(out, "%s\n", d->items[i].text);
    if (d->dropped)
        fprintf(out, "(%d more problems not shown)\n", d->dropped);
}
