/* test_privacy_install.c — no default PIN (docs/privacy.md): the installer's
 * PIN step (board/rpi/set-pin.sh, which install.sh runs with --keep) with no
 * terminal makes a random 6-digit PIN, prints it once, stores only its hash
 * in a temporary data folder, keeps it on a second run, and the real kiosk
 * then opens facilitator mode with that PIN and no other. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk_runner.h"
#include "ui/pin.h"

/* Run the PIN step on data folder `data` with no terminal; its output into out. Returns the exit code. */
static int set_pin(const char *data, const char *extra, char *out, size_t outlen)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "OURVOICE='%s' sh board/rpi/set-pin.sh %s --data-dir '%s' </dev/null 2>&1",
             ov_test_program(), extra, data);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(out, 1, outlen - 1, p);
    out[n] = '\0';
    int rc = pclose(p);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static void read_text(const char *path, char *buf, size_t len)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(buf, 1, len - 1, f);
    buf[n] = '\0';
    fclose(f);
}

/* The pin_hash value in settings text (static buffer). */
static const char *hash_in(const char *text)
{
    static char hash[OV_PIN_HASH_LEN];
    const char *at = strstr(text, "pin_hash = ");
    assert_non_null(at);
    at += strlen("pin_hash = ");
    size_t n = strcspn(at, "\n");
    assert_true(n < sizeof hash);
    memcpy(hash, at, n);
    hash[n] = '\0';
    return hash;
}

static void install_makes_a_random_pin_prints_it_once_and_keeps_it(void **state)
{
    (void)state;
    if (system("command -v python3 >/dev/null 2>&1") != 0) skip();
    char dir[64], data[128], out[2048], path[200], text[1024], pin[16] = "", hash[OV_PIN_HASH_LEN];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(data, sizeof data, "%s/data", dir);
    assert_int_equal(mkdir(data, 0700), 0);
    assert_int_equal(set_pin(data, "--keep", out, sizeof out), 0);
    const char *at = strstr(out, "the facilitator PIN is ");
    if (!at) fail_msg("no PIN printed: %s", out);
    assert_int_equal(sscanf(at, "the facilitator PIN is %15[0-9]", pin), 1);
    assert_int_equal(strlen(pin), 6);
    assert_int_equal(ov_pin_guessable(pin), 0);
    assert_non_null(strstr(out, "Change PIN"));             /* and where to change it */
    snprintf(path, sizeof path, "%s/settings.ini", data);
    read_text(path, text, sizeof text);
    assert_null(strstr(text, pin));                          /* only the hash is stored */
    ov_strlcpy(hash, hash_in(text), sizeof hash);
    assert_int_equal(ov_pin_check(hash, pin, NULL), 1);
    assert_int_equal(ov_pin_check(hash, "123456", NULL), 0);
    /* the second install keeps it and prints no PIN */
    assert_int_equal(set_pin(data, "--keep", out, sizeof out), 0);
    assert_null(strstr(out, pin));
    read_text(path, text, sizeof text);
    assert_string_equal(hash_in(text), hash);
    /* the real kiosk: that PIN opens facilitator mode, 1234 does not */
    char cfg[200], args[400], script[400];
    snprintf(cfg, sizeof cfg, "%s/ourvoice.ini", dir);
    FILE *f = fopen(cfg, "w");
    fputs("[speech]\nspeech = no\n", f);
    fclose(f);
    snprintf(args, sizeof args, "--config %s --data %s", cfg, data);
    snprintf(script, sizeof script, "key facilitator\nkey 1\nkey 2\nkey 3\nkey 4\nkey enter\nexpect facilitator-pin\n"
             "key %c\nkey %c\nkey %c\nkey %c\nkey %c\nkey %c\nkey enter\nexpect facilitator-menu\n",
             pin[0], pin[1], pin[2], pin[3], pin[4], pin[5]);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

/* Random PINs differ from one install to the next. */
static void two_installs_get_different_pins(void **state)
{
    (void)state;
    if (system("command -v python3 >/dev/null 2>&1") != 0) skip();
    char dir[64], a[128], b[128], out_a[2048], out_b[2048];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    assert_int_equal(mkdir(a, 0700), 0);
    assert_int_equal(mkdir(b, 0700), 0);
    assert_int_equal(set_pin(a, "", out_a, sizeof out_a), 0);
    assert_int_equal(set_pin(b, "", out_b, sizeof out_b), 0);
    assert_string_not_equal(out_a, out_b);
}

/* install.sh runs the PIN step, keeping a PIN set before. */
static void install_sh_runs_the_pin_step(void **state)
{
    (void)state;
    assert_int_equal(system("grep -q 'set-pin.sh\" --keep --data-dir /var/lib/ourvoice' board/rpi/install.sh"), 0);
}

int main(void)
{
    const char *root = getenv("OV_ROOT");
    if (root && *root && chdir(root) != 0) { perror(root); return 1; }
    if (access(ov_test_program(), X_OK) != 0) { fprintf(stderr, "build %s first\n", ov_test_program()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(install_makes_a_random_pin_prints_it_once_and_keeps_it),
        cmocka_unit_test(two_installs_get_different_pins),
        cmocka_unit_test(install_sh_runs_the_pin_step),
    };
    return cmocka_run_group_tests_name("privacy_install", tests, NULL, NULL);
}
