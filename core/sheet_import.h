#ifndef FOLLOWUP_CORE_SHEET_IMPORT_H
#define FOLLOWUP_CORE_SHEET_IMPORT_H
/*
 * sheet_import: a team's existing spreadsheet brought into the sheet
 * (`followup import customers|contacts|orders FILE`). The columns are mapped to
 * fields by their headers (data/sheet_headers.txt, English and Chinese,
 * and the caller's COLUMN=field overrides); each row's values are
 * checked by the same functions as `customer set` and `contact set`
 * (core/records.c) and written in one store transaction: all rows or
 * none. A row's customer is the one its email's contact is on, else the
 * customer key of its customer column, email or website (a free-mail
 * address is its own customer, another address its domain), made when
 * the mail has not: imported rows merge with what the mail knows.
 *
 * One function does the whole change, so that a caller other than the
 * CLI (the daemon's control socket) can run it.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "core/runtime.h"
#include "lib/csv.h"
#include "store/store.h"

/* The field each column of a sheet gives: NULL for a column ignored. */
struct core_import_columns {
	char **fields;            /* n entries (field names, static strings' copies) */
	size_t n;
	char **ignored;           /* the headers of the ignored columns, NULL-terminated */
};
/* Maps a header row (n cells) to fields: each "Column=field" of maps
 * first (the column named exactly as written, or by the header list's
 * folding), then the built-in list. 0 with *cols_r, or -1 with *error_r
 * (a map naming no column or no field, two columns for one field, or no
 * column that names a customer: customer, email or website). */
int core_import_columns_map(const char *const *header, size_t n, char *const *maps,
                            size_t n_maps, struct core_import_columns **cols_r,
                            char **error_r);
void core_import_columns_free(struct core_import_columns **cols);
/* The field a header stands for in the built-in list, or NULL (static). */
const char *core_import_header_field(const char *header);

enum core_import_kind {
	CORE_IMPORT_CUSTOMERS,    /* a customer a row */
	CORE_IMPORT_CONTACTS,     /* a contact a row: the email is required */
	CORE_IMPORT_ORDERS,       /* an order a row (number amount currency required;
	                           * incoterm due deposit), checked as `order add`
	                           * checks it, on the row's customer */
};

struct core_import_problem {
	size_t line;              /* the row's first line in the file */
	char *what;
};
struct core_import_result {
	size_t rows;
	size_t created;           /* customers the import made */
	size_t merged;            /* rows on a customer the store had */
	GArray *problems;         /* struct core_import_problem, by line */
	bool written;             /* committed: no problem and no dry run */
};
void core_import_result_free(struct core_import_result **result);

/* Checks and writes the rows (the header row not among them). Every bad
 * row is a problem with its line; with a problem or dry_run nothing is
 * written. author: who imports (a stage move says so). 0 with *result_r,
 * or -1 with *error_r when the store fails (nothing written). */
int core_import_rows(struct store *st, const struct core_runtime *rt,
                     enum core_import_kind kind, const struct core_import_columns *cols,
                     const struct csv_row *const *rows, size_t n, bool dry_run, int64_t now,
                     const char *author, struct core_import_result **result_r, char **error_r);

#endif
