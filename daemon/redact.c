/*
 * redact: see redact.h. What a command is, is decided on its first words
 * alone, so that a line cut anywhere after them is redacted the same way.
 */
#include <glib.h>
#include <string.h>

#include "daemon/redact.h"

void redact_init(struct redact *r, enum redact_protocol protocol)
{
	r->protocol = protocol;
	r->in_sasl = false;
}

/* The word at *p (up to a blank or the end), moving *p past it and the
 * blanks after it. */
static const char *next_word(const char **p, const char *end, size_t *len_r)
{
	const char *start = *p, *q = *p;

	while (q < end && *q != ' ' && *q != '\t')
		q++;
	*len_r = (size_t)(q - start);
	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	*p = q;
	return start;
}

static bool word_is(const char *word, size_t len, const char *name)
{
	return len == strlen(name) && g_ascii_strncasecmp(word, name, len) == 0;
}

/* Keeps line up to keep_end, then "<redacted>" when anything followed. */
static char *keep_then_redact(const char *line, const char *keep_end, const char *end)
{
	if (keep_end >= end)
		return g_strndup(line, (gsize)(end - line));
	return g_strdup_printf("%.*s" REDACTED, (int)(keep_end - line), line);
}

/* A client line. IMAP: "tag LOGIN ..." and "tag AUTHENTICATE mech [ir]";
 * SMTP: "AUTH mech [ir]". */
static char *redact_client(struct redact *r, const char *line, size_t len)
{
	const char *end = line + len, *p = line, *cmd;
	size_t cmd_len, mech_len;

	if (r->in_sasl)
		return g_strdup(REDACTED);
	if (r->protocol == REDACT_IMAP)
		next_word(&p, end, &cmd_len);   /* the tag */
	cmd = next_word(&p, end, &cmd_len);
	if (r->protocol == REDACT_IMAP && word_is(cmd, cmd_len, "LOGIN"))
		return keep_then_redact(line, p, end);
	if (word_is(cmd, cmd_len, r->protocol == REDACT_IMAP ? "AUTHENTICATE" : "AUTH")) {
		r->in_sasl = true;
		next_word(&p, end, &mech_len);  /* the mechanism; then an initial response */
		return keep_then_redact(line, p, end);
	}
	return g_strndup(line, (gsize)len);
}

/* A server line ends a SASL exchange unless it is another challenge. */
static void follow_server(struct redact *r, const char *line, size_t len)
{
	bool challenge = r->protocol == REDACT_IMAP
	                 ? len >= 1 && line[0] == '+'
	                 : len >= 3 && memcmp(line, "334", 3) == 0;

	if (!challenge)
		r->in_sasl = false;
}

char *redact_line(struct redact *r, enum redact_dir dir, const char *line, size_t len)
{
	if (dir == REDACT_FROM_CLIENT)
		return redact_client(r, line, len);
	follow_server(r, line, len);
	return g_strndup(line, (gsize)len);
}
