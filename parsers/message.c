/*
 * message: see message.h.
 *
 * GMime parses the structure; what Debian's GMime 3.2.13 decodes wrongly
 * is decoded here instead: header text (rfc2047.c: adjacent encoded-words,
 * raw 8-bit bytes), base64 bodies (b64.c: separately padded chunks) and
 * charsets (charset.c: undeclared and mislabelled text).
 *
 * GMime objects are only ever read. Its setters re-encode headers, and on
 * a crafted Content-Type that encoding loops forever in 3.2.13, which is
 * also why g_mime_multipart_get_boundary() (it sets a boundary when there
 * is none) is never called. The MIME tree is walked with a depth and a
 * part-count bound.
 */
#include "parsers/message.h"

#include <string.h>
#include <gmime/gmime.h>
#include <libxml/parser.h>

#include "parsers/b64.h"
#include "parsers/charset.h"
#include "parsers/dsn.h"
#include "parsers/html_text.h"
#include "parsers/msgid.h"
#include "parsers/quote.h"
#include "parsers/rfc2047.h"

#define MSG_MAX_DEPTH 64          /* MIME nesting, forwarded messages included */
#define MSG_MAX_PARTS 10000       /* MIME objects visited per message */
#define MSG_MAX_GROUP_DEPTH 8     /* address groups within groups */
#define MSG_MAX_FALLBACKS 16
#define DERIVED_ID_SUFFIX "@followup.invalid"
#define FORWARDED_FILENAME "forwarded.eml"

struct parse_ctx {
	const char *const *fallbacks;
	GMimeParserOptions *gopts;
	unsigned parts_seen;
	bool truncated;           /* a bound stopped the walk */
};

/* What one message's MIME tree holds (forwarded messages not entered). */
struct tree_scan {
	GPtrArray *leaves;        /* GMimeObject *, borrowed, document order */
	GMimePart *plain;         /* first text/plain body candidate */
	GMimePart *html;          /* first text/html body candidate */
	GMimeMessage *forwarded;  /* first message/rfc822 */
	int forwarded_depth;
	GMimeObject *report;      /* first multipart/report */
	bool calendar;
};

void message_parser_init(void)
{
	g_mime_init();
	xmlInitParser();
}

void message_parser_deinit(void)
{
	g_mime_shutdown();
	xmlCleanupParser();
}

/* ---- text helpers ---- */

static char *valid_copy(const char *s)
{
	return charset_make_valid(s, strlen(s));
}

static bool is_fold_space(gunichar c)
{
	return g_unichar_isspace(c) || g_unichar_iscntrl(c);
}

/* Whitespace and control-character runs folded to one space, trimmed,
 * cut after max_chars characters. text must be valid UTF-8. */
static char *fold_whitespace(const char *text, size_t max_chars)
{
	GString *out = g_string_new(NULL);
	bool space_owed = false;
	size_t n = 0;

	for (const char *p = text; *p != '\0' && n < max_chars;
	     p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (is_fold_space(c)) {
			space_owed = out->len > 0;
			continue;
		}
		if (space_owed) {
			if (n + 1 >= max_chars)
				break;
			g_string_append_c(out, ' ');
			n++;
			space_owed = false;
		}
		g_string_append_unichar(out, c);
		n++;
	}
	return g_string_free(out, FALSE);
}

char *message_snippet(const char *text, size_t max_chars)
{
	char *valid, *res;

	if (text == NULL)
		return g_strdup("");
	valid = valid_copy(text);
	res = fold_whitespace(valid, max_chars);
	g_free(valid);
	return res;
}

static bool is_blank(const char *text)
{
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		if (!is_fold_space(g_utf8_get_char(p)))
			return false;
	}
	return true;
}

/* CRLF and lone CR become LF, in place. */
static char *normalize_newlines(char *text)
{
	char *w = text;

	for (const char *r = text; *r != '\0'; r++) {
		if (*r == '\r') {
			*w++ = '\n';
			if (r[1] == '\n')
				r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return text;
}

/* ---- headers ---- */

static const char *header_raw(GMimeHeader *header)
{
	const char *raw = g_mime_header_get_raw_value(header);

	return raw != NULL ? raw : g_mime_header_get_value(header);
}

/* Raw value of the first header `name` of obj, or NULL. */
static const char *raw_header(GMimeObject *obj, const char *name)
{
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	GMimeHeader *header;

	if (list == NULL)
		return NULL;
	header = g_mime_header_list_get_header(list, name);
	return header != NULL ? header_raw(header) : NULL;
}

/* An unstructured header value: decoded, folded, trimmed. */
static char *header_text(const struct parse_ctx *ctx, const char *raw)
{
	char *decoded = rfc2047_decode(raw, strlen(raw), ctx->fallbacks);
	char *res = fold_whitespace(decoded, SIZE_MAX);

	g_free(decoded);
	return res;
}

static char *header_text_lower(const struct parse_ctx *ctx, const char *raw)
{
	char *text = header_text(ctx, raw);
	char *res = g_ascii_strdown(text, -1);

	g_free(text);
	return res;
}

/* Trimmed, without <>, domain lowercased; local part as written. */
static char *normalize_address(const char *addr)
{
	char *s = g_strstrip(valid_copy(addr));
	size_t len = strlen(s);
	const char *at;
	char *domain, *res;

	if (len >= 2 && s[0] == '<' && s[len - 1] == '>') {
		memmove(s, s + 1, len - 2);
		s[len - 2] = '\0';
		g_strstrip(s);
	}
	at = strrchr(s, '@');
	if (at == NULL)
		return s;
	domain = g_utf8_strdown(at + 1, -1);
	res = g_strdup_printf("%.*s@%s", (int)(at - s), s, domain);
	g_free(domain);
	g_free(s);
	return res;
}

static void collect_mailboxes(InternetAddressList *list, GArray *out, int depth)
{
	int n = internet_address_list_length(list);

	for (int i = 0; i < n; i++) {
		InternetAddress *ia = internet_address_list_get_address(list, i);
		struct msg_address item;
		const char *name, *addr;
		char *valid_name;

		if (INTERNET_ADDRESS_IS_GROUP(ia)) {
			InternetAddressList *members = internet_address_group_get_members(
			        INTERNET_ADDRESS_GROUP(ia));

			if (members != NULL && depth < MSG_MAX_GROUP_DEPTH)
				collect_mailboxes(members, out, depth + 1);
			continue;
		}
		if (!INTERNET_ADDRESS_IS_MAILBOX(ia))
			continue;
		addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
		if (addr == NULL)
			continue;
		item.addr = normalize_address(addr);
		if (item.addr[0] == '\0') {
			g_free(item.addr);
			continue;
		}
		name = internet_address_get_name(ia);
		valid_name = valid_copy(name != NULL ? name : "");
		item.name = fold_whitespace(valid_name, SIZE_MAX);
		g_free(valid_name);
		g_array_append_val(out, item);
	}
}

/* Mailboxes of every header `name` of obj, groups flattened. Names are
 * decoded here (rfc2047_normalize) before GMime parses the list. */
static GArray *header_addresses(const struct parse_ctx *ctx, GMimeObject *obj,
                                const char *name)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(struct msg_address));
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	int n = list != NULL ? g_mime_header_list_get_count(list) : 0;

	for (int i = 0; i < n; i++) {
		GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
		const char *hname = g_mime_header_get_name(header);
		const char *raw = header_raw(header);
		InternetAddressList *addrs;
		char *norm;

		if (hname == NULL || raw == NULL || g_ascii_strcasecmp(hname, name) != 0)
			continue;
		norm = rfc2047_normalize(raw, strlen(raw), ctx->fallbacks);
		addrs = internet_address_list_parse(ctx->gopts, norm);
		g_free(norm);
		if (addrs != NULL) {
			collect_mailboxes(addrs, out, 0);
			g_object_unref(addrs);
		}
	}
	return out;
}

static void address_free(struct msg_address *a)
{
	g_free(a->name);
	g_free(a->addr);
	a->name = NULL;
	a->addr = NULL;
}

/* The first mailbox of the headers, or "" / "". */
static void fill_single_address(const struct parse_ctx *ctx, GMimeObject *obj,
                                const char *name, struct msg_address *out)
{
	GArray *all = header_addresses(ctx, obj, name);

	if (all->len > 0) {
		*out = g_array_index(all, struct msg_address, 0);
		for (guint i = 1; i < all->len; i++)
			address_free(&g_array_index(all, struct msg_address, i));
	} else {
		out->name = g_strdup("");
		out->addr = g_strdup("");
	}
	g_array_free(all, TRUE);
}

static void fill_address_list(const struct parse_ctx *ctx, GMimeObject *obj,
                              const char *name, struct msg_address_list *out)
{
	GArray *all = header_addresses(ctx, obj, name);

	out->count = all->len;
	if (all->len == 0) {
		out->items = NULL;
		g_array_free(all, TRUE);
	} else {
		out->items = (struct msg_address *)(void *)g_array_free(all, FALSE);
	}
}

static void fill_addresses(struct parsed_message *msg,
                           const struct parse_ctx *ctx, GMimeObject *obj)
{
	fill_single_address(ctx, obj, "From", &msg->from);
	fill_single_address(ctx, obj, "Sender", &msg->sender);
	fill_address_list(ctx, obj, "Reply-To", &msg->reply_to);
	fill_address_list(ctx, obj, "To", &msg->to);
	fill_address_list(ctx, obj, "Cc", &msg->cc);
}

/* "<a@b>" -> "a@b", "<>" -> "". */
static char *return_path_address(const char *raw)
{
	char *value = valid_copy(raw);
	char *open = strchr(value, '<');
	char *res;

	if (open != NULL) {
		char *close = strchr(open + 1, '>');

		if (close != NULL)
			*close = '\0';
		res = normalize_address(open + 1);
	} else {
		res = normalize_address(value);
	}
	g_free(value);
	return res;
}

static void fill_ids(struct parsed_message *msg, GMimeObject *obj)
{
	const char *raw = raw_header(obj, "Message-ID");

	if (raw != NULL)
		msg->message_id = msgid_parse_first(raw);
	raw = raw_header(obj, "In-Reply-To");
	if (raw != NULL)
		msg->in_reply_to = msgid_parse_first(raw);
	raw = raw_header(obj, "References");
	if (raw != NULL)
		msg->references = msgid_parse_all(raw, &msg->n_references);
}

static void fill_date(struct parsed_message *msg, const struct parse_ctx *ctx,
                      GMimeObject *obj)
{
	const char *raw = raw_header(obj, "Date");
	GDateTime *when;
	char *text;

	if (raw == NULL)
		return;
	text = header_text(ctx, raw);
	when = g_mime_utils_header_decode_date(text);
	g_free(text);
	if (when == NULL)
		return;
	msg->date = g_date_time_to_unix(when);
	msg->date_valid = true;
	g_date_time_unref(when);
}

static void set_once(char **field, char *value)
{
	if (*field == NULL)
		*field = value;
	else
		g_free(value);
}

/* One pass over the header list for the classifier's flags. */
static void fill_header_flags(struct parsed_message *msg,
                              const struct parse_ctx *ctx, GMimeObject *obj)
{
	struct msg_flags *f = &msg->flags;
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	int n = list != NULL ? g_mime_header_list_get_count(list) : 0;

	for (int i = 0; i < n; i++) {
		GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
		const char *name = g_mime_header_get_name(header);
		const char *raw = header_raw(header);

		if (name == NULL || raw == NULL)
			continue;
		if (g_ascii_strncasecmp(name, "List-", 5) == 0)
			f->has_list_header = true;
		if (g_ascii_strcasecmp(name, "List-Id") == 0)
			f->has_list_id = true;
		else if (g_ascii_strcasecmp(name, "List-Unsubscribe") == 0)
			f->has_list_unsubscribe = true;
		else if (g_ascii_strcasecmp(name, "X-Autoreply") == 0 ||
		         g_ascii_strcasecmp(name, "X-Autorespond") == 0)
			f->x_autoreply = true;
		else if (g_ascii_strcasecmp(name, "Auto-Submitted") == 0)
			set_once(&f->auto_submitted, header_text_lower(ctx, raw));
		else if (g_ascii_strcasecmp(name, "Precedence") == 0)
			set_once(&f->precedence, header_text_lower(ctx, raw));
		else if (g_ascii_strcasecmp(name, "X-Auto-Response-Suppress") == 0)
			set_once(&f->x_auto_response_suppress, header_text_lower(ctx, raw));
		else if (g_ascii_strcasecmp(name, "Return-Path") == 0 &&
		         !f->has_return_path) {
			f->has_return_path = true;
			msg->return_path = return_path_address(raw);
			f->null_return_path = msg->return_path[0] == '\0';
		}
	}
}

/* ---- MIME parts ---- */

static bool is_type(GMimeObject *obj, const char *type, const char *subtype)
{
	GMimeContentType *ct = g_mime_object_get_content_type(obj);

	return ct != NULL && g_mime_content_type_is_type(ct, type, subtype);
}

static bool has_filename(GMimeObject *obj)
{
	const char *name = g_mime_object_get_content_disposition_parameter(obj, "filename");

	if (name == NULL || name[0] == '\0')
		name = g_mime_object_get_content_type_parameter(obj, "name");
	return name != NULL && name[0] != '\0';
}

static bool disposition_is(GMimeObject *obj, const char *value)
{
	const char *disposition = g_mime_object_get_disposition(obj);

	return disposition != NULL && g_ascii_strcasecmp(disposition, value) == 0;
}

typedef void (*chunk_fn)(const char *buf, size_t len, void *data);

static void read_stream(GMimeStream *stream, chunk_fn fn, void *data)
{
	char buf[8192];
	ssize_t n;

	if (g_mime_stream_reset(stream) == -1)
		return;
	while ((n = g_mime_stream_read(stream, buf, sizeof(buf))) > 0)
		fn(buf, (size_t)n, data);
	g_mime_stream_reset(stream);
}

struct b64_sink {
	struct b64_decoder dec;
	GByteArray *out;   /* NULL: count only */
	uint64_t count;
};

static void b64_chunk(const char *buf, size_t len, void *data)
{
	struct b64_sink *sink = data;

	sink->count += b64_decode_step(&sink->dec, buf, len, sink->out);
}

static bool is_base64(GMimeDataWrapper *content)
{
	return g_mime_data_wrapper_get_encoding(content) ==
	       GMIME_CONTENT_ENCODING_BASE64;
}

/* The decoded content of a leaf part. Base64 goes through our tolerant
 * decoder; GMime's filters are fine for the other encodings. */
static GByteArray *part_bytes(GMimePart *part)
{
	GMimeDataWrapper *content = g_mime_part_get_content(part);
	GMimeStream *raw = content != NULL ? g_mime_data_wrapper_get_stream(content) : NULL;
	GByteArray *out = g_byte_array_new();
	GMimeStream *mem;

	if (raw == NULL)
		return out;
	if (is_base64(content)) {
		struct b64_sink sink = { .out = out };

		b64_decoder_init(&sink.dec);
		read_stream(raw, b64_chunk, &sink);
		return out;
	}
	mem = g_mime_stream_mem_new_with_byte_array(out);
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(mem), FALSE);
	g_mime_data_wrapper_write_to_stream(content, mem);
	g_object_unref(mem);
	return out;
}

static uint64_t part_decoded_size(GMimePart *part)
{
	GMimeDataWrapper *content = g_mime_part_get_content(part);
	GMimeStream *raw = content != NULL ? g_mime_data_wrapper_get_stream(content) : NULL;
	GMimeStream *null;
	uint64_t size;

	if (raw == NULL)
		return 0;
	if (is_base64(content)) {
		struct b64_sink sink = { .out = NULL };

		b64_decoder_init(&sink.dec);
		read_stream(raw, b64_chunk, &sink);
		return sink.count;
	}
	null = g_mime_stream_null_new();
	g_mime_data_wrapper_write_to_stream(content, null);
	size = GMIME_STREAM_NULL(null)->written;
	g_object_unref(null);
	return size;
}

/* A text part as UTF-8 with LF line ends. For HTML without a charset
 * parameter, the document's own <meta> declaration is used. */
static char *part_text(const struct parse_ctx *ctx, GMimePart *part, bool html)
{
	GByteArray *bytes = part_bytes(part);
	const char *declared = g_mime_object_get_content_type_parameter(
	        GMIME_OBJECT(part), "charset");
	char *sniffed = NULL;
	char *text;

	if (html && charset_canonical(declared) == NULL)
		sniffed = html_text_sniff_charset((const char *)bytes->data, bytes->len);
	text = charset_to_utf8((const char *)bytes->data, bytes->len,
	                       sniffed != NULL ? sniffed : declared, ctx->fallbacks);
	g_free(sniffed);
	g_byte_array_unref(bytes);
	return normalize_newlines(text);
}

/* Bodies are text parts that are neither attachments nor named files. */
static bool is_body_candidate(GMimeObject *obj)
{
	return !disposition_is(obj, "attachment") && !has_filename(obj);
}

static void tree_scan_init(struct tree_scan *scan)
{
	memset(scan, 0, sizeof(*scan));
	scan->leaves = g_ptr_array_new();
}

static void tree_scan_clear(struct tree_scan *scan)
{
	g_ptr_array_free(scan->leaves, TRUE);
	scan->leaves = NULL;
}

static void scan_tree(struct parse_ctx *ctx, struct tree_scan *scan,
                      GMimeObject *obj, int depth)
{
	if (obj == NULL)
		return;
	if (depth > MSG_MAX_DEPTH || ctx->parts_seen >= MSG_MAX_PARTS) {
		ctx->truncated = true;
		return;
	}
	ctx->parts_seen++;
	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *multipart = GMIME_MULTIPART(obj);
		int n = g_mime_multipart_get_count(multipart);

		if (scan->report == NULL && is_type(obj, "multipart", "report"))
			scan->report = obj;
		for (int i = 0; i < n && !ctx->truncated; i++)
			scan_tree(ctx, scan, g_mime_multipart_get_part(multipart, i),
			          depth + 1);
		return;
	}
	g_ptr_array_add(scan->leaves, obj);
	if (GMIME_IS_MESSAGE_PART(obj)) {
		if (scan->forwarded == NULL) {
			scan->forwarded = g_mime_message_part_get_message(
			        GMIME_MESSAGE_PART(obj));
			scan->forwarded_depth = depth + 1;
		}
		return;
	}
	if (!GMIME_IS_PART(obj))
		return;
	if (is_type(obj, "text", "calendar"))
		scan->calendar = true;
	if (!is_body_candidate(obj))
		return;
	if (scan->plain == NULL && is_type(obj, "text", "plain"))
		scan->plain = GMIME_PART(obj);
	else if (scan->html == NULL && is_type(obj, "text", "html"))
		scan->html = GMIME_PART(obj);
}

static char *forwarded_body(struct parse_ctx *ctx, GMimeMessage *inner,
                            int depth, bool *from_html_r);

/* The body of a scanned tree: the first non-blank text/plain, else the
 * first non-blank text/html made readable, else the forwarded message's.
 * *chosen_r is the part the text came from (NULL when forwarded). */
static char *scan_body(struct parse_ctx *ctx, const struct tree_scan *scan,
                       bool *from_html_r, GMimePart **chosen_r)
{
	char *text;

	*chosen_r = NULL;
	if (scan->plain != NULL) {
		text = part_text(ctx, scan->plain, false);
		if (!is_blank(text)) {
			*chosen_r = scan->plain;
			return text;
		}
		g_free(text);
	}
	if (scan->html != NULL) {
		char *html = part_text(ctx, scan->html, true);

		text = html_text_from_html(html, strlen(html));
		g_free(html);
		if (!is_blank(text)) {
			*from_html_r = true;
			*chosen_r = scan->html;
			return text;
		}
		g_free(text);
	}
	if (scan->forwarded != NULL)
		return forwarded_body(ctx, scan->forwarded, scan->forwarded_depth,
		                      from_html_r);
	return g_strdup("");
}

static char *forwarded_body(struct parse_ctx *ctx, GMimeMessage *inner,
                            int depth, bool *from_html_r)
{
	struct tree_scan scan;
	GMimePart *chosen;
	char *text;

	tree_scan_init(&scan);
	scan_tree(ctx, &scan, g_mime_message_get_mime_part(inner), depth);
	text = scan_body(ctx, &scan, from_html_r, &chosen);
	tree_scan_clear(&scan);
	return text;
}

/* ---- attachments ---- */

static bool is_attachment(GMimeObject *obj)
{
	return GMIME_IS_MESSAGE_PART(obj) || disposition_is(obj, "attachment") ||
	       has_filename(obj) || !is_type(obj, "text", "*");
}

static char *content_type_lower(GMimeObject *obj)
{
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	char *type, *valid, *res;

	if (ct == NULL)
		return g_strdup("application/octet-stream");
	type = g_mime_content_type_get_mime_type(ct);
	valid = valid_copy(type != NULL ? type : "application/octet-stream");
	res = g_ascii_strdown(valid, -1);
	g_free(type);
	g_free(valid);
	return res;
}

/* A parameter of a structured header, decoded by GMime after our RFC 2047
 * pass (GMime itself handles RFC 2231). NULL when absent. */
static char *header_param(const struct parse_ctx *ctx, GMimeObject *obj,
                          const char *header, const char *param)
{
	const char *raw = raw_header(obj, header);
	const char *value = NULL;
	char *norm, *res = NULL;

	if (raw == NULL)
		return NULL;
	norm = rfc2047_normalize(raw, strlen(raw), ctx->fallbacks);
	if (g_ascii_strcasecmp(header, "Content-Disposition") == 0) {
		GMimeContentDisposition *d = g_mime_content_disposition_parse(ctx->gopts, norm);

		if (d != NULL) {
			value = g_mime_content_disposition_get_parameter(d, param);
			res = value != NULL ? valid_copy(value) : NULL;
			g_object_unref(d);
		}
	} else {
		GMimeContentType *ct = g_mime_content_type_parse(ctx->gopts, norm);

		if (ct != NULL) {
			value = g_mime_content_type_get_parameter(ct, param);
			res = value != NULL ? valid_copy(value) : NULL;
			g_object_unref(ct);
		}
	}
	g_free(norm);
	return res;
}

/* Content-Disposition filename, else Content-Type name; "" when none. */
static char *part_filename(const struct parse_ctx *ctx, GMimeObject *obj)
{
	char *name = header_param(ctx, obj, "Content-Disposition", "filename");
	char *res;

	if (name == NULL || is_blank(name)) {
		g_free(name);
		name = header_param(ctx, obj, "Content-Type", "name");
	}
	if (name == NULL)
		return g_strdup("");
	res = fold_whitespace(name, SIZE_MAX);
	g_free(name);
	return res;
}

/* Inline parts with a Content-ID (a disposition of "inline", or none, as
 * in multipart/related) are pictures the HTML refers to. */
static bool is_inline_image(GMimeObject *obj)
{
	const char *cid = g_mime_object_get_content_id(obj);

	if (cid == NULL || cid[0] == '\0')
		return false;
	return g_mime_object_get_disposition(obj) == NULL ||
	       disposition_is(obj, "inline");
}

static uint64_t message_size(GMimeMessage *inner)
{
	GMimeStream *null;
	uint64_t size;

	if (inner == NULL)
		return 0;
	null = g_mime_stream_null_new();
	g_mime_object_write_to_stream(GMIME_OBJECT(inner), NULL, null);
	size = GMIME_STREAM_NULL(null)->written;
	g_object_unref(null);
	return size;
}

static void fill_message_attachment(const struct parse_ctx *ctx,
                                    GMimeMessagePart *part,
                                    struct msg_attachment *att)
{
	GMimeMessage *inner = g_mime_message_part_get_message(part);
	const char *subject = inner != NULL ?
	        raw_header(GMIME_OBJECT(inner), "Subject") : NULL;

	if (att->filename[0] == '\0' && subject != NULL) {
		g_free(att->filename);
		att->filename = header_text(ctx, subject);
	}
	if (att->filename[0] == '\0') {
		g_free(att->filename);
		att->filename = g_strdup(FORWARDED_FILENAME);
	}
	att->size = message_size(inner);
}

static void fill_attachments(struct parsed_message *msg,
                             const struct parse_ctx *ctx,
                             const struct tree_scan *scan, GMimePart *body)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(struct msg_attachment));

	for (guint i = 0; i < scan->leaves->len; i++) {
		GMimeObject *obj = g_ptr_array_index(scan->leaves, i);
		struct msg_attachment att = { 0 };

		if ((GMimeObject *)body == obj || !is_attachment(obj))
			continue;
		att.filename = part_filename(ctx, obj);
		att.content_type = content_type_lower(obj);
		att.is_inline = is_inline_image(obj);
		if (GMIME_IS_MESSAGE_PART(obj))
			fill_message_attachment(ctx, GMIME_MESSAGE_PART(obj), &att);
		else if (GMIME_IS_PART(obj))
			att.size = part_decoded_size(GMIME_PART(obj));
		g_array_append_val(out, att);
	}
	msg->n_attachments = out->len;
	if (out->len == 0) {
		msg->attachments = NULL;
		g_array_free(out, TRUE);
	} else {
		msg->attachments = (struct msg_attachment *)(void *)g_array_free(out, FALSE);
	}
}

/* ---- reports ---- */

static char *part_plain_text(const struct parse_ctx *ctx, GMimeObject *obj)
{
	return part_text(ctx, GMIME_PART(obj), false);
}

static void scan_delivery_status(struct msg_flags *f, const struct parse_ctx *ctx,
                                 GMimeObject *obj)
{
	char *text = part_plain_text(ctx, obj);
	char *recipient = dsn_final_recipient(text);

	if (recipient != NULL && f->dsn_final_recipient == NULL)
		f->dsn_final_recipient = normalize_address(recipient);
	g_free(recipient);
	set_once(&f->dsn_status, dsn_status(text));
	g_free(text);
}

static char *returned_message_id(const struct parse_ctx *ctx, GMimeObject *obj)
{
	if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
		const char *raw = inner != NULL ?
		        raw_header(GMIME_OBJECT(inner), "Message-ID") : NULL;

		return raw != NULL ? msgid_parse_first(raw) : NULL;
	}
	if (GMIME_IS_PART(obj) && (is_type(obj, "text", "rfc822-headers") ||
	                           is_type(obj, "message", "global-headers"))) {
		char *text = part_plain_text(ctx, obj);
		char *value = dsn_field(text, "Message-ID");
		char *id = value != NULL ? msgid_parse_first(value) : NULL;

		g_free(value);
		g_free(text);
		return id;
	}
	return NULL;
}

/* multipart/report: its type, and for delivery status notifications the
 * first recipient, its status and the returned message's id. */
static void fill_report(struct parsed_message *msg, const struct parse_ctx *ctx,
                        GMimeObject *report)
{
	struct msg_flags *f = &msg->flags;
	GMimeMultipart *multipart = GMIME_MULTIPART(report);
	const char *type = g_mime_object_get_content_type_parameter(report, "report-type");
	int n = g_mime_multipart_get_count(multipart);

	f->is_report = true;
	if (type != NULL) {
		char *valid = valid_copy(type);

		f->report_type = g_ascii_strdown(valid, -1);
		g_free(valid);
	}
	for (int i = 0; i < n && i < MSG_MAX_PARTS; i++) {
		GMimeObject *child = g_mime_multipart_get_part(multipart, i);

		if (child == NULL)
			continue;
		if (GMIME_IS_PART(child) &&
		    (is_type(child, "message", "delivery-status") ||
		     is_type(child, "message", "global-delivery-status")))
			scan_delivery_status(f, ctx, child);
		else if (f->dsn_original_message_id == NULL)
			f->dsn_original_message_id = returned_message_id(ctx, child);
	}
}

/* ---- the whole message ---- */

static void fill_structure(struct parsed_message *msg, struct parse_ctx *ctx,
                           GMimeMessage *gmsg)
{
	struct tree_scan scan;
	GMimePart *body = NULL;

	tree_scan_init(&scan);
	scan_tree(ctx, &scan, g_mime_message_get_mime_part(gmsg), 0);
	msg->body_text = scan_body(ctx, &scan, &msg->body_from_html, &body);
	fill_attachments(msg, ctx, &scan, body);
	msg->flags.is_calendar = scan.calendar;
	if (scan.report != NULL)
		fill_report(msg, ctx, scan.report);
	tree_scan_clear(&scan);
}

static void fill_from_gmime(struct parsed_message *msg, struct parse_ctx *ctx,
                            GMimeMessage *gmsg)
{
	GMimeObject *obj = GMIME_OBJECT(gmsg);
	const char *subject = raw_header(obj, "Subject");

	fill_ids(msg, obj);
	fill_date(msg, ctx, obj);
	fill_addresses(msg, ctx, obj);
	if (subject != NULL)
		msg->subject = header_text(ctx, subject);
	fill_header_flags(msg, ctx, obj);
	fill_structure(msg, ctx, gmsg);
}

static char *derived_message_id(const unsigned char *raw, size_t len)
{
	char *hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, raw, len);
	char *id = g_strconcat(hex, DERIVED_ID_SUFFIX, NULL);

	g_free(hex);
	return id;
}

/* Whatever GMime could not provide gets its documented default. */
static void fill_defaults(struct parsed_message *msg, const unsigned char *raw,
                          size_t len)
{
	if (msg->message_id == NULL) {
		msg->message_id = derived_message_id(raw, len);
		msg->message_id_derived = true;
	}
	if (msg->references == NULL)
		msg->references = g_new0(char *, 1);
	if (msg->from.addr == NULL) {
		msg->from.name = g_strdup("");
		msg->from.addr = g_strdup("");
	}
	if (msg->sender.addr == NULL) {
		msg->sender.name = g_strdup("");
		msg->sender.addr = g_strdup("");
	}
	if (msg->subject == NULL)
		msg->subject = g_strdup("");
	if (msg->body_text == NULL)
		msg->body_text = g_strdup("");
	msg->body_new = quote_cut(msg->body_text);
}

static GMimeParserOptions *gmime_options(const char *const *fallbacks)
{
	GMimeParserOptions *options = g_mime_parser_options_new();
	const char *charsets[MSG_MAX_FALLBACKS + 2];
	size_t n = 0;

	/* For what GMime still decodes itself (RFC 2231 parameters). */
	charsets[n++] = "UTF-8";
	for (size_t i = 0; fallbacks[i] != NULL && n < MSG_MAX_FALLBACKS + 1; i++)
		charsets[n++] = fallbacks[i];
	charsets[n] = NULL;
	g_mime_parser_options_set_fallback_charsets(options, charsets);
	return options;
}

static GMimeMessage *gmime_parse(const unsigned char *raw, size_t len,
                                 GMimeParserOptions *options)
{
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer((const char *)raw, len);
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeMessage *gmsg;

	g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
	gmsg = g_mime_parser_construct_message(parser, options);
	g_object_unref(parser);
	g_object_unref(stream);
	return gmsg;
}

int message_parse(const unsigned char *raw, size_t len,
                  const struct message_parse_options *opts,
                  struct parsed_message **msg_r)
{
	struct parse_ctx ctx = { 0 };
	struct parsed_message *msg;
	GMimeMessage *gmsg;

	if (msg_r == NULL || (raw == NULL && len > 0))
		return -1;
	if (raw == NULL)
		raw = (const unsigned char *)"";
	msg = g_new0(struct parsed_message, 1);
	msg->date = MSG_DATE_NONE;
	ctx.fallbacks = opts != NULL && opts->charset_fallbacks != NULL ?
	        opts->charset_fallbacks : charset_default_fallbacks;
	ctx.gopts = gmime_options(ctx.fallbacks);

	gmsg = gmime_parse(raw, len, ctx.gopts);
	if (gmsg != NULL) {
		fill_from_gmime(msg, &ctx, gmsg);
		if (ctx.truncated)
			msg->parse_error = g_strdup("MIME structure too deep or with "
			                            "too many parts; the rest was skipped");
		g_object_unref(gmsg);
	} else {
		/* Not a message at all: keep the bytes as text, so nothing
		 * is lost. */
		msg->parse_error = g_strdup("not an RFC 5322 message: no header fields");
		msg->body_text = normalize_newlines(
		        charset_to_utf8((const char *)raw, len, NULL, ctx.fallbacks));
	}
	g_mime_parser_options_free(ctx.gopts);
	fill_defaults(msg, raw, len);
	*msg_r = msg;
	return 0;
}

static void address_list_free(struct msg_address_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		address_free(&list->items[i]);
	g_free(list->items);
	list->items = NULL;
	list->count = 0;
}

static void flags_free(struct msg_flags *f)
{
	g_free(f->auto_submitted);
	g_free(f->precedence);
	g_free(f->x_auto_response_suppress);
	g_free(f->report_type);
	g_free(f->dsn_final_recipient);
	g_free(f->dsn_status);
	g_free(f->dsn_original_message_id);
}

void message_free(struct parsed_message **msg_p)
{
	struct parsed_message *msg;

	if (msg_p == NULL || *msg_p == NULL)
		return;
	msg = *msg_p;
	g_free(msg->message_id);
	g_free(msg->in_reply_to);
	g_strfreev(msg->references);
	address_free(&msg->from);
	address_free(&msg->sender);
	address_list_free(&msg->reply_to);
	address_list_free(&msg->to);
	address_list_free(&msg->cc);
	g_free(msg->return_path);
	g_free(msg->subject);
	g_free(msg->body_text);
	g_free(msg->body_new);
	for (size_t i = 0; i < msg->n_attachments; i++) {
		g_free(msg->attachments[i].filename);
		g_free(msg->attachments[i].content_type);
	}
	g_free(msg->attachments);
	flags_free(&msg->flags);
	g_free(msg->parse_error);
	g_free(msg);
	*msg_p = NULL;
}
