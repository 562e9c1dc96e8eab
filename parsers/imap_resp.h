#ifndef FOLLOWUP_PARSERS_IMAP_RESP_H
#define FOLLOWUP_PARSERS_IMAP_RESP_H
/*
 * imap_resp: the server side of the few IMAP4rev1 (RFC 3501) exchanges
 * followupd speaks itself after libcurl has connected and logged in:
 * EXAMINE, UID FETCH, (later) IDLE, LOGOUT.
 *
 * Pure and incremental: the caller appends bytes from the socket to a
 * buffer and calls imap_resp_parse() on it; the parser either says how many
 * bytes make up the next complete response (including its literals) and
 * fills a struct imap_response, or that it needs more bytes. Nothing is
 * copied out of a literal: imap_fetch.body points into the caller's buffer
 * and is valid until the caller discards those bytes.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum imap_resp_kind {
	IMAP_RESP_UNTAGGED = 0,   /* "* ..." */
	IMAP_RESP_TAGGED,         /* "a1 OK ..." */
	IMAP_RESP_CONTINUATION,   /* "+ ..." */
};

enum imap_resp_status {
	IMAP_STATUS_NONE = 0,     /* untagged data such as "* 3 EXISTS" */
	IMAP_STATUS_OK,
	IMAP_STATUS_NO,
	IMAP_STATUS_BAD,
	IMAP_STATUS_PREAUTH,
	IMAP_STATUS_BYE,
};

/* Which untagged data the response carries. */
enum imap_resp_data {
	IMAP_DATA_NONE = 0,
	IMAP_DATA_EXISTS,         /* number = count */
	IMAP_DATA_RECENT,
	IMAP_DATA_EXPUNGE,
	IMAP_DATA_FETCH,          /* number = sequence number; see fetch */
	IMAP_DATA_FLAGS,
	IMAP_DATA_CAPABILITY,
	IMAP_DATA_SEARCH,         /* uids/numbers in search[] */
	IMAP_DATA_OTHER,          /* anything else, ignored by followupd */
};

/* The FETCH items followupd asks for; has_* says which were present. */
struct imap_fetch {
	bool has_uid;
	uint32_t uid;
	bool has_size;
	uint64_t rfc822_size;
	bool has_internaldate;
	int64_t internaldate;     /* Unix seconds UTC */
	bool has_flags;
	bool seen;                /* \Seen among FLAGS */
	bool has_body;            /* BODY[] or BODY[HEADER] (NIL counts as absent); any
	                           * BODY[section]<origin>, BINARY[...] (also literal8
	                           * "~{n}"), RFC822, RFC822.HEADER/.TEXT count */
	const unsigned char *body;/* points into the parsed buffer */
	size_t body_len;
	/* Added: set only when the body came as a quoted string with backslash
	 * escapes, which cannot be handed out in place: the unescaped copy,
	 * owned by the response and freed by imap_response_clear(); body then
	 * points here instead of into the buffer. */
	unsigned char *body_unescaped;
};

struct imap_response {
	enum imap_resp_kind kind;
	enum imap_resp_status status;
	enum imap_resp_data data;
	char tag[32];             /* tagged responses only, NUL-terminated */
	uint32_t number;          /* "* N EXISTS", "* N FETCH" */
	/* Response codes in [brackets] of status responses: */
	bool has_uidvalidity;
	uint32_t uidvalidity;
	bool has_uidnext;
	uint32_t uidnext;
	bool read_only;           /* [READ-ONLY] */
	bool has_idle;            /* IDLE (RFC 2177) among the capabilities of a
	                           * CAPABILITY response or a [CAPABILITY ...] code,
	                           * however long the list (text is truncated) */
	char text[256];           /* human-readable text of a status response, truncated, printable ASCII
	                           * (other bytes become '?'); for IMAP_DATA_CAPABILITY the capability list */
	struct imap_fetch fetch;
	uint32_t *search;         /* IMAP_DATA_SEARCH: numbers, owned, freed by imap_response_clear() */
	size_t n_search;
};

struct imap_resp_limits {
	size_t max_line;          /* longest line outside literals; default 64 KiB.
	                           * Counted over the whole response (all its lines,
	                           * CRLFs and literal headers, not literal contents). */
	size_t max_literal;       /* largest literal; default 64 MiB */
	/* Added: largest response, literals included; default (0) is
	 * max_line + max_literal, so one response cannot make the caller
	 * buffer without bound through many literals. */
	size_t max_response;
};

enum imap_parse_result {
	IMAP_PARSE_ERROR = -1,    /* protocol violation or a limit: *error_r says which */
	IMAP_PARSE_NEED_MORE = 0, /* *consumed_r is the least total buffer length worth retrying with */
	IMAP_PARSE_OK = 1,        /* *consumed_r bytes form the response in *resp */
};

/* Parses the first response in buf[0..len). limits may be NULL (defaults).
 * On IMAP_PARSE_OK the caller uses *resp, then drops *consumed_r bytes
 * from the front of the buffer and calls imap_response_clear(resp).
 *
 * *resp is overwritten from scratch (it may be uninitialised, but must not
 * hold allocations from an earlier response: clear it first). On
 * NEED_MORE and ERROR it is left cleared, owning nothing. *error_r is a
 * static string on ERROR, NULL otherwise; *consumed_r is 0 on ERROR and
 * always > len on NEED_MORE.
 *
 * Leniency, for a server that is slightly off: bare LF or bare CR is an
 * error (never waited on); extra spaces between FETCH items are accepted;
 * an INTERNALDATE that is not a valid date leaves has_internaldate false;
 * a FETCH UID or RFC822.SIZE that is not a number (e.g. "UID abc") is an
 * ERROR, since the UID is what everything is keyed on. Of several body
 * items in one FETCH the first is kept. */
enum imap_parse_result imap_resp_parse(const unsigned char *buf, size_t len,
                                       const struct imap_resp_limits *limits,
                                       struct imap_response *resp,
                                       size_t *consumed_r, const char **error_r);

void imap_response_clear(struct imap_response *resp);

/* Writes mailbox as an IMAP quoted string (or a literal-free modified
 * UTF-7 quoted string for non-ASCII names, RFC 3501 5.1.3) into out.
 * Returns the length written, or -1 when it does not fit. The quotes are
 * part of the output ("INBOX" -> "\"INBOX\""), NUL-terminated; "&" always
 * becomes "&-" and control characters are base64-encoded too, as modified
 * UTF-7 requires. Also -1 for invalid UTF-8 or a NULL argument. */
int imap_quote_mailbox(const char *mailbox, char *out, size_t out_size);

#endif
