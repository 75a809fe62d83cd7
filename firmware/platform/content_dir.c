/* content_dir.c — ov_resolve_content_dir (declared in paths.h). It lives
 * apart from paths.c because it finishes an interrupted import, and the import
 * checks pictures with SDL_image: programs that only find folders (`ourvoice
 * say`, `results`, `set-pin`) link paths.o without pulling in SDL. */
#include "platform/paths.h"

#include "platform/content_import.h"

#include <stdio.h>

int ov_resolve_content_dir(const ov_config *cfg, const char *opt, char *out, size_t outlen)
{
    if (opt) return ov_strlcpy(out, opt, outlen);
    char fallback[OV_PATH_MAX], err[OV_ERR_LEN];
    if (cfg->content_dir[0]) ov_strlcpy(fallback, cfg->content_dir, sizeof fallback);
    else ov_find_asset_dir("content/en", fallback, sizeof fallback);
    if (ov_content_recover(cfg->data_dir, NULL, err, sizeof err) != OV_OK)   /* an import cut short */
        ov_log_warn("questions folder: %s", err);
    ov_content_active_dir(cfg->data_dir, fallback, out, outlen);
    return OV_OK;
}
