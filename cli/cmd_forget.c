/*
 * followup forget ADDRESS|CUSTOMER [--dry-run] [--with-orders] [--let-mail-in]:
 * erases what is held about a person (an address) or a customer, leaves a
 * record that it happened, and keeps their new mail out unless told.
 *
 * followup export-personal ADDRESS: what is held about a person, as JSON.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/forget.h"
#include "core/target.h"

static int64_t total(const struct store_forget_counts *c)
{
	return c->messages + c->raw + c->contacts + c->notes + c->outbox + c->threads +
	       c->changes + c->customers + c->orders;
}

static void add_counts(struct store_forget_counts *a, const struct store_forget_counts *b)
{
	a->messages += b->messages;
	a->raw += b->raw;
	a->contacts += b->contacts;
	a->notes += b->notes;
	a->outbox += b->outbox;
	a->threads += b->threads;
	a->changes += b->changes;
	a->customers += b->customers;
	a->orders += b->orders;
}

static void print_counts(const struct cli_ctx *ctx, const char *what,
                         const struct store_forget_counts *c, bool dry_run, bool mail_out)
{
	if (ctx->json) {
		json_t *arr = json_array(), *o = json_object();
		json_object_set_new(o, "forgotten", cli_json_string(what));
		json_object_set_new(o, "dry_run", json_boolean(dry_run));
		json_object_set_new(o, "messages", json_integer(c->messages));
		json_object_set_new(o, "raw", json_integer(c->raw));
		json_object_set_new(o, "contacts", json_integer(c->contacts));
		json_object_set_new(o, "notes", json_integer(c->notes));
		json_object_set_new(o, "outbox", json_integer(c->outbox));
		json_object_set_new(o, "threads", json_integer(c->threads));
		json_object_set_new(o, "changes", json_integer(c->changes));
		json_object_set_new(o, "customers", json_integer(c->customers));
		json_object_set_new(o, "orders", json_integer(c->orders));
		json_object_set_new(o, "mail_kept_out", json_boolean(mail_out));
		json_array_append_new(arr, o);
		cli_print_json(arr);
		return;
	}
	char *shown = safe_text_new(what, SAFE_TEXT_LINE);
	printf("%s %s: %lld messages, %lld raw copies, %lld contacts, %lld notes, "
	       "%lld outbox rows, %lld threads, %lld change-log lines, %lld customers, "
	       "%lld orders%s\n", dry_run ? "would forget" : "forgot", shown,
	       (long long)c->messages, (long long)c->raw, (long long)c->contacts,
	       (long long)c->notes, (long long)c->outbox, (long long)c->threads,
	       (long long)c->changes, (long long)c->customers, (long long)c->orders,
	       dry_run ? " (nothing was changed)"
	               : mail_out ? "; their new mail stays out" : "; their new mail is filed");
	g_free(shown);
}

/* Forgets (or counts) what its arguments name; 0, 1 (a customer with
 * orders, without --with-orders) or -1. */
static int forget(struct cli_ctx *ctx, const char *what, bool is_address,
                  const struct store_target *target, bool with_orders, bool dry_run,
                  struct store_forget_counts *c, char **error_r)
{
	struct store_forget_counts part;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	if (is_address) {
		if (store_forget_address(ctx->st, what, dry_run, &part, error_r) < 0)
			return -1;
		add_counts(c, &part);
	}
	/* a free-mail buyer is a customer of their own: it goes with them */
	if (target->customer_id > 0 && (!is_address || g_strcmp0(target->customer_key, what) == 0)) {
		rc = store_forget_customer(ctx->st, target->customer_id, with_orders, dry_run, &part,
		                           error_r);
		if (rc < 0)
			return -1;
		add_counts(c, &part);
	}
	return rc;
}

int cmd_forget(struct cli_ctx *ctx)
{
	struct store_target target = { 0 };
	struct store_forget_counts counts;
	bool dry_run = cli_take_flag(ctx, "dry-run"), with_orders = cli_take_flag(ctx, "with-orders");
	bool let_in = cli_take_flag(ctx, "let-mail-in");
	char *error = NULL, *what = NULL, *hash = NULL;
	int ret;

	if (cli_expect_args(ctx, 1, 1) < 0)
		return CLI_USAGE;
	if ((ret = cli_may_change(ctx, CORE_CHANGE_FORGET, 0)) != CLI_OK)
		return ret;
	bool is_address = strchr(ctx->argv[0], '@') != NULL;
	what = g_utf8_strdown(ctx->argv[0], -1);
	if (is_address) {
		/* nothing held is fine: their mail still stays out from now on */
		if (core_resolve_target(ctx->st, ctx->rt, what, &target, &error) < 0) {
			ret = CLI_STORE_ERROR;
			goto out;
		}
	} else if ((ret = cli_resolve_target(ctx, what, &target)) != CLI_OK) {
		goto out;
	}
	ret = CLI_STORE_ERROR;
	if (store_begin(ctx->st, &error) < 0)
		goto out;
	int rc = forget(ctx, what, is_address, &target, with_orders, dry_run, &counts, &error);
	if (rc != 0 || dry_run) {
		store_rollback(ctx->st);
		if (rc > 0) {
			cli_error("%s has %lld orders: forgetting it erases them and their payments "
			          "too (add --with-orders), or keep them and forget its people by "
			          "address", target.customer_key, (long long)counts.orders);
			ret = CLI_REFUSED;
			goto out;
		}
		if (rc < 0)
			goto out;
		print_counts(ctx, what, &counts, true, !let_in);
		ret = CLI_OK;
		goto out;
	}
	hash = let_in ? NULL : core_forget_suppress_hash(is_address ? "address" : "customer",
	                                                 is_address ? what : target.customer_key);
	if (store_forgotten_add(ctx->st, ctx->now, ctx->actor.name != NULL ? ctx->actor.name : "?",
	                        is_address ? "address" : "customer", total(&counts), hash,
	                        &error) < 0 ||
	    store_commit(ctx->st, &error) < 0) {
		store_rollback(ctx->st);
		goto out;
	}
	/* out of the write-ahead log too; a reader holding on is said, not fatal */
	if (store_scrub(ctx->st, &error) != 0) {
		cli_error("warning: %s", error);
		g_clear_pointer(&error, g_free);
	}
	print_counts(ctx, what, &counts, false, !let_in);
	ret = CLI_OK;
out:
	if (ret == CLI_STORE_ERROR && error != NULL)
		cli_error("%s", error);
	g_free(error);
	g_free(what);
	g_free(hash);
	store_target_clear(&target);
	return ret;
}

/* ---- export-personal ---- */

static json_t *personal_json(const struct store_personal_message *m, bool note)
{
	json_t *o = json_object();

	if (!note)
		json_object_set_new(o, "message_id", cli_json_string(m->message_id));
	json_object_set_new(o, "date", cli_json_time(m->date));
	json_object_set_new(o, note ? "kind" : "direction", cli_json_string(m->direction));
	json_object_set_new(o, note ? "author" : "subject", cli_json_string(m->subject));
	json_object_set_new(o, "text", cli_json_string(m->text));
	json_object_set_new(o, "customer", cli_json_string(m->customer));
	return o;
}

static json_t *personal_array(const struct store_personal_message *m, size_t n, bool note)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, personal_json(&m[i], note));
	return arr;
}

int cmd_export_personal(struct cli_ctx *ctx)
{
	struct store_personal_message *msgs = NULL, *notes = NULL;
	struct store_contact ct = { 0 };
	size_t n_msgs = 0, n_notes = 0;
	int64_t customer_id = 0;
	char *error = NULL, *address = NULL;
	int ret = CLI_STORE_ERROR, rc;

	if (cli_expect_args(ctx, 1, 1) < 0)
		return CLI_USAGE;
	if (strchr(ctx->argv[0], '@') == NULL) {
		cli_error("ADDRESS: '%s' is no e-mail address (a person is known by theirs)",
		          ctx->argv[0]);
		return CLI_USAGE;
	}
	address = g_utf8_strdown(ctx->argv[0], -1);
	if ((rc = store_contact_get(ctx->st, address, &ct, &customer_id, &error)) < 0 ||
	    store_personal_messages(ctx->st, address, &msgs, &n_msgs, &error) < 0 ||
	    store_personal_notes(ctx->st, address, &notes, &n_notes, &error) < 0)
		goto out;
	if (rc > 0 && n_msgs == 0 && n_notes == 0) {
		cli_error("nothing is held about %s", address);
		if (ctx->json)
			cli_print_json(json_array());
		ret = CLI_NOT_FOUND;
		goto out;
	}
	/* Personal data is given as data: JSON, whether or not --json was said. */
	json_t *arr = json_array(), *o = json_object();
	json_object_set_new(o, "address", cli_json_string(address));
	json_object_set_new(o, "contact", rc == 0 ? cli_json_contact(&ct) : json_null());
	json_object_set_new(o, "messages", personal_array(msgs, n_msgs, false));
	json_object_set_new(o, "notes", personal_array(notes, n_notes, true));
	json_array_append_new(arr, o);
	cli_print_json(arr);
	ret = CLI_OK;
out:
	if (ret == CLI_STORE_ERROR)
		cli_error("%s", error != NULL ? error : "the store could not be read");
	g_free(error);
	g_free(address);
	store_contact_clear(&ct);
	store_personal_messages_free(&msgs, n_msgs);
	store_personal_messages_free(&notes, n_notes);
	return ret;
}
