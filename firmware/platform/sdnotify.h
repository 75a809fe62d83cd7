/* sdnotify.h — tell systemd how the kiosk is doing (READY=1, WATCHDOG=1,
 * STATUS=...) without libsystemd: one datagram to $NOTIFY_SOCKET.
 *
 * The unit (board/rpi/ourvoice.service) is Type=notify with WatchdogSec=:
 * the kiosk sends "READY=1" after its first frame is on screen and
 * "WATCHDOG=1" from its main loop every ov_sd_watchdog_interval_ms(). */
#ifndef OV_SDNOTIFY_H
#define OV_SDNOTIFY_H

#include <stdint.h>

/* Send `state` (e.g. "READY=1\nSTATUS=Showing welcome") to the socket named
 * by $NOTIFY_SOCKET (a path, or "@name" for an abstract socket).
 * Returns OV_OK when sent; OV_ENOTFOUND when NOTIFY_SOCKET is not set (not
 * started by systemd: nothing to do, not an error for the caller);
 * OV_EINVAL when state is NULL/empty or the socket name is unusable;
 * OV_EIO when the socket cannot be created or the send fails. Never blocks
 * for long and never raises SIGPIPE. */
int ov_sd_notify(const char *state);

/* How often the main loop should send "WATCHDOG=1", in milliseconds: half
 * of the timeout systemd passes in $WATCHDOG_USEC (systemd's advice), at
 * least 1. Returns 0 when no watchdog is asked for: WATCHDOG_USEC unset,
 * not a positive number, or $WATCHDOG_PID names another process. */
uint64_t ov_sd_watchdog_interval_ms(void);

#endif
