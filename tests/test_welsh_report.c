/* test_welsh_report.c — with the Welsh content (assets/content/cy) the
 * results speak Welsh and the HTML report is Welsh throughout (issue 13,
 * point 6): lang="cy", the report's own sentences, the month, "most people
 * said", last time and this time, the action plan; none of the English
 * report's sentences is left. The facilitator's import words (what changes,
 * how it went) are Welsh too. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "model/compare.h"
#include "model/content.h"
#include "model/content_diff.h"
#include "model/export_format.h"
#include "model/ideas.h"
#include "model/report_html.h"
#include "model/results.h"
#include "platform/content_import.h"
#include "platform/content_load.h"

static const char *root(void)
{
    const char *r = getenv("OV_ROOT");
    return r && *r ? r : ".";
}

/* The default content of `lang`, checked as the kiosk loads it. */
static ov_content *load(const char *lang)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/assets/content/%s", root(), lang);
    ov_content *c = calloc(1, sizeof *c);
    ov_diags *d = calloc(1, sizeof *d);
    assert_non_null(c);
    assert_non_null(d);
    ov_diags_init(d);
    assert_int_equal(ov_content_check(dir, NULL, c, d), OV_OK);
    free(d);
    return c;
}

static ov_tally_row row(const char *meeting, const char *q, const char *a, long n)
{
    ov_tally_row r;
    memset(&r, 0, sizeof r);
    snprintf(r.meeting, sizeof r.meeting, "%s", meeting);
    snprintf(r.question, sizeof r.question, "%s", q);
    snprintf(r.answer, sizeof r.answer, "%s", a);
    r.count = n;
    return r;
}

/* A meeting of the Welsh content: question 1 answered by 8 (most said
 * "getting-there" now, "basics" before), question 2 by 2 (protected),
 * question 3 a tie, question 4 by nobody. */
static ov_results *meeting(const ov_content *c, const char *name, const char *q1_top)
{
    ov_tally_row rows[] = {
        row(name, "assets", q1_top, 7),           row(name, "assets", "not-yet", 1),
        row(name, "valuing-work", "basics", 2),   row(name, "reciprocity", "basics", 3),
        row(name, "reciprocity", "doing-well", 3),
    };
    ov_results *r = ov_results_new();
    assert_non_null(r);
    assert_int_equal(ov_results_build(rows, 5, c, name, 5, r), OV_OK);
    return r;
}

/* "Most people said", a tie, too few and nobody, in the Welsh content's words. */
static void test_welsh_results_sentences(void **state)
{
    (void)state;
    ov_content *c = load("cy");
    ov_results *r = meeting(c, "Galw heibio 2026-12-01", "getting-there");
    char s[400];
    assert_int_equal(ov_results_summary(&r->questions[0], &r->texts, s, sizeof s), OV_OK);
    assert_string_equal(s, "Dywedodd y rhan fwyaf: Gan amlaf.");
    ov_results_summary(&r->questions[1], &r->texts, s, sizeof s);
    assert_string_equal(s, "Does dim digon o atebion eto i'w cadw yn gyfrinachol.");
    ov_results_summary(&r->questions[2], &r->texts, s, sizeof s);
    assert_string_equal(s, "Dywedodd y rhan fwyaf: Ychydig a Ydw, llawer.");
    ov_results_summary(&r->questions[3], &r->texts, s, sizeof s);
    assert_string_equal(s, "Does neb wedi ateb eto.");
    free(r);
    free(c);
}

/* Last time and this time, in Welsh. */
static void test_welsh_comparison(void **state)
{
    (void)state;
    ov_content *c = load("cy");
    ov_results *before = meeting(c, "Cyfarfod 1", "basics");
    ov_results *now = meeting(c, "Cyfarfod 2", "getting-there");
    ov_comparison cmp;
    assert_int_equal(ov_compare_question(&before->questions[0], &now->questions[0], &now->texts, &cmp), OV_OK);
    assert_string_equal(cmp.text, "Y tro diwethaf, dywedodd y rhan fwyaf Ychydig. "
                                  "Y tro hwn, dywedodd y rhan fwyaf Gan amlaf.");
    assert_int_equal(ov_compare_question(&before->questions[1], &now->questions[1], &now->texts, &cmp), OV_OK);
    assert_string_equal(cmp.text, "Y tro diwethaf, doedd dim digon o atebion i'w cadw yn gyfrinachol. "
                                  "Y tro hwn, doedd dim digon o atebion i'w cadw yn gyfrinachol.");
    const ov_results *earlier[] = { before };
    ov_compare_fill(now, earlier, 1);
    assert_string_equal(now->questions[0].compare, "Y tro diwethaf, dywedodd y rhan fwyaf Ychydig. "
                                                   "Y tro hwn, dywedodd y rhan fwyaf Gan amlaf.");
    free(before);
    free(now);
    free(c);
}

/* Sentences of the English report (and its month) that the Welsh one must not hold. */
static const char *const english[] = {
    "What the group told us", "These are the answers", "They were saved on", "December",
    "Every answer is secret", "longer bar", "We only show", "people answered", "person answered",
    "Nobody has answered", "Not enough answers", "Most people said", "most people said", "Last time",
    "This time", "Some answers are not", "had too few", "The group", "chose this", "We will:",
    "We did this", "Who:", "When:", "There is no plan", "What we will do", "Made with", NULL,
};

static void test_welsh_report(void **state)
{
    (void)state;
    ov_content *c = load("cy");
    ov_results *before = meeting(c, "Cyfarfod 1", "basics");
    ov_results *now = meeting(c, "Galw heibio 2026-12-01", "getting-there");
    const ov_results *earlier[] = { before };
    ov_compare_fill(now, earlier, 1);
    snprintf(now->date, sizeof now->date, "2026-12-01");
    now->questions[2].withheld_sources = 2; /* a merge: 2 kiosks had too few */
    ov_ideas_board *bd = calloc(2, sizeof *bd);
    assert_non_null(bd);
    ov_ideas_init(&bd[0], now->meeting, "assets");
    snprintf(bd[0].ideas[0].text, sizeof bd[0].ideas[0].text, "Mwy o de");
    bd[0].ideas[0].votes = 6;
    bd[0].ideas[0].planned = 1;
    snprintf(bd[0].ideas[0].plan.what, sizeof bd[0].ideas[0].plan.what, "Prynu te");
    snprintf(bd[0].ideas[0].plan.who, sizeof bd[0].ideas[0].plan.who, "Siân");
    snprintf(bd[0].ideas[0].plan.when, sizeof bd[0].ideas[0].plan.when, "Ionawr");
    bd[0].n_ideas = 1;
    bd[0].voters = 6;
    ov_ideas_init(&bd[1], now->meeting, "reciprocity"); /* an idea with no plan yet */
    snprintf(bd[1].ideas[0].text, sizeof bd[1].ideas[0].text, "Cwrdd yn amlach");
    bd[1].n_ideas = 1;
    now->ideas = bd;
    now->n_ideas = 2;
    ov_buf b = { 0 };
    assert_int_equal(ov_report_html(now, NULL, &b), OV_OK);
    const char *html = b.data;
    assert_non_null(strstr(html, "<html lang=\"cy\">"));
    assert_non_null(strstr(html, "<h1>Beth ddywedodd y grŵp wrthon ni</h1>"));
    assert_non_null(strstr(html, "1 Rhagfyr 2026"));
    assert_non_null(strstr(html, "Atebodd 8 o bobl y cwestiwn hwn."));
    assert_non_null(strstr(html, "Y tro hwn, dywedodd y rhan fwyaf Gan amlaf."));
    assert_non_null(strstr(html, "Pwy: Siân. Pryd: Ionawr."));
    for (int i = 0; english[i]; i++)
        if (strstr(html, english[i])) {
            fprintf(stderr, "the Welsh report says \"%s\"\n", english[i]);
            fail();
        }
    ov_buf_free(&b);
    free(bd);
    free(before);
    free(now);
    free(c);
}

/* The English content keeps the English report: the same sentences, lang="en-gb". */
static void test_english_report_unchanged(void **state)
{
    (void)state;
    ov_content *c = load("en");
    ov_results *now = meeting(c, "Drop-in 2026-12-01", "getting-there");
    snprintf(now->date, sizeof now->date, "2026-12-01");
    ov_buf b = { 0 };
    assert_int_equal(ov_report_html(now, NULL, &b), OV_OK);
    const char *html = b.data;
    assert_non_null(strstr(html, "<html lang=\"en-gb\">"));
    assert_non_null(strstr(html, "<h1>What the group told us</h1>"));
    assert_non_null(strstr(html, "They were saved on 1 December 2026."));
    assert_non_null(strstr(html, "8 people answered this question."));
    ov_buf_free(&b);
    free(now);
    free(c);
}

/* New questions from a stick, seen on a Welsh kiosk: what changes and how it went. */
static void test_welsh_import_words(void **state)
{
    (void)state;
    ov_content *cy = load("cy");
    ov_content *next = calloc(1, sizeof *next);
    assert_non_null(next);
    *next = *cy;
    next->n_questions = 3; /* the last question taken away */
    ov_content_change ch[OV_MAX_CHANGES];
    int n = ov_content_diff(cy, next, ch, OV_MAX_CHANGES);
    assert_int_equal(n, 1);
    char s[300];
    ov_content_change_sentence(&ch[0], &cy->texts, s, sizeof s);
    assert_string_equal(s, "Fydd y ciosg ddim yn gofyn \u201cFfrindiau a chymuned\u201d mwyach.");
    *next = *cy;
    snprintf(next->language, sizeof next->language, "en-gb");
    assert_int_equal(ov_content_diff(cy, next, ch, OV_MAX_CHANGES), 1);
    ov_content_change_sentence(&ch[0], &cy->texts, s, sizeof s);
    assert_string_equal(s, "Mae'r iaith yn newid o Cymraeg i Saesneg.");
    assert_string_equal(ov_content_diff_votes_note(&cy->texts),
                        "Mae'r atebion roddodd pobl yn barod yn aros yn y canlyniadau.");
    assert_string_equal(ov_content_diff_none_sentence(&cy->texts),
                        "Does dim byd yn newid. Mae'r cwestiynau yr un fath.");
    assert_string_equal(ov_import_easy_message(OV_ENOSPC, &cy->texts),
                        "Mae'r ciosg yn llawn. Mae'r hen gwestiynau yn aros.");
    assert_string_equal(ov_import_easy_message(OV_ENOSPC, NULL), "The kiosk is full. The old questions stay.");
    assert_string_equal(ov_export_easy_message(OV_ENOSPC, &cy->texts),
                        "Mae'r cof bach yn llawn. Triwch gof bach arall, os gwelwch yn dda.");
    /* a problem in the new questions, in plain Welsh words */
    static const char ini[] = "[question q]\nsentence = Hi\n";
    ov_diag g;
    memset(&g, 0, sizeof g);
    g.level = OV_DIAG_ERROR;
    g.code = OV_DIAG_KEY_MISSING;
    g.line = 1;
    snprintf(g.arg, sizeof g.arg, "title");
    assert_int_equal(ov_import_plain_words(&g, ini, sizeof ini - 1, &cy->texts, s, sizeof s), 1);
    assert_string_equal(s, "Cwestiwn 1: does dim teitl (content.ini llinell 1).");
    assert_int_equal(ov_import_plain_words(&g, ini, sizeof ini - 1, NULL, s, sizeof s), 1);
    assert_string_equal(s, "Question 1 has no title (content.ini line 1).");
    g.code = OV_DIAG_NO_QUESTIONS;
    g.line = 0;
    ov_import_plain_words(&g, NULL, 0, &cy->texts, s, sizeof s);
    assert_string_equal(s, "Does dim cwestiynau.");
    free(next);
    free(cy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_welsh_results_sentences),
        cmocka_unit_test(test_welsh_comparison),
        cmocka_unit_test(test_welsh_report),
        cmocka_unit_test(test_english_report_unchanged),
        cmocka_unit_test(test_welsh_import_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
