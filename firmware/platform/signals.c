/* signals.c — SIGTERM/SIGINT set a flag that the kiosk loop reads (see
 * signals.h). The flag is the one piece of process-wide state a signal
 * handler may touch. */
#include "platform/signals.h"

#include "base/ov_common.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t stop_requested;

static void note_stop(int sig)
{
    (void)sig;
    stop_requested = 1;
}

int ov_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = note_stop;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0)
        return OV_EIO;
    return OV_OK;
}

int ov_signals_stop_requested(void) { return stop_requested != 0; }
