/* theme.h — colour themes of the kiosk screen ("standard", "high-contrast",
 * "large-text") and the colour maths used to check them (WCAG 2.x contrast,
 * CIE76 colour difference, colour-blindness simulation).
 *
 * Pure C, no SDL: the renderer copies the colours it needs. Every theme keeps
 * text at 4.5:1 contrast or more (7:1 in high-contrast) and keeps the answer
 * colours apart for people with red-green colour blindness too; see
 * tests/test_theme.c. Answer colours match the pictures in assets/pictures. */
#ifndef OV_THEME_H
#define OV_THEME_H

#include <stdint.h>

#include "base/ov_common.h"

typedef struct { uint8_t r, g, b; } ov_rgb;

/* One answer colour: the button's fill, the colour of the answer's word
 * written on that fill, and the button's outline. */
typedef struct {
    const char *name;        /* canonical name: "red", "amber", "yellow", "light-green",
                                "green", "blue", "grey" */
    ov_rgb fill, text, outline;
} ov_theme_answer;

#define OV_THEME_MAX_ANSWERS 8

typedef struct {
    const char *name;            /* "standard", "high-contrast", "large-text" */
    ov_rgb background;           /* the screen */
    ov_rgb text;                 /* normal text, on background and on panel */
    ov_rgb muted;                /* less important text ("2 of 4"), still >= 4.5:1 */
    ov_rgb panel;                /* cards and plain buttons */
    ov_rgb outline;              /* outlines of panels and plain buttons */
    ov_rgb focus;                /* focus / scanning ring drawn around a target */
    ov_rgb highlight_bg;         /* behind the word being spoken */
    ov_rgb highlight_text;       /* the word being spoken */
    ov_rgb button_fill;          /* plain buttons (hear it again, facilitator) */
    ov_rgb button_text;          /* words on plain buttons */
    ov_rgb plate;                /* disc behind a picture on a coloured button */
    ov_rgb yes_fill, yes_text;   /* "That's right" */
    ov_rgb no_fill, no_text;     /* "Go back" */
    ov_rgb warning_bg, warning_text; /* facilitator warning strip */
    double text_scale;           /* 1.0, or 1.4 for large text */
    double outline_mm;           /* outline thickness of buttons and panels */
    double focus_mm;             /* focus ring thickness */
    ov_theme_answer answers[OV_THEME_MAX_ANSWERS];
    int n_answers;
    ov_rgb facilitator_band;     /* the bands along a facilitator screen's edges */
} ov_theme;

/* The theme called `name` (case-insensitive), or NULL when there is no such
 * theme (or name is NULL). The pointer stays valid for the program's life. */
const ov_theme *ov_theme_get(const char *name);

/* The names of every theme, ending with a NULL entry. Never NULL. */
const char *const *ov_theme_names(void);

/* The answer colour `colour_name` in theme t: a canonical name or an alias
 * ("orange" = amber, "gray" = grey, "lightgreen"/"light green"/"yellow-green"/
 * "lime" = light-green), case-insensitive. Returns NULL when t or the name
 * is NULL or the name is unknown (content checking can report it). */
const ov_theme_answer *ov_theme_answer_find(const ov_theme *t, const char *colour_name);

/* Fill / word colour / outline of an answer colour. These never fail: an
 * unknown or NULL name gives the "grey" entry, and a NULL theme uses the
 * "standard" theme. */
ov_rgb ov_theme_answer_fill(const ov_theme *t, const char *colour_name);
ov_rgb ov_theme_answer_text(const ov_theme *t, const char *colour_name);
ov_rgb ov_theme_answer_outline(const ov_theme *t, const char *colour_name);

/* --- colour maths (theme_colour.c) --- */

/* WCAG 2.x relative luminance of an sRGB colour, 0.0 (black) .. 1.0 (white). */
double ov_relative_luminance(ov_rgb c);

/* WCAG 2.x contrast ratio of two colours, 1.0 .. 21.0 (order does not matter). */
double ov_contrast_ratio(ov_rgb a, ov_rgb b);

/* CIE76 colour difference (Euclidean distance in CIE L*a*b*, D65). About 2.3
 * is just noticeable; 20 or more is clearly a different colour. */
double ov_delta_e76(ov_rgb a, ov_rgb b);

typedef enum { OV_CVD_DEUTERANOPIA, OV_CVD_PROTANOPIA, OV_CVD_TRITANOPIA } ov_cvd;

/* How colour c looks to someone with full-strength colour blindness `kind`
 * (Machado, Oliveira & Fernandes 2009 matrices, applied in linear RGB). */
ov_rgb ov_simulate_cvd(ov_rgb c, ov_cvd kind);

/* Parse "#RRGGBB" or "RRGGBB" (any case) into *out. Returns OV_OK, or
 * OV_EINVAL when s or out is NULL or s is not a 6-digit hex colour (*out is
 * then unchanged). */
int ov_rgb_parse(const char *s, ov_rgb *out);

#endif
