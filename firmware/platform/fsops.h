/* fsops.h — every filesystem call the USB export makes goes through a table
 * of function pointers, so tests can make any single step fail (full stick,
 * read-only stick, stick pulled out mid-write), plus the safe file writer
 * built on it.
 *
 * The folder is opened once without following links (O_NOFOLLOW |
 * O_DIRECTORY, ov_fs_open_folder) and every file is then reached through
 * that folder's descriptor (openat, renameat, unlinkat): a link on the stick
 * can never send a file elsewhere.
 *
 * Safe write of DIR/NAME (ov_fs_write_at):
 *   1 open   DIR/.NAME.part (new, exclusive)      6 rename .NAME.part -> NAME
 *   2 write  all bytes                            7 fsync  DIR (the folder)
 *   3 utimensat neutral time on the temp file     8 syncfs the whole stick
 *   4 fsync  the temp file                        9 read NAME back (cache dropped)
 *   5 close  the temp file                          and compare byte for byte
 * Only after step 9 is the file reported written. On any failure the temp
 * file is removed; after step 6 the final file is removed too, so no file is
 * left that looks complete but is not. */
#ifndef OV_FSOPS_H
#define OV_FSOPS_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

typedef struct ov_fsops {
    int (*open)(const char *path, int flags, mode_t mode);
    ssize_t (*write)(int fd, const void *buf, size_t len);
    ssize_t (*read)(int fd, void *buf, size_t len);
    int (*fsync)(int fd);
    int (*close)(int fd);
    int (*rename)(const char *from, const char *to);
    int (*unlink)(const char *path);
    int (*mkdir)(const char *path, mode_t mode);
    int (*syncfs)(int fd);
    int (*utimensat)(int dirfd, const char *path, const struct timespec times[2], int flags);
    int (*fadvise)(int fd, off_t offset, off_t len, int advice); /* advisory: errors ignored */
    /* Calls relative to a folder descriptor; NULL: the real system call. */
    int (*openat)(int dirfd, const char *name, int flags, mode_t mode);
    int (*renameat)(int fromfd, const char *from, int tofd, const char *to);
    int (*unlinkat)(int dirfd, const char *name, int flags);
    int (*fstat)(int fd, struct stat *st);
} ov_fsops;

/* The real system calls. */
const ov_fsops *ov_fsops_real(void);

/* Neutral time given to every exported file (access and modification):
 * 2000-01-01 00:00:00 UTC, so file times reveal nothing about when votes
 * were cast or in which order files were written. */
#define OV_NEUTRAL_TIME ((time_t)946684800)

/* The step names used in messages, e.g. "write", "fsync folder". */
typedef enum {
    OV_STEP_OPEN, OV_STEP_WRITE, OV_STEP_UTIMES, OV_STEP_FSYNC, OV_STEP_CLOSE,
    OV_STEP_RENAME, OV_STEP_FSYNC_DIR, OV_STEP_SYNCFS, OV_STEP_READBACK, OV_STEP_COMPARE,
    OV_STEP_MKDIR,
} ov_fs_step;
const char *ov_fs_step_name(ov_fs_step step);


/* Open the folder dir (created first if missing) for writing files into it:
 * never through a link (a link, or anything but a folder, is refused with
 * OV_EINVAL and "DIR: ... is a link ..."), and when mount_point is not NULL
 * the folder must be on that mount point's own filesystem (same st_dev), so a
 * stick cannot send the files onto the SD card. Returns OV_OK with *dirfd
 * (close it with fs->close), or a negative code with "DIR: STEP failed: why". */
int ov_fs_open_folder(const ov_fsops *fs, const char *dir, const char *mount_point, int *dirfd,
                      char *err, size_t errlen);

/* Write data[0..len) as dir/name safely (the steps above) inside a folder
 * opened by ov_fs_open_folder: every call is relative to dirfd; dir is the
 * folder's name, for messages only (fs NULL = real). Returns OV_OK only when
 * the file is there and read back equal. On failure returns a negative OV_E*
 * code and err holds "PATH: STEP failed: strerror" (e.g. "/media/s/x.csv:
 * write failed: No space left on device"); *failed_step (if not NULL) says
 * which step. */
int ov_fs_write_at(const ov_fsops *fs, int dirfd, const char *dir, const char *name,
                   const void *data, size_t len, ov_fs_step *failed_step, char *err, size_t errlen);

/* Create dir (one level) if missing, through fs. Returns OV_OK or a negative
 * code with "PATH: mkdir failed: strerror" in err. */
int ov_fs_mkdir(const ov_fsops *fs, const char *dir, char *err, size_t errlen);

#endif
