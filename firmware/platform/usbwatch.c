/* usbwatch.c — mountinfo parsing, stick appeared/went-away diff, and finding
 * a content folder on a stick. */
#include "platform/usbwatch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MOUNT_LINE_MAX 4096          /* a longer mountinfo line is skipped */
#define MOUNTS_FIRST_CAP 65536       /* bytes first read of the mount table (doubled while it is longer) */
#define MOUNTS_MAX_BYTES (8u << 20)  /* ... up to 8 MiB */

/* Copy one space-separated mountinfo field, undoing the kernel's octal
 * escapes (\040 space, \011 tab, \012 newline, \134 backslash). */
static const char *field(const char *p, char *out, size_t outlen)
{
    size_t n = 0;
    while (*p == ' ') p++;
    while (*p && *p != ' ' && *p != '\n') {
        char c = *p++;
        if (c == '\\' && p[0] >= '0' && p[0] <= '3' && p[1] >= '0' && p[1] <= '7' && p[2] >= '0'
            && p[2] <= '7') {
            c = (char)((p[0] - '0') * 64 + (p[1] - '0') * 8 + (p[2] - '0'));
            p += 3;
        }
        if (n + 1 < outlen) out[n++] = c;
    }
    if (outlen) out[n] = '\0';
    return p;
}

static int below(const char *path, const char *under)
{
    size_t n = strlen(under);
    while (n > 1 && under[n - 1] == '/') n--;
    if (strncmp(path, under, n) != 0) return 0;
    if (n == 1 && under[0] == '/') return path[1] != '\0';
    return path[n] == '/' && path[n + 1] != '\0';
}

int ov_usb_parse_mountinfo(const char *text, const char *under, ov_mount_list *out)
{
    memset(out, 0, sizeof *out);
    if (!text || !under) return 0;
    for (const char *line = text; *line;) {
        const char *eol = strchr(line, '\n');
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        char buf[MOUNT_LINE_MAX];
        if (len < sizeof buf) {
            memcpy(buf, line, len);
            buf[len] = '\0';
            /* id parent maj:min root mount_point options [optional...] - fstype source superopts */
            char f[6][OV_PATH_MAX];
            const char *p = buf;
            for (int i = 0; i < 6; i++) p = field(p, f[i], sizeof f[i]);
            const char *sep = strstr(p, " - ");
            if (f[5][0] && sep && f[4][0] == '/') {
                ov_mount m;
                memset(&m, 0, sizeof m);
                char fs[64], dev[256];
                p = field(sep + 3, fs, sizeof fs);
                field(p, dev, sizeof dev);
                ov_strlcpy(m.mount_point, f[4], sizeof m.mount_point);
                ov_strlcpy(m.fstype, fs, sizeof m.fstype);
                ov_strlcpy(m.device, dev, sizeof m.device);
                m.read_only = !strncmp(f[5], "ro", 2) && (f[5][2] == ',' || f[5][2] == '\0');
                if (below(m.mount_point, under) && out->n < OV_USB_MAX_MOUNTS) out->items[out->n++] = m;
            }
        }
        line += len + (eol ? 1 : 0);
    }
    return out->n;
}

int ov_usb_read_mounts(const char *path, const char *under, ov_mount_list *out, char *err, size_t errlen)
{
    if (!path) path = "/proc/self/mountinfo";
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f) return ov_fail(err, errlen, OV_EIO, "%s: cannot read: %s", path, strerror(errno));
    size_t cap = MOUNTS_FIRST_CAP, len = 0;
    char *text = malloc(cap);
    while (text) {
        size_t n = fread(text + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0) break;
        if (len + 1 == cap) {
            char *bigger = cap < MOUNTS_MAX_BYTES ? realloc(text, cap * 2) : NULL;
            if (!bigger) break;
            text = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (!text) return ov_fail(err, errlen, OV_ENOMEM, "%s: out of memory", path);
    text[len] = '\0';
    int n = ov_usb_parse_mountinfo(text, under, out);
    free(text);
    return n;
}

static int has(const ov_mount_list *l, const char *mp)
{
    for (int i = 0; l && i < l->n; i++)
        if (!strcmp(l->items[i].mount_point, mp)) return 1;
    return 0;
}

int ov_usb_diff(const ov_mount_list *before, const ov_mount_list *now, ov_mount_list *added,
                ov_mount_list *removed)
{
    int changes = 0;
    if (added) added->n = 0;
    if (removed) removed->n = 0;
    for (int i = 0; now && i < now->n; i++)
        if (!has(before, now->items[i].mount_point)) {
            changes++;
            if (added && added->n < OV_USB_MAX_MOUNTS) added->items[added->n++] = now->items[i];
        }
    for (int i = 0; before && i < before->n; i++)
        if (!has(now, before->items[i].mount_point)) {
            changes++;
            if (removed && removed->n < OV_USB_MAX_MOUNTS) removed->items[removed->n++] = before->items[i];
        }
    return changes;
}

int ov_usb_find_content(const char *mount_point, char *out, size_t outlen)
{
    static const char *const places[] = { "ourvoice/content", "content" };
    for (size_t i = 0; i < OV_ARRAY_LEN(places); i++) {
        char dir[OV_PATH_MAX], ini[OV_PATH_MAX + 16];
        if ((size_t)snprintf(dir, sizeof dir, "%s/%s", mount_point, places[i]) >= sizeof dir) continue;
        snprintf(ini, sizeof ini, "%s/content.ini", dir);
        if (access(ini, R_OK) == 0) return ov_strlcpy(out, dir, outlen);
    }
    return OV_ENOTFOUND;
}
