/* audio_thread.c — real-time scheduling for SDL's audio thread (see
 * audio_thread.h). Called from the audio callback, so it only makes the one
 * system call and never logs. */
#include "platform/audio_thread.h"

#include <errno.h>
#include <sched.h>
#include <string.h>

int ov_audio_driver_is_real(const char *driver)
{
    return driver && strcmp(driver, "disk") != 0 && strcmp(driver, "dummy") != 0;
}

int ov_audio_thread_make_realtime(void)
{
    struct sched_param p;
    memset(&p, 0, sizeof p);
    p.sched_priority = OV_AUDIO_RT_PRIORITY;
    /* Linux: pid 0 is the calling thread; SCHED_RESET_ON_FORK keeps anything it forks ordinary */
    if (sched_setscheduler(0, SCHED_RR | SCHED_RESET_ON_FORK, &p) != 0)
        return errno;
    return 0;
}
