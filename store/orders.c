/*
 * orders: the orders people enter on the follow-up sheet and the
 * payments against them (schema 6). Values come checked (core/orders.c);
 * every one is a bound parameter. Everything here is people's work:
 * reparse never touches it.
 */
#include <string.h>

#include "store/store-private.h"

static int load_payments(struct store *st, int64_t order_id, struct store_order *o,
                         char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT amount_milli, date FROM payments "
	                                    "WHERE order_id = ?1 ORDER BY date, id", error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, order_id);
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_payment));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_payment p = {
			.amount_milli = sqlite3_column_int64(stmt, 0),
			.date = store_col_text(stmt, 1, true),
		};
		o->paid_milli += p.amount_milli;
		g_array_append_val(arr, p);
	}
	sqlite3_reset(stmt);
	o->n_payments = arr->len;
	o->payments = (struct store_payment *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading payments");
		return -1;
	}
	return 0;
}

#define ORDER_COLUMNS \
	"SELECT o.id, o.number, o.amount_milli, o.currency, o.incoterm, o.due, " \
	"o.deposit_milli, o.deposit_percent, o.quote_message_id, o.state, o.customer_id, c.key " \
	"FROM orders o JOIN customers c ON c.id = o.customer_id "

static struct store_order order_row(sqlite3_stmt *stmt)
{
	struct store_order o = {
		.id = sqlite3_column_int64(stmt, 0),
		.number = store_col_text(stmt, 1, true),
		.amount_milli = sqlite3_column_int64(stmt, 2),
		.currency = store_col_text(stmt, 3, true),
		.incoterm = store_col_text(stmt, 4, false),
		.due = store_col_text(stmt, 5, false),
		.deposit_milli = store_col_time(stmt, 6),
		.deposit_percent = sqlite3_column_type(stmt, 7) == SQLITE_NULL
		                   ? -1.0 : sqlite3_column_double(stmt, 7),
		.quote_message_id = store_col_text(stmt, 8, false),
		.state = store_col_text(stmt, 9, true),
		.customer_id = sqlite3_column_int64(stmt, 10),
		.customer = store_col_text(stmt, 11, true),
	};
	return o;
}

int store_orders(struct store *st, int64_t customer_id, struct store_order **orders_r,
                 size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, ORDER_COLUMNS
		"WHERE ?1 = 0 OR o.customer_id = ?1 ORDER BY o.created, o.id", error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_order));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_order o = order_row(stmt);
		g_array_append_val(arr, o);
	}
	sqlite3_reset(stmt);
	*n_r = arr->len;
	*orders_r = (struct store_order *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading orders");
		goto fail;
	}
	/* The payments after the orders: one statement is stepped at a time. */
	for (size_t i = 0; i < *n_r; i++) {
		if (load_payments(st, (*orders_r)[i].id, &(*orders_r)[i], error_r) < 0)
			goto fail;
	}
	return 0;
fail:
	store_orders_free(orders_r, *n_r);
	return -1;
}

int store_order_get(struct store *st, const char *number, struct store_order **order_r,
                    char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, ORDER_COLUMNS "WHERE o.number = ?1", error_r);
	struct store_order *o;
	int rc;

	*order_r = NULL;
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, number);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			return 1;
		*error_r = store_errmsg(st, "reading an order");
		return -1;
	}
	o = g_new(struct store_order, 1);
	*o = order_row(stmt);
	sqlite3_reset(stmt);
	if (load_payments(st, o->id, o, error_r) < 0) {
		store_orders_free(&o, 1);
		return -1;
	}
	*order_r = o;
	return 0;
}

static void bind_fields(sqlite3_stmt *stmt, const struct store_order_fields *f)
{
	store_bind_text(stmt, 2, f->number);
	sqlite3_bind_int64(stmt, 3, f->amount_milli);
	store_bind_text(stmt, 4, f->currency);
	store_bind_text(stmt, 5, f->incoterm);
	store_bind_text(stmt, 6, f->due);
	if (f->deposit_milli != INT64_MIN)
		sqlite3_bind_int64(stmt, 7, f->deposit_milli);
	else
		sqlite3_bind_null(stmt, 7);
	if (f->deposit_percent >= 0)
		sqlite3_bind_double(stmt, 8, f->deposit_percent);
	else
		sqlite3_bind_null(stmt, 8);
	store_bind_text(stmt, 9, f->quote_message_id);
	store_bind_text(stmt, 10, f->state);
}

int store_order_add(struct store *st, int64_t customer_id, const struct store_order_fields *f,
                    int64_t now, char **error_r)
{
	struct store_order *taken = NULL;
	sqlite3_stmt *stmt;
	int rc = store_order_get(st, f->number, &taken, error_r);

	store_orders_free(&taken, 1);
	if (rc <= 0)
		return rc == 0 ? 1 : -1;
	stmt = store_stmt(st, "INSERT INTO orders (customer_id, number, amount_milli, currency, "
	                      "incoterm, due, deposit_milli, deposit_percent, quote_message_id, "
	                      "state, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	                  error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	bind_fields(stmt, f);
	sqlite3_bind_int64(stmt, 11, now);
	return store_step_done(st, stmt, "adding an order", error_r);
}

int store_order_update(struct store *st, int64_t order_id, const struct store_order_fields *f,
                       int64_t now, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE orders SET number = ?2, amount_milli = ?3, "
	                                    "currency = ?4, incoterm = ?5, due = ?6, "
	                                    "deposit_milli = ?7, deposit_percent = ?8, "
	                                    "quote_message_id = ?9, state = ?10, updated = ?11 "
	                                    "WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, order_id);
	bind_fields(stmt, f);
	sqlite3_bind_int64(stmt, 11, now);
	return store_step_done(st, stmt, "changing an order", error_r);
}

int store_payment_add(struct store *st, int64_t order_id, int64_t amount_milli,
                      const char *date, int64_t now, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO payments (order_id, amount_milli, date, "
	                                    "created) VALUES (?1, ?2, ?3, ?4)", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, order_id);
	sqlite3_bind_int64(stmt, 2, amount_milli);
	store_bind_text(stmt, 3, date);
	sqlite3_bind_int64(stmt, 4, now);
	return store_step_done(st, stmt, "adding a payment", error_r);
}

void store_orders_free(struct store_order **orders, size_t n)
{
	if (*orders == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		struct store_order *o = &(*orders)[i];
		g_free(o->number);
		g_free(o->currency);
		g_free(o->incoterm);
		g_free(o->due);
		g_free(o->quote_message_id);
		g_free(o->state);
		g_free(o->customer);
		for (size_t k = 0; k < o->n_payments; k++)
			g_free(o->payments[k].date);
		g_free(o->payments);
	}
	g_free(*orders);
	*orders = NULL;
}

/* ---- proposals ---- */

/* The facts are the analysis's JSON; json_valid guards every read so a
 * row that holds none (or a broken one) is simply no proposal. */
#define FACT(path) "CASE WHEN json_valid(m.facts) THEN json_extract(m.facts, '" path "') END"
#define FACT_TYPE(path) "CASE WHEN json_valid(m.facts) THEN json_type(m.facts, '" path "') END"

int store_order_proposals(struct store *st, int64_t customer_id, const char *message_id,
                          struct store_proposal **props_r, size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT m.message_id, m.date, m.customer_id, c.key, m.subject, m.facts "
		"FROM messages m JOIN customers c ON c.id = m.customer_id "
		"WHERE m.direction = 'out' AND m.order_marker = 1 "
		"AND m.kind NOT IN " OWN_MAIL_KINDS " "
		"AND (?1 = 0 OR m.customer_id = ?1) AND (?2 IS NULL OR m.message_id = ?2) "
		"AND " FACT_TYPE("$.reference") " = 'text' "
		"AND " FACT_TYPE("$.total.currency") " = 'text' "
		"AND " FACT_TYPE("$.total.amount") " IN ('integer', 'real') "
		"AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.quote_message_id = m.message_id "
		"  OR o.number = " FACT("$.reference") ") "
		"ORDER BY m.date, m.id", error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	store_bind_text(stmt, 2, message_id);
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_proposal));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_proposal p = {
			.message_id = store_col_text(stmt, 0, true),
			.date = sqlite3_column_int64(stmt, 1),
			.customer_id = sqlite3_column_int64(stmt, 2),
			.customer = store_col_text(stmt, 3, true),
			.subject = store_col_text(stmt, 4, true),
			.facts = store_col_text(stmt, 5, true),
		};
		g_array_append_val(arr, p);
	}
	sqlite3_reset(stmt);
	*n_r = arr->len;
	*props_r = (struct store_proposal *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		store_proposals_free(props_r, *n_r);
		*error_r = store_errmsg(st, "reading proposed orders");
		return -1;
	}
	return 0;
}

void store_proposals_free(struct store_proposal **props, size_t n)
{
	if (*props == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		g_free((*props)[i].message_id);
		g_free((*props)[i].customer);
		g_free((*props)[i].subject);
		g_free((*props)[i].facts);
	}
	g_free(*props);
	*props = NULL;
}
