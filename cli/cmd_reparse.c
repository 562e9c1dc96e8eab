/*
 * followup reparse: rebuilds every parsed field, customer and thread from
 * the raw messages the store keeps, in batches, while the daemon may run.
 */
#include <unistd.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/reparse.h"

#define REPARSE_BATCH 500

static void progress(uint64_t done, uint64_t total, void *ctx)
{
	bool tty = *(bool *)ctx;

	fprintf(stderr, "%sreparse: %llu of %llu messages%s", tty ? "\r" : "",
	        (unsigned long long)done, (unsigned long long)total, tty ? "" : "\n");
	fflush(stderr);
}

int cmd_reparse(struct cli_ctx *ctx)
{
	bool tty = isatty(STDERR_FILENO) != 0;
	uint64_t count = 0;
	char *error = NULL;

	if (cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if (core_runtime_languages(ctx->rt, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_CONFIG_ERROR;
	}
	if (core_reparse(ctx->st, &ctx->rt->filing, REPARSE_BATCH, progress, &tty, &count,
	                  &error) < 0) {
		if (tty)
			fputc('\n', stderr);
		cli_error("reparse stopped: %s (what was done is kept; run it again)", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	if (tty)
		fputc('\n', stderr);
	if (ctx->json) {
		json_t *arr = json_array();
		json_t *o = json_object();
		json_object_set_new(o, "reparsed", json_integer((json_int_t)count));
		json_array_append_new(arr, o);
		cli_print_json(arr);
	} else {
		printf("reparsed %llu messages\n", (unsigned long long)count);
	}
	return CLI_OK;
}
