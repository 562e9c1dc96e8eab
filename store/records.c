/*
 * records: the follow-up sheet's side of the store: what people keep of a
 * customer and its contacts beyond the mail (schema 6), the notes they
 * write on its timeline, the quotes we sent (orders and payments:
 * orders.c). The values come checked (core/records.c); the
 * store writes them as they are, every one a bound parameter.
 */
#include <stddef.h>
#include <string.h>

#include "store/store-private.h"

/* ---- customers ---- */

/* One statement per field a person may change: ?1 the customer, ?2 the
 * value ("" clears). */
static const struct {
	size_t offset;           /* in struct store_customer_edit */
	const char *sql;
	const char *what;
} customer_fields[] = {
	{ offsetof(struct store_customer_edit, name),
	  "UPDATE customers SET name = CASE WHEN ?2 = '' THEN key ELSE ?2 END, "
	  "name_manual = (?2 != '') WHERE id = ?1", "name" },
	{ offsetof(struct store_customer_edit, country),
	  "UPDATE customers SET country = NULLIF(?2, '') WHERE id = ?1", "country" },
	{ offsetof(struct store_customer_edit, industry),
	  "UPDATE customers SET industry = NULLIF(?2, '') WHERE id = ?1", "industry" },
	{ offsetof(struct store_customer_edit, website),
	  "UPDATE customers SET website = NULLIF(?2, '') WHERE id = ?1", "website" },
	{ offsetof(struct store_customer_edit, grade),
	  "UPDATE customers SET grade_manual = NULLIF(?2, '') WHERE id = ?1", "grade" },
	{ offsetof(struct store_customer_edit, owner),
	  "UPDATE customers SET owner = lower(NULLIF(?2, '')) WHERE id = ?1", "owner" },
	{ offsetof(struct store_customer_edit, stage),
	  "UPDATE customers SET stage = NULLIF(?2, '') WHERE id = ?1", "stage" },
	{ offsetof(struct store_customer_edit, source),
	  "UPDATE customers SET source = NULLIF(?2, '') WHERE id = ?1", "source" },
	{ offsetof(struct store_customer_edit, next_action),
	  "UPDATE customers SET next_action = NULLIF(?2, '') WHERE id = ?1", "next action" },
	{ offsetof(struct store_customer_edit, next_date),
	  "UPDATE customers SET next_date = NULLIF(?2, '') WHERE id = ?1", "next date" },
};

static int run_text(struct store *st, const char *sql, int64_t id, const char *value,
                    const char *what, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text(stmt, 2, value);
	return store_step_done(st, stmt, what, error_r);
}

static int replace_tags(struct store *st, int64_t customer_id, char *const *tags,
                        char **error_r)
{
	if (store_run_with_id(st, "DELETE FROM customer_tags WHERE customer_id = ?1",
	                      customer_id, "changing tags", error_r) < 0)
		return -1;
	for (; tags != NULL && *tags != NULL; tags++) {
		if (run_text(st, "INSERT INTO customer_tags (customer_id, tag) VALUES (?1, ?2) "
		                 "ON CONFLICT DO NOTHING", customer_id, *tags, "changing tags",
		             error_r) < 0)
			return -1;
	}
	return 0;
}

/* A person's stage move goes on the timeline, as the mail's do. */
static int record_stage_move(struct store *st, int64_t customer_id,
                             const struct store_customer_edit *edit, int64_t now, char **error_r)
{
	sqlite3_stmt *stmt;
	char *from = NULL;
	int rc, ret = 0;

	if (edit->stage == NULL)
		return 0;
	stmt = store_stmt(st, "SELECT stage FROM customers WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		from = store_col_text(stmt, 0, false);
	sqlite3_reset(stmt);
	const char *to = edit->stage[0] != '\0' ? edit->stage : NULL;
	if (rc == SQLITE_ROW && g_strcmp0(from, to) != 0) {
		struct store_stage_move m = {
			.customer_id = customer_id,
			.from = from,
			.to = to,
			.date = now,
			.author = edit->author != NULL ? edit->author : "",
			.created = now,
			.current = true,
		};
		ret = store_stage_move(st, &m, error_r);
	}
	g_free(from);
	return ret;
}

int store_customer_update(struct store *st, int64_t customer_id,
                          const struct store_customer_edit *edit, int64_t now, char **error_r)
{
	if (record_stage_move(st, customer_id, edit, now, error_r) < 0)
		return -1;
	for (size_t i = 0; i < G_N_ELEMENTS(customer_fields); i++) {
		const char *value = *(const char *const *)(const void *)
			((const char *)edit + customer_fields[i].offset);
		if (value == NULL)
			continue;
		char *what = g_strconcat("changing the ", customer_fields[i].what, NULL);
		int rc = run_text(st, customer_fields[i].sql, customer_id, value, what, error_r);
		g_free(what);
		if (rc < 0)
			return -1;
	}
	if (edit->tags_set && replace_tags(st, customer_id, edit->tags, error_r) < 0)
		return -1;
	sqlite3_stmt *stmt = store_stmt(st, "UPDATE customers SET updated = ?2 WHERE id = ?1",
	                                error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	sqlite3_bind_int64(stmt, 2, now);
	if (store_step_done(st, stmt, "changing a customer", error_r) < 0)
		return -1;
	return store_search_index_customer(st, customer_id, error_r);
}

int store_customer_claim(struct store *st, int64_t customer_id, const char *owner,
                         char **owner_r, char **error_r)
{
	sqlite3_stmt *stmt;
	int rc;

	*owner_r = NULL;
	/* One statement: of two claims at once, one wins. */
	if (run_text(st, "UPDATE customers SET owner = lower(?2) WHERE id = ?1 AND owner IS NULL",
	             customer_id, owner, "claiming a customer", error_r) < 0)
		return -1;
	if (sqlite3_changes(st->db) > 0)
		return 0;
	stmt = store_stmt(st, "SELECT owner FROM customers WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*owner_r = store_col_text(stmt, 0, true);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW) {
		*error_r = rc == SQLITE_DONE ? g_strdup("the customer vanished while it was claimed")
		                             : store_errmsg(st, "claiming a customer");
		return -1;
	}
	return 1;
}

/* ---- contacts ---- */

void store_contact_clear(struct store_contact *c)
{
	g_free(c->address);
	g_free(c->name);
	g_free(c->undeliverable);
	g_free(c->role);
	g_free(c->title);
	g_free(c->phone);
	memset(c, 0, sizeof(*c));
}

int store_contact_get(struct store *st, const char *address, struct store_contact *contact_r,
                      int64_t *customer_id_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT address, name, undeliverable, role, title, phone, name_manual, customer_id "
		"FROM contacts WHERE address = lower(?1)", error_r);
	int rc;

	memset(contact_r, 0, sizeof(*contact_r));
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, address);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		contact_r->address = store_col_text(stmt, 0, true);
		contact_r->name = store_col_text(stmt, 1, true);
		contact_r->undeliverable = store_col_text(stmt, 2, false);
		contact_r->role = store_col_text(stmt, 3, false);
		contact_r->title = store_col_text(stmt, 4, false);
		contact_r->phone = store_col_text(stmt, 5, false);
		contact_r->name_manual = sqlite3_column_int(stmt, 6) != 0;
		*customer_id_r = sqlite3_column_int64(stmt, 7);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	*error_r = store_errmsg(st, "reading a contact");
	return -1;
}

static const struct {
	size_t offset;           /* in struct store_contact_edit */
	const char *sql;         /* ?1 the address, ?2 the value */
} contact_fields[] = {
	{ offsetof(struct store_contact_edit, name),
	  "UPDATE contacts SET name = ?2, name_manual = (?2 != '') WHERE address = lower(?1)" },
	{ offsetof(struct store_contact_edit, role),
	  "UPDATE contacts SET role = NULLIF(?2, '') WHERE address = lower(?1)" },
	{ offsetof(struct store_contact_edit, title),
	  "UPDATE contacts SET title = NULLIF(?2, '') WHERE address = lower(?1)" },
	{ offsetof(struct store_contact_edit, phone),
	  "UPDATE contacts SET phone = NULLIF(?2, '') WHERE address = lower(?1)" },
};

static int run_on_address(struct store *st, const char *sql, const char *address,
                          const char *value, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, address);
	store_bind_text(stmt, 2, value);
	return store_step_done(st, stmt, "changing a contact", error_r);
}

int store_contact_update(struct store *st, int64_t customer_id, const char *address,
                         const struct store_contact_edit *edit, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO contacts (address, customer_id) "
	                                    "VALUES (lower(?1), ?2) ON CONFLICT DO NOTHING",
	                                error_r);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, address);
	sqlite3_bind_int64(stmt, 2, customer_id);
	if (store_step_done(st, stmt, "adding a contact", error_r) < 0)
		return -1;
	for (size_t i = 0; i < G_N_ELEMENTS(contact_fields); i++) {
		const char *value = *(const char *const *)(const void *)
			((const char *)edit + contact_fields[i].offset);
		if (value != NULL &&
		    run_on_address(st, contact_fields[i].sql, address, value, error_r) < 0)
			return -1;
	}
	return 0;
}

/* ---- customers a spreadsheet brings ---- */

int store_customer_ensure(struct store *st, const char *key, int64_t *customer_id_r,
                          bool *created_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO customers (key, name, is_address) "
	                                    "VALUES (?1, ?1, instr(?1, '@') > 0) "
	                                    "ON CONFLICT (key) DO NOTHING", error_r);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	if (store_step_done(st, stmt, "adding a customer", error_r) < 0)
		return -1;
	*created_r = sqlite3_changes(st->db) > 0;
	stmt = store_stmt(st, "SELECT id FROM customers WHERE key = ?1", error_r);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	int rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*customer_id_r = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW) {
		*error_r = rc == SQLITE_DONE ? g_strdup("a customer vanished while it was added")
		                             : store_errmsg(st, "looking up a customer");
		return -1;
	}
	return 0;
}

/* ---- notes ---- */

int store_note_add(struct store *st, const struct store_note_new *note, int64_t *id_r,
                   char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO notes (customer_id, kind, date, text, "
	                                    "author, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	                                error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, note->customer_id);
	store_bind_text(stmt, 2, note->kind);
	sqlite3_bind_int64(stmt, 3, note->date);
	store_bind_text(stmt, 4, note->text);
	store_bind_text(stmt, 5, note->author);
	sqlite3_bind_int64(stmt, 6, note->created);
	if (store_step_done(st, stmt, "adding a note", error_r) < 0)
		return -1;
	*id_r = sqlite3_last_insert_rowid(st->db);
	return store_search_index_note(st, *id_r, error_r);
}

struct store_entry *store_note_entry(sqlite3_stmt *stmt)
{
	struct store_entry *e = g_new0(struct store_entry, 1);

	e->id = sqlite3_column_int64(stmt, 0);
	e->kind = store_col_text(stmt, 1, true);
	e->date = sqlite3_column_int64(stmt, 2);
	e->header_date = INT64_MIN;
	e->internal_date = INT64_MIN;
	e->snippet = store_col_text(stmt, 3, true);
	e->from_addr = store_col_text(stmt, 4, true);
	e->customer = store_col_text(stmt, 5, false);
	e->stage_from = store_col_text(stmt, 6, false);
	e->stage_to = store_col_text(stmt, 7, false);
	e->direction = g_strdup("note");
	e->from_name = g_strdup("");
	e->subject = g_strdup("");
	e->to = g_new0(char *, 1);
	e->cc = g_new0(char *, 1);
	return e;
}

int store_notes_append(struct store *st, int64_t customer_id, bool mail_stages, GPtrArray *out,
                       char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT n.id, n.kind, n.date, n.text, n.author, c.key, n.stage_from, n.stage_to "
		"FROM notes n "
		"JOIN customers c ON c.id = n.customer_id WHERE n.customer_id = ?1 "
		"AND (?2 OR n.kind != 'stage' OR n.author IS NOT NULL) "
		"ORDER BY n.date, n.id", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	sqlite3_bind_int(stmt, 2, mail_stages);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		g_ptr_array_add(out, store_note_entry(stmt));
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading notes");
		return -1;
	}
	return 0;
}

int store_notes(struct store *st, int64_t customer_id, struct store_entry ***entries_r,
                size_t *n_r, char **error_r)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(store_entry_free_one);

	if (store_notes_append(st, customer_id, true, out, error_r) < 0) {
		g_ptr_array_free(out, TRUE);
		return -1;
	}
	g_ptr_array_set_free_func(out, NULL);
	*n_r = out->len;
	*entries_r = (struct store_entry **)g_ptr_array_free(out, FALSE);
	return 0;
}

int store_entry_date_cmp(gconstpointer a, gconstpointer b)
{
	const struct store_entry *x = *(const struct store_entry *const *)a;
	const struct store_entry *y = *(const struct store_entry *const *)b;

	return (x->date > y->date) - (x->date < y->date);
}

void store_entry_free_one(gpointer e)
{
	struct store_entry *entry = e;

	store_entry_free(&entry);
}

/* ---- quotes ---- */

/* The answer to a quote: the buyer's first sales mail in its thread after
 * it (schema 14's partial index messages_thread_sales_in: the terms of
 * its WHERE stand here word for word, or SQLite does not use it). */
#define QUOTE_ANSWER \
	"(SELECT min(a.date) FROM messages a WHERE a.thread_id = q.thread_id " \
	" AND a.direction = 'in' AND a.kind IN ('inquiry', 'reply', 'quote') " \
	" AND a.date > q.date)"

int store_quotes(struct store *st, int64_t customer_id, struct store_quote **quotes_r,
                 size_t *n_r, char **error_r)
{
	return store_quotes_select(st, customer_id, false, quotes_r, n_r, error_r);
}

/* The quotes of one customer, through its timeline's index. */
#define QUOTES_OF_CUSTOMER \
	"SELECT q.message_id, q.date, q.subject, q.facts, q.thread_id, " QUOTE_ANSWER \
	", c.key FROM messages q JOIN customers c ON c.id = q.customer_id " \
	"WHERE q.customer_id = ?1 AND q.direction = 'out' AND q.kind = 'quote' " \
	"AND (?2 = 0 OR " QUOTE_ANSWER " IS NULL) ORDER BY q.date, q.id"
/* Every quote, from schema 15's messages_quotes_list alone, in its order. */
#define QUOTES_ALL \
	"SELECT q.message_id, q.date, q.subject, q.facts, q.thread_id, " QUOTE_ANSWER \
	", c.key FROM messages q INDEXED BY messages_quotes_list " \
	"JOIN customers c ON c.id = q.customer_id " \
	"WHERE q.direction = 'out' AND q.kind = 'quote' ORDER BY q.date, q.id"
/* The open ones: decided first in thread order (schema 15's
 * messages_quotes_thread beside messages_thread_sales_in: one seek near
 * the last, where a seek a quote in date order lands anywhere), then
 * listed in date order from messages_quotes_list. */
#define QUOTES_OPEN \
	"SELECT q.message_id, q.date, q.subject, q.facts, q.thread_id, NULL, c.key " \
	"FROM messages q INDEXED BY messages_quotes_list JOIN customers c ON c.id = q.customer_id " \
	"WHERE q.direction = 'out' AND q.kind = 'quote' AND q.id IN (" \
	"SELECT o.id FROM messages o INDEXED BY messages_quotes_thread " \
	"WHERE o.direction = 'out' AND o.kind = 'quote' AND NOT EXISTS (" \
	"SELECT 1 FROM messages a WHERE a.thread_id = o.thread_id " \
	"AND a.direction = 'in' AND a.kind IN ('inquiry', 'reply', 'quote') " \
	"AND a.date > o.date)) ORDER BY q.date, q.id"

int store_quotes_each(struct store *st, int64_t customer_id, bool open_only,
                      store_quote_fn *fn, void *ctx, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, customer_id != 0 ? QUOTES_OF_CUSTOMER
	                                    : open_only ? QUOTES_OPEN : QUOTES_ALL, error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	if (customer_id != 0) {
		sqlite3_bind_int64(stmt, 1, customer_id);
		sqlite3_bind_int(stmt, 2, open_only ? 1 : 0);
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_quote q = {
			.message_id = (char *)sqlite3_column_text(stmt, 0),
			.date = sqlite3_column_int64(stmt, 1),
			.subject = (char *)sqlite3_column_text(stmt, 2),
			.facts = (char *)sqlite3_column_text(stmt, 3),
			.thread = sqlite3_column_int64(stmt, 4),
			.answered_at = store_col_time(stmt, 5),
			.customer = (char *)sqlite3_column_text(stmt, 6),
		};
		/* NOT NULL columns, but never a NULL where text is promised */
		q.message_id = q.message_id != NULL ? q.message_id : (char *)"";
		q.subject = q.subject != NULL ? q.subject : (char *)"";
		q.customer = q.customer != NULL ? q.customer : (char *)"";
		fn(&q, ctx);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading quotes");
		return -1;
	}
	return 0;
}

static void quote_keep(const struct store_quote *q, void *ctx)
{
	struct store_quote copy = {
		.message_id = g_strdup(q->message_id),
		.date = q->date,
		.subject = g_strdup(q->subject),
		.facts = g_strdup(q->facts),
		.thread = q->thread,
		.answered_at = q->answered_at,
		.customer = g_strdup(q->customer),
	};

	g_array_append_val((GArray *)ctx, copy);
}

int store_quotes_select(struct store *st, int64_t customer_id, bool open_only,
                        struct store_quote **quotes_r, size_t *n_r, char **error_r)
{
	GArray *arr = g_array_new(FALSE, TRUE, sizeof(struct store_quote));
	int ret = store_quotes_each(st, customer_id, open_only, quote_keep, arr, error_r);

	*n_r = arr->len;
	*quotes_r = (struct store_quote *)(void *)g_array_free(arr, FALSE);
	if (ret < 0)
		store_quotes_free(quotes_r, *n_r);
	return ret;
}

void store_quotes_free(struct store_quote **quotes, size_t n)
{
	if (*quotes == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		g_free((*quotes)[i].message_id);
		g_free((*quotes)[i].subject);
		g_free((*quotes)[i].facts);
		g_free((*quotes)[i].customer);
	}
	g_free(*quotes);
	*quotes = NULL;
}
