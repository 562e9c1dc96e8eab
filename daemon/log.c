/*
 * log: see log.h. A message is made safe as one line (lib/safe_text.c:
 * controls, C1, bidi controls and invalid UTF-8 from a hostile subject or
 * a server's error text shown, not passed on), so one event is always one
 * line and `journalctl` on a terminal never runs an escape sequence.
 *
 * The journal's native protocol (systemd.journal-fields(7), "Native
 * Journal Protocol") is spoken here, one datagram of "KEY=value" lines;
 * no value holds a line break once it is safe text, so the binary form
 * of a field is never needed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <glib.h>

#include "daemon/log.h"
#include "lib/safe_text.h"

#define JOURNAL_SOCKET "/run/systemd/journal/socket"

static enum log_level current_level = LOG_LEVEL_INFO;
static bool to_journal;
static int journal_fd = -1;
static struct sockaddr_un journal_addr;

void log_set_level(enum log_level level)
{
	current_level = level;
}

enum log_level log_get_level(void)
{
	return current_level;
}

int log_level_from_name(const char *name)
{
	static const struct {
		const char *name;
		enum log_level level;
	} names[] = {
		{ "error", LOG_LEVEL_ERROR }, { "warning", LOG_LEVEL_WARNING },
		{ "notice", LOG_LEVEL_NOTICE }, { "info", LOG_LEVEL_INFO },
		{ "debug", LOG_LEVEL_DEBUG },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(names[i].name, name) == 0)
			return (int)names[i].level;
	}
	return -1;
}

bool log_journal_stream_is(const char *value, dev_t dev, ino_t ino)
{
	unsigned long long d, i;
	char *end;

	if (value == NULL || *value < '0' || *value > '9')
		return false;
	errno = 0;
	d = strtoull(value, &end, 10);
	if (errno != 0 || *end != ':' || end[1] < '0' || end[1] > '9')
		return false;
	i = strtoull(end + 1, &end, 10);
	return errno == 0 && *end == '\0' && d == (unsigned long long)dev &&
	       i == (unsigned long long)ino;
}

static void journal_open(const char *path)
{
	if (journal_fd >= 0)
		close(journal_fd);
	memset(&journal_addr, 0, sizeof(journal_addr));
	journal_addr.sun_family = AF_UNIX;
	g_strlcpy(journal_addr.sun_path, path, sizeof(journal_addr.sun_path));
	/* Without the socket the <N> lines on stderr still reach the journal. */
	journal_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
}

void log_use_journal_socket(const char *path)
{
	to_journal = true;
	journal_open(path);
}

void log_init(void)
{
	struct stat st;

	to_journal = fstat(STDERR_FILENO, &st) == 0 &&
	             log_journal_stream_is(getenv("JOURNAL_STREAM"), st.st_dev, st.st_ino);
	if (to_journal)
		journal_open(JOURNAL_SOCKET);
}

bool log_to_journal(void)
{
	return to_journal;
}

static void add_field(GString *dgram, const char *key, const char *value)
{
	if (value == NULL)
		return;
	g_string_append(dgram, key);
	g_string_append_c(dgram, '=');
	safe_text_append(dgram, value, SAFE_TEXT_LINE);
	g_string_append_c(dgram, '\n');
}

/* 0 when journald took the event as one datagram. */
static int journal_send(enum log_level level, const struct log_fields *f, const char *text)
{
	GString *dgram;
	char uid[16];
	ssize_t n;

	if (journal_fd < 0)
		return -1;
	dgram = g_string_sized_new(256);
	g_string_append_printf(dgram, "PRIORITY=%d\nSYSLOG_IDENTIFIER=followupd\n", (int)level);
	add_field(dgram, "MESSAGE", text);
	if (f != NULL) {
		add_field(dgram, "FOLLOWUP_ACCOUNT", f->account);
		add_field(dgram, "FOLLOWUP_FOLDER", f->folder);
		if (f->uid != 0) {
			snprintf(uid, sizeof(uid), "%u", f->uid);
			add_field(dgram, "FOLLOWUP_UID", uid);
		}
		add_field(dgram, "FOLLOWUP_MESSAGE_ID", f->message_id);
		add_field(dgram, "FOLLOWUP_RULE", f->rule);
	}
	n = sendto(journal_fd, dgram->str, dgram->len, MSG_NOSIGNAL,
	           (const struct sockaddr *)&journal_addr, sizeof(journal_addr));
	g_string_free(dgram, TRUE);
	return n < 0 ? -1 : 0;
}

static const char *level_word(enum log_level level)
{
	switch (level) {
	case LOG_LEVEL_ERROR: return "error: ";
	case LOG_LEVEL_WARNING: return "warning: ";
	case LOG_LEVEL_DEBUG: return "debug: ";
	default: return "";
	}
}

void log_fields_vmsg(enum log_level level, const struct log_fields *fields, const char *fmt,
                     va_list args)
{
	char text[2048];
	GString *line;

	if (level > current_level)
		return;
	if (vsnprintf(text, sizeof(text), fmt, args) < 0)
		return;
	/* Fields need the native protocol; everything else takes the stream
	 * systemd gave us, as any daemon's stderr. */
	if (to_journal && fields != NULL && journal_send(level, fields, text) == 0)
		return;
	line = g_string_sized_new(sizeof(text) + 16);
	if (to_journal)
		g_string_printf(line, "<%d>", (int)level);
	else
		g_string_assign(line, level_word(level));
	safe_text_append(line, text, SAFE_TEXT_LINE);
	g_string_append_c(line, '\n');
	/* One write per line: lines from several threads never interleave. */
	ssize_t ignored = write(STDERR_FILENO, line->str, line->len);
	(void)ignored;
	g_string_free(line, TRUE);
}

void log_fields_msg(enum log_level level, const struct log_fields *fields, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	log_fields_vmsg(level, fields, fmt, args);
	va_end(args);
}

void log_vmsg(enum log_level level, const char *fmt, va_list args)
{
	log_fields_vmsg(level, NULL, fmt, args);
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	log_fields_vmsg(level, NULL, fmt, args);
	va_end(args);
}
