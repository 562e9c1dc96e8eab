/* lib/csv: writing (quoting, neutralised formulas, CRLF), reading
 * (quoted line breaks, doubled quotes, limits, line numbers) and the
 * encoding of what is read (UTF-8 with or without BOM, GB18030). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "lib/csv.h"

static void test_write(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "plain", "plain" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\r\nlines", "\"two\r\nlines\"" },
		{ "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
		{ "+49 30 1234", "'+49 30 1234" },
		{ "-1", "'-1" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		{ "a=b", "a=b" },
		{ "客户", "客户" },
		{ "", "" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		GString *out = g_string_new(NULL);
		csv_append_field(out, cases[i].in);
		assert_string_equal(out->str, cases[i].out);
		g_string_free(out, TRUE);
	}
	GString *row = g_string_new(NULL);
	const char *cells[] = { "id", NULL, "x,y" };
	csv_append_row(row, cells, 3);
	assert_string_equal(row->str, "id,,\"x,y\"\r\n");
	g_string_free(row, TRUE);
	assert_true(csv_cell_is_formula("=1"));
	assert_false(csv_cell_is_formula("1="));
	assert_false(csv_cell_is_formula(NULL));
}

static GPtrArray *parse_ok(const char *text)
{
	GPtrArray *rows = NULL;
	char *error = NULL;

	assert_int_equal(csv_parse(text, &rows, &error), 0);
	assert_null(error);
	return rows;
}

static const struct csv_row *row_at(GPtrArray *rows, guint i)
{
	assert_true(i < rows->len);
	return rows->pdata[i];
}

static void test_read(void **state)
{
	GPtrArray *rows = parse_ok("name,note\r\n\"Kunde, GmbH\",\"line 1\nline \"\"2\"\"\"\r\n"
	                           "\r\n,,\nlast,x");
	const struct csv_row *r;

	(void)state;
	assert_int_equal(rows->len, 3);
	r = row_at(rows, 0);
	assert_int_equal(r->line, 1);
	assert_int_equal(r->n_fields, 2);
	assert_string_equal(r->fields[1], "note");
	r = row_at(rows, 1);
	assert_int_equal(r->line, 2);
	assert_string_equal(r->fields[0], "Kunde, GmbH");
	assert_string_equal(r->fields[1], "line 1\nline \"2\"");
	/* The quoted line break counts: the blank line is 4, ",," 5 (skipped). */
	r = row_at(rows, 2);
	assert_int_equal(r->line, 6);
	assert_string_equal(r->fields[0], "last");
	assert_null(r->fields[2]);
	csv_rows_free(&rows);
	assert_null(rows);

	rows = parse_ok("a,\n");
	r = row_at(rows, 0);
	assert_int_equal(r->n_fields, 2);
	assert_string_equal(r->fields[1], "");
	csv_rows_free(&rows);

	rows = parse_ok("");
	assert_int_equal(rows->len, 0);
	csv_rows_free(&rows);
}

static void parse_fails(const char *text, const char *error_part)
{
	GPtrArray *rows = NULL;
	char *error = NULL;

	assert_int_equal(csv_parse(text, &rows, &error), -1);
	assert_null(rows);
	assert_non_null(strstr(error, error_part));
	g_free(error);
}

static void test_read_errors(void **state)
{
	(void)state;
	parse_fails("a\nb,\"open\nstill open", "line 2: a quoted field is not closed");
	parse_fails("a\nx\"y\n", "line 2: a quote inside an unquoted field");
	char *big = g_strnfill(CSV_MAX_FIELD + 1, 'x');
	parse_fails(big, "longer than 64 KiB");
	g_free(big);
	char *wide = g_strnfill(CSV_MAX_FIELDS + 1, ',');
	parse_fails(wide, "more than 512 fields");
	g_free(wide);
	/* 4000 rows of 501 fields: over the file's limit on line 3993. */
	GString *many = g_string_new(NULL);
	for (int i = 0; i < 4000; i++) {
		g_string_append_c(many, 'x');
		for (int j = 0; j < 500; j++)
			g_string_append_c(many, ',');
		g_string_append_c(many, '\n');
	}
	parse_fails(many->str, "line 3993: more than 2000000 fields in the file");
	g_string_free(many, TRUE);
}

static void test_round_trip(void **state)
{
	const char *cells[] = { "=cmd|' /C calc'!A0", "-5", "a\"b", "x\ny" };
	GString *out = g_string_new(NULL);
	GPtrArray *rows;

	(void)state;
	csv_append_row(out, cells, 4);
	rows = parse_ok(out->str);
	const struct csv_row *r = row_at(rows, 0);
	assert_string_equal(r->fields[0], "'=cmd|' /C calc'!A0");
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(csv_cell_unneutralised(r->fields[i]), cells[i]);
	assert_string_equal(csv_cell_unneutralised("'plain"), "'plain");
	csv_rows_free(&rows);
	g_string_free(out, TRUE);
}

static void test_encoding(void **state)
{
	/* 客户名称 in GB18030 (GBK range). */
	static const char gb[] = "\xbf\xcd\xbb\xa7\xc3\xfb\xb3\xc6,x\r\n";
	char *text = NULL, *error = NULL;
	const char *enc = NULL;

	(void)state;
	assert_int_equal(csv_to_utf8(gb, strlen(gb), &text, &enc, &error), 0);
	assert_string_equal(enc, "GB18030");
	assert_string_equal(text, "客户名称,x\r\n");
	g_free(text);

	static const char bom[] = CSV_BOM "客户名称,x";
	assert_int_equal(csv_to_utf8(bom, strlen(bom), &text, &enc, &error), 0);
	assert_string_equal(enc, "UTF-8");
	assert_string_equal(text, "客户名称,x");
	g_free(text);

	assert_int_equal(csv_to_utf8("plain", 5, &text, &enc, &error), 0);
	assert_string_equal(text, "plain");
	g_free(text);

	/* UTF-16 (NUL bytes) and bytes GB18030 cannot read either. */
	assert_int_equal(csv_to_utf8("\xff\xfe" "a\0b\0", 6, &text, &enc, &error), -1);
	assert_null(text);
	assert_non_null(strstr(error, "CSV UTF-8"));
	g_free(error);
	error = NULL;
	assert_int_equal(csv_to_utf8("a\x81", 2, &text, &enc, &error), -1);
	assert_non_null(strstr(error, "neither UTF-8 nor GB18030"));
	g_free(error);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_read_errors),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_encoding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
