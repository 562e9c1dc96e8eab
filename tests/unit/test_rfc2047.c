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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
