/* store/search.c's ranking: search_rank() against FTS5's own bm25() on
 * the same rows, and the bound of the newest STORE_SEARCH_RANKED (1,000)
 * matches. The store is filled with SQL (as bench/store_bench.c does) so
 * that a word can have more matches than search_rank() counts (2,000). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "lib/search_query.h"
#include "store/store.h"
#include "store/store-private.h"   /* to fill the store with SQL */

#define N_MESSAGES 6000

struct fixture {
	char *dir;
	char *path;
	struct store *st;
};

static void exec_ok(struct store *st, const char *sql)
{
	char *error = NULL;

	if (store_exec(st, sql, &error) < 0)
		fail_msg("%s: %s", sql, error);
}

/* Message i's body: "alpha" in every one, "beta" in 2 of 5 (2,400: more
 * than the sample, less than half the rows, so its frequency is
 * estimated and matters), "gamma" in 1 of 50, "delta" in 1 of 7, each
 * repeated 1-3 times, and 0-20 filler words, so that the rows differ in
 * length and term frequency. */
static void body_of(GString *body, int i)
{
	g_string_truncate(body, 0);
	for (int k = 0; k <= i % 3; k++) {
		g_string_append(body, "alpha ");
		if (i % 5 < 2)
			g_string_append(body, "beta ");
		if (i % 50 == 0)
			g_string_append(body, "gamma ");
		if (i % 7 == 0 && k < (i / 7) % 2 + 1)
			g_string_append(body, "delta ");
	}
	for (int k = 0; k < (i * 7) % 21; k++)
		g_string_append(body, "filler ");
}

/* Dates in no order of the ids (mail filed out of order), all within
 * N_MESSAGES seconds. */
#define FIRST_DATE 1700000000
static int64_t date_of(int i)
{
	return FIRST_DATE + (int64_t)((i * 7919) % N_MESSAGES);
}

static int setup(void **state)
{
	struct fixture *f = g_new0(struct fixture, 1);
	char *error = NULL;
	sqlite3_stmt *stmt = NULL;

	f->dir = g_dir_make_tmp("followup-rank-XXXXXX", NULL);
	f->path = g_build_filename(f->dir, "test.db", NULL);
	assert_int_equal(store_open(f->path, STORE_READ_WRITE, &f->st, &error), 0);
	assert_int_equal(store_begin(f->st, &error), 0);
	exec_ok(f->st, "INSERT INTO raw_messages (id, sha256, size, compression, data) "
	               "VALUES (1, 'x', 0, 'zstd', x'');"
	               "INSERT INTO customers (id, key, name) VALUES (1, 'firma.de', 'Firma')");
	assert_int_equal(sqlite3_prepare_v2(f->st->db,
		"INSERT INTO messages (message_id, raw_id, date, direction, intrinsic_kind, kind, "
		"from_addr, from_name, to_addrs, cc_addrs, subject, subject_norm, snippet, "
		"body_text, body_new, customer_id) VALUES (?1, 1, ?2, 'in', ?4, ?4, "
		"'buyer@firma.de', 'Buyer', '[\"sales@example.com\"]', '[]', 'Anfrage', "
		"'Anfrage', '', '', ?3, 1)", -1, &stmt, NULL), SQLITE_OK);
	GString *body = g_string_new(NULL);
	for (int i = 0; i < N_MESSAGES; i++) {
		char *id = g_strdup_printf("m%d@firma.de", i);
		body_of(body, i);
		sqlite3_bind_text(stmt, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 2, date_of(i));
		sqlite3_bind_text(stmt, 3, body->str, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 4, i % 4 == 0 ? "quote" : "inquiry", -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
		sqlite3_reset(stmt);
		g_free(id);
	}
	sqlite3_finalize(stmt);
	g_string_free(body, TRUE);
	assert_int_equal(store_search_rebuild(f->st, &error), 0);
	assert_int_equal(store_commit(f->st, &error), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(&f->st);
	char *wal = g_strconcat(f->path, "-wal", NULL), *shm = g_strconcat(f->path, "-shm", NULL);
	g_unlink(f->path);
	g_unlink(wal);
	g_unlink(shm);
	g_rmdir(f->dir);
	g_free(wal);
	g_free(shm);
	g_free(f->path);
	g_free(f->dir);
	g_free(f);
	return 0;
}

struct ranked {
	int64_t rowid[64];
	double rank[64];
	size_t n;
};

/* What store_search() returns for query (limit n). */
static void searched_where(struct fixture *f, const char *query, const char *kind,
                           int64_t since, size_t limit, struct ranked *r);

static void searched(struct fixture *f, const char *query, size_t limit, struct ranked *r)
{
	searched_where(f, query, NULL, INT64_MIN, limit, r);
}

/* What store_search() returns for query with a kind and date filter; each
 * hit must pass them. */
static void searched_where(struct fixture *f, const char *query, const char *kind,
                           int64_t since, size_t limit, struct ranked *r)
{
	struct search_query q;
	struct store_search_hit *hits = NULL;
	size_t n = 0;
	char *error = NULL;

	assert_int_equal(search_query_parse(query, &q, &error), 0);
	struct store_search_query sq = { .match = q.match, .kind = kind, .since = since,
	                                  .limit = limit };
	if (store_search(f->st, &sq, &hits, &n, &error) < 0)
		fail_msg("search %s: %s", query, error);
	assert_true(n <= G_N_ELEMENTS(r->rowid));
	r->n = n;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(hits[i].source, STORE_SEARCH_MESSAGE);
		if (kind != NULL)
			assert_string_equal(hits[i].entry->kind, kind);
		if (since != INT64_MIN)
			assert_true(hits[i].entry->date >= since);
		r->rowid[i] = hits[i].entry->id * 4;
		r->rank[i] = hits[i].rank;
	}
	store_search_hits_free(&hits, n);
	search_query_clear(&q);
}

/* FTS5's bm25() over the same newest 1,000 matches, best first. */
static void bm25_of(struct fixture *f, const char *query, size_t limit, struct ranked *r)
{
	struct search_query q;
	sqlite3_stmt *stmt = NULL;
	char *error = NULL;

	assert_int_equal(search_query_parse(query, &q, &error), 0);
	char *match = g_strdup_printf("(%s)", q.match);
	assert_int_equal(sqlite3_prepare_v2(f->st->db,
		"SELECT id, r FROM (SELECT rowid AS id, bm25(search, 4.0, 1.0, 2.0, 2.0, 0.0) AS r "
		"FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT 1000) "
		"ORDER BY r, id LIMIT ?2", -1, &stmt, NULL), SQLITE_OK);
	sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)limit);
	r->n = 0;
	while (sqlite3_step(stmt) == SQLITE_ROW && r->n < G_N_ELEMENTS(r->rowid)) {
		r->rowid[r->n] = sqlite3_column_int64(stmt, 0);
		r->rank[r->n] = sqlite3_column_double(stmt, 1);
		r->n++;
	}
	sqlite3_finalize(stmt);
	g_free(match);
	search_query_clear(&q);
}

static void assert_close(double got, double want, double tolerance, const char *query)
{
	double diff = got > want ? got - want : want - got;
	double scale = want < 0 ? -want : want;

	if (diff > tolerance * scale)
		fail_msg("'%s': rank %.17g, bm25 %.17g", query, got, want);
}

/* A query whose phrases all match fewer rows than the sample is ranked
 * exactly as bm25() ranks it, value for value; one phrase matching more
 * (alpha, beta) is ranked in the same order (its frequency is the same
 * for every row: a constant factor). */
static void test_same_as_bm25(void **state)
{
	struct fixture *f = *state;
	static const struct { const char *query; bool exact; } cases[] = {
		{ "gamma", true }, { "delta", true }, { "gamma delta", true }, { "delt*", true },
		{ "alpha", false }, { "beta", false }, { "\"alpha beta\"", false },
		{ "filler", false },
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct ranked got, want;
		searched(f, cases[i].query, 40, &got);
		bm25_of(f, cases[i].query, 40, &want);
		assert_true(got.n > 0);
		assert_int_equal(got.n, want.n);
		for (size_t k = 0; k < got.n; k++) {
			if (got.rowid[k] != want.rowid[k])
				fail_msg("'%s': hit %zu is %lld, bm25's %lld", cases[i].query, k,
				         (long long)got.rowid[k], (long long)want.rowid[k]);
			if (cases[i].exact)
				assert_close(got.rank[k], want.rank[k], 1e-12, cases[i].query);
		}
	}
}

/* beta matches 2,400 rows: search_rank() counts 2,000 and estimates the
 * rest, which here (evenly spread) comes within a few percent, so a query
 * of beta and a rare word keeps bm25's order and nearly its values. */
static void test_estimated_frequency(void **state)
{
	struct fixture *f = *state;
	static const char *const queries[] = { "beta gamma", "beta delta", "alpha beta delta" };

	for (size_t i = 0; i < G_N_ELEMENTS(queries); i++) {
		struct ranked got, want;
		searched(f, queries[i], 40, &got);
		bm25_of(f, queries[i], 40, &want);
		assert_true(got.n > 0);
		assert_int_equal(got.n, want.n);
		for (size_t k = 0; k < got.n; k++) {
			assert_int_equal(got.rowid[k], want.rowid[k]);
			assert_close(got.rank[k], want.rank[k], 0.02, queries[i]);
		}
	}
}

/* Only the newest 1,000 matches are ranked: alpha matches all 6,000, and
 * no hit is older than the 1,000th newest message. */
static void test_newest_thousand(void **state)
{
	struct fixture *f = *state;
	struct ranked got;

	searched(f, "alpha", 64, &got);
	assert_int_equal(got.n, 64);
	for (size_t k = 0; k < got.n; k++)
		assert_true(got.rowid[k] / 4 > N_MESSAGES - 1000);
}

/* A kind or date filter gives the same hits whether the entries it keeps
 * are read as a set first (few: the usual way on this store) or checked
 * on each match's row (many: forced here with a set of at most 0), and the
 * same as bm25() over the newest 1,000 matches that pass it. */
static void test_filters_both_ways(void **state)
{
	struct fixture *f = *state;
	static const struct { const char *query, *kind; int64_t since; size_t at_least; } cases[] = {
		{ "alpha", "quote", INT64_MIN, 40 },
		{ "beta", NULL, FIRST_DATE + N_MESSAGES - 300, 40 },
		{ "gamma", "quote", FIRST_DATE + N_MESSAGES / 2, 5 },
		{ "delta", "inquiry", FIRST_DATE + N_MESSAGES - 2000, 40 },
		{ "alpha", "call", INT64_MIN, 0 },           /* no note at all */
		{ "alpha", NULL, FIRST_DATE + N_MESSAGES, 0 },  /* nothing that recent */
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct ranked by_set, by_row;
		store_search_set_keep_max(50000);
		searched_where(f, cases[i].query, cases[i].kind, cases[i].since, 40, &by_set);
		store_search_set_keep_max(0);
		searched_where(f, cases[i].query, cases[i].kind, cases[i].since, 40, &by_row);
		store_search_set_keep_max(50000);
		assert_true(by_set.n >= cases[i].at_least);
		assert_int_equal(by_set.n, by_row.n);
		for (size_t k = 0; k < by_set.n; k++) {
			assert_int_equal(by_set.rowid[k], by_row.rowid[k]);
			assert_true(by_set.rank[k] == by_row.rank[k]);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_bm25),
		cmocka_unit_test(test_estimated_frequency),
		cmocka_unit_test(test_newest_thousand),
		cmocka_unit_test(test_filters_both_ways),
	};
	/* One store for all: the tests only read it. */
	return cmocka_run_group_tests(tests, setup, teardown);
}
