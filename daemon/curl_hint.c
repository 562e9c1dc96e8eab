/* curl_hint: see curl_hint.h. */
#include <glib.h>

#include "daemon/curl_hint.h"

/* What to do, or NULL (CURLE_USE_SSL_FAILED is worded with the scheme). */
static const char *hint(CURLcode rc)
{
	switch (rc) {
	case CURLE_LOGIN_DENIED:
		return "check user and password";
	case CURLE_COULDNT_CONNECT:
		return "is the server running, and the host and port in url right?";
	case CURLE_COULDNT_RESOLVE_HOST:
		return "check the host name in url";
	case CURLE_PEER_FAILED_VERIFICATION:
		return "the server's TLS certificate is not trusted for this host name; "
		       "for a private CA, name its certificate in ca-file";
	case CURLE_SSL_CONNECT_ERROR:
		return "TLS handshake failed";
	case CURLE_OPERATION_TIMEDOUT:
		return "the server did not answer in time";
	default:
		return NULL;
	}
}

char *curl_hint_describe(CURLcode rc, const char *errbuf, const char *tls_scheme)
{
	const char *why = errbuf != NULL && errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc);

	if (rc == CURLE_USE_SSL_FAILED)
		return g_strdup_printf("%s (the server offers no STARTTLS: use %s://, or tls = no "
		                       "for a server on this machine)", why, tls_scheme);
	if (hint(rc) == NULL)
		return g_strdup(why);
	return g_strdup_printf("%s (%s)", why, hint(rc));
}
