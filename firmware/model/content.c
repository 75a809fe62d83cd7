/* content.c — answer order, file paths and shape names of a content (reading
 * and checking a folder: platform/content_load.c, model/content_check.c). */
#include "model/content.h"

#include <stdio.h>
#include <string.h>

#ifndef OV_CONTENT_DEFAULT_DIR
#define OV_CONTENT_DEFAULT_DIR "assets/content/en"   /* where built-in content's files are */
#endif

static const char *const shape_names[] = {
    [OV_SHAPE_NONE] = "none", [OV_SHAPE_FACE_SAD] = "face-sad", [OV_SHAPE_FACE_UNSURE] = "face-unsure",
    [OV_SHAPE_FACE_OK] = "face-ok", [OV_SHAPE_FACE_HAPPY] = "face-happy", [OV_SHAPE_CIRCLE] = "circle",
    [OV_SHAPE_TRIANGLE] = "triangle", [OV_SHAPE_SQUARE] = "square", [OV_SHAPE_STAR] = "star",
    [OV_SHAPE_QUESTION] = "question",
};

ov_shape ov_shape_parse(const char *name)
{
    if (!name) return OV_SHAPE_NONE;
    for (size_t i = 1; i < OV_ARRAY_LEN(shape_names); i++)
        if (!strcmp(name, shape_names[i])) return (ov_shape)i;
    return OV_SHAPE_NONE;
}

const char *ov_shape_name(ov_shape shape)
{
    if ((int)shape < 0 || (size_t)shape >= OV_ARRAY_LEN(shape_names)) return "none";
    return shape_names[shape];
}

int ov_question_answers(const ov_content *c, int question, const ov_answer **answers)
{
    if (!c || question < 0 || question >= c->n_questions) return 0;
    const ov_question *q = &c->questions[question];
    if (q->scale < 0 || q->scale >= c->n_scales) return 0;
    const ov_scale *s = &c->scales[q->scale];
    int n = 0;
    for (int i = 0; i < s->n_answers && n < OV_MAX_ANSWERS; i++)
        if (!s->answers[i].dont_know) answers[n++] = &s->answers[i];
    if (q->allow_dont_know)
        for (int i = 0; i < s->n_answers && n < OV_MAX_ANSWERS; i++)
            if (s->answers[i].dont_know) {
                answers[n++] = &s->answers[i];
                break;
            }
    return n;
}

int ov_content_practice(const ov_content *c)
{
    if (!c) return -1;
    for (int q = 0; q < c->n_questions && q < OV_MAX_QUESTIONS; q++)
        if (c->questions[q].practice) return q;
    return -1;
}

int ov_question_counted(const ov_content *c, int q)
{
    return c && q >= 0 && q < c->n_questions && !c->questions[q].practice;
}

int ov_content_path(const ov_content *c, const char *rel, char *out, size_t outlen)
{
    if (!rel || !rel[0] || !out || outlen == 0) {
        if (out && outlen) out[0] = '\0';
        return OV_EINVAL;
    }
    if (rel[0] == '/') return ov_strlcpy(out, rel, outlen);
    const char *dir = c && c->dir[0] ? c->dir : OV_CONTENT_DEFAULT_DIR;
    int n = snprintf(out, outlen, "%s/%s", dir, rel);
    if (n < 0 || (size_t)n >= outlen) {
        out[0] = '\0';
        return OV_EINVAL;
    }
    return OV_OK;
}

/* --- issue 14 views (g14views): "Tell me more" pages --- */

/* The scale of question q, or NULL. */
static const ov_scale *scale_of(const ov_content *c, int q)
{
    if (!c || q < 0 || q >= c->n_questions) return NULL;
    int si = c->questions[q].scale;
    return si >= 0 && si < c->n_scales ? &c->scales[si] : NULL;
}

int ov_more_pages(const ov_content *c, int q)
{
    const ov_scale *s = scale_of(c, q);
    if (!s || !c->more[q].present) return 0;
    int pages = 1;
    for (int i = 0; i < s->n_answers && i < OV_MAX_ANSWERS; i++)
        if (c->more[q].stage[i][0]) pages++;
    return pages;
}

int ov_more_stage_of_page(const ov_content *c, int q, int page)
{
    const ov_scale *s = scale_of(c, q);
    if (!s || page < 1 || !c->more[q].present) return -1;
    int seen = 0;
    for (int i = 0; i < s->n_answers && i < OV_MAX_ANSWERS; i++)
        if (c->more[q].stage[i][0] && ++seen == page) return i;
    return -1;
}
