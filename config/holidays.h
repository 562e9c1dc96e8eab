#ifndef FOLLOWUP_CONFIG_HOLIDAYS_H
#define FOLLOWUP_CONFIG_HOLIDAYS_H
/*
 * holidays: a holiday file into a list of local dates for rules/bizcal.
 * Either an iCalendar file (.ics: every VEVENT's DTSTART date, all-day or
 * not, multi-day events expanded through DTEND, yearly and other RRULEs
 * expanded for the years from_year..to_year) read with libical, or a plain
 * list: one date "YYYY-MM-DD" a line, '#' comments, an optional text after
 * the date ("2026-10-01 National Day").
 */

/* 0 and *dates_r a NULL-terminated, sorted, de-duplicated vector of
 * "YYYY-MM-DD" (g_strfreev), or -1 with *error_r (g_free) naming the file,
 * the line when there is one, and what is wrong. */
int config_holidays_load(const char *path, int from_year, int to_year, char ***dates_r,
                         char **error_r);

#endif
