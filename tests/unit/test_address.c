/* lib/address: the one rule for an address followupd accepts (from the
 * configuration, a rule, or a message it answers), and its ASCII form. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "lib/address.h"

static void test_valid(void **state)
{
	static const struct { const char *addr; bool ok; } cases[] = {
		{ "li.wei@example.com", true },
		{ "sales+cn@mail.example.co.uk", true },
		{ "a@b.de", true },
		{ "x@xn--bcher-kva.de", true },
		{ "käufer@bücher.de", false },        /* no SMTPUTF8: ASCII local part */
		{ "buyer@bücher.de", false },         /* valid only once made ASCII */
		{ "li wei@example.com", false },
		{ "li\"wei@example.com", false },
		{ "<li@example.com>", false },
		{ ".li@example.com", false },
		{ "li.@example.com", false },
		{ "li..wei@example.com", false },
		{ "li@example", false },              /* one label */
		{ "li@10.0.0.1", false },             /* numeric top-level label */
		{ "li@-example.com", false },
		{ "li@exa_mple.com", false },
		{ "li@example..com", false },
		{ "@example.com", false },
		{ "li@", false },
		{ "li", false },
		{ "", false },
		{ NULL, false },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		if (address_is_valid(cases[i].addr) != cases[i].ok)
			fail_msg("%s: expected %s", cases[i].addr ? cases[i].addr : "NULL",
			         cases[i].ok ? "valid" : "invalid");
	}
}

static void test_lengths(void **state)
{
	char local[66], label[65], addr[300];

	(void)state;
	memset(local, 'a', 64);
	local[64] = '\0';
	g_snprintf(addr, sizeof(addr), "%s@example.com", local);
	assert_true(address_is_valid(addr));
	local[64] = 'a';
	local[65] = '\0';
	g_snprintf(addr, sizeof(addr), "%s@example.com", local);
	assert_false(address_is_valid(addr));
	memset(label, 'b', 64);
	label[64] = '\0';
	g_snprintf(addr, sizeof(addr), "x@%s.com", label);
	assert_false(address_is_valid(addr));
	label[63] = '\0';
	g_snprintf(addr, sizeof(addr), "x@%s.com", label);
	assert_true(address_is_valid(addr));
}

static void test_to_ascii(void **state)
{
	char *a;

	(void)state;
	a = address_to_ascii("Buyer@Bücher.DE");
	assert_string_equal(a, "Buyer@xn--bcher-kva.de");   /* the local part as written */
	g_free(a);
	a = address_to_ascii("li@EXAMPLE.com");
	assert_string_equal(a, "li@example.com");
	g_free(a);
	assert_null(address_to_ascii("käufer@bücher.de"));
	assert_null(address_to_ascii("li@"));
	assert_null(address_to_ascii("li"));
	assert_null(address_to_ascii(NULL));
	assert_null(address_to_ascii("li@\xff.de"));
}

static void test_domains(void **state)
{
	size_t n = 0;
	bool numeric = false;

	(void)state;
	assert_true(address_is_domain("example.com"));
	assert_false(address_is_domain("localhost"));
	assert_true(address_hostname_ok("localhost", 9, &n, &numeric));
	assert_int_equal(n, 1);
	assert_false(numeric);
	assert_true(address_hostname_ok("127.0.0.1", 9, &n, &numeric));
	assert_int_equal(n, 4);
	assert_true(numeric);
	assert_false(address_hostname_ok("", 0, &n, &numeric));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_to_ascii),
		cmocka_unit_test(test_domains),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
