/* audio_device.c — choosing the speaker by name (see audio_device.h). */
#include "platform/audio_device.h"

#include <ctype.h>
#include <string.h>

#include "base/ov_common.h"

int ov_audio_name_matches(const char *name, const char *pattern)
{
    if (!name || !pattern || !*pattern) return 0;
    size_t pl = strlen(pattern);
    for (const char *p = name; *p; p++) {
        size_t i = 0;
        while (i < pl && p[i] && tolower((unsigned char)p[i]) == tolower((unsigned char)pattern[i])) i++;
        if (i == pl) return 1;
    }
    return 0;
}

/* First index whose name contains any of the patterns, or -1. */
static int find_any(const char *const *names, int n, const char *const *patterns, size_t np)
{
    for (int i = 0; i < n; i++) {
        if (!names[i]) continue;
        for (size_t k = 0; k < np; k++)
            if (ov_audio_name_matches(names[i], patterns[k])) return i;
    }
    return -1;
}

int ov_pick_audio_device(const char *const *names, int n, const char *preferred, int *index_out)
{
    if (!index_out || (n > 0 && !names)) return OV_EINVAL;
    if (n <= 0) return OV_ENOTFOUND;
    static const char *const hdmi[] = { "hdmi" };
    static const char *const usb[] = { "usb" };
    static const char *const jack[] = { "headphone", "jack", "analog", "line out" };
    int pick = -1;
    if (preferred && *preferred) pick = find_any(names, n, &preferred, 1);
    if (pick < 0) pick = find_any(names, n, hdmi, OV_ARRAY_LEN(hdmi));
    if (pick < 0) pick = find_any(names, n, usb, OV_ARRAY_LEN(usb));
    if (pick < 0) pick = find_any(names, n, jack, OV_ARRAY_LEN(jack));
    for (int i = 0; pick < 0 && i < n; i++)
        if (names[i]) pick = i;
    if (pick < 0) return OV_ENOTFOUND;
    *index_out = pick;
    return OV_OK;
}
