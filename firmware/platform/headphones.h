/* headphones.h — is speech going to headphones? (the setting, or the sound
 * card's jack switch SW_HEADPHONE_INSERT on an input device), and the black
 * frame drawn instead of a member screen while it does and the screen is set
 * to go off (docs/privacy.md: privacy from the room). */
#ifndef OV_HEADPHONES_H
#define OV_HEADPHONES_H

struct SDL_Renderer;

/* Where the input devices are (the kiosk takes the environment setting
 * OV_INPUT_DIR instead when set: tests point it elsewhere). */
#define OV_INPUT_DIR "/dev/input"

/* 1 when headphones are in: setting "yes" 1, "no" (or NULL or anything
 * else) 0, "auto" 1 when some event device under input_dir (NULL:
 * OV_INPUT_DIR) reports the headphone jack switch on (a device or folder
 * that cannot be opened counts as no headphones). Never blocks. */
int ov_headphones_in(const char *setting, const char *input_dir);

/* Clear the current drawing target to black (the screen "off"). */
void ov_headphones_blank_frame(struct SDL_Renderer *r);

#endif
