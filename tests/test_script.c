/* test_script.c — the headless script language: every command is read, and
 * every mistake is reported with its file and line before anything runs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/script_file.h"
#include "test_tmp.h"

static void every_command_is_read(void **state)
{
    (void)state;
    char path[512];
    ov_test_tmp_template(path, sizeof path, "ourvoice-script");
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs("# a comment\n\ntouch 400 240\nclick 10 20\nkey enter\nbutton 3\nhold 8 500\n"
          "wait 100\nadvance 90000\nshot welcome-1\nexpect thanks\nquiet 20000\nquit\n", f);
    fclose(f);
    static ov_script s;
    ov_diags d;
    ov_diags_init(&d);
    assert_int_equal(ov_script_load(path, &s, &d), OV_OK);
    assert_int_equal(s.n, 11);
    assert_int_equal(s.steps[0].cmd, OV_CMD_TOUCH);
    assert_int_equal(s.steps[0].a, 400);
    assert_int_equal(s.steps[0].b, 240);
    assert_int_equal(s.steps[0].line, 3);
    assert_string_equal(s.steps[2].name, "enter");
    assert_int_equal(s.steps[3].a, 3);
    assert_int_equal(s.steps[4].cmd, OV_CMD_HOLD);
    assert_int_equal(s.steps[4].b, 500);
    assert_int_equal(s.steps[6].a, 90000);
    assert_string_equal(s.steps[7].name, "welcome-1");
    assert_int_equal(s.steps[9].cmd, OV_CMD_QUIET);
    assert_int_equal(s.steps[9].a, 20000);
    assert_int_equal(s.steps[10].cmd, OV_CMD_QUIT);
    ov_script_free(&s);
    remove(path);
}

static void mistakes_name_their_line(void **state)
{
    (void)state;
    ov_script_step st;
    ov_diags d;
    ov_diags_init(&d);
    assert_int_equal(ov_script_parse_line("jump 3", 4, "s.txt", &st, &d), -1);
    assert_string_equal(d.items[0].text, "s.txt:4: unknown command 'jump'; use touch, click, key, button, hold, wait, advance, quiet, shot, expect, texts, mounts or quit");
    assert_int_equal(ov_script_parse_line("touch 10", 5, "s.txt", &st, &d), -1);
    assert_string_equal(d.items[1].text, "s.txt:5: 'touch' needs the form: touch X Y [MS]");
    assert_int_equal(ov_script_parse_line("button 11", 6, "s.txt", &st, &d), -1);
    assert_non_null(strstr(d.items[2].text, "s.txt:6: bad number"));
    assert_int_equal(ov_script_parse_line("wait -5", 7, "s.txt", &st, &d), -1);
    assert_int_equal(ov_script_parse_line("shot ../../etc/passwd", 8, "s.txt", &st, &d), -1);   /* never writes outside DIR */
    assert_non_null(strstr(d.items[4].text, "s.txt:8: shot name"));
    assert_int_equal(ov_script_parse_line("mounts ../sticks", 8, "s.txt", &st, &d), -1); /* a name, not a path */
    assert_non_null(strstr(d.items[5].text, "s.txt:8: mounts name '../sticks'"));
    assert_int_equal(ov_script_parse_line("   # indented comment", 9, "s.txt", &st, &d), 0);
    assert_int_equal(ov_script_parse_line("touch 10 12 3500", 9, "s.txt", &st, &d), 1);   /* a held touch */
    assert_int_equal(st.c, 3500);
    assert_int_equal(ov_script_parse_line("key", 10, "s.txt", &st, &d), -1);
    assert_int_equal(d.n_errors, 7);
    /* a line longer than the parser holds is an error, never cut and read as a shorter line */
    char longline[400];
    memset(longline, ' ', sizeof longline);
    memcpy(longline, "wait 5", 6);
    memcpy(longline + 300, "0000", 4);
    longline[sizeof longline - 1] = 0;
    assert_int_equal(ov_script_parse_line(longline, 11, "s.txt", &st, &d), -1);
    assert_int_equal(d.items[7].code, OV_DIAG_SCRIPT_FORM);
    assert_non_null(strstr(d.items[7].text, "s.txt:11: this line is longer than 255 bytes"));
}

/* A long script (more than the 2048 lines a script once held) is read whole. */
static void a_long_script_is_read_whole(void **state)
{
    (void)state;
    enum { LINES = 10000 };
    char *text = malloc(LINES * 12 + 1), *p = text;
    for (int i = 0; i < LINES; i++) p += sprintf(p, "wait %d\n", i);
    ov_script s = { 0 };
    ov_diags d;
    ov_diags_init(&d);
    assert_int_equal(ov_script_parse(text, "long.txt", &s, &d), OV_OK);
    assert_int_equal(s.n, LINES);
    assert_int_equal(s.steps[LINES - 1].a, LINES - 1);
    assert_int_equal(s.steps[LINES - 1].line, LINES);
    ov_script_free(&s);
    free(text);
}

static void a_missing_script_is_an_error(void **state)
{
    (void)state;
    static ov_script s;
    ov_diags d;
    ov_diags_init(&d);
    assert_int_equal(ov_script_load("/nonexistent/script.txt", &s, &d), OV_ENOTFOUND);
    assert_non_null(strstr(d.items[0].text, "cannot read the script file"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_command_is_read),
        cmocka_unit_test(mistakes_name_their_line),
        cmocka_unit_test(a_missing_script_is_an_error),
        cmocka_unit_test(a_long_script_is_read_whole),
    };
    return cmocka_run_group_tests_name("script", tests, NULL, NULL);
}
