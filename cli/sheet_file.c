/* sheet_file: see sheet_file.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib.h>
#include <xlsxwriter.h>

#include "cli/cli.h"
#include "cli/sheet_file.h"
#include "core/orders.h"
#include "lib/csv.h"
#include "lib/text.h"

enum cell_type { CELL_TEXT, CELL_AMOUNT, CELL_COUNT, CELL_DAY, CELL_TIME };

struct cell {
	enum cell_type type;
	char *text;              /* CELL_TEXT, CELL_DAY; NULL: empty */
	int64_t value;           /* CELL_AMOUNT, CELL_COUNT, CELL_TIME (INT64_MIN: empty) */
};

struct cli_sheet {
	char *name;
	char **columns;
	size_t n_columns;
	GArray *cells;           /* struct cell, row by row */
};

/* Excel's longest text in a cell, in characters; bytes are fewer. */
#define XLSX_MAX_TEXT 32767

static void cell_clear(gpointer p)
{
	g_free(((struct cell *)p)->text);
}

struct cli_sheet *cli_sheet_new(const char *name, const char *const *columns, size_t n)
{
	struct cli_sheet *s = g_new0(struct cli_sheet, 1);

	s->name = g_strdup(name);
	s->columns = g_new0(char *, n + 1);
	for (size_t i = 0; i < n; i++)
		s->columns[i] = g_strdup(columns[i]);
	s->n_columns = n;
	s->cells = g_array_new(FALSE, TRUE, sizeof(struct cell));
	g_array_set_clear_func(s->cells, cell_clear);
	return s;
}

void cli_sheet_free(struct cli_sheet **sp)
{
	struct cli_sheet *s = *sp;

	if (s == NULL)
		return;
	g_free(s->name);
	g_strfreev(s->columns);
	g_array_free(s->cells, TRUE);
	g_free(s);
	*sp = NULL;
}

static void add(struct cli_sheet *s, enum cell_type type, const char *text, int64_t value)
{
	/* Mail's text is UTF-8 already; a file is no place to find out. */
	struct cell c = { .type = type, .value = value,
	                  .text = text != NULL ? g_utf8_make_valid(text, -1) : NULL };
	g_array_append_val(s->cells, c);
}

void cli_sheet_text(struct cli_sheet *s, const char *text)
{
	add(s, CELL_TEXT, text, 0);
}

void cli_sheet_amount(struct cli_sheet *s, int64_t milli)
{
	add(s, CELL_AMOUNT, NULL, milli);
}

void cli_sheet_count(struct cli_sheet *s, int64_t n)
{
	add(s, CELL_COUNT, NULL, n);
}

void cli_sheet_day(struct cli_sheet *s, const char *day)
{
	add(s, CELL_DAY, day, 0);
}

void cli_sheet_time(struct cli_sheet *s, int64_t t)
{
	add(s, CELL_TIME, NULL, t);
}

size_t cli_sheet_rows(const struct cli_sheet *s)
{
	return s->n_columns > 0 ? s->cells->len / s->n_columns : 0;
}

/* A date cell's instant as broken-down time: a day is itself; an RFC 3339
 * time is shown in the display zone (cli_local_tm). false when text is neither. */
static bool day_tm(const char *text, struct tm *tm_r, bool *has_time_r)
{
	memset(tm_r, 0, sizeof(*tm_r));
	*has_time_r = false;
	if (strlen(text) == 10) {
		GDate *d = g_date_new();
		g_date_set_parse(d, text);
		bool ok = g_date_valid(d) && text[4] == '-' && text[7] == '-';
		if (ok) {
			tm_r->tm_year = g_date_get_year(d) - 1900;
			tm_r->tm_mon = g_date_get_month(d) - 1;
			tm_r->tm_mday = g_date_get_day(d);
		}
		g_date_free(d);
		return ok;
	}
	GDateTime *dt = g_date_time_new_from_iso8601(text, NULL);
	if (dt == NULL)
		return false;
	int64_t t = g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	*has_time_r = true;
	return cli_local_tm(t, tm_r);
}

/* ---- CSV ---- */

/* A cell as a CSV field: new string, or NULL for an empty one. */
static char *csv_text(const struct cell *c)
{
	char buf[64];
	struct tm tm;
	bool has_time;

	switch (c->type) {
	case CELL_TEXT:
		return g_strdup(c->text);
	case CELL_AMOUNT:
		core_amount_format(c->value, buf, sizeof(buf));
		return g_strdup(buf);
	case CELL_COUNT:
		return g_strdup_printf("%lld", (long long)c->value);
	case CELL_DAY:
		if (c->text == NULL || !day_tm(c->text, &tm, &has_time))
			return g_strdup(c->text);
		strftime(buf, sizeof(buf), has_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d", &tm);
		return g_strdup(buf);
	case CELL_TIME:
		if (c->value == INT64_MIN)
			return NULL;
		/* the display zone's wall clock, without the zone's name, so
		 * that a spreadsheet reads the cell as a date */
		if (!cli_local_tm(c->value, &tm))
			return NULL;
		strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M", &tm);
		return g_strdup(buf);
	}
	return NULL;
}

int cli_sheet_write_csv(const struct cli_sheet *s, const char *path, char **error_r)
{
	GString *out = g_string_new(CSV_BOM);
	char **row = g_new0(char *, s->n_columns + 1);
	GError *gerr = NULL;
	int ret = 0;

	csv_append_row(out, (const char *const *)s->columns, s->n_columns);
	for (guint i = 0; i < s->cells->len; i += (guint)s->n_columns) {
		for (size_t j = 0; j < s->n_columns; j++)
			row[j] = csv_text(&g_array_index(s->cells, struct cell, i + j));
		csv_append_row(out, (const char *const *)row, s->n_columns);
		for (size_t j = 0; j < s->n_columns; j++)
			g_clear_pointer(&row[j], g_free);
	}
	/* Written beside and renamed: a reader never sees half a file. */
	if (!g_file_set_contents(path, out->str, (gssize)out->len, &gerr)) {
		*error_r = g_strdup(gerr->message);
		g_error_free(gerr);
		ret = -1;
	}
	g_free(row);
	g_string_free(out, TRUE);
	return ret;
}

/* ---- xlsx ---- */

struct xlsx_formats {
	lxw_format *header, *day, *time, *amount;
};

static lxw_error write_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, const char *text,
                            lxw_format *f)
{
	if (text == NULL || text[0] == '\0')
		return LXW_NO_ERROR;
	if (g_utf8_strlen(text, -1) <= XLSX_MAX_TEXT)
		return worksheet_write_string(ws, r, col, text, f);
	char *cut = g_strndup(text, text_prefix_length(text, XLSX_MAX_TEXT));
	lxw_error err = worksheet_write_string(ws, r, col, cut, f);
	g_free(cut);
	return err;
}

static lxw_error write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, const struct cell *c,
                            const struct xlsx_formats *f)
{
	struct tm tm;
	bool has_time = false;

	switch (c->type) {
	case CELL_TEXT:
		return write_text(ws, r, col, c->text, NULL);
	case CELL_AMOUNT:
		return worksheet_write_number(ws, r, col, (double)c->value / 1000.0, f->amount);
	case CELL_COUNT:
		return worksheet_write_number(ws, r, col, (double)c->value, NULL);
	case CELL_DAY:
		if (c->text == NULL)
			return LXW_NO_ERROR;
		if (!day_tm(c->text, &tm, &has_time))
			return write_text(ws, r, col, c->text, NULL);
		break;
	case CELL_TIME:
		if (!cli_local_tm(c->value, &tm))
			return LXW_NO_ERROR;
		has_time = true;
		break;
	}
	lxw_datetime dt = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	                    tm.tm_sec };
	return worksheet_write_datetime(ws, r, col, &dt, has_time ? f->time : f->day);
}

int cli_sheet_write_xlsx(const struct cli_sheet *s, const char *path, char **error_r)
{
	char *tmp = g_strconcat(path, ".tmp", NULL);
	lxw_workbook *wb = workbook_new(tmp);
	lxw_error err = LXW_NO_ERROR;
	int ret = -1;

	if (wb == NULL) {
		*error_r = g_strdup_printf("cannot write %s", tmp);
		goto out;
	}
	lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);
	struct xlsx_formats f = {
		.header = workbook_add_format(wb), .day = workbook_add_format(wb),
		.time = workbook_add_format(wb), .amount = workbook_add_format(wb),
	};
	format_set_bold(f.header);
	format_set_num_format(f.day, "yyyy-mm-dd");
	format_set_num_format(f.time, "yyyy-mm-dd hh:mm");
	format_set_num_format(f.amount, "#,##0.00");
	for (size_t j = 0; j < s->n_columns && err == LXW_NO_ERROR; j++)
		err = write_text(ws, 0, (lxw_col_t)j, s->columns[j], f.header);
	worksheet_freeze_panes(ws, 1, 0);
	/* Printed, a list is as wide as the page and repeats its header. */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 0);
	worksheet_set_column(ws, 0, (lxw_col_t)(s->n_columns > 0 ? s->n_columns - 1 : 0), 16, NULL);
	for (guint i = 0; i < s->cells->len && err == LXW_NO_ERROR; i++) {
		lxw_row_t r = (lxw_row_t)(i / s->n_columns + 1);
		lxw_col_t col = (lxw_col_t)(i % s->n_columns);
		err = write_cell(ws, r, col, &g_array_index(s->cells, struct cell, i), &f);
	}
	lxw_error closed = workbook_close(wb);
	if (err == LXW_NO_ERROR)
		err = closed;
	if (err != LXW_NO_ERROR) {
		*error_r = g_strdup_printf("cannot write %s: %s", path, lxw_strerror(err));
		goto out;
	}
	if (rename(tmp, path) < 0) {
		*error_r = g_strdup_printf("cannot write %s: %s", path, g_strerror(errno));
		goto out;
	}
	ret = 0;
out:
	if (ret < 0)
		unlink(tmp);
	g_free(tmp);
	return ret;
}
