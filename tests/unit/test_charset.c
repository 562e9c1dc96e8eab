/* charset: conversions to UTF-8, aliases, fallbacks, last resorts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "parsers/charset.h"

/* Converts and checks the result, then frees it. */
static void assert_converts(const char *bytes, size_t len, const char *declared,
                            const char *const *fallbacks, const char *expected)
{
	char *res = charset_to_utf8(bytes, len, declared, fallbacks);

	assert_non_null(res);
	assert_true(g_utf8_validate(res, -1, NULL));
	assert_string_equal(res, expected);
	g_free(res);
}

static void test_canonical_aliases(void **state)
{
	(void)state;
	assert_string_equal(charset_canonical("GB2312"), "GB18030");
	assert_string_equal(charset_canonical("gbk"), "GB18030");
	assert_string_equal(charset_canonical("ks_c_5601-1987"), "CP949");
	assert_string_equal(charset_canonical("ISO-8859-1"), "WINDOWS-1252");
	assert_string_equal(charset_canonical("Shift_JIS"), "CP932");
	assert_string_equal(charset_canonical("KOI8-R"), "KOI8-R");
	assert_string_equal(charset_canonical("utf8"), "UTF-8");
}

static void test_canonical_says_nothing(void **state)
{
	(void)state;
	assert_null(charset_canonical(NULL));
	assert_null(charset_canonical(""));
	assert_null(charset_canonical("us-ascii"));
	assert_null(charset_canonical("x-no-such-charset"));
	assert_null(charset_canonical("utf-8\"; junk"));
	assert_null(charset_canonical("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

static void test_declared_charsets(void **state)
{
	(void)state;
	assert_converts("Caf\xe9", 4, "ISO-8859-1", NULL, "Caf\xc3\xa9");
	/* 0x80 is the euro sign in windows-1252, a control in ISO-8859-1. */
	assert_converts("\x80 5", 3, "iso-8859-1", NULL, "\xe2\x82\xac 5");
	assert_converts("\xc4\xe3\xba\xc3", 4, "GB2312", NULL, "\xe4\xbd\xa0\xe5\xa5\xbd");
	/* 報價 exists in GBK, not in GB2312. */
	assert_converts("\x88\xf3\x83\x72", 4, "GB2312", NULL, "\xe5\xa0\xb1\xe5\x83\xb9");
	assert_converts("\xa4\xa4\xa4\xe5", 4, "big5", NULL, "\xe4\xb8\xad\xe6\x96\x87");
	assert_converts("\x93\xfa\x96\x7b\x8c\xea", 6, "Shift_JIS", NULL,
	                "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
	/* NEC circled digit one: Windows-31J, not strict Shift_JIS. */
	assert_converts("\x87\x40", 2, "shift_jis", NULL, "\xe2\x91\xa0");
	assert_converts("\xf0\xd2\xc9\xd7\xc5\xd4", 6, "KOI8-R", NULL,
	                "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
	/* 똠 is in CP949 only. */
	assert_converts("\x8c\x63", 2, "ks_c_5601-1987", NULL, "\xeb\x98\xa0");
	assert_converts("+AGEAYgBj-", 10, "UTF-7", NULL, "abc");
}

static void test_undeclared_uses_fallbacks(void **state)
{
	static const char *const koi8_only[] = { "KOI8-R", NULL };

	(void)state;
	assert_converts("plain ascii", 11, NULL, NULL, "plain ascii");
	assert_converts("\xe4\xbd\xa0\xe5\xa5\xbd", 6, NULL, NULL, "\xe4\xbd\xa0\xe5\xa5\xbd");
	/* Not UTF-8: GB18030 comes first in the default list. */
	assert_converts("\xc4\xe3\xba\xc3", 4, NULL, NULL, "\xe4\xbd\xa0\xe5\xa5\xbd");
	/* GB18030 rejects a lone lead byte at the end: windows-1252. */
	assert_converts("Caf\xe9", 4, NULL, NULL, "Caf\xc3\xa9");
	assert_converts("\xf0\xd2\xc9\xd7\xc5\xd4", 6, NULL, koi8_only,
	                "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
	/* us-ascii and unknown labels are as good as undeclared. */
	assert_converts("\xc4\xe3\xba\xc3", 4, "us-ascii", NULL, "\xe4\xbd\xa0\xe5\xa5\xbd");
	assert_converts("\xc4\xe3\xba\xc3", 4, "x-unheard-of", NULL, "\xe4\xbd\xa0\xe5\xa5\xbd");
}

static void test_detect(void **state)
{
	static const char *const list[] = { "GB18030", "windows-1252", NULL };
	static const char *const none[] = { NULL };

	(void)state;
	assert_string_equal(charset_detect("abc", 3, list), "UTF-8");
	assert_string_equal(charset_detect("\xc4\xe3", 2, list), "GB18030");
	assert_string_equal(charset_detect("Caf\xe9", 4, list), "windows-1252");
	assert_null(charset_detect("Caf\xe9", 4, none));
}

static void test_last_resort_replacement(void **state)
{
	static const char *const none[] = { NULL };

	(void)state;
	/* Nothing converts cleanly: invalid bytes become U+FFFD. */
	assert_converts("a\xff" "b", 3, NULL, none, "a\xef\xbf\xbd" "b");
	/* Declared UTF-8 with one broken byte keeps the rest. */
	assert_converts("\xe4\xbd\xa0\xff", 4, "UTF-8", NULL, "\xe4\xbd\xa0\xef\xbf\xbd");
	/* Declared charset that cannot convert, not UTF-8 either. */
	assert_converts("\xa4\xff", 2, "big5", NULL, "\xef\xbf\xbd\xef\xbf\xbd");
}

static void test_mislabelled_utf8(void **state)
{
	(void)state;
	/* Labelled ISO-2022-JP (7-bit), really UTF-8. */
	assert_converts("\xe4\xbd\xa0\xe5\xa5\xbd", 6, "ISO-2022-JP", NULL,
	                "\xe4\xbd\xa0\xe5\xa5\xbd");
}

static void test_nul_bytes_replaced(void **state)
{
	(void)state;
	assert_converts("a\0b", 3, NULL, NULL, "a\xef\xbf\xbd" "b");
	assert_converts("a\0b", 3, "ISO-8859-1", NULL, "a\xef\xbf\xbd" "b");
	assert_false(charset_is_valid_utf8("a\0b", 3));
	assert_true(charset_is_valid_utf8("ab", 2));
}

static void test_make_valid(void **state)
{
	char *res;

	(void)state;
	res = charset_make_valid("ok\xc3", 3);
	assert_string_equal(res, "ok\xef\xbf\xbd");
	g_free(res);
	res = charset_make_valid("", 0);
	assert_string_equal(res, "");
	g_free(res);
	assert_null(charset_convert_strict("\xff", 1, "UTF-8"));
	assert_null(charset_convert_strict("a", 1, "no-such-charset"));
}

static void test_null_input(void **state)
{
	char *res = charset_to_utf8(NULL, 0, "UTF-8", NULL);

	(void)state;
	assert_string_equal(res, "");
	g_free(res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_aliases),
		cmocka_unit_test(test_canonical_says_nothing),
		cmocka_unit_test(test_declared_charsets),
		cmocka_unit_test(test_undeclared_uses_fallbacks),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_last_resort_replacement),
		cmocka_unit_test(test_mislabelled_utf8),
		cmocka_unit_test(test_nul_bytes_replaced),
		cmocka_unit_test(test_make_valid),
		cmocka_unit_test(test_null_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
