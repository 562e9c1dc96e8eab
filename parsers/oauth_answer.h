#ifndef FOLLOWUP_PARSERS_OAUTH_ANSWER_H
#define FOLLOWUP_PARSERS_OAUTH_ANSWER_H
/*
 * oauth_answer: what an OAuth2 token endpoint (RFC 6749 section 5) or
 * device authorization endpoint (RFC 8628 section 3.2) answered, parsed
 * from its JSON body. Pure; the bytes come from a server that may be
 * hostile, so everything is bounded and checked: a body over
 * OAUTH_ANSWER_MAX, a token that is not printable ASCII or too long, an
 * expires_in out of range are errors, never kept.
 *
 * The structs own their strings (g_malloc); the _clear functions wipe
 * the tokens before freeing them.
 */
#include <stddef.h>
#include <stdint.h>

#define OAUTH_ANSWER_MAX (64 * 1024)       /* larger bodies are refused */
#define OAUTH_TOKEN_MAX 8192               /* an access token (Microsoft's run to ~3 KiB) */
#define OAUTH_REFRESH_TOKEN_MAX 4000       /* fits the token file's first line */
#define OAUTH_EXPIRES_DEFAULT 3600         /* when the answer says nothing */

/* A token endpoint's answer: a token, or an error (RFC 6749 5.2,
 * RFC 8628 3.5). Exactly one of access_token and error is set. */
struct oauth_answer {
	char *access_token;
	char *refresh_token;      /* a new (rotated) one, or NULL */
	int64_t expires_in;       /* seconds, 1 … one year; default 3600 */
	char *error;              /* "invalid_grant", "authorization_pending" …, or NULL */
	char *error_description;  /* made one printable line, at most 300 bytes, or NULL */
};

/* 0 with *answer_r filled, or -1 with *error_r (g_free) saying what is
 * wrong with the body in words for the log (never quoting a token). */
int oauth_answer_parse(const char *body, size_t len, struct oauth_answer *answer_r,
                       char **error_r);
void oauth_answer_clear(struct oauth_answer *answer);

/* A device authorization answer (RFC 8628 3.2). */
struct oauth_device {
	char *device_code;
	char *user_code;
	char *verification_uri;   /* verification_uri, or Google's verification_url */
	int64_t expires_in;       /* seconds; default 1800 */
	int64_t interval;         /* seconds between polls, 1 … 60; default 5 */
};

int oauth_device_parse(const char *body, size_t len, struct oauth_device *device_r,
                       char **error_r);
void oauth_device_clear(struct oauth_device *device);

#endif
