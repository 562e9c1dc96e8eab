/*
 * thread: which conversation a message belongs to.
 *
 *  1. References and In-Reply-To, both ways: a message joins the thread of
 *     any stored message it refers to, and of any stored message that
 *     refers to it (so the order in which folders are synced does not
 *     matter). When that names several threads, they are merged.
 *  2. Else the normalized subject, within the same customer and
 *     opts->thread_window of a message already there; only for mail that
 *     can be part of a sales conversation (not auto-replies, bounces, bulk).
 *  3. Else a new thread.
 *
 * Then the thread's kinds are recomputed (classify_thread_kinds): whether
 * an inbound message is an inquiry depends on its place in the thread.
 */
#include <string.h>

#include "store/store-private.h"
#include "classify/classify.h"

struct thread_msg {
	char *message_id;
	int64_t date;
	int64_t customer_id;      /* 0: none */
	char *subject;
	char *subject_norm;
	enum msg_kind intrinsic;
	int64_t thread_id;        /* 0: none yet */
};

static void thread_msg_clear(struct thread_msg *m)
{
	g_free(m->message_id);
	g_free(m->subject);
	g_free(m->subject_norm);
}

static int load_msg(struct store *st, int64_t rowid, struct thread_msg *m, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT message_id, date, customer_id, subject, subject_norm, intrinsic_kind, "
		"thread_id FROM messages WHERE id = ?1", error_r);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, rowid);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		*error_r = store_errmsg(st, "reading a message to thread");
		return -1;
	}
	m->message_id = store_col_text(stmt, 0, true);
	m->date = sqlite3_column_int64(stmt, 1);
	m->customer_id = sqlite3_column_int64(stmt, 2);
	m->subject = store_col_text(stmt, 3, true);
	m->subject_norm = store_col_text(stmt, 4, true);
	int kind = msg_kind_from_name((const char *)sqlite3_column_text(stmt, 5));
	m->intrinsic = kind < 0 ? MSG_KIND_REPLY : (enum msg_kind)kind;
	m->thread_id = sqlite3_column_int64(stmt, 6);
	sqlite3_reset(stmt);
	return 0;
}

/* Appends the thread ids the query yields (bound: ?1 rowid, ?2 message-id). */
static int collect_threads(struct store *st, const char *sql, int64_t rowid,
                           const char *message_id, GArray *threads, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, rowid);
	store_bind_text(stmt, 2, message_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t tid = sqlite3_column_int64(stmt, 0);
		bool seen = false;
		for (guint i = 0; i < threads->len && !seen; i++)
			seen = g_array_index(threads, int64_t, i) == tid;
		if (!seen)
			g_array_append_val(threads, tid);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "finding related messages");
		return -1;
	}
	return 0;
}

static bool joins_by_subject(enum msg_kind kind)
{
	return kind == MSG_KIND_REPLY || kind == MSG_KIND_QUOTE || kind == MSG_KIND_INQUIRY;
}

static int find_by_subject(struct store *st, const struct ingest_options *opts, int64_t rowid,
                           const struct thread_msg *m, GArray *threads, char **error_r)
{
	sqlite3_stmt *stmt;
	int rc;

	if (m->subject_norm[0] == '\0' || m->customer_id == 0 || !joins_by_subject(m->intrinsic))
		return 0;
	stmt = store_stmt(st,
		"SELECT thread_id FROM messages WHERE customer_id = ?1 AND subject_norm = ?2 "
		"AND date BETWEEN ?3 AND ?4 AND id != ?5 AND thread_id IS NOT NULL "
		"AND intrinsic_kind IN ('reply', 'quote', 'inquiry') "
		"ORDER BY abs(date - ?6) LIMIT 1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, m->customer_id);
	store_bind_text(stmt, 2, m->subject_norm);
	sqlite3_bind_int64(stmt, 3, m->date - opts->thread_window);
	sqlite3_bind_int64(stmt, 4, m->date + opts->thread_window);
	sqlite3_bind_int64(stmt, 5, rowid);
	sqlite3_bind_int64(stmt, 6, m->date);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		int64_t tid = sqlite3_column_int64(stmt, 0);
		g_array_append_val(threads, tid);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "finding a thread by subject");
		return -1;
	}
	return 0;
}

static int thread_size(struct store *st, int64_t tid, int64_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT count(*) FROM messages WHERE thread_id = ?1",
	                                error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, tid);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		*error_r = store_errmsg(st, "counting a thread");
		return -1;
	}
	*n_r = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return 0;
}

static int new_thread(struct store *st, const struct thread_msg *m, int64_t *tid_r,
                      char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO threads (customer_id, subject, origin) "
	                                    "VALUES (?1, ?2, ?3)", error_r);
	if (stmt == NULL)
		return -1;
	if (m->customer_id != 0)
		sqlite3_bind_int64(stmt, 1, m->customer_id);
	store_bind_text(stmt, 2, m->subject);
	store_bind_text(stmt, 3, msg_kind_name(m->intrinsic));
	if (store_step_done(st, stmt, "starting a thread", error_r) < 0)
		return -1;
	*tid_r = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static int move_thread(struct store *st, int64_t from, int64_t to, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE messages SET thread_id = ?2 WHERE thread_id = ?1",
	                                error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, from);
	sqlite3_bind_int64(stmt, 2, to);
	if (store_step_done(st, stmt, "merging threads", error_r) < 0)
		return -1;
	return store_run_with_id(st, "DELETE FROM threads WHERE id = ?1", from, "merging threads",
	                         error_r);
}

static int set_thread(struct store *st, int64_t rowid, int64_t tid, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE messages SET thread_id = ?2 WHERE id = ?1",
	                                error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, rowid);
	sqlite3_bind_int64(stmt, 2, tid);
	return store_step_done(st, stmt, "filing a message in its thread", error_r);
}

struct recompute_row {
	int64_t id;
	int64_t customer_id;
	char *subject;
	char *old_kind;
};

static int update_kind(struct store *st, int64_t id, enum msg_kind kind, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE messages SET kind = ?2 WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text(stmt, 2, msg_kind_name(kind));
	return store_step_done(st, stmt, "updating a message kind", error_r);
}

/* Kinds, origin, customer and subject of a thread, from its messages. */
static int recompute(struct store *st, int64_t tid, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT id, date, direction, intrinsic_kind, has_refs, reply_subject, kind, "
		"customer_id, subject FROM messages WHERE thread_id = ?1 ORDER BY date, id", error_r);
	GArray *entries = g_array_new(FALSE, TRUE, sizeof(struct thread_entry));
	GArray *rows = g_array_new(FALSE, TRUE, sizeof(struct recompute_row));
	int rc, ret = -1;

	if (stmt == NULL)
		goto out;
	sqlite3_bind_int64(stmt, 1, tid);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int kind = msg_kind_from_name((const char *)sqlite3_column_text(stmt, 3));
		struct thread_entry e = {
			.date = sqlite3_column_int64(stmt, 1),
			.seq = sqlite3_column_int64(stmt, 0),
			.dir = g_strcmp0((const char *)sqlite3_column_text(stmt, 2), "out") == 0
			       ? MSG_DIR_OUT : MSG_DIR_IN,
			.intrinsic = kind < 0 ? MSG_KIND_REPLY : (enum msg_kind)kind,
			.has_references = sqlite3_column_int(stmt, 4) != 0,
			.reply_subject = sqlite3_column_int(stmt, 5) != 0,
		};
		struct recompute_row r = {
			.id = e.seq,
			.old_kind = store_col_text(stmt, 6, true),
			.customer_id = sqlite3_column_int64(stmt, 7),
			.subject = store_col_text(stmt, 8, true),
		};
		g_array_append_val(entries, e);
		g_array_append_val(rows, r);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading a thread");
		goto out;
	}
	if (rows->len == 0) {
		ret = store_run_with_id(st, "DELETE FROM threads WHERE id = ?1", tid,
		                        "dropping an empty thread", error_r);
		goto out;
	}

	enum msg_kind origin = classify_thread_kinds((struct thread_entry *)(void *)entries->data,
	                                             entries->len);
	int64_t customer_id = 0;
	const char *subject = NULL;
	for (guint i = 0; i < rows->len; i++) {
		struct thread_entry *e = &g_array_index(entries, struct thread_entry, i);
		struct recompute_row *r = &g_array_index(rows, struct recompute_row, i);
		if (strcmp(r->old_kind, msg_kind_name(e->kind)) != 0 &&
		    update_kind(st, r->id, e->kind, error_r) < 0)
			goto out;
		if (customer_id == 0)
			customer_id = r->customer_id;
		if (subject == NULL && joins_by_subject(e->kind))
			subject = r->subject;
	}
	if (subject == NULL)
		subject = g_array_index(rows, struct recompute_row, 0).subject;
	stmt = store_stmt(st, "UPDATE threads SET origin = ?2, customer_id = ?3, subject = ?4 "
	                      "WHERE id = ?1", error_r);
	if (stmt == NULL)
		goto out;
	sqlite3_bind_int64(stmt, 1, tid);
	store_bind_text(stmt, 2, msg_kind_name(origin));
	if (customer_id != 0)
		sqlite3_bind_int64(stmt, 3, customer_id);
	else
		sqlite3_bind_null(stmt, 3);
	store_bind_text(stmt, 4, subject);
	ret = store_step_done(st, stmt, "updating a thread", error_r);
out:
	for (guint i = 0; i < rows->len; i++) {
		struct recompute_row *r = &g_array_index(rows, struct recompute_row, i);
		g_free(r->subject);
		g_free(r->old_kind);
	}
	g_array_free(rows, TRUE);
	g_array_free(entries, TRUE);
	return ret;
}

/* The thread for rowid when nothing relates it to another: its current
 * one when it is alone there (a reparse keeps thread ids), else a new one. */
static int own_thread(struct store *st, const struct thread_msg *m, int64_t *tid_r,
                      char **error_r)
{
	if (m->thread_id != 0) {
		int64_t n;
		if (thread_size(st, m->thread_id, &n, error_r) < 0)
			return -1;
		if (n == 1) {
			*tid_r = m->thread_id;
			return 0;
		}
	}
	return new_thread(st, m, tid_r, error_r);
}

int store_thread_assign(struct store *st, const struct ingest_options *opts, int64_t rowid,
                        char **error_r)
{
	struct thread_msg m = { 0 };
	GArray *threads = g_array_new(FALSE, FALSE, sizeof(int64_t));
	int64_t tid;
	int ret = -1;

	if (load_msg(st, rowid, &m, error_r) < 0)
		goto out;
	if (collect_threads(st,
	        "SELECT DISTINCT m.thread_id FROM message_refs r JOIN messages m "
	        "ON m.message_id = r.ref WHERE r.message = ?1 AND m.id != ?1 "
	        "AND m.thread_id IS NOT NULL AND ?2 IS NOT NULL",
	        rowid, m.message_id, threads, error_r) < 0 ||
	    collect_threads(st,
	        "SELECT DISTINCT m.thread_id FROM message_refs r JOIN messages m "
	        "ON m.id = r.message WHERE r.ref = ?2 AND m.id != ?1 AND m.thread_id IS NOT NULL",
	        rowid, m.message_id, threads, error_r) < 0)
		goto out;
	if (threads->len == 0 && find_by_subject(st, opts, rowid, &m, threads, error_r) < 0)
		goto out;

	if (threads->len == 0) {
		if (own_thread(st, &m, &tid, error_r) < 0)
			goto out;
	} else {
		tid = g_array_index(threads, int64_t, 0);
		for (guint i = 1; i < threads->len; i++)
			tid = MIN(tid, g_array_index(threads, int64_t, i));
		for (guint i = 0; i < threads->len; i++) {
			int64_t other = g_array_index(threads, int64_t, i);
			if (other != tid && move_thread(st, other, tid, error_r) < 0)
				goto out;
		}
	}
	if (tid != m.thread_id && set_thread(st, rowid, tid, error_r) < 0)
		goto out;
	if (recompute(st, tid, error_r) < 0)
		goto out;
	if (m.thread_id != 0 && m.thread_id != tid && recompute(st, m.thread_id, error_r) < 0)
		goto out;
	ret = 0;
out:
	thread_msg_clear(&m);
	g_array_free(threads, TRUE);
	return ret;
}

int store_thread_set(struct store *st, int64_t rowid, int64_t thread, char **error_r)
{
	if (set_thread(st, rowid, thread, error_r) < 0)
		return -1;
	return recompute(st, thread, error_r);
}
