/* content.h — the questions, answer scales and screen texts a kiosk shows.
 *
 * A content folder (e.g. assets/content/en/) holds content.ini plus the
 * pictures and recordings it points to. The format is documented in
 * docs/content.md. The model is plain fixed-size data: no allocation, safe to
 * copy, so a failed load can never leave the kiosk without content. */
#ifndef OV_CONTENT_H
#define OV_CONTENT_H

#include "base/ov_common.h"
#include "base/diag.h"
#include "model/content_texts_words.h"

#define OV_MAX_QUESTIONS 64
#define OV_MAX_SCALES 8
#define OV_MAX_ANSWERS 6      /* per scale, including "I don't know" */
#define OV_MAX_SENTENCES 3
#define OV_ID_LEN 32
#define OV_WORD_LEN 64        /* an answer's word(s), e.g. "Getting there" */
#define OV_TITLE_LEN 96
#define OV_SENTENCE_LEN 200
#define OV_MAX_SENTENCE_WORDS 15

/* Shapes drawn on answer buttons so answers never rely on colour alone. */
typedef enum {
    OV_SHAPE_NONE = 0,
    OV_SHAPE_FACE_SAD,
    OV_SHAPE_FACE_UNSURE,    /* flat mouth */
    OV_SHAPE_FACE_OK,        /* small smile */
    OV_SHAPE_FACE_HAPPY,     /* big smile */
    OV_SHAPE_CIRCLE,
    OV_SHAPE_TRIANGLE,
    OV_SHAPE_SQUARE,
    OV_SHAPE_STAR,
    OV_SHAPE_QUESTION,       /* "I don't know" */
} ov_shape;

typedef struct {
    char id[OV_ID_LEN];              /* stable id stored in tallies, e.g. "getting-there" */
    char word[OV_WORD_LEN];          /* shown on the button, e.g. "Getting there" */
    char say[OV_SENTENCE_LEN];       /* spoken and shown on confirm, e.g. "We are getting there." */
    char colour[OV_ID_LEN];          /* palette name: red, amber, green, blue, grey, ... */
    ov_shape shape;
    char picture[OV_PATH_MAX];       /* path relative to the content folder, or "" */
    char recording[OV_PATH_MAX];     /* optional WAV of `say`, relative, or "" */
    int dont_know;                   /* 1 for the "I don't know" answer */
} ov_answer;

typedef struct {
    char id[OV_ID_LEN];              /* e.g. "four-stages", "rag" */
    char name[OV_TITLE_LEN];         /* e.g. "4 stages" */
    ov_answer answers[OV_MAX_ANSWERS];
    int n_answers;
} ov_scale;

typedef struct {
    char id[OV_ID_LEN];              /* stable id stored in tallies, e.g. "assets" */
    char title[OV_TITLE_LEN];        /* short heading, e.g. "Your skills" */
    char sentences[OV_MAX_SENTENCES][OV_SENTENCE_LEN];
    int n_sentences;                 /* 1..3 */
    char picture[OV_PATH_MAX];       /* relative to the content folder */
    char recording[OV_PATH_MAX];     /* optional WAV of the question text */
    int scale;                       /* index into ov_content.scales */
    int allow_dont_know;             /* show the scale's dont_know answer */
    int practice;                    /* 1: the practice question (practice = yes): never counted */
} ov_question;

/* Fixed screen texts. Each is one or two short easy-read sentences. */
typedef struct {
    char welcome_title[OV_TITLE_LEN];      /* "Tell us what you think" */
    char welcome[OV_SENTENCE_LEN];         /* "Touch the screen or press any button to start." */
    char confirm[OV_SENTENCE_LEN];         /* "Is this your answer?" */
    char thats_right[OV_WORD_LEN];         /* "That's right" */
    char go_back[OV_WORD_LEN];             /* "Go back" */
    char thanks_title[OV_TITLE_LEN];       /* "Thank you" */
    char thanks[OV_SENTENCE_LEN];          /* "Your answers are secret. Only you know what you chose." */
    char hear_again[OV_WORD_LEN];          /* "Hear it again" */
    char progress[OV_WORD_LEN];            /* "Question %d of %d" : the two numbers in that order */
    char not_saved[OV_SENTENCE_LEN];       /* "Please wait here. A helper will save your answers." */
    char start[OV_WORD_LEN];               /* "Start" (the welcome screen's big button) */
    char try_again[OV_WORD_LEN];           /* "Try again" (after not_saved) */
    /* layout helper (issue 13): texts for button users */
    char confirm_buttons[OV_SENTENCE_LEN]; /* "To choose it, press the same button again." */
    /* the member's own sound controls (issue 13): the welcome's "Sound" and its screen */
    char sound[OV_WORD_LEN];               /* "Sound" (the welcome screen's button) */
    char sound_title[OV_TITLE_LEN];        /* "Change the sound" */
    char sound_how[OV_SENTENCE_LEN];       /* "Make the voice slower, faster, quieter or louder." */
    char slower[OV_WORD_LEN];              /* "Slower" (said after the change too) */
    char faster[OV_WORD_LEN];              /* "Faster" */
    char quieter[OV_WORD_LEN];             /* "Quieter" */
    char louder[OV_WORD_LEN];              /* "Louder" */
    char screen_off[OV_WORD_LEN];          /* "Screen off" (sound screen, headphones in: issue 12) */
    char screen_on[OV_WORD_LEN];           /* "Screen on" (the screen is off for this member) */
    /* words helper (issues 13, 14): facilitator, ideas, review, sound texts (content_texts_words.h) */
#define OVW_FIELD(key, len, fit, er, en, cy) char key[len];
    OV_TEXTS_WORDS(OVW_FIELD)
#undef OVW_FIELD
} ov_texts;

/* --- issue 14 views (g14views) --- */
#define OV_MAX_GROUPS 6               /* "Who are you today?" groups, at most */

/* A question's "Tell me more" pages ([more QUESTION-ID] in content.ini): page
 * 1 says what the idea is about, then one page per answer of its scale says
 * what that stage looks like (the answer's face and word are its picture). */
typedef struct {
    int present;                                      /* 1: the question has "Tell me more" */
    char about[OV_MAX_SENTENCES][OV_SENTENCE_LEN];    /* what the idea is about */
    int n_about;
    char picture[OV_PATH_MAX];                        /* relative; "" = the question's picture */
    char stage[OV_MAX_ANSWERS][OV_SENTENCE_LEN];      /* by the scale's answer index; "" = no page */
} ov_more;

/* One answer to "Who are you today?" ([group ID]). */
typedef struct {
    char id[OV_ID_LEN];               /* stored with the counts, e.g. "uses-service" */
    char word[OV_WORD_LEN];           /* on the button, e.g. "I use the service" */
    char colour[OV_ID_LEN];
    ov_shape shape;
    char picture[OV_PATH_MAX];
} ov_group;

/* "Who are you today?" and the words of the views' buttons ([views]). */
typedef struct {
    char title[OV_TITLE_LEN];         /* "Who are you today?" */
    char sentence[OV_SENTENCE_LEN];   /* "Choose 1. Or press Skip." */
    char skip[OV_WORD_LEN];           /* "Skip" (no group: counted as "not said") */
    char tell_me_more[OV_WORD_LEN];   /* "Tell me more" */
    char back[OV_WORD_LEN];           /* "Back to the question" */
    char next[OV_WORD_LEN];           /* "Next" */
    ov_group groups[OV_MAX_GROUPS];
    int n_groups;
} ov_who;

typedef struct {
    char dir[OV_PATH_MAX];           /* folder it was loaded from ("" = built in) */
    char language[16];               /* espeak language, e.g. "en-gb", "cy" */
    ov_texts texts;
    ov_scale scales[OV_MAX_SCALES];
    int n_scales;
    ov_question questions[OV_MAX_QUESTIONS];
    int n_questions;
    /* --- issue 14 views (g14views): "Tell me more" and "Who are you today?" --- */
    ov_more more[OV_MAX_QUESTIONS];  /* indexed like questions; present 0 = no "Tell me more" */
    ov_who who;                      /* n_groups 0 = the kiosk does not ask whose view */
} ov_content;

/* --- issue 14 views (g14views) --- */
/* The "Tell me more" pages of question q: 1 (about) + one per stage with a
 * text; 0 when the question has none (or q is invalid). */
int ov_more_pages(const ov_content *c, int q);

/* Scale answer index shown on page `page` of question q's "Tell me more"
 * (page 0 is the about page, then one page per stage with a text), or -1 for
 * the about page, an invalid page or an invalid q. */
int ov_more_stage_of_page(const ov_content *c, int q, int page);


/* Fill *out with the built-in default rubric (English, language "en-gb",
 * dir "": its files resolve against the default content folder), used when
 * the content folder cannot be loaded. Never fails. */
void ov_content_builtin(ov_content *out);

/* The answers a question offers, in on-screen order (dont_know last, only when
 * allowed). Writes up to OV_MAX_ANSWERS pointers into `answers`, returns the
 * count (0 if c is NULL or the question or its scale index is invalid). */
int ov_question_answers(const ov_content *c, int question, const ov_answer **answers);

/* The practice question of the content (`practice = yes`; the checker
 * allows only one, and only as the first question), or -1 when there is none
 * or c is NULL. A practice question is shown to drop-in members before the
 * real questions and is never stored, counted, reviewed or exported. */
int ov_content_practice(const ov_content *c);

/* 1 when question q is a real question: its answers are stored and counted,
 * it is in the results, the exports and the facilitator's lists of
 * questions; 0 for the practice question or an invalid q. */
int ov_question_counted(const ov_content *c, int q);

/* Full path of a content file (picture, recording) into out: rel joined to
 * c->dir (the default content folder when c is NULL or c->dir is ""); an
 * absolute rel is copied as it is. Returns OV_OK, or OV_EINVAL when rel is
 * NULL or "" or the path does not fit (out is then "", or cut for an
 * absolute rel). */
int ov_content_path(const ov_content *c, const char *rel, char *out, size_t outlen);

/* Parse a shape name ("face-sad", "triangle", ...). Returns OV_SHAPE_NONE for
 * an unknown or NULL name. ov_shape_name gives the name back ("none" for
 * OV_SHAPE_NONE or a value out of range). */
ov_shape ov_shape_parse(const char *name);
const char *ov_shape_name(ov_shape shape);

#endif
