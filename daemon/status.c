/*
 * status: see status.h.
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "daemon/status.h"
#include "daemon/notify.h"
#include "lib/zonetime.h"

#define STATUS_MIN_INTERVAL_MS 1000

struct status {
	uv_loop_t *loop;
	GTimeZone *tz;
	GArray *accounts;         /* struct status_account, in the order they reported */
	int64_t outbox_waiting;
	uv_timer_t timer;
	uint64_t last_sent_ms;    /* uv_now() of the last line; 0: none yet */
	char *last_line;
};

void status_count_format(uint64_t n, char *buf, size_t size)
{
	char digits[24];
	size_t len, o = 0;

	snprintf(digits, sizeof(digits), "%llu", (unsigned long long)n);
	len = strlen(digits);
	for (size_t i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0 && o + 2 < size)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	if (size > 0)
		buf[o] = '\0';
}

static void append_syncing(GString *out, const struct status_account *a)
{
	char done[32], total[32];

	g_string_append(out, a->name);
	if (a->folder == NULL)
		return;
	g_string_append_printf(out, "/%s", a->folder);
	if (a->total == 0)
		return;
	status_count_format(a->done, done, sizeof(done));
	status_count_format(a->total, total, sizeof(total));
	g_string_append_printf(out, " %s of %s", done, total);
}

void status_line(const struct status_account *accounts, size_t n, int64_t outbox_waiting,
                 GTimeZone *tz, GString *out)
{
	int64_t next = INT64_MAX;
	bool syncing = false;
	struct tm tm;
	char waiting[32];

	g_string_truncate(out, 0);
	for (size_t i = 0; i < n; i++) {
		if (!accounts[i].syncing) {
			next = MIN(next, accounts[i].next_poll);
			continue;
		}
		g_string_append(out, syncing ? ", " : "syncing ");
		append_syncing(out, &accounts[i]);
		syncing = true;
	}
	if (!syncing) {
		g_string_append(out, "idle");
		if (next != INT64_MAX && zonetime_tm(tz, next, &tm))
			g_string_append_printf(out, "; next poll %02d:%02d", tm.tm_hour, tm.tm_min);
	}
	if (outbox_waiting > 0) {
		status_count_format((uint64_t)outbox_waiting, waiting, sizeof(waiting));
		g_string_append_printf(out, "; outbox: %s waiting", waiting);
	}
}

static void send_now(struct status *s)
{
	GString *line = g_string_new(NULL);

	status_line((const struct status_account *)(void *)s->accounts->data, s->accounts->len,
	            s->outbox_waiting, s->tz, line);
	s->last_sent_ms = uv_now(s->loop);
	if (s->last_line == NULL || strcmp(s->last_line, line->str) != 0)
		notify_status("%s", line->str);
	g_free(s->last_line);
	s->last_line = g_string_free(line, FALSE);
}

static void on_timer(uv_timer_t *timer)
{
	send_now(timer->data);
}

/* Now, or at the end of the second since the last line. */
static void changed(struct status *s)
{
	uint64_t now = uv_now(s->loop);

	if (!notify_enabled() || uv_is_active((uv_handle_t *)&s->timer))
		return;
	if (s->last_sent_ms == 0 || now - s->last_sent_ms >= STATUS_MIN_INTERVAL_MS) {
		send_now(s);
		return;
	}
	uv_timer_start(&s->timer, on_timer, s->last_sent_ms + STATUS_MIN_INTERVAL_MS - now, 0);
}

static struct status_account *account(struct status *s, const char *name)
{
	for (guint i = 0; i < s->accounts->len; i++) {
		struct status_account *a = &g_array_index(s->accounts, struct status_account, i);
		if (strcmp(a->name, name) == 0)
			return a;
	}
	struct status_account a = { .name = g_strdup(name) };
	g_array_append_val(s->accounts, a);
	return &g_array_index(s->accounts, struct status_account, s->accounts->len - 1);
}

void status_syncing(struct status *s, const char *name, const char *folder, uint64_t done,
                    uint64_t total)
{
	struct status_account *a;

	if (s == NULL)
		return;
	a = account(s, name);
	a->syncing = true;
	if (a->folder == NULL || folder == NULL || strcmp(a->folder, folder) != 0) {
		g_free(a->folder);
		a->folder = g_strdup(folder);
	}
	a->done = done;
	a->total = total;
	changed(s);
}

void status_idle(struct status *s, const char *name, int64_t next_poll)
{
	struct status_account *a;

	if (s == NULL)
		return;
	a = account(s, name);
	a->syncing = false;
	g_free(a->folder);
	a->folder = NULL;
	a->done = a->total = 0;
	a->next_poll = next_poll;
	changed(s);
}

void status_outbox(struct status *s, int64_t waiting)
{
	if (s == NULL || s->outbox_waiting == waiting)
		return;
	s->outbox_waiting = waiting;
	changed(s);
}

struct status *status_new(uv_loop_t *loop, GTimeZone *tz)
{
	struct status *s = g_new0(struct status, 1);

	s->loop = loop;
	s->tz = tz;
	s->accounts = g_array_new(FALSE, TRUE, sizeof(struct status_account));
	uv_timer_init(loop, &s->timer);
	s->timer.data = s;
	uv_unref((uv_handle_t *)&s->timer);
	return s;
}

static void on_closed(uv_handle_t *handle)
{
	struct status *s = handle->data;

	for (guint i = 0; i < s->accounts->len; i++) {
		struct status_account *a = &g_array_index(s->accounts, struct status_account, i);
		g_free(a->name);
		g_free(a->folder);
	}
	g_array_free(s->accounts, TRUE);
	g_free(s->last_line);
	g_free(s);
}

void status_free(struct status **sp)
{
	struct status *s = *sp;

	if (s == NULL)
		return;
	*sp = NULL;
	uv_close((uv_handle_t *)&s->timer, on_closed);
}
