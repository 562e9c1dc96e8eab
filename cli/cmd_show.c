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

/* "Subject:     " */
static void label(GString *out, const char *name)
{
	g_string_append_printf(out, "%-12s ", name);
}

/* Text from the message, on one line. */
static void text(GString *out, const char *s)
{
	safe_text_append(out, s, SAFE_TEXT_LINE);
}

static void field(GString *out, const char *name, const char *value)
{
	label(out, name);
	text(out, value);
	g_string_append_c(out, '\n');
}

/* "In-Reply-To: <id>" */
static void id_field(GString *out, const char *name, const char *id)
{
	label(out, name);
	g_string_append_c(out, '<');
	text(out, id);
	g_string_append(out, ">\n");
}

static void list_field(GString *out, const char *name, char **v)
{
	if (v == NULL || v[0] == NULL)
		return;
	label(out, name);
	for (size_t i = 0; v[i] != NULL; i++) {
		if (i > 0)
			g_string_append(out, ", ");
		text(out, v[i]);
	}
	g_string_append_c(out, '\n');
}

/* The facts, one line each: "Facts:       incoterm: FOB Ningbo". */
static void facts_field(GString *out, const char *facts_json)
{
	json_t *facts = facts_json != NULL ? json_loads(facts_json, 0, NULL) : NULL;
	const char *key;
	json_t *value;
	bool first = true;

	if (facts == NULL)
		return;
	json_object_foreach(facts, key, value) {
		char *dumped = json_is_string(value) ? NULL
		               : json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY);
		label(out, first ? "Facts:" : "");
		text(out, key);
		g_string_append(out, ": ");
		text(out, dumped != NULL ? dumped : json_string_value(value));
		g_string_append_c(out, '\n');
		free(dumped);
		first = false;
	}
	json_decref(facts);
}

static void attachments_field(GString *out, const struct store_entry *e)
{
	for (size_t i = 0; i < e->n_attachments; i++) {
		const struct store_attachment *a = &e->attachments[i];
		char *size = g_format_size(a->size);
		label(out, i == 0 ? "Attachments:" : "");
		text(out, a->filename);
		g_string_append(out, " (");
		text(out, a->content_type);
		g_string_append_printf(out, ", %s%s)\n", size, a->is_inline ? ", inline" : "");
		g_free(size);
	}
}

/* Every string of the message is the sender's: each goes through
 * safe_text_append() on its way to the terminal. */
static void print_message(const struct store_entry *e)
{
	GString *out = g_string_new(NULL);
	char local[32], utc[32];

	cli_format_local(e->date, local, sizeof(local));
	cli_format_utc(e->date, utc, sizeof(utc));
	id_field(out, "Message-ID:", e->message_id);
	label(out, "Date:");
	g_string_append_printf(out, "%s (%s)\n", local, utc);
	label(out, "From:");
	if (e->from_name[0] != '\0') {
		text(out, e->from_name);
		g_string_append(out, " <");
		text(out, e->from_addr);
		g_string_append(out, ">\n");
	} else {
		text(out, e->from_addr);
		g_string_append_c(out, '\n');
	}
	list_field(out, "To:", e->to);
	list_field(out, "Cc:", e->cc);
	field(out, "Subject:", e->subject);
	if (e->in_reply_to != NULL)
		id_field(out, "In-Reply-To:", e->in_reply_to);
	label(out, "Filed:");
	text(out, e->direction);
	g_string_append(out, ", ");
	text(out, e->kind);
	g_string_append(out, ", customer ");
	text(out, e->customer != NULL ? e->customer : "(none)");
	g_string_append_printf(out, ", thread %lld\n", (long long)e->thread);
	list_field(out, "Folders:", e->folders);
	if (e->language != NULL)
		field(out, "Language:", e->language);
	if (e->forwarded) {
		label(out, "Forwarded:");
		g_string_append(out, "from ");
		text(out, e->original_from != NULL ? e->original_from : "(unknown)");
		if (e->original_subject != NULL) {
			g_string_append(out, ": ");
			text(out, e->original_subject);
		}
		g_string_append_c(out, '\n');
	}
	if (e->calendar_method != NULL)
		field(out, "Calendar:", e->calendar_method);
	if (e->bounce_of != NULL)
		id_field(out, "Bounce of:", e->bounce_of);
	if (e->truncated || e->limits_hit != 0) {
		char *limits = store_limits_text(e->limits_hit, e->truncated);
		label(out, "Limits hit:");
		g_string_append_printf(out, "%s (filed with what fits)\n", limits);
		g_free(limits);
	}
	facts_field(out, e->facts);
	if (e->parse_error != NULL)
		field(out, "Problem:", e->parse_error);
	attachments_field(out, e);
	g_string_append_c(out, '\n');
	safe_text_append(out, e->body_text, SAFE_TEXT_BLOCK);
	g_string_append_c(out, '\n');
	fputs(out->str, stdout);
	g_string_free(out, TRUE);
}

int cmd_show(struct cli_ctx *ctx)
{
	struct store_entry *e = NULL;
	char *error = NULL;
	char *id;
	int rc;

	if (cli_expect_args(ctx, 1, 1) < 0)
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
