/*
 * followup kpi [--from DATE --to DATE] [--by owner|country|grade|month|week]:
 * the team's figures over a period (docs/KPI.md), the whole team first,
 * then one line a group.
 */
#include <string.h>
#include <glib.h>

#include "lib/duration.h"

#include "cli/cli.h"
#include "core/kpi.h"

static json_t *count_or_null(int64_t v)
{
	return v < 0 ? json_null() : json_integer((json_int_t)v);
}

static json_t *ratio_or_null(int64_t num, int64_t den)
{
	return den > 0 ? json_real((double)num / (double)den) : json_null();
}

static json_t *funnel_json(const struct core_kpi_data *d, const struct core_stage_names *names)
{
	size_t n = 0;
	int64_t *counts = core_kpi_funnel(d, &n);
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		const char *id = core_kpi_funnel_stage(i);
		json_object_set_new(o, "stage", cli_json_string(id));
		json_object_set_new(o, "name", cli_json_string(core_stage_display(names, id)));
		json_object_set_new(o, "customers", json_integer((json_int_t)counts[i]));
		json_array_append_new(arr, o);
	}
	g_free(counts);
	return arr;
}

static json_t *row_json(const struct core_kpi_data *d, const struct core_kpi_row *r,
                        int64_t from, int64_t to)
{
	json_t *o = json_object();
	double share = core_kpi_sla_share(d, r);

	json_object_set_new(o, "group", cli_json_string(r->group));
	json_object_set_new(o, "from", cli_json_time(from));
	json_object_set_new(o, "to", cli_json_time(to));
	json_object_set_new(o, "inquiries", json_integer((json_int_t)r->inquiries));
	json_object_set_new(o, "answered", json_integer((json_int_t)r->answered));
	json_object_set_new(o, "first_response_median_s", count_or_null(r->first_response_median_s));
	json_object_set_new(o, "first_response_p90_s", count_or_null(r->first_response_p90_s));
	json_object_set_new(o, "answered_within_sla", share < 0 ? json_null() : json_real(share));
	json_object_set_new(o, "sla_decided", json_integer((json_int_t)r->sla_decided));
	json_object_set_new(o, "sla_met", json_integer((json_int_t)r->sla_within));
	json_object_set_new(o, "quotes", json_integer((json_int_t)r->quotes));
	json_object_set_new(o, "orders", json_integer((json_int_t)r->orders));
	json_object_set_new(o, "quote_to_order", ratio_or_null(r->orders, r->quotes));
	json_object_set_new(o, "follow_ups", json_integer((json_int_t)r->follow_ups));
	json_object_set_new(o, "followed_customers", json_integer((json_int_t)r->followed_customers));
	json_object_set_new(o, "follow_ups_per_customer",
	                    ratio_or_null(r->follow_ups, r->followed_customers));
	json_object_set_new(o, "gone_silent", count_or_null(r->silent));
	json_object_set_new(o, "payments_overdue", count_or_null(r->payments_overdue));
	return o;
}

static void print_rows(const struct core_kpi_data *d, GPtrArray *rows)
{
	GString *line = g_string_new(NULL);

	printf("%-22s %5s %9s %9s %5s %6s %6s %6s %8s %6s %7s\n", "GROUP", "INQ", "1ST-MED",
	       "1ST-P90", "SLA", "QUOTES", "ORDERS", "Q>O", "FOLLOWUP", "SILENT", "OVERDUE");
	for (guint i = 0; i < rows->len; i++) {
		const struct core_kpi_row *r = rows->pdata[i];
		char med[32], p90[32], sla[16], q2o[16], fpc[32], silent[24], overdue[24];
		duration_format_hm(r->first_response_median_s, "-", med, sizeof(med));
		duration_format_hm(r->first_response_p90_s, "-", p90, sizeof(p90));
		if (d->sla_rule != NULL)
			duration_format_share(r->sla_within, r->sla_decided, "-", sla, sizeof(sla));
		else
			g_strlcpy(sla, "-", sizeof(sla));
		duration_format_share(r->orders, r->quotes, "-", q2o, sizeof(q2o));
		if (r->followed_customers > 0)
			snprintf(fpc, sizeof(fpc), "%.1f",
			         (double)r->follow_ups / (double)r->followed_customers);
		else
			g_strlcpy(fpc, "-", sizeof(fpc));
		snprintf(silent, sizeof(silent), "%lld", (long long)r->silent);
		snprintf(overdue, sizeof(overdue), "%lld", (long long)r->payments_overdue);
		g_string_truncate(line, 0);
		cli_pad(line, r->group != NULL ? r->group : "(team)", 22);
		g_string_append_printf(line, " %5lld %9s %9s %5s %6lld %6lld %6s %8s %6s %7s",
		                       (long long)r->inquiries, med, p90, sla, (long long)r->quotes,
		                       (long long)r->orders, q2o, fpc, r->silent < 0 ? "-" : silent,
		                       r->payments_overdue < 0 ? "-" : overdue);
		printf("%s\n", line->str);
	}
	g_string_free(line, TRUE);
}

static void print_funnel(const struct core_kpi_data *d, const struct core_stage_names *names)
{
	size_t n = 0;
	int64_t *counts = core_kpi_funnel(d, &n);
	GString *line = g_string_new(NULL);

	printf("\nFUNNEL (customers at each stage now)\n");
	for (size_t i = 0; i < n; i++) {
		g_string_truncate(line, 0);
		cli_pad(line, core_stage_display(names, core_kpi_funnel_stage(i)), 22);
		g_string_append_printf(line, " %5lld", (long long)counts[i]);
		printf("%s\n", line->str);
	}
	g_string_free(line, TRUE);
	g_free(counts);
}

int cmd_kpi(struct cli_ctx *ctx)
{
	struct core_rules *rules = NULL;
	struct core_kpi_data *data = NULL;
	struct core_stage_names *names = NULL;
	enum core_kpi_by by = CORE_KPI_BY_NONE;
	const char *by_word = NULL;
	char *error = NULL;
	int64_t from = 0, to = 0;
	int ret;

	if (cli_take_option(ctx, "by", &by_word) < 0 || cli_take_period(ctx, &from, &to) < 0 ||
	    cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if (by_word != NULL && core_kpi_by_parse(by_word, &by) < 0) {
		cli_error("--by: '%s' is not owner, country, grade, month or week", by_word);
		return CLI_USAGE;
	}
	if ((ret = cli_rules_load(ctx, &rules)) != CLI_OK)
		return ret;
	if (core_stage_names_new(ctx->cfg, &names, &error) < 0) {
		ret = CLI_CONFIG_ERROR;
		goto out;
	}
	GPtrArray *rows = NULL;
	if (core_kpi_data_open(rules, ctx->st, ctx->now, &data, &error) < 0 ||
	    core_kpi_rows_read(data, from, to, by, &rows, &error) < 0) {
		ret = CLI_STORE_ERROR;
		goto out;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		for (guint i = 0; i < rows->len; i++) {
			json_t *o = row_json(data, rows->pdata[i], from, to);
			if (i == 0)
				json_object_set_new(o, "funnel", funnel_json(data, names));
			json_array_append_new(arr, o);
		}
		cli_print_json(arr);
	} else {
		print_rows(data, rows);
		print_funnel(data, names);
	}
	g_ptr_array_unref(rows);
	ret = CLI_OK;
out:
	if (error != NULL)
		cli_error("%s", error);
	g_free(error);
	core_kpi_data_free(&data);
	core_stage_names_free(&names);
	core_rules_free(&rules);
	return ret;
}
