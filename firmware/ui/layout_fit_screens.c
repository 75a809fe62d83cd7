/* layout_fit_screens.c — does each whole question, and each screen that shows
 * every title, fit at every supported size and theme? The content checker's
 * ov_check_opts.screens (layout_fit.h), answered with the real layout. */
#include "ui/layout_fit.h"

#include "base/utf8.h"
#include "model/content_check.h"
#include "model/theme.h"
#include "ui/facilitator.h"
#include "ui/layout.h"
#include "ui/layout_scan.h"

#include <stdlib.h>
#include <string.h>

/* Timeouts of the flow used to lay screens out (never reached here). */
#define FIT_IDLE_MS 90000
#define FIT_THANKS_MS 4000

typedef struct {
    ov_layout_env env;
    const char *theme;
    ov_layout *l;
    ov_content *try; /* a copy of the content, to try the fixes on */
    ov_fac *fac;
    ov_menu *menu;
} fitter;

/* A flow on question q's screen (confirm: answer a chosen), as the member meets it. */
static void flow_at(ov_flow *f, const ov_content *c, ov_screen screen, int q, int a)
{
    ov_flow_init(f, c, 1, FIT_IDLE_MS, FIT_THANKS_MS, 0, 0);
    ov_flow_set_practice(f, ov_content_practice(c));
    f->screen = screen;
    f->question = q;
    f->chosen = a;
    for (int i = 0; i < c->n_questions; i++) /* the answers before it are held ("previous question") */
        f->answers[i] = i < q || screen == OV_SCREEN_REVIEW ? 0 : -1;
    f->review = screen == OV_SCREEN_REVIEW;
}

/* 1 when question q's own screen fits (the scan strip not counted). */
static int question_fits(fitter *ft, const ov_content *c, int q)
{
    ov_flow f;
    flow_at(&f, c, OV_SCREEN_QUESTION, q, -1);
    return ov_layout_screen(&ft->env, &f, NULL, ft->l) == OV_OK;
}

/* The screen of question q that does not fit (an ov_misfit_screen, *answer
 * set for a confirm screen), or 0 when all fit. A confirm screen shows the
 * answer alone, never its question: they are laid out only when `confirms`
 * (once a scale), as an arcade-button user meets them (one line more). */
static int question_misfit(fitter *ft, const ov_content *c, int q, int confirms, int *answer)
{
    if (!question_fits(ft, c, q))
        return OV_MISFIT_QUESTION;
    if (ov_layout_scan_prompt(&ft->env, c->texts.scan_restart, ft->l) != OV_OK || !ft->l->all_fit)
        return OV_MISFIT_SCAN_STRIP;
    const ov_answer *a[OV_MAX_ANSWERS];
    int n = confirms ? ov_question_answers(c, q, a) : 0;
    ov_layout_env by_buttons = ft->env; /* the confirm at its longest: it also says which button to press */
    by_buttons.buttons_in_use = 1;
    for (int i = 0; i < n; i++) {
        ov_flow f;
        flow_at(&f, c, OV_SCREEN_CONFIRM, q, i);
        if (ov_layout_screen(&by_buttons, &f, NULL, ft->l) != OV_OK) {
            *answer = i;
            return OV_MISFIT_CONFIRM;
        }
    }
    return 0;
}

/* Cut `text` to its first `words` words (in place). */
static void keep_words(char *text, int words)
{
    char *p = text;
    for (int w = 0; *p && w < words; w++) {
        p += strspn(p, " ");
        p += strcspn(p, " ");
    }
    *p = '\0';
}

static int count_words(const char *text)
{
    int n = 0;
    for (const char *p = text + strspn(text, " "); *p; p += strspn(p, " "), n++)
        p += strcspn(p, " ");
    return n;
}

/* The most letters of q's title (cut after a word) with which its screen fits
 * in ft->try; 0 when not even one word does. */
static int title_fix(fitter *ft, const ov_content *c, int q)
{
    int lo = 0, hi = count_words(c->questions[q].title) - 1; /* lo words fit (0: none known) */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        *ft->try = *c;
        keep_words(ft->try->questions[q].title, mid);
        if (question_fits(ft, ft->try, q))
            lo = mid;
        else
            hi = mid - 1;
    }
    if (lo == 0)
        return 0;
    *ft->try = *c;
    keep_words(ft->try->questions[q].title, lo);
    return (int)ov_utf8_count(ft->try->questions[q].title);
}

/* The most of q's sentences with which its screen fits; 0 when not even one. */
static int sentences_fix(fitter *ft, const ov_content *c, int q)
{
    for (int k = c->questions[q].n_sentences - 1; k >= 1; k--) {
        *ft->try = *c;
        ft->try->questions[q].n_sentences = k;
        if (question_fits(ft, ft->try, q))
            return k;
    }
    return 0;
}

/* OV_FIX_ANSWERS when q's screen does not fit even with one word of title
 * and of one sentence, else OV_FIX_SHORTER. */
static int answers_or_texts(fitter *ft, const ov_content *c, int q)
{
    *ft->try = *c;
    ov_question *t = &ft->try->questions[q];
    keep_words(t->title, 1);
    t->n_sentences = 1;
    keep_words(t->sentences[0], 1);
    return question_fits(ft, ft->try, q) ? OV_FIX_SHORTER : OV_FIX_ANSWERS;
}

static void question_fixes(fitter *ft, const ov_content *c, int q, ov_misfit *m)
{
    m->title_letters = title_fix(ft, c, q);
    m->sentences = sentences_fix(ft, c, q);
    m->fix = m->title_letters || m->sentences ? OV_FIX_SHORTER : answers_or_texts(ft, c, q);
}

/* Cut every title of ft->try to at most `letters` letters, after a word
 * (at least its first word). */
static void cut_titles(fitter *ft, const ov_content *c, int letters)
{
    *ft->try = *c;
    for (int q = 0; q < c->n_questions; q++) {
        char *t = ft->try->questions[q].title;
        int words = count_words(t);
        while (words > 1 && (int)ov_utf8_count(t) > letters)
            keep_words(t, --words);
    }
}

/* 1 when the screen that shows every title (OV_MISFIT_REVIEW or _ROUND) fits. */
static int titles_fit(fitter *ft, const ov_content *c, int screen)
{
    if (screen == OV_MISFIT_REVIEW) {
        ov_flow f;
        flow_at(&f, c, OV_SCREEN_REVIEW, 0, -1);
        return ov_layout_screen(&ft->env, &f, NULL, ft->l) == OV_OK;
    }
    ov_fac_init(ft->fac, c, "", "");
    ft->fac->screen = OV_FAC_ROUND;
    return ov_fac_menu(ft->fac, ft->menu) == OV_OK &&
           ov_layout_menu(&ft->env, ft->menu, c->texts.hear_again, ft->l) == OV_OK;
}

/* The most letters every title may have for that screen to fit (the longest
 * cut title that did); 0: none found. */
static int titles_fix(fitter *ft, const ov_content *c, int screen, int longest)
{
    int lo = 0, hi = (int)ov_utf8_count(c->questions[longest].title) - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        cut_titles(ft, c, mid);
        int fits = titles_fit(ft, ft->try, screen); /* titles_fit never touches ft->try */
        lo = fits ? mid : lo;
        hi = fits ? hi : mid - 1;
    }
    if (lo == 0)
        return 0;
    cut_titles(ft, c, lo); /* the letters of the longest title that fitted (cut after a word) */
    int most = 0;
    for (int q = 0; q < c->n_questions; q++)
        if ((int)ov_utf8_count(ft->try->questions[q].title) > most)
            most = (int)ov_utf8_count(ft->try->questions[q].title);
    return most;
}

/* The counted question with the longest title. */
static int longest_title(const ov_content *c)
{
    int best = 0;
    for (int q = 1; q < c->n_questions; q++)
        if (ov_utf8_count(c->questions[q].title) > ov_utf8_count(c->questions[best].title))
            best = q;
    return best;
}

static void note_misfit(const fitter *ft, int screen, int q, int a, ov_misfit *m)
{
    memset(m, 0, sizeof *m);
    m->screen = screen;
    m->question = q;
    m->answer = a;
    m->w = ft->env.w;
    m->h = ft->env.h;
    m->theme = ft->theme;
}

/* Every screen at the size and theme of ft->env; *done marks the questions
 * (and, after them, the review and round screens) already found not to fit. */
static int check_at(fitter *ft, const ov_content *c, char *done, ov_misfit *out, int n, int max)
{
    char scale_seen[OV_MAX_SCALES] = { 0 }; /* its answers' confirm screens laid out at this size */
    for (int q = 0; q < c->n_questions && n < max; q++) {
        int sc = c->questions[q].scale, first = sc >= 0 && sc < OV_MAX_SCALES && !scale_seen[sc];
        if (first)
            scale_seen[sc] = 1;
        int a = -1, s = done[q] ? 0 : question_misfit(ft, c, q, first, &a);
        if (!s)
            continue;
        done[q] = 1;
        note_misfit(ft, s, q, a, &out[n]);
        if (s == OV_MISFIT_QUESTION)
            question_fixes(ft, c, q, &out[n]);
        n++;
    }
    for (int s = OV_MISFIT_REVIEW; s <= OV_MISFIT_ROUND && n < max; s++) {
        char *d = &done[OV_MAX_QUESTIONS + s - OV_MISFIT_REVIEW];
        if (*d || titles_fit(ft, c, s))
            continue;
        *d = 1;
        note_misfit(ft, s, longest_title(c), -1, &out[n]);
        out[n].title_letters = titles_fix(ft, c, s, out[n].question);
        n++;
    }
    return n;
}

/* 1 when an earlier theme than *name lays screens out the same (the layout
 * sees a theme only through its text scale). */
static int same_as_earlier(const char *const *names, const char *const *name)
{
    for (const char *const *p = names; p < name; p++)
        if (ov_theme_get(*p)->text_scale == ov_theme_get(*name)->text_scale)
            return 1;
    return 0;
}

static int check_all(fitter *ft, const ov_layout_fit_ctx *ctx, const ov_content *c, ov_misfit *out, int max)
{
    char done[OV_MAX_QUESTIONS + 2] = { 0 };
    const char *const *names = ov_theme_names();
    int n = 0;
    for (int s = 0; s < OV_FIT_N_SCREENS; s++)
        for (const char *const *t = names; *t; t++) {
            if (same_as_earlier(names, t))
                continue;
            int w = ov_fit_screens[s].w, h = ov_fit_screens[s].h;
            ft->env = (ov_layout_env){ w, h, ov_px_per_mm(w, h, 0), ov_theme_get(*t)->text_scale,
                                       ctx->measure, ctx->measure_ctx, NULL, 0, 0, 0 };
            ft->theme = *t;
            n = check_at(ft, c, done, out, n, max);
        }
    return n;
}

int ov_layout_screens_fit(void *vctx, const ov_content *c, ov_misfit *out, int max)
{
    fitter ft = { .l = malloc(sizeof *ft.l), .try = malloc(sizeof *ft.try), .fac = malloc(sizeof *ft.fac),
                  .menu = malloc(sizeof *ft.menu) }; /* large: kept off the stack */
    int n = -1;
    if (ft.l && ft.try && ft.fac && ft.menu && vctx && c)
        n = check_all(&ft, vctx, c, out, max);
    free(ft.l);
    free(ft.try);
    free(ft.fac);
    free(ft.menu);
    return n;
}
