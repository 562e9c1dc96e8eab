/*
 * libFuzzer target for rules/bizcal.c: the input chooses a time zone,
 * working spans, holidays, instants and durations; the calendar's answers
 * must agree with each other:
 *   - elapsed(s, add(s, d)) == d, and add's answer ends in working time;
 *   - add is monotonic in d; elapsed is additive and at most the real time;
 *   - next_local_time is at or after t and within three days.
 * Zones are chosen for their odd changes: midnight (Sao Paulo, Santiago),
 * half an hour (Lord Howe), a whole day skipped (Apia, 2011-12-30).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "rules/bizcal.h"

#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const zone_names[] = {
	"UTC", "Europe/Berlin", "America/Sao_Paulo", "Asia/Shanghai", "America/Santiago",
	"Australia/Lord_Howe", "Pacific/Apia", "America/St_Johns", "Asia/Tehran",
	"America/New_York",
};


/* Mostly instants from 2008 to 2031, where the zones' changes are. */
static int64_t take_instant(struct fuzz_reader *r)
{
	uint64_t kind = fuzz_take(r, 1);

	if (kind == 0xff)
		return (int64_t)fuzz_take(r, 8);
	return INT64_C(1199145600) + (int64_t)(fuzz_take(r, 4) % (UINT64_C(24) * 366 * 86400));
}

static int64_t take_duration(struct fuzz_reader *r)
{
	uint64_t kind = fuzz_take(r, 1);

	if (kind == 0xff)
		return (int64_t)(fuzz_take(r, 8) >> 1);
	if (kind >= 0xf0)
		return (int64_t)(fuzz_take(r, 4) % (UINT64_C(50) * 366 * 86400));
	return (int64_t)(fuzz_take(r, 3) % (UINT64_C(60) * 86400));
}

static GTimeZone *zone(size_t i)
{
	static GTimeZone *zones[G_N_ELEMENTS(zone_names)];

	if (zones[i] == NULL)
		zones[i] = g_time_zone_new_identifier(zone_names[i]);
	return zones[i];
}

static void check_add(const struct bizcal *cal, int64_t start, int64_t seconds)
{
	int64_t end = bizcal_add(cal, start, seconds);

	if (end == INT64_MAX)
		return;
	CHECK(end >= start || start < INT64_C(-2208988800));  /* before 1900: clamped */
	if (start < INT64_C(-2208988800))
		return;
	CHECK(bizcal_elapsed(cal, start, end) == seconds);
	CHECK(seconds == 0 ? bizcal_is_working(cal, end) : bizcal_is_working(cal, end - 1));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_reader r = { data, size };
	struct work_span spans[8];
	char holiday_text[8][16];
	const char *holidays[9];
	size_t n_spans = fuzz_take(&r, 1) % 9, n_holidays = fuzz_take(&r, 1) % 9;
	GTimeZone *tz = zone(fuzz_take(&r, 1) % G_N_ELEMENTS(zone_names));
	struct bizcal *cal = NULL;
	const char *error = NULL;
	int64_t a, b, c, d1, d2, t;
	char buf[32];

	if (tz == NULL)
		return 0;
	for (size_t i = 0; i < n_spans; i++) {
		spans[i].weekday = (int)(fuzz_take(&r, 1) % 8);            /* 7: invalid */
		spans[i].start_min = (int)(fuzz_take(&r, 2) % 1442);        /* 1441: invalid */
		spans[i].end_min = (int)(fuzz_take(&r, 2) % 1442);
	}
	for (size_t i = 0; i < n_holidays; i++) {
		GDate date;
		g_date_clear(&date, 1);
		g_date_set_dmy(&date, 1, 1, 2008);
		g_date_add_days(&date, (guint)(fuzz_take(&r, 2) % (24 * 366)));
		snprintf(holiday_text[i], sizeof(holiday_text[i]), "%04u-%02u-%02u",
		         (unsigned)g_date_get_year(&date), (unsigned)g_date_get_month(&date),
		         (unsigned)g_date_get_day(&date));
		holidays[i] = holiday_text[i];
	}
	holidays[n_holidays] = NULL;
	if (bizcal_new(tz, spans, n_spans, holidays, &cal, &error) < 0) {
		CHECK(cal == NULL && error != NULL);
		return 0;
	}
	a = take_instant(&r);
	b = take_instant(&r);
	c = take_instant(&r);
	d1 = take_duration(&r);
	d2 = take_duration(&r);
	check_add(cal, a, 0);
	check_add(cal, a, d1);
	check_add(cal, b, d2);
	CHECK(bizcal_add(cal, a, MIN(d1, d2)) <= bizcal_add(cal, a, MAX(d1, d2)));
	if (a > b) { t = a; a = b; b = t; }
	if (b > c) { t = b; b = c; c = t; }
	if (a > b) { t = a; a = b; b = t; }
	CHECK(bizcal_elapsed(cal, a, c) == bizcal_elapsed(cal, a, b) + bizcal_elapsed(cal, b, c));
	CHECK(bizcal_elapsed(cal, a, b) >= 0);
	CHECK(a < INT64_C(-2208988800) || bizcal_elapsed(cal, a, b) <= b - a);
	CHECK(bizcal_elapsed(cal, c, a) == 0 || a == c);
	t = bizcal_next_local_time(cal, a, (int)(fuzz_take(&r, 1) % 25), (int)(fuzz_take(&r, 1) % 61));
	CHECK(t == INT64_MAX || (t >= a && t - a <= 3 * 86400) || a < INT64_C(-2208988800));
	bizcal_format_local(cal, a, buf, sizeof(buf));
	CHECK(strlen(buf) == 16);
	bizcal_free(&cal);
	return 0;
}
