/* pin_hash.h — a facilitator PIN hashed with a fresh random salt from the
 * kernel (the hashing itself is ui/pin.h), and the wrong-PIN wait kept in the
 * data folder (DATA_DIR/pin-wait) so that a restart gives no new tries. */
#ifndef OV_PIN_HASH_H
#define OV_PIN_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "ui/pin.h"

/* Hash pin with a fresh random salt into out ("pbkdf2-sha256$..."). Returns
 * OV_OK, OV_EINVAL (not 4-8 digits, or out too small) or OV_EIO (no random). */
int ov_pin_hash(const char *pin, char *out, size_t outlen);

/* Read the kept wrong-PIN wait of data_dir into *g (the wait counted again
 * from now_ms). No file: a fresh guard and OV_OK. A damaged file: the
 * longest wait applies (never free tries) and OV_EINVAL with `file:1: what
 * is wrong` in err. A file that cannot be read (not a regular file, too big,
 * an I/O error): *g is a fresh guard and the code is OV_EINVAL or OV_EIO,
 * with `file: what is wrong` in err. */
int ov_pin_guard_load(const char *data_dir, uint64_t now_ms, ov_pin_guard *g, char *err, size_t errlen);

/* Keep *g in data_dir (written to DATA_DIR/pin-wait.new, synced, renamed over
 * the old). Returns OV_OK or a negative code (OV_EPERM, OV_ENOSPC, OV_EIO, ...)
 * with the reason and the fix in err. */
int ov_pin_guard_save(const char *data_dir, const ov_pin_guard *g, uint64_t now_ms, char *err, size_t errlen);

#endif
