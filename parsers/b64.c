/* b64: see b64.h. */
#include "parsers/b64.h"

/* -1 for bytes outside the alphabet, -2 for the padding character. */
static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	if (c == '=')
		return -2;
	return -1;
}

void b64_decoder_init(struct b64_decoder *dec)
{
	dec->bits = 0;
	dec->n_bits = 0;
}

size_t b64_decode_step(struct b64_decoder *dec, const void *in, size_t len,
                       GByteArray *out)
{
	const unsigned char *p = in;
	unsigned char buf[256];
	size_t n_buf = 0, produced = 0;

	for (size_t i = 0; i < len; i++) {
		int v = b64_value(p[i]);

		if (v == -1)
			continue;
		if (v == -2) {
			/* Padding: the group is over; its leftover bits are
			 * filler, and a new chunk may follow. */
			dec->bits = 0;
			dec->n_bits = 0;
			continue;
		}
		dec->bits = (dec->bits << 6) | (uint32_t)v;
		dec->n_bits += 6;
		if (dec->n_bits < 8)
			continue;
		dec->n_bits -= 8;
		produced++;
		if (out != NULL) {
			buf[n_buf++] = (unsigned char)(dec->bits >> dec->n_bits);
			if (n_buf == sizeof(buf)) {
				g_byte_array_append(out, buf, (guint)n_buf);
				n_buf = 0;
			}
		}
		dec->bits &= (1u << dec->n_bits) - 1;
	}
	if (out != NULL && n_buf > 0)
		g_byte_array_append(out, buf, (guint)n_buf);
	return produced;
}

GByteArray *b64_decode(const void *in, size_t len)
{
	struct b64_decoder dec;
	GByteArray *out = g_byte_array_sized_new((guint)(len / 4 * 3 + 3));

	b64_decoder_init(&dec);
	b64_decode_step(&dec, in, len, out);
	return out;
}
