/* pi_display.c — pick the DRM card with a connected screen (sysfs scan) and
 * set SDL's KMSDRM device index from it. */
#include "platform/pi_display.h"
#include "base/ov_common.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CARD 99            /* the highest cardN looked at */
#define CONNECTOR_LEN 64       /* a connector name, "HDMI-A-1" */
#define STATUS_LEN 32          /* a connector status, "connected" */
#define CARD_NUMBER_LEN 16     /* a card number written out */
#define STATUS_PATH_EXTRA 256  /* room for "/<entry>/status" after the root */

/* Parse "card<N>-<connector>" into N and the connector name; 0 on success. */
static int parse_connector_entry(const char *name, int *card, const char **conn)
{
    if (strncmp(name, "card", 4) != 0 || !isdigit((unsigned char)name[4])) return -1;
    char *end = NULL;
    errno = 0;
    long v = strtol(name + 4, &end, 10);
    if (errno || v < 0 || v > MAX_CARD || *end != '-' || end[1] == '\0') return -1;
    *card = (int)v;
    *conn = end + 1;
    return 0;
}

/* Read the first line of root/entry/status into buf; 0 on success. */
static int read_status(const char *root, const char *entry, char *buf, size_t len)
{
    char path[OV_PATH_MAX + STATUS_PATH_EXTRA];
    snprintf(path, sizeof path, "%s/%s/status", root, entry);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    int ok = fgets(buf, (int)len, f) != NULL;
    fclose(f);
    if (!ok) return -1;
    buf[strcspn(buf, "\r\n")] = '\0';
    return 0;
}

/* Keep card/conn in *best/best_conn (CONNECTOR_LEN) when it comes first:
 * the lowest card, then the first connector name. */
static void keep_lowest(int card, const char *conn, int *best, char *best_conn)
{
    if (*best < 0 || card < *best || (card == *best && strcmp(conn, best_conn) < 0)) {
        *best = card;
        ov_strlcpy(best_conn, conn, CONNECTOR_LEN);
    }
}

int ov_pick_drm_card_ex(const char *sysfs_drm_root, int *index_out,
                        char *connector, size_t connlen, char *err, size_t errlen)
{
    if (!sysfs_drm_root || !index_out)
        return ov_fail(err, errlen, OV_EINVAL, "ov_pick_drm_card: missing argument");
    DIR *d = opendir(sysfs_drm_root);
    if (!d)
        return ov_fail(err, errlen, OV_ENOTFOUND,
                       "cannot read %s (%s): this system has no display driver; "
                       "on a Raspberry Pi check that config.txt has dtoverlay=vc4-kms-v3d",
                       sysfs_drm_root, strerror(errno));
    int best_connected = -1, best_unknown = -1, seen_cards = 0;
    char conn_connected[CONNECTOR_LEN] = "", conn_unknown[CONNECTOR_LEN] = "";
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        int card;
        const char *conn;
        if (parse_connector_entry(de->d_name, &card, &conn) != 0) continue;
        if (strncmp(conn, "Writeback", 9) == 0) continue; /* not a real screen */
        seen_cards++;
        char status[STATUS_LEN];
        if (read_status(sysfs_drm_root, de->d_name, status, sizeof status) != 0) continue;
        if (strcmp(status, "connected") == 0)
            keep_lowest(card, conn, &best_connected, conn_connected);
        else if (strcmp(status, "unknown") == 0)
            keep_lowest(card, conn, &best_unknown, conn_unknown);
    }
    closedir(d);
    int pick = best_connected >= 0 ? best_connected : best_unknown;
    const char *pick_conn = best_connected >= 0 ? conn_connected : conn_unknown;
    if (pick < 0) {
        if (seen_cards == 0)
            return ov_fail(err, errlen, OV_ENOTFOUND,
                           "no display outputs in %s: on a Raspberry Pi enable the KMS driver "
                           "(dtoverlay=vc4-kms-v3d in config.txt) and reboot", sysfs_drm_root);
        return ov_fail(err, errlen, OV_ENOTFOUND,
                       "no screen is connected (%d outputs in %s, none connected): "
                       "check the display cable and power, then restart", seen_cards, sysfs_drm_root);
    }
    *index_out = pick;
    if (connector && connlen) ov_strlcpy(connector, pick_conn, connlen);
    return OV_OK;
}

int ov_pick_drm_card(const char *sysfs_drm_root, int *index_out, char *err, size_t errlen)
{
    return ov_pick_drm_card_ex(sysfs_drm_root, index_out, NULL, 0, err, errlen);
}

int ov_pi_prepare_display(const char *sysfs_drm_root, char *err, size_t errlen)
{
    const char *disp = getenv("DISPLAY"), *way = getenv("WAYLAND_DISPLAY");
    const char *drv = getenv("SDL_VIDEODRIVER"), *idx = getenv(OV_KMSDRM_INDEX_ENV);
    if ((disp && *disp) || (way && *way)) return OV_OK;          /* a desktop: open a window */
    if (drv && *drv && strcmp(drv, "kmsdrm") != 0) return OV_OK;  /* e.g. offscreen in tests */
    if (idx && *idx) return OV_OK;                                /* the installer chose */
    if (!sysfs_drm_root) sysfs_drm_root = OV_SYSFS_DRM_ROOT;
    int card = -1;
    char conn[CONNECTOR_LEN] = "";
    int rc = ov_pick_drm_card_ex(sysfs_drm_root, &card, conn, sizeof conn, err, errlen);
    if (rc != OV_OK) return rc;
    char num[CARD_NUMBER_LEN];
    snprintf(num, sizeof num, "%d", card);
    if (setenv(OV_KMSDRM_INDEX_ENV, num, 1) != 0)
        return ov_fail(err, errlen, OV_ENOMEM, "cannot set %s: out of memory", OV_KMSDRM_INDEX_ENV);
    ov_log_info("display: drawing on /dev/dri/card%d (%s)", card, conn);
    return OV_OK;
}
