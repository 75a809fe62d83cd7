/* picture.h — pictures and recordings checked by decoding them, with limits
 * on everything a bad file could blow up: file bytes, pixel size, decoded
 * memory and decoding time. The same check runs in `check-content`, in the
 * USB import and when the kiosk loads its questions. Files are read
 * non-blocking and must be regular files (a FIFO or device is an error,
 * never a hang). The format must be the one the file name says.
 *
 * Decoding is tried in a child process (fork) with a CPU-time limit, and the
 * parent waits at most decode_ms: an SVG that would take minutes to draw is
 * refused in bounded time, and a decoder crash cannot take the kiosk down. */
#ifndef OV_PICTURE_H
#define OV_PICTURE_H

#include <stddef.h>

#include "base/ov_common.h"
#include "model/picture_format.h"

#define OV_PICTURE_MAX_SIDE 4096                    /* pixels, each way */
#define OV_PICTURE_MAX_FILE_BYTES (16u * 1024 * 1024) /* a picture file at most */
#define OV_PICTURE_DECODE_MS 5000                   /* time to decode one picture */
#define OV_PICTURE_SVG_TEST_PX 128                  /* an SVG is drawn this big to test it */
#define OV_RECORDING_MAX_FILE_BYTES (64u * 1024 * 1024)

typedef struct {
    long max_side;          /* PNG/JPEG: width and height at most this */
    size_t max_file_bytes;  /* the file at most this many bytes */
    int decode_ms;          /* decoding must finish within this */
    int svg_test_px;        /* SVGs are drawn at this size to test them */
} ov_picture_limits;

typedef struct {
    ov_picture_format format;
    long width, height;     /* as decoded (SVG: its own size) */
} ov_picture_info;

/* The default limits above. */
void ov_picture_limits_default(ov_picture_limits *lim);

/* Check the picture at path by decoding it within lim (NULL: defaults).
 * Returns OV_OK with *info (may be NULL), or OV_ENOTFOUND (no such file),
 * OV_EINVAL (not a regular file, too big, wrong format for its name,
 * broken, too many pixels, too slow to decode), OV_EIO (cannot open or read
 * it) or OV_ENOMEM (also: no child process for decoding), with a sentence in
 * err that says what is wrong and how to fix it (without the path). */
int ov_picture_check(const char *path, const ov_picture_limits *lim, ov_picture_info *info,
                     char *err, size_t errlen);

/* Check a recording (a WAV file, at most OV_RECORDING_MAX_FILE_BYTES) by
 * parsing it (in this process). Returns as ov_picture_check. */
int ov_recording_check(const char *path, char *err, size_t errlen);

struct SDL_Surface;
/* Load the picture at path for drawing, w x h pixels for SVGs (PNG/JPEG at
 * their own size): read non-blocking, format forced by the name, pixel size
 * checked before decoding (call ov_picture_check first for the time limit).
 * Returns a surface to free with SDL_FreeSurface, or NULL with err set. */
struct SDL_Surface *ov_picture_load(const char *path, int w, int h, char *err, size_t errlen);

#endif
