/*
 * report: the report's parts gathered from the store, and its plain
 * text. The figures come from core/kpi.c, the lists from the same
 * evaluations as `followup overdue`.
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "lib/duration.h"
#include "core/orders.h"
#include "core/report.h"
#include "core/report_words.h"

int core_report_load(const struct core_rules *rules, struct store *st, int64_t from, int64_t to,
                     int64_t now, const char *language, struct core_report_set **set_r,
                     char **error_r)
{
	struct core_report_set *set = g_new0(struct core_report_set, 1);
	struct core_report *r = &set->report;
	int ret = -1;

	language = core_report_words_language(language);
	if (core_report_words_load(language, &set->words, error_r) < 0 ||
	    core_stage_names_new(rules->cfg, &set->names, error_r) < 0 ||
	    core_kpi_data_load(rules, st, MIN(from, now - 90 * 86400), now, &set->data,
	                       error_r) < 0 ||
	    core_sheet_list_new(rules, st, now, NULL, NULL, &set->sheet, error_r) < 0)
		goto out;
	r->company = rules->cfg->company.name;
	r->language = language != NULL ? language : "en";
	r->words = set->words;
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
	catalog_free(&s->words);
	g_free(s);
	*set = NULL;
}

/* The columns text takes on a terminal or in a fixed-width font: two for
 * a wide (CJK) character, so that Chinese labels line up as English do. */
static size_t text_columns(const char *text)
{
	size_t n = 0;

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
		n += g_unichar_iswide(g_utf8_get_char(p)) ? 2 : 1;
	return n;
}

/* "label   value": the label of key padded to LABEL_COLUMNS. */
#define LABEL_COLUMNS 34
static void append_label(GString *o, const struct core_report *r, const char *key)
{
	const char *label = catalog_get(r->words, key);

	if (label == NULL)
		label = key;
	g_string_append(o, label);
	for (size_t n = text_columns(label); n < LABEL_COLUMNS; n++)
		g_string_append_c(o, ' ');
	g_string_append_c(o, ' ');
}

static void append_hours(GString *o, const struct core_report *r, const char *key,
                         int64_t seconds)
{
	char text[32];

	duration_format_hm(seconds, "-", text, sizeof(text));
	append_label(o, r, key);
	g_string_append_printf(o, "%s\n", text);
}

static void append_count(GString *o, const struct core_report *r, const char *key, long long n)
{
	append_label(o, r, key);
	g_string_append_printf(o, "%lld\n", n);
}

static void append_share(GString *o, const struct core_report *r, const char *key, int64_t num,
                         int64_t den)
{
	char share[16], n[32], d[32];

	duration_format_share(num, den, "-", share, sizeof(share));
	append_label(o, r, key);
	if (den <= 0) {
		g_string_append(o, "-\n");
		return;
	}
	snprintf(n, sizeof(n), "%lld", (long long)num);
	snprintf(d, sizeof(d), "%lld", (long long)den);
	const char *vars[] = { "share", share, "num", n, "den", d, NULL };
	char *text = catalog_format(r->words, "text.share", vars);
	g_string_append_printf(o, "%s\n", text);
	g_free(text);
}

/* The text of key with vars, then a line end. */
static void append_format(GString *o, const struct core_report *r, const char *key,
                          const char *const *vars)
{
	char *text = catalog_format(r->words, key, vars);

	g_string_append_printf(o, "%s\n", text);
	g_free(text);
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
	char days[16], due_n[16], late_n[16], count[16];
	unsigned due = 0, late = 0;

	const char *period[] = { "company", r->company, "from", from, "to", to, NULL };
	append_format(o, r, "text.period", period);
	g_string_append_c(o, '\n');
	append_count(o, r, "text.inquiries", (long long)t->inquiries);
	append_hours(o, r, "text.median", t->first_response_median_s);
	append_hours(o, r, "text.p90", t->first_response_p90_s);
	if (r->data->sla_rule != NULL)
		append_share(o, r, "text.sla", t->sla_within, t->sla_decided);
	append_count(o, r, "text.quotes", (long long)t->quotes);
	append_share(o, r, "text.quote-to-order", t->orders, t->quotes);
	append_count(o, r, "text.silent", (long long)t->silent);
	g_string_append_c(o, '\n');
	append_format(o, r, "text.owners", NULL);
	for (guint i = 1; i < r->owners->len; i++) {
		const struct core_kpi_row *w = r->owners->pdata[i];
		char med[32];
		duration_format_hm(w->first_response_median_s, "-", med, sizeof(med));
		const char *owner = strcmp(w->group, CORE_KPI_NOBODY) == 0 ?
		                    catalog_get(r->words, "nobody") : w->group;
		g_string_append_printf(o, "  %s: %lld, %s, %lld, %lld\n", owner,
		                       (long long)w->inquiries, med, (long long)w->quotes,
		                       (long long)w->orders);
	}
	count_payments(r->data, &due, &late);
	snprintf(days, sizeof(days), "%d", CORE_REPORT_DUE_AHEAD_DAYS);
	snprintf(due_n, sizeof(due_n), "%u", due);
	snprintf(late_n, sizeof(late_n), "%u", late);
	snprintf(count, sizeof(count), "%u",
	         r->overdue->len + (r->sheet != NULL ? r->sheet->entries->len : 0));
	const char *payments[] = { "days", days, "due", due_n, "late", late_n, NULL };
	const char *overdue[] = { "count", count, NULL };
	g_string_append_c(o, '\n');
	append_format(o, r, "text.payments", payments);
	append_format(o, r, "text.overdue", overdue);
	g_string_append_c(o, '\n');
	append_format(o, r, "text.footer", NULL);
	g_free(from);
	g_free(to);
	return g_string_free(o, FALSE);
}

char *core_report_subject(const struct core_report *r, const char *day)
{
	const char *vars[] = { "company", r->company, "date", day, NULL };

	return catalog_format(r->words, "mail.subject", vars);
}
