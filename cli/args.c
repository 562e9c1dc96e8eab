/*
 * args: a command's own options and arguments, after main.c took the
 * global ones.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/records.h"

#define DEFAULT_PERIOD_S (28 * 86400)

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

int cli_expect_args(struct cli_ctx *ctx, int min, int max)
{
	const char *synopsis = ctx->command->synopsis;

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

/* One bound of the period: a day (YYYY-MM-DD, in the company's time zone;
 * end: the day included) or an RFC 3339 moment. */
static int period_bound(struct cli_ctx *ctx, const char *option, const char *text, bool end,
                        int64_t *t_r)
{
	char *canonical = NULL, *error = NULL;
	int ret = -1;

	if (core_sheet_date_parse(text, &canonical, &error) < 0) {
		cli_error("--%s: %s", option, error);
		goto out;
	}
	if (core_sheet_date_time(canonical, ctx->cfg->company.timezone, t_r) < 0) {
		cli_error("--%s: '%s' is not a date", option, text);
		goto out;
	}
	if (end && strlen(canonical) == 10)
		*t_r += 86400;   /* a day given as the end is included */
	ret = 0;
out:
	g_free(canonical);
	g_free(error);
	return ret;
}

int cli_take_period(struct cli_ctx *ctx, int64_t *from_r, int64_t *to_r)
{
	const char *from = NULL, *to = NULL;

	if (cli_take_option(ctx, "from", &from) < 0 || cli_take_option(ctx, "to", &to) < 0)
		return -1;
	*to_r = ctx->now;
	if (to != NULL && period_bound(ctx, "to", to, true, to_r) < 0)
		return -1;
	*from_r = *to_r - DEFAULT_PERIOD_S;
	if (from != NULL && period_bound(ctx, "from", from, false, from_r) < 0)
		return -1;
	if (*from_r >= *to_r) {
		cli_error("--from: the period must begin before --to");
		return -1;
	}
	return 0;
}
