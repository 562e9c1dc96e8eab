/*
 * followup contact set ADDRESS FIELD=VALUE…: what a person knows of a
 * contact (name role title phone). A contact the mail has not named yet
 * is added to the customer its address belongs to, when that customer
 * exists.
 */
#include <limits.h>
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/changes.h"
#include "core/records.h"
#include "core/target.h"
#include "lib/address.h"

/* The customer the contact is (or is to be) on: CLI_OK, CLI_NOT_FOUND
 * (said why) or CLI_STORE_ERROR. */
static int contact_customer(struct cli_ctx *ctx, const char *address, int64_t *customer_id_r,
                            char **error_r)
{
	struct store_contact ct;
	struct store_target target = { 0 };
	int rc = store_contact_get(ctx->st, address, &ct, customer_id_r, error_r);

	store_contact_clear(&ct);
	if (rc <= 0)
		return rc < 0 ? CLI_STORE_ERROR : CLI_OK;
	if (!address_is_valid(address)) {
		cli_error("no contact '%s' (and it is no e-mail address)", address);
		return CLI_NOT_FOUND;
	}
	rc = core_resolve_address_customer(ctx->st, ctx->rt, address, &target, error_r);
	if (rc < 0)
		return CLI_STORE_ERROR;
	if (rc == 1) {
		cli_error("no contact '%s', and no customer it would belong to (see: followup "
		          "customers)", address);
		return CLI_NOT_FOUND;
	}
	*customer_id_r = target.customer_id;
	store_target_clear(&target);
	return CLI_OK;
}

int cmd_contact_set(struct cli_ctx *ctx)
{
	struct store_customer *c = NULL;
	struct core_contact_change *change = NULL;
	struct store_contact ct = { 0 }, before = { 0 };
	int64_t customer_id = 0;
	char *error = NULL;
	int ret;

	if (cli_expect_args(ctx, 2, INT_MAX) < 0)
		return CLI_USAGE;
	const char *address = ctx->argv[0];
	ret = contact_customer(ctx, address, &customer_id, &error);
	if (ret != CLI_OK)
		goto out;
	if ((ret = cli_may_change(ctx, CORE_CHANGE_RECORD, customer_id)) != CLI_OK)
		goto out;
	ret = CLI_STORE_ERROR;
	if (store_customer_get(ctx->st, customer_id, &c, &error) != 0)
		goto out;
	/* A national phone number is the customer's country's. */
	const char *source;
	const char *country = core_customer_country(c, &source);
	if (core_contact_change_parse(ctx->argv + 1, (size_t)ctx->argc - 1, country, &change,
	                              &error) < 0) {
		ret = CLI_USAGE;
		goto out;
	}
	struct core_change_ctx cc = { .st = ctx->st, .actor = &ctx->actor, .now = ctx->now,
	                              .customer_id = customer_id, .customer = c->key,
	                              .command = "contact set" };
	if (store_begin(ctx->st, &error) < 0)
		goto out;
	/* a contact the mail never named is new: nothing before */
	if (store_contact_get(ctx->st, address, &before, &customer_id, &error) < 0 ||
	    store_contact_update(ctx->st, customer_id, address, &change->edit, &error) < 0 ||
	    store_contact_get(ctx->st, address, &ct, &customer_id, &error) != 0 ||
	    core_change_record_contact(&cc, &before, &ct, &error) < 0) {
		store_rollback(ctx->st);
		goto out;
	}
	if (store_commit(ctx->st, &error) < 0)
		goto out;
	ret = CLI_OK;
	if (ctx->json) {
		json_t *arr = json_array(), *o = cli_json_contact(&ct);
		json_object_set_new(o, "customer", cli_json_string(c->key));
		json_array_append_new(arr, o);
		cli_print_json(arr);
	} else {
		GString *out = g_string_new(NULL);
		safe_text_append(out, ct.address, SAFE_TEXT_LINE);
		g_string_append(out, " (");
		safe_text_append(out, c->key, SAFE_TEXT_LINE);
		g_string_append(out, ")\n");
		const char *labels[] = { "Name", "Role", "Title", "Phone" };
		const char *values[] = { ct.name, ct.role, ct.title, ct.phone };
		for (size_t i = 0; i < G_N_ELEMENTS(labels); i++) {
			g_string_append_printf(out, "  %-13s", labels[i]);
			safe_text_append(out, values[i] != NULL && values[i][0] != '\0' ? values[i] : "-",
			                 SAFE_TEXT_LINE);
			g_string_append_c(out, '\n');
		}
		fputs(out->str, stdout);
		g_string_free(out, TRUE);
	}
out:
	if (ret == CLI_STORE_ERROR || ret == CLI_USAGE)
		cli_error("%s", error != NULL ? error : "the contact vanished while it was changed");
	g_free(error);
	store_contact_clear(&ct);
	store_contact_clear(&before);
	core_contact_change_free(&change);
	store_customer_free(&c);
	return ret;
}
