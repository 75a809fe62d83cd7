/* theme_report.c — print every theme's colours with their contrast ratios
 * and the closest pair of answer colours for normal and colour-blind sight,
 * so a designer can see how much margin each theme has.
 *   theme_report            all themes
 *   theme_report NAME       one theme (exit 1 if there is no such theme) */
#include <stdio.h>

#include "model/theme.h"

static void pair(const char *what, ov_rgb fg, ov_rgb bg)
{
    printf("  %-28s #%02X%02X%02X on #%02X%02X%02X  %5.2f:1\n", what, fg.r, fg.g, fg.b, bg.r, bg.g, bg.b,
           ov_contrast_ratio(fg, bg));
}

static void closest(const ov_theme *t, int cvd, const char *who)
{
    double best = 1e9;
    int bi = 0, bj = 1;
    for (int i = 0; i < t->n_answers; i++)
        for (int j = i + 1; j < t->n_answers; j++) {
            ov_rgb a = t->answers[i].fill, b = t->answers[j].fill;
            if (cvd >= 0) { a = ov_simulate_cvd(a, (ov_cvd)cvd); b = ov_simulate_cvd(b, (ov_cvd)cvd); }
            double d = ov_delta_e76(a, b);
            if (d < best) { best = d; bi = i; bj = j; }
        }
    printf("  closest answers, %-13s %s / %s  deltaE %.1f\n", who, t->answers[bi].name, t->answers[bj].name, best);
}

static void report(const ov_theme *t)
{
    printf("%s (text x%.2f, outline %.1f mm, focus %.1f mm)\n", t->name, t->text_scale, t->outline_mm, t->focus_mm);
    pair("text / background", t->text, t->background);
    pair("text / panel", t->text, t->panel);
    pair("muted / background", t->muted, t->background);
    pair("spoken word / highlight", t->highlight_text, t->highlight_bg);
    pair("button text / button", t->button_text, t->button_fill);
    pair("yes text / yes", t->yes_text, t->yes_fill);
    pair("no text / no", t->no_text, t->no_fill);
    pair("warning text / warning", t->warning_text, t->warning_bg);
    pair("focus ring / background", t->focus, t->background);
    for (int i = 0; i < t->n_answers; i++) {
        char what[64];
        snprintf(what, sizeof what, "answer %s", t->answers[i].name);
        pair(what, t->answers[i].text, t->answers[i].fill);
    }
    closest(t, -1, "normal:");
    closest(t, OV_CVD_DEUTERANOPIA, "deuteranopia:");
    closest(t, OV_CVD_PROTANOPIA, "protanopia:");
    closest(t, OV_CVD_TRITANOPIA, "tritanopia:");
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        const ov_theme *t = ov_theme_get(argv[1]);
        if (!t) {
            fprintf(stderr, "theme_report: no theme called \"%s\"; try standard, high-contrast or large-text\n", argv[1]);
            return 1;
        }
        report(t);
        return 0;
    }
    for (const char *const *n = ov_theme_names(); *n; n++) report(ov_theme_get(*n));
    return 0;
}
