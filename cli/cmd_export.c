/*
 * followup export customers|contacts|orders|quotes|timeline KEY|overdue
 *                  --csv FILE | --xlsx FILE:
 * a list of the sheet as a file Excel and WPS open. The data comes the
 * way the listings read it (store_customers, store_orders, store_quotes,
 * store_timeline, the rules' overdue evaluation); sheet_file.c writes it.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "cli/sheet_file.h"
#include "core/records.h"
#include "core/rules_runtime.h"
#include "core/sheet.h"
#include "core/stages.h"

static struct cli_sheet *customers_sheet(struct store_customer **cs, size_t n,
                                         const struct core_stage_names *stages)
{
	static const char *const cols[] = {
		"customer", "name", "grade", "stage", "owner", "country", "industry", "website",
		"source", "tags", "next_action", "next_date", "last_inbound", "last_outbound",
		"messages", "contacts",
	};
	struct cli_sheet *s = cli_sheet_new("customers", cols, G_N_ELEMENTS(cols));

	for (size_t i = 0; i < n; i++) {
		const struct store_customer *c = cs[i];
		const char *source;
		char *tags = g_strjoinv(",", c->tags);
		cli_sheet_text(s, c->key);
		cli_sheet_text(s, c->name);
		cli_sheet_text(s, core_customer_grade(c, &source));
		cli_sheet_text(s, c->stage != NULL ? core_stage_display(stages, c->stage) : NULL);
		cli_sheet_text(s, c->owner);
		cli_sheet_text(s, core_customer_country(c, &source));
		cli_sheet_text(s, c->industry);
		cli_sheet_text(s, c->website);
		cli_sheet_text(s, c->source);
		cli_sheet_text(s, tags);
		cli_sheet_text(s, c->next_action);
		cli_sheet_day(s, c->next_date);
		cli_sheet_time(s, c->last_inbound);
		cli_sheet_time(s, c->last_outbound);
		cli_sheet_count(s, (int64_t)c->n_messages);
		cli_sheet_count(s, (int64_t)c->n_contacts);
		g_free(tags);
	}
	return s;
}

static struct cli_sheet *contacts_sheet(struct store_customer **cs, size_t n)
{
	static const char *const cols[] = {
		"customer", "address", "name", "role", "title", "phone", "undeliverable",
	};
	struct cli_sheet *s = cli_sheet_new("contacts", cols, G_N_ELEMENTS(cols));

	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < cs[i]->n_contacts; j++) {
			const struct store_contact *ct = &cs[i]->contacts[j];
			cli_sheet_text(s, cs[i]->key);
			cli_sheet_text(s, ct->address);
			cli_sheet_text(s, ct->name);
			cli_sheet_text(s, ct->role);
			cli_sheet_text(s, ct->title);
			cli_sheet_text(s, ct->phone);
			cli_sheet_text(s, ct->undeliverable);
		}
	}
	return s;
}

static int customers_export(struct cli_ctx *ctx, bool contacts, struct cli_sheet **sheet_r,
                            char **error_r)
{
	struct core_customer_filter filter = { 0 };
	struct store_customer **cs = NULL;
	size_t n = 0, kept = 0;

	if (store_customers(ctx->st, &cs, &n, error_r) < 0)
		return CLI_STORE_ERROR;
	/* The order `followup customers` lists them in. */
	filter.grades = core_grades(ctx->cfg, &filter.n_grades);
	core_customers_select(cs, n, &filter, ctx->now, ctx->cfg->company.timezone, &kept);
	*sheet_r = contacts ? contacts_sheet(cs, kept) : customers_sheet(cs, kept, ctx->rt->stages);
	store_customers_free(&cs, kept);
	return CLI_OK;
}

static int orders_export(struct cli_ctx *ctx, struct cli_sheet **sheet_r, char **error_r)
{
	static const char *const cols[] = {
		"number", "customer", "amount", "currency", "incoterm", "due", "deposit",
		"deposit_percent", "paid", "state", "quote",
	};
	struct store_order *os = NULL;
	size_t n = 0;

	if (store_orders(ctx->st, 0, &os, &n, error_r) < 0)
		return CLI_STORE_ERROR;
	struct cli_sheet *s = cli_sheet_new("orders", cols, G_N_ELEMENTS(cols));
	for (size_t i = 0; i < n; i++) {
		const struct store_order *o = &os[i];
		cli_sheet_text(s, o->number);
		cli_sheet_text(s, o->customer);
		cli_sheet_amount(s, o->amount_milli);
		cli_sheet_text(s, o->currency);
		cli_sheet_text(s, o->incoterm);
		cli_sheet_day(s, o->due);
		if (o->deposit_milli != INT64_MIN)
			cli_sheet_amount(s, o->deposit_milli);
		else
			cli_sheet_text(s, NULL);
		if (o->deposit_percent >= 0)
			/* A share has at most two places: 12.5 stays 12.5. */
			cli_sheet_amount(s, (int64_t)(o->deposit_percent * 1000.0 + 0.5));
		else
			cli_sheet_text(s, NULL);
		cli_sheet_amount(s, o->paid_milli);
		cli_sheet_text(s, o->state);
		cli_sheet_text(s, o->quote_message_id);
	}
	store_orders_free(&os, n);
	*sheet_r = s;
	return CLI_OK;
}

static int quotes_export(struct cli_ctx *ctx, struct cli_sheet **sheet_r, char **error_r)
{
	static const char *const cols[] = {
		"date", "customer", "subject", "facts", "answered_at", "message_id",
	};
	struct store_quote *qs = NULL;
	size_t n = 0;

	if (store_quotes(ctx->st, 0, &qs, &n, error_r) < 0)
		return CLI_STORE_ERROR;
	struct cli_sheet *s = cli_sheet_new("quotes", cols, G_N_ELEMENTS(cols));
	for (size_t i = 0; i < n; i++) {
		char *summary = cli_quote_summary(qs[i].facts);
		cli_sheet_time(s, qs[i].date);
		cli_sheet_text(s, qs[i].customer);
		cli_sheet_text(s, qs[i].subject);
		cli_sheet_text(s, summary);
		cli_sheet_time(s, qs[i].answered_at);
		cli_sheet_text(s, qs[i].message_id);
		g_free(summary);
	}
	store_quotes_free(&qs, n);
	*sheet_r = s;
	return CLI_OK;
}

static int timeline_export(struct cli_ctx *ctx, const char *target_text,
                           struct cli_sheet **sheet_r, char **error_r)
{
	static const char *const cols[] = {
		"date", "direction", "kind", "from", "subject", "snippet", "message_id",
	};
	struct store_target target = { 0 };
	struct store_entry **es = NULL;
	size_t n = 0;
	int ret = cli_resolve_target(ctx, target_text, &target);

	if (ret != CLI_OK)
		return ret;
	if (store_timeline(ctx->st, target.customer_id, &es, &n, error_r) < 0) {
		store_target_clear(&target);
		return CLI_STORE_ERROR;
	}
	core_stage_entries_name(ctx->rt->stages, es, n);
	struct cli_sheet *s = cli_sheet_new("timeline", cols, G_N_ELEMENTS(cols));
	for (size_t i = 0; i < n; i++) {
		cli_sheet_time(s, es[i]->date);
		cli_sheet_text(s, es[i]->direction);
		cli_sheet_text(s, es[i]->kind);
		cli_sheet_text(s, es[i]->from_addr);
		cli_sheet_text(s, es[i]->subject);
		cli_sheet_text(s, es[i]->snippet);
		cli_sheet_text(s, es[i]->message_id);
	}
	store_entries_free(&es, n);
	store_target_clear(&target);
	*sheet_r = s;
	return CLI_OK;
}

static void overdue_row(struct cli_sheet *s, const char *state, const char *rule,
                        const char *customer, const char *owner, int64_t due, int64_t late,
                        const char *subject)
{
	cli_sheet_text(s, state);
	cli_sheet_text(s, rule);
	cli_sheet_text(s, customer);
	cli_sheet_text(s, owner);
	cli_sheet_time(s, due);
	cli_sheet_count(s, late);
	cli_sheet_text(s, subject);
}

static int overdue_export(struct cli_ctx *ctx, struct cli_sheet **sheet_r, char **error_r)
{
	static const char *const cols[] = {
		"state", "rule", "customer", "owner", "due", "late_seconds", "subject",
	};
	struct core_rules *rules = NULL;
	struct core_sheet_list *list = NULL;
	struct sla_thread *threads = NULL;
	size_t n = 0;
	int ret = cli_rules_load(ctx, &rules);

	if (ret != CLI_OK)
		return ret;
	ret = CLI_STORE_ERROR;
	/* The same window and evaluation as `followup overdue`. */
	if (store_sla_threads(ctx->st, ctx->now - 90 * 24 * 3600, &threads, &n, error_r) < 0 ||
	    core_sheet_list_new(rules, ctx->st, ctx->now, NULL, NULL, &list, error_r) < 0)
		goto out;
	GArray *es = core_rules_overdue(rules, threads, n, ctx->now, NULL, NULL);
	struct cli_sheet *s = cli_sheet_new("overdue", cols, G_N_ELEMENTS(cols));
	for (guint i = 0; i < es->len; i++) {
		const struct overdue_entry *e = &g_array_index(es, struct overdue_entry, i);
		overdue_row(s, sla_state_name(e->result.state), e->rule->name, e->thread->customer,
		            e->owner, e->result.due, e->result.overdue_seconds, e->thread->subject);
	}
	for (guint i = 0; i < list->entries->len; i++) {
		const struct core_sheet_entry *e = &g_array_index(list->entries,
		                                                  struct core_sheet_entry, i);
		overdue_row(s, sheet_state_name(e->occ.state), e->rule->name, e->customer->key,
		            e->owner, e->occ.due, e->occ.overdue_seconds, e->subject);
	}
	g_array_free(es, TRUE);
	*sheet_r = s;
	ret = CLI_OK;
out:
	core_sheet_list_free(&list);
	store_sla_threads_free(&threads, n);
	core_rules_free(&rules);
	return ret;
}

/* The sheet of the list argv names: CLI_OK with *sheet_r, or an exit status. */
static int build(struct cli_ctx *ctx, struct cli_sheet **sheet_r, char **error_r)
{
	const char *list = ctx->argv[0];
	int want = strcmp(list, "timeline") == 0 ? 2 : 1;

	if (ctx->argc != want) {
		cli_error(want == 2 ? "export timeline needs TARGET (usage: followup %s)"
		                    : "usage: followup %s", ctx->command->synopsis);
		return CLI_USAGE;
	}
	if (strcmp(list, "customers") == 0 || strcmp(list, "contacts") == 0)
		return customers_export(ctx, strcmp(list, "contacts") == 0, sheet_r, error_r);
	if (strcmp(list, "orders") == 0)
		return orders_export(ctx, sheet_r, error_r);
	if (strcmp(list, "quotes") == 0)
		return quotes_export(ctx, sheet_r, error_r);
	if (strcmp(list, "timeline") == 0)
		return timeline_export(ctx, ctx->argv[1], sheet_r, error_r);
	if (strcmp(list, "overdue") == 0)
		return overdue_export(ctx, sheet_r, error_r);
	cli_error("export: '%s' is no list (customers, contacts, orders, quotes, timeline, "
	          "overdue)", list);
	return CLI_USAGE;
}

int cmd_export(struct cli_ctx *ctx)
{
	const char *csv = NULL, *xlsx = NULL;
	struct cli_sheet *sheet = NULL;
	char *error = NULL;
	int ret;

	if (cli_take_option(ctx, "csv", &csv) < 0 || cli_take_option(ctx, "xlsx", &xlsx) < 0 ||
	    cli_expect_args(ctx, 1, 2) < 0)
		return CLI_USAGE;
	if ((csv == NULL) == (xlsx == NULL)) {
		cli_error("export needs one of --csv FILE or --xlsx FILE");
		return CLI_USAGE;
	}
	ret = build(ctx, &sheet, &error);
	if (ret != CLI_OK)
		goto out;
	const char *path = csv != NULL ? csv : xlsx;
	if ((csv != NULL ? cli_sheet_write_csv(sheet, path, &error)
	                 : cli_sheet_write_xlsx(sheet, path, &error)) < 0) {
		ret = CLI_STORE_ERROR;
		goto out;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		json_array_append_new(arr, json_pack("{s:s, s:o, s:s, s:I}", "list", ctx->argv[0],
		                                     "file", cli_json_string(path), "format",
		                                     csv != NULL ? "csv" : "xlsx", "rows",
		                                     (json_int_t)cli_sheet_rows(sheet)));
		cli_print_json(arr);
	} else {
		char *shown = safe_text_new(path, SAFE_TEXT_LINE);
		size_t n = cli_sheet_rows(sheet);
		printf("%zu row%s of %s written to %s\n", n, n == 1 ? "" : "s", ctx->argv[0], shown);
		g_free(shown);
	}
out:
	if (error != NULL)
		cli_error("%s", error);
	g_free(error);
	cli_sheet_free(&sheet);
	return ret;
}
