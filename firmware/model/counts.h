/* counts.h — one stored count: (meeting, question, answer) -> number. The
 * only shape in which votes exist; platform/tally.h stores and reads them,
 * model/results.h turns them into results. */
#ifndef OV_COUNTS_H
#define OV_COUNTS_H

#define OV_MEETING_LEN 64

typedef struct {
    char meeting[OV_MEETING_LEN];
    char question[32];
    char answer[32];
    long count;
    char group[32];   /* issue 14: "who are you today?" group id, "" = not said (or not asked) */
} ov_tally_row;

#endif
