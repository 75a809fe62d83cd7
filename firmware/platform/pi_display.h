/* pi_display.h — choosing the screen on a Raspberry Pi (the speaker is
 * chosen by audio_device.h).
 *
 * With no desktop, SDL's KMSDRM driver opens /dev/dri/cardN. The Pi 5 numbers
 * its DRM cards differently from boot to boot (card0 may be the 3D engine
 * with no outputs), so the card is chosen by looking for one with a
 * connected output in sysfs. Pure logic: no SDL calls, tested with fake
 * trees. */
#ifndef OV_PI_DISPLAY_H
#define OV_PI_DISPLAY_H

#include <stddef.h>

/* The environment variable SDL reads as its SDL_HINT_KMSDRM_DEVICE_INDEX hint
 * ("SDL_KMSDRM_DEVICE_INDEX", SDL 2.24 and later; SDL_GetHint falls back to
 * the environment, so setting it before SDL_Init works like the hint). */
#define OV_KMSDRM_INDEX_ENV "SDL_KMSDRM_DEVICE_INDEX"
#define OV_SYSFS_DRM_ROOT "/sys/class/drm"

/* Find the DRM card to draw on under `sysfs_drm_root` (normally
 * "/sys/class/drm"): the lowest N with a cardN-<connector>/status that reads
 * "connected"; if none is connected, the lowest N with a connector whose
 * status is "unknown" (composite video, some panels). Writeback connectors
 * never count. On success stores N in *index_out and returns OV_OK.
 * Returns OV_EINVAL for NULL arguments, OV_ENOTFOUND (with a reason in err)
 * when the folder cannot be read or no card has a usable output. */
int ov_pick_drm_card(const char *sysfs_drm_root, int *index_out, char *err, size_t errlen);

/* As ov_pick_drm_card, and also copies the chosen connector's name (e.g.
 * "HDMI-A-1") into connector/connlen when connector is not NULL. */
int ov_pick_drm_card_ex(const char *sysfs_drm_root, int *index_out,
                        char *connector, size_t connlen, char *err, size_t errlen);

/* Prepare SDL's video for a Pi without a desktop, before SDL_Init: when
 * neither $DISPLAY nor $WAYLAND_DISPLAY is set and $SDL_VIDEODRIVER is unset
 * or "kmsdrm", and $SDL_KMSDRM_DEVICE_INDEX is not already set by the user,
 * picks the card (ov_pick_drm_card on sysfs_drm_root, NULL = /sys/class/drm)
 * and sets SDL_KMSDRM_DEVICE_INDEX. On a desktop or in headless tests it does
 * nothing. Returns OV_OK (set and logged, or nothing to do), OV_ENOTFOUND with
 * a reason in err when no screen was found (SDL then makes its own guess), or
 * OV_ENOMEM when the variable cannot be set. */
int ov_pi_prepare_display(const char *sysfs_drm_root, char *err, size_t errlen);

#endif
