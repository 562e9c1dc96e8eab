/* Message classification (classify/classify.c): domains, customer keys,
 * direction, counterpart, kinds, quote markers, thread kinds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <libpsl.h>

#include "data/builtin.h"
#include "classify/classify.h"

#define PSL_FILE "/usr/share/publicsuffix/public_suffix_list.dat"

static psl_ctx_t *loaded_psl;
static const psl_ctx_t *psl;
static struct classify *cls;

static const char *const own_domains[] = { "example.com", "acme-export.co.uk", NULL };

/* The test may read the PSL file; the module may not. */
static int setup_group(void **state)
{
	(void)state;
	loaded_psl = psl_load_file(PSL_FILE);
	psl = loaded_psl != NULL ? loaded_psl : psl_builtin();
	if (psl == NULL)
		return -1;

	const struct classify_options opts = { .own_domains = own_domains, .psl = psl };
	const char *error = NULL;
	return classify_new(&opts, &cls, &error);
}

static int teardown_group(void **state)
{
	(void)state;
	classify_free(&cls);
	psl_free(loaded_psl);
	return 0;
}

/* ------------------------------------------------------------ helpers */

static char *s(const char *text)
{
	return (char *)text;
}

static struct msg_address address(const char *addr)
{
	return (struct msg_address){ .name = s(""), .addr = s(addr) };
}

/* A minimal clean message; fields a test needs are set afterwards. */
static struct parsed_message message(const char *from, const char *subject)
{
	return (struct parsed_message){
		.message_id = s("m1@test.invalid"),
		.date = 1700000000,
		.date_valid = true,
		.from = address(from),
		.sender = address(""),
		.subject = s(subject),
		.body_text = s(""),
	};
}

/* ---------------------------------------------------------------- names */

static void test_kind_names_round_trip(void **state)
{
	(void)state;
	static const char *const names[] = { "inquiry", "reply", "quote", "auto-reply",
		"bounce", "bulk", "unparsed", "internal", "ack", "alert", "reminder" };
	assert_int_equal(G_N_ELEMENTS(names), MSG_KIND_COUNT);
	for (int kind = 0; kind < MSG_KIND_COUNT; kind++) {
		assert_string_equal(msg_kind_name(kind), names[kind]);
		assert_int_equal(msg_kind_from_name(names[kind]), kind);
	}
	assert_int_equal(msg_kind_from_name("Reply"), -1);
	assert_int_equal(msg_kind_from_name("unknown"), -1);
	assert_int_equal(msg_kind_from_name(""), -1);
	assert_int_equal(msg_kind_from_name(NULL), -1);
	assert_string_equal(msg_kind_name(MSG_KIND_COUNT), "unknown");
	assert_true(msg_kind_is_own(MSG_KIND_ACK) && msg_kind_is_own(MSG_KIND_ALERT) &&
	            msg_kind_is_own(MSG_KIND_REMINDER));
	assert_false(msg_kind_is_own(MSG_KIND_REPLY) || msg_kind_is_own(MSG_KIND_QUOTE) ||
	             msg_kind_is_own(-1));
	assert_string_equal(msg_direction_name(MSG_DIR_IN), "in");
	assert_string_equal(msg_direction_name(MSG_DIR_OUT), "out");
}

/* ------------------------------------------------------- classify_new */

static void test_new_rejects_bad_options(void **state)
{
	(void)state;
	struct classify *bad = (struct classify *)&bad;
	const char *error = NULL;

	assert_int_equal(classify_new(NULL, &bad, &error), -1);
	assert_null(bad);
	assert_non_null(error);

	struct classify_options opts = { .own_domains = own_domains };
	error = NULL;
	assert_int_equal(classify_new(&opts, &bad, &error), -1);
	assert_non_null(strstr(error, "public suffix list"));

	static const char *const suffix[] = { "co.uk", NULL };
	opts = (struct classify_options){ .own_domains = suffix, .psl = psl };
	assert_int_equal(classify_new(&opts, &bad, &error), -1);
	assert_non_null(strstr(error, "public suffix"));
	assert_null(bad);

	static const char *const junk[] = { "example.com", "not a domain", NULL };
	opts.own_domains = junk;
	assert_int_equal(classify_new(&opts, &bad, &error), -1);
	assert_non_null(strstr(error, "own domain"));

	opts.own_domains = own_domains;
	opts.freemail_list = "gmail.com\nfree mail.com\n";
	assert_int_equal(classify_new(&opts, &bad, &error), -1);
	assert_non_null(strstr(error, "free-mail"));

	opts.freemail_list = NULL;
	opts.quote_markers = "quote\noff\xff\n";
	assert_int_equal(classify_new(&opts, &bad, &error), -1);
	assert_non_null(strstr(error, "quote marker"));
	assert_null(bad);
}

static void test_new_with_custom_lists(void **state)
{
	(void)state;
	struct classify *custom = NULL;
	const char *error = NULL;
	const struct classify_options opts = {
		.own_domains = NULL,   /* no own domains: nobody is ours */
		.freemail_list = "# mine\n@Mailbox.Example\nBÜCHER.de  # IDN\n",
		.quote_markers = "Kostenvoranschlag\n",
		.psl = psl,
	};
	assert_int_equal(classify_new(&opts, &custom, &error), 0);
	assert_non_null(custom);

	assert_true(classify_is_freemail(custom, "a@mailbox.example"));
	assert_true(classify_is_freemail(custom, "a@xn--bcher-kva.de"));
	assert_false(classify_is_freemail(custom, "a@gmail.com"));
	assert_false(classify_is_own_address(custom, "a@example.com"));

	struct parsed_message msg = message("me@example.com", "Ihr Kostenvoranschlag");
	assert_true(classify_has_quote_marker(custom, &msg));
	msg.subject = s("Quotation");
	assert_false(classify_has_quote_marker(custom, &msg));

	classify_free(&custom);
	assert_null(custom);
	classify_free(&custom);
}

/* ------------------------------------------------------------- domains */

struct domain_case {
	const char *addr;
	const char *registrable;  /* NULL: unusable */
};

static const struct domain_case domain_cases[] = {
	{ "sales@mx.acme.co.uk", "acme.co.uk" },
	{ "sales@mail.acme.com.cn", "acme.com.cn" },
	{ "sales@acme.com.cn", "acme.com.cn" },
	{ "Bob@MAIL.ACME.COM", "acme.com" },
	{ "bob@acme.com.", "acme.com" },
	{ "x@foo.github.io", "foo.github.io" },
	{ "x@bücher.de", "bücher.de" },
	{ "x@BÜCHER.DE", "bücher.de" },
	{ "x@xn--bcher-kva.de", "bücher.de" },
	{ "x@sub.例子.中国", "例子.中国" },
	{ "odd@at@acme.com", "acme.com" },         /* the last '@' splits */
	{ "x@co.uk", "co.uk" },                    /* no registrable domain, a dot */
	{ "x@1.2.3.4", "1.2.3.4" },                /* IPv4: itself, not "3.4" */
	{ "x@localhost", NULL },                   /* no dot */
	{ "x@[192.0.2.1]", NULL },                 /* domain literal */
	{ "x@a..b.com", NULL },
	{ "x@.acme.com", NULL },
	{ "x@a b.com", NULL },
	{ "x@acme\x01.com", NULL },
	{ "x@\xff\xfe.com", NULL },
	{ "x@xn--.com", NULL },
	{ "x@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", NULL },
	{ "x@", NULL },
	{ "@", NULL },
	{ "nobody", NULL },
	{ "", NULL },
	{ NULL, NULL },
};

static void test_registrable_domain_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(domain_cases); i++) {
		const struct domain_case *c = &domain_cases[i];
		char *got = classify_registrable_domain(cls, c->addr);
		if (g_strcmp0(got, c->registrable) != 0)
			fail_msg("registrable(\"%s\") = %s, want %s", c->addr ? c->addr : "(null)",
			         got ? got : "NULL", c->registrable ? c->registrable : "NULL");
		g_free(got);
	}
}

struct own_case {
	const char *addr;
	bool own;
};

static const struct own_case own_cases[] = {
	{ "me@example.com", true },
	{ "ME@EXAMPLE.COM", true },
	{ "me@sales.example.com", true },
	{ "me@a.b.example.com", true },
	{ "me@mail.acme-export.co.uk", true },
	{ "me@acme-export.co.uk", true },
	{ "x@example.com.evil.net", false },
	{ "x@notexample.com", false },
	{ "x@example.org", false },
	{ "x@other.co.uk", false },
	{ "x@co.uk", false },
	{ "example.com", false },
	{ "", false },
	{ NULL, false },
};

static void test_own_addresses(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(own_cases); i++) {
		if (classify_is_own_address(cls, own_cases[i].addr) != own_cases[i].own)
			fail_msg("is_own(\"%s\") != %d",
			         own_cases[i].addr ? own_cases[i].addr : "(null)", own_cases[i].own);
	}
}

/* An own domain that is itself a subdomain: only it and below are ours. */
static void test_own_subdomain_configured(void **state)
{
	(void)state;
	static const char *const eu_only[] = { "eu.bigcorp.com", NULL };
	const struct classify_options opts = { .own_domains = eu_only, .psl = psl };
	struct classify *eu = NULL;
	const char *error = NULL;
	assert_int_equal(classify_new(&opts, &eu, &error), 0);

	assert_true(classify_is_own_address(eu, "a@eu.bigcorp.com"));
	assert_true(classify_is_own_address(eu, "a@mx.eu.bigcorp.com"));
	assert_false(classify_is_own_address(eu, "a@bigcorp.com"));
	assert_false(classify_is_own_address(eu, "a@us.bigcorp.com"));
	classify_free(&eu);
}

static const struct own_case freemail_cases[] = {
	{ "x@gmail.com", true },
	{ "x@GMAIL.COM", true },
	{ "x@mx.gmail.com", true },     /* registrable domain listed */
	{ "x@vip.qq.com", true },
	{ "x@163.com", true },
	{ "x@yahoo.co.jp", true },
	{ "x@hotmail.co.uk", true },
	{ "x@web.de", true },
	{ "x@mail.ru", true },
	{ "x@naver.com", true },
	{ "x@uol.com.br", true },
	{ "x@proton.me", true },
	{ "x@acme.com", false },
	{ "x@gmail.com.evil.net", false },
	{ "x@localhost", false },
	{ NULL, false },
};

static void test_freemail(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(freemail_cases); i++) {
		if (classify_is_freemail(cls, freemail_cases[i].addr) != freemail_cases[i].own)
			fail_msg("is_freemail(\"%s\") != %d",
			         freemail_cases[i].addr ? freemail_cases[i].addr : "(null)",
			         freemail_cases[i].own);
	}
}

static const struct domain_case customer_key_cases[] = {
	{ "sales@mx.acme.co.uk", "acme.co.uk" },
	{ "Sales@Mail.Acme.Com.Cn", "acme.com.cn" },
	{ "Bob.Smith@Gmail.com", "bob.smith@gmail.com" },
	{ "LI.WEI@163.COM", "li.wei@163.com" },
	{ "ivan@mail.ru", "ivan@mail.ru" },
	{ "kim@mx.gmail.com", "kim@mx.gmail.com" },
	{ "ÜBER@web.de", "über@web.de" },
	{ "@gmail.com", NULL },                 /* free-mail without a mailbox */
	{ "me@example.com", NULL },             /* ours */
	{ "me@sales.example.com", NULL },
	{ "me@mail.acme-export.co.uk", NULL },
	{ "x@localhost", NULL },
	{ "nobody", NULL },
	{ NULL, NULL },
};

static void test_customer_keys(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(customer_key_cases); i++) {
		const struct domain_case *c = &customer_key_cases[i];
		char *got = classify_customer_key(cls, c->addr);
		if (g_strcmp0(got, c->registrable) != 0)
			fail_msg("customer_key(\"%s\") = %s, want %s", c->addr ? c->addr : "(null)",
			         got ? got : "NULL", c->registrable ? c->registrable : "NULL");
		g_free(got);
	}
}

/* ----------------------------------------------------------- direction */

/* A web form: our server writes for a buyer named in Reply-To. */
static void test_web_form(void **state)
{
	static const char *const persons[] = { "li.wei@example.com", NULL };
	const struct classify_options opts = { .own_domains = own_domains, .psl = psl,
	                                        .persons = persons };
	struct classify *team = NULL;
	const char *error = NULL;
	struct msg_address buyer = { .name = s("Ana"), .addr = s("ana@bombas-sur.com.mx") };
	struct msg_address ours = address("sales@example.com");
	struct msg_address counterpart;

	(void)state;
	assert_int_equal(classify_new(&opts, &team, &error), 0);
	struct parsed_message msg = message("noreply@example.com", "Website inquiry");
	msg.reply_to = (struct msg_address_list){ .items = &buyer, .count = 1 };
	assert_ptr_equal(classify_web_form_buyer(team, &msg), &buyer);
	assert_int_equal(classify_direction(team, &msg, false), MSG_DIR_IN);
	assert_int_equal(classify_direction(team, &msg, true), MSG_DIR_OUT);   /* Sent: ours */
	assert_true(classify_find_counterpart(team, &msg, MSG_DIR_IN, &counterpart));
	assert_string_equal(counterpart.addr, "ana@bombas-sur.com.mx");
	assert_int_equal(classify_kind(team, &msg, MSG_DIR_IN), MSG_KIND_REPLY);

	/* a person of ours with an outside Reply-To is no web form */
	msg.from = address("Li.Wei@example.com");
	assert_null(classify_web_form_buyer(team, &msg));
	assert_int_equal(classify_direction(team, &msg, false), MSG_DIR_OUT);
	/* a Reply-To of ours is no buyer */
	msg.from = address("noreply@example.com");
	msg.reply_to = (struct msg_address_list){ .items = &ours, .count = 1 };
	assert_null(classify_web_form_buyer(team, &msg));
	assert_int_equal(classify_direction(team, &msg, false), MSG_DIR_OUT);
	/* nor is an outside sender's Reply-To */
	msg.from = address("buyer@customer.com");
	msg.reply_to = (struct msg_address_list){ .items = &buyer, .count = 1 };
	assert_null(classify_web_form_buyer(team, &msg));
	assert_null(classify_web_form_buyer(NULL, &msg));
	classify_free(&team);
}

static void test_direction(void **state)
{
	(void)state;
	struct parsed_message msg = message("buyer@customer.com", "Pumps");
	assert_int_equal(classify_direction(cls, &msg, false), MSG_DIR_IN);
	assert_int_equal(classify_direction(cls, &msg, true), MSG_DIR_OUT);

	msg.from = address("me@example.com");
	assert_int_equal(classify_direction(cls, &msg, false), MSG_DIR_OUT);
	msg.from = address("me@SALES.example.com");
	assert_int_equal(classify_direction(cls, &msg, false), MSG_DIR_OUT);

	/* our own mail server's failure notice comes in */
	msg.from = address("MAILER-DAEMON@example.com");
	assert_int_equal(classify_direction(cls, &msg, false), MSG_DIR_IN);
	assert_int_equal(classify_direction(cls, &msg, true), MSG_DIR_OUT);
	msg.from = address("postmaster@example.com");
	assert_int_equal(classify_direction(cls, &msg, false), MSG_DIR_IN);

	msg.from = address("exchange-admin@example.com");
	msg.flags.is_report = true;
	msg.flags.report_type = s("delivery-status");
	assert_int_equal(classify_direction(cls, &msg, false), MSG_DIR_IN);
	/* a read receipt from a colleague is outbound mail of ours */
	msg.flags.report_type = s("disposition-notification");
	assert_int_equal(classify_direction(cls, &msg, false), MSG_DIR_OUT);

	struct parsed_message nofrom = message("", "");
	assert_int_equal(classify_direction(cls, &nofrom, false), MSG_DIR_IN);
}

/* ---------------------------------------------------------- counterpart */

static void test_counterpart_inbound_is_sender(void **state)
{
	(void)state;
	struct parsed_message msg = message("buyer@customer.com", "Pumps");
	struct msg_address to[] = { address("me@example.com") };
	msg.to = (struct msg_address_list){ to, 1 };

	assert_ptr_equal(classify_counterpart(cls, &msg, MSG_DIR_IN), &msg.from);

	struct msg_address found;
	assert_true(classify_find_counterpart(cls, &msg, MSG_DIR_IN, &found));
	assert_ptr_equal(found.addr, msg.from.addr);
}

static void test_counterpart_outbound_skips_own(void **state)
{
	(void)state;
	struct parsed_message msg = message("me@example.com", "Quotation");
	struct msg_address to[] = { address("boss@example.com"), address("nobody"),
	                            address("buyer@customer.com"), address("b2@customer.com") };
	struct msg_address cc[] = { address("c@other.com") };
	msg.to = (struct msg_address_list){ to, G_N_ELEMENTS(to) };
	msg.cc = (struct msg_address_list){ cc, 1 };
	assert_ptr_equal(classify_counterpart(cls, &msg, MSG_DIR_OUT), &to[2]);

	/* only colleagues in To: the first outsider in Cc */
	struct msg_address colleagues[] = { address("boss@example.com"),
	                                    address("eu@sales.example.com") };
	struct msg_address cc2[] = { address("me2@acme-export.co.uk"), address("C@Other.com") };
	msg.to = (struct msg_address_list){ colleagues, 2 };
	msg.cc = (struct msg_address_list){ cc2, 2 };
	assert_ptr_equal(classify_counterpart(cls, &msg, MSG_DIR_OUT), &cc2[1]);

	/* nobody outside */
	msg.cc = (struct msg_address_list){ NULL, 0 };
	assert_null(classify_counterpart(cls, &msg, MSG_DIR_OUT));
	struct msg_address found = address("stale@x.com");
	assert_false(classify_find_counterpart(cls, &msg, MSG_DIR_OUT, &found));
	assert_null(found.addr);
}

static void test_counterpart_bounce_recipient(void **state)
{
	(void)state;
	struct parsed_message msg = message("MAILER-DAEMON@example.com",
	                                    "Undelivered Mail Returned to Sender");
	msg.flags.is_report = true;
	msg.flags.report_type = s("delivery-status");
	msg.flags.dsn_final_recipient = s("gone@customer.com");

	const struct msg_address *cp = classify_counterpart(cls, &msg, MSG_DIR_IN);
	assert_non_null(cp);
	assert_ptr_equal(cp->addr, msg.flags.dsn_final_recipient);
	assert_string_equal(cp->name, "");

	struct msg_address found;
	assert_true(classify_find_counterpart(cls, &msg, MSG_DIR_IN, &found));
	assert_string_equal(found.addr, "gone@customer.com");
	assert_string_equal(found.name, "");

	/* our own address bounced, from our server: nobody outside */
	msg.flags.dsn_final_recipient = s("old-colleague@example.com");
	assert_null(classify_counterpart(cls, &msg, MSG_DIR_IN));

	/* unknown recipient, the customer's server wrote: not a customer */
	msg.flags.dsn_final_recipient = NULL;
	msg.from = address("mailer-daemon@mx.customer.com");
	assert_null(classify_counterpart(cls, &msg, MSG_DIR_IN));

	/* unknown recipient, a named system sender outside: that sender */
	msg.from = address("exchange@customer.com");
	assert_ptr_equal(classify_counterpart(cls, &msg, MSG_DIR_IN), &msg.from);
}

static void test_counterpart_inbound_without_sender(void **state)
{
	(void)state;
	struct parsed_message msg = message("", "x");
	assert_null(classify_counterpart(cls, &msg, MSG_DIR_IN));
	msg.from = address("root");
	assert_null(classify_counterpart(cls, &msg, MSG_DIR_IN));
	assert_null(classify_counterpart(cls, NULL, MSG_DIR_IN));
}

/* ---------------------------------------------------------------- kinds */

struct kind_case {
	const char *name;
	const char *from;
	const char *subject;
	enum msg_direction dir;
	const char *to;             /* one recipient; NULL: buyer@customer.com */
	const char *parse_error;
	const char *auto_submitted;
	const char *precedence;
	const char *x_auto_response_suppress;
	bool list_id, list_unsubscribe, x_autoreply, report, null_return_path;
	const char *report_type;
	const char *dsn_recipient;
	const char *attachment_type;  /* one attachment of that type */
	bool attachment_inline;
	const char *body;
	enum msg_kind kind;
};

#define BUYER "buyer@customer.com"
#define ME "me@example.com"

static const struct kind_case kind_cases[] = {
	/* unparsed */
	{ .name = "parse error, no from", .from = "", .subject = "x", .dir = MSG_DIR_IN,
	  .parse_error = "bad header", .kind = MSG_KIND_UNPARSED },
	{ .name = "parse error beats bounce", .from = "", .subject = "x", .dir = MSG_DIR_IN,
	  .parse_error = "bad", .report = true, .report_type = "delivery-status",
	  .kind = MSG_KIND_UNPARSED },
	{ .name = "parse error, from recovered", .from = BUYER, .subject = "x",
	  .dir = MSG_DIR_IN, .parse_error = "bad body", .kind = MSG_KIND_REPLY },
	/* bounces */
	{ .name = "dsn report", .from = "system@customer.com", .subject = "x",
	  .dir = MSG_DIR_IN, .report = true, .report_type = "delivery-status",
	  .kind = MSG_KIND_BOUNCE },
	{ .name = "dsn recipient parsed", .from = "system@customer.com", .subject = "x",
	  .dir = MSG_DIR_IN, .dsn_recipient = "a@b.com", .kind = MSG_KIND_BOUNCE },
	{ .name = "mailer-daemon", .from = "MAILER-DAEMON@mx.customer.com", .subject = "x",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_BOUNCE },
	{ .name = "postmaster", .from = "postmaster@customer.com", .subject = "x",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_BOUNCE },
	{ .name = "own mailer-daemon", .from = "mailer-daemon@example.com", .subject = "x",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_BOUNCE },
	{ .name = "null rp + report", .from = "sys@customer.com", .subject = "x",
	  .dir = MSG_DIR_IN, .report = true, .null_return_path = true,
	  .kind = MSG_KIND_BOUNCE },
	{ .name = "null rp + postfix subject", .from = "sys@customer.com",
	  .subject = "Undelivered Mail Returned to Sender", .dir = MSG_DIR_IN,
	  .null_return_path = true, .kind = MSG_KIND_BOUNCE },
	{ .name = "null rp + gmail subject", .from = "sys@customer.com",
	  .subject = "Delivery Status Notification (Failure)", .dir = MSG_DIR_IN,
	  .null_return_path = true, .kind = MSG_KIND_BOUNCE },
	{ .name = "exim subject + auto-submitted", .from = "sys@customer.com",
	  .subject = "Mail delivery failed: returning message to sender", .dir = MSG_DIR_IN,
	  .auto_submitted = "auto-replied", .kind = MSG_KIND_BOUNCE },
	{ .name = "exchange subject + report", .from = "sys@customer.com",
	  .subject = "Undeliverable: Pump quotation", .dir = MSG_DIR_IN,
	  .report = true, .kind = MSG_KIND_BOUNCE },
	{ .name = "sendmail subject", .from = "sys@customer.com",
	  .subject = "Returned mail: see transcript for details", .dir = MSG_DIR_IN,
	  .null_return_path = true, .kind = MSG_KIND_BOUNCE },
	{ .name = "chinese bounce", .from = "sys@customer.com", .subject = "退信：报价",
	  .dir = MSG_DIR_IN, .auto_submitted = "auto-replied", .kind = MSG_KIND_BOUNCE },
	{ .name = "chinese system bounce", .from = "sys@customer.com",
	  .subject = "系统退信", .dir = MSG_DIR_IN, .null_return_path = true,
	  .kind = MSG_KIND_BOUNCE },
	{ .name = "null rp alone", .from = "sys@customer.com", .subject = "hello",
	  .dir = MSG_DIR_IN, .null_return_path = true, .kind = MSG_KIND_BOUNCE },
	{ .name = "bounce subject alone is a person", .from = BUYER,
	  .subject = "Undeliverable: your last mail?", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_REPLY },
	{ .name = "bounce beats auto-reply", .from = "MAILER-DAEMON@x.com",
	  .subject = "Undelivered Mail Returned to Sender", .dir = MSG_DIR_IN,
	  .auto_submitted = "auto-replied", .kind = MSG_KIND_BOUNCE },
	/* auto-replies */
	{ .name = "auto-submitted auto-replied", .from = BUYER, .subject = "Re: Pumps",
	  .dir = MSG_DIR_IN, .auto_submitted = "auto-replied", .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "auto-submitted auto-generated", .from = BUYER, .subject = "Pumps",
	  .dir = MSG_DIR_IN, .auto_submitted = "auto-generated", .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "auto-submitted with parameter", .from = BUYER, .subject = "Pumps",
	  .dir = MSG_DIR_IN, .auto_submitted = "auto-replied; owner-email=\"a@b.c\"",
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "auto-submitted no", .from = BUYER, .subject = "Pumps", .dir = MSG_DIR_IN,
	  .auto_submitted = "no", .kind = MSG_KIND_REPLY },
	{ .name = "auto-submitted empty", .from = BUYER, .subject = "Pumps",
	  .dir = MSG_DIR_IN, .auto_submitted = " ", .kind = MSG_KIND_REPLY },
	{ .name = "x-autoreply", .from = BUYER, .subject = "Pumps", .dir = MSG_DIR_IN,
	  .x_autoreply = true, .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "x-auto-response-suppress is no auto-reply", .from = BUYER,
	  .subject = "Pumps", .dir = MSG_DIR_IN, .x_auto_response_suppress = "All",
	  .kind = MSG_KIND_REPLY },
	{ .name = "precedence auto_reply", .from = BUYER, .subject = "Pumps",
	  .dir = MSG_DIR_IN, .precedence = "auto_reply", .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "read receipt", .from = BUYER, .subject = "Read: Pumps", .dir = MSG_DIR_IN,
	  .report = true, .report_type = "disposition-notification",
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "read receipt with null rp", .from = BUYER, .subject = "Read: Pumps",
	  .dir = MSG_DIR_IN, .report = true, .report_type = "disposition-notification",
	  .null_return_path = true, .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "null rp + auto-submitted", .from = BUYER, .subject = "Pumps",
	  .dir = MSG_DIR_IN, .null_return_path = true, .auto_submitted = "auto-replied",
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "null rp + out of office", .from = BUYER,
	  .subject = "Out of Office: Pumps", .dir = MSG_DIR_IN, .null_return_path = true,
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "out of office", .from = BUYER, .subject = "Out of Office: Pumps",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "i am out of the office", .from = BUYER,
	  .subject = "I am out of the office until 3 May", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "automatic reply", .from = BUYER, .subject = "Automatic reply: Pumps",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "auto:", .from = BUYER, .subject = "Auto: Pumps", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "autoreply", .from = BUYER, .subject = "Autoreply: Pumps",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "abwesenheitsnotiz", .from = BUYER, .subject = "Abwesenheitsnotiz: Pumpen",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "automatische antwort", .from = BUYER,
	  .subject = "Automatische Antwort: Pumpen", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "respuesta automatica", .from = BUYER,
	  .subject = "Respuesta automática: Bombas", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "resposta automatica", .from = BUYER,
	  .subject = "Resposta automática: Bombas", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "reponse automatique", .from = BUYER,
	  .subject = "Réponse automatique : Pompes", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "zidong huifu", .from = BUYER, .subject = "自动回复：水泵报价",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "absence", .from = BUYER, .subject = "Absence: back on Monday",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_AUTO_REPLY },
	{ .name = "absence as a topic", .from = BUYER,
	  .subject = "Absence of certificate in shipment", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_REPLY },
	{ .name = "person replying to an auto-reply", .from = BUYER,
	  .subject = "RE: Automatic reply: Pumps", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_REPLY },
	{ .name = "auto-reply beats bulk", .from = BUYER, .subject = "Pumps",
	  .dir = MSG_DIR_IN, .auto_submitted = "auto-generated", .list_id = true,
	  .kind = MSG_KIND_AUTO_REPLY },
	/* bulk */
	{ .name = "list-id", .from = "news@vendor.com", .subject = "News", .dir = MSG_DIR_IN,
	  .list_id = true, .kind = MSG_KIND_BULK },
	{ .name = "list-unsubscribe", .from = "news@vendor.com", .subject = "News",
	  .dir = MSG_DIR_IN, .list_unsubscribe = true, .kind = MSG_KIND_BULK },
	{ .name = "precedence bulk", .from = "news@vendor.com", .subject = "News",
	  .dir = MSG_DIR_IN, .precedence = "Bulk", .kind = MSG_KIND_BULK },
	{ .name = "precedence list", .from = "news@vendor.com", .subject = "News",
	  .dir = MSG_DIR_IN, .precedence = "list", .kind = MSG_KIND_BULK },
	{ .name = "precedence junk", .from = "news@vendor.com", .subject = "News",
	  .dir = MSG_DIR_IN, .precedence = "junk", .kind = MSG_KIND_BULK },
	{ .name = "precedence first-class", .from = BUYER, .subject = "News",
	  .dir = MSG_DIR_IN, .precedence = "first-class", .kind = MSG_KIND_REPLY },
	{ .name = "our newsletter", .from = ME, .subject = "News", .dir = MSG_DIR_OUT,
	  .list_unsubscribe = true, .kind = MSG_KIND_BULK },
	/* the rest */
	{ .name = "inbound reply", .from = BUYER, .subject = "Re: Pumps", .dir = MSG_DIR_IN,
	  .kind = MSG_KIND_REPLY },
	{ .name = "inbound with a marker is no quote", .from = BUYER,
	  .subject = "Quotation for pumps", .dir = MSG_DIR_IN,
	  .attachment_type = "application/pdf", .kind = MSG_KIND_REPLY },
	{ .name = "inbound without usable sender", .from = "root", .subject = "cron",
	  .dir = MSG_DIR_IN, .kind = MSG_KIND_INTERNAL },
	{ .name = "outbound plain", .from = ME, .subject = "Re: Pumps", .dir = MSG_DIR_OUT,
	  .body = "Thanks, we will check the pipe sizes.", .kind = MSG_KIND_REPLY },
	{ .name = "outbound internal", .from = ME, .subject = "Quotation", .dir = MSG_DIR_OUT,
	  .to = "boss@sales.example.com", .kind = MSG_KIND_INTERNAL },
	{ .name = "outbound quote subject", .from = ME, .subject = "Quotation QT-118",
	  .dir = MSG_DIR_OUT, .kind = MSG_KIND_QUOTE },
	{ .name = "outbound quote body", .from = ME, .subject = "Re: Pumps",
	  .dir = MSG_DIR_OUT, .body = "Please find our PI No. 2024-118 below.",
	  .kind = MSG_KIND_QUOTE },
	{ .name = "outbound pdf", .from = ME, .subject = "Re: Pumps", .dir = MSG_DIR_OUT,
	  .attachment_type = "application/pdf", .kind = MSG_KIND_QUOTE },
	{ .name = "outbound xlsx", .from = ME, .subject = "Re: Pumps", .dir = MSG_DIR_OUT,
	  .attachment_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	  .kind = MSG_KIND_QUOTE },
	{ .name = "outbound inline image", .from = ME, .subject = "Re: Pumps",
	  .dir = MSG_DIR_OUT, .attachment_type = "image/png", .attachment_inline = true,
	  .kind = MSG_KIND_REPLY },
	{ .name = "outbound s/mime signature", .from = ME, .subject = "Re: Pumps",
	  .dir = MSG_DIR_OUT, .attachment_type = "application/pkcs7-signature",
	  .kind = MSG_KIND_REPLY },
	{ .name = "outbound calendar", .from = ME, .subject = "Meeting", .dir = MSG_DIR_OUT,
	  .attachment_type = "text/calendar", .kind = MSG_KIND_REPLY },
	{ .name = "our out of office", .from = ME, .subject = "Automatic reply: Pumps",
	  .dir = MSG_DIR_OUT, .auto_submitted = "auto-replied", .kind = MSG_KIND_AUTO_REPLY },
};

static enum msg_kind kind_of_case(const struct kind_case *c)
{
	struct parsed_message msg = message(c->from, c->subject);
	struct msg_address to[] = { address(c->to != NULL ? c->to : BUYER) };
	struct msg_attachment attachment = {
		.filename = s("file"),
		.content_type = s(c->attachment_type),
		.size = 1000,
		.is_inline = c->attachment_inline,
	};

	msg.to = (struct msg_address_list){ to, 1 };
	msg.parse_error = s(c->parse_error);
	msg.flags.auto_submitted = s(c->auto_submitted);
	msg.flags.precedence = s(c->precedence);
	msg.flags.x_auto_response_suppress = s(c->x_auto_response_suppress);
	msg.flags.has_list_id = c->list_id;
	msg.flags.has_list_unsubscribe = c->list_unsubscribe;
	msg.flags.has_list_header = c->list_id || c->list_unsubscribe;
	msg.flags.x_autoreply = c->x_autoreply;
	msg.flags.is_report = c->report || c->report_type != NULL;
	msg.flags.report_type = s(c->report_type);
	msg.flags.has_return_path = c->null_return_path;
	msg.flags.null_return_path = c->null_return_path;
	msg.return_path = c->null_return_path ? s("") : NULL;
	msg.flags.dsn_final_recipient = s(c->dsn_recipient);
	if (c->attachment_type != NULL) {
		msg.attachments = &attachment;
		msg.n_attachments = 1;
	}
	if (c->body != NULL) {
		msg.body_text = s(c->body);
		msg.body_new = s(c->body);
	}
	return classify_kind(cls, &msg, c->dir);
}

static void test_kind_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(kind_cases); i++) {
		enum msg_kind got = kind_of_case(&kind_cases[i]);
		if (got != kind_cases[i].kind)
			fail_msg("%s: kind %s, want %s", kind_cases[i].name, msg_kind_name(got),
			         msg_kind_name(kind_cases[i].kind));
	}
	assert_int_equal(classify_kind(cls, NULL, MSG_DIR_IN), MSG_KIND_UNPARSED);
}

/* ---------------------------------------------------------- quote markers */

struct marker_case {
	const char *subject;
	const char *body_new;
	const char *body_text;
	bool found;
};

static const struct marker_case marker_cases[] = {
	{ "PI No. 2024-118", NULL, NULL, true },
	{ "pi", NULL, NULL, true },
	{ "Re: pipe fittings", NULL, NULL, false },
	{ "Philips lamps", NULL, NULL, false },
	{ "as quoted before", NULL, NULL, false },
	{ "Our quote for 200 pumps", NULL, NULL, true },
	{ "Re: pumps", "请查收报价单", NULL, true },
	{ "Re: pumps", "附件是报价", NULL, true },
	{ "Cotización 2024-55", NULL, NULL, true },
	{ "Re: bombas", "Adjunto la cotizacion.", NULL, true },
	{ "Re: bombas", "ADJUNTO LA COTIZACIÓN", NULL, true },
	{ "Re: bombas", "Segue a cotação", NULL, true },
	{ "Re: bombas", "Segue o orcamento", NULL, true },
	{ "Unser Angebot Nr. 5", NULL, NULL, true },
	{ "Votre devis", NULL, NULL, true },
	{ "Il nostro preventivo", NULL, NULL, true },
	{ "Re: насосы", "Направляем коммерческое предложение", NULL, true },
	{ "Re: насосы", "Направляем КП", NULL, true },
	{ "Re: pompa", "Fiyat teklifi ektedir", NULL, true },
	{ "Re: pumps", "نرسل لكم عرض سعر", NULL, true },
	{ "Re: pumps", "請查收PI", NULL, true },
	{ "ＱＵＯＴＡＴＩＯＮ", NULL, NULL, true },
	{ "Proforma Invoice", NULL, NULL, true },
	{ "Re: pumps", "御見積書を送付します", NULL, true },
	/* body_new wins over body_text: quoted history is not ours */
	{ "Re: pumps", "Noted, thanks.", "Noted.\n> please send your quotation", false },
	{ "Re: pumps", NULL, "Attached our quotation.", true },
	{ "Re: pumps", "", "quotation", false },
	{ "Re: pumps", "Thanks, see you in Shanghai.", NULL, false },
	/* under a reply prefix the subject is the customer's words */
	{ "RE: Request for quotation", "We have the valves in stock.", NULL, false },
	{ "RE： Cotação de válvulas", "Temos em estoque.", NULL, false },
	{ "AW: Anfrage", "Anbei unser Angebot.", NULL, true },
	{ "Fwd: Quotation 2026-118", NULL, NULL, true },
	{ "", NULL, NULL, false },
};

static void test_quote_markers(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(marker_cases); i++) {
		const struct marker_case *c = &marker_cases[i];
		struct parsed_message msg = message(ME, c->subject);
		msg.body_new = s(c->body_new);
		msg.body_text = s(c->body_text);
		if (classify_has_quote_marker(cls, &msg) != c->found)
			fail_msg("marker in \"%s\" / \"%s\" / \"%s\": want %d", c->subject,
			         c->body_new ? c->body_new : "(null)",
			         c->body_text ? c->body_text : "(null)", c->found);
	}
	assert_false(classify_has_quote_marker(cls, NULL));
}

static void test_quote_marker_attachments(void **state)
{
	(void)state;
	struct parsed_message msg = message(ME, "Re: pumps");
	struct msg_attachment attachments[] = {
		{ .filename = s("logo.png"), .content_type = s("image/png"), .is_inline = true },
		{ .filename = s("smime.p7s"), .content_type = s("application/pkcs7-signature") },
		{ .filename = s("QT-118.pdf"), .content_type = s("application/pdf") },
	};
	msg.attachments = attachments;
	msg.n_attachments = 2;
	assert_false(classify_has_quote_marker(cls, &msg));
	msg.n_attachments = 3;
	assert_true(classify_has_quote_marker(cls, &msg));
	/* no type known: still a document */
	attachments[2].content_type = NULL;
	assert_true(classify_has_quote_marker(cls, &msg));
}

/* Only the first 128 KiB of a body are searched: bounded work. */
static void test_quote_marker_scan_is_bounded(void **state)
{
	(void)state;
	GString *body = g_string_new(NULL);
	while (body->len < 200 * 1024)
		g_string_append(body, "pipe fittings and valves. ");
	g_string_append(body, "quotation");
	struct parsed_message msg = message(ME, "Re: pumps");
	msg.body_new = body->str;
	assert_false(classify_has_quote_marker(cls, &msg));

	g_string_prepend(body, "quotation ");
	msg.body_new = body->str;
	assert_true(classify_has_quote_marker(cls, &msg));
	g_string_free(body, TRUE);
}

static void test_hostile_strings(void **state)
{
	(void)state;
	struct parsed_message msg = message("bu\xff" "yer@cust\xfe" "omer.com",
	                                    "\xff\xfe quotation \xc0");
	msg.body_new = s("\xed\xa0\x80 invalid surrogate");
	msg.flags.auto_submitted = s("\xff");
	assert_int_equal(classify_direction(cls, &msg, false), MSG_DIR_IN);
	assert_null(classify_counterpart(cls, &msg, MSG_DIR_IN));
	assert_int_equal(classify_kind(cls, &msg, MSG_DIR_IN), MSG_KIND_AUTO_REPLY);
	assert_true(classify_has_quote_marker(cls, &msg));

	GString *huge = g_string_new("x@");
	for (int i = 0; i < 10000; i++)
		g_string_append(huge, "a.");
	g_string_append(huge, "com");
	assert_null(classify_customer_key(cls, huge->str));
	g_string_free(huge, TRUE);
}

/* ---------------------------------------------------------- thread kinds */

static struct thread_entry entry(int64_t date, int64_t seq, enum msg_direction dir,
                                 enum msg_kind intrinsic, bool refs, bool reply_subject)
{
	return (struct thread_entry){
		.date = date, .seq = seq, .dir = dir, .intrinsic = intrinsic,
		.has_references = refs, .reply_subject = reply_subject,
		.kind = MSG_KIND_COUNT,   /* must be overwritten */
	};
}

static void test_thread_inquiry_first(void **state)
{
	(void)state;
	struct thread_entry e[] = {
		entry(100, 1, MSG_DIR_IN, MSG_KIND_REPLY, false, false),
		entry(200, 2, MSG_DIR_OUT, MSG_KIND_QUOTE, true, true),
		entry(300, 3, MSG_DIR_IN, MSG_KIND_REPLY, true, true),
	};
	assert_int_equal(classify_thread_kinds(e, 3), MSG_KIND_INQUIRY);
	assert_int_equal(e[0].kind, MSG_KIND_INQUIRY);
	assert_int_equal(e[1].kind, MSG_KIND_QUOTE);
	assert_int_equal(e[2].kind, MSG_KIND_REPLY);
	assert_int_equal(e[0].intrinsic, MSG_KIND_REPLY);
}

static void test_thread_outreach_first(void **state)
{
	(void)state;
	struct thread_entry e[] = {
		entry(100, 1, MSG_DIR_OUT, MSG_KIND_REPLY, false, false),
		entry(200, 2, MSG_DIR_IN, MSG_KIND_REPLY, false, false),
	};
	assert_int_equal(classify_thread_kinds(e, 2), MSG_KIND_REPLY);
	assert_int_equal(e[0].kind, MSG_KIND_REPLY);
	assert_int_equal(e[1].kind, MSG_KIND_REPLY);

	struct thread_entry q[] = {
		entry(100, 1, MSG_DIR_OUT, MSG_KIND_QUOTE, false, false),
		entry(200, 2, MSG_DIR_IN, MSG_KIND_REPLY, false, false),
	};
	assert_int_equal(classify_thread_kinds(q, 2), MSG_KIND_QUOTE);
	assert_int_equal(q[1].kind, MSG_KIND_REPLY);
}

static void test_thread_auto_reply_before_inquiry(void **state)
{
	(void)state;
	struct thread_entry e[] = {
		entry(100, 1, MSG_DIR_IN, MSG_KIND_AUTO_REPLY, false, false),
		entry(110, 2, MSG_DIR_IN, MSG_KIND_BULK, false, false),
		entry(120, 3, MSG_DIR_OUT, MSG_KIND_INTERNAL, false, false),
		entry(130, 4, MSG_DIR_IN, MSG_KIND_BOUNCE, false, false),
		entry(200, 5, MSG_DIR_IN, MSG_KIND_REPLY, false, false),
		entry(300, 6, MSG_DIR_OUT, MSG_KIND_REPLY, true, true),
	};
	assert_int_equal(classify_thread_kinds(e, G_N_ELEMENTS(e)), MSG_KIND_INQUIRY);
	assert_int_equal(e[0].kind, MSG_KIND_AUTO_REPLY);
	assert_int_equal(e[1].kind, MSG_KIND_BULK);
	assert_int_equal(e[2].kind, MSG_KIND_INTERNAL);
	assert_int_equal(e[3].kind, MSG_KIND_BOUNCE);
	assert_int_equal(e[4].kind, MSG_KIND_INQUIRY);
	assert_int_equal(e[5].kind, MSG_KIND_REPLY);
}

static void test_thread_references_first_is_reply(void **state)
{
	(void)state;
	struct thread_entry e[] = {
		entry(100, 1, MSG_DIR_IN, MSG_KIND_REPLY, true, false),
		entry(200, 2, MSG_DIR_IN, MSG_KIND_REPLY, false, false),
	};
	assert_int_equal(classify_thread_kinds(e, 2), MSG_KIND_REPLY);
	assert_int_equal(e[0].kind, MSG_KIND_REPLY);
	assert_int_equal(e[1].kind, MSG_KIND_REPLY);

	struct thread_entry r[] = {
		entry(100, 1, MSG_DIR_IN, MSG_KIND_REPLY, false, true),
	};
	assert_int_equal(classify_thread_kinds(r, 1), MSG_KIND_REPLY);
	assert_int_equal(r[0].kind, MSG_KIND_REPLY);
}

static void test_thread_unordered_input(void **state)
{
	(void)state;
	struct thread_entry e[] = {
		entry(300, 3, MSG_DIR_IN, MSG_KIND_REPLY, true, true),
		entry(200, 2, MSG_DIR_OUT, MSG_KIND_QUOTE, true, true),
		entry(100, 9, MSG_DIR_IN, MSG_KIND_REPLY, false, false),
		entry(50, 1, MSG_DIR_IN, MSG_KIND_AUTO_REPLY, false, false),
	};
	assert_int_equal(classify_thread_kinds(e, 4), MSG_KIND_INQUIRY);
	assert_int_equal(e[0].kind, MSG_KIND_REPLY);
	assert_int_equal(e[1].kind, MSG_KIND_QUOTE);
	assert_int_equal(e[2].kind, MSG_KIND_INQUIRY);
	assert_int_equal(e[3].kind, MSG_KIND_AUTO_REPLY);
}

static void test_thread_equal_dates_use_seq(void **state)
{
	(void)state;
	struct thread_entry e[] = {
		entry(100, 8, MSG_DIR_IN, MSG_KIND_REPLY, false, false),
		entry(100, 7, MSG_DIR_OUT, MSG_KIND_REPLY, false, false),
	};
	/* our mail (seq 7) came first: no inquiry */
	assert_int_equal(classify_thread_kinds(e, 2), MSG_KIND_REPLY);
	assert_int_equal(e[0].kind, MSG_KIND_REPLY);

	e[0].seq = 6;
	assert_int_equal(classify_thread_kinds(e, 2), MSG_KIND_INQUIRY);
	assert_int_equal(e[0].kind, MSG_KIND_INQUIRY);
}

static void test_thread_without_sales_mail(void **state)
{
	(void)state;
	struct thread_entry e[] = {
		entry(200, 2, MSG_DIR_IN, MSG_KIND_BOUNCE, false, false),
		entry(100, 1, MSG_DIR_IN, MSG_KIND_BULK, false, false),
	};
	assert_int_equal(classify_thread_kinds(e, 2), MSG_KIND_BULK);
	assert_int_equal(e[0].kind, MSG_KIND_BOUNCE);
	assert_int_equal(e[1].kind, MSG_KIND_BULK);

	assert_int_equal(classify_thread_kinds(NULL, 0), MSG_KIND_REPLY);
	assert_int_equal(classify_thread_kinds(e, 0), MSG_KIND_REPLY);
}

/* Kinds stored by an earlier run come back as intrinsic INQUIRY: a
 * message that no longer starts the thread loses it. */
static void test_thread_stale_inquiry(void **state)
{
	(void)state;
	struct thread_entry e[] = {
		entry(200, 2, MSG_DIR_IN, MSG_KIND_INQUIRY, false, false),
		entry(100, 1, MSG_DIR_IN, MSG_KIND_REPLY, false, false),
	};
	assert_int_equal(classify_thread_kinds(e, 2), MSG_KIND_INQUIRY);
	assert_int_equal(e[0].kind, MSG_KIND_REPLY);
	assert_int_equal(e[1].kind, MSG_KIND_INQUIRY);
}

/* The builtin lists load and hold the providers and markers of the brief. */
static void test_builtin_lists_loaded(void **state)
{
	(void)state;
	static const char *const providers[] = {
		"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
		"msn.com", "yahoo.com", "aol.com", "icloud.com", "me.com", "mac.com",
		"gmx.de", "gmx.net", "gmx.com", "web.de", "t-online.de", "mail.ru",
		"yandex.ru", "yandex.com", "rambler.ru", "qq.com", "foxmail.com", "163.com",
		"126.com", "yeah.net", "sina.com", "sohu.com", "aliyun.com", "naver.com",
		"daum.net", "hanmail.net", "rediffmail.com", "libero.it", "virgilio.it",
		"orange.fr", "laposte.net", "free.fr", "wanadoo.fr", "uol.com.br",
		"bol.com.br", "terra.com.br", "protonmail.com", "proton.me", "zoho.com",
		"mail.com", "yahoo.co.jp",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(providers); i++) {
		char *addr = g_strconcat("x@", providers[i], NULL);
		if (!classify_is_freemail(cls, addr))
			fail_msg("%s is not free-mail", providers[i]);
		g_free(addr);
	}
	assert_non_null(strstr(builtin_quote_markers, "\nproforma invoice\n"));
	assert_non_null(strstr(builtin_quote_markers, "\n报价单\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_names_round_trip),
		cmocka_unit_test(test_new_rejects_bad_options),
		cmocka_unit_test(test_new_with_custom_lists),
		cmocka_unit_test(test_registrable_domain_table),
		cmocka_unit_test(test_own_addresses),
		cmocka_unit_test(test_own_subdomain_configured),
		cmocka_unit_test(test_freemail),
		cmocka_unit_test(test_customer_keys),
		cmocka_unit_test(test_direction),
		cmocka_unit_test(test_web_form),
		cmocka_unit_test(test_counterpart_inbound_is_sender),
		cmocka_unit_test(test_counterpart_outbound_skips_own),
		cmocka_unit_test(test_counterpart_bounce_recipient),
		cmocka_unit_test(test_counterpart_inbound_without_sender),
		cmocka_unit_test(test_kind_table),
		cmocka_unit_test(test_quote_markers),
		cmocka_unit_test(test_quote_marker_attachments),
		cmocka_unit_test(test_quote_marker_scan_is_bounded),
		cmocka_unit_test(test_hostile_strings),
		cmocka_unit_test(test_thread_inquiry_first),
		cmocka_unit_test(test_thread_outreach_first),
		cmocka_unit_test(test_thread_auto_reply_before_inquiry),
		cmocka_unit_test(test_thread_references_first_is_reply),
		cmocka_unit_test(test_thread_unordered_input),
		cmocka_unit_test(test_thread_equal_dates_use_seq),
		cmocka_unit_test(test_thread_without_sales_mail),
		cmocka_unit_test(test_thread_stale_inquiry),
		cmocka_unit_test(test_builtin_lists_loaded),
	};
	return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
