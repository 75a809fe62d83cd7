/* keepalive.c — a helper thread that feeds systemd's watchdog during long work. */
#include "platform/keepalive.h"
#include "base/ov_common.h"
#include "platform/sdnotify.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

struct ov_keepalive {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stop;          /* set by ov_keepalive_stop, under lock */
    uint64_t every_ms; /* how often to feed */
    uint64_t max_ms;   /* feed no longer than this */
    int sent;          /* WATCHDOG=1 sent (read after join) */
};

/* now + ms on CLOCK_MONOTONIC, for pthread_cond_timedwait. */
static struct timespec deadline_after(uint64_t ms)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_sec += (time_t)(ms / OV_MS_PER_S);
    t.tv_nsec += (long)(ms % OV_MS_PER_S) * OV_NS_PER_MS;
    if (t.tv_nsec >= OV_NS_PER_S) {
        t.tv_sec++;
        t.tv_nsec -= OV_NS_PER_S;
    }
    return t;
}

static void *feed_loop(void *arg)
{
    ov_keepalive *k = arg;
    uint64_t start = ov_now_ms();
    pthread_mutex_lock(&k->lock);
    while (!k->stop && ov_now_ms() - start < k->max_ms) {
        if (ov_sd_notify("WATCHDOG=1") == OV_OK)
            k->sent++;
        struct timespec until = deadline_after(k->every_ms);
        while (!k->stop && pthread_cond_timedwait(&k->wake, &k->lock, &until) != ETIMEDOUT) {
        }
    }
    pthread_mutex_unlock(&k->lock);
    return NULL;
}

/* The lock and a condition on the monotonic clock. Returns OV_OK or OV_EIO. */
static int init_sync(ov_keepalive *k)
{
    pthread_condattr_t ca;
    if (pthread_mutex_init(&k->lock, NULL) != 0)
        return OV_EIO;
    if (pthread_condattr_init(&ca) != 0 || pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) != 0 ||
        pthread_cond_init(&k->wake, &ca) != 0) {
        pthread_mutex_destroy(&k->lock);
        return OV_EIO;
    }
    pthread_condattr_destroy(&ca);
    return OV_OK;
}

int ov_keepalive_start(uint64_t max_ms, ov_keepalive **out)
{
    *out = NULL;
    uint64_t every = ov_sd_watchdog_interval_ms();
    if (!every)
        return OV_OK;
    ov_keepalive *k = calloc(1, sizeof *k);
    if (!k)
        return OV_ENOMEM;
    k->every_ms = every;
    k->max_ms = max_ms;
    if (init_sync(k) != OV_OK) {
        free(k);
        return OV_EIO;
    }
    if (pthread_create(&k->thread, NULL, feed_loop, k) != 0) {
        pthread_cond_destroy(&k->wake);
        pthread_mutex_destroy(&k->lock);
        free(k);
        return OV_EIO;
    }
    *out = k;
    return OV_OK;
}

int ov_keepalive_stop(ov_keepalive *k)
{
    if (!k)
        return 0;
    pthread_mutex_lock(&k->lock);
    k->stop = 1;
    pthread_cond_signal(&k->wake);
    pthread_mutex_unlock(&k->lock);
    pthread_join(k->thread, NULL);
    int sent = k->sent;
    pthread_cond_destroy(&k->wake);
    pthread_mutex_destroy(&k->lock);
    free(k);
    return sent;
}
