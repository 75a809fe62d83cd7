/* test_layout.c — every screen at every supported size, with the real fonts
 * and the default content: targets are at least 20 mm, text is big enough,
 * nothing is clipped and nothing overlaps. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "ui/layout.h"
#include "platform/render.h"
#include "model/theme.h"

static const struct { int w, h; } sizes[] = {
    { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 1920, 1080 }, { 720, 1280 }, { 480, 800 },
};
static const char *const themes[] = { "standard", "large-text", "high-contrast" };

static ov_render *render;
static ov_content content;

static int setup(void **state)
{
    (void)state;
    char err[256];
    assert_int_equal(ov_render_open(NULL, "standard", &render, err, sizeof err), OV_OK);
    ov_content_builtin(&content);
    return 0;
}

static int teardown(void **state) { (void)state; ov_render_close(render); return 0; }

static void check_layout(const ov_layout *l, const char *what)
{
    char msg[256];
    snprintf(msg, sizeof msg, "%s", what);
    if (!l->all_fit) fail_msg("%s: some text does not fit its box", msg);
    double mm = l->px_per_mm;
    for (int i = 0; i < l->n_buttons; i++) {
        ov_rect r = l->buttons[i].rect;
        if (!ov_rect_inside(r, l->screen)) fail_msg("%s: button %d is off the screen", msg, i);
        if (r.w < 20 * mm - 1 || r.h < 20 * mm - 1)
            fail_msg("%s: button %d is %.1f x %.1f mm, under 20 mm", msg, i, r.w / mm, r.h / mm);
        for (int j = i + 1; j < l->n_buttons; j++)
            if (ov_rect_overlap(r, l->buttons[j].rect)) fail_msg("%s: buttons %d and %d overlap", msg, i, j);
        if (l->picture.w && ov_rect_overlap(r, l->picture)) fail_msg("%s: button %d covers the picture", msg, i);
    }
    for (int t = 0; t < l->n_texts; t++) {
        const ov_text_block *b = &l->texts[t].block;
        int owner = -1;
        for (int i = 0; i < l->n_buttons; i++) if (l->buttons[i].label == t) owner = i;
        if (l->texts[t].role != OV_TEXT_SMALL && b->font_px < 3.5 * mm)
            fail_msg("%s: text %d is %d px (%.1f mm), too small to read", msg, t, b->font_px, b->font_px / mm);
        for (int w = 0; w < b->n_words; w++) {
            ov_rect r = b->words[w].rect;
            if (!ov_rect_inside(r, b->box)) fail_msg("%s: word %d of text %d is outside its box", msg, w, t);
            if (!ov_rect_inside(r, l->screen)) fail_msg("%s: word %d of text %d is off the screen", msg, w, t);
            if (l->picture.w && ov_rect_overlap(r, l->picture)) fail_msg("%s: text %d is drawn over the picture", msg, t);
            for (int i = 0; i < l->n_buttons; i++) {
                if (i == owner) {
                    if (!ov_rect_inside(r, l->buttons[i].rect)) fail_msg("%s: label %d sticks out of its button", msg, t);
                    if (ov_rect_overlap(r, l->buttons[i].icon)) fail_msg("%s: label %d is over its picture", msg, t);
                } else if (ov_rect_overlap(r, l->buttons[i].rect)) {
                    fail_msg("%s: text %d is under button %d", msg, t, i);
                }
            }
        }
        for (int u = t + 1; u < l->n_texts; u++)
            if (b->n_words && l->texts[u].block.n_words && ov_rect_overlap(b->used, l->texts[u].block.used))
                fail_msg("%s: texts %d and %d overlap", msg, t, u);
    }
}

static void lay(ov_flow *f, int w, int h, const char *theme, const char *warning, const char *what)
{
    ov_layout_env env = { w, h, ov_px_per_mm(w, h, 0), ov_theme_get(theme)->text_scale,
                          ov_render_measure, render, "assets/pictures", 0, 0, 0 };
    static ov_layout l;
    ov_layout_screen(&env, f, warning, &l);
    char label[200];
    snprintf(label, sizeof label, "%dx%d %s %s", w, h, theme, what);
    check_layout(&l, label);
}

static void every_screen_fits_at_every_size(void **state)
{
    (void)state;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (size_t th = 0; th < sizeof themes / sizeof themes[0]; th++) {
            int w = sizes[s].w, h = sizes[s].h;
            ov_flow f;
            ov_flow_init(&f, &content, 1, 90000, 4000, 0, 0);
            lay(&f, w, h, themes[th], NULL, "welcome");
            lay(&f, w, h, themes[th], "For the facilitator: the questions in /media/usb/content have problems, so the built-in questions are used.", "welcome+warning");
            ov_flow_act(&f, OV_ACT_ANY, 0, 1);
            for (int q = 0; q < content.n_questions; q++) {
                char what[64];
                snprintf(what, sizeof what, "question %d", q + 1);
                lay(&f, w, h, themes[th], NULL, what);
                const ov_answer *a[OV_MAX_ANSWERS];
                int n = ov_question_answers(&content, q, a);
                for (int i = 0; i < n; i++) {
                    ov_flow_act(&f, OV_ACT_CHOOSE, i, 2);
                    snprintf(what, sizeof what, "confirm q%d answer %d", q + 1, i + 1);
                    lay(&f, w, h, themes[th], NULL, what);
                    if (i + 1 < n) ov_flow_act(&f, OV_ACT_NO, 0, 3);
                }
                ov_flow_act(&f, OV_ACT_YES, 0, 4);
            }
            ov_flow_committed(&f, 1, 5);
            lay(&f, w, h, themes[th], NULL, "thanks");
            ov_flow_init(&f, &content, 0, 90000, 4000, 0, 0);
            ov_flow_act(&f, OV_ACT_ANY, 0, 1);
            for (int q = 0; q < content.n_questions; q++) ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2);
            ov_flow_committed(&f, 0, 5);
            lay(&f, w, h, themes[th], NULL, "not saved");
        }
}

static void the_longest_texts_still_fit(void **state)
{
    (void)state;
    ov_content c = content;
    /* 15-word sentences (the easy-read maximum) in all 3 places, the longest words */
    for (int q = 0; q < c.n_questions; q++) {
        c.questions[q].n_sentences = 3;
        for (int i = 0; i < 3; i++)
            ov_strlcpy(c.questions[q].sentences[i],
                       "We make sure everybody in the group can share their ideas and their skills with us.",
                       sizeof c.questions[q].sentences[i]);
        ov_strlcpy(c.questions[q].title, "Building social networks together", sizeof c.questions[q].title);
    }
    for (int s = 0; s < c.n_scales; s++)
        for (int a = 0; a < c.scales[s].n_answers; a++)
            if (!c.scales[s].answers[a].dont_know) ov_strlcpy(c.scales[s].answers[a].word, "Doing really well", sizeof c.scales[s].answers[a].word);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        ov_flow f;
        ov_flow_init(&f, &c, 1, 90000, 4000, 0, 0);
        ov_flow_act(&f, OV_ACT_ANY, 0, 1);
        lay(&f, sizes[s].w, sizes[s].h, "standard", NULL, "longest question");
    }
    /* large text: the longest two sentences (3 full-length sentences are more than a
     * 7-inch screen holds at 1.4x; check-content warns about that) */
    for (int q = 0; q < c.n_questions; q++) c.questions[q].n_sentences = 2;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        ov_flow f;
        ov_flow_init(&f, &c, 1, 90000, 4000, 0, 0);
        ov_flow_act(&f, OV_ACT_ANY, 0, 1);
        lay(&f, sizes[s].w, sizes[s].h, "large-text", NULL, "longest question");
    }
}

static void speech_positions_map_to_the_words_on_screen(void **state)
{
    (void)state;
    ov_flow f;
    ov_flow_init(&f, &content, 1, 90000, 4000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    ov_layout_env env = { 800, 480, ov_px_per_mm(800, 480, 0), 1.0, ov_render_measure, render, "assets/pictures", 0, 0, 0 };
    static ov_layout l;
    ov_layout_screen(&env, &f, NULL, &l);
    /* the speech starts with the progress, then the title; every spoken word is found at its own position */
    char start[OV_SENTENCE_LEN * 2], progress[OV_SENTENCE_LEN];
    snprintf(progress, sizeof progress, content.texts.progress, 1, content.n_questions);
    snprintf(start, sizeof start, "%s. %s", progress, content.questions[0].title);
    assert_memory_equal(l.speech, start, strlen(start));
    int found = 0;
    for (int t = 0; t < l.n_texts; t++) {
        if (!l.texts[t].spoken) continue;
        for (int w = 0; w < l.texts[t].block.n_words; w++) {
            int ti, wi;
            assert_true(ov_layout_word_at(&l, l.texts[t].speech_offset + l.texts[t].block.words[w].char_start, &ti, &wi));
            assert_int_equal(ti, t);
            assert_int_equal(wi, w);
            found++;
        }
    }
    assert_true(found >= 10);
    /* a touch on the first answer button hits that answer */
    for (int i = 0; i < l.n_buttons; i++) {
        ov_rect r = l.buttons[i].rect;
        ov_target t = ov_layout_hit(&l, r.x + r.w / 2, r.y + r.h / 2);
        assert_int_equal(t.kind, l.buttons[i].target.kind);
        assert_int_equal(t.index, l.buttons[i].target.index);
    }
}

static void physical_size_defaults(void **state)
{
    (void)state;
    /* the official 7" panel: 800 px over about 154 mm */
    assert_true(ov_px_per_mm(800, 480, 0) > 5.0 && ov_px_per_mm(800, 480, 0) < 5.5);
    assert_true(ov_px_per_mm(1920, 1080, 0) < 2.5);           /* a TV */
    assert_true(ov_px_per_mm(1280, 720, 15.6) > 3.6 && ov_px_per_mm(1280, 720, 15.6) < 3.9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_fits_at_every_size),
        cmocka_unit_test(the_longest_texts_still_fit),
        cmocka_unit_test(speech_positions_map_to_the_words_on_screen),
        cmocka_unit_test(physical_size_defaults),
    };
    return cmocka_run_group_tests_name("layout", tests, setup, teardown);
}
