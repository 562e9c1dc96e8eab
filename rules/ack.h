#ifndef FOLLOWUP_RULES_ACK_H
#define FOLLOWUP_RULES_ACK_H
/*
 * ack: whether an inquiry may get an automatic acknowledgement, as a
 * careful postmaster would have it (RFC 3834), and to whom. Pure: the
 * history (what was already sent) comes from the store.
 *
 * Never to: Auto-Submitted other than "no"; any List-* header; Precedence
 * bulk/list/junk/auto_reply; X-Auto-Response-Suppress All/AutoReply/OOF;
 * X-Autoreply / X-Autorespond; a null Return-Path or a MAILER-DAEMON,
 * postmaster or noreply-like sender; our own domains; a message older than
 * the rule's max-age; a thread that already got one; a sender who got one
 * within the rule's ack-interval; a sender domain over ack-domain-cap
 * (free-mail providers are no one's domain); more than ack-hourly-cap in
 * the last hour, to anyone.
 *
 * To whom: the Reply-To only when it belongs to the sender (the From's
 * registrable domain, or free mail to free mail), else the From. A web
 * form's mail (classify_web_form_buyer: from our own server, which is no
 * person, for a buyer in Reply-To) goes to that buyer: our server vouches
 * for it, and the robot and own-domain checks of the From do not apply;
 * the header checks, the caps and the intervals do.
 */
#include <stdbool.h>
#include <stdint.h>

#include "parsers/message.h"
#include "classify/classify.h"
#include "rules/rule_set.h"

enum ack_verdict {
	ACK_SEND = 0,
	ACK_SKIP_AUTO_SUBMITTED,
	ACK_SKIP_LIST,
	ACK_SKIP_PRECEDENCE,
	ACK_SKIP_SUPPRESSED,         /* X-Auto-Response-Suppress */
	ACK_SKIP_AUTOREPLY_HEADER,   /* X-Autoreply, X-Autorespond */
	ACK_SKIP_NULL_SENDER,        /* Return-Path <> */
	ACK_SKIP_ROBOT_SENDER,       /* mailer-daemon, postmaster, noreply … */
	ACK_SKIP_OWN_DOMAIN,
	ACK_SKIP_NO_ADDRESS,         /* no usable Reply-To or From */
	ACK_SKIP_PLATFORM,           /* a platform's mail whose [source] says acknowledge = no */
	ACK_SKIP_TOO_OLD,            /* older than max-age */
	ACK_SKIP_ANSWERED,           /* a person of ours has replied in the thread */
	ACK_SKIP_THREAD_ACKED,
	ACK_SKIP_SENDER_INTERVAL,    /* the sender got one within ack-interval */
	ACK_SKIP_DOMAIN_CAP,
	ACK_SKIP_HOURLY_CAP,         /* ack-hourly-cap acks in all in the last hour */
};

/* What the store knows of earlier acknowledgements. */
struct ack_history {
	bool thread_answered;        /* a reply or quote of ours (a person's) in the thread */
	bool thread_acked;
	unsigned sender_recent;      /* acks to this recipient within ack-interval */
	unsigned domain_recent;      /* acks to this recipient's domain within ack-interval */
	unsigned hourly_recent;      /* acks to anyone within the last ACK_HOURLY_WINDOW */
};

/* The window of ack-hourly-cap, in seconds. */
#define ACK_HOURLY_WINDOW 3600

/* message_date: the inquiry's date on the timeline. */
enum ack_verdict ack_decide(const struct classify *cls, const struct rule *rule,
                            const struct parsed_message *msg, int64_t message_date,
                            int64_t now, const struct ack_history *history);
/* The same in two steps. ack_screen(): what the message itself allows
 * (checks 1–9 below), whatever the rule, the date or the history, and the
 * recipient (*recipient_r, into msg; NULL when none): worked out once
 * when a message is analysed (core/analyze.c) and kept with it, so the
 * planner need not parse the message again. ack_decide_screened(): the
 * rest (10–15) for the recipient's address. */
enum ack_verdict ack_screen(const struct classify *cls, const struct parsed_message *msg,
                            const struct msg_address **recipient_r);
enum ack_verdict ack_decide_screened(const struct classify *cls, const struct rule *rule,
                                     enum ack_verdict screened, const char *recipient,
                                     int64_t message_date, int64_t now,
                                     const struct ack_history *history);
/* "sent", "Auto-Submitted", "a mailing list", … : for logs and `followup outbox`. */
const char *ack_verdict_text(enum ack_verdict verdict);
/* The verdict of a text of ack_verdict_text(), or -1. */
int ack_verdict_from_text(const char *text);
/* Where the ack goes, without knowing our own domains or the public
 * suffix list: ack_recipient_for(NULL, msg). */
const struct msg_address *ack_recipient(const struct parsed_message *msg);

/*
 * Additions and the details:
 *
 * ack_decide() checks in the order of enum ack_verdict and returns the
 * first that holds:
 *  1. AUTO_SUBMITTED: an Auto-Submitted value other than "no" (case,
 *     parameters after ';' and (comments) ignored; an empty value counts);
 *  2. LIST: any List-* header (List-Id, List-Unsubscribe, List-Post …);
 *  3. PRECEDENCE: bulk, list, junk or auto_reply (also auto-reply);
 *  4. SUPPRESSED: X-Auto-Response-Suppress naming All, AutoReply or OOF
 *     (a comma-separated list, any case);
 *  5. AUTOREPLY_HEADER: X-Autoreply or X-Autorespond present;
 *  6. NULL_SENDER: Return-Path <>;
 *  7. ROBOT_SENDER: From, Sender or Return-Path is a robot address
 *     (ack_is_robot_address(); only values with an '@' count, so a broken
 *     From is NO_ADDRESS; a web form that writes from noreply@ with
 *     the buyer in Reply-To is not acknowledged either: that Reply-To is
 *     unverified, and acking it would be backscatter);
 *  8. OWN_DOMAIN: From is one of our addresses (classify_is_own_address()),
 *     or there is no recipient and a Reply-To is ours (a Reply-To of ours
 *     is passed over when another address is usable);
 *  9. NO_ADDRESS: ack_recipient_for() finds none (msg NULL too);
 * 10. TOO_OLD: message_date is MSG_DATE_NONE, or now - message_date >
 *     rule->max_age (a date in the future is not too old);
 * 11. ANSWERED: history->thread_answered: a person of ours has replied in
 *     the thread (on a first sync, the answer may be older than the run);
 * 12. THREAD_ACKED: history->thread_acked;
 * 13. SENDER_INTERVAL: history->sender_recent > 0;
 * 14. DOMAIN_CAP: history->domain_recent >= rule->ack_domain_cap (so a cap
 *     of 0 sends none), unless the recipient is a free-mail address (with
 *     cls; classify_is_freemail()): Gmail is many buyers, not one company;
 * 15. HOURLY_CAP: history->hourly_recent >= rule->ack_hourly_cap.
 * cls NULL: no address is ours, none is free mail. rule NULL: the
 * RULE_DEFAULT_* limits of rule_set.h. history NULL: nothing was sent
 * before.
 */

/* Whether a an address may get an acknowledgement at all: usable
 * syntax, no robot, not ours, a registrable domain (with cls). */
bool ack_is_usable_recipient(const struct classify *cls, const struct msg_address *a);

/* A robot's address: its local part (lowercased, without a "+tag") is
 * mailer-daemon, postmaster, noreply, no-reply, donotreply, bounce(s),
 * listserv, majordomo … or starts or ends like one ("bounce-123",
 * "owner-list", "list-request", "info-noreply"); the table is in ack.c.
 * Also true for an address without '@'. */
bool ack_is_robot_address(const char *addr);

/* The recipient ack_decide() judges, and the one to send to: the first
 * Reply-To address that is usable (an ASCII local part, '@', a domain with
 * a dot, no blanks, control characters, quotes or angle brackets; not a
 * robot; with cls, not one of ours and with a registrable domain) and
 * belongs to the sender, else From when it is usable in the same way; NULL
 * when there is none. A Reply-To belongs to the sender when it is on the
 * From's registrable domain ("einkauf@kunde.de" for "hans@mail.kunde.de"),
 * or when both are free-mail addresses ("li@163.com" to "li@qq.com"); a
 * Reply-To is unverified, and one elsewhere would make us write to a
 * stranger. The From need not be usable itself to vouch for its domain
 * (a non-ASCII local part); without a From domain no Reply-To is taken.
 * ack_recipient(msg) is ack_recipient_for(NULL, msg): it cannot tell our
 * own addresses, free mail or registrable domains (only the very same
 * domain counts); prefer this one. Points into msg. */
const struct msg_address *ack_recipient_for(const struct classify *cls,
                                            const struct parsed_message *msg);

#endif
