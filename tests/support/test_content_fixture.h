/* test_content_fixture.h — a small hand-made content set for logic tests
 * (3 questions on a 4-answer scale with "I don't know", one on a 3-answer scale). */
#ifndef OV_TEST_CONTENT_FIXTURE_H
#define OV_TEST_CONTENT_FIXTURE_H

#include "model/content.h"

/* Fill *c with the fixture: questions q1, q2, q3 (scale "four", dont_know on q1
 * only) and q4 (scale "rag"). */
void ov_test_content(ov_content *c);

#endif
