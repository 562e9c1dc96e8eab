/*
 * libFuzzer target for header decoding (parsers/rfc2047.c): the
 * unstructured decoder, the normalizer for structured headers, and the
 * address-list path of message_parse() (normalize, then GMime's parser).
 * Every result must be valid UTF-8 without CR or LF, never NULL.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "parsers/message.h"
#include "parsers/rfc2047.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fallbacks[] = { "GB18030", "windows-1252", NULL };
static const char *const latin_first[] = { "windows-1252", "KOI8-R", NULL };

static void check_header_text(char *s)
{
	if (s == NULL || !g_utf8_validate(s, -1, NULL) || strpbrk(s, "\r\n") != NULL)
		abort();
	g_free(s);
}

static void check_utf8(const char *s)
{
	if (s == NULL || !g_utf8_validate(s, -1, NULL))
		abort();
}

/* The bytes as the value of a To: and a Subject: header, folded so that
 * line breaks stay inside the header. */
static GString *as_headers(const uint8_t *data, size_t size)
{
	GString *value = g_string_new(NULL);
	GString *raw = g_string_new(NULL);

	for (size_t i = 0; i < size; i++) {
		g_string_append_c(value, (char)data[i]);
		if (data[i] == '\n')
			g_string_append_c(value, ' ');
	}
	g_string_append_printf(raw, "To: %s\nCc: %s\nSubject: %s\nContent-Type: text/plain\n"
	                       "Content-Disposition: attachment; filename=\"%s\"\n\nx\n",
	                       value->str, value->str, value->str, value->str);
	g_string_free(value, TRUE);
	return raw;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int initialized;
	const char *text = (const char *)data;
	struct parsed_message *m = NULL;
	GString *raw;

	if (!initialized) {
		message_parser_init();
		initialized = 1;
	}
	check_header_text(rfc2047_decode(text, size, NULL));
	check_header_text(rfc2047_decode(text, size, latin_first));
	check_header_text(rfc2047_normalize(text, size, fallbacks));

	if (size > 64 * 1024)
		return 0;
	raw = as_headers(data, size);
	if (message_parse((const unsigned char *)raw->str, raw->len, NULL, &m) != 0 || m == NULL)
		abort();
	for (size_t i = 0; i < m->to.count; i++) {
		check_utf8(m->to.items[i].name);
		check_utf8(m->to.items[i].addr);
	}
	for (size_t i = 0; i < m->cc.count; i++) {
		check_utf8(m->cc.items[i].name);
		check_utf8(m->cc.items[i].addr);
	}
	check_utf8(m->subject);
	for (size_t i = 0; i < m->n_attachments; i++)
		check_utf8(m->attachments[i].filename);
	message_free(&m);
	g_string_free(raw, TRUE);
	return 0;
}
