/* keepalive.h — keeps systemd's watchdog fed while the main loop does one
 * long piece of work (a USB export with fsync and read-back, an import of up
 * to 200 MB, a restore), from a helper thread, for a bounded time.
 *
 * The watchdog exists to restart a kiosk that hangs; the helper thread must
 * not hide a real hang, so it stops feeding after OV_KEEPALIVE_MAX_MS (the
 * longest an export or import of the largest allowed pack may take on a slow
 * stick): a job stuck longer is restarted by systemd. */
#ifndef OV_KEEPALIVE_H
#define OV_KEEPALIVE_H

#include <stdint.h>

#define OV_KEEPALIVE_MAX_MS (15u * 60u * 1000u) /* 15 minutes */

typedef struct ov_keepalive ov_keepalive;

/* Start feeding the watchdog every ov_sd_watchdog_interval_ms() for at most
 * max_ms. Returns OV_OK with *out (NULL when no watchdog is asked for: then
 * there is nothing to feed), or OV_ENOMEM / OV_EIO with *out = NULL (no
 * thread: the caller goes on unfed). */
int ov_keepalive_start(uint64_t max_ms, ov_keepalive **out);

/* Stop feeding, join the thread and free k. Returns how many WATCHDOG=1 the
 * thread sent (0 for a NULL k). The main loop feeds the watchdog again from
 * its next turn. */
int ov_keepalive_stop(ov_keepalive *k);

#endif
