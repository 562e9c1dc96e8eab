/*
 * followup customers [filters] [--sort KEY]: the follow-up sheet, one
 * customer a line; most recently active first unless sorted.
 */
#include <string.h>
#include <glib.h>

#include "cli/cli.h"
#include "core/records.h"
#include "core/stages.h"
#include "lib/duration.h"

/* Durations beyond ten years mean "ever": kept clear of overflow. */
#define DURATION_MAX (UINT64_C(3650) * 24 * 3600)

static int take_duration(struct cli_ctx *ctx, const char *name, bool *set_r, uint64_t *s_r)
{
	const char *text = NULL, *reason = NULL;

	if (cli_take_option(ctx, name, &text) < 0)
		return -1;
	if (text == NULL)
		return 0;
	if (duration_parse_all(text, s_r, &reason) < 0) {
		cli_error("--%s: '%s' %s (e.g. 30d, 2w)", name, text, reason);
		return -1;
	}
	*set_r = true;
	*s_r = MIN(*s_r, DURATION_MAX);
	return 0;
}

/* Reads the options into f; -1 after printing what is wrong. */
static int take_filter(struct cli_ctx *ctx, struct core_customer_filter *f)
{
	const char *sort = NULL, *country = NULL, *owner = NULL;
	size_t n_grades;
	const char *const *grades = core_grades(ctx->cfg, &n_grades);

	f->grades = grades;
	f->n_grades = n_grades;

	if (cli_take_option(ctx, "grade", &f->grade) < 0 ||
	    cli_take_option(ctx, "stage", &f->stage) < 0 ||
	    cli_take_option(ctx, "owner", &owner) < 0 ||
	    cli_take_option(ctx, "country", &country) < 0 ||
	    cli_take_option(ctx, "tag", &f->tag) < 0 ||
	    cli_take_option(ctx, "sort", &sort) < 0 ||
	    take_duration(ctx, "silent-for", &f->silent, &f->silent_for) < 0 ||
	    take_duration(ctx, "next-due", &f->next_due, &f->next_due_within) < 0)
		return -1;
	/* The team's name or the built-in id; the store holds the id. */
	if (f->stage != NULL) {
		const char *id = core_stage_id(ctx->rt->stages, f->stage);
		if (id == NULL) {
			char *list = core_stage_list(ctx->rt->stages);
			cli_error("--stage: '%s' is no stage (one of %s)", f->stage, list);
			g_free(list);
			return -1;
		}
		f->stage = id;
	}
	if (f->grade != NULL) {
		const char *grade = NULL;
		for (size_t i = 0; i < n_grades; i++) {
			if (g_ascii_strcasecmp(grades[i], f->grade) == 0)
				grade = grades[i];
		}
		if (grade == NULL) {
			char *list = g_strjoinv(", ", (char **)grades);
			cli_error("--grade: '%s' is no grade (one of %s)", f->grade, list);
			g_free(list);
			return -1;
		}
		f->grade = grade;
	}
	if (owner != NULL && strcmp(owner, "none") != 0) {
		if ((owner = cli_person(ctx, owner, "--owner")) == NULL)
			return -1;
	}
	f->owner = owner;
	if (country != NULL && (f->country = core_country_code(country)) == NULL) {
		cli_error("--country: '%s' is no ISO 3166-1 alpha-2 country code (DE, CN, US …)",
		          country);
		return -1;
	}
	if (sort != NULL && core_customer_sort_parse(sort, &f->sort) < 0) {
		cli_error("--sort: '%s' is no order (last-contact, grade, next-date or name)", sort);
		return -1;
	}
	return 0;
}

static void print_customers(struct store_customer **customers, size_t n,
                            const struct core_stage_names *stages)
{
	GString *line = g_string_new(NULL);

	printf("%-5s %-24s %-22s %-5s %-11s %-20s %-2s %-*s %-*s %-10s %5s %s\n", "ID",
	       "CUSTOMER", "NAME", "GRADE", "STAGE", "OWNER", "CC", CLI_DATE_WIDTH, "LAST IN",
	       CLI_DATE_WIDTH, "LAST OUT", "NEXT", "MSGS", "CONTACTS");
	for (size_t i = 0; i < n; i++) {
		const struct store_customer *c = customers[i];
		const char *source;
		const char *grade = core_customer_grade(c, &source);
		const char *country = core_customer_country(c, &source);
		char next[11];
		/* The day of the next action is enough for a list. */
		g_strlcpy(next, c->next_date != NULL ? c->next_date : "-", sizeof(next));
		g_string_printf(line, "%-5lld ", (long long)c->id);
		cli_pad(line, c->key, 24);
		g_string_append_c(line, ' ');
		cli_pad(line, c->name, 22);
		g_string_append_c(line, ' ');
		cli_pad(line, grade != NULL ? grade : "-", 5);
		g_string_append_c(line, ' ');
		cli_pad(line, c->stage != NULL ? core_stage_display(stages, c->stage) : "-", 11);
		g_string_append_c(line, ' ');
		cli_pad(line, c->owner != NULL ? c->owner : "-", 20);
		g_string_append_c(line, ' ');
		cli_pad(line, country != NULL ? country : "-", 2);
		g_string_append_c(line, ' ');
		cli_pad_date(line, c->last_inbound);
		g_string_append_c(line, ' ');
		cli_pad_date(line, c->last_outbound);
		g_string_append_printf(line, " %-10s %5llu %zu", next,
		                       (unsigned long long)c->n_messages, c->n_contacts);
		printf("%s\n", line->str);
	}
	g_string_free(line, TRUE);
}

int cmd_customers(struct cli_ctx *ctx)
{
	struct core_customer_filter filter = { 0 };
	struct store_customer **customers = NULL;
	size_t n = 0, kept = 0;
	char *error = NULL;

	if (take_filter(ctx, &filter) < 0 || cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	/* The grade and the owner chosen in SQL too: the figures of the
	 * customers they leave out are never worked out. */
	struct store_customer_where where = {
		.grade = filter.grade,
		.owner = filter.owner != NULL && strcmp(filter.owner, "none") != 0 ? filter.owner : NULL,
		.owner_none = filter.owner != NULL && strcmp(filter.owner, "none") == 0,
	};
	if (store_customers_where(ctx->st, &where, &customers, &n, &error) < 0) {
		cli_error("%s", error);
		g_free(error);
		return CLI_STORE_ERROR;
	}
	core_customers_select(customers, n, &filter, ctx->now, ctx->cfg->company.timezone, &kept);
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < kept; i++)
			json_array_append_new(arr, cli_json_customer(customers[i], ctx->rt->stages));
		cli_print_json(arr);
	} else {
		print_customers(customers, kept, ctx->rt->stages);
	}
	store_customers_free(&customers, kept);
	return CLI_OK;
}
