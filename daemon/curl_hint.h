#ifndef FOLLOWUP_DAEMON_CURL_HINT_H
#define FOLLOWUP_DAEMON_CURL_HINT_H
/*
 * curl_hint: why a libcurl transfer failed, in words for the log, with
 * what to do about the failures an administrator can fix (a wrong
 * password, a server without STARTTLS, an untrusted certificate ...).
 * Shared by the IMAP and SMTP clients.
 */
#include <curl/curl.h>

/* libcurl's message (errbuf when it holds one, else curl_easy_strerror())
 * and, when there is one, the advice in parentheses, e.g.
 * "STARTTLS not supported. (the server offers no STARTTLS: use smtps://,
 * or tls = no for a server on this machine)". tls_scheme ("imaps",
 * "smtps") is what the advice suggests. A new string. */
char *curl_hint_describe(CURLcode rc, const char *errbuf, const char *tls_scheme);

#endif
