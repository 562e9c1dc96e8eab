/*
 * stats: what the store holds and what the counters say, for `followup
 * stats`: an administrator's first look (like `doveadm stats`).
 */
#include "store/store-private.h"

int store_counter_add(struct store *st, const char *name, int64_t delta, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO counters (name, value) VALUES (?1, ?2) "
	                                    "ON CONFLICT (name) DO UPDATE SET value = value + ?2",
	                                error_r);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, name);
	sqlite3_bind_int64(stmt, 2, delta);
	return store_step_done(st, stmt, "counting", error_r);
}

static int count_one(struct store *st, const char *sql, uint64_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);

	if (stmt == NULL)
		return -1;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		*error_r = store_errmsg(st, "counting");
		return -1;
	}
	*n_r = (uint64_t)sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return 0;
}

/* Rows of (name, count). */
static int count_list(struct store *st, const char *sql, struct store_count **list_r,
                      size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_count));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_count c = {
			.name = store_col_text(stmt, 0, true),
			.value = (uint64_t)sqlite3_column_int64(stmt, 1),
		};
		g_array_append_val(arr, c);
	}
	sqlite3_reset(stmt);
	*n_r = arr->len;
	*list_r = (struct store_count *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "counting");
		return -1;
	}
	return 0;
}

static int folder_list(struct store *st, struct store_stats *s, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT f.account, f.name, f.uidvalidity, f.last_uid, "
		"(SELECT count(*) FROM locations l WHERE l.folder_id = f.id) "
		"FROM folders f ORDER BY f.account, f.name", error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_folder_stats));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_folder_stats f = {
			.account = store_col_text(stmt, 0, true),
			.folder = store_col_text(stmt, 1, true),
			.uidvalidity = (uint32_t)sqlite3_column_int64(stmt, 2),
			.last_uid = (uint32_t)sqlite3_column_int64(stmt, 3),
			.messages = (uint64_t)sqlite3_column_int64(stmt, 4),
		};
		g_array_append_val(arr, f);
	}
	sqlite3_reset(stmt);
	s->n_folders = arr->len;
	s->folders = (struct store_folder_stats *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "listing folders");
		return -1;
	}
	return 0;
}

int store_stats(struct store *st, struct store_stats **stats_r, char **error_r)
{
	struct store_stats *s = g_new0(struct store_stats, 1);

	if (count_one(st, "SELECT count(*) FROM messages", &s->messages, error_r) < 0 ||
	    count_one(st, "SELECT count(*) FROM customers", &s->customers, error_r) < 0 ||
	    count_one(st, "SELECT count(*) FROM contacts", &s->contacts, error_r) < 0 ||
	    count_one(st, "SELECT count(*) FROM threads", &s->threads, error_r) < 0 ||
	    count_one(st, "SELECT coalesce(sum(size), 0) FROM raw_messages", &s->raw_bytes,
	              error_r) < 0 ||
	    count_one(st, "SELECT coalesce(sum(length(data)), 0) FROM raw_messages",
	              &s->stored_bytes, error_r) < 0 ||
	    count_list(st, "SELECT kind, count(*) FROM messages GROUP BY kind ORDER BY kind",
	               &s->kinds, &s->n_kinds, error_r) < 0 ||
	    count_list(st, "SELECT name, value FROM counters ORDER BY name", &s->counters,
	               &s->n_counters, error_r) < 0 ||
	    folder_list(st, s, error_r) < 0 ||
	    store_fetch_failures(st, &s->failures, &s->n_failures, error_r) < 0) {
		store_stats_free(&s);
		return -1;
	}
	*stats_r = s;
	return 0;
}

static void counts_free(struct store_count *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		g_free(list[i].name);
	g_free(list);
}

void store_stats_free(struct store_stats **sp)
{
	struct store_stats *s = *sp;

	if (s == NULL)
		return;
	*sp = NULL;
	counts_free(s->kinds, s->n_kinds);
	counts_free(s->counters, s->n_counters);
	for (size_t i = 0; i < s->n_folders; i++) {
		g_free(s->folders[i].account);
		g_free(s->folders[i].folder);
	}
	g_free(s->folders);
	store_fetch_failures_free(&s->failures, s->n_failures);
	g_free(s);
}
