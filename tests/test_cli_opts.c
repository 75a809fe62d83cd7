/* test_cli_opts.c — the one option parser: what a person typing a command
 * sees when a number, size or date is wrong (an error naming the option,
 * never a silent 0), and the commands refusing such lines through the real
 * binary. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "base/cli_opts.h"
#include "base/ov_common.h"
#include "kiosk_runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

typedef struct {
    int rotation, size[2], flag;
    const char *text, *date;
    const char *args[2];
} vals;

/* Parse `line` (words split on spaces) with a small table. Returns the rc. */
static int parse(const char *line, vals *v, char *err, size_t errlen, ov_opt_parser *out)
{
    static char buf[512];
    char *argv[32];
    int argc = 0;
    memset(v, 0, sizeof *v);
    v->rotation = -1;
    strcpy(buf, line);
    argv[argc++] = "test";
    for (char *w = strtok(buf, " "); w && argc < 32; w = strtok(NULL, " "))
        argv[argc++] = w;
    static ov_opt t[5];
    t[0] = (ov_opt){ .name = "rotation", .kind = OV_OPT_INT, .out = &v->rotation, .max = 270, .step = 90 };
    t[1] = (ov_opt){ .name = "size", .kind = OV_OPT_SIZE, .out = v->size, .min = 200, .max = 8192 };
    t[2] = (ov_opt){ .name = "quiet", .short_name = 'q', .kind = OV_OPT_FLAG, .out = &v->flag };
    t[3] = (ov_opt){ .name = "to", .kind = OV_OPT_TEXT, .out = &v->text };
    t[4] = (ov_opt){ .name = "date", .kind = OV_OPT_DATE, .out = &v->date };
    *out = (ov_opt_parser){ .cmd = "test", .opts = t, .n_opts = 5, .args = v->args, .max_args = 1 };
    err[0] = 0;
    return ov_opts_parse(out, argc, argv, err, errlen);
}

static void test_good_lines_set_every_kind(void **state)
{
    (void)state;
    vals v;
    char err[OV_ERR_LEN];
    ov_opt_parser p;
    assert_int_equal(parse("--rotation 90 --size=1920x1080 -q --to /x --date 2024-02-29 folder", &v, err,
                           sizeof err, &p),
                     OV_OK);
    assert_int_equal(v.rotation, 90);
    assert_int_equal(v.size[0], 1920);
    assert_int_equal(v.size[1], 1080);
    assert_int_equal(v.flag, 1);
    assert_string_equal(v.text, "/x");
    assert_string_equal(v.date, "2024-02-29");
    assert_int_equal(p.n_args, 1);
    assert_string_equal(v.args[0], "folder");
}

/* Each bad line is refused and the message names the option and its value. */
static void test_bad_values_name_the_option(void **state)
{
    (void)state;
    static const char *bad[][2] = {
        { "--rotation abc", "--rotation 'abc'" },      { "--rotation 45", "--rotation '45'" },
        { "--rotation 90x", "--rotation '90x'" },      { "--rotation 99999999999999999999", "--rotation" },
        { "--size 800x480junk", "--size '800x480junk'" }, { "--size 800", "--size '800'" },
        { "--size 100x100", "--size '100x100'" },      { "--size x480", "--size 'x480'" },
        { "--date 2025-02-30", "--date '2025-02-30'" }, { "--date 2025-5-3", "--date '2025-5-3'" },
        { "--rotation", "--rotation needs a value" },  { "--quiet=1", "--quiet takes no value" },
        { "--to a --to b", "--to is given twice" },    { "--colour red", "unknown option '--colour'" },
        { "one two", "unexpected 'two'" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        vals v;
        char err[OV_ERR_LEN];
        ov_opt_parser p;
        assert_int_equal(parse(bad[i][0], &v, err, sizeof err, &p), OV_EINVAL);
        if (!strstr(err, bad[i][1]))
            fail_msg("'%s' gave '%s', which does not say '%s'", bad[i][0], err, bad[i][1]);
        assert_int_equal(v.rotation == -1 || v.rotation == 0, 1); /* never a half-parsed number */
    }
}

static void test_help_wins_and_double_dash_ends_options(void **state)
{
    (void)state;
    vals v;
    char err[OV_ERR_LEN];
    ov_opt_parser p;
    assert_int_equal(parse("--rotation abc --help", &v, err, sizeof err, &p), OV_OK);
    assert_int_equal(p.help, 1);
    assert_int_equal(parse("-- --quiet", &v, err, sizeof err, &p), OV_OK);
    assert_int_equal(p.help, 0);
    assert_int_equal(v.flag, 0);
    assert_string_equal(v.args[0], "--quiet");
}

/* Run `ourvoice ARGS` with stderr into dir/err.txt; returns the exit code. */
static int run_program(const char *dir, const char *args, char *errtext, size_t len)
{
    char cmd[1024], path[512];
    snprintf(path, sizeof path, "%s/err.txt", dir);
    snprintf(cmd, sizeof cmd, "%s %s >/dev/null 2>%s", ov_test_program(), args, path);
    int st = system(cmd);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(errtext, 1, len - 1, f) : 0;
    errtext[n] = 0;
    if (f)
        fclose(f);
    remove(path);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Through the real binary: a bad value is a usage error (exit 2) that names
 * the option, before any window, store or file is touched. */
static void test_commands_refuse_bad_values(void **state)
{
    (void)state;
    char dir[512], err[4096];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    static const char *lines[][2] = {
        { "kiosk --headless --rotation abc", "--rotation 'abc'" },
        { "kiosk --headless --size 800x480junk", "--size '800x480junk'" },
        { "export --to out --date 2025-13-01", "--date '2025-13-01'" },
        { "export --to", "--to needs a value" },
        { "merge --bogus x", "ourvoice merge: unknown option '--bogus'" },
        { "merge --to", "ourvoice merge: --to needs a value" },
        { "merge --small-numbers 2000 x", "--small-numbers '2000'" },
        { "merge --date 2025-02-30 x", "--date '2025-02-30'" },
        { "results --bogus", "ourvoice results: unknown option '--bogus'" },
        { "results --data", "ourvoice results: --data needs a value" },
        { "results extra", "ourvoice results: unexpected 'extra'" },
        { "say hello --wav", "ourvoice say: --wav needs a value" },
        { "say hello --wav x.wav --rate fast", "--rate 'fast'" },
        { "say hello --wav x.wav --bogus", "ourvoice say: unknown option '--bogus'" },
        { "check-content --bogus", "ourvoice check-content: unknown option '--bogus'" },
        { "check-content a b", "ourvoice check-content: unexpected 'b'" },
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        assert_int_equal(run_program(dir, lines[i][0], err, sizeof err), 2);
        if (!strstr(err, lines[i][1]))
            fail_msg("'ourvoice %s' said '%s'", lines[i][0], err);
    }
}

/* Through the real binary: every command's --help prints its usage to
 * stdout and exits 0, even beside a bad option. */
static void test_commands_help(void **state)
{
    (void)state;
    static const char *cmds[] = { "kiosk", "export", "merge", "results", "say", "check-content", "set-pin" };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char cmd[512], line[256] = "", want[64];
        snprintf(cmd, sizeof cmd, "%s %s --bogus --help 2>/dev/null", ov_test_program(), cmds[i]);
        FILE *f = popen(cmd, "r");
        assert_non_null(f);
        if (!fgets(line, sizeof line, f))
            line[0] = 0;
        while (fgetc(f) != EOF)
            ;
        int st = pclose(f);
        assert_true(WIFEXITED(st));
        assert_int_equal(WEXITSTATUS(st), 0);
        snprintf(want, sizeof want, "usage: ourvoice %s", cmds[i]);
        if (!strstr(line, want))
            fail_msg("'ourvoice %s --help' printed '%s'", cmds[i], line);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_lines_set_every_kind),
        cmocka_unit_test(test_bad_values_name_the_option),
        cmocka_unit_test(test_help_wins_and_double_dash_ends_options),
        cmocka_unit_test(test_commands_refuse_bad_values),
        cmocka_unit_test(test_commands_help),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
