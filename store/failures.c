/*
 * failures: UIDs whose message a server listed but did not hand over
 * (BODY[] NIL, a UID left out of a FETCH that ended OK, a FETCH refused
 * with NO). Each sync tries such a UID again; the folder's position stays
 * below it, so it cannot be skipped. After STORE_FETCH_GIVE_UP_TRIES tries
 * spread over at least STORE_FETCH_GIVE_UP_AFTER seconds it is given up:
 * the position moves on, and `followup stats` lists it with the server's
 * words.
 */
#include <string.h>

#include "store/store-private.h"

int store_fetch_failed(struct store *st, int64_t folder_id, uint32_t uidvalidity, uint32_t uid,
                       const char *why, int64_t now, unsigned *tries_r, bool *given_up_r,
                       char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"INSERT INTO fetch_failures (folder_id, uidvalidity, uid, tries, last_error, "
		"  first_at, last_at) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?5) "
		"ON CONFLICT (folder_id, uidvalidity, uid) DO UPDATE SET tries = tries + 1, "
		"  last_error = ?4, last_at = ?5, "
		"  given_up = given_up OR (tries + 1 >= ?6 AND ?5 - first_at >= ?7) "
		"RETURNING given_up, tries", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, folder_id);
	sqlite3_bind_int64(stmt, 2, uidvalidity);
	sqlite3_bind_int64(stmt, 3, uid);
	store_bind_text(stmt, 4, why);
	sqlite3_bind_int64(stmt, 5, now);
	sqlite3_bind_int(stmt, 6, STORE_FETCH_GIVE_UP_TRIES);
	sqlite3_bind_int64(stmt, 7, STORE_FETCH_GIVE_UP_AFTER);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(stmt);
		*error_r = store_errmsg(st, "recording a message the server did not send");
		return -1;
	}
	*given_up_r = sqlite3_column_int(stmt, 0) != 0;
	*tries_r = (unsigned)sqlite3_column_int(stmt, 1);
	/* Step to the end so that the statement finishes its write. */
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "recording a message the server did not send");
		return -1;
	}
	return 0;
}

int store_fetch_succeeded(struct store *st, int64_t folder_id, uint32_t uidvalidity,
                          uint32_t uid, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "DELETE FROM fetch_failures WHERE folder_id = ?1 "
	                                    "AND uidvalidity = ?2 AND uid = ?3", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, folder_id);
	sqlite3_bind_int64(stmt, 2, uidvalidity);
	sqlite3_bind_int64(stmt, 3, uid);
	return store_step_done(st, stmt, "forgetting a fetch failure", error_r);
}

/* 1 when uid needs no fetch: a copy is stored from it, or it was given up. */
static int uid_done(struct store *st, int64_t folder_id, uint32_t uidvalidity, uint32_t uid,
                    char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT EXISTS (SELECT 1 FROM locations WHERE folder_id = ?1 AND uidvalidity = ?2 "
		"  AND uid = ?3) OR EXISTS (SELECT 1 FROM fetch_failures WHERE folder_id = ?1 "
		"  AND uidvalidity = ?2 AND uid = ?3 AND given_up)", error_r);
	int rc, done;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, folder_id);
	sqlite3_bind_int64(stmt, 2, uidvalidity);
	sqlite3_bind_int64(stmt, 3, uid);
	rc = sqlite3_step(stmt);
	done = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
	sqlite3_reset(stmt);
	if (done < 0)
		*error_r = store_errmsg(st, "looking up a UID");
	return done;
}

/* Failures of UIDs above last_uid the server no longer lists: expunged. */
static int forget_expunged(struct store *st, int64_t folder_id, uint32_t uidvalidity,
                           uint32_t last_uid, const uint32_t *listed, size_t n,
                           char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT uid FROM fetch_failures WHERE folder_id = ?1 "
	                                    "AND uidvalidity = ?2 AND uid > ?3 AND NOT given_up",
	                                error_r);
	GArray *gone = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	int rc, ret = -1;

	if (stmt == NULL)
		goto out;
	sqlite3_bind_int64(stmt, 1, folder_id);
	sqlite3_bind_int64(stmt, 2, uidvalidity);
	sqlite3_bind_int64(stmt, 3, last_uid);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		uint32_t uid = (uint32_t)sqlite3_column_int64(stmt, 0);
		if (bsearch(&uid, listed, n, sizeof(*listed), store_uid_cmp) == NULL)
			g_array_append_val(gone, uid);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "listing fetch failures");
		goto out;
	}
	for (guint i = 0; i < gone->len; i++) {
		if (store_fetch_succeeded(st, folder_id, uidvalidity,
		                          g_array_index(gone, uint32_t, i), error_r) < 0)
			goto out;
	}
	ret = 0;
out:
	g_array_free(gone, TRUE);
	return ret;
}

int store_folder_failed_uids(struct store *st, int64_t folder_id, uint32_t uidvalidity,
                             uint32_t last_uid, size_t max, uint32_t **uids_r, size_t *n_r,
                             char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT uid FROM fetch_failures WHERE folder_id = ?1 "
	                                    "AND uidvalidity = ?2 AND uid > ?3 AND NOT given_up "
	                                    "ORDER BY uid", error_r);
	GArray *uids = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	size_t n = 0;
	int rc;

	*uids_r = NULL;
	*n_r = 0;
	if (stmt == NULL)
		goto fail;
	sqlite3_bind_int64(stmt, 1, folder_id);
	sqlite3_bind_int64(stmt, 2, uidvalidity);
	sqlite3_bind_int64(stmt, 3, last_uid);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		uint32_t uid = (uint32_t)sqlite3_column_int64(stmt, 0);
		if (n++ < max)
			g_array_append_val(uids, uid);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "listing fetch failures");
		goto fail;
	}
	*n_r = n;
	*uids_r = (uint32_t *)(void *)g_array_free(uids, FALSE);
	return 0;
fail:
	g_array_free(uids, TRUE);
	return -1;
}

int store_uid_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

int store_folder_filter_new(struct store *st, int64_t folder_id, uint32_t uidvalidity,
                            uint32_t last_uid, uint32_t *uids, size_t n, size_t *n_r,
                            char **error_r)
{
	size_t kept = 0;
	uint32_t top = last_uid;

	if (forget_expunged(st, folder_id, uidvalidity, last_uid, uids, n, error_r) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int done = uid_done(st, folder_id, uidvalidity, uids[i], error_r);
		if (done < 0)
			return -1;
		if (!done)
			uids[kept++] = uids[i];
		else if (kept == 0)
			top = uids[i];    /* done, and nothing before it is left to fetch */
	}
	*n_r = kept;
	/* Everything up to the first UID left to fetch is stored or given up. */
	if (top > last_uid && store_folder_advance(st, folder_id, top, error_r) < 0)
		return -1;
	return 0;
}

int store_fetch_failures(struct store *st, struct store_fetch_failure **list_r, size_t *n_r,
                         char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT f.account, f.name, x.uidvalidity, x.uid, x.tries, x.last_error, x.first_at, "
		"  x.last_at, x.given_up FROM fetch_failures x JOIN folders f ON f.id = x.folder_id "
		"ORDER BY f.account, f.name, x.uid", error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_fetch_failure));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_fetch_failure f = {
			.account = store_col_text(stmt, 0, true),
			.folder = store_col_text(stmt, 1, true),
			.uidvalidity = (uint32_t)sqlite3_column_int64(stmt, 2),
			.uid = (uint32_t)sqlite3_column_int64(stmt, 3),
			.tries = (unsigned)sqlite3_column_int(stmt, 4),
			.last_error = store_col_text(stmt, 5, true),
			.first_at = sqlite3_column_int64(stmt, 6),
			.last_at = sqlite3_column_int64(stmt, 7),
			.given_up = sqlite3_column_int(stmt, 8) != 0,
		};
		g_array_append_val(arr, f);
	}
	sqlite3_reset(stmt);
	*n_r = arr->len;
	*list_r = (struct store_fetch_failure *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		store_fetch_failures_free(list_r, *n_r);
		*error_r = store_errmsg(st, "listing fetch failures");
		return -1;
	}
	return 0;
}

void store_fetch_failures_free(struct store_fetch_failure **list, size_t n)
{
	if (*list == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		g_free((*list)[i].account);
		g_free((*list)[i].folder);
		g_free((*list)[i].last_error);
	}
	g_free(*list);
	*list = NULL;
}
