/* b64: see b64.h. */
#include <string.h>

#include "parsers/b64.h"

/* Every byte's code: 0 outside the alphabet, 1 + the value for the 64
 * symbols, PAD_CODE for '='. A table rather than comparisons: attachments
 * are megabytes of base64, and counting their size is on every message's
 * path. */
#define PAD_CODE 65
#define SYM(c, v) [c] = (v) + 1

static const unsigned char b64_code[256] = {
	SYM('A', 0), SYM('B', 1), SYM('C', 2), SYM('D', 3), SYM('E', 4), SYM('F', 5),
	SYM('G', 6), SYM('H', 7), SYM('I', 8), SYM('J', 9), SYM('K', 10), SYM('L', 11),
	SYM('M', 12), SYM('N', 13), SYM('O', 14), SYM('P', 15), SYM('Q', 16), SYM('R', 17),
	SYM('S', 18), SYM('T', 19), SYM('U', 20), SYM('V', 21), SYM('W', 22), SYM('X', 23),
	SYM('Y', 24), SYM('Z', 25),
	SYM('a', 26), SYM('b', 27), SYM('c', 28), SYM('d', 29), SYM('e', 30), SYM('f', 31),
	SYM('g', 32), SYM('h', 33), SYM('i', 34), SYM('j', 35), SYM('k', 36), SYM('l', 37),
	SYM('m', 38), SYM('n', 39), SYM('o', 40), SYM('p', 41), SYM('q', 42), SYM('r', 43),
	SYM('s', 44), SYM('t', 45), SYM('u', 46), SYM('v', 47), SYM('w', 48), SYM('x', 49),
	SYM('y', 50), SYM('z', 51),
	SYM('0', 52), SYM('1', 53), SYM('2', 54), SYM('3', 55), SYM('4', 56), SYM('5', 57),
	SYM('6', 58), SYM('7', 59), SYM('8', 60), SYM('9', 61), SYM('+', 62), SYM('/', 63),
	['='] = PAD_CODE,
};

void b64_decoder_init(struct b64_decoder *dec)
{
	dec->bits = 0;
	dec->n_bits = 0;
}

/* Pending bits never exceed 6, so the last two symbols' 12 bits hold
 * them. */
#define LAST_BITS_MASK 0xfffu

/* Counting a run without '=' (nearly every attachment's body): the
 * symbols are counted without a branch, and only the last two symbols'
 * bits are kept, which is what the general loop would have kept. */
static size_t count_unpadded(struct b64_decoder *dec, const unsigned char *p, size_t len)
{
	size_t symbols = 0, total;
	unsigned found = 0;
	uint32_t last = dec->bits, tail = 0;

	for (size_t i = 0; i < len; i++)
		symbols += b64_code[p[i]] != 0;
	for (size_t i = len; i > 0 && found < 2; i--) {
		unsigned code = b64_code[p[i - 1]];
		if (code != 0)
			tail |= (code - 1) << (6 * found++);
	}
	last = ((last << (6 * found)) | tail) & LAST_BITS_MASK;
	total = dec->n_bits + symbols * 6;
	dec->n_bits = (unsigned)(total % 8);
	dec->bits = last & ((1u << dec->n_bits) - 1);
	return total / 8;
}

/* Counting only: every symbol is 6 bits, every 8 bits a byte, and '='
 * drops what is pending; the pending bits are kept for a later call. */
static size_t count_step(struct b64_decoder *dec, const unsigned char *p, size_t len)
{
	size_t produced = 0, symbols = 0;
	unsigned pending = dec->n_bits;
	uint32_t last = dec->bits;   /* the latest symbols' bits, enough for pending */

	if (memchr(p, '=', len) == NULL)
		return count_unpadded(dec, p, len);

	for (size_t i = 0; i < len; i++) {
		unsigned code = b64_code[p[i]];

		if (code == 0)
			continue;
		if (code != PAD_CODE) {
			symbols++;
			last = ((last << 6) | (code - 1)) & LAST_BITS_MASK;
		} else {
			produced += (pending + symbols * 6) / 8;
			pending = 0;
			symbols = 0;
			last = 0;
		}
	}
	size_t total = pending + symbols * 6;
	produced += total / 8;
	dec->n_bits = (unsigned)(total % 8);
	dec->bits = last & ((1u << dec->n_bits) - 1);
	return produced;
}

size_t b64_decode_step(struct b64_decoder *dec, const void *in, size_t len,
                       GByteArray *out)
{
	const unsigned char *p = in;

	if (out == NULL)
		return count_step(dec, p, len);
	unsigned char buf[256];
	size_t n_buf = 0, produced = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned code = b64_code[p[i]];

		if (code == 0)
			continue;
		if (code == PAD_CODE) {
			/* Padding: the group is over; its leftover bits are
			 * filler, and a new chunk may follow. */
			dec->bits = 0;
			dec->n_bits = 0;
			continue;
		}
		dec->bits = (dec->bits << 6) | (code - 1);
		dec->n_bits += 6;
		if (dec->n_bits < 8)
			continue;
		dec->n_bits -= 8;
		produced++;
		buf[n_buf++] = (unsigned char)(dec->bits >> dec->n_bits);
		if (n_buf == sizeof(buf)) {
			g_byte_array_append(out, buf, (guint)n_buf);
			n_buf = 0;
		}
		dec->bits &= (1u << dec->n_bits) - 1;
	}
	if (n_buf > 0)
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
