/* csv: see csv.h. */
#include <string.h>

#include "lib/csv.h"

static bool formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool csv_cell_is_formula(const char *cell)
{
	return cell != NULL && formula_start(cell[0]);
}

void csv_append_field(GString *out, const char *cell)
{
	if (cell == NULL)
		return;
	bool formula = csv_cell_is_formula(cell);
	bool quote = strpbrk(cell, ",\"\r\n") != NULL;

	if (quote)
		g_string_append_c(out, '"');
	if (formula)
		g_string_append_c(out, '\'');
	for (const char *p = cell; *p != '\0'; p++) {
		if (*p == '"')
			g_string_append_c(out, '"');
		g_string_append_c(out, *p);
	}
	if (quote)
		g_string_append_c(out, '"');
}

void csv_append_row(GString *out, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			g_string_append_c(out, ',');
		csv_append_field(out, cells[i]);
	}
	g_string_append(out, "\r\n");
}

int csv_to_utf8(const char *data, size_t len, char **text_r, const char **encoding_r,
                char **error_r)
{
	GError *gerr = NULL;
	gsize written = 0;

	*text_r = NULL;
	if (memchr(data, '\0', len) != NULL) {
		/* UTF-16 (Excel's "Unicode text") or not text at all. */
		*error_r = g_strdup("the file holds NUL bytes: not a CSV file in UTF-8 or GB18030 "
		                    "(save it as \"CSV UTF-8\")");
		return -1;
	}
	if (len >= 3 && memcmp(data, CSV_BOM, 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (g_utf8_validate(data, (gssize)len, NULL)) {
		*text_r = g_strndup(data, len);
		*encoding_r = "UTF-8";
		return 0;
	}
	char *conv = g_convert(data, (gssize)len, "UTF-8", "GB18030", NULL, &written, &gerr);
	if (conv == NULL || memchr(conv, '\0', written) != NULL) {
		*error_r = g_strdup_printf("the file is neither UTF-8 nor GB18030 text (%s)",
		                           gerr != NULL ? gerr->message : "a NUL character");
		g_clear_error(&gerr);
		g_free(conv);
		return -1;
	}
	*text_r = conv;
	*encoding_r = "GB18030";
	return 0;
}

/* The reader's state over the text. */
struct reader {
	const char *p;
	size_t line;
	GString *field;
	GPtrArray *fields;
	size_t cells;            /* fields of the whole file so far */
	char *error;
};

static void row_free(gpointer p)
{
	struct csv_row *row = p;

	g_strfreev(row->fields);
	g_free(row);
}

void csv_rows_free(GPtrArray **rows)
{
	if (*rows != NULL)
		g_ptr_array_free(*rows, TRUE);
	*rows = NULL;
}

static int fail(struct reader *r, const char *what)
{
	r->error = g_strdup_printf("line %zu: %s", r->line, what);
	return -1;
}

static int add_byte(struct reader *r, char c)
{
	if (r->field->len >= CSV_MAX_FIELD)
		return fail(r, "a field longer than 64 KiB");
	g_string_append_c(r->field, c);
	return 0;
}

static int end_field(struct reader *r)
{
	if (r->fields->len >= CSV_MAX_FIELDS)
		return fail(r, "a row of more than 512 fields");
	if (++r->cells > CSV_MAX_CELLS)
		return fail(r, "more than 2000000 fields in the file");
	g_ptr_array_add(r->fields, g_strndup(r->field->str, r->field->len));
	g_string_truncate(r->field, 0);
	return 0;
}

/* A quoted field, from after its opening quote to after its closing one. */
static int quoted(struct reader *r)
{
	size_t start = r->line;

	for (;;) {
		char c = *r->p;
		if (c == '\0') {
			r->line = start;
			return fail(r, "a quoted field is not closed");
		}
		r->p++;
		if (c == '"') {
			if (*r->p != '"')
				return 0;
			r->p++;
		} else if (c == '\n') {
			r->line++;
		}
		if (add_byte(r, c) < 0)
			return -1;
	}
}

/* One field; *end_r: the row ended after it. */
static int field(struct reader *r, bool *end_r)
{
	*end_r = false;
	if (*r->p == '"') {
		r->p++;
		if (quoted(r) < 0)
			return -1;
	}
	for (;;) {
		char c = *r->p;
		if (c == '\0' || c == ',' || c == '\n' || (c == '\r' && r->p[1] == '\n') ||
		    (c == '\r' && r->p[1] == '\0'))
			break;
		if (c == '"')
			return fail(r, "a quote inside an unquoted field (quote the whole field "
			               "and double the quote)");
		if (add_byte(r, c) < 0)
			return -1;
		r->p++;
	}
	if (end_field(r) < 0)
		return -1;
	if (*r->p == ',') {
		r->p++;
		return 0;
	}
	*end_r = true;
	if (*r->p == '\r')
		r->p++;
	if (*r->p == '\n') {
		r->p++;
		r->line++;
	}
	return 0;
}

static bool all_empty(GPtrArray *fields)
{
	for (guint i = 0; i < fields->len; i++) {
		if (((char *)fields->pdata[i])[0] != '\0')
			return false;
	}
	return true;
}

int csv_parse(const char *text, GPtrArray **rows_r, char **error_r)
{
	struct reader r = { .p = text, .line = 1 };
	GPtrArray *rows = g_ptr_array_new_with_free_func(row_free);
	int ret = -1;

	r.field = g_string_new(NULL);
	r.fields = g_ptr_array_new_with_free_func(g_free);
	while (*r.p != '\0') {
		size_t line = r.line;
		bool end = false;
		while (!end) {
			if (field(&r, &end) < 0)
				goto out;
		}
		if (all_empty(r.fields)) {
			g_ptr_array_set_size(r.fields, 0);
			continue;
		}
		if (rows->len >= CSV_MAX_ROWS) {
			r.line = line;
			fail(&r, "more than 200000 rows");
			goto out;
		}
		struct csv_row *row = g_new0(struct csv_row, 1);
		row->n_fields = r.fields->len;
		row->line = line;
		g_ptr_array_add(r.fields, NULL);
		row->fields = (char **)g_ptr_array_steal(r.fields, NULL);
		g_ptr_array_add(rows, row);
	}
	ret = 0;
out:
	g_string_free(r.field, TRUE);
	g_ptr_array_free(r.fields, TRUE);
	if (ret < 0) {
		*error_r = r.error;
		g_ptr_array_free(rows, TRUE);
		rows = NULL;
	}
	*rows_r = rows;
	return ret;
}

const char *csv_cell_unneutralised(const char *cell)
{
	if (cell[0] == '\'' && formula_start(cell[1]))
		return cell + 1;
	return cell;
}
