/* content_builtin.c — the default rubric compiled into the binary, so the
 * kiosk always has questions to ask even when no content folder loads. It is
 * the same, field by field, as assets/content/en/content.ini (a test checks
 * this); its pictures resolve against OV_CONTENT_DEFAULT_DIR (content.c). */
#include "model/content.h"
#include "model/content_texts.h"

#include <stdio.h>
#include <string.h>

#define PIC "../../pictures/"

typedef struct {
    const char *id, *word, *say, *colour;
    ov_shape shape;
    const char *picture;
    int dont_know;
} answer_def;

typedef struct {
    const char *id, *title, *sentences[OV_MAX_SENTENCES - 1]; /* and CHOOSE_ONE */
} question_def;

static const answer_def four_stages[] = {
    { "not-yet", "Not yet", "Not yet.", "red", OV_SHAPE_FACE_SAD, PIC "answer-not-yet.svg", 0 },
    { "basics", "A little", "A little.", "amber", OV_SHAPE_FACE_UNSURE, PIC "answer-basics.svg", 0 },
    { "getting-there", "Mostly", "Mostly.", "light-green", OV_SHAPE_FACE_OK, PIC "answer-getting-there.svg",
      0 },
    { "doing-well", "Yes, a lot", "Yes, a lot.", "green", OV_SHAPE_FACE_HAPPY, PIC "answer-doing-well.svg",
      0 },
    { "dont-know", "I don't know", "I don't know.", "grey", OV_SHAPE_QUESTION, PIC "answer-dont-know.svg",
      1 },
};

static const answer_def rag[] = {
    { "red", "Bad", "Bad.", "red", OV_SHAPE_FACE_SAD, PIC "answer-red.svg", 0 },
    { "amber", "Okay", "Okay.", "amber", OV_SHAPE_FACE_UNSURE, PIC "answer-amber.svg", 0 },
    { "green", "Good", "Good.", "green", OV_SHAPE_FACE_HAPPY, PIC "answer-green.svg", 0 },
    { "dont-know", "I don't know", "I don't know.", "grey", OV_SHAPE_QUESTION, PIC "answer-dont-know.svg",
      1 },
};

/* Each question's last sentence; its picture is PIC "principle-<id>.svg". */
#define CHOOSE_ONE "Choose 1 answer."

static const question_def questions[] = {
    { "assets", "Skills and strengths",
      { "Everyone has skills and strengths.", "Can you use your skills here?" } },
    { "valuing-work", "Time and effort",
      { "Helping out is real work.", "Do you get thanks for your help?" } },
    { "reciprocity", "Giving and getting",
      { "Everyone has something to give.", "Can you help other people here?" } },
    { "networks", "Friends and community",
      { "Meeting people is good for us.", "Do you meet new people here?" } },
};

static void add_scale(ov_content *c, const char *id, const char *name, const answer_def *defs, int n)
{
    ov_scale *s = &c->scales[c->n_scales++];
    ov_strlcpy(s->id, id, sizeof s->id);
    ov_strlcpy(s->name, name, sizeof s->name);
    for (int i = 0; i < n && i < OV_MAX_ANSWERS; i++) {
        ov_answer *a = &s->answers[s->n_answers++];
        ov_strlcpy(a->id, defs[i].id, sizeof a->id);
        ov_strlcpy(a->word, defs[i].word, sizeof a->word);
        ov_strlcpy(a->say, defs[i].say, sizeof a->say);
        ov_strlcpy(a->colour, defs[i].colour, sizeof a->colour);
        a->shape = defs[i].shape;
        ov_strlcpy(a->picture, defs[i].picture, sizeof a->picture);
        a->dont_know = defs[i].dont_know;
    }
}

void ov_content_builtin(ov_content *c)
{
    memset(c, 0, sizeof *c);
    ov_strlcpy(c->language, "en-gb", sizeof c->language);
    ov_texts_defaults(&c->texts, c->language);

    add_scale(c, "four-stages", "4 steps", four_stages, (int)OV_ARRAY_LEN(four_stages));
    add_scale(c, "rag", "3 faces", rag, (int)OV_ARRAY_LEN(rag));

    for (size_t i = 0; i < OV_ARRAY_LEN(questions); i++) {
        ov_question *q = &c->questions[c->n_questions++];
        ov_strlcpy(q->id, questions[i].id, sizeof q->id);
        ov_strlcpy(q->title, questions[i].title, sizeof q->title);
        for (int k = 0; k < OV_MAX_SENTENCES - 1 && questions[i].sentences[k]; k++)
            ov_strlcpy(q->sentences[q->n_sentences++], questions[i].sentences[k], OV_SENTENCE_LEN);
        ov_strlcpy(q->sentences[q->n_sentences++], CHOOSE_ONE, OV_SENTENCE_LEN);
        snprintf(q->picture, sizeof q->picture, PIC "principle-%s.svg", questions[i].id);
        q->scale = 0;            /* four-stages */
        q->allow_dont_know = 1;
    }
}
