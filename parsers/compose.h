#ifndef FOLLOWUP_PARSERS_COMPOSE_H
#define FOLLOWUP_PARSERS_COMPOSE_H
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

#endif
