#ifndef FOLLOWUP_LIB_FILE_H
#define FOLLOWUP_LIB_FILE_H
/*
 * file: reading the files a configuration names (the configuration
 * itself, password files, templates, holiday files, word lists, language
 * models), one hardened way: never blocking on a FIFO, only regular files,
 * never more than the caller's limit.
 *
 * Errors are negative: -errno, or one of the FILE_ERR_* below;
 * file_error_text() says each in words ("No such file or directory",
 * "not a regular file", …).
 */
#include <stddef.h>
#include <sys/stat.h>

#define FILE_ERR_NOT_REGULAR (-10001)   /* a FIFO, a device, a socket */
#define FILE_ERR_TOO_LARGE   (-10002)   /* over the caller's limit */

/* Opens path read-only (O_NONBLOCK, so a FIFO cannot hang the caller,
 * O_CLOEXEC, O_NOCTTY) when it is a regular file: the descriptor, with
 * its stat in *st_r when st_r is not NULL; or a negative error (-EISDIR
 * for a directory). */
int file_open_regular(const char *path, struct stat *st_r);

/* The whole regular file at path, at most max bytes: *text_r (g_free;
 * NUL-terminated, so a file without NUL bytes is a C string) and *len_r.
 * A file that is, or grows while it is read, longer than max is
 * FILE_ERR_TOO_LARGE. 0 or a negative error; st_r as above. */
/* The rest of the open descriptor fd, a regular file (a caller's file
 * handed over a socket), at most max bytes, as file_read_all(). */
int file_read_fd(int fd, size_t max, char **text_r, size_t *len_r);
int file_read_all(const char *path, size_t max, char **text_r, size_t *len_r,
                  struct stat *st_r);

/* The words for an error of the above. Static. */
const char *file_error_text(int error);

#endif
