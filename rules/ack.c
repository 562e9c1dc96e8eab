/* ack: may an inquiry be acknowledged automatically, and to whom (see
 * ack.h; RFC 3834). Pure. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <glib.h>

#include "rules/ack.h"
#include "lib/address.h"

/* Longer addresses cannot be used in SMTP (RFC 5321: 64 + 1 + 255). */
#define LOCAL_PART_MAX_BYTES 64

enum robot_match {
	ROBOT_EXACT,
	ROBOT_PREFIX,
	ROBOT_SUFFIX,
};

struct robot_local_part {
	const char *text;
	enum robot_match match;
};

/* Local parts of mail servers, list managers and senders that say they
 * read no answers. Prefixes catch VERP and list plumbing ("bounce-1234",
 * "owner-sales"), suffixes the same written the other way round. */
static const struct robot_local_part robot_local_parts[] = {
	{ "mailer-daemon", ROBOT_EXACT },
	{ "mailer_daemon", ROBOT_EXACT },
	{ "mailerdaemon", ROBOT_EXACT },
	{ "mail-daemon", ROBOT_EXACT },
	{ "postmaster", ROBOT_EXACT },
	{ "noreply", ROBOT_EXACT },
	{ "no-reply", ROBOT_EXACT },
	{ "no_reply", ROBOT_EXACT },
	{ "no.reply", ROBOT_EXACT },
	{ "donotreply", ROBOT_EXACT },
	{ "do-not-reply", ROBOT_EXACT },
	{ "do_not_reply", ROBOT_EXACT },
	{ "do.not.reply", ROBOT_EXACT },
	{ "dontreply", ROBOT_EXACT },
	{ "dont-reply", ROBOT_EXACT },
	{ "bounce", ROBOT_EXACT },
	{ "bounces", ROBOT_EXACT },
	{ "listserv", ROBOT_EXACT },
	{ "majordomo", ROBOT_EXACT },
	{ "mailman", ROBOT_EXACT },
	{ "sympa", ROBOT_EXACT },
	{ "autoreply", ROBOT_EXACT },
	{ "auto-reply", ROBOT_EXACT },
	{ "autoresponder", ROBOT_EXACT },
	{ "daemon", ROBOT_EXACT },
	{ "root", ROBOT_EXACT },
	{ "nobody", ROBOT_EXACT },
	{ "bounce-", ROBOT_PREFIX },
	{ "bounces-", ROBOT_PREFIX },
	{ "noreply-", ROBOT_PREFIX },
	{ "noreply.", ROBOT_PREFIX },
	{ "no-reply-", ROBOT_PREFIX },
	{ "no-reply.", ROBOT_PREFIX },
	{ "donotreply-", ROBOT_PREFIX },
	{ "owner-", ROBOT_PREFIX },
	{ "-bounce", ROBOT_SUFFIX },
	{ "-bounces", ROBOT_SUFFIX },
	{ "-owner", ROBOT_SUFFIX },
	{ "-request", ROBOT_SUFFIX },
	{ "-noreply", ROBOT_SUFFIX },
	{ ".noreply", ROBOT_SUFFIX },
	{ "-no-reply", ROBOT_SUFFIX },
	{ "-donotreply", ROBOT_SUFFIX },
};

static const char *const bulk_precedences[] = { "bulk", "list", "junk", "auto_reply", "auto-reply" };
static const char *const suppressing_tokens[] = { "all", "autoreply", "oof" };

static const char *const verdict_texts[] = {
	[ACK_SEND] = "sent",
	[ACK_SKIP_AUTO_SUBMITTED] = "Auto-Submitted",
	[ACK_SKIP_LIST] = "a mailing list",
	[ACK_SKIP_PRECEDENCE] = "Precedence bulk, list, junk or auto_reply",
	[ACK_SKIP_SUPPRESSED] = "X-Auto-Response-Suppress",
	[ACK_SKIP_AUTOREPLY_HEADER] = "X-Autoreply or X-Autorespond",
	[ACK_SKIP_NULL_SENDER] = "a null sender (Return-Path <>)",
	[ACK_SKIP_ROBOT_SENDER] = "a robot sender",
	[ACK_SKIP_OWN_DOMAIN] = "our own domain",
	[ACK_SKIP_NO_ADDRESS] = "no usable address",
	[ACK_SKIP_PLATFORM] = "a platform's notification (its [source] says acknowledge = no)",
	[ACK_SKIP_TOO_OLD] = "older than max-age",
	[ACK_SKIP_ANSWERED] = "a person of ours has replied in the thread",
	[ACK_SKIP_THREAD_ACKED] = "the thread was acknowledged already",
	[ACK_SKIP_SENDER_INTERVAL] = "the sender got one within ack-interval",
	[ACK_SKIP_DOMAIN_CAP] = "the sender's domain reached ack-domain-cap",
	[ACK_SKIP_HOURLY_CAP] = "ack-hourly-cap acknowledgements in the last hour",
};

const char *ack_verdict_text(enum ack_verdict verdict)
{
	if ((size_t)verdict >= G_N_ELEMENTS(verdict_texts) || verdict_texts[verdict] == NULL)
		return "unknown";
	return verdict_texts[verdict];
}

/* ------------------------------------------------------------ header values */

/* The value's first token: up to ';', without (comments) and blanks,
 * lowercased. New string. */
static char *first_token(const char *value)
{
	GString *token = g_string_new(NULL);
	int depth = 0;

	for (const char *p = value; *p != '\0' && !(depth == 0 && *p == ';'); p++) {
		if (*p == '(') {
			depth++;
		} else if (*p == ')' && depth > 0) {
			depth--;
		} else if (depth == 0 && !g_ascii_isspace(*p)) {
			g_string_append_c(token, g_ascii_tolower(*p));
		}
	}
	return g_string_free(token, FALSE);
}

static bool auto_submitted(const char *value)
{
	if (value == NULL)
		return false;
	char *token = first_token(value);
	bool automatic = strcmp(token, "no") != 0;
	g_free(token);
	return automatic;
}

static bool bulk_precedence(const char *value)
{
	if (value == NULL)
		return false;
	char *token = first_token(value);
	bool bulk = false;
	for (size_t i = 0; i < G_N_ELEMENTS(bulk_precedences) && !bulk; i++)
		bulk = strcmp(token, bulk_precedences[i]) == 0;
	g_free(token);
	return bulk;
}

/* X-Auto-Response-Suppress: "DR, RN, NRN, OOF, AutoReply" (Microsoft). */
static bool suppresses_auto_replies(const char *value)
{
	bool suppressed = false;

	if (value == NULL)
		return false;
	char **tokens = g_strsplit_set(value, ",; \t\r\n", -1);
	for (size_t i = 0; tokens[i] != NULL && !suppressed; i++) {
		for (size_t j = 0; j < G_N_ELEMENTS(suppressing_tokens); j++) {
			if (g_ascii_strcasecmp(tokens[i], suppressing_tokens[j]) == 0)
				suppressed = true;
		}
	}
	g_strfreev(tokens);
	return suppressed;
}

/* ---------------------------------------------------------------- addresses */

static bool robot_local_part_matches(const char *local, size_t len,
                                     const struct robot_local_part *robot)
{
	size_t robot_len = strlen(robot->text);

	switch (robot->match) {
	case ROBOT_EXACT:
		return len == robot_len && memcmp(local, robot->text, len) == 0;
	case ROBOT_PREFIX:
		return len > robot_len && memcmp(local, robot->text, robot_len) == 0;
	case ROBOT_SUFFIX:
		return len > robot_len && memcmp(local + len - robot_len, robot->text, robot_len) == 0;
	}
	return false;
}

bool ack_is_robot_address(const char *addr)
{
	char local[LOCAL_PART_MAX_BYTES + 1];
	const char *at;
	size_t len;

	if (addr == NULL || (at = strrchr(addr, '@')) == NULL)
		return true;
	len = (size_t)(at - addr);
	/* "bounce+token@": the tag says nothing about who reads it. */
	const char *plus = memchr(addr, '+', len);
	if (plus != NULL)
		len = (size_t)(plus - addr);
	if (len > LOCAL_PART_MAX_BYTES)
		return false;
	for (size_t i = 0; i < len; i++)
		local[i] = g_ascii_tolower(addr[i]);
	local[len] = '\0';

	for (size_t i = 0; i < G_N_ELEMENTS(robot_local_parts); i++) {
		if (robot_local_part_matches(local, len, &robot_local_parts[i]))
			return true;
	}
	return false;
}

/* An address we could write in RCPT TO and To: without surprises (the
 * one rule of lib/address.h, after the domain is made ASCII). */
static bool is_usable_syntax(const char *addr)
{
	char *ascii = address_to_ascii(addr);
	bool ok = ascii != NULL;

	g_free(ascii);
	return ok;
}

static bool is_usable_recipient(const struct classify *cls, const struct msg_address *a)
{
	if (!is_usable_syntax(a->addr) || ack_is_robot_address(a->addr))
		return false;
	if (cls == NULL)
		return true;
	if (classify_is_own_address(cls, a->addr))
		return false;
	char *registrable = classify_registrable_domain(cls, a->addr);
	bool usable = registrable != NULL;
	g_free(registrable);
	return usable;
}

/* The domain of addr, after its last '@'; NULL without one. */
static const char *domain_of(const char *addr)
{
	const char *at = addr != NULL ? strrchr(addr, '@') : NULL;

	return at != NULL && at[1] != '\0' ? at + 1 : NULL;
}

/* Both on one registrable domain ("mail.buyer.de" and "buyer.de"). Without
 * a classifier (no public suffix list) only the very same domain is. */
static bool same_registrable_domain(const struct classify *cls, const char *a, const char *b)
{
	if (cls == NULL) {
		const char *da = domain_of(a), *db = domain_of(b);
		return da != NULL && db != NULL && g_ascii_strcasecmp(da, db) == 0;
	}
	char *ra = classify_registrable_domain(cls, a);
	char *rb = classify_registrable_domain(cls, b);
	bool same = ra != NULL && rb != NULL && strcmp(ra, rb) == 0;
	g_free(ra);
	g_free(rb);
	return same;
}

/* A Reply-To is written by the sender and checked by nobody: mail from
 * a@one.example with "Reply-To: victim@other.example" would make us write
 * to the victim. So it stands for the buyer only on the From's own
 * registrable domain, or, for a buyer writing from free mail, in another
 * free-mail box (many write from 163.com and read qq.com). */
static bool reply_to_belongs_to_sender(const struct classify *cls, const char *from,
                                       const char *reply_to)
{
	if (same_registrable_domain(cls, from, reply_to))
		return true;
	return cls != NULL && classify_is_freemail(cls, from) &&
	       classify_is_freemail(cls, reply_to);
}

bool ack_is_usable_recipient(const struct classify *cls, const struct msg_address *a)
{
	return a != NULL && a->addr != NULL && is_usable_recipient(cls, a);
}

const struct msg_address *ack_recipient_for(const struct classify *cls,
                                            const struct parsed_message *msg)
{
	if (msg == NULL)
		return NULL;
	/* Our own web form vouches for the buyer it writes for. */
	const struct msg_address *buyer = classify_web_form_buyer(cls, msg);
	if (buyer != NULL)
		return is_usable_recipient(cls, buyer) ? buyer : NULL;
	for (size_t i = 0; i < msg->reply_to.count; i++) {
		const struct msg_address *a = &msg->reply_to.items[i];
		if (is_usable_recipient(cls, a) &&
		    reply_to_belongs_to_sender(cls, msg->from.addr, a->addr))
			return a;
	}
	if (is_usable_recipient(cls, &msg->from))
		return &msg->from;
	return NULL;
}

const struct msg_address *ack_recipient(const struct parsed_message *msg)
{
	return ack_recipient_for(NULL, msg);
}

static bool present(const char *addr)
{
	return addr != NULL && addr[0] != '\0';
}

/* Only addresses with an '@' count here: a broken From is "no usable
 * address", not a robot. */
static bool is_robot_if_address(const char *addr)
{
	return addr != NULL && strchr(addr, '@') != NULL && ack_is_robot_address(addr);
}

static bool robot_sender(const struct parsed_message *msg)
{
	return is_robot_if_address(msg->from.addr) || is_robot_if_address(msg->sender.addr) ||
	       is_robot_if_address(msg->return_path);
}

static bool own_address(const struct classify *cls, const char *addr)
{
	return cls != NULL && present(addr) && classify_is_own_address(cls, addr);
}

/* now - message_date > max_age, without overflow. */
static bool older_than(int64_t message_date, int64_t now, int64_t max_age)
{
	if (message_date == MSG_DATE_NONE)
		return true;
	if (message_date >= now)
		return false;
	if (max_age < 0)
		return true;
	/* now > message_date: the difference fits in uint64_t. */
	uint64_t age = (uint64_t)now - (uint64_t)message_date;
	return age > (uint64_t)max_age;
}

/* --------------------------------------------------------------- decision */

static enum ack_verdict header_verdict(const struct msg_flags *flags)
{
	if (auto_submitted(flags->auto_submitted))
		return ACK_SKIP_AUTO_SUBMITTED;
	if (flags->has_list_header || flags->has_list_id || flags->has_list_unsubscribe)
		return ACK_SKIP_LIST;
	if (bulk_precedence(flags->precedence))
		return ACK_SKIP_PRECEDENCE;
	if (suppresses_auto_replies(flags->x_auto_response_suppress))
		return ACK_SKIP_SUPPRESSED;
	if (flags->x_autoreply)
		return ACK_SKIP_AUTOREPLY_HEADER;
	if (flags->null_return_path)
		return ACK_SKIP_NULL_SENDER;
	return ACK_SEND;
}

enum ack_verdict ack_screen(const struct classify *cls, const struct parsed_message *msg,
                            const struct msg_address **recipient_r)
{
	enum ack_verdict verdict;

	*recipient_r = NULL;
	if (msg == NULL)
		return ACK_SKIP_NO_ADDRESS;
	*recipient_r = ack_recipient_for(cls, msg);
	verdict = header_verdict(&msg->flags);
	if (verdict != ACK_SEND)
		return verdict;
	if (msg->return_path != NULL && msg->return_path[0] == '\0')
		return ACK_SKIP_NULL_SENDER;
	/* A web form's mail comes from our own server, often from a
	 * "noreply" address: the buyer in its Reply-To is the one judged. */
	if (classify_web_form_buyer(cls, msg) != NULL)
		return *recipient_r != NULL ? ACK_SEND : ACK_SKIP_NO_ADDRESS;
	if (robot_sender(msg))
		return ACK_SKIP_ROBOT_SENDER;
	if (own_address(cls, msg->from.addr))
		return ACK_SKIP_OWN_DOMAIN;
	if (*recipient_r == NULL) {
		/* Only addresses of ours to answer: say so rather than "none". */
		for (size_t i = 0; i < msg->reply_to.count; i++) {
			if (own_address(cls, msg->reply_to.items[i].addr))
				return ACK_SKIP_OWN_DOMAIN;
		}
		return ACK_SKIP_NO_ADDRESS;
	}
	if (own_address(cls, (*recipient_r)->addr))
		return ACK_SKIP_OWN_DOMAIN;
	return ACK_SEND;
}

enum ack_verdict ack_decide_screened(const struct classify *cls, const struct rule *rule,
                                     enum ack_verdict screened, const char *recipient,
                                     int64_t message_date, int64_t now,
                                     const struct ack_history *history)
{
	static const struct ack_history nothing_sent = { .thread_acked = false };
	int64_t max_age = rule != NULL ? rule->max_age : RULE_DEFAULT_MAX_AGE;
	unsigned domain_cap = rule != NULL ? rule->ack_domain_cap : RULE_DEFAULT_ACK_DOMAIN_CAP;
	unsigned hourly_cap = rule != NULL ? rule->ack_hourly_cap : RULE_DEFAULT_ACK_HOURLY_CAP;

	if (screened != ACK_SEND)
		return screened;
	if (recipient == NULL)
		return ACK_SKIP_NO_ADDRESS;
	if (history == NULL)
		history = &nothing_sent;
	if (older_than(message_date, now, max_age))
		return ACK_SKIP_TOO_OLD;
	if (history->thread_answered)
		return ACK_SKIP_ANSWERED;
	if (history->thread_acked)
		return ACK_SKIP_THREAD_ACKED;
	if (history->sender_recent > 0)
		return ACK_SKIP_SENDER_INTERVAL;
	/* A free-mail provider is many buyers, not one company: the sixth
	 * Gmail buyer of the day is as new as the first. */
	if (history->domain_recent >= domain_cap && !(cls != NULL &&
	                                              classify_is_freemail(cls, recipient)))
		return ACK_SKIP_DOMAIN_CAP;
	if (history->hourly_recent >= hourly_cap)
		return ACK_SKIP_HOURLY_CAP;
	return ACK_SEND;
}

enum ack_verdict ack_decide(const struct classify *cls, const struct rule *rule,
                            const struct parsed_message *msg, int64_t message_date,
                            int64_t now, const struct ack_history *history)
{
	const struct msg_address *recipient;
	enum ack_verdict screened = ack_screen(cls, msg, &recipient);

	return ack_decide_screened(cls, rule, screened, recipient != NULL ? recipient->addr : NULL,
	                           message_date, now, history);
}

int ack_verdict_from_text(const char *text)
{
	for (size_t i = 0; i < G_N_ELEMENTS(verdict_texts); i++) {
		if (verdict_texts[i] != NULL && text != NULL && strcmp(verdict_texts[i], text) == 0)
			return (int)i;
	}
	return -1;
}
