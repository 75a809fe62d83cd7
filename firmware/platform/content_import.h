/* content_import.h — new questions from a USB stick.
 *
 * 1. ov_import_check: check the stick's content folder with the same checker
 *    as `ourvoice check-content` plus copy-safety rules (no file outside the
 *    folder, through a link or "..", no hidden files, no file over
 *    OV_IMPORT_MAX_FILE, at most OV_IMPORT_MAX_FILES and OV_IMPORT_MAX_TOTAL
 *    in all), list every problem in plain words for the facilitator
 *    (content_import_words.c) and as "file:line: message" for logs, and list
 *    what will change against the current content (content_diff.h).
 * 2. ov_import_apply (on the facilitator's say-so): copy content.ini and only
 *    the files it names into DATA_DIR/content-new through the ov_fsops table
 *    (write, fsync, fsync folders), read every file back and compare, check
 *    the copy again, then swap: DATA_DIR/content -> DATA_DIR/content-previous
 *    (an older previous is deleted), content-new -> content, fsync DATA_DIR.
 *    Any failure puts everything back, removes content-new and leaves
 *    DATA_DIR/content as it was: old or new, never half.
 * 3. ov_content_restore_previous swaps content and content-previous back.
 * 4. ov_content_active_dir tells the kiosk which folder to load.
 *
 * A power cut between the two renames of a swap leaves no DATA_DIR/content
 * but a complete content-previous (the old questions), which
 * ov_content_active_dir then picks and ov_content_recover puts back. */
#ifndef OV_CONTENT_IMPORT_H
#define OV_CONTENT_IMPORT_H

#include "model/content_check.h"
#include "model/content_diff.h"
#include "platform/fsops.h"

#define OV_IMPORT_MAX_FILE (20LL * 1024 * 1024)   /* one picture or recording */
#define OV_IMPORT_MAX_TOTAL (200LL * 1024 * 1024) /* everything copied */
#define OV_IMPORT_MAX_FILES (1 + 2 * OV_MAX_QUESTIONS + 2 * OV_MAX_SCALES * OV_MAX_ANSWERS)
#define OV_IMPORT_MAX_PROBLEMS 40
#define OV_IMPORT_TEXT_LEN 256

/* Folder names inside DATA_DIR. */
#define OV_CONTENT_DIR_NAME "content"
#define OV_CONTENT_NEW_NAME "content-new"
#define OV_CONTENT_PREVIOUS_NAME "content-previous"

typedef struct {
    int error;                     /* 1: an error (import refused); 0: an easy-read warning */
    int line;                      /* line in content.ini, 0 if none */
    char text[OV_IMPORT_TEXT_LEN]; /* plain words, e.g. "Question 2 has no answers (content.ini line 14)." */
    char where[OV_DIAG_LEN]; /* precise, e.g. "/media/s/content/content.ini:14: question has no answers: ..."
                              */
} ov_import_problem;

typedef struct {
    char rel[OV_PATH_MAX]; /* path relative to the content folder ("content.ini" first) */
    long long size;        /* bytes at check time */
} ov_import_file;

/* Everything ov_import_check found. Large (about 800 KB): allocate it with
 * calloc or keep one static; it holds no pointers and needs no freeing. */
typedef struct {
    char src[OV_PATH_MAX]; /* the content folder on the stick */
    int ok;                /* 1: no errors, ov_import_apply may go ahead */
    ov_content next;       /* the new content (valid when ok; next.dir = src) */
    ov_diags diags;        /* every problem as "file:line: message" (errors and warnings) */
    ov_import_problem problems[OV_IMPORT_MAX_PROBLEMS]; /* errors first, then warnings, each in line order */
    int n_problems;                                     /* kept in problems[] */
    int n_errors_not_kept; /* errors found after problems[] was full (the screen says how many) */
    int n_errors, n_warnings;                           /* all found (may be more than kept) */
    ov_content_change changes[OV_MAX_CHANGES];
    int n_changes;   /* against the `current` given to ov_import_check (when ok) */
    int keeps_votes; /* 1: show ov_content_diff_votes_note() with the changes */
    ov_import_file files[OV_IMPORT_MAX_FILES];
    int n_files;
    long long total_bytes;
} ov_import_plan;

/* Check the content folder `src` (e.g. from ov_usb_find_content) for import
 * and compare it with `current` (the content the kiosk uses now, whose texts
 * word the problems; NULL: every question counts as new, built-in English).
 * opts as for ov_content_check (NULL: process default). Fills *plan in every
 * case but a NULL plan (OV_EINVAL); on failure plan->next and plan->files
 * are empty. Returns OV_OK (plan->ok = 1: may be applied; warnings allowed),
 * OV_EINVAL (errors: see plan->problems; nothing may be copied), OV_ENOTFOUND
 * (no content.ini in src: also one problem) or OV_ENOMEM. Touches no file
 * outside src and writes nothing. */
int ov_import_check(const char *src, const ov_content *current, const ov_check_opts *opts,
                    ov_import_plan *plan);

/* Copy the checked folder into data_dir and make it the kiosk's content (see
 * the top of this file). fs NULL = real calls; data_dir is created (with its
 * parents) when missing. On success *out (if not NULL) gets the new content
 * with out->dir = DATA_DIR/content. Returns OV_OK, or a negative OV_E* code
 * with err = "PATH: STEP failed: reason" (or what changed and what to do);
 * then DATA_DIR/content and content-previous are as before, content-new is
 * gone. OV_EINVAL: plan not ok, or the stick's files changed since the check
 * (check again); OV_ENOSPC: the kiosk is full. */
int ov_import_apply(const ov_import_plan *plan, const char *data_dir, const ov_fsops *fs,
                    const ov_check_opts *opts, ov_content *out, char *err, size_t errlen);

/* Put the previous content back: DATA_DIR/content and content-previous swap
 * places (so doing it twice gets the new content again), then DATA_DIR is
 * fsynced. content-previous is checked first and refused if it has errors.
 * On success *out (if not NULL) gets it, out->dir = DATA_DIR/content.
 * Returns OV_OK, OV_ENOTFOUND (no previous content), OV_EINVAL (it has
 * errors; the first in err) or the code of the failed step (err =
 * "PATH: STEP failed: reason"; everything left as it was). */
int ov_content_restore_previous(const char *data_dir, const ov_fsops *fs, const ov_check_opts *opts,
                                ov_content *out, char *err, size_t errlen);

/* Tidy up after a power cut during an import or a restore: when
 * DATA_DIR/content is missing, content-previous (the content the kiosk was
 * using, which ov_content_active_dir picks) becomes content again, and the
 * folder a cut swap left aside becomes content-previous; content-new and
 * other half-done folders are removed. ov_import_apply and
 * ov_content_restore_previous do this first; call it at start-up too, before
 * ov_content_active_dir. Returns OV_OK (also when there is nothing to do or
 * the data folder does not exist), OV_EINVAL (data_dir NULL, "" or too long:
 * err says so), or the failed step's code with "PATH: STEP failed: reason"
 * in err. */
int ov_content_recover(const char *data_dir, const ov_fsops *fs, char *err, size_t errlen);

/* 1 when DATA_DIR/content-previous holds a content.ini (so "put the old
 * questions back" can be offered), else 0. */
int ov_content_has_previous(const char *data_dir);

/* The folder the kiosk should load: DATA_DIR/content when it is a real
 * folder holding a regular content.ini (returns 1); else DATA_DIR/
 * content-previous the same way when DATA_DIR/content is missing (a swap cut
 * short by a power cut; returns 2); else `fallback` (returns 0). data_dir may
 * be NULL or "". Returns OV_EINVAL (out = "") when the path does not fit. */
int ov_content_active_dir(const char *data_dir, const char *fallback, char *out, size_t outlen);

/* One easy sentence for the facilitator about an ov_import_apply or
 * ov_content_restore_previous result code, in the words of t (the kiosk's
 * content texts, imp_*; NULL: the built-in English), e.g. OV_ENOSPC -> "The
 * kiosk is full. The old questions stay."; OV_OK, OV_EPERM, OV_ENOTFOUND and
 * OV_EINVAL have their own, any other code a general one. Never NULL. */
const char *ov_import_easy_message(int code, const ov_texts *t);

/* ---- plain words (content_import_words.c) ---- */

/* Turn one checker problem into plain words for the facilitator, chosen by
 * its code (a problem without words of its own says imw_other: "... has a
 * problem. Run check-content..."; never the checker's English); `ini_text` the
 * content.ini it is about (NULL: no section names), used to say which
 * question or answer the line is in ("Question 2", "The answer “yes” of
 * “yes-no”"), in the words of t (the kiosk's content texts, imw_* and imk_*;
 * NULL: the built-in English). Writes e.g. "Question 2 has no answers
 * (content.ini line 14)." into out and returns the line number (0 if none).
 * Never fails. */
int ov_import_plain_words(const ov_diag *g, const char *ini_text, size_t ini_len, const ov_texts *t,
                          char *out, size_t outlen);

#endif
