/* test_golden.c — golden screenshots: every member screen (and the
 * facilitator PIN pad, menu and results) at every supported size, rendered
 * by the real kiosk headless and compared with tests/golden/SIZE/NAME.png
 * within a tolerance (a few levels of difference between machines and
 * font-library versions is fine; a moved button or a changed colour is not).
 * After a deliberate change: `make golden` and look at the new pictures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kiosk_runner.h"

#define TOLERANCE 40          /* per channel */
#define MAX_OFF 0.02          /* share of pixels allowed beyond it (anti-aliasing, hinting) */

static int run_script(const char *dir, const char *script_file, const char *size, const char *data)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy timeout -s KILL 120 "
             "'%s' kiosk --headless --config tests/golden/ourvoice.ini --data '%s' --size %s "
             "--script %s --shots '%s' 2>>'%s/stderr.txt'",
             ov_test_program(), data, size, script_file, dir, dir);
    int rc = system(cmd);
    return rc == -1 ? -1 : WEXITSTATUS(rc);
}

static void compare_size(const char *size)
{
    char dir[64], golden[128], data[200], bad[200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(data, sizeof data, "%s/data", dir);
    int rc = run_script(dir, "tests/golden/screens.txt", size, data);
    if (rc != 0) fail_msg("%s: kiosk exit %d: %s", size, rc, ov_test_stderr(dir));
    snprintf(bad, sizeof bad, "%s/not-a-folder", dir);
    FILE *f = fopen(bad, "w");
    fclose(f);
    strcat(bad, "/data");
    rc = run_script(dir, "tests/golden/not-saved.txt", size, bad);
    if (rc != 0) fail_msg("%s: kiosk exit %d (not-saved run)", size, rc);
    snprintf(golden, sizeof golden, "tests/golden/%s", size);
    DIR *d = opendir(golden);
    if (!d) fail_msg("no golden screenshots in %s: run `make golden`", golden);
    int compared = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strstr(e->d_name, ".png")) continue;
        char want[400], got[400];
        snprintf(want, sizeof want, "%s/%s", golden, e->d_name);
        snprintf(got, sizeof got, "%s/%s", dir, e->d_name);
        double off = 1.0;
        if (ov_test_png_diff(want, got, TOLERANCE, &off) != 0) fail_msg("%s: %s missing or a different size", size, e->d_name);
        if (off > MAX_OFF)
            fail_msg("%s %s: %.1f%% of pixels differ from the golden picture (more than %.1f%%): "
                     "look at %s; if the change is meant, run `make golden`", size, e->d_name, off * 100, MAX_OFF * 100, got);
        compared++;
    }
    closedir(d);
    assert_true(compared >= 9);
}

static void golden_800x480(void **s) { (void)s; compare_size("800x480"); }
static void golden_1024x600(void **s) { (void)s; compare_size("1024x600"); }
static void golden_1280x720(void **s) { (void)s; compare_size("1280x720"); }
static void golden_1920x1080(void **s) { (void)s; compare_size("1920x1080"); }
static void golden_720x1280(void **s) { (void)s; compare_size("720x1280"); }

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) { fprintf(stderr, "build %s first\n", ov_test_program()); return 1; }
    const char *root = getenv("OV_ROOT");
    if (root && *root && chdir(root) != 0) { perror(root); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(golden_800x480), cmocka_unit_test(golden_1024x600), cmocka_unit_test(golden_1280x720),
        cmocka_unit_test(golden_1920x1080), cmocka_unit_test(golden_720x1280),
    };
    return cmocka_run_group_tests_name("golden", tests, NULL, NULL);
}
