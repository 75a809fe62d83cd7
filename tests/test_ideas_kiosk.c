/* test_ideas_kiosk.c — the rubric's cycle through the real kiosk, headless:
 * members vote, the facilitator types the group's ideas on the on-screen
 * keyboard, members choose their priorities in secret, the facilitator
 * records the action plan and closes the meeting, the USB export carries
 * the ideas and the plan (CSV, JSON, HTML "What we will do"), and the next
 * welcome screen shows and speaks "you said, we did" — "We will" first, then
 * "We did" once the action is marked done. Also: every new screen at
 * 800x480 and 1920x1080 in every theme fits, with no overlapping targets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kiosk_runner.h"
#include "model/theme.h"
#include "platform/pin_hash.h"
#include "model/content.h"
#include "platform/render.h"
#include "platform/tally_plan.h"
#include "ui/ideas_fac.h"
#include "ui/layout_ideas.h"

static char dir[256], args[700];

static int setup(void **state)
{
    (void)state;
    ov_test_tmpdir(dir, sizeof dir);
    char path[400], hash[128], media[300];
    assert_int_equal(ov_pin_hash("2580", hash, sizeof hash), OV_OK);
    snprintf(media, sizeof media, "%s/media", dir);
    mkdir(media, 0755);
    snprintf(path, sizeof path, "%s/media/STICK", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/ourvoice.ini", dir);
    FILE *f = fopen(path, "w");
    fprintf(f, "[kiosk]\nmeeting = Group meeting\n[speech]\nspeech = no\n[facilitator]\npin_hash = %s\n"
               "small_numbers = 2\nusb_mount_dir = %s/media\n", hash, dir);
    fclose(f);
    snprintf(path, sizeof path, "%s/mountinfo", dir);
    f = fopen(path, "w");
    fprintf(f, "22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/vda rw\n"
               "36 22 8:17 / %s/media/STICK rw,nosuid,nodev,noexec,relatime shared:2 - vfat /dev/sda1 rw\n", dir);
    fclose(f);
    setenv("OV_MOUNTINFO", path, 1);
    snprintf(args, sizeof args, "--config %s/ourvoice.ini --data %s/data", dir, dir);
    return 0;
}

/* Append a "touch X Y" line for key `want` of the keyboard laid out in l. */
static void touch_key(char *script, size_t cap, const ov_layout *l, int want)
{
    for (int b = 0; b < l->n_buttons; b++)
        if (l->buttons[b].target.kind == OV_TARGET_MENU && l->buttons[b].target.index == want) {
            ov_rect k = l->buttons[b].rect;
            size_t used = strlen(script);
            snprintf(script + used, cap - used, "touch %d %d\n", k.x + k.w / 2, k.y + k.h / 2);
        }
}

/* Append "touch X Y" lines that type `text` on the keyboard at w x h, then
 * Done: the page key is touched until the page with the next letter shows
 * (the keyboard opens on the page it was left on: *page, kept between calls). */
static void type_on_keyboard_from(char *script, size_t cap, const char *text, int w, int h, ov_kb_page *page)
{
    static ov_render *r;
    char err[200];
    if (!r && ov_render_open(NULL, "standard", &r, err, sizeof err) != OV_OK)
        fail_msg("%s", err);
    ov_layout_env env = { w, h, ov_px_per_mm(w, h, 0), 1.0, ov_render_measure, r, "assets/pictures", 0, 0, 0 };
    static ov_layout l;
    for (const char *p = text;; p++) {
        char up = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
        int need = *p && *p != ' ' ? ov_keyboard_page_of(up) : (int)*page;
        assert_true(need >= 0);
        ov_keyboard kb;
        ov_kb_key keys[OV_KB_MAX_KEYS];
        for (;;) {
            ov_keyboard_init(&kb, *page, NULL);
            ov_layout_keyboard(&env, &kb, "Type", NULL, &l, NULL);
            if ((int)*page == need)
                break;
            touch_key(script, cap, &l, OV_KB_CHARS); /* the page key */
            *page = (ov_kb_page)((*page + 1) % OV_KB_PAGES);
        }
        int n = ov_keyboard_keys(*page, keys, OV_KB_MAX_KEYS), want = -1;
        for (int i = 0; i < n; i++)
            if ((*p == '\0' && keys[i].kind == OV_KB_DONE) || (*p == ' ' && keys[i].kind == OV_KB_SPACE) ||
                (*p && *p != ' ' && keys[i].kind == OV_KB_CHAR && keys[i].ch == up))
                want = i;
        assert_true(want >= 0);
        touch_key(script, cap, &l, want);
        if (!*p)
            break;
    }
}

static ov_kb_page typing_page; /* the page the kiosk's keyboard shows now (it keeps it between texts) */

static void type_on_keyboard(char *script, size_t cap, const char *text, int w, int h)
{
    type_on_keyboard_from(script, cap, text, w, h, &typing_page);
}

static void add(char *script, size_t cap, const char *lines)
{
    size_t used = strlen(script);
    snprintf(script + used, cap - used, "%s", lines);
}

#define PIN "key 2\nkey 5\nkey 8\nkey 0\nkey enter\n"
#define VOTE "key space\nkey 1\nkey enter\nkey 2\nkey enter\nkey 3\nkey enter\nkey 3\nkey enter\nexpect review\nkey enter\n" \
             "expect thanks\nadvance 5000\nwait 20\nexpect welcome\n"
#define NEXT_MEMBER "expect ideas-thanks\nadvance 6000\nwait 20\nexpect ideas\n"

/* The whole meeting, up to the export and the closed meeting. */
static void meeting_script(char *s, size_t cap)
{
    typing_page = OV_KB_PAGE_A_M; /* a new kiosk opens its keyboard on A-M */
    add(s, cap, "expect facilitator-pin\n" PIN "expect facilitator-menu\nkey 7\nexpect welcome\n");
    add(s, cap, VOTE VOTE VOTE);
    /* the facilitator adds 2 ideas for "Your skills and strengths" on the keyboard */
    add(s, cap, "key facilitator\n" PIN "key 3\nexpect facilitator-round\nkey 5\nexpect facilitator-ideas-pick\n"
                "shot ideas-pick\nkey 1\nexpect facilitator-ideas-list\nkey 1\nexpect facilitator-ideas\n"
                "shot keyboard\n");
    type_on_keyboard(s, cap, "Buddy for new members", 800, 480);
    add(s, cap, "expect facilitator-ideas-list\nkey 1\n");
    type_on_keyboard(s, cap, "Train staff", 800, 480);
    add(s, cap, "expect facilitator-ideas-list\nshot ideas-list\nkey 4\n"); /* open the priorities round */
    /* 3 members choose: touch-free here, by keys and buttons; each press toggles */
    add(s, cap, "expect ideas\nshot ideas\nkey 1\nkey 2\nshot ideas-chosen\nkey enter\nexpect ideas-review\n"
                "shot ideas-review\nkey enter\n" NEXT_MEMBER);
    add(s, cap, "button 1\nkey enter\nkey enter\n" NEXT_MEMBER);
    add(s, cap, "key 2\nkey 2\nkey 1\nkey enter\nkey escape\nexpect ideas\nkey enter\nkey enter\n" NEXT_MEMBER);
    /* close the round, record the plan for the most chosen idea */
    add(s, cap, "key facilitator\n" PIN "key 3\nkey 5\nkey 1\nexpect facilitator-ideas-list\nkey 1\n"
                "key 1\nexpect facilitator-plan\nshot plan\nkey 1\nexpect facilitator-ideas\nkey enter\n");
    type_on_keyboard(s, cap, "Sam", 800, 480);
    type_on_keyboard(s, cap, "By June", 800, 480);
    add(s, cap, "expect facilitator-plan\nshot plan-made\nkey 4\nexpect facilitator-ideas-list\nkey 2\n"
                "expect facilitator-ideas-pick\nkey 5\nshot close-ask\nkey 5\nexpect facilitator-ideas-pick\n"
                "key escape\n"
                "expect facilitator-menu\nkey 4\nexpect facilitator-message\nkey escape\nkey 8\n"
                "expect welcome\nshot you-said\n");
}

/* The text of the export file ending in SUFFIX on the stick (static buffer). */
static const char *stick_file(const char *suffix)
{
    static char buf[200000];
    char folder[400], path[800];
    snprintf(folder, sizeof folder, "%s/media/STICK/ourvoice", dir);
    DIR *d = opendir(folder);
    assert_non_null(d);
    struct dirent *e;
    buf[0] = '\0';
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name), sl = strlen(suffix);
        if (n > sl && !strcmp(e->d_name + n - sl, suffix) && strstr(e->d_name, "Group")) {
            snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
            FILE *f = fopen(path, "rb");
            size_t got = fread(buf, 1, sizeof buf - 1, f);
            buf[got] = '\0';
            fclose(f);
        }
    }
    closedir(d);
    return buf;
}

static void a_meeting_goes_from_votes_to_ideas_to_a_plan_and_back(void **state)
{
    (void)state;
    static char script[40000];
    script[0] = '\0';
    meeting_script(script, sizeof script);
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    /* what is stored: counts only, the plan, the meeting closed */
    char data[300], err[300], last[64];
    snprintf(data, sizeof data, "%s/data", dir);
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open_existing(data, &t, err, sizeof err), OV_OK);
    assert_int_equal(ov_plan_last_closed(t, last, sizeof last), OV_OK);
    assert_string_equal(last, "Group meeting");
    ov_ideas_board b;
    assert_int_equal(ov_plan_load(t, "Group meeting", "assets", &b, err, sizeof err), OV_OK);
    assert_int_equal(b.n_ideas, 2);
    assert_string_equal(b.ideas[0].text, "Buddy for new members"); /* capital first, then small letters */
    assert_int_equal(b.voters, 3);
    assert_int_equal(b.ideas[0].votes, 3); /* member 3 took idea 2 back before choosing idea 1 */
    assert_int_equal(b.ideas[1].votes, 1);
    assert_int_equal(b.round, OV_ROUND_CLOSED);
    assert_int_equal(b.ideas[0].planned, 1);
    assert_string_equal(b.ideas[0].plan.what, "Buddy for new members");
    assert_string_equal(b.ideas[0].plan.who, "Sam");
    assert_string_equal(b.ideas[0].plan.when, "By june");
    ov_tally_close(t);
    /* every export carries it */
    const char *csv = stick_file(".csv");
    assert_non_null(strstr(csv, "idea,votes,voters,withheld,what,who,when,done"));
    assert_non_null(strstr(csv, "Buddy for new members,3,3,no,Buddy for new members,Sam,By june,no"));
    const char *json = stick_file(".json");
    assert_non_null(strstr(json, "\"format\": \"ourvoice-ideas\""));
    assert_non_null(strstr(json, "\"voters\": 3"));
    assert_non_null(strstr(json, "\"who\": \"Sam\""));
    const char *html = stick_file(".html");
    assert_non_null(strstr(html, "<h2>What we will do</h2>"));
    assert_non_null(strstr(html, "<strong>We will:</strong> Buddy for new members"));
    /* the next welcome screen said so (a log line says it shows, never what anyone chose) */
    assert_non_null(strstr(ov_test_stderr(dir), "welcome shows \"you said, we did\" for the meeting \"Group "
                                                "meeting\": 1 we will, 0 we did"));
}

/* Seconds of the raw 16-bit recording in 100 ms windows that are clearly not silent. */
static double voiced_seconds(const char *raw)
{
    FILE *f = fopen(raw, "rb");
    if (!f)
        return 0;
    enum { WINDOW = 2205 };
    int16_t buf[WINDOW];
    int windows = 0;
    size_t got;
    while ((got = fread(buf, 2, WINDOW, f)) == WINDOW) {
        double sum = 0;
        for (size_t i = 0; i < got; i++)
            sum += (double)buf[i] * buf[i];
        windows += sum / got > 300.0 * 300.0;
    }
    fclose(f);
    return windows / 10.0;
}

/* The welcome screen, spoken into raw (SDL's disk driver) for `ms`. */
static double welcome_spoken(const char *extra_config, const char *raw)
{
    char cfg[400], a[900];
    snprintf(cfg, sizeof cfg, "%s/speak.ini", dir);
    FILE *f = fopen(cfg, "w");
    fprintf(f, "[speech]\nspeech = yes\n[kiosk]\n%s\n", extra_config);
    fclose(f);
    snprintf(a, sizeof a, "--config %s --data %s/data", cfg, dir);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw, 1);
    int rc = ov_test_run_kiosk(dir, "expect welcome\nwait 16000\nexpect welcome\n", 800, 480, a);
    unsetenv("SDL_DISKAUDIOFILE");
    unsetenv("SDL_AUDIODRIVER");
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    return voiced_seconds(raw);
}

static void the_welcome_speaks_we_will_then_we_did(void **state)
{
    (void)state;
    char raw[400], mount[400];
    snprintf(raw, sizeof raw, "%s/speaker.raw", dir);
    double with_plan = welcome_spoken("you_said = yes", raw);
    double plain = welcome_spoken("you_said = no", raw); /* the switch turns it off */
    print_message("welcome heard: %.1f s with \"you said, we did\", %.1f s without\n", with_plan, plain);
    assert_true(plain > 0.5);                          /* the plain welcome is spoken too */
    assert_true(with_plan > plain + 2.0);              /* "you said ... we will ..." is heard as well */
    /* the facilitator marks the action done (no stick now): "We did" */
    snprintf(mount, sizeof mount, "%s/mountinfo", dir);
    FILE *f = fopen(mount, "w");
    fprintf(f, "22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/vda rw\n");
    fclose(f);
    const char *script = "expect welcome\nkey facilitator\n" PIN "expect facilitator-menu\nkey 3\nkey 5\n"
                         "expect facilitator-ideas-pick\nkey 5\nexpect facilitator-plan\nkey 3\n"
                         "shot plan-done\nkey escape\nkey 7\nexpect welcome\nshot we-did\n";
    int rc = ov_test_run_kiosk(dir, script, 800, 480, args);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(dir));
    assert_non_null(strstr(ov_test_stderr(dir), ": 0 we will, 1 we did"));
}

/* Two-switch scanning in a priorities round, with the ideas from a stick's ideas.ini. */
static void switch_users_choose_ideas_taken_from_a_stick(void **state)
{
    (void)state;
    char d2[256], path[400], hash[128], a[900];
    ov_test_tmpdir(d2, sizeof d2);
    assert_int_equal(ov_pin_hash("2580", hash, sizeof hash), OV_OK);
    snprintf(path, sizeof path, "%s/media", d2);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/media/STICK", d2);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/media/STICK/ourvoice", d2);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/media/STICK/ourvoice/ideas.ini", d2);
    FILE *f = fopen(path, "w");
    fputs("[ideas]\nquestion = assets\nidea = A buddy for each new member\nidea = A skills swap\n"
          "[action 2]\nwhat = Hold a skills swap\nwho = Priya\nwhen = In May\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/ourvoice.ini", d2);
    f = fopen(path, "w");
    fprintf(f, "[kiosk]\nmeeting = Switch meeting\n[speech]\nspeech = no\n[scanning]\nmode = two\nsetup = no\n"
               "[facilitator]\npin_hash = %s\nusb_mount_dir = %s/media\n", hash, d2);
    fclose(f);
    snprintf(path, sizeof path, "%s/mountinfo", d2);
    f = fopen(path, "w");
    fprintf(f, "36 22 8:17 / %s/media/STICK rw,nosuid - vfat /dev/sda1 rw\n", d2);
    fclose(f);
    setenv("OV_MOUNTINFO", path, 1);
    snprintf(a, sizeof a, "--config %s/ourvoice.ini --data %s/data", d2, d2);
    const char *script = "expect facilitator-pin\n" PIN "key 3\nkey 5\nkey 1\nexpect facilitator-ideas-list\n"
                         "key 3\nexpect facilitator-ideas-list\nkey 4\nexpect ideas\n"
                         "button 9\nbutton 10\nbutton 9\nbutton 9\nbutton 10\nexpect ideas-review\n"
                         "button 9\nbutton 10\nexpect ideas-thanks\n";
    int rc = ov_test_run_kiosk(d2, script, 800, 480, a);
    if (rc != 0)
        fail_msg("kiosk exit %d: %s", rc, ov_test_stderr(d2));
    char data[300], err[300];
    snprintf(data, sizeof data, "%s/data", d2);
    ov_tally *t = NULL;
    assert_int_equal(ov_tally_open_existing(data, &t, err, sizeof err), OV_OK);
    ov_ideas_board b;
    assert_int_equal(ov_plan_load(t, "Switch meeting", "assets", &b, err, sizeof err), OV_OK);
    ov_tally_close(t);
    assert_int_equal(b.n_ideas, 2);
    assert_int_equal(b.voters, 1);
    assert_int_equal(b.ideas[0].votes, 1); /* the idea the switch chose */
    assert_int_equal(b.ideas[1].votes, 0);
    assert_string_equal(b.ideas[1].plan.who, "Priya"); /* the stick's action came too */
}

/* No target off the screen or over another. */
static void targets_fit(const ov_layout *l, const char *what, int w, int h, const char *theme)
{
    for (int b = 0; b < l->n_buttons; b++) {
        if (!ov_rect_inside(l->buttons[b].rect, l->screen))
            fail_msg("%s %dx%d %s: button %d off screen", what, w, h, theme, b);
        for (int c = b + 1; c < l->n_buttons; c++)
            if (ov_rect_overlap(l->buttons[b].rect, l->buttons[c].rect))
                fail_msg("%s %dx%d %s: buttons %d and %d overlap", what, w, h, theme, b, c);
    }
}

/* No key covers the prompt, the typed text or the note above the keys
 * (portrait once put the top row of keys over the note). */
static void keys_clear_of_texts(const ov_layout *l, int w, int h, const char *theme)
{
    if (!l->all_fit)
        fail_msg("keyboard %dx%d %s: the texts above the keys do not fit their place", w, h, theme);
    for (int t = 0; t < l->n_texts; t++) {
        if (l->texts[t].role == OV_TEXT_LABEL)
            continue;
        ov_rect a = l->texts[t].block.box;
        for (int i = 0; i < l->n_buttons; i++) {
            ov_rect b = l->buttons[i].rect;
            if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
                fail_msg("keyboard %dx%d %s: key %d covers '%.30s'", w, h, theme, i, l->texts[t].block.text);
        }
    }
}

static void every_new_screen_fits_every_size_and_theme(void **state)
{
    (void)state;
    static const int sizes[][2] = { { 800, 480 }, { 1920, 1080 }, { 720, 1280 } };
    static const char *const themes[] = { "standard", "high-contrast", "large-text" };
    static ov_content c;
    ov_content_builtin(&c);
    static ov_layout l;
    for (size_t t = 0; t < OV_ARRAY_LEN(themes); t++) {
        ov_render *r = NULL;
        char err[200];
        assert_int_equal(ov_render_open(NULL, themes[t], &r, err, sizeof err), OV_OK);
        for (size_t s = 0; s < OV_ARRAY_LEN(sizes); s++) {
            int w = sizes[s][0], h = sizes[s][1];
            ov_layout_env env = { w, h, ov_px_per_mm(w, h, 0), ov_render_text_scale(r), ov_render_measure, r,
                                  "assets/pictures", 0, 0, 0 };
            for (int page = 0; page < OV_KB_PAGES; page++) {
                ov_keyboard kb;
                ov_keyboard_init(&kb, (ov_kb_page)page, "A buddy for each new member");
                double mm = 0;
                ov_layout_keyboard(&env, &kb, "Type the group's idea",
                                   "That is as long as an idea can be: 71 letters.", &l, &mm);
                targets_fit(&l, "keyboard", w, h, themes[t]);
                keys_clear_of_texts(&l, w, h, themes[t]);
                assert_int_equal(l.n_buttons, OV_KB_SLOTS); /* 17 keys and Cancel */
                if (mm < OV_KB_KEY_MIN_MM) /* facilitator targets are 20 mm too (issue 13 point 9) */
                    fail_msg("keyboard %dx%d %s page %d: keys only %.1f mm", w, h, themes[t], page, mm);
            }
            ov_ideas_flow f;
            ov_ideas_flow_init(&f, OV_IDEAS_MAX, 3, 60000, 3000, 800, 0);
            ov_ideas_flow_act(&f, OV_ACT_CHOOSE, 0, 10);
            ov_ideas_view v = { "Your skills", "", { "A buddy for each new member", "Members help to train new staff",
                                "Share what we are good at in the newsletter", "A skills swap afternoon",
                                "Members on the interview panel", "A thank-you party" }, &c.texts };
            ov_layout_ideas_member(&env, &f, &v, &l);
            targets_fit(&l, "ideas", w, h, themes[t]);
            assert_non_null(strstr(l.speech, "Choose up to 3 ideas"));
            ov_ideas_flow_act(&f, OV_ACT_YES, 0, 20);
            ov_layout_ideas_member(&env, &f, &v, &l);
            targets_fit(&l, "review", w, h, themes[t]);
            /* through the room speaker the member's own choice is never spoken */
            assert_null(strstr(l.speech, "A buddy"));
            ov_flow flow;
            ov_flow_init(&flow, &c, 1, 60000, 3000, 800, 0);
            const char *lines[] = { "Your skills: most people said Getting there.",
                                    "We will: Find 5 buddies. Who: Sam. When: By June.", c.texts.welcome };
            ov_layout_you_said(&env, &flow, "You said, we did", lines, 3, &l);
            targets_fit(&l, "you-said", w, h, themes[t]);
            assert_non_null(strstr(l.speech, "You said, we did. Your skills: most people said Getting there. "
                                             "We will: Find 5 buddies."));
            /* everything on screen is read (issue 13 point 4): its buttons too */
            assert_non_null(strstr(l.speech, c.texts.start));
            assert_non_null(strstr(l.speech, c.texts.sound));
        }
        ov_render_close(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_meeting_goes_from_votes_to_ideas_to_a_plan_and_back),
        cmocka_unit_test(the_welcome_speaks_we_will_then_we_did),
        cmocka_unit_test(every_new_screen_fits_every_size_and_theme),
        cmocka_unit_test(switch_users_choose_ideas_taken_from_a_stick),
    };
    return cmocka_run_group_tests_name("ideas_kiosk", tests, setup, NULL);
}
