/*
 * forget: what is held about a person or a customer, and erasing it
 * (`followup forget`, `followup export-personal`). The deletes run with
 * secure_delete on, so the freed pages are overwritten with zeros, and
 * store_scrub() checkpoints the write-ahead log into the file and empties
 * it, so no copy of them is left on disk.
 */
#include <string.h>

#include "store/store-private.h"

/* A message address (?1, lowercase) sent, or got in To or Cc. */
#define OF_ADDRESS \
	"(lower(m.from_addr) = ?1 " \
	"OR EXISTS (SELECT 1 FROM json_each(m.to_addrs) j WHERE lower(j.value) = ?1) " \
	"OR EXISTS (SELECT 1 FROM json_each(m.cc_addrs) j WHERE lower(j.value) = ?1))"
#define OF_CUSTOMER "(m.customer_id = ?1)"

/* The text of a note or a change-log line names ?1. */
#define NAMES_ADDRESS(col) "instr(lower(" col "), ?1) > 0"

static int run_text(struct store *st, const char *sql, const char *text, int64_t *changed_r,
                    char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, text);
	if (store_step_done(st, stmt, "forgetting", error_r) < 0)
		return -1;
	if (changed_r != NULL)
		*changed_r += sqlite3_changes(st->db);
	return 0;
}

static int run_id(struct store *st, const char *sql, int64_t id, int64_t *changed_r,
                  char **error_r)
{
	if (store_run_with_id(st, sql, id, "forgetting", error_r) < 0)
		return -1;
	if (changed_r != NULL)
		*changed_r += sqlite3_changes(st->db);
	return 0;
}

/* count(*) of a query whose ?1 is text (id NULL) or id. */
static int count_of(struct store *st, const char *sql, const char *text, int64_t id,
                    int64_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	if (text != NULL)
		store_bind_text(stmt, 1, text);
	else
		sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	*n_r += rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW) {
		*error_r = store_errmsg(st, "counting what to forget");
		return -1;
	}
	return 0;
}

static int secure_delete_on(struct store *st, char **error_r)
{
	return store_exec(st, "PRAGMA secure_delete = ON", error_r);
}

/* Back to the default; ret stays what the forget gave. */
static int secure_delete_off(struct store *st, int ret, char **error_r)
{
	char *error = NULL;

	if (store_exec(st, "PRAGMA secure_delete = OFF", &error) == 0)
		return ret;
	if (ret == 0) {
		*error_r = error;
		return -1;
	}
	g_free(error);
	return ret;
}

/* Raw copies no message uses any more, threads without a message, and
 * what hung on those threads. */
/* The index's segments merged into one: a deleted row's words are only
 * marked deleted in the segments until they merge (FTS5), so they are
 * merged now, and secure_delete zeroes the pages they leave. */
static int search_optimize(struct store *st, char **error_r)
{
	return store_exec(st, "INSERT INTO search (search) VALUES ('optimize')", error_r);
}

static int sweep(struct store *st, struct store_forget_counts *c, char **error_r)
{
	int retired;

	if (store_run_with_id(st, "DELETE FROM raw_messages WHERE ?1 = ?1 AND NOT EXISTS "
	                      "(SELECT 1 FROM messages m WHERE m.raw_id = raw_messages.id)", 0,
	                      "forgetting", error_r) < 0)
		return -1;
	c->raw += sqlite3_changes(st->db);
	/* A compression dictionary trained from an erased message. */
	if (store_raw_dicts_sweep(st, &retired, error_r) < 0)
		return -1;
	if (store_run_with_id(st, "DELETE FROM sla_events WHERE ?1 = ?1 AND NOT EXISTS "
	                      "(SELECT 1 FROM messages m WHERE m.thread_id = sla_events.thread_id)",
	                      0, "forgetting", error_r) < 0 ||
	    store_run_with_id(st, "DELETE FROM threads WHERE ?1 = ?1 AND NOT EXISTS "
	                      "(SELECT 1 FROM messages m WHERE m.thread_id = threads.id)", 0,
	                      "forgetting", error_r) < 0)
		return -1;
	c->threads += sqlite3_changes(st->db);
	return 0;
}

static int count_address(struct store *st, const char *a, struct store_forget_counts *c,
                         char **error_r)
{
	return count_of(st, "SELECT count(*) FROM messages m WHERE " OF_ADDRESS, a, 0,
	                &c->messages, error_r) < 0 ||
	       count_of(st, "SELECT count(*) FROM contacts WHERE address = ?1", a, 0,
	                &c->contacts, error_r) < 0 ||
	       count_of(st, "SELECT count(*) FROM notes WHERE " NAMES_ADDRESS("text"), a, 0,
	                &c->notes, error_r) < 0 ||
	       count_of(st, "SELECT count(*) FROM outbox WHERE lower(recipient) = ?1", a, 0,
	                &c->outbox, error_r) < 0 ||
	       count_of(st, "SELECT count(*) FROM changes WHERE " NAMES_ADDRESS("field") " OR "
	                NAMES_ADDRESS("coalesce(old, '')") " OR " NAMES_ADDRESS("coalesce(new, '')"),
	                a, 0, &c->changes, error_r) < 0 ? -1 : 0;
}

int store_forget_address(struct store *st, const char *address, bool dry_run,
                         struct store_forget_counts *c, char **error_r)
{
	int ret = -1;

	memset(c, 0, sizeof(*c));
	if (dry_run)
		return count_address(st, address, c, error_r);
	if (secure_delete_on(st, error_r) < 0)
		return -1;
	/* Their search index rows first, while the rows say which. */
	if (run_text(st, "DELETE FROM search WHERE rowid IN (SELECT m.id * 4 FROM messages AS m "
	             "WHERE " OF_ADDRESS " UNION ALL SELECT id * 4 + 1 FROM notes WHERE "
	             NAMES_ADDRESS("text") ")", address, NULL, error_r) < 0 ||
	    run_text(st, "DELETE FROM messages AS m WHERE " OF_ADDRESS, address, &c->messages,
	             error_r) < 0 ||
	    run_text(st, "DELETE FROM contacts WHERE address = ?1", address, &c->contacts,
	             error_r) < 0 ||
	    run_text(st, "DELETE FROM notes WHERE " NAMES_ADDRESS("text"), address, &c->notes,
	             error_r) < 0 ||
	    run_text(st, "DELETE FROM outbox WHERE lower(recipient) = ?1", address, &c->outbox,
	             error_r) < 0 ||
	    run_text(st, "DELETE FROM changes WHERE " NAMES_ADDRESS("field") " OR "
	             NAMES_ADDRESS("coalesce(old, '')") " OR " NAMES_ADDRESS("coalesce(new, '')"),
	             address, &c->changes, error_r) < 0 ||
	    sweep(st, c, error_r) < 0 || search_optimize(st, error_r) < 0)
		goto out;
	ret = 0;
out:
	return secure_delete_off(st, ret, error_r);
}

static int count_customer(struct store *st, int64_t id, struct store_forget_counts *c,
                          char **error_r)
{
	return count_of(st, "SELECT count(*) FROM messages m WHERE " OF_CUSTOMER, NULL, id,
	                &c->messages, error_r) < 0 ||
	       count_of(st, "SELECT count(*) FROM contacts WHERE customer_id = ?1", NULL, id,
	                &c->contacts, error_r) < 0 ||
	       count_of(st, "SELECT count(*) FROM notes WHERE customer_id = ?1", NULL, id,
	                &c->notes, error_r) < 0 ||
	       count_of(st, "SELECT count(*) FROM outbox WHERE thread_id IN "
	                "(SELECT id FROM threads WHERE customer_id = ?1)", NULL, id, &c->outbox,
	                error_r) < 0 ||
	       count_of(st, "SELECT count(*) FROM changes WHERE customer_id = ?1", NULL, id,
	                &c->changes, error_r) < 0 ||
	       count_of(st, "SELECT count(*) FROM orders WHERE customer_id = ?1", NULL, id,
	                &c->orders, error_r) < 0 ? -1 : 0;
}

int store_forget_customer(struct store *st, int64_t id, bool with_orders, bool dry_run,
                          struct store_forget_counts *c, char **error_r)
{
	int ret = -1;

	memset(c, 0, sizeof(*c));
	if (count_customer(st, id, c, error_r) < 0)
		return -1;
	c->customers = 1;
	if (c->orders > 0 && !with_orders)
		return 1;
	if (dry_run)
		return 0;
	memset(c, 0, sizeof(*c));
	if (secure_delete_on(st, error_r) < 0)
		return -1;
	/* the outbox rows of its threads, before the threads go */
	if (run_id(st, "DELETE FROM search WHERE rowid IN (SELECT m.id * 4 FROM messages AS m "
	           "WHERE " OF_CUSTOMER " UNION ALL SELECT id * 4 + 1 FROM notes WHERE "
	           "customer_id = ?1 UNION ALL SELECT ?1 * 4 + 2)", id, NULL, error_r) < 0 ||
	    run_id(st, "DELETE FROM outbox WHERE thread_id IN "
	           "(SELECT id FROM threads WHERE customer_id = ?1)", id, &c->outbox, error_r) < 0 ||
	    run_id(st, "DELETE FROM messages AS m WHERE " OF_CUSTOMER, id, &c->messages,
	           error_r) < 0 ||
	    run_id(st, "DELETE FROM contacts WHERE customer_id = ?1", id, &c->contacts,
	           error_r) < 0 ||
	    run_id(st, "DELETE FROM notes WHERE customer_id = ?1", id, &c->notes, error_r) < 0 ||
	    run_id(st, "DELETE FROM customer_tags WHERE customer_id = ?1", id, NULL, error_r) < 0 ||
	    run_id(st, "DELETE FROM payments WHERE order_id IN "
	           "(SELECT id FROM orders WHERE customer_id = ?1)", id, NULL, error_r) < 0 ||
	    run_id(st, "DELETE FROM orders WHERE customer_id = ?1", id, &c->orders, error_r) < 0 ||
	    run_id(st, "DELETE FROM changes WHERE customer_id = ?1", id, &c->changes, error_r) < 0 ||
	    run_id(st, "DELETE FROM sheet_events WHERE item = 'customer:' || "
	           "(SELECT key FROM customers WHERE id = ?1)", id, NULL, error_r) < 0 ||
	    run_id(st, "UPDATE threads SET customer_id = NULL WHERE customer_id = ?1", id, NULL,
	           error_r) < 0 ||
	    sweep(st, c, error_r) < 0 ||
	    run_id(st, "DELETE FROM customers WHERE id = ?1", id, &c->customers, error_r) < 0 ||
	    search_optimize(st, error_r) < 0)
		goto out;
	ret = 0;
out:
	return secure_delete_off(st, ret, error_r);
}

int store_forgotten_add(struct store *st, int64_t at, const char *actor, const char *kind,
                        int64_t items, const char *suppress, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO forgotten (at, actor, kind, items, "
	                                    "suppress) VALUES (?1, ?2, ?3, ?4, ?5)", error_r);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, at);
	store_bind_text(stmt, 2, actor);
	store_bind_text(stmt, 3, kind);
	sqlite3_bind_int64(stmt, 4, items);
	store_bind_text(stmt, 5, suppress);
	return store_step_done(st, stmt, "recording a forget", error_r);
}

int store_forgotten_has(struct store *st, const char *suppress, bool *has_r, char **error_r)
{
	int64_t n = 0;

	if (count_of(st, "SELECT count(*) FROM forgotten WHERE suppress = ?1", suppress, 0, &n,
	             error_r) < 0)
		return -1;
	*has_r = n > 0;
	return 0;
}

int store_scrub(struct store *st, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "PRAGMA wal_checkpoint(TRUNCATE)", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	rc = sqlite3_step(stmt);
	/* busy (1 in the first column): a reader held on; the caller says so */
	bool busy = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0) != 0;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW) {
		*error_r = store_errmsg(st, "emptying the write-ahead log");
		return -1;
	}
	if (busy) {
		*error_r = g_strdup("another process held the store: the write-ahead log still "
		                    "holds the erased pages until followupd's next checkpoint");
		return 1;
	}
	return 0;
}

static int personal_rows(struct store *st, const char *sql, const char *address,
                         struct store_personal_message **msgs_r, size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, address);
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_personal_message));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_personal_message m = {
			.message_id = store_col_text(stmt, 0, false),
			.date = sqlite3_column_int64(stmt, 1),
			.direction = store_col_text(stmt, 2, true),
			.subject = store_col_text(stmt, 3, true),
			.text = store_col_text(stmt, 4, true),
			.customer = store_col_text(stmt, 5, false),
		};
		g_array_append_val(arr, m);
	}
	sqlite3_reset(stmt);
	*n_r = arr->len;
	*msgs_r = (struct store_personal_message *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		store_personal_messages_free(msgs_r, *n_r);
		*error_r = store_errmsg(st, "reading a person's messages");
		return -1;
	}
	return 0;
}

int store_personal_messages(struct store *st, const char *address,
                            struct store_personal_message **msgs_r, size_t *n_r,
                            char **error_r)
{
	return personal_rows(st,
		"SELECT m.message_id, m.date, m.direction, m.subject, m.body_text, c.key "
		"FROM messages m LEFT JOIN customers c ON c.id = m.customer_id WHERE " OF_ADDRESS
		" ORDER BY m.date, m.id", address, msgs_r, n_r, error_r);
}

int store_personal_notes(struct store *st, const char *address,
                         struct store_personal_message **notes_r, size_t *n_r, char **error_r)
{
	return personal_rows(st,
		"SELECT NULL, n.date, n.kind, coalesce(n.author, ''), n.text, c.key "
		"FROM notes n LEFT JOIN customers c ON c.id = n.customer_id WHERE "
		NAMES_ADDRESS("n.text") " ORDER BY n.date, n.id", address, notes_r, n_r, error_r);
}

void store_personal_messages_free(struct store_personal_message **msgs, size_t n)
{
	if (*msgs == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		g_free((*msgs)[i].message_id);
		g_free((*msgs)[i].direction);
		g_free((*msgs)[i].subject);
		g_free((*msgs)[i].text);
		g_free((*msgs)[i].customer);
	}
	g_free(*msgs);
	*msgs = NULL;
}
