/* test_answer_shapes.c — answers without pictures are told apart by their
 * face or shape, not by colour alone (issue 13: `shape` was never drawn, so
 * every such answer was the same black disc). The default content with every
 * answer's picture taken away and every answer the same colour (grey) runs
 * through the real binary; the dark pixels (outline, eyes, mouth, question
 * mark) of each answer's face on the question screen, the confirm screen and
 * the review must differ between any two answers, in every theme; so must
 * the faces of a results chart's bars, drawn by the kiosk's renderer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk_runner.h"
#include "platform/content_load.h"
#include "platform/render.h"

#define W 800
#define H 480
#define MIN_DIFF 0.015 /* share of a face's pixels that must differ in darkness between two answers */

static char dir[64], content_dir[160];
static ov_content content;

/* The default English content, answers with no picture and all grey, in
 * DIR/c/shapes (its question pictures through DIR/pictures, as ../../pictures). */
static int setup(void **state)
{
    (void)state;
    char path[300], line[600], pics[PATH_MAX];
    if (!ov_test_tmpdir(dir, sizeof dir) || !realpath("assets/pictures", pics))
        return -1;
    snprintf(path, sizeof path, "%s/pictures", dir);
    snprintf(content_dir, sizeof content_dir, "%s/c", dir);
    if (symlink(pics, path) != 0 || mkdir(content_dir, 0755) != 0)
        return -1;
    snprintf(content_dir, sizeof content_dir, "%s/c/shapes", dir);
    if (mkdir(content_dir, 0755) != 0)
        return -1;
    snprintf(path, sizeof path, "%s/content.ini", content_dir);
    FILE *in = fopen("assets/content/en/content.ini", "r"), *out = fopen(path, "w");
    if (!in || !out)
        return -1;
    int in_answer = 0;
    while (fgets(line, sizeof line, in)) {
        if (line[0] == '[')
            in_answer = !strncmp(line, "[answer ", 8);
        if (in_answer && !strncmp(line, "picture", 7))
            continue;
        fputs(in_answer && !strncmp(line, "colour", 6) ? "colour = grey\n" : line, out);
    }
    fclose(in);
    fclose(out);
    ov_diags d;
    ov_diags_init(&d);
    int rc = ov_content_load(content_dir, &content, &d);
    if (rc != OV_OK)
        ov_diags_print(&d, stderr);
    return rc == OV_OK ? 0 : -1;
}

typedef struct {
    SDL_Surface *s; /* ARGB8888 */
} shot;

static shot load_shot(const char *name)
{
    char path[300];
    snprintf(path, sizeof path, "%s/shots/%s.png", dir, name);
    SDL_Surface *raw = IMG_Load(path);
    if (!raw)
        fail_msg("no shot %s", path);
    shot s = { SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0) };
    SDL_FreeSurface(raw);
    return s;
}

/* 1 when the pixel at (x, y) is dark (ink, outline): luminance under a fifth. */
static int dark_at(const shot *s, int x, int y)
{
    uint32_t p = ((const uint32_t *)((const uint8_t *)s->s->pixels + y * s->s->pitch))[x];
    int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
    return 2126 * r + 7152 * g + 722 * b < 10000 * 255 / 5;
}

/* Share of the box's pixels whose darkness differs between face a (in sa)
 * and face b (in sb), both boxes of b's size; also the dark share of a. */
static double mask_diff(const shot *sa, ov_rect a, const shot *sb, ov_rect b, double *dark_a)
{
    long off = 0, dark = 0, n = 0;
    for (int y = 0; y < b.h && y < a.h; y++)
        for (int x = 0; x < b.w && x < a.w; x++) {
            int da = dark_at(sa, a.x + x, a.y + y), db = dark_at(sb, b.x + x, b.y + y);
            off += da != db;
            dark += da;
            n++;
        }
    *dark_a = n ? (double)dark / n : 0;
    return n ? (double)off / n : 0;
}

/* Every two of the n faces differ in shape, and each has some dark drawing (not a blank). */
static void faces_differ(const char *where, const shot *shots, const ov_rect *faces, int n)
{
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            double dark;
            double d = mask_diff(&shots[i], faces[i], &shots[j], faces[j], &dark);
            if (dark < 0.02 || dark > 0.9)
                fail_msg("%s: face %d is %.0f%% dark: no shape drawn", where, i + 1, dark * 100);
            if (d < MIN_DIFF)
                fail_msg("%s: faces %d and %d differ in %.1f%% of their pixels: the same shape", where, i + 1,
                         j + 1, d * 100);
        }
}

static ov_rect answer_icon(const ov_layout *l, ov_target_kind kind, int index)
{
    for (int i = 0; i < l->n_buttons; i++)
        if (l->buttons[i].target.kind == kind && l->buttons[i].target.index == index)
            return l->buttons[i].icon;
    fail_msg("no target %d/%d", kind, index);
    return (ov_rect){ 0, 0, 0, 0 };
}

/* One visit by keys in `theme`: question 1's answers, the confirm screen of
 * a different answer on each question, then the review of those answers. */
static void shapes_in_theme(const char *theme)
{
    static ov_layout l;
    ov_flow f;
    ov_flow_init(&f, &content, 1, 90000, 4000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    ov_test_layout(&f, W, H, theme, &l);
    const ov_answer *a[OV_MAX_ANSWERS];
    int n = ov_question_answers(&content, 0, a);
    assert_true(n >= 4);
    shot q1[OV_MAX_ANSWERS] = { { 0 } }, confirm[OV_MAX_QUESTIONS] = { { 0 } }, review[OV_MAX_QUESTIONS] = { { 0 } };
    ov_rect q1_faces[OV_MAX_ANSWERS], confirm_faces[OV_MAX_QUESTIONS], review_faces[OV_MAX_QUESTIONS];
    for (int i = 0; i < n; i++)
        q1_faces[i] = answer_icon(&l, OV_TARGET_ANSWER, i);
    char script[2000] = "key space\nexpect question\nshot q1\n", line[100];
    int nq = content.n_questions;
    for (int q = 0; q < nq; q++) {
        int na = ov_question_answers(&content, q, a), pick = q < na - 1 ? q : na - 1;
        snprintf(line, sizeof line, "key %d\nexpect confirm\nshot c%d\nkey enter\n", pick + 1, q);
        strcat(script, line);
        ov_flow_act(&f, OV_ACT_CHOOSE, pick, 2);
        ov_test_layout(&f, W, H, theme, &l);
        confirm_faces[q] = l.picture;
        ov_flow_act(&f, OV_ACT_YES, 0, 3);
    }
    strcat(script, "expect review\nshot review\n");
    ov_test_layout(&f, W, H, theme, &l);
    for (int q = 0; q < nq; q++)
        review_faces[q] = answer_icon(&l, OV_TARGET_REVIEW_ITEM, q);
    char args[400];
    snprintf(args, sizeof args, "--no-speech --theme %s --content %s --data %s/data-%s", theme, content_dir, dir,
             theme);
    int rc = ov_test_run_kiosk(dir, script, W, H, args);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_null(strstr(ov_test_stderr(dir), "built-in questions")); /* our content was used */
    for (int i = 0; i < n; i++)
        q1[i] = load_shot("q1");
    for (int q = 0; q < nq; q++) {
        char name[16];
        snprintf(name, sizeof name, "c%d", q);
        confirm[q] = load_shot(name);
        review[q] = load_shot("review");
    }
    char where[80];
    snprintf(where, sizeof where, "%s question 1", theme);
    faces_differ(where, q1, q1_faces, n);
    snprintf(where, sizeof where, "%s confirm", theme);
    faces_differ(where, confirm, confirm_faces, nq);
    snprintf(where, sizeof where, "%s review", theme);
    faces_differ(where, review, review_faces, nq);
    for (int i = 0; i < n; i++)
        SDL_FreeSurface(q1[i].s);
    for (int q = 0; q < nq; q++) {
        SDL_FreeSurface(confirm[q].s);
        SDL_FreeSurface(review[q].s);
    }
}

static void answers_without_pictures_differ_by_shape(void **state)
{
    (void)state;
    for (const char *const *t = ov_theme_names(); *t; t++)
        shapes_in_theme(*t);
}

/* The results chart: a bar per answer with its shape where it has no
 * picture, drawn by the kiosk's renderer on a software surface. */
static void the_results_chart_draws_each_answers_shape(void **state)
{
    (void)state;
    static const ov_shape shapes[] = { OV_SHAPE_FACE_SAD, OV_SHAPE_FACE_UNSURE, OV_SHAPE_FACE_OK,
                                       OV_SHAPE_FACE_HAPPY, OV_SHAPE_QUESTION, OV_SHAPE_STAR };
    enum { N = sizeof shapes / sizeof shapes[0], SIDE = 60 };
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    assert_non_null(sdl);
    ov_render *r = NULL;
    char err[200];
    assert_int_equal(ov_render_open(sdl, "standard", &r, err, sizeof err), OV_OK);
    static ov_layout l;
    memset(&l, 0, sizeof l);
    l.screen = (ov_rect){ 0, 0, W, H };
    l.px_per_mm = 5.2;
    shot shots[N];
    ov_rect faces[N];
    for (int i = 0; i < N; i++) {
        ov_layout_bar *b = &l.bars[l.n_bars++];
        b->icon = (ov_rect){ 20, 10 + i * (SIDE + 10), SIDE, SIDE };
        b->shape = shapes[i];
        b->colour = "grey";
        b->track = (ov_rect){ 100, b->icon.y + 10, 400, 40 };
        b->bar = (ov_rect){ 100, b->icon.y + 10, 40 * (i + 1), 40 };
        b->label = b->count = -1;
        faces[i] = b->icon;
        shots[i].s = surf;
    }
    assert_int_equal(ov_render_draw(r, &l, -1, -1), OV_OK);
    SDL_RenderPresent(sdl);
    faces_differ("results chart", shots, faces, N);
    ov_render_close(r);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(answers_without_pictures_differ_by_shape),
        cmocka_unit_test(the_results_chart_draws_each_answers_shape),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
