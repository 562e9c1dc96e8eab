/*
 * libFuzzer target for parsers/imap_resp.c.
 *
 * The input is a byte stream from a (hostile) IMAP server. It is parsed
 * three ways and the results must agree:
 *  1. all at once, response after response, until NEED_MORE or ERROR;
 *  2. as the daemon sees it, in chunks of pseudo-random size, waiting for
 *     at least the NEED_MORE hint each time;
 *  3. for each response, prefixes of random length: shorter than the
 *     response must be NEED_MORE with a hint in (prefix, response length],
 *     longer must give the same response length.
 * Invariants checked on every call: consumed within the buffer, the body
 * within the response (or in its own unescaped copy), text and tag
 * NUL-terminated and printable. A small-limits pass exercises the limits.
 * Also feeds the input, as a C string, to imap_quote_mailbox().
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/imap_resp.h"

#define MAX_RESPONSES 512
#define PREFIX_PROBES 8

#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small deterministic generator seeded from the input. */
static uint64_t rng_next(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return *state >> 33;
}

static uint64_t seed_of(const uint8_t *data, size_t size)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 1099511628211ULL;
	return h;
}

static void check_cstring(const char *s, size_t size, int printable)
{
	size_t i;

	CHECK(memchr(s, '\0', size) != NULL);
	for (i = 0; s[i] != '\0'; i++)
		CHECK(!printable || (s[i] >= 0x20 && s[i] < 0x7f));
}

/* One call with the invariants that hold whatever the input. */
static enum imap_parse_result parse_checked(const uint8_t *buf, size_t len,
                                            const struct imap_resp_limits *limits,
                                            size_t *consumed_r)
{
	struct imap_response resp;
	const char *error = NULL;
	enum imap_parse_result ret;
	size_t consumed = 12345;

	ret = imap_resp_parse(buf, len, limits, &resp, &consumed, &error);
	switch (ret) {
	case IMAP_PARSE_OK:
		CHECK(error == NULL);
		CHECK(consumed > 0 && consumed <= len);
		check_cstring(resp.text, sizeof(resp.text), 1);
		check_cstring(resp.tag, sizeof(resp.tag), 1);
		CHECK(resp.kind == IMAP_RESP_TAGGED || resp.tag[0] == '\0');
		CHECK((resp.n_search == 0) == (resp.search == NULL));
		/* IDLE is read from a capability list: CAPABILITY data, or a
		 * [CAPABILITY ...] code of a status response or a "+". */
		CHECK(!resp.has_idle || resp.data == IMAP_DATA_CAPABILITY ||
		      resp.status != IMAP_STATUS_NONE || resp.kind == IMAP_RESP_CONTINUATION);
		if (resp.fetch.has_body) {
			if (resp.fetch.body_unescaped != NULL) {
				CHECK(resp.fetch.body == resp.fetch.body_unescaped);
				CHECK(resp.fetch.body_len < consumed);
			} else {
				CHECK(resp.fetch.body >= buf);
				CHECK(resp.fetch.body_len <= consumed);
				CHECK((size_t)(resp.fetch.body - buf) <=
				      consumed - resp.fetch.body_len);
			}
		} else {
			CHECK(resp.fetch.body == NULL && resp.fetch.body_len == 0);
		}
		break;
	case IMAP_PARSE_NEED_MORE:
		CHECK(error == NULL);
		CHECK(consumed > len);
		break;
	case IMAP_PARSE_ERROR:
		CHECK(error != NULL && error[0] != '\0');
		CHECK(consumed == 0);
		break;
	default:
		CHECK(0);
	}
	if (ret != IMAP_PARSE_OK) {
		CHECK(resp.search == NULL && resp.fetch.body_unescaped == NULL);
		CHECK(!resp.fetch.has_body && !resp.has_idle);
	}
	imap_response_clear(&resp);
	*consumed_r = consumed;
	return ret;
}

struct outcome {
	size_t lengths[MAX_RESPONSES];
	size_t count;
	enum imap_parse_result last;   /* what stopped the run */
};

/* 1: everything at once. */
static void parse_all(const uint8_t *data, size_t size,
                      const struct imap_resp_limits *limits, struct outcome *out)
{
	size_t off = 0, consumed;

	out->count = 0;
	for (;;) {
		out->last = parse_checked(data + off, size - off, limits, &consumed);
		if (out->last != IMAP_PARSE_OK || out->count == MAX_RESPONSES)
			return;
		out->lengths[out->count++] = consumed;
		off += consumed;
	}
}

/* 2: in chunks, honouring the hint, as the daemon does. */
static void parse_streamed(const uint8_t *data, size_t size, uint64_t *rng,
                           const struct outcome *all)
{
	size_t off = 0, avail = 0, n = 0, consumed, chunk;
	enum imap_parse_result ret;

	for (;;) {
		ret = parse_checked(data + off, avail - off, NULL, &consumed);
		if (ret == IMAP_PARSE_OK) {
			CHECK(n < all->count);
			CHECK(consumed == all->lengths[n]);
			n++;
			off += consumed;
			if (n == MAX_RESPONSES)
				return;
			continue;
		}
		if (ret == IMAP_PARSE_ERROR) {
			/* Errors come only from bytes seen, so the one-shot run
			 * stopped at the same response with the same error. */
			CHECK(n == all->count && all->last == IMAP_PARSE_ERROR);
			return;
		}
		if (avail == size) {
			CHECK(n == all->count && all->last == IMAP_PARSE_NEED_MORE);
			return;
		}
		chunk = 1 + (size_t)(rng_next(rng) % 64);
		if (rng_next(rng) % 4 == 0)
			chunk = 1;
		avail = avail + chunk > size ? size : avail + chunk;
		/* Jump straight to the hint when it is further on. */
		if (off + consumed > avail)
			avail = off + consumed > size ? size : off + consumed;
	}
}

/* 3: random prefixes of each complete response. */
static void probe_prefixes(const uint8_t *data, size_t size, uint64_t *rng,
                           const struct outcome *all)
{
	size_t off = 0, i, k, len, consumed;
	int probe;

	for (i = 0; i < all->count; i++) {
		len = all->lengths[i];
		for (probe = 0; probe < PREFIX_PROBES; probe++) {
			k = (size_t)(rng_next(rng) % len);
			if (probe == 0)
				k = len - 1;
			CHECK(parse_checked(data + off, k, NULL, &consumed) ==
			      IMAP_PARSE_NEED_MORE);
			CHECK(consumed > k && consumed <= len);
		}
		k = len + (size_t)(rng_next(rng) % (size - off - len + 1));
		CHECK(parse_checked(data + off, k, NULL, &consumed) == IMAP_PARSE_OK);
		CHECK(consumed == len);
		off += len;
	}
}

static void quote_checked(const uint8_t *data, size_t size)
{
	char name[256], out[2048];
	size_t n = size < sizeof(name) - 1 ? size : sizeof(name) - 1;
	int ret;

	memcpy(name, data, n);
	name[n] = '\0';
	ret = imap_quote_mailbox(name, out, sizeof(out));
	if (ret < 0)
		return;
	CHECK((size_t)ret == strlen(out));
	CHECK(ret >= 2 && out[0] == '"' && out[ret - 1] == '"');
	/* Too small by one byte, or by a lot: refused, never overrun. */
	CHECK(imap_quote_mailbox(name, out, (size_t)ret) == -1);
	CHECK(imap_quote_mailbox(name, out, (size_t)ret / 2) == -1);
	CHECK(imap_quote_mailbox(name, out, (size_t)ret + 1) == ret);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct imap_resp_limits small = {
		.max_line = 48, .max_literal = 32, .max_response = 96,
	};
	static struct outcome all, limited;
	uint64_t rng = seed_of(data, size);

	parse_all(data, size, NULL, &all);
	parse_streamed(data, size, &rng, &all);
	probe_prefixes(data, size, &rng, &all);
	parse_all(data, size, &small, &limited);
	quote_checked(data, size);
	return 0;
}
