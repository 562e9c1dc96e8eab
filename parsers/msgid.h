#ifndef FOLLOWUP_PARSERS_MSGID_H
#define FOLLOWUP_PARSERS_MSGID_H
/*
 * msgid: message identifiers out of Message-ID, In-Reply-To, References
 * (and the Message-ID line of a bounced header block). Pure: no I/O.
 *
 * Ids come without their angle brackets, with whitespace and control
 * characters inside them removed (folded ids), as valid UTF-8. Junk
 * between ids (comments, phrases such as "Your message of ...") is
 * skipped. When the text has no bracketed id at all, whitespace- or
 * comma-separated tokens holding an '@' are taken, since some mailers
 * write bare ids.
 */
#include <stddef.h>

/* Every id in text, in order, as a NULL-terminated vector (g_strfreev());
 * never NULL. *n_r (optional) receives the count. */
char **msgid_parse_all(const char *text, size_t *n_r);

/* The first id in text, newly allocated, or NULL when there is none. */
char *msgid_parse_first(const char *text);

#endif
