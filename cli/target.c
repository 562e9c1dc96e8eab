/*
 * target: the customer a TARGET of the command line names (an address, a
 * domain, a customer key or a numeric id), for every command that takes
 * one.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "classify/classify.h"

static char *key_of(const char *target, void *p)
{
	struct cli_ctx *ctx = p;

	if (strchr(target, '@') != NULL)
		return classify_customer_key(ctx->rt->cls, target);
	char *addr = g_strconcat("postmaster@", target, NULL);
	char *key = classify_registrable_domain(ctx->rt->cls, addr);
	g_free(addr);
	return key;
}

int cli_resolve_target(struct cli_ctx *ctx, const char *target, struct store_target *target_r)
{
	char *error = NULL;
	int rc = store_resolve_target(ctx->st, target, key_of, ctx, target_r, &error);

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
