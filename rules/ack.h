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
 * within the rule's ack-interval; a sender domain over ack-domain-cap.
 */
#include <stdbool.h>
#include <stdint.h>

#include "parsers/message.h"
#include "rules/classify.h"
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
	ACK_SKIP_TOO_OLD,            /* older than max-age */
	ACK_SKIP_THREAD_ACKED,
	ACK_SKIP_SENDER_INTERVAL,    /* the sender got one within ack-interval */
	ACK_SKIP_DOMAIN_CAP,
};

/* What the store knows of earlier acknowledgements. */
struct ack_history {
	bool thread_acked;
	unsigned sender_recent;      /* acks to this recipient within ack-interval */
	unsigned domain_recent;      /* acks to this recipient's domain within ack-interval */
};

/* message_date: the inquiry's date on the timeline. */
enum ack_verdict ack_decide(const struct classify *cls, const struct rule *rule,
                            const struct parsed_message *msg, int64_t message_date,
                            int64_t now, const struct ack_history *history);
/* "sent", "Auto-Submitted", "a mailing list", … : for logs and `followup outbox`. */
const char *ack_verdict_text(enum ack_verdict verdict);
/* Where the ack goes: the first usable Reply-To, else From; NULL when
 * neither is usable. Points into msg. */
const struct msg_address *ack_recipient(const struct parsed_message *msg);

#endif
