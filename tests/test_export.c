/* test_export.c — the USB export: CSV/JSON/HTML contents read back, small-
 * number protection, neutral file times, random order, and a failure injected
 * at every filesystem step (full, read-only, pulled stick) proving that no
 * file is left that looks complete but is not and the tally is untouched. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <sqlite3.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/cli.h"
#include "platform/files.h"
#include "platform/export.h"
#include "base/json_read.h"
#include "model/report_html.h"
#include "test_tmp.h"

#define DATE "2025-05-03"
#define MEETING "Group meeting, May"
#define BASE "ourvoice-Group-meeting-May-2025-05-03"

/* ---- fixtures ---------------------------------------------------------- */

static void add_answer(ov_scale *s, const char *id, const char *word, const char *colour, ov_shape shape, int dk)
{
    ov_answer *a = &s->answers[s->n_answers++];
    memset(a, 0, sizeof *a);
    strcpy(a->id, id); strcpy(a->word, word); strcpy(a->colour, colour);
    a->shape = shape; a->dont_know = dk;
}

static void add_question(ov_content *c, const char *id, const char *title, const char *sentence,
                         const char *picture, int scale, int dk)
{
    ov_question *q = &c->questions[c->n_questions++];
    memset(q, 0, sizeof *q);
    strcpy(q->id, id); strcpy(q->title, title); strcpy(q->sentences[0], sentence);
    q->n_sentences = 1; strcpy(q->picture, picture); q->scale = scale; q->allow_dont_know = dk;
}

/* The 4-stage rubric and a RAG scale, built by hand (pictures in dir). */
static void make_content(ov_content *c, const char *dir)
{
    memset(c, 0, sizeof *c);
    strcpy(c->dir, dir);
    strcpy(c->language, "en-gb");
    ov_scale *s = &c->scales[c->n_scales++];
    strcpy(s->id, "four-stages"); strcpy(s->name, "4 stages");
    add_answer(s, "dont-know", "I don't know", "grey", OV_SHAPE_QUESTION, 1);
    add_answer(s, "not-yet", "Really haven't got this", "red", OV_SHAPE_FACE_SAD, 0);
    add_answer(s, "basics", "Got the basics", "amber", OV_SHAPE_FACE_UNSURE, 0);
    add_answer(s, "getting-there", "Getting there", "blue", OV_SHAPE_FACE_OK, 0);
    add_answer(s, "doing-well", "Doing really well", "green", OV_SHAPE_FACE_HAPPY, 0);
    s = &c->scales[c->n_scales++];
    strcpy(s->id, "rag"); strcpy(s->name, "Red amber green");
    add_answer(s, "red", "Not good", "red", OV_SHAPE_TRIANGLE, 0);
    add_answer(s, "amber", "OK", "amber", OV_SHAPE_CIRCLE, 0);
    add_answer(s, "green", "Good", "green", OV_SHAPE_STAR, 0);
    add_question(c, "assets", "Your skills", "Do we use your skills and strengths?", "assets.svg", 0, 1);
    add_question(c, "cafe", "Café, \"tea\" & talk", "Is the café a good place to meet people?", "cafe.png", 1, 0);
    add_question(c, "reciprocity", "Give and get", "Can you give as well as get?", "", 0, 0);
}

static const ov_tally_row fixture_rows[] = {
    { MEETING, "assets", "not-yet", 1, "" }, { MEETING, "assets", "basics", 2, "" },
    { MEETING, "assets", "getting-there", 5, "" }, { MEETING, "assets", "doing-well", 5, "" },
    { MEETING, "assets", "dont-know", 1, "" },
    { MEETING, "cafe", "green", 4, "" }, { MEETING, "cafe", "amber", 2, "" },
    { MEETING, "reciprocity", "basics", 2, "" },
    { MEETING, "old-question", "yes", 7, "" },
    { "Other meeting", "assets", "basics", 9, "" },
};

typedef struct {
    char root[256], content[300], out[300], data[300];
    ov_content c;
    ov_results *res;
} fixture;

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char svg_picture[] =
    "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
    "<rect x=\"10\" y=\"10\" width=\"80\" height=\"80\" rx=\"12\" fill=\"#7B3294\"/>"
    "<circle cx=\"50\" cy=\"50\" r=\"22\" fill=\"#FFFFFF\"/></svg>\n";

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    ov_test_tmp_template(f->root, sizeof f->root, "ov-export");
    assert_non_null(mkdtemp(f->root));
    snprintf(f->content, sizeof f->content, "%s/content", f->root);
    snprintf(f->out, sizeof f->out, "%s/stick", f->root);
    snprintf(f->data, sizeof f->data, "%s/data", f->root);
    mkdir(f->content, 0755);
    char p[400];
    snprintf(p, sizeof p, "%s/assets.svg", f->content);
    write_text(p, svg_picture);
    /* a 1x1 PNG */
    static const unsigned char png[] = {
        0x89,0x50,0x4E,0x47,0x0D,0x0A,0x1A,0x0A,0,0,0,0x0D,0x49,0x48,0x44,0x52,0,0,0,1,0,0,0,1,8,2,0,0,0,
        0x90,0x77,0x53,0xDE,0,0,0,0x0C,0x49,0x44,0x41,0x54,0x08,0xD7,0x63,0xF8,0xCF,0xC0,0,0,0x03,0x01,0x01,
        0,0x18,0xDD,0x8D,0xB0,0,0,0,0,0x49,0x45,0x4E,0x44,0xAE,0x42,0x60,0x82 };
    snprintf(p, sizeof p, "%s/cafe.png", f->content);
    FILE *fp = fopen(p, "wb"); fwrite(png, 1, sizeof png, fp); fclose(fp);
    make_content(&f->c, f->content);
    f->res = ov_results_new();
    assert_int_equal(ov_results_build(fixture_rows, (int)OV_ARRAY_LEN(fixture_rows), &f->c, MEETING, 5, f->res), OV_OK);
    ov_log_set_quiet(1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->root);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", f->root);
    free(f->res);
    free(f);
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *d = malloc((size_t)n + 1);
    size_t got = fread(d, 1, (size_t)n, fp);
    fclose(fp);
    d[got] = '\0';
    if (len) *len = got;
    return d;
}

static ov_export_opts base_opts(void)
{
    ov_export_opts o = { .fs = NULL, .threshold = 5, .exact = 0, .date = DATE, .order_seed = 7 };
    return o;
}

/* ---- a small RFC 4180 reader for checking the CSV ---------------------- */

typedef struct { char cell[64][8][128]; int ncol[64]; int nrow; } csv_table;

static void csv_parse(const char *s, csv_table *t)
{
    memset(t, 0, sizeof *t);
    int r = 0, col = 0; size_t len = 0; int quoted = 0;
    for (const char *p = s; *p; p++) {
        if (quoted) {
            if (*p == '"' && p[1] == '"') { t->cell[r][col][len++] = '"'; p++; }
            else if (*p == '"') quoted = 0;
            else t->cell[r][col][len++] = *p;
        } else if (*p == '"') quoted = 1;
        else if (*p == ',') { col++; len = 0; }
        else if (*p == '\r' && p[1] == '\n') { t->ncol[r] = col + 1; r++; col = 0; len = 0; p++; }
        else if (*p == '\n') fail_msg("bare LF in CSV (RFC 4180 wants CRLF)");
        else t->cell[r][col][len++] = *p;
    }
    t->nrow = r;
}

static int csv_find(const csv_table *t, const char *qid, const char *aid)
{
    for (int r = 1; r < t->nrow; r++)
        if (!strcmp(t->cell[r][1], qid) && !strcmp(t->cell[r][3], aid)) return r;
    return -1;
}

/* ---- tests ------------------------------------------------------------- */

static void test_files_named_by_meeting_and_date(void **state)
{
    fixture *f = *state;
    ov_export_opts o = base_opts();
    ov_export_report rep;
    char err[512] = "";
    ov_results *list[] = { f->res };
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_OK);
    assert_true(ov_export_verified(&rep));
    assert_int_equal(rep.n_files, 3);
    const char *ext[] = { ".csv", ".json", ".html" };
    for (int i = 0; i < 3; i++) {
        char want[512];
        snprintf(want, sizeof want, "%s/" BASE "%s", f->out, ext[i]);
        int found = 0;
        for (int j = 0; j < rep.n_files; j++) found |= !strcmp(rep.files[j], want);
        assert_true(found);
        struct stat st;
        assert_int_equal(stat(want, &st), 0);
        /* neutral time: nothing about when votes were cast or files written */
        assert_int_equal((long)st.st_mtime, (long)OV_NEUTRAL_TIME);
        assert_int_equal((long)st.st_atime, (long)OV_NEUTRAL_TIME);
    }
    /* no temporary files remain */
    DIR *d = opendir(f->out);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) if (e->d_name[0] != '.') n++; else assert_true(!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."));
    closedir(d);
    assert_int_equal(n, 3);
    assert_string_equal(rep.easy, "The answers are saved. You can take the USB stick out now.");
}

static void test_csv_contents(void **state)
{
    fixture *f = *state;
    ov_export_opts o = base_opts();
    ov_export_report rep;
    char err[512] = "", path[512];
    ov_results *list[] = { f->res };
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_OK);
    snprintf(path, sizeof path, "%s/" BASE ".csv", f->out);
    char *csv = slurp(path, NULL);
    assert_non_null(csv);
    assert_memory_equal(csv, "\xEF\xBB\xBF", 3); /* spreadsheets read it as UTF-8 */
    static csv_table t;
    csv_parse(csv + 3, &t);
    assert_string_equal(t.cell[0][0], "meeting");
    assert_string_equal(t.cell[0][5], "count");
    assert_string_equal(t.cell[0][6], "withheld");
    /* 5 + 3 + 4 + 1 answers, plus the header */
    assert_int_equal(t.nrow, 1 + 5 + 3 + 4 + 1);
    for (int r = 0; r < t.nrow; r++) assert_int_equal(t.ncol[r], 7);
    int r = csv_find(&t, "assets", "getting-there");
    assert_true(r > 0);
    assert_string_equal(t.cell[r][0], MEETING);
    assert_string_equal(t.cell[r][2], "Your skills");
    assert_string_equal(t.cell[r][4], "Getting there");
    assert_string_equal(t.cell[r][5], "5");
    assert_string_equal(t.cell[r][6], "no");
    r = csv_find(&t, "cafe", "green");
    assert_string_equal(t.cell[r][2], "Café, \"tea\" & talk");
    assert_string_equal(t.cell[r][5], "4");
    /* answers come in on-screen order: "I don't know" last */
    assert_true(csv_find(&t, "assets", "dont-know") > csv_find(&t, "assets", "doing-well"));
    /* a question with 2 votes is below 5: counts withheld */
    r = csv_find(&t, "reciprocity", "basics");
    assert_string_equal(t.cell[r][5], "");
    assert_string_equal(t.cell[r][6], "yes");
    /* a question no longer in the content is still exported */
    r = csv_find(&t, "old-question", "yes");
    assert_string_equal(t.cell[r][5], "7");
    /* the quoting is exactly RFC 4180 */
    assert_non_null(strstr(csv, "\"Café, \"\"tea\"\" & talk\""));
    assert_non_null(strstr(csv, "\"Group meeting, May\""));
    free(csv);
}

static void test_json_contents(void **state)
{
    fixture *f = *state;
    ov_export_opts o = base_opts();
    ov_export_report rep;
    char err[512] = "", path[512];
    ov_results *list[] = { f->res };
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_OK);
    snprintf(path, sizeof path, "%s/" BASE ".json", f->out);
    size_t len;
    char *text = slurp(path, &len);
    ov_json *root = ov_json_parse(text, len, err, sizeof err);
    if (!root) fail_msg("%s", err);
    assert_string_equal(ov_json_get(root, "format")->string, "ourvoice-results");
    assert_int_equal(ov_json_get(root, "version")->integer, 1);
    assert_string_equal(ov_json_get(root, "meeting")->string, MEETING);
    assert_string_equal(ov_json_get(root, "date")->string, DATE);
    assert_string_equal(ov_json_get(root, "language")->string, "en-gb");
    assert_int_equal(ov_json_get(root, "small_numbers")->integer, 5);
    assert_int_equal(ov_json_get(root, "exact_counts")->type, OV_JSON_FALSE);
    const ov_json *qs = ov_json_get(root, "questions");
    assert_int_equal(qs->n_children, 4);
    const ov_json *q = qs->child->next; /* cafe */
    assert_string_equal(ov_json_get(q, "title")->string, "Café, \"tea\" & talk");
    assert_int_equal(ov_json_get(q, "total")->integer, 6);
    const ov_json *a = ov_json_get(q, "answers")->child;
    assert_string_equal(ov_json_get(a, "id")->string, "red");
    assert_string_equal(ov_json_get(a, "colour")->string, "red");
    assert_string_equal(ov_json_get(a, "shape")->string, ov_shape_name(OV_SHAPE_TRIANGLE));
    assert_int_equal(ov_json_get(a, "count")->integer, 0);
    q = q->next; /* reciprocity: protected */
    assert_int_equal(ov_json_get(q, "withheld")->type, OV_JSON_TRUE);
    assert_int_equal(ov_json_get(q, "total")->type, OV_JSON_NULL);
    for (a = ov_json_get(q, "answers")->child; a; a = a->next)
        assert_int_equal(ov_json_get(a, "count")->type, OV_JSON_NULL);
    ov_json_free(root);
    free(text);
}

static void test_exact_counts_when_turned_on(void **state)
{
    fixture *f = *state;
    ov_export_opts o = base_opts();
    o.exact = 1;
    ov_export_report rep;
    char err[512] = "", path[512];
    ov_results *list[] = { f->res };
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_OK);
    snprintf(path, sizeof path, "%s/" BASE ".csv", f->out);
    char *csv = slurp(path, NULL);
    static csv_table t;
    csv_parse(csv + 3, &t);
    int r = csv_find(&t, "reciprocity", "basics");
    assert_string_equal(t.cell[r][5], "2");
    assert_string_equal(t.cell[r][6], "no");
    free(csv);
    /* the easy-read report still never shows the small counts */
    snprintf(path, sizeof path, "%s/" BASE ".html", f->out);
    char *html = slurp(path, NULL);
    assert_non_null(strstr(html, OV_RESULTS_NOT_ENOUGH));
    free(html);
}

static void test_html_report(void **state)
{
    fixture *f = *state;
    ov_buf b = { 0 };
    strcpy(f->res->date, DATE);
    f->res->threshold = 5;
    assert_int_equal(ov_report_html(f->res, ov_file_read_all, &b), OV_OK);
    const char *h = b.data;
    assert_non_null(strstr(h, "<meta charset=\"utf-8\">"));
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "http://www.w3.org/2000/svg\"><"));   /* no stray markup */
    assert_null(strstr(h, "https://"));                         /* nothing loaded from a network */
    assert_non_null(strstr(h, "3 May 2025"));
    assert_non_null(strstr(h, "Andika"));
    assert_non_null(strstr(h, "@media print"));
    assert_non_null(strstr(h, "size:A4"));
    /* the SVG picture is inlined as base64, the PNG too */
    assert_non_null(strstr(h, "src=\"data:image/svg+xml;base64,"));
    assert_non_null(strstr(h, "src=\"data:image/png;base64,"));
    /* every answer: its colour, its word, its count in digits */
    char hex[OV_HEX_COLOUR_SIZE];
    assert_non_null(strstr(h, ov_report_colour_hex("blue", hex)));
    assert_non_null(strstr(h, ">Getting there</text>"));
    assert_non_null(strstr(h, ">5</text>"));
    assert_non_null(strstr(h, "Café, &quot;tea&quot; &amp; talk"));
    assert_non_null(strstr(h, "14 people answered this question."));
    assert_non_null(strstr(h, "Most people said: Getting there and Doing really well."));
    assert_non_null(strstr(h, OV_RESULTS_NOT_ENOUGH));
    ov_buf_free(&b);
}

static void test_basename(void **state)
{
    (void)state;
    char b[256];
    ov_export_basename("Group meeting, May", "2025-05-03", b, sizeof b);
    assert_string_equal(b, "ourvoice-Group-meeting-May-2025-05-03");
    ov_export_basename("Café / Tea?", "2025-05-03", b, sizeof b);
    assert_string_equal(b, "ourvoice-Café-Tea-2025-05-03");
    ov_export_basename("../../etc", "2025-05-03", b, sizeof b);
    assert_string_equal(b, "ourvoice-etc-2025-05-03");
    ov_export_basename("", "2025-05-03", b, sizeof b);
    assert_string_equal(b, "ourvoice-meeting-2025-05-03");
    ov_export_basename("Drop-in 2025-05-03", "2025-05-03", b, sizeof b); /* the date once */
    assert_string_equal(b, "ourvoice-Drop-in-2025-05-03");
    ov_export_basename("Drop-in 2025-05-03", "2025-05-04", b, sizeof b);
    assert_string_equal(b, "ourvoice-Drop-in-2025-05-03-2025-05-04");
}

/* A meeting's files carry the date it started, not the day they were saved:
 * a meeting of 3 May saved on 10 June is still the meeting of 3 May. */
static void test_files_carry_the_date_the_meeting_started(void **state)
{
    fixture *f = *state;
    ov_tally *t = NULL;
    char err[512] = "";
    if (ov_tally_open(f->data, &t, err, sizeof err) != OV_OK) fail_msg("%s", err);
    assert_int_equal(ov_tally_meeting_open(t, "Club meeting", "2025-05-03", NULL, NULL, 0, err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_add(t, "Club meeting", "assets", "basics", err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_close(t, "Club meeting", err, sizeof err), OV_OK);
    ov_export_opts o = base_opts();
    o.date = "2025-06-10"; /* the day of saving */
    ov_export_report rep;
    assert_int_equal(ov_export_all_opts(&o, t, &f->c, NULL, f->out, &rep, err, sizeof err), OV_OK);
    assert_true(ov_export_verified(&rep));
    char p[512];
    snprintf(p, sizeof p, "%s/ourvoice-Club-meeting-2025-05-03.csv", f->out);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    ov_tally_close(t);
}

/* ---- failure injection ------------------------------------------------- */

enum { OP_OPEN, OP_WRITE, OP_READ, OP_FSYNC, OP_CLOSE, OP_RENAME, OP_UNLINK, OP_MKDIR, OP_SYNCFS, OP_UTIMES, N_OPS };
static const char *op_names[N_OPS] = { "open", "write", "read", "fsync", "close", "rename", "unlink", "mkdir", "syncfs", "utimensat" };
static int calls[N_OPS], fail_op = -1, fail_at, fail_errno, short_writes, corrupt_reads;
static char opened[64][256];
static int n_opened;

static int hit(int op)
{
    calls[op]++;
    if (op == fail_op && calls[op] == fail_at) { errno = fail_errno; return 1; }
    return 0;
}
static int f_open(const char *p, int fl, mode_t m)
{
    if (hit(OP_OPEN)) return -1;
    if ((fl & O_CREAT) && n_opened < 64) { const char *s = strrchr(p, '/'); snprintf(opened[n_opened++], 256, "%s", s ? s + 1 : p); }
    return open(p, fl, m);
}
static ssize_t f_write(int fd, const void *b, size_t n)
{
    if (hit(OP_WRITE)) return -1;
    return write(fd, b, short_writes && n > 7 ? 7 : n);
}
static ssize_t f_read(int fd, void *b, size_t n)
{
    if (hit(OP_READ)) return -1;
    ssize_t r = read(fd, b, n);
    if (corrupt_reads && r > 10) ((char *)b)[10] ^= 1;
    return r;
}
static int f_fsync(int fd) { return hit(OP_FSYNC) ? -1 : fsync(fd); }
static int f_close(int fd) { if (hit(OP_CLOSE)) { close(fd); return -1; } return close(fd); }
static int f_rename(const char *a, const char *b) { return hit(OP_RENAME) ? -1 : rename(a, b); }
static int f_unlink(const char *p) { return hit(OP_UNLINK) ? -1 : unlink(p); }
static int f_mkdir(const char *p, mode_t m) { return hit(OP_MKDIR) ? -1 : mkdir(p, m); }
static int f_syncfs(int fd) { return hit(OP_SYNCFS) ? -1 : syncfs(fd); }
static int f_utimensat(int d, const char *p, const struct timespec t[2], int fl)
{
    return hit(OP_UTIMES) ? -1 : utimensat(d, p, t, fl);
}
static int f_openat(int d, const char *p, int fl, mode_t m)
{
    if (hit(OP_OPEN)) return -1;
    if ((fl & O_CREAT) && n_opened < 64) snprintf(opened[n_opened++], 256, "%s", p);
    return openat(d, p, fl, m);
}
static int f_renameat(int d1, const char *a, int d2, const char *b) { return hit(OP_RENAME) ? -1 : renameat(d1, a, d2, b); }
static int f_unlinkat(int d, const char *p, int fl) { return hit(OP_UNLINK) ? -1 : unlinkat(d, p, fl); }
static const ov_fsops faulty = {
    .open = f_open, .write = f_write, .read = f_read, .fsync = f_fsync, .close = f_close,
    .rename = f_rename, .unlink = f_unlink, .mkdir = f_mkdir, .syncfs = f_syncfs,
    .utimensat = f_utimensat, .fadvise = NULL,
    .openat = f_openat, .renameat = f_renameat, .unlinkat = f_unlinkat,
};

static void reset_faults(int op, int at, int e)
{
    memset(calls, 0, sizeof calls);
    fail_op = op; fail_at = at; fail_errno = e;
    short_writes = corrupt_reads = 0;
    n_opened = 0;
}

/* Every file in dir: no temporary ones, and each is byte-equal to what a
 * good export writes (so nothing looks complete but is not). */
static void check_stick(const char *dir, ov_results *res, const ov_export_opts *o)
{
    DIR *d = opendir(dir);
    if (!d) return; /* mkdir failed: nothing there at all */
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (e->d_name[0] == '.') fail_msg("temporary file left on the stick: %s", e->d_name);
        ov_buf want = { 0 };
        if (strstr(e->d_name, ".csv")) ov_export_csv(res, o, &want);
        else if (strstr(e->d_name, ".json")) ov_export_json(res, o, &want);
        else ov_report_html(res, ov_file_read_all, &want);
        char p[600];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        size_t len;
        char *got = slurp(p, &len);
        if (len != want.len || memcmp(got, want.data, len) != 0)
            fail_msg("%s looks complete but is not what was exported", e->d_name);
        free(got);
        ov_buf_free(&want);
    }
    closedir(d);
}

static const char *const expected_words[N_OPS] = {
    /* the step the message must name when this call fails */
    [OP_OPEN] = "open|fsync folder|read back", [OP_WRITE] = "write", [OP_READ] = "read back",
    [OP_FSYNC] = "fsync|fsync folder", [OP_CLOSE] = "close", [OP_RENAME] = "rename", [OP_MKDIR] = "mkdir",
    [OP_SYNCFS] = "syncfs", [OP_UTIMES] = "set neutral time",
};

static int names_step(const char *err, const char *alternatives)
{
    char alt[128];
    strcpy(alt, alternatives);
    for (char *tok = strtok(alt, "|"); tok; tok = strtok(NULL, "|")) {
        char want[160];
        snprintf(want, sizeof want, ": %s failed: ", tok);
        if (strstr(err, want)) return 1;
    }
    return 0;
}

static void test_failure_at_every_step(void **state)
{
    fixture *f = *state;
    ov_results *list[] = { f->res };
    const int errs[] = { EIO, ENOSPC, EROFS, ENOENT };
    int failures = 0;
    for (int op = 0; op < N_OPS; op++) {
        if (op == OP_UNLINK) continue; /* clean-up only: covered below */
        for (int at = 1; at < 200; at++) {
            int e = errs[(op + at) % 4];
            char cmd[400];
            snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->out);
            assert_int_equal(system(cmd), 0);
            ov_export_opts o = base_opts();
            o.fs = &faulty;
            reset_faults(op, at, e);
            ov_export_report rep;
            char err[512] = "";
            int rc = ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err);
            if (calls[op] < at) { /* this op was called fewer times: the export went through */
                assert_int_equal(rc, OV_OK);
                assert_true(ov_export_verified(&rep));
                check_stick(f->out, f->res, &o);
                break;
            }
            if (rc == OV_OK) { /* an unchecked close of a read-only descriptor */
                assert_int_equal(op, OP_CLOSE);
                check_stick(f->out, f->res, &o);
                continue;
            }
            failures++;
            assert_false(ov_export_verified(&rep));
            assert_int_equal(rep.code, rc);
            assert_int_equal(rc, ov_errno_code(e));
            if (!names_step(err, expected_words[op]))
                fail_msg("%s call %d failed but the message does not name the step: %s", op_names[op], at, err);
            assert_non_null(strstr(err, strerror(e)));
            assert_non_null(strstr(err, f->out));
            assert_string_equal(rep.easy, ov_export_easy_message(rc, NULL));
            check_stick(f->out, f->res, &o);
            /* the files listed as written are really there and complete */
            for (int i = 0; i < rep.n_files; i++) assert_int_equal(access(rep.files[i], R_OK), 0);
        }
    }
    assert_true(failures >= 30);
    /* the caller can retry: the same export with a working stick succeeds */
    ov_export_opts o = base_opts();
    ov_export_report rep;
    char err[512];
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_OK);
    check_stick(f->out, f->res, &o);
}

static void test_easy_messages_for_stick_problems(void **state)
{
    fixture *f = *state;
    ov_results *list[] = { f->res };
    ov_export_opts o = base_opts();
    o.fs = &faulty;
    ov_export_report rep;
    char err[512];
    reset_faults(OP_WRITE, 2, ENOSPC);
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_ENOSPC);
    assert_non_null(strstr(rep.easy, "full"));
    reset_faults(OP_OPEN, 1, EROFS);
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_EPERM);
    assert_non_null(strstr(rep.easy, "locked"));
    assert_non_null(strstr(err, "Read-only file system"));
    reset_faults(OP_FSYNC, 3, ENOENT);
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_ENOTFOUND);
    assert_non_null(strstr(rep.easy, "taken out"));
    check_stick(f->out, f->res, &o);
    /* #16: a real stick pulled out mid-write fails with EIO; once its mount is
     * gone (here: the "mount point" is a plain folder), that is "taken out". */
    char mnt[600];
    snprintf(mnt, sizeof mnt, "%s/..", f->out);
    o.mount_point = mnt;
    reset_faults(OP_FSYNC, 2, EIO);
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_ENOTFOUND);
    assert_non_null(strstr(rep.easy, "taken out"));
    assert_non_null(strstr(err, "Input/output error"));
    assert_non_null(strstr(err, "was taken out"));
    check_stick(f->out, f->res, &o);
    /* the same error on a stick still there (its own mount, "/") stays a failure */
    assert_int_equal(ov_stick_gone("/"), 0);
    assert_int_equal(ov_stick_gone(mnt), 1);
    snprintf(mnt, sizeof mnt, "%s/no-such-stick", f->out);
    assert_int_equal(ov_stick_gone(mnt), 1);
}

/* Removes the link `arg` a moment after the write failed: the stick's device
 * leaving after its I/O error, as the kernel does. */
static void *pull_out_later(void *arg)
{
    struct timespec moment = { 0, 200 * 1000000L };
    nanosleep(&moment, NULL);
    unlink(arg);
    return NULL;
}

/* #16, seen in the appliance under qemu: the write fails with EIO while the
 * stick is still mounted; its mount goes a moment later. The kiosk waits for
 * that (OV_STICK_GONE_WAIT_MS) and says "taken out", not "did not work". */
static void test_stick_that_goes_just_after_the_error_is_taken_out(void **state)
{
    fixture *f = *state;
    ov_results *list[] = { f->res };
    ov_export_opts o = base_opts();
    o.fs = &faulty;
    ov_export_report rep;
    char err[512], mnt[600];
    snprintf(mnt, sizeof mnt, "%s.stick-link", f->out);
    assert_int_equal(symlink("/", mnt), 0); /* still there: a mount of its own, as "/" is */
    assert_int_equal(ov_stick_gone(mnt), 0);
    o.mount_point = mnt;
    reset_faults(OP_FSYNC, 2, EIO);
    pthread_t puller;
    assert_int_equal(pthread_create(&puller, NULL, pull_out_later, mnt), 0);
    int rc = ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err);
    pthread_join(puller, NULL);
    unlink(mnt);
    assert_int_equal(rc, OV_ENOTFOUND);
    assert_non_null(strstr(rep.easy, "taken out"));
    assert_non_null(strstr(err, "was taken out"));
    check_stick(f->out, f->res, &o);
}

static void test_short_writes_and_bad_readback(void **state)
{
    fixture *f = *state;
    ov_results *list[] = { f->res };
    ov_export_opts o = base_opts();
    o.fs = &faulty;
    ov_export_report rep;
    char err[512];
    reset_faults(-1, 0, 0);
    short_writes = 1;
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_OK);
    check_stick(f->out, f->res, &o);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->out);
    assert_int_equal(system(cmd), 0);
    /* a stick that returns different bytes: the file is removed, not trusted */
    reset_faults(-1, 0, 0);
    corrupt_reads = 1;
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_EIO);
    assert_non_null(strstr(err, "compare failed"));
    assert_int_equal(rep.n_files, 0);
    DIR *d = opendir(f->out);
    struct dirent *e;
    while ((e = readdir(d))) assert_true(e->d_name[0] == '.' && (!e->d_name[1] || !strcmp(e->d_name, "..")));
    closedir(d);
}

static void test_random_order(void **state)
{
    fixture *f = *state;
    /* two meetings = 6 files; different seeds give different orders */
    ov_results *other = ov_results_new();
    ov_results_build(fixture_rows, (int)OV_ARRAY_LEN(fixture_rows), &f->c, "Other meeting", 5, other);
    ov_results *list[] = { f->res, other };
    char first[8][64][256];
    int n_first[8];
    int differ = 0;
    for (unsigned seed = 1; seed <= 8; seed++) {
        ov_export_opts o = base_opts();
        o.fs = &faulty;
        o.order_seed = seed;
        reset_faults(-1, 0, 0);
        ov_export_report rep;
        char err[512];
        assert_int_equal(ov_export_results(&o, list, 2, f->out, &rep, err, sizeof err), OV_OK);
        assert_int_equal(n_opened, 6);
        memcpy(first[seed - 1], opened, sizeof opened);
        n_first[seed - 1] = n_opened;
        if (seed > 1 && memcmp(first[seed - 1], first[0], sizeof opened) != 0) differ = 1;
    }
    (void)n_first;
    assert_true(differ);
    free(other);
}

/* The real path: counts from a real tally database; a failed export leaves
 * every count as it was, and a retry writes every meeting. */
static void test_export_all_from_tally(void **state)
{
    fixture *f = *state;
    ov_tally *t = NULL;
    char err[512] = "";
    if (ov_tally_open(f->data, &t, err, sizeof err) != OV_OK) fail_msg("%s", err);
    for (size_t i = 0; i < OV_ARRAY_LEN(fixture_rows); i++)
        for (long v = 0; v < (fixture_rows[i].count > 3 ? 3 : fixture_rows[i].count); v++)
            assert_int_equal(ov_tally_add(t, fixture_rows[i].meeting, fixture_rows[i].question,
                                          fixture_rows[i].answer, err, sizeof err), OV_OK);
    /* results are saved only for closed meetings (issue 12, no differencing) */
    assert_int_equal(ov_tally_meeting_close(t, "Club meeting", err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_close(t, "Other meeting", err, sizeof err), OV_OK);
    ov_tally_row before[32], after[32];
    memset(before, 0, sizeof before);   /* compared whole below: no uninitialised bytes */
    int n_before = ov_tally_read(t, NULL, before, 32);
    assert_int_equal(n_before, (int)OV_ARRAY_LEN(fixture_rows));
    const int ops[] = { OP_OPEN, OP_WRITE, OP_FSYNC, OP_RENAME, OP_SYNCFS, OP_READ };
    for (size_t i = 0; i < OV_ARRAY_LEN(ops); i++) {
        ov_export_opts o = base_opts();
        o.fs = &faulty;
        reset_faults(ops[i], 4, EIO);
        ov_export_report rep;
        assert_true(ov_export_all_opts(&o, t, &f->c, NULL, f->out, &rep, err, sizeof err) < 0);
        assert_false(ov_export_verified(&rep));
        memset(after, 0, sizeof after);
        assert_int_equal(ov_tally_read(t, NULL, after, 32), n_before);
        assert_memory_equal(before, after, sizeof(ov_tally_row) * (size_t)n_before);
    }
    ov_export_opts o = base_opts();
    ov_export_report rep;
    assert_int_equal(ov_export_all_opts(&o, t, &f->c, NULL, f->out, &rep, err, sizeof err), OV_OK);
    assert_true(ov_export_verified(&rep));
    assert_int_equal(rep.n_files, 6); /* 2 meetings x CSV, JSON, HTML */
    char p[512];
    snprintf(p, sizeof p, "%s/ourvoice-Other-meeting-" DATE ".csv", f->out);
    char *csv = slurp(p, NULL);
    assert_non_null(csv);
    assert_non_null(strstr(csv, "Other meeting,assets,Your skills,basics,Got the basics,,yes")); /* 3 < 5 */
    free(csv);
    ov_tally_close(t);
}

/* `ourvoice export --to DIR`: the command line writes and checks the files. */
static void test_command_line(void **state)
{
    fixture *f = *state;
    ov_tally *t = NULL;
    char err[512];
    if (ov_tally_open(f->data, &t, err, sizeof err) != OV_OK) fail_msg("%s", err);
    for (int i = 0; i < 6; i++) assert_int_equal(ov_tally_add(t, "Club", "assets", "basics", err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_meeting_close(t, "Club", err, sizeof err), OV_OK);   /* only closed meetings are saved */
    ov_tally_close(t);
    char nocontent[400];
    snprintf(nocontent, sizeof nocontent, "%s/no-such-content", f->root);
    char *argv[] = { "export", "--to", f->out, "--data", f->data, "--content", nocontent, "--date", DATE, NULL };
    fflush(stdout);
    assert_int_equal(ov_cmd_export(9, argv), 0);
    char p[512];
    snprintf(p, sizeof p, "%s/ourvoice-Club-" DATE ".csv", f->out);
    char *csv = slurp(p, NULL);
    assert_non_null(csv);
    assert_non_null(strstr(csv, ",assets,"));
    assert_non_null(strstr(csv, ",6,no\r\n"));
    free(csv);
    char *help[] = { "export", "--help", NULL };
    assert_int_equal(ov_cmd_export(2, help), 0);
    char *no_to[] = { "export", "--data", f->data, NULL };
    assert_int_equal(ov_cmd_export(3, no_to), 2);
    char *bad_date[] = { "export", "--to", f->out, "--date", "May 3", NULL };
    assert_int_equal(ov_cmd_export(5, bad_date), 2);
    /* a folder that cannot be created: exit 1 with the reason */
    char *bad_to[] = { "export", "--to", "/proc/ourvoice-cannot", "--data", f->data, "--content", nocontent, NULL };
    assert_int_equal(ov_cmd_export(7, bad_to), 1);
}


/* ---- issue 12: sticks, formulas, no differencing, any number of meetings ---- */

/* STICK/ourvoice is a link (to a folder off the stick): nothing is written
 * through it, the export is not "saved", so Clear votes is never offered. */
static void test_export_folder_that_is_a_link_is_refused(void **state)
{
    fixture *f = *state;
    char elsewhere[400], stick[400], dest[450];
    snprintf(elsewhere, sizeof elsewhere, "%s/sd-card", f->root);
    snprintf(stick, sizeof stick, "%s/stickmount", f->root);
    snprintf(dest, sizeof dest, "%s/ourvoice", stick);
    assert_int_equal(mkdir(elsewhere, 0755), 0);
    assert_int_equal(mkdir(stick, 0755), 0);
    assert_int_equal(symlink(elsewhere, dest), 0);
    ov_results *list[] = { f->res };
    ov_export_opts o = base_opts();
    o.mount_point = stick;
    ov_export_report rep;
    char err[512] = "";
    int rc = ov_export_results(&o, list, 1, dest, &rep, err, sizeof err);
    assert_true(rc < 0);
    assert_false(ov_export_verified(&rep));
    assert_int_equal(rep.n_files, 0);
    assert_non_null(strstr(err, "link"));
    assert_null(strstr(rep.easy, "saved"));
    DIR *d = opendir(elsewhere);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) n += e->d_name[0] != '.';
    closedir(d);
    assert_int_equal(n, 0);                       /* nothing landed off the stick */
    /* a dangling link too */
    assert_int_equal(unlink(dest), 0);
    assert_int_equal(symlink("/nonexistent-ov", dest), 0);
    assert_true(ov_export_results(&o, list, 1, dest, &rep, err, sizeof err) < 0);
    assert_false(ov_export_verified(&rep));
    ov_export_report_free(&rep);
}

/* The folder must be on the stick's own filesystem (st_dev of the mount point). */
static void test_export_folder_on_another_filesystem_is_refused(void **state)
{
    fixture *f = *state;
    struct stat a, b;
    assert_int_equal(stat(f->root, &a), 0);
    if (stat("/proc/self", &b) != 0 || a.st_dev == b.st_dev) { skip(); return; }
    ov_results *list[] = { f->res };
    ov_export_opts o = base_opts();
    o.mount_point = "/proc";                      /* "the stick" is another filesystem */
    ov_export_report rep;
    char err[512] = "";
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_EINVAL);
    assert_false(ov_export_verified(&rep));
    assert_non_null(strstr(err, "not on the stick"));
    o.mount_point = f->root;                      /* the same filesystem: fine */
    assert_int_equal(ov_export_results(&o, list, 1, f->out, &rep, err, sizeof err), OV_OK);
    assert_int_equal(rep.n_files, 3);
    ov_export_report_free(&rep);
}

/* Titles a spreadsheet would run as formulas stay text in the CSV. */
static void test_csv_formulas_made_inert(void **state)
{
    (void)state;
    ov_results *r = ov_results_new();
    strcpy(r->meeting, "=HYPERLINK(\"http://x\")");
    ov_result_question *q = &r->questions[r->n_questions++];
    strcpy(q->id, "q1"); strcpy(q->title, "+1+2"); strcpy(q->scale, "s");
    const char *words[] = { "-3", "@SUM(A1)", "\tx", "\rcmd", "plain" };
    for (int i = 0; i < 5; i++) {
        ov_result_answer *a = &q->answers[q->n_answers++];
        snprintf(a->id, sizeof a->id, "a%d", i);
        strcpy(a->word, words[i]);
        a->count = 9;
    }
    ov_results_finish_question(q, 5);
    ov_export_opts o = base_opts();
    ov_buf b = { 0 };
    assert_int_equal(ov_export_csv(r, &o, &b), OV_OK);
    char *csv = strndup(b.data, b.len);
    assert_non_null(strstr(csv, "\"'=HYPERLINK(\"\"http://x\"\")\",q1,'+1+2,a0,'-3,9,no\r\n"));
    assert_non_null(strstr(csv, ",a1,'@SUM(A1),"));
    assert_non_null(strstr(csv, ",a2,'\tx,"));
    assert_non_null(strstr(csv, ",a3,\"'\rcmd\","));
    assert_non_null(strstr(csv, ",a4,plain,9,no\r\n"));
    /* no cell starts with a formula character */
    csv_table *t = calloc(1, sizeof *t);
    csv_parse(csv + 3, t);
    for (int row = 1; row < t->nrow; row++)
        for (int col = 0; col < t->ncol[row]; col++)
            assert_null(strchr("=+-@\t\r", t->cell[row][col][0] ? t->cell[row][col][0] : 'x'));
    free(t);
    free(csv);
    ov_buf_free(&b);
    free(r);
}

/* Every file in dir, concatenated in name order, into a malloc'd string. */
static char *folder_bytes(const char *dir)
{
    struct dirent **list = NULL;
    int n = scandir(dir, &list, NULL, alphasort);
    ov_buf all = { 0 };
    for (int i = 0; i < n; i++) {
        if (list[i]->d_name[0] != '.') {
            char p[600];
            snprintf(p, sizeof p, "%s/%s", dir, list[i]->d_name);
            size_t len = 0;
            char *d = slurp(p, &len);
            ov_buf_printf(&all, "== %s\n", list[i]->d_name);
            ov_buf_add(&all, d, len);
            free(d);
        }
        free(list[i]);
    }
    free(list);
    char *s = strndup(all.data ? all.data : "", all.len);
    ov_buf_free(&all);
    return s;
}

/* No differencing: only closed meetings are exported, a closed meeting takes
 * no more votes, and an export after one more vote is byte-identical to the
 * one before it. Withheld questions name no chosen answer. */
static void test_export_after_one_more_vote_is_the_same(void **state)
{
    fixture *f = *state;
    ov_tally *t = NULL;
    char err[512] = "";
    if (ov_tally_open(f->data, &t, err, sizeof err) != OV_OK) fail_msg("%s", err);
    ov_export_opts o = base_opts();
    o.closed_only = 1;
    ov_export_report rep;
    for (int i = 0; i < 3; i++) {                 /* a drop-in: three members so far */
        const char *qs[] = { "assets", "old-question", "cafe" }, *as[] = { "basics", "yes", "pink" };
        assert_int_equal(ov_tally_add_set(t, "Drop-in May", qs, as, 3, err, sizeof err), OV_OK);
    }
    /* nothing is saved while the meeting is open */
    assert_true(ov_export_all_opts(&o, t, &f->c, NULL, f->out, &rep, err, sizeof err) < 0);
    assert_false(ov_export_verified(&rep));
    assert_non_null(strstr(err, "closed"));
    assert_true(ov_export_all_opts(&o, t, &f->c, "Drop-in May", f->out, &rep, err, sizeof err) < 0);
    assert_non_null(strstr(err, "still open"));
    assert_int_equal(ov_tally_meeting_close(t, "Drop-in May", err, sizeof err), OV_OK);
    for (int i = 0; i < 2; i++) assert_int_equal(ov_tally_add(t, "Next", "assets", "doing-well", err, sizeof err), OV_OK);
    assert_int_equal(ov_export_all_opts(&o, t, &f->c, NULL, f->out, &rep, err, sizeof err), OV_OK);
    assert_int_equal(rep.n_files, 3);             /* only the closed meeting */
    ov_export_report_free(&rep);
    char *before = folder_bytes(f->out);
    /* withheld (3 < 5): a question no longer in the content lists no answer;
     * a content question lists its scale's answers, not the one only votes brought */
    assert_null(strstr(before, "Drop-in May,old-question"));   /* no CSV row names an answer of it */
    assert_null(strstr(before, "\"id\": \"yes\""));
    assert_null(strstr(before, "pink"));
    assert_non_null(strstr(before, "Drop-in May,cafe,"));
    assert_non_null(strstr(before, "Drop-in May,assets,Your skills,doing-well,Doing really well,,yes"));
    /* one more vote: in the open meeting (counted), in the closed one (refused) */
    assert_int_equal(ov_tally_add(t, "Next", "assets", "not-yet", err, sizeof err), OV_OK);
    assert_int_equal(ov_tally_add(t, "Drop-in May", "assets", "not-yet", err, sizeof err), OV_EPERM);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->out);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(ov_export_all_opts(&o, t, &f->c, NULL, f->out, &rep, err, sizeof err), OV_OK);
    ov_export_report_free(&rep);
    char *after = folder_bytes(f->out);
    assert_string_equal(before, after);           /* nothing depends on that vote */
    free(before);
    free(after);
    ov_tally_close(t);
}

/* Fast, still real files: no fsync or syncfs (10,000 meetings would take long). */
static int no_sync(int fd) { (void)fd; return 0; }

/* 10,000 meetings: every one exported, with no limit and nothing quadratic. */
static void test_ten_thousand_meetings(void **state)
{
    fixture *f = *state;
    enum { MEETINGS = 10000 };
    ov_tally *t = NULL;
    char err[512] = "";
    if (ov_tally_open(f->data, &t, err, sizeof err) != OV_OK) fail_msg("%s", err);
    ov_tally_close(t);
    char db[400];
    snprintf(db, sizeof db, "%s/tallies.sqlite", f->data);
    sqlite3 *s = NULL;
    assert_int_equal(sqlite3_open(db, &s), SQLITE_OK);
    assert_int_equal(sqlite3_exec(s, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    for (int m = 0; m < MEETINGS; m++) {
        char sql[300];
        snprintf(sql, sizeof sql, "INSERT INTO counts (meeting, question, answer, count, pad)"
                                  " VALUES ('m%05d', 'assets', 'basics', %d, x'');"
                                  "INSERT INTO meetings VALUES ('m%05d', '2025-05-03', 1);", m, 1 + m % 9, m);
        assert_int_equal(sqlite3_exec(s, sql, NULL, NULL, NULL), SQLITE_OK);
    }
    assert_int_equal(sqlite3_exec(s, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(s);
    if (ov_tally_open(f->data, &t, err, sizeof err) != OV_OK) fail_msg("%s", err);
    ov_fsops fast = *ov_fsops_real();
    fast.fsync = no_sync;
    fast.syncfs = no_sync;
    ov_export_opts o = base_opts();
    o.fs = &fast;
    o.closed_only = 1;
    ov_export_report rep;
    int rc = ov_export_all_opts(&o, t, &f->c, NULL, f->out, &rep, err, sizeof err);
    if (rc != OV_OK) fail_msg("%s", err);
    assert_true(ov_export_verified(&rep));
    assert_int_equal(rep.n_files, MEETINGS * 3);
    char p[512];
    snprintf(p, sizeof p, "%s/ourvoice-m09999-" DATE ".csv", f->out);
    char *csv = slurp(p, NULL);
    assert_non_null(csv);
    assert_non_null(strstr(csv, "m09999,assets,Your skills,basics,Got the basics,,yes"));
    free(csv);
    ov_export_report_free(&rep);
    ov_tally_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_files_named_by_meeting_and_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_contents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_contents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exact_counts_when_turned_on, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_report, setup, teardown),
        cmocka_unit_test(test_basename),
        cmocka_unit_test_setup_teardown(test_files_carry_the_date_the_meeting_started, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failure_at_every_step, setup, teardown),
        cmocka_unit_test_setup_teardown(test_easy_messages_for_stick_problems, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stick_that_goes_just_after_the_error_is_taken_out, setup, teardown),
        cmocka_unit_test_setup_teardown(test_short_writes_and_bad_readback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_all_from_tally, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_folder_that_is_a_link_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_folder_on_another_filesystem_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_formulas_made_inert, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_after_one_more_vote_is_the_same, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ten_thousand_meetings, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
