/*
 * file: see file.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>
#include <glib.h>

#include "lib/file.h"

int file_open_regular(const char *path, struct stat *st_r)
{
	struct stat sb;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	if (fd < 0)
		return -errno;
	if (fstat(fd, &sb) < 0) {
		int err = -errno;
		close(fd);
		return err;
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return S_ISDIR(sb.st_mode) ? -EISDIR : FILE_ERR_NOT_REGULAR;
	}
	if (st_r != NULL)
		*st_r = sb;
	return fd;
}

/* Reads the rest of fd into a growing buffer, at most limit bytes (the
 * file's size is only a first guess: it may grow as it is read). The
 * count, or a negative error; *buf_r is NUL-terminated. */
static ssize_t read_rest(int fd, size_t guess, size_t limit, char **buf_r)
{
	size_t cap = MIN(MAX(guess, 64), limit), len = 0;
	char *buf = g_malloc(cap + 1);

	for (;;) {
		if (len == cap) {
			if (cap == limit)
				break;
			cap = cap > limit / 2 ? limit : cap * 2;
			buf = g_realloc(buf, cap + 1);
		}
		ssize_t n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int err = -errno;
			g_free(buf);
			return err;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	*buf_r = buf;
	return (ssize_t)len;
}

/* The rest of fd (a regular file, stat sb), at most max bytes. */
static int read_all_fd(int fd, const struct stat *sb, size_t max, char **text_r,
                       size_t *len_r)
{
	char *text = NULL;

	if (sb->st_size > 0 && (uintmax_t)sb->st_size > max)
		return FILE_ERR_TOO_LARGE;
	/* One byte more than allowed, so that a file that grew is noticed. */
	ssize_t n = read_rest(fd, (size_t)sb->st_size + 1, max < SIZE_MAX - 1 ? max + 1 : max,
	                      &text);
	if (n < 0)
		return (int)n;
	if ((size_t)n > max) {
		g_free(text);
		return FILE_ERR_TOO_LARGE;
	}
	*text_r = text;
	*len_r = (size_t)n;
	return 0;
}

int file_read_fd(int fd, size_t max, char **text_r, size_t *len_r)
{
	struct stat sb;

	if (fstat(fd, &sb) < 0)
		return -errno;
	if (!S_ISREG(sb.st_mode))
		return FILE_ERR_NOT_REGULAR;
	return read_all_fd(fd, &sb, max, text_r, len_r);
}

int file_read_all(const char *path, size_t max, char **text_r, size_t *len_r,
                  struct stat *st_r)
{
	struct stat sb;
	int fd = file_open_regular(path, &sb);

	if (fd < 0)
		return fd;
	int ret = read_all_fd(fd, &sb, max, text_r, len_r);
	close(fd);
	if (ret == 0 && st_r != NULL)
		*st_r = sb;
	return ret;
}

const char *file_error_text(int error)
{
	switch (error) {
	case FILE_ERR_NOT_REGULAR:
		return "not a regular file";
	case FILE_ERR_TOO_LARGE:
		return "too large";
	default:
		return g_strerror(-error);
	}
}
