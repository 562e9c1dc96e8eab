/* mime_guard: what GMime is given, bounded; lines: linear line splitting. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "lib/lines.h"
#include "parsers/mime_guard.h"

static const struct mime_guard_limits small = {
	.max_parts = 3, .max_block_fields = 4, .max_total_fields = 6, .max_field_bytes = 10,
};

static char *guarded(const char *raw, struct mime_guard *guard)
{
	mime_guard_apply((const unsigned char *)raw, strlen(raw), &small, guard);
	return g_strndup((const char *)guard->data, guard->len);
}

static void test_untouched_input_is_not_copied(void **state)
{
	static const char raw[] = "Subject: hi\nContent-Type: multipart/mixed; boundary=b\n\n"
	                          "--b\nX: 1\n\nbody\n--b--\n";
	struct mime_guard guard;

	(void)state;
	/* The Content-Type value is long: use wide limits here. */
	static const struct mime_guard_limits wide = {
		.max_parts = 10, .max_block_fields = 10, .max_total_fields = 10, .max_field_bytes = 100,
	};
	mime_guard_apply((const unsigned char *)raw, strlen(raw), &wide, &guard);
	assert_ptr_equal(guard.data, raw);
	assert_int_equal(guard.len, strlen(raw));
	assert_null(guard.copy);
	assert_false(guard.parts_cut || guard.fields_dropped || guard.field_cut || guard.bare_cr);
	mime_guard_clear(&guard);
}

static void test_parts_cut(void **state)
{
	struct mime_guard guard;
	char *out = guarded("A: 1\n\n--b\n\nx\n--b\n\ny\n--b\n\nz\n--b\n\nw\n--b--\n", &guard);

	(void)state;
	/* Cut before the fourth line starting with "--"; no copy needed. */
	assert_string_equal(out, "A: 1\n\n--b\n\nx\n--b\n\ny\n--b\n\nz\n");
	assert_true(guard.parts_cut);
	assert_null(guard.copy);
	g_free(out);
	mime_guard_clear(&guard);
}

static void test_fields_dropped(void **state)
{
	struct mime_guard guard;
	char *out = guarded("A: 1\nB: 2\nC: 3\nD: 4\nE: 5\n  cont\nF: 6\n\nbody\nG: 7\n"
	                    "--b\nH: 8\nI: 9\nJ: 10\n\nbody\n", &guard);

	(void)state;
	/* Four fields in a block; six in all; the body is not headers. */
	assert_string_equal(out, "A: 1\nB: 2\nC: 3\nD: 4\n\nbody\nG: 7\n"
	                    "--b\nH: 8\nI: 9\n\nbody\n");
	assert_true(guard.fields_dropped);
	assert_false(guard.field_cut);
	assert_non_null(guard.copy);
	g_free(out);
	mime_guard_clear(&guard);

	/* Lines GMime does not take for fields are not counted. */
	out = guarded("A: 1\nnot a field\nalso not one\nB: 2\nC: 3\nD: 4\n\nx\n", &guard);
	assert_false(guard.fields_dropped);
	g_free(out);
	mime_guard_clear(&guard);
}

static void test_field_cut(void **state)
{
	struct mime_guard guard;
	/* The value (after "Subject:") is cut at 10 bytes, not inside 你. */
	char *out = guarded("Subject: 12345\xe4\xbd\xa0\xe5\xa5\xbd\n  more\nX: 1\n\nbody\n", &guard);

	(void)state;
	assert_string_equal(out, "Subject: 12345\xe4\xbd\xa0\nX: 1\n\nbody\n");
	assert_true(guard.field_cut);
	g_free(out);
	mime_guard_clear(&guard);

	/* Continuation lines count towards the value. */
	out = guarded("S: 12345\n 6789\n abcdef\n\nbody\n", &guard);
	assert_string_equal(out, "S: 12345\n 678\n\nbody\n");
	g_free(out);
	mime_guard_clear(&guard);
}

static void test_message_parts_have_headers(void **state)
{
	static const struct mime_guard_limits one_field = {
		.max_parts = 10, .max_block_fields = 1, .max_total_fields = 100, .max_field_bytes = 100,
	};
	static const char raw[] = "--b\nContent-Type: message/rfc822\n\n"
	                          "From: a\nSubject: s\n\nFrom: body\nX: body\n";
	struct mime_guard guard;
	char *out;

	(void)state;
	mime_guard_apply((const unsigned char *)raw, strlen(raw), &one_field, &guard);
	out = g_strndup((const char *)guard.data, guard.len);
	/* The forwarded message's header block is one too; its body is not. */
	assert_string_equal(out, "--b\nContent-Type: message/rfc822\n\n"
	                    "From: a\n\nFrom: body\nX: body\n");
	g_free(out);
	mime_guard_clear(&guard);
}

static void test_bare_cr(void **state)
{
	struct mime_guard guard;
	char *out = guarded("A: 1\rB: 2\r\rbody\r\n", &guard);

	(void)state;
	assert_true(guard.bare_cr);
	assert_string_equal(out, "A: 1\nB: 2\n\nbody\r\n");
	g_free(out);
	mime_guard_clear(&guard);

	/* CRLF mail with a stray CR in the body stays as it is. */
	out = guarded("A: 1\r\nB: 2\r\n\r\nbo\rdy\r\n", &guard);
	assert_false(guard.bare_cr);
	assert_string_equal(out, "A: 1\r\nB: 2\r\n\r\nbo\rdy\r\n");
	g_free(out);
	mime_guard_clear(&guard);

	out = guarded("", &guard);
	assert_string_equal(out, "");
	g_free(out);
	mime_guard_clear(&guard);
}

static void test_lines_split(void **state)
{
	char **empty;
	size_t n_empty = 0;

	static const struct {
		const char *text;
		size_t n;
	} cases[] = {
		{ "a", 1 }, { "a\n", 2 }, { "\n\n", 3 }, { "a\r\nb", 2 }, { "a\nb\nc", 3 },
	};

	(void)state;
	/* Unlike g_strsplit(), "" is one empty line. */
	empty = lines_split("", 0, &n_empty);
	assert_int_equal(n_empty, 1);
	assert_string_equal(empty[0], "");
	assert_null(empty[1]);
	g_strfreev(empty);
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		size_t n = 0;
		char **lines = lines_split(cases[i].text, strlen(cases[i].text), &n);
		char **expected = g_strsplit(cases[i].text, "\n", -1);

		assert_int_equal(n, cases[i].n);
		assert_int_equal(g_strv_length(lines), n);
		assert_true(g_strv_equal((const gchar *const *)lines,
		                         (const gchar *const *)expected));
		g_strfreev(lines);
		g_strfreev(expected);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_untouched_input_is_not_copied),
		cmocka_unit_test(test_parts_cut),
		cmocka_unit_test(test_fields_dropped),
		cmocka_unit_test(test_field_cut),
		cmocka_unit_test(test_message_parts_have_headers),
		cmocka_unit_test(test_bare_cr),
		cmocka_unit_test(test_lines_split),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
