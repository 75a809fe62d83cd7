/* test_report_render.c — the easy-read HTML report opened in a real browser
 * (headless Chromium): the screenshot is not blank and shows every answer's
 * bar colour; the print view (PDF -> PNG with pdftoppm) is A4 with one
 * question per page and keeps the colours. Skipped, with the reason printed,
 * when chromium (or pdftoppm) is not installed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/export.h"
#include "model/report_html.h"
#include "test_tmp.h"

static char root[128];
static char html_path[256];

static int have(const char *prog)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", prog);
    return system(cmd) == 0;
}

static void add_answer(ov_result_question *q, const char *id, const char *word, const char *colour,
                       ov_shape shape, long count)
{
    ov_result_answer *a = &q->answers[q->n_answers++];
    strcpy(a->id, id); strcpy(a->word, word); strcpy(a->colour, colour);
    a->shape = shape; a->count = count;
}

/* Two questions with counts, one protected question. */
static int setup(void **state)
{
    (void)state;
    ov_test_tmp_template(root, sizeof root, "ov-render");
    if (!mkdtemp(root)) return -1;
    ov_results *res = ov_results_new();
    strcpy(res->meeting, "Tuesday group");
    strcpy(res->language, "en-gb");
    char pic[256];
    snprintf(pic, sizeof pic, "%s/skills.svg", root);
    FILE *f = fopen(pic, "w");
    fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#7B3294\"/></svg>", f);
    fclose(f);
    ov_result_question *q = &res->questions[res->n_questions++];
    strcpy(q->id, "assets"); strcpy(q->title, "Your skills");
    strcpy(q->text, "Do we use your skills and strengths?");
    strcpy(q->picture, pic);
    add_answer(q, "not-yet", "Really haven't got this", "red", OV_SHAPE_FACE_SAD, 2);
    add_answer(q, "basics", "Got the basics", "amber", OV_SHAPE_FACE_UNSURE, 3);
    add_answer(q, "getting-there", "Getting there", "blue", OV_SHAPE_FACE_OK, 9);
    add_answer(q, "doing-well", "Doing really well", "green", OV_SHAPE_FACE_HAPPY, 4);
    q = &res->questions[res->n_questions++];
    strcpy(q->id, "networks"); strcpy(q->title, "Meeting people");
    add_answer(q, "red", "Not good", "red", OV_SHAPE_TRIANGLE, 1);
    add_answer(q, "green", "Good", "green", OV_SHAPE_STAR, 1);
    for (int i = 0; i < res->n_questions; i++) ov_results_finish_question(&res->questions[i], 5);
    ov_export_opts o = { .threshold = 5, .date = "2025-05-03", .order_seed = 1 };
    ov_export_report rep;
    char err[512];
    char out[200];
    snprintf(out, sizeof out, "%s/stick", root);
    int rc = ov_export_results(&o, &res, 1, out, &rep, err, sizeof err);
    free(res);
    if (rc != OV_OK) { fprintf(stderr, "%s\n", err); return -1; }
    snprintf(html_path, sizeof html_path, "%s/ourvoice-Tuesday-group-2025-05-03.html", out);
    return access(html_path, R_OK) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static int chromium(const char *what)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && ud=$(mktemp -d) && timeout -s KILL 60 chromium --headless --no-sandbox --disable-gpu "
             "--disable-quic --no-first-run --disable-background-networking --disable-component-update "
             "--disable-sync --user-data-dir=\"$ud\" %s 'file://%s' >chromium.log 2>&1; rc=$?; rm -rf \"$ud\"; exit $rc",
             root, what, html_path);
    return system(cmd);
}

/* Pixels close to colour hex ("#rrggbb") in the image. */
static long count_colour(SDL_Surface *s, const char *hex, long *non_background)
{
    unsigned r, g, b;
    sscanf(hex + 1, "%2x%2x%2x", &r, &g, &b);
    long n = 0, nb = 0;
    for (int y = 0; y < s->h; y++) {
        const Uint8 *row = (const Uint8 *)s->pixels + y * s->pitch;
        for (int x = 0; x < s->w; x++) {
            const Uint8 *p = row + x * 4; /* RGBA32: bytes R G B A */
            if (abs(p[0] - (int)r) < 12 && abs(p[1] - (int)g) < 12 && abs(p[2] - (int)b) < 12) n++;
            if (p[0] < 200 || p[1] < 200 || p[2] < 200) nb++;
        }
    }
    if (non_background) *non_background = nb;
    return n;
}

static SDL_Surface *load_rgba(const char *path)
{
    SDL_Surface *raw = IMG_Load(path);
    if (!raw) return NULL;
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(raw);
    return s;
}

static void test_screenshot_shows_the_bars(void **state)
{
    (void)state;
    if (!have("chromium")) { printf("skipped: chromium is not installed (apt-get install chromium)\n"); skip(); }
    assert_int_equal(chromium("--screenshot=shot.png --window-size=1240,1754"), 0);
    char png[256];
    snprintf(png, sizeof png, "%s/shot.png", root);
    SDL_Surface *s = load_rgba(png);
    assert_non_null(s);
    assert_int_equal(s->w, 1240);
    long nonbg = 0;
    count_colour(s, "#000000", &nonbg);
    assert_true(nonbg > (long)s->w * s->h / 50);   /* not blank: text, bars, picture */
    const char *colours[] = { "red", "amber", "blue", "green" };
    char hex[OV_HEX_COLOUR_SIZE];
    for (int i = 0; i < 4; i++) {
        long n = count_colour(s, ov_report_colour_hex(colours[i], hex), NULL);
        if (n < 2000) fail_msg("the %s bar is missing from the screenshot (%ld pixels)", colours[i], n);
    }
    /* the picture of the first question is shown */
    assert_true(count_colour(s, "#7B3294", NULL) > 5000);
    SDL_FreeSurface(s);
}

static void test_print_view_is_a4_one_question_per_page(void **state)
{
    (void)state;
    if (!have("chromium")) { printf("skipped: chromium is not installed (apt-get install chromium)\n"); skip(); }
    if (!have("pdftoppm")) { printf("skipped: pdftoppm is not installed (apt-get install poppler-utils)\n"); skip(); }
    assert_int_equal(chromium("--no-pdf-header-footer --print-to-pdf=report.pdf"), 0);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cd '%s' && pdftoppm -r 40 -png report.pdf page", root);
    assert_int_equal(system(cmd), 0);
    /* intro page + 2 questions = 3 pages, each A4 (210 x 297 mm at 40 dpi = 331 x 468) */
    char p[256];
    char hex[OV_HEX_COLOUR_SIZE];
    for (int i = 1; i <= 3; i++) {
        snprintf(p, sizeof p, "%s/page-%d.png", root, i);
        SDL_Surface *s = load_rgba(p);
        if (!s) fail_msg("print view page %d missing", i);
        assert_in_range(s->w, 328, 334);
        assert_in_range(s->h, 465, 471);
        if (i == 2) /* the first question's chart prints in colour */
            assert_true(count_colour(s, ov_report_colour_hex("blue", hex), NULL) > 300);
        SDL_FreeSurface(s);
    }
    snprintf(p, sizeof p, "%s/page-4.png", root);
    assert_int_not_equal(access(p, F_OK), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_screenshot_shows_the_bars),
        cmocka_unit_test(test_print_view_is_a4_one_question_per_page),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
