#ifndef FOLLOWUP_CLI_CLI_H
#define FOLLOWUP_CLI_CLI_H
/*
 * cli: the `followup` command. main.c parses the global options (accepted
 * before or after the command), loads the config, opens the store and
 * dispatches to one file per command (cmd_*.c) from a table. Every
 * command prints human-readable aligned text, or with --json one JSON
 * array.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <jansson.h>

#include "config/config.h"
#include "core/roles.h"
#include "core/runtime.h"
#include "lib/safe_text.h"
#include "store/store.h"

/* Exit statuses, documented in docs/CLI.md. */
enum cli_exit {
	CLI_OK = 0,
	CLI_NOT_FOUND = 1,        /* the customer or message asked for is not in the store */
	CLI_USAGE = 2,
	CLI_STORE_ERROR = 3,      /* the store cannot be read or written */
	CLI_REFUSED = 4,          /* a claim of a customer someone owns already; a change
	                             the caller's role does not allow */
	CLI_CONFIG_ERROR = 78,    /* EX_CONFIG */
};

struct cli_command;

struct cli_ctx {
	const char *config_path;
	struct config *cfg;
	struct core_runtime *rt;
	struct store *st;
	bool json;
	int64_t now;              /* --now, else the clock */
	int argc;                 /* the command's own arguments, global options removed */
	char **argv;
	struct core_actor actor;  /* who runs it (cli/control.c) */
	bool actor_given;         /* --actor: run for followupd's control socket */
	bool input_on_stdin;      /* --input-on-stdin: import's FILE is stdin (followupd
	                             hands the caller's open file to its child so) */
	const struct cli_command *command;  /* the one running, from main.c's table */
};

/* ---- who runs it, and changes through followupd (control.c) ---- */

/* ctx->actor from --actor (actor, trusted only from root or followupd's
 * user), else from the login: root, or the [person] whose unix-user it
 * is (person NULL when none). 0, or -1 after saying why. */
int cli_actor_init(struct cli_ctx *ctx, const char *actor);
/* A change by this caller goes to followupd (not root, not followupd's
 * own child). */
bool cli_changes_go_to_daemon(const struct cli_ctx *ctx);
/* Sends the change command (argc words and arguments; now: --now or
 * NULL) to followupd's control socket, with our stdout and stderr for its
 * output; the command's exit status, or CLI_STORE_ERROR after saying why
 * followupd could not be asked. */
int cli_control_forward(struct cli_ctx *ctx, int argc, char **argv, const char *now);
/* CLI_OK when ctx->actor may make a change of kind to the customer
 * (customer_id 0: none in particular); else CLI_REFUSED after saying why
 * (or CLI_STORE_ERROR). */
int cli_may_change(struct cli_ctx *ctx, enum core_change_kind kind, int64_t customer_id);

/* A command of main.c's table: its synopsis is the one source of its
 * usage (the usage errors, `followup help COMMAND`, `COMMAND --help`,
 * the bash completion's options and the man page's test read it). */
struct cli_command {
	const char *name;
	const char *synopsis;
	const char *summary;
	int (*run)(struct cli_ctx *ctx);
	enum store_mode mode;     /* or CLI_NO_STORE */
};

/* The mode of a command that opens no store (oauth: it runs before
 * followupd has ever made one). */
#define CLI_NO_STORE ((enum store_mode)-1)

int cmd_timeline(struct cli_ctx *ctx);
int cmd_customers(struct cli_ctx *ctx);
int cmd_threads(struct cli_ctx *ctx);
int cmd_show(struct cli_ctx *ctx);
int cmd_reparse(struct cli_ctx *ctx);
int cmd_oauth(struct cli_ctx *ctx);
int cmd_stats(struct cli_ctx *ctx);
int cmd_rules(struct cli_ctx *ctx);
int cmd_overdue(struct cli_ctx *ctx);
int cmd_outbox(struct cli_ctx *ctx);
int cmd_assign(struct cli_ctx *ctx);
int cmd_customer_show(struct cli_ctx *ctx);
int cmd_customer_set(struct cli_ctx *ctx);
int cmd_contact_set(struct cli_ctx *ctx);
int cmd_note_add(struct cli_ctx *ctx);
int cmd_claim(struct cli_ctx *ctx);
int cmd_quotes(struct cli_ctx *ctx);
int cmd_orders(struct cli_ctx *ctx);
int cmd_order_add(struct cli_ctx *ctx);
int cmd_order_set(struct cli_ctx *ctx);
int cmd_order_paid(struct cli_ctx *ctx);
int cmd_grade(struct cli_ctx *ctx);
int cmd_order_confirm(struct cli_ctx *ctx);
int cmd_log(struct cli_ctx *ctx);
int cmd_forget(struct cli_ctx *ctx);
int cmd_export_personal(struct cli_ctx *ctx);
int cmd_export(struct cli_ctx *ctx);
int cmd_import(struct cli_ctx *ctx);
int cmd_search(struct cli_ctx *ctx);
int cmd_kpi(struct cli_ctx *ctx);
int cmd_report(struct cli_ctx *ctx);

/* ---- followup-full (full.c) ---- */

/* Runs followup-full with argv (main's, unchanged) in place of this
 * process; returns only when it cannot be run: CLI_CONFIG_ERROR, after
 * saying where it was looked for. */
int cli_full_exec(char **argv);

/* ---- output helpers (output.c) ---- */

/* "2026-11-20T08:15:00Z"; "" for INT64_MIN. Static buffer per call site. */
void cli_format_utc(int64_t t, char *buf, size_t size);
/* The zone dates are shown in: the running person's `timezone =`, else
 * the company's (main.c), as the mails show them. -1 for an unknown name. */
int cli_display_zone_set(const char *name);
void cli_display_zone_free(void);
/* "2026-11-20 16:15 CST" in that zone (lib/zonetime.h); "-" for
 * INT64_MIN. */
void cli_format_local(int64_t t, char *buf, size_t size);
/* t's wall-clock time in that zone, for a spreadsheet's cells; false for
 * none. */
bool cli_local_tm(int64_t t, struct tm *tm_r);
/* Appends s (made safe as one line) to out padded or cut to exactly
 * `width` terminal columns (wide CJK characters count two). */
void cli_pad(GString *out, const char *s, int width);
/* The columns a date of cli_format_local takes in a table: "2026-11-20
 * 16:15 CEST"; a longer zone name ("+0545") pushes the row on, never cuts
 * the date. */
#define CLI_DATE_WIDTH 21
/* t as cli_format_local writes it, padded to CLI_DATE_WIDTH. */
void cli_pad_date(GString *out, int64_t t);
/* A JSON string that is always valid (invalid UTF-8 replaced); NULL -> null. */
json_t *cli_json_string(const char *s);
/* A JSON array of the strings of a NULL-terminated vector (NULL: []). */
json_t *cli_json_strv(char **v);
/* A timeline entry as JSON: the contract fields (date, direction, kind,
 * from, to, subject, snippet, message_id, thread, customer) and the rest
 * of what the store knows of it, without bodies. */
json_t *cli_json_entry(const struct store_entry *e);
/* Adds what the parsers found (language, facts, forwarded, calendar,
 * bounce_of, limits) to an entry's JSON object. */
void cli_json_add_findings(json_t *o, const struct store_entry *e);
/* RFC 3339 or null. */
json_t *cli_json_time(int64_t t);
/* A customer as `customers` prints it: the record (country and grade
 * with where they come from), contacts with their roles and phones, the
 * dates and counts. */
struct core_stage_names;
json_t *cli_json_customer(const struct store_customer *c, const struct core_stage_names *stages);
/* A contact: address name role title phone (and undeliverable). */
json_t *cli_json_contact(const struct store_contact *c);
/* An amount in thousandths as a JSON number (whole amounts as integers). */
json_t *cli_json_amount(int64_t milli);
/* A quote we sent: message_id date subject thread products quantities
 * prices incoterm incoterm_place reference (from its trade facts) and
 * answered_at. */
json_t *cli_json_quote(const struct store_quote *q);
/* An order: number amount currency incoterm due paid state deposit
 * deposit_percent quote payments. */
json_t *cli_json_order(const struct store_order *o);
/* An order on one line, made safe, under cli_order_header()'s columns:
 * "PI-2026-118  kunde.de  USD  82000.00  24600.50  2026-12-15 part-paid". */
void cli_order_header(void);
void cli_order_line(GString *out, const struct store_order *o);
/* An order our mail proposes: message_id date customer number amount
 * currency incoterm subject. */
struct core_proposal;
json_t *cli_json_proposal(const struct core_proposal *p);
/* A proposal on one line, made safe, under cli_proposal_header()'s
 * columns. */
void cli_proposal_header(void);
void cli_proposal_line(GString *out, const struct core_proposal *p);
/* "    payment  24600.50 on 2026-11-20", made safe. */
void cli_payment_line(GString *out, const struct store_payment *p);
/* "XP-200, XP-300  USD 410/pc  FOB Ningbo  ref PI-1" from a quote's facts
 * JSON (may be NULL); "" when they tell nothing. New string (g_free),
 * not yet made safe for a terminal. */
char *cli_quote_summary(const char *facts_json);
/* A thread as `threads` prints it. */
json_t *cli_json_thread(const struct store_thread *t);
/* An overdue item as `overdue` prints it. */
struct overdue_entry;
json_t *cli_json_overdue(const struct overdue_entry *e);
/* An item of the sheet's dates in the same shape (thread null; order the
 * order's number for payment-due rules). */
struct core_sheet_entry;
json_t *cli_json_sheet_entry(const struct core_sheet_entry *e);
/* The person a command acts as: a [person] of the config (--as), else
 * NULL after printing why (CLI_USAGE). */
const char *cli_person(struct cli_ctx *ctx, const char *as, const char *option);
/* A JSON value as pretty-printed UTF-8 text that is safe to write to a
 * terminal: besides the C0 controls jansson escapes ("\u001B"), DEL, the
 * C1 controls and the bidi controls above are written as escapes
 * ("\u009B"), which mean the same to a JSON reader. New string; NULL if
 * value cannot be encoded. */
char *cli_json_dumps(const json_t *value);
/* Prints a JSON value (as cli_json_dumps() writes it) followed by a
 * newline and releases it. 0 or -1. */
int cli_print_json(json_t *value);
/* Prints "followup: " and the message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Finds the customer a TARGET names (address, domain, key or id; target.c).
 * CLI_OK and *target_r filled, CLI_NOT_FOUND (message printed), or
 * CLI_STORE_ERROR. */
int cli_resolve_target(struct cli_ctx *ctx, const char *target, struct store_target *target_r);
/* The same for a command that lists what the target has: with --json, a
 * target that matches nothing also prints an empty list ([]). */
int cli_resolve_listing_target(struct cli_ctx *ctx, const char *target,
                               struct store_target *target_r);

/* The rules' runtime at ctx->now (rules_load.c): CLI_OK, or
 * CLI_CONFIG_ERROR after printing why. */
struct core_rules;
int cli_rules_load(struct cli_ctx *ctx, struct core_rules **rules_r);

/* Takes "--NAME VALUE" or "--NAME=VALUE" out of ctx->argv (args.c); *value_r NULL
 * when absent. -1 when the value is missing. */
int cli_take_option(struct cli_ctx *ctx, const char *name, const char **value_r);
/* Takes --from DATE and --to DATE (a day in the company's time zone, the
 * --to day included, or an RFC 3339 moment); default: the 28 days up to
 * now. -1 after printing which option is wrong. */
int cli_take_period(struct cli_ctx *ctx, int64_t *from_r, int64_t *to_r);
/* Takes every "--NAME" (a flag without a value) out of ctx->argv: true
 * when there was one. */
bool cli_take_flag(struct cli_ctx *ctx, const char *name);
/* -1 (after printing an error and the command's synopsis, from the
 * command table) when unknown options or too many arguments remain. */
int cli_expect_args(struct cli_ctx *ctx, int min, int max);

#endif
