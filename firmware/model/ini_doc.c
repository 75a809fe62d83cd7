/* ini_doc.c — freeing a parsed content.ini. */
#include "model/ini_doc.h"

#include <stdlib.h>
#include <string.h>

void ov_ini_doc_free(ov_ini_doc *doc)
{
    for (int i = 0; i < doc->n_sec; i++) {
        ov_ini_section *s = &doc->sec[i];
        for (int k = 0; k < s->n_kv; k++) {
            free(s->kv[k].key);
            free(s->kv[k].value);
        }
        free(s->kv);
        free(s->head);
    }
    free(doc->sec);
    memset(doc, 0, sizeof *doc);
}
