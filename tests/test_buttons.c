/* test_buttons.c — the debouncer, vote lockout, stuck-button detector and
 * light pattern (firmware/buttons.c), driven with raw edge sequences like
 * the ones real arcade buttons, keys and the headless script produce. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "ui/buttons.h"
#include "platform/config.h"
#include "model/content.h"

#define T0 100000u   /* an arbitrary start time (ms) */

static ov_buttons b;

static int setup(void **state)
{
    (void)state;
    ov_buttons_init(&b, 30, 1500, 10000);
    return 0;
}

/* Poll at `now` and return how many events came out; copy them to out. */
static int poll_at(uint64_t now, ov_press *out, int max)
{
    return ov_buttons_poll(&b, now, out, max);
}

/* Count OV_PRESS events of `button` while polling every 5 ms over [from, to]. */
static int presses_between(int button, uint64_t from, uint64_t to)
{
    int n = 0;
    ov_press p[8];
    for (uint64_t t = from; t <= to; t += 5) {
        int k = poll_at(t, p, 8);
        for (int i = 0; i < k; i++)
            if (p[i].kind == OV_PRESS && p[i].button == button)
                n++;
    }
    return n;
}

/* A clean press: down, held 200 ms, up. One press comes out, 30 ms after it
 * went down, not before. */
static void test_clean_press_counts_once_after_debounce(void **state)
{
    (void)state;
    ov_press p[4];
    ov_buttons_edge(&b, OV_BTN_ANSWER2, 1, T0);
    assert_int_equal(poll_at(T0 + 29, p, 4), 0);
    assert_int_equal(poll_at(T0 + 30, p, 4), 1);
    assert_int_equal(p[0].button, OV_BTN_ANSWER2);
    assert_int_equal(p[0].kind, OV_PRESS);
    assert_int_equal(p[0].at_ms, T0 + 30);
    assert_true(ov_buttons_is_down(&b, OV_BTN_ANSWER2));
    ov_buttons_edge(&b, OV_BTN_ANSWER2, 0, T0 + 200);
    assert_int_equal(presses_between(OV_BTN_ANSWER2, T0 + 200, T0 + 400), 0);
    assert_false(ov_buttons_is_down(&b, OV_BTN_ANSWER2));
}

/* A bouncing contact: 8 ms of chatter on the way down and on the way up,
 * then a steady press. Exactly one press. */
static void test_bounce_train_is_one_press(void **state)
{
    (void)state;
    uint64_t t = T0;
    int level = 1;
    for (int i = 0; i < 9; i++, t += 1, level = !level)   /* 1 0 1 0 ... ends pressed */
        ov_buttons_edge(&b, OV_BTN_ANSWER1, level, t);
    assert_int_equal(presses_between(OV_BTN_ANSWER1, T0, T0 + 35), 0);  /* still settling */
    assert_int_equal(presses_between(OV_BTN_ANSWER1, T0 + 36, T0 + 300), 1);
    /* release with chatter */
    t = T0 + 300;
    level = 0;
    for (int i = 0; i < 9; i++, t += 1, level = !level)
        ov_buttons_edge(&b, OV_BTN_ANSWER1, level, t);
    assert_int_equal(presses_between(OV_BTN_ANSWER1, T0 + 300, T0 + 600), 0);
    assert_false(ov_buttons_is_down(&b, OV_BTN_ANSWER1));
}

/* Electrical spikes shorter than the debounce time are never votes. */
static void test_short_spikes_are_ignored(void **state)
{
    (void)state;
    for (int i = 0; i < 20; i++) {
        ov_buttons_edge(&b, OV_BTN_ANSWER3, 1, T0 + (uint64_t)i * 100);
        ov_buttons_edge(&b, OV_BTN_ANSWER3, 0, T0 + (uint64_t)i * 100 + 10);
    }
    assert_int_equal(presses_between(OV_BTN_ANSWER3, T0, T0 + 2500), 0);
}

/* Edges read late in one batch (kernel timestamps): a 80 ms press that was
 * over before the loop looked still counts, once. */
static void test_late_batch_keeps_press(void **state)
{
    (void)state;
    ov_press p[4];
    ov_buttons_edge(&b, OV_BTN_ANSWER4, 1, T0);
    ov_buttons_edge(&b, OV_BTN_ANSWER4, 0, T0 + 80);
    assert_int_equal(poll_at(T0 + 500, p, 4), 1);
    assert_int_equal(p[0].button, OV_BTN_ANSWER4);
    assert_int_equal(p[0].at_ms, T0 + 30);
}

/* Two separate presses with no vote in between are two presses. */
static void test_two_presses_without_vote_both_count(void **state)
{
    (void)state;
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 1, T0);
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 0, T0 + 120);
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 1, T0 + 300);
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 0, T0 + 420);
    assert_int_equal(presses_between(OV_BTN_ANSWER1, T0, T0 + 600), 2);
}

/* A double press (tremor, impatience): after the first press is counted as
 * a vote the second one, 250 ms later, is ignored; a press after the
 * lockout counts again. */
static void test_double_press_after_vote_is_locked_out(void **state)
{
    (void)state;
    ov_press p[4];
    ov_buttons_edge(&b, OV_BTN_ANSWER2, 1, T0);
    ov_buttons_edge(&b, OV_BTN_ANSWER2, 0, T0 + 100);
    ov_buttons_edge(&b, OV_BTN_ANSWER2, 1, T0 + 250);
    ov_buttons_edge(&b, OV_BTN_ANSWER2, 0, T0 + 350);
    /* the loop was slow: both presses are confirmed by now; take one at a time */
    assert_int_equal(poll_at(T0 + 400, p, 1), 1);
    assert_int_equal(p[0].button, OV_BTN_ANSWER2);
    ov_buttons_lockout(&b, p[0].at_ms);   /* the vote was counted */
    assert_true(ov_buttons_locked(&b, T0 + 400));
    assert_int_equal(poll_at(T0 + 401, p, 4), 0);
    /* another answer during the lockout: also ignored */
    ov_buttons_edge(&b, OV_BTN_ANSWER3, 1, T0 + 800);
    ov_buttons_edge(&b, OV_BTN_ANSWER3, 0, T0 + 900);
    assert_int_equal(presses_between(OV_BTN_ANSWER3, T0 + 800, T0 + 1000), 0);
    /* after 1500 ms the next person's press counts */
    ov_buttons_edge(&b, OV_BTN_ANSWER3, 1, T0 + 1600);
    ov_buttons_edge(&b, OV_BTN_ANSWER3, 0, T0 + 1700);
    assert_false(ov_buttons_locked(&b, T0 + 1600));
    assert_int_equal(presses_between(OV_BTN_ANSWER3, T0 + 1600, T0 + 1800), 1);
}

/* Hear-again and the key switch still work during a vote lockout. */
static void test_lockout_only_blocks_answers(void **state)
{
    (void)state;
    ov_buttons_lockout(&b, T0);
    ov_buttons_edge(&b, OV_BTN_HEAR_AGAIN, 1, T0 + 100);
    ov_buttons_edge(&b, OV_BTN_HEAR_AGAIN, 0, T0 + 200);
    assert_int_equal(presses_between(OV_BTN_HEAR_AGAIN, T0 + 100, T0 + 300), 1);
    ov_buttons_edge(&b, OV_BTN_SWITCH_SELECT, 1, T0 + 400);
    assert_int_equal(presses_between(OV_BTN_SWITCH_SELECT, T0 + 400, T0 + 500), 1);
}

/* Speech never blocks a vote: hear-again starts several seconds of speech,
 * and an answer pressed 1 s into it comes out at once, undelayed. */
static void test_press_during_speech_counts(void **state)
{
    (void)state;
    ov_press p[4];
    ov_buttons_edge(&b, OV_BTN_HEAR_AGAIN, 1, T0);
    ov_buttons_edge(&b, OV_BTN_HEAR_AGAIN, 0, T0 + 150);
    assert_int_equal(presses_between(OV_BTN_HEAR_AGAIN, T0, T0 + 200), 1);
    /* the kiosk is now speaking for ~5 s; it keeps feeding edges and polling */
    ov_buttons_edge(&b, OV_BTN_ANSWER4, 1, T0 + 1000);
    assert_false(ov_buttons_locked(&b, T0 + 1000));
    assert_int_equal(poll_at(T0 + 1030, p, 4), 1);
    assert_int_equal(p[0].button, OV_BTN_ANSWER4);
    assert_int_equal(p[0].kind, OV_PRESS);
    assert_int_equal(p[0].at_ms, T0 + 1030);
}

/* A stuck button: one press, then after stuck_s an OV_STUCK report, no
 * more presses from it, and OV_UNSTUCK (not a press) when it comes free. */
static void test_stuck_button_reported_and_ignored(void **state)
{
    (void)state;
    ov_press p[4];
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 1, T0);
    assert_int_equal(presses_between(OV_BTN_ANSWER1, T0, T0 + 9000), 1);
    assert_int_equal(poll_at(T0 + 10029, p, 4), 0);
    assert_int_equal(poll_at(T0 + 10030, p, 4), 1);
    assert_int_equal(p[0].kind, OV_STUCK);
    assert_int_equal(p[0].button, OV_BTN_ANSWER1);
    assert_true(ov_buttons_is_stuck(&b, OV_BTN_ANSWER1));
    assert_int_equal(poll_at(T0 + 60000, p, 4), 0);   /* reported once */
    /* other buttons keep working meanwhile */
    ov_buttons_edge(&b, OV_BTN_ANSWER2, 1, T0 + 60000);
    ov_buttons_edge(&b, OV_BTN_ANSWER2, 0, T0 + 60100);
    assert_int_equal(presses_between(OV_BTN_ANSWER2, T0 + 60000, T0 + 60200), 1);
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 0, T0 + 70000);
    assert_int_equal(poll_at(T0 + 70030, p, 4), 1);
    assert_int_equal(p[0].kind, OV_UNSTUCK);
    assert_false(ov_buttons_is_stuck(&b, OV_BTN_ANSWER1));
    /* once free, it works again */
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 1, T0 + 71000);
    assert_int_equal(presses_between(OV_BTN_ANSWER1, T0 + 71000, T0 + 71100), 1);
}

/* A line held low when the kiosk starts (shorted wire): never a vote,
 * reported stuck after stuck_s. */
static void test_held_at_start_is_not_a_press(void **state)
{
    (void)state;
    ov_press p[4];
    ov_buttons_set_level(&b, OV_BTN_ANSWER3, 1, T0);
    assert_int_equal(presses_between(OV_BTN_ANSWER3, T0, T0 + 9995), 0);
    assert_int_equal(poll_at(T0 + 10000, p, 4), 1);
    assert_int_equal(p[0].kind, OV_STUCK);
    assert_int_equal(p[0].button, OV_BTN_ANSWER3);
}

/* The key switch is a level: on, off, and on again at start-up. */
static void test_key_switch_levels(void **state)
{
    (void)state;
    ov_press p[4];
    ov_buttons_edge(&b, OV_BTN_KEY_SWITCH, 1, T0);
    assert_int_equal(poll_at(T0 + 30, p, 4), 1);
    assert_int_equal(p[0].kind, OV_PRESS);
    assert_int_equal(poll_at(T0 + 3600000, p, 4), 0);   /* an hour on: not "stuck" */
    ov_buttons_edge(&b, OV_BTN_KEY_SWITCH, 0, T0 + 3600000);
    assert_int_equal(poll_at(T0 + 3600030, p, 4), 1);
    assert_int_equal(p[0].kind, OV_RELEASE_KEY);
    ov_buttons_set_level(&b, OV_BTN_KEY_SWITCH, 1, T0 + 3700000);   /* line reopened */
    assert_int_equal(poll_at(T0 + 3700000, p, 4), 1);
    assert_int_equal(p[0].kind, OV_PRESS);
    assert_int_equal(p[0].button, OV_BTN_KEY_SWITCH);
}

/* Key auto-repeat (the same level again and again) gives one press. */
static void test_repeated_level_is_one_press(void **state)
{
    (void)state;
    for (int i = 0; i < 10; i++)
        ov_buttons_edge(&b, OV_BTN_SWITCH_MOVE, 1, T0 + (uint64_t)i * 33);
    ov_buttons_edge(&b, OV_BTN_SWITCH_MOVE, 0, T0 + 400);
    assert_int_equal(presses_between(OV_BTN_SWITCH_MOVE, T0, T0 + 500), 1);
}

/* The headless script's `button N` (a tap) goes through the debouncer too. */
static void test_tap_is_one_press(void **state)
{
    (void)state;
    ov_press p[4];
    assert_int_equal(ov_buttons_tap(&b, OV_BTN_ANSWER2, T0), OV_OK);
    assert_int_equal(poll_at(T0, p, 4), 1);
    assert_int_equal(p[0].button, OV_BTN_ANSWER2);
    assert_int_equal(presses_between(OV_BTN_ANSWER2, T0 + 1, T0 + 200), 0);
    assert_false(ov_buttons_is_down(&b, OV_BTN_ANSWER2));
    assert_int_equal(ov_buttons_tap(&b, OV_BTN_COUNT, T0), OV_EINVAL);
    assert_int_equal(ov_buttons_edge(&b, -1, 1, T0), OV_EINVAL);
}

/* Out-of-order timestamps never make a press disappear or repeat. */
static void test_out_of_order_times(void **state)
{
    (void)state;
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 1, T0 + 100);
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 0, T0 + 50);   /* clock went back: taken as T0+100 */
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 1, T0 + 60);
    assert_int_equal(presses_between(OV_BTN_ANSWER1, T0 + 100, T0 + 300), 1);
}

/* The configured debounce time is honoured; silly values are clamped. */
static void test_debounce_setting(void **state)
{
    (void)state;
    ov_press p[4];
    ov_buttons_init(&b, 80, 1500, 10000);
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 1, T0);
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 0, T0 + 50);   /* 50 ms: too short at 80 ms */
    assert_int_equal(poll_at(T0 + 500, p, 4), 0);
    ov_buttons_init(&b, -5, -1, 0);
    assert_int_equal(b.debounce_ms, 0);
    assert_int_equal(b.lockout_ms, 0);
    assert_int_equal(b.stuck_ms, 1000);
    ov_buttons_init(&b, 100000, 10000000, 2000000000);
    assert_int_equal(b.debounce_ms, 500);
    assert_int_equal(b.lockout_ms, 60000);
    assert_int_equal(b.stuck_ms, 3600000);
}

/* The main loop's timeout: due debounce first, then the stuck timer. */
static void test_wait_ms(void **state)
{
    (void)state;
    assert_int_equal(ov_buttons_wait_ms(&b, T0), -1);
    ov_buttons_edge(&b, OV_BTN_ANSWER1, 1, T0);
    assert_int_equal(ov_buttons_wait_ms(&b, T0 + 10), 20);
    ov_press p[4];
    assert_int_equal(poll_at(T0 + 30, p, 4), 1);
    assert_int_equal(ov_buttons_wait_ms(&b, T0 + 30), 10000);
}

/* A flood of events never overruns the queue; what fits comes out in order. */
static void test_queue_overflow_is_safe(void **state)
{
    (void)state;
    ov_press p[64];
    for (int i = 0; i < 40; i++)
        ov_buttons_tap(&b, OV_BTN_HEAR_AGAIN, T0 + (uint64_t)i * 100);
    int n = poll_at(T0 + 5000, p, 64);
    assert_int_equal(n, OV_BUTTONS_QUEUE);
    assert_true(b.dropped > 0);
    for (int i = 1; i < n; i++)
        assert_true(p[i].at_ms > p[i - 1].at_ms);
}

static void test_button_names(void **state)
{
    (void)state;
    assert_string_equal(ov_button_name(OV_BTN_ANSWER1), "answer button 1");
    assert_string_equal(ov_button_name(OV_BTN_HEAR_AGAIN), "hear-again button");
    assert_string_equal(ov_button_name(99), "unknown button");
}

/* Lights: steady on while voting is open, a double blink after a vote. */
static void test_light_pattern(void **state)
{
    (void)state;
    assert_int_equal(ov_lights_state(1, 0, T0), 1);
    assert_int_equal(ov_lights_state(0, 0, T0), 0);
    int seen[6];
    for (int i = 0; i < 6; i++)
        seen[i] = ov_lights_state(1, T0, T0 + (uint64_t)i * OV_LIGHT_BLINK_STEP_MS + 10);
    int want[6] = { 0, 1, 0, 1, 1, 1 };
    assert_memory_equal(seen, want, sizeof want);
    /* voting closed: the blink still shows (on-off-on-off, then off) */
    assert_int_equal(ov_lights_state(0, T0, T0 + 10), 1);
    assert_int_equal(ov_lights_state(0, T0, T0 + 4 * OV_LIGHT_BLINK_STEP_MS), 0);
}

/* The default wiring has a button and a light for every answer of the default
 * scale ("I don't know" included), and lights only the answers that exist. */
static void test_default_wiring_covers_the_default_scale(void **state)
{
    (void)state;
    static ov_config cfg;
    static ov_content c;
    ov_config_defaults(&cfg);
    ov_content_builtin(&c);
    const ov_answer *a[OV_MAX_ANSWERS];
    int n = ov_question_answers(&c, 0, a);
    assert_int_equal(n, 5);
    for (int i = 0; i < n; i++) {
        if (!cfg.gpio_answer[i][0])
            fail_msg("answer %d ('%s') has no button in the default wiring", i + 1, a[i]->word);
        if (!cfg.gpio_light[i][0])
            fail_msg("answer %d ('%s') has no light in the default wiring", i + 1, a[i]->word);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(cfg.gpio_answer[i], cfg.gpio_answer[j]);
    }
    assert_int_equal(ov_lights_mask(1, n), 0x1Fu);
    assert_int_equal(ov_lights_mask(1, 4), 0x0Fu); /* red, amber, green, I don't know: light 5 off */
    assert_int_equal(ov_lights_mask(0, n), 0u);
    assert_int_equal(ov_lights_mask(1, 99), 0x3Fu);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_clean_press_counts_once_after_debounce, setup),
        cmocka_unit_test_setup(test_bounce_train_is_one_press, setup),
        cmocka_unit_test_setup(test_short_spikes_are_ignored, setup),
        cmocka_unit_test_setup(test_late_batch_keeps_press, setup),
        cmocka_unit_test_setup(test_two_presses_without_vote_both_count, setup),
        cmocka_unit_test_setup(test_double_press_after_vote_is_locked_out, setup),
        cmocka_unit_test_setup(test_lockout_only_blocks_answers, setup),
        cmocka_unit_test_setup(test_press_during_speech_counts, setup),
        cmocka_unit_test_setup(test_stuck_button_reported_and_ignored, setup),
        cmocka_unit_test_setup(test_held_at_start_is_not_a_press, setup),
        cmocka_unit_test_setup(test_key_switch_levels, setup),
        cmocka_unit_test_setup(test_repeated_level_is_one_press, setup),
        cmocka_unit_test_setup(test_tap_is_one_press, setup),
        cmocka_unit_test_setup(test_out_of_order_times, setup),
        cmocka_unit_test_setup(test_debounce_setting, setup),
        cmocka_unit_test_setup(test_wait_ms, setup),
        cmocka_unit_test_setup(test_queue_overflow_is_safe, setup),
        cmocka_unit_test_setup(test_button_names, setup),
        cmocka_unit_test_setup(test_light_pattern, setup),
        cmocka_unit_test(test_default_wiring_covers_the_default_scale),
    };
    return cmocka_run_group_tests_name("buttons", tests, NULL, NULL);
}
