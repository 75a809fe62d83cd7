/* theme.c — the kiosk's colour themes (standard, high-contrast, large-text)
 * and looking up answer colours by name. The colours are chosen to pass
 * tests/test_theme.c: text contrast >= 4.5:1 (7:1 high-contrast) and answer
 * colours that stay apart under red-green colour blindness. The answer fills
 * of the standard theme are the colours of assets/pictures/answer-*.svg. */
#include "model/theme.h"

#include <stddef.h>
#include <strings.h>

#define RGB(hex) { (uint8_t)((hex) >> 16), (uint8_t)(((hex) >> 8) & 0xFF), (uint8_t)((hex) & 0xFF) }

/* Dark blue-black "ink" shared with the pictures' outlines. */
#define INK 0x1D2733

/* Answer colours of the standard and large-text themes: based on the
 * Okabe-Ito colour-blind-safe palette (vermillion, orange, yellow, bluish
 * green, blue) plus a light green for "getting there". Near-black words on
 * every fill except blue, which takes white. */
#define STANDARD_ANSWERS                                                    \
    .answers = {                                                            \
        { "red",         RGB(0xD55E00), RGB(0x000000), RGB(INK) },          \
        { "amber",       RGB(0xE69F00), RGB(0x111111), RGB(INK) },          \
        { "yellow",      RGB(0xF0E442), RGB(0x111111), RGB(INK) },          \
        { "light-green", RGB(0x8CD17D), RGB(0x111111), RGB(INK) },          \
        { "green",       RGB(0x008F68), RGB(0x000000), RGB(INK) },          \
        { "blue",        RGB(0x0072B2), RGB(0xFFFFFF), RGB(INK) },          \
        { "grey",        RGB(0xA0A0A0), RGB(0x111111), RGB(INK) },          \
    },                                                                      \
    .n_answers = 7

/* Focus ring: between the light background and the dark outlines it touches
 * (at least 3:1 against both, issue 13 / WCAG 2.2 focus appearance). */
#define FOCUS_VIOLET 0x7A5CFF

/* Dark text on a light warm background; shared by standard and large-text.
 * The spoken word is shown light on a dark pill. */
#define STANDARD_COLOURS                                                    \
    .background = RGB(0xFFF8EC), .text = RGB(INK), .muted = RGB(0x4F5966),  \
    .panel = RGB(0xFFFFFF), .outline = RGB(INK), .focus = RGB(FOCUS_VIOLET), \
    .facilitator_band = RGB(0x0072B2),                                      \
    .highlight_bg = RGB(INK), .highlight_text = RGB(0xFFE066),              \
    .button_fill = RGB(0xE6EDF5), .button_text = RGB(INK),                  \
    .plate = RGB(0xFFFFFF),                                                 \
    .yes_fill = RGB(0xBFE8CF), .yes_text = RGB(INK),                        \
    .no_fill = RGB(0xF3E3C3), .no_text = RGB(INK),                          \
    .warning_bg = RGB(0xFFE9A8), .warning_text = RGB(INK)

static const ov_theme themes[] = {
    {
        .name = "standard",
        STANDARD_COLOURS,
        .text_scale = 1.0, .outline_mm = 0.8, .focus_mm = 3.0,
        STANDARD_ANSWERS,
    },
    {
        /* Black, white and yellow. Answer fills are either very light with
         * black words or very dark with white words, so every word reaches
         * 7:1 and the fills differ in lightness, not only in hue. */
        .name = "high-contrast",
        .background = RGB(0x000000), .text = RGB(0xFFFFFF), .muted = RGB(0xE6E6E6),
        .panel = RGB(0x111111), .outline = RGB(0xFFFFFF), .focus = RGB(0xFFFF00),
        .facilitator_band = RGB(0xFFFF00),
        .highlight_bg = RGB(0xFFFF00), .highlight_text = RGB(0x000000),
        .button_fill = RGB(0x000000), .button_text = RGB(0xFFFFFF),
        .plate = RGB(0xFFFFFF),
        .yes_fill = RGB(0x3DDC97), .yes_text = RGB(0x000000),
        .no_fill = RGB(0xFFFFFF), .no_text = RGB(0x000000),
        .warning_bg = RGB(0xFFFF00), .warning_text = RGB(0x000000),
        .text_scale = 1.0, .outline_mm = 1.5, .focus_mm = 3.2,
        .answers = {
            { "red",         RGB(0xA00000), RGB(0xFFFFFF), RGB(0xFFFFFF) },
            { "amber",       RGB(0xFFC233), RGB(0x000000), RGB(0xFFFFFF) },
            { "yellow",      RGB(0xFFFF00), RGB(0x000000), RGB(0xFFFFFF) },
            { "light-green", RGB(0xC8F5A0), RGB(0x000000), RGB(0xFFFFFF) },
            { "green",       RGB(0x3DDC97), RGB(0x000000), RGB(0xFFFFFF) },
            { "blue",        RGB(0x0A3D91), RGB(0xFFFFFF), RGB(0xFFFFFF) },
            { "grey",        RGB(0xD0D0D0), RGB(0x000000), RGB(0xFFFFFF) },
        },
        .n_answers = 7,
    },
    {
        .name = "large-text",
        STANDARD_COLOURS,
        .text_scale = 1.4, .outline_mm = 0.8, .focus_mm = 3.0,
        STANDARD_ANSWERS,
    },
};

static const char *const theme_names[] = { "standard", "high-contrast", "large-text", NULL };

/* Other spellings people write in content files. */
static const struct { const char *alias, *name; } aliases[] = {
    { "orange", "amber" },
    { "gray", "grey" },
    { "lightgreen", "light-green" },
    { "light green", "light-green" },
    { "yellow-green", "light-green" },
    { "lime", "light-green" },
};

const ov_theme *ov_theme_get(const char *name)
{
    if (!name) return NULL;
    for (size_t i = 0; i < OV_ARRAY_LEN(themes); i++)
        if (strcasecmp(themes[i].name, name) == 0) return &themes[i];
    return NULL;
}

const char *const *ov_theme_names(void)
{
    return theme_names;
}

const ov_theme_answer *ov_theme_answer_find(const ov_theme *t, const char *colour_name)
{
    if (!t || !colour_name) return NULL;
    for (size_t i = 0; i < OV_ARRAY_LEN(aliases); i++)
        if (strcasecmp(aliases[i].alias, colour_name) == 0) {
            colour_name = aliases[i].name;
            break;
        }
    for (int i = 0; i < t->n_answers; i++)
        if (strcasecmp(t->answers[i].name, colour_name) == 0) return &t->answers[i];
    return NULL;
}

/* The answer entry for a name, falling back to the theme's grey, and to the
 * standard theme when t is NULL. Never NULL: every theme has "grey". */
static const ov_theme_answer *answer_or_grey(const ov_theme *t, const char *colour_name)
{
    if (!t) t = &themes[0];
    const ov_theme_answer *a = ov_theme_answer_find(t, colour_name);
    if (!a) a = ov_theme_answer_find(t, "grey");
    return a ? a : &themes[0].answers[0];
}

ov_rgb ov_theme_answer_fill(const ov_theme *t, const char *colour_name)
{
    return answer_or_grey(t, colour_name)->fill;
}

ov_rgb ov_theme_answer_text(const ov_theme *t, const char *colour_name)
{
    return answer_or_grey(t, colour_name)->text;
}

ov_rgb ov_theme_answer_outline(const ov_theme *t, const char *colour_name)
{
    return answer_or_grey(t, colour_name)->outline;
}
