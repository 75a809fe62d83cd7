/* test_layout_all.c — layout never drops a target: every member and
 * facilitator screen (the import preview and a refused import too), at every
 * supported size, in every theme, in English and Welsh, and with tricky texts
 * (6 answers, the longest allowed words and sentences), with each setting that
 * changes a screen's words (switch scanning, arcade buttons, headphones), laid out with the real
 * fonts (a facilitator screen may make a text smaller to fit, never under
 * the minimum size). Fails when a target the screen model needs is missing, off the
 * screen, under 20 mm or overlapping another; when text is under the minimum
 * size or smaller than a neighbour in the same role; when large text is
 * smaller than standard; when an answer without a picture has no shape of its
 * own; when portrait breaks the scale's order or shrinks the question picture
 * under 30 mm. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/layout.h"
#include "ui/facilitator.h"
#include "ui/ideas_fac.h"
#include "ui/layout_ideas.h"
#include "ui/layout_fit.h"
#include "ui/layout_scan.h"
#include "model/content_check.h"
#include "model/content_texts.h"
#include "model/easyread.h"
#include "platform/render.h"
#include "platform/content_load.h"
#include "platform/content_ini.h"
#include "model/theme.h"
#include "base/utf8.h"

#define MIN_TARGET_MM 20.0
#define MIN_TEXT_MM 3.5
#define MIN_PORTRAIT_PICTURE_MM 30.0
#define MIN_PROGRESS_FACE_MM 5.0 /* the faces of "last time / this time", and never smaller than the chart's */
#define MAX_SCREENS 320

static const struct {
    int w, h;
} sizes[] = {
    { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 1920, 1080 }, { 480, 800 }, { 720, 1280 },
};
static const char *const themes[] = { "standard", "high-contrast", "large-text" };
static const char *const languages[] = { "assets/content/en", "assets/content/cy" };

/* Every problem is printed (the first MAX_PRINTED) and counted; the test fails at the end. */
#define MAX_PRINTED 80
static int n_problems;
#define PROBLEM(...)                                                                                         \
    do {                                                                                                     \
        if (n_problems++ < MAX_PRINTED) {                                                                    \
            printf(__VA_ARGS__);                                                                             \
            printf("\n");                                                                                    \
        }                                                                                                    \
    } while (0)

static ov_render *render;
#define N_CONTENTS 8
#define FIRST_WORST 4    /* content[4], [5]: the worst of [2], [3] the checker accepts */
#define FIRST_PRACTICE 6 /* content[6], [7]: en and cy with a practice question (member screens only) */
static ov_content *content[N_CONTENTS]; /* en, cy, 6 answers, long words, their worst, en and cy practice */

/* The smallest text of each role on one screen, to compare large text with standard. */
typedef struct {
    char name[96];
    int min_px[4];
    int face_px; /* smallest answer picture, 0: none */
} screen_sizes;

typedef struct {
    const char *where; /* "1280x720 large-text en" */
    double px_per_mm;
    screen_sizes seen[MAX_SCREENS];
    int n_seen;
} run;

/* Tricky content: 6 answers without pictures (told apart by shape) or the
 * default 5, with long words and sentences. The worst case (worst = 1)
 * starts from the longest texts each box takes alone: 3 sentences
 * (OV_MAX_SENTENCES) of 15 words (OV_EASYREAD_MAX_WORDS), words of up to 14
 * letters, 175 to 191 bytes; a 92-byte title (OV_TITLE_LEN 96) of 10 long
 * words; answer words as long as ov_layout_fit lets them be on the smallest
 * screen (one 11-letter word, 21 letters in 3 words); a 15-word `say` (each
 * checked with the checker's own fit function: tricky_texts_are_accepted).
 * Then derive_accepted shortens it as the checker's whole-screen check
 * (ov_layout_screens_fit) says until the checker accepts it: the sweep lays
 * out the worst content check-content accepts, and
 * one_step_worse_than_the_worst_is_refused checks that one word or sentence
 * more is refused (OV_DIAG_SCREEN_NOT_FIT). */
static const char *const tricky_sentences[OV_MAX_SENTENCES] = {
    "Neighbourhood volunteers consistently demonstrate extraordinary understanding, encouraging "
    "everybody's participation, friendships, independence, responsibility, togetherness and achievements.",
    "Everybody's contributions, experiences, perspectives and relationships strengthen neighbourhood "
    "organisations, encouraging friendships, understanding, togetherness and independence.",
    "Facilitators, volunteers and participants regularly acknowledge everybody's extraordinary "
    "achievements, contributions, experiences, perspectives, friendships and togetherness.",
};
static const char tricky_title[] =
    "How well do neighbourhood volunteers acknowledge everybody's contributions and achievements?";
static const char *const tricky_words[2] = { "Brilliantly", "Hardly ever happening" };
static const char tricky_say[] =
    "We are doing really well with everybody in the neighbourhood group here today, thank you very much.";

static void make_tricky(ov_content *c, int six, int worst)
{
    static const char *const words[2][2] = { { "Some", "A lot" }, { "Doing really well", "Everything" } };
    ov_content_builtin(c);
    ov_scale *s = &c->scales[0];
    static const char *const shapes[] = { "circle", "triangle", "square", "star", "face-happy", "question" };
    if (six)
        s->n_answers = OV_MAX_ANSWERS;
    for (int a = 0; a < s->n_answers; a++) {
        ov_answer *an = &s->answers[a];
        snprintf(an->id, sizeof an->id, "a%d", a);
        ov_strlcpy(an->word, worst ? tricky_words[a % 2] : words[!six][a % 2], sizeof an->word);
        if (six) {
            if (!an->colour[0]) /* the answer past the built-in scale's */
                ov_strlcpy(an->colour, "blue", sizeof an->colour);
            an->shape = ov_shape_parse(shapes[a]);
            an->picture[0] = '\0'; /* no pictures: the shapes must tell them apart */
        }
        ov_strlcpy(an->say, worst ? tricky_say : "We are doing really well with everybody in the group here today.",
                   sizeof an->say);
        an->dont_know = a == s->n_answers - 1;
    }
    for (int q = 0; q < c->n_questions; q++) {
        ov_question *qu = &c->questions[q];
        qu->n_sentences = OV_MAX_SENTENCES;
        for (int i = 0; i < OV_MAX_SENTENCES; i++)
            ov_strlcpy(qu->sentences[i],
                       worst ? tricky_sentences[i] : "Everybody here can share their ideas and skills with us.",
                       sizeof qu->sentences[i]);
        ov_strlcpy(qu->title, worst ? tricky_title : "How well do we build friendships?", sizeof qu->title);
    }
}

/* The tricky texts are what check-content accepts: each fits its box on
 * every screen by the checker's own measure (no "may not fit" warning), is
 * short enough to store, and keeps to 15 words a sentence. */
static void tricky_texts_are_accepted(void)
{
    ov_layout_fit_ctx fit = { ov_render_measure, render };
    for (int i = 0; i < OV_MAX_SENTENCES; i++) {
        assert_true(strlen(tricky_sentences[i]) < OV_SENTENCE_LEN);
        assert_int_equal(ov_easyread_words(tricky_sentences[i]), OV_EASYREAD_MAX_WORDS);
        assert_int_equal(ov_layout_fit(&fit, OV_FIT_SENTENCE, tricky_sentences[i]), 1);
    }
    assert_true(strlen(tricky_title) < OV_TITLE_LEN);
    assert_int_equal(ov_layout_fit(&fit, OV_FIT_TITLE, tricky_title), 1);
    for (int i = 0; i < 2; i++) {
        assert_true(strlen(tricky_words[i]) < OV_WORD_LEN);
        assert_int_equal(ov_layout_fit(&fit, OV_FIT_ANSWER_WORD, tricky_words[i]), 1);
    }
    assert_true(strlen(tricky_say) < OV_SENTENCE_LEN);
    assert_int_equal(ov_layout_fit(&fit, OV_FIT_ANSWER_SAY, tricky_say), 1);
}

/* Drop the last word of `text` (a one-word text loses its last letter). */
static void drop_last_word(char *text)
{
    char *sp = strrchr(text, ' ');
    size_t n = strlen(text);
    if (sp)
        *sp = '\0';
    else if (n > 1)
        text[n - 1] = '\0';
}

/* Cut `text` after a word to at most `letters` letters (ov_misfit.title_letters). */
static void cut_to(char *text, int letters)
{
    while (strchr(text, ' ') && (int)ov_utf8_count(text) > letters)
        drop_last_word(text);
}

/* Make the answer word of q's scale that is widest by letters one word (or letter) shorter. */
static void shorten_answers(ov_content *c, int q)
{
    ov_scale *s = &c->scales[c->questions[q].scale];
    int best = 0;
    for (int a = 1; a < s->n_answers; a++)
        if (strlen(s->answers[a].word) > strlen(s->answers[best].word))
            best = a;
    drop_last_word(s->answers[best].word);
}

/* Change c as the checker's misfit m says: fewer sentences, else the shorter title it names; where it
 * names neither, a sentence less, else a word less in each sentence. */
static void apply_fix(ov_content *c, const ov_misfit *m)
{
    ov_question *q = &c->questions[m->question];
    if (m->screen == OV_MISFIT_REVIEW || m->screen == OV_MISFIT_ROUND) {
        for (int i = 0; i < c->n_questions; i++)
            cut_to(c->questions[i].title, m->title_letters ? m->title_letters : 1);
    } else if (m->screen == OV_MISFIT_CONFIRM) {
        const ov_answer *a[OV_MAX_ANSWERS];
        ov_question_answers(c, m->question, a);
        drop_last_word(((ov_answer *)a[m->answer])->say);
    } else if (m->fix == OV_FIX_ANSWERS) {
        shorten_answers(c, m->question);
    } else if (m->screen == OV_MISFIT_QUESTION && m->sentences) {
        q->n_sentences = m->sentences; /* first: the title is read first, keep as much of it as fits */
    } else if (m->screen == OV_MISFIT_QUESTION && m->title_letters) {
        cut_to(q->title, m->title_letters);
    } else if (q->n_sentences > 1) {
        q->n_sentences--;
    } else {
        for (int i = 0; i < q->n_sentences; i++)
            drop_last_word(q->sentences[i]);
    }
}

/* What the checker accepts at worst (for the log). */
static void print_worst(const ov_content *c, int rounds)
{
    printf("worst accepted (after %d round(s) of fixes, %d answers):", rounds, c->scales[0].n_answers);
    for (int q = 0; q < c->n_questions; q++)
        printf(" q%d: title %zu letters, %d sentence%s of %zu letters;", q + 1,
               ov_utf8_count(c->questions[q].title), c->questions[q].n_sentences,
               c->questions[q].n_sentences == 1 ? "" : "s", ov_utf8_count(c->questions[q].sentences[0]));
    printf(" answers '%s', '%s'\n", c->scales[0].answers[0].word, c->scales[0].answers[1].word);
}

/* The longest line content.ini may have: inih's INI_MAX_LINE (200) less the
 * newline and NUL (platform/content_ini.c); a sentence's line has its key too. */
#define INI_LINE_MAX 198
#define SENTENCE_KEY "sentence = "

/* Shorten each sentence of c until it can be written in content.ini at all. */
static void fit_ini_lines(ov_content *c)
{
    for (int q = 0; q < c->n_questions; q++)
        for (int i = 0; i < c->questions[q].n_sentences; i++)
            while (strlen(SENTENCE_KEY) + strlen(c->questions[q].sentences[i]) > INI_LINE_MAX)
                drop_last_word(c->questions[q].sentences[i]);
}

#define MAX_DERIVE_ROUNDS 200 /* far more than the fixes of 4 questions need */

/* The worst-case tricky content is the worst the checker accepts: the
 * tricky texts, shortened as the checker's misfits say until it accepts
 * every screen (a fix that does not make its screen fit fails here). */
static void derive_accepted(ov_content *c)
{
    ov_layout_fit_ctx fit = { ov_render_measure, render };
    ov_misfit m[OV_MAX_QUESTIONS + 2];
    fit_ini_lines(c);
    for (int round = 0; round < MAX_DERIVE_ROUNDS; round++) {
        int n = ov_layout_screens_fit(&fit, c, m, (int)OV_ARRAY_LEN(m));
        assert_true(n >= 0);
        if (n == 0) {
            print_worst(c, round);
            return;
        }
        for (int i = 0; i < n; i++)
            apply_fix(c, &m[i]);
    }
    fail_msg("the checker still refuses the worst case after %d rounds of its fixes", MAX_DERIVE_ROUNDS);
}

static int setup(void **state)
{
    (void)state;
    char err[256];
    assert_int_equal(ov_render_open(NULL, "standard", &render, err, sizeof err), OV_OK);
    for (int i = 0; i < N_CONTENTS; i++) {
        content[i] = calloc(1, sizeof *content[i]);
        assert_non_null(content[i]);
    }
    for (int i = 0; i < 2; i++) {
        static ov_diags d;
        ov_diags_init(&d);
        if (ov_content_load(languages[i], content[i], &d) != OV_OK)
            fail_msg("%s does not load", languages[i]);
    }
    tricky_texts_are_accepted();
    for (int worst = 0; worst < 2; worst++) {
        make_tricky(content[2 + 2 * worst], 1, worst);
        make_tricky(content[3 + 2 * worst], 0, worst);
    }
    for (int i = FIRST_WORST; i < FIRST_PRACTICE; i++)
        derive_accepted(content[i]);
    for (int i = FIRST_PRACTICE; i < N_CONTENTS; i++) { /* practice = yes on the first question */
        *content[i] = *content[i - FIRST_PRACTICE];
        content[i]->questions[0].practice = 1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < N_CONTENTS; i++)
        free(content[i]);
    ov_render_close(render);
    return 0;
}

static void check_targets(const ov_layout *l, const ov_target *need, int n_need, const char *what)
{
    double mm = l->px_per_mm;
    for (int k = 0; k < n_need; k++) {
        int found = 0;
        for (int i = 0; i < l->n_buttons; i++)
            if (l->buttons[i].target.kind == need[k].kind && l->buttons[i].target.index == need[k].index)
                found = 1;
        if (!found)
            PROBLEM("%s: target %d (kind %d, index %d) is missing", what, k, need[k].kind, need[k].index);
    }
    for (int i = 0; i < l->n_buttons; i++) {
        ov_rect r = l->buttons[i].rect;
        if (!ov_rect_inside(r, l->screen))
            PROBLEM("%s: button %d is off the screen", what, i);
        if (r.w < MIN_TARGET_MM * mm - 1 || r.h < MIN_TARGET_MM * mm - 1)
            PROBLEM("%s: button %d is %.1f x %.1f mm, under 20 mm", what, i, r.w / mm, r.h / mm);
        for (int j = i + 1; j < l->n_buttons; j++)
            if (ov_rect_overlap(r, l->buttons[j].rect))
                PROBLEM("%s: buttons %d and %d overlap", what, i, j);
    }
}

static int label_owner(const ov_layout *l, int t)
{
    for (int i = 0; i < l->n_buttons; i++)
        if (l->buttons[i].label == t)
            return i;
    return -1;
}

/* Neighbours in the same role: body texts, titles (not keypad digits or
 * counts) and the labels of targets of the same kind. */
static int same_role(const ov_layout *l, int a, int b)
{
    if (l->texts[a].role != l->texts[b].role)
        return 0;
    int oa = label_owner(l, a), ob = label_owner(l, b);
    if (oa < 0 && ob < 0)
        return 1;
    if (oa < 0 || ob < 0)
        return 0;
    return l->buttons[oa].target.kind == l->buttons[ob].target.kind &&
           (l->buttons[oa].icon_path[0] != 0) == (l->buttons[ob].icon_path[0] != 0);
}

/* facilitator: 1 for a facilitator screen, where a text may be made smaller
 * to fit (down to the minimum size, checked below): the same size for every
 * text of a role is a rule of the member screens. */
static void check_texts(const ov_layout *l, const char *what, screen_sizes *ss, int facilitator)
{
    double mm = l->px_per_mm;
    if (!l->all_fit && !facilitator) {
        PROBLEM("%s: some text does not fit its box", what);
        for (int t = 0; t < l->n_texts; t++) { /* name the texts that needed shrinking */
            static ov_text_block again;
            const ov_layout_text *lt = &l->texts[t];
            if (ov_wrap_text(lt->block.text, lt->block.font_px + 1,
                             lt->block.bold, lt->block.box, ov_render_measure,
                             render, &again) != OV_OK)
              PROBLEM("%s:   text %d ('%.40s', %d px) only just fits its box",
                      what, t, lt->block.text, lt->block.font_px);
        }
    }
    for (int r = 0; r < 4; r++)
        ss->min_px[r] = 1 << 20;
    for (int t = 0; t < l->n_texts; t++) {
        const ov_text_block *b = &l->texts[t].block;
        if (b->font_px < MIN_TEXT_MM * mm)
          PROBLEM("%s: text %d is %d px (%.1f mm), too small to read", what, t,
                  b->font_px, b->font_px / mm);
        for (int w = 0; w < b->n_words; w++)
            if (!ov_rect_inside(b->words[w].rect, l->screen))
                PROBLEM("%s: word %d of text %d is off the screen", what, w, t);
        for (int u = 0; u < l->n_texts; u++)
            if (u != t && same_role(l, t, u) && b->font_px < l->texts[u].block.font_px)
                PROBLEM("%s: text %d ('%.30s') is %d px, smaller than text %d (%d px) in the same role", what,
                         t, b->text, b->font_px, u, l->texts[u].block.font_px);
        if (b->font_px < ss->min_px[l->texts[t].role])
            ss->min_px[l->texts[t].role] = b->font_px;
    }
}

/* Answers: shapes set where there is no picture, all different; portrait keeps the order. */
static void check_answers(const ov_layout *l, int portrait, const char *what, screen_sizes *ss)
{
    const ov_layout_button *a[OV_LAYOUT_MAX_BUTTONS];
    int n = 0;
    ss->face_px = 0;
    for (int i = 0; i < l->n_buttons; i++)
        if (l->buttons[i].target.kind == OV_TARGET_ANSWER)
            a[n++] = &l->buttons[i];
    for (int i = 0; i < n; i++) {
        if (!a[i]->icon_path[0] && a[i]->shape == OV_SHAPE_NONE)
            PROBLEM("%s: answer %d has neither a picture nor a shape", what, i);
        for (int j = 0; j < i; j++)
            if (!a[i]->icon_path[0] && !a[j]->icon_path[0] && a[i]->shape == a[j]->shape)
                PROBLEM("%s: answers %d and %d have no picture and the same shape", what, j, i);
        if (!ss->face_px || a[i]->icon.w < ss->face_px)
            ss->face_px = a[i]->icon.w;
    }
    if (!portrait || n < 2)
        return;
    int row = 1, col = 1;
    for (int i = 1; i < n; i++) {
        row &= a[i]->rect.y == a[0]->rect.y && a[i]->rect.x > a[i - 1]->rect.x;
        col &= a[i]->rect.x == a[0]->rect.x && a[i]->rect.y > a[i - 1]->rect.y;
    }
    if (!row && !col)
        PROBLEM("%s: the %d answers are not in one row or one column in their order", what, n);
}

static screen_sizes *note(run *rn, const char *name)
{
    if (rn->n_seen >= MAX_SCREENS)
        fail_msg("more than %d screens: raise MAX_SCREENS", MAX_SCREENS);
    screen_sizes *ss = &rn->seen[rn->n_seen++];
    ov_strlcpy(ss->name, name, sizeof ss->name);
    return ss;
}

static ov_layout_env env_for(int w, int h, const char *theme)
{
    ov_layout_env env = { w, h, ov_px_per_mm(w, h, 0), ov_theme_get(theme)->text_scale,
                          ov_render_measure, render, "assets/pictures", 0, 0, 0 };
    return env;
}

static void lay_member(run *rn, const ov_layout_env *env, ov_flow *f, const char *warning, const char *name)
{
    static ov_layout l;
    char what[200];
    snprintf(what, sizeof what, "%s %s", rn->where, name);
    ov_layout_screen(env, f, warning, &l);
    ov_target need[OV_MAX_TARGETS];
    int n = ov_flow_targets(f, need, OV_MAX_TARGETS);
    check_targets(&l, need, n, what);
    check_texts(&l, what, note(rn, name), 0);
    screen_sizes *ss = &rn->seen[rn->n_seen - 1];
    check_answers(&l, env->h > env->w, what, ss);
    int note = 0; /* the practice question's note is on its screen, and only there */
    for (int t = 0; t < l.n_texts; t++)
        note += l.texts[t].block.text && !strcmp(l.texts[t].block.text, f->content->texts.practice_note);
    if (note != (f->screen == OV_SCREEN_QUESTION && f->question == f->practice))
        PROBLEM("%s: the practice note is %s", what, note ? "on a screen that is not practice" : "missing");
    if (env->h > env->w && f->screen == OV_SCREEN_QUESTION &&
        l.picture.w < MIN_PORTRAIT_PICTURE_MM * l.px_per_mm)
      PROBLEM("%s: the question picture is %.1f mm, under 30 mm", what,
              l.picture.w / l.px_per_mm);
}

/* The stopped scan's strip ("Press your switch to start again") over question 1. */
static void lay_scan_stopped(run *rn, const ov_layout_env *env, ov_flow *f)
{
    static ov_layout l;
    char what[200];
    snprintf(what, sizeof what, "%s scan stopped", rn->where);
    ov_layout_screen(env, f, NULL, &l);
    if (ov_layout_scan_prompt(env, f->content->texts.scan_restart, &l) != OV_OK)
        PROBLEM("%s: the strip is not there", what);
    ov_target need[OV_MAX_TARGETS];
    check_targets(&l, need, ov_flow_targets(f, need, OV_MAX_TARGETS), what);
    check_texts(&l, what, note(rn, "scan stopped"), 0);
}

/* The screens a member meets now and then: "Are you still there?", every
 * page of "Tell me more" (issue 14), "Who are you today?" with the most
 * groups, and the stopped scan's strip. */
static void now_and_then_screens(run *rn, const ov_layout_env *env, const ov_content *c)
{
    static ov_content with_groups;
    static const char *const words[OV_MAX_GROUPS] = { "I use the service", "I work here", "I volunteer",
                                                      "I am a carer", "I am a neighbour", "Someone else" };
    ov_flow f;
    char name[64];
    ov_flow_init(&f, c, 1, 90000, 4000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    lay_scan_stopped(rn, env, &f);
    int pages = 0;
    while (ov_flow_act(&f, pages ? OV_ACT_YES : OV_ACT_MORE, 0, 2) != OV_FLOW_NOTHING) {
        snprintf(name, sizeof name, "tell me more page %d", ++pages);
        lay_member(rn, env, &f, NULL, name);
    }
    if (pages != ov_more_pages(c, 0))
        PROBLEM("%s: %d of the %d Tell me more pages laid out", rn->where, pages, ov_more_pages(c, 0));
    ov_flow_tick(&f, 1000000); /* long after the last touch */
    if (f.screen != OV_SCREEN_IDLE_WARNING)
        PROBLEM("%s: no idle warning", rn->where);
    lay_member(rn, env, &f, NULL, "idle warning");
    with_groups = *c;
    with_groups.who.n_groups = OV_MAX_GROUPS;
    for (int g = 0; g < OV_MAX_GROUPS; g++) {
        ov_group *gr = &with_groups.who.groups[g];
        snprintf(gr->id, sizeof gr->id, "g%d", g);
        ov_strlcpy(gr->word, words[g], sizeof gr->word);
        ov_strlcpy(gr->colour, c->scales[0].answers[g % c->scales[0].n_answers].colour, sizeof gr->colour);
        gr->shape = (ov_shape)(g + 1);
    }
    ov_flow_init(&f, &with_groups, 1, 90000, 4000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    if (f.screen != OV_SCREEN_WHO)
        PROBLEM("%s: no Who are you today?", rn->where);
    lay_member(rn, env, &f, NULL, "who are you today");
}

static void member_screens(run *rn, const ov_layout_env *env, const ov_content *c)
{
    ov_flow f;
    char name[64];
    ov_flow_init(&f, c, 1, 90000, 4000, 0, 0);
    ov_flow_set_practice(&f, ov_content_practice(c)); /* as the kiosk does */
    ov_layout_env by_switch = *env, by_buttons = *env, headphones = *env; /* the settings that change words */
    by_buttons.buttons_in_use = 1; /* the confirm says which button to press */
    headphones.private_audio = 1;  /* the review's answers say their words */
    lay_member(rn, env, &f, NULL, "welcome");
    static const char *const switch_names[] = { "welcome+switch", "welcome+two switches",
                                                "welcome+switch set-up move", "welcome+switch set-up choose" };
    for (int s = OV_LAYOUT_SCAN_SINGLE; s <= OV_LAYOUT_SCAN_SETUP_CHOOSE; s++) { /* each switch user's words */
        by_switch.scanning = s;
        lay_member(rn, &by_switch, &f, NULL, switch_names[s - OV_LAYOUT_SCAN_SINGLE]);
    }
    lay_member(rn, env, &f, "Ask the facilitator: the new questions have problems.", "welcome+warning");
    ov_flow_act(&f, OV_ACT_SOUND, 0, 1);
    lay_member(rn, env, &f, NULL, "sound");
    ov_flow_set_screen_off_offer(&f, 1, 0); /* headphones in: "Screen off" beside "Go back" */
    lay_member(rn, env, &f, NULL, "sound+headphones");
    ov_flow_act(&f, OV_ACT_SCREEN_OFF, 0, 1);
    lay_member(rn, env, &f, NULL, "sound+screen off");
    ov_flow_set_screen_off_offer(&f, 0, 0);
    ov_flow_act(&f, OV_ACT_NO, 0, 1);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    for (int q = 0; q < c->n_questions; q++) {
        snprintf(name, sizeof name, "question %d", q + 1);
        lay_member(rn, env, &f, NULL, name);
        const ov_answer *a[OV_MAX_ANSWERS];
        int n = ov_question_answers(c, q, a);
        for (int i = 0; i < n; i++) {
            ov_flow_act(&f, OV_ACT_CHOOSE, i, 2);
            snprintf(name, sizeof name, "confirm q%d a%d", q + 1, i + 1);
            lay_member(rn, env, &f, NULL, name);
            snprintf(name, sizeof name, "confirm q%d a%d+buttons", q + 1, i + 1);
            lay_member(rn, &by_buttons, &f, NULL, name);
            if (i + 1 < n)
                ov_flow_act(&f, OV_ACT_NO, 0, 3);
        }
        ov_flow_act(&f, OV_ACT_YES, 0, 4);
    }
    if (f.screen == OV_SCREEN_REVIEW) { /* every answer, its caption, its face and "save" */
        lay_member(rn, env, &f, NULL, "review");
        lay_member(rn, &headphones, &f, NULL, "review+headphones");
    }
    ov_flow_committed(&f, 1, 5);
    lay_member(rn, env, &f, NULL, "thanks");
    ov_flow_init(&f, c, 0, 90000, 4000, 0, 0);
    ov_flow_set_practice(&f, ov_content_practice(c));
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    for (int q = 0; q < c->n_questions; q++)
        ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2);
    ov_flow_committed(&f, 0, 5);
    lay_member(rn, env, &f, NULL, "not saved");
    now_and_then_screens(rn, env, c);
}

/* 1 when rectangle r shares a pixel with a word of any text of l. */
static int meets_a_word(const ov_layout *l, ov_rect r)
{
    for (int t = 0; t < l->n_texts; t++)
        for (int w = 0; w < l->texts[t].block.n_words; w++)
            if (ov_rect_overlap(r, l->texts[t].block.words[w].rect))
                return 1;
    return 0;
}

/* Results compared with last time (issue 14): both faces of the picture are
 * there, on the screen, big enough to see, clear of every word, button and bar. */
static void check_progress(const ov_layout *l, const ov_menu *mn, const char *what)
{
    if (!mn->progress.shown)
        return;
    for (int i = 0; i < 2; i++) {
        ov_rect f = l->progress.face[i];
        if (f.w <= 0) {
            PROBLEM("%s: face %d of the last time / this time picture is missing", what, i);
            continue;
        }
        if (!ov_rect_inside(f, l->screen))
            PROBLEM("%s: face %d of the progress picture is off the screen", what, i);
        if (f.w < MIN_PROGRESS_FACE_MM * l->px_per_mm)
            PROBLEM("%s: face %d of the progress picture is %.1f mm, under %.0f mm", what, i,
                    f.w / l->px_per_mm, MIN_PROGRESS_FACE_MM);
        if (l->n_bars > 0 && f.w < l->bars[0].icon.w)
            PROBLEM("%s: face %d of the progress picture (%d px) is smaller than the chart's (%d px)", what, i,
                    f.w, l->bars[0].icon.w);
        if (meets_a_word(l, f))
            PROBLEM("%s: face %d of the progress picture is over a word", what, i);
        for (int b = 0; b < l->n_buttons; b++)
            if (ov_rect_overlap(f, l->buttons[b].rect))
                PROBLEM("%s: face %d of the progress picture is over button %d", what, i, b);
        for (int b = 0; b < l->n_bars; b++)
            if (ov_rect_overlap(f, l->bars[b].track) || ov_rect_overlap(f, l->bars[b].icon))
                PROBLEM("%s: face %d of the progress picture is over bar %d of the chart", what, i, b);
    }
    if (l->progress.arrow.w > 0 && meets_a_word(l, l->progress.arrow))
        PROBLEM("%s: the arrow of the progress picture is over a word", what);
}

static void lay_menu(run *rn, const ov_layout_env *env, const ov_fac *fac, const char *name)
{
    static ov_menu mn;
    static ov_layout l;
    char what[200];
    snprintf(what, sizeof what, "%s %s", rn->where, name);
    assert_int_equal(ov_fac_menu(fac, &mn), OV_OK);
    ov_layout_menu(env, &mn, fac->content->texts.hear_again, &l);
    ov_target need[OV_MENU_MAX_ITEMS + 1];
    for (int i = 0; i < mn.n_items; i++)
        need[i] = (ov_target){ OV_TARGET_MENU, i };
    need[mn.n_items] = (ov_target){ OV_TARGET_HEAR_AGAIN, 0 };
    check_targets(&l, need, mn.n_items + 1, what);
    check_texts(&l, what, note(rn, name), 1);
    /* no line of any facilitator menu is left out */
    for (int i = 0; i < mn.n_lines; i++) {
        int shown = 0;
        for (int t = 0; t < l.n_texts; t++)
            shown |= !strcmp(l.texts[t].block.text, mn.lines[i]);
        if (!shown)
            PROBLEM("%s: line %d ('%.40s') is not shown", what, i, mn.lines[i]);
    }
    if (l.n_bars != mn.n_bars) /* the chart is the point of the results screen */
        PROBLEM("%s: %d of the %d bars of the chart are shown", what, l.n_bars, mn.n_bars);
    check_progress(&l, &mn, what);
}

/* The import screen with more lines than fit on one page: 6 changes and the
 * votes note (ok), or 7 problems (refused), the longest the kiosk writes;
 * every page is laid out, and "Next page" is there on each. */
static void import_pages(run *rn, const ov_layout_env *env, ov_fac *fac, int ok)
{
    static const char *const changes[] = {
        "\u201cHow well do we use the skills people bring?\u201d gets a new title: "
        "\u201cHow well do we use the skills and strengths people bring?\u201d.",
        "The kiosk will not ask \u201cHow well do we thank people for their time and effort?\u201d any more.",
        "New question: \u201cHow well do we help people give as well as get support here?\u201d.",
        "\u201cHow well do we build friendships?\u201d now has the answers \u201cReally haven't got this\u201d.",
        "The answer \u201cDoing really well\u201d is now \u201cWe are doing really well\u201d.",
        "\u201cHow well do we build friendships?\u201d loses the answer \u201cGetting there\u201d.",
        "Answers people already gave stay in the results.",
    };
    static const char *const problems[] = {
        "Question \u201cassets\u201d: the title is too long: at most 64 letters (content.ini line 12).",
        "Question \u201cvalue\u201d: the picture is missing: put it in the pictures folder (content.ini line 30).",
        "The answer \u201cno\u201d of \u201cyes-no\u201d: the picture is a link to another place; copy the file "
        "itself (content.ini line 41).",
        "Question \u201creciprocity\u201d: a sentence has more than 15 words (content.ini line 52).",
        "Question \u201cnetworks\u201d: the recording is not a sound file the kiosk can play (content.ini line 60).",
        "The scale \u201cstages\u201d has an answer with no word (content.ini line 77).",
        "The text \u201cwelcome\u201d has a letter the kiosk cannot show (content.ini line 90).",
    };
    ov_fac_import_preview(fac, ok ? changes : problems, 7, ok);
    static ov_menu mn;
    for (int page = 0; page < 3; page++) {
        char name[48];
        snprintf(name, sizeof name, "import %s page %d", ok ? "preview" : "refused", page + 1);
        lay_menu(rn, env, fac, name);
        assert_int_equal(ov_fac_menu(fac, &mn), OV_OK);
        int next = ov_menu_find(&mn, OV_MENU_IMPORT_PAGE, 0);
        if (next < 0)
            fail_msg("%s: 7 lines and no Next page", name);
        ov_fac_press(fac, next, 1);
    }
}

static void facilitator_screens(run *rn, const ov_layout_env *env, const ov_content *c, ov_results *res)
{
    static ov_fac fac;
    ov_fac_init(&fac, c, "", "Tuesday group");
    ov_fac_open(&fac, 0, 1);
    ov_strlcpy(fac.typed, "12", sizeof fac.typed);
    lay_menu(rn, env, &fac, "pin");
    fac.screen = OV_FAC_NEW_PIN;
    lay_menu(rn, env, &fac, "new pin");
    fac.screen = OV_FAC_MENU;
    fac.export_verified = fac.stick_present = fac.stick_has_content = 1;
    lay_menu(rn, env, &fac, "menu");
    ov_strlcpy(fac.problem,
               "The sound does not work. Plug in the speaker and turn it on.",
               sizeof fac.problem);
    lay_menu(rn, env, &fac, "menu to check");
    ov_fac_show_results(&fac, res);
    lay_menu(rn, env, &fac, "results");
    fac.screen = OV_FAC_MEETING;
    lay_menu(rn, env, &fac, "meeting");
    fac.screen = OV_FAC_ROUND;
    lay_menu(rn, env, &fac, "round");
    fac.screen = OV_FAC_CONFIRM_CLEAR;
    lay_menu(rn, env, &fac, "confirm clear");
    fac.screen = OV_FAC_SETTINGS;
    ov_strlcpy(fac.theme, "large-text", sizeof fac.theme);
    lay_menu(rn, env, &fac, "settings");
    const char *const changes[] = { "New question: How well do we share our skills?",
                                    "Changed question: How well do we thank helpers?",
                                    "Gone: Friends and community.", "Same: 2 questions." };
    ov_fac_import_preview(&fac, changes, 4, 1);
    lay_menu(rn, env, &fac, "import preview");
    import_pages(rn, env, &fac, 1);
    const char *const refused[] = { "content.ini line 12: the title is too long (at most 40 letters).",
                                    "content.ini line 30: the picture answer-x.svg is missing." };
    ov_fac_import_preview(&fac, refused, 2, 0);
    lay_menu(rn, env, &fac, "import refused");
    import_pages(rn, env, &fac, 0);
    ov_fac_message(&fac, "The votes are saved on the USB stick.", "You can take the stick out now.");
    lay_menu(rn, env, &fac, "message");
}

static ov_results *results_for(const ov_content *c)
{
    ov_results *r = ov_results_new();
    assert_non_null(r);
    r->n_questions = 2;
    for (int q = 0; q < 2; q++) {
        ov_result_question *rq = &r->questions[q];
        ov_strlcpy(rq->title, c->questions[q].title, sizeof rq->title);
        const ov_answer *a[OV_MAX_ANSWERS];
        rq->n_answers = ov_question_answers(c, q, a);
        for (int i = 0; i < rq->n_answers; i++) {
            ov_strlcpy(rq->answers[i].id, a[i]->id, sizeof rq->answers[i].id);
            ov_strlcpy(rq->answers[i].word, a[i]->word, sizeof rq->answers[i].word);
            ov_strlcpy(rq->answers[i].colour, a[i]->colour, sizeof rq->answers[i].colour);
            rq->answers[i].count = 3 + i;
        }
        ov_results_finish_question(rq, 0);
    }
    /* the first question as after a second meeting with groups: the longest results screen */
    ov_strlcpy(r->meeting, "Group meeting 2025-06-07", sizeof r->meeting);
    ov_strlcpy(r->questions[0].compare, "Last time most people said A little. This time most people said Mostly.",
               sizeof r->questions[0].compare);
    r->questions[0].before_top = 1;
    ov_strlcpy(r->questions[0].groups_line, "I use the service: Mostly. I work here: not enough answers yet. "
               "Did not say: not enough answers yet.", sizeof r->questions[0].groups_line);
    return r;
}

/* The facilitator's keyboard (issue 13 point 9): every page, with the
 * content's words on its keys, plain and with a note; every key and Cancel
 * there, on the screen, 20 mm or more, apart. Then the ideas screens' first
 * menu (the questions), a facilitator menu like the others. */
static void keyboard_screens(run *rn, const ov_layout_env *env, const ov_content *c)
{
    static ov_layout l;
    static ov_keyboard kb;
    char what[200];
    for (int page = 0; page < OV_KB_PAGES; page++) {
        ov_keyboard_init(&kb, (ov_kb_page)page, "A buddy for each new member");
        kb.space = c->texts.kb_space; /* the content's words, as ui/ideas_fac.c gives them */
        kb.del = c->texts.kb_delete;
        kb.done = c->texts.kb_done;
        kb.cancel = c->texts.fac_cancel;
        ov_target need[OV_KB_SLOTS];
        for (int i = 0; i < OV_KB_SLOTS - 1; i++)
            need[i] = (ov_target){ OV_TARGET_MENU, i };
        need[OV_KB_SLOTS - 1] = (ov_target){ OV_TARGET_MENU, OV_KB_TARGET_CANCEL };
        for (int with_note = 0; with_note < 2; with_note++) {
            char name[48];
            snprintf(name, sizeof name, "keyboard page %d%s", page, with_note ? " note" : "");
            snprintf(what, sizeof what, "%s %s", rn->where, name);
            ov_layout_keyboard(env, &kb, c->texts.ifac_ask_idea,
                               with_note ? "That is as long as an idea can be: 71 letters." : NULL, &l, NULL);
            check_targets(&l, need, OV_KB_SLOTS, what);
            if (!with_note)
                check_texts(&l, what, note(rn, name), 1);
        }
    }
    static ov_menu mn;
    static ov_ideas_fac q;
    ov_ideas_fac_init(&q, c, 3);
    ov_ideas_fac_open(&q);
    assert_int_equal(ov_ideas_fac_menu(&q, &mn), OV_OK);
    ov_layout_menu(env, &mn, c->texts.hear_again, &l);
    snprintf(what, sizeof what, "%s ideas questions", rn->where);
    ov_target need[OV_MENU_MAX_ITEMS];
    for (int i = 0; i < mn.n_items; i++)
        need[i] = (ov_target){ OV_TARGET_MENU, i };
    check_targets(&l, need, mn.n_items, what);
}

static void all_screens(run *rn, int s, const char *theme, int lang)
{
    ov_layout_env env = env_for(sizes[s].w, sizes[s].h, theme);
    rn->px_per_mm = env.px_per_mm;
    ov_render_set_theme(render, theme);
    rn->n_seen = 0;
    member_screens(rn, &env, content[lang]);
    if (lang >= FIRST_PRACTICE)
        return; /* the facilitator screens are the same as without a practice question */
    ov_results *res = results_for(content[lang]);
    facilitator_screens(rn, &env, content[lang], res);
    keyboard_screens(rn, &env, content[lang]);
    free(res);
}

/* Large text: no role's smallest text, and no answer picture, is smaller than in standard. */
static void compare_large(const run *std, const run *large)
{
    for (int i = 0; i < std->n_seen && i < large->n_seen; i++) {
        const screen_sizes *a = &std->seen[i], *b = &large->seen[i];
        for (int r = 0; r < 4; r++)
            if (a->min_px[r] < (1 << 20) && b->min_px[r] < a->min_px[r])
              PROBLEM(
                  "%s %s: large text has role %d text of %d px, standard %d px",
                  large->where, b->name, r, b->min_px[r], a->min_px[r]);
        if (b->face_px < a->face_px - large->px_per_mm) /* within 1 mm (rounding of the rows) */
            PROBLEM("%s %s: large text shrinks the answer pictures (%d px, standard %d px)", large->where,
                     b->name, b->face_px, a->face_px);
    }
}

static void every_screen_keeps_every_target(void **state)
{
    (void)state;
    static run std, theme_run;
    static const char *const lang_names[] = { "en", "cy", "six-answers", "long-words", "worst-six-answers",
                                              "worst-long-words", "en-practice", "cy-practice" };
    for (size_t s = 0; s < OV_ARRAY_LEN(sizes); s++)
        for (int lang = 0; lang < N_CONTENTS; lang++)
            for (size_t th = 0; th < OV_ARRAY_LEN(themes); th++) {
                char where[64];
                snprintf(where, sizeof where, "%dx%d %s %s", sizes[s].w, sizes[s].h, themes[th],
                         lang_names[lang]);
                run *rn = th == 0 ? &std : &theme_run;
                rn->where = where;
                all_screens(rn, (int)s, themes[th], lang);
                if (th > 0)
                    compare_large(&std, rn);
            }
    if (n_problems)
        fail_msg("%d problems (the first %d are printed above)", n_problems, MAX_PRINTED);
}

#define INI_LEN (128 * 1024)

/* [texts] with every text of c, appended at out + n; returns the new length. */
static size_t write_texts(const ov_content *c, char *out, size_t n, size_t len)
{
    int n_defs;
    const ov_text_def *d = ov_text_defs(&n_defs);
    n += (size_t)snprintf(out + n, len - n, "[texts]\n");
    for (int i = 0; i < n_defs && n < len; i++)
        n += (size_t)snprintf(out + n, len - n, "%s = %s\n", d[i].key, (const char *)&c->texts + d[i].offset);
    return n;
}

/* content.ini for c; with_texts 0: its [texts] left out (the built-in English
 * ones, as c has), 1: every text of c written out. */
static void write_ini(const ov_content *c, int with_texts, char *out, size_t len)
{
    size_t n = (size_t)snprintf(out, len, "[content]\nlanguage = en\n");
    if (with_texts)
        n = write_texts(c, out, n, len);
    for (int s = 0; s < c->n_scales; s++) {
        const ov_scale *sc = &c->scales[s];
        n += (size_t)snprintf(out + n, len - n, "[scale %s]\nname = %s\n", sc->id, sc->name);
        for (int a = 0; a < sc->n_answers; a++) {
            const ov_answer *an = &sc->answers[a];
            n += (size_t)snprintf(out + n, len - n, "[answer %s %s]\nword = %s\nsay = %s\ncolour = %s\n"
                                  "shape = %s\n%s%s%s%s", sc->id, an->id, an->word, an->say, an->colour,
                                  ov_shape_name(an->shape), an->picture[0] ? "picture = " : "", an->picture,
                                  an->picture[0] ? "\n" : "", an->dont_know ? "dont-know = yes\n" : "");
        }
    }
    for (int q = 0; q < c->n_questions; q++) {
        const ov_question *qu = &c->questions[q];
        n += (size_t)snprintf(out + n, len - n, "[question %s]\ntitle = %s\npicture = %s\nscale = %s\n", qu->id,
                              qu->title, qu->picture, c->scales[qu->scale].id);
        for (int i = 0; i < qu->n_sentences; i++)
            n += (size_t)snprintf(out + n, len - n, SENTENCE_KEY "%s\n", qu->sentences[i]);
    }
    assert_true(n < len);
}

/* Check c as content.ini with the kiosk's own checker (real fonts and
 * layout); d gets its problems. Returns its return code. */
static int check_as_ini(const ov_content *c, int with_texts, ov_diags *d)
{
    static char text[INI_LEN];
    ov_ini_doc doc;
    memset(&doc, 0, sizeof doc);
    ov_diags_init(d);
    write_ini(c, with_texts, text, sizeof text);
    assert_int_equal(ov_ini_parse(text, strlen(text), "content.ini", &doc, d), OV_OK);
    ov_check_opts opts;
    memset(&opts, 0, sizeof opts);
    ov_render_content_fit(render, &opts);
    int rc = ov_content_check_doc(&doc, d, "content.ini", "assets/content/en", &opts, NULL, d);
    ov_ini_doc_free(&doc);
    return rc;
}

/* The problems of d with the code OV_DIAG_SCREEN_NOT_FIT (printed). */
static int screen_misfits(const ov_diags *d)
{
    int n = 0;
    for (int i = 0; i < d->n; i++)
        if (d->items[i].code == OV_DIAG_SCREEN_NOT_FIT) {
            printf("  refused: %s\n", d->items[i].text);
            n++;
        }
    return n;
}

/* One step worse than an accepted worst case is refused with OV_DIAG_SCREEN_NOT_FIT, naming the question. */
static void refused(const ov_content *worse, int with_texts, const char *qid, const char *what)
{
    static ov_diags d;
    printf("%s:\n", what);
    assert_int_equal(check_as_ini(worse, with_texts, &d), OV_EINVAL);
    assert_true(screen_misfits(&d) > 0);
    int named = 0;
    for (int i = 0; i < d.n; i++)
        named |= d.items[i].code == OV_DIAG_SCREEN_NOT_FIT && !strcmp(d.items[i].arg, qid);
    assert_true(named);
}

/* The worst cases of the sweep pass the checker (through content.ini, as a
 * facilitator's content does); one word or sentence more, or a longer
 * answer word, and it refuses them with OV_DIAG_SCREEN_NOT_FIT. */
static void one_step_worse_than_the_worst_is_refused(void **state)
{
    (void)state;
    static ov_diags d;
    static ov_content worse;
    for (int i = FIRST_WORST; i < FIRST_PRACTICE; i++) {
        int rc = check_as_ini(content[i], 0, &d);
        if (rc != OV_OK)
            ov_diags_print(&d, stdout);
        assert_int_equal(rc, OV_OK);
        assert_int_equal(screen_misfits(&d), 0);
    }
    const ov_content *w = content[FIRST_WORST + 1]; /* 5 answers with pictures */
    int q = w->n_questions - 1;
    worse = *w; /* the title's next word */
    char *t = worse.questions[q].title;
    size_t have = strlen(t);
    assert_true(have < strlen(tricky_title));
    snprintf(t, OV_TITLE_LEN, "%.*s", (int)(have + strcspn(tricky_title + have + 1, " ") + 1), tricky_title);
    refused(&worse, 0, worse.questions[q].id, "the title a word longer");
    worse = *w; /* a sentence more */
    assert_true(worse.questions[q].n_sentences < OV_MAX_SENTENCES);
    ov_strlcpy(worse.questions[q].sentences[worse.questions[q].n_sentences++], tricky_sentences[1],
               sizeof worse.questions[q].sentences[0]);
    refused(&worse, 0, worse.questions[q].id, "a sentence more");
    worse = *content[FIRST_WORST]; /* 6 answers abreast: the first answer's word a letter longer */
    ov_strlcpy(worse.scales[0].answers[0].word, tricky_words[0], sizeof worse.scales[0].answers[0].word);
    assert_true(strcmp(worse.scales[0].answers[0].word, content[FIRST_WORST]->scales[0].answers[0].word));
    refused(&worse, 0, worse.questions[0].id, "6 answers with the word 'Brilliantly'");
}

/* 1 when the confirm screen of c's first question, its first answer chosen,
 * fits at every size and theme of the sweep; buttons: as an arcade-button
 * user meets it (with the line that says which button to press). */
static int confirm_fits_everywhere(const ov_content *c, int buttons)
{
    static ov_layout l;
    for (size_t s = 0; s < OV_ARRAY_LEN(sizes); s++)
        for (size_t th = 0; th < OV_ARRAY_LEN(themes); th++) {
            ov_layout_env env = env_for(sizes[s].w, sizes[s].h, themes[th]);
            env.buttons_in_use = buttons;
            ov_flow f;
            ov_flow_init(&f, c, 1, 90000, 4000, 0, 0);
            ov_flow_act(&f, OV_ACT_ANY, 0, 1);
            ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2);
            if (ov_layout_screen(&env, &f, NULL, &l) != OV_OK)
                return 0;
        }
    return 1;
}

/* An answer's `say` that leaves room on its confirm screen for a touch user
 * but not for the arcade buttons' line is refused: the checker lays the
 * confirm out as a button user meets it. */
static void a_confirm_too_full_for_the_button_line_is_refused(void **state)
{
    (void)state;
    static ov_content c;
    static char words[2 * OV_SENTENCE_LEN];
    snprintf(words, sizeof words, "%s %s", tricky_sentences[0], tricky_sentences[1]);
    int found = 0;
    for (size_t end = strcspn(words, " "); !found && words[end]; end += 1 + strcspn(words + end + 1, " ")) {
        c = *content[0];
        ov_answer *a = &c.scales[c.questions[0].scale].answers[0];
        if (end >= sizeof a->say)
            break;
        ov_strlcpy(a->word, tricky_words[1], sizeof a->word);
        ov_strlcpy(c.texts.confirm_buttons, tricky_sentences[2], sizeof c.texts.confirm_buttons);
        snprintf(a->say, sizeof a->say, "%.*s", (int)end, words);
        found = confirm_fits_everywhere(&c, 0) && !confirm_fits_everywhere(&c, 1);
    }
    if (!found)
        fail_msg("no say fits the confirm without the buttons' line and not with it");
    printf("say of %zu letters:\n", ov_utf8_count(c.scales[c.questions[0].scale].answers[0].say));
    refused(&c, 1, c.questions[0].id, "a confirm with no room for the buttons' line");
}

/* 1 when rectangles a and b share any pixel. */
static int rects_meet(ov_rect a, ov_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* A content of 64 questions (the most a content may have): the progress dots
 * stay on the screen and off the words beside them, at every size, or give
 * way to the words alone ("Question 40 of 64") where they would be too small
 * to see; with 4 questions the dots are there. */
static void many_questions_keep_the_progress_on_the_screen(void **state)
{
    (void)state;
    static ov_content c;
    static ov_layout l;
    ov_content_builtin(&c);
    for (int q = c.n_questions; q < OV_MAX_QUESTIONS; q++) {
        c.questions[q] = c.questions[q % 4];
        snprintf(c.questions[q].id, sizeof c.questions[q].id, "q%d", q + 1);
    }
    c.n_questions = OV_MAX_QUESTIONS;
    for (size_t s = 0; s < OV_ARRAY_LEN(sizes); s++) {
        ov_layout_env env = env_for(sizes[s].w, sizes[s].h, "standard");
        ov_flow f;
        ov_flow_init(&f, &c, 0, 90000, 4000, 0, 0);
        ov_flow_act(&f, OV_ACT_ANY, 0, 1);
        for (int q = 0; q < 39; q++)
            ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2); /* on to question 40 */
        ov_layout_screen(&env, &f, NULL, &l);
        ov_rect d = l.progress_dots;
        if (d.w > 0 && (d.x < 0 || d.x + d.w > env.w || d.y < 0 || d.y + d.h > env.h))
            PROBLEM("%dx%d: 64 progress dots run off the screen (%d..%d of %d)", env.w, env.h, d.x, d.x + d.w,
                    env.w);
        int words = 0;
        for (int t = 0; t < l.n_texts; t++) {
            words |= strstr(l.texts[t].block.text, "40 of 64") != NULL;
            if (d.w > 0 && rects_meet(d, l.texts[t].block.box))
                PROBLEM("%dx%d: the progress dots cover text %d ('%.30s')", env.w, env.h, t,
                        l.texts[t].block.text);
        }
        if (!words)
            PROBLEM("%dx%d: question 40 of 64 does not say where the member is", env.w, env.h);
    }
    ov_content_builtin(&c);
    ov_layout_env env = env_for(800, 480, "standard");
    ov_flow f;
    ov_flow_init(&f, &c, 0, 90000, 4000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    ov_layout_screen(&env, &f, NULL, &l);
    if (l.progress_total != 4 || l.progress_dots.w == 0)
        PROBLEM("800x480: 4 questions show no progress dots");
    if (n_problems)
        fail_msg("%d problems (the first %d are printed above)", n_problems, MAX_PRINTED);
}

/* The checker of the test itself: a dropped target is caught. */
static void a_dropped_target_is_caught(void **state)
{
    (void)state;
    static ov_layout l;
    ov_layout_env env = env_for(800, 480, "standard");
    ov_flow f;
    ov_flow_init(&f, content[0], 1, 90000, 4000, 0, 0);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    ov_layout_screen(&env, &f, NULL, &l);
    ov_target need[OV_MAX_TARGETS];
    int n = ov_flow_targets(&f, need, OV_MAX_TARGETS);
    int answers = 0;
    for (int i = 0; i < l.n_buttons; i++)
        answers += l.buttons[i].target.kind == OV_TARGET_ANSWER;
    assert_true(n >= answers + 1);
    assert_true(answers >= 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(many_questions_keep_the_progress_on_the_screen),
        cmocka_unit_test(a_dropped_target_is_caught),
        cmocka_unit_test(every_screen_keeps_every_target),
        cmocka_unit_test(one_step_worse_than_the_worst_is_refused),
        cmocka_unit_test(a_confirm_too_full_for_the_button_line_is_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
