/*
 * followup overdue [--owner P] [--rule R]: conversations at a warning, a
 * breach or an escalation at --now, most overdue first; then the sheet's
 * dates due, late or silent (payment-due, next-action, silence rules).
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/rules_runtime.h"
#include "core/sheet.h"
#include "lib/duration.h"

static void print_header(void)
{
	printf("%-10s %-18s %-24s %-22s %-*s %9s  %s\n", "STATE", "RULE", "CUSTOMER", "OWNER",
	       CLI_DATE_WIDTH, "DUE", "LATE", "SUBJECT");
}

static void print_line(GString *line, const char *state, const char *rule, const char *customer,
                       const char *owner, const char *due, int64_t late_seconds,
                       const char *subject)
{
	char late[32];

	duration_format_hm(late_seconds > 0 ? late_seconds : -1, "-", late, sizeof(late));
	g_string_truncate(line, 0);
	cli_pad(line, state, 10);
	g_string_append_c(line, ' ');
	cli_pad(line, rule, 18);
	g_string_append_c(line, ' ');
	cli_pad(line, customer != NULL ? customer : "", 24);
	g_string_append_c(line, ' ');
	cli_pad(line, owner != NULL ? owner : "(nobody)", 22);
	g_string_append_printf(line, " %-*s %9s  ", CLI_DATE_WIDTH, due, late);
	cli_pad(line, subject, 40);
	g_strchomp(line->str);
	printf("%s\n", line->str);
}

static void print_overdue(GArray *entries, GArray *sheet)
{
	GString *line = g_string_new(NULL);

	print_header();
	for (guint i = 0; i < entries->len; i++) {
		const struct overdue_entry *e = &g_array_index(entries, struct overdue_entry, i);
		char due[32];
		cli_format_local(e->result.due, due, sizeof(due));
		print_line(line, sla_state_name(e->result.state), e->rule->name, e->thread->customer,
		           e->owner, due, e->result.overdue_seconds, e->thread->subject);
	}
	for (guint i = 0; i < sheet->len; i++) {
		const struct core_sheet_entry *e = &g_array_index(sheet, struct core_sheet_entry, i);
		char due[32];
		/* a day as written stays a day; a moment is shown as every date */
		if (strlen(e->due_local) == 10)
			g_strlcpy(due, e->due_local, sizeof(due));
		else
			cli_format_local(e->occ.due, due, sizeof(due));
		print_line(line, sheet_state_name(e->occ.state), e->rule->name, e->customer->key,
		           e->owner, due, e->occ.overdue_seconds, e->subject);
	}
	g_string_free(line, TRUE);
}

int cmd_overdue(struct cli_ctx *ctx)
{
	struct core_rules *rules = NULL;
	struct sla_thread *threads = NULL;
	const char *owner = NULL, *rule = NULL;
	char *error = NULL;
	size_t n = 0;
	int ret;

	if (cli_take_option(ctx, "owner", &owner) < 0 || cli_take_option(ctx, "rule", &rule) < 0 ||
	    cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	if ((ret = cli_rules_load(ctx, &rules)) != CLI_OK)
		return ret;
	if (rule != NULL && rule_set_find(rules->set, rule) == NULL) {
		cli_error("no rule named '%s' (see: followup rules)", rule);
		core_rules_free(&rules);
		return CLI_USAGE;
	}
	if (store_sla_threads(ctx->st, ctx->now - 90 * 24 * 3600, &threads, &n, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		core_rules_free(&rules);
		return CLI_STORE_ERROR;
	}
	struct core_sheet_list *sheet = NULL;
	if (core_sheet_list_new(rules, ctx->st, ctx->now, owner, rule, &sheet, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		store_sla_threads_free(&threads, n);
		core_rules_free(&rules);
		return CLI_STORE_ERROR;
	}
	GArray *entries = core_rules_overdue(rules, threads, n, ctx->now, owner, rule);
	if (ctx->json) {
		json_t *arr = json_array();
		for (guint i = 0; i < entries->len; i++)
			json_array_append_new(arr, cli_json_overdue(&g_array_index(entries,
			                                                       struct overdue_entry, i)));
		for (guint i = 0; i < sheet->entries->len; i++)
			json_array_append_new(arr, cli_json_sheet_entry(
				&g_array_index(sheet->entries, struct core_sheet_entry, i)));
		cli_print_json(arr);
	} else if (entries->len == 0 && sheet->entries->len == 0) {
		printf("nothing is overdue or due soon\n");
	} else {
		print_overdue(entries, sheet->entries);
	}
	g_array_free(entries, TRUE);
	core_sheet_list_free(&sheet);
	store_sla_threads_free(&threads, n);
	core_rules_free(&rules);
	return CLI_OK;
}
