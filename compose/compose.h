#ifndef FOLLOWUP_COMPOSE_COMPOSE_H
#define FOLLOWUP_COMPOSE_COMPOSE_H
/*
 * compose: the mails followupd sends (acknowledgements, alerts, digests),
 * built with GMime and serialised with CRLF line endings. Headers are
 * encoded properly (RFC 2047 for non-ASCII), text bodies as UTF-8
 * (quoted-printable when needed). Pure: the date and the Message-ID come
 * from the caller.
 */
#include <stddef.h>
#include <stdint.h>

struct compose_input {
	const char *from;            /* "Acme Pumps Sales <sales@example.com>" */
	const char *to_name;         /* may be NULL or "" */
	const char *to_addr;
	const char *subject;         /* UTF-8; CR/LF are never let through */
	const char *body;            /* UTF-8, lines ended by \n */
	const char *html_body;       /* NULL, or an HTML page (UTF-8): then the mail is
	                                multipart/alternative, body its text/plain part */
	const char *in_reply_to;     /* without <>, or NULL */
	const char *const *references; /* without <>, NULL-terminated, or NULL */
	const char *auto_submitted;  /* "auto-replied", "auto-generated", or NULL */
	int64_t date;                /* Unix seconds */
	const char *date_zone;       /* "+0800" style offset for the Date header, or NULL: +0000 */
	const char *message_id;      /* without <> */
	const char *const *extra_headers; /* name, value pairs, NULL-terminated, or NULL
	                                     (e.g. "X-Followup-Rule", "ack-inquiry") */
};

/* 0 and the message in *raw_r (g_free, NUL-terminated, *len_r bytes), or -1
 * with *error_r (static string) for an unusable address or missing field. */
int compose_message(const struct compose_input *in, char **raw_r, size_t *len_r,
                    const char **error_r);

/* A Message-ID (without <>) of domain that is the same for the same seed:
 * "followup.<hex of SHA-256(seed), 32 chars>@domain". Sending is keyed on
 * it, so a resend after a crash is the same message. */
char *compose_message_id(const char *domain, const char *seed);

/*
 * The details:
 *  - GMime must be initialised first (message_parser_init()).
 *  - from: one mailbox ("Name <addr>" or "addr"); to_addr one address.
 *    Addresses must have a local part of printable ASCII without blanks,
 *    quotes, brackets or commas, and a host name; a Unicode domain is
 *    written in its ASCII (xn--) form. Display names are written as
 *    RFC 2047 UTF-8 when not ASCII; control characters in them become
 *    spaces.
 *  - subject and body are required (body may be ""), valid UTF-8; CR, LF
 *    and other control characters of the subject become spaces. Body line
 *    ends may be \n, \r\n or \r; the body always ends with a line end.
 *    It is sent as text/plain; charset=utf-8, quoted-printable when it has
 *    a non-ASCII byte or a line over COMPOSE_7BIT_LINE_MAX bytes, else 7bit.
 *  - message_id is required and, like in_reply_to and references, must be
 *    usable as a msg-id: printable ASCII without blanks or <>, an '@',
 *    at most COMPOSE_MSGID_MAX bytes. An unusable in_reply_to or reference
 *    is left out (it comes from someone else's mail); an unusable
 *    message_id is an error. References keep the first and the last
 *    COMPOSE_MAX_REFERENCES - 1 ids, folded by GMime.
 *  - auto_submitted: a token (letters, digits, '-', '_', '.'), else an error.
 *  - date: any time GDateTime can hold; date_zone "+HHMM"/"-HHMM" with
 *    HH <= 23 and MM <= 59, else an error.
 *  - extra_headers: a name of printable ASCII without ':' (at most 76
 *    bytes) that is none of the fields composed here or that route mail
 *    (From, To, Cc, Bcc, Sender, Return-Path, Subject, Date, Message-ID,
 *    In-Reply-To, References, Auto-Submitted, MIME-Version, Content-*;
 *    Reply-To is allowed); a value of valid UTF-8 without control
 *    characters (a CR or LF is refused, never cleaned), RFC 2047 encoded
 *    when not ASCII. Anything else is an error.
 *  - compose_message_id(): NULL when domain is no host name; a Unicode
 *    domain is written in ASCII, lowercased; seed NULL is "".
 */
#define COMPOSE_7BIT_LINE_MAX 78
#define COMPOSE_MSGID_MAX 250
#define COMPOSE_MAX_REFERENCES 20

#endif
