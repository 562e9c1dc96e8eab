/* message: whole messages in, struct parsed_message out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "parsers/message.h"

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

/* Point 10: every string in the result is valid UTF-8. */
static void assert_utf8(const char *s)
{
	if (s != NULL)
		assert_true(g_utf8_validate(s, -1, NULL));
}

static void assert_address_utf8(const struct msg_address *a)
{
	assert_non_null(a->name);
	assert_non_null(a->addr);
	assert_utf8(a->name);
	assert_utf8(a->addr);
}

static void assert_list_utf8(const struct msg_address_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		assert_address_utf8(&list->items[i]);
}

static void assert_all_utf8(const struct parsed_message *m)
{
	const struct msg_flags *f = &m->flags;

	assert_non_null(m->message_id);
	assert_utf8(m->message_id);
	assert_utf8(m->in_reply_to);
	assert_non_null(m->references);
	for (size_t i = 0; i < m->n_references; i++)
		assert_utf8(m->references[i]);
	assert_null(m->references[m->n_references]);
	assert_address_utf8(&m->from);
	assert_address_utf8(&m->sender);
	assert_list_utf8(&m->reply_to);
	assert_list_utf8(&m->to);
	assert_list_utf8(&m->cc);
	assert_utf8(m->return_path);
	assert_non_null(m->subject);
	assert_utf8(m->subject);
	assert_non_null(m->body_text);
	assert_utf8(m->body_text);
	assert_non_null(m->body_new);
	assert_utf8(m->body_new);
	for (size_t i = 0; i < m->n_attachments; i++) {
		assert_non_null(m->attachments[i].filename);
		assert_utf8(m->attachments[i].filename);
		assert_utf8(m->attachments[i].content_type);
	}
	assert_utf8(f->auto_submitted);
	assert_utf8(f->precedence);
	assert_utf8(f->x_auto_response_suppress);
	assert_utf8(f->report_type);
	assert_utf8(f->dsn_final_recipient);
	assert_utf8(f->dsn_status);
	assert_utf8(f->dsn_original_message_id);
	assert_utf8(f->calendar_method);
	assert_address_utf8(&m->original_from);
	assert_utf8(m->original_subject);
	if (!m->forwarded) {
		assert_string_equal(m->original_from.addr, "");
		assert_null(m->original_subject);
	}
	assert_utf8(m->parse_error);
}

static struct parsed_message *parse_len_with(const char *raw, size_t len,
                                             const struct message_parse_options *opts)
{
	struct parsed_message *m = NULL;

	assert_int_equal(message_parse((const unsigned char *)raw, len, opts, &m), 0);
	assert_non_null(m);
	assert_all_utf8(m);
	return m;
}

static struct parsed_message *parse(const char *raw)
{
	return parse_len_with(raw, strlen(raw), NULL);
}

/* For string literals that may hold NUL bytes. */
#define PARSE_LITERAL(lit) parse_and_free((lit), sizeof(lit) - 1)

static void parse_and_free(const char *raw, size_t len)
{
	struct parsed_message *m = parse_len_with(raw, len, NULL);

	message_free(&m);
	assert_null(m);
}

/* ---- 1. parsing never fails ---- */

static void test_invalid_arguments(void **state)
{
	struct parsed_message *m = NULL;

	(void)state;
	assert_int_equal(message_parse((const unsigned char *)"x", 1, NULL, NULL), -1);
	assert_int_equal(message_parse(NULL, 5, NULL, &m), -1);
	assert_null(m);
	message_free(NULL);
	message_free(&m);
}

static void test_empty_input(void **state)
{
	struct parsed_message *m = NULL;

	(void)state;
	assert_int_equal(message_parse(NULL, 0, NULL, &m), 0);
	assert_non_null(m);
	assert_all_utf8(m);
	assert_non_null(m->parse_error);
	assert_true(m->message_id_derived);
	assert_string_equal(m->body_text, "");
	assert_string_equal(m->from.addr, "");
	assert_false(m->date_valid);
	message_free(&m);
}

static void test_garbage_inputs(void **state)
{
	static const char nul_bytes[] = "\0\0\0Subject\0: x\0\n\n\0body";
	unsigned char random_bytes[4096];
	guint32 seed = 12345;
	struct parsed_message *m;

	(void)state;
	for (size_t i = 0; i < sizeof(random_bytes); i++) {
		seed = seed * 1103515245u + 12345u;
		random_bytes[i] = (unsigned char)(seed >> 16);
	}
	m = parse_len_with((const char *)random_bytes, sizeof(random_bytes), NULL);
	assert_non_null(m->parse_error);
	/* Nothing lost: the bytes are kept as (repaired) text. */
	assert_true(strlen(m->body_text) > 0);
	message_free(&m);

	m = parse_len_with(nul_bytes, sizeof(nul_bytes) - 1, NULL);
	assert_non_null(m->parse_error);
	message_free(&m);

	m = parse("just some words, no header at all\n");
	assert_non_null(m->parse_error);
	assert_string_equal(m->body_text, "just some words, no header at all\n");
	message_free(&m);

	PARSE_LITERAL("\xff\xfe\xfd: \xff\n\n\xff");
	PARSE_LITERAL("Subject: x\r\nContent-Type: multipart/mixed\r\n\r\nno boundary");
	PARSE_LITERAL("Content-Type: multipart/mixed; boundary=\"\"\n\n--\n\n--\n");
	PARSE_LITERAL("Content-Transfer-Encoding: base64\n\n====!!!!");
	/* An empty HTML part without a charset (found by fuzzing). */
	PARSE_LITERAL("Content-Type: multipart/mixed; boundary=b\n\n--b\n"
	               "Content-Type: text/html\n\n--b--\n");
}

/* The crafted Content-Type that makes GMime 3.2.13's
 * g_mime_multipart_get_boundary() loop forever. */
static void test_boundary_loop_input_returns(void **state)
{
	GString *raw = g_string_new("Subject: loop\nContent-Type: multipart/mixed;\n ");
	struct parsed_message *m;

	(void)state;
	for (int i = 0; i < 36; i++)
		g_string_append(raw, "\xd1\x9c");
	g_string_append(raw, "=\"\xd1\x9c\";\n\n--x\n\nbody\n");
	m = parse_len_with(raw->str, raw->len, NULL);
	assert_string_equal(m->subject, "loop");
	message_free(&m);
	g_string_free(raw, TRUE);
}

static void test_depth_bound(void **state)
{
	GString *raw = g_string_new("Subject: deep\n");
	struct parsed_message *m;

	(void)state;
	for (int i = 0; i < 100; i++)
		g_string_append_printf(raw, "Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n", i, i);
	g_string_append(raw, "Content-Type: text/plain\n\ntoo deep\n");
	m = parse_len_with(raw->str, raw->len, NULL);
	assert_non_null(m->parse_error);
	assert_int_equal(m->limits_hit, MSG_LIMIT_DEPTH);
	assert_string_equal(m->subject, "deep");
	message_free(&m);
	g_string_free(raw, TRUE);
}

static void test_part_count_bound(void **state)
{
	GString *raw = g_string_new("Subject: many\nContent-Type: multipart/mixed; boundary=b\n\n");
	struct parsed_message *m;

	(void)state;
	for (int i = 0; i < 10050; i++)
		g_string_append(raw, "--b\nContent-Type: application/octet-stream\n\nx\n");
	g_string_append(raw, "--b--\n");
	m = parse_len_with(raw->str, raw->len, NULL);
	assert_non_null(m->parse_error);
	assert_int_equal(m->limits_hit, MSG_LIMIT_PARTS);
	/* Up to the bound, the parts were listed. */
	assert_true(m->n_attachments > 9000);
	assert_true(m->n_attachments < 10000);
	message_free(&m);
	g_string_free(raw, TRUE);
}

/* ---- 2. identifiers ---- */

static void test_message_ids(void **state)
{
	struct parsed_message *m = parse(
		"Message-ID:\r\n <abc.123@Example.COM>\r\n"
		"In-Reply-To: Your message of Monday <first@x.example> <second@x.example>\r\n"
		"References: <r1@a.example> (comment)\r\n junk <r2@b.example>,<r3@c.example>\r\n"
		"Subject: ids\r\n\r\nbody\r\n");

	(void)state;
	assert_null(m->parse_error);
	assert_string_equal(m->message_id, "abc.123@Example.COM");
	assert_false(m->message_id_derived);
	assert_string_equal(m->in_reply_to, "first@x.example");
	assert_int_equal(m->n_references, 3);
	assert_string_equal(m->references[0], "r1@a.example");
	assert_string_equal(m->references[1], "r2@b.example");
	assert_string_equal(m->references[2], "r3@c.example");
	message_free(&m);
}

static void test_missing_message_id_is_derived(void **state)
{
	static const char raw[] = "From: a@b.example\nSubject: no id\n\nbody\n";
	static const char other[] = "From: a@b.example\nSubject: no id\n\nbody!\n";
	struct parsed_message *m1 = parse(raw), *m2 = parse(raw), *m3 = parse(other);
	char *hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
	                                        (const guchar *)raw, strlen(raw));
	char *expected = g_strconcat(hex, "@followup.invalid", NULL);

	(void)state;
	assert_true(m1->message_id_derived);
	assert_string_equal(m1->message_id, expected);
	assert_int_equal(strlen(m1->message_id), 64 + strlen("@followup.invalid"));
	/* Same bytes, same id; other bytes, other id. */
	assert_string_equal(m1->message_id, m2->message_id);
	assert_string_not_equal(m1->message_id, m3->message_id);
	assert_null(m1->in_reply_to);
	assert_int_equal(m1->n_references, 0);
	g_free(hex);
	g_free(expected);
	message_free(&m1);
	message_free(&m2);
	message_free(&m3);
}

static void test_empty_message_id_is_derived(void **state)
{
	struct parsed_message *m = parse("Message-ID: <>\nSubject: x\n\nbody\n");

	(void)state;
	assert_true(m->message_id_derived);
	assert_true(g_str_has_suffix(m->message_id, "@followup.invalid"));
	message_free(&m);
	m = parse("Message-ID: bare-id@host.example\nSubject: x\n\nbody\n");
	assert_false(m->message_id_derived);
	assert_string_equal(m->message_id, "bare-id@host.example");
	message_free(&m);
}

/* ---- 3. date ---- */

static void test_date(void **state)
{
	struct parsed_message *m = parse("Date: Mon, 05 Feb 2024 10:00:00 +0100\nSubject: x\n\nb\n");

	(void)state;
	assert_true(m->date_valid);
	assert_int_equal(m->date, 1707123600);
	message_free(&m);

	m = parse("Subject: no date\n\nb\n");
	assert_false(m->date_valid);
	assert_true(m->date == MSG_DATE_NONE);
	message_free(&m);

	m = parse("Date: sometime next week\nSubject: bad date\n\nb\n");
	assert_false(m->date_valid);
	assert_true(m->date == MSG_DATE_NONE);
	message_free(&m);
}

/* ---- 4. addresses ---- */

static void test_addresses(void **state)
{
	struct parsed_message *m = parse(
		"From: =?UTF-8?B?Sm9zw6kgTnXDscOxZXo=?= <Jose.Nunez@Example.COM>\r\n"
		"Sender: Secretary <sec@EXAMPLE.com>\r\n"
		"Reply-To: \"Sales, Team\" <Sales@Example.COM>\r\n"
		"To: a@b.example, Team: x@Y.Example, \"Q\" <q@r.example>;, c@D.example\r\n"
		"Cc: =?UTF-8?B?SGk=?= =?UTF-8?B?V29ybGQ=?= <hw@example.org>\r\n"
		"Cc: second-cc@example.org\r\n"
		"Return-Path: <Bounce@Mail.Example.COM>\r\n"
		"Subject: addresses\r\n\r\nbody\r\n");

	(void)state;
	assert_string_equal(m->from.name, "Jos\xc3\xa9 Nu\xc3\xb1\xc3\xb1" "ez");
	assert_string_equal(m->from.addr, "Jose.Nunez@example.com");
	assert_string_equal(m->sender.name, "Secretary");
	assert_string_equal(m->sender.addr, "sec@example.com");
	assert_int_equal(m->reply_to.count, 1);
	assert_string_equal(m->reply_to.items[0].name, "Sales, Team");
	assert_string_equal(m->reply_to.items[0].addr, "Sales@example.com");
	/* The group is flattened, in order. */
	assert_int_equal(m->to.count, 4);
	assert_string_equal(m->to.items[0].addr, "a@b.example");
	assert_string_equal(m->to.items[0].name, "");
	assert_string_equal(m->to.items[1].addr, "x@y.example");
	assert_string_equal(m->to.items[2].name, "Q");
	assert_string_equal(m->to.items[2].addr, "q@r.example");
	assert_string_equal(m->to.items[3].addr, "c@d.example");
	/* Adjacent encoded-words in a display name (GMime 3.2.13 defect). */
	assert_int_equal(m->cc.count, 2);
	assert_string_equal(m->cc.items[0].name, "HiWorld");
	assert_string_equal(m->cc.items[1].addr, "second-cc@example.org");
	assert_string_equal(m->return_path, "Bounce@mail.example.com");
	assert_true(m->flags.has_return_path);
	assert_false(m->flags.null_return_path);
	message_free(&m);
}

static void test_raw_8bit_display_names(void **state)
{
	/* 你好 in GBK, undeclared, as Chinese mailers send it. */
	struct parsed_message *m = parse(
		"From: \xc4\xe3\xba\xc3 <ni.hao@Example.CN>\r\n"
		"To: \"M\xfcller\" <m@example.de>\r\n"
		"Subject: x\r\n\r\nbody\r\n");

	(void)state;
	assert_string_equal(m->from.name, "\xe4\xbd\xa0\xe5\xa5\xbd");
	assert_string_equal(m->from.addr, "ni.hao@example.cn");
	assert_int_equal(m->to.count, 1);
	assert_true(g_utf8_validate(m->to.items[0].name, -1, NULL));
	message_free(&m);
}

static void test_missing_from_and_return_path(void **state)
{
	struct parsed_message *m = parse("Subject: nobody\n\nbody\n");

	(void)state;
	assert_string_equal(m->from.addr, "");
	assert_string_equal(m->from.name, "");
	assert_string_equal(m->sender.addr, "");
	assert_int_equal(m->to.count, 0);
	assert_null(m->to.items);
	assert_null(m->return_path);
	assert_false(m->flags.has_return_path);
	message_free(&m);

	m = parse("Return-Path: <>\nFrom: undisclosed-recipients:;\nSubject: null\n\nb\n");
	assert_string_equal(m->return_path, "");
	assert_true(m->flags.has_return_path);
	assert_true(m->flags.null_return_path);
	assert_string_equal(m->from.addr, "");
	message_free(&m);
}

/* ---- 5. subject ---- */

static void test_subject(void **state)
{
	struct parsed_message *m = parse(
		"Subject: =?UTF-8?B?SGk=?= =?UTF-8?B?V29ybGQ=?=\r\n"
		"   and\r\n\t  =?ISO-8859-1?Q?caf=E9?=  \r\n\r\nbody\r\n");

	(void)state;
	assert_string_equal(m->subject, "HiWorld and caf\xc3\xa9");
	message_free(&m);

	/* 你好 split inside a character across two words. */
	m = parse("Subject: =?UTF-8?B?5L0=?= =?UTF-8?B?oOWlvQ==?=\n\nb\n");
	assert_string_equal(m->subject, "\xe4\xbd\xa0\xe5\xa5\xbd");
	message_free(&m);

	/* Raw GBK bytes. */
	m = parse("Subject: \xb1\xa8\xbc\xdb \xc4\xe3\xba\xc3\n\nb\n");
	assert_string_equal(m->subject, "\xe6\x8a\xa5\xe4\xbb\xb7 \xe4\xbd\xa0\xe5\xa5\xbd");
	message_free(&m);

	m = parse("Subject: =?ISO-2022-JP?B?GyRCOCtAURsoQg==?=\n\nb\n");
	assert_string_equal(m->subject, "\xe8\xa6\x8b\xe7\xa9\x8d");
	message_free(&m);

	/* GB2312 label, GBK bytes (報價). */
	m = parse("Subject: =?GB2312?B?iPODcg==?=\n\nb\n");
	assert_string_equal(m->subject, "\xe5\xa0\xb1\xe5\x83\xb9");
	message_free(&m);

	m = parse("From: a@b.example\n\nb\n");
	assert_string_equal(m->subject, "");
	message_free(&m);
}

/* ---- 6. body text, charsets ---- */

static void assert_body(const char *raw, const char *expected)
{
	struct parsed_message *m = parse(raw);

	assert_string_equal(m->body_text, expected);
	assert_false(m->body_from_html);
	message_free(&m);
}

static void test_body_charsets(void **state)
{
	(void)state;
	assert_body("Content-Type: text/plain; charset=UTF-8\n"
	            "Content-Transfer-Encoding: 8bit\n\n"
	            "Gr\xc3\xbc\xc3\x9f" "e \xe4\xbd\xa0\xe5\xa5\xbd\n",
	            "Gr\xc3\xbc\xc3\x9f" "e \xe4\xbd\xa0\xe5\xa5\xbd\n");
	/* ISO-8859-1 read as windows-1252: =80 is the euro sign. */
	assert_body("Content-Type: text/plain; charset=ISO-8859-1\n"
	            "Content-Transfer-Encoding: quoted-printable\n\n"
	            "Caf=E9 =80 10=\n"
	            "0\n",
	            "Caf\xc3\xa9 \xe2\x82\xac 100\n");
	/* Declared GB2312, with GBK-only 報價. */
	assert_body("Content-Type: text/plain; charset=\"gb2312\"\n"
	            "Content-Transfer-Encoding: 8bit\n\n"
	            "\xc4\xe3\xba\xc3 \x88\xf3\x83\x72\n",
	            "\xe4\xbd\xa0\xe5\xa5\xbd \xe5\xa0\xb1\xe5\x83\xb9\n");
	assert_body("Content-Type: text/plain; charset=big5\n\n\xa4\xa4\xa4\xe5\n",
	            "\xe4\xb8\xad\xe6\x96\x87\n");
	assert_body("Content-Type: text/plain; charset=Shift_JIS\n"
	            "Content-Transfer-Encoding: base64\n\nk/qWe4zq\n",
	            "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
	assert_body("Content-Type: text/plain; charset=koi8-r\n\n\xf0\xd2\xc9\xd7\xc5\xd4\n",
	            "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\n");
	/* ISO-2022-JP, the usual Japanese mail charset (stateful). */
	assert_body("Subject: =?ISO-2022-JP?B?GyRCOCtAURsoQg==?=\n"
	            "Content-Type: text/plain; charset=ISO-2022-JP\n\n"
	            "\x1b$BF|K\\8l\x1b(B\n",
	            "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\n");
	/* ks_c_5601-1987 is CP949 (똠 is not in EUC-KR). */
	assert_body("Content-Type: text/plain; charset=ks_c_5601-1987\n\n\x8c\x63\n",
	            "\xeb\x98\xa0\n");
}

static void test_body_undeclared_charset(void **state)
{
	static const char *const koi8[] = { "KOI8-R", NULL };
	static const struct message_parse_options opts = { .charset_fallbacks = koi8 };
	static const char raw_koi8[] = "Subject: x\n\n\xf0\xd2\xc9\xd7\xc5\xd4\n";
	struct parsed_message *m;

	(void)state;
	assert_body("Subject: x\n\n\xe4\xbd\xa0\xe5\xa5\xbd\n", "\xe4\xbd\xa0\xe5\xa5\xbd\n");
	assert_body("Subject: x\n\n\xc4\xe3\xba\xc3\n", "\xe4\xbd\xa0\xe5\xa5\xbd\n");
	assert_body("Content-Type: text/plain\n\nCaf\xe9\n", "Caf\xc3\xa9\n");
	/* A charset iconv does not know: as if undeclared. */
	assert_body("Content-Type: text/plain; charset=x-unknown-thing\n\n\xc4\xe3\xba\xc3\n",
	            "\xe4\xbd\xa0\xe5\xa5\xbd\n");
	m = parse_len_with(raw_koi8, strlen(raw_koi8), &opts);
	assert_string_equal(m->body_text, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\n");
	message_free(&m);
}

/* GMime 3.2.13 stops a base64 body at the first '='. */
static void test_body_base64_padded_chunks(void **state)
{
	(void)state;
	assert_body("Content-Type: text/plain; charset=utf-8\n"
	            "Content-Transfer-Encoding: base64\n\n"
	            "SGk=\nV29ybGQ=\n",
	            "HiWorld");
	assert_body("Content-Type: text/plain; charset=utf-8\r\n"
	            "Content-Transfer-Encoding: BASE64\r\n\r\n"
	            "R3LDvMOfZSwg\r\n5L2g5aW9\r\n",
	            "Gr\xc3\xbc\xc3\x9f" "e, \xe4\xbd\xa0\xe5\xa5\xbd");
}

static void test_body_invalid_bytes_replaced(void **state)
{
	static const char *const none[] = { NULL };
	static const struct message_parse_options opts = { .charset_fallbacks = none };
	static const char raw[] = "Subject: x\n\nok \xff\xfe end\n";
	struct parsed_message *m = parse_len_with(raw, strlen(raw), &opts);

	(void)state;
	assert_string_equal(m->body_text, "ok \xef\xbf\xbd\xef\xbf\xbd end\n");
	message_free(&m);
}

static void test_body_prefers_plain(void **state)
{
	struct parsed_message *m = parse(
		"Content-Type: multipart/alternative; boundary=\"alt\"\n\n"
		"--alt\nContent-Type: text/plain; charset=utf-8\n\nPlain version\n"
		"--alt\nContent-Type: text/html; charset=utf-8\n\n<p>HTML version</p>\n"
		"--alt--\n");

	(void)state;
	assert_string_equal(m->body_text, "Plain version");
	assert_false(m->body_from_html);
	assert_int_equal(m->n_attachments, 0);
	message_free(&m);
}

static void test_body_from_html(void **state)
{
	struct parsed_message *m = parse(
		"Subject: html only\n"
		"Content-Type: text/html; charset=utf-8\n\n"
		"<html><head><title>T</title><style>p{color:red}</style>"
		"<script>alert(1)</script></head><body>"
		"<p>Fish &amp; Chips &eacute;t&eacute; &#8364;5&nbsp;each</p>"
		"<div>Line two</div><ul><li>one</li><li>two</li></ul></body></html>\n");

	(void)state;
	assert_true(m->body_from_html);
	assert_string_equal(m->body_text,
	                    "Fish & Chips \xc3\xa9t\xc3\xa9 \xe2\x82\xac" "5 each\n\n"
	                    "Line two\n\n- one\n- two");
	message_free(&m);
}

static void test_body_html_meta_charset(void **state)
{
	struct parsed_message *m = parse(
		"Content-Type: text/html\n\n"
		"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
		"</head><body>\xc4\xe3\xba\xc3</body></html>\n");

	(void)state;
	assert_true(m->body_from_html);
	assert_string_equal(m->body_text, "\xe4\xbd\xa0\xe5\xa5\xbd");
	message_free(&m);
}

static void test_body_empty_plain_falls_back_to_html(void **state)
{
	struct parsed_message *m = parse(
		"Content-Type: multipart/alternative; boundary=a\n\n"
		"--a\nContent-Type: text/plain\n\n \n"
		"--a\nContent-Type: text/html\n\n<b>Real text</b>\n"
		"--a--\n");

	(void)state;
	assert_true(m->body_from_html);
	assert_string_equal(m->body_text, "Real text");
	message_free(&m);
}

static const char forward_with_text[] =
	"Subject: Fwd: offer\n"
	"Content-Type: multipart/mixed; boundary=b\n\n"
	"--b\nContent-Type: text/plain\n\nFYI see below.\n"
	"--b\nContent-Type: message/rfc822\n\n"
	"From: c@d.example\nSubject: Original offer\nMessage-ID: <inner@d.example>\n\n"
	"Inner text.\n"
	"--b--\n";

static const char forward_without_text[] =
	"Subject: Fwd\n"
	"Content-Type: multipart/mixed; boundary=b\n\n"
	"--b\nContent-Type: message/rfc822\n\n"
	"From: c@d.example\n"
	"Content-Type: text/html; charset=utf-8\n\n"
	"<p>Inner &amp; only</p>\n"
	"--b--\n";

static void test_forwarded_message(void **state)
{
	struct parsed_message *m = parse(forward_with_text);

	(void)state;
	/* The outer text is the body; the forwarded one is an attachment. */
	assert_string_equal(m->body_text, "FYI see below.");
	assert_int_equal(m->n_attachments, 1);
	assert_string_equal(m->attachments[0].content_type, "message/rfc822");
	assert_string_equal(m->attachments[0].filename, "Original offer");
	assert_true(m->attachments[0].size > 60);
	assert_true(m->attachments[0].size < 120);
	/* "Fwd:" and a short note: a forward of c@d.example's message. */
	assert_true(m->forwarded);
	assert_string_equal(m->original_from.addr, "c@d.example");
	assert_string_equal(m->original_subject, "Original offer");
	message_free(&m);

	/* No outer text at all: the forwarded message's text. */
	m = parse(forward_without_text);
	assert_string_equal(m->body_text, "Inner & only");
	assert_true(m->body_from_html);
	assert_int_equal(m->n_attachments, 1);
	assert_string_equal(m->attachments[0].filename, "forwarded.eml");
	assert_true(m->forwarded);
	assert_string_equal(m->original_from.addr, "c@d.example");
	assert_string_equal(m->original_subject, "");
	message_free(&m);
}

/* ---- 7. attachments ---- */

static const char with_attachments[] =
	"From: sales@supplier.example\n"
	"Subject: Quotation\n"
	"Content-Type: multipart/mixed; boundary=\"mix\"\n\n"
	"--mix\n"
	"Content-Type: multipart/related; boundary=\"rel\"\n\n"
	"--rel\n"
	"Content-Type: text/html; charset=utf-8\n\n"
	"<p>See our logo <img src=\"cid:logo@x\"></p>\n"
	"--rel\n"
	"Content-Type: image/PNG\n"
	"Content-ID: <logo@x>\n"
	"Content-Disposition: inline\n"
	"Content-Transfer-Encoding: base64\n\n"
	"iVBORw0KGgo=\n"
	"--rel--\n"
	"--mix\n"
	"Content-Type: application/pdf; name=\"quote.pdf\"\n"
	"Content-Disposition: attachment; filename=\"quote.pdf\"\n"
	"Content-Transfer-Encoding: base64\n\n"
	"JVBERi0x\nLjQK\n"
	"--mix\n"
	"Content-Type: application/pdf\n"
	"Content-Disposition: attachment; filename*=UTF-8''%E6%8A%A5%E4%BB%B7.pdf\n"
	"Content-Transfer-Encoding: base64\n\n"
	"JVBERi0x\n"
	"--mix\n"
	"Content-Type: application/octet-stream;\n"
	" name=\"=?UTF-8?B?5oql?= =?UTF-8?B?5Lu3LnBkZg==?=\"\n"
	"Content-Transfer-Encoding: base64\n\n"
	"SGk=\nV29ybGQ=\n"
	"--mix\n"
	"Content-Type: text/plain; name=notes.txt\n"
	"Content-Transfer-Encoding: quoted-printable\n\n"
	"a=3Db\n"
	"--mix--\n";

static void test_attachments(void **state)
{
	struct parsed_message *m = parse(with_attachments);
	const struct msg_attachment *a = m->attachments;

	(void)state;
	assert_null(m->parse_error);
	assert_true(m->body_from_html);
	assert_string_equal(m->body_text, "See our logo");
	assert_int_equal(m->n_attachments, 5);

	assert_string_equal(a[0].content_type, "image/png");
	assert_string_equal(a[0].filename, "");
	assert_int_equal(a[0].size, 8);
	assert_true(a[0].is_inline);

	assert_string_equal(a[1].content_type, "application/pdf");
	assert_string_equal(a[1].filename, "quote.pdf");
	assert_int_equal(a[1].size, 9);
	assert_false(a[1].is_inline);

	/* RFC 2231 */
	assert_string_equal(a[2].filename, "\xe6\x8a\xa5\xe4\xbb\xb7.pdf");
	assert_int_equal(a[2].size, 6);

	/* Adjacent encoded-words in a parameter; padded base64 chunks. */
	assert_string_equal(a[3].filename, "\xe6\x8a\xa5\xe4\xbb\xb7.pdf");
	assert_string_equal(a[3].content_type, "application/octet-stream");
	assert_int_equal(a[3].size, 7);

	/* A text part with a file name is an attachment, not the body. */
	assert_string_equal(a[4].filename, "notes.txt");
	assert_string_equal(a[4].content_type, "text/plain");
	/* the line break before a boundary belongs to the boundary */
	assert_int_equal(a[4].size, 3);
	message_free(&m);
}

/* ---- 8. flags ---- */

static void test_auto_reply_flags(void **state)
{
	struct parsed_message *m = parse(
		"From: a@b.example\n"
		"Auto-Submitted: Auto-Replied\n"
		"Precedence: Bulk\n"
		"X-Auto-Response-Suppress: All\n"
		"X-Autoreply: yes\n"
		"Subject: Out of office\n\nI am away.\n");

	(void)state;
	assert_string_equal(m->flags.auto_submitted, "auto-replied");
	assert_string_equal(m->flags.precedence, "bulk");
	assert_string_equal(m->flags.x_auto_response_suppress, "all");
	assert_true(m->flags.x_autoreply);
	assert_false(m->flags.has_list_header);
	assert_false(m->flags.is_report);
	message_free(&m);

	m = parse("X-Autorespond: 1\nSubject: x\n\nb\n");
	assert_true(m->flags.x_autoreply);
	assert_null(m->flags.auto_submitted);
	assert_null(m->flags.precedence);
	message_free(&m);
}

static void test_newsletter_flags(void **state)
{
	struct parsed_message *m = parse(
		"From: news@shop.example\n"
		"List-Id: Weekly deals <deals.shop.example>\n"
		"List-Unsubscribe: <mailto:unsub@shop.example>, <https://shop.example/u>\n"
		"Precedence: list\n"
		"Subject: Deals\n\nBuy now.\n");

	(void)state;
	assert_true(m->flags.has_list_id);
	assert_true(m->flags.has_list_unsubscribe);
	assert_true(m->flags.has_list_header);
	assert_string_equal(m->flags.precedence, "list");
	message_free(&m);

	m = parse("List-Post: <mailto:l@x.example>\nSubject: x\n\nb\n");
	assert_true(m->flags.has_list_header);
	assert_false(m->flags.has_list_id);
	assert_false(m->flags.has_list_unsubscribe);
	message_free(&m);
}

static const char dsn_bounce[] =
	"From: MAILER-DAEMON@mx.example.com\r\n"
	"To: sales@ours.example\r\n"
	"Subject: Undelivered Mail Returned to Sender\r\n"
	"Message-ID: <dsn1@mx.example.com>\r\n"
	"Return-Path: <>\r\n"
	"Content-Type: multipart/report; report-type=Delivery-Status;\r\n"
	"\tboundary=\"r\"\r\n\r\n"
	"--r\r\n"
	"Content-Type: text/plain\r\n\r\n"
	"The mail could not be delivered.\r\n"
	"--r\r\n"
	"Content-Type: message/delivery-status\r\n\r\n"
	"Reporting-MTA: dns; mx.example.com\r\n\r\n"
	"Final-Recipient: rfc822; Nobody@Customer.EXAMPLE\r\n"
	"Action: failed\r\n"
	"Status: 5.1.1 (user unknown)\r\n\r\n"
	"--r\r\n"
	"Content-Type: text/rfc822-headers\r\n\r\n"
	"From: sales@ours.example\r\n"
	"To: nobody@customer.example\r\n"
	"Message-ID: <orig-123@ours.example>\r\n"
	"Subject: Quotation\r\n\r\n"
	"--r--\r\n";

static void test_dsn_bounce(void **state)
{
	struct parsed_message *m = parse(dsn_bounce);
	const struct msg_flags *f = &m->flags;

	(void)state;
	assert_true(f->is_report);
	assert_string_equal(f->report_type, "delivery-status");
	assert_string_equal(f->dsn_final_recipient, "Nobody@customer.example");
	assert_string_equal(f->dsn_status, "5.1.1");
	assert_string_equal(f->dsn_original_message_id, "orig-123@ours.example");
	assert_true(f->null_return_path);
	assert_string_equal(m->body_text, "The mail could not be delivered.");
	message_free(&m);
}

static void test_dsn_with_returned_message(void **state)
{
	struct parsed_message *m = parse(
		"From: postmaster@mx.example\n"
		"Content-Type: multipart/mixed; boundary=outer\n\n"
		"--outer\n"
		"Content-Type: multipart/report; report-type=delivery-status; boundary=r\n\n"
		"--r\nContent-Type: text/plain\n\nFailed.\n"
		"--r\nContent-Type: message/delivery-status\n\n"
		"Reporting-MTA: dns; mx.example\n\n"
		"Original-Recipient: rfc822;x@y.example\nStatus: 5.2.2\n\n"
		"--r\nContent-Type: message/rfc822\n\n"
		"Message-ID: <returned@ours.example>\nSubject: Hello\n\nHi\n"
		"--r--\n"
		"--outer--\n");
	const struct msg_flags *f = &m->flags;

	(void)state;
	assert_true(f->is_report);
	assert_string_equal(f->dsn_final_recipient, "x@y.example");
	assert_string_equal(f->dsn_status, "5.2.2");
	assert_string_equal(f->dsn_original_message_id, "returned@ours.example");
	/* A returned message is no forward. */
	assert_false(m->forwarded);
	message_free(&m);
}

static void test_calendar(void **state)
{
	struct parsed_message *m = parse(
		"Content-Type: multipart/alternative; boundary=c\n\n"
		"--c\nContent-Type: text/plain\n\nMeeting on Monday\n"
		"--c\nContent-Type: text/calendar; method=REQUEST; charset=utf-8\n\n"
		"BEGIN:VCALENDAR\nEND:VCALENDAR\n"
		"--c--\n");

	(void)state;
	assert_true(m->flags.is_calendar);
	assert_string_equal(m->flags.calendar_method, "REQUEST");
	assert_string_equal(m->body_text, "Meeting on Monday");
	message_free(&m);

	m = parse("Subject: x\n\nno calendar\n");
	assert_false(m->flags.is_calendar);
	assert_null(m->flags.calendar_method);
	message_free(&m);
}

static void test_calendar_methods(void **state)
{
	static const struct {
		const char *part;
		const char *method;
	} cases[] = {
		/* The METHOD line when there is no parameter. */
		{ "Content-Type: text/calendar; charset=utf-8\n\n"
		  "BEGIN:VCALENDAR\r\nPRODID:x\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n", "CANCEL" },
		{ "Content-Type: application/ics; name=invite.ics\n"
		  "Content-Disposition: attachment; filename=invite.ics\n"
		  "Content-Transfer-Encoding: base64\n\n"
		  "QkVHSU46VkNBTEVOREFSCk1FVEhPRDpSRVBMWQpFTkQ6VkNBTEVOREFSCg==\n", "REPLY" },
		{ "Content-Type: text/calendar; method=\"request\"\n\nBEGIN:VCALENDAR\n", "REQUEST" },
		/* The parameter wins over the line. */
		{ "Content-Type: text/calendar; method=PUBLISH\n\nMETHOD:CANCEL\n", "PUBLISH" },
		/* Junk is no method. */
		{ "Content-Type: text/calendar; method=\"RE QUEST\"\n\nBEGIN:VCALENDAR\n", NULL },
		{ "Content-Type: text/calendar\n\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", NULL },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *raw = g_strconcat("Subject: invite\nContent-Type: multipart/mixed; boundary=c\n\n"
		                        "--c\nContent-Type: text/plain\n\nSee the invitation.\n--c\n",
		                        cases[i].part, "\n--c--\n", NULL);
		struct parsed_message *m = parse(raw);

		assert_true(m->flags.is_calendar);
		if (cases[i].method == NULL)
			assert_null(m->flags.calendar_method);
		else
			assert_string_equal(m->flags.calendar_method, cases[i].method);
		assert_string_equal(m->body_text, "See the invitation.");
		message_free(&m);
		g_free(raw);
	}
}

/* ---- 9. body_new and snippets ---- */

static void test_body_new_gmail(void **state)
{
	struct parsed_message *m = parse(
		"Subject: Re: offer\n\n"
		"Thanks, we accept.\n\n"
		"On Mon, Feb 5, 2024 at 10:00 AM John <john@example.com> wrote:\n"
		"> Our offer is attached.\n");

	(void)state;
	assert_string_equal(m->body_new, "Thanks, we accept.");
	assert_non_null(strstr(m->body_text, "Our offer"));
	message_free(&m);
}

static void test_body_new_outlook(void **state)
{
	struct parsed_message *m = parse(
		"Subject: RE: offer\r\n\r\n"
		"Please send the PI.\r\n\r\n"
		"________________________________\r\n"
		"From: John Smith <john@example.com>\r\n"
		"Sent: Monday, February 5, 2024 10:00 AM\r\n"
		"To: Buyer <b@example.org>\r\n"
		"Subject: offer\r\n\r\n"
		"Old text\r\n");

	(void)state;
	assert_string_equal(m->body_new, "Please send the PI.");
	message_free(&m);
}

static void test_body_new_qq(void **state)
{
	/* GBK body from QQ Mail: 好的 / 原始邮件 separator / 发件人 ... */
	struct parsed_message *m = parse(
		"Subject: x\n"
		"Content-Type: text/plain; charset=gb2312\n\n"
		"\xba\xc3\xb5\xc4\n\n"
		"------------------ \xd4\xad\xca\xbc\xd3\xca\xbc\xfe ------------------\n"
		"\xb7\xa2\xbc\xfe\xc8\xcb: \"z\"<z@qq.com>;\n"
		"\xb7\xa2\xcb\xcd\xca\xb1\xbc\xe4: 2024\n\nold\n");

	(void)state;
	assert_string_equal(m->body_new, "\xe5\xa5\xbd\xe7\x9a\x84");
	message_free(&m);
}

static void test_body_new_html_blockquote(void **state)
{
	struct parsed_message *m = parse(
		"Content-Type: text/html; charset=utf-8\n\n"
		"<div>Agreed.</div><div class=\"gmail_quote\">"
		"<div>On Mon, Feb 5, 2024 at 10:00 AM Ann &lt;ann@example.com&gt; wrote:<br></div>"
		"<blockquote>Earlier message</blockquote></div>\n");

	(void)state;
	assert_true(m->body_from_html);
	assert_non_null(strstr(m->body_text, "> Earlier message"));
	assert_string_equal(m->body_new, "Agreed.");
	message_free(&m);
}

static void test_body_new_keeps_all_when_only_quote(void **state)
{
	struct parsed_message *m = parse("Subject: x\n\n> only a quote\n");

	(void)state;
	assert_string_equal(m->body_new, "> only a quote\n");
	message_free(&m);
}

static void test_snippet(void **state)
{
	char *s;

	(void)state;
	s = message_snippet("  Hello,\r\n\r\n\tworld  and  more ", 100);
	assert_string_equal(s, "Hello, world and more");
	g_free(s);
	s = message_snippet("\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xb8\x96\xe7\x95\x8c", 2);
	assert_string_equal(s, "\xe4\xbd\xa0\xe5\xa5\xbd");
	g_free(s);
	/* Cut at a folded space: no trailing space. */
	s = message_snippet("ab   cd", 3);
	assert_string_equal(s, "ab");
	g_free(s);
	s = message_snippet("abc", 0);
	assert_string_equal(s, "");
	g_free(s);
	s = message_snippet(NULL, 10);
	assert_string_equal(s, "");
	g_free(s);
	s = message_snippet("bad \xff byte", 100);
	assert_string_equal(s, "bad \xef\xbf\xbd byte");
	g_free(s);
}

/* ---- sample files in tests/data/message ---- */

static const struct {
	const char *file;
	const char *subject;
	const char *body_new;
	size_t n_attachments;
	const char *original_from;    /* NULL: not a forward */
	const char *calendar_method;
} sample_files[] = {
	{ "plain_utf8.eml", "Preis f\xc3\xbcr 100 St\xc3\xbc" "ck",
	  "Gr\xc3\xbc\xc3\x9f" "e aus M\xc3\xbcnchen, we need 100 pcs.", 0, NULL, NULL },
	{ "attachments.eml", "Quotation", "Please find our quotation attached.", 3, NULL, NULL },
	{ "dsn_bounce.eml", "Undelivered Mail Returned to Sender",
	  "I'm sorry to have to inform you that your message could not\n"
	  "be delivered to one or more recipients.", 2, NULL, NULL },
	/* 回复：报价 / 好的，明天发货。 */
	{ "qq_html_gbk.eml", "\xe5\x9b\x9e\xe5\xa4\x8d\xef\xbc\x9a\xe6\x8a\xa5\xe4\xbb\xb7",
	  "\xe5\xa5\xbd\xe7\x9a\x84\xef\xbc\x8c\xe6\x98\x8e\xe5\xa4\xa9\xe5\x8f\x91\xe8\xb4\xa7\xe3\x80\x82", 0, NULL, NULL },
	{ "forwarded.eml", "Fwd: inquiry",
	  "Please quote 500 units, d\xc3\xa9livery to Rotterdam.", 1, "buyer@customer.example", NULL },
	{ "outlook_reply.eml", "AW: Angebot", "Danke, wir bestellen 200 St\xc3\xbc" "ck.", 0, NULL, NULL },
	{ "gmail_inline_forward.eml", "Fwd: Anfrage XP-200", "Bitte bis Freitag anbieten.", 0,
	  "h.mueller@kunde.example", NULL },
	/* The S/MIME signature is no attachment; the closing and the
	 * Spanish "Mensaje original" block are cut; "RV:" is a forward. */
	{ "outlook_fw_signed.eml", "RV: Pedido 300 unidades", "Por favor, cotizar.", 0,
	  "jose.perez@cliente.example", NULL },
	/* 회의 초대 / 회의 초대 감사합니다. (CP949 labelled ks_c_5601-1987) */
	{ "calendar_invite.eml", "\xed\x9a\x8c\xec\x9d\x98 \xec\xb4\x88\xeb\x8c\x80",
	  "\xed\x9a\x8c\xec\x9d\x98 \xec\xb4\x88\xeb\x8c\x80 \xea\xb0\x90\xec\x82\xac"
	  "\xed\x95\xa9\xeb\x8b\x88\xeb\x8b\xa4.", 1, NULL, "REQUEST" },
};

static void test_sample_files(void **state)
{
	const char *dir = g_getenv("FOLLOWUP_TEST_DATA");

	(void)state;
	assert_non_null(dir);
	for (size_t i = 0; i < G_N_ELEMENTS(sample_files); i++) {
		char *path = g_build_filename(dir, "message", sample_files[i].file, NULL);
		struct parsed_message *m;
		gchar *raw = NULL;
		gsize len = 0;

		assert_true(g_file_get_contents(path, &raw, &len, NULL));
		m = parse_len_with(raw, len, NULL);
		assert_null(m->parse_error);
		assert_string_equal(m->subject, sample_files[i].subject);
		assert_string_equal(m->body_new, sample_files[i].body_new);
		assert_int_equal(m->n_attachments, sample_files[i].n_attachments);
		assert_int_equal(m->forwarded, sample_files[i].original_from != NULL);
		if (sample_files[i].original_from != NULL)
			assert_string_equal(m->original_from.addr, sample_files[i].original_from);
		if (sample_files[i].calendar_method != NULL)
			assert_string_equal(m->flags.calendar_method, sample_files[i].calendar_method);
		else
			assert_null(m->flags.calendar_method);
		message_free(&m);
		g_free(raw);
		g_free(path);
	}
}

/* ---- forwards ---- */

static const struct {
	const char *raw;
	const char *from_name;
	const char *from_addr;
	const char *subject;
	const char *body_new;
} forward_cases[] = {
	/* Gmail, nothing above the forward: body_new is the forwarded text. */
	{ "Subject: Fwd: Anfrage\n\n"
	  "---------- Forwarded message ---------\n"
	  "From: Hans M\xc3\xbcller <Hans@Kunde.DE>\n"
	  "Date: Mon, Feb 5, 2024 at 10:00 AM\n"
	  "Subject: Anfrage XP-200\n"
	  "To: <sales@us.example>\n\n"
	  "Bitte um Angebot f\xc3\xbcr 200 St\xc3\xbc" "ck.\n\nMit freundlichen Gr\xc3\xbc\xc3\x9f" "en\nHans\n",
	  "Hans M\xc3\xbcller", "Hans@kunde.de", "Anfrage XP-200",
	  "Bitte um Angebot f\xc3\xbcr 200 St\xc3\xbc" "ck." },
	/* Outlook "FW:" with a note and Outlook's own address form. */
	{ "Subject: FW: Inquiry\n\nPlease handle.\n\n"
	  "________________________________\n"
	  "From: Smith, John [mailto:John.Smith@Buyer.COM]\n"
	  "Sent: Monday, February 5, 2024 10:00 AM\n"
	  "To: Sales\nSubject: Inquiry 500 pcs\n\nold\n",
	  "Smith, John", "John.Smith@buyer.com", "Inquiry 500 pcs", "Please handle." },
	/* Apple Mail, a short note, no prefix in the subject. */
	{ "Subject: Pedido\n\nFYI\n\nBegin forwarded message:\n\n"
	  "From: \"Ana Garc\xc3\xad" "a\" <ana@example.es>\nSubject: Pedido 12\nDate: 5 February 2024\n\nHola\n",
	  "Ana Garc\xc3\xad" "a", "ana@example.es", "Pedido 12", "FYI" },
	/* QQ Mail: 转发： and Chinese header fields. */
	{ "Subject: =?UTF-8?B?6L2s5Y+R77ya5oql5Lu3?=\n\n"
	  "------------------ Original ------------------\n"
	  "\xe5\x8f\x91\xe4\xbb\xb6\xe4\xba\xba: \"\xe5\xbc\xa0\xe4\xb8\x89\"<zhang@qq.com>;\n"
	  "\xe5\x8f\x91\xe9\x80\x81\xe6\x97\xb6\xe9\x97\xb4: 2024\xe5\xb9\xb4" "2\xe6\x9c\x88" "5\xe6\x97\xa5\n"
	  "\xe4\xb8\xbb\xe9\xa2\x98: \xe6\x8a\xa5\xe4\xbb\xb7\n\n\xe8\xaf\xb7\xe6\x8a\xa5\xe4\xbb\xb7\n",
	  "\xe5\xbc\xa0\xe4\xb8\x89", "zhang@qq.com", "\xe6\x8a\xa5\xe4\xbb\xb7",
	  "\xe8\xaf\xb7\xe6\x8a\xa5\xe4\xbb\xb7" },
	/* Gmail's HTML forward. */
	{ "Subject: Fwd: Pedido\nContent-Type: text/html; charset=utf-8\n\n"
	  "<div dir=\"ltr\"><br><div class=\"gmail_quote\"><div class=\"gmail_attr\">"
	  "---------- Forwarded message ---------<br>From: <strong class=\"gmail_sendername\">Ana</strong> "
	  "<span>&lt;ana@example.es&gt;</span><br>Date: Mon, 5 Feb 2024<br>Subject: Pedido<br>"
	  "To: &lt;s@us.example&gt;<br></div><br><div>Necesito 300 unidades.</div></div></div>\n",
	  "Ana", "ana@example.es", "Pedido", "Necesito 300 unidades." },
	/* A message/rfc822 part under a one-line note. */
	{ "Subject: see this\nContent-Type: multipart/mixed; boundary=b\n\n"
	  "--b\nContent-Type: text/plain\n\nsee the mail below\n"
	  "--b\nContent-Type: message/rfc822\n\n"
	  "From: =?UTF-8?Q?Jos=C3=A9?= <jose@example.mx>\nSubject: =?UTF-8?Q?Cotizaci=C3=B3n?=\n\nHola\n"
	  "--b--\n",
	  "Jos\xc3\xa9", "jose@example.mx", "Cotizaci\xc3\xb3n", "see the mail below" },
};

static void test_forwards(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(forward_cases); i++) {
		struct parsed_message *m = parse(forward_cases[i].raw);

		if (!m->forwarded)
			fail_msg("case %zu: not a forward", i);
		assert_string_equal(m->original_from.name, forward_cases[i].from_name);
		assert_string_equal(m->original_from.addr, forward_cases[i].from_addr);
		assert_string_equal(m->original_subject, forward_cases[i].subject);
		assert_string_equal(m->body_new, forward_cases[i].body_new);
		message_free(&m);
	}
}

static void test_not_forwards(void **state)
{
	GString *long_note = g_string_new("Subject: documents\nContent-Type: multipart/mixed; boundary=b\n\n"
	                                  "--b\nContent-Type: text/plain\n\n");
	static const char *const raws[] = {
		/* A short reply with Outlook's separator is a reply. */
		"Subject: RE: offer\n\nOK.\n\n-----Original Message-----\nFrom: A <a@example.com>\n"
		"Sent: Monday\nSubject: offer\n\nold\n",
		/* A quoted header block in a reply. */
		"Subject: AW: Angebot\n\nDanke.\n\nVon: Hans <h@example.de>\nGesendet: Montag\n"
		"Betreff: Angebot\n\nalt\n",
		/* A forward marker under a long text without a forward subject. */
		"Subject: report\n\nLine 1\nLine 2\nLine 3\nLine 4\nLine 5\nLine 6\nLine 7\n"
		"Line 8\nLine 9\nLine 10\nLine 11\n\n---------- Forwarded message ---------\n"
		"From: A <a@example.com>\nSubject: x\n\nold\n",
		/* "Fwd:" but nothing quoted at all. */
		"Subject: Fwd: nothing\n\njust text\n",
	};
	struct parsed_message *m;

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(raws); i++) {
		m = parse(raws[i]);
		if (m->forwarded)
			fail_msg("case %zu: taken for a forward", i);
		message_free(&m);
	}
	/* An attached message under a long text is an attachment. */
	for (int i = 0; i < 30; i++)
		g_string_append(long_note, "Here is a long explanation of the attached documents.\n");
	g_string_append(long_note, "--b\nContent-Type: message/rfc822\n\nFrom: c@d.example\nSubject: old\n\nx\n--b--\n");
	m = parse(long_note->str);
	assert_false(m->forwarded);
	assert_int_equal(m->n_attachments, 1);
	message_free(&m);
	g_string_free(long_note, TRUE);
}

/* ---- structure ---- */

static void test_signed_messages(void **state)
{
	struct parsed_message *m = parse(
		"Subject: signed\n"
		"Content-Type: multipart/signed; micalg=pgp-sha256;\n"
		" protocol=\"application/pgp-signature\"; boundary=s\n\n"
		"--s\nContent-Type: multipart/mixed; boundary=m\n\n"
		"--m\nContent-Type: text/plain; charset=utf-8\n\nSigned text.\n"
		"--m\nContent-Type: application/pdf; name=offer.pdf\n"
		"Content-Disposition: attachment; filename=offer.pdf\n\nPDF\n"
		"--m--\n"
		"--s\nContent-Type: application/pgp-signature; name=signature.asc\n"
		"Content-Disposition: attachment; filename=signature.asc\n\n"
		"-----BEGIN PGP SIGNATURE-----\nxyz\n-----END PGP SIGNATURE-----\n"
		"--s--\n");

	(void)state;
	assert_null(m->parse_error);
	assert_string_equal(m->body_text, "Signed text.");
	/* The signature is no attachment; the PDF inside is. */
	assert_int_equal(m->n_attachments, 1);
	assert_string_equal(m->attachments[0].filename, "offer.pdf");
	message_free(&m);

	m = parse("Subject: smime\n"
	          "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";\n"
	          " micalg=sha-256; boundary=s\n\n"
	          "--s\nContent-Type: text/plain\n\nS/MIME text.\n"
	          "--s\nContent-Type: application/pkcs7-signature; name=smime.p7s\n"
	          "Content-Transfer-Encoding: base64\n"
	          "Content-Disposition: attachment; filename=smime.p7s\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n"
	          "--s--\n");
	assert_string_equal(m->body_text, "S/MIME text.");
	assert_int_equal(m->n_attachments, 0);
	message_free(&m);
}

static void test_tnef_and_inline_images(void **state)
{
	struct parsed_message *m = parse(
		"Subject: outlook\nContent-Type: multipart/mixed; boundary=o\n\n"
		"--o\nContent-Type: multipart/related; boundary=r\n\n"
		"--r\nContent-Type: text/html; charset=utf-8\n\n<p>Logo: <img src=\"cid:logo\"></p>\n"
		"--r\nContent-Type: image/png\nContent-ID: <logo>\nContent-Transfer-Encoding: base64\n\n"
		"iVBORw0KGgo=\n"
		"--r--\n"
		"--o\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\n"
		"Content-Disposition: attachment; filename=\"winmail.dat\"\n"
		"Content-Transfer-Encoding: base64\n\neJ8+IgAAAA==\n"
		"--o\nContent-Type: image/jpeg; name=photo.jpg\nContent-ID: <photo>\n"
		"Content-Disposition: attachment; filename=photo.jpg\n\nJPEG\n"
		"--o--\n");

	(void)state;
	assert_string_equal(m->body_text, "Logo:");
	assert_int_equal(m->n_attachments, 3);
	/* The picture the HTML shows is inline, not counted. */
	assert_string_equal(m->attachments[0].content_type, "image/png");
	assert_true(m->attachments[0].is_inline);
	/* TNEF is listed like any attachment. */
	assert_string_equal(m->attachments[1].filename, "winmail.dat");
	assert_string_equal(m->attachments[1].content_type, "application/ms-tnef");
	assert_int_equal(m->attachments[1].size, 7);
	assert_false(m->attachments[1].is_inline);
	/* A Content-ID does not make an attachment inline. */
	assert_false(m->attachments[2].is_inline);
	message_free(&m);
}

/* ---- charsets ---- */

static void test_rfc2231_parameters(void **state)
{
	static const struct {
		const char *params;
		const char *filename;
	} cases[] = {
		/* Continuations, encoded and not. */
		{ "filename*0*=UTF-8''%E6%8A%A5; filename*1*=%E4%BB%B7; filename*2=\".pdf\"",
		  "\xe6\x8a\xa5\xe4\xbb\xb7.pdf" },
		{ "filename*0=\"a very long \"; filename*1=\"file name.pdf\"", "a very long file name.pdf" },
		/* charset'language' */
		{ "filename*=iso-8859-1'de'Gr%FC%DFe.pdf", "Gr\xc3\xbc\xc3\x9f" "e.pdf" },
		{ "filename*=utf-8'zh-cn'%E6%8A%A5%E4%BB%B7.xls", "\xe6\x8a\xa5\xe4\xbb\xb7.xls" },
		/* GB2312 label, GBK-only bytes (報價). */
		{ "filename*=gb2312''%88%F3%83%72.pdf", "\xe5\xa0\xb1\xe5\x83\xb9.pdf" },
		/* RFC 2047 in a quoted parameter, as Outlook writes it. */
		{ "filename=\"=?gb2312?B?sai82w==?=.pdf\"", "\xe6\x8a\xa5\xe4\xbb\xb7.pdf" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *raw = g_strconcat("Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n"
		                        "--b\nContent-Type: text/plain\n\nbody\n"
		                        "--b\nContent-Type: application/octet-stream\n"
		                        "Content-Disposition: attachment;\n ", cases[i].params,
		                        "\n\ndata\n--b--\n", NULL);
		struct parsed_message *m = parse(raw);

		assert_int_equal(m->n_attachments, 1);
		if (strcmp(m->attachments[0].filename, cases[i].filename) != 0)
			fail_msg("case %zu: \"%s\"", i, m->attachments[0].filename);
		message_free(&m);
		g_free(raw);
	}
}

static void test_iso_labels_on_windows_text(void **state)
{
	static const char *const koi8[] = { "KOI8-R", NULL };
	static const struct message_parse_options koi8_opts = { .charset_fallbacks = koi8 };
	static const char undeclared[] = "Subject: \xf0\xd2\xc9\xd7\xc5\xd4\n\nb\n";
	struct parsed_message *m;

	(void)state;
	/* windows-1250 labelled ISO-8859-2: 0x9A is š in 1250, a C1 control in ISO. */
	assert_body("Content-Type: text/plain; charset=iso-8859-2\n\n\x9a\xb9\n",
	            "\xc5\xa1\xc4\x85\n");
	/* Real ISO-8859-2 (no C1 byte): 0xB1 is ą. */
	assert_body("Content-Type: text/plain; charset=iso-8859-2\n\n\xb1\n", "\xc4\x85\n");
	/* windows-1251 labelled ISO-8859-5, with „“ (C1 bytes in ISO). */
	assert_body("Content-Type: text/plain; charset=ISO-8859-5\n\n\x84\xcf\xf0\xe8\xe2\xe5\xf2\x93\n",
	            "\xe2\x80\x9e\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\xe2\x80\x9c\n");
	/* Real ISO-8859-5 stays ISO-8859-5. */
	assert_body("Content-Type: text/plain; charset=ISO-8859-5\n\n\xbf\xe0\xd8\xd2\xd5\xe2\n",
	            "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\n");
	/* Encoded-words follow the same rule. */
	m = parse("Subject: =?iso-8859-2?Q?=9Ako=B9a?=\n\nb\n");
	assert_string_equal(m->subject, "\xc5\xa1ko\xc4\x85" "a");
	message_free(&m);
	/* Undeclared 8-bit header: the configured fallback list. */
	m = parse_len_with(undeclared, strlen(undeclared), &koi8_opts);
	assert_string_equal(m->subject, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
	message_free(&m);
}

/* ---- limits ---- */

static void test_limits_options(void **state)
{
	GString *raw = g_string_new("Subject: ");
	static const struct {
		struct message_parse_options opts;
		unsigned hit;
	} cases[] = {
		{ { 0 }, 0 },
		{ { .max_header_bytes = 64 }, MSG_LIMIT_HEADER },
		{ { .max_body_text = 10 }, MSG_LIMIT_BODY },
		{ { .max_parts = 3 }, MSG_LIMIT_PARTS },
		{ { .max_mime_depth = 1 }, MSG_LIMIT_DEPTH },
		{ { .max_header_bytes = 64, .max_body_text = 10, .max_parts = 3 },
		  MSG_LIMIT_HEADER | MSG_LIMIT_BODY | MSG_LIMIT_PARTS },
	};

	(void)state;
	for (int i = 0; i < 10; i++)
		g_string_append(raw, "0123456789");
	g_string_append(raw, "\nContent-Type: multipart/mixed; boundary=o\n\n"
	                "--o\nContent-Type: text/plain\n\nThe body is longer than ten bytes.\n"
	                "--o\nContent-Type: multipart/alternative; boundary=a\n\n"
	                "--a\nContent-Type: text/plain; name=a.txt\n\nA\n"
	                "--a\nContent-Type: text/plain; name=b.txt\n\nB\n"
	                "--a--\n"
	                "--o\nContent-Type: application/pdf; name=c.pdf\n\nC\n"
	                "--o--\n");
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct parsed_message *m = parse_len_with(raw->str, raw->len, &cases[i].opts);

		if (m->limits_hit != cases[i].hit)
			fail_msg("case %zu: limits_hit %#x, expected %#x", i, m->limits_hit,
			         cases[i].hit);
		if (cases[i].opts.max_header_bytes != 0)
			assert_true(strlen(m->subject) <= cases[i].opts.max_header_bytes);
		else
			assert_int_equal(strlen(m->subject), 100);
		if (cases[i].opts.max_body_text != 0)
			assert_string_equal(m->body_text, "The body i");
		else
			assert_string_equal(m->body_text, "The body is longer than ten bytes.");
		if ((cases[i].hit & (MSG_LIMIT_PARTS | MSG_LIMIT_DEPTH)) != 0)
			assert_non_null(m->parse_error);
		else
			assert_int_equal(m->n_attachments, 3);
		message_free(&m);
	}
	g_string_free(raw, TRUE);
}

/* Not a message at all: the text kept is cut too (found by fuzzing). */
static void test_limits_on_raw_text(void **state)
{
	static const struct message_parse_options opts = { .max_body_text = 10 };
	GString *raw = g_string_new("\xff\xfe");
	struct parsed_message *m;

	(void)state;
	for (int i = 0; i < 100; i++)
		g_string_append(raw, "no header here ");
	m = parse_len_with(raw->str, raw->len, &opts);
	assert_non_null(m->parse_error);
	assert_int_equal(m->limits_hit, MSG_LIMIT_BODY);
	assert_true(strlen(m->body_text) <= 10);
	message_free(&m);
	g_string_free(raw, TRUE);
}

/* A cut header keeps whole characters and whole encoded-words. */
static void test_header_cut_keeps_characters(void **state)
{
	static const struct message_parse_options opts = { .max_header_bytes = 20 };
	struct parsed_message *m;
	GString *raw = g_string_new("Subject: ");

	(void)state;
	for (int i = 0; i < 40; i++)
		g_string_append(raw, "\xe4\xbd\xa0");
	g_string_append(raw, "\n\nbody\n");
	m = parse_len_with(raw->str, raw->len, &opts);
	assert_int_equal(m->limits_hit, MSG_LIMIT_HEADER);
	assert_string_equal(m->subject, "\xe4\xbd\xa0\xe4\xbd\xa0\xe4\xbd\xa0\xe4\xbd\xa0"
	                                "\xe4\xbd\xa0\xe4\xbd\xa0");
	message_free(&m);

	g_string_assign(raw, "Subject: =?UTF-8?B?SGk=?= =?UTF-8?B?V29ybGQ=?=\n\nbody\n");
	m = parse_len_with(raw->str, raw->len, &opts);
	assert_int_equal(m->limits_hit, MSG_LIMIT_HEADER);
	assert_string_equal(m->subject, "Hi");
	message_free(&m);
	g_string_free(raw, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invalid_arguments),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_garbage_inputs),
		cmocka_unit_test(test_boundary_loop_input_returns),
		cmocka_unit_test(test_depth_bound),
		cmocka_unit_test(test_part_count_bound),
		cmocka_unit_test(test_message_ids),
		cmocka_unit_test(test_missing_message_id_is_derived),
		cmocka_unit_test(test_empty_message_id_is_derived),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_raw_8bit_display_names),
		cmocka_unit_test(test_missing_from_and_return_path),
		cmocka_unit_test(test_subject),
		cmocka_unit_test(test_body_charsets),
		cmocka_unit_test(test_body_undeclared_charset),
		cmocka_unit_test(test_body_base64_padded_chunks),
		cmocka_unit_test(test_body_invalid_bytes_replaced),
		cmocka_unit_test(test_body_prefers_plain),
		cmocka_unit_test(test_body_from_html),
		cmocka_unit_test(test_body_html_meta_charset),
		cmocka_unit_test(test_body_empty_plain_falls_back_to_html),
		cmocka_unit_test(test_forwarded_message),
		cmocka_unit_test(test_attachments),
		cmocka_unit_test(test_auto_reply_flags),
		cmocka_unit_test(test_newsletter_flags),
		cmocka_unit_test(test_dsn_bounce),
		cmocka_unit_test(test_dsn_with_returned_message),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_calendar_methods),
		cmocka_unit_test(test_forwards),
		cmocka_unit_test(test_not_forwards),
		cmocka_unit_test(test_signed_messages),
		cmocka_unit_test(test_tnef_and_inline_images),
		cmocka_unit_test(test_rfc2231_parameters),
		cmocka_unit_test(test_iso_labels_on_windows_text),
		cmocka_unit_test(test_limits_options),
		cmocka_unit_test(test_header_cut_keeps_characters),
		cmocka_unit_test(test_limits_on_raw_text),
		cmocka_unit_test(test_body_new_gmail),
		cmocka_unit_test(test_body_new_outlook),
		cmocka_unit_test(test_body_new_qq),
		cmocka_unit_test(test_body_new_html_blockquote),
		cmocka_unit_test(test_body_new_keeps_all_when_only_quote),
		cmocka_unit_test(test_snippet),
		cmocka_unit_test(test_sample_files),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
