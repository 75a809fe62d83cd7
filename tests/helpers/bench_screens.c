/* bench_screens.c — `make bench` figure: how long the kiosk takes to change
 * screen, using the kiosk's own parts (headless display, renderer, flow and
 * layout on the built-in questions): relayout + draw + ov_display_end (which
 * presents) for welcome -> question -> confirm -> next question, many times.
 *
 * "First time" draws are made with a freshly opened renderer (every word and
 * picture is made into a texture); "repeat" draws show screens already seen
 * (textures reused). The texture counter (ov_render_textures_made) is read
 * before and after a whole repeat round to show that nothing new is made, and
 * a sweep of the spoken-word highlight over the question shows what one
 * highlight step costs.
 *
 * Usage: bench_screens WxH [ROUNDS]   (ROUNDS repeat rounds, default 60)
 * Needs SDL_VIDEODRIVER=offscreen (set here when missing). Prints a few
 * lines; exit 0, or 1 when the display or renderer cannot be opened. */
#include "model/content.h"
#include "platform/display.h"
#include "ui/flow.h"
#include "ui/layout.h"
#include "platform/paths.h"
#include "platform/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FRESH_RENDERERS 5
#define MAX_SAMPLES 4096

typedef struct { double v[MAX_SAMPLES]; int n; } samples;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void add(samples *s, double v) { if (s->n < MAX_SAMPLES) s->v[s->n++] = v; }

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Sorts s; the value at fraction q (0.5 = median). 0 when empty. */
static double pct(samples *s, double q)
{
    if (!s->n) return 0;
    qsort(s->v, (size_t)s->n, sizeof s->v[0], cmp_double);
    int i = (int)(q * s->n);
    return s->v[i < s->n ? i : s->n - 1];
}

typedef struct {
    ov_display *d;
    ov_render *r;
    ov_content content;
    ov_flow flow;
    ov_layout layout;
    ov_layout_env env;
    char pictures[OV_PATH_MAX];
} bench;

/* Lay out the flow's screen, draw it and present it; phases into the samples
 * (any may be NULL). Returns the total ms. */
static double show(bench *b, int hl_text, int hl_word, samples *lay, samples *drw, samples *pre)
{
    char err[300];
    double t0 = now_ms();
    ov_layout_screen(&b->env, &b->flow, NULL, &b->layout);
    double t1 = now_ms();
    ov_display_begin(b->d);
    ov_render_draw(b->r, &b->layout, hl_text, hl_word);
    double t2 = now_ms();
    if (ov_display_end(b->d, NULL, err, sizeof err) != OV_OK) fprintf(stderr, "bench_screens: %s\n", err);
    double t3 = now_ms();
    if (lay) add(lay, t1 - t0);
    if (drw) add(drw, t2 - t1);
    if (pre) add(pre, t3 - t2);
    return t3 - t0;
}

/* The four screen changes: welcome, question q, its confirm, question q+1.
 * Adds each change's total time to `all` (and to per[4] when not NULL). */
static void round_of_screens(bench *b, int q, samples *all, samples *per, samples *lay, samples *drw, samples *pre)
{
    uint64_t t = ov_now_ms();
    ov_flow_init(&b->flow, &b->content, 1, 90000, 4000, 1500, t);
    double ms = show(b, -1, -1, lay, drw, pre);          /* welcome */
    add(all, ms); if (per) add(&per[0], ms);
    ov_flow_act(&b->flow, OV_ACT_ANY, 0, t);
    for (int i = 0; i < q; i++) {                        /* move to question q without drawing */
        ov_flow_act(&b->flow, OV_ACT_CHOOSE, 1, t);
        ov_flow_act(&b->flow, OV_ACT_YES, 0, t);
    }
    ms = show(b, -1, -1, lay, drw, pre);                 /* question q */
    add(all, ms); if (per) add(&per[1], ms);
    ov_flow_act(&b->flow, OV_ACT_CHOOSE, 2, t);
    ms = show(b, -1, -1, lay, drw, pre);                 /* confirm */
    add(all, ms); if (per) add(&per[2], ms);
    ov_flow_act(&b->flow, OV_ACT_YES, 0, t);
    ms = show(b, -1, -1, lay, drw, pre);                 /* next question */
    add(all, ms); if (per) add(&per[3], ms);
}

/* Show question 0 and move the spoken-word highlight over every spoken word.
 * Returns the number of highlight steps; times into hl. */
static int sweep_highlight(bench *b, samples *hl)
{
    uint64_t t = ov_now_ms();
    ov_flow_init(&b->flow, &b->content, 1, 90000, 4000, 1500, t);
    ov_flow_act(&b->flow, OV_ACT_ANY, 0, t);
    show(b, -1, -1, NULL, NULL, NULL);
    int steps = 0;
    for (int i = 0; i < b->layout.n_texts; i++) {
        if (!b->layout.texts[i].spoken) continue;
        for (int w = 0; w < b->layout.texts[i].block.n_words; w++) {
            add(hl, show(b, i, w, NULL, NULL, NULL));
            steps++;
        }
    }
    return steps;
}

int main(int argc, char **argv)
{
    int w = 0, h = 0, rounds = argc > 2 ? atoi(argv[2]) : 60;
    if (argc < 2 || sscanf(argv[1], "%dx%d", &w, &h) != 2 || w < 200 || h < 200 || rounds < 1 || rounds > 900) {
        fprintf(stderr, "usage: bench_screens WxH [ROUNDS]   e.g. bench_screens 800x480 60\n");
        return 2;
    }
    if (!getenv("SDL_VIDEODRIVER")) setenv("SDL_VIDEODRIVER", "offscreen", 1);
    ov_log_set_quiet(1);
    static bench b;
    static samples first_all, first_per[4], rep_all, rep_per[4], lay, drw, pre, hl1, hl2, scratch;
    char err[300];
    int rc = 1;
    ov_display_opts o = { w, h, 0, 0, 1 };
    if (ov_display_open(&o, &b.d, err, sizeof err) != OV_OK) { fprintf(stderr, "bench_screens: %s\n", err); return 1; }
    ov_content_builtin(&b.content);
    ov_find_asset_dir("content/en", b.content.dir, sizeof b.content.dir);   /* its pictures, as the kiosk does */
    ov_find_asset_dir("pictures", b.pictures, sizeof b.pictures);
    ov_display_size(b.d, &b.env.w, &b.env.h);
    b.env.px_per_mm = ov_px_per_mm(b.env.w, b.env.h, 0);
    b.env.measure = ov_render_measure;
    b.env.pictures_dir = b.pictures;
    int nq = b.content.n_questions;
    if (nq < 2) { fprintf(stderr, "bench_screens: the built-in content has %d questions; need 2\n", nq); goto out; }

    long made_first = 0, made_before = 0, made_after = 0, hl_made1 = 0, hl_made2 = 0;
    int hl_steps = 0;
    for (int f = 0; f < FRESH_RENDERERS; f++) {
        if (b.r) ov_render_close(b.r);
        b.r = NULL;
        if (ov_render_open(ov_display_renderer(b.d), "standard", &b.r, err, sizeof err) != OV_OK) {
            fprintf(stderr, "bench_screens: %s\n", err);
            goto out;
        }
        b.env.measure_ctx = b.r;
        b.env.text_scale = ov_render_text_scale(b.r);
        long t0 = ov_render_textures_made(b.r);
        round_of_screens(&b, 0, &first_all, first_per, NULL, NULL, NULL);   /* all new to this renderer */
        made_first += ov_render_textures_made(b.r) - t0;
    }
    /* the last renderer has seen welcome, question 1, confirm, question 2: warm up every question once */
    for (int q = 0; q + 1 < nq; q++) { scratch.n = 0; round_of_screens(&b, q, &scratch, NULL, NULL, NULL, NULL); }
    made_before = ov_render_textures_made(b.r);
    for (int i = 0; i < rounds; i++) round_of_screens(&b, i % (nq - 1), &rep_all, rep_per, &lay, &drw, &pre);
    made_after = ov_render_textures_made(b.r);

    long h0 = ov_render_textures_made(b.r);
    hl_steps = sweep_highlight(&b, &hl1);
    hl_made1 = ov_render_textures_made(b.r) - h0;
    h0 = ov_render_textures_made(b.r);
    sweep_highlight(&b, &hl2);
    hl_made2 = ov_render_textures_made(b.r) - h0;

    printf("%dx%d first time (fresh renderer, textures made): screen change median %.1f ms, max %.1f ms "
           "(welcome %.1f, question %.1f, confirm %.1f, next question %.1f; %d renderers, %.0f textures made per round)\n",
           w, h, pct(&first_all, 0.5), pct(&first_all, 1.0), pct(&first_per[0], 0.5), pct(&first_per[1], 0.5),
           pct(&first_per[2], 0.5), pct(&first_per[3], 0.5), FRESH_RENDERERS, (double)made_first / FRESH_RENDERERS);
    printf("%dx%d repeat (textures reused): screen change median %.1f ms, p90 %.1f ms, max %.1f ms "
           "(layout %.1f + draw %.1f + present %.1f; welcome %.1f, question %.1f, confirm %.1f, next question %.1f; %d changes)\n",
           w, h, pct(&rep_all, 0.5), pct(&rep_all, 0.9), pct(&rep_all, 1.0), pct(&lay, 0.5), pct(&drw, 0.5), pct(&pre, 0.5),
           pct(&rep_per[0], 0.5), pct(&rep_per[1], 0.5), pct(&rep_per[2], 0.5), pct(&rep_per[3], 0.5), rep_all.n);
    printf("%dx%d textures made: %ld before %d repeat rounds, %ld after (%ld new)\n",
           w, h, made_before, rounds, made_after, made_after - made_before);
    printf("%dx%d spoken-word highlight step (relayout + draw + present): first sweep median %.1f ms (%ld new textures for %d words), "
           "second sweep median %.1f ms (%ld new textures)\n",
           w, h, pct(&hl1, 0.5), hl_made1, hl_steps, pct(&hl2, 0.5), hl_made2);
    rc = 0;
out:
    if (b.r) ov_render_close(b.r);
    ov_display_close(b.d);
    return rc;
}
