/*
 * raw: each raw message is kept zlib-compressed, so `followup reparse`
 * can rebuild every parsed field after a parser upgrade.
 */
#include <zlib.h>

#include "store/store-private.h"

int store_raw_compress(const unsigned char *raw, size_t len, unsigned char **out_r,
                       size_t *out_len_r)
{
	uLongf out_len = compressBound((uLong)len);
	unsigned char *out = g_malloc(out_len);

	if (compress2(out, &out_len, raw, (uLong)len, 6) != Z_OK) {
		g_free(out);
		return -1;
	}
	*out_r = out;
	*out_len_r = out_len;
	return 0;
}

int store_raw_decompress(const unsigned char *data, size_t len, size_t raw_len,
                         unsigned char **out_r)
{
	/* One spare byte so an empty message still gets a buffer. */
	unsigned char *out = g_malloc(raw_len + 1);
	uLongf out_len = (uLongf)raw_len;

	if (uncompress(out, &out_len, data, (uLong)len) != Z_OK || out_len != raw_len) {
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
