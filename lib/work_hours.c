/*
 * work_hours: see work_hours.h.
 *
 *   text  := group ("," group)*
 *   group := days range (" " range)*
 *   days  := DAY | DAY "-" DAY        (ranges wrap: "Sun-Thu", "Fri-Mon")
 *   range := HH:MM "-" HH:MM          (end after start; "24:00" ends a day)
 *
 * Pure: no I/O. Spans come out sorted by weekday then start, and never
 * overlap, so a caller can walk them in order.
 */
#include "lib/work_hours.h"

#include <stdbool.h>
#include <glib.h>
#include <string.h>

static const char *const work_day_names[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
};

static const char work_err_empty[] =
	"expected days and hours, e.g. Mon-Fri 09:00-18:00";
static const char work_err_day[] =
	"unknown day (use Mon, Tue, Wed, Thu, Fri, Sat, Sun or a range such as Mon-Fri)";
static const char work_err_no_hours[] =
	"days without hours (write them as Mon-Fri 09:00-18:00)";
static const char work_err_hours[] =
	"bad hours (write HH:MM-HH:MM, e.g. 09:00-18:00, from 00:00 to 24:00)";
static const char work_err_order[] =
	"a range must end after it starts (ranges past midnight are not supported)";
static const char work_err_overlap[] =
	"two ranges overlap on the same day (give each hour once)";

/* Weekday of a three-letter name (any case), or -1. */
static int work_day_parse(const char *text, size_t len)
{
	int day;

	if (len != 3)
		return -1;
	for (day = 0; day < 7; day++) {
		if (g_ascii_strncasecmp(text, work_day_names[day], 3) == 0)
			return day;
	}
	return -1;
}

/* "HH:MM" at text (exactly five characters) in minutes, 0 to 1440; -1 when
 * it is not a time of day. */
static int work_time_parse(const char *text)
{
	int hours, minutes;

	if (!g_ascii_isdigit(text[0]) || !g_ascii_isdigit(text[1]) || text[2] != ':' ||
	    !g_ascii_isdigit(text[3]) || !g_ascii_isdigit(text[4]))
		return -1;
	hours = (text[0] - '0') * 10 + (text[1] - '0');
	minutes = (text[3] - '0') * 10 + (text[4] - '0');
	if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0))
		return -1;
	return hours * 60 + minutes;
}

/* "Mon" or "Mon-Fri" into the first and last weekday. */
static int work_days_parse(const char *text, int *first_r, int *last_r)
{
	const char *dash = strchr(text, '-');

	if (dash == NULL) {
		*first_r = *last_r = work_day_parse(text, strlen(text));
	} else {
		*first_r = work_day_parse(text, (size_t)(dash - text));
		*last_r = work_day_parse(dash + 1, strlen(dash + 1));
	}
	return *first_r < 0 || *last_r < 0 ? -1 : 0;
}

/* "HH:MM-HH:MM" into minutes. */
static int work_range_parse(const char *text, int *start_r, int *end_r,
                            const char **error_r)
{
	if (strlen(text) != 11 || text[5] != '-') {
		*error_r = work_err_hours;
		return -1;
	}
	*start_r = work_time_parse(text);
	*end_r = work_time_parse(text + 6);
	if (*start_r < 0 || *end_r < 0) {
		*error_r = work_err_hours;
		return -1;
	}
	if (*end_r <= *start_r) {
		*error_r = work_err_order;
		return -1;
	}
	return 0;
}

static void work_spans_add(GArray *spans, int first_day, int last_day, int start, int end)
{
	int day = first_day;

	for (;;) {
		struct work_span span = {
			.weekday = day, .start_min = start, .end_min = end,
		};

		g_array_append_val(spans, span);
		if (day == last_day)
			break;
		day = (day + 1) % 7;
	}
}

/* One comma-separated group: "Mon-Fri 09:00-12:00 13:00-18:00". */
static int work_group_parse(const char *group, GArray *spans, const char **error_r)
{
	char **words = g_strsplit_set(group, " \t", -1);
	int first_day = -1, last_day = -1, start, end, ret = -1;
	size_t i, n_ranges = 0;
	bool have_days = false;

	for (i = 0; words[i] != NULL; i++) {
		if (words[i][0] == '\0')
			continue;
		if (!have_days) {
			if (work_days_parse(words[i], &first_day, &last_day) < 0) {
				*error_r = work_err_day;
				goto out;
			}
			have_days = true;
			continue;
		}
		if (work_range_parse(words[i], &start, &end, error_r) < 0)
			goto out;
		work_spans_add(spans, first_day, last_day, start, end);
		n_ranges++;
	}
	if (!have_days) {
		*error_r = work_err_empty;
		goto out;
	}
	if (n_ranges == 0) {
		*error_r = work_err_no_hours;
		goto out;
	}
	ret = 0;
out:
	g_strfreev(words);
	return ret;
}

static gint work_span_cmp(gconstpointer a, gconstpointer b)
{
	const struct work_span *x = a, *y = b;

	if (x->weekday != y->weekday)
		return x->weekday < y->weekday ? -1 : 1;
	if (x->start_min != y->start_min)
		return x->start_min < y->start_min ? -1 : 1;
	return 0;
}

static bool work_spans_overlap(const GArray *spans)
{
	guint i;

	for (i = 1; i < spans->len; i++) {
		const struct work_span *prev =
			&g_array_index(spans, struct work_span, i - 1);
		const struct work_span *cur =
			&g_array_index(spans, struct work_span, i);

		if (prev->weekday == cur->weekday && cur->start_min < prev->end_min)
			return true;
	}
	return false;
}

int work_hours_parse(const char *text, struct work_span **spans_r,
                            size_t *n_r, const char **error_r)
{
	GArray *spans = g_array_new(FALSE, FALSE, sizeof(struct work_span));
	char **groups = NULL;
	const char *error = NULL;
	size_t i;

	*spans_r = NULL;
	*n_r = 0;
	if (text == NULL) {
		error = work_err_empty;
		goto out;
	}
	groups = g_strsplit(text, ",", -1);
	if (groups[0] == NULL) {
		error = work_err_empty;
		goto out;
	}
	for (i = 0; groups[i] != NULL; i++) {
		if (work_group_parse(groups[i], spans, &error) < 0)
			goto out;
	}
	g_array_sort(spans, work_span_cmp);
	if (work_spans_overlap(spans))
		error = work_err_overlap;
out:
	g_strfreev(groups);
	if (error != NULL) {
		g_array_free(spans, TRUE);
		*error_r = error;
		return -1;
	}
	*n_r = spans->len;
	*spans_r = (struct work_span *)(void *)g_array_free(spans, FALSE);
	return 0;
}
