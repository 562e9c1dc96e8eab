#ifndef FOLLOWUP_PARSERS_MESSAGE_H
#define FOLLOWUP_PARSERS_MESSAGE_H
/*
 * message: one raw RFC 5322 message in, one struct parsed_message out.
 *
 * Pure: no I/O, no global state besides GMime's own (message_parser_init()
 * once per process) and the quote rules compiled on first use (quote.h,
 * thread-safe): parsing may run on several threads at once. Every string
 * in a parsed_message is valid UTF-8 and NUL-terminated; the struct and
 * everything it points to is owned by the caller and released with
 * message_free(). Allocation is GLib's (g_malloc), which aborts on
 * exhaustion like the rest of followup.
 *
 * Hostile input never makes message_parse() fail outright: it always returns
 * a parsed_message, with whatever could be recovered, and sets
 * parse_error when something could not be understood (the caller then
 * stores the message as kind "unparsed" but still files it). Work and
 * memory are bounded by message_parse_options (limits_hit says what was
 * cut) and by parsers/mime_guard.h; a message with bare CR line ends is
 * read as if they were LF; a multipart whose boundary never comes keeps
 * its text as the body.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An address as written in a header: display name decoded to UTF-8 (may be
 * ""), address lowercased in its domain part and stripped of <>. */
struct msg_address {
	char *name;
	char *addr;
};

struct msg_address_list {
	struct msg_address *items;
	size_t count;
};

struct msg_attachment {
	char *filename;      /* decoded (RFC 2047/2231), "" when none */
	char *content_type;  /* "application/pdf", lowercased */
	uint64_t size;       /* decoded size in bytes */
	bool is_inline;      /* Content-Disposition: inline with a Content-ID (e.g. an image in HTML);
	                        a part with a Content-ID and no Content-Disposition
	                        (multipart/related) counts as inline too */
};

/* Header facts the classifier needs (classify/classify.c): kept raw-ish and
 * small, so the classifier stays a pure function of this struct. */
struct msg_flags {
	char *auto_submitted;        /* value of Auto-Submitted, lowercased, NULL when absent */
	char *precedence;            /* Precedence, lowercased, NULL when absent */
	char *x_auto_response_suppress; /* NULL when absent */
	bool has_list_id;
	bool has_list_unsubscribe;
	bool has_list_header;        /* any List-* header */
	bool x_autoreply;            /* X-Autoreply / X-Autorespond present */
	bool is_report;              /* Content-Type multipart/report */
	char *report_type;           /* report-type parameter, lowercased, or NULL */
	bool has_return_path;
	bool null_return_path;       /* Return-Path: <> */
	char *dsn_final_recipient;   /* from a message/delivery-status part, address only, or NULL */
	char *dsn_status;            /* e.g. "5.1.1", or NULL */
	char *dsn_original_message_id; /* Message-ID of the returned message, without <>, or NULL */
	bool is_calendar;            /* carries text/calendar or application/ics */
	char *calendar_method;       /* that part's iTIP method, uppercase ("REQUEST",
	                                "CANCEL", "REPLY"...): its method parameter,
	                                else its METHOD: line; NULL when neither */
};

struct parsed_message {
	char *message_id;         /* without <>; never NULL */
	bool message_id_derived;  /* true when the message had none and message_id
	                             was derived: "<sha256 hex>@followup.invalid" */
	char *in_reply_to;        /* first msg-id of In-Reply-To, without <>, or NULL */
	char **references;        /* msg-ids of References, oldest first, without <>;
	                             NULL-terminated, never NULL (g_strfreev-able) */
	size_t n_references;

	int64_t date;             /* Date: as Unix seconds UTC, or MSG_DATE_NONE */
	bool date_valid;

	struct msg_address from;  /* addr "" when there is no usable From */
	struct msg_address sender;  /* Sender:, addr "" when absent */
	struct msg_address_list reply_to;
	struct msg_address_list to;
	struct msg_address_list cc;
	char *return_path;        /* address inside Return-Path, "" for <>, NULL when absent */

	char *subject;            /* decoded, whitespace-folded, "" when absent */
	char *body_text;          /* the full text body (text/plain preferred, else HTML made readable) */
	bool body_from_html;
	char *body_new;           /* what the sender wrote in this message: body_text
	                             without quoted history, signature and closing
	                             (parsers/quote.h); for a forward without a note,
	                             the forwarded message's own new text */

	/* Every leaf part that is not the body, in document order: files,
	 * forwarded messages, winmail.dat, inline pictures (is_inline). Not
	 * the signature part of multipart/signed (application/pgp-signature,
	 * pkcs7-signature) nor the version part of multipart/encrypted. */
	struct msg_attachment *attachments;
	size_t n_attachments;

	struct msg_flags flags;

	/* Essentially a forward: a forwarded message (a message/rfc822 part,
	 * or an inline "---------- Forwarded message ---------" block with
	 * its From: line) that the sender added no more than a short note to,
	 * or that the subject calls a forward ("Fwd:", "WG:", "转发：").
	 * Delivery reports are never forwards. */
	bool forwarded;
	struct msg_address original_from; /* the forwarded message's From; name and
	                                     addr "" when not forwarded or unknown */
	char *original_subject;   /* its subject, decoded; NULL when not forwarded */

	char *parse_error;        /* NULL when the message parsed cleanly; also set
	                             when MSG_LIMIT_DEPTH or MSG_LIMIT_PARTS is hit */
	unsigned limits_hit;      /* MSG_LIMIT_* bits: which limits of
	                             message_parse_options cut something */
};

#define MSG_DATE_NONE INT64_MIN

/*
 * limits_hit bits. Each means some of the message was not looked at (it
 * stays in the raw message, so a reparse with higher limits recovers it):
 *
 * MSG_LIMIT_DEPTH   MIME nesting deeper than max_mime_depth (forwarded
 *                   messages count as levels): the deeper parts were skipped.
 * MSG_LIMIT_PARTS   more than max_parts MIME parts: the later ones were
 *                   skipped, and GMime was given the message only up to the
 *                   line starting the first part beyond the limit.
 * MSG_LIMIT_HEADER  a header field longer than max_header_bytes was cut to
 *                   that length (at a character boundary), or a header
 *                   block held more than MSG_MAX_BLOCK_FIELDS fields (the
 *                   whole message more than MSG_MAX_TOTAL_FIELDS) and the
 *                   later ones were dropped.
 * MSG_LIMIT_BODY    the body text was longer than max_body_text and was cut
 *                   (at a character boundary); at most twice max_body_text
 *                   bytes of the body part are decoded at all.
 */
#define MSG_LIMIT_DEPTH  (1u << 0)
#define MSG_LIMIT_PARTS  (1u << 1)
#define MSG_LIMIT_HEADER (1u << 2)
#define MSG_LIMIT_BODY   (1u << 3)

#define MSG_DEFAULT_MAX_MIME_DEPTH 64
#define MSG_DEFAULT_MAX_PARTS 10000
#define MSG_DEFAULT_MAX_HEADER_BYTES (256u * 1024)
#define MSG_DEFAULT_MAX_BODY_TEXT (4u * 1024 * 1024)
/* Header fields per header block, and in the whole message. */
#define MSG_MAX_BLOCK_FIELDS 2000
#define MSG_MAX_TOTAL_FIELDS 50000

struct message_parse_options {
	/* Charsets tried, in order, for undeclared 8-bit text after UTF-8
	 * (e.g. {"GB18030", "windows-1252", NULL}); NULL means the built-in
	 * default list. */
	const char *const *charset_fallbacks;
	/* Limits (see MSG_LIMIT_*); 0 means the MSG_DEFAULT_* value. GMime
	 * itself stops nesting at 1,024 levels, whatever max_mime_depth says. */
	unsigned max_mime_depth;     /* MIME nesting levels entered */
	unsigned max_parts;          /* MIME parts visited */
	uint64_t max_header_bytes;   /* bytes kept of one header field */
	uint64_t max_body_text;      /* bytes of UTF-8 kept in body_text */
};

/* Once per process, before any other call (calls g_mime_init()). */
void message_parser_init(void);
/* At exit, for leak checkers. */
void message_parser_deinit(void);

/* Parses raw[0..len). Always sets *msg_r to a new parsed_message (see the
 * file comment) and returns 0; returns -1 only for invalid arguments. */
int message_parse(const unsigned char *raw, size_t len,
                  const struct message_parse_options *opts,
                  struct parsed_message **msg_r);

void message_free(struct parsed_message **msg);

/* The first `max_chars` characters (not bytes) of text, whitespace runs
 * folded to one space, trimmed; a newly allocated UTF-8 string. */
char *message_snippet(const char *text, size_t max_chars);

#endif
