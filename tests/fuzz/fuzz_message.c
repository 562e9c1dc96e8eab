/*
 * libFuzzer target for parsers/message.c: any bytes must give a
 * parsed_message whose strings are all present where promised and valid
 * UTF-8, without crash, leak or hang.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "parsers/message.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_utf8(const char *s)
{
	if (s != NULL && !g_utf8_validate(s, -1, NULL))
		abort();
}

static void check_present(const char *s)
{
	if (s == NULL)
		abort();
	check_utf8(s);
}

static void check_address(const struct msg_address *a)
{
	check_present(a->name);
	check_present(a->addr);
}

static void check_list(const struct msg_address_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		check_address(&list->items[i]);
}

static void check_message(const struct parsed_message *m)
{
	const struct msg_flags *f = &m->flags;

	check_present(m->message_id);
	check_utf8(m->in_reply_to);
	if (m->references == NULL || m->references[m->n_references] != NULL)
		abort();
	for (size_t i = 0; i < m->n_references; i++)
		check_present(m->references[i]);
	if (m->date_valid == (m->date == MSG_DATE_NONE))
		abort();
	check_address(&m->from);
	check_address(&m->sender);
	check_list(&m->reply_to);
	check_list(&m->to);
	check_list(&m->cc);
	check_utf8(m->return_path);
	check_present(m->subject);
	check_present(m->body_text);
	check_present(m->body_new);
	for (size_t i = 0; i < m->n_attachments; i++) {
		check_present(m->attachments[i].filename);
		check_present(m->attachments[i].content_type);
	}
	check_utf8(f->auto_submitted);
	check_utf8(f->precedence);
	check_utf8(f->x_auto_response_suppress);
	check_utf8(f->report_type);
	check_utf8(f->dsn_final_recipient);
	check_utf8(f->dsn_status);
	check_utf8(f->dsn_original_message_id);
	check_utf8(f->calendar_method);
	if (f->calendar_method != NULL && !f->is_calendar)
		abort();
	check_address(&m->original_from);
	if (m->forwarded)
		check_present(m->original_subject);
	else if (m->original_subject != NULL || m->original_from.addr[0] != '\0')
		abort();
	check_utf8(m->parse_error);
	if ((m->limits_hit & ~(MSG_LIMIT_DEPTH | MSG_LIMIT_PARTS | MSG_LIMIT_HEADER |
	                       MSG_LIMIT_BODY)) != 0)
		abort();
	if ((m->limits_hit & (MSG_LIMIT_DEPTH | MSG_LIMIT_PARTS)) != 0 && m->parse_error == NULL)
		abort();
}

/* Small limits, so that fuzzing reaches the code that cuts. */
static const struct message_parse_options small_limits = {
	.max_mime_depth = 3,
	.max_parts = 8,
	.max_header_bytes = 200,
	.max_body_text = 300,
};

static void check_limits(const struct parsed_message *m)
{
	if (strlen(m->body_text) > small_limits.max_body_text ||
	    m->n_attachments > small_limits.max_parts)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int initialized;
	struct parsed_message *m = NULL;
	char *snippet;

	if (!initialized) {
		message_parser_init();
		initialized = 1;
	}
	if (message_parse(data, size, NULL, &m) != 0 || m == NULL)
		abort();
	check_message(m);
	message_free(&m);
	if (message_parse(data, size, &small_limits, &m) != 0 || m == NULL)
		abort();
	check_message(m);
	check_limits(m);
	snippet = message_snippet(m->body_text, 140);
	check_present(snippet);
	g_free(snippet);
	message_free(&m);
	return 0;
}
