/* report_html.h — the easy-read HTML report of one meeting's results: one
 * self-contained file (inline CSS, SVG bar charts, pictures as data URIs), no
 * scripts, no network, large clear font, prints on A4. */
#ifndef OV_REPORT_HTML_H
#define OV_REPORT_HTML_H

#include "base/buf.h"
#include "model/results.h"

/* Append the report for res to out, in the words of res->texts. It never
 * shows counts of a protected question or of protected ideas (it takes no
 * exact-counts option). Pictures are read through read_file
 * (platform/files.h's ov_file_read_all; NULL: no pictures) from each
 * question's `picture` path (SVG, PNG, JPEG, at most 4 MiB); a missing or
 * unreadable picture is left out with a log warning. Returns OV_OK or
 * OV_ENOMEM (out incomplete). */
int ov_report_html(const ov_results *res, ov_read_file_fn read_file, ov_buf *out);

/* "#RRGGBB" of an answer colour name (red, amber, green, blue, ...) as the
 * kiosk's standard theme draws it (aliases too), or a "#rrggbb" value passed
 * through; grey for anything unknown or NULL. Writes it into hex and
 * returns hex (never NULL). */
#define OV_HEX_COLOUR_SIZE 8 /* "#RRGGBB" and its terminating NUL */
const char *ov_report_colour_hex(const char *colour, char hex[OV_HEX_COLOUR_SIZE]);

#endif
