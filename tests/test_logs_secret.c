/* test_logs_secret.c — whoever reads the logs (docs/privacy.md): no log line
 * depends on what anyone chose. The same visit is made once for every
 * answer, through the real binary, in every theme at the smallest landscape
 * and the portrait screen (where texts are most often made smaller to fit);
 * what the kiosk logs must be the same line for line whatever was chosen. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_runner.h"
#include "model/content.h"

#define LOG_MAX 16384

/* Log of a visit answering every question with the answer at `key`, the
 * run's folder name replaced by "DIR" so runs compare. */
static void visit_log(int key, const char *theme, int w, int h, char *out, size_t outlen)
{
    ov_content content;
    ov_content_builtin(&content);
    char dir[64], args[300], script[2048] = "key space\n";
    ov_test_tmpdir(dir, sizeof dir);
    for (int q = 0; q < content.n_questions; q++) {
        char step[64];
        snprintf(step, sizeof step, "key %d\nexpect confirm\nkey enter\n", key);
        strcat(script, step);
    }
    strcat(script, "expect review\nkey enter\nexpect thanks\n");
    snprintf(args, sizeof args, "--no-speech --theme %s --data %s/data", theme, dir);
    int rc = ov_test_run_kiosk(dir, script, w, h, args);
    if (rc != 0) fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    const char *log = ov_test_stderr(dir);
    size_t dl = strlen(dir), o = 0;
    for (const char *p = log; *p && o + 4 < outlen; p++) {
        if (!strncmp(p, dir, dl)) {
            memcpy(out + o, "DIR", 3);
            o += 3;
            p += dl - 1;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void same_log_for_every_answer(const char *theme, int w, int h)
{
    static char first[LOG_MAX], other[LOG_MAX];
    visit_log(1, theme, w, h, first, sizeof first);
    for (int key = 2; key <= 5; key++) {
        visit_log(key, theme, w, h, other, sizeof other);
        if (strcmp(first, other) != 0)
            fail_msg("%s %dx%d: answer %d logs differently from answer 1:\n--- 1:\n%s--- %d:\n%s",
                     theme, w, h, key, first, key, other);
    }
}

static void logs_do_not_depend_on_the_choice(void **state)
{
    (void)state;
    static const char *const themes[] = { "standard", "high-contrast", "large-text" };
    for (size_t t = 0; t < sizeof themes / sizeof themes[0]; t++) {
        same_log_for_every_answer(themes[t], 800, 480);
        same_log_for_every_answer(themes[t], 720, 1280);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(logs_do_not_depend_on_the_choice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
