/*
 * followup customer show CUSTOMER: the customer's card (the sheet's row
 * and everything behind it: contacts, open conversations and what is
 * due, the quotes we sent and whether they were answered, orders and
 * payments, the latest notes).
 * followup customer set CUSTOMER FIELD=VALUE…: a person changes the
 * record; every value is checked before anything is written.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/changes.h"
#include "core/orders.h"
#include "core/proposals.h"
#include "core/records.h"
#include "core/stages.h"
#include "core/rules_runtime.h"

/* What the card shows besides the record. */
struct card {
	struct store_customer *c;
	struct store_thread **threads;      /* the open ones first: n_open */
	size_t n_threads, n_open;
	struct sla_thread *sla;             /* the customer's first: n_sla_own */
	size_t n_sla, n_sla_own;
	GArray *due;                        /* struct overdue_entry */
	struct core_rules *rules;
	struct store_quote *quotes;
	size_t n_quotes;
	struct store_order *orders;
	size_t n_orders;
	struct store_entry **notes;
	size_t n_notes;
	const struct core_stage_names *stages;  /* borrowed: the runtime's */
	struct core_proposal *proposals;        /* orders our mail proposes (text only) */
	size_t n_proposals;
};

/* A conversation the service levels still watch (a sales thread with
 * mail in the last 90 days: docs/DECISIONS.md) is open. */
#define OPEN_WINDOW (90 * 24 * 3600)

static bool thread_open(const struct store_thread *t, int64_t now)
{
	return (strcmp(t->origin, "inquiry") == 0 || strcmp(t->origin, "reply") == 0 ||
	        strcmp(t->origin, "quote") == 0) && t->last_date >= now - OPEN_WINDOW;
}

/* The customer's conversations that the SLA rules see, and what of them
 * is late or due soon (as `followup overdue` tells it). */
static int load_due(struct cli_ctx *ctx, struct card *k, char **error_r)
{
	int ret = cli_rules_load(ctx, &k->rules);

	if (ret != CLI_OK)
		return ret;
	if (store_sla_threads(ctx->st, ctx->now - OPEN_WINDOW, &k->sla, &k->n_sla, error_r) < 0)
		return CLI_STORE_ERROR;
	/* The customer's threads to the front; all are freed at the end. */
	for (size_t i = 0; i < k->n_sla; i++) {
		if (k->sla[i].customer_id != k->c->id)
			continue;
		struct sla_thread tmp = k->sla[k->n_sla_own];
		k->sla[k->n_sla_own++] = k->sla[i];
		k->sla[i] = tmp;
	}
	k->due = core_rules_overdue(k->rules, k->sla, k->n_sla_own, ctx->now, NULL, NULL);
	return CLI_OK;
}

static int load_card(struct cli_ctx *ctx, int64_t customer_id, struct card *k)
{
	char *error = NULL;
	int ret = CLI_STORE_ERROR;

	k->stages = ctx->rt->stages;
	if (store_customer_get(ctx->st, customer_id, &k->c, &error) != 0 ||
	    store_threads(ctx->st, customer_id, &k->threads, &k->n_threads, &error) < 0 ||
	    store_quotes(ctx->st, customer_id, &k->quotes, &k->n_quotes, &error) < 0 ||
	    store_orders(ctx->st, customer_id, &k->orders, &k->n_orders, &error) < 0 ||
	    store_notes(ctx->st, customer_id, &k->notes, &k->n_notes, &error) < 0 ||
	    core_order_proposals(ctx->st, customer_id, NULL, &k->proposals, &k->n_proposals,
	                         &error) < 0)
		goto out;
	core_stage_entries_name(k->stages, k->notes, k->n_notes);
	for (size_t i = 0; i < k->n_threads; i++) {
		if (thread_open(k->threads[i], ctx->now)) {
			struct store_thread *t = k->threads[k->n_open];
			k->threads[k->n_open++] = k->threads[i];
			k->threads[i] = t;
		}
	}
	ret = load_due(ctx, k, &error);
out:
	if (error != NULL)
		cli_error("%s", error);
	else if (ret == CLI_STORE_ERROR && k->c == NULL)
		cli_error("the customer vanished while it was read");
	g_free(error);
	return ret;
}

static void card_clear(struct card *k)
{
	store_customer_free(&k->c);
	store_threads_free(&k->threads, k->n_threads);
	if (k->due != NULL)
		g_array_free(k->due, TRUE);
	store_sla_threads_free(&k->sla, k->n_sla);
	core_rules_free(&k->rules);
	store_quotes_free(&k->quotes, k->n_quotes);
	store_orders_free(&k->orders, k->n_orders);
	core_proposals_free(&k->proposals, k->n_proposals);
	store_entries_free(&k->notes, k->n_notes);
}

/* ---- JSON ---- */

static json_t *card_json(const struct card *k)
{
	json_t *o = cli_json_customer(k->c, k->stages);
	json_t *open = json_array(), *due = json_array(), *quotes = json_array();
	json_t *orders = json_array(), *notes = json_array();

	for (size_t i = 0; i < k->n_open; i++)
		json_array_append_new(open, cli_json_thread(k->threads[i]));
	for (guint i = 0; i < k->due->len; i++)
		json_array_append_new(due, cli_json_overdue(&g_array_index(k->due,
		                                                           struct overdue_entry, i)));
	for (size_t i = 0; i < k->n_quotes; i++)
		json_array_append_new(quotes, cli_json_quote(&k->quotes[i]));
	for (size_t i = 0; i < k->n_orders; i++)
		json_array_append_new(orders, cli_json_order(&k->orders[i]));
	for (size_t i = 0; i < k->n_notes; i++)
		json_array_append_new(notes, cli_json_entry(k->notes[i]));
	json_object_set_new(o, "open_threads", open);
	json_object_set_new(o, "due", due);
	json_object_set_new(o, "quotes", quotes);
	json_object_set_new(o, "orders", orders);
	json_object_set_new(o, "notes", notes);
	return o;
}

/* ---- text ---- */

/* "  Label        value" with the value made safe; "-" when NULL. */
static void row(GString *out, const char *label, const char *value)
{
	g_string_append_printf(out, "  %-13s", label);
	safe_text_append(out, value != NULL && value[0] != '\0' ? value : "-", SAFE_TEXT_LINE);
	g_string_append_c(out, '\n');
}

static void heading(GString *out, const char *title, size_t n)
{
	g_string_append_printf(out, "\n%s", title);
	if (n == 0)
		g_string_append(out, ": none");
	g_string_append_c(out, '\n');
}

static void print_record(GString *out, const struct store_customer *c,
                         const struct core_stage_names *stages)
{
	const char *country_source, *grade_source;
	const char *country = core_customer_country(c, &country_source);
	const char *grade = core_customer_grade(c, &grade_source);
	char *tags = g_strjoinv(", ", c->tags);
	char *text, in[32], last_out[32];

	safe_text_append(out, c->key, SAFE_TEXT_LINE);
	g_string_append(out, "  ");
	safe_text_append(out, c->name, SAFE_TEXT_LINE);
	g_string_append_c(out, '\n');
	text = country == NULL ? NULL
	       : g_strdup_printf("%s%s", country, g_strcmp0(country_source, "domain") == 0
	                                          ? " (guessed from the domain)" : "");
	row(out, "Country", text);
	g_free(text);
	row(out, "Industry", c->industry);
	row(out, "Website", c->website);
	row(out, "Tags", tags);
	text = grade == NULL ? NULL : g_strdup_printf("%s (%s)", grade, grade_source);
	row(out, "Grade", text);
	g_free(text);
	row(out, "Owner", c->owner);
	row(out, "Stage", core_stage_display(stages, c->stage));
	row(out, "Source", c->source);
	text = c->next_date == NULL && c->next_action == NULL ? NULL
	       : g_strdup_printf("%s  %s", c->next_date != NULL ? c->next_date : "(no date)",
	                         c->next_action != NULL ? c->next_action : "");
	row(out, "Next action", text);
	g_free(text);
	cli_format_local(c->last_inbound, in, sizeof(in));
	cli_format_local(c->last_outbound, last_out, sizeof(last_out));
	row(out, "Last in", in);
	row(out, "Last out", last_out);
	g_free(tags);
}

static void print_contacts(GString *out, const struct store_customer *c)
{
	heading(out, "Contacts", c->n_contacts);
	for (size_t i = 0; i < c->n_contacts; i++) {
		const struct store_contact *ct = &c->contacts[i];
		g_string_append(out, "  ");
		cli_pad(out, ct->address, 30);
		g_string_append_c(out, ' ');
		cli_pad(out, ct->name, 20);
		g_string_append_c(out, ' ');
		cli_pad(out, ct->role != NULL ? ct->role : "-", 14);
		g_string_append_c(out, ' ');
		cli_pad(out, ct->title != NULL ? ct->title : "-", 18);
		g_string_append_c(out, ' ');
		safe_text_append(out, ct->phone != NULL ? ct->phone : "-", SAFE_TEXT_LINE);
		if (ct->undeliverable != NULL)
			g_string_append_printf(out, "  (undeliverable)");
		g_string_append_c(out, '\n');
	}
}

static void print_conversations(GString *out, const struct card *k)
{
	heading(out, "Open conversations", k->n_open);
	for (size_t i = 0; i < k->n_open; i++) {
		const struct store_thread *t = k->threads[i];
		g_string_append_printf(out, "  %-6lld ", (long long)t->id);
		cli_pad_date(out, t->last_date);
		g_string_append_printf(out, " %-9s ",
		                       g_strcmp0(t->last_direction, "out") == 0 ? "us" : "customer");
		safe_text_append(out, t->subject, SAFE_TEXT_LINE);
		g_string_append_c(out, '\n');
	}
	heading(out, "Due", k->due->len);
	for (guint i = 0; i < k->due->len; i++) {
		const struct overdue_entry *e = &g_array_index(k->due, struct overdue_entry, i);
		g_string_append(out, "  ");
		cli_pad(out, sla_state_name(e->result.state), 10);
		g_string_append_c(out, ' ');
		cli_pad(out, e->rule->name, 18);
		g_string_append_c(out, ' ');
		cli_pad_date(out, e->result.due);
		g_string_append_c(out, ' ');
		safe_text_append(out, e->thread->subject, SAFE_TEXT_LINE);
		g_string_append_c(out, '\n');
	}
}

static void print_quotes(GString *out, const struct card *k)
{
	heading(out, "Quotes", k->n_quotes);
	for (size_t i = 0; i < k->n_quotes; i++) {
		const struct store_quote *q = &k->quotes[i];
		char *summary = cli_quote_summary(q->facts);
		g_string_append(out, "  ");
		cli_pad_date(out, q->date);
		g_string_append_c(out, ' ');
		cli_pad(out, q->message_id, 28);
		g_string_append_printf(out, " %s ", q->answered_at != INT64_MIN ? "answered" : "open    ");
		if (q->answered_at != INT64_MIN)
			cli_pad_date(out, q->answered_at);
		else
			g_string_append_printf(out, "%*s", CLI_DATE_WIDTH, "");
		g_string_append_c(out, ' ');
		safe_text_append(out, summary[0] != '\0' ? summary : q->subject, SAFE_TEXT_LINE);
		g_string_append_c(out, '\n');
		g_free(summary);
	}
}

/* "  PI-2026-118      proposed  USD  9500.00  by <pi@…>": an order our
 * mail proposes, for a person to confirm; the JSON's orders stay orders. */
static void print_proposal(GString *out, const struct core_proposal *p)
{
	char amount[32];

	core_amount_format(p->amount_milli, amount, sizeof(amount));
	g_string_append(out, "  ");
	cli_pad(out, p->number, 16);
	g_string_append(out, " proposed ");
	cli_pad(out, p->currency, 3);
	g_string_append_printf(out, " %14s  by ", amount);
	safe_text_append(out, p->message_id, SAFE_TEXT_LINE);
	g_string_append(out, "  (followup order confirm MESSAGE-ID)\n");
}

static void print_orders(GString *out, const struct card *k)
{
	heading(out, "Orders", k->n_orders + k->n_proposals);
	for (size_t i = 0; i < k->n_orders; i++) {
		g_string_append(out, "  ");
		cli_order_line(out, &k->orders[i]);
		g_string_append_c(out, '\n');
		for (size_t p = 0; p < k->orders[i].n_payments; p++) {
			cli_payment_line(out, &k->orders[i].payments[p]);
			g_string_append_c(out, '\n');
		}
	}
	for (size_t i = 0; i < k->n_proposals; i++)
		print_proposal(out, &k->proposals[i]);
}

/* The latest notes: the timeline has them all. */
#define CARD_NOTES 5

static void print_notes(GString *out, const struct card *k)
{
	size_t from = k->n_notes > CARD_NOTES ? k->n_notes - CARD_NOTES : 0;

	heading(out, k->n_notes > CARD_NOTES ? "Latest notes (all: followup timeline)" : "Notes",
	        k->n_notes);
	for (size_t i = from; i < k->n_notes; i++) {
		const struct store_entry *e = k->notes[i];
		g_string_append(out, "  ");
		cli_pad_date(out, e->date);
		g_string_append_c(out, ' ');
		cli_pad(out, e->kind, 9);
		g_string_append_c(out, ' ');
		cli_pad(out, e->from_addr, 20);
		g_string_append_c(out, ' ');
		safe_text_append(out, e->snippet, SAFE_TEXT_LINE);
		g_string_append_c(out, '\n');
	}
}

static void print_card(const struct card *k)
{
	GString *out = g_string_new(NULL);

	print_record(out, k->c, k->stages);
	print_contacts(out, k->c);
	print_conversations(out, k);
	print_quotes(out, k);
	print_orders(out, k);
	print_notes(out, k);
	fputs(out->str, stdout);
	g_string_free(out, TRUE);
}

int cmd_customer_show(struct cli_ctx *ctx)
{
	struct store_target target = { 0 };
	struct card k = { 0 };
	int ret;

	if (cli_expect_args(ctx, 1, 1) < 0)
		return CLI_USAGE;
	ret = cli_resolve_listing_target(ctx, ctx->argv[0], &target);
	if (ret != CLI_OK)
		return ret;
	ret = load_card(ctx, target.customer_id, &k);
	if (ret == CLI_OK) {
		if (ctx->json) {
			json_t *arr = json_array();
			json_array_append_new(arr, card_json(&k));
			cli_print_json(arr);
		} else {
			print_card(&k);
		}
	}
	card_clear(&k);
	store_target_clear(&target);
	return ret;
}

/* ---- customer set ---- */

int cmd_customer_set(struct cli_ctx *ctx)
{
	struct store_target target = { 0 };
	struct store_customer *c = NULL, *after = NULL;
	struct core_customer_change *change = NULL;
	char *error = NULL;
	int ret;

	if (cli_expect_args(ctx, 2, INT_MAX) < 0)
		return CLI_USAGE;
	ret = cli_resolve_target(ctx, ctx->argv[0], &target);
	if (ret != CLI_OK)
		return ret;
	if ((ret = cli_may_change(ctx, CORE_CHANGE_RECORD, target.customer_id)) != CLI_OK)
		goto out;
	ret = CLI_STORE_ERROR;
	if (store_customer_get(ctx->st, target.customer_id, &c, &error) != 0)
		goto out;
	if (core_customer_change_parse(ctx->rt, c, ctx->argv + 1, (size_t)ctx->argc - 1, &change,
	                               &error) < 0) {
		ret = CLI_USAGE;
		goto out;
	}
	change->edit.author = ctx->actor.person != NULL ? ctx->actor.name : g_get_user_name();
	struct core_change_ctx cc = { .st = ctx->st, .actor = &ctx->actor, .now = ctx->now,
	                              .customer_id = target.customer_id,
	                              .customer = target.customer_key, .command = "customer set" };
	if (store_begin(ctx->st, &error) < 0)
		goto out;
	if (store_customer_update(ctx->st, target.customer_id, &change->edit, ctx->now,
	                          &error) < 0 ||
	    store_customer_get(ctx->st, target.customer_id, &after, &error) != 0 ||
	    core_change_record_customer(&cc, c, after, &error) < 0) {
		store_rollback(ctx->st);
		goto out;
	}
	if (store_commit(ctx->st, &error) < 0)
		goto out;
	store_customer_free(&c);
	c = after;
	after = NULL;
	ret = CLI_OK;
	if (ctx->json) {
		json_t *arr = json_array();
		json_array_append_new(arr, cli_json_customer(c, ctx->rt->stages));
		cli_print_json(arr);
	} else {
		GString *out = g_string_new(NULL);
		print_record(out, c, ctx->rt->stages);
		fputs(out->str, stdout);
		g_string_free(out, TRUE);
	}
out:
	if (error != NULL)
		cli_error("%s", error);
	else if (ret == CLI_STORE_ERROR)
		cli_error("the customer vanished while it was changed");
	g_free(error);
	core_customer_change_free(&change);
	store_customer_free(&c);
	store_customer_free(&after);
	store_target_clear(&target);
	return ret;
}
