/* test_results.c — per-question summaries: counts in on-screen order, totals,
 * small-number protection, "most people said" with ties, and counts for
 * questions or answers no longer in the content kept, never dropped. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "model/results.h"
#include "model/content_texts.h"

static void add_answer(ov_scale *s, const char *id, const char *word, const char *colour, ov_shape shape, int dk)
{
    ov_answer *a = &s->answers[s->n_answers++];
    memset(a, 0, sizeof *a);
    strcpy(a->id, id); strcpy(a->word, word); strcpy(a->colour, colour);
    a->shape = shape; a->dont_know = dk;
}

static void make_content(ov_content *c)
{
    memset(c, 0, sizeof *c);
    strcpy(c->dir, "/content");
    strcpy(c->language, "en-gb");
    ov_scale *s = &c->scales[c->n_scales++];
    strcpy(s->id, "four-stages");
    add_answer(s, "dont-know", "I don't know", "grey", OV_SHAPE_QUESTION, 1);
    add_answer(s, "not-yet", "Really haven't got this", "red", OV_SHAPE_FACE_SAD, 0);
    add_answer(s, "basics", "Got the basics", "amber", OV_SHAPE_FACE_UNSURE, 0);
    add_answer(s, "getting-there", "Getting there", "light-green", OV_SHAPE_FACE_OK, 0);
    add_answer(s, "doing-well", "Doing really well", "green", OV_SHAPE_FACE_HAPPY, 0);
    const char *ids[] = { "assets", "valuing", "reciprocity" };
    for (int i = 0; i < 3; i++) {
        ov_question *q = &c->questions[c->n_questions++];
        strcpy(q->id, ids[i]);
        snprintf(q->title, sizeof q->title, "Title %d", i + 1);
        strcpy(q->sentences[0], "First sentence.");
        strcpy(q->sentences[1], "Second sentence.");
        q->n_sentences = 2;
        strcpy(q->picture, "pictures/q.svg");
        q->allow_dont_know = i == 0;
    }
}

static const ov_tally_row rows[] = {
    { "m", "assets", "dont-know", 2, "" }, { "m", "assets", "getting-there", 6, "" },
    { "m", "assets", "doing-well", 3, "" },
    { "m", "valuing", "basics", 4, "" },                              /* 4 < 5: protected */
    { "m", "reciprocity", "basics", 3, "" }, { "m", "reciprocity", "doing-well", 3, "" }, /* tie */
    { "m", "reciprocity", "dont-know", 1, "" },                       /* no longer offered */
    { "m", "retired", "yes", 9, "" },                                 /* question removed */
    { "other", "assets", "basics", 50, "" },                          /* other meeting */
};

static void test_on_screen_order_and_totals(void **state)
{
    (void)state;
    ov_content c; make_content(&c);
    ov_results *r = ov_results_new();
    assert_int_equal(ov_results_build(rows, (int)OV_ARRAY_LEN(rows), &c, "m", 5, r), OV_OK);
    assert_string_equal(r->language, "en-gb");
    assert_int_equal(r->n_questions, 4);
    const ov_result_question *q = &r->questions[0];
    assert_string_equal(q->id, "assets");
    assert_string_equal(q->text, "First sentence. Second sentence.");
    assert_string_equal(q->picture, "/content/pictures/q.svg");
    assert_int_equal(q->n_answers, 5);
    assert_string_equal(q->answers[0].id, "not-yet");     /* scale order ... */
    assert_string_equal(q->answers[4].id, "dont-know");   /* ... "I don't know" last */
    assert_int_equal(q->answers[3].count, 3);
    assert_int_equal(q->total, 11);
    assert_false(q->is_protected);
    assert_int_equal(q->n_top, 1);
    assert_string_equal(q->answers[q->top[0]].word, "Getting there");
    char s[200];
    ov_results_summary(q, &r->texts, s, sizeof s);
    assert_string_equal(s, "Most people said: Getting there.");
    /* question 2 does not offer "I don't know" */
    assert_int_equal(r->questions[1].n_answers, 4);
    free(r);
}

static void test_small_numbers_protected(void **state)
{
    (void)state;
    ov_content c; make_content(&c);
    ov_results *r = ov_results_new();
    ov_results_build(rows, (int)OV_ARRAY_LEN(rows), &c, "m", 5, r);
    const ov_result_question *q = &r->questions[1];
    assert_int_equal(q->total, 4);
    assert_true(q->is_protected);
    assert_int_equal(q->n_top, 0);
    char s[200];
    ov_results_summary(q, &r->texts, s, sizeof s);
    assert_string_equal(s, "Not enough answers yet to keep them secret.");
    /* threshold 0 turns protection off; threshold 4 is met by 4 votes */
    ov_results_build(rows, (int)OV_ARRAY_LEN(rows), &c, "m", 0, r);
    assert_false(r->questions[1].is_protected);
    ov_results_build(rows, (int)OV_ARRAY_LEN(rows), &c, "m", 4, r);
    assert_false(r->questions[1].is_protected);
    ov_results_summary(&r->questions[1], &r->texts, s, sizeof s);
    assert_string_equal(s, "Most people said: Got the basics.");
    free(r);
}

static void test_ties_and_kept_votes(void **state)
{
    (void)state;
    ov_content c; make_content(&c);
    ov_results *r = ov_results_new();
    ov_results_build(rows, (int)OV_ARRAY_LEN(rows), &c, "m", 5, r);
    const ov_result_question *q = &r->questions[2];
    /* "I don't know" is no longer offered but its vote is kept, with its word */
    assert_int_equal(q->n_answers, 5);
    assert_string_equal(q->answers[4].word, "I don't know");
    assert_int_equal(q->total, 7);
    assert_int_equal(q->n_top, 2);
    char s[200];
    ov_results_summary(q, &r->texts, s, sizeof s);
    assert_string_equal(s, "Most people said: Got the basics and Doing really well.");
    /* a removed question keeps its votes, shown by id */
    q = &r->questions[3];
    assert_string_equal(q->id, "retired");
    assert_string_equal(q->title, "retired");
    assert_false(q->in_content);
    assert_int_equal(q->total, 9);
    assert_string_equal(q->answers[0].colour, "grey");
    free(r);
}

static void test_nobody_yet_and_no_content(void **state)
{
    (void)state;
    ov_content c; make_content(&c);
    ov_results *r = ov_results_new();
    ov_results_build(NULL, 0, &c, "empty", 5, r);
    assert_int_equal(r->n_questions, 3);
    char s[200];
    ov_results_summary(&r->questions[0], &r->texts, s, sizeof s);
    assert_string_equal(s, "Nobody has answered yet.");
    /* without content, every row still counts */
    ov_results_build(rows, (int)OV_ARRAY_LEN(rows), NULL, "m", 5, r);
    assert_int_equal(r->n_questions, 4);
    long sum = 0;
    for (int i = 0; i < r->n_questions; i++) sum += r->questions[i].total;
    assert_int_equal(sum, 2 + 6 + 3 + 4 + 3 + 3 + 1 + 9);
    assert_int_equal(ov_results_build(rows, 1, &c, NULL, 5, r), OV_EINVAL);
    free(r);
}

static void test_three_way_tie_sentence(void **state)
{
    (void)state;
    ov_result_question q;
    memset(&q, 0, sizeof q);
    const char *words[] = { "Red", "Amber", "Green" };
    for (int i = 0; i < 3; i++) { strcpy(q.answers[i].word, words[i]); q.answers[i].count = 2; }
    q.n_answers = 3;
    ov_results_finish_question(&q, 5);
    assert_int_equal(q.total, 6);
    char s[200];
    ov_texts *t = malloc(sizeof *t);
    assert_non_null(t);
    ov_texts_defaults(t, "en");
    ov_results_summary(&q, t, s, sizeof s);
    free(t);
    assert_string_equal(s, "Most people said: Red, Amber and Green.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_on_screen_order_and_totals),
        cmocka_unit_test(test_small_numbers_protected),
        cmocka_unit_test(test_ties_and_kept_votes),
        cmocka_unit_test(test_nobody_yet_and_no_content),
        cmocka_unit_test(test_three_way_tie_sentence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
