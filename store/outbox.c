/*
 * outbox: what followupd sends, recorded before it is sent. A message is
 * queued once per key (an ack: rule, recipient and the inquiry's
 * Message-ID; an alert: rule, thread, breach and level), in the same
 * transaction as the decision that made it. Before each SMTP transaction
 * the message is claimed (state "sending", one more attempt) in a
 * transaction of its own: what could not be claimed is not sent. The
 * server's answer then moves it to "sent", back to "pending" with a later
 * next attempt, or to "failed".
 *
 * A row still "sending" when followupd starts was being sent when the
 * last one stopped without recording the answer: it goes back to
 * "pending" and is sent again, with the same Message-ID. Only a crash
 * after the message's final dot reached the server and before the commit
 * of "sent" makes that a second copy; no SMTP client can close that
 * window.
 */
#include <string.h>

#include "store/store-private.h"

int store_outbox_add(struct store *st, const struct store_outbox_new *m, int64_t *id_r,
                     char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"INSERT INTO outbox (key, kind, rule, thread_id, regarding, recipient, envelope_from, "
		"message_id, subject, raw, created, next_attempt) VALUES (?1, ?2, ?3, ?4, ?5, lower(?6), ?7, "
		"?8, ?9, ?10, ?11, ?11) ON CONFLICT (key) DO NOTHING", error_r);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, m->key);
	store_bind_text(stmt, 2, m->kind);
	store_bind_text(stmt, 3, m->rule);
	if (m->thread > 0)
		sqlite3_bind_int64(stmt, 4, m->thread);
	store_bind_text(stmt, 5, m->regarding);
	store_bind_text(stmt, 6, m->recipient);
	store_bind_text(stmt, 7, m->envelope_from);
	store_bind_text(stmt, 8, m->message_id);
	store_bind_text(stmt, 9, m->subject);
	sqlite3_bind_blob64(stmt, 10, m->raw, m->len, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 11, m->created);
	if (store_step_done(st, stmt, "queueing a message", error_r) < 0)
		return -1;
	*id_r = sqlite3_changes(st->db) > 0 ? sqlite3_last_insert_rowid(st->db) : 0;
	return 0;
}

int store_outbox_has_key(struct store *st, const char *key, bool *has_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT 1 FROM outbox WHERE key = ?1", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading the outbox");
		return -1;
	}
	*has_r = rc == SQLITE_ROW;
	return 0;
}

#define ITEM_COLUMNS \
	"id, key, kind, rule, thread_id, regarding, recipient, envelope_from, message_id, " \
	"subject, state, attempts, next_attempt, last_error, created, sent_at"

static struct store_outbox_item item_from_row(sqlite3_stmt *stmt)
{
	struct store_outbox_item it = {
		.id = sqlite3_column_int64(stmt, 0),
		.key = store_col_text(stmt, 1, true),
		.kind = store_col_text(stmt, 2, true),
		.rule = store_col_text(stmt, 3, false),
		.thread = sqlite3_column_int64(stmt, 4),
		.regarding = store_col_text(stmt, 5, false),
		.recipient = store_col_text(stmt, 6, true),
		.envelope_from = store_col_text(stmt, 7, true),
		.message_id = store_col_text(stmt, 8, true),
		.subject = store_col_text(stmt, 9, true),
		.state = store_col_text(stmt, 10, true),
		.attempts = (unsigned)sqlite3_column_int(stmt, 11),
		.next_attempt = sqlite3_column_int64(stmt, 12),
		.last_error = store_col_text(stmt, 13, false),
		.created = sqlite3_column_int64(stmt, 14),
		.sent_at = store_col_time(stmt, 15),
	};
	return it;
}

static int list_items(struct store *st, const char *sql, int64_t arg, unsigned limit, bool raw,
                      struct store_outbox_item **items_r, size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, arg);
	if (sqlite3_bind_parameter_count(stmt) >= 2)
		sqlite3_bind_int(stmt, 2, (int)limit);
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_outbox_item));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_outbox_item it = item_from_row(stmt);
		if (raw) {
			it.len = (size_t)sqlite3_column_bytes(stmt, 16);
			it.raw = g_malloc(it.len + 1);
			memcpy(it.raw, sqlite3_column_blob(stmt, 16), it.len);
			it.raw[it.len] = '\0';
		}
		g_array_append_val(arr, it);
	}
	sqlite3_reset(stmt);
	*n_r = arr->len;
	*items_r = (struct store_outbox_item *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		store_outbox_items_free(items_r, *n_r);
		*error_r = store_errmsg(st, "reading the outbox");
		return -1;
	}
	return 0;
}

int store_outbox_claim(struct store *st, int64_t now, struct store_outbox_item **item_r,
                       char **error_r)
{
	struct store_outbox_item *items = NULL;
	size_t n = 0;

	*item_r = NULL;
	if (list_items(st, "UPDATE outbox SET state = 'sending', attempts = attempts + 1 "
	                   "WHERE id = (SELECT id FROM outbox WHERE state = 'pending' "
	                   "  AND next_attempt <= ?1 ORDER BY id LIMIT ?2) "
	                   "RETURNING " ITEM_COLUMNS ", raw",
	               now, 1, true, &items, &n, error_r) < 0)
		return -1;
	if (n == 0) {
		g_free(items);
		return 0;
	}
	*item_r = items;
	return 1;
}

int store_outbox_recover(struct store *st, int64_t now, struct store_outbox_item **items_r,
                         size_t *n_r, char **error_r)
{
	return list_items(st, "UPDATE outbox SET state = 'pending', "
	                      "next_attempt = min(next_attempt, ?1) "
	                      "WHERE state = 'sending' RETURNING " ITEM_COLUMNS,
	                  now, 1, false, items_r, n_r, error_r);
}

int store_outbox_list(struct store *st, bool all, struct store_outbox_item **items_r,
                      size_t *n_r, char **error_r)
{
	return list_items(st, "SELECT " ITEM_COLUMNS " FROM outbox WHERE ?1 OR state != 'sent' "
	                      "ORDER BY id DESC LIMIT ?2",
	                  all, 100000, false, items_r, n_r, error_r);
}

int store_outbox_waiting(struct store *st, int64_t *n_r, char **error_r)
{
	/* Being sent is still waiting: the count does not dip while the
	 * server is asked. outbox_due (state, next_attempt) serves it. */
	return store_scalar(st, "SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')",
	                    "counting the outbox", 0, n_r, error_r);
}

static int update(struct store *st, const char *sql, int64_t id, int64_t t, const char *why,
                  char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, t);
	store_bind_text(stmt, 3, why);
	return store_step_done(st, stmt, "updating the outbox", error_r);
}

int store_outbox_sent(struct store *st, int64_t id, int64_t now,
                      struct store_sent_mail *sent_r, char **error_r)
{
	sqlite3_stmt *stmt;
	int rc;

	if (update(st, "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = ?3 "
	               "WHERE id = ?1", id, now, NULL, error_r) < 0)
		return -1;
	if (sent_r == NULL)
		return 0;
	memset(sent_r, 0, sizeof(*sent_r));
	stmt = store_stmt(st, "SELECT kind, thread_id, raw FROM outbox WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		sent_r->kind = store_col_text(stmt, 0, true);
		sent_r->thread = sqlite3_column_int64(stmt, 1);
		sent_r->len = (size_t)sqlite3_column_bytes(stmt, 2);
		sent_r->raw = g_memdup2(sqlite3_column_blob(stmt, 2), sent_r->len);
	}
	sqlite3_reset(stmt);
	if (sent_r->raw == NULL) {
		store_sent_mail_clear(sent_r);
		*error_r = g_strdup_printf("%s: no outbox message %lld", st->path, (long long)id);
		return -1;
	}
	return 0;
}

void store_sent_mail_clear(struct store_sent_mail *m)
{
	g_free(m->kind);
	g_free(m->raw);
	memset(m, 0, sizeof(*m));
}

int store_outbox_retry(struct store *st, int64_t id, int64_t next_attempt, const char *why,
                       char **error_r)
{
	return update(st, "UPDATE outbox SET state = 'pending', next_attempt = ?2, "
	                  "last_error = ?3 WHERE id = ?1", id, next_attempt, why, error_r);
}

int store_outbox_failed(struct store *st, int64_t id, const char *why, char **error_r)
{
	return update(st, "UPDATE outbox SET state = 'failed', next_attempt = ?2, "
	                  "last_error = ?3 WHERE id = ?1", id, 0, why, error_r);
}

void store_outbox_items_free(struct store_outbox_item **items, size_t n)
{
	if (*items == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		struct store_outbox_item *it = &(*items)[i];
		g_free(it->key);
		g_free(it->kind);
		g_free(it->rule);
		g_free(it->regarding);
		g_free(it->recipient);
		g_free(it->envelope_from);
		g_free(it->message_id);
		g_free(it->subject);
		g_free(it->state);
		g_free(it->last_error);
		g_free(it->raw);
	}
	g_free(*items);
	*items = NULL;
}
