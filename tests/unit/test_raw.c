/* store/raw.c: raw messages compressed alone or with a dictionary trained
 * from the store's own mail, on a real SQLite file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "store/store.h"
#include "store/store-private.h"   /* raw.c's functions and the connection */
#include "tests/unit/tmp_tree.h"

struct fixture {
	char *dir;
	char *path;
	struct store *st;
};

static int setup(void **state)
{
	struct fixture *f = g_new0(struct fixture, 1);
	char *error = NULL;

	f->dir = g_dir_make_tmp("followup-raw-XXXXXX", NULL);
	f->path = g_build_filename(f->dir, "test.db", NULL);
	assert_int_equal(store_open(f->path, STORE_READ_WRITE, &f->st, &error), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(&f->st);
	test_tmp_tree_remove(f->dir);
	g_free(f->path);
	g_free(f->dir);
	g_free(f);
	return 0;
}

/* A message such as a company receives by the hundred: the same headers
 * and phrases, other names and numbers. */
static char *mail(int i)
{
	static const char *const names[] = { "Klaus Meyer", "Lucia Garcia", "John Smith",
		                             "Wang Wei", "Anna Nowak" };
	/* Every 50th is longer than a sample's head (a quoted thread). */
	GString *tail = g_string_new("");
	for (int k = 0; i % 50 == 0 && k < 300; k++)
		g_string_append_printf(tail, "> line %d of the earlier message %d\r\n", k, i);
	char *m = g_strdup_printf(
		"Received: from mail%d.firma%d.de (mail%d.firma%d.de [10.%d.%d.1])\r\n"
		"\tby mx.example.com (Postfix) with ESMTPS id A%05dB\r\n"
		"\tfor <sales@example.com>; Mon, 02 Nov 2026 09:%02d:00 +0100\r\n"
		"From: %s <buyer%d@firma%d.de>\r\nTo: Acme Pumps Sales <sales@example.com>\r\n"
		"Subject: Inquiry %d for stainless steel ball valves\r\n"
		"Date: Mon, 02 Nov 2026 09:%02d:00 +0100\r\nMessage-ID: <raw-%d@firma%d.de>\r\n"
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n"
		"Content-Transfer-Encoding: 8bit\r\nX-MS-Exchange-Organization-SCL: 1\r\n\r\n"
		"Dear Sir or Madam,\r\n\r\nplease send us your best price for %d pieces of the "
		"DN%d stainless steel ball valve, PN16, flanged, delivery FOB Ningbo.\r\n"
		"Could you confirm the delivery time to Hamburg port and the payment terms?\r\n\r\n"
		"Best regards,\r\n%s\r\nPurchasing department\r\n%s",
		i % 3, i % 17, i % 3, i % 17, i % 250, i % 7, i, i % 60, names[i % 5], i, i % 17, i,
		i % 60, i, i % 17, 100 + i, 15 + i % 9 * 5, names[i % 5], tail->str);
	g_string_free(tail, TRUE);
	return m;
}

static int sink_append(const unsigned char *piece, size_t n, void *ctx)
{
	g_byte_array_append(ctx, piece, (guint)n);
	return 0;
}

/* Stores raw as ingest does: compressed with dict (NULL: alone). */
static int64_t put_raw(struct fixture *f, const struct store_raw_dict *dict, const char *raw)
{
	GByteArray *packed = g_byte_array_new();
	char *hash = store_raw_hash((const unsigned char *)raw, strlen(raw));
	sqlite3_stmt *stmt;

	assert_int_equal(store_raw_pack(f->st, dict, (const unsigned char *)raw, strlen(raw),
	                                sink_append, packed), 0);
	assert_int_equal(sqlite3_prepare_v2(f->st->db, "INSERT INTO raw_messages (sha256, size, "
	                                    "compression, data, dict_id) VALUES (?, ?, 'zstd', ?, ?)",
	                                    -1, &stmt, NULL), SQLITE_OK);
	sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)strlen(raw));
	sqlite3_bind_blob(stmt, 3, packed->data, (int)packed->len, SQLITE_TRANSIENT);
	if (dict != NULL)
		sqlite3_bind_int64(stmt, 4, store_raw_dict_id(dict));
	assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
	sqlite3_finalize(stmt);
	g_free(hash);
	g_byte_array_free(packed, TRUE);
	return sqlite3_last_insert_rowid(f->st->db);
}

/* Row id read back through store_raw_load() and store_raw_unpack(): 0
 * when it is want, -1 (with *error_r when the load failed). */
static int read_back(struct fixture *f, int64_t id, const char *want, char **error_r)
{
	const struct store_raw_dict *dict = NULL;
	unsigned char *packed = NULL, *raw = NULL;
	size_t packed_len, size;
	int ret = -1;

	if (store_raw_load(f->st, id, &packed, &packed_len, &size, &dict, error_r) < 0)
		return -1;
	if (store_raw_unpack(dict, packed, packed_len, size, &raw) == 0 && size == strlen(want) &&
	    memcmp(raw, want, size) == 0)
		ret = 0;
	g_free(packed);
	g_free(raw);
	return ret;
}

static int64_t scalar(struct fixture *f, const char *sql)
{
	char *error = NULL;
	int64_t v = -1;

	assert_int_equal(store_scalar(f->st, sql, "test", 0, &v, &error), 0);
	return v;
}

static void put_many(struct fixture *f, int from, int to)
{
	for (int i = from; i < to; i++) {
		char *raw = mail(i);
		put_raw(f, NULL, raw);
		g_free(raw);
	}
}

static void test_round_trip_without_dictionary(void **state)
{
	struct fixture *f = *state;
	char *raw = mail(1), *error = NULL;

	int64_t id = put_raw(f, NULL, raw);
	assert_int_equal(read_back(f, id, raw, &error), 0);
	int64_t empty = put_raw(f, NULL, "");
	assert_int_equal(read_back(f, empty, "", &error), 0);
	g_free(raw);
}

/* Training compresses the sample rows again, smaller; they and new rows
 * read back, and so do the rows left as they were. */
static void test_train_and_round_trip(void **state)
{
	struct fixture *f = *state;
	const struct store_raw_dict *dict = NULL;
	char *error = NULL;

	put_many(f, 0, 300);
	int64_t before = scalar(f, "SELECT sum(length(data)) FROM raw_messages");
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_raw_train(f->st, 200, &error), 1);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_dicts"), 1);
	/* The latest 200 were the samples; the first 100 are untouched. */
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_messages WHERE dict_id = 1"), 200);
	assert_int_equal(scalar(f, "SELECT max(id) FROM raw_messages WHERE dict_id IS NULL"), 100);
	int64_t after = scalar(f, "SELECT sum(length(data)) FROM raw_messages");
	assert_true(after < before * 3 / 4);
	for (int i = 0; i < 300; i++) {
		char *raw = mail(i);
		assert_int_equal(read_back(f, i + 1, raw, &error), 0);
		g_free(raw);
	}
	/* New mail: the dictionary comes from the store, and is smaller. */
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_non_null(dict);
	assert_int_equal(store_raw_dict_id(dict), 1);
	char *raw = mail(1000);
	int64_t with = put_raw(f, dict, raw), alone = put_raw(f, NULL, "x");
	assert_int_equal(read_back(f, with, raw, &error), 0);
	assert_int_equal(read_back(f, alone, "x", &error), 0);
	g_free(raw);
}

/* A large sample (an attachment's worth) keeps its own compression:
 * training compresses again only what the dictionary is for, so the
 * writer never holds a large message four times over. Its head still
 * teaches the dictionary, and it reads back. */
static void test_large_samples_are_not_compressed_again(void **state)
{
	struct fixture *f = *state;
	char *error = NULL;

	put_many(f, 0, 150);
	GString *big = g_string_new("Subject: drawings\r\nMIME-Version: 1.0\r\n\r\n");
	for (int k = 0; big->len < 600 * 1024; k++)
		g_string_append_printf(big, "%08x drawing line %d of the attachment\r\n",
		                       (unsigned)g_str_hash(big->str + big->len - 16) ^ (unsigned)k, k);
	int64_t id = put_raw(f, NULL, big->str);
	put_many(f, 150, 200);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_raw_train(f->st, 200, &error), 1);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(scalar(f, "SELECT samples FROM raw_dicts WHERE id = 1"), 200);
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_messages WHERE dict_id = 1"), 199);
	char *sql = g_strdup_printf("SELECT dict_id IS NULL FROM raw_messages WHERE id = %lld",
	                            (long long)id);
	assert_int_equal(scalar(f, sql), 1);
	g_free(sql);
	assert_int_equal(read_back(f, id, big->str, &error), 0);
	g_string_free(big, TRUE);
}

/* The writer trains by itself once the store holds enough mail, inside
 * its transaction; outside one, never. */
static void test_trained_when_due(void **state)
{
	struct fixture *f = *state;
	const struct store_raw_dict *dict = NULL;
	char *error = NULL;

	put_many(f, 0, 999);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_null(dict);
	put_many(f, 999, 1000);
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_non_null(dict);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_messages WHERE dict_id IS NULL"), 0);
}

/* A dictionary trained in a transaction that rolls back is gone, and no
 * later row refers to it. */
static void test_rollback_takes_the_dictionary(void **state)
{
	struct fixture *f = *state;
	const struct store_raw_dict *dict = NULL;
	char *error = NULL;

	put_many(f, 0, 200);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_raw_train(f->st, 200, &error), 1);
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_non_null(dict);
	store_rollback(f->st);
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_null(dict);
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_dicts"), 0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_messages WHERE dict_id IS NOT NULL"), 0);
	char *raw = mail(5);
	assert_int_equal(read_back(f, 6, raw, &error), 0);
	g_free(raw);
}

/* Too little mail to learn from: no dictionary, and nothing changes. */
static void test_too_little_to_train(void **state)
{
	struct fixture *f = *state;
	char *error = NULL;

	put_many(f, 0, 10);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_raw_train(f->st, 1000, &error), 0);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_dicts"), 0);
}

static void reopen(struct fixture *f, const char *sql)
{
	char *error = NULL;
	sqlite3 *db;

	store_close(&f->st);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(f->path, STORE_READ_WRITE, &f->st, &error), 0);
}

static void trained(struct fixture *f)
{
	char *error = NULL;

	put_many(f, 0, 200);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_raw_train(f->st, 150, &error), 1);
	assert_int_equal(store_commit(f->st, &error), 0);
}

/* A damaged or missing dictionary: its rows give a clear error, rows
 * without one still read, nothing crashes. */
static void test_damaged_dictionary(void **state)
{
	struct fixture *f = *state;
	char *error = NULL, *raw = mail(199), *old = mail(0);

	trained(f);
	reopen(f, "UPDATE raw_dicts SET data = randomblob(length(data))");
	assert_int_equal(read_back(f, 200, raw, &error), -1);
	assert_non_null(strstr(error, "raw message 200 cannot be read"));
	assert_non_null(strstr(error, "compression dictionary 1 is damaged"));
	g_free(error);
	error = NULL;
	assert_int_equal(read_back(f, 1, old, &error), 0);
	/* New mail is still stored, alone, and a new dictionary trained. */
	const struct store_raw_dict *dict = NULL;
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_null(dict);
	reopen(f, "UPDATE raw_messages SET id = id + 1000 WHERE id = 1");   /* "enough mail" */
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_int_equal(store_raw_dict_id(dict), 2);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(read_back(f, 1001, old, &error), 0);
	g_free(raw);
	g_free(old);
}

static void test_missing_dictionary(void **state)
{
	struct fixture *f = *state;
	char *error = NULL, *raw = mail(199);

	trained(f);
	reopen(f, "PRAGMA foreign_keys = OFF; DELETE FROM raw_dicts");
	assert_int_equal(read_back(f, 200, raw, &error), -1);
	assert_non_null(strstr(error, "compression dictionary 1 is missing"));
	g_free(error);
	g_free(raw);
}

/* A row compressed with a dictionary but recorded without one, or with
 * the wrong one, or with damaged bytes, does not decompress. */
static void test_mismatched_rows_fail_cleanly(void **state)
{
	struct fixture *f = *state;
	char *error = NULL, *raw = mail(199);

	trained(f);
	assert_int_equal(store_exec(f->st, "UPDATE raw_messages SET dict_id = NULL WHERE id = 200",
	                            &error), 0);
	assert_int_equal(read_back(f, 200, raw, &error), -1);
	assert_null(error);
	assert_int_equal(store_exec(f->st, "UPDATE raw_messages SET dict_id = 1, data = "
	                                   "CAST(substr(data, 1, 10) || x'ff00ff' AS BLOB) "
	                                   "WHERE id = 199",
	                            &error), 0);
	assert_int_equal(read_back(f, 199, raw, &error), -1);
	assert_null(error);
	g_free(raw);
}

/* Forgetting a message the dictionary was trained from retires it: its
 * rows are compressed again with a new one, trained from what is left;
 * forgetting any other message keeps it. */
static void test_forget_retires_the_dictionary(void **state)
{
	struct fixture *f = *state;
	char *error = NULL;
	int retired = -1;

	trained(f);   /* 200 rows, 51 to 200 the samples */
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_exec(f->st, "DELETE FROM raw_messages WHERE id = 10", &error), 0);
	assert_int_equal(store_raw_dicts_sweep(f->st, &retired, &error), 0);
	assert_int_equal(retired, 0);
	assert_int_equal(store_exec(f->st, "DELETE FROM raw_messages WHERE id = 120", &error), 0);
	assert_int_equal(store_raw_dicts_sweep(f->st, &retired, &error), 0);
	assert_int_equal(retired, 1);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_dicts WHERE id = 1"), 0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_messages WHERE dict_id = 1"), 0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM raw_dicts"), 1);
	assert_true(scalar(f, "SELECT count(*) FROM raw_messages WHERE dict_id = 2") > 150);
	/* Trained from all 198 left, with dictionary 1 or none, row 51 (with
	 * 1) longer than a head just before row 50 (with none). */
	assert_int_equal(scalar(f, "SELECT samples FROM raw_dicts WHERE id = 2"), 198);
	for (int i = 0; i < 200; i++) {
		char *raw = mail(i);
		if (i + 1 != 10 && i + 1 != 120)
			assert_int_equal(read_back(f, i + 1, raw, &error), 0);
		g_free(raw);
	}
	/* New mail uses the new one. */
	const struct store_raw_dict *dict = NULL;
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_int_equal(store_raw_dict_id(dict), 2);
}

/* Another process (`followup forget`) retires the dictionary the writer
 * has in hand: the writer's next transaction sees it gone. */
static void test_retired_elsewhere(void **state)
{
	struct fixture *f = *state;
	const struct store_raw_dict *dict = NULL;
	struct store *other = NULL;
	char *error = NULL;
	int retired;

	trained(f);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_int_equal(store_raw_dict_id(dict), 1);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(store_open(f->path, STORE_READ_WRITE, &other, &error), 0);
	assert_int_equal(store_begin(other, &error), 0);
	assert_int_equal(store_exec(other, "DELETE FROM raw_messages WHERE id = 150", &error), 0);
	assert_int_equal(store_raw_dicts_sweep(other, &retired, &error), 0);
	assert_int_equal(retired, 1);
	assert_int_equal(store_commit(other, &error), 0);
	store_close(&other);
	assert_int_equal(store_begin(f->st, &error), 0);
	assert_int_equal(store_raw_dict_for_new(f->st, &dict, &error), 0);
	assert_int_equal(store_raw_dict_id(dict), 2);
	char *raw = mail(5000);
	int64_t id = put_raw(f, dict, raw);
	assert_int_equal(store_commit(f->st, &error), 0);
	assert_int_equal(read_back(f, id, raw, &error), 0);
	g_free(raw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip_without_dictionary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_train_and_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_samples_are_not_compressed_again, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_trained_when_due, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_takes_the_dictionary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_little_to_train, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_dictionary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_dictionary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mismatched_rows_fail_cleanly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forget_retires_the_dictionary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retired_elsewhere, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
