/* pin_hash.c — ov_pin_hash: ui/pin.c's hash with a random salt. */
#include "platform/pin_hash.h"

#include "platform/files.h"
#include "ui/pin.h"

int ov_pin_hash(const char *pin, char *out, size_t outlen)
{
    unsigned char salt[OV_PIN_SALT_LEN];
    if (ov_random_bytes(salt, sizeof salt) != OV_OK) return OV_EIO;
    return ov_pin_hash_salted(pin, salt, sizeof salt, OV_PIN_ITERATIONS, out, outlen);
}
