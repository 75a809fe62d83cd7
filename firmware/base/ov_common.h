/* ov_common.h — things every OurVoice module shares: return codes, message
 * buffer sizes, logging, bounded string copy, error messages, a monotonic
 * clock and the type of a whole-file reader.
 *
 * Error style: functions return 0 (OV_OK) on success and a negative OV_E* code
 * on failure. Where a caller must show a reason, the function also fills a
 * caller-owned buffer `char *err, size_t errlen` with a sentence that says
 * what is wrong and how to fix it. Logs never mention what anyone chose. */
#ifndef OV_COMMON_H
#define OV_COMMON_H

#include <stddef.h>
#include <stdint.h>

enum {
    OV_OK = 0,
    OV_EINVAL = -1,   /* bad argument or bad input data */
    OV_EIO = -2,      /* a file, device or database operation failed */
    OV_ENOMEM = -3,   /* out of memory */
    OV_ENOTFOUND = -4,/* a file, device, line or item does not exist */
    OV_EBUSY = -5,    /* in use by something else */
    OV_EPERM = -6,    /* permission denied */
    OV_ENOSPC = -7,   /* disk or stick full */
};

#define OV_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define OV_PATH_MAX 512
/* Sizes of message buffers: an error sentence for a person (it may hold a
 * path and a reason), and a short reason that a caller puts a path or a
 * prefix in front of. A longer message is cut: at a character boundary by
 * ov_strlcpy, at the byte limit by ov_fail. */
#define OV_ERR_LEN 512
#define OV_ERR_LONG_LEN 1024 /* a problem naming a file or two and what is wrong with each */
#define OV_REASON_LEN 256
/* Units of time, for turning one into another (a literal's type is kept:
 * the nanosecond ones are long, as struct timespec's tv_nsec is). */
#define OV_MS_PER_S 1000
#define OV_US_PER_MS 1000
#define OV_NS_PER_MS 1000000L
#define OV_NS_PER_S 1000000000L

/* Log a line to stderr as "ourvoice: LEVEL: message" (LEVEL: info, warning,
 * error; the message is cut at 1023 bytes). Never pass vote choices. */
void ov_log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ov_log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ov_log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Silence info lines (tests, benchmarks). Warnings and errors always print. */
void ov_log_set_quiet(int quiet);

/* Copy src into dst (size dstlen), always NUL-terminated. Returns 0, or
 * OV_EINVAL when src did not fit (dst then holds a truncated copy, cut on a
 * UTF-8 character boundary) or dstlen is 0 (dst untouched). */
int ov_strlcpy(char *dst, const char *src, size_t dstlen);

/* printf into err/errlen when err is not NULL and errlen > 0. Returns `code`
 * so callers can write `return ov_fail(err, errlen, OV_EIO, "...")`. */
int ov_fail(char *err, size_t errlen, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Milliseconds from a monotonic clock (never jumps with wall-clock changes). */
uint64_t ov_now_ms(void);

/* A whole-file reader (platform/files.h's ov_file_read_all), passed down to
 * the pure layers that need a file's bytes: read at most max bytes of path
 * into a new buffer *data (*len bytes, NUL-terminated). Returns OV_OK or a
 * negative OV_E* code with a reason in err. */
typedef int (*ov_read_file_fn)(const char *path, size_t max, char **data, size_t *len,
                               char *err, size_t errlen);

#endif
