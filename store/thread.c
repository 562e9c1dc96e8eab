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
 * Then the thread's kinds are worked out again, by the caller
 * (core/filing.c, with classify_thread_kinds): whether an inbound message
 * is an inquiry depends on its place in the thread.
 * store_thread_members_load() gives the thread as the classifier sees
 * it, store_thread_settle() writes what it decided.
 */
#include <string.h>

#include "store/store-private.h"

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

static int find_by_subject(struct store *st, int64_t window, int64_t rowid,
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
	sqlite3_bind_int64(stmt, 3, m->date - window);
	sqlite3_bind_int64(stmt, 4, m->date + window);
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

struct store_thread_members {
	int64_t id;
	GArray *entries;          /* struct thread_entry, date order; seq = row id */
	GArray *rows;             /* struct thread_row, the same order */
};

struct thread_row {
	int64_t customer_id;
	char *subject;
	char *old_kind;
};

void store_thread_members_free(struct store_thread_members **tp)
{
	struct store_thread_members *t = *tp;

	if (t == NULL)
		return;
	*tp = NULL;
	for (guint i = 0; i < t->rows->len; i++) {
		struct thread_row *r = &g_array_index(t->rows, struct thread_row, i);
		g_free(r->subject);
		g_free(r->old_kind);
	}
	g_array_free(t->rows, TRUE);
	g_array_free(t->entries, TRUE);
	g_free(t);
}

struct thread_entry *store_thread_members_entries(struct store_thread_members *t,
                                                 size_t *n_r)
{
	*n_r = t->entries->len;
	return (struct thread_entry *)(void *)t->entries->data;
}

int store_thread_members_load(struct store *st, int64_t tid, struct store_thread_members **t_r,
                              char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT id, date, direction, intrinsic_kind, has_refs, reply_subject, kind, "
		"customer_id, subject FROM messages WHERE thread_id = ?1 ORDER BY date, id", error_r);
	struct store_thread_members *t;
	int rc;

	if (stmt == NULL)
		return -1;
	t = g_new0(struct store_thread_members, 1);
	t->id = tid;
	t->entries = g_array_new(FALSE, TRUE, sizeof(struct thread_entry));
	t->rows = g_array_new(FALSE, TRUE, sizeof(struct thread_row));
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
		struct thread_row r = {
			.old_kind = store_col_text(stmt, 6, true),
			.customer_id = sqlite3_column_int64(stmt, 7),
			.subject = store_col_text(stmt, 8, true),
		};
		g_array_append_val(t->entries, e);
		g_array_append_val(t->rows, r);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading a thread");
		store_thread_members_free(&t);
		return -1;
	}
	*t_r = t;
	return 0;
}

static int update_kind(struct store *st, int64_t id, enum msg_kind kind, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE messages SET kind = ?2 WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text(stmt, 2, msg_kind_name(kind));
	return store_step_done(st, stmt, "updating a message kind", error_r);
}

int store_thread_settle(struct store *st, const struct store_thread_members *t,
                        enum msg_kind origin, char **error_r)
{
	sqlite3_stmt *stmt;

	if (t->rows->len == 0)
		return store_run_with_id(st, "DELETE FROM threads WHERE id = ?1", t->id,
		                         "dropping an empty thread", error_r);

	int64_t customer_id = 0;
	const char *subject = NULL;
	for (guint i = 0; i < t->rows->len; i++) {
		const struct thread_entry *e = &g_array_index(t->entries, struct thread_entry, i);
		const struct thread_row *r = &g_array_index(t->rows, struct thread_row, i);
		if (strcmp(r->old_kind, msg_kind_name(e->kind)) != 0 &&
		    update_kind(st, e->seq, e->kind, error_r) < 0)
			return -1;
		if (customer_id == 0)
			customer_id = r->customer_id;
		if (subject == NULL && joins_by_subject(e->kind))
			subject = r->subject;
	}
	if (subject == NULL)
		subject = g_array_index(t->rows, struct thread_row, 0).subject;
	stmt = store_stmt(st, "UPDATE threads SET origin = ?2, customer_id = ?3, subject = ?4 "
	                      "WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, t->id);
	store_bind_text(stmt, 2, msg_kind_name(origin));
	if (customer_id != 0)
		sqlite3_bind_int64(stmt, 3, customer_id);
	else
		sqlite3_bind_null(stmt, 3);
	store_bind_text(stmt, 4, subject);
	return store_step_done(st, stmt, "updating a thread", error_r);
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

int store_thread_join(struct store *st, int64_t rowid, int64_t window, int64_t settle_r[2],
                      char **error_r)
{
	struct thread_msg m = { 0 };
	GArray *threads = g_array_new(FALSE, FALSE, sizeof(int64_t));
	int64_t tid;
	int ret = -1;

	settle_r[0] = settle_r[1] = 0;
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
	if (threads->len == 0 && find_by_subject(st, window, rowid, &m, threads, error_r) < 0)
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
	settle_r[0] = tid;
	if (m.thread_id != 0 && m.thread_id != tid)
		settle_r[1] = m.thread_id;
	ret = 0;
out:
	thread_msg_clear(&m);
	g_array_free(threads, TRUE);
	return ret;
}

int store_thread_put(struct store *st, int64_t rowid, int64_t thread, char **error_r)
{
	return set_thread(st, rowid, thread, error_r);
}
