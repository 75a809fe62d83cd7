/* test_content.c — the content folder format: the default rubric loads, the
 * built-in copy matches it, and every kind of mistake a facilitator can make
 * is reported at the right `file:line:` without stopping the check. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/cli.h"
#include "platform/content_load.h"
#include "model/content.h"
#include "model/content_check.h"
#include "model/content_texts.h"
#include "model/easyread.h"
#include "base/utf8.h"
#include "test_tmp.h"

static const char *root(void) { const char *r = getenv("OV_ROOT"); return r && *r ? r : "."; }

static const char *const default_pictures[] = {
    "principle-assets.svg", "principle-valuing-work.svg", "principle-reciprocity.svg",
    "principle-networks.svg", "answer-not-yet.svg", "answer-basics.svg", "answer-getting-there.svg",
    "answer-doing-well.svg", "answer-red.svg", "answer-amber.svg", "answer-green.svg",
    "answer-dont-know.svg", NULL,
};

/* ---- small helpers ---- */

typedef struct {
    char tmp[256];      /* mkdtemp folder */
    char dir[300];      /* the content folder inside it */
    char file[640];     /* dir/content.ini, as the checker names it */
    ov_diags d;
    ov_content c;
} fx;

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (len) *len = (size_t)n;
    return buf;
}

static void rm_rf(const char *path)
{
    DIR *dp = opendir(path);
    if (dp) {
        struct dirent *e;
        while ((e = readdir(dp))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            char sub[1024];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            rm_rf(sub);
        }
        closedir(dp);
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* A real (tiny) picture and recording: the checker decodes what it names. */
#define TINY_SVG "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'><rect width='8' height='8'/></svg>"
/* 16-bit mono PCM at 8000 Hz, 2 samples */
#define TINY_WAV "RIFF\x28\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\x40\x1f\0\0\x80\x3e\0\0\x02\0\x10\0" \
                 "data\x04\0\0\0\0\0\0\0"

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    ov_test_tmp_template(f->tmp, sizeof f->tmp, "ov-content");
    assert_non_null(mkdtemp(f->tmp));
    snprintf(f->dir, sizeof f->dir, "%s/c", f->tmp);
    assert_int_equal(mkdir(f->dir, 0755), 0);
    snprintf(f->file, sizeof f->file, "%s/content.ini", f->dir);
    char p[400];
    snprintf(p, sizeof p, "%s/p.svg", f->dir);
    write_file(p, TINY_SVG, strlen(TINY_SVG));
    snprintf(p, sizeof p, "%s/r.wav", f->dir);
    write_file(p, TINY_WAV, sizeof TINY_WAV - 1);
    ov_diags_init(&f->d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    rm_rf(f->tmp);
    free(f);
    return 0;
}

/* Check `ini` written as the fixture's content.ini. */
static int check(fx *f, const char *ini)
{
    write_file(f->file, ini, strlen(ini));
    ov_diags_init(&f->d);
    return ov_content_check(f->dir, NULL, &f->c, &f->d);
}

static void dump(const ov_diags *d)
{
    for (int i = 0; i < d->n; i++) fprintf(stderr, "  | %s\n", d->items[i].text);
}

/* Is there a problem of this level reported exactly as "file:line: ..." and
 * containing `part`? */
static int has(const ov_diags *d, ov_diag_level level, const char *file, int line, const char *part)
{
    char prefix[512];
    if (line > 0) snprintf(prefix, sizeof prefix, "%s:%d: %s", file, line, level == OV_DIAG_WARNING ? "warning: " : "");
    else snprintf(prefix, sizeof prefix, "%s: %s", file, level == OV_DIAG_WARNING ? "warning: " : "");
    for (int i = 0; i < d->n; i++) {
        const ov_diag *g = &d->items[i];
        if (g->level == level && !strncmp(g->text, prefix, strlen(prefix)) && strstr(g->text, part)) return 1;
    }
    return 0;
}

#define ASSERT_ERROR(f, line, part) do { if (!has(&(f)->d, OV_DIAG_ERROR, (f)->file, line, part)) { \
    dump(&(f)->d); fail_msg("no error at %s:%d containing \"%s\"", (f)->file, line, part); } } while (0)
#define ASSERT_WARNING(f, line, part) do { if (!has(&(f)->d, OV_DIAG_WARNING, (f)->file, line, part)) { \
    dump(&(f)->d); fail_msg("no warning at %s:%d containing \"%s\"", (f)->file, line, part); } } while (0)

/* A small valid file: 17 lines. Tests append to it, so their own lines start at 18. */
#define BASE \
    "[content]\n"               /*  1 */ \
    "language = en-gb\n"        /*  2 */ \
    "[scale s]\n"               /*  3 */ \
    "name = S\n"                /*  4 */ \
    "[answer s a]\n"            /*  5 */ \
    "word = Yes\n"              /*  6 */ \
    "colour = green\n"          /*  7 */ \
    "shape = circle\n"          /*  8 */ \
    "[answer s b]\n"            /*  9 */ \
    "word = No\n"               /* 10 */ \
    "colour = red\n"            /* 11 */ \
    "shape = square\n"          /* 12 */ \
    "[question q]\n"            /* 13 */ \
    "title = A question\n"      /* 14 */ \
    "sentence = Is this good?\n" /* 15 */ \
    "picture = p.svg\n"         /* 16 */ \
    "scale = s\n"               /* 17 */

/* BASE, then a whole [texts] (line 18) in English: `key` first (line 19)
 * with `value`, or left out when value is NULL; every other key with its
 * built-in English text. */
static char with_texts_buf[64 * 1024];
static const char *base_with_texts(const char *key, const char *value)
{
    int n;
    const ov_text_def *d = ov_text_defs(&n);
    size_t used = (size_t)snprintf(with_texts_buf, sizeof with_texts_buf, "%s[texts]\n", BASE);
    if (value)
        used += (size_t)snprintf(with_texts_buf + used, sizeof with_texts_buf - used, "%s = %s\n", key, value);
    for (int i = 0; i < n && used < sizeof with_texts_buf; i++)
        if (strcmp(d[i].key, key))
            used += (size_t)snprintf(with_texts_buf + used, sizeof with_texts_buf - used, "%s = %s\n", d[i].key,
                                     d[i].en);
    assert_true(used < sizeof with_texts_buf);
    return with_texts_buf;
}

/* ---- the default content ---- */

/* Copy assets/content/LANG/content.ini into tmp/content/LANG/ with stand-in
 * pictures in tmp/pictures/, so the test does not need the real drawings. */
static void stage_default(fx *f, const char *lang, char *dir, size_t dirlen)
{
    char path[600];
    snprintf(path, sizeof path, "%s/content", f->tmp); mkdir(path, 0755);
    snprintf(dir, dirlen, "%s/content/%s", f->tmp, lang); mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/pictures", f->tmp); mkdir(path, 0755);
    for (int i = 0; default_pictures[i]; i++) {
        snprintf(path, sizeof path, "%s/pictures/%s", f->tmp, default_pictures[i]);
        write_file(path, TINY_SVG, strlen(TINY_SVG));
    }
    snprintf(path, sizeof path, "%s/assets/content/%s/content.ini", root(), lang);
    size_t len;
    char *text = read_all(path, &len);
    snprintf(path, sizeof path, "%s/content.ini", dir);
    write_file(path, text, len);
    free(text);
}

static void test_default_content_loads(void **state)
{
    fx *f = *state;
    char dir[400];
    stage_default(f, "en", dir, sizeof dir);
    int rc = ov_content_load(dir, &f->c, &f->d);
    if (rc != OV_OK || f->d.n) dump(&f->d);
    assert_int_equal(rc, OV_OK);
    assert_int_equal(f->d.n_errors, 0);
    assert_int_equal(f->d.n_warnings, 0);        /* the default is clean easy read */
    assert_int_equal(f->c.n_questions, 4);
    assert_string_equal(f->c.language, "en-gb");
    const char *ids[] = { "assets", "valuing-work", "reciprocity", "networks" };
    for (int i = 0; i < 4; i++) {
        const ov_question *q = &f->c.questions[i];
        assert_string_equal(q->id, ids[i]);
        assert_true(q->n_sentences >= 1 && q->n_sentences <= 3);
        for (int k = 0; k < q->n_sentences; k++) {
            assert_true(ov_easyread_words(q->sentences[k]) <= 15);
            assert_int_equal(ov_easyread_sentences(q->sentences[k]), 1);
        }
        assert_string_equal(f->c.scales[q->scale].id, "four-stages");
        const ov_answer *a[OV_MAX_ANSWERS];
        int n = ov_question_answers(&f->c, i, a);
        assert_int_equal(n, 5);                  /* 4 stages + I don't know, last */
        assert_string_equal(a[0]->word, "Not yet");
        assert_string_equal(a[3]->word, "Yes, a lot");
        assert_true(a[4]->dont_know);
        assert_int_equal(a[4]->shape, OV_SHAPE_QUESTION);
    }
    /* the red / amber / green scale is there for facilitators to use */
    int rag = -1;
    for (int i = 0; i < f->c.n_scales; i++) if (!strcmp(f->c.scales[i].id, "rag")) rag = i;
    assert_true(rag >= 0);
    assert_int_equal(f->c.scales[rag].n_answers, 4);
    assert_string_equal(f->c.scales[rag].answers[0].colour, "red");
    assert_string_equal(f->c.scales[rag].answers[1].colour, "amber");
    assert_string_equal(f->c.scales[rag].answers[2].colour, "green");
    /* no two answers of a scale look the same */
    for (int s = 0; s < f->c.n_scales; s++)
        for (int i = 0; i < f->c.scales[s].n_answers; i++)
            for (int j = 0; j < i; j++) {
                const ov_answer *x = &f->c.scales[s].answers[i], *y = &f->c.scales[s].answers[j];
                assert_false(!strcmp(x->colour, y->colour) && x->shape == y->shape);
            }
}

static void test_welsh_content_loads(void **state)
{
    fx *f = *state;
    char dir[400];
    stage_default(f, "cy", dir, sizeof dir);
    int rc = ov_content_load(dir, &f->c, &f->d);
    if (rc != OV_OK || f->d.n) dump(&f->d);
    assert_int_equal(rc, OV_OK);
    assert_int_equal(f->d.n_warnings, 0);
    assert_string_equal(f->c.language, "cy");
    assert_int_equal(f->c.n_questions, 4);
    /* same ids as English, so votes in both languages count together */
    ov_content en;
    ov_content_builtin(&en);
    for (int i = 0; i < 4; i++) assert_string_equal(f->c.questions[i].id, en.questions[i].id);
    for (int s = 0; s < en.n_scales; s++) {
        assert_string_equal(f->c.scales[s].id, en.scales[s].id);
        assert_int_equal(f->c.scales[s].n_answers, en.scales[s].n_answers);
        for (int a = 0; a < en.scales[s].n_answers; a++) {
            assert_string_equal(f->c.scales[s].answers[a].id, en.scales[s].answers[a].id);
            assert_string_equal(f->c.scales[s].answers[a].colour, en.scales[s].answers[a].colour);
            assert_int_equal(f->c.scales[s].answers[a].shape, en.scales[s].answers[a].shape);
        }
    }
    assert_string_equal(f->c.texts.progress, "Cwestiwn %d o %d");
}

static void test_builtin_equals_assets(void **state)
{
    fx *f = *state;
    char dir[400];
    stage_default(f, "en", dir, sizeof dir);
    assert_int_equal(ov_content_load(dir, &f->c, &f->d), OV_OK);
    ov_content *b = calloc(1, sizeof *b);
    assert_non_null(b);
    ov_content_builtin(b);
    const ov_content *l = &f->c;
    assert_string_equal(b->dir, "");
    assert_string_equal(l->dir, dir);
    assert_string_equal(b->language, l->language);
    const ov_texts *bt = &b->texts, *lt = &l->texts;
    assert_string_equal(bt->welcome_title, lt->welcome_title);
    assert_string_equal(bt->welcome, lt->welcome);
    assert_string_equal(bt->confirm, lt->confirm);
    assert_string_equal(bt->thats_right, lt->thats_right);
    assert_string_equal(bt->go_back, lt->go_back);
    assert_string_equal(bt->thanks_title, lt->thanks_title);
    assert_string_equal(bt->thanks, lt->thanks);
    assert_string_equal(bt->hear_again, lt->hear_again);
    assert_string_equal(bt->progress, lt->progress);
    assert_string_equal(bt->not_saved, lt->not_saved);
    assert_int_equal(b->n_scales, l->n_scales);
    for (int s = 0; s < b->n_scales; s++) {
        const ov_scale *x = &b->scales[s], *y = &l->scales[s];
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->name, y->name);
        assert_int_equal(x->n_answers, y->n_answers);
        for (int a = 0; a < x->n_answers; a++) {
            const ov_answer *p = &x->answers[a], *q = &y->answers[a];
            assert_string_equal(p->id, q->id);
            assert_string_equal(p->word, q->word);
            assert_string_equal(p->say, q->say);
            assert_string_equal(p->colour, q->colour);
            assert_int_equal(p->shape, q->shape);
            assert_string_equal(p->picture, q->picture);
            assert_string_equal(p->recording, q->recording);
            assert_int_equal(p->dont_know, q->dont_know);
        }
    }
    assert_int_equal(b->n_questions, l->n_questions);
    for (int i = 0; i < b->n_questions; i++) {
        const ov_question *p = &b->questions[i], *q = &l->questions[i];
        assert_string_equal(p->id, q->id);
        assert_string_equal(p->title, q->title);
        assert_int_equal(p->n_sentences, q->n_sentences);
        for (int k = 0; k < p->n_sentences; k++) assert_string_equal(p->sentences[k], q->sentences[k]);
        assert_string_equal(p->picture, q->picture);
        assert_string_equal(p->recording, q->recording);
        assert_int_equal(p->scale, q->scale);
        assert_int_equal(p->allow_dont_know, q->allow_dont_know);
    }
    free(b);
}

/* The real assets folder, once every picture has been drawn. */
static void test_real_assets_check_clean(void **state)
{
    fx *f = *state;
    char path[600];
    for (int i = 0; default_pictures[i]; i++) {
        snprintf(path, sizeof path, "%s/assets/pictures/%s", root(), default_pictures[i]);
        if (access(path, R_OK) != 0) { fprintf(stderr, "  (skipped: %s not drawn yet)\n", path); skip(); }
    }
    const char *langs[] = { "en", "cy" };
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/assets/content/%s", root(), langs[i]);
        ov_diags_init(&f->d);
        int rc = ov_content_load(path, &f->c, &f->d);
        if (f->d.n) dump(&f->d);
        assert_int_equal(rc, OV_OK);
        assert_int_equal(f->d.n, 0);
    }
}

static void test_builtin_paths_and_answers(void **state)
{
    (void)state;
    ov_content c;
    ov_content_builtin(&c);
    char out[OV_PATH_MAX];
    assert_int_equal(ov_content_path(&c, c.questions[0].picture, out, sizeof out), OV_OK);
    assert_string_equal(out, "assets/content/en/../../pictures/principle-assets.svg");
    ov_strlcpy(c.dir, "/media/stick/content", sizeof c.dir);
    assert_int_equal(ov_content_path(&c, "pictures/a.svg", out, sizeof out), OV_OK);
    assert_string_equal(out, "/media/stick/content/pictures/a.svg");
    char small[10];
    assert_int_equal(ov_content_path(&c, "pictures/a.svg", small, sizeof small), OV_EINVAL);
    assert_int_equal(ov_content_path(&c, "", out, sizeof out), OV_EINVAL);

    const ov_answer *a[OV_MAX_ANSWERS];
    c.questions[1].allow_dont_know = 0;
    assert_int_equal(ov_question_answers(&c, 1, a), 4);
    for (int i = 0; i < 4; i++) assert_false(a[i]->dont_know);
    assert_int_equal(ov_question_answers(&c, 99, a), 0);
    assert_int_equal(ov_question_answers(&c, -1, a), 0);

    for (int s = OV_SHAPE_FACE_SAD; s <= OV_SHAPE_QUESTION; s++)
        assert_int_equal(ov_shape_parse(ov_shape_name((ov_shape)s)), s);
    assert_int_equal(ov_shape_parse("hexagon"), OV_SHAPE_NONE);
    assert_int_equal(ov_shape_parse(NULL), OV_SHAPE_NONE);
}

/* ---- a good fixture with its own pictures ---- */

static void test_good_fixture(void **state)
{
    fx *f = *state;
    char dir[600];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/content/good", root());
    int rc = ov_content_load(dir, &f->c, &f->d);
    if (f->d.n) dump(&f->d);
    assert_int_equal(rc, OV_OK);
    assert_int_equal(f->d.n, 0);
    assert_int_equal(f->c.n_questions, 2);
    assert_int_equal(f->c.n_scales, 2);
    assert_string_equal(f->c.texts.welcome_title, "Have your say");
    assert_string_equal(f->c.scales[0].answers[0].recording, "recordings/yes.wav");
    assert_string_equal(f->c.scales[1].answers[0].say, "Low");   /* say defaults to the word */
    assert_string_equal(f->c.scales[1].answers[2].picture, "");
    const ov_answer *a[OV_MAX_ANSWERS];
    assert_int_equal(ov_question_answers(&f->c, 0, a), 3);
    assert_string_equal(a[2]->id, "unsure");
    assert_int_equal(ov_question_answers(&f->c, 1, a), 3);       /* scale has no dont-know */
    assert_false(f->c.questions[1].allow_dont_know);
    assert_int_equal(f->c.questions[0].n_sentences, 2);
}

/* ---- one test per error kind ---- */

static void test_missing_content_ini(void **state)
{
    fx *f = *state;
    ov_content before;
    memset(&before, 0x5A, sizeof before);
    f->c = before;
    int rc = ov_content_load(f->dir, &f->c, &f->d);
    assert_int_equal(rc, OV_ENOTFOUND);
    assert_int_equal(f->d.n_errors, 1);
    ASSERT_ERROR(f, 0, "not found");
    assert_non_null(strstr(f->d.items[0].text, "copy assets/content/en/content.ini"));
    assert_memory_equal(&f->c, &before, sizeof before);
}

static void test_error_leaves_out_untouched(void **state)
{
    fx *f = *state;
    write_file(f->file, BASE "[nonsense]\n", strlen(BASE "[nonsense]\n"));
    ov_content before;
    memset(&before, 0x5A, sizeof before);
    f->c = before;
    assert_int_equal(ov_content_load(f->dir, &f->c, &f->d), OV_EINVAL);
    assert_memory_equal(&f->c, &before, sizeof before);
    /* and the same file fixed loads */
    assert_int_equal(check(f, BASE), OV_OK);
    assert_int_equal(f->c.n_questions, 1);
    assert_string_equal(f->c.dir, f->dir);
    ASSERT_WARNING(f, 0, "no [texts] section");
}

static void test_unknown_section(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[questoin q2]\ntitle = X\n"), OV_EINVAL);
    ASSERT_ERROR(f, 18, "unknown section [questoin q2]");
    assert_int_equal(f->d.n_errors, 1);      /* its keys are not reported again */
}

static void test_section_needs_ids(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[question]\n[answer s]\n[scale bad!id]\n"), OV_EINVAL);
    ASSERT_ERROR(f, 18, "needs 1 id");
    ASSERT_ERROR(f, 19, "needs 2 ids");
    ASSERT_ERROR(f, 20, "'bad!id' is not a good id");
}

static void test_unknown_key(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "colour = red\n"), OV_EINVAL);
    ASSERT_ERROR(f, 18, "unknown key 'colour' in [question q]");
}

static void test_key_outside_section_and_bad_line(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, "title = Lost\n" BASE "this line has no equals sign\n= value\n[question x\n"),
                     OV_EINVAL);
    ASSERT_ERROR(f, 1, "'title' is outside any section");
    ASSERT_ERROR(f, 19, "not 'key = value'");
    ASSERT_ERROR(f, 20, "key name is missing");
    ASSERT_ERROR(f, 21, "no closing ']'");
}

static void test_missing_picture(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[question q2]\ntitle = T\nsentence = Hello there.\npicture = pics/nope.svg\nscale = s\n"),
                     OV_EINVAL);
    ASSERT_ERROR(f, 21, "picture file not found");
    char expect[600];
    snprintf(expect, sizeof expect, "%s/pics/nope.svg", f->dir);
    ASSERT_ERROR(f, 21, expect);
}

static void test_bad_picture_paths(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[answer s c]\nword = Maybe\ncolour = blue\nshape = star\npicture = /etc/passwd.svg\n"
                              "[answer s d]\nword = Hm\ncolour = grey\nshape = triangle\npicture = p.gif\n"), OV_EINVAL);
    ASSERT_ERROR(f, 22, "absolute path");
    ASSERT_ERROR(f, 27, "must be an .svg, .png or .jpg");
}

static void test_missing_recording(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "recording = nope.wav\n"), OV_EINVAL);
    ASSERT_ERROR(f, 18, "recording file not found");
    assert_int_equal(check(f, BASE "recording = r.mp3\n"), OV_EINVAL);
    ASSERT_ERROR(f, 18, "must be a .wav file");
    assert_int_equal(check(f, BASE "recording = r.wav\n"), OV_OK);
    assert_string_equal(f->c.questions[0].recording, "r.wav");
}

static void test_question_unknown_scale(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[question q2]\ntitle = T\nsentence = Hello there.\npicture = p.svg\nscale = nope\n"),
                     OV_EINVAL);
    ASSERT_ERROR(f, 22, "question has no answers: there is no scale 'nope' (scales here: s)");
}

static void test_question_empty_scale(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[scale empty]\nname = Empty\n"
                              "[question q2]\ntitle = T\nsentence = Hello there.\npicture = p.svg\nscale = empty\n"),
                     OV_EINVAL);
    ASSERT_ERROR(f, 18, "scale 'empty' has 0 answers");
    ASSERT_ERROR(f, 24, "question has no answers: scale 'empty' has no [answer empty ...]");
}

static void test_scale_too_few_answers(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[scale one]\nname = One\n[answer one x]\nword = X\ncolour = red\nshape = star\n"
                              "[answer one dk]\nword = Not sure\ncolour = grey\nshape = question\ndont-know = yes\n"),
                     OV_EINVAL);
    ASSERT_ERROR(f, 18, "scale 'one' has 1 answer; it needs at least 2");
}

static void test_scale_too_many_answers(void **state)
{
    fx *f = *state;
    char ini[4096];
    int n = snprintf(ini, sizeof ini, "%s", BASE);
    const char *colours[] = { "red", "amber", "green", "blue", "grey" };
    for (int i = 0; i < 5; i++)   /* 2 + 5 = 7 answers: the 7th (line 18 + 4*4) is one too many */
        n += snprintf(ini + n, sizeof ini - (size_t)n, "[answer s extra%d]\nword = W\ncolour = %s\nshape = star\n",
                      i, colours[i]);
    assert_int_equal(check(f, ini), OV_EINVAL);
    ASSERT_ERROR(f, 34, "scale 's' has more than 6 answers");
    assert_int_equal(f->d.n_errors, 1);
}

static void test_duplicate_ids(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE
        "[question q]\ntitle = T\nsentence = Again.\npicture = p.svg\nscale = s\n"   /* 18-22 */
        "[scale s]\nname = Again\n"                                                  /* 23-24 */
        "[answer s a]\nword = Again\ncolour = blue\nshape = star\n"                  /* 25-28 */
        "[question q3]\ntitle = T\ntitle = T2\nsentence = Fine.\npicture = p.svg\nscale = s\n"), /* 29-34 */
        OV_EINVAL);
    ASSERT_ERROR(f, 18, "question 'q' is given twice (first on line 13)");
    ASSERT_ERROR(f, 23, "scale 's' is given twice (first on line 3)");
    ASSERT_ERROR(f, 25, "answer 'a' is given twice in scale 's' (first on line 5)");
    ASSERT_ERROR(f, 31, "'title' is given twice in [question q3] (first on line 30)");
}

static void test_duplicate_dont_know(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[answer s dk1]\nword = Unsure\ncolour = grey\nshape = question\ndont-know = yes\n"
                              "[answer s dk2]\nword = Pass\ncolour = blue\nshape = star\ndont-know = yes\n"
                              "[question q4]\ntitle = T\nsentence = Fine.\npicture = p.svg\nscale = s\n"
                              "dont-know = maybe\n"), OV_EINVAL);
    ASSERT_ERROR(f, 27, "already has an \"I don't know\" answer ('dk1', line 18)");
    ASSERT_ERROR(f, 33, "dont-know = maybe: write yes or no");
}

static void test_invalid_utf8(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "sentence = caf\xC3( au lait.\n" "sentence = \xED\xA0\x80 surrogate.\n"
                              "sentence = ok \xC0\xAF overlong.\n"), OV_EINVAL);
    ASSERT_ERROR(f, 18, "not valid UTF-8");
    ASSERT_ERROR(f, 19, "not valid UTF-8");
    ASSERT_ERROR(f, 20, "not valid UTF-8");
    /* real UTF-8 is fine, including a BOM at the start */
    assert_int_equal(check(f, "\xEF\xBB\xBF" BASE "sentence = Café in Llanelli, wedi’r cyfan.\n"), OV_OK);
    assert_string_equal(f->c.questions[0].sentences[1], "Café in Llanelli, wedi’r cyfan.");
}

static void test_control_characters(void **state)
{
    fx *f = *state;
    static const char ini[] = BASE "sentence = bell\a here.\n" "sentence = zero\0byte.\n";
    write_file(f->file, ini, sizeof ini - 1);
    ov_diags_init(&f->d);
    assert_int_equal(ov_content_check(f->dir, NULL, &f->c, &f->d), OV_EINVAL);
    ASSERT_ERROR(f, 18, "control character");
    ASSERT_ERROR(f, 19, "control character");
}

static void test_missing_required_keys(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[scale t]\n[answer t x]\nsay = Hello.\n[answer t y]\nword = Y\n"
                              "[question q2]\npicture = p.svg\n"), OV_EINVAL);
    ASSERT_ERROR(f, 18, "[scale t] has no 'name'");
    ASSERT_ERROR(f, 19, "[answer t x] has no 'word'");
    ASSERT_ERROR(f, 19, "[answer t x] has no 'colour'");
    ASSERT_ERROR(f, 19, "[answer t x] has no 'shape'");
    ASSERT_ERROR(f, 23, "[question q2] has no 'title'");
    ASSERT_ERROR(f, 23, "[question q2] has no 'sentence'");
    ASSERT_ERROR(f, 23, "[question q2] has no 'scale'");
}

static void test_empty_values(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[question q2]\ntitle =\nsentence = Fine.\npicture = p.svg\nscale = s\n"), OV_EINVAL);
    ASSERT_ERROR(f, 19, "title is empty");
}

static void test_unknown_colour_and_shape(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[answer s c]\nword = Maybe\ncolour = purple\nshape = hexagon\n"), OV_EINVAL);
    ASSERT_ERROR(f, 20, "unknown colour 'purple'");
    ASSERT_ERROR(f, 21, "unknown shape 'hexagon'");
}

static void test_too_many_sentences(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "sentence = Two.\nsentence = Three.\nsentence = Four.\n"), OV_EINVAL);
    ASSERT_ERROR(f, 20, "more than 3 sentences");
    assert_int_equal(f->d.n_errors, 1);
}

static void test_text_too_long(void **state)
{
    fx *f = *state;
    char ini[2048], long_title[120], huge[260];
    memset(long_title, 'a', 100); long_title[100] = '\0';
    for (int i = 0; i < 250; i++) huge[i] = (i % 6 == 5) ? ' ' : 'b';
    huge[250] = '\0';
    snprintf(ini, sizeof ini, BASE "[question q2]\ntitle = %s\nsentence = %s\npicture = p.svg\nscale = s\n"
             "[answer s c]\nword = This answer word is far too long for any button at all, on any screen size\ncolour = blue\nshape = star\n",
             long_title, huge);
    assert_int_equal(check(f, ini), OV_EINVAL);
    ASSERT_ERROR(f, 19, "title is too long to store (100 bytes, at most 95)");
    ASSERT_ERROR(f, 20, "this line is too long");
    ASSERT_ERROR(f, 24, "word is too long to store");
}

static void test_progress_format(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, base_with_texts("progress", "%s of %d")), OV_EINVAL);
    ASSERT_ERROR(f, 19, "progress must hold %d twice");
    assert_int_equal(check(f, base_with_texts("progress", "%d%% done of %d")), OV_OK);
    assert_string_equal(f->c.texts.progress, "%d%% done of %d");
}

static int count_level_code(const ov_diags *d, ov_diag_level level, ov_diag_code code)
{
    int n = 0;
    for (int i = 0; i < d->n; i++)
        n += d->items[i].level == level && d->items[i].code == code;
    return n;
}

/* Issue 13: every text comes from the content's language, so a [texts]
 * without one of its keys is refused (it was a warning, the built-in text
 * then shown in its place), whichever block the key is in. */
static void test_texts_key_missing_is_an_error(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, base_with_texts("welcome", NULL)), OV_EINVAL);
    ASSERT_ERROR(f, 18, "[texts] has no 'welcome'");
    assert_int_equal(count_level_code(&f->d, OV_DIAG_ERROR, OV_DIAG_TEXTS_KEY_MISSING), 1);
    assert_int_equal(check(f, base_with_texts("rep_title", NULL)), OV_EINVAL); /* the words block */
    ASSERT_ERROR(f, 18, "[texts] has no 'rep_title'");
    assert_int_equal(count_level_code(&f->d, OV_DIAG_ERROR, OV_DIAG_TEXTS_KEY_MISSING), 1);
    assert_int_equal(check(f, base_with_texts("welcome", "Hello.")), OV_OK); /* all there */
    assert_int_equal(count_level_code(&f->d, OV_DIAG_WARNING, OV_DIAG_TEXTS_KEY_MISSING), 0);
}

/* Issue 13 point 5: `practice = yes` makes the first question the practice
 * question (never counted); a second one, one that is not the first, one
 * with no real question after it and a value that is not yes or no are
 * errors, each with its own code, on the line of its practice = ... */
/* A second question: 5 lines (19-23 after a practice line, 18-22 straight after BASE). */
#define Q2 "[question q2]\n" "title = Two\n" "sentence = Is it good?\n" "picture = p.svg\n" "scale = s\n"
static void test_practice_question(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "practice = yes\n" Q2), OV_OK);
    assert_int_equal(ov_content_practice(&f->c), 0);
    assert_true(f->c.questions[0].practice);
    assert_false(ov_question_counted(&f->c, 0));
    assert_true(ov_question_counted(&f->c, 1));
    assert_false(ov_question_counted(&f->c, 2)); /* not a question */
    assert_int_equal(check(f, BASE Q2), OV_OK);  /* none: every question counts */
    assert_int_equal(ov_content_practice(&f->c), -1);
    assert_true(ov_question_counted(&f->c, 0));

    assert_int_equal(check(f, BASE "practice = yes\n" Q2 "practice = yes\n"), OV_EINVAL);
    ASSERT_ERROR(f, 24, "question 'q2' is a practice question too, but only 1 question can be");
    assert_int_equal(count_level_code(&f->d, OV_DIAG_ERROR, OV_DIAG_PRACTICE_TWICE), 1);
    assert_int_equal(f->d.n_errors, 1);

    assert_int_equal(check(f, BASE Q2 "practice = yes\n"), OV_EINVAL);
    ASSERT_ERROR(f, 23, "the practice question 'q2' must be the first question");
    assert_int_equal(count_level_code(&f->d, OV_DIAG_ERROR, OV_DIAG_PRACTICE_NOT_FIRST), 1);
    assert_int_equal(f->d.n_errors, 1);

    assert_int_equal(check(f, BASE "practice = yes\n"), OV_EINVAL);
    ASSERT_ERROR(f, 18, "'q' is a practice question and there is no other question");
    assert_int_equal(count_level_code(&f->d, OV_DIAG_ERROR, OV_DIAG_PRACTICE_ALONE), 1);

    assert_int_equal(check(f, BASE "practice = maybe\n" Q2), OV_EINVAL);
    ASSERT_ERROR(f, 18, "practice = maybe: write yes or no");
    assert_int_equal(count_level_code(&f->d, OV_DIAG_ERROR, OV_DIAG_NOT_YES_NO), 1);
    assert_int_equal(check(f, BASE "practice = no\n" Q2), OV_OK);
    assert_int_equal(ov_content_practice(&f->c), -1);
}

static void test_bad_language_and_no_questions(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, "[content]\nlanguage = en gb!\n[texts]\nthanks = Ta.\n"), OV_EINVAL);
    ASSERT_ERROR(f, 2, "not a language code");
    ASSERT_ERROR(f, 0, "there are no questions");
}

static void test_every_problem_in_one_run(void **state)
{
    fx *f = *state;
    char dir[600];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/content/bad", root());
    snprintf(f->file, sizeof f->file, "%s/content.ini", dir);
    assert_int_equal(ov_content_check(dir, NULL, &f->c, &f->d), OV_EINVAL);
    ASSERT_ERROR(f, 10, "unknown colour 'purple'");
    ASSERT_ERROR(f, 16, "unknown shape 'blob'");
    ASSERT_ERROR(f, 21, "picture file not found");
    ASSERT_ERROR(f, 23, "unknown key 'size'");
    assert_int_equal(f->d.n_errors, 4);
    /* reported in line order */
    int last = -1;
    for (int i = 0; i < f->d.n; i++) {
        const char *t = f->d.items[i].text + strlen(f->file);
        int line = *t == ':' ? atoi(t + 1) : 0;
        assert_true(line >= last);
        last = line;
    }
}

/* ---- easy-read warnings ---- */

static void test_easyread_warnings(void **state)
{
    fx *f = *state;
    int rc = check(f, BASE
        "sentence = We will ask you a few questions about how the group works and how you feel today.\n" /* 18 */
        "sentence = The responsibilities changed.\n"                                                     /* 19 */
        "[question q2]\n"                                                                                 /* 20 */
        "title = Your NHS\n"                                                                              /* 21 */
        "sentence = We meet three times a week.\n"                                                        /* 22 */
        "sentence = We meet. We talk.\n"                                                                  /* 23 */
        "picture = p.svg\n"                                                                               /* 24 */
        "scale = s\n");                                                                                   /* 25 */
    if (rc != OV_OK) dump(&f->d);
    assert_int_equal(rc, OV_OK);                 /* warnings never block content */
    assert_int_equal(f->d.n_errors, 0);
    ASSERT_WARNING(f, 18, "sentence of 17 words; easy read uses at most 15");
    ASSERT_WARNING(f, 19, "'responsibilities' is a long word (16 letters");
    ASSERT_WARNING(f, 21, "'NHS' looks like an acronym");
    ASSERT_WARNING(f, 22, "'three' is a number written as a word; write it as digits (3)");
    ASSERT_WARNING(f, 23, "holds 2 sentences");
    assert_int_equal(f->c.n_questions, 2);
}

static void test_no_picture_is_a_warning(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[question q2]\ntitle = T\nsentence = Fine.\nscale = s\n"), OV_OK);
    ASSERT_WARNING(f, 18, "has no picture");
}

static void test_same_look_is_a_warning(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, BASE "[answer s c]\nword = Maybe\ncolour = green\nshape = circle\n"), OV_OK);
    ASSERT_WARNING(f, 18, "answers 'a' and 'c' have the same colour and shape");
}

/* Without a fit callback the conservative limits apply. */
static void test_fit_limits(void **state)
{
    fx *f = *state;
    assert_true(ov_fit_limit(OV_FIT_TITLE) > 0);
    assert_int_equal(ov_fit_limit(999), 0);
    assert_int_equal(check(f, BASE "[question q2]\ntitle = A title that is rather too long to fit\n"
                              "sentence = Fine.\npicture = p.svg\nscale = s\n"), OV_OK);
    ASSERT_WARNING(f, 19, "title has 38 characters; about 32 fit its box");
    /* characters, not bytes: 30 Welsh letters with accents fit */
    assert_int_equal(check(f, BASE "[question q2]\ntitle = ŵŵŵŵŵŵŵŵŵŵ ŷŷŷŷŷŷŷŷŷ âââââââââ\n"
                              "sentence = Fine.\npicture = p.svg\nscale = s\n"), OV_OK);
    assert_int_equal(f->d.n_warnings, 1);        /* only "no [texts]" */
}

typedef struct { int calls[8]; int answer; } fit_probe;

static int probe_fit(void *ctx, int kind, const char *text)
{
    fit_probe *p = ctx;
    if (kind > 0 && kind < 8) p->calls[kind]++;
    char most[16];
    snprintf(most, sizeof most, "%d", OV_MAX_QUESTIONS);
    if (kind == OV_FIT_PROGRESS) assert_non_null(strstr(text, most)); /* the widest numbers filled in */
    return p->answer;
}

static void test_fit_callback(void **state)
{
    fx *f = *state;
    char dir[600];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/content/good", root());
    snprintf(f->file, sizeof f->file, "%s/content.ini", dir);
    fit_probe p = { {0}, 0 };
    ov_check_opts o = { .fit = probe_fit, .fit_ctx = &p };
    assert_int_equal(ov_content_check(dir, &o, &f->c, &f->d), OV_OK);
    assert_int_equal(p.calls[OV_FIT_TITLE], 5);  /* 2 questions + welcome_title + thanks_title + sound_title */
    assert_int_equal(p.calls[OV_FIT_ANSWER_WORD], 6);
    assert_int_equal(p.calls[OV_FIT_BUTTON], 12); /* + start, try_again, sound, its 4 steps, screen off/on */
    assert_int_equal(p.calls[OV_FIT_PROGRESS], 1);
    ASSERT_WARNING(f, 461, "title may not fit its box");
    assert_true(f->d.n_warnings >= 10);
    /* the renderer says everything fits: no warnings, even past the fallback limits */
    p.answer = 1;
    ov_diags_init(&f->d);
    assert_int_equal(ov_content_check(dir, &o, &f->c, &f->d), OV_OK);
    assert_int_equal(f->d.n_warnings, 0);
    /* "cannot tell" falls back to the limits */
    p.answer = -1;
    ov_diags_init(&f->d);
    memset(p.calls, 0, sizeof p.calls);
    assert_int_equal(ov_content_check(dir, &o, &f->c, &f->d), OV_OK);
    assert_true(p.calls[OV_FIT_TITLE] > 0);
    assert_int_equal(f->d.n_warnings, 0);
}

/* "No one", "this one" and Welsh "yn deg" (fairly) are not numbers; "one
 * person" and "deg" alone are; every long word in a line is named. */
static int count_code(const ov_diags *d, ov_diag_code code)
{
    int n = 0;
    for (int i = 0; i < d->n; i++)
        n += d->items[i].code == code;
    return n;
}

static void test_easyread_no_false_numbers(void **state)
{
    (void)state;
    static ov_diags d;
    ov_diags_init(&d);
    ov_easyread_check("No one can see this one.", "en-gb", 0, "f", 1, "sentence", &d);
    ov_easyread_check("Mae hynny yn deg.", "cy", 0, "f", 2, "sentence", &d);
    assert_int_equal(count_code(&d, OV_DIAG_NUMBER_WORD), 0);
    ov_easyread_check("Only one person came.", "en-gb", 0, "f", 3, "sentence", &d);
    ov_easyread_check("Mae deg ci yma.", "cy", 0, "f", 4, "sentence", &d);
    assert_int_equal(count_code(&d, OV_DIAG_NUMBER_WORD), 2);
    ov_diags_init(&d);
    ov_easyread_check("Responsibilities and accountabilities matter.", "en-gb", 0, "f", 5, "sentence", &d);
    assert_int_equal(count_code(&d, OV_DIAG_LONG_WORD), 2);
}

/* " ;" starts a comment: the words after it are never left out silently. */
static void test_comment_cutting_a_sentence_is_reported(void **state)
{
    fx *f = *state;
    assert_int_equal(check(f, base_with_texts("thanks", "Thank you ; see you soon.")), OV_OK);
    ASSERT_WARNING(f, 19, "' ;' starts a comment, so 'see you soon.' is left out of the text");
    assert_string_equal(f->c.texts.thanks, "Thank you");
}

/* A language the kiosk has no built-in texts for must give every text. */
static void test_texts_missing_in_other_language(void **state)
{
    fx *f = *state;
    const char *ini = "[content]\nlanguage = fr\n[scale s]\nname = S\n[answer s a]\nword = Oui\ncolour = green\n"
                      "shape = circle\n[answer s b]\nword = Non\ncolour = red\nshape = square\n[question q]\n"
                      "title = Une question\nsentence = Est-ce bon?\npicture = p.svg\nscale = s\n"
                      "[texts]\nthanks = Merci.\n"; /* [texts] on line 18 */
    assert_int_equal(check(f, ini), OV_EINVAL);
    ASSERT_ERROR(f, 18, "[texts] has no 'welcome', and the kiosk has no built-in text in 'fr'");
}

static void test_easyread_counts(void **state)
{
    (void)state;
    assert_int_equal(ov_easyread_words("We all learn from each other."), 6);
    assert_int_equal(ov_easyread_words("  Go - back  "), 2);
    assert_int_equal(ov_easyread_words(""), 0);
    assert_int_equal(ov_easyread_sentences("One idea. Another idea! A third?"), 3);
    assert_int_equal(ov_easyread_sentences("Costs 2.50 today"), 1);
    assert_int_equal(ov_easyread_sentences("You chose:"), 1);
    ov_diags d;
    ov_diags_init(&d);
    ov_easyread_check("Mae gan bawb dri pheth a pedwar ci.", "cy", 0, "f", 1, "sentence", &d);
    assert_int_equal(d.n_warnings, 1);
    assert_non_null(strstr(d.items[0].text, "'pedwar'"));
    ov_diags_init(&d);
    ov_easyread_check("Someone won one prize; no-one cared.", "en-gb", 0, "f", 2, "sentence", &d);
    assert_int_equal(d.n_warnings, 1);           /* only the word "one" itself */
    ov_diags_init(&d);
    ov_easyread_check("I am OK with the TV.", "fr", 0, "f", 3, "sentence", &d);
    assert_int_equal(d.n_warnings, 1);           /* one acronym warning per text is enough */
}

/* ---- UTF-8 ---- */

static void test_utf8(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(ov_utf8_valid("plain", 5, &bad));
    assert_true(ov_utf8_valid("ŵ€😀", strlen("ŵ€😀"), NULL));
    assert_false(ov_utf8_valid("ab\xC3", 3, &bad)); assert_int_equal(bad, 2);        /* cut short */
    assert_false(ov_utf8_valid("\xC0\xAF", 2, &bad)); assert_int_equal(bad, 0);      /* overlong */
    assert_false(ov_utf8_valid("x\xE0\x80\xAF", 4, &bad)); assert_int_equal(bad, 1); /* overlong */
    assert_false(ov_utf8_valid("\xED\xA0\x80", 3, &bad));                            /* surrogate */
    assert_false(ov_utf8_valid("\xF4\x90\x80\x80", 4, &bad));                        /* > U+10FFFF */
    assert_false(ov_utf8_valid("\xF5\x80\x80\x80", 4, &bad));
    assert_false(ov_utf8_valid("\x80", 1, &bad));
    assert_int_equal(ov_utf8_count("Café"), 4);
    assert_int_equal(ov_utf8_count("\xFF\xFE"), 2);
    assert_int_equal(ov_utf8_offset("Café au lait", 4), 5);
    assert_int_equal(ov_utf8_offset("ab", 10), 2);
    const char *s = "€", *p = s;
    assert_int_equal(ov_utf8_decode(&p, s + strlen(s)), 0x20AC);
    assert_ptr_equal(p, s + 3);
    p = s;
    assert_int_equal(ov_utf8_decode(&p, s + 2), -1);   /* not enough bytes */
    assert_ptr_equal(p, s + 1);
}

/* ---- garbage never crashes ---- */

static void test_garbage_fixture(void **state)
{
    fx *f = *state;
    char dir[600];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/content/garbage", root());
    snprintf(f->file, sizeof f->file, "%s/content.ini", dir);
    assert_int_equal(ov_content_check(dir, NULL, &f->c, &f->d), OV_EINVAL);
    ASSERT_ERROR(f, 1, "not valid UTF-8");
    assert_true(f->d.n <= OV_MAX_DIAGS);
    for (int i = 0; i < f->d.n; i++) assert_true(strlen(f->d.items[i].text) < OV_DIAG_LEN);
}

static void test_random_input(void **state)
{
    fx *f = *state;
    static const char alphabet[] = "[]=:; #\n\tqa-_%\xC3\xA9\xFF\x00\r";
    static const char *const words[] = { "[question ", "[answer s ", "[scale ", "[texts]\n", "[content]\n",
        "title = ", "sentence = ", "scale = ", "word = ", "colour = red\n", "shape = star\n", "dont-know = yes\n",
        "picture = p.svg\n", "progress = %d %d %n\n", "\n", "]\n", "s", "q" };
    unsigned seed = 12345;
    char buf[8192];
    for (int round = 0; round < 300; round++) {
        size_t n = 0, len = 200 + (size_t)(round * 25);
        while (n < len && n < sizeof buf - 32) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) & 0x7FFF;
            if (r % 3 == 0) {
                const char *w = words[r % OV_ARRAY_LEN(words)];
                memcpy(buf + n, w, strlen(w)); n += strlen(w);
            } else if (r % 3 == 1) {
                buf[n++] = alphabet[r % (sizeof alphabet - 1)];
            } else {
                buf[n++] = (char)(r & 0xFF);
            }
        }
        write_file(f->file, buf, n);
        ov_diags_init(&f->d);
        int rc = ov_content_check(f->dir, NULL, &f->c, &f->d);
        assert_true(rc == OV_OK || rc == OV_EINVAL);
        if (rc == OV_EINVAL) assert_true(f->d.n_errors > 0);
    }
    /* an empty file and a huge one */
    assert_int_equal(check(f, ""), OV_EINVAL);
    ASSERT_ERROR(f, 0, "there are no questions");
    char *big = malloc(2 * 1024 * 1024);
    assert_non_null(big);
    memset(big, 'x', 2 * 1024 * 1024);
    write_file(f->file, big, 2 * 1024 * 1024);
    free(big);
    ov_diags_init(&f->d);
    assert_int_equal(ov_content_check(f->dir, NULL, &f->c, &f->d), OV_EINVAL);
    ASSERT_ERROR(f, 0, "file is too big");
}

static void test_content_ini_is_a_folder(void **state)
{
    fx *f = *state;
    assert_int_equal(mkdir(f->file, 0755), 0);
    assert_int_equal(ov_content_check(f->dir, NULL, &f->c, &f->d), OV_EINVAL);
    ASSERT_ERROR(f, 0, "not a regular file");
    rmdir(f->file);
}

/* ---- the command ---- */

/* Run ov_cmd_check_content in this process with stdout captured to a file. */
static int run_cli(fx *f, const char *dir, char *out, size_t outlen)
{
    char path[400];
    snprintf(path, sizeof path, "%s/cli.out", f->tmp);
    fflush(stdout);
    int saved = dup(1);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0 && saved >= 0);
    dup2(fd, 1);
    close(fd);
    char *argv[] = { "check-content", (char *)dir, NULL };
    int rc = ov_cmd_check_content(dir ? 2 : 1, argv);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    size_t n;
    char *text = read_all(path, &n);
    ov_strlcpy(out, text, outlen);
    free(text);
    return rc;
}

static void test_cli_in_process(void **state)
{
    fx *f = *state;
    char out[8192], dir[600], expect[700];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/content/bad", root());
    assert_int_equal(run_cli(f, dir, out, sizeof out), 1);
    snprintf(expect, sizeof expect, "%s/content.ini:10: unknown colour 'purple'", dir);
    assert_non_null(strstr(out, expect));
    snprintf(expect, sizeof expect, "%s/content.ini:23: unknown key 'size'", dir);
    assert_non_null(strstr(out, expect));
    assert_non_null(strstr(out, "4 errors"));

    snprintf(dir, sizeof dir, "%s/tests/fixtures/content/good", root());
    assert_int_equal(run_cli(f, dir, out, sizeof out), 0);
    assert_non_null(strstr(out, "content is usable: 2 questions"));

    assert_int_equal(run_cli(f, f->dir, out, sizeof out), 1);     /* no content.ini */
    snprintf(expect, sizeof expect, "%s/content.ini: not found", f->dir);
    assert_non_null(strstr(out, expect));

    assert_int_equal(check(f, BASE "sentence = We meet three times a week.\n"), OV_OK);  /* warnings only */
    assert_int_equal(run_cli(f, f->dir, out, sizeof out), 0);
    assert_non_null(strstr(out, "warning: "));
}

static void test_cli_binary(void **state)
{
    fx *f = *state;
    const char *build = getenv("OV_BUILD");
    char bin[600], cmd[2048], out[600];
    snprintf(bin, sizeof bin, "%s/ourvoice", build && *build ? build : "build");
    if (access(bin, X_OK) != 0) { fprintf(stderr, "  (skipped: %s not built)\n", bin); skip(); }
    snprintf(out, sizeof out, "%s/bin.out", f->tmp);
    snprintf(cmd, sizeof cmd, "'%s' check-content '%s/tests/fixtures/content/bad' > '%s' 2>&1", bin, root(), out);
    int st = system(cmd);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 1);
    char *text = read_all(out, NULL);
    char expect[700];
    snprintf(expect, sizeof expect, "%s/tests/fixtures/content/bad/content.ini:16: unknown shape 'blob'", root());
    assert_non_null(strstr(text, expect));
    free(text);
    snprintf(cmd, sizeof cmd, "'%s' check-content '%s/tests/fixtures/content/good' > /dev/null 2>&1", bin, root());
    st = system(cmd);
    assert_int_equal(WEXITSTATUS(st), 0);
    snprintf(cmd, sizeof cmd, "'%s' check-content --help > '%s' 2>&1", bin, out);
    st = system(cmd);
    assert_int_equal(WEXITSTATUS(st), 0);
    text = read_all(out, NULL);
    assert_non_null(strstr(text, "usage: ourvoice check-content"));
    free(text);
    snprintf(cmd, sizeof cmd, "'%s' check-content --bogus > /dev/null 2>&1", bin);
    assert_int_equal(WEXITSTATUS(system(cmd)), 2);
}

/* Run `ourvoice check-content` on a copy of the English content with `sed`
 * applied to its content.ini; returns the exit status, the output in *text. */
static int check_edited_copy(fx *f, const char *bin, const char *sed, char **text)
{
    char cmd[2400], out[600];
    snprintf(out, sizeof out, "%s/edited.out", f->tmp);
    snprintf(cmd, sizeof cmd, "rm -rf '%s/assets' && mkdir -p '%s/assets/content' && "
             "cp -r '%s/assets/pictures' '%s/assets/' && cp -r '%s/assets/content/en' '%s/assets/content/' && "
             "sed -i '%s' '%s/assets/content/en/content.ini' && "
             "'%s' check-content '%s/assets/content/en' > '%s' 2>&1",
             f->tmp, f->tmp, root(), f->tmp, root(), f->tmp, sed, f->tmp, bin, f->tmp, out);
    int st = system(cmd);
    *text = read_all(out, NULL);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The real binary on the English content with a practice question: usable
 * when it is the first (and says which it is), exit 1 with file:line when
 * it is not. */
static void test_cli_practice(void **state)
{
    fx *f = *state;
    const char *build = getenv("OV_BUILD");
    char bin[600], expect[700], *text = NULL;
    snprintf(bin, sizeof bin, "%s/ourvoice", build && *build ? build : "build");
    if (access(bin, X_OK) != 0) { fprintf(stderr, "  (skipped: %s not built)\n", bin); skip(); }
    assert_int_equal(check_edited_copy(f, bin, "/^\\[question assets\\]/a practice = yes", &text), 0);
    assert_non_null(strstr(text, "content is usable: 4 questions"));
    assert_non_null(strstr(text, ": 'assets' is the practice question: drop-in members try it first"));
    free(text);
    assert_int_equal(check_edited_copy(f, bin, "/^\\[question reciprocity\\]/a practice = yes", &text), 1);
    snprintf(expect, sizeof expect, "%s/assets/content/en/content.ini:", f->tmp);
    const char *at = strstr(text, expect);
    assert_non_null(at);
    assert_non_null(strstr(at, ": the practice question 'reciprocity' must be the first question"));
    assert_non_null(strstr(text, "1 error"));
    free(text);
}

/* A letter the kiosk's font cannot draw (it would be an empty box) and a
 * language no voice speaks are errors that name the letter and the language;
 * a title that fits only on two lines is a warning. */
static void test_cli_letters_and_voice(void **state)
{
    fx *f = *state;
    const char *build = getenv("OV_BUILD");
    char bin[600];
    snprintf(bin, sizeof bin, "%s/ourvoice", build && *build ? build : "build");
    if (access(bin, X_OK) != 0) { fprintf(stderr, "  (skipped: %s not built)\n", bin); skip(); }
    char *text = NULL;
    assert_int_equal(check_edited_copy(f, bin, "0,/^title = .*/s//title = Your skills \xe6\xb0\xb4/", &text), 1);
    if (!strstr(text, "(U+6C34), which the kiosk's font cannot draw"))
        fail_msg("no error for a letter the font lacks:\n%s", text);
    if (!strstr(text, ": 1 error, ") || strstr(text, "1 errors")) /* #13: plurals */
        fail_msg("one error is not counted as \"1 error\":\n%s", text);
    free(text);
    assert_int_equal(check_edited_copy(f, bin, "s/^language = en-gb/language = xq/", &text), 1);
    if (!strstr(text, "language 'xq': the speech engine has no voice that speaks it"))
        fail_msg("no error for a language without a voice:\n%s", text);
    free(text);
    assert_int_equal(check_edited_copy(f, bin, "s/^language = en-gb/language = en-gb/", &text), 0); /* as it is */
    free(text);
    /* a 62-letter title fits its question screen by wrapping: too long for a title, and too long for
     * the review screen's caption of it (issue 13 point 7: the whole screen is checked) */
    assert_int_equal(check_edited_copy(f, bin, "0,/^title = .*/s//title = Skills and strengths that members "
                                       "bring to our group each week/", &text), 1);
    if (!strstr(text, "title has 62 characters and fits only on more than one line"))
        fail_msg("no warning for a title that fits only on two lines:\n%s", text);
    if (!strstr(text, "the review screen, which shows every question's title, does not fit at 800x480"))
        fail_msg("no error for a title too long for the review screen:\n%s", text);
    free(text);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_easyread_no_false_numbers), T(test_texts_missing_in_other_language), T(test_cli_letters_and_voice),
        T(test_cli_practice),
        T(test_comment_cutting_a_sentence_is_reported),
        T(test_default_content_loads), T(test_welsh_content_loads), T(test_builtin_equals_assets),
        T(test_real_assets_check_clean), T(test_builtin_paths_and_answers), T(test_good_fixture),
        T(test_missing_content_ini), T(test_error_leaves_out_untouched), T(test_unknown_section),
        T(test_section_needs_ids), T(test_unknown_key), T(test_key_outside_section_and_bad_line),
        T(test_missing_picture), T(test_bad_picture_paths), T(test_missing_recording),
        T(test_question_unknown_scale), T(test_question_empty_scale), T(test_scale_too_few_answers),
        T(test_scale_too_many_answers), T(test_duplicate_ids), T(test_duplicate_dont_know),
        T(test_invalid_utf8), T(test_control_characters), T(test_missing_required_keys),
        T(test_empty_values), T(test_unknown_colour_and_shape), T(test_too_many_sentences),
        T(test_text_too_long), T(test_progress_format), T(test_texts_key_missing_is_an_error), T(test_bad_language_and_no_questions),
        T(test_practice_question),
        T(test_every_problem_in_one_run), T(test_easyread_warnings), T(test_no_picture_is_a_warning),
        T(test_same_look_is_a_warning), T(test_fit_limits), T(test_fit_callback), T(test_easyread_counts),
        T(test_utf8), T(test_garbage_fixture), T(test_random_input), T(test_content_ini_is_a_folder),
        T(test_cli_in_process), T(test_cli_binary),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
