/* picture_format.c — picture formats from names and bytes, PNG and JPEG
 * header sizes (see picture_format.h). */
#include "model/picture_format.h"

#include <string.h>
#include <strings.h>

#define SVG_SNIFF_BYTES 4096   /* the "<svg" tag must come this early */

ov_picture_format ov_picture_format_of_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot) return OV_PIC_UNKNOWN;
    if (!strcasecmp(dot, ".png")) return OV_PIC_PNG;
    if (!strcasecmp(dot, ".jpg") || !strcasecmp(dot, ".jpeg")) return OV_PIC_JPEG;
    if (!strcasecmp(dot, ".svg")) return OV_PIC_SVG;
    return OV_PIC_UNKNOWN;
}

static int looks_like_svg(const uint8_t *data, size_t len)
{
    size_t n = len < SVG_SNIFF_BYTES ? len : SVG_SNIFF_BYTES;
    if (memchr(data, '\0', len)) return 0;
    for (size_t i = 0; i + 4 <= n; i++)
        if (data[i] == '<' && !strncasecmp((const char *)data + i + 1, "svg", 3)) return 1;
    return 0;
}

ov_picture_format ov_picture_format_of_bytes(const uint8_t *data, size_t len)
{
    static const uint8_t png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    if (len >= sizeof png_sig && !memcmp(data, png_sig, sizeof png_sig)) return OV_PIC_PNG;
    if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return OV_PIC_JPEG;
    if (looks_like_svg(data, len)) return OV_PIC_SVG;
    return OV_PIC_UNKNOWN;
}

static long be32(const uint8_t *p)
{
    return (long)(((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3]);
}

static long be16(const uint8_t *p)
{
    return (long)(((unsigned)p[0] << 8) | p[1]);
}

/* A JPEG start-of-frame marker (baseline, progressive, ...): C0-CF but not
 * C4 (Huffman tables), C8 (reserved) or CC (arithmetic coding). */
static int is_sof(uint8_t m)
{
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

static int jpeg_size(const uint8_t *d, size_t len, long *w, long *h)
{
    size_t i = 2;
    while (i + 4 <= len) {
        if (d[i] != 0xFF) return 0;
        uint8_t m = d[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7)) {
            i += 2;
            continue;
        }
        long seg = be16(d + i + 2);
        if (seg < 2) return 0;
        if (is_sof(m)) {
            if (i + 9 > len) return 0;
            *h = be16(d + i + 5);
            *w = be16(d + i + 7);
            return 1;
        }
        i += 2 + (size_t)seg;
    }
    return 0;
}

int ov_picture_header_size(ov_picture_format f, const uint8_t *data, size_t len, long *w, long *h)
{
    *w = *h = 0;
    if (f == OV_PIC_PNG) {
        if (len < 24 || memcmp(data + 12, "IHDR", 4) != 0) return 0;
        *w = be32(data + 16);
        *h = be32(data + 20);
        return 1;
    }
    if (f == OV_PIC_JPEG) return jpeg_size(data, len, w, h);
    return 0;
}

const char *ov_picture_format_name(ov_picture_format f)
{
    switch (f) {
    case OV_PIC_PNG: return "PNG";
    case OV_PIC_JPEG: return "JPEG";
    case OV_PIC_SVG: return "SVG";
    default: return "unknown";
    }
}
