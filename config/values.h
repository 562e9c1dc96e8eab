#ifndef FOLLOWUP_CONFIG_VALUES_H
#define FOLLOWUP_CONFIG_VALUES_H
/*
 * values: syntax checks for single configuration values (domains, e-mail
 * addresses, URLs, time zones ...), used by the loader in config.c.
 *
 * Everything here is pure except config_value_timezone(), which looks the
 * zone up in the tz database. "reason" strings are static and read after
 * the quoted value in a message: "'imap//x' <reason>".
 */
#include <stdbool.h>
#include <stddef.h>

/* Domains and bare addresses: lib/address.h (address_is_domain,
 * address_is_valid), the one rule for every address followupd takes. */

/* "Name <local@domain>" or "local@domain"; the name may be empty. */
bool config_value_is_address(const char *text);

/* yes/no, true/false, on/off, 1/0 in any case. 0 or -1. */
int config_value_bool(const char *text, bool *value_r);

/* "HH:MM" from 00:00 to 23:59 in minutes, or -1. */
int config_value_time_of_day(const char *text);

/* Two ASCII letters (ISO 3166-1 alpha-2, any case). */
bool config_value_is_country(const char *text);

/* A charset name as IANA writes them: letters, digits and . _ : + - */
bool config_value_is_charset(const char *text);

/* What config_value_url() found in a URL; host points into the text. */
struct config_url {
	bool tls_scheme;          /* the TLS scheme (imaps, smtps) rather than the plain one */
	const char *host;         /* without the brackets of an IPv6 literal */
	size_t host_len;
	unsigned port;            /* 0: none written */
};

/* scheme://host[:port][/] where scheme is plain_scheme or tls_scheme (both
 * lowercase, compared without case). Host is a host name, an IPv4 address
 * or a bracketed IPv6 address; port 1-65535. User information (user:pw@)
 * is refused: it belongs in user = and password-file =. 0 with *url_r, or
 * -1 with *reason_r. */
int config_value_url(const char *text, const char *plain_scheme, const char *tls_scheme,
                     struct config_url *url_r, const char **reason_r);

/* An http:// or https:// URL with a path (a web endpoint, as OAuth2's
 * token endpoint): the host and port as above, then a path and query of
 * printable ASCII, no fragment, no user information. tls_scheme says
 * https. 0 with *url_r, or -1 with *reason_r. */
int config_value_web_url(const char *text, struct config_url *url_r, const char **reason_r);

/* The URL as it may be shown in a message or a log: everything from the
 * "://" (or the start, without one) to the last '@' replaced by
 * "<redacted>", so that a password written into it never shows. A new
 * string; text itself when it has no '@'. */
char *config_value_url_redact(const char *text);

/* Whether a host (as in struct config_url) is this machine: "localhost",
 * 127.0.0.0/8, ::1 or ::ffff:127.0.0.0/104. Names are not resolved: any
 * other name is not loopback. */
bool config_value_host_is_loopback(const char *host, size_t len);

/* An IANA zone name that exists in the tz database ($TZDIR, else
 * /usr/share/zoneinfo) as a TZif file. "UTC" is always accepted, as the C
 * library knows it without the database. 0, or -1 with *reason_r. */
int config_value_timezone(const char *name, const char **reason_r);

#endif
