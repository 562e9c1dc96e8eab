#ifndef FOLLOWUP_DAEMON_OAUTH_H
#define FOLLOWUP_DAEMON_OAUTH_H
/*
 * oauth: OAuth2 access tokens for one login (an account, or [smtp]).
 *
 * The refresh token (config_oauth.refresh_token, read from the
 * oauth-token-file) buys an access token from the token endpoint with a
 * POST grant_type=refresh_token, through libcurl on the libuv loop
 * (curl_uv). The access token is kept in memory only and used until a
 * minute before it expires (half its lifetime when that is shorter). A
 * refresh token the provider rotates is written back to the token file,
 * atomically; when the file cannot be written that is logged once and the
 * new one is kept in memory. No token or secret is ever logged: the
 * request is not traced.
 *
 * With no client ID and no endpoint (config_oauth.external) the token
 * file holds an access token that another program keeps fresh: it is
 * read again for each login, and nothing is refreshed here.
 *
 * The request goes through daemon/oauth_http.c. The client borrows its struct config_oauth, which must outlive it.
 */
#include <stdbool.h>
#include <uv.h>

struct config_oauth;
struct oauth_client;

struct oauth_settings {
	const char *label;        /* "account sales", "smtp": for messages */
	const char *who;          /* what `followup oauth` takes to renew it: "sales", "--smtp" */
	const struct config_oauth *oauth; /* borrowed */
	unsigned timeout_seconds; /* of a refresh; 0: 60 */
};

/* access_token (valid during the call only) or error (words for the log,
 * naming the login and what to do), never both. */
typedef void oauth_token_fn(const char *access_token, const char *error, void *ctx);

struct oauth_client *oauth_client_new(uv_loop_t *loop, const struct oauth_settings *settings);
/* Calls fn with an access token: inside this call when the one in memory
 * is still good, else once a refresh has answered. One request at a time:
 * -1 when one is waiting already (or the refresh cannot start: then fn is
 * not called). */
int oauth_client_token(struct oauth_client *c, oauth_token_fn *fn, void *ctx);
/* The server refused the access token: the next request refreshes it. */
void oauth_client_invalidate(struct oauth_client *c);
/* Forgets a waiting request; its fn is not called. */
void oauth_client_cancel(struct oauth_client *c);
/* Frees; a refresh in flight is abandoned without its callback. */
void oauth_client_free(struct oauth_client **c);

/* A refresh token into its token file: a new file beside it, for
 * followupd's user alone (0600), renamed over it, so that a crash leaves
 * the old file or the new one whole. 0, or -1 with *error_r (g_free). */
int oauth_token_file_write(const char *path, const char *token, char **error_r);

#endif
