/*
 * Business time (rules/bizcal.c) against the system's tz database.
 *
 * Every expected instant below was worked out by hand and is written as
 * local time with its UTC offset, so a wrong DST handling shows up as a
 * wrong offset or hour. The weekday of each date is in its comment.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "config/config.h"
#include "rules/bizcal.h"
#include "tests/unit/cpu_time.h"

#define HOUR INT64_C(3600)
#define MINUTE INT64_C(60)

/* 2026-10-01 (Thu) .. 2026-10-07 (Wed): National Day week in China. */
static const char *const china_golden_week[] = {
	"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04",
	"2026-10-05", "2026-10-06", "2026-10-07", NULL,
};

static struct bizcal *make_cal(const char *zone, const char *hours, const char *const *holidays)
{
	GTimeZone *tz = g_time_zone_new_identifier(zone);
	struct work_span *spans = NULL;
	size_t n_spans = 0;
	const char *error = NULL;
	struct bizcal *cal = NULL;

	if (tz == NULL)
		fail_msg("time zone %s is not in the tz database", zone);
	if (hours != NULL && work_hours_parse(hours, &spans, &n_spans, &error) < 0)
		fail_msg("work hours '%s': %s", hours, error);
	if (bizcal_new(tz, spans, n_spans, holidays, &cal, &error) < 0)
		fail_msg("bizcal_new(%s, %s): %s", zone, hours, error);
	g_free(spans);
	g_time_zone_unref(tz);  /* the calendar holds its own reference */
	return cal;
}

static int64_t at(const char *rfc3339)
{
	int64_t t = 0;

	if (config_parse_rfc3339(rfc3339, &t) < 0)
		fail_msg("bad test time %s", rfc3339);
	return t;
}

static const char *show(const struct bizcal *cal, int64_t t, char *buf, size_t size)
{
	if (t == INT64_MAX)
		g_strlcpy(buf, "never", size);
	else
		bizcal_format_local(cal, t, buf, size);
	return buf;
}

/* ---- bizcal_add ---- */

struct add_case {
	const char *zone;
	const char *hours;
	const char *const *holidays;
	const char *start;
	int64_t seconds;
	const char *expected;
};

#define SHANGHAI "Asia/Shanghai"
#define BERLIN "Europe/Berlin"
#define SAO_PAULO "America/Sao_Paulo"
#define OFFICE "Mon-Fri 09:00-18:00"
#define LUNCH "Mon-Fri 09:00-12:00 13:00-18:00"

static const struct add_case add_cases[] = {
	/* Friday 2026-11-20 17:00 + 24h business, 9h a day: Fri 1h (1),
	 * Mon 23rd 9h (10), Tue 24th 9h (19), Wed 25th 5h (24) -> Wed 14:00. */
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T17:00:00+08:00", 24 * HOUR, "2026-11-25T14:00:00+08:00" },
	/* The count ends exactly at closing time: Friday 18:00, not Monday. */
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T17:00:00+08:00", 1 * HOUR, "2026-11-20T18:00:00+08:00" },
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T17:00:00+08:00", 1 * HOUR + 1, "2026-11-23T09:00:01+08:00" },
	/* 45h = Fri 1h + Mon-Thu 36h + Fri 27th 8h. */
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T17:00:00+08:00", 45 * HOUR, "2026-11-27T17:00:00+08:00" },
	/* Zero: the first working moment at or after the start. */
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T18:00:00+08:00", 0, "2026-11-23T09:00:00+08:00" },
	{ SHANGHAI, OFFICE, NULL, "2026-11-23T12:00:00+08:00", 0, "2026-11-23T12:00:00+08:00" },
	{ SHANGHAI, OFFICE, NULL, "2026-11-22T23:59:00+08:00", 0, "2026-11-23T09:00:00+08:00" },
	/* Before hours (Mon 07:00) and on a weekend (Sat 21st 10:00). */
	{ SHANGHAI, OFFICE, NULL, "2026-11-23T07:00:00+08:00", 1 * HOUR, "2026-11-23T10:00:00+08:00" },
	{ SHANGHAI, OFFICE, NULL, "2026-11-21T10:00:00+08:00", 1 * HOUR, "2026-11-23T10:00:00+08:00" },
	{ SHANGHAI, OFFICE, NULL, "2026-11-22T20:00:00+08:00", 10 * HOUR, "2026-11-24T10:00:00+08:00" },
	/* The holiday week: Wed 30th 17:00 + 9h = Wed 1h, then Thu 1st ..
	 * Wed 7th are holidays or weekend, Thu 8th 8h -> 17:00. */
	{ SHANGHAI, OFFICE, china_golden_week, "2026-09-30T17:00:00+08:00", 9 * HOUR, "2026-10-08T17:00:00+08:00" },
	{ SHANGHAI, OFFICE, china_golden_week, "2026-09-30T18:00:00+08:00", 0, "2026-10-08T09:00:00+08:00" },
	{ SHANGHAI, OFFICE, china_golden_week, "2026-10-03T12:00:00+08:00", 1 * HOUR, "2026-10-08T10:00:00+08:00" },
	/* Two spans a day: Mon 23rd 11:00 + 2h = 11-12, 13-14. */
	{ SHANGHAI, LUNCH, NULL, "2026-11-23T11:00:00+08:00", 2 * HOUR, "2026-11-23T14:00:00+08:00" },
	{ SHANGHAI, LUNCH, NULL, "2026-11-23T11:00:00+08:00", 1 * HOUR, "2026-11-23T12:00:00+08:00" },
	{ SHANGHAI, LUNCH, NULL, "2026-11-23T12:30:00+08:00", 0, "2026-11-23T13:00:00+08:00" },
	/* Fri 1h, Mon 8h (9), Tue 8h (17), Wed 09-12 (20), 13-17 (24). */
	{ SHANGHAI, LUNCH, NULL, "2026-11-20T17:00:00+08:00", 24 * HOUR, "2026-11-25T17:00:00+08:00" },

	/* Berlin, clocks forward on Sunday 2026-03-29 at 02:00 CET: the span
	 * 01:00 CET (00:00Z) .. 04:00 CEST (02:00Z) holds 2 hours. */
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-03-28T12:00:00+01:00", 90 * MINUTE, "2026-03-29T03:30:00+02:00" },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-03-28T12:00:00+01:00", 2 * HOUR, "2026-03-29T04:00:00+02:00" },
	/* 2h that Sunday, the third hour on Sunday 2026-04-05. */
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-03-28T12:00:00+01:00", 3 * HOUR, "2026-04-05T02:00:00+02:00" },
	/* Clocks back on Sunday 2026-10-25 at 03:00 CEST: 01:00 CEST (23:00Z)
	 * .. 04:00 CET (03:00Z) holds 4 hours; 02:30 happens twice. */
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-24T12:00:00+02:00", 90 * MINUTE, "2026-10-25T02:30:00+02:00" },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-24T12:00:00+02:00", 150 * MINUTE, "2026-10-25T02:30:00+01:00" },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-24T12:00:00+02:00", 210 * MINUTE, "2026-10-25T03:30:00+01:00" },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-24T12:00:00+02:00", 4 * HOUR, "2026-10-25T04:00:00+01:00" },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-24T12:00:00+02:00", 4 * HOUR + 1, "2026-11-01T01:00:01+01:00" },
	/* An ordinary office across the changes: same hours, shifted in UTC. */
	{ BERLIN, OFFICE, NULL, "2026-03-27T17:00:00+01:00", 2 * HOUR, "2026-03-30T10:00:00+02:00" },
	{ BERLIN, OFFICE, NULL, "2026-10-23T17:00:00+02:00", 2 * HOUR, "2026-10-26T10:00:00+01:00" },

	/* Sao Paulo, Sunday 2018-11-04: clocks forward at 00:00 (-03) to
	 * 01:00 (-02); midnight does not exist. Saturday 22:00-24:00 is
	 * 01:00Z .. 03:00Z (2h), Sunday 00:00-02:00 is 03:00Z .. 04:00Z (1h). */
	{ SAO_PAULO, "Sat 22:00-24:00, Sun 00:00-02:00", NULL, "2018-11-03T21:00:00-03:00", 150 * MINUTE, "2018-11-04T01:30:00-02:00" },
	{ SAO_PAULO, "Sat 22:00-24:00, Sun 00:00-02:00", NULL, "2018-11-03T21:00:00-03:00", 3 * HOUR, "2018-11-04T02:00:00-02:00" },
	{ SAO_PAULO, "Sun 00:00-24:00", NULL, "2018-11-03T12:00:00-03:00", 0, "2018-11-04T01:00:00-02:00" },
	{ SAO_PAULO, "Sun 00:00-24:00", NULL, "2018-11-03T12:00:00-03:00", 23 * HOUR, "2018-11-05T00:00:00-02:00" },
	/* 2026: no DST since 2019, a Sunday is 24 hours at -03:00. */
	{ SAO_PAULO, "Sat 22:00-24:00, Sun 00:00-02:00", NULL, "2026-10-31T21:00:00-03:00", 3 * HOUR, "2026-11-01T01:00:00-03:00" },
	{ SAO_PAULO, "Sun 00:00-24:00", NULL, "2026-10-31T12:00:00-03:00", 24 * HOUR, "2026-11-02T00:00:00-03:00" },
	/* Sao Paulo's last fall back, 2019-02-17 00:00 (-02) to 2019-02-16
	 * 23:00 (-03): Saturday 23:00-24:00 lasts 01:00Z .. 03:00Z. */
	{ SAO_PAULO, "Sat 23:00-24:00", NULL, "2019-02-16T12:00:00-02:00", 90 * MINUTE, "2019-02-16T23:30:00-03:00" },
	{ SAO_PAULO, "Sat 23:00-24:00", NULL, "2019-02-16T12:00:00-02:00", 2 * HOUR, "2019-02-17T00:00:00-03:00" },

	/* 10,000 hours from Monday 2026-01-05 09:00: 222 weeks of 45h are
	 * 9,990h and end on Friday 2030-04-05 18:00; Monday 8th 9h, Tuesday
	 * 9th 1h -> 10:00, in summer time. */
	{ BERLIN, OFFICE, NULL, "2026-01-05T09:00:00+01:00", 10000 * HOUR, "2030-04-09T10:00:00+02:00" },
	/* The same in whole weeks over no DST at all. */
	{ SHANGHAI, OFFICE, NULL, "2026-01-05T09:00:00+08:00", 10000 * HOUR, "2030-04-09T10:00:00+08:00" },
};

static void test_add_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(add_cases); i++) {
		const struct add_case *c = &add_cases[i];
		struct bizcal *cal = make_cal(c->zone, c->hours, c->holidays);
		int64_t got = bizcal_add(cal, at(c->start), c->seconds);
		int64_t want = at(c->expected);
		char got_s[32], want_s[32];

		if (got != want)
			fail_msg("case %zu: %s [%s] %s + %" PRId64 "s = %s (%" PRId64 "), want %s (%" PRId64 ")",
			         i, c->zone, c->hours, c->start, c->seconds, show(cal, got, got_s, sizeof(got_s)),
			         got, show(cal, want, want_s, sizeof(want_s)), want);
		bizcal_free(&cal);
		assert_null(cal);
	}
}

/* ---- bizcal_elapsed ---- */

struct elapsed_case {
	const char *zone;
	const char *hours;
	const char *const *holidays;
	const char *from;
	const char *to;
	int64_t expected;
};

static const struct elapsed_case elapsed_cases[] = {
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T17:00:00+08:00", "2026-11-25T14:00:00+08:00", 24 * HOUR },
	{ SHANGHAI, OFFICE, NULL, "2026-11-23T00:00:00+08:00", "2026-11-30T00:00:00+08:00", 45 * HOUR },
	{ SHANGHAI, OFFICE, NULL, "2026-11-23T10:00:00+08:00", "2026-11-23T10:00:00+08:00", 0 },
	{ SHANGHAI, OFFICE, NULL, "2026-11-23T11:00:00+08:00", "2026-11-23T10:00:00+08:00", 0 },
	{ SHANGHAI, OFFICE, NULL, "2026-11-21T00:00:00+08:00", "2026-11-23T00:00:00+08:00", 0 },
	/* Mon 28th - Wed 30th 27h, Thu 1st - Wed 7th off, Thu 8th - Fri 9th 18h. */
	{ SHANGHAI, OFFICE, china_golden_week, "2026-09-28T00:00:00+08:00", "2026-10-12T00:00:00+08:00", 45 * HOUR },
	{ SHANGHAI, LUNCH, NULL, "2026-11-23T00:00:00+08:00", "2026-11-24T00:00:00+08:00", 8 * HOUR },
	{ SHANGHAI, LUNCH, NULL, "2026-11-23T11:30:00+08:00", "2026-11-23T13:30:00+08:00", 1 * HOUR },
	/* 520 weeks, 2026-01-05 (Mon) to 2035-12-24 (Mon). */
	{ SHANGHAI, OFFICE, NULL, "2026-01-05T00:00:00+08:00", "2035-12-24T00:00:00+08:00", 520 * 45 * HOUR },
	/* One Sunday, short, long and ordinary. */
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-03-28T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 2 * HOUR },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-24T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 4 * HOUR },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-06-06T00:00:00+02:00", "2026-06-08T00:00:00+02:00", 3 * HOUR },
	/* The repeated hour, first pass only and second pass only. */
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-25T02:00:00+02:00", "2026-10-25T03:00:00+02:00", 1 * HOUR },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-25T02:00:00+01:00", "2026-10-25T03:00:00+01:00", 1 * HOUR },
	/* 26 Sundays from 2026-01-11 to 2026-07-05, one of them 2h: 77h. */
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-01-05T00:00:00+01:00", "2026-07-06T00:00:00+02:00", 77 * HOUR },
	{ BERLIN, OFFICE, NULL, "2026-03-27T09:00:00+01:00", "2026-03-30T18:00:00+02:00", 18 * HOUR },
	/* 52 weeks over both changes: nothing changes for 09:00-18:00. */
	{ BERLIN, OFFICE, NULL, "2026-01-05T00:00:00+01:00", "2027-01-04T00:00:00+01:00", 52 * 45 * HOUR },
	{ SAO_PAULO, "Sat 22:00-24:00, Sun 00:00-02:00", NULL, "2018-11-03T00:00:00-03:00", "2018-11-05T00:00:00-02:00", 3 * HOUR },
	{ SAO_PAULO, "Sat 22:00-24:00, Sun 00:00-02:00", NULL, "2026-10-31T00:00:00-03:00", "2026-11-02T00:00:00-03:00", 4 * HOUR },
	{ SAO_PAULO, "Sun 00:00-24:00", NULL, "2018-11-03T00:00:00-03:00", "2018-11-06T00:00:00-02:00", 23 * HOUR },
	{ SAO_PAULO, "Sun 00:00-24:00", NULL, "2026-10-31T00:00:00-03:00", "2026-11-03T00:00:00-03:00", 24 * HOUR },
	{ SAO_PAULO, "Sat 23:00-24:00", NULL, "2019-02-16T00:00:00-02:00", "2019-02-18T00:00:00-03:00", 2 * HOUR },
	{ SAO_PAULO, OFFICE, NULL, "2026-11-02T00:00:00-03:00", "2026-11-09T00:00:00-03:00", 45 * HOUR },
	/* Santiago goes back from 24:00 (-03) to 23:00 (-04) on Saturday
	 * 2026-04-04: 23:00-24:00 is 02:00Z .. 04:00Z. */
	{ "America/Santiago", "Sat 23:00-24:00", NULL, "2026-04-04T00:00:00-03:00", "2026-04-06T00:00:00-04:00", 2 * HOUR },
	/* Lord Howe moves by 30 minutes at 02:00: Sunday 01:00-03:00 is
	 * 14:00Z .. 16:30Z on 2026-04-05 and 14:30Z .. 16:00Z on 2026-10-04. */
	{ "Australia/Lord_Howe", "Sun 01:00-03:00", NULL, "2026-04-04T00:00:00+11:00", "2026-04-06T00:00:00+10:30", 150 * MINUTE },
	{ "Australia/Lord_Howe", "Sun 01:00-03:00", NULL, "2026-10-03T00:00:00+10:30", "2026-10-05T00:00:00+11:00", 90 * MINUTE },
};

static void test_elapsed_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(elapsed_cases); i++) {
		const struct elapsed_case *c = &elapsed_cases[i];
		struct bizcal *cal = make_cal(c->zone, c->hours, c->holidays);
		int64_t got = bizcal_elapsed(cal, at(c->from), at(c->to));

		if (got != c->expected)
			fail_msg("case %zu: %s [%s] %s .. %s = %" PRId64 "s, want %" PRId64 "s", i, c->zone,
			         c->hours, c->from, c->to, got, c->expected);
		bizcal_free(&cal);
	}
}

/* ---- bizcal_is_working ---- */

struct working_case {
	const char *zone;
	const char *hours;
	const char *const *holidays;
	const char *t;
	bool expected;
};

static const struct working_case working_cases[] = {
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T09:00:00+08:00", true },
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T08:59:59+08:00", false },
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T17:59:59+08:00", true },
	{ SHANGHAI, OFFICE, NULL, "2026-11-20T18:00:00+08:00", false },
	{ SHANGHAI, OFFICE, NULL, "2026-11-21T12:00:00+08:00", false },
	{ SHANGHAI, OFFICE, china_golden_week, "2026-10-01T12:00:00+08:00", false },
	{ SHANGHAI, OFFICE, china_golden_week, "2026-09-30T12:00:00+08:00", true },
	{ SHANGHAI, LUNCH, NULL, "2026-11-23T12:30:00+08:00", false },
	{ SHANGHAI, LUNCH, NULL, "2026-11-23T13:00:00+08:00", true },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-03-29T00:59:59+01:00", false },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-03-29T01:00:00+01:00", true },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-03-29T03:30:00+02:00", true },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-03-29T04:00:00+02:00", false },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-25T02:30:00+02:00", true },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-25T02:30:00+01:00", true },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-25T03:59:59+01:00", true },
	{ BERLIN, "Sun 01:00-04:00", NULL, "2026-10-25T04:00:00+01:00", false },
	{ SAO_PAULO, "Sun 00:00-24:00", NULL, "2018-11-03T23:59:59-03:00", false },  /* Saturday */
	{ SAO_PAULO, "Sun 00:00-24:00", NULL, "2018-11-04T00:59:59-03:00", true },   /* = 01:59:59-02:00 */
	{ SAO_PAULO, "Sun 00:00-24:00", NULL, "2018-11-04T01:00:00-02:00", true },
};

static void test_is_working_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(working_cases); i++) {
		const struct working_case *c = &working_cases[i];
		struct bizcal *cal = make_cal(c->zone, c->hours, c->holidays);

		if (bizcal_is_working(cal, at(c->t)) != c->expected)
			fail_msg("case %zu: %s [%s] %s: working should be %d", i, c->zone, c->hours, c->t,
			         c->expected);
		bizcal_free(&cal);
	}
}

/* ---- bizcal_next_local_time ---- */

struct next_case {
	const char *zone;
	const char *t;
	int hh, mm;
	const char *expected;   /* NULL: INT64_MAX */
};

static const struct next_case next_cases[] = {
	{ SHANGHAI, "2026-11-20T09:00:00+08:00", 8, 30, "2026-11-21T08:30:00+08:00" },
	{ SHANGHAI, "2026-11-20T08:30:00+08:00", 8, 30, "2026-11-20T08:30:00+08:00" },
	{ SHANGHAI, "2026-11-20T08:29:59+08:00", 8, 30, "2026-11-20T08:30:00+08:00" },
	/* Across the spring change: the next morning is at +02:00. */
	{ BERLIN, "2026-03-28T09:00:00+01:00", 8, 30, "2026-03-29T08:30:00+02:00" },
	/* 02:30 does not exist on 2026-03-29: it moves to 03:00 CEST. */
	{ BERLIN, "2026-03-29T00:00:00+01:00", 2, 30, "2026-03-29T03:00:00+02:00" },
	/* 02:30 happens twice on 2026-10-25: the first one, and once a day. */
	{ BERLIN, "2026-10-25T00:00:00+02:00", 2, 30, "2026-10-25T02:30:00+02:00" },
	{ BERLIN, "2026-10-25T02:30:01+02:00", 2, 30, "2026-10-26T02:30:00+01:00" },
	{ BERLIN, "2026-10-24T09:00:00+02:00", 8, 30, "2026-10-25T08:30:00+01:00" },
	/* Midnight did not exist in Sao Paulo on 2018-11-04. */
	{ SAO_PAULO, "2018-11-03T12:00:00-03:00", 0, 0, "2018-11-04T01:00:00-02:00" },
	{ SAO_PAULO, "2026-11-03T12:00:00-03:00", 0, 0, "2026-11-04T00:00:00-03:00" },
	{ BERLIN, "2026-10-24T09:00:00+02:00", 24, 0, NULL },
	{ BERLIN, "2026-10-24T09:00:00+02:00", 8, 60, NULL },
	{ BERLIN, "2026-10-24T09:00:00+02:00", -1, 0, NULL },
};

static void test_next_local_time_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(next_cases); i++) {
		const struct next_case *c = &next_cases[i];
		struct bizcal *cal = make_cal(c->zone, OFFICE, NULL);
		int64_t got = bizcal_next_local_time(cal, at(c->t), c->hh, c->mm);
		int64_t want = c->expected != NULL ? at(c->expected) : INT64_MAX;
		char got_s[32];

		if (got != want)
			fail_msg("case %zu: %s after %s next %02d:%02d = %s, want %s", i, c->zone, c->t,
			         c->hh, c->mm, show(cal, got, got_s, sizeof(got_s)),
			         c->expected != NULL ? c->expected : "never");
		bizcal_free(&cal);
	}
}

/* ---- bizcal_day_start ---- */

static void test_day_start(void **state)
{
	(void)state;
	struct bizcal *berlin = make_cal(BERLIN, OFFICE, NULL);
	struct bizcal *shanghai = make_cal(SHANGHAI, OFFICE, NULL);
	int64_t t = 0;

	assert_int_equal(bizcal_day_start(shanghai, "2026-11-23", 0, &t), 0);
	assert_true(t == at("2026-11-23T00:00:00+08:00"));
	assert_int_equal(bizcal_day_start(shanghai, "2026-11-23", -3, &t), 0);
	assert_true(t == at("2026-11-20T00:00:00+08:00"));
	/* across the end of summer time (Sun 2026-10-25): whole local days */
	assert_int_equal(bizcal_day_start(berlin, "2026-10-24", 3, &t), 0);
	assert_true(t == at("2026-10-27T00:00:00+01:00"));
	assert_int_equal(bizcal_day_start(berlin, "2026-10-27", -3, &t), 0);
	assert_true(t == at("2026-10-24T00:00:00+02:00"));
	assert_int_equal(bizcal_day_start(berlin, "2026-02-30", 0, &t), -1);
	assert_int_equal(bizcal_day_start(berlin, "2026-2-3", 0, &t), -1);
	assert_int_equal(bizcal_day_start(berlin, NULL, 0, &t), -1);
	assert_int_equal(bizcal_day_start(berlin, "2199-12-31", 1, &t), -1);
	assert_int_equal(bizcal_day_start(berlin, "2026-01-01", INT64_MAX, &t), -1);
	bizcal_free(&berlin);
	bizcal_free(&shanghai);
}

/* ---- bizcal_format_local ---- */

static void test_format_local(void **state)
{
	struct bizcal *shanghai = make_cal(SHANGHAI, OFFICE, NULL);
	struct bizcal *berlin = make_cal(BERLIN, OFFICE, NULL);
	struct bizcal *sao_paulo = make_cal(SAO_PAULO, OFFICE, NULL);
	char buf[32];

	(void)state;
	bizcal_format_local(shanghai, at("2026-11-24T01:00:00Z"), buf, sizeof(buf));
	assert_string_equal(buf, "2026-11-24 09:00");
	bizcal_format_local(shanghai, at("2026-12-31T16:00:00Z"), buf, sizeof(buf));
	assert_string_equal(buf, "2027-01-01 00:00");
	bizcal_format_local(berlin, at("2026-10-25T00:30:00Z"), buf, sizeof(buf));
	assert_string_equal(buf, "2026-10-25 02:30");
	bizcal_format_local(berlin, at("2026-10-25T01:30:00Z"), buf, sizeof(buf));
	assert_string_equal(buf, "2026-10-25 02:30");
	bizcal_format_local(berlin, at("2026-03-29T01:00:00Z"), buf, sizeof(buf));
	assert_string_equal(buf, "2026-03-29 03:00");
	bizcal_format_local(sao_paulo, at("2018-11-04T03:00:00Z"), buf, sizeof(buf));
	assert_string_equal(buf, "2018-11-04 01:00");
	bizcal_format_local(sao_paulo, at("1969-12-31T23:59:00Z"), buf, sizeof(buf));
	assert_string_equal(buf, "1969-12-31 20:59");
	/* A short buffer is cut, never overrun. */
	memset(buf, 'x', sizeof(buf));
	bizcal_format_local(shanghai, at("2026-11-24T01:00:00Z"), buf, 5);
	assert_string_equal(buf, "2026");
	assert_int_equal(buf[5], 'x');
	/* Absurd instants still give a date. */
	bizcal_format_local(shanghai, INT64_MAX, buf, sizeof(buf));
	assert_int_equal(strlen(buf), 16);
	bizcal_format_local(shanghai, INT64_MIN, buf, sizeof(buf));
	assert_int_equal(strlen(buf), 16);
	bizcal_free(&shanghai);
	bizcal_free(&berlin);
	bizcal_free(&sao_paulo);
}

/* ---- properties: add and elapsed are inverses ---- */

static void check_inverse(const struct bizcal *cal, int64_t start, int64_t seconds)
{
	int64_t end = bizcal_add(cal, start, seconds);
	char a[32], b[32];

	if (end == INT64_MAX)
		fail_msg("add(%s, %" PRId64 ") gave never", show(cal, start, a, sizeof(a)), seconds);
	if (bizcal_elapsed(cal, start, end) != seconds)
		fail_msg("elapsed(%s, add(.., %" PRId64 ") = %s) = %" PRId64, show(cal, start, a, sizeof(a)),
		         seconds, show(cal, end, b, sizeof(b)), bizcal_elapsed(cal, start, end));
	/* The end is a working moment, or the end of one. */
	if (seconds > 0 && !bizcal_is_working(cal, end - 1))
		fail_msg("add(%s, %" PRId64 ") = %s ends outside working time",
		         show(cal, start, a, sizeof(a)), seconds, show(cal, end, b, sizeof(b)));
	if (seconds == 0 && !bizcal_is_working(cal, end))
		fail_msg("add(%s, 0) = %s is not a working moment", show(cal, start, a, sizeof(a)),
		         show(cal, end, b, sizeof(b)));
}

static void check_add_of_elapsed(const struct bizcal *cal, int64_t start, int64_t t)
{
	int64_t e = bizcal_elapsed(cal, start, t);
	char a[32], b[32];

	if (e > 0 && bizcal_is_working(cal, t) && bizcal_add(cal, start, e) != t)
		fail_msg("add(%s, elapsed(.., %s)) != t", show(cal, start, a, sizeof(a)),
		         show(cal, t, b, sizeof(b)));
	if (e > 0 && bizcal_add(cal, start, e) > t)
		fail_msg("add(%s, elapsed(.., %s)) is after t", show(cal, start, a, sizeof(a)),
		         show(cal, t, b, sizeof(b)));
}

static void test_inverse_properties(void **state)
{
	static const struct {
		const char *zone, *hours, *from;
	} calendars[] = {
		{ BERLIN, "Sun 01:00-04:00", "2026-03-21T00:00:00+01:00" },
		{ BERLIN, "Sun 01:00-04:00", "2026-10-17T00:00:00+02:00" },
		{ BERLIN, "Mon-Sun 00:00-24:00", "2026-03-27T00:00:00+01:00" },
		{ BERLIN, "Mon-Sun 00:00-24:00", "2026-10-23T00:00:00+02:00" },
		{ BERLIN, "Mon-Sun 01:30-02:45 02:50-03:10", "2026-10-23T00:00:00+02:00" },
		{ BERLIN, "Mon-Sun 01:30-02:45 02:50-03:10", "2026-03-27T00:00:00+01:00" },
		{ BERLIN, OFFICE, "2026-03-20T00:00:00+01:00" },
		{ SAO_PAULO, "Sat 22:00-24:00, Sun 00:00-02:00", "2018-10-27T00:00:00-03:00" },
		{ SAO_PAULO, "Mon-Sun 00:00-24:00", "2019-02-10T00:00:00-02:00" },
		{ SHANGHAI, LUNCH, "2026-09-25T00:00:00+08:00" },
		/* Changes at midnight (Santiago: 24:00 back to 23:00 on
		 * 2026-04-04, 24:00 forward to 01:00 on 2026-09-05) and by
		 * half an hour (Lord Howe, 2026-04-05 and 2026-10-04). */
		{ "America/Santiago", "Mon-Sun 00:00-24:00", "2026-03-30T00:00:00-03:00" },
		{ "America/Santiago", "Fri-Sat 22:30-24:00, Sat-Sun 00:00-00:45", "2026-08-31T00:00:00-04:00" },
		{ "America/Santiago", "Fri-Sat 22:30-24:00, Sat-Sun 00:00-00:45", "2026-03-30T00:00:00-03:00" },
		{ "Australia/Lord_Howe", "Mon-Sun 01:00-03:00", "2026-03-30T00:00:00+11:00" },
		{ "Australia/Lord_Howe", "Mon-Sun 01:00-03:00", "2026-09-28T00:00:00+10:30" },
	};
	GRand *rand = g_rand_new_with_seed(20261125);

	(void)state;
	for (size_t c = 0; c < G_N_ELEMENTS(calendars); c++) {
		struct bizcal *cal = make_cal(calendars[c].zone, calendars[c].hours, china_golden_week);
		int64_t from = at(calendars[c].from);

		/* Every 20 minutes of two weeks around the change, and a random
		 * second in each step. */
		for (int64_t t = from; t < from + 14 * 24 * HOUR; t += 20 * MINUTE) {
			int64_t jitter = g_rand_int_range(rand, 0, 20 * 60);
			check_inverse(cal, t, 0);
			check_inverse(cal, t + jitter, g_rand_int_range(rand, 1, 30 * 3600));
			check_add_of_elapsed(cal, from, t + jitter);
			check_add_of_elapsed(cal, t, t + g_rand_int_range(rand, 0, 9 * 24 * 3600));
		}
		bizcal_free(&cal);
	}
	g_rand_free(rand);
}

/* ---- limits ---- */

static void test_no_working_time(void **state)
{
	struct bizcal *cal = make_cal(BERLIN, NULL, NULL);
	int64_t t = at("2026-11-24T09:00:00+01:00");

	(void)state;
	assert_int_equal(bizcal_add(cal, t, 0), INT64_MAX);
	assert_int_equal(bizcal_add(cal, t, HOUR), INT64_MAX);
	assert_int_equal(bizcal_elapsed(cal, t, t + 1000 * 24 * HOUR), 0);
	assert_false(bizcal_is_working(cal, t));
	/* Digests do not need working hours. */
	assert_int_equal(bizcal_next_local_time(cal, t, 10, 0), at("2026-11-24T10:00:00+01:00"));
	bizcal_free(&cal);
}

static void test_holidays_for_years(void **state)
{
	GPtrArray *days = g_ptr_array_new_with_free_func(g_free);
	struct bizcal *cal;
	GDate date;

	(void)state;
	/* Every day of 2026-2035 is a holiday: the next working hour is on
	 * Tuesday 2036-01-01. */
	g_date_clear(&date, 1);
	for (g_date_set_dmy(&date, 1, 1, 2026); g_date_get_year(&date) < 2036; g_date_add_days(&date, 1))
		g_ptr_array_add(days, g_strdup_printf("%04u-%02u-%02u", (unsigned)g_date_get_year(&date),
		                                      (unsigned)g_date_get_month(&date),
		                                      (unsigned)g_date_get_day(&date)));
	g_ptr_array_add(days, NULL);
	cal = make_cal(SHANGHAI, OFFICE, (const char *const *)days->pdata);
	assert_int_equal(bizcal_add(cal, at("2026-01-01T00:00:00+08:00"), HOUR),
	                 at("2036-01-01T10:00:00+08:00"));
	assert_int_equal(bizcal_elapsed(cal, at("2026-01-01T00:00:00+08:00"),
	                                at("2036-01-01T00:00:00+08:00")), 0);
	assert_int_equal(bizcal_elapsed(cal, at("2025-12-31T00:00:00+08:00"),
	                                at("2036-01-02T00:00:00+08:00")), 18 * HOUR);
	bizcal_free(&cal);
	g_ptr_array_free(days, TRUE);
}

static void test_huge_durations(void **state)
{
	struct bizcal *berlin = make_cal(BERLIN, "Mon-Fri 09:00-18:00, Sun 01:00-04:00", china_golden_week);
	struct bizcal *shanghai = make_cal(SHANGHAI, OFFICE, china_golden_week);
	int64_t t = at("2026-11-24T09:00:00+01:00");
	double began = test_cpu_seconds();
	int64_t end;

	(void)state;
	assert_int_equal(bizcal_add(berlin, t, INT64_MAX), INT64_MAX);
	assert_int_equal(bizcal_add(shanghai, t, INT64_MAX), INT64_MAX);
	assert_int_equal(bizcal_add(berlin, INT64_MAX, 0), INT64_MAX);
	assert_int_equal(bizcal_add(berlin, INT64_MAX - 1, HOUR), INT64_MAX);
	/* A century of working time, found and checked both ways. */
	end = bizcal_add(berlin, t, 100 * 52 * 48 * HOUR);
	assert_true(end < INT64_MAX);
	assert_int_equal(bizcal_elapsed(berlin, t, end), 100 * 52 * 48 * HOUR);
	/* Everything the calendar can hold. */
	assert_true(bizcal_elapsed(berlin, INT64_MIN, INT64_MAX) > 250 * 52 * 48 * HOUR);
	assert_true(bizcal_elapsed(shanghai, INT64_MIN, INT64_MAX) > 250 * 52 * 45 * HOUR);
	assert_int_equal(bizcal_elapsed(berlin, INT64_MAX, INT64_MIN), 0);
	assert_false(bizcal_is_working(berlin, INT64_MAX));
	assert_false(bizcal_is_working(berlin, INT64_MIN));
	assert_int_equal(bizcal_next_local_time(berlin, INT64_MAX, 8, 30), INT64_MAX);
	/* Far in the past the count starts in 1900. */
	end = bizcal_add(shanghai, INT64_MIN, 0);
	assert_true(end > at("1900-01-01T00:00:00Z") && end < at("1900-01-02T00:00:00Z"));
	bizcal_free(&berlin);
	bizcal_free(&shanghai);
	if (getenv("BIZCAL_TIMING") != NULL)
		printf("# huge durations: %.0f ms of CPU\n", (test_cpu_seconds() - began) * 1000);
	/* A day-by-day walk would take minutes of CPU under valgrind
	 * (tests/unit/cpu_time.h). */
	if (test_cpu_seconds() - began > 20)
		fail_msg("huge durations took %.0f s of CPU", test_cpu_seconds() - began);
}

static void test_new_errors(void **state)
{
	GTimeZone *tz = g_time_zone_new_identifier(BERLIN);
	struct work_span good = { 1, 9 * 60, 18 * 60 };
	struct work_span bad_spans[][2] = {
		{ { 7, 9 * 60, 18 * 60 }, { 1, 0, 1 } },             /* weekday 7 */
		{ { -1, 9 * 60, 18 * 60 }, { 1, 0, 1 } },
		{ { 1, 18 * 60, 9 * 60 }, { 2, 0, 1 } },             /* backwards */
		{ { 1, 9 * 60, 9 * 60 }, { 2, 0, 1 } },              /* empty */
		{ { 1, 9 * 60, 24 * 60 + 1 }, { 2, 0, 1 } },         /* past 24:00 */
		{ { 1, -5, 60 }, { 2, 0, 1 } },
		{ { 1, 13 * 60, 18 * 60 }, { 1, 9 * 60, 13 * 60 + 1 } }, /* overlap */
	};
	const char *const bad_holidays[][2] = {
		{ "2026-02-30", NULL }, { "2026-1-01", NULL }, { "2026-01-01x", NULL },
		{ "", NULL }, { "0000-01-01", NULL }, { "2026-13-01", NULL }, { "2026/01/01", NULL },
	};
	const char *const fine_holidays[] = { "2026-12-25", "2024-02-29", "2026-12-25", "2026-01-01", NULL };
	struct bizcal *cal = (struct bizcal *)&good;   /* must be reset to NULL on error */
	const char *error = NULL;

	(void)state;
	assert_int_equal(bizcal_new(NULL, &good, 1, NULL, &cal, &error), -1);
	assert_null(cal);
	assert_non_null(error);
	for (size_t i = 0; i < G_N_ELEMENTS(bad_spans); i++) {
		error = NULL;
		if (bizcal_new(tz, bad_spans[i], 2, NULL, &cal, &error) != -1 || cal != NULL || error == NULL)
			fail_msg("bad span set %zu accepted", i);
	}
	assert_int_equal(bizcal_new(tz, NULL, 1, NULL, &cal, &error), -1);
	for (size_t i = 0; i < G_N_ELEMENTS(bad_holidays); i++) {
		error = NULL;
		if (bizcal_new(tz, &good, 1, bad_holidays[i], &cal, &error) != -1 || cal != NULL ||
		    error == NULL)
			fail_msg("bad holiday '%s' accepted", bad_holidays[i][0]);
	}
	/* Unsorted and repeated holidays are fine; adjacent spans too. */
	assert_int_equal(bizcal_new(tz, &good, 1, fine_holidays, &cal, NULL), 0);
	assert_false(bizcal_is_working(cal, at("2026-12-25T10:00:00+01:00")));  /* a Friday */
	assert_true(bizcal_is_working(cal, at("2026-12-28T10:00:00+01:00")));   /* Monday */
	bizcal_free(&cal);
	bizcal_free(&cal);   /* twice is harmless */
	{
		struct work_span adjacent[] = { { 1, 12 * 60, 18 * 60 }, { 1, 9 * 60, 12 * 60 } };
		assert_int_equal(bizcal_new(tz, adjacent, 2, NULL, &cal, &error), 0);
		assert_int_equal(bizcal_add(cal, at("2026-11-23T11:00:00+01:00"), 2 * HOUR),
		                 at("2026-11-23T13:00:00+01:00"));
		bizcal_free(&cal);
	}
	g_time_zone_unref(tz);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_table),
		cmocka_unit_test(test_elapsed_table),
		cmocka_unit_test(test_is_working_table),
		cmocka_unit_test(test_next_local_time_table),
		cmocka_unit_test(test_day_start),
		cmocka_unit_test(test_format_local),
		cmocka_unit_test(test_inverse_properties),
		cmocka_unit_test(test_no_working_time),
		cmocka_unit_test(test_holidays_for_years),
		cmocka_unit_test(test_huge_durations),
		cmocka_unit_test(test_new_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
