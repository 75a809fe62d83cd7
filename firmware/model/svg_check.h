/* svg_check.h — whether an SVG file is whole before it is drawn: SDL_image's
 * parser draws what it has read, so a file cut short in the middle of a
 * shape still "decodes". Pure: no files, no SDL. */
#ifndef OV_SVG_CHECK_H
#define OV_SVG_CHECK_H

#include <stddef.h>
#include <stdint.h>

/* 1 when the SVG text data[0..len) is one <svg> element with every tag
 * closed in order (comments, CDATA, <?...?> and <!...> declarations are
 * stepped over; quoted attribute values may hold '<' and '>'), and nothing
 * but white space after its </svg>. Otherwise 0, with why (whylen bytes)
 * saying what is wrong and on which line, e.g. "the file ends inside the tag
 * <rect> (line 1): it is cut short". */
int ov_svg_whole(const uint8_t *data, size_t len, char *why, size_t whylen);

#endif
