/*
 * followup threads [--customer TARGET]: conversations, latest first.
 */
#include <glib.h>

#include "cli/cli.h"

static void print_threads(struct store_thread **threads, size_t n)
{
	GString *line = g_string_new(NULL);

	printf("%-6s %-24s %-10s %4s %-*s %-*s %-9s %s\n", "ID", "CUSTOMER", "ORIGIN", "MSGS",
	       CLI_DATE_WIDTH, "FIRST", CLI_DATE_WIDTH, "LAST", "LAST BY", "SUBJECT");
	for (size_t i = 0; i < n; i++) {
		const struct store_thread *t = threads[i];
		g_string_printf(line, "%-6lld ", (long long)t->id);
		cli_pad(line, t->customer != NULL ? t->customer : "(internal)", 24);
		g_string_append_c(line, ' ');
		cli_pad(line, t->origin, 10);
		g_string_append_printf(line, " %4llu ", (unsigned long long)t->n_messages);
		cli_pad_date(line, t->first_date);
		g_string_append_c(line, ' ');
		cli_pad_date(line, t->last_date);
		g_string_append_printf(line, " %-9s ",
		                       g_strcmp0(t->last_direction, "out") == 0 ? "us" : "customer");
		cli_pad(line, t->subject, 50);
		g_strchomp(line->str);
		printf("%s\n", line->str);
	}
	g_string_free(line, TRUE);
}

int cmd_threads(struct cli_ctx *ctx)
{
	struct store_target target = { .customer_id = -1 };
	struct store_thread **threads = NULL;
	const char *customer = NULL;
	char *error = NULL;
	size_t n = 0;
	int ret = CLI_OK;

	if (cli_take_option(ctx, "customer", &customer) < 0 ||
	    cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if (customer != NULL) {
		ret = cli_resolve_listing_target(ctx, customer, &target);
		if (ret != CLI_OK)
			return ret;
	}
	if (store_threads(ctx->st, target.customer_id, &threads, &n, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, cli_json_thread(threads[i]));
		cli_print_json(arr);
	} else {
		print_threads(threads, n);
	}
out:
	g_free(error);
	store_threads_free(&threads, n);
	store_target_clear(&target);
	return ret;
}
