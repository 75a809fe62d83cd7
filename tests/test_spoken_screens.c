/* test_spoken_screens.c — issue 13 point 4, "everything on screen is
 * spoken": the real binary, headless, walks every member screen (welcome,
 * with and without the facilitator's strip, question, confirm, review, idle
 * warning, thanks, not saved, sound) and the main facilitator screens (PIN
 * pad, menu, meeting, results), prints what each holds (`texts`,
 * docs/script.md), and every text drawn is in the screen's reading, in the
 * order it is laid out, and nothing else is; only the texts that privacy
 * keeps from the room speaker are left out, each named below with its
 * reason. With SDL's disk audio driver the spoken-word highlight reaches the
 * progress and the "Hear it again" button, as the voice does. */
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
#include "ui/render_palette.h"

#define LINE_LEN 4096
#define MAX_SCREEN_TEXTS 80
#define MAX_SEEN 32
#define SHOTS_QUESTION 30 /* every 100 ms: the progress is read first */
#define SHOTS_CONFIRM 60  /* every 150 ms: "Hear it again" is read last */

/* Texts that are drawn but never read through the room speaker. */
typedef struct {
    const char *screen, *text;
    int prefix; /* 1: every text starting with `text` */
    const char *why;
} silent_text;

static const silent_text silent[] = {
    { "confirm", "Not yet", 0, "the member's choice (the walk chooses answer 1): never said in the room" },
    { "review", "Not yet", 0, "the member's answers on the review: the room speaker never says them" },
    { "facilitator-pin", "PIN: ", 1, "the typed PIN, as stars: shown, never read (docs/privacy.md)" },
};

/* The screens the walks must reach. */
static const char *const must_see[] = {
    "welcome", "question", "confirm", "review", "idle-warning", "thanks", "not-saved", "sound",
    "facilitator-pin", "facilitator-menu", "facilitator-meeting", "facilitator-message",
    "facilitator-results",
};

/* The visit, then the facilitator: the answers chosen are answer 1 ("Not yet"). */
static const char *walk =
    "expect welcome\ntexts\n"
    "key 2\nexpect sound\ntexts\nkey 5\nexpect welcome\n"
    "key space\nexpect question\ntexts\n"
    "key 1\nexpect confirm\ntexts\nkey enter\n"
    "expect question\ntexts\n" /* question 2 has "Back" */
    "key 1\nkey enter\nkey 1\nkey enter\nkey 1\nkey enter\n"
    "expect review\ntexts\n"
    "advance 40000\nwait 50\nexpect idle-warning\ntexts\nkey enter\nwait 20\nexpect review\n"
    "key enter\nexpect thanks\ntexts\n"
    "advance 5000\nwait 20\nexpect welcome\n"
    "key facilitator\nexpect facilitator-pin\ntexts\n"
    "key 2\nkey 5\nexpect facilitator-pin\ntexts\n" /* half typed: the same reading */
    "key 8\nkey 0\nkey enter\nexpect facilitator-menu\ntexts\n"
    "key 2\nexpect facilitator-meeting\ntexts\n"
    "key 6\nexpect facilitator-message\ntexts\nkey escape\nexpect facilitator-menu\n" /* the meeting ended */
    "key 1\nexpect facilitator-results\ntexts\n"
    "quit\n";

/* A visit whose answers cannot be stored (the data folder is inside a file):
 * the welcome screen has the facilitator's strip, the end is "not saved". */
static const char *walk_not_saved =
    "expect welcome\ntexts\nkey space\n"
    "key 1\nkey enter\nkey 1\nkey enter\nkey 1\nkey enter\nkey 1\nkey enter\n"
    "expect review\nkey enter\nexpect not-saved\ntexts\nquit\n";

typedef struct {
    char name[64];
    char texts[MAX_SCREEN_TEXTS][LINE_LEN];
    int n;
} screen_texts;

typedef struct {
    char seen[MAX_SEEN][64];
    int n_seen;
    int strip_read;          /* the welcome's strip was read */
    char pin_speech[LINE_LEN]; /* the PIN pad's first reading */
    int pin_readings, pin_changed;
    int bad;
} walk_result;

static const silent_text *silent_for(const char *screen, const char *text)
{
    for (size_t i = 0; i < sizeof silent / sizeof silent[0]; i++) {
        const silent_text *s = &silent[i];
        if (!strcmp(s->screen, screen) &&
            (s->prefix ? !strncmp(text, s->text, strlen(s->text)) : !strcmp(text, s->text)))
            return s;
    }
    return NULL;
}

/* Each text at its place in the speech, in order, then a full stop or a
 * comma when the layout adds one, then a space; nothing else is read. A
 * silent text is nowhere in the speech. Returns the problems found. */
static int check_reading(const screen_texts *s, const char *speech, const char *size)
{
    size_t pos = 0, len = strlen(speech);
    int bad = 0;
    for (int i = 0; i < s->n; i++) {
        const char *t = s->texts[i];
        const silent_text *quiet = silent_for(s->name, t);
        if (quiet) {
            if (strstr(speech, quiet->text)) {
                fprintf(stderr, "%s %s: '%s' is read aloud, but must not be: %s\n", size, s->name, t,
                        quiet->why);
                bad++;
            }
            continue;
        }
        size_t n = strlen(t);
        if (strncmp(speech + pos, t, n)) {
            fprintf(stderr, "%s %s: '%s' is not read next; the speech goes on: '%s'\n", size, s->name, t,
                    speech + pos);
            bad++;
            continue;
        }
        pos += n;
        if (pos < len && (speech[pos] == '.' || speech[pos] == ','))
            pos++;
        if (pos < len && speech[pos] == ' ')
            pos++;
    }
    if (pos != len) {
        fprintf(stderr, "%s %s: the speech reads what is not on screen: '%s'\n", size, s->name, speech + pos);
        bad++;
    }
    return bad;
}

static void note_seen(walk_result *r, const char *name)
{
    for (int i = 0; i < r->n_seen; i++)
        if (!strcmp(r->seen[i], name))
            return;
    if (r->n_seen < MAX_SEEN)
        snprintf(r->seen[r->n_seen++], sizeof r->seen[0], "%s", name);
}

/* The end of one screen's `texts`: check its reading and what the walk needs. */
static void screen_done(walk_result *r, const screen_texts *s, const char *speech, const char *size)
{
    note_seen(r, s->name);
    r->bad += check_reading(s, speech, size);
    if (!strcmp(s->name, "welcome") && strstr(speech, "For the facilitator:"))
        r->strip_read = 1;
    if (strcmp(s->name, "facilitator-pin"))
        return;
    if (r->pin_readings++ == 0)
        snprintf(r->pin_speech, sizeof r->pin_speech, "%s", speech);
    else if (strcmp(r->pin_speech, speech))
        r->pin_changed = 1; /* a typed key would be echoed */
}

/* Read DIR/NAME (the `texts` output of a run) into r. */
static void read_texts(const char *dir, const char *name, const char *size, walk_result *r)
{
    static screen_texts s;
    static char line[LINE_LEN];
    char path[400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    s.n = 0;
    s.name[0] = '\0';
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (!strncmp(line, "screen: ", 8)) {
            snprintf(s.name, sizeof s.name, "%s", line + 8);
            s.n = 0;
        } else if (!strncmp(line, "text: ", 6) && s.n < MAX_SCREEN_TEXTS) {
            snprintf(s.texts[s.n++], LINE_LEN, "%s", line + 6);
        } else if (!strncmp(line, "speech: ", 8)) {
            screen_done(r, &s, line + 8, size);
        } else if (!strcmp(line, "speech:")) {
            screen_done(r, &s, "", size);
        }
    }
    fclose(f);
}

/* Both walks at w x h with the speech off (only its words are looked at). */
static void walk_at(int w, int h, walk_result *r)
{
    char dir[64], cfg[200], args[1200], bad[200], size[32];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(size, sizeof size, "%dx%d", w, h);
    snprintf(cfg, sizeof cfg, "%s/ov.ini", dir);
    FILE *f = fopen(cfg, "w");
    assert_non_null(f);
    fprintf(f, "[speech]\nspeech = no\n[facilitator]\npin_hash = %s\nsmall_numbers = 1\n", OV_TEST_PIN_HASH);
    fclose(f);
    snprintf(args, sizeof args, "--content assets/content/en --config %s --data %s/data >'%s/texts.txt'",
             cfg, dir, dir);
    int rc = ov_test_run_kiosk(dir, walk, w, h, args);
    if (rc != 0)
        fail_msg("%s: kiosk exit %d: %s", size, rc, ov_test_stderr(dir));
    read_texts(dir, "texts.txt", size, r);
    snprintf(bad, sizeof bad, "%s/not-a-folder", dir);
    f = fopen(bad, "w");
    assert_non_null(f);
    fclose(f);
    snprintf(args, sizeof args, "--content assets/content/en --config %s --data %s/data >'%s/texts2.txt'",
             cfg, bad, dir);
    rc = ov_test_run_kiosk(dir, walk_not_saved, w, h, args);
    if (rc != 0)
        fail_msg("%s: kiosk exit %d (not saved): %s", size, rc, ov_test_stderr(dir));
    read_texts(dir, "texts2.txt", size, r);
}

static void every_text_on_screen_is_read_in_order(void **state)
{
    (void)state;
    static const int sizes[][2] = { { 800, 480 }, { 720, 1280 } };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        static walk_result r;
        memset(&r, 0, sizeof r);
        walk_at(sizes[i][0], sizes[i][1], &r);
        for (size_t m = 0; m < sizeof must_see / sizeof must_see[0]; m++) {
            int found = 0;
            for (int j = 0; j < r.n_seen; j++)
                found |= !strcmp(r.seen[j], must_see[m]);
            if (!found)
                fail_msg("%dx%d: the walk never reached %s", sizes[i][0], sizes[i][1], must_see[m]);
        }
        assert_int_equal(r.strip_read, 1);
        assert_int_equal(r.pin_readings, 2);
        assert_int_equal(r.pin_changed, 0); /* typing never changes what the PIN pad says */
        assert_int_equal(r.bad, 0);
    }
}

/* 1 when one of the shots PREFIX0..PREFIX(n-1) in dir shows the spoken-word
 * pill on a word of text t of l, drawn in `colour` on `behind`. */
static int pill_seen(const char *dir, const char *prefix, int n, const ov_layout *l, int t, ov_rgb colour,
                     ov_rgb behind)
{
    ov_palette p;
    ov_palette_for_theme("standard", &p);
    ov_rgb pill, word;
    ov_palette_word_highlight(&p, colour, behind, &pill, &word);
    const ov_text_block *tb = &l->texts[t].block;
    for (int s = 0; s < n; s++) {
        char name[32];
        snprintf(name, sizeof name, "%s%d", prefix, s);
        for (int w = 0; w < tb->n_words; w++) {
            ov_rgb px;
            ov_rect r = tb->words[w].rect;
            if (ov_test_pixel(dir, name, r.x - 1, r.y + r.h / 2, &px) == 0 && ov_test_rgb_near(px, pill, 12))
                return 1;
        }
    }
    return 0;
}

/* The index of the text that reads `text` in l (the test fails without one). */
static int text_index(const ov_layout *l, const char *text)
{
    for (int i = 0; i < l->n_texts; i++)
        if (!strcmp(l->texts[i].block.text, text))
            return i;
    fail_msg("no text '%s' on the screen", text);
    return -1;
}

static void the_highlight_reaches_the_progress_and_the_buttons(void **state)
{
    (void)state;
    char dir[64], raw[128], args[600];
    static char script[8192];
    assert_non_null(ov_test_tmpdir(dir, sizeof dir));
    snprintf(raw, sizeof raw, "%s/speaker.raw", dir);
    const char *root = getenv("OV_ROOT");
    snprintf(args, sizeof args, "--data '%s/data' --content '%s/assets/content/en'", dir, root ? root : ".");
    snprintf(script, sizeof script, "expect welcome\nkey space\nexpect question\n");
    for (int i = 0; i < SHOTS_QUESTION; i++)
        snprintf(script + strlen(script), sizeof script - strlen(script), "shot q%d\nwait 100\n", i);
    strcat(script, "key 1\nexpect confirm\n");
    for (int i = 0; i < SHOTS_CONFIRM; i++)
        snprintf(script + strlen(script), sizeof script - strlen(script), "shot c%d\nwait 150\n", i);
    strcat(script, "quit\n");
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    unsetenv("SDL_DISKAUDIOFILE");
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    ov_content c;
    ov_content_builtin(&c);
    ov_palette p;
    ov_palette_for_theme("standard", &p);
    ov_flow f;
    ov_flow_init(&f, &c, 1, 90000, 4000, 0, 1000);
    ov_flow_act(&f, OV_ACT_ANY, 0, 1000);
    static ov_layout l;
    ov_test_layout(&f, 800, 480, "standard", &l);
    char progress[OV_SENTENCE_LEN];
    snprintf(progress, sizeof progress, c.texts.progress, 1, c.n_questions);
    /* the progress, small words on the screen, is read first */
    int prog = text_index(&l, progress);
    assert_int_equal(pill_seen(dir, "q", SHOTS_QUESTION, &l, prog, p.muted, p.background), 1);
    ov_flow_act(&f, OV_ACT_CHOOSE, 0, 2000);
    assert_int_equal(f.screen, OV_SCREEN_CONFIRM);
    ov_test_layout(&f, 800, 480, "standard", &l);
    /* "Hear it again", a plain button's label, is read last */
    int hear = text_index(&l, c.texts.hear_again);
    assert_int_equal(pill_seen(dir, "c", SHOTS_CONFIRM, &l, hear, p.text, p.panel), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_text_on_screen_is_read_in_order),
        cmocka_unit_test(the_highlight_reaches_the_progress_and_the_buttons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
