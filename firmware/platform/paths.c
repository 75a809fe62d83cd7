/* paths.c — finding config, content and picture folders. */
#include "platform/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ASSETS_UP_MAX 3       /* assets/ is looked for up to this many folders above the program */
#define DOTS_LEN 16           /* "../../.." and the NUL */
#define ASSETS_ROOM 64        /* room for the dots, "/assets/" and a short name after the program's folder */
#define SETTINGS_NAME_ROOM 16 /* room for "/settings.ini" after the data folder */

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int ov_find_asset_dir(const char *rel, char *out, size_t outlen)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            for (int up = 1; up <= ASSETS_UP_MAX; up++) {        /* build/ourvoice, build/tests/x, ... */
                char cand[PATH_MAX + ASSETS_ROOM];
                char dots[DOTS_LEN] = "";
                for (int i = 0; i < up; i++) strcat(dots, i ? "/.." : "..");
                snprintf(cand, sizeof cand, "%s/%s/assets/%s", exe, dots, rel);
                if (is_dir(cand)) {
                    char real[PATH_MAX];
                    return ov_strlcpy(out, realpath(cand, real) ? real : cand, outlen);
                }
            }
        }
    }
    char cand[PATH_MAX];
    snprintf(cand, sizeof cand, "assets/%s", rel);
    if (is_dir(cand)) return ov_strlcpy(out, cand, outlen);
    snprintf(cand, sizeof cand, "/usr/share/ourvoice/%s", rel);
    ov_strlcpy(out, cand, outlen);
    return is_dir(cand) ? OV_OK : OV_ENOTFOUND;
}

int ov_load_config(const char *path, ov_config *cfg)
{
    ov_config_defaults(cfg);
    char home_cfg[OV_PATH_MAX] = "";
    const char *home = getenv("HOME");
    if (home) snprintf(home_cfg, sizeof home_cfg, "%s/.config/ourvoice/ourvoice.ini", home);
    const char *use = path;
    if (!use) {
        if (access("/etc/ourvoice/ourvoice.ini", R_OK) == 0) use = "/etc/ourvoice/ourvoice.ini";
        else if (home_cfg[0] && access(home_cfg, R_OK) == 0) use = home_cfg;
        else return OV_OK;     /* defaults only */
    }
    ov_diags d;
    ov_diags_init(&d);
    int r = ov_config_load(use, cfg, &d);
    if (r == OV_ENOTFOUND) {
        fprintf(stderr, "%s: cannot read the config file; check the path given to --config\n", use);
        return r;
    }
    ov_diags_print(&d, stderr);
    return r;
}

int ov_settings_path(const char *data_dir, char *out, size_t outlen)
{
    char buf[OV_PATH_MAX + SETTINGS_NAME_ROOM];
    snprintf(buf, sizeof buf, "%s/settings.ini", data_dir);
    return ov_strlcpy(out, buf, outlen);
}

int ov_load_settings(ov_config *cfg)
{
    char path[OV_PATH_MAX];
    ov_settings_path(cfg->data_dir, path, sizeof path);
    if (access(path, R_OK) != 0) return OV_OK;
    ov_diags d;
    ov_diags_init(&d);
    int r = ov_config_load(path, cfg, &d);
    ov_diags_print(&d, stderr);
    return r == OV_ENOTFOUND ? OV_OK : r;
}

