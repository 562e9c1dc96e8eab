/*
 * raw: each raw message is kept compressed with zstd, so `followup
 * reparse` can rebuild every parsed field after a parser upgrade. zstd at
 * its default level compresses mail several times faster than zlib at a
 * better ratio (make bench showed zlib taking 44% of a sync's CPU).
 */
#include <zstd.h>

#include "store/store-private.h"

#define RAW_ZSTD_LEVEL 3

int store_raw_compress(const unsigned char *raw, size_t len, unsigned char **out_r,
                       size_t *out_len_r)
{
	size_t bound = ZSTD_compressBound(len);
	unsigned char *out = g_malloc(bound);
	size_t n = ZSTD_compress(out, bound, raw, len, RAW_ZSTD_LEVEL);

	if (ZSTD_isError(n)) {
		g_free(out);
		return -1;
	}
	*out_r = out;
	*out_len_r = n;
	return 0;
}

int store_raw_decompress(const unsigned char *data, size_t len, size_t raw_len,
                         unsigned char **out_r)
{
	/* One spare byte so an empty message still gets a buffer. */
	unsigned char *out = g_malloc(raw_len + 1);
	size_t n = ZSTD_decompress(out, raw_len, data, len);

	if (ZSTD_isError(n) || n != raw_len) {
		g_free(out);
		return -1;
	}
	out[raw_len] = '\0';
	*out_r = out;
	return 0;
}

char *store_raw_hash(const unsigned char *raw, size_t len)
{
	return g_compute_checksum_for_data(G_CHECKSUM_SHA256, raw, len);
}
