/*
 * store_bench: the CLI's latency on a million-message store (issue 12).
 *
 *   store_bench [-n MESSAGES] [-k] -c CONFIG -b FOLLOWUP -o OUT.json STORE
 *
 * 1. Generation (skipped with -k: STORE is an earlier run's). STORE is
 *    opened with store_open(), so every migration of the store's own
 *    schema runs, and filled straight with SQL in one transaction of
 *    prepared statements, from a fixed seed; then the search index is
 *    built as reparse does (store_search_rebuild). The shape, for
 *    MESSAGES = N:
 *    - N/100 customers (domains across 12 countries), grades A/B/C/D
 *      (10/25/35/30 %, graded "today" so the daily grading is not due),
 *      a manual grade on one in twenty, owners among the five [person]s
 *      of CONFIG (one in ten unowned), stages, next actions with dates
 *      (a third of them past), 1-4 contacts each;
 *    - threads spread over the 5 years before --now: an inquiry from the
 *      buyer, our quote (facts: product, price, currency, incoterm),
 *      then replies both ways, 2-10 messages; one thread in four is left
 *      with our quote unanswered (open quotes); the customer of a thread
 *      drawn with a skew (the largest has about 0.2 % of the mail, the
 *      smallest a few messages);
 *    - N/10 open threads: a lone inquiry nobody answered, in the 90 days
 *      before --now (the window the service-level rules watch), so that
 *      the rules pass has its N/10 conversations to evaluate;
 *    - N/20 newsletters and auto-replies, one-message threads;
 *    - bodies of 20-120 words of Chinese, English and German trade words;
 *    - N/50 notes, N/200 orders (amounts, currencies, due dates; a part
 *      paid, one in six overdue) with payments.
 *    Every message shares ONE small raw_messages row: no CLI query reads
 *    the raw mail (reparse and show would). The store's size is thus the
 *    parsed tables and the search index, without the raw mail.
 * 2. The CLI as a user runs it: fork/exec of FOLLOWUP -c CONFIG --now NOW
 *    with its output to /dev/null, RUNS times each: the p50 and p99 of the
 *    wall time, the median CPU time (user + sys) and the largest peak RSS
 *    (wait4's ru_maxrss). A run that fails stops the bench: its time
 *    would mean nothing.
 * 3. The rules pass followupd runs (daemon/rules_run.c: run_plan): in this
 *    process, with CONFIG's rules and the same fixed now, the daily
 *    grading (not due: graded today) and core_plan_pass() inside a
 *    transaction, rolled back after each run so each run does the same
 *    work; the sending, which is SMTP's, is not timed.
 * OUT.json gets one object a job; stdout a table. Run by bench/store.sh.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <math.h>
#include <glib.h>
#include <jansson.h>
#include <sqlite3.h>

#include "bench/vocabulary.h"
#include "config/config.h"
#include "core/analyze.h"
#include "core/grade.h"
#include "core/plan.h"
#include "core/rules_runtime.h"
#include "core/runtime.h"
#include "store/store-private.h"

#define NOW_TEXT "2026-11-24T10:00:00Z"
#define DAY (24 * 3600)
#define YEAR (365 * DAY)

static const char *const persons[] = {
	"li.wei@example.com", "zhang@example.com", "anna@example.com", "omar@example.com",
	"maria@example.com",
};
static const char *const countries[] = {
	"DE", "CN", "US", "AE", "PL", "BR", "IN", "TR", "CO", "FR", "IT", "VN",
};
static const char *const tlds[] = {
	"de", "cn", "com", "ae", "pl", "com.br", "in", "com.tr", "com.co", "fr", "it", "vn",
};
static const char *const stages[] = {
	"lead", "inquiry", "quoted", "sampling", "negotiating", "ordered", "shipped", "paid",
	"dormant", "lost",
};
static const char *const currencies[] = { "USD", "EUR", "CNY", "USD", "EUR", "GBP" };
static const char *const products[] = {
	"centrifugal pump", "gate valve", "ball valve", "flange DN50", "hydraulic pump",
	"stainless steel pipe", "pressure gauge",
};

struct gen {
	sqlite3 *db;
	guint64 seed;
	int64_t now;
	long n_customers;
	sqlite3_stmt *customer, *contact, *thread, *msg, *note, *order, *payment;
	GString *body;
	long messages;
	long next_thread;
};

static guint32 rnd(struct gen *g)
{
	g->seed = g->seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (guint32)(g->seed >> 33);
}

/* A uniform draw in [0, n). */
static long pick(struct gen *g, long n)
{
	return n <= 1 ? 0 : (long)(((guint64)rnd(g) << 31 | rnd(g)) % (guint64)n);
}

static double unit(struct gen *g)
{
	return (double)rnd(g) / 4294967296.0;
}

static double clock_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what, const char *error)
{
	fprintf(stderr, "store_bench: %s: %s\n", what, error != NULL ? error : "failed");
	exit(1);
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		die(sql, sqlite3_errmsg(db));
	return stmt;
}

static void step(struct gen *g, sqlite3_stmt *stmt)
{
	if (sqlite3_step(stmt) != SQLITE_DONE)
		die("insert", sqlite3_errmsg(g->db));
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

static void text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(stmt, idx);
	else
		sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
}

static void customer_domain(long c, char *buf, size_t size)
{
	snprintf(buf, size, "buyer%ld.%s", c, tlds[c % G_N_ELEMENTS(tlds)]);
}

static void make_body(struct gen *g, int min, int span)
{
	int words = min + (int)pick(g, span);

	g_string_truncate(g->body, 0);
	for (int w = 0; w < words; w++) {
		const char *word = vocabulary[pick(g, G_N_ELEMENTS(vocabulary))];
		if (g->body->len > 0 && (word[0] & 0x80) == 0)
			g_string_append_c(g->body, ' ');
		g_string_append(g->body, word);
	}
}

static void gen_customers(struct gen *g)
{
	for (long c = 1; c <= g->n_customers; c++) {
		char key[64], name[64], next_date[16], addr[96];
		customer_domain(c, key, sizeof(key));
		snprintf(name, sizeof(name), "Buyer %ld Trading", c);
		double u = unit(g);
		const char *grade = u < 0.10 ? "A" : u < 0.35 ? "B" : u < 0.70 ? "C" : "D";
		sqlite3_stmt *s = g->customer;
		sqlite3_bind_int64(s, 1, c);
		text(s, 2, key);
		text(s, 3, name);
		text(s, 4, countries[c % G_N_ELEMENTS(countries)]);
		text(s, 5, pick(g, 10) == 0 ? NULL : persons[pick(g, G_N_ELEMENTS(persons))]);
		text(s, 6, grade);
		sqlite3_bind_int64(s, 7, g->now - 3600);
		text(s, 8, pick(g, 20) == 0 ? grade : NULL);
		text(s, 9, stages[pick(g, G_N_ELEMENTS(stages))]);
		if (pick(g, 2) == 0) {
			/* a third in the past: due or late */
			time_t t = (time_t)(g->now + (pick(g, 90) - 30) * DAY);
			struct tm tm;
			gmtime_r(&t, &tm);
			strftime(next_date, sizeof(next_date), "%Y-%m-%d", &tm);
			text(s, 10, "call about the samples");
			text(s, 11, next_date);
		}
		step(g, s);
		long n_contacts = 1 + pick(g, 4);
		for (long k = 0; k < n_contacts; k++) {
			snprintf(addr, sizeof(addr), "buyer%ld@%s", k, key);
			text(g->contact, 1, addr);
			sqlite3_bind_int64(g->contact, 2, c);
			snprintf(name, sizeof(name), "Buyer %ld", k);
			text(g->contact, 3, name);
			step(g, g->contact);
		}
	}
}

/* The customer of a new thread: a skewed draw (c ~ u^1.5), so a few
 * customers hold much of the mail and most hold a little. */
static long thread_customer(struct gen *g)
{
	long c = 1 + (long)((double)g->n_customers * pow(unit(g), 1.5));

	return MIN(c, g->n_customers);
}

static long new_thread(struct gen *g, long c, const char *subject, const char *origin)
{
	long id = ++g->next_thread;

	sqlite3_bind_int64(g->thread, 1, id);
	sqlite3_bind_int64(g->thread, 2, c);
	text(g->thread, 3, subject);
	text(g->thread, 4, origin);
	step(g, g->thread);
	return id;
}

static void add_message(struct gen *g, long c, long thread, int64_t date, bool out,
                        const char *kind, const char *subject, const char *facts, bool ack_ok)
{
	char id[96], from[96], to[128], buyer[96], domain[64], snippet[128];
	long n = ++g->messages;

	customer_domain(c, domain, sizeof(domain));
	snprintf(buyer, sizeof(buyer), "buyer0@%s", domain);
	snprintf(id, sizeof(id), "m%ld@%s", n, out ? "example.com" : domain);
	if (out) {
		g_strlcpy(from, persons[c % G_N_ELEMENTS(persons)], sizeof(from));
		snprintf(to, sizeof(to), "[\"%s\"]", buyer);
	} else {
		g_strlcpy(from, buyer, sizeof(from));
		g_strlcpy(to, "[\"sales@example.com\"]", sizeof(to));
	}
	make_body(g, 20, 101);
	/* the first 100 bytes, cut at a character */
	const char *end = g->body->str + MIN(g->body->len, 100);
	while (end > g->body->str && (*end & 0xC0) == 0x80)
		end--;
	g_strlcpy(snippet, g->body->str, MIN(sizeof(snippet), (size_t)(end - g->body->str) + 1));
	sqlite3_stmt *s = g->msg;
	text(s, 1, id);
	sqlite3_bind_int64(s, 2, date);
	text(s, 3, out ? "out" : "in");
	text(s, 4, kind);
	text(s, 5, from);
	text(s, 6, out ? "Sales" : "Buyer");
	text(s, 7, to);
	text(s, 8, subject);
	text(s, 9, snippet);
	text(s, 10, g->body->str);
	sqlite3_bind_int64(s, 11, c);
	sqlite3_bind_int64(s, 12, thread);
	text(s, 13, out ? NULL : (c % 3 == 0 ? "zh" : c % 3 == 1 ? "en" : "de"));
	text(s, 14, facts);
	text(s, 15, out ? NULL : ack_ok ? "" : "old");
	text(s, 16, out || !ack_ok ? NULL : buyer);
	step(g, s);
}

/* A sales conversation: inquiry, our quote, then replies both ways. */
static void gen_sales_thread(struct gen *g, long span_start, long span)
{
	long c = thread_customer(g);
	int64_t date = g->now - span_start + pick(g, span);
	char subject[128], facts[512];
	const char *product = products[pick(g, G_N_ELEMENTS(products))];
	const char *cur = currencies[pick(g, G_N_ELEMENTS(currencies))];

	snprintf(subject, sizeof(subject), "Inquiry: %s %s", product,
	         vocabulary[pick(g, G_N_ELEMENTS(vocabulary))]);
	long t = new_thread(g, c, subject, "inquiry");
	long length = 2 + pick(g, 9);
	bool open_quote = pick(g, 4) == 0;
	if (open_quote)
		length = 2;
	for (long k = 0; k < length; k++) {
		bool out = k % 2 == 1;
		const char *kind = k == 0 ? "inquiry" : k == 1 ? "quote" : "reply";
		char re[140];
		snprintf(re, sizeof(re), "%s%s", k > 0 ? "Re: " : "", subject);
		if (k == 1)
			snprintf(facts, sizeof(facts), "{\"products\":[\"%s\"],\"prices\":[{\"currency\":"
			         "\"%s\",\"amount\":%ld,\"text\":\"%s %ld\"}],\"incoterm\":\"FOB\","
			         "\"incoterm_place\":\"Ningbo\"}", product, cur, 10 + pick(g, 5000), cur,
			         10 + pick(g, 5000));
		add_message(g, c, t, date, out, kind, re, k == 1 ? facts : NULL, false);
		date += 3600 + pick(g, 3 * DAY);
		if (date > g->now)
			break;
	}
}

static void gen_open_inquiry(struct gen *g)
{
	long c = thread_customer(g);
	int64_t date = g->now - pick(g, 90 * DAY);
	char subject[128];

	snprintf(subject, sizeof(subject), "RFQ %s %s", products[pick(g, G_N_ELEMENTS(products))],
	         vocabulary[pick(g, G_N_ELEMENTS(vocabulary))]);
	long t = new_thread(g, c, subject, "inquiry");
	add_message(g, c, t, date, false, "inquiry", subject, NULL, true);
}

static void gen_robot(struct gen *g)
{
	long c = thread_customer(g);
	bool news = pick(g, 2) == 0;
	const char *subject = news ? "Our monthly newsletter" : "Out of office";
	long t = new_thread(g, c, subject, news ? "newsletter" : "auto-reply");

	add_message(g, c, t, g->now - pick(g, 5 * YEAR), false, news ? "newsletter" : "auto-reply",
	            subject, NULL, false);
}

static void gen_records(struct gen *g, long n)
{
	for (long i = 0; i < n / 50; i++) {
		sqlite3_bind_int64(g->note, 1, 1 + pick(g, g->n_customers));
		text(g->note, 2, pick(g, 2) == 0 ? "call" : "meeting");
		sqlite3_bind_int64(g->note, 3, g->now - pick(g, 5 * YEAR));
		make_body(g, 5, 20);
		text(g->note, 4, g->body->str);
		text(g->note, 5, persons[pick(g, G_N_ELEMENTS(persons))]);
		step(g, g->note);
	}
	for (long i = 1; i <= n / 200; i++) {
		char number[32], due[16];
		int64_t created = g->now - pick(g, 5 * YEAR);
		bool overdue = pick(g, 6) == 0;
		time_t d = (time_t)(overdue ? g->now - pick(g, 60 * DAY) - DAY : created + 60 * DAY);
		struct tm tm;
		gmtime_r(&d, &tm);
		strftime(due, sizeof(due), "%Y-%m-%d", &tm);
		snprintf(number, sizeof(number), "PI-%ld", i);
		int64_t amount = (1000 + pick(g, 200000)) * 1000;
		sqlite3_bind_int64(g->order, 1, i);
		sqlite3_bind_int64(g->order, 2, 1 + pick(g, g->n_customers));
		text(g->order, 3, number);
		sqlite3_bind_int64(g->order, 4, amount);
		text(g->order, 5, currencies[pick(g, G_N_ELEMENTS(currencies))]);
		text(g->order, 6, due);
		sqlite3_bind_int64(g->order, 7, created);
		text(g->order, 8, overdue || pick(g, 5) == 0 ? "open" : "paid");
		step(g, g->order);
		/* a deposit on most; the rest on the paid ones */
		if (pick(g, 4) != 0) {
			time_t p = (time_t)(created + 7 * DAY);
			gmtime_r(&p, &tm);
			strftime(due, sizeof(due), "%Y-%m-%d", &tm);
			sqlite3_bind_int64(g->payment, 1, i);
			sqlite3_bind_int64(g->payment, 2, overdue ? amount / 3 : amount);
			text(g->payment, 3, due);
			sqlite3_bind_int64(g->payment, 4, created);
			step(g, g->payment);
		}
	}
}

static void generate(struct store *st, long n, int64_t now)
{
	struct gen g = { .db = st->db, .seed = 42, .now = now,
	                 .n_customers = MAX(n / 100, 1), .body = g_string_new(NULL) };
	char *error = NULL;

	if (store_begin(st, &error) < 0 ||
	    store_exec(st, "INSERT INTO raw_messages (id, sha256, size, compression, data) "
	                   "VALUES (1, 'shared', 0, 'zstd', x'')", &error) < 0)
		die("raw row", error);
	g.customer = prepare(g.db, "INSERT INTO customers (id, key, name, country, owner, "
	                     "grade_computed, grade_computed_at, grade_manual, stage, next_action, "
	                     "next_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
	g.contact = prepare(g.db, "INSERT INTO contacts (address, customer_id, name) "
	                    "VALUES (?1, ?2, ?3)");
	g.thread = prepare(g.db, "INSERT INTO threads (id, customer_id, subject, origin) "
	                   "VALUES (?1, ?2, ?3, ?4)");
	g.msg = prepare(g.db, "INSERT INTO messages (message_id, raw_id, date, header_date, "
	                "internal_date, direction, intrinsic_kind, kind, from_addr, from_name, "
	                "to_addrs, cc_addrs, subject, subject_norm, snippet, body_text, body_new, "
	                "customer_id, thread_id, language, facts, ack_block, ack_to_addr) "
	                "VALUES (?1, 1, ?2, ?2, ?2, ?3, ?4, ?4, ?5, ?6, ?7, '[]', ?8, ?8, ?9, ?10, "
	                "?10, ?11, ?12, ?13, ?14, ?15, ?16)");
	g.note = prepare(g.db, "INSERT INTO notes (customer_id, kind, date, text, author, created) "
	                 "VALUES (?1, ?2, ?3, ?4, ?5, ?3)");
	g.order = prepare(g.db, "INSERT INTO orders (id, customer_id, number, amount_milli, "
	                  "currency, due, created, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	g.payment = prepare(g.db, "INSERT INTO payments (order_id, amount_milli, date, created) "
	                    "VALUES (?1, ?2, ?3, ?4)");
	gen_customers(&g);
	long open = n / 10, robots = n / 20;
	for (long i = 0; i < open; i++)
		gen_open_inquiry(&g);
	for (long i = 0; i < robots; i++)
		gen_robot(&g);
	while (g.messages < n)
		gen_sales_thread(&g, 5 * YEAR, 5 * YEAR - 90 * DAY);
	gen_records(&g, n);
	sqlite3_finalize(g.customer);
	sqlite3_finalize(g.contact);
	sqlite3_finalize(g.thread);
	sqlite3_finalize(g.msg);
	sqlite3_finalize(g.note);
	sqlite3_finalize(g.order);
	sqlite3_finalize(g.payment);
	g_string_free(g.body, TRUE);
	if (store_commit(st, &error) < 0)
		die("commit", error);
	printf("generated: %ld messages, %ld threads, %ld customers (%ld open inquiries)\n",
	       g.messages, g.next_thread, g.n_customers, open);
}

/* ---- timing ---- */

struct job {
	const char *name;
	const char *goal;
	double goal_ms;          /* on p99 (or p50 when runs == 1) */
	int runs;
	GArray *wall, *cpu;      /* double ms */
	long peak_rss_kb;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double percentile(GArray *v, unsigned p)
{
	qsort(v->data, v->len, sizeof(double), cmp_double);
	size_t rank = ((size_t)p * v->len + 99) / 100;
	return g_array_index(v, double, rank == 0 ? 0 : rank - 1);
}

/* STORE_BENCH_RUNS=N caps every job's runs (a quick look, not a figure
 * to publish: p99 of few runs is their maximum). */
static void job_init(struct job *j, const char *name, const char *goal, double goal_ms, int runs)
{
	const char *cap = getenv("STORE_BENCH_RUNS");
	if (cap != NULL && strtol(cap, NULL, 10) > 0)
		runs = (int)MIN(runs, strtol(cap, NULL, 10));
	*j = (struct job){ .name = name, .goal = goal, .goal_ms = goal_ms, .runs = runs,
	                   .wall = g_array_new(FALSE, FALSE, sizeof(double)),
	                   .cpu = g_array_new(FALSE, FALSE, sizeof(double)) };
}

static double tv_ms(struct timeval tv)
{
	return (double)tv.tv_sec * 1e3 + (double)tv.tv_usec / 1e3;
}

/* One run of argv (a NULL-ended vector), output to /dev/null, its error
 * output to errpath; adds its times and RSS to j. */
static void run_once(struct job *j, char *const *argv, const char *errpath)
{
	double t0 = clock_ms(CLOCK_MONOTONIC);
	pid_t pid = fork();

	if (pid < 0)
		die("fork", strerror(errno));
	if (pid == 0) {
		int out = open("/dev/null", O_WRONLY);
		int err = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
			_exit(127);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0)
		die("wait4", strerror(errno));
	double wall = clock_ms(CLOCK_MONOTONIC) - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		char *msg = NULL;
		g_file_get_contents(errpath, &msg, NULL, NULL);
		fprintf(stderr, "store_bench: %s failed (status %d): %s\n", j->name, status,
		        msg != NULL ? msg : "");
		exit(1);
	}
	double cpu = tv_ms(ru.ru_utime) + tv_ms(ru.ru_stime);
	g_array_append_val(j->wall, wall);
	g_array_append_val(j->cpu, cpu);
	j->peak_rss_kb = MAX(j->peak_rss_kb, ru.ru_maxrss);
}

struct cli {
	const char *bin, *conf, *errpath;
};

/* Runs `followup -c CONF --now NOW ARGS…` j->runs times; args_of(i)
 * gives the i-th run's arguments (varying targets), space-free words. */
static void run_cli(struct job *j, const struct cli *cli, char **const *variants,
                    size_t n_variants)
{
	for (int r = 0; r < j->runs; r++) {
		char *const *args = variants[(size_t)r % n_variants];
		GPtrArray *argv = g_ptr_array_new();
		g_ptr_array_add(argv, (char *)cli->bin);
		g_ptr_array_add(argv, (char *)"-c");
		g_ptr_array_add(argv, (char *)cli->conf);
		g_ptr_array_add(argv, (char *)"--now");
		g_ptr_array_add(argv, (char *)NOW_TEXT);
		for (size_t k = 0; args[k] != NULL; k++)
			g_ptr_array_add(argv, args[k]);
		g_ptr_array_add(argv, NULL);
		run_once(j, (char *const *)argv->pdata, cli->errpath);
		g_ptr_array_free(argv, TRUE);
	}
}

/* The rules pass of daemon/rules_run.c's run_plan(), in this process:
 * the daily grading, then core_plan_pass() in a transaction, rolled back
 * so the next run does the same work. */
static void run_rules(struct job *j, const char *conf, const char *store_path, int64_t now,
                      long *threads_r)
{
	struct config *cfg = NULL;
	struct core_runtime *rt = NULL;
	struct core_rules *rules = NULL;
	struct store *st = NULL;
	char *error = NULL;

	core_analyze_init();   /* GMime, as followupd's main() */
	if (config_load_opts(conf, CONFIG_LOAD_NO_SECRETS, &cfg, &error) < 0 ||
	    core_runtime_new(cfg, &rt, &error) < 0 || core_rules_load(rt, now, &rules, &error) < 0 ||
	    store_open(store_path, STORE_READ_WRITE, &st, &error) < 0)
		die("rules set-up", error);
	sqlite3_stmt *count = prepare(st->db, "SELECT count(*) FROM threads t WHERE EXISTS "
	                              "(SELECT 1 FROM messages m WHERE m.thread_id = t.id AND "
	                              "m.date >= ?1) AND NOT EXISTS (SELECT 1 FROM messages m "
	                              "WHERE m.thread_id = t.id AND m.direction = 'out')");
	sqlite3_bind_int64(count, 1, now - 90 * DAY);
	if (sqlite3_step(count) == SQLITE_ROW)
		*threads_r = (long)sqlite3_column_int64(count, 0);
	sqlite3_finalize(count);
	for (int r = 0; r < j->runs; r++) {
		struct rusage a, b;
		size_t graded = 0;
		struct core_plan plan = { .cfg = cfg, .rt = rt, .rules = rules, .now = now };
		getrusage(RUSAGE_SELF, &a);
		double t0 = clock_ms(CLOCK_MONOTONIC);
		if (core_grade_daily(st, cfg, now, &graded, &error) < 0)
			die("grading", error);
		if (store_begin(st, &error) < 0 || core_plan_pass(st, &plan, &error) < 0)
			die("plan pass", error);
		double wall = clock_ms(CLOCK_MONOTONIC) - t0;
		store_rollback(st);
		getrusage(RUSAGE_SELF, &b);
		double cpu = tv_ms(b.ru_utime) - tv_ms(a.ru_utime) + tv_ms(b.ru_stime) -
		             tv_ms(a.ru_stime);
		g_array_append_val(j->wall, wall);
		g_array_append_val(j->cpu, cpu);
		if (r == 0)
			printf("rules pass: %u mails queued (rolled back), %zu graded\n", plan.queued,
			       graded);
		core_plan_notes_free(&plan);
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	j->peak_rss_kb = ru.ru_maxrss;
	store_close(&st);
	core_rules_free(&rules);
	core_runtime_free(&rt);
	config_free(&cfg);
	core_analyze_deinit();
}

/* The table on stdout, and OUT.json through jansson (job names hold
 * quotes and CJK: escaped by the library, not by hand). */
static int report(GPtrArray *jobs, FILE *json)
{
	json_t *list = json_array();

	printf("\n%-34s %5s %9s %9s %9s %9s  %-22s %s\n", "job", "runs", "p50 ms", "p99 ms",
	       "cpu p50", "RSS MB", "goal", "met");
	for (guint i = 0; i < jobs->len; i++) {
		struct job *j = g_ptr_array_index(jobs, i);
		double p50 = percentile(j->wall, 50), p99 = percentile(j->wall, 99);
		double cpu = percentile(j->cpu, 50);
		bool one = j->runs < 5;
		double judged = one ? p50 : p99;
		bool met = judged < j->goal_ms && j->peak_rss_kb < 64 * 1024;
		char p99text[32], *goal = g_strdup_printf("%s, peak RSS < 64 MB", j->goal);
		snprintf(p99text, sizeof(p99text), "%.1f", p99);
		printf("%-34s %5d %9.1f %9s %9.1f %9.1f  %-22s %s\n", j->name, j->runs, p50,
		       one ? "-" : p99text, cpu, j->peak_rss_kb / 1024.0, j->goal,
		       met ? "yes" : "NO");
		json_array_append_new(list, json_pack("{s:s, s:i, s:f, s:o, s:f, s:I, s:s, s:b}",
		                                      "job", j->name, "runs", j->runs,
		                                      "p50_ms", p50, "p99_ms",
		                                      one ? json_null() : json_real(p99),
		                                      "cpu_p50_ms", cpu,
		                                      "peak_rss_kb", (json_int_t)j->peak_rss_kb,
		                                      "goal", goal, "met", met));
		g_free(goal);
	}
	int rc = json_dumpf(list, json, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(list);
	return rc == 0 ? 0 : -1;
}

static char **words(const char *a, const char *b, const char *c, const char *d)
{
	const char *v[] = { a, b, c, d };
	GPtrArray *out = g_ptr_array_new();

	for (size_t i = 0; i < G_N_ELEMENTS(v) && v[i] != NULL; i++)
		g_ptr_array_add(out, g_strdup(v[i]));
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

/* The customers of the timeline runs: the largest, then others drawn
 * across the whole range (sizes from large to small). */
static char ***timeline_targets(struct store *st, size_t *n_r, long *largest_r)
{
	sqlite3_stmt *big = prepare(st->db, "SELECT customer_id, count(*) FROM messages "
	                            "GROUP BY customer_id ORDER BY 2 DESC LIMIT 1");
	sqlite3_stmt *n = prepare(st->db, "SELECT max(id) FROM customers");
	GPtrArray *out = g_ptr_array_new();
	long largest = 1, max = 1;

	if (sqlite3_step(big) == SQLITE_ROW) {
		largest = (long)sqlite3_column_int64(big, 0);
		*largest_r = (long)sqlite3_column_int64(big, 1);
	}
	if (sqlite3_step(n) == SQLITE_ROW)
		max = (long)sqlite3_column_int64(n, 0);
	sqlite3_finalize(big);
	sqlite3_finalize(n);
	char id[32];
	snprintf(id, sizeof(id), "%ld", largest);
	g_ptr_array_add(out, words("timeline", id, NULL, NULL));
	for (long k = 1; k < 10; k++) {
		char key[64];
		customer_domain(1 + (max * k * k) / 100, key, sizeof(key));
		g_ptr_array_add(out, words("timeline", key, NULL, NULL));
	}
	*n_r = out->len;
	return (char ***)g_ptr_array_free(out, FALSE);
}

int main(int argc, char **argv)
{
	long n = 1000000;
	bool keep = false;
	const char *conf = NULL, *bin = NULL, *out_path = NULL;
	char *error = NULL;
	int opt;

	while ((opt = getopt(argc, argv, "n:kc:b:o:")) != -1) {
		char *end;
		if (opt == 'k') {
			keep = true;
		} else if (opt == 'n') {
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0')
				n = 0;
		} else if (opt == 'c') {
			conf = optarg;
		} else if (opt == 'b') {
			bin = optarg;
		} else if (opt == 'o') {
			out_path = optarg;
		} else {
			return 2;
		}
	}
	if (optind != argc - 1 || n < 100 || conf == NULL || bin == NULL || out_path == NULL) {
		fprintf(stderr, "usage: store_bench [-n MESSAGES] [-k] -c CONFIG -b FOLLOWUP "
		                "-o OUT.json STORE\n");
		return 2;
	}
	const char *path = argv[optind];
	int64_t now;
	if (config_parse_rfc3339(NOW_TEXT, &now) < 0)
		die("now", NOW_TEXT);
	struct store *st;
	double o0 = clock_ms(CLOCK_MONOTONIC), oc0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	if (store_open(path, STORE_READ_WRITE, &st, &error) < 0)
		die("open", error);
	/* An earlier run's store gets this program's migrations here. */
	if (keep)
		printf("store opened (with any migration) in %.1f s wall, %.1f s CPU\n",
		       (clock_ms(CLOCK_MONOTONIC) - o0) / 1e3,
		       (clock_ms(CLOCK_PROCESS_CPUTIME_ID) - oc0) / 1e3);
	if (!keep) {
		double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		generate(st, n, now);
		double t1 = clock_ms(CLOCK_MONOTONIC);
		if (store_begin(st, &error) < 0 || store_search_rebuild(st, &error) < 0 ||
		    store_commit(st, &error) < 0)
			die("index", error);
		double t2 = clock_ms(CLOCK_MONOTONIC), c2 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		printf("generation: tables %.1f s, search index %.1f s, total %.1f s wall, "
		       "%.1f s CPU\n", (t1 - t0) / 1e3, (t2 - t1) / 1e3, (t2 - t0) / 1e3,
		       (c2 - c0) / 1e3);
	}
	size_t n_timeline;
	long largest = 0;
	char ***timeline = timeline_targets(st, &n_timeline, &largest);
	store_exec(st, "PRAGMA wal_checkpoint(TRUNCATE)", &error);
	g_free(error);
	error = NULL;
	store_close(&st);
	struct stat sb;
	if (stat(path, &sb) == 0)
		printf("store: %s, %.0f MB; largest customer %ld messages\n", path,
		       (double)sb.st_size / 1048576.0, largest);

	char *errpath = g_strdup_printf("%s.stderr", out_path);
	struct cli cli = { .bin = bin, .conf = conf, .errpath = errpath };
	GPtrArray *jobs = g_ptr_array_new();
	struct job *j;

	j = g_new(struct job, 1);
	job_init(j, "timeline CUSTOMER", "p99 < 10 ms", 10, 101);
	run_cli(j, &cli, (char **const *)timeline, n_timeline);
	g_ptr_array_add(jobs, j);

	char **grade[] = { words("customers", "--grade", "A", NULL) };
	j = g_new(struct job, 1);
	job_init(j, "customers --grade A", "p99 < 100 ms", 100, 101);
	run_cli(j, &cli, grade, 1);
	g_ptr_array_add(jobs, j);

	static const struct { const char *label; const char *a, *b, *c; } searches[] = {
		{ "search 报价 (Chinese)", "报价", NULL, NULL },
		{ "search pump (English)", "pump", NULL, NULL },
		{ "search \"stainless steel\" (phrase)", "\"stainless steel\"", NULL, NULL },
		{ "search flan* (prefix)", "flan*", NULL, NULL },
		{ "search 阀门 --customer", "阀门", "--customer", "buyer17.com.br" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(searches); i++) {
		char **v[] = { words("search", searches[i].a, searches[i].b, searches[i].c) };
		j = g_new(struct job, 1);
		job_init(j, searches[i].label, "p99 < 50 ms", 50, 101);
		run_cli(j, &cli, v, 1);
		g_ptr_array_add(jobs, j);
	}

	char **overdue[] = { words("overdue", NULL, NULL, NULL) };
	j = g_new(struct job, 1);
	job_init(j, "overdue", "p99 < 100 ms", 100, 21);
	run_cli(j, &cli, overdue, 1);
	g_ptr_array_add(jobs, j);

	char **quotes[] = { words("quotes", "--open", NULL, NULL) };
	j = g_new(struct job, 1);
	job_init(j, "quotes --open", "p99 < 100 ms", 100, 21);
	run_cli(j, &cli, quotes, 1);
	g_ptr_array_add(jobs, j);

	char **kpi[] = { words("kpi", "--from", "2025-11-24", NULL) };
	g_strfreev(kpi[0]);
	kpi[0] = g_strsplit("kpi --from 2025-11-24 --to 2026-11-24", " ", -1);
	j = g_new(struct job, 1);
	job_init(j, "kpi (a year)", "p99 < 1 s", 1000, 11);
	run_cli(j, &cli, kpi, 1);
	g_ptr_array_add(jobs, j);

	long open_threads = 0;
	j = g_new(struct job, 1);
	job_init(j, "rules pass (daemon's plan)", "no goal set", INFINITY, 5);
	run_rules(j, conf, path, now, &open_threads);
	printf("rules pass over %ld open threads (no answer from us, last 90 days)\n",
	       open_threads);
	g_ptr_array_add(jobs, j);

	FILE *json = fopen(out_path, "w");
	if (json == NULL)
		die(out_path, strerror(errno));
	if (report(jobs, json) < 0)
		die(out_path, "cannot write the JSON");
	if (fclose(json) != 0)
		die(out_path, strerror(errno));
	unlink(errpath);
	g_free(errpath);
	return 0;
}
