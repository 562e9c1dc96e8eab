/* lines: see lines.h. */
#include "lib/lines.h"

#include <string.h>
#include <glib.h>

char **lines_split(const char *text, size_t len, size_t *n_r)
{
	GPtrArray *lines = g_ptr_array_new();
	const char *p = text, *end = text + len;

	for (;;) {
		const char *lf = memchr(p, '\n', (size_t)(end - p));

		if (lf == NULL) {
			g_ptr_array_add(lines, g_strndup(p, (gsize)(end - p)));
			break;
		}
		g_ptr_array_add(lines, g_strndup(p, (gsize)(lf - p)));
		p = lf + 1;
	}
	if (n_r != NULL)
		*n_r = lines->len;
	g_ptr_array_add(lines, NULL);
	return (char **)g_ptr_array_free(lines, FALSE);
}

char *lines_to_lf(char *text)
{
	char *w = text;

	for (const char *r = text; *r != '\0'; r++) {
		if (*r == '\r') {
			*w++ = '\n';
			if (r[1] == '\n')
				r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return text;
}

void lines_append_lf(GString *out, const char *text)
{
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '\r') {
			g_string_append_c(out, '\n');
			if (p[1] == '\n')
				p++;
		} else {
			g_string_append_c(out, *p);
		}
	}
}
