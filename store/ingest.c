/*
 * ingest: one analysed message in (core/analyze.c worked out what it is),
 * its timeline rows out.
 *
 *   exact-copy check (SHA-256) -> same Message-ID check -> rows: raw copy,
 *   message, refs, attachments, customer, contacts, location
 *
 * A copy of a message already stored (the same bytes, or the same
 * Message-ID: seen in two folders, delivered twice) adds only a location,
 * so it is one timeline entry. Everything runs inside the caller's
 * transaction, together with the folder's sync position; the caller then
 * threads the message (thread.c). Nothing here classifies: the store
 * persists what it is given.
 */
#include <string.h>
#include <jansson.h>

#include "store/store-private.h"
#include "classify/analyzed.h"
#include "parsers/message.h"

/* A Date: more than this after the server's arrival time is not believed. */
#define DATE_FUTURE_SLACK (24 * 3600)

/* What ingest and reparse need to write one message's parsed rows. */
struct message_rows {
	int64_t rowid;            /* 0: insert a new row */
	int64_t raw_id;
	int64_t internal_date;
	bool sent_folder;
	bool truncated;
	int64_t customer_override;/* > 0: this customer, whatever the addresses say */
};

static int64_t effective_date(const struct parsed_message *msg, int64_t internal_date)
{
	if (msg->date_valid &&
	    (internal_date == INT64_MIN || msg->date <= internal_date + DATE_FUTURE_SLACK))
		return msg->date;
	if (internal_date != INT64_MIN)
		return internal_date;
	return msg->date_valid ? msg->date : 0;
}

static char *addresses_json(const struct msg_address_list *list)
{
	json_t *arr = json_array();
	char *out;

	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].addr != NULL && list->items[i].addr[0] != '\0')
			json_array_append_new(arr, json_string(list->items[i].addr));
	}
	out = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	return out != NULL ? out : strdup("[]");
}

static int lookup_id(struct store *st, const char *sql, const char *key, int64_t *id_r,
                     char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, sql, error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id_r = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	*error_r = store_errmsg(st, "looking up a message");
	return -1;
}

static int add_location(struct store *st, int64_t msg_rowid, const struct ingest_source *src,
                        char **error_r)
{
	sqlite3_stmt *stmt;

	if (src->folder_id <= 0)
		return 0;
	stmt = store_stmt(st, "INSERT INTO locations (folder_id, uidvalidity, uid, message, "
	                      "internal_date, sent_folder) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	                      "ON CONFLICT DO UPDATE SET message = excluded.message",
	                  error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, src->folder_id);
	sqlite3_bind_int64(stmt, 2, src->uidvalidity);
	sqlite3_bind_int64(stmt, 3, src->uid);
	sqlite3_bind_int64(stmt, 4, msg_rowid);
	store_bind_time(stmt, 5, src->internaldate);
	sqlite3_bind_int(stmt, 6, src->sent_folder);
	return store_step_done(st, stmt, "recording where a message is", error_r);
}

/* Messages from this size on are compressed twice: once to learn the
 * compressed size, once straight into the blob, which SQLite can only
 * make of a size known in advance. Never holding the compressed copy
 * (nor SQLite's copy of it in the record it builds) keeps a large
 * message's cost near its own size: at 4 MiB, a message just below it
 * held 7 MB more at the first sync's peak; the second compression costs
 * a few milliseconds a megabyte, for the few messages this large. */
#define RAW_STREAM_MIN (1024 * 1024)

static int sink_append(const unsigned char *piece, size_t n, void *ctx)
{
	g_byte_array_append(ctx, piece, (guint)n);
	return 0;
}

static int sink_count(const unsigned char *piece, size_t n, void *ctx)
{
	(void)piece;
	*(size_t *)ctx += n;
	return 0;
}

struct blob_sink {
	sqlite3_blob *blob;
	int offset, size;
};

static int sink_blob(const unsigned char *piece, size_t n, void *ctx)
{
	struct blob_sink *b = ctx;

	if (n > (size_t)(b->size - b->offset) ||
	    sqlite3_blob_write(b->blob, piece, (int)n, b->offset) != SQLITE_OK)
		return -1;
	b->offset += (int)n;
	return 0;
}

/* Compresses raw again, into the blob of a row made with zeroblob(size). */
static int write_blob(struct store *st, int64_t rowid, const struct store_raw_dict *dict,
                      const unsigned char *raw, size_t len, size_t size, char **error_r)
{
	struct blob_sink b = { .size = (int)size };
	int ret = -1;

	if (sqlite3_blob_open(st->db, "main", "raw_messages", "data", rowid, 1, &b.blob) !=
	    SQLITE_OK) {
		*error_r = store_errmsg(st, "storing a raw message");
		return -1;
	}
	if (store_raw_pack(st, dict, raw, len, sink_blob, &b) < 0 || b.offset != b.size) {
		*error_r = store_errmsg(st, "storing a raw message");
		goto out;
	}
	ret = 0;
out:
	if (sqlite3_blob_close(b.blob) != SQLITE_OK && ret == 0) {
		*error_r = store_errmsg(st, "storing a raw message");
		ret = -1;
	}
	return ret;
}

static int insert_raw(struct store *st, const char *hash, const unsigned char *raw, size_t len,
                      int64_t *raw_id_r, char **error_r)
{
	bool stream = len >= RAW_STREAM_MIN;
	GByteArray *packed = stream ? NULL : g_byte_array_new();
	const struct store_raw_dict *dict;
	size_t packed_len = 0;
	sqlite3_stmt *stmt;
	int ret = -1;

	if (store_raw_dict_for_new(st, &dict, error_r) < 0)
		goto out;
	if (store_raw_pack(st, dict, raw, len, stream ? sink_count : sink_append,
	                   stream ? (void *)&packed_len : (void *)packed) < 0) {
		*error_r = g_strdup("cannot compress a raw message");
		goto out;
	}
	if (stream && packed_len > INT32_MAX) {
		*error_r = g_strdup_printf("a message of %zu bytes is too large to store", len);
		goto out;
	}
	stmt = store_stmt(st, stream ? "INSERT INTO raw_messages (sha256, size, compression, data, "
	                               "dict_id) VALUES (?1, ?2, 'zstd', zeroblob(?3), ?4)"
	                             : "INSERT INTO raw_messages (sha256, size, compression, data, "
	                               "dict_id) VALUES (?1, ?2, 'zstd', ?3, ?4)", error_r);
	if (stmt == NULL)
		goto out;
	store_bind_text(stmt, 1, hash);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)len);
	if (stream)
		sqlite3_bind_int64(stmt, 3, (sqlite3_int64)packed_len);
	else
		sqlite3_bind_blob64(stmt, 3, packed->data, packed->len, SQLITE_STATIC);
	if (dict != NULL)
		sqlite3_bind_int64(stmt, 4, store_raw_dict_id(dict));
	if (store_step_done(st, stmt, "storing a raw message", error_r) < 0)
		goto out;
	*raw_id_r = sqlite3_last_insert_rowid(st->db);
	if (stream && write_blob(st, *raw_id_r, dict, raw, len, packed_len, error_r) < 0)
		goto out;
	ret = 0;
out:
	if (packed != NULL)
		g_byte_array_free(packed, TRUE);
	return ret;
}

static int upsert_customer(struct store *st, const char *key, bool is_address, const char *name,
                           int64_t *customer_id_r, char **error_r)
{
	sqlite3_stmt *stmt;

	/* A name a person gave (name_manual) is never replaced by the mail's. */
	stmt = store_stmt(st, "INSERT INTO customers (key, name, is_address) VALUES (?1, ?2, ?3) "
	                      "ON CONFLICT (key) DO UPDATE SET name = excluded.name "
	                      "WHERE customers.is_address AND customers.name = customers.key "
	                      "AND excluded.name != excluded.key AND NOT customers.name_manual",
	                  error_r);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, key);
	store_bind_text(stmt, 2, name);
	sqlite3_bind_int(stmt, 3, is_address);
	if (store_step_done(st, stmt, "adding a customer", error_r) < 0)
		return -1;
	if (lookup_id(st, "SELECT id FROM customers WHERE key = ?1", key, customer_id_r,
	              error_r) != 1) {
		if (*error_r == NULL)
			*error_r = g_strdup("a customer vanished while it was added");
		return -1;
	}
	return 0;
}

static int upsert_contact(struct store *st, int64_t customer_id, const struct msg_address *a,
                          char **error_r)
{
	sqlite3_stmt *stmt;
	char *addr = g_ascii_strdown(a->addr, -1);
	int ret;

	stmt = store_stmt(st, "INSERT INTO contacts (address, customer_id, name) VALUES (?1, ?2, ?3) "
	                      "ON CONFLICT (address) DO UPDATE SET customer_id = excluded.customer_id, "
	                      "name = CASE WHEN excluded.name != '' AND NOT contacts.name_manual "
	                      "THEN excluded.name ELSE name END",
	                  error_r);
	if (stmt == NULL) {
		g_free(addr);
		return -1;
	}
	store_bind_text(stmt, 1, addr);
	sqlite3_bind_int64(stmt, 2, customer_id);
	store_bind_text(stmt, 3, a->name != NULL ? a->name : "");
	ret = store_step_done(st, stmt, "adding a contact", error_r);
	g_free(addr);
	return ret;
}

/* The customer's addresses the message names (core/analyze.c found them). */
static int record_contacts(struct store *st, int64_t customer_id,
                           const struct analyzed_message *am, char **error_r)
{
	for (size_t i = 0; i < am->n_contacts; i++) {
		if (upsert_contact(st, customer_id, am->contacts[i], error_r) < 0)
			return -1;
	}
	return 0;
}

/* A delivery failure marks the failed recipient's contact. */
static int record_bounce(struct store *st, const struct parsed_message *msg, char **error_r)
{
	const struct msg_flags *f = &msg->flags;
	sqlite3_stmt *stmt;

	if (f->dsn_final_recipient == NULL || f->dsn_status == NULL || f->dsn_status[0] != '5')
		return 0;
	stmt = store_stmt(st, "UPDATE contacts SET undeliverable = ?2 WHERE address = lower(?1)",
	                  error_r);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, f->dsn_final_recipient);
	store_bind_text(stmt, 2, f->dsn_status);
	return store_step_done(st, stmt, "marking a contact undeliverable", error_r);
}

/* How the customer came to us, as the first message tells (a [source]'s
 * name, "website", "mail"); source, a person's, comes first when shown. */
static int record_source(struct store *st, int64_t customer_id, const char *source,
                         char **error_r)
{
	sqlite3_stmt *stmt;

	if (source == NULL)
		return 0;
	stmt = store_stmt(st, "UPDATE customers SET source_mail = ?2 WHERE id = ?1 "
	                      "AND source_mail IS NULL", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, customer_id);
	store_bind_text(stmt, 2, source);
	return store_step_done(st, stmt, "recording how a customer came", error_r);
}

static int resolve_customer(struct store *st, const struct analyzed_message *am,
                            int64_t *customer_id_r, char **error_r)
{
	*customer_id_r = 0;
	if (am->customer_key == NULL)
		return 0;
	if (upsert_customer(st, am->customer_key, am->customer_is_address, am->customer_name,
	                    customer_id_r, error_r) < 0 ||
	    record_source(st, *customer_id_r, am->customer_source, error_r) < 0 ||
	    record_contacts(st, *customer_id_r, am, error_r) < 0)
		return -1;
	return 0;
}

static int write_refs(struct store *st, int64_t rowid, const struct parsed_message *msg,
                      char **error_r)
{
	sqlite3_stmt *stmt;

	if (store_run_with_id(st, "DELETE FROM message_refs WHERE message = ?1", rowid,
	                      "clearing references", error_r) < 0)
		return -1;

	GPtrArray *refs = g_ptr_array_new();
	if (msg->in_reply_to != NULL)
		g_ptr_array_add(refs, msg->in_reply_to);
	for (size_t i = 0; i < msg->n_references; i++)
		g_ptr_array_add(refs, msg->references[i]);
	/* A bounce belongs to the thread of the message it returns. */
	if (msg->flags.dsn_original_message_id != NULL)
		g_ptr_array_add(refs, msg->flags.dsn_original_message_id);

	int ret = 0;
	for (guint i = 0; i < refs->len && ret == 0; i++) {
		const char *ref = g_ptr_array_index(refs, i);
		if (ref[0] == '\0' || strcmp(ref, msg->message_id) == 0)
			continue;
		stmt = store_stmt(st, "INSERT INTO message_refs (message, ref, idx) "
		                      "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", error_r);
		if (stmt == NULL) {
			ret = -1;
			break;
		}
		sqlite3_bind_int64(stmt, 1, rowid);
		store_bind_text(stmt, 2, ref);
		sqlite3_bind_int(stmt, 3, (int)i);
		ret = store_step_done(st, stmt, "storing a reference", error_r);
	}
	g_ptr_array_free(refs, TRUE);
	return ret;
}

static int write_attachments(struct store *st, int64_t rowid, const struct parsed_message *msg,
                             char **error_r)
{
	sqlite3_stmt *stmt;

	if (store_run_with_id(st, "DELETE FROM attachments WHERE message = ?1", rowid,
	                      "clearing attachments", error_r) < 0)
		return -1;
	for (size_t i = 0; i < msg->n_attachments; i++) {
		const struct msg_attachment *a = &msg->attachments[i];
		stmt = store_stmt(st, "INSERT INTO attachments (message, idx, filename, content_type, "
		                      "size, is_inline) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error_r);
		if (stmt == NULL)
			return -1;
		sqlite3_bind_int64(stmt, 1, rowid);
		sqlite3_bind_int64(stmt, 2, (sqlite3_int64)i);
		store_bind_text(stmt, 3, a->filename != NULL ? a->filename : "");
		store_bind_text(stmt, 4, a->content_type != NULL ? a->content_type : "");
		sqlite3_bind_int64(stmt, 5, (sqlite3_int64)a->size);
		sqlite3_bind_int(stmt, 6, a->is_inline);
		if (store_step_done(st, stmt, "storing an attachment", error_r) < 0)
			return -1;
	}
	return 0;
}

static const char SQL_INSERT_MESSAGE[] =
	"INSERT INTO messages (message_id, message_id_derived, raw_id, truncated, date, "
	"header_date, internal_date, direction, intrinsic_kind, kind, has_refs, reply_subject, "
	"from_addr, from_name, to_addrs, cc_addrs, subject, subject_norm, snippet, body_text, "
	"body_new, in_reply_to, customer_id, parse_error, sent_folder) VALUES (?1, ?2, ?3, ?4, "
	"?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
	"?22, ?23, ?25)";
static const char SQL_UPDATE_MESSAGE[] =
	"UPDATE messages SET message_id = ?1, message_id_derived = ?2, raw_id = ?3, "
	"truncated = ?4, date = ?5, header_date = ?6, internal_date = ?7, direction = ?8, "
	"intrinsic_kind = ?9, kind = ?9, has_refs = ?10, reply_subject = ?11, from_addr = ?12, "
	"from_name = ?13, to_addrs = ?14, cc_addrs = ?15, subject = ?16, subject_norm = ?17, "
	"snippet = ?18, body_text = ?19, body_new = ?20, in_reply_to = ?21, customer_id = ?22, "
	"parse_error = ?23 WHERE id = ?24";

static const struct {
	unsigned bit;
	const char *name;
} limit_names[] = {
	{ MSG_LIMIT_DEPTH, "mime-depth" },
	{ MSG_LIMIT_PARTS, "parts" },
	{ MSG_LIMIT_HEADER, "header" },
	{ MSG_LIMIT_BODY, "body" },
};

char *store_limits_text(unsigned limits_hit, bool truncated)
{
	GString *out = g_string_new(NULL);

	for (size_t i = 0; i < G_N_ELEMENTS(limit_names); i++) {
		if (limits_hit & limit_names[i].bit)
			g_string_append_printf(out, "%s%s", out->len > 0 ? ", " : "",
			                       limit_names[i].name);
	}
	if (truncated)
		g_string_append_printf(out, "%ssize", out->len > 0 ? ", " : "");
	return g_string_free(out, FALSE);
}

/* Each limit a new message hit counts once ("limit.parts" ...). */
static int count_limits(struct store *st, unsigned limits_hit, bool truncated, char **error_r)
{
	char name[32];

	for (size_t i = 0; i < G_N_ELEMENTS(limit_names); i++) {
		if (!(limits_hit & limit_names[i].bit))
			continue;
		snprintf(name, sizeof(name), "limit.%s", limit_names[i].name);
		if (store_counter_add(st, name, 1, error_r) < 0)
			return -1;
	}
	if (truncated && store_counter_add(st, "limit.size", 1, error_r) < 0)
		return -1;
	return 0;
}

/* The columns of what the issue-3 parsers find: language, facts,
 * forwards, calendar, limits, the message a bounce returns. */
static int write_findings(struct store *st, const struct analyzed_message *am, int64_t rowid,
                          char **error_r)
{
	const struct parsed_message *msg = am->msg;
	sqlite3_stmt *stmt;

	stmt = store_stmt(st, "UPDATE messages SET language = ?2, facts = ?3, forwarded = ?4, "
	                      "original_from = ?5, original_subject = ?6, calendar_method = ?7, "
	                      "limits_hit = ?8, bounce_of = ?9, ack_block = ?10, "
	                      "ack_to_addr = ?11, ack_to_name = ?12, order_marker = ?13 "
	                      "WHERE id = ?1", error_r);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, rowid);
	store_bind_text(stmt, 2, am->language);
	store_bind_text(stmt, 3, am->facts_json);
	sqlite3_bind_int(stmt, 4, msg->forwarded);
	store_bind_text(stmt, 5, msg->forwarded && msg->original_from.addr != NULL &&
	                         msg->original_from.addr[0] != '\0' ? msg->original_from.addr : NULL);
	store_bind_text(stmt, 6, msg->forwarded ? msg->original_subject : NULL);
	store_bind_text(stmt, 7, msg->flags.is_calendar ? msg->flags.calendar_method : NULL);
	sqlite3_bind_int(stmt, 8, (int)msg->limits_hit);
	store_bind_text(stmt, 9, msg->flags.dsn_original_message_id);
	store_bind_text(stmt, 10, am->ack_block);
	store_bind_text(stmt, 11, am->ack_to.addr);
	store_bind_text(stmt, 12, am->ack_to.addr != NULL ? am->ack_to.name : NULL);
	sqlite3_bind_int(stmt, 13, am->order_marker);
	return store_step_done(st, stmt, "storing what a message states", error_r);
}

/* Inserts (rows->rowid == 0) or rewrites the message row and its refs,
 * attachments, customer and contacts; *rowid_r is the row. */
static int write_message(struct store *st, const struct analyzed_message *am,
                         const struct message_rows *rows, int64_t *rowid_r, char **error_r)
{
	const struct parsed_message *msg = am->msg;
	int64_t customer_id;
	char *to = NULL, *cc = NULL;
	sqlite3_stmt *stmt;
	int ret = -1;

	if (rows->customer_override > 0)
		customer_id = rows->customer_override;
	else if (resolve_customer(st, am, &customer_id, error_r) < 0)
		goto out;
	to = addresses_json(&msg->to);
	cc = addresses_json(&msg->cc);
	stmt = store_stmt(st, rows->rowid == 0 ? SQL_INSERT_MESSAGE : SQL_UPDATE_MESSAGE, error_r);
	if (stmt == NULL)
		goto out;
	store_bind_text(stmt, 1, msg->message_id);
	sqlite3_bind_int(stmt, 2, msg->message_id_derived);
	sqlite3_bind_int64(stmt, 3, rows->raw_id);
	sqlite3_bind_int(stmt, 4, rows->truncated);
	sqlite3_bind_int64(stmt, 5, effective_date(msg, rows->internal_date));
	store_bind_time(stmt, 6, msg->date_valid ? msg->date : INT64_MIN);
	store_bind_time(stmt, 7, rows->internal_date);
	store_bind_text(stmt, 8, msg_direction_name(am->dir));
	store_bind_text(stmt, 9, msg_kind_name(am->kind));
	sqlite3_bind_int(stmt, 10, msg->in_reply_to != NULL || msg->n_references > 0);
	sqlite3_bind_int(stmt, 11, am->reply_subject);
	store_bind_text(stmt, 12, msg->from.addr != NULL ? msg->from.addr : "");
	store_bind_text(stmt, 13, msg->from.name != NULL ? msg->from.name : "");
	store_bind_text(stmt, 14, to);
	store_bind_text(stmt, 15, cc);
	store_bind_text(stmt, 16, msg->subject != NULL ? msg->subject : "");
	store_bind_text(stmt, 17, am->subject_norm != NULL ? am->subject_norm : "");
	store_bind_text(stmt, 18, am->snippet != NULL ? am->snippet : "");
	store_bind_text(stmt, 19, msg->body_text != NULL ? msg->body_text : "");
	store_bind_text(stmt, 20, msg->body_new != NULL ? msg->body_new : "");
	store_bind_text(stmt, 21, msg->in_reply_to);
	if (customer_id > 0)
		sqlite3_bind_int64(stmt, 22, customer_id);
	else
		sqlite3_bind_null(stmt, 22);
	store_bind_text(stmt, 23, msg->parse_error);
	if (rows->rowid != 0)
		sqlite3_bind_int64(stmt, 24, rows->rowid);
	else
		sqlite3_bind_int(stmt, 25, rows->sent_folder);
	if (store_step_done(st, stmt, "storing a message", error_r) < 0)
		goto out;
	*rowid_r = rows->rowid != 0 ? rows->rowid : sqlite3_last_insert_rowid(st->db);
	if (write_refs(st, *rowid_r, msg, error_r) < 0 ||
	    write_findings(st, am, *rowid_r, error_r) < 0 ||
	    write_attachments(st, *rowid_r, msg, error_r) < 0 ||
	    record_bounce(st, msg, error_r) < 0)
		goto out;
	/* A new row goes into the search index now; a reparse's rewrites
	 * are indexed all at once when it finishes (store_reparse_finish). */
	if (rows->rowid == 0 && store_search_index_message(st, *rowid_r, error_r) < 0)
		goto out;
	ret = 0;
out:
	free(to);
	free(cc);
	return ret;
}

int store_message_file(struct store *st, const struct analyzed_message *am,
                       const unsigned char *raw, size_t len, const struct ingest_source *src,
                       struct ingest_report *report_r, int64_t *rowid_r, char **error_r)
{
	const struct parsed_message *msg = am->msg;
	int64_t rowid = 0;
	int found;

	memset(report_r, 0, sizeof(*report_r));
	*rowid_r = 0;
	found = lookup_id(st, "SELECT m.id FROM raw_messages r JOIN messages m ON m.raw_id = r.id "
	                      "WHERE r.sha256 = ?1", am->hash, &rowid, error_r);
	if (found == 0)
		found = lookup_id(st, "SELECT id FROM messages WHERE message_id = ?1",
		                  msg->message_id, &rowid, error_r);
	if (found < 0)
		return -1;
	if (found == 1) {
		report_r->outcome = INGEST_DUPLICATE;
		if (add_location(st, rowid, src, error_r) < 0)
			return -1;
		report_r->message_id = g_strdup(msg->message_id);
		return 0;
	}

	struct message_rows rows = {
		.internal_date = src->internaldate,
		.sent_folder = src->sent_folder,
		.truncated = src->truncated,
	};
	if (insert_raw(st, am->hash, raw, len, &rows.raw_id, error_r) < 0 ||
	    write_message(st, am, &rows, &rowid, error_r) < 0 ||
	    add_location(st, rowid, src, error_r) < 0 ||
	    count_limits(st, msg->limits_hit, src->truncated, error_r) < 0)
		return -1;
	report_r->outcome = am->kind == MSG_KIND_UNPARSED ? INGEST_UNPARSED : INGEST_NEW;
	report_r->limits_hit = msg->limits_hit;
	report_r->message_id = g_strdup(msg->message_id);
	*rowid_r = rowid;
	return 0;
}

int store_own_mail_file(struct store *st, const struct analyzed_message *am,
                        const unsigned char *raw, size_t len, int64_t thread, int64_t date,
                        int64_t *rowid_r, char **error_r)
{
	int64_t rowid, customer_id = 0;
	int found;

	*rowid_r = 0;
	found = lookup_id(st, "SELECT id FROM messages WHERE message_id = ?1",
	                  am->msg->message_id, &rowid, error_r);
	if (found != 0)
		return found < 0 ? -1 : 0;   /* filed already */
	if (thread > 0) {
		sqlite3_stmt *stmt = store_stmt(st, "SELECT customer_id FROM threads WHERE id = ?1",
		                                error_r);
		if (stmt == NULL)
			return -1;
		sqlite3_bind_int64(stmt, 1, thread);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			customer_id = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
	}
	struct message_rows rows = {
		.internal_date = date,
		.customer_override = customer_id,
	};
	if (insert_raw(st, am->hash, raw, len, &rows.raw_id, error_r) < 0 ||
	    write_message(st, am, &rows, &rowid, error_r) < 0)
		return -1;
	*rowid_r = rowid;
	return 0;
}

/* ---- reparse: the store's side (core/reparse.c runs it) ---- */

int store_message_rewrite(struct store *st, const struct store_reparse_row *r,
                          const struct analyzed_message *am, bool *merged_r, char **error_r)
{
	const struct parsed_message *msg = am->msg;
	sqlite3_stmt *stmt;

	/* A parser change may give the message the Message-ID of another
	 * stored one: then they are one message, and this row goes. */
	int64_t other;
	int found = lookup_id(st, "SELECT id FROM messages WHERE message_id = ?1",
	                      msg->message_id, &other, error_r);
	*merged_r = false;
	if (found < 0)
		return -1;
	if (found == 1 && other != r->rowid) {
		*merged_r = true;
		stmt = store_stmt(st, "UPDATE locations SET message = ?2 WHERE message = ?1", error_r);
		if (stmt == NULL)
			return -1;
		sqlite3_bind_int64(stmt, 1, r->rowid);
		sqlite3_bind_int64(stmt, 2, other);
		if (store_step_done(st, stmt, "merging copies", error_r) < 0)
			return -1;
		return store_run_with_id(st, "DELETE FROM messages WHERE id = ?1", r->rowid,
		                         "merging copies", error_r);
	}

	struct message_rows rows = {
		.rowid = r->rowid,
		.raw_id = r->raw_id,
		.internal_date = r->internal_date,
		.sent_folder = r->sent_folder,
		.truncated = r->truncated,
		.customer_override = r->customer_override,
	};
	int64_t rowid;
	return write_message(st, am, &rows, &rowid, error_r);
}

int store_message_ids(struct store *st, int64_t **ids_r, size_t *n_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT id FROM messages ORDER BY date, id", error_r);
	GArray *ids = g_array_new(FALSE, FALSE, sizeof(int64_t));
	int rc;

	if (stmt == NULL) {
		g_array_free(ids, TRUE);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		g_array_append_val(ids, id);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*error_r = store_errmsg(st, "listing messages");
		g_array_free(ids, TRUE);
		return -1;
	}
	*n_r = ids->len;
	*ids_r = (int64_t *)(void *)g_array_free(ids, FALSE);
	return 0;
}

int store_reparse_row_get(struct store *st, int64_t rowid, struct store_reparse_row *r,
                          char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st,
		"SELECT m.raw_id, m.internal_date, m.truncated, m.sent_folder, m.kind, "
		"m.customer_id, m.thread_id FROM messages m WHERE m.id = ?1", error_r);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, rowid);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		r->rowid = rowid;
		r->raw_id = sqlite3_column_int64(stmt, 0);
		r->internal_date = store_col_time(stmt, 1);
		r->truncated = sqlite3_column_int(stmt, 2) != 0;
		r->sent_folder = sqlite3_column_int(stmt, 3) != 0;
		int kind = msg_kind_from_name((const char *)sqlite3_column_text(stmt, 4));
		bool own = msg_kind_is_own(kind);
		r->own_kind = own ? kind : -1;
		r->customer_override = own ? sqlite3_column_int64(stmt, 5) : 0;
		r->thread = sqlite3_column_int64(stmt, 6);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	*error_r = store_errmsg(st, "reading a message");
	return -1;
}

int store_raw_load(struct store *st, int64_t raw_id, unsigned char **packed_r,
                   size_t *packed_len_r, size_t *size_r,
                   const struct store_raw_dict **dict_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "SELECT size, data, dict_id FROM raw_messages "
	                                    "WHERE id = ?1", error_r);
	int64_t dict_id;

	*dict_r = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, raw_id);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		*error_r = store_errmsg(st, "reading a raw message");
		return -1;
	}
	*size_r = (size_t)sqlite3_column_int64(stmt, 0);
	*packed_len_r = (size_t)sqlite3_column_bytes(stmt, 1);
	*packed_r = g_memdup2(sqlite3_column_blob(stmt, 1), *packed_len_r);
	dict_id = sqlite3_column_int64(stmt, 2);
	sqlite3_reset(stmt);
	if (dict_id != 0 && store_raw_dict_get(st, dict_id, dict_r, error_r) < 0) {
		char *why = *error_r;
		*error_r = g_strdup_printf("raw message %lld cannot be read: %s", (long long)raw_id,
		                           why);
		g_free(why);
		g_free(*packed_r);
		*packed_r = NULL;
		return -1;
	}
	return 0;
}

int store_reparse_finish(struct store *st, char **error_r)
{
	/* Threads, contacts and customers left without messages; never a
	 * contact or customer that holds people's work (schema 6): what they
	 * entered outlives what the mail says. */
	return store_exec(st,
		"DELETE FROM threads WHERE id NOT IN (SELECT thread_id FROM messages "
		"  WHERE thread_id IS NOT NULL);"
		"DELETE FROM contacts WHERE customer_id NOT IN (SELECT customer_id FROM messages "
		"  WHERE customer_id IS NOT NULL) AND NOT name_manual AND role IS NULL "
		"  AND title IS NULL AND phone IS NULL;"
		"DELETE FROM customers WHERE id NOT IN (SELECT customer_id FROM messages "
		"  WHERE customer_id IS NOT NULL) AND id NOT IN (SELECT customer_id FROM threads "
		"  WHERE customer_id IS NOT NULL) "
		"  AND id NOT IN (SELECT customer_id FROM contacts) "
		"  AND id NOT IN (SELECT customer_id FROM notes) "
		"  AND id NOT IN (SELECT customer_id FROM orders) "
		"  AND id NOT IN (SELECT customer_id FROM customer_tags) "
		"  AND NOT name_manual AND country IS NULL AND industry IS NULL AND website IS NULL "
		"  AND grade_manual IS NULL AND owner IS NULL AND stage IS NULL AND source IS NULL "
		"  AND next_action IS NULL AND next_date IS NULL;", error_r);
}
