/*
 * followup orders [--customer CUSTOMER] [--due-within 7d] [--overdue]
 * followup orders --proposed [--customer CUSTOMER]:
 * the orders people entered, oldest first, with what is paid of them.
 * --due-within keeps those not paid in full whose due day comes within
 * that time (and has not passed); --overdue those whose due day has
 * passed unpaid. Days are the company's ([company] timezone).
 * --proposed lists instead the orders our sent proforma invoices and
 * order confirmations propose (core/proposals.h), for a person to
 * confirm with `followup order confirm MESSAGE-ID`.
 */
#include <glib.h>

#include "cli/cli.h"
#include "core/orders.h"
#include "core/proposals.h"
#include "lib/duration.h"

/* Durations beyond ten years mean "ever": kept clear of overflow. */
#define DURATION_MAX (UINT64_C(3650) * 24 * 3600)

struct orders_filter {
	bool due, overdue, proposed;
	uint64_t within;
};

static bool keep(const struct store_order *o, const struct orders_filter *f, int64_t now,
                 const char *timezone)
{
	if (f->due && f->overdue)
		return core_order_due_within(o, now, f->within, timezone) ||
		       core_order_overdue(o, now, timezone);
	if (f->due)
		return core_order_due_within(o, now, f->within, timezone);
	if (f->overdue)
		return core_order_overdue(o, now, timezone);
	return true;
}

static int take_filter(struct cli_ctx *ctx, struct orders_filter *f, const char **customer_r)
{
	const char *within = NULL, *reason = NULL;

	f->overdue = cli_take_flag(ctx, "overdue");
	f->proposed = cli_take_flag(ctx, "proposed");
	if (cli_take_option(ctx, "customer", customer_r) < 0 ||
	    cli_take_option(ctx, "due-within", &within) < 0 ||
	    cli_expect_args(ctx, 0, 0) < 0)
		return -1;
	if (within != NULL) {
		if (duration_parse_all(within, &f->within, &reason) < 0) {
			cli_error("--due-within: '%s' %s (e.g. 7d, 2w)", within, reason);
			return -1;
		}
		f->due = true;
		f->within = MIN(f->within, DURATION_MAX);
	}
	/* A proposal is no order yet: it falls due on no day. */
	if (f->proposed && (f->due || f->overdue)) {
		cli_error("--proposed: not with %s (a proposed order has no due day)",
		          f->due ? "--due-within" : "--overdue");
		return -1;
	}
	return 0;
}

static int list_proposed(struct cli_ctx *ctx, int64_t customer_id, bool one_customer)
{
	struct core_proposal *props = NULL;
	char *error = NULL;
	size_t n = 0;

	if (core_order_proposals(ctx->st, customer_id, NULL, &props, &n, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, cli_json_proposal(&props[i]));
		cli_print_json(arr);
	} else if (n == 0) {
		printf("%s\n", one_customer ? "no order proposed" : "no order proposed (a proforma "
		       "invoice we sent with its number and total proposes one)");
	} else {
		GString *line = g_string_new(NULL);
		cli_proposal_header();
		for (size_t i = 0; i < n; i++) {
			g_string_truncate(line, 0);
			cli_proposal_line(line, &props[i]);
			printf("%s\n", line->str);
		}
		g_string_free(line, TRUE);
	}
	core_proposals_free(&props, n);
	return CLI_OK;
}

int cmd_orders(struct cli_ctx *ctx)
{
	struct orders_filter filter = { 0 };
	struct store_target target = { 0 };
	struct store_order *orders = NULL;
	const char *customer = NULL, *tz = ctx->cfg->company.timezone;
	char *error = NULL;
	size_t n = 0;
	int ret = CLI_OK;

	if (take_filter(ctx, &filter, &customer) < 0)
		return CLI_USAGE;
	if (customer != NULL &&
	    (ret = cli_resolve_listing_target(ctx, customer, &target)) != CLI_OK)
		return ret;
	if (filter.proposed) {
		ret = list_proposed(ctx, customer != NULL ? target.customer_id : 0, customer != NULL);
		goto out;
	}
	if (store_orders(ctx->st, customer != NULL ? target.customer_id : 0, &orders, &n,
	                 &error) < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	json_t *arr = ctx->json ? json_array() : NULL;
	GString *line = g_string_new(NULL);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (!keep(&orders[i], &filter, ctx->now, tz))
			continue;
		if (arr == NULL && shown++ == 0)
			cli_order_header();
		if (arr != NULL) {
			json_t *o = cli_json_order(&orders[i]);
			json_object_set_new(o, "overdue", json_boolean(core_order_overdue(&orders[i],
			                                                                  ctx->now, tz)));
			json_array_append_new(arr, o);
			continue;
		}
		g_string_truncate(line, 0);
		cli_order_line(line, &orders[i]);
		printf("%s%s\n", line->str, core_order_overdue(&orders[i], ctx->now, tz)
		                            ? "  OVERDUE" : "");
	}
	g_string_free(line, TRUE);
	if (arr != NULL)
		cli_print_json(arr);
	else if (shown == 0)
		printf("%s\n", customer != NULL || filter.due || filter.overdue
		               ? "no order matches" : "no orders yet (see: followup order add)");
out:
	g_free(error);
	store_orders_free(&orders, n);
	store_target_clear(&target);
	return ret;
}
