/*
 * followup log [--customer CUSTOMER] [--person PERSON]: the changes people
 * made to the sheet, oldest first: when, who, which customer, the command,
 * the field, the value before and after.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"

static json_t *change_json(const struct store_change_row *r)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "at", cli_json_time(r->at));
	json_object_set_new(o, "actor", cli_json_string(r->actor));
	json_object_set_new(o, "customer", cli_json_string(r->customer));
	json_object_set_new(o, "command", cli_json_string(r->command));
	json_object_set_new(o, "field", cli_json_string(r->field));
	json_object_set_new(o, "old", cli_json_string(r->old_value));
	json_object_set_new(o, "new", cli_json_string(r->new_value));
	return o;
}

static void print_changes(const struct store_change_row *rows, size_t n)
{
	GString *line = g_string_new(NULL);

	printf("%-*s %-22s %-20s %-14s %-18s %s\n", CLI_DATE_WIDTH, "WHEN", "WHO", "CUSTOMER",
	       "COMMAND", "FIELD", "BEFORE -> AFTER");
	for (size_t i = 0; i < n; i++) {
		const struct store_change_row *r = &rows[i];
		g_string_truncate(line, 0);
		cli_pad_date(line, r->at);
		g_string_append_c(line, ' ');
		cli_pad(line, r->actor, 22);
		g_string_append_c(line, ' ');
		cli_pad(line, r->customer != NULL ? r->customer : "-", 20);
		g_string_append_c(line, ' ');
		cli_pad(line, r->command, 14);
		g_string_append_c(line, ' ');
		cli_pad(line, r->field, 18);
		g_string_append_c(line, ' ');
		safe_text_append(line, r->old_value != NULL ? r->old_value : "-", SAFE_TEXT_LINE);
		g_string_append(line, " -> ");
		safe_text_append(line, r->new_value != NULL ? r->new_value : "-", SAFE_TEXT_LINE);
		printf("%s\n", line->str);
	}
	g_string_free(line, TRUE);
}

int cmd_log(struct cli_ctx *ctx)
{
	struct store_target target = { 0 };
	struct store_change_row *rows = NULL;
	const char *customer = NULL, *person = NULL;
	char *error = NULL;
	size_t n = 0;
	int ret;

	if (cli_take_option(ctx, "customer", &customer) < 0 ||
	    cli_take_option(ctx, "person", &person) < 0 || cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if (customer != NULL && (ret = cli_resolve_target(ctx, customer, &target)) != CLI_OK)
		return ret;
	if (store_change_log(ctx->st, target.customer_id, person, &rows, &n, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		store_target_clear(&target);
		return CLI_STORE_ERROR;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, change_json(&rows[i]));
		cli_print_json(arr);
	} else if (n == 0) {
		printf("no change matches\n");
	} else {
		print_changes(rows, n);
	}
	store_change_log_free(&rows, n);
	store_target_clear(&target);
	return CLI_OK;
}
