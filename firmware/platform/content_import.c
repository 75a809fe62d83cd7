/* content_import.c — checks a content folder on a USB stick, copies it into
 * the data folder safely and swaps it in (or back out); see content_import.h. */
#include "platform/content_import.h"
#include "platform/files.h"
#include "platform/content_load.h"
#include "platform/content_ini.h"
#include "base/sha256.h"
#include "model/content_texts.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* ---- small helpers ---- */

#define BYTES_PER_MB (1024 * 1024)
#define COPY_BUF_LEN 65536 /* bytes read at a time when copying or reading back */
#define INI_NAME_ROOM 16   /* room for "/content.ini" after a folder */
#define NFTW_OPEN_DIRS 16  /* folders nftw keeps open while removing a tree */
#define MADE_DIRS_MAX 64   /* folders an import may make inside content-new */
#define RENAMES_MAX 4      /* renames the swap makes (and undoes on a failure) */

static int join(char *out, size_t outlen, const char *a, const char *b)
{
    int n = snprintf(out, outlen, "%s/%s", a, b);
    return (n < 0 || (size_t)n >= outlen) ? OV_EINVAL : OV_OK;
}

/* 1 when path is a real folder (not a link to one). */
static int is_real_dir(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* 1 when dir is a real folder holding a regular (not linked) content.ini. */
static int looks_like_content(const char *dir)
{
    char ini[OV_PATH_MAX + INI_NAME_ROOM];
    struct stat st;
    if (!is_real_dir(dir))
        return 0;
    if ((size_t)snprintf(ini, sizeof ini, "%s/content.ini", dir) >= sizeof ini)
        return 0;
    return lstat(ini, &st) == 0 && S_ISREG(st.st_mode);
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (flag == FTW_DP)
        rmdir(path);
    else
        unlink(path);
    return 0;
}

/* Remove a folder and everything in it, never following links (clean-up:
 * real calls, errors only logged). Missing is fine. */
static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    nftw(path, rm_one, NFTW_OPEN_DIRS, FTW_DEPTH | FTW_PHYS);
    if (lstat(path, &st) == 0)
        ov_log_error("%s: could not remove it; delete it by hand", path);
}

static int step_fail(const char *path, ov_fs_step step, int e, char *err, size_t errlen)
{
    return ov_fail(err, errlen, ov_errno_code(e), "%s: %s failed: %s", path, ov_fs_step_name(step),
                   strerror(e));
}

/* fsync a folder through fs. Filesystems that cannot (EINVAL) are let off. */
static int fsync_dir(const ov_fsops *fs, const char *dir, char *err, size_t errlen)
{
    int fd = fs->open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0)
        return step_fail(dir, OV_STEP_FSYNC_DIR, errno, err, errlen);
    int rc = OV_OK;
    if (fs->fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP)
        rc = step_fail(dir, OV_STEP_FSYNC_DIR, errno, err, errlen);
    fs->close(fd);
    return rc;
}

/* mkdir -p through fs (each missing level). */
static int mkdir_p(const ov_fsops *fs, const char *dir, char *err, size_t errlen)
{
    char p[OV_PATH_MAX];
    if (ov_strlcpy(p, dir, sizeof p) != OV_OK)
        return ov_fail(err, errlen, OV_EINVAL, "%s: path too long; use a shorter data folder", dir);
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (!is_real_dir(p) && fs->mkdir(p, 0755) != 0 && errno != EEXIST)
                return step_fail(p, OV_STEP_MKDIR, errno, err, errlen);
            *s = c;
            if (!c)
                break;
        }
    }
    return OV_OK;
}

/* ---- check ---- */

#define CHK_ERR(plan, code, line, ...) \
    ov_diag_add_code(&(plan)->diags, OV_DIAG_ERROR, (code), NULL, ini_path, (line), __VA_ARGS__)

/* Check one file content.ini names (or content.ini itself) for copying, and
 * add it to the plan's list. */
static void check_file(ov_import_plan *plan, const char *ini_path, const char *root_real, const char *what,
                       const char *rel, int line)
{
    /* no "..", no hidden names */
    char parts[OV_PATH_MAX];
    ov_strlcpy(parts, rel, sizeof parts);
    for (char *save = NULL, *t = strtok_r(parts, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
        if (!strcmp(t, "..")) {
            CHK_ERR(plan, OV_DIAG_PATH_OUTSIDE, line,
                    "%s '%s' is outside the content folder (..), so it cannot be copied to the kiosk; "
                    "copy the file into the content folder (for example pictures/) and write that path here",
                    what, rel);
            return;
        }
        if (t[0] == '.' && strcmp(t, ".")) {
            CHK_ERR(plan, OV_DIAG_HIDDEN, line,
                    "%s '%s' is hidden (a name starts with a dot); rename it without the dot", what, rel);
            return;
        }
    }
    char full[OV_PATH_MAX], real[PATH_MAX];
    if (join(full, sizeof full, plan->src, rel) != OV_OK)
        return; /* the checker said so */
    if (!realpath(full, real))
        return; /* not found: the checker said so */
    size_t rl = strlen(root_real);
    if (strncmp(real, root_real, rl) || real[rl] != '/') {
        CHK_ERR(plan, OV_DIAG_LINK_OUTSIDE, line,
                "%s '%s' is a link to outside the content folder (%s); copy the file itself into the folder",
                what, rel, real);
        return;
    }
    struct stat st;
    if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
        return; /* the checker said so */
    if ((long long)st.st_size > OV_IMPORT_MAX_FILE) {
        CHK_ERR(plan, OV_DIAG_FILE_TOO_BIG, line,
                "%s '%s' is too big (%lld MB; at most %lld MB); make it smaller", what, rel,
                (long long)st.st_size / BYTES_PER_MB, OV_IMPORT_MAX_FILE / BYTES_PER_MB);
        return;
    }
    for (int i = 0; i < plan->n_files; i++)
        if (!strcmp(plan->files[i].rel, rel))
            return; /* named twice: copied once */
    if (plan->n_files >= OV_IMPORT_MAX_FILES) {
        CHK_ERR(plan, OV_DIAG_TOO_MANY_FILES, line,
                "too many files (at most %d); use fewer pictures and recordings", OV_IMPORT_MAX_FILES);
        return;
    }
    ov_import_file *f = &plan->files[plan->n_files++];
    ov_strlcpy(f->rel, rel, sizeof f->rel);
    f->size = (long long)st.st_size;
    plan->total_bytes += f->size;
}

static void add_problem(ov_import_plan *plan, const ov_diag *d, const ov_texts *t, const char *text,
                        size_t len)
{
    if (plan->n_problems >= OV_IMPORT_MAX_PROBLEMS) {
        plan->n_errors_not_kept += d->level == OV_DIAG_ERROR;
        return;
    }
    ov_import_problem *p = &plan->problems[plan->n_problems];
    p->error = d->level == OV_DIAG_ERROR;
    ov_strlcpy(p->where, d->text, sizeof p->where);
    p->line = ov_import_plain_words(d, text, len, t, p->text, sizeof p->text);
    for (int i = 0; i < plan->n_problems; i++)
        if (!strcmp(plan->problems[i].text, p->text))
            return; /* said once is enough */
    plan->n_problems++;
}

/* Check content.ini and every picture and recording it names for copying. */
static void check_named_files(ov_import_plan *plan, const char *ini_path, const char *root_real,
                              const ov_ini_doc *doc)
{
    check_file(plan, ini_path, root_real, "content.ini", "content.ini", 0);
    for (int i = 0; i < doc->n_sec; i++) {
        const ov_ini_section *s = &doc->sec[i];
        if (strncmp(s->head, "question ", 9) && strncmp(s->head, "answer ", 7))
            continue;
        for (int k = 0; k < s->n_kv; k++) {
            const ov_ini_kv *kv = &s->kv[k];
            if ((strcmp(kv->key, "picture") && strcmp(kv->key, "recording")) || !kv->value[0])
                continue;
            check_file(plan, ini_path, root_real, kv->key, kv->value, kv->line);
        }
    }
    if (plan->total_bytes > OV_IMPORT_MAX_TOTAL)
        ov_diag_add_code(&plan->diags, OV_DIAG_ERROR, OV_DIAG_FILES_TOO_BIG, NULL, ini_path, 0,
                         "the pictures and recordings together are too big "
                         "(%lld MB; at most %lld MB); make them smaller",
                         plan->total_bytes / BYTES_PER_MB, OV_IMPORT_MAX_TOTAL / BYTES_PER_MB);
}

/* Every problem in plain words (t's), errors first, then warnings, each in line order. */
static void plain_problems(ov_import_plan *plan, const ov_texts *t, const char *text, size_t len)
{
    int errors_kept = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < plan->diags.n; i++)
            if ((plan->diags.items[i].level == OV_DIAG_ERROR) == (pass == 0)) {
                errors_kept += pass == 0;
                add_problem(plan, &plan->diags.items[i], t, text, len);
            }
    plan->n_errors_not_kept += plan->diags.n_errors - errors_kept; /* beyond OV_MAX_DIAGS */
    /* the checker's problems come in line order, the copy-safety ones after: merge */
    for (int i = 1; i < plan->n_problems; i++) {
        ov_import_problem tmp = plan->problems[i];
        int j = i - 1;
        while (j >= 0 && plan->problems[j].error == tmp.error && plan->problems[j].line > tmp.line) {
            plan->problems[j + 1] = plan->problems[j];
            j--;
        }
        plan->problems[j + 1] = tmp;
    }
}

/* The counts, and what would change (rc OV_OK) or an empty plan (else). */
static void finish_plan(ov_import_plan *plan, const ov_content *current, int rc)
{
    plan->n_errors = plan->diags.n_errors;
    plan->n_warnings = plan->diags.n_warnings;
    if (rc != OV_OK) {
        memset(&plan->next, 0, sizeof plan->next);
        plan->n_files = 0;
        plan->total_bytes = 0;
        return;
    }
    plan->ok = 1;
    plan->n_changes = ov_content_diff(current, &plan->next, plan->changes, OV_MAX_CHANGES);
    if (plan->n_changes > OV_MAX_CHANGES)
        plan->n_changes = OV_MAX_CHANGES;
    plan->keeps_votes = ov_content_diff_keeps_votes(plan->changes, plan->n_changes);
}

/* ov_content_check said OV_ENOTFOUND: its problems from `from` on are about
 * the missing content.ini (platform/content_load.c may not code them yet). */
static void mark_missing(ov_diags *d, int from)
{
    for (int i = from; i < d->n; i++)
        if (d->items[i].code == OV_DIAG_GENERIC)
            d->items[i].code = OV_DIAG_CONTENT_MISSING;
}

int ov_import_check(const char *src, const ov_content *current, const ov_check_opts *opts,
                    ov_import_plan *plan)
{
    if (!plan)
        return OV_EINVAL;
    memset(plan, 0, sizeof *plan);
    ov_diags_init(&plan->diags);
    char ini_path[OV_PATH_MAX + INI_NAME_ROOM] = "";
    char *text = NULL;
    size_t len = 0;
    ov_ini_doc doc = { 0 };
    ov_diags *scratch = NULL;
    int rc;
    if (!src || ov_strlcpy(plan->src, src, sizeof plan->src) != OV_OK) {
        ov_diag_add_code(&plan->diags, OV_DIAG_ERROR, OV_DIAG_SOURCE_PATH, NULL, src ? src : "(none)", 0,
                         "the content folder path is missing or too long; use a shorter folder name");
        rc = OV_EINVAL;
        goto words;
    }
    for (size_t n = strlen(plan->src); n > 1 && plan->src[n - 1] == '/'; n--)
        plan->src[n - 1] = '\0';
    snprintf(ini_path, sizeof ini_path, "%s/content.ini", plan->src);

    int first_new = plan->diags.n;
    rc = ov_content_check(plan->src, opts, &plan->next, &plan->diags);
    if (rc == OV_ENOTFOUND)
        mark_missing(&plan->diags, first_new);
    if (rc == OV_ENOTFOUND || rc == OV_ENOMEM)
        goto words;

    char err[OV_ERR_LEN];
    if (ov_ini_read_file(ini_path, &text, &len, err, sizeof err) != OV_OK) {
        rc = OV_EINVAL;
        goto words;
    }
    scratch = malloc(sizeof *scratch);
    if (!scratch) {
        rc = OV_ENOMEM;
        goto words;
    }
    ov_diags_init(scratch);
    if (ov_ini_parse(text, len, ini_path, &doc, scratch) != OV_OK) {
        rc = OV_ENOMEM;
        goto words;
    }

    char root_real[PATH_MAX];
    if (!realpath(plan->src, root_real)) {
        ov_diag_add_code(&plan->diags, OV_DIAG_ERROR, OV_DIAG_FOLDER_UNREADABLE, NULL, plan->src, 0,
                         "cannot open the folder: %s; check the stick", strerror(errno));
        rc = OV_EINVAL;
        goto words;
    }
    check_named_files(plan, ini_path, root_real, &doc);
    rc = plan->diags.n_errors ? OV_EINVAL : OV_OK;

words:
    plain_problems(plan, current ? &current->texts : NULL, text, len);
    finish_plan(plan, current, rc);
    ov_ini_doc_free(&doc);
    free(scratch);
    free(text);
    return rc;
}

/* ---- copy ---- */

/* Write buf[0..n) to out, retrying short writes; returns OV_OK or an error
 * naming dst_path (a write of nothing counts as a full disk). */
static int write_all(const ov_fsops *fs, int out, const unsigned char *buf, ssize_t n, const char *dst_path,
                     char *err, size_t errlen)
{
    for (ssize_t off = 0; off < n;) {
        ssize_t w = fs->write(out, buf + off, (size_t)(n - off));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return step_fail(dst_path, OV_STEP_WRITE, w < 0 ? errno : ENOSPC, err, errlen);
        off += w;
    }
    return OV_OK;
}

/* Copy everything from in to out, hashing it into h; returns OV_OK, or an
 * error when a read or write fails or the file grew over the limit. */
static int copy_bytes(const ov_fsops *fs, int in, int out, const char *src_path, const char *dst_path,
                      ov_sha256 *h, char *err, size_t errlen)
{
    unsigned char *buf = malloc(COPY_BUF_LEN);
    if (!buf)
        return ov_fail(err, errlen, OV_ENOMEM, "out of memory copying %s", src_path);
    int rc = OV_OK;
    long long total = 0;
    for (;;) {
        ssize_t n = fs->read(in, buf, COPY_BUF_LEN);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = ov_fail(err, errlen, ov_errno_code(errno),
                         "%s: read failed: %s; was the stick taken out?", src_path, strerror(errno));
            break;
        }
        if (n == 0)
            break;
        total += n;
        if (total > OV_IMPORT_MAX_FILE) {
            rc = ov_fail(err, errlen, OV_EINVAL, "%s: is too big now (over %lld MB); check the stick again",
                         src_path, OV_IMPORT_MAX_FILE / BYTES_PER_MB);
            break;
        }
        ov_sha256_update(h, buf, (size_t)n);
        if ((rc = write_all(fs, out, buf, n, dst_path, err, errlen)) != OV_OK)
            break;
    }
    free(buf);
    return rc;
}

/* Copy src_path (on the stick) to dst_path (new), hashing what was written. */
static int copy_file(const ov_fsops *fs, const char *src_path, const char *dst_path,
                     unsigned char sha[OV_SHA256_LEN], char *err, size_t errlen)
{
    int rc = OV_OK, in = -1, out = -1;
    ov_sha256 h;
    ov_sha256_init(&h);
    in = fs->open(src_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
    if (in < 0) {
        rc = step_fail(src_path, OV_STEP_OPEN, errno, err, errlen);
        goto out;
    }
    struct stat st;
    if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
        rc = ov_fail(err, errlen, OV_EINVAL, "%s: is not a file any more; check the stick again", src_path);
        goto out;
    }
    out = fs->open(dst_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (out < 0) {
        rc = step_fail(dst_path, OV_STEP_OPEN, errno, err, errlen);
        goto out;
    }
    if ((rc = copy_bytes(fs, in, out, src_path, dst_path, &h, err, errlen)) != OV_OK)
        goto out;
    if (fs->fsync(out) != 0) {
        rc = step_fail(dst_path, OV_STEP_FSYNC, errno, err, errlen);
        goto out;
    }
    int c = out;
    out = -1;
    if (fs->close(c) != 0) {
        rc = step_fail(dst_path, OV_STEP_CLOSE, errno, err, errlen);
        goto out;
    }
    ov_sha256_final(&h, sha);
out:
    if (in >= 0)
        fs->close(in);
    if (out >= 0)
        fs->close(out);
    return rc;
}

/* Read path back (cache dropped) and compare its hash with sha. */
static int read_back(const ov_fsops *fs, const char *path, const unsigned char sha[OV_SHA256_LEN], char *err,
                     size_t errlen)
{
    int fd = fs->open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
    if (fd < 0)
        return step_fail(path, OV_STEP_READBACK, errno, err, errlen);
    if (fs->fadvise)
        fs->fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    unsigned char *buf = malloc(COPY_BUF_LEN), got[OV_SHA256_LEN];
    int rc = OV_OK;
    if (!buf) {
        fs->close(fd);
        return ov_fail(err, errlen, OV_ENOMEM, "out of memory reading %s back", path);
    }
    ov_sha256 h;
    ov_sha256_init(&h);
    for (;;) {
        ssize_t n = fs->read(fd, buf, COPY_BUF_LEN);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = step_fail(path, OV_STEP_READBACK, errno, err, errlen);
            break;
        }
        if (n == 0)
            break;
        ov_sha256_update(&h, buf, (size_t)n);
    }
    fs->close(fd);
    free(buf);
    if (rc != OV_OK)
        return rc;
    ov_sha256_final(&h, got);
    if (memcmp(got, sha, OV_SHA256_LEN))
        return ov_fail(err, errlen, OV_EIO,
                       "%s: compare failed: the copy read back is not what was written; "
                       "the kiosk's storage may be faulty",
                       path);
    return OV_OK;
}

typedef struct {
    char dirs[MADE_DIRS_MAX][OV_PATH_MAX]; /* folders made inside content-new, to fsync */
    int n;
} made_dirs;

/* Make the folders of dst_dir/rel's parent inside dst_dir. */
static int make_parents(const ov_fsops *fs, const char *dst_dir, const char *rel, made_dirs *md, char *err,
                        size_t errlen)
{
    char p[OV_PATH_MAX];
    if (join(p, sizeof p, dst_dir, rel) != OV_OK)
        return ov_fail(err, errlen, OV_EINVAL, "%s/%s: path too long; use a shorter data folder", dst_dir,
                       rel);
    size_t base = strlen(dst_dir) + 1;
    for (size_t i = base; p[i]; i++) {
        if (p[i] != '/')
            continue;
        p[i] = '\0';
        if (!is_real_dir(p)) {
            if (fs->mkdir(p, 0755) != 0 && errno != EEXIST)
                return step_fail(p, OV_STEP_MKDIR, errno, err, errlen);
            if (md->n >= (int)OV_ARRAY_LEN(md->dirs))
                return ov_fail(err, errlen, OV_EINVAL,
                               "%s: too many folders in the content folder; use at most %d", dst_dir,
                               (int)OV_ARRAY_LEN(md->dirs));
            ov_strlcpy(md->dirs[md->n++], p, OV_PATH_MAX);
        }
        p[i] = '/';
    }
    return OV_OK;
}

static int same_content(const ov_content *a, const ov_content *b)
{
    ov_content *x = malloc(sizeof *x), *y = malloc(sizeof *y);
    int same = 0;
    if (x && y) {
        memcpy(x, a, sizeof *x);
        memcpy(y, b, sizeof *y);
        memset(x->dir, 0, sizeof x->dir);
        memset(y->dir, 0, sizeof y->dir);
        same = memcmp(x, y, sizeof *x) == 0;
    }
    free(x);
    free(y);
    return same;
}

/* Copy file i of the plan into new_dir (its folders made and noted in md),
 * after checking again that it is still inside root_real. */
static int copy_one(const ov_import_plan *plan, int i, const char *new_dir, const char *root_real,
                    const ov_fsops *fs, made_dirs *md, unsigned char sha[OV_SHA256_LEN], char *err,
                    size_t errlen)
{
    const char *rel = plan->files[i].rel;
    char from[OV_PATH_MAX], real[PATH_MAX], to[OV_PATH_MAX];
    if (join(from, sizeof from, plan->src, rel) != OV_OK || join(to, sizeof to, new_dir, rel) != OV_OK)
        return ov_fail(err, errlen, OV_EINVAL, "%s: path too long; use a shorter folder or file name", rel);
    /* again now: the stick may have changed since the check */
    size_t rl = strlen(root_real);
    if (!realpath(from, real) || strncmp(real, root_real, rl) || real[rl] != '/')
        return ov_fail(err, errlen, OV_EINVAL,
                       "%s: is missing or now outside the content folder; check the stick again", from);
    int rc = make_parents(fs, new_dir, rel, md, err, errlen);
    if (rc != OV_OK)
        return rc;
    return copy_file(fs, real, to, sha, err, errlen);
}

/* Make new_dir and copy every file of the plan into it, then fsync the
 * folders made. */
static int copy_all(const ov_import_plan *plan, const char *new_dir, const ov_fsops *fs,
                    unsigned char (*sha)[OV_SHA256_LEN], made_dirs *md, char *err, size_t errlen)
{
    char root_real[PATH_MAX];
    if (!realpath(plan->src, root_real))
        return ov_fail(err, errlen, ov_errno_code(errno), "%s: cannot open: %s; was the stick taken out?",
                       plan->src, strerror(errno));
    if (fs->mkdir(new_dir, 0755) != 0)
        return step_fail(new_dir, OV_STEP_MKDIR, errno, err, errlen);
    int rc;
    for (int i = 0; i < plan->n_files; i++)
        if ((rc = copy_one(plan, i, new_dir, root_real, fs, md, sha[i], err, errlen)) != OV_OK)
            return rc;
    for (int i = md->n - 1; i >= 0; i--)
        if ((rc = fsync_dir(fs, md->dirs[i], err, errlen)) != OV_OK)
            return rc;
    return fsync_dir(fs, new_dir, err, errlen);
}

/* Read every copied file back against its hash and check the copy as the
 * kiosk would: it must give the content the plan checked. */
static int check_copy(const ov_import_plan *plan, const char *new_dir, const ov_fsops *fs,
                      const ov_check_opts *opts, unsigned char (*sha)[OV_SHA256_LEN], ov_content *checked,
                      ov_diags *d, char *err, size_t errlen)
{
    int rc;
    for (int i = 0; i < plan->n_files; i++) {
        char to[OV_PATH_MAX];
        join(to, sizeof to, new_dir, plan->files[i].rel);
        if ((rc = read_back(fs, to, sha[i], err, errlen)) != OV_OK)
            return rc;
    }
    ov_diags_init(d);
    if (ov_content_check(new_dir, opts, checked, d) != OV_OK)
        return ov_fail(err, errlen, OV_EINVAL,
                       "%s: the copy did not pass the check (%s); check the stick again", new_dir,
                       d->n ? d->items[0].text : "no details");
    if (!same_content(checked, &plan->next))
        return ov_fail(err, errlen, OV_EINVAL,
                       "%s: the questions on the stick changed after they were checked; "
                       "check them again",
                       plan->src);
    return OV_OK;
}

/* Copy every file of the plan into new_dir, fsync, read back and check again. */
static int fill_new(const ov_import_plan *plan, const char *new_dir, const ov_fsops *fs,
                    const ov_check_opts *opts, ov_content *checked, char *err, size_t errlen)
{
    int rc;
    unsigned char(*sha)[OV_SHA256_LEN] = calloc((size_t)plan->n_files + 1, OV_SHA256_LEN);
    made_dirs *md = calloc(1, sizeof *md);
    ov_diags *d = malloc(sizeof *d);
    if (!sha || !md || !d)
        rc = ov_fail(err, errlen, OV_ENOMEM, "out of memory importing questions");
    else if ((rc = copy_all(plan, new_dir, fs, sha, md, err, errlen)) == OV_OK)
        rc = check_copy(plan, new_dir, fs, opts, sha, checked, d, err, errlen);
    free(sha);
    free(md);
    free(d);
    return rc;
}

/* ---- swap ---- */

typedef struct {
    const ov_fsops *fs;
    char from[RENAMES_MAX][OV_PATH_MAX], to[RENAMES_MAX][OV_PATH_MAX];
    int n;
} rename_log;

static int do_rename(rename_log *log, const char *from, const char *to, char *err, size_t errlen)
{
    if (log->fs->rename(from, to) != 0)
        return step_fail(to, OV_STEP_RENAME, errno, err, errlen);
    ov_strlcpy(log->from[log->n], from, OV_PATH_MAX);
    ov_strlcpy(log->to[log->n], to, OV_PATH_MAX);
    log->n++;
    return OV_OK;
}

/* Undo the renames done so far, last first. */
static void undo_renames(rename_log *log)
{
    for (int i = log->n - 1; i >= 0; i--)
        if (log->fs->rename(log->to[i], log->from[i]) != 0)
            ov_log_error("%s: could not be moved back to %s: %s; the kiosk will use the previous content",
                         log->to[i], log->from[i], strerror(errno));
    log->n = 0;
}

typedef struct {
    char data[OV_PATH_MAX], content[OV_PATH_MAX], next[OV_PATH_MAX], prev[OV_PATH_MAX], old[OV_PATH_MAX],
        swap[OV_PATH_MAX];
} data_paths;

static int paths_for(const char *data_dir, data_paths *p, char *err, size_t errlen)
{
    if (!data_dir || !data_dir[0])
        return ov_fail(err, errlen, OV_EINVAL, "no data folder given; set data_dir in the config");
    if (ov_strlcpy(p->data, data_dir, sizeof p->data) != OV_OK ||
        join(p->content, sizeof p->content, data_dir, OV_CONTENT_DIR_NAME) ||
        join(p->next, sizeof p->next, data_dir, OV_CONTENT_NEW_NAME) ||
        join(p->prev, sizeof p->prev, data_dir, OV_CONTENT_PREVIOUS_NAME) ||
        join(p->old, sizeof p->old, data_dir, "content-old") ||
        join(p->swap, sizeof p->swap, data_dir, "content-swap"))
        return ov_fail(err, errlen, OV_EINVAL, "%s: path too long; use a shorter data folder", data_dir);
    return OV_OK;
}

/* Finish what a power cut interrupted (see ov_content_recover). */
static int recover(const ov_fsops *fs, const data_paths *p, char *err, size_t errlen)
{
    rename_log log = { .fs = fs };
    int rc = OV_OK, moved = 0;
    if (!is_real_dir(p->content) && looks_like_content(p->prev)) {
        /* cut between two renames: previous is the content the kiosk used */
        if ((rc = do_rename(&log, p->prev, p->content, err, errlen)) != OV_OK)
            return rc;
        moved = 1;
    }
    if (is_real_dir(p->content) && !is_real_dir(p->prev)) {
        /* a restore's current (swap) or an import's older previous (old) */
        const char *from = is_real_dir(p->swap) ? p->swap : is_real_dir(p->old) ? p->old : NULL;
        if (from && (rc = do_rename(&log, from, p->prev, err, errlen)) != OV_OK)
            return rc;
        if (from)
            moved = 1;
    }
    if (moved) {
        if ((rc = fsync_dir(fs, p->data, err, errlen)) != OV_OK)
            return rc;
        ov_log_warn("%s: tidied up after an import or restore was cut short", p->data);
    }
    return OV_OK;
}

/* The paths of data_dir's content folders, and *fs made the real file
 * operations when NULL. Returns what paths_for returns. */
static int paths_with_fs(const char *data_dir, const ov_fsops **fs, data_paths *p, char *err, size_t errlen)
{
    if (!*fs)
        *fs = ov_fsops_real();
    return paths_for(data_dir, p, err, errlen);
}

int ov_content_recover(const char *data_dir, const ov_fsops *fs, char *err, size_t errlen)
{
    data_paths p;
    int rc = paths_with_fs(data_dir, &fs, &p, err, errlen);
    if (rc != OV_OK)
        return rc;
    if (!is_real_dir(p.data))
        return OV_OK;
    if ((rc = recover(fs, &p, err, errlen)) != OV_OK)
        return rc;
    remove_tree(p.next);
    remove_tree(p.old);
    remove_tree(p.swap);
    return OV_OK;
}

int ov_import_apply(const ov_import_plan *plan, const char *data_dir, const ov_fsops *fs,
                    const ov_check_opts *opts, ov_content *out, char *err, size_t errlen)
{
    if (!fs)
        fs = ov_fsops_real();
    if (!plan || !plan->ok)
        return ov_fail(err, errlen, OV_EINVAL,
                       "these questions have not passed the check; fix the problems listed and check again");
    data_paths p;
    int rc = paths_for(data_dir, &p, err, errlen);
    if (rc != OV_OK)
        return rc;
    ov_content *checked = calloc(1, sizeof *checked); /* zeroed: same_content compares bytes */
    rename_log log = { .fs = fs };
    if (!checked)
        return ov_fail(err, errlen, OV_ENOMEM, "out of memory importing questions");

    if ((rc = mkdir_p(fs, p.data, err, errlen)) != OV_OK)
        goto out;
    if ((rc = recover(fs, &p, err, errlen)) != OV_OK)
        goto out;
    remove_tree(p.next); /* left over from a power cut */
    remove_tree(p.old);
    remove_tree(p.swap);
    struct statvfs sv;
    if (statvfs(p.data, &sv) == 0 &&
        (long long)sv.f_bavail * (long long)sv.f_frsize < plan->total_bytes + BYTES_PER_MB) {
        rc = ov_fail(err, errlen, OV_ENOSPC,
                     "%s: not enough space for the new questions (%lld MB needed); "
                     "make the pictures smaller",
                     p.data, plan->total_bytes / BYTES_PER_MB + 1);
        goto out;
    }
    if ((rc = fill_new(plan, p.next, fs, opts, checked, err, errlen)) != OV_OK)
        goto out;

    int have_cur = is_real_dir(p.content);
    if (have_cur && is_real_dir(p.prev) && (rc = do_rename(&log, p.prev, p.old, err, errlen)) != OV_OK)
        goto out;
    if (have_cur && (rc = do_rename(&log, p.content, p.prev, err, errlen)) != OV_OK)
        goto out;
    if ((rc = do_rename(&log, p.next, p.content, err, errlen)) != OV_OK)
        goto out;
    if ((rc = fsync_dir(fs, p.data, err, errlen)) != OV_OK)
        goto out;
    log.n = 0; /* done: nothing to undo */
    remove_tree(p.old);
    if (out) {
        *out = *checked;
        ov_strlcpy(out->dir, p.content, sizeof out->dir);
    }
    ov_log_info("new questions from %s are now in %s (%d files)", plan->src, p.content, plan->n_files);
out:
    if (rc != OV_OK) {
        undo_renames(&log);
        remove_tree(p.next);
        ov_log_warn("questions from %s not imported: %s", plan->src, err ? err : "");
    }
    free(checked);
    return rc;
}

int ov_content_restore_previous(const char *data_dir, const ov_fsops *fs, const ov_check_opts *opts,
                                ov_content *out, char *err, size_t errlen)
{
    data_paths p;
    int rc = paths_with_fs(data_dir, &fs, &p, err, errlen);
    if (rc != OV_OK)
        return rc;
    if (is_real_dir(p.data) && (rc = recover(fs, &p, err, errlen)) != OV_OK)
        return rc;
    if (!looks_like_content(p.prev))
        return ov_fail(err, errlen, OV_ENOTFOUND, "%s: there are no earlier questions to put back", p.prev);
    ov_content *c = malloc(sizeof *c);
    ov_diags *d = malloc(sizeof *d);
    rename_log log = { .fs = fs };
    const char *swap = p.swap;
    if (!c || !d) {
        rc = ov_fail(err, errlen, OV_ENOMEM, "out of memory putting the questions back");
        goto out;
    }
    ov_diags_init(d);
    if (ov_content_check(p.prev, opts, c, d) != OV_OK) {
        rc = ov_fail(err, errlen, OV_EINVAL, "the earlier questions have problems, so they stay put: %s",
                     d->n ? d->items[0].text : p.prev);
        goto out;
    }
    remove_tree(swap);
    int have_cur = is_real_dir(p.content);
    if (have_cur && (rc = do_rename(&log, p.content, swap, err, errlen)) != OV_OK)
        goto out;
    if ((rc = do_rename(&log, p.prev, p.content, err, errlen)) != OV_OK)
        goto out;
    if (have_cur && (rc = do_rename(&log, swap, p.prev, err, errlen)) != OV_OK)
        goto out;
    if ((rc = fsync_dir(fs, p.data, err, errlen)) != OV_OK)
        goto out;
    log.n = 0;
    if (out) {
        *out = *c;
        ov_strlcpy(out->dir, p.content, sizeof out->dir);
    }
    ov_log_info("earlier questions put back in %s", p.content);
out:
    if (rc != OV_OK)
        undo_renames(&log);
    free(c);
    free(d);
    return rc;
}

int ov_content_has_previous(const char *data_dir)
{
    char prev[OV_PATH_MAX];
    if (!data_dir || !data_dir[0] || join(prev, sizeof prev, data_dir, OV_CONTENT_PREVIOUS_NAME))
        return 0;
    return looks_like_content(prev);
}

int ov_content_active_dir(const char *data_dir, const char *fallback, char *out, size_t outlen)
{
    char dir[OV_PATH_MAX];
    int which = 0;
    if (data_dir && data_dir[0]) {
        if (join(dir, sizeof dir, data_dir, OV_CONTENT_DIR_NAME) == OV_OK && looks_like_content(dir)) {
            which = 1;
        } else if (!is_real_dir(dir) && join(dir, sizeof dir, data_dir, OV_CONTENT_PREVIOUS_NAME) == OV_OK &&
                   looks_like_content(dir)) {
            which = 2;
        }
    }
    int rc = ov_strlcpy(out, which ? dir : (fallback ? fallback : ""), outlen);
    if (rc != OV_OK) {
        if (outlen)
            out[0] = '\0';
        return OV_EINVAL;
    }
    return which;
}

const char *ov_import_easy_message(int code, const ov_texts *t)
{
    switch (code) {
    case OV_OK:
        return OV_TX(t, imp_ready);
    case OV_ENOSPC:
        return OV_TX(t, imp_full);
    case OV_EPERM:
        return OV_TX(t, imp_not_saved);
    case OV_ENOTFOUND:
        return OV_TX(t, imp_not_found);
    case OV_EINVAL:
        return OV_TX(t, imp_changed);
    default:
        return OV_TX(t, imp_went_wrong);
    }
}
