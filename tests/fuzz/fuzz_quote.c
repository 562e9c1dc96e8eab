/*
 * libFuzzer target for quote/signature stripping (parsers/quote.c) on
 * arbitrary text: the new text is never NULL and, like everything
 * quote_split() returns, valid UTF-8; quote_cut() agrees with it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "parsers/quote.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_utf8(const char *s)
{
	if (s != NULL && !g_utf8_validate(s, -1, NULL))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = g_strndup((const char *)data, size);  /* stops at a NUL */
	struct quote_split split;
	char *cut;

	quote_split(NULL, text, &split);
	if (split.new_text == NULL)
		abort();
	check_utf8(split.new_text);
	check_utf8(split.quoted_from);
	check_utf8(split.quoted_subject);
	if (split.nothing_new && split.history == QUOTE_HISTORY_NONE)
		abort();
	cut = quote_cut(text);
	if (strcmp(cut, split.new_text) != 0)
		abort();
	(void)quote_is_forward_subject(NULL, text);
	g_free(cut);
	quote_split_clear(&split);
	g_free(text);
	return 0;
}
