/* One way to write a span and a share (lib/duration.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib.h>

#include "lib/duration.h"

static void test_hm(void **state)
{
	(void)state;
	char buf[32];
	static const struct { int64_t s; const char *want; } cases[] = {
		{ 0, "0h00m" }, { 59, "0h00m" }, { 60, "0h01m" }, { 3600, "1h00m" },
		{ 171000, "47h30m" }, { -1, "-" }, { INT64_MAX, "2562047788015215h30m" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		duration_format_hm(cases[i].s, "-", buf, sizeof(buf));
		assert_string_equal(buf, cases[i].want);
	}
	char tiny[4];
	duration_format_hm(171000, "-", tiny, sizeof(tiny));
	assert_string_equal(tiny, "47h");   /* cut, never past the buffer */
}

static void test_share(void **state)
{
	(void)state;
	char buf[16];
	duration_format_share(1, 3, "-", buf, sizeof(buf));
	assert_string_equal(buf, "33%");
	duration_format_share(2, 3, "-", buf, sizeof(buf));
	assert_string_equal(buf, "67%");
	duration_format_share(5, 5, "-", buf, sizeof(buf));
	assert_string_equal(buf, "100%");
	duration_format_share(1, 0, "–", buf, sizeof(buf));
	assert_string_equal(buf, "–");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hm),
		cmocka_unit_test(test_share),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
