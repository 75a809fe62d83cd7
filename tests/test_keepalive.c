/* test_keepalive.c — while the kiosk's one thread does long work (an export
 * to a slow stick, a big import), systemd's watchdog still gets WATCHDOG=1
 * in every timeout window; and a job stuck past the bound is no longer fed,
 * so a real hang is still restarted. A datagram socket stands in for systemd. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "base/ov_common.h"
#include "platform/keepalive.h"
#include "test_tmp.h"

#define TIMEOUT_US 1000000 /* WatchdogSec=1 for the test: fed every 500 ms */
#define WORK_MS 4000       /* the slow job */

typedef struct {
    char dir[128], path[200];
    int fd;
} listener;

static void listen_as_systemd(listener *l)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    ov_test_tmp_template(l->dir, sizeof l->dir, "ov-keepalive");
    assert_non_null(mkdtemp(l->dir));
    snprintf(l->path, sizeof l->path, "%s/notify", l->dir);
    strcpy(sa.sun_path, l->path);
    l->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    assert_true(l->fd >= 0);
    assert_int_equal(bind(l->fd, (struct sockaddr *)&sa, sizeof sa), 0);
    setenv("NOTIFY_SOCKET", l->path, 1);
    char us[32];
    snprintf(us, sizeof us, "%d", TIMEOUT_US);
    setenv("WATCHDOG_USEC", us, 1);
    unsetenv("WATCHDOG_PID");
}

/* How many WATCHDOG=1 arrived (the socket is drained). */
static int count_pings(listener *l)
{
    char buf[256];
    int n = 0;
    ssize_t got;
    while ((got = recv(l->fd, buf, sizeof buf - 1, 0)) >= 0) {
        buf[got] = '\0';
        n += strcmp(buf, "WATCHDOG=1") == 0;
    }
    return n;
}

static void stop_listening(listener *l)
{
    close(l->fd);
    unlink(l->path);
    rmdir(l->dir);
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
}

/* The slow stick: the loop's thread is busy, nothing else pings. Returns the ms it took. */
static uint64_t slow_job(void)
{
    uint64_t start = ov_now_ms();
    while (ov_now_ms() - start < WORK_MS) {
        struct timespec nap = { 0, 100 * 1000000L };
        nanosleep(&nap, NULL);
    }
    return ov_now_ms() - start;
}

static void test_long_work_is_fed_in_every_window(void **state)
{
    (void)state;
    listener l;
    listen_as_systemd(&l);
    ov_keepalive *ka = NULL;
    assert_int_equal(ov_keepalive_start(OV_KEEPALIVE_MAX_MS, &ka), OV_OK);
    assert_non_null(ka);
    uint64_t took = slow_job();
    int sent = ov_keepalive_stop(ka);
    int got = count_pings(&l);
    assert_int_equal(got, sent);
    /* at least one WATCHDOG=1 for every timeout window the job lasted: systemd never fired */
    assert_true((uint64_t)got * (TIMEOUT_US / 1000) >= took);
    stop_listening(&l);
}

static void test_a_stuck_job_is_not_fed_past_the_bound(void **state)
{
    (void)state;
    listener l;
    listen_as_systemd(&l);
    ov_keepalive *ka = NULL;
    assert_int_equal(ov_keepalive_start(0, &ka), OV_OK); /* bound already reached */
    slow_job();
    assert_int_equal(ov_keepalive_stop(ka), 0);
    assert_int_equal(count_pings(&l), 0);
    stop_listening(&l);
}

static void test_no_watchdog_no_thread(void **state)
{
    (void)state;
    unsetenv("WATCHDOG_USEC");
    ov_keepalive *ka = (ov_keepalive *)1;
    assert_int_equal(ov_keepalive_start(OV_KEEPALIVE_MAX_MS, &ka), OV_OK);
    assert_null(ka);
    assert_int_equal(ov_keepalive_stop(ka), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_work_is_fed_in_every_window),
        cmocka_unit_test(test_a_stuck_job_is_not_fed_past_the_bound),
        cmocka_unit_test(test_no_watchdog_no_thread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
