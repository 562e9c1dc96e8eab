/*
 * rules_load: the rules' runtime for the commands that evaluate rules
 * (`rules`, `overdue`), loaded as followupd loads it.
 */
#include <glib.h>

#include "cli/cli.h"
#include "core/rules_runtime.h"

int cli_rules_load(struct cli_ctx *ctx, struct core_rules **rules_r)
{
	char *error = NULL;

	if (core_rules_load(ctx->rt, ctx->now, rules_r, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_CONFIG_ERROR;
	}
	return CLI_OK;
}
