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

static void print_quotes(const struct store_quote *quotes, size_t n, bool open_only,
                         int64_t now)
{
	GString *line = g_string_new(NULL);
	size_t shown = 0;

	for (size_t i = 0; i < n; i++) {
		const struct store_quote *q = &quotes[i];
		bool open = q->answered_at == INT64_MIN;
		char sent[32], answered[32];
		char *summary;
		if (open_only && !open)
			continue;
		if (shown++ == 0)
			printf("%-*s %-20s %-28s %4s %-9s %-*s %s\n", CLI_DATE_WIDTH, "SENT", "CUSTOMER",
			       "MESSAGE-ID", "AGE", "STATE", CLI_DATE_WIDTH, "ANSWERED", "QUOTE");
		summary = cli_quote_summary(q->facts);
		cli_format_local(q->date, sent, sizeof(sent));
		cli_format_local(q->answered_at, answered, sizeof(answered));
		g_string_printf(line, "%-*s ", CLI_DATE_WIDTH, sent);
		cli_pad(line, q->customer, 20);
		g_string_append_c(line, ' ');
		cli_pad(line, q->message_id, 28);
		g_string_append_printf(line, " %3lldd %-9s %-*s ", (long long)age_days(q, now),
		                       open ? "open" : "answered", CLI_DATE_WIDTH, open ? "-" : answered);
		safe_text_append(line, summary[0] != '\0' ? summary : q->subject, SAFE_TEXT_LINE);
		printf("%s\n", line->str);
		g_free(summary);
	}
	if (shown == 0)
		printf("%s\n", open_only ? "no quote is waiting for an answer" : "no quotes sent");
	g_string_free(line, TRUE);
}

int cmd_quotes(struct cli_ctx *ctx)
{
	struct store_target target = { 0 };
	struct store_quote *quotes = NULL;
	const char *customer = NULL;
	bool open_only = cli_take_flag(ctx, "open");
	size_t n = 0;
	char *error = NULL;
	int ret = CLI_OK;

	if (cli_take_option(ctx, "customer", &customer) < 0 ||
	    cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if (customer != NULL &&
	    (ret = cli_resolve_listing_target(ctx, customer, &target)) != CLI_OK)
		return ret;
	/* The open ones chosen in SQL: the answered are never loaded. */
	if (store_quotes_select(ctx->st, customer != NULL ? target.customer_id : 0, open_only,
	                        &quotes, &n, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			if (!open_only || quotes[i].answered_at == INT64_MIN)
				json_array_append_new(arr, quote_row_json(&quotes[i], ctx->now));
		}
		cli_print_json(arr);
	} else {
		print_quotes(quotes, n, open_only, ctx->now);
	}
out:
	g_free(error);
	store_quotes_free(&quotes, n);
	store_target_clear(&target);
	return ret;
}
