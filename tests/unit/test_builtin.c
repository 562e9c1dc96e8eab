/* The shipped data lists are compiled in and well-formed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "data/builtin.h"

static void test_freemail_has_gmail(void **state)
{
	(void)state;
	assert_non_null(strstr(builtin_freemail, "\ngmail.com\n"));
	assert_non_null(strstr(builtin_freemail, "\nqq.com\n"));
}

static void test_quote_markers_keep_utf8(void **state)
{
	(void)state;
	assert_non_null(strstr(builtin_quote_markers, "\n报价\n"));
	assert_non_null(strstr(builtin_quote_markers, "\ncotação\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_freemail_has_gmail),
		cmocka_unit_test(test_quote_markers_keep_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
