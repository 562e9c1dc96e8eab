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

/* ISO 8859 labels on windows-125x bytes: the sibling only when a C1 byte
 * (0x80-0x9F) shows the label is wrong and the sibling converts. */
static void test_iso_labels_with_c1_bytes(void **state)
{
	static const struct {
		const char *bytes;
		const char *declared;
		const char *expected;
	} cases[] = {
		/* windows-1250: š (0x9A) ą (0xB9) */
		{ "\x9a\xb9", "iso-8859-2", "\xc5\xa1\xc4\x85" },
		{ "\x9a\xb9", "ISO_8859-2", "\xc5\xa1\xc4\x85" },
		{ "\x9a\xb9", "latin2", "\xc5\xa1\xc4\x85" },
		/* ISO-8859-2 without C1: 0xB1 ą, 0xB9 š */
		{ "\xb1\xb9", "iso-8859-2", "\xc4\x85\xc5\xa1" },
		/* windows-1251 „Привет“ */
		{ "\x84\xcf\xf0\xe8\xe2\xe5\xf2\x93", "iso-8859-5",
		  "\xe2\x80\x9e\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\xe2\x80\x9c" },
		/* ISO-8859-5 Привет */
		{ "\xbf\xe0\xd8\xd2\xd5\xe2", "iso-8859-5",
		  "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82" },
		/* windows-1253: ‘ (0x91) α (0xE1) */
		{ "\x91\xe1", "iso-8859-7", "\xe2\x80\x98\xce\xb1" },
		/* windows-1257: „ (0x84) ą (0xE0) */
		{ "\x84\xe0", "iso-8859-13", "\xe2\x80\x9e\xc4\x85" },
		/* 0x98 is unassigned in windows-1251: the sibling does not
		 * convert, so the label stands (and C1 is replaced). */
		{ "\x98\xbf", "iso-8859-5", "\xc2\x98\xd0\x9f" },
		/* ISO-8859-1 is windows-1252 whatever the bytes. */
		{ "\x80\xe9", "iso-8859-1", "\xe2\x82\xac\xc3\xa9" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *res = charset_to_utf8(cases[i].bytes, strlen(cases[i].bytes),
		                            cases[i].declared, NULL);

		assert_true(g_utf8_validate(res, -1, NULL));
		if (strcmp(res, cases[i].expected) != 0)
			fail_msg("case %zu (%s): got \"%s\"", i, cases[i].declared, res);
		g_free(res);
	}
}

/* The mislabels mail really carries, as a table. */
static void test_mislabel_table(void **state)
{
	static const struct {
		const char *bytes;
		const char *declared;
		const char *expected;
	} cases[] = {
		/* GB2312 label, GBK/GB18030 bytes: 報價, 𠀀 (4-byte GB18030) */
		{ "\x88\xf3\x83\x72", "gb2312", "\xe5\xa0\xb1\xe5\x83\xb9" },
		{ "\x95\x32\x82\x36", "GB2312", "\xf0\xa0\x80\x80" },
		{ "\x88\xf3\x83\x72", "x-gbk", "\xe5\xa0\xb1\xe5\x83\xb9" },
		/* ks_c_5601-1987 is CP949: 똠 */
		{ "\x8c\x63", "ks_c_5601-1987", "\xeb\x98\xa0" },
		{ "\x8c\x63", "euc-kr", "\xeb\x98\xa0" },
		/* Windows-31J: ① */
		{ "\x87\x40", "Shift_JIS", "\xe2\x91\xa0" },
		/* windows-874 Thai ๑ and a C1 byte (0x85 …) */
		{ "\x85\xf1", "tis-620", "\xe2\x80\xa6\xe0\xb9\x91" },
		/* HKSCS 䊷 (0x8840 is HKSCS, not Big5) */
		{ "\xa4\xa4", "big5", "\xe4\xb8\xad" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *res = charset_to_utf8(cases[i].bytes, strlen(cases[i].bytes),
		                            cases[i].declared, NULL);

		if (strcmp(res, cases[i].expected) != 0)
			fail_msg("case %zu (%s): got \"%s\"", i, cases[i].declared, res);
		g_free(res);
	}
}

/* Whatever comes in, what goes out is valid UTF-8 without NUL. */
static void test_never_an_invalid_byte(void **state)
{
	static const char *const labels[] = {
		NULL, "UTF-8", "us-ascii", "iso-8859-5", "gb2312", "big5", "ISO-2022-JP",
		"UTF-16", "UTF-7", "x-nonsense", "shift_jis", "ks_c_5601-1987",
	};
	unsigned char bytes[512];
	guint32 seed = 4242;

	(void)state;
	for (int round = 0; round < 20; round++) {
		for (size_t i = 0; i < sizeof(bytes); i++) {
			seed = seed * 1103515245u + 12345u;
			bytes[i] = (unsigned char)(seed >> 16);
		}
		for (size_t l = 0; l < G_N_ELEMENTS(labels); l++) {
			char *res = charset_to_utf8((const char *)bytes, sizeof(bytes), labels[l], NULL);

			assert_true(charset_is_valid_utf8(res, strlen(res)));
			g_free(res);
		}
	}
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
		cmocka_unit_test(test_iso_labels_with_c1_bytes),
		cmocka_unit_test(test_mislabel_table),
		cmocka_unit_test(test_never_an_invalid_byte),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
