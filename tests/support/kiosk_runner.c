/* kiosk_runner.c — running the real kiosk headless from tests. */
#include "kiosk_runner.h"
#include "platform/render.h"
#include "platform/tally.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test_tmp.h"

const char *ov_test_program(void)
{
    static char path[512];
    const char *b = getenv("OV_BUILD");
    snprintf(path, sizeof path, "%s/ourvoice", b && *b ? b : "build");
    return path;
}

/* Folders made by ov_test_tmpdir, removed when the test program exits. */
static char **made_dirs;
static size_t made_count;

static void remove_made_dirs(void)
{
    char cmd[1200];
    for (size_t i = 0; i < made_count; i++) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", made_dirs[i]);
        if (system(cmd) != 0) fprintf(stderr, "kiosk_runner: could not remove %s\n", made_dirs[i]);
        free(made_dirs[i]);
    }
    free(made_dirs);
    made_dirs = NULL;
    made_count = 0;
}

/* Remembers dir for removal at exit; returns 0, or -1 when out of memory. */
static int remember_dir(const char *dir)
{
    char **grown = realloc(made_dirs, (made_count + 1) * sizeof *grown);
    if (!grown) return -1;
    made_dirs = grown;
    made_dirs[made_count] = strdup(dir);
    if (!made_dirs[made_count]) return -1;
    if (made_count++ == 0) atexit(remove_made_dirs);
    return 0;
}

char *ov_test_tmpdir(char *buf, size_t len)
{
    ov_test_tmp_template(buf, len, "ourvoice-test");
    if (!mkdtemp(buf)) return NULL;
    if (remember_dir(buf) != 0) fprintf(stderr, "kiosk_runner: out of memory: %s will be left behind\n", buf);
    return buf;
}

int ov_test_run_kiosk(const char *dir, const char *script, int w, int h, const char *args)
{
    char path[600], cmd[2400];
    snprintf(path, sizeof path, "%s/script.txt", dir);
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fputs(script, f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/shots' && SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 "
             "SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy} timeout -s KILL 120 '%s' kiosk --headless --script '%s' "
             "--shots '%s/shots' --size %dx%d %s 2>'%s/stderr.txt'",
             dir, ov_test_program(), path, dir, w, h, args, dir);
    int rc = system(cmd);
    return rc == -1 ? -1 : WEXITSTATUS(rc);
}

long ov_test_read_text(const char *path, char *buf, size_t len)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, len - 1, f);
    buf[n] = '\0';
    fclose(f);
    return (long)n;
}

long ov_test_command_output(const char *cmd, char *buf, size_t len)
{
    buf[0] = '\0';
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    size_t n = fread(buf, 1, len - 1, p);
    buf[n] = '\0';
    return pclose(p) == -1 ? -1 : (long)n;
}

int ov_test_write_config(const char *dir, const char *settings, char *args, size_t argslen)
{
    char cfg[600];
    snprintf(cfg, sizeof cfg, "%s/ourvoice.ini", dir);
    FILE *f = fopen(cfg, "w");
    if (!f)
        return -1;
    fputs(settings, f);
    fclose(f);
    snprintf(args, argslen, "--config %s --data %s/data", cfg, dir);
    return 0;
}

long ov_test_read_settings(const char *dir, char *buf, size_t len)
{
    char path[600];
    snprintf(path, sizeof path, "%s/data/settings.ini", dir);
    return ov_test_read_text(path, buf, len);
}

const char *ov_test_stderr(const char *dir)
{
    static char buf[16384];
    char path[600];
    snprintf(path, sizeof path, "%s/stderr.txt", dir);
    ov_test_read_text(path, buf, sizeof buf);
    return buf;
}

int ov_test_pixel(const char *dir, const char *name, int x, int y, ov_rgb *out)
{
    char path[600];
    snprintf(path, sizeof path, "%s/shots/%s.png", dir, name);
    SDL_Surface *s = IMG_Load(path);
    if (!s) return -1;
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    if (!c) return -1;
    int rc = -1;
    if (x >= 0 && y >= 0 && x < c->w && y < c->h) {
        uint32_t p = ((uint32_t *)((uint8_t *)c->pixels + y * c->pitch))[x];
        out->r = (p >> 16) & 0xff; out->g = (p >> 8) & 0xff; out->b = p & 0xff;
        rc = 0;
    }
    SDL_FreeSurface(c);
    return rc;
}

int ov_test_rgb_near(ov_rgb a, ov_rgb b, int tol)
{
    return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

void ov_test_layout(const ov_flow *f, int w, int h, const char *theme, ov_layout *out)
{
    static ov_render *r;
    char err[200];
    if (!r && ov_render_open(NULL, theme, &r, err, sizeof err) != OV_OK) { fprintf(stderr, "%s\n", err); abort(); }
    const ov_theme *t = ov_theme_get(theme);
    ov_layout_env env = { w, h, ov_px_per_mm(w, h, 0), t ? t->text_scale : 1.0, ov_render_measure, r, "assets/pictures", 0, 0, 0 };
    ov_layout_screen(&env, f, NULL, out);
}

int ov_test_png_diff(const char *a, const char *b, int tol, double *frac_off)
{
    SDL_Surface *sa = IMG_Load(a), *sb = IMG_Load(b);
    SDL_Surface *ca = sa ? SDL_ConvertSurfaceFormat(sa, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    SDL_Surface *cb = sb ? SDL_ConvertSurfaceFormat(sb, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    int rc = -1;
    if (ca && cb && ca->w == cb->w && ca->h == cb->h) {
        long off = 0;
        for (int y = 0; y < ca->h; y++) {
            const uint32_t *ra = (const uint32_t *)((const uint8_t *)ca->pixels + y * ca->pitch);
            const uint32_t *rb = (const uint32_t *)((const uint8_t *)cb->pixels + y * cb->pitch);
            for (int x = 0; x < ca->w; x++) {
                int dr = abs((int)((ra[x] >> 16) & 0xff) - (int)((rb[x] >> 16) & 0xff));
                int dg = abs((int)((ra[x] >> 8) & 0xff) - (int)((rb[x] >> 8) & 0xff));
                int db = abs((int)(ra[x] & 0xff) - (int)(rb[x] & 0xff));
                if (dr > tol || dg > tol || db > tol) off++;
            }
        }
        *frac_off = (double)off / ((double)ca->w * ca->h);
        rc = 0;
    }
    SDL_FreeSurface(sa); SDL_FreeSurface(sb); SDL_FreeSurface(ca); SDL_FreeSurface(cb);
    return rc;
}

long ov_test_votes_total(const char *data)
{
    ov_tally *t;
    char err[256];
    if (ov_tally_open(data, &t, err, sizeof err) != OV_OK) return -1;
    ov_tally_row *rows = NULL;
    int n = 0;
    int rc = ov_tally_read_all(t, NULL, &rows, &n);
    long c = 0;
    for (int i = 0; i < n; i++) c += rows[i].count;
    free(rows);
    ov_tally_close(t);
    return rc == OV_OK ? c : -1;
}
