/*
 * oauth_device: see oauth_device.h.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <glib.h>
#include <uv.h>

#include "daemon/oauth_device.h"
#include "daemon/oauth.h"
#include "daemon/oauth_http.h"
#include "config/config.h"
#include "parsers/oauth_answer.h"

#define EXIT_FAILED 1
#define EXIT_CONFIG 78
#define TIMEOUT_S 60
#define SLOW_DOWN_S 5             /* RFC 8628 3.5: slow_down adds 5 s */
#define DEVICE_GRANT "urn:ietf:params:oauth:grant-type:device_code"

struct flow {
	uv_loop_t loop;
	uv_timer_t timer;
	FILE *out;
	const char *label;        /* "account sales", "[smtp]" */
	const struct config_oauth *cfg;
	struct oauth_device device;
	int64_t interval_s;
	uint64_t deadline_ms;     /* loop time when the code expires */
	struct oauth_http *req;
	int status;               /* the exit status once done */
};

static void finish(struct flow *f, int status)
{
	f->status = status;
	uv_timer_stop(&f->timer);
	uv_close((uv_handle_t *)&f->timer, NULL);
}

static void fail(struct flow *f, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void fail(struct flow *f, const char *fmt, ...)
{
	va_list args;

	fprintf(stderr, "followupd: %s: ", f->label);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	finish(f, EXIT_FAILED);
}

static void poll_later(struct flow *f);

static void write_token(struct flow *f, const struct oauth_answer *a)
{
	char *why = NULL;

	if (a->refresh_token == NULL) {
		fail(f, "the provider signed you in but gave no refresh token (add offline_access "
		        "to oauth-scope, or check the application's settings)");
		return;
	}
	if (oauth_token_file_write(f->cfg->token_file, a->refresh_token, &why) < 0) {
		fail(f, "cannot write %s: %s (run this as the user followupd runs as)",
		     f->cfg->token_file, why);
		g_free(why);
		return;
	}
	fprintf(f->out, "Signed in. The refresh token is in %s (mode 0600); followupd uses it "
	        "from its next start (systemctl reload followupd).\n", f->cfg->token_file);
	finish(f, 0);
}

static void on_token(long status, const char *body, size_t len, const char *http_error,
                     void *p)
{
	struct flow *f = p;
	struct oauth_answer a = { 0 };
	char *why = NULL;

	f->req = NULL;
	if (http_error != NULL) {
		fail(f, "%s", http_error);
	} else if (oauth_answer_parse(body, len, &a, &why) < 0) {
		fail(f, "the token endpoint %s answered HTTP %ld, but %s", f->cfg->token_endpoint,
		     status, why);
	} else if (a.error == NULL) {
		write_token(f, &a);
	} else if (strcmp(a.error, "authorization_pending") == 0) {
		poll_later(f);
	} else if (strcmp(a.error, "slow_down") == 0) {
		f->interval_s += SLOW_DOWN_S;
		poll_later(f);
	} else if (strcmp(a.error, "access_denied") == 0) {
		fail(f, "the sign-in was refused at the provider (nothing was written)");
	} else if (strcmp(a.error, "expired_token") == 0) {
		fail(f, "the code expired before the sign-in (run this again)");
	} else {
		fail(f, "the token endpoint %s refused (%s%s%s)", f->cfg->token_endpoint, a.error,
		     a.error_description != NULL ? ": " : "",
		     a.error_description != NULL ? a.error_description : "");
	}
	oauth_answer_clear(&a);
	g_free(why);
}

static void on_timer(uv_timer_t *timer)
{
	struct flow *f = timer->data;
	GString *form = g_string_new(NULL);

	if (uv_now(&f->loop) >= f->deadline_ms) {
		g_string_free(form, TRUE);
		fail(f, "the code expired before the sign-in (run this again)");
		return;
	}
	oauth_http_form_add(form, "grant_type", DEVICE_GRANT);
	oauth_http_form_add(form, "device_code", f->device.device_code);
	oauth_http_form_add(form, "client_id", f->cfg->client_id);
	if (f->cfg->client_secret != NULL)
		oauth_http_form_add(form, "client_secret", f->cfg->client_secret);
	f->req = oauth_http_post(&f->loop, f->cfg->token_endpoint, form->str, TIMEOUT_S,
	                         on_token, f);
	explicit_bzero(form->str, form->len);
	g_string_free(form, TRUE);
	if (f->req == NULL)
		fail(f, "cannot start a request to %s", f->cfg->token_endpoint);
}

static void poll_later(struct flow *f)
{
	uv_timer_start(&f->timer, on_timer, (uint64_t)f->interval_s * 1000, 0);
}

static void on_device(long status, const char *body, size_t len, const char *http_error,
                      void *p)
{
	struct flow *f = p;
	char *why = NULL;

	f->req = NULL;
	if (http_error != NULL) {
		fail(f, "%s", http_error);
		return;
	}
	if (oauth_device_parse(body, len, &f->device, &why) < 0) {
		/* A refusal comes as an error object (invalid_client, invalid_scope). */
		struct oauth_answer a = { 0 };
		char *ignored = NULL;
		if (oauth_answer_parse(body, len, &a, &ignored) == 0 && a.error != NULL)
			fail(f, "the device endpoint %s refused (%s%s%s)", f->cfg->device_endpoint,
			     a.error, a.error_description != NULL ? ": " : "",
			     a.error_description != NULL ? a.error_description : "");
		else
			fail(f, "the device endpoint %s answered HTTP %ld, but %s",
			     f->cfg->device_endpoint, status, why);
		oauth_answer_clear(&a);
		g_free(ignored);
		g_free(why);
		return;
	}
	f->interval_s = f->device.interval;
	f->deadline_ms = uv_now(&f->loop) + (uint64_t)f->device.expires_in * 1000;
	fprintf(f->out, "To let followupd use %s, open\n\n    %s\n\nin a browser, sign in as "
	        "the mailbox's user, and enter the code\n\n    %s\n\nThe code expires in %lld "
	        "minutes. Waiting for the sign-in...\n", f->label, f->device.verification_uri,
	        f->device.user_code, (long long)(f->device.expires_in + 59) / 60);
	fflush(f->out);
	poll_later(f);
}

/* The OAuth2 settings NAME stands for, or NULL after saying why. */
static const struct config_oauth *find_oauth(const struct config *cfg, const char *name,
                                             char **label_r)
{
	const struct config_oauth *o = NULL;

	if (strcmp(name, "--smtp") == 0 && cfg->smtp.present) {
		o = &cfg->smtp.oauth;
		*label_r = g_strdup("[smtp]");
	}
	for (size_t i = 0; o == NULL && i < cfg->n_accounts; i++) {
		if (strcmp(cfg->accounts[i].name, name) == 0) {
			o = &cfg->accounts[i].oauth;
			*label_r = g_strdup_printf("account %s", name);
		}
	}
	if (o == NULL) {
		fprintf(stderr, "followupd: %s: no such %s in %s\n", name,
		        name[0] == '-' ? "section [smtp]" : "[account NAME]", cfg->path);
	} else if (o->auth == CONFIG_AUTH_PASSWORD) {
		fprintf(stderr, "followupd: %s logs in with a password (write auth = xoauth2 or "
		        "oauthbearer, with oauth-client-id and oauth-token-file)\n", *label_r);
	} else if (o->external) {
		fprintf(stderr, "followupd: %s has no oauth-client-id: its token file holds an access "
		        "token another program keeps fresh (write oauth-client-id and oauth-provider "
		        "for followup to sign in and refresh itself)\n", *label_r);
	} else if (o->device_endpoint == NULL) {
		fprintf(stderr, "followupd: %s has no device authorization endpoint (write "
		        "oauth-provider = gmail or microsoft, or oauth-device-endpoint = https://...)\n",
		        *label_r);
	} else {
		return o;
	}
	g_free(*label_r);
	*label_r = NULL;
	return NULL;
}

int oauth_device_main(const struct config *cfg, const char *name, FILE *out)
{
	struct flow f = { .out = out, .status = EXIT_FAILED };
	char *label = NULL;
	GString *form;

	f.cfg = find_oauth(cfg, name, &label);
	if (f.cfg == NULL)
		return EXIT_CONFIG;
	f.label = label;
	uv_loop_init(&f.loop);
	uv_timer_init(&f.loop, &f.timer);
	f.timer.data = &f;
	form = g_string_new(NULL);
	oauth_http_form_add(form, "client_id", f.cfg->client_id);
	if (f.cfg->scope != NULL)
		oauth_http_form_add(form, "scope", f.cfg->scope);
	f.req = oauth_http_post(&f.loop, f.cfg->device_endpoint, form->str, TIMEOUT_S, on_device,
	                        &f);
	g_string_free(form, TRUE);
	if (f.req == NULL)
		fail(&f, "cannot start a request to %s", f.cfg->device_endpoint);
	uv_run(&f.loop, UV_RUN_DEFAULT);
	oauth_http_cancel(&f.req);
	uv_run(&f.loop, UV_RUN_DEFAULT);
	uv_loop_close(&f.loop);
	oauth_device_clear(&f.device);
	g_free(label);
	return f.status;
}
