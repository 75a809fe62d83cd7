/* display.h — the window or panel, and what the member does to it: SDL video,
 * touch/mouse/keys turned into our own events, rotation for panels mounted
 * sideways (drawn rotated, touches rotated back), PNG screenshots.
 * Drawing happens on a logical canvas of the unrotated size. */
#ifndef OV_DISPLAY_H
#define OV_DISPLAY_H

#include "base/ov_common.h"

/* A press held this long is a long press (the facilitators' hidden way in). */
#define OV_LONG_PRESS_MS 3000

typedef struct ov_display ov_display;
struct SDL_Renderer;

typedef struct {
    int width, height;     /* physical pixels; 0 = the screen's size when full screen, else 800x480 */
    int rotation;          /* 0, 90, 180, 270 (clockwise) */
    int fullscreen;
    int headless;          /* offscreen driver, software renderer (or the accelerated one that
                              SDL_RENDER_DRIVER names, e.g. opengles2 on Mesa), no window shown */
} ov_display_opts;

typedef enum { OV_EV_NONE, OV_EV_QUIT, OV_EV_PRESS, OV_EV_KEY, OV_EV_EXPOSE } ov_event_kind;

typedef enum {
    OV_KEY_NONE, OV_KEY_LEFT, OV_KEY_RIGHT, OV_KEY_UP, OV_KEY_DOWN, OV_KEY_ENTER,
    OV_KEY_SPACE, OV_KEY_ESCAPE, OV_KEY_BACKSPACE, OV_KEY_HEAR, OV_KEY_FACILITATOR, OV_KEY_OTHER,
    OV_KEY_DIGIT0 = 99,
    OV_KEY_DIGIT1 = 100, /* OV_KEY_DIGIT1 + n - 1 for digits 1..9 */
} ov_key;

typedef struct {
    ov_event_kind kind;
    int x, y;              /* OV_EV_PRESS: logical canvas coordinates */
    int long_press;        /* OV_EV_PRESS: held for OV_LONG_PRESS_MS or more */
    int down_x, down_y;    /* OV_EV_PRESS: where it went down (logical): a press is on one target */
    ov_key key;            /* OV_EV_KEY */
} ov_event;

/* Open the window (or headless canvas). Returns OV_OK with *out (close it
 * with ov_display_close), or OV_ENOMEM / OV_EIO with *out = NULL and err
 * saying why (e.g. no screen: "... run with --headless"). */
int ov_display_open(const ov_display_opts *o, ov_display **out, char *err, size_t errlen);

/* On a Raspberry Pi 5 whose SDL is older than 2.30 (it draws garbage through
 * KMSDRM there), the sentence for the installer and the facilitator's
 * "To check" list saying the display needs Raspberry Pi OS trixie or a newer
 * SDL; NULL otherwise. Set by ov_display_open(), which also logs it once. */
const char *ov_display_sdl_warning(void);

/* Logical canvas size (width and height swapped for 90 and 270). */
void ov_display_size(const ov_display *d, int *w, int *h);

/* The SDL renderer everything is drawn with (the display owns it). */
struct SDL_Renderer *ov_display_renderer(ov_display *d);

/* Start a frame on the logical canvas. */
void ov_display_begin(ov_display *d);

/* Finish the frame: rotate onto the panel, save a PNG of what the panel shows
 * when png_path is not NULL, present. Returns OV_OK, or OV_EIO if the PNG
 * could not be written (message in err). */
int ov_display_end(ov_display *d, const char *png_path, char *err, size_t errlen);

/* Wait up to timeout_ms (-1: forever) for an event, asleep (no polling naps
 * on KMSDRM or offscreen: ppoll on the input devices). Returns 1 with *ev set,
 * 0 on timeout or, when ov_display_wakes_on_stop(), as soon as SIGTERM or
 * SIGINT arrives. Only SDL events are read here. */
int ov_display_wait(ov_display *d, int timeout_ms, ov_event *ev);

/* Most fds ov_display_watch_fds keeps. */
#define OV_DISPLAY_MAX_WATCH 16
/* Also end ov_display_wait (returning 0) as soon as one of these fds is
 * readable or fails: the GPIO lines' edge fds. The display never reads them;
 * the caller does, and gives the set again whenever it changes (n = 0: none).
 * Fds past OV_DISPLAY_MAX_WATCH are left out. */
void ov_display_watch_fds(ov_display *d, const int *fds, int n);

/* 1 when a SIGTERM/SIGINT ends ov_display_wait at once (a handler was
 * installed before ov_display_open: those signals are then blocked in this
 * thread and the threads it starts, except while it waits); 0 when the
 * caller must look for stop requests itself now and then. */
int ov_display_wakes_on_stop(const ov_display *d);

/* Push a synthetic touch at panel pixel (x, y) or a mouse click, or a key by
 * script name ("1", "left", "enter", "space", "h", ...), through SDL's own
 * event queue, so scripts use the same path as real input. The touches
 * return OV_OK; the key returns OV_OK, or OV_EINVAL for a name that is
 * neither one of these nor an SDL key name. */
int ov_display_inject_touch(ov_display *d, int x, int y, int mouse);
/* Only the finger going down (down = 1) or coming up (down = 0), for held touches. */
int ov_display_inject_finger(ov_display *d, int x, int y, int down);
int ov_display_inject_key(ov_display *d, const char *name);

/* Close the window and the input devices watched, and unblock SIGTERM and
 * SIGINT when ov_display_open blocked them; NULL is fine. */
void ov_display_close(ov_display *d);

#endif
