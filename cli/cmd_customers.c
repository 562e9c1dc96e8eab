/*
 * followup customers: every customer, most recently active first.
 */
#include <glib.h>

#include "cli/cli.h"

static json_t *customer_json(const struct store_customer *c)
{
	json_t *o = json_object();
	json_t *contacts = json_array();

	for (size_t i = 0; i < c->n_contacts; i++) {
		json_t *ct = json_object();
		json_object_set_new(ct, "address", cli_json_string(c->contacts[i].address));
		json_object_set_new(ct, "name", cli_json_string(c->contacts[i].name));
		if (c->contacts[i].undeliverable != NULL)
			json_object_set_new(ct, "undeliverable",
			                    cli_json_string(c->contacts[i].undeliverable));
		json_array_append_new(contacts, ct);
	}
	json_object_set_new(o, "id", json_integer(c->id));
	json_object_set_new(o, "key", cli_json_string(c->key));
	json_object_set_new(o, "name", cli_json_string(c->name));
	json_object_set_new(o, "contacts", contacts);
	json_object_set_new(o, "first_seen", cli_json_time(c->first_seen));
	json_object_set_new(o, "last_inbound", cli_json_time(c->last_inbound));
	json_object_set_new(o, "last_outbound", cli_json_time(c->last_outbound));
	json_object_set_new(o, "messages", json_integer((json_int_t)c->n_messages));
	json_object_set_new(o, "threads", json_integer((json_int_t)c->n_threads));
	return o;
}

int cmd_customers(struct cli_ctx *ctx)
{
	struct store_customer **customers = NULL;
	size_t n = 0;
	char *error = NULL;

	if (cli_expect_args(ctx, 0, 0, "customers") < 0)
		return CLI_USAGE;
	if (store_customers(ctx->st, &customers, &n, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, customer_json(customers[i]));
		cli_print_json(arr);
	} else {
		GString *line = g_string_new(NULL);
		printf("%-5s %-28s %-24s %-16s %-16s %-16s %5s %s\n", "ID", "CUSTOMER", "NAME",
		       "FIRST SEEN", "LAST IN", "LAST OUT", "MSGS", "CONTACTS");
		for (size_t i = 0; i < n; i++) {
			const struct store_customer *c = customers[i];
			char first[32], in[32], out[32];
			cli_format_local(c->first_seen, first, sizeof(first));
			cli_format_local(c->last_inbound, in, sizeof(in));
			cli_format_local(c->last_outbound, out, sizeof(out));
			g_string_printf(line, "%-5lld ", (long long)c->id);
			cli_pad(line, c->key, 28);
			g_string_append_c(line, ' ');
			cli_pad(line, c->name, 24);
			g_string_append_printf(line, " %-16s %-16s %-16s %5llu %zu", first, in, out,
			                       (unsigned long long)c->n_messages, c->n_contacts);
			printf("%s\n", line->str);
		}
		g_string_free(line, TRUE);
	}
	store_customers_free(&customers, n);
	return CLI_OK;
}
