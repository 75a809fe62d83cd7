/* bench_kiosk.c — `make bench` figures measured from OUTSIDE the real kiosk
 * program, with no change to it.
 *
 * Two signals tell us a frame was presented:
 *  - READY=1 on $NOTIFY_SOCKET: the kiosk sends it after its first frame
 *    (firmware/sdnotify.c). We make an AF_UNIX datagram socket, set
 *    NOTIFY_SOCKET, fork and exec the kiosk, and wait for it.
 *  - With --frames DIR: SDL's offscreen driver writes one BMP per presented
 *    frame into the current folder when SDL_VIDEO_OFFSCREEN_SAVE_FRAMES is set.
 *    The kiosk is started in DIR (which must hold an `assets` link to the
 *    checkout's assets) with that variable set; inotify tells us the moment
 *    SDL starts saving a frame, i.e. at the end of the first present.
 *
 *   bench_kiosk start --runs N [--frames DIR] -- KIOSK ARGS...
 *       N times: exec -> first frame (first BMP when --frames, else READY=1),
 *       then SIGTERM. Prints median/min/max ms, and whether READY=1 came.
 *   bench_kiosk idle --window MS [--frames DIR] -- KIOSK ARGS...
 *       Once: the window starts at the first frame: READY=1 (without --frames
 *       that is the only signal), or with --frames the first frame SDL saves,
 *       whichever comes first. CPU (utime+stime
 *       from /proc/PID/stat) over the window, % of one core, wake-ups per
 *       second (context switches of all threads, /proc/PID/task/TID/status),
 *       and with --frames the number of frames presented in the window (each
 *       saved frame adds SDL's BMP write, about 1 ms at 800x480, to the CPU
 *       figure). Then SIGTERM.
 *   bench_kiosk peak -- KIOSK ARGS...
 *       Once, to the end (e.g. a scripted visit): exit status, wall time and
 *       peak resident memory (ru_maxrss of the child = its VmHWM).
 *
 * KIOSK must be an absolute path when --frames is used (the child runs in DIR).
 * It reports, it does not judge: exit 0 when the kiosk ran and ended as
 * expected (our SIGTERM, or exit 0 for `peak`), 1 when the kiosk crashed, exited
 * early or no frame was seen (the line printed says which), 2 usage. */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FRAME_TIMEOUT_MS 30000

typedef struct {
    pid_t pid;
    int sock;           /* notify socket */
    int ino;            /* inotify on the frames folder, or -1 */
    char dir[64];       /* temporary folder holding the socket */
    char path[96];      /* socket path */
    double t0;          /* just before fork */
    double t_ready;     /* READY=1 arrived, or 0 */
    double t_frame;     /* first frame file created, or 0 */
    int ended;          /* the child ended by itself while we waited */
    int status;
} child;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Describe how a child ended, into buf. Returns 1 for a crash (a signal other
 * than our own SIGTERM/SIGKILL), else 0. */
static int describe_end(int status, int we_stopped_it, char *buf, size_t len)
{
    if (WIFEXITED(status)) { snprintf(buf, len, "exit %d", WEXITSTATUS(status)); return 0; }
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        int ours = we_stopped_it && (sig == SIGTERM || sig == SIGKILL);
        snprintf(buf, len, "%s %d (%s)", ours ? "stopped by us with signal" : "CRASHED with signal", sig, strsignal(sig));
        return !ours;
    }
    snprintf(buf, len, "status %d", status);
    return 0;
}

/* Remove the frame files SDL left in dir (keeps the `assets` link). */
static void clear_frames(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    char p[1024];
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".bmp")) { snprintf(p, sizeof p, "%s/%s", dir, e->d_name); unlink(p); }
    }
    closedir(d);
}

/* Number of frame files (*.bmp) in dir; -1 when dir is NULL or unreadable. */
static long count_frames(const char *dir)
{
    if (!dir) return -1;
    DIR *d = opendir(dir);
    if (!d) return -1;
    long n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".bmp")) n++;
    }
    closedir(d);
    return n;
}

/* Make the notify socket (and the inotify watch on frames_dir), fork and exec
 * argv with NOTIFY_SOCKET set. Returns 0, or -1 with a message printed. */
static int spawn(char **argv, const char *frames_dir, child *c)
{
    memset(c, 0, sizeof *c);
    c->pid = -1;
    c->ino = -1;
    c->sock = -1;
    snprintf(c->dir, sizeof c->dir, "/tmp/ov-bench-XXXXXX");
    if (!mkdtemp(c->dir)) { perror("bench_kiosk: mkdtemp"); c->dir[0] = '\0'; return -1; }
    snprintf(c->path, sizeof c->path, "%s/notify", c->dir);
    c->sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (c->sock < 0) { perror("bench_kiosk: socket"); return -1; }
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s", c->path);
    if (bind(c->sock, (struct sockaddr *)&sa, sizeof sa) != 0) { perror("bench_kiosk: bind"); return -1; }
    if (frames_dir) {
        clear_frames(frames_dir);
        c->ino = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
        if (c->ino < 0 || inotify_add_watch(c->ino, frames_dir, IN_CREATE) < 0) {
            fprintf(stderr, "bench_kiosk: cannot watch %s: %s\n", frames_dir, strerror(errno));
            return -1;
        }
    }
    setenv("NOTIFY_SOCKET", c->path, 1);
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
    fflush(NULL);
    c->t0 = now_ms();
    c->pid = fork();
    if (c->pid < 0) { perror("bench_kiosk: fork"); return -1; }
    if (c->pid == 0) {
        if (frames_dir) {
            if (chdir(frames_dir) != 0) { fprintf(stderr, "bench_kiosk: cd %s: %s\n", frames_dir, strerror(errno)); _exit(127); }
            setenv("SDL_VIDEO_OFFSCREEN_SAVE_FRAMES", "1", 1);
        }
        execv(argv[0], argv);
        fprintf(stderr, "bench_kiosk: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    return 0;
}

/* Read the signals that arrived, waiting until `until` (absolute ms) at
 * most; returns as soon as `want` is met: 'r' READY=1, 'f' first frame,
 * 'a' the first of either, 0 never (just wait). Sets c->ended when the child
 * ended by itself. Returns 1 when `want` was met. */
static int watch(child *c, double until, int want)
{
    for (;;) {
        if (want == 'r' && c->t_ready) return 1;
        if (want == 'f' && c->t_frame) return 1;
        if (want == 'a' && (c->t_ready || c->t_frame)) return 1;
        double left = until - now_ms();
        if (left <= 0 || c->ended) return 0;
        struct pollfd p[2] = { { c->sock, POLLIN, 0 }, { c->ino, POLLIN, 0 } };
        int r = poll(p, c->ino >= 0 ? 2 : 1, left > 50 ? 50 : (int)left + 1);
        double t = now_ms();
        if (r > 0 && (p[0].revents & POLLIN)) {
            char buf[256];
            ssize_t n;
            while ((n = recv(c->sock, buf, sizeof buf - 1, MSG_DONTWAIT)) > 0) {
                buf[n] = '\0';
                if (strstr(buf, "READY=1") && !c->t_ready) c->t_ready = t;
            }
        }
        if (r > 0 && c->ino >= 0 && (p[1].revents & POLLIN)) {
            char buf[4096];
            ssize_t n;
            while ((n = read(c->ino, buf, sizeof buf)) > 0)
                if (!c->t_frame) c->t_frame = t;   /* any file created: SDL saving a frame */
        }
        if (r == 0 && waitpid(c->pid, &c->status, WNOHANG) == c->pid) c->ended = 1;
    }
}

/* Stop (when stop) and reap the child; clean up. Returns 1 if it crashed. */
static int finish(child *c, int stop, struct rusage *ru, char *how, size_t howlen, double *t_end)
{
    int crashed = 0;
    struct rusage dummy;
    if (!ru) ru = &dummy;
    memset(ru, 0, sizeof *ru);
    if (how && howlen) how[0] = '\0';
    char buf[96];
    buf[0] = '\0';
    if (c->pid > 0 && c->ended) {
        crashed = describe_end(c->status, 0, buf, sizeof buf);
        if (t_end) *t_end = now_ms();
    } else if (c->pid > 0) {
        if (stop) kill(c->pid, SIGTERM);
        int st = 0;
        double deadline = now_ms() + (stop ? 10000 : 600000);
        pid_t r;
        while ((r = wait4(c->pid, &st, WNOHANG, ru)) == 0) {
            if (now_ms() > deadline) { kill(c->pid, SIGKILL); deadline = now_ms() + 1e9; stop = 1; }
            usleep(1000);
        }
        if (t_end) *t_end = now_ms();
        if (r == c->pid) crashed = describe_end(st, stop, buf, sizeof buf);
        else snprintf(buf, sizeof buf, "lost (%s)", strerror(errno));
    }
    if (how) snprintf(how, howlen, "%s", buf);
    if (c->sock >= 0) close(c->sock);
    if (c->ino >= 0) close(c->ino);
    if (c->dir[0]) { unlink(c->path); rmdir(c->dir); }
    c->pid = -1;
    return crashed;
}

/* utime+stime of pid in seconds, from /proc/PID/stat; -1 on failure. */
static double cpu_seconds(pid_t pid)
{
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');          /* the command name may hold spaces */
    if (!p) return -1;
    unsigned long long ut = 0, stt = 0;
    /* after ") ": state is field 3 ... utime field 14, stime field 15 */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &stt) != 2) return -1;
    return (double)(ut + stt) / (double)sysconf(_SC_CLK_TCK);
}

/* Context switches of all the process's threads so far (each is roughly one
 * wake-up: sleeping and waking again); -1 on failure. */
static long wakeups(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    if (!d) return -1;
    long total = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char sp[600], line[256];
        snprintf(sp, sizeof sp, "%s/%s/status", path, e->d_name);
        FILE *f = fopen(sp, "r");
        if (!f) continue;
        long v;
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "voluntary_ctxt_switches: %ld", &v) == 1 || sscanf(line, "nonvoluntary_ctxt_switches: %ld", &v) == 1) total += v;
        fclose(f);
    }
    closedir(d);
    return total;
}

static void summary(const char *what, double *ms, int n)
{
    if (!n) { printf("%s: none", what); return; }
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    printf("%s: median %.0f ms, min %.0f, max %.0f (%d runs)", what, ms[n / 2], ms[0], ms[n - 1], n);
}

static int cmd_start(int runs, const char *frames, char **argv)
{
    double *fr = calloc((size_t)runs, sizeof *fr), *rd = calloc((size_t)runs, sizeof *rd);
    int nf = 0, nr = 0, crashes = 0, failed = 0;
    for (int i = 0; i < runs; i++) {
        child c;
        if (spawn(argv, frames, &c) != 0) { finish(&c, 1, NULL, NULL, 0, NULL); failed++; break; }
        double until = now_ms() + FRAME_TIMEOUT_MS;
        watch(&c, until, frames ? 'f' : 'r');
        if (frames && c.t_frame) watch(&c, c.t_frame + 300, 'r');    /* READY=1 should follow at once */
        char how[96];
        if (finish(&c, 1, NULL, how, sizeof how, NULL)) { crashes++; fprintf(stderr, "bench_kiosk: run %d: kiosk %s\n", i + 1, how); }
        else if (c.ended) fprintf(stderr, "bench_kiosk: run %d: kiosk ended early (%s)\n", i + 1, how);
        if (c.t_frame) fr[nf++] = c.t_frame - c.t0;
        if (c.t_ready) rd[nr++] = c.t_ready - c.t0;
        if (!(frames ? c.t_frame : c.t_ready)) failed++;
    }
    if (frames) {
        summary("exec -> first frame presented", fr, nf);
        if (nr) { printf("; "); summary("exec -> READY=1", rd, nr); }
        else printf("; READY=1 was NEVER sent");
    } else {
        summary("exec -> READY=1 (after first frame)", rd, nr);
    }
    if (failed) printf("; %d run%s with no frame", failed, failed == 1 ? "" : "s");
    if (crashes) printf("; %d CRASH%s", crashes, crashes == 1 ? "" : "ES");
    printf("\n");
    free(fr);
    free(rd);
    return (failed || crashes) ? 1 : 0;
}

static int cmd_idle(int window_ms, const char *frames, char **argv)
{
    child c;
    if (spawn(argv, frames, &c) != 0) { finish(&c, 1, NULL, NULL, 0, NULL); return 1; }
    int seen = watch(&c, c.t0 + FRAME_TIMEOUT_MS, frames ? 'a' : 'r');
    char how[96];
    if (!seen) {
        finish(&c, 1, NULL, how, sizeof how, NULL);
        printf("idle: NOT MEASURED (%s; kiosk %s)\n", frames ? "no frame seen" : "READY=1 never came", how);
        return 1;
    }
    const char *start = c.t_ready ? "READY=1" : "the first frame saved";
    double cpu_a = cpu_seconds(c.pid), wall_a = now_ms();
    long fr_a = count_frames(frames), wk_a = wakeups(c.pid);
    watch(&c, wall_a + window_ms, 0);
    double cpu_b = cpu_seconds(c.pid), wall_b = now_ms();
    long fr_b = count_frames(frames), wk_b = wakeups(c.pid);
    int crashed = finish(&c, 1, NULL, how, sizeof how, NULL);
    if (c.ended || cpu_a < 0 || cpu_b < 0) {
        printf("idle: NOT MEASURED (the kiosk ended during the window: %s)\n", how);
        return 1;
    }
    double cpu = cpu_b - cpu_a, wall = (wall_b - wall_a) / 1000.0;
    printf("CPU over %.1f s (from %s at %.0f ms after exec): %.2f s = %.1f%% of one core", wall, start, wall_a - c.t0, cpu, 100.0 * cpu / wall);
    if (wk_a >= 0 && wk_b >= 0) printf(", %.0f wake-ups/s", (wk_b - wk_a) / wall);
    if (fr_a >= 0 && fr_b >= 0) printf(", %ld frame%s presented in the window", fr_b - fr_a, fr_b - fr_a == 1 ? "" : "s");
    if (crashed) printf(", kiosk %s", how);
    printf("\n");
    if (frames) clear_frames(frames);
    return crashed;
}

static int cmd_peak(char **argv)
{
    child c;
    double t1 = 0;
    if (spawn(argv, NULL, &c) != 0) { finish(&c, 1, NULL, NULL, 0, NULL); return 1; }
    struct rusage ru;
    char how[96];
    int crashed = finish(&c, 0, &ru, how, sizeof how, &t1);
    printf("peak memory (VmHWM): %.1f MB (%ld KB), wall %.1f s, CPU %.2f s, kiosk %s\n", ru.ru_maxrss / 1024.0, ru.ru_maxrss,
           (t1 - c.t0) / 1000.0, ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6, how);
    return crashed || strcmp(how, "exit 0") != 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: bench_kiosk start --runs N [--frames DIR] -- KIOSK ARGS...\n"
                    "       bench_kiosk idle --window MS [--frames DIR] -- KIOSK ARGS...\n"
                    "       bench_kiosk peak -- KIOSK ARGS...\n");
    return 2;
}

int main(int argc, char **argv)
{
    int runs = 10, window = 10000, i;
    const char *frames = NULL;
    if (argc < 2) return usage();
    for (i = 2; i < argc && strcmp(argv[i], "--"); i++) {
        if (i + 1 >= argc) return usage();
        if (!strcmp(argv[i], "--runs")) runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--window")) window = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--frames")) frames = argv[++i];
        else return usage();
    }
    if (i + 1 >= argc || runs < 1 || runs > 1000 || window < 1 || window > 600000) return usage();
    char **kargv = argv + i + 1;
    if (frames && kargv[0][0] != '/') { fprintf(stderr, "bench_kiosk: with --frames, give the kiosk as an absolute path\n"); return 2; }
    if (!strcmp(argv[1], "start")) return cmd_start(runs, frames, kargv);
    if (!strcmp(argv[1], "idle")) return cmd_idle(window, frames, kargv);
    if (!strcmp(argv[1], "peak")) return cmd_peak(kargv);
    return usage();
}
