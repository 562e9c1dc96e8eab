/*
 * report: the report's parts gathered from the store, and its plain
 * text. The figures come from core/kpi.c, the lists from the same
 * evaluations as `followup overdue`.
 */
#include <glib.h>

#include "lib/duration.h"
#include "core/orders.h"
#include "core/report.h"

int core_report_load(const struct core_rules *rules, struct store *st, int64_t from, int64_t to,
                     int64_t now, struct core_report_set **set_r, char **error_r)
{
	struct core_report_set *set = g_new0(struct core_report_set, 1);
	struct core_report *r = &set->report;
	int ret = -1;

	if (core_stage_names_new(rules->cfg, &set->names, error_r) < 0 ||
	    core_kpi_data_load(rules, st, MIN(from, now - 90 * 86400), now, &set->data,
	                       error_r) < 0 ||
	    core_sheet_list_new(rules, st, now, NULL, NULL, &set->sheet, error_r) < 0)
		goto out;
	r->company = rules->cfg->company.name;
	r->from = from;
	r->to = to;
	r->data = set->data;
	r->names = set->names;
	r->team = core_kpi_rows(set->data, from, to, CORE_KPI_BY_NONE);
	r->weeks = core_kpi_rows(set->data, from, to, CORE_KPI_BY_WEEK);
	r->countries = core_kpi_rows(set->data, from, to, CORE_KPI_BY_COUNTRY);
	r->owners = core_kpi_rows(set->data, from, to, CORE_KPI_BY_OWNER);
	r->overdue = core_rules_overdue(rules, set->data->threads, set->data->n_threads, now, NULL,
	                                NULL);
	r->sheet = set->sheet;
	*set_r = set;
	set = NULL;
	ret = 0;
out:
	core_report_free(&set);
	return ret;
}

void core_report_free(struct core_report_set **set)
{
	struct core_report_set *s = *set;

	if (s == NULL)
		return;
	if (s->report.team != NULL)
		g_ptr_array_unref(s->report.team);
	if (s->report.weeks != NULL)
		g_ptr_array_unref(s->report.weeks);
	if (s->report.countries != NULL)
		g_ptr_array_unref(s->report.countries);
	if (s->report.owners != NULL)
		g_ptr_array_unref(s->report.owners);
	if (s->report.overdue != NULL)
		g_array_free(s->report.overdue, TRUE);
	core_sheet_list_free(&s->sheet);
	core_kpi_data_free(&s->data);
	core_stage_names_free(&s->names);
	g_free(s);
	*set = NULL;
}

static void append_hours(GString *o, const char *what, int64_t seconds)
{
	char text[32];

	duration_format_hm(seconds, "-", text, sizeof(text));
	g_string_append_printf(o, "%-34s %s\n", what, text);
}

static void append_share(GString *o, const char *what, int64_t num, int64_t den)
{
	char share[16];

	duration_format_share(num, den, "-", share, sizeof(share));
	if (den <= 0)
		g_string_append_printf(o, "%-34s -\n", what);
	else
		g_string_append_printf(o, "%-34s %s (%lld of %lld)\n", what, share, (long long)num,
		                       (long long)den);
}

/* How many payments fall due soon and are overdue, at d->now. */
static void count_payments(const struct core_kpi_data *d, unsigned *due_r, unsigned *late_r)
{
	*due_r = *late_r = 0;
	for (size_t i = 0; i < d->n_orders; i++) {
		if (core_order_overdue(&d->orders[i], d->now, d->timezone))
			(*late_r)++;
		else if (core_report_payment_due_soon(d, &d->orders[i]))
			(*due_r)++;
	}
}

char *core_report_text(const struct core_report *r)
{
	const struct core_kpi_row *t = r->team->pdata[0];
	GString *o = g_string_new(NULL);
	char *from = core_day_of(r->from, r->data->timezone);
	char *to = core_day_of(r->to - 1, r->data->timezone);
	unsigned due = 0, late = 0;

	g_string_append_printf(o, "%s: %s to %s\n\n", r->company, from, to);
	g_string_append_printf(o, "%-34s %lld\n", "Inquiries received", (long long)t->inquiries);
	append_hours(o, "First response, median", t->first_response_median_s);
	append_hours(o, "First response, 90th percentile", t->first_response_p90_s);
	if (r->data->sla_rule != NULL)
		append_share(o, "Answered within the service level", t->sla_within, t->sla_decided);
	g_string_append_printf(o, "%-34s %lld\n", "Quotes sent", (long long)t->quotes);
	append_share(o, "Quote to order", t->orders, t->quotes);
	g_string_append_printf(o, "%-34s %lld\n", "Customers gone silent", (long long)t->silent);
	g_string_append(o, "\nOwners (inquiries, median first response, quotes, orders):\n");
	for (guint i = 1; i < r->owners->len; i++) {
		const struct core_kpi_row *w = r->owners->pdata[i];
		char med[32];
		duration_format_hm(w->first_response_median_s, "-", med, sizeof(med));
		g_string_append_printf(o, "  %s: %lld, %s, %lld, %lld\n", w->group,
		                       (long long)w->inquiries, med, (long long)w->quotes,
		                       (long long)w->orders);
	}
	count_payments(r->data, &due, &late);
	g_string_append_printf(o, "\nPayments due in %d days: %u; overdue: %u\n",
	                       CORE_REPORT_DUE_AHEAD_DAYS, due, late);
	g_string_append_printf(o, "Conversations overdue or due soon: %u\n",
	                       r->overdue->len + (r->sheet != NULL ? r->sheet->entries->len : 0));
	g_string_append(o, "\nThe charts and the lists are in the HTML part of this mail, the "
	                   "figures defined in followup's docs/KPI.md.\n");
	g_free(from);
	g_free(to);
	return g_string_free(o, FALSE);
}
