/* test_scan.c — switch access scanning (firmware/scan.c): the highlight
 * moves and is announced at the configured pace, a press chooses what is
 * highlighted, scanning pauses after its rounds, two switches move/choose,
 * and switch presses come through the same debouncer as buttons. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ui/buttons.h"
#include "ui/scan.h"

#define T0 50000u

/* Tick every 10 ms over [from, to]; record highlighted items in order. */
static int run(ov_scan *s, uint64_t from, uint64_t to, int *items, int max, int *paused_at)
{
    int n = 0;
    ov_scan_event ev;
    for (uint64_t t = from; t <= to; t += 10) {
        if (!ov_scan_tick(s, t, &ev))
            continue;
        if (ev.what == OV_SCAN_HIGHLIGHT && n < max)
            items[n++] = ev.item;
        if (ev.what == OV_SCAN_PAUSED && paused_at)
            *paused_at = (int)(t - from);
    }
    return n;
}

static void test_modes_and_interval_limits(void **state)
{
    (void)state;
    assert_int_equal(ov_scan_parse_mode("off"), OV_SCAN_OFF);
    assert_int_equal(ov_scan_parse_mode("single"), OV_SCAN_SINGLE);
    assert_int_equal(ov_scan_parse_mode("two"), OV_SCAN_TWO);
    assert_int_equal(ov_scan_parse_mode("Single!"), OV_EINVAL);
    assert_int_equal(ov_scan_parse_mode(NULL), OV_EINVAL);
    assert_int_equal(ov_scan_clamp_interval(100), 750);
    assert_int_equal(ov_scan_clamp_interval(9000), 5000);
    assert_int_equal(ov_scan_clamp_interval(1200), 1200);
    assert_int_equal(ov_scan_clamp_interval(0), 2000);
}

/* Single switch, default 2 s: item 0 is highlighted (and spoken) at once,
 * then 1, 2, 3, 0, ... every 2 s, not faster. */
static void test_single_switch_moves_every_interval(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_SINGLE, 0, 3);
    assert_int_equal(s.interval_ms, 2000);
    assert_int_equal(ov_scan_start(&s, 4, T0, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_HIGHLIGHT);
    assert_int_equal(ev.item, 0);
    assert_int_equal(ov_scan_tick(&s, T0 + 1990, &ev), 0);
    assert_int_equal(ov_scan_wait_ms(&s, T0 + 1990), 10);
    int items[16];
    int n = run(&s, T0 + 2000, T0 + 9990, items, 16, NULL);
    int want[] = { 1, 2, 3, 0 };
    assert_int_equal(n, 4);
    assert_memory_equal(items, want, sizeof want);
}

/* A press chooses the item highlighted at that moment. */
static void test_single_switch_press_chooses_highlight(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_SINGLE, 1000, 3);
    ov_scan_start(&s, 3, T0, &ev);
    int items[8];
    run(&s, T0 + 10, T0 + 2500, items, 8, NULL);   /* now on item 2 */
    assert_int_equal(s.current, 2);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 2500, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_CHOOSE);
    assert_int_equal(ev.item, 2);
    /* other buttons are not switches */
    assert_int_equal(ov_scan_press(&s, OV_BTN_ANSWER1, T0 + 2600, &ev), 0);
}

/* After `rounds` rounds with no press the scan stops (quiet kiosk); the next
 * press starts again from the first item and does not choose anything. */
static void test_single_switch_pauses_after_rounds(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_SINGLE, 750, 2);
    ov_scan_start(&s, 3, T0, &ev);
    int items[16], paused_at = -1;
    int n = run(&s, T0 + 10, T0 + 20000, items, 16, &paused_at);
    /* item 0 at start, then 5 more moves: 1 2 0 1 2, then the pause */
    int want[] = { 1, 2, 0, 1, 2 };
    assert_int_equal(n, 5);
    assert_memory_equal(items, want, sizeof want);
    assert_int_equal(paused_at, 6 * 750 - 10);
    assert_int_equal(s.current, -1);
    assert_int_equal(ov_scan_wait_ms(&s, T0 + 20000), -1);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 30000, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_HIGHLIGHT);
    assert_int_equal(ev.item, 0);
    /* and scanning goes on from there */
    n = run(&s, T0 + 30010, T0 + 30760, items, 16, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(items[0], 1);
}

/* A stalled loop (e.g. a slow disk) does not cause a burst of moves. */
static void test_single_switch_no_burst_after_stall(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_SINGLE, 1000, 5);
    ov_scan_start(&s, 4, T0, &ev);
    assert_int_equal(ov_scan_tick(&s, T0 + 7000, &ev), 1);
    assert_int_equal(ev.item, 1);
    assert_int_equal(ov_scan_tick(&s, T0 + 7010, &ev), 0);
    assert_int_equal(ov_scan_tick(&s, T0 + 8000, &ev), 1);
    assert_int_equal(ev.item, 2);
}

/* Two switches: move steps (wrapping), choose picks; nothing moves alone. */
static void test_two_switch(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_TWO, 2000, 3);
    assert_int_equal(ov_scan_start(&s, 4, T0, &ev), 0);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_SELECT, T0 + 100, &ev), 0);  /* nothing highlighted */
    int items[4];
    assert_int_equal(run(&s, T0, T0 + 20000, items, 4, NULL), 0);
    int seen[6];
    for (int i = 0; i < 6; i++) {
        assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 20000 + (uint64_t)i * 300, &ev), 1);
        assert_int_equal(ev.what, OV_SCAN_HIGHLIGHT);
        seen[i] = ev.item;
    }
    int want[] = { 0, 1, 2, 3, 0, 1 };
    assert_memory_equal(seen, want, sizeof want);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_SELECT, T0 + 30000, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_CHOOSE);
    assert_int_equal(ev.item, 1);
}

/* Scanning off: switch presses do nothing here. */
static void test_off(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_OFF, 2000, 3);
    assert_int_equal(ov_scan_start(&s, 4, T0, &ev), 0);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0, &ev), 0);
    assert_int_equal(ov_scan_tick(&s, T0 + 10000, &ev), 0);
}

/* The whole path for a switch user: Space key down/up with contact bounce
 * → debouncer → scan; a bouncy switch chooses once, not twice. */
static void test_switch_through_debouncer(void **state)
{
    (void)state;
    ov_buttons b;
    ov_scan s;
    ov_scan_event ev;
    ov_buttons_init(&b, 30, 1500, 10000);
    ov_scan_init(&s, OV_SCAN_TWO, 2000, 3);
    ov_scan_start(&s, 4, T0, &ev);
    int highlights = 0, chosen = -1, chooses = 0;
    /* two clean moves, then a bouncy choose */
    uint64_t t = T0;
    for (int k = 0; k < 2; k++, t += 400) {
        ov_buttons_edge(&b, OV_BTN_SWITCH_MOVE, 1, t);
        ov_buttons_edge(&b, OV_BTN_SWITCH_MOVE, 0, t + 150);
    }
    int level = 1;
    for (int i = 0; i < 7; i++, level = !level)
        ov_buttons_edge(&b, OV_BTN_SWITCH_SELECT, level, t + (uint64_t)i * 2);
    ov_buttons_edge(&b, OV_BTN_SWITCH_SELECT, 0, t + 200);
    for (uint64_t now = T0; now < t + 600; now += 5) {
        ov_press p;
        while (ov_buttons_poll(&b, now, &p, 1) == 1) {
            if (p.kind == OV_PRESS && ov_scan_press(&s, p.button, now, &ev)) {
                if (ev.what == OV_SCAN_HIGHLIGHT)
                    highlights++;
                if (ev.what == OV_SCAN_CHOOSE) {
                    chooses++;
                    chosen = ev.item;
                }
            }
        }
    }
    assert_int_equal(highlights, 2);
    assert_int_equal(chooses, 1);
    assert_int_equal(chosen, 1);
}

/* The label of each highlighted item is heard in full: the highlight stays
 * while it is spoken, and the interval counts from the end of the speech. */
static void test_waits_for_item_speech(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_SINGLE, 1000, 3);
    ov_scan_start(&s, 3, T0, &ev);
    ov_scan_wait_speech(&s, T0);
    int items[8];
    assert_int_equal(run(&s, T0 + 10, T0 + 4000, items, 8, NULL), 0); /* a long label: still item 0 */
    assert_int_equal(s.current, 0);
    ov_scan_speech_done(&s, T0 + 4000);
    assert_int_equal(ov_scan_tick(&s, T0 + 4990, &ev), 0);
    assert_int_equal(ov_scan_tick(&s, T0 + 5000, &ev), 1);
    assert_int_equal(ev.item, 1);
    assert_int_equal(ev.pressed, 0);
    /* a "hear it again" reading holds the highlight the same way */
    ov_scan_wait_speech(&s, T0 + 5000);
    assert_int_equal(run(&s, T0 + 5010, T0 + 15000, items, 8, NULL), 0);
    assert_int_equal(s.current, 1);
    /* a voice that never ends does not stop the scan for ever */
    assert_int_equal(run(&s, T0 + 15010, T0 + 5000 + OV_SCAN_SPEECH_MAX_MS + 1100, items, 8, NULL), 1);
    assert_int_equal(items[0], 2);
}

/* The first item after a start is held longer (first_ms, default 1.5 x interval). */
static void test_first_item_held_longer(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_SINGLE, 1000, 3);
    ov_scan_set_timing(&s, 0, 0, 0);
    assert_int_equal(s.first_ms, 1500);
    ov_scan_set_timing(&s, 2500, 0, 0);
    ov_scan_start(&s, 3, T0, &ev);
    assert_int_equal(ov_scan_tick(&s, T0 + 2490, &ev), 0);
    assert_int_equal(ov_scan_tick(&s, T0 + 2500, &ev), 1);
    assert_int_equal(ev.item, 1);
    assert_int_equal(ov_scan_tick(&s, T0 + 3490, &ev), 0); /* then the plain interval */
    assert_int_equal(ov_scan_tick(&s, T0 + 3500, &ev), 1);
    assert_int_equal(ev.item, 2);
    /* limits: never shorter than the interval, never above the maximum */
    ov_scan_set_timing(&s, 100, 99999, -5);
    assert_int_equal(s.first_ms, 1000);
    assert_int_equal(s.accept_ms, OV_SCAN_FILTER_MAX_MS);
    assert_int_equal(s.release_ms, 0);
}

/* A stopped scan starts again with a press: item 0, held longer, and the
 * event says a press caused it (the kiosk counts it as activity). */
static void test_press_restarts_paused_scan(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_SINGLE, 750, 1);
    ov_scan_set_timing(&s, 2000, 0, 0);
    ov_scan_start(&s, 2, T0, &ev);
    int items[8], paused_at = -1;
    run(&s, T0 + 10, T0 + 10000, items, 8, &paused_at);
    assert_true(paused_at > 0);
    assert_int_equal(ov_scan_is_paused(&s), 1);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_SELECT, T0 + 20000, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_HIGHLIGHT);
    assert_int_equal(ev.item, 0);
    assert_int_equal(ev.pressed, 1);
    assert_int_equal(ov_scan_is_paused(&s), 0);
    assert_int_equal(ov_scan_tick(&s, T0 + 21990, &ev), 0);
    assert_int_equal(ov_scan_tick(&s, T0 + 22000, &ev), 1);
}

/* Two switches: every move press is reported as a press (activity). */
static void test_two_switch_moves_are_presses(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_TWO, 2000, 3);
    ov_scan_start(&s, 3, T0, &ev);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 10, &ev), 1);
    assert_int_equal(ev.pressed, 1);
    assert_int_equal(ev.what, OV_SCAN_HIGHLIGHT);
}

/* Feed one switch press (down at `at`, up after `hold` ms) through the real
 * debouncer and the scan, ticking every 5 ms until `until`; count chooses. */
static int press_through(ov_buttons *b, ov_scan *s, int button, uint64_t at, int hold, uint64_t until)
{
    int chooses = 0;
    ov_scan_event ev;
    ov_buttons_edge(b, button, 1, at);
    ov_buttons_edge(b, button, 0, at + (uint64_t)hold);
    for (uint64_t now = at; now < until; now += 5) {
        ov_press p;
        while (ov_buttons_poll(b, now, &p, 1) == 1)
            if (p.kind == OV_PRESS && ov_scan_press(s, p.button, now, &ev) && ev.what == OV_SCAN_CHOOSE)
                chooses++;
        if (ov_scan_tick(s, now, &ev) && ev.what == OV_SCAN_CHOOSE)
            chooses++;
    }
    return chooses;
}

/* Hold-to-accept: a brief knock of a trembling hand chooses nothing; a
 * press held for accept_ms chooses. */
static void test_hold_to_accept(void **state)
{
    (void)state;
    ov_buttons b;
    ov_scan s;
    ov_scan_event ev;
    ov_buttons_init(&b, 30, 1500, 10000);
    ov_scan_init(&s, OV_SCAN_TWO, 2000, 3);
    ov_scan_set_timing(&s, 0, 300, 0);
    ov_scan_attach_buttons(&s, &b);
    ov_scan_start(&s, 3, T0, &ev);
    s.current = 1;
    assert_int_equal(press_through(&b, &s, OV_BTN_SWITCH_SELECT, T0, 150, T0 + 800), 0);
    assert_int_equal(press_through(&b, &s, OV_BTN_SWITCH_SELECT, T0 + 1000, 500, T0 + 2000), 1);
}

/* Release time: a second press starting soon after the switch was let go
 * (a tremor's double hit) is ignored; a later press counts. */
static void test_release_time(void **state)
{
    (void)state;
    ov_buttons b;
    ov_scan s;
    ov_scan_event ev;
    ov_buttons_init(&b, 30, 1500, 10000);
    ov_scan_init(&s, OV_SCAN_TWO, 2000, 3);
    ov_scan_set_timing(&s, 0, 0, 500);
    ov_scan_attach_buttons(&s, &b);
    ov_scan_start(&s, 3, T0, &ev);
    s.current = 0;
    assert_int_equal(press_through(&b, &s, OV_BTN_SWITCH_SELECT, T0, 100, T0 + 200), 1);
    assert_int_equal(press_through(&b, &s, OV_BTN_SWITCH_SELECT, T0 + 250, 100, T0 + 600), 0);
    assert_int_equal(press_through(&b, &s, OV_BTN_SWITCH_SELECT, T0 + 1500, 100, T0 + 1800), 1);
}

/* Two-switch set-up (VVSG 2.0): a member whose "move" is the switch wired to
 * choose says so first; the switches then swap; a second press of the
 * first switch asks again; the next member starts from the wiring. */
static void test_two_switch_set_up_learns_which_switch_moves(void **state)
{
    (void)state;
    ov_scan s;
    ov_scan_event ev;
    ov_scan_init(&s, OV_SCAN_TWO, 0, 3);
    ov_scan_learn(&s, 1);
    assert_int_equal(ov_scan_learning(&s), OV_SCAN_LEARN_MOVE);
    /* before any screen's items: the set-up still takes presses */
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_SELECT, T0, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_ASK_CHOOSE);
    assert_int_equal(ev.pressed, 1);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_SELECT, T0 + 500, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_ASK_CHOOSE);      /* the same switch again: asked again */
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 1000, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_LEARNED);
    assert_int_equal(ov_scan_learning(&s), OV_SCAN_LEARN_DONE);
    ov_scan_start(&s, 3, T0 + 1500, &ev);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 2000, &ev), 0); /* now "choose": nothing lit */
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_SELECT, T0 + 2500, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_HIGHLIGHT);       /* the wired "choose" moves */
    assert_int_equal(ev.item, 0);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_SELECT, T0 + 3000, &ev), 1);
    assert_int_equal(ev.item, 1);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 3500, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_CHOOSE);
    assert_int_equal(ev.item, 1);
    /* the next member: the wiring as built until they say otherwise */
    ov_scan_learn(&s, 1);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 4000, &ev), 1);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_SELECT, T0 + 4500, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_LEARNED);
    ov_scan_start(&s, 3, T0 + 5000, &ev);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 5500, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_HIGHLIGHT);
    /* a set-up left half done (a touch started the visit) keeps the wiring */
    ov_scan_learn(&s, 1);
    ov_scan_press(&s, OV_BTN_SWITCH_SELECT, T0 + 6000, &ev);
    ov_scan_learn(&s, 0);
    ov_scan_start(&s, 3, T0 + 6500, &ev);
    assert_int_equal(ov_scan_press(&s, OV_BTN_SWITCH_MOVE, T0 + 7000, &ev), 1);
    assert_int_equal(ev.what, OV_SCAN_HIGHLIGHT);
    /* single-switch scanning has no set-up */
    ov_scan_init(&s, OV_SCAN_SINGLE, 0, 3);
    ov_scan_learn(&s, 1);
    assert_int_equal(ov_scan_learning(&s), OV_SCAN_LEARN_DONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_modes_and_interval_limits),
        cmocka_unit_test(test_single_switch_moves_every_interval),
        cmocka_unit_test(test_single_switch_press_chooses_highlight),
        cmocka_unit_test(test_single_switch_pauses_after_rounds),
        cmocka_unit_test(test_single_switch_no_burst_after_stall),
        cmocka_unit_test(test_two_switch),
        cmocka_unit_test(test_off),
        cmocka_unit_test(test_switch_through_debouncer),
        cmocka_unit_test(test_waits_for_item_speech),
        cmocka_unit_test(test_first_item_held_longer),
        cmocka_unit_test(test_press_restarts_paused_scan),
        cmocka_unit_test(test_two_switch_moves_are_presses),
        cmocka_unit_test(test_two_switch_set_up_learns_which_switch_moves),
        cmocka_unit_test(test_hold_to_accept),
        cmocka_unit_test(test_release_time),
    };
    return cmocka_run_group_tests_name("scan", tests, NULL, NULL);
}
