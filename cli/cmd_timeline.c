/*
 * followup timeline TARGET: a customer's messages, oldest first.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/stages.h"

static void print_entry(const struct store_entry *e)
{
	GString *line = g_string_new(NULL);
	bool out = strcmp(e->direction, "out") == 0;
	/* A note people wrote: its author, and its text where a subject stands. */
	bool note = strcmp(e->direction, "note") == 0;
	const char *who = out ? (e->to != NULL && e->to[0] != NULL ? e->to[0] : "") : e->from_addr;
	const char *subject = note ? e->snippet : e->subject;

	cli_pad_date(line, e->date);
	g_string_append_c(line, ' ');
	cli_pad(line, e->direction, 5);
	cli_pad(line, e->kind, 11);
	cli_pad(line, who, 28);
	g_string_append_c(line, ' ');
	cli_pad(line, subject[0] != '\0' ? subject : "(no subject)", 50);
	g_strchomp(line->str);
	printf("%s\n", line->str);
	if (!note && e->snippet[0] != '\0') {
		g_string_printf(line, "%*s", CLI_DATE_WIDTH + 1, "");
		cli_pad(line, e->snippet, 94);
		g_strchomp(line->str);
		printf("%s\n", line->str);
	}
	g_string_free(line, TRUE);
}

int cmd_timeline(struct cli_ctx *ctx)
{
	struct store_target target = { 0 };
	struct store_entry **entries = NULL;
	size_t n = 0;
	char *error = NULL;
	int ret;

	if (cli_expect_args(ctx, 1, 1) < 0)
		return CLI_USAGE;
	ret = cli_resolve_listing_target(ctx, ctx->argv[0], &target);
	if (ret != CLI_OK)
		return ret;
	if (store_timeline(ctx->st, target.customer_id, &entries, &n, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	core_stage_entries_name(ctx->rt->stages, entries, n);
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, cli_json_entry(entries[i]));
		cli_print_json(arr);
	} else {
		char *key = safe_text_new(target.customer_key, SAFE_TEXT_LINE);
		printf("%s: %zu entr%s\n\n", key, n, n == 1 ? "y" : "ies");
		g_free(key);
		for (size_t i = 0; i < n; i++)
			print_entry(entries[i]);
	}
out:
	g_free(error);
	store_entries_free(&entries, n);
	store_target_clear(&target);
	return ret;
}
