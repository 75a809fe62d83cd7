/* json_read.h — a small, strict JSON reader (RFC 8259) for OurVoice's own
 * export files: no comments, no trailing commas, no duplicate keys, valid
 * UTF-8 only, nesting at most 64 deep (a leading UTF-8 BOM is skipped).
 * Errors say "line L, column C: what". */
#ifndef OV_JSON_READ_H
#define OV_JSON_READ_H

#include <stddef.h>

typedef enum {
    OV_JSON_NULL, OV_JSON_FALSE, OV_JSON_TRUE, OV_JSON_NUMBER,
    OV_JSON_STRING, OV_JSON_ARRAY, OV_JSON_OBJECT,
} ov_json_type;

typedef struct ov_json ov_json;
struct ov_json {
    ov_json_type type;
    double number;        /* OV_JSON_NUMBER */
    int is_integer;       /* number written without fraction/exponent and fits long long */
    long long integer;    /* its value when is_integer */
    char *string;         /* OV_JSON_STRING: UTF-8, NUL-terminated (\u0000 is refused) */
    char *key;            /* member name when inside an object, else NULL */
    ov_json *child;       /* first element / member of an array or object */
    ov_json *next;        /* next sibling */
    int n_children;
    int line;             /* line (1-based) where the value starts */
};

/* Parse text[0..len). Returns the root value (free with ov_json_free), or
 * NULL with "line L, column C: what is wrong" in err (also for a NULL text
 * and for out of memory). */
ov_json *ov_json_parse(const char *text, size_t len, char *err, size_t errlen);

/* Free a tree from ov_json_parse; NULL is fine. */
void ov_json_free(ov_json *v);

/* Member `key` of an object, or NULL (also when obj is not an object). */
const ov_json *ov_json_get(const ov_json *obj, const char *key);

/* Name of a type for messages: "string", "number", "true/false", ... */
const char *ov_json_type_name(ov_json_type t);

#endif
