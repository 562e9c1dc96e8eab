/* config: loading followup.conf, its error messages, and the value parsers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "lib/duration.h"
#include "config/values.h"
#include "tests/unit/tmp_tree.h"

/* A temporary directory per run: config files, password files, and a small
 * tz database of our own (TZDIR), so that results never depend on the
 * host's tzdata. */
static char *tmp_dir;
static char *tz_dir;
static char *saved_tzdir;

static char *tmp_path(const char *name)
{
	return g_build_filename(tmp_dir, name, NULL);
}

/* Written for the daemon's user alone (0600), as followupd wants files
 * that hold a password; write_tmp_file_mode() for any other mode. */
static char *write_tmp_file_mode(const char *name, const char *content, gssize len,
                                 mode_t mode)
{
	char *path = tmp_path(name);
	GError *error = NULL;

	if (!g_file_set_contents_full(path, content, len, G_FILE_SET_CONTENTS_CONSISTENT,
	                              (int)mode, &error))
		fail_msg("cannot write %s: %s", path, error->message);
	/* The umask may have taken bits away. */
	assert_int_equal(chmod(path, mode), 0);
	return path;
}

static char *write_tmp_file(const char *name, const char *content, gssize len)
{
	return write_tmp_file_mode(name, content, len, 0600);
}

static void write_tz_file(const char *name, const char *content)
{
	char *path = g_build_filename(tz_dir, name, NULL);
	char *parent = g_path_get_dirname(path);

	assert_int_equal(g_mkdir_with_parents(parent, 0700), 0);
	assert_true(g_file_set_contents(path, content, -1, NULL));
	g_free(parent);
	g_free(path);
}

static int group_setup(void **state)
{
	(void)state;
	tmp_dir = g_dir_make_tmp("followup-config-XXXXXX", NULL);
	if (tmp_dir == NULL)
		return -1;
	tz_dir = tmp_path("zoneinfo");
	saved_tzdir = g_strdup(getenv("TZDIR"));
	setenv("TZDIR", tz_dir, 1);
	write_tz_file("Asia/Shanghai", "TZif2 fake zone for the tests\n");
	write_tz_file("Europe/Berlin", "TZif2 fake zone for the tests\n");
	write_tz_file("America/Sao_Paulo", "TZif2 fake zone for the tests\n");
	write_tz_file("Fake/NotTzif", "this is not a zone file\n");
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	test_tmp_tree_remove(tmp_dir);
	if (saved_tzdir != NULL)
		setenv("TZDIR", saved_tzdir, 1);
	else
		unsetenv("TZDIR");
	g_free(saved_tzdir);
	g_free(tz_dir);
	g_free(tmp_dir);
	return 0;
}

/* Loads text written as tmp_dir/test.conf (mode 0600) as followupd does,
 * passwords included; returns config_load_opts()'s result. */
static int load_text(const char *text, struct config **cfg_r, char **error_r)
{
	char *path = write_tmp_file("test.conf", text, -1);
	int ret = config_load_opts(path, CONFIG_LOAD_SECRETS, cfg_r, error_r);

	g_free(path);
	return ret;
}

static struct config *load_ok(const char *text)
{
	struct config *cfg = NULL;
	char *error = NULL;

	if (load_text(text, &cfg, &error) < 0)
		fail_msg("unexpected error: %s", error);
	assert_null(error);
	assert_non_null(cfg);
	return cfg;
}

/* The error must start with "<path of test.conf>" + suffix. */
static void assert_error_prefix(const char *error, const char *suffix)
{
	char *conf = tmp_path("test.conf");
	char *expected = g_strconcat(conf, suffix, NULL);

	if (error == NULL || !g_str_has_prefix(error, expected))
		fail_msg("error\n  '%s'\ndoes not start with\n  '%s'", error ? error : "(none)",
		         expected);
	g_free(expected);
	g_free(conf);
}

static char *load_fail(const char *text)
{
	struct config *cfg = NULL;
	char *error = NULL;

	assert_int_equal(load_text(text, &cfg, &error), -1);
	assert_null(cfg);
	assert_non_null(error);
	return error;
}

static void assert_strv_equal(char **actual, const char *const *expected)
{
	size_t i;

	assert_non_null(actual);
	for (i = 0; expected[i] != NULL; i++) {
		assert_non_null(actual[i]);
		assert_string_equal(actual[i], expected[i]);
	}
	assert_null(actual[i]);
}

/* --- the contract config -------------------------------------------------- */

static const char contract_conf_fmt_head[] =
	"[store]\n"
	"path = /var/lib/followup/followup.db\n"
	"[company]\n"
	"name = Acme Pumps\n"
	"domains = example.com\n"
	"timezone = Asia/Shanghai\n"
	"work-hours = Mon-Fri 09:00-18:00\n"
	"[account sales]\n"
	"url = imap://127.0.0.1:14300        ; imaps:// implicit TLS; imap:// uses STARTTLS unless tls = no\n"
	"tls = no                            ; only for servers without TLS, such as a loopback test server\n"
	"user = sales@example.com\n"
	"password-file = ";
static const char contract_conf_tail[] =
	"\n"
	"folders = INBOX, Sent\n"
	"sent-folders = Sent\n"
	"poll = 60s\n"
	"[smtp]\n"
	"url = smtp://127.0.0.1:2525\n"
	"tls = no\n"
	"from = Acme Pumps Sales <sales@example.com>\n"
	"[person li.wei@example.com]\n"
	"name = Li Wei\n"
	"manager = zhang@example.com\n"
	"countries = DE, AE, PL\n";

static void test_contract_config_loads(void **state)
{
	static const char *const folders[] = { "INBOX", "Sent", NULL };
	static const char *const sent[] = { "Sent", NULL };
	static const char *const domains[] = { "example.com", NULL };
	static const char *const countries[] = { "DE", "AE", "PL", NULL };
	char *pass = write_tmp_file("sales.pass", "s3cret pass\n", -1);
	char *text = g_strconcat(contract_conf_fmt_head, pass, contract_conf_tail, NULL);
	struct config *cfg = load_ok(text);
	const struct config_account *acc;
	const struct config_person *person;
	size_t i;

	(void)state;
	assert_string_equal(cfg->store_path, "/var/lib/followup/followup.db");
	assert_string_equal(cfg->company.name, "Acme Pumps");
	assert_strv_equal(cfg->company.domains, domains);
	assert_string_equal(cfg->company.timezone, "Asia/Shanghai");
	assert_string_equal(cfg->company.work_hours, "Mon-Fri 09:00-18:00");
	assert_int_equal(cfg->company.n_work_spans, 5);
	for (i = 0; i < 5; i++) {
		assert_int_equal(cfg->company.work_spans[i].weekday, (int)i + 1);
		assert_int_equal(cfg->company.work_spans[i].start_min, 9 * 60);
		assert_int_equal(cfg->company.work_spans[i].end_min, 18 * 60);
	}
	assert_null(cfg->company.alerts_to);
	assert_null(cfg->company.holidays.path);

	assert_int_equal(cfg->n_accounts, 1);
	acc = &cfg->accounts[0];
	assert_string_equal(acc->name, "sales");
	assert_string_equal(acc->url, "imap://127.0.0.1:14300");
	assert_false(acc->tls);
	assert_string_equal(acc->user, "sales@example.com");
	assert_string_equal(acc->password, "s3cret pass");
	assert_strv_equal(acc->folders, folders);
	assert_strv_equal(acc->sent_folders, sent);
	assert_int_equal(acc->poll_seconds, 60);
	assert_true(acc->idle);
	assert_int_equal(acc->line, 8);

	assert_true(cfg->smtp.present);
	assert_string_equal(cfg->smtp.url, "smtp://127.0.0.1:2525");
	assert_false(cfg->smtp.tls);
	assert_null(cfg->smtp.user);
	assert_null(cfg->smtp.password);
	assert_string_equal(cfg->smtp.from, "Acme Pumps Sales <sales@example.com>");
	assert_int_equal(cfg->smtp.line, 16);

	assert_int_equal(cfg->n_persons, 1);
	person = &cfg->persons[0];
	assert_string_equal(person->email, "li.wei@example.com");
	assert_string_equal(person->name, "Li Wei");
	assert_string_equal(person->manager, "zhang@example.com");
	assert_strv_equal(person->countries, countries);
	assert_null(person->timezone);
	assert_null(person->holidays.path);
	assert_null(person->digest);
	assert_int_equal(person->line, 20);
	assert_int_equal(cfg->n_persons, 1);

	assert_int_equal(cfg->n_rules, 0);
	assert_null(cfg->classify.freemail_file);
	assert_null(cfg->classify.charset_fallbacks);
	assert_int_equal(cfg->classify.thread_window_seconds, 30 * 24 * 3600);
	assert_true(g_str_has_suffix(cfg->path, "test.conf"));

	config_free(&cfg);
	assert_null(cfg);
	g_free(text);
	g_free(pass);
}

/* --- defaults, resolution, normalization ---------------------------------- */

#define COMPANY_BLOCK \
	"[company]\n" \
	"name = Acme Pumps\n" \
	"domains = example.com\n"
#define ACCOUNT_BLOCK \
	"[account sales]\n" \
	"url = imaps://mail.example.com\n" \
	"user = sales@example.com\n" \
	"password = hunter2\n"

static void test_defaults(void **state)
{
	static const char *const inbox[] = { "INBOX", NULL };
	static const char *const none[] = { NULL };
	struct config *cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK);
	size_t i;

	(void)state;
	assert_string_equal(cfg->store_path, "/var/lib/followup/followup.db");
	assert_string_equal(cfg->company.timezone, "UTC");
	assert_string_equal(cfg->company.work_hours, "Mon-Fri 09:00-17:00");
	assert_int_equal(cfg->company.n_work_spans, 5);
	for (i = 0; i < 5; i++) {
		assert_int_equal(cfg->company.work_spans[i].weekday, (int)i + 1);
		assert_int_equal(cfg->company.work_spans[i].start_min, 9 * 60);
		assert_int_equal(cfg->company.work_spans[i].end_min, 17 * 60);
	}
	assert_true(cfg->accounts[0].tls);
	assert_int_equal(cfg->accounts[0].poll_seconds, 60);
	assert_strv_equal(cfg->accounts[0].folders, inbox);
	assert_strv_equal(cfg->accounts[0].sent_folders, none);
	assert_string_equal(cfg->accounts[0].password, "hunter2");
	assert_false(cfg->smtp.present);
	assert_int_equal(cfg->n_persons, 0);
	assert_int_equal(cfg->classify.thread_window_seconds, 30 * 24 * 3600);
	config_free(&cfg);
}

/* [grading]: the defaults docs/CONFIG.md gives, and grades renamed. */
static void test_grading(void **state)
{
	static const char *const sabce[] = { "S", "A", "B", "C", "E", NULL };
	static const char *const renamed[] = { "Gold", "Silver", "Sleeping", NULL };
	struct config *cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK);
	const struct config_grading *g = &cfg->grading;

	(void)state;
	assert_strv_equal(g->grades, sabce);
	assert_int_equal(g->n_grades, 5);
	assert_int_equal(g->n_thresholds, 4);
	assert_int_equal(g->thresholds[0], 70);
	assert_int_equal(g->thresholds[3], 0);
	assert_int_equal(g->window_seconds, 365 * 86400);
	assert_int_equal(g->dormant_seconds, 180 * 86400);
	assert_string_equal(g->currency, "USD");
	assert_int_equal(g->value_points, 30);
	assert_int_equal(g->value_full, 100000);
	assert_int_equal(g->orders_points, 20);
	assert_int_equal(g->orders_full, 5);
	assert_int_equal(g->recency_points, 20);
	assert_int_equal(g->recency_full_seconds, 30 * 86400);
	assert_int_equal(g->answers_points, 15);
	assert_int_equal(g->tenure_points, 15);
	assert_int_equal(g->tenure_full_seconds, 730 * 86400);
	config_free(&cfg);

	cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK "[grading]\ngrades = Gold, Silver Sleeping\n"
	              "thresholds = 40, 0\ncurrency = eur\nanswers-points = 0\n");
	assert_strv_equal(cfg->grading.grades, renamed);
	assert_int_equal(cfg->grading.thresholds[0], 40);
	assert_string_equal(cfg->grading.currency, "EUR");
	assert_int_equal(cfg->grading.answers_points, 0);
	config_free(&cfg);
}

static void test_relative_paths_resolved(void **state)
{
	char *pass = write_tmp_file("rel.pass", "from-relative\r\nsecond line ignored\n", -1);
	char *expected_store = tmp_path("data/followup.db");
	char *expected_holidays = tmp_path("holidays.ics");
	struct config *cfg = load_ok("[store]\n"
	                             "path = data/./followup.db\n"
	                             COMPANY_BLOCK
	                             "holidays = holidays.ics\n"
	                             "[account sales]\n"
	                             "url = imaps://mail.example.com\n"
	                             "user = sales@example.com\n"
	                             "password-file = rel.pass\n");

	(void)state;
	assert_string_equal(cfg->store_path, expected_store);
	assert_string_equal(cfg->company.holidays.path, expected_holidays);
	assert_int_equal(cfg->company.holidays.line, 6);
	assert_string_equal(cfg->accounts[0].password, "from-relative");
	config_free(&cfg);
	g_free(expected_holidays);
	g_free(expected_store);
	g_free(pass);
}

static void test_values_normalized(void **state)
{
	static const char *const domains[] = { "example.com", "acme-pumps.de", NULL };
	static const char *const folders[] = { "INBOX", "Archive/2024", "Sent Items", NULL };
	static const char *const sent[] = { "Sent Items", NULL };
	static const char *const countries[] = { "DE", "CN", NULL };
	static const char *const charsets[] = { "gb18030", "windows-1251", NULL };
	struct config *cfg = load_ok("[company]\n"
	                             "name = Acme Pumps\n"
	                             "domains = Example.COM,acme-pumps.de , example.com\n"
	                             "alerts-to = Boss@Example.com\n"
	                             "work-hours = Sun-Thu 08:00-12:00 13:00-17:00, "
	                             "Fri 08:00-11:30\n"
	                             "[account sales]\n"
	                             "url = IMAPS://[2001:db8::1]:993/\n"
	                             "user = sales@example.com\n"
	                             "password = p\n"
	                             "folders = inbox, Archive/2024\n"
	                             "sent-folders = Sent Items\n"
	                             "poll = 2m\n"
	                             "idle = no\n"
	                             "[person Li.Wei@Example.com]\n"
	                             "countries = de, CN, De\n"
	                             "timezone = Europe/Berlin\n"
	                             "digest = 08:30\n"
	                             "report =  weekly  Friday 17:00\n"
	                             "[classify]\n"
	                             "charset-fallback = gb18030, windows-1251\n"
	                             "thread-window = 2w\n");

	(void)state;
	assert_strv_equal(cfg->company.domains, domains);
	assert_string_equal(cfg->company.alerts_to, "boss@example.com");
	/* Sun-Thu twice a day (10 spans) and Friday morning. */
	assert_int_equal(cfg->company.n_work_spans, 11);
	assert_int_equal(cfg->company.work_spans[0].weekday, 0);
	assert_int_equal(cfg->company.work_spans[10].weekday, 5);
	assert_int_equal(cfg->company.work_spans[10].end_min, 11 * 60 + 30);
	assert_string_equal(cfg->accounts[0].url, "imaps://[2001:db8::1]:993/");
	assert_strv_equal(cfg->accounts[0].folders, folders);
	assert_strv_equal(cfg->accounts[0].sent_folders, sent);
	assert_int_equal(cfg->accounts[0].poll_seconds, 120);
	assert_false(cfg->accounts[0].idle);
	assert_string_equal(cfg->persons[0].email, "li.wei@example.com");
	assert_strv_equal(cfg->persons[0].countries, countries);
	assert_string_equal(cfg->persons[0].timezone, "Europe/Berlin");
	assert_string_equal(cfg->persons[0].digest, "08:30");
	assert_string_equal(cfg->persons[0].report.text, "weekly  Friday 17:00");
	assert_int_equal(cfg->persons[0].report.weekday, 5);
	assert_int_equal(cfg->persons[0].report.minute, 17 * 60);
	assert_strv_equal(cfg->classify.charset_fallbacks, charsets);
	assert_int_equal(cfg->classify.thread_window_seconds, 14 * 24 * 3600);
	config_free(&cfg);
}

static void test_several_accounts_and_persons(void **state)
{
	struct config *cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK
	                             "[person a@example.com]\n"
	                             "[account support]\n"
	                             "url = imap://10.0.0.5\n"
	                             "user = support\n"
	                             "password = x\n"
	                             "[person b@example.com]\n"
	                             "name = B\n");

	(void)state;
	assert_int_equal(cfg->n_accounts, 2);
	assert_string_equal(cfg->accounts[0].name, "sales");
	assert_string_equal(cfg->accounts[1].name, "support");
	assert_int_equal(cfg->accounts[1].line, 9);
	assert_true(cfg->accounts[1].tls);
	assert_int_equal(cfg->n_persons, 2);
	assert_string_equal(cfg->persons[0].email, "a@example.com");
	assert_null(cfg->persons[0].name);
	assert_string_equal(cfg->persons[1].email, "b@example.com");
	assert_string_equal(cfg->persons[1].name, "B");
	config_free(&cfg);
}

/* --- [rule NAME] ------------------------------------------------------------ */

static void test_rules_kept_verbatim(void **state)
{
	struct config *cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK
	                             "[rule quote-overdue]\n"            /* 8 */
	                             "when = kind is quote\n"            /* 9 */
	                             "  after = 3d ; our inline comment\n" /* 10 */
	                             "when = anything goes here\n"       /* 11 */
	                             "no-such-key-is-checked = \n"       /* 12 */
	                             "[rule]\n"                          /* 13 */
	                             "[rule quote-overdue]\n"            /* 14 */
	                             "x: y\n");                          /* 15 */
	const struct ini_section *rule;

	(void)state;
	assert_int_equal(cfg->n_rules, 3);
	rule = &cfg->rules[0];
	assert_string_equal(rule->name, "quote-overdue");
	assert_int_equal(rule->line, 8);
	assert_int_equal(rule->n_items, 4);
	assert_string_equal(rule->items[0].key, "when");
	assert_string_equal(rule->items[0].value, "kind is quote");
	assert_int_equal(rule->items[0].line, 9);
	assert_string_equal(rule->items[1].key, "after");
	assert_string_equal(rule->items[1].value, "3d");
	assert_int_equal(rule->items[1].line, 10);
	assert_string_equal(rule->items[2].key, "when");
	assert_string_equal(rule->items[2].value, "anything goes here");
	assert_int_equal(rule->items[2].line, 11);
	assert_string_equal(rule->items[3].key, "no-such-key-is-checked");
	assert_string_equal(rule->items[3].value, "");
	assert_int_equal(rule->items[3].line, 12);

	assert_string_equal(cfg->rules[1].name, "");
	assert_int_equal(cfg->rules[1].line, 13);
	assert_int_equal(cfg->rules[1].n_items, 0);

	assert_string_equal(cfg->rules[2].name, "quote-overdue");
	assert_int_equal(cfg->rules[2].line, 14);
	assert_int_equal(cfg->rules[2].n_items, 1);
	assert_string_equal(cfg->rules[2].items[0].key, "x");
	assert_string_equal(cfg->rules[2].items[0].value, "y");
	assert_int_equal(cfg->rules[2].items[0].line, 15);
	config_free(&cfg);
}

/* [stages]: kept as written, with its lines, for core/stages.c to check
 * (config knows no stages). */
static void test_stages_kept_verbatim(void **state)
{
	struct config *cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK
	                             "[stages]\n"                          /* 8 */
	                             "quoted = 已报价 ; the team's word\n"  /* 9 */
	                             "no-such-stage = is checked later\n"); /* 10 */

	(void)state;
	assert_int_equal(cfg->stages.line, 8);
	assert_int_equal(cfg->stages.n_items, 2);
	assert_string_equal(cfg->stages.items[0].key, "quoted");
	assert_string_equal(cfg->stages.items[0].value, "已报价");
	assert_int_equal(cfg->stages.items[0].line, 9);
	assert_string_equal(cfg->stages.items[1].key, "no-such-stage");
	assert_int_equal(cfg->stages.items[1].line, 10);
	config_free(&cfg);
	cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK);
	assert_int_equal(cfg->stages.n_items, 0);
	assert_null(cfg->stages.items);
	config_free(&cfg);
}

/* --- comments, blanks, indentation, line endings --------------------------- */

static void test_comments_and_layout(void **state)
{
	struct config *cfg = load_ok("\xef\xbb\xbf# a full-line comment\r\n"
	                             "; another one\r\n"
	                             "   ; an indented one\r\n"
	                             "\r\n"
	                             "  [company]   ; a comment after a header\r\n"
	                             "name = Acme;Pumps #1 ; the rest is a comment\r\n"
	                             "\tdomains = example.com\t; tab before the ';'\r\n"
	                             "[account sales]\r\n"
	                             "url = imaps://mail.example.com ; comment\r\n"
	                             "    user = sales@example.com\r\n"
	                             "    password = pa;ss#word\r\n");

	(void)state;
	assert_string_equal(cfg->company.name, "Acme;Pumps #1");
	assert_string_equal(cfg->company.domains[0], "example.com");
	assert_string_equal(cfg->accounts[0].url, "imaps://mail.example.com");
	/* Indented lines are keys of their own, never a continuation of the
	 * value before (which is what inih would make of them). */
	assert_string_equal(cfg->accounts[0].user, "sales@example.com");
	assert_string_equal(cfg->accounts[0].password, "pa;ss#word");
	config_free(&cfg);
}

static void test_long_comment_line_allowed(void **state)
{
	GString *text = g_string_new(COMPANY_BLOCK ACCOUNT_BLOCK "; ");
	struct config *cfg;
	int i;

	(void)state;
	for (i = 0; i < 500; i++)
		g_string_append(text, "comment text = not a key ");
	g_string_append(text, "\npoll = 30s\n");
	cfg = load_ok(text->str);
	assert_int_equal(cfg->accounts[0].poll_seconds, 30);
	config_free(&cfg);
	g_string_free(text, TRUE);
}

/* The longest line inih can take whole is 197 bytes: that one loads
 * untruncated, one more byte is an error naming the line. */
static void test_line_length_limit(void **state)
{
	GString *text = g_string_new(COMPANY_BLOCK ACCOUNT_BLOCK "[person a@example.com]\n");
	size_t value_len = 197 - strlen("name = ");
	struct config *cfg = NULL;
	char *error = NULL, *value = g_strnfill(value_len, 'n');

	(void)state;
	g_string_append_printf(text, "name = %s\n", value);
	cfg = load_ok(text->str);
	assert_string_equal(cfg->persons[0].name, value);
	config_free(&cfg);

	g_string_truncate(text, text->len - 1);
	g_string_append(text, "N\n");
	assert_int_equal(load_text(text->str, &cfg, &error), -1);
	assert_error_prefix(error, ":9: [person a@example.com] name: line is 198 bytes long; "
	                           "the limit is 197");
	g_free(error);
	g_free(value);
	g_string_free(text, TRUE);
}

/* --- every kind of error ---------------------------------------------------- */

struct error_case {
	const char *name;
	const char *text;
	const char *prefix;    /* after the file name */
	const char *contains;  /* also somewhere in the message, or NULL */
};

static const struct error_case error_cases[] = {
	{ "unknown section", COMPANY_BLOCK ACCOUNT_BLOCK "[mailbox x]\n",
	  ":8: [mailbox x]: unknown section (known sections: [store], [company], "
	  "[account NAME], [smtp], [person EMAIL], [source NAME], [classify], [limits], "
	  "[grading], [rule NAME], [stages])", NULL },
	{ "[stages] twice", COMPANY_BLOCK ACCOUNT_BLOCK "[stages]\nquoted = A\n[stages]\n",
	  ":10: [stages]: section given twice (first at line 8", NULL },
	{ "unknown key", COMPANY_BLOCK ACCOUNT_BLOCK "colour = blue\n",
	  ":8: [account sales] colour: unknown key (known keys: url, tls, user, password, "
	  "password-file, password-credential, plaintext, folders, sent-folders, poll, "
	  "idle, timeout, ca-file, auth, oauth-provider, oauth-client-id, oauth-client-secret-file, "
	  "oauth-token-endpoint, oauth-device-endpoint, oauth-scope, oauth-token-file)", NULL },
	{ "unknown key, case matters", ACCOUNT_BLOCK COMPANY_BLOCK "Name = X\n",
	  ":8: [company] Name: unknown key (known keys: name, domains, timezone, "
	  "work-hours, alerts-to, holidays)", NULL },
	{ "duplicate key", COMPANY_BLOCK ACCOUNT_BLOCK "user = other@example.com\n",
	  ":8: [account sales] user: given twice (first at line 6", NULL },
	{ "duplicate section", COMPANY_BLOCK ACCOUNT_BLOCK "[company]\n",
	  ":8: [company]: section given twice (first at line 1", NULL },
	{ "duplicate account name", COMPANY_BLOCK ACCOUNT_BLOCK "[account SALES]\n",
	  ":8: [account SALES]: section given twice (first at line 4", NULL },
	{ "duplicate person", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[person a@example.com]\n[person A@EXAMPLE.com]\n",
	  ":9: [person A@EXAMPLE.com]: section given twice (first at line 8", NULL },
	{ "bad duration", COMPANY_BLOCK ACCOUNT_BLOCK "poll = 6x\n",
	  ":8: [account sales] poll: '6x' is not a duration (use 30s, 5m, 1h", NULL },
	{ "duration too short", COMPANY_BLOCK ACCOUNT_BLOCK "poll = 9s\n",
	  ":8: [account sales] poll: '9s' is too short (the minimum is 10s)", NULL },
	{ "timeout too long", COMPANY_BLOCK ACCOUNT_BLOCK "timeout = 2h\n",
	  ":8: [account sales] timeout: '2h' is too long (the maximum is 3600s)", NULL },
	{ "timeout too short", COMPANY_BLOCK ACCOUNT_BLOCK "timeout = 1s\n",
	  ":8: [account sales] timeout: '1s' is too short (the minimum is 5s)", NULL },
	{ "duration overflow", COMPANY_BLOCK ACCOUNT_BLOCK "poll = 99999999999999999999w\n",
	  ":8: [account sales] poll: '99999999999999999999w' is too large", NULL },
	{ "bad url scheme", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[account b]\nurl = https://mail.example.com\n",
	  ":9: [account b] url: 'https://mail.example.com' has the wrong scheme", "imaps://" },
	{ "bad url port", COMPANY_BLOCK ACCOUNT_BLOCK "[account b]\nurl = imap://host:65536\n",
	  ":9: [account b] url: 'imap://host:65536' has a bad port", NULL },
	{ "url without host", COMPANY_BLOCK ACCOUNT_BLOCK "[account b]\nurl = imaps://\n",
	  ":9: [account b] url: 'imaps://' has no host", NULL },
	{ "url with a path", COMPANY_BLOCK ACCOUNT_BLOCK "[account b]\nurl = imaps://h/INBOX\n",
	  ":9: [account b] url: 'imaps://h/INBOX' has a path", NULL },
	{ "bad tls value", COMPANY_BLOCK ACCOUNT_BLOCK "tls = maybe\n",
	  ":8: [account sales] tls: 'maybe' is neither yes nor no", NULL },
	{ "bad idle value", COMPANY_BLOCK ACCOUNT_BLOCK "idle = sometimes\n",
	  ":8: [account sales] idle: 'sometimes' is neither yes nor no", NULL },
	{ "tls off with imaps", COMPANY_BLOCK ACCOUNT_BLOCK "tls = off\n",
	  ":8: [account sales] tls: TLS cannot be turned off for imaps://", NULL },
	{ "missing password", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[account b]\nurl = imap://mail.example.com\nuser = b@example.com\n",
	  ":8: [account b] password: no password given (add 'password-file = ", NULL },
	{ "password and password-file", COMPANY_BLOCK ACCOUNT_BLOCK "password-file = x.pass\n",
	  ":8: [account sales] password-file: cannot be used together with password "
	  "(line 7", NULL },
	{ "unreadable password-file", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[account b]\nurl = imap://h\nuser = b\npassword-file = missing.pass\n",
	  ":11: [account b] password-file: cannot read ",
	  "missing.pass: No such file or directory" },
	{ "password-file is a directory", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[account b]\nurl = imap://h\nuser = b\npassword-file = zoneinfo\n",
	  ":11: [account b] password-file: cannot read ", "zoneinfo: Is a directory" },
	{ "missing url", COMPANY_BLOCK "[account b]\nuser = b\npassword = p\n",
	  ":4: [account b] url: missing (add a line 'url = ", NULL },
	{ "bad account name", COMPANY_BLOCK "[account my sales]\n",
	  ":4: [account my sales]: 'my sales' is not an account name", NULL },
	{ "unknown time zone", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[person li@example.com]\ntimezone = Asia/Atlantis\n",
	  ":9: [person li@example.com] timezone: 'Asia/Atlantis' is not a known time zone",
	  NULL },
	{ "time zone with ..", ACCOUNT_BLOCK COMPANY_BLOCK "timezone = ../../etc/passwd\n",
	  ":8: [company] timezone: '../../etc/passwd' is not a time zone name", NULL },
	{ "time zone absolute", ACCOUNT_BLOCK COMPANY_BLOCK "timezone = /etc/localtime\n",
	  ":8: [company] timezone: '/etc/localtime' is not a time zone name", NULL },
	{ "time zone not TZif", ACCOUNT_BLOCK COMPANY_BLOCK "timezone = Fake/NotTzif\n",
	  ":8: [company] timezone: 'Fake/NotTzif' is not a known time zone", NULL },
	{ "time zone directory", ACCOUNT_BLOCK COMPANY_BLOCK "timezone = Asia\n",
	  ":8: [company] timezone: 'Asia' is not a known time zone", NULL },
	{ "bad work-hours", ACCOUNT_BLOCK COMPANY_BLOCK "work-hours = Mon-Fry 09:00-18:00\n",
	  ":8: [company] work-hours: 'Mon-Fry 09:00-18:00': unknown day", NULL },
	{ "work-hours overlap", ACCOUNT_BLOCK COMPANY_BLOCK
	  "work-hours = Mon-Fri 09:00-18:00, Fri 17:00-19:00\n",
	  ":8: [company] work-hours: 'Mon-Fri 09:00-18:00, Fri 17:00-19:00': two ranges "
	  "overlap", NULL },
	{ "bad country code", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[person li@example.com]\ncountries = DE, Germany\n",
	  ":9: [person li@example.com] countries: 'Germany' is not a two-letter ISO 3166-1",
	  NULL },
	{ "country code with a digit", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[person li@example.com]\ncountries = D1\n",
	  ":9: [person li@example.com] countries: 'D1' is not a two-letter", NULL },
	{ "bad domain", ACCOUNT_BLOCK "[company]\nname = A\ndomains = example.com, localhost\n",
	  ":7: [company] domains: 'localhost' is not a domain name", NULL },
	{ "missing company", ACCOUNT_BLOCK, ": [company]: no [company] section", NULL },
	{ "missing account", COMPANY_BLOCK, ": [account NAME]: no [account NAME] section",
	  NULL },
	{ "missing domains", ACCOUNT_BLOCK "[company]\nname = A\n",
	  ":5: [company] domains: missing (add a line 'domains = example.com')", NULL },
	{ "bad e-mail", ACCOUNT_BLOCK COMPANY_BLOCK "alerts-to = boss at example.com\n",
	  ":8: [company] alerts-to: 'boss at example.com' is not an e-mail address", NULL },
	{ "bad person section", COMPANY_BLOCK ACCOUNT_BLOCK "[person li.wei]\n",
	  ":8: [person li.wei]: 'li.wei' is not an e-mail address", NULL },
	{ "bad digest", COMPANY_BLOCK ACCOUNT_BLOCK "[person a@example.com]\ndigest = 8:30\n",
	  ":9: [person a@example.com] digest: '8:30' is not a time of day", NULL },
	{ "bad report day", COMPANY_BLOCK ACCOUNT_BLOCK "[person a@example.com]\nreport = weekly Mnd 08:30\n",
	  ":9: [person a@example.com] report: 'weekly Mnd 08:30' is not a weekly time (use: weekly Mon 08:30)", NULL },
	{ "bad report time", COMPANY_BLOCK ACCOUNT_BLOCK "[person a@example.com]\nreport = weekly Mon 8.30\n",
	  ":9: [person a@example.com] report: 'weekly Mon 8.30' is not a weekly time", NULL },
	{ "report not weekly", COMPANY_BLOCK ACCOUNT_BLOCK "[person a@example.com]\nreport = daily 08:30\n",
	  ":9: [person a@example.com] report: 'daily 08:30' is not a weekly time", NULL },
	{ "empty value", COMPANY_BLOCK ACCOUNT_BLOCK "poll =\n",
	  ":8: [account sales] poll: empty value", NULL },
	{ "value that is only a comment", COMPANY_BLOCK ACCOUNT_BLOCK "poll = ;60s\n",
	  ":8: [account sales] poll: empty value", NULL },
	{ "key outside a section", "poll = 60s\n" COMPANY_BLOCK,
	  ":1: poll: outside any section", NULL },
	{ "not key = value", COMPANY_BLOCK ACCOUNT_BLOCK "just some words\n",
	  ":8: [account sales]: not 'key = value', a [section] or a comment", NULL },
	{ "continuation line", COMPANY_BLOCK ACCOUNT_BLOCK "folders = INBOX\n   Sent\n",
	  ":9: [account sales]: not 'key = value', a [section] or a comment",
	  "an indented line does not continue" },
	{ "header without ]", COMPANY_BLOCK ACCOUNT_BLOCK "[smtp\n",
	  ":8: section header without ']'", NULL },
	{ "text after header", COMPANY_BLOCK ACCOUNT_BLOCK "[smtp] url = x\n",
	  ":8: text after the section header", NULL },
	{ "name on a singleton", COMPANY_BLOCK ACCOUNT_BLOCK "[smtp relay]\n",
	  ":8: [smtp relay]: takes no name (write just [smtp])", NULL },
	{ "account without name", COMPANY_BLOCK ACCOUNT_BLOCK "[account]\n",
	  ":8: [account]: needs a name (write [account NAME])", NULL },
	{ "smtp without from", COMPANY_BLOCK ACCOUNT_BLOCK "[smtp]\nurl = smtps://mx\n",
	  ":8: [smtp] from: missing (add a line 'from = ", NULL },
	{ "smtp bad from", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[smtp]\nurl = smtps://mx\nfrom = Sales <sales>\n",
	  ":10: [smtp] from: 'Sales <sales>' is not an address", NULL },
	{ "smtp tls off with smtps", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[smtp]\nurl = smtps://mx\ntls = no\nfrom = a@example.com\n",
	  ":10: [smtp] tls: TLS cannot be turned off for smtps://", NULL },
	{ "smtp user without password", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[smtp]\nurl = smtp://mx\nfrom = a@example.com\nuser = a\n",
	  ":11: [smtp] user: a user without a password", NULL },
	{ "smtp imap url", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[smtp]\nurl = imaps://mx\n",
	  ":9: [smtp] url: 'imaps://mx' has the wrong scheme", "smtps://" },
	{ "grading: thresholds not descending", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[grading]\nthresholds = 70 50 50 0\n",
	  ":9: [grading] thresholds: '70 50 50 0': each threshold must be less", NULL },
	{ "grading: thresholds do not fit the grades", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[grading]\ngrades = Gold, Silver, Bronze, Sleeping\nthresholds = 60 30\n",
	  ":10: [grading] thresholds: 4 grades (Gold Silver Bronze Sleeping) take 3 "
	  "thresholds", "there are 2" },
	{ "grading: grades without thresholds", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[grading]\ngrades = Gold Silver Sleeping\n",
	  ":9: [grading] grades: 3 grades (Gold Silver Sleeping) take 2 thresholds", NULL },
	{ "grading: a grade twice", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[grading]\ngrades = A B a C\n",
	  ":9: [grading] grades: 'a' is named twice", NULL },
	{ "grading: auto is no grade", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[grading]\ngrades = S auto E\n",
	  ":9: [grading] grades: 'auto' is no grade name", NULL },
	{ "grading: one grade", COMPANY_BLOCK ACCOUNT_BLOCK "[grading]\ngrades = S\n",
	  ":9: [grading] grades: 'S' names 1 grades (name 2 to 10", NULL },
	{ "grading: points", COMPANY_BLOCK ACCOUNT_BLOCK "[grading]\nvalue-points = lots\n",
	  ":9: [grading] value-points: 'lots' is not a number of points (0 to 1000)", NULL },
	{ "grading: currency", COMPANY_BLOCK ACCOUNT_BLOCK "[grading]\ncurrency = dollars\n",
	  ":9: [grading] currency: 'dollars' is not a currency code", NULL },
	{ "grading: recency after dormancy", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[grading]\ndormant-after = 20d\n",
	  ":9: [grading] dormant-after: recency-full (2592000s) must be shorter", NULL },
	{ "grading: window", COMPANY_BLOCK ACCOUNT_BLOCK "[grading]\nwindow = 12 months\n",
	  ":9: [grading] window: '12 months'", NULL },
	{ "classify file missing", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[classify]\nfreemail-file = nope.txt\n",
	  ":9: [classify] freemail-file: cannot read ", "nope.txt: No such file" },
	{ "bad charset", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[classify]\ncharset-fallback = gb18030, utf 8\n",
	  ":9: [classify] charset-fallback: 'utf 8' is not a charset name", NULL },
	{ "source without from", COMPANY_BLOCK ACCOUNT_BLOCK "[source hub]\nbuyer = body\n",
	  ":8: [source hub] from: no from = (add the platform's sender addresses", NULL },
	{ "source pattern without @", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[source hub]\nfrom = notice.hub.example\n",
	  ":9: [source hub] from: 'notice.hub.example' is not an address pattern", NULL },
	{ "source pattern with blanks", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[source hub]\nfrom = a <x>@hub.example\n",
	  ":9: [source hub] from: 'a <x>@hub.example' has a character", NULL },
	{ "source buyer", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[source hub]\nfrom = *@hub.example\nbuyer = from\n",
	  ":10: [source hub] buyer: 'from' is neither reply-to nor body", NULL },
	{ "source acknowledge", COMPANY_BLOCK ACCOUNT_BLOCK
	  "[source hub]\nfrom = *@hub.example\nacknowledge = maybe\n",
	  ":10: [source hub] acknowledge: 'maybe' is neither yes nor no", NULL },
	{ "control character", COMPANY_BLOCK ACCOUNT_BLOCK "poll = 6\x1b[0m0s\n",
	  ":8: [account sales] poll: contains control character 0x1b", NULL },
	{ "invalid UTF-8", COMPANY_BLOCK ACCOUNT_BLOCK "[person a@example.com]\nname = \xc3\x28\n",
	  ":9: [person a@example.com] name: is not valid UTF-8", NULL },
	{ "lone carriage return", COMPANY_BLOCK ACCOUNT_BLOCK "poll = 60s\rtls = no\n",
	  ":8: [account sales] poll: contains control character 0x0d", NULL },
};

/* [source NAME]: the patterns lowercased, the defaults. */
static void test_sources(void **state)
{
	struct config *cfg = NULL;
	char *error = NULL;

	(void)state;
	assert_int_equal(load_text(COMPANY_BLOCK ACCOUNT_BLOCK
	                           "[source hub]\nfrom = *@Notice.Hub.example, rfq@hub.example\n"
	                           "[source mic]\nfrom = inquiry@mic.example\nbuyer = body\n"
	                           "acknowledge = yes\n", &cfg, &error), 0);
	assert_int_equal(cfg->n_sources, 2);
	assert_string_equal(cfg->sources[0].name, "hub");
	assert_string_equal(cfg->sources[0].senders[0], "*@notice.hub.example");
	assert_string_equal(cfg->sources[0].senders[1], "rfq@hub.example");
	assert_null(cfg->sources[0].senders[2]);
	assert_int_equal(cfg->sources[0].buyer, CONFIG_BUYER_REPLY_TO);
	assert_false(cfg->sources[0].acknowledge);
	assert_int_equal(cfg->sources[1].buyer, CONFIG_BUYER_BODY);
	assert_true(cfg->sources[1].acknowledge);
	assert_int_equal(cfg->sources[1].line, 10);
	config_free(&cfg);
}

static void test_error_messages(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(error_cases); i++) {
		const struct error_case *c = &error_cases[i];
		char *error;

		error = load_fail(c->text);
		assert_error_prefix(error, c->prefix);
		if (c->contains != NULL && strstr(error, c->contains) == NULL)
			fail_msg("%s: '%s' does not contain '%s'", c->name, error, c->contains);
		g_free(error);
	}
}

static void test_empty_list_item(void **state)
{
	char *error = load_fail(ACCOUNT_BLOCK "[company]\nname = A\n"
	                        "domains = example.com,,acme.de\n");

	(void)state;
	assert_error_prefix(error, ":7: [company] domains: empty item in the list");
	g_free(error);
	error = load_fail(ACCOUNT_BLOCK "[company]\nname = A\ndomains = example.com,\n");
	assert_error_prefix(error, ":7: [company] domains: empty item in the list");
	g_free(error);
}

static void test_missing_file(void **state)
{
	char *path = tmp_path("does-not-exist.conf");
	char *expected = g_strconcat(path, ": cannot open: No such file or directory", NULL);
	struct config *cfg = (struct config *)&cfg; /* any non-NULL: must be reset */
	char *error = NULL;

	(void)state;
	assert_int_equal(config_load(path, &cfg, &error), -1);
	assert_null(cfg);
	assert_string_equal(error, expected);
	g_free(error);

	assert_int_equal(config_load(NULL, &cfg, &error), -1);
	assert_null(cfg);
	assert_non_null(strstr(error, "no configuration file given"));
	g_free(error);
	g_free(expected);
	g_free(path);
}

static void test_directory_is_not_a_config(void **state)
{
	struct config *cfg = NULL;
	char *error = NULL, *expected = g_strconcat(tmp_dir, ": cannot open: Is a directory", NULL);

	(void)state;
	assert_int_equal(config_load(tmp_dir, &cfg, &error), -1);
	assert_string_equal(error, expected);
	g_free(error);
	g_free(expected);
}

/* --- hostile input ------------------------------------------------------------ */

static void test_nul_byte(void **state)
{
	static const char text[] = COMPANY_BLOCK ACCOUNT_BLOCK "poll = 60s\0tls = no\n";
	char *path = write_tmp_file("test.conf", text, sizeof(text) - 1);
	struct config *cfg = NULL;
	char *error = NULL;

	(void)state;
	assert_int_equal(config_load(path, &cfg, &error), -1);
	assert_error_prefix(error, ":8: [account sales] poll: contains a NUL byte");
	g_free(error);
	g_free(path);
}

static void test_huge_file_and_huge_line(void **state)
{
	GString *text = g_string_new(COMPANY_BLOCK ACCOUNT_BLOCK);
	char *line = g_strnfill(5 * 1024 * 1024, 'x');
	char *error;

	(void)state;
	/* One enormous line: refused without reading it into memory whole. */
	g_string_append_printf(text, "poll = %s\n", line);
	error = load_fail(text->str);
	assert_error_prefix(error, ": larger than 1048576 bytes");
	g_free(error);

	/* A file that is only comments, but too big. */
	g_string_assign(text, COMPANY_BLOCK ACCOUNT_BLOCK);
	while (text->len <= 1024 * 1024)
		g_string_append(text, "; padding padding padding padding padding padding\n");
	error = load_fail(text->str);
	assert_error_prefix(error, ": larger than 1048576 bytes");
	g_free(error);

	/* A long line under the file limit names its line and length. */
	g_string_assign(text, COMPANY_BLOCK ACCOUNT_BLOCK);
	g_string_append_printf(text, "password = %.*s\n", 10000, line);
	error = load_fail(text->str);
	assert_error_prefix(error, ":8: [account sales] password: line is 10011 bytes long; "
	                           "the limit is 197");
	g_free(error);
	g_free(line);
	g_string_free(text, TRUE);
}

/* A FIFO must not hang the loader, wherever it is named. */
static void test_fifo_password_file(void **state)
{
	char *fifo = tmp_path("fifo.pass");
	char *error;

	(void)state;
	assert_int_equal(mkfifo(fifo, 0600), 0);
	error = load_fail(COMPANY_BLOCK "[account b]\nurl = imap://h\nuser = b\n"
	                  "password-file = fifo.pass\n");
	assert_error_prefix(error, ":7: [account b] password-file: cannot read ");
	assert_non_null(strstr(error, "not a regular file"));
	g_free(error);
	g_remove(fifo);
	g_free(fifo);
}

static void test_empty_password_file(void **state)
{
	char *pass = write_tmp_file("empty.pass", "\nsecond line\n", -1);
	char *error = load_fail(COMPANY_BLOCK "[account b]\nurl = imap://h\nuser = b\n"
	                        "password-file = empty.pass\n");

	(void)state;
	assert_error_prefix(error, ":7: [account b] password-file: ");
	assert_non_null(strstr(error, "has no password on its first line"));
	g_free(error);
	g_free(pass);
}

static void test_empty_file(void **state)
{
	char *error = load_fail("");

	(void)state;
	assert_error_prefix(error, ": [company]: no [company] section");
	g_free(error);
}

/* --- OAuth2 ---------------------------------------------------------------------- */

#define OAUTH_ACCOUNT \
	"[account g]\nurl = imaps://imap.gmail.com\nuser = g@example.com\n" \
	"auth = xoauth2\noauth-provider = gmail\noauth-client-id = 42.apps\n" \
	"oauth-token-file = g.token\n"

/* The preset fills the endpoints and scope; followupd gets the refresh
 * token, the CLI never. */
static void test_oauth_preset_and_token(void **state)
{
	char *token = write_tmp_file("g.token", "1//refresh-token\n", -1);
	char *conf = write_tmp_file("test.conf", COMPANY_BLOCK OAUTH_ACCOUNT, -1);
	struct config *cfg = load_ok(COMPANY_BLOCK OAUTH_ACCOUNT);
	const struct config_oauth *o = &cfg->accounts[0].oauth;
	char *error = NULL;

	(void)state;
	assert_int_equal(o->auth, CONFIG_AUTH_XOAUTH2);
	assert_string_equal(o->token_endpoint, "https://oauth2.googleapis.com/token");
	assert_string_equal(o->device_endpoint, "https://oauth2.googleapis.com/device/code");
	assert_string_equal(o->scope, "https://mail.google.com/");
	assert_string_equal(o->refresh_token, "1//refresh-token");
	assert_null(cfg->accounts[0].password);
	config_free(&cfg);

	assert_int_equal(config_load_opts(conf, CONFIG_LOAD_NO_SECRETS, &cfg, &error), 0);
	assert_null(cfg->accounts[0].oauth.refresh_token);
	config_free(&cfg);
	/* --oauth-device makes the token file: it need not exist yet. */
	g_remove(token);
	assert_int_equal(config_load_opts(conf, CONFIG_LOAD_SECRETS | CONFIG_LOAD_OAUTH_SETUP,
	                                  &cfg, &error), 0);
	assert_null(cfg->accounts[0].oauth.refresh_token);
	config_free(&cfg);
	g_free(conf);
	g_free(token);
}

static void test_oauth_refused(void **state)
{
	static const struct {
		const char *extra, *remove, *prefix, *words;
	} cases[] = {
		{ "password-file = g.token\n", NULL, ":11: [account g] password-file: ",
		  "a password with auth = xoauth2" },
		{ NULL, "oauth-token-file", ":7: [account g] auth: ", "needs oauth-token-file" },
		{ NULL, "oauth-client-id", ":7: [account g] auth: ", "needs oauth-client-id" },
		{ "oauth-token-endpoint = http://auth.example.com/token\n", NULL,
		  ":11: [account g] oauth-token-endpoint: ", "not this machine (use https://)" },
		{ "oauth-token-endpoint = https://a.example.com/t#x\n", NULL,
		  ":11: [account g] oauth-token-endpoint: ", "fragment" },
		{ "oauth-provider = yahoo\n", "oauth-provider", ":10: [account g] oauth-provider: ",
		  "not a provider" },
		{ "auth = kerberos\n", "auth", ":10: [account g] auth: ", "is not password" },
		{ "oauth-client-id = a b\n", "oauth-client-id", ":10: [account g] oauth-client-id: ",
		  "not a client ID" },
	};
	char *token = write_tmp_file("g.token", "refresh\n", -1);

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		GString *text = g_string_new(COMPANY_BLOCK);
		char **lines = g_strsplit(OAUTH_ACCOUNT, "\n", -1);

		for (char **l = lines; *l != NULL && **l != '\0'; l++) {
			if (cases[i].remove == NULL || !g_str_has_prefix(*l, cases[i].remove))
				g_string_append_printf(text, "%s\n", *l);
		}
		if (cases[i].extra != NULL)
			g_string_append(text, cases[i].extra);
		char *error = load_fail(text->str);
		assert_error_prefix(error, cases[i].prefix);
		if (strstr(error, cases[i].words) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, error, cases[i].words);
		g_free(error);
		g_strfreev(lines);
		g_string_free(text, TRUE);
	}
	g_free(token);
}

/* The token file is a secret: the password-file rules, in the token's words. */
static void test_oauth_token_file_rules(void **state)
{
	char *token = write_tmp_file_mode("g.token", "refresh\n", -1, 0644);
	char *error = load_fail(COMPANY_BLOCK OAUTH_ACCOUNT);

	(void)state;
	assert_error_prefix(error, ":10: [account g] oauth-token-file: ");
	assert_non_null(strstr(error, "can be read by its group or others"));
	g_free(error);
	g_free(token);
	token = write_tmp_file("g.token", "\n", -1);
	error = load_fail(COMPANY_BLOCK OAUTH_ACCOUNT);
	assert_non_null(strstr(error, "has no refresh token on its first line"));
	g_free(error);
	g_remove(token);
	error = load_fail(COMPANY_BLOCK OAUTH_ACCOUNT);
	assert_non_null(strstr(error, "run followup oauth g"));
	g_free(error);
	g_free(token);
	/* An OAuth2 key without OAuth2, and an [smtp] without its user. */
	error = load_fail(COMPANY_BLOCK ACCOUNT_BLOCK "oauth-client-id = x\n");
	assert_non_null(strstr(error, "oauth-client-id: only for OAuth2"));
	g_free(error);
}

/* A client ID on Gmail's or Microsoft's host implies the provider; on
 * another host it needs an endpoint; with neither a client ID nor an
 * endpoint the token file is an access token kept fresh elsewhere. */
static void test_oauth_inferred_and_external(void **state)
{
	char *token = write_tmp_file("g.token", "ya29.access-token\n", -1);
	struct config *cfg = load_ok(COMPANY_BLOCK
	                             "[account g]\nurl = imaps://imap.gmail.com:993\n"
	                             "user = g@example.com\nauth = xoauth2\noauth-client-id = 42.apps\n"
	                             "oauth-token-file = g.token\n");
	char *error;

	(void)state;
	assert_string_equal(cfg->accounts[0].oauth.token_endpoint,
	                    "https://oauth2.googleapis.com/token");
	assert_false(cfg->accounts[0].oauth.external);
	config_free(&cfg);
	error = load_fail(COMPANY_BLOCK "[account g]\nurl = imaps://mail.example.com\n"
	                  "user = g@example.com\nauth = xoauth2\noauth-client-id = 42.apps\n"
	                  "oauth-token-file = g.token\n");
	assert_error_prefix(error, ":7: [account g] auth: ");
	assert_non_null(strstr(error, "needs a token endpoint"));
	g_free(error);
	cfg = load_ok(COMPANY_BLOCK "[account g]\nurl = imaps://mail.example.com\n"
	              "user = g@example.com\nauth = xoauth2\noauth-token-file = g.token\n");
	assert_true(cfg->accounts[0].oauth.external);
	assert_null(cfg->accounts[0].oauth.token_endpoint);
	assert_string_equal(cfg->accounts[0].oauth.refresh_token, "ya29.access-token");
	config_free(&cfg);
	g_remove(token);
	error = load_fail(COMPANY_BLOCK "[account g]\nurl = imaps://mail.example.com\n"
	                  "user = g@example.com\nauth = xoauth2\noauth-token-file = g.token\n");
	assert_non_null(strstr(error, "oauth-token-file: "));
	assert_non_null(strstr(error, "keeps the access token fresh"));
	g_free(error);
	g_free(token);
}

static void test_oauth_smtp_and_loopback(void **state)
{
	char *token = write_tmp_file("s.token", "refresh\n", -1);
	struct config *cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK
	                             "[smtp]\nurl = smtp://127.0.0.1:2525\ntls = no\n"
	                             "from = a@example.com\nuser = a@example.com\n"
	                             "auth = oauthbearer\noauth-client-id = c\n"
	                             "oauth-token-endpoint = http://127.0.0.1:8080/token\n"
	                             "oauth-token-file = s.token\n");
	char *error;

	(void)state;
	assert_int_equal(cfg->smtp.oauth.auth, CONFIG_AUTH_OAUTHBEARER);
	assert_string_equal(cfg->smtp.oauth.token_endpoint, "http://127.0.0.1:8080/token");
	assert_null(cfg->smtp.oauth.device_endpoint);
	assert_string_equal(cfg->smtp.oauth.refresh_token, "refresh");
	config_free(&cfg);
	error = load_fail(COMPANY_BLOCK ACCOUNT_BLOCK
	                  "[smtp]\nurl = smtps://mail.example.com\nfrom = a@example.com\n"
	                  "auth = xoauth2\noauth-client-id = c\noauth-provider = microsoft\n"
	                  "oauth-token-file = s.token\n");
	assert_non_null(strstr(error, "[smtp] auth: auth = xoauth2 needs the user"));
	g_free(error);
	g_free(token);
}

/* --- sent-folders are added to folders ---------------------------------------- */

static void test_sent_folders_added(void **state)
{
	static const char *const folders[] = { "INBOX", "Sent", "Gesendet", NULL };
	static const char *const sent[] = { "Sent", "Gesendet", "INBOX", NULL };
	struct config *cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK
	                             "sent-folders = Sent, Gesendet, Inbox\n");

	(void)state;
	assert_strv_equal(cfg->accounts[0].sent_folders, sent);
	assert_strv_equal(cfg->accounts[0].folders, folders);
	config_free(&cfg);
}

/* --- config_default_path -------------------------------------------------------- */

static void test_default_path(void **state)
{
	char *saved = g_strdup(getenv("FOLLOWUP_CONFIG"));

	(void)state;
	unsetenv("FOLLOWUP_CONFIG");
	assert_string_equal(config_default_path(NULL), "/etc/followup/followup.conf");
	assert_string_equal(config_default_path(NULL), CONFIG_DEFAULT_PATH);
	setenv("FOLLOWUP_CONFIG", "/srv/followup/test.conf", 1);
	assert_string_equal(config_default_path(NULL), "/srv/followup/test.conf");
	assert_string_equal(config_default_path("/explicit.conf"), "/explicit.conf");
	setenv("FOLLOWUP_CONFIG", "", 1);
	assert_string_equal(config_default_path(NULL), CONFIG_DEFAULT_PATH);
	if (saved != NULL)
		setenv("FOLLOWUP_CONFIG", saved, 1);
	else
		unsetenv("FOLLOWUP_CONFIG");
	g_free(saved);
}

/* --- the shipped example ---------------------------------------------------------- */

static void test_example_config_loads(void **state)
{
	const char *data = getenv("FOLLOWUP_TEST_DATA");
	char *example, *contents = NULL, *copy, *pass;
	struct config *cfg = NULL;
	char *error = NULL;
	gsize len;

	(void)state;
	assert_non_null(data);
	/* tests/data need not exist: resolve the ".." without the file system. */
	copy = g_build_filename(data, "..", "..", "config", "followup.conf.example", NULL);
	example = g_canonicalize_filename(copy, NULL);
	g_free(copy);
	if (!g_file_get_contents(example, &contents, &len, NULL))
		fail_msg("cannot read %s", example);
	copy = write_tmp_file("followup.conf", contents, (gssize)len);
	pass = write_tmp_file("sales.pass", "example password\n", -1);
	if (config_load_opts(copy, CONFIG_LOAD_SECRETS, &cfg, &error) < 0)
		fail_msg("the example does not load: %s", error);
	assert_string_equal(cfg->accounts[0].password, "example password");
	assert_string_equal(cfg->company.timezone, "Asia/Shanghai");
	assert_true(cfg->smtp.present);
	assert_int_equal(cfg->n_persons, 1);
	assert_string_equal(cfg->persons[0].digest, "08:30");
	assert_string_equal(cfg->classify.charset_fallbacks[0], "gb18030");
	config_free(&cfg);
	g_free(pass);
	g_free(copy);
	g_free(contents);
	g_free(example);
}

/* --- secrets: where passwords come from, and who may read them -------------------- */

/* A password file readable by its group or others is refused, naming the
 * file and the chmod that fixes it; for [account] and [smtp] alike. */
static void test_password_file_mode(void **state)
{
	static const mode_t refused[] = { 0640, 0604, 0644, 0440 };
	static const mode_t accepted[] = { 0600, 0400, 0700, 0620 };
	static const char *const sections[] = {
		COMPANY_BLOCK "[account b]\nurl = imaps://h.example.com\nuser = b\n"
		"password-file = mode.pass\n",
		COMPANY_BLOCK ACCOUNT_BLOCK "[smtp]\nurl = smtps://mx.example.com\n"
		"from = a@example.com\nuser = a\npassword-file = mode.pass\n",
	};
	static const char *const prefixes[] = {
		":7: [account b] password-file: ", ":12: [smtp] password-file: ",
	};
	char *pass = tmp_path("mode.pass"), *expected;
	struct config *cfg;
	size_t i, j;

	(void)state;
	for (j = 0; j < G_N_ELEMENTS(sections); j++) {
		for (i = 0; i < G_N_ELEMENTS(refused); i++) {
			char *error;

			g_free(write_tmp_file_mode("mode.pass", "pw\n", -1, refused[i]));
			error = load_fail(sections[j]);
			assert_error_prefix(error, prefixes[j]);
			expected = g_strdup_printf("%s can be read by its group or others (mode %04o; "
			                           "run chmod 0600 %s and keep it owned by the user "
			                           "followupd runs as)", pass, (unsigned)refused[i],
			                           pass);
			if (strstr(error, expected) == NULL)
				fail_msg("mode %04o: got '%s'", (unsigned)refused[i], error);
			g_free(expected);
			g_free(error);
		}
		for (i = 0; i < G_N_ELEMENTS(accepted); i++) {
			g_free(write_tmp_file_mode("mode.pass", "pw\n", -1, accepted[i]));
			cfg = load_ok(sections[j]);
			assert_string_equal(j == 0 ? cfg->accounts[0].password : cfg->smtp.password,
			                    "pw");
			config_free(&cfg);
		}
	}
	g_free(pass);
}

/* An inline password in a configuration its group or others can read is
 * refused at its line; the same file at 0600 is fine. */
static void test_inline_password_mode(void **state)
{
	static const char *const texts[] = {
		COMPANY_BLOCK ACCOUNT_BLOCK,
		COMPANY_BLOCK "[account b]\nurl = imaps://h.example.com\nuser = b\n"
		"password-file = inline.pass\n[smtp]\nurl = smtps://mx.example.com\n"
		"from = a@example.com\nuser = a\npassword = hunter2\n",
	};
	static const char *const prefixes[] = {
		":7: [account sales] password: ", ":12: [smtp] password: ",
	};
	char *conf = tmp_path("inline.conf"), *expected, *error = NULL;
	struct config *cfg = NULL;
	size_t i;

	(void)state;
	g_free(write_tmp_file("inline.pass", "pw\n", -1));
	for (i = 0; i < G_N_ELEMENTS(texts); i++) {
		char *prefix = g_strconcat(conf, prefixes[i], NULL);

		g_free(write_tmp_file_mode("inline.conf", texts[i], -1, 0640));
		assert_int_equal(config_load_opts(conf, CONFIG_LOAD_SECRETS, &cfg, &error), -1);
		assert_null(cfg);
		expected = g_strdup_printf("%s can be read by its group or others (mode 0640), and "
		                           "this line holds a password (move the password to a file "
		                           "only followupd can read and name it with password-file, "
		                           "or run chmod 0600 %s)", conf, conf);
		if (!g_str_has_prefix(error, prefix) || strstr(error, expected) == NULL)
			fail_msg("got '%s'", error);
		assert_null(strstr(error, "hunter2"));
		g_free(expected);
		g_free(prefix);
		g_free(error);
		error = NULL;

		assert_int_equal(chmod(conf, 0600), 0);
		if (config_load_opts(conf, CONFIG_LOAD_SECRETS, &cfg, &error) < 0)
			fail_msg("at 0600: %s", error);
		assert_string_equal(i == 0 ? cfg->accounts[0].password : cfg->smtp.password,
		                    "hunter2");
		config_free(&cfg);
	}
	g_free(conf);
}

/* What the CLI loads: everything but the secrets. A password file that
 * does not exist, is a directory, or that others can read, a credential
 * without $CREDENTIALS_DIRECTORY, an inline password in a file others can
 * read: none of it is opened or kept, and the configuration loads. */
static void test_no_secrets(void **state)
{
	char *conf, *expected, *error = NULL;
	struct config *cfg = NULL;

	(void)state;
	g_free(write_tmp_file_mode("open.pass", "pw\n", -1, 0644));
	conf = write_tmp_file_mode("cli.conf",
	                           COMPANY_BLOCK ACCOUNT_BLOCK
	                           "[account gone]\nurl = imaps://h.example.com\nuser = g\n"
	                           "password-file = no/such.pass\n"
	                           "[account dir]\nurl = imaps://h.example.com\nuser = d\n"
	                           "password-file = zoneinfo\n"
	                           "[account open]\nurl = imaps://h.example.com\nuser = o\n"
	                           "password-file = open.pass\n"
	                           "[account cred]\nurl = imaps://h.example.com\nuser = c\n"
	                           "password-credential = sales.pass\n"
	                           "[smtp]\nurl = smtps://mx.example.com\nfrom = a@example.com\n"
	                           "user = a\npassword = hunter2\n",
	                           -1, 0644);
	unsetenv("CREDENTIALS_DIRECTORY");
	if (config_load(conf, &cfg, &error) < 0)
		fail_msg("%s", error);
	assert_int_equal(cfg->n_accounts, 5);
	for (size_t i = 0; i < cfg->n_accounts; i++)
		assert_null(cfg->accounts[i].password);
	assert_null(cfg->smtp.password);
	expected = tmp_path("no/such.pass");
	assert_string_equal(cfg->accounts[1].password_file, expected);
	g_free(expected);
	assert_string_equal(cfg->accounts[4].password_credential, "sales.pass");
	assert_null(cfg->accounts[4].password_file);
	config_free(&cfg);

	/* The syntax is still checked: a missing password is still an error. */
	g_free(conf);
	conf = write_tmp_file_mode("cli.conf", COMPANY_BLOCK "[account b]\nurl = imaps://h.example.com\n"
	                           "user = b\n", -1, 0644);
	assert_int_equal(config_load(conf, &cfg, &error), -1);
	assert_non_null(strstr(error, ":4: [account b] password: no password given"));
	g_free(error);
	g_free(conf);
}

/* password-credential reads $CREDENTIALS_DIRECTORY/NAME (systemd's
 * LoadCredential=), with errors that name the line and the key. */
static void test_password_credential(void **state)
{
	static const char text[] = COMPANY_BLOCK
		"[account b]\nurl = imaps://h.example.com\nuser = b\n"
		"password-credential = sales.pass\n"                     /* 7 */
		"[smtp]\nurl = smtps://mx.example.com\nfrom = a@example.com\nuser = a\n"
		"password-credential = smtp.pass\n";                     /* 12 */
	char *creds = tmp_path("creds"), *missing, *error;
	struct config *cfg;

	(void)state;
	assert_int_equal(g_mkdir_with_parents(creds, 0700), 0);
	g_free(write_tmp_file_mode("creds/sales.pass", "from-systemd\n", -1, 0400));
	g_free(write_tmp_file_mode("creds/smtp.pass", "smtp-pw\n", -1, 0400));

	unsetenv("CREDENTIALS_DIRECTORY");
	error = load_fail(text);
	assert_error_prefix(error, ":7: [account b] password-credential: $CREDENTIALS_DIRECTORY "
	                    "is not set, so there is no credential sales.pass (start followupd "
	                    "from its systemd unit with LoadCredential=sales.pass:");
	g_free(error);
	setenv("CREDENTIALS_DIRECTORY", "", 1);
	error = load_fail(text);
	assert_error_prefix(error, ":7: [account b] password-credential: $CREDENTIALS_DIRECTORY "
	                    "is not set");
	g_free(error);

	setenv("CREDENTIALS_DIRECTORY", creds, 1);
	cfg = load_ok(text);
	assert_string_equal(cfg->accounts[0].password, "from-systemd");
	assert_string_equal(cfg->smtp.password, "smtp-pw");
	config_free(&cfg);

	/* A credential the unit does not load. */
	missing = g_build_filename(creds, "smtp.pass", NULL);
	assert_int_equal(g_remove(missing), 0);
	error = load_fail(text);
	assert_error_prefix(error, ":12: [smtp] password-credential: cannot read ");
	assert_non_null(strstr(error, missing));
	assert_non_null(strstr(error, "No such file or directory (is "
	                              "LoadCredential=smtp.pass:... in followupd's unit?)"));
	g_free(error);

	/* A credential others can read. */
	g_free(write_tmp_file_mode("creds/smtp.pass", "smtp-pw\n", -1, 0444));
	error = load_fail(text);
	assert_error_prefix(error, ":12: [smtp] password-credential: ");
	assert_non_null(strstr(error, "can be read by its group or others (mode 0444; run chmod "
	                              "0600 "));
	g_free(error);

	/* Names are file names in that directory, nothing else. */
	static const char *const bad_names[] = { "../sales.pass", ".hidden", "a/b", "a b", "a:b" };
	for (size_t i = 0; i < G_N_ELEMENTS(bad_names); i++) {
		char *bad = g_strdup_printf(COMPANY_BLOCK "[account b]\nurl = imaps://h.example.com\n"
		                            "user = b\npassword-credential = %s\n", bad_names[i]);
		error = load_fail(bad);
		assert_error_prefix(error, ":7: [account b] password-credential: '");
		assert_non_null(strstr(error, "is not a credential name"));
		g_free(error);
		g_free(bad);
	}
	/* One source of a password. */
	error = load_fail(COMPANY_BLOCK "[account b]\nurl = imaps://h.example.com\nuser = b\n"
	                  "password-file = x.pass\npassword-credential = sales.pass\n");
	assert_error_prefix(error, ":8: [account b] password-credential: cannot be used together "
	                    "with password-file (line 7; keep one of them)");
	g_free(error);
	unsetenv("CREDENTIALS_DIRECTORY");
	g_free(missing);
	g_free(creds);
}

/* A URL with a password in it is refused without repeating the password. */
static void test_url_password_never_shown(void **state)
{
	static const char *const cases[][2] = {
		{ "imaps://sales:hunter2@mail.example.com", "'imaps://<redacted>@mail.example.com' "
		  "has a user name or password in it" },
		{ "imap://sales@example.com:hun@ter2@mail.example.com:143/",
		  "'imap://<redacted>@mail.example.com:143/' has a user name or password in it" },
		{ "sales:hunter2@mail.example.com", "'<redacted>@mail.example.com' is not a URL" },
		{ "imaps://mail.example.com/x:hunter2@y", "'imaps://<redacted>@y' has a user name" },
		{ "https://sales:hunter2@mail.example.com",
		  "'https://<redacted>@mail.example.com' has the wrong scheme" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *text = g_strdup_printf(COMPANY_BLOCK "[account b]\nurl = %s\nuser = b\n"
		                             "password-file = x.pass\n", cases[i][0]);
		char *error = load_fail(text);

		assert_error_prefix(error, ":5: [account b] url: ");
		if (strstr(error, cases[i][1]) == NULL || strstr(error, "hunter2") != NULL ||
		    strstr(error, "hun@ter2") != NULL)
			fail_msg("'%s': got '%s'", cases[i][0], error);
		g_free(error);
		g_free(text);
	}
}

static void test_url_redact(void **state)
{
	static const char *const cases[][2] = {
		{ "imaps://mail.example.com", "imaps://mail.example.com" },
		{ "imaps://u:p@h", "imaps://<redacted>@h" },
		{ "imaps://@h", "imaps://<redacted>@h" },
		{ "u:p@h", "<redacted>@h" },
		{ "a@b://c@d", "a@b://<redacted>@d" },
		{ "x@y", "<redacted>@y" },
		{ "imaps://h:993/@", "imaps://<redacted>@" },
		{ "", "" },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *shown = config_value_url_redact(cases[i][0]);

		if (strcmp(shown, cases[i][1]) != 0)
			fail_msg("'%s': got '%s', want '%s'", cases[i][0], shown, cases[i][1]);
		g_free(shown);
	}
}

/* The host part of a URL as config_value_url() finds it, and whether it is
 * this machine. */
static void test_url_host_and_loopback(void **state)
{
	static const struct {
		const char *url;
		const char *host;
		bool loopback;
	} cases[] = {
		{ "imap://127.0.0.1", "127.0.0.1", true },
		{ "imap://127.0.0.1:143", "127.0.0.1", true },
		{ "imap://127.1.2.3:1/", "127.1.2.3", true },
		{ "imap://127.255.255.255", "127.255.255.255", true },
		{ "imap://[::1]:143", "::1", true },
		{ "imap://[0:0:0:0:0:0:0:1]", "0:0:0:0:0:0:0:1", true },
		{ "imap://[::ffff:127.0.0.1]:143", "::ffff:127.0.0.1", true },
		{ "imap://localhost", "localhost", true },
		{ "IMAP://LocalHost:143", "LocalHost", true },
		{ "imap://128.0.0.1", "128.0.0.1", false },
		{ "imap://126.255.255.255", "126.255.255.255", false },
		{ "imap://10.0.0.5", "10.0.0.5", false },
		{ "imap://0.0.0.0", "0.0.0.0", false },
		{ "imap://[::]", "::", false },
		{ "imap://[::2]", "::2", false },
		{ "imap://[::127.0.0.1]", "::127.0.0.1", false },
		{ "imap://[::ffff:10.0.0.1]", "::ffff:10.0.0.1", false },
		{ "imap://[2001:db8::1]:993", "2001:db8::1", false },
		{ "imap://localhost.example.com", "localhost.example.com", false },
		{ "imap://localhost6", "localhost6", false },
		{ "imap://127.0.0.1.example.com", "127.0.0.1.example.com", false },
		{ "imap://imap.gmail.com:143", "imap.gmail.com", false },
	};
	static const char *const refused[] = {
		"imap://0127.0.0.1", "imap://127.1", "imap://2130706433", "imap://127.0.0.01",
		"imap://0x7f.0.0.1", "imap://[::1", "imap://::1", "imap://[127.0.0.1]",
	};
	struct config_url url;
	const char *reason;

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		if (config_value_url(cases[i].url, "imap", "imaps", &url, &reason) < 0)
			fail_msg("'%s' refused: %s", cases[i].url, reason);
		assert_false(url.tls_scheme);
		if (url.host_len != strlen(cases[i].host) ||
		    memcmp(url.host, cases[i].host, url.host_len) != 0)
			fail_msg("'%s': host '%.*s'", cases[i].url, (int)url.host_len, url.host);
		if (config_value_host_is_loopback(url.host, url.host_len) != cases[i].loopback)
			fail_msg("'%s': loopback should be %d", cases[i].url, cases[i].loopback);
	}
	/* Forms a resolver might read as 127.0.0.1 (octal, short, hex) are
	 * not hosts at all, so they can never be taken for loopback. */
	for (size_t i = 0; i < G_N_ELEMENTS(refused); i++) {
		if (config_value_url(refused[i], "imap", "imaps", &url, &reason) == 0)
			fail_msg("'%s' accepted", refused[i]);
	}
	assert_int_equal(config_value_url("imaps://h.example.com", "imap", "imaps", &url,
	                                  &reason), 0);
	assert_true(url.tls_scheme);
}

/* tls = no only to this machine, unless plaintext = allow. */
static void test_plaintext_only_to_loopback(void **state)
{
	static const char *const loopback[] = {
		"127.0.0.1:143", "127.8.9.10", "[::1]:143", "localhost", "[::ffff:127.0.0.1]",
	};
	static const char *const remote[] = {
		"imap.gmail.com", "10.0.0.5:143", "[2001:db8::1]", "localhost.example.com",
		"128.0.0.1",
	};
	struct config *cfg;
	char *text, *error, *expected;
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(loopback); i++) {
		text = g_strdup_printf(COMPANY_BLOCK "[account b]\nurl = imap://%s\ntls = no\n"
		                       "user = b\npassword = p\n[smtp]\nurl = smtp://%s\ntls = no\n"
		                       "from = a@example.com\n", loopback[i], loopback[i]);
		cfg = load_ok(text);
		assert_false(cfg->accounts[0].plaintext_remote);
		assert_false(cfg->smtp.plaintext_remote);
		config_free(&cfg);
		g_free(text);
	}
	for (i = 0; i < G_N_ELEMENTS(remote); i++) {
		const char *host_end = strchr(remote[i], remote[i][0] == '[' ? ']' : ':');
		int host_len = host_end == NULL ? (int)strlen(remote[i])
		               : (int)(host_end - remote[i]) + (remote[i][0] == '[');

		/* IMAP */
		text = g_strdup_printf(COMPANY_BLOCK "[account b]\nurl = imap://%s\nuser = b\n"
		                       "tls = no\npassword = p\n", remote[i]);
		error = load_fail(text);
		expected = g_strdup_printf(":7: [account b] tls: 'no' would send the password and "
		                           "the mail unencrypted to %.*s, which is not this machine "
		                           "(remove this line to use STARTTLS, or use imaps://; only "
		                           "if the network on the way is trusted, add 'plaintext = "
		                           "allow')", host_len - 2 * (remote[i][0] == '['),
		                           remote[i] + (remote[i][0] == '['));
		assert_error_prefix(error, expected);
		g_free(expected);
		g_free(error);
		g_free(text);
		/* SMTP */
		text = g_strdup_printf(COMPANY_BLOCK ACCOUNT_BLOCK "[smtp]\nurl = smtp://%s\n"
		                       "tls = no\nfrom = a@example.com\n", remote[i]);
		error = load_fail(text);
		assert_error_prefix(error, ":10: [smtp] tls: 'no' would send the password and the "
		                    "mail unencrypted to ");
		assert_non_null(strstr(error, "or use smtps://"));
		g_free(error);
		g_free(text);
		/* ... allowed when said so, and then known to be remote. */
		text = g_strdup_printf(COMPANY_BLOCK "[account b]\nurl = imap://%s\ntls = no\n"
		                       "plaintext = allow\nuser = b\npassword = p\n[smtp]\n"
		                       "url = smtp://%s\ntls = no\nplaintext = Allow\n"
		                       "from = a@example.com\n", remote[i], remote[i]);
		cfg = load_ok(text);
		assert_true(cfg->accounts[0].plaintext_remote);
		assert_true(cfg->smtp.plaintext_remote);
		config_free(&cfg);
		g_free(text);
	}
	/* plaintext = allow with TLS on changes nothing. */
	cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK "plaintext = allow\n");
	assert_true(cfg->accounts[0].tls);
	assert_false(cfg->accounts[0].plaintext_remote);
	config_free(&cfg);
	/* plaintext = refuse is the default, said out loud. */
	error = load_fail(COMPANY_BLOCK "[account b]\nurl = imap://mail.example.com\ntls = no\n"
	                  "plaintext = refuse\nuser = b\npassword = p\n");
	assert_error_prefix(error, ":6: [account b] tls: 'no' would send the password");
	g_free(error);
	error = load_fail(COMPANY_BLOCK ACCOUNT_BLOCK "plaintext = yes\n");
	assert_error_prefix(error, ":8: [account sales] plaintext: 'yes' is neither allow nor "
	                    "refuse");
	g_free(error);
}

/* Sizes and durations that would overflow, or that nothing could use, are
 * errors naming file, line and key. */
static void test_bounds(void **state)
{
	static const char *const too_large[] = {
		"18446744073709551615", "18446744073709551616", "99999999999999999999G",
		"17179869184G", "2G", "1073741825", "1048577K", "1025M",
	};
	static const char *const not_sizes[] = { "16E", "1T", "-1", "1 G", "0x10", "1.5G", "" };
	static const char *const keys[] = { "max-message-size", "max-header-bytes",
	                                    "max-body-text" };
	static const char *const accepted[] = { "1G", "1073741824", "1048576K", "1024M", "1" };
	struct config *cfg;
	char *text, *error, *expected;

	(void)state;
	for (size_t k = 0; k < G_N_ELEMENTS(keys); k++) {
		for (size_t i = 0; i < G_N_ELEMENTS(too_large); i++) {
			text = g_strdup_printf(COMPANY_BLOCK ACCOUNT_BLOCK "[limits]\n%s = %s\n",
			                       keys[k], too_large[i]);
			error = load_fail(text);
			expected = g_strdup_printf(":9: [limits] %s: '%s' is too large (the most is "
			                           "1G)", keys[k], too_large[i]);
			assert_error_prefix(error, expected);
			g_free(expected);
			g_free(error);
			g_free(text);
		}
		for (size_t i = 0; i < G_N_ELEMENTS(not_sizes); i++) {
			if (not_sizes[i][0] == '\0')
				continue;  /* an empty value has its own message */
			text = g_strdup_printf(COMPANY_BLOCK ACCOUNT_BLOCK "[limits]\n%s = %s\n",
			                       keys[k], not_sizes[i]);
			error = load_fail(text);
			expected = g_strdup_printf(":9: [limits] %s: '%s' is not a size", keys[k],
			                           not_sizes[i]);
			assert_error_prefix(error, expected);
			g_free(expected);
			g_free(error);
			g_free(text);
		}
		for (size_t i = 0; i < G_N_ELEMENTS(accepted); i++) {
			text = g_strdup_printf(COMPANY_BLOCK ACCOUNT_BLOCK "[limits]\n%s = %s\n",
			                       keys[k], accepted[i]);
			cfg = load_ok(text);
			assert_true(cfg->limits.max_message_size <= CONFIG_SIZE_MAX);
			assert_true(cfg->limits.max_header_bytes <= CONFIG_SIZE_MAX);
			assert_true(cfg->limits.max_body_text <= CONFIG_SIZE_MAX);
			config_free(&cfg);
			g_free(text);
		}
	}
	cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK "[limits]\nmax-message-size = 1G\n");
	assert_int_equal(cfg->limits.max_message_size, CONFIG_SIZE_MAX);
	/* What sync.c adds to it for the IMAP literal still fits. */
	assert_true(cfg->limits.max_message_size + 65536 > cfg->limits.max_message_size);
	config_free(&cfg);

	/* Durations: too long for what uses them, or overflowing. */
	static const char *const durations[][2] = {
		{ "18446744073709551615", "is too long" },
		{ "18446744073709551616", "is too large to be a duration" },
		{ "99999999999999999999w", "is too large to be a duration" },
		{ "30500568904944w", "is too large to be a duration" },
		{ "4294967296", "is too long (the maximum is 4294967295s)" },
		{ "7102w", "is too long" },
		{ "16E", "is not a duration" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(durations); i++) {
		text = g_strdup_printf(COMPANY_BLOCK ACCOUNT_BLOCK "poll = %s\n", durations[i][0]);
		error = load_fail(text);
		expected = g_strdup_printf(":8: [account sales] poll: '%s' %s", durations[i][0],
		                           durations[i][1]);
		assert_error_prefix(error, expected);
		g_free(expected);
		g_free(error);
		g_free(text);
	}
	cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK "poll = 4294967295\n");
	assert_int_equal(cfg->accounts[0].poll_seconds, UINT32_MAX);
	config_free(&cfg);
}

/* --- durations, table-driven ------------------------------------------------------- */

struct duration_case {
	const char *text;
	int ret;
	uint64_t seconds;
};

static const struct duration_case duration_cases[] = {
	{ "30s", 0, 30 },
	{ "5m", 0, 300 },
	{ "1h", 0, 3600 },
	{ "2d", 0, 172800 },
	{ "1w", 0, 604800 },
	{ "45", 0, 45 },
	{ "0", 0, 0 },
	{ "007s", 0, 7 },
	{ "18446744073709551615", 0, UINT64_MAX },
	{ "18446744073709551615s", 0, UINT64_MAX },
	{ "30500568904943w", 0, 30500568904943ULL * 604800 },
	{ "30500568904944w", -1, 0 },       /* overflows when multiplied */
	{ "18446744073709551616", -1, 0 },  /* overflows when parsed */
	{ "", -1, 0 },
	{ "s", -1, 0 },
	{ "6x", -1, 0 },
	{ "1ms", -1, 0 },
	{ "1 s", 0, 1 },                    /* one grammar with the rules' "24 h" */
	{ " 1s", -1, 0 },
	{ "1s ", -1, 0 },
	{ "-1s", -1, 0 },
	{ "+1s", -1, 0 },
	{ "1S", 0, 1 },
	{ "1h30m", -1, 0 },
	{ "0x10", -1, 0 },
	{ "1.5h", -1, 0 },
};

static void test_limits(void **state)
{
	struct config *cfg;
	char *error = NULL;

	(void)state;
	/* Defaults without a [limits] section. */
	cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK);
	assert_int_equal(cfg->limits.max_message_size, 64u * 1024 * 1024);
	assert_int_equal(cfg->limits.max_mime_depth, 64);
	assert_int_equal(cfg->limits.max_parts, 10000);
	assert_int_equal(cfg->limits.max_header_bytes, 256u * 1024);
	assert_int_equal(cfg->limits.max_body_text, 4u * 1024 * 1024);
	config_free(&cfg);

	cfg = load_ok(COMPANY_BLOCK ACCOUNT_BLOCK "[limits]\nmax-message-size = 512k\n"
	              "max-mime-depth = 10\nmax-parts = 200\nmax-header-bytes = 1000\n"
	              "max-body-text = 1G\n");
	assert_int_equal(cfg->limits.max_message_size, 512u * 1024);
	assert_int_equal(cfg->limits.max_mime_depth, 10);
	assert_int_equal(cfg->limits.max_parts, 200);
	assert_int_equal(cfg->limits.max_header_bytes, 1000);
	assert_int_equal(cfg->limits.max_body_text, 1024ull * 1024 * 1024);
	config_free(&cfg);

	static const char *const bad[][2] = {
		{ "max-message-size = 64X", "[limits] max-message-size: '64X' is not a size" },
		{ "max-message-size = 0", "[limits] max-message-size: '0' is not a size" },
		{ "max-message-size = 99999999999999999999", "is too large (the most is 1G)" },
		{ "max-parts = -1", "[limits] max-parts: '-1' is not a positive whole number" },
		{ "max-mime-depth = 5000000000", "is not a positive whole number" },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		char *text = g_strconcat(COMPANY_BLOCK ACCOUNT_BLOCK "[limits]\n", bad[i][0], "\n",
		                         NULL);
		cfg = NULL;
		assert_int_equal(load_text(text, &cfg, &error), -1);
		assert_null(cfg);
		if (strstr(error, bad[i][1]) == NULL)
			fail_msg("'%s': got '%s', want '%s'", bad[i][0], error, bad[i][1]);
		g_free(error);
		error = NULL;
		g_free(text);
	}
}

static void test_durations(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(duration_cases); i++) {
		const struct duration_case *c = &duration_cases[i];
		uint64_t seconds = 12345;
		const char *reason = NULL;
		int ret = duration_parse_all(c->text, &seconds, &reason);

		if (ret != c->ret)
			fail_msg("'%s': returned %d, expected %d", c->text, ret, c->ret);
		if (ret == 0 && seconds != c->seconds)
			fail_msg("'%s': %" PRIu64 " seconds, expected %" PRIu64, c->text, seconds,
			         c->seconds);
	}
	const char *reason = NULL;
	assert_int_equal(duration_parse_all(NULL, &(uint64_t){ 0 }, &reason), -1);
	assert_non_null(reason);
}

/* --- work hours, table-driven ------------------------------------------------------- */

struct work_hours_case {
	const char *text;
	const char *expected; /* spans as "weekday:start-end " in minutes, or NULL: error */
};

static const struct work_hours_case work_hours_cases[] = {
	{ "Mon-Fri 09:00-18:00",
	  "1:540-1080 2:540-1080 3:540-1080 4:540-1080 5:540-1080 " },
	{ "Mon-Fri 09:00-12:00 13:00-18:00",
	  "1:540-720 1:780-1080 2:540-720 2:780-1080 3:540-720 3:780-1080 "
	  "4:540-720 4:780-1080 5:540-720 5:780-1080 " },
	{ "Mon-Thu 09:00-18:00, Fri 09:00-15:00",
	  "1:540-1080 2:540-1080 3:540-1080 4:540-1080 5:540-900 " },
	{ "Sun-Thu 08:00-16:00", "0:480-960 1:480-960 2:480-960 3:480-960 4:480-960 " },
	{ "Fri-Mon 10:00-11:00", "0:600-660 1:600-660 5:600-660 6:600-660 " },
	{ "Sat 00:00-24:00", "6:0-1440 " },
	{ "sat 10:00-11:00", "6:600-660 " },
	{ "  Mon   09:00-10:00   10:00-11:00 ,Tue\t09:00-10:00 ",
	  "1:540-600 1:600-660 2:540-600 " },
	{ "Wed-Wed 09:00-10:00", "3:540-600 " },
	{ "Tue 13:00-18:00, Mon 09:00-10:00", "1:540-600 2:780-1080 " },
	{ "", NULL },
	{ "   ", NULL },
	{ "Mon-Fri", NULL },
	{ "09:00-18:00", NULL },
	{ "Mon-Fry 09:00-18:00", NULL },
	{ "Monday 09:00-18:00", NULL },
	{ "Mon- Fri 09:00-18:00", NULL },
	{ "Mon-Fri 9:00-18:00", NULL },
	{ "Mon-Fri 09:00-18:60", NULL },
	{ "Mon-Fri 09:00-24:01", NULL },
	{ "Mon-Fri 24:00-24:00", NULL },
	{ "Mon-Fri 18:00-09:00", NULL },
	{ "Mon-Fri 09:00-09:00", NULL },
	{ "Mon-Fri 09:00 - 18:00", NULL },
	{ "Mon-Fri 09:00-18:00,", NULL },
	{ ", Mon-Fri 09:00-18:00", NULL },
	{ "Mon-Fri 09:00-18:00, Wed 12:00-13:00", NULL },
	{ "Mon 09:00-12:00 11:00-13:00", NULL },
	{ "Mon-Tue-Wed 09:00-10:00", NULL },
	{ "Mon-Fri 09:00-18:00x", NULL },
};

static char *work_spans_format(const struct work_span *spans, size_t n)
{
	GString *out = g_string_new(NULL);
	size_t i;

	for (i = 0; i < n; i++)
		g_string_append_printf(out, "%d:%d-%d ", spans[i].weekday, spans[i].start_min,
		                       spans[i].end_min);
	return g_string_free(out, FALSE);
}

static void test_work_hours(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(work_hours_cases); i++) {
		const struct work_hours_case *c = &work_hours_cases[i];
		struct work_span *spans = (struct work_span *)&spans;
		const char *error = NULL;
		size_t n = 99;
		int ret = work_hours_parse(c->text, &spans, &n, &error);

		if (c->expected == NULL) {
			if (ret != -1)
				fail_msg("'%s' was accepted", c->text);
			assert_null(spans);
			assert_int_equal(n, 0);
			assert_non_null(error);
			assert_true(strlen(error) > 0);
		} else {
			char *got;

			if (ret != 0)
				fail_msg("'%s' was refused: %s", c->text, error);
			got = work_spans_format(spans, n);
			if (strcmp(got, c->expected) != 0)
				fail_msg("'%s': got '%s', expected '%s'", c->text, got,
				         c->expected);
			g_free(got);
			g_free(spans);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contract_config_loads),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_grading),
		cmocka_unit_test(test_relative_paths_resolved),
		cmocka_unit_test(test_values_normalized),
		cmocka_unit_test(test_several_accounts_and_persons),
		cmocka_unit_test(test_rules_kept_verbatim),
		cmocka_unit_test(test_stages_kept_verbatim),
		cmocka_unit_test(test_comments_and_layout),
		cmocka_unit_test(test_long_comment_line_allowed),
		cmocka_unit_test(test_line_length_limit),
		cmocka_unit_test(test_error_messages),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_empty_list_item),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_directory_is_not_a_config),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_huge_file_and_huge_line),
		cmocka_unit_test(test_fifo_password_file),
		cmocka_unit_test(test_empty_password_file),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_sent_folders_added),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_example_config_loads),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_work_hours),
		cmocka_unit_test(test_password_file_mode),
		cmocka_unit_test(test_inline_password_mode),
		cmocka_unit_test(test_no_secrets),
		cmocka_unit_test(test_password_credential),
		cmocka_unit_test(test_url_password_never_shown),
		cmocka_unit_test(test_url_redact),
		cmocka_unit_test(test_url_host_and_loopback),
		cmocka_unit_test(test_plaintext_only_to_loopback),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_oauth_preset_and_token),
		cmocka_unit_test(test_oauth_refused),
		cmocka_unit_test(test_oauth_token_file_rules),
		cmocka_unit_test(test_oauth_inferred_and_external),
		cmocka_unit_test(test_oauth_smtp_and_loopback),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
