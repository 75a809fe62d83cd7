/* test_welsh_screens.c — with the Welsh content the kiosk shows and reads
 * Welsh on every screen a member or a facilitator walks through (issues 13,
 * 14): the real binary, headless, prints what each screen holds (`texts`,
 * docs/script.md) and no text is one of the English pack's [texts] values
 * that Welsh says differently. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kiosk_runner.h"
#include "platform/pin_hash.h"

#define MAX_TEXTS 400
#define VALUE_LEN 256

typedef struct {
    char key[64];
    char value[VALUE_LEN];
} pack_text;

static char dir[256], args[900];

/* The [texts] of a content.ini, as written (no defaults). Returns how many. */
static int read_pack(const char *path, pack_text *out, int max)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[1024];
    int in_texts = 0, n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '[') {
            in_texts = !strcmp(line, "[texts]");
            continue;
        }
        char *eq = strstr(line, " = ");
        if (!in_texts || line[0] == ';' || !eq || n >= max)
            continue;
        *eq = '\0';
        snprintf(out[n].key, sizeof out[n].key, "%s", line);
        snprintf(out[n].value, sizeof out[n].value, "%s", eq + 3);
        n++;
    }
    fclose(f);
    return n;
}

static const char *value_of(const pack_text *t, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(t[i].key, key))
            return t[i].value;
    return NULL;
}

static int setup(void **state)
{
    (void)state;
    ov_test_tmpdir(dir, sizeof dir);
    char path[300], hash[128];
    assert_int_equal(ov_pin_hash("2580", hash, sizeof hash), OV_OK);
    snprintf(path, sizeof path, "%s/ourvoice.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "[speech]\nspeech = no\n[facilitator]\npin_hash = %s\nsmall_numbers = 1\n", hash);
    fclose(f);
    unsetenv("OV_MOUNTINFO");
    snprintf(args, sizeof args,
             "--content assets/content/cy --config %s/ourvoice.ini --data %s/data >'%s/texts.txt'", dir, dir,
             dir);
    return 0;
}

/* The walk: every member screen of a visit, then the facilitator's. */
static const char *walk =
    "expect welcome\ntexts\n"
    "key space\nexpect question\ntexts\n"
    "key 1\nexpect confirm\ntexts\nkey enter\n"
    "expect question\ntexts\n" /* question 2 has "Back" */
    "key 1\nkey enter\nkey 1\nkey enter\nkey 1\nkey enter\n"
    "expect review\ntexts\nshot review\n"
    "key enter\nexpect thanks\ntexts\n"
    "advance 5000\nwait 20\nexpect welcome\n"
    "key facilitator\nexpect facilitator-pin\ntexts\n"
    "key 1\nkey 1\nkey 1\nkey 1\nkey enter\nexpect facilitator-pin\ntexts\n" /* wrong PIN */
    "key 2\nkey 5\nkey 8\nkey 0\nkey enter\n"
    "expect facilitator-menu\ntexts\nshot menu\n"
    "key 1\nexpect facilitator-message\ntexts\nkey escape\nexpect facilitator-menu\n" /* no results yet */
    "key 2\nexpect facilitator-meeting\ntexts\nkey 6\nexpect facilitator-message\ntexts\n" /* ended */
    "key escape\nexpect facilitator-menu\ntexts\n" /* votes count for a new drop-in: its Welsh name */
    "key 1\nexpect facilitator-results\ntexts\nkey escape\nexpect facilitator-menu\n"
    "key 6\nexpect facilitator-settings\ntexts\nshot settings\nkey escape\nexpect facilitator-menu\n"
    "key 4\nexpect facilitator-message\ntexts\nkey escape\nexpect facilitator-menu\n" /* no stick */
    "key 3\nexpect facilitator-round\ntexts\n"
    "key 5\nexpect facilitator-ideas-pick\ntexts\nshot ideas-pick\n"
    "key 1\nexpect facilitator-ideas-list\ntexts\nshot ideas-list\n"
    "key 1\nexpect facilitator-ideas\ntexts\nshot keyboard\n" /* Add an idea: the keyboard */
    "quit\n";

/* The key of an English value that Welsh says differently and that `text`
 * is (or, for a long one, holds); NULL when there is none. */
static const char *english_left(const char *text, const pack_text *en, int n_en, const pack_text *cy,
                                int n_cy)
{
    for (int i = 0; i < n_en; i++) {
        const char *welsh = value_of(cy, n_cy, en[i].key);
        if (welsh && !strcmp(welsh, en[i].value))
            continue; /* the same in both ("PIN") */
        if (strchr(en[i].value, '%'))
            continue; /* filled in: its fixed words are checked through the ones without % */
        size_t len = strlen(en[i].value);
        if (!strcmp(text, en[i].value) || (len >= 12 && strstr(text, en[i].value)))
            return en[i].key;
    }
    return NULL;
}

static void every_screen_is_welsh(void **state)
{
    (void)state;
    static pack_text en[MAX_TEXTS], cy[MAX_TEXTS];
    int n_en = read_pack("assets/content/en/content.ini", en, MAX_TEXTS);
    int n_cy = read_pack("assets/content/cy/content.ini", cy, MAX_TEXTS);
    assert_true(n_en > 150);
    assert_int_equal(n_en, n_cy); /* both packs give every key */
    for (int i = 0; i < n_en; i++)
        assert_non_null(value_of(cy, n_cy, en[i].key));
    int rc = ov_test_run_kiosk(dir, walk, 800, 480, args);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    char path[400], line[2048], screen[64] = "";
    snprintf(path, sizeof path, "%s/texts.txt", dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    int screens = 0, texts = 0, bad = 0, welsh_drop_in = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (!strncmp(line, "screen: ", 8)) {
            snprintf(screen, sizeof screen, "%s", line + 8);
            screens++;
            continue;
        }
        const char *text = strchr(line, ':') ? strchr(line, ':') + 2 : line;
        const char *key = english_left(text, en, n_en, cy, n_cy);
        texts++;
        welsh_drop_in += strstr(text, "Galw heibio 20") != NULL; /* "Galw heibio 2026-12-02" */
        if (strstr(text, "Drop-in")) {
            fprintf(stderr, "%s: an English meeting name in: %s\n", screen, line);
            bad++;
        }
        if (key) {
            fprintf(stderr, "%s: English '%s' (%s) in: %s\n", screen, value_of(en, n_en, key), key, line);
            bad++;
        }
    }
    fclose(f);
    assert_int_equal(screens, 20); /* the results need an ended meeting: its message, then the results */
    assert_true(welsh_drop_in > 0);  /* the new meeting is named in the content's words */
    assert_true(texts > 100);
    assert_int_equal(bad, 0);
}

/* The kiosk's own problems (issue 13 point 6): no sound (an audio driver
 * that is not there) and no vote store (the data folder is a file). The
 * welcome strip and the facilitator menu's "To check" line, shown and
 * spoken, are the Welsh words for their codes: no English [texts] value and
 * none of the modules' own English sentences is in them. */
static void the_kiosks_own_problems_are_welsh(void **state)
{
    (void)state;
    static pack_text en[MAX_TEXTS], cy[MAX_TEXTS];
    int n_en = read_pack("assets/content/en/content.ini", en, MAX_TEXTS);
    int n_cy = read_pack("assets/content/cy/content.ini", cy, MAX_TEXTS);
    char path[300], hash[128], own[900];
    assert_int_equal(ov_pin_hash("2580", hash, sizeof hash), OV_OK);
    snprintf(path, sizeof path, "%s/problems.ini", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "[speech]\nspeech = yes\n[facilitator]\npin_hash = %s\n", hash);
    fclose(f);
    snprintf(path, sizeof path, "%s/not-a-folder", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    snprintf(own, sizeof own,
             "--content assets/content/cy --config %s/problems.ini --data %s >'%s/texts.txt'", dir, path, dir);
    const char *script = "expect welcome\ntexts\n"
                         "key facilitator\nkey 2\nkey 5\nkey 8\nkey 0\nkey enter\n"
                         "expect facilitator-menu\ntexts\nquit\n";
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1); /* kiosk_runner passes it on */
    int rc = ov_test_run_kiosk(dir, script, 800, 480, own);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    unlink(path);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    snprintf(path, sizeof path, "%s/texts.txt", dir);
    f = fopen(path, "r");
    assert_non_null(f);
    char line[2048];
    int strip = 0, to_check = 0, spoken = 0, bad = 0;
    static const char *const module_words[] = { "sound", "Sound", "speaker", "votes", "data folder",
                                                "For the facilitator", "To check" };
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        strip += !strcmp(line, "text: I'r hwylusydd: Dydy'r ciosg ddim yn gallu cadw pleidleisiau. "
                               "Edrychwch ar y cerdyn cof.");
        to_check += !strcmp(line, "text: I'w wirio: Does dim sain.");
        spoken += !strncmp(line, "speech: ", 8) && strstr(line, "I'w wirio: Does dim sain.");
        const char *text = strchr(line, ':') ? strchr(line, ':') + 2 : line;
        const char *key = english_left(text, en, n_en, cy, n_cy);
        for (size_t i = 0; i < sizeof module_words / sizeof *module_words; i++)
            if (strstr(line, module_words[i])) {
                fprintf(stderr, "English '%s' in: %s\n", module_words[i], line);
                bad++;
            }
        if (key) {
            fprintf(stderr, "English '%s' (%s) in: %s\n", value_of(en, n_en, key), key, line);
            bad++;
        }
    }
    fclose(f);
    assert_int_equal(strip, 1);    /* the welcome screen's strip */
    assert_int_equal(to_check, 1); /* the facilitator menu */
    assert_int_equal(spoken, 1);   /* the menu reads it */
    assert_int_equal(bad, 0);
}

int main(void)
{
    if (access(ov_test_program(), X_OK) != 0) {
        fprintf(stderr, "build %s first\n", ov_test_program());
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_screen_is_welsh),
        cmocka_unit_test(the_kiosks_own_problems_are_welsh),
    };
    return cmocka_run_group_tests_name("welsh_screens", tests, setup, NULL);
}
