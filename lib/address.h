#ifndef FOLLOWUP_LIB_ADDRESS_H
#define FOLLOWUP_LIB_ADDRESS_H
/*
 * address: the one rule for an e-mail address followupd accepts, from the
 * configuration, a rule or a message it answers: what it can write in
 * SMTP's RCPT TO and in a header. followupd does not speak SMTPUTF8, so
 * the local part is ASCII; a Unicode domain is written in its xn-- form.
 *
 *   local part  1-64 bytes of printable ASCII without ()<>[]\,;:"@, not
 *               starting or ending with '.', no "..";
 *   domain      two or more labels of letters, digits and '-' (not at a
 *               label's ends), at most 63 bytes each and 253 in all; the
 *               last not all digits;
 *   in all      at most 254 bytes.
 * Pure.
 */
#include <stdbool.h>
#include <stddef.h>

/* A host name of one or more labels as above (len bytes of text); the
 * number of labels and whether the last is all digits, for callers that
 * accept a one-label host or an IPv4 address. */
bool address_hostname_ok(const char *text, size_t len, size_t *n_labels_r,
                         bool *numeric_tld_r);
/* A domain as above. */
bool address_is_domain(const char *text);
/* local@domain as above (text without a display name or brackets). */
bool address_is_valid(const char *text);
/* addr with its domain in ASCII (IDNA) and lowercase, when the result is
 * valid: a new string; else NULL. */
char *address_to_ascii(const char *addr);

#endif
