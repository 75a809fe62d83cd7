/* textwrap.c — measuring line breaker with a rectangle per word. */
#include "base/textwrap.h"

#include <string.h>

#define LINE_HEIGHT_TENTHS 13 /* a line is this many tenths of the font size, rounded up */
#define FIT_BIG_STEP_PX 40  /* fitting a text: sizes over this step down 2 px at a time, others 1 */

int ov_line_height(int font_px) { return (font_px * LINE_HEIGHT_TENTHS + 9) / 10; }

int ov_rect_overlap(ov_rect a, ov_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

int ov_rect_inside(ov_rect in, ov_rect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w && in.y + in.h <= out.y + out.h;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int utf8_chars(const char *s, int len)
{
    int n = 0;
    for (int i = 0; i < len; i++) if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

int ov_wrap_text(const char *text, int font_px, int bold, ov_rect box,
                 ov_measure_fn measure, void *ctx, ov_text_block *out)
{
    memset(out, 0, sizeof *out);
    out->text = text;
    out->font_px = font_px;
    out->bold = bold;
    out->box = box;
    out->line_h = ov_line_height(font_px);
    out->fits = 1;
    int space_w = measure(ctx, font_px, bold, " ", 1);
    if (space_w < 0) return OV_EIO;

    int x = 0, line = 0, max_x = 0, any = 0;
    int i = 0, chars = 0, n = (int)strlen(text);
    while (i < n) {
        while (i < n && is_space((unsigned char)text[i])) {
            int nl = text[i] == '\n';
            if (((unsigned char)text[i] & 0xC0) != 0x80) chars++;
            i++;
            if (nl && any) { /* explicit line break */
                line++;
                x = 0;
            }
        }
        if (i >= n) break;
        int start = i;
        while (i < n && !is_space((unsigned char)text[i])) i++;
        int len = i - start;
        int w = measure(ctx, font_px, bold, text + start, len);
        if (w < 0) return OV_EIO;
        if (x > 0 && x + space_w + w > box.w) {
            line++;
            x = 0;
        }
        else if (x > 0) x += space_w;
        if (out->n_words < OV_MAX_WORDS) {
            ov_word_box *wb = &out->words[out->n_words++];
            wb->rect = (ov_rect){ box.x + x, box.y + line * out->line_h, w, out->line_h };
            wb->byte_start = start;
            wb->byte_len = len;
            wb->char_start = chars;
            wb->char_len = utf8_chars(text + start, len);
            wb->line = line;
            if (!ov_rect_inside(wb->rect, box)) out->fits = 0;
        } else {
            out->fits = 0;   /* more words than we can track: treat as not fitting */
        }
        chars += utf8_chars(text + start, len);
        x += w;
        if (x > max_x) max_x = x;
        any = 1;
    }
    out->n_lines = any ? line + 1 : 0;
    out->used = (ov_rect){ box.x, box.y, max_x, out->n_lines * out->line_h };
    return out->fits ? OV_OK : OV_EINVAL;
}

int ov_wrap_text_fit(const char *text, int font_px, int min_px, int bold, ov_rect box,
                     ov_measure_fn measure, void *ctx, ov_text_block *out)
{
    if (min_px > font_px) min_px = font_px;
    for (int px = font_px; px >= min_px; px -= (px > FIT_BIG_STEP_PX ? 2 : 1)) {
        int r = ov_wrap_text(text, px, bold, box, measure, ctx, out);
        if (r != OV_EINVAL) return r;
    }
    return ov_wrap_text(text, min_px, bold, box, measure, ctx, out) == OV_OK ? OV_OK : OV_EINVAL;
}
