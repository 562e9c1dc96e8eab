/*
 * target: the customer a TARGET of the command line names (an address, a
 * domain, a customer key or a numeric id), for every command that takes
 * one.
 */
#include <glib.h>

#include "cli/cli.h"
#include "core/target.h"

int cli_resolve_target(struct cli_ctx *ctx, const char *target, struct store_target *target_r)
{
	char *error = NULL;
	int rc = core_resolve_target(ctx->st, ctx->rt, target, target_r, &error);

	if (rc < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	if (rc == 1) {
		cli_error("no customer matches '%s' (see: followup customers)", target);
		return CLI_NOT_FOUND;
	}
	return CLI_OK;
}

int cli_resolve_listing_target(struct cli_ctx *ctx, const char *target,
                               struct store_target *target_r)
{
	int ret = cli_resolve_target(ctx, target, target_r);

	if (ret == CLI_NOT_FOUND && ctx->json)
		cli_print_json(json_array());
	return ret;
}

const char *cli_person(struct cli_ctx *ctx, const char *as, const char *option)
{
	const struct owner_person *p = as != NULL ? owner_find(&ctx->rt->team, as) : NULL;

	if (as == NULL) {
		/* Who runs a command is not known yet: they say it. */
		cli_error("%s needs PERSON: the [person] of %s you act as", option,
		          ctx->cfg->path);
		return NULL;
	}
	if (p == NULL) {
		cli_error("%s: '%s' is not a [person] of %s (add a [person %s] section first)",
		          option, as, ctx->cfg->path, as);
		return NULL;
	}
	return p->email;
}
