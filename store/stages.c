/*
 * stages: a customer's stage and its moves. Each move is a timeline entry
 * (a note of kind "stage": from, to, and who or what moved it); the mail's
 * moves (author NULL, message_id set) are worked out again by a reparse,
 * the people's stay.
 */
#include <string.h>

#include "store/store-private.h"

int store_stage_of_message(struct store *st, int64_t rowid, struct store_stage_at *at_r,
                           char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT m.customer_id, "
		/* the stage at the message's date: the last move before it, else,
		 * for a customer without moves, its stage as it is */
		"CASE WHEN EXISTS (SELECT 1 FROM notes n WHERE n.customer_id = c.id "
		"  AND n.kind = 'stage') THEN (SELECT n.stage_to FROM notes n "
		"  WHERE n.customer_id = c.id AND n.kind = 'stage' AND n.date <= m.date "
		"  ORDER BY n.date DESC, n.id DESC LIMIT 1) ELSE c.stage END, "
		"m.date, m.message_id, "
		"(SELECT max(n.date) FROM notes n WHERE n.customer_id = c.id AND n.kind = 'stage') "
		"FROM messages m JOIN customers c ON c.id = m.customer_id WHERE m.id = ?1", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	memset(at_r, 0, sizeof(*at_r));
	sqlite3_bind_int64(stmt, 1, rowid);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		at_r->customer_id = sqlite3_column_int64(stmt, 0);
		at_r->stage = store_col_text(stmt, 1, false);
		at_r->date = sqlite3_column_int64(stmt, 2);
		at_r->message_id = store_col_text(stmt, 3, true);
		at_r->last_move_at = store_col_time(stmt, 4);
	} else if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading a customer's stage");
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

void store_stage_at_clear(struct store_stage_at *at)
{
	g_free(at->stage);
	g_free(at->message_id);
	memset(at, 0, sizeof(*at));
}

int store_stage_move(struct store *st, const struct store_stage_move *m, char **error_r)
{
	sqlite3_stmt *stmt;

	if (m->current) {
		stmt = store_stmt(st, "UPDATE customers SET stage = ?2 WHERE id = ?1", error_r);
		if (stmt == NULL)
			return -1;
		sqlite3_bind_int64(stmt, 1, m->customer_id);
		store_bind_text(stmt, 2, m->to);
		if (store_step_done(st, stmt, "moving a customer's stage", error_r) < 0)
			return -1;
	}
	stmt = store_stmt(st, "INSERT INTO notes (customer_id, kind, date, text, author, "
	                      "message_id, stage_from, stage_to, created) "
	                      "VALUES (?1, 'stage', ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error_r);
	if (stmt == NULL)
		return -1;
	char *text = g_strdup_printf("%s → %s", m->from != NULL ? m->from : "lead",
	                             m->to != NULL ? m->to : "lead");
	sqlite3_bind_int64(stmt, 1, m->customer_id);
	sqlite3_bind_int64(stmt, 2, m->date);
	store_bind_text(stmt, 3, text);
	store_bind_text(stmt, 4, m->author);
	store_bind_text(stmt, 5, m->message_id);
	store_bind_text(stmt, 6, m->from);
	store_bind_text(stmt, 7, m->to);
	sqlite3_bind_int64(stmt, 8, m->created);
	int ret = store_step_done(st, stmt, "recording a stage move", error_r);
	g_free(text);
	return ret;
}

int store_stage_forget_mail_moves(struct store *st, char **error_r)
{
	/* Each customer with moves goes back to the stage its people's last
	 * move left (none: a lead), and the mail moves it on again; a stage
	 * set without moves (by the store's interface alone) stays. */
	return store_exec(st,
		"UPDATE customers SET stage = (SELECT n.stage_to FROM notes n "
		"  WHERE n.customer_id = customers.id AND n.kind = 'stage' "
		"  AND n.author IS NOT NULL ORDER BY n.date DESC, n.id DESC LIMIT 1) "
		"WHERE id IN (SELECT customer_id FROM notes WHERE kind = 'stage');"
		"DELETE FROM notes WHERE kind = 'stage' AND author IS NULL;", error_r);
}
