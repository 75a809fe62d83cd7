/* ov_common.c — logging, bounded string copy, error formatting, clock. */
#include "base/ov_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int log_quiet;

void ov_log_set_quiet(int quiet) { log_quiet = quiet; }

static void log_line(const char *level, const char *fmt, va_list ap)
{
    char line[1024];
    vsnprintf(line, sizeof line, fmt, ap);
    fprintf(stderr, "ourvoice: %s: %s\n", level, line);
}

void ov_log_info(const char *fmt, ...)
{
    if (log_quiet) return;
    va_list ap;
    va_start(ap, fmt);
    log_line("info", fmt, ap);
    va_end(ap);
}

void ov_log_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_line("warning", fmt, ap);
    va_end(ap);
}

void ov_log_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_line("error", fmt, ap);
    va_end(ap);
}

int ov_strlcpy(char *dst, const char *src, size_t dstlen)
{
    if (dstlen == 0) return OV_EINVAL;
    size_t n = strlen(src);
    if (n < dstlen) {
        memcpy(dst, src, n + 1);
        return OV_OK;
    }
    size_t cut = dstlen - 1;
    while (cut > 0 && ((unsigned char)src[cut] & 0xC0) == 0x80) cut--; /* keep whole characters */
    memcpy(dst, src, cut);
    dst[cut] = '\0';
    return OV_EINVAL;
}

int ov_fail(char *err, size_t errlen, int code, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return code;
}

uint64_t ov_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * OV_MS_PER_S + (uint64_t)ts.tv_nsec / OV_NS_PER_MS;
}
