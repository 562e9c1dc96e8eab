/*
 * curl_uv: see curl_uv.h. libuv's handle rule applies: every handle is
 * uv_close()d and its memory freed only in the close callback; the
 * curl_uv itself goes when its last handle has closed.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <glib.h>

#include "daemon/curl_uv.h"
#include "daemon/log.h"

struct sock_ctx {
	uv_poll_t poll;
	curl_socket_t fd;
	struct curl_uv *cu;
	struct sock_ctx *next;
};

struct transfer {
	curl_uv_done_fn *done;
	void *ctx;
};

struct curl_uv {
	uv_loop_t *loop;
	CURLM *multi;
	uv_timer_t timer;
	struct sock_ctx *socks;   /* the sockets curl asked us to watch */
	unsigned open_handles;    /* handles not yet closed (timer + polls) */
	bool released;            /* curl_uv_release_sockets() was called */
	bool freeing;
	GHashTable *transfers;    /* CURL* -> struct transfer* */
};

static void maybe_free(struct curl_uv *cu)
{
	if (!cu->freeing || cu->open_handles > 0)
		return;
	g_hash_table_destroy(cu->transfers);
	g_free(cu);
}

static void on_handle_closed(uv_handle_t *handle)
{
	struct curl_uv *cu = handle->data;

	cu->open_handles--;
	maybe_free(cu);
}

static void on_sock_closed(uv_handle_t *handle)
{
	struct sock_ctx *sc = handle->data;
	struct curl_uv *cu = sc->cu;

	g_free(sc);
	cu->open_handles--;
	maybe_free(cu);
}

static void sock_close(struct curl_uv *cu, struct sock_ctx *sc)
{
	struct sock_ctx **p;

	for (p = &cu->socks; *p != NULL; p = &(*p)->next) {
		if (*p == sc) {
			*p = sc->next;
			break;
		}
	}
	uv_poll_stop(&sc->poll);
	uv_close((uv_handle_t *)&sc->poll, on_sock_closed);
}

/* Delivers the end of every finished transfer to its owner. */
static void dispatch_done(struct curl_uv *cu)
{
	CURLMsg *msg;
	int pending;

	while (!cu->freeing && (msg = curl_multi_info_read(cu->multi, &pending)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		struct transfer *t = g_hash_table_lookup(cu->transfers, msg->easy_handle);
		if (t != NULL && t->done != NULL) {
			curl_uv_done_fn *done = t->done;
			t->done = NULL;   /* once */
			done(msg->easy_handle, msg->data.result, t->ctx);
		}
	}
}

static void on_poll(uv_poll_t *poll, int status, int events)
{
	struct sock_ctx *sc = poll->data;
	struct curl_uv *cu = sc->cu;
	int flags = 0, running;

	if (status < 0)
		flags = CURL_CSELECT_ERR;
	if (events & UV_READABLE)
		flags |= CURL_CSELECT_IN;
	if (events & UV_WRITABLE)
		flags |= CURL_CSELECT_OUT;
	curl_multi_socket_action(cu->multi, sc->fd, flags, &running);
	dispatch_done(cu);
}

static void on_timeout(uv_timer_t *timer)
{
	struct curl_uv *cu = timer->data;
	int running;

	curl_multi_socket_action(cu->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	dispatch_done(cu);
}

static int on_curl_timer(CURLM *multi, long timeout_ms, void *userp)
{
	struct curl_uv *cu = userp;

	(void)multi;
	if (timeout_ms < 0)
		uv_timer_stop(&cu->timer);
	else
		uv_timer_start(&cu->timer, on_timeout, (uint64_t)timeout_ms, 0);
	return 0;
}

static int on_curl_socket(CURL *easy, curl_socket_t fd, int action, void *userp, void *socketp)
{
	struct curl_uv *cu = userp;
	struct sock_ctx *sc = socketp;
	int events = 0;

	(void)easy;
	if (cu->released || cu->freeing)
		return 0;
	if (action == CURL_POLL_REMOVE) {
		if (sc != NULL) {
			curl_multi_assign(cu->multi, fd, NULL);
			sock_close(cu, sc);
		}
		return 0;
	}
	if (sc == NULL) {
		sc = g_new0(struct sock_ctx, 1);
		sc->fd = fd;
		sc->cu = cu;
		if (uv_poll_init_socket(cu->loop, &sc->poll, fd) != 0) {
			log_error("cannot watch socket %d", (int)fd);
			g_free(sc);
			return -1;
		}
		sc->poll.data = sc;
		sc->next = cu->socks;
		cu->socks = sc;
		cu->open_handles++;
		curl_multi_assign(cu->multi, fd, sc);
	}
	if (action == CURL_POLL_IN || action == CURL_POLL_INOUT)
		events |= UV_READABLE;
	if (action == CURL_POLL_OUT || action == CURL_POLL_INOUT)
		events |= UV_WRITABLE;
	uv_poll_start(&sc->poll, events, on_poll);
	return 0;
}

struct curl_uv *curl_uv_new(uv_loop_t *loop)
{
	struct curl_uv *cu = g_new0(struct curl_uv, 1);

	cu->loop = loop;
	cu->multi = curl_multi_init();
	cu->transfers = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	uv_timer_init(loop, &cu->timer);
	cu->timer.data = cu;
	cu->open_handles = 1;
	curl_multi_setopt(cu->multi, CURLMOPT_SOCKETFUNCTION, on_curl_socket);
	curl_multi_setopt(cu->multi, CURLMOPT_SOCKETDATA, cu);
	curl_multi_setopt(cu->multi, CURLMOPT_TIMERFUNCTION, on_curl_timer);
	curl_multi_setopt(cu->multi, CURLMOPT_TIMERDATA, cu);
	return cu;
}

int curl_uv_add(struct curl_uv *cu, CURL *easy, curl_uv_done_fn *done, void *ctx)
{
	struct transfer *t = g_new0(struct transfer, 1);

	t->done = done;
	t->ctx = ctx;
	g_hash_table_replace(cu->transfers, easy, t);
	if (curl_multi_add_handle(cu->multi, easy) != CURLM_OK) {
		g_hash_table_remove(cu->transfers, easy);
		return -1;
	}
	return 0;
}

void curl_uv_remove(struct curl_uv *cu, CURL *easy)
{
	if (g_hash_table_remove(cu->transfers, easy))
		curl_multi_remove_handle(cu->multi, easy);
}

void curl_uv_release_sockets(struct curl_uv *cu)
{
	cu->released = true;
	while (cu->socks != NULL) {
		curl_multi_assign(cu->multi, cu->socks->fd, NULL);
		sock_close(cu, cu->socks);
	}
}

void curl_uv_free(struct curl_uv **cup)
{
	struct curl_uv *cu = *cup;
	GHashTableIter iter;
	gpointer easy;

	if (cu == NULL)
		return;
	*cup = NULL;
	curl_uv_release_sockets(cu);
	cu->freeing = true;
	g_hash_table_iter_init(&iter, cu->transfers);
	while (g_hash_table_iter_next(&iter, &easy, NULL))
		curl_multi_remove_handle(cu->multi, easy);
	g_hash_table_remove_all(cu->transfers);
	curl_multi_cleanup(cu->multi);
	cu->multi = NULL;
	uv_timer_stop(&cu->timer);
	uv_close((uv_handle_t *)&cu->timer, on_handle_closed);
}
