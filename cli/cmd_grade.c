/*
 * followup grade [--explain CUSTOMER]: every customer graded now as
 * [grading] says, the grades written (what followupd does once a day);
 * or one customer's grade explained, criterion by criterion, written
 * nowhere. A grade a person set is shown as the customer's grade, marked
 * manual: it overrides the computed one until `customer set KEY
 * grade=auto`.
 */
#include <glib.h>

#include "cli/cli.h"
#include "core/grade.h"
#include "core/orders.h"

#define DAY_SECONDS 86400

/* The grade shown for a customer: the manual one, else the computed. */
static const char *shown_grade(const struct core_grade *g, const char **source_r)
{
	*source_r = g->facts->grade_manual != NULL ? "manual" : "computed";
	return g->facts->grade_manual != NULL ? g->facts->grade_manual : g->computed;
}

static json_t *grade_json(const struct core_grade *g)
{
	json_t *o = json_object();
	const char *source;
	const char *grade = shown_grade(g, &source);

	json_object_set_new(o, "key", cli_json_string(g->facts->key));
	json_object_set_new(o, "computed", cli_json_string(g->computed));
	json_object_set_new(o, "points", json_integer(g->result.total));
	json_object_set_new(o, "dormant", json_boolean(g->result.dormant));
	json_object_set_new(o, "previous", cli_json_string(g->previous));
	json_object_set_new(o, "manual", cli_json_string(g->facts->grade_manual));
	json_object_set_new(o, "grade", cli_json_string(grade));
	json_object_set_new(o, "grade_source", json_string(source));
	return o;
}

static void print_list(const struct core_grading *grading)
{
	GString *line = g_string_new(NULL);

	printf("%-30s %-8s %6s %-8s %s\n", "CUSTOMER", "COMPUTED", "POINTS", "BEFORE", "GRADE");
	for (size_t i = 0; i < grading->n; i++) {
		const struct core_grade *g = &grading->grades[i];
		const char *source;
		const char *grade = shown_grade(g, &source);
		g_string_truncate(line, 0);
		cli_pad(line, g->facts->key, 30);
		g_string_append_c(line, ' ');
		cli_pad(line, g->computed, 8);
		g_string_append_printf(line, " %6u ", g->result.total);
		cli_pad(line, g->previous != NULL ? g->previous : "-", 8);
		g_string_append_c(line, ' ');
		safe_text_append(line, grade, SAFE_TEXT_LINE);
		g_string_append_printf(line, " (%s%s)", source,
		                       g->result.dormant ? ", dormant" : "");
		printf("%s\n", line->str);
	}
	if (grading->n == 0)
		printf("no customers yet\n");
	g_string_free(line, TRUE);
}

/* Grades everyone and writes the grades: one transaction. */
static int grade_all(struct cli_ctx *ctx)
{
	struct core_grading *grading = NULL;
	char *error = NULL;

	if (store_begin(ctx->st, &error) < 0)
		goto fail;
	if (core_grade_compute(ctx->st, ctx->cfg, 0, ctx->now, &grading, &error) < 0 ||
	    core_grade_record(ctx->st, grading, &error) < 0) {
		store_rollback(ctx->st);
		goto fail;
	}
	if (store_commit(ctx->st, &error) < 0)
		goto fail;
	if (ctx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < grading->n; i++)
			json_array_append_new(arr, grade_json(&grading->grades[i]));
		cli_print_json(arr);
	} else {
		print_list(grading);
	}
	core_grading_free(&grading);
	return CLI_OK;
fail:
	cli_error("%s", error);
	g_free(error);
	core_grading_free(&grading);
	return CLI_STORE_ERROR;
}

/* ---- --explain ---- */

/* A criterion's value in words: "50000.00 USD", "2 orders", "10 days
 * ago", "75% (3 of 4)", "365 days". */
static char *value_text(const struct core_grading *grading, const struct core_grade *g,
                        enum grade_criterion c)
{
	const struct grade_line *l = &g->result.lines[c];
	const struct store_grade_facts *f = g->facts;
	char amount[40];

	switch (c) {
	case GRADE_VALUE:
		core_amount_format(l->value, amount, sizeof(amount));
		return g_strdup_printf("%s %s", amount, grading->cfg->currency);
	case GRADE_ORDERS:
		return g_strdup_printf("%lld order%s", (long long)l->value, l->value == 1 ? "" : "s");
	case GRADE_RECENCY:
		return l->value < 0 ? g_strdup("never wrote")
		                    : g_strdup_printf("%lld days ago",
		                                      (long long)(l->value / DAY_SECONDS));
	case GRADE_ANSWERS:
		return l->value < 0 ? g_strdup("we wrote nothing")
		                    : g_strdup_printf("%lld%% (%llu of %llu)", (long long)l->value,
		                                      (unsigned long long)MIN(f->n_answered, f->n_ours),
		                                      (unsigned long long)f->n_ours);
	case GRADE_TENURE:
		return l->value < 0 ? g_strdup("no mail")
		                    : g_strdup_printf("%lld days", (long long)(l->value / DAY_SECONDS));
	case GRADE_N_CRITERIA:
		break;
	}
	return g_strdup("?");
}

/* What the value means in JSON: numbers, null when there is none. */
static void criterion_json_value(json_t *o, const struct core_grading *grading,
                                 const struct core_grade *g, enum grade_criterion c)
{
	const struct grade_line *l = &g->result.lines[c];
	const struct store_grade_facts *f = g->facts;

	switch (c) {
	case GRADE_VALUE:
		json_object_set_new(o, "value", cli_json_amount(l->value));
		json_object_set_new(o, "currency", json_string(grading->cfg->currency));
		break;
	case GRADE_ORDERS:
		json_object_set_new(o, "value", json_integer(l->value));
		break;
	case GRADE_RECENCY:
		json_object_set_new(o, "value", l->value < 0 ? json_null()
		                                             : json_integer(l->value / DAY_SECONDS));
		json_object_set_new(o, "unit", json_string("days"));
		json_object_set_new(o, "last_inbound", cli_json_time(f->last_inbound));
		break;
	case GRADE_ANSWERS:
		json_object_set_new(o, "value", l->value < 0 ? json_null() : json_integer(l->value));
		json_object_set_new(o, "unit", json_string("percent"));
		json_object_set_new(o, "answered", json_integer((json_int_t)MIN(f->n_answered,
		                                                                 f->n_ours)));
		json_object_set_new(o, "ours", json_integer((json_int_t)f->n_ours));
		break;
	case GRADE_TENURE:
		json_object_set_new(o, "value", l->value < 0 ? json_null()
		                                             : json_integer(l->value / DAY_SECONDS));
		json_object_set_new(o, "unit", json_string("days"));
		json_object_set_new(o, "first_contact", cli_json_time(f->first_contact));
		break;
	case GRADE_N_CRITERIA:
		break;
	}
}

static json_t *explain_json(const struct core_grading *grading, const struct core_grade *g)
{
	json_t *o = grade_json(g), *criteria = json_array(), *thresholds = json_array();
	const struct grade_scale *s = &grading->scale;

	/* Explaining writes nothing: "previous" would read as "before this". */
	json_object_del(o, "previous");
	json_object_set_new(o, "stored", cli_json_string(g->previous));
	for (size_t i = 0; i < GRADE_N_CRITERIA; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "name", json_string(grade_criterion_name((enum grade_criterion)i)));
		criterion_json_value(c, grading, g, (enum grade_criterion)i);
		json_object_set_new(c, "points", json_integer(g->result.lines[i].points));
		json_object_set_new(c, "max_points", json_integer(g->result.lines[i].max_points));
		json_array_append_new(criteria, c);
	}
	for (size_t i = 0; i + 1 < s->n_names; i++) {
		json_t *t = json_object();
		json_object_set_new(t, "grade", json_string(s->names[i]));
		json_object_set_new(t, "points", json_integer(s->thresholds[i]));
		json_array_append_new(thresholds, t);
	}
	json_object_set_new(o, "criteria", criteria);
	json_object_set_new(o, "thresholds", thresholds);
	json_object_set_new(o, "dormant_grade", json_string(s->names[s->n_names - 1]));
	json_object_set_new(o, "dormant_after_days",
	                    json_integer(grading->cfg->dormant_seconds / DAY_SECONDS));
	json_object_set_new(o, "window_days",
	                    json_integer(grading->cfg->window_seconds / DAY_SECONDS));
	return o;
}

static void print_explain(const struct core_grading *grading, const struct core_grade *g)
{
	const struct grade_scale *s = &grading->scale;
	GString *line = g_string_new(NULL);

	safe_text_append(line, g->facts->key, SAFE_TEXT_LINE);
	g_string_append_printf(line, ": %s, %u points%s", g->computed, g->result.total,
	                       g->result.dormant ? " (dormant)" : "");
	printf("%s\n", line->str);
	printf("  %-12s %-26s %s\n", "CRITERION", "VALUE", "POINTS");
	for (size_t i = 0; i < GRADE_N_CRITERIA; i++) {
		char *value = value_text(grading, g, (enum grade_criterion)i);
		g_string_truncate(line, 0);
		g_string_append_printf(line, "  %-12s ", grade_criterion_name((enum grade_criterion)i));
		cli_pad(line, value, 26);
		g_string_append_printf(line, " %u of %u", g->result.lines[i].points,
		                       g->result.lines[i].max_points);
		printf("%s\n", line->str);
		g_free(value);
	}
	printf("  %-12s %-26s %u\n", "total", "", g->result.total);
	g_string_truncate(line, 0);
	for (size_t i = 0; i + 1 < s->n_names; i++)
		g_string_append_printf(line, "%s%s %u", i > 0 ? ", " : "", s->names[i],
		                       s->thresholds[i]);
	printf("  thresholds: %s; %s below them, or after %u days without mail from them\n",
	       line->str, s->names[s->n_names - 1], grading->cfg->dormant_seconds / DAY_SECONDS);
	printf("  window: orders and our mails of the last %u days; order value in %s only\n",
	       grading->cfg->window_seconds / DAY_SECONDS, grading->cfg->currency);
	if (g->facts->grade_manual != NULL) {
		g_string_truncate(line, 0);
		safe_text_append(line, g->facts->grade_manual, SAFE_TEXT_LINE);
		printf("  manual grade %s overrides it (customer set ... grade=auto returns to %s)\n",
		       line->str, g->computed);
	}
	g_string_free(line, TRUE);
}

static int explain(struct cli_ctx *ctx, const char *customer)
{
	struct store_target target = { 0 };
	struct core_grading *grading = NULL;
	char *error = NULL;
	int ret = cli_resolve_target(ctx, customer, &target);

	if (ret != CLI_OK)
		return ret;
	if (core_grade_compute(ctx->st, ctx->cfg, target.customer_id, ctx->now, &grading,
	                       &error) < 0) {
		cli_error("%s", error);
		ret = CLI_STORE_ERROR;
		goto out;
	}
	if (grading->n != 1) {
		cli_error("no customer '%s'", customer);
		ret = CLI_NOT_FOUND;
		goto out;
	}
	if (ctx->json) {
		json_t *arr = json_array();
		json_array_append_new(arr, explain_json(grading, &grading->grades[0]));
		cli_print_json(arr);
	} else {
		print_explain(grading, &grading->grades[0]);
	}
out:
	g_free(error);
	core_grading_free(&grading);
	store_target_clear(&target);
	return ret;
}

int cmd_grade(struct cli_ctx *ctx)
{
	const char *customer = NULL;

	if (cli_take_option(ctx, "explain", &customer) < 0 ||
	    cli_expect_args(ctx, 0, 0) < 0)
		return CLI_USAGE;
	return customer != NULL ? explain(ctx, customer) : grade_all(ctx);
}
