#ifndef FOLLOWUP_LIB_SEARCH_QUERY_H
#define FOLLOWUP_LIB_SEARCH_QUERY_H
/*
 * search_query: what a person types after `followup search`, made into
 * an SQLite FTS5 query. Pure.
 *
 *   word            a word, anywhere in the indexed fields (CJK: see
 *                   lib/search_text.h)
 *   "two words"     a phrase
 *   pump*           a prefix
 *   from:ADDR       the sender (a message's From, a note's author);
 *                   ADDR may be a whole address, a domain or a name
 *   customer:KEY    entries of one customer (resolved by the caller)
 *
 * Every word ends up inside an FTS5 string ("…", with " doubled), so no
 * FTS5 operator, column filter or NEAR group can come from the input:
 * OR, NOT, NEAR, ( ) : ^ { } are words or nothing. Only a trailing * of
 * a word (or of a quoted phrase) is a prefix.
 */
#include <stdbool.h>
#include <stddef.h>

#include "lib/search_text.h"

/* The columns of the index (store/search.c): plain words search these. */
#define SEARCH_TEXT_COLUMNS "{subject body attach who}"

struct search_query {
	char *match;              /* an FTS5 expression of the words and from:, or
	                           * NULL when only customer: was given */
	char *customer;           /* customer:KEY, or NULL */
	struct search_term *terms;/* what to highlight */
	size_t n_terms;
};

/* 0 with *q filled (search_query_clear), or -1 with *error_r (g_free)
 * naming the problem: an unclosed quote, an empty from: or customer:, a
 * second customer:, nothing to search for. */
int search_query_parse(const char *input, struct search_query *q, char **error_r);
void search_query_clear(struct search_query *q);

#endif
