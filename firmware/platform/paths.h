/* paths.h — where the kiosk finds its config, content and pictures when not
 * told: beside the checkout it was built in (build/ourvoice -> assets/), or
 * the installed places (/usr/share/ourvoice, /etc/ourvoice). */
#ifndef OV_PATHS_H
#define OV_PATHS_H

#include "platform/config.h"

/* Find an asset folder `rel` (e.g. "content/en", "pictures"): next to the
 * program (../assets/REL), ./assets/REL, then /usr/share/ourvoice/REL.
 * Returns OV_OK with the path in out, or OV_ENOTFOUND (out = the installed path). */
int ov_find_asset_dir(const char *rel, char *out, size_t outlen);

/* Load the config: `path` if given (it must exist), else /etc/ourvoice/ourvoice.ini
 * or ~/.config/ourvoice/ourvoice.ini when present, over the defaults. Problems are
 * printed to stderr as file:line: message. Returns OV_OK, or OV_ENOTFOUND /
 * OV_EINVAL (cfg still usable: bad lines are skipped). */
int ov_load_config(const char *path, ov_config *cfg);

/* The questions folder to use: `opt` (--content) when given; else the one
 * brought on a USB stick (DATA_DIR/content, after finishing an import cut
 * short by a power cut); else content_dir from the config; else the
 * installed assets/content/en. Returns OV_OK. (In content_dir.c: it links the
 * content import, and so SDL_image, into a program.) */
int ov_resolve_content_dir(const ov_config *cfg, const char *opt, char *out, size_t outlen);

/* Settings changed on the kiosk itself (a new facilitator PIN) live in
 * DATA_DIR/settings.ini: the data folder is writable and survives a
 * read-only root, /etc is neither. ov_settings_path gives its path;
 * ov_load_settings reads it over *cfg when it exists (problems printed as
 * file:line: message). Both return OV_OK, or OV_EINVAL (bad lines skipped). */
int ov_settings_path(const char *data_dir, char *out, size_t outlen);
int ov_load_settings(ov_config *cfg);

#endif
