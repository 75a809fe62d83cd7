/* usbwatch.h — notice USB sticks: parse /proc/self/mountinfo, keep the
 * mounts under the configured folder (default /media), and say which sticks
 * appeared or went away since the last look. Pure parsing + a small reader. */
#ifndef OV_USBWATCH_H
#define OV_USBWATCH_H

#include "base/ov_common.h"

#define OV_USB_MAX_MOUNTS 16
#define OV_USB_DEVICE_LEN 128 /* a mount's device path and the NUL */
#define OV_USB_FSTYPE_LEN 32  /* a mount's file system type and the NUL */

typedef struct {
    char mount_point[OV_PATH_MAX];  /* unescaped (\040 -> space) */
    char device[OV_USB_DEVICE_LEN]; /* e.g. /dev/sda1 */
    char fstype[OV_USB_FSTYPE_LEN]; /* e.g. vfat, exfat */
    int read_only;                  /* mounted "ro" */
} ov_mount;

typedef struct {
    ov_mount items[OV_USB_MAX_MOUNTS];
    int n;
} ov_mount_list;

/* Parse mountinfo text, keeping mounts strictly below `under` (a mount of
 * `under` itself is not a stick). Malformed lines are skipped. Returns the
 * number kept (extra mounts beyond OV_USB_MAX_MOUNTS are dropped). */
int ov_usb_parse_mountinfo(const char *text, const char *under, ov_mount_list *out);

/* Read `path` (NULL: /proc/self/mountinfo) and parse it. Returns the count,
 * or OV_EIO with "PATH: cannot read: reason" or OV_ENOMEM with "PATH: out of
 * memory" in err (*out then empty). */
int ov_usb_read_mounts(const char *path, const char *under, ov_mount_list *out, char *err, size_t errlen);

/* Compare two looks by mount point: sticks in `now` not in `before` go to
 * added, those gone go to removed (either may be NULL; each keeps at most
 * OV_USB_MAX_MOUNTS). Returns the number of changes. */
int ov_usb_diff(const ov_mount_list *before, const ov_mount_list *now,
                ov_mount_list *added, ov_mount_list *removed);

/* Find a content folder on a stick: STICK/ourvoice/content or STICK/content,
 * the first holding a readable content.ini. Returns OV_OK with the path in
 * out, OV_ENOTFOUND, or OV_EINVAL when the path does not fit out (cut short). */
int ov_usb_find_content(const char *mount_point, char *out, size_t outlen);

#endif
