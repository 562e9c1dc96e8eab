/*
 * libFuzzer target for lib/csv.c: whatever the bytes, reading them ends
 * (an error or rows within the limits), every field read is written back
 * so that reading the written row gives the same fields (a formula
 * with the apostrophe that neutralises it), and no written field starts
 * a formula.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "lib/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(const struct csv_row *row)
{
	GString *out = g_string_new(NULL);
	GPtrArray *again = NULL;
	char *error = NULL;

	csv_append_row(out, (const char *const *)row->fields, row->n_fields);
	if (csv_parse(out->str, &again, &error) < 0)
		abort();
	/* A row of empty fields reads as no row. */
	if (again->len == 0) {
		for (size_t i = 0; i < row->n_fields; i++) {
			if (row->fields[i][0] != '\0')
				abort();
		}
	} else {
		const struct csv_row *r = again->pdata[0];
		if (again->len != 1 || r->n_fields != row->n_fields)
			abort();
		for (size_t i = 0; i < r->n_fields; i++) {
			const char *orig = row->fields[i];
			bool formula = csv_cell_is_formula(orig);
			if (csv_cell_is_formula(r->fields[i]) ||
			    strcmp(r->fields[i] + formula, orig) != 0 ||
			    (formula && strcmp(csv_cell_unneutralised(r->fields[i]), orig) != 0))
				abort();
		}
	}
	csv_rows_free(&again);
	g_string_free(out, TRUE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = NULL, *error = NULL;
	const char *encoding;
	GPtrArray *rows = NULL;

	if (csv_to_utf8((const char *)data, size, &text, &encoding, &error) < 0) {
		g_free(error);
		return 0;
	}
	if (!g_utf8_validate(text, -1, NULL))
		abort();
	if (csv_parse(text, &rows, &error) < 0) {
		g_free(error);
		g_free(text);
		return 0;
	}
	for (guint i = 0; i < rows->len; i++) {
		const struct csv_row *r = rows->pdata[i];
		if (r->n_fields > CSV_MAX_FIELDS || r->line == 0)
			abort();
		round_trip(r);
	}
	csv_rows_free(&rows);
	g_free(text);
	return 0;
}
