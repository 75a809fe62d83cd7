/* test_config_write.c — changing one setting in the kiosk's config file: the
 * new value is what the kiosk reads back (ov_config_load), every comment and
 * other line stays as the installer wrote it, missing sections and files are
 * made, bad values are refused with a clear reason, and a failure at any
 * file step leaves the old file whole. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include "platform/config.h"
#include "platform/files.h"
#include "platform/pin_hash.h"
#include "platform/config_write.h"
#include "ui/pin.h"
#include "test_tmp.h"

typedef struct {
    char tmp[256];
    char path[320];
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f) return -1;
    ov_test_tmp_template(f->tmp, sizeof f->tmp, "ov-cfgw");
    if (!mkdtemp(f->tmp)) return -1;
    snprintf(f->path, sizeof f->path, "%s/ourvoice.ini", f->tmp);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmp);
    if (system(cmd) != 0) return -1;
    free(f);
    return 0;
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
    assert_int_equal(fclose(fp), 0);
}

static char *read_text(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return strdup(buf);
}

/* Load path over the defaults; no errors allowed. */
static void load_ok(const char *path, ov_config *cfg)
{
    ov_diags *d = malloc(sizeof *d);
    assert_non_null(d);
    ov_diags_init(d);
    ov_config_defaults(cfg);
    int rc = ov_config_load(path, cfg, d);
    if (rc != OV_OK) { ov_diags_print(d, stderr); fail_msg("config did not load cleanly"); }
    free(d);
}

/* No ".ourvoice.ini.part" or other stray file beside the config. */
static void no_temp_files(const char *dir)
{
    DIR *dp = opendir(dir);
    assert_non_null(dp);
    struct dirent *e;
    while ((e = readdir(dp)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            fail_msg("temporary file left beside the config: %s", e->d_name);
    closedir(dp);
}

static const char *const sample =
    "; OurVoice kiosk settings - written by the installer\n"
    "# see docs/config.md\n"
    "\n"
    "[kiosk]\n"
    "meeting = Tuesday group\n"
    "confirm = yes   ; ask \"that's right?\"\n"
    "\n"
    "; the facilitator part\n"
    "[facilitator]\n"
    "small_numbers = 7\n"
    "pin_hash = \n"
    "export_exact = no\n"
    "\n"
    "[display]\n"
    "theme = standard ; the look\n";

static void test_new_pin_hash_round_trip(void **state)
{
    fx *f = *state;
    write_text(f->path, sample);
    char hash[OV_PIN_HASH_LEN], err[300];
    assert_int_equal(ov_pin_hash("2468", hash, sizeof hash), OV_OK);
    assert_int_equal(ov_config_set(f->path, "facilitator", "pin_hash", hash, err, sizeof err), OV_OK);

    ov_config cfg;
    load_ok(f->path, &cfg);
    assert_string_equal(cfg.pin_hash, hash);
    assert_int_equal(ov_pin_check(cfg.pin_hash, "2468", NULL), 1);   /* the new PIN opens the kiosk */
    assert_int_equal(ov_pin_check(cfg.pin_hash, "1234", NULL), 0);   /* the default no longer does */
    assert_int_equal(cfg.small_numbers, 7);
    assert_string_equal(cfg.meeting, "Tuesday group");
    assert_int_equal(cfg.confirm, 1);

    /* only the pin_hash line changed: everything else byte for byte */
    char *got = read_text(f->path);
    char want[4096];
    const char *at = strstr(sample, "pin_hash = \n");
    snprintf(want, sizeof want, "%.*spin_hash = %s\n%s", (int)(at - sample), sample, hash,
             at + strlen("pin_hash = \n"));
    assert_string_equal(got, want);
    free(got);
    no_temp_files(f->tmp);

    /* and again: the hash is replaced, not added twice */
    char hash2[OV_PIN_HASH_LEN];
    assert_int_equal(ov_pin_hash("97531", hash2, sizeof hash2), OV_OK);
    assert_int_equal(ov_config_set(f->path, "facilitator", "pin_hash", hash2, err, sizeof err), OV_OK);
    load_ok(f->path, &cfg);
    assert_int_equal(ov_pin_check(cfg.pin_hash, "97531", NULL), 1);
    got = read_text(f->path);
    assert_null(strstr(strstr(got, "pin_hash") + 1, "pin_hash"));
    free(got);
}

static void test_inline_comment_kept(void **state)
{
    fx *f = *state;
    write_text(f->path, sample);
    char err[300];
    assert_int_equal(ov_config_set(f->path, "display", "theme", "high-contrast", err, sizeof err), OV_OK);
    assert_int_equal(ov_config_set(f->path, "kiosk", "confirm", "no", err, sizeof err), OV_OK);
    ov_config cfg;
    load_ok(f->path, &cfg);
    assert_string_equal(cfg.theme, "high-contrast");
    assert_int_equal(cfg.confirm, 0);
    char *got = read_text(f->path);
    assert_non_null(strstr(got, "theme = high-contrast ; the look\n"));
    assert_non_null(strstr(got, "confirm = no   ; ask \"that's right?\"\n"));
    assert_non_null(strstr(got, "; OurVoice kiosk settings - written by the installer\n# see docs/config.md\n"));
    free(got);
}

static void test_key_missing_added_to_its_section(void **state)
{
    fx *f = *state;
    write_text(f->path, sample);
    char err[300];
    assert_int_equal(ov_config_set(f->path, "kiosk", "thanks_s", "6", err, sizeof err), OV_OK);
    char *got = read_text(f->path);
    /* right after the section's last setting, before the blank line and the next section's comment */
    assert_non_null(strstr(got, "confirm = yes   ; ask \"that's right?\"\nthanks_s = 6\n\n; the facilitator part\n"));
    free(got);
    ov_config cfg;
    load_ok(f->path, &cfg);
    assert_int_equal(cfg.thanks_s, 6);
    assert_string_equal(cfg.meeting, "Tuesday group");
}

static void test_section_missing_added_at_end(void **state)
{
    fx *f = *state;
    write_text(f->path, "[kiosk]\nmeeting = May");          /* and no line end at the end */
    char err[300];
    assert_int_equal(ov_config_set(f->path, "speech", "rate", "120", err, sizeof err), OV_OK);
    char *got = read_text(f->path);
    assert_string_equal(got, "[kiosk]\nmeeting = May\n\n[speech]\nrate = 120\n");
    free(got);
    ov_config cfg;
    load_ok(f->path, &cfg);
    assert_int_equal(cfg.rate, 120);
    assert_string_equal(cfg.meeting, "May");
}

static void test_file_and_folder_missing_created(void **state)
{
    fx *f = *state;
    char path[400], err[300];
    snprintf(path, sizeof path, "%s/etc/ourvoice/ourvoice.ini", f->tmp);
    assert_int_equal(ov_config_set(path, "kiosk", "meeting", "First meeting", err, sizeof err), OV_OK);
    ov_config cfg;
    load_ok(path, &cfg);
    assert_string_equal(cfg.meeting, "First meeting");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);   /* it will hold the PIN hash */
    char *got = read_text(path);
    assert_string_equal(got, "[kiosk]\nmeeting = First meeting\n");
    free(got);
}

static void test_mode_and_crlf_kept(void **state)
{
    fx *f = *state;
    write_text(f->path, "; windows\r\n[kiosk]\r\nmeeting = a\r\n");
    assert_int_equal(chmod(f->path, 0640), 0);
    char err[300];
    assert_int_equal(ov_config_set(f->path, "kiosk", "meeting", "b", err, sizeof err), OV_OK);
    assert_int_equal(ov_config_set(f->path, "display", "theme", "large-text", err, sizeof err), OV_OK);
    char *got = read_text(f->path);
    assert_string_equal(got, "; windows\r\n[kiosk]\r\nmeeting = b\r\n\r\n[display]\r\ntheme = large-text\r\n");
    free(got);
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    ov_config cfg;
    load_ok(f->path, &cfg);
    assert_string_equal(cfg.meeting, "b");
    assert_string_equal(cfg.theme, "large-text");
}

static void test_continuation_and_duplicates_replaced(void **state)
{
    fx *f = *state;
    /* inih reads an indented line after a key as more of that key's value,
     * and the last of two equal keys wins: both must give way */
    write_text(f->path, "[kiosk]\nmeeting = old\n  still old\n; note\nmeeting = older\n[display]\ntheme = standard\n");
    char err[300];
    assert_int_equal(ov_config_set(f->path, "kiosk", "meeting", "new", err, sizeof err), OV_OK);
    ov_config cfg;
    load_ok(f->path, &cfg);
    assert_string_equal(cfg.meeting, "new");
    char *got = read_text(f->path);
    assert_string_equal(got, "[kiosk]\nmeeting = new\n; note\nmeeting = new\n[display]\ntheme = standard\n");
    free(got);
}

/* An indented setting is its own setting: a saved PIN stays readable after
 * another setting is changed and the file is read again (a restart). */
static void test_indented_setting_survives_an_edit(void **state)
{
    fx *f = *state;
    write_text(f->path, "[facilitator]\nsmall_numbers = 5\n    pin_hash = abc123\n[kiosk]\nmeeting = a\n");
    char err[300];
    assert_int_equal(ov_config_set(f->path, "kiosk", "meeting", "b", err, sizeof err), OV_OK);
    ov_config cfg;
    load_ok(f->path, &cfg);
    assert_string_equal(cfg.pin_hash, "abc123");
    assert_int_equal(cfg.small_numbers, 5);
    assert_string_equal(cfg.meeting, "b");
}

/* A meeting name the store could not keep (a Latin-1 byte) is refused when
 * it is set, with a message, and the file keeps its old value. */
static void test_meeting_name_not_utf8_refused_when_set(void **state)
{
    fx *f = *state;
    write_text(f->path, "[kiosk]\nmeeting = a\n");
    char err[300] = "";
    assert_int_equal(ov_config_set(f->path, "kiosk", "meeting", "Caf\xe9", err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "UTF-8"));
    ov_config cfg;
    load_ok(f->path, &cfg);
    assert_string_equal(cfg.meeting, "a");
}

static void test_other_section_same_key_untouched(void **state)
{
    fx *f = *state;
    write_text(f->path, "[buttons]\nmode = x\n[scanning]\nmode = off\n");
    char err[300];
    assert_int_equal(ov_config_set(f->path, "scanning", "mode", "two", err, sizeof err), OV_OK);
    char *got = read_text(f->path);
    assert_string_equal(got, "[buttons]\nmode = x\n[scanning]\nmode = two\n");
    free(got);
}

static void test_bad_values_refused_file_unchanged(void **state)
{
    fx *f = *state;
    write_text(f->path, sample);
    static const struct { const char *sec, *key, *value, *why; } bad[] = {
        { "kiosk", "meeting", " padded", "space" },
        { "kiosk", "meeting", "padded ", "space" },
        { "kiosk", "meeting", "A; B", "comment" },
        { "kiosk", "meeting", "room #2", "comment" },
        { "kiosk", "meeting", "two\nlines", "one line" },
        { "kiosk", "meet ing", "x", "letters, digits" },
        { "kiosk]", "meeting", "x", "letters, digits" },
        { "kiosk", "confirm", "maybe", "yes or no" },                 /* the config itself refuses it */
        { "facilitator", "pin_hsh", "x", "unknown setting" },
        { "kiosk", "meeting", "0123456789012345678901234567890123456789012345678901234567890123456789"
                               "0123456789012345678901234567890123456789012345678901234567890123456789"
                               "0123456789012345678901234567890123456789012345678901234567890123456789", "too long" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[300] = "";
        int rc = ov_config_set(f->path, bad[i].sec, bad[i].key, bad[i].value, err, sizeof err);
        assert_int_equal(rc, OV_EINVAL);
        if (!strstr(err, bad[i].why)) fail_msg("case %zu: the reason does not say '%s': %s", i, bad[i].why, err);
        char *got = read_text(f->path);
        assert_string_equal(got, sample);
        free(got);
        no_temp_files(f->tmp);
    }
    /* the config's reason names the real file and line */
    char err[300];
    assert_int_equal(ov_config_set(f->path, "kiosk", "confirm", "maybe", err, sizeof err), OV_EINVAL);
    char want[400];
    snprintf(want, sizeof want, "%s:6: ", f->path);
    assert_non_null(strstr(err, want));
    /* an empty value is fine (pin_hash = "" means the default PIN) */
    assert_int_equal(ov_config_set(f->path, "facilitator", "pin_hash", "", err, sizeof err), OV_OK);
}

/* ---- failure injection ---- */

enum { OP_OPEN, OP_WRITE, OP_READ, OP_FSYNC, OP_CLOSE, OP_RENAME, OP_UNLINK, OP_MKDIR, N_OPS };
static int calls[N_OPS], fail_op = -1, fail_at, fail_errno;

static int hit(int op)
{
    calls[op]++;
    if (op == fail_op && calls[op] == fail_at) { errno = fail_errno; return 1; }
    return 0;
}
static int f_open(const char *p, int fl, mode_t m) { return hit(OP_OPEN) ? -1 : open(p, fl, m); }
static ssize_t f_write(int fd, const void *b, size_t n) { return hit(OP_WRITE) ? -1 : write(fd, b, n > 5 ? 5 : n); }
static ssize_t f_read(int fd, void *b, size_t n) { return hit(OP_READ) ? -1 : read(fd, b, n); }
static int f_fsync(int fd) { return hit(OP_FSYNC) ? -1 : fsync(fd); }
static int f_close(int fd) { if (hit(OP_CLOSE)) { close(fd); return -1; } return close(fd); }
static int f_rename(const char *a, const char *b) { return hit(OP_RENAME) ? -1 : rename(a, b); }
static int f_unlink(const char *p) { return hit(OP_UNLINK) ? -1 : unlink(p); }
static int f_mkdir(const char *p, mode_t m) { return hit(OP_MKDIR) ? -1 : mkdir(p, m); }
static const ov_fsops faulty = {
    .open = f_open, .write = f_write, .read = f_read, .fsync = f_fsync, .close = f_close,
    .rename = f_rename, .unlink = f_unlink, .mkdir = f_mkdir, .syncfs = syncfs, .utimensat = utimensat,
};

static void test_failure_at_every_step_keeps_old_file(void **state)
{
    fx *f = *state;
    const int errs[] = { EIO, ENOSPC, EROFS };
    char want_new[4096];
    const char *at = strstr(sample, "small_numbers = 7");
    snprintf(want_new, sizeof want_new, "%.*ssmall_numbers = 9%s", (int)(at - sample), sample, at + strlen("small_numbers = 7"));
    int failures = 0;
    for (int op = 0; op < N_OPS; op++) {
        for (int n = 1; n < 100; n++) {
            write_text(f->path, sample);
            memset(calls, 0, sizeof calls);
            fail_op = op; fail_at = n; fail_errno = errs[(op + n) % 3];
            char err[300] = "";
            int rc = ov_config_set_fs(&faulty, f->path, "facilitator", "small_numbers", "9", err, sizeof err);
            char *got = read_text(f->path);
            no_temp_files(f->tmp);
            if (calls[op] < n) {                    /* this step was not reached again: it went through */
                assert_int_equal(rc, OV_OK);
                assert_string_equal(got, want_new);
                free(got);
                break;
            }
            if (rc == OV_OK) {   /* harmless: unlink of a left-over that is not there, close after reading */
                assert_true(op == OP_UNLINK || op == OP_CLOSE);
                assert_string_equal(got, want_new);
                free(got);
                continue;
            }
            failures++;
            assert_int_equal(rc, ov_errno_code(fail_errno));
            assert_non_null(strstr(err, strerror(fail_errno)));
            assert_non_null(strstr(err, "failed") ? err : strstr(err, "cannot"));
            /* the only step after which the new file may stand is the final folder fsync */
            if (strstr(err, "fsync folder failed")) assert_string_equal(got, want_new);
            else assert_string_equal(got, sample);
            free(got);
        }
    }
    fail_op = -1;
    assert_true(failures >= 7);
}

static void test_edit_text_pure(void **state)
{
    (void)state;
    size_t len;
    int line;
    char *t = ov_config_edit_text(NULL, 0, "facilitator", "pin_hash", "x", &len, &line);
    assert_string_equal(t, "[facilitator]\npin_hash = x\n");
    assert_int_equal(line, 2);
    free(t);
    /* keys before the first section do not count as in a section */
    const char *in = "pin_hash = top\n[facilitator]\n";
    t = ov_config_edit_text(in, strlen(in), "facilitator", "pin_hash", "y", &len, &line);
    assert_string_equal(t, "pin_hash = top\n[facilitator]\npin_hash = y\n");
    assert_int_equal(line, 3);
    free(t);
    /* a byte order mark stays in front */
    in = "\xEF\xBB\xBF[kiosk]\nmeeting = a\n";
    t = ov_config_edit_text(in, strlen(in), "kiosk", "meeting", "b", &len, &line);
    assert_string_equal(t, "\xEF\xBB\xBF[kiosk]\nmeeting = b\n");
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_new_pin_hash_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inline_comment_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_key_missing_added_to_its_section, setup, teardown),
        cmocka_unit_test_setup_teardown(test_section_missing_added_at_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_and_folder_missing_created, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mode_and_crlf_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_continuation_and_duplicates_replaced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_indented_setting_survives_an_edit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_meeting_name_not_utf8_refused_when_set, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_section_same_key_untouched, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_values_refused_file_unchanged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failure_at_every_step_keeps_old_file, setup, teardown),
        cmocka_unit_test(test_edit_text_pure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
