/* The sheet's dates under payment-due, next-action and silence rules
 * (rules/sheet.c), on a Shanghai office calendar. 2026-11-23 is a Monday. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "config/config.h"
#include "lib/work_hours.h"
#include "rules/sheet.h"

#define D INT64_C(86400)

static struct bizcal *office(void)
{
	GTimeZone *tz = g_time_zone_new_identifier("Asia/Shanghai");
	struct work_span *spans = NULL;
	size_t n = 0;
	const char *error = NULL;
	struct bizcal *cal = NULL;

	assert_non_null(tz);
	assert_int_equal(work_hours_parse("Mon-Fri 09:00-18:00", &spans, &n, &error), 0);
	assert_int_equal(bizcal_new(tz, spans, n, NULL, &cal, &error), 0);
	g_free(spans);
	g_time_zone_unref(tz);
	return cal;
}

static int64_t at(const char *rfc3339)
{
	int64_t t = 0;

	if (config_parse_rfc3339(rfc3339, &t) < 0)
		fail_msg("bad test time %s", rfc3339);
	return t;
}

static struct rule payment_rule(int64_t before, int64_t late_every)
{
	struct rule r = { .name = (char *)"pay", .on = RULE_ON_PAYMENT_DUE,
	                  .action = RULE_ACTION_NOTIFY, .before = before,
	                  .late_every = late_every };
	return r;
}

struct pay_case {
	const char *now;
	enum sheet_state state;
	const char *occasion;      /* "" none */
	const char *mail_at;       /* NULL: never */
};

/* due 2026-11-26 (Thu), before = 3d, late-every = 3d */
static const struct pay_case pay_cases[] = {
	{ "2026-11-22T23:59:59+08:00", SHEET_NONE, "", NULL },
	/* 3 days before: Monday 00:00, mailed at 09:00 */
	{ "2026-11-23T00:00:00+08:00", SHEET_DUE_SOON, "before", "2026-11-23T09:00:00+08:00" },
	{ "2026-11-26T23:59:59+08:00", SHEET_DUE_SOON, "before", "2026-11-23T09:00:00+08:00" },
	/* late from the day after; the first step is 3 days after the due date */
	{ "2026-11-27T00:00:00+08:00", SHEET_LATE, "", NULL },
	{ "2026-11-28T23:00:00+08:00", SHEET_LATE, "", NULL },
	/* 2026-11-29 is a Sunday: the mail waits for Monday 09:00 */
	{ "2026-11-29T00:00:00+08:00", SHEET_LATE, "late-1", "2026-11-30T09:00:00+08:00" },
	{ "2026-12-01T23:00:00+08:00", SHEET_LATE, "late-1", "2026-11-30T09:00:00+08:00" },
	{ "2026-12-02T00:00:00+08:00", SHEET_LATE, "late-2", "2026-12-02T09:00:00+08:00" },
	/* a long outage: only the latest step */
	{ "2027-01-05T10:00:00+08:00", SHEET_LATE, "late-13", "2027-01-04T09:00:00+08:00" },
};

static void test_payment_steps(void **state)
{
	(void)state;
	struct bizcal *cal = office();
	struct rule r = payment_rule(3 * D, 3 * D);

	for (size_t i = 0; i < G_N_ELEMENTS(pay_cases); i++) {
		const struct pay_case *c = &pay_cases[i];
		struct sheet_occasion o;

		assert_int_equal(sheet_payment(&r, "2026-11-26", false, cal, at(c->now), &o), 0);
		if (o.state != c->state || strcmp(o.occasion, c->occasion) != 0 ||
		    o.mail_at != (c->mail_at != NULL ? at(c->mail_at) : INT64_MAX))
			fail_msg("case %zu (%s): %s '%s' %lld, want %s '%s' %s", i, c->now,
			         sheet_state_name(o.state), o.occasion, (long long)o.mail_at,
			         sheet_state_name(c->state), c->occasion,
			         c->mail_at != NULL ? c->mail_at : "never");
		assert_true(o.due == at("2026-11-26T00:00:00+08:00"));
	}
	bizcal_free(&cal);
}

static void test_payment_variants(void **state)
{
	(void)state;
	struct bizcal *cal = office();
	struct sheet_occasion o;
	struct rule once = payment_rule(0, 0), r = payment_rule(3 * D, 3 * D);

	/* settled: nothing, whenever */
	assert_int_equal(sheet_payment(&r, "2026-11-26", true, cal,
	                               at("2026-11-30T10:00:00+08:00"), &o), 0);
	assert_int_equal(o.state, SHEET_NONE);
	assert_string_equal(o.occasion, "");
	/* neither before nor late-every: listed on its day, one "late" after */
	assert_int_equal(sheet_payment(&once, "2026-11-26", false, cal,
	                               at("2026-11-26T10:00:00+08:00"), &o), 0);
	assert_int_equal(o.state, SHEET_DUE_SOON);
	assert_string_equal(o.occasion, "");
	assert_int_equal(sheet_payment(&once, "2026-11-26", false, cal,
	                               at("2026-12-10T10:00:00+08:00"), &o), 0);
	assert_int_equal(o.state, SHEET_LATE);
	assert_string_equal(o.occasion, "late");
	assert_true(o.mail_at == at("2026-11-27T09:00:00+08:00"));
	assert_true(o.overdue_seconds == at("2026-12-10T10:00:00+08:00") -
	                                 at("2026-11-27T00:00:00+08:00"));
	/* hours, not days: 36h before 00:00 of the 26th */
	struct rule hours = payment_rule(36 * 3600, 0);
	assert_int_equal(sheet_payment(&hours, "2026-11-26", false, cal,
	                               at("2026-11-24T12:00:00+08:00"), &o), 0);
	assert_int_equal(o.state, SHEET_DUE_SOON);
	assert_true(o.mail_at == at("2026-11-24T12:00:00+08:00"));
	/* bad input */
	assert_int_equal(sheet_payment(&r, "26.11.2026", false, cal, 0, &o), -1);
	assert_int_equal(sheet_payment(&r, NULL, false, cal, 0, &o), -1);
	struct rule other = { .on = RULE_ON_SILENCE };
	assert_int_equal(sheet_payment(&other, "2026-11-26", false, cal, 0, &o), -1);
	bizcal_free(&cal);
}

static void test_next_action(void **state)
{
	(void)state;
	struct bizcal *cal = office();
	struct rule r = { .name = (char *)"next", .on = RULE_ON_NEXT_ACTION };
	struct sheet_occasion o;

	assert_int_equal(sheet_next_action(&r, NULL, cal, at("2026-11-23T10:00:00+08:00"), &o), 0);
	assert_int_equal(o.state, SHEET_NONE);
	assert_int_equal(sheet_next_action(&r, "2026-11-28", cal,
	                                   at("2026-11-27T10:00:00+08:00"), &o), 0);
	assert_int_equal(o.state, SHEET_NONE);
	/* a Saturday: due from 00:00, mailed on Monday morning */
	assert_int_equal(sheet_next_action(&r, "2026-11-28", cal,
	                                   at("2026-11-28T10:00:00+08:00"), &o), 0);
	assert_int_equal(o.state, SHEET_DUE);
	assert_string_equal(o.occasion, "2026-11-28");
	assert_true(o.mail_at == at("2026-11-30T09:00:00+08:00"));
	/* an instant, in working hours: mailed then */
	assert_int_equal(sheet_next_action(&r, "2026-11-24T06:30:00Z", cal,
	                                   at("2026-11-24T15:00:00+08:00"), &o), 0);
	assert_int_equal(o.state, SHEET_DUE);
	assert_true(o.mail_at == at("2026-11-24T14:30:00+08:00"));
	assert_true(o.overdue_seconds == 30 * 60);
	assert_int_equal(sheet_next_action(&r, "next week", cal, 0, &o), -1);
	assert_int_equal(sheet_next_action(&r, "2026-11-24T06:30:00+08:00", cal, 0, &o), -1);
	bizcal_free(&cal);
}

static void test_silence(void **state)
{
	(void)state;
	struct bizcal *cal = office();
	char *grades[] = { (char *)"S", (char *)"A", NULL };
	struct rule r = { .name = (char *)"quiet", .on = RULE_ON_SILENCE,
	                  .within = { 60 * D, false }, .grades = grades };
	struct sheet_occasion o;
	int64_t last = at("2026-09-01T10:00:00+08:00");

	assert_int_equal(sheet_silence(&r, last, cal, last + 60 * D - 1, &o), 0);
	assert_int_equal(o.state, SHEET_NONE);
	assert_int_equal(sheet_silence(&r, last, cal, last + 61 * D, &o), 0);
	assert_int_equal(o.state, SHEET_SILENT);
	assert_true(o.due == last + 60 * D);
	assert_true(o.overdue_seconds == D);
	/* one occasion per silence: named by the last mail */
	char want[32];
	g_snprintf(want, sizeof(want), "%lld", (long long)last);
	assert_string_equal(o.occasion, want);
	assert_int_equal(sheet_silence(&r, INT64_MIN, cal, last, &o), 0);
	assert_int_equal(o.state, SHEET_NONE);
	assert_int_equal(sheet_silence(&r, INT64_MAX - 5, cal, last, &o), 0);
	assert_int_equal(o.state, SHEET_NONE);
	assert_true(sheet_grade_matches(&r, "S") && sheet_grade_matches(&r, "a"));
	assert_false(sheet_grade_matches(&r, "B") || sheet_grade_matches(&r, NULL));
	r.grades = NULL;
	assert_true(sheet_grade_matches(&r, NULL));
	assert_string_equal(sheet_state_name(SHEET_SILENT), "silent");
	assert_string_equal(sheet_state_name(SHEET_DUE_SOON), "due-soon");
	bizcal_free(&cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_payment_steps),
		cmocka_unit_test(test_payment_variants),
		cmocka_unit_test(test_next_action),
		cmocka_unit_test(test_silence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
