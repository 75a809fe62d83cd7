/* test_pin.c — SHA-256 / HMAC / PBKDF2 against published vectors (FIPS
 * 180-2 examples, RFC 4231, RFC 7914 section 11), the facilitator PIN check
 * (default PIN must be changed, salted hashes differ) and the growing wait
 * after wrong tries. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/ov_common.h"
#include "platform/pin_hash.h"
#include "ui/pin.h"
#include "base/sha256.h"
#include "test_tmp.h"

static void hex(const unsigned char *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", d[i]);
}

static void test_sha256_vectors(void **state)
{
    (void)state;
    unsigned char d[32];
    char h[65];
    ov_sha256_hash("abc", 3, d); hex(d, 32, h);
    assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    ov_sha256_hash("", 0, d); hex(d, 32, h);
    assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    ov_sha256_hash(m, strlen(m), d); hex(d, 32, h);
    assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* one million 'a', fed in uneven pieces */
    ov_sha256 s;
    ov_sha256_init(&s);
    char a[997];
    memset(a, 'a', sizeof a);
    size_t left = 1000000;
    while (left) { size_t t = left < sizeof a ? left : sizeof a; ov_sha256_update(&s, a, t); left -= t; }
    ov_sha256_final(&s, d); hex(d, 32, h);
    assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_hmac_rfc4231(void **state)
{
    (void)state;
    unsigned char key[20], d[32];
    char h[65];
    memset(key, 0x0b, sizeof key);
    ov_hmac_sha256(key, sizeof key, "Hi There", 8, d); hex(d, 32, h);
    assert_string_equal(h, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    ov_hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, d); hex(d, 32, h);
    assert_string_equal(h, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    /* test case 6: a key longer than the block */
    unsigned char big[131];
    memset(big, 0xaa, sizeof big);
    const char *msg = "Test Using Larger Than Block-Size Key - Hash Key First";
    ov_hmac_sha256(big, sizeof big, msg, strlen(msg), d); hex(d, 32, h);
    assert_string_equal(h, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

static void test_pbkdf2_rfc7914(void **state)
{
    (void)state;
    unsigned char d[64];
    char h[129];
    ov_pbkdf2_sha256("passwd", 6, "salt", 4, 1, d, 64); hex(d, 64, h);
    assert_string_equal(h, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                           "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    ov_pbkdf2_sha256("Password", 8, "NaCl", 4, 80000, d, 64); hex(d, 64, h);
    assert_string_equal(h, "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                           "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

static void test_pin_hash_and_check(void **state)
{
    (void)state;
    char stored[OV_PIN_HASH_LEN], other[OV_PIN_HASH_LEN];
    assert_int_equal(ov_pin_hash("2468", stored, sizeof stored), OV_OK);
    assert_int_equal(ov_pin_hash("2468", other, sizeof other), OV_OK);
    assert_string_not_equal(stored, other);            /* fresh salt each time */
    assert_non_null(strstr(stored, "pbkdf2-sha256$20000$"));
    assert_null(strstr(stored, "2468"));                /* the PIN itself is never stored */
    int must = -1;
    assert_int_equal(ov_pin_check(stored, "2468", &must), 1);
    assert_int_equal(must, 0);
    assert_int_equal(ov_pin_check(other, "2468", NULL), 1);
    assert_int_equal(ov_pin_check(stored, "2469", NULL), 0);
    assert_int_equal(ov_pin_check(stored, "", NULL), 0);
    assert_int_equal(ov_pin_check(stored, "1234", NULL), 0);
    /* a known salt gives a known hash (RFC-vector-backed PBKDF2) */
    unsigned char salt[16] = "0123456789abcdef";
    assert_int_equal(ov_pin_hash_salted("1234", salt, 16, 1, stored, sizeof stored), OV_OK);
    unsigned char d[32];
    char h[65];
    ov_pbkdf2_sha256("1234", 4, salt, 16, 1, d, 32); hex(d, 32, h);
    assert_non_null(strstr(stored, h));
    /* not 4-8 digits: refused */
    assert_int_equal(ov_pin_hash("12", stored, sizeof stored), OV_EINVAL);
    assert_int_equal(ov_pin_hash("12a4", stored, sizeof stored), OV_EINVAL);
    assert_int_equal(ov_pin_hash("123456789", stored, sizeof stored), OV_EINVAL);
    /* broken stored values never match */
    assert_int_equal(ov_pin_check("nonsense", "1234", NULL), OV_EINVAL);
    assert_int_equal(ov_pin_check("pbkdf2-sha256$20000$00$00", "1234", NULL), OV_EINVAL);
}

/* There is no default PIN: with no pin_hash nothing typed opens facilitator mode. */
static void test_no_pin_set_opens_nothing(void **state)
{
    (void)state;
    int must = 1;
    const char *tries[] = { "1234", "0000", "", "123456", "2580" };
    for (size_t i = 0; i < OV_ARRAY_LEN(tries); i++) {
        assert_int_equal(ov_pin_check("", tries[i], &must), 0);
        assert_int_equal(must, 0);
        assert_int_equal(ov_pin_check(NULL, tries[i], &must), 0);
    }
    assert_int_equal(ov_pin_is_set(""), 0);
    assert_int_equal(ov_pin_is_set(NULL), 0);
    assert_int_equal(ov_pin_is_set("pbkdf2-sha256$1$00$00"), 1);
    /* through the guard: "not set", and no wrong try is counted */
    ov_pin_guard g;
    ov_pin_guard_init(&g);
    for (int i = 0; i < 10; i++) assert_int_equal(ov_pin_try(&g, "", "1234", 0, &must), OV_PIN_NOT_SET);
    assert_int_equal(g.wrong, 0);
    assert_int_equal(ov_pin_wait_ms(&g, 0), 0);
}

/* The PINs anybody tries first are refused as new PINs. */
static void test_guessable_pins(void **state)
{
    (void)state;
    const char *guessable[] = { "1234", "1111", "0000", "4321", "0123", "9876", "345678", "12345678", "999999" };
    const char *fine[] = { "2580", "7391", "1235", "482913", "1212", "11112" };
    for (size_t i = 0; i < OV_ARRAY_LEN(guessable); i++) assert_int_equal(ov_pin_guessable(guessable[i]), 1);
    for (size_t i = 0; i < OV_ARRAY_LEN(fine); i++) assert_int_equal(ov_pin_guessable(fine[i]), 0);
}

/* The wait kept on disk: written and read back, never shortened by a restart. */
static void test_guard_kept_as_a_line(void **state)
{
    (void)state;
    char stored[OV_PIN_HASH_LEN], line[64];
    unsigned char salt[16] = { 2 };
    assert_int_equal(ov_pin_hash_salted("7391", salt, 16, 10, stored, sizeof stored), OV_OK);
    ov_pin_guard g, back;
    ov_pin_guard_init(&g);
    for (int i = 0; i < 3; i++) ov_pin_try(&g, stored, "0000", 1000, NULL);
    assert_int_equal(ov_pin_try(&g, stored, "0000", 6000, NULL), OV_PIN_WRONG);
    assert_int_equal(ov_pin_wait_ms(&g, 6000), 10000);
    /* 3 s later the kiosk restarts: its new clock starts near 0 */
    assert_int_equal(ov_pin_guard_format(&g, 9000, line, sizeof line), OV_OK);
    assert_string_equal(line, "wrong 4 wait_ms 7000\n");
    ov_pin_guard_init(&back);
    assert_int_equal(ov_pin_guard_parse(line, 50, &back), OV_OK);
    assert_int_equal(back.wrong, 4);
    assert_int_equal(ov_pin_wait_ms(&back, 50), 7000);
    assert_int_equal(ov_pin_try(&back, stored, "7391", 6000, NULL), OV_PIN_WAIT);  /* the right PIN waits too */
    assert_int_equal(ov_pin_try(&back, stored, "0000", 7050, NULL), OV_PIN_WRONG); /* the 5th wrong: longer */
    assert_int_equal(ov_pin_wait_ms(&back, 7050), 20000);
    /* damaged lines are refused and leave the guard as it was */
    const char *bad[] = { "", "wrong", "wrong -1 wait_ms 5", "wrong 3 wait_ms 999999999", "hello 3 wait_ms 5" };
    for (size_t i = 0; i < OV_ARRAY_LEN(bad); i++) {
        assert_int_equal(ov_pin_guard_parse(bad[i], 0, &back), OV_EINVAL);
        assert_int_equal(back.wrong, 5);
    }
    assert_int_equal(ov_pin_guard_format(&g, 0, line, 4), OV_EINVAL);
}

static void test_wrong_tries_slow_down(void **state)
{
    (void)state;
    char stored[OV_PIN_HASH_LEN];
    unsigned char salt[16] = { 1 };
    assert_int_equal(ov_pin_hash_salted("4321", salt, 16, 100, stored, sizeof stored), OV_OK);
    ov_pin_guard g;
    ov_pin_guard_init(&g);
    uint64_t t = 1000;
    /* 3 free tries */
    for (int i = 0; i < 2; i++) {
        assert_int_equal(ov_pin_try(&g, stored, "0000", t, NULL), OV_PIN_WRONG);
        assert_int_equal(ov_pin_wait_ms(&g, t), 0);
    }
    assert_int_equal(ov_pin_try(&g, stored, "0000", t, NULL), OV_PIN_WRONG);
    assert_int_equal(ov_pin_wait_ms(&g, t), 5000);
    /* while waiting, even the right PIN is not checked */
    assert_int_equal(ov_pin_try(&g, stored, "4321", t + 4999, NULL), OV_PIN_WAIT);
    uint64_t waits[] = { 10000, 20000, 40000, 80000, 160000, 300000, 300000 };
    t += 5000;
    for (size_t i = 0; i < OV_ARRAY_LEN(waits); i++) {
        assert_int_equal(ov_pin_try(&g, stored, "9999", t, NULL), OV_PIN_WRONG);
        assert_int_equal(ov_pin_wait_ms(&g, t), waits[i]);
        t += waits[i];
    }
    /* the right PIN after the wait works and the count starts again */
    assert_int_equal(ov_pin_try(&g, stored, "4321", t, NULL), OV_PIN_RIGHT);
    assert_int_equal(ov_pin_try(&g, stored, "0000", t, NULL), OV_PIN_WRONG);
    assert_int_equal(ov_pin_wait_ms(&g, t), 0);
}

/* The wait in DATA_DIR/pin-wait: kept, read back, and a damaged file gives the longest wait. */
static void test_guard_kept_in_the_data_folder(void **state)
{
    (void)state;
    char dir[256], path[300], err[400];
    assert_non_null(mkdtemp(ov_test_tmp_template(dir, sizeof dir, "pin")));
    snprintf(path, sizeof path, "%s/pin-wait", dir);
    ov_pin_guard g, back;
    assert_int_equal(ov_pin_guard_load(dir, 0, &back, err, sizeof err), OV_OK);   /* no file: fresh */
    assert_int_equal(back.wrong, 0);
    ov_pin_guard_init(&g);
    g.wrong = 6;
    g.next_try_ms = 100000;
    assert_int_equal(ov_pin_guard_save(dir, &g, 60000, err, sizeof err), OV_OK);
    assert_int_equal(ov_pin_guard_load(dir, 5, &back, err, sizeof err), OV_OK);
    assert_int_equal(back.wrong, 6);
    assert_int_equal(ov_pin_wait_ms(&back, 5), 40000);
    FILE *f = fopen(path, "w");
    fputs("garbage\n", f);
    fclose(f);
    assert_true(ov_pin_guard_load(dir, 5, &back, err, sizeof err) < 0);
    assert_non_null(strstr(err, "pin-wait:1:"));
    assert_int_equal(ov_pin_wait_ms(&back, 5), OV_PIN_MAX_WAIT_MS);
    unlink(path);
    snprintf(path, sizeof path, "%s/missing/dir", dir);
    assert_true(ov_pin_guard_save(path, &g, 0, err, sizeof err) < 0);
    assert_non_null(strstr(err, "check the data folder"));
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_vectors),
        cmocka_unit_test(test_hmac_rfc4231),
        cmocka_unit_test(test_pbkdf2_rfc7914),
        cmocka_unit_test(test_pin_hash_and_check),
        cmocka_unit_test(test_no_pin_set_opens_nothing),
        cmocka_unit_test(test_guessable_pins),
        cmocka_unit_test(test_guard_kept_as_a_line),
        cmocka_unit_test(test_guard_kept_in_the_data_folder),
        cmocka_unit_test(test_wrong_tries_slow_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
