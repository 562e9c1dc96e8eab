/*
 * safe_text: see safe_text.h.
 */
#include <string.h>

#include "lib/safe_text.h"

/* Bidi embeddings, overrides and isolates: they reorder what follows
 * on the line, so a file name or a subject can show something else than
 * it says ("Trojan Source"). The marks (U+200E, U+200F) only steer
 * neutral characters and are common in Arabic and Hebrew mail: kept. */
static bool is_bidi_control(gunichar c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Shown by their code point: the C1 controls (U+009B is CSI, U+009D OSC
 * to a terminal that takes them) and the bidi controls. */
bool safe_text_shown_as_code_point(gunichar c)
{
	return (c >= 0x80 && c <= 0x9f) || is_bidi_control(c);
}

/* One valid character c, whose UTF-8 is [p, next). */
static void append_safe_char(GString *out, gunichar c, const char *p, const char *next,
                             enum safe_text_shape shape)
{
	if (c == '\n' || c == '\t') {
		g_string_append_c(out, shape == SAFE_TEXT_BLOCK ? (char)c : ' ');
	} else if (c == '\r' && *next == '\n') {
		/* CR LF is a line end: the LF stands for it. */
	} else if (c < 0x20) {
		g_string_append_c(out, '^');
		g_string_append_c(out, (char)(c + 0x40));
	} else if (c == 0x7f) {
		g_string_append(out, "^?");
	} else if (safe_text_shown_as_code_point(c)) {
		g_string_append_printf(out, "<U+%04X>", c);
	} else {
		g_string_append_len(out, p, next - p);
	}
}

void safe_text_append(GString *out, const char *s, enum safe_text_shape shape)
{
	const char *end, *run;

	if (s == NULL)
		return;
	end = s + strlen(s);
	/* Text that passes unchanged is copied a run at a time, not a
	 * character at a time (a long timeline's snippets). */
	run = s;
	for (const char *p = s; p < end;) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		const char *next = c == (gunichar)-1 || c == (gunichar)-2 ? p + 1
		                   : g_utf8_next_char(p);
		if (c >= 0x20 && c != 0x7f && c != (gunichar)-1 && c != (gunichar)-2 &&
		    !safe_text_shown_as_code_point(c)) {
			p = next;
			continue;
		}
		g_string_append_len(out, run, p - run);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			/* One byte at a time: a lone 0x9B is CSI to an 8-bit
			 * terminal, so no byte of it may pass. */
			g_string_append_unichar(out, 0xfffd);
		else
			append_safe_char(out, c, p, next, shape);
		p = next;
		run = next;
	}
	g_string_append_len(out, run, end - run);
}

char *safe_text_new(const char *s, enum safe_text_shape shape)
{
	GString *out = g_string_new(NULL);

	safe_text_append(out, s, shape);
	return g_string_free(out, FALSE);
}
