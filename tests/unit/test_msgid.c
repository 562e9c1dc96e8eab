/* msgid and dsn: identifiers and bounce fields out of header text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "parsers/dsn.h"
#include "parsers/msgid.h"

static void assert_ids(const char *text, const char *const *expected, size_t n)
{
	size_t got_n = 99;
	char **got = msgid_parse_all(text, &got_n);

	assert_non_null(got);
	assert_int_equal(got_n, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(got[i], expected[i]);
	assert_null(got[n]);
	g_strfreev(got);
}

static void test_references_with_junk(void **state)
{
	static const char *const three[] = { "a@b", "c@d", "e@f" };

	(void)state;
	assert_ids("<a@b> <c@d> <e@f>", three, 3);
	assert_ids(" <a@b>\r\n\t(comment) junk <c@d>,<e@f>", three, 3);
	assert_ids("<junk <a@b> <c@d><e@f>", three, 3);
}

static void test_folded_and_bare_ids(void **state)
{
	static const char *const one[] = { "long.id@host.example" };
	static const char *const bare[] = { "a@b", "c@d" };

	(void)state;
	assert_ids("<long.id@\r\n host.example>", one, 1);
	assert_ids("a@b c@d", bare, 2);
	assert_ids("", NULL, 0);
	assert_ids("<>", NULL, 0);
	assert_ids("no ids here", NULL, 0);
}

static void test_first_id(void **state)
{
	char *id;

	(void)state;
	id = msgid_parse_first("Your message of Monday <x@y.z>");
	assert_string_equal(id, "x@y.z");
	g_free(id);
	id = msgid_parse_first("<unterminated@host");
	assert_string_equal(id, "unterminated@host");
	g_free(id);
	assert_null(msgid_parse_first("<>"));
	assert_null(msgid_parse_first(NULL));
}

static void test_id_bytes_made_valid(void **state)
{
	char *id = msgid_parse_first("<caf\xe9@host>");

	(void)state;
	assert_true(g_utf8_validate(id, -1, NULL));
	assert_string_equal(id, "caf\xef\xbf\xbd@host");
	g_free(id);
}

static const char delivery_status[] =
	"Reporting-MTA: dns; mx.example.com\n"
	"Arrival-Date: Mon, 5 Feb 2024 10:00:00 +0000\n"
	"\n"
	"Final-Recipient: rfc822;\n"
	"  <Nobody@Customer.example>\n"
	"Action: failed\n"
	"Status: 5.1.1 (bad destination mailbox)\n"
	"Diagnostic-Code: smtp; 550 5.1.1 User unknown\n"
	"\n"
	"Final-Recipient: rfc822; second@customer.example\n"
	"Status: 4.4.1\n";

static void test_dsn_fields(void **state)
{
	char *v;

	(void)state;
	v = dsn_final_recipient(delivery_status);
	assert_string_equal(v, "Nobody@Customer.example");
	g_free(v);
	v = dsn_status(delivery_status);
	assert_string_equal(v, "5.1.1");
	g_free(v);
	v = dsn_field(delivery_status, "reporting-mta");
	assert_string_equal(v, "dns; mx.example.com");
	g_free(v);
	assert_null(dsn_field(delivery_status, "Remote-MTA"));
	assert_null(dsn_field(NULL, "Status"));
}

static void test_dsn_fallbacks(void **state)
{
	char *v;

	(void)state;
	v = dsn_final_recipient("Original-Recipient: rfc822; a@b.c\r\nStatus: 5.0.0\r\n");
	assert_string_equal(v, "a@b.c");
	g_free(v);
	v = dsn_status("Status: 5.0.0\r\n");
	assert_string_equal(v, "5.0.0");
	g_free(v);
	assert_null(dsn_final_recipient("Final-Recipient: rfc822;   \n"));
	assert_null(dsn_status("Status:\n"));
	/* A field name that merely starts the same does not count. */
	assert_null(dsn_field("Statusline: x\n", "Status"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_references_with_junk),
		cmocka_unit_test(test_folded_and_bare_ids),
		cmocka_unit_test(test_first_id),
		cmocka_unit_test(test_id_bytes_made_valid),
		cmocka_unit_test(test_dsn_fields),
		cmocka_unit_test(test_dsn_fallbacks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
