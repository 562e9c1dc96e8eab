/*
 * oauth: see oauth.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "daemon/oauth.h"
#include "daemon/log.h"
#include "daemon/oauth_http.h"
#include "config/config.h"
#include "parsers/oauth_answer.h"

#define DEFAULT_TIMEOUT_S 60
#define MARGIN_S 60

struct oauth_client {
	uv_loop_t *loop;
	char *label, *who;
	const struct config_oauth *cfg;
	unsigned timeout_s;

	char *refresh_token;      /* the config's, or the provider's rotated one */
	char *access_token;       /* NULL: none, or refused */
	int64_t valid_until_us;   /* monotonic: use it until then */
	bool rotation_failed;     /* a rotated token could not be written: said once */

	struct oauth_http *req;   /* the refresh in flight, or NULL */
	oauth_token_fn *fn;       /* the request waiting for a token */
	void *ctx;
};

static void secret_free(char **secret)
{
	if (*secret != NULL)
		explicit_bzero(*secret, strlen(*secret));
	g_free(*secret);
	*secret = NULL;
}

/* Hands the waiting request its token or error, once. */
static void answer_waiter(struct oauth_client *c, const char *token, const char *error)
{
	oauth_token_fn *fn = c->fn;

	c->fn = NULL;
	if (fn != NULL)
		fn(token, error, c->ctx);
}

int oauth_token_file_write(const char *path, const char *token, char **error_r)
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
	if (oauth_token_file_write(c->cfg->token_file, new_token, &why) == 0) {
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

/* A token in the answer: kept, and a rotated refresh token written. */
static void take_token(struct oauth_client *c, const struct oauth_answer *a)
{
	int64_t margin = MIN((int64_t)MARGIN_S, a->expires_in / 2);

	secret_free(&c->access_token);
	c->access_token = g_strdup(a->access_token);
	c->valid_until_us = g_get_monotonic_time() + (a->expires_in - margin) * G_USEC_PER_SEC;
	log_debug("%s: a new access token from %s, for %lld s", c->label, c->cfg->token_endpoint,
	          (long long)a->expires_in);
	if (a->refresh_token != NULL)
		rotate(c, a->refresh_token);
}

static void on_answer(long status, const char *body, size_t len, const char *http_error,
                      void *p)
{
	struct oauth_client *c = p;
	struct oauth_answer a = { 0 };
	char *error = NULL, *why = NULL;

	c->req = NULL;
	if (http_error != NULL)
		error = g_strdup_printf("%s: cannot refresh the access token: %s", c->label,
		                        http_error);
	else if (oauth_answer_parse(body, len, &a, &why) < 0)
		error = g_strdup_printf("%s: the token endpoint %s answered HTTP %ld, but %s",
		                        c->label, c->cfg->token_endpoint, status, why);
	else if (a.error != NULL)
		error = refusal_words(c, &a);
	else if (status != 200)
		error = g_strdup_printf("%s: the token endpoint %s answered HTTP %ld with a token; "
		                        "not taken", c->label, c->cfg->token_endpoint, status);
	else
		take_token(c, &a);
	oauth_answer_clear(&a);
	answer_waiter(c, error == NULL ? c->access_token : NULL, error);
	g_free(error);
	g_free(why);
}

static int refresh_start(struct oauth_client *c)
{
	GString *form = g_string_new(NULL);

	oauth_http_form_add(form, "grant_type", "refresh_token");
	oauth_http_form_add(form, "refresh_token", c->refresh_token);
	oauth_http_form_add(form, "client_id", c->cfg->client_id);
	if (c->cfg->client_secret != NULL)
		oauth_http_form_add(form, "client_secret", c->cfg->client_secret);
	log_debug("%s: refreshing the access token at %s", c->label, c->cfg->token_endpoint);
	c->req = oauth_http_post(c->loop, c->cfg->token_endpoint, form->str, c->timeout_s,
	                         on_answer, c);
	explicit_bzero(form->str, form->len);
	g_string_free(form, TRUE);
	return c->req != NULL ? 0 : -1;
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
	return c;
}

/* An access token another program keeps fresh: the token file as it is
 * now, for each login. */
static void external_token(struct oauth_client *c, oauth_token_fn *fn, void *ctx)
{
	char *token = NULL, *msg = NULL, *error = NULL;

	if (config_secret_read(c->cfg->token_file, "access token",
	                       "the program that keeps the access token fresh writes it there",
	                       &token, &msg) < 0)
		error = g_strdup_printf("%s: %s", c->label, msg);
	fn(token, error, ctx);
	secret_free(&token);
	g_free(msg);
	g_free(error);
}

int oauth_client_token(struct oauth_client *c, oauth_token_fn *fn, void *ctx)
{
	if (c->fn != NULL)
		return -1;
	if (c->cfg->external) {
		external_token(c, fn, ctx);
		return 0;
	}
	if (c->access_token != NULL && g_get_monotonic_time() < c->valid_until_us) {
		fn(c->access_token, NULL, ctx);
		return 0;
	}
	c->fn = fn;
	c->ctx = ctx;
	if (c->req == NULL && refresh_start(c) < 0) {
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
	oauth_http_cancel(&c->req);
	secret_free(&c->refresh_token);
	secret_free(&c->access_token);
	g_free(c->label);
	g_free(c->who);
	g_free(c);
}
