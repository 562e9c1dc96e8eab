/*
 * schema: versioned migrations. PRAGMA user_version is the version of the
 * schema in the file; each migration takes it one step further inside one
 * transaction, so a crash mid-migration leaves the old version intact.
 * Never edit a released migration: add the next one.
 */
#include <stdio.h>

#include "store/store-private.h"

static const char *const migrations[] = {
	/* 1: the spine. */
	"CREATE TABLE raw_messages ("
	"  id INTEGER PRIMARY KEY,"
	"  sha256 TEXT NOT NULL UNIQUE,"
	"  size INTEGER NOT NULL,"
	"  compression TEXT NOT NULL,"          /* 'zstd' */
	"  data BLOB NOT NULL"
	");"
	"CREATE TABLE customers ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"           /* registrable domain or free-mail address */
	"  name TEXT NOT NULL,"
	"  is_address INTEGER NOT NULL DEFAULT 0,"
	"  country TEXT,"
	"  owner TEXT"
	");"
	"CREATE TABLE contacts ("
	"  address TEXT PRIMARY KEY,"
	"  customer_id INTEGER NOT NULL REFERENCES customers(id),"
	"  name TEXT NOT NULL DEFAULT '',"
	"  undeliverable TEXT"
	");"
	"CREATE INDEX contacts_customer ON contacts(customer_id);"
	"CREATE TABLE threads ("
	"  id INTEGER PRIMARY KEY,"
	"  customer_id INTEGER REFERENCES customers(id),"
	"  subject TEXT NOT NULL,"
	"  origin TEXT NOT NULL"                /* kind of the first message */
	");"
	"CREATE INDEX threads_customer ON threads(customer_id);"
	"CREATE TABLE messages ("
	"  id INTEGER PRIMARY KEY,"
	"  message_id TEXT NOT NULL UNIQUE,"
	"  message_id_derived INTEGER NOT NULL DEFAULT 0,"
	"  raw_id INTEGER NOT NULL REFERENCES raw_messages(id),"
	"  truncated INTEGER NOT NULL DEFAULT 0,"
	"  sent_folder INTEGER NOT NULL DEFAULT 0,"  /* first seen in a sent folder */
	"  date INTEGER NOT NULL,"
	"  header_date INTEGER,"
	"  internal_date INTEGER,"
	"  direction TEXT NOT NULL,"
	"  intrinsic_kind TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  has_refs INTEGER NOT NULL DEFAULT 0,"
	"  reply_subject INTEGER NOT NULL DEFAULT 0,"
	"  from_addr TEXT NOT NULL,"
	"  from_name TEXT NOT NULL,"
	"  to_addrs TEXT NOT NULL,"             /* JSON array of addresses */
	"  cc_addrs TEXT NOT NULL,"
	"  subject TEXT NOT NULL,"
	"  subject_norm TEXT NOT NULL,"
	"  snippet TEXT NOT NULL,"
	"  body_text TEXT NOT NULL,"
	"  body_new TEXT NOT NULL,"
	"  in_reply_to TEXT,"
	"  customer_id INTEGER REFERENCES customers(id),"
	"  thread_id INTEGER REFERENCES threads(id),"
	"  parse_error TEXT"
	");"
	"CREATE INDEX messages_customer_date ON messages(customer_id, date);"
	"CREATE INDEX messages_customer_subject ON messages(customer_id, subject_norm, date);"
	"CREATE INDEX messages_thread_date ON messages(thread_id, date);"
	"CREATE INDEX messages_date ON messages(date, id);"
	"CREATE TABLE message_refs ("
	"  message INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
	"  ref TEXT NOT NULL,"
	"  idx INTEGER NOT NULL,"                 /* order in In-Reply-To, References */
	"  PRIMARY KEY (message, ref)"
	") WITHOUT ROWID;"
	"CREATE INDEX message_refs_ref ON message_refs(ref);"
	"CREATE TABLE attachments ("
	"  message INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
	"  idx INTEGER NOT NULL,"
	"  filename TEXT NOT NULL,"
	"  content_type TEXT NOT NULL,"
	"  size INTEGER NOT NULL,"
	"  is_inline INTEGER NOT NULL,"
	"  PRIMARY KEY (message, idx)"
	") WITHOUT ROWID;"
	"CREATE TABLE folders ("
	"  id INTEGER PRIMARY KEY,"
	"  account TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  uidvalidity INTEGER NOT NULL DEFAULT 0,"
	"  last_uid INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (account, name)"
	");"
	"CREATE TABLE locations ("
	"  folder_id INTEGER NOT NULL REFERENCES folders(id),"
	"  uidvalidity INTEGER NOT NULL,"
	"  uid INTEGER NOT NULL,"
	"  message INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
	"  internal_date INTEGER,"
	"  sent_folder INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (folder_id, uidvalidity, uid)"
	") WITHOUT ROWID;"
	"CREATE INDEX locations_message ON locations(message);",

	/* 2: what the parsers of issue 3 find, and counters. */
	"ALTER TABLE messages ADD COLUMN language TEXT;"          /* ISO 639-1, inbound only */
	"ALTER TABLE messages ADD COLUMN facts TEXT;"             /* JSON object, or NULL */
	"ALTER TABLE messages ADD COLUMN forwarded INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE messages ADD COLUMN original_from TEXT;"     /* a forward's original sender */
	"ALTER TABLE messages ADD COLUMN original_subject TEXT;"
	"ALTER TABLE messages ADD COLUMN calendar_method TEXT;"   /* REQUEST, CANCEL ... */
	"ALTER TABLE messages ADD COLUMN limits_hit INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE messages ADD COLUMN bounce_of TEXT;"         /* Message-ID a bounce returns */
	"CREATE TABLE counters ("
	"  name TEXT PRIMARY KEY,"
	"  value INTEGER NOT NULL DEFAULT 0"
	") WITHOUT ROWID;",

	/* 3: rules: the outbox (exactly-once sending), recorded SLA alerts,
	 * and the acknowledgement decisions taken. */
	"CREATE TABLE outbox ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"          /* what makes a send unique, e.g. ack/rule/to/inquiry */
	"  kind TEXT NOT NULL,"                /* ack, warning, alert, escalation, digest */
	"  rule TEXT,"
	"  thread_id INTEGER,"
	"  regarding TEXT,"                    /* Message-ID the mail is about */
	"  recipient TEXT NOT NULL,"
	"  envelope_from TEXT NOT NULL,"       /* '' is the null sender <> */
	"  message_id TEXT NOT NULL,"
	"  subject TEXT NOT NULL,"
	"  raw BLOB NOT NULL,"                 /* the composed message, CRLF */
	"  created INTEGER NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'pending'," /* pending, sent, failed */
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_attempt INTEGER NOT NULL,"
	"  last_error TEXT,"
	"  sent_at INTEGER"
	");"
	"CREATE INDEX outbox_due ON outbox(state, next_attempt);"
	"CREATE INDEX outbox_recipient ON outbox(kind, recipient, created);"
	"CREATE TABLE sla_events ("
	"  rule TEXT NOT NULL,"
	"  thread_id INTEGER NOT NULL,"
	"  since INTEGER NOT NULL,"            /* the clock's start: a new trigger is a new breach */
	"  level TEXT NOT NULL,"               /* warning, breached, escalated */
	"  outbox_id INTEGER,"
	"  at INTEGER NOT NULL,"
	"  PRIMARY KEY (rule, thread_id, since, level)"
	") WITHOUT ROWID;"
	"CREATE TABLE ack_decisions ("
	"  rule TEXT NOT NULL,"
	"  message INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,"
	"  verdict TEXT NOT NULL,"             /* sent, or why not */
	"  at INTEGER NOT NULL,"
	"  PRIMARY KEY (rule, message)"
	") WITHOUT ROWID;",

	/* 4: UIDs whose message the server did not hand over: tried again at
	 * each sync, given up (and listed by `followup stats`) after a while.
	 * A folder's position never moves past one that is not given up. */
	"CREATE TABLE fetch_failures ("
	"  folder_id INTEGER NOT NULL REFERENCES folders(id),"
	"  uidvalidity INTEGER NOT NULL,"
	"  uid INTEGER NOT NULL,"
	"  tries INTEGER NOT NULL,"
	"  last_error TEXT NOT NULL,"          /* the server's words */
	"  first_at INTEGER NOT NULL,"
	"  last_at INTEGER NOT NULL,"
	"  given_up INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (folder_id, uidvalidity, uid)"
	") WITHOUT ROWID;",

	/* 5: what an inbound message allows for an acknowledgement, worked
	 * out when it is analysed (ack_block: why none, '' when one may; NULL
	 * in rows filed before, which the planner analyses once more), and
	 * where one would go. */
	"ALTER TABLE messages ADD COLUMN ack_block TEXT;"
	"ALTER TABLE messages ADD COLUMN ack_to_addr TEXT;"
	"ALTER TABLE messages ADD COLUMN ack_to_name TEXT;",

	/* 6: the follow-up sheet's records: what people know of a customer
	 * and its contacts beyond the mail, the notes they write on its
	 * timeline, and its orders and payments. Everything here is people's
	 * work: reparse never rewrites it, and a customer or contact holding
	 * any of it is never swept as an orphan (store_reparse_finish). The
	 * customers' country (schema 1, unused until now) is the country a
	 * person set; NULL: guessed from the domain when read (core/). */
	"ALTER TABLE customers ADD COLUMN name_manual INTEGER NOT NULL DEFAULT 0;" /* mail never renames */
	"ALTER TABLE customers ADD COLUMN industry TEXT;"
	"ALTER TABLE customers ADD COLUMN website TEXT;"
	"ALTER TABLE customers ADD COLUMN grade_manual TEXT;"     /* a person's grade, overrides */
	"ALTER TABLE customers ADD COLUMN grade_computed TEXT;"   /* the grading's, NULL until run */
	"ALTER TABLE customers ADD COLUMN grade_computed_at INTEGER;"
	"ALTER TABLE customers ADD COLUMN stage TEXT;"
	"ALTER TABLE customers ADD COLUMN source TEXT;"            /* fair, platform, website … */
	"ALTER TABLE customers ADD COLUMN source_mail TEXT;"       /* what the first mail tells */
	"ALTER TABLE customers ADD COLUMN next_action TEXT;"
	"ALTER TABLE customers ADD COLUMN next_date TEXT;"         /* YYYY-MM-DD or …T…Z (UTC) */
	"ALTER TABLE customers ADD COLUMN updated INTEGER;"        /* a person's last change */
	"CREATE TABLE customer_tags ("
	"  customer_id INTEGER NOT NULL REFERENCES customers(id),"
	"  tag TEXT NOT NULL,"                  /* lowercase, no comma */
	"  PRIMARY KEY (customer_id, tag)"
	") WITHOUT ROWID;"
	"CREATE INDEX customer_tags_tag ON customer_tags(tag);"
	"ALTER TABLE contacts ADD COLUMN name_manual INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE contacts ADD COLUMN role TEXT;"              /* buyer, engineer, finance … */
	"ALTER TABLE contacts ADD COLUMN title TEXT;"
	"ALTER TABLE contacts ADD COLUMN phone TEXT;"             /* E.164 */
	/* Timeline entries people write (a call, a meeting …), and later the
	 * stage moves: kind 'stage' with the stages from and to, moved by a
	 * person (author) or by a mail (message_id, author NULL). */
	"CREATE TABLE notes ("
	"  id INTEGER PRIMARY KEY,"
	"  customer_id INTEGER NOT NULL REFERENCES customers(id),"
	"  kind TEXT NOT NULL,"                 /* call meeting visit sample whatsapp note stage */
	"  date INTEGER NOT NULL,"              /* when it happened */
	"  text TEXT NOT NULL,"
	"  author TEXT,"                        /* who wrote it; NULL: followupd */
	"  message_id TEXT,"                    /* the mail behind an entry followupd made */
	"  stage_from TEXT,"
	"  stage_to TEXT,"
	"  created INTEGER NOT NULL"
	");"
	"CREATE INDEX notes_customer_date ON notes(customer_id, date);"
	/* Amounts in thousandths of the currency's unit: exact for every ISO
	 * 4217 currency, and sums stay exact in SQL. */
	"CREATE TABLE orders ("
	"  id INTEGER PRIMARY KEY,"
	"  customer_id INTEGER NOT NULL REFERENCES customers(id),"
	"  number TEXT NOT NULL UNIQUE,"
	"  amount_milli INTEGER NOT NULL,"
	"  currency TEXT NOT NULL,"             /* ISO 4217 */
	"  incoterm TEXT,"
	"  due TEXT,"                           /* YYYY-MM-DD */
	"  deposit_milli INTEGER,"              /* a deposit as an amount, or */
	"  deposit_percent REAL,"               /* as a share of the amount */
	"  quote_message_id TEXT,"              /* the quote it came from */
	"  state TEXT NOT NULL DEFAULT 'open',"
	"  created INTEGER NOT NULL,"
	"  updated INTEGER"
	");"
	"CREATE INDEX orders_customer ON orders(customer_id);"
	"CREATE TABLE payments ("
	"  id INTEGER PRIMARY KEY,"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),"
	"  amount_milli INTEGER NOT NULL,"
	"  date TEXT NOT NULL,"                 /* YYYY-MM-DD */
	"  created INTEGER NOT NULL"
	");"
	"CREATE INDEX payments_order ON payments(order_id);",

	/* 7: the occasions of the sheet's dates already told (a payment
	 * reminder, a next action, a silence): one row each, so that each is
	 * told once, also when nobody could be told. item: 'order:ID' or
	 * 'customer:KEY' (keys outlive a reparse; order ids are people's). */
	"CREATE TABLE sheet_events ("
	"  rule TEXT NOT NULL,"
	"  item TEXT NOT NULL,"
	"  occasion TEXT NOT NULL,"           /* before, late-2, a date, a silence's start */
	"  at INTEGER NOT NULL,"
	"  PRIMARY KEY (rule, item, occasion)"
	") WITHOUT ROWID;",

	/* 8: our proforma invoices and order confirmations: sales mail whose
	 * subject or new text carries an order marker (data/order_markers.txt,
	 * as the analysis found it). With a PI number and a total in its
	 * facts, an outbound one proposes an order (store_order_proposals).
	 * Mail's column: reparse recomputes it. */
	"ALTER TABLE messages ADD COLUMN order_marker INTEGER NOT NULL DEFAULT 0;",

	/* 9: every change people make to the sheet: who, when, what, the
	 * value before and after (`followup log`). People's work: reparse
	 * never touches it. The customer's key is kept as written then, so
	 * the line still reads after the customer is gone. */
	"CREATE TABLE changes ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  actor TEXT NOT NULL,"               /* a [person]'s email, or root */
	"  customer_id INTEGER,"
	"  customer TEXT,"                     /* its key then */
	"  command TEXT NOT NULL,"             /* customer set, note add, order paid … */
	"  field TEXT NOT NULL,"               /* grade, owner, note, payment … */
	"  old TEXT,"
	"  new TEXT"
	");"
	"CREATE INDEX changes_customer ON changes(customer_id, at);"
	"CREATE INDEX changes_actor ON changes(actor, at);",

	/* 10: what `followup forget` erased: when, by whom, what kind of
	 * thing and how many items, no personal data. suppress: a hash of
	 * the address or customer key whose new mail is not filed again
	 * (NULL when it may be). */
	"CREATE TABLE forgotten ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"                /* address, customer */
	"  items INTEGER NOT NULL,"
	"  suppress TEXT"
	");"
	"CREATE INDEX forgotten_suppress ON forgotten(suppress);",

	/* 11: the search index (store/search.c): the words of each message
	 * (subject, new content, attachment names, sender), note and customer
	 * record, CJK runs as characters and bigrams (search_text(), a
	 * function of the store's connection: lib/search_text.h). rowid: the
	 * entry's id * 4 + 0 message, 1 note, 2 customer; cust: "cid<id>".
	 * Filled here from what is stored, in the migration's transaction
	 * (docs/DECISIONS.md, "Search (issue 10)"). */
	"CREATE VIRTUAL TABLE search USING fts5(subject, body, attach, who, cust, "
	"  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');"
	"INSERT INTO search (rowid, subject, body, attach, who, cust) "
	"SELECT m.id * 4, search_text(m.subject), search_text(m.body_new), "
	"search_text((SELECT group_concat(a.filename, ' ') FROM attachments a "
	"  WHERE a.message = m.id)), search_text(m.from_name, m.from_addr), "
	"CASE WHEN m.customer_id IS NULL THEN '' ELSE 'cid' || m.customer_id END "
	"FROM messages m;"
	"INSERT INTO search (rowid, subject, body, attach, who, cust) "
	"SELECT n.id * 4 + 1, '', search_text(n.text), '', search_text(n.author), "
	"'cid' || n.customer_id FROM notes n WHERE n.kind != 'stage';"
	"INSERT INTO search (rowid, subject, body, attach, who, cust) "
	"SELECT c.id * 4 + 2, search_text(c.name, c.key), search_text(c.industry, c.website, "
	"c.source, c.next_action, (SELECT group_concat(t.tag, ' ') FROM customer_tags t "
	"  WHERE t.customer_id = c.id)), '', '', 'cid' || c.id FROM customers c;",

	/* 12: zstd dictionaries trained from the store's own mail (store/raw.c;
	 * docs/DECISIONS.md, "Performance: the store's size (issue 12)"). A
	 * raw message with dict_id was compressed with that dictionary; one
	 * without, alone, as before. sha256: of data, checked at load. A
	 * dictionary holds pieces of the mail it was trained from: when
	 * `followup forget` erases one of those messages (span_rows no longer
	 * all there), its rows are compressed again and it is deleted. */
	"CREATE TABLE raw_dicts ("
	"  id INTEGER PRIMARY KEY,"
	"  trained_at INTEGER NOT NULL,"
	"  samples INTEGER NOT NULL,"          /* messages it was trained from */
	"  sample_from INTEGER NOT NULL,"      /* their raw ids span this range, */
	"  sample_to INTEGER NOT NULL,"
	"  span_rows INTEGER NOT NULL,"        /* which held this many rows then */
	"  sha256 TEXT NOT NULL,"
	"  data BLOB NOT NULL"
	");"
	"ALTER TABLE raw_messages ADD COLUMN dict_id INTEGER REFERENCES raw_dicts(id);",

	/* 13: what the last listing of a folder saw (daemon/sync.c; docs/
	 * DECISIONS.md, "Performance: the first sync and the idle poll"):
	 * every UID below uidnext is stored, given up or a fetch failure, so
	 * a poll lists only from there (0: not known yet, list from last_uid);
	 * messages: the count the server gave then. */
	"ALTER TABLE folders ADD COLUMN uidnext INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE folders ADD COLUMN messages INTEGER NOT NULL DEFAULT 0;",

	/* 14: indexes for the CLI's queries on a million messages (issue 12;
	 * docs/DECISIONS.md, "Performance: the CLI on a million messages").
	 * - the customers list's dates and counts (customers_query): every
	 *   column it aggregates, so a customer's figures are read from the
	 *   index alone, never from the message rows;
	 * - the quotes we sent (store_quotes), with their thread, so that
	 *   whether one is open is known before its row is read; and the
	 *   buyer's sales mail of a thread by date, which says whether and
	 *   when a quote was answered: partial indexes, covering;
	 * - the threads with mail since a date (store_sla_threads, the rules
	 *   pass and `overdue`), from the index alone.
	 * IF NOT EXISTS: a store rewound to an older version (a test, or two
	 * branches' migrations renumbered at a merge) migrates again cleanly. */
	"CREATE INDEX IF NOT EXISTS messages_customer_figures "
	"  ON messages(customer_id, date, direction, kind, thread_id);"
	"CREATE INDEX IF NOT EXISTS messages_quotes_sent ON messages(date, thread_id) "
	"  WHERE direction = 'out' AND kind = 'quote';"
	"CREATE INDEX IF NOT EXISTS messages_thread_sales_in "
	"  ON messages(thread_id, date, direction, kind) "
	"  WHERE direction = 'in' AND kind IN ('inquiry', 'reply', 'quote');"
	"CREATE INDEX IF NOT EXISTS messages_date_thread ON messages(date, thread_id);",

	/* 15: indexes for `followup kpi` and `quotes` on a million messages
	 * (docs/DECISIONS.md, "Performance: kpi, quotes and customers"):
	 * - every message of a thread in (date, id) order with what the
	 *   figures need of it (its direction, kind and writer), so a
	 *   period's conversations are read from the index in order, never
	 *   from the message rows, and nothing is sorted (store/kpi.c);
	 * - the quotes we sent in (date, id) order with all that a listing of
	 *   them prints (thread, customer, Message-ID, subject, facts), so
	 *   `quotes` and the period's quotes of `kpi` read no message row
	 *   (a quote's row is several pages with its text) and sort nothing;
	 * - the quotes by thread, so that which are still open is decided in
	 *   thread order, next to the buyer's mail of messages_thread_sales_in.
	 * Partial indexes name direction and kind as columns too: SQLite reads
	 * the WHERE's columns from the index. IF NOT EXISTS, as 14. */
	"CREATE INDEX IF NOT EXISTS messages_thread_kpi "
	"  ON messages(thread_id, date, id, direction, kind, from_addr);"
	"CREATE INDEX IF NOT EXISTS messages_quotes_list "
	"  ON messages(date, id, thread_id, customer_id, message_id, direction, kind, subject, facts) "
	"  WHERE direction = 'out' AND kind = 'quote';"
	"CREATE INDEX IF NOT EXISTS messages_quotes_thread "
	"  ON messages(thread_id, date, direction, kind) "
	"  WHERE direction = 'out' AND kind = 'quote';",

	/* 16: the messages of one kind, by date: what `search --kind` keeps,
	 * read before the walk when it is few (store/search.c, keep_set_read;
	 * docs/DECISIONS.md, "Performance: search on a million messages").
	 * IF NOT EXISTS, as 14. */
	"CREATE INDEX IF NOT EXISTS messages_kind_date ON messages(kind, date);",

	/* 17: the indexes that another now makes redundant, which every
	 * filed message still paid for: messages_thread_date (thread_id,
	 * date) and messages_customer_date (customer_id, date) are the first
	 * columns of 15's messages_thread_kpi and 14's
	 * messages_customer_figures, which serve the same lookups in the same
	 * order; 14's messages_quotes_sent no query uses since 15's
	 * messages_quotes_list and messages_quotes_thread. */
	"DROP INDEX IF EXISTS messages_thread_date;"
	"DROP INDEX IF EXISTS messages_customer_date;"
	"DROP INDEX IF EXISTS messages_quotes_sent;",
};

int store_schema_version(void)
{
	return (int)G_N_ELEMENTS(migrations);
}

const char *store_migration_sql(int version)
{
	if (version < 1 || version > store_schema_version())
		return NULL;
	return migrations[version - 1];
}

static int read_version(struct store *st, int *version_r, char **error_r)
{
	sqlite3_stmt *stmt = store_stmt(st, "PRAGMA user_version", error_r);
	if (stmt == NULL)
		return -1;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		*error_r = store_errmsg(st, "reading the schema version");
		return -1;
	}
	*version_r = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return 0;
}

static int apply_migration(struct store *st, int to_version, char **error_r)
{
	char pragma[64];

	if (store_begin(st, error_r) < 0)
		return -1;
	/* Another process may have migrated while we waited for the lock. */
	int version;
	if (read_version(st, &version, error_r) < 0)
		goto fail;
	if (version >= to_version)
		return store_commit(st, error_r);
	if (store_exec(st, migrations[to_version - 1], error_r) < 0)
		goto fail;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", to_version);
	if (store_exec(st, pragma, error_r) < 0)
		goto fail;
	return store_commit(st, error_r);
fail:
	store_rollback(st);
	return -1;
}

int store_migrate(struct store *st, char **error_r)
{
	int version;

	if (read_version(st, &version, error_r) < 0)
		return -1;
	if (version > store_schema_version()) {
		*error_r = g_strdup_printf("%s: schema version %d is newer than this program's %d; "
		                           "upgrade followup", st->path, version,
		                           store_schema_version());
		return -1;
	}
	if (st->mode == STORE_READ_ONLY) {
		if (version < store_schema_version()) {
			*error_r = g_strdup_printf("%s: schema version %d is older than this "
			                           "program's %d; start followupd once to migrate it",
			                           st->path, version, store_schema_version());
			return -1;
		}
		return 0;
	}
	for (int v = version + 1; v <= store_schema_version(); v++) {
		if (apply_migration(st, v, error_r) < 0)
			return -1;
	}
	return 0;
}
