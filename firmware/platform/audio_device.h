/* audio_device.h — choosing the speaker by name among the audio outputs SDL
 * lists: the configured name first, then HDMI, USB, the headphone jack, then
 * anything (the Pi 5 and Zero 2 W have no jack). Pure logic, no SDL calls. */
#ifndef OV_AUDIO_DEVICE_H
#define OV_AUDIO_DEVICE_H

/* 1 when `pattern` occurs in `name` ignoring ASCII case, else 0 (also 0 for
 * NULL or an empty pattern). */
int ov_audio_name_matches(const char *name, const char *pattern);

/* Choose an audio output from the n device names (as SDL lists them):
 * the first whose name contains `preferred` (ignoring case) when preferred is
 * not NULL/empty; else the first HDMI output; else the first USB one; else the
 * first headphone/jack/analogue one; else the first device. NULL entries are
 * skipped. Stores the position in *index_out and returns OV_OK. Returns
 * OV_EINVAL for a NULL index_out, or NULL names with n > 0; OV_ENOTFOUND
 * when there is no device at all (n <= 0 or every name NULL). The caller can
 * tell a fallback was used with ov_audio_name_matches(names[*index_out],
 * preferred). */
int ov_pick_audio_device(const char *const *names, int n, const char *preferred, int *index_out);

#endif
