/*
 * changes: the log of what people change in the sheet (schema 9).
 */
#include "store/store-private.h"

int store_change_add(struct store *st, const struct store_change *c, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"INSERT INTO changes (at, actor, customer_id, customer, command, field, old, new) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error_r);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, c->at);
	store_bind_text(stmt, 2, c->actor);
	if (c->customer_id > 0)
		sqlite3_bind_int64(stmt, 3, c->customer_id);
	else
		sqlite3_bind_null(stmt, 3);
	store_bind_text(stmt, 4, c->customer);
	store_bind_text(stmt, 5, c->command);
	store_bind_text(stmt, 6, c->field);
	store_bind_text(stmt, 7, c->old_value);
	store_bind_text(stmt, 8, c->new_value);
	return store_step_done(st, stmt, "recording a change", error_r);
}

int store_change_log(struct store *st, int64_t customer_id, const char *actor,
                  struct store_change_row **rows_r, size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT id, at, actor, customer, command, field, old, new FROM changes "
		"WHERE (?1 = 0 OR customer_id = ?1) AND (?2 IS NULL OR actor = ?2 COLLATE NOCASE) "
		"ORDER BY at, id", error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	store_bind_text(stmt, 2, actor);
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_change_row));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_change_row r = {
			.id = sqlite3_column_int64(stmt, 0),
			.at = sqlite3_column_int64(stmt, 1),
			.actor = store_col_text(stmt, 2, true),
			.customer = store_col_text(stmt, 3, false),
			.command = store_col_text(stmt, 4, true),
			.field = store_col_text(stmt, 5, true),
			.old_value = store_col_text(stmt, 6, false),
			.new_value = store_col_text(stmt, 7, false),
		};
		g_array_append_val(arr, r);
	}
	sqlite3_reset(stmt);
	*n_r = arr->len;
	*rows_r = (struct store_change_row *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		store_change_log_free(rows_r, *n_r);
		*error_r = store_errmsg(st, "reading the change log");
		return -1;
	}
	return 0;
}

void store_change_log_free(struct store_change_row **rows, size_t n)
{
	if (*rows == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		g_free((*rows)[i].actor);
		g_free((*rows)[i].customer);
		g_free((*rows)[i].command);
		g_free((*rows)[i].field);
		g_free((*rows)[i].old_value);
		g_free((*rows)[i].new_value);
	}
	g_free(*rows);
	*rows = NULL;
}
