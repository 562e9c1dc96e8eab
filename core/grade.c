/* grade: see grade.h. */
#include <glib.h>

#include "core/grade.h"

#define DAY_SECONDS INT64_C(86400)

/* The scale of [grading]: durations and amounts in the units of
 * rules/grade.h (seconds, thousandths). */
static void scale_of(const struct config_grading *g, struct grade_scale *s)
{
	*s = (struct grade_scale){
		.names = (const char *const *)g->grades,
		.n_names = g->n_grades,
		.thresholds = g->thresholds,
		.max_points = {
			[GRADE_VALUE] = g->value_points,
			[GRADE_ORDERS] = g->orders_points,
			[GRADE_RECENCY] = g->recency_points,
			[GRADE_ANSWERS] = g->answers_points,
			[GRADE_TENURE] = g->tenure_points,
		},
		.value_full_milli = (int64_t)g->value_full * 1000,
		.orders_full = g->orders_full,
		.recency_full = g->recency_full_seconds,
		.dormant_after = g->dormant_seconds,
		.tenure_full = g->tenure_full_seconds,
	};
}

static void grade_one(const struct grade_scale *s, const struct store_grade_facts *f,
                      int64_t now, struct core_grade *g_r)
{
	const struct grade_input in = {
		.value_milli = f->value_milli,
		.n_orders = f->n_orders,
		.last_inbound = f->last_inbound,
		.first_contact = f->first_contact,
		.n_ours = f->n_ours,
		.n_answered = f->n_answered,
	};

	g_r->facts = f;
	grade_compute(s, &in, now, &g_r->result);
	g_r->computed = s->names[g_r->result.grade];
	g_r->previous = f->grade_computed;
}

int core_grade_compute(struct store *st, const struct config *cfg, int64_t customer_id,
                       int64_t now, struct core_grading **grading_r, char **error_r)
{
	struct core_grading *g = g_new0(struct core_grading, 1);

	g->cfg = &cfg->grading;
	g->now = now;
	g->since = now - (int64_t)cfg->grading.window_seconds;
	scale_of(&cfg->grading, &g->scale);
	if (store_grade_facts(st, customer_id, g->since, now, cfg->grading.currency, &g->facts,
	                      &g->n, error_r) < 0) {
		core_grading_free(&g);
		return -1;
	}
	g->grades = g_new0(struct core_grade, g->n > 0 ? g->n : 1);
	for (size_t i = 0; i < g->n; i++)
		grade_one(&g->scale, &g->facts[i], now, &g->grades[i]);
	*grading_r = g;
	return 0;
}

int core_grade_record(struct store *st, const struct core_grading *grading, char **error_r)
{
	for (size_t i = 0; i < grading->n; i++) {
		const struct core_grade *g = &grading->grades[i];
		if (store_grade_write(st, g->facts->customer_id, g->computed, grading->now,
		                      error_r) < 0)
			return -1;
	}
	return 0;
}

void core_grading_free(struct core_grading **grading)
{
	struct core_grading *g = *grading;

	if (g == NULL)
		return;
	store_grade_facts_free(&g->facts, g->n);
	g_free(g->grades);
	g_free(g);
	*grading = NULL;
}

/* Inside the caller's transaction: 0 graded, 1 not due, -1. */
static int grade_if_due(struct store *st, const struct config *cfg, int64_t now, size_t *n_r,
                        char **error_r)
{
	struct core_grading *grading = NULL;
	int64_t last;
	int ret = -1;

	if (store_grade_last_run(st, &last, error_r) < 0)
		goto out;
	/* A clock set back (--now in the past) waits for the day to pass
	 * again rather than grading with an older view. */
	if (last != INT64_MIN && now - last < DAY_SECONDS) {
		ret = 1;
		goto out;
	}
	if (core_grade_compute(st, cfg, 0, now, &grading, error_r) < 0 ||
	    core_grade_record(st, grading, error_r) < 0)
		goto out;
	*n_r = grading->n;
	ret = 0;
out:
	core_grading_free(&grading);
	return ret;
}

int core_grade_daily(struct store *st, const struct config *cfg, int64_t now, size_t *n_r,
                     char **error_r)
{
	int ret;

	*n_r = 0;
	if (store_begin(st, error_r) < 0)
		return -1;
	ret = grade_if_due(st, cfg, now, n_r, error_r);
	if (ret != 0) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st, error_r);
}
