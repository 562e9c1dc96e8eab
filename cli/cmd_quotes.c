/*
 * followup quotes [--open] [--customer CUSTOMER]: every quote we sent
 * (an outbound message of kind quote), oldest first, with its trade facts,
 * whether and when the buyer answered, and its age at --now. --open keeps
 * the quotes still waiting for an answer: the daily list.
 */
#include <glib.h>

#include "cli/cli.h"

/* Whole days since the quote was sent (0 on its first day). */
static int64_t age_days(const struct store_quote *q, int64_t now)
{
	return now > q->date ? (now - q->date) / (24 * 3600) : 0;
}

static json_t *quote_row_json(const struct store_quote *q, int64_t now)
{
	json_t *o = cli_json_quote(q);

	json_object_set_new(o, "customer", cli_json_string(q->customer));
	json_object_set_new(o, "open", json_boolean(q->answered_at == INT64_MIN));
	json_object_set_new(o, "age_days", json_integer(age_days(q, now)));
	return o;
}

/* The listing as it is read: a line a quote, or a JSON object into arr. */
struct listing {
	bool open_only;
	int64_t now;
	json_t *arr;                 /* --json, else NULL */
	GString *line;
	size_t shown;
};

static void print_quote(const struct store_quote *q, const struct listing *l)
{
	bool open = q->answered_at == INT64_MIN;
	char sent[32], answered[32];
	char *summary;

	if (l->shown == 1)
		printf("%-*s %-20s %-28s %4s %-9s %-*s %s\n", CLI_DATE_WIDTH, "SENT", "CUSTOMER",
		       "MESSAGE-ID", "AGE", "STATE", CLI_DATE_WIDTH, "ANSWERED", "QUOTE");
	summary = cli_quote_summary(q->facts);
	cli_format_local(q->date, sent, sizeof(sent));
	cli_format_local(q->answered_at, answered, sizeof(answered));
	g_string_printf(l->line, "%-*s ", CLI_DATE_WIDTH, sent);
	cli_pad(l->line, q->customer, 20);
	g_string_append_c(l->line, ' ');
	cli_pad(l->line, q->message_id, 28);
	g_string_append_printf(l->line, " %3lldd %-9s %-*s ", (long long)age_days(q, l->now),
	                       open ? "open" : "answered", CLI_DATE_WIDTH, open ? "-" : answered);
	safe_text_append(l->line, summary[0] != '\0' ? summary : q->subject, SAFE_TEXT_LINE);
	printf("%s\n", l->line->str);
	g_free(summary);
}

static void list_quote(const struct store_quote *q, void *ctx)
{
	struct listing *l = ctx;

	if (l->open_only && q->answered_at != INT64_MIN)
		return;
	l->shown++;
	if (l->arr != NULL)
		json_array_append_new(l->arr, quote_row_json(q, l->now));
	else
		print_quote(q, l);
}

int cmd_quotes(struct cli_ctx *ctx)
{
	struct store_target target = { 0 };
	const char *customer = NULL;
	bool open_only = cli_take_flag(ctx, "open");
	char *error = NULL;
	int ret = CLI_OK;

	if (cli_take_option(ctx, "customer", &customer) < 0 ||
	    cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if (customer != NULL &&
	    (ret = cli_resolve_listing_target(ctx, customer, &target)) != CLI_OK)
		return ret;
	/* Printed as read: the open ones chosen in SQL, nothing kept. */
	struct listing l = { .open_only = open_only, .now = ctx->now,
	                     .arr = ctx->json ? json_array() : NULL, .line = g_string_new(NULL) };
	if (store_quotes_each(ctx->st, customer != NULL ? target.customer_id : 0, open_only,
	                      list_quote, &l, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	if (l.arr != NULL) {
		cli_print_json(l.arr);
		l.arr = NULL;
	} else if (l.shown == 0) {
		printf("%s\n", open_only ? "no quote is waiting for an answer" : "no quotes sent");
	}
out:
	if (l.arr != NULL)
		json_decref(l.arr);
	g_string_free(l.line, TRUE);
	g_free(error);
	store_target_clear(&target);
	return ret;
}
