/*
 * followup report --html FILE [--from DATE --to DATE]: the manager's
 * report as one self-contained HTML page (core/report_html.c), written
 * whole or not at all. With --json, what was written: [{"file", "bytes",
 * "from", "to"}].
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/kpi.h"
#include "core/report_html.h"

struct report_parts {
	struct core_rules *rules;
	struct core_kpi_data *data;
	struct core_stage_names *names;
	struct core_sheet_list *sheet;
	struct core_report report;
};

static void parts_clear(struct report_parts *p)
{
	if (p->report.team != NULL)
		g_ptr_array_unref(p->report.team);
	if (p->report.weeks != NULL)
		g_ptr_array_unref(p->report.weeks);
	if (p->report.countries != NULL)
		g_ptr_array_unref(p->report.countries);
	if (p->report.owners != NULL)
		g_ptr_array_unref(p->report.owners);
	if (p->report.overdue != NULL)
		g_array_free(p->report.overdue, TRUE);
	core_sheet_list_free(&p->sheet);
	core_kpi_data_free(&p->data);
	core_stage_names_free(&p->names);
	core_rules_free(&p->rules);
}

/* Everything the page shows, read once. CLI_OK or an exit status after
 * printing why. */
static int gather(struct cli_ctx *ctx, int64_t from, int64_t to, struct report_parts *p)
{
	struct core_report *r = &p->report;
	char *error = NULL;
	int ret;

	if ((ret = cli_rules_load(ctx, &p->rules)) != CLI_OK)
		return ret;
	if (core_stage_names_new(ctx->cfg, &p->names, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_CONFIG_ERROR;
	}
	if (core_kpi_data_load(p->rules, ctx->st, MIN(from, ctx->now - 90 * 86400), ctx->now,
	                       &p->data, &error) < 0 ||
	    core_sheet_list_new(p->rules, ctx->st, ctx->now, NULL, NULL, &p->sheet, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	r->company = ctx->cfg->company.name;
	r->from = from;
	r->to = to;
	r->data = p->data;
	r->names = p->names;
	r->team = core_kpi_rows(p->data, from, to, CORE_KPI_BY_NONE);
	r->weeks = core_kpi_rows(p->data, from, to, CORE_KPI_BY_WEEK);
	r->countries = core_kpi_rows(p->data, from, to, CORE_KPI_BY_COUNTRY);
	r->owners = core_kpi_rows(p->data, from, to, CORE_KPI_BY_OWNER);
	r->overdue = core_rules_overdue(p->rules, p->data->threads, p->data->n_threads, ctx->now,
	                                NULL, NULL);
	r->sheet = p->sheet;
	return CLI_OK;
}

int cmd_report(struct cli_ctx *ctx)
{
	struct report_parts parts = { 0 };
	const char *file = NULL;
	GError *gerror = NULL;
	char *html = NULL;
	int64_t from = 0, to = 0;
	int ret;

	if (cli_take_option(ctx, "html", &file) < 0 || cli_take_period(ctx, &from, &to) < 0 ||
	    cli_expect_args(ctx, 0, 0, "report --html FILE [--from DATE --to DATE]") < 0)
		return CLI_USAGE;
	if (file == NULL || file[0] == '\0') {
		cli_error("--html: the file to write is missing (report --html FILE)");
		return CLI_USAGE;
	}
	if ((ret = gather(ctx, from, to, &parts)) != CLI_OK)
		goto out;
	html = core_report_html(&parts.report);
	if (!g_file_set_contents(file, html, -1, &gerror)) {
		cli_error("--html: %s", gerror->message);
		g_error_free(gerror);
		ret = CLI_NOT_FOUND;
		goto out;
	}
	if (ctx->json) {
		json_t *o = json_object();
		json_object_set_new(o, "file", cli_json_string(file));
		json_object_set_new(o, "bytes", json_integer((json_int_t)strlen(html)));
		json_object_set_new(o, "from", cli_json_time(from));
		json_object_set_new(o, "to", cli_json_time(to));
		json_t *arr = json_array();
		json_array_append_new(arr, o);
		cli_print_json(arr);
	}
	ret = CLI_OK;
out:
	g_free(html);
	parts_clear(&parts);
	return ret;
}
