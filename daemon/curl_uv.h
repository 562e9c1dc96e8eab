#ifndef FOLLOWUP_DAEMON_CURL_UV_H
#define FOLLOWUP_DAEMON_CURL_UV_H
/*
 * curl_uv: libcurl's multi socket API driven by the libuv loop (the
 * pattern of curl's docs/examples/multi-uv.c): a uv_poll_t per socket
 * curl asks to watch, one uv_timer_t for curl's timeout, and
 * curl_multi_socket_action() from both.
 *
 * Each IMAP connection has its own curl_uv (its own multi handle), so
 * nothing else on that multi can prune or reuse the connection it keeps
 * open with CURLOPT_CONNECT_ONLY.
 */
#include <curl/curl.h>
#include <uv.h>

struct curl_uv;

/* Called on the loop thread when a transfer ends. The easy handle stays
 * in the multi (curl_easy_send/recv on a CONNECT_ONLY handle need that)
 * until curl_uv_remove(). */
typedef void curl_uv_done_fn(CURL *easy, CURLcode result, void *ctx);

struct curl_uv *curl_uv_new(uv_loop_t *loop);
/* Closes the handles; the memory goes in their close callbacks. Removes
 * and does not clean up any easy handle still added. */
void curl_uv_free(struct curl_uv **cu);

/* Starts a transfer. 0 or -1. */
int curl_uv_add(struct curl_uv *cu, CURL *easy, curl_uv_done_fn *done, void *ctx);
void curl_uv_remove(struct curl_uv *cu, CURL *easy);

/* Stops watching every socket for curl from now on, so that the caller can
 * poll a CONNECT_ONLY connection's socket itself. */
void curl_uv_release_sockets(struct curl_uv *cu);

#endif
