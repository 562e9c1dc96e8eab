/* store: schema, ingest, dedupe, threading, positions, reparse, queries,
 * against a real SQLite file in a temp dir. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libpsl.h>

#include "parsers/message.h"
#include "rules/ack.h"
#include "rules/sla.h"
#include "classify/classify.h"
#include "core/filing.h"
#include "core/reparse.h"
#include "lib/search_query.h"
#include "store/store.h"
#include "store/store-private.h"   /* to build a store of an older schema */
#include "tests/unit/tmp_tree.h"

struct fixture {
	char *dir;
	char *path;
	psl_ctx_t *psl;
	struct classify *cls;
	struct filing_options opts;
	struct store *st;
	int64_t folder_id;
	uint32_t next_uid;
};

static int setup(void **state)
{
	struct fixture *f = g_new0(struct fixture, 1);
	static const char *const own[] = { "example.com", NULL };
	const char *error = NULL;
	char *err = NULL;

	f->dir = g_dir_make_tmp("followup-store-XXXXXX", NULL);
	f->path = g_build_filename(f->dir, "test.db", NULL);
	f->psl = psl_load_file("/usr/share/publicsuffix/public_suffix_list.dat");
	if (f->psl == NULL)
		f->psl = (psl_ctx_t *)psl_builtin();
	assert_non_null(f->psl);
	struct classify_options co = { .own_domains = own, .psl = f->psl };
	assert_int_equal(classify_new(&co, &f->cls, &error), 0);
	f->opts.analyze.cls = f->cls;
	f->opts.thread_window = 30 * 24 * 3600;
	assert_int_equal(store_open(f->path, STORE_READ_WRITE, &f->st, &err), 0);
	struct store_folder folder;
	assert_int_equal(store_folder_get(f->st, "sales", "INBOX", &folder, &err), 0);
	f->folder_id = folder.id;
	f->next_uid = 1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(&f->st);
	classify_free(&f->cls);
	if (f->psl != psl_builtin())
		psl_free(f->psl);
	test_tmp_tree_remove(f->dir);
	g_free(f->dir);
	g_free(f->path);
	g_free(f);
	return 0;
}

/* Files one message in its own transaction; returns the outcome. */
static enum ingest_outcome ingest_at(struct fixture *f, const char *raw, bool sent,
                                     int64_t internaldate)
{
	struct ingest_report report;
	char *error = NULL;
	struct ingest_source src = {
		.folder_id = f->folder_id,
		.uidvalidity = 1,
		.uid = f->next_uid++,
		.internaldate = internaldate,
		.sent_folder = sent,
	};

	assert_int_equal(store_begin(f->st, &error), 0);
	int rc = core_file_raw(f->st, &f->opts, (const unsigned char *)raw, strlen(raw), &src,
 	                      &report, &error);
	if (rc < 0)
		fail_msg("ingest: %s", error);
	assert_int_equal(store_commit(f->st, &error), 0);
	g_free(report.message_id);
	return report.outcome;
}

/* Without an INTERNALDATE: the Date header is the date. */
static enum ingest_outcome ingest(struct fixture *f, const char *raw, bool sent)
{
	return ingest_at(f, raw, sent, INT64_MIN);
}

static const char INQUIRY[] =
	"From: Hans <hans@kunde.de>\r\nTo: sales@example.com\r\n"
	"Subject: Anfrage Pumpen\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n"
	"Message-ID: <inq@kunde.de>\r\n\r\nWir brauchen 200 Pumpen.\r\n";
static const char OUR_REPLY[] =
	"From: Li Wei <li.wei@example.com>\r\nTo: hans@kunde.de\r\n"
	"Subject: AW: Anfrage Pumpen\r\nDate: Mon, 02 Nov 2026 12:00:00 +0100\r\n"
	"Message-ID: <ans@example.com>\r\nIn-Reply-To: <inq@kunde.de>\r\n"
	"References: <inq@kunde.de>\r\n\r\nGerne, anbei unser Preis.\r\n";
static const char THEIR_REPLY[] =
	"From: Hans <hans@kunde.de>\r\nTo: li.wei@example.com\r\n"
	"Subject: Re: AW: Anfrage Pumpen\r\nDate: Tue, 03 Nov 2026 09:00:00 +0100\r\n"
	"Message-ID: <re@kunde.de>\r\nIn-Reply-To: <ans@example.com>\r\n"
	"References: <inq@kunde.de> <ans@example.com>\r\n\r\nDanke!\r\n";

static int64_t customer_id(struct fixture *f, const char *target)
{
	struct store_target t;
	char *error = NULL;

	assert_int_equal(store_resolve_target(f->st, target, NULL, NULL, &t, &error), 0);
	int64_t id = t.customer_id;
	store_target_clear(&t);
	return id;
}

static struct store_entry **timeline(struct fixture *f, const char *target, size_t *n_r)
{
	struct store_entry **entries = NULL;
	char *error = NULL;

	assert_int_equal(store_timeline(f->st, customer_id(f, target), &entries, n_r, &error), 0);
	return entries;
}

static void test_schema_is_current_and_readable(void **state)
{
	struct fixture *f = *state;
	struct store *ro = NULL;
	char *error = NULL;

	assert_true(store_schema_version() >= 1);
	assert_int_equal(store_open(f->path, STORE_READ_ONLY, &ro, &error), 0);
	store_close(&ro);
	assert_null(ro);
	/* WAL mode: the write-ahead log file exists next to the database. */
	ingest(f, INQUIRY, false);
	char *wal = g_strconcat(f->path, "-wal", NULL);
	assert_true(g_file_test(wal, G_FILE_TEST_EXISTS));
	g_free(wal);
}

static void test_read_only_open_of_missing_file_fails_clearly(void **state)
{
	struct fixture *f = *state;
	struct store *ro = NULL;
	char *error = NULL;
	char *missing = g_build_filename(f->dir, "none.db", NULL);

	assert_int_equal(store_open(missing, STORE_READ_ONLY, &ro, &error), -1);
	assert_non_null(strstr(error, "none.db"));
	assert_non_null(strstr(error, "followupd"));
	g_free(error);
	g_free(missing);
}

static void test_conversation_is_one_thread_with_kinds(void **state)
{
	struct fixture *f = *state;
	size_t n;

	assert_int_equal(ingest(f, INQUIRY, false), INGEST_NEW);
	assert_int_equal(ingest(f, OUR_REPLY, true), INGEST_NEW);
	assert_int_equal(ingest(f, THEIR_REPLY, false), INGEST_NEW);
	struct store_entry **e = timeline(f, "kunde.de", &n);
	assert_int_equal(n, 3);
	assert_string_equal(e[0]->kind, "inquiry");
	assert_string_equal(e[0]->direction, "in");
	assert_string_equal(e[1]->kind, "reply");
	assert_string_equal(e[1]->direction, "out");
	assert_string_equal(e[2]->kind, "reply");
	assert_string_equal(e[2]->direction, "in");
	assert_int_equal(e[0]->thread, e[1]->thread);
	assert_int_equal(e[1]->thread, e[2]->thread);
	assert_string_equal(e[0]->message_id, "inq@kunde.de");
	assert_string_equal(e[0]->customer, "kunde.de");
	assert_string_equal(e[1]->to[0], "hans@kunde.de");
	assert_true(e[0]->date < e[1]->date && e[1]->date < e[2]->date);
	store_entries_free(&e, n);
}

static void test_sync_order_does_not_matter(void **state)
{
	struct fixture *f = *state;
	size_t n;

	/* INBOX synced before Sent: the customer's reply arrives first, then
	 * the inquiry, then our answer that links them. */
	ingest(f, THEIR_REPLY, false);
	ingest(f, INQUIRY, false);
	ingest(f, OUR_REPLY, true);
	struct store_entry **e = timeline(f, "kunde.de", &n);
	assert_int_equal(n, 3);
	assert_string_equal(e[0]->kind, "inquiry");
	assert_string_equal(e[2]->kind, "reply");
	assert_int_equal(e[0]->thread, e[2]->thread);
	assert_int_equal(e[0]->thread, e[1]->thread);
	store_entries_free(&e, n);

	struct store_thread **t = NULL;
	char *error = NULL;
	assert_int_equal(store_threads(f->st, -1, &t, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_string_equal(t[0]->origin, "inquiry");
	assert_int_equal(t[0]->n_messages, 3);
	store_threads_free(&t, n);
}

static void test_duplicates_are_one_entry(void **state)
{
	struct fixture *f = *state;
	size_t n;
	GString *copy = g_string_new("Received: from mx by mx; Mon, 2 Nov 2026 09:00:01 +0100\r\n");

	g_string_append(copy, INQUIRY);
	assert_int_equal(ingest(f, INQUIRY, false), INGEST_NEW);
	assert_int_equal(ingest(f, INQUIRY, false), INGEST_DUPLICATE);   /* same bytes */
	assert_int_equal(ingest(f, copy->str, true), INGEST_DUPLICATE);  /* same Message-ID */
	struct store_entry **e = timeline(f, "hans@kunde.de", &n);
	assert_int_equal(n, 1);
	store_entries_free(&e, n);

	struct store_entry *m = NULL;
	char *error = NULL;
	assert_int_equal(store_message_get(f->st, "inq@kunde.de", &m, &error), 0);
	assert_non_null(m->folders[0]);
	store_entry_free(&m);
	g_string_free(copy, TRUE);
}

static void test_subject_threading_within_window_only(void **state)
{
	struct fixture *f = *state;
	size_t n;
	const char *first =
		"From: joao@gmail.com\r\nTo: sales@example.com\r\nSubject: Valves DN50\r\n"
		"Date: Sat, 07 Nov 2026 10:00:00 -0300\r\nMessage-ID: <b1@gmail.com>\r\n\r\nPrice?\r\n";
	const char *answer =
		"From: sales@example.com\r\nTo: joao@gmail.com\r\nSubject: RE: Valves DN50\r\n"
		"Date: Mon, 09 Nov 2026 10:00:00 +0800\r\nMessage-ID: <b2@example.com>\r\n\r\nUSD 12\r\n";
	const char *much_later =
		"From: joao@gmail.com\r\nTo: sales@example.com\r\nSubject: Valves DN50\r\n"
		"Date: Mon, 01 Mar 2027 10:00:00 -0300\r\nMessage-ID: <b3@gmail.com>\r\n\r\nAgain?\r\n";

	ingest(f, first, false);
	ingest(f, answer, true);
	ingest(f, much_later, false);
	struct store_entry **e = timeline(f, "joao@gmail.com", &n);
	assert_int_equal(n, 3);
	assert_string_equal(e[0]->customer, "joao@gmail.com");
	assert_int_equal(e[0]->thread, e[1]->thread);
	assert_int_not_equal(e[1]->thread, e[2]->thread);
	assert_string_equal(e[0]->kind, "inquiry");
	assert_string_equal(e[2]->kind, "inquiry");
	store_entries_free(&e, n);
}

static void test_auto_reply_never_starts_a_sales_thread(void **state)
{
	struct fixture *f = *state;
	size_t n;
	const char *ooo =
		"From: hans@kunde.de\r\nTo: sales@example.com\r\nSubject: Out of office\r\n"
		"Auto-Submitted: auto-replied\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n"
		"Message-ID: <ooo@kunde.de>\r\n\r\nAway.\r\n";

	ingest(f, ooo, false);
	struct store_entry **e = timeline(f, "kunde.de", &n);
	assert_int_equal(n, 1);
	assert_string_equal(e[0]->kind, "auto-reply");
	store_entries_free(&e, n);
	struct store_thread **t = NULL;
	char *error = NULL;
	assert_int_equal(store_threads(f->st, -1, &t, &n, &error), 0);
	assert_string_not_equal(t[0]->origin, "inquiry");
	store_threads_free(&t, n);
}

static void test_missing_date_uses_internaldate(void **state)
{
	struct fixture *f = *state;
	size_t n;
	const char *raw = "From: a@buyer.ae\r\nTo: sales@example.com\r\nSubject: hi\r\n\r\nbody\r\n";

	ingest_at(f, raw, false, 1794000000);
	struct store_entry **e = timeline(f, "buyer.ae", &n);
	assert_int_equal(n, 1);
	assert_int_equal(e[0]->date, 1794000000);
	assert_int_equal(e[0]->header_date, INT64_MIN);
	assert_non_null(strstr(e[0]->message_id, "@followup.invalid"));
	store_entries_free(&e, n);
}

static void test_garbage_is_still_stored(void **state)
{
	struct fixture *f = *state;
	const char garbage[] = "\x01\x02\xff\xfe not a message at all \x80\x81";
	size_t n = 0;
	char *error = NULL;

	ingest(f, garbage, false);
	/* It has no customer, so it is on no timeline, but it is stored. */
	struct store_thread **t = NULL;
	assert_int_equal(store_threads(f->st, -1, &t, &n, &error), 0);
	assert_int_equal(n, 1);
	store_threads_free(&t, n);
}

static void test_positions_advance_with_the_transaction(void **state)
{
	struct fixture *f = *state;
	struct store_folder folder;
	char *error = NULL;
	struct ingest_report report;

	assert_int_equal(store_folder_get(f->st, "sales", "Sent", &folder, &error), 0);
	assert_int_equal(folder.last_uid, 0);
	assert_int_equal(store_folder_reset(f->st, folder.id, 77, &error), 0);

	/* A crash before COMMIT: neither the message nor the position. */
	struct ingest_source src = { .folder_id = folder.id, .uidvalidity = 77, .uid = 5,
	                             .internaldate = INT64_MIN };
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(core_file_raw(f->st, &f->opts, (const unsigned char *)INQUIRY,
 	                              strlen(INQUIRY), &src, &report, &error), 0);
	g_free(report.message_id);
	assert_int_equal(store_folder_advance(f->st, folder.id, 5, &error), 0);
	store_rollback(f->st);
	assert_int_equal(store_folder_get(f->st, "sales", "Sent", &folder, &error), 0);
	assert_int_equal(folder.last_uid, 0);
	assert_int_equal(folder.uidvalidity, 77);
	struct store_target t;
	assert_int_equal(store_resolve_target(f->st, "kunde.de", NULL, NULL, &t, &error), 1);

	/* Committed: both. */
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(core_file_raw(f->st, &f->opts, (const unsigned char *)INQUIRY,
 	                              strlen(INQUIRY), &src, &report, &error), 0);
	g_free(report.message_id);
	assert_int_equal(store_folder_advance(f->st, folder.id, 5, &error), 0);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(store_folder_get(f->st, "sales", "Sent", &folder, &error), 0);
	assert_int_equal(folder.last_uid, 5);
	/* A position never goes back. */
	assert_int_equal(store_folder_advance(f->st, folder.id, 3, &error), 0);
	assert_int_equal(store_folder_get(f->st, "sales", "Sent", &folder, &error), 0);
	assert_int_equal(folder.last_uid, 5);
	/* A new UIDVALIDITY starts again at 0. */
	assert_int_equal(store_folder_reset(f->st, folder.id, 78, &error), 0);
	assert_int_equal(store_folder_get(f->st, "sales", "Sent", &folder, &error), 0);
	assert_int_equal(folder.last_uid, 0);
	assert_int_equal(folder.uidvalidity, 78);
}

/* What the last listing saw (schema 13): kept until a new UIDVALIDITY;
 * the failed UIDs a poll asks for by number, above the position only,
 * not those given up, at most max of them but all counted. */
static void test_listing_is_recorded(void **state)
{
	struct fixture *f = *state;
	struct store_folder folder;
	char *error = NULL;
	bool given_up = true;
	unsigned tries = 0;
	uint32_t *uids = NULL;
	size_t n = 0;

	assert_int_equal(store_folder_get(f->st, "sales", "INBOX", &folder, &error), 0);
	assert_int_equal(folder.uidnext, 0);
	assert_int_equal(store_folder_reset(f->st, folder.id, 5, &error), 0);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_folder_listed(f->st, folder.id, 101, 97, &error), 0);
	for (uint32_t uid = 10; uid <= 13; uid++)
		assert_int_equal(store_fetch_failed(f->st, folder.id, 5, uid, "NIL", 1000, &tries,
		                                    &given_up, &error), 0);
	assert_int_equal(store_fetch_failed(f->st, folder.id, 4, 20, "NIL", 1000, &tries,
	                                    &given_up, &error), 0);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(store_folder_get(f->st, "sales", "INBOX", &folder, &error), 0);
	assert_int_equal(folder.uidnext, 101);
	assert_int_equal(folder.messages, 97);

	assert_int_equal(store_folder_failed_uids(f->st, folder.id, 5, 10, 2, &uids, &n, &error), 0);
	assert_int_equal(n, 3);       /* 11, 12, 13 of this UIDVALIDITY */
	assert_int_equal(uids[0], 11);
	assert_int_equal(uids[1], 12);
	g_free(uids);
	/* Given up: not asked for again. */
	assert_int_equal(store_fetch_failed(f->st, folder.id, 5, 12, "NIL",
	                                    1000 + STORE_FETCH_GIVE_UP_AFTER, &tries, &given_up,
	                                    &error), 0);
	for (int i = 0; i < 3 && !given_up; i++)
		assert_int_equal(store_fetch_failed(f->st, folder.id, 5, 12, "NIL",
		                                    1000 + STORE_FETCH_GIVE_UP_AFTER, &tries,
		                                    &given_up, &error), 0);
	assert_true(given_up);
	assert_int_equal(store_folder_failed_uids(f->st, folder.id, 5, 0, 10, &uids, &n, &error), 0);
	assert_int_equal(n, 3);
	assert_int_equal(uids[0], 10);
	assert_int_equal(uids[1], 11);
	assert_int_equal(uids[2], 13);
	g_free(uids);

	/* A new UIDVALIDITY forgets what the listing saw. */
	assert_int_equal(store_folder_reset(f->st, folder.id, 6, &error), 0);
	assert_int_equal(store_folder_get(f->st, "sales", "INBOX", &folder, &error), 0);
	assert_int_equal(folder.uidnext, 0);
	assert_int_equal(folder.messages, 0);
	assert_int_equal(store_folder_failed_uids(f->st, folder.id, 6, 0, 10, &uids, &n, &error), 0);
	assert_int_equal(n, 0);
	g_free(uids);
}

/* A UID the server did not send holds the position below it until its
 * message comes or it is given up; the filter drops what is stored. */
static void test_fetch_failures_hold_the_position(void **state)
{
	struct fixture *f = *state;
	struct store_folder folder;
	struct ingest_report report;
	char *error = NULL;
	bool given_up = true;
	unsigned tries = 0;

	assert_int_equal(store_folder_get(f->st, "sales", "Sent", &folder, &error), 0);
	assert_int_equal(store_folder_reset(f->st, folder.id, 9, &error), 0);
	struct ingest_source src = { .folder_id = folder.id, .uidvalidity = 9, .uid = 4,
	                             .internaldate = INT64_MIN };
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_fetch_failed(f->st, folder.id, 9, 3, "BODY[] NIL", 1000, &tries,
	                                    &given_up, &error), 0);
	assert_false(given_up);
	assert_int_equal(core_file_raw(f->st, &f->opts, (const unsigned char *)INQUIRY,
 	                              strlen(INQUIRY), &src, &report, &error), 0);
	g_free(report.message_id);
	assert_int_equal(store_folder_advance(f->st, folder.id, 4, &error), 0);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(store_folder_get(f->st, "sales", "Sent", &folder, &error), 0);
	assert_int_equal(folder.last_uid, 2);

	/* Listed again: 3 to fetch, 4 is stored; 6 is new; 5 is gone. */
	uint32_t uids[] = { 3, 4, 6 };
	size_t n = 0;
	assert_int_equal(store_folder_filter_new(f->st, folder.id, 9, 2, uids, 3, &n, &error), 0);
	assert_int_equal(n, 2);
	assert_int_equal(uids[0], 3);
	assert_int_equal(uids[1], 6);

	/* Tries within a day do not give up; the fifth a day later does. */
	for (int i = 2; i <= 4; i++) {
		assert_int_equal(store_fetch_failed(f->st, folder.id, 9, 3, "NIL", 1000 + i * 60,
		                                    &tries, &given_up, &error), 0);
		assert_false(given_up);
		assert_int_equal(tries, (unsigned)i);
	}
	assert_int_equal(store_fetch_failed(f->st, folder.id, 9, 3, "NIL",
	                                    1000 + STORE_FETCH_GIVE_UP_AFTER, &tries, &given_up,
	                                    &error), 0);
	assert_true(given_up);
	assert_int_equal(store_folder_advance(f->st, folder.id, 4, &error), 0);
	assert_int_equal(store_folder_get(f->st, "sales", "Sent", &folder, &error), 0);
	assert_int_equal(folder.last_uid, 4);
	struct store_fetch_failure *list = NULL;
	assert_int_equal(store_fetch_failures(f->st, &list, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].uid, 3);
	assert_int_equal(list[0].tries, 5);
	assert_true(list[0].given_up);
	store_fetch_failures_free(&list, n);
	/* A given-up UID is not fetched again. */
	uint32_t again[] = { 3, 6 };
	assert_int_equal(store_folder_filter_new(f->st, folder.id, 9, 4, again, 2, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_int_equal(again[0], 6);
}

/* One holder at a time, even within one process; the second is told who. */
static void test_lock_is_exclusive(void **state)
{
	struct fixture *f = *state;
	struct store_lock *a = NULL, *b = NULL;
	char *error = NULL;

	assert_int_equal(store_lock_acquire(f->path, "first", &a, &error), 0);
	assert_int_equal(store_lock_acquire(f->path, "second", &b, &error), -2);
	assert_null(b);
	assert_non_null(strstr(error, "first (pid "));
	assert_non_null(strstr(error, ".lock"));
	g_free(error);
	error = NULL;
	store_lock_release(&a);
	assert_null(a);
	assert_int_equal(store_lock_acquire(f->path, "second", &b, &error), 0);
	store_lock_release(&b);
}

/* A store that hits its size limit says "full", the kind the daemon
 * waits out, and takes writes again once there is room. */
static void test_full_store_is_told_apart(void **state)
{
	struct fixture *f = *state;
	struct ingest_report report;
	char *error = NULL;
	GString *big = g_string_new(INQUIRY);

	for (int i = 0; i < 2000; i++)
		g_string_append_printf(big, "Zeile %d: wir brauchen Pumpen, Ventile und Flansche.\n", i);
	struct ingest_source src = { .folder_id = f->folder_id, .uidvalidity = 1, .uid = 99,
	                             .internaldate = INT64_MIN };
	/* The limit cannot go below the current size: this is "no growth". */
	assert_int_equal(store_exec(f->st, "PRAGMA max_page_count = 1", &error), 0);
	store_failure_clear(f->st);
	assert_int_equal(store_last_failure(f->st), STORE_FAILURE_NONE);
	assert_int_equal(store_begin(f->st, &error), 0);
	int rc = core_file_raw(f->st, &f->opts, (const unsigned char *)big->str, big->len, &src,
 	                      &report, &error);
	if (rc == 0)
		rc = store_commit(f->st, &error);
	assert_int_equal(rc, -1);
	assert_int_equal(store_last_failure(f->st), STORE_FAILURE_FULL);
	g_free(error);
	error = NULL;
	store_rollback(f->st);
	assert_int_equal(store_exec(f->st, "PRAGMA max_page_count = 1000000", &error), 0);
	store_failure_clear(f->st);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(core_file_raw(f->st, &f->opts, (const unsigned char *)big->str, big->len,
 	                              &src, &report, &error), 0);
	g_free(report.message_id);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(store_last_failure(f->st), STORE_FAILURE_NONE);
	g_string_free(big, TRUE);
}

/* Two timelines of n entries agree on what reparse rebuilds; with
 * findings, every entry has a language and facts, and they agree too. */
static void assert_same_entries(struct store_entry **a, struct store_entry **b, size_t n,
                                bool findings)
{
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(a[i]->message_id, b[i]->message_id);
		assert_string_equal(a[i]->kind, b[i]->kind);
		assert_int_equal(a[i]->thread, b[i]->thread);
		assert_string_equal(a[i]->snippet, b[i]->snippet);
		if (!findings)
			continue;
		assert_non_null(a[i]->language);
		assert_string_equal(a[i]->language, b[i]->language);
		assert_non_null(a[i]->facts);
		assert_string_equal(a[i]->facts, b[i]->facts);
	}
}

static void test_reparse_gives_the_same_timeline(void **state)
{
	struct fixture *f = *state;
	size_t n1, n2;
	uint64_t count = 0;
	char *error = NULL;

	ingest(f, THEIR_REPLY, false);
	ingest(f, INQUIRY, false);
	ingest(f, OUR_REPLY, true);
	struct store_entry **a = timeline(f, "kunde.de", &n1);
	assert_int_equal(core_reparse(f->st, &f->opts, 2, NULL, NULL, &count, &error), 0);
	assert_int_equal(count, 3);
	struct store_entry **b = timeline(f, "kunde.de", &n2);
	assert_int_equal(n1, n2);
	assert_same_entries(a, b, n1, false);
	store_entries_free(&a, n1);
	store_entries_free(&b, n2);
}

/* More messages than one reparse chunk (200), with language and facts, on
 * several threads: the same rows as the one-by-one ingest wrote. */
static void test_reparse_many_in_chunks(void **state)
{
	struct fixture *f = *state;
	uint64_t count = 0;
	char *error = NULL;
	size_t n1, n2;

	for (int i = 0; i < 260; i++) {
		char *raw = g_strdup_printf(
			"From: buyer%d@firma%d.de\r\nTo: sales@example.com\r\n"
			"Subject: Anfrage %d\r\nDate: Mon, 02 Nov 2026 09:%02d:00 +0100\r\n"
			"Message-ID: <many-%d@firma%d.de>\r\n\r\n"
			"Sehr geehrte Damen und Herren, bitte senden Sie uns Ihr Angebot fuer "
			"%d Stueck Pumpen XP-%d, FOB Ningbo.\r\n", i, i % 7, i, i % 60, i, i % 7,
			100 + i, i);
		ingest(f, raw, false);
		g_free(raw);
	}
	struct store_entry **a = timeline(f, "firma3.de", &n1);
	assert_true(n1 > 30);
	/* Spoil what reparse rebuilds, so that a row it skipped shows. */
	assert_int_equal(store_exec(f->st, "UPDATE messages SET snippet = 'stale', kind = 'bulk', "
	                                   "language = NULL, facts = NULL", &error), 0);
	assert_int_equal(core_reparse(f->st, &f->opts, 300, NULL, NULL, &count, &error), 0);
	assert_int_equal(count, 260);
	struct store_entry **b = timeline(f, "firma3.de", &n2);
	assert_int_equal(n1, n2);
	assert_same_entries(a, b, n1, true);
	store_entries_free(&a, n1);
	store_entries_free(&b, n2);
}

/* Messages compressed with a trained dictionary (store/raw.c) reparse
 * like the others, on reparse's threads, beside rows stored before it. */
static void test_reparse_with_a_dictionary(void **state)
{
	struct fixture *f = *state;
	uint64_t count = 0;
	char *error = NULL;
	int64_t with_dict = 0;
	size_t n1, n2;

	for (int i = 0; i < 120; i++) {
		char *raw = g_strdup_printf(
			"From: buyer%d@firma%d.de\r\nTo: sales@example.com\r\n"
			"Subject: Anfrage %d\r\nDate: Mon, 02 Nov 2026 09:%02d:00 +0100\r\n"
			"Message-ID: <dict-%d@firma%d.de>\r\n\r\n"
			"Sehr geehrte Damen und Herren, bitte senden Sie uns Ihr Angebot fuer "
			"%d Stueck Pumpen XP-%d, FOB Ningbo. Mit freundlichen Gruessen\r\n",
			i, i % 7, i, i % 60, i, i % 7, 100 + i, i);
		ingest(f, raw, false);
		g_free(raw);
		if (i == 99) {
			assert_int_equal(store_begin(f->st, &error), 0);
			assert_int_equal(store_raw_train(f->st, 1000, &error), 1);
			assert_int_equal(store_commit(f->st, &error), 0);
		}
	}
	assert_int_equal(store_scalar(f->st, "SELECT count(*) FROM raw_messages WHERE dict_id "
	                                     "IS NOT NULL", "counting", 0, &with_dict, &error), 0);
	assert_true(with_dict > 100);   /* trained from 100, and the 20 after */
	struct store_entry **a = timeline(f, "firma3.de", &n1);
	assert_true(n1 > 10);
	assert_int_equal(store_exec(f->st, "UPDATE messages SET snippet = 'stale'", &error), 0);
	assert_int_equal(core_reparse(f->st, &f->opts, 300, NULL, NULL, &count, &error), 0);
	assert_int_equal(count, 120);
	struct store_entry **b = timeline(f, "firma3.de", &n2);
	assert_int_equal(n1, n2);
	assert_same_entries(a, b, n1, true);
	store_entries_free(&a, n1);
	store_entries_free(&b, n2);

	unsigned char *raw = NULL;
	size_t len = 0;
	assert_int_equal(store_raw_get(f->st, "dict-7@firma0.de", &raw, &len, &error), 0);
	assert_non_null(strstr((char *)raw, "XP-7, FOB Ningbo"));
	g_free(raw);
	/* A damaged dictionary: that message cannot be read, and says why. */
	store_close(&f->st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE raw_dicts SET data = zeroblob(length(data))",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(f->path, STORE_READ_WRITE, &f->st, &error), 0);
	assert_int_equal(store_raw_get(f->st, "dict-7@firma0.de", &raw, &len, &error), -1);
	assert_non_null(strstr(error, "compression dictionary 1 is damaged"));
	g_free(error);
	error = NULL;
	assert_int_equal(core_reparse(f->st, &f->opts, 300, NULL, NULL, &count, &error), -1);
	assert_non_null(strstr(error, "is damaged"));
	g_free(error);
}

/* A raw copy that no longer decompresses stops the reparse with an error
 * that names it, and the transaction leaves the rows as they were. */
static void test_reparse_damaged_raw(void **state)
{
	struct fixture *f = *state;
	uint64_t count = 0;
	char *error = NULL;
	size_t n;

	ingest(f, INQUIRY, false);
	ingest(f, OUR_REPLY, true);
	assert_int_equal(store_exec(f->st, "UPDATE raw_messages SET data = x'00ff' "
	                                   "WHERE id = (SELECT max(id) FROM raw_messages)", &error), 0);
	assert_int_equal(core_reparse(f->st, &f->opts, 10, NULL, NULL, &count, &error), -1);
	assert_non_null(strstr(error, "is damaged"));
	g_free(error);
	struct store_entry **a = timeline(f, "kunde.de", &n);
	assert_int_equal(n, 2);
	store_entries_free(&a, n);
}

static void test_raw_copy_round_trips(void **state)
{
	struct fixture *f = *state;
	unsigned char *raw = NULL;
	size_t len = 0;
	char *error = NULL;

	ingest(f, INQUIRY, false);
	assert_int_equal(store_raw_get(f->st, "inq@kunde.de", &raw, &len, &error), 0);
	assert_int_equal(len, strlen(INQUIRY));
	assert_memory_equal(raw, INQUIRY, len);
	g_free(raw);
	assert_int_equal(store_raw_get(f->st, "nope@x", &raw, &len, &error), 1);
	g_free(error);
}

static void test_customers_and_targets(void **state)
{
	struct fixture *f = *state;
	struct store_customer **c = NULL;
	size_t n;
	char *error = NULL;
	struct store_target t;

	ingest(f, INQUIRY, false);
	ingest(f, OUR_REPLY, true);
	assert_int_equal(store_customers(f->st, &c, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_string_equal(c[0]->key, "kunde.de");
	assert_int_equal(c[0]->n_contacts, 1);
	assert_string_equal(c[0]->contacts[0].address, "hans@kunde.de");
	assert_string_equal(c[0]->contacts[0].name, "Hans");
	assert_true(c[0]->first_seen != INT64_MIN);
	assert_true(c[0]->last_inbound < c[0]->last_outbound);
	int64_t id = c[0]->id;
	store_customers_free(&c, n);

	char idtext[32];
	snprintf(idtext, sizeof(idtext), "%lld", (long long)id);
	assert_int_equal(store_resolve_target(f->st, idtext, NULL, NULL, &t, &error), 0);
	assert_string_equal(t.customer_key, "kunde.de");
	store_target_clear(&t);
	assert_int_equal(store_resolve_target(f->st, "HANS@KUNDE.DE", NULL, NULL, &t, &error), 0);
	assert_string_equal(t.customer_key, "kunde.de");
	store_target_clear(&t);
	assert_int_equal(store_resolve_target(f->st, "nobody@else.org", NULL, NULL, &t, &error), 1);
}

/* What the acknowledgement rules count in the outbox: acknowledgements
 * in the thread (ever), to the recipient and to its domain since `since`,
 * and to anyone since `hour_since` (ack-hourly-cap). */
static void test_ack_history(void **state)
{
	struct fixture *f = *state;
	const int64_t now = INT64_C(1800000000), hour = 3600, day = 24 * 3600;
	static const struct {
		const char *kind, *to;
		int64_t thread, age;
	} rows[] = {
		{ "ack", "hans@kunde.de", 1, 2 * 3600 },      /* in ack-interval, not the hour */
		{ "ack", "anna@kunde.de", 2, 3600 },          /* exactly an hour ago: counts */
		{ "ack", "li.ming@163.com", 3, 60 },
		{ "ack", "alt@kunde.de", 4, 2 * 24 * 3600 },  /* before both */
		{ "ack", "x@other.de", 5, 3601 },             /* a second before the hour */
		{ "alert", "li.wei@example.com", 1, 10 },     /* no acknowledgement */
		{ "digest", "hans@kunde.de", 0, 10 },
	};
	struct ack_history h;
	char *error = NULL;

	for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
		char key[32];
		int64_t id = 0;
		snprintf(key, sizeof(key), "k%zu", i);
		const struct store_outbox_new m = {
			.key = key, .kind = rows[i].kind, .rule = "ack-inquiry", .thread = rows[i].thread,
			.recipient = rows[i].to, .envelope_from = "", .message_id = key,
			.subject = "s", .raw = "x", .len = 1, .created = now - rows[i].age,
		};
		assert_int_equal(store_outbox_add(f->st, &m, &id, &error), 0);
		assert_true(id > 0);
	}

	assert_int_equal(store_ack_history(f->st, "ack-inquiry", 1, "Hans@Kunde.DE", now - day,
	                                   now - hour, &h, &error), 0);
	assert_true(h.thread_acked);
	assert_int_equal(h.sender_recent, 1);
	assert_int_equal(h.domain_recent, 2);     /* hans and anna; alt is older */
	assert_int_equal(h.hourly_recent, 2);     /* anna and li.ming */

	assert_int_equal(store_ack_history(f->st, "ack-inquiry", 9, "new@gmail.com", now - day,
	                                   now - hour, &h, &error), 0);
	assert_false(h.thread_acked);
	assert_int_equal(h.sender_recent, 0);
	assert_int_equal(h.domain_recent, 0);
	assert_int_equal(h.hourly_recent, 2);

	/* No recipient (nobody to write to): the thread and the hour still count. */
	assert_int_equal(store_ack_history(f->st, "ack-inquiry", 3, NULL, now - day, now - 2 * hour,
	                                   &h, &error), 0);
	assert_true(h.thread_acked);
	assert_int_equal(h.sender_recent, 0);
	assert_int_equal(h.hourly_recent, 4);
}

static const char HANS_RENAMED[] =
	"From: Hans Meier-Renamed <hans@kunde.de>\r\nTo: sales@example.com\r\n"
	"Subject: Neue Frage\r\nDate: Wed, 04 Nov 2026 09:00:00 +0100\r\n"
	"Message-ID: <new@kunde.de>\r\n\r\nNoch eine Frage.\r\n";

static void exec_sql(struct fixture *f, const char *sql)
{
	char *error = NULL;

	if (store_exec(f->st, sql, &error) < 0)
		fail_msg("%s: %s", sql, error);
}

/* The conversations the service levels read: one query, each thread's
 * messages in date order with its last writer and the message an alert
 * is about (the latest not of our own making, read on its own). */
static void test_sla_threads(void **state)
{
	struct fixture *f = *state;
	struct sla_thread *t = NULL;
	char *error = NULL, *mid = NULL, *snippet = NULL;
	size_t n = 0;

	assert_int_equal(ingest(f, INQUIRY, false), INGEST_NEW);
	assert_int_equal(ingest(f, OUR_REPLY, true), INGEST_NEW);
	assert_int_equal(ingest(f, THEIR_REPLY, false), INGEST_NEW);
	assert_int_equal(store_sla_threads(f->st, 0, &t, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_string_equal(t[0].customer, "kunde.de");
	assert_string_equal(t[0].subject, "Anfrage Pumpen");
	assert_string_equal(t[0].last_writer, "li.wei@example.com");
	assert_int_equal(t[0].n_msgs, 3);
	assert_int_equal(t[0].msgs[0].kind, MSG_KIND_INQUIRY);
	assert_int_equal(t[0].msgs[1].dir, MSG_DIR_OUT);
	assert_int_equal(t[0].msgs[2].dir, MSG_DIR_IN);
	assert_true(t[0].msgs[0].date < t[0].msgs[1].date && t[0].msgs[1].date < t[0].msgs[2].date);
	assert_int_equal(store_sla_message_about(f->st, t[0].last_message, &mid, &snippet, &error), 0);
	assert_string_equal(mid, "re@kunde.de");
	assert_non_null(strstr(snippet, "Danke"));
	g_free(mid);
	g_free(snippet);
	store_sla_threads_free(&t, n);

	/* our own automatic mail is never what an alert is about */
	exec_sql(f, "UPDATE messages SET kind = 'ack' WHERE message_id = 're@kunde.de'");
	assert_int_equal(store_sla_threads(f->st, 0, &t, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_sla_message_about(f->st, t[0].last_message, &mid, &snippet, &error), 0);
	assert_string_equal(mid, "ans@example.com");
	g_free(mid);
	g_free(snippet);
	int64_t last = t[0].msgs[2].date;
	store_sla_threads_free(&t, n);

	/* settled: no mail since */
	assert_int_equal(store_sla_threads(f->st, last + 1, &t, &n, &error), 0);
	assert_int_equal(n, 0);
	store_sla_threads_free(&t, n);
}

static struct store_customer *customer(struct fixture *f, const char *key)
{
	struct store_customer *c = NULL;
	char *error = NULL;

	assert_int_equal(store_customer_get(f->st, customer_id(f, key), &c, &error), 0);
	return c;
}

/* What people enter (schema 6): written as given, kept when the mail
 * says otherwise, and kept by reparse, orphans with people's data too. */
static void test_records_are_kept(void **state)
{
	struct fixture *f = *state;
	char *error = NULL, *owner = NULL;
	char *tags[] = { "export", "vip", NULL };
	int64_t note_id = 0, id;
	uint64_t count;
	size_t n;

	ingest(f, INQUIRY, false);
	ingest(f, OUR_REPLY, true);
	id = customer_id(f, "kunde.de");
	struct store_customer_edit edit = {
		.name = "Kunde GmbH", .country = "AT", .industry = "Mining", .grade = "A",
		.stage = "quoted", .source = "fair", .next_action = "call Hans",
		.next_date = "2026-11-20", .website = "https://kunde.de", .tags = tags,
		.tags_set = true,
	};
	struct store_contact_edit cedit = { .name = "Hans Müller", .role = "buyer",
	                                    .phone = "+4989123456" };
	struct store_contact_edit other = { .title = "CFO" };
	struct store_note_new note = { .customer_id = id, .kind = "call",
	                               .date = INT64_C(1793664000), .text = "Called Hans",
	                               .author = "li.wei@example.com", .created = 1 };
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_customer_update(f->st, id, &edit, 100, &error), 0);
	assert_int_equal(store_contact_update(f->st, id, "hans@kunde.de", &cedit, &error), 0);
	/* A contact the mail never named, made by a person. */
	assert_int_equal(store_contact_update(f->st, id, "CFO@kunde.de", &other, &error), 0);
	assert_int_equal(store_note_add(f->st, &note, &note_id, &error), 0);
	assert_int_equal(store_customer_claim(f->st, id, "li.wei@example.com", &owner, &error), 0);
	assert_int_equal(store_customer_claim(f->st, id, "zhang@example.com", &owner, &error), 1);
	assert_string_equal(owner, "li.wei@example.com");
	g_free(owner);
	assert_int_equal(store_commit(f->st, &error), 0);
	/* Orders are written by a later command: by hand here. An orphan
	 * customer with people's data, and one without. */
	exec_sql(f, "INSERT INTO orders (customer_id, number, amount_milli, currency, due, created) "
	            "SELECT id, 'PI-1', 12500500, 'USD', '2026-12-01', 1 FROM customers "
	            "WHERE key = 'kunde.de';"
	            "INSERT INTO payments (order_id, amount_milli, date, created) "
	            "SELECT id, 5000000, '2026-11-10', 1 FROM orders;"
	            "INSERT INTO payments (order_id, amount_milli, date, created) "
	            "SELECT id, 500, '2026-11-11', 1 FROM orders;"
	            "INSERT INTO customers (key, name) VALUES ('orphan.de', 'orphan.de'), "
	            "('plain.de', 'plain.de');"
	            "INSERT INTO contacts (address, customer_id) SELECT 'x@plain.de', id "
	            "FROM customers WHERE key = 'plain.de';");
	struct store_customer_edit orphan = { .industry = "Valves" };
	assert_int_equal(store_customer_update(f->st, customer_id(f, "orphan.de"), &orphan, 1,
	                                       &error), 0);

	/* New mail with another display name renames nobody. */
	ingest(f, HANS_RENAMED, false);
	for (int pass = 0; pass < 2; pass++) {
		struct store_customer *c = customer(f, "kunde.de");
		assert_string_equal(c->name, "Kunde GmbH");
		assert_string_equal(c->country, "AT");
		assert_string_equal(c->industry, "Mining");
		assert_string_equal(c->grade_manual, "A");
		assert_null(c->grade_computed);
		assert_string_equal(c->stage, "quoted");
		assert_string_equal(c->next_date, "2026-11-20");
		assert_string_equal(c->owner, "li.wei@example.com");
		assert_string_equal(c->tags[0], "export");
		assert_string_equal(c->tags[1], "vip");
		assert_null(c->tags[2]);
		assert_int_equal(c->n_contacts, 2);
		assert_string_equal(c->contacts[0].address, "cfo@kunde.de");
		assert_string_equal(c->contacts[0].title, "CFO");
		assert_string_equal(c->contacts[1].name, "Hans Müller");
		assert_true(c->contacts[1].name_manual);
		assert_string_equal(c->contacts[1].role, "buyer");
		assert_string_equal(c->contacts[1].phone, "+4989123456");
		store_customer_free(&c);

		struct store_entry **e = timeline(f, "kunde.de", &n);
		assert_int_equal(n, 5);
		/* the person's stage move (at time 100), first */
		assert_string_equal(e[0]->direction, "note");
		assert_string_equal(e[0]->kind, "stage");
		assert_string_equal(e[0]->snippet, "inquiry → quoted");
		assert_string_equal(e[3]->direction, "note");   /* between the 2nd and 3rd mail */
		assert_string_equal(e[3]->kind, "call");
		assert_string_equal(e[3]->snippet, "Called Hans");
		assert_string_equal(e[3]->from_addr, "li.wei@example.com");
		store_entries_free(&e, n);

		struct store_order *o = NULL;
		assert_int_equal(store_orders(f->st, id, &o, &n, &error), 0);
		assert_int_equal(n, 1);
		assert_string_equal(o[0].number, "PI-1");
		assert_int_equal(o[0].paid_milli, 5000500);
		assert_int_equal(o[0].n_payments, 2);
		store_orders_free(&o, n);

		struct store_target t;
		assert_int_equal(store_resolve_target(f->st, "orphan.de", NULL, NULL, &t, &error), 0);
		store_target_clear(&t);
		/* The first pass is before any reparse: plain.de is still there. */
		assert_int_equal(store_resolve_target(f->st, "plain.de", NULL, NULL, &t, &error),
		                 pass == 0 ? 0 : 1);
		store_target_clear(&t);
		assert_int_equal(core_reparse(f->st, &f->opts, 2, NULL, NULL, &count, &error), 0);
	}

	/* Cleared: the name goes back to the mail's, the grade to the
	 * computed one, the tags to none. */
	struct store_customer_edit clear = { .name = "", .grade = "", .tags_set = true };
	assert_int_equal(store_customer_update(f->st, id, &clear, 2, &error), 0);
	struct store_customer *c = customer(f, "kunde.de");
	assert_string_equal(c->name, "kunde.de");
	assert_false(c->name_manual);
	assert_null(c->grade_manual);
	assert_null(c->tags[0]);
	store_customer_free(&c);
}

/* The quotes we sent, with when the buyer answered. */
static void test_quotes(void **state)
{
	struct fixture *f = *state;
	struct store_quote *q = NULL;
	char *error = NULL;
	size_t n;
	static const char QUOTE[] =
		"From: Li Wei <li.wei@example.com>\r\nTo: hans@kunde.de\r\n"
		"Subject: AW: Anfrage Pumpen\r\nDate: Mon, 02 Nov 2026 12:00:00 +0100\r\n"
		"Message-ID: <ans@example.com>\r\nIn-Reply-To: <inq@kunde.de>\r\n"
		"References: <inq@kunde.de>\r\n\r\nOur quotation: XP-200 USD 410/pc FOB Ningbo.\r\n";

	ingest(f, INQUIRY, false);
	ingest(f, QUOTE, true);
	assert_int_equal(store_quotes(f->st, customer_id(f, "kunde.de"), &q, &n, &error), 0);
	assert_int_equal(n, 1);
	assert_string_equal(q[0].message_id, "ans@example.com");
	assert_int_equal(q[0].answered_at, INT64_MIN);
	assert_non_null(q[0].facts);
	assert_non_null(strstr(q[0].facts, "FOB"));
	store_quotes_free(&q, n);
	ingest(f, THEIR_REPLY, false);
	assert_int_equal(store_quotes(f->st, customer_id(f, "kunde.de"), &q, &n, &error), 0);
	assert_int_equal(q[0].answered_at, INT64_C(1793692800));   /* 2026-11-03 08:00 UTC */
	store_quotes_free(&q, n);
}

/* A store written by a build of schema version 1 opens, migrates to the
 * current version keeping its rows, and a read-only open of an old store
 * says what to do. */
static void test_migration_from_version_1(void **state)
{
	struct fixture *f = *state;
	char *path = g_build_filename(f->dir, "v1.db", NULL);
	struct store *st = NULL;
	sqlite3 *db = NULL;
	char *error = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, store_migration_sql(1), NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 1;"
	                              "INSERT INTO folders (account, name, uidvalidity, last_uid) "
	                              "VALUES ('sales', 'INBOX', 9, 42)", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);

	assert_int_equal(store_open(path, STORE_READ_ONLY, &st, &error), -1);
	assert_non_null(strstr(error, "older"));
	assert_non_null(strstr(error, "followupd"));
	g_free(error);
	error = NULL;

	assert_int_equal(store_open(path, STORE_READ_WRITE, &st, &error), 0);
	struct store_folder folder;
	assert_int_equal(store_folder_get(st, "sales", "INBOX", &folder, &error), 0);
	assert_int_equal(folder.uidvalidity, 9);
	assert_int_equal(folder.last_uid, 42);
	store_close(&st);
	/* Now current: read-only works. */
	assert_int_equal(store_open(path, STORE_READ_ONLY, &st, &error), 0);
	store_close(&st);
	g_free(path);
}

static const char CHINESE[] =
	"From: zhao@valve.cn\r\nTo: sales@example.com\r\n"
	"Subject: =?UTF-8?B?6ZiA6Zeo6K+i5Lu3?=\r\nDate: Tue, 10 Nov 2026 09:00:00 +0800\r\n"
	"Message-ID: <cn@valve.cn>\r\nMIME-Version: 1.0\r\n"
	"Content-Type: text/plain; charset=UTF-8\r\n\r\n\xe8\xaf\xb7\xe6\x8a\xa5\xe4\xbb\xb7" "DN100\r\n";

/* The message ids (or "note") store_search finds for a query. */
static char *found(struct fixture *f, const char *query, int64_t customer)
{
	struct search_query q;
	struct store_search_hit *hits = NULL;
	size_t n = 0;
	char *error = NULL;

	assert_int_equal(search_query_parse(query, &q, &error), 0);
	struct store_search_query sq = { .match = q.match, .customer_id = customer,
	                                  .since = INT64_MIN, .limit = 10 };
	if (store_search(f->st, &sq, &hits, &n, &error) < 0)
		fail_msg("search %s: %s", query, error);
	GString *out = g_string_new(NULL);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(hits[i].texts);
		assert_true(hits[i].rank < 0);
		g_string_append_printf(out, "%s%s", i > 0 ? " " : "",
		                       hits[i].source == STORE_SEARCH_MESSAGE ? hits[i].entry->message_id
		                       : hits[i].entry->kind);
	}
	store_search_hits_free(&hits, n);
	search_query_clear(&q);
	return g_string_free(out, FALSE);
}

static void assert_found(struct fixture *f, const char *query, int64_t customer, const char *want)
{
	char *got = found(f, query, customer);
	if (strcmp(got, want) != 0)
		fail_msg("'%s' found '%s', not '%s'", query, got, want);
	g_free(got);
}

/* The search index: written as mail is filed and notes are added, rows
 * removed by store_search_remove(), made again by reparse and by the
 * migration to schema 11. */
static void test_search_index(void **state)
{
	struct fixture *f = *state;
	char *error = NULL;
	int64_t note_id, count;
	uint64_t n;

	ingest(f, INQUIRY, false);
	ingest(f, CHINESE, false);
	assert_found(f, "pumpen", 0, "inq@kunde.de");
	assert_found(f, "报价", 0, "cn@valve.cn");
	assert_found(f, "阀门", 0, "cn@valve.cn");
	assert_found(f, "from:zhao@valve.cn", 0, "cn@valve.cn");
	assert_found(f, "报价", customer_id(f, "kunde.de"), "");
	assert_found(f, "kunde.de", 0, "customer inq@kunde.de"); /* the record first */

	struct store_note_new note = { .customer_id = customer_id(f, "kunde.de"), .kind = "call",
	                               .date = 100, .text = "Rückruf wegen Hydraulik", .created = 100 };
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_note_add(f->st, &note, &note_id, &error), 0);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_found(f, "hydraulik", 0, "call");
	assert_found(f, "ruckruf", customer_id(f, "kunde.de"), "call");

	/* What `forget` will do: the rows of a note and of a message go. */
	struct store_entry *e = NULL;
	assert_int_equal(store_message_get(f->st, "cn@valve.cn", &e, &error), 0);
	int64_t ids[] = { e->id, 999999 };
	store_entry_free(&e);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_search_remove(f->st, STORE_SEARCH_NOTE, &note_id, 1, &error), 0);
	assert_int_equal(store_search_remove(f->st, STORE_SEARCH_MESSAGE, ids, 2, &error), 0);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_found(f, "hydraulik", 0, "");
	assert_found(f, "报价", 0, "");

	/* Reparse makes the index again from what is stored, 20 messages a
	 * step with a batch of 2: three steps for 45 more. */
	for (int i = 0; i < 45; i++) {
		char *raw = g_strdup_printf(
			"From: buyer@firma.de\r\nTo: sales@example.com\r\n"
			"Subject: Lieferung %d\r\nDate: Mon, 02 Nov 2026 10:%02d:00 +0100\r\n"
			"Message-ID: <l-%d@firma.de>\r\n\r\nLieferschein %d anbei.\r\n", i, i, i, i);
		ingest(f, raw, false);
		g_free(raw);
	}
	assert_int_equal(core_reparse(f->st, &f->opts, 2, NULL, NULL, &n, &error), 0);
	assert_found(f, "报价", 0, "cn@valve.cn");
	assert_found(f, "hydraulik", 0, "call");
	assert_found(f, "lieferung 44", 0, "l-44@firma.de");
	assert_found(f, "lieferschein 0", 0, "l-0@firma.de");
	assert_int_equal(store_search_count(f->st, &count, &error), 0);
	assert_int_equal(count, 47 + 1 + 3);   /* messages, a note, customers */

	/* A store of schema 10 gets its index filled by the migration (what
	 * migrations 12 and 13 add goes too, so that they run again). */
	store_close(&f->st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	/* Back to schema 10: what the later migrations added goes too. */
	assert_int_equal(sqlite3_exec(db, "DROP TABLE search; DROP TABLE raw_dicts; "
	                              "ALTER TABLE raw_messages DROP COLUMN dict_id; "
	                              "ALTER TABLE folders DROP COLUMN uidnext; "
	                              "ALTER TABLE folders DROP COLUMN messages; "
	                              "PRAGMA user_version = 10", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(f->path, STORE_READ_WRITE, &f->st, &error), 0);
	assert_found(f, "报价", 0, "cn@valve.cn");
	assert_found(f, "hydraulik", 0, "call");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_schema_is_current_and_readable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_open_of_missing_file_fails_clearly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conversation_is_one_thread_with_kinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sync_order_does_not_matter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicates_are_one_entry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subject_threading_within_window_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_auto_reply_never_starts_a_sales_thread, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_date_uses_internaldate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_is_still_stored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_positions_advance_with_the_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fetch_failures_hold_the_position, setup, teardown),
		cmocka_unit_test_setup_teardown(test_listing_is_recorded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_is_exclusive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_store_is_told_apart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reparse_gives_the_same_timeline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reparse_many_in_chunks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reparse_damaged_raw, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reparse_with_a_dictionary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_raw_copy_round_trips, setup, teardown),
		cmocka_unit_test_setup_teardown(test_customers_and_targets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ack_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sla_threads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_from_version_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_records_are_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_index, setup, teardown),
	};
	message_parser_init();
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	message_parser_deinit();
	return rc;
}
