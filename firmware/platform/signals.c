/* signals.c — stop requests from SIGTERM/SIGINT/SIGHUP kept in one flag
 * that the kiosk loop reads (see signals.h). */
#include "platform/signals.h"

#include "base/ov_common.h"

#include <signal.h>
#include <string.h>

/* The only state a signal handler may touch: written by the handler, read by
 * the loop. */
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
    stop_signal = sig;
}

int ov_signals_install(void)
{
    static const int stops[] = { SIGTERM, SIGINT, SIGHUP };
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    int rc = OV_OK;
    for (size_t i = 0; i < OV_ARRAY_LEN(stops); i++)
        if (sigaction(stops[i], &sa, NULL) != 0) rc = OV_EIO;
    signal(SIGPIPE, SIG_IGN);
    return rc;
}

int ov_signals_stop_requested(void)
{
    return (int)stop_signal;
}
