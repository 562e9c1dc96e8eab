/*
 * args: a command's own options and arguments, after main.c took the
 * global ones.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"

static void remove_args(struct cli_ctx *ctx, int at, int count)
{
	memmove(&ctx->argv[at], &ctx->argv[at + count],
	        sizeof(char *) * (size_t)(ctx->argc - at - count + 1));
	ctx->argc -= count;
}

int cli_take_option(struct cli_ctx *ctx, const char *name, const char **value_r)
{
	size_t len = strlen(name);

	*value_r = NULL;
	for (int i = 0; i < ctx->argc; i++) {
		const char *a = ctx->argv[i];
		if (strcmp(a, "--") == 0)
			break;
		if (strncmp(a, "--", 2) != 0 || strncmp(a + 2, name, len) != 0)
			continue;
		if (a[2 + len] == '=') {
			*value_r = a + 3 + len;
			remove_args(ctx, i, 1);
			return 0;
		}
		if (a[2 + len] == '\0') {
			if (i + 1 >= ctx->argc) {
				cli_error("--%s needs a value", name);
				return -1;
			}
			*value_r = ctx->argv[i + 1];
			remove_args(ctx, i, 2);
			return 0;
		}
	}
	return 0;
}

bool cli_take_flag(struct cli_ctx *ctx, const char *name)
{
	bool found = false;

	for (int i = 0; i < ctx->argc; i++) {
		const char *a = ctx->argv[i];
		if (strcmp(a, "--") == 0)
			break;
		if (strncmp(a, "--", 2) == 0 && strcmp(a + 2, name) == 0) {
			remove_args(ctx, i, 1);
			found = true;
			i--;
		}
	}
	return found;
}

int cli_expect_args(struct cli_ctx *ctx, int min, int max, const char *synopsis)
{
	for (int i = 0; i < ctx->argc; i++) {
		if (strcmp(ctx->argv[i], "--") == 0) {
			remove_args(ctx, i, 1);
			break;
		}
		if (ctx->argv[i][0] == '-' && ctx->argv[i][1] != '\0') {
			cli_error("unknown option '%s' (usage: followup %s)", ctx->argv[i], synopsis);
			return -1;
		}
	}
	if (ctx->argc < min || ctx->argc > max) {
		cli_error("usage: followup %s", synopsis);
		return -1;
	}
	return 0;
}
