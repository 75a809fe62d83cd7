/* json_write.h — the small pieces of JSON output the exports need. */
#ifndef OV_JSON_WRITE_H
#define OV_JSON_WRITE_H

#include "base/buf.h"

/* Append s as a JSON string literal with quotes: ", \ and control characters
 * escaped (\n, \r, \t, else \u00xx, DEL too), UTF-8 passed through unchanged.
 * Invalid UTF-8 bytes are replaced by U+FFFD so the file always parses. Out
 * of memory is left in b->oom (ov_buf_ok). */
void ov_json_string(ov_buf *b, const char *s);

#endif
