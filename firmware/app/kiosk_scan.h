/* kiosk_scan.h — the kiosk's glue for switch scanning and for reading
 * screens in parts (kiosk_scan.c). Not a public API. */
#ifndef OV_KIOSK_SCAN_H
#define OV_KIOSK_SCAN_H

#include "app/kiosk_state.h"

/* Take the scanning timings from the settings and attach the buttons' switch
 * levels (once; later calls do nothing). */
void ov_kiosk_scan_prepare(kiosk *k);

/* 1 when switch scanning is on and no facilitator screen is shown. */
int ov_kiosk_scanning(const kiosk *k);

/* Build the reading of the current layout: each spoken text a part, the
 * question's title and sentences one part with the question's recording, an
 * answer's label or `say` with the answer's recording. intro_only (a scan
 * about to start): leave out the targets' labels, which the scan says as it
 * highlights each, but keep the answers' labels through the room speaker,
 * where the scan says no answer: the question and then every answer are read
 * before the first highlight. paths (max entries) holds the recordings' full
 * paths. Returns the number of parts (at most max). */
int ov_kiosk_speech_parts(kiosk *k, int intro_only, ov_speech_part *parts, int max,
                          char paths[][OV_PATH_MAX]);

/* Speak the label of layout button `b` (when it may be said aloud: through
 * the room speaker an answer says nothing and a review item only its
 * question's title) and hold the scan until it has been heard. Nothing when
 * speech is off. */
void ov_kiosk_scan_say_button(kiosk *k, int b);

/* Show and say how to start a stopped scan again. */
void ov_kiosk_scan_stopped(kiosk *k);

/* Follow the visits for the two-switch set-up: the next member (a welcome
 * after a visit, not after the Sound screen) says again which switch moves;
 * a visit started another way (touch, keys) or a priorities round ends a
 * set-up left half done. Keeps env.scanning (the welcome's words) in step. */
void ov_kiosk_scan_follow_visit(kiosk *k);

/* A set-up event of the two-switch scan (OV_SCAN_ASK_CHOOSE, OV_SCAN_LEARNED):
 * the welcome says the next step, or how to start. Returns 1 when ev was
 * one, 0 otherwise (nothing done). */
int ov_kiosk_scan_setup_event(kiosk *k, const ov_scan_event *ev);

/* A switch press was made: it counts as activity for the idle timeout. */
void ov_kiosk_scan_note_activity(kiosk *k);

/* Every loop turn: on the welcome screen after a visit, back to the usual
 * sound (ov_kiosk_sound_reset); when the arrow keys moved the focus, say the
 * focused item; when the speech the scan waits for has ended, let it go on. */
void ov_kiosk_scan_after_speech(kiosk *k);

/* Member speech controls: move the rate (slower -1 / faster +1) and the
 * volume (quieter -1 / louder +1) one step each, within the speech module's
 * steps, and say the change at the new setting (when speech is on). Returns 1
 * when something changed, 0 at the end of the range (then the kiosk says so). */
int ov_kiosk_sound_change(kiosk *k, int rate_delta, int volume_delta);

/* A step of the sound screen (ov_sound_step: slower, faster, quieter,
 * louder), as ov_kiosk_sound_change. Returns 0 for a step out of range. */
int ov_kiosk_sound_step(kiosk *k, int step);

/* Back to the configured rate and volume (the next person starts fresh):
 * ov_kiosk_scan_after_speech does it whenever the flow is on the welcome
 * screen after a visit (not when the member comes back to it from the sound
 * screen). */
void ov_kiosk_sound_reset(kiosk *k);

#endif
