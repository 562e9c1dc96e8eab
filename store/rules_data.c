/*
 * rules_data: what the rules engine reads from the store and records in
 * it: inquiries to acknowledge and what was acknowledged, the
 * conversations the service levels watch, the alerts already queued, and
 * customers' assigned owners.
 */
#include <string.h>

#include "store/store-private.h"
#include "rules/ack.h"
#include "rules/sla.h"

int store_ack_candidates(struct store *st, const char *rule, int64_t since,
                         struct store_ack_candidate **candidates_r, size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT m.id, m.message_id, m.date, m.thread_id, c.key, m.language, m.subject, "
		"m.ack_block, m.ack_to_addr, m.ack_to_name, m.message_id_derived "
		"FROM messages m LEFT JOIN customers c ON c.id = m.customer_id "
		"WHERE m.kind = 'inquiry' AND m.direction = 'in' AND m.date >= ?2 "
		"AND NOT EXISTS (SELECT 1 FROM ack_decisions d WHERE d.rule = ?1 AND d.message = m.id) "
		"ORDER BY m.date, m.id", error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, rule);
	sqlite3_bind_int64(stmt, 2, since);
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_ack_candidate));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_ack_candidate c = {
			.message = sqlite3_column_int64(stmt, 0),
			.message_id = store_col_text(stmt, 1, true),
			.date = sqlite3_column_int64(stmt, 2),
			.thread = sqlite3_column_int64(stmt, 3),
			.customer = store_col_text(stmt, 4, false),
			.language = store_col_text(stmt, 5, false),
			.subject = store_col_text(stmt, 6, true),
			.screened = sqlite3_column_type(stmt, 7) != SQLITE_NULL,
			.ack_block = store_col_text(stmt, 7, true),
			.ack_to_addr = store_col_text(stmt, 8, false),
			.ack_to_name = store_col_text(stmt, 9, true),
			.message_id_derived = sqlite3_column_int(stmt, 10) != 0,
		};
		g_array_append_val(arr, c);
	}
	sqlite3_reset(stmt);
	*n_r = arr->len;
	*candidates_r = (struct store_ack_candidate *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		store_ack_candidates_free(candidates_r, *n_r);
		*error_r = store_errmsg(st, "listing inquiries to acknowledge");
		return -1;
	}
	return 0;
}

void store_ack_candidates_free(struct store_ack_candidate **candidates, size_t n)
{
	if (*candidates == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		g_free((*candidates)[i].message_id);
		g_free((*candidates)[i].customer);
		g_free((*candidates)[i].language);
		g_free((*candidates)[i].subject);
		g_free((*candidates)[i].ack_block);
		g_free((*candidates)[i].ack_to_addr);
		g_free((*candidates)[i].ack_to_name);
	}
	g_free(*candidates);
	*candidates = NULL;
}

static int count_query(struct store *st, const char *sql, const char *text, int64_t a,
                       int64_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, text);
	sqlite3_bind_int64(stmt, 2, a);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		*error_r = store_errmsg(st, "reading the outbox");
		return -1;
	}
	*n_r = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return 0;
}

int store_ack_history(struct store *st, const char *rule, int64_t thread, const char *recipient,
                      int64_t since, int64_t hour_since, struct ack_history *history_r,
                      char **error_r)
{
	const char *at = recipient != NULL ? strrchr(recipient, '@') : NULL;
	char *domain = g_strconcat("%", at != NULL ? at : "@", NULL);
	int64_t n;
	int ret = -1;

	(void)rule;
	memset(history_r, 0, sizeof(*history_r));
	/* Any rule's ack counts: one acknowledgement per thread at most. */
	if (count_query(st, "SELECT count(*) FROM outbox WHERE kind = 'ack' AND thread_id = ?2 "
	                    "AND ?1 IS NULL", NULL, thread, &n, error_r) < 0)
		goto out;
	history_r->thread_acked = n > 0;
	/* Our own mail (acknowledgements, alerts) is no answer by a person. */
	if (count_query(st, "SELECT count(*) FROM messages WHERE thread_id = ?2 "
	                    "AND direction = 'out' AND kind IN ('reply', 'quote') AND ?1 IS NULL",
	                NULL, thread, &n, error_r) < 0)
		goto out;
	history_r->thread_answered = n > 0;
	if (count_query(st, "SELECT count(*) FROM outbox WHERE kind = 'ack' "
	                    "AND recipient = lower(?1) AND created >= ?2", recipient, since, &n,
	                error_r) < 0)
		goto out;
	history_r->sender_recent = (unsigned)n;
	if (count_query(st, "SELECT count(*) FROM outbox WHERE kind = 'ack' "
	                    "AND recipient LIKE lower(?1) AND created >= ?2", domain, since, &n,
	                error_r) < 0)
		goto out;
	history_r->domain_recent = (unsigned)n;
	/* Every rule's acks, to anyone: the cap bounds what a flood of
	 * forged inquiries can make us send. */
	if (count_query(st, "SELECT count(*) FROM outbox WHERE kind = 'ack' "
	                    "AND created >= ?2 AND ?1 IS NULL", NULL, hour_since, &n, error_r) < 0)
		goto out;
	history_r->hourly_recent = (unsigned)n;
	ret = 0;
out:
	g_free(domain);
	return ret;
}

int store_ack_record(struct store *st, const char *rule, int64_t message, const char *verdict,
                     int64_t at, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO ack_decisions (rule, message, verdict, at) "
	                                    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
	                                error_r);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, rule);
	sqlite3_bind_int64(stmt, 2, message);
	store_bind_text(stmt, 3, verdict);
	sqlite3_bind_int64(stmt, 4, at);
	return store_step_done(st, stmt, "recording an acknowledgement decision", error_r);
}

/* ---- service levels ---- */

void store_sla_message_add(struct sla_thread *t, GArray *msgs, sqlite3_stmt *stmt, int col)
{
	int kind = msg_kind_from_name((const char *)sqlite3_column_text(stmt, col + 2));
	struct sla_message m = {
		.date = sqlite3_column_int64(stmt, col),
		.dir = g_strcmp0((const char *)sqlite3_column_text(stmt, col + 1), "out") == 0
		       ? MSG_DIR_OUT : MSG_DIR_IN,
		.kind = kind < 0 ? MSG_KIND_REPLY : (enum msg_kind)kind,
	};

	g_array_append_val(msgs, m);
	if (m.dir == MSG_DIR_OUT && (m.kind == MSG_KIND_REPLY || m.kind == MSG_KIND_QUOTE)) {
		g_free(t->last_writer);
		t->last_writer = store_col_text(stmt, col + 3, false);
	}
	if (!msg_kind_is_own((int)m.kind))
		t->last_message = sqlite3_column_int64(stmt, col + 4);
}

/* The thread of the current row (id 0, customer key 1, id 2, owner 3,
 * country 4, subject 5), without its messages. */
static struct sla_thread thread_of_row(sqlite3_stmt *stmt)
{
	struct sla_thread t = {
		.thread = sqlite3_column_int64(stmt, 0),
		.customer = store_col_text(stmt, 1, false),
		.customer_id = sqlite3_column_int64(stmt, 2),
		.customer_owner = store_col_text(stmt, 3, false),
		.country = store_col_text(stmt, 4, false),
		.subject = store_col_text(stmt, 5, true),
	};
	return t;
}

static void thread_messages_set(struct sla_thread *t, GArray *arr)
{
	t->n_msgs = arr->len;
	t->msgs = (struct sla_message *)(void *)g_array_free(arr, FALSE);
}

/* The sales threads with mail since ?1 (messages_date_thread, schema 14),
 * each with every message it has, in one query: the threads in id order,
 * a thread's messages in (date, id) order from schema 15's covering
 * messages_thread_kpi, so no message row is read and the thread ids are
 * gathered once. One query a thread was 100,000 queries on a large
 * mailbox; two queries (the threads, then their messages) gathered the
 * ids twice and looked each thread up twice. */
int store_sla_threads(struct store *st, int64_t since, struct sla_thread **threads_r,
                      size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT t.id, c.key, c.id, c.owner, c.country, t.subject, "
		"m.date, m.direction, m.kind, m.from_addr, m.id FROM threads t "
		"LEFT JOIN customers c ON c.id = t.customer_id "
		"JOIN messages m INDEXED BY messages_thread_kpi ON m.thread_id = t.id "
		"WHERE t.origin IN ('inquiry', 'reply', 'quote') "
		"AND t.id IN (SELECT thread_id FROM messages WHERE date >= ?1) "
		"ORDER BY t.id, m.date, m.id", error_r);
	GArray *threads, *msgs = NULL;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, since);
	threads = g_array_new(FALSE, TRUE, sizeof(struct sla_thread));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		if (msgs == NULL || g_array_index(threads, struct sla_thread,
		                                  threads->len - 1).thread != id) {
			if (msgs != NULL)
				thread_messages_set(&g_array_index(threads, struct sla_thread,
				                                   threads->len - 1), msgs);
			struct sla_thread t = thread_of_row(stmt);
			g_array_append_val(threads, t);
			msgs = g_array_new(FALSE, TRUE, sizeof(struct sla_message));
		}
		store_sla_message_add(&g_array_index(threads, struct sla_thread,
		                                     threads->len - 1), msgs, stmt, 6);
	}
	sqlite3_reset(stmt);
	if (msgs != NULL)
		thread_messages_set(&g_array_index(threads, struct sla_thread, threads->len - 1),
		                    msgs);
	*n_r = threads->len;
	*threads_r = (struct sla_thread *)(void *)g_array_free(threads, FALSE);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "listing conversations");
		store_sla_threads_free(threads_r, *n_r);
		return -1;
	}
	return 0;
}

void store_sla_threads_free(struct sla_thread **threads, size_t n)
{
	if (*threads == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		struct sla_thread *t = &(*threads)[i];
		g_free(t->customer);
		g_free(t->customer_owner);
		g_free(t->country);
		g_free(t->subject);
		g_free(t->last_writer);
		g_free(t->msgs);
	}
	g_free(*threads);
	*threads = NULL;
}

int store_sla_message_about(struct store *st, int64_t message, char **message_id_r,
                           char **snippet_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT message_id, snippet FROM messages WHERE id = ?1",
	                                error_r);
	int rc;

	*message_id_r = *snippet_r = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, message);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*message_id_r = store_col_text(stmt, 0, true);
		*snippet_r = store_col_text(stmt, 1, true);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading the message an alert is about");
		return -1;
	}
	return 0;
}

static void bind_event(sqlite3_stmt *stmt, const char *rule, int64_t thread, int64_t since,
                       const char *level)
{
	store_bind_text(stmt, 1, rule);
	sqlite3_bind_int64(stmt, 2, thread);
	sqlite3_bind_int64(stmt, 3, since);
	store_bind_text(stmt, 4, level);
}

int store_sla_event_add(struct store *st, const char *rule, int64_t thread, int64_t since,
                        const char *level, int64_t outbox_id, int64_t at, bool *added_r,
                        char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO sla_events (rule, thread_id, since, level, "
	                                    "outbox_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	                                    "ON CONFLICT DO NOTHING", error_r);
	if (stmt == NULL)
		return -1;
	bind_event(stmt, rule, thread, since, level);
	if (outbox_id > 0)
		sqlite3_bind_int64(stmt, 5, outbox_id);
	sqlite3_bind_int64(stmt, 6, at);
	if (store_step_done(st, stmt, "recording an alert", error_r) < 0)
		return -1;
	*added_r = sqlite3_changes(st->db) > 0;
	return 0;
}

int store_sla_event_has(struct store *st, const char *rule, int64_t thread, int64_t since,
                        const char *level, bool *has_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT 1 FROM sla_events WHERE rule = ?1 AND "
	                                    "thread_id = ?2 AND since = ?3 AND level = ?4", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	bind_event(stmt, rule, thread, since, level);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading alerts");
		return -1;
	}
	*has_r = rc == SQLITE_ROW;
	return 0;
}

int store_customer_owner(struct store *st, int64_t customer_id, char **key_r, char **owner_r,
                         char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT key, owner FROM customers WHERE id = ?1",
	                                error_r);
	int rc;

	*key_r = *owner_r = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*key_r = store_col_text(stmt, 0, true);
		*owner_r = store_col_text(stmt, 1, false);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	*error_r = store_errmsg(st, "reading a customer's owner");
	return -1;
}

int store_customer_assign(struct store *st, int64_t customer_id, const char *owner,
                          char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE customers SET owner = lower(?2) WHERE id = ?1",
	                                error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	store_bind_text(stmt, 2, owner);
	return store_step_done(st, stmt, "assigning an owner", error_r);
}
