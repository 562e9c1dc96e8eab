/* lib/text: cutting UTF-8 without splitting a character, and folding
 * blanks as text is copied. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "lib/text.h"

static void test_cut(void **state)
{
	const char *s = "ab报价x";   /* 报 and 价: three bytes each, at 2 and 5 */

	(void)state;
	assert_int_equal(text_cut_point(s, 2), 2);
	assert_int_equal(text_cut_point(s, 3), 2);
	assert_int_equal(text_cut_point(s, 4), 2);
	assert_int_equal(text_cut_point(s, 5), 5);
	assert_int_equal(text_cut_point(s, 7), 5);
	assert_int_equal(text_prefix_length(s, 100), strlen(s));
	assert_int_equal(text_prefix_length(s, 6), 5);
	assert_int_equal(text_prefix_length(s, 0), 0);
	/* Stray continuation bytes: never more than three steps back. */
	assert_int_equal(text_cut_point("a\x80\x80\x80\x80\x80", 5), 2);
}

static char *fold(const char *in)
{
	GString *out = g_string_new(NULL);
	bool pending = false;

	for (const char *p = in; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (!text_fold_blank(out, c, &pending))
			g_string_append_unichar(out, c);
	}
	return g_string_free(out, FALSE);
}

static void test_fold(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "  Re:\t\tprice \r\n list  ", "Re: price list" },
		{ "a\x01\x02" "b", "a b" },
		{ "报价\u3000单", "报价 单" },          /* ideographic space */
		{ "", "" },
		{ " \t\n", "" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *got = fold(cases[i].in);
		assert_string_equal(got, cases[i].out);
		g_free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_fold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
