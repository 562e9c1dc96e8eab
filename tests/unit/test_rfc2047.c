/* rfc2047: header decoding, including what GMime 3.2.13 gets wrong. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "parsers/rfc2047.h"

static void assert_decodes(const char *raw, const char *expected)
{
	char *res = rfc2047_decode(raw, strlen(raw), NULL);

	assert_true(g_utf8_validate(res, -1, NULL));
	assert_string_equal(res, expected);
	g_free(res);
}

static void assert_normalizes(const char *raw, const char *expected)
{
	char *res = rfc2047_normalize(raw, strlen(raw), NULL);

	assert_true(g_utf8_validate(res, -1, NULL));
	assert_string_equal(res, expected);
	g_free(res);
}

/* The GMime 3.2.13 defect: the second of two adjacent B-words vanished. */
static void test_adjacent_base64_words(void **state)
{
	(void)state;
	assert_decodes("=?UTF-8?B?SGk=?= =?UTF-8?B?V29ybGQ=?=", "HiWorld");
	assert_decodes("=?UTF-8?B?SGk=?=\r\n =?UTF-8?B?V29ybGQ=?=", "HiWorld");
	assert_decodes("=?utf-8?b?SGk=?=\t=?UTF-8?B?V29ybGQ=?= =?UTF-8?B?IQ==?=", "HiWorld!");
}

/* 你好 in UTF-8 split in the middle of 你 across two words. */
static void test_multibyte_split_across_words(void **state)
{
	(void)state;
	assert_decodes("=?UTF-8?B?5L0=?= =?UTF-8?B?oOWlvQ==?=", "\xe4\xbd\xa0\xe5\xa5\xbd");
	assert_decodes("=?UTF-8?Q?=E4=BD?= =?UTF-8?Q?=A0=E5=A5=BD?=", "\xe4\xbd\xa0\xe5\xa5\xbd");
}

static void test_q_encoding(void **state)
{
	(void)state;
	assert_decodes("=?ISO-8859-1?Q?Caf=E9_au_lait?=", "Caf\xc3\xa9 au lait");
	/* A malformed escape is kept as written. */
	assert_decodes("=?UTF-8?Q?100=ZZ_sure=?=", "100=ZZ sure=");
	assert_decodes("=?UTF-8?q?a=3db?=", "a=b");
}

static void test_mixed_charsets_and_text(void **state)
{
	(void)state;
	/* Different charsets in one run: each converted on its own. */
	assert_decodes("=?GB2312?B?xOO6ww==?= =?ISO-8859-1?Q?Caf=E9?=",
	               "\xe4\xbd\xa0\xe5\xa5\xbd" "Caf\xc3\xa9");
	/* Whitespace next to plain text stays. */
	assert_decodes("Re: =?UTF-8?B?SGk=?= there", "Re: Hi there");
	assert_decodes("Re:=?UTF-8?B?SGk=?=", "Re:Hi");
	assert_decodes("plain  text  only", "plain  text  only");
}

static void test_charset_language_and_unknown(void **state)
{
	(void)state;
	assert_decodes("=?UTF-8*en?Q?Hello?=", "Hello");
	/* Unknown charset: the bytes are treated as undeclared (GBK here). */
	assert_decodes("=?x-klingon?B?xOO6ww==?=", "\xe4\xbd\xa0\xe5\xa5\xbd");
	/* GB2312 label on GBK bytes (報價). */
	assert_decodes("=?gb2312?B?iPODcg==?=", "\xe5\xa0\xb1\xe5\x83\xb9");
}

static void test_raw_8bit_text(void **state)
{
	(void)state;
	assert_decodes("\xc4\xe3\xba\xc3 <a@b.cn>", "\xe4\xbd\xa0\xe5\xa5\xbd <a@b.cn>");
	assert_decodes("Caf\xe9", "Caf\xc3\xa9");
	assert_decodes("Gr\xc3\xbc\xc3\x9f" "e", "Gr\xc3\xbc\xc3\x9f" "e");
}

static void test_not_encoded_words(void **state)
{
	(void)state;
	assert_decodes("=?UTF-8?X?abc?=", "=?UTF-8?X?abc?=");
	assert_decodes("=?UTF-8?B?unterminated", "=?UTF-8?B?unterminated");
	assert_decodes("=??B?SGk=?=", "=??B?SGk=?=");
	assert_decodes("a =? b ?= c", "a =? b ?= c");
	assert_decodes("", "");
}

static void test_unfolding(void **state)
{
	(void)state;
	assert_decodes(" Hello\r\n world\r\n", " Hello world");
}

static void test_normalize_merges_runs(void **state)
{
	(void)state;
	assert_normalizes("=?UTF-8?B?SGk=?= =?UTF-8?B?V29ybGQ=?= <a@b.c>",
	                  "=?UTF-8?B?SGlXb3JsZA==?= <a@b.c>");
	/* Other charsets come out as one UTF-8 word. */
	assert_normalizes("\"=?GB2312?B?xOO6ww==?=\" <a@b.cn>",
	                  "\"=?UTF-8?B?5L2g5aW9?=\" <a@b.cn>");
	/* Raw 8-bit becomes UTF-8, the rest is untouched. */
	assert_normalizes("\xc4\xe3\xba\xc3 <a@b.cn>, x@y.z",
	                  "\xe4\xbd\xa0\xe5\xa5\xbd <a@b.cn>, x@y.z");
	assert_normalizes("attachment; filename*=UTF-8''%E6%8A%A5.pdf",
	                  "attachment; filename*=UTF-8''%E6%8A%A5.pdf");
}

/* Hostile input: many almost-words must stay cheap and safe. */
static void test_hostile_header(void **state)
{
	GString *raw = g_string_new(NULL);
	char *res;

	(void)state;
	for (int i = 0; i < 20000; i++)
		g_string_append(raw, "=?a?q?\xff");
	g_string_append(raw, "=?UTF-8?B?SGk=?=");
	res = rfc2047_decode(raw->str, raw->len, NULL);
	assert_true(g_utf8_validate(res, -1, NULL));
	assert_true(g_str_has_suffix(res, "Hi"));
	g_free(res);
	g_string_free(raw, TRUE);
}

/* Adjacent encoded-words, as a table. */
static void test_adjacent_words_table(void **state)
{
	static const struct {
		const char *raw;
		const char *expected;
	} cases[] = {
		/* Q and B words of one charset: one run, no space. */
		{ "=?UTF-8?Q?Gr=C3?= =?UTF-8?B?vMOfZQ==?=", "Gr\xc3\xbc\xc3\x9f" "e" },
		/* Folded with CRLF and a tab. */
		{ "=?UTF-8?B?5L2g?=\r\n\t=?UTF-8?B?5aW9?=", "\xe4\xbd\xa0\xe5\xa5\xbd" },
		/* GBK split across words inside a character. */
		{ "=?GBK?B?xA==?= =?GBK?B?47rD?=", "\xe4\xbd\xa0\xe5\xa5\xbd" },
		/* ISO-2022-JP: the escape state carries over the words. */
		{ "=?ISO-2022-JP?B?GyRCOCs=?= =?ISO-2022-JP?B?QFEbKEI=?=", "\xe8\xa6\x8b\xe7\xa9\x8d" },
		/* Words and text: the space between word and text stays. */
		{ "=?UTF-8?B?SGk=?= there =?UTF-8?B?SGk=?=", "Hi there Hi" },
		/* Empty words vanish. */
		{ "a =?UTF-8?B?\?= =?UTF-8?Q?\?= b", "a  b" },
		/* Broken base64 gives what it can, never invalid UTF-8. */
		{ "=?UTF-8?B?5L2g5a?=", "\xe4\xbd\xa0\xef\xbf\xbd" },
		/* Encoded line breaks become spaces: a header is one line. */
		{ "=?UTF-8?B?YQ0KYg==?= =?UTF-8?Q?c=0Ad?=", "a  bc d" },
		/* An ISO label on windows-1250 bytes. */
		{ "=?ISO-8859-2?Q?=8A=9A?=", "\xc5\xa0\xc5\xa1" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *res = rfc2047_decode(cases[i].raw, strlen(cases[i].raw), NULL);

		assert_true(g_utf8_validate(res, -1, NULL));
		if (strcmp(res, cases[i].expected) != 0)
			fail_msg("case %zu: got \"%s\"", i, res);
		g_free(res);
	}
}

/* Undeclared 8-bit bytes: UTF-8 if valid, else the fallback list. */
static void test_undeclared_fallbacks(void **state)
{
	static const char *const koi8_first[] = { "KOI8-R", "GB18030", NULL };
	static const char *const none[] = { NULL };
	static const char *const latin_first[] = { "windows-1252", "GB18030", NULL };
	char *res;

	(void)state;
	res = rfc2047_decode("\xf0\xd2\xc9\xd7\xc5\xd4", 6, koi8_first);
	assert_string_equal(res, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
	g_free(res);
	/* The default list: GB18030 first. */
	res = rfc2047_decode("\xb1\xa8\xbc\xdb", 4, NULL);
	assert_string_equal(res, "\xe6\x8a\xa5\xe4\xbb\xb7");
	g_free(res);
	/* No fallback converts: U+FFFD, never an invalid byte. */
	res = rfc2047_decode("a\xff" "b", 3, none);
	assert_string_equal(res, "a\xef\xbf\xbd" "b");
	g_free(res);
	/* The order decides: "\xfc\x6c" is a GB18030 character too, so a
	 * Latin-1 name needs windows-1252 before GB18030 in the list. */
	res = rfc2047_normalize("\"M\xfcller, H.\" <m@example.de>", 27, latin_first);
	assert_string_equal(res, "\"M\xc3\xbcller, H.\" <m@example.de>");
	g_free(res);
	res = rfc2047_normalize("\"M\xfcller, H.\" <m@example.de>", 27, NULL);
	assert_string_equal(res, "\"M\xe9\xbb\xaeler, H.\" <m@example.de>");
	g_free(res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_adjacent_base64_words),
		cmocka_unit_test(test_multibyte_split_across_words),
		cmocka_unit_test(test_q_encoding),
		cmocka_unit_test(test_mixed_charsets_and_text),
		cmocka_unit_test(test_charset_language_and_unknown),
		cmocka_unit_test(test_raw_8bit_text),
		cmocka_unit_test(test_not_encoded_words),
		cmocka_unit_test(test_unfolding),
		cmocka_unit_test(test_normalize_merges_runs),
		cmocka_unit_test(test_hostile_header),
		cmocka_unit_test(test_adjacent_words_table),
		cmocka_unit_test(test_undeclared_fallbacks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
