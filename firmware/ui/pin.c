/* pin.c — facilitator PIN hashing (PBKDF2-HMAC-SHA256), constant-time check
 * and the growing wait after wrong tries. */
#include "ui/pin.h"
#include "base/ov_common.h"
#include "base/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SALT_LEN OV_PIN_SALT_LEN
#define PREFIX "pbkdf2-sha256$"
/* Most wrong tries counted (and kept in a file): a damaged file cannot lock the kiosk for ever. */
#define KEPT_WRONG_MAX 1000
#define ITERATIONS_MAX 10000000UL /* a stored hash asking for more is refused (it would hang the check) */

int ov_pin_acceptable(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    return n >= 4 && n <= 8 && strspn(pin, "0123456789") == n;
}

static void to_hex(const unsigned char *d, size_t n, char *out)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[2 * n] = '\0';
}

/* Exactly 2*n hex digits from s (up to end) into d. Returns 1 on success. */
static int from_hex(const char *s, const char *end, unsigned char *d, size_t n)
{
    if ((size_t)(end - s) != 2 * n)
        return 0;
    for (size_t i = 0; i < 2 * n; i++) {
        char c = s[i];
        int v = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (v < 0)
            return 0;
        if (i % 2 == 0)
            d[i / 2] = (unsigned char)(v << 4);
        else
            d[i / 2] |= (unsigned char)v;
    }
    return 1;
}

int ov_pin_guessable(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    if (n < 2)
        return 1;
    int same = 1, up = 1, down = 1;
    for (size_t i = 1; i < n; i++) {
        int step = pin[i] - pin[i - 1];
        same &= step == 0;
        up &= step == 1;
        down &= step == -1;
    }
    return same || up || down;
}

int ov_pin_is_set(const char *stored) { return stored && stored[0]; }

int ov_pin_hash_salted(const char *pin, const unsigned char *salt, size_t saltlen, unsigned iterations,
                       char *out, size_t outlen)
{
    if (!ov_pin_acceptable(pin) || saltlen != SALT_LEN || iterations < 1)
        return OV_EINVAL;
    unsigned char dk[OV_SHA256_LEN];
    char salthex[2 * SALT_LEN + 1], dkhex[2 * OV_SHA256_LEN + 1];
    ov_pbkdf2_sha256(pin, strlen(pin), salt, saltlen, iterations, dk, sizeof dk);
    to_hex(salt, saltlen, salthex);
    to_hex(dk, sizeof dk, dkhex);
    int n = snprintf(out, outlen, PREFIX "%u$%s$%s", iterations, salthex, dkhex);
    memset(dk, 0, sizeof dk);
    return n > 0 && (size_t)n < outlen ? OV_OK : OV_EINVAL;
}

int ov_pin_check(const char *stored, const char *pin, int *must_change)
{
    if (must_change)
        *must_change = 0;
    if (!pin)
        pin = "";
    if (!ov_pin_is_set(stored))
        return 0; /* no PIN set: none opens facilitator mode */
    if (strncmp(stored, PREFIX, strlen(PREFIX)) != 0)
        return OV_EINVAL;
    const char *p = stored + strlen(PREFIX);
    char *end;
    unsigned long iter = strtoul(p, &end, 10);
    if (end == p || *end != '$' || iter < 1 || iter > ITERATIONS_MAX)
        return OV_EINVAL;
    const char *salt_s = end + 1, *dollar = strchr(salt_s, '$');
    if (!dollar)
        return OV_EINVAL;
    unsigned char salt[SALT_LEN], want[OV_SHA256_LEN], got[OV_SHA256_LEN];
    if (!from_hex(salt_s, dollar, salt, SALT_LEN) ||
        !from_hex(dollar + 1, dollar + 1 + strlen(dollar + 1), want, sizeof want))
        return OV_EINVAL;
    ov_pbkdf2_sha256(pin, strlen(pin), salt, sizeof salt, (unsigned)iter, got, sizeof got);
    unsigned diff = 0;
    for (int i = 0; i < OV_SHA256_LEN; i++)
        diff |= (unsigned)(got[i] ^ want[i]);
    memset(got, 0, sizeof got);
    return diff == 0;
}

void ov_pin_guard_init(ov_pin_guard *g) { memset(g, 0, sizeof *g); }

uint64_t ov_pin_wait_ms(const ov_pin_guard *g, uint64_t now_ms)
{
    return g->next_try_ms > now_ms ? g->next_try_ms - now_ms : 0;
}

ov_pin_result ov_pin_try(ov_pin_guard *g, const char *stored, const char *pin, uint64_t now_ms,
                         int *must_change)
{
    if (must_change)
        *must_change = 0;
    if (!ov_pin_is_set(stored))
        return OV_PIN_NOT_SET;
    if (ov_pin_wait_ms(g, now_ms) > 0)
        return OV_PIN_WAIT;
    int ok = ov_pin_check(stored, pin, must_change);
    if (ok == 1) {
        g->wrong = 0;
        g->next_try_ms = 0;
        return OV_PIN_RIGHT;
    }
    if (ok < 0)
        ov_log_error("pin_hash in the settings cannot be read; set a new PIN with the key switch "
                     "(Change PIN) or board/rpi/set-pin.sh");
    if (g->wrong < KEPT_WRONG_MAX)
        g->wrong++;
    if (g->wrong >= OV_PIN_FREE_TRIES) {
        uint64_t wait = OV_PIN_FIRST_WAIT_MS;
        for (int i = OV_PIN_FREE_TRIES; i < g->wrong && wait < OV_PIN_MAX_WAIT_MS; i++)
            wait *= 2;
        if (wait > OV_PIN_MAX_WAIT_MS)
            wait = OV_PIN_MAX_WAIT_MS;
        g->next_try_ms = now_ms + wait;
    }
    return OV_PIN_WRONG;
}

int ov_pin_guard_format(const ov_pin_guard *g, uint64_t now_ms, char *out, size_t outlen)
{
    int n = snprintf(out, outlen, "wrong %d wait_ms %llu\n", g->wrong,
                     (unsigned long long)ov_pin_wait_ms(g, now_ms));
    return n > 0 && (size_t)n < outlen ? OV_OK : OV_EINVAL;
}

int ov_pin_guard_parse(const char *text, uint64_t now_ms, ov_pin_guard *g)
{
    int wrong = 0, used = 0;
    unsigned long long wait = 0;
    if (!text || sscanf(text, "wrong %d wait_ms %llu%n", &wrong, &wait, &used) != 2 || used <= 0)
        return OV_EINVAL;
    if (wrong < 0 || wrong > KEPT_WRONG_MAX || wait > OV_PIN_MAX_WAIT_MS)
        return OV_EINVAL;
    g->wrong = wrong;
    g->next_try_ms = wait ? now_ms + wait : 0;
    return OV_OK;
}
