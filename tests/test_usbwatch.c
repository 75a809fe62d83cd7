/* test_usbwatch.c — USB sticks noticed from mountinfo text: only mounts under
 * the configured folder, escaped spaces in names, read-only sticks, sticks
 * appearing and going away, and finding a content folder on a stick. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform/usbwatch.h"
#include "test_tmp.h"

static const char before_text[] =
    "22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/mmcblk0p2 rw\n"
    "23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw\n"
    "30 22 259:1 / /boot/firmware rw,relatime shared:2 - vfat /dev/mmcblk0p1 rw,fmask=0022\n"
    "40 22 0:40 / /media rw,relatime shared:20 - tmpfs tmpfs rw\n";

static const char after_text[] =
    "22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/mmcblk0p2 rw\n"
    "23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw\n"
    "30 22 259:1 / /boot/firmware rw,relatime shared:2 - vfat /dev/mmcblk0p1 rw,fmask=0022\n"
    "40 22 0:40 / /media rw,relatime shared:20 - tmpfs tmpfs rw\n"
    "51 40 8:1 / /media/pi/MY\\040STICK rw,nosuid,nodev,relatime shared:30 - vfat /dev/sda1 rw,uid=1000\n"
    "52 40 8:17 / /media/locked ro,relatime - exfat /dev/sdb1 ro\n"
    "53 22 8:33 / /mediaextra rw - vfat /dev/sdc1 rw\n"
    "garbage line without fields\n"
    "54 40 8:49 / /media/back\\134slash rw - vfat /dev/sdd1 rw";

static void test_parse_and_filter(void **state)
{
    (void)state;
    ov_mount_list l;
    assert_int_equal(ov_usb_parse_mountinfo(before_text, "/media", &l), 0);
    assert_int_equal(ov_usb_parse_mountinfo(after_text, "/media", &l), 3);
    assert_string_equal(l.items[0].mount_point, "/media/pi/MY STICK");
    assert_string_equal(l.items[0].device, "/dev/sda1");
    assert_string_equal(l.items[0].fstype, "vfat");
    assert_false(l.items[0].read_only);
    assert_string_equal(l.items[1].mount_point, "/media/locked");
    assert_true(l.items[1].read_only);
    assert_string_equal(l.items[2].mount_point, "/media/back\\slash");
    /* a trailing slash on the folder is fine; another folder sees nothing */
    assert_int_equal(ov_usb_parse_mountinfo(after_text, "/media/", &l), 3);
    assert_int_equal(ov_usb_parse_mountinfo(after_text, "/mnt", &l), 0);
    assert_int_equal(ov_usb_parse_mountinfo("", "/media", &l), 0);
}

static void test_appeared_and_went_away(void **state)
{
    (void)state;
    ov_mount_list a, b, added, removed;
    ov_usb_parse_mountinfo(before_text, "/media", &a);
    ov_usb_parse_mountinfo(after_text, "/media", &b);
    assert_int_equal(ov_usb_diff(&a, &b, &added, &removed), 3);
    assert_int_equal(added.n, 3);
    assert_int_equal(removed.n, 0);
    assert_int_equal(ov_usb_diff(&b, &b, &added, &removed), 0);
    assert_int_equal(ov_usb_diff(&b, &a, &added, &removed), 3);
    assert_int_equal(removed.n, 3);
    assert_string_equal(removed.items[0].mount_point, "/media/pi/MY STICK");
}

static void test_read_real_mountinfo_and_missing_file(void **state)
{
    (void)state;
    ov_mount_list l;
    char err[256];
    assert_true(ov_usb_read_mounts(NULL, "/", &l, err, sizeof err) >= 1); /* this machine's mounts */
    assert_int_equal(ov_usb_read_mounts("/nonexistent/mountinfo", "/media", &l, err, sizeof err), OV_EIO);
    assert_non_null(strstr(err, "/nonexistent/mountinfo: cannot read"));
}

static void test_find_content_on_stick(void **state)
{
    (void)state;
    char root[256], p[512], out[512];
    ov_test_tmp_template(root, sizeof root, "ov-usb");
    assert_non_null(mkdtemp(root));
    assert_int_equal(ov_usb_find_content(root, out, sizeof out), OV_ENOTFOUND);
    snprintf(p, sizeof p, "%s/content", root);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/content/content.ini", root);
    FILE *f = fopen(p, "w"); fputs("[content]\n", f); fclose(f);
    assert_int_equal(ov_usb_find_content(root, out, sizeof out), OV_OK);
    snprintf(p, sizeof p, "%s/content", root);
    assert_string_equal(out, p);
    /* STICK/ourvoice/content comes first */
    snprintf(p, sizeof p, "%s/ourvoice", root); mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/ourvoice/content", root); mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/ourvoice/content/content.ini", root);
    f = fopen(p, "w"); fputs("[content]\n", f); fclose(f);
    assert_int_equal(ov_usb_find_content(root, out, sizeof out), OV_OK);
    snprintf(p, sizeof p, "%s/ourvoice/content", root);
    assert_string_equal(out, p);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_and_filter),
        cmocka_unit_test(test_appeared_and_went_away),
        cmocka_unit_test(test_read_real_mountinfo_and_missing_file),
        cmocka_unit_test(test_find_content_on_stick),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
