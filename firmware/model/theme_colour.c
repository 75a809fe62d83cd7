/* theme_colour.c — colour maths for checking themes: WCAG 2.x relative
 * luminance and contrast ratio, CIE76 colour difference, colour-blindness
 * simulation and "#RRGGBB" parsing. Pure C, no SDL. */
#include "model/theme.h"

#include <ctype.h>
#include <math.h>
#include <stddef.h>

/* sRGB channel (0..255) to linear light (0..1), WCAG 2.x formula. */
static double to_linear(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* Linear light (clamped to 0..1) back to an sRGB channel 0..255. */
static uint8_t from_linear(double c)
{
    if (c < 0.0) c = 0.0;
    if (c > 1.0) c = 1.0;
    double v = c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1.0 / 2.4) - 0.055;
    return (uint8_t)lround(v * 255.0);
}

double ov_relative_luminance(ov_rgb c)
{
    return 0.2126 * to_linear(c.r) + 0.7152 * to_linear(c.g) + 0.0722 * to_linear(c.b);
}

double ov_contrast_ratio(ov_rgb a, ov_rgb b)
{
    double la = ov_relative_luminance(a), lb = ov_relative_luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}

static double lab_f(double t)
{
    return t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

/* sRGB to CIE L*a*b* with the D65 white point. */
static void to_lab(ov_rgb c, double lab[3])
{
    double r = to_linear(c.r), g = to_linear(c.g), b = to_linear(c.b);
    double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    double fx = lab_f(x), fy = lab_f(y), fz = lab_f(z);
    lab[0] = 116.0 * fy - 16.0;
    lab[1] = 500.0 * (fx - fy);
    lab[2] = 200.0 * (fy - fz);
}

double ov_delta_e76(ov_rgb a, ov_rgb b)
{
    double la[3], lb[3];
    to_lab(a, la);
    to_lab(b, lb);
    return sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
                (la[2] - lb[2]) * (la[2] - lb[2]));
}

ov_rgb ov_simulate_cvd(ov_rgb c, ov_cvd kind)
{
    /* Machado, Oliveira & Fernandes (2009), severity 1.0. */
    static const double m[3][3][3] = {
        [OV_CVD_DEUTERANOPIA] = { { 0.367322, 0.860646, -0.227968 },
                                  { 0.280085, 0.672501, 0.047413 },
                                  { -0.011820, 0.042940, 0.968881 } },
        [OV_CVD_PROTANOPIA] = { { 0.152286, 1.052583, -0.204868 },
                                { 0.114503, 0.786281, 0.099216 },
                                { -0.003882, -0.048116, 1.051998 } },
        [OV_CVD_TRITANOPIA] = { { 1.255528, -0.076749, -0.178779 },
                                { -0.078411, 0.930809, 0.147602 },
                                { 0.004733, 0.691367, 0.303900 } },
    };
    if ((int)kind < 0 || (int)kind > OV_CVD_TRITANOPIA) return c;
    double in[3] = { to_linear(c.r), to_linear(c.g), to_linear(c.b) }, out[3];
    for (int i = 0; i < 3; i++)
        out[i] = m[kind][i][0] * in[0] + m[kind][i][1] * in[1] + m[kind][i][2] * in[2];
    ov_rgb s = { from_linear(out[0]), from_linear(out[1]), from_linear(out[2]) };
    return s;
}

static int hex_digit(char ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    ch = (char)tolower((unsigned char)ch);
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
}

int ov_rgb_parse(const char *s, ov_rgb *out)
{
    if (!s || !out) return OV_EINVAL;
    if (*s == '#') s++;
    int v[6];
    for (int i = 0; i < 6; i++) {
        v[i] = hex_digit(s[i]);
        if (v[i] < 0) return OV_EINVAL;
    }
    if (s[6] != '\0') return OV_EINVAL;
    out->r = (uint8_t)(v[0] * 16 + v[1]);
    out->g = (uint8_t)(v[2] * 16 + v[3]);
    out->b = (uint8_t)(v[4] * 16 + v[5]);
    return OV_OK;
}
