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

/* "example.com": ASCII letters, digits and '-' in dot-separated labels,
 * at least two labels, a top-level label that is not all digits. */
bool config_value_is_domain(const char *text);

/* "local@domain" with a plausible domain (see above) and a local part
 * without spaces, control characters or any of ()<>[]\,;:" */
bool config_value_is_email(const char *text);

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

/* scheme://host[:port][/] where scheme is plain_scheme or tls_scheme (both
 * lowercase, compared without case); *tls_scheme_r tells which. Host is a
 * host name, an IPv4 address or a bracketed IPv6 address; port 1-65535.
 * 0, or -1 with *reason_r. */
int config_value_url(const char *text, const char *plain_scheme, const char *tls_scheme,
                     bool *tls_scheme_r, const char **reason_r);

/* An IANA zone name that exists in the tz database ($TZDIR, else
 * /usr/share/zoneinfo) as a TZif file. "UTC" is always accepted, as the C
 * library knows it without the database. 0, or -1 with *reason_r. */
int config_value_timezone(const char *name, const char **reason_r);

#endif
