/*
 * lock: one followupd per store. The daemon holds an exclusive flock(2) on
 * "<store>.lock" for its whole life and writes "PID NAME" into it, so that
 * a second one can say who holds it. flock, not fcntl: a POSIX lock would
 * be dropped the moment any descriptor of the file closed in the process,
 * and an flock survives exec(2) with its descriptor (the SIGHUP re-exec).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>

#include "store/store.h"

#define LOCK_FD_ENV "FOLLOWUP_STORE_LOCK_FD"
#define HOLDER_MAX 256

struct store_lock {
	int fd;
	char *path;
};

char *store_lock_path(const char *store_path)
{
	return g_strconcat(store_path, ".lock", NULL);
}

/* What the holder wrote: "PID NAME", or a guess when it wrote nothing. */
static char *read_holder(int fd)
{
	char buf[HOLDER_MAX];
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);

	if (n <= 0)
		return g_strdup("another process");
	buf[n] = '\0';
	g_strchomp(buf);
	char *sp = strchr(buf, ' ');
	if (sp == NULL || sp == buf)
		return g_strdup("another process");
	*sp = '\0';
	for (const char *p = buf; *p != '\0'; p++) {
		if (!g_ascii_isdigit(*p))
			return g_strdup("another process");
	}
	/* The name is ours, but the file may have been written by anyone with
	 * access to the directory: keep it printable. */
	for (char *p = sp + 1; *p != '\0'; p++) {
		if (!g_ascii_isprint(*p))
			*p = '?';
	}
	return g_strdup_printf("%s (pid %s)", sp + 1, buf);
}

static void write_holder(int fd, const char *holder)
{
	char *text = g_strdup_printf("%ld %s\n", (long)getpid(), holder);
	size_t len = strlen(text);

	ssize_t n = ftruncate(fd, 0) == 0 ? pwrite(fd, text, len, 0) : -1;

	(void)n;
	g_free(text);
}

/* The descriptor a re-executed followupd inherited, when it is the lock
 * of this store. */
static int inherited_fd(const char *path)
{
	const char *env = getenv(LOCK_FD_ENV);
	struct stat a, b;
	char *end = NULL;
	long fd;

	if (env == NULL)
		return -1;
	errno = 0;
	fd = strtol(env, &end, 10);
	unsetenv(LOCK_FD_ENV);
	if (errno != 0 || end == env || *end != '\0' || fd < 0 || fd > INT32_MAX)
		return -1;
	if (fstat((int)fd, &a) < 0 || stat(path, &b) < 0 || a.st_dev != b.st_dev ||
	    a.st_ino != b.st_ino)
		return -1;
	if (fcntl((int)fd, F_SETFD, FD_CLOEXEC) < 0)
		return -1;
	return (int)fd;
}

int store_lock_acquire(const char *store_path, const char *holder, struct store_lock **lock_r,
                       char **error_r)
{
	char *path = store_lock_path(store_path);
	int fd = inherited_fd(path), ret = -1;

	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
		goto locked;
	if (fd >= 0)
		close(fd);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0640);
	if (fd < 0 && errno == ENOENT) {
		*error_r = g_strdup_printf("%s: cannot create the store: its directory does not "
		                           "exist (create it, or change [store] path)", store_path);
		goto fail;
	}
	if (fd < 0) {
		*error_r = g_strdup_printf("%s: cannot open the store's lock: %s", path,
		                           g_strerror(errno));
		goto fail;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EWOULDBLOCK) {
			char *who = read_holder(fd);
			*error_r = g_strdup_printf("%s is in use: %s holds its lock %s; only one "
			                           "followupd may use a store (stop the other one "
			                           "first)", store_path, who, path);
			g_free(who);
			ret = -2;
		} else {
			*error_r = g_strdup_printf("%s: cannot lock: %s", path, g_strerror(errno));
		}
		close(fd);
		goto fail;
	}
locked:
	/* Without the note the lock holds all the same; a second daemon
	 * only says less about who holds it. */
	write_holder(fd, holder);
	*lock_r = g_new0(struct store_lock, 1);
	(*lock_r)->fd = fd;
	(*lock_r)->path = path;
	return 0;
fail:
	g_free(path);
	return ret;
}

int store_lock_keep_across_exec(struct store_lock *lock)
{
	char num[16];

	if (fcntl(lock->fd, F_SETFD, 0) < 0)
		return -1;
	snprintf(num, sizeof(num), "%d", lock->fd);
	return setenv(LOCK_FD_ENV, num, 1);
}

void store_lock_release(struct store_lock **lockp)
{
	struct store_lock *lock = *lockp;

	if (lock == NULL)
		return;
	*lockp = NULL;
	/* The file stays: removing it would race with the next holder, who
	 * may have opened it already. A note left behind is harmless: it is
	 * read only when the lock is held. */
	close(lock->fd);
	g_free(lock->path);
	g_free(lock);
}
