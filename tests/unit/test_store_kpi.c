/* store/kpi.c and the quotes' listing, against a real SQLite file in a
 * temp dir: the streamed threads of a period are store_sla_threads()'s
 * (all their messages, owner, writer), only those with mail in the
 * period; the customers in brief agree with store_customers(); the open
 * quotes chosen in SQL are those without a later answer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libpsl.h>

#include "classify/classify.h"
#include "core/filing.h"
#include "parsers/message.h"
#include "rules/sla.h"
#include "store/store.h"
#include "store/store-private.h"   /* store_exec: to mark our mail as quotes */
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

/* Mon 2 Nov 2026 inquiry, our quote at noon, their answer Tuesday, our
 * second quote Wednesday (never answered); a second customer's lone
 * inquiry a month earlier. */
static const char *const MAIL[] = {
	"From: Hans <hans@kunde.de>\r\nTo: sales@example.com\r\n"
	"Subject: Anfrage Pumpen\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n"
	"Message-ID: <inq@kunde.de>\r\n\r\nWir brauchen 200 Pumpen.\r\n",
	"From: Li Wei <li.wei@example.com>\r\nTo: hans@kunde.de\r\n"
	"Subject: AW: Anfrage Pumpen\r\nDate: Mon, 02 Nov 2026 12:00:00 +0100\r\n"
	"Message-ID: <q1@example.com>\r\nIn-Reply-To: <inq@kunde.de>\r\n"
	"References: <inq@kunde.de>\r\n\r\nGerne, anbei unser Preis.\r\n",
	"From: Hans <hans@kunde.de>\r\nTo: li.wei@example.com\r\n"
	"Subject: Re: AW: Anfrage Pumpen\r\nDate: Tue, 03 Nov 2026 09:00:00 +0100\r\n"
	"Message-ID: <re@kunde.de>\r\nIn-Reply-To: <q1@example.com>\r\n"
	"References: <inq@kunde.de> <q1@example.com>\r\n\r\nZu teuer.\r\n",
	"From: Anna <anna@example.com>\r\nTo: hans@kunde.de\r\n"
	"Subject: AW: Re: AW: Anfrage Pumpen\r\nDate: Wed, 04 Nov 2026 10:00:00 +0100\r\n"
	"Message-ID: <q2@example.com>\r\nIn-Reply-To: <re@kunde.de>\r\n"
	"References: <inq@kunde.de> <q1@example.com> <re@kunde.de>\r\n\r\nNeuer Preis.\r\n",
	"From: Jean <jean@client.fr>\r\nTo: sales@example.com\r\n"
	"Subject: Demande de prix\r\nDate: Fri, 02 Oct 2026 09:00:00 +0200\r\n"
	"Message-ID: <inq@client.fr>\r\n\r\nPrix pour 10 vannes ?\r\n",
};

/* 2 Nov 2026 00:00 UTC */
#define NOV2 (INT64_C(1793577600))
#define DAY (INT64_C(86400))

static void ingest(struct fixture *f, const char *raw)
{
	struct ingest_report report;
	char *error = NULL;
	struct ingest_source src = { .folder_id = f->folder_id, .uidvalidity = 1,
	                             .uid = f->next_uid++, .internaldate = INT64_MIN };

	assert_int_equal(store_begin(f->st, &error), 0);
	if (core_file_raw(f->st, &f->opts, (const unsigned char *)raw, strlen(raw), &src, &report,
	                  &error) < 0)
		fail_msg("ingest: %s", error);
	assert_int_equal(store_commit(f->st, &error), 0);
	g_free(report.message_id);
}

static int setup(void **state)
{
	struct fixture *f = g_new0(struct fixture, 1);
	static const char *const own[] = { "example.com", NULL };
	const char *error = NULL;
	char *err = NULL;

	f->dir = g_dir_make_tmp("followup-store-kpi-XXXXXX", NULL);
	f->path = g_build_filename(f->dir, "test.db", NULL);
	f->psl = psl_load_file("/usr/share/publicsuffix/public_suffix_list.dat");
	if (f->psl == NULL)
		f->psl = (psl_ctx_t *)psl_builtin();
	struct classify_options co = { .own_domains = own, .psl = f->psl };
	assert_int_equal(classify_new(&co, &f->cls, &error), 0);
	f->opts.analyze.cls = f->cls;
	f->opts.thread_window = 30 * 24 * 3600;
	assert_int_equal(store_open(f->path, STORE_READ_WRITE, &f->st, &err), 0);
	struct store_folder folder;
	assert_int_equal(store_folder_get(f->st, "sales", "INBOX", &folder, &err), 0);
	f->folder_id = folder.id;
	f->next_uid = 1;
	for (size_t i = 0; i < G_N_ELEMENTS(MAIL); i++)
		ingest(f, MAIL[i]);
	assert_int_equal(store_exec(f->st, "UPDATE messages SET kind = 'quote' WHERE message_id "
	                                   "IN ('q1@example.com', 'q2@example.com')", &err), 0);
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

/* What a stream gave: copies of its threads. */
struct seen {
	GPtrArray *threads;   /* struct sla_thread * with msgs copied, strings copied */
};

static void keep_thread(const struct sla_thread *t, void *ctx)
{
	struct seen *s = ctx;
	struct sla_thread *c = g_new0(struct sla_thread, 1);

	c->thread = t->thread;
	c->customer = g_strdup(t->customer);
	c->customer_id = t->customer_id;
	c->customer_owner = g_strdup(t->customer_owner);
	c->country = g_strdup(t->country);
	c->last_writer = g_strdup(t->last_writer);
	c->msgs = g_memdup2(t->msgs, t->n_msgs * sizeof(*t->msgs));
	c->n_msgs = t->n_msgs;
	g_ptr_array_add(s->threads, c);
}

static void seen_free(gpointer p)
{
	struct sla_thread *t = p;

	g_free(t->customer);
	g_free(t->customer_owner);
	g_free(t->country);
	g_free(t->last_writer);
	g_free(t->msgs);
	g_free(t);
}

static void assert_same_thread(const struct sla_thread *a, const struct sla_thread *b)
{
	assert_int_equal(a->thread, b->thread);
	assert_string_equal(a->customer, b->customer);
	assert_int_equal(a->customer_id, b->customer_id);
	assert_true(g_strcmp0(a->customer_owner, b->customer_owner) == 0);
	assert_true(g_strcmp0(a->country, b->country) == 0);
	assert_true(g_strcmp0(a->last_writer, b->last_writer) == 0);
	assert_int_equal(a->n_msgs, b->n_msgs);
	for (size_t i = 0; i < a->n_msgs; i++) {
		assert_int_equal(a->msgs[i].date, b->msgs[i].date);
		assert_int_equal(a->msgs[i].dir, b->msgs[i].dir);
		assert_int_equal(a->msgs[i].kind, b->msgs[i].kind);
	}
}

static void test_threads_of_a_period(void **state)
{
	struct fixture *f = *state;
	struct sla_thread *all = NULL;
	size_t n_all = 0;
	char *error = NULL;
	struct seen s = { .threads = g_ptr_array_new_with_free_func(seen_free) };

	/* November: Hans's thread only, with all four messages */
	assert_int_equal(store_kpi_threads(f->st, NOV2, NOV2 + 30 * DAY, keep_thread, &s, &error), 0);
	assert_int_equal(store_sla_threads(f->st, NOV2 - 60 * DAY, &all, &n_all, &error), 0);
	assert_int_equal(n_all, 2);
	assert_int_equal(s.threads->len, 1);
	const struct sla_thread *hans = s.threads->pdata[0];
	assert_string_equal(hans->customer, "kunde.de");
	assert_int_equal(hans->n_msgs, 4);
	assert_string_equal(hans->last_writer, "anna@example.com");
	assert_int_equal(hans->msgs[1].kind, MSG_KIND_QUOTE);
	for (size_t i = 0; i < n_all; i++) {
		if (all[i].thread == hans->thread)
			assert_same_thread(hans, &all[i]);
	}

	/* a period that holds only Wednesday still gives the whole thread */
	g_ptr_array_set_size(s.threads, 0);
	assert_int_equal(store_kpi_threads(f->st, NOV2 + 2 * DAY, NOV2 + 3 * DAY, keep_thread, &s,
	                                   &error), 0);
	assert_int_equal(s.threads->len, 1);
	assert_int_equal(((struct sla_thread *)s.threads->pdata[0])->n_msgs, 4);

	/* the whole autumn: both, in thread order, as store_sla_threads */
	g_ptr_array_set_size(s.threads, 0);
	assert_int_equal(store_kpi_threads(f->st, NOV2 - 60 * DAY, NOV2 + 30 * DAY, keep_thread, &s,
	                                   &error), 0);
	assert_int_equal(s.threads->len, n_all);
	for (size_t i = 0; i < n_all; i++)
		assert_same_thread(s.threads->pdata[i], &all[i]);

	/* October: Jean's thread only, not Hans's of November */
	g_ptr_array_set_size(s.threads, 0);
	assert_int_equal(store_kpi_threads(f->st, NOV2 - 60 * DAY, NOV2, keep_thread, &s, &error),
	                 0);
	assert_int_equal(s.threads->len, 1);
	assert_string_equal(((struct sla_thread *)s.threads->pdata[0])->customer, "client.fr");

	/* nothing in an empty period */
	g_ptr_array_set_size(s.threads, 0);
	assert_int_equal(store_kpi_threads(f->st, NOV2 + 3 * DAY, NOV2 + 3 * DAY, keep_thread, &s,
	                                   &error), 0);
	assert_int_equal(s.threads->len, 0);
	store_sla_threads_free(&all, n_all);
	g_ptr_array_unref(s.threads);
}

static void count_quote(const struct store_quote *q, void *ctx)
{
	GPtrArray *ids = ctx;

	g_ptr_array_add(ids, g_strdup_printf("%s %s %lld", q->message_id, q->customer,
	                                     (long long)q->date));
}

static void test_quotes_of_a_period(void **state)
{
	struct fixture *f = *state;
	GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
	char *error = NULL;

	/* Monday only: q1 (11:00 UTC) */
	assert_int_equal(store_kpi_quotes(f->st, NOV2, NOV2 + DAY, count_quote, ids, &error), 0);
	assert_int_equal(ids->len, 1);
	assert_string_equal(ids->pdata[0], "q1@example.com kunde.de 1793617200");
	g_ptr_array_set_size(ids, 0);
	assert_int_equal(store_kpi_quotes(f->st, NOV2, NOV2 + 7 * DAY, count_quote, ids, &error), 0);
	assert_int_equal(ids->len, 2);
	g_ptr_array_unref(ids);
}

static void test_open_quotes(void **state)
{
	struct fixture *f = *state;
	struct store_quote *all = NULL, *open = NULL;
	size_t n_all = 0, n_open = 0;
	char *error = NULL;

	assert_int_equal(store_quotes_select(f->st, 0, false, &all, &n_all, &error), 0);
	assert_int_equal(store_quotes_select(f->st, 0, true, &open, &n_open, &error), 0);
	assert_int_equal(n_all, 2);
	assert_string_equal(all[0].message_id, "q1@example.com");
	assert_int_equal(all[0].answered_at, NOV2 + DAY + 8 * 3600);   /* Tue 09:00 +0100 */
	assert_string_equal(all[1].message_id, "q2@example.com");
	assert_int_equal(all[1].answered_at, INT64_MIN);
	/* the open ones: exactly those the listing of all finds unanswered */
	assert_int_equal(n_open, 1);
	assert_string_equal(open[0].message_id, "q2@example.com");
	assert_string_equal(open[0].subject, all[1].subject);
	assert_int_equal(open[0].thread, all[1].thread);
	assert_int_equal(open[0].answered_at, INT64_MIN);
	store_quotes_free(&open, n_open);

	/* one customer's through its own query: the same */
	int64_t id = 0;
	assert_int_equal(store_scalar(f->st, "SELECT id FROM customers WHERE key = 'kunde.de'",
	                              "test", 0, &id, &error), 0);
	assert_int_equal(store_quotes_select(f->st, id, true, &open, &n_open, &error), 0);
	assert_int_equal(n_open, 1);
	assert_string_equal(open[0].message_id, "q2@example.com");
	store_quotes_free(&open, n_open);
	store_quotes_free(&all, n_all);
}

static void test_customers_in_brief(void **state)
{
	struct fixture *f = *state;
	struct store_customer **full = NULL, **brief = NULL;
	size_t n_full = 0, n_brief = 0;
	char *error = NULL;

	assert_int_equal(store_exec(f->st, "UPDATE customers SET owner = 'anna@example.com', "
	                                   "grade_computed = 'B', stage = 'quoted' "
	                                   "WHERE key = 'kunde.de'", &error), 0);
	assert_int_equal(store_customers(f->st, &full, &n_full, &error), 0);
	assert_int_equal(store_customers_brief(f->st, &brief, &n_brief, &error), 0);
	assert_int_equal(n_brief, n_full);
	assert_true(n_brief >= 2);
	for (size_t i = 0; i < n_brief; i++) {
		const struct store_customer *b = brief[i], *c = NULL;
		for (size_t k = 0; k < n_full; k++) {
			if (full[k]->id == b->id)
				c = full[k];
		}
		assert_non_null(c);
		assert_string_equal(b->key, c->key);
		assert_int_equal(b->last_inbound, c->last_inbound);
		assert_true(g_strcmp0(b->owner, c->owner) == 0);
		assert_true(g_strcmp0(b->grade_computed, c->grade_computed) == 0);
		assert_true(g_strcmp0(b->stage, c->stage) == 0);
		assert_true(g_strcmp0(b->country, c->country) == 0);
		assert_non_null(b->tags);
		if (i > 0)
			assert_true(brief[i - 1]->id < b->id);
	}
	store_customers_free(&full, n_full);
	store_customers_free(&brief, n_brief);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_threads_of_a_period, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quotes_of_a_period, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_customers_in_brief, setup, teardown),
	};
	message_parser_init();
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	message_parser_deinit();
	return rc;
}
