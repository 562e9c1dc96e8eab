#ifndef FOLLOWUP_STORE_PRIVATE_H
#define FOLLOWUP_STORE_PRIVATE_H
/* Shared between the files of store/ only. */
#include <sqlite3.h>
#include <glib.h>

#include "store/store.h"

struct store {
	sqlite3 *db;
	char *path;
	enum store_mode mode;
	bool in_transaction;
	int last_error;          /* extended SQLite code of the last failure */
	void *zstd;              /* ZSTD_CCtx, made at the first raw message */
	/* raw.c's compression dictionaries: id -> struct store_raw_dict, the
	 * one new messages use (when raw_dict_known), and the highest raw id
	 * from which one is trained. Dropped at every rollback. */
	GHashTable *raw_dicts;
	const struct store_raw_dict *raw_dict_current;
	bool raw_dict_known;
	int64_t raw_train_at;
	GHashTable *stmts;       /* SQL text (static string) -> sqlite3_stmt* */
};

/* A prepared statement for a static SQL string, reset and with bindings
 * cleared; cached for the life of the store. NULL on error (*error_r). */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, char **error_r);
/* "what: sqlite message" as a new string. */
char *store_errmsg(struct store *st, const char *what);
/* Steps a statement that returns no rows and resets it; on failure
 * *error_r says what was being done. 0 or -1. */
int store_step_done(struct store *st, sqlite3_stmt *stmt, const char *what, char **error_r);
/* The one value of a cached statement without parameters that returns one
 * row (a count, a max): *value_r, or none (SQL NULL) when it is NULL. 0,
 * or -1 with *error_r saying what was being done. */
int store_scalar(struct store *st, const char *sql, const char *what, int64_t none,
                 int64_t *value_r, char **error_r);
struct sla_thread;
/* Adds the message of stmt's current row to a service-level thread t
 * (store_sla_threads, store_kpi_threads): its columns from col on are
 * date, direction, kind, from_addr and id. An unknown kind is a reply;
 * our last reply or quote names the thread's writer; the last message
 * not our own automatic mail is the one an alert is about. */
void store_sla_message_add(struct sla_thread *t, GArray *msgs, sqlite3_stmt *stmt, int col);
/* Runs a cached statement whose only parameter ?1 is id. 0 or -1. */
int store_run_with_id(struct store *st, const char *sql, int64_t id, const char *what,
                      char **error_r);
/* Runs SQL without results. 0 or -1 with *error_r. */
int store_exec(struct store *st, const char *sql, char **error_r);

/* The kinds of the mail followupd itself sends (acknowledgements, alerts,
 * payment reminders): on the timeline, but never a contact by a person of
 * ours (msg_kind_is_own() says the same in C). */
#define OWN_MAIL_KINDS "('ack', 'alert', 'reminder')"
/* Non-sales mail does not count as the customer writing to us. */
#define SALES_KINDS "('inquiry', 'reply', 'quote')"

/* search.c: the most entries a kind or date filter of store_search()
 * reads as a set before the walk (default 50,000; more are checked row by
 * row). For tests, which check both ways on a small store. */
void store_search_set_keep_max(size_t n);

/* Binds text, or NULL when s is NULL. */
int store_bind_text(sqlite3_stmt *stmt, int idx, const char *s);
/* Binds an int64, or NULL when v == INT64_MIN. */
int store_bind_time(sqlite3_stmt *stmt, int idx, int64_t v);
/* Column as a new string ("" for NULL when empty_for_null, else NULL). */
char *store_col_text(sqlite3_stmt *stmt, int col, bool empty_for_null);
/* Column as int64, INT64_MIN for NULL. */
int64_t store_col_time(sqlite3_stmt *stmt, int col);

/* The notes of a customer (records.c) appended to out as timeline
 * entries (struct store_entry *). 0 or -1. */
/* mail_stages: also the stage moves the mail made (author NULL). */
int store_notes_append(struct store *st, int64_t customer_id, bool mail_stages, GPtrArray *out,
                       char **error_r);
/* GCompareFunc of two struct store_entry ** by date. */
int store_entry_date_cmp(gconstpointer a, gconstpointer b);
/* store_entry_free() as a GDestroyNotify. */
void store_entry_free_one(gpointer e);

/* A message row as a timeline entry: the columns of ENTRY_COLUMNS (m the
 * message, c its customer) made into an entry (queries.c). */
#define ENTRY_COLUMNS \
	"m.id, m.message_id, m.date, m.header_date, m.internal_date, m.direction, m.kind, " \
	"m.from_addr, m.from_name, m.to_addrs, m.cc_addrs, m.subject, m.snippet, " \
	"m.thread_id, c.key, (SELECT count(*) FROM attachments a WHERE a.message = m.id " \
	"AND NOT a.is_inline), m.parse_error, m.language, m.facts, m.forwarded, " \
	"m.original_from, m.original_subject, m.calendar_method, m.bounce_of, m.truncated, " \
	"m.limits_hit"
struct store_entry *store_entry_from_row(sqlite3_stmt *stmt);
/* A note row as a timeline entry: n.id, n.kind, n.date, n.text, n.author,
 * c.key, n.stage_from, n.stage_to (records.c). */
struct store_entry *store_note_entry(sqlite3_stmt *stmt);

/* The search index (search.c): search_text() for SQL, and the rows of
 * one message (with its customer's), note or customer written again.
 * Inside the caller's transaction. */
int store_search_register(struct store *st, char **error_r);
int store_search_index_message(struct store *st, int64_t message_rowid, char **error_r);
int store_search_index_note(struct store *st, int64_t note_id, char **error_r);
int store_search_index_customer(struct store *st, int64_t customer_id, char **error_r);
/* Drops the index and makes it again from every message, note and
 * customer in one statement each (migration 11 fills it the same way). */
int store_search_rebuild(struct store *st, char **error_r);

/* Schema migrations (schema.c). */
int store_migrate(struct store *st, char **error_r);
/* The SQL that takes the schema from version - 1 to version (tests build
 * old stores with it), or NULL. */
const char *store_migration_sql(int version);

/* Raw message compression (raw.c). */
/* Compresses raw, with dict unless NULL, handing the output to sink
 * piece by piece (each piece valid during the call). The same input and
 * dictionary give the same pieces every time. 0, or -1 when zstd or the
 * sink (returning -1) fails. */
typedef int store_raw_sink_fn(const unsigned char *piece, size_t n, void *ctx);
int store_raw_pack(struct store *st, const struct store_raw_dict *dict,
                   const unsigned char *raw, size_t len, store_raw_sink_fn *sink, void *ctx);
/* The dictionary to compress a new raw message with (*dict_r, NULL for
 * none; owned by the store). Inside a transaction, trains one first when
 * the store has enough mail and none yet. 0 or -1. */
int store_raw_dict_for_new(struct store *st, const struct store_raw_dict **dict_r,
                           char **error_r);
/* Dictionary id, loaded and checked against its SHA-256 at first use
 * (owned by the store); -1 with *error_r when missing or damaged. */
int store_raw_dict_get(struct store *st, int64_t id, const struct store_raw_dict **dict_r,
                       char **error_r);
/* Its raw_dicts.id; 0 for NULL. */
int64_t store_raw_dict_id(const struct store_raw_dict *dict);
/* Trains a dictionary from the heads of the latest max_rows messages
 * stored without one and compresses those again with it, inside the
 * caller's transaction. 1 trained, 0 zdict found nothing to learn, -1. */
int store_raw_train(struct store *st, unsigned max_rows, char **error_r);
/* After raw messages were erased (forget.c, in its transaction): every
 * dictionary trained from one of them is retired, since it may hold
 * pieces of them; its rows are compressed again with a dictionary
 * trained from the mail that is left (or alone). *retired_r: how many.
 * 0 or -1. */
int store_raw_dicts_sweep(struct store *st, int *retired_r, char **error_r);
/* Forgets the cached dictionaries (after a rollback, at close). */
void store_raw_dicts_free(struct store *st);

#endif
