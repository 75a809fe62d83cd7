/* test_config.c — the settings file: defaults that work with no file, every
 * wrong line reported as file:line with what to write instead, good lines
 * applied even when others are wrong. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/config.h"
#include "test_tmp.h"

static char path[128];

static void write_file(const char *text)
{
    ov_test_tmp_template(path, sizeof path, "ourvoice-config");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
}

static int has(const ov_diags *d, const char *needle)
{
    for (int i = 0; i < d->n; i++) if (strstr(d->items[i].text, needle)) return 1;
    return 0;
}

static void defaults_work_with_no_file(void **state)
{
    (void)state;
    ov_config c;
    ov_diags d;
    ov_config_defaults(&c);
    ov_diags_init(&d);
    assert_int_equal(ov_config_load("/nonexistent/ourvoice.ini", &c, &d), OV_ENOTFOUND);
    assert_int_equal(c.confirm, 1);
    assert_int_equal(c.idle_timeout_s, 120);       /* a warning after 2 minutes, then 30 s more */
    assert_int_equal(c.idle_warning_s, 30);
    assert_int_equal(c.rate, 110);                 /* ~122 wpm heard: VVSG 2.0 asks ~120-125 */
    assert_int_equal(c.small_numbers, 5);
    assert_int_equal(c.debounce_ms, 30);
    assert_int_equal(c.scan_interval_ms, 2000);
    assert_string_equal(c.theme, "standard");
    assert_string_equal(c.gpio_answer[0], "GPIO5");
    assert_non_null(strstr(c.data_dir, "ourvoice"));
}

static void good_lines_apply(void **state)
{
    (void)state;
    write_file("; a comment\n[kiosk]\nconfirm = no\nidle_timeout_s = 30\nidle_warning_s = 45\n"
               "meeting = Peer network\n"
               "[display]\nrotation = 90\ntheme = large-text\ndiagonal_inch = 10.1\n"
               "[speech]\nrate = 120\n[buttons]\nanswer1 = pinctrl-rp1:17\n[scanning]\nmode = single\ninterval_ms = 1500\n");
    ov_config c;
    ov_diags d;
    ov_config_defaults(&c);
    ov_diags_init(&d);
    assert_int_equal(ov_config_load(path, &c, &d), OV_OK);
    assert_int_equal(d.n, 0);
    assert_int_equal(c.confirm, 0);
    assert_int_equal(c.idle_timeout_s, 30);
    assert_int_equal(c.idle_warning_s, 45);
    assert_string_equal(c.meeting, "Peer network");
    assert_int_equal(c.rotation, 90);
    assert_string_equal(c.theme, "large-text");
    assert_true(c.diagonal_inch > 10.0 && c.diagonal_inch < 10.2);
    assert_int_equal(c.rate, 120);
    assert_string_equal(c.gpio_answer[0], "pinctrl-rp1:17");
    assert_string_equal(c.scan_mode, "single");
    assert_int_equal(c.scan_interval_ms, 1500);
    remove(path);
}

static void wrong_lines_are_reported_and_skipped(void **state)
{
    (void)state;
    write_file("[kiosk]\nconfirm = perhaps\nidle_timeout_s = 5\ncolour = red\n"
               "[display]\nrotation = 45\ntheme = neon\n[scanning]\ninterval_ms = 100\nmode = three\n"
               "[speech]\nrate = 150\nthis line has no equals sign\n[kiosk]\nidle_warning_s = 10\n");
    ov_config c;
    ov_diags d;
    ov_config_defaults(&c);
    ov_diags_init(&d);
    assert_int_equal(ov_config_load(path, &c, &d), OV_EINVAL);
    char want[256];
    snprintf(want, sizeof want, "%s:2: confirm = perhaps: write yes or no", path);
    assert_true(has(&d, want));
    snprintf(want, sizeof want, "%s:3: idle_timeout_s = 5: write a whole number from 10 to 3600", path);
    assert_true(has(&d, want));
    snprintf(want, sizeof want, "%s:4: unknown setting 'colour' in [kiosk]", path);
    assert_true(has(&d, want));
    snprintf(want, sizeof want, "%s:6: rotation = 45: write 0, 90, 180 or 270", path);
    assert_true(has(&d, want));
    snprintf(want, sizeof want, "%s:7: theme = neon is not allowed; use one of: standard, high-contrast, large-text", path);
    assert_true(has(&d, want));
    snprintf(want, sizeof want, "%s:9: interval_ms = 100", path);
    assert_true(has(&d, want));
    snprintf(want, sizeof want, "%s:10: mode = three is not allowed", path);
    assert_true(has(&d, want));
    snprintf(want, sizeof want, "%s:13:", path);
    assert_true(has(&d, want));
    snprintf(want, sizeof want, "%s:15: idle_warning_s = 10: write a whole number from 30 to 600", path);
    assert_true(has(&d, want));
    /* the wrong values kept their defaults, the good one applied */
    assert_int_equal(c.confirm, 1);
    assert_int_equal(c.idle_timeout_s, 120);
    assert_int_equal(c.idle_warning_s, 30);
    assert_int_equal(c.rotation, 0);
    assert_string_equal(c.theme, "standard");
    assert_string_equal(c.scan_mode, "off");
    assert_int_equal(c.scan_interval_ms, 2000);
    assert_int_equal(c.rate, 150);
    remove(path);
}

static void garbage_never_crashes(void **state)
{
    (void)state;
    srand(7);
    for (int round = 0; round < 200; round++) {
        char text[600];
        int n = rand() % (int)(sizeof text - 1);
        for (int i = 0; i < n; i++) {
            static const char alphabet[] = "[]=;# \nabcdefghij_0123456789\xff\xc3\xa9";
            text[i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
        }
        text[n] = '\0';
        write_file(text);
        ov_config c;
        ov_diags d;
        ov_config_defaults(&c);
        ov_diags_init(&d);
        int r = ov_config_load(path, &c, &d);
        assert_true(r == OV_OK || r == OV_EINVAL);
        assert_true(c.idle_timeout_s >= 10 && c.idle_timeout_s <= 3600);
        remove(path);
    }
}

/* A line too long, a Latin-1 byte, an indented line: each is reported with
 * its line number (or read as written) and never changes another setting. */
static void bad_lines_never_change_another_setting(void **state)
{
    (void)state;
    char text[1024], longline[400];
    memset(longline, 'a', 190);
    longline[190] = 0;
    snprintf(text, sizeof text,
             "[kiosk]\ndata_dir = /srv/votes\ncontent_dir = %s     see docs/install.md\n"
             "meeting = Caf\xe9 group\n[facilitator]\nusb_mount_dir = /media/sticks\n"
             "    pin_hash = 0123abcd\n",
             longline);
    write_file(text);
    ov_config c;
    ov_diags d;
    ov_config_defaults(&c);
    ov_diags_init(&d);
    assert_int_equal(ov_config_load(path, &c, &d), OV_EINVAL);
    char want[256];
    snprintf(want, sizeof want, "%s:3: this line is longer than", path);
    assert_true(has(&d, want));
    snprintf(want, sizeof want, "%s:4: byte 14 of this line is not UTF-8", path);
    assert_true(has(&d, want));
    assert_int_equal(d.n_errors, 2);
    assert_int_equal(d.items[0].code, OV_DIAG_INI_LINE_TOO_LONG); /* code decides, never the words */
    assert_int_equal(d.items[1].code, OV_DIAG_INI_NOT_UTF8);
    assert_string_equal(c.data_dir, "/srv/votes");   /* the long line's tail did not join it */
    assert_string_equal(c.content_dir, "");          /* the long line was not half-read */
    assert_string_equal(c.meeting, "drop-in");       /* a name the store could not keep is refused */
    assert_string_equal(c.usb_mount_dir, "/media/sticks");
    assert_string_equal(c.pin_hash, "0123abcd");     /* an indented line is read, not joined */
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_work_with_no_file),
        cmocka_unit_test(good_lines_apply),
        cmocka_unit_test(wrong_lines_are_reported_and_skipped),
        cmocka_unit_test(garbage_never_crashes),
        cmocka_unit_test(bad_lines_never_change_another_setting),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
