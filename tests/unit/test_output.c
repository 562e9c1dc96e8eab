/* What the CLI writes to a terminal (cli/output.c): text from mail made
 * safe to print, padding measured on what is printed, and JSON with no
 * raw control character. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "cli/cli.h"

#define FFFD "\xef\xbf\xbd"

struct safe_case {
	const char *label;
	const char *in;
	const char *line;     /* SAFE_TEXT_LINE */
	const char *block;    /* SAFE_TEXT_BLOCK */
};

static const struct safe_case safe_cases[] = {
	/* Ordinary text is unchanged. */
	{ "ASCII", "Request for quotation: 200 pcs", "Request for quotation: 200 pcs",
	  "Request for quotation: 200 pcs" },
	{ "German", "Grüße aus München, 200 Stück", "Grüße aus München, 200 Stück",
	  "Grüße aus München, 200 Stück" },
	{ "Chinese", "您好，我们需要报价：离心泵", "您好，我们需要报价：离心泵",
	  "您好，我们需要报价：离心泵" },
	{ "Arabic with a right-to-left mark", "مرحبا\u200f 200", "مرحبا\u200f 200",
	  "مرحبا\u200f 200" },
	{ "no-break space and soft hyphen", "a\u00a0b\u00adc", "a\u00a0b\u00adc", "a\u00a0b\u00adc" },
	{ "empty", "", "", "" },

	/* Escape sequences: ESC and BEL in caret notation. */
	{ "CSI 2J", "a\x1b[2Jb", "a^[[2Jb", "a^[[2Jb" },
	{ "OSC 0 title", "\x1b]0;pwned\x07", "^[]0;pwned^G", "^[]0;pwned^G" },
	{ "OSC 52 clipboard", "\x1b]52;c;ZWNobyBoaQ==\x1b\\", "^[]52;c;ZWNobyBoaQ==^[\\",
	  "^[]52;c;ZWNobyBoaQ==^[\\" },
	{ "first and last C0", "\x01-\x1f", "^A-^_", "^A-^_" },
	{ "backspace", "paid\x08\x08\x08\x08", "paid^H^H^H^H", "paid^H^H^H^H" },
	{ "DEL", "a\x7f", "a^?", "a^?" },
	{ "VT and FF", "a\x0b\x0c", "a^K^L", "a^K^L" },

	/* C1 controls as UTF-8: visible code points. */
	{ "U+009B CSI", "a\xc2\x9b" "2Jb", "a<U+009B>2Jb", "a<U+009B>2Jb" },
	{ "U+009D OSC", "\xc2\x9d" "0;x\xc2\x9c", "<U+009D>0;x<U+009C>", "<U+009D>0;x<U+009C>" },
	{ "first and last C1", "\xc2\x80\xc2\x9f", "<U+0080><U+009F>", "<U+0080><U+009F>" },

	/* Invalid UTF-8: U+FFFD for each byte, so no lone 0x9B reaches an
	 * 8-bit terminal. */
	{ "a lone 0x9B", "a\x9b" "2J", "a" FFFD "2J", "a" FFFD "2J" },
	{ "a lone 0x9D", "\x9d" "0;x", FFFD "0;x", FFFD "0;x" },
	{ "Latin-1 ü", "M\xfcller", "M" FFFD "ller", "M" FFFD "ller" },
	{ "a cut sequence at the end", "\xe4\xbd", FFFD FFFD, FFFD FFFD },
	{ "a lead byte before ASCII", "\xc3(", FFFD "(", FFFD "(" },
	{ "overlong '/'", "\xc0\xaf", FFFD FFFD, FFFD FFFD },
	{ "overlong ESC", "\xc0\x9b", FFFD FFFD, FFFD FFFD },
	{ "a surrogate", "\xed\xa0\x80", FFFD FFFD FFFD, FFFD FFFD FFFD },
	{ "beyond U+10FFFF", "\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD, FFFD FFFD FFFD FFFD },

	/* Bidi embeddings, overrides and isolates (Trojan Source). */
	{ "RLO", "invoice\u202efdp.exe", "invoice<U+202E>fdp.exe", "invoice<U+202E>fdp.exe" },
	{ "LRE RLE PDF LRO", "\u202a\u202b\u202c\u202d", "<U+202A><U+202B><U+202C><U+202D>",
	  "<U+202A><U+202B><U+202C><U+202D>" },
	{ "isolates", "\u2066\u2067\u2068\u2069", "<U+2066><U+2067><U+2068><U+2069>",
	  "<U+2066><U+2067><U+2068><U+2069>" },

	/* Tabs and line ends: kept in a block, a space on one line. */
	{ "tab", "Menge:\t200", "Menge: 200", "Menge:\t200" },
	{ "LF", "one\ntwo\n", "one two ", "one\ntwo\n" },
	{ "CR LF", "one\r\ntwo\r\n", "one two ", "one\ntwo\n" },
	{ "a lone CR", "paid\rdue", "paid^Mdue", "paid^Mdue" },
	{ "CR CR LF", "a\r\r\nb", "a^M b", "a^M\nb" },
	{ "CR at the end", "a\r", "a^M", "a^M" },
};

static void test_safe_text_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(safe_cases); i++) {
		const struct safe_case *c = &safe_cases[i];
		char *line = safe_text_new(c->in, SAFE_TEXT_LINE);
		char *block = safe_text_new(c->in, SAFE_TEXT_BLOCK);
		bool ok = strcmp(line, c->line) == 0 && strcmp(block, c->block) == 0;
		if (!ok)
			print_error("%s: line '%s' (expected '%s'), block '%s' (expected '%s')\n",
			            c->label, line, c->line, block, c->block);
		g_free(line);
		g_free(block);
		if (!ok)
			fail_msg("case %zu: %s", i, c->label);
	}
}

/* Whatever comes in, what goes out is valid UTF-8 with no ESC, no C1
 * control and no raw byte 0x80-0x9F outside a character. */
static void assert_terminal_safe(const char *s, enum safe_text_shape shape)
{
	assert_true(g_utf8_validate(s, -1, NULL));
	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c < 0x20 && !(shape == SAFE_TEXT_BLOCK && (c == '\n' || c == '\t')))
			fail_msg("control U+%04X in '%s'", c, s);
		if (c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069))
			fail_msg("U+%04X in '%s'", c, s);
	}
}

/* Every byte value, alone and after each lead byte. */
static void test_safe_text_every_byte(void **state)
{
	(void)state;
	for (unsigned a = 1; a < 256; a++) {
		for (unsigned b = 0; b < 256; b++) {
			char in[4] = { (char)a, (char)b, (char)0x9b, '\0' };
			for (int shape = SAFE_TEXT_LINE; shape <= SAFE_TEXT_BLOCK; shape++) {
				char *out = safe_text_new(in, (enum safe_text_shape)shape);
				assert_terminal_safe(out, (enum safe_text_shape)shape);
				g_free(out);
			}
		}
	}
}

static void test_safe_append(void **state)
{
	(void)state;
	GString *out = g_string_new("Subject: ");

	safe_text_append(out, "Offer\x1b]0;x\x07\n", SAFE_TEXT_LINE);
	safe_text_append(out, NULL, SAFE_TEXT_LINE);
	assert_string_equal(out->str, "Subject: Offer^[]0;x^G ");
	g_string_free(out, TRUE);

	char *empty = safe_text_new(NULL, SAFE_TEXT_BLOCK);
	assert_string_equal(empty, "");
	g_free(empty);
}

/* ---------------------------------------------------------------- cli_pad */

struct pad_case {
	const char *in;
	int width;
	const char *expected;
};

static const struct pad_case pad_cases[] = {
	{ "abc", 5, "abc  " },
	{ "abcdef", 5, "abcd…" },
	{ "中文报价", 6, "中文… " },
	{ "中文报价", 8, "中文报价" },
	{ NULL, 3, "   " },
	/* The escape is shown, and the shown text is what is measured. */
	{ "a\x1b[2Jb", 10, "a^[[2Jb   " },
	{ "a\x1b[2Jb", 7, "a^[[2Jb" },
	{ "a\x1b[2Jb", 5, "a^[[…" },
	{ "\xc2\x9b" "x", 10, "<U+009B>x " },
	{ "a\x9b" "b", 4, "a" FFFD "b " },
	{ "x\ty\r\nz", 7, "x y z  " },
	{ "\u202eabc", 10, "<U+202E>a…" },
};

static void test_pad(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(pad_cases); i++) {
		const struct pad_case *c = &pad_cases[i];
		GString *out = g_string_new(NULL);
		cli_pad(out, c->in, c->width);
		if (strcmp(out->str, c->expected) != 0) {
			print_error("pad case %zu: '%s', expected '%s'\n", i, out->str, c->expected);
			g_string_free(out, TRUE);
			fail();
		}
		g_string_free(out, TRUE);
	}
}

/* ------------------------------------------------------------------- JSON */

static void test_json_dumps(void **state)
{
	(void)state;
	static const char hostile[] =
		"\x1b]0;t\x07 \xc2\x9b" "2J \xc2\x9d \x7f \u202e \u2066 Grüße 中文\t\n";
	json_t *arr = json_array(), *o = json_object();

	json_object_set_new(o, "subject", cli_json_string(hostile));
	json_object_set_new(o, "name", cli_json_string("a\x9b" "b"));   /* invalid UTF-8 */
	json_array_append_new(arr, o);
	char *text = cli_json_dumps(arr);
	assert_non_null(text);

	/* No raw control of any kind, not even inside strings. */
	assert_null(strchr(text, 0x1b));
	assert_null(strchr(text, 0x7f));
	assert_null(strstr(text, "\xc2\x9b"));
	assert_null(strstr(text, "\xc2\x9d"));
	assert_null(strstr(text, "\u202e"));
	assert_null(strstr(text, "\u2066"));
	assert_true(g_utf8_validate(text, -1, NULL));
	for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
		assert_false(*p < 0x20 && *p != '\n');
	/* Written as escapes; ordinary text stays readable. */
	assert_non_null(strstr(text, "\\u001B]0;t\\u0007"));
	assert_non_null(strstr(text, "\\u009B2J"));
	assert_non_null(strstr(text, "\\u009D"));
	assert_non_null(strstr(text, "\\u007F"));
	assert_non_null(strstr(text, "\\u202E"));
	assert_non_null(strstr(text, "\\u2066"));
	assert_non_null(strstr(text, "Grüße 中文\\t\\n"));

	/* And a JSON reader gets the same strings back. */
	json_error_t err;
	json_t *back = json_loads(text, 0, &err);
	assert_non_null(back);
	assert_true(json_equal(back, arr));
	assert_string_equal(json_string_value(json_object_get(json_array_get(back, 0), "subject")),
	                    hostile);
	assert_string_equal(json_string_value(json_object_get(json_array_get(back, 0), "name")),
	                    "a" FFFD "b");
	json_decref(back);
	g_free(text);
	json_decref(arr);
}

/* Every code point from U+0001 to U+2FFF round-trips, and none of the
 * unsafe ones is written raw. */
static void test_json_dumps_every_character(void **state)
{
	(void)state;
	GString *all = g_string_new(NULL);

	for (gunichar c = 1; c < 0x3000; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		g_string_append_unichar(all, c);
	}
	json_t *s = json_string(all->str);
	char *text = cli_json_dumps(s);
	assert_non_null(text);
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
		    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
			fail_msg("U+%04X written raw", c);
	}
	json_t *back = json_loads(text, JSON_DECODE_ANY, NULL);
	assert_non_null(back);
	assert_string_equal(json_string_value(back), all->str);
	json_decref(back);
	g_free(text);
	json_decref(s);
	g_string_free(all, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_safe_text_table),
		cmocka_unit_test(test_safe_text_every_byte),
		cmocka_unit_test(test_safe_append),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_json_dumps),
		cmocka_unit_test(test_json_dumps_every_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
