#ifndef FOLLOWUP_CLI_SHEET_FILE_H
#define FOLLOWUP_CLI_SHEET_FILE_H
/*
 * sheet_file: a list as a table of typed cells, written as a CSV file
 * (lib/csv.c: UTF-8 with a BOM, CRLF, formulas neutralised) or an .xlsx
 * workbook (libxlsxwriter: days and times as date cells, amounts and
 * counts as numbers, text always as text, never as a formula). Only the
 * CLI writes files for people, so only cli/ links libxlsxwriter.
 *
 * The sheet owns copies of every text it is given.
 */
#include <stdint.h>
#include <stddef.h>

struct cli_sheet;

/* A sheet named name (the worksheet's name) with n columns. */
struct cli_sheet *cli_sheet_new(const char *name, const char *const *columns, size_t n);
void cli_sheet_free(struct cli_sheet **sheet);

/* The next cell, row by row, left to right. */
void cli_sheet_text(struct cli_sheet *s, const char *text);          /* NULL: empty */
void cli_sheet_amount(struct cli_sheet *s, int64_t milli);           /* thousandths */
void cli_sheet_count(struct cli_sheet *s, int64_t n);
/* A sheet date as the store keeps it: YYYY-MM-DD, or an RFC 3339 UTC
 * time ("…T01:00:00Z", shown in local time); NULL: empty. */
void cli_sheet_day(struct cli_sheet *s, const char *day);
void cli_sheet_time(struct cli_sheet *s, int64_t t);                 /* INT64_MIN: empty */

/* The rows written so far (the header not counted). */
size_t cli_sheet_rows(const struct cli_sheet *s);

/* Writes the sheet to path (replacing it): 0, or -1 with *error_r (g_free). */
int cli_sheet_write_csv(const struct cli_sheet *s, const char *path, char **error_r);
int cli_sheet_write_xlsx(const struct cli_sheet *s, const char *path, char **error_r);

#endif
