/* counts.h — one stored count: (meeting, question, answer) -> number. The
 * only shape in which votes exist; platform/tally.h stores and reads them,
 * model/results.h turns them into results. */
#ifndef OV_COUNTS_H
#define OV_COUNTS_H

#define OV_MEETING_LEN 64
#define OV_COUNT_ID_LEN 32 /* a question's, answer's or group's id in a count, and the NUL */

typedef struct {
    char meeting[OV_MEETING_LEN];
    char question[OV_COUNT_ID_LEN];
    char answer[OV_COUNT_ID_LEN];
    long count;
    char group[OV_COUNT_ID_LEN];   /* issue 14: "who are you today?" group id, "" = not said (or not asked) */
} ov_tally_row;

#endif
