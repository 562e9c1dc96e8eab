/* datalist: walking the one-entry-a-line data lists (see classify/datalist.h). */
#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "classify/datalist.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Calls fn for the entry in line[0..len), if the line holds one. */
static int visit_line(const char *line, size_t len, datalist_entry_fn *fn,
                      void *context)
{
	const char *hash = memchr(line, '#', len);
	if (hash != NULL)
		len = (size_t)(hash - line);
	while (len > 0 && is_blank(line[0])) {
		line++;
		len--;
	}
	while (len > 0 && is_blank(line[len - 1]))
		len--;
	if (len == 0)
		return 0;

	char *entry = g_strndup(line, len);
	int ret = fn(entry, context);
	g_free(entry);
	return ret;
}

int datalist_foreach(const char *text, datalist_entry_fn *fn, void *context)
{
	static const char bom[] = "\xEF\xBB\xBF";

	if (text == NULL)
		return 0;
	if (strncmp(text, bom, sizeof(bom) - 1) == 0)
		text += sizeof(bom) - 1;

	const char *line = text;
	for (;;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl != NULL ? (size_t)(nl - line) : strlen(line);
		int ret = visit_line(line, len, fn, context);
		if (ret < 0)
			return ret;
		if (nl == NULL)
			return 0;
		line = nl + 1;
	}
}
