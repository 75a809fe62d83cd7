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
} ov_tally_row;

#endif
