#include <string.h>

#include "lib/text.h"

static bool is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t text_cut_point(const char *s, size_t max)
{
	size_t pos = max;

	for (int i = 0; i < 3 && pos > 0 && is_continuation((unsigned char)s[pos]); i++)
		pos--;
	return pos;
}

size_t text_prefix_length(const char *text, size_t max)
{
	size_t len = strnlen(text, max);

	return text[len] == '\0' ? len : text_cut_point(text, len);
}

bool text_fold_blank(GString *out, gunichar c, bool *pending_space)
{
	if (g_unichar_isspace(c) || g_unichar_type(c) == G_UNICODE_CONTROL) {
		*pending_space = out->len > 0;
		return true;
	}
	if (*pending_space) {
		g_string_append_c(out, ' ');
		*pending_space = false;
	}
	return false;
}
