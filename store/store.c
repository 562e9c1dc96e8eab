/*
 * store: opening the database, the statement cache, transactions and the
 * per-folder sync positions.
 */
#include <string.h>
#include <zstd.h>

#include "store/store-private.h"

#define STORE_BUSY_TIMEOUT_MS 15000

char *store_errmsg(struct store *st, const char *what)
{
	st->last_error = sqlite3_extended_errcode(st->db);
	return g_strdup_printf("%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

int store_exec(struct store *st, const char *sql, char **error_r)
{
	char *msg = NULL;
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		st->last_error = rc;
		*error_r = g_strdup_printf("%s: %s", st->path, msg != NULL ? msg : "error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

enum store_failure store_last_failure(const struct store *st)
{
	switch (st->last_error & 0xff) {
	case SQLITE_OK:
		return STORE_FAILURE_NONE;
	case SQLITE_FULL:
		return STORE_FAILURE_FULL;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return STORE_FAILURE_IO;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_FAILURE_BUSY;
	default:
		return STORE_FAILURE_OTHER;
	}
}

const char *store_path(const struct store *st)
{
	return st->path;
}

void store_failure_clear(struct store *st)
{
	st->last_error = SQLITE_OK;
}

uint64_t store_changes(const struct store *st)
{
	return (uint64_t)sqlite3_total_changes64(st->db);
}

static void stmt_finalize(gpointer p)
{
	sqlite3_finalize(p);
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql, char **error_r)
{
	sqlite3_stmt *stmt = g_hash_table_lookup(st->stmts, sql);

	if (stmt != NULL) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		return stmt;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK) {
		*error_r = store_errmsg(st, "preparing a query");
		return NULL;
	}
	g_hash_table_insert(st->stmts, (gpointer)sql, stmt);
	return stmt;
}

int store_scalar(struct store *st, const char *sql, const char *what, int64_t none,
                 int64_t *value_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*value_r = sqlite3_column_type(stmt, 0) == SQLITE_NULL ? none
		           : sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW) {
		*error_r = store_errmsg(st, what);
		return -1;
	}
	return 0;
}

int store_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
}

int store_bind_time(sqlite3_stmt *stmt, int idx, int64_t v)
{
	if (v == INT64_MIN)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_int64(stmt, idx, v);
}

char *store_col_text(sqlite3_stmt *stmt, int col, bool empty_for_null)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	if (s == NULL)
		return empty_for_null ? g_strdup("") : NULL;
	return g_strdup((const char *)s);
}

int64_t store_col_time(sqlite3_stmt *stmt, int col)
{
	if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
		return INT64_MIN;
	return sqlite3_column_int64(stmt, col);
}

static int configure(struct store *st, char **error_r)
{
	sqlite3_busy_timeout(st->db, STORE_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(st->db, 1);
	if (store_search_register(st, error_r) < 0)
		return -1;
	if (store_exec(st, "PRAGMA foreign_keys = ON", error_r) < 0)
		return -1;
	if (st->mode == STORE_READ_ONLY)
		return 0;
	/* WAL lets the CLI read while the daemon writes. Debian's SQLite
	 * defaults WAL databases to synchronous=FULL; NORMAL is durable
	 * across application crashes and atomic across power loss, which is
	 * what the sync-position design needs. */
	if (store_exec(st, "PRAGMA journal_mode = WAL", error_r) < 0 ||
	    store_exec(st, "PRAGMA synchronous = NORMAL", error_r) < 0)
		return -1;
	/* The -wal and -shm files stay when the last writer closes: a team
	 * member who may only read the store (a group member, without write
	 * access to its directory) can open a WAL database read-only only
	 * while they exist, because only a writer could create them. */
	int persist = 1;
	sqlite3_file_control(st->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	return 0;
}

static bool parent_exists(const char *path)
{
	char *dir = g_path_get_dirname(path);
	bool exists = g_file_test(dir, G_FILE_TEST_IS_DIR);

	g_free(dir);
	return exists;
}

int store_open(const char *path, enum store_mode mode, struct store **st_r, char **error_r)
{
	struct store *st = g_new0(struct store, 1);
	int flags = mode == STORE_READ_ONLY ? SQLITE_OPEN_READONLY
	                                    : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

	st->path = g_strdup(path);
	st->mode = mode;
	st->stmts = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, stmt_finalize);
	if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		if (st->db == NULL)
			*error_r = g_strdup_printf("%s: cannot open the store (out of memory)", path);
		else if (mode == STORE_READ_ONLY)
			*error_r = g_strdup_printf("%s: cannot open the store: %s (has followupd run "
			                           "yet? is [store] path right?)", path,
			                           sqlite3_errmsg(st->db));
		else if (!g_file_test(st->path, G_FILE_TEST_EXISTS) && !parent_exists(path))
			*error_r = g_strdup_printf("%s: cannot create the store: its directory does not "
			                           "exist (create it, or change [store] path)", path);
		else
			*error_r = store_errmsg(st, "cannot open the store");
		goto fail;
	}
	if (configure(st, error_r) < 0 || store_migrate(st, error_r) < 0)
		goto fail;
	*st_r = st;
	return 0;
fail:
	store_close(&st);
	return -1;
}

void store_close(struct store **stp)
{
	struct store *st = *stp;

	if (st == NULL)
		return;
	*stp = NULL;
	if (st->in_transaction)
		store_rollback(st);
	g_hash_table_destroy(st->stmts);
	store_raw_dicts_free(st);
	ZSTD_freeCCtx(st->zstd);
	sqlite3_close(st->db);
	g_free(st->path);
	g_free(st);
}

int store_begin(struct store *st, char **error_r)
{
	if (store_exec(st, "BEGIN IMMEDIATE", error_r) < 0)
		return -1;
	st->in_transaction = true;
	return 0;
}

int store_commit(struct store *st, char **error_r)
{
	if (store_exec(st, "COMMIT", error_r) < 0) {
		store_rollback(st);
		return -1;
	}
	st->in_transaction = false;
	return 0;
}

void store_rollback(struct store *st)
{
	char *error = NULL;

	if (sqlite3_get_autocommit(st->db) == 0 && store_exec(st, "ROLLBACK", &error) < 0)
		g_free(error);
	st->in_transaction = false;
	/* A dictionary trained in the transaction is gone with it. */
	store_raw_dicts_free(st);
}

int store_folder_get(struct store *st, const char *account, const char *folder,
                     struct store_folder *folder_r, char **error_r)
{
	sqlite3_stmt *stmt;

	stmt = store_stmt(st, "INSERT INTO folders (account, name) VALUES (?1, ?2) "
	                      "ON CONFLICT (account, name) DO NOTHING", error_r);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, account);
	store_bind_text(stmt, 2, folder);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		*error_r = store_errmsg(st, "adding a folder");
		return -1;
	}
	stmt = store_stmt(st, "SELECT id, uidvalidity, last_uid, uidnext, messages FROM folders "
	                      "WHERE account = ?1 AND name = ?2", error_r);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, account);
	store_bind_text(stmt, 2, folder);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		*error_r = store_errmsg(st, "reading a folder");
		return -1;
	}
	folder_r->id = sqlite3_column_int64(stmt, 0);
	folder_r->uidvalidity = (uint32_t)sqlite3_column_int64(stmt, 1);
	folder_r->last_uid = (uint32_t)sqlite3_column_int64(stmt, 2);
	folder_r->uidnext = (uint32_t)sqlite3_column_int64(stmt, 3);
	folder_r->messages = (uint32_t)sqlite3_column_int64(stmt, 4);
	sqlite3_reset(stmt);
	return 0;
}

int store_step_done(struct store *st, sqlite3_stmt *stmt, const char *what, char **error_r)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, what);
		return -1;
	}
	return 0;
}

int store_run_with_id(struct store *st, const char *sql, int64_t id, const char *what,
                      char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	return store_step_done(st, stmt, what, error_r);
}

/* Runs a cached statement whose parameters are ?1 folder and ?2 UIDVALIDITY. */
static int run_folder_validity(struct store *st, const char *sql, int64_t folder_id,
                               uint32_t uidvalidity, const char *what, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, folder_id);
	sqlite3_bind_int64(stmt, 2, uidvalidity);
	return store_step_done(st, stmt, what, error_r);
}

int store_folder_reset(struct store *st, int64_t folder_id, uint32_t uidvalidity,
                       char **error_r)
{
	if (run_folder_validity(st, "DELETE FROM locations WHERE folder_id = ?1 "
	                            "AND uidvalidity != ?2", folder_id, uidvalidity,
	                        "forgetting old UIDs", error_r) < 0 ||
	    run_folder_validity(st, "DELETE FROM fetch_failures WHERE folder_id = ?1 "
	                            "AND uidvalidity != ?2", folder_id, uidvalidity,
	                        "forgetting old fetch failures", error_r) < 0)
		return -1;
	return run_folder_validity(st, "UPDATE folders SET uidvalidity = ?2, last_uid = 0, "
	                               "uidnext = 0, messages = 0 WHERE id = ?1", folder_id, uidvalidity,
	                           "resetting a folder", error_r);
}

int store_folder_advance(struct store *st, int64_t folder_id, uint32_t last_uid,
                         char **error_r)
{
	/* Never past a UID whose message is neither stored nor given up. */
	sqlite3_stmt *stmt = store_stmt(st,
		"WITH target(uid) AS (SELECT min(?2, coalesce((SELECT min(x.uid) - 1 "
		"  FROM fetch_failures x JOIN folders f ON f.id = x.folder_id "
		"  AND f.uidvalidity = x.uidvalidity WHERE f.id = ?1 AND NOT x.given_up), ?2))) "
		"UPDATE folders SET last_uid = (SELECT uid FROM target) "
		"WHERE id = ?1 AND last_uid < (SELECT uid FROM target)", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, folder_id);
	sqlite3_bind_int64(stmt, 2, last_uid);
	return store_step_done(st, stmt, "advancing a folder", error_r);
}

int store_folder_listed(struct store *st, int64_t folder_id, uint32_t uidnext,
                        uint32_t messages, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE folders SET uidnext = ?2, messages = ?3 "
	                                    "WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, folder_id);
	sqlite3_bind_int64(stmt, 2, uidnext);
	sqlite3_bind_int64(stmt, 3, messages);
	return store_step_done(st, stmt, "recording a folder's listing", error_r);
}

int store_raw_get(struct store *st, const char *message_id, unsigned char **raw_r,
                  size_t *len_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT raw_id FROM messages WHERE message_id = ?1",
	                                error_r);
	const struct store_raw_dict *dict;
	unsigned char *packed = NULL;
	size_t packed_len, size;
	int64_t raw_id;
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, message_id);
	rc = sqlite3_step(stmt);
	raw_id = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*error_r = store_errmsg(st, "reading a raw message");
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE) {
		*error_r = g_strdup_printf("no message with Message-ID <%s>", message_id);
		return 1;
	}
	if (rc != SQLITE_ROW)
		return -1;
	if (store_raw_load(st, raw_id, &packed, &packed_len, &size, &dict, error_r) < 0)
		return -1;
	rc = store_raw_unpack(dict, packed, packed_len, size, raw_r);
	g_free(packed);
	if (rc < 0) {
		*error_r = g_strdup_printf("%s: the raw copy of <%s> is damaged", st->path, message_id);
		return -1;
	}
	*len_r = size;
	return 0;
}
