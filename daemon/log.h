#ifndef FOLLOWUP_DAEMON_LOG_H
#define FOLLOWUP_DAEMON_LOG_H
/*
 * log: one line per event on stderr, prefixed with the syslog level in the
 * form journald understands ("<3>" error ... "<7>" debug), so under
 * systemd each line lands in the journal with its priority.
 * Thread-safe: a line is written with one write(2).
 */
#include <stdarg.h>

enum log_level {
	LOG_LEVEL_ERROR = 3,
	LOG_LEVEL_WARNING = 4,
	LOG_LEVEL_NOTICE = 5,
	LOG_LEVEL_INFO = 6,
	LOG_LEVEL_DEBUG = 7,
};

/* Lines above this level are dropped before formatting. Default INFO. */
void log_set_level(enum log_level level);
enum log_level log_get_level(void);
/* "error", "warning", "notice", "info", "debug"; -1 when unknown. */
int log_level_from_name(const char *name);

void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_vmsg(enum log_level level, const char *fmt, va_list args)
	__attribute__((format(printf, 2, 0)));

#define log_error(...) log_msg(LOG_LEVEL_ERROR, __VA_ARGS__)
#define log_warning(...) log_msg(LOG_LEVEL_WARNING, __VA_ARGS__)
#define log_notice(...) log_msg(LOG_LEVEL_NOTICE, __VA_ARGS__)
#define log_info(...) log_msg(LOG_LEVEL_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_LEVEL_DEBUG, __VA_ARGS__)

#endif
