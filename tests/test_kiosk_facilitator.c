/* test_kiosk_facilitator.c — facilitator mode in the real kiosk, headless: a
 * USB stick appears (a mountinfo file stands in for the kernel's), the kiosk
 * asks for the PIN, the facilitator saves the results to the stick, the files
 * are there and complete, and only then can the votes be cleared. */
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
#include <dirent.h>

#include <SDL2/SDL.h>

#include "kiosk_ears.h"
#include "kiosk_runner.h"
#include "ui/pin.h"
#include "platform/pin_hash.h"
#include "platform/tally.h"

static char dir[256], args[600];

static int setup(void **state)
{
    (void)state;
    ov_test_tmpdir(dir, sizeof dir);
    char path[300], hash[128];
    assert_int_equal(ov_pin_hash("2580", hash, sizeof hash), OV_OK);
    snprintf(path, sizeof path, "%s/media/KIOSK STICK", dir);
    char media[200];
    snprintf(media, sizeof media, "%s/media", dir);
    mkdir(media, 0755);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/ourvoice.ini", dir);
    FILE *f = fopen(path, "w");
    fprintf(f, "[speech]\nspeech = no\n[facilitator]\npin_hash = %s\nsmall_numbers = 1\nusb_mount_dir = %s/media\n", hash, dir);
    fclose(f);
    snprintf(path, sizeof path, "%s/mountinfo", dir);
    f = fopen(path, "w");
    fprintf(f, "22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/vda rw\n"
               "36 22 8:17 / %s/media/KIOSK\\040STICK rw,nosuid,nodev,noexec,relatime shared:2 - vfat /dev/sda1 rw\n", dir);
    fclose(f);
    setenv("OV_MOUNTINFO", path, 1);
    snprintf(args, sizeof args, "--config %s/ourvoice.ini --data %s/data", dir, dir);
    return 0;
}

static void a_stick_asks_for_the_pin_and_takes_the_results_away(void **state)
{
    (void)state;
    const char *script =
        "expect facilitator-pin\n"            /* the stick is in: the kiosk asks for the PIN */
        "key 1\nkey 1\nkey 1\nkey 1\nkey enter\n"
        "expect facilitator-pin\n"            /* wrong PIN: still the pad */
        OV_TEST_PIN_KEYS
        "expect facilitator-menu\n"
        "shot menu\n"
        "key 7\n"                             /* Back to voting */
        "expect welcome\n"
        "key space\nkey 1\nkey enter\nkey 2\nkey enter\nkey 3\nkey enter\nkey 4\nkey enter\n"
        "expect review\nkey enter\nexpect thanks\n"
        "advance 5000\nwait 20\nexpect welcome\n"
        "key facilitator\n" OV_TEST_PIN_KEYS
        "expect facilitator-menu\n"
        "key 4\n"                             /* Save to USB stick: the meeting is still open */
        "expect facilitator-message\n"
        "shot not-ended\n"
        "key escape\nexpect facilitator-menu\n"
        "key 2\nexpect facilitator-meeting\n"  /* New meeting */
        "key 6\n"                             /* End this meeting: it is closed, a new drop-in starts */
        "expect facilitator-message\n"
        "key escape\nexpect facilitator-menu\n"
        "key 4\n"                             /* Save to USB stick */
        "expect facilitator-message\n"
        "shot saved\n"
        "key 1\n"                             /* Clear votes: offered now, after the verified export */
        "expect facilitator-confirm-clear\n"
        "key 1\n"
        "expect facilitator-message\n";
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    /* the three files are on the stick, complete, with neutral times */
    char folder[300];
    snprintf(folder, sizeof folder, "%s/media/KIOSK STICK/ourvoice", dir);
    DIR *d = opendir(folder);
    assert_non_null(d);
    int csv = 0, json = 0, html = 0, partial = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' && strstr(e->d_name, ".part")) partial++;
        char path[600];
        snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
        struct stat st;
        if (strstr(e->d_name, ".csv")) {
            csv++;
            FILE *f = fopen(path, "r");
            char buf[8192];
            size_t n = fread(buf, 1, sizeof buf - 1, f);
            buf[n] = '\0';
            fclose(f);
            assert_non_null(strstr(buf, "assets"));            /* question ids of the default rubric */
            assert_non_null(strstr(buf, "not-yet"));
        }
        if (strstr(e->d_name, ".json")) json++;
        if (strstr(e->d_name, ".html")) html++;
        if (e->d_name[0] != '.' && stat(path, &st) == 0) assert_true(st.st_mtime < 1000000000L);   /* 2000-01-01, not the time of voting */
    }
    closedir(d);
    assert_int_equal(csv, 1);
    assert_int_equal(json, 1);
    assert_int_equal(html, 1);
    assert_int_equal(partial, 0);
    char data[200];
    snprintf(data, sizeof data, "%s/data", dir);
    assert_int_equal(ov_test_votes_total(data), 0);                          /* cleared after the export */
    /* the facilitator's screen said the stick can be taken out */
    ov_rgb px;
    assert_int_equal(ov_test_pixel(dir, "saved", 10, 10, &px), 0);
    assert_null(strstr(ov_test_stderr(dir), "not-yet"));         /* the log never says what was chosen */
}

/* Saving while a round is open is refused: nothing leaves while people vote. */
static void nothing_is_saved_while_a_round_is_open(void **state)
{
    (void)state;
    char local[700], folder[300], mountinfo[300];
    snprintf(mountinfo, sizeof mountinfo, "%s/mountinfo", dir);
    setenv("OV_MOUNTINFO", mountinfo, 1);
    snprintf(local, sizeof local, "--config %s/ourvoice.ini --data %s/data-round", dir, dir);
    const char *script =
        "expect facilitator-pin\n" OV_TEST_PIN_KEYS "expect facilitator-menu\n"
        "key 2\nexpect facilitator-meeting\nkey 6\nexpect facilitator-message\n"  /* one meeting is closed */
        "key escape\nkey 3\nexpect facilitator-round\nkey 1\nexpect question\n" /* a round on question 1 */
        "key 1\nkey enter\nexpect thanks\n"
        OV_TEST_PIN_IN
        "key 4\nexpect facilitator-message\n";                                  /* Save: close the round first */
    snprintf(folder, sizeof folder, "%s/media/KIOSK STICK/ourvoice", dir);
    DIR *d = opendir(folder);                             /* an earlier test's files go first */
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
        if (e->d_name[0] != '.' || strstr(e->d_name, ".part")) unlink(path);
    }
    if (d) closedir(d);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, local);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    d = opendir(folder);
    int files = 0;
    while (d && (e = readdir(d))) files += e->d_name[0] != '.';
    if (d) closedir(d);
    assert_int_equal(files, 0);
}

static void the_key_switch_opens_the_menu_without_a_pin(void **state)
{
    (void)state;
    unsetenv("OV_MOUNTINFO");
    char local[700];
    snprintf(local, sizeof local, "%s --rotation 0", args);
    /* the key switch (button 8) is a level: the menu while it is on, voting again when turned off */
    int rc = ov_test_run_kiosk(dir, "expect welcome\nhold 8 300\nwait 100\nexpect welcome\n", 800, 480, local);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_non_null(strstr(ov_test_stderr(dir), "facilitator mode opened (key switch)"));
}

/* No PIN set: no PIN opens facilitator mode (not 1234), the pad says to use the key switch. */
static void with_no_pin_set_only_the_key_switch_opens(void **state)
{
    (void)state;
    unsetenv("OV_MOUNTINFO");
    char d2[64], local[400], path[200];
    ov_test_tmpdir(d2, sizeof d2);
    snprintf(path, sizeof path, "%s/ourvoice.ini", d2);
    FILE *f = fopen(path, "w");
    fputs("[speech]\nspeech = no\n", f);      /* no pin_hash: no PIN is set */
    fclose(f);
    snprintf(local, sizeof local, "--config %s/ourvoice.ini --data %s/data", d2, d2);
    int rc = ov_test_run_kiosk(d2, "key facilitator\nexpect facilitator-pin\nshot no-pin\n"
                                   "key 1\nkey 2\nkey 3\nkey 4\nkey enter\nexpect facilitator-pin\n"
                                   "key 0\nkey 0\nkey 0\nkey 0\nkey enter\nexpect facilitator-pin\n"
                                   "key escape\nexpect welcome\nhold 8 300\nwait 100\nexpect welcome\n",
                               800, 480, local);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(d2));
    assert_non_null(strstr(ov_test_stderr(d2), "facilitator mode opened (key switch)"));
    snprintf(path, sizeof path, "%s/data/pin-wait", d2);
    assert_int_not_equal(access(path, F_OK), 0);         /* nothing was checked, so no wait either */
}

static void a_changed_pin_is_kept(void **state)
{
    (void)state;
    unsetenv("OV_MOUNTINFO");
    char d2[64], local[400];
    ov_test_tmpdir(d2, sizeof d2);
    snprintf(local, sizeof local, "--config %s/ourvoice.ini --data %s/data", dir, d2);
    /* Change PIN is item 5 of the menu (no stick, no older questions) */
    int rc = ov_test_run_kiosk(d2, OV_TEST_PIN_IN
                                   "key 5\nexpect facilitator-new-pin\n"
                                   "key 7\nkey 3\nkey 9\nkey 1\nkey enter\nkey 7\nkey 3\nkey 9\nkey 1\nkey enter\n"
                                   "expect facilitator-message\n", 800, 480, local);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(d2));
    /* next start: 2580 no longer works, 7391 does */
    rc = ov_test_run_kiosk(d2, "key facilitator\n" OV_TEST_PIN_KEYS "expect facilitator-pin\n"
                               "key 7\nkey 3\nkey 9\nkey 1\nkey enter\nexpect facilitator-menu\n", 800, 480, local);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(d2));
    char buf[1024];
    assert_true(ov_test_read_settings(d2, buf, sizeof buf) >= 0);
    assert_non_null(strstr(buf, "pin_hash = pbkdf2-sha256$"));
    assert_null(strstr(buf, "7391"));                    /* stored hashed only */
}

static void settings_change_the_look_and_are_kept(void **state)
{
    (void)state;
    unsetenv("OV_MOUNTINFO");
    char local[700];
    snprintf(local, sizeof local, "--config %s/ourvoice.ini --data %s/data-settings", dir, dir);
    /* Settings is item 6 of the menu (no stick, no older questions) */
    int rc = ov_test_run_kiosk(dir, OV_TEST_PIN_IN
                                    "key 6\nexpect facilitator-settings\nkey 1\nshot settings\nkey 5\nkey 7\nexpect welcome\n"
                                    "shot welcome-hc\n", 800, 480, local);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    ov_rgb got, want = ov_theme_get("high-contrast")->background;
    assert_int_equal(ov_test_pixel(dir, "welcome-hc", 400, 250, &got), 0);
    assert_true(ov_test_rgb_near(got, want, 8));
    /* kept: the next start is high contrast too */
    rc = ov_test_run_kiosk(dir, "shot again\n", 800, 480, local);
    assert_int_equal(rc, 0);
    assert_int_equal(ov_test_pixel(dir, "again", 400, 250, &got), 0);
    assert_true(ov_test_rgb_near(got, want, 8));
}

static void holding_the_corner_opens_the_pin_pad(void **state)
{
    (void)state;
    unsetenv("OV_MOUNTINFO");
    char local[700];
    snprintf(local, sizeof local, "--config %s/ourvoice.ini --data %s/data-corner", dir, dir);
    /* a short touch in the corner starts voting; holding it 3 s opens the PIN pad */
    int rc = ov_test_run_kiosk(dir, "touch 12 12\nexpect question\nadvance 121000\nwait 20\nexpect idle-warning\nadvance 31000\nwait 20\nexpect welcome\n"
                                    "touch 12 12 3200\nexpect facilitator-pin\nkey escape\nexpect welcome\n", 800, 480, local);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

/* Run `script` in a new kiosk folder `local` with speech on and the test PIN
 * set, everything heard; st gets the stretches of voice (1 s of quiet parts
 * them, printed under `what`). Returns how many. */
static int heard_facilitator(const char *script, const char *what, char *local, size_t len,
                             ov_test_stretch st[OV_EARS_MAX_STRETCHES])
{
    char cfg_args[600], settings[300];
    assert_non_null(ov_test_tmpdir(local, len));
    snprintf(settings, sizeof settings, "[facilitator]\npin_hash = %s\n", OV_TEST_PIN_HASH);
    assert_int_equal(ov_test_write_config(local, settings, cfg_args, sizeof cfg_args), 0);
    ov_test_heard heard;
    int rc = ov_test_run_kiosk_heard(local, script, 800, 480, cfg_args, 180, &heard);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(local));
    int n = ov_test_stretches(&heard, 1.0, st, OV_EARS_MAX_STRETCHES);
    ov_test_print_stretches(what, st, n);
    ov_test_heard_free(&heard);
    return n;
}

/* A facilitator who cannot see types the PIN: the pad is read once, to its
 * end ("Type the PIN. 1, 2, 3. ..."); each digit then only adds a star, so
 * nothing more is said while the PIN is typed (the reading is not started
 * again after each key, and no typed digit is ever said). Speech on, heard. */
static void typing_the_pin_does_not_start_the_pad_reading_again(void **state)
{
    (void)state;
    char local[64];
    const char *script = "key facilitator\nexpect facilitator-pin\nquiet 60000\nwait 2500\n"
                         "key 2\nwait 800\nkey 5\nwait 800\nkey 8\nwait 800\nkey 0\nwait 2500\n"
                         "expect facilitator-pin\nquit\n";
    ov_test_stretch st[OV_EARS_MAX_STRETCHES];
    int n = heard_facilitator(script, "PIN pad", local, sizeof local, st); /* 2.5 s of quiet parts them */
    if (n < 1 || st[0].voiced_s < 2.0)
        fail_msg("the PIN pad was not read (%d stretches of voice)", n);
    if (n > 1)
        fail_msg("%d more stretches of voice (%.2f s) after the pad was read, while the PIN was typed", n - 1,
                 st[1].voiced_s);
}

/* A facilitator with a keyboard (or who cannot see) works the menu with the
 * arrow keys: the first Down rings the first button (Results) and says it,
 * Up from there goes round to the last (Hear it again), Enter presses the
 * ringed button; a new screen starts with no ring. Speech on, heard. */
static void arrow_keys_ring_and_say_the_facilitators_buttons(void **state)
{
    (void)state;
    char local[64], a[400], b[400];
    const char *script = OV_TEST_PIN_IN "quiet 60000\nshot menu\nwait 2500\nkey down\nshot ringed\n"
                         "quiet 20000\nwait 2500\nkey up\nshot last\nkey down\nkey enter\n"
                         "expect facilitator-message\nkey escape\nexpect facilitator-menu\n"
                         "key enter\nexpect facilitator-menu\nquit\n";
    ov_test_stretch st[OV_EARS_MAX_STRETCHES];
    int n = heard_facilitator(script, "facilitator focus", local, sizeof local, st);
    double results = ov_test_say_voiced_s(local, "Results.", "en-gb");
    /* the menu's reading, then "Results" on the first Down (what follows is cut short by the keys and quit) */
    if (n < 2 || st[1].voiced_s < 0.5 * results || st[1].voiced_s > 1.6 * results)
        fail_msg("the ringed button was not said: %d stretches, the second %.2f s (\"Results.\" takes %.2f s)", n,
                 n > 1 ? st[1].voiced_s : 0.0, results);
    double off;
    snprintf(a, sizeof a, "%s/shots/menu.png", local);
    snprintf(b, sizeof b, "%s/shots/ringed.png", local);
    assert_int_equal(ov_test_png_diff(a, b, 24, &off), 0);
    fprintf(stderr, "the ring changes %.1f %% of the screen\n", 100 * off);
    assert_true(off > 0.01); /* a ring of at least 3 mm round a 20 mm button */
    snprintf(a, sizeof a, "%s/shots/last.png", local);
    double off_last;
    assert_int_equal(ov_test_png_diff(a, b, 24, &off_last), 0);
    assert_true(off_last > 0.01); /* the ring moved */
}

/* Write a mount table DIR/NAME: the root, and the stick when `stick`. */
static void write_mounts(const char *name, int stick)
{
    char path[400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/vda rw\n");
    if (stick)
        fprintf(f, "36 22 8:17 / %s/media/KIOSK\\040STICK rw,nosuid,nodev,noexec,relatime shared:2 - vfat "
                   "/dev/sda1 rw\n", dir);
    fclose(f);
}

/* A stick plugged in while a member votes never gets in their way: the PIN
 * pad comes when the visit has ended, and says why only now; a stick pulled
 * out before the end asks for nothing. */
static void a_stick_during_a_visit_waits_for_its_end(void **state)
{
    (void)state;
    char none[400], mountinfo[400];
    write_mounts("mounts-none", 0);
    write_mounts("mounts-stick", 1);
    snprintf(none, sizeof none, "%s/mounts-none", dir);
    snprintf(mountinfo, sizeof mountinfo, "%s/mountinfo", dir);
    setenv("OV_MOUNTINFO", none, 1);
    const char *visit = "key space\nkey 1\nkey enter\nkey 2\nkey enter\nkey 3\nkey enter\nkey 4\nkey enter\n"
                        "expect review\nkey enter\nexpect thanks\nadvance 5000\nwait 50\n";
    char script[1200];
    snprintf(script, sizeof script, "expect welcome\nkey space\nexpect question\nmounts mounts-stick\nwait 50\n"
             "expect question\nkey 1\nkey enter\nkey 2\nkey enter\nkey 3\nkey enter\nkey 4\nkey enter\n"
             "expect review\nkey enter\nexpect thanks\nadvance 5000\nwait 50\nexpect facilitator-pin\n");
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_non_null(strstr(ov_test_stderr(dir), "USB stick: the visit during which it was plugged in has ended"));
    snprintf(script, sizeof script, "mounts mounts-stick\nwait 50\nexpect facilitator-pin\nkey escape\n"
             "expect welcome\nkey space\nexpect question\nmounts mounts-none\nwait 50\n"
             "mounts mounts-stick\nwait 50\nmounts mounts-none\nwait 50\n%sexpect welcome\n", visit);
    rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    setenv("OV_MOUNTINFO", mountinfo, 1);
    if (rc != 0) fail_msg("a stick pulled out during the visit: kiosk exit %d: %s", rc, ov_test_stderr(dir));
}

/* #16: on a Raspberry Pi 5 with SDL older than 2.30 (bookworm's 2.26 draws
 * garbage there) the kiosk says once in its log, and in the facilitator's
 * "To check", that the display needs Raspberry Pi OS trixie. */
static void a_pi5_with_an_old_sdl_asks_for_trixie(void **state)
{
    (void)state;
    SDL_version v;
    SDL_GetVersion(&v);
    if (v.major > 2 || (v.major == 2 && v.minor >= 30)) {
        skip(); /* this SDL draws well on a Pi 5: nothing to say */
    }
    char model[400], none[400], script[400], out[400], cmd[2400];
    snprintf(model, sizeof model, "%s/model", dir);
    FILE *f = fopen(model, "w");
    assert_non_null(f);
    fputs("Raspberry Pi 5 Model B Rev 1.0", f);
    fclose(f);
    write_mounts("mounts-none", 0);
    snprintf(none, sizeof none, "%s/mounts-none", dir);
    snprintf(script, sizeof script, "%s/pi5-script.txt", dir);
    snprintf(out, sizeof out, "%s/pi5-out.txt", dir);
    f = fopen(script, "w");
    assert_non_null(f);
    fputs("expect welcome\n" OV_TEST_PIN_IN "texts\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "OV_DT_MODEL='%s' OV_MOUNTINFO='%s' SDL_VIDEODRIVER=offscreen "
             "SDL_FRAMEBUFFER_ACCELERATION=0 SDL_AUDIODRIVER=dummy timeout -s KILL 120 '%s' kiosk --headless "
             "--script '%s' --size 800x480 %s >'%s' 2>'%s/pi5-err.txt'",
             model, none, ov_test_program(), script, args, out, dir);
    assert_int_equal(system(cmd), 0);
    static char said[1 << 16], log[1 << 16];
    assert_true(ov_test_read_text(out, said, sizeof said) > 0);
    snprintf(cmd, sizeof cmd, "%s/pi5-err.txt", dir);
    assert_true(ov_test_read_text(cmd, log, sizeof log) > 0);
    const char *first = strstr(log, "Install Raspberry Pi OS trixie");
    if (!first || strstr(first + 1, "Install Raspberry Pi OS trixie"))
        fail_msg("the log should say it once: %s", log);
    if (!strstr(said, "To check: The screen may show garbage: this Raspberry Pi 5 has SDL"))
        fail_msg("the facilitator's menu does not say it: %s", said);
}

/* Issue 13: the import preview shows every change, never 3 of 6. New
 * questions on the stick change the 4 titles and 2 answer words of the
 * questions in use; the preview pages through them ("Next page") and each of
 * the 6 sentences is on the screen and in its speech. */
static void the_import_preview_shows_every_change(void **state)
{
    (void)state;
    char mountinfo[300], local[800], stick[400], cmd[1400], out[400];
    snprintf(mountinfo, sizeof mountinfo, "%s/mountinfo", dir);
    setenv("OV_MOUNTINFO", mountinfo, 1);
    snprintf(stick, sizeof stick, "%s/media/KIOSK STICK/ourvoice", dir);
    /* the questions in use: the English pack with its pictures inside its folder, as on a stick */
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/now' && cp assets/content/en/content.ini '%s/now/' && "
             "cp -r assets/pictures '%s/now/pictures' && sed -i 's#= \\.\\./\\.\\./pictures/#= pictures/#' "
             "'%s/now/content.ini'", dir, dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp -r '%s/now' '%s/content' && sed -i "
             "-e 's/^title = Skills and strengths$/title = Our skills/' "
             "-e 's/^title = Time and effort$/title = Our time/' "
             "-e 's/^title = Giving and getting$/title = Giving back/' "
             "-e 's/^title = Friends and community$/title = Our friends/' "
             "-e 's/^word = Not yet$/word = Not at all/' -e 's/^word = Mostly$/word = Nearly/' "
             "'%s/content/content.ini'", stick, dir, stick, stick);
    assert_int_equal(system(cmd), 0);
    snprintf(out, sizeof out, "%s/preview.txt", dir);
    snprintf(local, sizeof local, "%s --content '%s/now' >'%s'", args, dir, out);
    const char *script = "expect facilitator-pin\n" OV_TEST_PIN_KEYS "expect facilitator-menu\n"
                         "key 5\nexpect facilitator-import\ntexts\nshot preview-1\n"
                         "key 2\nexpect facilitator-import\ntexts\nshot preview-2\n"
                         "key 2\nexpect facilitator-import\ntexts\nshot preview-3\n";
    int rc = ov_test_run_kiosk(dir, script, 800, 480, local);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s/now'", stick, dir);
    assert_int_equal(system(cmd), 0);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    static char said[1 << 16];
    assert_true(ov_test_read_text(out, said, sizeof said) > 0);
    static const char *const changes[] = {
        "\u201cSkills and strengths\u201d gets a new title: \u201cOur skills\u201d.",
        "\u201cTime and effort\u201d gets a new title: \u201cOur time\u201d.",
        "\u201cGiving and getting\u201d gets a new title: \u201cGiving back\u201d.",
        "\u201cFriends and community\u201d gets a new title: \u201cOur friends\u201d.",
        "The answer \u201cNot yet\u201d is now \u201cNot at all\u201d.",
        "The answer \u201cMostly\u201d is now \u201cNearly\u201d.",
    };
    for (size_t i = 0; i < OV_ARRAY_LEN(changes); i++) {
        char shown[300];
        snprintf(shown, sizeof shown, "text: %s\n", changes[i]);
        if (!strstr(said, shown))
            fail_msg("change %zu (%s) is never on the screen:\n%s", i + 1, changes[i], said);
    }
    assert_non_null(strstr(said, "text: Page 1 of "));
    assert_non_null(strstr(said, "text: Page 2 of 2. Next page goes back to the first.\n"));
    assert_non_null(strstr(said, "speech: New questions on the USB stick. \u201cSkills and strengths\u201d"));
}

/* Issue 13, no silent limit: a pack with more problems than the preview keeps
 * (OV_IMPORT_MAX_PROBLEMS) is refused, and its last page says how many more
 * there are and where to see them all. */
static void a_refused_pack_says_how_many_more_problems(void **state)
{
    (void)state;
    char mountinfo[300], local[800], stick[400], cmd[1400], out[400], script[4000];
    snprintf(mountinfo, sizeof mountinfo, "%s/mountinfo", dir);
    setenv("OV_MOUNTINFO", mountinfo, 1);
    snprintf(stick, sizeof stick, "%s/media/KIOSK STICK/ourvoice", dir);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/content' && cp assets/content/en/content.ini '%s/content/' && "
             "cp -r assets/pictures '%s/content/pictures' && "
             "sed -i 's#= \\.\\./\\.\\./pictures/#= pictures/#' '%s/content/content.ini' && "
             "for i in $(seq 1 55); do echo \"nokey$i = x\"; done >> '%s/content/content.ini'",
             stick, stick, stick, stick, stick);
    assert_int_equal(system(cmd), 0);
    snprintf(out, sizeof out, "%s/refused.txt", dir);
    snprintf(local, sizeof local, "%s >'%s'", args, out);
    int len = snprintf(script, sizeof script, "expect facilitator-pin\n" OV_TEST_PIN_KEYS
                       "expect facilitator-menu\nkey 5\nexpect facilitator-import\ntexts\n");
    for (int page = 1; page < 14; page++)   /* "Next page" (key 1) to the last of 14 pages */
        len += snprintf(script + len, sizeof script - (size_t)len, "key 1\nexpect facilitator-import\ntexts\n");
    snprintf(script + len, sizeof script - (size_t)len, "shot refused-last-page\n");
    int rc = ov_test_run_kiosk(dir, script, 800, 480, local);
    snprintf(cmd, sizeof cmd, "rm -rf '%s/media'", dir);
    assert_int_equal(system(cmd), 0);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    static char said[1 << 17];
    assert_true(ov_test_read_text(out, said, sizeof said) > 0);
    if (!strstr(said, "text: And 15 more problems. Run check-content on a computer to see them all.\n"))
        fail_msg("the preview never says how many more problems there are:\n%s", strstr(said, "screen: facilitator-import") ? strstr(said, "screen: facilitator-import") : said);
    assert_non_null(strstr(said, "text: Page 14 of 14. Next page goes back to the first.\n"));
    assert_non_null(strstr(said, "the kiosk does not know \u201cnokey40\u201d"));
    assert_null(strstr(said, "the kiosk does not know \u201cnokey41\u201d"));
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) { fprintf(stderr, "build %s first\n", ov_test_program()); return 1; }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_stick_asks_for_the_pin_and_takes_the_results_away),
        cmocka_unit_test(a_pi5_with_an_old_sdl_asks_for_trixie),
        cmocka_unit_test(the_key_switch_opens_the_menu_without_a_pin),
        cmocka_unit_test(nothing_is_saved_while_a_round_is_open),
        cmocka_unit_test(with_no_pin_set_only_the_key_switch_opens),
        cmocka_unit_test(a_changed_pin_is_kept),
        cmocka_unit_test(settings_change_the_look_and_are_kept),
        cmocka_unit_test(holding_the_corner_opens_the_pin_pad),
        cmocka_unit_test(typing_the_pin_does_not_start_the_pad_reading_again),
        cmocka_unit_test(arrow_keys_ring_and_say_the_facilitators_buttons),
        cmocka_unit_test(a_stick_during_a_visit_waits_for_its_end),
        cmocka_unit_test(the_import_preview_shows_every_change),
        cmocka_unit_test(a_refused_pack_says_how_many_more_problems),
    };
    return cmocka_run_group_tests_name("kiosk_facilitator", tests, setup, NULL);
}
