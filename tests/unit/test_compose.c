/* Composing the mails followupd sends (compose/compose.c): every message is
 * parsed back with message_parse() and checked field by field. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "compose/compose.h"
#include "parsers/message.h"

/* 2023-11-14 22:13:20 UTC */
#define T0 INT64_C(1700000000)

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

/* ------------------------------------------------------------ helpers */

static const char *const default_refs[] = { "start@buyer.de", "inquiry-7@buyer.de", NULL };

static struct compose_input ack_input(void)
{
	return (struct compose_input){
		.from = "Acme Pumps Sales <sales@example.com>",
		.to_name = "Jörg Müller",
		.to_addr = "joerg@buyer.de",
		.subject = "Ihre Anfrage: Kreiselpumpen für Hamburg",
		.body = "Guten Tag Herr Müller,\n\nvielen Dank für Ihre Anfrage.\n\nMit freundlichen Grüßen\nAcme Pumps\n",
		.in_reply_to = "inquiry-7@buyer.de",
		.references = default_refs,
		.auto_submitted = "auto-replied",
		.date = T0,
		.date_zone = "+0100",
		.message_id = "followup.0123456789abcdef@example.com",
		.extra_headers = NULL,
	};
}

/* Composes in, which must succeed; the wire form in *raw_r (g_free). */
static size_t compose_ok(const struct compose_input *in, char **raw_r)
{
	const char *error = NULL;
	size_t len = 0;

	int ret = compose_message(in, raw_r, &len, &error);
	if (ret != 0)
		fail_msg("compose_message failed: %s", error);
	assert_non_null(*raw_r);
	assert_int_equal(strlen(*raw_r), len);
	return len;
}

static struct parsed_message *parse_back(const char *raw, size_t len)
{
	struct parsed_message *msg = NULL;
	assert_int_equal(message_parse((const unsigned char *)raw, len, NULL, &msg), 0);
	assert_non_null(msg);
	assert_null(msg->parse_error);
	return msg;
}

static void assert_crlf_only(const char *raw, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (raw[i] == '\n')
			assert_true(i > 0 && raw[i - 1] == '\r');
		if (raw[i] == '\r')
			assert_true(i + 1 < len && raw[i + 1] == '\n');
	}
}

/* The header block (up to the first empty line), unfolded: one string per
 * field, NULL-terminated (g_strfreev). */
static char **header_fields(const char *raw)
{
	const char *end = strstr(raw, "\r\n\r\n");
	assert_non_null(end);
	char *block = g_strndup(raw, (size_t)(end - raw));
	char **lines = g_strsplit(block, "\r\n", -1);
	GPtrArray *fields = g_ptr_array_new();

	for (size_t i = 0; lines[i] != NULL; i++) {
		if ((lines[i][0] == ' ' || lines[i][0] == '\t') && fields->len > 0) {
			char *last = g_ptr_array_index(fields, fields->len - 1);
			g_ptr_array_index(fields, fields->len - 1) = g_strconcat(last, lines[i], NULL);
			g_free(last);
		} else {
			g_ptr_array_add(fields, g_strdup(lines[i]));
		}
	}
	g_ptr_array_add(fields, NULL);
	g_strfreev(lines);
	g_free(block);
	return (char **)g_ptr_array_free(fields, FALSE);
}

/* How many fields named name (any case) the header block has. */
static int count_field(char **fields, const char *name)
{
	int n = 0;
	size_t len = strlen(name);
	for (size_t i = 0; fields[i] != NULL; i++) {
		if (g_ascii_strncasecmp(fields[i], name, len) == 0 && fields[i][len] == ':')
			n++;
	}
	return n;
}

/* The unfolded value of the one field named name. */
static const char *field_value(char **fields, const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; fields[i] != NULL; i++) {
		if (g_ascii_strncasecmp(fields[i], name, len) == 0 && fields[i][len] == ':')
			return fields[i] + len + 1 + (fields[i][len + 1] == ' ');
	}
	return NULL;
}

/* Exactly these fields, each once, and nothing else. */
static void assert_exact_fields(char **fields, const char *const *expected)
{
	size_t n_expected = 0;
	for (; expected[n_expected] != NULL; n_expected++)
		assert_int_equal(count_field(fields, expected[n_expected]), 1);
	assert_int_equal(g_strv_length(fields), n_expected);
}

static const char *const ack_fields[] = {
	"Date", "From", "To", "Subject", "Message-Id", "In-Reply-To", "References",
	"Auto-Submitted", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", NULL
};

/* --------------------------------------------------------- round trips */

static void test_round_trip_german(void **state)
{
	(void)state;
	struct compose_input in = ack_input();
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);
	struct parsed_message *msg = parse_back(raw, len);

	assert_string_equal(msg->subject, in.subject);
	assert_string_equal(msg->from.name, "Acme Pumps Sales");
	assert_string_equal(msg->from.addr, "sales@example.com");
	assert_int_equal(msg->to.count, 1);
	assert_string_equal(msg->to.items[0].name, "Jörg Müller");
	assert_string_equal(msg->to.items[0].addr, "joerg@buyer.de");
	assert_int_equal(msg->cc.count, 0);
	assert_string_equal(msg->message_id, in.message_id);
	assert_false(msg->message_id_derived);
	assert_string_equal(msg->in_reply_to, "inquiry-7@buyer.de");
	assert_int_equal(msg->n_references, 2);
	assert_string_equal(msg->references[0], "start@buyer.de");
	assert_string_equal(msg->references[1], "inquiry-7@buyer.de");
	assert_string_equal(msg->flags.auto_submitted, "auto-replied");
	assert_true(msg->date_valid);
	assert_int_equal(msg->date, T0);
	assert_string_equal(msg->body_text, in.body);

	char **fields = header_fields(raw);
	assert_exact_fields(fields, ack_fields);
	assert_string_equal(field_value(fields, "Content-Type"), "text/plain; charset=utf-8");
	assert_string_equal(field_value(fields, "Content-Transfer-Encoding"), "quoted-printable");
	assert_string_equal(field_value(fields, "Date"), "Tue, 14 Nov 2023 23:13:20 +0100");
	assert_string_equal(field_value(fields, "MIME-Version"), "1.0");
	/* Non-ASCII header text travels encoded, never as raw 8-bit. */
	for (size_t i = 0; fields[i] != NULL; i++) {
		for (const char *p = fields[i]; *p != '\0'; p++)
			assert_true((unsigned char)*p < 0x80);
	}
	assert_non_null(strstr(field_value(fields, "To"), "=?UTF-8?"));

	g_strfreev(fields);
	message_free(&msg);
	g_free(raw);
}

static void test_round_trip_chinese(void **state)
{
	(void)state;
	struct compose_input in = ack_input();
	in.from = "艾克美泵业 销售部 <sales@example.com>";
	in.to_name = "王小明";
	in.to_addr = "wang@buyer.com.cn";
	in.subject = "回复：询价 离心泵 200 台 FOB 宁波";
	in.body = "王先生，您好：\n\n我们已收到您的询价，将在一个工作日内回复。\n\n此致\n敬礼\n";
	in.date_zone = "+0800";
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);
	struct parsed_message *msg = parse_back(raw, len);

	assert_string_equal(msg->subject, in.subject);
	assert_string_equal(msg->from.name, "艾克美泵业 销售部");
	assert_string_equal(msg->to.items[0].name, "王小明");
	assert_string_equal(msg->to.items[0].addr, "wang@buyer.com.cn");
	assert_string_equal(msg->body_text, in.body);
	assert_int_equal(msg->date, T0);

	char **fields = header_fields(raw);
	assert_string_equal(field_value(fields, "Date"), "Wed, 15 Nov 2023 06:13:20 +0800");
	assert_exact_fields(fields, ack_fields);
	g_strfreev(fields);
	message_free(&msg);
	g_free(raw);
}

static void test_ascii_body_is_7bit(void **state)
{
	(void)state;
	struct compose_input in = ack_input();
	in.to_name = NULL;
	in.subject = "Your inquiry";
	in.body = "Dear buyer,\n\nthank you.";   /* no final newline: one is added */
	in.in_reply_to = NULL;
	in.references = NULL;
	in.auto_submitted = NULL;
	in.date_zone = NULL;
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);
	struct parsed_message *msg = parse_back(raw, len);
	char **fields = header_fields(raw);

	static const char *const plain_fields[] = { "Date", "From", "To", "Subject", "Message-Id",
		"MIME-Version", "Content-Type", "Content-Transfer-Encoding", NULL };
	assert_exact_fields(fields, plain_fields);
	assert_string_equal(field_value(fields, "Content-Transfer-Encoding"), "7bit");
	assert_string_equal(field_value(fields, "Date"), "Tue, 14 Nov 2023 22:13:20 +0000");
	assert_string_equal(field_value(fields, "To"), "joerg@buyer.de");
	assert_true(g_str_has_suffix(raw, "\r\n\r\nDear buyer,\r\n\r\nthank you.\r\n"));
	assert_string_equal(msg->to.items[0].name, "");
	assert_null(msg->in_reply_to);
	assert_int_equal(msg->n_references, 0);
	assert_null(msg->flags.auto_submitted);

	g_strfreev(fields);
	message_free(&msg);
	g_free(raw);
}

static void test_long_ascii_line_is_quoted_printable(void **state)
{
	(void)state;
	struct compose_input in = ack_input();
	GString *body = g_string_new("Short line.\n");
	for (int i = 0; i < 40; i++)
		g_string_append(body, "word ");
	g_string_append(body, "end\n");
	in.body = body->str;
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);
	struct parsed_message *msg = parse_back(raw, len);
	char **fields = header_fields(raw);

	assert_string_equal(field_value(fields, "Content-Transfer-Encoding"), "quoted-printable");
	assert_string_equal(msg->body_text, body->str);
	/* Every line of the wire form is short. */
	gchar **lines = g_strsplit(raw, "\r\n", -1);
	for (size_t i = 0; lines[i] != NULL; i++)
		assert_true(strlen(lines[i]) <= 78);
	g_strfreev(lines);

	g_strfreev(fields);
	message_free(&msg);
	g_free(raw);
	g_string_free(body, TRUE);
}

/* ------------------------------------------------------------- CRLF */

static void test_crlf_everywhere(void **state)
{
	(void)state;
	static const char *const bodies[] = {
		"unix\nline ends\n",
		"windows\r\nline ends\r\n",
		"old mac\rline ends\r",
		"mixed\r\nends\nand\rmore",
		"",
		"\n\n\n",
		"ünïcödé\r\n\r\n",
		"line with trailing blanks   \nand a tab\t\n",
		".\n..\nFrom the start\n",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bodies); i++) {
		struct compose_input in = ack_input();
		in.body = bodies[i];
		char *raw = NULL;
		size_t len = compose_ok(&in, &raw);
		assert_crlf_only(raw, len);
		assert_true(g_str_has_suffix(raw, "\r\n"));

		struct parsed_message *msg = parse_back(raw, len);
		/* The body comes back with \n line ends and a final one. */
		char *expected = g_strdup(bodies[i]);
		GString *normal = g_string_new(NULL);
		for (const char *p = expected; *p != '\0'; p++) {
			if (*p == '\r') {
				g_string_append_c(normal, '\n');
				if (p[1] == '\n')
					p++;
			} else {
				g_string_append_c(normal, *p);
			}
		}
		if (normal->len == 0 || normal->str[normal->len - 1] != '\n')
			g_string_append_c(normal, '\n');
		if (strcmp(bodies[i], "\n\n\n") != 0 && bodies[i][0] != '\0')
			assert_string_equal(msg->body_text, normal->str);
		g_string_free(normal, TRUE);
		g_free(expected);
		message_free(&msg);
		g_free(raw);
	}
}

/* ---------------------------------------------------- header injection */

static void assert_no_injection(const char *raw, size_t len)
{
	assert_crlf_only(raw, len);
	char **fields = header_fields(raw);
	assert_exact_fields(fields, ack_fields);
	assert_int_equal(count_field(fields, "Bcc"), 0);
	assert_int_equal(count_field(fields, "Cc"), 0);
	g_strfreev(fields);

	struct parsed_message *msg = parse_back(raw, len);
	assert_int_equal(msg->to.count, 1);
	assert_string_equal(msg->to.items[0].addr, "joerg@buyer.de");
	assert_int_equal(msg->cc.count, 0);
	assert_null(strpbrk(msg->subject, "\r\n"));
	assert_null(strpbrk(msg->to.items[0].name, "\r\n"));
	message_free(&msg);
}

static void test_subject_and_name_cannot_inject(void **state)
{
	(void)state;
	static const char *const attacks[] = {
		"x\r\nBcc: victim@example.com",
		"x\nBcc: victim@example.com",
		"x\rBcc: victim@example.com",
		"x\r\n\r\nBody injected",
		"x\r\n Bcc: folded@example.com",
		"x\xc2\x85" "Bcc: nel@example.com",         /* U+0085 NEXT LINE */
		"x\xe2\x80\xa8" "Bcc: ls@example.com",      /* U+2028 LINE SEPARATOR */
		"x\x0b\x0c\x1b" "Bcc: ctl@example.com",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(attacks); i++) {
		struct compose_input in = ack_input();
		in.subject = attacks[i];
		in.to_name = attacks[i];
		char *raw = NULL;
		size_t len = compose_ok(&in, &raw);
		assert_no_injection(raw, len);

		struct parsed_message *msg = parse_back(raw, len);
		/* The text is still there, as text. */
		if (strstr(attacks[i], "Bcc:") != NULL)
			assert_non_null(strstr(msg->subject, "Bcc:"));
		else
			assert_non_null(strstr(msg->subject, "Body injected"));
		assert_true(g_str_has_prefix(msg->subject, "x"));
		message_free(&msg);
		g_free(raw);
	}
}

static void test_extra_headers(void **state)
{
	(void)state;
	static const char *const good[] = { "X-Followup-Rule", "ack-inquiry",
		"X-Followup-Note", "Büro München", "Reply-To", "sales@example.com", NULL };
	struct compose_input in = ack_input();
	in.extra_headers = good;
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);
	char **fields = header_fields(raw);
	assert_string_equal(field_value(fields, "X-Followup-Rule"), "ack-inquiry");
	assert_non_null(strstr(field_value(fields, "X-Followup-Note"), "=?UTF-8?"));
	assert_string_equal(field_value(fields, "Reply-To"), "sales@example.com");
	assert_int_equal(g_strv_length(fields), G_N_ELEMENTS(ack_fields) - 1 + 3);
	g_strfreev(fields);
	struct parsed_message *msg = parse_back(raw, len);
	assert_int_equal(msg->reply_to.count, 1);
	message_free(&msg);
	g_free(raw);

	struct {
		const char *name;
		const char *value;
	} bad[] = {
		{ "X-Note", "a\r\nBcc: victim@example.com" },
		{ "X-Note", "a\nb" },
		{ "X-Note", "a\rb" },
		{ "X-Note", "tab\there" },
		{ "X-Note", "\xff\xfe" },
		{ "X-Note", NULL },
		{ "Bcc", "victim@example.com" },
		{ "bcc", "victim@example.com" },
		{ "To", "victim@example.com" },
		{ "Cc", "victim@example.com" },
		{ "Subject", "second subject" },
		{ "Content-Type", "text/html" },
		{ "Message-ID", "<x@y>" },
		{ "Auto-Submitted", "no" },
		{ "X Bad", "space in name" },
		{ "X:Bad", "colon in name" },
		{ "", "empty name" },
		{ "X-Bcc\r\nBcc", "victim@example.com" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		const char *pair[] = { bad[i].name, bad[i].value, NULL };
		const char *error = NULL;
		char *out = NULL;
		size_t out_len = 99;
		in.extra_headers = pair;
		assert_int_equal(compose_message(&in, &out, &out_len, &error), -1);
		assert_non_null(error);
		assert_null(out);
		assert_int_equal(out_len, 0);
	}
}

/* ------------------------------------------------------------- errors */

static void test_refused_inputs(void **state)
{
	(void)state;
	const char *error = NULL;
	char *raw = NULL;
	size_t len = 0;

	assert_int_equal(compose_message(NULL, &raw, &len, &error), -1);
	assert_non_null(error);

	static const char *const bad_from[] = { NULL, "", "nobody", "a@example.com, b@example.com",
		"Team: a@example.com, b@example.com;", "Sales <sales@>", "<@example.com>",
		"Sales\r\n <sales@example.com>", "sales@exa mple.com", "\xff <a@example.com>" };
	for (size_t i = 0; i < G_N_ELEMENTS(bad_from); i++) {
		struct compose_input in = ack_input();
		in.from = bad_from[i];
		error = NULL;
		assert_int_equal(compose_message(&in, &raw, &len, &error), -1);
		assert_non_null(error);
		assert_null(raw);
	}

	static const char *const bad_to[] = { NULL, "", "joerg", "@buyer.de", "joerg@",
		"jo rg@buyer.de", "joerg@buyer.de\r\nBcc: v@example.com", "<joerg@buyer.de>",
		"a,b@buyer.de", "joerg@[1.2.3.4]", "joerg@buyer..de" };
	for (size_t i = 0; i < G_N_ELEMENTS(bad_to); i++) {
		struct compose_input in = ack_input();
		in.to_addr = bad_to[i];
		error = NULL;
		assert_int_equal(compose_message(&in, &raw, &len, &error), -1);
		assert_non_null(error);
	}

	struct compose_input in = ack_input();
	in.subject = NULL;
	assert_int_equal(compose_message(&in, &raw, &len, &error), -1);
	in = ack_input();
	in.subject = "bad \xc3\x28 utf-8";
	assert_int_equal(compose_message(&in, &raw, &len, &error), -1);
	in = ack_input();
	in.body = NULL;
	assert_int_equal(compose_message(&in, &raw, &len, &error), -1);
	in = ack_input();
	in.body = "\xe4\xf6\xfc latin-1";
	assert_int_equal(compose_message(&in, &raw, &len, &error), -1);

	static const char *const bad_ids[] = { NULL, "", "no-at-sign", "a b@c", "<a@b>", "ü@b.c" };
	for (size_t i = 0; i < G_N_ELEMENTS(bad_ids); i++) {
		in = ack_input();
		in.message_id = bad_ids[i];
		assert_int_equal(compose_message(&in, &raw, &len, &error), -1);
	}

	static const char *const bad_zones[] = { "", "0100", "+01", "+2400", "+0160", "CET",
		"+01:00", "++100" };
	for (size_t i = 0; i < G_N_ELEMENTS(bad_zones); i++) {
		in = ack_input();
		in.date_zone = bad_zones[i];
		assert_int_equal(compose_message(&in, &raw, &len, &error), -1);
	}
	in = ack_input();
	in.date = INT64_MAX;
	assert_int_equal(compose_message(&in, &raw, &len, &error), -1);

	static const char *const bad_auto[] = { "", "auto-replied\r\nBcc: v@x.com", "auto replied",
		"auto-replied; x=y" };
	for (size_t i = 0; i < G_N_ELEMENTS(bad_auto); i++) {
		in = ack_input();
		in.auto_submitted = bad_auto[i];
		assert_int_equal(compose_message(&in, &raw, &len, &error), -1);
	}
	assert_null(raw);
}

static void test_unusable_references_left_out(void **state)
{
	(void)state;
	static const char *const refs[] = { "good-1@buyer.de", "", "has space@buyer.de",
		"<bracket@buyer.de>", "ünicode@buyer.de", "no-at-sign", "good-2@buyer.de", NULL };
	struct compose_input in = ack_input();
	in.in_reply_to = "bad id@buyer.de";
	in.references = refs;
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);
	struct parsed_message *msg = parse_back(raw, len);
	char **fields = header_fields(raw);

	assert_int_equal(count_field(fields, "In-Reply-To"), 0);
	assert_string_equal(field_value(fields, "References"), "<good-1@buyer.de> <good-2@buyer.de>");
	assert_null(msg->in_reply_to);
	assert_int_equal(msg->n_references, 2);

	g_strfreev(fields);
	message_free(&msg);
	g_free(raw);
}

static void test_many_references_folded_and_bounded(void **state)
{
	(void)state;
	const int n = 300;
	GPtrArray *refs = g_ptr_array_new_with_free_func(g_free);
	for (int i = 0; i < n; i++)
		g_ptr_array_add(refs, g_strdup_printf("reference-%03d-abcdefghij@mail.buyer.de", i));
	g_ptr_array_add(refs, NULL);
	struct compose_input in = ack_input();
	in.references = (const char *const *)refs->pdata;
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);

	/* Folded: no physical header line is long. */
	const char *end = strstr(raw, "\r\n\r\n");
	char *block = g_strndup(raw, (size_t)(end - raw));
	gchar **lines = g_strsplit(block, "\r\n", -1);
	for (size_t i = 0; lines[i] != NULL; i++)
		assert_true(strlen(lines[i]) <= 78);
	g_strfreev(lines);
	g_free(block);

	struct parsed_message *msg = parse_back(raw, len);
	assert_int_equal(msg->n_references, COMPOSE_MAX_REFERENCES);
	assert_string_equal(msg->references[0], "reference-000-abcdefghij@mail.buyer.de");
	assert_string_equal(msg->references[1], "reference-281-abcdefghij@mail.buyer.de");
	assert_string_equal(msg->references[COMPOSE_MAX_REFERENCES - 1],
	                    "reference-299-abcdefghij@mail.buyer.de");
	message_free(&msg);
	g_free(raw);
	g_ptr_array_free(refs, TRUE);
}

static void test_addresses(void **state)
{
	(void)state;
	struct compose_input in = ack_input();
	in.from = "sales@Example.COM";
	in.to_name = "Müller, Jörg \"Einkauf\"";
	in.to_addr = "einkauf@bücher.de";
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);
	char **fields = header_fields(raw);
	assert_string_equal(field_value(fields, "From"), "sales@example.com");
	assert_true(g_str_has_suffix(field_value(fields, "To"), "<einkauf@xn--bcher-kva.de>"));
	g_strfreev(fields);

	struct parsed_message *msg = parse_back(raw, len);
	assert_int_equal(msg->to.count, 1);
	assert_string_equal(msg->to.items[0].name, "Müller, Jörg \"Einkauf\"");
	assert_string_equal(msg->from.name, "");
	message_free(&msg);
	g_free(raw);

	/* A plain ASCII name with specials is quoted, not split. */
	in = ack_input();
	in.to_name = "Smith, John (Purchasing)";
	len = compose_ok(&in, &raw);
	msg = parse_back(raw, len);
	assert_int_equal(msg->to.count, 1);
	assert_string_equal(msg->to.items[0].name, "Smith, John (Purchasing)");
	assert_string_equal(msg->to.items[0].addr, "joerg@buyer.de");
	message_free(&msg);
	g_free(raw);
}

/* ------------------------------------------------------ message ids */

static void test_message_id(void **state)
{
	(void)state;
	char *a = compose_message_id("example.com", "ack/inquiry-7@buyer.de");
	char *b = compose_message_id("example.com", "ack/inquiry-7@buyer.de");
	char *c = compose_message_id("example.com", "ack/inquiry-8@buyer.de");
	char *d = compose_message_id("Example.COM", "ack/inquiry-7@buyer.de");

	assert_non_null(a);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_equal(a, d);
	assert_true(g_str_has_prefix(a, "followup."));
	assert_true(g_str_has_suffix(a, "@example.com"));
	assert_int_equal(strlen(a), strlen("followup.") + 32 + strlen("@example.com"));
	for (size_t i = strlen("followup."); i < strlen("followup.") + 32; i++)
		assert_true(g_ascii_isxdigit(a[i]) && !g_ascii_isupper(a[i]));

	/* Known value: SHA-256("") starts e3b0c44298fc1c149afbf4c8996fb924. */
	char *e = compose_message_id("example.com", "");
	assert_string_equal(e, "followup.e3b0c44298fc1c149afbf4c8996fb924@example.com");
	char *f = compose_message_id("example.com", NULL);
	assert_string_equal(e, f);

	char *g = compose_message_id("bücher.de", "x");
	assert_true(g_str_has_suffix(g, "@xn--bcher-kva.de"));

	assert_null(compose_message_id(NULL, "x"));
	assert_null(compose_message_id("", "x"));
	assert_null(compose_message_id("exa mple.com", "x"));
	assert_null(compose_message_id("example.com\r\nBcc: x", "x"));
	assert_null(compose_message_id("[1.2.3.4]", "x"));

	/* It is accepted by compose_message() and comes back the same. */
	struct compose_input in = ack_input();
	in.message_id = a;
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);
	struct parsed_message *msg = parse_back(raw, len);
	assert_string_equal(msg->message_id, a);
	message_free(&msg);
	g_free(raw);

	g_free(a);
	g_free(b);
	g_free(c);
	g_free(d);
	g_free(e);
	g_free(f);
	g_free(g);
}

/* A report: the text and an HTML page as multipart/alternative, the text
 * first; the parser reads the text back; a long HTML line travels
 * quoted-printable, CRLF everywhere. */
static void test_html_alternative(void **state)
{
	(void)state;
	struct compose_input in = ack_input();
	GString *html = g_string_new("<!DOCTYPE html><html><body><h1>Bericht für Hans</h1><svg>");
	for (int i = 0; i < 200; i++)
		g_string_append(html, "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>");
	g_string_append(html, "</svg></body></html>\n");
	in.html_body = html->str;
	char *raw = NULL;
	size_t len = compose_ok(&in, &raw);
	struct parsed_message *msg = parse_back(raw, len);

	char **fields = header_fields(raw);
	assert_non_null(strstr(field_value(fields, "Content-Type"), "multipart/alternative"));
	const char *plain = strstr(raw, "Content-Type: text/plain; charset=utf-8");
	const char *rich = strstr(raw, "Content-Type: text/html; charset=utf-8");
	assert_non_null(plain);
	assert_non_null(rich);
	assert_true(plain < rich);
	assert_non_null(strstr(rich, "Content-Transfer-Encoding: quoted-printable"));
	assert_string_equal(msg->body_text, in.body);
	for (size_t i = 0; i < len; i++)
		assert_true(raw[i] != '\n' || (i > 0 && raw[i - 1] == '\r'));

	in.html_body = "bad \xff";
	const char *error = NULL;
	char *bad = NULL;
	size_t bad_len = 0;
	assert_int_equal(compose_message(&in, &bad, &bad_len, &error), -1);
	assert_non_null(strstr(error, "HTML"));

	g_strfreev(fields);
	message_free(&msg);
	g_free(raw);
	g_string_free(html, TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_alternative),
		cmocka_unit_test(test_round_trip_german),
		cmocka_unit_test(test_round_trip_chinese),
		cmocka_unit_test(test_ascii_body_is_7bit),
		cmocka_unit_test(test_long_ascii_line_is_quoted_printable),
		cmocka_unit_test(test_crlf_everywhere),
		cmocka_unit_test(test_subject_and_name_cannot_inject),
		cmocka_unit_test(test_extra_headers),
		cmocka_unit_test(test_refused_inputs),
		cmocka_unit_test(test_unusable_references_left_out),
		cmocka_unit_test(test_many_references_folded_and_bounded),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_message_id),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
