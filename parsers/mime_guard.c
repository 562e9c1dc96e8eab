/* mime_guard: see mime_guard.h. */
#include "parsers/mime_guard.h"
#include "lib/text.h"

#include <string.h>

struct walk {
	const struct mime_guard_limits *limits;
	struct mime_guard *guard;
	const unsigned char *src;
	size_t src_len;
	GByteArray *out;          /* NULL until the first change */
	bool in_header;
	bool block_is_message;    /* a Content-Type: message/... in this block */
	bool field_is_type;       /* the current field is Content-Type */
	bool dropping;            /* the current field is being dropped */
	unsigned dashes;
	unsigned block_fields;
	unsigned total_fields;    /* fields kept */
	size_t field_bytes;
};

/* Bare CRs (not followed by LF) before the first LF, or in all of it. */
static bool uses_bare_cr(const unsigned char *raw, size_t len)
{
	const unsigned char *lf = memchr(raw, '\n', len);
	size_t upto = lf != NULL ? (size_t)(lf - raw) : len;
	unsigned bare = 0;

	for (size_t i = 0; i < upto && bare < 2; i++) {
		if (raw[i] == '\r' && (i + 1 >= len || raw[i + 1] != '\n'))
			bare++;
	}
	return bare >= 2 || (lf == NULL && bare > 0);
}

static GByteArray *without_bare_cr(const unsigned char *raw, size_t len)
{
	GByteArray *copy = g_byte_array_sized_new((guint)len);

	g_byte_array_append(copy, raw, (guint)len);
	for (size_t i = 0; i < len; i++) {
		if (copy->data[i] == '\r' && (i + 1 >= len || copy->data[i + 1] != '\n'))
			copy->data[i] = '\n';
	}
	return copy;
}

/* From here on the output differs from the input: copy what came before. */
static void start_copy(struct walk *w, size_t upto)
{
	if (w->out != NULL)
		return;
	w->out = g_byte_array_sized_new((guint)MIN(w->src_len, G_MAXUINT));
	g_byte_array_append(w->out, w->src, (guint)upto);
}

static void keep(struct walk *w, size_t start, size_t len)
{
	if (w->out != NULL)
		g_byte_array_append(w->out, w->src + start, (guint)len);
}

/* Keeps at most `allow` bytes of the line, not splitting a UTF-8
 * character, and ends it. */
static void keep_cut(struct walk *w, size_t start, size_t allow)
{
	const unsigned char *p = w->src + start;

	allow = text_cut_point((const char *)p, allow);
	start_copy(w, start);
	g_byte_array_append(w->out, p, (guint)allow);
	g_byte_array_append(w->out, (const guint8 *)"\n", 1);
	w->guard->field_cut = true;
	w->dropping = true;
}

static bool has_prefix_ci(const unsigned char *p, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && g_ascii_strncasecmp((const char *)p, prefix, n) == 0;
}

static bool contains_ci(const unsigned char *p, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= len; i++) {
		if (g_ascii_strncasecmp((const char *)p + i, needle, n) == 0)
			return true;
	}
	return false;
}

/* "Name: value", as GMime takes it: a colon, and no blank inside the name
 * before it. GMime skips other lines of a header block. */
static bool is_field_line(const unsigned char *p, size_t len)
{
	const unsigned char *colon = memchr(p, ':', len);
	bool blank_seen = false;

	if (colon == NULL)
		return false;
	for (const unsigned char *q = p; q < colon; q++) {
		if (*q == ' ' || *q == '\t')
			blank_seen = true;
		else if (blank_seen)
			return false;
	}
	return true;
}

static void note_message_type(struct walk *w, const unsigned char *p, size_t len)
{
	if (w->field_is_type && contains_ci(p, len, "message/"))
		w->block_is_message = true;
}

/* One line of a header block: [start, start+len), content_len without
 * the line break. */
static void header_line(struct walk *w, size_t start, size_t len, size_t content_len)
{
	const unsigned char *p = w->src + start;
	const struct mime_guard_limits *limits = w->limits;
	size_t name_len = 0;  /* "Name:" is not part of the value */

	if (content_len == 0) {
		/* The body of a message/rfc822 part is a message: headers again. */
		w->in_header = w->block_is_message;
		w->block_is_message = false;
		w->block_fields = 0;
		w->dropping = false;
		keep(w, start, len);
		return;
	}
	if (p[0] == ' ' || p[0] == '\t') {
		if (w->dropping) {
			start_copy(w, start);
			return;
		}
	} else if (!is_field_line(p, content_len)) {
		w->dropping = false;
		w->field_is_type = false;
		keep(w, start, len);
		return;
	} else {
		name_len = (size_t)((const unsigned char *)memchr(p, ':', content_len) - p) + 1;
		w->block_fields++;
		w->field_bytes = 0;
		w->field_is_type = has_prefix_ci(p, content_len, "content-type");
		w->dropping = w->block_fields > limits->max_block_fields ||
		              w->total_fields >= limits->max_total_fields;
		if (!w->dropping)
			w->total_fields++;
		if (w->dropping) {
			w->guard->fields_dropped = true;
			start_copy(w, start);
			return;
		}
	}
	if (w->field_bytes + (content_len - name_len) > limits->max_field_bytes) {
		size_t allow = name_len + limits->max_field_bytes - w->field_bytes;

		note_message_type(w, p, allow);
		w->field_bytes = limits->max_field_bytes;
		keep_cut(w, start, allow);
		return;
	}
	w->field_bytes += content_len - name_len;
	note_message_type(w, p, content_len);
	keep(w, start, len);
}

/* Returns false when the input is cut here. */
static bool walk_line(struct walk *w, size_t start, size_t len)
{
	const unsigned char *p = w->src + start;
	size_t content_len = len;

	if (content_len > 0 && p[content_len - 1] == '\n')
		content_len--;
	if (content_len > 0 && p[content_len - 1] == '\r')
		content_len--;
	if (content_len >= 2 && p[0] == '-' && p[1] == '-') {
		if (++w->dashes > w->limits->max_parts) {
			w->guard->parts_cut = true;
			return false;
		}
		w->in_header = true;
		w->block_is_message = false;
		w->block_fields = 0;
		w->dropping = false;
		keep(w, start, len);
		return true;
	}
	if (w->in_header)
		header_line(w, start, len, content_len);
	else
		keep(w, start, len);
	return true;
}

void mime_guard_apply(const unsigned char *raw, size_t len,
                      const struct mime_guard_limits *limits,
                      struct mime_guard *guard_r)
{
	struct walk w = { .limits = limits, .guard = guard_r, .in_header = true };
	GByteArray *crlf = NULL;
	size_t pos = 0, end = len;

	memset(guard_r, 0, sizeof(*guard_r));
	w.src = raw;
	w.src_len = len;
	if (len > 0 && uses_bare_cr(raw, len)) {
		crlf = without_bare_cr(raw, len);
		guard_r->bare_cr = true;
		w.src = crlf->data;
	}
	while (pos < len) {
		const unsigned char *lf = memchr(w.src + pos, '\n', len - pos);
		size_t line_len = lf != NULL ? (size_t)(lf - (w.src + pos)) + 1 : len - pos;

		if (!walk_line(&w, pos, line_len)) {
			end = pos;
			break;
		}
		pos += line_len;
	}
	if (w.out != NULL) {
		if (crlf != NULL)
			g_byte_array_unref(crlf);
		guard_r->copy = w.out;
		guard_r->data = w.out->data;
		guard_r->len = w.out->len;
	} else {
		guard_r->copy = crlf;
		guard_r->data = w.src;
		guard_r->len = end;
	}
}

void mime_guard_clear(struct mime_guard *guard)
{
	if (guard->copy != NULL)
		g_byte_array_unref(guard->copy);
	memset(guard, 0, sizeof(*guard));
}
