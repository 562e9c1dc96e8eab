/*
 * search_bench: how fast `followup search` answers on a large store.
 *
 *   search_bench [-n MESSAGES] [-r RUNS] [-k] STORE
 *
 * Makes STORE (a new file) and writes MESSAGES generated messages
 * (default 200000) straight into it with SQL, spread over MESSAGES/100
 * customers: bodies of 40-200 words from a vocabulary of Chinese,
 * English and German trade words, always the same (fixed seed). Then
 * builds the search index as reparse and migration 11 do
 * (store_search_rebuild) and times it, and runs each query of a fixed
 * set RUNS times (default 31) through store_search() with a limit of 20,
 * entries loaded, as the CLI does: the p50 and p95 of each, wall clock
 * and the process's CPU time (a busy machine inflates the first). -k:
 * STORE exists already (of an earlier run): only the queries. Built and
 * run by `sh bench/run.sh search`; docs/DECISIONS.md has the figures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>
#include <sqlite3.h>

#include "bench/vocabulary.h"
#include "lib/search_query.h"
#include "store/store-private.h"

#define N_WORDS (sizeof(vocabulary) / sizeof(vocabulary[0]))

static guint32 next_random(guint64 *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (guint32)(*state >> 33);
}

static double clock_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void die(const char *what, char *error)
{
	fprintf(stderr, "search_bench: %s: %s\n", what, error != NULL ? error : "failed");
	exit(1);
}

static void generate(struct store *st, long n)
{
	char *error = NULL;
	guint64 seed = 42;
	long customers = n / 100 > 0 ? n / 100 : 1;

	if (store_begin(st, &error) < 0 ||
	    store_exec(st, "INSERT INTO raw_messages (id, sha256, size, compression, data) "
	                   "VALUES (1, 'x', 0, 'zstd', x'')", &error) < 0)
		die("raw row", error);
	sqlite3_stmt *cust, *msg;
	if (sqlite3_prepare_v2(st->db, "INSERT INTO customers (id, key, name) VALUES (?1, ?2, ?2)",
	                       -1, &cust, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db, "INSERT INTO messages (message_id, raw_id, date, direction, "
	                       "intrinsic_kind, kind, from_addr, from_name, to_addrs, cc_addrs, "
	                       "subject, subject_norm, snippet, body_text, body_new, customer_id) "
	                       "VALUES (?1, 1, ?2, 'in', 'inquiry', ?3, ?4, ?5, "
	                       "'[\"sales@example.com\"]', '[]', ?6, ?6, '', '', ?7, ?8)",
	                       -1, &msg, NULL) != SQLITE_OK)
		die("prepare", g_strdup(sqlite3_errmsg(st->db)));
	for (long c = 1; c <= customers; c++) {
		char key[64];
		snprintf(key, sizeof(key), "customer%ld.com", c);
		sqlite3_bind_int64(cust, 1, c);
		sqlite3_bind_text(cust, 2, key, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(cust) != SQLITE_DONE)
			die("customer", g_strdup(sqlite3_errmsg(st->db)));
		sqlite3_reset(cust);
	}
	static const char *const kinds[] = { "inquiry", "reply", "quote", "other" };
	GString *body = g_string_new(NULL);
	for (long i = 0; i < n; i++) {
		long c = 1 + (long)(next_random(&seed) % (guint32)customers);
		char id[64], from[96], name[64], subject[128];
		g_string_truncate(body, 0);
		int words = 40 + (int)(next_random(&seed) % 161);
		for (int w = 0; w < words; w++) {
			const char *word = vocabulary[next_random(&seed) % N_WORDS];
			if (body->len > 0 && (word[0] & 0x80) == 0)
				g_string_append_c(body, ' ');
			g_string_append(body, word);
		}
		snprintf(id, sizeof(id), "bench-%ld@customer%ld.com", i, c);
		snprintf(from, sizeof(from), "buyer%ld@customer%ld.com", c, c);
		snprintf(name, sizeof(name), "Buyer %ld", c);
		snprintf(subject, sizeof(subject), "Inquiry %ld: %s %s", i,
		         vocabulary[next_random(&seed) % N_WORDS],
		         vocabulary[next_random(&seed) % N_WORDS]);
		sqlite3_bind_text(msg, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(msg, 2, 1767225600 + i * 60);
		sqlite3_bind_text(msg, 3, kinds[i % 4], -1, SQLITE_STATIC);
		sqlite3_bind_text(msg, 4, from, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(msg, 5, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(msg, 6, subject, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(msg, 7, body->str, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(msg, 8, c);
		if (sqlite3_step(msg) != SQLITE_DONE)
			die("message", g_strdup(sqlite3_errmsg(st->db)));
		sqlite3_reset(msg);
	}
	g_string_free(body, TRUE);
	sqlite3_finalize(cust);
	sqlite3_finalize(msg);
	if (store_commit(st, &error) < 0)
		die("commit", error);
}

int main(int argc, char **argv)
{
	long n = 200000;
	int runs = 31, opt;
	bool keep = false;
	char *error = NULL;
	struct store *st;

	while ((opt = getopt(argc, argv, "n:r:k")) != -1) {
		if (opt == 'k')
			keep = true;
		else if (opt == 'n')
			n = atol(optarg);
		else if (opt == 'r')
			runs = atoi(optarg);
		else
			return 2;
	}
	if (optind != argc - 1 || n < 1 || runs < 1) {
		fprintf(stderr, "usage: search_bench [-n MESSAGES] [-r RUNS] [-k] STORE\n");
		return 2;
	}
	if (store_open(argv[optind], STORE_READ_WRITE, &st, &error) < 0)
		die("open", error);
	if (!keep) {
		double t0 = now_ms();
		generate(st, n);
		double t1 = now_ms();
		if (store_begin(st, &error) < 0 || store_search_rebuild(st, &error) < 0 ||
		    store_commit(st, &error) < 0)
			die("index", error);
		double t2 = now_ms();
		printf("%ld messages, %ld customers: written in %.1f s, indexed in %.1f s "
		       "(%.0f msg/s)\n", n, n / 100, (t1 - t0) / 1e3, (t2 - t1) / 1e3,
		       (double)n / ((t2 - t1) / 1e3));
	}

	/* --since: days before the newest message. */
	int64_t newest = 0;
	if (store_scalar(st, "SELECT max(date) FROM messages", "newest", 0, &newest, &error) < 0)
		die("newest", error);
	static const struct {
		const char *query;
		int64_t customer;
		const char *kind;
		int since_days;
	} queries[] = {
		{ "报价", 0, NULL, 0 },                /* two CJK characters, in most messages */
		{ "液压泵", 0, NULL, 0 },              /* three: a phrase of two bigrams */
		{ "pump", 0, NULL, 0 },
		{ "Qualität", 0, NULL, 0 },
		{ "\"stainless steel\"", 0, NULL, 0 },
		{ "flan*", 0, NULL, 0 },
		{ "报价 阀门 DN100", 0, NULL, 0 },
		{ "报价", 17, NULL, 0 },               /* --customer */
		{ "报价", 0, "quote", 0 },             /* --kind, a common one */
		{ "pump", 0, "newsletter", 0 },        /* --kind, a rare one */
		{ "pump", 0, "call", 0 },              /* --kind of notes */
		{ "pump", 0, NULL, 4 },                /* --since, a few days */
		{ "pump", 0, NULL, 365 },              /* --since, a year */
		{ "from:buyer17@customer17.com", 0, NULL, 0 },
		{ "Inquiry 123456", 0, NULL, 0 },
		{ "xyzzy", 0, NULL, 0 },
	};
	double *times = g_new(double, (size_t)runs);
	double *cpu = g_new(double, (size_t)runs);
	printf("%-32s %6s %8s %8s %8s\n", "query", "hits", "p50 ms", "p95 ms", "p50 cpu");
	for (size_t i = 0; i < G_N_ELEMENTS(queries); i++) {
		struct search_query q;
		size_t hits = 0;
		if (search_query_parse(queries[i].query, &q, &error) < 0)
			die(queries[i].query, error);
		for (int r = 0; r < runs; r++) {
			struct store_search_hit *h = NULL;
			struct store_search_query sq = { .match = q.match,
			                                  .customer_id = queries[i].customer,
			                                  .kind = queries[i].kind,
			                                  .since = queries[i].since_days > 0
			                                  ? newest - queries[i].since_days * 86400LL
			                                  : INT64_MIN,
			                                  .limit = 20 };
			double a = now_ms(), c = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
			if (store_search(st, &sq, &h, &hits, &error) < 0)
				die(queries[i].query, error);
			times[r] = now_ms() - a;
			cpu[r] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c;
			store_search_hits_free(&h, hits);
		}
		qsort(times, (size_t)runs, sizeof(double), cmp_double);
		qsort(cpu, (size_t)runs, sizeof(double), cmp_double);
		char label[64], since[32] = "";
		if (queries[i].since_days > 0)
			snprintf(since, sizeof(since), " --since -%dd", queries[i].since_days);
		snprintf(label, sizeof(label), "%s%s%s%s%s", queries[i].query,
		         queries[i].customer > 0 ? " --customer" : "",
		         queries[i].kind != NULL ? " --kind " : "",
		         queries[i].kind != NULL ? queries[i].kind : "", since);
		printf("%-32s %6zu %8.1f %8.1f %8.1f\n", label, hits, times[runs / 2],
		       times[(runs * 95) / 100], cpu[runs / 2]);
		search_query_clear(&q);
	}
	g_free(times);
	g_free(cpu);
	int64_t rows = 0;
	store_search_count(st, &rows, &error);
	store_close(&st);
	return 0;
}
