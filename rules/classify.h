#ifndef FOLLOWUP_RULES_CLASSIFY_H
#define FOLLOWUP_RULES_CLASSIFY_H
/*
 * classify: what a parsed message is, for the timeline. Pure: no I/O; the
 * public suffix list comes in as an already loaded psl_ctx_t (daemon and
 * CLI load it), the data lists as text.
 *
 *  - direction: out when the sender's registrable domain is one of ours or
 *    the folder is a sent folder, else in;
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
	MSG_KIND_COUNT
};

/* "inquiry", "reply", "quote", "auto-reply", "bounce", "bulk", "unparsed",
 * "internal", "ack", "alert". */
const char *msg_kind_name(enum msg_kind kind);
/* Inverse of msg_kind_name; -1 when unknown. */
int msg_kind_from_name(const char *name);
const char *msg_direction_name(enum msg_direction dir); /* "in" / "out" */

struct classify_options {
	const char *const *own_domains;  /* NULL-terminated, e.g. {"example.com", NULL} */
	const char *freemail_list;       /* one domain a line, '#' comments; NULL: builtin_freemail */
	const char *quote_markers;       /* one marker a line; NULL: builtin_quote_markers */
	const psl_ctx_t *psl;            /* borrowed; must outlive the classify */
};

struct classify;

/* 0 on success; -1 with *error_r (static string) on bad options. */
int classify_new(const struct classify_options *opts, struct classify **cls_r,
                 const char **error_r);
void classify_free(struct classify **cls);

/* Lowercased registrable domain of addr ("mx.acme.co.uk" -> "acme.co.uk"),
 * newly allocated, or NULL when addr has no usable domain. */
char *classify_registrable_domain(const struct classify *cls, const char *addr);
/* True when addr's registrable domain is one of ours. */
bool classify_is_own_address(const struct classify *cls, const char *addr);
bool classify_is_freemail(const struct classify *cls, const char *addr);
/* Customer key: registrable domain, or the lowercased address for a
 * free-mail domain; NULL for our own domains and unusable addresses. */
char *classify_customer_key(const struct classify *cls, const char *addr);

enum msg_direction classify_direction(const struct classify *cls,
                                      const struct parsed_message *msg,
                                      bool in_sent_folder);

/* The external party of a message: for inbound mail the sender (for a
 * bounce: the failed recipient when known), for outbound mail the first
 * external recipient in To, then Cc. NULL when there is none (internal
 * mail). Points into msg, or to a static struct for a bounce's recipient
 * (valid while msg lives). */
const struct msg_address *classify_counterpart(const struct classify *cls,
                                               const struct parsed_message *msg,
                                               enum msg_direction dir);

/* Kind from the message alone: AUTO_REPLY, BOUNCE, BULK, QUOTE (outbound
 * with a quotation), INTERNAL (no external party), else REPLY. Inbound
 * REPLY may become INQUIRY by classify_thread_kinds(). UNPARSED when
 * msg->parse_error is set and nothing usable was recovered. */
enum msg_kind classify_kind(const struct classify *cls,
                            const struct parsed_message *msg,
                            enum msg_direction dir);

/* True when the subject, body or attachments carry a quotation marker. */
bool classify_has_quote_marker(const struct classify *cls,
                               const struct parsed_message *msg);

/* Subject for threading: reply/forward prefixes (Re:, RE:, Fw:, Fwd:, AW:,
 * WG:, SV:, VS:, RV:, 回复:, 答复:, 转发:, with ':' or '：', "[n]" counters,
 * chains of them) stripped, whitespace folded, case folded. New string. */
char *classify_subject_normalize(const char *subject);
/* True when the subject starts with a reply prefix (Re:, AW:, 回复: ...),
 * not counting forward prefixes. */
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
 * its first message. */
enum msg_kind classify_thread_kinds(struct thread_entry *entries, size_t n);

#endif
