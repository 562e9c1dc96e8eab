/* classify: direction, customer key, counterpart and kind of a parsed
 * message (see classify.h). Pure: the public suffix list and the data lists
 * come in through classify_options. */
#include <stdbool.h>
#include <string.h>
#include <glib.h>
#include <libpsl.h>

#include "data/builtin.h"
#include "classify/classify.h"
#include "classify/datalist.h"
#include "classify/subject.h"
#include "classify/textmatch.h"

/* Only the start of a long body is searched for quote markers: the new text
 * of a quotation mail is short, and the work stays bounded. */
#define QUOTE_SCAN_MAX_BYTES (128 * 1024)
#define SUBJECT_SCAN_MAX_BYTES (4 * 1024)
/* Longest local part accepted in a customer key. */
#define LOCAL_PART_MAX_BYTES 256

/* Out-of-office subjects (data, in the data list format): phrases
 * match whole words anywhere in the subject, '^' ones only at its start.
 * Outlook's localised "Automatic reply:" prefixes and the usual
 * hand-written ones. */
static const char auto_reply_subjects[] =
	"out of office\n"
	"out of the office\n"
	"automatic reply\n"
	"auto reply\n"
	"auto-reply\n"
	"autoreply\n"
	"auto-response\n"
	"automatic response\n"
	"vacation reply\n"
	"^auto:\n"
	"^absence:\n"
	"^absent:\n"
	"^abwesend\n"
	"^ooo:\n"
	"abwesenheitsnotiz\n"
	"automatische antwort\n"
	"respuesta automática\n"
	"resposta automática\n"
	"réponse automatique\n"
	"absence du bureau\n"
	"risposta automatica\n"
	"automatisch antwoord\n"
	"automatyczna odpowiedź\n"
	"otomatik yanıt\n"
	"автоматический ответ\n"
	"автоответ\n"
	"自动回复\n"
	"自動回覆\n"
	"自動回复\n"
	"自動応答\n"
	"자동 회신\n"
	"자동 응답\n";

/* Subjects of delivery failure notices; they mark a bounce only together
 * with other evidence (null Return-Path, a report, Auto-Submitted). */
static const char bounce_subjects[] =
	"undelivered mail returned to sender\n"
	"delivery status notification\n"
	"mail delivery failed\n"
	"mail delivery failure\n"
	"delivery failure\n"
	"delivery has failed\n"
	"failure notice\n"
	"undeliverable\n"
	"returned mail\n"
	"unzustellbar\n"
	"non remis\n"
	"no se puede entregar\n"
	"não é possível entregar\n"
	"non recapitabile\n"
	"onbestelbaar\n"
	"退信\n"
	"退回\n"
	"投递失败\n"
	"無法傳遞\n";

/* Attachment types that are plumbing, not documents: a signed or
 * calendar-carrying mail is no quotation because of them. */
static const char *const technical_attachment_types[] = {
	"application/pkcs7-signature",
	"application/x-pkcs7-signature",
	"application/pgp-signature",
	"application/pgp-keys",
	"application/pgp-encrypted",
	"application/ics",
	"text/calendar",
	"text/vcard",
	"text/x-vcard",
	"message/delivery-status",
	"message/disposition-notification",
	"text/rfc822-headers",
};

struct classify {
	const psl_ctx_t *psl;
	GPtrArray *own_domains;      /* canonical domains (char *) */
	GHashTable *freemail;        /* canonical domain -> itself */
	struct textmatch_list *quote_markers;
	struct textmatch_list *order_markers;
	struct textmatch_list *auto_reply_subjects;
	struct textmatch_list *bounce_subjects;
	GHashTable *persons;         /* lowercased address -> itself */
	const struct classify_source *sources; /* borrowed */
	size_t n_sources;
};

/* An address split and canonicalised: see analyze_address(). */
struct address_info {
	char *local;       /* as written */
	char *domain;      /* canonical: lowercase, Unicode labels, no final dot */
	char *registrable; /* registrable domain, or the domain (see classify.h) */
};

/* ---------------------------------------------------------------- names */

static const char *const kind_names[MSG_KIND_COUNT] = {
	[MSG_KIND_INQUIRY] = "inquiry",
	[MSG_KIND_REPLY] = "reply",
	[MSG_KIND_QUOTE] = "quote",
	[MSG_KIND_AUTO_REPLY] = "auto-reply",
	[MSG_KIND_BOUNCE] = "bounce",
	[MSG_KIND_BULK] = "bulk",
	[MSG_KIND_UNPARSED] = "unparsed",
	[MSG_KIND_INTERNAL] = "internal",
	[MSG_KIND_ACK] = "ack",
	[MSG_KIND_ALERT] = "alert",
	[MSG_KIND_REMINDER] = "reminder",
};

const char *msg_kind_name(enum msg_kind kind)
{
	if ((unsigned int)kind >= MSG_KIND_COUNT)
		return "unknown";
	return kind_names[kind];
}

bool msg_kind_is_own(int kind)
{
	return kind == MSG_KIND_ACK || kind == MSG_KIND_ALERT || kind == MSG_KIND_REMINDER;
}

int msg_kind_from_name(const char *name)
{
	if (name == NULL)
		return -1;
	for (int kind = 0; kind < MSG_KIND_COUNT; kind++) {
		if (strcmp(kind_names[kind], name) == 0)
			return kind;
	}
	return -1;
}

const char *msg_direction_name(enum msg_direction dir)
{
	switch (dir) {
	case MSG_DIR_IN:
		return "in";
	case MSG_DIR_OUT:
		return "out";
	}
	return "unknown";
}

/* -------------------------------------------------------------- domains */

/* A lowercase copy by Unicode rules, the same in every locale. */
static char *utf8_lower(const char *text)
{
	char *lower = NULL;
	if (!g_utf8_validate(text, -1, NULL) ||
	    psl_str_to_utf8lower(text, "utf-8", NULL, &lower) != PSL_SUCCESS ||
	    lower == NULL)
		return NULL;
	char *copy = g_strdup(lower);
	psl_free_string(lower);
	return copy;
}

static bool is_host_char(char c)
{
	return g_ascii_islower(c) || g_ascii_isdigit(c) || c == '-' || c == '_';
}

/* An A-label (ASCII) host name: labels of 1..63 host characters. */
static bool is_valid_ascii_host(const char *host)
{
	size_t len = strlen(host);
	if (len == 0 || len > 253)
		return false;

	size_t label_len = 0;
	for (const char *p = host; *p != '\0'; p++) {
		if (*p == '.') {
			if (label_len == 0)
				return false;
			label_len = 0;
			continue;
		}
		if (!is_host_char(*p) || ++label_len > 63)
			return false;
	}
	return label_len > 0;
}

/* A U-label host name decoded from a valid A-label one: no empty labels,
 * nothing unprintable (punycode can encode anything). */
static bool is_valid_unicode_host(const char *host)
{
	bool label_empty = true;
	for (const char *p = host; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c == '.') {
			if (label_empty)
				return false;
			label_empty = true;
			continue;
		}
		if (c < 0x80 ? !is_host_char((char)c) : !g_unichar_isgraph(c))
			return false;
		label_empty = false;
	}
	return !label_empty;
}

/* Canonical form of a domain, so that "Bücher.DE", "xn--bcher-kva.de" and
 * "bücher.de." are one customer: IDNA to ASCII (which validates and
 * nameprep-folds), back to Unicode, lowercased. NULL when it is no host
 * name (domain literals "[1.2.3.4]" included). */
static char *canonical_domain(const char *domain)
{
	char *ascii = NULL, *unicode = NULL, *canonical = NULL;

	if (!g_utf8_validate(domain, -1, NULL) || domain[0] == '[')
		goto out;
	ascii = g_hostname_to_ascii(domain);
	if (ascii == NULL)
		goto out;
	for (char *p = ascii; *p != '\0'; p++)
		*p = g_ascii_tolower(*p);
	size_t len = strlen(ascii);
	if (len > 1 && ascii[len - 1] == '.')
		ascii[len - 1] = '\0';
	if (!is_valid_ascii_host(ascii))
		goto out;

	unicode = g_hostname_to_unicode(ascii);
	if (unicode == NULL)
		goto out;
	canonical = utf8_lower(unicode);
	if (canonical != NULL && !is_valid_unicode_host(canonical))
		g_clear_pointer(&canonical, g_free);
out:
	g_free(ascii);
	g_free(unicode);
	return canonical;
}

/* "1.2.3.4": top-level labels are never all digits, so this is an IPv4
 * address, whose last two numbers the PSL would call a domain. */
static bool ends_in_numeric_label(const char *domain)
{
	const char *dot = strrchr(domain, '.');
	const char *label = dot != NULL ? dot + 1 : domain;
	if (*label == '\0')
		return false;
	for (const char *p = label; *p != '\0'; p++) {
		if (!g_ascii_isdigit(*p))
			return false;
	}
	return true;
}

/* The registrable domain of a canonical domain; a domain without one (a
 * public suffix itself, an IPv4 address) stands for itself when it has a
 * dot; else (a bare host name such as "localhost") NULL. */
static char *registrable_of(const struct classify *cls, const char *domain)
{
	if (!ends_in_numeric_label(domain)) {
		const char *registrable = psl_registrable_domain(cls->psl, domain);
		if (registrable != NULL)
			return g_strdup(registrable);
	}
	return strchr(domain, '.') != NULL ? g_strdup(domain) : NULL;
}

static void address_info_clear(struct address_info *info)
{
	g_free(info->local);
	g_free(info->domain);
	g_free(info->registrable);
	memset(info, 0, sizeof(*info));
}

/* Splits addr at its last '@' and canonicalises the domain. 0 on success,
 * -1 (info cleared) when the address has no usable domain. */
static int analyze_address(const struct classify *cls, const char *addr,
                           struct address_info *info_r)
{
	memset(info_r, 0, sizeof(*info_r));
	if (addr == NULL)
		return -1;
	const char *at = strrchr(addr, '@');
	if (at == NULL)
		return -1;

	info_r->local = g_strndup(addr, (size_t)(at - addr));
	info_r->domain = canonical_domain(at + 1);
	if (info_r->domain != NULL)
		info_r->registrable = registrable_of(cls, info_r->domain);
	if (info_r->registrable == NULL) {
		address_info_clear(info_r);
		return -1;
	}
	return 0;
}

/* domain is own_domain or one of its subdomains */
static bool domain_within(const char *domain, const char *own_domain)
{
	size_t len = strlen(domain), own_len = strlen(own_domain);
	if (len == own_len)
		return strcmp(domain, own_domain) == 0;
	return len > own_len && domain[len - own_len - 1] == '.' &&
	       strcmp(domain + len - own_len, own_domain) == 0;
}

static bool info_is_own(const struct classify *cls, const struct address_info *info)
{
	for (guint i = 0; i < cls->own_domains->len; i++) {
		const char *own = g_ptr_array_index(cls->own_domains, i);
		if (strcmp(info->registrable, own) == 0 || domain_within(info->domain, own))
			return true;
	}
	return false;
}

static bool info_is_freemail(const struct classify *cls, const struct address_info *info)
{
	return g_hash_table_contains(cls->freemail, info->domain) ||
	       g_hash_table_contains(cls->freemail, info->registrable);
}

char *classify_registrable_domain(const struct classify *cls, const char *addr)
{
	struct address_info info;
	if (analyze_address(cls, addr, &info) < 0)
		return NULL;
	char *registrable = g_steal_pointer(&info.registrable);
	address_info_clear(&info);
	return registrable;
}

bool classify_is_own_address(const struct classify *cls, const char *addr)
{
	struct address_info info;
	if (analyze_address(cls, addr, &info) < 0)
		return false;
	bool own = info_is_own(cls, &info);
	address_info_clear(&info);
	return own;
}

bool classify_is_freemail(const struct classify *cls, const char *addr)
{
	struct address_info info;
	if (analyze_address(cls, addr, &info) < 0)
		return false;
	bool freemail = info_is_freemail(cls, &info);
	address_info_clear(&info);
	return freemail;
}

static bool is_usable_local_part(const char *local)
{
	size_t len = strlen(local);
	if (len == 0 || len > LOCAL_PART_MAX_BYTES || !g_utf8_validate(local, -1, NULL))
		return false;
	for (const char *p = local; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_iscntrl(c) || g_unichar_isspace(c))
			return false;
	}
	return true;
}

/* A free-mail customer is the mailbox: lowercased local part, '@',
 * canonical domain. */
static char *freemail_key(const struct address_info *info)
{
	if (!is_usable_local_part(info->local))
		return NULL;
	char *local = utf8_lower(info->local);
	if (local == NULL)
		return NULL;
	char *key = g_strconcat(local, "@", info->domain, NULL);
	g_free(local);
	return key;
}

char *classify_customer_key(const struct classify *cls, const char *addr)
{
	struct address_info info;
	char *key = NULL;

	if (analyze_address(cls, addr, &info) < 0)
		return NULL;
	if (info_is_own(cls, &info))
		goto out;
	if (info_is_freemail(cls, &info))
		key = freemail_key(&info);
	else
		key = g_steal_pointer(&info.registrable);
out:
	address_info_clear(&info);
	return key;
}

/* An address that can stand for a customer: a usable domain, not ours. */
static bool is_external_address(const struct classify *cls, const char *addr)
{
	struct address_info info;
	if (analyze_address(cls, addr, &info) < 0)
		return false;
	bool external = !info_is_own(cls, &info);
	address_info_clear(&info);
	return external;
}

bool classify_is_external_address(const struct classify *cls, const char *addr)
{
	return is_external_address(cls, addr);
}

const struct classify_source *classify_platform(const struct classify *cls,
                                                const struct parsed_message *msg)
{
	const struct classify_source *found = NULL;
	char *from;

	if (cls == NULL || msg == NULL || msg->from.addr == NULL || cls->n_sources == 0)
		return NULL;
	from = g_ascii_strdown(msg->from.addr, -1);
	for (size_t i = 0; i < cls->n_sources && found == NULL; i++) {
		const char *const *senders = cls->sources[i].senders;
		for (size_t j = 0; senders != NULL && senders[j] != NULL; j++) {
			if (g_pattern_match_simple(senders[j], from)) {
				found = &cls->sources[i];
				break;
			}
		}
	}
	g_free(from);
	return found;
}

/* ------------------------------------------------------------ evidence */

/* The first token of a header value: "auto-replied; owner=x" -> equal to
 * "auto-replied". The parser lowercases values; case is ignored anyway. */
static bool header_token_is(const char *value, const char *token)
{
	while (*value == ' ' || *value == '\t')
		value++;
	size_t len = strlen(token);
	if (g_ascii_strncasecmp(value, token, len) != 0)
		return false;
	char next = value[len];
	return next == '\0' || next == ';' || next == ' ' || next == '\t' ||
	       next == '\r' || next == '\n';
}

static bool header_token_empty(const char *value)
{
	value += strspn(value, " \t\r\n");
	return *value == '\0' || *value == ';';
}

static bool is_mailer_daemon_address(const char *addr)
{
	if (addr == NULL)
		return false;
	const char *at = strrchr(addr, '@');
	size_t len = at != NULL ? (size_t)(at - addr) : strlen(addr);
	return (len == strlen("mailer-daemon") &&
	        g_ascii_strncasecmp(addr, "mailer-daemon", len) == 0) ||
	       (len == strlen("postmaster") &&
	        g_ascii_strncasecmp(addr, "postmaster", len) == 0);
}

static bool report_type_is(const struct msg_flags *flags, const char *type)
{
	return flags->is_report && flags->report_type != NULL &&
	       g_ascii_strcasecmp(flags->report_type, type) == 0;
}

/* Delivery status carried in the message itself. */
static bool has_delivery_status(const struct msg_flags *flags)
{
	return report_type_is(flags, "delivery-status") ||
	       flags->dsn_final_recipient != NULL || flags->dsn_status != NULL;
}

static bool is_auto_submitted(const struct msg_flags *flags)
{
	return flags->auto_submitted != NULL &&
	       !header_token_empty(flags->auto_submitted) &&
	       !header_token_is(flags->auto_submitted, "no");
}

static bool subject_matches(const struct textmatch_list *list, const char *subject)
{
	char *folded = textmatch_fold(subject, SUBJECT_SCAN_MAX_BYTES);
	bool found = textmatch_list_find(list, folded);
	g_free(folded);
	return found;
}

/* Evidence no mail server adds to a person's mail: a delivery report, a
 * mailer-daemon sender, or a null Return-Path or Auto-Submitted together
 * with a report or a failure subject. */
static bool is_clear_bounce(const struct classify *cls, const struct parsed_message *msg)
{
	const struct msg_flags *flags = &msg->flags;

	if (has_delivery_status(flags) || is_mailer_daemon_address(msg->from.addr))
		return true;
	if (flags->null_return_path && flags->is_report &&
	    !report_type_is(flags, "disposition-notification"))
		return true;
	return (flags->null_return_path || flags->is_report || is_auto_submitted(flags)) &&
	       subject_matches(cls->bounce_subjects, msg->subject);
}

/* A subject that starts with Re:/Fwd: was written by a person answering
 * or passing on an auto-reply, not by the auto-responder. */
static bool has_auto_reply_subject(const struct classify *cls, const char *subject)
{
	if (subject_first_prefix(subject) != SUBJECT_PREFIX_NONE)
		return false;
	return subject_matches(cls->auto_reply_subjects, subject);
}

static bool is_auto_reply(const struct classify *cls, const struct parsed_message *msg)
{
	const struct msg_flags *flags = &msg->flags;

	return is_auto_submitted(flags) || flags->x_autoreply ||
	       (flags->precedence != NULL && header_token_is(flags->precedence, "auto_reply")) ||
	       report_type_is(flags, "disposition-notification") ||
	       has_auto_reply_subject(cls, msg->subject);
}

static bool is_bulk(const struct parsed_message *msg)
{
	const char *precedence = msg->flags.precedence;

	return msg->flags.has_list_id || msg->flags.has_list_unsubscribe ||
	       (precedence != NULL && (header_token_is(precedence, "bulk") ||
	                               header_token_is(precedence, "list") ||
	                               header_token_is(precedence, "junk")));
}

static bool is_unparsed(const struct parsed_message *msg)
{
	return msg->parse_error != NULL &&
	       (msg->from.addr == NULL || msg->from.addr[0] == '\0');
}

/* The kinds a message's headers decide on their own, in order of
 * precedence; MSG_KIND_REPLY when they decide nothing. A null Return-Path
 * alone marks a bounce, but only after the auto-reply checks: RFC 3834
 * asks auto-responders to send with a null Return-Path too. */
static enum msg_kind header_kind(const struct classify *cls,
                                 const struct parsed_message *msg)
{
	if (is_unparsed(msg))
		return MSG_KIND_UNPARSED;
	if (is_clear_bounce(cls, msg))
		return MSG_KIND_BOUNCE;
	if (is_auto_reply(cls, msg))
		return MSG_KIND_AUTO_REPLY;
	if (msg->flags.null_return_path)
		return MSG_KIND_BOUNCE;
	if (is_bulk(msg))
		return MSG_KIND_BULK;
	return MSG_KIND_REPLY;
}

/* ----------------------------------------------------- direction, party */

/* A colleague's forward (parsers: msg->forwarded) of a message from
 * outside. An outside sender forwarding something stays the counterpart:
 * a distributor passing on an end buyer's mail is our customer. */
static bool is_forwarded_from_outside(const struct classify *cls,
                                      const struct parsed_message *msg)
{
	return msg->forwarded && msg->original_from.addr != NULL &&
	       is_external_address(cls, msg->original_from.addr) &&
	       classify_is_own_address(cls, msg->from.addr);
}

static const struct msg_address *
first_external(const struct classify *cls, const struct msg_address_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		if (is_external_address(cls, list->items[i].addr))
			return &list->items[i];
	}
	return NULL;
}

static bool is_person(const struct classify *cls, const char *addr)
{
	char *lower;
	bool found;

	if (addr == NULL)
		return false;
	lower = g_ascii_strdown(addr, -1);
	found = g_hash_table_contains(cls->persons, lower);
	g_free(lower);
	return found;
}

const struct msg_address *classify_web_form_buyer(const struct classify *cls,
                                                  const struct parsed_message *msg)
{
	if (cls == NULL || msg == NULL || !classify_is_own_address(cls, msg->from.addr) ||
	    is_person(cls, msg->from.addr) || is_forwarded_from_outside(cls, msg))
		return NULL;
	return first_external(cls, &msg->reply_to);
}

enum msg_direction classify_direction(const struct classify *cls,
                                      const struct parsed_message *msg,
                                      bool in_sent_folder)
{
	if (in_sent_folder)
		return MSG_DIR_OUT;
	if (msg == NULL || !classify_is_own_address(cls, msg->from.addr))
		return MSG_DIR_IN;
	/* A colleague forwarding a buyer's mail to the team files the
	 * buyer's message: inbound, from the original sender. */
	if (is_forwarded_from_outside(cls, msg))
		return MSG_DIR_IN;
	/* our own mail server's failure notices come to us */
	if (is_clear_bounce(cls, msg))
		return MSG_DIR_IN;
	/* the company's web form writes for a buyer */
	if (classify_web_form_buyer(cls, msg) != NULL)
		return MSG_DIR_IN;
	return MSG_DIR_OUT;
}

/* The counterpart as one of msg's address structs, or NULL; for a bounce
 * whose report names an outside failed recipient, NULL with
 * *bounce_recipient_r set to that address (inside msg). is_bounce: msg's
 * header kind is BOUNCE (callers that know it need not compute it twice). */
static const struct msg_address *
find_counterpart(const struct classify *cls, const struct parsed_message *msg,
                 enum msg_direction dir, bool is_bounce,
                 const char **bounce_recipient_r)
{
	*bounce_recipient_r = NULL;
	if (dir == MSG_DIR_OUT) {
		const struct msg_address *found = first_external(cls, &msg->to);
		return found != NULL ? found : first_external(cls, &msg->cc);
	}
	if (is_forwarded_from_outside(cls, msg))
		return &msg->original_from;
	const struct msg_address *buyer = classify_web_form_buyer(cls, msg);
	if (buyer != NULL)
		return buyer;
	if (is_bounce) {
		const char *recipient = msg->flags.dsn_final_recipient;
		if (recipient != NULL && is_external_address(cls, recipient)) {
			*bounce_recipient_r = recipient;
			return NULL;
		}
		/* a mail server is nobody's customer */
		if (is_mailer_daemon_address(msg->from.addr))
			return NULL;
	}
	return is_external_address(cls, msg->from.addr) ? &msg->from : NULL;
}

/* The empty display name of a counterpart made from a bounce's report. */
static char no_name[] = "";

bool classify_find_counterpart(const struct classify *cls,
                               const struct parsed_message *msg,
                               enum msg_direction dir,
                               struct msg_address *counterpart_r)
{
	const char *bounce_recipient;

	memset(counterpart_r, 0, sizeof(*counterpart_r));
	if (msg == NULL)
		return false;
	bool is_bounce = dir == MSG_DIR_IN && header_kind(cls, msg) == MSG_KIND_BOUNCE;
	const struct msg_address *found =
		find_counterpart(cls, msg, dir, is_bounce, &bounce_recipient);
	if (found != NULL) {
		*counterpart_r = *found;
		return true;
	}
	if (bounce_recipient != NULL) {
		counterpart_r->name = no_name;
		counterpart_r->addr = msg->flags.dsn_final_recipient;
		return true;
	}
	return false;
}

const struct msg_address *classify_counterpart(const struct classify *cls,
                                               const struct parsed_message *msg,
                                               enum msg_direction dir)
{
	/* see classify.h for the lifetime; thread-local so that ingest
	 * threads do not overwrite each other's */
	static _Thread_local struct msg_address bounce_counterpart;
	const char *bounce_recipient;

	if (msg == NULL)
		return NULL;
	bool is_bounce = dir == MSG_DIR_IN && header_kind(cls, msg) == MSG_KIND_BOUNCE;
	const struct msg_address *found =
		find_counterpart(cls, msg, dir, is_bounce, &bounce_recipient);
	if (found != NULL || bounce_recipient == NULL)
		return found;
	bounce_counterpart.name = no_name;
	bounce_counterpart.addr = msg->flags.dsn_final_recipient;
	return &bounce_counterpart;
}

/* ----------------------------------------------------------------- kind */

static bool is_technical_attachment(const struct msg_attachment *attachment)
{
	if (attachment->content_type == NULL)
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(technical_attachment_types); i++) {
		if (g_ascii_strcasecmp(attachment->content_type,
		                       technical_attachment_types[i]) == 0)
			return true;
	}
	return false;
}

/* Outbound mail to a customer with a document attached is how a
 * quotation travels (the spec: "an attachment, or a subject or body
 * marker"); inline images and signatures are not documents. */
static bool has_document_attachment(const struct parsed_message *msg)
{
	for (size_t i = 0; i < msg->n_attachments; i++) {
		const struct msg_attachment *attachment = &msg->attachments[i];
		if (!attachment->is_inline && !is_technical_attachment(attachment))
			return true;
	}
	return false;
}

static bool text_has_marker(const struct textmatch_list *markers, const char *text,
                            size_t max_bytes)
{
	if (text == NULL || text[0] == '\0')
		return false;
	char *folded = textmatch_fold(text, max_bytes);
	bool found = textmatch_list_find(markers, folded);
	g_free(folded);
	return found;
}

/* A marker in the subject (not under a reply prefix: there the subject is
 * the customer's own words, "RE: Request for quotation") or in our new
 * text. */
static bool has_marker(const struct textmatch_list *markers, const struct parsed_message *msg)
{
	if (!classify_subject_is_reply(msg->subject) &&
	    text_has_marker(markers, msg->subject, SUBJECT_SCAN_MAX_BYTES))
		return true;
	const char *body = msg->body_new != NULL ? msg->body_new : msg->body_text;
	return text_has_marker(markers, body, QUOTE_SCAN_MAX_BYTES);
}

bool classify_has_quote_marker(const struct classify *cls,
                               const struct parsed_message *msg)
{
	if (msg == NULL)
		return false;
	if (has_document_attachment(msg))
		return true;
	/* Under a reply prefix the subject is the customer's own words
	 * ("RE: Request for quotation"): only our new text can say we quoted. */
	return has_marker(cls->quote_markers, msg);
}

bool classify_has_order_marker(const struct classify *cls, const struct parsed_message *msg)
{
	return msg != NULL && has_marker(cls->order_markers, msg);
}

enum msg_kind classify_kind(const struct classify *cls,
                            const struct parsed_message *msg,
                            enum msg_direction dir)
{
	if (msg == NULL)
		return MSG_KIND_UNPARSED;
	enum msg_kind kind = header_kind(cls, msg);
	if (kind != MSG_KIND_REPLY)
		return kind;
	/* inbound mail without an outside sender (no From, or one without a
	 * domain, e.g. a local cron job's) has no customer either */
	const char *bounce_recipient;
	if (find_counterpart(cls, msg, dir, false, &bounce_recipient) == NULL)
		return MSG_KIND_INTERNAL;
	if (dir == MSG_DIR_OUT && classify_has_quote_marker(cls, msg))
		return MSG_KIND_QUOTE;
	return MSG_KIND_REPLY;
}

/* ------------------------------------------------------- thread kinds */

static bool is_sales_kind(enum msg_kind kind)
{
	return kind == MSG_KIND_INQUIRY || kind == MSG_KIND_REPLY ||
	       kind == MSG_KIND_QUOTE;
}

static int compare_entries(const void *a, const void *b)
{
	const struct thread_entry *x = *(const struct thread_entry *const *)a;
	const struct thread_entry *y = *(const struct thread_entry *const *)b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	/* same array: keeps equal entries in input order, deterministically */
	return x < y ? -1 : (x > y ? 1 : 0);
}

/* An INQUIRY passed back in (a kind stored by an earlier run) is an
 * inbound reply until this run finds again that it starts the thread. */
static enum msg_kind intrinsic_kind(const struct thread_entry *entry)
{
	return entry->intrinsic == MSG_KIND_INQUIRY ? MSG_KIND_REPLY : entry->intrinsic;
}

static bool starts_inquiry(const struct thread_entry *entry)
{
	return entry->dir == MSG_DIR_IN && intrinsic_kind(entry) == MSG_KIND_REPLY &&
	       !entry->has_references && !entry->reply_subject;
}

enum msg_kind classify_thread_kinds(struct thread_entry *entries, size_t n)
{
	if (entries == NULL || n == 0)
		return MSG_KIND_REPLY;

	struct thread_entry **order = g_new(struct thread_entry *, n);
	for (size_t i = 0; i < n; i++) {
		entries[i].kind = intrinsic_kind(&entries[i]);
		order[i] = &entries[i];
	}
	qsort(order, n, sizeof(*order), compare_entries);

	enum msg_kind origin = order[0]->kind;
	for (size_t i = 0; i < n; i++) {
		if (!is_sales_kind(order[i]->kind))
			continue;
		if (starts_inquiry(order[i]))
			order[i]->kind = MSG_KIND_INQUIRY;
		origin = order[i]->kind;
		break;
	}
	g_free(order);
	return origin;
}

/* ------------------------------------------------------------ lifecycle */

static int add_own_domain(struct classify *cls, const char *domain,
                          const char **error_r)
{
	char *canonical = canonical_domain(domain);
	if (canonical == NULL) {
		*error_r = "classify: own domain is not a valid domain name";
		return -1;
	}
	/* "co.uk" as our domain would make every British customer ours */
	if (psl_is_public_suffix2(cls->psl, canonical,
	                          PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE)) {
		g_free(canonical);
		*error_r = "classify: own domain is a public suffix (e.g. co.uk), not a company domain";
		return -1;
	}
	g_ptr_array_add(cls->own_domains, canonical);
	return 0;
}

static int add_freemail_domain(const char *entry, void *context)
{
	GHashTable *freemail = context;
	/* tolerate "@gmail.com" */
	char *canonical = canonical_domain(entry[0] == '@' ? entry + 1 : entry);
	if (canonical == NULL)
		return -1;
	g_hash_table_add(freemail, canonical);
	return 0;
}

static int load_lists(struct classify *cls, const struct classify_options *opts,
                      const char **error_r)
{
	const char *freemail = opts->freemail_list != NULL ?
		opts->freemail_list : builtin_freemail;
	const char *markers = opts->quote_markers != NULL ?
		opts->quote_markers : builtin_quote_markers;

	if (datalist_foreach(freemail, add_freemail_domain, cls->freemail) < 0) {
		*error_r = "classify: the free-mail list has an entry that is not a domain name";
		return -1;
	}
	if (textmatch_list_add_lines(cls->quote_markers, markers) < 0) {
		*error_r = "classify: the quote marker list is not valid UTF-8";
		return -1;
	}
	if (textmatch_list_add_lines(cls->order_markers, builtin_order_markers) < 0) {
		*error_r = "classify: the order marker list is not valid UTF-8";
		return -1;
	}
	/* our own tables: a failure here is a bug in this file */
	if (textmatch_list_add_lines(cls->auto_reply_subjects, auto_reply_subjects) < 0 ||
	    textmatch_list_add_lines(cls->bounce_subjects, bounce_subjects) < 0) {
		*error_r = "classify: internal subject tables are invalid";
		return -1;
	}
	return 0;
}

int classify_new(const struct classify_options *opts, struct classify **cls_r,
                 const char **error_r)
{
	struct classify *cls = NULL;
	int ret = -1;

	*cls_r = NULL;
	if (opts == NULL) {
		*error_r = "classify: no options";
		goto out;
	}
	if (opts->psl == NULL) {
		*error_r = "classify: no public suffix list";
		goto out;
	}

	cls = g_new0(struct classify, 1);
	cls->psl = opts->psl;
	cls->own_domains = g_ptr_array_new_with_free_func(g_free);
	cls->freemail = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	cls->quote_markers = textmatch_list_new();
	cls->order_markers = textmatch_list_new();
	cls->auto_reply_subjects = textmatch_list_new();
	cls->bounce_subjects = textmatch_list_new();
	cls->persons = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	cls->sources = opts->sources;
	cls->n_sources = opts->n_sources;
	for (size_t i = 0; opts->persons != NULL && opts->persons[i] != NULL; i++) {
		char *addr = g_ascii_strdown(opts->persons[i], -1);
		g_hash_table_add(cls->persons, addr);
	}

	for (size_t i = 0; opts->own_domains != NULL && opts->own_domains[i] != NULL; i++) {
		if (add_own_domain(cls, opts->own_domains[i], error_r) < 0)
			goto out;
	}
	if (load_lists(cls, opts, error_r) < 0)
		goto out;

	*cls_r = g_steal_pointer(&cls);
	ret = 0;
out:
	classify_free(&cls);
	return ret;
}

void classify_free(struct classify **cls)
{
	if (*cls == NULL)
		return;
	g_ptr_array_free((*cls)->own_domains, TRUE);
	g_hash_table_destroy((*cls)->freemail);
	if ((*cls)->persons != NULL)
		g_hash_table_destroy((*cls)->persons);
	textmatch_list_free(&(*cls)->quote_markers);
	textmatch_list_free(&(*cls)->order_markers);
	textmatch_list_free(&(*cls)->auto_reply_subjects);
	textmatch_list_free(&(*cls)->bounce_subjects);
	g_free(*cls);
	*cls = NULL;
}
