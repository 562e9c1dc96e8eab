/*
 * curl_trace: see curl_trace.h. libcurl hands the debug callback what it
 * sends or receives, which need not be one whole line: each direction
 * gathers bytes into lines before they are redacted, because a credential
 * cut in two must not be logged as two harmless-looking halves.
 */
#include <string.h>
#include <glib.h>

#include "daemon/curl_trace.h"
#include "daemon/log.h"

/* Longer lines are logged cut, redacted on their first words. */
#define TRACE_LINE_MAX 1024

struct trace_dir {
	GString *line;            /* bytes of the line not yet logged */
	bool skipping;            /* the rest of an over-long line */
};

struct curl_trace {
	char *label;
	const char *protocol_name;
	struct redact redact;
	struct trace_dir dirs[2]; /* by enum redact_dir */
};

static void log_line(struct curl_trace *t, enum redact_dir dir, const char *line, size_t len,
                     bool cut)
{
	char *shown = redact_line(&t->redact, dir, line, len);

	log_debug("%s: %s %s %s%s", t->label, t->protocol_name,
	          dir == REDACT_FROM_CLIENT ? ">" : "<", shown, cut ? " [cut]" : "");
	g_free(shown);
}

/* A line may have held a credential before it was redacted: wiped. */
static void line_clear(GString *line)
{
	explicit_bzero(line->str, line->len);
	g_string_truncate(line, 0);
}

/* Adds data to the direction's line and logs each line it completes. */
static void feed(struct curl_trace *t, enum redact_dir dir, const char *data, size_t size)
{
	struct trace_dir *d = &t->dirs[dir];
	const char *end = data + size, *nl;

	while (data < end) {
		nl = memchr(data, '\n', (size_t)(end - data));
		size_t take = (size_t)((nl != NULL ? nl : end) - data);

		if (!d->skipping) {
			g_string_append_len(d->line, data, (gssize)MIN(take, TRACE_LINE_MAX + 1 -
			                                                   d->line->len));
			if (d->line->len > TRACE_LINE_MAX) {
				log_line(t, dir, d->line->str, TRACE_LINE_MAX, true);
				line_clear(d->line);
				d->skipping = true;
			}
		}
		if (nl == NULL)
			break;
		if (!d->skipping) {
			size_t len = d->line->len;
			if (len > 0 && d->line->str[len - 1] == '\r')
				len--;
			log_line(t, dir, d->line->str, len, false);
		}
		line_clear(d->line);
		d->skipping = false;
		data = nl + 1;
	}
}

/* libcurl's own notes ("Trying 127.0.0.1:993..."), one or more lines. */
static void log_text(struct curl_trace *t, const char *data, size_t size)
{
	while (size > 0 && (data[size - 1] == '\n' || data[size - 1] == '\r'))
		size--;
	if (size > 0)
		log_debug("%s: %s * %.*s", t->label, t->protocol_name,
		          (int)MIN(size, (size_t)TRACE_LINE_MAX), data);
}

static int on_debug(CURL *easy, curl_infotype type, char *data, size_t size, void *p)
{
	struct curl_trace *t = p;

	(void)easy;
	switch (type) {
	case CURLINFO_TEXT:
		log_text(t, data, size);
		break;
	case CURLINFO_HEADER_OUT:
		feed(t, REDACT_FROM_CLIENT, data, size);
		break;
	case CURLINFO_HEADER_IN:
		feed(t, REDACT_FROM_SERVER, data, size);
		break;
	default:
		/* Message bodies and TLS records: never. */
		break;
	}
	return 0;
}

struct curl_trace *curl_trace_new(CURL *easy, const char *label, enum redact_protocol protocol)
{
	struct curl_trace *t;

	if (log_get_level() < LOG_LEVEL_DEBUG)
		return NULL;
	t = g_new0(struct curl_trace, 1);
	t->label = g_strdup(label);
	t->protocol_name = protocol == REDACT_IMAP ? "imap" : "smtp";
	redact_init(&t->redact, protocol);
	/* Room for the longest line kept: a line never moves (unwiped) in memory. */
	for (size_t i = 0; i < G_N_ELEMENTS(t->dirs); i++)
		t->dirs[i].line = g_string_sized_new(TRACE_LINE_MAX + 2);
	curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, on_debug);
	curl_easy_setopt(easy, CURLOPT_DEBUGDATA, t);
	curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
	return t;
}

void curl_trace_free(struct curl_trace **tp)
{
	struct curl_trace *t = *tp;

	if (t == NULL)
		return;
	*tp = NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(t->dirs); i++) {
		/* An unfinished line may hold half a credential: wiped, unlogged. */
		line_clear(t->dirs[i].line);
		g_string_free(t->dirs[i].line, TRUE);
	}
	g_free(t->label);
	g_free(t);
}
