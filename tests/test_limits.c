/* test_limits.c — the limits a facilitator meets are the documented ones:
 * content with 64 questions is used, the 65th is an error naming the limit
 * (never dropped quietly), and one member's 64 answers are stored at once. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/diag.h"
#include "kiosk_runner.h"
#include "model/content.h"
#include "platform/content_load.h"
#include "platform/tally.h"
#include "model/results.h"

#define TINY_SVG "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'><rect width='8' height='8'/></svg>"

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A content folder in dir with n questions on one two-answer scale. */
static void make_content(const char *dir, int n)
{
    char path[600];
    snprintf(path, sizeof path, "%s/p.svg", dir);
    write_text(path, TINY_SVG);
    size_t cap = 4096 + (size_t)n * 128;
    char *ini = malloc(cap);
    assert_non_null(ini);
    int len = snprintf(ini, cap, "[content]\nlanguage = en-gb\n[scale s]\nname = S\n"
                                 "[answer s a]\nword = Yes\ncolour = green\nshape = circle\n"
                                 "[answer s b]\nword = No\ncolour = red\nshape = square\n");
    for (int q = 0; q < n; q++)
        len += snprintf(ini + len, cap - (size_t)len,
                        "[question q%d]\ntitle = Question %d\nsentence = Is it good?\npicture = p.svg\nscale = s\n",
                        q + 1, q + 1);
    snprintf(path, sizeof path, "%s/content.ini", dir);
    write_text(path, ini);
    free(ini);
}

static int has_code(const ov_diags *d, ov_diag_code code, const char *part)
{
    for (int i = 0; i < d->n; i++)
        if (d->items[i].code == code && strstr(d->items[i].text, part))
            return 1;
    return 0;
}

static void test_64_questions_are_used_and_the_65th_is_an_error(void **state)
{
    (void)state;
    char dir[512];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    ov_content *c = calloc(1, sizeof *c);
    ov_diags *d = calloc(1, sizeof *d);
    assert_true(c && d);
    make_content(dir, OV_MAX_QUESTIONS);
    ov_diags_init(d);
    assert_int_equal(OV_MAX_QUESTIONS, 64);
    assert_int_equal(ov_content_check(dir, NULL, c, d), OV_OK);
    assert_int_equal(c->n_questions, 64);
    assert_string_equal(c->questions[63].title, "Question 64");

    make_content(dir, OV_MAX_QUESTIONS + 1);
    ov_diags_init(d);
    assert_int_equal(ov_content_check(dir, NULL, c, d), OV_EINVAL);
    assert_true(has_code(d, OV_DIAG_TOO_MANY_QUESTIONS, "at most 64"));
    free(c);
    free(d);
}

static void test_one_member_stores_64_answers_at_once(void **state)
{
    (void)state;
    char dir[512], err[512];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open(dir, &t, err, sizeof err), OV_OK);
    static char qid[OV_MAX_QUESTIONS][8];
    const char *qs[OV_MAX_QUESTIONS], *as[OV_MAX_QUESTIONS];
    for (int q = 0; q < OV_MAX_QUESTIONS; q++) {
        snprintf(qid[q], sizeof qid[q], "q%d", q + 1);
        qs[q] = qid[q];
        as[q] = q % 2 ? "a" : "b";
    }
    assert_int_equal(ov_tally_add_set(t, "drop-in", qs, as, OV_MAX_QUESTIONS, err, sizeof err), OV_OK);
    ov_tally_row *rows = NULL;
    int n = 0;
    assert_int_equal(ov_tally_read_all(t, "drop-in", &rows, &n), OV_OK);
    assert_int_equal(n, OV_MAX_QUESTIONS); /* one count per question, none dropped */
    /* and the results (screen, exports) hold every one of them */
    ov_results *res = ov_results_new();
    assert_non_null(res);
    assert_int_equal(ov_results_build(rows, n, NULL, "drop-in", 0, res), OV_OK);
    assert_int_equal(res->n_questions, OV_MAX_QUESTIONS);
    assert_int_equal(res->dropped, 0);
    free(res);
    free(rows);
    ov_tally_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_64_questions_are_used_and_the_65th_is_an_error),
        cmocka_unit_test(test_one_member_stores_64_answers_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
