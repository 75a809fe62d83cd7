/* test_flow.c — the member's screen flow, as pure logic: what each press does,
 * when answers are stored, and that idle time forgets half-finished answers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "ui/flow.h"
#include "ui/layout_review.h"
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
            assert_false(e & OV_FLOW_WANT_COMMIT);
            assert_int_equal(f.screen, OV_SCREEN_REVIEW);   /* every answer shown before storing */
            e = ov_flow_act(&f, OV_ACT_YES, 0, 3060 + q * 100);
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
    ov_flow_act(&f, OV_ACT_YES, 0, 2300); /* question 2 left alone, one answer held */
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(ov_flow_next_deadline(&f, 2300), 90000);
    assert_int_equal(ov_flow_tick(&f, 2300 + 89999), 0);
    assert_true(ov_flow_tick(&f, 2300 + 90000) & OV_FLOW_SPEAK);
    assert_int_equal(f.screen, OV_SCREEN_IDLE_WARNING);   /* warned first, nothing forgotten yet */
    int qs[8], as[8];
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 1);
    assert_int_equal(ov_flow_tick(&f, 2300 + 90000 + OV_FLOW_IDLE_WARNING_MS - 1), 0);
    assert_true(ov_flow_tick(&f, 2300 + 90000 + OV_FLOW_IDLE_WARNING_MS) & OV_FLOW_REDRAW);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
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
    assert_int_equal(f.screen, OV_SCREEN_REVIEW);
    ov_flow_act(&f, OV_ACT_YES, 0, 2150);
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

/* Answers every question (answer 1 each) without the confirm step; ends on the review. */
static void answer_all(ov_flow *f, uint64_t now)
{
    ov_flow_act(f, OV_ACT_ANY, 0, now);
    for (int q = 0; q < content.n_questions; q++)
        ov_flow_act(f, OV_ACT_CHOOSE, 1, now + 10 + (uint64_t)q);
}

static int target_index(const ov_flow *f, ov_target_kind kind, int index)
{
    ov_target t[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, t, OV_MAX_TARGETS);
    for (int i = 0; i < n; i++)
        if (t[i].kind == kind && t[i].index == index)
            return i;
    return -1;
}

static void review_lists_every_answer_and_changes_one(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    answer_all(&f, 2000);
    assert_int_equal(f.screen, OV_SCREEN_REVIEW);
    assert_string_equal(ov_screen_name(f.screen), "review");
    for (int q = 0; q < content.n_questions; q++)
        assert_true(target_index(&f, OV_TARGET_REVIEW_ITEM, q) >= 0);
    assert_int_equal(target_index(&f, OV_TARGET_SAVE, 0), 0);   /* save first: the quickest to scan */
    /* choosing the answer to question 2 opens question 2, then comes back to the review */
    int arg;
    ov_target t[OV_MAX_TARGETS];
    ov_flow_targets(&f, t, OV_MAX_TARGETS);
    ov_action a = ov_flow_target_action(t[target_index(&f, OV_TARGET_REVIEW_ITEM, 1)], &arg);
    assert_int_equal(a, OV_ACT_CHANGE);
    assert_true(ov_flow_act(&f, a, arg, 3000) & OV_FLOW_SPEAK);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 1);
    ov_flow_act(&f, OV_ACT_CHOOSE, 3, 3100);
    assert_int_equal(f.screen, OV_SCREEN_REVIEW);
    int qs[8], as[8];
    int n = ov_flow_pending(&f, qs, as, 8);
    assert_int_equal(n, content.n_questions);
    assert_int_equal(as[1], 3);   /* changed */
    assert_int_equal(as[0], 1);   /* the others kept */
    assert_int_equal(as[2], 1);
    /* "previous" on the review opens the last question */
    ov_flow_act(&f, OV_ACT_PREVIOUS, 0, 3200);
    assert_int_equal(f.question, content.n_questions - 1);
    ov_flow_act(&f, OV_ACT_CHOOSE, 0, 3300);
    assert_int_equal(f.screen, OV_SCREEN_REVIEW);
    /* save: the highlight on "save" and Enter */
    ov_flow_act(&f, OV_ACT_FOCUS_NEXT, 0, 3400);
    assert_true(ov_flow_act(&f, OV_ACT_ACTIVATE, 0, 3500) & OV_FLOW_WANT_COMMIT);
    assert_int_equal(f.screen, OV_SCREEN_SAVING);
}

static void previous_question_is_a_target_after_the_first(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    assert_int_equal(target_index(&f, OV_TARGET_PREVIOUS, 0), -1);   /* not on question 1 */
    ov_flow_act(&f, OV_ACT_CHOOSE, 2, 2100);
    assert_int_equal(f.question, 1);
    int p = target_index(&f, OV_TARGET_PREVIOUS, 0);
    assert_true(p >= 0);                                            /* scanning reaches it */
    ov_flow_set_focus(&f, p);
    ov_flow_act(&f, OV_ACT_ACTIVATE, 0, 2200);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(f.question, 0);
    int qs[8], as[8];
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 1);   /* the answer given is kept */
    assert_int_equal(as[0], 2);
}

static void idle_warning_more_time_keeps_every_answer(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 1);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2100);
    ov_flow_act(&f, OV_ACT_YES, 0, 2200);
    ov_flow_act(&f, OV_ACT_CHOOSE, 2, 2300);   /* confirm screen of question 2 */
    ov_flow_tick(&f, 2300 + OV_FLOW_CHOICE_IDLE_MS);
    assert_int_equal(f.screen, OV_SCREEN_IDLE_WARNING);
    assert_string_equal(ov_screen_name(f.screen), "idle-warning");
    assert_int_equal(target_index(&f, OV_TARGET_MORE_TIME, 0), 0);
    /* while the warning is read aloud its time does not run; then at least 30 s */
    ov_flow_set_speaking(&f, 1, 32400);
    assert_int_equal(ov_flow_tick(&f, 32300 + OV_FLOW_IDLE_WARNING_MS + 5000), 0);
    ov_flow_set_speaking(&f, 0, 37300);
    assert_int_equal(ov_flow_tick(&f, 37300 + OV_FLOW_IDLE_WARNING_MS - 1), 0);
    assert_int_equal(f.screen, OV_SCREEN_IDLE_WARNING);
    int arg;
    ov_target t[OV_MAX_TARGETS];
    ov_flow_targets(&f, t, OV_MAX_TARGETS);
    ov_action a = ov_flow_target_action(t[0], &arg);
    assert_int_equal(a, OV_ACT_MORE_TIME);
    assert_true(ov_flow_act(&f, a, arg, 60000) & OV_FLOW_SPEAK);
    assert_int_equal(f.screen, OV_SCREEN_CONFIRM);   /* back where the member was */
    assert_int_equal(f.chosen, 2);
    assert_int_equal(f.question, 1);
    int qs[8], as[8];
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 1);
    assert_int_equal(ov_flow_next_deadline(&f, 60000), OV_FLOW_CHOICE_IDLE_MS); /* the whole time again */
}

/* Issue 12: a choice left on the screen gives way to the warning (which
 * shows no choice) soon after the screen has gone quiet; its speech does not
 * count; question screens keep the whole idle time. */
static void a_choice_left_alone_is_covered_soon(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 1);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 3000);
    ov_flow_set_speaking(&f, 1, 3000);
    assert_int_equal(ov_flow_tick(&f, 3000 + OV_FLOW_CHOICE_IDLE_MS + 1000), 0); /* still being read */
    ov_flow_set_speaking(&f, 0, 8000);
    assert_int_equal(ov_flow_tick(&f, 8000 + OV_FLOW_CHOICE_IDLE_MS - 1), 0);
    assert_true(ov_flow_tick(&f, 8000 + OV_FLOW_CHOICE_IDLE_MS) & OV_FLOW_SPEAK);
    assert_int_equal(f.screen, OV_SCREEN_IDLE_WARNING);
    assert_int_equal(f.warned_from, OV_SCREEN_CONFIRM);
    /* the review lists every answer: the same */
    start(&f, 0);
    ov_flow_set_choice_idle(&f, 15000);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    for (int q = 0; q < 4; q++)
        ov_flow_act(&f, OV_ACT_CHOOSE, q % 2, 2100 + q * 100);
    assert_int_equal(f.screen, OV_SCREEN_REVIEW);
    assert_int_equal(ov_flow_next_deadline(&f, 2400), 15000);
    ov_flow_tick(&f, 2400 + 15000);
    assert_int_equal(f.screen, OV_SCREEN_IDLE_WARNING);
    /* never less than 10 s, never more than the idle time */
    ov_flow_set_choice_idle(&f, 1);
    assert_int_equal(f.choice_idle_ms, OV_FLOW_CHOICE_IDLE_MIN_MS);
    start(&f, 1);
    ov_flow_set_choice_idle(&f, 600000);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 3000);
    assert_int_equal(ov_flow_next_deadline(&f, 3000), 90000);
}

/* Issue 12: with headphones the member may turn the screen off (or on) on
 * the sound screen, for the visit; the next person gets the usual screen. */
static void the_member_turns_the_screen_off_for_the_visit(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    ov_flow_act(&f, OV_ACT_SOUND, 0, 1500);
    assert_int_equal(target_index(&f, OV_TARGET_SCREEN_OFF, 0), -1); /* no headphones: not offered */
    assert_int_equal(ov_flow_act(&f, OV_ACT_SCREEN_OFF, 0, 1600), 0);
    ov_flow_set_screen_off_offer(&f, 1, 0);
    int i = target_index(&f, OV_TARGET_SCREEN_OFF, 0);
    assert_int_equal(i, OV_SOUND_STEPS + 1); /* after the steps and "Go back": buttons 1-5 as before */
    assert_int_equal(ov_flow_screen_off(&f), 0);
    assert_true(ov_flow_act(&f, OV_ACT_CHOOSE, i, 1700) & OV_FLOW_SCREEN);
    assert_int_equal(ov_flow_screen_off(&f), 1);
    ov_flow_act(&f, OV_ACT_NO, 0, 1800);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
    assert_int_equal(ov_flow_screen_off(&f), 1); /* kept for the visit */
    ov_flow_act(&f, OV_ACT_ANY, 0, 1900);
    for (int q = 0; q < 4; q++)
        ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2000 + q * 100);
    assert_int_equal(ov_flow_screen_off(&f), 1);
    ov_flow_act(&f, OV_ACT_YES, 0, 2500);
    ov_flow_committed(&f, 1, 2600);
    ov_flow_tick(&f, 2600 + 4000);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
    assert_int_equal(ov_flow_screen_off(&f), 0); /* the next person: the usual screen */
    /* the facilitator's setting is the usual: the member may turn it on */
    ov_flow_set_screen_off_offer(&f, 1, 1);
    assert_int_equal(ov_flow_screen_off(&f), 1);
    ov_flow_act(&f, OV_ACT_SOUND, 0, 9000);
    ov_flow_act(&f, OV_ACT_SCREEN_OFF, 0, 9100);
    assert_int_equal(ov_flow_screen_off(&f), 0);
    ov_flow_set_screen_off_offer(&f, 0, 1); /* headphones out: the screen shows */
    assert_int_equal(ov_flow_screen_off(&f), 0);
}

static void switch_moves_count_as_activity(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    for (uint64_t t = 4000; t < 300000; t += 2000) {   /* a "move" press every 2 s for 5 minutes */
        ov_flow_note_activity(&f, t);
        assert_int_equal(ov_flow_tick(&f, t + 1), 0);
    }
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
}

static void not_saved_keeps_answers_until_the_warning_ends(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    answer_all(&f, 2000);
    ov_flow_act(&f, OV_ACT_YES, 0, 2100);
    ov_flow_committed(&f, 0, 2200);
    assert_int_equal(f.screen, OV_SCREEN_NOT_SAVED);
    ov_flow_tick(&f, 2200 + 90000);
    assert_int_equal(f.screen, OV_SCREEN_IDLE_WARNING);
    int qs[8], as[8];
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), content.n_questions);
    ov_flow_act(&f, OV_ACT_MORE_TIME, 0, 100000);
    assert_int_equal(f.screen, OV_SCREEN_NOT_SAVED);   /* more time does not store by itself */
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), content.n_questions);
    ov_flow_tick(&f, 100000 + 90000);
    ov_flow_tick(&f, 100000 + 90000 + OV_FLOW_IDLE_WARNING_MS);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 0);   /* never stored under the next person */
    ov_flow_act(&f, OV_ACT_ANY, 0, 300000);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    assert_int_equal(ov_flow_pending(&f, qs, as, 8), 0);
}

static void thanks_waits_for_its_speech(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    answer_all(&f, 2000);
    ov_flow_act(&f, OV_ACT_YES, 0, 2100);
    ov_flow_committed(&f, 1, 3000);
    ov_flow_set_speaking(&f, 1, 3000);   /* the thank-you is read aloud for 5.1 s */
    assert_int_equal(ov_flow_tick(&f, 3000 + 4000), 0);
    assert_int_equal(f.screen, OV_SCREEN_THANKS);
    ov_flow_set_speaking(&f, 0, 8100);
    assert_int_equal(ov_flow_tick(&f, 8100 + 3999), 0);
    assert_true(ov_flow_tick(&f, 8100 + 4000) & OV_FLOW_REDRAW);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
}

static void a_touch_counts_only_on_one_target(void **state)
{
    (void)state;
    static ov_layout l;
    memset(&l, 0, sizeof l);
    l.screen = (ov_rect){ 0, 0, 800, 480 };
    l.buttons[0].target = (ov_target){ OV_TARGET_ANSWER, 0 };
    l.buttons[0].rect = (ov_rect){ 0, 300, 150, 150 };
    l.buttons[1].target = (ov_target){ OV_TARGET_ANSWER, 1 };
    l.buttons[1].rect = (ov_rect){ 160, 300, 150, 150 };
    l.n_buttons = 2;
    ov_target t = ov_layout_press_target(&l, 20, 320, 130, 430);   /* down and up on answer 1 */
    assert_int_equal(t.kind, OV_TARGET_ANSWER);
    assert_int_equal(t.index, 0);
    t = ov_layout_press_target(&l, 20, 320, 200, 320);              /* down on answer 1, up on answer 2 */
    assert_int_equal(t.kind, OV_TARGET_NONE);
    t = ov_layout_press_target(&l, 400, 100, 200, 320);             /* down beside, up on answer 2 */
    assert_int_equal(t.kind, OV_TARGET_NONE);
}

static void a_practice_question_comes_first_and_is_never_stored(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    ov_flow_set_practice(&f, 2);   /* content marks question 3 as the practice */
    ov_flow_act(&f, OV_ACT_ANY, 0, 2000);
    assert_int_equal(f.question, 2);
    int num, total;
    ov_flow_progress(&f, &num, &total);
    assert_int_equal(num, 0);                      /* not counted */
    assert_int_equal(total, content.n_questions - 1);
    assert_int_equal(target_index(&f, OV_TARGET_PREVIOUS, 0), -1);
    ov_flow_act(&f, OV_ACT_CHOOSE, 3, 2100);      /* the practice answer */
    assert_int_equal(f.question, 0);               /* then the real questions, in order */
    ov_flow_progress(&f, &num, &total);
    assert_int_equal(num, 1);
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 2200);
    assert_int_equal(f.question, 1);
    ov_flow_act(&f, OV_ACT_PREVIOUS, 0, 2250);    /* back goes to a real question, never the practice */
    assert_int_equal(f.question, 0);
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 2260);
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 2300);
    assert_int_equal(f.question, 3);               /* question 3 (the practice) is skipped */
    ov_flow_act(&f, OV_ACT_CHOOSE, 1, 2400);
    assert_int_equal(f.screen, OV_SCREEN_REVIEW);
    assert_int_equal(target_index(&f, OV_TARGET_REVIEW_ITEM, 2), -1);   /* not on the review */
    int qs[8], as[8];
    int n = ov_flow_pending(&f, qs, as, 8);
    assert_int_equal(n, content.n_questions - 1);
    for (int i = 0; i < n; i++) assert_int_not_equal(qs[i], 2);
}

/* A meeting round is never the practice question (its votes are stored at
 * once): opening one on it stays in drop-in; another question opens. */
static void a_round_is_never_the_practice_question(void **state)
{
    (void)state;
    ov_flow f;
    start(&f, 0);
    ov_flow_set_practice(&f, 0);
    ov_flow_set_round(&f, 0, 100);
    assert_int_equal(f.mode, OV_MODE_DROP_IN);
    assert_int_equal(ov_flow_round(&f), -1);
    assert_int_equal(f.screen, OV_SCREEN_WELCOME);
    ov_flow_set_round(&f, 1, 200);
    assert_int_equal(ov_flow_round(&f), 1);
    assert_int_equal(f.screen, OV_SCREEN_QUESTION);
    ov_flow_set_round(&f, -1, 300); /* closed: the next visit starts with the practice again */
    ov_flow_act(&f, OV_ACT_ANY, 0, 400);
    assert_int_equal(f.question, 0);
    int num, total;
    ov_flow_progress(&f, &num, &total);
    assert_int_equal(num, 0);
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
        cmocka_unit_test(review_lists_every_answer_and_changes_one),
        cmocka_unit_test(previous_question_is_a_target_after_the_first),
        cmocka_unit_test(idle_warning_more_time_keeps_every_answer),
        cmocka_unit_test(a_choice_left_alone_is_covered_soon),
        cmocka_unit_test(the_member_turns_the_screen_off_for_the_visit),
        cmocka_unit_test(switch_moves_count_as_activity),
        cmocka_unit_test(not_saved_keeps_answers_until_the_warning_ends),
        cmocka_unit_test(thanks_waits_for_its_speech),
        cmocka_unit_test(a_touch_counts_only_on_one_target),
        cmocka_unit_test(a_practice_question_comes_first_and_is_never_stored),
        cmocka_unit_test(a_round_is_never_the_practice_question),
    };
    return cmocka_run_group_tests_name("flow", tests, NULL, NULL);
}
