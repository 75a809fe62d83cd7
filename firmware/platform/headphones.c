/* headphones.c — headphone detection through the kernel's jack switch, and
 * the black frame of a blanked screen. */
#include "platform/headphones.h"

#include <SDL.h>
#include <dirent.h>
#include <fcntl.h>
#include <linux/input.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "base/ov_common.h"

#define BITS_PER_LONG (8 * sizeof(unsigned long))
#define BIT_WORDS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define EVENT_NAME_LEN 300 /* room for a slash and an event device's name after the folder */

static int bit_set(const unsigned long *bits, int n)
{
    return (int)((bits[n / BITS_PER_LONG] >> (n % BITS_PER_LONG)) & 1UL);
}

/* 1 when the event device at path has a headphone switch that is on. */
static int jack_switch_on(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return 0;
    unsigned long types[BIT_WORDS(EV_MAX + 1)] = { 0 };
    unsigned long sw[BIT_WORDS(SW_MAX + 1)] = { 0 };
    unsigned long state[BIT_WORDS(SW_MAX + 1)] = { 0 };
    int on = 0;
    if (ioctl(fd, EVIOCGBIT(0, sizeof types), types) >= 0 && bit_set(types, EV_SW) &&
        ioctl(fd, EVIOCGBIT(EV_SW, sizeof sw), sw) >= 0 && bit_set(sw, SW_HEADPHONE_INSERT) &&
        ioctl(fd, EVIOCGSW(sizeof state), state) >= 0)
        on = bit_set(state, SW_HEADPHONE_INSERT);
    close(fd);
    return on;
}

int ov_headphones_in(const char *setting, const char *input_dir)
{
    if (!setting || !strcmp(setting, "no"))
        return 0;
    if (!strcmp(setting, "yes"))
        return 1;
    if (strcmp(setting, "auto"))
        return 0;
    DIR *d = opendir(input_dir ? input_dir : OV_INPUT_DIR);
    if (!d)
        return 0;
    int on = 0;
    struct dirent *e;
    while (!on && (e = readdir(d))) {
        if (strncmp(e->d_name, "event", 5))
            continue;
        char path[OV_PATH_MAX + EVENT_NAME_LEN];
        snprintf(path, sizeof path, "%s/%s", input_dir ? input_dir : OV_INPUT_DIR, e->d_name);
        on = jack_switch_on(path);
    }
    closedir(d);
    return on;
}

void ov_headphones_blank_frame(struct SDL_Renderer *r)
{
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
}
