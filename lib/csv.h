#ifndef FOLLOWUP_LIB_CSV_H
#define FOLLOWUP_LIB_CSV_H
/*
 * csv: comma-separated values as spreadsheets read and write them
 * (RFC 4180). Pure.
 *
 * Writing: a file begins with the UTF-8 byte order mark (so Excel and WPS
 * read UTF-8, not the local code page), rows end in CRLF, a field with a
 * comma, quote, CR or LF is quoted with its quotes doubled, and a field
 * that starts with = + - @ a tab or a CR gets a leading apostrophe: a
 * spreadsheet shows it as text instead of running it as a formula (a
 * buyer named "=HYPERLINK(…)" stays a name).
 *
 * Reading: quoted fields with line breaks and doubled quotes, CRLF or LF
 * rows; bounded field and row sizes, so a hostile file costs bounded
 * memory. Input is first made UTF-8 by csv_to_utf8().
 */
#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

#define CSV_BOM "\xEF\xBB\xBF"

#define CSV_MAX_FIELD   (64 * 1024)  /* bytes of one field */
#define CSV_MAX_FIELDS  512          /* fields of one row */
#define CSV_MAX_ROWS    200000
/* Fields of the whole file: a row of 512 one-byte fields costs ~20 KiB
 * in memory, so a 64 MiB file of commas must not become gigabytes. */
#define CSV_MAX_CELLS   2000000

/* True when a spreadsheet would take cell as a formula (its first byte
 * is = + - @ TAB or CR). */
bool csv_cell_is_formula(const char *cell);
/* Appends one field (NULL: empty), neutralised and quoted as needed. */
void csv_append_field(GString *out, const char *cell);
/* Appends the n fields as one row ending in CRLF. */
void csv_append_row(GString *out, const char *const *cells, size_t n);

/* The input's text as UTF-8: without a leading BOM when it is valid
 * UTF-8, else converted from GB18030 (what Excel and WPS save as "CSV"
 * on a Chinese Windows). 0 with *text_r (g_free, NUL-terminated, no NUL
 * inside) and *encoding_r ("UTF-8" or "GB18030", static), or -1 with
 * *error_r (g_free). */
int csv_to_utf8(const char *data, size_t len, char **text_r, const char **encoding_r,
                char **error_r);

/* One row as read: its fields and the line it starts on (1: the first). */
struct csv_row {
	char **fields;       /* NULL-terminated; g_strfreev */
	size_t n_fields;
	size_t line;
};
/* The rows of UTF-8 text (csv_to_utf8()). A row of only empty fields is
 * skipped. 0 with *rows_r (struct csv_row *; csv_rows_free), or -1 with
 * *error_r naming the line (an unterminated quote, a field, row or file
 * over the limits (CSV_MAX_*), a quote inside an unquoted field). */
int csv_parse(const char *text, GPtrArray **rows_r, char **error_r);
void csv_rows_free(GPtrArray **rows);

/* A field as written before csv_append_field() neutralised it: a leading
 * apostrophe before a formula character is dropped. Borrowed from cell. */
const char *csv_cell_unneutralised(const char *cell);

#endif
