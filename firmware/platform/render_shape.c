/* render_shape.c — an answer's face or shape (face-sad ... question) drawn
 * with SDL_RenderGeometry: filled polygons as triangle fans, lines as quads
 * with round joints. Sizes follow report_html.c's shape_svg. */
#include "platform/render_shape.h"

#include <SDL.h>
#include <math.h>

#define MAX_PTS 48  /* points of a polygon or a line */
#define DISC_PTS 40 /* points around a disc */

typedef struct {
    float x, y;
} pt;

static SDL_Color sdl_colour(ov_rgb c) { return (SDL_Color){ c.r, c.g, c.b, 255 }; }

/* A polygon that every point sees from (cx, cy) (convex, or a star), filled. */
static void fan(SDL_Renderer *s, pt centre, const pt *p, int n, ov_rgb c)
{
    SDL_Vertex v[MAX_PTS + 1];
    int idx[3 * MAX_PTS];
    SDL_Color col = sdl_colour(c);
    if (n > MAX_PTS)
        n = MAX_PTS;
    v[0] = (SDL_Vertex){ { centre.x, centre.y }, col, { 0, 0 } };
    for (int i = 0; i < n; i++) {
        v[i + 1] = (SDL_Vertex){ { p[i].x, p[i].y }, col, { 0, 0 } };
        idx[3 * i] = 0;
        idx[3 * i + 1] = i + 1;
        idx[3 * i + 2] = (i + 1) % n + 1;
    }
    SDL_RenderGeometry(s, NULL, v, n + 1, idx, 3 * n);
}

static void disc(SDL_Renderer *s, pt c, float rad, ov_rgb col)
{
    pt p[DISC_PTS];
    for (int i = 0; i < DISC_PTS; i++) {
        double a = 2 * M_PI * i / DISC_PTS;
        p[i] = (pt){ c.x + rad * (float)cos(a), c.y + rad * (float)sin(a) };
    }
    fan(s, c, p, DISC_PTS, col);
}

/* One straight piece of a line `width` wide. */
static void segment(SDL_Renderer *s, pt a, pt b, float width, ov_rgb c)
{
    float dx = b.x - a.x, dy = b.y - a.y, len = sqrtf(dx * dx + dy * dy);
    if (len <= 0)
        return;
    float nx = -dy / len * width / 2, ny = dx / len * width / 2;
    pt q[4] = { { a.x + nx, a.y + ny }, { b.x + nx, b.y + ny }, { b.x - nx, b.y - ny },
                { a.x - nx, a.y - ny } };
    fan(s, (pt){ (a.x + b.x) / 2, (a.y + b.y) / 2 }, q, 4, c);
}

/* A line through n points with round ends and joints; closed: back to the first. */
static void stroke(SDL_Renderer *s, const pt *p, int n, int closed, float width, ov_rgb c)
{
    for (int i = 0; i + 1 < n; i++)
        segment(s, p[i], p[i + 1], width, c);
    if (closed && n > 2)
        segment(s, p[n - 1], p[0], width, c);
    for (int i = 0; i < n; i++)
        disc(s, p[i], width / 2, c);
}

/* A filled polygon with its outline drawn over its edge. */
static void outlined(SDL_Renderer *s, pt centre, const pt *p, int n, float t, ov_rgb fill, ov_rgb edge)
{
    fan(s, centre, p, n, fill);
    stroke(s, p, n, 1, t, edge);
}

static void outlined_disc(SDL_Renderer *s, pt c, float rad, float t, ov_rgb fill, ov_rgb edge)
{
    disc(s, c, rad, edge);
    disc(s, c, rad - t, fill);
}

/* Eyes and mouth of a face of radius rad (the mouth's bend: < 0 sad, 0 flat, > 0 smiling). */
static void face(SDL_Renderer *s, ov_shape shape, pt c, float rad, ov_rgb ink)
{
    disc(s, (pt){ c.x - rad * 0.36f, c.y - rad * 0.25f }, rad * 0.13f, ink);
    disc(s, (pt){ c.x + rad * 0.36f, c.y - rad * 0.25f }, rad * 0.13f, ink);
    float y = c.y + rad * 0.38f, w = rad * 0.5f, bend = rad * 0.22f;
    if (shape == OV_SHAPE_FACE_SAD) {
        y = c.y + rad * 0.5f;
        bend = -rad * 0.35f;
    } else if (shape == OV_SHAPE_FACE_UNSURE) {
        bend = 0;
    } else if (shape == OV_SHAPE_FACE_HAPPY) {
        bend = rad * 0.55f;
        w = rad * 0.58f;
        y = c.y + rad * 0.22f;
    }
    enum { STEPS = 12 };
    pt m[STEPS + 1];
    for (int i = 0; i <= STEPS; i++) { /* the quadratic curve (x-w, y) (x, y+2 bend) (x+w, y) */
        float t = (float)i / STEPS;
        m[i] = (pt){ c.x - w + 2 * w * t, y + 2 * bend * 2 * (1 - t) * t };
    }
    stroke(s, m, STEPS + 1, 0, rad * 0.14f, ink);
}

/* A question mark in a circle ("I don't know"). */
static void question(SDL_Renderer *s, pt c, float rad, ov_rgb ink)
{
    enum { ARC = 14 };
    pt p[ARC + 2];
    float ar = rad * 0.26f, acy = c.y - rad * 0.24f;
    for (int i = 0; i < ARC; i++) { /* from the left, over the top, round to below the right */
        double a = M_PI + (M_PI + M_PI / 3) * i / (ARC - 1);
        p[i] = (pt){ c.x + ar * (float)cos(a), acy + ar * (float)sin(a) };
    }
    p[ARC] = (pt){ c.x, acy + ar * 1.35f };
    p[ARC + 1] = (pt){ c.x, c.y + rad * 0.2f };
    stroke(s, p, ARC + 2, 0, rad * 0.15f, ink);
    disc(s, (pt){ c.x, c.y + rad * 0.52f }, rad * 0.1f, ink);
}

/* The shapes that are polygons: triangle, square, star. Returns the number of points. */
static int polygon(ov_shape shape, pt c, float rad, pt *p, pt *centre)
{
    *centre = c;
    if (shape == OV_SHAPE_TRIANGLE) {
        p[0] = (pt){ c.x, c.y - rad };
        p[1] = (pt){ c.x + rad * 0.95f, c.y + rad * 0.75f };
        p[2] = (pt){ c.x - rad * 0.95f, c.y + rad * 0.75f };
        *centre = (pt){ c.x, c.y + rad * 0.17f };
        return 3;
    }
    if (shape == OV_SHAPE_SQUARE) {
        float h = rad * 0.8f;
        p[0] = (pt){ c.x - h, c.y - h };
        p[1] = (pt){ c.x + h, c.y - h };
        p[2] = (pt){ c.x + h, c.y + h };
        p[3] = (pt){ c.x - h, c.y + h };
        return 4;
    }
    for (int i = 0; i < 10; i++) { /* the star */
        double a = -M_PI / 2 + i * M_PI / 5, rr = i % 2 ? rad * 0.45 : rad;
        p[i] = (pt){ c.x + (float)(rr * cos(a)), c.y + (float)(rr * sin(a)) };
    }
    return 10;
}

void ov_render_shape(SDL_Renderer *sdl, ov_shape shape, ov_rect box, ov_rgb fill, ov_rgb edge, ov_rgb ink)
{
    int side = box.w < box.h ? box.w : box.h;
    if (side < 4)
        return;
    pt c = { box.x + box.w / 2.0f, box.y + box.h / 2.0f };
    float t = side * 0.045f > 2 ? side * 0.045f : 2; /* outline width */
    float rad = side / 2.0f - t / 2 - 1;             /* the outline stays inside the box */
    switch (shape) {
    case OV_SHAPE_FACE_SAD: case OV_SHAPE_FACE_UNSURE: case OV_SHAPE_FACE_OK: case OV_SHAPE_FACE_HAPPY:
        outlined_disc(sdl, c, rad + t / 2, t, fill, edge);
        face(sdl, shape, c, rad, ink);
        break;
    case OV_SHAPE_QUESTION:
        outlined_disc(sdl, c, rad + t / 2, t, fill, edge);
        question(sdl, c, rad, ink);
        break;
    case OV_SHAPE_CIRCLE:
        outlined_disc(sdl, c, rad + t / 2, t, fill, edge);
        break;
    case OV_SHAPE_TRIANGLE: case OV_SHAPE_SQUARE: case OV_SHAPE_STAR: {
        pt p[10], centre;
        int n = polygon(shape, c, rad, p, &centre);
        outlined(sdl, centre, p, n, t, fill, edge);
        break;
    }
    case OV_SHAPE_NONE: default:
        disc(sdl, c, side / 2.0f, ink);
        break;
    }
}
