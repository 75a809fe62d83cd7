/* shots_dir.h — the folder a headless script's `shot NAME` saves into
 * (`ourvoice kiosk --shots DIR`), created when missing. */
#ifndef OV_SHOTS_DIR_H
#define OV_SHOTS_DIR_H

#include <stddef.h>

/* Create dir and every missing folder above it (like mkdir -p); a name that
 * is already there is taken as made (not checked to be a folder). Returns
 * OV_OK, or a negative OV_E* code with "PATH: mkdir failed: strerror" in err
 * (OV_EINVAL when dir is empty or too long). */
int ov_shots_dir_make(const char *dir, char *err, size_t errlen);

#endif
