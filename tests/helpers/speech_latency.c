/* speech_latency.c — `make bench` figure: time from ov_speech_say() (a new
 * screen) to the first non-silent sample taken by the SDL audio callback, over
 * several screens, each interrupting the one before as a member tapping on
 * would. Needs a real-time SDL audio driver (dummy is fine, no sound card).
 * Usage: SDL_AUDIODRIVER=dummy speech_latency [ROUNDS]   (default 20)
 * Prints one summary line; exits 1 when the median is over 100 ms. */
#include "platform/speech.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>

static const char *screens[] = {
    "Welcome. Touch the big green button to start.",
    "Recognising people as assets. Do people here use your skills and strengths?",
    "How well does this work for you? Choose one answer.",
    "You chose: getting there. Is that right?",
    "Thank you. Your answer is secret.",
    "Rydyn ni'n gwrando arnoch chi.",
};

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    if (rounds < 1 || rounds > 1000) rounds = 20;
    if (!getenv("SDL_AUDIODRIVER")) setenv("SDL_AUDIODRIVER", "dummy", 1);
    ov_log_set_quiet(1);
    ov_speech_config cfg;
    ov_speech_config_defaults(&cfg);
    ov_speech *s = NULL;
    if (ov_speech_open(&cfg, &s) != OV_OK) { fprintf(stderr, "speech_latency: out of memory\n"); return 2; }
    if (!ov_speech_has_device(s) || ov_speech_problem(s)) {
        fprintf(stderr, "speech_latency: cannot measure: %s\n", ov_speech_problem(s) ? ov_speech_problem(s) : "no audio device");
        ov_speech_close(s);
        return 2;
    }
    double *ms = calloc((size_t)rounds, sizeof *ms);
    int got = 0;
    for (int i = 0; i < rounds; i++) {
        ov_speech_say(s, screens[i % (int)(sizeof screens / sizeof *screens)], NULL);
        double v = -1;
        for (int t = 0; t < 400 && !ov_speech_latency_ms(s, &v); t++) SDL_Delay(1);
        if (v >= 0) ms[got++] = v;
        SDL_Delay(250 + (i * 37) % 200);      /* the next screen arrives mid-sentence */
    }
    ov_speech_close(s);
    if (got == 0) { fprintf(stderr, "speech_latency: no sound was ever played\n"); free(ms); return 1; }
    qsort(ms, (size_t)got, sizeof *ms, cmp);
    double median = ms[got / 2], p90 = ms[(got * 9) / 10 < got ? (got * 9) / 10 : got - 1], max = ms[got - 1];
    printf("speech latency say->first sound played: median %.1f ms, p90 %.1f ms, max %.1f ms (%d screens, limit 100 ms)\n",
           median, p90, max, got);
    free(ms);
    return median <= 100.0 ? 0 : 1;
}
