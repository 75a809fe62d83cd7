/* buf.h — a growable text buffer used to build export files in memory
 * (CSV, JSON, HTML) before they are written safely, plus base64. */
#ifndef OV_EXPORT_BUF_H
#define OV_EXPORT_BUF_H

#include <stddef.h>

typedef struct {
    char *data;     /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
    int oom;        /* 1: an append failed for lack of memory (contents incomplete) */
} ov_buf;

/* Append bytes / a string / printf text to b (start from a zeroed ov_buf).
 * On out-of-memory they set b->oom and do nothing else, and once b->oom is
 * set every later append does nothing; check ov_buf_ok() once at the end. */
void ov_buf_add(ov_buf *b, const void *data, size_t len);
void ov_buf_puts(ov_buf *b, const char *s);
void ov_buf_printf(ov_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append data as base64 (RFC 4648, with padding); out of memory as above. */
void ov_buf_base64(ov_buf *b, const unsigned char *data, size_t len);
/* 1 when every append succeeded, 0 when one ran out of memory. */
int ov_buf_ok(const ov_buf *b);
/* Free the memory and empty the buffer (it can be reused). */
void ov_buf_free(ov_buf *b);

#endif
