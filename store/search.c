/*
 * search: the FTS5 index of messages, notes and customer records, and
 * the query over it (store.h, "search"). docs/DECISIONS.md, "Search
 * (issue 10)", says why it is built this way.
 *
 * The table stores the indexed form of each text (lib/search_text.h:
 * CJK runs as characters and bigrams) so that a row can be deleted by
 * rowid, from C or from the sqlite3 shell, without knowing what was
 * indexed; the texts a result shows come from the tables themselves.
 * The column cust holds "cid<customer id>": a --customer filter is a
 * token of the index, never a scan.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/search_text.h"
#include "store/store-private.h"

/* search_text(a, b, …): the indexed forms of the non-NULL arguments,
 * space separated. Deterministic, so usable in any statement. */
static void sql_search_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	GString *out = g_string_new(NULL);

	for (int i = 0; i < argc; i++) {
		const unsigned char *s = sqlite3_value_text(argv[i]);
		if (s == NULL)
			continue;
		if (out->len > 0)
			g_string_append_c(out, ' ');
		search_index_append(out, (const char *)s);
	}
	sqlite3_result_text64(ctx, out->str, out->len, g_free, SQLITE_UTF8);
	g_string_free(out, FALSE);
}

/* ---- the ranking: search_rank() ----
 *
 * bm25 as FTS5 computes it (k1 = 1.2, b = 0.75, each phrase's instances
 * weighted by their column), with one difference: the inverse document
 * frequency of a phrase. FTS5's bm25() counts every row that matches each
 * phrase before it scores the first row, a walk of the whole doclist: on a
 * million messages 30-90 ms for a common word or a phrase, whatever the
 * number of rows shown. search_rank() counts at most RANK_IDF_SAMPLE of
 * them, oldest first, and estimates the rest from how far into each
 * source's ids (a rowid is id * 4 + source) the sample reached: notes and
 * customer records have small ids and come first, so each source is
 * scaled by itself. The IDF is the same for every row of a query, so with
 * one phrase (most queries) the order is exactly bm25's; with several it
 * is bm25's with the frequencies of the common phrases estimated.
 * docs/DECISIONS.md, "Performance: search on a million messages (issue 12)".
 *
 *   search_rank(search, largest message id, largest note id,
 *               largest customer id, weight of column 0, 1, …)
 */
#define RANK_K1 1.2
#define RANK_B 0.75
#define RANK_IDF_SAMPLE 2000
#define RANK_SOURCES 3
#define RANK_FIRST_WEIGHT RANK_SOURCES

struct rank_data {
	int n_phrases;
	double avgdl;             /* tokens in an average row */
	double *idf;              /* one a phrase */
	double *freq;             /* one a phrase: the row being scored */
};

struct phrase_sample {
	int64_t hits;
	int64_t by_source[RANK_SOURCES];
	int64_t last_id;          /* of the sample's last hit, when it is full */
};

static int sample_hit(const Fts5ExtensionApi *api, Fts5Context *fts, void *data)
{
	struct phrase_sample *s = data;
	int64_t rowid = api->xRowid(fts);

	if ((rowid & 3) < RANK_SOURCES)
		s->by_source[rowid & 3]++;
	if (++s->hits < RANK_IDF_SAMPLE)
		return SQLITE_OK;
	s->last_id = rowid >> 2;
	return SQLITE_DONE;       /* ends xQueryPhrase()'s walk, without error */
}

/* The number of rows that match phrase i: counted up to the sample, and
 * beyond it each source's hits scaled by its ids not walked yet. */
static int phrase_rows(const Fts5ExtensionApi *api, Fts5Context *fts, int i,
                       const int64_t *largest_id, int64_t n_rows, double *hits_r)
{
	struct phrase_sample s = { 0 };
	int rc = api->xQueryPhrase(fts, i, &s, sample_hit);

	if (rc != SQLITE_OK)
		return rc;
	*hits_r = (double)s.hits;
	if (s.hits < RANK_IDF_SAMPLE || s.last_id <= 0)
		return SQLITE_OK;
	double estimate = 0.0;
	for (int src = 0; src < RANK_SOURCES; src++) {
		double scale = largest_id[src] > s.last_id
		               ? (double)largest_id[src] / (double)s.last_id : 1.0;
		estimate += (double)s.by_source[src] * scale;
	}
	*hits_r = estimate < (double)n_rows ? estimate : (double)n_rows;
	return SQLITE_OK;
}

/* ln(x) for a ratio of counts; anything else (no rows, an estimate gone
 * wrong) weighs nothing rather than becoming an infinity or a NaN. */
static double natural_log(double x)
{
	if (!(x > 0.0 && x < 1e300))
		return 0.0;
	return log(x);
}

static void rank_data_free(void *p)
{
	struct rank_data *d = p;

	g_free(d->idf);
	g_free(d->freq);
	g_free(d);
}

static int rank_data_new(const Fts5ExtensionApi *api, Fts5Context *fts,
                         const int64_t *largest_id, struct rank_data **data_r)
{
	struct rank_data *d = g_new0(struct rank_data, 1);
	sqlite3_int64 n_rows = 0, n_tokens = 0;
	int rc;

	d->n_phrases = api->xPhraseCount(fts);
	d->idf = g_new0(double, (gsize)d->n_phrases + 1);
	d->freq = g_new0(double, (gsize)d->n_phrases + 1);
	rc = api->xRowCount(fts, &n_rows);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &n_tokens);
	if (rc != SQLITE_OK)
		goto out;
	d->avgdl = n_rows > 0 ? (double)n_tokens / (double)n_rows : 1.0;
	if (d->avgdl <= 0.0)
		d->avgdl = 1.0;
	for (int i = 0; i < d->n_phrases; i++) {
		double hits;
		rc = phrase_rows(api, fts, i, largest_id, n_rows, &hits);
		if (rc != SQLITE_OK)
			goto out;
		/* As bm25(): a phrase in half the rows or more still counts a
		 * little, never against the row. */
		double idf = natural_log(((double)n_rows - hits + 0.5) / (hits + 0.5));
		d->idf[i] = idf > 0.0 ? idf : 1e-6;
	}
out:
	if (rc != SQLITE_OK) {
		rank_data_free(d);
		return rc;
	}
	*data_r = d;
	return SQLITE_OK;
}

static void sql_search_rank(const Fts5ExtensionApi *api, Fts5Context *fts,
                            sqlite3_context *ctx, int n_args, sqlite3_value **args)
{
	struct rank_data *d = api->xGetAuxdata(fts, 0);
	int rc = SQLITE_OK, n_inst = 0;

	if (d == NULL) {
		int64_t largest[RANK_SOURCES] = { 0 };
		for (int src = 0; src < RANK_SOURCES && src < n_args; src++)
			largest[src] = sqlite3_value_int64(args[src]);
		rc = rank_data_new(api, fts, largest, &d);
		if (rc == SQLITE_OK)
			rc = api->xSetAuxdata(fts, d, rank_data_free);
		if (rc != SQLITE_OK)
			goto out;
	}
	memset(d->freq, 0, sizeof(double) * (size_t)d->n_phrases);
	rc = api->xInstCount(fts, &n_inst);
	for (int i = 0; rc == SQLITE_OK && i < n_inst; i++) {
		int phrase, column, offset;
		rc = api->xInst(fts, i, &phrase, &column, &offset);
		if (rc == SQLITE_OK && phrase >= 0 && phrase < d->n_phrases)
			d->freq[phrase] += RANK_FIRST_WEIGHT + column < n_args
			                   ? sqlite3_value_double(args[RANK_FIRST_WEIGHT + column]) : 1.0;
	}
	int n_tokens = 0;
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &n_tokens);
	if (rc != SQLITE_OK)
		goto out;
	double score = 0.0, length = (double)n_tokens;
	for (int i = 0; i < d->n_phrases; i++)
		score += d->idf[i] * ((d->freq[i] * (RANK_K1 + 1.0)) /
		                      (d->freq[i] + RANK_K1 * (1 - RANK_B + RANK_B * length / d->avgdl)));
	sqlite3_result_double(ctx, -1.0 * score);
	return;
out:
	sqlite3_result_error_code(ctx, rc);
}

/* ---- the entries a kind or date filter keeps: search_keep() ----
 *
 * A filter that keeps few entries (a rare kind, the last few days) would
 * otherwise be checked on each match's own row while the walk goes through
 * every match of a common word: 2.6 us a match, seconds on a million
 * messages. The entries it keeps are read first, through the indexes on
 * kind and date, as a sorted array of rowids, and search_keep(rowid, set)
 * looks each match up in it. The set reaches the statement as a bound
 * pointer of the type below, which no SQL text can make. */
#define KEEP_SET_TYPE "followup_search_keep"
static size_t keep_set_max = 50000;

void store_search_set_keep_max(size_t n)
{
	keep_set_max = n;
}

struct keep_set {
	int64_t *rowids;          /* sorted */
	size_t n;
};

static int cmp_rowid(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static void sql_search_keep(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct keep_set *set = argc == 2 ? sqlite3_value_pointer(argv[1], KEEP_SET_TYPE)
	                                       : NULL;
	int64_t rowid = sqlite3_value_int64(argv[0]);

	sqlite3_result_int(ctx, set != NULL && set->n > 0 &&
	                        bsearch(&rowid, set->rowids, set->n, sizeof(int64_t),
	                                cmp_rowid) != NULL);
}

/* FTS5's API, as its documentation says to obtain it: NULL without FTS5. */
static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(stmt);
	}
	sqlite3_finalize(stmt);
	return api;
}

int store_search_register(struct store *st, char **error_r)
{
	if (sqlite3_create_function_v2(st->db, "search_text", -1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                               NULL, sql_search_text, NULL, NULL, NULL) != SQLITE_OK) {
		*error_r = store_errmsg(st, "setting up the search index");
		return -1;
	}
	if (sqlite3_create_function_v2(st->db, "search_keep", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS,
	                               NULL, sql_search_keep, NULL, NULL, NULL) != SQLITE_OK) {
		*error_r = store_errmsg(st, "setting up the search index");
		return -1;
	}
	fts5_api *fts5 = fts5_api_of(st->db);
	if (fts5 == NULL || fts5->iVersion < 2 ||
	    fts5->xCreateFunction(fts5, "search_rank", NULL, sql_search_rank, NULL) != SQLITE_OK) {
		*error_r = g_strdup("setting up the search index: this SQLite has no FTS5");
		return -1;
	}
	return 0;
}

/* What each source puts in the columns (subject, body, attach, who,
 * cust). Migration 11 (schema.c) fills the table with the same. */
#define SEARCH_COLUMNS "search (rowid, subject, body, attach, who, cust) "
#define MESSAGE_ROWS \
	"SELECT m.id * 4, search_text(m.subject), search_text(m.body_new), " \
	"search_text((SELECT group_concat(a.filename, ' ') FROM attachments a " \
	"  WHERE a.message = m.id)), search_text(m.from_name, m.from_addr), " \
	"CASE WHEN m.customer_id IS NULL THEN '' ELSE 'cid' || m.customer_id END " \
	"FROM messages m"
#define NOTE_ROWS \
	"SELECT n.id * 4 + 1, '', search_text(n.text), '', search_text(n.author), " \
	"'cid' || n.customer_id FROM notes n WHERE n.kind != 'stage'"
#define CUSTOMER_ROWS \
	"SELECT c.id * 4 + 2, search_text(c.name, c.key), search_text(c.industry, c.website, " \
	"c.source, c.next_action, (SELECT group_concat(t.tag, ' ') FROM customer_tags t " \
	"  WHERE t.customer_id = c.id)), '', '', 'cid' || c.id FROM customers c"

static int reindex(struct store *st, const char *delete_sql, const char *insert_sql,
                   int64_t rowid, int64_t id, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, delete_sql, error_r);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, rowid);
	if (store_step_done(st, stmt, "updating the search index", error_r) < 0)
		return -1;
	return store_run_with_id(st, insert_sql, id, "updating the search index", error_r);
}

static const char SQL_DELETE_ROW[] = "DELETE FROM search WHERE rowid = ?1";

int store_search_index_customer(struct store *st, int64_t customer_id, char **error_r)
{
	if (customer_id <= 0)
		return 0;
	return reindex(st, SQL_DELETE_ROW, "INSERT INTO " SEARCH_COLUMNS CUSTOMER_ROWS
	               " WHERE c.id = ?1", customer_id * 4 + STORE_SEARCH_CUSTOMER, customer_id,
	               error_r);
}

int store_search_index_message(struct store *st, int64_t message_rowid, char **error_r)
{
	if (reindex(st, SQL_DELETE_ROW, "INSERT INTO " SEARCH_COLUMNS MESSAGE_ROWS
	            " WHERE m.id = ?1", message_rowid * 4 + STORE_SEARCH_MESSAGE, message_rowid,
	            error_r) < 0)
		return -1;
	/* The customer the mail made, or whose source it set. */
	sqlite3_stmt *stmt = store_stmt(st, "SELECT customer_id FROM messages WHERE id = ?1",
	                                error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, message_rowid);
	int64_t customer = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	return store_search_index_customer(st, customer, error_r);
}

int store_search_index_note(struct store *st, int64_t note_id, char **error_r)
{
	return reindex(st, SQL_DELETE_ROW, "INSERT INTO " SEARCH_COLUMNS NOTE_ROWS
	               " AND n.id = ?1", note_id * 4 + STORE_SEARCH_NOTE, note_id, error_r);
}

int store_search_rebuild_begin(struct store *st, char **error_r)
{
	return store_exec(st,
		"DROP TABLE IF EXISTS search;"
		"CREATE VIRTUAL TABLE search USING fts5(subject, body, attach, who, cust, "
		"  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');"
		"INSERT INTO " SEARCH_COLUMNS NOTE_ROWS ";"
		"INSERT INTO " SEARCH_COLUMNS CUSTOMER_ROWS ";", error_r);
}

int store_search_rebuild_messages(struct store *st, int64_t after, unsigned limit,
                                  int64_t *last_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT max(id) FROM (SELECT id FROM messages "
	                                    "WHERE id > ?1 ORDER BY id LIMIT ?2)", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, after);
	sqlite3_bind_int(stmt, 2, (int)limit);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		*error_r = store_errmsg(st, "rebuilding the search index");
		sqlite3_reset(stmt);
		return -1;
	}
	*last_r = sqlite3_column_type(stmt, 0) == SQLITE_NULL ? after
	                                                      : sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (*last_r == after)
		return 0;
	/* OR REPLACE: a message followupd filed (and indexed) meanwhile. */
	stmt = store_stmt(st, "INSERT OR REPLACE INTO " SEARCH_COLUMNS MESSAGE_ROWS
	                      " WHERE m.id > ?1 AND m.id <= ?2", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, after);
	sqlite3_bind_int64(stmt, 2, *last_r);
	if (store_step_done(st, stmt, "rebuilding the search index", error_r) < 0)
		return -1;
	return 1;
}

int store_search_rebuild(struct store *st, char **error_r)
{
	if (store_search_rebuild_begin(st, error_r) < 0)
		return -1;
	return store_exec(st, "INSERT INTO " SEARCH_COLUMNS MESSAGE_ROWS ";", error_r);
}

int store_search_remove(struct store *st, enum store_search_source source,
                        const int64_t *ids, size_t n, char **error_r)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *stmt = store_stmt(st, SQL_DELETE_ROW, error_r);
		if (stmt == NULL)
			return -1;
		sqlite3_bind_int64(stmt, 1, ids[i] * 4 + (int64_t)source);
		if (store_step_done(st, stmt, "removing from the search index", error_r) < 0)
			return -1;
	}
	return 0;
}

int store_search_count(struct store *st, int64_t *n_r, char **error_r)
{
	return store_scalar(st, "SELECT count(*) FROM search", "counting the search index", 0,
	                    n_r, error_r);
}

/* ---- the query ---- */

static char **strv_of_row(sqlite3_stmt *stmt, int first, int n)
{
	GPtrArray *v = g_ptr_array_new();

	for (int i = first; i < first + n; i++) {
		const unsigned char *s = sqlite3_column_text(stmt, i);
		if (s != NULL && s[0] != '\0')
			g_ptr_array_add(v, g_strdup((const char *)s));
	}
	g_ptr_array_add(v, NULL);
	return (char **)g_ptr_array_free(v, FALSE);
}

/* Loads one hit's entry and texts: 1, 0 when its row is gone (a reparse
 * between), -1. */
static int load_hit(struct store *st, struct store_search_hit *h, int64_t id, char **error_r)
{
	sqlite3_stmt *stmt;
	const char *sql;

	switch (h->source) {
	case STORE_SEARCH_MESSAGE:
		sql = "SELECT " ENTRY_COLUMNS ", m.body_new, m.subject, (SELECT group_concat("
		      "a.filename, ' ') FROM attachments a WHERE a.message = m.id), "
		      "trim(m.from_name || ' <' || m.from_addr || '>') "
		      "FROM messages m LEFT JOIN customers c ON c.id = m.customer_id WHERE m.id = ?1";
		break;
	case STORE_SEARCH_NOTE:
		sql = "SELECT n.id, n.kind, n.date, n.text, n.author, c.key, n.stage_from, "
		      "n.stage_to, n.text, n.author FROM notes n JOIN customers c "
		      "ON c.id = n.customer_id WHERE n.id = ?1";
		break;
	default:
		sql = "SELECT c.id, c.key, c.name, c.updated, c.next_action, c.industry, c.name, "
		      "c.key, c.next_action, c.industry, c.website, c.source, "
		      "(SELECT group_concat(t.tag, ', ') FROM customer_tags t "
		      "  WHERE t.customer_id = c.id) FROM customers c WHERE c.id = ?1";
		break;
	}
	stmt = store_stmt(st, sql, error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(stmt);
		return 0;
	}
	if (rc != SQLITE_ROW) {
		*error_r = store_errmsg(st, "reading a search result");
		sqlite3_reset(stmt);
		return -1;
	}
	switch (h->source) {
	case STORE_SEARCH_MESSAGE:
		h->entry = store_entry_from_row(stmt);
		h->texts = strv_of_row(stmt, 26, 4);
		break;
	case STORE_SEARCH_NOTE:
		h->entry = store_note_entry(stmt);
		h->texts = strv_of_row(stmt, 8, 2);
		break;
	default: {
		struct store_entry *e = g_new0(struct store_entry, 1);
		e->id = sqlite3_column_int64(stmt, 0);
		e->customer = store_col_text(stmt, 1, false);
		e->subject = store_col_text(stmt, 2, true);
		e->date = store_col_time(stmt, 3);
		e->header_date = INT64_MIN;
		e->internal_date = INT64_MIN;
		e->snippet = store_col_text(stmt, 4, true);
		e->direction = g_strdup("customer");
		e->kind = g_strdup("customer");
		e->message_id = g_strdup("");
		e->from_addr = g_strdup("");
		e->from_name = g_strdup("");
		e->to = g_new0(char *, 1);
		e->cc = g_new0(char *, 1);
		h->entry = e;
		h->texts = strv_of_row(stmt, 6, 7);
		break;
	}
	}
	sqlite3_reset(stmt);
	return 1;
}

/* The statement of a search, in one walk: FTS5 hands over the matches
 * newest first (by rowid, which grows as mail is filed; no sort), the
 * first STORE_SEARCH_RANKED of them are ranked by search_rank() (?3, ?4,
 * ?5 the largest message, note and customer ids; then the weights of
 * subject, body, attach, who, cust), and the best ?2 of those are the
 * result. So the cost of a word in every message is that of a thousand,
 * and the columns a result shows are read for the shown rows only
 * (load_hit). A kind (?6) or date (?7) filter that keeps few entries is
 * the set ?8 of those entries (keep_set_read), whose smallest and largest
 * rowids (?9, ?10) bound the walk; one that keeps many looks
 * at each match's own row (a kind changes as a thread settles): one
 * lookup by primary key per match walked, and few are walked. */
#define STORE_SEARCH_RANKED 1000
static void search_sql(GString *sql, const struct store_search_query *q, bool by_set)
{
	bool by_row = !by_set && (q->kind != NULL || q->since != INT64_MIN);

	g_string_append(sql, "SELECT id, r FROM (SELECT search.rowid AS id, "
	                     "search_rank(search, ?3, ?4, ?5, 4.0, 1.0, 2.0, 2.0, 0.0) AS r FROM search ");
	if (by_row)
		g_string_append(sql,
			"LEFT JOIN messages m ON (search.rowid & 3) = 0 AND m.id = (search.rowid >> 2) "
			"LEFT JOIN notes n ON (search.rowid & 3) = 1 AND n.id = (search.rowid >> 2) "
			"LEFT JOIN customers c ON (search.rowid & 3) = 2 AND c.id = (search.rowid >> 2) ");
	g_string_append(sql, "WHERE search MATCH ?1 ");
	if (by_set)
		g_string_append(sql, "AND search.rowid BETWEEN ?9 AND ?10 "
		                     "AND search_keep(search.rowid, ?8) ");
	if (by_row && q->kind != NULL)
		g_string_append(sql, "AND CASE search.rowid & 3 WHEN 0 THEN m.kind WHEN 1 "
		                     "THEN n.kind ELSE 'customer' END = ?6 ");
	if (by_row && q->since != INT64_MIN)
		g_string_append(sql, "AND CASE search.rowid & 3 WHEN 0 THEN m.date WHEN 1 "
		                     "THEN n.date ELSE c.updated END >= ?7 ");
	g_string_append_printf(sql, "ORDER BY search.rowid DESC LIMIT %d) ORDER BY r, id LIMIT ?2",
	                       STORE_SEARCH_RANKED);
}

/* The rowids of the entries the kind and date filters keep (the same
 * conditions as search_sql's by row), into *set sorted: 1, or 0 when
 * there are more than keep_set_max (the filter keeps many: checked by
 * row), -1. Messages through messages_kind or messages_date; notes and
 * customer records are a fiftieth and a hundredth of them. */
static int keep_set_read(struct store *st, const struct store_search_query *q,
                         struct keep_set *set, char **error_r)
{
	GString *sql = g_string_new(NULL);
	GArray *rowids = g_array_new(FALSE, FALSE, sizeof(int64_t));
	sqlite3_stmt *stmt = NULL;
	const char *kind = q->kind != NULL ? "AND kind = ?1 " : "";
	const char *since = q->since != INT64_MIN ? "AND date >= ?2 " : "";
	int ret = -1, rc;

	g_string_append_printf(sql,
		"SELECT id * 4 FROM messages WHERE 1 %s%s"
		"UNION ALL SELECT id * 4 + 1 FROM notes WHERE kind != 'stage' %s%s"
		"UNION ALL SELECT id * 4 + 2 FROM customers WHERE 1 %s%s LIMIT %zu", kind, since, kind,
		since, q->kind != NULL ? "AND 'customer' = ?1 " : "",
		q->since != INT64_MIN ? "AND updated >= ?2 " : "", keep_set_max + 1);
	if (sqlite3_prepare_v2(st->db, sql->str, -1, &stmt, NULL) != SQLITE_OK) {
		*error_r = store_errmsg(st, "preparing a search");
		goto out;
	}
	if (q->kind != NULL)
		sqlite3_bind_text(stmt, 1, q->kind, -1, SQLITE_STATIC);
	if (q->since != INT64_MIN)
		sqlite3_bind_int64(stmt, 2, q->since);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t rowid = sqlite3_column_int64(stmt, 0);
		g_array_append_val(rowids, rowid);
	}
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "searching");
		goto out;
	}
	ret = rowids->len <= keep_set_max ? 1 : 0;
	if (ret == 1) {
		if (rowids->len > 1)
			qsort(rowids->data, rowids->len, sizeof(int64_t), cmp_rowid);
		set->n = rowids->len;
		set->rowids = (int64_t *)(void *)g_array_free(rowids, FALSE);
		rowids = NULL;
	}
out:
	sqlite3_finalize(stmt);
	g_string_free(sql, TRUE);
	if (rowids != NULL)
		g_array_free(rowids, TRUE);
	return ret;
}

int store_search(struct store *st, const struct store_search_query *q,
                 struct store_search_hit **hits_r, size_t *n_r, char **error_r)
{
	GString *match = g_string_new(NULL);
	GString *sql = g_string_new(NULL);
	GArray *hits = g_array_new(FALSE, TRUE, sizeof(struct store_search_hit));
	GArray *found = g_array_new(FALSE, FALSE, sizeof(int64_t));
	GArray *ranks = g_array_new(FALSE, FALSE, sizeof(double));
	sqlite3_stmt *stmt = NULL;
	int64_t largest[3] = { 0, 0, 0 };   /* message, note, customer ids */
	struct keep_set keep = { NULL, 0 };
	int ret = -1, rc;

	if (q->match != NULL)
		g_string_append_printf(match, "(%s)", q->match);
	if (q->customer_id > 0)
		g_string_append_printf(match, "%scust : \"cid%lld\"", match->len > 0 ? " AND " : "",
		                       (long long)q->customer_id);
	if (match->len == 0) {
		*error_r = g_strdup("nothing to search for");
		goto out;
	}
	if (store_scalar(st, "SELECT max(id) FROM messages", "searching", 0, &largest[0],
	                 error_r) < 0 ||
	    store_scalar(st, "SELECT max(id) FROM notes", "searching", 0, &largest[1],
	                 error_r) < 0 ||
	    store_scalar(st, "SELECT max(id) FROM customers", "searching", 0, &largest[2],
	                 error_r) < 0)
		goto out;
	bool by_set = false;
	if (q->kind != NULL || q->since != INT64_MIN) {
		int got = keep_set_read(st, q, &keep, error_r);
		if (got < 0)
			goto out;
		by_set = got == 1;
		if (by_set && keep.n == 0) {
			ret = 0;      /* nothing is of that kind, or that recent */
			goto out;
		}
	}
	search_sql(sql, q, by_set);
	if (sqlite3_prepare_v2(st->db, sql->str, -1, &stmt, NULL) != SQLITE_OK) {
		*error_r = store_errmsg(st, "preparing a search");
		goto out;
	}
	sqlite3_bind_text(stmt, 1, match->str, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, q->limit > 0 ? (sqlite3_int64)q->limit : 50);
	for (int src = 0; src < 3; src++)
		sqlite3_bind_int64(stmt, 3 + src, largest[src]);
	if (by_set) {
		/* The walk itself starts and stops at the set's ends: notes and
		 * records only, or the last days of mail filed in order, are a
		 * short stretch of rowids. */
		sqlite3_bind_pointer(stmt, 8, &keep, KEEP_SET_TYPE, NULL);
		sqlite3_bind_int64(stmt, 9, keep.rowids[0]);
		sqlite3_bind_int64(stmt, 10, keep.rowids[keep.n - 1]);
	} else if (q->kind != NULL)
		sqlite3_bind_text(stmt, 6, q->kind, -1, SQLITE_STATIC);
	if (!by_set && q->since != INT64_MIN)
		sqlite3_bind_int64(stmt, 7, q->since);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t rowid = sqlite3_column_int64(stmt, 0);
		double rank = sqlite3_column_double(stmt, 1);
		g_array_append_val(found, rowid);
		g_array_append_val(ranks, rank);
	}
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "searching");
		goto out;
	}
	for (guint i = 0; i < found->len; i++) {
		int64_t rowid = g_array_index(found, int64_t, i);
		struct store_search_hit h = {
			.source = (enum store_search_source)(rowid & 3),
			.rank = g_array_index(ranks, double, i),
		};
		int got = load_hit(st, &h, rowid >> 2, error_r);
		if (got < 0)
			goto out;
		if (got == 1)
			g_array_append_val(hits, h);
	}
	ret = 0;
out:
	sqlite3_finalize(stmt);
	g_string_free(match, TRUE);
	g_string_free(sql, TRUE);
	g_array_free(found, TRUE);
	g_array_free(ranks, TRUE);
	g_free(keep.rowids);
	if (ret == 0) {
		*n_r = hits->len;
		*hits_r = (struct store_search_hit *)(void *)g_array_free(hits, FALSE);
	} else {
		struct store_search_hit *h = (struct store_search_hit *)(void *)hits->data;
		size_t n = hits->len;
		g_array_free(hits, FALSE);
		store_search_hits_free(&h, n);
	}
	return ret;
}

void store_search_hits_free(struct store_search_hit **hits, size_t n)
{
	if (*hits == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		store_entry_free(&(*hits)[i].entry);
		g_strfreev((*hits)[i].texts);
	}
	g_free(*hits);
	*hits = NULL;
}
