/*
 * oauth: see oauth.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <curl/curl.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "daemon/oauth.h"
#include "daemon/curl_hint.h"
#include "daemon/curl_uv.h"
#include "daemon/log.h"
#include "config/config.h"
#include "parsers/oauth_answer.h"

#define DEFAULT_TIMEOUT_S 60
#define MARGIN_S 60

struct oauth_client {
	uv_loop_t *loop;
	char *label, *who;
	const struct config_oauth *cfg;
	unsigned timeout_s;
	struct curl_uv *cu;

	char *refresh_token;      /* the config's, or the provider's rotated one */
	char *access_token;       /* NULL: none, or refused */
	int64_t valid_until_us;   /* monotonic: use it until then */
	bool rotation_failed;     /* a rotated token could not be written: said once */

	/* the refresh in flight */
	CURL *easy;
	char *body;               /* the form: holds the refresh token */
	GString *answer;
	char errbuf[CURL_ERROR_SIZE];
	oauth_token_fn *fn;
	void *ctx;
};

static void secret_free(char **secret)
{
	if (*secret != NULL)
		explicit_bzero(*secret, strlen(*secret));
	g_free(*secret);
	*secret = NULL;
}

static void request_clear(struct oauth_client *c)
{
	if (c->easy != NULL) {
		curl_uv_remove(c->cu, c->easy);
		curl_easy_cleanup(c->easy);
		c->easy = NULL;
	}
	secret_free(&c->body);
	if (c->answer != NULL) {
		explicit_bzero(c->answer->str, c->answer->len);
		g_string_free(c->answer, TRUE);
		c->answer = NULL;
	}
}

/* Hands the waiting request its token or error, once. */
static void answer_waiter(struct oauth_client *c, const char *token, const char *error)
{
	oauth_token_fn *fn = c->fn;

	c->fn = NULL;
	if (fn != NULL)
		fn(token, error, c->ctx);
}

static size_t on_write(char *data, size_t size, size_t n, void *p)
{
	struct oauth_client *c = p;

	/* A larger answer is no token endpoint's: the transfer fails. */
	if (c->answer->len + size * n > OAUTH_ANSWER_MAX)
		return 0;
	g_string_append_len(c->answer, data, (gssize)(size * n));
	return size * n;
}

/* The rotated refresh token into the token file: a new file beside it,
 * for followupd alone, renamed over it, so a crash leaves one or the
 * other whole. 0, or -1 with *error_r. */
static int token_file_write(const char *path, const char *token, char **error_r)
{
	char *tmp = g_strdup_printf("%s.XXXXXX", path), *line = g_strdup_printf("%s\n", token);
	size_t len = strlen(line), off = 0;
	int fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0600), ret = -1;

	if (fd < 0) {
		*error_r = g_strdup(g_strerror(errno));
		goto out;
	}
	while (off < len) {
		ssize_t n = write(fd, line + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*error_r = g_strdup(g_strerror(errno));
			goto out;
		}
		off += (size_t)n;
	}
	if (fsync(fd) < 0 || rename(tmp, path) < 0) {
		*error_r = g_strdup(g_strerror(errno));
		goto out;
	}
	ret = 0;
out:
	if (fd >= 0)
		close(fd);
	if (ret < 0 && fd >= 0)
		g_unlink(tmp);
	explicit_bzero(line, len);
	g_free(line);
	g_free(tmp);
	return ret;
}

static void rotate(struct oauth_client *c, const char *new_token)
{
	char *why = NULL;

	if (strcmp(new_token, c->refresh_token) == 0)
		return;
	secret_free(&c->refresh_token);
	c->refresh_token = g_strdup(new_token);
	if (token_file_write(c->cfg->token_file, new_token, &why) == 0) {
		log_info("%s: the provider gave a new refresh token; written to %s", c->label,
		         c->cfg->token_file);
		c->rotation_failed = false;
	} else if (!c->rotation_failed) {
		log_warning("%s: the provider gave a new refresh token, but %s cannot be written "
		            "(%s): it is kept in memory until followupd stops (let followupd "
		            "write the file, or run followup oauth %s after a restart)", c->label,
		            c->cfg->token_file, why, c->who);
		c->rotation_failed = true;
	}
	g_free(why);
}

/* What the endpoint's refusal means to the administrator. */
static char *refusal_words(const struct oauth_client *c, const struct oauth_answer *a)
{
	const char *desc = a->error_description != NULL ? a->error_description : "";

	if (strcmp(a->error, "invalid_grant") == 0)
		return g_strdup_printf("%s: the token endpoint %s refused the refresh token in %s "
		                       "(invalid_grant%s%s: it expired or was revoked; get a new "
		                       "one with: followup oauth %s)", c->label,
		                       c->cfg->token_endpoint, c->cfg->token_file,
		                       desc[0] != '\0' ? ": " : "", desc, c->who);
	return g_strdup_printf("%s: the token endpoint %s refused to refresh the access token "
	                       "(%s%s%s; check oauth-client-id and oauth-client-secret-file)",
	                       c->label, c->cfg->token_endpoint, a->error,
	                       desc[0] != '\0' ? ": " : "", desc);
}

static void on_done(CURL *easy, CURLcode rc, void *p)
{
	struct oauth_client *c = p;
	struct oauth_answer a = { 0 };
	char *error = NULL, *why = NULL;
	long status = 0;

	curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK) {
		why = curl_hint_describe(rc, c->errbuf, "https");
		error = g_strdup_printf("%s: cannot refresh the access token at %s: %s", c->label,
		                        c->cfg->token_endpoint, why);
	} else if (oauth_answer_parse(c->answer->str, c->answer->len, &a, &why) < 0) {
		error = g_strdup_printf("%s: the token endpoint %s answered HTTP %ld, but %s",
		                        c->label, c->cfg->token_endpoint, status, why);
	} else if (a.error != NULL) {
		error = refusal_words(c, &a);
	} else if (status != 200) {
		error = g_strdup_printf("%s: the token endpoint %s answered HTTP %ld with a token; "
		                        "not taken", c->label, c->cfg->token_endpoint, status);
	} else {
		secret_free(&c->access_token);
		c->access_token = g_strdup(a.access_token);
		int64_t margin = MIN((int64_t)MARGIN_S, a.expires_in / 2);
		c->valid_until_us = g_get_monotonic_time() + (a.expires_in - margin) * G_USEC_PER_SEC;
		log_debug("%s: a new access token from %s, for %lld s", c->label,
		          c->cfg->token_endpoint, (long long)a.expires_in);
		if (a.refresh_token != NULL)
			rotate(c, a.refresh_token);
	}
	request_clear(c);
	oauth_answer_clear(&a);
	answer_waiter(c, error == NULL ? c->access_token : NULL, error);
	g_free(error);
	g_free(why);
}

static char *form_body(const struct oauth_client *c, CURL *easy)
{
	char *token = curl_easy_escape(easy, c->refresh_token, 0);
	char *id = curl_easy_escape(easy, c->cfg->client_id, 0);
	char *secret = c->cfg->client_secret != NULL
	               ? curl_easy_escape(easy, c->cfg->client_secret, 0) : NULL;
	char *body = g_strdup_printf("grant_type=refresh_token&refresh_token=%s&client_id=%s%s%s",
	                             token, id, secret != NULL ? "&client_secret=" : "",
	                             secret != NULL ? secret : "");

	explicit_bzero(token, strlen(token));
	curl_free(token);
	curl_free(id);
	if (secret != NULL) {
		explicit_bzero(secret, strlen(secret));
		curl_free(secret);
	}
	return body;
}

static int refresh_start(struct oauth_client *c)
{
	if ((c->easy = curl_easy_init()) == NULL)
		return -1;
	c->body = form_body(c, c->easy);
	c->answer = g_string_new(NULL);
	c->errbuf[0] = '\0';
	curl_easy_setopt(c->easy, CURLOPT_URL, c->cfg->token_endpoint);
	/* The config allows http:// only to this machine. No redirects: the
	 * refresh token goes to the endpoint named and nowhere else. */
	curl_easy_setopt(c->easy, CURLOPT_PROTOCOLS_STR, "https,http");
	curl_easy_setopt(c->easy, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c->easy, CURLOPT_POSTFIELDS, c->body);
	curl_easy_setopt(c->easy, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(c->easy, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(c->easy, CURLOPT_USERAGENT, "followupd");
	curl_easy_setopt(c->easy, CURLOPT_CONNECTTIMEOUT, (long)c->timeout_s);
	curl_easy_setopt(c->easy, CURLOPT_TIMEOUT, (long)c->timeout_s);
	curl_easy_setopt(c->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c->easy, CURLOPT_ERRORBUFFER, c->errbuf);
	log_debug("%s: refreshing the access token at %s", c->label, c->cfg->token_endpoint);
	if (curl_uv_add(c->cu, c->easy, on_done, c) < 0) {
		request_clear(c);
		return -1;
	}
	return 0;
}

struct oauth_client *oauth_client_new(uv_loop_t *loop, const struct oauth_settings *s)
{
	struct oauth_client *c = g_new0(struct oauth_client, 1);

	c->loop = loop;
	c->label = g_strdup(s->label);
	c->who = g_strdup(s->who);
	c->cfg = s->oauth;
	c->timeout_s = s->timeout_seconds != 0 ? s->timeout_seconds : DEFAULT_TIMEOUT_S;
	c->refresh_token = g_strdup(s->oauth->refresh_token != NULL ? s->oauth->refresh_token : "");
	c->cu = curl_uv_new(loop);
	return c;
}

int oauth_client_token(struct oauth_client *c, oauth_token_fn *fn, void *ctx)
{
	if (c->fn != NULL)
		return -1;
	if (c->access_token != NULL && g_get_monotonic_time() < c->valid_until_us) {
		fn(c->access_token, NULL, ctx);
		return 0;
	}
	c->fn = fn;
	c->ctx = ctx;
	if (c->easy == NULL && refresh_start(c) < 0) {
		c->fn = NULL;
		return -1;
	}
	return 0;
}

void oauth_client_invalidate(struct oauth_client *c)
{
	secret_free(&c->access_token);
}

void oauth_client_cancel(struct oauth_client *c)
{
	c->fn = NULL;
}

void oauth_client_free(struct oauth_client **cp)
{
	struct oauth_client *c = *cp;

	if (c == NULL)
		return;
	*cp = NULL;
	request_clear(c);
	curl_uv_free(&c->cu);
	secret_free(&c->refresh_token);
	secret_free(&c->access_token);
	g_free(c->label);
	g_free(c->who);
	g_free(c);
}
