/* test_groups_compare.c — issue 14 rules, pure: small-number protection of
 * every group and of their differences (whose view), and the sentences that
 * compare a meeting with an earlier one (progress over time). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/compare.h"
#include "model/content.h"
#include "model/groups.h"
#include "model/results.h"

#define THRESHOLD 5

static void test_small_group_hidden_with_another_so_no_subtraction(void **state)
{
    (void)state;
    long totals[] = { 10, 3, 8 };
    int hidden[3];
    assert_int_equal(ov_groups_suppress(totals, 3, THRESHOLD, hidden), 2);
    assert_int_equal(hidden[0], 0);
    assert_int_equal(hidden[1], 1); /* 3 people: too few */
    assert_int_equal(hidden[2], 1); /* the smallest other: else 21 - 10 - 8 = 3 gives group 1 away */
}

static void test_groups_big_enough_all_shown(void **state)
{
    (void)state;
    long totals[] = { 10, 0, 8, 5 };
    int hidden[4];
    assert_int_equal(ov_groups_suppress(totals, 4, THRESHOLD, hidden), 0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(hidden[i], 0);
}

static void test_two_small_groups_need_a_third(void **state)
{
    (void)state;
    long totals[] = { 2, 2, 10 };
    int hidden[3];
    assert_int_equal(ov_groups_suppress(totals, 3, THRESHOLD, hidden), 3); /* 2 + 2 < 5: not safe together */
    long more[] = { 3, 6, 20 };
    assert_int_equal(ov_groups_suppress(more, 3, THRESHOLD, hidden), 2);
    assert_int_equal(hidden[0], 1);
    assert_int_equal(hidden[1], 1);
    assert_int_equal(hidden[2], 0);
    long off[] = { 1, 1 };
    assert_int_equal(ov_groups_suppress(off, 2, 0, hidden), 0); /* protection off */
}

static ov_tally_row row(const char *g, const char *q, const char *a, long n)
{
    ov_tally_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.meeting, sizeof r.meeting, "m1");
    snprintf(r.group, sizeof r.group, "%s", g);
    snprintf(r.question, sizeof r.question, "%s", q);
    snprintf(r.answer, sizeof r.answer, "%s", a);
    r.count = n;
    return r;
}

/* What a facilitator could do with the numbers on screen or in an export:
 * the whole meeting's count minus every shown group's count, per answer,
 * must never be a hidden group of fewer than THRESHOLD people. */
static void test_subtracting_shown_numbers_reveals_no_small_group(void **state)
{
    (void)state;
    ov_content *c = calloc(1, sizeof *c);
    assert_non_null(c);
    ov_content_builtin(c);
    c->who.n_groups = 2;
    snprintf(c->who.groups[0].id, sizeof c->who.groups[0].id, "uses-service");
    snprintf(c->who.groups[1].id, sizeof c->who.groups[1].id, "works-here");
    ov_tally_row rows[] = {
        row("uses-service", "assets", "getting-there", 6), row("uses-service", "assets", "basics", 3),
        row("works-here", "assets", "doing-well", 2),      row("", "assets", "basics", 4),
        row("uses-service", "networks", "basics", 5),      row("works-here", "networks", "basics", 5),
    };
    int n = (int)(sizeof rows / sizeof rows[0]);
    ov_results *all = ov_results_new();
    assert_non_null(all);
    assert_int_equal(ov_results_build(rows, n, c, "m1", THRESHOLD, all), OV_OK);
    ov_group_results g;
    char err[256];
    assert_int_equal(ov_group_results_build(rows, n, c, "m1", THRESHOLD, &g, err, sizeof err), OV_OK);
    assert_int_equal(g.n_groups, 3); /* the 2 groups and "did not say" */
    assert_true(g.any_group);
    for (int qi = 0; qi < all->n_questions; qi++) {
        const ov_result_question *q = &all->questions[qi];
        if (q->is_protected)
            continue;
        long shown = 0;
        for (int i = 0; i < g.n_groups; i++) {
            const ov_result_question *gq = ov_group_question(&g, i, q->id);
            if (gq && !gq->is_protected)
                shown += gq->total;
        }
        long left = q->total - shown;
        assert_true(left == 0 || left >= THRESHOLD);
    }
    /* assets: works-here (2) is hidden; with "did not say" (4) hidden too, 6 are left unshown */
    assert_true(ov_group_question(&g, 1, "assets")->is_protected);
    assert_true(ov_group_question(&g, 2, "assets")->is_protected);
    assert_false(ov_group_question(&g, 0, "assets")->is_protected);
    assert_int_equal(ov_group_question(&g, 0, "assets")->total, 9);
    assert_int_equal(ov_group_question(&g, 0, "assets")->n_top, 1);
    /* networks: 5 and 5, both shown side by side */
    assert_false(ov_group_question(&g, 0, "networks")->is_protected);
    assert_false(ov_group_question(&g, 1, "networks")->is_protected);
    ov_group_results_free(&g);
    free(all);
    free(c);
}

static ov_results *meeting(const ov_content *c, const char *answer, long n, const char *other, long m)
{
    ov_tally_row rows[2] = { row("", "assets", answer, n), row("", "assets", other, m) };
    ov_results *r = ov_results_new();
    assert_non_null(r);
    assert_int_equal(ov_results_build(rows, 2, c, "m1", THRESHOLD, r), OV_OK);
    return r;
}

static void test_comparison_sentences(void **state)
{
    (void)state;
    ov_content *c = calloc(1, sizeof *c);
    assert_non_null(c);
    ov_content_builtin(c);
    ov_results *before = meeting(c, "basics", 6, "not-yet", 2);
    ov_results *now = meeting(c, "getting-there", 7, "basics", 1);
    ov_comparison cmp;
    assert_int_equal(ov_compare_question(&before->questions[0], &now->questions[0], &now->texts, &cmp), OV_OK);
    assert_string_equal(cmp.text, "Last time most people said A little. This time most people said Mostly.");
    assert_int_equal(cmp.trend, OV_TREND_UP);
    assert_string_equal(ov_trend_name(cmp.trend), "up");
    assert_int_equal(ov_compare_question(&now->questions[0], &before->questions[0], &before->texts, &cmp), OV_OK);
    assert_int_equal(cmp.trend, OV_TREND_DOWN);
    free(now);
    now = meeting(c, "basics", 2, "not-yet", 1); /* 3 answers: protected, no direction */
    assert_int_equal(ov_compare_question(&before->questions[0], &now->questions[0], &now->texts, &cmp), OV_OK);
    assert_string_equal(cmp.text, "Last time most people said A little. This time there were not enough "
                                  "answers to keep them secret.");
    assert_int_equal(cmp.trend, OV_TREND_NONE);
    free(now);
    now = meeting(c, "basics", 4, "doing-well", 4); /* a tie: both said, no direction */
    assert_int_equal(ov_compare_question(&before->questions[0], &now->questions[0], &now->texts, &cmp), OV_OK);
    assert_string_equal(cmp.text, "Last time most people said A little. This time most people said A little "
                                  "and Yes, a lot.");
    assert_int_equal(cmp.trend, OV_TREND_NONE);
    assert_int_equal(ov_compare_question(&before->questions[0], &before->questions[1], &before->texts, &cmp), OV_EINVAL);
    free(now);
    free(before);
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_group_hidden_with_another_so_no_subtraction),
        cmocka_unit_test(test_groups_big_enough_all_shown),
        cmocka_unit_test(test_two_small_groups_need_a_third),
        cmocka_unit_test(test_subtracting_shown_numbers_reveals_no_small_group),
        cmocka_unit_test(test_comparison_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
