/*
 * kpi: what the team's figures (core/kpi.c) read, one item at a time:
 * the sales threads and the quotes of a period, streamed to a callback
 * from covering indexes (schema 15), so that a year of a million-message
 * store is never in memory at once and no message row is read; and the
 * customers in brief (no contacts, tags or counts).
 */
#include <string.h>

#include "rules/sla.h"
#include "store/store-private.h"

/* ---- sales threads ---- */

/* The threads of sales mail (origin inquiry, reply or quote) with a
 * message dated in [?1, ?2), each with all its messages in date order:
 * the threads from messages_date_thread, the messages from schema 15's
 * messages_thread_kpi alone. */
#define KPI_THREADS_SQL \
	"SELECT t.id, c.key, c.id, c.owner, c.country, m.date, m.direction, m.kind, " \
	"m.from_addr, m.id FROM threads t LEFT JOIN customers c ON c.id = t.customer_id " \
	"JOIN messages m INDEXED BY messages_thread_kpi ON m.thread_id = t.id " \
	"WHERE t.id IN (SELECT thread_id FROM messages WHERE date >= ?1 AND date < ?2) " \
	"AND t.origin IN " SALES_KINDS " ORDER BY t.id, m.date, m.id"

static void thread_clear(struct sla_thread *t)
{
	g_free(t->customer);
	g_free(t->customer_owner);
	g_free(t->country);
	g_free(t->last_writer);
	memset(t, 0, sizeof(*t));
}

static void thread_start(struct sla_thread *t, sqlite3_stmt *stmt)
{
	thread_clear(t);
	t->thread = sqlite3_column_int64(stmt, 0);
	t->customer = store_col_text(stmt, 1, false);
	t->customer_id = sqlite3_column_int64(stmt, 2);
	t->customer_owner = store_col_text(stmt, 3, false);
	t->country = store_col_text(stmt, 4, false);
	t->subject = (char *)"";
}

static void thread_emit(struct sla_thread *t, GArray *msgs, store_kpi_thread_fn *fn, void *ctx)
{
	t->msgs = (struct sla_message *)(void *)msgs->data;
	t->n_msgs = msgs->len;
	fn(t, ctx);
	g_array_set_size(msgs, 0);
}

int store_kpi_threads(struct store *st, int64_t from, int64_t until, store_kpi_thread_fn *fn,
                      void *ctx, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, KPI_THREADS_SQL, error_r);
	struct sla_thread t = { 0 };
	GArray *msgs;
	bool open = false;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, from);
	sqlite3_bind_int64(stmt, 2, until);
	msgs = g_array_new(FALSE, FALSE, sizeof(struct sla_message));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		if (!open || id != t.thread) {
			if (open)
				thread_emit(&t, msgs, fn, ctx);
			thread_start(&t, stmt);
			open = true;
		}
		store_sla_message_add(&t, msgs, stmt, 5);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE && open)
		thread_emit(&t, msgs, fn, ctx);
	thread_clear(&t);
	g_array_free(msgs, TRUE);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading the period's conversations");
		return -1;
	}
	return 0;
}

/* ---- quotes ---- */

int store_kpi_quotes(struct store *st, int64_t from, int64_t until, store_quote_fn *fn,
                     void *ctx, char **error_r)
{
	/* schema 15's messages_quotes_list holds every column read here. */
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT q.message_id, q.date, q.thread_id, c.key "
		"FROM messages q INDEXED BY messages_quotes_list JOIN customers c ON c.id = q.customer_id "
		"WHERE q.direction = 'out' AND q.kind = 'quote' AND q.date >= ?1 AND q.date < ?2",
		error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, from);
	sqlite3_bind_int64(stmt, 2, until);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_quote q = {
			.message_id = (char *)sqlite3_column_text(stmt, 0),
			.date = sqlite3_column_int64(stmt, 1),
			.thread = sqlite3_column_int64(stmt, 2),
			.customer = (char *)sqlite3_column_text(stmt, 3),
			.answered_at = INT64_MIN,
		};
		fn(&q, ctx);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading the period's quotes");
		return -1;
	}
	return 0;
}

/* ---- customers in brief ---- */

int store_customers_brief(struct store *st, struct store_customer ***customers_r, size_t *n_r,
                          char **error_r)
{
	/* The latest sales mail from each: a backward walk of the customer's
	 * part of messages_customer_figures to its first match. */
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT c.id, c.key, c.name, c.country, c.owner, c.stage, c.grade_manual, "
		"c.grade_computed, (SELECT m.date FROM messages m INDEXED BY messages_customer_figures "
		"WHERE m.customer_id = c.id AND m.direction = 'in' AND m.kind IN " SALES_KINDS
		" ORDER BY m.date DESC LIMIT 1) FROM customers c ORDER BY c.id", error_r);
	GPtrArray *out;
	int rc;

	if (stmt == NULL)
		return -1;
	out = g_ptr_array_new();
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_customer *c = g_new0(struct store_customer, 1);
		c->id = sqlite3_column_int64(stmt, 0);
		c->key = store_col_text(stmt, 1, true);
		c->name = store_col_text(stmt, 2, true);
		c->country = store_col_text(stmt, 3, false);
		c->owner = store_col_text(stmt, 4, false);
		c->stage = store_col_text(stmt, 5, false);
		c->grade_manual = store_col_text(stmt, 6, false);
		c->grade_computed = store_col_text(stmt, 7, false);
		c->last_inbound = store_col_time(stmt, 8);
		c->first_seen = c->last_outbound = INT64_MIN;
		c->tags = g_new0(char *, 1);
		g_ptr_array_add(out, c);
	}
	sqlite3_reset(stmt);
	*n_r = out->len;
	*customers_r = (struct store_customer **)g_ptr_array_free(out, FALSE);
	if (rc != SQLITE_DONE) {
		store_customers_free(customers_r, *n_r);
		*error_r = store_errmsg(st, "reading customers");
		return -1;
	}
	return 0;
}
