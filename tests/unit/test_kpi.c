/* core/kpi: the nearest-rank percentiles of first-response times, the
 * --by words, the week and month a moment falls in, in the company's
 * time zone, and the rows: inquiries, working-time responses, quotes and
 * their orders, follow-ups, grouped by owner and by week. */
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

/* 2 Nov 2026, a Monday, 00:00 UTC */
#define MON (INT64_C(1793577600))
#define H (INT64_C(3600))
#define DAY (24 * H)

static const struct core_kpi_row *row_of(GPtrArray *rows, const char *group)
{
	for (guint i = 0; i < rows->len; i++) {
		const struct core_kpi_row *r = rows->pdata[i];
		if (g_strcmp0(r->group, group) == 0)
			return r;
	}
	fail_msg("no row %s", group != NULL ? group : "(team)");
	return NULL;
}

/* Four threads on a UTC Mon-Fri 09:00-17:00 calendar, the period 2 to
 * 16 November: a.de (DE: Li's) answered in 2 working hours and quoted,
 * the quote ordered; b.fr (nobody's) asked Friday 16:00, acknowledged by
 * followupd at once (not a response), answered Monday 11:00: 1 + 2
 * working hours; c.de (Li's) unanswered; d.de asked before the period. */
static void test_rows(void **state)
{
	(void)state;
	char *de[] = { "DE", NULL };
	struct owner_person li = { .email = "li@example.com", .countries = de };
	struct owner_team people = { .persons = &li, .n_persons = 1 };
	struct work_span spans[5];
	for (int i = 0; i < 5; i++)
		spans[i] = (struct work_span){ .weekday = i + 1, .start_min = 540, .end_min = 1020 };
	struct bizcal *cal = NULL;
	const char *error = NULL;
	GTimeZone *utc = g_time_zone_new_utc();
	assert_int_equal(bizcal_new(utc, spans, 5, NULL, &cal, &error), 0);
	g_time_zone_unref(utc);
	struct rule_set set = { 0 };
	struct core_rules rules = { .team = &people, .set = &set,
	                            .calendars = sla_calendars_new(cal) };

	struct sla_message m1[] = { { MON + 10 * H, MSG_DIR_IN, MSG_KIND_INQUIRY },
	                            { MON + 12 * H, MSG_DIR_OUT, MSG_KIND_QUOTE } };
	struct sla_message m2[] = { { MON + 4 * DAY + 16 * H, MSG_DIR_IN, MSG_KIND_INQUIRY },
	                            { MON + 4 * DAY + 16 * H + 60, MSG_DIR_OUT, MSG_KIND_ACK },
	                            { MON + 7 * DAY + 11 * H, MSG_DIR_OUT, MSG_KIND_REPLY } };
	struct sla_message m3[] = { { MON + 8 * DAY + 9 * H, MSG_DIR_IN, MSG_KIND_INQUIRY } };
	struct sla_message m4[] = { { MON - 20 * DAY, MSG_DIR_IN, MSG_KIND_INQUIRY },
	                            { MON + 1 * DAY, MSG_DIR_IN, MSG_KIND_REPLY } };
	struct sla_thread threads[] = {
		{ .thread = 1, .customer = "a.de", .subject = "a", .msgs = m1, .n_msgs = 2 },
		{ .thread = 2, .customer = "b.fr", .subject = "b", .msgs = m2, .n_msgs = 3 },
		{ .thread = 3, .customer = "c.de", .subject = "c", .msgs = m3, .n_msgs = 1 },
		{ .thread = 4, .customer = "d.de", .subject = "d", .msgs = m4, .n_msgs = 2 },
	};
	struct store_quote quote = { .message_id = "q1@example.com", .date = MON + 12 * H,
	                             .answered_at = INT64_MIN, .thread = 1, .customer = "a.de" };
	struct core_kpi_data d = { .rules = &rules, .timezone = "UTC", .now = MON + 20 * DAY,
	                           .silent_after_s = 30 * DAY, .threads = threads,
	                           .n_threads = 4, .quotes = &quote, .n_quotes = 1 };
	d.customer_by_key = g_hash_table_new(g_str_hash, g_str_equal);
	d.orders_by_quote = g_hash_table_new(g_str_hash, g_str_equal);
	g_hash_table_insert(d.orders_by_quote, "q1@example.com", GINT_TO_POINTER(1));

	GPtrArray *rows = core_kpi_rows(&d, MON, MON + 14 * DAY, CORE_KPI_BY_OWNER);
	const struct core_kpi_row *team = rows->pdata[0];
	assert_null(team->group);
	assert_int_equal(team->inquiries, 3);
	assert_int_equal(team->answered, 2);
	assert_int_equal(team->first_response_median_s, 2 * H);
	assert_int_equal(team->first_response_p90_s, 3 * H);
	assert_int_equal(team->sla_decided, 0);
	assert_true(core_kpi_sla_share(&d, team) < 0);
	assert_int_equal(team->quotes, 1);
	assert_int_equal(team->orders, 1);
	assert_int_equal(team->follow_ups, 2);
	assert_int_equal(team->followed_customers, 2);
	assert_int_equal(rows->len, 3);
	const struct core_kpi_row *li_row = row_of(rows, "li@example.com");
	assert_int_equal(li_row->inquiries, 2);
	assert_int_equal(li_row->answered, 1);
	assert_int_equal(li_row->first_response_median_s, 2 * H);
	assert_int_equal(li_row->quotes, 1);
	const struct core_kpi_row *nobody = row_of(rows, "(nobody)");
	assert_int_equal(nobody->inquiries, 1);
	assert_int_equal(nobody->first_response_median_s, 3 * H);
	assert_int_equal(nobody->quotes, 0);
	g_ptr_array_unref(rows);

	rows = core_kpi_rows(&d, MON, MON + 14 * DAY, CORE_KPI_BY_WEEK);
	assert_int_equal(rows->len, 3);
	assert_string_equal(((struct core_kpi_row *)rows->pdata[1])->group, "2026-W45");
	assert_int_equal(row_of(rows, "2026-W45")->inquiries, 2);
	assert_int_equal(row_of(rows, "2026-W46")->inquiries, 1);
	assert_int_equal(row_of(rows, "2026-W46")->first_response_median_s, -1);
	assert_int_equal(row_of(rows, "2026-W46")->silent, -1);
	g_ptr_array_unref(rows);

	/* a period that ends before b.fr asked: only a.de */
	rows = core_kpi_rows(&d, MON, MON + 4 * DAY, CORE_KPI_BY_NONE);
	assert_int_equal(rows->len, 1);
	assert_int_equal(((struct core_kpi_row *)rows->pdata[0])->inquiries, 1);
	g_ptr_array_unref(rows);

	g_hash_table_destroy(d.customer_by_key);
	g_hash_table_destroy(d.orders_by_quote);
	sla_calendars_free(&rules.calendars);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_percentile),
		cmocka_unit_test(test_by),
		cmocka_unit_test(test_period_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
