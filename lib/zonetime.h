#ifndef FOLLOWUP_LIB_ZONETIME_H
#define FOLLOWUP_LIB_ZONETIME_H
/*
 * zonetime: an instant as a person reads it in one time zone. Every date
 * the team reads (the CLI's lists, the alerts and digests) is written by
 * zonetime_format, so a time looks the same on a terminal and in a mail:
 *
 *   2026-12-07 10:00 CST        (the zone's abbreviation from tzdata,
 *   2026-12-07 10:00 +04         or its offset where tzdata has none)
 *
 * Pure: the zone is the caller's (GTimeZone, not $TZ or localtime).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <glib.h>

/* t's wall-clock time in tz (tm_gmtoff and tm_zone are not set); false
 * when t is out of range. */
bool zonetime_tm(GTimeZone *tz, int64_t t, struct tm *tm_r);

/* "YYYY-MM-DD HH:MM", then " ZONE" when show_zone; none (t INT64_MIN or
 * out of range) as `none`. 24 bytes are enough. */
void zonetime_format(GTimeZone *tz, int64_t t, bool show_zone, const char *none, char *buf,
                     size_t size);

#endif
