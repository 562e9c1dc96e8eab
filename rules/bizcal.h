#ifndef FOLLOWUP_RULES_BIZCAL_H
#define FOLLOWUP_RULES_BIZCAL_H
/*
 * bizcal: business time. A calendar is a time zone (IANA, through GLib's
 * GTimeZone and the system's tz database), working hours per weekday and
 * holidays (local dates). "24h business" means 24 hours counted only
 * inside working hours: with Mon-Fri 09:00-18:00 that is 2 days and 6
 * hours of working time. Correct across DST changes (a working hour is an
 * hour of real time), weekends and holidays.
 *
 * Pure: the GTimeZone and the holiday list are loaded by the caller
 * (config/); nothing here reads files or the clock.
 *
 * Local times and DST (implementation notes, rules/bizcal.c): a local time
 * means the first instant at which the wall clock shows it or later, so a
 * time inside a spring-forward gap moves to the end of the gap, and a time
 * that happens twice (fall back) means its first occurrence; a span's
 * working time is its end instant minus its start instant. Only local days
 * 1900-01-01 .. 2199-12-31 can hold working time: earlier instants count
 * from 1900, and an answer after 2199 is INT64_MAX ("never").
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "lib/work_hours.h"

struct bizcal;

/* tz: borrowed and referenced (g_time_zone_ref). spans: the working
 * hours (copied). holidays: NULL-terminated local dates "YYYY-MM-DD"
 * (copied), may be NULL. 0, or -1 with *error_r (static string). */
int bizcal_new(GTimeZone *tz, const struct work_span *spans, size_t n_spans,
               const char *const *holidays, struct bizcal **cal_r, const char **error_r);
void bizcal_free(struct bizcal **cal);

/* The instant `seconds` of working time after start (start itself may be
 * outside working hours: counting begins at the next working moment).
 * seconds == 0 gives the first working moment at or after start. Returns
 * INT64_MAX when the calendar has no working time at all. A count that
 * ends exactly at closing time gives the closing instant (Friday 18:00,
 * not Monday 09:00); negative seconds count as 0. */
int64_t bizcal_add(const struct bizcal *cal, int64_t start, int64_t seconds);
/* Working seconds in [from, to); 0 when to <= from. */
int64_t bizcal_elapsed(const struct bizcal *cal, int64_t from, int64_t to);
/* True when t is inside working hours (not a holiday). */
bool bizcal_is_working(const struct bizcal *cal, int64_t t);
/* Local date "YYYY-MM-DD" and time "HH:MM" of t in the calendar's zone,
 * into buf (at least 17 bytes: "2026-11-24 09:00"). */
void bizcal_format_local(const struct bizcal *cal, int64_t t, char *buf, size_t size);
/* The same with the zone shown ("2026-12-07 10:00 CST", lib/zonetime.h):
 * what a person reads. */
void bizcal_format_zoned(const struct bizcal *cal, int64_t t, char *buf, size_t size);
/* The instant the local day date ("YYYY-MM-DD") + add_days begins (its
 * first instant at or after 00:00, DST-correct): 0 and *t_r, or -1 when
 * date is no real date or the day is out of range. */
int bizcal_day_start(const struct bizcal *cal, const char *date, int64_t add_days,
                     int64_t *t_r);
/* The next instant at or after t whose local time is hh:mm on any day
 * (DST-correct: a time that does not exist that day moves forward). Once
 * per local day: a time that happens twice gives its first occurrence.
 * INT64_MAX when hh is not 0..23 or mm not 0..59. */
int64_t bizcal_next_local_time(const struct bizcal *cal, int64_t t, int hh, int mm);

#endif
