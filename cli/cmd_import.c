/*
 * followup import customers|contacts|orders FILE [--dry-run] [--map 'Column=field']…:
 * a team's spreadsheet, saved as CSV (UTF-8 with or without a BOM, or
 * GB18030 as Excel and WPS save it on a Chinese Windows), brought into
 * the sheet: all rows or none (core/sheet_import.c). An .xlsx or .xls
 * file is refused with what to do instead: Debian has no maintained C
 * library that reads them.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/sheet_import.h"
#include "lib/csv.h"
#include "lib/file.h"

/* A spreadsheet's CSV: larger is no follow-up sheet. */
#define IMPORT_MAX_BYTES (64 * 1024 * 1024)

/* Excel's and WPS's own formats: a zip (xlsx) or an OLE file (xls, et). */
static bool is_workbook(const char *path, const char *data, size_t len)
{
	return g_str_has_suffix(path, ".xlsx") || g_str_has_suffix(path, ".xls") ||
	       g_str_has_suffix(path, ".et") || (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) ||
	       (len >= 4 && memcmp(data, "\xD0\xCF\x11\xE0", 4) == 0);
}

/* The file's rows: CLI_OK, or an exit status after saying why. */
static int read_rows(const char *path, bool on_stdin, GPtrArray **rows_r,
                     const char **encoding_r)
{
	char *data = NULL, *text = NULL, *error = NULL;
	size_t len = 0;
	/* through followupd, the caller's own open file is our stdin */
	int rc = on_stdin ? file_read_fd(STDIN_FILENO, IMPORT_MAX_BYTES, &data, &len)
	                  : file_read_all(path, IMPORT_MAX_BYTES, &data, &len, NULL);
	int ret = CLI_USAGE;

	if (rc < 0) {
		cli_error("%s: %s", path, file_error_text(rc));
		return rc == -ENOENT ? CLI_NOT_FOUND : CLI_USAGE;
	}
	if (is_workbook(path, data, len)) {
		cli_error("%s: import reads CSV files; in Excel or WPS save the sheet as \"CSV UTF-8\" "
		          "(CSV UTF-8 (逗号分隔)) and import that", path);
		goto out;
	}
	if (csv_to_utf8(data, len, &text, encoding_r, &error) < 0 ||
	    csv_parse(text, rows_r, &error) < 0) {
		cli_error("%s: %s", path, error);
		goto out;
	}
	if ((*rows_r)->len == 0) {
		cli_error("%s: no header row", path);
		csv_rows_free(rows_r);
		goto out;
	}
	ret = CLI_OK;
out:
	g_free(error);
	g_free(text);
	g_free(data);
	return ret;
}

static json_t *result_json(const char *list, const char *path, const char *encoding,
                           const struct core_import_columns *cols,
                           const struct core_import_result *r, bool dry_run)
{
	json_t *problems = json_array();

	for (guint i = 0; i < r->problems->len; i++) {
		const struct core_import_problem *p =
			&g_array_index(r->problems, struct core_import_problem, i);
		json_array_append_new(problems, json_pack("{s:I, s:o}", "line", (json_int_t)p->line,
		                                          "problem", cli_json_string(p->what)));
	}
	return json_pack("{s:s, s:o, s:s, s:I, s:I, s:I, s:b, s:b, s:o, s:o}", "list", list,
	                 "file", cli_json_string(path), "encoding", encoding, "rows",
	                 (json_int_t)r->rows, "created", (json_int_t)r->created, "merged",
	                 (json_int_t)r->merged, "dry_run", dry_run, "imported", r->written,
	                 "ignored_columns", cli_json_strv(cols->ignored), "problems", problems);
}

static void print_result(const struct core_import_columns *cols,
                         const struct core_import_result *r, bool dry_run)
{
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < r->problems->len; i++) {
		const struct core_import_problem *p =
			&g_array_index(r->problems, struct core_import_problem, i);
		g_string_append_printf(out, "line %zu: ", p->line);
		safe_text_append(out, p->what, SAFE_TEXT_LINE);
		g_string_append_c(out, '\n');
	}
	for (size_t i = 0; cols->ignored[i] != NULL; i++) {
		g_string_append(out, "column ignored: ");
		safe_text_append(out, cols->ignored[i], SAFE_TEXT_LINE);
		g_string_append(out, " (--map 'Column=field' to use it)\n");
	}
	if (r->problems->len > 0)
		g_string_append_printf(out, "%u bad row%s of %zu: nothing imported\n",
		                       r->problems->len, r->problems->len == 1 ? "" : "s", r->rows);
	else
		g_string_append_printf(out, "%zu row%s %s: %zu new customer%s, %zu on customers "
		                       "already known\n", r->rows, r->rows == 1 ? "" : "s",
		                       dry_run ? "would import (dry run: nothing imported)" : "imported",
		                       r->created, r->created == 1 ? "" : "s", r->merged);
	fputs(out->str, stdout);
	g_string_free(out, TRUE);
}

/* Every --map of the command line. */
static int take_maps(struct cli_ctx *ctx, GPtrArray *maps)
{
	const char *map = NULL;

	do {
		if (cli_take_option(ctx, "map", &map) < 0)
			return -1;
		if (map != NULL)
			g_ptr_array_add(maps, (gpointer)map);
	} while (map != NULL);
	return 0;
}

int cmd_import(struct cli_ctx *ctx)
{
	GPtrArray *maps = g_ptr_array_new(), *rows = NULL;
	struct core_import_columns *cols = NULL;
	struct core_import_result *result = NULL;
	bool dry_run = cli_take_flag(ctx, "dry-run");
	enum core_import_kind kind = CORE_IMPORT_CUSTOMERS;
	const char *encoding = NULL;
	char *error = NULL;
	int ret = CLI_USAGE;

	if (take_maps(ctx, maps) < 0 || cli_expect_args(ctx, 2, 2) < 0)
		goto out;
	if (strcmp(ctx->argv[0], "contacts") == 0) {
		kind = CORE_IMPORT_CONTACTS;
	} else if (strcmp(ctx->argv[0], "orders") == 0) {
		kind = CORE_IMPORT_ORDERS;
	} else if (strcmp(ctx->argv[0], "customers") != 0) {
		cli_error("import: '%s' is no list to import (customers, contacts or orders)",
		          ctx->argv[0]);
		goto out;
	}
	const char *path = ctx->argv[1];
	if ((ret = cli_may_change(ctx, CORE_CHANGE_IMPORT, 0)) != CLI_OK ||
	    (ret = read_rows(path, ctx->input_on_stdin, &rows, &encoding)) != CLI_OK)
		goto out;
	const struct csv_row *header = rows->pdata[0];
	if (core_import_columns_map((const char *const *)header->fields, header->n_fields,
	                            (char *const *)maps->pdata, maps->len, &cols, &error) < 0) {
		cli_error("%s: %s", path, error);
		ret = CLI_USAGE;
		goto out;
	}
	if (core_import_rows(ctx->st, ctx->rt, kind, cols,
	                     (const struct csv_row *const *)rows->pdata + 1, rows->len - 1,
	                     dry_run, ctx->now,
	                     ctx->actor.person != NULL ? ctx->actor.name : g_get_user_name(),
	                     &result, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		json_array_append_new(arr, result_json(ctx->argv[0], path, encoding, cols, result,
		                                       dry_run));
		cli_print_json(arr);
	} else {
		print_result(cols, result, dry_run);
	}
	ret = result->problems->len > 0 ? CLI_USAGE : CLI_OK;
out:
	g_free(error);
	core_import_result_free(&result);
	core_import_columns_free(&cols);
	csv_rows_free(&rows);
	g_ptr_array_free(maps, TRUE);
	return ret;
}
