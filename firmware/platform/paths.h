/* paths.h — where the kiosk finds its config, content and pictures when not
 * told: beside the checkout it was built in (build/ourvoice -> assets/), or
 * the installed places (/usr/share/ourvoice, /etc/ourvoice). */
#ifndef OV_PATHS_H
#define OV_PATHS_H

#include "platform/config.h"

/* Find an asset folder `rel` (e.g. "content/en", "pictures"): assets/REL one
 * to three folders above the program (build/ourvoice, build/tests/x), then
 * ./assets/REL, then /usr/share/ourvoice/REL. Returns OV_OK with the path in
 * out, OV_ENOTFOUND (none is a folder: out = the installed path) or
 * OV_EINVAL (the path found does not fit out: out cut short). */
int ov_find_asset_dir(const char *rel, char *out, size_t outlen);

/* Load the config: `path` if given (it must exist), else /etc/ourvoice/ourvoice.ini
 * or ~/.config/ourvoice/ourvoice.ini when present, over the defaults (no file:
 * the defaults, OV_OK). Problems are printed to stderr as file:line: message.
 * Returns OV_OK, OV_ENOTFOUND (the file cannot be opened: said on stderr, cfg
 * holds the defaults) or OV_EINVAL (cfg still usable: bad lines are skipped). */
int ov_load_config(const char *path, ov_config *cfg);

/* The questions folder to use: `opt` (--content) when given; else the one
 * brought on a USB stick (DATA_DIR/content, or content-previous, after
 * ov_content_recover finishes an import cut short by a power cut: a failure
 * there is logged); else content_dir from the config; else
 * ov_find_asset_dir("content/en"). Returns OV_OK, or OV_EINVAL when opt does
 * not fit out (out cut short); any other folder that does not fit leaves
 * out = "". (In content_dir.c: it links the content import, and so
 * SDL_image, into a program.) */
int ov_resolve_content_dir(const ov_config *cfg, const char *opt, char *out, size_t outlen);

/* Settings changed on the kiosk itself (a new facilitator PIN, the meeting,
 * the open round, the settings the facilitator changes) live in
 * DATA_DIR/settings.ini: the data folder is writable and survives a
 * read-only root, /etc is neither.
 * ov_settings_path gives its path: OV_OK, or OV_EINVAL when it does not fit
 * out. ov_load_settings reads it over *cfg (cfg->data_dir's) when it can be
 * read (problems printed as file:line: message): OV_OK (also with no file),
 * or OV_EINVAL (bad lines skipped). */
int ov_settings_path(const char *data_dir, char *out, size_t outlen);
int ov_load_settings(ov_config *cfg);

#endif
