/* zonetime: an instant as a person reads it in one time zone (see zonetime.h). */
#include <stdio.h>

#include "lib/zonetime.h"

/* beyond year 9999 a date no longer fits the one format */
#define ZONETIME_MAX ((int64_t)253402300799)
#define ZONETIME_MIN ((int64_t)-62135596800)

static gint interval_at(GTimeZone *tz, int64_t t)
{
	gint i = g_time_zone_find_interval(tz, G_TIME_TYPE_UNIVERSAL, t);

	return i < 0 ? 0 : i;
}

bool zonetime_tm(GTimeZone *tz, int64_t t, struct tm *tm_r)
{
	if (t < ZONETIME_MIN || t > ZONETIME_MAX)
		return false;
	time_t local = (time_t)(t + g_time_zone_get_offset(tz, interval_at(tz, t)));
	return gmtime_r(&local, tm_r) != NULL;
}

void zonetime_format(GTimeZone *tz, int64_t t, bool show_zone, const char *none, char *buf,
                     size_t size)
{
	struct tm tm;

	if (buf == NULL || size == 0)
		return;
	if (!zonetime_tm(tz, t, &tm)) {
		g_strlcpy(buf, none, size);
		return;
	}
	const char *abbrev = show_zone ? g_time_zone_get_abbreviation(tz, interval_at(tz, t)) : NULL;
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d%s%s", tm.tm_year + 1900, tm.tm_mon + 1,
	         tm.tm_mday, tm.tm_hour, tm.tm_min, abbrev != NULL ? " " : "",
	         abbrev != NULL ? abbrev : "");
}
