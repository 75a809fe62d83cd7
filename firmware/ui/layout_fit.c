/* layout_fit.c — checking content texts against the real layout. */
#include "ui/layout_fit.h"

#include "model/content_check.h"
#include "ui/layout.h"

#include <string.h>

static const struct { int w, h; } screens[] = { { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 1920, 1080 }, { 720, 1280 } };

int ov_layout_fit(void *vctx, int kind, const char *text)
{
    ov_layout_fit_ctx *ctx = vctx;
    static ov_content c;       /* large: keep it off the stack */
    static ov_layout l;
    ov_content_builtin(&c);
    ov_flow f;
    ov_flow_init(&f, &c, 1, 90000, 4000, 0, 0);
    ov_question *q = &c.questions[0];
    const ov_answer *a[OV_MAX_ANSWERS];
    int n = ov_question_answers(&c, 0, a);
    switch (kind) {
    case OV_FIT_TITLE: ov_strlcpy(q->title, text, sizeof q->title); ov_strlcpy(c.texts.welcome_title, text, sizeof c.texts.welcome_title); break;
    case OV_FIT_SENTENCE: ov_strlcpy(q->sentences[0], text, sizeof q->sentences[0]); q->n_sentences = 1; break;
    case OV_FIT_ANSWER_WORD: case OV_FIT_ANSWER_SAY:
        for (int i = 0; i < n; i++) {
            ov_answer *w = (ov_answer *)a[i];
            if (kind == OV_FIT_ANSWER_WORD) ov_strlcpy(w->word, text, sizeof w->word);
            else ov_strlcpy(w->say, text, sizeof w->say);
        }
        break;
    case OV_FIT_BUTTON:
        ov_strlcpy(c.texts.thats_right, text, sizeof c.texts.thats_right);
        ov_strlcpy(c.texts.go_back, text, sizeof c.texts.go_back);
        ov_strlcpy(c.texts.hear_again, text, sizeof c.texts.hear_again);
        break;
    case OV_FIT_PROGRESS: ov_strlcpy(c.texts.progress, "%d of %d", sizeof c.texts.progress); break;
    default: return -1;
    }
    for (size_t s = 0; s < sizeof screens / sizeof screens[0]; s++) {
        ov_layout_env env = { screens[s].w, screens[s].h, ov_px_per_mm(screens[s].w, screens[s].h, 0), 1.0,
                              ctx->measure, ctx->measure_ctx, NULL, 0 };
        ov_flow_init(&f, &c, 1, 90000, 4000, 0, 0);
        if (kind == OV_FIT_TITLE && ov_layout_screen(&env, &f, NULL, &l) != OV_OK) return 0;   /* welcome */
        ov_flow_act(&f, OV_ACT_ANY, 0, 1);
        if (ov_layout_screen(&env, &f, NULL, &l) != OV_OK) return 0;                           /* question */
        ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2);
        if (ov_layout_screen(&env, &f, NULL, &l) != OV_OK) return 0;                           /* confirm */
    }
    return 1;
}
