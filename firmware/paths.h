/* paths.h — where the kiosk finds its config, content and pictures when not
 * told: beside the checkout it was built in (build/ourvoice -> assets/), or
 * the installed places (/usr/share/ourvoice, /etc/ourvoice). */
#ifndef OV_PATHS_H
#define OV_PATHS_H

#include "config.h"

/* Find an asset folder `rel` (e.g. "content/en", "pictures"): next to the
 * program (../assets/REL), ./assets/REL, then /usr/share/ourvoice/REL.
 * Returns OV_OK with the path in out, or OV_ENOTFOUND (out = the installed path). */
int ov_find_asset_dir(const char *rel, char *out, size_t outlen);

/* Load the config: `path` if given (it must exist), else /etc/ourvoice/ourvoice.ini
 * or ~/.config/ourvoice/ourvoice.ini when present, over the defaults. Problems are
 * printed to stderr as file:line: message. Returns OV_OK, or OV_ENOTFOUND /
 * OV_EINVAL (cfg still usable: bad lines are skipped). */
int ov_load_config(const char *path, ov_config *cfg);

/* Where settings changed on the kiosk (a new PIN) are saved: `path` if given,
 * else /etc/ourvoice/ourvoice.ini when it exists, else
 * ~/.config/ourvoice/ourvoice.ini. Returns OV_OK. */
int ov_config_path_for_saving(const char *path, char *out, size_t outlen);

#endif
