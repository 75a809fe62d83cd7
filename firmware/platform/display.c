/* display.c — SDL window/panel, input events, rotation and screenshots. */
#include "platform/display.h"

#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

/* Input devices watched while the kiosk sleeps (KMSDRM reads them itself). */
#define MAX_INPUT_FDS 32
#define INPUT_DIR "/dev/input"
/* Video drivers whose SDL_WaitEventTimeout truly sleeps until an event. */
/* Longest single wait in SDL's own wait when asked to wait forever. */
#define STOP_WAIT_CAP_MS 1000
/* With SDL's own wait (desktop drivers) watched fds are looked at this often. */
#define WATCH_SLICE_MS 20
/* A window with no size configured and no desktop to take it from: the
 * kiosk's own 7-inch panel. */
#define WINDOW_DEFAULT_W 800
#define WINDOW_DEFAULT_H 480
#define INPUT_PATH_LEN 300  /* INPUT_DIR, a slash and an event device's name */
#define DRAIN_CHUNK 1024    /* bytes read at a time when emptying a watched fd */
#define MODEL_TEXT_LEN 128  /* the device tree's model line */
#define PI5_WARNING_LEN 192 /* the Pi 5 SDL warning sentence */
static const char *const BLOCKING_DRIVERS[] = { "x11", "wayland", "windows", "cocoa" };

struct ov_display {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *canvas;      /* logical, unrotated; NULL: drawn on the window (software, not turned) */
    int pw, ph;               /* panel pixels */
    int lw, lh;               /* logical */
    int rotation;
    SDL_TouchID touch_seen;
    uint32_t press_started;   /* for long presses */
    int press_x, press_y, pressing;
    /* sleeping until something happens (ov_display_wait) */
    int sdl_blocks;            /* the video driver's own wait sleeps */
    int input_fds[MAX_INPUT_FDS], n_input;
    int hotplug_fd;            /* inotify on INPUT_DIR, or -1 */
    int signals_blocked;       /* SIGTERM/SIGINT only wake the wait (ppoll) */
    sigset_t wait_mask;        /* the mask while waiting */
    int watch_fds[OV_DISPLAY_MAX_WATCH], n_watch; /* the caller's fds (GPIO lines) */
};

/* SDL draws garbage through KMSDRM on a Raspberry Pi 5 before this version
 * (libsdl-org/SDL issue 8579). */
enum { OV_PI5_SDL_MAJOR = 2, OV_PI5_SDL_MINOR = 30 };
static const char *const PI_MODEL_FILES[] = {
    "/proc/device-tree/model", "/sys/firmware/devicetree/base/model",
};
static char pi5_warning[PI5_WARNING_LEN];

static void prepare_waiting(ov_display *d, int headless);

/* Headless: the accelerated render driver SDL_RENDER_DRIVER names (tests of
 * the GLES path on Mesa), or NULL for the software renderer. */
static const char *headless_driver(int headless)
{
    const char *v = getenv("SDL_RENDER_DRIVER");
    if (!headless || !v || !*v || !strcmp(v, "software")) return NULL;
    return v;
}

/* The canvas in the window's own pixel format when that is plain 32-bit RGB:
 * presenting is then a straight copy, not a conversion of every pixel. */
static uint32_t canvas_format(ov_display *d)
{
    uint32_t f = SDL_GetWindowPixelFormat(d->win);
    return f == SDL_PIXELFORMAT_RGB888 ? f : SDL_PIXELFORMAT_ARGB8888;
}

/* SDL's software renderer draws on the window's surface, which keeps its
 * pixels between frames: when the panel is not turned, draw there directly
 * (no canvas: 8 MB less at 1080p and no copy of every pixel per frame). */
static void draw_on_window_when_same(ov_display *d)
{
    SDL_RendererInfo info;
    if (d->rotation != 0 || SDL_GetRendererInfo(d->ren, &info) != 0 || !(info.flags & SDL_RENDERER_SOFTWARE))
        return;
    SDL_DestroyTexture(d->canvas);
    d->canvas = NULL;
}

/* The renderer (SDL driver `index`, -1 = SDL's choice) and its logical canvas,
 * both or neither. Returns OV_OK or OV_EIO (SDL_GetError() says why). */
static int make_canvas(ov_display *d, int index, uint32_t flags)
{
    d->ren = SDL_CreateRenderer(d->win, index, flags | SDL_RENDERER_TARGETTEXTURE);
    if (!d->ren) return OV_EIO;
    d->canvas = SDL_CreateTexture(d->ren, canvas_format(d), SDL_TEXTUREACCESS_TARGET, d->lw, d->lh);
    if (d->canvas) return OV_OK;
    SDL_DestroyRenderer(d->ren);
    d->ren = NULL;
    return OV_EIO;
}

/* The first accelerated SDL render driver after SDL's own choice that can
 * draw to a canvas (e.g. "opengles2" on a system with EGL but no desktop
 * OpenGL). Returns OV_OK or OV_EIO. */
static int make_other_accelerated(ov_display *d)
{
    int n = SDL_GetNumRenderDrivers();
    for (int i = 0; i < n; i++) {
        SDL_RendererInfo info;
        if (SDL_GetRenderDriverInfo(i, &info) != 0 || !(info.flags & SDL_RENDERER_ACCELERATED)) continue;
        if (make_canvas(d, i, SDL_RENDERER_ACCELERATED) != OV_OK) continue;
        /* The software path presents through the same driver (window texture). */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, info.name);
        ov_log_info("display: drawing with SDL's %s renderer", info.name);
        return OV_OK;
    }
    return OV_EIO;
}

/* An accelerated renderer when there is one that can draw to a canvas; else
 * SDL's software renderer, said once in the log (a system without OpenGL,
 * e.g. only GLES, must still run, not crash-loop). Returns OV_OK or OV_EIO. */
static int make_renderer(ov_display *d, int headless, const char *driver, char *err, size_t errlen)
{
    uint32_t flags = headless ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
    if (headless && driver) flags = SDL_RENDERER_ACCELERATED;
    if (make_canvas(d, -1, flags) == OV_OK) return OV_OK;
    if (headless)
        return ov_fail(err, errlen, OV_EIO, "cannot draw on the window: %s", SDL_GetError());
    char why[OV_ERR_LEN];
    snprintf(why, sizeof why, "%s", SDL_GetError());
    if (make_other_accelerated(d) == OV_OK) {
        ov_log_warn("display: SDL's first renderer cannot draw here (%s); using another one", why);
        return OV_OK;
    }
    if (make_canvas(d, -1, SDL_RENDERER_SOFTWARE) == OV_OK) {
        ov_log_warn("display: no accelerated renderer (%s); drawing in software", why);
        return OV_OK;
    }
    return ov_fail(err, errlen, OV_EIO, "cannot draw on the window: %s (accelerated: %s)",
                   SDL_GetError(), why);
}

/* 1 when the device tree (or the file OV_DT_MODEL names: tests) says this
 * is a Raspberry Pi 5, else 0. */
static int is_pi5(void)
{
    const char *test_model = getenv("OV_DT_MODEL");
    for (size_t i = 0; i < sizeof PI_MODEL_FILES / sizeof PI_MODEL_FILES[0]; i++) {
        FILE *f = fopen(test_model && *test_model ? test_model : PI_MODEL_FILES[i], "r");
        if (!f) continue;
        char model[MODEL_TEXT_LEN] = "";
        size_t n = fread(model, 1, sizeof model - 1, f);
        fclose(f);
        model[n] = 0;
        return strstr(model, "Raspberry Pi 5") != NULL;
    }
    return 0;
}

/* On a Pi 5 with SDL older than 2.30, says once that the display needs
 * Raspberry Pi OS trixie (or a newer SDL); ov_display_sdl_warning() has it. */
static void warn_old_sdl_on_pi5(void)
{
    SDL_version v;
    SDL_GetVersion(&v);
    int old = v.major < OV_PI5_SDL_MAJOR || (v.major == OV_PI5_SDL_MAJOR && v.minor < OV_PI5_SDL_MINOR);
    if (!old || pi5_warning[0] || !is_pi5()) return;
    snprintf(pi5_warning, sizeof pi5_warning,
             "The screen may show garbage: this Raspberry Pi 5 has SDL %d.%d.%d. "
             "Install Raspberry Pi OS trixie (or SDL 2.30 or newer).", v.major, v.minor, v.patch);
    ov_log_warn("display: %s", pi5_warning);
}

const char *ov_display_sdl_warning(void) { return pi5_warning[0] ? pi5_warning : NULL; }

int ov_display_open(const ov_display_opts *o, ov_display **out, char *err, size_t errlen)
{
    *out = NULL;
    if (o->headless) {
        setenv("SDL_VIDEODRIVER", getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER") : "offscreen", 1);
        setenv("SDL_FRAMEBUFFER_ACCELERATION", "0", 1);
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, headless_driver(1) ? headless_driver(1) : "software");
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");     /* we handle finger events ourselves */
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return ov_fail(err, errlen, OV_EIO,
                       "cannot open the display: %s (on a machine with no screen run with --headless)",
                       SDL_GetError());
    ov_display *d = calloc(1, sizeof *d);
    if (!d) return ov_fail(err, errlen, OV_ENOMEM, "out of memory");
    d->hotplug_fd = -1;
    d->rotation = ((o->rotation % 360) + 360) % 360;
    d->pw = o->width;
    d->ph = o->height;
    if (d->pw <= 0 || d->ph <= 0) {
        SDL_DisplayMode mode;
        if (o->fullscreen && SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            d->pw = mode.w;
            d->ph = mode.h;
        } else {
            d->pw = WINDOW_DEFAULT_W;
            d->ph = WINDOW_DEFAULT_H;
        }
    }
    uint32_t flags = SDL_WINDOW_ALLOW_HIGHDPI;
    if (o->fullscreen && !o->headless) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (o->headless) flags |= SDL_WINDOW_HIDDEN;
    d->win =
        SDL_CreateWindow("OurVoice", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, d->pw, d->ph, flags);
    if (!d->win) {
        ov_fail(err, errlen, OV_EIO, "cannot open a window: %s", SDL_GetError());
        goto fail;
    }
    if (o->fullscreen) SDL_GetWindowSize(d->win, &d->pw, &d->ph);
    int sideways = d->rotation == 90 || d->rotation == 270;
    d->lw = sideways ? d->ph : d->pw;
    d->lh = sideways ? d->pw : d->ph;
    if (make_renderer(d, o->headless, headless_driver(o->headless), err, errlen) != OV_OK) goto fail;
    draw_on_window_when_same(d);
    warn_old_sdl_on_pi5();
    prepare_waiting(d, o->headless);
    if (o->fullscreen || o->headless) SDL_ShowCursor(SDL_DISABLE);
    SDL_EventState(SDL_DROPFILE, SDL_DISABLE);
    *out = d;
    return OV_OK;
fail:
    ov_display_close(d);
    return OV_EIO;
}

void ov_display_size(const ov_display *d, int *w, int *h)
{
    *w = d->lw;
    *h = d->lh;
}
struct SDL_Renderer *ov_display_renderer(ov_display *d) { return d->ren; }

void ov_display_begin(ov_display *d) { SDL_SetRenderTarget(d->ren, d->canvas); }

int ov_display_end(ov_display *d, const char *png_path, char *err, size_t errlen)
{
    int rc = OV_OK;
    SDL_SetRenderTarget(d->ren, NULL);
    SDL_Rect dst = { (d->pw - d->lw) / 2, (d->ph - d->lh) / 2, d->lw, d->lh };
    if (!d->canvas) {
        /* drawn on the window itself */
    } else if (d->rotation == 0 || d->rotation == 180) {
        SDL_RenderCopyEx(d->ren, d->canvas, NULL, &dst, (double)d->rotation, NULL, SDL_FLIP_NONE);
    } else { /* the canvas does not cover the panel before it is turned: black edges */
        SDL_SetRenderDrawColor(d->ren, 0, 0, 0, 255);
        SDL_RenderClear(d->ren);
        SDL_RenderCopyEx(d->ren, d->canvas, NULL, &dst, (double)d->rotation, NULL, SDL_FLIP_NONE);
    }
    if (png_path) {
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, d->pw, d->ph, 24, SDL_PIXELFORMAT_RGB24);
        if (!s || SDL_RenderReadPixels(d->ren, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) != 0 ||
            IMG_SavePNG(s, png_path) != 0)
            rc = ov_fail(err, errlen, OV_EIO, "cannot save %s: %s", png_path, SDL_GetError());
        SDL_FreeSurface(s);
    }
    SDL_RenderPresent(d->ren);
    return rc;
}

/* Panel pixel -> logical canvas pixel, undoing the rotation. */
static void unrotate(const ov_display *d, int px, int py, int *lx, int *ly)
{
    int dx = px - d->pw / 2, dy = py - d->ph / 2, rx, ry;
    switch (d->rotation) {
    case 90:
        rx = dy;
        ry = -dx;
        break;
    case 180:
        rx = -dx;
        ry = -dy;
        break;
    case 270:
        rx = -dy;
        ry = dx;
        break;
    default:
        rx = dx;
        ry = dy;
        break;
    }
    *lx = rx + d->lw / 2;
    *ly = ry + d->lh / 2;
    if (*lx < 0) *lx = 0;
    if (*ly < 0) *ly = 0;
    if (*lx >= d->lw) *lx = d->lw - 1;
    if (*ly >= d->lh) *ly = d->lh - 1;
}

static ov_key map_key(SDL_Keycode k)
{
    if (k >= SDLK_1 && k <= SDLK_9) return (ov_key)(OV_KEY_DIGIT1 + (k - SDLK_1));
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9) return (ov_key)(OV_KEY_DIGIT1 + (k - SDLK_KP_1));
    if (k == SDLK_0 || k == SDLK_KP_0) return OV_KEY_DIGIT0;
    switch (k) {
    case SDLK_LEFT: return OV_KEY_LEFT;
    case SDLK_RIGHT: return OV_KEY_RIGHT;
    case SDLK_UP: return OV_KEY_UP;
    case SDLK_DOWN: return OV_KEY_DOWN;
    case SDLK_RETURN: case SDLK_KP_ENTER: return OV_KEY_ENTER;
    case SDLK_SPACE: return OV_KEY_SPACE;
    case SDLK_ESCAPE: return OV_KEY_ESCAPE;
    case SDLK_BACKSPACE: return OV_KEY_BACKSPACE;
    case SDLK_h: case SDLK_F1: return OV_KEY_HEAR;
    case SDLK_F10: return OV_KEY_FACILITATOR;
    default: return OV_KEY_OTHER;
    }
}

static int translate(ov_display *d, const SDL_Event *e, ov_event *ev)
{
    memset(ev, 0, sizeof *ev);
    switch (e->type) {
    case SDL_QUIT:
        ev->kind = OV_EV_QUIT;
        return 1;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_EXPOSED || e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            ev->kind = OV_EV_EXPOSE;
            return 1;
        }
        return 0;
    case SDL_FINGERDOWN:
        d->pressing = 1;
        d->press_started = e->tfinger.timestamp;
        unrotate(d, (int)(e->tfinger.x * d->pw), (int)(e->tfinger.y * d->ph), &d->press_x, &d->press_y);
        return 0;
    case SDL_FINGERUP: {   /* act on release: a slip while pressing can still be corrected */
        int px = (int)(e->tfinger.x * d->pw), py = (int)(e->tfinger.y * d->ph);
        ev->kind = OV_EV_PRESS;
        unrotate(d, px, py, &ev->x, &ev->y);
        ev->long_press = d->pressing && e->tfinger.timestamp - d->press_started >= OV_LONG_PRESS_MS;
        ev->down_x = d->pressing ? d->press_x : ev->x;
        ev->down_y = d->pressing ? d->press_y : ev->y;
        d->pressing = 0;
        return 1;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which == SDL_TOUCH_MOUSEID) return 0;
        d->pressing = 1;
        d->press_started = e->button.timestamp;
        unrotate(d, e->button.x, e->button.y, &d->press_x, &d->press_y);
        return 0;
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID) return 0;
        ev->kind = OV_EV_PRESS;
        unrotate(d, e->button.x, e->button.y, &ev->x, &ev->y);
        ev->long_press = d->pressing && e->button.timestamp - d->press_started >= OV_LONG_PRESS_MS;
        ev->down_x = d->pressing ? d->press_x : ev->x;
        ev->down_y = d->pressing ? d->press_y : ev->y;
        d->pressing = 0;
        return 1;
    case SDL_KEYDOWN:
        if (e->key.repeat) return 0;     /* a held key is one press */
        ev->kind = OV_EV_KEY;
        ev->key = map_key(e->key.keysym.sym);
        return 1;
    default:
        return 0;
    }
}

/* Open every input device for watching (never reading what SDL needs: each
 * open has its own queue, drained here). */
static void open_inputs(ov_display *d)
{
    for (int i = 0; i < d->n_input; i++) close(d->input_fds[i]);
    d->n_input = 0;
    DIR *dir = opendir(INPUT_DIR);
    if (!dir) return;
    struct dirent *de;
    while ((de = readdir(dir)) && d->n_input < MAX_INPUT_FDS) {
        if (strncmp(de->d_name, "event", 5) != 0) continue;
        char path[INPUT_PATH_LEN];
        snprintf(path, sizeof path, "%s/%s", INPUT_DIR, de->d_name);
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) d->input_fds[d->n_input++] = fd;
    }
    closedir(dir);
}

/* How ov_display_wait sleeps: in SDL's own wait where it really sleeps
 * (desktop drivers); else in ppoll on the input devices (KMSDRM; nothing
 * headless), woken by SIGTERM/SIGINT when a handler is installed: those are
 * then blocked in this thread (and in the threads it starts later: audio,
 * speech) except while waiting, so a stop request never waits for a nap. */
static void prepare_waiting(ov_display *d, int headless)
{
    const char *drv = SDL_GetCurrentVideoDriver();
    for (size_t i = 0; drv && i < OV_ARRAY_LEN(BLOCKING_DRIVERS); i++)
        if (!strcmp(drv, BLOCKING_DRIVERS[i])) d->sdl_blocks = 1;
    if (d->sdl_blocks) return;
    if (!headless) {
        d->hotplug_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (d->hotplug_fd >= 0 && inotify_add_watch(d->hotplug_fd, INPUT_DIR, IN_CREATE | IN_DELETE) < 0) {
            close(d->hotplug_fd);
            d->hotplug_fd = -1;
        }
        open_inputs(d);
    }
    struct sigaction sa;
    if (sigaction(SIGTERM, NULL, &sa) != 0 || sa.sa_handler == SIG_DFL || sa.sa_handler == SIG_IGN) return;
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    if (pthread_sigmask(SIG_BLOCK, &stop, &old) != 0) return;
    d->wait_mask = old;
    sigdelset(&d->wait_mask, SIGTERM);
    sigdelset(&d->wait_mask, SIGINT);
    d->signals_blocked = 1;
}

static void drain(int fd)
{
    char buf[DRAIN_CHUNK];
    while (read(fd, buf, sizeof buf) > 0) {}
}

void ov_display_watch_fds(ov_display *d, const int *fds, int n)
{
    if (!d) return;
    if (n > OV_DISPLAY_MAX_WATCH) n = OV_DISPLAY_MAX_WATCH;
    d->n_watch = n > 0 ? n : 0;
    for (int i = 0; i < d->n_watch; i++) d->watch_fds[i] = fds[i];
}

/* 1 when a watched fd has something (or an error) now, else 0. */
static int watched_ready(ov_display *d)
{
    struct pollfd p[OV_DISPLAY_MAX_WATCH];
    for (int i = 0; i < d->n_watch; i++) p[i] = (struct pollfd){ d->watch_fds[i], POLLIN, 0 };
    return d->n_watch > 0 && poll(p, (nfds_t)d->n_watch, 0) > 0;
}

/* Sleep up to ms (-1: no limit) until an input device has something, a
 * device comes or goes, a watched fd has something, or (signals blocked) a
 * stop signal arrives. Returns 1 when a signal or a watched fd ended the
 * sleep (the caller must look), else 0. */
static int sleep_for_input(ov_display *d, int ms)
{
    struct pollfd p[MAX_INPUT_FDS + 1 + OV_DISPLAY_MAX_WATCH];
    int n = 0;
    for (int i = 0; i < d->n_watch; i++) p[n++] = (struct pollfd){ d->watch_fds[i], POLLIN, 0 };
    int first_input = n;
    for (int i = 0; i < d->n_input; i++) p[n++] = (struct pollfd){ d->input_fds[i], POLLIN, 0 };
    if (d->hotplug_fd >= 0) p[n++] = (struct pollfd){ d->hotplug_fd, POLLIN, 0 };
    struct timespec ts = { ms / OV_MS_PER_S, (long)(ms % OV_MS_PER_S) * OV_NS_PER_MS };
    int r = ppoll(p, (nfds_t)n, ms >= 0 ? &ts : NULL, d->signals_blocked ? &d->wait_mask : NULL);
    if (r < 0) return errno == EINTR;
    if (r == 0) return 0;
    for (int i = 0; i < first_input; i++) if (p[i].revents) return 1;
    for (int i = first_input; i < first_input + d->n_input; i++) if (p[i].revents & POLLIN) drain(p[i].fd);
    if (d->hotplug_fd >= 0 && p[n - 1].revents) {
        drain(d->hotplug_fd);
        open_inputs(d);
    }
    return 0;
}

int ov_display_wakes_on_stop(const ov_display *d) { return d && d->signals_blocked; }

/* The next event translated, without waiting: 1 with *ev set, else 0. */
static int take_event(ov_display *d, ov_event *ev)
{
    SDL_Event e;
    while (SDL_PollEvent(&e)) if (translate(d, &e, ev)) return 1;
    return 0;
}

int ov_display_wait(ov_display *d, int timeout_ms, ov_event *ev)
{
    /* SDL_WaitEventTimeout polls every millisecond on drivers that cannot
     * block (offscreen, KMSDRM): there the wait sleeps in ppoll instead. */
    uint64_t start = SDL_GetTicks64();
    for (;;) {
        if (take_event(d, ev)) return 1;
        int left = timeout_ms;
        if (timeout_ms >= 0) {
            left = timeout_ms - (int)(SDL_GetTicks64() - start);
            if (left <= 0) return 0;
        }
        if (d->sdl_blocks) {
            SDL_Event e;
            int ms = left < 0 ? STOP_WAIT_CAP_MS : left;
            if (d->n_watch > 0 && ms > WATCH_SLICE_MS) ms = WATCH_SLICE_MS;
            if (SDL_WaitEventTimeout(&e, ms) && translate(d, &e, ev)) return 1;
            if (watched_ready(d)) return 0;
            continue;
        }
        if (sleep_for_input(d, left)) return 0; /* a stop request: the caller looks at it */
    }
}

int ov_display_inject_touch(ov_display *d, int x, int y, int mouse)
{
    if (!mouse) {
        ov_display_inject_finger(d, x, y, 1);
        return ov_display_inject_finger(d, x, y, 0);
    }
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    e.button.timestamp = SDL_GetTicks();
    e.button.state = SDL_PRESSED;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    return OV_OK;
}

int ov_display_inject_finger(ov_display *d, int x, int y, int down)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = down ? SDL_FINGERDOWN : SDL_FINGERUP;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    e.tfinger.x = (float)x / d->pw;
    e.tfinger.y = (float)y / d->ph;
    e.tfinger.pressure = down ? 1 : 0;
    e.tfinger.timestamp = SDL_GetTicks();
    SDL_PushEvent(&e);
    return OV_OK;
}

int ov_display_inject_key(ov_display *d, const char *name)
{
    static const struct { const char *name; SDL_Keycode k; } names[] = {
        { "left", SDLK_LEFT }, { "right", SDLK_RIGHT }, { "up", SDLK_UP }, { "down", SDLK_DOWN },
        { "enter", SDLK_RETURN }, { "return", SDLK_RETURN }, { "space", SDLK_SPACE },
        { "escape", SDLK_ESCAPE }, { "backspace", SDLK_BACKSPACE }, { "h", SDLK_h },
        { "facilitator", SDLK_F10 },
    };
    SDL_Keycode k = SDLK_UNKNOWN;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp(name, names[i].name))
            k = names[i].k;
    if (k == SDLK_UNKNOWN) k = SDL_GetKeyFromName(name);
    if (k == SDLK_UNKNOWN) return OV_EINVAL;
    (void)d;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    e.key.timestamp = SDL_GetTicks();
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    return OV_OK;
}

void ov_display_close(ov_display *d)
{
    if (!d) return;
    for (int i = 0; i < d->n_input; i++) close(d->input_fds[i]);
    if (d->hotplug_fd >= 0) close(d->hotplug_fd);
    if (d->signals_blocked) {
        sigset_t stop;
        sigemptyset(&stop);
        sigaddset(&stop, SIGTERM);
        sigaddset(&stop, SIGINT);
        pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
    }
    if (d->canvas) SDL_DestroyTexture(d->canvas);
    if (d->ren) SDL_DestroyRenderer(d->ren);
    if (d->win) SDL_DestroyWindow(d->win);
    free(d);
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}
