/*
 * followup note add CUSTOMER TEXT [--kind K] [--date DATE] [--next TEXT]
 * [--next-date DATE] [--as PERSON]: a call, meeting, fair visit, sample
 * or chat on the customer's timeline, beside the mail; --next and
 * --next-date set the customer's next action in the same transaction.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/changes.h"
#include "core/records.h"

struct note_options {
	const char *kind, *date, *next, *next_date, *as;
};

/* The next action as a change of the record; NULL when none is given.
 * -1 after printing what is wrong (naming the option). */
static int next_change(struct cli_ctx *ctx, const struct note_options *o,
                       struct core_customer_change **change_r)
{
	char *assignments[2];
	size_t n = 0;
	char *error = NULL;
	int ret = 0;

	*change_r = NULL;
	if (o->next != NULL)
		assignments[n++] = g_strconcat("next-action=", o->next, NULL);
	if (o->next_date != NULL)
		assignments[n++] = g_strconcat("next-date=", o->next_date, NULL);
	if (n > 0 && core_customer_change_parse(ctx->rt, NULL, assignments, n, change_r,
	                                        &error) < 0) {
		/* The field is the option here. */
		if (g_str_has_prefix(error, "next-action:"))
			cli_error("--next:%s", error + strlen("next-action:"));
		else if (g_str_has_prefix(error, "next-date:"))
			cli_error("--next-date:%s", error + strlen("next-date:"));
		else
			cli_error("%s", error);
		ret = -1;
	}
	g_free(error);
	for (size_t i = 0; i < n; i++)
		g_free(assignments[i]);
	return ret;
}

/* The note's date: --date (a day is its start in the company's time
 * zone), else now. -1 after printing why not. */
static int note_date(struct cli_ctx *ctx, const char *text, int64_t *date_r)
{
	char *canonical = NULL, *error = NULL;
	int ret = 0;

	*date_r = ctx->now;
	if (text == NULL)
		return 0;
	if (core_sheet_date_parse(text, &canonical, &error) < 0 ||
	    core_sheet_date_time(canonical, ctx->cfg->company.timezone, date_r) < 0) {
		cli_error("--date: %s", error != NULL ? error : text);
		ret = -1;
	}
	g_free(canonical);
	g_free(error);
	return ret;
}

static int check_options(struct cli_ctx *ctx, struct note_options *o, const char **author_r)
{
	if (cli_take_option(ctx, "kind", &o->kind) < 0 ||
	    cli_take_option(ctx, "date", &o->date) < 0 ||
	    cli_take_option(ctx, "next-date", &o->next_date) < 0 ||
	    cli_take_option(ctx, "next", &o->next) < 0 ||
	    cli_take_option(ctx, "as", &o->as) < 0 || cli_expect_args(ctx, 2, 2) < 0)
		return -1;
	if (o->kind == NULL)
		o->kind = "note";
	if (!core_note_kind_valid(o->kind)) {
		cli_error("--kind: '%s' is no kind of note (call, meeting, visit, sample, "
		          "whatsapp or note)", o->kind);
		return -1;
	}
	const char *why = core_note_text_invalid(ctx->argv[1]);
	if (why != NULL) {
		cli_error("TEXT %s (at most 10000 characters)", why);
		return -1;
	}
	/* Who wrote it: the person who runs it; root may say whom it is for. */
	if (o->as != NULL && !ctx->actor.root) {
		cli_error("--as is root's: a note is yours (%s)",
		          ctx->actor.name != NULL ? ctx->actor.name : "no [person]");
		return -1;
	}
	if (o->as != NULL)
		*author_r = cli_person(ctx, o->as, "--as");
	else
		*author_r = ctx->actor.person != NULL ? ctx->actor.name : g_get_user_name();
	return *author_r != NULL ? 0 : -1;
}

static int print_note(struct cli_ctx *ctx, int64_t customer_id, int64_t note_id,
                      const char *key)
{
	struct store_entry **notes = NULL;
	size_t n = 0;
	char *error = NULL;

	if (store_notes(ctx->st, customer_id, &notes, &n, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	for (size_t i = 0; i < n; i++) {
		const struct store_entry *e = notes[i];
		if (e->id != note_id)
			continue;
		if (ctx->json) {
			json_t *arr = json_array();
			json_array_append_new(arr, cli_json_entry(e));
			cli_print_json(arr);
		} else {
			char date[32];
			GString *out = g_string_new(NULL);
			cli_format_local(e->date, date, sizeof(date));
			safe_text_append(out, key, SAFE_TEXT_LINE);
			g_string_append_printf(out, ": %s noted for %s\n", e->kind, date);
			fputs(out->str, stdout);
			g_string_free(out, TRUE);
		}
	}
	store_entries_free(&notes, n);
	return CLI_OK;
}

/* The next action a note sets, applied and logged. 0 or -1. */
static int record_next(struct cli_ctx *ctx, const struct core_change_ctx *cc,
                       const struct core_customer_change *next, char **error_r)
{
	struct store_customer *before = NULL, *after = NULL;
	int ret = -1;

	if (store_customer_get(ctx->st, cc->customer_id, &before, error_r) != 0 ||
	    store_customer_update(ctx->st, cc->customer_id, &next->edit, ctx->now, error_r) < 0 ||
	    store_customer_get(ctx->st, cc->customer_id, &after, error_r) != 0)
		goto out;
	ret = core_change_record_customer(cc, before, after, error_r);
out:
	if (ret < 0 && *error_r == NULL)
		*error_r = g_strdup("the customer vanished while it was changed");
	store_customer_free(&before);
	store_customer_free(&after);
	return ret;
}

int cmd_note_add(struct cli_ctx *ctx)
{
	struct note_options o = { 0 };
	struct store_target target = { 0 };
	struct core_customer_change *next = NULL;
	const char *author = NULL;
	char *error = NULL;
	int64_t note_id = 0;
	int ret;

	if (check_options(ctx, &o, &author) < 0)
		return CLI_USAGE;
	struct store_note_new note = { .kind = o.kind, .text = ctx->argv[1], .author = author,
	                               .created = ctx->now };
	if (note_date(ctx, o.date, &note.date) < 0 || next_change(ctx, &o, &next) < 0) {
		ret = CLI_USAGE;
		goto out;
	}
	ret = cli_resolve_target(ctx, ctx->argv[0], &target);
	if (ret != CLI_OK)
		goto out;
	if ((ret = cli_may_change(ctx, CORE_CHANGE_RECORD, target.customer_id)) != CLI_OK)
		goto out;
	note.customer_id = target.customer_id;
	struct core_change_ctx cc = { .st = ctx->st, .actor = &ctx->actor, .now = ctx->now,
	                              .customer_id = target.customer_id,
	                              .customer = target.customer_key, .command = "note add" };
	char *what = g_strdup_printf("%s: %s", note.kind, note.text);
	if (store_begin(ctx->st, &error) < 0) {
		g_free(what);
		goto fail;
	}
	if (store_note_add(ctx->st, &note, &note_id, &error) < 0 ||
	    core_change_record(&cc, "note", NULL, what, &error) < 0 ||
	    (next != NULL && record_next(ctx, &cc, next, &error) < 0)) {
		g_free(what);
		store_rollback(ctx->st);
		goto fail;
	}
	g_free(what);
	if (store_commit(ctx->st, &error) < 0)
		goto fail;
	ret = print_note(ctx, target.customer_id, note_id, target.customer_key);
	goto out;
fail:
	cli_error("%s", error);
	ret = CLI_STORE_ERROR;
out:
	g_free(error);
	core_customer_change_free(&next);
	store_target_clear(&target);
	return ret;
}
