/*
 * libFuzzer target for core/holidays.c: the input is a holiday file
 * (iCalendar or a list of dates) read for the years 2024..2027.
 *
 * On success the dates must be real, sorted, unique and inside the years;
 * on failure the error must name the file. config/ is not among the pure
 * modules tests/fuzz/fuzz.mk compiles into every target, so the one file
 * is compiled in here (with libical, which fuzz.mk links).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "core/holidays.c"

#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_date(const char *date)
{
	int64_t julian = 0;

	CHECK(strlen(date) == 10);
	CHECK(parse_iso_date(date, 10, &julian) == 0);
	CHECK(strncmp(date, "2024", 4) >= 0 && strncmp(date, "2027", 4) <= 0);
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
