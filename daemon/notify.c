/*
 * notify: see notify.h. The protocol is the one sd_notify(3) documents
 * and promises to keep; it is a dozen lines, so followupd speaks it
 * itself rather than link libsystemd for it (docs/DECISIONS.md).
 */
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib.h>

#include "daemon/notify.h"
#include "daemon/log.h"
#include "lib/safe_text.h"

static int notify_fd = -1;
static struct sockaddr_un notify_addr;
static socklen_t notify_addr_len;

int notify_address_parse(const char *value, struct sockaddr_un *addr_r, socklen_t *len_r)
{
	size_t len = value != NULL ? strlen(value) : 0;

	if (len < 2 || (value[0] != '/' && value[0] != '@') ||
	    len > sizeof(addr_r->sun_path) - (value[0] == '/' ? 1 : 0))
		return -1;
	memset(addr_r, 0, sizeof(*addr_r));
	addr_r->sun_family = AF_UNIX;
	memcpy(addr_r->sun_path, value, len);
	/* An abstract address is exactly its bytes, the NUL first: no
	 * terminating NUL is counted. */
	if (value[0] == '@') {
		addr_r->sun_path[0] = '\0';
		*len_r = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
	} else {
		*len_r = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + 1);
	}
	return 0;
}

/* A decimal number, all of `s`, above 0. */
static bool parse_positive(const char *s, unsigned long long *n_r)
{
	char *end;

	if (s == NULL || *s < '0' || *s > '9')
		return false;
	errno = 0;
	*n_r = strtoull(s, &end, 10);
	return errno == 0 && *end == '\0' && *n_r > 0;
}

uint64_t notify_watchdog_usec(const char *usec, const char *pid, pid_t self)
{
	unsigned long long n, p;

	if (!parse_positive(usec, &n))
		return 0;
	if (pid != NULL && (!parse_positive(pid, &p) || p != (unsigned long long)self))
		return 0;
	return n;
}

int notify_init(void)
{
	const char *value = getenv("NOTIFY_SOCKET");

	notify_deinit();
	if (value == NULL)
		return 0;
	if (notify_address_parse(value, &notify_addr, &notify_addr_len) < 0) {
		log_warning("NOTIFY_SOCKET=%s is not a socket address: not telling the service "
		            "manager anything", value);
		return -1;
	}
	notify_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (notify_fd < 0) {
		log_warning("NOTIFY_SOCKET: cannot make a socket: %s", g_strerror(errno));
		return -1;
	}
	return 0;
}

void notify_deinit(void)
{
	if (notify_fd >= 0)
		close(notify_fd);
	notify_fd = -1;
}

bool notify_enabled(void)
{
	return notify_fd >= 0;
}

int notify_send(const char *state)
{
	ssize_t n;

	if (notify_fd < 0)
		return 0;
	do
		n = sendto(notify_fd, state, strlen(state), MSG_NOSIGNAL,
		           (const struct sockaddr *)&notify_addr, notify_addr_len);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		log_debug("NOTIFY_SOCKET: %s", g_strerror(errno));
		return -1;
	}
	return 0;
}

void notify_ready(void)
{
	notify_send("READY=1");
}

void notify_reloading(void)
{
	struct timespec ts;
	char state[64];

	/* MONOTONIC_USEC= is what Type=notify-reload (systemd 253) checks;
	 * systemd 252 reads RELOADING=1 alone and ignores it. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	snprintf(state, sizeof(state), "RELOADING=1\nMONOTONIC_USEC=%llu",
	         (unsigned long long)ts.tv_sec * 1000000ull + (unsigned long long)ts.tv_nsec / 1000);
	notify_send(state);
}

void notify_stopping(void)
{
	notify_send("STOPPING=1");
}

void notify_status(const char *fmt, ...)
{
	va_list args;
	char *text;
	GString *state;

	if (notify_fd < 0)
		return;
	va_start(args, fmt);
	text = g_strdup_vprintf(fmt, args);
	va_end(args);
	/* One line: a line break would start another KEY= of the protocol. */
	state = g_string_new("STATUS=");
	safe_text_append(state, text, SAFE_TEXT_LINE);
	notify_send(state->str);
	g_string_free(state, TRUE);
	g_free(text);
}

/* ---- the watchdog ---- */

static uint64_t watchdog_usec(void)
{
	return notify_watchdog_usec(getenv("WATCHDOG_USEC"), getenv("WATCHDOG_PID"), getpid());
}

void notify_watchdog(void)
{
	if (notify_fd >= 0 && watchdog_usec() > 0)
		notify_send("WATCHDOG=1");
}

struct notify_watchdog {
	uv_timer_t timer;
};

static void on_watchdog(uv_timer_t *timer)
{
	(void)timer;
	notify_send("WATCHDOG=1");
}

struct notify_watchdog *notify_watchdog_start(uv_loop_t *loop)
{
	struct notify_watchdog *w;
	uint64_t usec;

	if (notify_fd < 0)
		return NULL;
	usec = watchdog_usec();
	if (usec == 0)
		return NULL;
	w = g_new0(struct notify_watchdog, 1);
	uv_timer_init(loop, &w->timer);
	w->timer.data = w;
	/* Half the interval, as sd_watchdog_enabled(3) advises: one late
	 * tick is not yet a missed deadline. At least 1 ms. */
	uint64_t every_ms = MAX(usec / 2000, 1);
	notify_send("WATCHDOG=1");
	uv_timer_start(&w->timer, on_watchdog, every_ms, every_ms);
	uv_unref((uv_handle_t *)&w->timer);
	log_debug("watchdog: pinging every %llu ms", (unsigned long long)every_ms);
	return w;
}

static void on_watchdog_closed(uv_handle_t *handle)
{
	g_free(handle->data);
}

void notify_watchdog_free(struct notify_watchdog **wp)
{
	struct notify_watchdog *w = *wp;

	if (w == NULL)
		return;
	*wp = NULL;
	uv_close((uv_handle_t *)&w->timer, on_watchdog_closed);
}
