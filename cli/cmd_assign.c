/*
 * followup assign CUSTOMER PERSON|none: a customer's owner, set by hand.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/changes.h"

int cmd_assign(struct cli_ctx *ctx)
{
	struct store_target target = { 0 };
	char *error = NULL;
	int ret;

	if (cli_expect_args(ctx, 2, 2) < 0)
		return CLI_USAGE;
	const char *person = ctx->argv[1];
	bool clear = strcmp(person, "none") == 0;
	const struct owner_person *p = clear ? NULL : owner_find(&ctx->rt->team, person);
	if (!clear && p == NULL) {
		cli_error("'%s' is not a [person] of %s (add a [person %s] section first)", person,
		          ctx->cfg->path, person);
		return CLI_USAGE;
	}
	ret = cli_resolve_target(ctx, ctx->argv[0], &target);
	if (ret != CLI_OK)
		return ret;
	if ((ret = cli_may_change(ctx, CORE_CHANGE_ASSIGN, target.customer_id)) != CLI_OK) {
		store_target_clear(&target);
		return ret;
	}
	struct core_change_ctx cc = { .st = ctx->st, .actor = &ctx->actor, .now = ctx->now,
	                              .customer_id = target.customer_id,
	                              .customer = target.customer_key, .command = "assign" };
	struct store_customer *before = NULL;
	if (store_begin(ctx->st, &error) < 0 ||
	    store_customer_get(ctx->st, target.customer_id, &before, &error) != 0 ||
	    store_customer_assign(ctx->st, target.customer_id, clear ? NULL : p->email, &error) < 0 ||
	    (g_strcmp0(before->owner, clear ? NULL : p->email) != 0 &&
	     core_change_record(&cc, "owner", before->owner, clear ? NULL : p->email, &error) < 0) ||
	    store_commit(ctx->st, &error) < 0) {
		store_rollback(ctx->st);
		cli_error("%s", error != NULL ? error : "the customer vanished while it was assigned");
		g_free(error);
		store_customer_free(&before);
		store_target_clear(&target);
		return CLI_STORE_ERROR;
	}
	store_customer_free(&before);
	if (ctx->json) {
		json_t *arr = json_array(), *o = json_object();
		json_object_set_new(o, "customer", cli_json_string(target.customer_key));
		json_object_set_new(o, "owner", clear ? json_null() : cli_json_string(p->email));
		json_array_append_new(arr, o);
		cli_print_json(arr);
	} else {
		char *key = safe_text_new(target.customer_key, SAFE_TEXT_LINE);
		if (clear)
			printf("%s has no assigned owner now\n", key);
		else
			printf("%s is now owned by %s\n", key, p->email);
		g_free(key);
	}
	store_target_clear(&target);
	return CLI_OK;
}
