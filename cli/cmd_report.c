/*
 * followup report --html FILE [--from DATE --to DATE]: the manager's
 * report as one self-contained HTML page (core/report.c gathers it,
 * core/report_html.c draws it), written whole or not at all. With
 * --json, what was written: [{"file", "bytes", "from", "to"}].
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/report.h"

static void print_written(const char *file, size_t bytes, int64_t from, int64_t to)
{
	json_t *o = json_object();
	json_t *arr = json_array();

	json_object_set_new(o, "file", cli_json_string(file));
	json_object_set_new(o, "bytes", json_integer((json_int_t)bytes));
	json_object_set_new(o, "from", cli_json_time(from));
	json_object_set_new(o, "to", cli_json_time(to));
	json_array_append_new(arr, o);
	cli_print_json(arr);
}

int cmd_report(struct cli_ctx *ctx)
{
	struct core_rules *rules = NULL;
	struct core_report_set *set = NULL;
	const char *file = NULL;
	GError *gerror = NULL;
	char *html = NULL, *error = NULL;
	int64_t from = 0, to = 0;
	int ret;

	if (cli_take_option(ctx, "html", &file) < 0 || cli_take_period(ctx, &from, &to) < 0 ||
	    cli_expect_args(ctx, 0, 0, "report --html FILE [--from DATE --to DATE]") < 0)
		return CLI_USAGE;
	if (file == NULL || file[0] == '\0') {
		cli_error("--html: the file to write is missing (report --html FILE)");
		return CLI_USAGE;
	}
	if ((ret = cli_rules_load(ctx, &rules)) != CLI_OK)
		return ret;
	if (core_report_load(rules, ctx->st, from, to, ctx->now, &set, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	html = core_report_html(&set->report);
	if (!g_file_set_contents(file, html, -1, &gerror)) {
		cli_error("--html: %s", gerror->message);
		g_error_free(gerror);
		ret = CLI_NOT_FOUND;
		goto out;
	}
	if (ctx->json)
		print_written(file, strlen(html), from, to);
	ret = CLI_OK;
out:
	g_free(html);
	core_report_free(&set);
	core_rules_free(&rules);
	return ret;
}
