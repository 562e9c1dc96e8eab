/*
 * followup: answers the team's questions about customers from the shell.
 *
 *   followup [-c FILE] COMMAND [ARGS] [--json] [--now RFC3339]
 *   followup help [COMMAND] | COMMAND --help | --version
 *
 * Global options may stand before or after the command.
 *
 * This file is two programs (docs/DECISIONS.md, "the CLI's start-up"):
 * built with FOLLOWUP_FRONT it is `followup`, which runs the commands that
 * read and print the store, links only glib, SQLite, jansson, inih,
 * libpsl and zstd, and hands every other command (FULL() in the table)
 * unchanged to followup-full (cli/full.c says where it is); built
 * without, it is followup-full, which runs them all as one program did.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/analyze.h"

/* A command of followup-full's only: it needs GMime, libxml2, libical,
 * libxlsxwriter or the language models, or it changes the store. The
 * front's table has no function for it. */
#ifdef FOLLOWUP_FRONT
#define FULL(run) NULL
#else
#define FULL(run) run
#endif

static const struct cli_command commands[] = {
	{ "timeline", "timeline TARGET", "a customer's messages by date (TARGET: an address, "
	  "a domain, or a customer id)", cmd_timeline, STORE_READ_ONLY },
	{ "customers", "customers [--grade G] [--stage S] [--owner PERSON|none] [--country CC] "
	  "[--tag T] [--silent-for 30d] [--next-due 7d] [--sort last-contact|grade|next-date|name]",
	  "customers with their records and last contact dates", cmd_customers, STORE_READ_ONLY },
	{ "customer show", "customer show CUSTOMER", "the customer's card: record, contacts, open "
	  "conversations, quotes, orders", FULL(cmd_customer_show), STORE_READ_ONLY },
	{ "customer set", "customer set CUSTOMER FIELD=VALUE…", "change the customer's record "
	  "(name country industry website tags grade owner stage source next-action next-date)",
	  FULL(cmd_customer_set), STORE_READ_WRITE },
	{ "contact set", "contact set ADDRESS FIELD=VALUE…", "change a contact (name role title "
	  "phone)", FULL(cmd_contact_set), STORE_READ_WRITE },
	{ "note add", "note add CUSTOMER TEXT [--kind call|meeting|visit|sample|whatsapp|note] "
	  "[--date DATE] [--next TEXT --next-date DATE] [--as PERSON]", "a call, meeting, visit, "
	  "sample or chat on the customer's timeline", FULL(cmd_note_add), STORE_READ_WRITE },
	{ "claim", "claim CUSTOMER [--as PERSON]", "take an unowned customer",
	  FULL(cmd_claim), STORE_READ_WRITE },
	{ "grade", "grade [--explain CUSTOMER]", "grade every customer now ([grading]), or "
	  "explain one customer's grade criterion by criterion", FULL(cmd_grade), STORE_READ_WRITE },
	{ "quotes", "quotes [--open] [--customer CUSTOMER]", "the quotes we sent, their trade "
	  "facts, answered or still open, and their age", cmd_quotes, STORE_READ_ONLY },
	{ "orders", "orders [--customer CUSTOMER] [--due-within 7d] [--overdue] | --proposed",
	  "orders, what is paid of them and when they fall due; or the orders our sent "
	  "mail proposes", cmd_orders, STORE_READ_ONLY },
	{ "order add", "order add CUSTOMER --no NUMBER --amount N --currency CUR [--incoterm TEXT] "
	  "[--due DATE] [--deposit N|P%] [--quote MESSAGE-ID]", "enter the customer's order",
	  FULL(cmd_order_add), STORE_READ_WRITE },
	{ "order set", "order set NUMBER FIELD=VALUE…", "change an order (amount currency "
	  "incoterm due deposit quote state)", FULL(cmd_order_set), STORE_READ_WRITE },
	{ "order paid", "order paid NUMBER [--amount N] [--date DATE]", "a payment against an "
	  "order (without --amount: the rest)", FULL(cmd_order_paid), STORE_READ_WRITE },
	{ "order confirm", "order confirm MESSAGE-ID [--no NUMBER] [--due DATE] "
	  "[--deposit N|P%]", "make the order our proforma invoice or order confirmation "
	  "proposes", FULL(cmd_order_confirm), STORE_READ_WRITE },
	{ "search", "search QUERY [--customer KEY] [--kind K] [--since DATE] [--limit N]",
	  "entries whose words match, best first: words in any language, \"a phrase\", "
	  "prefix*, from:ADDRESS, customer:KEY", cmd_search, STORE_READ_ONLY },
	{ "threads", "threads [--customer TARGET]", "conversations, most recent first",
	  cmd_threads, STORE_READ_ONLY },
	{ "show", "show MESSAGE-ID", "one message: headers, text and attachments", cmd_show,
	  STORE_READ_ONLY },
	{ "reparse", "reparse", "rebuild every parsed field from the stored raw messages",
	  FULL(cmd_reparse), STORE_READ_WRITE },
	{ "stats", "stats", "what the store holds: kinds, folders, limit hits", cmd_stats,
	  STORE_READ_ONLY },
	{ "overdue", "overdue [--owner PERSON] [--rule RULE]", "conversations late or due soon, "
	  "most overdue first", FULL(cmd_overdue), STORE_READ_ONLY },
	{ "kpi", "kpi [--from DATE --to DATE] [--by owner|country|grade|month|week]",
	  "the team's figures (docs/KPI.md)", FULL(cmd_kpi), STORE_READ_ONLY },
	{ "report", "report --html FILE [--from DATE --to DATE] [--language LANG]",
	  "the manager's report: one HTML page", FULL(cmd_report), STORE_READ_ONLY },
	{ "rules", "rules", "the loaded rules in plain words", FULL(cmd_rules), STORE_READ_ONLY },
	{ "outbox", "outbox [--all]", "acknowledgements and alerts not sent yet, or failed", cmd_outbox,
	  STORE_READ_ONLY },
	{ "assign", "assign CUSTOMER PERSON|none", "make a colleague the customer's owner",
	  FULL(cmd_assign), STORE_READ_WRITE },
	{ "log", "log [--customer CUSTOMER] [--person PERSON]", "who changed what in the sheet, "
	  "when, before and after", cmd_log, STORE_READ_ONLY },
	{ "forget", "forget ADDRESS|CUSTOMER [--dry-run] [--with-orders] [--let-mail-in]",
	  "erase what is held about a person or a customer, and keep their mail out",
	  FULL(cmd_forget), STORE_READ_WRITE },
	{ "export-personal", "export-personal ADDRESS", "everything held about a person, as JSON",
	  cmd_export_personal, STORE_READ_ONLY },
	{ "export", "export customers|contacts|orders|quotes|timeline TARGET|overdue "
	  "--csv FILE|--xlsx FILE", "a list as a spreadsheet file (CSV: UTF-8, BOM, CRLF; "
	  "xlsx: typed cells)", FULL(cmd_export), STORE_READ_ONLY },
	{ "import", "import customers|contacts|orders FILE [--dry-run] [--map 'Column=field']…",
	  "a spreadsheet saved as CSV (UTF-8 or GB18030; English or Chinese headers) into the "
	  "sheet: all rows or none", FULL(cmd_import), STORE_READ_WRITE },
	{ "oauth", "oauth ACCOUNT|--smtp", "sign in with OAuth2 (device flow): the first refresh "
	  "token", cmd_oauth, CLI_NO_STORE },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: followup [-c FILE] COMMAND [ARGS] [--json] [--now RFC3339]\n\n"
	             "commands:\n");
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
		/* A long synopsis stands on a line of its own. */
		if (strlen(commands[i].synopsis) <= 30)
			fprintf(out, "  %-30s %s\n", commands[i].synopsis, commands[i].summary);
		else
			fprintf(out, "  %s\n  %-30s %s\n", commands[i].synopsis, "",
			        commands[i].summary);
	}
	fprintf(out, "\noptions:\n"
	             "  -c, --config FILE  configuration (default: $FOLLOWUP_CONFIG, else %s)\n"
	             "  --json             print one JSON array\n"
	             "  --now TIME         fix the clock (RFC 3339)\n"
	             "  --version          print the version\n"
	             "\nfollowup help COMMAND (or followup COMMAND --help) prints one command's "
	             "usage;\nman followup describes them all.\n",
	        CONFIG_DEFAULT_PATH);
}

/* The usage of one command, from its table entry: what `followup help
 * COMMAND` and `followup COMMAND --help` print. */
static void command_usage(FILE *out, const struct cli_command *cmd)
{
	fprintf(out, "usage: followup %s\n\n%s.\n\n"
	             "global options: -c FILE, --json, --now TIME (followup --help);\n"
	             "every option and output: man followup\n", cmd->synopsis, cmd->summary);
}

/* The commands whose first word is word ("customer": customer show,
 * customer set), as `followup help customer` lists them; how many. */
static size_t group_usage(FILE *out, const char *word)
{
	size_t len = strlen(word), n = 0;

	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
		const char *name = commands[i].name;
		if (strncmp(name, word, len) == 0 && name[len] == ' ') {
			fprintf(out, "%s followup %s\n", n == 0 ? "usage:" : "      ",
			        commands[i].synopsis);
			n++;
		}
	}
	return n;
}

/* The command argv names: one word ("customers") or two ("customer
 * show"); *words_r is how many. */
static const struct cli_command *find_command(int argc, char **argv, int *words_r)
{
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
		const char *name = commands[i].name;
		const char *space = strchr(name, ' ');
		if (space == NULL && strcmp(name, argv[0]) == 0) {
			*words_r = 1;
			return &commands[i];
		}
		if (space != NULL && argc >= 2 && strlen(argv[0]) == (size_t)(space - name) &&
		    strncmp(name, argv[0], (size_t)(space - name)) == 0 &&
		    strcmp(space + 1, argv[1]) == 0) {
			*words_r = 2;
			return &commands[i];
		}
	}
	return NULL;
}

/* Says what a command word that names none is; for the first word of a
 * two-word command ("customer"), which words may follow it. */
static void unknown_command(const char *word)
{
	GString *subs = g_string_new(NULL);

	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
		const char *space = strchr(commands[i].name, ' ');
		if (space != NULL && strlen(word) == (size_t)(space - commands[i].name) &&
		    strncmp(commands[i].name, word, strlen(word)) == 0)
			g_string_append_printf(subs, "%s%s", subs->len > 0 ? ", " : "",
			                       commands[i].name);
	}
	if (subs->len > 0)
		cli_error("'%s' needs one of: %s", word, subs->str);
	else
		cli_error("unknown command '%s' (try: followup --help)", word);
	g_string_free(subs, TRUE);
}

/* `followup help [COMMAND]`, also `followup COMMAND --help` (argv: the
 * words after help): the usage of all, of one command, or of the
 * commands a first word begins; `help --commands` lists the commands'
 * names, one a line, for the bash completion and scripts. */
static int help_command(int argc, char **argv)
{
	const struct cli_command *cmd;
	int words = 0;

	if (argc == 0) {
		usage(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[0], "--commands") == 0) {
		for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
			printf("%s\n", commands[i].name);
		return CLI_OK;
	}
	if ((cmd = find_command(argc, argv, &words)) != NULL) {
		command_usage(stdout, cmd);
		return CLI_OK;
	}
	if (group_usage(stdout, argv[0]) > 0)
		return CLI_OK;
	unknown_command(argv[0]);
	return CLI_USAGE;
}

/* Splits argv into global options and the rest (command and its args). */
static int parse_global(int argc, char **argv, struct cli_ctx *ctx, const char **now_r,
                        const char **actor_r, bool *help_r, bool *version_r)
{
	GPtrArray *rest = g_ptr_array_new();
	bool after_dashdash = false;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *value = NULL;
		if (after_dashdash) {
			g_ptr_array_add(rest, argv[i]);
			continue;
		}
		if (strcmp(a, "--") == 0) {
			after_dashdash = true;
			g_ptr_array_add(rest, argv[i]);
		} else if (strcmp(a, "--json") == 0) {
			ctx->json = true;
		} else if (strcmp(a, "--input-on-stdin") == 0) {
			ctx->input_on_stdin = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			*help_r = true;
		} else if (strcmp(a, "--version") == 0) {
			*version_r = true;
		} else if (strcmp(a, "-c") == 0 || strcmp(a, "--config") == 0 ||
		           strcmp(a, "--now") == 0 || strcmp(a, "--actor") == 0) {
			if (i + 1 >= argc) {
				cli_error("%s needs a value", a);
				g_ptr_array_free(rest, TRUE);
				return -1;
			}
			value = argv[++i];
			if (strcmp(a, "--now") == 0)
				*now_r = value;
			else if (strcmp(a, "--actor") == 0)
				*actor_r = value;
			else
				ctx->config_path = value;
		} else if (strncmp(a, "--config=", 9) == 0) {
			ctx->config_path = a + 9;
		} else if (strncmp(a, "--now=", 6) == 0) {
			*now_r = a + 6;
		} else {
			g_ptr_array_add(rest, argv[i]);
		}
	}
	ctx->argc = (int)rest->len;
	g_ptr_array_add(rest, NULL);
	ctx->argv = (char **)g_ptr_array_free(rest, FALSE);
	return 0;
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx = { 0 };
	const struct cli_command *cmd;
	const char *now = NULL, *actor = NULL;
	bool help = false, version = false;
	char *error = NULL;
	char **argv_owned;
	int ret = CLI_USAGE;

	if (parse_global(argc, argv, &ctx, &now, &actor, &help, &version) < 0)
		return CLI_USAGE;
	argv_owned = ctx.argv;
	if (version) {
		printf("followup %s\n", FOLLOWUP_VERSION);
		ret = CLI_OK;
		goto out;
	}
	if (ctx.argc > 0 && strcmp(ctx.argv[0], "help") == 0) {
		ret = help_command(ctx.argc - 1, ctx.argv + 1);
		goto out;
	}
	if (help && ctx.argc > 0) {
		ret = help_command(ctx.argc, ctx.argv);
		goto out;
	}
	if (help || ctx.argc == 0) {
		usage(help ? stdout : stderr);
		ret = help ? CLI_OK : CLI_USAGE;
		goto out;
	}
	int words = 0, change_words = 0;
	cmd = find_command(ctx.argc, ctx.argv, &words);
	if (cmd == NULL) {
		unknown_command(ctx.argv[0]);
		goto out;
	}
	if (cmd->run == NULL) {
		/* followup-full parses the same argv again, so it says the same. */
		ret = cli_full_exec(argv);
		goto out;
	}
	ctx.command = cmd;
	int full_argc = ctx.argc;
	char **full_argv = ctx.argv;
	bool changes = core_change_of_command(ctx.argc, ctx.argv, &change_words) !=
	               CORE_CHANGE_NONE;
	ctx.argv += words;
	ctx.argc -= words;
	ctx.now = (int64_t)time(NULL);
	if (now != NULL && config_parse_rfc3339(now, &ctx.now) < 0) {
		cli_error("--now '%s' is not an RFC 3339 time (e.g. 2026-11-24T09:00:00Z)", now);
		goto out;
	}

	const char *path = config_default_path(ctx.config_path);
	/* Team members run this: the passwords are followupd's alone. */
	if (config_load_opts(path, CONFIG_LOAD_NO_SECRETS, &ctx.cfg, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_CONFIG_ERROR;
		goto out;
	}
	if (cli_actor_init(&ctx, actor) < 0)
		goto out;
	const struct config_person *me = ctx.actor.person;
	if (cli_display_zone_set(me != NULL && me->timezone != NULL ? me->timezone
	                         : ctx.cfg->company.timezone) < 0) {
		cli_error("the time zone of %s is not in the tz database",
		          me != NULL && me->timezone != NULL ? me->email : "[company]");
		ret = CLI_CONFIG_ERROR;
		goto out;
	}
	if (changes && cli_changes_go_to_daemon(&ctx)) {
		ret = cli_control_forward(&ctx, full_argc, full_argv, now);
		goto out;
	}
#ifndef FOLLOWUP_FRONT
	core_analyze_init();
#endif
	/* The language models only where a command analyses mail (reparse). */
	if (core_runtime_new_lazy(ctx.cfg, &ctx.rt, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_CONFIG_ERROR;
		goto out;
	}
	if (cmd->mode != CLI_NO_STORE && store_open(ctx.cfg->store_path, cmd->mode, &ctx.st, &error) < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	ret = cmd->run(&ctx);
	if (fflush(stdout) != 0 && ret == CLI_OK) {
		cli_error("cannot write the output");
		ret = CLI_STORE_ERROR;
	}
out:
	g_free(error);
	store_close(&ctx.st);
	core_runtime_free(&ctx.rt);
	config_free(&ctx.cfg);
	cli_display_zone_free();
#ifndef FOLLOWUP_FRONT
	core_analyze_deinit();
#endif
	g_free(argv_owned);
	return ret;
}
