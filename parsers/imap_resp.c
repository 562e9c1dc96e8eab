/*
 * imap_resp: see imap_resp.h.
 *
 * A recursive-descent parser over a cursor that never looks past len.
 * Running out of bytes is not an error but "need more": the parse is
 * abandoned and simply redone from the start of the response once more
 * bytes have arrived. That keeps the parser stateless between calls; the
 * cost is re-reading the non-literal part of the response (bounded by
 * max_line), while literal contents are never scanned, only skipped over,
 * and the hint returned points past a literal whose header has been seen.
 *
 * Every byte outside literals is read through peek_at(), which is where
 * max_line, max_response and the end of the buffer are enforced. Any byte
 * it is asked for is part of the response (nothing looks beyond the final
 * CRLF), so a prefix of a valid response always gives NEED_MORE and never
 * an error.
 */
#include "parsers/imap_resp.h"

#include <glib.h>
#include <limits.h>
#include <string.h>

#define IMAP_DEFAULT_MAX_LINE ((size_t)64 * 1024)
#define IMAP_DEFAULT_MAX_LITERAL ((size_t)64 * 1024 * 1024)
/* "dd-Mon-yyyy hh:mm:ss +zzzz" is 26 bytes; anything longer is invalid. */
#define IMAP_DATE_MAX 32

enum parser_state {
	PARSER_RUNNING = 0,
	PARSER_NEED_MORE,
	PARSER_FAILED,
};

struct parser {
	const unsigned char *buf;
	size_t len;
	size_t pos;
	/* Literal contents consumed so far: they do not count against max_line. */
	size_t literal_bytes;
	size_t max_line;
	size_t max_literal;
	size_t max_response;

	enum parser_state state;
	size_t need;             /* PARSER_NEED_MORE: least useful total length */
	const char *error;       /* PARSER_FAILED: static text */
	struct imap_response *resp;
};

/* A run of bytes inside the buffer. */
struct span {
	size_t start;
	size_t len;
};

static int parser_fail(struct parser *p, const char *error)
{
	p->state = PARSER_FAILED;
	p->error = error;
	return -1;
}

static int parser_need_more(struct parser *p, size_t total)
{
	if (total > p->max_response)
		return parser_fail(p, "response too large");
	p->state = PARSER_NEED_MORE;
	p->need = total;
	return -1;
}

/* The byte offset bytes ahead of the cursor, without consuming it. */
static int peek_at(struct parser *p, size_t offset, unsigned char *c_r)
{
	size_t at = p->pos + offset;

	if (at - p->literal_bytes >= p->max_line)
		return parser_fail(p, "line too long");
	if (at >= p->max_response)
		return parser_fail(p, "response too large");
	if (at >= p->len)
		return parser_need_more(p, p->len + 1);
	*c_r = p->buf[at];
	return 0;
}

static int peek(struct parser *p, unsigned char *c_r)
{
	return peek_at(p, 0, c_r);
}

static int expect_char(struct parser *p, unsigned char want, const char *error)
{
	unsigned char c;

	if (peek(p, &c) < 0)
		return -1;
	if (c != want)
		return parser_fail(p, error);
	p->pos++;
	return 0;
}

/* CRLF, strictly: a bare LF or CR is an error rather than something to wait
 * on, so a server with broken line ends is noticed at once. */
static int expect_crlf(struct parser *p, const char *error)
{
	unsigned char c;

	if (peek(p, &c) < 0)
		return -1;
	if (c == '\n')
		return parser_fail(p, "bare LF");
	if (c != '\r')
		return parser_fail(p, error);
	p->pos++;
	if (peek(p, &c) < 0)
		return -1;
	if (c != '\n')
		return parser_fail(p, "bare CR");
	p->pos++;
	return 0;
}

static int skip_spaces(struct parser *p)
{
	unsigned char c;

	for (;;) {
		if (peek(p, &c) < 0)
			return -1;
		if (c != ' ')
			return 0;
		p->pos++;
	}
}

/* Trailing spaces are tolerated: some servers send them. */
static int end_of_line(struct parser *p, const char *error)
{
	if (skip_spaces(p) < 0)
		return -1;
	return expect_crlf(p, error);
}

static bool is_atom_char(unsigned char c)
{
	if (c <= 0x20 || c >= 0x7f)
		return false;
	return strchr("(){%*\"\\]", c) == NULL;
}

/* A tag is any ASTRING-CHAR except "+". */
static bool is_tag_char(unsigned char c)
{
	return (is_atom_char(c) || c == ']') && c != '+';
}

/* FETCH item names stop at "[" (the section) as well. */
static bool is_att_name_char(unsigned char c)
{
	return is_atom_char(c) && c != '[';
}

/* Flags are atoms or "\" atom; 8-bit bytes are let through for servers
 * that allow UTF-8 keywords. */
static bool is_flag_char(unsigned char c)
{
	return is_atom_char(c) || c == '\\' || c == '*' || c >= 0x80;
}

/* Anything that can make up an atom-like value being skipped. */
static bool is_value_char(unsigned char c)
{
	if (c <= 0x20 || c == 0x7f)
		return false;
	return c != '(' && c != ')' && c != '"';
}

static int read_token(struct parser *p, bool (*is_char)(unsigned char),
                      struct span *token_r)
{
	unsigned char c;

	token_r->start = p->pos;
	for (;;) {
		if (peek(p, &c) < 0)
			return -1;
		if (!is_char(c))
			break;
		p->pos++;
	}
	token_r->len = p->pos - token_r->start;
	return 0;
}

static bool token_is(const struct parser *p, const struct span *token,
                     const char *word)
{
	return token->len == strlen(word) &&
	       g_ascii_strncasecmp((const char *)p->buf + token->start, word,
	                           token->len) == 0;
}

static int read_number(struct parser *p, uint64_t max, uint64_t *value_r,
                       const char *error)
{
	uint64_t value = 0;
	size_t digits = 0;
	unsigned char c;

	for (;;) {
		if (peek(p, &c) < 0)
			return -1;
		if (!g_ascii_isdigit(c))
			break;
		if (value > (max - (uint64_t)(c - '0')) / 10)
			return parser_fail(p, error);
		value = value * 10 + (uint64_t)(c - '0');
		digits++;
		p->pos++;
	}
	if (digits == 0)
		return parser_fail(p, error);
	*value_r = value;
	return 0;
}

static int read_u32(struct parser *p, uint32_t *value_r, const char *error)
{
	uint64_t value;

	if (read_number(p, UINT32_MAX, &value, error) < 0)
		return -1;
	*value_r = (uint32_t)value;
	return 0;
}

static int take_literal(struct parser *p, uint64_t size, struct span *contents_r)
{
	if (size > p->max_response || p->pos > p->max_response - size)
		return parser_fail(p, "response too large");
	if (p->len - p->pos < size)
		return parser_need_more(p, p->pos + (size_t)size);
	contents_r->start = p->pos;
	contents_r->len = (size_t)size;
	p->pos += (size_t)size;
	p->literal_bytes += (size_t)size;
	return 0;
}

/* At "{" or "~{" (literal8, RFC 3516): when a literal header
 * ("{" number ["+"] "}" CRLF) follows, consumes it and the contents and
 * returns 1. Returns 0, consuming nothing, when it is something else. */
static int try_literal(struct parser *p, struct span *contents_r)
{
	uint64_t size = 0;
	bool too_large = false;
	size_t offset = 0, digits = 0;
	unsigned char c;

	if (peek_at(p, offset, &c) < 0)
		return -1;
	if (c == '~') {
		if (peek_at(p, ++offset, &c) < 0)
			return -1;
	}
	if (c != '{')
		return 0;
	for (;;) {
		if (peek_at(p, ++offset, &c) < 0)
			return -1;
		if (!g_ascii_isdigit(c))
			break;
		digits++;
		/* Keep counting digits, but stop growing: only once the
		 * header is complete do we know this was a literal at all. */
		if (size > p->max_literal || size > (UINT64_MAX - 9) / 10)
			too_large = true;
		else
			size = size * 10 + (uint64_t)(c - '0');
	}
	if (digits == 0)
		return 0;
	if (c == '+' && peek_at(p, ++offset, &c) < 0)
		return -1;
	if (c != '}')
		return 0;
	if (peek_at(p, ++offset, &c) < 0)
		return -1;
	if (c != '\r')
		return 0;
	if (peek_at(p, ++offset, &c) < 0)
		return -1;
	if (c != '\n')
		return 0;
	if (too_large || size > p->max_literal)
		return parser_fail(p, "literal too large");
	p->pos += offset + 1;
	if (take_literal(p, size, contents_r) < 0)
		return -1;
	return 1;
}

/* At '"': the raw contents, backslash escapes still in. */
static int read_quoted(struct parser *p, struct span *raw_r, bool *escaped_r)
{
	unsigned char c;

	*escaped_r = false;
	p->pos++;
	raw_r->start = p->pos;
	for (;;) {
		if (peek(p, &c) < 0)
			return -1;
		if (c == '"')
			break;
		if (c == '\\') {
			*escaped_r = true;
			p->pos++;
			if (peek(p, &c) < 0)
				return -1;
		}
		if (c == '\r' || c == '\n')
			return parser_fail(p, "unterminated quoted string");
		p->pos++;
	}
	raw_r->len = p->pos - raw_r->start;
	p->pos++;
	return 0;
}

/* Writes the unescaped form of a quoted string's raw contents to out (at
 * least raw_len bytes); returns its length. */
static size_t unescape_quoted(const unsigned char *raw, size_t raw_len,
                              unsigned char *out)
{
	size_t i, n = 0;

	for (i = 0; i < raw_len; i++) {
		if (raw[i] == '\\' && i + 1 < raw_len)
			i++;
		out[n++] = raw[i];
	}
	return n;
}

/* One non-list value: quoted string, literal or atom-like token. */
static int skip_item(struct parser *p)
{
	struct span span;
	bool escaped;
	unsigned char c;
	int ret;

	if (peek(p, &c) < 0)
		return -1;
	if (c == '"')
		return read_quoted(p, &span, &escaped);
	if (c == '{' || c == '~') {
		ret = try_literal(p, &span);
		if (ret != 0)
			return ret < 0 ? -1 : 0;
	}
	if (read_token(p, is_value_char, &span) < 0)
		return -1;
	if (span.len == 0) {
		return parser_fail(p, c == '\r' || c == '\n' ?
		                      "unexpected end of line" : "malformed value");
	}
	return 0;
}

/* Skips one value of any shape (atom, number, NIL, string, literal, or a
 * list nested to any depth). Iterative, so hostile nesting cannot exhaust
 * the stack; max_line bounds the work. */
static int skip_value(struct parser *p)
{
	size_t depth = 0;
	unsigned char c;

	for (;;) {
		if (peek(p, &c) < 0)
			return -1;
		if (c == '(') {
			depth++;
			p->pos++;
			continue;
		}
		if (depth > 0 && c == ')') {
			p->pos++;
			if (--depth == 0)
				return 0;
			continue;
		}
		if (depth > 0 && c == ' ') {
			p->pos++;
			continue;
		}
		if (skip_item(p) < 0)
			return -1;
		if (depth == 0)
			return 0;
	}
}

/* Untagged data followupd does not use: skipped up to the final CRLF, with
 * quoted strings and literals honoured so that neither can end it early. */
static int skip_rest_of_line(struct parser *p)
{
	struct span span;
	bool escaped;
	unsigned char c;
	int ret;

	for (;;) {
		if (peek(p, &c) < 0)
			return -1;
		if (c == '\r' || c == '\n')
			return expect_crlf(p, "malformed line end");
		if (c == '"') {
			if (read_quoted(p, &span, &escaped) < 0)
				return -1;
		} else if (c == '{' || c == '~') {
			ret = try_literal(p, &span);
			if (ret < 0)
				return -1;
			if (ret == 0)
				p->pos++;
		} else {
			p->pos++;
		}
	}
}

/* Free text up to CRLF, kept (truncated, printable) in resp->text. */
static int read_text(struct parser *p)
{
	char *text = p->resp->text;
	size_t n = 0;
	unsigned char c;

	for (;;) {
		if (peek(p, &c) < 0)
			return -1;
		if (c == '\r' || c == '\n')
			break;
		if (n + 1 < sizeof(p->resp->text))
			text[n++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
		p->pos++;
	}
	text[n] = '\0';
	return expect_crlf(p, "malformed line end");
}

static int parse_number_code(struct parser *p, bool *has_r, uint32_t *value_r,
                             const char *error)
{
	if (expect_char(p, ' ', error) < 0 ||
	    read_u32(p, value_r, error) < 0 ||
	    expect_char(p, ']', error) < 0)
		return -1;
	*has_r = true;
	return 0;
}

/* Capability atoms from the cursor up to stop, noting IDLE when the list
 * does end there (a "[CAPABILITY" without "]" is text, not a code). The
 * cursor ends where it began, so the list can be read again as text. */
static int scan_capabilities(struct parser *p, unsigned char stop)
{
	size_t start = p->pos;
	bool idle = false;
	struct span atom;
	unsigned char c;

	for (;;) {
		if (skip_spaces(p) < 0 || peek(p, &c) < 0)
			return -1;
		if (c == stop || c == '\r' || c == '\n')
			break;
		if (read_token(p, is_atom_char, &atom) < 0)
			return -1;
		if (atom.len == 0)
			p->pos++;         /* not an atom: left to the text */
		else if (token_is(p, &atom, "IDLE"))
			idle = true;
	}
	if (c == stop)
		p->resp->has_idle = p->resp->has_idle || idle;
	p->pos = start;
	return 0;
}

/* At "[": a response code. The ones followupd uses are parsed strictly;
 * others are skipped to "]". Returns 1 when a code was consumed. With no
 * "]" before the line ends it was not a code after all: returns 0 with the
 * cursor back at "[", and it all becomes text. */
static int parse_resp_code(struct parser *p)
{
	struct imap_response *resp = p->resp;
	size_t bracket = p->pos;
	struct span name;
	unsigned char c;

	p->pos++;
	if (read_token(p, is_atom_char, &name) < 0)
		return -1;
	if (token_is(p, &name, "UIDVALIDITY")) {
		return parse_number_code(p, &resp->has_uidvalidity,
		                         &resp->uidvalidity,
		                         "malformed UIDVALIDITY") < 0 ? -1 : 1;
	}
	if (token_is(p, &name, "UIDNEXT")) {
		return parse_number_code(p, &resp->has_uidnext, &resp->uidnext,
		                         "malformed UIDNEXT") < 0 ? -1 : 1;
	}
	if (token_is(p, &name, "CAPABILITY") && scan_capabilities(p, ']') < 0)
		return -1;
	for (;;) {
		if (peek(p, &c) < 0)
			return -1;
		if (c == ']')
			break;
		if (c == '\r' || c == '\n') {
			p->pos = bracket;
			return 0;
		}
		p->pos++;
	}
	p->pos++;
	if (token_is(p, &name, "READ-ONLY"))
		resp->read_only = true;
	else if (token_is(p, &name, "READ-WRITE"))
		resp->read_only = false;
	return 1;
}

/* After a status word or "+": [SP ["[" code "]" [SP]] text] CRLF. */
static int parse_resp_text(struct parser *p)
{
	unsigned char c;
	int ret;

	if (peek(p, &c) < 0)
		return -1;
	if (c == '\r' || c == '\n')
		return expect_crlf(p, "malformed line end");
	if (c != ' ')
		return parser_fail(p, "malformed status response");
	p->pos++;
	if (peek(p, &c) < 0)
		return -1;
	if (c == '[') {
		ret = parse_resp_code(p);
		if (ret < 0 || peek(p, &c) < 0)
			return -1;
		if (ret > 0 && c == ' ')
			p->pos++;
	}
	return read_text(p);
}

/* At "(": a flag list; *seen_r (may be NULL) says whether \Seen is in it. */
static int parse_flag_list(struct parser *p, bool *seen_r)
{
	struct span flag;
	unsigned char c;

	if (expect_char(p, '(', "malformed FLAGS") < 0)
		return -1;
	for (;;) {
		if (skip_spaces(p) < 0 || peek(p, &c) < 0)
			return -1;
		if (c == ')')
			break;
		if (read_token(p, is_flag_char, &flag) < 0)
			return -1;
		if (flag.len == 0)
			return parser_fail(p, "malformed FLAGS");
		if (seen_r != NULL && token_is(p, &flag, "\\Seen"))
			*seen_r = true;
	}
	p->pos++;
	return 0;
}

/* nstring: a quoted string, a literal, or NIL (*present_r false). */
static int read_nstring(struct parser *p, bool *present_r, struct span *value_r,
                        bool *escaped_r)
{
	struct span token;
	unsigned char c;
	int ret;

	*present_r = false;
	*escaped_r = false;
	if (peek(p, &c) < 0)
		return -1;
	if (c == '"') {
		*present_r = true;
		return read_quoted(p, value_r, escaped_r);
	}
	if (c == '{' || c == '~') {
		ret = try_literal(p, value_r);
		if (ret < 0)
			return -1;
		if (ret == 0)
			return parser_fail(p, "malformed literal");
		*present_r = true;
		return 0;
	}
	if (read_token(p, is_atom_char, &token) < 0)
		return -1;
	if (!token_is(p, &token, "NIL"))
		return parser_fail(p, "expected string or NIL");
	return 0;
}

static int64_t days_before_year(int64_t year)
{
	int64_t y = year - 1;

	return y * 365 + y / 4 - y / 100 + y / 400;
}

static bool is_leap_year(int64_t year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Reads exactly n digits at *s. */
static bool date_digits(const char **s, const char *end, size_t n, int *value_r)
{
	int value = 0;
	size_t i;

	if ((size_t)(end - *s) < n)
		return false;
	for (i = 0; i < n; i++) {
		if (!g_ascii_isdigit((*s)[i]))
			return false;
		value = value * 10 + ((*s)[i] - '0');
	}
	*s += n;
	*value_r = value;
	return true;
}

static bool date_char(const char **s, const char *end, char want)
{
	if (*s >= end || **s != want)
		return false;
	(*s)++;
	return true;
}

static bool date_month(const char **s, const char *end, int *month_r)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	int m;

	if (end - *s < 3)
		return false;
	for (m = 0; m < 12; m++) {
		if (g_ascii_strncasecmp(*s, names + 3 * m, 3) == 0) {
			*s += 3;
			*month_r = m + 1;
			return true;
		}
	}
	return false;
}

/* date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time
 * SP zone DQUOTE (RFC 3501), contents only; a day without its padding
 * space is accepted too. By hand, so that no locale is involved. */
static bool parse_internaldate(const char *s, size_t len, int64_t *time_r)
{
	static const int month_days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	static const int days_before_month[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
	};
	const char *end = s + len;
	int day, month, year, hour, min, sec, zone_hour, zone_min, last_day;
	int64_t days, zone;
	char sign;

	if (s < end && *s == ' ')
		s++;
	if (!date_digits(&s, end, 2, &day) && !date_digits(&s, end, 1, &day))
		return false;
	if (!date_char(&s, end, '-') || !date_month(&s, end, &month) ||
	    !date_char(&s, end, '-') || !date_digits(&s, end, 4, &year) ||
	    !date_char(&s, end, ' ') || !date_digits(&s, end, 2, &hour) ||
	    !date_char(&s, end, ':') || !date_digits(&s, end, 2, &min) ||
	    !date_char(&s, end, ':') || !date_digits(&s, end, 2, &sec) ||
	    !date_char(&s, end, ' ') || s >= end)
		return false;
	sign = *s++;
	if ((sign != '+' && sign != '-') ||
	    !date_digits(&s, end, 2, &zone_hour) ||
	    !date_digits(&s, end, 2, &zone_min) || s != end)
		return false;

	last_day = month_days[month - 1] + (month == 2 && is_leap_year(year));
	if (year < 1 || day < 1 || day > last_day || hour > 23 || min > 59 ||
	    sec > 60 || zone_min > 59)
		return false;

	days = days_before_year(year) - days_before_year(1970) +
	       days_before_month[month - 1] + (month > 2 && is_leap_year(year)) +
	       day - 1;
	zone = (int64_t)zone_hour * 3600 + zone_min * 60;
	/* The zone is local minus UTC: subtract it to get UTC. */
	*time_r = days * 86400 + hour * 3600 + min * 60 + sec -
	          (sign == '+' ? zone : -zone);
	return true;
}

static int parse_internaldate_att(struct parser *p)
{
	struct imap_fetch *fetch = &p->resp->fetch;
	unsigned char raw[IMAP_DATE_MAX];
	struct span value;
	bool present, escaped;
	size_t n;

	if (read_nstring(p, &present, &value, &escaped) < 0)
		return -1;
	/* A date we cannot read is left out rather than failing the whole
	 * message: the daemon can fall back to the Date header. */
	if (!present || value.len > sizeof(raw))
		return 0;
	if (escaped) {
		n = unescape_quoted(p->buf + value.start, value.len, raw);
	} else {
		memcpy(raw, p->buf + value.start, value.len);
		n = value.len;
	}
	fetch->has_internaldate =
		parse_internaldate((const char *)raw, n, &fetch->internaldate);
	return 0;
}

static int parse_body_att(struct parser *p)
{
	struct imap_fetch *fetch = &p->resp->fetch;
	struct span value;
	bool present, escaped;

	if (read_nstring(p, &present, &value, &escaped) < 0)
		return -1;
	/* NIL is an absent body; of several body items the first is kept. */
	if (!present || fetch->has_body)
		return 0;
	fetch->has_body = true;
	if (!escaped) {
		fetch->body = p->buf + value.start;
		fetch->body_len = value.len;
		return 0;
	}
	fetch->body_unescaped = g_malloc(value.len + 1);
	fetch->body_len = unescape_quoted(p->buf + value.start, value.len,
	                                  fetch->body_unescaped);
	fetch->body = fetch->body_unescaped;
	return 0;
}

/* At "[" after an item name: skipped up to the matching "]"; a section
 * spec may contain spaces, lists and quoted header names. */
static int skip_section(struct parser *p)
{
	struct span span;
	bool escaped;
	unsigned char c;

	p->pos++;
	for (;;) {
		if (peek(p, &c) < 0)
			return -1;
		if (c == ']')
			break;
		if (c == '\r' || c == '\n')
			return parser_fail(p, "unterminated section");
		if (c == '"') {
			if (read_quoted(p, &span, &escaped) < 0)
				return -1;
		} else {
			p->pos++;
		}
	}
	p->pos++;
	return 0;
}

static bool is_body_att(const struct parser *p, const struct span *name,
                        bool has_section)
{
	if (has_section) {
		return token_is(p, name, "BODY") ||
		       token_is(p, name, "BODY.PEEK") ||
		       token_is(p, name, "BINARY") ||
		       token_is(p, name, "BINARY.PEEK");
	}
	return token_is(p, name, "RFC822") ||
	       token_is(p, name, "RFC822.HEADER") ||
	       token_is(p, name, "RFC822.TEXT");
}

static int parse_fetch_att(struct parser *p)
{
	struct imap_fetch *fetch = &p->resp->fetch;
	bool has_section = false;
	struct span name;
	uint64_t origin;
	unsigned char c;

	if (read_token(p, is_att_name_char, &name) < 0)
		return -1;
	if (name.len == 0)
		return parser_fail(p, "malformed FETCH item");
	if (peek(p, &c) < 0)
		return -1;
	if (c == '[') {
		has_section = true;
		if (skip_section(p) < 0 || peek(p, &c) < 0)
			return -1;
		if (c == '<') {
			p->pos++;
			if (read_number(p, UINT64_MAX, &origin,
			                "malformed FETCH origin") < 0 ||
			    expect_char(p, '>', "malformed FETCH origin") < 0)
				return -1;
		}
	}
	if (expect_char(p, ' ', "malformed FETCH item") < 0)
		return -1;

	if (!has_section && token_is(p, &name, "UID")) {
		if (read_u32(p, &fetch->uid, "malformed UID") < 0)
			return -1;
		fetch->has_uid = true;
		return 0;
	}
	if (!has_section && token_is(p, &name, "RFC822.SIZE")) {
		if (read_number(p, UINT64_MAX, &fetch->rfc822_size,
		                "malformed RFC822.SIZE") < 0)
			return -1;
		fetch->has_size = true;
		return 0;
	}
	if (!has_section && token_is(p, &name, "INTERNALDATE"))
		return parse_internaldate_att(p);
	if (!has_section && token_is(p, &name, "FLAGS")) {
		fetch->has_flags = true;
		return parse_flag_list(p, &fetch->seen);
	}
	if (is_body_att(p, &name, has_section))
		return parse_body_att(p);
	return skip_value(p);
}

/* After "* N FETCH". */
static int parse_fetch(struct parser *p)
{
	unsigned char c;

	p->resp->data = IMAP_DATA_FETCH;
	if (expect_char(p, ' ', "malformed FETCH") < 0 ||
	    expect_char(p, '(', "malformed FETCH") < 0)
		return -1;
	for (;;) {
		if (skip_spaces(p) < 0 || peek(p, &c) < 0)
			return -1;
		if (c == ')')
			break;
		if (parse_fetch_att(p) < 0 || peek(p, &c) < 0)
			return -1;
		if (c != ' ' && c != ')')
			return parser_fail(p, "malformed FETCH item");
	}
	p->pos++;
	return end_of_line(p, "junk after FETCH");
}

/* After "* SEARCH": numbers, possibly followed by a CONDSTORE
 * "(MODSEQ n)", which is skipped. */
static int parse_search(struct parser *p)
{
	GArray *numbers = g_array_new(false, false, sizeof(uint32_t));
	uint32_t number;
	unsigned char c;
	int ret = -1;

	p->resp->data = IMAP_DATA_SEARCH;
	for (;;) {
		if (peek(p, &c) < 0)
			goto out;
		if (c == '\r' || c == '\n')
			break;
		if (c == ' ') {
			p->pos++;
		} else if (c == '(') {
			if (skip_value(p) < 0)
				goto out;
		} else {
			if (read_u32(p, &number, "malformed SEARCH") < 0)
				goto out;
			g_array_append_val(numbers, number);
		}
	}
	if (expect_crlf(p, "malformed line end") < 0)
		goto out;
	p->resp->n_search = numbers->len;
	if (numbers->len > 0)
		p->resp->search = (uint32_t *)(void *)g_array_free(numbers, false);
	else
		g_array_free(numbers, true);
	numbers = NULL;
	ret = 0;
out:
	if (numbers != NULL)
		g_array_free(numbers, true);
	return ret;
}

/* After "* N ". */
static int parse_numbered_data(struct parser *p)
{
	struct imap_response *resp = p->resp;
	struct span word;

	if (read_u32(p, &resp->number, "malformed message number") < 0 ||
	    expect_char(p, ' ', "malformed untagged response") < 0 ||
	    read_token(p, is_atom_char, &word) < 0)
		return -1;
	if (token_is(p, &word, "FETCH"))
		return parse_fetch(p);
	if (token_is(p, &word, "EXISTS"))
		resp->data = IMAP_DATA_EXISTS;
	else if (token_is(p, &word, "RECENT"))
		resp->data = IMAP_DATA_RECENT;
	else if (token_is(p, &word, "EXPUNGE"))
		resp->data = IMAP_DATA_EXPUNGE;
	else {
		resp->data = IMAP_DATA_OTHER;
		return skip_rest_of_line(p);
	}
	return end_of_line(p, "junk after untagged data");
}

static bool status_word(const struct parser *p, const struct span *word,
                        enum imap_resp_status *status_r)
{
	static const struct {
		const char *word;
		enum imap_resp_status status;
	} words[] = {
		{ "OK", IMAP_STATUS_OK },
		{ "NO", IMAP_STATUS_NO },
		{ "BAD", IMAP_STATUS_BAD },
		{ "PREAUTH", IMAP_STATUS_PREAUTH },
		{ "BYE", IMAP_STATUS_BYE },
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(words); i++) {
		if (token_is(p, word, words[i].word)) {
			*status_r = words[i].status;
			return true;
		}
	}
	return false;
}

/* After "* ". */
static int parse_untagged(struct parser *p)
{
	struct imap_response *resp = p->resp;
	struct span word;
	unsigned char c;

	resp->kind = IMAP_RESP_UNTAGGED;
	if (peek(p, &c) < 0)
		return -1;
	if (g_ascii_isdigit(c))
		return parse_numbered_data(p);
	if (read_token(p, is_atom_char, &word) < 0)
		return -1;
	if (word.len == 0)
		return parser_fail(p, "malformed untagged response");
	if (status_word(p, &word, &resp->status))
		return parse_resp_text(p);
	if (token_is(p, &word, "FLAGS")) {
		resp->data = IMAP_DATA_FLAGS;
		if (expect_char(p, ' ', "malformed FLAGS") < 0 ||
		    parse_flag_list(p, NULL) < 0)
			return -1;
		return end_of_line(p, "junk after FLAGS");
	}
	if (token_is(p, &word, "CAPABILITY")) {
		resp->data = IMAP_DATA_CAPABILITY;
		if (peek(p, &c) < 0)
			return -1;
		if (c == ' ')
			p->pos++;
		if (scan_capabilities(p, '\r') < 0)
			return -1;
		return read_text(p);
	}
	if (token_is(p, &word, "SEARCH"))
		return parse_search(p);
	resp->data = IMAP_DATA_OTHER;
	return skip_rest_of_line(p);
}

static int parse_tagged(struct parser *p)
{
	struct imap_response *resp = p->resp;
	struct span tag, word;

	resp->kind = IMAP_RESP_TAGGED;
	if (read_token(p, is_tag_char, &tag) < 0)
		return -1;
	if (tag.len == 0)
		return parser_fail(p, "malformed response");
	if (tag.len >= sizeof(resp->tag))
		return parser_fail(p, "tag too long");
	memcpy(resp->tag, p->buf + tag.start, tag.len);
	resp->tag[tag.len] = '\0';
	if (expect_char(p, ' ', "malformed tagged response") < 0 ||
	    read_token(p, is_atom_char, &word) < 0)
		return -1;
	if (!status_word(p, &word, &resp->status) ||
	    resp->status == IMAP_STATUS_PREAUTH || resp->status == IMAP_STATUS_BYE)
		return parser_fail(p, "malformed tagged status");
	return parse_resp_text(p);
}

static int parse_response(struct parser *p)
{
	unsigned char c;

	if (peek(p, &c) < 0)
		return -1;
	if (c == '*') {
		p->pos++;
		if (expect_char(p, ' ', "malformed untagged response") < 0)
			return -1;
		return parse_untagged(p);
	}
	if (c == '+') {
		p->resp->kind = IMAP_RESP_CONTINUATION;
		p->pos++;
		return parse_resp_text(p);
	}
	return parse_tagged(p);
}

static size_t limit_or_default(const struct imap_resp_limits *limits,
                               size_t value, size_t fallback)
{
	return limits != NULL && value != 0 ? value : fallback;
}

static void parser_init(struct parser *p, const unsigned char *buf, size_t len,
                        const struct imap_resp_limits *limits,
                        struct imap_response *resp)
{
	memset(p, 0, sizeof(*p));
	p->buf = buf;
	p->len = len;
	p->resp = resp;
	p->max_line = limit_or_default(limits, limits ? limits->max_line : 0,
	                               IMAP_DEFAULT_MAX_LINE);
	p->max_literal = limit_or_default(limits, limits ? limits->max_literal : 0,
	                                  IMAP_DEFAULT_MAX_LITERAL);
	p->max_response = p->max_line + p->max_literal;
	if (p->max_response < p->max_line)
		p->max_response = SIZE_MAX;
	p->max_response = limit_or_default(limits,
	                                   limits ? limits->max_response : 0,
	                                   p->max_response);
	/* need_more() hints len + 1, and offsets are added to pos. */
	if (p->max_response > SIZE_MAX / 2)
		p->max_response = SIZE_MAX / 2;
}

enum imap_parse_result imap_resp_parse(const unsigned char *buf, size_t len,
                                       const struct imap_resp_limits *limits,
                                       struct imap_response *resp,
                                       size_t *consumed_r, const char **error_r)
{
	struct parser p;

	if (resp == NULL || consumed_r == NULL || error_r == NULL) {
		if (error_r != NULL)
			*error_r = "invalid arguments";
		return IMAP_PARSE_ERROR;
	}
	memset(resp, 0, sizeof(*resp));
	*consumed_r = 0;
	*error_r = NULL;
	if (buf == NULL && len > 0) {
		*error_r = "invalid arguments";
		return IMAP_PARSE_ERROR;
	}

	parser_init(&p, buf, len, limits, resp);
	if (parse_response(&p) == 0) {
		*consumed_r = p.pos;
		return IMAP_PARSE_OK;
	}
	imap_response_clear(resp);
	if (p.state == PARSER_NEED_MORE) {
		*consumed_r = p.need;
		return IMAP_PARSE_NEED_MORE;
	}
	*error_r = p.error;
	return IMAP_PARSE_ERROR;
}

void imap_response_clear(struct imap_response *resp)
{
	if (resp == NULL)
		return;
	g_free(resp->search);
	g_free(resp->fetch.body_unescaped);
	memset(resp, 0, sizeof(*resp));
}

/* Output for imap_quote_mailbox(): counts everything, stores what fits
 * while keeping room for the NUL. */
struct quote_out {
	char *buf;
	size_t size;
	size_t len;
};

static void quote_put(struct quote_out *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

/* RFC 3501 5.1.3: base64 with "," for "/" and no padding. */
static const char mutf7_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

struct mutf7_run {
	uint32_t bits;
	unsigned int n_bits;
};

static void mutf7_put_unit(struct quote_out *out, struct mutf7_run *run,
                           uint16_t unit)
{
	run->bits = (run->bits << 16) | unit;
	run->n_bits += 16;
	while (run->n_bits >= 6) {
		run->n_bits -= 6;
		quote_put(out, mutf7_alphabet[(run->bits >> run->n_bits) & 0x3f]);
	}
	run->bits &= (1u << run->n_bits) - 1;
}

static void mutf7_put_char(struct quote_out *out, struct mutf7_run *run,
                           gunichar ch)
{
	if (ch < 0x10000) {
		mutf7_put_unit(out, run, (uint16_t)ch);
		return;
	}
	ch -= 0x10000;
	mutf7_put_unit(out, run, (uint16_t)(0xd800 | (ch >> 10)));
	mutf7_put_unit(out, run, (uint16_t)(0xdc00 | (ch & 0x3ff)));
}

static void mutf7_end_run(struct quote_out *out, struct mutf7_run *run)
{
	if (run->n_bits > 0)
		quote_put(out, mutf7_alphabet[(run->bits << (6 - run->n_bits)) & 0x3f]);
	quote_put(out, '-');
	run->bits = 0;
	run->n_bits = 0;
}

int imap_quote_mailbox(const char *mailbox, char *out, size_t out_size)
{
	struct quote_out qo = { out, out_size, 0 };
	struct mutf7_run run = { 0, 0 };
	bool in_run = false;
	const char *s;
	gunichar ch;

	if (mailbox == NULL || out == NULL || out_size == 0)
		return -1;
	out[0] = '\0';
	if (!g_utf8_validate(mailbox, -1, NULL))
		return -1;

	quote_put(&qo, '"');
	for (s = mailbox; *s != '\0'; s = g_utf8_next_char(s)) {
		ch = g_utf8_get_char(s);
		if (ch < 0x20 || ch > 0x7e) {
			/* Controls and non-ASCII: modified base64 of UTF-16BE. */
			if (!in_run)
				quote_put(&qo, '&');
			in_run = true;
			mutf7_put_char(&qo, &run, ch);
			continue;
		}
		if (in_run)
			mutf7_end_run(&qo, &run);
		in_run = false;
		if (ch == '&') {
			quote_put(&qo, '&');
			quote_put(&qo, '-');
			continue;
		}
		if (ch == '"' || ch == '\\')
			quote_put(&qo, '\\');
		quote_put(&qo, (char)ch);
	}
	if (in_run)
		mutf7_end_run(&qo, &run);
	quote_put(&qo, '"');

	if (qo.len >= out_size || qo.len > INT_MAX) {
		out[0] = '\0';
		return -1;
	}
	out[qo.len] = '\0';
	return (int)qo.len;
}
