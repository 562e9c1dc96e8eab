#ifndef FOLLOWUP_PARSERS_MIME_GUARD_H
#define FOLLOWUP_PARSERS_MIME_GUARD_H
/*
 * mime_guard: the bytes GMime is given to parse, so that hostile structure
 * cannot make it allocate without bound. Pure: no I/O.
 *
 * GMime 3.2.13 builds every part and every header field of a message in
 * memory before we see any of it: about 2 KB a part and 500 bytes a field,
 * so a 64 MiB message of tiny parts or fields would cost gigabytes. One
 * pass over the lines, without understanding MIME, bounds what GMime can
 * build:
 *
 *  - parts: every part starts after a line beginning with "--" (its
 *    boundary); the input is cut before the first such line beyond
 *    max_parts. Other "--" lines (signatures, separators) only make the
 *    count conservative.
 *  - header fields: a header block starts the message, follows every "--"
 *    line, and follows the header block of a part declared message/...;
 *    it ends at an empty line. Its fields are the lines GMime takes for
 *    fields ("Name: value", no blank inside the name). Fields beyond max_block_fields in one block
 *    or max_total_fields in the message are dropped, and a field's value
 *    (the bytes after "Name:", continuation lines included, line breaks
 *    not) is cut after max_field_bytes (at a UTF-8 character boundary).
 *  - line ends: a message whose first line break comes after two bare CRs
 *    (or that has only bare CRs) uses bare CR line ends, which GMime does
 *    not know: each bare CR becomes LF.
 *
 * The input is used as it is unless something had to change; then a copy
 * is made.
 */
#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

struct mime_guard_limits {
	unsigned max_parts;         /* lines starting with "--" kept */
	unsigned max_block_fields;  /* header fields kept per header block */
	unsigned max_total_fields;  /* header fields kept in the message */
	size_t max_field_bytes;     /* bytes of one field's value */
};

struct mime_guard {
	const unsigned char *data;  /* what to parse: the input, or copy->data */
	size_t len;
	GByteArray *copy;           /* owned; NULL when the input is used as it is */
	bool parts_cut;             /* the input was cut for max_parts */
	bool fields_dropped;        /* fields beyond the field counts were dropped */
	bool field_cut;             /* a field longer than max_field_bytes was cut */
	bool bare_cr;               /* bare CR line ends became LF */
};

/* Fills *guard_r for raw[0..len); release with mime_guard_clear(). */
void mime_guard_apply(const unsigned char *raw, size_t len,
                      const struct mime_guard_limits *limits,
                      struct mime_guard *guard_r);
void mime_guard_clear(struct mime_guard *guard);

#endif
