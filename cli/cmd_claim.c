/*
 * followup claim CUSTOMER [--as PERSON]: a salesperson takes a customer
 * nobody owns (the pool). One that has an owner is refused (exit 4): a
 * manager moves customers with `followup assign`. The person is who runs
 * it (their unix-user); root says for whom with --as.
 */
#include <glib.h>

#include "cli/cli.h"
#include "core/changes.h"

int cmd_claim(struct cli_ctx *ctx)
{
	struct store_target target = { 0 };
	const char *as = NULL, *person;
	char *error = NULL, *owner = NULL;
	int ret, rc;

	if (cli_take_option(ctx, "as", &as) < 0 ||
	    cli_expect_args(ctx, 1, 1) < 0)
		return CLI_USAGE;
	/* One claims for oneself; root says for whom. */
	if (!ctx->actor.root) {
		if (as != NULL && (ctx->actor.name == NULL ||
		                   g_ascii_strcasecmp(as, ctx->actor.name) != 0)) {
			cli_error("--as: you claim for yourself (%s); a manager gives customers to "
			          "others: followup assign", ctx->actor.name != NULL
			          ? ctx->actor.name : "no [person]");
			return CLI_REFUSED;
		}
		as = ctx->actor.name;
	}
	if ((person = cli_person(ctx, as, "--as")) == NULL)
		return CLI_USAGE;
	ret = cli_resolve_target(ctx, ctx->argv[0], &target);
	if (ret != CLI_OK)
		return ret;
	if ((ret = cli_may_change(ctx, CORE_CHANGE_CLAIM, target.customer_id)) != CLI_OK) {
		store_target_clear(&target);
		return ret;
	}
	if (store_begin(ctx->st, &error) < 0)
		goto fail;
	struct core_change_ctx cc = { .st = ctx->st, .actor = &ctx->actor, .now = ctx->now,
	                              .customer_id = target.customer_id,
	                              .customer = target.customer_key, .command = "claim" };
	if ((rc = store_customer_claim(ctx->st, target.customer_id, person, &owner, &error)) < 0 ||
	    (rc == 0 && core_change_record(&cc, "owner", NULL, person, &error) < 0)) {
		store_rollback(ctx->st);
		goto fail;
	}
	if (store_commit(ctx->st, &error) < 0)
		goto fail;
	/* Claiming one's own customer again changes nothing and is fine. */
	bool mine = rc == 0 || g_ascii_strcasecmp(owner, person) == 0;
	char *key = safe_text_new(target.customer_key, SAFE_TEXT_LINE);
	if (ctx->json) {
		json_t *arr = json_array(), *o = json_object();
		json_object_set_new(o, "customer", cli_json_string(target.customer_key));
		json_object_set_new(o, "owner", cli_json_string(rc == 0 ? person : owner));
		json_object_set_new(o, "claimed", json_boolean(rc == 0));
		json_array_append_new(arr, o);
		cli_print_json(arr);
	}
	if (!mine)
		cli_error("%s is owned by %s already (a manager reassigns it: followup assign)", key,
		          owner);
	else if (!ctx->json)
		printf(rc == 0 ? "%s is now owned by %s\n" : "%s is owned by %s already\n", key,
		       person);
	g_free(key);
	ret = mine ? CLI_OK : CLI_REFUSED;
	goto out;
fail:
	cli_error("%s", error);
	ret = CLI_STORE_ERROR;
out:
	g_free(error);
	g_free(owner);
	store_target_clear(&target);
	return ret;
}
