#ifndef FOLLOWUP_PARSERS_HTML_TEXT_H
#define FOLLOWUP_PARSERS_HTML_TEXT_H
/*
 * html_text: an HTML mail body made readable as plain text, with libxml2's
 * forgiving HTML parser (no network, no errors printed). Pure: no I/O.
 * libxml2 must be initialised (xmlInitParser(), done by
 * message_parser_init()).
 *
 * script, style, head, title and template are dropped; block elements
 * (p, div, br, tr, li, h1-h6, blockquote, table, ...) end lines; text is
 * whitespace-collapsed as a browser would, except inside pre; entities are
 * decoded and U+00A0 becomes a plain space; li items get "- "; lines inside
 * blockquote get one ">" per level (at most 32) and a space, so quoted
 * history stays recognisable;
 * table cells are separated by a space; at most one blank line in a row;
 * no trailing spaces; no blank lines at either end.
 *
 * The markup is read as a stream of SAX events: no tree is built, so
 * memory stays near the size of the text and deeply nested markup costs
 * neither stack nor memory.
 */
#include <stddef.h>

/* Text of html[0..len), which must be UTF-8 (convert it first). Newly
 * allocated (g_free()), valid UTF-8, never NULL ("" for no text). */
char *html_text_from_html(const char *html, size_t len);

/* The charset a document declares in a <meta> tag (charset="..." or
 * content="...; charset=...") within its first 4 KiB, lowercased and newly
 * allocated, or NULL when there is none. For text/html parts without a charset
 * parameter. */
char *html_text_sniff_charset(const char *bytes, size_t len);

#endif
