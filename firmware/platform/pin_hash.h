/* pin_hash.h — a facilitator PIN hashed with a fresh random salt from the
 * kernel (the hashing itself is ui/pin.h). */
#ifndef OV_PIN_HASH_H
#define OV_PIN_HASH_H

#include <stddef.h>

/* Hash pin with a fresh random salt into out ("pbkdf2-sha256$..."). Returns
 * OV_OK, OV_EINVAL (not 4-8 digits, or out too small) or OV_EIO (no random). */
int ov_pin_hash(const char *pin, char *out, size_t outlen);

#endif
