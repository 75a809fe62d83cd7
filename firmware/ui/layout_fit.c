/* layout_fit.c — checking content texts against the real layout, for the
 * content checker's ov_check_opts.fit. */
#include "ui/layout_fit.h"

#include "model/content_check.h"
#include "ui/layout.h"

#include <stdlib.h>
#include <string.h>

/* Timeouts of the flow used to lay screens out (never reached here). */
#define FIT_IDLE_MS 90000
#define FIT_THANKS_MS 4000

/* The screens every text is fitted on (width, height, pixels): the kiosk's
 * 7-inch panels (800x480, 1024x600, 1280x720), a full-HD TV, and the portrait
 * panels. Named sizes for the checker's table, not limits. */
const ov_fit_screen ov_fit_screens[OV_FIT_N_SCREENS] = {
    { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 1920, 1080 }, { 720, 1280 }, { 480, 800 },
};

/* Put `text` into the built-in content where a box of `kind` shows it.
 * Returns 0, or -1 for a kind it does not know. */
static int place_text(ov_content *c, int kind, const char *text)
{
    ov_question *q = &c->questions[0];
    const ov_answer *a[OV_MAX_ANSWERS];
    int n = ov_question_answers(c, 0, a);
    switch (kind) {
    case OV_FIT_TITLE:
        ov_strlcpy(q->title, text, sizeof q->title);
        ov_strlcpy(c->texts.welcome_title, text, sizeof c->texts.welcome_title);
        return 0;
    case OV_FIT_SENTENCE:
        ov_strlcpy(q->sentences[0], text, sizeof q->sentences[0]);
        q->n_sentences = 1;
        return 0;
    case OV_FIT_ANSWER_WORD:
    case OV_FIT_ANSWER_SAY:
        for (int i = 0; i < n; i++) {
            ov_answer *w = (ov_answer *)a[i];
            if (kind == OV_FIT_ANSWER_WORD)
                ov_strlcpy(w->word, text, sizeof w->word);
            else
                ov_strlcpy(w->say, text, sizeof w->say);
        }
        return 0;
    case OV_FIT_BUTTON:
        ov_strlcpy(c->texts.thats_right, text, sizeof c->texts.thats_right);
        ov_strlcpy(c->texts.go_back, text, sizeof c->texts.go_back);
        ov_strlcpy(c->texts.hear_again, text, sizeof c->texts.hear_again);
        return 0;
    case OV_FIT_PROGRESS:
        ov_strlcpy(c->texts.progress, "%d of %d", sizeof c->texts.progress);
        return 0;
    default:
        return -1;
    }
}

/* The welcome as each member meets it: by touch, and as each switch user is
 * told to start (one switch, two, the two-switch set-up's steps). Returns 1
 * when every way fits. */
static int welcome_fits_every_way(const ov_layout_env *env, const ov_flow *f, ov_layout *l)
{
    for (int s = OV_LAYOUT_SCAN_NONE; s <= OV_LAYOUT_SCAN_SETUP_CHOOSE; s++) {
        ov_layout_env e = *env;
        e.scanning = s;
        if (ov_layout_screen(&e, f, NULL, l) != OV_OK)
            return 0;
    }
    return 1;
}

/* Lay out welcome (titles only: as it greets a touch user and each switch user),
 * question and confirm (as an arcade-button user meets it: one line more) on
 * one screen size. Returns 1 when all fit. */
static int fits_screen(const ov_layout_fit_ctx *ctx, const ov_content *c, int kind, int w, int h,
                       ov_layout *l)
{
    ov_layout_env env = { w, h, ov_px_per_mm(w, h, 0), 1.0, ctx->measure, ctx->measure_ctx, NULL, 0, 0, 0 };
    ov_layout_env by_buttons = env;
    by_buttons.buttons_in_use = 1;
    ov_flow f;
    ov_flow_init(&f, c, 1, FIT_IDLE_MS, FIT_THANKS_MS, 0, 0);
    if (kind == OV_FIT_TITLE && !welcome_fits_every_way(&env, &f, l))
        return 0;
    ov_flow_act(&f, OV_ACT_ANY, 0, 1);
    if (ov_layout_screen(&env, &f, NULL, l) != OV_OK)
        return 0;
    ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2);
    return ov_layout_screen(&by_buttons, &f, NULL, l) == OV_OK;
}

int ov_layout_fit(void *vctx, int kind, const char *text)
{
    const ov_layout_fit_ctx *ctx = vctx;
    ov_content *c = malloc(sizeof *c); /* large: kept off the stack */
    ov_layout *l = malloc(sizeof *l);
    int r = -1;
    if (!c || !l)
        goto out;
    ov_content_builtin(c);
    if (place_text(c, kind, text) != 0)
        goto out;
    r = 1;
    for (int s = 0; s < OV_FIT_N_SCREENS && r == 1; s++)
        r = fits_screen(ctx, c, kind, ov_fit_screens[s].w, ov_fit_screens[s].h, l);
out:
    free(c);
    free(l);
    return r;
}
