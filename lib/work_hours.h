#ifndef FOLLOWUP_LIB_WORK_HOURS_H
#define FOLLOWUP_LIB_WORK_HOURS_H
/*
 * work_hours: the grammar of working hours, shared by the configuration
 * that reads them and the business calendar that counts in them.
 *
 *   "Mon-Fri 09:00-18:00, Sat 09:00-12:00" (also "Mon-Fri 09:00-12:00 13:00-18:00")
 *
 * Day names in any case; day ranges wrap ("Sun-Thu"); "24:00" may end a
 * range; a range must end after it starts and ranges must not overlap.
 * Pure.
 */
#include <stddef.h>

/* A span of working time on one weekday, minutes from local midnight. */
struct work_span {
	int weekday;          /* 0 = Sunday ... 6 = Saturday (as struct tm) */
	int start_min;        /* inclusive */
	int end_min;          /* exclusive, <= 1440 */
};

/* On success 0 and *spans_r a new array (the caller g_free()s it) of *n_r
 * spans sorted by weekday then start. On error -1, *spans_r NULL, *n_r 0
 * and *error_r a static explanation. */
int work_hours_parse(const char *text, struct work_span **spans_r, size_t *n_r,
                     const char **error_r);

#endif
