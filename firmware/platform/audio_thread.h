/* audio_thread.h — real-time scheduling for SDL's audio thread on a real
 * sound card, so speech does not stutter while the rest of the system is busy
 * (issue 16: ALSA underruns at boots after a power cut, when the kiosk starts
 * beside the system's own recovery work). */
#ifndef OV_AUDIO_THREAD_H
#define OV_AUDIO_THREAD_H

/* The SCHED_RR priority asked for: low among real-time tasks (the kernel's
 * own threads use 50); board/rpi/ourvoice.service allows it (LimitRTPRIO=). */
#define OV_AUDIO_RT_PRIORITY 10

/* 1 when SDL's audio driver `driver` plays to a real device (ALSA, PulseAudio,
 * PipeWire...), 0 for "disk" and "dummy" (tests, no sound card) and NULL. */
int ov_audio_driver_is_real(const char *driver);

/* Give the calling thread SCHED_RR at OV_AUDIO_RT_PRIORITY, not inherited by
 * anything it starts. Returns 0, or the errno of the refusal (EPERM when
 * RLIMIT_RTPRIO is below the priority: the thread keeps its nice level). */
int ov_audio_thread_make_realtime(void);

#endif
