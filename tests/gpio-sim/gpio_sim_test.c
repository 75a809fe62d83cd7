/* gpio_sim_test.c — runs INSIDE the test VM of `make test-gpio` (see
 * toolchain/gpio-sim/run.sh), as root, against the kernel's gpio-sim chip,
 * built with the project's own firmware/platform/gpio*.c, ui/buttons.c and platform/config.c.
 *
 * The init script made a simulated chip labelled "pinctrl-sim" whose lines
 * are named GPIO0..GPIO27 like a Raspberry Pi's header, and a second chip
 * "ov-extra" (8 unnamed lines). A "button press" is writing pull-down to
 * /sys/devices/platform/gpio-sim.N/gpiochipM/sim_gpioK/pull (the button
 * shorts the line to ground), a release is pull-up. Lights are read back
 * from sim_gpioK/value.
 *
 * Usage: gpio_sim_test TAG   (TAG names this run, e.g. v1 or v2)
 * Prints "ok"/"FAIL" lines and "TAG: N passed, N failed"; exit 1 on failure. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ui/buttons.h"
#include "platform/config.h"
#include "platform/gpio.h"

#define CONFIGFS "/config/gpio-sim"

static int passed, failed;
static const char *tag = "gpio";
static char sim0[256];   /* sysfs dir of chip "pinctrl-sim" */
static char sim1[256];   /* sysfs dir of chip "ov-extra" */
static long edges_seen;  /* kernel edges ov_gpio_read delivered */

static void check(int ok, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void check(int ok, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%s: %s: ", tag, ok ? "ok" : "FAIL");
    vprintf(fmt, ap);
    if (!ok)
        printf(" (gpio_sim_test.c:%d)", line);
    printf("\n");
    fflush(stdout);
    va_end(ap);
    if (ok)
        passed++;
    else
        failed++;
}
#define CHECK(cond, ...) check((cond), __LINE__, __VA_ARGS__)

static int read_text(const char *path, char *buf, size_t len)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    if (!fgets(buf, (int)len, f))
        buf[0] = '\0';
    fclose(f);
    buf[strcspn(buf, "\n")] = '\0';
    return 0;
}

static int write_text(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* sysfs dir of a configfs gpio-sim device's bank. */
static int sim_dir(const char *dev, const char *bank, char *out, size_t len)
{
    char p[256], dev_name[64], chip_name[64];
    snprintf(p, sizeof p, CONFIGFS "/%s/dev_name", dev);
    if (read_text(p, dev_name, sizeof dev_name))
        return -1;
    snprintf(p, sizeof p, CONFIGFS "/%s/%s/chip_name", dev, bank);
    if (read_text(p, chip_name, sizeof chip_name))
        return -1;
    snprintf(out, len, "/sys/devices/platform/%s/%s", dev_name, chip_name);
    return 0;
}

static void press_line(const char *dir, int off, int down)
{
    char p[320];
    snprintf(p, sizeof p, "%s/sim_gpio%d/pull", dir, off);
    if (write_text(p, down ? "pull-down" : "pull-up"))
        printf("%s: cannot write %s: %s\n", tag, p, strerror(errno));
}

static int line_attr(const char *dir, int off, const char *attr, char *buf, size_t len)
{
    char p[320];
    snprintf(p, sizeof p, "%s/sim_gpio%d/%s", dir, off, attr);
    return read_text(p, buf, len);
}

static int line_value(const char *dir, int off)
{
    char v[16] = "";
    if (line_attr(dir, off, "value", v, sizeof v))
        return -1;
    return atoi(v);
}

/* The kiosk's loop in small: poll the fds, drain edges, take clean events. */
static int pump(ov_gpio *g, ov_buttons *b, int ms, ov_press *out, int max)
{
    int n = 0;
    uint64_t end = ov_now_ms() + (uint64_t)ms;
    for (;;) {
        uint64_t now = ov_now_ms();
        struct pollfd pf[OV_GPIO_MAX_FDS];
        int fds[OV_GPIO_MAX_FDS];
        int nf = ov_gpio_fds(g, fds, OV_GPIO_MAX_FDS);
        for (int i = 0; i < nf; i++) {
            pf[i].fd = fds[i];
            pf[i].events = POLLIN;
        }
        int timeout = now >= end ? 0 : (int)(end - now) > 10 ? 10 : (int)(end - now);
        poll(pf, (nfds_t)nf, timeout);
        now = ov_now_ms();
        int r = ov_gpio_read(g, b, now);
        if (r > 0)
            edges_seen += r;
        ov_press p;
        while (n < max && ov_buttons_poll(b, now, &p, 1) == 1)
            out[n++] = p;
        if (now >= end)
            return n;
    }
}

static int count(const ov_press *p, int n, int button, ov_press_kind kind)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        c += p[i].button == button && p[i].kind == kind;
    return c;
}

/* Pin numbers of the default wiring (board/wiring.md). */
enum { PIN_A1 = 5, PIN_A2 = 6, PIN_A3 = 13, PIN_A4 = 19, PIN_HEAR = 26, PIN_KEY = 17 };
static const int light_pins[5] = { 12, 16, 20, 21, 23 }; /* light5 = GPIO23 beside answer5 */

static int load_config(ov_config *cfg, const char *extra)
{
    char path[] = "/tmp/ourvoice-test.ini";
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "[buttons]\nstuck_s = 1\n%s", extra);
    fclose(f);
    ov_config_defaults(cfg);
    ov_diags d;
    memset(&d, 0, sizeof d);
    return ov_config_load(path, cfg, &d);
}

static void test_open_and_bias(ov_gpio **gp, ov_config *cfg)
{
    char err[512] = "";
    int rc = ov_gpio_open(cfg, gp, err, sizeof err);
    CHECK(rc == OV_OK, "default pin map + answer5 = ov-extra:1 opens (rc %d %s)", rc, err);
    CHECK(*gp && ov_gpio_problem(*gp) == NULL, "no facilitator message when all lines work");
    CHECK(ov_gpio_working(*gp) == 12, "12 lines work (5 answers, hear-again, key, 5 lights): %d",
          ov_gpio_working(*gp));
    int fds[OV_GPIO_MAX_FDS];
    CHECK(ov_gpio_fds(*gp, fds, OV_GPIO_MAX_FDS) == 7, "7 input fds to poll");
    CHECK(ov_gpio_wait_ms(*gp, ov_now_ms()) == -1, "every line works: no timer, the loop sleeps on the fds");
    char pull[32] = "";
    line_attr(sim0, PIN_A1, "pull", pull, sizeof pull);
    CHECK(!strcmp(pull, "pull-up"), "answer 1 (GPIO5) has the internal pull-up: %s", pull);
    CHECK(line_value(sim0, PIN_A1) == 1, "a released button reads high");
}

static void test_press(ov_gpio *g, ov_buttons *b)
{
    ov_press p[16];
    pump(g, b, 50, p, 16);
    long e0 = edges_seen;
    press_line(sim0, PIN_A1, 1);
    int n = pump(g, b, 150, p, 16);
    press_line(sim0, PIN_A1, 0);
    n += pump(g, b, 100, p + n, 16 - n);
    CHECK(edges_seen - e0 == 2, "a press gives the kernel's falling and rising edge (%ld)", edges_seen - e0);
    CHECK(n == 1 && count(p, n, OV_BTN_ANSWER1, OV_PRESS) == 1, "press on GPIO5 = one answer 1 press (%d events)", n);
    press_line(sim1, 1, 1);
    n = pump(g, b, 150, p, 16);
    press_line(sim1, 1, 0);
    n += pump(g, b, 100, p + n, 16 - n);
    CHECK(n == 1 && count(p, n, OV_BTN_ANSWER5, OV_PRESS) == 1, "line found by label:offset (ov-extra:1) = answer 5");
    press_line(sim0, PIN_HEAR, 1);
    n = pump(g, b, 100, p, 16);
    press_line(sim0, PIN_HEAR, 0);
    n += pump(g, b, 100, p + n, 16 - n);
    CHECK(count(p, n, OV_BTN_HEAR_AGAIN, OV_PRESS) == 1, "GPIO26 = hear again");
}

static void test_bounce(ov_gpio *g, ov_buttons *b)
{
    ov_press p[16];
    long e0 = edges_seen;
    for (int i = 0; i < 10; i++) {
        press_line(sim0, PIN_A2, 1);
        press_line(sim0, PIN_A2, 0);
    }
    press_line(sim0, PIN_A2, 1);
    int n = pump(g, b, 150, p, 16);
    for (int i = 0; i < 5; i++) {
        press_line(sim0, PIN_A2, 0);
        press_line(sim0, PIN_A2, 1);
    }
    press_line(sim0, PIN_A2, 0);
    n += pump(g, b, 150, p + n, 16 - n);
    CHECK(edges_seen - e0 >= 20, "bounce trains reach the debouncer as edges (%ld)", edges_seen - e0);
    CHECK(n == 1 && count(p, n, OV_BTN_ANSWER2, OV_PRESS) == 1,
          "bouncy press and release on GPIO6 = exactly one press (%d events)", n);

    e0 = edges_seen;
    press_line(sim0, PIN_A3, 1);
    press_line(sim0, PIN_A3, 0);
    n = pump(g, b, 150, p, 16);
    CHECK(edges_seen - e0 == 2 && n == 0, "a glitch shorter than 30 ms is not a press (%ld edges, %d events)",
          edges_seen - e0, n);
}

static void test_lockout(ov_gpio *g, ov_buttons *b)
{
    ov_press p[16];
    press_line(sim0, PIN_A4, 1);
    int n = pump(g, b, 100, p, 16);
    press_line(sim0, PIN_A4, 0);
    CHECK(n == 1 && p[0].button == OV_BTN_ANSWER4, "vote on GPIO19");
    ov_buttons_lockout(b, p[0].at_ms);
    ov_gpio_blink(g, ov_now_ms());
    pump(g, b, 200, p, 16);
    press_line(sim0, PIN_A4, 1);   /* double press 300 ms after the vote */
    n = pump(g, b, 100, p, 16);
    press_line(sim0, PIN_A4, 0);
    n += pump(g, b, 100, p + n, 16 - n);
    CHECK(n == 0, "a second press within the lockout is ignored (%d events)", n);
}

static void test_stuck(ov_gpio *g, ov_buttons *b)
{
    ov_press p[16];
    pump(g, b, 1300, p, 16);   /* let the lockout pass */
    press_line(sim0, PIN_A4, 1);
    int n = pump(g, b, 1300, p, 16);
    CHECK(count(p, n, OV_BTN_ANSWER4, OV_PRESS) == 1 && count(p, n, OV_BTN_ANSWER4, OV_STUCK) == 1,
          "a button held past stuck_s: one press, then reported stuck");
    CHECK(ov_buttons_is_stuck(b, OV_BTN_ANSWER4), "stuck state is visible to the kiosk");
    press_line(sim0, PIN_A4, 0);
    n = pump(g, b, 100, p, 16);
    CHECK(n == 1 && p[0].kind == OV_UNSTUCK, "released: reported free again, not a press");
}

static void test_key_switch(ov_gpio *g, ov_buttons *b)
{
    ov_press p[16];
    press_line(sim0, PIN_KEY, 1);
    int n = pump(g, b, 100, p, 16);
    CHECK(count(p, n, OV_BTN_KEY_SWITCH, OV_PRESS) == 1, "key switch turned on (GPIO17)");
    press_line(sim0, PIN_KEY, 0);
    n = pump(g, b, 100, p, 16);
    CHECK(count(p, n, OV_BTN_KEY_SWITCH, OV_RELEASE_KEY) == 1, "key switch turned off");
}

static int lights_are(int want)
{
    for (size_t i = 0; i < sizeof light_pins / sizeof light_pins[0]; i++)
        if (line_value(sim0, light_pins[i]) != want)
            return 0;
    return 1;
}

static void test_lights(ov_gpio *g)
{
    uint64_t t = ov_now_ms() + 10000;   /* explicit times: no sleeping */
    unsigned all = ov_lights_mask(1, 5);
    ov_gpio_lights(g, all, t);
    CHECK(lights_are(1), "lights on while voting is open (GPIO12/16/20/21/23 high)");
    ov_gpio_lights(g, ov_lights_mask(1, 4), t + 1);
    int four = 1;
    for (int i = 0; i < 4; i++)
        four &= line_value(sim0, light_pins[i]) == 1;
    CHECK(four && line_value(sim0, light_pins[4]) == 0,
          "a question with 4 answers lights buttons 1-4 only (GPIO23 low)");
    ov_gpio_lights(g, ov_lights_mask(0, 5), t + 1);
    CHECK(lights_are(0), "lights off when voting is closed");
    ov_gpio_lights(g, all, t + 2);
    ov_gpio_blink(g, t + 100);
    int a = lights_are(0);
    CHECK(ov_gpio_wait_ms(g, t + 110) == OV_LIGHT_BLINK_STEP_MS - 10, "the blink wakes the loop for its next flip");
    ov_gpio_lights(g, all, t + 100 + OV_LIGHT_BLINK_STEP_MS);
    int b = lights_are(1);
    ov_gpio_lights(g, all, t + 100 + 2 * OV_LIGHT_BLINK_STEP_MS);
    int c = lights_are(0);
    ov_gpio_lights(g, all, t + 100 + 4 * OV_LIGHT_BLINK_STEP_MS);
    int d = lights_are(1);
    CHECK(a && b && c && d, "a counted vote blinks every light off-on-off-on, then steady on");
    CHECK(ov_gpio_wait_ms(g, t + 100 + 4 * OV_LIGHT_BLINK_STEP_MS) == -1, "no timer once the blink is over");
}

/* Restart: a press that comes between opening the lines and the kiosk's
 * first read is a real press (only a button already down when the line is
 * requested is ignored; that case is in tests/test_buttons.c, as gpio-sim's
 * pull follows the bias we request and cannot be held low across it). */
static void test_press_right_after_open(ov_gpio **gp, ov_config *cfg, ov_buttons *b)
{
    ov_press p[16];
    ov_gpio_close(*gp);
    char err[256];
    int rc = ov_gpio_open(cfg, gp, err, sizeof err);
    press_line(sim0, PIN_A3, 1);
    int n = pump(*gp, b, 100, p, 16);
    press_line(sim0, PIN_A3, 0);
    n += pump(*gp, b, 100, p + n, 16 - n);
    CHECK(rc == OV_OK && n == 1 && count(p, n, OV_BTN_ANSWER3, OV_PRESS) == 1,
          "reopened: a press before the first read counts once (%d events)", n);
}

static void test_busy_then_retry(ov_gpio **gp, ov_config *cfg)
{
    ov_gpio *g2 = NULL;
    char err[512] = "";
    int rc = ov_gpio_open(cfg, &g2, err, sizeof err);
    CHECK(rc == OV_EBUSY && g2, "lines in use: soft failure OV_EBUSY (rc %d)", rc);
    CHECK(strstr(err, "in use by ourvoice") != NULL, "message names the user: %s", err);
    int fds[OV_GPIO_MAX_FDS];
    CHECK(ov_gpio_fds(g2, fds, OV_GPIO_MAX_FDS) == 0, "no fds while every line is busy");
    ov_gpio_close(*gp);
    *gp = NULL;
    uint64_t now = ov_now_ms();
    CHECK(ov_gpio_retry(g2, now) == 0, "retry waits %d ms between tries", OV_GPIO_RETRY_MS);
    CHECK(ov_gpio_retry(g2, now + OV_GPIO_RETRY_MS + 1) == 1, "retry picks the lines up once they are free");
    CHECK(ov_gpio_problem(g2) == NULL && ov_gpio_working(g2) == 12, "... all 12, message cleared");
    ov_buttons b;
    ov_buttons_init(&b, cfg->debounce_ms, cfg->vote_lockout_ms, cfg->stuck_s * 1000);
    ov_press p[16];
    press_line(sim0, PIN_A1, 1);
    int n = pump(g2, &b, 100, p, 16);
    press_line(sim0, PIN_A1, 0);
    pump(g2, &b, 100, p + n, 16 - n);
    CHECK(n == 1 && p[0].button == OV_BTN_ANSWER1, "buttons work after the retry (%d events, first %d/%d)",
          n, n ? p[0].button : -1, n ? (int)p[0].kind : -1);
    *gp = g2;
}

static void test_permission(const ov_config *cfg)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (setgid(65534) || setuid(65534))
            _exit(3);
        ov_gpio *g = NULL;
        char err[512] = "";
        int rc = ov_gpio_open(cfg, &g, err, sizeof err);
        int ok = rc == OV_EPERM && g && strstr(err, "permission denied") && strstr(err, "gpio group");
        printf("%s:   as nobody: %s\n", tag, err);
        fflush(stdout);
        _exit(ok ? 0 : 1);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
          "permission denied on /dev/gpiochip*: soft failure telling how to fix it");
}

static int mkdir_write(const char *dir, const char *file, const char *text)
{
    char p[256];
    if (!file)
        return mkdir(dir, 0755) && errno != EEXIST ? -1 : 0;
    snprintf(p, sizeof p, "%s/%s", dir, file);
    return write_text(p, text);
}

/* The GPIO chip is not there when the kiosk starts (a HAT driver that loads
 * late, a USB GPIO board plugged in later): retry picks the buttons up. */
static void test_chip_appears_later(void)
{
    ov_config cfg;
    char label[24], extra[32], dev[128], bank[160], line[192];
    snprintf(label, sizeof label, "late-%s", tag);
    ov_config_defaults(&cfg);
    for (int i = 0; i < OV_MAX_GPIO_ANSWERS; i++)
        cfg.gpio_answer[i][0] = cfg.gpio_light[i][0] = '\0';
    snprintf(cfg.gpio_answer[0], sizeof cfg.gpio_answer[0], "%s:2", label);
    snprintf(cfg.gpio_hear_again, sizeof cfg.gpio_hear_again, "LATE7%s", tag);
    cfg.gpio_key_switch[0] = '\0';
    ov_gpio *g = NULL;
    char err[512] = "";
    int rc = ov_gpio_open(&cfg, &g, err, sizeof err);
    CHECK(rc == OV_ENOTFOUND && g && ov_gpio_working(g) == 0,
          "chip missing at start: soft failure (%s)", err);
    snprintf(dev, sizeof dev, CONFIGFS "/%s", label);
    snprintf(bank, sizeof bank, "%s/bank0", dev);
    snprintf(line, sizeof line, "%s/line7", bank);
    snprintf(extra, sizeof extra, "LATE7%s", tag);
    int ok = !mkdir_write(dev, NULL, NULL) && !mkdir_write(bank, NULL, NULL) &&
             !mkdir_write(bank, "num_lines", "8") && !mkdir_write(bank, "label", label) &&
             !mkdir_write(line, NULL, NULL) && !mkdir_write(line, "name", extra) &&
             !mkdir_write(dev, "live", "1");
    CHECK(ok, "a new gpio-sim chip \"%s\" appeared", label);
    CHECK(ov_gpio_retry(g, ov_now_ms() + OV_GPIO_RETRY_MS + 1) == 1 && ov_gpio_problem(g) == NULL,
          "retry picks up the late chip (by label:offset and by name)");
    char dir[256];
    ov_buttons b;
    ov_press p[8];
    ov_buttons_init(&b, 30, 1500, 10000);
    if (sim_dir(label, "bank0", dir, sizeof dir) == 0) {
        press_line(dir, 2, 1);
        int n = pump(g, &b, 100, p, 8);
        press_line(dir, 2, 0);
        press_line(dir, 7, 1);
        n += pump(g, &b, 100, p + n, 8 - n);
        press_line(dir, 7, 0);
        pump(g, &b, 50, p + n, 8 - n);
        CHECK(n == 2 && count(p, n, OV_BTN_ANSWER1, OV_PRESS) == 1 &&
              count(p, n, OV_BTN_HEAR_AGAIN, OV_PRESS) == 1, "presses on the late chip count (%d events, %ld edges)",
              n, edges_seen);
    }
    ov_gpio_close(g);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        tag = argv[1];
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (sim_dir("ov", "bank0", sim0, sizeof sim0) || sim_dir("ov", "bank1", sim1, sizeof sim1)) {
        printf("%s: FAIL: the init script did not set up gpio-sim (" CONFIGFS "/ov)\n", tag);
        printf("%s: 0 passed, 1 failed\n", tag);
        return 1;
    }
    ov_config cfg;
    int rc = load_config(&cfg, "answer5 = ov-extra:1\n");
    CHECK(rc == OV_OK, "[buttons] config with a label:offset line loads (rc %d)", rc);

    ov_buttons b;
    ov_buttons_init(&b, cfg.debounce_ms, cfg.vote_lockout_ms, cfg.stuck_s * 1000);
    ov_gpio *g = NULL;
    test_open_and_bias(&g, &cfg);
    if (g && ov_gpio_working(g) > 0) {
        test_press(g, &b);
        test_bounce(g, &b);
        test_lockout(g, &b);
        test_stuck(g, &b);
        test_key_switch(g, &b);
        test_lights(g);
        test_press_right_after_open(&g, &cfg, &b);
        test_permission(&cfg);
        test_busy_then_retry(&g, &cfg);
    }
    ov_gpio_close(g);
    test_chip_appears_later();
    printf("%s: %d passed, %d failed\n", tag, passed, failed);
    return failed ? 1 : 0;
}
