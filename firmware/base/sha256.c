/* sha256.c — SHA-256, HMAC-SHA256 and PBKDF2-HMAC-SHA256. */
#include "base/sha256.h"

#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void compress(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8
               | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

void ov_sha256_init(ov_sha256 *s)
{
    static const uint32_t iv[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    memcpy(s->h, iv, sizeof iv);
    s->bytes = 0;
    s->used = 0;
}

void ov_sha256_update(ov_sha256 *s, const void *data, size_t len)
{
    const unsigned char *p = data;
    s->bytes += len;
    while (len > 0) {
        size_t take = 64 - s->used < len ? 64 - s->used : len;
        memcpy(s->block + s->used, p, take);
        s->used += take;
        p += take;
        len -= take;
        if (s->used == 64) {
            compress(s->h, s->block);
            s->used = 0;
        }
    }
}

void ov_sha256_final(ov_sha256 *s, unsigned char out[OV_SHA256_LEN])
{
    uint64_t bits = s->bytes * 8;
    unsigned char pad = 0x80;
    ov_sha256_update(s, &pad, 1);
    unsigned char zero = 0;
    while (s->used != 56) ov_sha256_update(s, &zero, 1);
    unsigned char len[8];
    for (int i = 0; i < 8; i++) len[i] = (unsigned char)(bits >> (56 - 8 * i));
    ov_sha256_update(s, len, 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(s->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)s->h[i];
    }
    memset(s, 0, sizeof *s);
}

void ov_sha256_hash(const void *data, size_t len, unsigned char out[OV_SHA256_LEN])
{
    ov_sha256 s;
    ov_sha256_init(&s);
    ov_sha256_update(&s, data, len);
    ov_sha256_final(&s, out);
}

/* HMAC with the key's inner and outer states prepared once (PBKDF2 reuses them). */
typedef struct { ov_sha256 inner, outer; } hmac_key;

static void hmac_prepare(hmac_key *k, const void *key, size_t keylen)
{
    unsigned char kb[64] = { 0 }, pad[64];
    if (keylen > 64) ov_sha256_hash(key, keylen, kb);
    else memcpy(kb, key, keylen);
    for (int i = 0; i < 64; i++) pad[i] = kb[i] ^ 0x36;
    ov_sha256_init(&k->inner);
    ov_sha256_update(&k->inner, pad, 64);
    for (int i = 0; i < 64; i++) pad[i] = kb[i] ^ 0x5c;
    ov_sha256_init(&k->outer);
    ov_sha256_update(&k->outer, pad, 64);
    memset(kb, 0, sizeof kb);
}

static void hmac_run(const hmac_key *k, const void *msg, size_t len, const void *msg2, size_t len2,
                     unsigned char out[OV_SHA256_LEN])
{
    ov_sha256 s = k->inner;
    unsigned char ih[OV_SHA256_LEN];
    ov_sha256_update(&s, msg, len);
    if (len2) ov_sha256_update(&s, msg2, len2);
    ov_sha256_final(&s, ih);
    s = k->outer;
    ov_sha256_update(&s, ih, sizeof ih);
    ov_sha256_final(&s, out);
}

void ov_hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
                    unsigned char out[OV_SHA256_LEN])
{
    hmac_key k;
    hmac_prepare(&k, key, keylen);
    hmac_run(&k, msg, msglen, NULL, 0, out);
    memset(&k, 0, sizeof k);
}

void ov_pbkdf2_sha256(const void *pass, size_t passlen, const void *salt, size_t saltlen,
                      unsigned iterations, unsigned char *out, size_t outlen)
{
    hmac_key k;
    hmac_prepare(&k, pass, passlen);
    if (iterations < 1) iterations = 1;
    for (uint32_t block = 1; outlen > 0; block++) {
        unsigned char be[4] = { (unsigned char)(block >> 24), (unsigned char)(block >> 16),
                                (unsigned char)(block >> 8), (unsigned char)block };
        unsigned char u[OV_SHA256_LEN], t[OV_SHA256_LEN];
        hmac_run(&k, salt, saltlen, be, 4, u);
        memcpy(t, u, sizeof t);
        for (unsigned i = 1; i < iterations; i++) {
            hmac_run(&k, u, sizeof u, NULL, 0, u);
            for (int j = 0; j < OV_SHA256_LEN; j++) t[j] ^= u[j];
        }
        size_t take = outlen < OV_SHA256_LEN ? outlen : OV_SHA256_LEN;
        memcpy(out, t, take);
        out += take;
        outlen -= take;
    }
    memset(&k, 0, sizeof k);
}
