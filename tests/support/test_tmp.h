/* test_tmp.h — where tests make their temporary folders: under $TMPDIR
 * (tests/run-tests.sh gives each program a fresh one and fails a program
 * that leaves anything there), else /tmp. Header only, so pure tests that
 * link the core library alone can use it too. */
#ifndef OV_TEST_TMP_H
#define OV_TEST_TMP_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* Writes "$TMPDIR/NAME-XXXXXX" (a mkdtemp/mkstemp template) into buf and
 * returns buf; the result is truncated (and mkdtemp then fails) when buf is
 * too small. */
static inline char *ov_test_tmp_template(char *buf, size_t len, const char *name)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(buf, len, "%s/%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
    return buf;
}

#endif
