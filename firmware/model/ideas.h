/* ideas.h — the rubric's "what do you want to change" for one question of one
 * meeting: the group's ideas, the members' priorities (counts only) and the
 * action plan (what, who, when, done). Pure data and rules; storing them is
 * platform/tally_plan.c, the screens are ui/ideas_fac.c and ui/ideas_flow.c.
 * The stick file format (ideas.ini) is documented in docs/content.md. */
#ifndef OV_IDEAS_H
#define OV_IDEAS_H

#include "base/diag.h"
#include "model/content.h"
#include "model/counts.h"
#include "model/ini_doc.h"

#define OV_IDEAS_MAX 6       /* ideas per question: as many as fit one member screen as big buttons */
#define OV_IDEA_LEN 72       /* bytes of one idea's text, with the NUL */
#define OV_PLAN_TEXT_LEN 72  /* bytes of what / who / when, with the NUL */
#define OV_CHOICES_DEFAULT 3 /* a member chooses up to this many ideas (the rubric: "2 or 3") */
#define OV_CHOICES_MAX OV_IDEAS_MAX
#define OV_IDEAS_FILE "ideas.ini" /* on a stick: ourvoice/ideas.ini */

typedef enum { OV_ROUND_NOT_YET = 0, OV_ROUND_OPEN = 1, OV_ROUND_CLOSED = 2 } ov_ideas_round;

typedef struct {
    char what[OV_PLAN_TEXT_LEN];
    char who[OV_PLAN_TEXT_LEN];
    char when[OV_PLAN_TEXT_LEN];
    int done; /* 1: the facilitator marked it done ("We did ...") */
} ov_plan_action;

typedef struct {
    char text[OV_IDEA_LEN];
    long votes;  /* members who chose it (a count, never who or when) */
    int planned; /* 1: plan holds an action for this idea */
    ov_plan_action plan;
} ov_idea;

typedef struct ov_ideas_board {
    char meeting[OV_MEETING_LEN];
    char question[OV_ID_LEN];
    ov_idea ideas[OV_IDEAS_MAX];
    int n_ideas;
    int max_choices; /* a member chooses 1 .. max_choices ideas */
    long voters;     /* members who took part in the priorities round */
    ov_ideas_round round;
} ov_ideas_board;

/* An empty board for (meeting, question) with OV_CHOICES_DEFAULT choices. */
void ov_ideas_init(ov_ideas_board *b, const char *meeting, const char *question);

/* Check one text typed or read for an idea or a plan field: 1 .. len-1
 * bytes of UTF-8 without control characters, not only spaces. Returns OV_OK
 * or OV_EINVAL with what is wrong in err. */
int ov_ideas_check_text(const char *text, size_t len, char *err, size_t errlen);

/* Add an idea. Returns OV_OK; OV_EINVAL (bad text or the same idea again);
 * OV_ENOSPC (already OV_IDEAS_MAX ideas: err names the limit); OV_EPERM
 * (the priorities round has started: ideas are fixed). */
int ov_ideas_add(ov_ideas_board *b, const char *text, char *err, size_t errlen);

/* Remove idea i (before the round; later ideas move up). Returns OV_OK,
 * OV_EINVAL (no idea i) or OV_EPERM (the round has started). */
int ov_ideas_remove(ov_ideas_board *b, int i);

/* Let members choose up to n ideas (1 .. OV_CHOICES_MAX, before the round).
 * Returns OV_OK, OV_EINVAL (out of range) or OV_EPERM. */
int ov_ideas_set_choices(ov_ideas_board *b, int n);

/* Open the priorities round (needs at least 2 ideas) / close it. Returns
 * OV_OK, OV_EINVAL (too few ideas) or OV_EPERM (wrong state). */
int ov_ideas_open_round(ov_ideas_board *b);
int ov_ideas_close_round(ov_ideas_board *b);

/* Count one member's choice: ideas chosen[0..n), 1 <= n <= max_choices, each
 * once. Returns OV_OK, OV_EINVAL (bad choice: nothing counted) or OV_EPERM
 * (round not open). */
int ov_ideas_vote(ov_ideas_board *b, const int *chosen, int n);

/* 1 when the round's counts must stay hidden: fewer voters than threshold
 * (threshold <= 0: never), the same rule as the results. */
int ov_ideas_protected(const ov_ideas_board *b, int threshold);

/* The ideas to plan for, into out[0..max): with visible counts the most
 * chosen first (ties in entered order), at most max_choices of them, only
 * ideas someone chose; when protected (or before any vote) every idea in
 * entered order, so no order gives a count away. Returns how many. */
int ov_ideas_chosen(const ov_ideas_board *b, int threshold, int *out, int max);

/* Record (or replace) the action for idea i. Returns OV_OK or OV_EINVAL (bad
 * index or text, err says which field). */
int ov_ideas_set_plan(ov_ideas_board *b, int i, const char *what, const char *who, const char *when,
                      char *err, size_t errlen);

/* Mark the action of idea i done (1) or not (0). Returns OV_OK or OV_EINVAL
 * (no action for it). */
int ov_ideas_set_done(ov_ideas_board *b, int i, int done);

/* Number of ideas with an action; of them, how many are done (*done, may be NULL). */
int ov_ideas_planned(const ov_ideas_board *b, int *done);

/* Ideas and actions from a stick's ideas.ini (already parsed into doc):
 *   [ideas]            question = ID   idea = TEXT (once per idea)
 *   [action N]         what = TEXT   who = TEXT   when = TEXT   (N: the idea's number, 1-based)
 * Every problem goes to d as "file:line: message"; only when there is none
 * is *b filled (for meeting, with the question checked against c). Returns
 * OV_OK, OV_EINVAL (see d) or OV_ENOMEM (nothing added to d). */
int ov_ideas_from_ini(const ov_ini_doc *doc, const char *file, const ov_content *c, const char *meeting,
                      ov_ideas_board *b, ov_diags *d);

/* Take what a stick brought (from ov_ideas_from_ini) into board b, for the
 * same question only: before the round its ideas and actions replace b's;
 * once the round has started the ideas are fixed, so the stick's ideas must
 * be the same, in the same order, and only its actions are taken. Returns
 * OV_OK or OV_EPERM (another question or other ideas; err says why). */
int ov_ideas_take_import(ov_ideas_board *b, const ov_ideas_board *from, char *err, size_t errlen);

#endif
