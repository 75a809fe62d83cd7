/* picture.c — decoding checks for pictures and recordings, and loading a
 * checked picture for drawing (see picture.h). */
#include "platform/picture.h"

#include "model/svg_check.h"
#include "platform/files.h"
#include "platform/wav.h"

#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILD_CPU_SLACK_S 1   /* the child's CPU limit: decode_ms rounded up, plus this */

typedef struct {
    int ok;
    long width, height;
    int blank; /* every pixel fully transparent: it draws nothing */
    char why[OV_ERR_LEN];
} decode_result;

void ov_picture_limits_default(ov_picture_limits *lim)
{
    lim->max_side = OV_PICTURE_MAX_SIDE;
    lim->max_file_bytes = OV_PICTURE_MAX_FILE_BYTES;
    lim->decode_ms = OV_PICTURE_DECODE_MS;
    lim->svg_test_px = OV_PICTURE_SVG_TEST_PX;
}

static const char *sdl_type(ov_picture_format f)
{
    return f == OV_PIC_PNG ? "PNG" : f == OV_PIC_JPEG ? "JPG" : "SVG";
}

/* Decode data as format f (never guessing from the bytes). */
static SDL_Surface *decode(ov_picture_format f, const char *data, size_t len, int w, int h)
{
    SDL_RWops *rw = SDL_RWFromConstMem(data, (int)len);
    if (!rw) return NULL;
    SDL_Surface *s = f == OV_PIC_SVG ? IMG_LoadSizedSVG_RW(rw, w, h) : IMG_LoadTyped_RW(rw, 0, sdl_type(f));
    SDL_RWclose(rw);
    return s;
}

/* Format and header checks on the bytes. Returns OV_OK or OV_EINVAL. */
static int check_bytes(ov_picture_format want, const char *data, size_t len, long max_side,
                       char *err, size_t errlen)
{
    ov_picture_format got = ov_picture_format_of_bytes((const uint8_t *)data, len);
    if (want == OV_PIC_UNKNOWN)
        return ov_fail(err, errlen, OV_EINVAL, "a picture must be an .svg, .png or .jpg file");
    if (got != want)
        return ov_fail(err, errlen, OV_EINVAL, "the file is not a %s picture inside (its bytes are %s); "
                       "save it again as %s", ov_picture_format_name(want),
                       got == OV_PIC_UNKNOWN ? "of another kind" : ov_picture_format_name(got),
                       ov_picture_format_name(want));
    long w, h;
    char why[OV_ERR_LEN];
    if (want == OV_PIC_SVG && !ov_svg_whole((const uint8_t *)data, len, why, sizeof why))
        return ov_fail(err, errlen, OV_EINVAL, "the SVG picture is broken: %s; save it again from the "
                       "drawing program, or fix the file", why);
    if (want == OV_PIC_SVG) return OV_OK;
    if (!ov_picture_header_size(want, (const uint8_t *)data, len, &w, &h) || w <= 0 || h <= 0)
        return ov_fail(err, errlen, OV_EINVAL, "the %s picture is broken (its header is cut short or wrong); "
                       "save it again", ov_picture_format_name(want));
    if (w > max_side || h > max_side)
        return ov_fail(err, errlen, OV_EINVAL, "the picture is %ldx%ld pixels; at most %ldx%ld are allowed: "
                       "make it smaller", w, h, max_side, max_side);
    return OV_OK;
}

/* 1 when every pixel of s is fully transparent (or s has no pixels). */
static int draws_nothing(SDL_Surface *s)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    if (!c)
        return 0; /* cannot tell: not a reason to refuse */
    int blank = 1;
    SDL_LockSurface(c);
    for (int y = 0; y < c->h && blank; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)c->pixels + (size_t)y * (size_t)c->pitch);
        for (int x = 0; x < c->w && blank; x++)
            blank = (row[x] >> 24) == 0;
    }
    SDL_UnlockSurface(c);
    SDL_FreeSurface(c);
    return blank;
}

/* In the child: decode and write the result to fd, then leave at once. */
static void child_decode(int fd, ov_picture_format f, const char *data, size_t len,
                         const ov_picture_limits *lim)
{
    struct rlimit cpu = { (rlim_t)(lim->decode_ms / OV_MS_PER_S + CHILD_CPU_SLACK_S),
                          (rlim_t)(lim->decode_ms / OV_MS_PER_S + CHILD_CPU_SLACK_S) };
    setrlimit(RLIMIT_CPU, &cpu);
    decode_result r = { 0 };
    SDL_Surface *s = decode(f, data, len, lim->svg_test_px, lim->svg_test_px);
    if (s) {
        r.ok = 1;
        r.width = s->w;
        r.height = s->h;
        r.blank = f == OV_PIC_SVG && (s->w <= 0 || s->h <= 0 || draws_nothing(s));
    } else {
        snprintf(r.why, sizeof r.why, "%s", IMG_GetError());
    }
    ssize_t n = write(fd, &r, sizeof r);
    _exit(n == (ssize_t)sizeof r ? 0 : 1);
}

/* Wait up to ms for the child's result; kill it when late. */
static int wait_child(pid_t pid, int fd, int ms, decode_result *r)
{
    struct pollfd p = { fd, POLLIN, 0 };
    int ready;
    do {
        ready = poll(&p, 1, ms);
    } while (ready < 0 && errno == EINTR);
    ssize_t n = ready > 0 ? read(fd, r, sizeof *r) : -1;
    if (n != (ssize_t)sizeof *r) kill(pid, SIGKILL);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (n == (ssize_t)sizeof *r) return OV_OK;
    return ready == 0 || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) ? OV_EBUSY : OV_EIO;
}

static int decode_in_child(ov_picture_format f, const char *data, size_t len, const ov_picture_limits *lim,
                           ov_picture_info *info, char *err, size_t errlen)
{
    int fds[2];
    if (pipe(fds) != 0) return ov_fail(err, errlen, OV_ENOMEM, "cannot start decoding: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return ov_fail(err, errlen, OV_ENOMEM, "cannot start decoding: %s", strerror(errno));
    }
    if (pid == 0) {
        close(fds[0]);
        child_decode(fds[1], f, data, len, lim);
    }
    close(fds[1]);
    decode_result r;
    int rc = wait_child(pid, fds[0], lim->decode_ms, &r);
    close(fds[0]);
    if (rc == OV_EBUSY)
        return ov_fail(err, errlen, OV_EINVAL, "the picture takes too long to draw (over %d seconds); "
                       "simplify it or save it as PNG", (lim->decode_ms + OV_MS_PER_S - 1) / OV_MS_PER_S);
    if (rc != OV_OK || !r.ok)
        return ov_fail(err, errlen, OV_EINVAL, "the %s picture is broken: %s; save it again",
                       ov_picture_format_name(f), rc == OV_OK ? r.why : "the decoder stopped");
    if (r.blank)
        return ov_fail(err, errlen, OV_EINVAL, "the SVG picture draws nothing (it is empty, or every shape "
                       "in it is invisible or outside its viewBox); draw the picture in it and save it "
                       "again");
    if (info) {
        info->format = f;
        info->width = r.width;
        info->height = r.height;
    }
    return OV_OK;
}

int ov_picture_check(const char *path, const ov_picture_limits *lim, ov_picture_info *info,
                     char *err, size_t errlen)
{
    ov_picture_limits def;
    if (!lim) {
        ov_picture_limits_default(&def);
        lim = &def;
    }
    char *data = NULL;
    size_t len = 0;
    int rc = ov_file_read_all(path, lim->max_file_bytes, &data, &len, err, errlen);
    if (rc != OV_OK) return rc;
    ov_picture_format f = ov_picture_format_of_name(path);
    rc = check_bytes(f, data, len, lim->max_side, err, errlen);
    if (rc == OV_OK) rc = decode_in_child(f, data, len, lim, info, err, errlen);
    free(data);
    return rc;
}

int ov_recording_check(const char *path, char *err, size_t errlen)
{
    char *data = NULL, why[OV_ERR_LEN];
    size_t len = 0;
    int rc = ov_file_read_all(path, OV_RECORDING_MAX_FILE_BYTES, &data, &len, err, errlen);
    if (rc != OV_OK) return rc;
    ov_pcm pcm;
    memset(&pcm, 0, sizeof pcm);
    rc = ov_wav_parse((const uint8_t *)data, len, &pcm, why, sizeof why);
    free(data);
    if (rc != OV_OK) return ov_fail(err, errlen, OV_EINVAL, "the recording is not a WAV sound this kiosk can "
                                    "play: %s; save it again as WAV", why);
    ov_pcm_free(&pcm);
    return OV_OK;
}

SDL_Surface *ov_picture_load(const char *path, int w, int h, char *err, size_t errlen)
{
    char *data = NULL;
    size_t len = 0;
    if (ov_file_read_all(path, OV_PICTURE_MAX_FILE_BYTES, &data, &len, err, errlen) != OV_OK) return NULL;
    ov_picture_format f = ov_picture_format_of_name(path);
    SDL_Surface *s = NULL;
    if (check_bytes(f, data, len, OV_PICTURE_MAX_SIDE, err, errlen) == OV_OK) {
        s = decode(f, data, len, w, h);
        if (!s) ov_fail(err, errlen, OV_EINVAL, "cannot decode it: %s", IMG_GetError());
    }
    free(data);
    return s;
}
