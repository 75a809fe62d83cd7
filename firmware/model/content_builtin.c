/* content_builtin.c — the default rubric compiled into the binary, so the
 * kiosk always has questions to ask even when no content folder loads. It is
 * the same, field by field, as assets/content/en/content.ini (a test checks
 * this); its pictures resolve against OV_CONTENT_DEFAULT_DIR (content.c). */
#include "model/content.h"

#include <string.h>

#define PIC "../../pictures/"

typedef struct {
    const char *id, *word, *say, *colour;
    ov_shape shape;
    const char *picture;
    int dont_know;
} answer_def;

typedef struct {
    const char *id, *title, *sentences[OV_MAX_SENTENCES], *picture;
} question_def;

static const answer_def four_stages[] = {
    { "not-yet", "Not yet", "We have not started on this yet.", "red",
     OV_SHAPE_FACE_SAD, PIC "answer-not-yet.svg", 0 },
    { "basics", "Just started", "We have made a start.", "amber",
     OV_SHAPE_FACE_UNSURE, PIC "answer-basics.svg", 0 },
    { "getting-there", "Getting there", "We are getting there.", "light-green",
     OV_SHAPE_FACE_OK, PIC "answer-getting-there.svg", 0 },
    { "doing-well", "Doing really well", "We are doing really well.", "green",
     OV_SHAPE_FACE_HAPPY, PIC "answer-doing-well.svg", 0 },
    { "dont-know", "I don't know", "I don't know.", "grey", OV_SHAPE_QUESTION,
     PIC "answer-dont-know.svg", 1 },
};

static const answer_def rag[] = {
    { "red", "Not good", "Red. It is not good yet.", "red", OV_SHAPE_FACE_SAD, PIC "answer-red.svg", 0 },
    { "amber", "Okay", "Amber. It is okay.", "amber", OV_SHAPE_FACE_UNSURE, PIC "answer-amber.svg", 0 },
    { "green", "Good", "Green. It is good.", "green", OV_SHAPE_FACE_HAPPY, PIC "answer-green.svg", 0 },
    { "dont-know", "I don't know", "I don't know.", "grey", OV_SHAPE_QUESTION,
     PIC "answer-dont-know.svg", 1 },
};

static const question_def questions[] = {
    { "assets", "Your skills and strengths",
      { "Everyone has skills and strengths.",
        "We see what people can do, not only the help they need.",
        "People use their skills to help plan and run things here." },
      PIC "principle-assets.svg" },
    { "valuing-work", "Your time and effort",
      { "Helping out is real work, even when it is not paid.",
        "We thank people for their time and give something back.", NULL },
      PIC "principle-valuing-work.svg" },
    { "reciprocity", "Giving and getting",
      { "Everyone has something to give.",
        "Here you can help other people, not just get help.",
        "We all learn from each other." },
      PIC "principle-reciprocity.svg" },
    { "networks", "Friends and community",
      { "We help people meet new people.",
        "We help people find groups and places near where they live.", NULL },
      PIC "principle-networks.svg" },
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
    ov_texts *t = &c->texts;
    ov_strlcpy(t->welcome_title, "Tell us what you think", sizeof t->welcome_title);
    ov_strlcpy(t->welcome, "Touch the screen or press any button to start.", sizeof t->welcome);
    ov_strlcpy(t->confirm, "Is this your answer?", sizeof t->confirm);
    ov_strlcpy(t->thats_right, "That's right", sizeof t->thats_right);
    ov_strlcpy(t->go_back, "Go back", sizeof t->go_back);
    ov_strlcpy(t->thanks_title, "Thank you", sizeof t->thanks_title);
    ov_strlcpy(t->thanks, "Your answer is secret. Nobody can see what you chose.", sizeof t->thanks);
    ov_strlcpy(t->hear_again, "Hear it again", sizeof t->hear_again);
    ov_strlcpy(t->progress, "Question %d of %d", sizeof t->progress);
    ov_strlcpy(t->not_saved, "Sorry, your answer was not saved. Please ask a helper.", sizeof t->not_saved);

    add_scale(c, "four-stages", "4 stages", four_stages, (int)OV_ARRAY_LEN(four_stages));
    add_scale(c, "rag", "Red, amber, green", rag, (int)OV_ARRAY_LEN(rag));

    for (size_t i = 0; i < OV_ARRAY_LEN(questions); i++) {
        ov_question *q = &c->questions[c->n_questions++];
        ov_strlcpy(q->id, questions[i].id, sizeof q->id);
        ov_strlcpy(q->title, questions[i].title, sizeof q->title);
        for (int k = 0; k < OV_MAX_SENTENCES && questions[i].sentences[k]; k++)
            ov_strlcpy(q->sentences[q->n_sentences++], questions[i].sentences[k], OV_SENTENCE_LEN);
        ov_strlcpy(q->picture, questions[i].picture, sizeof q->picture);
        q->scale = 0;            /* four-stages */
        q->allow_dont_know = 1;
    }
}
