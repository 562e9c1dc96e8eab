/*
 * oauth_http: see oauth_http.h.
 */
#include <stdbool.h>
#include <string.h>
#include <curl/curl.h>
#include <glib.h>

#include "daemon/oauth_http.h"
#include "daemon/curl_hint.h"
#include "daemon/curl_uv.h"
#include "parsers/oauth_answer.h"

struct oauth_http {
	struct curl_uv *cu;
	CURL *easy;
	struct curl_slist *headers;
	char *url;
	char *body;
	GString *answer;
	bool too_long;            /* the answer passed OAUTH_ANSWER_MAX */
	char errbuf[CURL_ERROR_SIZE];
	oauth_http_done_fn *done;
	void *ctx;
};

static void wipe_free(char *s)
{
	if (s != NULL)
		explicit_bzero(s, strlen(s));
	g_free(s);
}

static void request_free(struct oauth_http *r)
{
	if (r->easy != NULL) {
		curl_uv_remove(r->cu, r->easy);
		curl_easy_cleanup(r->easy);
	}
	curl_uv_free(&r->cu);
	curl_slist_free_all(r->headers);
	wipe_free(r->body);
	explicit_bzero(r->answer->str, r->answer->len);
	g_string_free(r->answer, TRUE);
	g_free(r->url);
	g_free(r);
}

static size_t on_write(char *data, size_t size, size_t n, void *p)
{
	struct oauth_http *r = p;

	/* A larger answer is no OAuth2 endpoint's: the transfer fails. */
	if (r->answer->len + size * n > OAUTH_ANSWER_MAX) {
		r->too_long = true;
		return 0;
	}
	g_string_append_len(r->answer, data, (gssize)(size * n));
	return size * n;
}

static void on_done(CURL *easy, CURLcode rc, void *p)
{
	struct oauth_http *r = p;
	char *error = NULL, *why;
	long status = 0;

	curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
	if (r->too_long) {
		error = g_strdup_printf("%s answered more than %d bytes, which is no OAuth2 "
		                        "answer; not read", r->url, OAUTH_ANSWER_MAX);
	} else if (rc != CURLE_OK) {
		why = curl_hint_describe(rc, r->errbuf, "https");
		error = g_strdup_printf("cannot reach %s: %s", r->url, why);
		g_free(why);
	}
	r->done(status, r->answer->str, r->answer->len, error, r->ctx);
	g_free(error);
	request_free(r);
}

struct oauth_http *oauth_http_post(uv_loop_t *loop, const char *url, const char *body,
                                   unsigned timeout_s, oauth_http_done_fn *done, void *ctx)
{
	struct oauth_http *r = g_new0(struct oauth_http, 1);

	r->cu = curl_uv_new(loop);
	r->url = g_strdup(url);
	r->body = g_strdup(body);
	r->answer = g_string_new(NULL);
	r->done = done;
	r->ctx = ctx;
	r->headers = curl_slist_append(NULL, "Accept: application/json");
	if ((r->easy = curl_easy_init()) == NULL) {
		request_free(r);
		return NULL;
	}
	curl_easy_setopt(r->easy, CURLOPT_URL, r->url);
	/* The configuration allows http:// only to this machine. */
	curl_easy_setopt(r->easy, CURLOPT_PROTOCOLS_STR, "https,http");
	curl_easy_setopt(r->easy, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(r->easy, CURLOPT_POSTFIELDS, r->body);
	curl_easy_setopt(r->easy, CURLOPT_HTTPHEADER, r->headers);
	curl_easy_setopt(r->easy, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(r->easy, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(r->easy, CURLOPT_USERAGENT, "followupd");
	curl_easy_setopt(r->easy, CURLOPT_CONNECTTIMEOUT, (long)timeout_s);
	curl_easy_setopt(r->easy, CURLOPT_TIMEOUT, (long)timeout_s);
	curl_easy_setopt(r->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(r->easy, CURLOPT_ERRORBUFFER, r->errbuf);
	if (curl_uv_add(r->cu, r->easy, on_done, r) < 0) {
		request_free(r);
		return NULL;
	}
	return r;
}

void oauth_http_cancel(struct oauth_http **rp)
{
	if (*rp == NULL)
		return;
	request_free(*rp);
	*rp = NULL;
}

void oauth_http_form_add(GString *form, const char *name, const char *value)
{
	char *escaped = g_uri_escape_string(value, NULL, FALSE);

	g_string_append_printf(form, "%s%s=%s", form->len > 0 ? "&" : "", name, escaped);
	explicit_bzero(escaped, strlen(escaped));
	g_free(escaped);
}
