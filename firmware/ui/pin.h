/* pin.h — the facilitator PIN: stored only as a salted, iterated hash in the
 * config (pin_hash), compared in constant time, with wrong guesses slowed
 * down. Pure logic plus a hash; time comes in as now_ms so it is testable.
 *
 * Stored form: "pbkdf2-sha256$ITERATIONS$SALT$HASH" (SALT 16 bytes, HASH 32
 * bytes, both lower-case hex), e.g. written by `ov_pin_hash`. There is no
 * default PIN: an empty pin_hash means "no PIN set", and then no PIN opens
 * facilitator mode (only the key switch does; board/rpi/install.sh sets the
 * first PIN). */
#ifndef OV_PIN_H
#define OV_PIN_H

#include <stddef.h>
#include <stdint.h>

#define OV_PIN_ITERATIONS 20000
#define OV_PIN_HASH_LEN 128        /* fits ov_config.pin_hash */
#define OV_PIN_FREE_TRIES 3        /* wrong tries before the kiosk makes people wait */
#define OV_PIN_FIRST_WAIT_MS 5000u /* then 5 s, 10 s, 20 s, ... */
#define OV_PIN_MAX_WAIT_MS 300000u /* at most 5 minutes */

/* 1 when pin is an acceptable new PIN: 4 to 8 digits. */
int ov_pin_acceptable(const char *pin);

/* 1 when pin is one anybody would try first: one digit repeated (1111) or
 * a straight run up or down (1234, 0123, 9876, 345678), or shorter than 2
 * characters (NULL too). 0 otherwise. */
int ov_pin_guessable(const char *pin);

/* 1 when stored (the config's pin_hash) holds a PIN, 0 when it is empty or NULL. */
int ov_pin_is_set(const char *stored);

#define OV_PIN_SALT_LEN 16 /* bytes of salt in a hash */

/* Hash pin with the given salt (OV_PIN_SALT_LEN bytes) and iteration count
 * into out ("pbkdf2-sha256$..."); platform/pin_hash.h adds a fresh random
 * salt. Returns OV_OK or OV_EINVAL (not 4-8 digits, wrong salt length,
 * iterations 0, out too small). */
int ov_pin_hash_salted(const char *pin, const unsigned char *salt, size_t saltlen, unsigned iterations,
                       char *out, size_t outlen);

/* Check pin against stored (the config's pin_hash). Returns 1 when it
 * matches, 0 when not (always 0 when stored is empty: no PIN is set),
 * OV_EINVAL when stored is not a hash this kiosk can read (then nothing
 * matches: set a new PIN with the key switch or board/rpi/set-pin.sh).
 * *must_change (if not NULL) is always set to 0 (there is no default PIN to
 * change). The comparison takes the same time wherever a difference is. */
int ov_pin_check(const char *stored, const char *pin, int *must_change);

/* Wrong-guess slowdown. */
typedef struct {
    int wrong;            /* wrong tries in a row */
    uint64_t next_try_ms; /* no try is checked before this time */
} ov_pin_guard;

typedef enum { OV_PIN_RIGHT = 1, OV_PIN_WRONG = 0, OV_PIN_WAIT = 2, OV_PIN_NOT_SET = 3 } ov_pin_result;

/* No wrong tries, no wait. */
void ov_pin_guard_init(ov_pin_guard *g);
/* Milliseconds to wait before the next try is checked (0: try now). */
uint64_t ov_pin_wait_ms(const ov_pin_guard *g, uint64_t now_ms);
/* Try a PIN at now_ms: OV_PIN_WAIT (not checked: too soon), OV_PIN_WRONG
 * (a wait may now apply: see ov_pin_wait_ms), OV_PIN_RIGHT (the count of
 * wrong tries starts again) or OV_PIN_NOT_SET (stored is empty: nothing is
 * checked or counted). A stored hash that cannot be read is WRONG (and
 * logged as an error). *must_change (if not NULL) is always set to 0. */
ov_pin_result ov_pin_try(ov_pin_guard *g, const char *stored, const char *pin, uint64_t now_ms,
                         int *must_change);

/* The guard as a line to keep on disk, so a restart does not give new tries:
 * "wrong N wait_ms M" (M: what is left of the wait at now_ms). Returns OV_OK
 * or OV_EINVAL (out too small). */
int ov_pin_guard_format(const ov_pin_guard *g, uint64_t now_ms, char *out, size_t outlen);

/* Read a line made by ov_pin_guard_format into *g, the wait counted again
 * from now_ms (a restart never shortens it). Returns OV_OK, or OV_EINVAL
 * when text is NULL, not such a line, or its numbers are out of range (more
 * than 1000 wrong tries, a wait over OV_PIN_MAX_WAIT_MS); then *g is left as
 * it was. */
int ov_pin_guard_parse(const char *text, uint64_t now_ms, ov_pin_guard *g);

#endif
