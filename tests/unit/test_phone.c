/* lib/phone (E.164 from what people write) and classify/country (ISO
 * codes, the country of a domain, calling codes from
 * data/calling_codes.txt). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "classify/country.h"
#include "data/builtin.h"
#include "lib/phone.h"

static const struct phone_plan DE = { "49", "0" };
static const struct phone_plan IT = { "39", NULL };
static const struct phone_plan US = { "1", "1" };
static const struct phone_plan HU = { "36", "06" };

static void expect_e164(const char *in, const struct phone_plan *plan, const char *want)
{
	char *got = NULL, *error = NULL;

	if (phone_to_e164(in, plan, &got, &error) != 0)
		fail_msg("'%s': refused: %s", in, error);
	assert_string_equal(got, want);
	g_free(got);
}

static void expect_refused(const char *in, const struct phone_plan *plan, const char *words)
{
	char *got = NULL, *error = NULL;

	if (phone_to_e164(in, plan, &got, &error) == 0)
		fail_msg("'%s': accepted as %s", in, got);
	assert_null(got);
	assert_non_null(error);
	if (strstr(error, words) == NULL)
		fail_msg("'%s': error '%s' does not say '%s'", in, error, words);
	g_free(error);
}

static void test_international(void **state)
{
	(void)state;
	expect_e164("+49 89 123456", NULL, "+4989123456");
	expect_e164("+49 (0)89 1234-56", NULL, "+4989123456");
	expect_e164("+49(0)89/123.456", &DE, "+4989123456");
	expect_e164("0049 89 123456", NULL, "+4989123456");
	expect_e164("0086 (21) 6888 1234", &DE, "+862168881234");
	expect_e164("+1 (212) 555-0100", NULL, "+12125550100");
	expect_e164("\t+86 138 0013 8000 ", NULL, "+8613800138000");
	/* 15 digits is the most E.164 allows. */
	expect_e164("+123456789012345", NULL, "+123456789012345");
}

static void test_national(void **state)
{
	(void)state;
	expect_e164("089 123456", &DE, "+4989123456");
	expect_e164("(0)89 123456", &DE, "+4989123456");
	expect_e164("89 123456", &DE, "+4989123456");
	/* Italy's leading 0 is part of the number. */
	expect_e164("06 1234 5678", &IT, "+390612345678");
	expect_e164("1 212 555 0100", &US, "+12125550100");
	expect_e164("212-555-0100", &US, "+12125550100");
	expect_e164("06 1 234 5678", &HU, "+3612345678");
}

static void test_refused(void **state)
{
	(void)state;
	expect_refused("089 123456", NULL, "country");
	expect_refused("089 123456", &(struct phone_plan){ NULL, NULL }, "country");
	expect_refused("+49 89 123456 ext 12", NULL, "letters");
	expect_refused("+49 89 123456 x12", NULL, "letters");
	expect_refused("49+89 123456", NULL, "'+'");
	expect_refused("+49 89 #123456", NULL, "only digits");
	expect_refused("", NULL, "no digits");
	expect_refused("+", NULL, "no digits");
	expect_refused("- ( )", NULL, "no digits");
	expect_refused("+49 12", NULL, "4 digits");
	expect_refused("+1234567890123456", NULL, "16 digits");
	expect_refused("+0123 456 789", NULL, "starts with 0");
	expect_refused("000123 456 789", NULL, "starts with 0");
	expect_refused("+49 ８９ 123456", NULL, "only digits");   /* fullwidth digits */
	expect_refused("+49 89 12\xff", NULL, "not text");
}

static void test_country_codes(void **state)
{
	(void)state;
	assert_string_equal(country_code("de"), "DE");
	assert_string_equal(country_code("DE"), "DE");
	assert_string_equal(country_code("uk"), "GB");
	assert_string_equal(country_code("Cn"), "CN");
	assert_null(country_code("XX"));
	assert_null(country_code("D"));
	assert_null(country_code("DEU"));
	assert_null(country_code(""));
	assert_null(country_code(NULL));
	assert_string_equal(country_of_domain("kunde.de"), "DE");
	assert_string_equal(country_of_domain("factory.com.cn"), "CN");
	assert_null(country_of_domain("joao.silva@gmail.com"));
	assert_null(country_of_domain("startup.io"));
}

static void test_calling_codes(void **state)
{
	struct phone_plan plan;

	(void)state;
	assert_int_equal(country_phone_plan("de", &plan), 0);
	assert_string_equal(plan.calling_code, "49");
	assert_string_equal(plan.trunk_prefix, "0");
	assert_int_equal(country_phone_plan("IT", &plan), 0);
	assert_string_equal(plan.calling_code, "39");
	assert_null(plan.trunk_prefix);
	assert_int_equal(country_phone_plan("RU", &plan), 0);
	assert_string_equal(plan.trunk_prefix, "8");
	assert_int_equal(country_phone_plan("BV", &plan), -1);   /* no code of its own */
	assert_int_equal(country_phone_plan("XX", &plan), -1);
	assert_true(country_calling_code_known("+4989123456"));
	assert_true(country_calling_code_known("+12125550100"));
	assert_false(country_calling_code_known("+999123456"));
	assert_false(country_calling_code_known("4989123456"));
}

/* Every line of the shipped list is a real country with a code that
 * country_phone_plan() gives back (a malformed line would be skipped
 * silently there). */
static void test_calling_code_list(void **state)
{
	char **lines = g_strsplit(builtin_calling_codes, "\n", -1);
	size_t entries = 0;

	(void)state;
	for (char **l = lines; *l != NULL; l++) {
		if (**l == '#' || **l == '\0')
			continue;
		char **f = g_strsplit(*l, " ", -1);
		if (g_strv_length(f) != 3)
			fail_msg("malformed line '%s'", *l);
		if (country_code(f[0]) == NULL || strcmp(country_code(f[0]), f[0]) != 0)
			fail_msg("'%s' is no ISO 3166-1 code", f[0]);
		struct phone_plan plan;
		if (strcmp(f[1], "-") == 0) {
			assert_int_equal(country_phone_plan(f[0], &plan), -1);
		} else {
			assert_int_equal(country_phone_plan(f[0], &plan), 0);
			assert_string_equal(plan.calling_code, f[1]);
			if (strcmp(f[2], "-") == 0)
				assert_null(plan.trunk_prefix);
			else
				assert_string_equal(plan.trunk_prefix, f[2]);
		}
		g_strfreev(f);
		entries++;
	}
	assert_int_equal(entries, 249);
	g_strfreev(lines);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_international),
		cmocka_unit_test(test_national),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_country_codes),
		cmocka_unit_test(test_calling_codes),
		cmocka_unit_test(test_calling_code_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
