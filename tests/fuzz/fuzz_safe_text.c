/*
 * libFuzzer target for lib/safe_text.c: whatever the bytes, the text
 * shown is valid UTF-8 with no ESC, no other C0 control than (in block
 * form) tab and line feed, no DEL, no C1 control and no bidi control.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "lib/safe_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const char *s, enum safe_text_shape shape)
{
	if (!g_utf8_validate(s, -1, NULL))
		abort();
	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		bool kept = shape == SAFE_TEXT_BLOCK && (c == '\t' || c == '\n');
		if ((c < 0x20 && !kept) || c == 0x7f || safe_text_shown_as_code_point(c))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = g_strndup((const char *)data, size);
	char *line = safe_text_new(text, SAFE_TEXT_LINE);
	char *block = safe_text_new(text, SAFE_TEXT_BLOCK);

	check(line, SAFE_TEXT_LINE);
	check(block, SAFE_TEXT_BLOCK);
	g_free(line);
	g_free(block);
	g_free(text);
	return 0;
}
