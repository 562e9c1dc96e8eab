#ifndef FOLLOWUP_DAEMON_IMAP_H
#define FOLLOWUP_DAEMON_IMAP_H
/*
 * imap: one IMAP connection on the libuv loop.
 *
 * libcurl connects, does TLS (implicit for imaps://, STARTTLS for imap://
 * unless tls is off) and logs in, with CURLOPT_CONNECT_ONLY through the
 * multi socket API (curl_uv). Then this module speaks the few commands
 * followupd needs itself, with curl_easy_send/recv on the socket the loop
 * polls, and parses the answers with parsers/imap_resp. That is what
 * keeps followupd read-only towards the mailbox: it only ever sends
 * EXAMINE and FETCH with BODY.PEEK, which never set \Seen (and
 * CAPABILITY, IDLE and LOGOUT, which change nothing).
 */
#include <stdbool.h>
#include <stddef.h>
#include <uv.h>

#include "parsers/imap_resp.h"

struct imap_conn;

struct imap_settings {
	const char *label;        /* "account sales", for messages */
	const char *url;          /* imap://host[:port] or imaps://host[:port] */
	bool tls;                 /* require STARTTLS on imap:// */
	const char *user;
	const char *password;
	const char *bearer;       /* an OAuth2 access token: libcurl logs in with it by
	                           * SASL sasl_mech instead of the password, or NULL */
	const char *sasl_mech;    /* with bearer: "XOAUTH2" or "OAUTHBEARER" */
	const char *ca_file;      /* PEM file of CAs to trust instead of the system's, or NULL */
	unsigned timeout_seconds; /* connect; each command's deadline; 0: 120 */
	size_t max_literal;       /* largest literal accepted; 0: parser default */
};

/* Connected and logged in (error NULL), or failed (error says why, in
 * words for the log). */
typedef void imap_ready_fn(struct imap_conn *conn, const char *error, void *ctx);
/* An untagged response while a command runs; resp and what it points to
 * are valid only during the call. */
typedef void imap_untagged_fn(struct imap_conn *conn, const struct imap_response *resp,
                              void *ctx);
/* The command finished: status OK/NO/BAD with the server's text, or
 * IMAP_STATUS_NONE when the connection failed (text says why; the
 * connection is unusable then). */
typedef void imap_done_fn(struct imap_conn *conn, enum imap_resp_status status,
                          const char *text, void *ctx);

/* Copies the settings. */
struct imap_conn *imap_conn_new(uv_loop_t *loop, const struct imap_settings *settings);
/* Starts connecting; ready is called once, later, on the loop. 0 or -1. */
int imap_conn_connect(struct imap_conn *conn, imap_ready_fn *ready, void *ctx);
/* Queues a command (without tag and CRLF, e.g. "EXAMINE \"INBOX\""); 0 or
 * -1 when the connection is not usable. Commands run one at a time, in
 * order. */
int imap_conn_command(struct imap_conn *conn, const char *command, imap_untagged_fn *untagged,
                      imap_done_fn *done, void *ctx);
/* The same for a command whose answer is about expected_bytes long: its
 * deadline, from sending to the tagged answer, is the timeout plus the
 * time those bytes take at 16 KiB/s. (Every command has such a deadline;
 * bytes arriving never extend it.) */
int imap_conn_command_sized(struct imap_conn *conn, const char *command,
                            uint64_t expected_bytes, imap_untagged_fn *untagged,
                            imap_done_fn *done, void *ctx);
/* IDLE (RFC 2177), queued like a command. Its deadline runs from sending
 * it to the server's "+" and again from DONE to the tagged answer; in
 * between there is none (the caller ends and re-issues IDLE now and then,
 * which proves the connection alive). untagged gets every untagged
 * response while idling, and once the "+" itself (kind
 * IMAP_RESP_CONTINUATION) when idling begins; done gets the tagged answer
 * (OK after DONE; NO or BAD: the server refused IDLE; OK without DONE: the
 * server ended it) or IMAP_STATUS_NONE when the connection failed.
 * Commands queued meanwhile wait for that answer. 0 or -1 as above. */
int imap_conn_idle(struct imap_conn *conn, imap_untagged_fn *untagged, imap_done_fn *done,
                   void *ctx);
/* Ends the IDLE in flight with DONE (after the "+", at once or when it
 * comes). 0, or -1 when no IDLE is queued first. */
int imap_conn_idle_done(struct imap_conn *conn);
/* From an untagged callback: a g_malloc'd copy of a literal of the
 * response being handled (body, len as in its struct imap_fetch), the
 * caller's to g_free. A large one is handed over without copying its
 * bytes: then body and the response's other pointers into the receive
 * buffer must not be used any more. */
unsigned char *imap_conn_take_literal(struct imap_conn *conn, const unsigned char *body,
                                      size_t len);
/* Bytes received and sent since the login (the commands' cost). */
void imap_conn_bytes(const struct imap_conn *conn, uint64_t *in_r, uint64_t *out_r);
/* After ready reported an error: whether the server refused the login
 * (rather than the connection or TLS failing), for a caller that may try
 * again with a fresh OAuth2 token. */
bool imap_conn_login_denied(const struct imap_conn *conn);
/* Closes the connection; safe from inside any callback of this conn. No
 * callback is called after this. */
void imap_conn_free(struct imap_conn **conn);

#endif
