/*
 * imap: see imap.h.
 */
#include <stdint.h>
#include <string.h>
#include <curl/curl.h>
#include <glib.h>

#include "daemon/imap.h"
#include "daemon/curl_hint.h"
#include "daemon/curl_trace.h"
#include "daemon/curl_uv.h"
#include "daemon/log.h"

#define DEFAULT_TIMEOUT_S 120
#define READ_CHUNK (64 * 1024)
/* The slowest server worth waiting for: a command that expects n bytes
 * gets the timeout plus n at this rate, and not a second more, however
 * the server trickles them. */
#define MIN_RATE_BYTES_PER_S (16 * 1024)
/* Bytes read in one turn of the loop: a server that sends without pause
 * (a flood while idling) cannot keep timers and signals waiting. */
#define READ_PER_TURN (1024 * 1024)
/* Literals from this size on are handed over without a copy. */
#define TAKE_WITHOUT_COPY (256 * 1024)

struct imap_cmd {
	char tag[16];
	char *line;               /* "TAG COMMAND\r\n" */
	uint64_t deadline_ms;     /* from sending to the tagged answer */
	imap_untagged_fn *untagged;
	imap_done_fn *done;
	void *ctx;
	/* IDLE (RFC 2177): no deadline between the server's "+" and DONE */
	bool idle;
	bool continued;           /* the "+" came: idling */
	bool done_wanted;         /* DONE asked for before the "+" */
	bool done_sent;
};

enum conn_state {
	CONN_NEW = 0,
	CONN_CONNECTING,
	CONN_READY,
	CONN_FAILED,
};

struct imap_conn {
	uv_loop_t *loop;
	char *label, *url, *user, *password, *ca_file;
	char *bearer, *login_options; /* OAuth2: the access token, "AUTH=XOAUTH2" */
	bool login_denied;        /* the server refused the login */
	bool tls;
	unsigned timeout_s;
	struct imap_resp_limits limits;

	struct curl_uv *cu;
	CURL *easy;
	struct curl_trace *trace; /* --log-level debug: the login, redacted */
	char errbuf[CURL_ERROR_SIZE];
	enum conn_state state;
	imap_ready_fn *ready;
	void *ready_ctx;

	uv_poll_t poll;
	bool poll_initialized;
	int poll_events;
	uv_timer_t timer;
	uv_idle_t more;           /* reading goes on at the loop's next turn */
	unsigned open_handles;

	GQueue cmds;              /* struct imap_cmd *; the head is in flight when sent */
	bool head_sent;
	unsigned tag_seq;
	GString *out;             /* bytes not yet sent */
	size_t out_off;

	unsigned char *in;        /* received bytes: [in_start, in_len) not yet parsed */
	size_t in_len, in_cap, in_start, in_need;
	size_t resp_end;          /* end of the response being handled */
	bool resp_taken;          /* its bytes left with imap_conn_take_literal() */

	uint64_t bytes_in, bytes_out; /* after the login: what the commands cost */
	int busy;                 /* depth of callbacks into the owner */
	bool freed;               /* imap_conn_free() was called */
};

static void cmd_free(struct imap_cmd *cmd)
{
	g_free(cmd->line);
	g_free(cmd);
}

static void on_closed(uv_handle_t *handle)
{
	struct imap_conn *c = handle->data;

	if (--c->open_handles > 0)
		return;
	g_free(c);
}

/* Starts tearing down; the struct goes in the last close callback. */
static void conn_close(struct imap_conn *c)
{
	struct imap_cmd *cmd;

	if (c->poll_initialized) {
		uv_poll_stop(&c->poll);
		uv_close((uv_handle_t *)&c->poll, on_closed);
		c->poll_initialized = false;
	}
	/* curl closes the socket, after the poll has stopped watching it. */
	curl_uv_free(&c->cu);
	if (c->easy != NULL)
		curl_easy_cleanup(c->easy);
	c->easy = NULL;
	curl_trace_free(&c->trace);
	while ((cmd = g_queue_pop_head(&c->cmds)) != NULL)
		cmd_free(cmd);
	g_string_free(c->out, TRUE);
	g_free(c->in);
	if (c->password != NULL)
		memset(c->password, 0, strlen(c->password));
	g_free(c->password);
	if (c->bearer != NULL)
		explicit_bzero(c->bearer, strlen(c->bearer));
	g_free(c->bearer);
	g_free(c->login_options);
	g_free(c->label);
	g_free(c->url);
	g_free(c->user);
	g_free(c->ca_file);
	uv_timer_stop(&c->timer);
	uv_close((uv_handle_t *)&c->timer, on_closed);
	uv_idle_stop(&c->more);
	uv_close((uv_handle_t *)&c->more, on_closed);
}

/* Around every call into the owner: the owner may free the conn. */
static void enter(struct imap_conn *c)
{
	c->busy++;
}

/* False when the conn must not be touched any more. */
static bool leave(struct imap_conn *c)
{
	if (--c->busy == 0 && c->freed) {
		conn_close(c);
		return false;
	}
	return !c->freed;
}

static void arm_timer(struct imap_conn *c);

static void fail(struct imap_conn *c, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void fail(struct imap_conn *c, const char *fmt, ...)
{
	va_list args;
	char *text;
	struct imap_cmd *cmd;

	if (c->state == CONN_FAILED || c->freed)
		return;
	va_start(args, fmt);
	text = g_strdup_vprintf(fmt, args);
	va_end(args);
	enum conn_state was = c->state;
	c->state = CONN_FAILED;
	uv_timer_stop(&c->timer);
	uv_idle_stop(&c->more);
	if (c->poll_initialized)
		uv_poll_stop(&c->poll);

	enter(c);
	if (was == CONN_CONNECTING && c->ready != NULL) {
		c->ready(c, text, c->ready_ctx);
	} else {
		while (!c->freed && (cmd = g_queue_pop_head(&c->cmds)) != NULL) {
			if (cmd->done != NULL)
				cmd->done(c, IMAP_STATUS_NONE, text, cmd->ctx);
			cmd_free(cmd);
		}
	}
	g_free(text);
	leave(c);
}

static void on_timeout(uv_timer_t *timer)
{
	struct imap_conn *c = timer->data;
	struct imap_cmd *cmd = g_queue_peek_head(&c->cmds);

	fail(c, "%s: %s did not finish answering in %llu s", c->label, c->url,
	     (unsigned long long)(cmd != NULL ? cmd->deadline_ms / 1000 : c->timeout_s));
}

/* One deadline per command, set when it is sent: bytes arriving do not
 * move it, so a server that trickles cannot hold a command for ever. */
static void arm_timer(struct imap_conn *c)
{
	struct imap_cmd *cmd = g_queue_peek_head(&c->cmds);

	if (cmd == NULL || !c->head_sent || (cmd->idle && cmd->continued && !cmd->done_sent))
		uv_timer_stop(&c->timer);
	else
		uv_timer_start(&c->timer, on_timeout, cmd->deadline_ms, 0);
}

static void on_poll(uv_poll_t *poll, int status, int events);

static void watch(struct imap_conn *c, int events)
{
	if (!c->poll_initialized || c->poll_events == events)
		return;
	c->poll_events = events;
	uv_poll_start(&c->poll, events, on_poll);
}

static void flush(struct imap_conn *c)
{
	while (c->out_off < c->out->len) {
		size_t n = 0;
		CURLcode rc = curl_easy_send(c->easy, c->out->str + c->out_off,
		                             c->out->len - c->out_off, &n);
		if (rc == CURLE_AGAIN)
			break;
		if (rc != CURLE_OK) {
			fail(c, "%s: sending to %s failed: %s", c->label, c->url,
			     curl_easy_strerror(rc));
			return;
		}
		c->out_off += n;
		c->bytes_out += n;
	}
	if (c->out_off == c->out->len) {
		g_string_truncate(c->out, 0);
		c->out_off = 0;
		watch(c, UV_READABLE);
	} else {
		watch(c, UV_READABLE | UV_WRITABLE);
	}
}

/* Sends the head command when nothing is in flight. */
static void send_next(struct imap_conn *c)
{
	struct imap_cmd *cmd = g_queue_peek_head(&c->cmds);

	if (c->state != CONN_READY || cmd == NULL || c->head_sent)
		return;
	c->head_sent = true;
	/* The command without its CRLF: followupd's own words (a mailbox name
	 * from the config, UIDs), never the login's. */
	log_debug("%s: > %.*s", c->label, (int)strcspn(cmd->line, "\r"), cmd->line);
	g_string_append(c->out, cmd->line);
	arm_timer(c);
	flush(c);
}

static void handle_tagged(struct imap_conn *c, const struct imap_response *resp)
{
	struct imap_cmd *cmd = g_queue_peek_head(&c->cmds);

	if (cmd == NULL || !c->head_sent || strcmp(cmd->tag, resp->tag) != 0) {
		fail(c, "%s: %s answered a command it was not given (tag %s)", c->label, c->url,
		     resp->tag);
		return;
	}
	g_queue_pop_head(&c->cmds);
	c->head_sent = false;
	arm_timer(c);
	if (cmd->done != NULL) {
		enter(c);
		cmd->done(c, resp->status, resp->text, cmd->ctx);
		cmd_free(cmd);
		if (!leave(c))
			return;
	} else {
		cmd_free(cmd);
	}
	send_next(c);
}

/* DONE goes out with the next writable event (this may run inside a
 * callback, where sending could fail re-entrantly); its tagged answer has
 * the normal deadline from now. */
static void send_idle_done(struct imap_conn *c, struct imap_cmd *cmd)
{
	cmd->done_sent = true;
	log_debug("%s: > DONE", c->label);
	g_string_append(c->out, "DONE\r\n");
	uv_timer_start(&c->timer, on_timeout, cmd->deadline_ms, 0);
	watch(c, UV_READABLE | UV_WRITABLE);
}

static void idle_continued(struct imap_conn *c, struct imap_cmd *cmd,
                           const struct imap_response *resp)
{
	cmd->continued = true;
	if (cmd->done_wanted)
		send_idle_done(c, cmd);
	else
		arm_timer(c);     /* idling: no deadline until DONE */
	if (cmd->untagged != NULL) {
		enter(c);
		cmd->untagged(c, resp, cmd->ctx);
		leave(c);
	}
}

static void handle_response(struct imap_conn *c, const struct imap_response *resp)
{
	struct imap_cmd *cmd;

	switch (resp->kind) {
	case IMAP_RESP_TAGGED:
		handle_tagged(c, resp);
		break;
	case IMAP_RESP_UNTAGGED:
		if (resp->status == IMAP_STATUS_BYE && g_queue_is_empty(&c->cmds)) {
			fail(c, "%s: %s closed the connection: %s", c->label, c->url, resp->text);
			break;
		}
		cmd = g_queue_peek_head(&c->cmds);
		if (cmd != NULL && c->head_sent && cmd->untagged != NULL) {
			enter(c);
			cmd->untagged(c, resp, cmd->ctx);
			leave(c);
		}
		break;
	case IMAP_RESP_CONTINUATION:
		/* followupd sends no literals: only IDLE waits for a "+"; a
		 * stray one is harmless. */
		cmd = g_queue_peek_head(&c->cmds);
		if (cmd != NULL && c->head_sent && cmd->idle && !cmd->continued)
			idle_continued(c, cmd, resp);
		break;
	}
}

static void compact_input(struct imap_conn *c)
{
	if (c->in_start == c->in_len) {
		c->in_start = c->in_len = 0;
	} else if (c->in_start > c->in_cap / 2) {
		memmove(c->in, c->in + c->in_start, c->in_len - c->in_start);
		c->in_len -= c->in_start;
		c->in_start = 0;
	}
}

static void process_input(struct imap_conn *c)
{
	while (!c->freed && c->state == CONN_READY) {
		size_t avail = c->in_len - c->in_start, consumed = 0;
		struct imap_response resp;
		const char *error = NULL;

		if (avail == 0 || avail < c->in_need)
			break;
		memset(&resp, 0, sizeof(resp));
		enum imap_parse_result r = imap_resp_parse(c->in + c->in_start, avail, &c->limits,
		                                           &resp, &consumed, &error);
		if (r == IMAP_PARSE_ERROR) {
			imap_response_clear(&resp);
			fail(c, "%s: cannot understand %s: %s", c->label, c->url,
			     error != NULL ? error : "protocol error");
			return;
		}
		if (r == IMAP_PARSE_NEED_MORE) {
			c->in_need = consumed;
			break;
		}
		c->in_need = 0;
		c->resp_end = c->in_start + consumed;
		c->resp_taken = false;
		enter(c);
		handle_response(c, &resp);
		imap_response_clear(&resp);
		if (!leave(c))
			return;
		if (c->resp_taken)
			c->resp_taken = false;    /* the buffer holds what came after it now */
		else
			c->in_start += consumed;
	}
	if (!c->freed)
		compact_input(c);
}

static void reserve_input(struct imap_conn *c)
{
	size_t want = c->in_start + MAX(c->in_need, c->in_len - c->in_start) + READ_CHUNK;

	if (c->in_cap >= c->in_len + READ_CHUNK && c->in_cap >= c->in_start + c->in_need)
		return;
	if (want < c->in_cap * 2)
		want = c->in_cap * 2;
	c->in = g_realloc(c->in, want);
	c->in_cap = want;
}

static void on_more(uv_idle_t *idle);

static void read_input(struct imap_conn *c)
{
	size_t turn = 0;

	for (;;) {
		size_t n = 0;
		if (turn >= READ_PER_TURN) {
			/* Not the poll: TLS may hold decrypted bytes it cannot see. */
			uv_idle_start(&c->more, on_more);
			return;
		}
		reserve_input(c);
		CURLcode rc = curl_easy_recv(c->easy, c->in + c->in_len, c->in_cap - c->in_len, &n);
		if (rc == CURLE_AGAIN)
			break;
		if (rc != CURLE_OK) {
			fail(c, "%s: reading from %s failed: %s", c->label, c->url,
			     curl_easy_strerror(rc));
			return;
		}
		if (n == 0) {
			fail(c, "%s: %s closed the connection", c->label, c->url);
			return;
		}
		c->in_len += n;
		c->bytes_in += n;
		turn += n;
		/* Parse as we go: the buffer never holds more than one
		 * response, whatever the server sends. */
		process_input(c);
		if (c->freed || c->state != CONN_READY)
			return;
	}
}

static void on_more(uv_idle_t *idle)
{
	struct imap_conn *c = idle->data;

	uv_idle_stop(idle);
	if (c->freed || c->state != CONN_READY)
		return;
	enter(c);
	read_input(c);
	leave(c);
}

static void on_poll(uv_poll_t *poll, int status, int events)
{
	struct imap_conn *c = poll->data;

	if (c->freed || c->state != CONN_READY)
		return;
	enter(c);
	if (status < 0) {
		fail(c, "%s: connection to %s failed: %s", c->label, c->url, uv_strerror(status));
	} else {
		if (events & UV_WRITABLE)
			flush(c);
		if ((events & UV_READABLE) && c->state == CONN_READY && !c->freed)
			read_input(c);
	}
	leave(c);
}

static void on_connected(CURL *easy, CURLcode result, void *ctx)
{
	struct imap_conn *c = ctx;
	curl_socket_t fd = CURL_SOCKET_BAD;

	if (result != CURLE_OK) {
		c->login_denied = result == CURLE_LOGIN_DENIED;
		char *why = curl_hint_describe(result, c->errbuf, "imaps");
		fail(c, "%s: cannot log in to %s: %s", c->label, c->url, why);
		g_free(why);
		return;
	}
	if (curl_easy_getinfo(easy, CURLINFO_ACTIVESOCKET, &fd) != CURLE_OK ||
	    fd == CURL_SOCKET_BAD) {
		fail(c, "%s: libcurl kept no connection to %s", c->label, c->url);
		return;
	}
	curl_uv_release_sockets(c->cu);
	if (uv_poll_init_socket(c->loop, &c->poll, fd) != 0) {
		fail(c, "%s: cannot watch the connection to %s", c->label, c->url);
		return;
	}
	c->poll.data = c;
	c->poll_initialized = true;
	c->open_handles++;
	c->state = CONN_READY;
	watch(c, UV_READABLE);

	enter(c);
	c->ready(c, NULL, c->ready_ctx);
	if (!leave(c))
		return;
	send_next(c);
}

struct imap_conn *imap_conn_new(uv_loop_t *loop, const struct imap_settings *s)
{
	struct imap_conn *c = g_new0(struct imap_conn, 1);

	c->loop = loop;
	c->label = g_strdup(s->label != NULL ? s->label : "imap");
	c->url = g_strdup(s->url);
	c->user = g_strdup(s->user);
	c->password = g_strdup(s->password);
	if (s->bearer != NULL) {
		c->bearer = g_strdup(s->bearer);
		c->login_options = g_strdup_printf("AUTH=%s", s->sasl_mech);
	}
	c->ca_file = g_strdup(s->ca_file);
	c->tls = s->tls;
	c->timeout_s = s->timeout_seconds != 0 ? s->timeout_seconds : DEFAULT_TIMEOUT_S;
	c->limits.max_literal = s->max_literal;
	c->out = g_string_new(NULL);
	g_queue_init(&c->cmds);
	uv_timer_init(loop, &c->timer);
	c->timer.data = c;
	uv_idle_init(loop, &c->more);
	c->more.data = c;
	c->open_handles = 2;
	return c;
}

int imap_conn_connect(struct imap_conn *c, imap_ready_fn *ready, void *ctx)
{
	if (c->state != CONN_NEW)
		return -1;
	c->ready = ready;
	c->ready_ctx = ctx;
	c->easy = curl_easy_init();
	c->cu = curl_uv_new(c->loop);
	if (c->easy == NULL)
		return -1;
	curl_easy_setopt(c->easy, CURLOPT_URL, c->url);
	curl_easy_setopt(c->easy, CURLOPT_PROTOCOLS_STR, "imap,imaps");
	curl_easy_setopt(c->easy, CURLOPT_CONNECT_ONLY, 1L);
	curl_easy_setopt(c->easy, CURLOPT_USERNAME, c->user);
	if (c->bearer != NULL) {
		/* OAuth2: libcurl runs AUTHENTICATE XOAUTH2 or OAUTHBEARER (with
		 * SASL-IR when the server has it) and nothing else. */
		curl_easy_setopt(c->easy, CURLOPT_XOAUTH2_BEARER, c->bearer);
		curl_easy_setopt(c->easy, CURLOPT_LOGIN_OPTIONS, c->login_options);
	} else {
		curl_easy_setopt(c->easy, CURLOPT_PASSWORD, c->password);
	}
	curl_easy_setopt(c->easy, CURLOPT_USE_SSL, c->tls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	curl_easy_setopt(c->easy, CURLOPT_CONNECTTIMEOUT, (long)c->timeout_s);
	curl_easy_setopt(c->easy, CURLOPT_TIMEOUT, (long)c->timeout_s);
	curl_easy_setopt(c->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c->easy, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(c->easy, CURLOPT_SASL_IR, 1L);
	curl_easy_setopt(c->easy, CURLOPT_ERRORBUFFER, c->errbuf);
	if (c->ca_file != NULL)
		curl_easy_setopt(c->easy, CURLOPT_CAINFO, c->ca_file);
	c->trace = curl_trace_new(c->easy, c->label, REDACT_IMAP);
	c->state = CONN_CONNECTING;
	if (curl_uv_add(c->cu, c->easy, on_connected, c) < 0) {
		c->state = CONN_NEW;
		return -1;
	}
	return 0;
}

int imap_conn_command(struct imap_conn *c, const char *command, imap_untagged_fn *untagged,
                      imap_done_fn *done, void *ctx)
{
	return imap_conn_command_sized(c, command, 0, untagged, done, ctx);
}

/* Queues a command, sent at once when nothing else runs (and no callback
 * is being called, which sends it when it returns). */
static int queue_command(struct imap_conn *c, const char *command, uint64_t expected_bytes,
                         bool idle, imap_untagged_fn *untagged, imap_done_fn *done, void *ctx)
{
	struct imap_cmd *cmd;

	if (c->freed || c->state == CONN_FAILED || strpbrk(command, "\r\n") != NULL)
		return -1;
	cmd = g_new0(struct imap_cmd, 1);
	snprintf(cmd->tag, sizeof(cmd->tag), "f%u", ++c->tag_seq);
	cmd->line = g_strdup_printf("%s %s\r\n", cmd->tag, command);
	/* expected_bytes is bounded by the caller (the size limit times a
	 * batch); the sum cannot overflow 64 bits. */
	cmd->deadline_ms = (uint64_t)c->timeout_s * 1000 +
	                   MIN(expected_bytes, UINT64_MAX / 2000) * 1000 / MIN_RATE_BYTES_PER_S;
	cmd->idle = idle;
	cmd->untagged = untagged;
	cmd->done = done;
	cmd->ctx = ctx;
	g_queue_push_tail(&c->cmds, cmd);
	if (c->busy == 0)
		send_next(c);
	return 0;
}

int imap_conn_command_sized(struct imap_conn *c, const char *command, uint64_t expected_bytes,
                            imap_untagged_fn *untagged, imap_done_fn *done, void *ctx)
{
	return queue_command(c, command, expected_bytes, false, untagged, done, ctx);
}

int imap_conn_idle(struct imap_conn *c, imap_untagged_fn *untagged, imap_done_fn *done,
                   void *ctx)
{
	return queue_command(c, "IDLE", 0, true, untagged, done, ctx);
}

int imap_conn_idle_done(struct imap_conn *c)
{
	struct imap_cmd *cmd = g_queue_peek_head(&c->cmds);

	if (c->freed || c->state != CONN_READY || cmd == NULL || !cmd->idle)
		return -1;
	if (cmd->done_sent || cmd->done_wanted)
		return 0;
	if (!c->head_sent || !cmd->continued) {
		cmd->done_wanted = true;  /* RFC 2177: DONE only after the "+" */
		return 0;
	}
	send_idle_done(c, cmd);
	return 0;
}

unsigned char *imap_conn_take_literal(struct imap_conn *c, const unsigned char *body, size_t len)
{
	/* Only a literal of the response being handled, in the buffer (an
	 * unescaped quoted string lives elsewhere: compared as addresses). */
	uintptr_t b = (uintptr_t)body, start = (uintptr_t)(c->in + c->in_start),
	          end = (uintptr_t)(c->in + c->resp_end);
	if (len < TAKE_WITHOUT_COPY || c->resp_taken || b < start || b > end || len > end - b)
		return g_memdup2(body, len);

	/* What came after the response goes to a new, small buffer; the old
	 * one, the literal moved to its front, is trimmed and handed over. */
	size_t rest = c->in_len - c->resp_end;
	unsigned char *next = g_malloc(rest + READ_CHUNK);
	memcpy(next, c->in + c->resp_end, rest);
	memmove(c->in, body, len);
	unsigned char *taken = g_realloc(c->in, len);
	c->in = next;
	c->in_cap = rest + READ_CHUNK;
	c->in_len = rest;
	c->in_start = 0;
	c->resp_end = 0;
	c->resp_taken = true;
	return taken;
}

void imap_conn_bytes(const struct imap_conn *c, uint64_t *in_r, uint64_t *out_r)
{
	*in_r = c->bytes_in;
	*out_r = c->bytes_out;
}

bool imap_conn_login_denied(const struct imap_conn *c)
{
	return c->login_denied;
}

void imap_conn_free(struct imap_conn **cp)
{
	struct imap_conn *c = *cp;

	if (c == NULL)
		return;
	*cp = NULL;
	if (c->freed)
		return;
	c->freed = true;
	if (c->busy == 0)
		conn_close(c);
}
