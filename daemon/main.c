/*
 * followupd: watches the team's IMAP mailboxes and files every message
 * into the per-customer timelines of the store.
 *
 *   followupd [-c FILE] [--once] [--check-config] [--now RFC3339] [--log-level LEVEL]
 *   followupd [-c FILE] --oauth-device ACCOUNT|--smtp   (daemon/oauth_device.c)
 *
 * Exit status: 0 success; 1 a --once cycle failed; 2 usage; 75 (EX_TEMPFAIL)
 * another followupd holds the store; 78 (EX_CONFIG) the configuration or
 * the store cannot be used.
 *
 * Signals: SIGTERM and SIGINT stop after the current transaction. SIGHUP
 * reloads: the configuration (rules, templates, holidays included) is
 * checked first, and only when it is good does the daemon stop after the
 * current transaction and execute itself again with the same arguments;
 * a bad one is logged and the daemon goes on with what it has.
 */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <curl/curl.h>
#include <glib.h>
#include <uv.h>

#include "config/config.h"
#include "core/rules_runtime.h"
#include "core/analyze.h"
#include "core/runtime.h"
#include "daemon/control.h"
#include "daemon/rules_run.h"
#include "daemon/curl_url.h"
#include "daemon/log.h"
#include "daemon/notify.h"
#include "daemon/status.h"
#include "daemon/oauth_device.h"
#include "daemon/sync.h"
#include "daemon/writer.h"
#include "store/store.h"

#define EXIT_SYNC_FAILED 1
#define EXIT_USAGE 2
#define EXIT_IN_USE 75            /* EX_TEMPFAIL: another followupd holds the store */
#define EXIT_CONFIG 78

struct options {
	const char *config_path;
	bool once;
	bool check_config;
	const char *now;
	const char *log_level;
	const char *oauth_device; /* --oauth-device NAME: the first refresh token */
};

struct daemon {
	const char *config_path;
	uv_loop_t *loop;
	struct config *cfg;
	struct core_runtime *rt;
	struct core_rules *rules;
	struct rules_runner *runner;
	struct control *control;  /* the team's changes; NULL with --once */
	struct store *st;
	struct store_lock *lock;  /* held from before the store opens until exit */
	struct writer *writer;
	struct status *status;    /* the STATUS= line */
	GTimeZone *tz;            /* the company's, for the status line */
	struct notify_watchdog *watchdog;  /* NULL: no WatchdogSec= */
	bool once;
	int64_t now;              /* --now, or INT64_MIN for the real clock */
	struct sync_account **accounts;
	size_t n_accounts;
	size_t cycles_pending;    /* --once: accounts still in their cycle */
	size_t stopped;
	bool runner_stopped;
	unsigned failures;
	bool stopping;
	bool reexec;              /* SIGHUP with a good configuration: start again */
	uv_signal_t sigterm, sigint, sighup;
};

static void usage(FILE *out)
{
	fprintf(out,
	        "usage: followupd [-c FILE] [--once] [--check-config] [--now RFC3339]\n"
	        "                 [--log-level error|warning|notice|info|debug]\n"
	        "\n"
	        "  -c, --config FILE   configuration (default: $FOLLOWUP_CONFIG, else %s)\n"
	        "      --once          one full cycle (sync every account, then rules) and exit\n"
	        "      --check-config  check the configuration, print \"configuration OK\", exit\n"
	        "      --now TIME      fix the clock (RFC 3339, e.g. 2026-11-24T09:00:00Z)\n"
	        "      --log-level L   least severe level logged (default info)\n"
	        "      --version       print the version\n"
	        "      --oauth-device ACCOUNT|--smtp  sign in with OAuth2 and write the token file\n",
	        CONFIG_DEFAULT_PATH);
}

static int parse_args(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "once", no_argument, NULL, 'o' },
		{ "check-config", no_argument, NULL, 'k' },
		{ "now", required_argument, NULL, 'n' },
		{ "log-level", required_argument, NULL, 'l' },
		{ "oauth-device", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "c:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': o->config_path = optarg; break;
		case 'o': o->once = true; break;
		case 'k': o->check_config = true; break;
		case 'n': o->now = optarg; break;
		case 'l': o->log_level = optarg; break;
		case 'O': o->oauth_device = optarg; break;
		case 'h': usage(stdout); exit(0);
		case 'V': printf("followupd %s\n", FOLLOWUP_VERSION); exit(0);
		default: usage(stderr); return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "followupd: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return -1;
	}
	return 0;
}

/* Once the accounts and the rules engine are idle: close what is left. */
static void maybe_all_stopped(struct daemon *d)
{
	if (d->stopped < d->n_accounts || !d->runner_stopped)
		return;
	uv_close((uv_handle_t *)&d->sigterm, NULL);
	uv_close((uv_handle_t *)&d->sigint, NULL);
	uv_close((uv_handle_t *)&d->sighup, NULL);
	control_free(&d->control);
	for (size_t i = 0; i < d->n_accounts; i++)
		sync_account_free(&d->accounts[i]);
	rules_runner_free(&d->runner);
	status_free(&d->status);
	notify_watchdog_free(&d->watchdog);
}

static void on_account_stopped(struct sync_account *sa, void *ctx)
{
	struct daemon *d = ctx;

	(void)sa;
	d->stopped++;
	maybe_all_stopped(d);
}

static void on_runner_stopped(struct rules_runner *rr, void *ctx)
{
	struct daemon *d = ctx;

	(void)rr;
	d->runner_stopped = true;
	maybe_all_stopped(d);
}

static void daemon_stop(struct daemon *d)
{
	if (d->stopping)
		return;
	d->stopping = true;
	for (size_t i = 0; i < d->n_accounts; i++)
		sync_account_stop(d->accounts[i], on_account_stopped, d);
	rules_runner_stop(d->runner, on_runner_stopped, d);
}

static void on_rules_done(struct rules_runner *rr, void *ctx)
{
	(void)rr;
	daemon_stop(ctx);
}

static void on_signal(uv_signal_t *handle, int signum)
{
	struct daemon *d = handle->data;

	log_notice("%s: stopping after the current transaction", strsignal(signum));
	if (!d->stopping)
		notify_stopping();
	daemon_stop(d);
}

/* Everything the daemon would load at start, loaded and thrown away: 0 when
 * a restart would succeed, else -1 with *error_r. */
static int check_config(const char *path, int64_t now, char **error_r)
{
	struct config *cfg = NULL;
	struct core_runtime *rt = NULL;
	struct core_rules *rules = NULL;
	int ret = -1;

	if (config_load_opts(path, CONFIG_LOAD_SECRETS, &cfg, error_r) < 0 ||
	    curl_url_check_config(cfg, error_r) < 0 ||
	    core_runtime_new(cfg, &rt, error_r) < 0 ||
	    core_rules_load(rt, now, &rules, error_r) < 0)
		goto out;
	ret = 0;
out:
	core_rules_free(&rules);
	core_runtime_free(&rt);
	config_free(&cfg);
	return ret;
}

/* tls = no towards another machine is allowed only with plaintext = allow,
 * and said at every start, so that it is never forgotten. */
static void warn_plaintext(const struct config *cfg)
{
	for (size_t i = 0; i < cfg->n_accounts; i++) {
		if (cfg->accounts[i].plaintext_remote)
			log_warning("account %s: tls = no: the password and the mail go "
			            "unencrypted to %s (plaintext = allow)", cfg->accounts[i].name,
			            cfg->accounts[i].url);
	}
	if (cfg->smtp.present && cfg->smtp.plaintext_remote)
		log_warning("smtp: tls = no: the password and the mail go unencrypted to %s "
		            "(plaintext = allow)", cfg->smtp.url);
}

/* Reloading by starting again keeps no half-old state: the accounts, the
 * rules runner and the writer all hold the configuration they began with. */
static void on_sighup(uv_signal_t *handle, int signum)
{
	struct daemon *d = handle->data;
	char *error = NULL;

	(void)signum;
	if (d->once || d->stopping) {
		log_notice("SIGHUP ignored: %s", d->once ? "one cycle only (--once)" : "already stopping");
		return;
	}
	/* READY=1 ends the reload: from the image executed next, or at once
	 * when the new configuration is refused. */
	notify_reloading();
	if (check_config(d->config_path, d->now != INT64_MIN ? d->now : (int64_t)time(NULL),
	                 &error) < 0) {
		log_error("%s", error);
		log_error("SIGHUP: the configuration has errors; going on with the one loaded before");
		g_free(error);
		notify_ready();
		return;
	}
	log_notice("SIGHUP: configuration OK; restarting with it after the current transaction");
	d->reexec = true;
	daemon_stop(d);
}

static void on_cycle(struct sync_account *sa, const char *error, const struct sync_stats *stats,
                     void *ctx)
{
	struct daemon *d = ctx;

	(void)sa;
	(void)stats;
	if (!d->once) {
		/* New mail may start or stop a clock, or want an acknowledgement. */
		rules_runner_pass(d->runner, NULL, NULL);
		return;
	}
	if (error != NULL)
		d->failures++;
	/* --once: every account synced, then one pass of the rules. */
	if (--d->cycles_pending == 0)
		rules_runner_pass(d->runner, on_rules_done, d);
}

static int run(struct daemon *d)
{
	d->writer = writer_new(d->loop, d->st);
	d->n_accounts = d->cfg->n_accounts;
	d->accounts = g_new0(struct sync_account *, d->n_accounts);
	d->cycles_pending = d->n_accounts;

	uv_signal_init(d->loop, &d->sigterm);
	uv_signal_init(d->loop, &d->sigint);
	uv_signal_init(d->loop, &d->sighup);
	d->sigterm.data = d->sigint.data = d->sighup.data = d;
	uv_signal_start(&d->sigterm, on_signal, SIGTERM);
	uv_signal_start(&d->sigint, on_signal, SIGINT);
	uv_signal_start(&d->sighup, on_sighup, SIGHUP);

	struct rules_settings rs = {
		.cfg = d->cfg,
		.rt = d->rt,
		.rules = d->rules,
		.writer = d->writer,
		.now = d->now,
		.repeat = !d->once,
	};
	d->status = status_new(d->loop, d->tz);
	rs.status = d->status;
	d->runner = rules_runner_new(d->loop, &rs);
	if (!d->once)
		d->control = control_new(d->loop, d->cfg, d->config_path);

	for (size_t i = 0; i < d->n_accounts; i++) {
		struct sync_settings s = {
			.account = &d->cfg->accounts[i],
			.filing = &d->rt->filing,
			.writer = d->writer,
			.repeat = !d->once,
			.max_message_size = d->cfg->limits.max_message_size,
			.now = d->now,
			.cycle_done = on_cycle,
			.ctx = d,
			.status = d->status,
		};
		d->accounts[i] = sync_account_new(d->loop, &s);
	}
	log_info("followupd started: %zu account%s, store %s%s", d->n_accounts,
	         d->n_accounts == 1 ? "" : "s", d->cfg->store_path, d->once ? ", one cycle" : "");
	for (size_t i = 0; i < d->n_accounts; i++)
		sync_account_start(d->accounts[i]);
	if (d->n_accounts == 0)
		rules_runner_pass(d->runner, d->once ? on_rules_done : NULL, d);
	/* The configuration is good, the store open and every account's first
	 * connection under way: ready. Not after the connections are made, so
	 * that a server that is down cannot hold the start up. */
	notify_ready();
	d->watchdog = notify_watchdog_start(d->loop);

	uv_run(d->loop, UV_RUN_DEFAULT);
	writer_free(&d->writer);
	g_free(d->accounts);
	if (d->once && d->failures > 0)
		return EXIT_SYNC_FAILED;
	return 0;
}

/* glibc raises its mmap threshold to the size of each large block freed,
 * up to 32 MiB: after the first large message every buffer of mail
 * (fetched, decoded, compressed) lands in the malloc arenas of the loop,
 * the parsing threads and the writer, and stays there, fragmented. A
 * fixed threshold keeps a block of 1 MiB or more in a mapping of its own,
 * given back when freed; below it, allocations are too frequent for a
 * mapping each (128 KiB cost 40% more CPU in a first sync). sync.c gives
 * back what a filed batch leaves free. docs/DECISIONS.md, "Performance:
 * followupd's memory (issue 12)". An administrator's own setting
 * (MALLOC_MMAP_THRESHOLD_, GLIBC_TUNABLES) wins. */
#define MMAP_THRESHOLD (1024 * 1024)
/* Fixing the threshold also fixes the trim threshold, at 128 KiB: an
 * arena would shrink and grow again around every message (15-27% more
 * CPU in a first sync).
 * Above it, what is free at an arena's top waits for sync.c's trim. */
#define TRIM_THRESHOLD (4 * 1024 * 1024)

static void bound_malloc(void)
{
	const char *tunables = getenv("GLIBC_TUNABLES");

	if (getenv("MALLOC_MMAP_THRESHOLD_") != NULL || getenv("MALLOC_TRIM_THRESHOLD_") != NULL ||
	    (tunables != NULL && strstr(tunables, "glibc.malloc.") != NULL))
		return;
	mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
	mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct daemon d = { .now = INT64_MIN };
	char *error = NULL;
	int ret = EXIT_CONFIG;

	bound_malloc();
	log_init();
	notify_init();
	if (parse_args(argc, argv, &o) < 0)
		return EXIT_USAGE;
	if (o.log_level != NULL) {
		int level = log_level_from_name(o.log_level);
		if (level < 0) {
			fprintf(stderr, "followupd: unknown log level '%s'\n", o.log_level);
			return EXIT_USAGE;
		}
		log_set_level((enum log_level)level);
	}
	if (o.now != NULL && config_parse_rfc3339(o.now, &d.now) < 0) {
		fprintf(stderr, "followupd: --now '%s' is not an RFC 3339 time "
		                "(e.g. 2026-11-24T09:00:00Z)\n", o.now);
		return EXIT_USAGE;
	}
	signal(SIGPIPE, SIG_IGN);

	const char *path = config_default_path(o.config_path);
	d.config_path = path;
	if (config_load_opts(path, CONFIG_LOAD_SECRETS |
	                     (o.oauth_device != NULL ? CONFIG_LOAD_OAUTH_SETUP : 0),
	                     &d.cfg, &error) < 0 ||
	    curl_url_check_config(d.cfg, &error) < 0) {
		log_error("%s", error);
		goto out;
	}
	if (o.oauth_device != NULL) {
		ret = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK
		      ? oauth_device_main(d.cfg, o.oauth_device, stdout) : EXIT_CONFIG;
		curl_global_cleanup();
		goto out;
	}
	warn_plaintext(d.cfg);
	core_analyze_init();
	if (core_runtime_new(d.cfg, &d.rt, &error) < 0) {
		log_error("%s", error);
		goto out;
	}
	if (core_rules_load(d.rt, d.now != INT64_MIN ? d.now : (int64_t)time(NULL), &d.rules,
	                      &error) < 0) {
		log_error("%s", error);
		goto out;
	}
	if (o.check_config) {
		printf("%s: configuration OK\n", path);
		ret = 0;
		goto out;
	}
	int lrc = store_lock_acquire(d.cfg->store_path, "followupd", &d.lock, &error);
	if (lrc < 0) {
		log_error("%s", error);
		ret = lrc == -2 ? EXIT_IN_USE : EXIT_CONFIG;
		goto out;
	}
	/* After a reload the watchdog runs on while this image loads: one
	 * ping before and one after the store (a migration) opens. */
	notify_watchdog();
	if (store_open(d.cfg->store_path, STORE_READ_WRITE, &d.st, &error) < 0) {
		log_error("%s", error);
		goto out;
	}
	notify_watchdog();
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		log_error("cannot initialise libcurl");
		goto out;
	}
	d.once = o.once;
	d.tz = g_time_zone_new_identifier(d.cfg->company.timezone);
	if (d.tz == NULL)
		d.tz = g_time_zone_new_utc();
	d.loop = g_new0(uv_loop_t, 1);
	uv_loop_init(d.loop);
	ret = run(&d);
	uv_loop_close(d.loop);
	g_free(d.loop);
	curl_global_cleanup();
out:
	notify_deinit();
	if (d.tz != NULL)
		g_time_zone_unref(d.tz);
	g_free(error);
	store_close(&d.st);
	core_rules_free(&d.rules);
	core_runtime_free(&d.rt);
	config_free(&d.cfg);
	core_analyze_deinit();
	if (d.reexec && ret == 0) {
		/* By name, so that an upgraded binary is the one that starts; the
		 * store's lock goes along, so no other followupd can slip in. */
		if (store_lock_keep_across_exec(d.lock) == 0)
			execvp(argv[0], argv);
		log_error("SIGHUP: cannot start %s again: %s", argv[0], g_strerror(errno));
		ret = EXIT_SYNC_FAILED;
	}
	store_lock_release(&d.lock);
	return ret;
}
