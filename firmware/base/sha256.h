/* sha256.h — SHA-256 (FIPS 180-4), HMAC-SHA256 (RFC 2104) and
 * PBKDF2-HMAC-SHA256 (RFC 8018), for the facilitator PIN. No library. */
#ifndef OV_SHA256_H
#define OV_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define OV_SHA256_LEN 32

typedef struct {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t used;
} ov_sha256;

/* Incremental hashing: init, update with data[0..len) any number of times,
 * final writes the hash and wipes *s (init it again to reuse it). */
void ov_sha256_init(ov_sha256 *s);
void ov_sha256_update(ov_sha256 *s, const void *data, size_t len);
void ov_sha256_final(ov_sha256 *s, unsigned char out[OV_SHA256_LEN]);
/* One-shot hash of data[0..len). */
void ov_sha256_hash(const void *data, size_t len, unsigned char out[OV_SHA256_LEN]);
/* HMAC-SHA256 of msg with key. */
void ov_hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
                    unsigned char out[OV_SHA256_LEN]);
/* PBKDF2-HMAC-SHA256: derive outlen bytes into out. iterations 0 counts as 1. */
void ov_pbkdf2_sha256(const void *pass, size_t passlen, const void *salt, size_t saltlen,
                      unsigned iterations, unsigned char *out, size_t outlen);

#endif
