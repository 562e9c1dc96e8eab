/* classify/platform.c: the buyer's address in a platform's notification
 * text, found around each '@', checked, bounded. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "classify/platform.h"

static bool keep_all(const char *addr, void *ctx)
{
	(void)addr;
	(void)ctx;
	return true;
}

/* Passes over the platform's own addresses. */
static bool not_platform(const char *addr, void *ctx)
{
	return strstr(addr, (const char *)ctx) == NULL;
}

static bool count(const char *addr, void *ctx)
{
	(void)addr;
	(*(unsigned *)ctx)++;
	return false;
}

static void test_find(void **state)
{
	static const struct { const char *text, *want; } cases[] = {
		{ "E-mail: Tom.Lee@ImportCo.de.", "tom.lee@importco.de" },
		{ "<mike+rfq@buyer-one.com>, thanks", "mike+rfq@buyer-one.com" },
		{ "write to ..a@b.com-", "a@b.com" },
		{ "no address here", NULL },
		{ "@@@ a@ @b x@y", NULL },                 /* no domain with a dot */
		{ "käufer@bücher.de then ok@shop.de", "ok@shop.de" },
		{ "", NULL },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *got = platform_find_address(cases[i].text, keep_all, NULL);
		if (cases[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].want);
		g_free(got);
	}
	assert_null(platform_find_address(NULL, keep_all, NULL));
	char *got = platform_find_address("Reply to inquiry@mic-platform.example or "
	                                  "to buyer@importco.de", not_platform,
	                                  (void *)"mic-platform");
	assert_string_equal(got, "buyer@importco.de");
	g_free(got);
}

static void test_bounded(void **state)
{
	GString *text = g_string_new(NULL);
	unsigned n = 0;

	(void)state;
	for (int i = 0; i < 1000; i++)
		g_string_append_printf(text, "user%d@host%d.example ", i, i);
	assert_null(platform_find_address(text->str, count, &n));
	assert_int_equal(n, 64);
	g_string_free(text, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
