/* frame_cpu.c — `make bench` figures: CPU time (CLOCK_PROCESS_CPUTIME_ID) of
 * one frame of the first question screen, with the kiosk's own display and
 * renderer (headless: SDL's software renderer, or the accelerated one that
 * SDL_RENDER_DRIVER names):
 *   - full redraw: everything drawn again (ov_render_invalidate), presented;
 *   - highlight step: the spoken word moves to the next word, presented.
 * Textures are made before timing (a warm-up sweep).
 * Usage: frame_cpu WxH [ROUNDS]   prints two lines; exit 0, 1 when the display
 * or renderer cannot be opened, 2 usage. */
#include "model/content.h"
#include "platform/display.h"
#include "platform/paths.h"
#include "platform/render.h"
#include "ui/flow.h"
#include "ui/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX_SAMPLES 4096

typedef struct { double v[MAX_SAMPLES]; int n; } samples;

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(samples *s)
{
    if (!s->n) return 0;
    qsort(s->v, (size_t)s->n, sizeof s->v[0], cmp_double);
    return s->v[s->n / 2];
}

static void add(samples *s, double v) { if (s->n < MAX_SAMPLES) s->v[s->n++] = v; }

/* Draw and present; the CPU ms it took. */
static double frame(ov_display *d, ov_render *r, const ov_layout *l, int text, int word)
{
    char err[300];
    double t0 = cpu_ms();
    ov_display_begin(d);
    ov_render_draw(r, l, text, word);
    if (ov_display_end(d, NULL, err, sizeof err) != OV_OK) fprintf(stderr, "frame_cpu: %s\n", err);
    return cpu_ms() - t0;
}

/* One sweep of the highlight over every spoken word; times into hl (may be NULL). */
static void sweep(ov_display *d, ov_render *r, const ov_layout *l, samples *hl)
{
    for (int i = 0; i < l->n_texts; i++)
        for (int w = 0; l->texts[i].spoken && w < l->texts[i].block.n_words; w++) {
            double ms = frame(d, r, l, i, w);
            if (hl) add(hl, ms);
        }
}

int main(int argc, char **argv)
{
    int w = 0, h = 0, rounds = argc > 2 ? atoi(argv[2]) : 30;
    if (argc < 2 || sscanf(argv[1], "%dx%d", &w, &h) != 2 || w < 200 || h < 200 || rounds < 1 ||
        rounds > 1000) {
        fprintf(stderr, "usage: frame_cpu WxH [ROUNDS]\n");
        return 2;
    }
    if (!getenv("SDL_VIDEODRIVER")) setenv("SDL_VIDEODRIVER", "offscreen", 1);
    ov_log_set_quiet(1);
    static ov_content content;
    static ov_layout layout;
    static samples full, hl;
    char err[300], pictures[OV_PATH_MAX];
    ov_display *d = NULL;
    ov_render *r = NULL;
    ov_display_opts o = { w, h, 0, 0, 1 };
    if (ov_display_open(&o, &d, err, sizeof err) != OV_OK ||
        ov_render_open(ov_display_renderer(d), "standard", &r, err, sizeof err) != OV_OK) {
        fprintf(stderr, "frame_cpu: %s\n", err);
        ov_display_close(d);
        return 1;
    }
    ov_content_builtin(&content);
    ov_find_asset_dir("content/en", content.dir, sizeof content.dir);
    ov_find_asset_dir("pictures", pictures, sizeof pictures);
    ov_layout_env env = { 0 };
    ov_display_size(d, &env.w, &env.h);
    env.px_per_mm = ov_px_per_mm(env.w, env.h, 0);
    env.text_scale = ov_render_text_scale(r);
    env.measure = ov_render_measure;
    env.measure_ctx = r;
    env.pictures_dir = pictures;
    ov_flow flow;
    uint64_t t = ov_now_ms();
    ov_flow_init(&flow, &content, 1, 90000, 4000, 1500, t);
    ov_flow_act(&flow, OV_ACT_ANY, 0, t);
    ov_layout_screen(&env, &flow, NULL, &layout);
    frame(d, r, &layout, -1, -1);
    sweep(d, r, &layout, NULL); /* every word's textures made */
    for (int i = 0; i < rounds; i++) {
        ov_render_invalidate(r);
        add(&full, frame(d, r, &layout, -1, -1));
        sweep(d, r, &layout, &hl);
    }
    printf("%dx%d full redraw of question 1 (draw + present): median %.2f ms CPU (%d frames)\n", w, h,
           median(&full), full.n);
    printf("%dx%d spoken-word highlight step (draw + present): median %.2f ms CPU (%d steps)\n", w, h,
           median(&hl), hl.n);
    ov_render_close(r);
    ov_display_close(d);
    return 0;
}
