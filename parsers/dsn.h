#ifndef FOLLOWUP_PARSERS_DSN_H
#define FOLLOWUP_PARSERS_DSN_H
/*
 * dsn: fields of delivery status notifications (RFC 3464's
 * message/delivery-status body) and of other header-field blocks found in
 * bounces (text/rfc822-headers). Pure: no I/O.
 *
 * The text is a sequence of "Name: value" fields, continuation lines
 * starting with whitespace, and blank lines between groups; all groups
 * are searched in order, so the first per-recipient field found belongs
 * to the first recipient. Results are newly allocated (g_free()), trimmed,
 * valid UTF-8 when the input is.
 */

/* The unfolded value of the first field called `name` (case-insensitive),
 * or NULL. */
char *dsn_field(const char *text, const char *name);

/* The first recipient's address from Final-Recipient (or, without one,
 * Original-Recipient): the address-type prefix ("rfc822;") and angle
 * brackets removed. NULL when there is none. */
char *dsn_final_recipient(const char *text);

/* The first recipient's Status code ("5.1.1"), without any comment after
 * it; NULL when there is none. */
char *dsn_status(const char *text);

#endif
