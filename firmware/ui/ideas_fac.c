/* ideas_fac.c — the facilitator's ideas screens (ui/ideas_fac.h). */
#include "ui/ideas_fac.h"
#include "ui/layout_ideas.h"

#include <stdio.h>
#include <string.h>

#define PICK_LAST_ITEMS 3 /* the pick menu keeps room after the questions: last time, close, menu */

/* What a menu item of these screens does (kept beside the ov_menu, by index). */
typedef enum {
    IT_NONE,
    IT_QUESTION, /* arg: question */
    IT_LAST,     /* the last closed meeting's plans */
    IT_CLOSE_MEETING,
    IT_MENU,
    IT_ADD,
    IT_REMOVE_LAST,
    IT_CHOICES,
    IT_OPEN_ROUND,
    IT_CLOSE_ROUND,
    IT_PLAN,
    IT_IMPORT,
    IT_BACK,
    IT_PLAN_IDEA, /* arg: idea */
    IT_DONE,      /* arg: idea */
    IT_NEXT_LAST,
} item_do;

typedef struct {
    item_do what[OV_MENU_MAX_ITEMS];
    int arg[OV_MENU_MAX_ITEMS];
} item_table;

void ov_ideas_fac_init(ov_ideas_fac *f, const ov_content *c, int threshold)
{
    memset(f, 0, sizeof *f);
    f->content = c;
    f->threshold = threshold;
}

void ov_ideas_fac_open(ov_ideas_fac *f)
{
    f->screen = OV_IFAC_PICK;
    f->note[0] = '\0';
}

/* The screen texts of the content in use. */
static const ov_texts *tx(const ov_ideas_fac *f) { return &f->content->texts; }

void ov_ideas_fac_note(ov_ideas_fac *f, const char *line)
{
    ov_strlcpy(f->note, line ? line : "", sizeof f->note);
}

void ov_ideas_fac_show(ov_ideas_fac *f, const ov_ideas_board *b, int question, int closed, int plan)
{
    f->board = *b;
    f->question = question;
    f->closed = closed;
    f->screen = plan ? OV_IFAC_PLAN : OV_IFAC_BOARD;
}

static void add(ov_menu *m, item_table *t, const char *label, const char *icon, ov_menu_style style,
                item_do what, int arg)
{
    if (m->n_items >= OV_MENU_MAX_ITEMS)
        return;
    ov_menu_item *it = &m->items[m->n_items];
    ov_strlcpy(it->label, label, sizeof it->label);
    it->icon = icon;
    it->style = style;
    it->action = OV_MENU_NONE; /* these items are told apart by item_table */
    t->what[m->n_items] = what;
    t->arg[m->n_items++] = arg;
}

static void line(ov_menu *m, const char *text)
{
    if (m->n_lines < OV_MENU_MAX_LINES && text && *text)
        ov_strlcpy(m->lines[m->n_lines++], text, sizeof m->lines[0]);
}

/* The project's picture of a question's principle (assets/pictures/principle-*.svg), or NULL. */
static const char *principle_icon(const ov_question *q)
{
    const char *slash = strrchr(q->picture, '/');
    const char *base = slash ? slash + 1 : q->picture;
    return strncmp(base, "principle-", strlen("principle-")) ? NULL : base;
}

static void menu_pick(const ov_ideas_fac *f, ov_menu *m, item_table *t)
{
    ov_strlcpy(m->title, tx(f)->ifac_pick_title, sizeof m->title);
    line(m, tx(f)->ifac_pick_1);
    line(m, f->note);
    for (int q = 0; q < f->content->n_questions && m->n_items < OV_MENU_MAX_ITEMS - PICK_LAST_ITEMS; q++)
        if (ov_question_counted(f->content, q)) /* the practice question has no results to act on */
            add(m, t, f->content->questions[q].title, principle_icon(&f->content->questions[q]),
                OV_MENU_PLAIN, IT_QUESTION, q);
    if (f->n_last_boards > 0)
        add(m, t, tx(f)->ifac_last, "control-results.svg", OV_MENU_PLAIN, IT_LAST, 0);
    add(m, t, f->confirm_close ? tx(f)->ifac_close_yes : tx(f)->ifac_close_meeting, "control-secret.svg",
        OV_MENU_STOP, IT_CLOSE_MEETING, 0);
    add(m, t, tx(f)->fac_menu, "control-facilitator.svg", OV_MENU_GO, IT_MENU, 0);
}

static void menu_board(const ov_ideas_fac *f, ov_menu *m, item_table *t)
{
    const ov_ideas_board *b = &f->board;
    char s[OV_SENTENCE_LEN];
    snprintf(m->title, sizeof m->title, tx(f)->ifac_board_title, f->content->questions[f->question].title);
    snprintf(s, sizeof s, b->n_ideas == 1 ? tx(f)->ifac_board_count_one : tx(f)->ifac_board_count, b->n_ideas,
             b->max_choices);
    line(m, s);
    if (b->n_ideas > 0) {
        snprintf(s, sizeof s, tx(f)->ifac_newest, b->ideas[b->n_ideas - 1].text);
        line(m, s);
    }
    line(m, b->round == OV_ROUND_OPEN     ? tx(f)->ifac_round_open
            : b->round == OV_ROUND_CLOSED ? tx(f)->ifac_round_closed
                                          : "");
    line(m, f->note);
    if (b->round == OV_ROUND_NOT_YET && !f->closed) {
        add(m, t, tx(f)->ifac_add, "control-next.svg", OV_MENU_PLAIN, IT_ADD, 0);
        if (b->n_ideas > 0)
            add(m, t, tx(f)->ifac_remove, "control-go-back.svg", OV_MENU_PLAIN, IT_REMOVE_LAST, 0);
        snprintf(s, sizeof s, tx(f)->ifac_choices, b->max_choices);
        add(m, t, s, "control-settings.svg", OV_MENU_PLAIN, IT_CHOICES, 0);
        if (b->n_ideas >= 2)
            add(m, t, tx(f)->ifac_open_round, "control-start.svg", OV_MENU_GO, IT_OPEN_ROUND, 0);
    } else if (b->round == OV_ROUND_OPEN && !f->closed) {
        add(m, t, tx(f)->ifac_close_round, "control-secret.svg", OV_MENU_STOP, IT_CLOSE_ROUND, 0);
    }
    if (b->round != OV_ROUND_OPEN && b->n_ideas > 0)
        add(m, t, tx(f)->ifac_plan, "control-thats-right.svg", OV_MENU_PLAIN, IT_PLAN, 0);
    if (f->stick_has_ideas)
        add(m, t, tx(f)->ifac_import, "control-usb.svg", OV_MENU_PLAIN, IT_IMPORT, 0);
    add(m, t, tx(f)->fac_back, "control-go-back.svg", OV_MENU_GO, IT_BACK, 0);
}

/* The label of a chosen idea on the plan screen. */
static void plan_label(const ov_ideas_fac *f, int i, char *out, size_t outlen)
{
    const ov_idea *it = &f->board.ideas[i];
    if (it->planned)
        snprintf(out, outlen, "%s: %s, %s", it->plan.what, it->plan.who, it->plan.when);
    else if (!ov_ideas_protected(&f->board, f->threshold) && f->board.voters > 0)
        snprintf(out, outlen, tx(f)->ifac_chose, it->votes, it->text);
    else
        snprintf(out, outlen, tx(f)->ifac_plan_item, it->text);
}

static void menu_plan(const ov_ideas_fac *f, ov_menu *m, item_table *t)
{
    const ov_ideas_board *b = &f->board;
    int chosen[OV_IDEAS_MAX];
    int n = ov_ideas_chosen(b, f->threshold, chosen, OV_IDEAS_MAX);
    snprintf(m->title, sizeof m->title, tx(f)->ifac_plan_title, f->content->questions[f->question].title);
    if (ov_ideas_protected(b, f->threshold) && b->voters > 0)
        line(m, tx(f)->ifac_plan_all);
    else if (b->voters > 0)
        line(m, tx(f)->ifac_plan_most);
    else
        line(m, tx(f)->ifac_plan_press);
    line(m, f->note);
    char s[OV_SENTENCE_LEN];
    for (int k = 0; k < n; k++) {
        plan_label(f, chosen[k], s, sizeof s);
        add(m, t, s, NULL, OV_MENU_PLAIN, IT_PLAN_IDEA, chosen[k]);
    }
    for (int k = 0; k < n; k++) {
        const ov_idea *it = &b->ideas[chosen[k]];
        if (!it->planned)
            continue;
        snprintf(s, sizeof s, it->plan.done ? tx(f)->ifac_done : tx(f)->ifac_mark_done, it->plan.what);
        add(m, t, s, it->plan.done ? "control-thats-right.svg" : NULL, OV_MENU_PLAIN, IT_DONE, chosen[k]);
    }
    if (f->stick_has_ideas)
        add(m, t, tx(f)->ifac_plan_import, "control-usb.svg", OV_MENU_PLAIN, IT_IMPORT, 0);
    if (f->n_last_boards > 1 && f->closed)
        add(m, t, tx(f)->fac_next_question, "control-next.svg", OV_MENU_PLAIN, IT_NEXT_LAST, 0);
    add(m, t, tx(f)->fac_back, "control-go-back.svg", OV_MENU_GO, IT_BACK, 0);
}

/* The menu and its item table. Returns OV_OK, or OV_EINVAL (off or keyboard). */
static int build(const ov_ideas_fac *f, ov_menu *m, item_table *t)
{
    memset(m, 0, sizeof *m);
    memset(t, 0, sizeof *t);
    m->secret_line = -1;
    switch (f->screen) {
    case OV_IFAC_PICK:
        menu_pick(f, m, t);
        return OV_OK;
    case OV_IFAC_BOARD:
        menu_board(f, m, t);
        return OV_OK;
    case OV_IFAC_PLAN:
        menu_plan(f, m, t);
        return OV_OK;
    default:
        return OV_EINVAL;
    }
}

int ov_ideas_fac_menu(const ov_ideas_fac *f, ov_menu *out)
{
    item_table t;
    return build(f, out, &t);
}

static void start_typing(ov_ideas_fac *f, ov_kb_purpose p, const char *initial)
{
    ov_kb_page keep = f->kb.page; /* the page the facilitator was on last stays */
    ov_keyboard_init(&f->kb, keep, initial);
    f->kb.space = tx(f)->kb_space;
    f->kb.del = tx(f)->kb_delete;
    f->kb.done = tx(f)->kb_done;
    f->kb.cancel = tx(f)->fac_cancel;
    f->kb.comma = tx(f)->kb_comma;
    f->kb.full_stop = tx(f)->kb_full_stop;
    f->kb.apostrophe = tx(f)->kb_apostrophe;
    f->kb.page_a_m = tx(f)->kb_page_a_m;
    f->kb.page_n_z = tx(f)->kb_page_n_z;
    f->kb.page_numbers = tx(f)->kb_page_numbers;
    f->purpose = p;
    f->note[0] = '\0';
    f->screen = OV_IFAC_KEYBOARD;
}

const char *ov_ideas_fac_prompt(const ov_ideas_fac *f)
{
    switch (f->purpose) {
    case OV_KB_FOR_WHAT:
        return tx(f)->ifac_ask_what;
    case OV_KB_FOR_WHO:
        return tx(f)->ifac_ask_who;
    case OV_KB_FOR_WHEN:
        return tx(f)->ifac_ask_when;
    case OV_KB_FOR_IDEA:
        break;
    }
    return tx(f)->ifac_ask_idea;
}

/* "Done" on the keyboard: take the text for what is being typed. */
static ov_ifac_do typed_done(ov_ideas_fac *f)
{
    char err[OV_REASON_LEN];
    const char *text = f->kb.text;
    size_t len = f->purpose == OV_KB_FOR_IDEA ? OV_IDEA_LEN : OV_PLAN_TEXT_LEN;
    if (ov_ideas_check_text(text, len, err, sizeof err) != OV_OK) {
        snprintf(f->note, sizeof f->note, tx(f)->ifac_not_yet, err);
        return OV_IFAC_DO_REDRAW;
    }
    switch (f->purpose) {
    case OV_KB_FOR_IDEA:
        if (ov_ideas_add(&f->board, text, err, sizeof err) != OV_OK) {
            snprintf(f->note, sizeof f->note, tx(f)->ifac_not_added, err);
            return OV_IFAC_DO_REDRAW;
        }
        f->screen = OV_IFAC_BOARD;
        ov_ideas_fac_note(f, tx(f)->ifac_added);
        return OV_IFAC_DO_SAVE;
    case OV_KB_FOR_WHAT:
        ov_strlcpy(f->what, text, sizeof f->what);
        start_typing(f, OV_KB_FOR_WHO, f->board.ideas[f->plan_idea].plan.who);
        return OV_IFAC_DO_REDRAW;
    case OV_KB_FOR_WHO:
        ov_strlcpy(f->who, text, sizeof f->who);
        start_typing(f, OV_KB_FOR_WHEN, f->board.ideas[f->plan_idea].plan.when);
        return OV_IFAC_DO_REDRAW;
    case OV_KB_FOR_WHEN:
        if (ov_ideas_set_plan(&f->board, f->plan_idea, f->what, f->who, text, err, sizeof err) != OV_OK) {
            snprintf(f->note, sizeof f->note, tx(f)->ifac_not_saved, err);
            return OV_IFAC_DO_REDRAW;
        }
        f->screen = OV_IFAC_PLAN;
        ov_ideas_fac_note(f, tx(f)->ifac_saved);
        return OV_IFAC_DO_SAVE;
    }
    return OV_IFAC_DO_REDRAW;
}

static ov_ifac_do press_key(ov_ideas_fac *f, int item)
{
    if (item == OV_KB_TARGET_CANCEL) {
        f->screen = f->purpose == OV_KB_FOR_IDEA ? OV_IFAC_BOARD : OV_IFAC_PLAN;
        f->note[0] = '\0';
        return OV_IFAC_DO_REDRAW;
    }
    ov_kb_key keys[OV_KB_MAX_KEYS];
    int n = ov_keyboard_keys(f->kb.page, keys, OV_KB_MAX_KEYS);
    if (item < 0 || item >= n)
        return OV_IFAC_DO_NOTHING;
    ov_kb_result r = ov_keyboard_press(&f->kb, &keys[item]);
    ov_keyboard_key_word(&f->kb, &keys[item], f->key_word, sizeof f->key_word);
    if (keys[item].kind == OV_KB_SPACE || keys[item].kind == OV_KB_DELETE || keys[item].kind == OV_KB_DONE)
        ov_strlcpy(f->key_word, ov_keyboard_label(&f->kb, &keys[item]), sizeof f->key_word); /* as shown */
    if (r == OV_KB_FINISHED)
        return typed_done(f);
    if (r == OV_KB_FULL)
        snprintf(f->note, sizeof f->note, tx(f)->ifac_full, OV_KB_TEXT_LEN - 1);
    else
        f->note[0] = '\0';
    return OV_IFAC_DO_SAY_KEY;
}

/* Items of the board and plan screens. */
static ov_ifac_do press_board(ov_ideas_fac *f, item_do what, int arg)
{
    f->note[0] = '\0';
    switch (what) {
    case IT_ADD:
        start_typing(f, OV_KB_FOR_IDEA, NULL);
        return OV_IFAC_DO_REDRAW;
    case IT_REMOVE_LAST:
        ov_ideas_remove(&f->board, f->board.n_ideas - 1);
        return OV_IFAC_DO_SAVE;
    case IT_CHOICES:
        ov_ideas_set_choices(&f->board, f->board.max_choices % OV_CHOICES_MAX + 1);
        return OV_IFAC_DO_SAVE;
    case IT_OPEN_ROUND:
        return ov_ideas_open_round(&f->board) == OV_OK ? OV_IFAC_DO_OPEN_ROUND : OV_IFAC_DO_REDRAW;
    case IT_CLOSE_ROUND:
        ov_ideas_close_round(&f->board);
        ov_ideas_fac_note(f, tx(f)->ifac_round_closed_now);
        return OV_IFAC_DO_SAVE;
    case IT_PLAN:
        f->screen = OV_IFAC_PLAN;
        return OV_IFAC_DO_REDRAW;
    case IT_PLAN_IDEA: {
        f->plan_idea = arg;
        const ov_idea *it = &f->board.ideas[arg];
        start_typing(f, OV_KB_FOR_WHAT, it->planned ? it->plan.what : it->text);
        return OV_IFAC_DO_REDRAW;
    }
    case IT_DONE:
        ov_ideas_set_done(&f->board, arg, !f->board.ideas[arg].plan.done);
        return OV_IFAC_DO_SAVE;
    case IT_IMPORT:
        return OV_IFAC_DO_IMPORT;
    case IT_NEXT_LAST:
        f->last_index = (f->last_index + 1) % (f->n_last_boards > 0 ? f->n_last_boards : 1);
        return OV_IFAC_DO_LOAD_LAST;
    case IT_BACK:
        f->screen = f->screen == OV_IFAC_PLAN && !f->closed ? OV_IFAC_BOARD : OV_IFAC_PICK;
        return OV_IFAC_DO_REDRAW;
    default:
        return OV_IFAC_DO_NOTHING;
    }
}

ov_ifac_do ov_ideas_fac_press(ov_ideas_fac *f, int item)
{
    if (f->screen == OV_IFAC_KEYBOARD)
        return press_key(f, item);
    ov_menu m;
    item_table t;
    if (build(f, &m, &t) != OV_OK || item < 0 || item >= m.n_items)
        return OV_IFAC_DO_NOTHING;
    if (t.what[item] != IT_CLOSE_MEETING)
        f->confirm_close = 0;
    switch (t.what[item]) {
    case IT_QUESTION:
        f->question = t.arg[item];
        f->note[0] = '\0';
        return OV_IFAC_DO_LOAD;
    case IT_LAST:
        f->last_index = 0;
        return OV_IFAC_DO_LOAD_LAST;
    case IT_CLOSE_MEETING: /* it cannot be undone: ask once more */
        if (!f->confirm_close) {
            f->confirm_close = 1;
            ov_ideas_fac_note(f, "A closed meeting takes no more votes. Press Yes, close it.");
            return OV_IFAC_DO_REDRAW;
        }
        f->confirm_close = 0;
        return OV_IFAC_DO_CLOSE_MEETING;
    case IT_MENU:
        f->screen = OV_IFAC_OFF;
        return OV_IFAC_DO_EXIT;
    default:
        return press_board(f, t.what[item], t.arg[item]);
    }
}

const char *ov_ideas_fac_screen_name(const ov_ideas_fac *f)
{
    static const char *const names[] = {NULL, "facilitator-ideas-pick", "facilitator-ideas-list",
                                        "facilitator-ideas", "facilitator-plan"};
    return f->screen >= 0 && f->screen < (int)OV_ARRAY_LEN(names) ? names[f->screen] : NULL;
}
