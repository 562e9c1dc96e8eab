#ifndef FOLLOWUP_DAEMON_CURL_URL_H
#define FOLLOWUP_DAEMON_CURL_URL_H
/*
 * curl_url: the configuration reads a server's URL with its own parser
 * (config/values.c: config/ may not link libcurl) and libcurl connects to
 * it. Both must see the same scheme, host and port, or what was checked
 * on one reading (tls = no only towards this machine) would not hold for
 * the connection. followupd checks each URL once at start.
 */
struct config;

/* 0 when libcurl reads url as the configuration does; else -1 with
 * *reason_r (g_free) saying what differs. */
int curl_url_agrees(const char *url, const char *plain_scheme, const char *tls_scheme,
                    char **reason_r);

/* Every [account] and [smtp] url of cfg, and their OAuth2 endpoints: 0,
 * or -1 with *error_r "FILE:LINE: [SECTION] KEY: …". */
int curl_url_check_config(const struct config *cfg, char **error_r);

#endif
