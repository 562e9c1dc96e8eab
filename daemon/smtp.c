/*
 * smtp: see smtp.h. One transfer at a time: the outbox hands over one
 * message, and the next when this one's answer is in.
 */
#include <string.h>
#include <curl/curl.h>
#include <glib.h>

#include "daemon/smtp.h"
#include "daemon/curl_hint.h"
#include "daemon/curl_trace.h"
#include "daemon/curl_uv.h"
#include "daemon/log.h"
#include "daemon/oauth.h"
#include "config/config.h"

#define DEFAULT_TIMEOUT_S 60

struct smtp_client {
	uv_loop_t *loop;
	char *url, *user, *password, *ca_file;
	bool tls;
	unsigned timeout_s;
	struct curl_uv *cu;
	struct oauth_client *oauth; /* OAuth2, or NULL: the password */
	const char *login_options;  /* with oauth: "AUTH=XOAUTH2" or "AUTH=OAUTHBEARER" */

	/* the transfer in progress */
	CURL *easy;
	struct curl_trace *trace; /* --log-level debug: the dialogue, redacted */
	struct curl_slist *rcpt;
	char *mail_from;
	char *data;
	size_t len, off;
	smtp_sent_fn *sent;
	void *ctx;
	bool oauth_retried;       /* a refused token was refreshed once already */
	char errbuf[CURL_ERROR_SIZE];
};

static size_t read_data(char *buf, size_t size, size_t nitems, void *p)
{
	struct smtp_client *c = p;
	size_t room = size * nitems, n = MIN(room, c->len - c->off);

	memcpy(buf, c->data + c->off, n);
	c->off += n;
	return n;
}

static void easy_clear(struct smtp_client *c)
{
	if (c->easy != NULL) {
		curl_uv_remove(c->cu, c->easy);
		curl_easy_cleanup(c->easy);
		c->easy = NULL;
	}
	curl_trace_free(&c->trace);
}

static void transfer_clear(struct smtp_client *c)
{
	easy_clear(c);
	if (c->oauth != NULL)
		oauth_client_cancel(c->oauth);
	curl_slist_free_all(c->rcpt);
	c->rcpt = NULL;
	g_free(c->mail_from);
	c->mail_from = NULL;
	g_free(c->data);
	c->data = NULL;
	c->sent = NULL;
}

static void transfer_begin(struct smtp_client *c);

static void on_done(CURL *easy, CURLcode rc, void *p)
{
	struct smtp_client *c = p;
	long code = 0;
	enum smtp_result result;
	char *detail;

	curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
	if (rc == CURLE_LOGIN_DENIED && c->oauth != NULL && !c->oauth_retried) {
		/* Revoked, or expired sooner than it said: one fresh token. */
		log_info("smtp: the server refused the access token; refreshing it");
		c->oauth_retried = true;
		oauth_client_invalidate(c->oauth);
		easy_clear(c);
		transfer_begin(c);
		return;
	}
	if (rc == CURLE_OK) {
		result = SMTP_SENT;
		detail = g_strdup_printf("%ld", code);
	} else {
		/* A 5xx answer is the server's final word; anything else (4xx,
		 * no connection, TLS, a timeout) may pass. */
		result = code >= 500 && code < 600 ? SMTP_PERMFAIL : SMTP_TEMPFAIL;
		char *why = rc == CURLE_LOGIN_DENIED && c->oauth != NULL
		            ? g_strdup_printf("a fresh OAuth2 access token for %s was refused (is "
		                              "user = the mailbox that signed in with followup "
		                              "oauth --smtp? may the application send mail?)",
		                              c->user)
		            : curl_hint_describe(rc, c->errbuf, "smtps");
		/* The last code is a refusal only when it is one: after a 250 to
		 * EHLO, STARTTLS or the certificate failed on our side. */
		if (code >= 400)
			detail = g_strdup_printf("%s: the server answered %ld (%s)", c->url, code, why);
		else
			detail = g_strdup_printf("%s: %s", c->url, why);
		g_free(why);
	}
	smtp_sent_fn *sent = c->sent;
	void *ctx = c->ctx;
	transfer_clear(c);
	sent(result, detail, ctx);
	g_free(detail);
}

struct smtp_client *smtp_client_new(uv_loop_t *loop, const struct smtp_settings *s)
{
	struct smtp_client *c = g_new0(struct smtp_client, 1);

	c->loop = loop;
	c->url = g_strdup(s->url);
	c->user = g_strdup(s->user);
	c->password = g_strdup(s->password);
	c->ca_file = g_strdup(s->ca_file);
	c->tls = s->tls;
	c->timeout_s = s->timeout_seconds != 0 ? s->timeout_seconds : DEFAULT_TIMEOUT_S;
	c->cu = curl_uv_new(loop);
	if (s->oauth != NULL && s->oauth->auth != CONFIG_AUTH_PASSWORD) {
		struct oauth_settings os = { .label = "smtp", .who = "--smtp", .oauth = s->oauth,
		                             .timeout_seconds = c->timeout_s };
		c->oauth = oauth_client_new(loop, &os);
		c->login_options = s->oauth->auth == CONFIG_AUTH_OAUTHBEARER ? "AUTH=OAUTHBEARER"
		                                                             : "AUTH=XOAUTH2";
	}
	return c;
}

bool smtp_client_busy(const struct smtp_client *c)
{
	return c->sent != NULL;
}

/* A new easy handle for the message in c; bearer: an OAuth2 access token,
 * or NULL for the password. 0 or -1. */
static int transfer_start(struct smtp_client *c, const char *bearer)
{
	if ((c->easy = curl_easy_init()) == NULL)
		return -1;
	c->off = 0;
	c->errbuf[0] = '\0';
	curl_easy_setopt(c->easy, CURLOPT_URL, c->url);
	curl_easy_setopt(c->easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c->easy, CURLOPT_USE_SSL, c->tls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	if (c->user != NULL)
		curl_easy_setopt(c->easy, CURLOPT_USERNAME, c->user);
	if (bearer != NULL) {
		curl_easy_setopt(c->easy, CURLOPT_XOAUTH2_BEARER, bearer);
		curl_easy_setopt(c->easy, CURLOPT_LOGIN_OPTIONS, c->login_options);
	} else if (c->user != NULL) {
		curl_easy_setopt(c->easy, CURLOPT_PASSWORD, c->password);
	}
	if (c->ca_file != NULL)
		curl_easy_setopt(c->easy, CURLOPT_CAINFO, c->ca_file);
	curl_easy_setopt(c->easy, CURLOPT_MAIL_FROM, c->mail_from);
	curl_easy_setopt(c->easy, CURLOPT_MAIL_RCPT, c->rcpt);
	curl_easy_setopt(c->easy, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c->easy, CURLOPT_READFUNCTION, read_data);
	curl_easy_setopt(c->easy, CURLOPT_READDATA, c);
	curl_easy_setopt(c->easy, CURLOPT_INFILESIZE_LARGE, (curl_off_t)c->len);
	curl_easy_setopt(c->easy, CURLOPT_CONNECTTIMEOUT, (long)c->timeout_s);
	curl_easy_setopt(c->easy, CURLOPT_TIMEOUT, (long)c->timeout_s * 5);
	curl_easy_setopt(c->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c->easy, CURLOPT_ERRORBUFFER, c->errbuf);
	c->trace = curl_trace_new(c->easy, "smtp", REDACT_SMTP);
	return curl_uv_add(c->cu, c->easy, on_done, c);
}

/* Ends the transfer with result, as on_done does. */
static void transfer_fail(struct smtp_client *c, enum smtp_result result, const char *detail)
{
	smtp_sent_fn *sent = c->sent;
	void *ctx = c->ctx;

	transfer_clear(c);
	sent(result, detail, ctx);
}

static void on_token(const char *token, const char *error, void *p)
{
	struct smtp_client *c = p;

	if (error != NULL) {
		/* The token endpoint may come back, or the administrator renew the
		 * refresh token: the message waits (the outbox backs off). */
		transfer_fail(c, SMTP_TEMPFAIL, error);
		return;
	}
	if (transfer_start(c, token) < 0)
		transfer_fail(c, SMTP_TEMPFAIL, "smtp: cannot start a transfer");
}

static void transfer_begin(struct smtp_client *c)
{
	if (c->oauth == NULL) {
		if (transfer_start(c, NULL) < 0)
			transfer_fail(c, SMTP_TEMPFAIL, "smtp: cannot start a transfer");
		return;
	}
	if (oauth_client_token(c->oauth, on_token, c) < 0)
		transfer_fail(c, SMTP_TEMPFAIL, "smtp: cannot ask for an access token");
}

int smtp_client_send(struct smtp_client *c, const char *envelope_from, const char *recipient,
                     const char *raw, size_t len, smtp_sent_fn *sent, void *ctx)
{
	if (c->sent != NULL)
		return -1;
	c->data = g_memdup2(raw, len);
	c->len = len;
	c->sent = sent;
	c->ctx = ctx;
	c->oauth_retried = false;
	/* libcurl adds the angle brackets; "<>" stays the null sender. */
	c->mail_from = envelope_from[0] == '\0' ? g_strdup("<>") : g_strdup(envelope_from);
	c->rcpt = curl_slist_append(NULL, recipient);
	if (c->oauth == NULL && transfer_start(c, NULL) < 0) {
		transfer_clear(c);
		return -1;
	}
	if (c->oauth != NULL && oauth_client_token(c->oauth, on_token, c) < 0) {
		transfer_clear(c);
		return -1;
	}
	return 0;
}

void smtp_client_free(struct smtp_client **cp)
{
	struct smtp_client *c = *cp;

	if (c == NULL)
		return;
	*cp = NULL;
	transfer_clear(c);
	oauth_client_free(&c->oauth);
	curl_uv_free(&c->cu);
	g_free(c->url);
	g_free(c->user);
	if (c->password != NULL)
		memset(c->password, 0, strlen(c->password));
	g_free(c->password);
	g_free(c->ca_file);
	g_free(c);
}
