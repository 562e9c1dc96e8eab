/* curl_url: see curl_url.h. */
#include <string.h>
#include <curl/curl.h>
#include <glib.h>

#include "daemon/curl_url.h"
#include "config/config.h"
#include "config/values.h"

/* A part as libcurl reads it, or NULL when the URL has none. */
static char *curl_part(CURLU *u, CURLUPart what)
{
	char *part = NULL, *copy;

	if (curl_url_get(u, what, &part, 0) != CURLUE_OK || part == NULL)
		return NULL;
	copy = g_strdup(part);
	curl_free(part);
	return copy;
}

/* libcurl writes an IPv6 host with its brackets; the configuration without. */
static bool same_host(const char *curl_host, const struct config_url *ours)
{
	size_t len = strlen(curl_host);

	if (len >= 2 && curl_host[0] == '[' && curl_host[len - 1] == ']') {
		curl_host++;
		len -= 2;
	}
	return len == ours->host_len && g_ascii_strncasecmp(curl_host, ours->host, len) == 0;
}

/* Whether libcurl reads url's scheme, host and port as ours says. */
static int agrees(const char *url, const struct config_url *ours, const char *want,
                  char **reason_r)
{
	char *scheme = NULL, *host = NULL, *port = NULL;
	CURLU *u = curl_url();
	char ours_port[16];
	int ret = -1;

	if (u == NULL) {
		*reason_r = g_strdup("out of memory");
		goto out;
	}
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
		*reason_r = g_strdup("libcurl cannot read it");
		goto out;
	}
	scheme = curl_part(u, CURLUPART_SCHEME);
	host = curl_part(u, CURLUPART_HOST);
	port = curl_part(u, CURLUPART_PORT);
	g_snprintf(ours_port, sizeof(ours_port), "%u", ours->port);
	if (scheme == NULL || g_ascii_strcasecmp(scheme, want) != 0)
		*reason_r = g_strdup_printf("libcurl reads the scheme as '%s', not %s",
		                            scheme != NULL ? scheme : "", want);
	else if (host == NULL || !same_host(host, ours))
		*reason_r = g_strdup_printf("libcurl reads the host as '%s', not '%.*s'",
		                            host != NULL ? host : "", (int)ours->host_len, ours->host);
	else if ((port == NULL) != (ours->port == 0) ||
	         (port != NULL && strcmp(port, ours_port) != 0))
		*reason_r = g_strdup_printf("libcurl reads the port as '%s'",
		                            port != NULL ? port : "(none)");
	else
		ret = 0;
out:
	g_free(scheme);
	g_free(host);
	g_free(port);
	curl_url_cleanup(u);
	return ret;
}

int curl_url_agrees(const char *url, const char *plain_scheme, const char *tls_scheme,
                    char **reason_r)
{
	struct config_url ours;
	const char *why = NULL;

	if (config_value_url(url, plain_scheme, tls_scheme, &ours, &why) < 0) {
		*reason_r = g_strdup(why);
		return -1;
	}
	return agrees(url, &ours, ours.tls_scheme ? tls_scheme : plain_scheme, reason_r);
}

/* An OAuth2 endpoint: the config let http:// through for this machine
 * only, so libcurl must see the same host. */
static int endpoint_agrees(const char *url, char **reason_r)
{
	struct config_url ours;
	const char *why = NULL;

	if (config_value_web_url(url, &ours, &why) < 0) {
		*reason_r = g_strdup(why);
		return -1;
	}
	return agrees(url, &ours, ours.tls_scheme ? "https" : "http", reason_r);
}

static int check_oauth(const struct config *cfg, const char *section,
                       const struct config_oauth *oauth, char **error_r)
{
	const char *const urls[] = { oauth->token_endpoint, oauth->device_endpoint };
	const int lines[] = { oauth->token_endpoint_line, oauth->device_endpoint_line };
	char *reason = NULL;

	if (oauth->auth == CONFIG_AUTH_PASSWORD)
		return 0;
	for (size_t i = 0; i < G_N_ELEMENTS(urls); i++) {
		if (urls[i] == NULL || endpoint_agrees(urls[i], &reason) == 0)
			continue;
		*error_r = g_strdup_printf("%s:%d: [%s] %s: '%s': %s (write https://host/path)",
		                           cfg->path, lines[i], section,
		                           i == 0 ? "oauth-token-endpoint" : "oauth-device-endpoint",
		                           urls[i], reason);
		g_free(reason);
		return -1;
	}
	return 0;
}

static int check_one(const struct config *cfg, const char *section, int line, const char *url,
                     const char *plain, const char *tls, char **error_r)
{
	char *reason = NULL, *shown;

	if (curl_url_agrees(url, plain, tls, &reason) == 0)
		return 0;
	shown = config_value_url_redact(url);
	*error_r = g_strdup_printf("%s:%d: [%s] url: '%s': %s (write scheme://host[:port])",
	                           cfg->path, line, section, shown, reason);
	g_free(shown);
	g_free(reason);
	return -1;
}

int curl_url_check_config(const struct config *cfg, char **error_r)
{
	for (size_t i = 0; i < cfg->n_accounts; i++) {
		const struct config_account *a = &cfg->accounts[i];
		char *section = g_strdup_printf("account %s", a->name);
		int rc = check_one(cfg, section, a->url_line, a->url, "imap", "imaps", error_r);
		if (rc == 0)
			rc = check_oauth(cfg, section, &a->oauth, error_r);
		g_free(section);
		if (rc < 0)
			return -1;
	}
	if (cfg->smtp.present &&
	    (check_one(cfg, "smtp", cfg->smtp.url_line, cfg->smtp.url, "smtp", "smtps",
	               error_r) < 0 ||
	     check_oauth(cfg, "smtp", &cfg->smtp.oauth, error_r) < 0))
		return -1;
	return 0;
}
