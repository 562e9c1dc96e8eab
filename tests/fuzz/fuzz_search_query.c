/*
 * libFuzzer target for lib/search_query.c: whatever a person types, the
 * parser either names a problem or gives an FTS5 expression that SQLite
 * accepts, made only of the parser's own structure around FTS5 strings:
 * outside "…" only the column filters it writes, AND, parentheses, * and
 * spaces. No operator, column name or NEAR group from the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <sqlite3.h>

#include "lib/search_query.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sqlite3 *db;
static sqlite3_stmt *stmt;

/* The expression with every FTS5 string taken out: what is left must be
 * the parser's own words. */
static void check_structure(const char *match)
{
	GString *outside = g_string_new(NULL);
	bool in = false;

	for (const char *p = match; *p != '\0'; p++) {
		if (*p == '"') {
			if (in && p[1] == '"') {     /* "" inside a string */
				p++;
				continue;
			}
			in = !in;
			if (!in)
				g_string_append(outside, "S");
			continue;
		}
		if (!in)
			g_string_append_c(outside, *p);
	}
	CHECK(!in);
	char **words = g_strsplit_set(outside->str, " ()*", -1);
	for (char **w = words; *w != NULL; w++) {
		CHECK(**w == '\0' || strcmp(*w, "S") == 0 || strcmp(*w, "AND") == 0 ||
		      strcmp(*w, ":") == 0 || strcmp(*w, "who") == 0 ||
		      strcmp(*w, "{subject") == 0 || strcmp(*w, "body") == 0 ||
		      strcmp(*w, "attach") == 0 || strcmp(*w, "who}") == 0);
	}
	g_strfreev(words);
	g_string_free(outside, TRUE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (db == NULL) {
		CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
		CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE search USING fts5(subject, body, attach, "
		                   "who, cust, tokenize = 'unicode61 remove_diacritics 2');"
		                   "INSERT INTO search VALUES ('a', 'b', 'c', 'd', 'cid1')",
		                   NULL, NULL, NULL) == SQLITE_OK);
		CHECK(sqlite3_prepare_v2(db, "SELECT count(*) FROM search WHERE search MATCH ?1", -1,
		                         &stmt, NULL) == SQLITE_OK);
	}
	char *input = g_strndup((const char *)data, size);
	struct search_query q;
	char *error = NULL;

	if (search_query_parse(input, &q, &error) < 0) {
		CHECK(error != NULL && q.match == NULL && q.customer == NULL);
		g_free(error);
		g_free(input);
		return 0;
	}
	CHECK(q.match != NULL || q.customer != NULL);
	if (q.match != NULL) {
		CHECK(g_utf8_validate(q.match, -1, NULL));
		check_structure(q.match);
		sqlite3_bind_text(stmt, 1, q.match, -1, SQLITE_STATIC);
		int rc = sqlite3_step(stmt);
		if (rc != SQLITE_ROW)
			fprintf(stderr, "'%s': %s\n", q.match, sqlite3_errmsg(db));
		CHECK(rc == SQLITE_ROW);
		sqlite3_reset(stmt);
	}
	for (size_t i = 0; i < q.n_terms; i++)
		CHECK(q.terms[i].text != NULL && q.terms[i].text[0] != '\0');
	search_query_clear(&q);
	g_free(input);
	return 0;
}
