/* picture_format.h — what a picture file's bytes say it is: its format from
 * the first bytes (PNG, JPEG, SVG) and, for PNG and JPEG, its pixel size from
 * the header, read before anything is decoded. Pure: no files, no SDL. */
#ifndef OV_PICTURE_FORMAT_H
#define OV_PICTURE_FORMAT_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    OV_PIC_UNKNOWN = 0,
    OV_PIC_PNG,
    OV_PIC_JPEG,
    OV_PIC_SVG,
} ov_picture_format;

/* The format a file name promises by its extension (.png, .jpg/.jpeg, .svg,
 * any case), or OV_PIC_UNKNOWN. */
ov_picture_format ov_picture_format_of_name(const char *name);

/* The format the bytes data[0..len) are in, or OV_PIC_UNKNOWN. An SVG is
 * text without NUL bytes (anywhere) with an "<svg" tag (any case) in its
 * first 4 KiB. */
ov_picture_format ov_picture_format_of_bytes(const uint8_t *data, size_t len);

/* The pixel size written in a PNG's or JPEG's header into *w, *h. Returns 1
 * when found, 0 when the header is cut short or broken (*w, *h then 0; SVG
 * and unknown: always 0, an SVG's size is known only after parsing). */
int ov_picture_header_size(ov_picture_format f, const uint8_t *data, size_t len, long *w, long *h);

/* "PNG", "JPEG", "SVG" or "unknown", for messages. */
const char *ov_picture_format_name(ov_picture_format f);

#endif
