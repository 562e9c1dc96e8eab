/*
 * Pathological messages: each builds its input in memory (nothing big is
 * committed) and checks that message_parse() returns a parsed_message
 * whose strings are all valid UTF-8, with the limits_hit bits expected.
 *
 * Run with --measure (not part of the suite) to print, for each case, the
 * input size, the parse time and the growth of peak RSS during the parse,
 * each case in a forked child.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <glib.h>

#include "parsers/message.h"

/* ---- inputs ---- */

static GString *deep_multipart(void)
{
	GString *raw = g_string_new("Subject: deep\n");

	for (int i = 0; i < 1000; i++)
		g_string_append_printf(raw, "Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n",
		                       i, i);
	g_string_append(raw, "Content-Type: text/plain\n\ntoo deep\n");
	return raw;
}

/* Forwarded messages inside forwarded messages. */
static GString *deep_forwards(void)
{
	GString *raw = g_string_new("Subject: Fwd: deep\n");

	for (int i = 0; i < 1000; i++)
		g_string_append(raw, "Content-Type: message/rfc822\n\nSubject: inner\n");
	g_string_append(raw, "Content-Type: text/plain\n\ninnermost\n");
	return raw;
}

static GString *many_parts(void)
{
	GString *raw = g_string_new("Subject: many\nContent-Type: multipart/mixed; boundary=b\n\n"
	                            "--b\nContent-Type: text/plain\n\nthe body\n");

	for (int i = 0; i < 100000; i++)
		g_string_append(raw, "--b\nContent-Type: application/octet-stream\n\nx\n");
	g_string_append(raw, "--b--\n");
	return raw;
}

/* Tiny parts without headers: the most parts per byte. */
static GString *many_bare_parts(void)
{
	GString *raw = g_string_new("Subject: bare\nContent-Type: multipart/mixed; boundary=b\n\n");

	for (int i = 0; i < 1000000; i++)
		g_string_append(raw, "--b\n\nx\n");
	g_string_append(raw, "--b--\n");
	return raw;
}

static GString *long_subject(void)
{
	GString *raw = g_string_new("Subject: ");

	for (int i = 0; i < 2 * 1024 * 1024; i++)
		g_string_append_c(raw, (char)('a' + i % 26));
	g_string_append(raw, "\nFrom: a@b.example\n\nbody\n");
	return raw;
}

static GString *long_address_list(void)
{
	GString *raw = g_string_new("From: a@b.example\nTo: ");

	for (int i = 0; raw->len < 2 * 1024 * 1024; i++)
		g_string_append_printf(raw, "User %d <u%d@x.example>, ", i, i);
	g_string_append(raw, "\nSubject: list\n\nbody\n");
	return raw;
}

static GString *many_header_fields(void)
{
	GString *raw = g_string_new("Subject: fields\n");

	for (int i = 0; i < 1000000; i++)
		g_string_append(raw, "X-A: b\n");
	g_string_append(raw, "\nbody\n");
	return raw;
}

static void append_base64_lines(GString *raw, size_t decoded)
{
	/* "AAEC" decodes to 00 00 02: 57 bytes a 76-character line. */
	static const char line[] =
		"AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\n";

	for (size_t n = 0; n < decoded; n += 57)
		g_string_append_len(raw, line, sizeof(line) - 1);
}

#define BIG_ATTACHMENT (50u * 1024 * 1024)

static GString *big_attachment(void)
{
	GString *raw = g_string_sized_new(BIG_ATTACHMENT / 3 * 4 + BIG_ATTACHMENT / 50);

	g_string_append(raw, "Subject: big\nContent-Type: multipart/mixed; boundary=b\n\n"
	                "--b\nContent-Type: text/plain\n\nSee the file.\n"
	                "--b\nContent-Type: application/octet-stream; name=big.bin\n"
	                "Content-Transfer-Encoding: base64\n\n");
	append_base64_lines(raw, BIG_ATTACHMENT);
	g_string_append(raw, "--b--\n");
	return raw;
}

static GString *nul_bytes(void)
{
	static const char raw[] =
		"Subject: nul\0in subject\nFrom: A\0B <a@b.example>\n"
		"X-\0: v\nContent-Type: text/plain; charset=utf-8\n\n"
		"body \0 with \0\0 nuls\n";

	return g_string_new_len(raw, sizeof(raw) - 1);
}

static GString *bare_cr(void)
{
	return g_string_new("Subject: old mac\rFrom: a@b.example\r\rline one\rline two\r");
}

static GString *missing_final_boundary(void)
{
	return g_string_new("Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n"
	                    "--b\nContent-Type: text/plain\n\nthe body\n"
	                    "--b\nContent-Type: application/pdf; name=a.pdf\n"
	                    "Content-Transfer-Encoding: base64\n\nJVBERi0x\n");
}

static GString *wrong_boundary(void)
{
	return g_string_new("Subject: x\nContent-Type: multipart/mixed; boundary=right\n\n"
	                    "--wrong\nContent-Type: text/plain\n\nHello body\n--wrong--\n");
}

static GString *truncated_base64(void)
{
	return g_string_new("Subject: x\nContent-Type: text/plain; charset=utf-8\n"
	                    "Content-Transfer-Encoding: base64\n\n"
	                    "SGVsbG8gd29ybGQsIHRoaXMgaXMgY3V0IG9m");
}

static GString *invalid_utf8(void)
{
	return g_string_new("Subject: \xff\xfe bad \xc3\n"
	                    "From: \"\xed\xa0\x80\" <\xff@b.example>\n"
	                    "To: \xc0\xaf <x@\xfe.example>\n"
	                    "Message-ID: <\xff\xfe@x>\n"
	                    "References: <\x80@y> <ok@z>\n"
	                    "Content-Type: multipart/mixed; boundary=b\n\n"
	                    "--b\nContent-Type: text/plain; charset=utf-8\n\n"
	                    "body \xf8\x88\x80\x80\x80 \xc3\x28 \xe2\x82\n"
	                    "--b\nContent-Type: text/plain; charset=\xfe; name=\"\xff.txt\"\n\n"
	                    "\xff\n--b--\n");
}

/* The Content-Type that makes GMime 3.2.13's g_mime_multipart_get_boundary()
 * loop forever: here at the top, in a part, and in a forwarded message. */
static void append_loop_type(GString *raw)
{
	g_string_append(raw, "Content-Type: multipart/mixed;\n ");
	for (int i = 0; i < 36; i++)
		g_string_append(raw, "\xd1\x9c");
	g_string_append(raw, "=\"\xd1\x9c\";\n\n");
}

static GString *boundary_loop(void)
{
	GString *raw = g_string_new("Subject: loop\n");

	append_loop_type(raw);
	g_string_append(raw, "--x\n\nbody\n");
	return raw;
}

static GString *boundary_loop_nested(void)
{
	GString *raw = g_string_new("Subject: Fwd: loop\nContent-Type: multipart/mixed; boundary=o\n\n"
	                            "--o\n");

	append_loop_type(raw);
	g_string_append(raw, "body\n--o\nContent-Type: message/rfc822\n\nSubject: inner\n");
	append_loop_type(raw);
	g_string_append(raw, "inner body\n--o--\n");
	return raw;
}

static GString *many_encoded_words(void)
{
	GString *raw = g_string_new("Subject: ");

	for (int i = 0; i < 100000; i++)
		g_string_append(raw, " =?UTF-8?B?5L2g5aW9?=");
	g_string_append(raw, "\nFrom: a@b.example\n\nbody\n");
	return raw;
}

static GString *long_single_line(void)
{
	GString *raw = g_string_new("Subject: line\nContent-Type: text/plain; charset=utf-8\n\n");

	for (int i = 0; i < 10 * 1024 * 1024; i++)
		g_string_append_c(raw, (char)('a' + i % 26));
	g_string_append_c(raw, '\n');
	return raw;
}

static GString *long_html(void)
{
	GString *raw = g_string_new("Subject: html\nContent-Type: text/html; charset=utf-8\n\n<html><body>");

	while (raw->len < 12 * 1024 * 1024)
		g_string_append(raw, "<p style=\"margin:0\">Line of text</p>\n");
	g_string_append(raw, "</body></html>\n");
	return raw;
}

/* ---- checks ---- */

static void assert_utf8(const char *s)
{
	if (s != NULL)
		assert_true(g_utf8_validate(s, -1, NULL));
}

static void assert_present(const char *s)
{
	assert_non_null(s);
	assert_utf8(s);
}

static void assert_address(const struct msg_address *a)
{
	assert_present(a->name);
	assert_present(a->addr);
}

static void assert_list(const struct msg_address_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		assert_address(&list->items[i]);
}

static void assert_all_utf8(const struct parsed_message *m)
{
	const struct msg_flags *f = &m->flags;

	assert_present(m->message_id);
	assert_utf8(m->in_reply_to);
	assert_non_null(m->references);
	for (size_t i = 0; i < m->n_references; i++)
		assert_present(m->references[i]);
	assert_address(&m->from);
	assert_address(&m->sender);
	assert_address(&m->original_from);
	assert_list(&m->reply_to);
	assert_list(&m->to);
	assert_list(&m->cc);
	assert_utf8(m->return_path);
	assert_present(m->subject);
	assert_present(m->body_text);
	assert_present(m->body_new);
	assert_utf8(m->original_subject);
	for (size_t i = 0; i < m->n_attachments; i++) {
		assert_present(m->attachments[i].filename);
		assert_present(m->attachments[i].content_type);
	}
	assert_utf8(f->auto_submitted);
	assert_utf8(f->precedence);
	assert_utf8(f->x_auto_response_suppress);
	assert_utf8(f->report_type);
	assert_utf8(f->dsn_final_recipient);
	assert_utf8(f->dsn_status);
	assert_utf8(f->dsn_original_message_id);
	assert_utf8(f->calendar_method);
	assert_utf8(m->parse_error);
}

static void check_deep(const struct parsed_message *m)
{
	assert_string_equal(m->subject, "deep");
	assert_non_null(m->parse_error);
}

static void check_deep_forwards(const struct parsed_message *m)
{
	assert_non_null(m->parse_error);
	assert_true(m->forwarded);
	assert_string_equal(m->original_subject, "inner");
}

static void check_many_parts(const struct parsed_message *m)
{
	assert_string_equal(m->body_text, "the body");
	assert_non_null(m->parse_error);
	/* The parts up to the bound are listed. */
	assert_true(m->n_attachments >= MSG_DEFAULT_MAX_PARTS - 10);
	assert_true(m->n_attachments < MSG_DEFAULT_MAX_PARTS);
}

static void check_bare_parts(const struct parsed_message *m)
{
	assert_string_equal(m->subject, "bare");
	assert_true(m->n_attachments < MSG_DEFAULT_MAX_PARTS);
}

static void check_long_subject(const struct parsed_message *m)
{
	assert_true(strlen(m->subject) <= MSG_DEFAULT_MAX_HEADER_BYTES);
	assert_true(strlen(m->subject) > MSG_DEFAULT_MAX_HEADER_BYTES - 1024);
	assert_true(g_str_has_prefix(m->subject, "abcdefghijklmnopqrstuvwxyzabc"));
	assert_string_equal(m->from.addr, "a@b.example");
	assert_string_equal(m->body_text, "body\n");
}

static void check_long_list(const struct parsed_message *m)
{
	/* What fits in 256 KiB: some thousands of recipients, all whole. */
	assert_true(m->to.count > 5000);
	assert_true(m->to.count < 20000);
	assert_string_equal(m->to.items[0].addr, "u0@x.example");
	assert_string_equal(m->to.items[0].name, "User 0");
	assert_string_equal(m->subject, "list");
}

static void check_many_fields(const struct parsed_message *m)
{
	assert_string_equal(m->subject, "fields");
	assert_string_equal(m->body_text, "body\n");
}

static void check_big_attachment(const struct parsed_message *m)
{
	assert_null(m->parse_error);
	assert_string_equal(m->body_text, "See the file.");
	assert_int_equal(m->n_attachments, 1);
	assert_string_equal(m->attachments[0].filename, "big.bin");
	/* 57 bytes a line, whole lines. */
	assert_int_equal(m->attachments[0].size, (BIG_ATTACHMENT + 56) / 57 * 57);
}

static void check_nul_bytes(const struct parsed_message *m)
{
	assert_non_null(strstr(m->body_text, "with"));
	assert_non_null(strstr(m->body_text, "nuls"));
	assert_true(g_str_has_prefix(m->subject, "nul"));
}

static void check_bare_cr(const struct parsed_message *m)
{
	assert_string_equal(m->subject, "old mac");
	assert_string_equal(m->from.addr, "a@b.example");
	assert_string_equal(m->body_text, "line one\nline two\n");
}

static void check_missing_final_boundary(const struct parsed_message *m)
{
	assert_string_equal(m->body_text, "the body");
	assert_int_equal(m->n_attachments, 1);
	assert_string_equal(m->attachments[0].filename, "a.pdf");
	assert_int_equal(m->attachments[0].size, 6);
}

static void check_wrong_boundary(const struct parsed_message *m)
{
	/* Nothing lost: the text is kept, boundary lines and all. */
	assert_non_null(strstr(m->body_text, "Hello body"));
}

static void check_truncated_base64(const struct parsed_message *m)
{
	assert_string_equal(m->body_text, "Hello world, this is cut of");
}

static void check_invalid_utf8(const struct parsed_message *m)
{
	assert_true(g_str_has_prefix(m->body_text, "body "));
	assert_true(strlen(m->subject) > 0);
	assert_int_equal(m->n_attachments, 1);
	assert_int_equal(m->n_references, 2);
	assert_string_equal(m->references[1], "ok@z");
}

static void check_loop(const struct parsed_message *m)
{
	assert_string_equal(m->subject, "loop");
}

static void check_loop_nested(const struct parsed_message *m)
{
	assert_string_equal(m->subject, "Fwd: loop");
	assert_true(m->forwarded);
	assert_string_equal(m->original_subject, "inner");
}

static void check_encoded_words(const struct parsed_message *m)
{
	/* 你好 repeated, cut at a character boundary within 256 KiB. */
	assert_true(g_str_has_prefix(m->subject, "\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xbd\xa0"));
	assert_true(strlen(m->subject) <= MSG_DEFAULT_MAX_HEADER_BYTES);
	assert_true(strlen(m->subject) > 50000);
}

static void check_long_line(const struct parsed_message *m)
{
	assert_int_equal(strlen(m->body_text), MSG_DEFAULT_MAX_BODY_TEXT);
	assert_true(g_str_has_prefix(m->body_text, "abcdefghijklmnopqrstuvwxyzab"));
	assert_int_equal(strlen(m->body_new), MSG_DEFAULT_MAX_BODY_TEXT);
}

static void check_long_html(const struct parsed_message *m)
{
	assert_true(m->body_from_html);
	assert_true(g_str_has_prefix(m->body_text, "Line of text"));
	assert_true(strlen(m->body_text) <= MSG_DEFAULT_MAX_BODY_TEXT);
	assert_true(strlen(m->body_text) > MSG_DEFAULT_MAX_BODY_TEXT / 4);
}

struct patho_case {
	const char *name;
	GString *(*build)(void);
	unsigned limits_hit;
	void (*check)(const struct parsed_message *m);
};

static const struct patho_case cases[] = {
	{ "1000-deep multiparts", deep_multipart, MSG_LIMIT_DEPTH, check_deep },
	{ "1000-deep forwards", deep_forwards, MSG_LIMIT_DEPTH, check_deep_forwards },
	{ "100,000 parts", many_parts, MSG_LIMIT_PARTS, check_many_parts },
	{ "1,000,000 bare parts", many_bare_parts, MSG_LIMIT_PARTS, check_bare_parts },
	{ "2 MB subject line", long_subject, MSG_LIMIT_HEADER, check_long_subject },
	{ "2 MB address list", long_address_list, MSG_LIMIT_HEADER, check_long_list },
	{ "1,000,000 header fields", many_header_fields, MSG_LIMIT_HEADER, check_many_fields },
	{ "50 MB base64 attachment", big_attachment, 0, check_big_attachment },
	{ "NUL bytes", nul_bytes, 0, check_nul_bytes },
	{ "bare CR line ends", bare_cr, 0, check_bare_cr },
	{ "missing final boundary", missing_final_boundary, 0, check_missing_final_boundary },
	{ "wrong boundary", wrong_boundary, 0, check_wrong_boundary },
	{ "truncated base64", truncated_base64, 0, check_truncated_base64 },
	{ "invalid UTF-8 everywhere", invalid_utf8, 0, check_invalid_utf8 },
	{ "GMime 3.2.13 boundary loop", boundary_loop, 0, check_loop },
	{ "boundary loop, nested", boundary_loop_nested, 0, check_loop_nested },
	{ "100,000 encoded-words", many_encoded_words, MSG_LIMIT_HEADER, check_encoded_words },
	{ "10 MB single-line body", long_single_line, MSG_LIMIT_BODY, check_long_line },
	{ "12 MB HTML body", long_html, MSG_LIMIT_BODY, check_long_html },
};

static int group_setup(void **state)
{
	(void)state;
	message_parser_init();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	message_parser_deinit();
	return 0;
}

static void run_case(void **state)
{
	const struct patho_case *c = *state;
	GString *raw = c->build();
	struct parsed_message *m = NULL;

	assert_int_equal(message_parse((const unsigned char *)raw->str, raw->len, NULL, &m), 0);
	g_string_free(raw, TRUE);
	assert_non_null(m);
	assert_all_utf8(m);
	if (m->limits_hit != c->limits_hit)
		fail_msg("%s: limits_hit %#x, expected %#x", c->name, m->limits_hit,
		         c->limits_hit);
	c->check(m);
	message_free(&m);
}

/* ---- --measure ---- */

/* A line of /proc/self/status in KiB, or -1. */
static long status_kib(const char *field)
{
	char *status = NULL;
	long res = -1;

	if (g_file_get_contents("/proc/self/status", &status, NULL, NULL)) {
		const char *p = strstr(status, field);

		if (p != NULL)
			res = strtol(p + strlen(field) + 1, NULL, 10);
	}
	g_free(status);
	return res;
}

/* Resets VmHWM to the current RSS (Linux 4.0+). */
static bool reset_peak_rss(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	bool ok;

	if (f == NULL)
		return false;
	ok = fputs("5", f) >= 0;
	return fclose(f) == 0 && ok;
}

static void measure_child(const struct patho_case *c)
{
	GString *raw = c->build();
	struct parsed_message *m = NULL;
	long rss_before, hwm_after;
	gint64 start, end;

	if (!reset_peak_rss())
		fprintf(stderr, "cannot reset VmHWM; growth includes building the input\n");
	rss_before = status_kib("VmRSS:");
	start = g_get_monotonic_time();
	message_parse((const unsigned char *)raw->str, raw->len, NULL, &m);
	end = g_get_monotonic_time();
	hwm_after = status_kib("VmHWM:");
	printf("%-28s %9.1f MB in %8.1f ms, peak RSS +%7.1f MB, limits_hit %#x\n",
	       c->name, raw->len / 1048576.0, (end - start) / 1000.0,
	       (hwm_after - rss_before) / 1024.0, m->limits_hit);
	message_free(&m);
	g_string_free(raw, TRUE);
}

static int measure(void)
{
	message_parser_init();
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		pid_t pid;
		int status;

		fflush(stdout);
		pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			measure_child(&cases[i]);
			fflush(stdout);
			_exit(0);
		}
		if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			printf("%-28s failed\n", cases[i].name);
	}
	message_parser_deinit();
	return 0;
}

int main(int argc, char **argv)
{
	struct CMUnitTest tests[G_N_ELEMENTS(cases)];

	if (argc > 1 && strcmp(argv[1], "--measure") == 0)
		return measure();
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct CMUnitTest t = {
			.name = cases[i].name,
			.test_func = run_case,
			.initial_state = (void *)&cases[i],
		};

		tests[i] = t;
	}
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
