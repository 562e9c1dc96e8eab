#ifndef FOLLOWUP_RULES_HOLIDAYS_H
#define FOLLOWUP_RULES_HOLIDAYS_H
/*
 * holidays: the text of a holiday file into a list of local dates for
 * rules/bizcal. Either an iCalendar file (.ics: every VEVENT's DTSTART
 * date, all-day or not, multi-day events expanded through DTEND, yearly
 * and other RRULEs expanded for the years from_year..to_year) read with
 * libical, or a plain list: one date "YYYY-MM-DD" a line, '#' comments, an
 * optional text after the date ("2026-10-01 National Day"). Pure: the
 * file is read by core/holidays.c (holidays_load).
 */
#include <stddef.h>

/* len bytes of text (not necessarily NUL-terminated; NULL only with len
 * 0), with name standing for the file in error messages (NULL: the error
 * "no holiday file given").
 *
 * 0 and *dates_r a NULL-terminated, sorted, de-duplicated vector of
 * "YYYY-MM-DD" (g_strfreev), or -1 with *error_r (g_free) naming the file,
 * the line when there is one, and what is wrong.
 *
 * Only dates within from_year..to_year are returned (at most 400 years;
 * every date in the file is still checked); a timed event counts for the
 * dates written in DTSTART..DTEND, in its own time zone (a UTC time: the
 * UTC date); STATUS:CANCELLED events, EXDATEs and instances replaced by a
 * RECURRENCE-ID event are left out, RDATEs added. An RRULE more frequent
 * than DAILY, or a calendar that would expand to more than 20 million
 * days and steps is an error. */
int holidays_parse(const char *name, const char *text, size_t len, int from_year,
                   int to_year, char ***dates_r, char **error_r);

#endif
