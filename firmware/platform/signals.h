/* signals.h — the kiosk's signal policy (see app/main_kiosk.c): SIGTERM and
 * SIGINT ask the program to leave cleanly; the loop looks at the request
 * every turn (ov_display_wait ends at the signal, or a turn waits at most
 * 100 ms), closes the vote store and stops speech. */
#ifndef OV_SIGNALS_H
#define OV_SIGNALS_H

/* Install the SIGTERM and SIGINT handlers (they only note the request).
 * Returns OV_OK, or OV_EIO when sigaction fails (the default handlers stay). */
int ov_signals_install(void);

/* 1 once SIGTERM or SIGINT arrived, else 0. */
int ov_signals_stop_requested(void);

#endif
