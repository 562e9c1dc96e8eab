/*
 * queries: what the CLI reads. Customer dates (first seen, last in, last
 * out) and thread spans are computed from the messages when asked, never
 * stored twice, so they cannot disagree with the timeline.
 */
#include <string.h>
#include <jansson.h>

#include "store/store-private.h"

static char **json_to_strv(const char *text)
{
	/* Most Cc lists are empty: no parser for them. */
	if (text == NULL || strcmp(text, "[]") == 0)
		return g_new0(char *, 1);
	json_t *arr = json_loads(text, 0, NULL);
	GPtrArray *out = g_ptr_array_new();

	if (json_is_array(arr)) {
		size_t i;
		json_t *v;
		json_array_foreach(arr, i, v) {
			if (json_is_string(v))
				g_ptr_array_add(out, g_strdup(json_string_value(v)));
		}
	}
	json_decref(arr);
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

static void entry_free_attachments(struct store_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		g_free(e->attachments[i].filename);
		g_free(e->attachments[i].content_type);
	}
	g_free(e->attachments);
}

void store_entry_free(struct store_entry **ep)
{
	struct store_entry *e = *ep;

	if (e == NULL)
		return;
	*ep = NULL;
	g_free(e->message_id);
	g_free(e->direction);
	g_free(e->kind);
	g_free(e->from_addr);
	g_free(e->from_name);
	g_strfreev(e->to);
	g_strfreev(e->cc);
	g_free(e->subject);
	g_free(e->snippet);
	g_free(e->customer);
	g_free(e->parse_error);
	g_free(e->language);
	g_free(e->facts);
	g_free(e->original_from);
	g_free(e->original_subject);
	g_free(e->calendar_method);
	g_free(e->bounce_of);
	g_free(e->stage_from);
	g_free(e->stage_to);
	g_free(e->body_text);
	g_free(e->body_new);
	g_free(e->in_reply_to);
	g_strfreev(e->references);
	g_strfreev(e->folders);
	if (e->attachments != NULL)
		entry_free_attachments(e, e->n_attachments);
	g_free(e);
}

void store_customer_free(struct store_customer **cp)
{
	struct store_customer *c = *cp;

	if (c == NULL)
		return;
	*cp = NULL;
	for (size_t i = 0; i < c->n_contacts; i++)
		store_contact_clear(&c->contacts[i]);
	g_free(c->contacts);
	g_free(c->key);
	g_free(c->name);
	g_free(c->country);
	g_free(c->industry);
	g_free(c->website);
	g_free(c->owner);
	g_free(c->stage);
	g_free(c->source);
	g_free(c->next_action);
	g_free(c->next_date);
	g_free(c->grade_manual);
	g_free(c->grade_computed);
	g_strfreev(c->tags);
	g_free(c);
}

void store_thread_free(struct store_thread **tp)
{
	struct store_thread *t = *tp;

	if (t == NULL)
		return;
	*tp = NULL;
	g_free(t->customer);
	g_free(t->subject);
	g_free(t->origin);
	g_free(t->last_direction);
	g_free(t->last_kind);
	g_free(t);
}

void store_target_clear(struct store_target *t)
{
	g_free(t->customer_key);
	t->customer_key = NULL;
	t->customer_id = 0;
}

void store_entries_free(struct store_entry ***entries, size_t n)
{
	if (*entries == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		store_entry_free(&(*entries)[i]);
	g_free(*entries);
	*entries = NULL;
}

void store_customers_free(struct store_customer ***customers, size_t n)
{
	if (*customers == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		store_customer_free(&(*customers)[i]);
	g_free(*customers);
	*customers = NULL;
}

void store_threads_free(struct store_thread ***threads, size_t n)
{
	if (*threads == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		store_thread_free(&(*threads)[i]);
	g_free(*threads);
	*threads = NULL;
}

/* ---- target resolution ---- */

static int customer_by(struct store *st, const char *sql, const char *key,
                       struct store_target *t, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		t->customer_id = sqlite3_column_int64(stmt, 0);
		t->customer_key = store_col_text(stmt, 1, true);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	*error_r = store_errmsg(st, "looking up a customer");
	return -1;
}

static bool all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (!g_ascii_isdigit(*s))
			return false;
	}
	return true;
}

int store_resolve_target(struct store *st, const char *target, store_key_fn *key_of,
                         void *key_ctx, struct store_target *target_r, char **error_r)
{
	char *lower = g_utf8_strdown(target, -1);
	int ret;

	memset(target_r, 0, sizeof(*target_r));
	if (all_digits(lower)) {
		ret = customer_by(st, "SELECT id, key FROM customers WHERE id = CAST(?1 AS INTEGER)",
		                  lower, target_r, error_r);
		goto out;
	}
	ret = customer_by(st, "SELECT id, key FROM customers WHERE key = ?1", lower, target_r,
	                  error_r);
	if (ret != 1)
		goto out;
	if (strchr(lower, '@') != NULL) {
		/* An address names its contact's customer: one nobody of the
		 * store has (a stranger, or a person forgotten) names none, not
		 * the customer of its domain. */
		ret = customer_by(st, "SELECT c.id, c.key FROM contacts t JOIN customers c "
		                      "ON c.id = t.customer_id WHERE t.address = ?1",
		                  lower, target_r, error_r);
		goto out;
	}
	if (key_of != NULL) {
		char *key = key_of(lower, key_ctx);
		if (key != NULL)
			ret = customer_by(st, "SELECT id, key FROM customers WHERE key = ?1", key,
			                  target_r, error_r);
		g_free(key);
	}
out:
	g_free(lower);
	return ret;
}

/* ---- timeline ---- */

struct store_entry *store_entry_from_row(sqlite3_stmt *stmt)
{
	struct store_entry *e = g_new0(struct store_entry, 1);

	e->id = sqlite3_column_int64(stmt, 0);
	e->message_id = store_col_text(stmt, 1, true);
	e->date = sqlite3_column_int64(stmt, 2);
	e->header_date = store_col_time(stmt, 3);
	e->internal_date = store_col_time(stmt, 4);
	e->direction = store_col_text(stmt, 5, true);
	e->kind = store_col_text(stmt, 6, true);
	e->from_addr = store_col_text(stmt, 7, true);
	e->from_name = store_col_text(stmt, 8, true);
	e->to = json_to_strv((const char *)sqlite3_column_text(stmt, 9));
	e->cc = json_to_strv((const char *)sqlite3_column_text(stmt, 10));
	e->subject = store_col_text(stmt, 11, true);
	e->snippet = store_col_text(stmt, 12, true);
	e->thread = sqlite3_column_int64(stmt, 13);
	e->customer = store_col_text(stmt, 14, false);
	e->n_attachments = (unsigned)sqlite3_column_int(stmt, 15);
	e->parse_error = store_col_text(stmt, 16, false);
	e->language = store_col_text(stmt, 17, false);
	e->facts = store_col_text(stmt, 18, false);
	e->forwarded = sqlite3_column_int(stmt, 19) != 0;
	e->original_from = store_col_text(stmt, 20, false);
	e->original_subject = store_col_text(stmt, 21, false);
	e->calendar_method = store_col_text(stmt, 22, false);
	e->bounce_of = store_col_text(stmt, 23, false);
	e->truncated = sqlite3_column_int(stmt, 24) != 0;
	e->limits_hit = (unsigned)sqlite3_column_int(stmt, 25);
	return e;
}

int store_timeline(struct store *st, int64_t customer_id, struct store_entry ***entries_r,
                   size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT " ENTRY_COLUMNS " FROM messages m LEFT JOIN customers c "
		"ON c.id = m.customer_id WHERE m.customer_id = ?1 ORDER BY m.date, m.id", error_r);
	GPtrArray *out;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	out = g_ptr_array_new_with_free_func(store_entry_free_one);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		g_ptr_array_add(out, store_entry_from_row(stmt));
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading a timeline");
		goto fail;
	}
	/* The notes people wrote, and the stage moves they made, stand
	 * beside the mail, by date (a stable sort: mail first at the same
	 * second). The stage moves the mail itself made are the card's
	 * history (store_notes): a mailbox's timeline stays its mail. */
	if (store_notes_append(st, customer_id, false, out, error_r) < 0)
		goto fail;
	g_ptr_array_sort(out, store_entry_date_cmp);
	g_ptr_array_set_free_func(out, NULL);
	*n_r = out->len;
	*entries_r = (struct store_entry **)g_ptr_array_free(out, FALSE);
	return 0;
fail:
	g_ptr_array_free(out, TRUE);
	return -1;
}

static int load_attachments(struct store *st, struct store_entry *e, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT filename, content_type, size, is_inline "
	                                    "FROM attachments WHERE message = ?1 ORDER BY idx",
	                                error_r);
	GArray *arr;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, e->id);
	arr = g_array_new(FALSE, TRUE, sizeof(struct store_attachment));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_attachment a = {
			.filename = store_col_text(stmt, 0, true),
			.content_type = store_col_text(stmt, 1, true),
			.size = (uint64_t)sqlite3_column_int64(stmt, 2),
			.is_inline = sqlite3_column_int(stmt, 3) != 0,
		};
		g_array_append_val(arr, a);
	}
	sqlite3_reset(stmt);
	e->n_attachments = arr->len;
	e->attachments = (struct store_attachment *)(void *)g_array_free(arr, FALSE);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading attachments");
		return -1;
	}
	return 0;
}

static char **strv_query(struct store *st, const char *sql, int64_t id, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);
	GPtrArray *out;
	int rc;

	if (stmt == NULL)
		return NULL;
	sqlite3_bind_int64(stmt, 1, id);
	out = g_ptr_array_new();
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		g_ptr_array_add(out, store_col_text(stmt, 0, true));
	sqlite3_reset(stmt);
	g_ptr_array_add(out, NULL);
	char **v = (char **)g_ptr_array_free(out, FALSE);
	if (rc != SQLITE_DONE) {
		g_strfreev(v);
		*error_r = store_errmsg(st, "reading a message");
		return NULL;
	}
	return v;
}

int store_message_get(struct store *st, const char *message_id, struct store_entry **entry_r,
                      char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT " ENTRY_COLUMNS ", m.body_text, m.body_new, m.in_reply_to "
		"FROM messages m LEFT JOIN customers c ON c.id = m.customer_id "
		"WHERE m.message_id = ?1", error_r);
	struct store_entry *e;
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, message_id);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			return 1;
		*error_r = store_errmsg(st, "reading a message");
		return -1;
	}
	e = store_entry_from_row(stmt);
	e->body_text = store_col_text(stmt, 26, true);
	e->body_new = store_col_text(stmt, 27, true);
	e->in_reply_to = store_col_text(stmt, 28, false);
	sqlite3_reset(stmt);
	e->references = strv_query(st, "SELECT ref FROM message_refs WHERE message = ?1 "
	                               "ORDER BY idx", e->id, error_r);
	e->folders = strv_query(st, "SELECT DISTINCT f.account || '/' || f.name FROM locations l "
	                            "JOIN folders f ON f.id = l.folder_id WHERE l.message = ?1 "
	                            "ORDER BY 1", e->id, error_r);
	if (e->references == NULL || e->folders == NULL || load_attachments(st, e, error_r) < 0) {
		store_entry_free(&e);
		return -1;
	}
	*entry_r = e;
	return 0;
}

/* ---- customers ---- */

/* Which customers a listing keeps: ?1 one customer (0: all), ?2 a grade,
 * ?3 an owner, ?4 the unowned (store_customer_where). */
#define CUSTOMERS_WHERE \
	"WHERE (?1 = 0 OR c.id = ?1) " \
	"AND (?2 IS NULL OR coalesce(c.grade_manual, c.grade_computed) = ?2) " \
	"AND (?3 IS NULL OR c.owner = ?3 COLLATE NOCASE) AND (?4 = 0 OR c.owner IS NULL) "

static void bind_customers_where(sqlite3_stmt *stmt, int64_t customer_id,
                                 const struct store_customer_where *where)
{
	sqlite3_bind_int64(stmt, 1, customer_id);
	store_bind_text(stmt, 2, where != NULL ? where->grade : NULL);
	store_bind_text(stmt, 3, where != NULL ? where->owner : NULL);
	sqlite3_bind_int(stmt, 4, where != NULL && where->owner_none ? 1 : 0);
}

/* The contacts of every customer listed, in one query by customer and
 * address (a query a customer was a thousand statements, each with its
 * own read lock, for the customers of one grade), dealt out by id. */
static int load_contacts(struct store *st, int64_t customer_id,
                         const struct store_customer_where *where, GHashTable *by_id,
                         char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT t.customer_id, t.address, t.name, "
	                                    "t.undeliverable, t.role, t.title, t.phone, "
	                                    "t.name_manual FROM customers c JOIN contacts t "
	                                    "ON t.customer_id = c.id " CUSTOMERS_WHERE
	                                    "ORDER BY t.customer_id, t.address", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	bind_customers_where(stmt, customer_id, where);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		struct store_customer *c = g_hash_table_lookup(by_id, &id);
		if (c == NULL)
			continue;    /* a customer that came in since the list was read */
		struct store_contact ct = {
			.address = store_col_text(stmt, 1, true),
			.name = store_col_text(stmt, 2, true),
			.undeliverable = store_col_text(stmt, 3, false),
			.role = store_col_text(stmt, 4, false),
			.title = store_col_text(stmt, 5, false),
			.phone = store_col_text(stmt, 6, false),
			.name_manual = sqlite3_column_int(stmt, 7) != 0,
		};
		c->contacts = g_renew(struct store_contact, c->contacts, c->n_contacts + 1);
		c->contacts[c->n_contacts++] = ct;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading contacts");
		return -1;
	}
	return 0;
}

/* The tags of every customer listed, as load_contacts(): a vector each,
 * empty when it has none. */
static int load_tags(struct store *st, int64_t customer_id,
                     const struct store_customer_where *where, GHashTable *by_id,
                     char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT g.customer_id, g.tag FROM customers c "
	                                    "JOIN customer_tags g ON g.customer_id = c.id "
	                                    CUSTOMERS_WHERE "ORDER BY g.customer_id, g.tag",
	                                error_r);
	GHashTable *tags;
	GHashTableIter it;
	gpointer key, value;
	int rc;

	if (stmt == NULL)
		return -1;
	tags = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL,
	                             (GDestroyNotify)g_ptr_array_unref);
	bind_customers_where(stmt, customer_id, where);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		struct store_customer *c = g_hash_table_lookup(by_id, &id);
		if (c == NULL)
			continue;
		GPtrArray *list = g_hash_table_lookup(tags, &c->id);
		if (list == NULL) {
			list = g_ptr_array_new();
			g_hash_table_insert(tags, &c->id, list);
		}
		g_ptr_array_add(list, store_col_text(stmt, 1, true));
	}
	sqlite3_reset(stmt);
	g_hash_table_iter_init(&it, by_id);
	while (g_hash_table_iter_next(&it, &key, &value)) {
		struct store_customer *c = value;
		GPtrArray *list = g_hash_table_lookup(tags, key);
		if (list == NULL) {
			c->tags = g_new0(char *, 1);
			continue;
		}
		g_ptr_array_add(list, NULL);
		c->tags = (char **)g_ptr_array_free(g_ptr_array_ref(list), FALSE);
	}
	g_hash_table_destroy(tags);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading tags");
		return -1;
	}
	return 0;
}

static struct store_customer *customer_from_row(sqlite3_stmt *stmt)
{
	struct store_customer *c = g_new0(struct store_customer, 1);

	c->id = sqlite3_column_int64(stmt, 0);
	c->key = store_col_text(stmt, 1, true);
	c->name = store_col_text(stmt, 2, true);
	c->first_seen = store_col_time(stmt, 3);
	c->last_inbound = store_col_time(stmt, 4);
	c->last_outbound = store_col_time(stmt, 5);
	c->n_messages = (uint64_t)sqlite3_column_int64(stmt, 6);
	c->n_threads = (uint64_t)sqlite3_column_int64(stmt, 7);
	c->country = store_col_text(stmt, 8, false);
	c->industry = store_col_text(stmt, 9, false);
	c->website = store_col_text(stmt, 10, false);
	c->owner = store_col_text(stmt, 11, false);
	c->stage = store_col_text(stmt, 12, false);
	c->source = store_col_text(stmt, 13, false);
	c->next_action = store_col_text(stmt, 14, false);
	c->next_date = store_col_text(stmt, 15, false);
	c->grade_manual = store_col_text(stmt, 16, false);
	c->grade_computed = store_col_text(stmt, 17, false);
	c->name_manual = sqlite3_column_int(stmt, 18) != 0;
	return c;
}

/* A customer's latest mail of a direction and kinds: a backward walk of
 * its part of messages_customer_figures to the first that matches. */
#define CUSTOMER_LAST(dir, kinds) \
	"(SELECT m.date FROM messages m INDEXED BY messages_customer_figures " \
	"WHERE m.customer_id = c.id AND m.direction = '" dir "' AND m.kind " kinds \
	" ORDER BY m.date DESC LIMIT 1)"

/* Customers (customer_id 0: all; where: NULL, or what to keep), most
 * recently active first, with their contacts and tags. Each figure is
 * its own subquery over the customer's part of an index, so each reads
 * only what it needs: the first and last dates a seek each, the last in
 * and out a short walk back, the counts a pass over the entries (one
 * GROUP BY of the whole join worked out every figure from every entry:
 * 5x the CPU for the customers of one grade on a million messages). */
static int customers_query(struct store *st, int64_t customer_id,
                           const struct store_customer_where *where,
                           struct store_customer ***customers_r, size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT c.id, c.key, c.name, "
		"(SELECT min(m.date) FROM messages m WHERE m.customer_id = c.id), "
		CUSTOMER_LAST("in", "IN " SALES_KINDS) ", "
		CUSTOMER_LAST("out", "NOT IN " OWN_MAIL_KINDS) ", "
		"(SELECT count(*) FROM messages m WHERE m.customer_id = c.id), "
		"(SELECT count(DISTINCT m.thread_id) FROM messages m WHERE m.customer_id = c.id), "
		"c.country, c.industry, c.website, c.owner, c.stage, "
		"coalesce(c.source, c.source_mail), c.next_action, c.next_date, c.grade_manual, "
		"c.grade_computed, c.name_manual FROM customers c " CUSTOMERS_WHERE
		"ORDER BY (SELECT max(m.date) FROM messages m WHERE m.customer_id = c.id) DESC, c.key",
		error_r);
	GHashTable *by_id = NULL;
	GPtrArray *out;
	int rc;

	if (stmt == NULL)
		return -1;
	bind_customers_where(stmt, customer_id, where);
	out = g_ptr_array_new();
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		g_ptr_array_add(out, customer_from_row(stmt));
	sqlite3_reset(stmt);
	*n_r = out->len;
	*customers_r = (struct store_customer **)g_ptr_array_free(out, FALSE);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "reading customers");
		goto fail;
	}
	by_id = g_hash_table_new(g_int64_hash, g_int64_equal);
	for (size_t i = 0; i < *n_r; i++)
		g_hash_table_insert(by_id, &(*customers_r)[i]->id, (*customers_r)[i]);
	if (load_contacts(st, customer_id, where, by_id, error_r) < 0 ||
	    load_tags(st, customer_id, where, by_id, error_r) < 0)
		goto fail;
	g_hash_table_destroy(by_id);
	return 0;
fail:
	if (by_id != NULL)
		g_hash_table_destroy(by_id);
	store_customers_free(customers_r, *n_r);
	return -1;
}

int store_customers(struct store *st, struct store_customer ***customers_r, size_t *n_r,
                    char **error_r)
{
	return customers_query(st, 0, NULL, customers_r, n_r, error_r);
}

int store_customers_where(struct store *st, const struct store_customer_where *where,
                          struct store_customer ***customers_r, size_t *n_r, char **error_r)
{
	return customers_query(st, 0, where, customers_r, n_r, error_r);
}

int store_customer_get(struct store *st, int64_t customer_id, struct store_customer **c_r,
                       char **error_r)
{
	struct store_customer **list = NULL;
	size_t n = 0;

	*c_r = NULL;
	if (customer_id <= 0)
		return 1;
	if (customers_query(st, customer_id, NULL, &list, &n, error_r) < 0)
		return -1;
	if (n == 1) {
		*c_r = list[0];
		list[0] = NULL;
	}
	store_customers_free(&list, n);
	return *c_r != NULL ? 0 : 1;
}

/* ---- threads ---- */

int store_threads(struct store *st, int64_t customer_id, struct store_thread ***threads_r,
                  size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT t.id, c.key, t.subject, t.origin, min(m.date), max(m.date), count(m.id), "
		"(SELECT direction FROM messages l WHERE l.thread_id = t.id AND l.kind NOT IN "
		OWN_MAIL_KINDS " ORDER BY l.date DESC, l.id DESC LIMIT 1), "
		"(SELECT kind FROM messages l WHERE l.thread_id = t.id AND l.kind NOT IN "
		OWN_MAIL_KINDS " ORDER BY l.date DESC, l.id DESC LIMIT 1) "
		"FROM threads t JOIN messages m ON m.thread_id = t.id "
		"LEFT JOIN customers c ON c.id = t.customer_id "
		"WHERE ?1 < 0 OR t.customer_id = ?1 "
		"GROUP BY t.id ORDER BY max(m.date) DESC, t.id DESC", error_r);
	GPtrArray *out;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	out = g_ptr_array_new();
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct store_thread *t = g_new0(struct store_thread, 1);
		t->id = sqlite3_column_int64(stmt, 0);
		t->customer = store_col_text(stmt, 1, false);
		t->subject = store_col_text(stmt, 2, true);
		t->origin = store_col_text(stmt, 3, true);
		t->first_date = sqlite3_column_int64(stmt, 4);
		t->last_date = sqlite3_column_int64(stmt, 5);
		t->n_messages = (uint64_t)sqlite3_column_int64(stmt, 6);
		t->last_direction = store_col_text(stmt, 7, true);
		t->last_kind = store_col_text(stmt, 8, true);
		g_ptr_array_add(out, t);
	}
	sqlite3_reset(stmt);
	*n_r = out->len;
	*threads_r = (struct store_thread **)g_ptr_array_free(out, FALSE);
	if (rc != SQLITE_DONE) {
		store_threads_free(threads_r, *n_r);
		*error_r = store_errmsg(st, "reading threads");
		return -1;
	}
	return 0;
}
