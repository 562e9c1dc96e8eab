/* msgid: see msgid.h. */
#include "parsers/msgid.h"

#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "parsers/charset.h"

/* The id between start and end, cleaned; NULL when nothing is left. */
static char *clean_id(const char *start, const char *end)
{
	GString *id = g_string_new(NULL);
	char *res;

	for (const char *p = start; p < end; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= 0x20 || c == 0x7f)
			continue;
		g_string_append_c(id, (char)c);
	}
	if (id->len == 0) {
		g_string_free(id, TRUE);
		return NULL;
	}
	res = charset_make_valid(id->str, id->len);
	g_string_free(id, TRUE);
	return res;
}

static void add_bracketed(const char *text, GPtrArray *ids)
{
	const char *p = text;

	while ((p = strchr(p, '<')) != NULL) {
		const char *start = p + 1;
		const char *end = start + strcspn(start, "<>");
		char *id;

		if (*end == '<') {
			/* "<junk <id@host>": the inner one is the id. */
			p = end;
			continue;
		}
		/* An unterminated last id still counts if it looks like one. */
		if (*end == '\0' && memchr(start, '@', (size_t)(end - start)) == NULL)
			break;
		id = clean_id(start, end);
		if (id != NULL)
			g_ptr_array_add(ids, id);
		if (*end == '\0')
			break;
		p = end + 1;
	}
}

static void add_bare(const char *text, GPtrArray *ids)
{
	char **tokens = g_strsplit_set(text, " \t\r\n,;", -1);

	for (size_t i = 0; tokens[i] != NULL; i++) {
		if (strchr(tokens[i], '@') != NULL) {
			const char *t = tokens[i];
			char *id = clean_id(t, t + strlen(t));

			if (id != NULL)
				g_ptr_array_add(ids, id);
		}
	}
	g_strfreev(tokens);
}

char **msgid_parse_all(const char *text, size_t *n_r)
{
	GPtrArray *ids = g_ptr_array_new();

	if (text != NULL) {
		add_bracketed(text, ids);
		if (ids->len == 0 && strchr(text, '<') == NULL)
			add_bare(text, ids);
	}
	if (n_r != NULL)
		*n_r = ids->len;
	g_ptr_array_add(ids, NULL);
	return (char **)g_ptr_array_free(ids, FALSE);
}

char *msgid_parse_first(const char *text)
{
	size_t n;
	char **ids = msgid_parse_all(text, &n);
	char *first = n > 0 ? g_strdup(ids[0]) : NULL;

	g_strfreev(ids);
	return first;
}
