/* test_flow.c — the member's screen flow, as pure logic: what each press does,
 * when answers are stored, and that idle time forgets half-finished answers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ui/flow.h"
#include "test_content_fixture.h"

static ov_content content;

static void start(ov_flow *f, int confirm)
{
    ov_test_content(&content);
    ov_flow_init(f, &content, confirm, 90000, 4000, 1500, 1000);
}

static void drop_in_with_confirm_stores_all_answers_then_thanks(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 1);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
    assert_true(ov_flow_act(&f, OV_ACT_ANY, 0, 2000) & OV_FLOW_SPEAK);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 0);
    int answers[] = { 2, 0, 3, 1 };
    for (int q = 0; q < 4; q++) {
        int e = ov_flow_act(&f, OV_ACT_CHOOSE, answers[q], 3000 + q * 100);
        assert_int_equal(f.screen, OV_SCREEN_CONFIRM);
        assert_int_equal(f.chosen, answers[q]);
        assert_false(e & OV_FLOW_WANT_COMMIT);
        e = ov_flow_act(&f, OV_ACT_YES, 0, 3050 + q * 100);
        if (q < 3) {
            assert_int_equal(f.screen, OV_SCREEN_QUESTION);
            assert_int_equal(f.question, q + 1);
            assert_false(e & OV_FLOW_WANT_COMMIT);
        } else {
            assert_true(e & OV_FLOW_WANT_COMMIT);
            assert_int_equal(f.screen, OV_SCREEN_SAVING);   /* no thank-you before the commit */
        }
    }
    int qs[8], as[8];
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 4);
    for (int i = 0; i < 4; i++) { assert_int_equal(qs[i], i); assert_int_equal(as[i], answers[i]); }
    assert_true(ov_flow_committed(&f, 1, 4000) & OV_FLOW_BLINK);
    assert_int_equal(f.screen, OV_SCREEN_THANKS);
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 0);   /* nothing of this person is kept */
    assert_int_equal(ov_flow_tick(&f, 7999), 0);
    assert_true(ov_flow_tick(&f, 8000) & OV_FLOW_REDRAW);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
}

static void without_confirm_a_choice_moves_on(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 2100);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 1);
}

static void go_back_keeps_the_question_and_records_nothing(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 1);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    ov_flow_act(&f, OV_ACT_CHOOSE, 3, 2100);
    ov_flow_act(&f, OV_ACT_NO, 0, 2200);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 0);
    int qs[8], as[8];
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 0);
    /* the same answer pressed again on confirm means "that's right"; another answer changes it */
    ov_flow_act(&f, OV_ACT_CHOOSE, 3, 2300);
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 2400);
    assert_int_equal(f.screen, OV_SCREEN_CONFIRM);
    assert_int_equal(f.chosen, 1);
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 2500);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 1);
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 1);
    assert_int_equal(as[0], 1);
}

static void idle_time_forgets_half_finished_answers(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 1);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2100);
    ov_flow_act(&f, OV_ACT_YES, 0, 2200);
    ov_flow_act(&f, OV_ACT_CHOOSE, 2, 2300);
    assert_int_equal(ov_flow_next_deadline(&f, 2300), 90000);
    assert_int_equal(ov_flow_tick(&f, 2300 + 89999), 0);
    assert_true(ov_flow_tick(&f, 2300 + 90000) & OV_FLOW_REDRAW);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
    int qs[8], as[8];
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 0);
    /* the next person starts at question 1 with nothing chosen */
    ov_flow_act(&f, OV_ACT_ANY, 0, 100000);
    assert_int_equal(f.question, 0);
    assert_int_equal(f.chosen, -1);
}

static void a_failed_store_shows_not_saved_and_can_retry(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    for (int q = 0; q < 4; q++) ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2100 + q);
    assert_int_equal(f.screen, OV_SCREEN_SAVING);
    ov_flow_committed(&f, 0, 2200);
    assert_int_equal(f.screen, OV_SCREEN_NOT_SAVED);
    int qs[8], as[8];
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 4);   /* still held for the retry */
    assert_true(ov_flow_act(&f, OV_ACT_ANY, 0, 2300) & OV_FLOW_WANT_COMMIT);
    ov_flow_committed(&f, 1, 2400);
    assert_int_equal(f.screen, OV_SCREEN_THANKS);
}

static void dont_know_is_offered_only_where_content_allows(void **state)
{
    (void)state;
    ov_test_content(&content);
    const ov_answer *a[OV_MAX_ANSWERS];
    assert_int_equal(ov_question_answers(&content, 0, a), 5);
    assert_true(a[4]->dont_know);
    assert_int_equal(ov_question_answers(&content, 1, a), 4);
    assert_int_equal(ov_question_answers(&content, 3, a), 3);
    ov_flow f;
    start(&f, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    ov_flow_act(&f, OV_ACT_CHOOSE, 4, 2100);       /* "I don't know" on q1 */
    assert_int_equal(f.question, 1);
    assert_int_equal(ov_flow_act(&f, OV_ACT_CHOOSE, 4, 2200), 0);   /* no 5th answer on q2 */
    assert_int_equal(f.question, 1);
}

static void keys_move_the_highlight_and_enter_chooses(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 1);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    ov_target t[16];
    int n = ov_flow_targets(&f, t, 16);
    assert_int_equal(n, 6);                          /* 5 answers + hear again */
    assert_int_equal(f.focus, -1);
    ov_flow_act(&f, OV_ACT_FOCUS_NEXT, 0, 2100);
    ov_flow_act(&f, OV_ACT_FOCUS_NEXT, 0, 2200);
    ov_flow_act(&f, OV_ACT_FOCUS_NEXT, 0, 2300);
    assert_int_equal(f.focus, 2);
    ov_flow_act(&f, OV_ACT_ACTIVATE, 0, 2400);
    assert_int_equal(f.screen, OV_SCREEN_CONFIRM);
    assert_int_equal(f.chosen, 2);
    ov_flow_act(&f, OV_ACT_FOCUS_PREV, 0, 2500);     /* wraps to "hear again" */
    ov_flow_act(&f, OV_ACT_ACTIVATE, 0, 2600);
    assert_int_equal(f.screen, OV_SCREEN_CONFIRM);   /* hearing again changes nothing */
    ov_flow_act(&f, OV_ACT_FOCUS_NEXT, 0, 2700);     /* back to "that's right" */
    ov_flow_act(&f, OV_ACT_ACTIVATE, 0, 2800);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 1);
}

static void meeting_round_counts_each_press_with_lockout(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    ov_flow_set_round(&f, 2, 1000);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 2);
    assert_true(ov_flow_act(&f, OV_ACT_CHOOSE, 1, 2000) & OV_FLOW_WANT_COMMIT);
    int qs[8], as[8];
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 1);
    assert_int_equal(qs[0], 2);
    ov_flow_committed(&f, 1, 2010);
    assert_int_equal(f.screen, OV_SCREEN_THANKS);
    assert_int_equal(ov_flow_act(&f, OV_ACT_CHOOSE, 1, 2500), 0);   /* inside the lockout */
    ov_flow_tick(&f, 2010 + 4000);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 2);                 /* the same question for the next person */
    assert_true(ov_flow_act(&f, OV_ACT_CHOOSE, 0, 6100) & OV_FLOW_WANT_COMMIT);
    ov_flow_set_round(&f, -1, 7000);
    assert_int_equal(f.mode, OV_MODE_DROP_IN);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drop_in_with_confirm_stores_all_answers_then_thanks),
        cmocka_unit_test(without_confirm_a_choice_moves_on),
        cmocka_unit_test(go_back_keeps_the_question_and_records_nothing),
        cmocka_unit_test(idle_time_forgets_half_finished_answers),
        cmocka_unit_test(a_failed_store_shows_not_saved_and_can_retry),
        cmocka_unit_test(dont_know_is_offered_only_where_content_allows),
        cmocka_unit_test(keys_move_the_highlight_and_enter_chooses),
        cmocka_unit_test(meeting_round_counts_each_press_with_lockout),
    };
    return cmocka_run_group_tests_name("flow", tests, NULL, NULL);
}
