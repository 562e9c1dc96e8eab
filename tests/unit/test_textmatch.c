/* Folded phrase matching (classify/textmatch.c) and the data list format
 * (classify/datalist.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "classify/datalist.h"
#include "classify/textmatch.h"

struct fold_case {
	const char *text;
	const char *folded;
};

static const struct fold_case fold_cases[] = {
	{ "Cotización", "cotizacion" },
	{ "COTAÇÃO", "cotacao" },
	{ "ＰＩ　Ｎｏ．７", "pi no.7" },         /* full width, ideographic space */
	{ "  a \t\r\n b  ", "a b" },
	{ "soft\xc2\xadhyphen", "softhyphen" },
	{ "zero\xe2\x80\x8bwidth", "zerowidth" },
	{ "FİYAT TEKLİFİ", "fiyat teklifi" },
	{ "Straße", "strasse" },
	{ "Счёт", "счет" },
	{ "报价单", "报价单" },
	{ "がぎ", "がぎ" },                      /* kana voicing marks are kept */
	{ "한국어 견적서", "한국어 견적서" },     /* Hangul recomposed */
	{ "", "" },
};

static void test_fold_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(fold_cases); i++) {
		char *got = textmatch_fold(fold_cases[i].text, G_MAXSIZE);
		if (strcmp(got, fold_cases[i].folded) != 0)
			fail_msg("fold(\"%s\") = \"%s\", want \"%s\"", fold_cases[i].text,
			         got, fold_cases[i].folded);
		g_free(got);
	}
}

static void test_fold_null_invalid_and_cut(void **state)
{
	(void)state;
	char *folded = textmatch_fold(NULL, 10);
	assert_string_equal(folded, "");
	g_free(folded);

	folded = textmatch_fold("ab\xff\xfe" "cd", G_MAXSIZE);
	assert_true(g_utf8_validate(folded, -1, NULL));
	assert_non_null(strstr(folded, "ab"));
	assert_non_null(strstr(folded, "cd"));
	g_free(folded);

	/* "报" is three bytes: a cut inside it drops the whole character */
	folded = textmatch_fold("a报价", 3);
	assert_string_equal(folded, "a");
	g_free(folded);
	folded = textmatch_fold("a报价", 4);
	assert_string_equal(folded, "a报");
	g_free(folded);
}

struct find_case {
	const char *text;
	bool found;
};

static bool list_finds(const struct textmatch_list *list, const char *text)
{
	char *folded = textmatch_fold(text, G_MAXSIZE);
	bool found = textmatch_list_find(list, folded);
	g_free(folded);
	return found;
}

static void check_cases(const char *phrases, const struct find_case *cases, size_t n)
{
	struct textmatch_list *list = textmatch_list_new();
	assert_int_equal(textmatch_list_add_lines(list, phrases), 0);
	for (size_t i = 0; i < n; i++) {
		if (list_finds(list, cases[i].text) != cases[i].found)
			fail_msg("phrases {%s} in \"%s\": want %d", phrases, cases[i].text,
			         cases[i].found);
	}
	textmatch_list_free(&list);
	assert_null(list);
}

static void test_whole_words_latin(void **state)
{
	(void)state;
	static const struct find_case cases[] = {
		{ "PI No. 2024-118", true },
		{ "pi", true },
		{ "see the PI.", true },
		{ "PI-2024", true },
		{ "PI_2024.pdf", true },
		{ "请查收PI", true },          /* Han letters end a Latin word */
		{ "pipe fittings", false },
		{ "Philips lamps", false },
		{ "API docs", false },
		{ "PI2024", false },
		{ "", false },
	};
	check_cases("PI\n", cases, G_N_ELEMENTS(cases));
}

static void test_whole_words_phrase_with_space(void **state)
{
	(void)state;
	static const struct find_case cases[] = {
		{ "Pro  Forma invoice", true },
		{ "PRO\nFORMA", true },
		{ "proforma", false },
		{ "pro formal", false },
	};
	check_cases("pro forma\n", cases, G_N_ELEMENTS(cases));
}

static void test_substring_for_cjk(void **state)
{
	(void)state;
	static const struct find_case cases[] = {
		{ "请查收报价单", true },
		{ "报价", true },
		{ "報價", false },              /* traditional is another phrase */
		{ "价格", false },
	};
	check_cases("报价\n", cases, G_N_ELEMENTS(cases));
}

static void test_cyrillic_and_arabic_are_whole_words(void **state)
{
	(void)state;
	static const struct find_case cases[] = {
		{ "Направляем КП на насосы", true },
		{ "ВКП", false },
		{ "نرسل لكم عرض سعر", true },
		{ "عرض سعرنا", false },
	};
	check_cases("КП\nعرض سعر\n", cases, G_N_ELEMENTS(cases));
}

static void test_anchored_phrase(void **state)
{
	(void)state;
	static const struct find_case cases[] = {
		{ "Auto: back on Monday", true },
		{ "AUTO: x", true },
		{ "Re: Auto: x", false },
		{ "auto parts", false },
	};
	check_cases("^auto:\n", cases, G_N_ELEMENTS(cases));
}

static void test_accents_ignored_both_ways(void **state)
{
	(void)state;
	static const struct find_case cases[] = {
		{ "Cotización 55", true },
		{ "cotizacion 55", true },
		{ "COTIZACIÓN", true },
		{ "cotizaciones", false },
	};
	check_cases("cotización\n", cases, G_N_ELEMENTS(cases));
	check_cases("cotizacion\n", cases, G_N_ELEMENTS(cases));
}

static void test_list_rejects_invalid_utf8(void **state)
{
	(void)state;
	struct textmatch_list *list = textmatch_list_new();
	assert_int_equal(textmatch_list_add(list, "ok"), 0);
	assert_int_equal(textmatch_list_add(list, "bad\xff"), -1);
	/* folds to nothing: ignored, not an error */
	assert_int_equal(textmatch_list_add(list, "\xe2\x80\x8b"), 0);
	assert_int_equal(textmatch_list_count(list), 1);
	assert_false(textmatch_list_find(list, NULL));
	textmatch_list_free(&list);
	textmatch_list_free(&list);  /* NULL is fine */
}

static int collect(const char *entry, void *context)
{
	GPtrArray *entries = context;
	if (strcmp(entry, "stop") == 0)
		return -7;
	g_ptr_array_add(entries, g_strdup(entry));
	return 0;
}

static void test_datalist_format(void **state)
{
	(void)state;
	GPtrArray *entries = g_ptr_array_new_with_free_func(g_free);
	const char *text = "\xEF\xBB\xBF" "first\r\n"
	                   "# a comment\n"
	                   "\n"
	                   "   \t\n"
	                   "  second entry  # trailing comment\n"
	                   "third";
	assert_int_equal(datalist_foreach(text, collect, entries), 0);
	assert_int_equal(entries->len, 3);
	assert_string_equal(g_ptr_array_index(entries, 0), "first");
	assert_string_equal(g_ptr_array_index(entries, 1), "second entry");
	assert_string_equal(g_ptr_array_index(entries, 2), "third");

	g_ptr_array_set_size(entries, 0);
	assert_int_equal(datalist_foreach("a\nstop\nb\n", collect, entries), -7);
	assert_int_equal(entries->len, 1);

	g_ptr_array_set_size(entries, 0);
	assert_int_equal(datalist_foreach(NULL, collect, entries), 0);
	assert_int_equal(datalist_foreach("", collect, entries), 0);
	assert_int_equal(entries->len, 0);
	g_ptr_array_free(entries, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_table),
		cmocka_unit_test(test_fold_null_invalid_and_cut),
		cmocka_unit_test(test_whole_words_latin),
		cmocka_unit_test(test_whole_words_phrase_with_space),
		cmocka_unit_test(test_substring_for_cjk),
		cmocka_unit_test(test_cyrillic_and_arabic_are_whole_words),
		cmocka_unit_test(test_anchored_phrase),
		cmocka_unit_test(test_accents_ignored_both_ways),
		cmocka_unit_test(test_list_rejects_invalid_utf8),
		cmocka_unit_test(test_datalist_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
