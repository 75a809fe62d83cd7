/* svg_check.c — is an SVG file whole: its tags balanced, one <svg> element
 * around everything, nothing after its </svg> (see svg_check.h). */
#include "model/svg_check.h"

#include <stdio.h>
#include <string.h>

#define SVG_MAX_DEPTH 64   /* elements inside elements, at most */
#define SVG_NAME_LEN 32    /* element names are compared on this many bytes */

typedef struct {
    const char *p, *end;
    int line;
    char names[SVG_MAX_DEPTH][SVG_NAME_LEN]; /* the elements open, outermost first */
    int depth;
    int roots; /* elements seen at depth 0 */
    char *why;
    size_t whylen;
} svg_scan;

/* The reason into s->why: fmt has a %s (the element's name, or "") and then a %d (the line). Returns 0. */
static int fail(svg_scan *s, const char *fmt, const char *name)
{
    snprintf(s->why, s->whylen, fmt, name ? name : "", s->line);
    return 0;
}

/* Step over bytes up to and including `stop` (counting lines); 0 when the file ends first. */
static int skip_past(svg_scan *s, const char *stop)
{
    size_t n = strlen(stop);
    for (; s->p + n <= s->end; s->p++) {
        if (!memcmp(s->p, stop, n)) {
            s->p += n;
            return 1;
        }
        s->line += *s->p == '\n';
    }
    s->p = s->end;
    return 0;
}

/* The element name at s->p into name; 0 when there is none. */
static int read_name(svg_scan *s, char name[SVG_NAME_LEN])
{
    size_t n = 0;
    while (s->p < s->end && !strchr(" \t\r\n/>", *s->p)) {
        if (n + 1 < SVG_NAME_LEN)
            name[n++] = *s->p;
        s->p++;
    }
    name[n] = '\0';
    return n > 0;
}

/* The rest of a start tag after its name: attributes (quoted values may hold
 * '>'), then "/>" (returns 2) or ">" (returns 1); 0 when the file ends first. */
static int tag_end(svg_scan *s)
{
    char last = '\0';
    while (s->p < s->end) {
        char c = *s->p++;
        s->line += c == '\n';
        if (c == '"' || c == '\'') {
            char q[2] = { c, '\0' };
            if (!skip_past(s, q))
                return 0;
        } else if (c == '>') {
            return last == '/' ? 2 : 1;
        }
        last = c;
    }
    return 0;
}

/* A start tag at s->p (after '<'). */
static int start_tag(svg_scan *s)
{
    char name[SVG_NAME_LEN];
    if (!read_name(s, name))
        return fail(s, "a '<' that starts no tag%s (line %d)", NULL);
    if (s->depth == 0 && (s->roots++ > 0 || strcmp(name, "svg")))
        return fail(s, "<%s> is outside the <svg> element (line %d)", name);
    int end = tag_end(s);
    if (!end)
        return fail(s, "the file ends inside the tag <%s> (line %d): it is cut short", name);
    if (end == 2)
        return 1;
    if (s->depth >= SVG_MAX_DEPTH)
        return fail(s, "elements are nested too deep at <%s> (line %d)", name);
    memcpy(s->names[s->depth++], name, SVG_NAME_LEN);
    return 1;
}

/* An end tag at s->p (after "</"). */
static int end_tag(svg_scan *s)
{
    char name[SVG_NAME_LEN];
    read_name(s, name);
    if (!skip_past(s, ">"))
        return fail(s, "the file ends inside the tag </%s> (line %d): it is cut short", name);
    if (s->depth == 0 || strcmp(s->names[s->depth - 1], name))
        return fail(s, "</%s> does not match the tag opened before it (line %d)", name);
    s->depth--;
    return 1;
}

/* One markup item at s->p (just after '<'). */
static int markup(svg_scan *s)
{
    static const struct {
        const char *from, *to;
    } skips[] = { { "!--", "-->" }, { "![CDATA[", "]]>" }, { "?", "?>" }, { "!", ">" } };
    for (size_t i = 0; i < sizeof skips / sizeof skips[0]; i++) {
        size_t n = strlen(skips[i].from);
        if ((size_t)(s->end - s->p) >= n && !memcmp(s->p, skips[i].from, n)) {
            s->p += n;
            return skip_past(s, skips[i].to) ? 1 : fail(s, "the file ends inside a comment or "
                                                              "declaration%s (line %d)", NULL);
        }
    }
    if (s->p < s->end && *s->p == '/') {
        s->p++;
        return end_tag(s);
    }
    return start_tag(s);
}

int ov_svg_whole(const uint8_t *data, size_t len, char *why, size_t whylen)
{
    svg_scan s; /* about 2 KiB of open names */
    memset(&s, 0, sizeof s);
    s.p = (const char *)data;
    s.end = s.p + len;
    s.line = 1;
    s.why = why;
    s.whylen = whylen;
    while (s.p < s.end) {
        char c = *s.p++;
        s.line += c == '\n';
        if (c == '<' && !markup(&s))
            return 0;
        if (c != '<' && s.depth == 0 && s.roots > 0 && !strchr(" \t\r\n", c))
            return fail(&s, "there is text after </svg>%s (line %d)", NULL);
    }
    if (s.roots == 0)
        return fail(&s, "there is no <svg> element%s (line %d)", NULL);
    if (s.depth > 0)
        return fail(&s, "<%s> is never closed: the file is cut short or a closing tag is missing (line %d)",
                    s.names[s.depth - 1]);
    return 1;
}
