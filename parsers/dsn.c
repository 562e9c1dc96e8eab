/* dsn: see dsn.h. */
#include "parsers/dsn.h"

#include <stdbool.h>
#include <string.h>
#include <glib.h>
#include "lib/lines.h"

static bool starts_field(const char *line, const char *name, const char **value_r)
{
	size_t n = strlen(name);
	const char *p;

	if (g_ascii_strncasecmp(line, name, n) != 0)
		return false;
	p = line + n;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != ':')
		return false;
	*value_r = p + 1;
	return true;
}

char *dsn_field(const char *text, const char *name)
{
	char **lines;
	GString *value = NULL;

	if (text == NULL || name == NULL)
		return NULL;
	lines = lines_split(text, strlen(text), NULL);
	for (size_t i = 0; lines[i] != NULL; i++) {
		const char *rest;

		if (value != NULL) {
			if (lines[i][0] != ' ' && lines[i][0] != '\t')
				break;
			g_string_append(value, lines[i]);
		} else if (starts_field(lines[i], name, &rest)) {
			value = g_string_new(rest);
		}
	}
	g_strfreev(lines);
	if (value == NULL)
		return NULL;
	g_strdelimit(value->str, "\r\n\t", ' ');
	return g_strstrip(g_string_free(value, FALSE));
}

/* "rfc822; <a@b>" -> "a@b" */
static char *recipient_address(char *value)
{
	char *addr = strchr(value, ';');
	char *res;
	size_t len;

	addr = addr != NULL ? addr + 1 : value;
	while (*addr == ' ' || *addr == '\t' || *addr == '<')
		addr++;
	len = strlen(addr);
	while (len > 0 && (addr[len - 1] == ' ' || addr[len - 1] == '>'))
		len--;
	res = len > 0 ? g_strndup(addr, len) : NULL;
	g_free(value);
	return res;
}

char *dsn_final_recipient(const char *text)
{
	char *value = dsn_field(text, "Final-Recipient");

	if (value == NULL)
		value = dsn_field(text, "Original-Recipient");
	return value != NULL ? recipient_address(value) : NULL;
}

char *dsn_status(const char *text)
{
	char *value = dsn_field(text, "Status");
	size_t len;

	if (value == NULL)
		return NULL;
	len = strcspn(value, " \t(;");
	if (len == 0) {
		g_free(value);
		return NULL;
	}
	value[len] = '\0';
	return value;
}
