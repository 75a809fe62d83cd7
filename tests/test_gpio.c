/* test_gpio.c — GPIO soft failure on a machine with no GPIO chip (any CI
 * box): opening gives a usable object and one clear message, the kiosk's
 * calls all keep working, and retrying is cheap. The real-chip behaviour
 * (presses, bounces, lights) is tested in a VM by `make test-gpio`. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/gpio.h"
#include "test_tmp.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    ov_log_set_quiet(1);
    ov_test_tmp_template(dir, sizeof dir, "ov-gpio");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/gpiochip0", dir);
    unlink(path);
    rmdir(dir);
    return 0;
}

static void default_config(ov_config *cfg)
{
    ov_config_defaults(cfg);
}

/* No chip at all: soft failure, an object that works, a message that says
 * what is wrong and that touch and keys still work. */
static void test_no_chip_fails_softly(void **state)
{
    (void)state;
    ov_config cfg;
    default_config(&cfg);
    ov_gpio *g = NULL;
    char err[512] = "";
    int rc = ov_gpio_open_in(&cfg, dir, &g, err, sizeof err);
    assert_int_equal(rc, OV_ENOTFOUND);
    assert_non_null(g);
    assert_non_null(strstr(err, "no GPIO chip found"));
    assert_non_null(strstr(err, "Touch and keys still work"));
    assert_non_null(ov_gpio_problem(g));
    assert_string_equal(ov_gpio_problem(g), err);
    assert_int_equal(ov_gpio_working(g), 0);
    assert_true(ov_gpio_configured(g) >= 5);

    int fds[OV_GPIO_MAX_FDS];
    assert_int_equal(ov_gpio_fds(g, fds, OV_GPIO_MAX_FDS), 0);
    ov_buttons b;
    ov_buttons_init(&b, 30, 1500, 10000);
    assert_int_equal(ov_gpio_read(g, &b, 1000), 0);
    ov_gpio_lights(g, 1, 1000);
    ov_gpio_blink(g, 1100);
    /* keys still reach the debouncer while GPIO is down */
    ov_buttons_tap(&b, OV_BTN_ANSWER1, 2000);
    ov_press p;
    assert_int_equal(ov_buttons_poll(&b, 2100, &p, 1), 1);
    assert_int_equal(p.button, OV_BTN_ANSWER1);

    /* retry: nothing there yet, nothing changes, the message stays */
    uint64_t now = ov_now_ms();
    assert_int_equal(ov_gpio_retry(g, now + OV_GPIO_RETRY_MS + 1), 0);
    assert_int_equal(ov_gpio_retry(g, now + OV_GPIO_RETRY_MS + 2), 0);   /* rate limited */
    assert_non_null(ov_gpio_problem(g));
    ov_gpio_close(g);
}

/* A gpiochip0 that is not a GPIO device (here a plain file): still soft. */
static void test_bogus_chip_fails_softly(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/gpiochip0", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    ov_config cfg;
    default_config(&cfg);
    ov_gpio *g = NULL;
    char err[512] = "";
    int rc = ov_gpio_open_in(&cfg, dir, &g, err, sizeof err);
    assert_true(rc < 0);
    assert_non_null(g);
    assert_true(strlen(err) > 20);
    assert_non_null(strstr(err, "[buttons]"));
    assert_non_null(strstr(err, "may not be a GPIO chip"));
    assert_int_equal(ov_gpio_working(g), 0);
    ov_gpio_close(g);
}

/* Buttons turned off in the config (every line ""): no problem at all. */
static void test_nothing_configured_is_fine(void **state)
{
    (void)state;
    ov_config cfg;
    default_config(&cfg);
    for (int i = 0; i < OV_MAX_GPIO_ANSWERS; i++)
        cfg.gpio_answer[i][0] = cfg.gpio_light[i][0] = '\0';
    cfg.gpio_hear_again[0] = cfg.gpio_key_switch[0] = '\0';
    ov_gpio *g = NULL;
    char err[256] = "";
    assert_int_equal(ov_gpio_open_in(&cfg, dir, &g, err, sizeof err), OV_OK);
    assert_null(ov_gpio_problem(g));
    assert_int_equal(ov_gpio_configured(g), 0);
    assert_int_equal(ov_gpio_retry(g, ov_now_ms() + 100000), 0);
    ov_gpio_close(g);
}

/* The real /dev on this machine: whatever is there, open never fails hard. */
static void test_real_dev_never_fails_hard(void **state)
{
    (void)state;
    ov_config cfg;
    default_config(&cfg);
    ov_gpio *g = NULL;
    char err[512] = "";
    int rc = ov_gpio_open(&cfg, &g, err, sizeof err);
    assert_non_null(g);
    if (rc != OV_OK)
        assert_non_null(ov_gpio_problem(g));
    ov_gpio_close(g);
    ov_gpio_close(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_no_chip_fails_softly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bogus_chip_fails_softly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nothing_configured_is_fine, setup, teardown),
        cmocka_unit_test_setup_teardown(test_real_dev_never_fails_hard, setup, teardown),
    };
    return cmocka_run_group_tests_name("gpio", tests, NULL, NULL);
}
