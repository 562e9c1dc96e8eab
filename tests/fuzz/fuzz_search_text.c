/*
 * libFuzzer target for lib/search_text.c: whatever the bytes, the indexed
 * form is valid UTF-8 that keeps every character that is not CJK, in
 * order (CJK runs only become characters and bigrams between spaces);
 * and the highlighted excerpt of the text for any query is valid UTF-8
 * with no control character but the markers' own.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "lib/safe_text.h"
#include "lib/search_query.h"
#include "lib/search_text.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The text without CJK characters and spaces. */
static char *rest(const char *s)
{
	GString *out = g_string_new(NULL);

	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c != ' ' && !search_is_cjk(c))
			g_string_append_unichar(out, c);
	}
	return g_string_free(out, FALSE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The first line is a query, the rest the text. */
	char *all = g_strndup((const char *)data, size);
	char *nl = strchr(all, '\n');
	const char *query = nl != NULL ? all : "";
	const char *text = nl != NULL ? nl + 1 : all;
	if (nl != NULL)
		*nl = '\0';

	char *indexed = search_index_text(text);
	CHECK(g_utf8_validate(indexed, -1, NULL));
	char *valid = g_utf8_make_valid(text, -1);
	char *a = rest(valid), *b = rest(indexed);
	CHECK(strcmp(a, b) == 0);
	g_free(a);
	g_free(b);
	g_free(valid);
	g_free(indexed);

	struct search_query q;
	char *error = NULL;
	if (search_query_parse(query, &q, &error) == 0) {
		char *h = search_highlight(text, q.terms, q.n_terms, "\x02", "\x03", 60);
		if (h != NULL) {
			CHECK(g_utf8_validate(h, -1, NULL));
			for (const char *p = h; *p != '\0'; p = g_utf8_next_char(p)) {
				gunichar c = g_utf8_get_char(p);
				CHECK(c >= 0x20 || c == 0x02 || c == 0x03);
				CHECK(c != 0x7f && !safe_text_shown_as_code_point(c));
			}
		}
		g_free(h);
		search_query_clear(&q);
	} else {
		CHECK(error != NULL);
		g_free(error);
	}
	g_free(all);
	return 0;
}
