/* compose: the mails followupd sends, built with GMime and written with
 * CRLF line ends (see compose.h). Pure. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <glib.h>
#include <gmime/gmime.h>

#include "compose/compose.h"
#include "lib/address.h"
#include "lib/lines.h"

#define HOST_MAX_BYTES 253
#define HEADER_NAME_MAX_BYTES 76

/* Fields compose_message() writes itself, or that route mail: an extra
 * header may not add a second one. */
static const char *const reserved_headers[] = {
	"from", "to", "cc", "bcc", "sender", "return-path", "subject", "date",
	"message-id", "in-reply-to", "references", "auto-submitted", "mime-version",
	"resent-from", "resent-to", "resent-cc", "resent-bcc", "resent-sender",
};

/* ----------------------------------------------------------------- checks */

static bool is_ascii_graph(unsigned char c)
{
	return c > ' ' && c < 0x7f;
}

/* A host name's ASCII form, lowercased; NULL when it is none. */
static char *ascii_host(const char *host)
{
	char *ascii;

	if (host == NULL || host[0] == '\0' || !g_utf8_validate(host, -1, NULL))
		return NULL;
	ascii = g_hostname_to_ascii(host);
	if (ascii == NULL)
		return NULL;
	size_t len = strlen(ascii);
	bool ok = len > 0 && len <= HOST_MAX_BYTES && ascii[0] != '.' && ascii[len - 1] != '.' &&
	          strstr(ascii, "..") == NULL;
	for (char *p = ascii; ok && *p != '\0'; p++) {
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '.' && *p != '_')
			ok = false;
		*p = g_ascii_tolower(*p);
	}
	if (!ok)
		g_clear_pointer(&ascii, g_free);
	return ascii;
}

static bool is_usable_msgid(const char *id)
{
	if (id == NULL || id[0] == '\0' || strlen(id) > COMPOSE_MSGID_MAX || strchr(id, '@') == NULL)
		return false;
	for (const unsigned char *p = (const unsigned char *)id; *p != '\0'; p++) {
		if (!is_ascii_graph(*p) || *p == '<' || *p == '>')
			return false;
	}
	return true;
}

static bool is_token(const char *text)
{
	if (text == NULL || text[0] == '\0')
		return false;
	for (const char *p = text; *p != '\0'; p++) {
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.')
			return false;
	}
	return true;
}

static bool has_control(const char *text)
{
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029)
			return true;
	}
	return false;
}

/* A copy of text (valid UTF-8) with control characters as spaces, blanks
 * at both ends trimmed. */
static char *one_line(const char *text)
{
	GString *out = g_string_new(NULL);

	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029)
			g_string_append_c(out, ' ');
		else
			g_string_append_len(out, p, g_utf8_next_char(p) - p);
	}
	return g_strstrip(g_string_free(out, FALSE));
}

static bool is_reserved_header(const char *name)
{
	if (g_ascii_strncasecmp(name, "content-", strlen("content-")) == 0)
		return true;
	for (size_t i = 0; i < G_N_ELEMENTS(reserved_headers); i++) {
		if (g_ascii_strcasecmp(name, reserved_headers[i]) == 0)
			return true;
	}
	return false;
}

static bool is_field_name(const char *name)
{
	size_t len = name != NULL ? strlen(name) : 0;

	if (len == 0 || len > HEADER_NAME_MAX_BYTES)
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p != '\0'; p++) {
		if (!is_ascii_graph(*p) || *p == ':')
			return false;
	}
	return true;
}

/* "+0800" -> 28800; false when it is not +HHMM / -HHMM. */
static bool parse_zone(const char *zone, int *seconds_r)
{
	if (zone == NULL) {
		*seconds_r = 0;
		return true;
	}
	if (strlen(zone) != 5 || (zone[0] != '+' && zone[0] != '-'))
		return false;
	for (int i = 1; i < 5; i++) {
		if (!g_ascii_isdigit(zone[i]))
			return false;
	}
	int hours = (zone[1] - '0') * 10 + (zone[2] - '0');
	int minutes = (zone[3] - '0') * 10 + (zone[4] - '0');
	if (hours > 23 || minutes > 59)
		return false;
	*seconds_r = (zone[0] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
	return true;
}

/* ------------------------------------------------------------------ parts */

/* The body with \n line ends and a final one. */
static GString *normalized_body(const char *body)
{
	GString *out = g_string_sized_new(strlen(body) + 2);

	lines_append_lf(out, body);
	if (out->len == 0 || out->str[out->len - 1] != '\n')
		g_string_append_c(out, '\n');
	return out;
}

static bool needs_quoted_printable(const GString *body)
{
	size_t line_len = 0;

	for (size_t i = 0; i < body->len; i++) {
		unsigned char c = (unsigned char)body->str[i];
		if (c >= 0x80)
			return true;
		if (c == '\n') {
			line_len = 0;
		} else if (++line_len > COMPOSE_7BIT_LINE_MAX) {
			return true;
		}
	}
	return false;
}

/* subtype: "plain" or "html". */
static GMimePart *text_part(const char *body, const char *subtype)
{
	GString *text = normalized_body(body);
	GMimePart *part = g_mime_part_new_with_type("text", subtype);
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer(text->str, text->len);
	GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream(
		stream, GMIME_CONTENT_ENCODING_DEFAULT);

	/* The bytes are UTF-8 as they are: no charset conversion. */
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
	g_mime_part_set_content(part, content);
	g_mime_part_set_content_encoding(part, needs_quoted_printable(text) ?
	                                 GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE :
	                                 GMIME_CONTENT_ENCODING_7BIT);
	g_object_unref(content);
	g_object_unref(stream);
	g_string_free(text, TRUE);
	return part;
}

/* ---------------------------------------------------------------- headers */

static int set_from(GMimeMessage *message, const char *from, const char **error_r)
{
	InternetAddressList *list = NULL;
	char *addr = NULL, *name = NULL;
	int ret = -1;

	*error_r = "From is not one usable address";
	if (from == NULL || !g_utf8_validate(from, -1, NULL) || has_control(from))
		goto out;
	list = internet_address_list_parse(NULL, from);
	if (list == NULL || internet_address_list_length(list) != 1)
		goto out;
	InternetAddress *ia = internet_address_list_get_address(list, 0);
	if (!INTERNET_ADDRESS_IS_MAILBOX(ia))
		goto out;
	addr = address_to_ascii(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)));
	if (addr == NULL)
		goto out;
	const char *raw_name = internet_address_get_name(ia);
	name = one_line(raw_name != NULL && g_utf8_validate(raw_name, -1, NULL) ? raw_name : "");

	InternetAddress *mailbox = internet_address_mailbox_new(name[0] != '\0' ? name : NULL, addr);
	internet_address_set_charset(mailbox, "utf-8");
	internet_address_list_add(g_mime_message_get_from(message), mailbox);
	g_object_unref(mailbox);
	ret = 0;
out:
	if (list != NULL)
		g_object_unref(list);
	g_free(name);
	g_free(addr);
	return ret;
}

static int set_to(GMimeMessage *message, const char *to_name, const char *to_addr,
                  const char **error_r)
{
	char *addr = address_to_ascii(to_addr);
	char *name = NULL;

	if (addr == NULL) {
		*error_r = "To is not a usable address";
		return -1;
	}
	name = one_line(to_name != NULL && g_utf8_validate(to_name, -1, NULL) ? to_name : "");
	InternetAddress *mailbox = internet_address_mailbox_new(name[0] != '\0' ? name : NULL, addr);
	internet_address_set_charset(mailbox, "utf-8");
	internet_address_list_add(g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_TO),
	                          mailbox);
	g_object_unref(mailbox);
	g_free(name);
	g_free(addr);
	return 0;
}

static int set_date(GMimeMessage *message, int64_t date, const char *zone, const char **error_r)
{
	int offset;

	if (!parse_zone(zone, &offset)) {
		*error_r = "the date zone is not +HHMM or -HHMM";
		return -1;
	}
	GDateTime *utc = g_date_time_new_from_unix_utc(date);
	if (utc == NULL) {
		*error_r = "the date is out of range";
		return -1;
	}
	GTimeZone *tz = g_time_zone_new_offset(offset);
	GDateTime *local = g_date_time_to_timezone(utc, tz);
	int ret = 0;
	if (local != NULL)
		g_mime_message_set_date(message, local);
	else {
		*error_r = "the date is out of range";
		ret = -1;
	}
	if (local != NULL)
		g_date_time_unref(local);
	g_time_zone_unref(tz);
	g_date_time_unref(utc);
	return ret;
}

/* In-Reply-To and References, the usable ids only. */
static void set_thread_headers(GMimeObject *object, const char *in_reply_to,
                               const char *const *references)
{
	if (is_usable_msgid(in_reply_to)) {
		char *value = g_strdup_printf("<%s>", in_reply_to);
		g_mime_object_set_header(object, "In-Reply-To", value, NULL);
		g_free(value);
	}
	if (references == NULL)
		return;

	GPtrArray *usable = g_ptr_array_new();
	for (size_t i = 0; references[i] != NULL; i++) {
		if (is_usable_msgid(references[i]))
			g_ptr_array_add(usable, (gpointer)references[i]);
	}
	if (usable->len > 0) {
		GString *value = g_string_new(NULL);
		for (guint i = 0; i < usable->len; i++) {
			/* The first (the thread's start) and the latest ones. */
			if (i > 0 && i + (COMPOSE_MAX_REFERENCES - 1) < usable->len)
				continue;
			g_string_append_printf(value, "%s<%s>", value->len > 0 ? " " : "",
			                       (const char *)g_ptr_array_index(usable, i));
		}
		g_mime_object_set_header(object, "References", value->str, NULL);
		g_string_free(value, TRUE);
	}
	g_ptr_array_free(usable, TRUE);
}

static int set_extra_headers(GMimeObject *object, const char *const *extra, const char **error_r)
{
	if (extra == NULL)
		return 0;
	for (size_t i = 0; extra[i] != NULL; i += 2) {
		const char *name = extra[i], *value = extra[i + 1];
		if (!is_field_name(name) || is_reserved_header(name)) {
			*error_r = "an extra header has a name that is not allowed";
			return -1;
		}
		if (value == NULL || !g_utf8_validate(value, -1, NULL) || has_control(value)) {
			*error_r = "an extra header value is missing, not UTF-8, or has a line break "
			           "or control character";
			return -1;
		}
		g_mime_object_append_header(object, name, value, "utf-8");
	}
	return 0;
}

/* Defence in depth: the wire form must have CRLF line ends only. */
static bool crlf_only(const guint8 *data, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r'))
			return false;
		if (data[i] == '\r' && (i + 1 == len || data[i + 1] != '\n'))
			return false;
	}
	return true;
}

/* ---------------------------------------------------------------- message */

static int check_input(const struct compose_input *in, const char **error_r)
{
	if (in->subject == NULL || !g_utf8_validate(in->subject, -1, NULL)) {
		*error_r = "the subject is missing or not UTF-8";
		return -1;
	}
	if (in->body == NULL || !g_utf8_validate(in->body, -1, NULL)) {
		*error_r = "the body is missing or not UTF-8";
		return -1;
	}
	if (in->html_body != NULL && !g_utf8_validate(in->html_body, -1, NULL)) {
		*error_r = "the HTML body is not UTF-8";
		return -1;
	}
	if (!is_usable_msgid(in->message_id)) {
		*error_r = "the Message-ID is missing or not usable";
		return -1;
	}
	if (in->auto_submitted != NULL && !is_token(in->auto_submitted)) {
		*error_r = "Auto-Submitted is not a single token";
		return -1;
	}
	return 0;
}

static int serialize(GMimeMessage *message, char **raw_r, size_t *len_r, const char **error_r)
{
	GMimeFormatOptions *options = g_mime_format_options_new();
	GMimeStream *stream = g_mime_stream_mem_new();
	int ret = -1;

	g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
	if (g_mime_object_write_to_stream(GMIME_OBJECT(message), options, stream) < 0) {
		*error_r = "GMime could not write the message";
		goto out;
	}
	GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
	if (!crlf_only(bytes->data, bytes->len)) {
		*error_r = "the message has a line end other than CRLF";
		goto out;
	}
	char *raw = g_malloc(bytes->len + 1);
	memcpy(raw, bytes->data, bytes->len);
	raw[bytes->len] = '\0';
	*raw_r = raw;
	*len_r = bytes->len;
	ret = 0;
out:
	g_object_unref(stream);
	g_mime_format_options_free(options);
	return ret;
}

/* The text alone, or with an HTML body the text and the HTML as
 * alternatives (the text first: RFC 2046 puts the plainest first). */
static GMimeObject *body_part(const struct compose_input *in)
{
	GMimePart *text = text_part(in->body, "plain");

	if (in->html_body == NULL)
		return GMIME_OBJECT(text);
	GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");
	GMimePart *html = text_part(in->html_body, "html");
	g_mime_multipart_add(alt, GMIME_OBJECT(text));
	g_mime_multipart_add(alt, GMIME_OBJECT(html));
	g_object_unref(text);
	g_object_unref(html);
	return GMIME_OBJECT(alt);
}

int compose_message(const struct compose_input *in, char **raw_r, size_t *len_r,
                    const char **error_r)
{
	GMimeMessage *message = NULL;
	GMimeObject *part = NULL;
	char *subject = NULL;
	int ret = -1;

	*raw_r = NULL;
	*len_r = 0;
	if (in == NULL) {
		*error_r = "no input";
		goto out;
	}
	if (check_input(in, error_r) != 0)
		goto out;

	message = g_mime_message_new(TRUE);
	if (set_from(message, in->from, error_r) != 0 ||
	    set_to(message, in->to_name, in->to_addr, error_r) != 0 ||
	    set_date(message, in->date, in->date_zone, error_r) != 0)
		goto out;
	subject = one_line(in->subject);
	g_mime_message_set_subject(message, subject, "utf-8");
	g_mime_message_set_message_id(message, in->message_id);
	set_thread_headers(GMIME_OBJECT(message), in->in_reply_to, in->references);
	if (in->auto_submitted != NULL)
		g_mime_object_set_header(GMIME_OBJECT(message), "Auto-Submitted", in->auto_submitted,
		                         NULL);
	if (set_extra_headers(GMIME_OBJECT(message), in->extra_headers, error_r) != 0)
		goto out;

	part = body_part(in);
	g_mime_message_set_mime_part(message, part);
	ret = serialize(message, raw_r, len_r, error_r);
out:
	if (part != NULL)
		g_object_unref(part);
	if (message != NULL)
		g_object_unref(message);
	g_free(subject);
	return ret;
}

char *compose_message_id(const char *domain, const char *seed)
{
	char *host = ascii_host(domain);

	if (host == NULL)
		return NULL;
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(sum, (const guchar *)(seed != NULL ? seed : ""), -1);
	char *id = g_strdup_printf("followup.%.32s@%s", g_checksum_get_string(sum), host);
	g_checksum_free(sum);
	g_free(host);
	return id;
}
