/* An instant as a person reads it in one zone (lib/zonetime.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib.h>

#include "lib/zonetime.h"

static void assert_shown(const char *zone, int64_t t, bool show, const char *want)
{
	GTimeZone *tz = g_time_zone_new_identifier(zone);
	char buf[32];

	assert_non_null(tz);
	zonetime_format(tz, t, show, "-", buf, sizeof(buf));
	assert_string_equal(buf, want);
	g_time_zone_unref(tz);
}

static void test_zones(void **state)
{
	(void)state;
	/* 2026-12-07T02:00:00Z */
	assert_shown("Asia/Shanghai", 1796608800, true, "2026-12-07 10:00 CST");
	assert_shown("Asia/Shanghai", 1796608800, false, "2026-12-07 10:00");
	assert_shown("UTC", 1796608800, true, "2026-12-07 02:00 UTC");
	/* tzdata writes Bogotá's and Dubai's zones as offsets */
	assert_shown("America/Bogota", 1796608800, true, "2026-12-06 21:00 -05");
	assert_shown("Asia/Dubai", 1796608800, true, "2026-12-07 06:00 +04");
	assert_shown("Asia/Kolkata", 1796608800, true, "2026-12-07 07:30 IST");
}

static void test_daylight_saving(void **state)
{
	(void)state;
	/* Berlin leaves summer time at 2026-10-25T01:00:00Z */
	assert_shown("Europe/Berlin", 1792890000 - 60, true, "2026-10-25 02:59 CEST");
	assert_shown("Europe/Berlin", 1792890000, true, "2026-10-25 02:00 CET");
}

static void test_none_and_edges(void **state)
{
	(void)state;
	assert_shown("UTC", INT64_MIN, true, "-");
	assert_shown("UTC", INT64_MAX, true, "-");
	assert_shown("UTC", 253402300799, false, "9999-12-31 23:59");
	assert_shown("UTC", 253402300800, false, "-");
	assert_shown("UTC", -62135596800, false, "0001-01-01 00:00");

	GTimeZone *tz = g_time_zone_new_identifier("Asia/Shanghai");
	char tiny[8];
	zonetime_format(tz, 1796608800, true, "-", tiny, sizeof(tiny));
	assert_string_equal(tiny, "2026-12");   /* cut, never past the buffer */
	struct tm tm;
	assert_true(zonetime_tm(tz, 1796608800, &tm));
	assert_int_equal(tm.tm_hour, 10);
	assert_int_equal(tm.tm_mday, 7);
	assert_false(zonetime_tm(tz, INT64_MIN, &tm));
	g_time_zone_unref(tz);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zones),
		cmocka_unit_test(test_daylight_saving),
		cmocka_unit_test(test_none_and_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
