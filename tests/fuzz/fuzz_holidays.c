/*
 * libFuzzer target for rules/holidays.c: the input is a holiday file
 * (iCalendar or a list of dates) read for the years 2024..2027.
 *
 * On success the dates must be real, sorted, unique and inside the years;
 * on failure the error must name the file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "rules/holidays.h"

#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The number written in the n digits at text. */
static unsigned digits(const char *text, size_t n)
{
	unsigned value = 0;

	for (size_t i = 0; i < n; i++) {
		CHECK(g_ascii_isdigit(text[i]));
		value = value * 10 + (unsigned)(text[i] - '0');
	}
	return value;
}

/* "YYYY-MM-DD", a real date within the years asked for. */
static void check_date(const char *date)
{
	CHECK(strlen(date) == 10 && date[4] == '-' && date[7] == '-');
	unsigned year = digits(date, 4), month = digits(date + 5, 2), day = digits(date + 8, 2);
	CHECK(g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year));
	CHECK(year >= 2024 && year <= 2027);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char **dates = NULL;
	char *error = NULL;

	if (holidays_parse("fuzz.ics", (const char *)data, size, 2024, 2027, &dates,
	                          &error) == 0) {
		CHECK(error == NULL && dates != NULL);
		for (size_t i = 0; dates[i] != NULL; i++) {
			check_date(dates[i]);
			CHECK(i == 0 || strcmp(dates[i - 1], dates[i]) < 0);
		}
		g_strfreev(dates);
	} else {
		CHECK(dates == NULL && error != NULL);
		CHECK(strncmp(error, "fuzz.ics:", 9) == 0);
		CHECK(g_utf8_validate(error, -1, NULL));
		g_free(error);
	}
	return 0;
}
