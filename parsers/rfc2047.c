/*
 * rfc2047: see rfc2047.h.
 *
 * A header value is read as a stream of tokens: encoded-words, whitespace
 * runs and other text. Encoded-words separated only by whitespace form a
 * "run"; within a run, the decoded bytes of consecutive words in the same
 * charset form a "segment" converted in one go. Plain text (whitespace
 * included) between runs is converted with one charset chosen for the
 * whole header, so a short Latin-1 word cannot be read as GB18030 while
 * the rest of the header is Latin-1.
 */
#include "parsers/rfc2047.h"

#include <stdbool.h>
#include <string.h>
#include <glib.h>

#include "parsers/b64.h"
#include "parsers/charset.h"

#define RFC2047_CHARSET_MAX 75

enum token_kind {
	TOKEN_WORD,
	TOKEN_SPACE,
	TOKEN_TEXT,
};

struct encoded_word {
	char charset[RFC2047_CHARSET_MAX + 1]; /* language suffix removed */
	char encoding;                         /* 'B' or 'Q' */
	const char *payload;
	size_t payload_len;
};

struct token {
	enum token_kind kind;
	const char *start;
	size_t len;
	struct encoded_word word;  /* TOKEN_WORD only */
};

static bool is_wsp(char c)
{
	return c == ' ' || c == '\t';
}

/* "=?charset?B|Q?payload?=" at p; fills w and returns its length, or 0. */
static size_t parse_encoded_word(const char *p, const char *end,
                                 struct encoded_word *w)
{
	const char *cs, *q, *payload;
	size_t cs_len;

	if (end - p < 8 || p[0] != '=' || p[1] != '?')
		return 0;
	cs = q = p + 2;
	while (q < end && *q != '?' && !is_wsp(*q) && q - cs <= RFC2047_CHARSET_MAX)
		q++;
	cs_len = (size_t)(q - cs);
	if (q >= end || *q != '?' || cs_len == 0 || cs_len > RFC2047_CHARSET_MAX)
		return 0;
	q++;
	if (end - q < 4 || q[1] != '?')
		return 0;
	w->encoding = g_ascii_toupper(q[0]);
	if (w->encoding != 'B' && w->encoding != 'Q')
		return 0;
	payload = q = q + 2;
	while (q < end && *q != '?')
		q++;
	if (end - q < 2 || q[1] != '=')
		return 0;
	memcpy(w->charset, cs, cs_len);
	w->charset[cs_len] = '\0';
	/* RFC 2231 section 5: "charset*language". */
	w->charset[strcspn(w->charset, "*")] = '\0';
	if (w->charset[0] == '\0')
		g_strlcpy(w->charset, "unknown-8bit", sizeof(w->charset));
	w->payload = payload;
	w->payload_len = (size_t)(q - payload);
	return (size_t)(q + 2 - p);
}

static void next_token(const char *p, const char *end, struct token *tok)
{
	size_t word_len = parse_encoded_word(p, end, &tok->word);
	const char *q = p;

	tok->start = p;
	if (word_len > 0) {
		tok->kind = TOKEN_WORD;
		tok->len = word_len;
		return;
	}
	if (is_wsp(*p)) {
		while (q < end && is_wsp(*q))
			q++;
		tok->kind = TOKEN_SPACE;
	} else {
		struct encoded_word scratch;

		q++;
		while (q < end && !is_wsp(*q) &&
		       parse_encoded_word(q, end, &scratch) == 0)
			q++;
		tok->kind = TOKEN_TEXT;
	}
	tok->len = (size_t)(q - p);
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = g_ascii_toupper(c);
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* RFC 2047 4.2; a malformed "=XY" is kept literally. */
static void q_decode(const char *p, size_t len, GString *out)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '_') {
			g_string_append_c(out, ' ');
		} else if (p[i] == '=' && i + 2 < len &&
		           hex_value(p[i + 1]) >= 0 && hex_value(p[i + 2]) >= 0) {
			g_string_append_c(out, (char)(hex_value(p[i + 1]) * 16 +
			                              hex_value(p[i + 2])));
			i += 2;
		} else {
			g_string_append_c(out, p[i]);
		}
	}
}

static void word_decode(const struct encoded_word *w, GString *out)
{
	if (w->encoding == 'B') {
		struct b64_decoder dec;
		GByteArray *bytes = g_byte_array_new();

		b64_decoder_init(&dec);
		b64_decode_step(&dec, w->payload, w->payload_len, bytes);
		g_string_append_len(out, (const char *)bytes->data, bytes->len);
		g_byte_array_unref(bytes);
	} else {
		q_decode(w->payload, w->payload_len, out);
	}
}

struct decoder {
	const char *const *fallbacks;
	const char *text_charset;  /* for raw text; NULL: lossy UTF-8 */
	bool normalize;            /* rfc2047_normalize() rather than _decode() */
	GString *out;              /* UTF-8 result */
	GString *text;             /* raw text waiting for conversion */
	bool in_run;
	GString *run;              /* UTF-8 of the current run */
	char seg_charset[RFC2047_CHARSET_MAX + 1];
	GString *seg;              /* raw bytes of the current segment */
};

static void flush_text(struct decoder *d)
{
	char *utf8;

	if (d->text->len == 0)
		return;
	if (d->text_charset == NULL)
		utf8 = charset_make_valid(d->text->str, d->text->len);
	else
		utf8 = charset_to_utf8(d->text->str, d->text->len,
		                       d->text_charset, d->fallbacks);
	g_string_append(d->out, utf8);
	g_free(utf8);
	g_string_truncate(d->text, 0);
}

static void flush_segment(struct decoder *d)
{
	char *utf8;

	if (d->seg_charset[0] == '\0')
		return;
	utf8 = charset_to_utf8(d->seg->str, d->seg->len, d->seg_charset,
	                       d->fallbacks);
	g_string_append(d->run, utf8);
	g_free(utf8);
	g_string_truncate(d->seg, 0);
	d->seg_charset[0] = '\0';
}

static void end_run(struct decoder *d)
{
	if (!d->in_run)
		return;
	flush_segment(d);
	if (!d->normalize) {
		/* An encoded CR or LF would break the one-line promise. */
		g_strdelimit(d->run->str, "\r\n", ' ');
		g_string_append_len(d->out, d->run->str, (gssize)d->run->len);
	} else if (d->run->len > 0) {
		char *b64 = g_base64_encode((const guchar *)d->run->str,
		                            d->run->len);

		g_string_append_printf(d->out, "=?UTF-8?B?%s?=", b64);
		g_free(b64);
	}
	g_string_truncate(d->run, 0);
	d->in_run = false;
}

static void add_word(struct decoder *d, const struct encoded_word *w)
{
	if (!d->in_run) {
		flush_text(d);
		d->in_run = true;
	}
	if (d->seg_charset[0] != '\0' &&
	    g_ascii_strcasecmp(d->seg_charset, w->charset) != 0)
		flush_segment(d);
	if (d->seg_charset[0] == '\0')
		g_strlcpy(d->seg_charset, w->charset, sizeof(d->seg_charset));
	word_decode(w, d->seg);
}

/* The header without its line breaks (RFC 5322 unfolding). */
static GString *unfold(const char *raw, size_t len)
{
	GString *s = g_string_sized_new(len + 1);

	for (size_t i = 0; i < len; i++) {
		if (raw[i] != '\r' && raw[i] != '\n')
			g_string_append_c(s, raw[i]);
	}
	return s;
}

/* One charset for all the raw (not encoded) text of the header. */
static const char *detect_text_charset(const char *p, const char *end,
                                       const char *const *fallbacks)
{
	GString *text = g_string_new(NULL);
	const char *res;

	while (p < end) {
		struct token tok;

		next_token(p, end, &tok);
		if (tok.kind != TOKEN_WORD)
			g_string_append_len(text, tok.start, (gssize)tok.len);
		p += tok.len;
	}
	res = charset_detect(text->str, text->len, fallbacks);
	g_string_free(text, TRUE);
	return res;
}

static char *run_decoder(const char *raw, size_t len,
                         const char *const *fallbacks, bool normalize)
{
	struct decoder d = { 0 };
	GString *value = unfold(raw != NULL ? raw : "", raw != NULL ? len : 0);
	const char *p = value->str, *end = value->str + value->len;

	d.fallbacks = fallbacks;
	d.normalize = normalize;
	d.text_charset = detect_text_charset(p, end, fallbacks);
	d.out = g_string_sized_new(value->len + 1);
	d.text = g_string_new(NULL);
	d.run = g_string_new(NULL);
	d.seg = g_string_new(NULL);

	while (p < end) {
		struct token tok;

		next_token(p, end, &tok);
		p += tok.len;
		if (tok.kind == TOKEN_WORD) {
			add_word(&d, &tok.word);
			continue;
		}
		if (tok.kind == TOKEN_SPACE && d.in_run) {
			struct token after;

			/* Whitespace between two encoded-words is not text. */
			if (p < end) {
				next_token(p, end, &after);
				if (after.kind == TOKEN_WORD)
					continue;
			}
		}
		end_run(&d);
		g_string_append_len(d.text, tok.start, (gssize)tok.len);
	}
	end_run(&d);
	flush_text(&d);

	g_string_free(value, TRUE);
	g_string_free(d.text, TRUE);
	g_string_free(d.run, TRUE);
	g_string_free(d.seg, TRUE);
	return g_string_free(d.out, FALSE);
}

char *rfc2047_decode(const char *raw, size_t len, const char *const *fallbacks)
{
	return run_decoder(raw, len, fallbacks, false);
}

char *rfc2047_normalize(const char *raw, size_t len,
                        const char *const *fallbacks)
{
	return run_decoder(raw, len, fallbacks, true);
}
