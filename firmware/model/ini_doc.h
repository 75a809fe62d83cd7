/* ini_doc.h — a content.ini (or a stick's ideas.ini) as read: sections and
 * keys, each with its line number, so the checker can say "file:line:
 * message". Reading the file is platform/content_ini.h (inih). */
#ifndef OV_INI_DOC_H
#define OV_INI_DOC_H

#define OV_INI_MAX_FILE (1024 * 1024)   /* content.ini larger than this is refused */

typedef struct {
    char *key;
    char *value;
    int line;
    int cut;          /* 1: the line was too long and was cut (already reported) */
} ov_ini_kv;

typedef struct {
    char *head;       /* text between [ and ], trimmed; "" for keys before any section */
    int line;         /* line of the [section] heading (0 for the "" section) */
    ov_ini_kv *kv;
    int n_kv, cap_kv;
} ov_ini_section;

typedef struct {
    ov_ini_section *sec;
    int n_sec, cap_sec;
} ov_ini_doc;

/* Free everything a parse put in doc and empty it (doc itself is the caller's). */
void ov_ini_doc_free(ov_ini_doc *doc);

#endif
