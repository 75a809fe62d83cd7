/* signals.h — the kiosk's signal policy: SIGTERM (systemd stopping the
 * service), SIGINT (Ctrl-C) and SIGHUP ask the program to stop; the kiosk
 * loop sees the request within one turn and leaves through its normal
 * clean-up (store closed, speech stopped). SIGPIPE is ignored so a closed
 * pipe is an error return, never a death. */
#ifndef OV_SIGNALS_H
#define OV_SIGNALS_H

/* Install the handlers. Returns OV_OK, or OV_EIO when sigaction failed (the
 * program then runs with the default actions, which end it at once: the
 * store is crash-safe, so nothing thanked is lost either way). */
int ov_signals_install(void);

/* The signal that asked to stop (SIGTERM, SIGINT, SIGHUP), or 0. */
int ov_signals_stop_requested(void);

#endif
