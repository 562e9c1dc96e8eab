#ifndef FOLLOWUP_DAEMON_LOG_H
#define FOLLOWUP_DAEMON_LOG_H
/*
 * log: one line per event. Where it goes depends on what stderr is
 * (log_init() looks once):
 *
 *  - the journal (systemd sets $JOURNAL_STREAM to stderr's "DEV:INODE"):
 *    a line on stderr with the level prefix journald parses ("<3>" error
 *    … "<7>" debug); an event with fields goes to journald's native
 *    socket instead, with PRIORITY=, SYSLOG_IDENTIFIER=followupd,
 *    MESSAGE= and its fields (FOLLOWUP_ACCOUNT=, FOLLOWUP_FOLDER=,
 *    FOLLOWUP_UID=, FOLLOWUP_MESSAGE_ID=, FOLLOWUP_RULE=: `journalctl
 *    FOLLOWUP_ACCOUNT=sales`), or to stderr as a <N> line when that
 *    socket takes nothing;
 *  - anything else (a terminal, a file, a pipe): the line alone, after
 *    "error: ", "warning: " or "debug: " for those levels.
 *
 * Every message and field goes through lib/safe_text.c first: one event
 * is one line, and nothing from mail runs as an escape sequence.
 * Thread-safe after log_init(): a line is one write(2) or one datagram.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

enum log_level {
	LOG_LEVEL_ERROR = 3,
	LOG_LEVEL_WARNING = 4,
	LOG_LEVEL_NOTICE = 5,
	LOG_LEVEL_INFO = 6,
	LOG_LEVEL_DEBUG = 7,
};

/* What an event is about, for the journal; NULL or 0: not given. The
 * message says it too: the fields are for searching. */
struct log_fields {
	const char *account;
	const char *folder;
	uint32_t uid;
	const char *message_id;
	const char *rule;
};

/* Looks at $JOURNAL_STREAM and stderr once; before any thread logs. */
void log_init(void);
/* Pure: whether $JOURNAL_STREAM's value ("DEV:INODE", decimal) names the
 * stream dev/ino. */
bool log_journal_stream_is(const char *value, dev_t dev, ino_t ino);
/* For the tests: journal mode with the native socket at `path`. */
void log_use_journal_socket(const char *path);
/* Whether lines go to the journal (the native socket, or <N> lines). */
bool log_to_journal(void);

/* Lines above this level are dropped before formatting. Default INFO. */
void log_set_level(enum log_level level);
enum log_level log_get_level(void);
/* "error", "warning", "notice", "info", "debug"; -1 when unknown. */
int log_level_from_name(const char *name);

void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_vmsg(enum log_level level, const char *fmt, va_list args)
	__attribute__((format(printf, 2, 0)));
/* With the event's fields (may be NULL). */
void log_fields_msg(enum log_level level, const struct log_fields *fields, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void log_fields_vmsg(enum log_level level, const struct log_fields *fields, const char *fmt,
                     va_list args) __attribute__((format(printf, 3, 0)));

#define log_error(...) log_msg(LOG_LEVEL_ERROR, __VA_ARGS__)
#define log_warning(...) log_msg(LOG_LEVEL_WARNING, __VA_ARGS__)
#define log_notice(...) log_msg(LOG_LEVEL_NOTICE, __VA_ARGS__)
#define log_info(...) log_msg(LOG_LEVEL_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_LEVEL_DEBUG, __VA_ARGS__)

#endif
