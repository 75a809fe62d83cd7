/* test_kiosk_signals.c — the signal policy of firmware/app/main.c, as
 * systemd uses it: a member votes, the kiosk is left waiting, then systemd
 * stops the service (SIGTERM) or someone presses Ctrl-C (SIGINT). The kiosk
 * leaves by itself with exit status 0 and the vote store is closed cleanly
 * with the member's votes in it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kiosk_runner.h"
#include "model/content.h"

#define POLL_NAP_NS 20000000L   /* 20 ms between looks at the shots folder */

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static pid_t start_kiosk(const char *dir, int n_questions)
{
    char script[1024] = "key space\n", path[256], data[128], shots[128];
    for (int q = 0; q < n_questions; q++) strcat(script, "key 1\nkey enter\n");
    strcat(script, "expect review\nkey enter\nexpect thanks\nshot thanked\nwait 600000\n");
    snprintf(path, sizeof path, "%s/script.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(script, f);
    fclose(f);
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(shots, sizeof shots, "%s/shots", dir);
    mkdir(shots, 0700);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        execl(ov_test_program(), "ourvoice", "kiosk", "--headless", "--no-speech", "--script", path,
              "--shots", shots, "--data", data, "--size", "800x480", (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Run a visit, wait until "thank you" is on screen, send sig: the kiosk
 * must leave with status 0 and keep every answer. */
static void stop_with(int sig)
{
    ov_content content;
    ov_content_builtin(&content);
    char dir[64], shot[128], data[128];
    ov_test_tmpdir(dir, sizeof dir);
    pid_t pid = start_kiosk(dir, content.n_questions);
    snprintf(shot, sizeof shot, "%s/shots/thanked.png", dir);
    struct timespec nap = { 0, POLL_NAP_NS };
    int status = 0;
    while (!exists(shot) && waitpid(pid, &status, WNOHANG) == 0) nanosleep(&nap, NULL);
    assert_true(exists(shot));              /* the visit got to "thank you" */
    nanosleep(&nap, NULL);                  /* the kiosk is in its long wait now */
    assert_int_equal(kill(pid, sig), 0);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));         /* left by itself, not killed by the signal */
    assert_int_equal(WEXITSTATUS(status), 0);
    snprintf(data, sizeof data, "%s/data", dir);
    assert_int_equal(ov_test_votes_total(data), content.n_questions);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void sigterm_leaves_cleanly_with_the_votes_stored(void **state)
{
    (void)state;
    stop_with(SIGTERM);
}

static void ctrl_c_leaves_cleanly_too(void **state)
{
    (void)state;
    stop_with(SIGINT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sigterm_leaves_cleanly_with_the_votes_stored),
        cmocka_unit_test(ctrl_c_leaves_cleanly_too),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
