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
 * is none) is never called.
 *
 * Limits (message.h, MSG_LIMIT_*): mime_guard.c bounds what GMime builds
 * (parts, header fields) before it parses; here the MIME tree is walked
 * with a depth and a part-count bound, header values are capped, and only
 * so much of the body part is decoded.
 */
#include "parsers/message.h"
#include "lib/lines.h"
#include "lib/text.h"

#include <string.h>
#include <gmime/gmime.h>
#include <libxml/parser.h>

#include "parsers/b64.h"
#include "parsers/charset.h"
#include "parsers/dsn.h"
#include "parsers/html_text.h"
#include "parsers/mime_guard.h"
#include "parsers/msgid.h"
#include "parsers/quote.h"
#include "parsers/rfc2047.h"

#define MSG_MAX_GROUP_DEPTH 8     /* address groups within groups */
#define MSG_MAX_FALLBACKS 16
#define DERIVED_ID_SUFFIX "@followup.invalid"
#define FORWARDED_FILENAME "forwarded.eml"
/* Parts read for a few fields only (delivery status, calendar). */
#define SIDE_PART_MAX_BYTES (1024 * 1024)
/* A cut text goes back this far at most to end on a line break. */
#define CUT_BACKTRACK_MAX 65536
/* A cut header value goes back this far at most to end on a blank, so
 * that an encoded-word (75 bytes at most) is not split. */
#define HEADER_CUT_BACKTRACK_MAX 256
/* A note above a forwarded message: what "short" means. */
#define FORWARD_NOTE_MAX_CHARS 500
#define FORWARD_NOTE_MAX_LINES 10
#define CALENDAR_METHOD_MAX 32

struct parse_ctx {
	const char *const *fallbacks;
	GMimeParserOptions *gopts;
	unsigned max_depth;
	unsigned max_parts;
	size_t max_header_bytes;
	size_t max_body_text;
	unsigned parts_seen;
	bool walk_stopped;        /* the MIME walk hit its part bound */
	unsigned limits_hit;      /* MSG_LIMIT_* */
	GPtrArray *scratch;       /* cut header values, freed with the context */
};

/* What one message's MIME tree holds (forwarded messages not entered). */
struct tree_scan {
	GPtrArray *leaves;        /* GMimeObject *, borrowed, document order */
	GMimePart *plain;         /* first text/plain body candidate */
	GMimePart *html;          /* first text/html body candidate */
	GMimeMessage *forwarded;  /* first message/rfc822 */
	int forwarded_depth;
	GMimeObject *report;      /* first multipart/report */
	GMimePart *calendar;      /* first text/calendar or application/ics */
	GMimeMultipart *empty;    /* first multipart without parts (its
	                             boundary never came) */
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

/* ---- headers ---- */

/* Where to cut s (at least max bytes long) to keep at most max bytes:
 * not inside a UTF-8 character, and at a blank if one is near. */
static size_t header_cut_point(const char *s, size_t max)
{
	size_t pos = text_cut_point(s, max);

	for (size_t back = 0; back < HEADER_CUT_BACKTRACK_MAX && back < pos; back++) {
		char c = s[pos - back - 1];

		if (c == ' ' || c == '\t' || c == '\n')
			return pos - back - 1;
	}
	return pos;
}

/* value, or its first max_header_bytes (kept until the context goes). */
static const char *capped_value(struct parse_ctx *ctx, const char *value)
{
	size_t len = strnlen(value, ctx->max_header_bytes + 1);
	char *copy;

	if (len <= ctx->max_header_bytes)
		return value;
	copy = g_strndup(value, header_cut_point(value, ctx->max_header_bytes));
	g_ptr_array_add(ctx->scratch, copy);
	ctx->limits_hit |= MSG_LIMIT_HEADER;
	return copy;
}

static const char *header_raw(struct parse_ctx *ctx, GMimeHeader *header)
{
	const char *raw = g_mime_header_get_raw_value(header);

	if (raw == NULL)
		raw = g_mime_header_get_value(header);
	return raw != NULL ? capped_value(ctx, raw) : NULL;
}

/* Raw value of the first header `name` of obj, or NULL. */
static const char *raw_header(struct parse_ctx *ctx, GMimeObject *obj,
                              const char *name)
{
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	GMimeHeader *header;

	if (list == NULL)
		return NULL;
	header = g_mime_header_list_get_header(list, name);
	return header != NULL ? header_raw(ctx, header) : NULL;
}

/* An unstructured header value: decoded, folded, trimmed. */
static char *header_text(struct parse_ctx *ctx, const char *raw)
{
	char *decoded = rfc2047_decode(raw, strlen(raw), ctx->fallbacks);
	char *res = fold_whitespace(decoded, SIZE_MAX);

	g_free(decoded);
	return res;
}

static char *header_text_lower(struct parse_ctx *ctx, const char *raw)
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
static GArray *header_addresses(struct parse_ctx *ctx, GMimeObject *obj,
                                const char *name)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(struct msg_address));
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	int n = list != NULL ? g_mime_header_list_get_count(list) : 0;

	for (int i = 0; i < n; i++) {
		GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
		const char *hname = g_mime_header_get_name(header);
		const char *raw = header_raw(ctx, header);
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
static void fill_single_address(struct parse_ctx *ctx, GMimeObject *obj,
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

static void fill_address_list(struct parse_ctx *ctx, GMimeObject *obj,
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
                           struct parse_ctx *ctx, GMimeObject *obj)
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

static void fill_ids(struct parsed_message *msg, struct parse_ctx *ctx,
                     GMimeObject *obj)
{
	const char *raw = raw_header(ctx, obj, "Message-ID");

	if (raw != NULL)
		msg->message_id = msgid_parse_first(raw);
	raw = raw_header(ctx, obj, "In-Reply-To");
	if (raw != NULL)
		msg->in_reply_to = msgid_parse_first(raw);
	raw = raw_header(ctx, obj, "References");
	if (raw != NULL)
		msg->references = msgid_parse_all(raw, &msg->n_references);
}

static void fill_date(struct parsed_message *msg, struct parse_ctx *ctx,
                      GMimeObject *obj)
{
	const char *raw = raw_header(ctx, obj, "Date");
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
                              struct parse_ctx *ctx, GMimeObject *obj)
{
	struct msg_flags *f = &msg->flags;
	GMimeHeaderList *list = g_mime_object_get_header_list(obj);
	int n = list != NULL ? g_mime_header_list_get_count(list) : 0;

	for (int i = 0; i < n; i++) {
		GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
		const char *name = g_mime_header_get_name(header);
		const char *raw = header_raw(ctx, header);

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

/* A chunk of a part's content; returns false to stop reading. */
typedef bool (*chunk_fn)(const char *buf, size_t len, void *data);

static void read_stream(GMimeStream *stream, chunk_fn fn, void *data)
{
	char buf[8192];
	ssize_t n;

	if (g_mime_stream_reset(stream) == -1)
		return;
	while ((n = g_mime_stream_read(stream, buf, sizeof(buf))) > 0) {
		if (!fn(buf, (size_t)n, data))
			break;
	}
	g_mime_stream_reset(stream);
}

static bool is_base64(GMimeDataWrapper *content)
{
	return g_mime_data_wrapper_get_encoding(content) ==
	       GMIME_CONTENT_ENCODING_BASE64;
}

/* Decoded bytes of a part, up to a cap. */
struct byte_sink {
	bool base64;
	struct b64_decoder dec;
	GByteArray *out;   /* NULL: count only */
	uint64_t count;
	size_t cap;
	bool cut;          /* there was more than cap */
};

static bool sink_chunk(const char *buf, size_t len, void *data)
{
	struct byte_sink *sink = data;

	if (!sink->base64) {
		g_byte_array_append(sink->out, (const guint8 *)buf, (guint)len);
	} else {
		sink->count += b64_decode_step(&sink->dec, buf, len, sink->out);
		if (sink->out == NULL)
			return true;
	}
	if (sink->out->len <= sink->cap)
		return true;
	g_byte_array_set_size(sink->out, (guint)sink->cap);
	sink->cut = true;
	return false;
}

/* The content stream of a part, decoded by GMime's filters for the
 * encodings other than base64 (ours is more tolerant). New reference. */
static GMimeStream *decoded_stream(GMimeDataWrapper *content, GMimeStream *raw)
{
	GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
	GMimeStream *filtered;
	GMimeFilter *filter;

	if (encoding != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE &&
	    encoding != GMIME_CONTENT_ENCODING_UUENCODE)
		return g_object_ref(raw);
	filtered = g_mime_stream_filter_new(raw);
	filter = g_mime_filter_basic_new(encoding, FALSE);
	g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), filter);
	g_object_unref(filter);
	return filtered;
}

/* The decoded content of a leaf part, at most cap bytes; *cut_r when
 * there was more. */
static GByteArray *part_bytes(GMimePart *part, size_t cap, bool *cut_r)
{
	GMimeDataWrapper *content = g_mime_part_get_content(part);
	GMimeStream *raw = content != NULL ? g_mime_data_wrapper_get_stream(content) : NULL;
	struct byte_sink sink = { .cap = cap };
	GMimeStream *stream;

	sink.out = g_byte_array_new();
	*cut_r = false;
	if (raw == NULL)
		return sink.out;
	if (is_base64(content)) {
		sink.base64 = true;
		b64_decoder_init(&sink.dec);
		read_stream(raw, sink_chunk, &sink);
	} else {
		stream = decoded_stream(content, raw);
		read_stream(stream, sink_chunk, &sink);
		g_object_unref(stream);
	}
	*cut_r = sink.cut;
	return sink.out;
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
		struct byte_sink sink = { .base64 = true, .out = NULL };

		b64_decoder_init(&sink.dec);
		read_stream(raw, sink_chunk, &sink);
		return sink.count;
	}
	null = g_mime_stream_null_new();
	g_mime_data_wrapper_write_to_stream(content, null);
	size = GMIME_STREAM_NULL(null)->written;
	g_object_unref(null);
	return size;
}

/* A cut text should end at a line break, where no multibyte character
 * (in any charset mail uses) can be split. */
static void back_to_line_break(GByteArray *bytes)
{
	for (size_t back = 0; back < CUT_BACKTRACK_MAX && back < bytes->len; back++) {
		if (bytes->data[bytes->len - back - 1] == '\n') {
			g_byte_array_set_size(bytes, (guint)(bytes->len - back));
			return;
		}
	}
}

/* A text part as UTF-8 with LF line ends, from at most cap decoded bytes
 * (*cut_r, may be NULL, when there were more). For HTML without a charset
 * parameter, the document's own <meta> declaration is used. */
static char *part_text(struct parse_ctx *ctx, GMimePart *part, bool html,
                       size_t cap, bool *cut_r)
{
	bool cut;
	GByteArray *bytes = part_bytes(part, cap, &cut);
	const char *declared = g_mime_object_get_content_type_parameter(
	        GMIME_OBJECT(part), "charset");
	char *sniffed = NULL;
	char *text;

	if (cut)
		back_to_line_break(bytes);
	if (html && charset_canonical(declared) == NULL)
		sniffed = html_text_sniff_charset((const char *)bytes->data, bytes->len);
	text = charset_to_utf8((const char *)bytes->data, bytes->len,
	                       sniffed != NULL ? sniffed : declared, ctx->fallbacks);
	g_free(sniffed);
	g_byte_array_unref(bytes);
	if (cut_r != NULL)
		*cut_r = cut;
	return lines_to_lf(text);
}

/* Bodies are text parts that are neither attachments nor named files. */
static bool is_body_candidate(GMimeObject *obj)
{
	return !disposition_is(obj, "attachment") && !has_filename(obj);
}

static bool is_calendar_part(GMimeObject *obj)
{
	return is_type(obj, "text", "calendar") || is_type(obj, "application", "ics");
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

/* Counts obj against the walk's bounds; false when it is beyond them. */
static bool enter_part(struct parse_ctx *ctx, int depth)
{
	if ((unsigned)depth > ctx->max_depth) {
		/* Only this subtree is skipped; its siblings are not deeper. */
		ctx->limits_hit |= MSG_LIMIT_DEPTH;
		return false;
	}
	if (ctx->parts_seen >= ctx->max_parts) {
		ctx->limits_hit |= MSG_LIMIT_PARTS;
		ctx->walk_stopped = true;
		return false;
	}
	ctx->parts_seen++;
	return true;
}

static void scan_multipart(struct parse_ctx *ctx, struct tree_scan *scan,
                           GMimeMultipart *multipart, int depth);

static void scan_tree(struct parse_ctx *ctx, struct tree_scan *scan,
                      GMimeObject *obj, int depth)
{
	if (obj == NULL || !enter_part(ctx, depth))
		return;
	if (GMIME_IS_MULTIPART(obj)) {
		scan_multipart(ctx, scan, GMIME_MULTIPART(obj), depth);
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
	if (scan->calendar == NULL && is_calendar_part(obj))
		scan->calendar = GMIME_PART(obj);
	if (!is_body_candidate(obj))
		return;
	if (scan->plain == NULL && is_type(obj, "text", "plain"))
		scan->plain = GMIME_PART(obj);
	else if (scan->html == NULL && is_type(obj, "text", "html"))
		scan->html = GMIME_PART(obj);
}

/* multipart/alternative, related, mixed, signed (its signature part is
 * left out of the attachments), report: all walked alike, in order. */
static void scan_multipart(struct parse_ctx *ctx, struct tree_scan *scan,
                           GMimeMultipart *multipart, int depth)
{
	GMimeObject *obj = GMIME_OBJECT(multipart);
	int n = g_mime_multipart_get_count(multipart);

	if (scan->report == NULL && is_type(obj, "multipart", "report"))
		scan->report = obj;
	if (n == 0 && scan->empty == NULL)
		scan->empty = multipart;
	for (int i = 0; i < n && !ctx->walk_stopped; i++)
		scan_tree(ctx, scan, g_mime_multipart_get_part(multipart, i), depth + 1);
}

/* Cuts text (valid UTF-8) to at most max bytes, at a character boundary. */
static bool cut_utf8(char *text, size_t max)
{
	size_t pos;

	if (strnlen(text, max + 1) <= max)
		return false;
	pos = text_cut_point(text, max);
	text[pos] = '\0';
	return true;
}

/* Body text of one part; a cut shows in limits_hit only when the text is
 * used (see scan_body). */
static char *body_part_text(struct parse_ctx *ctx, GMimePart *part, bool html,
                            bool *cut_r)
{
	size_t cap = ctx->max_body_text <= SIZE_MAX / 2 ? ctx->max_body_text * 2 : SIZE_MAX;
	char *text = part_text(ctx, part, html, cap, cut_r);
	char *res;

	if (!html)
		return text;
	res = html_text_from_html(text, strlen(text));
	g_free(text);
	return res;
}

/* A multipart whose boundary never came holds the whole text in its
 * prologue: better that than nothing. */
static char *prologue_text(struct parse_ctx *ctx, GMimeMultipart *multipart)
{
	const char *prologue = g_mime_multipart_get_prologue(multipart);
	size_t len, cap = ctx->max_body_text;

	if (prologue == NULL)
		return NULL;
	len = strnlen(prologue, cap + 1);
	if (len > cap)
		ctx->limits_hit |= MSG_LIMIT_BODY;
	return lines_to_lf(charset_to_utf8(prologue, MIN(len, cap), NULL,
	                                          ctx->fallbacks));
}

struct body_choice {
	bool from_html;
	bool from_forwarded;  /* the text is the forwarded message's */
	GMimePart *part;      /* the part it came from (NULL when forwarded) */
};

static char *forwarded_body(struct parse_ctx *ctx, GMimeMessage *inner,
                            int depth, struct body_choice *choice);

/* The body of a scanned tree: the first non-blank text/plain, else the
 * first non-blank text/html made readable, else the forwarded message's,
 * else the prologue of a multipart without parts. */
static char *scan_body(struct parse_ctx *ctx, const struct tree_scan *scan,
                       struct body_choice *choice)
{
	GMimePart *candidates[2] = { scan->plain, scan->html };
	char *text;

	for (int i = 0; i < 2; i++) {
		bool cut = false;

		if (candidates[i] == NULL)
			continue;
		text = body_part_text(ctx, candidates[i], i == 1, &cut);
		if (!is_blank(text)) {
			choice->from_html = i == 1;
			choice->part = candidates[i];
			if (cut)
				ctx->limits_hit |= MSG_LIMIT_BODY;
			return text;
		}
		g_free(text);
	}
	if (scan->forwarded != NULL) {
		choice->from_forwarded = true;
		return forwarded_body(ctx, scan->forwarded, scan->forwarded_depth, choice);
	}
	if (scan->empty != NULL && (text = prologue_text(ctx, scan->empty)) != NULL) {
		if (!is_blank(text))
			return text;
		g_free(text);
	}
	return g_strdup("");
}

static char *forwarded_body(struct parse_ctx *ctx, GMimeMessage *inner,
                            int depth, struct body_choice *choice)
{
	struct tree_scan scan;
	struct body_choice inner_choice = { 0 };
	char *text;

	tree_scan_init(&scan);
	scan_tree(ctx, &scan, g_mime_message_get_mime_part(inner), depth);
	text = scan_body(ctx, &scan, &inner_choice);
	tree_scan_clear(&scan);
	choice->from_html = inner_choice.from_html;
	return text;
}

/* ---- attachments ---- */

/* Parts that only serve the MIME machinery: the signature of
 * multipart/signed, the version part of multipart/encrypted. */
static bool is_control_part(GMimeObject *obj)
{
	return is_type(obj, "application", "pgp-signature") ||
	       is_type(obj, "application", "pkcs7-signature") ||
	       is_type(obj, "application", "x-pkcs7-signature") ||
	       is_type(obj, "application", "pgp-encrypted");
}

static bool is_attachment(GMimeObject *obj)
{
	if (is_control_part(obj))
		return false;
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
static char *header_param(struct parse_ctx *ctx, GMimeObject *obj,
                          const char *header, const char *param)
{
	const char *raw = raw_header(ctx, obj, header);
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
static char *part_filename(struct parse_ctx *ctx, GMimeObject *obj)
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

static void fill_message_attachment(struct parse_ctx *ctx,
                                    GMimeMessagePart *part,
                                    struct msg_attachment *att)
{
	GMimeMessage *inner = g_mime_message_part_get_message(part);
	const char *subject = inner != NULL ?
	        raw_header(ctx, GMIME_OBJECT(inner), "Subject") : NULL;

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
                             struct parse_ctx *ctx,
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

static char *side_part_text(struct parse_ctx *ctx, GMimeObject *obj)
{
	return part_text(ctx, GMIME_PART(obj), false, SIDE_PART_MAX_BYTES, NULL);
}

static void scan_delivery_status(struct msg_flags *f, struct parse_ctx *ctx,
                                 GMimeObject *obj)
{
	char *text = side_part_text(ctx, obj);
	char *recipient = dsn_final_recipient(text);

	if (recipient != NULL && f->dsn_final_recipient == NULL)
		f->dsn_final_recipient = normalize_address(recipient);
	g_free(recipient);
	set_once(&f->dsn_status, dsn_status(text));
	g_free(text);
}

static char *returned_message_id(struct parse_ctx *ctx, GMimeObject *obj)
{
	if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
		const char *raw = inner != NULL ?
		        raw_header(ctx, GMIME_OBJECT(inner), "Message-ID") : NULL;

		return raw != NULL ? msgid_parse_first(raw) : NULL;
	}
	if (GMIME_IS_PART(obj) && (is_type(obj, "text", "rfc822-headers") ||
	                           is_type(obj, "message", "global-headers"))) {
		char *text = side_part_text(ctx, obj);
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
static void fill_report(struct parsed_message *msg, struct parse_ctx *ctx,
                        GMimeObject *report)
{
	struct msg_flags *f = &msg->flags;
	GMimeMultipart *multipart = GMIME_MULTIPART(report);
	const char *type = g_mime_object_get_content_type_parameter(report, "report-type");
	int n = g_mime_multipart_get_count(multipart);

	f->is_report = true;
	if (type != NULL) {
		char *valid = valid_copy(capped_value(ctx, type));

		f->report_type = g_ascii_strdown(valid, -1);
		g_free(valid);
	}
	for (int i = 0; i < n && (unsigned)i < ctx->max_parts; i++) {
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

/* ---- calendar invitations ---- */

/* An iTIP method as written: a token of letters, digits and dashes,
 * uppercased; NULL when value is none. */
static char *clean_method(const char *value, size_t len)
{
	char *method;

	while (len > 0 && g_ascii_isspace(*value)) {
		value++;
		len--;
	}
	while (len > 0 && g_ascii_isspace(value[len - 1]))
		len--;
	if (len == 0 || len > CALENDAR_METHOD_MAX)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (!g_ascii_isalnum(value[i]) && value[i] != '-')
			return NULL;
	}
	method = g_ascii_strup(value, (gssize)len);
	return method;
}

/* The METHOD property of an iCalendar text (RFC 5545 3.7.2). */
static char *ical_method(const char *text)
{
	for (const char *line = text; line != NULL && *line != '\0';) {
		const char *end = strchr(line, '\n');
		size_t len = end != NULL ? (size_t)(end - line) : strlen(line);

		if (len > 7 && g_ascii_strncasecmp(line, "METHOD:", 7) == 0)
			return clean_method(line + 7, len - 7);
		line = end != NULL ? end + 1 : NULL;
	}
	return NULL;
}

static char *calendar_method(struct parse_ctx *ctx, GMimePart *part)
{
	const char *param = g_mime_object_get_content_type_parameter(
	        GMIME_OBJECT(part), "method");
	char *method = param != NULL ? clean_method(param, strlen(param)) : NULL;
	char *text;

	if (method != NULL)
		return method;
	text = side_part_text(ctx, GMIME_OBJECT(part));
	method = ical_method(text);
	g_free(text);
	return method;
}

/* ---- forwards ---- */

static bool is_short_note(const char *text)
{
	size_t lines = 0;
	bool blank = true;

	/* 500 characters are at most 2,000 bytes: the loop below is short. */
	if (g_utf8_strlen(text, FORWARD_NOTE_MAX_CHARS * 4 + 1) > FORWARD_NOTE_MAX_CHARS)
		return false;
	for (const char *p = text;; p++) {
		if (*p == '\n' || *p == '\0') {
			lines += blank ? 0 : 1;
			blank = true;
			if (*p == '\0')
				break;
		} else if (!g_ascii_isspace(*p)) {
			blank = false;
		}
	}
	return lines <= FORWARD_NOTE_MAX_LINES;
}

/* Outlook writes "Name [mailto:a@b]"; QQ Mail ends with ';'. */
static char *tidy_quoted_from(const char *value)
{
	GString *s = g_string_new(NULL);
	const char *p = value;
	const char *mailto;

	while ((mailto = strstr(p, "[mailto:")) != NULL) {
		const char *close = strchr(mailto, ']');

		if (close == NULL)
			break;
		g_string_append_len(s, p, mailto - p);
		g_string_append_c(s, '<');
		g_string_append_len(s, mailto + 8, close - (mailto + 8));
		g_string_append_c(s, '>');
		p = close + 1;
	}
	g_string_append(s, p);
	g_strstrip(s->str);
	s->len = strlen(s->str);
	while (s->len > 0 && (s->str[s->len - 1] == ';' || s->str[s->len - 1] == ','))
		g_string_truncate(s, s->len - 1);
	if (g_str_has_suffix(s->str, "\xef\xbc\x9b"))  /* full-width ';' */
		g_string_truncate(s, s->len - 3);
	return g_string_free(s, FALSE);
}

static char *strip_quotes(char *name)
{
	size_t len;

	g_strstrip(name);
	len = strlen(name);
	if (len >= 2 && ((name[0] == '"' && name[len - 1] == '"') ||
	                 (name[0] == '\'' && name[len - 1] == '\''))) {
		memmove(name, name + 1, len - 2);
		name[len - 2] = '\0';
		g_strstrip(name);
	}
	return name;
}

/* The sender in a quoted "From:" line: "Name <a@b>", "a@b", or a bare
 * name. Parsed by hand: Outlook's "Smith, John <a@b>" is no address list. */
static void parse_quoted_from(const char *value, struct msg_address *out)
{
	char *tidy = tidy_quoted_from(value);
	const char *open = strrchr(tidy, '<');
	const char *close = open != NULL ? strchr(open, '>') : NULL;
	char *name = NULL, *addr = NULL;

	if (close != NULL && memchr(open, '@', (size_t)(close - open)) != NULL) {
		name = g_strndup(tidy, (gsize)(open - tidy));
		addr = g_strndup(open + 1, (gsize)(close - open - 1));
	} else {
		char **words = g_strsplit_set(tidy, " \t", -1);
		GString *rest = g_string_new(NULL);

		for (size_t i = 0; words[i] != NULL; i++) {
			if (addr == NULL && strchr(words[i], '@') != NULL) {
				addr = g_strdup(words[i]);
				continue;
			}
			if (words[i][0] == '\0')
				continue;
			if (rest->len > 0)
				g_string_append_c(rest, ' ');
			g_string_append(rest, words[i]);
		}
		g_strfreev(words);
		name = g_string_free(rest, FALSE);
	}
	out->name = fold_whitespace(strip_quotes(name), SIZE_MAX);
	out->addr = addr != NULL ? normalize_address(g_strdelimit(addr, "\"'<>()[];,", ' '))
	                         : g_strdup("");
	g_free(name);
	g_free(addr);
	g_free(tidy);
}

/* A forwarded message/rfc822 part (not a delivery report's returned
 * message), when the outer text is at most a short note or the subject
 * says forward. */
static bool fill_attached_forward(struct parsed_message *msg, struct parse_ctx *ctx,
                                  GMimeMessage *attached, bool body_from_attached,
                                  bool forward_subject, const char *note)
{
	const char *subject;

	if (attached == NULL || msg->flags.is_report ||
	    !(body_from_attached || forward_subject || is_short_note(note)))
		return false;
	msg->forwarded = true;
	fill_single_address(ctx, GMIME_OBJECT(attached), "From", &msg->original_from);
	subject = raw_header(ctx, GMIME_OBJECT(attached), "Subject");
	msg->original_subject = subject != NULL ? header_text(ctx, subject) : g_strdup("");
	return true;
}

/* An inline forward ("---------- Forwarded message ---------", "Begin
 * forwarded message:") with its From line, under a short note; or any
 * quoted header block when the subject says forward (Outlook "FW:"). */
static void fill_inline_forward(struct parsed_message *msg,
                                const struct quote_split *split,
                                bool forward_subject)
{
	bool marker = split->history == QUOTE_HISTORY_FORWARD &&
	              (split->nothing_new || is_short_note(split->new_text));
	bool block = forward_subject && split->history == QUOTE_HISTORY_REPLY;

	if (split->quoted_from == NULL || !(marker || block))
		return;
	msg->forwarded = true;
	parse_quoted_from(split->quoted_from, &msg->original_from);
	msg->original_subject = fold_whitespace(
	        split->quoted_subject != NULL ? split->quoted_subject : "", SIZE_MAX);
}

/* body_new, and whether (and what) the message forwards. attached: the
 * first message/rfc822 part, or NULL. */
static void fill_new_text(struct parsed_message *msg, struct parse_ctx *ctx,
                          GMimeMessage *attached, bool body_from_attached)
{
	struct quote_split split;
	bool forward_subject = quote_is_forward_subject(NULL, msg->subject);

	quote_split(NULL, msg->body_text, &split);
	if (!fill_attached_forward(msg, ctx, attached, body_from_attached,
	                           forward_subject, split.new_text))
		fill_inline_forward(msg, &split, forward_subject);
	msg->body_new = split.new_text;
	split.new_text = NULL;
	quote_split_clear(&split);
}

/* ---- the whole message ---- */

static void fill_structure(struct parsed_message *msg, struct parse_ctx *ctx,
                           GMimeMessage *gmsg)
{
	struct tree_scan scan;
	struct body_choice choice = { 0 };

	tree_scan_init(&scan);
	scan_tree(ctx, &scan, g_mime_message_get_mime_part(gmsg), 0);
	msg->body_text = scan_body(ctx, &scan, &choice);
	msg->body_from_html = choice.from_html;
	if (cut_utf8(msg->body_text, ctx->max_body_text))
		ctx->limits_hit |= MSG_LIMIT_BODY;
	fill_attachments(msg, ctx, &scan, choice.part);
	if (scan.calendar != NULL) {
		msg->flags.is_calendar = true;
		msg->flags.calendar_method = calendar_method(ctx, scan.calendar);
	}
	if (scan.report != NULL)
		fill_report(msg, ctx, scan.report);
	if (msg->subject == NULL)
		msg->subject = g_strdup("");
	fill_new_text(msg, ctx, scan.forwarded, choice.from_forwarded);
	tree_scan_clear(&scan);
}

static void fill_from_gmime(struct parsed_message *msg, struct parse_ctx *ctx,
                            GMimeMessage *gmsg)
{
	GMimeObject *obj = GMIME_OBJECT(gmsg);
	const char *subject = raw_header(ctx, obj, "Subject");

	fill_ids(msg, ctx, obj);
	fill_date(msg, ctx, obj);
	fill_addresses(msg, ctx, obj);
	if (subject != NULL)
		msg->subject = header_text(ctx, subject);
	fill_header_flags(msg, ctx, obj);
	fill_structure(msg, ctx, gmsg);
}

/* Not a message at all: the bytes as text, so nothing is lost. */
static void fill_from_bytes(struct parsed_message *msg, struct parse_ctx *ctx,
                            const unsigned char *raw, size_t len)
{
	size_t cap = ctx->max_body_text <= SIZE_MAX / 2 ? ctx->max_body_text * 2 : SIZE_MAX;

	msg->parse_error = g_strdup("not an RFC 5322 message: no header fields");
	msg->body_text = lines_to_lf(
	        charset_to_utf8((const char *)raw, MIN(len, cap), NULL, ctx->fallbacks));
	if (cut_utf8(msg->body_text, ctx->max_body_text) || len > cap)
		ctx->limits_hit |= MSG_LIMIT_BODY;
	msg->subject = g_strdup("");
	fill_new_text(msg, ctx, NULL, false);
}

static char *derived_message_id(const unsigned char *raw, size_t len)
{
	char *hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, raw, len);
	char *id = g_strconcat(hex, DERIVED_ID_SUFFIX, NULL);

	g_free(hex);
	return id;
}

static void empty_address(struct msg_address *a)
{
	if (a->addr != NULL)
		return;
	a->name = g_strdup("");
	a->addr = g_strdup("");
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
	empty_address(&msg->from);
	empty_address(&msg->sender);
	empty_address(&msg->original_from);
	if (msg->subject == NULL)
		msg->subject = g_strdup("");
	if (msg->body_text == NULL)
		msg->body_text = g_strdup("");
	if (msg->body_new == NULL)
		msg->body_new = g_strdup(msg->body_text);
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

/* GMime only reads the bytes, and its parts keep referring to them: lend
 * it the buffer (given back by gmime_bytes_return()) rather than let
 * g_mime_stream_mem_new_with_buffer() copy up to 64 MiB. */
static GByteArray *gmime_bytes_lend(const unsigned char *data, size_t len)
{
	return g_byte_array_new_take((guint8 *)data, len);
}

static void gmime_bytes_return(GByteArray *lent)
{
	g_byte_array_steal(lent, NULL);
	g_byte_array_unref(lent);
}

static GMimeMessage *gmime_parse(GByteArray *bytes, GMimeParserOptions *options)
{
	GMimeStream *stream = g_mime_stream_mem_new_with_byte_array(bytes);
	GMimeParser *parser;
	GMimeMessage *gmsg;

	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(stream), FALSE);
	parser = g_mime_parser_new_with_stream(stream);
	g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
	gmsg = g_mime_parser_construct_message(parser, options);
	g_object_unref(parser);
	g_object_unref(stream);
	return gmsg;
}

static unsigned limit_or(unsigned value, unsigned fallback)
{
	return value != 0 ? value : fallback;
}

static size_t size_limit_or(uint64_t value, size_t fallback)
{
	if (value == 0)
		return fallback;
	return value < SIZE_MAX / 4 ? (size_t)value : SIZE_MAX / 4;
}

static void parse_ctx_init(struct parse_ctx *ctx,
                           const struct message_parse_options *opts)
{
	static const struct message_parse_options defaults = { 0 };

	if (opts == NULL)
		opts = &defaults;
	memset(ctx, 0, sizeof(*ctx));
	ctx->fallbacks = opts->charset_fallbacks != NULL ?
	        opts->charset_fallbacks : charset_default_fallbacks;
	ctx->gopts = gmime_options(ctx->fallbacks);
	ctx->max_depth = limit_or(opts->max_mime_depth, MSG_DEFAULT_MAX_MIME_DEPTH);
	ctx->max_parts = limit_or(opts->max_parts, MSG_DEFAULT_MAX_PARTS);
	ctx->max_header_bytes = size_limit_or(opts->max_header_bytes,
	                                      MSG_DEFAULT_MAX_HEADER_BYTES);
	ctx->max_body_text = size_limit_or(opts->max_body_text, MSG_DEFAULT_MAX_BODY_TEXT);
	ctx->scratch = g_ptr_array_new_with_free_func(g_free);
}

static void parse_ctx_clear(struct parse_ctx *ctx)
{
	g_mime_parser_options_free(ctx->gopts);
	g_ptr_array_free(ctx->scratch, TRUE);
	memset(ctx, 0, sizeof(*ctx));
}

static void guard_input(struct parse_ctx *ctx, const unsigned char *raw, size_t len,
                        struct mime_guard *guard)
{
	const struct mime_guard_limits limits = {
		.max_parts = ctx->max_parts,
		.max_block_fields = MSG_MAX_BLOCK_FIELDS,
		.max_total_fields = MSG_MAX_TOTAL_FIELDS,
		.max_field_bytes = ctx->max_header_bytes,
	};

	mime_guard_apply(raw, len, &limits, guard);
	if (guard->parts_cut)
		ctx->limits_hit |= MSG_LIMIT_PARTS;
	if (guard->fields_dropped || guard->field_cut)
		ctx->limits_hit |= MSG_LIMIT_HEADER;
}

int message_parse(const unsigned char *raw, size_t len,
                  const struct message_parse_options *opts,
                  struct parsed_message **msg_r)
{
	struct parse_ctx ctx;
	struct mime_guard guard;
	struct parsed_message *msg;
	GByteArray *lent;
	GMimeMessage *gmsg;

	if (msg_r == NULL || (raw == NULL && len > 0) || len > G_MAXUINT)
		return -1;
	if (raw == NULL)
		raw = (const unsigned char *)"";
	msg = g_new0(struct parsed_message, 1);
	msg->date = MSG_DATE_NONE;
	parse_ctx_init(&ctx, opts);
	guard_input(&ctx, raw, len, &guard);

	lent = gmime_bytes_lend(guard.data, guard.len);
	gmsg = gmime_parse(lent, ctx.gopts);
	if (gmsg != NULL) {
		fill_from_gmime(msg, &ctx, gmsg);
		g_object_unref(gmsg);
	} else {
		fill_from_bytes(msg, &ctx, raw, len);
	}
	gmime_bytes_return(lent);
	mime_guard_clear(&guard);

	if (msg->parse_error == NULL && (ctx.limits_hit & (MSG_LIMIT_DEPTH | MSG_LIMIT_PARTS)))
		msg->parse_error = g_strdup("MIME structure too deep or with "
		                            "too many parts; the rest was skipped");
	msg->limits_hit = ctx.limits_hit;
	parse_ctx_clear(&ctx);
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
	g_free(f->calendar_method);
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
	address_free(&msg->original_from);
	g_free(msg->original_subject);
	g_free(msg->parse_error);
	g_free(msg);
	*msg_p = NULL;
}
