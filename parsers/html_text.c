/*
 * html_text: see html_text.h.
 *
 * libxml2's HTML parser runs in SAX mode: no tree is built, so memory
 * stays near the size of the text (a DOM of a few MiB of markup costs
 * hundreds), and nesting costs nothing. The writer keeps what it owes the
 * output (line breaks, one collapsed space) as pending state and pays it
 * only when real text follows, so empty elements and trailing markup
 * never produce blank lines or stray spaces.
 */
#include "parsers/html_text.h"

#include <stdbool.h>
#include <string.h>
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "parsers/charset.h"
#include "lib/lines.h"

#define SNIFF_WINDOW 4096
#define MAX_PENDING_BREAKS 2
#define PARSE_CHUNK 65536
#define MAX_QUOTE_PREFIX 32

enum element_kind {
	ELEM_INLINE = 0,
	ELEM_SKIP,        /* not rendered: drop the subtree */
	ELEM_LINE,        /* starts and ends on its own line */
	ELEM_PARAGRAPH,   /* ... with a blank line around it */
	ELEM_BREAK,       /* br */
	ELEM_CELL,        /* td, th */
	ELEM_ITEM,        /* li */
	ELEM_QUOTE,       /* blockquote */
	ELEM_PRE,         /* pre */
};

static const struct {
	const char *name;
	enum element_kind kind;
} element_kinds[] = {
	{ "script", ELEM_SKIP }, { "style", ELEM_SKIP }, { "head", ELEM_SKIP },
	{ "title", ELEM_SKIP }, { "template", ELEM_SKIP },
	{ "p", ELEM_PARAGRAPH }, { "h1", ELEM_PARAGRAPH }, { "h2", ELEM_PARAGRAPH },
	{ "h3", ELEM_PARAGRAPH }, { "h4", ELEM_PARAGRAPH }, { "h5", ELEM_PARAGRAPH },
	{ "h6", ELEM_PARAGRAPH }, { "table", ELEM_PARAGRAPH }, { "ul", ELEM_PARAGRAPH },
	{ "ol", ELEM_PARAGRAPH }, { "dl", ELEM_PARAGRAPH }, { "hr", ELEM_PARAGRAPH },
	{ "figure", ELEM_PARAGRAPH }, { "address", ELEM_PARAGRAPH },
	{ "div", ELEM_LINE }, { "tr", ELEM_LINE }, { "dd", ELEM_LINE },
	{ "dt", ELEM_LINE }, { "section", ELEM_LINE }, { "article", ELEM_LINE },
	{ "header", ELEM_LINE }, { "footer", ELEM_LINE }, { "nav", ELEM_LINE },
	{ "aside", ELEM_LINE }, { "main", ELEM_LINE }, { "center", ELEM_LINE },
	{ "form", ELEM_LINE }, { "fieldset", ELEM_LINE }, { "caption", ELEM_LINE },
	{ "legend", ELEM_LINE }, { "details", ELEM_LINE }, { "summary", ELEM_LINE },
	{ "option", ELEM_LINE }, { "body", ELEM_LINE }, { "html", ELEM_LINE },
	{ "br", ELEM_BREAK },
	{ "td", ELEM_CELL }, { "th", ELEM_CELL },
	{ "li", ELEM_ITEM },
	{ "blockquote", ELEM_QUOTE },
	{ "pre", ELEM_PRE }, { "listing", ELEM_PRE }, { "xmp", ELEM_PRE },
	{ "plaintext", ELEM_PRE },
};

struct writer {
	GString *out;
	int quote_depth;
	int pre_depth;
	int pending_breaks;   /* line breaks owed before the next text */
	int blank_depth;      /* quote depth for the blank lines among them */
	bool pending_space;   /* a collapsed whitespace run owed */
	unsigned skip_depth;  /* inside a skipped element: its nesting */
};

static enum element_kind element_kind(const char *name)
{
	if (name == NULL)
		return ELEM_INLINE;
	for (size_t i = 0; i < G_N_ELEMENTS(element_kinds); i++) {
		if (g_ascii_strcasecmp(name, element_kinds[i].name) == 0)
			return element_kinds[i].kind;
	}
	return ELEM_INLINE;
}

static void append_quote_prefix(struct writer *w, int depth, bool blank_line)
{
	/* Without a tree, nesting is free; the prefix of every line must not
	 * be (20,000 nested blockquotes would make 400 MB of '>'). */
	for (int i = 0; i < depth && i < MAX_QUOTE_PREFIX; i++)
		g_string_append_c(w->out, '>');
	if (depth > 0 && !blank_line)
		g_string_append_c(w->out, ' ');
}

/* Pays what is owed before a visible character. */
static void settle(struct writer *w)
{
	if (w->out->len == 0) {
		append_quote_prefix(w, w->quote_depth, false);
	} else if (w->pending_breaks > 0) {
		for (int i = 0; i < w->pending_breaks; i++) {
			bool blank = i + 1 < w->pending_breaks;

			g_string_append_c(w->out, '\n');
			append_quote_prefix(w, blank ? w->blank_depth : w->quote_depth,
			                    blank);
		}
	} else if (w->pending_space) {
		g_string_append_c(w->out, ' ');
	}
	w->pending_breaks = 0;
	w->pending_space = false;
}

/* A blank line between quote levels belongs to the outer one. */
static void note_blank_depth(struct writer *w)
{
	if (w->pending_breaks == 0 || w->quote_depth < w->blank_depth)
		w->blank_depth = w->quote_depth;
}

static void request_breaks(struct writer *w, int n)
{
	note_blank_depth(w);
	if (w->pending_breaks < n)
		w->pending_breaks = n;
}

static bool is_html_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void emit_pre_text(struct writer *w, const char *s, size_t len)
{
	for (const char *p = s; p < s + len; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n') {
			note_blank_depth(w);
			w->pending_breaks++;
			continue;
		}
		settle(w);
		g_string_append_c(w->out, *p);
	}
}

static void emit_text(struct writer *w, const char *s, size_t len)
{
	if (w->pre_depth > 0) {
		emit_pre_text(w, s, len);
		return;
	}
	for (const char *p = s; p < s + len; p++) {
		if (is_html_space(*p)) {
			if (w->out->len > 0)
				w->pending_space = true;
			continue;
		}
		settle(w);
		/* U+00A0: a space that must not be collapsed. */
		if ((unsigned char)p[0] == 0xC2 && p + 1 < s + len &&
		    (unsigned char)p[1] == 0xA0) {
			g_string_append_c(w->out, ' ');
			p++;
			continue;
		}
		g_string_append_c(w->out, *p);
	}
}

static void start_element(void *data, const xmlChar *name, const xmlChar **atts)
{
	struct writer *w = data;
	enum element_kind kind;

	(void)atts;
	if (w->skip_depth > 0) {
		w->skip_depth++;
		return;
	}
	kind = element_kind((const char *)name);
	switch (kind) {
	case ELEM_SKIP:
		w->skip_depth = 1;
		break;
	case ELEM_PARAGRAPH:
		request_breaks(w, 2);
		break;
	case ELEM_LINE:
		request_breaks(w, 1);
		break;
	case ELEM_BREAK:
		note_blank_depth(w);
		if (w->pending_breaks < MAX_PENDING_BREAKS + 1)
			w->pending_breaks++;
		break;
	case ELEM_CELL:
		w->pending_space = w->out->len > 0;
		break;
	case ELEM_ITEM:
		request_breaks(w, 1);
		settle(w);
		g_string_append_c(w->out, '-');
		w->pending_space = true;
		break;
	case ELEM_QUOTE:
		request_breaks(w, 2);
		w->quote_depth++;
		break;
	case ELEM_PRE:
		request_breaks(w, 2);
		w->pre_depth++;
		break;
	case ELEM_INLINE:
		break;
	}
}

static void end_element(void *data, const xmlChar *name)
{
	struct writer *w = data;

	if (w->skip_depth > 0) {
		w->skip_depth--;
		return;
	}
	switch (element_kind((const char *)name)) {
	case ELEM_PARAGRAPH:
		request_breaks(w, 2);
		break;
	case ELEM_LINE:
	case ELEM_ITEM:
		request_breaks(w, 1);
		break;
	case ELEM_CELL:
		w->pending_space = w->out->len > 0;
		break;
	case ELEM_QUOTE:
		request_breaks(w, 2);
		if (w->quote_depth > 0)
			w->quote_depth--;
		break;
	case ELEM_PRE:
		request_breaks(w, 2);
		if (w->pre_depth > 0)
			w->pre_depth--;
		break;
	case ELEM_SKIP:
	case ELEM_BREAK:
	case ELEM_INLINE:
		break;
	}
}

static void characters(void *data, const xmlChar *text, int len)
{
	struct writer *w = data;

	if (w->skip_depth == 0 && len > 0)
		emit_text(w, (const char *)text, (size_t)len);
}

/* Parses html[0..len) (UTF-8), feeding the writer. */
static void parse_html(struct writer *w, const char *html, size_t len)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;

	memset(&sax, 0, sizeof(sax));
	sax.startElement = start_element;
	sax.endElement = end_element;
	sax.characters = characters;
	sax.cdataBlock = characters;
	ctxt = htmlCreatePushParserCtxt(&sax, w, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
	if (ctxt == NULL)
		return;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	                         HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	/* The text is UTF-8 already: a <meta charset> must not switch the
	 * decoder (as htmlReadMemory() with an encoding does). */
	if (ctxt->input != NULL && ctxt->input->encoding == NULL)
		ctxt->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
	for (size_t done = 0; done < len; done += PARSE_CHUNK) {
		size_t n = MIN(PARSE_CHUNK, len - done);

		htmlParseChunk(ctxt, html + done, (int)n, done + n >= len);
	}
	if (ctxt->myDoc != NULL)
		xmlFreeDoc(ctxt->myDoc);
	htmlFreeParserCtxt(ctxt);
}

static bool line_is_blank(const char *line)
{
	for (const char *p = line; *p != '\0'; p++) {
		if (*p != '>' && *p != ' ')
			return false;
	}
	return true;
}

/* No trailing spaces, no blank runs, no blank lines at either end. */
static char *tidy_lines(const char *text)
{
	char **lines = lines_split(text, strlen(text), NULL);
	GString *out = g_string_new(NULL);
	const char *blank_owed = NULL;  /* a blank line (maybe ">") to keep */

	for (size_t i = 0; lines[i] != NULL; i++) {
		g_strchomp(lines[i]);
		if (line_is_blank(lines[i])) {
			if (out->len > 0)
				blank_owed = lines[i];
			continue;
		}
		if (out->len > 0) {
			g_string_append_c(out, '\n');
			if (blank_owed != NULL) {
				g_string_append(out, blank_owed);
				g_string_append_c(out, '\n');
			}
		}
		g_string_append(out, lines[i]);
		blank_owed = NULL;
	}
	g_strfreev(lines);
	return g_string_free(out, FALSE);
}

char *html_text_from_html(const char *html, size_t len)
{
	struct writer w = { 0 };
	char *text, *res;

	if (html == NULL || len == 0)
		return g_strdup("");
	w.out = g_string_new(NULL);
	parse_html(&w, html, len);

	text = tidy_lines(w.out->str);
	g_string_free(w.out, TRUE);
	if (charset_is_valid_utf8(text, strlen(text)))
		return text;
	res = charset_make_valid(text, strlen(text));
	g_free(text);
	return res;
}

static bool is_charset_char(char c)
{
	return g_ascii_isalnum(c) || strchr("-_.:+()", c) != NULL;
}

/* After "charset" in a meta tag: [spaces] = [spaces] [quote] name. */
static char *charset_value_at(const char *p, const char *end)
{
	const char *start;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p != '=')
		return NULL;
	p++;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
		p++;
	start = p;
	while (p < end && is_charset_char(*p) && p - start < 64)
		p++;
	if (p == start)
		return NULL;
	return g_strndup(start, (gsize)(p - start));
}

char *html_text_sniff_charset(const char *bytes, size_t len)
{
	size_t window = len < SNIFF_WINDOW ? len : SNIFF_WINDOW;
	char *lower;
	const char *end, *meta;
	char *res = NULL;

	if (bytes == NULL || len == 0)
		return NULL;
	lower = g_ascii_strdown(bytes, (gssize)window);
	end = lower + strlen(lower);
	meta = lower;

	while (res == NULL && (meta = strstr(meta, "<meta")) != NULL) {
		const char *tag_end = memchr(meta, '>', (size_t)(end - meta));
		const char *p;

		if (tag_end == NULL)
			tag_end = end;
		for (p = meta; res == NULL && p < tag_end; p += strlen("charset")) {
			p = g_strstr_len(p, tag_end - p, "charset");
			if (p == NULL)
				break;
			res = charset_value_at(p + strlen("charset"), tag_end);
		}
		meta = tag_end;
	}
	g_free(lower);
	return res;
}
