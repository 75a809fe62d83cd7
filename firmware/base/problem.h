/* problem.h — the codes of the problems the kiosk finds itself (sound,
 * buttons, disk, font, questions), for the facilitator. A platform module
 * keeps its own detailed English sentence for the log and gives one of these
 * codes; the screens show and say the content's [texts] word for the code
 * (model/content_texts.c: ov_problem_text), so they are in its language. */
#ifndef OV_PROBLEM_H
#define OV_PROBLEM_H

typedef enum {
    OV_PROBLEM_NONE = 0,
    OV_PROBLEM_OTHER,        /* no plain words of its own: the log says what */
    OV_PROBLEM_BUTTONS_OFF,  /* no GPIO line works */
    OV_PROBLEM_BUTTONS_SOME, /* some GPIO lines do not work */
    OV_PROBLEM_BUTTON_STUCK, /* a button held down too long: ignored */
    OV_PROBLEM_SOUND_DEVICE, /* the configured sound device did not open: the default is used */
    OV_PROBLEM_NO_SOUND,     /* no sound device at all */
    OV_PROBLEM_VOICE,        /* espeak-ng or the speech thread does not work */
    OV_PROBLEM_RECORDING,    /* a recording did not play: the text was spoken */
    OV_PROBLEM_FONT,         /* the kiosk's font is missing: another is used */
    OV_PROBLEM_CONTENT,      /* the questions have errors: the built-in ones are shown */
    OV_PROBLEM_VOTES,        /* the vote store cannot be opened */
    OV_PROBLEM_PIN_RECORD,   /* the record of wrong PINs cannot be read */
    OV_PROBLEM_OLD_SDL,      /* a Raspberry Pi 5 with SDL before 2.30: the screen may show garbage */
    OV_PROBLEM_COUNT
} ov_problem;

#endif
