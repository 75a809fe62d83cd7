/* kiosk_ears.c — test support: a whole visit heard through a FIFO (see kiosk_ears.h). */
#include "kiosk_ears.h"
#include "kiosk_runner.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EARS_CHUNK 4096          /* bytes read from the FIFO at a time */
#define EARS_NAP_NS 10000000L    /* 10 ms between tries to wake the listener at the end */

typedef struct {
    const char *fifo;
    FILE *out;
    atomic_int stop, ended;
} ears;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Write `seconds` of silence: the time the kiosk's sound device was shut. */
static void write_silence(FILE *out, double seconds)
{
    static const int16_t zero[1024];
    long left = (long)(seconds * OV_EARS_RATE);
    while (left > 0) {
        long n = left < 1024 ? left : 1024;
        fwrite(zero, 2, (size_t)n, out);
        left -= n;
    }
}

/* The listener: each time the kiosk opens its sound device, copy what it plays. */
static void *listen_all(void *arg)
{
    ears *e = arg;
    double shut_at = -1;
    char buf[EARS_CHUNK];
    for (;;) {
        int fd = open(e->fifo, O_RDONLY);
        if (fd < 0 || atomic_load(&e->stop)) {
            if (fd >= 0)
                close(fd);
            break;
        }
        if (shut_at >= 0)
            write_silence(e->out, now_s() - shut_at);
        ssize_t n;
        while ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
            if (n > 0)
                fwrite(buf, 1, (size_t)n, e->out);
        close(fd);
        shut_at = now_s();
    }
    atomic_store(&e->ended, 1);
    return NULL;
}

/* Wake the listener where it waits for the next open, until it has ended. */
static void stop_listening(ears *e, pthread_t th)
{
    atomic_store(&e->stop, 1);
    struct timespec nap = { 0, EARS_NAP_NS };
    while (!atomic_load(&e->ended)) {
        int fd = open(e->fifo, O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            close(fd);
        nanosleep(&nap, NULL);
    }
    pthread_join(th, NULL);
}

/* All of the file `path` as samples into *heard. */
static void read_heard(const char *path, ov_test_heard *heard)
{
    heard->s = NULL;
    heard->n = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    fseek(f, 0, SEEK_END);
    long bytes = ftell(f);
    fseek(f, 0, SEEK_SET);
    heard->s = malloc((size_t)(bytes > 0 ? bytes : 2));
    if (heard->s)
        heard->n = (long)fread(heard->s, 2, (size_t)bytes / 2, f);
    fclose(f);
}

int ov_test_run_kiosk_heard(const char *dir, const char *script, int w, int h, const char *args, int timeout_s,
                            ov_test_heard *heard)
{
    char fifo[600], raw[600], path[600], cmd[3000];
    snprintf(fifo, sizeof fifo, "%s/ears.fifo", dir);
    snprintf(raw, sizeof raw, "%s/ears.raw", dir);
    snprintf(path, sizeof path, "%s/script.txt", dir);
    FILE *sf = fopen(path, "w");
    if (!sf || mkfifo(fifo, 0600) != 0) {
        if (sf)
            fclose(sf);
        return -1;
    }
    fputs(script, sf);
    fclose(sf);
    ears e = { .fifo = fifo, .out = fopen(raw, "wb") };
    atomic_init(&e.stop, 0);
    atomic_init(&e.ended, 0);
    pthread_t th;
    if (!e.out || pthread_create(&th, NULL, listen_all, &e) != 0)
        return -1;
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/shots' && SDL_VIDEODRIVER=offscreen SDL_FRAMEBUFFER_ACCELERATION=0 "
             "SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE='%s' timeout -s KILL %d '%s' kiosk --headless "
             "--script '%s' --shots '%s/shots' --size %dx%d %s 2>'%s/stderr.txt'",
             dir, fifo, timeout_s, ov_test_program(), path, dir, w, h, args, dir);
    int rc = system(cmd);
    stop_listening(&e, th);
    fclose(e.out);
    read_heard(raw, heard);
    return rc == -1 ? -1 : WEXITSTATUS(rc);
}

void ov_test_heard_free(ov_test_heard *heard)
{
    free(heard->s);
    heard->s = NULL;
    heard->n = 0;
}

/* 1 when frame `i` (OV_EARS_FRAME_MS long) of the recording is voice. */
static int frame_voiced(const int16_t *s, long n, long i)
{
    long len = OV_EARS_RATE * OV_EARS_FRAME_MS / 1000, from = i * len;
    double sum = 0;
    for (long k = from; k < from + len && k < n; k++)
        sum += (double)s[k] * s[k];
    return sqrt(sum / (double)len) > OV_EARS_VOICE_RMS;
}

static long frames_of(long n) { return n / (OV_EARS_RATE * OV_EARS_FRAME_MS / 1000); }

double ov_test_voiced_s(const ov_test_heard *heard, double from_s, double to_s)
{
    long voiced = 0, n = frames_of(heard->n);
    for (long i = (long)(from_s * 1000 / OV_EARS_FRAME_MS); i < n && i * OV_EARS_FRAME_MS < to_s * 1000; i++)
        voiced += i >= 0 && frame_voiced(heard->s, heard->n, i);
    return voiced * OV_EARS_FRAME_MS / 1000.0;
}

int ov_test_stretches(const ov_test_heard *heard, double gap_s, ov_test_stretch *out, int max)
{
    int count = 0;
    long n = frames_of(heard->n), last = -1000000;
    double frame_s = OV_EARS_FRAME_MS / 1000.0;
    for (long i = 0; i < n; i++) {
        if (!frame_voiced(heard->s, heard->n, i))
            continue;
        if ((double)(i - last) * frame_s > gap_s) {
            if (count == max)
                break;
            out[count++] = (ov_test_stretch){ i * frame_s, 0, i * frame_s };
        }
        out[count - 1].voiced_s += frame_s;
        out[count - 1].end_s = (double)(i + 1) * frame_s;
        last = i;
    }
    return count;
}

double ov_test_say_voiced_s(const char *dir, const char *words, const char *lang)
{
    char wav[600], txt[600], cmd[2000];
    snprintf(wav, sizeof wav, "%s/say.wav", dir);
    snprintf(txt, sizeof txt, "%s/say.txt", dir);
    FILE *f = fopen(txt, "w");
    if (!f)
        return -1;
    fputs(words, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "'%s' say \"$(cat '%s')\" --language %s --wav '%s' >/dev/null", ov_test_program(),
             txt, lang, wav);
    if (system(cmd) != 0)
        return -1;
    ov_test_heard said;
    read_heard(wav, &said);
    double s = -1;
    for (long i = 0; i + 4 <= said.n * 2 && said.s; i++) /* the samples follow the "data" chunk's size */
        if (!memcmp((char *)said.s + i, "data", 4)) {
            ov_test_heard pcm = { (int16_t *)((char *)said.s + i + 8), (said.n * 2 - i - 8) / 2 };
            s = ov_test_voiced_s(&pcm, 0, 1e9);
            break;
        }
    ov_test_heard_free(&said);
    return s;
}

void ov_test_print_stretches(const char *what, const ov_test_stretch *st, int n)
{
    fprintf(stderr, "%s: %d stretches of voice\n", what, n);
    for (int i = 0; i < n; i++)
        fprintf(stderr, "  %2d: %7.2f - %7.2f s, %5.2f s voiced\n", i, st[i].start_s, st[i].end_s, st[i].voiced_s);
}
