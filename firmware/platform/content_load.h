/* content_load.h — reading a content folder from disk: content.ini through
 * inih (platform/content_ini.h), every picture and recording it names looked
 * at, then the whole check of model/content_check.h. The same check runs for
 * `ourvoice check-content DIR`, at start-up and for new questions on a USB
 * stick, so what the facilitator sees is what the kiosk accepts. */
#ifndef OV_CONTENT_LOAD_H
#define OV_CONTENT_LOAD_H

#include "model/content_check.h"

/* Check DIR/content.ini and every file it names. Every problem is added to
 * diags as "DIR/content.ini:line: message", in line order. When no error was
 * found and out is not NULL, *out gets the content (out->dir = dir without
 * trailing slashes). Returns OV_OK (warnings allowed), OV_EINVAL (errors
 * found, or content.ini cannot be read or is too big: reported; *out
 * untouched), OV_ENOTFOUND (no content.ini: reported too) or OV_ENOMEM.
 * opts may be NULL; its probe is always the real file system's. */
int ov_content_check(const char *dir, const ov_check_opts *opts, ov_content *out, ov_diags *diags);

/* Load DIR/content.ini into *out: ov_content_check with the default fit.
 * Returns as ov_content_check. */
int ov_content_load(const char *dir, ov_content *out, ov_diags *diags);

#endif
