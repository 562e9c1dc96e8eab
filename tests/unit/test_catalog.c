/* rules/catalog: key = text lines (comments, blanks, BOM, CRLF, errors
 * with their line), the fallback to English, rendering; and the report's
 * shipped words (core/report_words): every English key in every shipped
 * language, with the same placeholders, and the language a person gets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "core/report_words.h"
#include "rules/catalog.h"
#include "rules/template.h"

static const char *const names[] = { "days", "count", NULL };

static struct catalog *parse_ok(const char *text, struct catalog *fallback)
{
	struct catalog *cat = NULL;
	char *error = NULL;

	if (catalog_parse(text, names, fallback, &cat, &error) != 0)
		fail_msg("%s: %s", text, error);
	return cat;
}

static void expect_error(const char *text, const char *want)
{
	struct catalog *cat = NULL;
	char *error = NULL;

	assert_int_equal(catalog_parse(text, names, NULL, &cat, &error), -1);
	assert_null(cat);
	if (strstr(error, want) == NULL)
		fail_msg("'%s': got '%s', want '%s'", text, error, want);
	g_free(error);
}

static void test_parse(void **state)
{
	(void)state;
	struct catalog *cat = parse_ok("\xEF\xBB\xBF# words\r\n\r\n  a.b = Hello  world \r\n"
	                               "\t# indented comment\n"
	                               "silent.heading={{days}} days\rx-y_2 = = sign kept\n"
	                               "zh = 沉默的客户（{{ days }} 天）", NULL);
	assert_string_equal(catalog_get(cat, "a.b"), "Hello  world");
	assert_string_equal(catalog_get(cat, "silent.heading"), "{{days}} days");
	assert_string_equal(catalog_get(cat, "x-y_2"), "= sign kept");
	assert_string_equal(catalog_get(cat, "zh"), "沉默的客户（{{ days }} 天）");
	assert_null(catalog_get(cat, "missing"));
	const char *const *keys = catalog_keys(cat);
	assert_string_equal(keys[0], "a.b");
	assert_string_equal(keys[1], "silent.heading");
	assert_string_equal(keys[2], "x-y_2");
	assert_string_equal(keys[3], "zh");
	assert_null(keys[4]);
	catalog_free(&cat);
	assert_null(cat);

	cat = parse_ok("", NULL);
	assert_null(catalog_keys(cat)[0]);
	catalog_free(&cat);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("a = 1\nb 2\n", "line 2: '=' must follow the key 'b'");
	expect_error("a = 1\n\n= x\n", "line 3: an entry must start with a key");
	expect_error("Title = x", "line 1: an entry must start with a key");
	expect_error("a = 1\nb =   \n", "line 2: the key 'b' has no text");
	expect_error("a = 1\na = 2\n", "line 2: the key 'a' is given twice");
	expect_error("a = {{dayz}}", "line 1: a: unknown placeholder {{dayz}} (known: {{days}}, "
	                             "{{count}})");
	expect_error("a = {{days}\n", "line 1: a: '{{' does not start a placeholder");
	expect_error("a = \xff\xfe", "not valid UTF-8");
	expect_error("a? = 1", "'=' must follow the key 'a'");
	char *key = g_strnfill(CATALOG_KEY_MAX + 1, 'k');
	char *long_key = g_strdup_printf("%s = x", key);
	expect_error(long_key, "longer than 64 bytes");
	g_free(long_key);
	g_free(key);
	char *huge = g_strnfill(CATALOG_MAX_BYTES + 1, '#');
	expect_error(huge, "longer than 64 KiB");
	g_free(huge);

	/* the fallback is owned by the catalogue, also when parsing fails */
	struct catalog *en = parse_ok("a = A", NULL), *cat = NULL;
	char *error = NULL;
	assert_int_equal(catalog_parse("b", names, en, &cat, &error), -1);
	g_free(error);
}

static void test_fallback_and_format(void **state)
{
	(void)state;
	struct catalog *en = parse_ok("silent = Silent for {{days}} days\nnone = Nobody\n"
	                              "only.en = English", NULL);
	struct catalog *zh = parse_ok("silent = {{days}} 天没有邮件\nnone = 无人", en);
	const char *vars[] = { "days", "30", NULL };

	assert_string_equal(catalog_get(zh, "none"), "无人");
	assert_string_equal(catalog_get(zh, "only.en"), "English");
	char *text = catalog_format(zh, "silent", vars);
	assert_string_equal(text, "30 天没有邮件");
	g_free(text);
	text = catalog_format(zh, "only.en", NULL);
	assert_string_equal(text, "English");
	g_free(text);
	/* a key no catalogue has shows as itself */
	text = catalog_format(zh, "no.such-key", vars);
	assert_string_equal(text, "no.such-key");
	g_free(text);
	/* a value is put in once, never read as a placeholder */
	const char *tricky[] = { "days", "{{count}}", NULL };
	text = catalog_format(zh, "silent", tricky);
	assert_string_equal(text, "{{count}} 天没有邮件");
	g_free(text);
	catalog_free(&zh);
	assert_null(zh);
}

/* Which of the report's placeholders text uses: a string of '1' and
 * '0', one per core_report_words_names entry. */
static char *placeholders_of(const char *text)
{
	const char *const *n = core_report_words_names;
	GPtrArray *vars = g_ptr_array_new_with_free_func(g_free);
	GString *used = g_string_new(NULL);

	for (size_t i = 0; n[i] != NULL; i++) {
		g_ptr_array_add(vars, g_strdup(n[i]));
		g_ptr_array_add(vars, g_strdup_printf("⟦%s⟧", n[i]));
	}
	g_ptr_array_add(vars, NULL);
	char *out = template_render(text, (const char *const *)vars->pdata, 0);
	for (size_t i = 0; n[i] != NULL; i++) {
		char *marker = g_strdup_printf("⟦%s⟧", n[i]);
		g_string_append_c(used, strstr(out, marker) != NULL ? '1' : '0');
		g_free(marker);
	}
	g_free(out);
	g_ptr_array_free(vars, TRUE);
	return g_string_free(used, FALSE);
}

/* Every shipped language has every English key, with the same
 * placeholders, and no key English lacks: a key added later cannot be
 * forgotten in a translation. */
static void test_shipped_languages_are_complete(void **state)
{
	struct catalog *en = NULL;
	char *error = NULL;

	(void)state;
	assert_string_equal(core_report_words_languages[0], "en");
	if (catalog_parse(core_report_words_source("en"), core_report_words_names, NULL, &en,
	                  &error) != 0)
		fail_msg("en: %s", error);
	assert_true(g_strv_length((char **)catalog_keys(en)) > 50);
	for (size_t l = 1; core_report_words_languages[l] != NULL; l++) {
		const char *code = core_report_words_languages[l];
		struct catalog *cat = NULL;
		if (catalog_parse(core_report_words_source(code), core_report_words_names, NULL, &cat,
		                  &error) != 0)
			fail_msg("%s: %s", code, error);
		for (const char *const *k = catalog_keys(en); *k != NULL; k++) {
			const char *text = catalog_get(cat, *k);
			if (text == NULL)
				fail_msg("data/template_report.%s.txt lacks the key '%s'", code, *k);
			char *want = placeholders_of(catalog_get(en, *k)), *got = placeholders_of(text);
			if (strcmp(want, got) != 0)
				fail_msg("%s: '%s' has other placeholders than in English", code, *k);
			g_free(want);
			g_free(got);
		}
		for (const char *const *k = catalog_keys(cat); *k != NULL; k++) {
			if (catalog_get(en, *k) == NULL)
				fail_msg("%s: the key '%s' is not in English", code, *k);
		}
		catalog_free(&cat);
	}
	catalog_free(&en);
}

static void test_language_choice(void **state)
{
	struct catalog *cat = NULL;
	char *error = NULL;

	(void)state;
	assert_string_equal(core_report_words_language("zh"), "zh");
	assert_string_equal(core_report_words_language("ZH"), "zh");
	assert_string_equal(core_report_words_language("zh-CN"), "zh");
	assert_string_equal(core_report_words_language("zh_TW"), "zh");
	assert_string_equal(core_report_words_language("en"), "en");
	assert_null(core_report_words_language("de"));
	assert_null(core_report_words_language("xx"));
	assert_null(core_report_words_language("zhx"));
	assert_null(core_report_words_language("z"));
	assert_null(core_report_words_language(""));
	assert_null(core_report_words_language(NULL));

	assert_int_equal(core_report_words_load("zh", &cat, &error), 0);
	assert_string_equal(catalog_get(cat, "quotes.heading"), "等待回复的报价");
	catalog_free(&cat);
	/* a language the report is not shipped in gets English */
	assert_int_equal(core_report_words_load("de", &cat, &error), 0);
	assert_string_equal(catalog_get(cat, "quotes.heading"), "Quotes waiting for an answer");
	catalog_free(&cat);
	assert_int_equal(core_report_words_load(NULL, &cat, &error), 0);
	assert_string_equal(catalog_get(cat, "mail.subject"), "Weekly report: {{company}}, {{date}}");
	catalog_free(&cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_fallback_and_format),
		cmocka_unit_test(test_shipped_languages_are_complete),
		cmocka_unit_test(test_language_choice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
