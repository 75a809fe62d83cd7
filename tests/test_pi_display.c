/* test_pi_display.c — on a Pi the kiosk draws on the card whose screen is
 * plugged in (fake /sys/class/drm trees in a mkdtemp folder, laid out like a
 * Pi 4 and a Pi 5) and speaks through the right output (SDL-style device
 * name lists from real Pis). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/ov_common.h"
#include "platform/audio_device.h"
#include "platform/pi_display.h"
#include "test_tmp.h"

static char root[128];

/* Make root/entry (a folder) holding a "status" file when status != NULL. */
static void add_entry(const char *entry, const char *status)
{
    char path[400];
    snprintf(path, sizeof path, "%s/%s", root, entry);
    assert_int_equal(mkdir(path, 0755), 0);
    if (!status) return;
    snprintf(path, sizeof path, "%s/%s/status", root, entry);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "%s\n", status);
    fclose(f);
}

static int setup_tree(void **state)
{
    (void)state;
    ov_test_tmp_template(root, sizeof root, "ov-drm");
    return mkdtemp(root) ? 0 : -1;
}

static int teardown_tree(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Pi 5, screen on HDMI port 1: card0 is the 3D engine (no outputs), card1
 * drives HDMI, card2 the DSI panel connector (nothing plugged in). */
static void test_pi5_picks_card_with_connected_hdmi(void **state)
{
    (void)state;
    add_entry("card0", NULL);
    add_entry("card1", NULL);
    add_entry("card1-HDMI-A-1", "disconnected");
    add_entry("card1-HDMI-A-2", "connected");
    add_entry("card1-Writeback-1", "unknown");
    add_entry("card2", NULL);
    add_entry("card2-DSI-1", "disconnected");
    add_entry("renderD128", NULL);
    add_entry("version", NULL);
    int idx = -1;
    char conn[32], err[256] = "";
    assert_int_equal(ov_pick_drm_card_ex(root, &idx, conn, sizeof conn, err, sizeof err), OV_OK);
    assert_int_equal(idx, 1);
    assert_string_equal(conn, "HDMI-A-2");
}

/* The same Pi 5 after a reboot that numbered the cards the other way round,
 * now with the DSI touch panel connected. */
static void test_pi5_reordered_cards_follow_the_screen(void **state)
{
    (void)state;
    add_entry("card0", NULL);
    add_entry("card0-DSI-1", "connected");
    add_entry("card1", NULL);
    add_entry("card2", NULL);
    add_entry("card2-HDMI-A-1", "disconnected");
    add_entry("card2-HDMI-A-2", "disconnected");
    add_entry("card2-Writeback-1", "unknown");
    int idx = -1;
    assert_int_equal(ov_pick_drm_card(root, &idx, NULL, 0), OV_OK);
    assert_int_equal(idx, 0);
}

/* Two cards with screens: the lower number wins, every time. */
static void test_two_screens_lowest_card_wins(void **state)
{
    (void)state;
    add_entry("card3-HDMI-A-1", "connected");
    add_entry("card12-HDMI-A-1", "connected");
    add_entry("card2-Composite-1", "unknown");
    int idx = -1;
    assert_int_equal(ov_pick_drm_card(root, &idx, NULL, 0), OV_OK);
    assert_int_equal(idx, 3);
}

/* Composite video reports "unknown": used only when nothing is "connected". */
static void test_unknown_status_is_a_fallback(void **state)
{
    (void)state;
    add_entry("card1-HDMI-A-1", "disconnected");
    add_entry("card1-Writeback-1", "unknown");
    add_entry("card2-Composite-1", "unknown");
    int idx = -1;
    char conn[32];
    assert_int_equal(ov_pick_drm_card_ex(root, &idx, conn, sizeof conn, NULL, 0), OV_OK);
    assert_int_equal(idx, 2);
    assert_string_equal(conn, "Composite-1");
}

static void test_no_screen_says_what_to_check(void **state)
{
    (void)state;
    add_entry("card0", NULL);
    add_entry("card1-HDMI-A-1", "disconnected");
    add_entry("card1-Writeback-1", "unknown");
    add_entry("card1-HDMI-A-2", NULL);               /* status unreadable */
    int idx = 42;
    char err[256] = "";
    assert_int_equal(ov_pick_drm_card(root, &idx, err, sizeof err), OV_ENOTFOUND);
    assert_int_equal(idx, 42);                       /* untouched */
    assert_non_null(strstr(err, "no screen is connected"));
    assert_non_null(strstr(err, "cable"));
}

static void test_no_drm_at_all(void **state)
{
    (void)state;
    int idx = -1;
    char err[256] = "", missing[200];
    assert_int_equal(ov_pick_drm_card(root, &idx, err, sizeof err), OV_ENOTFOUND);
    assert_non_null(strstr(err, "vc4-kms-v3d"));
    snprintf(missing, sizeof missing, "%s/does-not-exist", root);
    assert_int_equal(ov_pick_drm_card(missing, &idx, err, sizeof err), OV_ENOTFOUND);
    assert_non_null(strstr(err, "does-not-exist"));
    assert_int_equal(ov_pick_drm_card(NULL, &idx, err, sizeof err), OV_EINVAL);
    assert_int_equal(ov_pick_drm_card(root, NULL, err, sizeof err), OV_EINVAL);
}

/* ov_pi_prepare_display: sets SDL's device index only without a desktop,
 * and never overrides the installer or the test harness. */
static void test_prepare_display_sets_sdl_index(void **state)
{
    (void)state;
    add_entry("card0", NULL);
    add_entry("card1-HDMI-A-1", "connected");
    char err[256] = "";
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    unsetenv(OV_KMSDRM_INDEX_ENV);
    setenv("SDL_VIDEODRIVER", "kmsdrm", 1);
    assert_int_equal(ov_pi_prepare_display(root, err, sizeof err), OV_OK);
    assert_non_null(getenv(OV_KMSDRM_INDEX_ENV));
    assert_string_equal(getenv(OV_KMSDRM_INDEX_ENV), "1");

    /* The installer's own choice stays. */
    setenv(OV_KMSDRM_INDEX_ENV, "0", 1);
    assert_int_equal(ov_pi_prepare_display(root, err, sizeof err), OV_OK);
    assert_string_equal(getenv(OV_KMSDRM_INDEX_ENV), "0");
    unsetenv(OV_KMSDRM_INDEX_ENV);

    /* Headless tests and desktops are left alone. */
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    assert_int_equal(ov_pi_prepare_display(root, err, sizeof err), OV_OK);
    assert_null(getenv(OV_KMSDRM_INDEX_ENV));
    unsetenv("SDL_VIDEODRIVER");
    setenv("WAYLAND_DISPLAY", "wayland-0", 1);
    assert_int_equal(ov_pi_prepare_display(root, err, sizeof err), OV_OK);
    assert_null(getenv(OV_KMSDRM_INDEX_ENV));
    unsetenv("WAYLAND_DISPLAY");

    /* No desktop, no driver named: the Pi console case. */
    assert_int_equal(ov_pi_prepare_display(root, err, sizeof err), OV_OK);
    assert_string_equal(getenv(OV_KMSDRM_INDEX_ENV), "1");
    unsetenv(OV_KMSDRM_INDEX_ENV);
}

static void test_prepare_display_without_screen_explains(void **state)
{
    (void)state;
    add_entry("card1-HDMI-A-1", "disconnected");
    char err[256] = "";
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    unsetenv(OV_KMSDRM_INDEX_ENV);
    setenv("SDL_VIDEODRIVER", "kmsdrm", 1);
    assert_int_equal(ov_pi_prepare_display(root, err, sizeof err), OV_ENOTFOUND);
    assert_true(strlen(err) > 0);
    assert_null(getenv(OV_KMSDRM_INDEX_ENV));
    unsetenv("SDL_VIDEODRIVER");
}

/* ---- audio ---- */

static void test_audio_preferred_name_wins(void **state)
{
    (void)state;
    const char *names[] = { "vc4-hdmi-0, MAI PCM i2s-hifi-0", "USB Audio Device, USB Audio",
                            "bcm2835 Headphones, bcm2835 Headphones" };
    int idx = -1;
    assert_int_equal(ov_pick_audio_device(names, 3, "usb audio", &idx), OV_OK);
    assert_int_equal(idx, 1);
    assert_int_equal(ov_pick_audio_device(names, 3, "HEADPHONES", &idx), OV_OK);
    assert_int_equal(idx, 2);
}

static void test_audio_fallback_order(void **state)
{
    (void)state;
    /* Pi 4: HDMI first when the preferred speaker is not plugged in. */
    const char *pi4[] = { "bcm2835 Headphones, bcm2835 Headphones", "USB Audio Device, USB Audio",
                          "vc4-hdmi-1, MAI PCM i2s-hifi-0" };
    int idx = -1;
    assert_int_equal(ov_pick_audio_device(pi4, 3, "Bluetooth speaker", &idx), OV_OK);
    assert_int_equal(idx, 2);
    assert_false(ov_audio_name_matches(pi4[idx], "Bluetooth speaker")); /* caller can warn */
    /* No HDMI (DSI panel, Pi 3): USB before the jack. */
    const char *pi3[] = { "bcm2835 Headphones, bcm2835 Headphones", "C-Media USB Headphone Set" };
    assert_int_equal(ov_pick_audio_device(pi3, 2, NULL, &idx), OV_OK);
    assert_int_equal(idx, 1);
    /* Only the jack. */
    const char *jack[] = { "Loopback, Loopback PCM", "bcm2835 Headphones, bcm2835 Headphones" };
    assert_int_equal(ov_pick_audio_device(jack, 2, "", &idx), OV_OK);
    assert_int_equal(idx, 1);
    /* Nothing recognisable: the first device. */
    const char *other[] = { NULL, "Dummy Output", "I2S DAC" };
    assert_int_equal(ov_pick_audio_device(other, 3, NULL, &idx), OV_OK);
    assert_int_equal(idx, 1);
}

static void test_audio_no_devices(void **state)
{
    (void)state;
    int idx = 7;
    assert_int_equal(ov_pick_audio_device(NULL, 0, "hdmi", &idx), OV_ENOTFOUND);
    const char *none[] = { NULL, NULL };
    assert_int_equal(ov_pick_audio_device(none, 2, "hdmi", &idx), OV_ENOTFOUND);
    assert_int_equal(idx, 7);
    assert_int_equal(ov_pick_audio_device(NULL, 2, NULL, &idx), OV_EINVAL);
    assert_int_equal(ov_pick_audio_device(none, 2, NULL, NULL), OV_EINVAL);
    assert_false(ov_audio_name_matches("HDMI", ""));
    assert_false(ov_audio_name_matches(NULL, "x"));
    assert_true(ov_audio_name_matches("vc4-HDMI-0", "hdmi"));
}

int main(void)
{
    ov_log_set_quiet(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pi5_picks_card_with_connected_hdmi, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(test_pi5_reordered_cards_follow_the_screen, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(test_two_screens_lowest_card_wins, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(test_unknown_status_is_a_fallback, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(test_no_screen_says_what_to_check, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(test_no_drm_at_all, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(test_prepare_display_sets_sdl_index, setup_tree, teardown_tree),
        cmocka_unit_test_setup_teardown(test_prepare_display_without_screen_explains, setup_tree, teardown_tree),
        cmocka_unit_test(test_audio_preferred_name_wins),
        cmocka_unit_test(test_audio_fallback_order),
        cmocka_unit_test(test_audio_no_devices),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
