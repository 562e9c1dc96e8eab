#ifndef FOLLOWUP_CLASSIFY_CLASSIFY_H
#define FOLLOWUP_CLASSIFY_CLASSIFY_H
/*
 * classify: what a parsed message is, for the timeline. Pure: no I/O; the
 * public suffix list comes in as an already loaded psl_ctx_t (daemon and
 * CLI load it), the data lists as text.
 *
 *  - direction: out when the sender's registrable domain is one of ours or
 *    the folder is a sent folder, else in; a forward of an outside
 *    sender's message (msg->forwarded) is in, from that sender; so is a
 *    web form's mail (from our own server for a buyer in Reply-To);
 *  - customer key of an address: its registrable domain, or the whole
 *    address for free-mail providers; never one of our own domains;
 *  - intrinsic kind of a message (auto-reply, bounce, bulk, quote, reply);
 *    whether an inbound reply is really an inquiry depends on its place in
 *    its thread: classify_thread_kinds() decides that.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libpsl.h>

#include "parsers/message.h"

enum msg_direction {
	MSG_DIR_IN = 0,
	MSG_DIR_OUT = 1,
};

enum msg_kind {
	MSG_KIND_INQUIRY = 0,
	MSG_KIND_REPLY,
	MSG_KIND_QUOTE,
	MSG_KIND_AUTO_REPLY,
	MSG_KIND_BOUNCE,
	MSG_KIND_BULK,
	MSG_KIND_UNPARSED,
	MSG_KIND_INTERNAL,   /* between our own addresses only: no customer */
	MSG_KIND_ACK,        /* our automatic acknowledgement (rules issue) */
	MSG_KIND_ALERT,      /* our SLA alert (rules issue) */
	MSG_KIND_REMINDER,   /* our payment reminder to a buyer (action = remind-customer) */
	MSG_KIND_COUNT
};

/* "inquiry", "reply", "quote", "auto-reply", "bounce", "bulk", "unparsed",
 * "internal", "ack", "alert", "reminder". */
const char *msg_kind_name(enum msg_kind kind);
/* True for the kinds of the mail followupd itself sends (ack, alert,
 * reminder): on the timeline, but never a contact by a person of ours. */
bool msg_kind_is_own(int kind);
/* Inverse of msg_kind_name; -1 when unknown. */
int msg_kind_from_name(const char *name);
const char *msg_direction_name(enum msg_direction dir); /* "in" / "out" */

/* A platform whose notification mails bring buyers' inquiries (B2B
 * marketplaces): see classify/platform.h. */
struct classify_source {
	const char *name;
	const char *const *senders;      /* NULL-terminated lowercased patterns, '*' any run */
	bool buyer_in_body;              /* else in Reply-To */
	bool acknowledge;
};

struct classify_options {
	const char *const *own_domains;  /* NULL-terminated, e.g. {"example.com", NULL} */
	const char *freemail_list;       /* one domain a line, '#' comments; NULL: builtin_freemail */
	const char *quote_markers;       /* one marker a line; NULL: builtin_quote_markers */
	const psl_ctx_t *psl;            /* borrowed; must outlive the classify */
	const char *const *persons;      /* NULL-terminated addresses of the team's
	                                  * people ([person]), or NULL: none */
	const struct classify_source *sources; /* borrowed: must outlive the classify */
	size_t n_sources;
};

struct classify;

/* 0 on success; -1 with *error_r (static string) on bad options: no
 * options or no psl, an own domain that is no domain name or is a public
 * suffix ("co.uk"), a free-mail entry that is no domain name (a leading
 * '@' is tolerated), a quote marker list that is not UTF-8. An empty
 * own_domains (NULL or {NULL}) is accepted: then no address is ours. The
 * lists are copied; opts need not outlive the call (opts->psl must). */
int classify_new(const struct classify_options *opts, struct classify **cls_r,
                 const char **error_r);
void classify_free(struct classify **cls);

/* Whether addr is an address outside our own domains with a usable
 * domain. */
bool classify_is_external_address(const struct classify *cls, const char *addr);
/* The platform whose notification address sent msg, or NULL. */
const struct classify_source *classify_platform(const struct classify *cls,
                                                const struct parsed_message *msg);

/* Lowercased registrable domain of addr ("mx.acme.co.uk" -> "acme.co.uk"),
 * newly allocated, or NULL when addr has no usable domain.
 * The domain is the part after the last '@', canonicalised first: IDNA
 * validated, Unicode labels ("xn--bcher-kva.de" and "BÜCHER.de" are both
 * "bücher.de"), lowercase, no final dot. A domain with no registrable
 * domain of its own (a public suffix such as "co.uk", an IPv4 address)
 * stands for itself when it contains a dot; a bare host name ("localhost")
 * and a domain literal ("[1.2.3.4]") are unusable: NULL. */
char *classify_registrable_domain(const struct classify *cls, const char *addr);
/* True when addr's registrable domain is one of ours, or its domain is one
 * of ours or a subdomain of one ("sales.example.com" for "example.com"). */
bool classify_is_own_address(const struct classify *cls, const char *addr);
/* True when addr's domain or its registrable domain is on the free-mail
 * list ("x@vip.qq.com", "x@mx.gmail.com"). */
bool classify_is_freemail(const struct classify *cls, const char *addr);
/* Customer key: registrable domain, or the lowercased address for a
 * free-mail domain ("bob.smith@gmail.com": local part lowercased, domain
 * canonical); NULL for our own domains and unusable addresses. New string. */
char *classify_customer_key(const struct classify *cls, const char *addr);

/* OUT when in_sent_folder, or when From is one of our addresses and the
 * message is not a failure notice of our own mail server (a delivery
 * report, a mailer-daemon/postmaster sender, or a null Return-Path or
 * Auto-Submitted with a report or a failure subject): such a notice comes
 * to us, so it is IN. Else IN. */
enum msg_direction classify_direction(const struct classify *cls,
                                      const struct parsed_message *msg,
                                      bool in_sent_folder);

/* The buyer of a web-form mail: a message from an address of our own
 * domains that is no person of ours (the company's web server, a shop
 * system), not forwarded, with a Reply-To outside our domains: the first
 * such Reply-To (into msg), else NULL. Such a message is inbound, from
 * that buyer (classify_direction, classify_counterpart). */
const struct msg_address *classify_web_form_buyer(const struct classify *cls,
                                                  const struct parsed_message *msg);

/* The external party of a message: for inbound mail the sender (for a
 * bounce: the failed recipient when known), for outbound mail the first
 * external recipient in To, then Cc. NULL when there is none (internal
 * mail). Points into msg, or to a static struct for a bounce's recipient
 * (valid while msg lives). Precisely:
 *  - the counterpart is never one of our own addresses, and always has a
 *    usable domain (addresses without one are skipped);
 *  - a bounce (classify_kind() would say BOUNCE) received: the address of
 *    flags.dsn_final_recipient when set and external, with name ""; else
 *    From when external and not mailer-daemon/postmaster (a mail server
 *    is nobody's customer); else NULL;
 *  - for a bounce's recipient the result points to a thread-local struct
 *    whose strings point into msg: valid while msg lives and until the
 *    next classify_counterpart() call in the same thread. Use
 *    classify_find_counterpart() to avoid the static storage. */
const struct msg_address *classify_counterpart(const struct classify *cls,
                                               const struct parsed_message *msg,
                                               enum msg_direction dir);
/* The same counterpart without static storage: fills *counterpart_r (the
 * caller's struct; its strings are borrowed from msg, valid while msg
 * lives) and returns true, or returns false (*counterpart_r zeroed) when
 * there is none. */
bool classify_find_counterpart(const struct classify *cls,
                               const struct parsed_message *msg,
                               enum msg_direction dir,
                               struct msg_address *counterpart_r);

/* Kind from the message alone: AUTO_REPLY, BOUNCE, BULK, QUOTE (outbound
 * with a quotation), INTERNAL (no external party), else REPLY. Inbound
 * REPLY may become INQUIRY by classify_thread_kinds(). UNPARSED when
 * msg->parse_error is set and nothing usable was recovered.
 * Checked in this order, the first that holds decides:
 *  1. UNPARSED: parse_error set and From's address "";
 *  2. BOUNCE: a delivery report (multipart/report; report-type=
 *     delivery-status, or a parsed DSN recipient/status), From local part
 *     mailer-daemon or postmaster (any domain), a null Return-Path with a
 *     report (not a read receipt), or a failure subject ("Undeliverable:",
 *     "退信", ...) with a null Return-Path, a report or Auto-Submitted;
 *  3. AUTO_REPLY: Auto-Submitted other than "no", X-Autoreply/
 *     X-Autorespond, Precedence auto_reply, a read receipt (report-type
 *     disposition-notification), or an out-of-office subject ("Automatic
 *     reply:", "Abwesenheitsnotiz", "自动回复", ...) that does not start
 *     with Re:/Fwd: (a person answering an auto-reply);
 *  4. BOUNCE: a null Return-Path alone (after 3: RFC 3834 auto-replies
 *     use a null Return-Path too);
 *  5. BULK: List-Id, List-Unsubscribe, Precedence bulk/list/junk;
 *  6. INTERNAL: no counterpart (classify_counterpart() NULL), in either
 *     direction: inbound this means no From with a usable outside address
 *     (our own From only comes in as a bounce, caught by 2);
 *  7. QUOTE: outbound and classify_has_quote_marker();
 *  8. REPLY. ACK and ALERT are never returned (the rules issue them). */
enum msg_kind classify_kind(const struct classify *cls,
                            const struct parsed_message *msg,
                            enum msg_direction dir);

/* True when the subject, body or attachments carry a quotation marker.
 * Markers come from the quote marker list, matched as classify/textmatch.h
 * says (case, accents and width ignored; whole words for spaced scripts,
 * substrings for CJK/Thai), in the subject and in body_new (body_text when
 * body_new is NULL; the first 128 KiB). Attachments: any that is not
 * inline and not plumbing (S/MIME or PGP signatures and keys, calendar
 * invitations, vCards, delivery reports) counts, whatever its direction;
 * classify_kind() asks only for outbound mail. */
bool classify_has_quote_marker(const struct classify *cls,
                               const struct parsed_message *msg);
/* Whether msg names a proforma invoice or an order confirmation
 * (data/order_markers.txt) in its subject or new text, as above. */
bool classify_has_order_marker(const struct classify *cls, const struct parsed_message *msg);

/* Subject for threading: reply/forward prefixes (Re:, RE:, Fw:, Fwd:, AW:,
 * WG:, SV:, VS:, RV:, 回复:, 答复:, 转发:, with ':' or '：', "[n]" counters,
 * chains of them) stripped, whitespace folded, case folded. New string.
 * The full list is in classify/subject.c; "(n)" counters, a space before the
 * colon ("RE :") and "[EXT]"/"[External]"-style tags before or between
 * prefixes are stripped too. The result is NFKC-normalised and case-folded
 * (g_utf8_casefold); the subject's first 16 KiB are used. NULL gives "". */
char *classify_subject_normalize(const char *subject);
/* True when the subject starts with a reply prefix (Re:, AW:, 回复: ...),
 * not counting forward prefixes: the first prefix decides ("Fwd: Re: x" is
 * false, "[EXT] Re: x" true). Ambiguous "VS:" counts as a reply. */
bool classify_subject_is_reply(const char *subject);

/* One message of a thread as classify_thread_kinds() sees it. */
struct thread_entry {
	int64_t date;
	int64_t seq;               /* tie-breaker for equal dates (store row id) */
	enum msg_direction dir;
	enum msg_kind intrinsic;   /* from classify_kind() */
	bool has_references;       /* In-Reply-To or References present */
	bool reply_subject;        /* classify_subject_is_reply(subject) */
	enum msg_kind kind;        /* out: the kind on the timeline */
};

/* Assigns entries[i].kind for one thread: the earliest inbound REPLY that
 * starts the thread (nothing before it but non-sales mail), has no
 * references and no reply subject becomes INQUIRY; everything else keeps
 * its intrinsic kind. Order of entries does not matter. Returns the kind
 * of the thread's origin: INQUIRY for a sales thread, else the kind of
 * its first message.
 * Precisely: entries are ordered by (date, seq, position in the array).
 * Sales kinds are REPLY and QUOTE in either direction; the first sales
 * entry decides: it becomes INQUIRY when it is inbound REPLY without
 * references and without a reply subject. The result is that entry's
 * kind (INQUIRY, or e.g. QUOTE/REPLY when we wrote first); without any
 * sales entry, the earliest entry's kind. An intrinsic INQUIRY (a kind
 * stored earlier) is read as an inbound REPLY. Entries with date
 * MSG_DATE_NONE sort first. n == 0 (or entries NULL) returns REPLY. */
enum msg_kind classify_thread_kinds(struct thread_entry *entries, size_t n);

#endif
