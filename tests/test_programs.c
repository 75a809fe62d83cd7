/* test_programs.c — the two programs (README "Two programs"): `ourvoice say`
 * (and the other commands that need no screen) load no SDL, SDL_ttf,
 * SDL_image, HarfBuzz or libgpiod, and say writes the same WAV and word
 * times as before the split; `ourvoice kiosk` becomes ourvoice-kiosk in the
 * same process, so systemd (Type=notify, NotifyAccess=main) hears READY=1
 * from the process it started and SIGTERM reaches the kiosk; `ourvoice`
 * finds the kiosk program both in build/ and where the package puts it
 * (/usr/bin/ourvoice, /usr/lib/ourvoice/ourvoice-kiosk), and says so plainly
 * when it is missing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/cli.h"
#include "kiosk_runner.h"

#define OUT_LEN 200000        /* LD_DEBUG output of one run */
#define READY_WAIT_MS 120000  /* only so a broken kiosk cannot hang the test */
#define SAY_TEXT "Hello, how are you today?"

/* Libraries a program without a screen must never load. */
static const char *const screen_libs[] = { "libSDL2", "libharfbuzz", "libfreetype", "libgpiod", NULL };

/* Every shared library `cmd` loads, as glibc's LD_DEBUG=files lists them ("file=NAME [0];  needed
 * by ..."), into buf. */
static void libraries_loaded(const char *cmd, char *buf, size_t len)
{
    char sh[1500];
    snprintf(sh, sizeof sh, "LD_DEBUG=files %s 2>&1 >/dev/null | grep -o 'file=[^ ]*' | sort -u", cmd);
    assert_true(ov_test_command_output(sh, buf, len) >= 0);
}

static void say_loads_no_screen_library(void **state)
{
    (void)state;
    char dir[200], cmd[800];
    static char libs[OUT_LEN];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(cmd, sizeof cmd, "'%s' say '" SAY_TEXT "' --wav '%s/a.wav'", ov_test_program(), dir);
    libraries_loaded(cmd, libs, sizeof libs);
    assert_non_null(strstr(libs, "file=libespeak-ng")); /* the list is real: espeak-ng is there */
    for (int i = 0; screen_libs[i]; i++) {
        if (strstr(libs, screen_libs[i])) fail_msg("`ourvoice say` loads %s:\n%s", screen_libs[i], libs);
    }
    /* The libraries a program needs are loaded before main, whatever the command does. */
    const char *others[] = { "results --help", "merge --help", "set-pin --help", "--help" };
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++) {
        snprintf(cmd, sizeof cmd, "'%s' %s", ov_test_program(), others[k]);
        libraries_loaded(cmd, libs, sizeof libs);
        for (int i = 0; screen_libs[i]; i++)
            if (strstr(libs, screen_libs[i])) fail_msg("`ourvoice %s` loads %s", others[k], screen_libs[i]);
    }
    snprintf(cmd, sizeof cmd, "'%s' kiosk --help", ov_test_program());
    libraries_loaded(cmd, libs, sizeof libs);
    assert_non_null(strstr(libs, "file=libSDL2")); /* the kiosk does, so the check can see them */
}

/* ov_cmd_say in this process (all of the code linked, as the one program was), its word lines into
 * words. */
static void say_here(const char *wav, const char *words)
{
    char wav_arg[300];
    snprintf(wav_arg, sizeof wav_arg, "%s", wav);
    char *argv[] = { "say", SAY_TEXT, "--wav", wav_arg, NULL };
    fflush(stdout);
    int saved = dup(1);
    assert_non_null(freopen(words, "w", stdout));
    int rc = ov_cmd_say(4, argv);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    assert_int_equal(rc, 0);
}

static void say_writes_the_same_wav_and_words(void **state)
{
    (void)state;
    char dir[200], a[300], b[300], wa[300], wb[300], cmd[1200];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(a, sizeof a, "%s/program.wav", dir);
    snprintf(b, sizeof b, "%s/here.wav", dir);
    snprintf(wa, sizeof wa, "%s/program.txt", dir);
    snprintf(wb, sizeof wb, "%s/here.txt", dir);
    snprintf(cmd, sizeof cmd, "'%s' say '" SAY_TEXT "' --wav '%s' > '%s'", ov_test_program(), a, wa);
    assert_int_equal(system(cmd), 0);
    say_here(b, wb);
    snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s' && cmp -s '%s' '%s'", a, b, wa, wb);
    assert_int_equal(system(cmd), 0);
    static char words[4096];
    assert_true(ov_test_read_text(wa, words, sizeof words) > 0);
    assert_non_null(strstr(words, "Hello\t"));
    assert_non_null(strstr(words, "today\t"));
}

/* A datagram socket like systemd's notify socket, passing the sender's credentials. */
static int notify_socket(const char *path)
{
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    assert_true(fd >= 0);
    int on = 1;
    assert_int_equal(setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof on), 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    return fd;
}

/* The next message on fd with its sender's pid; returns its length, -1 when none came. */
static long notify_message(int fd, char *buf, size_t len, pid_t *from)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };
    if (poll(&p, 1, READY_WAIT_MS) != 1) return -1;
    union {
        char space[CMSG_SPACE(sizeof(struct ucred))];
        struct cmsghdr align;
    } ctl;
    struct iovec iov = { buf, len - 1 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.space,
                        .msg_controllen = sizeof ctl.space };
    ssize_t n = recvmsg(fd, &m, 0);
    if (n < 0) return -1;
    buf[n] = '\0';
    *from = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
            struct ucred cred;
            memcpy(&cred, CMSG_DATA(c), sizeof cred);
            *from = cred.pid;
        }
    }
    return (long)n;
}

static void kiosk_keeps_the_process_systemd_started(void **state)
{
    (void)state;
    char dir[200], sock[300], script[300], data[300];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(sock, sizeof sock, "%s/notify", dir);
    snprintf(script, sizeof script, "%s/script.txt", dir);
    snprintf(data, sizeof data, "%s/data", dir);
    FILE *f = fopen(script, "w");
    assert_non_null(f);
    fputs("expect welcome\nwait 600000\n", f);
    fclose(f);
    int fd = notify_socket(sock);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        setenv("NOTIFY_SOCKET", sock, 1);
        freopen("/dev/null", "w", stderr);
        execl(ov_test_program(), "ourvoice", "kiosk", "--headless", "--no-speech", "--script", script,
              "--data", data, "--size", "800x480", (char *)NULL);
        _exit(127);
    }
    char msg[512] = "", cmdline_of[64], cmdline[4096];
    pid_t from = 0;
    while (!strstr(msg, "READY=1") && notify_message(fd, msg, sizeof msg, &from) >= 0) {}
    snprintf(cmdline_of, sizeof cmdline_of, "/proc/%d/cmdline", (int)pid); /* not exe: qemu's under test-arm64 */
    long n = ov_test_read_text(cmdline_of, cmdline, sizeof cmdline);
    for (long i = 0; i < n; i++)
        if (!cmdline[i]) cmdline[i] = ' ';
    int killed = kill(pid, SIGTERM), status = 0; /* stopped before any check, so a failure leaves nothing */
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_non_null(strstr(msg, "READY=1"));
    assert_int_equal(from, pid); /* from the process started: systemd's NotifyAccess=main accepts it */
    assert_non_null(strstr(cmdline, "ourvoice-kiosk")); /* the front handed over, it did not fork */
    assert_int_equal(killed, 0);
    assert_true(WIFEXITED(status)); /* SIGTERM reached the kiosk: it left cleanly */
    assert_int_equal(WEXITSTATUS(status), 0);
    close(fd);
}

/* Copy the front program into folder `to` (with the arm64 program the test-arm64 wrapper runs). */
static void copy_front(const char *to)
{
    char cmd[1500];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%s' '%s/' && { [ ! -e '%s.arm64' ] || cp '%s.arm64' '%s/'; }",
             to, ov_test_program(), to, ov_test_program(), ov_test_program(), to);
    assert_int_equal(system(cmd), 0);
}

static void the_package_layout_finds_the_kiosk_and_a_missing_one_is_named(void **state)
{
    (void)state;
    char dir[200], bin[300], lib[300], kiosk[PATH_MAX], cmd[2000];
    static char out[8192];
    ov_test_tmpdir(dir, sizeof dir);
    snprintf(bin, sizeof bin, "%s/usr/bin", dir);
    snprintf(lib, sizeof lib, "%s/usr/lib/ourvoice", dir);
    copy_front(bin);
    snprintf(cmd, sizeof cmd, "%s-kiosk", ov_test_program());
    assert_non_null(realpath(cmd, kiosk));
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && ln -s '%s' '%s/ourvoice-kiosk'", lib, kiosk, lib);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "'%s/ourvoice' kiosk --help; echo \"exit $?\"", bin);
    ov_test_command_output(cmd, out, sizeof out);
    assert_non_null(strstr(out, "usage: ourvoice kiosk"));
    assert_non_null(strstr(out, "exit 0"));

    snprintf(cmd, sizeof cmd, "rm '%s/ourvoice-kiosk' && '%s/ourvoice' kiosk --help 2>&1; echo \"exit $?\"",
             lib, bin);
    ov_test_command_output(cmd, out, sizeof out);
    assert_non_null(strstr(out, "cannot start the kiosk program: ourvoice-kiosk is missing"));
    assert_non_null(strstr(out, "/usr/bin/../lib/ourvoice/ourvoice-kiosk"));
    assert_non_null(strstr(out, "exit 1"));
    snprintf(cmd, sizeof cmd, "'%s/ourvoice' say hi --wav '%s/hi.wav' >/dev/null", bin, dir);
    assert_int_equal(system(cmd), 0); /* say needs no kiosk program at all */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(say_loads_no_screen_library),
        cmocka_unit_test(say_writes_the_same_wav_and_words),
        cmocka_unit_test(kiosk_keeps_the_process_systemd_started),
        cmocka_unit_test(the_package_layout_finds_the_kiosk_and_a_missing_one_is_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
