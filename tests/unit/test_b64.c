/* b64: the tolerant base64 decoder. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "parsers/b64.h"

static void assert_decodes_to(const char *in, const char *expected, size_t expected_len)
{
	GByteArray *out = b64_decode(in, strlen(in));

	assert_int_equal(out->len, expected_len);
	assert_memory_equal(out->data, expected, expected_len);
	g_byte_array_unref(out);
}

static void test_plain_base64(void **state)
{
	(void)state;
	assert_decodes_to("SGVsbG8sIFdvcmxkIQ==", "Hello, World!", 13);
	assert_decodes_to("YWJj", "abc", 3);
	assert_decodes_to("YWI=", "ab", 2);
	assert_decodes_to("YQ==", "a", 1);
	assert_decodes_to("", "", 0);
}

/* GMime 3.2.13 stops at the first '=': this must not. */
static void test_separately_padded_chunks(void **state)
{
	(void)state;
	assert_decodes_to("SGk=\nV29ybGQ=\n", "HiWorld", 7);
	assert_decodes_to("SGk=\r\nV29ybGQ=\r\nIQ==", "HiWorld!", 8);
	assert_decodes_to("YQ==YQ==YQ==", "aaa", 3);
}

static void test_skips_junk_and_whitespace(void **state)
{
	(void)state;
	assert_decodes_to("SG Vs\tbG8\r\n=!", "Hello", 5);
	assert_decodes_to("S*G*V*s*b*G*8*", "Hello", 5);
	assert_decodes_to("\x80\xff" "YWJj" "\x00", "abc", 3);
	/* Nothing but junk. */
	assert_decodes_to("!!!\n\n***", "", 0);
}

static void test_binary_bytes(void **state)
{
	(void)state;
	assert_decodes_to("iVBORw0KGgo=", "\x89PNG\r\n\x1a\n", 8);
	assert_decodes_to("AAD/", "\x00\x00\xff", 3);
}

/* Feeding the input in pieces gives the same bytes as in one go. */
static void test_streaming_matches_one_shot(void **state)
{
	const char *in = "SGVsbG8g\nd29ybGQ=\nSGk=\n QUJDREVGRw==";
	GByteArray *whole = b64_decode(in, strlen(in));

	(void)state;
	for (size_t cut = 0; cut <= strlen(in); cut++) {
		struct b64_decoder dec;
		GByteArray *out = g_byte_array_new();
		size_t n;

		b64_decoder_init(&dec);
		n = b64_decode_step(&dec, in, cut, out);
		n += b64_decode_step(&dec, in + cut, strlen(in) - cut, out);
		assert_int_equal(n, whole->len);
		assert_int_equal(out->len, whole->len);
		assert_memory_equal(out->data, whole->data, whole->len);
		g_byte_array_unref(out);
	}
	g_byte_array_unref(whole);
}

static void test_count_only(void **state)
{
	struct b64_decoder dec;
	const char *in = "SGk=\nV29ybGQ=\n";

	(void)state;
	b64_decoder_init(&dec);
	assert_int_equal(b64_decode_step(&dec, in, strlen(in), NULL), 7);
}

/* Counting agrees with decoding on any input of alphabet cut anywhere,
 * and a decoder that counted one piece decodes the next one right. */
static void check_count_matches_decode(const char *alphabet, size_t alphabet_len)
{
	GRand *rand = g_rand_new_with_seed(3834);

	for (int round = 0; round < 500; round++) {
		char in[64];
		size_t len = (size_t)g_rand_int_range(rand, 0, (gint32)sizeof(in));
		for (size_t i = 0; i < len; i++)
			in[i] = alphabet[g_rand_int_range(rand, 0, (gint32)alphabet_len)];
		GByteArray *whole = b64_decode(in, len);

		for (size_t cut = 0; cut <= len; cut++) {
			struct b64_decoder dec;
			GByteArray *tail = g_byte_array_new();
			b64_decoder_init(&dec);
			size_t counted = b64_decode_step(&dec, in, cut, NULL);
			size_t decoded = b64_decode_step(&dec, in + cut, len - cut, tail);
			assert_int_equal(counted + decoded, whole->len);
			assert_true(tail->len <= whole->len);
			assert_memory_equal(tail->data, whole->data + whole->len - tail->len, tail->len);

			b64_decoder_init(&dec);
			counted = b64_decode_step(&dec, in, cut, NULL);
			counted += b64_decode_step(&dec, in + cut, len - cut, NULL);
			assert_int_equal(counted, whole->len);
			g_byte_array_unref(tail);
		}
		g_byte_array_unref(whole);
	}
	g_rand_free(rand);
}

static void test_count_matches_decode(void **state)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n -";

	(void)state;
	check_count_matches_decode(alphabet, sizeof(alphabet) - 1);
}

/* Without '=' counting takes its fast path (count_unpadded): the same
 * counts, and the bits it keeps decode the next piece right. */
static void test_count_unpadded_matches_decode(void **state)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\r\n -";

	(void)state;
	check_count_matches_decode(alphabet, sizeof(alphabet) - 1);
}

/* Long input crosses the decoder's internal buffer many times. */
static void test_long_input(void **state)
{
	GString *in = g_string_new(NULL);
	GByteArray *out;

	(void)state;
	for (int i = 0; i < 10000; i++)
		g_string_append(in, "QUJD\n");
	out = b64_decode(in->str, in->len);
	assert_int_equal(out->len, 30000);
	for (guint i = 0; i < out->len; i++)
		assert_int_equal(out->data[i], "ABC"[i % 3]);
	g_byte_array_unref(out);
	g_string_free(in, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_base64),
		cmocka_unit_test(test_separately_padded_chunks),
		cmocka_unit_test(test_skips_junk_and_whitespace),
		cmocka_unit_test(test_binary_bytes),
		cmocka_unit_test(test_streaming_matches_one_shot),
		cmocka_unit_test(test_count_only),
		cmocka_unit_test(test_count_matches_decode),
		cmocka_unit_test(test_count_unpadded_matches_decode),
		cmocka_unit_test(test_long_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
