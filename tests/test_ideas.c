/* test_ideas.c — ideas, priorities and the action plan (model/ideas.c), the
 * on-screen keyboard (ui/keyboard.c) and a member's priorities choice
 * (ui/ideas_flow.c): what the facilitator and members would notice. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "model/ideas.h"
#include "ui/ideas_flow.h"
#include "ui/keyboard.h"
#include "test_content_fixture.h"

static void ideas_are_added_checked_and_limited(void **state)
{
    (void)state;
    ov_ideas_board b;
    char err[256];
    ov_ideas_init(&b, "Group meeting", "assets");
    assert_int_equal(b.max_choices, 3);
    assert_int_equal(ov_ideas_add(&b, "Members help train staff", err, sizeof err), OV_OK);
    assert_int_equal(ov_ideas_add(&b, "Members help train staff", err, sizeof err), OV_EINVAL);
    assert_int_equal(ov_ideas_add(&b, "   ", err, sizeof err), OV_EINVAL);
    assert_int_equal(ov_ideas_add(&b, "tab\there", err, sizeof err), OV_EINVAL);
    assert_int_equal(ov_ideas_add(&b, "\xff\xfe", err, sizeof err), OV_EINVAL);
    char long_text[OV_IDEA_LEN + 4];
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    assert_int_equal(ov_ideas_add(&b, long_text, err, sizeof err), OV_EINVAL);
    for (int i = 1; i < OV_IDEAS_MAX; i++) {
        char t[16];
        snprintf(t, sizeof t, "Idea %d", i);
        assert_int_equal(ov_ideas_add(&b, t, err, sizeof err), OV_OK);
    }
    assert_int_equal(ov_ideas_add(&b, "One too many", err, sizeof err), OV_ENOSPC);
    assert_non_null(strstr(err, "OV_IDEAS_MAX")); /* the limit is named, never silent */
    assert_int_equal(ov_ideas_remove(&b, 0), OV_OK);
    assert_string_equal(b.ideas[0].text, "Idea 1");
}

static void a_round_counts_choices_and_fixes_the_ideas(void **state)
{
    (void)state;
    ov_ideas_board b;
    char err[256];
    ov_ideas_init(&b, "m", "assets");
    assert_int_equal(ov_ideas_add(&b, "A", err, sizeof err), OV_OK);
    assert_int_equal(ov_ideas_open_round(&b), OV_EINVAL); /* one idea is no choice */
    assert_int_equal(ov_ideas_add(&b, "B", err, sizeof err), OV_OK);
    assert_int_equal(ov_ideas_add(&b, "C", err, sizeof err), OV_OK);
    assert_int_equal(ov_ideas_set_choices(&b, 2), OV_OK);
    int one[1] = { 0 };
    assert_int_equal(ov_ideas_vote(&b, one, 1), OV_EPERM); /* not open yet */
    assert_int_equal(ov_ideas_open_round(&b), OV_OK);
    assert_int_equal(ov_ideas_add(&b, "D", err, sizeof err), OV_EPERM);
    assert_int_equal(ov_ideas_set_choices(&b, 3), OV_EPERM);
    int three[3] = { 0, 1, 2 }, twice[2] = { 1, 1 }, bad[1] = { 7 };
    assert_int_equal(ov_ideas_vote(&b, three, 3), OV_EINVAL); /* more than 2 */
    assert_int_equal(ov_ideas_vote(&b, twice, 2), OV_EINVAL);
    assert_int_equal(ov_ideas_vote(&b, bad, 1), OV_EINVAL);
    assert_int_equal(b.voters, 0); /* nothing counted from a bad choice */
    int c1[2] = { 2, 1 }, c2[1] = { 2 }, c3[2] = { 0, 2 };
    assert_int_equal(ov_ideas_vote(&b, c1, 2), OV_OK);
    assert_int_equal(ov_ideas_vote(&b, c2, 1), OV_OK);
    assert_int_equal(ov_ideas_vote(&b, c3, 2), OV_OK);
    assert_int_equal(b.voters, 3);
    assert_int_equal(b.ideas[2].votes, 3);
    int top[OV_IDEAS_MAX];
    /* threshold 5: 3 voters are protected, so every idea in entered order */
    assert_int_equal(ov_ideas_protected(&b, 5), 1);
    assert_int_equal(ov_ideas_chosen(&b, 5, top, OV_IDEAS_MAX), 3);
    assert_int_equal(top[0], 0);
    /* threshold 3: most chosen first, at most max_choices (2), ties in order */
    assert_int_equal(ov_ideas_chosen(&b, 3, top, OV_IDEAS_MAX), 2);
    assert_int_equal(top[0], 2);
    assert_int_equal(top[1], 0);
    assert_int_equal(ov_ideas_close_round(&b), OV_OK);
    assert_int_equal(ov_ideas_vote(&b, c2, 1), OV_EPERM);
}

static void the_plan_has_what_who_when_and_done(void **state)
{
    (void)state;
    ov_ideas_board b;
    char err[256];
    ov_ideas_init(&b, "m", "assets");
    ov_ideas_add(&b, "A buddy for new members", err, sizeof err);
    assert_int_equal(ov_ideas_set_done(&b, 0, 1), OV_EINVAL); /* no action yet */
    assert_int_equal(ov_ideas_set_plan(&b, 0, "Find 3 buddies", "", "June", err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "who"));
    assert_int_equal(ov_ideas_set_plan(&b, 0, "Find 3 buddies", "Sam", "June", err, sizeof err), OV_OK);
    assert_int_equal(ov_ideas_set_plan(&b, 3, "x", "y", "z", err, sizeof err), OV_EINVAL);
    int done = -1;
    assert_int_equal(ov_ideas_planned(&b, &done), 1);
    assert_int_equal(done, 0);
    assert_int_equal(ov_ideas_set_done(&b, 0, 1), OV_OK);
    ov_ideas_planned(&b, &done);
    assert_int_equal(done, 1);
}

/* A parsed ideas.ini with one [ideas] section and optional [action 1]. */
static void ini_doc(ov_ini_doc *doc, ov_ini_section *s, ov_ini_kv *kv, int with_action, const char *question)
{
    static char k_q[] = "question", k_i[] = "idea", k_w[] = "what", k_who[] = "who", k_when[] = "when";
    static char v_a[] = "Members help train staff", v_b[] = "A buddy scheme", v_w[] = "Plan training";
    static char v_who[] = "Sam", v_when[] = "By June", h_ideas[] = "ideas", h_act[] = "action 1";
    static char qbuf[64];
    snprintf(qbuf, sizeof qbuf, "%s", question);
    kv[0] = (ov_ini_kv){ k_q, qbuf, 2, 0 };
    kv[1] = (ov_ini_kv){ k_i, v_a, 3, 0 };
    kv[2] = (ov_ini_kv){ k_i, v_b, 4, 0 };
    kv[3] = (ov_ini_kv){ k_w, v_w, 6, 0 };
    kv[4] = (ov_ini_kv){ k_who, v_who, 7, 0 };
    kv[5] = (ov_ini_kv){ k_when, v_when, 8, 0 };
    s[0] = (ov_ini_section){ h_ideas, 1, kv, 3, 3 };
    s[1] = (ov_ini_section){ h_act, 5, kv + 3, 3, 3 };
    doc->sec = s;
    doc->n_sec = with_action ? 2 : 1;
    doc->cap_sec = 2;
}

static void a_sticks_ideas_file_is_checked_before_use(void **state)
{
    (void)state;
    ov_content c;
    ov_test_content(&c);
    ov_ini_doc doc;
    ov_ini_section s[2];
    ov_ini_kv kv[6];
    ov_diags d;
    ov_ideas_board b, from;
    char err[256];
    ini_doc(&doc, s, kv, 1, c.questions[0].id);
    ov_diags_init(&d);
    assert_int_equal(ov_ideas_from_ini(&doc, "ideas.ini", &c, "m", &from, &d), OV_OK);
    assert_int_equal(from.n_ideas, 2);
    assert_int_equal(from.ideas[0].planned, 1);
    assert_string_equal(from.ideas[0].plan.who, "Sam");
    ov_ideas_init(&b, "m", c.questions[0].id);
    assert_int_equal(ov_ideas_take_import(&b, &from, err, sizeof err), OV_OK);
    assert_int_equal(b.n_ideas, 2);
    /* a question the content does not have: file:line, and nothing is taken */
    ini_doc(&doc, s, kv, 0, "no-such-question");
    ov_diags_init(&d);
    assert_int_equal(ov_ideas_from_ini(&doc, "ideas.ini", &c, "m", &from, &d), OV_EINVAL);
    assert_true(d.n_errors >= 1);
    assert_non_null(strstr(d.items[0].text, "ideas.ini:2:"));
}

/* Three pages of 13 characters and the same 4 controls in the same slots
 * (and Cancel, the layout's, in the last): every letter, digit and mark is
 * on exactly one page; the page key goes round and says the page it shows. */
static void the_keyboard_types_deletes_and_switches(void **state)
{
    (void)state;
    ov_kb_key keys[OV_KB_MAX_KEYS];
    int seen[128] = { 0 };
    for (int p = 0; p < OV_KB_PAGES; p++) {
        int n = ov_keyboard_keys((ov_kb_page)p, keys, OV_KB_MAX_KEYS);
        assert_int_equal(n, OV_KB_SLOTS - 1); /* 13 characters, next page, Space, Delete, Done */
        for (int i = 0; i < n; i++) {
            assert_int_equal(keys[i].slot, i);
            if (keys[i].kind == OV_KB_CHAR) {
                assert_true(i < OV_KB_CHARS);
                seen[(int)keys[i].ch]++;
                assert_int_equal(ov_keyboard_page_of(keys[i].ch), p);
            }
        }
        assert_int_equal(keys[OV_KB_CHARS].kind, OV_KB_NEXT_PAGE);
        assert_int_equal(keys[OV_KB_CHARS + 1].kind, OV_KB_SPACE);
        assert_int_equal(keys[OV_KB_CHARS + 2].kind, OV_KB_DELETE);
        assert_int_equal(keys[OV_KB_CHARS + 3].kind, OV_KB_DONE);
    }
    for (int c = 'A'; c <= 'Z'; c++)
        assert_int_equal(seen[c], 1);
    for (int c = '0'; c <= '9'; c++)
        assert_int_equal(seen[c], 1);
    assert_int_equal(seen['.'] + seen[','] + seen['\''], 3);
    assert_int_equal(ov_keyboard_page_of('-'), -1);
    ov_kb_key am[OV_KB_MAX_KEYS];
    ov_keyboard_keys(OV_KB_PAGE_A_M, am, OV_KB_MAX_KEYS);
    ov_keyboard kb;
    ov_keyboard_init(&kb, OV_KB_PAGE_A_M, NULL);
    const ov_kb_key *b = &am[1], *e = &am[4], *next = &am[OV_KB_CHARS], *space = &am[OV_KB_CHARS + 1];
    const ov_kb_key *del = &am[OV_KB_CHARS + 2], *done = &am[OV_KB_CHARS + 3];
    assert_int_equal(ov_keyboard_press(&kb, b), OV_KB_TYPED);
    ov_keyboard_press(&kb, e);
    ov_keyboard_press(&kb, space);
    ov_keyboard_press(&kb, e);
    assert_string_equal(kb.text, "Be e"); /* a capital only at the start */
    assert_int_equal(ov_keyboard_press(&kb, del), OV_KB_DELETED);
    assert_string_equal(kb.text, "Be ");
    char word[32];
    assert_string_equal(next->label, "N\u2013Z");
    assert_int_equal(ov_keyboard_press(&kb, next), OV_KB_SWITCHED);
    assert_int_equal(kb.page, OV_KB_PAGE_N_Z);
    ov_keyboard_key_word(&kb, next, word, sizeof word);
    assert_string_equal(word, "letters N to Z");
    ov_keyboard_press(&kb, next);
    assert_int_equal(kb.page, OV_KB_PAGE_NUMBERS);
    ov_keyboard_key_word(&kb, next, word, sizeof word);
    assert_string_equal(word, "numbers");
    ov_kb_key nums[OV_KB_MAX_KEYS];
    ov_keyboard_keys(OV_KB_PAGE_NUMBERS, nums, OV_KB_MAX_KEYS);
    ov_keyboard_key_word(&kb, &nums[11], word, sizeof word); /* "." */
    assert_string_equal(word, "full stop");
    /* a Welsh content's words for the marks and the pages (ui/ideas_fac.c gives them) */
    kb.full_stop = "atalnod llawn";
    kb.page_a_m = "llythrennau A i M";
    ov_keyboard_key_word(&kb, &nums[11], word, sizeof word);
    assert_string_equal(word, "atalnod llawn");
    ov_keyboard_press(&kb, &nums[OV_KB_CHARS]);
    assert_int_equal(kb.page, OV_KB_PAGE_A_M); /* round again */
    ov_keyboard_key_word(&kb, next, word, sizeof word);
    assert_string_equal(word, "llythrennau A i M");
    kb.full_stop = kb.page_a_m = NULL;
    ov_keyboard_key_word(&kb, space, word, sizeof word);
    assert_string_equal(word, "space");
    assert_int_equal(ov_keyboard_press(&kb, done), OV_KB_FINISHED);
    /* the text never grows past its field: a full keyboard says so */
    for (int i = 0; i < OV_KB_TEXT_LEN + 5; i++)
        ov_keyboard_press(&kb, e);
    assert_int_equal(ov_keyboard_press(&kb, e), OV_KB_FULL);
    assert_int_equal(strlen(kb.text), OV_KB_TEXT_LEN - 1);
}

static void a_member_toggles_up_to_n_ideas_reviews_and_is_thanked(void **state)
{
    (void)state;
    ov_ideas_flow f;
    ov_ideas_flow_init(&f, 4, 2, 60000, 3000, 800, 1000);
    assert_int_equal(f.screen, OV_IDEAS_CHOOSE);
    assert_true(ov_ideas_flow_act(&f, OV_ACT_YES, 0, 1100) & OV_FLOW_SPEAK); /* none chosen: says so */
    assert_int_equal(f.note, OV_IDEAS_NOTE_NONE_CHOSEN);
    ov_ideas_flow_act(&f, OV_ACT_CHOOSE, 1, 1200);
    ov_ideas_flow_act(&f, OV_ACT_CHOOSE, 3, 1300);
    ov_ideas_flow_act(&f, OV_ACT_CHOOSE, 0, 1400); /* a third: refused, and said */
    assert_int_equal(f.note, OV_IDEAS_NOTE_FULL);
    assert_int_equal(ov_ideas_flow_count(&f), 2);
    ov_ideas_flow_act(&f, OV_ACT_CHOOSE, 3, 1500); /* one press again takes it back */
    ov_ideas_flow_act(&f, OV_ACT_CHOOSE, 0, 1600);
    ov_ideas_flow_act(&f, OV_ACT_YES, 0, 1700);
    assert_int_equal(f.screen, OV_IDEAS_REVIEW);
    ov_ideas_flow_act(&f, OV_ACT_NO, 0, 1800); /* go back keeps the choice */
    assert_int_equal(f.screen, OV_IDEAS_CHOOSE);
    assert_int_equal(ov_ideas_flow_count(&f), 2);
    ov_ideas_flow_act(&f, OV_ACT_YES, 0, 1900);
    assert_int_equal(ov_ideas_flow_act(&f, OV_ACT_YES, 0, 2000), OV_FLOW_WANT_COMMIT);
    int p[OV_IDEAS_MAX];
    assert_int_equal(ov_ideas_flow_pending(&f, p, OV_IDEAS_MAX), 2);
    assert_int_equal(p[0], 0);
    assert_int_equal(p[1], 1);
    assert_true(ov_ideas_flow_committed(&f, 1, 2100) & OV_FLOW_BLINK);
    assert_int_equal(f.screen, OV_IDEAS_THANKS);
    assert_int_equal(ov_ideas_flow_count(&f), 0); /* nothing of the choice stays */
    assert_int_equal(ov_ideas_flow_act(&f, OV_ACT_CHOOSE, 0, 2200), OV_FLOW_NOTHING);
    ov_ideas_flow_tick(&f, 5200);
    assert_int_equal(f.screen, OV_IDEAS_CHOOSE); /* the next member starts fresh */
}

static void a_half_made_choice_is_forgotten_when_left(void **state)
{
    (void)state;
    ov_ideas_flow f;
    ov_ideas_flow_init(&f, 3, 3, 60000, 3000, 800, 0);
    assert_int_equal(ov_ideas_flow_next_deadline(&f, 0), -1); /* nothing to time out: sleep */
    ov_ideas_flow_act(&f, OV_ACT_FOCUS_NEXT, 0, 100);
    ov_ideas_flow_act(&f, OV_ACT_ACTIVATE, 0, 200); /* keys and scanning choose the highlighted idea */
    assert_int_equal(f.chosen[0], 1);
    assert_int_equal(ov_ideas_flow_next_deadline(&f, 200), 60000);
    ov_ideas_flow_tick(&f, 60300);
    assert_int_equal(ov_ideas_flow_count(&f), 0);
    ov_ideas_flow_act(&f, OV_ACT_CHOOSE, 2, 70000);
    ov_ideas_flow_act(&f, OV_ACT_YES, 0, 70100);
    ov_ideas_flow_committed(&f, 0, 70200); /* the store failed: no thank-you */
    assert_int_equal(f.screen, OV_IDEAS_NOT_SAVED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ideas_are_added_checked_and_limited),
        cmocka_unit_test(a_round_counts_choices_and_fixes_the_ideas),
        cmocka_unit_test(the_plan_has_what_who_when_and_done),
        cmocka_unit_test(a_sticks_ideas_file_is_checked_before_use),
        cmocka_unit_test(the_keyboard_types_deletes_and_switches),
        cmocka_unit_test(a_member_toggles_up_to_n_ideas_reviews_and_is_thanked),
        cmocka_unit_test(a_half_made_choice_is_forgotten_when_left),
    };
    return cmocka_run_group_tests_name("ideas", tests, NULL, NULL);
}
