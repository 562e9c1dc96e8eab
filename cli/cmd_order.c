/*
 * followup order add CUSTOMER --no NUMBER --amount N --currency CUR
 *     [--incoterm TEXT] [--due DATE] [--deposit N|P%] [--quote MESSAGE-ID]
 * followup order set NUMBER FIELD=VALUE…
 * followup order paid NUMBER [--amount N] [--date DATE]
 * followup order confirm MESSAGE-ID [--no NUMBER] [--due DATE] [--deposit N|P%]
 * A person enters the customer's orders and the payments against them;
 * every value is checked (core/orders.c) before anything is written, and
 * each command prints the order as it now stands. `confirm` makes the
 * order a proforma invoice or order confirmation we sent proposes
 * (core/proposals.h): its number, amount, currency and Incoterm, from
 * that message; nothing else ever makes an order of mail.
 */
#include <limits.h>
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/changes.h"
#include "core/orders.h"
#include "core/proposals.h"


/* "--amount: '12,5' is no number …" from a core error; CLI_USAGE. */
static int bad_option(const char *option, char *error)
{
	cli_error("--%s: %s", option, error);
	g_free(error);
	return CLI_USAGE;
}

/* The order as it now stands, printed; CLI_OK or CLI_STORE_ERROR. */
static int print_order(struct cli_ctx *ctx, const char *number, const char *verb)
{
	struct store_order *o = NULL;
	char *error = NULL;

	if (store_order_get(ctx->st, number, &o, &error) != 0) {
		cli_error("%s", error != NULL ? error : "the order vanished while it was written");
		g_free(error);
		return CLI_STORE_ERROR;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		json_array_append_new(arr, cli_json_order(o));
		cli_print_json(arr);
	} else {
		GString *out = g_string_new(NULL);
		g_string_append_printf(out, "%s ", verb);
		cli_order_line(out, o);
		printf("%s\n", out->str);
		g_string_free(out, TRUE);
	}
	store_orders_free(&o, 1);
	return CLI_OK;
}

/* The order of that number: CLI_OK with *o_r, CLI_NOT_FOUND or
 * CLI_STORE_ERROR (message printed). */
static int find_order(struct cli_ctx *ctx, const char *number, struct store_order **o_r)
{
	char *error = NULL;
	int rc = store_order_get(ctx->st, number, o_r, &error);

	if (rc == 0) {
		int ret = cli_may_change(ctx, CORE_CHANGE_ORDER, (*o_r)->customer_id);
		if (ret != CLI_OK)
			store_orders_free(o_r, 1);
		return ret;
	}
	if (rc > 0) {
		cli_error("no order %s", number);
		return CLI_NOT_FOUND;
	}
	cli_error("%s", error);
	g_free(error);
	return CLI_STORE_ERROR;
}

/* A quote an order comes from is a message we sent to that customer:
 * CLI_OK, CLI_NOT_FOUND or CLI_STORE_ERROR (message printed). */
static int check_quote(struct cli_ctx *ctx, const char *message_id, const char *customer_key)
{
	struct store_entry *e = NULL;
	char *error = NULL;
	int rc = store_message_get(ctx->st, message_id, &e, &error), ret = CLI_OK;

	if (rc < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
	} else if (rc > 0) {
		cli_error("--quote: no message %s", message_id);
		ret = CLI_NOT_FOUND;
	} else if (g_strcmp0(e->direction, "out") != 0 || g_strcmp0(e->customer, customer_key) != 0) {
		cli_error("--quote: %s is no message we sent to %s", message_id, customer_key);
		ret = CLI_NOT_FOUND;
	}
	g_free(error);
	store_entry_free(&e);
	return ret;
}

/* Message-IDs are stored without their angle brackets. */
static char *bare_message_id(const char *id)
{
	size_t len = strlen(id);

	if (len >= 2 && id[0] == '<' && id[len - 1] == '>')
		return g_strndup(id + 1, len - 2);
	return g_strdup(id);
}

struct add_options {
	const char *number, *amount, *currency, *incoterm, *due, *deposit, *quote;
};

/* Checks the options into f (strings in owned); CLI_OK or CLI_USAGE
 * after naming what is wrong and the synopsis. */
static int check_add(const struct add_options *a, const char *synopsis,
                     struct store_order_fields *f, GPtrArray *owned)
{
	char *error = NULL, *value = NULL;
	const char *why;

	if (a->number == NULL || a->amount == NULL || a->currency == NULL) {
		cli_error("%s needs a value (usage: followup %s)", a->number == NULL ? "--no"
		          : a->amount == NULL ? "--amount" : "--currency", synopsis);
		return CLI_USAGE;
	}
	if ((why = core_order_number_invalid(a->number)) != NULL) {
		cli_error("--no: the order number %s", why);
		return CLI_USAGE;
	}
	*f = (struct store_order_fields){ .number = a->number, .deposit_milli = INT64_MIN,
	                                  .deposit_percent = -1.0, .state = "open" };
	if (core_amount_parse(a->amount, &f->amount_milli, &error) < 0)
		return bad_option("amount", error);
	if (core_currency_parse(a->currency, &value, &error) < 0)
		return bad_option("currency", error);
	g_ptr_array_add(owned, value);
	f->currency = value;
	if (a->due != NULL) {
		if (core_day_parse(a->due, &value, &error) < 0)
			return bad_option("due", error);
		g_ptr_array_add(owned, value);
		f->due = value;
	}
	if (a->deposit != NULL &&
	    core_deposit_parse(a->deposit, &f->deposit_milli, &f->deposit_percent, &error) < 0)
		return bad_option("deposit", error);
	if (a->incoterm != NULL) {
		if (core_incoterm_parse(a->incoterm, &value, &error) < 0)
			return bad_option("incoterm", error);
		g_ptr_array_add(owned, value);
		f->incoterm = value;
	}
	if (a->quote != NULL) {
		value = bare_message_id(a->quote);
		g_ptr_array_add(owned, value);
		f->quote_message_id = value;
	}
	if ((why = core_order_fields_invalid(f)) != NULL) {
		cli_error("--%s", why);
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* Logs what a command did to order number (before: as it was, NULL for
 * a new one), in the caller's transaction. 0 or -1. */
static int log_order(struct cli_ctx *ctx, const char *command, const struct store_order *before,
                     const char *number, char **error_r)
{
	struct store_order *after = NULL;
	int ret = -1;

	if (store_order_get(ctx->st, number, &after, error_r) != 0) {
		if (*error_r == NULL)
			*error_r = g_strdup("the order vanished while it was changed");
		return -1;
	}
	struct core_change_ctx cc = { .st = ctx->st, .actor = &ctx->actor, .now = ctx->now,
	                              .customer_id = after->customer_id,
	                              .customer = after->customer, .command = command };
	ret = core_change_record_order(&cc, before, after, error_r);
	store_orders_free(&after, 1);
	return ret;
}

/* Writes a checked order in a transaction; CLI_OK, CLI_USAGE (the
 * number is taken) or CLI_STORE_ERROR. */
static int write_order(struct cli_ctx *ctx, int64_t customer_id,
                       const struct store_order_fields *f)
{
	char *error = NULL;
	int rc;

	if (store_begin(ctx->st, &error) < 0)
		goto fail;
	if ((rc = store_order_add(ctx->st, customer_id, f, ctx->now, &error)) != 0) {
		store_rollback(ctx->st);
		if (rc < 0)
			goto fail;
		cli_error("--no: there is an order %s already (change it: followup order set %s …)",
		          f->number, f->number);
		return CLI_USAGE;
	}
	if (log_order(ctx, "order add", NULL, f->number, &error) < 0) {
		store_rollback(ctx->st);
		goto fail;
	}
	if (store_commit(ctx->st, &error) < 0)
		goto fail;
	return CLI_OK;
fail:
	cli_error("%s", error);
	g_free(error);
	return CLI_STORE_ERROR;
}

int cmd_order_add(struct cli_ctx *ctx)
{
	struct add_options a = { 0 };
	struct store_order_fields f;
	struct store_target target = { 0 };
	GPtrArray *owned = g_ptr_array_new_with_free_func(g_free);
	int ret = CLI_USAGE;

	if (cli_take_option(ctx, "no", &a.number) < 0 ||
	    cli_take_option(ctx, "amount", &a.amount) < 0 ||
	    cli_take_option(ctx, "currency", &a.currency) < 0 ||
	    cli_take_option(ctx, "incoterm", &a.incoterm) < 0 ||
	    cli_take_option(ctx, "due", &a.due) < 0 ||
	    cli_take_option(ctx, "deposit", &a.deposit) < 0 ||
	    cli_take_option(ctx, "quote", &a.quote) < 0 ||
	    cli_expect_args(ctx, 1, 1) < 0)
		goto out;
	if ((ret = check_add(&a, ctx->command->synopsis, &f, owned)) != CLI_OK)
		goto out;
	if ((ret = cli_resolve_target(ctx, ctx->argv[0], &target)) != CLI_OK ||
	    (ret = cli_may_change(ctx, CORE_CHANGE_ORDER, target.customer_id)) != CLI_OK)
		goto out;
	if (f.quote_message_id != NULL &&
	    (ret = check_quote(ctx, f.quote_message_id, target.customer_key)) != CLI_OK)
		goto out;
	if ((ret = write_order(ctx, target.customer_id, &f)) == CLI_OK)
		ret = print_order(ctx, f.number, "added");
out:
	store_target_clear(&target);
	g_ptr_array_free(owned, TRUE);
	return ret;
}

int cmd_order_set(struct cli_ctx *ctx)
{
	struct store_order *o = NULL;
	struct core_order_change *change = NULL;
	char *error = NULL;
	int ret;

	if (cli_expect_args(ctx, 2, INT_MAX) < 0)
		return CLI_USAGE;
	if ((ret = find_order(ctx, ctx->argv[0], &o)) != CLI_OK)
		return ret;
	if (core_order_change_parse(o, ctx->argv + 1, (size_t)ctx->argc - 1, &change, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_USAGE;
		goto out;
	}
	if (change->quote_changed && change->fields.quote_message_id != NULL) {
		char *bare = bare_message_id(change->fields.quote_message_id);
		g_ptr_array_add(change->owned, bare);
		change->fields.quote_message_id = bare;
		if ((ret = check_quote(ctx, bare, o->customer)) != CLI_OK)
			goto out;
	}
	ret = CLI_STORE_ERROR;
	if (store_begin(ctx->st, &error) < 0)
		goto out;
	const char *number = change->fields.number != NULL ? change->fields.number : o->number;
	if (store_order_update(ctx->st, o->id, &change->fields, ctx->now, &error) < 0 ||
	    log_order(ctx, "order set", o, number, &error) < 0) {
		store_rollback(ctx->st);
		goto out;
	}
	if (store_commit(ctx->st, &error) < 0)
		goto out;
	ret = print_order(ctx, number, "changed");
out:
	if (ret == CLI_STORE_ERROR && error != NULL)
		cli_error("%s", error);
	g_free(error);
	core_order_change_free(&change);
	store_orders_free(&o, 1);
	return ret;
}

/* The payment's amount and day from the options; CLI_OK or CLI_USAGE. */
static int check_payment(struct cli_ctx *ctx, const struct store_order *o, const char *amount,
                         const char *date, int64_t *milli_r, char **day_r)
{
	int64_t rest = o->amount_milli - o->paid_milli;
	char *error = NULL;

	if (rest <= 0 || strcmp(o->state, "cancelled") == 0) {
		cli_error("order %s is %s: nothing is left to pay", o->number,
		          rest <= 0 ? "paid in full" : "cancelled");
		return CLI_USAGE;
	}
	*milli_r = rest;
	if (amount != NULL && core_amount_parse(amount, milli_r, &error) < 0)
		return bad_option("amount", error);
	if (*milli_r > rest) {
		char left[32];
		core_amount_format(rest, left, sizeof(left));
		cli_error("--amount: %s is more than the %s %s still to pay", amount, left,
		          o->currency);
		return CLI_USAGE;
	}
	if (date == NULL) {
		*day_r = core_day_of(ctx->now, ctx->cfg->company.timezone);
		return CLI_OK;
	}
	if (core_day_parse(date, day_r, &error) < 0)
		return bad_option("date", error);
	return CLI_OK;
}

int cmd_order_paid(struct cli_ctx *ctx)
{
	struct store_order *o = NULL;
	struct store_order_fields f;
	const char *amount = NULL, *date = NULL;
	char *day = NULL, *error = NULL;
	int64_t milli = 0;
	int ret;

	if (cli_take_option(ctx, "amount", &amount) < 0 ||
	    cli_take_option(ctx, "date", &date) < 0 ||
	    cli_expect_args(ctx, 1, 1) < 0)
		return CLI_USAGE;
	if ((ret = find_order(ctx, ctx->argv[0], &o)) != CLI_OK)
		return ret;
	if ((ret = check_payment(ctx, o, amount, date, &milli, &day)) != CLI_OK)
		goto out;
	core_order_fields_of(o, &f);
	f.state = core_order_state_after(o->amount_milli, o->paid_milli + milli, o->state);
	ret = CLI_STORE_ERROR;
	if (store_begin(ctx->st, &error) < 0)
		goto out;
	if (store_payment_add(ctx->st, o->id, milli, day, ctx->now, &error) < 0 ||
	    store_order_update(ctx->st, o->id, &f, ctx->now, &error) < 0 ||
	    log_order(ctx, "order paid", o, o->number, &error) < 0) {
		store_rollback(ctx->st);
		goto out;
	}
	if (store_commit(ctx->st, &error) < 0)
		goto out;
	ret = print_order(ctx, o->number, "paid");
out:
	if (ret == CLI_STORE_ERROR && error != NULL)
		cli_error("%s", error);
	g_free(error);
	g_free(day);
	store_orders_free(&o, 1);
	return ret;
}

/* What the person gives besides the message, checked before the store
 * is read: bad usage is bad usage whatever the store holds. */
struct confirm_options {
	const char *number;
	char *due;
	int64_t deposit_milli;
	double deposit_percent;
};

static int confirm_options_take(struct cli_ctx *ctx, struct confirm_options *a)
{
	const char *due = NULL, *deposit = NULL, *why;
	char *error = NULL;

	a->deposit_milli = INT64_MIN;
	a->deposit_percent = -1.0;
	if (cli_take_option(ctx, "no", &a->number) < 0 ||
	    cli_take_option(ctx, "due", &due) < 0 ||
	    cli_take_option(ctx, "deposit", &deposit) < 0 ||
	    cli_expect_args(ctx, 1, 1) < 0)
		return CLI_USAGE;
	if (a->number != NULL && (why = core_order_number_invalid(a->number)) != NULL) {
		cli_error("--no: the order number %s", why);
		return CLI_USAGE;
	}
	if (due != NULL && core_day_parse(due, &a->due, &error) < 0)
		return bad_option("due", error);
	if (deposit != NULL &&
	    core_deposit_parse(deposit, &a->deposit_milli, &a->deposit_percent, &error) < 0)
		return bad_option("deposit", error);
	return CLI_OK;
}

/* The fields of the order proposal p makes, with the person's options;
 * CLI_OK or CLI_USAGE. */
static int confirm_fields(const struct confirm_options *a, const struct core_proposal *p,
                          struct store_order_fields *f)
{
	const char *why;

	*f = (struct store_order_fields){
		.number = a->number != NULL ? a->number : p->number,
		.amount_milli = p->amount_milli, .currency = p->currency,
		.incoterm = p->incoterm, .due = a->due, .deposit_milli = a->deposit_milli,
		.deposit_percent = a->deposit_percent, .quote_message_id = p->message_id,
		.state = "open",
	};
	if ((why = core_order_fields_invalid(f)) != NULL) {
		cli_error("--%s", why);
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* The proposal of that message, then the order, in one transaction, so
 * that two people confirming at once make one order. CLI_OK, CLI_NOT_FOUND,
 * CLI_USAGE or CLI_STORE_ERROR (message printed); *number_r the order's
 * number (owned). */
static int confirm_in_transaction(struct cli_ctx *ctx, const char *message_id,
                                  const struct confirm_options *a, char **number_r)
{
	struct core_proposal *props = NULL;
	struct store_order_fields f;
	char *error = NULL;
	size_t n = 0;
	bool open = false;        /* a transaction to roll back on the way out */
	int ret = CLI_STORE_ERROR, rc;

	if (store_begin(ctx->st, &error) < 0)
		goto out;
	open = true;
	if (core_order_proposals(ctx->st, 0, message_id, &props, &n, &error) < 0)
		goto out;
	if (n == 0) {
		cli_error("no order proposed by message %s (see: followup orders --proposed)",
		          message_id);
		ret = CLI_NOT_FOUND;
		goto out;
	}
	if ((ret = cli_may_change(ctx, CORE_CHANGE_ORDER, props[0].customer_id)) != CLI_OK ||
	    (ret = confirm_fields(a, &props[0], &f)) != CLI_OK)
		goto out;
	ret = CLI_STORE_ERROR;
	if ((rc = store_order_add(ctx->st, props[0].customer_id, &f, ctx->now, &error)) != 0) {
		if (rc > 0) {
			/* The number may be the mail's: printed made safe. */
			char *shown = safe_text_new(f.number, SAFE_TEXT_LINE);
			cli_error("--no: there is an order %s already (give the order another "
			          "number with --no)", shown);
			g_free(shown);
			ret = CLI_USAGE;
		}
		goto out;
	}
	if (log_order(ctx, "order confirm", NULL, f.number, &error) < 0)
		goto out;
	open = false;             /* a failed commit is nothing written, as in write_order */
	if (store_commit(ctx->st, &error) < 0)
		goto out;
	*number_r = g_strdup(f.number);
	ret = CLI_OK;
out:
	if (open)
		store_rollback(ctx->st);
	if (ret == CLI_STORE_ERROR && error != NULL)
		cli_error("%s", error);
	g_free(error);
	core_proposals_free(&props, n);
	return ret;
}

int cmd_order_confirm(struct cli_ctx *ctx)
{
	struct confirm_options a = { 0 };
	char *message_id = NULL, *number = NULL;
	int ret;

	if ((ret = confirm_options_take(ctx, &a)) != CLI_OK)
		goto out;
	message_id = bare_message_id(ctx->argv[0]);
	ret = confirm_in_transaction(ctx, message_id, &a, &number);
	if (ret == CLI_OK)
		ret = print_order(ctx, number, "confirmed");
out:
	g_free(a.due);
	g_free(number);
	g_free(message_id);
	return ret;
}
