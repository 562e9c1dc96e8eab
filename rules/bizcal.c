/*
 * rules/bizcal.c: business time over a time zone, weekly working spans and
 * holiday dates.
 *
 * The model. A local day D (days since 1970-01-01 in the calendar's zone)
 * works during its weekday's spans unless it is a holiday. A span's local
 * start and end become instants through local_to_instant(): "the first
 * instant at which the wall clock shows this local time or later". That
 * one rule settles DST: a local time inside a spring-forward gap moves
 * forward to the end of the gap, a local time that happens twice (fall
 * back) means its first occurrence, and the mapping never goes backwards,
 * so consecutive spans and days never overlap. A span's working time is
 * then simply end instant minus start instant (01:00-04:00 is 2 hours on
 * the day clocks go forward and 4 hours on the day they go back).
 *
 * Speed. Walking day by day is exact but slow for long durations, so whole
 * weeks are skipped when nothing can make them differ from the nominal
 * week: no holiday among them and no UTC offset change between their first
 * and last instant (the same GTimeZone interval). The largest such run of
 * weeks is found by galloping, so a duration of years costs a few lookups
 * per DST change and per holiday. Days outside [1900, 2200) are never
 * working: every loop is bounded by that range, and a result beyond it is
 * INT64_MAX ("never").
 */
#include "rules/bizcal.h"
#include "lib/zonetime.h"

#include <stdio.h>
#include <string.h>

#define SECS_PER_DAY INT64_C(86400)
#define FIRST_YEAR 1900
#define END_YEAR 2200      /* exclusive */
/* GDate's Julian day number of 1970-01-01 (GDate counts 0001-01-01 as 1). */
#define JULIAN_1970 INT64_C(719163)

struct bizcal {
	GTimeZone *tz;                    /* referenced */
	struct work_span *spans;   /* sorted by weekday, then start */
	size_t n_spans;
	size_t weekday_first[8];          /* spans of weekday w: [first[w], first[w + 1]) */
	int64_t weekday_seconds[7];       /* nominal working seconds of each weekday */
	int64_t week_seconds;             /* their sum */
	int64_t *holidays;                /* sorted, unique day numbers */
	size_t n_holidays;
	int64_t first_day, end_day;       /* the supported local days [first, end) */
	int64_t min_instant, max_instant; /* instants safely around that range */
};

/* ---- dates ---- */

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

/* Sunday = 0 ... Saturday = 6, like struct tm; 1970-01-01 was a Thursday. */
static int day_weekday(int64_t day)
{
	return (int)(((day % 7) + 7 + 4) % 7);
}

static int64_t day_from_date(int year, int month, int mday)
{
	GDate date;

	g_date_clear(&date, 1);
	g_date_set_dmy(&date, (GDateDay)mday, (GDateMonth)month, (GDateYear)year);
	return (int64_t)g_date_get_julian(&date) - JULIAN_1970;
}

/* "YYYY-MM-DD" exactly, a real date: 0 and *day_r, or -1. */
static int parse_day(const char *text, int64_t *day_r)
{
	static const char shape[] = "dddd-dd-dd";
	int year, month, mday;

	if (text == NULL || strlen(text) != sizeof(shape) - 1)
		return -1;
	for (size_t i = 0; i < sizeof(shape) - 1; i++) {
		bool want_digit = shape[i] == 'd';
		if (want_digit ? !g_ascii_isdigit(text[i]) : text[i] != '-')
			return -1;
	}
	year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
	month = (text[5] - '0') * 10 + (text[6] - '0');
	mday = (text[8] - '0') * 10 + (text[9] - '0');
	if (year < 1 || !g_date_valid_dmy((GDateDay)mday, (GDateMonth)month, (GDateYear)year))
		return -1;
	*day_r = day_from_date(year, month, mday);
	return 0;
}

/* ---- the time zone ---- */

static int32_t offset_at(const struct bizcal *cal, int64_t t)
{
	gint interval = g_time_zone_find_interval(cal->tz, G_TIME_TYPE_UNIVERSAL, t);

	return g_time_zone_get_offset(cal->tz, interval);
}

static gint interval_at(const struct bizcal *cal, int64_t t)
{
	return g_time_zone_find_interval(cal->tz, G_TIME_TYPE_UNIVERSAL, t);
}

static int64_t local_seconds(const struct bizcal *cal, int64_t t)
{
	return t + offset_at(cal, t);
}

static int64_t local_day(const struct bizcal *cal, int64_t t)
{
	return floor_div(local_seconds(cal, t), SECS_PER_DAY);
}

/* The first instant whose local time is >= local, searched in (lo, hi]
 * where the answer must lie: only for times inside a gap. */
static int64_t first_instant_showing(const struct bizcal *cal, int64_t local, int64_t lo,
                                     int64_t hi)
{
	if (local_seconds(cal, hi) < local)
		return hi;
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		if (local_seconds(cal, mid) >= local)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* The first instant at which the wall clock shows `local` (seconds since
 * 1970-01-01 00:00 local) or later. A time exists under the offset in
 * force a day before or the one a day after (no zone changes twice within
 * two days); when it exists under both, the earlier is the first
 * occurrence; when under neither, it is in a gap. */
static int64_t local_to_instant(const struct bizcal *cal, int64_t local)
{
	int32_t before = offset_at(cal, local - SECS_PER_DAY);
	int32_t after = offset_at(cal, local + SECS_PER_DAY);
	int64_t t_before = local - before;
	int64_t t_after = local - after;

	/* The same offset a day before and a day after: no change between
	 * them (the rule above), so the one candidate, within a day of
	 * local, is valid. Most days of most zones: two lookups, not four
	 * (the zone lookups were a tenth of `followup overdue`). */
	if (before == after)
		return t_before;
	bool valid_before = offset_at(cal, t_before) == before;
	bool valid_after = offset_at(cal, t_after) == after;

	if (valid_before && valid_after)
		return MIN(t_before, t_after);
	if (valid_before)
		return t_before;
	if (valid_after)
		return t_after;
	return first_instant_showing(cal, local, MIN(t_before, t_after), MAX(t_before, t_after));
}

static int64_t day_start_instant(const struct bizcal *cal, int64_t day)
{
	return local_to_instant(cal, day * SECS_PER_DAY);
}

/* ---- holidays ---- */

/* Index of the first holiday >= day. */
static size_t holiday_lower_bound(const struct bizcal *cal, int64_t day)
{
	size_t lo = 0, hi = cal->n_holidays;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool is_holiday(const struct bizcal *cal, int64_t day)
{
	size_t i = holiday_lower_bound(cal, day);

	return i < cal->n_holidays && cal->holidays[i] == day;
}

/* ---- working intervals ---- */

static bool day_may_work(const struct bizcal *cal, int64_t day)
{
	int weekday;

	if (day < cal->first_day || day >= cal->end_day)
		return false;
	weekday = day_weekday(day);
	return cal->weekday_first[weekday] < cal->weekday_first[weekday + 1] &&
	       !is_holiday(cal, day);
}

static void span_instants(const struct bizcal *cal, int64_t day,
                          const struct work_span *span, int64_t *start_r, int64_t *end_r)
{
	*start_r = local_to_instant(cal, day * SECS_PER_DAY + span->start_min * INT64_C(60));
	*end_r = local_to_instant(cal, day * SECS_PER_DAY + span->end_min * INT64_C(60));
}

/* Working seconds of day inside [from, to). */
static int64_t day_elapsed(const struct bizcal *cal, int64_t day, int64_t from, int64_t to)
{
	int64_t total = 0;
	int weekday;

	if (!day_may_work(cal, day))
		return 0;
	weekday = day_weekday(day);
	for (size_t i = cal->weekday_first[weekday]; i < cal->weekday_first[weekday + 1]; i++) {
		int64_t a, b;
		span_instants(cal, day, &cal->spans[i], &a, &b);
		a = MAX(a, from);
		b = MIN(b, to);
		if (b > a)
			total += b - a;
	}
	return total;
}

/* Consumes *remaining seconds of day's working time at or after start.
 * True with *t_r when the count ends inside this day. */
static bool day_consume(const struct bizcal *cal, int64_t day, int64_t start, int64_t *remaining,
                        int64_t *t_r)
{
	int weekday;

	if (!day_may_work(cal, day))
		return false;
	weekday = day_weekday(day);
	for (size_t i = cal->weekday_first[weekday]; i < cal->weekday_first[weekday + 1]; i++) {
		int64_t a, b;
		span_instants(cal, day, &cal->spans[i], &a, &b);
		a = MAX(a, start);
		if (b <= a)
			continue;
		if (*remaining == 0) {
			*t_r = a;
			return true;
		}
		if (*remaining <= b - a) {
			*t_r = a + *remaining;
			return true;
		}
		*remaining -= b - a;
	}
	return false;
}

/* True when days [day, day + n) are all nominal: inside the range, no
 * holiday, one UTC offset from their first to their last instant, and
 * those instants inside [not_before, not_after]. */
static bool days_plain(const struct bizcal *cal, int64_t day, int64_t n, int64_t not_before,
                       int64_t not_after)
{
	int64_t first, end;

	if (day < cal->first_day || day + n > cal->end_day)
		return false;
	if (holiday_lower_bound(cal, day) != holiday_lower_bound(cal, day + n))
		return false;
	first = day_start_instant(cal, day);
	end = day_start_instant(cal, day + n);
	/* Both midnights must exist (not moved out of a gap, as in Sao Paulo
	 * on 2018-11-04): then one offset between them makes local time and
	 * real time run in step, and every span has its nominal length. */
	return first >= not_before && end <= not_after &&
	       local_seconds(cal, first) == day * SECS_PER_DAY &&
	       local_seconds(cal, end) == (day + n) * SECS_PER_DAY &&
	       interval_at(cal, first) == interval_at(cal, end);
}

/* The largest k <= max_weeks such that the 7k days from day are plain:
 * galloping, then bisection (plainness only shrinks as k grows). */
static int64_t plain_weeks(const struct bizcal *cal, int64_t day, int64_t max_weeks,
                           int64_t not_before, int64_t not_after)
{
	int64_t good = 0, bad;

	max_weeks = MIN(max_weeks, (cal->end_day - day) / 7);
	if (max_weeks <= 0 || !days_plain(cal, day, 7, not_before, not_after))
		return 0;
	good = 1;
	bad = max_weeks + 1;
	while (good < max_weeks) {
		int64_t k = MIN(good * 2, max_weeks);
		if (!days_plain(cal, day, 7 * k, not_before, not_after)) {
			bad = k;
			break;
		}
		good = k;
	}
	while (bad - good > 1) {
		int64_t mid = good + (bad - good) / 2;
		if (days_plain(cal, day, 7 * mid, not_before, not_after))
			good = mid;
		else
			bad = mid;
	}
	return good;
}

/* ---- public ---- */

static int compare_spans(const void *a, const void *b)
{
	const struct work_span *x = a, *y = b;

	if (x->weekday != y->weekday)
		return x->weekday < y->weekday ? -1 : 1;
	return x->start_min < y->start_min ? -1 : x->start_min > y->start_min;
}

static int compare_days(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int set_spans(struct bizcal *cal, const struct work_span *spans, size_t n_spans,
                     const char **error_r)
{
	if (n_spans > 0 && spans == NULL) {
		*error_r = "working hours missing";
		return -1;
	}
	for (size_t i = 0; i < n_spans; i++) {
		const struct work_span *s = &spans[i];
		if (s->weekday < 0 || s->weekday > 6) {
			*error_r = "a working span's weekday is not 0 (Sunday) to 6 (Saturday)";
			return -1;
		}
		if (s->start_min < 0 || s->end_min > 24 * 60 || s->start_min >= s->end_min) {
			*error_r = "a working span must start before it ends, within 00:00-24:00";
			return -1;
		}
	}
	cal->spans = g_new0(struct work_span, MAX(n_spans, 1));
	if (n_spans > 0)
		memcpy(cal->spans, spans, n_spans * sizeof(*spans));
	cal->n_spans = n_spans;
	qsort(cal->spans, n_spans, sizeof(*cal->spans), compare_spans);
	for (size_t i = 1; i < n_spans; i++) {
		const struct work_span *prev = &cal->spans[i - 1], *s = &cal->spans[i];
		if (prev->weekday == s->weekday && s->start_min < prev->end_min) {
			*error_r = "working spans overlap";
			return -1;
		}
	}
	for (int w = 0, i = 0; w <= 7; w++) {
		while ((size_t)i < n_spans && cal->spans[i].weekday < w)
			i++;
		cal->weekday_first[w] = (size_t)i;
	}
	for (size_t i = 0; i < n_spans; i++) {
		int64_t secs = (cal->spans[i].end_min - cal->spans[i].start_min) * INT64_C(60);
		cal->weekday_seconds[cal->spans[i].weekday] += secs;
		cal->week_seconds += secs;
	}
	return 0;
}

static int set_holidays(struct bizcal *cal, const char *const *holidays, const char **error_r)
{
	size_t n = 0, kept = 0;

	while (holidays != NULL && holidays[n] != NULL)
		n++;
	cal->holidays = g_new0(int64_t, MAX(n, 1));
	for (size_t i = 0; i < n; i++) {
		if (parse_day(holidays[i], &cal->holidays[i]) < 0) {
			*error_r = "a holiday is not a real date written YYYY-MM-DD";
			return -1;
		}
	}
	qsort(cal->holidays, n, sizeof(*cal->holidays), compare_days);
	for (size_t i = 0; i < n; i++) {
		if (kept == 0 || cal->holidays[kept - 1] != cal->holidays[i])
			cal->holidays[kept++] = cal->holidays[i];
	}
	cal->n_holidays = kept;
	return 0;
}

int bizcal_new(GTimeZone *tz, const struct work_span *spans, size_t n_spans,
               const char *const *holidays, struct bizcal **cal_r, const char **error_r)
{
	const char *dummy_error;
	struct bizcal *cal;

	if (error_r == NULL)
		error_r = &dummy_error;
	*error_r = NULL;
	if (cal_r == NULL) {
		*error_r = "no place for the calendar";
		return -1;
	}
	*cal_r = NULL;
	if (tz == NULL) {
		*error_r = "no time zone";
		return -1;
	}
	cal = g_new0(struct bizcal, 1);
	cal->tz = g_time_zone_ref(tz);
	cal->first_day = day_from_date(FIRST_YEAR, 1, 1);
	cal->end_day = day_from_date(END_YEAR, 1, 1);
	cal->min_instant = (cal->first_day - 2) * SECS_PER_DAY;
	cal->max_instant = (cal->end_day + 2) * SECS_PER_DAY;
	if (set_spans(cal, spans, n_spans, error_r) < 0 || set_holidays(cal, holidays, error_r) < 0) {
		bizcal_free(&cal);
		return -1;
	}
	*cal_r = cal;
	return 0;
}

void bizcal_free(struct bizcal **cal)
{
	if (cal == NULL || *cal == NULL)
		return;
	g_time_zone_unref((*cal)->tz);
	g_free((*cal)->spans);
	g_free((*cal)->holidays);
	g_free(*cal);
	*cal = NULL;
}

int64_t bizcal_add(const struct bizcal *cal, int64_t start, int64_t seconds)
{
	int64_t remaining = MAX(seconds, 0);
	int64_t day, start_day;

	if (cal->week_seconds == 0 || start > cal->max_instant)
		return INT64_MAX;
	start = MAX(start, cal->min_instant);
	/* Working time is never more than real time. */
	if (remaining > cal->max_instant - start)
		return INT64_MAX;
	start_day = local_day(cal, start);
	day = MAX(start_day, cal->first_day);
	while (day < cal->end_day) {
		int64_t t;
		/* Whole weeks only after the first day, and never the last bit:
		 * the count must end inside a day that is walked. */
		if (day > start_day && remaining > cal->week_seconds) {
			int64_t weeks = plain_weeks(cal, day, (remaining - 1) / cal->week_seconds, start,
			                            INT64_MAX);
			if (weeks > 0) {
				remaining -= weeks * cal->week_seconds;
				day += 7 * weeks;
				continue;
			}
		}
		if (day_consume(cal, day, start, &remaining, &t))
			return t;
		day++;
	}
	return INT64_MAX;
}

int64_t bizcal_elapsed(const struct bizcal *cal, int64_t from, int64_t to)
{
	int64_t total = 0;
	int64_t day, from_day, last_day;

	from = MAX(from, cal->min_instant);
	to = MIN(to, cal->max_instant);
	if (to <= from || cal->week_seconds == 0)
		return 0;
	from_day = local_day(cal, from);
	day = MAX(from_day, cal->first_day);
	last_day = MIN(local_day(cal, to), cal->end_day - 1);
	while (day <= last_day) {
		if (day > from_day && day < last_day) {
			int64_t weeks = plain_weeks(cal, day, (last_day - day) / 7, from, to);
			if (weeks > 0) {
				total += weeks * cal->week_seconds;
				day += 7 * weeks;
				continue;
			}
		}
		total += day_elapsed(cal, day, from, to);
		day++;
	}
	return total;
}

bool bizcal_is_working(const struct bizcal *cal, int64_t t)
{
	/* The same walk as elapsed, so the two can never disagree. */
	return t < INT64_MAX && bizcal_elapsed(cal, t, t + 1) == 1;
}

/* GDate's range and more: 0001-01-01 .. 9999-12-31, with a day of margin,
 * so that a key made from the day is never empty. */
static int64_t clamp_to_dates(int64_t t)
{
	const int64_t min_t = (2 - JULIAN_1970) * SECS_PER_DAY;
	const int64_t max_t = (day_from_date(9999, 12, 30)) * SECS_PER_DAY;

	return CLAMP(t, min_t, max_t);
}

void bizcal_format_local(const struct bizcal *cal, int64_t t, char *buf, size_t size)
{
	zonetime_format(cal->tz, clamp_to_dates(t), false, "", buf, size);
}

void bizcal_format_zoned(const struct bizcal *cal, int64_t t, char *buf, size_t size)
{
	zonetime_format(cal->tz, clamp_to_dates(t), true, "", buf, size);
}

int bizcal_day_start(const struct bizcal *cal, const char *date, int64_t add_days,
                     int64_t *t_r)
{
	int64_t day;

	/* 1900-01-01 .. 2199-12-31, as everything else here */
	if (parse_day(date, &day) < 0 || add_days < -100000 || add_days > 100000)
		return -1;
	day += add_days;
	if (day < -25567 || day > 83585)
		return -1;
	*t_r = day_start_instant(cal, day);
	return 0;
}

int64_t bizcal_next_local_time(const struct bizcal *cal, int64_t t, int hh, int mm)
{
	int64_t day;

	if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || t > cal->max_instant)
		return INT64_MAX;
	t = MAX(t, cal->min_instant);
	day = local_day(cal, t);
	/* The wall time's instant on day - 1 can only be later than t in a
	 * zone that jumps back across midnight; check it all the same. */
	for (int64_t d = day - 1; d <= day + 2; d++) {
		int64_t candidate = local_to_instant(cal, d * SECS_PER_DAY + hh * INT64_C(3600) +
		                                              mm * INT64_C(60));
		if (candidate >= t)
			return candidate;
	}
	return INT64_MAX;
}
