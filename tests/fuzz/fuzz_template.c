/*
 * libFuzzer target for templates (rules/template.c) and what a rendered
 * template becomes (compose/compose.c). The input is a template text, then
 * after the first NUL byte a value given to every placeholder.
 *
 * Properties: parsing never fails on well-formed output it produced; a
 * rendered text is valid UTF-8 and bounded; a header rendering has no
 * control characters; and a mail composed from the rendering of any
 * template with any value has one header block with only the fields
 * compose writes, CRLF line ends, exactly one recipient. The value read as
 * an inquiry's language picks from a set (rules/template_set.c) either the
 * one language it has, when the value names it, or the default.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "compose/compose.h"
#include "parsers/message.h"
#include "rules/template.h"
#include "rules/template_set.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const header_names[] = {
	"Date:", "From:", "To:", "Subject:", "Message-Id:", "In-Reply-To:", "Auto-Submitted:",
	"MIME-Version:", "Content-Type:", "Content-Transfer-Encoding:",
};

static void check_rendered(const char *out, int for_header)
{
	if (out == NULL || strlen(out) > TEMPLATE_RENDER_MAX || !g_utf8_validate(out, -1, NULL))
		abort();
	if (!for_header)
		return;
	for (const char *p = out; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029)
			abort();
	}
}

static void check_header_block(const char *raw, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r'))
			abort();
		if (raw[i] == '\r' && (i + 1 == len || raw[i + 1] != '\n'))
			abort();
	}
	const char *end = strstr(raw, "\r\n\r\n");
	if (end == NULL)
		abort();
	for (const char *line = raw; line < end;) {
		const char *eol = strstr(line, "\r\n");
		if (line[0] != ' ' && line[0] != '\t') {
			bool known = false;
			for (size_t k = 0; k < G_N_ELEMENTS(header_names) && !known; k++)
				known = strncmp(line, header_names[k], strlen(header_names[k])) == 0;
			if (!known)
				abort();
		}
		line = eol + 2;
	}
}

static void compose_and_check(const struct template *t, const char *const *vars,
                              const char *value)
{
	char *subject = template_render(t->subject, vars, 1);
	char *body = template_render(t->body, vars, 0);
	check_rendered(subject, 1);
	check_rendered(body, 0);

	const struct compose_input in = {
		.from = "Acme Pumps <sales@example.com>",
		.to_name = value,
		.to_addr = "buyer@buyer.example",
		.subject = subject,
		.body = body,
		.in_reply_to = "q1@buyer.example",
		.auto_submitted = "auto-replied",
		.date = 1700000000,
		.date_zone = "+0800",
		.message_id = "followup.1@example.com",
	};
	char *raw = NULL;
	size_t len = 0;
	const char *error = NULL;
	if (compose_message(&in, &raw, &len, &error) != 0)
		abort();
	check_header_block(raw, len);

	struct parsed_message *msg = NULL;
	if (message_parse((const unsigned char *)raw, len, NULL, &msg) != 0)
		abort();
	if (msg->to.count != 1 || msg->cc.count != 0 ||
	    strcmp(msg->to.items[0].addr, "buyer@buyer.example") != 0 ||
	    strpbrk(msg->subject, "\r\n") != NULL)
		abort();
	message_free(&msg);
	g_free(raw);
	g_free(subject);
	g_free(body);
}

/* Takes t. */
static void pick_and_check(struct template *t, const char *language)
{
	struct template_set *set = template_set_new(NULL);
	const char *used = NULL;

	if (template_set_add(set, "pt", t) != 0)
		abort();
	const struct template *got = template_set_pick(set, language, &used);
	bool names_pt = g_ascii_strncasecmp(language, "pt", 2) == 0 &&
	                (language[2] == '\0' || language[2] == '-' || language[2] == '_');
	if (got != (names_pt ? t : NULL) || strcmp(used, names_pt ? "pt" : "") != 0)
		abort();
	template_set_free(&set);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool initialized;
	struct template *t = NULL;
	const char *error = NULL;

	if (!initialized) {
		message_parser_init();
		initialized = true;
	}
	if (size > 256 * 1024)
		return 0;
	char *input = g_strndup((const char *)data, size);     /* stops at the first NUL */
	size_t text_len = strlen(input);
	const char *value = text_len < size ? (const char *)data + text_len + 1 : "";
	char *value_copy = g_strndup(value, size - MIN(size, text_len + 1));
	const char *const vars[] = {
		"subject", value_copy, "name", value_copy, "company", value_copy,
		"owner", value_copy, NULL
	};

	for (int for_header = 0; for_header <= 1; for_header++) {
		char *out = template_render(input, vars, for_header);
		check_rendered(out, for_header);
		g_free(out);
	}

	if (template_parse(input, NULL, &t, &error) == 0) {
		if (strchr(t->subject, '\n') != NULL || !g_utf8_validate(t->subject, -1, NULL) ||
		    !g_utf8_validate(t->body, -1, NULL) || strchr(t->body, '\r') != NULL)
			abort();
		/* Known names only narrow what parses. */
		struct template *known = NULL;
		if (template_parse(input, template_ack_names, &known, &error) == 0)
			template_free(&known);
		compose_and_check(t, vars, value_copy);
		pick_and_check(t, value_copy);
	} else if (error == NULL || t != NULL) {
		abort();
	}
	g_free(value_copy);
	g_free(input);
	return 0;
}
