/*
 * log: see log.h. A message is made safe as one line (lib/safe_text.c:
 * controls, C1, bidi controls and invalid UTF-8 from a hostile subject or
 * a server's error text shown, not passed on), so one event is always one
 * line and `journalctl` on a terminal never runs an escape sequence.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "daemon/log.h"
#include "lib/safe_text.h"

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
	char text[2048];
	GString *line;

	if (level > current_level)
		return;
	if (vsnprintf(text, sizeof(text), fmt, args) < 0)
		return;
	line = g_string_sized_new(sizeof(text) + 16);
	g_string_printf(line, "<%d>", (int)level);
	safe_text_append(line, text, SAFE_TEXT_LINE);
	g_string_append_c(line, '\n');
	/* One write per line: lines from several threads never interleave. */
	ssize_t ignored = write(STDERR_FILENO, line->str, line->len);
	(void)ignored;
	g_string_free(line, TRUE);
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	log_vmsg(level, fmt, args);
	va_end(args);
}
