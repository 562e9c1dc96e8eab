/* Acknowledgement policy (rules/ack.c): every RFC 3834 suppression, their
 * order, the rule's limits and the choice of recipient. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <libpsl.h>

#include "rules/ack.h"
#include "classify/classify.h"

#define PSL_FILE "/usr/share/publicsuffix/public_suffix_list.dat"
#define NOW INT64_C(1700000000)
#define DAY INT64_C(86400)

static psl_ctx_t *loaded_psl;
static struct classify *cls;

static const char *const own_domains[] = { "example.com", "acme-export.co.uk", NULL };

static int setup_group(void **state)
{
	(void)state;
	loaded_psl = psl_load_file(PSL_FILE);
	const psl_ctx_t *psl = loaded_psl != NULL ? loaded_psl : psl_builtin();
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

/* The rule of the acceptance tests: max-age 24h, one per sender per 24h,
 * five per domain, 60 an hour. */
static const struct rule ack_rule = {
	.name = (char *)"ack-inquiry",
	.on = RULE_ON_INQUIRY,
	.action = RULE_ACTION_ACKNOWLEDGE,
	.max_age = DAY,
	.ack_interval = DAY,
	.ack_domain_cap = 5,
	.ack_hourly_cap = 60,
};

/* ------------------------------------------------------------ messages */

#define MAX_REPLY_TO 4

/* A parsed message and the storage its fields point into. */
struct test_message {
	struct parsed_message msg;
	struct msg_address reply_to[MAX_REPLY_TO];
	char *strings[MAX_REPLY_TO + 1];
};

static char *s(const char *text)
{
	return (char *)text;
}

/* An ordinary inquiry from buyer@buyer.de; reply_to comma-separated or NULL. */
static void build_message(struct test_message *tm, const char *from, const char *reply_to)
{
	memset(tm, 0, sizeof(*tm));
	tm->msg = (struct parsed_message){
		.message_id = s("inquiry-1@buyer.de"),
		.date = NOW,
		.date_valid = true,
		.from = { .name = s("Jörg Müller"), .addr = s(from != NULL ? from : "buyer@buyer.de") },
		.sender = { .name = s(""), .addr = s("") },
		.subject = s("Anfrage Kreiselpumpen"),
		.body_text = s("Bitte um ein Angebot."),
	};
	if (reply_to == NULL)
		return;
	char **parts = g_strsplit(reply_to, ",", MAX_REPLY_TO);
	for (size_t i = 0; parts[i] != NULL; i++) {
		tm->strings[i] = g_strdup(g_strstrip(parts[i]));
		tm->reply_to[i] = (struct msg_address){ .name = s(""), .addr = tm->strings[i] };
		tm->msg.reply_to.count++;
	}
	tm->msg.reply_to.items = tm->reply_to;
	g_strfreev(parts);
}

static void free_message(struct test_message *tm)
{
	for (size_t i = 0; i < G_N_ELEMENTS(tm->strings); i++)
		g_free(tm->strings[i]);
}

/* ------------------------------------------------------- the big table */

#define LIST_HEADER 1u
#define LIST_ID 2u
#define LIST_UNSUBSCRIBE 4u

struct ack_case {
	const char *label;
	const char *from;            /* NULL: buyer@buyer.de */
	const char *sender;
	const char *reply_to;        /* comma-separated */
	const char *return_path;     /* NULL: absent, "" : <> */
	const char *auto_submitted;  /* as message.c stores it: lowercased */
	const char *precedence;
	const char *suppress;        /* X-Auto-Response-Suppress */
	unsigned list;
	bool x_autoreply;
	int64_t age;                 /* now - message date */
	bool no_date;
	struct ack_history history;
	enum ack_verdict expected;
};

static const struct ack_case ack_cases[] = {
	{ .label = "a plain inquiry", .expected = ACK_SEND },

	/* 1. Auto-Submitted */
	{ .label = "auto-replied", .auto_submitted = "auto-replied", .expected = ACK_SKIP_AUTO_SUBMITTED },
	{ .label = "auto-generated", .auto_submitted = "auto-generated", .expected = ACK_SKIP_AUTO_SUBMITTED },
	{ .label = "auto-notified", .auto_submitted = "auto-notified", .expected = ACK_SKIP_AUTO_SUBMITTED },
	{ .label = "Auto-Replied in capitals", .auto_submitted = "Auto-Replied", .expected = ACK_SKIP_AUTO_SUBMITTED },
	{ .label = "auto-replied with a parameter", .auto_submitted = "auto-replied; owner-email=\"x@y.z\"",
	  .expected = ACK_SKIP_AUTO_SUBMITTED },
	{ .label = "auto-generated with a comment", .auto_submitted = "auto-generated (by a robot)",
	  .expected = ACK_SKIP_AUTO_SUBMITTED },
	{ .label = "an extension value", .auto_submitted = "x-cron", .expected = ACK_SKIP_AUTO_SUBMITTED },
	{ .label = "an empty value", .auto_submitted = "", .expected = ACK_SKIP_AUTO_SUBMITTED },
	{ .label = "no", .auto_submitted = "no", .expected = ACK_SEND },
	{ .label = "No", .auto_submitted = "No", .expected = ACK_SEND },
	{ .label = "no with blanks", .auto_submitted = "  no  ", .expected = ACK_SEND },
	{ .label = "no with a parameter", .auto_submitted = "no; reason=x", .expected = ACK_SEND },
	{ .label = "no with a comment", .auto_submitted = "no (a person wrote this)", .expected = ACK_SEND },
	{ .label = "no-ish", .auto_submitted = "not", .expected = ACK_SKIP_AUTO_SUBMITTED },

	/* 2. List-* */
	{ .label = "a List-Post header", .list = LIST_HEADER, .expected = ACK_SKIP_LIST },
	{ .label = "List-Id", .list = LIST_ID, .expected = ACK_SKIP_LIST },
	{ .label = "List-Unsubscribe", .list = LIST_UNSUBSCRIBE, .expected = ACK_SKIP_LIST },
	{ .label = "all list headers", .list = LIST_HEADER | LIST_ID | LIST_UNSUBSCRIBE,
	  .expected = ACK_SKIP_LIST },

	/* 3. Precedence */
	{ .label = "Precedence bulk", .precedence = "bulk", .expected = ACK_SKIP_PRECEDENCE },
	{ .label = "Precedence list", .precedence = "list", .expected = ACK_SKIP_PRECEDENCE },
	{ .label = "Precedence junk", .precedence = "junk", .expected = ACK_SKIP_PRECEDENCE },
	{ .label = "Precedence auto_reply", .precedence = "auto_reply", .expected = ACK_SKIP_PRECEDENCE },
	{ .label = "Precedence auto-reply", .precedence = "auto-reply", .expected = ACK_SKIP_PRECEDENCE },
	{ .label = "Precedence Bulk", .precedence = "Bulk", .expected = ACK_SKIP_PRECEDENCE },
	{ .label = "Precedence junk (comment)", .precedence = " junk (spam) ", .expected = ACK_SKIP_PRECEDENCE },
	{ .label = "Precedence first-class", .precedence = "first-class", .expected = ACK_SEND },
	{ .label = "Precedence normal", .precedence = "normal", .expected = ACK_SEND },
	{ .label = "Precedence urgent", .precedence = "urgent", .expected = ACK_SEND },
	{ .label = "Precedence bulky", .precedence = "bulky", .expected = ACK_SEND },

	/* 4. X-Auto-Response-Suppress */
	{ .label = "suppress All", .suppress = "All", .expected = ACK_SKIP_SUPPRESSED },
	{ .label = "suppress OOF", .suppress = "OOF", .expected = ACK_SKIP_SUPPRESSED },
	{ .label = "suppress AutoReply", .suppress = "AutoReply", .expected = ACK_SKIP_SUPPRESSED },
	{ .label = "suppress a list with OOF", .suppress = "DR, RN, NRN, OOF, AutoReply",
	  .expected = ACK_SKIP_SUPPRESSED },
	{ .label = "suppress lowercase, no blanks", .suppress = "dr,oof", .expected = ACK_SKIP_SUPPRESSED },
	{ .label = "suppress autoreply", .suppress = "autoreply", .expected = ACK_SKIP_SUPPRESSED },
	{ .label = "suppress receipts only", .suppress = "DR, RN, NRN", .expected = ACK_SEND },
	{ .label = "suppress None", .suppress = "None", .expected = ACK_SEND },
	{ .label = "suppress a longer word", .suppress = "AllReceipts", .expected = ACK_SEND },
	{ .label = "suppress empty", .suppress = "", .expected = ACK_SEND },

	/* 5. X-Autoreply / X-Autorespond */
	{ .label = "X-Autoreply", .x_autoreply = true, .expected = ACK_SKIP_AUTOREPLY_HEADER },

	/* 6. null sender */
	{ .label = "Return-Path <>", .return_path = "", .expected = ACK_SKIP_NULL_SENDER },
	{ .label = "a Return-Path of the sender", .return_path = "buyer@buyer.de", .expected = ACK_SEND },
	{ .label = "an SRS Return-Path", .return_path = "SRS0=ab12=CD=buyer.de=buyer@relay.net",
	  .expected = ACK_SEND },

	/* 7. robot senders */
	{ .label = "MAILER-DAEMON", .from = "MAILER-DAEMON@mx.buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "mailer-daemon", .from = "mailer-daemon@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "postmaster", .from = "postmaster@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "noreply", .from = "noreply@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "no-reply", .from = "No-Reply@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "donotreply", .from = "donotreply@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "do-not-reply", .from = "do-not-reply@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "bounce", .from = "bounce@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "bounces", .from = "bounces@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "listserv", .from = "LISTSERV@lists.buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "majordomo", .from = "majordomo@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "VERP bounce-", .from = "bounce-12345-678@mail.buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "owner-", .from = "owner-purchasing@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "-request", .from = "purchasing-request@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "-noreply", .from = "shop-noreply@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "noreply+tag", .from = "noreply+orders@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "a robot Sender", .sender = "owner-list@buyer.de", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "a robot Return-Path", .return_path = "bounces+8827@esp.example.net",
	  .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "a web form: noreply From, buyer in Reply-To", .from = "noreply@shop.buyer.de",
	  .reply_to = "buyer@gmail.com", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "noreplyjim is a person", .from = "noreplyjim@buyer.de", .expected = ACK_SEND },
	{ .label = "bouncer is a person", .from = "bouncer@buyer.de", .expected = ACK_SEND },
	{ .label = "owner is a person", .from = "owner@buyer.de", .expected = ACK_SEND },
	{ .label = "rootbeer is a person", .from = "rootbeer@buyer.de", .expected = ACK_SEND },

	/* 8. our own domains */
	{ .label = "From ours", .from = "sales@example.com", .expected = ACK_SKIP_OWN_DOMAIN },
	{ .label = "From a subdomain of ours", .from = "anna@de.example.com", .expected = ACK_SKIP_OWN_DOMAIN },
	{ .label = "From our other domain", .from = "Anna@Acme-Export.co.uk", .expected = ACK_SKIP_OWN_DOMAIN },
	{ .label = "only our address in Reply-To, no From", .from = "", .reply_to = "sales@example.com",
	  .expected = ACK_SKIP_OWN_DOMAIN },
	{ .label = "our Reply-To is passed over", .reply_to = "sales@example.com", .expected = ACK_SEND },
	{ .label = "example.com.evil.net is not ours", .from = "x@example.com.evil.net", .expected = ACK_SEND },

	/* 9. no usable address */
	{ .label = "no From", .from = "", .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "From without @", .from = "buyer", .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "From without a domain", .from = "buyer@", .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "From at a bare host", .from = "buyer@localhost", .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "From at an address literal", .from = "buyer@[10.0.0.1]", .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "From with a blank", .from = "jörg müller@buyer.de", .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "From with a line break", .from = "buyer@buyer.de\r\nBcc: x@y.de",
	  .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "From at a public suffix", .from = "buyer@co.uk", .expected = ACK_SEND },
	/* A Reply-To is answered only for the sender it belongs to: without
	 * a From, nobody vouches for it. */
	{ .label = "a Reply-To does not stand in for a missing From", .from = "",
	  .reply_to = "buyer@buyer.de", .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "a Reply-To does not stand in for a From without a domain", .from = "buyer",
	  .reply_to = "buyer@buyer.de", .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "a Reply-To saves a From we cannot write to (non-ASCII local part)",
	  .from = "käufer@bücher.de", .reply_to = "kaeufer@bücher.de", .expected = ACK_SEND },
	{ .label = "a Reply-To elsewhere does not save a From we cannot write to",
	  .from = "käufer@bücher.de", .reply_to = "kaeufer@gmail.com",
	  .expected = ACK_SKIP_NO_ADDRESS },

	/* 10. too old */
	{ .label = "exactly max-age old", .age = DAY, .expected = ACK_SEND },
	{ .label = "one second older than max-age", .age = DAY + 1, .expected = ACK_SKIP_TOO_OLD },
	{ .label = "a year old (first sync)", .age = 365 * DAY, .expected = ACK_SKIP_TOO_OLD },
	{ .label = "no date", .no_date = true, .expected = ACK_SKIP_TOO_OLD },
	{ .label = "dated in the future", .age = -3600, .expected = ACK_SEND },

	/* 11-15. history */
	{ .label = "answered by a person of ours", .history = { .thread_answered = true },
	  .expected = ACK_SKIP_ANSWERED },
	{ .label = "thread acknowledged", .history = { .thread_acked = true },
	  .expected = ACK_SKIP_THREAD_ACKED },
	{ .label = "sender acknowledged recently", .history = { .sender_recent = 1 },
	  .expected = ACK_SKIP_SENDER_INTERVAL },
	{ .label = "domain at its cap", .history = { .domain_recent = 5 }, .expected = ACK_SKIP_DOMAIN_CAP },
	{ .label = "domain over its cap", .history = { .domain_recent = 50 }, .expected = ACK_SKIP_DOMAIN_CAP },
	{ .label = "domain under its cap", .history = { .domain_recent = 4 }, .expected = ACK_SEND },
	/* Free mail is many buyers, not one company: no domain cap. */
	{ .label = "gmail.com is not capped as a domain", .from = "joao.silva@gmail.com",
	  .history = { .domain_recent = 50 }, .expected = ACK_SEND },
	{ .label = "a subdomain of qq.com is not capped", .from = "wang@vip.qq.com",
	  .history = { .domain_recent = 5 }, .expected = ACK_SEND },
	{ .label = "a free-mail Reply-To is not capped", .from = "li@163.com",
	  .reply_to = "li.ming@qq.com", .history = { .domain_recent = 9 }, .expected = ACK_SEND },
	{ .label = "a free-mail sender still waits for ack-interval", .from = "joao.silva@gmail.com",
	  .history = { .sender_recent = 1 }, .expected = ACK_SKIP_SENDER_INTERVAL },
	{ .label = "a company's Reply-To to a free-mail From: the From gets it, uncapped",
	  .from = "buyer@gmail.com", .reply_to = "purchasing@buyer.de",
	  .history = { .domain_recent = 5 }, .expected = ACK_SEND },
	/* 14. all acknowledgements of the last hour */
	{ .label = "the hourly cap reached", .history = { .hourly_recent = 60 },
	  .expected = ACK_SKIP_HOURLY_CAP },
	{ .label = "the hourly cap passed", .history = { .hourly_recent = 1000 },
	  .expected = ACK_SKIP_HOURLY_CAP },
	{ .label = "under the hourly cap", .history = { .hourly_recent = 59 }, .expected = ACK_SEND },
	{ .label = "free mail counts towards the hourly cap", .from = "joao.silva@gmail.com",
	  .history = { .hourly_recent = 60 }, .expected = ACK_SKIP_HOURLY_CAP },

	/* The order: the first that holds decides. */
	{ .label = "Auto-Submitted before List", .auto_submitted = "auto-generated", .list = LIST_ID,
	  .precedence = "bulk", .expected = ACK_SKIP_AUTO_SUBMITTED },
	{ .label = "List before Precedence", .list = LIST_UNSUBSCRIBE, .precedence = "bulk",
	  .expected = ACK_SKIP_LIST },
	{ .label = "Precedence before suppress", .precedence = "junk", .suppress = "All",
	  .expected = ACK_SKIP_PRECEDENCE },
	{ .label = "suppress before X-Autoreply", .suppress = "OOF", .x_autoreply = true,
	  .expected = ACK_SKIP_SUPPRESSED },
	{ .label = "X-Autoreply before null sender", .x_autoreply = true, .return_path = "",
	  .expected = ACK_SKIP_AUTOREPLY_HEADER },
	{ .label = "null sender before robot", .return_path = "", .from = "mailer-daemon@buyer.de",
	  .expected = ACK_SKIP_NULL_SENDER },
	{ .label = "robot before own", .from = "postmaster@example.com", .expected = ACK_SKIP_ROBOT_SENDER },
	{ .label = "own before too old", .from = "sales@example.com", .age = 30 * DAY,
	  .expected = ACK_SKIP_OWN_DOMAIN },
	{ .label = "no address before too old", .from = "", .no_date = true,
	  .expected = ACK_SKIP_NO_ADDRESS },
	{ .label = "too old before thread acked", .age = 2 * DAY, .history = { .thread_acked = true },
	  .expected = ACK_SKIP_TOO_OLD },
	{ .label = "too old before answered", .age = 2 * DAY, .history = { .thread_answered = true },
	  .expected = ACK_SKIP_TOO_OLD },
	{ .label = "answered before thread acked",
	  .history = { .thread_answered = true, .thread_acked = true },
	  .expected = ACK_SKIP_ANSWERED },
	{ .label = "thread acked before sender interval",
	  .history = { .thread_acked = true, .sender_recent = 3, .domain_recent = 9 },
	  .expected = ACK_SKIP_THREAD_ACKED },
	{ .label = "sender interval before domain cap", .history = { .sender_recent = 1, .domain_recent = 9 },
	  .expected = ACK_SKIP_SENDER_INTERVAL },
	{ .label = "domain cap before hourly cap", .history = { .domain_recent = 9, .hourly_recent = 99 },
	  .expected = ACK_SKIP_DOMAIN_CAP },
};

static void apply_case(struct test_message *tm, const struct ack_case *c)
{
	build_message(tm, c->from, c->reply_to);
	struct msg_flags *f = &tm->msg.flags;
	f->auto_submitted = s(c->auto_submitted);
	f->precedence = s(c->precedence);
	f->x_auto_response_suppress = s(c->suppress);
	f->has_list_header = (c->list & LIST_HEADER) != 0;
	f->has_list_id = (c->list & LIST_ID) != 0;
	f->has_list_unsubscribe = (c->list & LIST_UNSUBSCRIBE) != 0;
	/* A List-Id or List-Unsubscribe is also a List-* header, as message.c
	 * sets it; the table's LIST_ID/LIST_UNSUBSCRIBE rows test the flags
	 * alone. */
	f->x_autoreply = c->x_autoreply;
	if (c->sender != NULL)
		tm->msg.sender.addr = s(c->sender);
	if (c->return_path != NULL) {
		tm->msg.return_path = s(c->return_path);
		f->has_return_path = true;
		f->null_return_path = c->return_path[0] == '\0';
	}
}

static void test_decide_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(ack_cases); i++) {
		const struct ack_case *c = &ack_cases[i];
		struct test_message tm;
		apply_case(&tm, c);
		int64_t date = c->no_date ? MSG_DATE_NONE : NOW - c->age;
		enum ack_verdict got = ack_decide(cls, &ack_rule, &tm.msg, date, NOW, &c->history);
		free_message(&tm);
		if (got != c->expected)
			fail_msg("%s: got '%s', expected '%s'", c->label, ack_verdict_text(got),
			         ack_verdict_text(c->expected));
	}
}

/* Every verdict is reached by some row of the table, but the platform's:
 * that one is decided when a platform's mail is analysed (core/analyze.c,
 * tests/integration/test_platform.sh) and passes through the rest. */
static void test_table_covers_every_verdict(void **state)
{
	(void)state;
	for (int v = ACK_SEND; v <= ACK_SKIP_HOURLY_CAP; v++) {
		bool found = v == ACK_SKIP_PLATFORM;
		for (size_t i = 0; i < G_N_ELEMENTS(ack_cases); i++)
			found = found || ack_cases[i].expected == (enum ack_verdict)v;
		if (!found)
			fail_msg("no case for '%s'", ack_verdict_text(v));
	}
}

/* A screening kept with the message passes through the second step, and
 * each verdict's text reads back as the verdict. */
static void test_screened(void **state)
{
	(void)state;
	assert_int_equal(ack_decide_screened(cls, &ack_rule, ACK_SKIP_PLATFORM, "buyer@buyer.de",
	                                     NOW, NOW, NULL), ACK_SKIP_PLATFORM);
	assert_int_equal(ack_decide_screened(cls, &ack_rule, ACK_SEND, NULL, NOW, NOW, NULL),
	                 ACK_SKIP_NO_ADDRESS);
	assert_int_equal(ack_decide_screened(cls, &ack_rule, ACK_SEND, "buyer@buyer.de", NOW,
	                                     NOW, NULL), ACK_SEND);
	for (int v = ACK_SEND; v <= ACK_SKIP_HOURLY_CAP; v++)
		assert_int_equal(ack_verdict_from_text(ack_verdict_text(v)), v);
	assert_int_equal(ack_verdict_from_text("no such verdict"), -1);
	assert_int_equal(ack_verdict_from_text(NULL), -1);
}

/* --------------------------------------------------- rule and arguments */

static void test_rule_limits(void **state)
{
	(void)state;
	struct test_message tm;
	build_message(&tm, NULL, NULL);
	struct rule rule = ack_rule;
	const struct ack_history none = { .thread_acked = false };

	/* max-age 1h */
	rule.max_age = 3600;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW - 3600, NOW, &none), ACK_SEND);
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW - 3601, NOW, &none), ACK_SKIP_TOO_OLD);
	/* max-age 0: only mail of this very second. */
	rule.max_age = 0;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW, NOW, &none), ACK_SEND);
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW - 1, NOW, &none), ACK_SKIP_TOO_OLD);
	/* No overflow at the extremes. */
	rule.max_age = INT64_MAX;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, INT64_MIN + 1, INT64_MAX, &none),
	                 ACK_SKIP_TOO_OLD);
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, 0, INT64_MAX, &none), ACK_SEND);
	rule.max_age = DAY;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, INT64_MIN + 1, NOW, &none), ACK_SKIP_TOO_OLD);
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, INT64_MAX, NOW, &none), ACK_SEND);

	/* The domain cap. */
	const struct ack_history two = { .domain_recent = 2 };
	rule.ack_domain_cap = 3;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW, NOW, &two), ACK_SEND);
	rule.ack_domain_cap = 2;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW, NOW, &two), ACK_SKIP_DOMAIN_CAP);
	rule.ack_domain_cap = 0;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW, NOW, &none), ACK_SKIP_DOMAIN_CAP);

	/* The hourly cap. */
	const struct ack_history hour = { .hourly_recent = 2 };
	rule.ack_domain_cap = 5;
	rule.ack_hourly_cap = 3;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW, NOW, &hour), ACK_SEND);
	rule.ack_hourly_cap = 2;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW, NOW, &hour), ACK_SKIP_HOURLY_CAP);
	rule.ack_hourly_cap = 0;
	assert_int_equal(ack_decide(cls, &rule, &tm.msg, NOW, NOW, &none), ACK_SKIP_HOURLY_CAP);

	/* No rule: the defaults (24h, 5 per domain, 60 an hour). */
	assert_int_equal(ack_decide(cls, NULL, &tm.msg, NOW - DAY, NOW, &none), ACK_SEND);
	assert_int_equal(ack_decide(cls, NULL, &tm.msg, NOW - DAY - 1, NOW, &none), ACK_SKIP_TOO_OLD);
	const struct ack_history five = { .domain_recent = 5 };
	assert_int_equal(ack_decide(cls, NULL, &tm.msg, NOW, NOW, &five), ACK_SKIP_DOMAIN_CAP);
	const struct ack_history sixty = { .hourly_recent = 60 }, fifty_nine = { .hourly_recent = 59 };
	assert_int_equal(ack_decide(cls, NULL, &tm.msg, NOW, NOW, &sixty), ACK_SKIP_HOURLY_CAP);
	assert_int_equal(ack_decide(cls, NULL, &tm.msg, NOW, NOW, &fifty_nine), ACK_SEND);

	/* No history: nothing sent before. */
	assert_int_equal(ack_decide(cls, &ack_rule, &tm.msg, NOW, NOW, NULL), ACK_SEND);
	/* No message. */
	assert_int_equal(ack_decide(cls, &ack_rule, NULL, NOW, NOW, &none), ACK_SKIP_NO_ADDRESS);
	free_message(&tm);

	/* No classifier: nothing is ours. */
	build_message(&tm, "sales@example.com", NULL);
	assert_int_equal(ack_decide(NULL, &ack_rule, &tm.msg, NOW, NOW, &none), ACK_SEND);
	assert_int_equal(ack_decide(cls, &ack_rule, &tm.msg, NOW, NOW, &none), ACK_SKIP_OWN_DOMAIN);
	free_message(&tm);
}

/* ------------------------------------------------------------ recipient */

struct recipient_case {
	const char *from;
	const char *reply_to;
	const char *with_cls;        /* ack_recipient_for(cls, ...) */
	const char *without_cls;     /* ack_recipient(...) */
};

static const struct recipient_case recipient_cases[] = {
	{ "buyer@buyer.de", NULL, "buyer@buyer.de", "buyer@buyer.de" },
	{ "buyer@buyer.de", "purchasing@buyer.de", "purchasing@buyer.de", "purchasing@buyer.de" },
	{ "buyer@buyer.de", "noreply@buyer.de, purchasing@buyer.de", "purchasing@buyer.de",
	  "purchasing@buyer.de" },
	{ "buyer@buyer.de", "sales@example.com, purchasing@buyer.de", "purchasing@buyer.de",
	  "purchasing@buyer.de" },
	{ "buyer@buyer.de", "sales@example.com", "buyer@buyer.de", "buyer@buyer.de" },
	{ "buyer@buyer.de", "not an address, @buyer.de, x@, a@localhost", "buyer@buyer.de",
	  "buyer@buyer.de" },
	{ "buyer@buyer.de", "postmaster@buyer.de, bounces+1@esp.net", "buyer@buyer.de", "buyer@buyer.de" },
	{ "buyer@buyer.de", "", "buyer@buyer.de", "buyer@buyer.de" },
	{ "", "purchasing@buyer.de", NULL, NULL },
	{ "", NULL, NULL, NULL },
	/* The Reply-To only on the From's registrable domain: a stranger's
	 * Reply-To would make us write to its victim. */
	{ "a@one.example", "victim@other.example", "a@one.example", "a@one.example" },
	{ "buyer@buyer.de", "einkauf@buyer.com", "buyer@buyer.de", "buyer@buyer.de" },
	{ "buyer@buyer.de", "buyer@buyer.de.evil.net", "buyer@buyer.de", "buyer@buyer.de" },
	{ "buyer@buyer.de", "victim@other.example, purchasing@buyer.de", "purchasing@buyer.de",
	  "purchasing@buyer.de" },
	/* a subdomain of the same registrable domain, either way round */
	{ "hans@mail.buyer.de", "einkauf@buyer.de", "einkauf@buyer.de", "hans@mail.buyer.de" },
	{ "hans@buyer.de", "einkauf@de.buyer.de", "einkauf@de.buyer.de", "hans@buyer.de" },
	{ "pedro@ventas.empresa.com.co", "compras@empresa.com.co", "compras@empresa.com.co",
	  "pedro@ventas.empresa.com.co" },
	{ "Hans@BUYER.de", "einkauf@buyer.DE", "einkauf@buyer.DE", "einkauf@buyer.DE" },
	/* public suffixes: co.uk and com.co are no one's domain */
	{ "a@one.co.uk", "b@two.co.uk", "a@one.co.uk", "a@one.co.uk" },
	/* free mail: a buyer's other free-mail box, never a company's */
	{ "li.ming@163.com", "li.ming@qq.com", "li.ming@qq.com", "li.ming@163.com" },
	{ "joao@gmail.com", "joao.silva@hotmail.com", "joao.silva@hotmail.com", "joao@gmail.com" },
	{ "joao@gmail.com", "joao.silva@gmail.com", "joao.silva@gmail.com", "joao.silva@gmail.com" },
	{ "joao@gmail.com", "compras@empresa.com.co", "joao@gmail.com", "joao@gmail.com" },
	{ "compras@empresa.com.co", "joao@gmail.com", "compras@empresa.com.co",
	  "compras@empresa.com.co" },
	{ "noreply@buyer.de", NULL, NULL, NULL },
	{ "sales@example.com", NULL, NULL, "sales@example.com" },
	{ "buyer@localhost", NULL, NULL, NULL },
	{ "a@b@buyer.de", NULL, NULL, NULL },
	{ "\"quoted\"@buyer.de", NULL, NULL, NULL },
	{ "<buyer@buyer.de>", NULL, NULL, NULL },
	{ "kaeufer@bücher.de", NULL, "kaeufer@bücher.de", "kaeufer@bücher.de" },
	{ "käufer@bücher.de", NULL, NULL, NULL },
	/* A From we cannot write to vouches for a Reply-To of its domain. */
	{ "käufer@bücher.de", "kaeufer@bücher.de", "kaeufer@bücher.de", "kaeufer@bücher.de" },
	{ "käufer@bücher.de", "kaeufer@xn--bcher-kva.de", "kaeufer@xn--bcher-kva.de", NULL },
	{ "käufer@bücher.de", "kaeufer@gmail.com", NULL, NULL },
};

static void test_recipient(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(recipient_cases); i++) {
		const struct recipient_case *c = &recipient_cases[i];
		struct test_message tm;
		build_message(&tm, c->from, c->reply_to);

		const struct msg_address *with = ack_recipient_for(cls, &tm.msg);
		const struct msg_address *without = ack_recipient(&tm.msg);
		if (c->with_cls == NULL) {
			if (with != NULL)
				fail_msg("case %zu: got %s, expected none", i, with->addr);
		} else {
			assert_non_null(with);
			assert_string_equal(with->addr, c->with_cls);
		}
		if (c->without_cls == NULL) {
			assert_null(without);
		} else {
			assert_non_null(without);
			assert_string_equal(without->addr, c->without_cls);
		}
		/* It points into the message. */
		if (with != NULL)
			assert_true(with == &tm.msg.from ||
			            (with >= tm.msg.reply_to.items &&
			             with < tm.msg.reply_to.items + tm.msg.reply_to.count));
		free_message(&tm);
	}
	assert_null(ack_recipient(NULL));
	assert_null(ack_recipient_for(cls, NULL));
}

/* Whatever ack_decide() sends to is what ack_recipient_for() gives. */
static void test_decide_judges_the_recipient(void **state)
{
	(void)state;
	struct test_message tm;
	build_message(&tm, "buyer@buyer.de", "sales@example.com, purchasing@buyer.de");
	assert_int_equal(ack_decide(cls, &ack_rule, &tm.msg, NOW, NOW, NULL), ACK_SEND);
	assert_string_equal(ack_recipient_for(cls, &tm.msg)->addr, "purchasing@buyer.de");
	free_message(&tm);

	/* A Reply-To at another company: the From gets it. */
	build_message(&tm, "a@one.example", "victim@other.example");
	assert_int_equal(ack_decide(cls, &ack_rule, &tm.msg, NOW, NOW, NULL), ACK_SEND);
	assert_string_equal(ack_recipient_for(cls, &tm.msg)->addr, "a@one.example");
	free_message(&tm);
}

static void test_robot_addresses(void **state)
{
	(void)state;
	static const char *const robots[] = {
		"mailer-daemon@x.com", "MAILER-DAEMON@x.com", "mailer_daemon@x.com", "postmaster@x.com",
		"noreply@x.com", "no-reply@x.com", "no_reply@x.com", "donotreply@x.com",
		"do-not-reply@x.com", "DoNotReply@x.com", "bounce@x.com", "bounces@x.com",
		"bounces+abc=def@x.com", "bounce-1234@x.com", "listserv@x.com", "majordomo@x.com",
		"mailman@x.com", "owner-sales@x.com", "sales-request@x.com", "sales-bounces@x.com",
		"shop-noreply@x.com", "shop.noreply@x.com", "noreply.orders@x.com", "noreply+x@x.com",
		"no-reply-7@x.com", "nobody@x.com", "root@x.com", "without-at-sign", "",
	};
	static const char *const people[] = {
		"buyer@x.com", "noreplyjim@x.com", "bouncer@x.com", "owner@x.com", "request@x.com",
		"norbert@x.com", "post@x.com", "master@x.com", "daemonic@x.com", "roots@x.com",
		"-request@x.com", "bounce-@x.com",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(robots); i++) {
		if (!ack_is_robot_address(robots[i]))
			fail_msg("%s should be a robot", robots[i]);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(people); i++) {
		if (ack_is_robot_address(people[i]))
			fail_msg("%s should be a person", people[i]);
	}
	assert_true(ack_is_robot_address(NULL));
}

static void test_verdict_texts(void **state)
{
	(void)state;
	assert_string_equal(ack_verdict_text(ACK_SEND), "sent");
	assert_string_equal(ack_verdict_text(ACK_SKIP_AUTO_SUBMITTED), "Auto-Submitted");
	assert_string_equal(ack_verdict_text(ACK_SKIP_LIST), "a mailing list");
	assert_string_equal(ack_verdict_text(ACK_SKIP_HOURLY_CAP),
	                    "ack-hourly-cap acknowledgements in the last hour");
	for (int a = ACK_SEND; a <= ACK_SKIP_HOURLY_CAP; a++) {
		assert_string_not_equal(ack_verdict_text(a), "unknown");
		for (int b = a + 1; b <= ACK_SKIP_HOURLY_CAP; b++)
			assert_string_not_equal(ack_verdict_text(a), ack_verdict_text(b));
	}
	assert_string_equal(ack_verdict_text((enum ack_verdict)(ACK_SKIP_HOURLY_CAP + 1)), "unknown");
	assert_string_equal(ack_verdict_text((enum ack_verdict)-1), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decide_table),
		cmocka_unit_test(test_table_covers_every_verdict),
		cmocka_unit_test(test_screened),
		cmocka_unit_test(test_rule_limits),
		cmocka_unit_test(test_recipient),
		cmocka_unit_test(test_decide_judges_the_recipient),
		cmocka_unit_test(test_robot_addresses),
		cmocka_unit_test(test_verdict_texts),
	};
	return cmocka_run_group_tests(tests, setup_group, teardown_group);
}
