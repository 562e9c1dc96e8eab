#ifndef FOLLOWUP_CORE_HOLIDAYS_H
#define FOLLOWUP_CORE_HOLIDAYS_H
/*
 * holidays: a holiday file read and given to rules/holidays.c, which
 * knows the formats (an iCalendar file or a list of dates).
 */
#include "rules/holidays.h"

/* The file at path, of at most 16 MiB, as holidays_parse() reads it
 * (path names the file in errors; NULL: "no holiday file given"). 0 and
 * *dates_r (g_strfreev), or -1 with *error_r (g_free) naming the file. */
int holidays_load(const char *path, int from_year, int to_year, char ***dates_r,
                  char **error_r);

#endif
