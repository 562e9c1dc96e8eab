#ifndef FOLLOWUP_DAEMON_OAUTH_HTTP_H
#define FOLLOWUP_DAEMON_OAUTH_HTTP_H
/*
 * oauth_http: one form POST to an OAuth2 endpoint through libcurl on the
 * libuv loop (curl_uv), its answer collected up to OAUTH_ANSWER_MAX bytes.
 * Used for refreshing tokens (oauth.c) and for the device flow
 * (oauth_device.c).
 *
 * The request is never traced: its body holds the refresh token or the
 * device code, its answer the tokens. Redirects are not followed, so what
 * is posted goes to the URL named and nowhere else. The body is wiped when
 * the request ends.
 */
#include <stddef.h>
#include <glib.h>
#include <uv.h>

struct oauth_http;

/* The answer: status and body (valid during the call), or error (words
 * for the log: the connection, TLS, a timeout, an answer over the limit);
 * the request is over, and freed, when this returns. */
typedef void oauth_http_done_fn(long status, const char *body, size_t len, const char *error,
                                void *ctx);

/* Posts body (application/x-www-form-urlencoded, copied) to url. NULL when
 * the request cannot start. */
struct oauth_http *oauth_http_post(uv_loop_t *loop, const char *url, const char *body,
                                   unsigned timeout_seconds, oauth_http_done_fn *done,
                                   void *ctx);
/* Abandons the request without its callback. */
void oauth_http_cancel(struct oauth_http **req);

/* name=value, URL-encoded, appended to a form ("&" between pairs). */
void oauth_http_form_add(GString *form, const char *name, const char *value);

#endif
