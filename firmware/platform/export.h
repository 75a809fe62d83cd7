/* export.h — the USB export: per meeting a CSV, a JSON file and an easy-read
 * HTML report, written safely (see fsops.h) in random order with neutral
 * file times, into a folder opened without following links. File formats
 * are documented in docs/export.md.
 *
 * File names: ourvoice-MEETING-DATE.csv / .json / .html, where MEETING is
 * the meeting name made safe for any stick (FAT too) and DATE is YYYY-MM-DD
 * (never a time of day): the day the meeting started, from the tally, or
 * the export's date (opts->date, else today) when that is not known and for
 * ov_export_results. Meetings whose names come out the same get -2, -3... */
#ifndef OV_EXPORT_H
#define OV_EXPORT_H

#include "platform/config.h"
#include "model/content.h"
#include "model/export_format.h"
#include "platform/fsops.h"
#include "model/results.h"
#include "platform/tally.h"

#define OV_EXPORT_EASY_LEN 200 /* the easy-read sentence about an export, and the NUL */

typedef struct {
    char **files;            /* full paths written and verified, each as long as it is (malloc'd, and
                              * the list: ov_export_report_free) */
    int n_files;
    int cap_files;
    int verified;            /* 1 only when every file was written, synced, read back equal */
    int code;                /* OV_OK or the OV_E* code of the failure */
    char easy[OV_EXPORT_EASY_LEN]; /* easy-read sentence for members: success or what went wrong */
} ov_export_report;

/* Free the list of files in rep (rep itself is the caller's); NULL is fine. */
void ov_export_report_free(ov_export_report *rep);

/* Fill opts from the config (threshold, exact; cfg NULL: 5, not exact) with
 * the real filesystem, today's date and a random file order; closed_only is
 * 1, mount_point NULL. */
void ov_export_opts_from_config(ov_export_opts *opts, const ov_config *cfg);

/* Write the CSV, JSON and HTML files of several meetings' results into
 * dest_dir (created if missing, never through a link, on opts->mount_point's
 * filesystem when set), in random order, each written safely. Any number of
 * meetings. Files written so far are listed in rep even on failure (rep is
 * overwritten: free an earlier list first). Returns OV_OK with
 * rep->verified = 1, or a negative OV_E* code with err saying what failed
 * (a file step: "PATH: STEP failed: reason") and rep->easy = an easy-read
 * sentence; an I/O error on a stick that has gone from opts->mount_point
 * meanwhile (or goes within OV_STICK_GONE_WAIT_MS) is OV_ENOTFOUND (taken
 * out too soon). Bad arguments (NULL opts, rep or dest_dir): OV_EINVAL, rep
 * untouched. Nothing is ever removed from the kiosk. */
int ov_export_results(const ov_export_opts *opts, ov_results *const *res, int n_res,
                      const char *dest_dir, ov_export_report *rep, char *err, size_t errlen);

/* Where ov_export_from takes the meetings: n of them; name(ctx, i) is
 * meeting i's name (never NULL), results(ctx, i, &rc) its results (changed
 * by the export: the date and threshold), valid until the next call; NULL
 * with an OV_E* code in rc (0: out of memory) when they cannot be made. */
typedef struct {
    int n;
    const char *(*name)(void *ctx, int i);
    ov_results *(*results)(void *ctx, int i, int *rc);
    void *ctx;
} ov_export_source;

/* ov_export_results with the meetings made one at a time by src (so any
 * number of them need not all be in memory). Same returns; bad arguments
 * (NULL opts, src, rep or dest_dir, src->n < 0): OV_EINVAL, rep untouched. */
int ov_export_from(const ov_export_opts *opts, const ov_export_source *src, const char *dest_dir,
                   ov_export_report *rep, char *err, size_t errlen);

/* Export meetings from the tally (only `meeting` when not NULL) with the
 * content's words and pictures: with opts->closed_only the closed meetings
 * (an open meeting is refused: OV_EINVAL "still open"; none closed: OV_EINVAL
 * "nothing to save"), else every meeting with votes (none: the content's
 * questions with zero counts under "drop-in"). A question whose counts are
 * withheld lists every answer of its scale, or no answer when it is no longer
 * in the content. Any number of meetings, one at a time in memory. Same
 * returns as ov_export_results; the tally is only read. */
int ov_export_all_opts(const ov_export_opts *opts, ov_tally *t, const ov_content *c,
                       const char *meeting, const char *dest_dir, ov_export_report *rep,
                       char *err, size_t errlen);

/* 1 when rep describes a complete, verified export: only then may the kiosk
 * say "you can take the USB stick out now" and offer "clear votes". */
int ov_export_verified(const ov_export_report *rep);

/* Today's date (local time) as YYYY-MM-DD into out (at least 11 bytes);
 * "2000-01-01" when the clock cannot be read. */
void ov_export_today(char *out, size_t outlen);

#endif
