/* test_content_import.c — new questions from a USB stick, with real folders:
 * a good import copies content.ini and only the files it names, keeps the
 * old questions as "previous" and can put them back; bad content is refused
 * with plain-word reasons and nothing changes; a failure at any file step
 * (through the ov_fsops table) leaves the kiosk's questions whole and no
 * half-copied folder; links out of the folder, "..", hidden and huge files
 * are refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform/content_import.h"
#include "model/content_texts.h"
#include "platform/files.h"
#include "platform/content_load.h"
#include "platform/usbwatch.h"
#include "test_tmp.h"

static const char *root(void) { const char *r = getenv("OV_ROOT"); return r && *r ? r : "."; }

typedef struct {
    char tmp[256];
    char data[320];        /* the kiosk's DATA_DIR */
    char stick[320];       /* a mounted stick */
    char fallback[320];    /* the installed content (config content_dir) */
    ov_import_plan *plan;
    ov_content *c;
} fx;

static void sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void sh(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    if (system(cmd) != 0) fail_msg("command failed: %s", cmd);
}

static int setup(void **state)
{
    ov_log_set_quiet(1);
    fx *f = calloc(1, sizeof *f);
    if (!f) return -1;
    ov_test_tmp_template(f->tmp, sizeof f->tmp, "ov-import");
    if (!mkdtemp(f->tmp)) return -1;
    snprintf(f->data, sizeof f->data, "%s/data", f->tmp);
    snprintf(f->stick, sizeof f->stick, "%s/media/STICK", f->tmp);
    snprintf(f->fallback, sizeof f->fallback, "%s/tests/fixtures/content/good", root());
    f->plan = calloc(1, sizeof *f->plan);
    f->c = calloc(1, sizeof *f->c);
    if (!f->plan || !f->c) return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmp);
    if (system(cmd) != 0) return -1;
    free(f->plan); free(f->c); free(f);
    return 0;
}

/* Put a fixture folder on the stick as STICK/ourvoice/content. */
static void stick_with(fx *f, const char *fixture)
{
    sh("rm -rf '%s' && mkdir -p '%s/ourvoice' && cp -a '%s/%s' '%s/ourvoice/content'",
       f->stick, f->stick, root(), fixture, f->stick);
}

static void stick_dir(fx *f, char *out, size_t len)
{
    assert_int_equal(ov_usb_find_content(f->stick, out, len), OV_OK);
}

/* ---- tree snapshots: every file (not folders) with its size and a hash ---- */

static char snap_buf[16384];
static size_t snap_root_len;
static char snap_lines[256][300];
static int snap_n;

static uint64_t file_hash(const char *path, long long *size)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    uint64_t h = 1469598103934665603ULL;
    int ch;
    *size = 0;
    while ((ch = fgetc(fp)) != EOF) { h = (h ^ (unsigned char)ch) * 1099511628211ULL; (*size)++; }
    fclose(fp);
    return h;
}

static int snap_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)ftw;
    if (flag == FTW_SL) { snprintf(snap_lines[snap_n++], 300, "%s LINK", path + snap_root_len); return 0; }
    if (flag != FTW_F || snap_n >= 256) return 0;
    long long size;
    uint64_t h = file_hash(path, &size);
    snprintf(snap_lines[snap_n++], 300, "%s %lld %016llx", path + snap_root_len, size, (unsigned long long)h);
    return 0;
}

static int cmp_lines(const void *a, const void *b) { return strcmp(a, b); }

/* Everything under dir, sorted: "rel size hash" per file ("" if missing). */
static const char *snapshot(const char *dir)
{
    snap_n = 0;
    snap_buf[0] = '\0';
    snap_root_len = strlen(dir);
    struct stat st;
    if (lstat(dir, &st) != 0) return "";
    nftw(dir, snap_one, 16, FTW_PHYS);
    qsort(snap_lines, (size_t)snap_n, sizeof snap_lines[0], cmp_lines);
    for (int i = 0; i < snap_n; i++) {
        strncat(snap_buf, snap_lines[i], sizeof snap_buf - strlen(snap_buf) - 2);
        strcat(snap_buf, "\n");
    }
    return snap_buf;
}

static char *dup_snapshot(const char *dir) { return strdup(snapshot(dir)); }

static int exists(const char *dir, const char *name)
{
    char p[700];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return lstat(p, &st) == 0;
}

/* Only content, content-previous (and nothing half-done) in the data folder. */
static void no_leftovers(const char *data)
{
    assert_false(exists(data, OV_CONTENT_NEW_NAME));
    assert_false(exists(data, "content-old"));
    assert_false(exists(data, "content-swap"));
}

static void load_current(fx *f, ov_content *c)
{
    char dir[OV_PATH_MAX];
    ov_diags *d = calloc(1, sizeof *d);
    assert_non_null(d);
    assert_true(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir) >= 0);
    assert_int_equal(ov_content_load(dir, c, d), OV_OK);
    free(d);
}

/* Import the stick's content with the real calls; must succeed. */
static void import_ok(fx *f)
{
    char src[OV_PATH_MAX], err[512];
    stick_dir(f, src, sizeof src);
    load_current(f, f->c);
    assert_int_equal(ov_import_check(src, f->c, NULL, f->plan), OV_OK);
    if (ov_import_apply(f->plan, f->data, NULL, NULL, f->c, err, sizeof err) != OV_OK) fail_msg("%s", err);
}

static int find_change(const ov_import_plan *p, ov_change_kind kind, const char *id)
{
    for (int i = 0; i < p->n_changes; i++)
        if (p->changes[i].kind == kind && !strcmp(p->changes[i].id, id)) return i;
    return -1;
}

/* ---- tests ---- */

static void test_good_import_with_pictures(void **state)
{
    fx *f = *state;
    char dir[OV_PATH_MAX], src[OV_PATH_MAX], err[512], p1[700], p2[700];

    /* a fresh kiosk uses its installed content */
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 0);
    assert_string_equal(dir, f->fallback);
    assert_false(ov_content_has_previous(f->data));

    /* first stick: the installed questions, so there is something to replace */
    stick_with(f, "tests/fixtures/content/good");
    import_ok(f);
    snprintf(p1, sizeof p1, "%s/content", f->data);
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 1);
    assert_string_equal(dir, p1);
    assert_string_equal(f->c->dir, p1);
    assert_false(ov_content_has_previous(f->data));            /* nothing before it */

    /* the new questions */
    stick_with(f, "tests/fixtures/import/good");
    stick_dir(f, src, sizeof src);
    load_current(f, f->c);
    assert_int_equal(ov_import_check(src, f->c, NULL, f->plan), OV_OK);
    assert_true(f->plan->ok);
    assert_int_equal(f->plan->n_errors, 0);
    /* what will change, in words the facilitator can read */
    int r = find_change(f->plan, OV_CHANGE_QUESTION_REMOVED, "second");
    int a = find_change(f->plan, OV_CHANGE_QUESTION_ADDED, "third");
    int t = find_change(f->plan, OV_CHANGE_QUESTION_TITLE, "first");
    int x = find_change(f->plan, OV_CHANGE_ANSWER_REMOVED, "three");
    assert_true(r >= 0 && a >= 0 && t >= 0 && x >= 0);
    assert_true(f->plan->keeps_votes);
    char s[300];
    ov_content_change_sentence(&f->plan->changes[r], NULL, s, sizeof s);
    assert_non_null(strstr(s, "The second question"));
    ov_content_change_sentence(&f->plan->changes[a], NULL, s, sizeof s);
    assert_string_equal(s, "New question: \u201cGetting out more\u201d.");
    ov_content_change_sentence(&f->plan->changes[x], NULL, s, sizeof s);
    assert_non_null(strstr(s, "Middle"));
    /* only content.ini and the files it names are copied */
    assert_int_equal(f->plan->n_files, 7);
    assert_string_equal(f->plan->files[0].rel, "content.ini");

    char *old_snap = dup_snapshot(p1);
    ov_content *got = calloc(1, sizeof *got);
    assert_non_null(got);
    if (ov_import_apply(f->plan, f->data, NULL, NULL, got, err, sizeof err) != OV_OK) fail_msg("%s", err);
    assert_string_equal(got->dir, p1);
    assert_int_equal(got->n_questions, 2);
    assert_string_equal(got->questions[1].title, "Getting out more");
    /* the kiosk now loads the new folder, pictures and all */
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 1);
    ov_diags *d = calloc(1, sizeof *d);
    assert_int_equal(ov_content_load(dir, f->c, d), OV_OK);
    free(d);
    char pic[OV_PATH_MAX];
    ov_content_path(f->c, f->c->questions[1].picture, pic, sizeof pic);
    snprintf(p2, sizeof p2, "%s/pictures/places/park.svg", p1);
    assert_string_equal(pic, p2);
    /* byte for byte what the stick holds, minus what content.ini does not name */
    const char *want =
        "/content.ini\n/pictures/no.svg\n/pictures/places/park.svg\n/pictures/question-a.svg\n"
        "/pictures/unsure.svg\n/pictures/yes.svg\n/recordings/first.wav\n";
    char names[1024] = "";
    const char *sn = snapshot(p1);
    for (const char *l = sn; *l; l = strchr(l, '\n') + 1) strncat(names, l, (size_t)(strchr(l, ' ') - l)), strcat(names, "\n");
    assert_string_equal(names, want);
    char *new_snap = dup_snapshot(p1);
    char *stick_snap = dup_snapshot(src);
    for (const char *l = new_snap; *l; l = strchr(l, '\n') + 1) {
        char line[300];
        snprintf(line, sizeof line, "%.*s", (int)(strchr(l, '\n') - l), l);
        assert_non_null(strstr(stick_snap, line));          /* same size and hash */
    }
    assert_false(exists(p1, ".DS_Store"));
    assert_false(exists(p1, "notes.txt"));
    assert_false(exists(p1, "pictures/._yes.svg"));
    /* the old questions are kept as previous */
    snprintf(p2, sizeof p2, "%s/%s", f->data, OV_CONTENT_PREVIOUS_NAME);
    assert_string_equal(snapshot(p2), old_snap);
    assert_true(ov_content_has_previous(f->data));
    no_leftovers(f->data);

    /* put the old questions back, then the new ones again */
    assert_int_equal(ov_content_restore_previous(f->data, NULL, NULL, got, err, sizeof err), OV_OK);
    assert_string_equal(snapshot(p1), old_snap);
    assert_string_equal(snapshot(p2), new_snap);
    assert_int_equal(got->n_questions, 2);
    assert_string_equal(got->questions[1].title, "The second question");
    assert_string_equal(got->dir, p1);
    assert_int_equal(ov_content_restore_previous(f->data, NULL, NULL, got, err, sizeof err), OV_OK);
    assert_string_equal(snapshot(p1), new_snap);
    assert_string_equal(snapshot(p2), old_snap);
    no_leftovers(f->data);

    /* a third import replaces the older previous */
    stick_with(f, "tests/fixtures/content/good");
    import_ok(f);
    assert_string_equal(snapshot(p1), old_snap);
    assert_string_equal(snapshot(p2), new_snap);
    no_leftovers(f->data);
    free(old_snap); free(new_snap); free(stick_snap); free(got);
}

static void test_invalid_content_refused_in_plain_words(void **state)
{
    fx *f = *state;
    char src[OV_PATH_MAX], err[512], content[700];
    stick_with(f, "tests/fixtures/content/good");
    import_ok(f);
    snprintf(content, sizeof content, "%s/content", f->data);
    char *before = dup_snapshot(f->data);

    stick_with(f, "tests/fixtures/import/bad");
    stick_dir(f, src, sizeof src);
    load_current(f, f->c);
    assert_int_equal(ov_import_check(src, f->c, NULL, f->plan), OV_EINVAL);
    assert_false(f->plan->ok);
    assert_int_equal(f->plan->n_errors, 3);
    assert_int_equal(f->plan->n_changes, 0);
    assert_int_equal(f->plan->n_files, 0);
    /* plain words, errors first, each with its line */
    assert_true(f->plan->n_problems >= 3);
    assert_string_equal(f->plan->problems[0].text,
                        "The answer \u201cno\u201d of \u201cyes-no\u201d: the kiosk does not know the colour \u201cpurple\u201d (content.ini line 17).");
    assert_string_equal(f->plan->problems[1].text,
                        "Question 2: the picture pictures/time.svg is not there (content.ini line 29).");
    assert_string_equal(f->plan->problems[2].text, "Question 2 has no answers (content.ini line 30).");
    for (int i = 0; i < 3; i++) assert_true(f->plan->problems[i].error);
    /* warnings come after the errors and do not stop an import on their own */
    assert_int_equal(f->plan->n_problems, 4);
    assert_false(f->plan->problems[3].error);
    assert_string_equal(f->plan->problems[3].text,
                        "There are no screen words, so the kiosk uses its own English ones.");
    /* and the precise file:line for the log */
    char want[800];
    snprintf(want, sizeof want, "%s/content.ini:30: ", src);
    assert_non_null(strstr(f->plan->problems[2].where, want));
    assert_int_equal(f->plan->problems[2].line, 30);

    /* applying anyway is refused and changes nothing */
    assert_int_equal(ov_import_apply(f->plan, f->data, NULL, NULL, NULL, err, sizeof err), OV_EINVAL);
    assert_string_equal(snapshot(f->data), before);
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, want, sizeof want), 1);
    assert_string_equal(want, content);

    /* no content.ini at all */
    snprintf(want, sizeof want, "%s/empty", f->tmp);
    sh("mkdir -p '%s'", want);
    assert_int_equal(ov_import_check(want, f->c, NULL, f->plan), OV_ENOTFOUND);
    assert_false(f->plan->ok);
    assert_string_equal(f->plan->problems[0].text, "The file content.ini is missing.");
    free(before);
}

/* No silent limit (#13): more errors than the screen keeps are counted, so it can say
 * "And N more problems". */
static void test_many_problems_counted(void **state)
{
    fx *f = *state;
    char src[OV_PATH_MAX], ini[OV_PATH_MAX + 16];
    stick_with(f, "tests/fixtures/import/good");
    stick_dir(f, src, sizeof src);
    snprintf(ini, sizeof ini, "%s/content.ini", src);
    sh("for i in $(seq 1 50); do echo \"nokey$i = x\"; done >> '%s'", ini);
    assert_int_equal(ov_import_check(src, NULL, NULL, f->plan), OV_EINVAL);
    assert_true(f->plan->n_errors >= 50);
    assert_int_equal(f->plan->n_problems, OV_IMPORT_MAX_PROBLEMS);
    int kept = 0;
    for (int i = 0; i < f->plan->n_problems; i++) kept += f->plan->problems[i].error;
    assert_int_equal(kept, OV_IMPORT_MAX_PROBLEMS);
    assert_int_equal(f->plan->n_errors_not_kept, f->plan->n_errors - kept);
    assert_non_null(strstr(f->plan->problems[0].text, "nokey1"));
}

/* ---- failure injection ---- */

enum { OP_OPEN, OP_WRITE, OP_READ, OP_FSYNC, OP_CLOSE, OP_RENAME, OP_UNLINK, OP_MKDIR, N_OPS };
static const char *const op_names[N_OPS] = { "open", "write", "read", "fsync", "close", "rename", "unlink", "mkdir" };
static int calls[N_OPS], fail_op = -1, fail_at, fail_errno;

static int hit(int op)
{
    calls[op]++;
    if (op == fail_op && calls[op] == fail_at) { errno = fail_errno; return 1; }
    return 0;
}
static int f_open(const char *p, int fl, mode_t m) { return hit(OP_OPEN) ? -1 : open(p, fl, m); }
static ssize_t f_write(int fd, const void *b, size_t n) { return hit(OP_WRITE) ? -1 : write(fd, b, n > 100 ? 100 : n); }
static ssize_t f_read(int fd, void *b, size_t n) { return hit(OP_READ) ? -1 : read(fd, b, n); }
static int f_fsync(int fd) { return hit(OP_FSYNC) ? -1 : fsync(fd); }
static int f_close(int fd) { if (hit(OP_CLOSE)) { close(fd); return -1; } return close(fd); }
static int f_rename(const char *a, const char *b) { return hit(OP_RENAME) ? -1 : rename(a, b); }
static int f_unlink(const char *p) { return hit(OP_UNLINK) ? -1 : unlink(p); }
static int f_mkdir(const char *p, mode_t m) { return hit(OP_MKDIR) ? -1 : mkdir(p, m); }
static const ov_fsops faulty = {
    .open = f_open, .write = f_write, .read = f_read, .fsync = f_fsync, .close = f_close,
    .rename = f_rename, .unlink = f_unlink, .mkdir = f_mkdir, .syncfs = syncfs, .utimensat = utimensat,
    .fadvise = NULL,
};

static void test_failure_at_each_step_keeps_content_whole(void **state)
{
    fx *f = *state;
    char src[OV_PATH_MAX], content[700], prev[700], err[512];
    snprintf(content, sizeof content, "%s/content", f->data);
    snprintf(prev, sizeof prev, "%s/%s", f->data, OV_CONTENT_PREVIOUS_NAME);
    /* start: content A (installed questions), previous B (the new ones) */
    stick_with(f, "tests/fixtures/import/good");
    import_ok(f);
    char *snap_b = dup_snapshot(content);
    stick_with(f, "tests/fixtures/content/good");
    import_ok(f);
    char *snap_a = dup_snapshot(content);
    assert_string_equal(snapshot(prev), snap_b);

    /* now import B again with every single file call failing in turn */
    stick_with(f, "tests/fixtures/import/good");
    stick_dir(f, src, sizeof src);
    load_current(f, f->c);
    assert_int_equal(ov_import_check(src, f->c, NULL, f->plan), OV_OK);
    const int errs[] = { EIO, ENOSPC, EROFS };
    int failures = 0, per_op[N_OPS] = { 0 };
    for (int op = 0; op < N_OPS; op++) {
        for (int n = 1; n < 300; n++) {
            memset(calls, 0, sizeof calls);
            fail_op = op; fail_at = n; fail_errno = errs[(op + n) % 3];
            int rc = ov_import_apply(f->plan, f->data, &faulty, NULL, NULL, err, sizeof err);
            fail_op = -1;
            no_leftovers(f->data);
            if (calls[op] < n) {                       /* went through: B in, A kept as previous */
                assert_int_equal(rc, OV_OK);
                assert_string_equal(snapshot(content), snap_b);
                assert_string_equal(snapshot(prev), snap_a);
                /* back to A / B for the next op */
                assert_int_equal(ov_content_restore_previous(f->data, NULL, NULL, NULL, err, sizeof err), OV_OK);
                break;
            }
            if (rc == OV_OK) {                         /* a close after reading: nothing lost */
                assert_int_equal(op, OP_CLOSE);
                assert_string_equal(snapshot(content), snap_b);
                assert_int_equal(ov_content_restore_previous(f->data, NULL, NULL, NULL, err, sizeof err), OV_OK);
                continue;
            }
            failures++;
            per_op[op]++;
            if (!strstr(err, strerror(fail_errno)))
                fail_msg("%s call %d failed but the message does not say why: %s", op_names[op], n, err);
            assert_int_equal(rc, ov_errno_code(fail_errno));
            /* the kiosk's questions are exactly as before, and so is previous */
            assert_string_equal(snapshot(content), snap_a);
            assert_string_equal(snapshot(prev), snap_b);
            char dir[OV_PATH_MAX];
            assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 1);
            assert_non_null(ov_import_easy_message(rc, NULL));
        }
    }
    /* every kind of step was made to fail at least once */
    assert_true(per_op[OP_OPEN] >= 10 && per_op[OP_WRITE] >= 7 && per_op[OP_READ] >= 7);
    assert_true(per_op[OP_FSYNC] >= 10 && per_op[OP_RENAME] == 3 && per_op[OP_MKDIR] >= 3);
    assert_true(failures >= 40);

    /* the same for putting the previous questions back */
    for (int op = 0; op < N_OPS; op++) {
        for (int n = 1; n < 50; n++) {
            memset(calls, 0, sizeof calls);
            fail_op = op; fail_at = n; fail_errno = EIO;
            int rc = ov_content_restore_previous(f->data, &faulty, NULL, NULL, err, sizeof err);
            fail_op = -1;
            no_leftovers(f->data);
            if (calls[op] < n) {
                assert_int_equal(rc, OV_OK);
                assert_string_equal(snapshot(content), snap_b);
                assert_string_equal(snapshot(prev), snap_a);
                assert_int_equal(ov_content_restore_previous(f->data, NULL, NULL, NULL, err, sizeof err), OV_OK);
                break;
            }
            if (rc == OV_OK) {                         /* closing a folder after its fsync: harmless */
                if (op != OP_CLOSE) fail_msg("%s call %d failed but restore said OK", op_names[op], n);
                assert_int_equal(ov_content_restore_previous(f->data, NULL, NULL, NULL, err, sizeof err), OV_OK);
                continue;
            }
            assert_string_equal(snapshot(content), snap_a);
            assert_string_equal(snapshot(prev), snap_b);
        }
    }
    free(snap_a); free(snap_b);
}

static void test_power_cut_mid_swap(void **state)
{
    fx *f = *state;
    char content[700], prev[700], next[700], old[700], swap[700], dir[OV_PATH_MAX], err[512];
    snprintf(content, sizeof content, "%s/content", f->data);
    snprintf(prev, sizeof prev, "%s/%s", f->data, OV_CONTENT_PREVIOUS_NAME);
    snprintf(next, sizeof next, "%s/%s", f->data, OV_CONTENT_NEW_NAME);
    snprintf(old, sizeof old, "%s/content-old", f->data);
    snprintf(swap, sizeof swap, "%s/content-swap", f->data);
    /* content A, previous B */
    stick_with(f, "tests/fixtures/import/good");
    import_ok(f);
    char *snap_b = dup_snapshot(content);
    stick_with(f, "tests/fixtures/content/good");
    import_ok(f);
    char *snap_a = dup_snapshot(content);
    assert_int_equal(ov_content_recover(f->data, NULL, err, sizeof err), OV_OK);   /* nothing to do */
    assert_string_equal(snapshot(content), snap_a);
    assert_string_equal(snapshot(prev), snap_b);

    /* an import cut after previous -> old and content -> previous, with a half content-new */
    sh("mv '%s' '%s' && mv '%s' '%s' && mkdir -p '%s/pictures' && echo half > '%s/content.ini'",
       prev, old, content, prev, next, next);
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 2);
    assert_string_equal(dir, prev);                   /* the questions in use, complete */
    assert_string_equal(snapshot(dir), snap_a);
    assert_int_equal(ov_content_recover(f->data, NULL, err, sizeof err), OV_OK);
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 1);
    assert_string_equal(snapshot(content), snap_a);   /* as before the import */
    assert_string_equal(snapshot(prev), snap_b);
    no_leftovers(f->data);

    /* an import cut after its first rename only */
    sh("mv '%s' '%s'", prev, old);
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 1);
    assert_int_equal(ov_content_recover(f->data, NULL, err, sizeof err), OV_OK);
    assert_string_equal(snapshot(content), snap_a);
    assert_string_equal(snapshot(prev), snap_b);

    /* a restore cut after content -> swap: it is finished (B, which the kiosk showed meanwhile) */
    sh("mv '%s' '%s'", content, swap);
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 2);
    assert_string_equal(snapshot(dir), snap_b);
    assert_true(ov_content_has_previous(f->data));
    assert_int_equal(ov_content_restore_previous(f->data, NULL, NULL, NULL, err, sizeof err), OV_OK);
    /* recovery made it B / A, and the restore asked for then swapped back */
    assert_string_equal(snapshot(content), snap_a);
    assert_string_equal(snapshot(prev), snap_b);
    no_leftovers(f->data);

    /* a restore cut after its second rename: content B, A aside in swap */
    sh("mv '%s' '%s' && mv '%s' '%s'", content, swap, prev, content);
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 1);
    assert_string_equal(snapshot(dir), snap_b);
    stick_with(f, "tests/fixtures/import/good");   /* the next import tidies up too */
    import_ok(f);
    assert_string_equal(snapshot(content), snap_b);
    assert_string_equal(snapshot(prev), snap_b);    /* B replaced B; A was the older previous */
    no_leftovers(f->data);
    free(snap_a); free(snap_b);
}

static void test_stick_changed_after_check(void **state)
{
    fx *f = *state;
    char src[OV_PATH_MAX], err[512], ini[OV_PATH_MAX + 16];
    stick_with(f, "tests/fixtures/content/good");
    import_ok(f);
    char *before = dup_snapshot(f->data);
    stick_with(f, "tests/fixtures/import/good");
    stick_dir(f, src, sizeof src);
    load_current(f, f->c);
    assert_int_equal(ov_import_check(src, f->c, NULL, f->plan), OV_OK);
    /* someone edits the stick before the facilitator says yes */
    snprintf(ini, sizeof ini, "%s/content.ini", src);
    sh("sed -i 's/^title = Being heard/title = Heard at last/' '%s'", ini);
    assert_int_equal(ov_import_apply(f->plan, f->data, NULL, NULL, NULL, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "changed"));
    assert_string_equal(snapshot(f->data), before);
    /* or takes it out */
    assert_int_equal(ov_import_check(src, f->c, NULL, f->plan), OV_OK);
    sh("rm -rf '%s'", f->stick);
    assert_true(ov_import_apply(f->plan, f->data, NULL, NULL, NULL, err, sizeof err) < 0);
    assert_string_equal(snapshot(f->data), before);
    free(before);
}

static const char *problem_with(const ov_import_plan *p, const char *needle)
{
    for (int i = 0; i < p->n_problems; i++)
        if (p->problems[i].error && strstr(p->problems[i].text, needle)) return p->problems[i].text;
    return NULL;
}

static void test_links_dotdot_hidden_big_refused(void **state)
{
    fx *f = *state;
    char src[OV_PATH_MAX], ini[OV_PATH_MAX + 16], err[512];
    stick_with(f, "tests/fixtures/import/good");
    stick_dir(f, src, sizeof src);
    snprintf(ini, sizeof ini, "%s/content.ini", src);

    /* a picture that is a link to a file outside the content folder */
    sh("echo '<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\"/></svg>' > '%s/secret.svg' && "
       "rm '%s/pictures/no.svg' && ln -s '%s/secret.svg' '%s/pictures/no.svg'", f->tmp, src, f->tmp, src);
    assert_int_equal(ov_import_check(src, NULL, NULL, f->plan), OV_EINVAL);
    const char *t = problem_with(f->plan, "link");
    assert_non_null(t);
    assert_string_equal(t, "The answer \u201cno\u201d of \u201cyes-no\u201d: the picture is a link to another "
                           "place; copy the file itself (content.ini line 435).");
    assert_int_equal(ov_import_apply(f->plan, f->data, NULL, NULL, NULL, err, sizeof err), OV_EINVAL);
    assert_false(exists(f->data, "content"));
    assert_false(exists(f->data, OV_CONTENT_NEW_NAME));

    /* a link that stays inside the folder is fine: the file itself is copied */
    sh("rm '%s/pictures/no.svg' && ln -s yes.svg '%s/pictures/no.svg'", src, src);
    assert_int_equal(ov_import_check(src, NULL, NULL, f->plan), OV_OK);
    assert_int_equal(ov_import_apply(f->plan, f->data, NULL, NULL, NULL, err, sizeof err), OV_OK);
    char copy[700];
    snprintf(copy, sizeof copy, "%s/content/pictures/no.svg", f->data);
    struct stat st;
    assert_int_equal(lstat(copy, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    /* a folder link out of the content folder */
    sh("mkdir -p '%s/outside' && cp '%s/pictures/yes.svg' '%s/outside/park.svg' && rm -rf '%s/pictures/places' && "
       "ln -s '%s/outside' '%s/pictures/places'", f->tmp, src, f->tmp, src, f->tmp, src);
    assert_int_equal(ov_import_check(src, NULL, NULL, f->plan), OV_EINVAL);
    assert_non_null(problem_with(f->plan, "Question 2: the picture is a link"));

    /* "..", hidden files, a huge file */
    stick_with(f, "tests/fixtures/import/good");
    sh("cp '%s/pictures/yes.svg' '%s/ourvoice/outside.svg' && cp '%s/pictures/yes.svg' '%s/pictures/.hidden.svg' && "
       "truncate -s 21M '%s/pictures/big.png' && "
       "sed -i -e 's|^picture = pictures/question-a.svg|picture = ../outside.svg|' "
       "-e 's|^picture = pictures/places/park.svg|picture = pictures/.hidden.svg|' "
       "-e 's|^picture = pictures/unsure.svg|picture = pictures/big.png|' '%s'",
       src, f->stick, src, src, src, ini);
    assert_int_equal(ov_import_check(src, NULL, NULL, f->plan), OV_EINVAL);
    /* big.png is too big for the import, and the picture check cannot use it either:
     * 2 problems on its line */
    assert_int_equal(f->plan->n_errors, 4);
    assert_int_equal(f->plan->n_problems, 4);
    assert_non_null(problem_with(f->plan, "Question 1: the picture must be inside the content folder"));
    assert_non_null(problem_with(f->plan, "Question 2: the picture is a hidden file"));
    assert_non_null(problem_with(f->plan, "of \u201cyes-no\u201d: the picture is too big"));
    for (int i = 0; i < f->plan->n_problems; i++) {
        assert_non_null(strstr(f->plan->problems[i].where, "content.ini:"));
        if (i) assert_true(f->plan->problems[i].line >= f->plan->problems[i - 1].line);   /* in file order */
    }
}

static void test_active_dir_rules(void **state)
{
    fx *f = *state;
    char dir[OV_PATH_MAX], content[700];
    snprintf(content, sizeof content, "%s/content", f->data);
    assert_int_equal(ov_content_active_dir(NULL, f->fallback, dir, sizeof dir), 0);
    assert_string_equal(dir, f->fallback);
    assert_int_equal(ov_content_active_dir("", "/x", dir, sizeof dir), 0);
    assert_string_equal(dir, "/x");
    /* an empty content folder (no content.ini) is not used */
    sh("mkdir -p '%s'", content);
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 0);
    /* a link instead of a folder is not used either */
    sh("rmdir '%s' && ln -s '%s' '%s'", content, f->fallback, content);
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, dir, sizeof dir), 0);
    assert_int_equal(ov_content_restore_previous(f->data, NULL, NULL, NULL, dir, sizeof dir), OV_ENOTFOUND);
    char small[8];
    assert_int_equal(ov_content_active_dir(f->data, f->fallback, small, sizeof small), OV_EINVAL);
    assert_string_equal(small, "");
    /* nonsense in, a clear refusal out */
    assert_int_equal(ov_import_check(NULL, NULL, NULL, f->plan), OV_EINVAL);
    assert_false(f->plan->ok);
    assert_true(f->plan->n_problems >= 1);
    char err[300];
    assert_int_equal(ov_import_apply(f->plan, f->data, NULL, NULL, NULL, err, sizeof err), OV_EINVAL);
    assert_non_null(strstr(err, "check"));
    assert_int_equal(ov_import_apply(NULL, f->data, NULL, NULL, NULL, err, sizeof err), OV_EINVAL);
    assert_false(exists(f->data, OV_CONTENT_NEW_NAME));
}

static void test_plain_words_without_file(void **state)
{
    (void)state;
    char out[300];
    ov_diags *d = malloc(sizeof *d);
    assert_non_null(d);
    ov_diags_init(d);
    ov_diag_add(d, OV_DIAG_ERROR, "/s/content.ini", 12, "there is something odd here; fix it");
    ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_NO_QUESTIONS, NULL, "/s/content.ini", 0,
                     "there are no questions; add at least 1 [question ID] section");
    int line = ov_import_plain_words(&d->items[0], NULL, 0, NULL, out, sizeof out);
    assert_int_equal(line, 12);
    /* a problem with no words of its own: the content's words, never the checker's English */
    assert_string_equal(out, "This line has a problem. Run check-content on a computer to see it "
                             "(content.ini line 12).");
    line = ov_import_plain_words(&d->items[1], NULL, 0, NULL, out, sizeof out);
    assert_int_equal(line, 0);
    assert_string_equal(out, "There are no questions.");
    /* a whole screen that does not fit has words of its own (#13), not "has a problem" */
    ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SCREEN_NOT_FIT, "q1", "/s/content.ini", 40,
                     "question 'q1' does not fit its screen at 800x480 in the large theme");
    ov_import_plain_words(&d->items[d->n - 1], NULL, 0, NULL, out, sizeof out);
    assert_non_null(strstr(out, "does not fit on one of the screens, in large text or on a small screen"));
    assert_null(strstr(out, "has a problem"));
    d->n--;
    /* the import's own problems have words too, in the content's language */
    ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_FILES_TOO_BIG, NULL, "/s/content.ini", 0, "too big (300 MB)");
    ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_TOO_MANY_FILES, NULL, "/s/content.ini", 0, "too many files");
    ov_diag_add_code(d, OV_DIAG_ERROR, OV_DIAG_SOURCE_PATH, NULL, "(none)", 0, "the path is too long");
    static ov_texts cy;
    ov_texts_defaults(&cy, "cy");
    ov_import_plain_words(&d->items[2], NULL, 0, NULL, out, sizeof out);
    assert_string_equal(out, "The pictures and recordings are too big together. Keep them under 200 MB.");
    ov_import_plain_words(&d->items[2], NULL, 0, &cy, out, sizeof out);
    assert_string_equal(out, "Mae'r lluniau a'r recordiadau yn rhy fawr gyda'i gilydd. Cadwch nhw o dan 200 MB.");
    ov_import_plain_words(&d->items[3], NULL, 0, &cy, out, sizeof out);
    assert_non_null(strstr(out, "Mae gormod o ffeiliau"));
    ov_import_plain_words(&d->items[4], NULL, 0, &cy, out, sizeof out);
    assert_string_equal(out, "Mae enw'r ffolder ar goll neu'n rhy hir. Defnyddiwch enw ffolder byrrach.");
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_good_import_with_pictures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_content_refused_in_plain_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failure_at_each_step_keeps_content_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_power_cut_mid_swap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stick_changed_after_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_links_dotdot_hidden_big_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_active_dir_rules, setup, teardown),
        cmocka_unit_test(test_plain_words_without_file),
        cmocka_unit_test_setup_teardown(test_many_problems_counted, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
