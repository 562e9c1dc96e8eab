/* holidays: reads a holiday file for rules/holidays.c (see holidays.h). */
#include <errno.h>
#include <glib.h>

#include "core/holidays.h"
#include "lib/file.h"

/* Bigger than any holiday calendar: a wrong file, not a calendar. */
#define HOLIDAYS_MAX_FILE (16 * 1024 * 1024)

/* What is wrong with the file, for file_read_all()'s rc < 0. */
static char *read_error(const char *path, int rc)
{
	if (rc == FILE_ERR_NOT_REGULAR || rc == -EISDIR)
		return g_strdup_printf("%s: not a regular file (holidays = names an .ics file or a "
		                       "list of dates)", path);
	if (rc == FILE_ERR_TOO_LARGE)
		return g_strdup_printf("%s: larger than %d MiB (is this the right file?)", path,
		                       HOLIDAYS_MAX_FILE / (1024 * 1024));
	return g_strdup_printf("%s: cannot open: %s (check the path and its permissions)", path,
	                       file_error_text(rc));
}

int holidays_load(const char *path, int from_year, int to_year, char ***dates_r,
                  char **error_r)
{
	char *text = NULL;
	size_t len = 0;
	int rc, ret;

	*dates_r = NULL;
	*error_r = NULL;
	/* No file: the parser's own error says so. */
	if (path == NULL)
		return holidays_parse(NULL, NULL, 0, from_year, to_year, dates_r, error_r);
	rc = file_read_all(path, HOLIDAYS_MAX_FILE, &text, &len, NULL);
	if (rc < 0) {
		*error_r = read_error(path, rc);
		return -1;
	}
	ret = holidays_parse(path, text, len, from_year, to_year, dates_r, error_r);
	g_free(text);
	return ret;
}
