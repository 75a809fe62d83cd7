/* test_merge.c — `ourvoice merge`: several kiosks' exports added up (same
 * question + same answers), different ones kept apart, withheld small
 * numbers never guessed, bad or missing files reported as file:line without
 * a crash; plus the strict JSON reader the merge relies on. */
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

#include "app/cli.h"
#include "platform/export.h"
#include "base/json_read.h"
#include "model/content_texts.h"
#include "model/merge.h"
#include "platform/merge_input.h"
#include "test_tmp.h"

static char root[128];

static void add_answer(ov_result_question *q, const char *id, const char *word, long count)
{
    ov_result_answer *a = &q->answers[q->n_answers++];
    strcpy(a->id, id); strcpy(a->word, word); strcpy(a->colour, "green");
    a->shape = OV_SHAPE_FACE_HAPPY; a->count = count;
}

/* One kiosk's export into root/NAME: "assets" (4 stages), "cafe" (rag or
 * a different scale), "small" with few answers. */
static void kiosk(const char *name, const char *meeting, long base, const char *cafe_scale, int exact)
{
    ov_results *r = ov_results_new();
    strcpy(r->meeting, meeting);
    strcpy(r->language, "en-gb");
    ov_result_question *q = &r->questions[r->n_questions++];
    strcpy(q->id, "assets"); strcpy(q->title, "Your skills"); strcpy(q->scale, "four-stages");
    add_answer(q, "not-yet", "Really haven't got this", base);
    add_answer(q, "getting-there", "Getting there", base * 2);
    q = &r->questions[r->n_questions++];
    strcpy(q->id, "cafe"); strcpy(q->title, "Café"); strcpy(q->scale, cafe_scale);
    add_answer(q, "red", "Not good", 3);
    add_answer(q, "green", "Good", 4);
    q = &r->questions[r->n_questions++];
    strcpy(q->id, "small"); strcpy(q->title, "Small"); strcpy(q->scale, "rag");
    add_answer(q, "green", "Good", 2);
    for (int i = 0; i < r->n_questions; i++) ov_results_finish_question(&r->questions[i], 5);
    ov_export_opts o = { .threshold = 5, .exact = exact, .date = "2025-05-03", .order_seed = 3 };
    ov_export_report rep;
    char dir[256], err[512];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    assert_int_equal(ov_export_results(&o, &r, 1, dir, &rep, err, sizeof err), OV_OK);
    free(r);
}

static int setup(void **state)
{
    (void)state;
    ov_test_tmp_template(root, sizeof root, "ov-merge");
    if (!mkdtemp(root)) return -1;
    ov_log_set_quiet(1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* ov_cmd_merge with the arguments up to the first NULL. */
static int run_merge_v(const char *first, ...)
{
    char *argv[16] = { "merge" };
    int argc = 1;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a && argc < 15; a = va_arg(ap, const char *)) argv[argc++] = (char *)a;
    va_end(ap);
    fflush(stdout);
    return ov_cmd_merge(argc, argv);
}
#define run_merge(...) run_merge_v(__VA_ARGS__, (const char *)NULL)

static ov_json *load(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) fail_msg("no file %s", path);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    char err[256];
    ov_json *j = ov_json_parse(buf, n, err, sizeof err);
    if (!j) fail_msg("%s: %s", path, err);
    return j;
}

static const ov_json *question(const ov_json *root_j, int idx)
{
    const ov_json *q = ov_json_get(root_j, "questions")->child;
    while (idx-- > 0) q = q->next;
    return q;
}

static long count_of(const ov_json *q, int idx)
{
    const ov_json *a = ov_json_get(q, "answers")->child;
    while (idx-- > 0) a = a->next;
    const ov_json *c = ov_json_get(a, "count");
    return c->type == OV_JSON_NULL ? -1 : (long)c->integer;
}

static void test_adds_up_same_questions_keeps_others_apart(void **state)
{
    (void)state;
    kiosk("k1", "Tuesday group", 2, "rag", 0);   /* 2 + 4 answers: not withheld */
    kiosk("k2", "Tuesday group", 10, "rag", 0);
    kiosk("k3", "Tuesday group", 100, "three-faces", 0);  /* "cafe" on another scale */
    char d1[256], d2[256], d3[256], out[256], to[300];
    snprintf(d1, sizeof d1, "%s/k1", root);
    snprintf(d2, sizeof d2, "%s/k2", root);
    snprintf(d3, sizeof d3, "%s/k3/ourvoice-Tuesday-group-2025-05-03.json", root);
    snprintf(out, sizeof out, "%s/merged", root);
    snprintf(to, sizeof to, "%s", out);
    assert_int_equal(run_merge("--to", to, "--date", "2025-06-01", d1, d2), 0);
    /* a file given twice (as a folder and as a file) counts once */
    char again[300];
    snprintf(again, sizeof again, "%s/ourvoice-Tuesday-group-2025-05-03.json", d1);
    assert_int_equal(run_merge("--to", to, "--date", "2025-06-01", d1, again), 0);
    char p[400];
    snprintf(p, sizeof p, "%s/ourvoice-Tuesday-group-2025-06-01.json", out);
    ov_json *j = load(p);
    assert_int_equal(count_of(question(j, 1), 1), 4); /* k1 only: the repeat was not added */
    ov_json_free(j);

    assert_int_equal(run_merge("--to", to, "--date", "2025-06-02", d1, d2), 0);
    snprintf(p, sizeof p, "%s/ourvoice-Tuesday-group-2025-06-02.json", out);
    j = load(p);
    const ov_json *q = question(j, 0);
    assert_string_equal(ov_json_get(q, "id")->string, "assets");
    assert_int_equal(count_of(q, 0), 12);
    assert_int_equal(count_of(q, 1), 24);
    assert_int_equal(ov_json_get(q, "total")->integer, 36);
    q = question(j, 1);
    assert_int_equal(count_of(q, 1), 8);
    /* "small": 2 + 2 answers, each kiosk withheld its own: nothing to add up */
    q = question(j, 2);
    assert_int_equal(ov_json_get(q, "withheld_sources")->integer, 2);
    assert_int_equal(ov_json_get(q, "withheld")->type, OV_JSON_TRUE);
    ov_json_free(j);

    /* with the third kiosk: its "cafe" has another scale and stays apart */
    snprintf(to, sizeof to, "%s/merged3", root);
    assert_int_equal(run_merge("--to", to, "--date", "2025-06-02", d1, d2, d3), 0);
    snprintf(p, sizeof p, "%s/ourvoice-Tuesday-group-2025-06-02.json", to);
    j = load(p);
    assert_int_equal(ov_json_get(j, "questions")->n_children, 4);
    assert_int_equal(count_of(question(j, 0), 0), 112);
    assert_string_equal(ov_json_get(question(j, 3), "scale")->string, "three-faces");
    assert_int_equal(count_of(question(j, 1), 1), 8);
    assert_int_equal(count_of(question(j, 3), 1), 4);
    ov_json_free(j);
    /* the easy-read report says some answers are missing */
    snprintf(p, sizeof p, "%s/ourvoice-Tuesday-group-2025-06-02.html", to);
    FILE *f = fopen(p, "r");
    assert_non_null(f);
    static char html[1 << 17];
    html[fread(html, 1, sizeof html - 1, f)] = 0;
    fclose(f);
    assert_non_null(strstr(html, "3 kiosks had too few answers to share them."));
    assert_non_null(strstr(html, "36 people answered this question."));
}

static void test_meetings_apart_or_together(void **state)
{
    (void)state;
    kiosk("a", "Monday", 1, "rag", 1);
    kiosk("b", "Friday", 2, "rag", 1);
    char da[256], db[256], to[256], p[400];
    snprintf(da, sizeof da, "%s/a", root);
    snprintf(db, sizeof db, "%s/b", root);
    snprintf(to, sizeof to, "%s/out", root);
    assert_int_equal(run_merge("--to", to, "--date", "2025-06-01", da, db), 0);
    snprintf(p, sizeof p, "%s/ourvoice-Monday-2025-06-01.csv", to);
    assert_int_equal(access(p, R_OK), 0);
    snprintf(p, sizeof p, "%s/ourvoice-Friday-2025-06-01.csv", to);
    assert_int_equal(access(p, R_OK), 0);
    assert_int_equal(run_merge("--to", to, "--date", "2025-06-01", "--meeting", "Whole week", da, db), 0);
    snprintf(p, sizeof p, "%s/ourvoice-Whole-week-2025-06-01.json", to);
    ov_json *j = load(p);
    assert_int_equal(count_of(question(j, 0), 1), 6);
    /* every source had exact counts turned on: the small question adds up exactly */
    assert_int_equal(ov_json_get(j, "exact_counts")->type, OV_JSON_TRUE);
    assert_int_equal(count_of(question(j, 2), 0), 4);
    ov_json_free(j);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_bad_files_are_reported_not_crashed_on(void **state)
{
    (void)state;
    char dir[256], p[400], err[600];
    snprintf(dir, sizeof dir, "%s/bad", root);
    mkdir(dir, 0755);
    ov_results *r = ov_results_new();
    int exact;
    struct { const char *text, *want; } cases[] = {
        { "{\n  \"format\": \"ourvoice-results\",\n  \"version\": 1,\n}\n", "bad.json:4:1: not valid JSON: a comma before '}'" },
        { "[1, 2]", "bad.json:1: the file must hold one JSON object" },
        { "{\"format\": \"something-else\"}", "not an OurVoice results file" },
        { "{\"format\": \"ourvoice-results\", \"version\": 2}", "another OurVoice version" },
        { "{\"format\":\"ourvoice-results\",\"version\":1,\"meeting\":\"m\",\"small_numbers\":5,\n"
          "\"questions\":[{\"id\":\"q\",\"answers\":[\n{\"id\":\"a\",\"count\":-3}]}]}", "bad.json:3: \"count\" must be a whole number" },
        { "{\"format\":\"ourvoice-results\",\"version\":1,\"meeting\":\"m\",\"small_numbers\":5,\n"
          "\"questions\":[{\"id\":\"q\",\"answers\":[{\"id\":\"a\",\"count\":null}]}]}", "\"count\" must be a whole number from 0" },
        { "{\"format\":\"ourvoice-results\",\"version\":1,\"meeting\":\"m\",\"small_numbers\":5,\n"
          "\"questions\":[{\"id\":\"q\",\"answers\":[{\"id\":\"a\",\"count\":1},{\"id\":\"a\",\"count\":1}]}]}", "appears twice" },
        { "{\"format\":\"ourvoice-results\",\"version\":1,\"small_numbers\":5,\"questions\":[]}", "\"meeting\" is missing" },
        { "", "not valid JSON" },
        { "{\"format\": \"ourvoice-results\", \"mee\xff\": 1}", "not valid UTF-8" },
    };
    snprintf(p, sizeof p, "%s/bad.json", dir);
    for (size_t i = 0; i < OV_ARRAY_LEN(cases); i++) {
        write_file(p, cases[i].text);
        assert_int_not_equal(ov_merge_read_json(p, r, &exact, err, sizeof err), OV_OK);
        if (!strstr(err, cases[i].want)) fail_msg("case %zu: got \"%s\", want \"%s\"", i, err, cases[i].want);
        assert_non_null(strstr(err, p));
    }
    snprintf(p, sizeof p, "%s/missing.json", dir);
    assert_int_equal(ov_merge_read_json(p, r, &exact, err, sizeof err), OV_ENOTFOUND);
    assert_non_null(strstr(err, "missing.json: cannot open"));
    free(r);
    /* the command: bad file -> exit 1, nothing written; --skip-bad merges the rest */
    kiosk("good", "Monday", 1, "rag", 0);
    char good[256], to[256];
    snprintf(good, sizeof good, "%s/good", root);
    snprintf(to, sizeof to, "%s/out-bad", root);
    assert_int_equal(run_merge("--to", to, dir, good), 1);
    assert_int_not_equal(access(to, F_OK), 0);
    assert_int_equal(run_merge("--to", to, "--skip-bad", dir, good, NULL), 1);
    assert_int_equal(access(to, F_OK), 0);
    assert_int_equal(run_merge("--to", to, "/nonexistent/folder"), 1);
    assert_int_equal(run_merge("--bogus"), 2);
    assert_int_equal(run_merge_v(NULL), 2);
    assert_int_equal(run_merge("--help"), 0);
    /* writing into an input folder would count it twice next time: refused */
    assert_int_equal(run_merge("--to", good, good), 2);
}

static void test_json_reader_is_strict(void **state)
{
    (void)state;
    const char *bad_texts[] = {
        "{\"a\":1,}", "[1,]", "{'a':1}", "[01]", "[1.]", "[.5]", "[1e]", "{\"a\" 1}", "[\"\\x\"]",
        "[\"a\nb\"]", "{\"a\":1,\"a\":2}", "[1] x", "// c\n[1]", "[\"\\ud800\"]", "[\"\\u0000\"]", "[tru]", "",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    };
    char err[256];
    for (size_t i = 0; i < OV_ARRAY_LEN(bad_texts); i++) {
        ov_json *j = ov_json_parse(bad_texts[i], strlen(bad_texts[i]), err, sizeof err);
        if (j) fail_msg("accepted bad JSON: %s", bad_texts[i]);
        assert_non_null(strstr(err, "line "));
    }
    const char *good = "\xEF\xBB\xBF{\"s\": \"Caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \xc3\xa9\", \"n\": -12.5e1, \"i\": 42,"
                       " \"b\": [true, false, null], \"e\": {}, \"z\": 0}";
    ov_json *j = ov_json_parse(good, strlen(good), err, sizeof err);
    if (!j) fail_msg("%s", err);
    assert_string_equal(ov_json_get(j, "s")->string, "Café \xF0\x9F\x98\x80 \"q\" é");
    assert_true(ov_json_get(j, "n")->number == -125.0);
    assert_false(ov_json_get(j, "n")->is_integer);
    assert_int_equal(ov_json_get(j, "i")->integer, 42);
    assert_int_equal(ov_json_get(j, "b")->n_children, 3);
    assert_int_equal(ov_json_get(j, "b")->child->next->next->type, OV_JSON_NULL);
    assert_int_equal(ov_json_get(j, "e")->type, OV_JSON_OBJECT);
    assert_null(ov_json_get(j, "missing"));
    ov_json_free(j);
    /* line and column of the problem */
    assert_null(ov_json_parse("{\n\n   \"a\": tru\n}", 15, err, sizeof err));
    assert_non_null(strstr(err, "line 3, column 9"));
}


/* 1 when s holds a byte a terminal would act on (C0, DEL, C1 in UTF-8). */
static int has_control_byte(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)) return 1;
    return 0;
}

/* Control characters in a merged file (names, ids, or the file's own name)
 * are refused and never reach the terminal through a message. */
static void test_control_characters_never_reach_the_terminal(void **state)
{
    (void)state;
    char dir[256], p[400], err[512];
    snprintf(dir, sizeof dir, "%s/ctl", root);
    assert_int_equal(mkdir(dir, 0755), 0);
    ov_results *r = ov_results_new();
    int exact = 0;
    static const char *const texts[] = {
        "{\"format\":\"ourvoice-results\",\"version\":1,\"meeting\":\"\\u001b[2Jhi\",\"small_numbers\":5,\"questions\":[]}",
        "{\"format\":\"ourvoice-results\",\"version\":1,\"meeting\":\"m\",\"small_numbers\":5,"
        "\"questions\":[{\"id\":\"q\\u009b31m\",\"answers\":[]}]}",
        "{\"format\":\"ourvoice-results\",\"version\":1,\"meeting\":\"m\",\"small_numbers\":5,"
        "\"questions\":[{\"id\":\"q\",\"answers\":[{\"id\":\"a\\u0007\",\"count\":1}]}]}",
    };
    snprintf(p, sizeof p, "%s/x\033]0;owned\007.json", dir);    /* a file name with an escape sequence */
    for (size_t i = 0; i < OV_ARRAY_LEN(texts); i++) {
        write_file(p, texts[i]);
        err[0] = '\0';
        assert_int_equal(ov_merge_read_json(p, r, &exact, err, sizeof err), OV_EINVAL);
        if (has_control_byte(err)) fail_msg("case %zu: a control character in the message", i);
        assert_non_null(strstr(err, "control character"));
        assert_non_null(strstr(err, "owned"));   /* the file is still named, made printable */
    }
    char bad[] = "a\033[2Jb\xc2\x9b" "c";
    ov_merge_printable(bad);
    assert_false(has_control_byte(bad));
    assert_string_equal(bad, "a?[2Jb??c");
    free(r);
}

/* More export files than merge ever read before (512), each its own meeting:
 * every file is read and every meeting kept apart, none dropped. */
/* r exported as JSON (threshold 5, exact counts, dated date) into dir/NAME.json. */
static void write_json(const char *dir, const char *name, const ov_results *r, const char *date)
{
    ov_export_opts o = { .threshold = 5, .exact = 1, .date = date };
    ov_buf b = { 0 };
    assert_int_equal(ov_export_json(r, &o, &b), OV_OK);
    char p[400];
    snprintf(p, sizeof p, "%s/%s.json", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fwrite(b.data, 1, b.len, f);
    fclose(f);
    ov_buf_free(&b);
}

static void test_any_number_of_inputs_and_meetings(void **state)
{
    (void)state;
    enum { FILES = 700 };
    char dir[256];
    snprintf(dir, sizeof dir, "%s/many", root);
    assert_int_equal(mkdir(dir, 0700), 0);
    for (int i = 0; i < FILES; i++) {
        ov_results *r = ov_results_new();
        snprintf(r->meeting, sizeof r->meeting, "Meeting %04d", i);
        strcpy(r->language, "en-gb");
        ov_result_question *q = &r->questions[r->n_questions++];
        strcpy(q->id, "assets"); strcpy(q->title, "Your skills"); strcpy(q->scale, "four-stages");
        add_answer(q, "not-yet", "Really haven't got this", 5 + i);
        ov_results_finish_question(q, 5);
        char name[32];
        snprintf(name, sizeof name, "k%04d", i);
        write_json(dir, name, r, "2025-05-03");
        free(r);
    }
    const char *args[] = { dir };
    ov_name_list in = { 0 };
    int n_bad = 0;
    assert_int_equal(ov_merge_inputs(args, 1, root, &in, &n_bad), OV_OK);
    assert_int_equal(in.n, FILES);
    assert_int_equal(n_bad, 0);
    ov_merge m;
    ov_merge_init(&m, NULL);
    ov_results *one = ov_results_new();
    for (int i = 0; i < in.n; i++) {
        char err[600];
        int exact = 0;
        assert_int_equal(ov_merge_read_json(in.names[i], one, &exact, err, sizeof err), OV_OK);
        assert_int_equal(ov_merge_add(&m, one, exact, err, sizeof err), OV_OK);
    }
    assert_int_equal(m.n_sources, FILES);
    assert_int_equal(m.n_meetings, FILES);
    assert_string_equal(m.meetings[FILES - 1]->meeting, "Meeting 0699");
    assert_int_equal(m.meetings[FILES - 1]->questions[0].counts[0], 5 + FILES - 1);
    assert_int_equal(m.n_defs, 1); /* the same question's words, kept once for the 700 meetings */
    free(one);
    ov_merge_free(&m);
    ov_name_list_free(&in);
}

#define KEPT_ONCE_MEETINGS 50 /* meetings of test_words_and_texts_kept_once, in one language */

/* Merged meeting NAME in LANGUAGE: question "assets" with `count` "not-yet". */
static void add_meeting(ov_merge *m, ov_results *src, const char *name, const char *language, long count)
{
    char err[256];
    memset(src, 0, offsetof(ov_results, questions));
    ov_strlcpy(src->meeting, name, sizeof src->meeting);
    ov_strlcpy(src->language, language, sizeof src->language);
    src->n_questions = 1;
    ov_result_question *q = &src->questions[0];
    memset(q, 0, sizeof *q);
    strcpy(q->id, "assets"); strcpy(q->title, "Your skills"); strcpy(q->scale, "four-stages");
    add_answer(q, "not-yet", "Really haven't got this", count);
    q->in_content = 1;
    assert_int_equal(ov_merge_add(m, src, 1, err, sizeof err), OV_OK);
}

/* Issue 15 (memory): a merge keeps a question's words once for every meeting
 * that has them, and the report's texts once, filled again only when the
 * language changes between the meetings written (it held a copy of both in
 * each meeting: 885 MiB for 10,000 meetings). */
static void test_words_and_texts_kept_once(void **state)
{
    (void)state;
    ov_merge m;
    ov_merge_init(&m, NULL);
    ov_results *src = ov_results_new();
    char name[OV_MEETING_LEN];
    for (int i = 0; i < KEPT_ONCE_MEETINGS; i++) {
        snprintf(name, sizeof name, "Group 2025-02-%02d", i % 28 + 1);
        add_meeting(&m, src, name, "en-gb", 1);
        snprintf(name, sizeof name, "Meeting %03d", i);
        add_meeting(&m, src, name, "en-gb", i + 1);
    }
    add_meeting(&m, src, "Cyfarfod", "cy", 7);
    assert_int_equal(m.n_defs, 1);
    assert_int_equal(ov_merge_prepare(&m, NULL, 5), OV_OK);
    int cy = -1;
    for (int i = 0; i < m.n_meetings; i++) {
        if (!strcmp(m.meetings[i]->language, "cy")) {
            cy = i;
            continue;
        }
        const ov_results *r = ov_merge_results(&m, i);
        assert_non_null(r);
        assert_string_equal(r->meeting, m.meetings[i]->meeting);
        assert_int_equal(r->questions[0].answers[0].count, m.meetings[i]->questions[0].counts[0]);
    }
    assert_int_equal(m.n_texts_filled, 1);
    ov_texts *welsh = malloc(sizeof *welsh);
    ov_texts_defaults(welsh, "cy");
    const ov_results *r = ov_merge_results(&m, cy);
    assert_string_equal(r->texts.res_nobody, welsh->res_nobody);
    assert_int_equal(r->questions[0].answers[0].count, 7);
    assert_int_equal(m.n_texts_filled, 2);
    assert_null(ov_merge_results(&m, m.n_meetings));
    free(welsh);
    free(src);
    ov_merge_free(&m);
}

/* One meeting's export file dir/NAME.json: question `id` answered (8 "not-yet")
 * for each id of ids (NULL-ended). */
static void meeting_file(const char *dir, const char *meeting, const char *const *ids)
{
    ov_results *r = ov_results_new();
    ov_strlcpy(r->meeting, meeting, sizeof r->meeting);
    strcpy(r->language, "en-gb");
    for (; *ids; ids++) {
        ov_result_question *q = &r->questions[r->n_questions++];
        strcpy(q->id, *ids); strcpy(q->title, *ids); strcpy(q->scale, "four-stages");
        add_answer(q, "not-yet", "Not yet", 8);
        ov_results_finish_question(q, 5);
    }
    write_json(dir, meeting, r, "2025-06-01");
    free(r);
}

/* The merged report compares a meeting with the same meetings the kiosk's own
 * report would (OV_COMPARE_LOOKBACK back, 12): at the 14th meeting, "cafe"
 * last answered 12 meetings before has its progress; "assets", last answered
 * 13 meetings before, has none, as in each kiosk's export. */
static void test_progress_looks_back_as_far_as_the_kiosk(void **state)
{
    (void)state;
    char in[256], to[256], name[64], p[400];
    snprintf(in, sizeof in, "%s/days", root);
    snprintf(to, sizeof to, "%s/out", root);
    assert_int_equal(mkdir(in, 0700), 0);
    static const char *const assets[] = { "assets", NULL }, *const cafe[] = { "cafe", NULL };
    static const char *const filler[] = { "filler", NULL }, *const both[] = { "assets", "cafe", NULL };
    for (int day = 1; day <= 14; day++) {
        snprintf(name, sizeof name, "Group 2025-01-%02d", day);
        meeting_file(in, name, day == 1 ? assets : day == 2 ? cafe : day == 14 ? both : filler);
    }
    assert_int_equal(run_merge("--to", to, "--date", "2025-06-01", in), 0);
    snprintf(p, sizeof p, "%s/ourvoice-Group-2025-01-14-2025-06-01.json", to);
    ov_json *j = load(p);
    const ov_json *q_assets = question(j, 0), *q_cafe = question(j, 1);
    assert_string_equal(ov_json_get(q_assets, "id")->string, "assets");
    assert_null(ov_json_get(q_assets, "progress"));
    const ov_json *pr = ov_json_get(q_cafe, "progress");
    assert_non_null(pr);
    assert_string_equal(ov_json_get(pr, "earlier_meeting")->string, "Group 2025-01-02");
    ov_json_free(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_adds_up_same_questions_keeps_others_apart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_meetings_apart_or_together, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_files_are_reported_not_crashed_on, setup, teardown),
        cmocka_unit_test(test_json_reader_is_strict),
        cmocka_unit_test_setup_teardown(test_control_characters_never_reach_the_terminal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_any_number_of_inputs_and_meetings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress_looks_back_as_far_as_the_kiosk, setup, teardown),
        cmocka_unit_test(test_words_and_texts_kept_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
