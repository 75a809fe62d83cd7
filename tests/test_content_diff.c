/* test_content_diff.c — "what will change" when new questions replace the
 * old ones: each kind of change is found, said in a short easy sentence the
 * facilitator can read, and logged precisely; removed questions carry the
 * note that their votes stay in the results. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/content_diff.h"
#include "test_content_fixture.h"

typedef struct {
    ov_content old_c, new_c;
    ov_content_change ch[OV_MAX_CHANGES];
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f) return -1;
    ov_test_content(&f->old_c);
    ov_test_content(&f->new_c);
    *state = f;
    return 0;
}

static int teardown(void **state) { free(*state); return 0; }

static int words(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        if (*s == ' ') in = 0;
        else if (!in) { in = 1; n++; }
    }
    return n;
}

/* The easy sentence of change i, checked for easy-read basics. */
static const char *sentence(const ov_content_change *ch)
{
    static char buf[400];
    int n = ov_content_change_sentence(ch, NULL, buf, sizeof buf);
    assert_true(n > 0);
    assert_int_equal((size_t)n, strlen(buf));
    assert_true(words(buf) <= 15);                 /* short, one idea */
    assert_true(buf[0] >= 'A' && buf[0] <= 'Z' ? 1 : (unsigned char)buf[0] == 0xE2);   /* capital or a quote */
    assert_int_equal(buf[strlen(buf) - 1], '.');
    return buf;
}

static const char *logline(const ov_content_change *ch)
{
    static char buf[400];
    assert_true(ov_content_change_log(ch, buf, sizeof buf) > 0);
    return buf;
}

static int find(const fx *f, int n, ov_change_kind kind)
{
    for (int i = 0; i < n; i++) if (f->ch[i].kind == kind) return i;
    return -1;
}

static void test_same_content_no_changes(void **state)
{
    fx *f = *state;
    assert_int_equal(ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES), 0);
    assert_false(ov_content_diff_keeps_votes(f->ch, 0));
    assert_true(words(ov_content_diff_none_sentence(NULL)) <= 15);
    /* the folder it came from is not a change */
    ov_strlcpy(f->new_c.dir, "/somewhere/else", sizeof f->new_c.dir);
    assert_int_equal(ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES), 0);
}

static void test_question_removed_keeps_votes(void **state)
{
    fx *f = *state;
    /* drop q2 ("Your time") */
    f->new_c.questions[1] = f->new_c.questions[2];
    f->new_c.questions[2] = f->new_c.questions[3];
    f->new_c.n_questions = 3;
    int n = ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 1);
    assert_int_equal(f->ch[0].kind, OV_CHANGE_QUESTION_REMOVED);
    assert_string_equal(f->ch[0].id, "q2");
    assert_true(f->ch[0].votes_stay);
    const char *s = sentence(&f->ch[0]);
    assert_non_null(strstr(s, "Your time"));
    assert_non_null(strstr(logline(&f->ch[0]), "question 'q2' removed"));
    assert_true(ov_content_diff_keeps_votes(f->ch, n));
    const char *note = ov_content_diff_votes_note(NULL);
    assert_non_null(strstr(note, "results"));
    assert_true(words(note) <= 15);
}

static void test_question_added(void **state)
{
    fx *f = *state;
    ov_question *q = &f->new_c.questions[f->new_c.n_questions++];
    memset(q, 0, sizeof *q);
    ov_strlcpy(q->id, "q5", sizeof q->id);
    ov_strlcpy(q->title, "Being listened to", sizeof q->title);
    ov_strlcpy(q->sentences[0], "We listen to you.", sizeof q->sentences[0]);
    q->n_sentences = 1;
    q->scale = 1;
    int n = ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 1);
    assert_int_equal(f->ch[0].kind, OV_CHANGE_QUESTION_ADDED);
    assert_false(f->ch[0].votes_stay);
    assert_string_equal(sentence(&f->ch[0]), "New question: \u201cBeing listened to\u201d.");
    assert_false(ov_content_diff_keeps_votes(f->ch, n));
}

static void test_title_words_picture_changed(void **state)
{
    fx *f = *state;
    ov_strlcpy(f->new_c.questions[0].title, "What you are good at", OV_TITLE_LEN);
    ov_strlcpy(f->new_c.questions[1].sentences[0], "We say thank you for your time.", OV_SENTENCE_LEN);
    ov_strlcpy(f->new_c.questions[2].picture, "pictures/give.svg", OV_PATH_MAX);
    int n = ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 3);
    int t = find(f, n, OV_CHANGE_QUESTION_TITLE), w = find(f, n, OV_CHANGE_QUESTION_WORDS),
        p = find(f, n, OV_CHANGE_QUESTION_PICTURE);
    assert_true(t >= 0 && w >= 0 && p >= 0);
    const char *s = sentence(&f->ch[t]);
    assert_non_null(strstr(s, "Your skills"));
    assert_non_null(strstr(s, "What you are good at"));
    assert_non_null(strstr(sentence(&f->ch[w]), "Your time"));
    assert_non_null(strstr(sentence(&f->ch[p]), "Give and get"));
    assert_string_equal(logline(&f->ch[t]), "question 'q1' title: 'Your skills' -> 'What you are good at'");
    assert_false(ov_content_diff_keeps_votes(f->ch, n));
}

/* #13: a question made the practice question (or counted again) is a change the
 * facilitator is told of: from then on its answers are (not) counted. */
static void test_practice_flag_is_a_change(void **state)
{
    fx *f = *state;
    f->new_c.questions[0].practice = 1;
    int n = ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 1);
    assert_int_equal(f->ch[0].kind, OV_CHANGE_QUESTION_PRACTICE);
    assert_string_equal(sentence(&f->ch[0]),
                        "\u201cYour skills\u201d is now the practice question. Its answers are not counted.");
    assert_true(ov_content_diff_keeps_votes(f->ch, n));   /* what was counted for it stays */
    assert_non_null(strstr(logline(&f->ch[0]), "question 'q1' is now the practice question"));
    /* and back: counted again */
    n = ov_content_diff(&f->new_c, &f->old_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 1);
    assert_string_equal(sentence(&f->ch[0]),
                        "\u201cYour skills\u201d is not the practice question any more. Its answers are counted now.");
    assert_false(ov_content_diff_keeps_votes(f->ch, n));
}

static void test_extra_sentence_is_a_change(void **state)
{
    fx *f = *state;
    ov_strlcpy(f->new_c.questions[3].sentences[1], "And you feel part of it.", OV_SENTENCE_LEN);
    f->new_c.questions[3].n_sentences = 2;
    assert_int_equal(ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES), 1);
    assert_int_equal(f->ch[0].kind, OV_CHANGE_QUESTION_WORDS);
    assert_non_null(strstr(sentence(&f->ch[0]), "Friends"));
}

static void test_question_moved_to_another_scale(void **state)
{
    fx *f = *state;
    ov_strlcpy(f->new_c.scales[1].name, "Red, amber, green", OV_TITLE_LEN);
    ov_strlcpy(f->old_c.scales[1].name, "Red, amber, green", OV_TITLE_LEN);
    f->new_c.questions[0].scale = 1;   /* "Your skills" now on rag */
    int n = ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 1);
    assert_int_equal(f->ch[0].kind, OV_CHANGE_QUESTION_SCALE);
    assert_string_equal(f->ch[0].item, "rag");
    assert_true(f->ch[0].votes_stay);
    const char *s = sentence(&f->ch[0]);
    assert_non_null(strstr(s, "Your skills"));
    assert_non_null(strstr(s, "Red, amber, green"));
    assert_non_null(strstr(logline(&f->ch[0]), "question 'q1' moved to scale 'rag'"));
    assert_true(ov_content_diff_keeps_votes(f->ch, n));
}

static void test_answers_added_removed_renamed(void **state)
{
    fx *f = *state;
    ov_scale *rag = &f->new_c.scales[1];
    ov_strlcpy(rag->name, "Traffic lights", OV_TITLE_LEN);
    ov_strlcpy(f->old_c.scales[1].name, "Traffic lights", OV_TITLE_LEN);
    /* amber goes, "Blue" comes, Green is now "Great" */
    rag->answers[1] = rag->answers[2];
    ov_strlcpy(rag->answers[1].word, "Great", OV_WORD_LEN);
    ov_answer *a = &rag->answers[2];
    memset(a, 0, sizeof *a);
    ov_strlcpy(a->id, "blue", sizeof a->id);
    ov_strlcpy(a->word, "Blue", sizeof a->word);
    int n = ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 3);
    int r = find(f, n, OV_CHANGE_ANSWER_REMOVED), ad = find(f, n, OV_CHANGE_ANSWER_ADDED),
        w = find(f, n, OV_CHANGE_ANSWER_WORD);
    assert_true(r >= 0 && ad >= 0 && w >= 0);
    assert_string_equal(f->ch[r].item, "amber");
    assert_true(f->ch[r].votes_stay);
    assert_non_null(strstr(sentence(&f->ch[r]), "Amber"));
    assert_non_null(strstr(sentence(&f->ch[r]), "Traffic lights"));
    assert_non_null(strstr(sentence(&f->ch[ad]), "Blue"));
    const char *s = sentence(&f->ch[w]);
    assert_non_null(strstr(s, "Green"));
    assert_non_null(strstr(s, "Great"));
    assert_true(ov_content_diff_keeps_votes(f->ch, n));
}

static void test_unused_scale_is_not_reported(void **state)
{
    fx *f = *state;
    f->new_c.questions[3].scale = 0;                 /* nothing uses rag now */
    f->new_c.scales[1].n_answers = 2;                /* so its answers do not matter */
    int n = ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 1);
    assert_int_equal(f->ch[0].kind, OV_CHANGE_QUESTION_SCALE);
}

static void test_language_order_texts(void **state)
{
    fx *f = *state;
    ov_strlcpy(f->new_c.language, "cy", sizeof f->new_c.language);
    ov_question q0 = f->new_c.questions[0];
    f->new_c.questions[0] = f->new_c.questions[1];
    f->new_c.questions[1] = q0;
    ov_strlcpy(f->new_c.texts.thanks, "Diolch.", OV_SENTENCE_LEN);
    int n = ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 3);
    assert_int_equal(f->ch[0].kind, OV_CHANGE_LANGUAGE);       /* language first */
    assert_string_equal(sentence(&f->ch[0]), "The language changes from English to Welsh.");
    assert_string_equal(logline(&f->ch[0]), "language: en-gb -> cy");
    assert_true(find(f, n, OV_CHANGE_QUESTION_ORDER) >= 0);
    assert_true(find(f, n, OV_CHANGE_TEXTS) >= 0);
    for (int i = 0; i < n; i++) sentence(&f->ch[i]);
}

static void test_many_changes_counted_beyond_max(void **state)
{
    fx *f = *state;
    f->new_c.n_questions = 0;                        /* every question goes */
    ov_content_change few[2];
    int n = ov_content_diff(&f->old_c, &f->new_c, few, 2);
    assert_int_equal(n, 4);                          /* all counted, 2 written */
    assert_int_equal(few[0].kind, OV_CHANGE_QUESTION_REMOVED);
    assert_string_equal(few[1].id, "q2");
    assert_int_equal(ov_content_diff(&f->old_c, &f->new_c, NULL, 0), 4);
}

static void test_no_old_content_everything_new(void **state)
{
    fx *f = *state;
    int n = ov_content_diff(NULL, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 4);
    for (int i = 0; i < n; i++) assert_int_equal(f->ch[i].kind, OV_CHANGE_QUESTION_ADDED);
    assert_int_equal(ov_content_diff(&f->old_c, NULL, f->ch, OV_MAX_CHANGES), OV_EINVAL);
}

static void test_sentence_cut_safely(void **state)
{
    fx *f = *state;
    f->new_c.n_questions = 3;
    int n = ov_content_diff(&f->old_c, &f->new_c, f->ch, OV_MAX_CHANGES);
    assert_int_equal(n, 1);
    char small[12];
    int full = ov_content_change_sentence(&f->ch[0], NULL, small, sizeof small);
    assert_true(full > (int)sizeof small);
    assert_int_equal(strlen(small), sizeof small - 1);
    assert_int_equal(ov_content_change_sentence(NULL, NULL, small, sizeof small), OV_EINVAL);
    assert_string_equal(small, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_same_content_no_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_question_removed_keeps_votes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_question_added, setup, teardown),
        cmocka_unit_test_setup_teardown(test_title_words_picture_changed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_extra_sentence_is_a_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_practice_flag_is_a_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_question_moved_to_another_scale, setup, teardown),
        cmocka_unit_test_setup_teardown(test_answers_added_removed_renamed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unused_scale_is_not_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_language_order_texts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_changes_counted_beyond_max, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_old_content_everything_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sentence_cut_safely, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
