/*
 * grades: what grading needs of every customer, in one query, and the
 * computed grade written back. The grade itself is rules/grade.c's.
 */
#include <string.h>

#include "store/store-private.h"

/* ?1 customer (0: all), ?2 since, ?3 now, ?4 currency. Our mails are a
 * person's (never followupd's own); one is answered when the customer
 * wrote later in the same thread. */
#define GRADE_FACTS_SQL \
	"SELECT c.id, c.key, c.grade_manual, c.grade_computed, " \
	"(SELECT coalesce(sum(o.amount_milli), 0) FROM orders o WHERE o.customer_id = c.id " \
	"  AND o.state != 'cancelled' AND o.created BETWEEN ?2 AND ?3 AND o.currency = ?4), " \
	"(SELECT count(*) FROM orders o WHERE o.customer_id = c.id " \
	"  AND o.state != 'cancelled' AND o.created BETWEEN ?2 AND ?3), " \
	"(SELECT max(m.date) FROM messages m WHERE m.customer_id = c.id " \
	"  AND m.direction = 'in' AND m.kind IN " SALES_KINDS " AND m.date <= ?3), " \
	"(SELECT min(m.date) FROM messages m WHERE m.customer_id = c.id AND m.date <= ?3), " \
	"(SELECT count(*) FROM messages m WHERE m.customer_id = c.id AND m.direction = 'out' " \
	"  AND m.kind NOT IN " OWN_MAIL_KINDS " AND m.date BETWEEN ?2 AND ?3), " \
	"(SELECT count(*) FROM messages m WHERE m.customer_id = c.id AND m.direction = 'out' " \
	"  AND m.kind NOT IN " OWN_MAIL_KINDS " AND m.date BETWEEN ?2 AND ?3 " \
	"  AND EXISTS (SELECT 1 FROM messages r WHERE r.thread_id = m.thread_id " \
	"    AND r.direction = 'in' AND r.date > m.date AND r.date <= ?3)) " \
	"FROM customers c WHERE ?1 = 0 OR c.id = ?1 ORDER BY c.key"

int store_grade_facts(struct store *st, int64_t customer_id, int64_t since, int64_t now,
                      const char *currency, struct store_grade_facts **facts_r, size_t *n_r,
                      char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, GRADE_FACTS_SQL, error_r);
	GArray *out;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	sqlite3_bind_int64(stmt, 2, since);
	sqlite3_bind_int64(stmt, 3, now);
	store_bind_text(stmt, 4, currency);
	out = g_array_new(FALSE, TRUE, sizeof(struct store_grade_facts));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_grade_facts f = {
			.customer_id = sqlite3_column_int64(stmt, 0),
			.key = store_col_text(stmt, 1, true),
			.grade_manual = store_col_text(stmt, 2, false),
			.grade_computed = store_col_text(stmt, 3, false),
			.value_milli = sqlite3_column_int64(stmt, 4),
			.n_orders = (uint64_t)sqlite3_column_int64(stmt, 5),
			.last_inbound = store_col_time(stmt, 6),
			.first_contact = store_col_time(stmt, 7),
			.n_ours = (uint64_t)sqlite3_column_int64(stmt, 8),
			.n_answered = (uint64_t)sqlite3_column_int64(stmt, 9),
		};
		g_array_append_val(out, f);
	}
	sqlite3_reset(stmt);
	*n_r = out->len;
	*facts_r = (struct store_grade_facts *)(void *)g_array_free(out, FALSE);
	if (rc != SQLITE_DONE) {
		store_grade_facts_free(facts_r, *n_r);
		*error_r = store_errmsg(st, "reading what grades are made of");
		return -1;
	}
	return 0;
}

void store_grade_facts_free(struct store_grade_facts **facts, size_t n)
{
	if (*facts == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		g_free((*facts)[i].key);
		g_free((*facts)[i].grade_manual);
		g_free((*facts)[i].grade_computed);
	}
	g_free(*facts);
	*facts = NULL;
}

int store_grade_write(struct store *st, int64_t customer_id, const char *grade, int64_t at,
                      char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE customers SET grade_computed = ?2, "
	                                    "grade_computed_at = ?3 WHERE id = ?1", error_r);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	store_bind_text(stmt, 2, grade);
	sqlite3_bind_int64(stmt, 3, at);
	return store_step_done(st, stmt, "recording a computed grade", error_r);
}

int store_grade_last_run(struct store *st, int64_t *at_r, char **error_r)
{
	return store_scalar(st, "SELECT max(grade_computed_at) FROM customers",
	                    "reading when grades were computed", INT64_MIN, at_r, error_r);
}
