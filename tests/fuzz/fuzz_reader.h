#ifndef FOLLOWUP_FUZZ_READER_H
#define FOLLOWUP_FUZZ_READER_H
/* fuzz_take(): the fuzzer's input read as big-endian numbers of a few
 * bytes, zeros once it runs out, for targets whose input chooses values
 * rather than being a text to parse. */
#include <stddef.h>
#include <stdint.h>

struct fuzz_reader {
	const uint8_t *data;
	size_t size;
};

static inline uint64_t fuzz_take(struct fuzz_reader *r, size_t bytes)
{
	uint64_t v = 0;

	for (size_t i = 0; i < bytes; i++) {
		v = v << 8;
		if (r->size > 0) {
			v |= *r->data++;
			r->size--;
		}
	}
	return v;
}

#endif
