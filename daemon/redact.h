#ifndef FOLLOWUP_DAEMON_REDACT_H
#define FOLLOWUP_DAEMON_REDACT_H
/*
 * redact: the lines of an IMAP or SMTP dialogue as they may be logged,
 * with the credentials replaced by "<redacted>":
 *
 *   IMAP  "A002 LOGIN user pass"            -> "A002 LOGIN <redacted>"
 *         "A002 AUTHENTICATE PLAIN AGEAYg=="  -> "A002 AUTHENTICATE PLAIN <redacted>"
 *   SMTP  "AUTH PLAIN AGEAYg=="               -> "AUTH PLAIN <redacted>"
 *
 * and every line the client sends while a SASL exchange runs (the answers
 * to the server's "+ " or "334 " challenges), until the server's next
 * line that is not a challenge. The server's lines are kept: they hold no
 * secret of ours.
 *
 * Pure: the state of the dialogue is in struct redact, which the caller
 * keeps per connection. Lines come without their line ending.
 */
#include <stdbool.h>
#include <stddef.h>

#define REDACTED "<redacted>"

enum redact_protocol {
	REDACT_IMAP,
	REDACT_SMTP,
};

enum redact_dir {
	REDACT_FROM_CLIENT,
	REDACT_FROM_SERVER,
};

struct redact {
	enum redact_protocol protocol;
	bool in_sasl;             /* an AUTHENTICATE / AUTH exchange is running */
};

void redact_init(struct redact *r, enum redact_protocol protocol);

/* The line (len bytes, no NUL needed) as it may be logged: a new string,
 * the caller g_free()s it. Follows the dialogue in r. */
char *redact_line(struct redact *r, enum redact_dir dir, const char *line, size_t len);

#endif
