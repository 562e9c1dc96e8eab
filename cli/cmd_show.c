/*
 * followup show MESSAGE-ID: one message with its headers, text and
 * attachments.
 */
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "cli/cli.h"

static json_t *message_json(const struct store_entry *e)
{
	json_t *o = cli_json_entry(e);
	json_t *atts = json_array();

	for (size_t i = 0; i < e->n_attachments; i++) {
		json_t *a = json_object();
		json_object_set_new(a, "filename", cli_json_string(e->attachments[i].filename));
		json_object_set_new(a, "content_type", cli_json_string(e->attachments[i].content_type));
		json_object_set_new(a, "size", json_integer((json_int_t)e->attachments[i].size));
		json_object_set_new(a, "inline", json_boolean(e->attachments[i].is_inline));
		json_array_append_new(atts, a);
	}
	json_object_set_new(o, "body", cli_json_string(e->body_text));
	json_object_set_new(o, "body_new", cli_json_string(e->body_new));
	json_object_set_new(o, "in_reply_to", cli_json_string(e->in_reply_to));
	json_object_set_new(o, "references", cli_json_strv(e->references));
	json_object_set_new(o, "folders", cli_json_strv(e->folders));
	json_object_set_new(o, "attachments", atts);   /* the list, not the count */
	return o;
}

static void print_list(const char *label, char **v)
{
	if (v == NULL || v[0] == NULL)
		return;
	char *joined = g_strjoinv(", ", v);
	printf("%-12s %s\n", label, joined);
	g_free(joined);
}

/* The facts, one line each: "Facts:       incoterm: FOB Ningbo". */
static void print_facts(const char *facts_json)
{
	json_t *facts = facts_json != NULL ? json_loads(facts_json, 0, NULL) : NULL;
	const char *key;
	json_t *value;
	bool first = true;

	if (facts == NULL)
		return;
	json_object_foreach(facts, key, value) {
		char *text = json_is_string(value) ? NULL
		             : json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
		printf("%-12s %s: %s\n", first ? "Facts:" : "", key,
		       text != NULL ? text : json_string_value(value));
		free(text);
		first = false;
	}
	json_decref(facts);
}

static void print_message(const struct store_entry *e)
{
	char local[32], utc[32];

	cli_format_local(e->date, local, sizeof(local));
	cli_format_utc(e->date, utc, sizeof(utc));
	printf("%-12s <%s>\n", "Message-ID:", e->message_id);
	printf("%-12s %s (%s)\n", "Date:", local, utc);
	if (e->from_name[0] != '\0')
		printf("%-12s %s <%s>\n", "From:", e->from_name, e->from_addr);
	else
		printf("%-12s %s\n", "From:", e->from_addr);
	print_list("To:", e->to);
	print_list("Cc:", e->cc);
	printf("%-12s %s\n", "Subject:", e->subject);
	if (e->in_reply_to != NULL)
		printf("%-12s <%s>\n", "In-Reply-To:", e->in_reply_to);
	printf("%-12s %s, %s, customer %s, thread %lld\n", "Filed:", e->direction, e->kind,
	       e->customer != NULL ? e->customer : "(none)", (long long)e->thread);
	print_list("Folders:", e->folders);
	if (e->language != NULL)
		printf("%-12s %s\n", "Language:", e->language);
	if (e->forwarded)
		printf("%-12s from %s%s%s\n", "Forwarded:",
		       e->original_from != NULL ? e->original_from : "(unknown)",
		       e->original_subject != NULL ? ": " : "",
		       e->original_subject != NULL ? e->original_subject : "");
	if (e->calendar_method != NULL)
		printf("%-12s %s\n", "Calendar:", e->calendar_method);
	if (e->bounce_of != NULL)
		printf("%-12s <%s>\n", "Bounce of:", e->bounce_of);
	if (e->truncated || e->limits_hit != 0) {
		char *limits = store_limits_text(e->limits_hit, e->truncated);
		printf("%-12s %s (filed with what fits)\n", "Limits hit:", limits);
		g_free(limits);
	}
	print_facts(e->facts);
	if (e->parse_error != NULL)
		printf("%-12s %s\n", "Problem:", e->parse_error);
	for (size_t i = 0; i < e->n_attachments; i++) {
		const struct store_attachment *a = &e->attachments[i];
		char *size = g_format_size(a->size);
		printf("%-12s %s (%s, %s%s)\n", i == 0 ? "Attachments:" : "", a->filename,
		       a->content_type, size, a->is_inline ? ", inline" : "");
		g_free(size);
	}
	printf("\n%s\n", e->body_text);
}

int cmd_show(struct cli_ctx *ctx)
{
	struct store_entry *e = NULL;
	char *error = NULL;
	char *id;
	int rc;

	if (cli_expect_args(ctx, 1, 1, "show MESSAGE-ID") < 0)
		return CLI_USAGE;
	/* Accept the id with or without its angle brackets. */
	id = g_strdup(ctx->argv[0]);
	g_strstrip(id);
	if (id[0] == '<' && id[strlen(id) - 1] == '>') {
		id[strlen(id) - 1] = '\0';
		memmove(id, id + 1, strlen(id));
	}
	rc = store_message_get(ctx->st, id, &e, &error);
	if (rc < 0) {
		cli_error("%s", error);
		g_free(error);
		g_free(id);
		return CLI_STORE_ERROR;
	}
	if (rc == 1) {
		cli_error("no message with Message-ID <%s> (see: followup timeline TARGET)", id);
		if (ctx->json)
			cli_print_json(json_array());
		g_free(id);
		return CLI_NOT_FOUND;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		json_array_append_new(arr, message_json(e));
		cli_print_json(arr);
	} else {
		print_message(e);
	}
	store_entry_free(&e);
	g_free(id);
	return CLI_OK;
}
