/*
 * Holiday files (rules/holidays.c, read by core/holidays.c): iCalendar
 * through libical and plain lists, the years window, and errors that name
 * the file and the line.
 * tests/data/holidays/ holds the two full examples; the error cases are
 * written to a temporary directory from the strings below.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "core/holidays.h"
#include "tests/unit/cpu_time.h"

struct fixture {
	char *dir;
	GPtrArray *files;
};

static int setup(void **state)
{
	struct fixture *f = g_new0(struct fixture, 1);

	f->dir = g_dir_make_tmp("followup-holidays-XXXXXX", NULL);
	if (f->dir == NULL)
		return -1;
	f->files = g_ptr_array_new_with_free_func(g_free);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	for (size_t i = 0; i < f->files->len; i++)
		(void)g_unlink(f->files->pdata[i]);
	(void)g_rmdir(f->dir);
	g_ptr_array_free(f->files, TRUE);
	g_free(f->dir);
	g_free(f);
	return 0;
}

/* Writes content (len bytes, or up to the NUL when len < 0) to NAME in the
 * fixture's directory. The path belongs to the fixture. */
static const char *write_file(struct fixture *f, const char *name, const char *content, gssize len)
{
	char *path = g_build_filename(f->dir, name, NULL);

	if (!g_file_set_contents(path, content, len, NULL))
		fail_msg("cannot write %s", path);
	g_ptr_array_add(f->files, path);
	return path;
}

static char *data_path(const char *name)
{
	const char *dir = getenv("FOLLOWUP_TEST_DATA");

	return g_build_filename(dir != NULL ? dir : "tests/data", "holidays", name, NULL);
}

/* Compares a loaded vector with the expected NULL-terminated list. */
static void assert_dates(char **got, const char *const *want)
{
	size_t i;

	for (i = 0; want[i] != NULL; i++) {
		if (got[i] == NULL)
			fail_msg("date %zu: missing, want %s", i, want[i]);
		if (strcmp(got[i], want[i]) != 0)
			fail_msg("date %zu: %s, want %s", i, got[i], want[i]);
	}
	if (got[i] != NULL)
		fail_msg("date %zu: unexpected %s", i, got[i]);
}

static char **load_ok(const char *path, int from_year, int to_year)
{
	char **dates = NULL;
	char *error = NULL;

	if (holidays_load(path, from_year, to_year, &dates, &error) != 0)
		fail_msg("loading %s failed: %s", path, error);
	assert_null(error);
	assert_non_null(dates);
	return dates;
}

/* Loading fails with an error that contains every one of the fragments. */
static void load_fails(const char *path, int from_year, int to_year, ...)
{
	char **dates = (char **)"not reset";
	char *error = NULL;
	va_list args;

	if (holidays_load(path, from_year, to_year, &dates, &error) != -1)
		fail_msg("loading %s succeeded", path != NULL ? path : "(null)");
	assert_null(dates);
	assert_non_null(error);
	va_start(args, to_year);
	for (const char *want = va_arg(args, const char *); want != NULL;
	     want = va_arg(args, const char *)) {
		if (strstr(error, want) == NULL)
			fail_msg("error \"%s\" does not contain \"%s\"", error, want);
	}
	va_end(args);
	g_free(error);
}

/* ---- the iCalendar example ---- */

static void test_ics_full(void **state)
{
	static const char *const want[] = {
		"2026-01-01",                             /* all-day, DTEND exclusive */
		"2026-02-14", "2026-02-15",               /* timed, ends at midnight */
		"2026-02-17", "2026-02-18", "2026-02-19", /* DURATION:P3D */
		"2026-05-01",                             /* yearly RRULE from 2020 */
		"2026-06-19",                             /* RRULE COUNT=3 */
		"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04",
		"2026-10-05", "2026-10-06", "2026-10-07", /* seven days */
		"2026-12-24",                             /* timed, with TZID */
		"2026-12-30", "2026-12-31",               /* DTSTART and RDATE */
		"2027-06-09",                             /* RECURRENCE-ID moved it */
		"2028-05-01",                             /* EXDATE removed 2027 */
		"2028-06-19",
		NULL,
	};
	char *path = data_path("china-2026.ics");
	char **dates = load_ok(path, 2026, 2028);

	(void)state;
	assert_dates(dates, want);
	g_strfreev(dates);
	g_free(path);
}

static void test_ics_window(void **state)
{
	static const char *const only_2027[] = { "2027-06-09", NULL };
	static const char *const yearly[] = { "2031-05-01", "2032-05-01", NULL };
	char *path = data_path("china-2026.ics");
	char **dates;

	(void)state;
	dates = load_ok(path, 2027, 2027);
	assert_dates(dates, only_2027);
	g_strfreev(dates);
	/* Long after its DTSTART, only the yearly rule still gives dates. */
	dates = load_ok(path, 2031, 2032);
	assert_dates(dates, yearly);
	g_strfreev(dates);
	g_free(path);
}

/* The brief's example: a national day every year, from 1949. */
static void test_ics_yearly_national_day(void **state)
{
	struct fixture *f = *state;
	const char *path = write_file(f, "national.ics",
		"BEGIN:VCALENDAR\n"
		"BEGIN:VEVENT\n"
		"DTSTART;VALUE=DATE:19491001\n"
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1\n"
		"END:VEVENT\n"
		"BEGIN:VEVENT\n"
		"DTSTART;VALUE=DATE:20240101\n"
		"RRULE:FREQ=MONTHLY;BYDAY=1MO;UNTIL=20240401\n"
		"END:VEVENT\n"
		"BEGIN:VEVENT\n"
		"DTSTART;VALUE=DATE:20250228\n"
		"RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\n"   /* the last day of February */
		"END:VEVENT\n"
		"END:VCALENDAR\n", -1);
	static const char *const want[] = {
		"2024-01-01", "2024-02-05", "2024-03-04", "2024-04-01", /* UNTIL included */
		"2024-10-01", "2025-02-28",
		"2025-10-01", "2026-02-28", "2026-10-01", NULL,
	};
	char **dates = load_ok(path, 2024, 2026);

	assert_dates(dates, want);
	g_strfreev(dates);
}

static void test_ics_several_calendars_and_bom(void **state)
{
	struct fixture *f = *state;
	const char *path = write_file(f, "two.ics",
		"\xEF\xBB\xBF"
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
		"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260103T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		-1);
	static const char *const want[] = { "2026-01-02", "2026-01-03", NULL };
	static const char *const none[] = { NULL };
	char **dates = load_ok(path, 2026, 2026);

	assert_dates(dates, want);
	g_strfreev(dates);
	path = write_file(f, "empty.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", -1);
	dates = load_ok(path, 2026, 2026);
	assert_dates(dates, none);
	g_strfreev(dates);
}

/* ---- the plain list ---- */

static void test_list(void **state)
{
	struct fixture *f = *state;
	static const char *const want[] = { "2026-01-01", "2026-02-17", "2026-02-18", "2026-10-01", NULL };
	static const char *const with_2025[] = { "2025-12-25", "2026-01-01", "2026-02-17",
		                                 "2026-02-18", "2026-10-01", NULL };
	static const char *const none[] = { NULL };
	char *path = data_path("china-2026.txt");
	char **dates = load_ok(path, 2026, 2026);

	assert_dates(dates, want);
	g_strfreev(dates);
	dates = load_ok(path, 2025, 2026);
	assert_dates(dates, with_2025);
	g_strfreev(dates);
	g_free(path);

	/* CRLF, a byte order mark, no final newline. */
	dates = load_ok(write_file(f, "crlf.txt", "\xEF\xBB\xBF# x\r\n2026-02-18\r\n2026-02-17 Spring", -1),
	                2026, 2026);
	assert_dates(dates, (const char *const[]){ "2026-02-17", "2026-02-18", NULL });
	g_strfreev(dates);
	dates = load_ok(write_file(f, "empty.txt", "", 0), 2026, 2026);
	assert_dates(dates, none);
	g_strfreev(dates);
	dates = load_ok(write_file(f, "comments.txt", "# nothing yet\n\n   \n", -1), 2026, 2026);
	assert_dates(dates, none);
	g_strfreev(dates);
	/* Leap days. */
	dates = load_ok(write_file(f, "leap.txt", "2024-02-29\n2000-02-29\n", -1), 2000, 2024);
	assert_dates(dates, (const char *const[]){ "2000-02-29", "2024-02-29", NULL });
	g_strfreev(dates);
}

/* ---- text in memory ---- */

static void test_parse_in_memory(void **state)
{
	/* Not NUL-terminated: the length alone bounds it. */
	static const char list[] = { '2', '0', '2', '6', '-', '0', '5', '-', '0', '1', '\n',
	                             '2', '0', '2', '6', '-', '0', '5', '-', '0', '2' };
	static const char ics[] = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260503\n"
	                          "END:VEVENT\nEND:VCALENDAR\nthe rest is not read";
	char **dates = NULL;
	char *error = NULL;

	(void)state;
	assert_int_equal(holidays_parse("inline", list, sizeof(list), 2026, 2026, &dates, &error), 0);
	assert_dates(dates, (const char *const[]){ "2026-05-01", "2026-05-02", NULL });
	g_strfreev(dates);
	/* Cut one byte short, the second date is "2026-05-0". */
	assert_int_equal(holidays_parse("inline", list, sizeof(list) - 1, 2026, 2026, &dates, &error), -1);
	assert_null(dates);
	assert_non_null(strstr(error, "inline:2:"));
	g_free(error);
	assert_int_equal(holidays_parse("cal", ics, strlen(ics) - strlen("the rest is not read"),
	                                       2026, 2026, &dates, &error), 0);
	assert_dates(dates, (const char *const[]){ "2026-05-03", NULL });
	g_strfreev(dates);
	assert_int_equal(holidays_parse("cal", ics, strlen(ics), 2026, 2026, &dates, &error), -1);
	assert_non_null(strstr(error, "cal:6: 'the rest is not read'"));
	g_free(error);
	/* Exactly the bytes, on the heap, ending without a newline: nothing
	 * may read past them (ASan watches). */
	{
		static const char *const texts[] = {
			"BEGIN:VCALENDAR\nEND:VCALENDAR\n\n \t",   /* blank, not a continuation */
			"2026-01-01\n2026-01-02\n# \t",
			"2026-01-01\n2026-01-02",
		};
		for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
			size_t len = strlen(texts[i]);
			char *exact = g_memdup2(texts[i], len);
			assert_int_equal(holidays_parse("tail", exact, len, 2026, 2026, &dates, &error), 0);
			assert_dates(dates, i == 0 ? (const char *const[]){ NULL }
			                           : (const char *const[]){ "2026-01-01", "2026-01-02", NULL });
			g_strfreev(dates);
			g_free(exact);
		}
	}
	assert_int_equal(holidays_parse("empty", NULL, 0, 2026, 2026, &dates, &error), 0);
	assert_null(dates[0]);
	g_strfreev(dates);
	assert_int_equal(holidays_parse("bad", NULL, 3, 2026, 2026, &dates, &error), -1);
	g_free(error);
}

/* ---- errors ---- */

static void test_list_errors(void **state)
{
	struct fixture *f = *state;
	const char *path;

	path = write_file(f, "bad-date.txt", "# holidays\n2026-01-01\n2026-02-30 Nonexistent\n", -1);
	load_fails(path, 2026, 2026, path, ":3:", "2026-02-30", "not a real date", NULL);
	path = write_file(f, "not-leap.txt", "2026-02-29\n", -1);
	load_fails(path, 2026, 2026, ":1:", "2026-02-29", NULL);
	path = write_file(f, "month13.txt", "2026-13-01\n", -1);
	load_fails(path, 2026, 2026, ":1:", "not a real date", NULL);
	path = write_file(f, "year0.txt", "0000-01-01\n", -1);
	load_fails(path, 2026, 2026, ":1:", "not a real date", NULL);
	path = write_file(f, "words.txt", "2026-01-01\nOct 1 2026\n", -1);
	load_fails(path, 2026, 2026, ":2:", "'Oct'", "YYYY-MM-DD", NULL);
	path = write_file(f, "short.txt", "2026-1-1\n", -1);
	load_fails(path, 2026, 2026, ":1:", "'2026-1-1' is not a date", NULL);
	path = write_file(f, "glued.txt", "\n\n\n2026-10-01,National Day\n", -1);
	load_fails(path, 2026, 2026, ":4:", "is not a date", NULL);
	/* A bad date outside the years asked for is still an error. */
	path = write_file(f, "old-bad.txt", "1999-02-31\n", -1);
	load_fails(path, 2026, 2026, ":1:", "1999-02-31", NULL);
	path = write_file(f, "nul.txt", "2026-01-01\n2026-01-02\0 x\n", 24);
	load_fails(path, 2026, 2026, ":2:", "NUL", NULL);
	/* Control characters in the quoted text are neutralised. */
	path = write_file(f, "control.txt", "\x1b[31mred\n", -1);
	load_fails(path, 2026, 2026, ":1:", "'?[31mred'", NULL);
}

static void test_file_errors(void **state)
{
	struct fixture *f = *state;
	char *missing = g_build_filename(f->dir, "no-such-file.ics", NULL);
	const char *path;

	load_fails(missing, 2026, 2026, missing, "cannot open", NULL);
	load_fails(f->dir, 2026, 2026, f->dir, "not a regular file", NULL);
	load_fails(NULL, 2026, 2026, "no holiday file", NULL);
	path = write_file(f, "fine.txt", "2026-01-01\n", -1);
	load_fails(path, 2027, 2026, "years", NULL);
	load_fails(path, 0, 2026, "years", NULL);
	load_fails(path, 2026, 10000, "years", NULL);
	load_fails(path, 1000, 2026, "at most", NULL);
	if (getuid() != 0) {  /* root reads anything */
		g_chmod(path, 0);
		load_fails(path, 2026, 2026, path, "cannot open", NULL);
		g_chmod(path, 0644);
	}
	g_free(missing);
}

struct ics_error_case {
	const char *name;
	const char *text;
	const char *fragments[3];
};

static const struct ics_error_case ics_errors[] = {
	{ "garbage.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nthis is junk\nEND:VCALENDAR\n",
	  { ":3:", "'this is junk' is not an iCalendar line" } },
	{ "binary.ics", "BEGIN:VCALENDAR\n\x01\x02\x03\nEND:VCALENDAR\n",
	  { ":2:", "not an iCalendar line" } },
	{ "unclosed.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\n",
	  { ":2:", "BEGIN:VEVENT is never closed" } },
	{ "mismatch.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nEND:VTODO\nEND:VCALENDAR\n",
	  { ":4:", "END:VTODO where END:VEVENT was expected (BEGIN on line 2)" } },
	{ "extra-end.ics", "BEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR\n",
	  { ":3:", "without a BEGIN" } },
	{ "outside.ics", "BEGIN:VCALENDAR\nEND:VCALENDAR\nDTSTART:20260101\n",
	  { ":3:", "outside BEGIN:VCALENDAR" } },
	{ "nested.ics", "BEGIN:VCALENDAR\nBEGIN:VTODO\nBEGIN:VEVENT\nEND:VEVENT\nEND:VTODO\nEND:VCALENDAR\n",
	  { ":3:", "VEVENT inside VTODO" } },
	{ "deep.ics", "BEGIN:VCALENDAR\nBEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\n"
	  "BEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\nBEGIN:X\n",
	  { ":17:", "nested more than" } },
	{ "bad-dtstart.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART;VALUE=DATE:20260230\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":4:", "DTSTART is not a real date" } },
	{ "garbage-dtstart.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nDTSTART;VALUE=DATE:someday\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":4:", "DTSTART", "fix this event" } },
	{ "no-dtstart.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":3:", "without DTSTART" } },
	{ "dtend-before.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260105\nDTEND;VALUE=DATE:20260101\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":4:", "DTEND is before DTSTART" } },
	{ "hourly.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101T090000\nRRULE:FREQ=HOURLY\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":4:", "FREQ must be DAILY" } },
	{ "never.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":4:", "RRULE can never give a date" } },
	/* libical would search centuries for these before giving up. */
	{ "never-monthly.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2,4,6\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":4:", "RRULE can never give a date" } },
	{ "never-daily.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=-30;COUNT=5\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":4:", "RRULE can never give a date" } },
	{ "bad-rrule.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=SOMETIMES\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":4:", "RRULE" } },
	/* The error is in the second calendar's event: its own line. */
	{ "second.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nEND:VEVENT\nEND:VCALENDAR\n"
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:2026\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":9:", "DTEND" } },
	{ "negative.ics",
	  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDURATION:-P1D\nEND:VEVENT\nEND:VCALENDAR\n",
	  { ":4:", "DURATION is negative" } },
	{ "nul.ics", "BEGIN:VCALENDAR\nEND:VCALENDAR\n\0", { "NUL" } },
};

static void test_ics_errors(void **state)
{
	struct fixture *f = *state;

	for (size_t i = 0; i < G_N_ELEMENTS(ics_errors); i++) {
		const struct ics_error_case *c = &ics_errors[i];
		gssize len = strcmp(c->name, "nul.ics") == 0 ? (gssize)strlen(c->text) + 1 : -1;
		const char *path = write_file(f, c->name, c->text, len);
		char **dates = NULL;
		char *error = NULL;

		if (holidays_load(path, 2026, 2026, &dates, &error) != -1)
			fail_msg("%s: loaded", c->name);
		assert_null(dates);
		if (strstr(error, path) == NULL)
			fail_msg("%s: error \"%s\" does not name the file", c->name, error);
		for (size_t k = 0; k < G_N_ELEMENTS(c->fragments) && c->fragments[k] != NULL; k++) {
			if (strstr(error, c->fragments[k]) == NULL)
				fail_msg("%s: error \"%s\" lacks \"%s\"", c->name, error, c->fragments[k]);
		}
		g_free(error);
	}
}

/* A file that would expand to too much is refused, not expanded (the CPU
 * time guard: tests/unit/cpu_time.h). */
static void test_ics_budget(void **state)
{
	struct fixture *f = *state;
	GString *text = g_string_new("BEGIN:VCALENDAR\n");
	double began;
	const char *path;

	for (int i = 0; i < 200; i++)
		g_string_append(text, "BEGIN:VEVENT\nDTSTART;VALUE=DATE:17000101\n"
		                      "DTEND;VALUE=DATE:23000101\nEND:VEVENT\n");
	g_string_append(text, "END:VCALENDAR\n");
	path = write_file(f, "huge.ics", text->str, (gssize)text->len);
	began = test_cpu_seconds();
	load_fails(path, 1901, 2300, path, "too many dates", NULL);
	/* The same file for a few years is fine: 200 x 3 years of days. */
	{
		char **dates = load_ok(path, 2026, 2028);
		assert_int_equal(g_strv_length(dates), 365 + 365 + 366);
		assert_string_equal(dates[0], "2026-01-01");
		assert_string_equal(dates[365 + 365 + 365], "2028-12-31");
		g_strfreev(dates);
	}
	/* A daily rule from 1900 with a count: bounded by the budget too. */
	path = write_file(f, "daily.ics",
	                  "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:19000101\n"
	                  "RRULE:FREQ=DAILY;COUNT=2000000000\nEND:VEVENT\nEND:VCALENDAR\n", -1);
	{
		char **dates = load_ok(path, 2026, 2026);
		assert_int_equal(g_strv_length(dates), 365);
		g_strfreev(dates);
	}
	g_string_free(text, TRUE);
	if (test_cpu_seconds() - began > 120)
		fail_msg("the budget checks took %.0f s of CPU time", test_cpu_seconds() - began);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ics_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ics_window, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ics_yearly_national_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ics_several_calendars_and_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse_in_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ics_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ics_budget, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
