/* test_content_fixture.c — hand-made content for logic tests. */
#include "test_content_fixture.h"
#include "model/content_texts.h"

#include <string.h>

static void answer(ov_scale *s, const char *id, const char *word, const char *colour, ov_shape shape, int dk)
{
    ov_answer *a = &s->answers[s->n_answers++];
    memset(a, 0, sizeof *a);
    ov_strlcpy(a->id, id, sizeof a->id);
    ov_strlcpy(a->word, word, sizeof a->word);
    snprintf(a->say, sizeof a->say, "You said %s.", word);
    ov_strlcpy(a->colour, colour, sizeof a->colour);
    a->shape = shape;
    a->dont_know = dk;
}

static void question(ov_content *c, const char *id, const char *title, const char *sentence, int scale, int dk)
{
    ov_question *q = &c->questions[c->n_questions++];
    memset(q, 0, sizeof *q);
    ov_strlcpy(q->id, id, sizeof q->id);
    ov_strlcpy(q->title, title, sizeof q->title);
    ov_strlcpy(q->sentences[0], sentence, sizeof q->sentences[0]);
    q->n_sentences = 1;
    q->scale = scale;
    q->allow_dont_know = dk;
}

void ov_test_content(ov_content *c)
{
    memset(c, 0, sizeof *c);
    ov_strlcpy(c->language, "en-gb", sizeof c->language);
    ov_texts *t = &c->texts;
    ov_texts_defaults(t, "en"); /* every text; the ones below differ on purpose */
    ov_strlcpy(t->welcome_title, "Tell us what you think", sizeof t->welcome_title);
    ov_strlcpy(t->welcome, "Touch the screen to start.", sizeof t->welcome);
    ov_strlcpy(t->confirm, "You chose:", sizeof t->confirm);
    ov_strlcpy(t->thats_right, "That's right", sizeof t->thats_right);
    ov_strlcpy(t->go_back, "Go back", sizeof t->go_back);
    ov_strlcpy(t->thanks_title, "Thank you", sizeof t->thanks_title);
    ov_strlcpy(t->thanks, "Your answer is secret.", sizeof t->thanks);
    ov_strlcpy(t->hear_again, "Hear it again", sizeof t->hear_again);
    ov_strlcpy(t->progress, "%d of %d", sizeof t->progress);
    ov_strlcpy(t->not_saved, "Sorry, your answer was not saved.", sizeof t->not_saved);
    ov_strlcpy(t->start, "Start", sizeof t->start);
    ov_strlcpy(t->try_again, "Try again", sizeof t->try_again);
    ov_scale *four = &c->scales[c->n_scales++];
    ov_strlcpy(four->id, "four", sizeof four->id);
    answer(four, "not-yet", "Not yet", "red", OV_SHAPE_FACE_SAD, 0);
    answer(four, "started", "Just started", "amber", OV_SHAPE_FACE_UNSURE, 0);
    answer(four, "getting-there", "Getting there", "blue", OV_SHAPE_FACE_OK, 0);
    answer(four, "doing-well", "Doing really well", "green", OV_SHAPE_FACE_HAPPY, 0);
    answer(four, "dont-know", "I don't know", "grey", OV_SHAPE_QUESTION, 1);
    ov_scale *rag = &c->scales[c->n_scales++];
    ov_strlcpy(rag->id, "rag", sizeof rag->id);
    answer(rag, "red", "Red", "red", OV_SHAPE_CIRCLE, 0);
    answer(rag, "amber", "Amber", "amber", OV_SHAPE_TRIANGLE, 0);
    answer(rag, "green", "Green", "green", OV_SHAPE_SQUARE, 0);
    question(c, "q1", "Your skills", "We use your skills.", 0, 1);
    question(c, "q2", "Your time", "We thank you for your time.", 0, 0);
    question(c, "q3", "Give and get", "You can help us too.", 0, 0);
    question(c, "q4", "Friends", "You meet new people.", 1, 0);
}
