/* core/kpi: the nearest-rank percentiles of first-response times, the
 * --by words, and the week and month a moment falls in, in the company's
 * time zone. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "core/kpi.h"

static void test_percentile(void **state)
{
	(void)state;
	int64_t none[1] = { 0 };
	assert_int_equal(core_kpi_percentile(none, 0, 50), -1);

	int64_t one[] = { 42 };
	assert_int_equal(core_kpi_percentile(one, 1, 50), 42);
	assert_int_equal(core_kpi_percentile(one, 1, 90), 42);

	/* unsorted in, nearest rank: ceil(p * n / 100) */
	int64_t two[] = { 7200, 0 };
	assert_int_equal(core_kpi_percentile(two, 2, 50), 0);
	assert_int_equal(core_kpi_percentile(two, 2, 90), 7200);

	int64_t ten[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
	assert_int_equal(core_kpi_percentile(ten, 10, 50), 5);
	assert_int_equal(core_kpi_percentile(ten, 10, 90), 9);
	assert_int_equal(core_kpi_percentile(ten, 10, 91), 10);
	assert_int_equal(core_kpi_percentile(ten, 10, 100), 10);
	assert_int_equal(core_kpi_percentile(ten, 10, 1), 1);

	int64_t odd[] = { 300, 100, 200 };
	assert_int_equal(core_kpi_percentile(odd, 3, 50), 200);
	assert_int_equal(core_kpi_percentile(odd, 3, 90), 300);
}

static void test_by(void **state)
{
	(void)state;
	enum core_kpi_by by = CORE_KPI_BY_NONE;

	assert_int_equal(core_kpi_by_parse("owner", &by), 0);
	assert_int_equal(by, CORE_KPI_BY_OWNER);
	assert_int_equal(core_kpi_by_parse("week", &by), 0);
	assert_int_equal(by, CORE_KPI_BY_WEEK);
	assert_int_equal(core_kpi_by_parse("Week", &by), -1);
	assert_int_equal(core_kpi_by_parse("", &by), -1);
	assert_int_equal(core_kpi_by_parse("owners", &by), -1);
}

static void expect_key(int64_t t, const char *tz, enum core_kpi_by by, const char *want)
{
	char *got = core_kpi_period_key(t, tz, by);

	assert_string_equal(got, want);
	g_free(got);
}

static void test_period_key(void **state)
{
	(void)state;
	/* Sun 8 Nov 2026 20:00 UTC is Mon 9 Nov 04:00 in Shanghai: ISO week 46
	 * there, 45 in UTC. */
	int64_t t = 1794168000;
	expect_key(t, "Asia/Shanghai", CORE_KPI_BY_WEEK, "2026-W46");
	expect_key(t, "UTC", CORE_KPI_BY_WEEK, "2026-W45");
	expect_key(t, NULL, CORE_KPI_BY_WEEK, "2026-W45");
	/* 31 Oct 2026 20:00 UTC: November in Shanghai, October in UTC */
	expect_key(1793476800, "Asia/Shanghai", CORE_KPI_BY_MONTH, "2026-11");
	expect_key(1793476800, "UTC", CORE_KPI_BY_MONTH, "2026-10");
	/* 1 Jan 2027 (a Friday) belongs to ISO week 53 of 2026 */
	expect_key(1798761600, "UTC", CORE_KPI_BY_WEEK, "2026-W53");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percentile),
		cmocka_unit_test(test_by),
		cmocka_unit_test(test_period_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
