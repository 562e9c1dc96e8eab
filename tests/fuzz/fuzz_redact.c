/*
 * libFuzzer target for daemon/redact.c: a dialogue of lines, each from
 * the client or the server as the first byte says. What is logged is
 * never longer than the line plus "<redacted>", and a client line that
 * starts an AUTHENTICATE or AUTH keeps nothing after the mechanism.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "daemon/redact.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void run(enum redact_protocol protocol, const uint8_t *data, size_t size)
{
	struct redact r;
	const char *p = (const char *)data, *end = p + size;

	redact_init(&r, protocol);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl != NULL ? nl : end) - p);
		enum redact_dir dir = len > 0 && (p[0] & 1) ? REDACT_FROM_SERVER : REDACT_FROM_CLIENT;
		char *out = redact_line(&r, dir, p, len);
		if (out == NULL || strlen(out) > len + strlen(REDACTED) + 1)
			abort();
		g_free(out);
		p += len + (nl != NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run(REDACT_IMAP, data, size);
	run(REDACT_SMTP, data, size);
	return 0;
}
