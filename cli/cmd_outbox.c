/*
 * followup outbox [--all]: what followupd has queued to send: pending and
 * failed messages (with --all, sent ones too), newest first.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"

static json_t *item_json(const struct store_outbox_item *it)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(it->id));
	json_object_set_new(o, "kind", cli_json_string(it->kind));
	json_object_set_new(o, "rule", cli_json_string(it->rule));
	json_object_set_new(o, "state", cli_json_string(it->state));
	json_object_set_new(o, "recipient", cli_json_string(it->recipient));
	json_object_set_new(o, "subject", cli_json_string(it->subject));
	json_object_set_new(o, "message_id", cli_json_string(it->message_id));
	json_object_set_new(o, "regarding", cli_json_string(it->regarding));
	json_object_set_new(o, "attempts", json_integer(it->attempts));
	json_object_set_new(o, "created", cli_json_time(it->created));
	json_object_set_new(o, "next_attempt", strcmp(it->state, "pending") == 0
	                    ? cli_json_time(it->next_attempt) : json_null());
	json_object_set_new(o, "sent_at", cli_json_time(it->sent_at));
	json_object_set_new(o, "last_error", cli_json_string(it->last_error));
	return o;
}

int cmd_outbox(struct cli_ctx *ctx)
{
	struct store_outbox_item *items = NULL;
	char *error = NULL;
	size_t n = 0;
	bool all = cli_take_flag(ctx, "all");

	if (cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if (store_outbox_list(ctx->st, all, &items, &n, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, item_json(&items[i]));
		cli_print_json(arr);
	} else if (n == 0) {
		printf(all ? "the outbox is empty\n" : "nothing waiting or failed\n");
	} else {
		GString *line = g_string_new(NULL);
		printf("%-6s %-8s %-10s %-28s %-*s %4s  %s\n", "ID", "STATE", "KIND", "TO",
		       CLI_DATE_WIDTH, "CREATED", "TRY", "SUBJECT / LAST ERROR");
		for (size_t i = 0; i < n; i++) {
			const struct store_outbox_item *it = &items[i];
			g_string_printf(line, "%-6lld ", (long long)it->id);
			cli_pad(line, it->state, 8);
			g_string_append_c(line, ' ');
			cli_pad(line, it->kind, 10);
			g_string_append_c(line, ' ');
			cli_pad(line, it->recipient, 28);
			g_string_append_c(line, ' ');
			cli_pad_date(line, it->created);
			g_string_append_printf(line, " %4u  ", it->attempts);
			cli_pad(line, it->subject, 50);
			g_strchomp(line->str);
			printf("%s\n", line->str);
			if (it->last_error != NULL && strcmp(it->state, "sent") != 0) {
				/* The SMTP server's words. */
				char *said = safe_text_new(it->last_error, SAFE_TEXT_LINE);
				printf("%64s%s\n", "", said);
				g_free(said);
			}
		}
		g_string_free(line, TRUE);
	}
	store_outbox_items_free(&items, n);
	return CLI_OK;
}
