#ifndef FOLLOWUP_PARSERS_B64_H
#define FOLLOWUP_PARSERS_B64_H
/*
 * b64: a tolerant base64 decoder for mail, where GMime's own stops at the
 * first '=' and so loses the rest of bodies written as separately padded
 * chunks ("SGk=\nV29ybGQ=\n"). Pure: no I/O, no allocation of its own.
 *
 * Rules: characters outside the base64 alphabet (line breaks, spaces,
 * junk) are skipped; '=' ends the current 4-character group, dropping its
 * leftover bits, so the next chunk starts aligned; nothing ever stops the
 * decoding before the end of the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

struct b64_decoder {
	uint32_t bits;     /* pending bits, right-aligned */
	unsigned n_bits;   /* how many of them (0..14) */
};

void b64_decoder_init(struct b64_decoder *dec);

/* Decodes in[0..len), continuing where the previous call stopped, and
 * appends the bytes to out; with out NULL, only counts them. Returns how
 * many bytes this call produced. */
size_t b64_decode_step(struct b64_decoder *dec, const void *in, size_t len,
                       GByteArray *out);

/* One-shot: the decoded bytes of in[0..len), newly allocated
 * (g_byte_array_unref() / g_byte_array_free() to release). */
GByteArray *b64_decode(const void *in, size_t len);

#endif
