/*
 * sheet_data: what the rules of the sheet's dates (payment-due,
 * next-action, silence) read from the store and record in it, beyond the
 * customers and orders the sheet already lists.
 */
#include <string.h>

#include "store/store-private.h"

#define REMINDER_CONTACTS_MAX 8

static void bind_event(sqlite3_stmt *stmt, const char *rule, const char *item,
                       const char *occasion)
{
	store_bind_text(stmt, 1, rule);
	store_bind_text(stmt, 2, item);
	store_bind_text(stmt, 3, occasion);
}

int store_sheet_event_add(struct store *st, const char *rule, const char *item,
                          const char *occasion, int64_t at, bool *added_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "INSERT INTO sheet_events (rule, item, occasion, at) "
	                                    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
	                                error_r);
	if (stmt == NULL)
		return -1;
	bind_event(stmt, rule, item, occasion);
	sqlite3_bind_int64(stmt, 4, at);
	if (store_step_done(st, stmt, "recording a reminder", error_r) < 0)
		return -1;
	*added_r = sqlite3_changes(st->db) > 0;
	return 0;
}

int store_sheet_event_has(struct store *st, const char *rule, const char *item,
                          const char *occasion, bool *has_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT 1 FROM sheet_events WHERE rule = ?1 AND "
	                                    "item = ?2 AND occasion = ?3", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	bind_event(stmt, rule, item, occasion);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading reminders");
		return -1;
	}
	*has_r = rc == SQLITE_ROW;
	return 0;
}

int store_reminder_contacts(struct store *st, int64_t customer_id,
                            struct store_reminder_contact **contacts_r, size_t *n_r,
                            char **error_r)
{
	/* Only addresses that wrote to us as this customer: a reminder never
	 * goes to anyone the customer did not bring into the conversation. */
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT ct.address, ct.name FROM contacts ct "
		"JOIN messages m ON m.customer_id = ct.customer_id AND m.from_addr = ct.address "
		"WHERE ct.customer_id = ?1 AND ct.undeliverable IS NULL AND m.direction = 'in' "
		"AND m.kind IN ('inquiry', 'reply') "
		"GROUP BY ct.address "
		"ORDER BY coalesce(ct.role = 'finance', 0) DESC, max(m.date) DESC, ct.address "
		"LIMIT ?2", error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	sqlite3_bind_int(stmt, 2, REMINDER_CONTACTS_MAX);
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_reminder_contact));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_reminder_contact c = {
			.address = store_col_text(stmt, 0, true),
			.name = store_col_text(stmt, 1, true),
		};
		g_array_append_val(arr, c);
	}
	sqlite3_reset(stmt);
	*n_r = arr->len;
	*contacts_r = (struct store_reminder_contact *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		store_reminder_contacts_free(contacts_r, *n_r);
		*error_r = store_errmsg(st, "reading a customer's contacts");
		return -1;
	}
	return 0;
}

void store_reminder_contacts_free(struct store_reminder_contact **contacts, size_t n)
{
	if (*contacts == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		g_free((*contacts)[i].address);
		g_free((*contacts)[i].name);
	}
	g_free(*contacts);
	*contacts = NULL;
}

int store_customer_language(struct store *st, int64_t customer_id, char **language_r,
                            char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT language FROM messages WHERE customer_id = ?1 AND direction = 'in' "
		"AND language IS NOT NULL AND language != '' ORDER BY date DESC, id DESC LIMIT 1",
		error_r);
	int rc;

	*language_r = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*language_r = store_col_text(stmt, 0, false);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading a customer's language");
		return -1;
	}
	return 0;
}
