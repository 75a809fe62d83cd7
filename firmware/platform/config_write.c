/* config_write.c — sets one key in the INI config file in place (comments,
 * order and other lines kept) and writes the file safely; see config_write.h.
 * Lines are read the way the kiosk's reader (platform/config.c) reads them:
 * an indented setting is a setting of its own, never more of the one above,
 * so what we write is what the kiosk reads back. */
#include "platform/config_write.h"
#include "platform/files.h"
#include "platform/config.h"
#include "base/ov_common.h"
#include "base/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BOM "\xEF\xBB\xBF"    /* a UTF-8 byte order mark, kept where it was */
#define BOM_LEN 3
#define OUT_FIRST_CAP 256     /* bytes the rewritten file first holds (doubled while it needs more) */
#define NAME_MAX_LEN 63       /* the longest section or key name */
#define KV_SEP_LEN 3          /* " = " between a key and its value */
#define BYTES_PER_KB 1024
#define TMP_SUFFIX_LEN 16     /* room for the temporary file's suffix after the config's path */

/* ---- pure text edit ---- */

enum { L_BLANK, L_COMMENT, L_SECTION, L_KEY, L_CONT, L_OTHER };

typedef struct {
    const char *start; /* line start (BOM included on line 1) */
    size_t len;        /* without the line end */
    size_t full;       /* with the line end */
    int kind;
    int in_target;    /* the line is in the target section */
    int match;        /* L_KEY: the target key; L_CONT: continues a target key */
    size_t value_off; /* L_KEY: offset of the text after the separator */
} line_info;

typedef struct {
    char *p;
    size_t len, cap;
    int oom;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : OUT_FIRST_CAP;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

/* 1 when s..e holds '=' or ':' (a setting's separator, as inih accepts both). */
static int has_separator(const char *s, const char *e)
{
    return memchr(s, '=', (size_t)(e - s)) || memchr(s, ':', (size_t)(e - s));
}

/* Split text into lines and classify them as the reader does. Returns the count. */
static int scan_lines(const char *text, size_t len, const char *section, const char *key, line_info *li)
{
    int n = 0, in_target = 0, prev_key = 0, prev_match = 0;
    size_t off = 0;
    while (off < len) {
        line_info *l = &li[n];
        memset(l, 0, sizeof *l);
        l->start = text + off;
        const char *nl = memchr(l->start, '\n', len - off);
        l->full = nl ? (size_t)(nl - l->start) + 1 : len - off;
        l->len = nl ? l->full - 1 : l->full;
        if (l->len && l->start[l->len - 1] == '\r')
            l->len--;
        off += l->full;

        const char *s = l->start, *e = l->start + l->len;
        if (n == 0 && l->len >= BOM_LEN && !memcmp(s, BOM, BOM_LEN))
            s += BOM_LEN;
        const char *first = s;
        while (s < e && isspace((unsigned char)*s))
            s++;
        if (s == e)
            l->kind = L_BLANK;
        else if (*s == ';' || *s == '#')
            l->kind = L_COMMENT;
        else if (prev_key && s > first && !has_separator(s, e)) {
            /* an indented line that is not a setting: the reader reports it; drop it with its key */
            l->kind = L_CONT;
            l->match = prev_match;
        } else if (*s == '[') {
            const char *close = memchr(s, ']', (size_t)(e - s));
            if (close) {
                l->kind = L_SECTION;
                size_t nlen = (size_t)(close - s - 1);
                in_target = nlen == strlen(section) && !memcmp(s + 1, section, nlen);
                prev_key = 0;
            } else
                l->kind = L_OTHER;
        } else {
            const char *sep = s;
            while (sep < e && *sep != '=' && *sep != ':')
                sep++;
            if (sep < e) {
                const char *ke = sep;
                while (ke > s && isspace((unsigned char)ke[-1]))
                    ke--;
                l->kind = L_KEY;
                l->match = in_target && (size_t)(ke - s) == strlen(key) && !memcmp(s, key, (size_t)(ke - s));
                l->value_off = (size_t)(sep + 1 - l->start);
                prev_key = 1;
                prev_match = l->match;
            } else
                l->kind = L_OTHER;
        }
        l->in_target = in_target;
        n++;
    }
    return n;
}

/* The inline comment (" ; ...") at the end of a key line's value, or "". */
static void inline_comment(const line_info *l, const char **c, size_t *clen)
{
    *c = "";
    *clen = 0;
    const char *v = l->start + l->value_off, *e = l->start + l->len;
    for (const char *p = v; p < e; p++) {
        if (*p == ';' && p > v && isspace((unsigned char)p[-1])) {
            const char *ws = p;
            while (ws > v && isspace((unsigned char)ws[-1]))
                ws--;
            *c = ws;
            *clen = (size_t)(e - ws);
            return;
        }
    }
}

static int count_lines(const buf *b)
{
    int n = 0;
    for (size_t i = 0; i < b->len; i++)
        if (b->p[i] == '\n')
            n++;
    return n;
}

/* The line end the file uses ("\r\n" or "\n"). */
static const char *line_end_of(const line_info *li, int n)
{
    for (int i = 0; i < n; i++)
        if (li[i].full > li[i].len)
            return li[i].full - li[i].len == 2 ? "\r\n" : "\n";
    return "\n";
}

/* Where a new key goes: after the last setting of the section's last copy
 * (-1: no such section). *any_match: the key is already there. */
static int insert_point(const line_info *li, int n, int *any_match)
{
    int last_sec = -1, insert_after = -1;
    *any_match = 0;
    for (int i = 0; i < n; i++) {
        if (li[i].kind == L_KEY && li[i].match)
            *any_match = 1;
        if (li[i].kind == L_SECTION && li[i].in_target) {
            last_sec = i;
            insert_after = i;
        } else if (last_sec >= 0 && li[i].in_target && (li[i].kind == L_KEY || li[i].kind == L_CONT))
            insert_after = i;
    }
    return insert_after;
}

/* "key = value" and the line end; returns the line number it ends on. */
static int put_setting(buf *b, const char *key, const char *value, const char *eol)
{
    puts_(b, key);
    puts_(b, " = ");
    puts_(b, value);
    puts_(b, eol);
    return count_lines(b);
}

/* The target key's line again, with the new value and its old comment. */
static int put_replaced(buf *b, const line_info *l, int first, const char *key, const char *value,
                        const char *eol)
{
    const char *c;
    size_t clen;
    inline_comment(l, &c, &clen);
    if (first && l->len >= BOM_LEN && !memcmp(l->start, BOM, BOM_LEN))
        put(b, l->start, BOM_LEN);
    puts_(b, key);
    puts_(b, " = ");
    puts_(b, value);
    if (clen)
        put(b, c, clen);
    puts_(b, eol);
    return count_lines(b);
}

/* No such section: add it, with the key, at the end. */
static int put_new_section(buf *b, const line_info *li, int n, const char *section, const char *key,
                           const char *value, const char *eol)
{
    if (n) {
        const line_info *l = &li[n - 1];
        if (l->full == l->len)
            puts_(b, eol);
        if (l->kind != L_BLANK)
            puts_(b, eol);
    }
    puts_(b, "[");
    puts_(b, section);
    puts_(b, "]");
    puts_(b, eol);
    return put_setting(b, key, value, eol);
}

/* Every line again, the target key replaced (or inserted); returns its line. */
static int rewrite_lines(buf *b, const line_info *li, int n, const char *section, const char *key,
                         const char *value)
{
    const char *eol = line_end_of(li, n);
    int any_match, insert_after = insert_point(li, n, &any_match), key_line = 0;
    for (int i = 0; i < n; i++) {
        const line_info *l = &li[i];
        if (l->kind == L_CONT && l->match)
            continue; /* would override the new value */
        if (l->kind == L_KEY && l->match) {
            key_line = put_replaced(b, l, i == 0, key, value, eol);
            continue;
        }
        put(b, l->start, l->full);
        if (!any_match && i == insert_after) {
            if (l->full == l->len)
                puts_(b, eol); /* last line had no line end */
            key_line = put_setting(b, key, value, eol);
        }
    }
    if (!any_match && insert_after < 0)
        key_line = put_new_section(b, li, n, section, key, value, eol);
    return key_line;
}

char *ov_config_edit_text(const char *text, size_t len, const char *section, const char *key,
                          const char *value, size_t *outlen, int *line)
{
    if (!text)
        len = 0;
    size_t max_lines = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            max_lines++;
    line_info *li = calloc(max_lines, sizeof *li);
    buf b = { 0 };
    if (!li)
        return NULL;
    int n = scan_lines(text, len, section, key, li);
    int key_line = rewrite_lines(&b, li, n, section, key, value);
    free(li);
    if (b.oom || !b.p) {
        free(b.p);
        return NULL;
    }
    if (outlen)
        *outlen = b.len;
    if (line)
        *line = key_line;
    return b.p;
}

/* ---- checks ---- */

static int name_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > NAME_MAX_LEN)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-')
            return 0;
    return 1;
}

static int value_ok(const char *key, const char *v, char *err, size_t errlen)
{
    size_t n = strlen(v);
    if (n && (isspace((unsigned char)v[0]) || isspace((unsigned char)v[n - 1])))
        return ov_fail(err, errlen, OV_EINVAL,
                       "%s: the value starts or ends with a space, which the config "
                       "file cannot keep; remove the space",
                       key);
    if (strpbrk(v, ";#"))
        return ov_fail(err, errlen, OV_EINVAL,
                       "%s: the value holds ';' or '#', which the config file reads as "
                       "the start of a comment; leave them out",
                       key);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
            return ov_fail(err, errlen, OV_EINVAL,
                           "%s: the value holds a line break or control character; "
                           "write it on one line",
                           key);
    if (!ov_utf8_valid(v, n, NULL))
        return ov_fail(err, errlen, OV_EINVAL, "%s: the value is not valid UTF-8 text; type it again", key);
    if (strlen(key) + KV_SEP_LEN + n > OV_CONFIG_MAX_LINE)
        return ov_fail(err, errlen, OV_EINVAL,
                       "%s: the value is too long (%zu bytes; a config line holds at most %d); "
                       "make it shorter",
                       key, n, OV_CONFIG_MAX_LINE - (int)strlen(key) - KV_SEP_LEN);
    return OV_OK;
}

/* ---- file ---- */

static int step_fail(const char *path, ov_fs_step step, int e, char *err, size_t errlen)
{
    return ov_fail(err, errlen, ov_errno_code(e), "%s: %s failed: %s", path, ov_fs_step_name(step),
                   strerror(e));
}

/* Read the whole file through fs. *text = NULL, OV_OK when it does not exist. */
static int read_all(const ov_fsops *fs, const char *path, char **text, size_t *len, char *err, size_t errlen)
{
    *text = NULL;
    *len = 0;
    int fd = fs->open(path, O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0) {
        if (errno == ENOENT)
            return OV_OK;
        return ov_fail(err, errlen, ov_errno_code(errno), "%s: cannot read: %s", path, strerror(errno));
    }
    char *p = malloc(OV_CONFIG_MAX_FILE + 1);
    size_t n = 0;
    int rc = OV_OK;
    if (!p) {
        rc = ov_fail(err, errlen, OV_ENOMEM, "out of memory reading %s", path);
        goto out;
    }
    for (;;) {
        ssize_t r = fs->read(fd, p + n, OV_CONFIG_MAX_FILE + 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            rc = ov_fail(err, errlen, ov_errno_code(errno), "%s: cannot read: %s", path, strerror(errno));
            goto out;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > OV_CONFIG_MAX_FILE) {
            rc = ov_fail(err, errlen, OV_EINVAL,
                         "%s: is over %d KB, too big for a config file; check it is the right file", path,
                         OV_CONFIG_MAX_FILE / BYTES_PER_KB);
            goto out;
        }
    }
    p[n] = '\0';
    *text = p;
    *len = n;
    p = NULL;
out:
    fs->close(fd);
    free(p);
    return rc;
}

/* mkdir -p through fs. */
static int make_dirs(const ov_fsops *fs, const char *dir, char *err, size_t errlen)
{
    char p[OV_PATH_MAX];
    if (ov_strlcpy(p, dir, sizeof p) != OV_OK)
        return ov_fail(err, errlen, OV_EINVAL, "%s: path too long", dir);
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s)
            continue;
        char c = *s;
        *s = '\0';
        struct stat st;
        if (stat(p, &st) != 0 && fs->mkdir(p, 0755) != 0 && errno != EEXIST)
            return step_fail(p, OV_STEP_MKDIR, errno, err, errlen);
        *s = c;
        if (!c)
            break;
    }
    return OV_OK;
}

/* Does ov_config_load report a problem on `line` of tmp? Copy it (with the
 * real path) into err and return OV_EINVAL, else OV_OK. */
static int config_accepts(const char *tmp, const char *path, int line, char *err, size_t errlen)
{
    ov_config *cfg = malloc(sizeof *cfg);
    ov_diags *d = malloc(sizeof *d);
    int rc = OV_OK;
    if (!cfg || !d) {
        rc = ov_fail(err, errlen, OV_ENOMEM, "out of memory checking %s", path);
        goto out;
    }
    ov_config_defaults(cfg);
    ov_diags_init(d);
    ov_config_load(tmp, cfg, d);
    for (int i = 0; i < d->n; i++) {
        const ov_diag *g = &d->items[i];
        if (g->level != OV_DIAG_ERROR || g->line != line)
            continue;
        rc = ov_fail(err, errlen, OV_EINVAL, "%s:%d: %s", path, line, g->message);
        break;
    }
out:
    free(cfg);
    free(d);
    return rc;
}

/* Refuse a bad file, section, key or value before anything is touched. */
static int check_setting(const char *path, const char *section, const char *key, const char *value, char *err,
                         size_t errlen)
{
    if (!path || !*path || !section || !key || !value)
        return ov_fail(err, errlen, OV_EINVAL, "config: no file, section, key or value given");
    if (!name_ok(section))
        return ov_fail(err, errlen, OV_EINVAL, "[%.64s]: a section name has only letters, digits, _ and -",
                       section);
    if (!name_ok(key))
        return ov_fail(err, errlen, OV_EINVAL, "'%.64s': a setting name has only letters, digits, _ and -",
                       key);
    return value_ok(key, value, err, errlen);
}

/* The file to change (a link's target: the link is kept), its folder, and
 * the temporary file beside it. */
static int resolve_paths(const char *path, char *target, char *dir, char *tmp, size_t tmplen, char *err,
                         size_t errlen)
{
    char dcopy[PATH_MAX], bcopy[PATH_MAX];
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && realpath(path, target)) { /* target set */
    } else if (ov_strlcpy(target, path, PATH_MAX) != OV_OK)
        return ov_fail(err, errlen, OV_EINVAL, "%s: path too long", path);
    ov_strlcpy(dcopy, target, sizeof dcopy);
    ov_strlcpy(bcopy, target, sizeof bcopy);
    ov_strlcpy(dir, dirname(dcopy), PATH_MAX);
    if ((size_t)snprintf(tmp, tmplen, "%s/.%s.part", dir, basename(bcopy)) >= tmplen)
        return ov_fail(err, errlen, OV_EINVAL, "%s: path too long", path);
    return OV_OK;
}

/* Write out[0..outlen) to a new tmp with `mode`, synced and closed; *made
 * says tmp exists. */
static int write_part(const ov_fsops *fs, const char *tmp, mode_t mode, const char *out, size_t outlen,
                      int *made, char *err, size_t errlen)
{
    fs->unlink(tmp); /* left over from a power cut; absence is fine */
    int fd = fs->open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return step_fail(tmp, OV_STEP_OPEN, errno, err, errlen);
    *made = 1;
    fchmod(fd, mode); /* the umask may have narrowed it */
    int rc = OV_OK;
    for (size_t off = 0; off < outlen && rc == OV_OK;) {
        ssize_t w = fs->write(fd, out + off, outlen - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            rc = step_fail(tmp, OV_STEP_WRITE, w < 0 ? errno : ENOSPC, err, errlen);
        else
            off += (size_t)w;
    }
    if (rc == OV_OK && fs->fsync(fd) != 0)
        rc = step_fail(tmp, OV_STEP_FSYNC, errno, err, errlen);
    int e = errno;
    if (fs->close(fd) != 0 && rc == OV_OK)
        rc = step_fail(tmp, OV_STEP_CLOSE, errno, err, errlen);
    errno = e;
    return rc;
}

/* Rename tmp over target and sync the folder. *made is cleared once renamed. */
static int put_in_place(const ov_fsops *fs, const char *tmp, const char *target, const char *dir, int *made,
                        char *err, size_t errlen)
{
    if (fs->rename(tmp, target) != 0)
        return step_fail(target, OV_STEP_RENAME, errno, err, errlen);
    *made = 0;
    int dfd = fs->open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dfd < 0)
        return step_fail(dir, OV_STEP_FSYNC_DIR, errno, err, errlen);
    int rc = OV_OK;
    if (fs->fsync(dfd) != 0 && errno != EINVAL && errno != ENOTSUP)
        rc = step_fail(dir, OV_STEP_FSYNC_DIR, errno, err, errlen); /* in place; only durability in doubt */
    fs->close(dfd);
    return rc;
}

int ov_config_set_fs(const ov_fsops *fs, const char *path, const char *section, const char *key,
                     const char *value, char *err, size_t errlen)
{
    if (!fs)
        fs = ov_fsops_real();
    int rc = check_setting(path, section, key, value, err, errlen);
    char target[PATH_MAX], dir[PATH_MAX], tmp[PATH_MAX + TMP_SUFFIX_LEN];
    if (rc == OV_OK)
        rc = resolve_paths(path, target, dir, tmp, sizeof tmp, err, errlen);
    if (rc != OV_OK)
        return rc;
    struct stat st;
    mode_t mode = stat(target, &st) == 0 ? st.st_mode & 07777 : 0600;
    char *text = NULL, *out = NULL;
    size_t len = 0, outlen = 0;
    int made = 0, line = 0;
    if ((rc = read_all(fs, target, &text, &len, err, errlen)) != OV_OK)
        goto out;
    out = ov_config_edit_text(text, len, section, key, value, &outlen, &line);
    if (!out)
        rc = ov_fail(err, errlen, OV_ENOMEM, "out of memory changing %s", path);
    if (rc == OV_OK)
        rc = make_dirs(fs, dir, err, errlen);
    if (rc == OV_OK)
        rc = write_part(fs, tmp, mode, out, outlen, &made, err, errlen);
    if (rc == OV_OK)
        rc = config_accepts(tmp, path, line, err, errlen);
    if (rc == OV_OK)
        rc = put_in_place(fs, tmp, target, dir, &made, err, errlen);
out:
    if (made && unlink(tmp) != 0 && errno != ENOENT)
        ov_log_error("%s: could not remove: %s; delete it by hand", tmp, strerror(errno));
    free(text);
    free(out);
    return rc;
}

int ov_config_set(const char *path, const char *section, const char *key, const char *value, char *err,
                  size_t errlen)
{
    return ov_config_set_fs(NULL, path, section, key, value, err, errlen);
}
