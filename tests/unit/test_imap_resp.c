/* imap_resp: every response form followupd meets, incremental feeding,
 * limits, malformed input, and mailbox name quoting. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <glib.h>

#include "parsers/imap_resp.h"

#define UCHARS(s) ((const unsigned char *)(s))

/* Parses buf[0..len) expecting one complete response of exactly len bytes. */
static void parse_ok_n(const char *buf, size_t len, struct imap_response *resp)
{
	const char *error = "unset";
	size_t consumed = 0;

	assert_int_equal(imap_resp_parse(UCHARS(buf), len, NULL, resp, &consumed,
	                                 &error), IMAP_PARSE_OK);
	assert_int_equal(consumed, len);
	assert_null(error);
}

static void parse_ok(const char *buf, struct imap_response *resp)
{
	parse_ok_n(buf, strlen(buf), resp);
}

static enum imap_parse_result parse_with(const char *buf, size_t len,
                                         const struct imap_resp_limits *limits,
                                         size_t *consumed_r, const char **error_r)
{
	struct imap_response resp;
	enum imap_parse_result ret;

	ret = imap_resp_parse(UCHARS(buf), len, limits, &resp, consumed_r, error_r);
	if (ret != IMAP_PARSE_OK) {
		/* Failed parses leave nothing behind to free. */
		assert_null(resp.search);
		assert_null(resp.fetch.body_unescaped);
		assert_false(resp.fetch.has_body);
	}
	imap_response_clear(&resp);
	return ret;
}

/* Expects an error whose text contains want. */
static void parse_error(const char *buf, size_t len,
                        const struct imap_resp_limits *limits, const char *want)
{
	const char *error = NULL;
	size_t consumed = 99;

	assert_int_equal(parse_with(buf, len, limits, &consumed, &error),
	                 IMAP_PARSE_ERROR);
	assert_non_null(error);
	assert_int_equal(consumed, 0);
	if (want != NULL && strstr(error, want) == NULL)
		fail_msg("error \"%s\" does not mention \"%s\"", error, want);
}

static void parse_error_str(const char *buf, const char *want)
{
	parse_error(buf, strlen(buf), NULL, want);
}

static size_t parse_need_more(const char *buf, size_t len,
                              const struct imap_resp_limits *limits)
{
	const char *error = "unset";
	size_t hint = 0;

	assert_int_equal(parse_with(buf, len, limits, &hint, &error),
	                 IMAP_PARSE_NEED_MORE);
	assert_null(error);
	assert_true(hint > len);
	return hint;
}

static void test_untagged_uidvalidity(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n", &resp);
	assert_int_equal(resp.kind, IMAP_RESP_UNTAGGED);
	assert_int_equal(resp.status, IMAP_STATUS_OK);
	assert_int_equal(resp.data, IMAP_DATA_NONE);
	assert_true(resp.has_uidvalidity);
	assert_int_equal(resp.uidvalidity, 3857529045u);
	assert_false(resp.has_uidnext);
	assert_false(resp.read_only);
	assert_string_equal(resp.text, "UIDs valid");
	imap_response_clear(&resp);

	parse_error_str("* OK [UIDVALIDITY 4294967296] too big\r\n", "UIDVALIDITY");
	parse_error_str("* OK [UIDVALIDITY abc] x\r\n", "UIDVALIDITY");
	parse_error_str("* OK [UIDVALIDITY 12 13] x\r\n", "UIDVALIDITY");
}

static void test_untagged_uidnext_and_read_only(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("* OK [UIDNEXT 4392] Predicted next UID\r\n", &resp);
	assert_true(resp.has_uidnext);
	assert_int_equal(resp.uidnext, 4392);
	assert_false(resp.has_uidvalidity);
	assert_string_equal(resp.text, "Predicted next UID");
	imap_response_clear(&resp);

	parse_ok("* OK [READ-ONLY]\r\n", &resp);
	assert_true(resp.read_only);
	assert_string_equal(resp.text, "");
	imap_response_clear(&resp);

	parse_ok("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Flags permitted.\r\n",
	         &resp);
	assert_int_equal(resp.status, IMAP_STATUS_OK);
	assert_false(resp.read_only);
	assert_string_equal(resp.text, "Flags permitted.");
	imap_response_clear(&resp);
}

static void test_tagged_ok_read_only(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("a1 OK [READ-ONLY] Examine completed (0.001 + 0.000 secs).\r\n",
	         &resp);
	assert_int_equal(resp.kind, IMAP_RESP_TAGGED);
	assert_int_equal(resp.status, IMAP_STATUS_OK);
	assert_string_equal(resp.tag, "a1");
	assert_true(resp.read_only);
	assert_string_equal(resp.text, "Examine completed (0.001 + 0.000 secs).");
	imap_response_clear(&resp);

	parse_ok("fu17 ok done\r\n", &resp);
	assert_string_equal(resp.tag, "fu17");
	assert_int_equal(resp.status, IMAP_STATUS_OK);
	assert_string_equal(resp.text, "done");
	imap_response_clear(&resp);
}

static void test_tagged_no_bad(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("a2 NO [TRYCREATE] Mailbox doesn't exist: Archiv\r\n", &resp);
	assert_int_equal(resp.kind, IMAP_RESP_TAGGED);
	assert_int_equal(resp.status, IMAP_STATUS_NO);
	assert_string_equal(resp.tag, "a2");
	assert_string_equal(resp.text, "Mailbox doesn't exist: Archiv");
	imap_response_clear(&resp);

	parse_ok("A0003 BAD Error in IMAP command UID FETCH: Invalid uidset\r\n", &resp);
	assert_int_equal(resp.status, IMAP_STATUS_BAD);
	assert_string_equal(resp.tag, "A0003");
	assert_string_equal(resp.text, "Error in IMAP command UID FETCH: Invalid uidset");
	imap_response_clear(&resp);

	parse_ok("a4 NO\r\n", &resp);
	assert_int_equal(resp.status, IMAP_STATUS_NO);
	assert_string_equal(resp.text, "");
	imap_response_clear(&resp);
}

static void test_bye_preauth(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("* BYE Logging out\r\n", &resp);
	assert_int_equal(resp.kind, IMAP_RESP_UNTAGGED);
	assert_int_equal(resp.status, IMAP_STATUS_BYE);
	assert_string_equal(resp.text, "Logging out");
	imap_response_clear(&resp);

	parse_ok("* PREAUTH [CAPABILITY IMAP4rev1 IDLE] Logged in as sales\r\n", &resp);
	assert_int_equal(resp.status, IMAP_STATUS_PREAUTH);
	assert_true(resp.has_idle);
	assert_string_equal(resp.text, "Logged in as sales");
	imap_response_clear(&resp);

	parse_ok("* PREAUTH\r\n", &resp);
	assert_int_equal(resp.status, IMAP_STATUS_PREAUTH);
	imap_response_clear(&resp);
}

static void test_continuation(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("+ idling\r\n", &resp);
	assert_int_equal(resp.kind, IMAP_RESP_CONTINUATION);
	assert_int_equal(resp.status, IMAP_STATUS_NONE);
	assert_string_equal(resp.text, "idling");
	imap_response_clear(&resp);

	parse_ok("+\r\n", &resp);
	assert_int_equal(resp.kind, IMAP_RESP_CONTINUATION);
	assert_string_equal(resp.text, "");
	imap_response_clear(&resp);
}

static void test_counts(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("* 172 EXISTS\r\n", &resp);
	assert_int_equal(resp.kind, IMAP_RESP_UNTAGGED);
	assert_int_equal(resp.status, IMAP_STATUS_NONE);
	assert_int_equal(resp.data, IMAP_DATA_EXISTS);
	assert_int_equal(resp.number, 172);
	imap_response_clear(&resp);

	parse_ok("* 1 RECENT\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_RECENT);
	assert_int_equal(resp.number, 1);
	imap_response_clear(&resp);

	parse_ok("* 44 expunge  \r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_EXPUNGE);
	assert_int_equal(resp.number, 44);
	imap_response_clear(&resp);

	parse_ok("* 0 EXISTS\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_EXISTS);
	assert_int_equal(resp.number, 0);
	imap_response_clear(&resp);

	parse_error_str("* 4294967296 EXISTS\r\n", "message number");
	parse_error_str("* 3 EXISTS extra\r\n", "junk");
}

static void test_flags_and_capability(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)\r\n",
	         &resp);
	assert_int_equal(resp.data, IMAP_DATA_FLAGS);
	assert_int_equal(resp.status, IMAP_STATUS_NONE);
	imap_response_clear(&resp);

	parse_ok("* FLAGS ()\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_FLAGS);
	imap_response_clear(&resp);

	parse_ok("* CAPABILITY IMAP4rev1 LITERAL+ IDLE UIDPLUS\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_CAPABILITY);
	assert_string_equal(resp.text, "IMAP4rev1 LITERAL+ IDLE UIDPLUS");
	assert_true(resp.has_idle);
	imap_response_clear(&resp);

	/* IDLE is found however long the list, in any case, as a whole atom. */
	GString *line = g_string_new("* CAPABILITY IMAP4rev1");
	for (int i = 0; i < 60; i++)
		g_string_append_printf(line, " X-EXTENSION-%d", i);
	g_string_append(line, " idle\r\n");
	parse_ok(line->str, &resp);
	assert_true(strlen(resp.text) < sizeof(resp.text));
	assert_true(resp.has_idle);
	imap_response_clear(&resp);
	g_string_free(line, TRUE);
	parse_ok("* CAPABILITY IMAP4rev1 IDLEX XIDLE AUTH=IDLE\r\n", &resp);
	assert_false(resp.has_idle);
	imap_response_clear(&resp);
	parse_ok("* CAPABILITY\r\n", &resp);
	assert_false(resp.has_idle);
	imap_response_clear(&resp);

	/* The response code form, on a status response. */
	parse_ok("a1 OK [CAPABILITY IMAP4rev1 SASL-IR IDLE] Logged in\r\n", &resp);
	assert_true(resp.has_idle);
	assert_string_equal(resp.text, "Logged in");
	imap_response_clear(&resp);
	parse_ok("a1 OK [CAPABILITY IMAP4rev1 SASL-IR] Logged in\r\n", &resp);
	assert_false(resp.has_idle);
	imap_response_clear(&resp);
	/* No "]": not a code, so not a capability list either. */
	parse_ok("* OK [CAPABILITY IDLE\r\n", &resp);
	assert_false(resp.has_idle);
	assert_string_equal(resp.text, "[CAPABILITY IDLE");
	imap_response_clear(&resp);

	parse_error_str("* FLAGS \\Seen\r\n", "FLAGS");
	parse_error_str("* FLAGS (\\Seen\r\n", "FLAGS");
}

static void test_search(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("* SEARCH 2 84 882\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_SEARCH);
	assert_int_equal(resp.n_search, 3);
	assert_non_null(resp.search);
	assert_int_equal(resp.search[0], 2);
	assert_int_equal(resp.search[1], 84);
	assert_int_equal(resp.search[2], 882);
	imap_response_clear(&resp);
	assert_null(resp.search);
	assert_int_equal(resp.n_search, 0);
	assert_int_equal(resp.data, IMAP_DATA_NONE);

	parse_ok("* SEARCH\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_SEARCH);
	assert_int_equal(resp.n_search, 0);
	assert_null(resp.search);
	imap_response_clear(&resp);

	parse_ok("* SEARCH 4294967295 7 (MODSEQ 917162500)\r\n", &resp);
	assert_int_equal(resp.n_search, 2);
	assert_int_equal(resp.search[0], 4294967295u);
	assert_int_equal(resp.search[1], 7);
	imap_response_clear(&resp);

	parse_error_str("* SEARCH 1 4294967296\r\n", "SEARCH");
	parse_error_str("* SEARCH 1 two\r\n", "SEARCH");
}

static void test_other_data(void **state)
{
	static const char list[] =
		"* LIST (\\HasNoChildren) \"/\" {5}\r\nIN)\r\n\r\n* OK x\r\n";
	struct imap_response resp;
	const char *error;
	size_t consumed;

	(void)state;
	/* The literal hides a CRLF and ")": the response ends after it. */
	assert_int_equal(imap_resp_parse(UCHARS(list), sizeof(list) - 1, NULL,
	                                 &resp, &consumed, &error), IMAP_PARSE_OK);
	assert_int_equal(resp.data, IMAP_DATA_OTHER);
	assert_int_equal(consumed, sizeof(list) - 1 - strlen("* OK x\r\n"));
	imap_response_clear(&resp);

	parse_ok("* NAMESPACE ((\"\" \"/\")) NIL ((\"Shared/\" \"/\"))\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_OTHER);
	assert_int_equal(resp.status, IMAP_STATUS_NONE);
	imap_response_clear(&resp);

	parse_ok("* STATUS \"a \\\"quoted\\\" box\" (MESSAGES 231 UIDNEXT 44292)\r\n",
	         &resp);
	assert_int_equal(resp.data, IMAP_DATA_OTHER);
	assert_false(resp.has_uidnext);
	imap_response_clear(&resp);

	parse_ok("* 5 XFOO bar (baz)\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_OTHER);
	assert_int_equal(resp.number, 5);
	imap_response_clear(&resp);

	/* Braces that are not a literal header are plain text. */
	parse_ok("* XWEIRD {abc} {12} ~peter ~{x\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_OTHER);
	imap_response_clear(&resp);

	parse_ok("* ENABLED ~{3}\r\n\r\n\r)\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_OTHER);
	imap_response_clear(&resp);

	parse_error_str("* XFOO \"open quote\r\n", "quoted");
}

static const char full_fetch[] =
	"* 12 FETCH (UID 4827 FLAGS (\\Seen \\Answered) "
	"INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 44827 "
	"BODY[] {11}\r\nHello world)\r\n";

static void test_fetch_full(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok(full_fetch, &resp);
	assert_int_equal(resp.kind, IMAP_RESP_UNTAGGED);
	assert_int_equal(resp.data, IMAP_DATA_FETCH);
	assert_int_equal(resp.number, 12);
	assert_true(resp.fetch.has_uid);
	assert_int_equal(resp.fetch.uid, 4827);
	assert_true(resp.fetch.has_flags);
	assert_true(resp.fetch.seen);
	assert_true(resp.fetch.has_internaldate);
	assert_int_equal(resp.fetch.internaldate, 837596665);
	assert_true(resp.fetch.has_size);
	assert_int_equal(resp.fetch.rfc822_size, 44827);
	assert_true(resp.fetch.has_body);
	assert_int_equal(resp.fetch.body_len, 11);
	assert_memory_equal(resp.fetch.body, "Hello world", 11);
	/* In place: the body points into the caller's buffer. */
	assert_ptr_equal(resp.fetch.body, UCHARS(strstr(full_fetch, "Hello")));
	assert_null(resp.fetch.body_unescaped);
	imap_response_clear(&resp);
}

static void test_fetch_any_order_any_case(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("* 3 fetch (body[] {3}\r\nabc internaldate \" 1-Mar-2000 00:00:00 -1200\" "
	         "Rfc822.Size 3 flags (\\answered $Label1) uid 9)\r\n", &resp);
	assert_int_equal(resp.data, IMAP_DATA_FETCH);
	assert_int_equal(resp.number, 3);
	assert_true(resp.fetch.has_uid);
	assert_int_equal(resp.fetch.uid, 9);
	assert_true(resp.fetch.has_flags);
	assert_false(resp.fetch.seen);
	assert_int_equal(resp.fetch.internaldate, 951912000);
	assert_int_equal(resp.fetch.rfc822_size, 3);
	assert_memory_equal(resp.fetch.body, "abc", 3);
	imap_response_clear(&resp);

	/* Only the items asked for by "UID FETCH 1:* (UID RFC822.SIZE)". */
	parse_ok("* 1 FETCH (RFC822.SIZE 18446744073709551615 UID 4294967295)\r\n",
	         &resp);
	assert_true(resp.fetch.has_uid);
	assert_int_equal(resp.fetch.uid, 4294967295u);
	assert_true(resp.fetch.rfc822_size == UINT64_MAX);
	assert_false(resp.fetch.has_flags);
	assert_false(resp.fetch.has_body);
	assert_false(resp.fetch.has_internaldate);
	imap_response_clear(&resp);

	/* A flags-only update (\Seen set elsewhere), lowercase flag. */
	parse_ok("* 7 FETCH (FLAGS (\\seen))\r\n", &resp);
	assert_true(resp.fetch.has_flags);
	assert_true(resp.fetch.seen);
	assert_false(resp.fetch.has_uid);
	imap_response_clear(&resp);
}

static void test_fetch_skips_unknown_items(void **state)
{
	static const char buf[] =
		"* 9 FETCH (MODSEQ (12345678901) "
		"ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" {12}\r\nQuote \"(\r\n)\\ "
		"((\"Terry \\\"T\\\" Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL NIL NIL "
		"\"<B27397-0100000@cac.washington.edu>\") "
		"BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL "
		"\"7BIT\" 1152 23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" "
		"{7}\r\ncc.diff) \"<960723163407.20117h@cac.washington.edu>\" "
		"\"Compiler diff\" \"BASE64\" 4554 73) \"MIXED\") "
		"X-GM-LABELS (\\Inbox \"Muy importante\" \\Sent) "
		"X-GM-MSGID 1278455344230334865 "
		"BINARY.SIZE[1] 77 "
		"BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 3 1) "
		"EMAILID (M6d99ac3275bb4e) PREVIEW NIL "
		"UID 88)\r\n";
	struct imap_response resp;

	(void)state;
	parse_ok(buf, &resp);
	assert_int_equal(resp.data, IMAP_DATA_FETCH);
	assert_true(resp.fetch.has_uid);
	assert_int_equal(resp.fetch.uid, 88);
	/* BODY without a section is a body structure, not the body. */
	assert_false(resp.fetch.has_body);
	assert_false(resp.fetch.has_flags);
	imap_response_clear(&resp);

	parse_error_str("* 9 FETCH (MODSEQ (1 2)\r\n", "FETCH");
	parse_error_str("* 9 FETCH (MODSEQ (1 2\r\n", "end of line");
	parse_error_str("* 9 FETCH (MODSEQ )\r\n", "value");
}

/* Checks that the body of "* 1 FETCH (UID 5 <item>)" is want. */
static void check_body_item(const char *item, size_t item_len,
                            const char *want, size_t want_len)
{
	struct imap_response resp;
	GString *buf = g_string_new("* 1 FETCH (UID 5 ");

	g_string_append_len(buf, item, (gssize)item_len);
	g_string_append(buf, ")\r\n");
	parse_ok_n(buf->str, buf->len, &resp);
	assert_true(resp.fetch.has_uid);
	assert_true(resp.fetch.has_body);
	assert_int_equal(resp.fetch.body_len, want_len);
	assert_memory_equal(resp.fetch.body, want, want_len);
	imap_response_clear(&resp);
	g_string_free(buf, TRUE);
}

#define BODY_ITEM(item, want) \
	check_body_item(item, sizeof(item) - 1, want, sizeof(want) - 1)

static void test_fetch_body_sections(void **state)
{
	(void)state;
	BODY_ITEM("BODY[] {5}\r\nabcde", "abcde");
	BODY_ITEM("BODY[HEADER] {19}\r\nSubject: hi\r\n\r\n\r\n\r\n", "Subject: hi\r\n\r\n\r\n\r\n");
	BODY_ITEM("BODY[TEXT] {4}\r\ntext", "text");
	BODY_ITEM("BODY[1.2] {3}\r\npdf", "pdf");
	BODY_ITEM("BODY[]<0> {7}\r\npartial", "partial");
	BODY_ITEM("BODY[HEADER.FIELDS (FROM \"TO\" \"X]\")] {6}\r\nFrom:x", "From:x");
	BODY_ITEM("BODY.PEEK[] {2}\r\nhi", "hi");
	BODY_ITEM("BODY[] {3+}\r\nlit", "lit");
	BODY_ITEM("BINARY[] ~{4}\r\n\0\1\r\n", "\0\1\r\n");
	BODY_ITEM("BINARY[1] {2}\r\n\0\0", "\0\0");
	BODY_ITEM("RFC822 {3}\r\nmsg", "msg");
	BODY_ITEM("RFC822.HEADER {3}\r\nhdr", "hdr");
	BODY_ITEM("BODY[] {0}\r\n", "");
	BODY_ITEM("BODY[] \"short body\"", "short body");
	BODY_ITEM("BODY[] \"\"", "");
	/* Of two body items the first is kept. */
	BODY_ITEM("BODY[HEADER] {1}\r\nH BODY[TEXT] {1}\r\nT", "H");
}

static void test_fetch_body_quoted_escapes(void **state)
{
	static const char buf[] =
		"* 2 FETCH (BODY[] \"say \\\"hi\\\" \\\\ ok\" UID 3)\r\n";
	struct imap_response resp;

	(void)state;
	parse_ok(buf, &resp);
	assert_true(resp.fetch.has_body);
	assert_non_null(resp.fetch.body_unescaped);
	assert_ptr_equal(resp.fetch.body, resp.fetch.body_unescaped);
	assert_int_equal(resp.fetch.body_len, strlen("say \"hi\" \\ ok"));
	assert_memory_equal(resp.fetch.body, "say \"hi\" \\ ok", resp.fetch.body_len);
	imap_response_clear(&resp);
	assert_null(resp.fetch.body_unescaped);
	assert_null(resp.fetch.body);
	assert_false(resp.fetch.has_body);
}

static void test_fetch_body_nil(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("* 2 FETCH (UID 3 BODY[] NIL)\r\n", &resp);
	assert_true(resp.fetch.has_uid);
	assert_false(resp.fetch.has_body);
	assert_null(resp.fetch.body);
	imap_response_clear(&resp);

	parse_error_str("* 2 FETCH (UID 3 BODY[] abc)\r\n", "NIL");
	parse_error_str("* 2 FETCH (UID 3 BODY[] {x}\r\n)\r\n", "literal");
	parse_error_str("* 2 FETCH (UID 3 BODY[ {1}\r\nx)\r\n", "section");
}

/* Every prefix of a response is NEED_MORE with a hint that is useful
 * (beyond the prefix) and never overshoots; the whole is OK. */
static void check_every_split(const char *buf, size_t len, size_t response_len)
{
	struct imap_response resp;
	const char *error;
	size_t k, consumed;

	for (k = 0; k < response_len; k++) {
		size_t hint = parse_need_more(buf, k, NULL);

		assert_true(hint <= response_len);
	}
	for (k = response_len; k <= len; k++) {
		assert_int_equal(imap_resp_parse(UCHARS(buf), k, NULL, &resp,
		                                 &consumed, &error), IMAP_PARSE_OK);
		assert_int_equal(consumed, response_len);
		imap_response_clear(&resp);
	}
}

static void test_split_at_every_byte(void **state)
{
	static const char two[] =
		"* 3 FETCH (UID 7 BODY[] {13}\r\nline\r\n)\r\n* OK)\r\na1 OK done\r\n";
	static const char others[] =
		"* OK [UIDVALIDITY 1] x\r\n"
		"* 2 FETCH (MODSEQ (1) ENVELOPE (NIL {2}\r\n()) BODY[] \"q\\\"\")\r\n"
		"* SEARCH 1 2\r\n"
		"* LIST () \"/\" ~{3}\r\n\r\n\r\r\n";
	struct imap_response resp;
	const char *error;
	size_t consumed, off, len;

	(void)state;
	check_every_split(full_fetch, sizeof(full_fetch) - 1, sizeof(full_fetch) - 1);
	parse_ok(full_fetch, &resp);
	assert_memory_equal(resp.fetch.body, "Hello world", 11);
	imap_response_clear(&resp);

	/* With a second response right behind, the first still ends where it
	 * should, whatever the split. */
	check_every_split(two, sizeof(two) - 1, strlen("* 3 FETCH (UID 7 BODY[] {13}\r\nline\r\n)\r\n* OK)\r\n"));

	len = sizeof(others) - 1;
	for (off = 0; off < len; off += consumed) {
		assert_int_equal(imap_resp_parse(UCHARS(others + off), len - off, NULL,
		                                 &resp, &consumed, &error),
		                 IMAP_PARSE_OK);
		imap_response_clear(&resp);
		check_every_split(others + off, len - off, consumed);
	}
	assert_int_equal(off, len);
}

static void test_need_more_hints(void **state)
{
	static const char big[] = "* 1 FETCH (UID 9 BODY[] {30000000}\r\nFrom: a";
	static const char header[] = "* 1 FETCH (UID 9 BODY[] {30000000}\r\n";

	(void)state;
	/* Past a literal header: wait for the whole literal at once. */
	assert_int_equal(parse_need_more(big, sizeof(big) - 1, NULL),
	                 sizeof(header) - 1 + 30000000);
	assert_int_equal(parse_need_more(header, sizeof(header) - 1, NULL),
	                 sizeof(header) - 1 + 30000000);
	/* No CRLF yet: one more byte. */
	assert_int_equal(parse_need_more("* 3 EXISTS", 10, NULL), 11);
	assert_int_equal(parse_need_more("* 3 EXISTS\r", 11, NULL), 12);
	assert_int_equal(parse_need_more("", 0, NULL), 1);
	assert_int_equal(parse_need_more(NULL, 0, NULL), 1);
}

static void test_pipelined(void **state)
{
	static const char buf[] =
		"* 1 FETCH (UID 100 RFC822.SIZE 3 BODY[] {3}\r\nabc)\r\n"
		"a7 OK Fetch completed.\r\n"
		"* 2 EXI";
	struct imap_response resp;
	const char *error;
	size_t consumed, off = 0, len = sizeof(buf) - 1;

	(void)state;
	assert_int_equal(imap_resp_parse(UCHARS(buf), len, NULL, &resp, &consumed,
	                                 &error), IMAP_PARSE_OK);
	assert_int_equal(resp.data, IMAP_DATA_FETCH);
	assert_int_equal(resp.fetch.uid, 100);
	assert_memory_equal(resp.fetch.body, "abc", 3);
	assert_int_equal(consumed, strlen("* 1 FETCH (UID 100 RFC822.SIZE 3 BODY[] {3}\r\nabc)\r\n"));
	imap_response_clear(&resp);
	off += consumed;

	assert_int_equal(imap_resp_parse(UCHARS(buf + off), len - off, NULL, &resp,
	                                 &consumed, &error), IMAP_PARSE_OK);
	assert_int_equal(resp.kind, IMAP_RESP_TAGGED);
	assert_string_equal(resp.tag, "a7");
	assert_string_equal(resp.text, "Fetch completed.");
	assert_int_equal(consumed, strlen("a7 OK Fetch completed.\r\n"));
	imap_response_clear(&resp);
	off += consumed;

	assert_int_equal(imap_resp_parse(UCHARS(buf + off), len - off, NULL, &resp,
	                                 &consumed, &error), IMAP_PARSE_NEED_MORE);
	assert_int_equal(consumed, len - off + 1);
}

static void test_literal_with_crlf_paren_and_status(void **state)
{
	static const char body[] =
		"Subject: x\r\n)\r\n* OK [UIDVALIDITY 1] fake\r\na1 OK fake\r\n{5}\r\n";
	struct imap_response resp;
	GString *buf = g_string_new(NULL);
	const char *error;
	size_t consumed;

	(void)state;
	g_string_append_printf(buf, "* 4 FETCH (UID 44 BODY[] {%zu}\r\n%s)\r\n",
	                       sizeof(body) - 1, body);
	g_string_append(buf, "a1 OK real\r\n");
	assert_int_equal(imap_resp_parse(UCHARS(buf->str), buf->len, NULL, &resp,
	                                 &consumed, &error), IMAP_PARSE_OK);
	assert_int_equal(resp.data, IMAP_DATA_FETCH);
	assert_int_equal(resp.fetch.uid, 44);
	assert_false(resp.has_uidvalidity);
	assert_int_equal(resp.fetch.body_len, sizeof(body) - 1);
	assert_memory_equal(resp.fetch.body, body, sizeof(body) - 1);
	assert_int_equal(consumed, buf->len - strlen("a1 OK real\r\n"));
	imap_response_clear(&resp);

	assert_int_equal(imap_resp_parse(UCHARS(buf->str + consumed),
	                                 buf->len - consumed, NULL, &resp,
	                                 &consumed, &error), IMAP_PARSE_OK);
	assert_string_equal(resp.text, "real");
	imap_response_clear(&resp);
	g_string_free(buf, TRUE);
}

/* INTERNALDATE of "* 1 FETCH (INTERNALDATE <value>)"; false when absent. */
static bool internaldate_of(const char *value, int64_t *time_r)
{
	struct imap_response resp;
	char *buf = g_strdup_printf("* 1 FETCH (INTERNALDATE %s)\r\n", value);
	bool has;

	parse_ok(buf, &resp);
	has = resp.fetch.has_internaldate;
	*time_r = resp.fetch.internaldate;
	imap_response_clear(&resp);
	g_free(buf);
	return has;
}

static void test_internaldate(void **state)
{
	int64_t t;

	(void)state;
	assert_true(internaldate_of("\"17-Jul-1996 02:44:25 -0700\"", &t));
	assert_int_equal(t, 837596665);
	assert_true(internaldate_of("\"29-Feb-2024 23:59:59 +0530\"", &t));
	assert_int_equal(t, 1709231399);
	assert_true(internaldate_of("\"01-Jan-1970 00:00:00 +0000\"", &t));
	assert_int_equal(t, 0);
	assert_true(internaldate_of("\"31-Dec-1969 23:59:59 +0000\"", &t));
	assert_int_equal(t, -1);
	assert_true(internaldate_of("\"1-jan-1970 01:00:00 +0100\"", &t));
	assert_int_equal(t, 0);
	assert_true(internaldate_of("\" 1-Mar-2000 00:00:00 -1200\"", &t));
	assert_int_equal(t, 951912000);
	assert_true(internaldate_of("{26}\r\n17-Jul-1996 02:44:25 -0700", &t));
	assert_int_equal(t, 837596665);

	/* Not a date: absent, and the rest of the FETCH is still read. */
	assert_false(internaldate_of("NIL", &t));
	assert_false(internaldate_of("\"30-Feb-2024 00:00:00 +0000\"", &t));
	assert_false(internaldate_of("\"29-Feb-2023 00:00:00 +0000\"", &t));
	assert_false(internaldate_of("\"17-Jux-1996 02:44:25 -0700\"", &t));
	assert_false(internaldate_of("\"17-Jul-1996 24:00:00 -0700\"", &t));
	assert_false(internaldate_of("\"17-Jul-1996 02:44:25 0700\"", &t));
	assert_false(internaldate_of("\"17-Jul-1996 02:44:25 -0700 \"", &t));
	assert_false(internaldate_of("\"17-Jul-1996\"", &t));
	assert_false(internaldate_of("\"\"", &t));
	assert_false(internaldate_of("\"a very long string that is certainly not a date\"", &t));
}

static void test_limits_line(void **state)
{
	const struct imap_resp_limits small = { .max_line = 16 };
	struct imap_response resp;
	const char *error;
	char *long_line;
	size_t n = 70000, consumed;

	(void)state;
	/* Exactly 16 bytes with the CRLF: fine. */
	assert_int_equal(parse_with("* 12345 EXISTS\r\n", 16, &small, &consumed, &error),
	                 IMAP_PARSE_OK);
	assert_int_equal(consumed, 16);
	parse_error("* 123456 EXISTS\r\n", 17, &small, "line too long");
	/* Too long before any CRLF has arrived: no point waiting. */
	parse_error("* OK this goes on and on", 24, &small, "line too long");

	/* The default: 64 KiB. */
	long_line = g_malloc(n);
	memset(long_line, 'x', n);
	memcpy(long_line, "* OK ", 5);
	memcpy(long_line + n - 2, "\r\n", 2);
	parse_error(long_line, n, NULL, "line too long");
	parse_error(long_line, n - 2, NULL, "line too long");
	memcpy(long_line + 65534, "\r\n", 2);
	parse_ok_n(long_line, 65536, &resp);
	assert_int_equal(strlen(resp.text), sizeof(resp.text) - 1);
	imap_response_clear(&resp);
	g_free(long_line);
}

/* Literal contents do not count against max_line, lines on both sides do. */
static void test_limits_line_around_literal(void **state)
{
	static const char buf[] = "* 1 FETCH (BODY[] {40}\r\n"
		"0123456789012345678901234567890123456789)\r\n";
	const struct imap_resp_limits fits = { .max_line = 27 };
	const struct imap_resp_limits short_by_one = { .max_line = 26 };
	struct imap_response resp;
	const char *error;
	size_t consumed;

	(void)state;
	assert_int_equal(imap_resp_parse(UCHARS(buf), sizeof(buf) - 1, &fits,
	                                 &resp, &consumed, &error), IMAP_PARSE_OK);
	assert_int_equal(resp.fetch.body_len, 40);
	imap_response_clear(&resp);
	parse_error(buf, sizeof(buf) - 1, &short_by_one, "line too long");
}

static void test_limits_literal(void **state)
{
	static const char eleven[] = "* 1 FETCH (BODY[] {11}\r\n";
	static const char ten[] = "* 1 FETCH (BODY[] {10}\r\n0123456789)\r\n";
	const struct imap_resp_limits small = { .max_literal = 10 };
	const struct imap_resp_limits zeros = { 0, 0, 0 };
	struct imap_response resp;
	const char *error;
	size_t consumed;

	(void)state;
	/* Refused as soon as the header is seen, before any contents. */
	parse_error(eleven, sizeof(eleven) - 1, &small, "literal too large");
	assert_int_equal(imap_resp_parse(UCHARS(ten), sizeof(ten) - 1, &small, &resp,
	                                 &consumed, &error), IMAP_PARSE_OK);
	imap_response_clear(&resp);

	parse_error_str("* 1 FETCH (BODY[] {67108865}\r\n", "literal too large");
	parse_error("* 1 FETCH (BODY[] {67108865}\r\n", 30, &zeros, "literal too large");
	parse_error_str("* 1 FETCH (BODY[] {99999999999999999999999999}\r\n",
	                "literal too large");
	parse_error_str("* XFOO {99999999999999999999999999}\r\n", "literal too large");
	assert_int_equal(parse_need_more("* 1 FETCH (BODY[] {67108864}\r\n", 30, &zeros),
	                 30 + 67108864);

	/* Many literals may not add up to more than max_response. */
	parse_error("* XFOO {8}\r\n01234567 {8}\r\n01234567\r\n", 36,
	            &(const struct imap_resp_limits){ .max_response = 30 },
	            "response too large");
	parse_error("* XFOO {8}\r\n", 12,
	            &(const struct imap_resp_limits){ .max_response = 15 },
	            "response too large");
	assert_int_equal(parse_need_more("* XFOO {8}\r\n", 12,
	                 &(const struct imap_resp_limits){ .max_response = 22 }), 20);
}

static void test_malformed(void **state)
{
	static const char fetch_uid_abc[] = "* 12 FETCH (UID abc)\r\n";
	static const char binary[] = "\0\xff\x01garbage\r\n";

	(void)state;
	/* Documented choice: a UID that is not a number is an error. */
	parse_error_str(fetch_uid_abc, "UID");
	parse_error_str("* 12 FETCH (UID 4294967296)\r\n", "UID");
	parse_error_str("* 12 FETCH (UID 12abc)\r\n", "FETCH");
	parse_error_str("* 12 FETCH (RFC822.SIZE x)\r\n", "RFC822.SIZE");
	parse_error_str("* 12 FETCH (UID 1) junk\r\n", "junk");
	parse_error_str("* 12 FETCH UID 1\r\n", "FETCH");
	parse_error_str("* 12 FETCH (FLAGS \\Seen)\r\n", "FLAGS");
	parse_error_str("* 12 FETCH (BODY[]<x> {1}\r\nx)\r\n", "origin");
	parse_error_str("* 12 FETCH (UID 1\r\n", "FETCH");
	parse_error_str("* 3 EXISTS\n", "bare LF");
	parse_error_str("* 3 EXISTS\rX\n", "bare CR");
	parse_error_str("* OK hi\n", "bare LF");
	parse_error_str("\r\n", "malformed");
	parse_error_str(" a1 OK\r\n", "malformed");
	parse_error_str("hello\r\n", "malformed");
	parse_error_str("a1 PREAUTH hi\r\n", "status");
	parse_error_str("a1 MAYBE hi\r\n", "status");
	parse_error_str("a1 OKAY\r\n", "status");
	parse_error_str("a1 OK[READ-ONLY]\r\n", "status");
	parse_error_str("*\r\n", "untagged");
	parse_error_str("* \r\n", "untagged");
	parse_error_str("+idle\r\n", "malformed");
	parse_error_str("a12345678901234567890123456789012 OK x\r\n", "tag too long");
	parse_error(binary, sizeof(binary) - 1, NULL, "malformed");

	/* Missing CRLF is only "not yet". */
	assert_int_equal(parse_need_more(fetch_uid_abc, 16, NULL), 17);
	assert_int_equal(parse_need_more("a1 OK done", 10, NULL), 11);
	assert_int_equal(parse_need_more("* 12 FETCH (UID 5 BODY[] \"unterm", 33, NULL), 34);
}

static void test_text_is_printable_and_truncated(void **state)
{
	struct imap_response resp;
	GString *buf = g_string_new("* NO ");
	size_t i;

	(void)state;
	parse_ok("* OK caf\xc3\xa9 \x01\x7f!\r\n", &resp);
	assert_string_equal(resp.text, "caf?? ?" "?!");
	imap_response_clear(&resp);

	/* No closing bracket: not a response code, all of it is text. */
	parse_ok("* NO [ALERT disk full\r\n", &resp);
	assert_int_equal(resp.status, IMAP_STATUS_NO);
	assert_string_equal(resp.text, "[ALERT disk full");
	imap_response_clear(&resp);

	for (i = 0; i < 300; i++)
		g_string_append_c(buf, (char)('a' + i % 26));
	g_string_append(buf, "\r\n");
	parse_ok_n(buf->str, buf->len, &resp);
	assert_int_equal(strlen(resp.text), 255);
	assert_memory_equal(resp.text, buf->str + 5, 255);
	imap_response_clear(&resp);
	g_string_free(buf, TRUE);
}

static void test_deep_nesting(void **state)
{
	struct imap_response resp;
	GString *buf = g_string_new("* 1 FETCH (X-DEEP ");
	size_t i, depth = 20000;

	(void)state;
	for (i = 0; i < depth; i++)
		g_string_append_c(buf, '(');
	g_string_append(buf, "\"x\" {1}\r\ny");
	for (i = 0; i < depth; i++)
		g_string_append_c(buf, ')');
	g_string_append(buf, " UID 3)\r\n");
	parse_ok_n(buf->str, buf->len, &resp);
	assert_int_equal(resp.fetch.uid, 3);
	imap_response_clear(&resp);
	g_string_free(buf, TRUE);

	/* One parenthesis short: the FETCH's own ")" closes the last list,
	 * and the FETCH is left unclosed at the CRLF. */
	buf = g_string_new("* 1 FETCH (X-DEEP ");
	for (i = 0; i < depth; i++)
		g_string_append_c(buf, '(');
	for (i = 1; i < depth; i++)
		g_string_append_c(buf, ')');
	g_string_append(buf, " UID 3)\r\n");
	parse_error(buf->str, buf->len, NULL, "FETCH");
	g_string_free(buf, TRUE);
}

static void test_clear(void **state)
{
	struct imap_response resp;

	(void)state;
	parse_ok("* SEARCH 5 6\r\n", &resp);
	assert_non_null(resp.search);
	imap_response_clear(&resp);
	assert_null(resp.search);
	assert_int_equal(resp.n_search, 0);
	assert_int_equal(resp.data, IMAP_DATA_NONE);
	/* Clearing twice, or NULL, is harmless. */
	imap_response_clear(&resp);
	imap_response_clear(NULL);
}

/* imap_quote_mailbox(name) must give want (quotes included). */
static void check_quote(const char *name, const char *want)
{
	char out[256];

	assert_int_equal(imap_quote_mailbox(name, out, sizeof(out)), (int)strlen(want));
	assert_string_equal(out, want);
}

static void test_quote_mailbox(void **state)
{
	char out[16];

	(void)state;
	check_quote("Entwürfe", "\"Entw&APw-rfe\"");
	check_quote("已发送", "\"&XfJT0ZAB-\"");
	check_quote("a&b", "\"a&-b\"");
	check_quote("INBOX", "\"INBOX\"");
	check_quote("", "\"\"");
	check_quote("say \"hi\" \\ there", "\"say \\\"hi\\\" \\\\ there\"");
	check_quote("~peter/mail/台北/日本語", "\"~peter/mail/&U,BTFw-/&ZeVnLIqe-\"");
	check_quote("\xf0\x9f\x98\x80", "\"&2D3eAA-\"");
	check_quote("ÿÿÿ", "\"&AP8A,wD,-\"");
	check_quote("Ünïcödé & mehr", "\"&ANw-n&AO8-c&APY-d&AOk- &- mehr\"");
	check_quote("tab\there", "\"tab&AAk-here\"");

	/* Invalid UTF-8: truncated, overlong, a surrogate, a stray byte. */
	assert_int_equal(imap_quote_mailbox("Entw\xc3", out, sizeof(out)), -1);
	assert_int_equal(imap_quote_mailbox("\xc0\xaf", out, sizeof(out)), -1);
	assert_int_equal(imap_quote_mailbox("\xed\xa0\x80", out, sizeof(out)), -1);
	assert_int_equal(imap_quote_mailbox("a\xff", out, sizeof(out)), -1);
	assert_int_equal(imap_quote_mailbox(NULL, out, sizeof(out)), -1);

	/* "Entw&APw-rfe" quoted is 14 bytes: needs 15 with the NUL. */
	assert_int_equal(imap_quote_mailbox("Entwürfe", out, 15), 14);
	assert_string_equal(out, "\"Entw&APw-rfe\"");
	assert_int_equal(imap_quote_mailbox("Entwürfe", out, 14), -1);
	assert_string_equal(out, "");
	assert_int_equal(imap_quote_mailbox("Entwürfe", out, 5), -1);
	assert_int_equal(imap_quote_mailbox("", out, 2), -1);
	assert_int_equal(imap_quote_mailbox("", out, 3), 2);
	assert_int_equal(imap_quote_mailbox("x", out, 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_untagged_uidvalidity),
		cmocka_unit_test(test_untagged_uidnext_and_read_only),
		cmocka_unit_test(test_tagged_ok_read_only),
		cmocka_unit_test(test_tagged_no_bad),
		cmocka_unit_test(test_bye_preauth),
		cmocka_unit_test(test_continuation),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_flags_and_capability),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_other_data),
		cmocka_unit_test(test_fetch_full),
		cmocka_unit_test(test_fetch_any_order_any_case),
		cmocka_unit_test(test_fetch_skips_unknown_items),
		cmocka_unit_test(test_fetch_body_sections),
		cmocka_unit_test(test_fetch_body_quoted_escapes),
		cmocka_unit_test(test_fetch_body_nil),
		cmocka_unit_test(test_split_at_every_byte),
		cmocka_unit_test(test_need_more_hints),
		cmocka_unit_test(test_pipelined),
		cmocka_unit_test(test_literal_with_crlf_paren_and_status),
		cmocka_unit_test(test_internaldate),
		cmocka_unit_test(test_limits_line),
		cmocka_unit_test(test_limits_line_around_literal),
		cmocka_unit_test(test_limits_literal),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_text_is_printable_and_truncated),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_clear),
		cmocka_unit_test(test_quote_mailbox),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
