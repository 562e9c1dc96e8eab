#ifndef FOLLOWUP_DAEMON_SMTP_H
#define FOLLOWUP_DAEMON_SMTP_H
/*
 * smtp: hands one composed message to the SMTP server with libcurl, on the
 * libuv loop (curl_uv). smtp:// requires STARTTLS unless tls is off;
 * smtps:// is TLS from the start. The answer is sorted the way a mail
 * queue needs it: sent (250), a temporary failure to retry later (4xx, a
 * connection or TLS problem), or a permanent one (5xx) to give up on.
 */
#include <stdbool.h>
#include <stddef.h>
#include <uv.h>

struct config_oauth;
struct smtp_client;

struct smtp_settings {
	const char *url;          /* smtp://host[:port] or smtps://host[:port] */
	bool tls;
	const char *user;         /* NULL: no AUTH */
	const char *password;
	const struct config_oauth *oauth; /* auth = xoauth2 or oauthbearer: AUTH with an
	                           * access token (daemon/oauth.c) instead of the
	                           * password; borrowed, outlives the client; or NULL */
	const char *ca_file;      /* NULL: the system's CAs */
	unsigned timeout_seconds; /* 0: 60 */
};

enum smtp_result {
	SMTP_SENT = 0,
	SMTP_TEMPFAIL,
	SMTP_PERMFAIL,
};

/* detail: the server's or libcurl's words, for the log and the outbox. */
typedef void smtp_sent_fn(enum smtp_result result, const char *detail, void *ctx);

/* Copies the settings. */
struct smtp_client *smtp_client_new(uv_loop_t *loop, const struct smtp_settings *settings);
/* Sends raw (copied) from envelope_from ("" means the null sender <>) to
 * recipient; sent is called once, later, on the loop. 0 or -1. */
int smtp_client_send(struct smtp_client *c, const char *envelope_from, const char *recipient,
                     const char *raw, size_t len, smtp_sent_fn *sent, void *ctx);
/* True while a message is being sent. */
bool smtp_client_busy(const struct smtp_client *c);
/* Closes; a send in progress is abandoned without its callback. */
void smtp_client_free(struct smtp_client **c);

#endif
