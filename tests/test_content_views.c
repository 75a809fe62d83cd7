/* test_content_views.c — issue 14 in the content format: [more QUESTION],
 * [group ID] and [views] are read, and check-content names every problem
 * with its file and line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/content.h"
#include "platform/content_load.h"
#include "test_tmp.h"

#define TINY_SVG "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'><rect width='8' height='8'/></svg>"

typedef struct {
    char tmp[200], file[260];
    ov_content c;
    ov_diags d;
} fx;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    ov_test_tmp_template(f->tmp, sizeof f->tmp, "ov-views");
    assert_non_null(mkdtemp(f->tmp));
    char p[300];
    snprintf(p, sizeof p, "%s/p.svg", f->tmp);
    write_file(p, TINY_SVG);
    snprintf(f->file, sizeof f->file, "%s/content.ini", f->tmp);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmp);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static int check(fx *f, const char *ini)
{
    write_file(f->file, ini);
    ov_diags_init(&f->d);
    return ov_content_check(f->tmp, NULL, &f->c, &f->d);
}

/* Is there an error reported as "FILE:LINE: ..." with this code? */
static int has_error(const fx *f, int line, int code)
{
    char prefix[320];
    snprintf(prefix, sizeof prefix, "%s:%d: ", f->file, line);
    for (int i = 0; i < f->d.n; i++)
        if (f->d.items[i].level == OV_DIAG_ERROR && (int)f->d.items[i].code == code &&
            !strncmp(f->d.items[i].text, prefix, strlen(prefix)))
            return 1;
    for (int i = 0; i < f->d.n; i++)
        fprintf(stderr, "  | %s\n", f->d.items[i].text);
    return 0;
}

#define BASE \
    "; no [texts]: the built-in\n" /*  1 */ \
    "; ones (a [texts] has all)\n" /*  2 */ \
    "[scale s]\n"                /*  3 */ \
    "name = S\n"                 /*  4 */ \
    "[answer s a]\n"             /*  5 */ \
    "word = Yes\n"               /*  6 */ \
    "colour = green\n"           /*  7 */ \
    "shape = circle\n"           /*  8 */ \
    "[answer s b]\n"             /*  9 */ \
    "word = No\n"                /* 10 */ \
    "colour = red\n"             /* 11 */ \
    "shape = square\n"           /* 12 */ \
    "[question q]\n"             /* 13 */ \
    "title = A question\n"       /* 14 */ \
    "sentence = Is this good?\n" /* 15 */ \
    "picture = p.svg\n"          /* 16 */ \
    "scale = s\n"                /* 17 */

static void test_views_are_read(void **state)
{
    fx *f = *state;
    int rc = check(f, BASE "[more q]\nabout = This is about us.\nstage-b = We do not do it yet.\n"
                           "[views]\nwho_title = Who are you today?\nskip = Skip\n"
                           "[group staff]\nword = I work here\ncolour = blue\nshape = square\npicture = p.svg\n"
                           "[group member]\nword = I use it\ncolour = yellow\nshape = circle\npicture = p.svg\n");
    assert_int_equal(rc, OV_OK);
    assert_int_equal(f->c.more[0].present, 1);
    assert_string_equal(f->c.more[0].about[0], "This is about us.");
    assert_string_equal(f->c.more[0].stage[1], "We do not do it yet.");
    assert_int_equal(ov_more_pages(&f->c, 0), 2);
    assert_int_equal(ov_more_stage_of_page(&f->c, 0, 1), 1);
    assert_int_equal(f->c.who.n_groups, 2);
    assert_string_equal(f->c.who.groups[1].id, "member");
    assert_string_equal(f->c.who.title, "Who are you today?");
}

static void test_problems_named_with_their_line(void **state)
{
    fx *f = *state;
    int rc = check(f, BASE "[more nope]\n"                 /* 18: no such question */
                           "about = Hi.\n"                 /* 19 */
                           "[more q]\n"                    /* 20: no about */
                           "stage-c = There is no c.\n"    /* 21: not an answer of scale s */
                           "[group only]\n"                /* 22: a single group */
                           "word = Me\n"                   /* 23 */
                           "colour = blue\n"               /* 24 */
                           "shape = circle\n");            /* 25 */
    assert_int_equal(rc, OV_EINVAL);
    assert_true(has_error(f, 18, OV_DIAG_UNKNOWN_SECTION));
    assert_true(has_error(f, 20, OV_DIAG_KEY_MISSING));
    assert_true(has_error(f, 21, OV_DIAG_UNKNOWN_KEY));
    assert_true(has_error(f, 22, OV_DIAG_TOO_FEW_ANSWERS));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_views_are_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_problems_named_with_their_line, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
