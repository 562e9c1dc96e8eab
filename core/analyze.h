#ifndef FOLLOWUP_CORE_ANALYZE_H
#define FOLLOWUP_CORE_ANALYZE_H
/*
 * analyze: the one call that turns raw mail into what followup knows of
 * it (classify/analyzed.h): the parsed message, its direction and kind,
 * the customer and the customer's addresses, the normalised subject, the
 * snippet, the buyer's language, the trade facts. Used for every message
 * that is filed (sync, reparse, our own mail); nothing parses a message
 * twice. Pure and safe on several threads at once with the same options.
 */
#include <stdbool.h>
#include <stddef.h>

#include "classify/analyzed.h"

struct language_models;

struct analyze_options {
	const struct classify *cls;                   /* borrowed */
	const struct language_models *lang;           /* borrowed, may be NULL */
	const struct message_parse_options *parse;    /* borrowed, may be NULL */
};

/* A message found in a mailbox (sent_folder: in a Sent folder). with_hash:
 * the SHA-256 too, which only filing a new message needs. Never NULL. */
struct analyzed_message *core_analyze(const struct analyze_options *opts,
                                      const unsigned char *raw, size_t len, bool sent_folder,
                                      bool with_hash);
/* The same with the kind given (our own acknowledgements and alerts keep
 * theirs; kind < 0: worked out as core_analyze() does). */
struct analyzed_message *core_analyze_as(const struct analyze_options *opts,
                                         const unsigned char *raw, size_t len, bool sent_folder,
                                         bool with_hash, int kind);
void core_analyzed_free(struct analyzed_message **am);

/* Once a process, before the first and after the last analysis (the
 * parser's libraries: GMime). */
void core_analyze_init(void);
void core_analyze_deinit(void);

#endif
