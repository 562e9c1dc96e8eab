#ifndef FOLLOWUP_STORE_STORE_H
#define FOLLOWUP_STORE_STORE_H
/*
 * store: the SQLite database behind every timeline. The only code that
 * includes sqlite3.h. Used by the daemon (writes) and the CLI (reads,
 * reparse), concurrently: WAL mode, synchronous=NORMAL, writes in
 * BEGIN IMMEDIATE transactions, a busy timeout for the other side.
 *
 * The store knows nothing of config files: callers pass what it needs.
 * Results are GLib-allocated and owned by the caller unless said otherwise.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "classify/classify.h"

struct store;

enum store_mode {
	STORE_READ_WRITE = 0,  /* creates the file and migrates the schema */
	STORE_READ_ONLY,       /* the schema must exist and be current */
};

/* 0, or -1 with *error_r (g_free) naming the file and what to do. */
int store_open(const char *path, enum store_mode mode, struct store **st_r, char **error_r);
void store_close(struct store **st);
/* The file's path as opened. */
const char *store_path(const struct store *st);

/* ---- one followupd per store ---- */

/* An exclusive lock on "<store>.lock", held for a daemon's whole life.
 * store_lock_acquire() fails at once with -2 (*error_r naming the store,
 * the lock file and the holder's "NAME (pid N)") when another process
 * holds it, -1 on other errors; holder is what this process is called in
 * that message. A
 * followupd that executes itself again calls store_lock_keep_across_exec()
 * first; the new image's store_lock_acquire() takes the inherited lock
 * over (through FOLLOWUP_STORE_LOCK_FD) without ever letting it go. */
struct store_lock;
int store_lock_acquire(const char *store_path, const char *holder, struct store_lock **lock_r,
                       char **error_r);
int store_lock_keep_across_exec(struct store_lock *lock);
void store_lock_release(struct store_lock **lock);
/* "<store>.lock", a new string. */
char *store_lock_path(const char *store_path);

/* Schema version this build writes (PRAGMA user_version). */
int store_schema_version(void);

/* Why the last failed call failed, for callers that wait and try again
 * rather than give up: a full disk, an I/O error, another process holding
 * the write lock too long, or anything else. Since the last
 * store_failure_clear(). */
enum store_failure {
	STORE_FAILURE_NONE = 0,
	STORE_FAILURE_FULL,       /* SQLITE_FULL: no space (or [store] size limit) */
	STORE_FAILURE_IO,         /* SQLITE_IOERR, SQLITE_CANTOPEN */
	STORE_FAILURE_BUSY,       /* SQLITE_BUSY, SQLITE_LOCKED */
	STORE_FAILURE_OTHER,
};
enum store_failure store_last_failure(const struct store *st);
void store_failure_clear(struct store *st);
/* Rows changed since the store was opened: a job that changed some and
 * succeeded proves the store writable. */
uint64_t store_changes(const struct store *st);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. 0 or -1 with *error_r. */
int store_begin(struct store *st, char **error_r);
int store_commit(struct store *st, char **error_r);
void store_rollback(struct store *st);

/* ---- sync positions ---- */

struct store_folder {
	int64_t id;
	uint32_t uidvalidity;  /* 0 until the first sync */
	uint32_t last_uid;     /* highest UID stored */
	uint32_t uidnext;      /* every UID below it was listed and is stored, given
	                        * up or a fetch failure; 0 until known (schema 13) */
	uint32_t messages;     /* the server's count when uidnext was recorded */
};

/* Looks up (creating when missing) the folder of an account. */
int store_folder_get(struct store *st, const char *account, const char *folder,
                     struct store_folder *folder_r, char **error_r);
/* A new UIDVALIDITY: forget the UIDs of the old one; the next sync starts
 * at UID 1 and dedupe keeps the timeline free of duplicates. */
int store_folder_reset(struct store *st, int64_t folder_id, uint32_t uidvalidity,
                       char **error_r);
/* Inside the transaction that stored the messages up to last_uid; never
 * past a UID with a fetch failure that is not given up (failures.c). */
int store_folder_advance(struct store *st, int64_t folder_id, uint32_t last_uid,
                         char **error_r);
/* Inside the transaction that stored (or recorded as failures) the last
 * UIDs listed below uidnext: the next poll lists only from uidnext, or
 * nothing when the server's UIDNEXT is still uidnext. */
int store_folder_listed(struct store *st, int64_t folder_id, uint32_t uidnext,
                        uint32_t messages, char **error_r);

/* ---- messages a server did not hand over (failures.c) ---- */

#define STORE_FETCH_GIVE_UP_TRIES 5
#define STORE_FETCH_GIVE_UP_AFTER (24 * 3600)

/* The server listed uid but did not send its message (why: in the
 * server's words). Counts a try (*tries_r, this one included);
 * *given_up_r true once the UID has had
 * STORE_FETCH_GIVE_UP_TRIES tries over STORE_FETCH_GIVE_UP_AFTER seconds.
 * Until then store_folder_advance() stays below it. */
int store_fetch_failed(struct store *st, int64_t folder_id, uint32_t uidvalidity, uint32_t uid,
                       const char *why, int64_t now, unsigned *tries_r, bool *given_up_r,
                       char **error_r);
/* The UID's message is stored now (or the UID is gone): no failure left. */
int store_fetch_succeeded(struct store *st, int64_t folder_id, uint32_t uidvalidity,
                          uint32_t uid, char **error_r);
/* After listing the folder's UIDs above last_uid (uids sorted ascending):
 * drops those already stored or given up (the first n_r remain, in
 * order), forgets failures of UIDs no longer listed (expunged), and moves
 * the position up to the first UID left to fetch. In a transaction. */
int store_folder_filter_new(struct store *st, int64_t folder_id, uint32_t uidvalidity,
                            uint32_t last_uid, uint32_t *uids, size_t n, size_t *n_r,
                            char **error_r);
/* The UIDs above last_uid whose fetch failed and is not given up, in
 * order: the first max of them in *uids_r (the caller frees it), and
 * *n_r the count of them all (above max: more than the caller asked). */
int store_folder_failed_uids(struct store *st, int64_t folder_id, uint32_t uidvalidity,
                             uint32_t last_uid, size_t max, uint32_t **uids_r, size_t *n_r,
                             char **error_r);
/* qsort/bsearch comparison of uint32_t UIDs. */
int store_uid_cmp(const void *a, const void *b);

struct store_fetch_failure {
	char *account, *folder;
	uint32_t uidvalidity, uid;
	unsigned tries;
	char *last_error;
	int64_t first_at, last_at;
	bool given_up;
};
/* Every recorded failure, by account, folder and UID (for `followup stats`). */
int store_fetch_failures(struct store *st, struct store_fetch_failure **list_r, size_t *n_r,
                         char **error_r);
void store_fetch_failures_free(struct store_fetch_failure **list, size_t n);

/* ---- filing (ingest.c, thread.c) ----
 *
 * core/ analyses a message (core/analyze.c) and the store persists what
 * it worked out: the store itself classifies nothing. core/filing.c and
 * core/reparse.c put the calls below together. */

struct analyzed_message;      /* classify/analyzed.h */
struct thread_entry;          /* classify/classify.h */

/* Where a raw message was found. */
struct ingest_source {
	int64_t folder_id;
	uint32_t uidvalidity;
	uint32_t uid;
	int64_t internaldate;    /* Unix seconds, or INT64_MIN when unknown */
	bool sent_folder;
	bool truncated;          /* only the header was fetched (too large) */
	uint64_t full_size;      /* RFC822.SIZE on the server */
};

enum ingest_outcome {
	INGEST_NEW = 0,          /* a new timeline entry */
	INGEST_DUPLICATE,        /* a copy of a message already stored */
	INGEST_UNPARSED,         /* stored raw with kind "unparsed" */
	INGEST_FORGOTTEN,        /* not stored: `followup forget` erased its sender or
	                            customer and asked that their mail stays out */
};

/* What filing did with one message. */
struct ingest_report {
	enum ingest_outcome outcome;
	char *message_id;        /* g_free; NULL on failure */
	unsigned limits_hit;     /* MSG_LIMIT_* of a new message: each counted in the store */
};

/* Files one analysed message (am->hash set): raw copy (compressed), the
 * message's rows, customer, contacts, location; or, for a copy of a
 * message stored already (the same bytes or Message-ID), only its
 * location. *rowid_r: the new row to thread (store_thread_join), 0 for a
 * copy. Inside a transaction (store_begin). 0 or -1 with *error_r. */
int store_message_file(struct store *st, const struct analyzed_message *am,
                       const unsigned char *raw, size_t len, const struct ingest_source *src,
                       struct ingest_report *report_r, int64_t *rowid_r, char **error_r);
/* Files a mail followupd sent (an ack, an alert; am->hash set, its kind
 * fixed) on the timeline: on the customer of thread when thread > 0.
 * *rowid_r 0 when its Message-ID is stored already (nothing done). */
int store_own_mail_file(struct store *st, const struct analyzed_message *am,
                        const unsigned char *raw, size_t len, int64_t thread, int64_t date,
                        int64_t *rowid_r, char **error_r);
/* "mime-depth, parts" for MSG_LIMIT_* bits (plus "size" for a message
 * stored as its header); a new string. */
char *store_limits_text(unsigned limits_hit, bool truncated);
/* Lowercase hex SHA-256 of raw bytes, as the store keys raw copies. */
char *store_raw_hash(const unsigned char *raw, size_t len);

/* Files message rowid into a thread: by References and In-Reply-To both
 * ways, else by normalised subject within window seconds of a message of
 * the same customer, else a thread of its own. settle_r: the threads
 * (0: none) whose kinds must be worked out again and settled. */
int store_thread_join(struct store *st, int64_t rowid, int64_t window, int64_t settle_r[2],
                      char **error_r);
/* Files message rowid in thread (our own mail about it); settle it then. */
int store_thread_put(struct store *st, int64_t rowid, int64_t thread, char **error_r);
/* A thread's messages as the classifier sees them (struct thread_entry,
 * in date order, seq the row id), to be settled with the kinds it gave. */
struct store_thread_members;
int store_thread_members_load(struct store *st, int64_t thread,
                              struct store_thread_members **t_r, char **error_r);
struct thread_entry *store_thread_members_entries(struct store_thread_members *t,
                                                 size_t *n_r);
/* Writes each entry's kind, and the thread's origin, customer (its first
 * message's with one) and subject (its first sales message's); an empty
 * thread is dropped. */
int store_thread_settle(struct store *st, const struct store_thread_members *t,
                        enum msg_kind origin, char **error_r);
void store_thread_members_free(struct store_thread_members **t);

/* A customer's stage and its moves (stages.c; the rules of a move are
 * rules/stage.h's). */
struct store_stage_at {
	int64_t customer_id;
	char *stage;              /* NULL: a lead */
	int64_t date;             /* the message's */
	char *message_id;
	int64_t last_move_at;     /* the customer's latest move, INT64_MIN: none */
};
/* The customer of message rowid and its stage at the message's date (the
 * last move before it): 1, 0 when the message has no customer, -1. */
int store_stage_of_message(struct store *st, int64_t rowid, struct store_stage_at *at_r,
                           char **error_r);
void store_stage_at_clear(struct store_stage_at *at);
struct store_stage_move {
	int64_t customer_id;
	const char *from, *to;    /* NULL: a lead */
	int64_t date;             /* when it moved */
	const char *author;       /* the person who moved it; NULL: the mail did */
	const char *message_id;   /* the mail that moved it, or NULL */
	int64_t created;
	bool current;             /* the newest move: the customer's stage now */
};
/* Puts the move on the customer's timeline, and sets the stage when it is
 * the newest. */
int store_stage_move(struct store *st, const struct store_stage_move *m, char **error_r);
/* Before a reparse: the mail's moves go, each customer back where its
 * people's last move left it. */
int store_stage_forget_mail_moves(struct store *st, char **error_r);

/* Reparse, the store's side: the rows in date order, each row's filing
 * facts and raw bytes, the rewrite, and the sweep of what no message
 * uses any more. */
struct store_reparse_row {
	int64_t rowid;
	int64_t raw_id;
	int64_t internal_date;
	bool sent_folder;
	bool truncated;
	int own_kind;             /* our acks and alerts keep their kind; else -1 */
	int64_t customer_override;/* and their customer; else 0 */
	int64_t thread;
};
/* Every message row id, in date order (a new array, g_free). */
int store_message_ids(struct store *st, int64_t **ids_r, size_t *n_r, char **error_r);
/* 1 with *row_r, 0 when the row is gone (merged meanwhile), -1. */
int store_reparse_row_get(struct store *st, int64_t rowid, struct store_reparse_row *row_r,
                          char **error_r);
/* The stored (compressed) bytes of a raw message, a copy (g_free), the
 * raw size and the compression dictionary they need (NULL for none; owned
 * by the store, valid until it is closed or a transaction rolls back);
 * store_raw_unpack() makes them raw again on any thread. -1 with *error_r
 * also when the row's dictionary is missing or damaged. */
struct store_raw_dict;
int store_raw_load(struct store *st, int64_t raw_id, unsigned char **packed_r,
                   size_t *packed_len_r, size_t *size_r,
                   const struct store_raw_dict **dict_r, char **error_r);
int store_raw_unpack(const struct store_raw_dict *dict, const unsigned char *packed, size_t len,
                     size_t raw_len, unsigned char **raw_r);
/* Rewrites row r from its analysis. *merged_r: its Message-ID is now
 * another row's, so it was merged into that one and is gone. */
int store_message_rewrite(struct store *st, const struct store_reparse_row *r,
                          const struct analyzed_message *am, bool *merged_r, char **error_r);
/* After a reparse: drops threads, customers, contacts without messages,
 * but never a customer or contact that holds what people entered (its
 * record fields, tags, notes, orders; a contact's name, role, title or
 * phone). */
int store_reparse_finish(struct store *st, char **error_r);

/* Decompressed raw bytes of a message (by Message-ID without <>). */
int store_raw_get(struct store *st, const char *message_id, unsigned char **raw_r,
                  size_t *len_r, char **error_r);

/* ---- rules: acknowledgements ---- */

struct ack_history;

/* An inbound inquiry a rule may acknowledge. */
struct store_ack_candidate {
	int64_t message;          /* row id */
	char *message_id;
	int64_t date;
	int64_t thread;
	char *customer;           /* key, or NULL */
	char *language;           /* or NULL */
	char *subject;
	/* What analysing it found (classify/analyzed.h): */
	bool screened;            /* false: filed before schema 5, not screened */
	char *ack_block;          /* why none may go, "" when one may */
	char *ack_to_addr, *ack_to_name;  /* where one goes, or NULL */
	bool message_id_derived;  /* made up by us: not to be referred to */
};
/* Inbound inquiries dated at or after since on which rule has not decided. */
int store_ack_candidates(struct store *st, const char *rule, int64_t since,
                         struct store_ack_candidate **candidates_r, size_t *n_r, char **error_r);
void store_ack_candidates_free(struct store_ack_candidate **candidates, size_t n);
/* What was acknowledged already: in the thread (ever), to recipient and to
 * its domain since `since`, and to anyone since `hour_since`. */
int store_ack_history(struct store *st, const char *rule, int64_t thread, const char *recipient,
                      int64_t since, int64_t hour_since, struct ack_history *history_r,
                      char **error_r);
/* Records the rule's decision on a message ("sent" or why not): it is
 * never decided again. */
int store_ack_record(struct store *st, const char *rule, int64_t message, const char *verdict,
                     int64_t at, char **error_r);

/* ---- outbox: exactly-once sending ---- */

struct store_outbox_new {
	const char *key;          /* unique: the same key is never queued twice */
	const char *kind;         /* "ack", "warning", "alert", "escalation", "digest" */
	const char *rule;
	int64_t thread;           /* 0: none */
	const char *regarding;    /* Message-ID it is about, or NULL */
	const char *recipient;
	const char *envelope_from;/* "" for the null sender */
	const char *message_id;
	const char *subject;
	const char *raw;
	size_t len;
	int64_t created;
};

struct store_outbox_item {
	int64_t id;
	char *key, *kind, *rule, *regarding, *recipient, *envelope_from, *message_id, *subject;
	char *state;              /* "pending", "sending", "sent", "failed" */
	char *last_error;
	int64_t thread;
	int64_t created, next_attempt, sent_at;   /* sent_at INT64_MIN when not sent */
	unsigned attempts;
	char *raw;                /* only from store_outbox_claim() */
	size_t len;
};

/* Queues a message; *id_r is its id, or 0 when the key was queued before
 * (nothing is added). Inside the caller's transaction. */
int store_outbox_add(struct store *st, const struct store_outbox_new *m, int64_t *id_r,
                     char **error_r);
/* Whether a message of that key was ever queued (what store_outbox_add()
 * would ignore), so a planner can skip composing it. 0 or -1. */
int store_outbox_has_key(struct store *st, const char *key, bool *has_r, char **error_r);
/* Claims the oldest pending message due at now: state "sending", one
 * more attempt. Run it in a transaction of its own and send only after
 * that committed. 1 and *item_r (with raw; free with
 * store_outbox_items_free(item_r, 1)), 0 when nothing is due, -1. */
int store_outbox_claim(struct store *st, int64_t now, struct store_outbox_item **item_r,
                       char **error_r);
/* At start: messages a stopped followupd left "sending" go back to
 * "pending", due at once; *items_r lists them (without raw) for the log. */
int store_outbox_recover(struct store *st, int64_t now, struct store_outbox_item **items_r,
                         size_t *n_r, char **error_r);
/* Messages not yet sent nor given up (pending, due now or later, or
 * being sent), for followupd's status line. */
int store_outbox_waiting(struct store *st, int64_t *n_r, char **error_r);
/* For `followup outbox`: pending and failed (all: also sent), newest first. */
int store_outbox_list(struct store *st, bool all, struct store_outbox_item **items_r,
                      size_t *n_r, char **error_r);
/* The server answered 250: marked sent. sent_r (may be NULL) gets what
 * to file on the thread's timeline (core_outbox_sent() does, in the same
 * transaction). store_outbox_retry() makes a claimed message pending
 * again, due at next_attempt; store_outbox_failed() gives it up. */
struct store_sent_mail {
	char *kind;               /* "ack", "alert", "digest" … */
	int64_t thread;           /* 0: none */
	unsigned char *raw;
	size_t len;
};
int store_outbox_sent(struct store *st, int64_t id, int64_t now,
                      struct store_sent_mail *sent_r, char **error_r);
void store_sent_mail_clear(struct store_sent_mail *m);
int store_outbox_retry(struct store *st, int64_t id, int64_t next_attempt, const char *why,
                       char **error_r);
int store_outbox_failed(struct store *st, int64_t id, const char *why, char **error_r);
void store_outbox_items_free(struct store_outbox_item **items, size_t n);

/* ---- rules: service levels ---- */

struct sla_thread;

/* Threads with a message dated at or after since (older ones are
 * settled), as the service-level rules see them (struct sla_thread,
 * rules/sla.h). The caller owns the array: store_sla_threads_free(). */
int store_sla_threads(struct store *st, int64_t since, struct sla_thread **threads_r,
                      size_t *n_r, char **error_r);
void store_sla_threads_free(struct sla_thread **threads, size_t n);

/* ---- the team's figures (store/kpi.c) ---- */

/* Called with each thread of store_kpi_threads(), borrowed until it
 * returns (the next thread reuses it). */
typedef void store_kpi_thread_fn(const struct sla_thread *thread, void *ctx);
/* The threads of sales mail (origin inquiry, reply or quote) with a
 * message dated in [from, until), by id, each with all its messages as
 * store_sla_threads() reads them (its customer, owner, country and
 * writer; subject and last message not read: "" and 0), to fn
 * one at a time. fn must not use st. 0, or -1 with *error_r. */
int store_kpi_threads(struct store *st, int64_t from, int64_t until, store_kpi_thread_fn *fn,
                      void *ctx, char **error_r);
struct store_quote;
/* Called with each quote of store_kpi_quotes() and store_quotes_each(),
 * borrowed until it returns. */
typedef void store_quote_fn(const struct store_quote *quote, void *ctx);
/* Our quotes dated in [from, until) with a customer, in no set order:
 * message_id, date, thread and customer only (subject and facts NULL,
 * answered_at not read: INT64_MIN). fn must not use st. 0 or -1. */
int store_kpi_quotes(struct store *st, int64_t from, int64_t until, store_quote_fn *fn,
                     void *ctx, char **error_r);

/* The Message-ID and snippet of a message (an sla_thread's last_message,
 * which an alert refers to and quotes): new strings, both NULL when it
 * is gone. Read for the threads that alert only, so that listing the
 * threads reads no message row. */
int store_sla_message_about(struct store *st, int64_t message, char **message_id_r,
                            char **snippet_r, char **error_r);
/* Records that an alert level of a breach was queued; *added_r false when
 * it was already. */
int store_sla_event_add(struct store *st, const char *rule, int64_t thread, int64_t since,
                        const char *level, int64_t outbox_id, int64_t at, bool *added_r,
                        char **error_r);
int store_sla_event_has(struct store *st, const char *rule, int64_t thread, int64_t since,
                        const char *level, bool *has_r, char **error_r);

/* ---- privacy: what is held about a person, and forgetting it
 * (store/forget.c) ---- */

/* How many rows a forget removes (or would, on a dry run). */
struct store_forget_counts {
	int64_t messages, raw, contacts, notes, outbox, threads, changes, customers, orders;
};
/* Removes everything held about address (lowercase): the messages it
 * sent or got (To, Cc), their raw copies, its contact, the notes and
 * change-log lines that name it, the outbox rows to it, the threads left
 * empty. dry_run: counts only. In the caller's transaction. 0 or -1. */
int store_forget_address(struct store *st, const char *address, bool dry_run,
                         struct store_forget_counts *counts_r, char **error_r);
/* The same for a customer and all it holds; its orders and payments only
 * with with_orders (else 1 when it has orders, removing nothing). */
int store_forget_customer(struct store *st, int64_t customer_id, bool with_orders,
                          bool dry_run, struct store_forget_counts *counts_r, char **error_r);
/* The record that it happened (suppress: a hash whose mail is not filed
 * again, or NULL). */
int store_forgotten_add(struct store *st, int64_t at, const char *actor, const char *kind,
                        int64_t items, const char *suppress, char **error_r);
/* *has_r: a forget asked that mail matching this hash is not filed. */
int store_forgotten_has(struct store *st, const char *suppress, bool *has_r, char **error_r);
/* After a forget has committed: the deleted pages overwritten in the file
 * and the write-ahead log emptied, so no copy of them stays on disk. */
int store_scrub(struct store *st, char **error_r);

/* The messages address sent or got, for export-personal: their
 * Message-ID, date, direction, subject and text (owned). */
struct store_personal_message {
	char *message_id, *direction, *subject, *text, *customer;
	int64_t date;
};
int store_personal_messages(struct store *st, const char *address,
                            struct store_personal_message **msgs_r, size_t *n_r,
                            char **error_r);
void store_personal_messages_free(struct store_personal_message **msgs, size_t n);
/* The notes whose text names address, in the same shape (message_id
 * NULL, direction the note's kind, subject its author). */
int store_personal_notes(struct store *st, const char *address,
                         struct store_personal_message **notes_r, size_t *n_r, char **error_r);

/* ---- the change log (store/changes.c) ---- */

/* One change people made (borrowed strings; NULL: none). */
struct store_change {
	int64_t at;
	const char *actor;
	int64_t customer_id;      /* 0: none */
	const char *customer;
	const char *command;
	const char *field;
	const char *old_value;
	const char *new_value;
};
/* Records it, in the caller's transaction. 0 or -1. */
int store_change_add(struct store *st, const struct store_change *c, char **error_r);

/* A change as read back (owned strings). */
struct store_change_row {
	int64_t id;
	int64_t at;
	char *actor, *customer, *command, *field, *old_value, *new_value;
};
/* Changes, oldest first; customer_id 0 and actor NULL: all. */
int store_change_log(struct store *st, int64_t customer_id, const char *actor,
                  struct store_change_row **rows_r, size_t *n_r, char **error_r);
void store_change_log_free(struct store_change_row **rows, size_t n);

/* ---- rules: the sheet's dates (store/sheet_data.c) ---- */

/* Records that the occasion of item (e.g. "order:12", "customer:kunde.de")
 * under rule was told; *added_r false when it was already. */
int store_sheet_event_add(struct store *st, const char *rule, const char *item,
                          const char *occasion, int64_t at, bool *added_r, char **error_r);
int store_sheet_event_has(struct store *st, const char *rule, const char *item,
                          const char *occasion, bool *has_r, char **error_r);

/* Who at a customer may get a payment reminder: its contacts who wrote us
 * sales mail (an inquiry, a reply), not undeliverable; a contact whose
 * role is finance first, then the latest writer; at most 8, best first.
 * Each its address and name (strings owned: g_strfreev-like pairs freed
 * by store_reminder_contacts_free). */
struct store_reminder_contact {
	char *address;
	char *name;               /* "" when none */
};
int store_reminder_contacts(struct store *st, int64_t customer_id,
                            struct store_reminder_contact **contacts_r, size_t *n_r,
                            char **error_r);
void store_reminder_contacts_free(struct store_reminder_contact **contacts, size_t n);
/* The language of the customer's latest inbound mail that has one (ISO
 * 639-1), or NULL (*language_r, new string). 0 or -1. */
int store_customer_language(struct store *st, int64_t customer_id, char **language_r,
                            char **error_r);

/* The customer's key and assigned owner (*owner_r NULL: nobody's), new
 * strings: 0, 1 when there is no such customer, or -1. What a permission
 * check needs, without the record's aggregates. */
int store_customer_owner(struct store *st, int64_t customer_id, char **key_r, char **owner_r,
                         char **error_r);
/* Sets (owner NULL: clears) the customer's assigned owner. */
int store_customer_assign(struct store *st, int64_t customer_id, const char *owner,
                          char **error_r);

/* ---- queries (CLI) ---- */

struct store_entry {
	int64_t id;
	char *message_id;
	int64_t date;            /* effective date: Date:, else INTERNALDATE */
	int64_t header_date;     /* INT64_MIN when absent */
	int64_t internal_date;   /* INT64_MIN when unknown */
	char *direction;         /* "in" / "out" */
	char *kind;
	char *from_addr;
	char *from_name;
	char **to;               /* NULL-terminated addresses */
	char **cc;
	char *subject;
	char *snippet;
	int64_t thread;
	char *customer;          /* key, or NULL for internal mail */
	unsigned n_attachments;
	char *parse_error;       /* NULL when parsed cleanly */
	char *language;          /* ISO 639-1 or NULL */
	char *facts;             /* JSON object text, or NULL */
	bool forwarded;
	char *original_from;     /* a forward's original sender, or NULL */
	char *original_subject;
	char *calendar_method;   /* NULL unless a calendar invitation */
	char *bounce_of;         /* Message-ID a bounce returns, or NULL */
	bool truncated;          /* stored as its header only */
	unsigned limits_hit;
	char *stage_from;        /* a stage move's (kind "stage"): the stages as stored */
	char *stage_to;          /* (built-in ids; NULL: a lead), else NULL */
	/* Only filled by store_message_get(): */
	char *body_text;
	char *body_new;
	char *in_reply_to;
	char **references;
	char **folders;          /* "account/folder" where copies were seen */
	struct store_attachment *attachments;
};

struct store_attachment {
	char *filename;
	char *content_type;
	uint64_t size;
	bool is_inline;
};

struct store_contact {
	char *address;
	char *name;
	char *undeliverable;     /* status code, or NULL */
	/* What people know of the contact (schema 6); NULL when not set. */
	char *role;              /* buyer, engineer, finance, decision-maker, other */
	char *title;
	char *phone;             /* E.164 */
	bool name_manual;        /* name set by a person: mail does not change it */
};

struct store_customer {
	int64_t id;
	char *key;
	char *name;
	struct store_contact *contacts;
	size_t n_contacts;
	int64_t first_seen;      /* INT64_MIN when none */
	int64_t last_inbound;    /* sales mail from them */
	int64_t last_outbound;   /* mail a person of ours wrote: never followupd's own
	                          * (OWN_MAIL_KINDS: ack, alert, reminder) */
	uint64_t n_messages;
	uint64_t n_threads;
	/* The record people keep (schema 6); NULL when not set. */
	char *country;           /* ISO 3166-1 alpha-2 a person set; NULL: core/ guesses */
	char *industry;
	char *website;
	char *owner;             /* a [person]'s email */
	char *stage;
	char *source;
	char *next_action;
	char *next_date;         /* YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SSZ */
	char *grade_manual;      /* a person's grade: it overrides */
	char *grade_computed;    /* the grading's; NULL until it has run */
	char **tags;             /* sorted; NULL-terminated, never NULL */
	bool name_manual;        /* name set by a person */
};

struct store_thread {
	int64_t id;
	char *customer;          /* key or NULL */
	char *subject;
	char *origin;            /* kind of the thread's first message: "inquiry" for a sales thread */
	int64_t first_date;
	int64_t last_date;
	uint64_t n_messages;
	char *last_direction;
	char *last_kind;
};

/* How a TARGET of `followup timeline` resolved. */
struct store_target {
	int64_t customer_id;
	char *customer_key;
};

/* Resolves an address (via its contact, else its customer key), a domain,
 * a customer key, or a numeric customer id. Returns 0, -1 on error, or 1
 * when nothing matches (no error). key_of_address (may be NULL) computes
 * the customer key of an address/domain not yet known as a contact. */
typedef char *store_key_fn(const char *address_or_domain, void *ctx);
int store_resolve_target(struct store *st, const char *target, store_key_fn *key_of,
                         void *key_ctx, struct store_target *target_r, char **error_r);

/* Entries of a customer, by date. */
int store_timeline(struct store *st, int64_t customer_id, struct store_entry ***entries_r,
                   size_t *n_r, char **error_r);
int store_customers(struct store *st, struct store_customer ***customers_r, size_t *n_r,
                    char **error_r);
/* Every customer by id, in brief: id, key, name, country, owner, stage,
 * grades and last_inbound only (no contacts or tags; first_seen and
 * last_outbound INT64_MIN, counts 0). For figures over all customers
 * (store/kpi.c). Free as store_customers(). */
int store_customers_brief(struct store *st, struct store_customer ***customers_r, size_t *n_r,
                          char **error_r);
/* What store_customers_where() keeps (NULL: any): a superset of what the
 * caller's own filter keeps, so that the figures of the customers it
 * leaves out are never worked out. grade: the customer's grade
 * (grade_manual, else grade_computed), exactly; owner: an owner's email
 * (ASCII case ignored), or owner_none for the unowned. */
struct store_customer_where {
	const char *grade;
	const char *owner;
	bool owner_none;
};
int store_customers_where(struct store *st, const struct store_customer_where *where,
                          struct store_customer ***customers_r, size_t *n_r, char **error_r);
/* One customer by id, as store_customers() gives it: 0, 1 when there is
 * none, -1. */
int store_customer_get(struct store *st, int64_t customer_id, struct store_customer **c_r,
                       char **error_r);
/* customer_id < 0: all threads. */
int store_threads(struct store *st, int64_t customer_id, struct store_thread ***threads_r,
                  size_t *n_r, char **error_r);
/* 0, 1 when no such message, -1 on error. */
int store_message_get(struct store *st, const char *message_id, struct store_entry **entry_r,
                      char **error_r);

/* ---- search (search.c) ----
 *
 * One FTS5 table, `search`, holds the words of every message (subject,
 * new content, attachment names, sender), note and customer record,
 * CJK text as characters and bigrams (lib/search_text.h). Its rowid is
 * the entry's id * 4 plus the source below. Written in the transaction
 * that files the mail or changes the note or customer; reparse makes it
 * again. */
enum store_search_source {
	STORE_SEARCH_MESSAGE = 0,    /* messages.id */
	STORE_SEARCH_NOTE = 1,       /* notes.id */
	STORE_SEARCH_CUSTOMER = 2,   /* customers.id */
};

struct store_search_query {
	const char *match;        /* an FTS5 expression (lib/search_query.h), or NULL */
	int64_t customer_id;      /* > 0: only this customer's entries */
	const char *kind;         /* an entry's kind ("quote", "call", "customer"), or NULL */
	int64_t since;            /* entries dated at or after, or INT64_MIN */
	size_t limit;             /* at most this many, best first */
};

struct store_search_hit {
	struct store_entry *entry; /* as store_timeline() gives it; a customer's
	                            * record: direction and kind "customer", subject
	                            * its name, date its last change */
	enum store_search_source source;
	double rank;              /* bm25: lower is better */
	char **texts;             /* the texts searched, to show the match in:
	                           * NULL-terminated, best first */
};

/* The best hits (at most q->limit), by rank. An FTS5 syntax error (never
 * from lib/search_query) is -1 like any other. */
int store_search(struct store *st, const struct store_search_query *q,
                 struct store_search_hit **hits_r, size_t *n_r, char **error_r);
void store_search_hits_free(struct store_search_hit **hits, size_t n);
/* Removes the index rows of the given ids of one source (for `forget`:
 * call it in the transaction that deletes the messages, notes or
 * customer, before or after the delete). Ids without a row are fine. */
int store_search_remove(struct store *st, enum store_search_source source,
                        const int64_t *ids, size_t n, char **error_r);
/* Reparse makes the index again in steps, each in a transaction of its
 * own so that followupd is never kept waiting for long: _begin drops it
 * and indexes the notes and customers; each _messages call indexes the
 * next messages after rowid `after` (at most limit), *last_r the last
 * done: 1, 0 when none was left, -1. Until the last step a search finds
 * only what is indexed so far. */
int store_search_rebuild_begin(struct store *st, char **error_r);
int store_search_rebuild_messages(struct store *st, int64_t after, unsigned limit,
                                  int64_t *last_r, char **error_r);
/* The number of rows in the index (stats, tests). */
int store_search_count(struct store *st, int64_t *n_r, char **error_r);

/* ---- the follow-up sheet: records people keep (records.c) ----
 *
 * Every write here is people's work; callers validate the values
 * (core/records.c) and run the writes in a transaction (store_begin). */

/* A change to a customer's record. A NULL field is left as it is; ""
 * clears it: name back to what the mail says, grade back to the
 * computed one, owner to nobody. */
struct store_customer_edit {
	const char *name, *country, *industry, *website, *grade, *owner, *stage, *source,
	           *next_action, *next_date;
	char *const *tags;       /* the whole new set, NULL-terminated, when tags_set */
	bool tags_set;
	const char *author;      /* who changes it (a stage move says so); NULL: unknown */
};
int store_customer_update(struct store *st, int64_t customer_id,
                          const struct store_customer_edit *edit, int64_t now, char **error_r);
/* The customer of key, made (named by its key, is_address when key is
 * an address) when there is none yet, as a spreadsheet's import does:
 * 0 with *customer_id_r and *created_r, or -1. */
int store_customer_ensure(struct store *st, const char *key, int64_t *customer_id_r,
                          bool *created_r, char **error_r);
/* Makes owner the owner of a customer that has none: 0 done, 1 when it
 * has one already (*owner_r, g_free: who), -1. */
int store_customer_claim(struct store *st, int64_t customer_id, const char *owner,
                         char **owner_r, char **error_r);

/* A contact by address (any case): 0 with *contact_r (store_contact_clear)
 * and *customer_id_r, 1 when there is none, -1. */
int store_contact_get(struct store *st, const char *address, struct store_contact *contact_r,
                      int64_t *customer_id_r, char **error_r);
void store_contact_clear(struct store_contact *c);
/* A change to a contact, as for customers ("" clears; name "" lets the
 * mail name it again). The contact is made, on customer_id, when the
 * mail has not. */
struct store_contact_edit {
	const char *name, *role, *title, *phone;
};
int store_contact_update(struct store *st, int64_t customer_id, const char *address,
                         const struct store_contact_edit *edit, char **error_r);

/* A timeline entry a person writes. */
struct store_note_new {
	int64_t customer_id;
	const char *kind;        /* call, meeting, visit, sample, whatsapp, note */
	int64_t date;
	const char *text;
	const char *author;      /* who wrote it, or NULL */
	int64_t created;
};
int store_note_add(struct store *st, const struct store_note_new *note, int64_t *id_r,
                   char **error_r);
/* A customer's notes as timeline entries (direction "note", kind the
 * note's, snippet its text, from its author), by date. */
int store_notes(struct store *st, int64_t customer_id, struct store_entry ***entries_r,
                size_t *n_r, char **error_r);

/* A quote we sent (an outbound message of kind quote). */
struct store_quote {
	char *message_id;
	int64_t date;
	char *subject;
	char *facts;             /* its trade facts, a JSON object text, or NULL */
	int64_t answered_at;     /* the buyer's first answer after it in its thread
	                          * (sales mail, not an auto-reply); INT64_MIN: none */
	int64_t thread;
	char *customer;          /* its customer's key */
};
/* The quotes of one customer, or of all (customer_id 0), by date. */
int store_quotes(struct store *st, int64_t customer_id, struct store_quote **quotes_r,
                 size_t *n_r, char **error_r);
/* store_quotes_select() one at a time to fn, in the same order, nothing
 * kept (open ones: answered_at INT64_MIN). fn must not use st. 0 or -1. */
int store_quotes_each(struct store *st, int64_t customer_id, bool open_only,
                      store_quote_fn *fn, void *ctx, char **error_r);
/* store_quotes(), open_only: those still without an answer. */
int store_quotes_select(struct store *st, int64_t customer_id, bool open_only,
                        struct store_quote **quotes_r, size_t *n_r, char **error_r);
void store_quotes_free(struct store_quote **quotes, size_t n);

/* ---- orders and payments (orders.c) ----
 * Amounts in thousandths of the currency's unit. */
struct store_payment {
	int64_t amount_milli;
	char *date;              /* YYYY-MM-DD */
};
struct store_order {
	int64_t id;
	int64_t customer_id;
	char *customer;          /* its customer's key */
	char *number;
	int64_t amount_milli;
	char *currency;
	char *incoterm;          /* or NULL */
	char *due;               /* YYYY-MM-DD, or NULL */
	int64_t deposit_milli;   /* INT64_MIN: none as an amount */
	double deposit_percent;  /* < 0: none as a share */
	char *quote_message_id;  /* or NULL */
	char *state;
	int64_t paid_milli;      /* the payments added up */
	struct store_payment *payments;  /* by date */
	size_t n_payments;
};
/* The orders of one customer, or of all (customer_id 0), in the order
 * they were entered, with their payments. */
int store_orders(struct store *st, int64_t customer_id, struct store_order **orders_r,
                 size_t *n_r, char **error_r);
/* The order of that number: 0 with *order_r (one order: free with
 * store_orders_free(order, 1)), 1 when there is none, -1. */
int store_order_get(struct store *st, const char *number, struct store_order **order_r,
                    char **error_r);
void store_orders_free(struct store_order **orders, size_t n);

/* An order's fields as written (checked by core/orders.c; borrowed).
 * NULL: none; deposit_milli INT64_MIN and deposit_percent < 0: none. */
struct store_order_fields {
	const char *number;
	int64_t amount_milli;
	const char *currency;
	const char *incoterm;
	const char *due;
	int64_t deposit_milli;
	double deposit_percent;
	const char *quote_message_id;
	const char *state;
};
/* 0, 1 when an order has that number already, -1. */
int store_order_add(struct store *st, int64_t customer_id, const struct store_order_fields *f,
                    int64_t now, char **error_r);
/* Writes every field of the order. 0 or -1. */
int store_order_update(struct store *st, int64_t order_id, const struct store_order_fields *f,
                       int64_t now, char **error_r);
int store_payment_add(struct store *st, int64_t order_id, int64_t amount_milli,
                      const char *date, int64_t now, char **error_r);

/* An order our mail proposes: an outbound message by a person (not
 * OWN_MAIL_KINDS) that names itself a proforma invoice or an order
 * confirmation (order_marker, schema 8) and whose facts hold a reference
 * and a total, while no order has that number or came from that message.
 * Nothing is made of it until a person confirms it (core/orders.h). */
struct store_proposal {
	char *message_id;
	int64_t date;
	int64_t customer_id;
	char *customer;          /* its customer's key */
	char *subject;
	char *facts;             /* its trade facts, a JSON object text */
};
/* The proposals of one customer, or of all (customer_id 0), or only the
 * message message_id (NULL: any), by date. */
int store_order_proposals(struct store *st, int64_t customer_id, const char *message_id,
                          struct store_proposal **props_r, size_t *n_r, char **error_r);
void store_proposals_free(struct store_proposal **props, size_t n);

/* What the store holds, for `followup stats`. */
struct store_count {
	char *name;
	uint64_t value;
};
struct store_folder_stats {
	char *account;
	char *folder;
	uint32_t uidvalidity;
	uint32_t last_uid;
	uint64_t messages;       /* copies seen in this folder */
};
struct store_stats {
	uint64_t messages, customers, contacts, threads, raw_bytes, stored_bytes;
	struct store_count *kinds;           /* messages per kind */
	size_t n_kinds;
	struct store_count *counters;        /* e.g. "limit.mime-depth" */
	size_t n_counters;
	struct store_folder_stats *folders;
	size_t n_folders;
	struct store_fetch_failure *failures;   /* messages a server did not hand over */
	size_t n_failures;
};
int store_stats(struct store *st, struct store_stats **stats_r, char **error_r);
void store_stats_free(struct store_stats **stats);

/* Adds delta to a named counter (inside the caller's transaction). */
int store_counter_add(struct store *st, const char *name, int64_t delta, char **error_r);

void store_entry_free(struct store_entry **e);
void store_customer_free(struct store_customer **c);
void store_thread_free(struct store_thread **t);
void store_target_clear(struct store_target *t);
/* Frees an array returned by a query and every element. */
void store_entries_free(struct store_entry ***entries, size_t n);
void store_customers_free(struct store_customer ***customers, size_t n);
void store_threads_free(struct store_thread ***threads, size_t n);

/* ---- the follow-up sheet: grades (grades.c) ----
 *
 * What grading needs to know of each customer, gathered in one query;
 * the store grades nothing (rules/grade.c does, through core/grade.c). */
struct store_grade_facts {
	int64_t customer_id;
	char *key;
	char *grade_manual;          /* NULL: none */
	char *grade_computed;        /* as the last grading left it; NULL: never graded */
	int64_t value_milli;         /* orders in the window in the currency asked for */
	uint64_t n_orders;           /* orders in the window, any currency, not cancelled */
	int64_t last_inbound;        /* their last sales mail; INT64_MIN: never */
	int64_t first_contact;       /* the first mail either way; INT64_MIN: none */
	uint64_t n_ours;             /* mails a person of ours wrote them in the window */
	uint64_t n_answered;         /* of those, the ones they wrote after in the thread */
};
/* The facts of every customer (customer_id 0) or of one, by key, counting
 * orders (by the day they were entered) and our mails dated from since
 * up to now; nothing dated after now counts. 0 with *facts_r (*n_r of
 * them; store_grade_facts_free), or -1. */
int store_grade_facts(struct store *st, int64_t customer_id, int64_t since, int64_t now,
                      const char *currency, struct store_grade_facts **facts_r, size_t *n_r,
                      char **error_r);
void store_grade_facts_free(struct store_grade_facts **facts, size_t n);
/* Records a customer's computed grade (NULL clears it) and when. */
int store_grade_write(struct store *st, int64_t customer_id, const char *grade, int64_t at,
                      char **error_r);
/* When grades were last computed (the latest of any customer), or
 * INT64_MIN when never. 0 or -1. */
int store_grade_last_run(struct store *st, int64_t *at_r, char **error_r);

#endif
