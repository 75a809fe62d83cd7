/* test_flow_views.c — issue 14 screens in the pure flow: "Tell me more" is
 * reachable by touch, keys and scanning, never in the way (one press back,
 * answers kept), and "Who are you today?" comes before the questions, its
 * choice forgotten with the answers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "test_content_fixture.h"
#include "ui/flow.h"

#define IDLE_MS 60000

static ov_content *content_with_views(void)
{
    ov_content *c = calloc(1, sizeof *c);
    assert_non_null(c);
    ov_test_content(c);
    c->more[0].present = 1;
    c->more[0].n_about = 1;
    strcpy(c->more[0].about[0], "This is about skills.");
    strcpy(c->more[0].stage[0], "Staff do everything.");
    strcpy(c->more[0].stage[2], "People help to plan.");
    c->who.n_groups = 2;
    strcpy(c->who.groups[0].id, "uses-service");
    strcpy(c->who.groups[1].id, "works-here");
    return c;
}

static int target_index(const ov_flow *f, ov_target_kind kind)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
    for (int i = 0; i < n; i++)
        if (t[i].kind == kind)
            return i;
    return -1;
}

static void test_who_then_questions_and_group_forgotten(void **state)
{
    (void)state;
    ov_content *c = content_with_views();
    ov_flow f;
    ov_flow_init(&f, c, 0, IDLE_MS, 3000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 10);
    assert_int_equal(f.screen, OV_SCREEN_WHO);
    assert_string_equal(ov_screen_name(f.screen), "who");
    assert_int_equal(target_index(&f, OV_TARGET_GROUP), 0); /* groups first, then skip, then hear again */
    assert_int_equal(target_index(&f, OV_TARGET_HEAR_AGAIN), 3);
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 20);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 0);
    assert_int_equal(ov_flow_group(&f), 1);
    ov_flow_tick(&f, 20 + IDLE_MS); /* walks away: warned first, then the next person starts fresh */
    assert_int_equal(f.screen, OV_SCREEN_IDLE_WARNING);
    uint64_t gone = 20 + IDLE_MS + OV_FLOW_IDLE_WARNING_MS;
    ov_flow_tick(&f, gone);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
    assert_int_equal(ov_flow_group(&f), -1);
    ov_flow_act(&f, OV_ACT_ANY, 0, gone + 100);
    ov_flow_act(&f, OV_ACT_CHOOSE, 2, gone + 110); /* skip */
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(ov_flow_group(&f), -1);
    free(c);
}

static void test_tell_me_more_by_scanning_and_back_keeps_answers(void **state)
{
    (void)state;
    ov_content *c = content_with_views();
    c->who.n_groups = 0;
    ov_flow f;
    ov_flow_init(&f, c, 0, IDLE_MS, 3000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 10);
    ov_flow_act(&f, OV_ACT_CHOOSE, 2, 20); /* question 1 answered */
    assert_int_equal(f.question, 1);
    assert_int_equal(target_index(&f, OV_TARGET_MORE), -1); /* question 2 has no "Tell me more" */
    ov_flow_act(&f, OV_ACT_NO, 0, 30);                      /* previous question */
    assert_int_equal(f.question, 0);
    int more = target_index(&f, OV_TARGET_MORE);
    int n_answers = target_index(&f, OV_TARGET_HEAR_AGAIN) - 1;
    assert_int_equal(more, n_answers); /* after every answer: scanning reaches the answers first */
    for (int i = 0; i <= more; i++)
        ov_flow_act(&f, OV_ACT_FOCUS_NEXT, 0, 40);
    ov_flow_act(&f, OV_ACT_ACTIVATE, 0, 50);
    assert_int_equal(f.screen, OV_SCREEN_MORE);
    assert_int_equal(ov_more_pages(c, 0), 3); /* about + 2 stages */
    assert_int_equal(ov_more_stage_of_page(c, 0, 2), 2);
    ov_flow_act(&f, OV_ACT_YES, 0, 60); /* Next */
    ov_flow_act(&f, OV_ACT_YES, 0, 70);
    assert_int_equal(f.more_page, 2);
    assert_int_equal(target_index(&f, OV_TARGET_NEXT), -1); /* last page */
    assert_int_equal(target_index(&f, OV_TARGET_BACK), 0);
    ov_target back = { OV_TARGET_BACK, 0 };
    int arg;
    ov_flow_act(&f, ov_flow_target_action(back, &arg), arg, 80); /* one press */
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 0);
    assert_int_equal(f.answers[0], 2); /* kept */
    free(c);
}

static void test_answer_button_on_tell_me_more_answers(void **state)
{
    (void)state;
    ov_content *c = content_with_views();
    c->who.n_groups = 0;
    ov_flow f;
    ov_flow_init(&f, c, 1, IDLE_MS, 3000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 10);
    ov_flow_act(&f, OV_ACT_MORE, 0, 20);
    assert_int_equal(f.screen, OV_SCREEN_MORE);
    ov_flow_act(&f, OV_ACT_CHOOSE, 3, 30); /* a physical answer button: straight to that answer */
    assert_int_equal(f.screen, OV_SCREEN_CONFIRM);
    assert_int_equal(f.chosen, 3);
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_who_then_questions_and_group_forgotten),
        cmocka_unit_test(test_tell_me_more_by_scanning_and_back_keeps_answers),
        cmocka_unit_test(test_answer_button_on_tell_me_more_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
