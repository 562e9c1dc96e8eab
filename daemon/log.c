/*
 * log: see log.h. Control characters in a message (a hostile subject, a
 * server's error text) are replaced, so one event is always one line.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "daemon/log.h"

static enum log_level current_level = LOG_LEVEL_INFO;

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

void log_vmsg(enum log_level level, const char *fmt, va_list args)
{
	char line[2048];
	int prefix, n;

	if (level > current_level)
		return;
	prefix = snprintf(line, sizeof(line), "<%d>", (int)level);
	n = vsnprintf(line + prefix, sizeof(line) - (size_t)prefix - 1, fmt, args);
	if (n < 0)
		return;
	size_t room = sizeof(line) - (size_t)prefix - 2;
	size_t len = (size_t)prefix + ((size_t)n < room ? (size_t)n : room);
	for (size_t i = (size_t)prefix; i < len; i++) {
		if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
			line[i] = ' ';
	}
	line[len++] = '\n';
	/* One write per line: lines from several threads never interleave. */
	ssize_t ignored = write(STDERR_FILENO, line, len);
	(void)ignored;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	log_vmsg(level, fmt, args);
	va_end(args);
}
